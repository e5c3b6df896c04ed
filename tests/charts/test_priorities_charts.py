"""The prioritisation charts, built from small frames of the shapes pmo_core.priorities, business_case,
selection and scenarios return: each states its finding in both languages and draws every project."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import selection
from pmo_core.charts import priorities as charts
from pmo_core.palette import NEUTRAL, STATUS_COLOURS
from pmo_core.priorities import Criterion, ScoringModel
from tests.charts.spec import colour, data, fields, layers, mark, rows, spec, subtitle, title

MODEL = ScoringModel(
    1,
    "Value first",
    "weighted",
    (Criterion("strategic_alignment", 60, "higher", 1, 5), Criterion("business_value", 40, "higher", 1, 5)),
)


def contributions() -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two projects, each with its two criteria's points; the second ranked by hand."""
    long = pd.DataFrame(
        {
            "rank": [1, 1, 2, 2],
            "code": ["P1", "P1", "P2", "P2"],
            "name": ["Alpha", "Alpha", "Beta", "Beta"],
            "criterion": ["strategic_alignment", "business_value"] * 2,
            "points": [48.0, 30.0, 30.0, 20.0],
            "score": [78.0, 78.0, 50.0, 50.0],
            "order": [0, 1, 0, 1],
        }
    )
    ranked = pd.DataFrame({"code": ["P1", "P2"], "override_rank": [None, 2]})
    return long, ranked


@pytest.mark.parametrize(
    ("lang", "heading", "criterion"),
    [
        ("en", "Alpha ranks first under Value first with 78.0 pts", "Strategic alignment (1-5)"),
        (
            "fr",
            "Alpha arrive en tête selon le modèle Value first avec 78,0 pts",
            "Alignement stratégique (1-5)",
        ),
    ],
)
def test_the_contributions_stack_each_criterion_under_the_score(lang, heading, criterion):
    drawn = spec(charts.contribution_chart(*contributions(), MODEL, lang))
    assert title(drawn) == heading
    bars, totals = layers(drawn)
    assert mark(bars) == "bar" and mark(totals) == "text"
    assert bars["encoding"]["x"]["aggregate"] == "sum" and fields(bars)["x"] == "points"
    assert colour(bars)["scale"]["domain"][0] == criterion
    assert colour(bars)["scale"]["range"] == charts.CRITERION_COLOURS[:2]
    assert rows(drawn, bars) == 4 and rows(drawn, totals) == 2
    assert [row["label"] for row in data(drawn, totals)] == ["1 · Alpha", "2 · Beta ✎"]  # ✎: ranked by hand
    assert drawn["height"] == 2 * charts.ROW_PX


def test_the_rank_comparison_highlights_the_projects_that_move():
    both = pd.DataFrame(
        {"name": ["A", "B", "C"], "rank_a": [1, 2, 30], "rank_b": [1, 25, 28], "moves": [0, -23, 2]}
    )
    drawn = spec(charts.compare_chart(both, "Model A", "Model B", 100, "en"))
    assert title(drawn) == "1 project moves 10 places or more between Model A and Model B"
    assert "100" in subtitle(drawn)
    line, dots = layers(drawn)
    assert mark(line) == "line" and mark(dots) == "circle" and rows(drawn, dots) == 3
    assert colour(dots)["scale"] == {
        "domain": ["Moves 10 places or more", "Moves less"],
        "range": [charts.HIGHLIGHT, NEUTRAL],
    }
    assert dots["encoding"]["y"]["scale"]["domain"] == [31, 0]  # rank 1 at the top
    assert [row["group"] for row in data(drawn, dots)] == [
        "Moves less",
        "Moves 10 places or more",
        "Moves less",
    ]


def test_the_npv_chart_keeps_every_project_that_never_pays_back():
    cases = pd.DataFrame(
        {
            "name": [f"Project {i}" for i in range(14)],
            "npv": [float(1000 * (14 - i)) for i in range(14)],
            "payback": [2.5] * 12 + [None, None],
        }
    )
    drawn = spec(charts.npv_chart(cases, "fr", "EUR", most=12))
    assert title(drawn).startswith("2 projets sur 14 ne seront jamais rentabilisés")
    bars, zero = layers(drawn)
    assert rows(drawn, bars) == 12  # the 10 best, then the 2 that never pay back
    assert colour(bars)["scale"] == {
        "domain": ["Rentabilisé", "Jamais rentabilisé"],
        "range": [NEUTRAL, STATUS_COLOURS["red"]],
    }
    assert bars["encoding"]["x"]["title"] == "Valeur actuelle nette (€)"
    assert mark(zero) == "rule"


