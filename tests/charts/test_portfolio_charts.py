"""The Overview's charts, built from small frames of the shapes pmo_core.portfolio returns: one status has
one colour in every chart, the roadmap groups its projects under their portfolio, the largest budgets are
named on the bubbles."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import portfolio
from pmo_core.charts import portfolio as charts
from pmo_core.palette import STATUS_COLOURS, STATUS_ORDER
from tests.charts.spec import colour, data, fields, layers, mark, rows, spec, subtitle, title

STATUS_WORDS = {
    "en": ["Green", "Amber", "Red", "Not reported"],
    "fr": ["Vert", "Orange", "Rouge", "Non renseigné"],
}


def roadmap() -> portfolio.Roadmap:
    bars = pd.DataFrame(
        {
            "code": ["P1", "P2", "P3"],
            "name": ["Alpha", "Beta", "Gamma"],
            "label": ["Alpha", "Beta", "Gamma"],
            "portfolio": ["Digital", "Digital", "Industry"],
            "status": ["red", "amber", "green"],
            "start_date": pd.to_datetime(["2026-01-01", "2026-03-01", "2026-02-01"]),
            "forecast_end": pd.to_datetime(["2027-03-31", "2026-12-31", "2026-11-30"]),
            "baseline_end": pd.to_datetime(["2026-12-31", "2026-12-31", None]),
            "percent_complete": [0.4, 0.7, 0.9],
            "manager": ["Ana", "Bo", "Cy"],
        }
    )
    milestones = pd.DataFrame(
        {
            "label": ["Alpha"],
            "milestone": ["Go live"],
            "date": pd.to_datetime(["2026-11-15"]),
            "baseline_date": pd.to_datetime(["2026-10-15"]),
            "done": [False],
            "slip_days": [31],
        }
    )
    return portfolio.Roadmap(bars, milestones, shown=3, total=3)


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "1 of 3 projects forecasts to finish after its baseline end"),
        ("fr", "1 projet sur 3 prévoit de finir après sa fin de référence"),
    ],
)
def test_the_roadmap_groups_the_projects_under_their_portfolio(lang, heading):
    drawn = spec(charts.roadmap_chart(roadmap(), date(2026, 10, 31), lang))
    assert title(drawn) == heading
    assert ("31/10/2026" if lang == "fr" else "31 Oct 2026") in subtitle(drawn)
    bar, baseline, milestone, today = layers(drawn)
    assert [mark(v) for v in (bar, baseline, milestone, today)] == ["bar", "tick", "point", "rule"]
    assert colour(bar)["scale"] == {
        "domain": STATUS_WORDS[lang],
        "range": [STATUS_COLOURS[s] for s in STATUS_ORDER],
    }
    assert bar["encoding"]["y"]["scale"]["domain"] == ["▸ Digital", "Alpha", "Beta", "▸ Industry", "Gamma"]
    assert len(data(drawn, bar)) == 3 + 1 + 1  # bars, the milestone, today's line: one frame for every layer
    assert [row["slip_text"] for row in data(drawn, bar)[:1]] == ["90 days" if lang == "en" else "90 jours"]


def bubbles() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "code": [f"P{i}" for i in range(8)],
            "name": [f"Project number {i}" for i in range(8)],
            "status": ["red", "amber", "green", "grey", "green", "green", "red", "amber"],
            "bac": [float(1e5 * (i + 1)) for i in range(8)],
            "value_score": [10.0, 80.0, 45.0, 60.0, 20.0, 90.0, 30.0, 50.0],
            "risk_exposure": [40.0, 5.0, 20.0, 10.0, 35.0, 2.0, 30.0, 15.0],
            "open_risks": [4, 1, 2, 1, 3, 0, 3, 2],
            "critical_risks": [1, 0, 0, 0, 1, 0, 1, 0],
        }
    )


def test_the_bubbles_place_value_against_risk_and_name_the_largest_budgets():
    drawn = spec(charts.bubble_chart(bubbles(), "en", "EUR"))
    # medians 47.5 (value) and 17.5 (risk): P0, P2, P4 and P6 sit below the one and above the other
    assert title(drawn) == "4 projects sit below the median value and above the median risk"
    views = layers(drawn)
    circles = next(v for v in views if mark(v) == "circle")
    assert fields(circles) | {"tooltip": None} == {
        "x": "risk_exposure",
        "y": "value_score",
        "size": "bac",
        "color": "status_label",
        "tooltip": None,
    }
    assert colour(circles)["scale"]["range"] == [STATUS_COLOURS[s] for s in STATUS_ORDER]
    assert rows(drawn, circles) == 8
    names = [v for v in views if mark(v) == "text"]
    named = {row["label"] for v in names for row in data(drawn, v)}
    assert 0 < len(named) <= charts.BUBBLE_NAMED and "Project number 7" in named  # the largest budget first
    assert sum(mark(v) == "rule" for v in views) == 2  # the medians


def test_the_trend_stacks_the_statuses_per_snapshot():
    trend = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2026-09-30"] * 3 + ["2026-10-31"] * 3),
            "status": ["green", "amber", "red"] * 2,
            "n_projects": [5, 3, 2, 4, 3, 3],
        }
    )
    drawn = spec(charts.trend_chart(trend, 30, "fr"))
    assert title(drawn) == "Projets rouges\u00a0: 2 au 30/09/2026, 3 au 31/10/2026"
    assert "30" in subtitle(drawn)
    bars, counts = layers(drawn)
    assert mark(bars) == "bar" and rows(drawn, bars) == 6
    assert colour(bars)["scale"]["domain"] == STATUS_WORDS["fr"]
    assert colour(bars)["sort"] == STATUS_WORDS["fr"]
    assert counts["transform"] == [{"filter": "datum.fraction >= 0.06"}]  # no count on a thin slice


def test_a_french_time_axis_writes_french_months():
    axis = charts.month_axis("Mois", "fr").to_dict()
    assert "janv." in axis["labelExpr"] and "format" not in axis
    assert charts.month_axis("Month", "en").to_dict()["format"] == "%b %Y"
