"""One project on three snapshots, built in code, for "what changed": its figures differ at each snapshot, so a
change says which snapshot it is measured from; and, when asked, a committee that reviewed the first one.

January 31:   Alpha red,   budget 100 000, 1 open critical risk (5 x 5).
February 28:  Alpha green, budget 120 000, 2 open critical risks.
March 31:     Alpha green, budget 150 000, 4 open critical risks.
"COPIL January" met on 5 February and reviewed the January snapshot.

Measured since January (the committee's): 3 more risks, budget +50 000, status better.
Measured since February (the previous):   2 more risks, budget +30 000, status unchanged.
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from pmo_core import meetings, snapshots
from pmo_core.importer import plan_from_frames
from tests.actors import PMO

JAN, FEB, MAR = date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)
COMMITTEE = "COPIL January"
STATES = {  # snapshot: (status, budget, open critical risks)
    JAN: ("red", 100_000.0, 1),
    FEB: ("green", 120_000.0, 2),
    MAR: ("green", 150_000.0, 4),
}


def state(as_of: date) -> dict[str, pd.DataFrame]:
    status, budget, n_risks = STATES[as_of]
    project = {
        "code": "P1",
        "name": "Alpha",
        "portfolio": "Industry",
        "manager": "Ann",
        "budget": budget,
        "status": status,
        "percent_complete": 0.4,
        "start_date": date(2025, 10, 1),
        "baseline_end": date(2026, 12, 31),
        "forecast_end": date(2026, 12, 31),
        "last_update": as_of,
        "comment": "On track",
    }
    risks = [
        {
            "project_code": "P1",
            "code": f"R{n}",
            "title": f"Risk {n}",
            "probability": 5,
            "impact": 5,
            "status": "open",
            "category": "schedule",
        }
        for n in range(1, n_risks + 1)
    ]
    return {"projects": pd.DataFrame([project]), "risks": pd.DataFrame(risks)}


def load(con, frames: dict[str, pd.DataFrame], as_of: date) -> None:
    """Import the frames as one full snapshot, through the importer's own checks."""
    plan = plan_from_frames(con, frames, scope="full", as_of=as_of)
    assert not plan.has_errors, [issue.message("en") for issue in plan.errors]
    snapshots.apply_plan(con, plan, PMO)


def load_three_snapshots(con, committee: bool) -> None:
    """Import the three snapshots, oldest first; with `committee`, record the committee that reviewed January."""
    for as_of in STATES:
        load(con, state(as_of), as_of)
    if committee:
        meetings.create_committee(con, PMO, COMMITTEE, date(2026, 2, 5), JAN, follows=None)
