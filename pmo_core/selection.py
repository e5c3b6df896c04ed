"""Which projects to fund under a budget, proven optimal, and why each is in or out.

The selection is a 0/1 knapsack solved exactly by mixed-integer programming (scipy.optimize.milp, HiGHS,
zero optimality gap): maximise the total value (a model's score or the NPV) with total cost <= budget,
optional per-year budgets on the business-case yearly costs, the capacity each team has left per month or
quarter (the demand of the projects selected stays within it), projects forced in or out, mandatory
projects, and dependencies (B only with A). Values are counted on a grid (a thousandth of a point, or
one currency unit of NPV) and costs in whole currency units, so "optimal" is exact on those figures.
Among selections of equal value the cheapest is kept. The efficient frontier (the best value for every
budget) is computed exactly by merging Pareto sets, one group of dependent projects at a time.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pandas as pd
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import coo_array, csr_array

from pmo_core import business_case, formatting, priorities
from pmo_core.filters import Filters
from pmo_core.i18n import t

SCORE_UNIT, MONEY_UNIT = 0.001, 1.0  # the value grid: a thousandth of a point, one currency unit
MORE_BUDGET = 1.10  # "what comes in with 10 % more"
MAX_CANDIDATES = (
    500  # the page selects among this many projects at most: beyond, it asks for narrower filters
)
MAX_GROUP = 16  # a dependency group larger than this is swept by MILP instead of enumerated
GRID_POINTS = 21  # budgets solved when per-year budgets or team capacity make the frontier multi-dimensional
LARGE_TEAM_PROBLEM = (
    150  # candidates past which a frontier under team capacity is solved at half as many budgets
)
CHART_POINTS = 600  # frontier points sent to a chart at most
TIME_LIMIT = 60.0  # seconds; a solve stopped by it is reported as not proven optimal
PROOF_TIME_LIMIT = 2.0  # seconds for each re-solve behind a reason; past it the reason holds by optimality
TEAM_TOLERANCE = 1e-6  # FTE: demand written to one decimal adds up with float noise
# With team rows a MILP is much harder: each budget of the frontier's grid, and the 10 % more budget, get this
# long; a budget not proven optimal in that time is left off the frontier, and "10 % more" is not said.
TEAM_TIME_LIMIT = 2.0
TEAMS_SAID = 3  # teams a reason names at most


@dataclass(frozen=True)
class Problem:
    """A selection problem on the candidates that have a cost, indexed 0..n-1."""

    codes: tuple[str, ...]
    names: tuple[str, ...]
    costs: np.ndarray  # whole currency units
    values: np.ndarray  # integers on the value grid
    unit: float
    requires: tuple[tuple[int, ...], ...]  # prerequisites among the candidates
    mandatory: frozenset[int]
    forced_in: frozenset[int]
    forced_out: frozenset[int]
    fixed_in: frozenset[int]  # mandatory and forced in projects, with their prerequisites
    fixed_out: frozenset[int]  # forced out projects, with every project that needs one
    year_costs: dict[int, np.ndarray] = field(default_factory=dict)
    year_budgets: dict[int, float] = field(default_factory=dict)
    # Team capacity: one row per (team, period) some candidate asks for; FTE (or person-months by quarter).
    team_matrix: csr_array | None = None  # rows x candidates: what each candidate asks of the team then
    team_limits: np.ndarray = field(default_factory=lambda: np.zeros(0))  # what the team has left then
    team_keys: tuple[tuple[str, str], ...] = ()  # (team, period) of each row: "2027-03" or "2027-Q1"

    @property
    def n(self) -> int:
        return len(self.codes)

    def conflicts(self) -> frozenset[int]:
        """Projects that must be both in and out: nothing can be selected then."""
        return self.fixed_in & self.fixed_out


@dataclass(frozen=True)
class Solution:
    status: str  # "optimal", "infeasible" or "not_proven"
    chosen: frozenset[int]
    value: float  # in value units (points or currency)
    cost: float


# --------------------------------------------------------------------------------------------------
# The problem


def split_codes(text: object) -> list[str]:
    """Return the codes of a depends_on cell: separated by commas or semicolons, blanks dropped."""
    if not isinstance(text, str):
        return []
    return [part.strip() for part in re.split(r"[,;]", text) if part.strip()]


def build_problem(
    candidates: pd.DataFrame,
    *,
    unit: float,
    forced_in: tuple[str, ...] = (),
    forced_out: tuple[str, ...] = (),
    year_costs: pd.DataFrame | None = None,
    year_budgets: dict[int, float] | None = None,
    team_demand: pd.DataFrame | None = None,
    team_limits: pd.DataFrame | None = None,
) -> Problem:
    """Turn candidates (code, name, cost, value, mandatory, depends_on) into a problem; rows without a
    cost are left out (the explanation lists them). Forcing out wins over mandatory.

    `team_demand` (code, team, period, fte) and `team_limits` (team, period, fte) add one capacity row per
    team and period that a candidate asks for and that states a capacity (capacity.selection_limits)."""
    rows = candidates.loc[candidates["cost"].notna()].reset_index(drop=True)
    index = {code: i for i, code in enumerate(rows["code"])}
    requires = tuple(
        tuple(index[c] for c in split_codes(d) if c in index and c != code)
        for code, d in zip(rows["code"], rows["depends_on"], strict=True)
    )
    out = frozenset(index[c] for c in forced_out if c in index)
    mandatory = frozenset(i for i, m in enumerate(rows["mandatory"].fillna(False)) if m)
    forced = frozenset(index[c] for c in forced_in if c in index)
    values = pd.to_numeric(rows["value"], errors="coerce").fillna(0).to_numpy(dtype=float)
    return Problem(
        codes=tuple(rows["code"]),
        names=tuple(rows["name"].fillna(rows["code"])),
        costs=np.round(np.maximum(rows["cost"].to_numpy(dtype=float), 0)),
        values=np.round(values / unit),
        unit=unit,
        requires=requires,
        mandatory=mandatory,
        forced_in=forced,
        forced_out=out,
        fixed_in=_closure((mandatory - out) | forced, requires),
        fixed_out=_dependants(out, requires),
        year_costs=_year_matrix(year_costs, index, len(rows)),
        year_budgets={
            int(y): float(b) for y, b in (year_budgets or {}).items() if b is not None and np.isfinite(b)
        },
        **_team_rows(team_demand, team_limits, index, len(rows)),
    )


def _team_rows(
    demand: pd.DataFrame | None, limits: pd.DataFrame | None, index: dict[str, int], n: int
) -> dict:
    """Return the capacity rows of a problem: a sparse matrix of what each candidate asks of a team in a
    period, and what the team has left then (never below zero: other projects may already take it all)."""
    if demand is None or limits is None or demand.empty or limits.empty:
        return {}
    asked = demand.loc[demand["code"].isin(index) & (demand["fte"] > 0)]
    left = limits.groupby(["team", "period"])["fte"].sum().clip(lower=0)
    asked = asked.loc[pd.MultiIndex.from_frame(asked[["team", "period"]]).isin(left.index)]
    # A row that every candidate together fits can never bind: the solver is spared it.
    total = asked.groupby(["team", "period"])["fte"].sum()
    binding = total.index[total > left.reindex(total.index) + TEAM_TOLERANCE]
    asked = asked.loc[pd.MultiIndex.from_frame(asked[["team", "period"]]).isin(binding)]
    if asked.empty:
        return {}
    keys = sorted(set(zip(asked["team"], asked["period"], strict=True)))
    row_of = {key: r for r, key in enumerate(keys)}
    rows = [row_of[key] for key in zip(asked["team"], asked["period"], strict=True)]
    columns = asked["code"].map(index).to_numpy()
    matrix = coo_array((asked["fte"].to_numpy(dtype=float), (rows, columns)), shape=(len(keys), n)).tocsr()
    return {
        "team_matrix": csr_array(matrix),
        "team_limits": np.array([left[key] for key in keys], dtype=float),
        "team_keys": tuple(keys),
    }


def _closure(start: frozenset[int], requires: tuple[tuple[int, ...], ...]) -> frozenset[int]:
    """Return the projects with every prerequisite they need, transitively."""
    seen, stack = set(start), list(start)
    while stack:
        for a in requires[stack.pop()]:
            if a not in seen:
                seen.add(a)
                stack.append(a)
    return frozenset(seen)


def _dependants(start: frozenset[int], requires: tuple[tuple[int, ...], ...]) -> frozenset[int]:
    """Return the projects and every project that needs one of them, transitively."""
    needed_by: dict[int, list[int]] = {}
    for b, prerequisites in enumerate(requires):
        for a in prerequisites:
            needed_by.setdefault(a, []).append(b)
    seen, stack = set(start), list(start)
    while stack:
        for b in needed_by.get(stack.pop(), ()):
            if b not in seen:
                seen.add(b)
                stack.append(b)
    return frozenset(seen)


def _year_matrix(year_costs: pd.DataFrame | None, index: dict[str, int], n: int) -> dict[int, np.ndarray]:
    """Return, per calendar year, each candidate's cost that year (0 when it has none)."""
    if year_costs is None or year_costs.empty:
        return {}
    matrix: dict[int, np.ndarray] = {}
    for code, year, cost in zip(year_costs["code"], year_costs["year"], year_costs["cost"], strict=True):
        if code in index and pd.notna(cost):
            matrix.setdefault(int(year), np.zeros(n))[index[code]] += float(cost)
    return matrix


