"""Reading uploads: hostile files are refused with a code, in seconds, without harming the test process;
real trackers come back as sheets of strings indexed the way Excel shows them."""

from __future__ import annotations

import contextlib
import csv
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmo_core import reading
from pmo_core.i18n import t
from pmo_core.reading import KINDS, FormulaGap, UnreadableFile, check_container, read_file, scan_workbook
from pmo_core.sandbox import run_isolated
from tests.conftest import shared_files
from tests.hostile_files import (
    CSV_CP1252,
    REFUSED,
    XLS_ROWS,
    build_corpus,
    column_letters,
    named_workbook,
    raw_sheet,
    sheet_xml,
    xlsx_bytes,
)
from tests.samples import FILES

# Refused by check_container alone, before any parser sees the bytes.
REFUSED_BEFORE_PARSING = set(REFUSED) - {
    "empty_workbook.xlsx",
    "malformed_sheet.xlsx",
    "rows_300_no_dimension.xlsx",
    "huge_range_no_dimension.xlsx",
}
READ = {
    "macros.xlsm": "xlsm",
    "legacy.xls": "xls",
    "calc.ods": "ods",
    "utf8_comma.csv": "csv",
    "cp1252_semicolon.csv": "csv",
    "unicode_text.csv": "csv",
    "ragged.csv": "csv",
}
ROW_LIMIT = 200


def formula_gaps(path: Path, **options) -> list[FormulaGap]:
    """The formula gaps a scan of the workbook finds."""
    return scan_workbook(path, **options).gaps


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> dict[str, Path]:
    return build_corpus(tmp_path_factory.mktemp("hostile"))


@pytest.fixture(scope="module")
def big_xlsx(tmp_path_factory) -> Path:
    """A 100,000-row sheet of plain values (no formula), written once for the speed tests."""
    rows = [
        [f"PRJ-{n}", n * 1.5, "Vert", "2026-01-09", "Marc Roux", n, "commentaire"] for n in range(100_000)
    ]
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    path.write_bytes(xlsx_bytes([sheet_xml(rows, dimension=f"A1:{column_letters(6)}100000")]))
    return path


def max_rows_for(name: str) -> int:
    return ROW_LIMIT if name.startswith("rows_300") else 200_000


def test_corpus_is_complete_and_small(corpus):
    assert set(corpus) == set(REFUSED) | set(READ)
    assert all(path.stat().st_size < 2 * 2**20 for path in corpus.values())


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_hostile_file_is_refused_not_hung_on(corpus, name, code):
    with pytest.raises(UnreadableFile) as refused:  # a hang would be refused as "timeout", not as its code
        run_isolated(read_file, corpus[name], name, max_rows=max_rows_for(name), timeout_s=30)
    assert refused.value.code == code, refused.value
    # The test process is alive and the sandbox still serves the next upload.
    assert run_isolated(len, "alive") == 5


@pytest.mark.parametrize("name", sorted(REFUSED_BEFORE_PARSING))
def test_checks_refuse_before_any_parser(corpus, name):
    with pytest.raises(UnreadableFile) as refused:
        check_container(corpus[name], name, max_rows=max_rows_for(name), max_bytes=50 * 2**20)
    assert refused.value.code == REFUSED[name]


def test_a_sheet_too_wide_is_refused_by_name_before_its_headers_are_read(tmp_path):
    wide = tmp_path / "wide.csv"
    wide.write_text("\n".join(";".join(f"c{i}" for i in range(reading.MAX_COLUMNS + 1)) for _ in range(3)))
    with pytest.raises(UnreadableFile) as refused:
        read_file(wide, "wide.csv")
    assert refused.value.code == "too_many_columns"
    assert refused.value.params == {
        "sheet": "wide",
        "columns": reading.MAX_COLUMNS + 1,
        "limit": reading.MAX_COLUMNS,
    }
    import openpyxl

    book = openpyxl.Workbook()
    book.active.title = "Budget"
    book.active["A1"] = "Code"
    book.active.cell(row=2, column=reading.MAX_COLUMNS + 5, value=1)
    book.save(tmp_path / "wide.xlsx")
    with pytest.raises(UnreadableFile) as refused:
        check_container(tmp_path / "wide.xlsx", "wide.xlsx", max_rows=1000, max_bytes=2**20)
    assert (refused.value.code, refused.value.params["sheet"]) == ("too_many_columns", "Budget")
    assert "«\u00a0Budget\u00a0»" in t(f"issue.{refused.value.code}", "fr", **refused.value.params)


