"""Risks page benchmark cases: each DuckDB query the page runs on its default view (open risks, inherent rating)."""

from __future__ import annotations

import dataclasses

from pmo_core import risks, snapshots

PAGE = "pages/risks.py"


def cases(con, filters) -> dict:
    """Return one zero-argument callable per query of the Risks page, then the pandas steps on their results."""
    rf = risks.RiskFilter()
    since = snapshots.previous_snapshot(con, filters.as_of)
    previous = dataclasses.replace(filters, as_of=since)
    moved = risks.movement(con, filters, rf, since).rows
    return {
        "filter choices (categories, projects, owners)": lambda: risks.filter_choices(con, filters),
        "headline figures": lambda: risks.risk_summary(con, filters, rf),
        "headline figures, previous snapshot": lambda: risks.risk_summary(con, previous, rf),
        "heatmap: 25 cells": lambda: risks.heatmap(con, filters, rf),
        "heatmap, residual rating": lambda: risks.heatmap(
            con, filters, dataclasses.replace(rf, view="residual")
        ),
        "risks of one cell (4 x 5)": lambda: risks.cell_risks(con, filters, rf, 4, 5),
        "register: first 2,000 by score": lambda: risks.register(con, filters, rf),
        "register: search 'owner 12'": lambda: risks.register(con, filters, rf, search="owner 12"),
        "register: by exposure": lambda: risks.register(con, filters, rf, order="exposure"),
        "top 10 by score": lambda: risks.top_risks(con, filters, rf, "score"),
        "top 10 by exposure": lambda: risks.top_risks(con, filters, rf, "exposure"),
        "movement since the previous snapshot": lambda: risks.movement(con, filters, rf, since),
        "pandas: movement arrows and cells": lambda: (
            risks.movement_paths(moved),
            risks.movement_cells(moved),
        ),
        "roll-up by project (300 rows)": lambda: risks.project_rollup(con, filters, rf, 300),
        "roll-up by portfolio": lambda: risks.portfolio_rollup(con, filters, rf),
        "portfolio x category heatmap": lambda: risks.category_heatmap(con, filters, rf),
    }
