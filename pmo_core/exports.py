"""Every spreadsheet the app hands to a user is written here, so formula injection is neutralised once.

A text cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return would be run as a formula by
Excel or LibreOffice (CSV/formula injection, OWASP). Such text gets a leading apostrophe and is stored
as a plain string cell; our importer strips that apostrophe when the file comes back.
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from io import BytesIO
from typing import IO, Any

import numpy as np
import pandas as pd
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMATS = {"en": "dd mmm yyyy", "fr": "dd/mm/yyyy"}
HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")  # the theme's primary colour (.streamlit/config.toml)
HEADER_ALIGNMENT = Alignment(vertical="center", wrap_text=True)
WRAP = Alignment(vertical="top", wrap_text=True)
MIN_WIDTH, MAX_WIDTH = 8, 60
WIDTH_SAMPLE = 1000  # rows looked at to size a column: enough for a fair width, cheap on long sheets
_SHEET_TITLE_FORBIDDEN = str.maketrans({c: " " for c in "[]:*?/\\"})

Target = str | os.PathLike | IO[bytes]


def neutralise(value: Any) -> Any:
    """Prefix text that a spreadsheet would run as a formula with an apostrophe; leave anything else."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def cell_value(value: Any) -> Any:
    """Return a value a cell can hold: None for missing, a date for a timestamp, neutralised text."""
    if value is None or value is pd.NaT or value is pd.NA:
        return None
    if isinstance(value, str):
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value)[:32767])
    if isinstance(value, bool | np.bool_):
        return bool(value)
    if isinstance(value, np.datetime64):
        value = pd.Timestamp(value)
    if isinstance(value, datetime):
        return _plain_datetime(value)
    if isinstance(value, date):
        return value
    if isinstance(value, int | np.integer):
        return int(value)
    if isinstance(value, float | np.floating | Decimal):
        number = float(value)
        return number if math.isfinite(number) else None  # Excel has no NaN nor infinity
    return cell_value(str(value))


def _plain_datetime(value: datetime) -> date | datetime | None:
    """Turn a timestamp into what Excel stores: no time zone, a plain date when it is midnight."""
    if pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        value = value.to_pydatetime()
    if value.tzinfo is not None:
        value = value.replace(tzinfo=None)
    return value.date() if value.time() == time(0) else value


def new_workbook() -> Workbook:
    """Open a streaming workbook: rows go straight to the file, so long exports stay fast and small."""
    return Workbook(write_only=True)


def make_cell(
    sheet: Any,
    value: Any,
    *,
    bold: bool = False,
    size: float | None = None,
    number_format: str | None = None,
    fill: PatternFill | None = None,
    font: Font | None = None,
    alignment: Alignment | None = None,
) -> WriteOnlyCell:
    """Build one cell whose text is neutralised and can never be read as a formula."""
    cell = WriteOnlyCell(sheet, value=cell_value(value))
    if isinstance(cell.value, str):
        cell.data_type = "s"  # openpyxl would otherwise take "=..." for a formula and "#N/A" for an error
    if font is not None:
        cell.font = font
    elif bold or size:
        cell.font = Font(bold=bold, size=size)
    if number_format and cell.value is not None:
        cell.number_format = number_format
    elif isinstance(cell.value, date):
        cell.number_format = DATE_FORMATS["en"]
    if fill is not None:
        cell.fill = fill
    if alignment is not None:
        cell.alignment = alignment
    return cell


def sheet_title(name: object, taken: Iterable[str] = ()) -> str:
    """Return a legal, unused sheet title: no []:*?/\\ characters, at most 31 characters."""
    base = " ".join(str(name).translate(_SHEET_TITLE_FORBIDDEN).split()).strip("'")[:31] or "Sheet"
    used = {t.lower() for t in taken}
    title, n = base, 1
    while title.lower() in used:
        n += 1
        suffix = f" ({n})"
        title = base[: 31 - len(suffix)] + suffix
    return title


def column_header(column: object) -> str:
    """Return a frame column's header text; tuples from a MultiIndex are joined."""
    if isinstance(column, tuple):
        return " / ".join(str(part) for part in column if str(part))
    return str(column)


