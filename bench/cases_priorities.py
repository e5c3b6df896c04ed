"""Prioritisation page queries on the scale store, for bench/pages_bench.py.

The page reads the projects' inputs once (cached) and draws each picture from them, so the cases do too.
"""

from __future__ import annotations

import dataclasses

from pmo_core import business_case, priorities, selection
from pmo_core.filters import Filters

PAGE = "pages/priorities.py"
RATE = 0.08
PROGRAMME = "Digital programme 0"  # about a hundred projects: a size a funding decision is taken on


def cases(con, filters: Filters) -> dict:
    """Return the page's queries: inputs, rankings, the rank comparison, business cases, a selection."""
    inputs = priorities.project_inputs(con, filters, RATE)
    programme = dataclasses.replace(filters, programmes=(PROGRAMME,))

    candidates = selection.selection_candidates(con, programme, model_id=1, cost_basis="budget", rate=RATE)
    years = selection.candidate_year_costs(con, programme)
    budget = float(candidates["cost"].sum()) * 0.6

    return {
        "project inputs (10,000)": lambda: priorities.project_inputs(con, filters, RATE),
        "ranking, weighted strategic": lambda: priorities.ranking(con, filters, 1, RATE, inputs),
        "ranking, WSJF": lambda: priorities.ranking(con, filters, 2, RATE, inputs),
        "ranks under two models (top 100)": lambda: priorities.compare_ranks(
            con, filters, 1, 2, RATE, inputs, top=100
        ),
        "business cases": lambda: business_case.business_cases(con, filters, RATE),
        "candidates with NPV": lambda: selection.selection_candidates(
            con, filters, model_id=None, cost_basis="budget", rate=RATE, inputs=inputs
        ),
        "candidates, one programme": lambda: selection.selection_candidates(
            con, programme, model_id=1, cost_basis="budget", rate=RATE
        ),
        f"selection with reasons, {len(candidates)} candidates": lambda: selection.select_portfolio(
            candidates, budget, unit=selection.SCORE_UNIT, year_costs=years
        ),
        f"efficient frontier, {len(candidates)} candidates": lambda: selection.efficient_frontier(
            candidates, unit=selection.SCORE_UNIT, year_costs=years
        ),
    }
