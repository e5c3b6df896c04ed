"""What changed between an earlier snapshot and the state viewed: what a PMO reads before every COPIL.

Each function compares the filtered state (`filters.as_of`, or the current state) with the state on
`since`, an earlier snapshot date, and returns one row per change, the largest first. Statuses follow the
Grey rule of `portfolio.reported_status_sql`, each state against its own reference date.
"""

from __future__ import annotations

from datetime import date

import duckdb
import pandas as pd

from pmo_core.filters import Filters
from pmo_core.portfolio import Reporting, reported_status_sql, reporting, status_params


def earlier_snapshots(con: duckdb.DuckDBPyConnection, f: Filters) -> list[date]:
    """Return the snapshot dates before the one viewed, newest first: the choices for `since`."""
    reference = reporting(con, f).reference
    dates = con.execute("SELECT as_of FROM snapshots ORDER BY as_of DESC").fetchall()
    return [d for (d,) in dates if reference is not None and d < reference]


def _params(f: Filters, context: Reporting, since: date) -> dict:
    return {**f.params(), **status_params(context), "since": since}


def status_changes(con: duckdb.DuckDBPyConnection, f: Filters, since: date) -> pd.DataFrame:
    """Return the projects whose reported status differs from `since`: worse, stopped reporting, then better."""
    context = reporting(con, f)
    now = reported_status_sql("p.status", "p.last_update")
    before = reported_status_sql("b.status", "b.last_update", "$since::DATE")
    return con.execute(
        f"""WITH s AS (
                SELECT p.code, p.name, p.portfolio, p.manager, {before} AS before, {now} AS after
                FROM projects_at($d::DATE) AS p JOIN projects_at($since::DATE) AS b ON b.code = p.code
                WHERE {f.project_clause("p")})
            SELECT *, CASE WHEN after = 'grey' THEN 'stopped_reporting' WHEN before = 'grey' THEN 'resumed_reporting'
                           WHEN list_position(['green', 'amber', 'red'], after)
                                > list_position(['green', 'amber', 'red'], before) THEN 'worse'
                           ELSE 'better' END AS direction
            FROM s WHERE before <> after
            ORDER BY list_position(['worse', 'stopped_reporting', 'resumed_reporting', 'better'], direction),
                     list_position(['red', 'amber', 'grey', 'green'], after), code""",  # noqa: S608
        _params(f, context, since),
    ).df()


def project_moves(con: duckdb.DuckDBPyConnection, f: Filters, since: date) -> pd.DataFrame:
    """Return the projects that entered the portfolio since `since` (new) or left it (closed)."""
    return con.execute(
        f"""SELECT 'new' AS move, p.code, p.name, p.portfolio, p.manager, p.budget, p.start_date, p.forecast_end
            FROM projects_at($d::DATE) AS p
            WHERE {f.project_clause("p")} AND p.code NOT IN (SELECT code FROM projects_at($since::DATE))
            UNION ALL
            SELECT 'closed', b.code, b.name, b.portfolio, b.manager, b.budget, b.start_date, b.forecast_end
            FROM projects_at($since::DATE) AS b
            WHERE {f.project_clause("b")} AND b.code NOT IN (SELECT code FROM projects_at($d::DATE))
            ORDER BY move DESC, budget DESC NULLS LAST, code""",  # noqa: S608
        {**f.params(), "since": since},
    ).df()


def budget_changes(
    con: duckdb.DuckDBPyConnection, f: Filters, since: date, threshold_pct: float
) -> pd.DataFrame:
    """Return the budgets that moved by at least `threshold_pct` % of their earlier value, largest first."""
    return con.execute(
        f"""SELECT p.code, p.name, p.portfolio, p.manager, b.budget AS before, p.budget AS after,
                   p.budget - b.budget AS change, (p.budget - b.budget) / b.budget AS change_share
            FROM projects_at($d::DATE) AS p JOIN projects_at($since::DATE) AS b ON b.code = p.code
            WHERE {f.project_clause("p")} AND b.budget > 0 AND p.budget IS NOT NULL
              AND abs(p.budget - b.budget) >= $threshold / 100 * b.budget
            ORDER BY abs(p.budget - b.budget) DESC, p.code""",  # noqa: S608
        {**f.params(), "since": since, "threshold": threshold_pct},
    ).df()


def milestone_slips(con: duckdb.DuckDBPyConnection, f: Filters, since: date) -> pd.DataFrame:
    """Return the milestones, not achieved on `since`, whose date moved later since then, largest slip first."""
    return con.execute(
        f"""WITH p AS (SELECT code, name, portfolio, manager FROM projects_at($d::DATE) AS p
                       WHERE {f.project_clause("p")}),
            b AS (SELECT project_code, name, coalesce(forecast_date, baseline_date) AS before
                  FROM milestones_at($since::DATE)
                  WHERE actual_date IS NULL AND project_code IN (SELECT code FROM p)),
            m AS (SELECT project_code, name, baseline_date,
                         coalesce(actual_date, forecast_date, baseline_date) AS after
                  FROM milestones_at($d::DATE) WHERE project_code IN (SELECT code FROM p))
            SELECT p.code, p.name, p.portfolio, p.manager, m.name AS milestone, m.baseline_date, b.before, m.after,
                   date_diff('day', b.before, m.after) AS slip_days
            FROM m JOIN b USING (project_code, name) JOIN p ON p.code = m.project_code
            WHERE m.after > b.before
            ORDER BY slip_days DESC, p.code, milestone""",  # noqa: S608
        {**f.params(), "since": since},
    ).df()


def new_critical_risks(con: duckdb.DuckDBPyConnection, f: Filters, since: date) -> pd.DataFrame:
    """Return the open critical risks that were not open and critical on `since`, and what they were then.

    A risk is matched across snapshots by its project and its code (its title when it has no code).
    """
    return con.execute(
        f"""WITH p AS (SELECT code, name, portfolio, manager FROM projects_at($d::DATE) AS p
                       WHERE {f.project_clause("p")}),
            now AS (SELECT r.*, coalesce(r.code, r.title) AS key
                    FROM risks_at($d::DATE) AS r JOIN risk_bands AS k USING (probability, impact)
                    WHERE r.status <> 'closed' AND k.band = 'critical' AND r.project_code IN (SELECT code FROM p)),
            b AS (SELECT r.project_code, coalesce(r.code, r.title) AS key, r.status, k.band
                  FROM risks_at($since::DATE) AS r JOIN risk_bands AS k USING (probability, impact)
                  WHERE r.project_code IN (SELECT project_code FROM now))
            SELECT p.code, p.name, p.portfolio, n.code AS risk_code, n.title, n.category, n.owner,
                   n.probability, n.impact, n.probability * n.impact AS score,
                   CASE WHEN b.key IS NULL THEN 'new' WHEN b.status = 'closed' THEN 'closed' ELSE b.band END AS was
            FROM now AS n
            JOIN p ON p.code = n.project_code
            LEFT JOIN b ON b.project_code = n.project_code AND b.key = n.key
            WHERE b.key IS NULL OR b.status = 'closed' OR b.band <> 'critical'
            ORDER BY score DESC, p.code, n.code""",  # noqa: S608
        {**f.params(), "since": since},
    ).df()
