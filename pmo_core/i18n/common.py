"""Words shared by every page: the shell, the sidebar, statuses and generic labels."""

TEXTS = {
    "app.title": ("PMO dashboard", "Tableau de bord PMO"),
    "app.tagline": (
        "Where the portfolio stands, from the trackers you already keep",
        "Où en est le portefeuille, à partir des suivis que vous tenez déjà",
    ),
    "nav.overview": ("Overview", "Vue d'ensemble"),
    "nav.project": ("Project", "Projet"),
    "nav.risks": ("Risks", "Risques"),
    "nav.budget": ("Budget", "Budget"),
    "nav.priorities": ("Prioritisation", "Priorisation"),
    "nav.import": ("Import", "Import"),
    "nav.settings": ("Settings", "Paramètres"),
    "sidebar.language": ("Language", "Langue"),
    "sidebar.filters": ("Filters", "Filtres"),
    "sidebar.portfolio": ("Portfolio", "Portefeuille"),
    "sidebar.programme": ("Programme", "Programme"),
    "sidebar.manager": ("Project manager", "Chef de projet"),
    "sidebar.snapshot": ("Snapshot", "Situation au"),
    "sidebar.snapshot_current": ("Current state", "État actuel"),
    "sidebar.all": ("All", "Tous"),
    "filters.caption": (
        "Snapshot: {snapshot} · Filters: {filters}",
        "Situation : {snapshot} · Filtres : {filters}",
    ),
    "filters.none": ("none", "aucun"),
    "empty.store": (
        "The store is empty. Import a tracker on the Import page, or load the demo portfolio with `make run`.",
        "La base est vide. Importez un suivi depuis la page Import, ou chargez le portefeuille de démonstration avec `make run`.",
    ),
    "empty.selection": ("No project in this selection.", "Aucun projet dans cette sélection."),
    "coming.title": ("Coming next", "À venir"),
    "na": ("n/a", "n.d."),
    "store.busy": (
        "The store {path} is held by another process (an import from the command line, or a second copy of the "
        "app). Wait for it to finish, then reload this page.",
        "La base {path} est utilisée par un autre processus (un import en ligne de commande, ou une seconde copie "
        "de l'application). Attendez qu'il se termine, puis rechargez la page.",
    ),
    "download.excel": ("Download as Excel", "Télécharger en Excel"),
    "status.title": ("Status", "Météo"),
    "status.grey": ("Not reported", "Non renseigné"),
    "status.trend.better": ("better", "en amélioration"),
    "status.trend.same": ("unchanged", "stable"),
    "status.trend.worse": ("worse", "en dégradation"),
    "status.trend.new": ("new", "nouveau"),
    "coming.overview": (
        "This page will show the headline figures of the portfolio, the project table with statuses and trends, "
        "the roll-up by portfolio and programme, the roadmap, the value/risk bubble chart and what changed since "
        "the previous snapshot.",
        "Cette page montrera les chiffres clés du portefeuille, le tableau des projets avec météo et tendance, la "
        "consolidation par portefeuille et programme, la feuille de route, la carte valeur/risque et ce qui a "
        "changé depuis la situation précédente.",
    ),
    "coming.project": (
        "This page will show one project: identity, status history, milestones and slips, risks, monthly costs "
        "and earned value.",
        "Cette page montrera un projet : identité, historique de météo, jalons et glissements, risques, coûts "
        "mensuels et valeur acquise.",
    ),
    "coming.risks": (
        "This page will show the 5x5 risk heatmap (inherent and residual), the register, the top risks and their "
        "movement since a snapshot, and roll-ups by project, portfolio and category.",
        "Cette page montrera la matrice des risques 5x5 (brute et résiduelle), le registre, les risques majeurs et "
        "leur évolution depuis une situation, et les consolidations par projet, portefeuille et catégorie.",
    ),
    "coming.budget": (
        "This page will show earned value (PV, EV, AC, CPI, SPI, EAC), the monthly S-curve, variances, allocation "
        "by portfolio and cost type, and budget alerts.",
        "Cette page montrera la valeur acquise (VP, VA, CR, CPI, SPI, atterrissage), la courbe en S mensuelle, les "
        "écarts, la répartition par portefeuille et nature, et les alertes budgétaires.",
    ),
    "coming.priorities": (
        "This page will rank projects under scoring models (weighted, WSJF, financial), compute business cases, "
        "select the best portfolio under a budget with its efficient frontier, and compare scenarios.",
        "Cette page classera les projets selon des modèles de notation (pondéré, WSJF, financier), calculera les "
        "analyses de rentabilité, choisira le meilleur portefeuille sous contrainte budgétaire avec sa frontière "
        "efficiente, et comparera des scénarios.",
    ),
}
