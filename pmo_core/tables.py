"""Turning a table found in a file into canonical records of one entity, every problem placed on its cell."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pmo_core import origins, values
from pmo_core.fields import (
    ANY_CURRENCY,
    EFFORT_FIELDS,
    Field,
    currency_of,
    fields_of,
    header_unit,
    header_unit_scale,
    normalize_header,
    normalize_name,
)
from pmo_core.issues import ERROR, WARNING, Figure, Issue, Problem
from pmo_core.layout import TableBlock, region_key
from pmo_core.mapping import WIDE_EXCLUDED, TableMapping, match_header
from pmo_core.vocabulary import VOCABULARIES

# Where each record comes from: its file, sheet and Excel row (for messages), and its own column where it has
# one (a month of a wide budget, a record of a transposed table), which with its row keys its origins.
LOCATION_COLUMNS = ["_file", "_sheet", "_row", "_col"]
LIFECYCLE_CODES = [term.code for term in VOCABULARIES["lifecycle"]]
WIDE_MEASURES = ("actual", "planned", "forecast")
_WIDE_HINTS = {
    "actual": ("realise", "reel", "consomme", "depense", "actual", "actuals", "spent", "spend"),
    "forecast": ("prevision", "forecast", "atterrissage", "estime", "reprevision", "reforecast", "fcst"),
    "planned": ("prevu", "planned", "plan", "budget mensuel", "baseline", "budget", "planifie"),
}


@dataclass(frozen=True)
class ReadContext:
    """What the reader knows about the file a table comes from."""

    file: str
    dayfirst: bool | None = None  # True for French files: 03/04/2026 is 3 April
    lenient: bool = False  # unreadable values become empty cells with a warning instead of errors
    three_level: tuple[int, int, int] | None = (1, 3, 5)
    decimal: str | None = None  # "." in English files, "," in French ones: settles "1,200"
    currency: str = "EUR"  # the store's: amounts in another currency are reported, never converted
    # A probability written "30 %" takes the level whose fraction is nearest.
    fractions: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9)
    five_level_fields: frozenset[str] = (
        frozenset()
    )  # scale fields another table of the file writes in five levels
    project_code: str | None = None  # the project of a "fiche projet" sheet, for the tables under the form
    fiscal_start: int = 1  # the month a fiscal year begins: "Q2 FY25" and "FY25" are read with it
    dollar: str | None = None  # what a bare "$" means in this import (USD, CAD, AUD...), once the user says
    working_days: float = 20.0  # a month's working days: person-days over it give FTE (a setting)
    max_team_fte: float = (
        1000.0  # the largest plausible team: a line above it is a cell typed wrong (a setting)
    )


@dataclass(frozen=True)
class Unstored:
    """A column (or a form's labelled field) that holds values the import does not store."""

    header: str
    col: int
    sample: str  # its first value, as written
    count: int  # how many cells hold a value


@dataclass(frozen=True)
class Currency:
    """The currency the amounts of a field are written in, and where the file says so."""

    field: str
    code: str  # an ISO code, or "$" when a bare dollar sign does not say whose
    header: str
    col: int
    row: int  # the header row when the header states it, else the first cell that writes it
    value: str | None  # that cell, as written


@dataclass
class TableRead:
    """One table of a file as the importer understood it: what it holds, how, and what went wrong."""

    file: str
    sheet: str
    header_row: int
    mapping: TableMapping
    frame: pd.DataFrame | None  # canonical columns of the entity plus _file, _sheet, _row
    issues: list[Issue] = field(default_factory=list)
    skipped: tuple[tuple[int, str], ...] = ()
    n_rows: int = 0
    form: bool = False
    preview: pd.DataFrame | None = (
        None  # the first rows as written (columns: absolute column), for the screen
    )
    col: int = 0  # the table's first column
    region: str = ""  # the region of the sheet it was found in, for the shape chosen on the screen
    shape: str = "auto"
    unread: bool = False  # no header row found: stored only once the user maps it
    unstored: tuple[Unstored, ...] = ()
    currencies: tuple[Currency, ...] = ()
    left_out: tuple[tuple[str, int], ...] = ()  # (title, rows) left out by the user's choice
    origins: origins.TableOrigins | None = None  # where each field of its records was read

    @property
    def key(self) -> str:
        """Identify the table within its file, for mapping overrides chosen on the Import page."""
        return f"{self.sheet}!{self.header_row}" + (f"+{self.col}" if self.col else "")

    @property
    def headers(self) -> dict[int, str]:
        return {c.col_index: c.header for c in self.mapping.columns}


def read_table(block: TableBlock, mapping: TableMapping, ctx: ReadContext) -> TableRead:
    """Return the records of a table under a mapping, with the problems of each cell and what it leaves out."""
    base = TableRead(
        file=ctx.file,
        sheet=block.sheet,
        header_row=block.header_row,
        mapping=mapping,
        frame=None,
        skipped=block.skipped,
        n_rows=len(block.data),
        form=block.form,
        preview=block.data.head(PREVIEW_ROWS),
        col=block.first_col,
        region=region_key(block.sheet, block.origin),
        shape=block.shape,
        unread=block.unread and mapping.entity is None,
    )
    if mapping.entity is None:
        return base
    if mapping.lenient and not ctx.lenient:  # the profile of a third-party register says so
        ctx = replace(ctx, lenient=True)
    base.unstored = unstored_columns(block, mapping)
    issues: list[Issue] = []
    project = ctx.project_code or mapping.project
    missing = [name for name in mapping.missing_required() if not (name == "project" and project)]
    if missing:
        for name in missing:
            issues.append(
                Issue(
                    ERROR,
                    "required_column_missing",
                    ctx.file,
                    block.sheet,
                    block.header_row,
                    params={"field": name, "entity": mapping.entity},
                )
            )
        base.issues = issues
        return base
    # Amounts in another currency keep their text: once converted, they no longer read back from it.
    currency_issues: list[Issue] = []
    currencies = tuple(_currencies(block, mapping, ctx, currency_issues))
    found = _Origins(foreign={c.field: c.code for c in currencies})
    if mapping.entity == "costs" and mapping.month_columns:
        frame = _read_wide_costs(block, mapping, ctx, issues, found)
    elif mapping.entity == "business_case" and mapping.year_columns:
        frame = _read_wide_business_case(block, mapping, ctx, issues, found)
    elif mapping.entity in EFFORT_FIELDS and mapping.month_columns:
        frame = _read_wide_effort(block, mapping, ctx, issues, found)
    else:
        frame = _read_long(block, mapping, ctx, issues, found)
        if mapping.entity == "projects" and block.sections and "portfolio" not in _mapped(mapping):
            frame["portfolio"] = [block.sections.get(int(row)) for row in frame["_row"]]
            found.columns["portfolio"] = origins.ColumnOrigin(
                "portfolio", "", rule="section", sections=block.section_cells
            )
        if mapping.entity in EFFORT_FIELDS:
            frame = _effort_units(frame, block, mapping, ctx, issues, found)
    if project and "project_code" in frame.columns:
        empty = frame[["project_code", "project_name"]].isna().all(axis=1)
        frame.loc[empty, "project_code"] = project
    if mapping.titles and "project_code" in frame.columns:
        frame, base.left_out = _apply_titles(frame, mapping, block, ctx, issues)
    base.currencies = currencies
    issues.extend(currency_issues)
    if mapping.entity in EFFORT_FIELDS:
        frame = _check_effort_bounds(frame, block, mapping, ctx, issues)
    frame = _check_required_values(frame, block, mapping, ctx, issues)
    if mapping.entity == "projects" and not block.form:
        _check_codes_look_like_numbers(frame, block, mapping, ctx, issues)
    if mapping.entity == "risks":
        _check_risk_score(frame, block, mapping, ctx, issues)
    if mapping.entity == "projects":
        _check_dates_order(frame, block, mapping, ctx, issues)
    if not mapping.month_columns:
        _check_negative_amounts(frame, block, mapping, ctx, issues)
    base.origins = found.table(block, ctx, frame)
    base.frame = frame
    base.issues = issues
    return base


SAMPLE_ROWS = 200
AMBIGUITIES = ("date_ambiguous", "number_ambiguous", "percent_read_as_fraction")
TEXT_TYPES = ("text", "code", "category")


def check_plausible(block: TableBlock, mapping: TableMapping, ctx: ReadContext) -> TableMapping:
    """Unmap the loosely matched columns whose values mostly do not read as their field's type.

    A header such as "schedule_comment" looks like a schedule status, but its cells are sentences: read
    the first values and keep the guess only if most of them parse. Exact header matches are kept, since
    the file says what the column is, and their unreadable values are reported instead.
    """
    if mapping.entity is None:
        return mapping
    specs = {f.name: f for f in fields_of(mapping.entity)}
    sample = block.data.head(SAMPLE_ROWS)

    def readable(column, spec: Field) -> bool:
        values = sample[column.col_index]
        filled = int(values.notna().sum())
        parsed = parse_column(values, spec, column.scale, ctx)
        # A date readable two ways is still a date: only what cannot be read at all counts against the guess.
        unreadable = [p for p in parsed.problems.values() if p.code not in AMBIGUITIES]
        return filled == 0 or (filled - len(unreadable)) / filled >= 0.5

    columns = []
    for column in mapping.columns:
        spec = specs.get(column.field) if column.field else None
        if spec is None or column.source != "auto" or column.confidence >= 0.95 or spec.type in TEXT_TYPES:
            columns.append(column)
            continue
        columns.append(column if readable(column, spec) else replace(column, field=None, confidence=0.0))
    columns = list(_prefer_readable(columns, specs, mapping.entity, readable))
    if mapping.entity == "projects":
        columns = _status_or_lifecycle(columns, sample)
    return replace(mapping, columns=tuple(columns))


def _status_or_lifecycle(columns: list, sample: pd.DataFrame) -> list:
    """Give a column to the RAG status or to the lifecycle state by what its words are: "Status" holding
    "completed" and "behind schedule" is the lifecycle; "Project status" holding "Amber" is the RAG status."""
    taken = {c.field for c in columns if c.field}
    for i, column in enumerate(columns):
        if column.source != "auto":
            continue
        names = {n for e, n, _ in match_header(normalize_header(column.header)[0]) if e == "projects"}
        if column.field not in ("status", "lifecycle") and not (
            column.field is None and names & {"status", "lifecycle"}
        ):
            continue
        cells = sample[column.col_index]
        status = values.parse_status(cells)
        rag = int((status.values.notna() & ~cells.index.isin(list(status.problems))).sum())
        stages = int(values.parse_terms(cells, "lifecycle").values.isin(LIFECYCLE_CODES).sum())
        wanted = "lifecycle" if stages > rag else "status" if rag > stages else column.field
        if wanted and wanted != column.field and wanted not in taken:
            taken.discard(column.field)
            taken.add(wanted)
            columns[i] = replace(column, field=wanted, confidence=max(column.confidence, 0.8))
    return columns


def _prefer_readable(columns: list, specs: dict[str, Field], entity: str, readable) -> tuple:
    """An exact header match whose values do not read gives its field to a column left unmapped that also
    names the field and whose values do: "Status" holding "In progress" gives way to "RAG" holding "Amber"."""
    for i, column in enumerate(columns):
        spec = specs.get(column.field) if column.field else None
        if spec is None or column.source != "auto" or spec.type in TEXT_TYPES:
            continue
        rivals = [
            j
            for j, other in enumerate(columns)
            if other.field is None
            and any(
                e == entity and n == spec.name for e, n, _ in match_header(normalize_header(other.header)[0])
            )
        ]
        if not rivals or readable(column, spec):
            continue
        j = next((j for j in rivals if readable(columns[j], spec)), None)
        if j is not None:
            columns[j] = replace(columns[j], field=spec.name, confidence=column.confidence)
            columns[i] = replace(column, field=None, confidence=0.0)
    return tuple(columns)


def apply_title_unit(block: TableBlock, mapping: TableMapping) -> TableMapping:
    """Give the title's unit ("Suivi budgétaire 2026 (en k€)") to the amount columns that state none."""
    scale = header_unit_scale(block.title or "")
    if scale == 1.0 or mapping.entity is None:
        return mapping
    money = {f.name for f in fields_of(mapping.entity) if f.type == "money"}
    columns = tuple(
        replace(c, scale=scale)
        if c.field in money and c.scale == 1.0 and header_unit(c.header) == (1.0, None)
        else c
        for c in mapping.columns
    )
    return replace(mapping, columns=columns)


def _mapped(mapping: TableMapping) -> set[str]:
    return {c.field for c in mapping.columns if c.field}


def parse_column(series: pd.Series, spec: Field, scale: float, ctx: ReadContext) -> values.Parsed:
    """Parse one column by the type its field declares in fields.csv."""
    kind = spec.type
    if kind in ("money", "number"):
        return values.parse_numbers(series, scale=scale, decimal=ctx.decimal)
    if kind == "effort":
        return values.parse_effort(series, decimal=ctx.decimal)
    if kind == "percent":
        return values.parse_percents(series)
    if kind == "signed_percent":
        return _parse_signed_percents(series)
    if kind == "date":
        # "juin 2026" as an end or due date means the end of June, as a start date its beginning.
        ends = spec.name.endswith("_end") or spec.name == "due_date"
        return values.parse_dates(
            series, dayfirst=ctx.dayfirst, month_end=ends, fiscal_start=ctx.fiscal_start
        )
    if kind == "month":
        return values.parse_months(series)
    if kind == "status":
        return values.parse_status(series)
    if kind == "scale":
        three_level = None if spec.name in ctx.five_level_fields else ctx.three_level
        return values.parse_scale(series, three_level=three_level, fractions=ctx.fractions)
    if kind == "score":
        return values.parse_scores(series)
    if kind == "bool":
        return values.parse_bools(series)
    if kind == "int":
        return values.parse_integers(series)
    if kind in ("category", "response", "risk_status", "cost_type", "lifecycle", "effort_unit"):
        return values.parse_terms(series, spec.type)
    return values.clean_text(series)


def _parse_signed_percents(series: pd.Series) -> values.Parsed:
    """Read a return on investment, which may be negative or above 100 %: "190 %" is 1.9; plain numbers
    are fractions unless one of them is beyond ±10 (1,000 %), which only whole percentages reach."""
    written = series.str.contains("%", na=False, regex=False)
    percents = values.parse_percents(series.where(written))
    plain = values.parse_numbers(series.where(~written))
    scale = 0.01 if plain.values.abs().max(skipna=True) > 10 else 1.0
    combined = plain.values.mul(scale).where(~written, percents.values)
    problems = {row: p for row, p in percents.problems.items() if p.code != "percent_out_of_range"}
    problems.update(
        {
            row: Problem("not_a_percent", p.severity, p.params) if p.code == "not_a_number" else p
            for row, p in plain.problems.items()
        }
    )
    return values.Parsed(combined, problems)


def _read_long(
    block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue], found: _Origins
) -> pd.DataFrame:
    """Read one record per row. Where several columns feed one field (two "colour_rating" columns), each
    row takes the first non-empty value in the order the user set; a column's problems are reported only
    where its value is the one taken."""
    specs = {f.name: f for f in fields_of(mapping.entity)}
    sources = {name: columns for name, columns in mapping.fields_of_columns().items() if name in specs}
    wanted = [
        column
        for columns in sources.values()
        for column in columns
        if block.data[column.col_index].notna().any()
    ]  # an empty column reads as missing values: nothing to parse, nothing to report
    keys = _record_keys(block)

    def read_column(column) -> tuple[pd.Series, dict, tuple | None]:
        cells = block.data[column.col_index]
        parsed = parse_column(cells, specs[column.field], column.scale, ctx)
        problems = parsed.problems
        if column.field in DERIVED_FIELDS:  # recomputed anyway: what cannot be read is only noted
            return parsed.values, {row: SCORE_NOT_READ for row in problems}, None
        return parsed.values, problems, _column_origin(block, column, parsed.values, keys, found)

    # A long table's columns are parsed two at a time: Arrow's kernels let go of the GIL while they run.
    read = _columns.map(read_column, wanted) if len(block.data) >= PARALLEL_ROWS else map(read_column, wanted)
    parsed = dict(zip((c.col_index for c in wanted), read, strict=True))
    columns: dict[str, object] = {}
    for name, feeding in sources.items():
        combined: pd.Series | None = None
        for column in feeding:
            if column.col_index not in parsed:
                continue
            values, problems, origin = parsed[column.col_index]
            if combined is None:
                found.add(origin)
            else:  # only the rows this column fills speak for it
                open_rows = combined.isna()
                problems = {row: p for row, p in problems.items() if bool(open_rows.get(row, False))}
                taken = np.flatnonzero((open_rows & values.notna()).to_numpy())
                found.parts.append(_relocated(block, column, taken, keys))
                values = combined.where(combined.notna(), values)
            combined = values
            cells = block.data[column.col_index]
            _place(problems, block, column.col_index, column.header, ctx, issues, cells)
        if combined is not None:
            columns[name] = combined.to_numpy() if combined.dtype == object else combined.array
    size = len(block.data)
    frame = pd.DataFrame({name: columns.get(name, np.full(size, None, dtype=object)) for name in specs})
    return _with_location(frame, block, ctx, keys)


