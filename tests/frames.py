"""Small canonical portfolios built in code, for tests that need a store with known content."""

from __future__ import annotations

from datetime import date, timedelta

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


LATE_AS_OF = date(2026, 10, 31)
LATE_PORTFOLIOS = ("Industrial operations", "Digital transformation", "Corporate functions")


def late_portfolio(count: int = 40) -> dict[str, pd.DataFrame]:
    """`count` red and amber projects that all end later than planned, project Ti by i + 1 weeks (the last
    one the worst), over three portfolios, with long names that share their first 34 characters (the roadmap
    cuts them and adds the code); and five green projects on time. Reported three days before LATE_AS_OF."""
    baseline_end = date(2027, 3, 31)
    rows = [
        {
            "code": f"T{i:02d}",
            "name": f"Regional plant modernisation wave {i:02d} and supplier onboarding",
            "portfolio": LATE_PORTFOLIOS[i % 3],
            "manager": f"Manager {i % 7}",
            "budget": 100_000.0 + 10_000.0 * i,
            "start_date": date(2026, 1, 1) + timedelta(days=5 * i),
            "baseline_end": baseline_end,
            "forecast_end": baseline_end + timedelta(weeks=i + 1),
            "status": "red" if i % 3 == 0 else "amber",
            "percent_complete": 0.4,
            "last_update": LATE_AS_OF - timedelta(days=3),
        }
        for i in range(count)
    ]
    rows += [
        {
            "code": f"G{i}",
            "name": f"On-time project {i}",
            "portfolio": LATE_PORTFOLIOS[i % 3],
            "manager": "Manager 0",
            "budget": 50_000.0,
            "start_date": date(2026, 2, 1),
            "baseline_end": baseline_end,
            "forecast_end": baseline_end,
            "status": "green",
            "percent_complete": 0.5,
            "last_update": LATE_AS_OF - timedelta(days=3),
        }
        for i in range(5)
    ]
    return {"projects": projects(*rows)}
