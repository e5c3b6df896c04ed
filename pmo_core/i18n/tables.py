"""Tables: the pager under a long table."""

TEXTS: dict[str, tuple[str, str]] = {
    "table.rows": ("Rows {first} to {last} of {total}.", "Lignes {first} à {last} sur {total}."),
    "table.page": ("Page of the table", "Page du tableau"),
}
