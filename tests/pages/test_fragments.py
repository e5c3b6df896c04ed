"""Parts of a page that change alone rerun alone (st.fragment): a widget changed inside such a part reruns that
part's code and nothing else of the page, and what the change should update is updated.

Each change is made as the browser makes it (bench/fragments.py): the widget's new value sent with the id of
its fragment. The page's own code writes its heading once per run (common.heading), so a run of the page is
counted there; after a fragment's run the test handle holds what the browser receives, that part alone.
"""

from __future__ import annotations

from datetime import date

import pytest

from bench.fragments import rerun_fragment
from pages.ui import common
from pmo_core import budget, evm, formatting, levelling, meetings, risks, scenarios, selection, store
from pmo_core.filters import Filters
from tests.actors import PMO
from tests.pages.conftest import no_exception, open_page

OCT = date(2026, 10, 31)


@pytest.fixture
def page_runs(monkeypatch) -> list[str]:
    """Record every run of a page's own code, by the heading it writes first."""
    runs: list[str] = []
    original = common.heading

    def counted(title: str, **extra) -> None:
        runs.append(title)
        original(title, **extra)

    monkeypatch.setattr(common, "heading", counted)
    return runs


def alone(at, runs: list[str], fragment: str):
    """Send the widget values set on `at` as a change inside `fragment`; the page's own code must not run."""
    before = len(runs)
    rerun_fragment(at, fragment)
    no_exception(at)
    assert len(runs) == before, "the whole page ran again"
    assert not at.title and not at.sidebar.children, "the page's other parts were sent again"
    return at


def on_tab(at, key: str, label: str):
    at.session_state[key] = label
    return at.run()


def texts(at) -> str:
    return "\n".join(m.value for m in at.markdown)


# --- Overview ----------------------------------------------------------------------------------------


def test_the_overview_toggles_rerun_their_table_and_roadmap_alone(demo_db, page_runs):
    at = open_page("pages/overview.py")
    at.toggle(key="overview_all_columns").set_value(True)
    alone(at, page_runs, "overview_table")
    table = at.dataframe[0]
    assert list(table.proto.column_order) == []  # every column, in the frame's order
    assert len(at.get("vega_lite_chart")) == 0 and not at.metric

    at = open_page("pages/overview.py")
    at.toggle(key="overview_roadmap_all").set_value(True)
    alone(at, page_runs, "overview_roadmap")
    assert len(at.get("vega_lite_chart")) == 1  # the roadmap of every project, and no other chart
    assert not any("red or amber" in c.value for c in at.caption)  # no longer the troubled ones alone


# --- Risks -------------------------------------------------------------------------------------------


def test_a_risk_cell_chosen_lists_its_risks_without_rerunning_the_page(demo_db, page_runs):
    con = store.connect(demo_db)
    cells = risks.heatmap(con, Filters(), risks.RiskFilter())
    con.close()
    expected = int(cells.loc[(cells.probability == 4) & (cells.impact == 5), "risks"].item())
    at = open_page("pages/risks.py")
    at.selectbox(key="risk_cell_p.en").set_value(4)
    at.selectbox(key="risk_cell_i.en").set_value(5)
    alone(at, page_runs, "risks_heatmap")
    assert "Probability 4 x impact 5: Critical, score 20" in texts(at)
    assert len(at.dataframe[0].value) == expected
    assert len(at.get("vega_lite_chart")) == 1  # the heatmap, redrawn with the cell marked
    assert not at.metric  # the headline cards stay as they were


def test_the_register_search_and_order_rerun_the_register_alone(demo_db, page_runs):
    con = store.connect(demo_db)
    every = risks.register(con, Filters(), risks.RiskFilter())
    word = every.rows["title"].iloc[0].split()[0]
    found = risks.register(con, Filters(), risks.RiskFilter(), word, "due_date")
    con.close()
    assert 0 < found.total < every.total
    at = open_page("pages/risks.py")
    at.text_input(key="risk_search.en").input(word)
    at.selectbox(key="risk_order.en").set_value("due_date")
    alone(at, page_runs, "risks_register")
    register = at.dataframe[0].value
    expected = list(found.rows["title"][: common.PAGE_ROWS])
    assert list(register["title"]) == expected  # the search's risks, in the order chosen
    assert not at.get("vega_lite_chart")  # the heatmap is not sent again


