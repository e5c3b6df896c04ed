"""Selection under a budget: the optimiser against brute force, the frontier, and the reasons given."""

from __future__ import annotations

import itertools
import json
from datetime import date

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core import selection, snapshots
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from pmo_core.selection import MONEY_UNIT, build_problem, efficient_frontier, select_portfolio, solve
from tests.actors import PMO


def frame(*rows: tuple) -> pd.DataFrame:
    """Candidates from (code, cost, value, mandatory, depends_on) tuples; the name is the code."""
    return pd.DataFrame(
        [
            {"code": c, "name": c, "cost": cost, "value": value, "mandatory": m, "depends_on": d}
            for c, cost, value, m, d in rows
        ]
    )


# --------------------------------------------------------------------------------------------------
# Brute force, written from the rules and not from the optimiser's code


def feasible(
    rows: pd.DataFrame, chosen: set[str], budget: float, forced_in, forced_out, years, year_budgets
) -> bool:
    cost = dict(zip(rows["code"], rows["cost"], strict=True))
    if sum(cost[c] for c in chosen) > budget:
        return False
    for code, mandatory, depends in zip(rows["code"], rows["mandatory"], rows["depends_on"], strict=True):
        if code in forced_out and code in chosen:
            return False
        if (code in forced_in or (mandatory and code not in forced_out)) and code not in chosen:
            return False
        needs = depends.replace(";", ",").split(",") if isinstance(depends, str) else []
        if code in chosen and any(n.strip() in cost and n.strip() not in chosen for n in needs):
            return False
    for year, limit in year_budgets.items():
        spent = sum(cost for code, y, cost in years if y == year and code in chosen)
        if spent > limit:
            return False
    return True


def brute(rows, budget, forced_in=(), forced_out=(), years=(), year_budgets=None):
    """Return (best value, least cost at that value) over every subset, or None when nothing is feasible."""
    codes = list(rows["code"])
    value = dict(zip(codes, rows["value"], strict=True))
    cost = dict(zip(codes, rows["cost"], strict=True))
    best = None
    for k in range(len(codes) + 1):
        for subset in itertools.combinations(codes, k):
            chosen = set(subset)
            if feasible(rows, chosen, budget, set(forced_in), set(forced_out), years, year_budgets or {}):
                key = (sum(value[c] for c in chosen), -sum(cost[c] for c in chosen))
                best = key if best is None or key > best else best
    return None if best is None else (best[0], -best[1])


@st.composite
def instances(draw):
    n = draw(st.integers(1, 7))
    codes = [f"P{i}" for i in range(n)]
    rows = []
    for i, code in enumerate(codes):
        prerequisites = draw(st.lists(st.sampled_from(codes), max_size=2)) if n > 1 else []
        depends = ";".join(p for p in prerequisites if p != code) or None
        rows.append(
            (
                code,
                draw(st.integers(0, 60)),
                draw(st.integers(-10, 50)),
                draw(st.booleans()) and i % 3 == 0,
                depends,
            )
        )
    candidates = frame(*rows)
    forced = draw(st.lists(st.sampled_from(codes), max_size=3, unique=True))
    split = draw(st.integers(0, len(forced)))
    budget = draw(st.integers(0, int(candidates["cost"].sum()) + 10))
    return candidates, tuple(forced[:split]), tuple(forced[split:]), budget


@settings(max_examples=150, deadline=None)
@given(instances())
def test_the_optimiser_finds_the_brute_force_optimum(instance):
    candidates, forced_in, forced_out, budget = instance
    expected = brute(candidates, budget, forced_in, forced_out)
    problem = build_problem(candidates, unit=MONEY_UNIT, forced_in=forced_in, forced_out=forced_out)
    found = solve(problem, budget)
    if expected is None:
        assert found.status == "infeasible"
        return
    assert found.status == "optimal"
    chosen = {problem.codes[i] for i in found.chosen}
    assert feasible(candidates, chosen, budget, set(forced_in), set(forced_out), (), {})
    assert (found.value, found.cost) == expected  # the best value, and the cheapest selection of that value


