"""Exports: every text cell a user downloads is neutralised and can never run as a formula."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, datetime
from io import BytesIO
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook

from pmo_core.exports import neutralise, sheet_title, to_excel_bytes, write_sheets


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+33 6 12 34 56 78", "'+33 6 12 34 56 78"),
        ("-2", "'-2"),
        ("@SUM(A1:A3)", "'@SUM(A1:A3)"),
        ("\t=x", "'\t=x"),
        ("\r=x", "'\r=x"),
        ("Plant 3 energy retrofit", "Plant 3 energy retrofit"),
        ("a=b", "a=b"),
        ("", ""),
        (3, 3),
        (-2, -2),
        (-2.5, -2.5),
        (None, None),
    ],
)
def test_neutralise(value, expected):
    assert neutralise(value) == expected


def test_neutralise_keeps_the_type_of_negative_numbers():
    assert isinstance(neutralise(-2), int)
    assert isinstance(neutralise(np.float64(-2.5)), float)


def _sheet(data: bytes, name: str):
    return load_workbook(BytesIO(data))[name]


MALICIOUS = ['=HYPERLINK("http://evil","x")', "=1+1", "@SUM(1)", "+cmd", "-2+3", "\t=x"]


def test_malicious_project_names_are_written_as_plain_text():
    frame = pd.DataFrame({"name": MALICIOUS, "budget": [-1500.0, 2.0, 3.0, 4.0, 5.0, 6.0]})
    sheet = _sheet(to_excel_bytes({"Projects": frame}), "Projects")
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    names = [c.value for c in sheet["A"][1:]]
    assert names == ["'" + name for name in MALICIOUS]
    assert all(c.data_type == "s" for c in sheet["A"][1:])
    assert sheet["B2"].value == -1500 and sheet["B2"].data_type == "n"  # a negative number stays a number


def test_error_looking_text_stays_text():
    sheet = _sheet(to_excel_bytes({"S": pd.DataFrame({"x": ["#N/A", "#DIV/0!"]})}), "S")
    assert [(c.value, c.data_type) for c in sheet["A"][1:]] == [("#N/A", "s"), ("#DIV/0!", "s")]


def test_sheet_is_styled_and_typed():
    frame = pd.DataFrame(
        {
            "Project": ["Migration ERP SAP S/4", "Certification ISO 14001", None],
            "Budget": [1_250_000.0, np.nan, 50_000.0],
            "End": pd.to_datetime(["2026-10-31", None, "2027-03-31"]),
            "Mandatory": [True, False, True],
        }
    )
    buffer = BytesIO()
    write_sheets(buffer, {"Portfolio": frame}, number_formats={"Budget": "#,##0"}, lang="fr")
    sheet = _sheet(buffer.getvalue(), "Portfolio")
    assert [c.value for c in sheet[1]] == ["Project", "Budget", "End", "Mandatory"]
    assert sheet["A1"].font.bold and sheet["A1"].fill.fgColor.rgb.endswith("1F4E79")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:D4"
    assert sheet["C2"].is_date and sheet["C2"].value == datetime(2026, 10, 31)
    assert sheet["C2"].number_format == "dd/mm/yyyy"
    assert sheet["B2"].number_format == "#,##0"
    assert sheet["B3"].value is None and sheet["C3"].value is None and sheet["A4"].value is None
    assert sheet["D2"].value is True
    assert 20 <= sheet.column_dimensions["A"].width <= 60  # fits "Certification ISO 14001"


def test_dates_and_timestamps_become_real_dates():
    frame = pd.DataFrame(
        {"d": [date(2026, 7, 31), pd.Timestamp("2026-08-31 14:30", tz="Europe/Paris"), pd.NaT]}
    )
    sheet = _sheet(to_excel_bytes({"S": frame}), "S")
    assert sheet["A2"].value == datetime(2026, 7, 31)
    assert sheet["A3"].value == datetime(2026, 8, 31, 14, 30)  # time zone dropped: Excel has none
    assert sheet["A4"].value is None


def test_control_characters_are_dropped_instead_of_failing():
    sheet = _sheet(to_excel_bytes({"S": pd.DataFrame({"x": ["bell\x07 here"]})}), "S")
    assert sheet["A2"].value == "bell here"


def test_several_sheets_with_awkward_names():
    data = to_excel_bytes({"Risks [open]": pd.DataFrame({"a": [1]}), "risks:open": pd.DataFrame({"a": [2]})})
    names = load_workbook(BytesIO(data)).sheetnames
    assert names == [
        "Risks open",
        "risks open (2)",
    ]  # forbidden characters dropped, case-insensitive clash numbered


def test_sheet_title_is_legal_and_unique():
    assert sheet_title("Budget/cost: 2026?") == "Budget cost 2026"
    assert len(sheet_title("x" * 50)) == 31
    assert sheet_title("Risks", ["risks"]) == "Risks (2)"


def test_empty_frame_and_no_sheet_still_give_a_workbook():
    sheet = _sheet(to_excel_bytes({"Empty": pd.DataFrame(columns=["a", "b"])}), "Empty")
    assert [c.value for c in sheet[1]] == ["a", "b"] and sheet.max_row == 1
    assert load_workbook(BytesIO(to_excel_bytes({}))).sheetnames == ["Sheet"]


def test_core_modules_do_not_import_streamlit():
    code = (
        "import sys, pmo_core.exports, pmo_core.template, pmo_core.demo; sys.exit('streamlit' in sys.modules)"
    )
    root = Path(__file__).resolve().parents[2]
    assert subprocess.run([sys.executable, "-c", code], cwd=root, check=False).returncode == 0