def test_a_long_register_pages_and_a_page_turned_reruns_the_register_alone(demo_db, page_runs, monkeypatch):
    monkeypatch.setattr(common, "PAGE_ROWS", 40)
    con = store.connect(demo_db)
    every = risks.register(con, Filters(), risks.RiskFilter()).rows
    con.close()
    assert len(every) > 80, "the demo's register fills three pages of 40"
    at = open_page("pages/risks.py")
    assert list(at.dataframe[0].value["title"]) == list(every["title"][:40])
    total = formatting.number(len(every), "en")
    assert f"Rows 1 to 40 of {total}." in [c.value for c in at.caption]
    at.pagination(key="risk_register_page").select(2)
    alone(at, page_runs, "risks_register")
    assert list(at.dataframe[0].value["title"]) == list(every["title"][40:80])
    assert f"Rows 41 to 80 of {total}." in [c.value for c in at.caption]


def test_the_committee_tab_toggles_and_compares_each_part_alone(demo_db, page_runs):
    at = on_tab(open_page("pages/risks.py"), "risks_tab_en", "For the steering committee")
    no_exception(at)
    compact = [list(d.value.columns) for d in at.dataframe[:2]]
    at.toggle(key="risk_top_all_columns").set_value(True)
    alone(at, page_runs, "risks_top")
    assert len(at.dataframe) == 2  # the two top tens, and not the movement table below them
    for table, before in zip(at.dataframe, compact, strict=True):
        assert {"owner", "response"} <= set(table.value.columns) - set(before)

    at = on_tab(open_page("pages/risks.py"), "risks_tab_en", "For the steering committee")
    earliest = at.selectbox(key="risk_since.en").options[-1]
    since = next(d for d in _snapshot_dates(demo_db) if formatting.day(d, "en") == earliest)
    at.selectbox(key="risk_since.en").set_value(since)
    alone(at, page_runs, "risks_movement")
    con = store.connect(demo_db)
    moved = risks.movement(con, Filters(), risks.RiskFilter(), since)
    con.close()
    assert [m.value for m in at.metric] == [formatting.number(moved.counts[k], "en") for k in risks.MOVEMENTS]


def _snapshot_dates(db_path) -> list[date]:
    from pmo_core import snapshots

    con = store.connect(db_path)
    try:
        return [s.as_of for s in snapshots.list_snapshots(con)]
    finally:
        con.close()


# --- Budget ------------------------------------------------------------------------------------------


def test_each_budget_tab_reruns_alone_when_its_own_control_changes(demo_db, page_runs):
    at = open_page("pages/budget.py")
    at.segmented_control(key="budget_rank_by.en").set_value("overrun")
    alone(at, page_runs, "budget_variances")
    ranking = at.get("vega_lite_chart")
    assert (
        len(ranking) == 1 and "largest overruns" in ranking[0].proto.spec
    )  # not the S-curve, nor the months
    assert at.dataframe and not at.metric

    at = open_page("pages/budget.py")
    labels = [t.label for t in at.tabs]
    on_tab(at, "budget_tab_en", labels[2])
    at.segmented_control(key="budget_rollup_level.en").set_value("programme")
    alone(at, page_runs, "budget_rollup")
    assert "programme" in at.dataframe[0].value.columns

    on_tab(at, "budget_tab_en", labels[3])
    at.segmented_control(key="budget_allocation_by.en").set_value("year")
    at.toggle(key="budget_phasing_toggle").set_value(True)
    alone(at, page_runs, "budget_allocation")
    years = [c for c in at.dataframe[0].value.columns if c.isdigit()]
    assert years, "the yearly phasing is listed"

    on_tab(at, "budget_tab_en", labels[1])
    con = store.connect(demo_db)
    alerts = budget.find_alerts(evm.earned_value(con, Filters(), OCT, "cpi"), OCT, _settings(con))
    con.close()
    kind = alerts["kind"].value_counts().index[-1]  # the rarest kind
    at.pills(key="budget_alert_kinds.en").set_value([kind])
    alone(at, page_runs, "budget_alerts")
    assert len(at.dataframe[0].value) == min(int((alerts["kind"] == kind).sum()), 300)


