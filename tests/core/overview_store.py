"""A small portfolio on two snapshots, built in code, whose figures the overview tests work out by hand.

January 31 (full import):  P1 Alpha green, P2 Beta amber, P3 Gamma green, P4 Delta red.
March 31 (full import):    P1 red (worse), P2 green (better, updated 24 Feb: exactly 35 days before),
                           P3 restated with its January update (59 days old: Grey), P5 Epsilon amber (new);
                           P4 is gone (closed).
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from pmo_core import snapshots
from pmo_core.importer import plan_from_frames
from tests.actors import PMO

JAN, MAR = date(2026, 1, 31), date(2026, 3, 31)


def _project(code, name, portfolio, manager, budget, status, percent, **extra) -> dict:
    return {
        "code": code,
        "name": name,
        "portfolio": portfolio,
        "manager": manager,
        "budget": budget,
        "status": status,
        "percent_complete": percent,
        "start_date": date(2025, 10, 1),
        "baseline_end": date(2026, 9, 30),
        "forecast_end": date(2026, 9, 30),
        **extra,
    }


def january() -> dict[str, pd.DataFrame]:
    projects = pd.DataFrame(
        [
            _project(
                "P1",
                "Alpha",
                "Industry",
                "Ann",
                100_000.0,
                "green",
                0.2,
                programme="Plants",
                status_schedule="amber",
                status_cost="green",
            ),
            _project("P2", "Beta", "Industry", "Bob", 200_000.0, "amber", 0.1),
            _project("P3", "Gamma", "Digital", "Cid", 50_000.0, "green", 0.1),
            _project("P4", "Delta", "Digital", "Cid", 80_000.0, "red", 0.3),
        ]
    )
    risks = pd.DataFrame(
        [
            {
                "project_code": "P1",
                "code": "R1",
                "title": "Supplier late",
                "probability": 3,
                "impact": 5,
                "status": "open",
            },
            {
                "project_code": "P1",
                "code": "R2",
                "title": "Key engineer leaves",
                "probability": 3,
                "impact": 4,
                "status": "open",
            },
            {
                "project_code": "P4",
                "code": "R6",
                "title": "Licence refused",
                "probability": 5,
                "impact": 5,
                "status": "open",
            },
        ]
    )
    milestones = pd.DataFrame(
        [
            {
                "project_code": "P1",
                "name": "Design",
                "baseline_date": date(2026, 2, 15),
                "forecast_date": date(2026, 2, 15),
            },
            {
                "project_code": "P1",
                "name": "Build",
                "baseline_date": date(2026, 5, 1),
                "forecast_date": date(2026, 5, 1),
            },
            {
                "project_code": "P1",
                "name": "Go-live",
                "baseline_date": date(2026, 6, 15),
                "forecast_date": date(2026, 6, 15),
            },
            {
                "project_code": "P2",
                "name": "Kick-off",
                "baseline_date": date(2026, 3, 1),
                "forecast_date": date(2026, 3, 1),
            },
        ]
    )
    costs = pd.DataFrame(
        [
            {"project_code": "P1", "month": date(2026, 1, 1), "planned": 20_000.0, "actual": 22_000.0},
            *(
                {"project_code": "P1", "month": date(2026, m, 1), "planned": 20_000.0, "forecast": 20_000.0}
                for m in (2, 3, 4)
            ),
            {"project_code": "P2", "month": date(2026, 1, 1), "planned": 10_000.0, "actual": 10_000.0},
        ]
    )
    return {"projects": projects, "risks": risks, "milestones": milestones, "costs": costs}


def march() -> dict[str, pd.DataFrame]:
    projects = pd.DataFrame(
        [
            _project(
                "P1",
                "Alpha",
                "Industry",
                "Ann",
                110_000.0,
                "red",
                0.55,
                programme="Plants",
                status_schedule="green",
                status_cost="red",
                forecast_end=date(2026, 10, 31),
                strategic_alignment=5,
                business_value=3,
            ),
            _project(
                "P2", "Beta", "Industry", "Bob", 202_000.0, "green", 0.15, last_update=date(2026, 2, 24)
            ),
            _project("P3", "Gamma", "Digital", "Cid", 50_000.0, "green", 0.1, last_update=JAN),
            _project("P5", "Epsilon", "Digital", "Dee", 40_000.0, "amber", 0.0),
        ]
    )
    risks = pd.DataFrame(
        [
            {
                "project_code": "P1",
                "code": "R1",
                "title": "Supplier late",
                "probability": 4,
                "impact": 5,
                "status": "open",
            },
            {
                "project_code": "P1",
                "code": "R2",
                "title": "Key engineer leaves",
                "probability": 3,
                "impact": 4,
                "status": "in_treatment",
            },
            {
                "project_code": "P1",
                "code": "R3",
                "title": "Site flooded",
                "probability": 5,
                "impact": 5,
                "status": "closed",
            },
            {
                "project_code": "P2",
                "code": "R4",
                "title": "Late invoice",
                "probability": 2,
                "impact": 2,
                "status": "open",
            },
            {
                "project_code": "P5",
                "code": "R5",
                "title": "No sponsor",
                "probability": 5,
                "impact": 4,
                "status": "open",
            },
        ]
    )
    milestones = pd.DataFrame(
        [
            {
                "project_code": "P1",
                "name": "Design",
                "baseline_date": date(2026, 2, 15),
                "forecast_date": date(2026, 2, 20),
                "actual_date": date(2026, 2, 20),
            },
            {
                "project_code": "P1",
                "name": "Build",
                "baseline_date": date(2026, 5, 1),
                "forecast_date": date(2026, 5, 21),
            },
            {
                "project_code": "P1",
                "name": "Go-live",
                "baseline_date": date(2026, 6, 15),
                "forecast_date": date(2026, 6, 15),
            },
            {
                "project_code": "P2",
                "name": "Kick-off",
                "baseline_date": date(2026, 3, 1),
                "forecast_date": date(2026, 3, 1),
            },
            {
                "project_code": "P5",
                "name": "Start",
                "baseline_date": date(2026, 4, 15),
                "forecast_date": date(2026, 4, 10),
            },
        ]
    )
    costs = pd.DataFrame(
        [
            {"project_code": "P1", "month": date(2026, 1, 1), "planned": 20_000.0, "actual": 22_000.0},
            {"project_code": "P1", "month": date(2026, 2, 1), "planned": 20_000.0, "actual": 24_000.0},
            {"project_code": "P1", "month": date(2026, 3, 1), "planned": 20_000.0, "actual": 20_000.0},
            {"project_code": "P1", "month": date(2026, 4, 1), "planned": 20_000.0, "forecast": 25_000.0},
            *(
                {"project_code": "P2", "month": date(2026, m, 1), "planned": 10_000.0, "actual": 10_000.0}
                for m in (1, 2, 3)
            ),
        ]
    )
    return {"projects": projects, "risks": risks, "milestones": milestones, "costs": costs}


def load_two_snapshots(con) -> None:
    """Import January then March, both as full imports, through the real importer."""
    for frames, as_of in ((january(), JAN), (march(), MAR)):
        plan = plan_from_frames(con, frames, scope="full", as_of=as_of)
        assert not plan.has_errors, [i.message() for i in plan.errors]
        snapshots.apply_plan(con, plan, PMO)
