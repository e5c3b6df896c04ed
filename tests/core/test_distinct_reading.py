"""Columns read one distinct cell at a time (months, free text) and dates written once per distinct value give
exactly what reading every row gives: the same values, the same problems on the same rows."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core import origins, values

MONTH_CELLS = [
    "2026-01-01 00:00:00", "2026-02", "janv.-26", "01/2026", "03/04/2026", "13/04/2026", "04/13/2026",
    " 2026-05 ", "n/a", "-", "", "T2 2025", "2025-Q2", "garbage", "46023", "1/3/2026", "févr. 2026",
    "June 2026", "01/03/2026", "01/07/2026",
]  # fmt: skip
TEXT_CELLS = [
    "P-001",
    " P-001",
    "P-001 ",
    "P\u00a0001",
    "'=SUM(A1)",
    "'+33 6",
    "a\x07b",
    "",
    "x  y",
    "  ",
    "n/a",
]


def column(cells: list[str | None], start: int, arrow: bool) -> pd.Series:
    dtype = "string[pyarrow]" if arrow else "str"
    return pd.Series(pd.array(cells, dtype=dtype), index=pd.RangeIndex(start, start + len(cells)))


def assert_same(once: values.Parsed, each: values.Parsed) -> None:
    assert once.values.dtype == each.values.dtype
    assert once.values.index.equals(each.values.index)
    assert once.values.isna().tolist() == each.values.isna().tolist()
    assert once.values.dropna().tolist() == each.values.dropna().tolist()
    assert once.problems == each.problems


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(MONTH_CELLS)), min_size=1, max_size=40),
    st.integers(1, 50),
    st.booleans(),
)
def test_months_read_once_per_distinct_cell_as_row_by_row(cells, start, arrow):
    series = column(cells, start, arrow)
    assert_same(values.parse_months(series), values._parse_months(series))


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.none(), st.sampled_from(TEXT_CELLS), st.text(max_size=6)), min_size=1, max_size=40),
    st.booleans(),
)
def test_text_tidied_once_per_distinct_cell_as_row_by_row(cells, arrow):
    series = column(cells, 2, arrow)
    assert_same(values.clean_text(series), values._clean_text(series))


def test_cells_of_other_types_are_not_merged_by_equality():
    # 1, 1.0 and True are equal in Python: read one per distinct value, they would all be written "1".
    series = pd.Series([1, 1.0, True, None], dtype=object)
    assert values.clean_text(series).values.tolist() == ["1", "1.0", "True", None]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.one_of(st.none(), st.integers(0, 4000)), max_size=30), st.booleans())
def test_dates_written_once_per_distinct_date_as_one_by_one(days, with_time):
    stamps = [
        None
        if d is None
        else np.datetime64("2020-01-01") + np.timedelta64(d, "D") + np.timedelta64(3600 * with_time, "s")
        for d in days
    ]
    array = pa.array(np.array(stamps, dtype="datetime64[us]"))
    one_by_one = pc.binary_join_element_wise(
        pc.cast(pc.cast(array, pa.date32()), pa.string()), pa.scalar(" 00:00:00"), ""
    )
    assert origins.canonical_text(array).to_pylist() == one_by_one.to_pylist()
