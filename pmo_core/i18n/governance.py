"""Governance: the PMO's rules, compliance, whom to chase and the glossary, in both languages."""

TEXTS: dict[str, tuple[str, str]] = {
    "nav.governance": ("Governance", "Gouvernance"),
    # The rules
    "governance.rule.manager": ("Project manager named", "Chef de projet désigné"),
    "governance.rule.manager.help": (
        "Every project names its project manager.",
        "Chaque projet nomme son chef de projet.",
    ),
    "governance.rule.sponsor": ("Sponsor named", "Sponsor désigné"),
    "governance.rule.sponsor.help": (
        "Every project names its sponsor (the senior responsible owner).",
        "Chaque projet nomme son sponsor (le commanditaire).",
    ),
    "governance.rule.baseline": ("Baseline set", "Référence fixée"),
    "governance.rule.baseline.help": (
        "A baseline budget and a baseline end date are set.",
        "Un budget initial et une date de fin initiale sont fixés.",
    ),
    "governance.rule.status_current": ("Status up to date", "Météo à jour"),
    "governance.rule.status_current.help": (
        "A status (green, amber or red) updated within the reporting period (the reporting period setting).",
        "Une météo (vert, orange ou rouge) mise à jour dans la période de reporting (paramètre de la période).",
    ),
    "governance.rule.risks_reviewed": ("Risks reviewed", "Risques revus"),
    "governance.rule.risks_reviewed.help": (
        "The risk register was reviewed within this many days (its last review date, else the date it was last "
        "imported).",
        "Le registre des risques a été revu depuis moins de ce nombre de jours (sa date de dernière revue, sinon "
        "la date de son dernier import).",
    ),
    "governance.rule.costs_current": ("Costs up to date", "Coûts à jour"),
    "governance.rule.costs_current.help": (
        "The actual cost of the last closed month is reported (projects not started yet are exempt).",
        "Le consommé du dernier mois clos est saisi (les projets non démarrés en sont dispensés).",
    ),
    "governance.rule.business_case": ("Business case", "Dossier d'investissement"),
    "governance.rule.business_case.help": (
        "Projects with a budget at or above this amount have a business case (cash flows or an NPV).",
        "Les projets dont le budget atteint ce montant ont un dossier d'investissement (flux ou VAN).",
    ),
    "governance.rule.phase_gate": ("Phase gates passed", "Jalons de phase franchis"),
    "governance.rule.phase_gate.help": (
        "A project's phase is one of the PMO's phases, and the milestones of every earlier phase's gate are "
        "achieved.",
        "La phase du projet est l'une des phases du PMO, et les jalons de la revue de chaque phase précédente "
        "sont atteints.",
    ),
    "governance.unit.days": ("days", "jours"),
    "governance.unit.money": ("amount", "montant"),
    # What is missing
    "governance.missing.manager": ("No project manager named", "Aucun chef de projet désigné"),
    "governance.missing.sponsor": ("No sponsor named", "Aucun sponsor désigné"),
    "governance.missing.baseline_both": (
        "No baseline budget nor baseline end date",
        "Ni budget initial ni date de fin initiale",
    ),
    "governance.missing.baseline_budget": ("No baseline budget", "Pas de budget initial"),
    "governance.missing.baseline_end": ("No baseline end date", "Pas de date de fin initiale"),
    "governance.missing.status_missing": ("No status reported", "Aucune météo renseignée"),
    "governance.missing.status_undated": (
        "Status given without an update date",
        "Météo sans date de mise à jour",
    ),
    "governance.missing.status_stale": (
        "Status last updated on {date} (more than {days} days ago)",
        "Météo mise à jour le {date} (il y a plus de {days} jours)",
    ),
    "governance.missing.risks_none": ("No risk register", "Aucun registre des risques"),
    "governance.missing.risks_unreviewed": (
        "Risk register never reviewed",
        "Registre des risques jamais revu",
    ),
    "governance.missing.risks_stale": (
        "Risks last reviewed on {date} (more than {days} days ago)",
        "Risques revus pour la dernière fois le {date} (il y a plus de {days} jours)",
    ),
    "governance.missing.costs_missing": (
        "No actual cost for {month}",
        "Pas de consommé pour {month}",
    ),
    "governance.missing.business_case_missing": (
        "No business case for a budget of {budget} (required from {threshold})",
        "Pas de dossier d'investissement pour un budget de {budget} (exigé dès {threshold})",
    ),
    "governance.missing.phase_missing": ("Phase not given", "Phase non renseignée"),
    "governance.missing.phase_unknown": (
        "Phase « {phase} » is not one of the PMO's phases",
        "La phase « {phase} » n'est pas une phase du PMO",
    ),
    "governance.missing.gate_open": (
        "{gate} gate not passed: {milestones} not achieved",
        "Revue de {gate} non franchie : {milestones} non atteint",
    ),
    # Refusals
    "governance.refused.unknown_rule": (
        "There is no rule named {rule}.",
        "Aucune règle ne s'appelle {rule}.",
    ),
    "governance.refused.number": (
        "The figure of « {rule} » must be a number.",
        "Le seuil de « {rule} » doit être un nombre.",
    ),
    "governance.refused.range": (
        "The figure must lie between {low} and {high}.",
        "Le seuil doit être compris entre {low} et {high}.",
    ),
    "governance.refused.phase_twice": (
        "The phase « {phase} » is listed twice.",
        "La phase « {phase} » figure deux fois.",
    ),
    "governance.refused.no_phase": (
        "Keep at least one phase (switch the phase gate rule off instead).",
        "Gardez au moins une phase (désactivez plutôt la règle des jalons de phase).",
    ),
    "governance.refused.term_missing": (
        "Each glossary entry needs its term in English or in French.",
        "Chaque entrée du glossaire a besoin de son terme en anglais ou en français.",
    ),
    "governance.refused.term_field": (
        "« {field} » is not a field the import knows.",
        "« {field} » n'est pas un champ connu de l'import.",
    ),
    "governance.refused.term_twice": (
        "The term « {term} » names two different fields.",
        "Le terme « {term} » désigne deux champs différents.",
    ),
    # Audit trail
    "audit.action.governance_rules": ("Governance rules changed", "Règles de gouvernance modifiées"),
    "audit.action.governance_phases": ("Phases and gates changed", "Phases et revues modifiées"),
    "audit.action.glossary": ("Glossary changed", "Glossaire modifié"),
    # Settings page
    "governance.settings.title": ("Governance rules", "Règles de gouvernance"),
    "governance.settings.caption": (
        "What every project must keep up to date. The Governance page checks these rules on every snapshot.",
        "Ce que chaque projet doit tenir à jour. La page Gouvernance vérifie ces règles à chaque situation.",
    ),
    "governance.settings.col.enabled": ("Checked", "Vérifiée"),
    "governance.settings.col.rule": ("Rule", "Règle"),
    "governance.settings.col.threshold": ("Figure", "Seuil"),
    "governance.settings.col.unit": ("Unit", "Unité"),
    "governance.settings.col.help": ("What it checks", "Ce qu'elle vérifie"),
    "governance.rules.save": ("Save the rules", "Enregistrer les règles"),
    "governance.settings.saved": (
        "{n} {n:rule changed|rules changed}.",
        "{n} {n:règle modifiée|règles modifiées}.",
    ),
    "governance.settings.refused": ("Nothing saved: {reason}", "Rien n'est enregistré : {reason}"),
    "governance.phases.title": ("Phases and their gates", "Phases et leurs revues"),
    "governance.phases.caption": (
        "In order. To leave a phase, a project must have achieved the milestones or deliverables of its gate: one "
        "a line or separated by « ; », a milestone's names in each language joined by « / » (Go-live / Mise en "
        "service).",
        "Dans l'ordre. Pour quitter une phase, un projet doit avoir atteint les jalons ou livrables de sa revue : "
        "un par ligne ou séparés par « ; », les noms d'un jalon dans chaque langue joints par « / » (Go-live / "
        "Mise en service).",
    ),
    "governance.phases.col.en": ("Phase (English)", "Phase (anglais)"),
    "governance.phases.col.fr": ("Phase (French)", "Phase (français)"),
    "governance.phases.col.gate": ("Gate: milestones required", "Revue : jalons exigés"),
    "governance.phases.save": ("Save the phases", "Enregistrer les phases"),
    "governance.phases.saved": ("Phases saved.", "Phases enregistrées."),
    "governance.glossary.title": ("Glossary", "Glossaire"),
    "governance.glossary.caption": (
        "The organisation's words. A term tied to a field is read as that column's header on import, in both "
        "languages.",
        "Les mots de l'organisation. Un terme lié à un champ est lu comme l'en-tête de cette colonne à l'import, "
        "dans les deux langues.",
    ),
    "governance.glossary.col.term_en": ("Term (English)", "Terme (anglais)"),
    "governance.glossary.col.term_fr": ("Term (French)", "Terme (français)"),
    "governance.glossary.col.definition_en": ("Definition (English)", "Définition (anglais)"),
    "governance.glossary.col.definition_fr": ("Definition (French)", "Définition (français)"),
    "governance.glossary.col.field": ("Imported as", "Importé comme"),
    "governance.glossary.col.term": ("Term", "Terme"),
    "governance.glossary.col.other": ("In the other language", "Dans l'autre langue"),
    "governance.glossary.col.definition": ("Definition", "Définition"),
    "governance.glossary.save": ("Save the glossary", "Enregistrer le glossaire"),
    "governance.glossary.saved": ("Glossary saved.", "Glossaire enregistré."),
    "governance.glossary.empty": (
        "The glossary is empty: the PMO adds its terms in Settings.",
        "Le glossaire est vide : le PMO ajoute ses termes dans Paramètres.",
    ),
    # The Governance page
    "governance.title": (
        "Are projects following the PMO's rules on {date}?",
        "Les projets respectent-ils les règles du PMO au {date} ?",
    ),
    "governance.caption": (
        "A project's score is the share of the rules that apply to it which it meets; a group's is the mean of its "
        "projects'. A broken rule is dated from the first snapshot of its run of snapshots where it was broken.",
        "Le score d'un projet est la part des règles qui s'appliquent à lui qu'il respecte ; celui d'un groupe, "
        "la moyenne de ses projets. Une règle non respectée est datée de la première situation de la série où "
        "elle l'était.",
    ),
    "governance.kpi.score": ("Compliance", "Conformité"),
    "governance.kpi.score.help": (
        "Mean of the projects' scores: the share of the rules that apply to each which it meets.",
        "Moyenne des scores des projets : la part des règles applicables à chacun qu'il respecte.",
    ),
    "governance.kpi.compliant": ("Projects fully compliant", "Projets conformes"),
    "governance.kpi.compliant.help": (
        "Projects that meet every rule that applies to them.",
        "Projets qui respectent toutes les règles qui s'appliquent à eux.",
    ),
    "governance.kpi.breaches": ("Rules broken", "Règles non respectées"),
    "governance.kpi.breaches.help": (
        "Broken rules, counted once per project and rule.",
        "Règles non respectées, comptées une fois par projet et par règle.",
    ),
    "governance.kpi.managers": ("Managers to chase", "Chefs à relancer"),
    "governance.kpi.managers.help": (
        "Project managers with at least one project breaking a rule.",
        "Chefs de projet dont au moins un projet ne respecte pas une règle.",
    ),
    "governance.of": ("{n} of {total}", "{n} sur {total}"),
    "governance.chase.heading": ("Whom to chase", "Qui relancer"),
    "governance.chase.caption": (
        "Grouped by project manager, oldest gap first.",
        "Regroupé par chef de projet, l'écart le plus ancien d'abord.",
    ),
    "governance.chase.empty": (
        "Nobody to chase: every project meets the rules in this selection.",
        "Personne à relancer : tous les projets respectent les règles dans cette sélection.",
    ),
    "governance.chase.download": ("Download the list (Excel)", "Télécharger la liste (Excel)"),
    "governance.chase.sheet": ("Whom to chase", "Qui relancer"),
    "governance.chase.email": ("E-mail to copy", "Courriel à copier"),
    "governance.chase.email.manager": ("Project manager", "Chef de projet"),
    "governance.chase.no_manager": ("(no project manager named)", "(aucun chef de projet désigné)"),
    "governance.col.manager": ("Project manager", "Chef de projet"),
    "governance.col.code": ("Code", "Code"),
    "governance.col.project": ("Project", "Projet"),
    "governance.col.rule": ("Rule", "Règle"),
    "governance.col.missing": ("What is missing", "Ce qui manque"),
    "governance.col.since": ("Since", "Depuis"),
    "governance.col.days": ("Days open", "Jours"),
    "governance.col.score": ("Score", "Score"),
    "governance.col.broken": ("Rules broken", "Règles non respectées"),
    "governance.col.applicable": ("Rules that apply", "Règles applicables"),
    "governance.col.portfolio": ("Portfolio", "Portefeuille"),
    "governance.col.programme": ("Programme", "Programme"),
    "governance.projects.heading": ("Compliance by project", "Conformité par projet"),
    "governance.projects.capped": (
        "The {shown} least compliant projects of {total} are shown.",
        "Les {shown} projets les moins conformes sur {total} sont affichés.",
    ),
    "governance.chase.capped": (
        "The first {shown} of {total} gaps are listed, manager by manager; the Excel list holds them all.",
        "Les {shown} premiers manques sur {total} sont listés, chef par chef ; la liste Excel les contient tous.",
    ),
    "governance.rollup.heading": (
        "Compliance by manager, programme and portfolio",
        "Conformité par chef de projet, programme et portefeuille",
    ),
    "governance.rollup.by": ("Group by", "Regrouper par"),
    "governance.rollup.manager": ("Project manager", "Chef de projet"),
    "governance.rollup.programme": ("Programme", "Programme"),
    "governance.rollup.portfolio": ("Portfolio", "Portefeuille"),
    "governance.rollup.none": ("(none)", "(aucun)"),
    "governance.trend.heading": ("Compliance across snapshots", "Conformité d'une situation à l'autre"),
    "governance.glossary.heading": ("The organisation's glossary", "Le glossaire de l'organisation"),
    "governance.email.subject": (
        "Subject: PMO reporting of {date}: information missing",
        "Objet : reporting PMO du {date} : informations manquantes",
    ),
    "governance.email.greeting": ("Hello {name},", "Bonjour {name},"),
    "governance.email.body": (
        "For the reporting of {date}, the PMO still needs the following on your {n:project|projects}:",
        "Pour le reporting du {date}, il manque encore au PMO les éléments suivants sur {n:votre projet|vos projets} :",
    ),
    "governance.email.line": (
        "- {code} {project}: {missing}, since {since}",
        "- {code} {project} : {missing}, depuis le {since}",
    ),
    "governance.email.closing": (
        "Could you update your tracker before the next steering committee? Thank you.",
        "Pourriez-vous mettre à jour votre suivi avant le prochain comité de pilotage ? Merci.",
    ),
    "governance.email.signature": ("The PMO", "Le PMO"),
    # Charts
    "governance.chart.rollup.title": (
        "{worst} has the lowest compliance ({score})",
        "{worst} a la conformité la plus basse ({score})",
    ),
    "governance.chart.rollup.x": ("Compliance (%)", "Conformité (%)"),
    "governance.chart.projects": ("Projects", "Projets"),
    "governance.chart.trend.title": (
        "Compliance went from {first} on {start} to {last} on {end}",
        "La conformité est passée de {first} au {start} à {last} au {end}",
    ),
    "governance.chart.trend.title_one": (
        "Compliance is {last} on {end}",
        "La conformité est de {last} au {end}",
    ),
    "governance.chart.trend.subtitle": (
        "Mean of the projects' scores on each snapshot, each rule checked on that snapshot's date",
        "Moyenne des scores des projets à chaque situation, chaque règle vérifiée à la date de la situation",
    ),
    "governance.chart.trend.x": ("Snapshot", "Situation"),
    "governance.chart.trend.y": ("Compliance (%)", "Conformité (%)"),
    "governance.chart.trend.breaches": ("Rules broken", "Règles non respectées"),
    # The Overview's data-quality panel
    "governance.panel.title": ("Data quality", "Qualité des données"),
    "governance.panel.text": (
        "**{score}** compliance with the PMO's rules · {broken} {broken:project breaks|projects break} at least "
        "one · {managers} {managers:manager|managers} to chase · most often: {top}",
        "**{score}** de conformité aux règles du PMO · {broken} {broken:projet en enfreint|projets en enfreignent} "
        "au moins une · {managers} {managers:chef de projet|chefs de projet} à relancer · le plus souvent : {top}",
    ),
    "governance.panel.clean": (
        "**{score}** compliance with the PMO's rules: every project meets them.",
        "**{score}** de conformité aux règles du PMO : tous les projets les respectent.",
    ),
    "governance.panel.link": ("Whom to chase", "Qui relancer"),
    # Command line
    "cli.compliance.header": (
        "Compliance on {date}: {score} ({n} {n:project|projects})",
        "Conformité au {date} : {score} ({n} {n:projet|projets})",
    ),
    "cli.compliance.since": ("since {date}", "depuis le {date}"),
    "cli.compliance.empty": (
        "The store holds no snapshot yet.",
        "La base ne contient encore aucune situation.",
    ),
}