def _record_keys(block: TableBlock) -> tuple[np.ndarray, np.ndarray | None]:
    """Return the (Excel row, own column) of each record of a table read one record per data row: a
    transposed table's records are its columns; a form's record is named by its first value's row."""
    rows = block.data.index
    own = rows.to_numpy(dtype=np.int64)
    if block.cells:
        located = np.array([block.locate(int(row), 0)[0] for row in rows], dtype=np.int64)
        return located, own if block.shape == "transposed" else None
    return own, None


def _cells_of_column(block: TableBlock, col: int) -> tuple[np.ndarray, np.ndarray]:
    """Return the Excel row and column of each data cell of a table's column."""
    if block.cells:
        located = [block.locate(int(row), col) for row in block.data.index]
        return np.array([r for r, _ in located], dtype=np.int64), np.array(
            [c for _, c in located], dtype=np.int64
        )
    return block.data.index.to_numpy(dtype=np.int64), np.full(len(block.data), col, dtype=np.int64)


def _column_origin(
    block: TableBlock, column, values: pd.Series, keys: tuple, found: _Origins
) -> tuple[origins.ColumnOrigin, pd.DataFrame] | None:
    """Return where a column's values come from (its column, row or both) and the cells it cannot tell."""
    if column.field == "project_name":
        return None  # how the project is named, not stored
    cells = block.data[column.col_index]
    sheet_rows, sheet_cols = _cells_of_column(block, column.col_index)
    first = int(block.data.index[0]) if len(block.data) else 0
    if block.shape == "transposed":
        where = {"row": block.locate(first, column.col_index)[0]}
    elif block.form:
        row, col = block.locate(first, column.col_index)
        where = {"row": row, "col": col}
    else:
        where = {"col": column.col_index}
    origin, cells_found = origins.column_origin(
        cells,
        values,
        field_name=column.field,
        header=column.header,
        rec_rows=keys[0],
        rec_cols=keys[1],
        sheet_rows=sheet_rows,
        sheet_cols=sheet_cols,
        scale=column.scale,
        keep_all=column.field in found.foreign,
        **where,
    )
    merged = [row for row, col, _ in block.merged if col == column.col_index]
    if merged:  # the value shown by a range merged down: its first cell is the one typed
        positions = block.data.index.get_indexer(merged)
        positions = positions[(positions >= 0) & values.notna().to_numpy()[positions]]
        tops = dict(((row, col), top) for row, col, top in block.merged)
        sheet_rows = sheet_rows.copy()
        sheet_rows[positions] = [tops[(int(block.data.index[p]), column.col_index)] for p in positions]
        moved = origins.relocated(
            cells, positions, field_name=column.field, rec_rows=keys[0], rec_cols=keys[1],
            sheet_rows=sheet_rows, sheet_cols=sheet_cols, rule="merged",
        )  # fmt: skip
        kept = ~cells_found["row"].isin(moved["row"].tolist())
        cells_found = origins.concat_exceptions([cells_found.loc[kept], moved])
    return origin, cells_found


