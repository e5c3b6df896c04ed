"""Finding the tables in a sheet the way a person would: past the title block, under two-row
headers, around section, total and legend rows, and in "fiche projet" sheets of label/value pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pmo_core.fields import header_unit, normalize_header
from pmo_core.i18n import LANGUAGES, t
from pmo_core.mapping import match_header
from pmo_core.reading import MergedRange, Sheet
from pmo_core.values import FIRST_CALENDAR_YEAR, month_from_header, year_from_header

SCAN_ROWS = 40  # a header sits within the first rows of a block
BLANK_GAP = 2  # this many blank rows end a table; a new table may start below
_VALUE = re.compile(
    r"^\s*[-+(]?\s*[$€£]?\s*\d[\d\s\u00a0\u202f.,']*\s*(%|[kKmM]?€|k|M|EUR|KEUR|MEUR)?\s*\)?\s*$"
    r"|^\d{4}-\d{2}-\d{2}([ T]\d{2}:\d{2}(:\d{2})?)?$"
    r"|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$"
)
_VALUE_RE2 = _VALUE.pattern.replace("\\u00a0", "\\x{a0}").replace("\\u202f", "\\x{202f}")  # for Arrow
_TOTAL = re.compile(r"\s*(total|totaux|sous[- ]total|sub[- ]?total|grand total|somme|sum)\b")
_NOTE = re.compile(r"\s*(l[ée]gende|legend|notes?|source|nb|n\.b\.|remarque|key)\b|\s*\*")
_YEAR = re.compile(r"^\s*(?:19|20)\d{2}\s*$")
_YEAR_IN = re.compile(r"\b(?:19|20)\d{2}\b")
_SECTION_MARK = re.compile(r"^\s*[▶►▸▷•■□◆❖➤→>#]")


@dataclass(frozen=True)
class TableBlock:
    """One table found in a sheet: its headers and the data rows under them."""

    sheet: str
    header_row: int  # Excel row of the lowest header row
    headers: tuple[tuple[int, str], ...]  # (absolute column, header text)
    data: pd.DataFrame  # data rows only: index Excel rows, columns absolute columns, strings
    month_columns: dict[int, str] = field(default_factory=dict)  # wide tables: column -> ISO month
    year_columns: dict[int, int] = field(default_factory=dict)  # wide business cases: column -> year
    sections: dict[int, str] = field(default_factory=dict)  # Excel row -> section label above it
    skipped: tuple[tuple[int, str], ...] = ()  # (Excel row, "section"|"total"|"note"|"header")
    title: str | None = None  # the text above the table (title block), to guess what it holds
    # A form's cells: (row, col) in the one-record table -> (Excel row, column) of the value.
    cells: dict[tuple[int, int], tuple[int, int]] = field(default_factory=dict)
    form: bool = False  # a "fiche projet": label/value pairs read as one record
    groups: dict[int, str] = field(default_factory=dict)  # column -> the merged group label above it
    origin: tuple[int, int] = (0, 0)  # (Excel row, column) of the top-left cell of the region it was found in
    shape: str = "auto"  # read under a header row ("auto"), with no header row ("none"), or "transposed"
    unread: bool = False  # a block of data in which no header row was found: shown, stored only once mapped
    signature: str | None = None  # what a saved profile finds this table by, when not its headers
    # (shape, signature) of the region read another way: a profile saved for that shape finds it by these.
    signatures: tuple[tuple[str, str], ...] = ()
    # Cells given the value of a range merged down over them: (Excel row, column, the range's first row).
    merged: tuple[tuple[int, int, int], ...] = ()
    # The section rows above data rows: (Excel row, column, label as written), for where a portfolio comes from.
    section_cells: tuple[tuple[int, int, str], ...] = ()

    def locate(self, row: int, col: int) -> tuple[int, int]:
        """Return the (Excel row, absolute column) of a data cell, for messages and annotations."""
        return self.cells.get((row, col), (row, col))

    @property
    def first_col(self) -> int:
        return min((col for col, _ in self.headers), default=self.origin[1])


def fill_merged_down(block: TableBlock, merges: list[MergedRange]) -> TableBlock:
    """Give each data row of a range merged down the value the range shows (a project code merged over its
    CAPEX and OPEX lines names the project of both). Ranges across columns are left alone: a comment merged
    over three cells is one value, not three."""
    if block.form or block.shape == "transposed":
        return block  # a form's rows are its labels, not records; a transposed table's records are columns
    data = None
    merged: list[tuple[int, int, int]] = []
    for merge in merges:
        col = merge.first_col
        if (
            merge.sheet != block.sheet
            or merge.last_row == merge.first_row
            or merge.first_row <= block.header_row
        ):
            continue
        if col not in block.data.columns or merge.first_row not in block.data.index:
            continue
        value = block.data.at[merge.first_row, col]
        rows = block.data.index[(block.data.index > merge.first_row) & (block.data.index <= merge.last_row)]
        if pd.isna(value) or rows.empty:
            continue
        data = block.data.copy() if data is None else data
        filled = rows[data.loc[rows, col].isna().to_numpy()]
        data.loc[filled, col] = value
        merged.extend((int(row), int(col), int(merge.first_row)) for row in filled)
    return block if data is None else replace(block, data=data, merged=block.merged + tuple(merged))


def is_value(text: str | None) -> bool:
    """Say whether a cell reads as a number, date or percentage rather than a label."""
    return bool(text) and bool(_VALUE.match(text))


SHAPES = ("auto", "none", "transposed")
MAX_STACKED_CANDIDATES = 200  # rows of words after a gap or a heading, each checked as a possible header
TRANSPOSED_MAX_ROWS = 200  # a transposed table lists fields as rows: a few dozen, never thousands


def region_key(sheet: str, origin: tuple[int, int]) -> str:
    """Name a region of a sheet for the shape the user chose for it: "Sheet@12:0" (Excel row, column)."""
    return f"{sheet}@{origin[0]}:{origin[1]}"


def is_readme_sheet(name: str) -> bool:
    """Say whether a sheet is our template's README, which holds help rather than records."""
    return name.strip().casefold() in {t("template.sheet.readme", lang).casefold() for lang in LANGUAGES}