# --------------------------------------------------------------------------------------------------
# Exact solving


def solve(
    problem: Problem,
    budget: float,
    *,
    fix_in: frozenset[int] = frozenset(),
    fix_out: frozenset[int] = frozenset(),
    year_factor: float = 1.0,
    cheapest: bool = True,
    time_limit: float = TIME_LIMIT,
) -> Solution:
    """Return the selection of highest total value within the budget (and the cheapest such one)."""
    n = problem.n
    lower = np.zeros(n)
    upper = np.ones(n)
    lower[list(problem.fixed_in | fix_in)] = 1
    upper[list(problem.fixed_out | fix_out)] = 0
    if np.any(lower > upper) or budget < 0:
        return Solution("infeasible", frozenset(), 0.0, 0.0)
    if n == 0:
        return Solution("optimal", frozenset(), 0.0, 0.0)
    constraints = _constraints(problem, budget, year_factor)
    objective = -problem.values
    if cheapest and problem.team_matrix is not None:
        # Under team rows a second solve for the cheapest costs as much as the first: one solve prefers the
        # cheaper of equal values instead, all the costs together weighing less than half a unit of value.
        objective = objective + problem.costs * (0.5 / (float(problem.costs.sum()) + 1.0))
        cheapest = False
    best = milp(
        objective,
        integrality=np.ones(n),
        bounds=Bounds(lower, upper),
        constraints=constraints,
        options={"mip_rel_gap": 0, "time_limit": time_limit},
    )
    if best.x is None:
        return Solution("infeasible" if best.status == 2 else "not_proven", frozenset(), 0.0, 0.0)
    x = best.x
    proven = best.status == 0
    if cheapest and proven:
        top = float(problem.values @ np.round(x))
        floor = LinearConstraint(problem.values[None, :], top - 0.5, np.inf)  # values are integers: exact
        cheaper = milp(
            problem.costs,
            integrality=np.ones(n),
            bounds=Bounds(lower, upper),
            constraints=[*constraints, floor],
            options={"mip_rel_gap": 0, "time_limit": time_limit},
        )
        if cheaper.x is not None and cheaper.status == 0:
            x = cheaper.x
    chosen = frozenset(int(i) for i in np.flatnonzero(np.round(x) > 0.5))
    return _solution("optimal" if proven else "not_proven", problem, chosen)


