"""Workbooks of every shape a PMO receives, built in code: no header row, fields as rows, a title merged over
the headers, blocks side by side, a fiche projet with unknown labels and small tables under it, duplicate
headers, the same records on several sheets, quarter dates, an Italian register.

The core tests, the page tests, the browser tests and the mapping benchmark all build their files here.
"""

from __future__ import annotations

from pathlib import Path

import openpyxl


def save(
    path: Path,
    sheets: dict[str, list[list]],
    merges: dict[str, list[str]] | None = None,
    hidden: tuple[str, ...] = (),
) -> Path:
    """Write a workbook of these sheets (rows as lists), with merged ranges and hidden sheets."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
        if name in hidden:
            sheet.sheet_state = "hidden"
    book.save(path)
    return path


HEADERLESS_ROWS = [
    ["HL-01", "Entrepôt Lyon", "Ann Martin", 120_000, "2026-01-15"],
    ["HL-02", "Portail RH", "Bob Petit", 80_000, "2026-03-01"],
    ["HL-03", "Data lake", "Chloé Roux", 250_000, "2026-02-01"],
]


def headerless(path: Path) -> Path:
    """A project list exported with no header row: every row is data."""
    return save(path, {"Export": HEADERLESS_ROWS})


def transposed(path: Path) -> Path:
    """Fields as rows, one project per column, as a steering slide's table is often kept."""
    rows = [
        ["Code projet", "TR-01", "TR-02", "TR-03"],
        ["Intitulé", "Usine 4.0", "Paie unifiée", "Cloud DSI"],
        ["Chef de projet", "Marie Curie", "Paul Langevin", "Irène Joliot"],
        ["Budget (k€)", "1 200", "450", "800,5"],
        ["Météo", "Vert", "Orange", "Rouge"],
    ]
    return save(path, {"Synthèse": rows})


def merged_title(path: Path) -> Path:
    """A register with a title merged over its headers, and a group header over two budget columns."""
    rows = [
        ["World Bank Projects, data as of 09/22/2022 03:00"],
        [None, None, None, None, "Budget (USD)", None],
        ["Project Id", "Project Name", "Region", "Project Status", "Initial", "Current"],
        ["P125198", "Rural roads", "Africa", "Active", "40 000 000", "42 000 000"],
        ["P159132", "Water supply", "Asia", "Closed", "12 500 000", "12 500 000"],
    ]
    return save(path, {"data": rows}, {"data": ["A1:F1", "E2:F2"]})


def side_by_side(path: Path) -> Path:
    """A task table beside a member list, a blank column between, on one sheet."""
    tasks = [["ID", "Task", "Owner", "Start", "Finish"]] + [
        [n, f"Task {n}", "Ann", "2026-01-05", "2026-02-20"] for n in range(1, 13)
    ]
    members = [["ID", "Name", "Role"], [1, "Ann Martin", "PM"], [2, "Bob Petit", "Dev"], [3, "Chloé", "QA"]]
    rows = []
    for position, task in enumerate(tasks):
        member = members[position] if position < len(members) else []
        rows.append([*task, None, *member])
    return save(path, {"Plan": rows})


def fiche(path: Path, code: str = "FP-01") -> Path:
    """A fiche projet: labels known and unknown in two label columns, then a risk and a milestone table."""
    rows = [
        ["Fiche projet"],
        [],
        ["Code projet", code, None, "Chef de projet", "Marie Curie"],
        ["Référence interne", "RI-2231", None, "Budget (k€)", "120,5"],
        ["Intitulé", "Usine connectée", None, "Météo", "☀️"],
        ["Sponsor métier", "Direction industrielle", None, "Date de début", "15/02/2026"],
        ["Code analytique", "CA-778", None, "Date de fin prévue", "T4 2026"],
        [],
        ["Risques"],
        ["Risque", "Probabilité", "Impact", "Statut"],
        ["Retard de livraison", "Forte", "Majeur", "Ouvert"],
        ["Bruit sur chantier", "Faible", "Mineur", "Clos"],
        [],
        ["Jalons"],
        ["Jalon", "Date prévue", "Date réelle"],
        ["Lancement", "01/03/2026", "02/03/2026"],
        ["Recette", "30/09/2026", None],
    ]
    return save(path, {code: rows})


def duplicate_headers(path: Path) -> Path:
    """A register with two columns both headed colour_rating, as the UK GMPP publishes it (a CSV)."""
    lines = [
        "project_number;project_name;colour_rating;colour_rating;start_date;end_date",
        "GM-1;Rail upgrade;;Amber;01.04.2020;31.03.2026",
        "GM-2;Border systems;Red;Amber/Red;01.09.2021;30.06.2027",
        "GM-3;Schools;Green;;01.01.2022;31.12.2025",
    ]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return path


REPEATED_PROJECTS = [
    ["RP-01", "Alpha", "Nord", 100],
    ["RP-02", "Beta", "Nord", 200],
    ["RP-03", "Gamma", "Sud", 300],
    ["RP-04", "Delta", "Sud", 400],
]


def repeated_sheets(path: Path, conflict: bool = False) -> Path:
    """A flat sheet of every project and one sheet per region repeating its rows, and a notes sheet whose
    example row is not data. With `conflict`, one regional row says another budget."""
    header = ["Code projet", "Intitulé", "Région", "Budget"]
    south = [row[:] for row in REPEATED_PROJECTS if row[2] == "Sud"]
    if conflict:
        south[0][3] = 999
    sheets = {
        "Tous les projets": [header, *REPEATED_PROJECTS],
        "Nord": [header, *[row for row in REPEATED_PROJECTS if row[2] == "Nord"]],
        "Sud": [header, *south],
        "Notes": [["Comment remplir"], header, ["EX-00", "Projet exemple", "Nord", 1]],
    }
    return save(path, sheets)


def quarters(path: Path) -> Path:
    """Start and end dates written as quarters and fiscal years."""
    rows = [
        ["Project ID", "Project name", "Start", "Finish"],
        ["Q-1", "Quarterly", "2025-Q2", "T4 2026"],
        ["Q-2", "Fiscal", "Q2 FY25", "FY2026-27"],
    ]
    return save(path, {"Projects": rows})


def italian(path: Path) -> Path:
    """An Italian risk register: its headers and its scale words."""
    rows = [
        ["Registro dei rischi"],
        [],
        ["Codice progetto", "Rischio", "Probabilità", "Impatto", "Responsabile", "Stato", "Scadenza"],
        ["IT-1", "Ritardo fornitore", "Alta", "Medio", "Rossi", "Aperto", "15/03/2026"],
        ["IT-1", "Sciopero", "Bassa", "Alto", "Bianchi", "Chiuso", "01/02/2026"],
        ["IT-1", "Budget", "Media", "Basso", "Verdi", "In corso", "30/06/2026"],
    ]
    return save(path, {"Rischi": rows})


def italian_projects(path: Path) -> Path:
    """The project the Italian register names, so that its risks have a project to belong to."""
    return save(path, {"Progetti": [["Codice progetto", "Nome progetto"], ["IT-1", "Nuovo ERP"]]})
