"""Project page benchmark cases: each DuckDB query the page runs for one project of the scale store."""

from __future__ import annotations

from pmo_core import project_detail
from pmo_core.filters import Filters

PAGE = "pages/project.py"
PROJECT = "P000040"  # restated by the second snapshot, so it has a history
QUERY_PARAMS = {"project": PROJECT}


def cases(con, filters) -> dict:
    """Return one zero-argument callable per query of the Project page."""
    code = PROJECT
    return {
        "project picker (filtered projects)": lambda: project_detail.project_choices(con, filters),
        "identity and statuses": lambda: project_detail.identity(con, code, filters),
        "identity outside the filters": lambda: project_detail.identity(
            con, code, Filters(as_of=filters.as_of)
        ),
        "status history (all snapshots)": lambda: project_detail.status_history(con, code, filters),
        "milestones": lambda: project_detail.milestones(con, code, filters),
        "risk register": lambda: project_detail.risks(con, code, filters),
        "risk matrix cells": lambda: project_detail.risk_cells(con, code, filters),
        "monthly costs": lambda: project_detail.monthly_costs(con, code, filters),
        "earned value (evm, narrowed)": lambda: project_detail.earned_value(con, code, filters),
    }