def find_tables(sheet: Sheet, shapes: dict[tuple[int, int], str] | None = None) -> list[TableBlock]:
    """Return every table of a sheet, top to bottom then left to right.

    `shapes` says, for a region (by its top-left cell), that its table has no header row ("none") or lists
    its fields as rows ("transposed"); other regions are read as found. A region of data in which no header
    is found comes back unread, so that nothing in the sheet is dropped without being said.
    """
    frame = _trim(sheet.frame)
    if frame.empty:
        return []
    shapes = shapes or {}
    tables: list[TableBlock] = []
    heading = None  # a title block standing alone above the next table, blank rows between
    for region in _regions(frame):
        origin = (int(region.index[0]), int(region.columns[0]))
        shape = shapes.get(origin, "auto")
        alternatives = _signatures(sheet.name, region)
        if shape == "none":
            tables.append(_headerless(sheet.name, region, origin, alternatives))
            continue
        if shape == "transposed":
            found = _transposed(sheet.name, region, origin, alternatives)
            if found is not None:
                tables.append(found)
                continue
        if _looks_transposed(region):
            tables.append(_transposed(sheet.name, region, origin, alternatives))
            continue
        form, rest = _form_at_top(sheet.name, region)
        if form is not None:
            tables.append(replace(form, origin=origin))
        found_here = []
        while not rest.empty:
            found, rest = _table_in_block(sheet.name, rest)
            if found is None:
                break
            if (
                heading is not None
            ):  # the title block's unit and date reach the table past a subtitle or legend
                found = _with_title(found, f"{heading} {found.title or ''}".strip(), sheet.name)
                heading = None
            found_here.append(replace(found, origin=origin, signatures=alternatives))
        tables.extend(found_here)
        if found_here or rest.empty:
            heading = None
            continue
        above = next((t for t in reversed(tables) if not t.form and _continues(t, rest)), None)
        if above is not None:
            tables[tables.index(above)] = _extend(above, rest)
        elif _is_title_block(rest):  # title blocks one above the other read as one heading
            heading = " ".join(text for text in (heading, _title_above(rest, len(rest))) if text)
            continue
        elif _is_note_block(rest):
            if tables:
                notes = tuple((int(row), "note") for row in rest.index)
                tables[-1] = replace(tables[-1], skipped=tables[-1].skipped + notes)
        elif _looks_tabular(rest):
            tables.append(replace(_headerless(sheet.name, rest, origin, alternatives), unread=True))
        heading = None
    return tables


