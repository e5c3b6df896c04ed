"""The app's own Excel template: what users fill in, what the demo is written as, what the importer reads.

Layout, which the importer relies on:
- sheet 1, README ("LISEZ-MOI"): column A holds "As of" ("Date de situation") with the snapshot date in
  column B of the same row, and "Currency" ("Devise") with the currency code beside it;
- one sheet per entity, header in row 1 = the field labels of `fields.csv` in `lang`, one row per record,
  vocabulary codes written as their labels, text neutralised by `exports` (leading apostrophe);
- a hidden "Lists" sheet feeding the drop-downs, to be skipped on import.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from io import BytesIO
from typing import Any

import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel
from openpyxl.worksheet.datavalidation import DataValidation

from pmo_core import exports, vocabulary
from pmo_core.fields import ENTITIES, Field, fields_of
from pmo_core.i18n import t, table

LISTS_SHEET = "Lists"  # hidden, so the importer skips it; one name in every language, users never see it
VALIDATED_ROWS = 5000  # drop-downs reach far below the data so that rows users add get them too
LIST_KINDS = ("status", "risk_status", "response", "category", "cost_type", "bool", "effort_unit")
SCORE_FIELDS_WITHOUT_SCALE = ("job_size",)  # a relative size on 1, 2, 3, 5, 8, 13, 20, not a 1-5 score
JOB_SIZES = "1,2,3,5,8,13,20"
NUMBER_FORMATS = {
    "money": "#,##0",
    "percent": "0%",
    "signed_percent": "0%",
    "number": "0.0",
    "int": "0",
    "score": "0",
    "scale": "0",
    "month": "mmm yyyy",
    "effort": "0.0",
}
AS_OF_CELL = "B4"  # the snapshot date, right of "As of" on the README
EARLIEST, LATEST = date(1990, 1, 1), date(2100, 12, 31)
TITLE_FONT = Font(bold=True, size=14, color="1F4E79")
SECTION_FONT = Font(bold=True, size=12, color="1F4E79")
LABEL_FILL = PatternFill("solid", fgColor="DCE6F1")


def sheet_name(entity: str, lang: str = "en") -> str:
    """Return the template sheet of an entity ("readme" for the README) in `lang`."""
    return t(f"template.sheet.{entity}", lang)


def write_template(
    target: exports.Target,
    frames: Mapping[str, pd.DataFrame],
    *,
    lang: str = "en",
    as_of: date | None = None,
    currency: str = "EUR",
) -> None:
    """Write canonical frames as the app's template: README, one sheet per entity, hidden lists."""
    workbook = exports.new_workbook()
    list_ranges = _list_ranges(lang)
    _write_readme(workbook, lang, as_of, currency)
    for entity in ENTITIES:
        frame = frames.get(entity)
        _write_entity(workbook, entity, frame if frame is not None else pd.DataFrame(), lang, list_ranges)
    _write_lists(workbook, lang)
    exports.save(workbook, target)


def export_store(con: Any, target: exports.Target, *, lang: str = "en", as_of: date | None = None) -> None:
    """Write the store's state on a date (the current state when None) as the template, for the CLI."""
    from pmo_core import settings, snapshots

    frames = snapshots.state_frames(con, as_of)
    dates = [s.as_of for s in snapshots.list_snapshots(con)]
    stated = as_of or (dates[0] if dates else None)
    write_template(target, frames, lang=lang, as_of=stated, currency=str(settings.get(con, "currency")))


def export_bytes(con: Any, *, lang: str = "en", as_of: date | None = None) -> bytes:
    """Return the store's state as the template, for a download button."""
    buffer = BytesIO()
    export_store(con, buffer, lang=lang, as_of=as_of)
    return buffer.getvalue()


def blank_template(lang: str = "en", currency: str = "EUR") -> bytes:
    """Return the empty template (headers, drop-downs, README) for a "Download the template" button."""
    buffer = BytesIO()
    write_template(buffer, {}, lang=lang, currency=currency)
    return buffer.getvalue()