def test_refusals_carry_their_numbers(corpus):
    with pytest.raises(UnreadableFile) as refused:
        check_container(corpus["dimension_bomb.xlsx"], "x.xlsx", max_rows=200_000, max_bytes=2**20)
    assert refused.value.params == {
        "rows": 1048576,
        "limit": 200_000,
        "sheet": "Sheet1",
    }  # named from its part
    with pytest.raises(UnreadableFile) as refused:
        read_file(corpus["rows_300_no_dimension.xlsx"], "x.xlsx", max_rows=ROW_LIMIT)
    assert refused.value.params == {"sheet": "Sheet1", "rows": 300, "limit": ROW_LIMIT}
    with pytest.raises(UnreadableFile) as refused:
        read_file(corpus["legacy.xls"], "legacy.xls", max_bytes=1000)
    assert refused.value.params == {"size_mb": 1, "limit_mb": 1}  # 5,632 bytes and 1,000 bytes, rounded up


@pytest.mark.parametrize(("name", "kind"), sorted(READ.items()))
def test_valid_file_reads_in_the_sandbox(corpus, name, kind):
    workbook = run_isolated(read_file, corpus[name], name, timeout_s=30)
    assert workbook.kind == kind
    assert workbook.file_name == name
    assert workbook.size == corpus[name].stat().st_size
    assert all(sheet.frame.index[0] == 1 for sheet in workbook.sheets)


def test_xlsm_values_are_read_and_macros_ignored(corpus):
    (sheet,) = read_file(corpus["macros.xlsm"], "macros.xlsm").sheets
    assert sheet.frame.loc[1].tolist() == ["Code projet", "Avancement"]
    assert sheet.frame.loc[2].tolist() == ["PRJ-1", "0.5"]


def test_each_sheet_is_handed_over_once_as_soon_as_read_the_largest_first(monkeypatch, source):
    path = source / "samples" / "portfolio_export_en.xlsx"
    monkeypatch.setattr(reading, "READ_THREADS", 1)  # one reader: the order handed over is the reading order
    handed: list[reading.Sheet] = []
    workbook = read_file(path, path.name, on_sheet=handed.append)
    assert sorted(map(id, handed)) == sorted(map(id, workbook.sheets))  # the very sheets, each once
    sizes = reading._sheet_sizes(path.read_bytes())
    assert set(sizes) == {sheet.name for sheet in workbook.sheets}
    assert [sheet.name for sheet in handed] == sorted(sizes, key=lambda name: -sizes[name])
    assert handed[0].frame.size == max(sheet.frame.size for sheet in workbook.sheets)


def test_sheets_of_other_formats_have_no_size_and_read_in_order(corpus):
    assert reading._sheet_sizes(corpus["legacy.xls"].read_bytes()) == {}
    assert reading._sheet_sizes(corpus["calc.ods"].read_bytes()) == {}
    handed = []
    read_file(corpus["utf8_comma.csv"], "projets.csv", on_sheet=handed.append)
    assert [sheet.name for sheet in handed] == ["projets"]


def test_a_refused_sheet_stops_the_reading_before_its_frame_is_handed_over(tmp_path):
    rows = [["Code", "Name"]] + [[f"P-{n}", "x"] for n in range(300)]
    path = tmp_path / "long.xlsx"
    path.write_bytes(xlsx_bytes([sheet_xml([["Code"], ["P-1"]]), sheet_xml(rows)]))
    handed: list[str] = []
    with pytest.raises(UnreadableFile) as refused:
        read_file(path, path.name, max_rows=ROW_LIMIT, on_sheet=lambda sheet: handed.append(sheet.name))
    assert refused.value.params == {"sheet": "Sheet2", "rows": 301, "limit": ROW_LIMIT}
    assert "Sheet2" not in handed


def test_legacy_xls_reads_values_and_hidden_sheet(corpus):
    workbook = read_file(corpus["legacy.xls"], "legacy.xls")
    projects, hidden = workbook.sheets
    assert (projects.name, projects.visible, hidden.name, hidden.visible) == (
        "Projets",
        True,
        "Cachée",
        False,
    )
    # 1250.5 and 980 were written as NUMBER records: they come back as Excel would print them.
    assert projects.frame.to_numpy().tolist() == XLS_ROWS
    assert hidden.frame.loc[1, 0] == "secret"


