"""Where each value read from a table comes from, kept cheaply enough to keep for every stored value.

Every record the importer reads keeps its table, its Excel row and, where it has one, its own column (a
month of a wide budget, a record of a transposed table). A field's cell is then the field's column on the
record's row: nothing more is kept per cell when the cell reads as the store writes the value (a template,
an export). What the column alone does not tell is kept as an exception, cell by cell: a value typed another
way (`1 450 k€`, `15/03/2026`), a value merged down from the row above, taken from a second column, added up
from several cells, or set by the import without a cell (the snapshot date of a project with no date of
update). A column of a few words typed one way each (`Green`, `CAPEX`) keeps one spelling per value instead.

This module is pure: the importer fills these structures in the sandbox, the store keeps them
(`provenance`), and the trace reads them back with the same `expected_text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# An exception: the field of the record (row, col) was read from (sheet_row, sheet_col), typed `raw`; or from
# no cell at all (sheet_row and sheet_col empty), as `rule` says.
EXCEPTION_COLUMNS = ["row", "col", "field", "sheet_row", "sheet_col", "raw", "rule"]
# The columns of a stored row that say where it was read, and the frame columns they are filled from.
RECORD_COLUMNS = {"origin": "_src", "origin_row": "_row", "origin_col": "_col"}
TYPED_LIMIT = 64  # a column of this many distinct values or fewer keeps one spelling per value
SPELLINGS_SHARE = 0.5  # ... when that spelling covers at least this share of the cells that need one


@dataclass(frozen=True)
class ColumnOrigin:
    """Where one field of a table's records is read: its column, or its row (a transposed table), or both (a
    form); None takes the record's own row or column."""

    field: str
    header: str
    col: int | None = None
    row: int | None = None
    scale: float = 1.0  # the column's unit (k€ -> 1000), for explaining how a bare number was read
    currency: str | None = None  # a currency other than the store's, converted at the batch's rate
    typed: tuple[tuple[str, str], ...] = ()  # (the value as the store writes it, as the file types it)
    rule: str | None = None  # how values are made when not read as typed: "section" (the row above)
    sections: tuple[tuple[int, int, str], ...] = ()  # rule "section": (Excel row, column, label) of each


@dataclass
class TableOrigins:
    """The origins of one table's records: each field's column, the exceptions, and how the file was read."""

    columns: dict[str, ColumnOrigin] = field(default_factory=dict)
    cells: pd.DataFrame = field(default_factory=lambda: empty_exceptions())
    reading: tuple[tuple[str, object], ...] = ()  # day first, decimal separator, fiscal year...


def empty_exceptions() -> pd.DataFrame:
    """Return no exceptions, with their columns' types: most columns of a table have none, and a copy of a
    frame built once costs a thirtieth of building one (a millisecond a column, 40 ms an import)."""
    return _no_exceptions().copy()


@cache
def _no_exceptions() -> pd.DataFrame:
    # Built on first use, not at import: a frame's Arrow column names would take Arrow's default memory
    # pool in the sandbox's fork server, whose reserved gigabyte every child would inherit under its limit.
    return pd.DataFrame({name: pd.Series(dtype=_DTYPES[name]) for name in EXCEPTION_COLUMNS})


_DTYPES = {
    "row": "Int32",
    "col": "Int16",
    "field": "object",
    "sheet_row": "Int32",
    "sheet_col": "Int16",
    "raw": "object",
    "rule": "object",
}


def exceptions(**columns) -> pd.DataFrame:
    """Return exception rows from equal-length columns (a scalar repeats); missing columns are empty."""
    size = max((len(v) for v in columns.values() if np.ndim(v)), default=1)
    data = {}
    for name in EXCEPTION_COLUMNS:
        value = columns.get(name)
        if value is None:
            value = [None] * size
        elif not np.ndim(value):
            value = [value] * size
        data[name] = pd.array(
            list(value) if not isinstance(value, np.ndarray) else value, dtype=_DTYPES[name]
        )
    return pd.DataFrame(data)


