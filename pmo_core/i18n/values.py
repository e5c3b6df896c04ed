"""Sentences for the problems the value parsers find in cells (issue.<code>)."""

TEXTS = {
    "issue.not_a_number": (
        "« {value} » is not a number; write an amount such as 1 234,50, 1,234.50 or 120 k€.",
        "« {value} » n'est pas un nombre ; écrivez un montant comme 1 234,50, 1,234.50 ou 120 k€.",
    ),
    "issue.not_a_percent": (
        "« {value} » is not a percentage; write 45 %, 45 or 0.45.",
        "« {value} » n'est pas un pourcentage ; écrivez 45 %, 45 ou 0,45.",
    ),
    "issue.percent_out_of_range": (
        "« {value} » is outside 0-100 %; the value was kept as written.",
        "« {value} » est hors de l'intervalle 0-100 % ; la valeur a été gardée telle quelle.",
    ),
    "issue.date_ambiguous": (
        "« {value} » was read as {read_as} (day first) but could be {other}; "
        "nothing else in column « {column} » shows the order. Write dates as 2026-03-15 to remove the doubt.",
        "« {value} » a été lu comme le {read_as} (jour en premier) mais pourrait être le {other} ; "
        "rien d'autre dans la colonne « {column} » n'indique l'ordre. Écrivez les dates 2026-03-15 pour lever le doute.",
    ),
    "issue.date_unreadable": (
        "« {value} » is not a date; the cell was left empty.",
        "« {value} » n'est pas une date ; la cellule a été laissée vide.",
    ),
    "issue.month_unreadable": (
        "« {value} » is not a month; write 2026-01, 01/2026 or janv.-26.",
        "« {value} » n'est pas un mois ; écrivez 2026-01, 01/2026 ou janv.-26.",
    ),
    "issue.status_unknown": (
        "« {value} » is not a status we know (Green, Amber, Red, a météo word or emoji); the status was left empty.",
        "« {value} » n'est pas une météo connue (Vert, Orange, Rouge, ☀️, ⛅, 🌧️) ; la météo a été laissée vide.",
    ),
    "issue.scale_out_of_range": (
        "« {value} » is not on the 1-5 scale; write a whole number from 1 to 5.",
        "« {value} » n'est pas sur l'échelle 1-5 ; écrivez un nombre entier de 1 à 5.",
    ),
    "issue.scale_unknown": (
        "« {value} » is not a level we know; write 1 to 5 or a word such as Low, Medium, High.",
        "« {value} » n'est pas un niveau connu ; écrivez 1 à 5 ou un mot comme Faible, Moyenne, Forte.",
    ),
    "issue.risk_status_unknown": (
        "« {value} » is not a risk status we know (open, in treatment, closed); the risk was kept as open.",
        "« {value} » n'est pas un statut de risque connu (ouvert, en traitement, clos) ; le risque a été gardé ouvert.",
    ),
    "issue.response_unknown": (
        "« {value} » is not a risk response we know (avoid, transfer, mitigate, accept, escalate); it was left empty.",
        "« {value} » n'est pas une réponse au risque connue (éviter, transférer, réduire, accepter, escalader) ; "
        "elle a été laissée vide.",
    ),
    "issue.cost_type_unknown": (
        "« {value} » is neither CAPEX nor OPEX; the cost type was left empty.",
        "« {value} » n'est ni CAPEX ni OPEX ; la nature de dépense a été laissée vide.",
    ),
    "issue.not_a_boolean": (
        "« {value} » is neither yes nor no; the cell was left empty.",
        "« {value} » n'est ni oui ni non ; la cellule a été laissée vide.",
    ),
    "issue.not_a_year": (
        "« {value} » is not a year; write 2026, FY26 or Year 1.",
        "« {value} » n'est pas une année ; écrivez 2026, FY26 ou Année 1.",
    ),
    "issue.not_a_score": (
        "« {value} » is not a score; write a number of 0 or more, or a word such as Low or High.",
        "« {value} » n'est pas une note ; écrivez un nombre positif ou nul, ou un mot comme Faible ou Forte.",
    ),
    "issue.amount_own_unit": (
        "« {value} » writes its currency without k or M: it is read as written, not multiplied by the "
        "column's {scale}.",
        "« {value} » écrit sa devise sans k ni M : il est lu tel quel, sans le multiplier par les {scale} de "
        "la colonne.",
    ),
    "issue.number_ambiguous": (
        "« {value} » was read with a decimal comma, as {read_as}, but with a thousands separator it would be "
        "{other}: nothing in the file settles which, or the file writes decimals with a point while this comma "
        "cannot separate thousands. Check the value and write it without a thousands separator.",
        "« {value} » a été lu avec une virgule décimale, soit {read_as}, mais avec un séparateur de milliers "
        "ce serait {other} : rien dans le fichier ne permet de trancher, ou le fichier écrit les décimales avec "
        "un point alors que cette virgule ne peut pas séparer des milliers. Vérifiez la valeur et écrivez-la "
        "sans séparateur de milliers.",
    ),
    "issue.percent_read_as_fraction": (
        "« {value} » was read as {read_as} %, the way Excel stores a cell formatted as a percentage, although "
        "the other numbers of column « {column} » are whole percentages (45 for 45 %). If less than 1 % was "
        "meant, write it with the % sign.",
        "« {value} » a été lu comme {read_as} %, tel qu'Excel enregistre une cellule au format pourcentage, "
        "alors que les autres nombres de la colonne « {column} » sont des pourcentages entiers (45 pour 45 %). "
        "Si moins de 1 % était voulu, écrivez-le avec le signe %.",
    ),
}
