"""Figures as the pages write them: rounded as PMOs round, and never on the other side of a threshold than
their colour."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pmo_core import evm, formatting

GREEN, RED = 0.95, 0.90


def shown(value: float, thresholds=(GREEN, RED)) -> float:
    return float(formatting.ratio(value, "en", thresholds))


HUNDREDTHS = st.integers(min_value=50, max_value=120).map(lambda hundredths: hundredths / 100)


@given(st.floats(min_value=0, max_value=3, allow_nan=False), HUNDREDTHS, HUNDREDTHS)
def test_a_ratio_is_shown_with_the_status_its_colour_says(value, green, red):
    green, red = max(green, red), min(green, red)
    assert evm.index_status(shown(value, (green, red)), green, red) == evm.index_status(value, green, red)


@given(st.integers(min_value=0, max_value=30_000))
def test_a_ratio_away_from_its_thresholds_is_rounded_to_two_decimals(ten_thousandths):
    value = ten_thousandths / 10_000
    expected = Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert formatting.ratio(value, "en") == str(expected)


def test_ratios_are_rounded_not_cut_and_gain_a_decimal_rather_than_cross_a_threshold():
    assert formatting.ratio(0.7455, "en") == "0.75"  # rounded: cut, it would read 0.74
    assert formatting.ratio(0.896, "en", (GREEN, RED)) == "0.896"  # 0.90 would read as amber beside red
    assert formatting.ratio(0.896, "en") == "0.90"  # with no colour to agree with, two decimals
    assert formatting.ratio(0.9451, "en", (GREEN, RED)) == "0.945"  # 0.95 would read as green
    assert formatting.ratio(0.95, "fr", (GREEN, RED)) == "0,95"  # stored as 0.9499999...: still 0.95, green
    assert formatting.ratio(0.95 - 1e-12, "en", (GREEN, RED)) == "0.95"
    assert evm.index_status(0.95 - 1e-12, GREEN, RED) == "green"
    assert formatting.ratio(1.0, "en") == "1.00"
    assert formatting.ratio(None, "fr") == formatting.ratio(float("inf"), "fr") == "n.d."


@pytest.mark.parametrize(
    ("value", "en", "fr"),
    [
        (1_450_000, "€1.5M", "1,5\u00a0M€"),  # a half is rounded away from zero, not to the even 1.4
        (-1_450_000, "-€1.5M", "-1,5\u00a0M€"),
        (1_449_999, "€1.4M", "1,4\u00a0M€"),
        (2_500, "€2.5k", "2,5\u00a0k€"),
        (250, "€250", "250\u00a0€"),
        (999_960, "€1.0M", "1,0\u00a0M€"),  # not "1,000k"
        (99_950_000, "€100M", "100\u00a0M€"),
        (52_925_000, "€52.9M", "52,9\u00a0M€"),
    ],
)
def test_headline_money_rounds_halves_away_from_zero(value, en, fr):
    assert formatting.money(value, "en", short=True) == en
    assert formatting.money(value, "fr", short=True) == fr


def test_numbers_round_halves_away_from_zero_in_each_language():
    assert formatting.number(2.5, "en") == "3" and formatting.number(-2.5, "en") == "-3"
    assert formatting.number(0.125, "en", 2) == "0.13"
    assert formatting.number(1_234_567.5, "fr") == "1\u202f234\u202f568"
    assert formatting.number(-0.4, "en") == "0"  # never "-0"
    assert formatting.number(3, "en", sign=True) == "+3" and formatting.number(0, "en", sign=True) == "0"
    assert formatting.percent(0.125, "fr") == "13\u00a0%"
    assert formatting.money(2_500.5, "en") == "€2,501"


@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=3))
def test_a_number_written_to_some_decimals_is_the_half_up_rounding_of_its_decimal_text(units, decimals):
    value = units / 1000
    expected = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    written = formatting.number(value, "en", decimals).replace(",", "")
    assert Decimal(written) == expected


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["en", "fr"]), st.integers(0, 2))
def test_any_finite_figure_is_written_even_one_no_budget_can_be(value, lang, decimals):
    """A hostile tracker's 1e300 reaches the pages and the import's messages: it is written in full, never an
    error (Decimal's default 28 digits could not hold it)."""
    text = formatting.number(value, lang, decimals)
    digits = text.replace(",", "").replace(".", "").replace("\u202f", "").lstrip("-")
    assert digits.isdigit()
    assert formatting.money(value, lang, short=True)