def test_ods_reads(corpus):
    (sheet,) = read_file(corpus["calc.ods"], "calc.ods").sheets
    assert sheet.name == "Projets"
    assert sheet.frame.loc[2].tolist() == ["PRJ-1", "12.5"]


def test_csv_utf8_keeps_quoted_commas_and_line_breaks(corpus):
    workbook = read_file(corpus["utf8_comma.csv"], "export projets.csv")
    assert (workbook.encoding, workbook.separator) == ("utf-8", ",")
    (sheet,) = workbook.sheets
    assert sheet.name == "export projets"
    assert sheet.frame.loc[2].tolist() == ["PRJ-1", "Refonte, phase 2", "two\nlines"]
    # The quoted line break does not start a record: PRJ-2 is the third row, as a spreadsheet shows it.
    assert sheet.frame.loc[3, 0] == "PRJ-2"
    assert pd.isna(sheet.frame.loc[3, 2])


def test_csv_cp1252_semicolon(corpus):
    workbook = read_file(corpus["cp1252_semicolon.csv"], "budget.csv")
    assert (workbook.encoding, workbook.separator) == ("cp1252", ";")
    rows = [line.split(";") for line in CSV_CP1252.splitlines()]
    assert workbook.sheets[0].frame.to_numpy().tolist() == rows


def test_csv_utf16_and_ragged(corpus):
    unicode_text = read_file(corpus["unicode_text.csv"], "unicode.txt")
    assert (unicode_text.encoding, unicode_text.separator) == ("utf-16", "\t")
    assert unicode_text.sheets[0].frame.loc[2].tolist() == ["PRJ-1", "10"]
    ragged = read_file(corpus["ragged.csv"], "ragged.csv").sheets[0].frame
    assert ragged.shape == (3, 4)
    assert ragged.loc[2].tolist() == ["1", "2", "3", "4"]


@pytest.mark.parametrize(
    ("text", "separator"),
    [
        ("a;b;c\n1,5;2,5;3\n4;5;6\n", ";"),
        ('a,b,c\n"x;y",2,3\n', ","),
        ("a\tb\n1\t2\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("only one column\nsecond\n", ","),
    ],
)
def test_csv_separator_is_found_outside_quotes(tmp_path, text, separator):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    assert read_file(path, "file.csv").separator == separator


def test_csv_blank_lines_keep_the_numbering(tmp_path):
    path = tmp_path / "file.csv"
    path.write_bytes("\ufeffa,b\n\nc,d\n\n\n".encode())
    workbook = read_file(path, "file.csv")
    assert workbook.encoding == "utf-8-sig"
    frame = workbook.sheets[0].frame
    assert frame.index.tolist() == [1, 2, 3]  # trailing blank lines dropped, the inner one kept
    assert frame.loc[1, 0] == "a" and frame.loc[3, 1] == "d"
    assert frame.loc[2].isna().all()


def test_csv_unclosed_quote_is_refused(tmp_path):
    path = tmp_path / "file.csv"
    path.write_text('a,b\n1,"never closed\n2,3\n', encoding="utf-8")
    with pytest.raises(UnreadableFile) as refused:
        read_file(path, "file.csv")
    assert refused.value.code == "malformed_csv"
    assert "(line 2)" in t("issue.malformed_csv", "en", **refused.value.params)
    assert "(ligne 2)" in t("issue.malformed_csv", "fr", **refused.value.params)


def test_workbook_by_content_not_by_name(corpus, tmp_path):
    renamed = tmp_path / "upload.bin"
    renamed.write_bytes(corpus["legacy.xls"].read_bytes())
    assert read_file(renamed, "projets.csv").kind == "xls"
    text = tmp_path / "export.xls"
    text.write_text("Code\tBudget\nPRJ-1\t10\n", encoding="utf-8")
    assert read_file(text, "export.xls").kind == "csv"  # a tab-separated "Excel export"


def test_frame_contract(tmp_path):
    # C3, E5 and D6 hold values; row 9 has only an empty string and row 12 only a styled empty cell.
    sheet = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        '<row r="3"><c r="C3" t="inlineStr"><is><t>Code projet</t></is></c></row>'
        '<row r="5"><c r="E5"><v>1234.5</v></c></row>'
        '<row r="6"><c r="D6" t="inlineStr"><is><t>PRJ-1</t></is></c><c r="E6" t="inlineStr"><is><t></t></is></c></row>'
        '<row r="9"><c r="C9" t="str"><f>""</f><v></v></c></row>'
        '<row r="12"><c r="C12" s="0"/></row>'
        "</sheetData></worksheet>"
    )
    path = tmp_path / "contract.xlsx"
    path.write_bytes(xlsx_bytes([sheet, sheet_xml([])]))
    assert check_container(path, "contract.xlsx", max_rows=5, max_bytes=2**20) == "xlsx"  # no dimension tag
    workbook = read_file(path, "contract.xlsx")
    frame = workbook.sheets[0].frame
    assert frame.index.tolist() == [1, 2, 3, 4, 5, 6]  # rows 1-2 kept blank, rows 7-12 stripped
    assert frame.columns.tolist() == [2, 3, 4]  # C, D, E: absolute, leading blank columns dropped
    assert frame.loc[3, 2] == "Code projet"
    assert frame.loc[5, 4] == "1234.5"
    assert frame.loc[6, 3] == "PRJ-1"
    assert pd.isna(frame.loc[6, 4]) and pd.isna(frame.loc[1, 2])  # "" reads as an empty cell
    assert all(dtype == reading.STRING for dtype in frame.dtypes)
    empty = workbook.sheets[1].frame
    assert empty.empty and empty.shape == (0, 0)


