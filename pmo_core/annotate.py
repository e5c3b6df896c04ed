"""The error workbook: the user's own file back, each problem cell coloured and commented, with a first
sheet listing every problem and a link to its cell, so it can be fixed in Excel and imported again.

    data = annotated_workbook(path, "budget.xlsx", plan.issues, lang="fr")
    name = annotated_name("budget.xlsx", "fr")  # budget_a_corriger.xlsx

openpyxl parses the untrusted upload, so the work runs in the sandbox after the reader's container checks.
An .xlsx or .xlsm keeps its values, formulas and formatting (macros are dropped: the result is an .xlsx);
a CSV, .xls, .xlsb or .ods, which openpyxl cannot open, is rebuilt as an .xlsx from the reader's sheets.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from io import BytesIO
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, MergedCell
from openpyxl.comments import Comment
from openpyxl.packaging.custom import StringProperty
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.hyperlink import Hyperlink
from openpyxl.worksheet.worksheet import Worksheet

from pmo_core import reading, sandbox
from pmo_core.exports import HEADER_ALIGNMENT, HEADER_FILL, HEADER_FONT, cell_value, column_width, sheet_title
from pmo_core.i18n import LANGUAGES, t
from pmo_core.issues import Issue
from pmo_core.palette import BAND_COLOURS
from pmo_core.reading import UnreadableFile

ERROR_FILL = PatternFill("solid", fgColor="F4CCCC")
WARNING_FILL = PatternFill("solid", fgColor="FFF2CC")
_EDGE = Side(style="medium", color=BAND_COLOURS["critical"].lstrip("#"))
ERROR_BORDER = Border(left=_EDGE, right=_EDGE, top=_EDGE, bottom=_EDGE)
_OUR_COLOURS = (ERROR_FILL.fgColor.rgb, WARNING_FILL.fgColor.rgb)
AUTHOR = "PMO"
OPENPYXL_KINDS = ("xlsx", "xlsm")
# The summary sheet's title is kept in a document property, so a second round replaces it instead of adding one.
SUMMARY_PROPERTY = "PMO problems sheet"
COMMENT_WIDTH = 360  # pixels: about 55 characters of Excel's default note font per line
COMMENT_LINE_CHARS = 55
COMMENT_LINE_HEIGHT = 16
MAX_COMMENT_HEIGHT = 640
MAX_TEXT = 32767  # Excel's limit for a cell or a note
MAX_ROW, MAX_COLUMN = 1_048_576, 16_384
# A plain number goes back as a number; leading zeros, spaces, units or more than 15 digits stay text.
PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9]\d{0,14})(?:\.\d{1,15})?")
SUMMARY_HEADER_ROW = 4
SUMMARY_COLUMNS = ("severity", "sheet", "cell", "column", "value", "message")
SUMMARY_WIDTHS = (16, 22, 10, 24, 30, 90)
LINK_FONT = Font(color="0563C1", underline="single")
TITLE_FONT = Font(bold=True, size=14)


def annotated_name(file_name: str, lang: str = "en") -> str:
    """Return the download name: budget.xlsx -> budget_annotated.xlsx (budget_a_corriger.xlsx in French)."""
    stem = Path(file_name).stem.strip() or "file"
    return f"{stem}{t('annotate.file_suffix', lang)}.xlsx"


def annotated_workbook(
    path: Path,
    file_name: str,
    issues: list[Issue],
    lang: str = "en",
    *,
    max_rows: int = 200_000,
    max_bytes: int = 50 * 2**20,
    memory_mb: int = 2048,
    timeout_s: float = 120.0,
) -> bytes:
    """Return the file's own workbook, as .xlsx bytes, with the problems of `file_name` marked on their cells.

    Raises UnreadableFile (the sentence is `issue.<code>`) for a file that is gone, hostile or unreadable.
    """
    if not Path(path).is_file():
        raise UnreadableFile("file_missing")
    mine = [issue for issue in issues if issue.file == file_name]
    return sandbox.run_isolated(
        build_annotated,
        Path(path),
        file_name,
        mine,
        lang,
        memory_mb=memory_mb,
        timeout_s=timeout_s,
        max_rows=max_rows,
        max_bytes=max_bytes,
    )


def build_annotated(
    path: Path,
    file_name: str,
    issues: list[Issue],
    lang: str = "en",
    *,
    max_rows: int = 200_000,
    max_bytes: int = 50 * 2**20,
) -> bytes:
    """Open the file, mark its problems and return the .xlsx bytes (runs in the sandbox: it parses the upload)."""
    try:
        kind = reading.check_container(Path(path), file_name, max_rows=max_rows, max_bytes=max_bytes)
    except FileNotFoundError:
        raise UnreadableFile("file_missing") from None
    if kind in OPENPYXL_KINDS:
        workbook = _load(Path(path), max_rows)
        sheets = {sheet.title: sheet for sheet in workbook.worksheets}
    else:
        source = reading.read_file(Path(path), file_name, max_rows=max_rows, max_bytes=max_bytes)
        workbook, sheets = rebuild(source)
    mine = sorted((i for i in issues if i.file == file_name), key=_order(list(sheets)))
    cells = mark_cells(sheets, mine, lang)
    add_summary(workbook, sheets, file_name, mine, cells, lang)
    buffer = BytesIO()
    try:
        workbook.save(buffer)
    except (ValueError, TypeError, KeyError, AttributeError):
        raise UnreadableFile("corrupt_workbook") from None  # something openpyxl read but cannot write back
    return buffer.getvalue()


def _load(path: Path, max_rows: int) -> Workbook:
    """Open an .xlsx or .xlsm with its formatting and formulas, without its macros, and clear a previous round."""
    try:
        # A stream, not the path: uploads are stored under their hash, and openpyxl judges a path by its suffix.
        workbook = load_workbook(BytesIO(path.read_bytes()), keep_vba=False, rich_text=True)
    except MemoryError:
        raise
    except Exception:  # openpyxl raises anything from KeyError to a parser error on a damaged part
        raise UnreadableFile("corrupt_workbook") from None
    for sheet in workbook.worksheets:
        if sheet.max_row > max_rows:
            raise UnreadableFile("too_many_rows", sheet=sheet.title, rows=sheet.max_row, limit=max_rows)
    workbook.template = False  # an .xltx comes back as a workbook
    clear_previous_round(workbook)
    return workbook


def rebuild(source: reading.Workbook) -> tuple[Workbook, dict[str, Worksheet]]:
    """Rebuild a workbook from the reader's sheets: each value at its row and column, plain numbers as numbers.

    Return it with its worksheets by the reader's sheet name (a title may lose characters Excel forbids).
    """
    workbook = Workbook()
    workbook.remove(workbook.active)
    sheets = {}
    for sheet in source.sheets:
        target = workbook.create_sheet(sheet_title(sheet.name, workbook.sheetnames))
        sheets[sheet.name] = target
        if not sheet.visible:
            target.sheet_state = "hidden"
        for column in sheet.frame.columns:
            values = sheet.frame[column].dropna()
            typed = [_typed(text) for text in values]
            for row, value in zip(values.index, typed, strict=True):
                cell = target.cell(row=int(row), column=int(column) + 1, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
            letter = get_column_letter(int(column) + 1)
            target.column_dimensions[letter].width = column_width("", typed)
    return workbook, sheets


def _typed(text: str) -> object:
    if PLAIN_NUMBER.fullmatch(text):
        return float(text) if "." in text else int(text)
    return cell_value(text)


def _order(sheet_names: list[str]):
    """Sort errors first, then whole-file problems, then by sheet, row and column."""
    positions = {name: n for n, name in enumerate(sheet_names)}

    def key(issue: Issue) -> tuple:
        return (
            not issue.is_error,
            positions.get(issue.sheet, -1) if issue.sheet else -2,
            issue.row if issue.row is not None else 0,
            issue.col_index if issue.col_index is not None else -1,
        )

    return key


# --- Marking the cells --------------------------------------------------------------------------------------


def mark_cells(sheets: dict[str, Worksheet], issues: list[Issue], lang: str) -> dict[int, str]:
    """Fill and comment each problem cell; return {position in `issues`: its cell address}.

    `sheets` holds the worksheets by the importer's sheet name.
    """
    first_used: dict[str, dict[int, int]] = {}
    by_cell: dict[tuple[str, int, int], list[Issue]] = defaultdict(list)
    located: dict[int, str] = {}
    for position, issue in enumerate(issues):
        sheet = sheets.get(issue.sheet) if issue.sheet else None
        if sheet is None or issue.row is None or not 1 <= issue.row <= MAX_ROW:
            continue
        if issue.col_index is not None and 0 <= issue.col_index < MAX_COLUMN:
            column = issue.col_index + 1
        else:
            if sheet.title not in first_used:
                first_used[sheet.title] = _first_used_columns(sheet)
            column = first_used[sheet.title].get(issue.row, 1)
        row, column = _anchor(sheet, issue.row, column)
        by_cell[(issue.sheet, row, column)].append(issue)
        located[position] = f"{get_column_letter(column)}{row}"
    for (name, row, column), cell_issues in by_cell.items():
        _mark(sheets[name].cell(row=row, column=column), cell_issues, lang)
    return located


def _first_used_columns(sheet: Worksheet) -> dict[int, int]:
    """Return the first filled column of each row, from the stored cells (walking a row would create empty ones)."""
    firsts: dict[int, int] = {}
    for (row, column), cell in sheet._cells.items():
        if cell.value is not None and column < firsts.get(row, MAX_COLUMN + 1):
            firsts[row] = column
    return firsts


def _anchor(sheet: Worksheet, row: int, column: int) -> tuple[int, int]:
    """Return the top-left cell of the merged range holding a cell (the only one Excel lets us style)."""
    if not isinstance(sheet.cell(row=row, column=column), MergedCell):
        return row, column
    for merged in sheet.merged_cells.ranges:
        if merged.min_row <= row <= merged.max_row and merged.min_col <= column <= merged.max_col:
            return merged.min_row, merged.min_col
    return row, column


def _mark(cell, issues: list[Issue], lang: str) -> None:
    issues = sorted(issues, key=lambda issue: not issue.is_error)
    if issues[0].is_error:
        cell.fill = ERROR_FILL
        cell.border = ERROR_BORDER
    else:
        cell.fill = WARNING_FILL
    ours = "\n\n".join(_explain(issue, lang) for issue in issues)
    existing = cell.comment
    if existing is not None and existing.text.strip():
        text, author = f"{existing.text.rstrip()}\n\n{AUTHOR}:\n{ours}", existing.author or AUTHOR
    else:
        text, author = f"{AUTHOR}:\n{ours}", AUTHOR
    text = _clean(text)
    cell.comment = Comment(text, author, height=_comment_height(text), width=COMMENT_WIDTH)


def _explain(issue: Issue, lang: str) -> str:
    """Return the note for one problem: what is wrong, then the value as the importer read it."""
    kind = "error" if issue.is_error else "warning"
    lines = [t(f"annotate.comment.{kind}", lang, sentence=issue.sentence(lang))]
    if issue.value is not None:
        lines.append(t("annotate.comment.value", lang, value=issue.value))
    return "\n".join(lines)


def _comment_height(text: str) -> int:
    lines = sum(max(1, math.ceil(len(line) / COMMENT_LINE_CHARS)) for line in text.splitlines())
    return min(24 + COMMENT_LINE_HEIGHT * lines, MAX_COMMENT_HEIGHT)


def _clean(text: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", text)[:MAX_TEXT]


def clear_previous_round(workbook: Workbook) -> None:
    """Remove the marks of an earlier annotated copy: its summary sheet, and the notes and colours we added."""
    if SUMMARY_PROPERTY in workbook.custom_doc_props.names:
        title = workbook.custom_doc_props[SUMMARY_PROPERTY].value
        del workbook.custom_doc_props[SUMMARY_PROPERTY]
        if title in workbook.sheetnames:
            workbook.remove(workbook[title])
    for sheet in workbook.worksheets:
        for cell in list(sheet._cells.values()):
            comment = cell.comment
            if comment is None:
                continue
            if comment.author == AUTHOR and comment.text.startswith(f"{AUTHOR}:\n"):
                cell.comment = None
            elif f"\n\n{AUTHOR}:\n" in comment.text:
                text = comment.text.split(f"\n\n{AUTHOR}:\n")[0]
                cell.comment = Comment(text, comment.author, height=comment.height, width=comment.width)
            else:
                continue
            # A loaded cell's style is a proxy that never equals our objects: compare what they draw.
            if cell.fill.fill_type == "solid" and cell.fill.fgColor.rgb in _OUR_COLOURS:
                cell.fill = PatternFill()
            if cell.border.left.style == _EDGE.style and cell.border.left.color.rgb == _EDGE.color.rgb:
                cell.border = Border()


# --- The summary sheet --------------------------------------------------------------------------------------


def add_summary(
    workbook: Workbook,
    sheets: dict[str, Worksheet],
    file_name: str,
    issues: list[Issue],
    cells: dict[int, str],
    lang: str,
) -> Worksheet:
    """Add a first sheet listing every problem, errors first, each with a link to its cell (or its sheet)."""
    sheet = workbook.create_sheet(sheet_title(t("annotate.sheet", lang), workbook.sheetnames), 0)
    workbook.custom_doc_props.append(StringProperty(name=SUMMARY_PROPERTY, value=sheet.title))
    _text(sheet.cell(row=1, column=1), t("annotate.title", lang, file=file_name)).font = TITLE_FONT
    errors = sum(issue.is_error for issue in issues)
    intro = t("annotate.intro", lang, errors=errors, warnings=len(issues) - errors)
    _text(sheet.cell(row=2, column=1), intro)
    for column, (key, width) in enumerate(zip(SUMMARY_COLUMNS, SUMMARY_WIDTHS, strict=True), start=1):
        cell = _text(sheet.cell(row=SUMMARY_HEADER_ROW, column=column), t(f"annotate.col.{key}", lang))
        cell.font, cell.fill, cell.alignment = HEADER_FONT, HEADER_FILL, HEADER_ALIGNMENT
        sheet.column_dimensions[get_column_letter(column)].width = width
    wrap = Alignment(vertical="top", wrap_text=True)
    for offset, issue in enumerate(issues):
        row = SUMMARY_HEADER_ROW + 1 + offset
        severity = _text(sheet.cell(row=row, column=1), t(f"annotate.severity.{issue.severity}", lang))
        severity.fill = ERROR_FILL if issue.is_error else WARNING_FILL
        name = _text(sheet.cell(row=row, column=2), issue.sheet or t("annotate.whole_file", lang))
        address = _text(sheet.cell(row=row, column=3), cells.get(offset))
        target = sheets.get(issue.sheet) if issue.sheet else None
        if target is not None:
            # A problem without a cell (a missing column) still links to its sheet.
            link = address if offset in cells else name
            location = f"{quote_sheetname(target.title)}!{cells.get(offset, 'A1')}"
            link.hyperlink = Hyperlink(ref=link.coordinate, location=location)
            link.font = LINK_FONT
        _text(sheet.cell(row=row, column=4), issue.column)
        _text(sheet.cell(row=row, column=5), issue.value)
        _text(sheet.cell(row=row, column=6), issue.sentence(lang))
        for column in range(1, len(SUMMARY_COLUMNS) + 1):
            sheet.cell(row=row, column=column).alignment = wrap
    last = SUMMARY_HEADER_ROW + len(issues)
    sheet.freeze_panes = f"A{SUMMARY_HEADER_ROW + 1}"
    sheet.auto_filter.ref = f"A{SUMMARY_HEADER_ROW}:{get_column_letter(len(SUMMARY_COLUMNS))}{last}"
    workbook.active = 0
    for other in workbook.worksheets:
        other.sheet_view.tabSelected = other is sheet  # several selected tabs would open Excel in group mode
    return sheet


def _text(cell, value: object):
    """Write text that no spreadsheet will run as a formula (neutralised, stored as a string)."""
    cell.value = cell_value(None if value is None else str(value))
    if cell.value is not None:
        cell.data_type = "s"
    return cell


def is_summary_sheet(sheet: reading.Sheet) -> bool:
    """Say whether a sheet read back is the problem list of an error workbook, which holds no records."""
    frame = sheet.frame
    columns = range(len(SUMMARY_COLUMNS))
    if SUMMARY_HEADER_ROW not in frame.index or not set(columns) <= set(frame.columns):
        return False
    found = [frame.at[SUMMARY_HEADER_ROW, column] for column in columns]
    found = [
        value if isinstance(value, str) else None for value in found
    ]  # a blank cell is NA, which has no ==
    return any(found == [t(f"annotate.col.{key}", lang) for key in SUMMARY_COLUMNS] for lang in LANGUAGES)
