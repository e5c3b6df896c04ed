"""Capacity against demand: loads worked out by hand (tests/people.py), totals, runs, findings and alerts."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from pmo_core import capacity, settings, snapshots
from pmo_core.filters import Filters
from tests import people
from tests.actors import PMO
from tests.people import APR, FEB, JAN, MAR


@pytest.fixture
def team_con(con):
    people.load(con)
    return con


def _cell(grid: pd.DataFrame, team: str, month: date) -> pd.Series:
    return grid.loc[(grid["team"] == team) & (grid["month"] == pd.Timestamp(month))].iloc[0]


def test_loads_are_demand_over_capacity_in_fte_with_days_converted(team_con):
    grid = capacity.team_months(team_con, Filters())
    assert _cell(grid, "Data", JAN)[["capacity", "demand", "load"]].tolist() == [2.0, 2.5, 1.25]
    # 40 days of capacity and 20 days of demand at 20 working days a month: 2 FTE and 1 FTE
    assert _cell(grid, "Data", FEB)[["capacity", "demand", "load"]].tolist() == [2.0, 3.0, 1.5]
    assert _cell(grid, "Data", MAR)["load"] == 0.5
    assert _cell(grid, "Java", JAN)[["capacity", "demand", "load"]].tolist() == [3.0, 1.5, 0.5]
    ux = _cell(grid, "UX", JAN)
    assert pd.isna(ux["capacity"]) and pd.isna(ux["load"]) and ux["no_capacity"] and ux["demand"] == 0.5


def test_the_working_days_setting_converts_days_again_without_a_new_import(team_con):
    settings.put(team_con, "working_days_per_month", "10", PMO)
    grid = capacity.team_months(team_con, Filters())
    # 40 days = 4 FTE of capacity, 20 days = 2 FTE of demand: (2 + 2) / 4 = 100 %
    assert _cell(grid, "Data", FEB)[["capacity", "demand", "load"]].tolist() == [4.0, 4.0, 1.0]
    assert _cell(grid, "Java", JAN)["demand"] == 3.0  # 30 days / 10


def test_filters_choose_the_teams_shown_but_the_load_counts_every_project(team_con):
    grid = capacity.team_months(team_con, Filters(portfolios=("Digital",)))
    assert sorted(grid["team"].unique()) == ["Data", "UX"]  # what P2 asks for; not Java
    assert _cell(grid, "Data", JAN)["demand"] == 2.5  # P1 (Industry) still loads the shared team


def test_a_window_of_months(team_con):
    grid = capacity.team_months(team_con, Filters(), first=FEB, last=MAR)
    assert sorted(grid["month"].dt.date.unique()) == [FEB, MAR]
    assert set(grid["team"]) == {"Data"}  # Java states capacity in January only: no row in this window


def test_a_cell_lists_its_projects_largest_first_with_their_share(team_con):
    cell = capacity.cell_projects(team_con, Filters(), "Data", FEB)
    assert cell["code"].tolist() == ["P2", "P1"]
    assert cell["fte"].tolist() == [2.0, 1.0]
    assert cell["share"].round(4).tolist() == [round(2 / 3, 4), round(1 / 3, 4)]
    assert cell["in_filters"].all()
    digital = capacity.cell_projects(team_con, Filters(portfolios=("Digital",)), "Data", FEB)
    assert digital.set_index("code")["in_filters"].to_dict() == {"P2": True, "P1": False}


def test_team_totals_over_the_window(team_con):
    totals = capacity.team_totals(capacity.team_months(team_con, Filters())).set_index("team")
    data = totals.loc["Data"]
    # capacity 2 + 2 + 2 + 2 = 8; demand 2.5 + 3 + 1 + 1 = 7.5; two months over; short 0.5 + 1 = 1.5
    assert (data["capacity"], data["demand"], data["months_over"]) == (8.0, 7.5, 2)
    assert data["load"] == pytest.approx(7.5 / 8) and data["short"] == pytest.approx(1.5)
    assert (data["peak"], data["peak_month"]) == (1.5, pd.Timestamp(FEB))
    assert totals.index.tolist()[:2] == ["Data", "UX"]  # the team most short first
    ux = totals.loc["UX"]
    assert pd.isna(ux["capacity"]) and ux["months_over"] == 1 and ux["short"] == 0.5  # no capacity at all


def test_overloads_are_runs_of_consecutive_months(team_con):
    grid = capacity.team_months(team_con, Filters())
    (run,) = capacity.overloads(grid)
    assert (run.team, run.first, run.last, run.months) == ("Data", JAN, FEB, 2)
    assert run.mean_load == pytest.approx((2.5 + 3.0) / (2.0 + 2.0))  # 137.5 %
    assert (run.peak, run.peak_month) == (1.5, FEB)
    assert run.short == pytest.approx(((2.5 - 2) + (3 - 2)) / 2)
    assert capacity.overloads(grid, since=FEB)[0].months == 1
    assert capacity.overloads(grid, at_least=3) == []


def test_a_run_breaks_on_a_month_within_capacity():
    grid = capacity.with_load(
        pd.DataFrame(
            {
                "team": ["T"] * 4,
                "month": pd.to_datetime(["2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01"]),
                "capacity": [1.0, 1.0, 1.0, 1.0],
                "demand": [2.0, 1.0, 1.5, 1.2],
            }
        )
    )
    runs = capacity.overloads(grid)
    assert [(r.first, r.last) for r in runs] == [(JAN, JAN), (MAR, APR)]


def test_findings_word_the_largest_gap(team_con):
    grid = capacity.team_months(team_con, Filters())
    assert capacity.findings(grid, "en") == [
        "Data is 138% loaded from January to February\u00a02027: 0.8 FTE short a month on average, "
        "150% at the peak (February\u00a02027)."
    ]
    french = capacity.findings(grid, "fr")[0]
    assert french.startswith("Data\u00a0: 138\u00a0% de charge de janvier à février\u00a02027")


def test_periods_in_words():
    assert capacity.period_words(MAR, date(2027, 6, 1), "en") == "from March to June\u00a02027"
    assert capacity.period_words(MAR, date(2027, 6, 1), "fr") == "de mars à juin\u00a02027"
    assert capacity.period_words(APR, date(2027, 6, 1), "fr") == "d'avril à juin\u00a02027"
    assert (
        capacity.period_words(date(2026, 11, 1), FEB, "en") == "from November\u00a02026 to February\u00a02027"
    )
    assert capacity.period_words(MAR, MAR, "fr") == "en mars\u00a02027"


def test_alerts_name_the_overloaded_team_the_team_without_capacity_and_demand_after_the_end(team_con):
    alerts = capacity.capacity_alerts(team_con, Filters(), since=JAN)
    assert alerts["kind"].tolist() == ["overload", "no_capacity", "after_end"]
    overload, nobody, late = alerts.to_dict("records")
    assert (overload["team"], overload["first_month"], overload["months"]) == ("Data", JAN, 2)
    assert (nobody["code"], nobody["team"], nobody["value"]) == ("P2", "UX", 0.5)
    assert (late["code"], late["team"], late["first_month"], late["end"]) == (
        "P1",
        "Data",
        APR,
        date(2027, 3, 31),
    )
    sentences = capacity.alert_sentences(alerts, "en")
    assert sentences[0] == (
        "Data is over capacity 2 months running, from January to February\u00a02027: 138% on average, "
        "150% at the peak."
    )
    assert (
        sentences[1]
        == "P2 Beta asks 0.5 person-months of UX in January\u00a02027, a team with no capacity at all."
    )
    assert sentences[2] == (
        "P1 Alpha asks 1.0 person-month of Data after its end (31 Mar 2027), in April\u00a02027."
    )
    assert capacity.alert_sentences(alerts, "fr")[2] == (
        "P1 Alpha demande 1,0 mois-homme à Data après sa fin (31/03/2027), en avril\u00a02027."
    )


def test_the_overload_alert_follows_its_setting(team_con):
    settings.put(team_con, "overload_alert_months", "3", PMO)
    assert "overload" not in set(capacity.capacity_alerts(team_con, Filters(), since=JAN)["kind"])
    # the default `since` is the first month the snapshot (31 Dec 2026) has not reported: January 2027
    settings.put(team_con, "overload_alert_months", "2", PMO)
    assert capacity.capacity_alerts(team_con, Filters())["kind"].iloc[0] == "overload"
    assert capacity.first_open_month(date(2026, 12, 31)) == JAN
    assert capacity.first_open_month(date(2026, 12, 15)) == date(2026, 12, 1)


def test_alerts_follow_the_filters(team_con):
    industry = capacity.capacity_alerts(team_con, Filters(portfolios=("Industry",)), since=JAN)
    assert set(industry["kind"]) == {"overload", "after_end"}  # UX is asked for by Digital's P2 only


def test_snapshots_keep_each_state_and_a_partial_import_restates_one_project(team_con):
    later = people.frames()
    later = {
        "projects": later["projects"].loc[later["projects"]["code"] == "P2"],
        "demand": pd.DataFrame(
            [("P2", "Data", JAN, 0.5, "fte")], columns=["project_code", "team", "month", "demand", "unit"]
        ),
    }
    batch = people.load(team_con, later, as_of=date(2027, 1, 31), scope="partial")
    now = capacity.team_months(team_con, Filters())
    assert _cell(now, "Data", JAN)["demand"] == 2.0  # P1's 1.5 kept, P2's restated to 0.5
    assert _cell(now, "Data", FEB)["demand"] == 1.0  # P2 no longer asks in February: only P1's 20 days
    before = capacity.team_months(team_con, Filters(as_of=people.AS_OF))
    assert _cell(before, "Data", JAN)["demand"] == 2.5
    snapshots.rollback(team_con, batch, PMO)
    assert _cell(capacity.team_months(team_con, Filters()), "Data", JAN)["demand"] == 2.5


def test_capacity_is_restated_team_by_team(team_con):
    java_only = {
        "resources": pd.DataFrame([("Java", JAN, 4.0, "fte")], columns=["team", "month", "capacity", "unit"])
    }
    people.load(team_con, java_only, as_of=date(2027, 1, 31), scope="partial")
    grid = capacity.team_months(team_con, Filters())
    assert _cell(grid, "Java", JAN)["capacity"] == 4.0 and _cell(grid, "Data", JAN)["capacity"] == 2.0
    full = {**people.frames(), "resources": java_only["resources"]}
    people.load(team_con, full, as_of=date(2027, 2, 28), scope="full")
    grid = capacity.team_months(team_con, Filters())
    assert _cell(grid, "Data", JAN)["no_capacity"]  # a full import that leaves Data out removes its capacity


def test_summary_counts_teams_and_demand_lines(team_con):
    summary = snapshots.summary(team_con)
    assert (summary["teams"], summary["capacity_lines"], summary["demand_lines"]) == (3, 5, 8)
    history = snapshots.history(team_con)
    assert history[["n_capacity_lines", "n_demand_lines"]].iloc[0].tolist() == [5, 8]


def test_team_totals_and_month_totals_of_an_empty_grid():
    empty = capacity.with_load(pd.DataFrame(columns=["team", "month", "capacity", "demand"]))
    assert capacity.team_totals(empty).empty and capacity.overloads(empty) == []
    assert capacity.month_totals(empty).empty


def test_month_totals_add_up_the_teams(team_con):
    totals = capacity.month_totals(capacity.team_months(team_con, Filters())).set_index("month")
    assert totals.loc[pd.Timestamp(JAN), ["capacity", "demand"]].tolist() == [5.0, 4.5]  # Data, Java and UX
    assert replace(Filters(), as_of=None) == Filters()


def test_the_demo_staffs_twelve_teams_over_36_months_with_a_few_overloads_and_each_alert(demo_con):
    grid = capacity.team_months(demo_con, Filters())
    staffed = grid.loc[grid["capacity"].notna()]
    assert staffed["team"].nunique() == 12 and staffed["month"].nunique() == 36
    over = grid.loc[grid["load"] > 1]
    assert 0 < len(over) < 0.1 * len(staffed)  # realistic: some months over, most within capacity
    data = over.loc[over["team"] == "Data & IA", "month"].dt.date.tolist()
    assert data == [date(2027, m, 1) for m in (3, 4, 5, 6)]
    since = capacity.first_open_month(capacity.reference_date(demo_con, Filters()))
    assert any(
        f.startswith("Data & IA is 13") and "March to June" in f for f in capacity.findings(grid, "en", since)
    )
    alerts = capacity.capacity_alerts(demo_con, Filters())
    assert set(alerts["kind"]) == {"overload", "no_capacity", "after_end"}
    assert set(alerts.loc[alerts["kind"] == "no_capacity", "team"]) == {"UX design"}
