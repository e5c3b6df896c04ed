"""Settings: the help text of each declared setting, and the words of the Settings page."""

TEXTS = {
    "setting.currency": (
        "Currency of every amount in the store (one per store).",
        "Devise de tous les montants de la base (une seule par base).",
    ),
    "setting.reporting_period_days": (
        "A project with no update for longer than this many days before the snapshot date shows Grey.",
        "Un projet sans mise à jour depuis plus de ce nombre de jours avant la date de situation est gris.",
    ),
    "setting.max_rows_per_sheet": (
        "Largest number of rows read from one sheet or CSV file.",
        "Nombre maximal de lignes lues dans une feuille ou un fichier CSV.",
    ),
    "setting.max_upload_mb": (
        "Largest file accepted for import, in MB (the web server's own limit is in .streamlit/config.toml).",
        "Taille maximale d'un fichier importé, en Mo (la limite du serveur web est dans .streamlit/config.toml).",
    ),
    "setting.three_level_scale": (
        "Where a risk column uses only three words (low/medium/high), the 1-5 values they take.",
        "Valeurs sur 1-5 des trois mots d'une colonne de risque à trois niveaux (faible/moyen/fort).",
    ),
    "setting.budget_change_threshold_pct": (
        "A budget change larger than this percentage is listed in 'What changed'.",
        "Une variation de budget supérieure à ce pourcentage figure dans « Ce qui a changé ».",
    ),
    "setting.cpi_spi_green": (
        "CPI or SPI at or above this value is green.",
        "Un CPI ou SPI supérieur ou égal à cette valeur est vert.",
    ),
    "setting.cpi_spi_red": (
        "CPI or SPI below this value is red (amber in between).",
        "Un CPI ou SPI inférieur à cette valeur est rouge (orange entre les deux).",
    ),
    "setting.eac_method": (
        "How the forecast at completion is computed: BAC/CPI, AC+(BAC-EV), with CPI x SPI, or the tracker's own ETC.",
        "Calcul de l'atterrissage : BAC/CPI, AC+(BAC-EV), avec CPI x SPI, ou le reste à faire du suivi.",
    ),
    "setting.overrun_alert_pct": (
        "A forecast above budget by more than this percentage raises an alert.",
        "Un atterrissage supérieur au budget de plus de ce pourcentage déclenche une alerte.",
    ),
    "setting.probability_fractions": (
        "Probability as a fraction for levels 1 to 5, used for the exposure (probability x cost impact).",
        "Probabilité en fraction pour les niveaux 1 à 5, utilisée pour l'exposition (probabilité x impact financier).",
    ),
    "setting.fiscal_year_start_month": (
        "Month a fiscal year begins (1 = January; 4 = April, as in the UK and Canada). A fiscal year is named by "
        "the year it ends in: with 4, FY25 runs from April 2024 to March 2025, and « Q2 FY25 » is July-September "
        "2024.",
        "Mois de début de l'exercice (1 = janvier ; 4 = avril, comme au Royaume-Uni et au Canada). Un exercice "
        "porte le nom de l'année où il se termine : avec 4, FY25 va d'avril 2024 à mars 2025, et « Q2 FY25 » "
        "couvre juillet-septembre 2024.",
    ),
    "setting.discount_rate_pct": (
        "Discount rate for the NPV of business cases, in % per year.",
        "Taux d'actualisation de la VAN des analyses de rentabilité, en % par an.",
    ),
    "settings.title": ("Settings", "Paramètres"),
    "settings.caption": (
        "Conventions of this PMO, stored in the database and used by every page. Edit a value, then save.",
        "Conventions de ce PMO, enregistrées en base et utilisées par toutes les pages. Modifiez une valeur, puis "
        "enregistrez.",
    ),
    "settings.col.name": ("Setting", "Paramètre"),
    "settings.col.value": ("Value", "Valeur"),
    "settings.col.default": ("Default", "Défaut"),
    "settings.col.help": ("What it does", "Rôle"),
    "settings.save": ("Save settings", "Enregistrer les paramètres"),
    "settings.saved": ("Settings saved.", "Paramètres enregistrés."),
    "settings.refused": ("{name} was not changed: {reason}", "{name} n'a pas été modifié : {reason}"),
    "settings.reason.empty": ("a value is expected.", "une valeur est attendue."),
    "settings.reason.unknown": ("no such setting.", "ce paramètre n'existe pas."),
    "settings.reason.number": ("a number is expected.", "un nombre est attendu."),
    "settings.reason.at_least": ("at least {limit} is expected.", "{limit} au moins est attendu."),
    "settings.reason.at_most": ("at most {limit} is expected.", "{limit} au plus est attendu."),
    "settings.reason.choice": (
        "one of {choices} is expected.",
        "l'une de ces valeurs est attendue : {choices}.",
    ),
    "settings.reason.fractions": (
        "five fractions between 0 and 1 are expected, such as 0.1, 0.3, 0.5, 0.7, 0.9.",
        "cinq fractions entre 0 et 1 sont attendues, par exemple 0,1 ; 0,3 ; 0,5 ; 0,7 ; 0,9.",
    ),
    "setting.label.currency": ("Currency", "Devise"),
    "setting.label.reporting_period_days": ("Reporting period (days)", "Période de reporting (jours)"),
    "setting.label.max_rows_per_sheet": ("Rows read per sheet, at most", "Lignes lues par feuille, au plus"),
    "setting.label.max_upload_mb": ("Largest file (MB)", "Fichier le plus lourd (Mo)"),
    "setting.label.three_level_scale": ("Three-word risk scale", "Échelle de risque à trois mots"),
    "setting.label.budget_change_threshold_pct": (
        "Budget change worth reporting (%)",
        "Variation de budget à signaler (%)",
    ),
    "setting.label.cpi_spi_green": ("CPI/SPI green from", "CPI/SPI vert à partir de"),
    "setting.label.cpi_spi_red": ("CPI/SPI red below", "CPI/SPI rouge en dessous de"),
    "setting.label.eac_method": ("Forecast at completion method", "Méthode de l'atterrissage"),
    "setting.label.overrun_alert_pct": ("Overrun alert (%)", "Alerte de dépassement (%)"),
    "setting.label.probability_fractions": ("Probability of levels 1 to 5", "Probabilité des niveaux 1 à 5"),
    "setting.label.discount_rate_pct": ("Discount rate (% a year)", "Taux d'actualisation (% par an)"),
    "setting.label.fiscal_year_start_month": (
        "Month a fiscal year begins (1-12)",
        "Mois de début de l'exercice (1-12)",
    ),
}
