"""Overview page benchmark cases: each DuckDB query the page runs, then the pictures built from their results."""

from __future__ import annotations

from pmo_core import changes, evm, portfolio, priorities, settings

PAGE = "pages/overview.py"


def cases(con, filters) -> dict:
    """Return one zero-argument callable per query of the Overview page, then its pandas pictures."""
    context = portfolio.reporting(con, filters)
    before = portfolio.previous_filters(filters, context)
    before_status = portfolio.reporting(con, before).status_date
    method = settings.get(con, "eac_method")
    threshold = settings.get(con, "budget_change_threshold_pct")
    table = portfolio.project_table(con, filters)
    rows = portfolio.project_status(con, filters, context)
    previous = portfolio.snapshot_figures(con, before, method)
    model = priorities.list_models(con)[0]
    since = context.previous
    return {
        "reporting dates and settings": lambda: portfolio.reporting(con, filters),
        "project statuses, milestones, risks": lambda: portfolio.project_status(con, filters, context),
        "earned value (evm)": lambda: evm.earned_value(con, filters, context.status_date, method),
        "previous snapshot: counts": lambda: portfolio.snapshot_counts(con, before),
        "previous snapshot: earned value (evm)": lambda: evm.earned_value(con, before, before_status, method),
        "roadmap milestones (60 projects)": lambda: portfolio.roadmap(con, filters, table),
        "status trend (all snapshots)": lambda: portfolio.status_trend(con, filters),
        "changes: snapshots to compare with": lambda: changes.earlier_snapshots(con, filters),
        "changes: statuses": lambda: changes.status_changes(con, filters, since),
        "changes: new and closed projects": lambda: changes.project_moves(con, filters, since),
        "changes: budgets": lambda: changes.budget_changes(con, filters, since, threshold),
        "changes: milestone slips": lambda: changes.milestone_slips(con, filters, since),
        "changes: new critical risks": lambda: changes.new_critical_risks(con, filters, since),
        "scoring models": lambda: priorities.list_models(con),
        "pandas: join earned value, sort": lambda: portfolio.combine(rows, table[portfolio.EV_COLUMNS]),
        "pandas: headline figures": lambda: portfolio.headline(table, previous, method),
        "pandas: roll-up by portfolio and programme": lambda: portfolio.roll_up(table, method),
        "pandas: bubbles (priority score)": lambda: portfolio.bubbles(table, model),
    }