def _relocated(block: TableBlock, column, positions: np.ndarray, keys: tuple) -> pd.DataFrame:
    """Return the cells of a second column that gave a field its value where the first was empty."""
    sheet_rows, sheet_cols = _cells_of_column(block, column.col_index)
    return origins.relocated(
        block.data[column.col_index], positions, field_name=column.field, rec_rows=keys[0],
        rec_cols=keys[1], sheet_rows=sheet_rows, sheet_cols=sheet_cols,
    )  # fmt: skip


@dataclass
class _Origins:
    """What a table's reading learns of where its records' values come from, gathered as it reads."""

    foreign: dict[str, str] = field(default_factory=dict)  # field -> the other currency its amounts are in
    columns: dict[str, origins.ColumnOrigin] = field(default_factory=dict)
    parts: list[pd.DataFrame] = field(default_factory=list)

    def add(self, pair: tuple[origins.ColumnOrigin, pd.DataFrame] | None) -> None:
        if pair is not None:
            self.columns[pair[0].field] = pair[0]
            self.parts.append(pair[1])

    def own_cells(self, fields: tuple[str, ...]) -> None:
        """Make these fields read in each record's own cell (the month or year of a wide table): what the
        table's row-by-row reading said of them does not hold."""
        for name in fields:
            self.columns[name] = origins.ColumnOrigin(name, "")
        self.parts = [part.loc[~part["field"].isin(fields)] for part in self.parts]

    def month_cells(
        self,
        block: TableBlock,
        col: int,
        piece: pd.DataFrame,
        ids: pd.DataFrame,
        annual_col: int | None = None,
        scale: float = 1.0,
    ) -> None:
        """Keep the text of each amount of a month (or year) column that does not read as stored, and where
        an annual plan spread over the months comes from."""
        raw = block.data[col].reset_index(drop=True)
        rows = ids["_row"].to_numpy(dtype=np.int64)
        cols = np.full(len(rows), col, dtype=np.int64)
        for name in [c for c in (*WIDE_MEASURES, "cost", "benefit") if c in piece.columns]:
            if name == "planned" and annual_col is not None:
                spread = np.flatnonzero(piece[name].notna().to_numpy())
                self.parts.append(
                    origins.relocated(
                        block.data[annual_col].reset_index(drop=True), spread, field_name=name, rec_rows=rows,
                        rec_cols=cols, sheet_rows=rows, sheet_cols=np.full(len(rows), annual_col),
                        rule=f"spread:{len(block.month_columns) or 1}",
                    )
                )  # fmt: skip
                continue
            values = piece[name].reset_index(drop=True)
            if not values.notna().any():
                continue
            if (
                scale != 1.0
            ):  # the unit of the month columns ("Prévu (k€)"), for saying how bare numbers were read
                self.columns[name] = replace(self.columns[name], scale=scale)
            _, cells = origins.column_origin(
                raw, values, field_name=name, header="", rec_rows=rows, rec_cols=cols, sheet_rows=rows,
                sheet_cols=cols, col=None, keep_all=name in self.foreign, spellings=False,
            )  # fmt: skip
            self.parts.append(cells)

    def unit_origins(
        self,
        raw: pd.Series,
        keys: tuple[np.ndarray, np.ndarray | None],
        in_cell: np.ndarray,
        unsaid: np.ndarray,
        stated: str | None,
        sheet_rows: np.ndarray,
        sheet_cols: np.ndarray,
    ) -> None:
        """Say where an effort's unit comes from when its Unit column does not give it: the cell of its figure
        ("10 j"), or no cell at all, the unit the table states (its header, title, sheet or the user's choice)
        or FTE assumed. `in_cell` and `unsaid` mark the data positions of each."""
        rows, cols = keys
        if cols is None:  # a long table: the Unit column's own say on these rows no longer holds
            taken = set(rows[in_cell].tolist())
            self.parts = [p.loc[~((p["field"] == "unit") & p["row"].isin(taken))] for p in self.parts]
        self.parts.append(
            origins.relocated(
                raw.reset_index(drop=True), np.flatnonzero(in_cell), field_name="unit", rec_rows=rows,
                rec_cols=cols, sheet_rows=sheet_rows, sheet_cols=sheet_cols,
            )
        )  # fmt: skip
        positions = np.flatnonzero(unsaid)
        if not len(positions):
            return
        rule = "unit_stated" if stated else "unit_assumed"
        said = self.columns.get("unit")
        if said is None:  # no Unit column: the table's one rule speaks for every line, at no cost per line
            self.columns["unit"] = origins.ColumnOrigin("unit", "", rule=rule)
        elif said.rule != rule:  # a line the Unit column leaves empty (or a month stated otherwise)
            self.parts.append(
                origins.no_cell(rows[positions], None if cols is None else cols[positions], "unit", rule)
            )

    def add_up(self, frame: pd.DataFrame, keys: list[str], amounts: tuple[str, ...]) -> pd.DataFrame:
        """Add up the lines of one key (see `add_up_lines`), keeping every cell that adds to an amount."""
        cells = origins.concat_exceptions(self.parts)
        sums = origins.summed(frame, keys, amounts, cells, self.columns)
        if len(sums):
            self.parts = [origins.without(cells, sums), sums]
        return add_up_lines(frame, keys, amounts)

    def table(self, block: TableBlock, ctx: ReadContext, frame: pd.DataFrame) -> origins.TableOrigins:
        reading = (
            ("dayfirst", ctx.dayfirst),
            ("decimal", ctx.decimal),
            ("fiscal_start", ctx.fiscal_start),
            ("three_level", ctx.three_level),
            ("five_level", tuple(sorted(ctx.five_level_fields))),
            ("title", block.title),
            ("headers", tuple(block.headers) if not block.cells else ()),
        )
        cells = origins.attached(origins.concat_exceptions(self.parts), frame)
        columns = {
            name: replace(column, currency=self.foreign[name]) if name in self.foreign else column
            for name, column in self.columns.items()
        }
        return origins.TableOrigins(columns, cells, reading)