def _solution(status: str, problem: Problem, chosen: frozenset[int]) -> Solution:
    picked = list(chosen)
    return Solution(
        status, chosen, float(problem.values[picked].sum()) * problem.unit, float(problem.costs[picked].sum())
    )


def _constraints(problem: Problem, budget: float, year_factor: float) -> list[LinearConstraint]:
    """Return the budget row, the per-year rows and one row x_b - x_a <= 0 per dependency."""
    rows = [LinearConstraint(problem.costs[None, :], -np.inf, budget)]
    for year, limit in sorted(problem.year_budgets.items()):
        costs = problem.year_costs.get(year)
        if costs is not None:
            rows.append(LinearConstraint(costs[None, :], -np.inf, limit * year_factor))
    if problem.team_matrix is not None:
        rows.append(LinearConstraint(problem.team_matrix, -np.inf, problem.team_limits + TEAM_TOLERANCE))
    pairs = [(b, a) for b, prerequisites in enumerate(problem.requires) for a in prerequisites]
    if pairs:
        r = np.repeat(np.arange(len(pairs)), 2)
        c = np.array([i for pair in pairs for i in pair])
        data = np.tile([1.0, -1.0], len(pairs))
        matrix = coo_array((data, (r, c)), shape=(len(pairs), problem.n)).tocsr()
        rows.append(LinearConstraint(matrix, -np.inf, 0))
    return rows


# --------------------------------------------------------------------------------------------------
# The efficient frontier


def frontier(problem: Problem) -> pd.DataFrame:
    """Return every Pareto-optimal (cost, value) pair: the best value for every budget is the value of the
    last pair whose cost fits. Exact; per-year budgets fall back to solving a grid of budgets."""
    columns = ["cost", "value", "n_projects"]
    if problem.conflicts():
        return pd.DataFrame(columns=columns)
    groups = _groups(problem)
    if problem.year_budgets or problem.team_matrix is not None or any(len(g) > MAX_GROUP for g in groups):
        return _grid_frontier(problem)
    fixed = sorted(problem.fixed_in)
    cost, value, count = (
        np.array([problem.costs[fixed].sum()]),
        np.array([problem.values[fixed].sum()]),
        np.array([len(fixed)]),
    )
    for group in sorted(groups, key=lambda g: -problem.costs[g].sum()):
        options = _group_options(problem, group)
        cost = (options[0][:, None] + cost[None, :]).ravel()  # one sorted run per option
        value = (options[1][:, None] + value[None, :]).ravel()
        count = (options[2][:, None] + count[None, :]).ravel()
        cost, value, count = _pareto(cost, value, count)
    return pd.DataFrame({"cost": cost, "value": value * problem.unit, "n_projects": count})