def _is_title_block(block: pd.DataFrame) -> bool:
    """Tell a title block (a line or two of text, one cell each) from data."""
    filled = block.notna().sum(axis=1)
    return len(block) <= 3 and bool((filled <= 2).all())


def _is_note_block(block: pd.DataFrame) -> bool:
    """Tell a legend or notes block ("Légende", "Source: ...") under a table from data."""
    first = _first_value(block.iloc[:1])
    return len(block) <= 12 and bool(_matches(first, _NOTE).iloc[0])


def _looks_tabular(block: pd.DataFrame) -> bool:
    """Tell a block of data (two rows of two cells or more, or a row of three) from a few loose cells."""
    filled = block.notna().sum(axis=1)
    return int((filled >= 2).sum()) >= 2 or bool((filled >= 3).any())


def _with_title(table: TableBlock, title: str, sheet: str) -> TableBlock:
    """Give a table the title written above it: its unit ("montants en k€") and year reach its columns."""
    headers = list(table.headers)
    months = table.month_columns or _month_columns(headers, f"{sheet} {title}", table.groups)
    return replace(table, title=title, month_columns=months)


def _trim(frame: pd.DataFrame) -> pd.DataFrame:
    """Drop the empty columns (the reader already gives blank cells as missing)."""
    if frame.empty:
        return frame
    return frame.loc[:, frame.notna().any(axis=0)]


def column_letter(col: int) -> str:
    """Return the Excel letters of a 0-based column: 0 -> A, 27 -> AB."""
    letters = ""
    col += 1
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _headerless(
    sheet: str, region: pd.DataFrame, origin: tuple[int, int], alternatives: tuple[tuple[str, str], ...]
) -> TableBlock:
    """Read a region with no header row: every row is data, each column is named by its letter."""
    headers = tuple((int(col), column_letter(int(col))) for col in region.columns)
    data, skipped, sections, section_cells = (
        _drop_non_data_rows(region, headers) if len(region) else (region, [], {}, ())
    )
    return TableBlock(
        sheet=sheet,
        header_row=int(region.index[0]) - 1,
        headers=headers,
        data=data,
        sections=sections,
        section_cells=section_cells,
        skipped=tuple(skipped),
        origin=origin,
        shape="none",
        signature=dict(alternatives).get("none"),
        signatures=alternatives,
    )


def _signatures(sheet: str, region: pd.DataFrame) -> tuple[tuple[str, str], ...]:
    """Return what a profile saved for this region read with no header row, or transposed, would be found by.

    With no header row: the sheet's name, the region's width and what its first row holds (text, number or
    date, cell by cell). Transposed: the labels of its first column, as a header row's signature is made.
    """
    from pmo_core.mapping import header_signature

    first = [region.iat[0, position] for position in range(region.shape[1])]
    kinds = ["." if pd.isna(value) else "9" if is_value(str(value)) else "a" for value in first]
    found = [("none", header_signature([f"#none {sheet}", str(region.shape[1]), "".join(kinds)]))]
    if len(region) <= TRANSPOSED_MAX_ROWS:
        labels = region.iloc[:, 0].dropna().astype(str).tolist()
        found.append(("transposed", header_signature(labels)))
    return tuple(found)


def _label_matches(texts: list[str]) -> int:
    return sum(1 for text in texts if not is_value(text) and _best(text) >= 0.9)


def _looks_transposed(block: pd.DataFrame) -> bool:
    """Tell a table that lists fields as rows, one record per column ("Code projet | P1 | P2"), by the labels
    down its first column: three known fields or more, more than its first row holds."""
    if len(block) > TRANSPOSED_MAX_ROWS or block.shape[1] < 3:
        return False
    down = _label_matches(block.iloc[:, 0].dropna().astype(str).tolist())
    if down < 3:
        return False
    across = _label_matches(block.iloc[0].dropna().astype(str).tolist())
    # A fiche projet has labels in other columns too ("Chef de projet" in D); records hold values only.
    others = max(
        _label_matches(block.iloc[:, i].dropna().astype(str).tolist()) for i in range(1, block.shape[1])
    )
    records = int((block.iloc[:, 1:].notna().sum(axis=0) > 0).sum())
    return down >= across + 2 and others < 2 and records >= 2