PARALLEL_ROWS = 20_000
_columns = ThreadPoolExecutor(max_workers=2, thread_name_prefix="column-parser")


PREVIEW_ROWS = 8  # the first rows as written, shown on the mapping screen to choose each column's field


def unstored_columns(block: TableBlock, mapping: TableMapping) -> tuple[Unstored, ...]:
    """Return the columns with values that no field takes (a form's unknown labels among them): the import
    says what it leaves out, with a value of each. A written score, recomputed anyway, is not among them."""
    periods = {*dict(mapping.month_columns), *dict(mapping.year_columns)}
    found = []
    for column in mapping.columns:
        if column.field is not None or column.col_index in periods or column.col_index not in block.data:
            continue
        cells = block.data[column.col_index].dropna()
        if len(cells):
            found.append(Unstored(column.header, column.col_index, str(cells.iloc[0])[:60], len(cells)))
    return tuple(found)


def _apply_titles(
    frame: pd.DataFrame, mapping: TableMapping, block: TableBlock, ctx: ReadContext, issues: list[Issue]
) -> tuple[pd.DataFrame, tuple[tuple[str, int], ...]]:
    """Give the rows naming a title the project the user chose for it, or leave them out, as chosen."""
    chosen = {normalize_name(title): code for title, code in mapping.titles}
    names = frame["project_name"].where(frame["project_name"].notna(), frame["project_code"])
    keys = names.map(normalize_name, na_action="ignore")
    left_out = []
    for title, code in mapping.titles:
        rows = keys == normalize_name(title)
        if not rows.any():
            continue
        if code is None:
            left_out.append((title, int(rows.sum())))
            first = int(frame.loc[rows, "_row"].iloc[0])
            issues.append(
                Issue(
                    WARNING, "title_left_out", ctx.file, block.sheet, first, value=title,
                    params={"rows": int(rows.sum())},
                )
            )  # fmt: skip
        else:
            frame.loc[rows, "project_code"] = code
            frame.loc[rows, "project_name"] = None
    dropped = keys.isin([key for key, code in chosen.items() if code is None])
    return frame.loc[~dropped].reset_index(drop=True), tuple(left_out)


