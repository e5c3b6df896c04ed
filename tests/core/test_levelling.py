"""What-if levelling on the portfolio of tests/people.py, every figure worked out by hand."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import audit, capacity, levelling
from pmo_core.access import AccessDenied, Actor
from pmo_core.filters import Filters
from pmo_core.levelling import Move
from tests import people
from tests.actors import VIEWER
from tests.people import APR, FEB, JAN, MAR

ANN, BOB = Actor("Ann", "pmo", origin="test"), Actor("Bob", "pmo", origin="test")


@pytest.fixture
def base(con):
    people.load(con)
    return levelling.base_lines(con, Filters())


def _load(grid: pd.DataFrame, team: str, month) -> float:
    row = grid.loc[(grid["team"] == team) & (grid["month"] == pd.Timestamp(month))]
    return float(row["load"].iloc[0])


def test_the_plan_without_moves_is_the_state_as_reported(con, base):
    lines, supply = base
    grid = levelling.grid_of(lines, supply)
    reported = capacity.team_months(con, Filters())
    merged = grid.merge(reported, on=["team", "month"], suffixes=("", "_sql"))
    assert len(merged) == len(grid) == len(reported)
    assert (merged["demand"] - merged["demand_sql"]).abs().max() < 1e-9


def test_figures_count_what_is_over_from_the_first_open_month(base):
    result = levelling.figures(levelling.grid_of(*base), JAN)
    # Data January (2.5 for 2) and February (3 for 2), UX January (0.5 for none): short 0.5 + 1 + 0.5
    assert (result.over_team_months, result.teams_over) == (3, 2)
    assert result.short == pytest.approx(2.0)
    assert (result.peak, result.peak_team, result.peak_month) == (1.5, "Data", FEB)


def test_shifting_a_project_moves_all_its_demand(base):
    plan = levelling.apply_moves(*base, [Move("shift", project="P2", months=1)], JAN)
    # P2's Data: 1.0 in February, 2.0 in March, 1.0 in April; P1 keeps 1.5, 1.0 (20 days), 0, 1.0
    assert [_load(plan.grid, "Data", m) for m in (JAN, FEB, MAR, APR)] == [0.75, 1.0, 1.0, 1.0]
    result = levelling.figures(plan.grid, JAN)
    assert result.over_team_months == 1  # UX, now asked for in February, still has no capacity
    assert plan.delays.empty


def test_a_shift_never_lands_before_the_first_open_month(base):
    plan = levelling.apply_moves(*base, [Move("shift", project="P2", months=-3)], JAN)
    lines = plan.grid.loc[plan.grid["team"] == "Data"].set_index("month")
    # P2's four FTE-months of Data all land in January with P1's 1.5
    assert lines.loc[pd.Timestamp(JAN), "demand"] == pytest.approx(1.5 + 1.0 + 2.0 + 1.0)


def test_a_cap_levels_the_team_and_delays_the_projects_whose_work_waits(base):
    plan = levelling.apply_moves(*base, [Move("cap", team="Data", cap=1.0)], JAN)
    # January: 2.5 asked, 2 allowed, each project gets 80 %: P1 1.2, P2 0.8; 0.3 and 0.2 wait.
    # February: P1 1.0 + 0.3, P2 2.0 + 0.2 = 3.5 for 2 (4/7 each); March: 0.557 + 1.943 = 2.5 for 2 (80 %);
    # April: P1 1.0 + 0.111, P2 0.389 = 1.5, all of it fits.
    assert [_load(plan.grid, "Data", m) for m in (JAN, FEB, MAR)] == pytest.approx([1.0, 1.0, 1.0])
    assert _load(plan.grid, "Data", APR) == pytest.approx(0.75)
    data = plan.grid.loc[plan.grid["team"] == "Data", "demand"].sum()
    assert data == pytest.approx(7.5)  # no work is lost, only moved later
    assert plan.delays[["code", "team", "months_late"]].values.tolist() == [["P2", "Data", 1]]
    assert plan.delays["end_after"].iloc[0] == pd.Timestamp(APR)
    assert plan.unplaced.empty


def test_capping_a_team_without_capacity_leaves_its_work_unplaced(base):
    plan = levelling.apply_moves(*base, [Move("cap", team="UX", cap=1.0)], JAN)
    assert plan.unplaced.values.tolist() == [["UX", 0.5]]
    assert plan.grid.loc[plan.grid["team"] == "UX", "demand"].sum() == 0


def test_adding_capacity_from_a_month(base):
    plan = levelling.apply_moves(*base, [Move("capacity", team="Data", fte=1.0, from_month=FEB)], JAN)
    assert [_load(plan.grid, "Data", m) for m in (JAN, FEB)] == [1.25, 1.0]  # February: 3 for 3
    staffed = levelling.apply_moves(*base, [Move("capacity", team="UX", fte=0.5)], JAN)
    assert _load(staffed.grid, "UX", JAN) == 1.0  # a team with none gets some from the first open month


def test_moves_apply_capacity_first_then_shifts_then_caps(base):
    moves = [Move("cap", team="Data", cap=1.0), Move("capacity", team="Data", fte=1.0, from_month=JAN)]
    plan = levelling.apply_moves(*base, moves, JAN)
    assert plan.delays.empty  # with 3 FTE from January, nothing waits: the cap came after the capacity
    assert _load(plan.grid, "Data", FEB) == 1.0


def test_moves_are_checked_and_worded():
    with pytest.raises(levelling.ScenarioRefused):
        levelling.check_move(Move("shift", project="P1", months=0))
    with pytest.raises(levelling.ScenarioRefused):
        levelling.check_move(Move("cap", team="Data", cap=0))
    assert levelling.move_text(Move("shift", project="P1", months=2), "en", {"P1": "Alpha"}) == (
        "P1 Alpha: demand 2 months later"
    )
    assert (
        levelling.move_text(Move("cap", team="Data", cap=0.9), "fr")
        == "Data plafonnée à 90\u00a0% de sa capacité"
    )
    assert levelling.move_text(Move("capacity", team="Data", fte=-1.5, from_month=MAR), "en") == (
        "Data: -1.5 FTE from Mar 2027"
    )


def test_scenarios_are_saved_compared_and_one_becomes_the_plan_of_record(con, base):
    shift = [Move("shift", project="P2", months=1)]
    cap = [Move("cap", team="Data", cap=1.0), Move("capacity", team="UX", fte=1.0, from_month=JAN)]
    before = levelling.figures(levelling.grid_of(*base), JAN)
    first = levelling.save_scenario(
        con, "Beta later", shift, state_date=people.AS_OF, result=before, actor=ANN, note="COPIL"
    )
    second = levelling.save_scenario(
        con, "Data capped", cap, state_date=people.AS_OF, result=before, actor=ANN
    )
    assert levelling.scenario_moves(con, second) == cap
    with pytest.raises(levelling.ScenarioRefused, match="taken"):
        levelling.save_scenario(con, "Beta later", shift, state_date=people.AS_OF, result=before, actor=ANN)
    with pytest.raises(levelling.ScenarioRefused, match="no_move"):
        levelling.save_scenario(con, "Nothing", [], state_date=people.AS_OF, result=before, actor=ANN)
    comparison = levelling.compare_scenarios(con, [first, second], Filters(), JAN, "en")
    summary = comparison.summary.set_index("scenario")
    assert list(summary.index) == ["As reported", "Beta later", "Data capped"]
    assert summary.loc["As reported", "over_team_months"] == 3
    assert summary.loc["Beta later", "over_team_months"] == 1
    assert summary.loc["Data capped", ["over_team_months", "delayed"]].tolist() == [0, 1]
    assert summary.loc["Beta later", "moves"] == "P2 Beta: demand 1 month later"
    assert set(comparison.shortfalls["scenario"]) == {"As reported", "Beta later"}
    levelling.mark_plan_of_record(con, first, ANN)
    levelling.mark_plan_of_record(con, second, BOB)
    listed = levelling.list_scenarios(con).set_index("name")
    assert listed["plan_of_record"].to_dict() == {"Data capped": True, "Beta later": False}
    assert (
        listed.loc["Data capped", "plan_of_record_by"] == "Bob" and listed.loc["Beta later", "n_moves"] == 1
    )
    with pytest.raises(levelling.ScenarioRefused, match="delete_plan"):
        levelling.delete_scenario(con, second, ANN)
    levelling.delete_scenario(con, first, ANN)
    assert levelling.list_scenarios(con)["name"].tolist() == ["Data capped"]


def test_a_viewer_may_not_save_or_mark_a_capacity_scenario_and_the_refusal_is_recorded(con, base):
    result = levelling.figures(levelling.grid_of(*base), JAN)
    moves = [Move("cap", team="Data", cap=1.0)]
    with pytest.raises(AccessDenied):
        levelling.save_scenario(con, "Mine", moves, state_date=people.AS_OF, result=result, actor=VIEWER)
    assert levelling.list_scenarios(con).empty
    saved = levelling.save_scenario(con, "Ours", moves, state_date=people.AS_OF, result=result, actor=ANN)
    with pytest.raises(AccessDenied):
        levelling.mark_plan_of_record(con, saved, VIEWER)
    trail = audit.entries(con, audit.AuditFilter())
    assert {(a, o) for a, o in zip(trail["action"], trail["outcome"], strict=True)} >= {
        ("capacity_scenario.save", "refused"),
        ("capacity_scenario.save", "done"),
        ("capacity_scenario.plan_of_record", "refused"),
    }
