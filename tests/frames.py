"""Small canonical portfolios built in code, for tests that need a store with known content."""

from __future__ import annotations

from datetime import date

import pandas as pd


def projects(*rows: dict) -> pd.DataFrame:
    """Return a projects frame; each row needs at least code and name."""
    return pd.DataFrame(list(rows))


def two_projects() -> dict[str, pd.DataFrame]:
    return {
        "projects": projects(
            {
                "code": "P1",
                "name": "Alpha",
                "portfolio": "Industry",
                "manager": "Ann",
                "budget": 100_000.0,
                "start_date": date(2026, 1, 1),
                "forecast_end": date(2026, 12, 31),
                "status": "green",
                "percent_complete": 0.5,
            },
            {
                "code": "P2",
                "name": "Beta",
                "portfolio": "Digital",
                "manager": "Bob",
                "budget": 50_000.0,
                "start_date": date(2026, 2, 1),
                "forecast_end": date(2027, 6, 30),
                "status": "amber",
                "percent_complete": 0.2,
            },
        ),
        "risks": pd.DataFrame(
            [
                {
                    "project_code": "P1",
                    "code": "R1",
                    "title": "Supplier late",
                    "probability": 4,
                    "impact": 5,
                    "status": "open",
                    "category": "schedule",
                },
                {
                    "project_code": "P2",
                    "code": "R2",
                    "title": "Noise exposure",
                    "probability": 2,
                    "impact": 3,
                    "status": "open",
                    "category": "health_safety",
                },
            ]
        ),
        "costs": pd.DataFrame(
            [
                {
                    "project_code": "P1",
                    "month": date(2026, 1, 1),
                    "cost_type": "CAPEX",
                    "planned": 10_000.0,
                    "actual": 12_000.0,
                },
                {
                    "project_code": "P1",
                    "month": date(2026, 2, 1),
                    "cost_type": "CAPEX",
                    "planned": 10_000.0,
                    "actual": 9_000.0,
                },
                {
                    "project_code": "P2",
                    "month": date(2026, 2, 1),
                    "cost_type": "OPEX",
                    "planned": 5_000.0,
                    "actual": 5_000.0,
                },
            ]
        ),
        "milestones": pd.DataFrame(
            [
                {
                    "project_code": "P1",
                    "name": "Go-live",
                    "baseline_date": date(2026, 9, 1),
                    "forecast_date": date(2026, 10, 1),
                },
            ]
        ),
    }