@settings(max_examples=100, deadline=None)
@given(instances())
def test_the_frontier_gives_the_brute_force_optimum_at_every_budget(instance):
    candidates, forced_in, forced_out, _ = instance
    curve = efficient_frontier(candidates, unit=MONEY_UNIT, forced_in=forced_in, forced_out=forced_out)
    for budget in range(0, int(candidates["cost"].sum()) + 2, 7):
        expected = brute(candidates, budget, forced_in, forced_out)
        assert selection.best_value(curve, budget) == (None if expected is None else expected[0]), budget


@settings(max_examples=60, deadline=None)
@given(instances(), st.integers(0, 40), st.integers(0, 40))
def test_per_year_budgets_are_kept_as_brute_force_keeps_them(instance, limit_a, limit_b):
    candidates, forced_in, forced_out, budget = instance
    # Each project spends a third of its cost in 2027 and the rest in 2028 (rounded to whole units).
    years = [(c, 2027, cost // 3) for c, cost in zip(candidates["code"], candidates["cost"], strict=True)]
    years += [
        (c, 2028, cost - cost // 3) for c, cost in zip(candidates["code"], candidates["cost"], strict=True)
    ]
    year_frame = pd.DataFrame(years, columns=["code", "year", "cost"])
    limits = {2027: float(limit_a), 2028: float(limit_b)}
    expected = brute(candidates, budget, forced_in, forced_out, years, limits)
    problem = build_problem(
        candidates,
        unit=MONEY_UNIT,
        forced_in=forced_in,
        forced_out=forced_out,
        year_costs=year_frame,
        year_budgets=limits,
    )
    found = solve(problem, budget)
    assert (found.status == "infeasible") == (expected is None)
    if expected is not None:
        assert found.value == expected[0]


# --------------------------------------------------------------------------------------------------
# A worked example: every reason, worked out by hand


def worked() -> pd.DataFrame:
    return frame(
        ("M", 20, 5, True, None),  # mandatory
        ("A", 50, 40, False, None),
        ("B", 30, 35, False, "A"),  # B only with A
        ("C", 40, 30, False, None),
        ("D", 90, 60, False, None),  # with M it costs 110 > 100
        ("E", 10, 0, False, None),  # no value
        ("F", 10, 50, False, None),  # forced out below
        ("G", 5, 10, False, "F"),  # needs F
        ("H", 8, 4, False, None),
    )


def reasons(result) -> dict[str, tuple[str, dict]]:
    return {
        code: (reason, json.loads(args))
        for code, reason, args in zip(
            result.table["code"], result.table["reason"], result.table["reason_args"], strict=True
        )
    }


def test_a_worked_selection_and_its_reasons():
    result = select_portfolio(worked(), 100, unit=MONEY_UNIT, forced_out=("F",))
    # After M (20), 80 is left: A + B (80) gives 75; A + C is 90; D is 90; so M + A + B = 80 for 100.
    assert result.status == "optimal"
    assert set(result.table.loc[result.table["selected"], "code"]) == {"M", "A", "B"}
    assert (result.value, result.cost) == (80, 100)
    why = reasons(result)
    assert why["M"][0] == "mandatory"
    assert why["A"] == ("required_by", {"projects": ["B"]})
    # Without B the best is M + A + H (+ E) = 49, so B is worth 80 - 49 = 31.
    assert why["B"][0] == "chosen" and why["B"][1]["loss"] == 31
    # Forcing C in: M + C = 60 leaves 40, where A (50) does not fit: M + C + H = 39, a loss of 41 (A, B dropped).
    assert why["C"][0] == "displaces" and why["C"][1]["loss"] == 41
    assert set(why["C"][1]["displaces"]) == {"A", "B"}
    assert why["D"][0] == "too_costly" and why["D"][1]["needed"] == 110
    assert why["E"][0] == "no_value"
    assert why["F"][0] == "forced_out"
    assert why["G"] == ("needs_forced_out", {"projects": ["F"]})
    # Forcing H in: M + H + A (+ E) = 49, a loss of 31 that drops B.
    assert why["H"][0] == "displaces" and why["H"][1]["loss"] == 31 and why["H"][1]["displaces"] == ["B"]


def test_ten_percent_more_brings_in_what_fits_in_it():
    result = select_portfolio(worked(), 100, unit=MONEY_UNIT, forced_out=("F",))
    # 110: M + A + B + H = 108 for 84; nothing else of value fits in the 2 left.
    assert result.more.comes_in == ("H",)
    assert result.more.goes_out == ()
    assert (result.more.value, result.more.cost) == (84, 108)


def test_the_worked_frontier_at_hand_picked_budgets():
    curve = efficient_frontier(worked(), unit=MONEY_UNIT, forced_out=("F",))
    # Below M's 20 nothing is feasible; 28 buys M + H; 60 buys M + C (35); 70 buys M + A (45).
    expected = {19: None, 20: 5, 28: 9, 60: 35, 70: 45, 100: 80, 108: 84}
    assert {b: selection.best_value(curve, b) for b in expected} == expected


def test_a_project_forced_in_brings_its_prerequisite():
    result = select_portfolio(worked(), 100, unit=MONEY_UNIT, forced_in=("B",), forced_out=("F",))
    assert reasons(result)["B"][0] == "forced_in"
    assert reasons(result)["A"][0] == "required_by"


def test_required_projects_over_budget_say_so_instead_of_selecting():
    result = select_portfolio(worked(), 60, unit=MONEY_UNIT, forced_in=("D",))
    assert result.status == "infeasible"
    assert result.problem_reason == "fixed_over_budget"
    assert json.loads(result.problem_args)["cost"] == 110  # M 20 + D 90


def test_forcing_in_a_project_whose_prerequisite_is_forced_out_is_a_conflict():
    result = select_portfolio(worked(), 500, unit=MONEY_UNIT, forced_in=("G",), forced_out=("F",))
    assert result.status == "infeasible" and result.problem_reason == "conflict"


def test_a_project_without_cost_or_value_is_said_to_be_so():
    candidates = frame(("A", 10, 5, False, None), ("B", None, 50, False, None), ("C", 10, None, False, None))
    result = select_portfolio(candidates, 100, unit=MONEY_UNIT)
    why = reasons(result)
    assert why["B"][0] == "no_cost"
    assert why["C"][0] == "no_value_given"
    assert list(result.table.loc[result.table["selected"], "code"]) == ["A"]


def test_equal_projects_are_a_tie_and_the_reason_says_so():
    candidates = frame(("X", 10, 5, False, None), ("Y", 10, 5, False, None))
    result = select_portfolio(candidates, 10, unit=MONEY_UNIT)
    out = result.table.loc[~result.table["selected"], "reason"].tolist()
    assert out == ["tie"]


def test_per_year_budgets_change_the_selection_and_report_the_years():
    # A spends 30 in 2027 and C 40: with 2027 capped at 35 only one of them fits, and A + B (75) beats C (30).
    years = pd.DataFrame({"code": ["A", "B", "C"], "year": [2027, 2028, 2027], "cost": [30.0, 30.0, 40.0]})
    candidates = frame(("A", 50, 40, False, None), ("B", 30, 35, False, "A"), ("C", 40, 30, False, None))
    free = select_portfolio(candidates, 120, unit=MONEY_UNIT, year_costs=years)
    capped = select_portfolio(candidates, 120, unit=MONEY_UNIT, year_costs=years, year_budgets={2027: 35})
    assert set(free.table.loc[free.table["selected"], "code"]) == {"A", "B", "C"}
    assert set(capped.table.loc[capped.table["selected"], "code"]) == {"A", "B"}
    assert capped.years.set_index("year")["cost"].to_dict() == {2027: 30.0, 2028: 30.0}
    assert reasons(capped)["C"][0] == "does_not_fit_years"


def test_reasons_read_as_sentences_in_both_languages():
    result = select_portfolio(worked(), 100, unit=MONEY_UNIT, forced_out=("F",))
    row = result.table.set_index("code").loc["D"]
    en = selection.reason_text(row["reason"], row["reason_args"], "en", "EUR", "npv")
    fr = selection.reason_text(row["reason"], row["reason_args"], "fr", "EUR", "npv")
    assert "€110" in en and "110\u00a0€" in fr


def test_the_frontier_for_500_candidates_takes_two_seconds_at_most():
    rng = np.random.default_rng(5)
    n = 500
    codes = [f"P{i:03d}" for i in range(n)]
    depends = [codes[rng.integers(0, n)] if rng.random() < 0.1 else None for _ in range(n)]
    candidates = pd.DataFrame(
        {
            "code": codes,
            "name": codes,
            "cost": rng.uniform(5e4, 5e6, n).round(-3),
            "value": rng.uniform(0, 100, n).round(1),
            "mandatory": rng.random(n) < 0.02,
            "depends_on": depends,
        }
    )
    curve = efficient_frontier(candidates, unit=selection.SCORE_UNIT)  # timed in bench/priorities_bench.py
    assert curve["value"].is_monotonic_increasing and curve["cost"].is_monotonic_increasing


# --------------------------------------------------------------------------------------------------
# Candidates from the store


def test_candidates_leave_closed_projects_out_and_offer_both_cost_bases(con):
    projects = pd.DataFrame(
        [
            {
                "code": "A",
                "name": "Alpha",
                "budget": 100.0,
                "actual_cost": 30.0,
                "phase": "Réalisation",
                "npv": 50.0,
            },
            {
                "code": "B",
                "name": "Beta",
                "budget": 80.0,
                "actual_cost": 90.0,
                "phase": "Build",
                "npv": 20.0,
                "depends_on": "A; Z; C",
            },
            {"code": "C", "name": "Gamma", "budget": 60.0, "phase": "Clôture", "npv": 10.0},
            {"code": "D", "name": "Delta", "budget": 60.0, "percent_complete": 1.0, "npv": 10.0},
        ]
    )
    plan = plan_from_frames(con, {"projects": projects}, scope="full", as_of=date(2026, 10, 31))
    snapshots.apply_plan(con, plan, PMO)
    budget = selection.selection_candidates(con, Filters(), model_id=None, cost_basis="budget", rate=0.08)
    remaining = selection.selection_candidates(
        con, Filters(), model_id=None, cost_basis="remaining", rate=0.08
    )
    assert list(budget["code"]) == ["A", "B"]  # C is in its closing phase, D is 100 % complete
    assert list(budget["cost"]) == [100.0, 80.0]
    assert list(remaining["cost"]) == [70.0, 0.0]  # B spent more than its budget: nothing left, not negative
    assert json.loads(budget.set_index("code").loc["B", "outside_prerequisites"]) == [
        ["Z", "unknown"],
        ["C", "closed"],
    ]


def test_with_yearly_budgets_each_frontier_point_is_the_optimum_at_its_cost():
    years = pd.DataFrame({"code": list("MABCDEH"), "year": [2027] * 7, "cost": [20.0, 50, 30, 40, 90, 10, 8]})
    curve = efficient_frontier(
        worked(), unit=MONEY_UNIT, forced_out=("F",), year_costs=years, year_budgets={2027: 75.0}
    )
    problem = build_problem(
        worked(), unit=MONEY_UNIT, forced_out=("F",), year_costs=years, year_budgets={2027: 75.0}
    )
    assert len(curve) >= 2 and curve["value"].is_monotonic_increasing
    for cost, value in zip(curve["cost"], curve["value"], strict=True):
        assert solve(problem, cost).value == value
    # With 75 a year, M + A is the most (45 for 70): A + B (80) no longer fits beside M.
    assert curve["value"].max() == 45
