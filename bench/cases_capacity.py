"""Capacity page benchmark cases: each DuckDB query the page runs on its default view (twelve months from the
first month not reported, the 25 most loaded teams), then the pandas steps on their results."""

from __future__ import annotations

from pmo_core import capacity, levelling, selection

PAGE = "pages/capacity.py"


def cases(con, filters) -> dict:
    """Return one zero-argument callable per query of the Capacity page, the alerts and the selection's rows."""
    since = capacity.first_open_month(capacity.reference_date(con, filters))
    last = capacity.add_months(since, capacity.MONTH_WINDOW - 1)
    grid = capacity.team_months(con, filters, since, last)
    totals = capacity.team_totals(grid)
    teams = totals["team"].head(25).tolist()
    busiest = totals.iloc[0]
    candidates = selection.selection_candidates(con, filters, model_id=1, cost_basis="budget", rate=0.08)
    codes = candidates["code"].head(500).tolist()
    lines, supply = levelling.base_lines(con, filters)
    return {
        "months covered": lambda: capacity.month_range(con, filters),
        "load per team and month (12 months)": lambda: capacity.team_months(con, filters, since, last),
        "load per team and month (every month)": lambda: capacity.team_months(con, filters),
        "projects of one team-month": lambda: capacity.cell_projects(
            con, filters, busiest["team"], busiest["peak_month"].date()
        ),
        "demand per portfolio (25 teams)": lambda: capacity.portfolio_demand(
            con, filters, teams, since, last
        ),
        "capacity alerts": lambda: capacity.capacity_alerts(con, filters),
        "pandas: totals per team, findings": lambda: (
            capacity.team_totals(grid),
            capacity.findings(grid, "en", since),
        ),
        "selection rows: 500 candidates, by month": lambda: capacity.selection_limits(
            con, filters, codes, since=since
        ),
        "what-if: every line and capacity": lambda: levelling.base_lines(con, filters),
        "what-if: cap the busiest team (pandas)": lambda: levelling.apply_moves(
            lines, supply, [levelling.Move("cap", team=busiest["team"], cap=1.0)], since
        ),
    }
