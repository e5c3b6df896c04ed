"""Figures as the pages write them: a ratio is never shown on the other side of a threshold than its colour."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pmo_core import evm, formatting


def shown(value: float) -> float:
    return float(formatting.ratio(value, "en"))


HUNDREDTHS = st.integers(min_value=50, max_value=120).map(lambda hundredths: hundredths / 100)


@given(st.floats(min_value=0, max_value=3, allow_nan=False), HUNDREDTHS, HUNDREDTHS)
def test_a_ratio_is_shown_with_the_status_its_colour_says(value, green, red):
    green, red = max(green, red), min(green, red)
    assert evm.index_status(shown(value), green, red) == evm.index_status(value, green, red)


def test_a_ratio_a_hair_below_its_threshold_is_shown_and_coloured_alike():
    value = 0.95 - 1e-12
    assert formatting.ratio(value, "en") == "0.95" and evm.index_status(value, 0.95, 0.9) == "green"


def test_ratios_are_cut_to_two_decimals_in_each_language():
    assert formatting.ratio(0.897, "en") == "0.89"
    assert formatting.ratio(0.95, "fr") == "0,95"  # stored as 0.9499999...: still 0.95
    assert formatting.ratio(1.0, "en") == "1.00"
    assert formatting.ratio(None, "fr") == formatting.ratio(float("inf"), "fr") == "n.d."