def test_the_cash_curve_draws_plain_and_discounted_lines():
    curve = pd.DataFrame(
        {
            "calendar_year": [2026, 2027, 2028],
            "cumulative": [-100.0, -20.0, 80.0],
            "discounted_cumulative": [-100.0, -30.0, 50.0],
        }
    )
    row = pd.Series({"name": "Alpha", "payback": 2.2, "discounted_payback": float("nan")})
    drawn = spec(charts.cash_chart(curve, row, 0.08, "en", "EUR"))
    assert title(drawn) == "Alpha: paid back after 2.2 years (never discounted)"
    assert "8.0%" in subtitle(drawn)
    zero, lines = layers(drawn)
    assert mark(zero) == "rule" and mark(lines) == "line" and rows(drawn, lines) == 6
    assert lines["encoding"]["strokeDash"]["scale"]["range"] == [[1, 0], [6, 4]]  # discounted is dashed


def selection_result(more: bool) -> selection.Selection:
    extra = selection.MoreBudget(110.0, 95.0, 105.0, ("Gamma",), ()) if more else None
    table = pd.DataFrame({"code": ["P1", "P2", "P3"], "selected": [True, True, False]})
    return selection.Selection("optimal", 100.0, 80.0, 90.0, 3, table, pd.DataFrame(), extra)


@pytest.mark.parametrize("more", [True, False])
def test_the_frontier_marks_this_selection_and_ten_percent_more(more):
    curve = pd.DataFrame(
        {"cost": [0.0, 50.0, 90.0, 105.0], "value": [0.0, 50.0, 80.0, 95.0], "n_projects": [0, 1, 2, 3]}
    )
    drawn = spec(charts.frontier_chart(curve, selection_result(more), 1, 200.0, "en", "EUR"))
    assert title(drawn) == (
        "This selection gets 84% of the best attainable value for 45% of the cost of all candidates"
    )
    views = layers(drawn)
    assert [mark(view) for view in views] == ["line", "circle", "rule", "point", "text"]
    points = views[3]
    assert rows(drawn, points) == (2 if more else 1)
    assert points["encoding"]["shape"]["scale"]["range"] == ["circle", "diamond"]
    assert colour(points)["scale"]["range"] == [STATUS_COLOURS["red"], "#F28E2B"]
    assert views[0]["encoding"]["y"]["axis"]["format"] == "d"  # points under a model, money under NPV


def test_the_yearly_cost_marks_each_years_budget():
    years = pd.DataFrame({"year": [2026, 2027], "cost": [400e3, 900e3], "budget": [500e3, None]})
    drawn = spec(charts.years_chart(years, "fr", "EUR"))
    assert title(drawn) == "La sélection dépense le plus en 2027\u00a0: 900\u00a0k€"
    bars, ticks = layers(drawn)
    assert mark(bars) == "bar" and rows(drawn, bars) == 2
    assert mark(ticks) == "tick" and rows(drawn, ticks) == 1  # no budget set for 2027


def test_the_scenarios_cost_per_year_side_by_side():
    years = pd.DataFrame(
        {"year": [2026, 2026, 2027, 2027], "scenario": ["Base", "Stretch"] * 2, "cost": [1.0, 2.0, 5.0, 3.0]}
    )
    drawn = spec(charts.scenario_years_chart(years, ["Base", "Stretch"], "en", "EUR"))
    assert title(drawn) == "Yearly cost of the compared scenarios: the heaviest year is 2027"
    (bars,) = layers(drawn)
    assert fields(bars)["xOffset"] == "scenario" and rows(drawn, bars) == 4
    assert colour(bars)["scale"] == {"domain": ["Base", "Stretch"], "range": charts.SCENARIO_COLOURS[:2]}