def concat_exceptions(parts: list[pd.DataFrame]) -> pd.DataFrame:
    parts = [p for p in parts if len(p)]
    if not parts:
        return empty_exceptions()
    return pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].reset_index(drop=True)


def text_array(values: pd.Series | np.ndarray | list | pa.Array) -> pa.Array:
    """Return cells or values as Arrow, without a copy to Python objects where the reader gave Arrow strings."""
    if isinstance(values, pa.Array):
        return values
    if isinstance(values, pd.Series) and hasattr(values.array, "__arrow_array__"):
        array = pa.array(values.array)
    else:
        array = pa.array(values, from_pandas=True)
    return array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array


def canonical_text(values: pd.Series | np.ndarray | list | pa.Array) -> pa.Array:
    """Write values as a plain cell holding them reads: 1450000, 0.45, 2026-03-15 00:00:00, green.

    The reader gives a number cell as its shortest decimal and a date cell as a date and midnight; a value
    whose cell read exactly so needs no text of its own to be traced back to what was typed.
    """
    array = text_array(values)
    kind = array.type
    if pa.types.is_timestamp(kind) or pa.types.is_date(kind):
        # Dates repeat (the month of 100,000 cost lines): each distinct one is written once.
        encoded = pc.dictionary_encode(array)
        days = encoded.dictionary
        if pa.types.is_timestamp(kind):
            days = pc.cast(pc.cast(days, pa.timestamp("us")), pa.date32())
        text = pc.binary_join_element_wise(pc.cast(days, pa.string()), pa.scalar(" 00:00:00"), "")
        return text.take(encoded.indices)
    if pa.types.is_floating(kind):
        # -0.0 reads as 0; integers written without a decimal point, as the reader writes them
        array = pc.if_else(pc.equal(array, 0.0), pa.scalar(0.0, kind), array)
    if pa.types.is_null(kind):
        array = array.cast(pa.string())
    return pc.cast(array, pa.string())


def expected_text(values: pd.Series | np.ndarray | list, typed: tuple[tuple[str, str], ...] = ()) -> pa.Array:
    """Return what each value's cell was typed as, where its column keeps no exception for it."""
    return _spelled(canonical_text(values), typed)


def _spelled(canonical: pa.Array, typed: tuple[tuple[str, str], ...]) -> pa.Array:
    """Return the canonical texts with each value its column types one way spelled that way."""
    if not typed:
        return canonical
    keys = pa.array([key for key, _ in typed], type=pa.string())
    spelled = pa.array([text for _, text in typed], type=pa.string())
    found = pc.index_in(canonical, value_set=keys)
    return pc.if_else(pc.is_valid(found), pc.take(spelled, found), canonical)


def column_origin(
    raw: pd.Series,
    values: pd.Series,
    *,
    field_name: str,
    header: str,
    rec_rows: np.ndarray,
    rec_cols: np.ndarray | None,
    sheet_rows: np.ndarray,
    sheet_cols: np.ndarray,
    col: int | None = None,
    row: int | None = None,
    scale: float = 1.0,
    keep_all: bool = False,
    spellings: bool = True,
) -> tuple[ColumnOrigin, pd.DataFrame]:
    """Return where a field's values come from, and the exceptions: each cell holding a stored value whose
    text is not what its column's rule writes.

    `raw` and `values` are aligned (one per data row); `rec_*` say which record each row is, `sheet_*` which
    cell. `keep_all` keeps the text of every cell (amounts converted at a rate: the value is no longer read
    back from the text). `spellings` False keeps no spelling per value (a month of a wide table, whose
    spellings could not be told from another month's).
    """
    value_text = text_array(values)
    present = pc.is_valid(value_text).to_numpy(zero_copy_only=False)
    text = text_array(raw)
    if not pa.types.is_string(text.type):
        text = pc.cast(text, pa.string())
    typed: tuple[tuple[str, str], ...] = ()
    if keep_all:
        differs = present & pc.is_valid(text).to_numpy(zero_copy_only=False)
    else:
        canonical = canonical_text(value_text)
        differs = present & ~pc.fill_null(pc.equal(text, canonical), False).to_numpy(zero_copy_only=False)
        if differs.any() and spellings:
            typed = _spellings(canonical, text, present, differs)
            if typed:
                expected = _spelled(canonical, typed)
                differs = present & ~pc.fill_null(pc.equal(text, expected), False).to_numpy(
                    zero_copy_only=False
                )
    origin = ColumnOrigin(field_name, header, col=col, row=row, scale=scale, typed=typed)
    positions = np.flatnonzero(differs)
    if not len(positions):
        return origin, empty_exceptions()
    return origin, exceptions(
        row=rec_rows[positions],
        col=None if rec_cols is None else rec_cols[positions],
        field=field_name,
        sheet_row=sheet_rows[positions],
        sheet_col=sheet_cols[positions],
        raw=text.take(pa.array(positions)).to_pylist(),
    )


