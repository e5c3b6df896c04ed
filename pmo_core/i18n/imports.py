"""The Import page, the validation report and every issue sentence (issue.<code>)."""

TEXTS = {
    "issue.where.sheet": ("sheet « {sheet} »", "feuille « {sheet} »"),
    "issue.where.row": ("row {row}", "ligne {row}"),
    "issue.where.column": ("column « {column} »", "colonne « {column} »"),
}