def _check_codes_look_like_numbers(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> None:
    """Small integers or single letters taken for project codes by guess most often number the rows of
    another list (a member list beside a task table): projects would be made up. Said as an error until the
    user confirms the column on the mapping screen."""
    column = mapping.field_column("code")
    codes = frame["code"].dropna().astype(str)
    if column is None or column.source != "auto" or codes.empty:
        return
    if codes.str.fullmatch(r"\d{1,3}|[A-Za-z]").all():
        issues.append(
            Issue(
                ERROR,
                "codes_look_like_row_numbers",
                ctx.file,
                block.sheet,
                block.header_row,
                column.header,
                column.col_index,
                ", ".join(codes.head(4)),
                params={"rows": len(codes)},
            )
        )


def _currencies(
    block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> list[Currency]:
    """Say the currency of each amount field that states one other than the store's: the user's choice for
    its column, else its header's, else the first cell that writes one. A column writing two currencies
    cannot be converted at one rate: that is an error at its first cell of the second currency."""
    money = {f.name for f in fields_of(mapping.entity) if f.type == "money"}
    headers = dict(block.headers)
    found = []
    columns = [(c.field, c.col_index, c.header, c.currency) for c in mapping.columns if c.field in money]
    periods = [*dict(mapping.month_columns), *dict(mapping.year_columns)]
    if mapping.entity not in ("costs", "business_case"):
        periods = []  # a team's months hold people, not money
    if periods:  # a wide table's months or years hold its amounts: one currency for them all
        field = {"costs": mapping.wide_measure or "actual", "business_case": "cost"}[mapping.entity]
        stated = currency_of(block.title) or currency_of(" ".join(block.groups.get(c, "") for c in periods))
        columns += [(field, col, headers.get(col, ""), stated) for col in periods]
    for name, col, header, chosen in columns:
        if col not in block.data:
            continue
        currency = _column_currency(block, col, header, chosen, ctx, issues)
        if currency is not None and currency.code != ctx.currency:
            found.append(replace(currency, field=name))
    unique = {}
    for currency in found:  # a wide table's months say it once
        unique.setdefault((currency.field, currency.code), currency)
    if periods:
        for measure in {"costs": WIDE_MEASURES, "business_case": ("cost", "benefit")}[mapping.entity]:
            first = next((c for c in unique.values() if c.col in periods), None)
            if first is not None:
                unique.setdefault((measure, first.code), replace(first, field=measure))
    return list(unique.values())


def _column_currency(
    block: TableBlock, col: int, header: str, chosen: str | None, ctx: ReadContext, issues: list[Issue]
) -> Currency | None:
    if chosen:
        return Currency("", chosen, header, col, block.header_row, None)
    codes = {}
    for row, value in _written_currency(block.data[col]).items():
        code = currency_of(value)
        if code == "$" and ctx.dollar:
            code = ctx.dollar
        codes.setdefault(code, (row, value))
    stated = currency_of(header)
    stated = ctx.dollar if stated == "$" and ctx.dollar else stated
    if stated is not None:
        codes.pop(stated, None)
        others = sorted(codes)
        if others:  # "$1,200" under a "Budget (€)" header
            row, value = codes[others[0]]
            _mixed(block, col, header, row, value, [stated, *others], ctx, issues)
        return Currency("", stated, header, col, block.header_row, None)
    if not codes:
        return None
    if len(codes) > 1:
        second = sorted(codes.items(), key=lambda item: item[1][0])[1]
        _mixed(block, col, header, second[1][0], second[1][1], sorted(codes), ctx, issues)
    code, (row, value) = min(codes.items(), key=lambda item: item[1][0])
    return Currency("", code, header, col, block.locate(int(row), col)[0], value)


def _written_currency(cells: pd.Series) -> pd.Series:
    """Return the cells that write a currency, found in one pass of Arrow's regex engine over the column."""
    try:
        text = pa.array(cells.array) if hasattr(cells.array, "__arrow_array__") else None
    except (pa.ArrowException, TypeError):
        text = None
    if text is None:
        text = pa.array(cells.astype(object).where(cells.notna(), None).tolist(), type=pa.string())
    text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
    found = pc.match_substring_regex(text.cast(pa.string()), ANY_CURRENCY, ignore_case=True)
    mask = pc.fill_null(found, False).to_numpy(zero_copy_only=False)
    return cells[mask].astype(str)


def _mixed(block, col, header, row, value, codes, ctx: ReadContext, issues: list[Issue]) -> None:
    issues.append(
        Issue(
            ERROR,
            "currency_mixed",
            ctx.file,
            block.sheet,
            block.locate(int(row), col)[0],
            header,
            col,
            value,
            params={"found": ", ".join(codes)},
        )
    )


def _with_location(
    frame: pd.DataFrame, block: TableBlock, ctx: ReadContext, keys: tuple | None = None
) -> pd.DataFrame:
    """Add where each record comes from (file, sheet, Excel row, own column), for messages and origins."""
    rows, cols = keys if keys is not None else _record_keys(block)
    frame["_file"] = ctx.file
    frame["_sheet"] = block.sheet
    frame["_row"] = rows
    frame["_col"] = pd.array(cols if cols is not None else np.full(len(rows), None), dtype="Int16")
    return frame


def _place(
    problems: dict,
    block: TableBlock,
    col: int,
    header: str,
    ctx: ReadContext,
    issues: list[Issue],
    raw: pd.Series,
) -> None:
    """Turn a parser's problems into issues located at their cells, top to bottom."""
    for row, problem in sorted(problems.items(), key=lambda item: item[0]):
        excel_row, excel_col = block.locate(int(row), col)
        issues.append(_issue(problem, ctx, block.sheet, excel_row, header, excel_col, raw.get(row)))


def _issue(problem: Problem, ctx: ReadContext, sheet: str, row: int, header: str, col: int, value) -> Issue:
    severity = problem.severity
    code = problem.code
    if ctx.lenient and severity == ERROR and code not in ("scale_out_of_range",):
        severity = WARNING
    return Issue(
        severity,
        code,
        ctx.file,
        sheet,
        row,
        header,
        col,
        None if value is None or pd.isna(value) else str(value),
        dict(problem.params),
    )


def _read_wide_costs(
    block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue], found: _Origins
) -> pd.DataFrame:
    """Unpivot one column per month into monthly lines; an annual planned column is spread evenly.

    What a month holds comes from, in turn: a row's own measure column ("Plan" / "Actual" rows), the
    group label over the month ("Prévu" and "Réalisé" side by side), the measure chosen for the table.
    """
    ids = _read_long(block, mapping, ctx, issues, found)
    found.own_cells(WIDE_MEASURES)
    default = mapping.wide_measure or guess_wide_measure(block)
    row_measures = _row_kinds(
        block, mapping, dict(mapping.month_columns), (None, "cost_type"), _measure_of, 0.8
    )[1]
    months = [(col, date.fromisoformat(iso)) for col, iso in mapping.month_columns]
    headers = dict(block.headers)
    annual = ids["planned"] if "planned" in _mapped(mapping) and row_measures is None else None
    pieces = []
    for col, month in months:
        measure = _measure_of(block.groups.get(col)) or default
        parsed = values.parse_numbers(
            block.data[col], scale=_column_scale(block, mapping, col), decimal=ctx.decimal
        )
        amounts = parsed.values.reset_index(drop=True)
        kinds = row_measures if row_measures is not None else pd.Series(measure, index=amounts.index)
        negative = ((amounts < 0) & kinds.isin(NEVER_NEGATIVE["costs"])).to_numpy()
        problems = {label: NEGATIVE for label in block.data.index[negative]} | parsed.problems
        _place(problems, block, col, headers.get(col, month.isoformat()), ctx, issues, block.data[col])
        piece = ids[["project_code", "project_name", "cost_type", *LOCATION_COLUMNS]].copy()
        piece["_col"] = pd.array(np.full(len(piece), col), dtype="Int16")
        piece["month"] = pd.Timestamp(month)
        piece["planned"] = annual / len(months) if annual is not None and measure != "planned" else np.nan
        piece["actual"] = np.nan
        piece["forecast"] = np.nan
        if row_measures is None:
            piece[measure] = amounts
        else:
            for kind in WIDE_MEASURES:
                piece[kind] = amounts.where(row_measures == kind)
        found.month_cells(
            block, col, piece, ids, annual_col=_annual_column(mapping, annual, measure),
            scale=_column_scale(block, mapping, col),
        )  # fmt: skip
        keep = piece[list(WIDE_MEASURES)].notna().any(axis=1)
        pieces.append(piece.loc[keep])
    if not pieces:
        return ids.iloc[0:0]
    frame = pd.concat(pieces, ignore_index=True)
    if row_measures is not None or block.groups:
        # One line per project, month and cost type: the measures of one month sit on several rows.
        frame = found.add_up(frame, ["project_code", "project_name", "cost_type", "month"], WIDE_MEASURES)
    frame = frame.sort_values(["_row", "month"], kind="stable").reset_index(drop=True)
    specs = [f.name for f in fields_of("costs")]
    return frame[specs + LOCATION_COLUMNS]


def _effort_units(
    frame: pd.DataFrame,
    block: TableBlock,
    mapping: TableMapping,
    ctx: ReadContext,
    issues: list[Issue],
    found: _Origins,
) -> pd.DataFrame:
    """Give every capacity or demand row the unit it is written in: the cell's own ("0,5 ETP"), its Unit
    column, the user's choice for the table, its header ("Charge (j/h)"), its title or sheet; else FTE,
    said once for the table. Where a unit does not come from the Unit column, its origin says so."""
    column = mapping.field_column(EFFORT_FIELDS[mapping.entity])
    cells = values.split_effort(block.data[column.col_index])[1] if column is not None else None
    own = pd.Series(cells.to_numpy() if cells is not None else None, index=frame.index, dtype=object)
    stated = _stated_unit(block, mapping, column.header if column is not None else "")
    in_cell = own.notna().to_numpy()
    unsaid = (frame["unit"].isna() & own.isna()).to_numpy()
    if column is not None:
        keys = _record_keys(block)
        sheet_rows, sheet_cols = _cells_of_column(block, column.col_index)
        found.unit_origins(
            block.data[column.col_index], keys, in_cell, unsaid, stated, sheet_rows, sheet_cols
        )
    frame["unit"] = own.where(own.notna(), frame["unit"])
    return _default_unit(frame, stated, block, mapping, ctx, issues)


def _stated_unit(block: TableBlock, mapping: TableMapping, *headers: str | None) -> str | None:
    """Return the unit a table states for its efforts: the user's choice, else the first of `headers`, its
    title or its sheet's name that names one."""
    if mapping.effort_unit:
        return mapping.effort_unit
    for text in (*headers, block.title, block.sheet):
        unit = values.header_effort_unit(text)
        if unit:
            return unit
    return None


def _default_unit(
    frame: pd.DataFrame,
    stated: str | None,
    block: TableBlock,
    mapping: TableMapping,
    ctx: ReadContext,
    issues: list[Issue],
) -> pd.DataFrame:
    """Fill the rows that say no unit with the table's, else FTE, and say so once for the table."""
    unsaid = frame["unit"].isna()
    if unsaid.any():
        if stated is None:
            field = EFFORT_FIELDS[mapping.entity]
            issues.append(
                Issue(
                    WARNING,
                    "effort_unit_assumed",
                    ctx.file,
                    block.sheet,
                    block.header_row,
                    params={"field": field, "entity": mapping.entity},
                )
            )
        frame.loc[unsaid, "unit"] = stated or "fte"
    return frame


def _read_wide_effort(
    block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue], found: _Origins
) -> pd.DataFrame:
    """Unpivot one column per month into monthly capacity or demand lines, each with its unit: the cell's,
    the row's Unit column, the table's (chosen, or its group header, title or sheet), else FTE. Each line
    keeps its month's column as its own, so its origin is that cell."""
    ids = _read_long(block, mapping, ctx, issues, found)
    amount = EFFORT_FIELDS[mapping.entity]
    found.own_cells((amount,))
    headers = dict(block.headers)
    keep_columns = [c for c in ids.columns if c not in ("month", amount)]
    pieces = []
    for col, iso in mapping.month_columns:
        cell_units = values.split_effort(block.data[col])[1]
        parsed = values.parse_effort(block.data[col], decimal=ctx.decimal)
        _place(parsed.problems, block, col, headers.get(col, iso[:7]), ctx, issues, block.data[col])
        piece = ids[keep_columns].copy()
        piece["month"] = pd.Timestamp(iso)
        piece[amount] = parsed.values.reset_index(drop=True)
        stated = _stated_unit(block, mapping, block.groups.get(col), headers.get(col))
        units = cell_units.reset_index(drop=True)
        rows = ids["_row"].to_numpy(dtype=np.int64)
        own_col = np.full(len(rows), col, dtype=np.int64)
        found.unit_origins(
            block.data[col],
            (rows, own_col),
            units.notna().to_numpy(),
            (units.isna() & ids["unit"].isna()).to_numpy(),
            stated,
            rows,
            own_col,
        )
        piece["unit"] = units.where(units.notna(), piece["unit"])
        piece["_stated"] = stated
        piece["_col"] = pd.array(np.full(len(piece), col), dtype="Int16")
        pieces.append(piece.loc[piece[amount].notna()])
    if not pieces:
        return ids.iloc[0:0]
    frame = pd.concat(pieces, ignore_index=True)
    frame = frame.sort_values(["_row", "month"], kind="stable").reset_index(drop=True)
    stated = frame.pop("_stated")
    named = stated.notna()
    frame.loc[named & frame["unit"].isna(), "unit"] = stated[named]
    frame = _default_unit(frame, None, block, mapping, ctx, issues)
    return frame[[f.name for f in fields_of(mapping.entity)] + LOCATION_COLUMNS]