def _transposed(
    sheet: str, region: pd.DataFrame, origin: tuple[int, int], alternatives: tuple[tuple[str, str], ...]
) -> TableBlock | None:
    """Read a region whose first column holds the field labels and each further column one record."""
    region = region.loc[region.iloc[:, 0].notna()]
    if region.empty or region.shape[1] < 2:
        return None
    label_col = int(region.columns[0])
    rows = [int(row) for row in region.index]
    headers = tuple((position, str(region.iat[position, 0]).strip()) for position in range(len(rows)))
    records = [int(col) for col in region.columns[1:] if region[col].notna().any()]
    if not records:
        return None
    values = region.loc[:, records].T  # one row per record column, one column per label row
    values.columns = range(len(rows))
    values.index = records
    cells = {(col, position): (row, col) for col in records for position, row in enumerate(rows)}
    return TableBlock(
        sheet=sheet,
        header_row=rows[0],
        headers=headers,
        data=values.astype("string[pyarrow]"),
        cells=cells,
        origin=(origin[0], label_col) if origin[1] != label_col else origin,
        shape="transposed",
        signature=dict(alternatives).get("transposed"),
        signatures=alternatives,
    )


def _regions(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a sheet into regions of data: where BLANK_GAP blank rows or more follow each other, and where
    a blank column parts blocks that do not share their rows (a member list beside a task table)."""
    found: list[pd.DataFrame] = []
    _split(frame, found, depth=0)
    return found


def _split(frame: pd.DataFrame, found: list[pd.DataFrame], depth: int) -> None:
    for block in _blocks(frame):
        form, rest = (None, block) if _looks_transposed(block) else _form_at_top("", block)
        if form is not None:  # a form's label/value columns stay together, whatever blank column parts them
            found.append(block.iloc[: len(block) - len(rest)])
            if rest.empty:
                continue
            block = rest.loc[:, rest.notna().any(axis=0)]
        segments = _column_segments(block)
        if len(segments) == 1 or depth >= 3:
            found.append(block)
            continue
        for segment in segments:
            _split(segment, found, depth + 1)


def _column_segments(block: pd.DataFrame) -> list[pd.DataFrame]:
    """Cut a block at its blank columns, then join back the neighbours that share their rows (a spacer
    column inside one table, the two halves of a form) and a lone column beside the rows of a table."""
    filled = block.notna().to_numpy()
    columns = np.asarray(block.columns, dtype=np.int64)
    used = filled.any(axis=0)
    runs: list[list[int]] = []
    for position in np.flatnonzero(used):
        if runs and position == runs[-1][-1] + 1 and columns[position] == columns[runs[-1][-1]] + 1:
            runs[-1].append(int(position))
        else:
            runs.append([int(position)])
    if len(runs) <= 1:
        return [block]
    rows = [frozenset(np.flatnonzero(filled[:, run].any(axis=1)).tolist()) for run in runs]
    groups = [[0]]
    for index in range(1, len(runs)):
        left, right = rows[groups[-1][-1]], rows[index]
        shared = len(left & right) / len(left | right)
        lone = len(runs[index]) == 1 and right <= left
        if shared >= 0.5 or lone:
            groups[-1].append(index)
        else:
            groups.append([index])
    if len(groups) == 1:
        return [block]
    pieces = []
    for group in groups:
        positions = [p for index in group for p in runs[index]]
        piece = block.iloc[:, min(positions) : max(positions) + 1]
        pieces.append(piece.loc[piece.notna().any(axis=1)])
    return pieces


def _blocks(frame: pd.DataFrame) -> list[pd.DataFrame]:
    """Split a sheet where BLANK_GAP or more blank rows follow each other."""
    filled = frame.notna().any(axis=1).to_numpy()
    positions = np.flatnonzero(filled)
    if not len(positions):
        return []
    gaps = np.diff(positions) - 1  # blank rows between two filled rows
    cuts = np.flatnonzero(gaps >= BLANK_GAP)
    starts = np.concatenate(([positions[0]], positions[cuts + 1]))
    ends = np.concatenate((positions[cuts], [positions[-1]]))
    blocks = []
    for start, end in zip(starts, ends, strict=True):
        block = frame.iloc[start : end + 1]
        block = block.loc[filled[start : end + 1]]
        blocks.append(block.loc[:, block.notna().any(axis=0)])
    return blocks


def _row_cells(row: pd.Series) -> list[tuple[int, str]]:
    return [(int(col), str(value).strip()) for col, value in row.items() if not pd.isna(value)]


def _header_score(cells: list[tuple[int, str]]) -> tuple[float, int, int]:
    """Return (score, matched cells, month or year cells) for a row taken as a header row.

    Years head columns only beside at least one label a field knows ("Code projet" | 2026 | 2027): a row
    of data may hold two years too.
    """
    years = year_cells(cells)
    if years:
        score, matched, months = _label_score([(col, text) for col, text in cells if col not in years])
        if matched:
            return score + 0.8 * len(years), matched, months + len(years)
    return _label_score(cells)


def _label_score(cells: list[tuple[int, str]]) -> tuple[float, int, int]:
    score, matched, months = 0.0, 0, 0
    for _, text in cells:
        if is_value(text) and month_from_header(text) is None:
            score -= 0.5
            continue
        if month_from_header(text) is not None:
            months += 1
            score += 0.8
            continue
        candidates = match_header(normalize_header(text)[0])
        if candidates:
            matched += 1
            score += candidates[0][2]
    return score, matched, months


def year_cells(cells: list[tuple[int, str]]) -> dict[int, int]:
    """Return the columns of a header row that name years: two or more, all calendar years or all years
    of the project (a business case laid out one column per year)."""
    years = {col: year for col, text in cells if (year := year_from_header(text)) is not None}
    kinds = {year >= FIRST_CALENDAR_YEAR for year in years.values()}
    return years if len(years) >= 2 and len(kinds) == 1 else {}


def _table_in_block(sheet: str, block: pd.DataFrame) -> tuple[TableBlock | None, pd.DataFrame]:
    """Find the table at the top of a block; return it and the rows below it that start another table
    (a risk table, then a milestone table under one heading each), or None and the block."""
    head = block.iloc[:SCAN_ROWS]
    best = None
    for position in range(len(head)):
        if best is not None and position > best[1] + 2:
            break  # a header was found: only the rows just under it may hold a better one (two-row headers)
        cells = _row_cells(head.iloc[position])
        if len(cells) < 2:
            continue
        score, matched, months = _header_score(cells)
        if matched + months >= 2 and score >= 1.5 and (best is None or score > best[0] + 0.01):
            best = (score, position, cells)
    if best is None:
        return None, block
    _, position, cells = best
    headers, header_position, groups = _combine_header_rows(head, position, cells)
    title = _title_above(head, min(position, header_position))
    cut = _next_table(block, header_position, dict(headers))
    table = _build_table(sheet, block.iloc[:cut], header_position, headers, title, groups)
    return table, block.iloc[cut:]


def _next_table(block: pd.DataFrame, header_position: int, headers: dict[int, str]) -> int:
    """Return where the next table stacked under this one starts (its heading, else its header row), or the
    block's end. Only a row after a blank row or a lone heading can head another table; it must read as a
    header row (two known fields or more, no values) and not repeat this table's own header."""
    rows = block.index.to_numpy()
    filled = block.notna().sum(axis=1).to_numpy()
    after_gap = np.flatnonzero(np.diff(rows) > 1) + 1
    after_heading = np.flatnonzero(filled[:-1] == 1) + 1
    candidates = np.unique(np.concatenate([after_gap, after_heading]))
    candidates = candidates[(candidates > header_position + 1) & (filled[candidates] >= 2)]
    if len(candidates):  # a header row holds no number and no date: one Arrow pass sets the others aside
        cells = block.iloc[candidates].to_numpy(dtype=object)
        text = pa.array(cells.ravel(), type=pa.string(), from_pandas=True)
        numbers = pc.fill_null(pc.match_substring_regex(pc.utf8_trim_whitespace(text), _VALUE_RE2), False)
        has_value = numbers.to_numpy(zero_copy_only=False).reshape(cells.shape).any(axis=1)
        candidates = candidates[~has_value]
    for position in candidates[:MAX_STACKED_CANDIDATES].tolist():
        cells = _row_cells(block.iloc[position])
        if all(headers.get(col) == text for col, text in cells):
            continue  # this table's header, repeated
        score, matched, _ = _header_score(cells)
        if matched >= 2 and score >= 1.5:
            return position - 1 if filled[position - 1] == 1 else position
    return len(block)


def _combine_header_rows(head: pd.DataFrame, position: int, cells: list[tuple[int, str]]):
    """Join a two-row header: merged group labels above (or sub-labels below) the chosen row.

    Return the headers, the position of the lowest header row, and the group label over each column.
    """
    headers = dict(cells)
    best_total = _header_score(cells)[0]
    best: tuple[dict[int, str], int, dict[int, str]] = (headers, position, {})
    if position + 1 < len(head):
        below = _row_cells(head.iloc[position + 1])
        if len(below) >= 2 and not any(is_value(text) and not _is_month(text) for _, text in below):
            merged, groups = _merge_groups(dict(cells), dict(below))
            total = _header_score(list(merged.items()))[0]
            if total > best_total + 0.5:
                best, best_total = (merged, position + 1, groups), total
    if position > 0 and best[1] == position:
        above = _row_cells(head.iloc[position - 1])
        touching = int(head.index[position]) - int(head.index[position - 1]) == 1
        if touching and _is_group_row(above, headers):
            merged, groups = _merge_groups(dict(above), headers, keep_plain=True)
            total = _header_score(list(merged.items()))[0]
            if total >= best_total - 0.01:
                best = (merged, position, groups)
    headers, header_position, groups = best
    return tuple(sorted(headers.items())), header_position, groups


def _is_group_row(above: list[tuple[int, str]], headers: dict[int, str]) -> bool:
    """Tell a row of group labels over the headers ("Probabilité" over "Brute" and "Résiduelle") from a title
    merged above them: groups are short labels, fewer than the headers, and a lone one sits over some of the
    table's columns, never over its first (a title does). A label left of the headers spans both rows."""
    if not above or len(above) >= len(headers):
        return False
    first_col, last_col = min(headers), max(headers)
    if len(above) == 1 and not first_col < above[0][0] <= last_col:
        return False
    for _, text in above:
        if len(text) > 40 or len(text.split()) > 4:
            return False
        if is_value(text) and not _YEAR.match(text):
            return False
    return True


def _is_month(text: str) -> bool:
    return month_from_header(text) is not None


def _merge_groups(
    groups: dict[int, str], subs: dict[int, str], keep_plain: bool = False
) -> tuple[dict[int, str], dict[int, str]]:
    """Spread each group label over the columns it covers and prefix the sub-labels with it.

    With keep_plain, a combined label is kept only where it matches a field better than the plain one
    ("Probabilité" over "Résiduelle"), since group rows such as "Budget" over "Consommé" add nothing but
    a unit, which the sub-label then carries ("Budget (k€)"). A month or a year under a group keeps its own label
    (with the group's year when the group is one): the group then says what the month columns hold.
    """
    merged: dict[int, str] = {}
    under: dict[int, str] = {}
    columns = sorted(set(groups) | set(subs))
    current = None
    for col in columns:
        if col in groups:
            current = groups[col]
        sub = subs.get(col)
        if current is not None:
            under[col] = current
        if sub is None:
            # A label with nothing under it spans both rows (merged vertically), unless it is a group's spread.
            if current is not None and (not keep_plain or col in groups):
                merged[col] = current
            continue
        if current is None or current == sub:
            merged[col] = sub
        elif _YEAR.match(current) and _is_month(f"{sub} {current}"):
            merged[col] = f"{sub} {current}"
        elif _is_month(sub) or year_from_header(sub) is not None:
            merged[col] = sub
        elif not keep_plain or _best(f"{current} {sub}") > _best(sub) + 0.05:
            merged[col] = f"{current} {sub}"
        else:
            merged[col] = _with_unit(sub, current)
    return merged, under


def _with_unit(label: str, group: str) -> str:
    """Carry a group's unit onto a label that states none: "Cost (k€)" over "Budget" gives "Budget (k€)"."""
    unit = re.search(r"\(([^)]*)\)", group)
    if unit and header_unit(group) != (1.0, None) and header_unit(label) == (1.0, None):
        return f"{label} ({unit.group(1)})"
    return label


def _best(header: str) -> float:
    candidates = match_header(normalize_header(header)[0])
    return candidates[0][2] if candidates else 0.0


def _title_above(head: pd.DataFrame, position: int) -> str | None:
    texts = [text for row in range(position) for _, text in _row_cells(head.iloc[row])]
    return " ".join(texts)[:300] or None


def _build_table(
    sheet: str,
    block: pd.DataFrame,
    header_position: int,
    headers,
    title,
    groups: dict[int, str] | None = None,
) -> TableBlock:
    header_row = int(block.index[header_position])
    columns = [col for col, _ in headers]
    data = block.iloc[header_position + 1 :]
    data = data.reindex(columns=columns)
    data = data.loc[data.notna().any(axis=1)]
    skipped: list[tuple[int, str]] = []
    sections: dict[int, str] = {}
    section_cells: tuple[tuple[int, int, str], ...] = ()
    if not data.empty:
        data, skipped, sections, section_cells = _drop_non_data_rows(data, headers)
    months = _month_columns(headers, f"{sheet} {title or ''}", groups)
    return TableBlock(
        sheet=sheet,
        header_row=header_row,
        headers=tuple(headers),
        data=data,
        month_columns=months,
        year_columns={} if months else year_cells(list(headers)),
        sections=sections,
        section_cells=section_cells,
        skipped=tuple(skipped),
        title=title,
        groups=groups or {},
    )


def _month_columns(headers, context: str, groups: dict[int, str] | None = None) -> dict[int, str]:
    """Find the columns headed by a month; month names without a year take the year of the sheet or title.
    Under a group ("Prévu" over "janv.", "févr."...), the month is read without its group's label."""
    groups = groups or {}
    headers = [
        (col, text[len(groups[col]) :].strip() if col in groups and text.startswith(groups[col]) else text)
        for col, text in headers
    ]
    months = {col: month_from_header(text) for col, text in headers}
    found = {col: month for col, month in months.items() if month is not None}
    year = _YEAR_IN.search(context)
    if len(found) < 3 and year:
        found = {col: month_from_header(f"{text} {year.group(0)}") for col, text in headers}
        found = {col: month for col, month in found.items() if month is not None}
    return {col: month.isoformat() for col, month in found.items()} if len(found) >= 3 else {}


def _drop_non_data_rows(data: pd.DataFrame, headers) -> tuple[pd.DataFrame, list, dict, tuple]:
    """Remove section, total, note and repeated header rows; remember the section of each data row, and
    the cell of each section row (its row, column and label as written)."""
    filled = data.notna().sum(axis=1)
    first = _first_value(data)
    # A total row says so in its first filled cell; a project titled "Total quality" further right is data.
    total = _matches(first, _TOTAL)
    lone = filled == 1  # a note or legend sits alone on its row
    note = pd.Series(False, index=data.index)
    if lone.any():
        note[lone] = _matches(first[lone], _NOTE).to_numpy()
    single = (filled == 1) & (data.shape[1] >= 4)
    if single.any():  # only rows with one cell can be sections: read just those
        single[single] = ~first[single].map(is_value).astype(bool)
    section = single & ~note & ~total
    header_text = {col: text for col, text in headers}
    repeated = pd.Series(True, index=data.index)
    for col in list(header_text)[:3]:
        repeated &= data[col].fillna("") == header_text[col]
    drop = total | note | section | repeated
    kinds = np.select([total, note, repeated], ["total", "note", "header"], "section")[drop.to_numpy()]
    skipped = [(int(row), str(kind)) for row, kind in zip(data.index[drop], kinds, strict=True)]
    sections: dict[int, str] = {}
    cells: tuple[tuple[int, int, str], ...] = ()
    if (
        section.any()
    ):  # a tracker grouped by portfolio may hold a section row every few rows: no per-row pandas
        labels = first.where(section).ffill()[~drop].dropna()
        sections = {int(row): _SECTION_MARK.sub("", str(label)).strip() for row, label in labels.items()}
        rows = data.loc[section]
        columns = rows.columns[rows.notna().to_numpy().argmax(axis=1)]
        cells = tuple(
            (int(row), int(col), str(text))
            for row, col, text in zip(rows.index, columns, first[section].tolist(), strict=True)
        )
    return data.loc[~drop], skipped, sections, cells


def _matches(series: pd.Series, pattern: re.Pattern) -> pd.Series:
    """Match a pattern from the start of each cell in Arrow's regex engine, fast on 100,000 rows."""
    values = pa.array(series.astype("string[pyarrow]").fillna(""), type=pa.large_string())
    found = pc.match_substring_regex(values, "^(?:" + pattern.pattern + ")", ignore_case=True)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=series.index)