def _settings(con) -> dict:
    from pmo_core import settings

    return settings.get_all(con)


# --- Prioritisation ----------------------------------------------------------------------------------


def _prio_tab(at, index: int):
    labels = ("Ranking", "Selection under a budget", "Business case", "Scenarios", "Scoring models")
    return on_tab(at, "prio_tab_en", labels[index])


def test_the_budget_of_a_selection_reruns_the_selection_alone(demo_db, page_runs):
    at = _prio_tab(open_page("pages/priorities.py"), 1)
    funded = int(next(m.value for m in at.metric if m.label == "Projects funded"))
    box = next(b for b in at.number_input if b.label.startswith("Budget"))
    box.set_value(10.0)
    alone(at, page_runs, "prio_selection")
    now = int(next(m.value for m in at.metric if m.label == "Projects funded"))
    assert now < funded
    assert "Candidates" not in [m.label for m in at.metric]  # the headline cards stay as they were
    table = next(d.value for d in at.dataframe if "reason" in d.value.columns)
    assert int(table["selected"].str.startswith("✅").sum()) == now  # the table lists the new selection


def test_the_ranking_tab_and_the_cash_curve_rerun_alone(demo_db, page_runs):
    at = open_page("pages/priorities.py")
    at.slider(key="prio_top").set_value(5)
    alone(at, page_runs, "prio_ranking")
    assert len(at.get("vega_lite_chart")) == 2  # the contributions of the top five, the ranks compared

    at = _prio_tab(open_page("pages/priorities.py"), 2)
    first = at.get("vega_lite_chart")[-1].proto.spec  # the cash curve of the first project
    picker = at.selectbox(key="prio_case_project")
    picker.set_value(picker.options[-1].split(" · ")[0])
    alone(at, page_runs, "prio_cash")
    curve = at.get("vega_lite_chart")
    assert len(curve) == 1 and not at.dataframe  # the one curve, not the NPV chart nor the table
    assert curve[0].proto.spec != first


def test_the_scenarios_compared_rerun_the_comparison_alone(demo_db, page_runs):
    con = store.connect(demo_db)
    candidates = selection.selection_candidates(con, Filters(), model_id=None, cost_basis="budget", rate=0.08)
    total = float(candidates["cost"].sum())
    for name, share in (("Lean", 0.6), ("Broad", 1.0), ("Middle", 0.8)):
        chosen = selection.select_portfolio(candidates, total * share, unit=selection.MONEY_UNIT)
        scenarios.save_scenario(
            con, name, chosen, objective="npv", cost_basis="budget", state_date=OCT, filters="", actor=PMO
        )
    ids = scenarios.list_scenarios(con)["scenario_id"].tolist()
    con.close()
    at = _prio_tab(open_page("pages/priorities.py"), 3)
    names = {"Lean", "Broad", "Middle"}
    assert len([m for m in at.metric if m.label in names]) == 2  # the two newest compared at first
    at.multiselect(key="prio_compare").set_value(ids)
    alone(at, page_runs, "prio_scenarios_compared")
    assert {m.label.rstrip(" ★") for m in at.metric} == names  # the three, and no headline card


# --- Capacity ----------------------------------------------------------------------------------------


def test_a_team_month_chosen_lists_its_projects_without_rerunning_the_page(demo_db, page_runs):
    at = open_page("pages/capacity.py")
    team = at.selectbox(key="cap_cell_team.en").options[0]
    month = at.selectbox(key="cap_cell_month.en").options[0]
    at.selectbox(key="cap_cell_team.en").set_value(team)
    at.selectbox(key="cap_cell_month.en").set_value(_month_key(month))
    alone(at, page_runs, "cap_heatmap_part")
    assert f"**{team}, " in texts(at)  # the team-month's demand, capacity and projects
    assert len(at.get("vega_lite_chart")) == 1 and not at.metric


