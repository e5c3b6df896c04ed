"""Project page: the words of this page."""

# French typography: a no-break space (\u00a0) before : ; ? ! and %, so a sign never starts a line.
TEXTS: dict[str, tuple[str, str]] = {
    "project.pick": ("Project", "Projet"),
    "project.pick.placeholder": ("Type a code or a name", "Saisissez un code ou un intitulé"),
    "project.none": (
        "Choose a project above, or a row of the Overview's project table.",
        "Choisissez un projet ci-dessus, ou une ligne du tableau des projets de la Vue d'ensemble.",
    ),
    "project.missing": (
        "There is no project {code} on this snapshot: it may have started later or been closed.",
        "Il n'y a pas de projet {code} à cette date\u00a0: il a pu démarrer plus tard ou être clos.",
    ),
    "project.stale": (
        "Not reported: the last update is from {date}, more than {days} days before this snapshot. "
        "Its statuses show Grey, not its old colours.",
        "Non renseigné\u00a0: la dernière mise à jour date du {date}, plus de {days} jours avant cette "
        "situation. Sa météo est grise, pas ses anciennes couleurs.",
    ),
    "project.comment": (
        "Project manager's comment: {comment}",
        "Commentaire du chef de projet\u00a0: {comment}",
    ),
    "project.status.help": (
        "As reported on this snapshot, against the one the last committee reviewed (else the previous one). "
        "Grey: no update for more than {days} days.",
        "Telle que renseignée à cette date, comparée à la situation revue par le dernier comité (sinon la "
        "précédente). Gris\u00a0: aucune mise à jour "
        "depuis plus de {days} jours.",
    ),
    "project.end_slip": ("{date} ({days} d)", "{date} ({days}\u00a0j)"),
    # Status history
    "project.history.heading": ("Status history", "Historique de la météo"),
    "project.history.title": (
        "Overall status: {first} on {start}, {last} on {end}",
        "Météo globale\u00a0: {first} au {start}, {last} au {end}",
    ),
    "project.history.title_one": ("Overall status: {last} on {end}", "Météo globale\u00a0: {last} au {end}"),
    "project.history.dimension": ("Dimension", "Dimension"),
    "project.history.empty": (
        "No snapshot holds this project yet.",
        "Aucune situation ne contient encore ce projet.",
    ),
    # Milestones
    "project.milestones.heading": ("Milestones", "Jalons"),
    "project.milestones.caption": (
        "{late} of {n} milestones late: forecast after the baseline, or date passed without being achieved.",
        "{late} jalons sur {n} en retard\u00a0: prévision après la référence, ou échéance "
        "passée sans être atteint.",
    ),
    "project.milestones.empty": (
        "The tracker gives no milestone for this project.",
        "Le suivi ne donne aucun jalon pour ce projet.",
    ),
    "project.state.done": ("Achieved", "Atteint"),
    "project.state.late": ("Late", "En retard"),
    "project.state.on_track": ("On track", "Dans les temps"),
    "project.col.forecast": ("Forecast", "Prévision"),
    "project.col.actual": ("Achieved on", "Atteint le"),
    "project.col.slip.help": (
        "Days between the achieved (else forecast) date and the baseline; negative is early.",
        "Jours entre la date réelle (sinon prévue) et la référence\u00a0; négatif = en avance.",
    ),
    # Risks
    "project.risks.heading": ("Risks", "Risques"),
    "project.risks.empty": (
        "The tracker gives no risk for this project.",
        "Le suivi ne donne aucun risque pour ce projet.",
    ),
    "project.col.band": ("Band", "Niveau"),  # as on the Risks page, where "Criticité" is the 1-25 score
    "project.col.response": ("Response", "Réponse"),
    "project.col.risk_status": ("Status", "Statut"),
    "project.col.due": ("Due", "Échéance"),
    "project.heatmap.title": (
        "{n} open high or critical {n:risk|risks}",
        "{n} {n:risque ouvert élevé ou critique|risques ouverts élevés ou critiques}",
    ),
    "project.heatmap.title.none": ("No open high or critical risk", "Aucun risque ouvert élevé ou critique"),
    "project.heatmap.subtitle": (
        "Open risks by probability and impact (inherent)",
        "Risques ouverts par probabilité et impact (bruts)",
    ),
    "project.heatmap.x": ("Impact (1–5)", "Impact (1–5)"),
    "project.heatmap.y": ("Probability (1–5)", "Probabilité (1–5)"),
    "project.heatmap.count": ("Open risks", "Risques ouverts"),
    # Monthly costs
    "project.costs.heading": ("Monthly costs", "Coûts mensuels"),
    "project.costs.title_over": (
        "Spent {actual} against {planned} planned for the same months: {gap} over",
        "Consommé {actual} pour {planned} prévus sur les mêmes mois\u00a0: {gap} au-dessus",
    ),
    "project.costs.title_under": (
        "Spent {actual} against {planned} planned for the same months: {gap} under",
        "Consommé {actual} pour {planned} prévus sur les mêmes mois\u00a0: {gap} en dessous",
    ),
    "project.costs.title_plain": (
        "Cost per month: plan, actual and forecast",
        "Coût par mois\u00a0: prévu, réalisé et prévision",
    ),
    "project.costs.subtitle": (
        "All cost types; bars: actual then forecast, line: baseline plan",
        "Toutes natures\u00a0; barres\u00a0: réalisé puis prévision, ligne\u00a0: budget planifié",
    ),
    "project.costs.actual": ("Actual", "Réalisé"),
    "project.costs.forecast": ("Forecast", "Prévision"),
    "project.costs.planned": ("Planned", "Prévu"),
    "project.costs.month": ("Month", "Mois"),
    "project.costs.amount": ("Amount", "Montant"),
    "project.costs.y": ("Cost per month ({unit})", "Coût par mois ({unit})"),
    "project.costs.empty": (
        "The tracker gives no monthly cost line for this project.",
        "Le suivi ne donne aucune ligne de coût mensuelle pour ce projet.",
    ),
    # Earned value
    "project.ev.heading": ("Earned value", "Valeur acquise"),
    "project.ev.caption": (
        "On {date}, the end of the last complete month; forecast by the {method} method (Settings).",
        "Au {date}, fin du dernier mois complet\u00a0; atterrissage selon la méthode {method} (Paramètres).",
    ),
    "project.ev.empty": (
        "No earned value: this project has no budget, progress or cost on this snapshot.",
        "Pas de valeur acquise\u00a0: ce projet n'a ni budget, ni avancement, ni coût à cette date.",
    ),
    "project.ev.method.cpi": ("CPI (BAC / CPI)", "CPI (BAC / CPI)"),
    "project.ev.method.atypical": ("atypical variance (AC + BAC − EV)", "écart atypique (CR + BAC − VA)"),
    "project.ev.method.cpi_spi": ("CPI × SPI", "CPI × SPI"),
    "project.ev.method.bottom_up": (
        "bottom-up (AC + the tracker's estimate to complete)",
        "ascendante (CR + reste à faire du suivi)",
    ),
    "project.ev.bac": ("Budget (BAC)", "Budget (BAC)"),
    "project.ev.bac.help": (
        "Budget at completion: the baseline budget.",
        "Budget à terminaison\u00a0: le budget de référence.",
    ),
    "project.ev.pv": ("Planned value (PV)", "Valeur planifiée (VP)"),
    "project.ev.pv.help": (
        "The baseline's cost planned up to the status date.",
        "Coût prévu par la référence jusqu'à la date d'arrêté.",
    ),
    "project.ev.ev": ("Earned value (EV)", "Valeur acquise (VA)"),
    "project.ev.ev.help": ("EV = % complete × BAC.", "VA = avancement × BAC."),
    "project.ev.ac": ("Actual cost (AC)", "Coût réel (CR)"),
    "project.ev.ac.help": ("Actual cost up to the status date.", "Coût réel jusqu'à la date d'arrêté."),
    "project.ev.eac": ("Forecast (EAC)", "Atterrissage (EAC)"),
    "project.ev.eac.help": (
        "Estimate at completion by the method in Settings.",
        "Estimation à terminaison selon la méthode des Paramètres.",
    ),
    "project.ev.vac": ("Variance (VAC)", "Écart (VAC)"),
    "project.ev.vac.help": (
        "VAC = BAC − EAC; negative is an overrun.",
        "VAC = BAC − EAC\u00a0; négatif = dépassement.",
    ),
    "project.ev.cpi": ("CPI", "CPI"),
    "project.ev.cpi.help": (
        "Cost performance index = EV / AC; green from {green}, red below {red}; n/a when AC = 0.",
        "Indice de performance des coûts = VA / CR\u00a0; vert dès {green}, rouge sous {red}\u00a0; "
        "n.d. si CR = 0.",
    ),
    "project.ev.spi": ("SPI", "SPI"),
    "project.ev.spi.help": (
        "Schedule performance index = EV / PV; green from {green}, red below {red}; n/a when PV = 0.",
        "Indice de performance des délais = VA / VP\u00a0; vert dès {green}, rouge sous {red}\u00a0; "
        "n.d. si VP = 0.",
    ),
    "project.ev.tcpi": ("TCPI", "TCPI"),
    "project.ev.tcpi.help": (
        "To-complete performance index = (BAC − EV) / (BAC − AC): the CPI needed to finish on budget.",
        "Indice de performance à terminaison = (BAC − VA) / (BAC − CR)\u00a0: le CPI nécessaire "
        "pour finir dans le budget.",
    ),
    "project.ev.cv": ("Cost var. (CV)", "Écart de coût (EC)"),
    "project.ev.cv.help": ("CV = EV − AC; negative is over cost.", "EC = VA − CR\u00a0; négatif = surcoût."),
    "project.ev.sv": ("Schedule var. (SV)", "Écart de délai (ED)"),
    "project.ev.sv.help": (
        "SV = EV − PV; negative is behind schedule.",
        "ED = VA − VP\u00a0; négatif = retard.",
    ),
    "project.ev.etc": ("To complete (ETC)", "Reste à faire (RAF)"),
    "project.ev.etc.help": ("ETC = EAC − AC.", "RAF = EAC − CR."),
}
