"""The values of a second pass on trackers: quarters and fiscal years as dates, 1-5 CIO ratings as statuses,
lifecycle words as a state apart from RAG, and the scale and status words of Italian, Spanish and German
registers. Properties are checked with hypothesis over every spelling and every year."""

from __future__ import annotations

import calendar
from datetime import date

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmo_core.values import (
    RATING_STATUS,
    parse_dates,
    parse_integers,
    parse_scale,
    parse_status,
    parse_terms,
    period_of,
)
from pmo_core.vocabulary import LIFECYCLE

years = st.integers(min_value=1995, max_value=2095)
quarter_numbers = st.integers(min_value=1, max_value=4)
months = st.integers(min_value=1, max_value=12)
QUARTER_SPELLINGS = ("{y}-Q{q}", "{y} Q{q}", "Q{q} {y}", "Q{q}/{y}", "T{q} {y}", "q{q}-{y}", "{q}Q{yy}")


def last_day(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


@given(years, quarter_numbers, st.sampled_from(QUARTER_SPELLINGS))
def test_a_calendar_quarter_spans_its_three_months(year, quarter, spelling):
    text = spelling.format(y=year, q=quarter, yy=f"{year % 100:02d}")
    if "{yy}" in spelling and not 2000 <= year <= 2068:
        return  # a two-digit year reads as 2000-2068 or 1969-1999, as Excel reads it
    first, last = period_of(text)
    assert first == date(year, 3 * quarter - 2, 1)
    assert last == last_day(year, 3 * quarter)


@given(years, quarter_numbers, months)
def test_a_fiscal_quarter_counts_from_the_month_the_fiscal_year_begins(year, quarter, start):
    first, last = period_of(f"Q{quarter} FY{year}", fiscal_start=start)
    # FY<year> is the fiscal year that ends in <year>: it begins in <start> of the year before (or January).
    begins = date(year, 1, 1) if start == 1 else date(year - 1, start, 1)
    offset = begins.month - 1 + 3 * (quarter - 1)
    assert first == date(begins.year + offset // 12, offset % 12 + 1, 1)
    end_month = (first.month + 1) % 12 + 1
    end_year = first.year + (first.month + 2 > 12)
    assert last == last_day(end_year, end_month)
    assert (last - first).days in range(88, 93)


@given(years, months)
def test_a_fiscal_year_however_written_spans_twelve_months_ending_in_its_year(year, start):
    spellings = [
        f"FY{year}",
        f"FY{year % 100:02d}",
        f"FY {year - 1}-{year % 100:02d}",
        f"{year - 1}/{year % 100:02d}",
    ]
    if not 2000 <= year <= 2068:
        spellings = spellings[:1] + spellings[2:]
    for text in spellings:
        first, last = period_of(text, fiscal_start=start)
        assert (last.year * 12 + last.month) - (first.year * 12 + first.month) == 11, text
        assert last.year == year, text
        assert first.month == start and last == last_day(last.year, last.month), text


@given(years, quarter_numbers)
def test_a_start_takes_the_first_day_and_an_end_the_last_and_the_column_says_so_once(year, quarter):
    cells = pd.Series([f"{year}-Q{quarter}", f"T{quarter} {year}", "2026-05-04"], index=[2, 3, 4])
    starts = parse_dates(cells)
    ends = parse_dates(cells, month_end=True)
    assert starts.values[2] == pd.Timestamp(year, 3 * quarter - 2, 1)
    assert ends.values[2] == pd.Timestamp(last_day(year, 3 * quarter))
    assert starts.values[4] == ends.values[4] == pd.Timestamp("2026-05-04")  # a real date stays itself
    assert [(row, p.code, p.params["n"]) for row, p in starts.problems.items()] == [
        (2, "period_read_as_date", 2)
    ]


@pytest.mark.parametrize("text", ["2024-05", "Q5 2025", "Q0 2025", "FY", "2024/26", "T2", "quarter"])
def test_what_is_not_a_quarter_or_a_fiscal_year_is_not_read_as_one(text):
    assert period_of(text) is None


@given(st.lists(st.integers(min_value=1, max_value=5), min_size=1, max_size=20))
def test_a_cio_rating_reads_with_one_as_the_worst(ratings):
    parsed = parse_status(pd.Series([str(r) for r in ratings]))
    assert parsed.values.tolist() == [RATING_STATUS[r] for r in ratings]
    assert [p.code for p in parsed.problems.values()] == ["status_from_rating"]  # said once for the column
    order = {"red": 0, "amber": 1, "green": 2}
    assert all(order[RATING_STATUS[a]] <= order[RATING_STATUS[b]] for a in range(1, 6) for b in range(a, 6))


@pytest.mark.parametrize("term", LIFECYCLE, ids=lambda term: term.code)
def test_every_lifecycle_word_reads_as_its_state(term):
    words = [term.code, term.en, term.fr, *term.synonyms]
    assert parse_terms(pd.Series(words), "lifecycle").values.tolist() == [term.code] * len(words)


def test_lifecycle_words_with_a_detail_read_as_their_state_and_unknown_ones_are_kept():
    cells = pd.Series(["completed (behind schedule)", "En réalisation", "unknown (past due)", "Pipeline"])
    assert parse_terms(cells, "lifecycle").values.tolist() == [
        "completed",
        "in_progress",
        "unknown (past due)",  # kept as written, never dropped
        "not_started",
    ]


@pytest.mark.parametrize(
    ("words", "levels"),
    [
        (["Alto", "Medio", "Basso"], [5, 3, 1]),  # Italian, three levels: 1, 3, 5
        (["Alta", "Media", "Baja"], [5, 3, 1]),  # Spanish
        (["Hoch", "Mittel", "Niedrig"], [5, 3, 1]),  # German
        (["Molto alta", "Alta", "Media", "Bassa", "Molto bassa"], [5, 4, 3, 2, 1]),
        (["Muy alta", "Alta", "Media", "Baja", "Muy baja"], [5, 4, 3, 2, 1]),
        (["Sehr hoch", "Hoch", "Mittel", "Niedrig", "Sehr niedrig"], [5, 4, 3, 2, 1]),
    ],
)
def test_the_scale_words_of_italian_spanish_and_german_registers(words, levels):
    assert parse_scale(pd.Series(words)).values.tolist() == levels


@pytest.mark.parametrize(
    ("words", "codes"),
    [
        (["Verde", "Giallo", "Rosso"], ["green", "amber", "red"]),
        (["Verde", "Amarillo", "Rojo"], ["green", "amber", "red"]),
        (["Grün", "Gelb", "Rot"], ["green", "amber", "red"]),
    ],
)
def test_the_status_colours_of_other_languages(words, codes):
    assert parse_status(pd.Series(words)).values.tolist() == codes


@given(st.integers(min_value=1995, max_value=2095))
def test_a_fiscal_year_in_a_year_column_is_the_year_it_ends_in(year):
    cells = pd.Series([f"{year - 1}/{year % 100:02d}", f"FY{year - 1}-{year % 100:02d}", f"FY{year}"])
    assert parse_integers(cells).values.tolist() == [year] * 3