def _first_value(data: pd.DataFrame) -> pd.Series:
    """Return the first non-empty cell of each row, column by column (a row-wise bfill transposes the frame)."""
    first = pd.Series(pd.NA, index=data.index, dtype="string[pyarrow]")
    for column in data.columns:
        first = first.fillna(data[column])
    return first.fillna("")


def _continues(table: TableBlock, block: pd.DataFrame) -> bool:
    """Say whether a block without headers is more rows of the table above (a gap in the data)."""
    columns = set(block.columns[block.notna().any(axis=0)])
    own = {col for col, _ in table.headers}
    return bool(columns) and columns <= own and len(columns) >= max(2, len(own) // 2)


def _extend(table: TableBlock, block: pd.DataFrame) -> TableBlock:
    extra = block.reindex(columns=[col for col, _ in table.headers])
    extra, skipped, sections, section_cells = _drop_non_data_rows(extra, table.headers)
    return replace(
        table,
        data=pd.concat([table.data, extra]),
        sections={**table.sections, **sections},
        section_cells=table.section_cells + section_cells,
        skipped=table.skipped + tuple(skipped),
    )


def _form_at_top(sheet: str, block: pd.DataFrame) -> tuple[TableBlock | None, pd.DataFrame]:
    """Read a "fiche projet" at the top of a block: labels with their value to the right, as one
    record; return it and the rows below it (often a small risk table).

    Every pair down to the first row that is not made of pairs belongs to the form, whether its label is
    a field we know or not ("Référence interne"), provided it sits in a column where known labels sit: an
    unknown one is kept as a column no field takes, so the import says it was not stored. Three known
    labels or more make a form.
    """
    rows: list[tuple[int, list[tuple[str, str, int, int, bool]]]] = []
    for position in range(min(len(block), SCAN_ROWS * 2)):
        cells = _row_cells(block.iloc[position])
        if len(cells) == 1:
            continue  # a heading inside the form ("Identification", "Budget")
        row_pairs = _pairs(cells)
        if row_pairs is None:
            break
        rows.append((position, row_pairs))
    label_cols = {col for _, row_pairs in rows for _, _, col, _, known in row_pairs if known}
    known = {normalize_header(pair[0])[0] for _, row_pairs in rows for pair in row_pairs if pair[4]}
    if len(known) < 3:
        return None, block
    pairs: list[tuple[str, str, int, int]] = []  # label, value, Excel row, column of the value
    last = -1
    for position, row_pairs in rows:
        kept = [pair for pair in row_pairs if pair[4] or pair[2] in label_cols]
        if not kept:
            break  # pairs elsewhere than the form's label columns: something else starts here
        row = int(block.index[position])
        pairs.extend((label, value, row, value_col) for label, value, _, value_col, _ in kept)
        last = position
    headers, values, cells_at = [], {}, {}
    first_row = pairs[0][2]
    for position, (label, value, row, col) in enumerate(pairs):
        headers.append((position, label))
        values[position] = value
        cells_at[(first_row, position)] = (row, col)
    data = pd.DataFrame([values], index=[first_row], dtype="string[pyarrow]")
    form = TableBlock(
        sheet=sheet, header_row=first_row, headers=tuple(headers), data=data, cells=cells_at, form=True
    )
    return form, block.iloc[last + 1 :]


def _pairs(cells: list[tuple[int, str]]) -> list[tuple[str, str, int, int, bool]] | None:
    """Return the (label, value, label column, value column, known label) pairs of a row made only of such
    pairs, else None.

    A pair is a label (text, not a number or a date) with its value at most three columns to its right; a
    row in which a value is itself a field's name is a header row, not pairs.
    """
    if len(cells) > 8 or len(cells) % 2:
        return None
    found = []
    for (col, text), (next_col, value) in zip(cells[::2], cells[1::2], strict=True):
        label = text.rstrip(" :")
        if not label or is_value(label) or next_col - col > 3:
            return None
        value_matched = match_header(normalize_header(value)[0])
        if value_matched and value_matched[0][2] >= 0.99 and not is_value(value):
            return None  # two labels side by side: a header row, not a pair
        matched = match_header(normalize_header(label)[0])
        is_known = any(entity == "projects" and score >= 0.9 for entity, _, score in matched)
        found.append((label, value, col, next_col, is_known))
    return found