# What a line of a wide business case holds. Totals, net flows and their discounted or cumulated forms
# are worked out from the costs and benefits, so those lines are left out.
_CASE_LINES = {
    "derived": (
        "total totaux net nette cumul cumule cumules cumulative cumulated van npv tri irr actualise actualises "
        "actualisee actualisees discounted solde balance payback"
    ),
    "cost": (
        "cout couts cost costs investissement investissements investment investments depense depenses "
        "expense expenses spend capex opex charge charges decaissement decaissements outflow outflows "
        "fonctionnement maintenance licence licences"
    ),
    "benefit": (
        "benefice benefices benefit benefits gain gains economie economies saving savings recette recettes "
        "revenu revenus revenue revenues encaissement encaissements inflow inflows income"
    ),
}
_CASE_WORDS = {kind: frozenset(words.split()) for kind, words in _CASE_LINES.items()}


def case_line(text: object) -> str | None:
    """Say what a business case's line holds: "cost", "benefit", "derived" (a total, a net or discounted
    flow) or None when its label says none of these."""
    if text is None or pd.isna(text):
        return None
    words = set(normalize_header(str(text))[0].split())
    return next((kind for kind, known in _CASE_WORDS.items() if words & known), None)


def _read_wide_business_case(
    block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue], found: _Origins
) -> pd.DataFrame:
    """Unpivot one column per year into yearly costs and benefits.

    What a year's amount is comes from, in turn: the group over the year ("Coûts" over 2026, 2027), the
    label of its row ("Investissement", "Gains attendus"), the table's title or sheet name. A cost written
    negative, as a cash-flow table writes it, is a cost all the same.
    """
    ids = _read_long(block, mapping, ctx, issues, found)
    found.own_cells(("cost", "benefit"))
    label_col, lines = _row_kinds(block, mapping, dict(mapping.year_columns), (None,), case_line, 0.6)
    default = case_line(f"{block.sheet} {block.title or ''}")
    headers = dict(block.headers)
    pieces = []
    for col, year in mapping.year_columns:
        parsed = values.parse_numbers(
            block.data[col], scale=_column_scale(block, mapping, col), decimal=ctx.decimal
        )
        amounts = parsed.values.reset_index(drop=True)
        _place(parsed.problems, block, col, headers.get(col, str(year)), ctx, issues, block.data[col])
        group = case_line(block.groups.get(col))
        kinds = lines if group not in ("cost", "benefit") else pd.Series(group, index=amounts.index)
        if kinds is None:
            kinds = pd.Series(default, index=amounts.index)
        piece = ids[["project_code", "project_name", *LOCATION_COLUMNS]].copy()
        piece["_col"] = pd.array(np.full(len(piece), col), dtype="Int16")
        piece["year"] = year
        piece["cost"] = amounts.where(kinds == "cost").abs()
        piece["benefit"] = amounts.where(kinds == "benefit")
        piece["_unread"] = amounts.notna() & ~kinds.isin(["cost", "benefit", "derived"])
        found.month_cells(block, col, piece, ids, scale=_column_scale(block, mapping, col))
        pieces.append(piece)
    frame = pd.concat(pieces, ignore_index=True)
    _report_unknown_lines(frame, block, label_col, ctx, issues)
    frame = frame.loc[frame[["cost", "benefit"]].notna().any(axis=1)].drop(columns="_unread")
    # One row per project and year: its investment and running cost lines add up.
    frame = found.add_up(frame, ["project_code", "project_name", "year"], ("cost", "benefit"))
    frame["year"] = frame["year"].astype("Int64")
    frame = frame.sort_values(["_row", "year"], kind="stable").reset_index(drop=True)
    return frame[[f.name for f in fields_of("business_case")] + LOCATION_COLUMNS]