def list_values(kind: str, lang: str) -> list[str]:
    """Return the words a drop-down offers: vocabulary labels, or Yes/No."""
    if kind == "bool":
        return [t("template.yes", lang), t("template.no", lang)]
    return [term.label(lang) for term in vocabulary.VOCABULARIES[kind]]


def _list_ranges(lang: str) -> dict[str, str]:
    """Return, for each list, the absolute reference of its values on the Lists sheet."""
    ranges = {}
    for index, kind in enumerate(LIST_KINDS, start=1):
        column = get_column_letter(index)
        ranges[kind] = f"'{LISTS_SHEET}'!${column}$1:${column}${len(list_values(kind, lang))}"
    return ranges


def _write_lists(workbook: Any, lang: str) -> None:
    """Write the drop-down values, one list per column and no header, so no reader takes them for a table."""
    sheet = workbook.create_sheet(LISTS_SHEET)
    sheet.sheet_state = "hidden"
    columns = [list_values(kind, lang) for kind in LIST_KINDS]
    depth = max(len(c) for c in columns)
    for row in range(depth):
        sheet.append([exports.make_cell(sheet, c[row]) if row < len(c) else None for c in columns])


def _write_entity(workbook: Any, entity: str, frame: pd.DataFrame, lang: str, lists: dict[str, str]) -> None:
    """Write one entity sheet: labels as headers, canonical values as the words users read."""
    fields = fields_of(entity)
    shown = pd.DataFrame(
        {f.label(lang): _shown_values(f, frame, lang) for f in fields}, index=range(len(frame))
    )
    formats = {f.label(lang): NUMBER_FORMATS[f.type] for f in fields if f.type in NUMBER_FORMATS}
    date_format = exports.DATE_FORMATS.get(lang, exports.DATE_FORMATS["en"])
    sheet = exports.add_table(
        workbook,
        sheet_name(entity, lang),
        shown,
        number_formats=formats,
        date_format=date_format,
        min_width=12,
    )
    last_row = max(VALIDATED_ROWS, len(frame) + 1000)
    for index, f in enumerate(fields, start=1):
        rule = _validation(f, lang, lists)
        if rule is not None:
            column = get_column_letter(index)
            rule.add(f"{column}2:{column}{last_row}")
            sheet.data_validations.append(rule)


def _shown_values(f: Field, frame: pd.DataFrame, lang: str) -> list[Any]:
    """Return a column as users read it: labels for codes, Yes/No, dates as dates; missing as None."""
    if f.name not in frame.columns:
        return [None] * len(frame)
    series = frame[f.name].reset_index(drop=True)
    if f.type in ("date", "month"):
        return [None if pd.isna(v) else v.date() for v in pd.to_datetime(series, errors="coerce")]
    values = [None if _missing(v) else v for v in series.tolist()]
    if f.type in vocabulary.VOCABULARIES:
        return [None if v is None else vocabulary.label(f.type, str(v), lang) for v in values]
    if f.type == "bool":
        return [
            None if v is None else t("template.yes" if _truthy(v) else "template.no", lang) for v in values
        ]
    return values


def _missing(value: Any) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False  # a list or another container is not missing


def _truthy(value: Any) -> bool:
    """Read a canonical bool; text such as "no" or "false" written by hand counts as false."""
    if isinstance(value, str):
        return value.strip().lower() not in ("", "0", "false", "no", "non", "n", "f")
    return bool(value)


def _validation(f: Field, lang: str, lists: dict[str, str]) -> DataValidation | None:
    """Return the data validation that guides input in a field's column, if any."""
    if f.type in lists:
        message = "template.validation.category" if f.type == "category" else "template.validation.list"
        style = "warning" if f.type == "category" else "stop"  # free-text categories are kept
        return _rule(lang, message, style, type="list", formula1=lists[f.type])
    if f.type == "scale" or (f.type == "score" and f.name not in SCORE_FIELDS_WITHOUT_SCALE):
        return _rule(
            lang,
            "template.validation.scale",
            "stop",
            type="whole",
            operator="between",
            formula1="1",
            formula2="5",
        )
    if f.name == "job_size":
        return _rule(lang, "template.validation.job_size", "warning", type="list", formula1=f'"{JOB_SIZES}"')
    if f.name == "percent_complete":
        return _rule(
            lang,
            "template.validation.percent",
            "stop",
            type="decimal",
            operator="between",
            formula1="0",
            formula2="1",
        )
    if f.type in ("date", "month"):
        return _date_rule(lang)
    return None


