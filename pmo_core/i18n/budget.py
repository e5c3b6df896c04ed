"""Budget page: the words of earned value, the S-curve, variances, allocation and alerts."""

TEXTS: dict[str, tuple[str, str]] = {
    "budget.title": (
        "Are we spending as planned, and where will we land? Status on {date}",
        "Dépensons-nous comme prévu, et où atterrirons-nous ? Situation au {date}",
    ),
    "budget.status_date": ("Status date", "Date d'arrêté"),
    "budget.status_date.help": (
        "Every figure is as of the end of this month: monthly lines count once their month has ended. "
        "By default, the end of the last complete month of the snapshot.",
        "Tous les chiffres sont arrêtés à la fin de ce mois : une ligne mensuelle compte une fois son mois "
        "terminé. Par défaut, la fin du dernier mois complet de la situation.",
    ),
    "budget.method": ("Estimate at completion (EAC)", "Estimation à terminaison (atterrissage)"),
    "budget.method.help": (
        "The default comes from the Settings page.",
        "La valeur par défaut vient de la page Paramètres.",
    ),
    "budget.method.cpi": (
        "AC + (BAC − EV) / CPI: current cost efficiency",
        "CR + (BAC − VA) / CPI : efficience actuelle",
    ),
    "budget.method.atypical": (
        "AC + (BAC − EV): overrun so far will not recur",
        "CR + (BAC − VA) : l'écart passé ne se reproduira pas",
    ),
    "budget.method.cpi_spi": (
        "AC + (BAC − EV) / (CPI × SPI): cost and schedule",
        "CR + (BAC − VA) / (CPI × SPI) : coût et délai",
    ),
    "budget.method.bottom_up": (
        "AC + ETC: the managers' estimate to complete",
        "CR + RAF : le reste à faire des chefs de projet",
    ),
    # Headline cards
    "budget.metric.bac": ("Budget (BAC)", "Budget (BAC)"),
    "budget.metric.bac.help": (
        "Budget at completion of the selection: the sum of the project budgets.",
        "Budget à terminaison de la sélection : la somme des budgets des projets.",
    ),
    "budget.metric.ac": ("Actual cost (AC)", "Coût réel (CR)"),
    "budget.metric.ac.help": (
        "Cumulative actual cost up to the status date.",
        "Coût réel cumulé jusqu'à la date d'arrêté.",
    ),
    "budget.metric.pv": ("Planned value (PV)", "Valeur planifiée (VP)"),
    "budget.metric.pv.help": (
        "What the baseline planned to spend by the status date.",
        "Ce que le budget initial prévoyait de dépenser à la date d'arrêté.",
    ),
    "budget.metric.ev": ("Earned value (EV)", "Valeur acquise (VA)"),
    "budget.metric.ev.help": (
        "% complete × budget, summed over the projects.",
        "Avancement × budget, sommé sur les projets.",
    ),
    "budget.metric.cpi": ("CPI", "CPI"),
    "budget.metric.cpi.help": (
        "Cost performance index = EV / AC, from the sums of the selection. Green from {green}, red under {red} "
        "(Settings). Not available while no cost is recorded.",
        "Indice de performance des coûts = VA / CR, calculé sur les sommes de la sélection. Vert à partir de "
        "{green}, rouge sous {red} (Paramètres). Non disponible tant qu'aucun coût n'est enregistré.",
    ),
    "budget.metric.spi": ("SPI", "SPI"),
    "budget.metric.spi.help": (
        "Schedule performance index = EV / PV, from the sums of the selection. Green from {green}, red under "
        "{red} (Settings). Not available while nothing is planned yet.",
        "Indice de performance des délais = VA / VP, calculé sur les sommes de la sélection. Vert à partir de "
        "{green}, rouge sous {red} (Paramètres). Non disponible tant que rien n'est encore planifié.",
    ),
    "budget.metric.eac": ("Forecast (EAC)", "Atterrissage (EAC)"),
    "budget.metric.eac.help": (
        "Estimate at completion. Method: {method}.",
        "Estimation à terminaison. Méthode : {method}.",
    ),
    "budget.metric.vac": ("Variance (VAC)", "Écart (VAC)"),
    "budget.metric.vac.help": (
        "Variance at completion, BAC − EAC: negative means the selection will end over budget.",
        "Écart à terminaison, BAC − EAC : négatif, la sélection finira au-dessus du budget.",
    ),
    "budget.index.na": ("⚪ Not available", "⚪ Non disponible"),
    "budget.index.na_word": ("Not available", "Non disponible"),
    "budget.index.band.green": ("≥ {green}: within tolerance", "≥ {green} : dans la tolérance"),
    "budget.index.band.amber": ("{red} to {green}: to watch", "{red} à {green} : à surveiller"),
    "budget.index.band.red": ("< {red}: off track", "< {red} : hors trajectoire"),
    "budget.note.status": ("Figures as of {date}", "Chiffres arrêtés au {date}"),
    "budget.note.bac_from_lines": (
        "{n} {n:project|projects} without a budget: BAC is the sum of {n:its|their} planned lines",
        "{n} {n:projet|projets} sans budget : le BAC est la somme de {n:ses|leurs} lignes prévues",
    ),
    "budget.note.pv_from_schedule": (
        "{n} {n:project|projects} without planned lines: PV is the budget × the elapsed share of the baseline schedule",
        "{n} {n:projet|projets} sans lignes prévues : la VP est le budget × la part écoulée du planning initial",
    ),
    "budget.note.ac_from_field": (
        "{n} {n:project|projects} without actual lines: AC is the tracker's actual cost",
        "{n} {n:projet|projets} sans lignes de réalisé : le CR est le consommé du suivi",
    ),
    "budget.note.no_progress": (
        "{n} {n:project|projects} without % complete: {n:its|their} EV is not available",
        "{n} {n:projet|projets} sans avancement : {n:sa|leur} VA n'est pas disponible",
    ),
    # S-curve
    "budget.scurve.title_over": (
        "Forecast to land at {landing}, {gap} over the {bac} budget",
        "Atterrissage prévu à {landing}, {gap} au-dessus du budget de {bac}",
    ),
    "budget.scurve.title_under": (
        "Forecast to land at {landing}, {gap} under the {bac} budget",
        "Atterrissage prévu à {landing}, {gap} sous le budget de {bac}",
    ),
    "budget.scurve.title_on": (
        "Forecast to land at {landing}, on the {bac} budget",
        "Atterrissage prévu à {landing}, dans le budget de {bac}",
    ),
    "budget.scurve.title_plain": (
        "Planned value, earned value and actual cost",
        "Valeur planifiée, valeur acquise et coût réel",
    ),
    "budget.scurve.subtitle": (
        "Cumulative amounts; actual to {date}, then the forecast to the end",
        "Montants cumulés ; réalisé jusqu'au {date}, puis la prévision jusqu'à la fin",
    ),
    "budget.scurve.caption": (
        "PV follows the planned monthly lines. EV is % complete × budget as each snapshot reported it. "
        "The forecast lands on the EAC, phased like the forecast lines.",
        "La VP suit les lignes mensuelles prévues. La VA est l'avancement × budget tel que chaque situation l'a "
        "déclaré. La prévision atterrit sur l'EAC, répartie comme les lignes de prévision.",
    ),
    "budget.scurve.spread": (
        "Where a project's lines stop short, its remaining budget is spread evenly to its baseline end and its "
        "estimate to complete to its forecast end.",
        "Quand les lignes d'un projet s'arrêtent avant la fin, son budget restant est réparti uniformément "
        "jusqu'à sa fin initiale et son reste à faire jusqu'à sa fin prévue.",
    ),
    "budget.scurve.empty": (
        "No cost line or budget in this selection.",
        "Aucune ligne de coût ni budget dans cette sélection.",
    ),
    "budget.series.pv": ("Planned value (PV)", "Valeur planifiée (VP)"),
    "budget.series.ev": ("Earned value (EV)", "Valeur acquise (VA)"),
    "budget.series.ac": ("Actual cost (AC)", "Coût réel (CR)"),
    "budget.series.forecast": ("Forecast", "Prévision"),
    "budget.series.planned_month": ("Planned", "Prévu"),
    "budget.status_marker": ("Status date {date}", "Arrêté au {date}"),
    "budget.bac_marker": ("Budget {bac}", "Budget {bac}"),
    "budget.axis.month": ("Month", "Mois"),
    "budget.axis.cumulative": ("Cumulative amount ({unit})", "Montant cumulé ({unit})"),
    "budget.axis.monthly": ("Spend per month ({unit})", "Dépense par mois ({unit})"),
    "budget.axis.amount": ("Amount ({unit})", "Montant ({unit})"),
    "budget.axis.cv": ("Cost variance, EV − AC ({unit})", "Écart de coût, VA − CR ({unit})"),
    "budget.axis.overrun": ("Forecast overrun, EAC − BAC ({unit})", "Dépassement prévu, EAC − BAC ({unit})"),
    "budget.tip.series": ("Series", "Série"),
    "budget.tip.date": ("Date", "Date"),
    "budget.tip.month": ("Month", "Mois"),
    "budget.tip.cumulative": ("Cumulative", "Cumul"),
    "budget.tip.amount": ("Amount", "Montant"),
    "budget.tip.budget": ("Budget", "Budget"),
    "budget.tip.kind": ("Actual or forecast", "Réalisé ou prévision"),
    "budget.tip.planned_type": ("Planned (this cost type)", "Prévu (cette nature)"),
    # Monthly picture
    "budget.monthly.title_over": (
        "Last {months} months: {actual} spent, {gap} over the {planned} planned",
        "{months} derniers mois : {actual} dépensés, {gap} au-dessus des {planned} prévus",
    ),
    "budget.monthly.title_under": (
        "Last {months} months: {actual} spent, {gap} under the {planned} planned",
        "{months} derniers mois : {actual} dépensés, {gap} sous les {planned} prévus",
    ),
    "budget.monthly.title_on": (
        "Last {months} months: {actual} spent, as planned ({planned})",
        "{months} derniers mois : {actual} dépensés, comme prévu ({planned})",
    ),
    "budget.monthly.title_plain": ("Spend per month", "Dépense par mois"),
    "budget.monthly.subtitle": (
        "Bars: actual up to the status date, then forecast (lighter), split CAPEX / OPEX; line: planned",
        "Barres : réalisé jusqu'à la date d'arrêté, puis prévision (plus claire), par CAPEX / OPEX ; ligne : prévu",
    ),
    "budget.monthly.caption": (
        "From the monthly lines of the trackers: 24 months up to the status date and 12 after it.",
        "D'après les lignes mensuelles des suivis : 24 mois jusqu'à la date d'arrêté et 12 après.",
    ),
    "budget.monthly.empty": (
        "No monthly cost line in this selection.",
        "Aucune ligne de coût mensuelle dans cette sélection.",
    ),
    "budget.legend.cost_type": ("Cost type", "Nature"),
    "budget.cost_type.none": ("Not specified", "Non précisée"),
    "budget.kind.actual": ("Actual", "Réalisé"),
    "budget.kind.forecast": ("Forecast", "Prévision"),
    # Tabs
    "budget.tab.variances": ("Variances", "Écarts"),
    "budget.tab.alerts": ("Alerts ({n})", "Alertes ({n})"),
    "budget.tab.rollup": ("By portfolio and programme", "Par portefeuille et programme"),
    "budget.tab.allocation": ("Allocation", "Répartition"),
    # Variances
    "budget.rank.by": ("Rank by", "Classer par"),
    "budget.rank.cv": ("Cost variance to date", "Écart de coût à date"),
    "budget.rank.overrun": ("Forecast overrun", "Dépassement prévu"),
    "budget.rank.title_cv": (
        "{n} {n:project has|projects have} spent more than {n:it|they} earned: the {shown} largest cost variances",
        "{n} {n:projet a|projets ont} dépensé plus que {n:sa|leur} valeur acquise : les {shown} plus grands écarts de coût",
    ),
    "budget.rank.title_overrun": (
        "{n} {n:project is|projects are} forecast to exceed {n:its|their} budget: the {shown} largest overruns",
        "{n} {n:projet devrait|projets devraient} dépasser {n:son|leur} budget : les {shown} plus grands dépassements",
    ),
    "budget.rank.none_cv": (
        "No project has spent more than it earned.",
        "Aucun projet n'a dépensé plus que sa valeur acquise.",
    ),
    "budget.rank.none_overrun": (
        "No project is forecast to exceed its budget.",
        "Aucun projet ne devrait dépasser son budget.",
    ),
    "budget.legend.cpi": ("CPI", "CPI"),
    "budget.variance.caption": (
        "Budget runs out: the month in which actual cost reaches the budget at the mean spend of the last {months} "
        "complete months; ⚠ when that comes before the project's forecast end. An empty index is not available.",
        "Budget épuisé : le mois où le coût réel atteint le budget au rythme moyen des {months} derniers mois "
        "complets ; ⚠ si c'est avant la fin prévue du projet. Un indice vide n'est pas disponible.",
    ),
    "budget.capped": (
        "Showing the first {shown} of {total}; the Excel download holds them all.",
        "Affichage des {shown} premiers sur {total} ; le téléchargement Excel les contient tous.",
    ),
    "budget.alerts.show": ("Show", "Afficher"),
    "budget.exhausted": ("Already spent", "Déjà consommé"),
    "budget.download": ("Download variances and alerts (Excel)", "Télécharger écarts et alertes (Excel)"),
    "budget.file": ("budget-variances-{date}", "budget-ecarts-{date}"),
    "budget.sheet.variances": ("Variances", "Écarts"),
    "budget.sheet.alerts": ("Alerts", "Alertes"),
    # Columns
    "budget.col.with_unit": ("{label} ({unit})", "{label} ({unit})"),
    "budget.col.code": ("Code", "Code"),
    "budget.col.name": ("Project", "Projet"),
    "budget.col.portfolio": ("Portfolio", "Portefeuille"),
    "budget.col.programme": ("Programme", "Programme"),
    "budget.col.manager": ("Project manager", "Chef de projet"),
    "budget.col.bac": ("BAC", "BAC"),
    "budget.col.pv": ("PV", "VP"),
    "budget.col.ev": ("EV", "VA"),
    "budget.col.ac": ("AC", "CR"),
    "budget.col.cv": ("CV", "EC"),
    "budget.col.sv": ("SV", "ED"),
    "budget.col.cpi": ("CPI", "CPI"),
    "budget.col.cpi.help": (
        "EV / AC; not available while AC is zero.",
        "VA / CR ; non disponible tant que le CR est nul.",
    ),
    "budget.col.spi": ("SPI", "SPI"),
    "budget.col.spi.help": (
        "EV / PV; not available while PV is zero.",
        "VA / VP ; non disponible tant que la VP est nulle.",
    ),
    "budget.col.eac": ("EAC", "EAC"),
    "budget.col.etc": ("ETC", "RAF"),
    "budget.col.vac": ("VAC", "VAC"),
    "budget.col.tcpi": ("TCPI", "TCPI"),
    "budget.col.tcpi.help": (
        "(BAC − EV) / (BAC − AC): the cost efficiency needed on the remaining work to end on budget; negative "
        "once the budget is spent.",
        "(BAC − VA) / (BAC − CR) : l'efficience nécessaire sur le reste à faire pour finir dans le budget ; "
        "négatif une fois le budget consommé.",
    ),
    "budget.col.overrun": ("Overrun", "Dépassement"),
    "budget.col.overrun_pct": ("Overrun %", "Dépassement %"),
    "budget.col.burn_rate": ("Monthly burn", "Consommation mensuelle"),
    "budget.col.exhaustion_month": ("Budget runs out", "Budget épuisé en"),
    "budget.col.exhaustion_month.help": (
        "At the mean monthly spend of the last complete months.",
        "Au rythme moyen de dépense des derniers mois complets.",
    ),
    "budget.col.warning.help": (
        "The budget runs out before the forecast end.",
        "Le budget s'épuise avant la fin prévue.",
    ),
    "budget.col.percent_complete": ("% complete", "Avancement"),
    "budget.col.project_link": ("Open", "Ouvrir"),
    "budget.col.n_projects": ("Projects", "Projets"),
    "budget.col.severity": ("Severity", "Gravité"),
    "budget.col.kind": ("Alert", "Alerte"),
    "budget.col.detail": ("Detail", "Détail"),
    "budget.col.total": ("Total ({unit})", "Total ({unit})"),
    # Alerts
    "budget.alerts.none": (
        "No budget alert in this selection.",
        "Aucune alerte budgétaire dans cette sélection.",
    ),
    "budget.alerts.caption": (
        "Thresholds from Settings: CPI or SPI under {red}, forecast more than {overrun}% over budget, no actual "
        "cost in the last {days} days.",
        "Seuils des Paramètres : CPI ou SPI sous {red}, atterrissage à plus de {overrun} % au-dessus du budget, "
        "aucun coût réel depuis {days} jours.",
    ),
    "budget.severity.red": ("Act now", "À traiter"),
    "budget.severity.amber": ("Check", "À vérifier"),
    "budget.alert_kind.cpi_red": ("CPI under threshold", "CPI sous le seuil"),
    "budget.alert_kind.spi_red": ("SPI under threshold", "SPI sous le seuil"),
    "budget.alert_kind.overrun": ("Forecast over budget", "Atterrissage au-dessus du budget"),
    "budget.alert_kind.no_budget": ("Actual cost, no budget", "Coût réel sans budget"),
    "budget.alert_kind.spend_after_end": ("Spend after the end date", "Dépense après la date de fin"),
    "budget.alert_kind.stale_costs": ("No cost update", "Coûts non mis à jour"),
    "budget.alert.cpi_red": (
        "CPI {value}, under the red threshold of {threshold}",
        "CPI {value}, sous le seuil rouge de {threshold}",
    ),
    "budget.alert.spi_red": (
        "SPI {value}, under the red threshold of {threshold}",
        "SPI {value}, sous le seuil rouge de {threshold}",
    ),
    "budget.alert.overrun": (
        "Forecast {value} over budget (alert above {threshold})",
        "Atterrissage {value} au-dessus du budget (alerte au-delà de {threshold})",
    ),
    "budget.alert.no_budget": ("{value} spent with no budget", "{value} consommés sans budget"),
    "budget.alert.spend_after_end": (
        "{value} spent after the project's end date",
        "{value} dépensés après la date de fin du projet",
    ),
    "budget.alert.stale_costs": (
        "Last actual cost for the month ending {value}, more than {threshold} days ago",
        "Dernier coût réel pour le mois clos le {value}, il y a plus de {threshold} jours",
    ),
    "budget.alert.stale_never": (
        "No actual cost reported yet (reporting period: {threshold} days)",
        "Aucun coût réel déclaré à ce jour (période de reporting : {threshold} jours)",
    ),
    # Roll-up and allocation
    "budget.rollup.level": ("Roll up by", "Consolider par"),
    "budget.rollup.caption": (
        "Budgets, values and costs are summed; CPI, SPI and TCPI are recomputed from the sums, never averaged.",
        "Budgets, valeurs et coûts sont sommés ; CPI, SPI et TCPI sont recalculés sur les sommes, jamais moyennés.",
    ),
    "budget.level.portfolio": ("Portfolio", "Portefeuille"),
    "budget.level.programme": ("Programme", "Programme"),
    "budget.level.cost_type": ("Cost type", "Nature"),
    "budget.level.year": ("Year", "Année"),
    "budget.level_plural.portfolio": ("portfolios", "portefeuilles"),
    "budget.level_plural.programme": ("programmes", "programmes"),
    "budget.level_plural.cost_type": ("cost types", "natures"),
    "budget.level_plural.year": ("years", "années"),
    "budget.none": ("(none)", "(aucun)"),
    "budget.no_programme": ("(no programme)", "(hors programme)"),
    "budget.allocation.by": ("Allocate by", "Répartir par"),
    "budget.allocation.title": (
        "Forecast above budget in {over} of {total} {level}",
        "Atterrissage au-dessus du budget pour {over} {level} sur {total}",
    ),
    "budget.allocation.caption_evm": (
        "Budget = BAC, actual = AC at the status date, forecast = EAC by the chosen method.",
        "Budget = BAC, réalisé = CR à la date d'arrêté, prévision = EAC selon la méthode choisie.",
    ),
    "budget.allocation.caption_lines": (
        "From the monthly lines; what they do not cover (budget or estimate to complete without lines) is spread "
        "evenly, or shown as « Not specified » for cost types, so that the totals match BAC and EAC.",
        "D'après les lignes mensuelles ; ce qu'elles ne couvrent pas (budget ou reste à faire sans lignes) est "
        "réparti uniformément, ou classé « Non précisée » pour les natures, afin que les totaux égalent BAC et EAC.",
    ),
    "budget.measure.budget": ("Budget", "Budget"),
    "budget.measure.actual": ("Actual", "Réalisé"),
    "budget.measure.forecast": ("Forecast", "Atterrissage"),
    "budget.phasing.show": (
        "Show multi-year projects by year",
        "Afficher les projets pluriannuels par année",
    ),
    "budget.phasing.measure": ("Amounts", "Montants"),
    "budget.phasing.planned": ("Planned", "Prévu"),
    "budget.phasing.forecast": ("Actual, then forecast", "Réalisé, puis prévision"),
    "budget.phasing.caption": (
        "From the monthly lines alone: a year the lines do not reach shows nothing yet.",
        "D'après les seules lignes mensuelles : une année que les lignes n'atteignent pas n'affiche encore rien.",
    ),
    "budget.phasing.capped": (
        "The {shown} largest of {total} multi-year projects.",
        "Les {shown} plus grands des {total} projets pluriannuels.",
    ),
    "budget.phasing.empty": (
        "No project spans more than one year in this selection.",
        "Aucun projet ne s'étend sur plus d'une année dans cette sélection.",
    ),
}
