"""A French steering tracker as a PMO receives it, built in code, whose figures the tests trace back to their cells.

Sheet "Portefeuille": a title, headers on row 3, a section row per portfolio, amounts typed `1 450 k€` and
`820 000 €`, dates typed `15/03/2027` or as date cells, `45 %`, a météo column. Sheet "Consommé": one column per
month (`janv.-26` ... `avr.-26`) in k€ (said by the title), each project's code merged over its CAPEX and OPEX
lines. The September tracker is the same with other figures: the trace shows what a figure was a month before.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from tests.shapes import save

OCTOBER = "suivi_octobre.xlsx"
SEPTEMBER = "suivi_septembre.xlsx"


def tracker(path: Path, month: str = "octobre") -> Path:
    """Write the tracker of a month ("septembre" or "octobre")."""
    october = month == "octobre"
    day = "31/10/2026" if october else "30/09/2026"
    portfolio = [
        [f"Suivi du portefeuille projets — comité du {day}"],
        [],
        ["Code projet", "Intitulé", "Chef de projet", "Sponsor", "Date de fin prévue", "Budget", "Avancement", "Météo"],
        ["▶ Industrie"],
        ["IND-01", "Ligne d'assemblage L4", "Claire Dubois", "Isabelle Marchand", "15/03/2027",
         "1 450 k€" if october else "1 400 k€", "45 %" if october else "40 %", "☀️ Ensoleillé"],
        ["IND-02", "Four de traitement n°2", "Thomas Martin", None, "30/06/2027", "820 000 €", "20 %", "Orange"],
        ["▶ Fonctions support"],
        ["SUP-01", "Paie unifiée", "Sophie Laurent", "Jean-Luc Bonnet", datetime(2026, 12, 31), 300000, 0.8,
         "Rouge" if october else "Orange"],
    ]  # fmt: skip
    costs = [
        ["Consommé mensuel 2026 (k€)"],
        [],
        ["Code projet", "Nature", "janv.-26", "févr.-26", "mars-26", "avr.-26"],
        ["IND-01", "CAPEX", "12,5", 14, "18,25" if october else "17", 20],
        [None, "OPEX", 3, "3,5", 4, None],
        ["IND-02", "CAPEX", 8, 9, 10, 11],
        [None, "OPEX", 1, 1, 1, 1],
        ["SUP-01", "OPEX", 25, 25, 30, 30],
    ]
    return save(path, {"Portefeuille": portfolio, "Consommé": costs}, {"Consommé": ["A4:A5", "A6:A7"]})


def import_months(con, folder: Path) -> None:
    """Write the September and October trackers in `folder` and import them as the PMO does each month."""
    from datetime import date

    from pmo_core import snapshots
    from pmo_core.importer import build_plan, read_files
    from tests.actors import PMO

    for month, name, as_of in (
        ("septembre", SEPTEMBER, date(2026, 9, 30)),
        ("octobre", OCTOBER, date(2026, 10, 31)),
    ):
        path = tracker(folder / name, month)
        snapshots.apply_plan(con, build_plan(con, read_files([(path, name)]), scope="full", as_of=as_of), PMO)