def test_dates_and_numbers_come_back_as_excel_strings(source):
    workbook = read_file(source / "samples" / "portfolio_export_en.xlsx", "portfolio_export_en.xlsx")
    values = pd.concat([sheet.frame.stack() for sheet in workbook.sheets])
    assert values.str.fullmatch(r"\d{4}-\d{2}-\d{2} 00:00:00").any()
    assert values.str.fullmatch(r"-?\d+\.\d+").any()


# --- Formulas without a result, Excel errors ---------------------------------------------------------------

# "Suivi T4": a script's formulas (C2, the shared C3:C4), cached ones that read fine (D2, D3, E4, F4), errors.
SUIVI = raw_sheet(
    '<row r="1"><c r="A1" t="inlineStr"><is><t>Coût "e" #1</t></is></c><c r="C1" t="inlineStr"><is><t>'
    + "x" * 40
    + "</t></is></c></row>"
    '<row r="2" spans="1:6"><c r="A2"><v>2</v></c><c r="B2"><v>3</v></c>'
    '<c r="C2" s="1"><f>A2*B2</f></c><c r="D2"><f>A2+B2</f><v>5</v></c></row>'
    '<row r="3"><c r="C3"><f t="shared" ref="C3:C4" si="0">IF(A3&lt;B3,"a&amp;b",0)</f></c>'
    '<c r="D3" t="str"><f>""</f><v></v></c></row>'
    '<row r="4"><c r="C4"><f t="shared" si="0"/></c><c r="E4"><f t="shared" si="0"/><v>1</v></c>'
    '<c r="F4"><f>F3</f><v>0</v></c></row>'
    '<row r="5"><c r="D5" t="e"><v>#REF!</v></c><c r="AA5" t=\'e\'><f>1/0</f><v>#DIV/0!</v></c>'
    '<c r="AB5" t="e"><f>NA()</f></c><c r="AC5" t="e"/></row>'
)
# "R&D": prefixed elements, and rows and cells without r= placed as calamine places them.
RD = raw_sheet(
    '<x:row r="7"><x:c r="B7" t="e"><x:v>#N/A</x:v></x:c><x:c><x:f>B7+1</x:f></x:c></x:row>'
    "<x:row><x:c/><x:c><x:f>1+1</x:f></x:c></x:row>"
    # openpyxl with lxml installed writes a script's formula as <v></v> in an untyped cell: no result either
    '<x:row r="9"><x:c r="D9"><x:f>2+2</x:f><x:v></x:v></x:c></x:row>',
    prefix="x",
)
GAPS = [
    FormulaGap("Suivi T4", 2, 2, "no_value", "A2*B2"),
    FormulaGap("Suivi T4", 3, 2, "no_value", 'IF(A3<B3,"a&b",0)'),
    FormulaGap("Suivi T4", 4, 2, "no_value", None),  # a shared formula's dependent carries no text
    FormulaGap("Suivi T4", 5, 3, "error", "#REF!"),
    FormulaGap("Suivi T4", 5, 26, "error", "#DIV/0!"),
    FormulaGap("Suivi T4", 5, 27, "no_value", "NA()"),
    FormulaGap("R&D", 7, 1, "error", "#N/A"),
    FormulaGap("R&D", 7, 2, "no_value", "B7+1"),
    FormulaGap("R&D", 8, 1, "no_value", "1+1"),
    FormulaGap("R&D", 9, 3, "no_value", "2+2"),
]


