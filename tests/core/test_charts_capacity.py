"""The capacity charts as plain Altair specifications, without Streamlit: what each draws from the hand-worked
loads of tests/people.py, the bands and their colours, the values on the cells, titles, units and sizes."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import capacity
from pmo_core.charts import capacity as charts
from pmo_core.filters import Filters
from pmo_core.palette import LOAD_COLOURS
from tests import people
from tests.people import FEB, JAN


@pytest.fixture
def grid(con):
    people.load(con)
    return capacity.team_months(con, Filters())


def _rows(spec: dict) -> list[dict]:
    """Return the rows of the chart's single dataset."""
    (rows,) = spec["datasets"].values()
    return rows


def _layers(spec: dict) -> list[dict]:
    return spec.get("layer", [spec])


@pytest.mark.parametrize(
    ("load", "no_capacity", "band"),
    [
        (0.79, False, "spare"),
        (0.8, False, "full"),
        (1.0, False, "full"),  # exactly 100 % is full, not over
        (1.01, False, "over"),
        (1.2, False, "over"),
        (1.21, False, "severe"),
        (None, False, "spare"),
        (None, True, "no_capacity"),
    ],
)
def test_load_bands(load, no_capacity, band):
    assert charts.load_band(load, no_capacity) == band


def test_the_heatmap_writes_each_load_on_its_cell_in_its_band_colour(grid):
    spec = charts.load_heatmap(grid, "en", title="Data is 138% loaded", subtitle="FTE").to_dict()
    assert spec["title"]["text"] == "Data is 138% loaded" and spec["title"]["subtitle"] == "FTE"
    rows = {(r["team"], r["month_key"]): r for r in _rows(spec)}
    assert len(rows) == len(grid)  # one cell per team-month, no more
    # Data: 125 % in January and 150 % in February (tests/people.py), both past 120 %; Java 50 % spare; UX none
    assert (rows[("Data", "2027-01")]["load_text"], rows[("Data", "2027-01")]["band"]) == ("125%", "severe")
    assert (rows[("Data", "2027-02")]["load_text"], rows[("Data", "2027-02")]["band"]) == ("150%", "severe")
    assert (rows[("Java", "2027-01")]["load_text"], rows[("Java", "2027-01")]["band"]) == ("50%", "spare")
    assert (rows[("UX", "2027-01")]["load_text"], rows[("UX", "2027-01")]["band"]) == ("∞", "no_capacity")
    rect, text = _layers(spec)[:2]
    colour = rect["encoding"]["color"]["scale"]
    colours = dict(zip(colour["domain"], colour["range"], strict=True))
    assert colours == {  # only the bands drawn, in their order, each in the palette's colour
        "Under 80%": LOAD_COLOURS["spare"],
        "Over 120%": LOAD_COLOURS["severe"],
        "No capacity (∞)": LOAD_COLOURS["no_capacity"],
    }
    over = charts.load_heatmap(grid.assign(load=1.1), "en", title="t", subtitle="s").to_dict()
    scale = _layers(over)[0]["encoding"]["color"]["scale"]
    assert scale["range"][scale["domain"].index("100 to 120%")] == "#C62828"  # over-allocation in the red
    assert text["mark"]["type"] == "text" and text["encoding"]["text"]["field"] == "load_text"
    assert text["mark"]["fontSize"] >= 13
    (click,) = spec["params"]  # Altair lifts the rectangles' click selection to the top, naming their view
    assert click["name"] == "cell" and click["views"] == [rect["name"]]
    assert click["select"] == {
        "type": "point",
        "fields": ["team", "month_key"],
        "on": "click",
        "clear": False,
    }
    assert {t["title"] for t in rect["encoding"]["tooltip"]} >= {"Team or role", "Capacity", "Demand", "Load"}
    assert spec["config"]["axis"]["labelFontSize"] >= 13 and spec["config"]["legend"]["labelFontSize"] >= 13


def test_the_heatmap_in_french_outlines_the_chosen_cell_and_what_a_what_if_changed(grid):
    before = grid.copy()
    after = grid.assign(load=grid["load"].where(grid["team"] != "Java", 0.25))
    spec = charts.load_heatmap(
        after, "fr", title="t", subtitle="s", chosen=("Data", FEB), before=before
    ).to_dict()
    rows = {(r["team"], r["month_key"]): r for r in _rows(spec)}
    assert rows[("Data", "2027-01")]["load_text"] == "125\u00a0%"
    assert rows[("Data", "2027-02")]["chosen"] and not rows[("Data", "2027-01")]["chosen"]
    assert rows[("Java", "2027-01")]["changed"] and rows[("Java", "2027-01")]["before_text"] == "50\u00a0%"
    assert not rows[("Data", "2027-01")]["changed"]
    filters = [layer.get("transform", [{}])[0].get("filter") for layer in _layers(spec)]
    assert "datum.changed" in filters and "datum.chosen" in filters


def test_capacity_against_demand_stacks_the_portfolios_under_the_capacity_line(con, grid):
    by_portfolio = capacity.portfolio_demand(con, Filters(), ["Data", "Java", "UX"], JAN, FEB)
    totals = capacity.month_totals(grid.loc[grid["month"] <= pd.Timestamp(FEB)])
    spec = charts.capacity_demand_chart(by_portfolio, totals, "en", title="Peak", subtitle="FTE").to_dict()
    bars, line = _layers(spec)
    assert bars["encoding"]["y"]["title"] == line["encoding"]["y"]["title"] == "FTE per month"
    assert bars["encoding"]["color"]["title"] == "Portfolio"
    stacked = pd.DataFrame(spec["datasets"][bars["data"]["name"]])
    # January: Data 1.5 (P1, Industry) + 1.0 (P2, Digital), Java 1.5 (P3, Industry), UX 0.5 (P2, Digital)
    january = stacked.loc[stacked["month_label"] == "Jan 2027"].set_index("portfolio")["fte"]
    assert january.to_dict() == {"Digital": 1.5, "Industry": 3.0}
    capacity_line = pd.DataFrame(spec["datasets"][line["data"]["name"]]).set_index("month_label")
    assert capacity_line.loc["Jan 2027", "capacity"] == 5.0  # Data 2 + Java 3; UX has none


def test_the_scenario_chart_puts_the_team_most_short_first():
    shortfalls = pd.DataFrame(
        [("As reported", "Data", 1.5), ("As reported", "Java", 3.0), ("Delay P1", "Data", 0.5)],
        columns=["scenario", "team", "short"],
    )
    spec = charts.scenario_chart(shortfalls, "en", title="t", subtitle="s").to_dict()
    assert spec["encoding"]["y"]["sort"] == ["Java", "Data"]
    assert spec["encoding"]["x"]["title"] == "Short (person-months)"
    assert spec["encoding"]["color"]["scale"]["domain"] == ["As reported", "Delay P1"]
