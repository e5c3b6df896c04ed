"""Scenarios: a selection saved as computed, compared side by side, one marked as the plan of record."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import scenarios as sc
from pmo_core.access import Actor
from pmo_core.selection import MONEY_UNIT, select_portfolio
from tests.actors import PMO

D = date(2026, 10, 31)


def candidates() -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "code": "A",
                "name": "Alpha",
                "cost": 50.0,
                "value": 40.0,
                "mandatory": False,
                "depends_on": None,
            },
            {"code": "B", "name": "Beta", "cost": 30.0, "value": 35.0, "mandatory": False, "depends_on": "A"},
            {
                "code": "C",
                "name": "Gamma",
                "cost": 40.0,
                "value": 30.0,
                "mandatory": False,
                "depends_on": None,
            },
        ]
    )


def years() -> pd.DataFrame:
    return pd.DataFrame({"code": ["A", "B", "C"], "year": [2027, 2028, 2027], "cost": [50.0, 30.0, 40.0]})


def save(con, name: str, budget: float, user: str = "ann") -> int:
    result = select_portfolio(candidates(), budget, unit=MONEY_UNIT, year_costs=years())
    return sc.save_scenario(
        con,
        name,
        result,
        objective="npv",
        cost_basis="budget",
        state_date=D,
        filters="",
        actor=Actor(user, "pmo"),
    )


def test_a_scenario_keeps_the_selection_as_computed(con):
    sid = save(con, "Lean", 80)
    saved = sc.list_scenarios(con).set_index("scenario_id").loc[sid]
    # 80 buys A + B (75) rather than A or C alone.
    assert (saved["total_value"], saved["total_cost"], saved["n_selected"], saved["n_candidates"]) == (
        75,
        80,
        2,
        3,
    )
    assert saved["created_by"] == "ann" and not saved["plan_of_record"]


def test_names_are_required_and_unique(con):
    save(con, "Lean", 80)
    with pytest.raises(sc.ScenarioRefused, match="taken"):
        save(con, "Lean", 120)
    with pytest.raises(sc.ScenarioRefused, match="name"):
        save(con, "  ", 120)


def test_an_infeasible_selection_is_not_saved(con):
    result = select_portfolio(candidates(), 10, unit=MONEY_UNIT, forced_in=("A",))
    with pytest.raises(sc.ScenarioRefused, match="no_selection"):
        sc.save_scenario(
            con,
            "Nope",
            result,
            objective="npv",
            cost_basis="budget",
            state_date=D,
            filters="",
            actor=Actor("ann", "pmo"),
        )


def test_up_to_four_scenarios_side_by_side(con):
    lean, full, mid = save(con, "Lean", 80), save(con, "Full", 120), save(con, "Mid", 50)
    compared = sc.compare_scenarios(con, [full, lean, mid])
    assert list(compared.summary["name"]) == ["Full", "Lean", "Mid"]
    assert list(compared.summary["total_value"]) == [
        105,
        75,
        40,
    ]  # all three; A + B; A alone (40 beats C's 30)
    per_year = compared.years.pivot_table(index="scenario", columns="year", values="cost")
    assert per_year.loc["Full"].tolist() == [90.0, 30.0]  # A + C in 2027, B in 2028
    assert per_year.loc["Lean"].tolist() == [50.0, 30.0]
    projects = compared.projects.set_index("code")
    assert projects.loc["C", ["Full", "Lean", "Mid"]].tolist() == [True, False, False]
    assert list(compared.projects["code"]) == ["B", "C", "A"]  # the ones that differ come first
    assert not projects.loc["A", "differs"]
    with pytest.raises(sc.ScenarioRefused, match="too_many"):
        sc.compare_scenarios(con, [lean, full, mid, save(con, "Four", 60), save(con, "Five", 70)])


def test_the_plan_of_record_is_the_last_marked_and_keeps_who_and_when(con):
    lean, full = save(con, "Lean", 80), save(con, "Full", 120)
    assert sc.plan_of_record(con) is None
    sc.mark_plan_of_record(con, lean, Actor("ann", "pmo"))
    sc.mark_plan_of_record(con, full, Actor("bob", "pmo"))
    assert sc.plan_of_record(con) == full
    listed = sc.list_scenarios(con).set_index("scenario_id")
    assert listed.loc[full, "plan_of_record"] and not listed.loc[lean, "plan_of_record"]
    assert listed.loc[full, "plan_of_record_by"] == "bob"
    with pytest.raises(sc.ScenarioRefused, match="delete_plan"):
        sc.delete_scenario(con, full, PMO)
    sc.delete_scenario(con, lean, PMO)
    assert list(sc.list_scenarios(con)["name"]) == ["Full"]
    with pytest.raises(sc.ScenarioRefused, match="unknown"):
        sc.mark_plan_of_record(con, 999, Actor("ann", "pmo"))
