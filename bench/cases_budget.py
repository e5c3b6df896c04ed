"""Budget page benchmark cases: each DuckDB query the page runs, then the pictures built from their results."""

from __future__ import annotations

from pmo_core import budget, committee, evm, settings

PAGE = "pages/budget.py"


def cases(con, filters) -> dict:
    """Return one zero-argument callable per query of the Budget page, on its default status date."""
    dates = budget.status_dates(con, filters)
    status = dates.default
    method = settings.get(con, "eac_method")
    values = settings.get_all(con)
    previous, previous_status = budget.state_before(filters, committee.scope(con, filters=filters).since)
    frame = evm.earned_value(con, filters, status, method)
    lines = budget.monthly(con, filters, status)
    history = budget.earned_history(con, filters, status)
    return {
        "status dates": lambda: budget.status_dates(con, filters),
        "earned value (one row per project)": lambda: evm.earned_value(con, filters, status, method),
        "earned value, snapshot compared with": lambda: evm.earned_value(
            con, previous, previous_status, method
        ),
        "monthly lines by cost type": lambda: budget.monthly(con, filters, status),
        "earned value history (snapshots)": lambda: budget.earned_history(con, filters, status),
        "multi-year phasing (300 largest)": lambda: budget.yearly_phasing(con, filters, status),
        "pandas: phasing and S-curve": lambda: budget.s_curve(
            budget.phasing(lines, frame, status, method), frame, history
        ),
        "pandas: variances and alerts": lambda: (
            budget.variances(frame, status),
            budget.find_alerts(frame, status, values),
        ),
        "pandas: roll-up by programme": lambda: budget.earned_value_by(frame, "programme", method),
    }