def _month_key(label: str) -> str:
    """Return the month key (2026-11) of a month written "Nov 2026"."""
    from datetime import datetime

    return datetime.strptime(label, "%b %Y").strftime("%Y-%m")


def test_a_what_if_move_reruns_the_what_if_alone_and_changes_its_figures(demo_db, page_runs):
    at = on_tab(open_page("pages/capacity.py"), "cap_tab_en", "What-if levelling")
    at.selectbox(key="cap_move_team").set_value("Data & IA")
    at.slider(key="cap_move_cap").set_value(100)
    next(b for b in at.button if b.label == "Add" and b.proto.form_id == "cap_cap").click()
    alone(at, page_runs, "cap_what_if")
    assert "Data & IA capped at 100% of its capacity" in texts(at)
    con = store.connect(demo_db)
    lines, supply = levelling.base_lines(con, Filters())
    from pmo_core import capacity

    since = capacity.first_open_month(capacity.reference_date(con, Filters()))
    con.close()
    plan = levelling.apply_moves(lines, supply, [levelling.Move("cap", team="Data & IA", cap=1.0)], since)
    card = next(m for m in at.metric if m.label == "Team-months over")
    assert card.value == str(levelling.figures(plan.grid, since).over_team_months)
    next(b for b in at.button if b.label == "Remove").click()
    alone(at, page_runs, "cap_what_if")
    assert "Data & IA capped" not in texts(at) and not at.metric  # the move gone, the figures with it


# --- Project -----------------------------------------------------------------------------------------


def test_the_figure_picked_opens_its_origin_without_rerunning_the_project_page(demo_db, page_runs):
    at = open_page("pages/overview.py")
    at.query_params["project"] = _first_project(demo_db)
    at.switch_page("pages/project.py")
    at.run()
    no_exception(at)
    rows = at.selectbox(key="project_figure_row")
    milestone = next(r for r in rows.options if r.startswith("Milestone"))
    rows.set_value(("milestones", milestone.split(" · ", 1)[1]))
    alone(at, page_runs, "project_origin")
    assert at.selectbox(key="project_figure_field_milestones").value is not None
    assert at.dataframe and not at.get("vega_lite_chart")  # the figure's history, none of the page's charts


def _first_project(db_path) -> str:
    con = store.connect(db_path)
    try:
        return con.execute("SELECT min(code) FROM projects").fetchone()[0]
    finally:
        con.close()


# --- Committee ---------------------------------------------------------------------------------------


@pytest.fixture
def with_actions(demo_db):
    con = store.connect(demo_db)
    c = meetings.create_committee(con, PMO, "COPIL October", date(2026, 11, 6), OCT)
    meetings.add_action(con, PMO, "Revised ERP plan", "Alice", date(2026, 11, 1), committee_id=c)
    done = meetings.add_action(con, PMO, "Hire a PMO analyst", "Bob", date(2026, 10, 1), committee_id=c)
    meetings.update_action(con, PMO, done, status="done")
    con.close()
    return demo_db


def test_the_action_list_and_a_refused_decision_rerun_alone_a_saved_one_reruns_the_page(
    with_actions, page_runs
):
    at = open_page("pages/committee.py")
    actions = next(d.value for d in at.dataframe if "owner" in d.value.columns)
    assert list(actions["title"]) == ["Revised ERP plan"]  # the open ones
    at.toggle(key="committee_open_only").set_value(False)
    alone(at, page_runs, "committee_actions")
    assert sorted(at.dataframe[0].value["title"]) == ["Hire a PMO analyst", "Revised ERP plan"]

    at = open_page("pages/committee.py")
    submit = next(b for b in at.button if b.label == "Record the decision")
    submit.click()  # with no subject: refused
    alone(at, page_runs, "committee_decision_form")
    assert at.error
    at.text_input[0].input("ERP budget")
    at.text_area[0].input("Fund +10 %")
    next(b for b in at.button if b.label == "Record the decision").click()
    runs = len(page_runs)
    rerun_fragment(at, "committee_decision_form")
    no_exception(at)
    assert len(page_runs) == runs + 1  # a decision saved changes the log and its tab: the page reruns
    assert at.tabs[0].label == "Decisions (1)"