@pytest.fixture(scope="module")
def gaps_xlsx(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("gaps") / "gaps.xlsx"
    path.write_bytes(xlsx_bytes([SUIVI, RD], extra=named_workbook(["Suivi T4", "R&D"])))
    return path


def test_formulas_without_a_result_and_errors_read_as_empty_cells(gaps_xlsx):
    """Why the formula scan exists: calamine gives nothing for those cells, and something for the others."""
    workbook = read_file(gaps_xlsx, "gaps.xlsx")
    suivi, rd = workbook.sheets
    assert (suivi.name, rd.name) == ("Suivi T4", "R&D")
    # Column C holds text in C1, so C2:C4 are in the frame, and empty; rows 5 and below and R&D are all gaps,
    # which the reader drops as blank.
    assert suivi.frame.loc[2:4, 2].isna().all()
    assert suivi.frame.index[-1] == 4 and rd.frame.empty
    assert suivi.frame.loc[2, 3] == "5" and suivi.frame.loc[4, 4] == "1" and suivi.frame.loc[4, 5] == "0"


@pytest.mark.parametrize("chunk_size", [1, 7, 16, 100, 2**20])
def test_formula_gaps_are_found_whatever_the_chunk_boundaries(gaps_xlsx, chunk_size):
    assert check_container(gaps_xlsx, "gaps.xlsx", max_rows=100, max_bytes=2**20) == "xlsx"
    assert formula_gaps(gaps_xlsx, chunk_size=chunk_size) == GAPS


def test_formula_gaps_stop_at_the_limit(gaps_xlsx):
    assert formula_gaps(gaps_xlsx, limit=2) == GAPS[:2]
    assert formula_gaps(gaps_xlsx, limit=7, chunk_size=5) == GAPS[:7]


def test_a_formula_after_a_cell_longer_than_the_carry(tmp_path, monkeypatch):
    # A text cell longer than the carry is cut through; the positions after it stay right.
    monkeypatch.setattr(reading, "MAX_SCAN_CARRY", 64)
    sheet = raw_sheet(
        '<row r="3"><c r="A3" t="inlineStr"><is><t>' + "long text " * 50 + "</t></is></c>"
        '<c><f>A3</f></c></row><row><c r="D4" t="e"><v>#VALUE!</v></c></row>'
    )
    path = tmp_path / "long.xlsx"
    path.write_bytes(xlsx_bytes([sheet]))
    expected = [FormulaGap("Sheet1", 3, 1, "no_value", "A3"), FormulaGap("Sheet1", 4, 3, "error", "#VALUE!")]
    for chunk_size in (16, 100, 2**20):
        assert formula_gaps(path, chunk_size=chunk_size) == expected


@pytest.mark.parametrize("name", ["legacy.xls", "calc.ods", "utf8_comma.csv", "macros.xlsm"])
def test_formula_gaps_of_other_formats_and_of_workbooks_without_any(corpus, name):
    assert formula_gaps(corpus[name]) == []


def test_formula_gaps_of_an_xlsb_are_none(tmp_path):
    path = tmp_path / "book.xlsb"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.bin", b"\x83\x01\x00")
        archive.writestr("xl/worksheets/sheet1.bin", b"<f>")
    assert formula_gaps(path) == []


CELL_KINDS = {
    "value": "<v>12.5</v>",
    "text": '<is><t>effort "e" #1 &amp; f</t></is>',
    "cached": "<f>A1*2</f><v>25</v>",
    "no_value": "<f>SUM(A1:A3)&gt;0</f>",
    "shared": '<f t="shared" si="0"/>',
    "error": "<v>#N/A</v>",
    "error_formula": "<f>1/0</f><v>#DIV/0!</v>",
}


def reference_gaps(sheet: str, xml: str) -> list[FormulaGap]:
    """Find the gaps with a whole-document parse, placing cells without r= as calamine does."""
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    gaps, row = [], 0
    for row_element in ElementTree.fromstring(xml.encode()).iterfind("m:sheetData/m:row", ns):
        row, col = int(row_element.get("r", row + 1)), -1
        for cell in row_element.iterfind("m:c", ns):
            ref = cell.get("r")
            col = reading._column_index(re.match("[A-Z]+", ref)[0]) if ref else col + 1
            at_row = int(re.search(r"\d+", ref)[0]) if ref else row
            formula, value = cell.find("m:f", ns), cell.find("m:v", ns)
            if formula is not None and value is None and cell.find("m:is", ns) is None:
                gaps.append(FormulaGap(sheet, at_row, col, "no_value", formula.text))
            elif cell.get("t") == "e" and value is not None:
                gaps.append(FormulaGap(sheet, at_row, col, "error", value.text))
    return gaps


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    rows=st.lists(
        st.tuples(
            st.integers(0, 2),  # rows skipped before this one
            st.booleans(),  # the row carries r=
            st.lists(
                st.tuples(st.integers(0, 2), st.booleans(), st.sampled_from(sorted(CELL_KINDS))), max_size=5
            ),
        ),
        max_size=8,
    ),
    chunk_size=st.integers(1, 300),
)
def test_formula_gaps_match_a_whole_document_parse(tmp_path, rows, chunk_size):
    body, row = [], 0
    for skipped, row_has_r, cells in rows:
        row += 1 + (skipped if row_has_r else 0)
        xml_cells, col = [], -1
        for gap, cell_has_r, kind in cells:
            col += 1 + (gap if cell_has_r else 0)
            ref = f' r="{column_letters(col)}{row}"' if cell_has_r else ""
            kind_type = ' t="e"' if kind.startswith("error") else ' t="inlineStr"' if kind == "text" else ""
            xml_cells.append(f"<c{ref}{kind_type}>{CELL_KINDS[kind]}</c>")
        body.append(f"<row{f' r={chr(34)}{row}{chr(34)}' if row_has_r else ''}>{''.join(xml_cells)}</row>")
    sheet = raw_sheet("".join(body))
    path = tmp_path / "random.xlsx"
    path.write_bytes(xlsx_bytes([sheet]))
    assert formula_gaps(path, chunk_size=chunk_size) == reference_gaps("Sheet1", sheet)