def _row_kinds(
    block: TableBlock,
    mapping: TableMapping,
    periods: dict,
    fields: tuple[str | None, ...],
    classify: Callable[[object], str | None],
    share: float,
) -> tuple[int | None, pd.Series | None]:
    """Find the column saying, row by row, what the amounts under the months or years are ("Plan" /
    "Actual", "Investissement" / "Gains"): the first, among the columns mapped to `fields`, in which
    `classify` names at least `share` of the cells. Return it and the kind of each row."""
    for column in mapping.columns:
        if column.col_index in periods or column.field not in fields:
            continue
        cells = block.data[column.col_index].dropna()
        if not cells.empty and cells.map(classify).notna().mean() >= share:
            return column.col_index, block.data[column.col_index].map(classify).reset_index(drop=True)
    return None, None


def _report_unknown_lines(
    frame: pd.DataFrame, block: TableBlock, label_col: int | None, ctx: ReadContext, issues: list[Issue]
) -> None:
    """A row with amounts that says neither cost nor benefit is left out, once per row, and said so."""
    headers = dict(block.headers)
    rows = sorted(set(frame.loc[frame["_unread"], "_row"].astype(int)))
    for row in rows:
        label = block.data.at[row, label_col] if label_col is not None else None
        issues.append(
            Issue(
                WARNING,
                "case_line_unknown",
                ctx.file,
                block.sheet,
                row,
                headers.get(label_col) if label_col is not None else None,
                label_col,
                None if label is None or pd.isna(label) else str(label),
            )
        )


def add_up_lines(
    frame: pd.DataFrame, keys: list[str], amounts: tuple[str, ...] = WIDE_MEASURES
) -> pd.DataFrame:
    """One line per key: `amounts` added up (a month with no amount stays empty, not 0), the other
    columns, where the line came from included, taken from its first line."""
    firsts = [c for c in frame.columns if c not in keys and c not in amounts]
    sums = {kind: lambda v: v.sum(min_count=1) for kind in amounts}
    return (
        frame.groupby(keys, dropna=False, sort=False)
        .agg({**sums, **dict.fromkeys(firsts, "first")})
        .reset_index()
    )


def _measure_of(text: str | None) -> str | None:
    """Return the measure a label names ("Réalisé (k€)" -> actual), if any."""
    if not text:
        return None
    words = f" {normalize_header(text)[0]} "
    for measure in ("forecast", "actual", "planned"):
        if any(f" {hint.strip()} " in words for hint in _WIDE_HINTS[measure]):
            return measure
    return None


def _annual_column(mapping: TableMapping, annual: pd.Series | None, measure: str) -> int | None:
    """Return the column of the annual plan spread over the months, where the months hold another measure."""
    column = mapping.field_column("planned")
    return column.col_index if column is not None and annual is not None and measure != "planned" else None