def _date_rule(lang: str) -> DataValidation:
    low, high = int(to_excel(EARLIEST)), int(to_excel(LATEST))
    return _rule(
        lang,
        "template.validation.date",
        "stop",
        type="date",
        operator="between",
        formula1=str(low),
        formula2=str(high),
    )


def _rule(lang: str, message_key: str, style: str, **options: Any) -> DataValidation:
    return DataValidation(
        allow_blank=True,
        showErrorMessage=True,
        errorStyle=style,
        errorTitle=t("template.validation.title", lang)[:32],
        error=t(message_key, lang)[:255],
        **options,
    )


def _write_readme(workbook: Any, lang: str, as_of: date | None, currency: str) -> None:
    """Write the README: title, as-of date and currency the importer reads back, then the column help."""
    sheet = workbook.create_sheet(sheet_name("readme", lang))
    for column, width in zip("ABC", (34, 26, 110), strict=True):
        sheet.column_dimensions[column].width = width
    cell = exports.make_cell
    date_format = exports.DATE_FORMATS.get(lang, exports.DATE_FORMATS["en"])
    sheet.append([cell(sheet, t("template.readme.title", lang), font=TITLE_FONT)])
    sheet.append([cell(sheet, t("template.readme.intro", lang))])
    sheet.append([])
    sheet.append(
        [
            cell(sheet, t("template.readme.as_of", lang), bold=True),
            cell(sheet, as_of, number_format=date_format),
        ]
    )
    sheet.append([cell(sheet, t("template.readme.currency", lang), bold=True), cell(sheet, currency)])
    as_of_rule = _date_rule(lang)
    as_of_rule.add(AS_OF_CELL)
    sheet.data_validations.append(as_of_rule)
    sheet.append([])
    sheet.append([cell(sheet, t("template.readme.languages", lang))])
    sheet.append([cell(sheet, t("template.readme.dropdowns", lang, currency=currency))])
    for entity in ENTITIES:
        sheet.append([])
        _write_readme_section(sheet, entity, lang, currency)


def _write_readme_section(sheet: Any, entity: str, lang: str, currency: str) -> None:
    """Write the help table of one entity sheet: label, required or not, meaning."""
    cell = exports.make_cell
    title = t("template.readme.sheet", lang, sheet=sheet_name(entity, lang))
    sheet.append([cell(sheet, title, font=SECTION_FONT)])
    headers = ("template.readme.column", "template.readme.required", "template.readme.meaning")
    sheet.append(
        [cell(sheet, t(key, lang), font=exports.HEADER_FONT, fill=exports.HEADER_FILL) for key in headers]
    )
    wrap = Alignment(vertical="top", wrap_text=True)
    for f in fields_of(entity):
        sheet.append(
            [
                cell(sheet, f.label(lang), bold=f.required, fill=LABEL_FILL),
                cell(sheet, t(_requirement_key(f), lang)),
                cell(sheet, field_help(f, lang, currency), alignment=wrap),
            ]
        )


def _requirement_key(f: Field) -> str:
    if f.required:
        return "template.readme.is_required"
    if f.reference:
        return "template.readme.is_reference"
    return "template.readme.is_optional"


def field_help(f: Field, lang: str = "en", currency: str = "EUR") -> str:
    """Return the help of a field; a field added without help gets its type's generic sentence."""
    key = f"template.help.{f.entity}.{f.name}"
    if key not in table():
        key = f"template.type.{f.type}" if f"template.type.{f.type}" in table() else "template.type.text"
    return t(key, lang, currency=currency)