def test_formula_gaps_of_100k_rows_without_formulas_are_none(big_xlsx):
    assert formula_gaps(big_xlsx) == []  # 37 MB of XML; its speed is in bench/import_bench.py's import


def test_formula_gap_sentences_in_both_languages():
    assert t("issue.formula_no_value", "en").startswith("This cell holds a formula with no saved result")
    assert "#REF!" in t("issue.excel_error", "en", value="#REF!")
    assert "l'erreur Excel #REF!\u00a0:" in t("issue.excel_error", "fr", value="#REF!")
    for key in ("issue.formula_no_value", "issue.excel_error"):
        french = t(key, "fr")
        assert french != t(key, "en") and french != key
        assert not re.search(r"\S[:;!?](\s|$)", french), french


# --- The shared samples, read in place, and their twins built in code --------------------------------------


@pytest.mark.parametrize(
    ("origin", "name"),
    [("twin", name) for name in FILES] + [("shared", name) for name in shared_files()],
)
def test_every_sample_reads(request, origin, name):
    path = request.getfixturevalue("twins" if origin == "twin" else "shared") / name
    workbook = run_isolated(read_file, path, path.name, timeout_s=60)
    assert workbook.kind in KINDS
    assert len(workbook.sha256) == 64
    assert any(not sheet.frame.empty for sheet in workbook.sheets)


def test_french_tracker_header_sits_at_row_5_column_a(source):
    workbook = read_file(source / "samples" / "suivi_portefeuille_fr.xlsx", "suivi_portefeuille_fr.xlsx")
    sheet = next(sheet for sheet in workbook.sheets if sheet.name == "Suivi T4 2026")
    assert sheet.frame.loc[5, 0] == "Code projet"
    assert workbook.kind == "xlsx"


def test_risk_register_lists_sheet_is_hidden(source):
    workbook = read_file(source / "samples" / "registre_risques_fr.xlsx", "registre_risques_fr.xlsx")
    visibility = {sheet.name: sheet.visible for sheet in workbook.sheets}
    assert visibility == {"Registre des risques": True, "Listes": False}