def column_width(header: str, values: list[Any], number_format: str | None = None) -> float:
    """Return a width that fits the header and most values, within sensible bounds."""
    longest = max((len(line) for line in header.splitlines()), default=0)
    for value in values[:WIDTH_SAMPLE]:
        longest = max(longest, _shown_length(value, number_format))
    return float(min(max(longest + 2, MIN_WIDTH), MAX_WIDTH))


def _shown_length(value: Any, number_format: str | None) -> int:
    """Guess how many characters a value takes once formatted."""
    if value is None:
        return 0
    if isinstance(value, date):
        return 11
    if isinstance(value, bool):
        return 5
    if isinstance(value, int | float):
        if number_format and "%" in number_format:
            return 5
        return len(f"{value:,.0f}") + (3 if number_format and "0.0" in number_format else 0)
    return max((len(line) for line in str(value).splitlines()), default=0)


def add_table(
    workbook: Workbook,
    title: str,
    frame: pd.DataFrame,
    *,
    number_formats: Mapping[str, str] | None = None,
    date_format: str = DATE_FORMATS["en"],
    min_width: float = MIN_WIDTH,
) -> Any:
    """Write a frame as a styled sheet: bold filled header, frozen first row, autofilter, fitted widths."""
    sheet = workbook.create_sheet(sheet_title(title, workbook.sheetnames))
    headers = [column_header(c) for c in frame.columns]
    formats = dict(number_formats or {})
    columns = [[cell_value(v) for v in frame.iloc[:, i].tolist()] for i in range(frame.shape[1])]
    for index, (header, values) in enumerate(zip(headers, columns, strict=True), start=1):
        width = max(column_width(header, values, formats.get(header)), min_width)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"
    sheet.append([_header_cell(sheet, h) for h in headers])
    cell_formats = [formats.get(h) for h in headers]
    for row in zip(*columns, strict=True):
        sheet.append([_body_cell(sheet, v, f, date_format) for v, f in zip(row, cell_formats, strict=True)])
    if headers:
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{len(frame) + 1}"
    return sheet


def _header_cell(sheet: Any, header: str) -> WriteOnlyCell:
    return make_cell(sheet, header, font=HEADER_FONT, fill=HEADER_FILL, alignment=HEADER_ALIGNMENT)


def _body_cell(sheet: Any, value: Any, number_format: str | None, date_format: str) -> Any:
    """Build a body cell; a plain number without format goes in bare, which is faster to write."""
    if value is None:
        return None
    if isinstance(value, date):
        return make_cell(sheet, value, number_format=number_format or date_format)
    if isinstance(value, str) or number_format:
        return make_cell(sheet, value, number_format=number_format)
    return value


def save(workbook: Workbook, target: Target) -> None:
    """Save a workbook to a path or a binary buffer."""
    if not workbook.sheetnames:
        workbook.create_sheet("Sheet")  # Excel refuses a workbook without any sheet
    workbook.save(target)


def write_sheets(
    target: Target,
    sheets: Mapping[str, pd.DataFrame],
    *,
    number_formats: Mapping[str, str] | None = None,
    lang: str = "en",
    date_format: str | None = None,
) -> None:
    """Write frames as styled sheets (one per key, index not written) to a path or a buffer.

    `number_formats` maps a column header to an Excel format ("#,##0", "0%") in every sheet;
    dates use `date_format`, by default the reading order of `lang` (31 Oct 2026 / 31/10/2026).
    """
    workbook = new_workbook()
    dates = date_format or DATE_FORMATS.get(lang, DATE_FORMATS["en"])
    for name, frame in sheets.items():
        add_table(workbook, name, frame, number_formats=number_formats, date_format=dates)
    save(workbook, target)


def to_excel_bytes(sheets: Mapping[str, pd.DataFrame], **options: Any) -> bytes:
    """Return the workbook write_sheets would write, as bytes for a download button."""
    buffer = BytesIO()
    write_sheets(buffer, sheets, **options)
    return buffer.getvalue()