def _groups(problem: Problem) -> list[list[int]]:
    """Return the free projects (neither fixed in nor out) grouped by the dependencies that link them."""
    free = [i for i in range(problem.n) if i not in problem.fixed_in and i not in problem.fixed_out]
    parent = {i: i for i in free}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for b in free:
        for a in problem.requires[b]:
            if a in parent:
                parent[root(b)] = root(a)
    groups: dict[int, list[int]] = {}
    for i in free:
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _group_options(problem: Problem, group: list[int]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the Pareto-optimal ways to fund part of a group: every subset closed under prerequisites."""
    k = len(group)
    masks = np.arange(2**k, dtype=np.int64)
    bits = ((masks[:, None] >> np.arange(k)) & 1).astype(bool)
    position = {p: j for j, p in enumerate(group)}
    valid = np.ones(masks.size, dtype=bool)
    for j, p in enumerate(group):
        for a in problem.requires[p]:
            if a in position:  # a prerequisite fixed in is always there; fixed out ones left no dependant
                valid &= ~bits[:, j] | bits[:, position[a]]
    bits = bits[valid]
    return _pareto(bits @ problem.costs[group], bits @ problem.values[group], bits.sum(axis=1))


def _pareto(
    cost: np.ndarray, value: np.ndarray, count: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Keep the pairs no other pair beats: cheaper first, each strictly more valuable than all cheaper."""
    order = np.argsort(cost, kind="stable")  # the inputs are a few sorted runs: a linear-time merge
    cost, value, count = cost[order], value[order], count[order]
    best_before = np.concatenate([[-np.inf], np.maximum.accumulate(value)[:-1]])
    keep = value > best_before
    cost, value, count = cost[keep], value[keep], count[keep]
    last = np.append(cost[1:] != cost[:-1], True)  # of equal costs, the last kept is the most valuable
    return cost[last], value[last], count[last]


def _grid_frontier(problem: Problem) -> pd.DataFrame:
    """Solve the selection at evenly spaced budgets: each value is proven optimal at its budget and drawn at
    the cost of the selection found, since the best value is the same for every budget in between."""
    low = float(problem.costs[sorted(problem.fixed_in)].sum())
    high = float(problem.costs[[i for i in range(problem.n) if i not in problem.fixed_out]].sum())
    points, unproven = [], 0
    teams = problem.team_matrix is not None
    limit = TEAM_TIME_LIMIT if teams else TIME_LIMIT
    count = GRID_POINTS if not teams or problem.n <= LARGE_TEAM_PROBLEM else GRID_POINTS // 2
    for budget in np.unique(np.linspace(low, high, count)):
        solution = solve(problem, float(budget), cheapest=False, time_limit=limit)
        if solution.status == "optimal":
            points.append((solution.cost, round(solution.value / problem.unit), len(solution.chosen)))
        elif solution.status == "not_proven":
            unproven += 1
    if not points:
        curve = pd.DataFrame(columns=["cost", "value", "n_projects"])
    else:
        cost, value, count = _pareto(*(np.array(column, dtype=float) for column in zip(*points, strict=True)))
        curve = pd.DataFrame({"cost": cost, "value": value * problem.unit, "n_projects": count.astype(int)})
    curve.attrs["unproven"] = unproven  # budgets left off the curve: not proven optimal in time
    return curve


def best_value(curve: pd.DataFrame, budget: float) -> float | None:
    """Return the frontier's best value within a budget; None below the cheapest feasible selection."""
    fits = curve.loc[curve["cost"] <= budget + 1e-9, "value"]
    return float(fits.max()) if len(fits) else None


def chart_points(curve: pd.DataFrame, limit: int = CHART_POINTS) -> pd.DataFrame:
    """Thin a frontier for a chart: in each of `limit` budget bins keep the best point (exact where shown)."""
    if len(curve) <= limit:
        return curve.reset_index(drop=True)
    bins = np.linspace(curve["cost"].min(), curve["cost"].max(), limit + 1)
    which = np.clip(np.searchsorted(bins, curve["cost"], side="right") - 1, 0, limit - 1)
    kept = curve.groupby(which).tail(1)  # the last (best) point of each bin, the curve being sorted
    return pd.concat([curve.head(1), kept]).drop_duplicates().reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Candidates from the store


def selection_candidates(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    *,
    model_id: int | None,
    cost_basis: str,
    rate: float,
    inputs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the open filtered projects with their cost and value: the budget (BAC) or the remaining cost
    (budget - actual cost, at least 0); the model's score, or the NPV when model_id is None.

    Closed projects (priorities.is_closed) are not candidates; a prerequisite that is closed, outside the
    filters or unknown does not constrain its dependants and is listed in `outside_prerequisites`.
    `inputs` is priorities.project_inputs(con, f, rate) when the caller already holds it."""
    inputs = priorities.project_inputs(con, f, rate) if inputs is None else inputs
    open_ = inputs.loc[~inputs["closed"]].reset_index(drop=True)
    if model_id is None:
        value = open_["npv"]
    else:
        model = priorities.get_model(con, model_id)
        value = priorities.score_projects(open_, model)["score"]
    remaining = (open_["budget"] - open_["actual_cost"].fillna(0)).clip(lower=0)
    cost = open_["budget"] if cost_basis == "budget" else remaining
    return pd.DataFrame(
        {
            "code": open_["code"],
            "name": open_["name"],
            "portfolio": open_["portfolio"],
            "cost": cost,
            "value": value,
            "mandatory": open_["mandatory"].astype(bool),
            "depends_on": open_["depends_on"],
            "outside_prerequisites": _outside_prerequisites(con, f, inputs, open_),
        }
    )


def _outside_prerequisites(
    con: duckdb.DuckDBPyConnection, f: Filters, inputs: pd.DataFrame, open_: pd.DataFrame
) -> list[str]:
    """Return, per open project, its prerequisites that are not candidates and why (closed, outside the
    filters, unknown), as JSON text so the frame stays hashable for the page's caches."""
    texts = ["[]"] * len(open_)
    rows = np.flatnonzero(open_["depends_on"].notna().to_numpy())
    if not len(rows):
        return texts
    codes = set(open_["code"])
    closed = set(inputs.loc[inputs["closed"], "code"])
    known = set(inputs["code"]) | _codes_in_store(con, f)
    for i in rows:
        outside = [
            (c, "closed" if c in closed else "outside" if c in known else "unknown")
            for c in split_codes(open_["depends_on"].iloc[i])
            if c not in codes
        ]
        texts[i] = json.dumps(outside, ensure_ascii=False)
    return texts


def _codes_in_store(con: duckdb.DuckDBPyConnection, f: Filters) -> set[str]:
    """Return every project code of the state, whatever the filters."""
    return {
        row[0]
        for row in con.execute("SELECT code FROM projects_at($d::DATE)", {"d": f.state_date}).fetchall()
    }


def candidate_year_costs(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return each filtered project's business-case cost per calendar year (code, year, cost)."""
    rows = business_case.yearly_rows(con, f)
    grouped = rows.groupby(["project_code", "calendar_year"], as_index=False)["cost"].sum()
    return grouped.rename(columns={"project_code": "code", "calendar_year": "year"})


# --------------------------------------------------------------------------------------------------
# The selection and why


@dataclass(frozen=True)
class MoreBudget:
    """What 10 % more budget (every budget, per year too) would change."""

    budget: float
    value: float
    cost: float
    comes_in: tuple[str, ...]  # names
    goes_out: tuple[str, ...]


@dataclass(frozen=True)
class Selection:
    status: str  # "optimal", "not_proven", "infeasible", "empty"
    budget: float
    value: float
    cost: float
    n_candidates: int
    table: pd.DataFrame  # code, name, selected, cost, value, value_per_million, reason, reason_args
    years: pd.DataFrame  # year, cost, budget
    more: MoreBudget | None
    problem_reason: str | None = None  # why nothing can be selected: a reason code
    problem_args: str = "{}"


def select_portfolio(
    candidates: pd.DataFrame,
    budget: float,
    *,
    unit: float,
    forced_in: tuple[str, ...] = (),
    forced_out: tuple[str, ...] = (),
    year_costs: pd.DataFrame | None = None,
    year_budgets: dict[int, float] | None = None,
    team_demand: pd.DataFrame | None = None,
    team_limits: pd.DataFrame | None = None,
    explain_limit: int | None = None,
) -> Selection:
    """Pick the selection of highest total value within the budget (and the teams' capacity when given), and
    say why each project is in or out: for one left out, whether money or which team's capacity keeps it out."""
    problem = build_problem(
        candidates,
        unit=unit,
        forced_in=forced_in,
        forced_out=forced_out,
        year_costs=year_costs,
        year_budgets=year_budgets,
        team_demand=team_demand,
        team_limits=team_limits,
    )
    if candidates.empty:
        return Selection(
            "empty", budget, 0.0, 0.0, 0, _table(candidates, problem, None, {}), _years(problem, None), None
        )
    blocked = _why_infeasible(problem, budget)
    solution = None if blocked else solve(problem, budget)
    if solution is not None and solution.status == "infeasible":
        blocked = ("infeasible", {})
    if blocked:
        return Selection(
            "infeasible",
            budget,
            0.0,
            0.0,
            len(candidates),
            _table(candidates, problem, None, {}),
            _years(problem, None),
            None,
            blocked[0],
            json.dumps(blocked[1]),
        )
    # Team rows make each re-solve slower: half as many reasons are proven by one; the others hold by optimality
    # and still say exactly what keeps them out.
    size = problem.n if problem.team_matrix is None else 2 * problem.n
    limit = proven_count(size) if explain_limit is None else explain_limit
    reasons = explain(problem, solution, budget, limit)
    return Selection(
        solution.status,
        budget,
        solution.value,
        solution.cost,
        len(candidates),
        _table(candidates, problem, solution, reasons),
        _years(problem, solution),
        more_budget(problem, budget, solution),
    )


def proven_count(n: int) -> int:
    """Return how many projects per side get a reason proven by re-solving: every one in a portfolio of a
    few dozen, fewer as it grows (each proof is a solve); the others get a reason that holds by optimality."""
    return 60 if n <= 60 else 12 if n <= 150 else 5 if n <= 300 else 0


def _why_infeasible(problem: Problem, budget: float) -> tuple[str, dict] | None:
    """Say why nothing fits before solving: a project both required and excluded, or the required ones
    costing more than the budget (in total or in a year)."""
    conflict = problem.conflicts()
    if conflict:
        return "conflict", {"projects": [problem.names[i] for i in sorted(conflict)]}
    fixed = sorted(problem.fixed_in)
    needed = float(problem.costs[fixed].sum())
    if needed > budget:
        return "fixed_over_budget", {"cost": needed, "budget": budget, "n": len(fixed)}
    for year, limit in sorted(problem.year_budgets.items()):
        spent = float(problem.year_costs.get(year, np.zeros(problem.n))[fixed].sum())
        if spent > limit:
            return "fixed_over_year", {"year": year, "cost": spent, "budget": limit}
    over = _teams_over(problem, fixed)
    if over:
        return "fixed_over_capacity", {"teams": over}
    return None


def _teams_over(problem: Problem, own: list[int], base: list[int] | None = None) -> list[list]:
    """Return the teams whose capacity `own` (beside `base`, already chosen) would exceed: per team, its first
    period over, how many periods are, what `own` asks then and what is left free for it."""
    if problem.team_matrix is None or not own:
        return []
    asked = problem.team_matrix[:, own].sum(axis=1)
    taken = problem.team_matrix[:, base].sum(axis=1) if base else np.zeros(len(problem.team_keys))
    rows = np.flatnonzero(asked > 0) if base is not None else np.arange(len(problem.team_keys))
    over = [r for r in rows if taken[r] + asked[r] > problem.team_limits[r] + TEAM_TOLERANCE]
    found: dict[str, list] = {}
    for r in over:
        team, period = problem.team_keys[r]
        if team in found:
            found[team][2] += 1
        else:
            free = max(float(problem.team_limits[r] - taken[r]), 0.0)
            found[team] = [team, period, 1, round(float(asked[r]), 2), round(free, 2)]
    return list(found.values())[:TEAMS_SAID]


def explain(problem: Problem, solution: Solution, budget: float, limit: int) -> dict[int, tuple[str, dict]]:
    """Return each candidate's reason code and figures. Re-solving proves the reasons: for a project out,
    the best selection that includes it (what it would displace); for one chosen, the best without it."""
    reasons: dict[int, tuple[str, dict]] = {}
    needed_by = _needed_by(problem, solution.chosen)
    chosen_free = sorted(
        (i for i in solution.chosen if i not in problem.fixed_in and i not in needed_by),
        key=lambda i: -problem.values[i],
    )
    for rank, i in enumerate(chosen_free):
        reasons[i] = _why_in(problem, solution, budget, i, prove=rank < limit)
    for i in solution.chosen:
        if i in problem.fixed_in or i in needed_by:
            reasons[i] = _why_fixed_in(problem, solution, i, needed_by)
    left = sorted((i for i in range(problem.n) if i not in solution.chosen), key=lambda i: -problem.values[i])
    proved = 0
    for i in left:
        reason = _why_excluded(problem, i)
        if reason is None and proved < limit:
            proved += 1
            reason = _why_out(problem, solution, budget, i)
        reasons[i] = reason or (
            "optimal_without",
            {**_density_args(problem, i), **_blockers(problem, solution, budget, i)},
        )
    return reasons


def _blockers(problem: Problem, solution: Solution, budget: float, i: int) -> dict:
    """Say what keeps a project out of this selection: adding it (with its prerequisites not yet in) would
    pass the budget (or a year's), or the capacity of which teams, in which periods."""
    chosen = sorted(solution.chosen)
    extra = sorted(_closure(frozenset({i}), problem.requires) - solution.chosen)
    money = bool(float(problem.costs[chosen].sum() + problem.costs[extra].sum()) > budget + 0.5)
    for year, limit in problem.year_budgets.items():
        costs = problem.year_costs.get(year)
        if costs is not None and float(costs[chosen].sum() + costs[extra].sum()) > limit + 0.5:
            money = True
    return {"money": money, "teams": _teams_over(problem, extra, chosen)}


def _needed_by(problem: Problem, chosen: frozenset[int]) -> dict[int, list[int]]:
    """Return, for each chosen project, the chosen projects that need it."""
    needed: dict[int, list[int]] = {}
    for b in chosen:
        for a in problem.requires[b]:
            needed.setdefault(a, []).append(b)
    return needed


def _why_fixed_in(
    problem: Problem, solution: Solution, i: int, needed_by: dict[int, list[int]]
) -> tuple[str, dict]:
    if i in problem.forced_in:
        return "forced_in", {}
    if i in problem.mandatory:
        return "mandatory", {}
    return "required_by", {"projects": [problem.names[b] for b in sorted(needed_by.get(i, []))]}


def _why_in(problem: Problem, solution: Solution, budget: float, i: int, prove: bool) -> tuple[str, dict]:
    """Chosen for its value: proven by the loss of value of the best selection without it."""
    args = _density_args(problem, i)
    if not prove:
        return "chosen", args
    without = solve(problem, budget, fix_out=frozenset({i}), cheapest=False, time_limit=PROOF_TIME_LIMIT)
    if without.status == "optimal":
        args["loss"] = solution.value - without.value
    return "chosen", args


def _why_excluded(problem: Problem, i: int) -> tuple[str, dict] | None:
    """Return the reason a project is out by rule (forced, a prerequisite forced out, no value), if any."""
    if i in problem.forced_out:
        return ("mandatory_forced_out" if i in problem.mandatory else "forced_out"), {}
    if i in problem.fixed_out:
        blocked = [
            problem.names[a] for a in _closure(frozenset({i}), problem.requires) if a in problem.forced_out
        ]
        return "needs_forced_out", {"projects": blocked}
    if problem.values[i] <= 0:  # it adds nothing itself, and its prerequisites can be chosen without it
        return "no_value", {"value": float(problem.values[i]) * problem.unit}
    return None


def _why_out(problem: Problem, solution: Solution, budget: float, i: int) -> tuple[str, dict]:
    """Prove why a project is out: forcing it in either does not fit, or displaces more value than it adds."""
    args = _density_args(problem, i)
    best = solve(problem, budget, fix_in=frozenset({i}), cheapest=False, time_limit=PROOF_TIME_LIMIT)
    if best.status == "infeasible":
        own = sorted(_closure(frozenset({i}), problem.requires) | problem.fixed_in)
        args["needed"] = float(problem.costs[own].sum())
        if args["needed"] > budget:
            return "too_costly", args
        teams = _teams_over(problem, own)
        if teams:
            return "needs_team", {**args, "teams": teams, "money": False}
        return ("does_not_fit_years" if problem.year_budgets else "does_not_fit"), args
    args.update(_blockers(problem, solution, budget, i))
    if best.status != "optimal":
        return "optimal_without", args
    loss = solution.value - best.value
    args["loss"] = loss
    args["displaces"] = [
        problem.names[j] for j in sorted(solution.chosen - best.chosen, key=lambda j: -problem.values[j])
    ]
    args["with"] = [problem.names[j] for j in sorted(best.chosen - solution.chosen - {i})]
    return ("tie" if abs(loss) < problem.unit / 2 else "displaces"), args


def _density_args(problem: Problem, i: int) -> dict:
    cost, value = float(problem.costs[i]), float(problem.values[i]) * problem.unit
    return {"cost": cost, "value": value, "per_million": value / cost * 1e6 if cost > 0 else None}


def more_budget(
    problem: Problem, budget: float, solution: Solution, factor: float = MORE_BUDGET
) -> MoreBudget | None:
    """Solve again with every budget raised by `factor`: what comes in, what goes out."""
    # under team rows a larger budget is often a harder problem: past TEAM_TIME_LIMIT it is not said
    limit = TIME_LIMIT if problem.team_matrix is None else TEAM_TIME_LIMIT
    bigger = solve(problem, budget * factor, year_factor=factor, time_limit=limit)
    if bigger.status != "optimal":
        return None
    return MoreBudget(
        budget=budget * factor,
        value=bigger.value,
        cost=bigger.cost,
        comes_in=tuple(problem.names[i] for i in sorted(bigger.chosen - solution.chosen)),
        goes_out=tuple(problem.names[i] for i in sorted(solution.chosen - bigger.chosen)),
    )


def _table(
    candidates: pd.DataFrame,
    problem: Problem,
    solution: Solution | None,
    reasons: dict[int, tuple[str, dict]],
) -> pd.DataFrame:
    """Return one row per candidate: in or out, cost, value, value per million, and the reason."""
    index = {code: i for i, code in enumerate(problem.codes)}
    rows = []
    for code, name, cost, value, outside in zip(
        candidates["code"],
        candidates["name"],
        candidates["cost"],
        candidates["value"],
        candidates["outside_prerequisites"]
        if "outside_prerequisites" in candidates
        else [[]] * len(candidates),
        strict=True,
    ):
        i = index.get(code)
        reason, args = ("no_cost", {}) if i is None else reasons.get(i, ("not_solved", {}))
        if reason == "no_value" and pd.isna(value):
            reason = "no_value_given"  # not scored (an input is missing) or no NPV: said, not counted as 0
        outside = json.loads(outside) if isinstance(outside, str) else outside
        if outside:
            args = {**args, "outside": [list(pair) for pair in outside]}
        rows.append(
            {
                "code": code,
                "name": name,
                "selected": bool(solution and i is not None and i in solution.chosen),
                "cost": cost,
                "value": value,
                "value_per_million": value / cost * 1e6
                if pd.notna(value) and pd.notna(cost) and cost > 0
                else np.nan,
                "reason": reason,
                "reason_args": json.dumps(args, ensure_ascii=False),
                "kept_out_by": _kept_out_by(args) if not (solution and i in solution.chosen) else "",
            }
        )
    table = pd.DataFrame(
        rows,
        columns=[
            "code",
            "name",
            "selected",
            "cost",
            "value",
            "value_per_million",
            "reason",
            "reason_args",
            "kept_out_by",
        ],
    )
    return table.sort_values(
        ["selected", "value"], ascending=[False, False], na_position="last", kind="mergesort"
    ).reset_index(drop=True)


def teams_short(chosen: set[str], team_demand: pd.DataFrame, team_limits: pd.DataFrame) -> list[str]:
    """Return the teams a set of projects asks more of, in some period, than they have left."""
    asked = team_demand.loc[team_demand["code"].isin(chosen)].groupby(["team", "period"])["fte"].sum()
    left = team_limits.set_index(["team", "period"])["fte"].clip(lower=0)
    over = asked.loc[asked.index.isin(left.index)]
    over = over.loc[over > left.reindex(over.index) + TEAM_TOLERANCE]
    return sorted(set(over.index.get_level_values("team")))


def _kept_out_by(args: dict) -> str:
    """Name what keeps a project out, for a table column: "money", the teams, or both ("money; Data")."""
    parts = (["money"] if args.get("money") else []) + [team[0] for team in args.get("teams", [])]
    return "; ".join(parts)


def _years(problem: Problem, solution: Solution | None) -> pd.DataFrame:
    """Return the selection's business-case cost per calendar year, beside each year's budget."""
    chosen = sorted(solution.chosen) if solution else []
    years = sorted(set(problem.year_costs) | set(problem.year_budgets))
    return pd.DataFrame(
        {
            "year": years,
            "cost": [
                float(problem.year_costs[y][chosen].sum()) if y in problem.year_costs else 0.0 for y in years
            ],
            "budget": [problem.year_budgets.get(y) for y in years],
        },
        columns=["year", "cost", "budget"],
    )


def efficient_frontier(
    candidates: pd.DataFrame,
    *,
    unit: float,
    forced_in: tuple[str, ...] = (),
    forced_out: tuple[str, ...] = (),
    year_costs: pd.DataFrame | None = None,
    year_budgets: dict[int, float] | None = None,
    team_demand: pd.DataFrame | None = None,
    team_limits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return the frontier of the same problem select_portfolio solves (every Pareto-optimal pair; on a grid
    of budgets when per-year budgets or team capacity make it multi-dimensional)."""
    problem = build_problem(
        candidates,
        unit=unit,
        forced_in=forced_in,
        forced_out=forced_out,
        year_costs=year_costs,
        year_budgets=year_budgets,
        team_demand=team_demand,
        team_limits=team_limits,
    )
    return frontier(problem)


# --------------------------------------------------------------------------------------------------
# Words


def reason_text(reason: str, args_json: str, lang: str, currency: str, objective: str) -> str:
    """Write a reason as a sentence in the user's language, amounts and values formatted."""
    args = json.loads(args_json or "{}")
    key = reason
    if reason == "displaces" and args.get("with"):
        key = "displaces_with"
    if reason == "chosen" and "loss" in args:
        key = "chosen_loss"
    words = _words(args, lang, currency, objective)
    text = t(f"priorities.reason.{key}", lang, **words)
    if reason != "needs_team" and (args.get("money") or args.get("teams")):
        kept = "both" if args.get("money") and args.get("teams") else "money" if args.get("money") else "team"
        text += " " + t(f"priorities.reason.kept_{kept}", lang, teams=words["teams"])
    for code, kind in args.get("outside", []):
        text += " " + t(f"priorities.reason.outside_{kind}", lang, code=code)
    return text


def infeasible_text(reason: str, args_json: str, lang: str, currency: str) -> str:
    """Write why nothing can be selected."""
    return t(
        f"priorities.infeasible.{reason}",
        lang,
        **_words(json.loads(args_json or "{}"), lang, currency, "npv"),
    )


def _words(args: dict, lang: str, currency: str, objective: str) -> dict[str, str]:
    """Format a reason's figures: money short (1.2M), values as points or money, names listed."""

    def money(v: float | None) -> str:
        return formatting.money(v, lang, currency, short=True)

    def value(v: float | None) -> str:
        if objective == "npv":
            return money(v)
        return t("priorities.points", lang, n=formatting.number(v, lang, 1))

    return {
        "cost": money(args.get("cost")),
        "needed": money(args.get("needed")),
        "budget": money(args.get("budget")),
        "value": value(args.get("value")),
        "loss": value(args.get("loss")),
        "projects": _names(args.get("projects", []), lang),
        "displaces": _names(args.get("displaces", []), lang),
        "with": _names(args.get("with", []), lang),
        "year": str(args.get("year", "")),
        "n": str(args.get("n", "")),
        "teams": team_words(args.get("teams", []), lang),
    }


def team_words(teams: list, lang: str) -> str:
    """Write the teams a project would overload: "Data & IA in Mar 2027 (needs 1.0 FTE, 0.4 free; 3 more
    months)", a quarter's figures in person-months."""
    parts = []
    for team, period, count, need, free in teams:
        quarter = "Q" in period
        parts.append(
            t(
                "priorities.reason.team_quarter" if quarter else "priorities.reason.team_month",
                lang,
                team=team,
                period=period_label(period, lang),
                need=formatting.number(need, lang, 1),
                free=formatting.number(free, lang, 1),
                more=count - 1,
            )
            + (t("priorities.reason.team_more", lang, n=count - 1) if count > 1 else "")
        )
    return ", ".join(parts)


def period_label(period: str, lang: str) -> str:
    """Write a capacity period: "2027-03" as "Mar 2027", "2027-Q1" as "Q1 2027" ("T1 2027" in French)."""
    year, _, rest = period.partition("-")
    if rest.startswith("Q"):
        return t("priorities.quarter", lang, q=rest[1:], year=year)
    return formatting.month(pd.Timestamp(f"{period}-01"), lang)


def _names(names: list[str], lang: str, most: int = 3) -> str:
    """List the first names and count the others."""
    shown = ", ".join(names[:most])
    rest = len(names) - most
    if rest <= 0:
        return shown
    return shown + t("priorities.and_one_more" if rest == 1 else "priorities.and_more", lang, n=rest)
