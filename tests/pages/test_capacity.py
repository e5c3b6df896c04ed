"""The Capacity page through app.py with AppTest: the figures pmo_core computes, a cell's projects, the
what-if moves and their scenario, in English and French; a store with no people says so."""

from __future__ import annotations

import pytest

from pmo_core import capacity, levelling, store
from pmo_core.filters import Filters
from tests import people
from tests.actors import PMO
from tests.pages.conftest import chart_rows, heading, metrics, no_exception, open_page

PAGE = "pages/capacity.py"


def _reference(db_path):
    """Return what pmo_core says of the current state's window of twelve months, as the page shows it."""
    con = store.connect(db_path)
    try:
        reference = capacity.reference_date(con, Filters())
        since = capacity.first_open_month(reference)
        last = capacity.add_months(since, capacity.MONTH_WINDOW - 1)
        grid = capacity.team_months(con, Filters(), since, last)
        return con, reference, since, grid
    finally:
        con.close()


def test_the_page_shows_the_loads_the_findings_and_a_heatmap_of_the_window(demo_db):
    _, reference, since, grid = _reference(demo_db)
    at = open_page(PAGE)
    no_exception(at)
    assert heading(at) == f"Do we have the people on {reference.day} October 2026?"
    over = grid.loc[(grid["load"] > 1) | grid["no_capacity"]]
    shown = metrics(at)
    assert shown["Teams over capacity"] == str(over["team"].nunique())
    assert shown["Team-months over"] == str(len(over))
    findings = capacity.findings(grid, "en", since)
    assert findings and any(findings[0] in m.value for m in at.markdown)  # the largest gap, worded
    assert chart_rows(at)[0] == len(grid)  # one cell per team-month of the window, no more
    assert "Click a cell" in at.info[0].value


def test_the_sidebar_snapshot_and_portfolio_filter_reach_the_page(demo_db):
    """An earlier snapshot and one portfolio: the page shows the loads of that state, for the teams that
    portfolio asks for, as pmo_core computes them."""
    from datetime import date

    f = Filters(portfolios=("Industrie",), as_of=date(2026, 9, 30))
    con = store.connect(demo_db)
    try:
        since = capacity.first_open_month(capacity.reference_date(con, f))
        grid = capacity.team_months(con, f, since, capacity.add_months(since, capacity.MONTH_WINDOW - 1))
        everyone = capacity.team_months(con, Filters(), since, since)
    finally:
        con.close()
    assert since == date(2026, 10, 1) and grid["team"].nunique() < everyone["team"].nunique()
    at = open_page(PAGE)
    at.selectbox(key="filter_snapshot_en").set_value(f.as_of)
    at.multiselect(key="filter_portfolios").set_value(["Industrie"]).run()
    no_exception(at)
    assert heading(at) == "Do we have the people on 30 September 2026?"
    over = grid.loc[(grid["load"] > 1) | grid["no_capacity"]]
    shown = metrics(at)
    assert shown["Teams over capacity"] == str(over["team"].nunique())
    assert shown["Team-months over"] == str(len(over))
    assert chart_rows(at)[0] == len(grid)  # the teams Industrie asks for, over October 2026 to September 2027


def test_choosing_a_team_and_a_month_lists_the_projects_that_ask_for_it(demo_db):
    con = store.connect(demo_db)
    try:
        cell = capacity.cell_projects(con, Filters(), "Data & IA", people.MAR)
    finally:
        con.close()
    at = open_page(PAGE)
    at.selectbox(key="cap_cell_team.en").set_value("Data & IA")
    at.selectbox(key="cap_cell_month.en").set_value("2027-03").run()
    no_exception(at)
    _, _, _, grid = _reference(demo_db)
    load = grid.loc[(grid["team"] == "Data & IA") & (grid["month"] == "2027-03-01"), "load"].item()
    title = next(m.value for m in at.markdown if m.value.startswith("**Data & IA, March"))
    assert f"{len(cell)} project" in title and f"({load:.0%})" in title
    listed = next(d.value for d in at.dataframe if "fte" in d.value.columns)
    assert listed["fte"].round(2).tolist() == cell["fte"].round(2).tolist()


def test_the_page_in_french(demo_db):
    at = open_page(PAGE, lang="fr")
    no_exception(at)
    assert heading(at).startswith("Avons-nous les équipes au 31 octobre 2026")
    assert "Équipes en surcharge" in metrics(at)
    assert any("% de charge" in m.value for m in at.markdown)