def _spellings(
    canonical: pa.Array, text: pa.Array, present: np.ndarray, differs: np.ndarray
) -> tuple[tuple[str, str], ...]:
    """Return one spelling per value for a column of a few values typed one way each (`Green`, `CAPEX`,
    `45 %`): the most common text of each value, where that spares most of the exceptions."""
    positions = pa.array(np.flatnonzero(present))
    keys = pc.dictionary_encode(canonical.take(positions))
    if len(keys.dictionary) > TYPED_LIMIT:
        return ()
    texts = pc.dictionary_encode(text.take(positions))
    # Each (value, text) pair as one integer, counted by numpy: a few values, thousands of cells.
    width = len(texts.dictionary) + 1  # the last code: an empty cell
    text_codes = pc.fill_null(texts.indices, width - 1).to_numpy(zero_copy_only=False)
    pairs, counts = np.unique(
        keys.indices.to_numpy(zero_copy_only=False) * width + text_codes, return_counts=True
    )
    values, spellings = keys.dictionary.to_pylist(), [*texts.dictionary.to_pylist(), None]
    best: dict[str, tuple[int, str | None]] = {}
    for pair, count in zip(pairs.tolist(), counts.tolist(), strict=True):
        value, spelling = values[pair // width], spellings[pair % width]
        if value not in best or _more_common(count, spelling, *best[value]):
            best[value] = (count, spelling)
    chosen = [
        (value, spelling, count) for value, (count, spelling) in sorted(best.items()) if value != spelling
    ]
    if not chosen or sum(count for _, _, count in chosen) < SPELLINGS_SHARE * int(differs.sum()):
        return ()
    return tuple((value, spelling) for value, spelling, _ in chosen)


def _more_common(count: int, spelling: str | None, best_count: int, best: str | None) -> bool:
    """Tell whether a spelling beats the best so far: more cells, then the first in order, an empty cell last."""
    return (-count, spelling is None, spelling or "") < (-best_count, best is None, best or "")


def relocated(
    raw: pd.Series,
    rows: np.ndarray,
    *,
    field_name: str,
    rec_rows: np.ndarray,
    rec_cols: np.ndarray | None,
    sheet_rows: np.ndarray,
    sheet_cols: np.ndarray,
    rule: str | None = None,
) -> pd.DataFrame:
    """Return exceptions naming the cell of each listed data position explicitly, with its text (a value taken
    from a second column, merged down from the row above, spread from an annual amount)."""
    if not len(rows):
        return empty_exceptions()
    return exceptions(
        row=rec_rows[rows],
        col=None if rec_cols is None else rec_cols[rows],
        field=field_name,
        sheet_row=sheet_rows[rows],
        sheet_col=sheet_cols[rows],
        raw=text_array(raw).take(pa.array(rows)).to_pylist(),
        rule=rule,
    )


def no_cell(rows: np.ndarray, cols: np.ndarray | None, field_name: str, rule: str) -> pd.DataFrame:
    """Return exceptions saying these records' field was set by the import, not read from a cell."""
    return exceptions(row=rows, col=cols, field=field_name, rule=rule)


def summed(
    pieces: pd.DataFrame,
    keys: list[str],
    amounts: tuple[str, ...],
    cells: pd.DataFrame,
    columns: dict[str, ColumnOrigin],
) -> pd.DataFrame:
    """Return the exceptions of lines added up from several pieces (`add_up_lines` keeps the first piece's
    row and column): every cell that adds to a stored amount, under the line that keeps it.

    A line whose amount comes from its first piece alone keeps that piece's own origin; one whose amount
    comes from another piece, or from several, names each cell explicitly with what it was typed.
    """
    if pieces.empty:
        return empty_exceptions()
    pieces = pieces.reset_index(drop=True)
    group = pieces.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()
    order = np.arange(len(pieces))
    first = pd.Series(order).groupby(group).transform("first").to_numpy()
    if (first == order).all():
        return empty_exceptions()  # every line is its own piece
    kept_row, kept_col = pieces["_row"].to_numpy()[first], pieces["_col"].to_numpy(dtype=object)[first]
    found = []
    for name in amounts:
        if name not in pieces.columns:
            continue
        filled = pieces[name].notna().to_numpy()
        contributors = pd.Series(filled).groupby(group).transform("sum").to_numpy()
        needed = filled & ((contributors > 1) | (first != order))
        if not needed.any():
            continue
        cell_rows, cell_cols, texts = cells_of(pieces.loc[needed], name, cells, columns)
        found.append(
            exceptions(
                row=kept_row[needed],
                col=kept_col[needed],
                field=name,
                sheet_row=cell_rows,
                sheet_col=cell_cols,
                raw=texts,
                rule=np.where(contributors[needed] > 1, "sum", None),
            )
        )
    return concat_exceptions(found)


def cells_of(
    records: pd.DataFrame, name: str, cells: pd.DataFrame, columns: dict[str, ColumnOrigin]
) -> tuple[list, list, list]:
    """Return the cell (row, column) and the text typed of one field of each record, as the trace would read
    them: its exception where it has one, else its column on its row."""
    index = {}
    mine = cells.loc[(cells["field"] == name) & cells["sheet_col"].notna()]
    for row, col, sheet_row, sheet_col, raw in zip(
        mine["row"], mine["col"], mine["sheet_row"], mine["sheet_col"], mine["raw"], strict=True
    ):
        index[(int(row), None if pd.isna(col) else int(col))] = (int(sheet_row), int(sheet_col), raw)
    column = columns.get(name)
    expected = expected_text(records[name], column.typed if column else ()).to_pylist()
    rows, cols, texts = [], [], []
    for rec_row, rec_col, text in zip(records["_row"], records["_col"], expected, strict=True):
        own_col = None if pd.isna(rec_col) else int(rec_col)
        hit = index.get((int(rec_row), own_col)) or index.get((int(rec_row), None))
        if hit is None and column is not None:
            hit = (
                int(rec_row) if column.row is None else column.row,
                own_col if column.col is None else column.col,
                text,
            )
        hit = hit or (None, None, None)
        rows.append(hit[0])
        cols.append(hit[1])
        texts.append(hit[2])
    return rows, cols, texts


def without(cells: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """Return the exceptions of `cells` for no (record, field) that `others` speaks for."""
    key = ["row", "col", "field"]
    if cells.empty or others.empty:
        return cells
    hit = cells[key].merge(others[key].drop_duplicates(), on=key, how="left", indicator=True)["_merge"]
    return cells.loc[(hit != "both").to_numpy()].reset_index(drop=True)


def attached(cells: pd.DataFrame, records: pd.DataFrame) -> pd.DataFrame:
    """Return the exceptions that speak for a record still there (rows left out or added up leave theirs)."""
    if cells.empty:
        return cells
    rows = cells["row"].isin(records["_row"].tolist())
    own = cells["col"].notna()
    if own.any():
        pairs = pd.MultiIndex.from_arrays([records["_row"].astype("int64"), records["_col"].astype("Int64")])
        mine = pd.MultiIndex.from_arrays([cells["row"].astype("int64"), cells["col"].astype("Int64")])
        rows = rows & (~own | pd.Series(mine.isin(pairs), index=cells.index))
    return cells.loc[rows].reset_index(drop=True)


@dataclass(frozen=True, eq=False)
class Source:
    """One table of an import: its records name it by number (`_src`), their origins live under it."""

    src: int
    file: str
    sha256: str
    sheet: str
    entity: str
    header_row: int
    shape: str
    origins: TableOrigins


@dataclass
class ImportOrigins:
    """The origins of every record an import would store: its tables, and their exceptions (with `src`)."""

    sources: list[Source] = field(default_factory=list)
    # Exceptions with the table of their record (`src`) and, where a summed cell is in another table, its own.
    cells: pd.DataFrame = field(
        default_factory=lambda: empty_exceptions().assign(
            src=pd.Series(dtype="Int16"), from_src=pd.Series(dtype="Int16")
        )
    )

    def add(self, parts: list[pd.DataFrame]) -> None:
        if any(len(part) for part in parts):
            self.cells = concat_exceptions([self.cells, *parts])

    def no_cell(self, records: pd.DataFrame, name: str, rule: str) -> None:
        """Say these records' field was set by the import, where their table has a column for it (the column's
        empty cell would otherwise be taken for the value's)."""
        mapped = [s.src for s in self.sources if name in s.origins.columns]
        records = records.loc[records["_src"].isin(mapped)]
        if len(records):
            found = no_cell(records["_row"].to_numpy(), records["_col"].to_numpy(dtype=object), name, rule)
            self.add([found.assign(src=pd.array(records["_src"].to_numpy(), dtype="Int16"))])

    def retyped(self, records: pd.DataFrame, name: str, typed: list[str]) -> None:
        """Keep what was typed for values the import changed after reading them (a code respelled)."""
        parts = []
        for src, chosen in records.assign(_typed=typed).groupby("_src"):
            rows, cols, _ = cells_of(
                chosen, name, self._cells_of(int(src)), self.sources[int(src)].origins.columns
            )
            parts.append(
                exceptions(
                    row=chosen["_row"].to_numpy(), col=chosen["_col"].to_numpy(dtype=object), field=name,
                    sheet_row=rows, sheet_col=cols, raw=chosen["_typed"].tolist(),
                ).assign(src=int(src))
            )  # fmt: skip
        found = concat_exceptions(parts)
        self.cells = concat_exceptions([without_src(self.cells, found), found])

    def summed(self, records: pd.DataFrame, keys: list[str], amounts: tuple[str, ...]) -> None:
        """Keep every cell of lines the plan adds up (the same project, month and cost type given twice)."""
        records = records.reset_index(drop=True)
        group = records.groupby(keys, dropna=False, sort=False).ngroup().to_numpy()
        order = np.arange(len(records))
        first = pd.Series(order).groupby(group).transform("first").to_numpy()
        if (first == order).all():
            return
        parts = []
        for name in amounts:
            filled = records[name].notna().to_numpy()
            contributors = pd.Series(filled).groupby(group).transform("sum").to_numpy()
            for position in np.flatnonzero(filled & ((contributors > 1) | (first != order))):
                part = records.iloc[[position]]
                src = int(part["_src"].iloc[0])
                rows, cols, texts = cells_of(
                    part, name, self._cells_of(src), self.sources[src].origins.columns
                )
                kept = records.iloc[first[position]]
                parts.append(
                    exceptions(
                        row=[kept["_row"]], col=[kept["_col"]], field=name, sheet_row=rows, sheet_col=cols,
                        raw=texts, rule="sum" if contributors[position] > 1 else None,
                    ).assign(src=int(kept["_src"]), from_src=src)
                )  # fmt: skip
        found = concat_exceptions(parts)
        if len(found):
            self.cells = concat_exceptions([without_src(self.cells, found), found])

    def _cells_of(self, src: int) -> pd.DataFrame:
        return self.cells.loc[self.cells["src"] == src]


def without_src(cells: pd.DataFrame, others: pd.DataFrame) -> pd.DataFrame:
    """`without`, for the exceptions of several tables (keyed by `src` too)."""
    key = ["src", "row", "col", "field"]
    if cells.empty or others.empty:
        return cells
    hit = cells[key].merge(others[key].drop_duplicates(), on=key, how="left", indicator=True)["_merge"]
    return cells.loc[(hit != "both").to_numpy()].reset_index(drop=True)
