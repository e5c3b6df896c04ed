"""Selection under team capacity: capacity, not money, decides; each project left out says whether money or
which team kept it out; brute force over every subset agrees with the optimiser; the frontier under both."""

from __future__ import annotations

import itertools
import json
import random

import pandas as pd
import pytest

from pmo_core import capacity, selection
from pmo_core.filters import Filters
from tests import people
from tests.people import JAN

M = 1_000_000.0


def _candidates(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(
        [
            {
                "code": code,
                "name": code,
                "cost": cost,
                "value": value,
                "mandatory": mandatory,
                "depends_on": needs,
            }
            for code, cost, value, mandatory, needs in rows
        ]
    )


# A, B and C each ask the Data team in March 2027, which has 2 FTE left: A 1.5, B 1.0, C 1.0. D asks nobody.
FOUR = _candidates(
    [("A", M, 10, False, None), ("B", M, 8, False, None), ("C", M, 7, False, None), ("D", M, 3, False, None)]
)
DEMAND = pd.DataFrame(
    [("A", "Data", "2027-03", 1.5), ("B", "Data", "2027-03", 1.0), ("C", "Data", "2027-03", 1.0)],
    columns=["code", "team", "period", "fte"],
)
LIMITS = pd.DataFrame([("Data", "2027-03", 2.0)], columns=["team", "period", "fte"])


def _row(result: selection.Selection, code: str) -> pd.Series:
    return result.table.set_index("code").loc[code]


def test_capacity_not_money_decides_and_says_so():
    free = selection.select_portfolio(FOUR, 10 * M, unit=1.0)
    assert set(free.table.loc[free.table["selected"], "code"]) == {
        "A",
        "B",
        "C",
        "D",
    }  # money allows all four
    result = selection.select_portfolio(FOUR, 10 * M, unit=1.0, team_demand=DEMAND, team_limits=LIMITS)
    # {B, C} fits Data's 2 FTE and is worth 15; A alone is worth 10: B, C and D (18) beat A and D (13)
    assert set(result.table.loc[result.table["selected"], "code"]) == {"B", "C", "D"}
    assert result.status == "optimal" and result.value == 18
    a = _row(result, "A")
    args = json.loads(a["reason_args"])
    assert args["money"] is False and args["teams"] == [["Data", "2027-03", 1, 1.5, 0.0]]
    assert a["kept_out_by"] == "Data"
    text = selection.reason_text(a["reason"], a["reason_args"], "en", "EUR", "score")
    assert text.endswith("Kept out by team capacity: Data in Mar 2027 (needs 1.5 FTE, 0.0 free).")
    french = selection.reason_text(a["reason"], a["reason_args"], "fr", "EUR", "score")
    assert (
        "Écarté par la capacité des équipes\u00a0: Data en mars 2027 (besoin 1,5 ETP, 0,0 libres)" in french
    )


def test_each_project_out_says_money_or_team_or_both():
    five = pd.concat([FOUR, _candidates([("E", M, 2, False, None)])], ignore_index=True)
    result = selection.select_portfolio(five, 3 * M, unit=1.0, team_demand=DEMAND, team_limits=LIMITS)
    assert set(result.table.loc[result.table["selected"], "code"]) == {"B", "C", "D"}
    assert _row(result, "A")["kept_out_by"] == "money; Data"  # 4 M€ for 3, and 3.5 FTE for 2
    assert _row(result, "E")["kept_out_by"] == "money"  # no team asked: only the budget
    text = selection.reason_text(
        _row(result, "E")["reason"], _row(result, "E")["reason_args"], "en", "EUR", "score"
    )
    assert text.endswith("Kept out by the budget.")


def test_a_project_that_alone_needs_more_than_the_team_has():
    big = pd.DataFrame([("A", "Data", "2027-03", 2.5)], columns=["code", "team", "period", "fte"])
    result = selection.select_portfolio(FOUR, 10 * M, unit=1.0, team_demand=big, team_limits=LIMITS)
    a = _row(result, "A")
    assert a["reason"] == "needs_team"
    assert selection.reason_text(a["reason"], a["reason_args"], "en", "EUR", "score") == (
        "Out: beside what must be funded, it needs more people than the teams have: Data in Mar 2027 "
        "(needs 2.5 FTE, 2.0 free)."
    )


def test_mandatory_projects_over_a_team_make_the_selection_infeasible_and_say_why():
    mandatory = FOUR.assign(mandatory=[True, True, False, False])
    result = selection.select_portfolio(mandatory, 10 * M, unit=1.0, team_demand=DEMAND, team_limits=LIMITS)
    assert result.status == "infeasible" and result.problem_reason == "fixed_over_capacity"
    assert selection.infeasible_text(result.problem_reason, result.problem_args, "en", "EUR") == (
        "Nothing can be selected: the projects that must be funded need more people than the teams have: "
        "Data in Mar 2027 (needs 2.5 FTE, 2.0 free)."
    )


def test_quarters_add_the_months_up():
    quarters = DEMAND.assign(period="2027-Q1")
    limits = pd.DataFrame([("Data", "2027-Q1", 2.0)], columns=["team", "period", "fte"])
    result = selection.select_portfolio(FOUR, 10 * M, unit=1.0, team_demand=quarters, team_limits=limits)
    text = selection.reason_text(
        _row(result, "A")["reason"], _row(result, "A")["reason_args"], "en", "EUR", "score"
    )
    assert "Data in Q1 2027 (needs 1.5 person-months, 0.0 free)" in text


def _brute_force(
    candidates: pd.DataFrame, budget: float, demand: pd.DataFrame, limits: pd.DataFrame
) -> float:
    """Return the best total value over every subset that fits the budget, the teams and the dependencies."""
    codes = candidates["code"].tolist()
    cost = dict(zip(codes, candidates["cost"], strict=True))
    value = dict(zip(codes, candidates["value"], strict=True))
    needs = {c: selection.split_codes(d) for c, d in zip(codes, candidates["depends_on"], strict=True)}
    mandatory = set(candidates.loc[candidates["mandatory"], "code"])
    left = limits.set_index(["team", "period"])["fte"].clip(lower=0).to_dict()
    best = None
    for size in range(len(codes) + 1):
        for chosen in itertools.combinations(codes, size):
            picked = set(chosen)
            if not mandatory <= picked or any(not set(needs[c]) <= picked for c in picked):
                continue
            if sum(cost[c] for c in picked) > budget:
                continue
            asked = demand.loc[demand["code"].isin(picked)].groupby(["team", "period"])["fte"].sum()
            if any(fte > left.get(key, float("inf")) + 1e-9 for key, fte in asked.items()):
                continue
            total = sum(value[c] for c in picked)
            best = total if best is None else max(best, total)
    return best


def _random_case(rng: random.Random, n: int):
    codes = [f"P{i}" for i in range(n)]
    rows = []
    for i, code in enumerate(codes):
        needs = codes[rng.randrange(i)] if i and rng.random() < 0.2 else None
        rows.append(
            (code, rng.choice([1, 2, 3, 5]) * 100_000.0, rng.randint(1, 30), rng.random() < 0.08, needs)
        )
    candidates = _candidates(rows)
    periods = ["2027-01", "2027-02", "2027-03"]
    demand = pd.DataFrame(
        [
            (code, team, period, round(rng.uniform(0.2, 2.0), 1))
            for code in codes
            for team in ("Data", "Java")
            for period in periods
            if rng.random() < 0.35
        ],
        columns=["code", "team", "period", "fte"],
    )
    limits = pd.DataFrame(
        [(team, period, round(rng.uniform(1.0, 4.0), 1)) for team in ("Data", "Java") for period in periods],
        columns=["team", "period", "fte"],
    )
    return candidates, demand, limits


@pytest.mark.parametrize("seed", range(12))
def test_brute_force_over_every_subset_agrees_with_the_optimiser(seed):
    rng = random.Random(seed)
    candidates, demand, limits = _random_case(rng, rng.randint(5, 9))
    budget = float(candidates["cost"].sum()) * rng.uniform(0.3, 0.9)
    expected = _brute_force(candidates, budget, demand, limits)
    result = selection.select_portfolio(candidates, budget, unit=1.0, team_demand=demand, team_limits=limits)
    if expected is None:
        assert result.status == "infeasible"
        return
    assert result.status == "optimal" and result.value == expected
    chosen = set(result.table.loc[result.table["selected"], "code"])
    asked = demand.loc[demand["code"].isin(chosen)].groupby(["team", "period"])["fte"].sum()
    left = limits.set_index(["team", "period"])["fte"]
    assert all(fte <= left[key] + 1e-6 for key, fte in asked.items())
    out = result.table.loc[
        ~result.table["selected"] & result.table["reason"].isin(["displaces", "optimal_without", "tie"])
    ]
    assert (out["kept_out_by"] != "").all()  # every project out for want of room says what room


@pytest.mark.parametrize("seed", range(4))
def test_the_frontier_under_budget_and_capacity_is_the_brute_force_best_at_each_of_its_budgets(seed):
    rng = random.Random(100 + seed)
    candidates, demand, limits = _random_case(rng, 7)
    curve = selection.efficient_frontier(candidates, unit=1.0, team_demand=demand, team_limits=limits)
    money_only = selection.efficient_frontier(candidates, unit=1.0)
    for cost, value in zip(curve["cost"], curve["value"], strict=True):
        assert value == _brute_force(candidates, cost, demand, limits)
        assert value <= selection.best_value(money_only, cost)  # people never add value


def test_selection_limits_from_the_store(con):
    people.load(con)
    demand, left = capacity.selection_limits(con, Filters(), ["P1"], since=JAN)
    asked = demand.set_index(["team", "period"])["fte"].to_dict()
    assert asked == {("Data", "2027-01"): 1.5, ("Data", "2027-02"): 1.0, ("Data", "2027-04"): 1.0}
    free = left.set_index(["team", "period"])["fte"].to_dict()
    # Data: capacity less what P2 takes (1.0, 2.0, 1.0, 0); Java: 3 less P3's 1.5 (30 days)
    assert free == {
        ("Data", "2027-01"): 1.0,
        ("Data", "2027-02"): 0.0,
        ("Data", "2027-03"): 1.0,
        ("Data", "2027-04"): 2.0,
        ("Java", "2027-01"): 1.5,
    }
    demand, left = capacity.selection_limits(con, Filters(), ["P1"], since=JAN, by="quarter", teams=["Data"])
    assert demand.set_index("period")["fte"].to_dict() == {"2027-Q1": 2.5, "2027-Q2": 1.0}
    assert left.set_index("period")["fte"].to_dict() == {"2027-Q1": 2.0, "2027-Q2": 2.0}
