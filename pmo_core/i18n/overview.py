"""Overview page: the words of this page."""

# French typography: a no-break space (\u00a0) before : ; ? ! and %, so a sign never starts a line.
TEXTS: dict[str, tuple[str, str]] = {
    "overview.title": (
        "Where does the portfolio stand on {date}?",
        "Où en est le portefeuille au {date}\u00a0?",
    ),
    "overview.points": ("{n} pts", "{n}\u00a0pts"),
    "overview.unit.kilo": ("{unit}k", "k{unit}"),
    "overview.days": ("{n} days", "{n} jours"),
    # Headline figures
    "overview.kpi.projects": ("Active projects", "Projets actifs"),
    "overview.kpi.projects.help": (
        "Projects in the portfolio on this snapshot, within the filters.",
        "Projets du portefeuille à cette date, dans les filtres.",
    ),
    "overview.kpi.bac": ("Budget (BAC)", "Budget (BAC)"),
    "overview.kpi.bac.help": (
        "Budget at completion (BAC): the projects' baseline budgets (the sum of planned lines when a tracker gives "
        "none).",
        "Budget à terminaison (BAC)\u00a0: budgets de référence des projets (somme des lignes prévues quand le suivi "
        "n'en donne pas).",
    ),
    "overview.kpi.ac": ("Spent to date", "Consommé à date"),
    "overview.kpi.ac.help": (
        "Actual cost (AC) up to the end of the last complete month.",
        "CR\u00a0: coût réel jusqu'à la fin du dernier mois complet.",
    ),
    "overview.kpi.eac": ("Forecast (EAC)", "Atterrissage"),
    "overview.kpi.eac.help": (
        "Forecast at completion (EAC) by the method chosen in Settings (eac_method), rolled up from the summed earned "
        "value as on the Budget page. A rise is bad news.",
        "Estimation à terminaison selon la méthode des Paramètres (eac_method), consolidée à "
        "partir de la valeur acquise totale comme sur la page Budget. Une hausse est une "
        "mauvaise nouvelle.",
    ),
    "overview.kpi.vac": ("Variance (VAC)", "Écart (VAC)"),
    "overview.kpi.vac.help": (
        "Variance at completion: VAC = BAC − EAC; negative is an overrun.",
        "Écart à terminaison\u00a0: VAC = budget − atterrissage\u00a0; négatif = dépassement.",
    ),
    "overview.kpi.vac_share": ("Variance %", "Écart en %"),
    "overview.kpi.vac_share.help": (
        "Variance at completion as a share of the budget at completion; the change is in percentage points.",
        "Écart à terminaison rapporté au budget initial\u00a0; l'évolution est en points de pourcentage.",
    ),
    "overview.kpi.green.help": ("Projects reported Green.", "Projets en météo verte."),
    "overview.kpi.amber.help": (
        "Projects reported Amber: under watch.",
        "Projets en météo orange\u00a0: sous surveillance.",
    ),
    "overview.kpi.red.help": (
        "Projects reported Red: in trouble.",
        "Projets en météo rouge\u00a0: en difficulté.",
    ),
    "overview.kpi.grey.help": (
        "Projects without a status, or not updated for more than {days} days (the reporting "
        "period in Settings): their old colour is not shown.",
        "Projets sans météo, ou sans mise à jour depuis plus de {days} jours (la période de "
        "reporting des Paramètres)\u00a0: leur ancienne couleur n'est pas affichée.",
    ),
    "overview.kpi.critical_risks": ("Critical risks", "Risques critiques"),
    "overview.kpi.critical_risks.help": (
        "Open risks whose probability × impact falls in the Critical band of the risk matrix.",
        "Risques ouverts dont la probabilité × impact tombe dans la zone critique de la matrice des risques.",
    ),
    "overview.kpi.late_projects": ("Late projects", "Projets en retard"),
    "overview.kpi.late_projects.help": (
        "Projects with a late milestone: not achieved, and forecast after its baseline or its date passed.",
        "Projets avec un jalon en retard\u00a0: non atteint, et prévu après sa référence ou échéance passée.",
    ),
    # Project table
    "overview.table.title": ("Projects, worst first ({n})", "Projets, les plus en difficulté d'abord ({n})"),
    "overview.table.caption": (
        "Choose a row, or a project below, to open its page. Grey: no update for more than "
        "{days} days. Arrows compare with the snapshot the last committee reviewed (else the previous "
        "one): ↑ better, → unchanged, ↓ worse, ✱ new.",
        "Choisissez une ligne, ou un projet ci-dessous, pour ouvrir sa fiche. Gris\u00a0: "
        "aucune mise à jour depuis plus de {days} jours. Les flèches comparent à la situation revue "
        "par le dernier comité (sinon la précédente)\u00a0: ↑ mieux, → stable, ↓ moins bien, ✱ nouveau.",
    ),
    "overview.table.limited": (
        "The {shown} projects that need attention most of {total} are listed; the project picker and the Excel "
        "download hold them all.",
        "Les {shown} projets qui demandent le plus d'attention sur {total} sont listés\u00a0; le sélecteur de "
        "projet et le téléchargement Excel les contiennent tous.",
    ),
    "overview.open_project": ("Open a project page", "Ouvrir la fiche d'un projet"),
    "overview.open_project.placeholder": ("Type a code or a name", "Saisissez un code ou un intitulé"),
    "overview.col.code": ("Code", "Code"),
    "overview.col.code.help": (
        "Opens the project page in a new tab; the link can be shared.",
        "Ouvre la fiche projet dans un nouvel onglet\u00a0; le lien peut être partagé.",
    ),
    "overview.col.project": ("Project", "Projet"),
    "overview.col.status": ("Status", "Météo"),
    "overview.col.status.help": (
        "Status with its trend against the snapshot the last committee reviewed (else the previous one): "
        "↑ better, → unchanged, ↓ worse, ✱ new.",
        "Météo et tendance par rapport à la situation revue par le dernier comité (sinon la précédente)\u00a0: "
        "↑ mieux, "
        "→ stable, ↓ moins bien, ✱ nouveau.",
    ),
    "overview.col.trend": ("trend", "tendance"),
    "overview.col.percent": ("% complete", "Avancement"),
    "overview.col.bac": ("Budget ({unit})", "Budget ({unit})"),
    "overview.col.ac": ("Actual ({unit})", "Consommé ({unit})"),
    "overview.col.eac": ("Forecast ({unit})", "Atterrissage ({unit})"),
    "overview.col.vac": ("Variance ({unit})", "Écart ({unit})"),
    "overview.col.cpi.help": (
        "Cost performance index = EV / AC; n/a when nothing was spent.",
        "Indice de performance des coûts = VA / CR\u00a0; n.d. sans dépense.",
    ),
    "overview.col.spi.help": (
        "Schedule performance index = EV / PV; n/a when nothing was planned yet.",
        "Indice de performance des délais = VA / VP\u00a0; n.d. sans valeur planifiée.",
    ),
    "overview.col.next_milestone": ("Next milestone", "Prochain jalon"),
    "overview.col.next_date": ("Due", "Échéance"),
    "overview.col.slip": ("Slip (days)", "Glissement (jours)"),
    "overview.col.slip.help": (
        "Days between the next milestone's forecast and its baseline; negative is early.",
        "Jours entre la prévision du prochain jalon et sa référence\u00a0; négatif = en avance.",
    ),
    "overview.col.late": ("Late milestones", "Jalons en retard"),
    "overview.col.high": ("High risks", "Risques élevés"),
    "overview.col.critical": ("Critical risks", "Risques critiques"),
    "overview.col.risks.help": (
        "Open risks in this band of the risk matrix.",
        "Risques ouverts dans cette zone de la matrice.",
    ),
    "overview.col.last_update": ("Last update", "Dernière mise à jour"),
    "overview.col.last_update.help": (
        "Older than {days} days: the project shows Grey.",
        "Plus de {days} jours\u00a0: le projet passe en gris.",
    ),
    "overview.col.before": ("Before", "Avant"),
    "overview.col.after": ("Now", "Maintenant"),
    "overview.col.direction": ("Change", "Évolution"),
    "overview.col.move": ("Change", "Mouvement"),
    "overview.col.budget_before": ("Budget before ({unit})", "Budget avant ({unit})"),
    "overview.col.budget_after": ("Budget now ({unit})", "Budget actuel ({unit})"),
    "overview.col.budget_change": ("Change ({unit})", "Variation ({unit})"),
    "overview.col.budget_share": ("Change (%)", "Variation (%)"),
    "overview.col.milestone": ("Milestone", "Jalon"),
    "overview.col.baseline": ("Baseline", "Référence"),
    "overview.col.date": ("Date", "Date"),
    "overview.col.state": ("State", "État"),
    "overview.col.forecast_before": ("Forecast before", "Prévision avant"),
    "overview.col.forecast_after": ("Forecast now", "Prévision actuelle"),
    "overview.col.slip_since": ("Slip since (days)", "Glissement depuis (jours)"),
    "overview.col.risk": ("Risk", "Risque"),
    "overview.col.risk_title": ("Title", "Intitulé"),
    "overview.col.category": ("Category", "Catégorie"),
    "overview.col.score": ("Probability × impact", "Probabilité × impact"),
    "overview.col.was": ("Before", "Avant"),
    "overview.col.owner": ("Owner", "Porteur"),
    "overview.arrow.better": ("better", "en amélioration"),
    "overview.arrow.same": ("unchanged", "stable"),
    "overview.arrow.worse": ("worse", "en dégradation"),
    "overview.arrow.new": ("new", "nouveau"),
    "overview.arrow.unknown": ("not comparable (not reported)", "non comparable (non renseigné)"),
    "overview.export.sheet": ("Projects", "Projets"),
    "overview.export.file": ("portfolio_{date}.xlsx", "portefeuille_{date}.xlsx"),
    "overview.export.bac": ("Budget at completion", "Budget initial"),
    "overview.export.ac": ("Actual cost", "Consommé"),
    "overview.export.eac": ("Forecast at completion", "Atterrissage"),
    "overview.export.vac": ("Variance at completion", "Écart à terminaison"),
    "overview.export.cpi": ("CPI", "CPI"),
    "overview.export.spi": ("SPI", "SPI"),
    # What changed
    "overview.changes.title": ("What changed", "Ce qui a changé"),
    "overview.changes.none": (
        "There is no earlier snapshot to compare with.",
        "Il n'y a pas de situation antérieure à comparer.",
    ),
    "overview.changes.since": ("Compare with the snapshot of", "Comparer avec la situation du"),
    "overview.changes.status": ("Status changes", "Changements de météo"),
    "overview.changes.moves": ("New and closed projects", "Projets nouveaux et clos"),
    "overview.changes.budget": ("Budget changes", "Changements de budget"),
    "overview.changes.slips": ("Milestone slips", "Glissements de jalons"),
    "overview.changes.risks": ("New critical risks", "Nouveaux risques critiques"),
    "overview.changes.status.empty": (
        "No project changed status since {date}.",
        "Aucun projet n'a changé de météo depuis le {date}.",
    ),
    "overview.changes.moves.empty": (
        "No project started or closed since {date}.",
        "Aucun projet n'a démarré ni n'a été clos depuis le {date}.",
    ),
    "overview.changes.budget.empty": (
        "No budget moved by {threshold} % or more since {date}.",
        "Aucun budget n'a varié de {threshold}\u00a0% ou plus depuis le {date}.",
    ),
    "overview.changes.slips.empty": (
        "No milestone slipped since {date}.",
        "Aucun jalon n'a glissé depuis le {date}.",
    ),
    "overview.changes.risks.empty": (
        "No new critical risk since {date}.",
        "Aucun nouveau risque critique depuis le {date}.",
    ),
    "overview.direction.worse": ("Worse", "Dégradation"),
    "overview.direction.better": ("Better", "Amélioration"),
    "overview.direction.stopped_reporting": ("Stopped reporting", "N'est plus renseigné"),
    "overview.direction.resumed_reporting": ("Reporting again", "De nouveau renseigné"),
    "overview.move.new": ("New", "Nouveau"),
    "overview.move.closed": ("Closed or removed", "Clos ou retiré"),
    "overview.was.new": ("New risk", "Nouveau risque"),
    "overview.was.closed": ("Closed", "Clos"),
    # Roll-up
    "overview.rollup.title": ("By portfolio and programme", "Par portefeuille et programme"),
    "overview.rollup.caption": (
        "Worst status: the worst colour reported in the group (Grey only when no project in "
        "it reported). CPI, SPI and forecasts are recomputed from the group's summed earned "
        "value.",
        "Pire météo\u00a0: la couleur la plus mauvaise du groupe (gris seulement si aucun "
        "projet n'est renseigné). CPI, SPI et atterrissage sont recalculés à partir de la "
        "valeur acquise totale du groupe.",
    ),
    "overview.rollup.group": ("Portfolio / programme", "Portefeuille / programme"),
    "overview.rollup.worst": ("Worst status", "Pire météo"),
    "overview.rollup.projects": ("Projects", "Projets"),
    "overview.rollup.mix": ("Statuses", "Météos"),
    "overview.rollup.mix.help": (
        "Projects by status: 🟢 Green, 🟡 Amber, 🔴 Red, ⚪ not reported.",
        "Projets par météo\u00a0: 🟢 vert, 🟡 orange, 🔴 rouge, ⚪ non renseigné.",
    ),
    "overview.rollup.total": ("All projects", "Tous les projets"),
    "overview.rollup.no_portfolio": ("(no portfolio)", "(sans portefeuille)"),
    "overview.rollup.no_programme": ("(no programme)", "(hors programme)"),
    # Roadmap
    "overview.roadmap.heading": ("Roadmap", "Feuille de route"),
    "overview.roadmap.title": (
        "{late} of {n} {n:project|projects} {late:forecasts|forecast} to finish after {late:its|their} baseline end",
        "{late} {late:projet|projets} sur {n} {late:prévoit|prévoient} de finir après {late:sa|leur} fin de "
        "référence",
    ),
    "overview.roadmap.subtitle": (
        "Bar: start to forecast end, coloured by status · black tick: baseline end · "
        "◆ milestones · dashed line: {today}",
        "Barre\u00a0: début à fin prévue, couleur de la météo · trait noir\u00a0: fin de "
        "référence · ◆ jalons · pointillés\u00a0: {today}",
    ),
    "overview.roadmap.x": ("Month", "Mois"),
    "overview.roadmap.today": ("Today", "Aujourd'hui"),
    "overview.roadmap.limited": (
        "The roadmap shows the {shown} projects that matter most of {total} (red, amber "
        "and not reported first, then by critical risks and budget): narrow the filters to "
        "see others.",
        "La feuille de route montre les {shown} projets les plus importants sur {total} "
        "(rouges, orange et non renseignés d'abord, puis par risques critiques et budget)\u00a0"
        ": affinez les filtres pour voir les autres.",
    ),
    "overview.roadmap.empty": (
        "No project in this selection has both a start and a forecast end date.",
        "Aucun projet de cette sélection n'a à la fois une date de début et une fin prévue.",
    ),
    "overview.milestone.done": ("Achieved", "Atteint"),
    "overview.milestone.planned": ("Forecast", "Prévu"),
    "overview.tip.end_slip": ("End slip", "Glissement de fin"),
    "overview.tip.open_risks": ("Open risks", "Risques ouverts"),
    "overview.tip.share": ("Share", "Part"),
    # Bubbles
    "overview.bubble.heading": ("Value and risk", "Valeur et risque"),
    "overview.bubble.title": (
        "{n} {n:project sits|projects sit} below the median value and above the median risk",
        "{n} {n:projet est|projets sont} sous la valeur médiane et au-dessus du risque médian",
    ),
    "overview.bubble.subtitle": (
        "Where the money and the danger are: bubble size is the budget, colour the status; "
        "dashed lines are the medians.",
        "Où sont l'argent et le danger\u00a0: la taille de la bulle est le budget, sa couleur "
        "la météo\u00a0; les pointillés sont les médianes.",
    ),
    "overview.bubble.x": (
        "Open risk exposure (sum of probability × impact)",
        "Exposition aux risques ouverts (somme des probabilité × impact)",
    ),
    "overview.bubble.y": ("Value: priority score (0–100)", "Valeur\u00a0: score de priorité (0–100)"),
    "overview.bubble.size": ("Budget ({unit})", "Budget ({unit})"),
    "overview.bubble.model": ("Priority score from the scoring model", "Score de priorité selon le modèle"),
    "overview.bubble.model.help": (
        "Scoring models are edited on the Prioritisation page.",
        "Les modèles de notation se modifient sur la page Priorisation.",
    ),
    "overview.bubble.median_value": ("Median value", "Valeur médiane"),
    "overview.bubble.median_risk": ("Median risk exposure", "Exposition médiane"),
    "overview.bubble.limited": (
        "The {shown} largest budgets of {total} scored projects are drawn: narrow the filters to see others.",
        "Les {shown} plus gros budgets sur {total} projets notés sont dessinés\u00a0: "
        "affinez les filtres pour voir les autres.",
    ),
    "overview.bubble.empty": (
        "No project in this selection has all the inputs of this scoring model.",
        "Aucun projet de cette sélection n'a toutes les données de ce modèle de notation.",
    ),
    "overview.bubble.no_model": (
        "No scoring model is defined: create one on the Prioritisation page.",
        "Aucun modèle de notation n'est défini\u00a0: créez-en un sur la page Priorisation.",
    ),
    # Status trend
    "overview.trend.heading": ("Status trend", "Évolution des météos"),
    "overview.trend.title": (
        "Red projects: {first} on {start}, {last} on {end}",
        "Projets rouges\u00a0: {first} au {start}, {last} au {end}",
    ),
    "overview.trend.title_one": ("Red projects: {n} on {end}", "Projets rouges\u00a0: {n} au {end}"),
    "overview.trend.subtitle": (
        "Projects by status on each snapshot; Grey: not updated within {days} days of that snapshot.",
        "Projets par météo à chaque situation\u00a0; gris\u00a0: pas de mise à jour dans les "
        "{days} jours précédant cette situation.",
    ),
    "overview.trend.x": ("Snapshot", "Situation"),
    "overview.trend.y": ("Projects", "Projets"),
    "overview.trend.empty": ("No snapshot to draw yet.", "Aucune situation à afficher pour l'instant."),
}