def on_tab(at, label: str, lang: str = "en"):
    at.session_state[f"cap_tab_{lang}"] = label
    at.run()
    return at


def test_a_what_if_move_changes_the_figures_and_saves_as_the_plan_of_record(demo_db):
    at = on_tab(open_page(PAGE), "What-if levelling")
    at.selectbox(key="cap_move_team").set_value("Data & IA")
    at.slider(key="cap_move_cap").set_value(100)
    next(b for b in at.button if b.label == "Add" and b.proto.form_id == "cap_cap").click().run()
    no_exception(at)
    assert any("Data & IA capped at 100% of its capacity" in m.value for m in at.markdown)
    con = store.connect(demo_db)
    try:
        lines, supply = levelling.base_lines(con, Filters())
        since = capacity.first_open_month(capacity.reference_date(con, Filters()))
    finally:
        con.close()
    before = levelling.figures(levelling.grid_of(lines, supply), since)
    plan = levelling.apply_moves(lines, supply, [levelling.Move("cap", team="Data & IA", cap=1.0)], since)
    after = levelling.figures(plan.grid, since)
    assert after.over_team_months < before.over_team_months  # Data's spring no longer counts
    card = next(m for m in at.metric if m.label == "Team-months over" and m.proto.delta[:1] in "+-±")
    assert card.value == str(after.over_team_months)
    assert card.proto.delta == str(after.over_team_months - before.over_team_months)
    at.text_input(key="cap_scenario_name").input("Data levelled")
    next(b for b in at.button if b.label == "Save the scenario").click().run()
    no_exception(at)
    assert any(
        "Scenario « Data levelled » saved." in s.value.replace("“", "« ").replace("”", " »")
        for s in at.success
    )
    con = store.connect(demo_db)
    try:
        listed = levelling.list_scenarios(con)
        assert listed["name"].tolist() == ["Data levelled"]
        levelling.mark_plan_of_record(con, int(listed["scenario_id"].iloc[0]), PMO)
    finally:
        con.close()
    at = open_page(PAGE)
    view = at.get("button_group")[0]
    assert "Plan of record: Data levelled" in str(view.proto)


@pytest.fixture
def no_people_db(db_path):
    con = store.connect(db_path)
    frames = people.frames()
    people.load(con, {"projects": frames["projects"]})
    con.close()
    return db_path


def test_a_store_without_capacity_or_demand_says_so(no_people_db):
    at = open_page(PAGE)
    no_exception(at)
    assert "No team capacity or demand" in at.info[0].value


def test_an_empty_store_says_so():
    at = open_page(PAGE)
    no_exception(at)
    assert at.info and "empty" not in at.title[0].value.lower()


def test_the_selection_respects_team_capacity_and_says_what_keeps_each_project_out(demo_db):
    at = open_page("pages/priorities.py")
    at.session_state["prio_tab_en"] = "Selection under a budget"
    at.run()
    no_exception(at)
    assert any("Team capacity" in e.label for e in at.expander)
    at.toggle(key="prio_people_on").set_value(True).run()
    no_exception(at)
    assert any(c.value.startswith("Held to the capacity of") for c in at.caption)
    table = next(d.value for d in at.dataframe if "kept_out_by" in d.value.columns)
    kept = set(table["kept_out_by"]) - {""}
    assert kept and any(
        part != "Budget" for text in kept for part in text.split(", ")
    )  # a team keeps some out
    why = table.loc[table["kept_out_by"] != "", "reason"]
    assert why.str.contains("Kept out by|more people than the teams have").all()
    assert len(chart_rows(at)) >= 1
    frontier = next(c.proto.spec for c in at.get("vega_lite_chart") if "grey dashes" in c.proto.spec)
    assert frontier.count('"step-after"') == 2  # the curve under both, and the one under the budget alone


def test_the_overview_lists_the_capacity_alerts(demo_db):
    con = store.connect(demo_db)
    try:
        alerts = capacity.capacity_alerts(con, Filters())
    finally:
        con.close()
    assert set(alerts["kind"]) == {"overload", "no_capacity", "after_end"}  # the demo tells each story
    at = open_page("pages/overview.py")
    no_exception(at)
    assert any(h.value == f"People: {len(alerts)} capacity alerts" for h in at.subheader)
    listed = next(m.value for m in at.markdown if "over capacity" in m.value)
    assert capacity.alert_sentences(alerts.head(1), "en")[0] in listed
    french = open_page("pages/overview.py", lang="fr")
    assert any(h.value.startswith("Équipes\u00a0:") for h in french.subheader)
