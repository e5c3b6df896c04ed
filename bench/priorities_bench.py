"""Selection benchmark: the efficient frontier, the exact selection and its explanations, by candidate count.

Random portfolios drawn with a fixed seed: budgets of 50 k€ to 5 M€, scores 0-100 with one decimal, one
project in ten depending on another, one in fifty mandatory. The targets are the issues': the frontier for
500 candidates in 2 s or less; the selection of 500 candidates under 20 teams' capacity (36 months, each
project asking one or two teams for about a year) in 5 s or less.

    python bench/priorities_bench.py
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pmo_core import selection  # noqa: E402

RUNS = 3
FRONTIER_TARGET_S = 2.0
TEAMS_TARGET_S = 5.0
MONTHS = [f"{2027 + m // 12}-{m % 12 + 1:02d}" for m in range(36)]


def team_rows(candidates: pd.DataFrame, seed: int = 9) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return what each candidate asks of 20 teams per month (one or two teams, 0.2-1.5 FTE, 6-18 months) and
    what each team has left: about 60 % of what they are asked (what the mandatory projects ask at least), so
    the capacity binds and a selection exists."""
    rng = np.random.default_rng(seed)
    rows = []
    for code in candidates["code"]:
        first, length = rng.integers(0, 30), rng.integers(6, 19)
        for team in rng.choice(20, size=rng.integers(1, 3), replace=False):
            fte = round(float(rng.uniform(0.2, 1.5)), 1)
            rows += [
                (code, f"Team {team:02d}", MONTHS[m], fte) for m in range(first, min(first + length, 36))
            ]
    demand = pd.DataFrame(rows, columns=["code", "team", "period", "fte"])
    limits = demand.groupby(["team", "period"], as_index=False)["fte"].sum()
    mandatory = demand.loc[demand["code"].isin(candidates.loc[candidates["mandatory"], "code"])]
    needed = mandatory.groupby(["team", "period"])["fte"].sum()
    floor = pd.MultiIndex.from_frame(limits[["team", "period"]]).map(needed).fillna(0).to_numpy()
    limits["fte"] = np.maximum((limits["fte"] * 0.6).round(1), floor)
    return demand, limits


def portfolio(n: int, seed: int = 5) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return n candidates and their cost per year (two thirds in 2027, the rest in 2028)."""
    rng = np.random.default_rng(seed)
    codes = [f"P{i:04d}" for i in range(n)]
    depends = [codes[rng.integers(0, n)] if rng.random() < 0.1 else None for _ in range(n)]
    cost = rng.uniform(5e4, 5e6, n).round(-3)
    candidates = pd.DataFrame(
        {
            "code": codes,
            "name": codes,
            "cost": cost,
            "value": rng.uniform(0, 100, n).round(1),
            "mandatory": rng.random(n) < 0.02,
            "depends_on": depends,
        }
    )
    years = pd.DataFrame(
        {"code": codes * 2, "year": [2027] * n + [2028] * n, "cost": np.concatenate([cost * 2 / 3, cost / 3])}
    )
    return candidates, years


def median_s(call) -> tuple[float, object]:
    times, result = [], None
    for _ in range(RUNS):
        began = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - began)
    return statistics.median(times), result


def main() -> None:
    unit = selection.SCORE_UNIT
    print(f"{'case':<46} {'candidates':>10} {'points':>8} {'median s':>9} {'target s':>9}")
    for n in (100, 250, 500, 1000):
        candidates, years = portfolio(n)
        budget = float(candidates["cost"].sum()) * 0.4
        seconds, curve = median_s(lambda c=candidates: selection.efficient_frontier(c, unit=unit))
        target = (
            f"{FRONTIER_TARGET_S:>9.1f} {'ok' if seconds <= FRONTIER_TARGET_S else 'SLOW'}"
            if n == 500
            else ""
        )
        print(
            f"{'efficient frontier (exact, every budget)':<46} {n:>10} {len(curve):>8} {seconds:>9.2f} {target}"
        )
        seconds, _ = median_s(
            lambda c=candidates, b=budget: selection.solve(selection.build_problem(c, unit=unit), b)
        )
        print(f"{'selection at 40 % of the cost (MILP, cheapest)':<46} {n:>10} {'':>8} {seconds:>9.2f}")
        if n <= 500:
            seconds, _ = median_s(lambda c=candidates, b=budget: selection.select_portfolio(c, b, unit=unit))
            print(f"{'selection with proven reasons and 10 % more':<46} {n:>10} {'':>8} {seconds:>9.2f}")
            demand, limits = team_rows(candidates)
            seconds, result = median_s(
                lambda c=candidates, b=budget, d=demand, lim=limits: selection.select_portfolio(
                    c, b, unit=unit, team_demand=d, team_limits=lim
                )
            )
            rows = len(limits)
            target = (
                f"{TEAMS_TARGET_S:>9.1f} {'ok' if seconds <= TEAMS_TARGET_S else 'SLOW'}" if n == 500 else ""
            )
            print(
                f"{f'... and 20 teams x 36 months ({rows} rows)':<46} {n:>10} {'':>8} {seconds:>9.2f} {target}"
                f" {result.status}"
            )
            began = time.perf_counter()
            curve = selection.efficient_frontier(
                candidates, unit=unit, team_demand=demand, team_limits=limits
            )
            seconds = time.perf_counter() - began
            unproven = curve.attrs.get("unproven", 0)
            print(
                f"{'frontier under the teams too (MILP grid, once)':<46} {n:>10} {len(curve):>8} {seconds:>9.2f}"
                f" {unproven} budgets not proven in time"
            )
        if n <= 250:
            limits = {2027: budget * 0.6, 2028: budget * 0.3}
            seconds, curve = median_s(
                lambda c=candidates, y=years, lim=limits: selection.efficient_frontier(
                    c, unit=unit, year_costs=y, year_budgets=lim
                )
            )
            print(
                f"{'frontier with per-year budgets (MILP grid)':<46} {n:>10} {len(curve):>8} {seconds:>9.2f}"
            )


if __name__ == "__main__":
    from bench.visits import load_average

    print(f"# priorities_bench: start, {load_average()}")
    main()
    print(f"# priorities_bench: end, {load_average()}")