def test_uk_csv_is_cp1252_with_semicolons_and_one_record_per_row(source):
    path = source / "real" / "uk_gmpp_2023.csv"
    workbook = read_file(path, path.name)
    assert (workbook.kind, workbook.encoding, workbook.separator) == ("csv", "cp1252", ";")
    frame = workbook.sheets[0].frame
    header = frame.loc[1].tolist()
    assert header.count("colour_rating") == 2
    assert "TOTAL Baseline Benefits (£m)" in header
    # Golden count from Python's csv module, which keeps quoted line breaks inside their record.
    with path.open(encoding="cp1252", newline="") as stream:
        records = [record for record in csv.reader(stream, delimiter=";")]
    assert len(frame) == len(records)
    assert frame.loc[len(records), 1] == records[-1][1]
    assert frame.stack().str.contains("\n").any()  # multi-line cells survived whole


def test_canadian_csv_is_utf8_with_commas(source):
    path = source / "real" / "canada_gc_it_projects.csv"
    workbook = read_file(path, path.name)
    assert (workbook.encoding, workbook.separator) == ("utf-8", ",")
    assert workbook.sheets[0].frame.loc[1, 0] == "deptAcronym"


# --- Speed, properties, conventions ------------------------------------------------------------------------


def test_100k_rows_read_whole(big_xlsx):
    workbook = read_file(big_xlsx, "big.xlsx")  # its speed is measured by bench/import_bench.py
    assert workbook.sheets[0].frame.shape == (100_000, 7)
    assert workbook.sheets[0].frame.loc[100_000, 0] == "PRJ-99999"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mangled_workbook_gives_a_workbook_or_a_code(corpus, data):
    original = corpus[data.draw(st.sampled_from(["macros.xlsm", "legacy.xls", "calc.ods", "rows_300.xlsx"]))]
    mangled = bytearray(original.read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(mangled) - 1))
        mangled[at] = data.draw(st.integers(0, 255))
    cut = data.draw(st.integers(len(mangled) // 2, len(mangled)))
    path = corpus[next(iter(corpus))].parent / f"mangled{original.suffix}"
    path.write_bytes(bytes(mangled[:cut]))
    with contextlib.suppress(UnreadableFile):
        check_container(path, path.name, max_rows=200_000, max_bytes=2**20)
    try:
        workbook = run_isolated(read_file, path, path.name, timeout_s=20)
    except UnreadableFile as refused:
        assert refused.code in CODES
    else:
        assert workbook.kind in KINDS


@settings(max_examples=200, deadline=None)
@given(content=st.binary(max_size=3000), name=st.sampled_from(["a.xlsx", "a.csv", "a.xls", "a"]))
def test_any_bytes_give_a_kind_or_a_code(tmp_path_factory, content, name):
    path = tmp_path_factory.mktemp("bytes") / "upload"
    path.write_bytes(content)
    try:
        assert check_container(path, name, max_rows=200_000, max_bytes=2**20) in KINDS
    except UnreadableFile as refused:
        assert refused.code in CODES


def raised_codes() -> set[str]:
    """Return every code the reader and the sandbox can raise, read from their source."""
    source = "".join(
        Path(module.__file__).read_text() for module in (reading, sys.modules["pmo_core.sandbox"])
    )
    return set(re.findall(r'UnreadableFile\(\s*"(\w+)"', source))


CODES = raised_codes()


def test_every_code_is_worded_in_both_languages():
    assert {"not_a_workbook", "zip_bomb", "timeout", "out_of_memory", "crashed"} <= CODES
    for code in CODES:
        english, french = t(f"issue.{code}", "en"), t(f"issue.{code}", "fr")
        assert english != f"issue.{code}" and french != english, code
        # French typography: a space before : ; ! ? and none of the English "word:" form.
        assert not re.search(r"\S[:;!?](\s|$)", french), french


def test_unreadable_file_pickles_with_its_params():
    import pickle

    error = pickle.loads(pickle.dumps(UnreadableFile("too_many_rows", rows=300, limit=200)))
    assert (type(error), error.code, error.params) == (
        UnreadableFile,
        "too_many_rows",
        {"rows": 300, "limit": 200},
    )


def test_core_modules_never_import_streamlit():
    code = "import sys, pmo_core.reading, pmo_core.sandbox; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
