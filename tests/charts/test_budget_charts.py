"""The budget charts, built from small frames of the shapes pmo_core.budget returns: titles state the
finding in both languages, the money series keep their colours, every bar and point is drawn."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import budget
from pmo_core.charts import budget as charts
from pmo_core.palette import ACTUAL, EARNED, FORECAST, PLANNED, STATUS_COLOURS
from tests.charts.spec import colour, data, fields, layers, mark, rows, spec, subtitle, title

STATUS_DATE = date(2026, 10, 31)
THRESHOLDS = (0.95, 0.9)


def s_curve() -> budget.SCurve:
    months = pd.to_datetime(["2026-08-31", "2026-09-30", "2026-10-31", "2026-11-30"])
    points = pd.DataFrame(
        {
            "month_end": [*months[:3], *months[:3], *months[2:], *months[:3]],
            "series": ["pv"] * 3 + ["ac"] * 3 + ["forecast"] * 2 + ["ev"] * 3,
            "value": [100e3, 200e3, 300e3, 90e3, 210e3, 330e3, 330e3, 1.32e6, 80e3, 180e3, 270e3],
        }
    )
    # lands at 1.32 M€ against a 1.2 M€ budget: 10 % over
    return budget.SCurve(points, STATUS_DATE, bac=1.2e6, landing=1.32e6, spread=False)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("en", "Forecast to land at €1.3M, 10.0% over the €1.2M budget"),
        ("fr", "Atterrissage prévu à 1,3\u00a0M€, 10,0\u00a0% au-dessus du budget de 1,2\u00a0M€"),
    ],
)
def test_the_s_curve_states_the_landing_against_the_budget(lang, words):
    drawn = spec(charts.s_curve_chart(s_curve(), lang, "EUR"))
    assert title(drawn) == words
    assert ("31/10/2026" if lang == "fr" else "31 Oct 2026") in subtitle(drawn)
    lines = [view for view in layers(drawn) if mark(view) == "line"]
    assert len(lines) == 3  # PV and AC, the dashed forecast, EV with its points
    scale = colour(lines[0])["scale"]
    assert scale["range"] == [PLANNED, EARNED, ACTUAL, FORECAST]
    assert len(scale["domain"]) == 4 and scale["domain"][1] == (
        "Valeur acquise (VA)" if lang == "fr" else "Earned value (EV)"
    )
    assert rows(drawn, lines[0]) == 11
    assert {mark(view) for view in layers(drawn)} == {"line", "rule", "text"}  # status date and budget marked


def test_the_s_curve_without_a_budget_draws_no_budget_rule():
    curve = s_curve()
    drawn = spec(
        charts.s_curve_chart(
            budget.SCurve(curve.points, STATUS_DATE, float("nan"), float("nan"), False), "en", "EUR"
        )
    )
    assert title(drawn) == charts.s_curve_title(
        budget.SCurve(curve.points, STATUS_DATE, float("nan"), 1.0, False), "en", "EUR"
    )
    assert sum(mark(view) == "rule" for view in layers(drawn)) == 1  # the status date alone


def test_monthly_spend_splits_capex_and_opex_and_fades_the_forecast():
    window = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-09-01", "2026-09-01", "2026-10-01", "2026-11-01"]),
            "cost_type": ["CAPEX", "OPEX", "CAPEX", ""],
            "past": [True, True, True, False],
            "spend": [50e3, 20e3, 60e3, 40e3],
            "planned": [45e3, 20e3, 50e3, 40e3],
        }
    )
    finding = budget.MonthlyFinding(months=2, planned=115e3, actual=130e3)
    drawn = spec(charts.monthly_chart(window, finding, STATUS_DATE, "fr", "EUR"))
    assert (
        title(drawn)
        == "2 derniers mois\u00a0: 130\u00a0k€ dépensés, 13\u00a0% au-dessus des 115\u00a0k€ prévus"
    )
    bars = next(view for view in layers(drawn) if mark(view) == "bar")
    assert rows(drawn, bars) == 4
    assert colour(bars)["scale"] == {
        "domain": ["CAPEX", "OPEX", "Non précisée"],
        "range": ["#1F4E79", "#6FA8DC", "#BDBDBD"],
    }
    assert colour(bars)["title"] == "Nature"
    assert bars["encoding"]["opacity"]["condition"]["test"] == "datum.past"
    planned = next(view for view in layers(drawn) if mark(view) == "line")
    assert rows(drawn, planned) == 3  # one planned point per month
    # the status date's words are written because a forecast month follows it
    assert sum(mark(view) == "text" for view in layers(drawn)) == 2


def ranked() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": ["P1", "P2", "P3"],
            "name": ["A project whose name is far too long to be read on an axis", "Beta", None],
            "cv": [-300e3, -120e3, -10e3],
            "overrun": [250e3, 100e3, 0.0],
            "cpi": [0.7, 0.93, None],
            "spi": [0.8, 1.0, 1.1],
        }
    )


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_variance_ranking_colours_each_bar_by_its_cpi_band(lang):
    drawn = spec(charts.ranking_chart(ranked(), "cv", 7, lang, "EUR", THRESHOLDS))
    assert title(drawn).startswith("7 ")
    bars = next(view for view in layers(drawn) if mark(view) == "bar")
    assert fields(bars)["x"] == "cv" and fields(bars)["y"] == "label" and fields(bars)["color"] == "status"
    scale = colour(bars)["scale"]
    assert scale["range"] == [STATUS_COLOURS[s] for s in ("green", "amber", "red", "grey")]
    assert scale["domain"][0] == (
        "≥ 0.95: within tolerance" if lang == "en" else "≥ 0,95\u00a0: dans la tolérance"
    )
    drawn_rows = data(drawn, bars)
    assert [row["status"] for row in drawn_rows] == [
        scale["domain"][2],
        scale["domain"][1],
        scale["domain"][3],
    ]
    assert (
        drawn_rows[0]["label"].endswith("…") and len(drawn_rows[0]["label"]) == 34
    )  # the tooltip keeps the whole name
    assert drawn_rows[2]["label"] == "P3"  # no name: the code
    assert bars["encoding"]["x"]["scale"]["domain"] == [-375e3, 0]  # room for the amounts at the bars' ends


def test_the_overrun_ranking_runs_rightwards():
    drawn = spec(charts.ranking_chart(ranked(), "overrun", 2, "en", "EUR", THRESHOLDS))
    bars = next(view for view in layers(drawn) if mark(view) == "bar")
    assert fields(bars)["x"] == "overrun"
    assert bars["encoding"]["x"]["scale"]["domain"] == [0, 312500.0]


def test_the_allocation_draws_three_bars_per_group():
    groups = pd.DataFrame(
        {"key": ["Digital", ""], "budget": [1e6, 5e5], "actual": [4e5, 1e5], "forecast": [1.1e6, 4.5e5]}
    )
    drawn = spec(charts.allocation_chart(groups, "programme", "en", "EUR"))
    assert title(drawn) == "Forecast above budget in 1 of 2 programmes"
    (bars,) = layers(drawn)
    assert rows(drawn, bars) == 6
    assert fields(bars)["yOffset"] == "measure_label"
    assert colour(bars)["scale"]["range"] == [PLANNED, ACTUAL, FORECAST]
    labels = {row["key_label"] for row in data(drawn, bars)}
    assert labels == {"Digital", "(no programme)"}