def _column_scale(block: TableBlock, mapping: TableMapping, col: int) -> float:
    """Return a month or year column's unit: its group's ("Prévu (k€)"), the table's amounts', or its title's."""
    group = header_unit_scale(block.groups.get(col, ""))
    if group != 1.0:
        return group
    scales = {c.scale for c in mapping.columns if c.field in ("planned", "actual", "forecast")}
    if len(scales) == 1:
        return scales.pop()
    return header_unit_scale(block.title or "")


def guess_wide_measure(block: TableBlock) -> str:
    """Say which amount a wide table's month columns hold, from the words around them."""
    words = " ".join([block.sheet, block.title or ""] + [h for _, h in block.headers])
    return _measure_of(words) or "actual"


def _check_required_values(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> pd.DataFrame:
    """A row missing a required value (a project code, a risk title...) cannot be stored: it is an error,
    or, read leniently, the row is left out with a warning. Return the rows that can be stored."""
    errors_at = {(i.row, i.column) for i in issues if i.is_error}  # already reported as blocking
    checks = [([f.name], f.name) for f in fields_of(mapping.entity) if f.required and f.name in frame.columns]
    refs = [f.name for f in fields_of(mapping.entity) if f.reference]
    if refs:
        checks.append((refs, "project"))
    dropped: set[int] = set()
    for names, label in checks:
        if mapping.month_columns and label in WIDE_EXCLUDED.get(mapping.entity, ()):
            continue  # made by unpivoting the month columns: never empty
        column = next((c for c in map(mapping.field_column, names) if c is not None), None)
        header = column.header if column else label
        code = "project_reference_missing" if label == "project" else "required_value_missing"
        for position in frame.index[frame[names].isna().all(axis=1)]:
            row = int(frame.at[position, "_row"])
            if position in dropped or (row, header) in errors_at:
                continue
            if ctx.lenient:
                dropped.add(position)
            issues.append(
                Issue(
                    WARNING if ctx.lenient else ERROR,
                    "row_skipped" if ctx.lenient else code,
                    ctx.file,
                    block.sheet,
                    row,
                    header,
                    column.col_index if column else None,
                    params={"field": label, "entity": mapping.entity},
                )
            )
    return frame.drop(index=sorted(dropped)).reset_index(drop=True) if dropped else frame


def _check_effort_bounds(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> pd.DataFrame:
    """A capacity or demand above the largest plausible team (1e12 FTE, a billion person-days) is a cell typed
    wrong: an error at its cell, as a negative one is, so it never reaches the Capacity page; read leniently,
    the line is left out with a warning. Return the lines that can be stored."""
    amount = EFFORT_FIELDS[mapping.entity]
    wrong = values.implausible_efforts(frame[amount], frame["unit"], ctx.working_days, ctx.max_team_fte)
    if not wrong.any():
        return frame
    column = mapping.field_column(amount)
    headers = dict(block.headers)
    fte = values.effort_fte(frame[amount], frame["unit"], ctx.working_days)
    for position in frame.index[wrong]:
        own = frame.at[position, "_col"]
        col = int(own) if not pd.isna(own) else column.col_index if column is not None else None
        issues.append(
            _refusal(
                ctx,
                "effort_implausible",
                block.sheet,
                int(frame.at[position, "_row"]),
                headers.get(col, column.header if column is not None else amount),
                col,
                f"{float(frame.at[position, amount]):.15g}",
                {"fte": Figure(fte[position]), "most": Figure(ctx.max_team_fte)},
            )
        )
    if not ctx.lenient:
        return frame
    return frame.loc[~wrong].reset_index(drop=True)


def _refusal(
    ctx: ReadContext, code: str, sheet: str, row: int, header: str, col: int | None, value: str, params: dict
) -> Issue:
    """Return an error at a cell or, read leniently, the warning that its value (or its line) was dropped:
    the code `<code>_dropped`, so a third-party register still imports."""
    severity, said = (WARNING, f"{code}_dropped") if ctx.lenient else (ERROR, code)
    return Issue(severity, said, ctx.file, sheet, row, header, col, value, params=params)


def _check_risk_score(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> None:
    """The score is probability x impact, always recomputed; a written score that disagrees is reported."""
    column = mapping.field_column("score")
    if column is None:
        return
    computed = frame["probability"].astype("Float64") * frame["impact"].astype("Float64")
    written = pd.to_numeric(frame["score"], errors="coerce")
    differs = written.notna() & computed.notna() & ((written - computed).abs() > 1e-9)
    for position in frame.index[differs.fillna(False)]:
        issues.append(
            Issue(
                WARNING,
                "score_recomputed",
                ctx.file,
                block.sheet,
                int(frame.at[position, "_row"]),
                column.header,
                column.col_index,
                f"{written[position]:g}",
                params={"score": int(computed[position])},
            )
        )


# Amounts that are never below zero. An actual cost line may be a credit note, NPV and the yearly
# flows of a business case are signed by nature.
NEVER_NEGATIVE = {
    "projects": ("budget", "actual_cost", "estimate_to_complete", "forecast_at_completion"),
    "risks": ("cost_impact", "mitigation_cost"),
    "costs": ("planned", "forecast"),
}
NEGATIVE = Problem("negative_amount", WARNING)
DERIVED_FIELDS = ("score",)  # recomputed from others: a formula without a result, or a word, is no loss
SCORE_NOT_READ = Problem("score_not_read", WARNING)


def _check_negative_amounts(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> None:
    """A negative budget or forecast is most often a sign typed by mistake: kept as written, and reported."""
    for name in NEVER_NEGATIVE.get(mapping.entity, ()):
        column = mapping.field_column(name)
        if column is None or name not in frame.columns:
            continue
        amounts = pd.to_numeric(frame[name], errors="coerce")
        for position in frame.index[(amounts < 0).fillna(False)]:
            issues.append(
                Issue(
                    WARNING,
                    "negative_amount",
                    ctx.file,
                    block.sheet,
                    int(frame.at[position, "_row"]),
                    column.header,
                    column.col_index,
                    f"{amounts[position]:.15g}",
                )
            )


def _check_dates_order(
    frame: pd.DataFrame, block: TableBlock, mapping: TableMapping, ctx: ReadContext, issues: list[Issue]
) -> None:
    """An end date before the start date is an error: one of the two is wrong. Read leniently, the end
    date is dropped instead, with a warning, so a third-party register still imports."""
    start = pd.to_datetime(frame["start_date"], errors="coerce")
    for end_field in ("baseline_end", "forecast_end"):
        column = mapping.field_column(end_field)
        if column is None:
            continue
        end = pd.to_datetime(frame[end_field], errors="coerce")
        wrong = (end < start).fillna(False)
        for position in frame.index[wrong]:
            issues.append(
                _refusal(
                    ctx,
                    "end_before_start",
                    block.sheet,
                    int(frame.at[position, "_row"]),
                    column.header,
                    column.col_index,
                    end[position].date().isoformat(),
                    {"start": start[position].date().isoformat()},
                )
            )
        if ctx.lenient:
            frame.loc[wrong, end_field] = pd.NaT
