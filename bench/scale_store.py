"""Build the scale store the page benchmarks run on: 10,000 projects, 100,000 risks, 1,000,000 cost lines,
and 200 teams with 36 months of capacity and the demand of every project on two of them.

Two monthly snapshots, so "what changed" and trends have a previous state: the first states the whole
portfolio, the second updates a tenth of the projects (their risks and costs with them), as a month of
tracker uploads would. Loaded through the importer's own plan and apply, like any import.

    python bench/scale_store.py /tmp/scale.duckdb
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pmo_core import snapshots, store, vocabulary  # noqa: E402
from pmo_core.importer import plan_from_frames  # noqa: E402
from tests.actors import PMO

FIRST, SECOND = date(2026, 9, 30), date(2026, 10, 31)
PORTFOLIOS = ["Digital", "Industry", "Compliance", "Support", "R&D", "Sales", "Infrastructure", "HR"]
CATEGORIES = [term.code for term in vocabulary.CATEGORY]
STATUSES = np.array(["green", "amber", "red", None], dtype=object)


def scale_frames(n_projects: int, n_risks: int, n_cost_lines: int, seed: int = 7) -> dict[str, pd.DataFrame]:
    """Return canonical frames of a large synthetic portfolio, vectorized so building it takes seconds."""
    rng = np.random.default_rng(seed)
    codes = np.array([f"P{i:06d}" for i in range(n_projects)], dtype=object)
    start = pd.Timestamp("2024-01-01") + pd.to_timedelta(rng.integers(0, 700, n_projects), unit="D")
    length = pd.to_timedelta(rng.integers(120, 900, n_projects), unit="D")
    baseline_end = start + length
    forecast_end = baseline_end + pd.to_timedelta(rng.choice([0, 0, 0, 14, 30, 90], n_projects), unit="D")
    portfolio = rng.integers(0, len(PORTFOLIOS), n_projects)
    projects = pd.DataFrame(
        {
            "code": codes,
            "name": [f"Project {i}" for i in range(n_projects)],
            "portfolio": np.array(PORTFOLIOS, dtype=object)[portfolio],
            "programme": [f"{PORTFOLIOS[p]} programme {i % 12}" for i, p in enumerate(portfolio)],
            "manager": [f"Manager {i % 400}" for i in range(n_projects)],
            "sponsor": [f"Sponsor {i % 80}" for i in range(n_projects)],
            "phase": rng.choice(["Initiation", "Design", "Build", "Test", "Deploy"], n_projects),
            "start_date": start,
            "baseline_end": baseline_end,
            "forecast_end": forecast_end,
            "budget": rng.uniform(50_000, 5_000_000, n_projects).round(2),
            "percent_complete": rng.uniform(0, 1, n_projects).round(2),
            "status": rng.choice(STATUSES, n_projects, p=[0.6, 0.25, 0.12, 0.03]),
            "status_schedule": rng.choice(STATUSES[:3], n_projects),
            "status_cost": rng.choice(STATUSES[:3], n_projects),
            "status_scope": rng.choice(STATUSES[:3], n_projects),
            "status_resources": rng.choice(STATUSES[:3], n_projects),
            "strategic_alignment": rng.integers(1, 6, n_projects),
            "business_value": rng.integers(1, 6, n_projects),
            "time_criticality": rng.integers(1, 6, n_projects),
            "risk_reduction": rng.integers(1, 6, n_projects),
            "job_size": rng.choice([1, 2, 3, 5, 8, 13, 20], n_projects),
            "urgency": rng.integers(1, 6, n_projects),
            "feasibility": rng.integers(1, 6, n_projects),
            "risk_level": rng.integers(1, 6, n_projects),
            "npv": rng.normal(500_000, 800_000, n_projects).round(0),
        }
    )
    risk_project = rng.integers(0, n_projects, n_risks)
    risks = pd.DataFrame(
        {
            "project_code": codes[risk_project],
            "code": [f"R{i:07d}" for i in range(n_risks)],
            "title": [f"Risk {i}" for i in range(n_risks)],
            "category": rng.choice(CATEGORIES, n_risks),
            "probability": rng.integers(1, 6, n_risks),
            "impact": rng.integers(1, 6, n_risks),
            "residual_probability": rng.integers(1, 4, n_risks),
            "residual_impact": rng.integers(1, 4, n_risks),
            "owner": [f"Owner {i % 900}" for i in range(n_risks)],
            "response": rng.choice(["avoid", "transfer", "mitigate", "accept", "escalate"], n_risks),
            "due_date": pd.Timestamp("2026-01-01") + pd.to_timedelta(rng.integers(0, 540, n_risks), unit="D"),
            "status": rng.choice(["open", "in_treatment", "closed"], n_risks, p=[0.5, 0.3, 0.2]),
            "cost_impact": rng.choice([5_000.0, 25_000.0, 100_000.0, 500_000.0], n_risks),
        }
    )
    per_project = n_cost_lines // n_projects
    month_index = np.tile(np.arange(per_project), n_projects)
    line_project = np.repeat(np.arange(n_projects), per_project)
    months = pd.to_datetime(start.values[line_project]).to_period("M").to_timestamp() + pd.to_timedelta(
        0, "D"
    )
    months = months + pd.to_timedelta(month_index * 31, unit="D")
    months = months.to_period("M").to_timestamp()
    planned = (projects["budget"].to_numpy()[line_project] / per_project).round(2)
    actual_mask = months <= pd.Timestamp(SECOND)
    costs = pd.DataFrame(
        {
            "project_code": codes[line_project],
            "month": months,
            "cost_type": np.where(month_index % 3 == 0, "OPEX", "CAPEX"),
            "planned": planned,
            "actual": np.where(actual_mask, (planned * rng.uniform(0.7, 1.3, len(planned))).round(2), np.nan),
            "forecast": np.where(~actual_mask, planned, np.nan),
        }
    )
    milestone_project = np.repeat(np.arange(n_projects), 4)
    step = np.tile(np.arange(1, 5), n_projects)
    baseline = pd.to_datetime(start.values[milestone_project]) + pd.to_timedelta(
        length.days.values[milestone_project] * step // 4, unit="D"
    )
    slip = pd.to_timedelta(rng.choice([0, 0, 7, 30, 60], len(step)), unit="D")
    milestones = pd.DataFrame(
        {
            "project_code": codes[milestone_project],
            "name": np.array(["Design sign-off", "Build complete", "Go-live", "Closure"], dtype=object)[
                step - 1
            ],
            "baseline_date": baseline,
            "forecast_date": baseline + slip,
            "actual_date": (baseline + slip).where(baseline + slip <= pd.Timestamp(FIRST)),
        }
    )
    resources, demand = people_frames(codes, start, baseline_end, rng)
    return {
        "projects": projects,
        "risks": risks,
        "costs": costs,
        "milestones": milestones,
        "resources": resources,
        "demand": demand,
    }


TEAMS, PEOPLE_MONTHS = 200, pd.date_range("2025-07-01", periods=36, freq="MS")


def people_frames(
    codes: np.ndarray, start: pd.DatetimeIndex, end: pd.DatetimeIndex, rng: np.random.Generator
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return 200 teams' capacity over 36 months and each project's demand on two teams over its months
    in that window (0.2 to 1.5 FTE a month; a tenth of the lines in person-days), the capacity sized on the
    demand so that a few teams run over in some months."""
    teams = np.array([f"Team {i:03d}" for i in range(TEAMS)], dtype=object)
    first = np.maximum(start.to_period("M").to_timestamp().values, PEOPLE_MONTHS[0].to_datetime64())
    last = np.minimum(end.to_period("M").to_timestamp().values, PEOPLE_MONTHS[-1].to_datetime64())
    months = PEOPLE_MONTHS.values
    begin = np.searchsorted(months, first)
    stop = np.searchsorted(months, last, side="right")
    span = np.maximum(stop - begin, 0)
    lines = []
    for _ in range(2):
        team = rng.integers(0, TEAMS, len(codes))
        fte = rng.uniform(0.2, 1.5, len(codes)).round(1)
        project = np.repeat(np.arange(len(codes)), span)
        offset = np.arange(span.sum()) - np.repeat(np.cumsum(span) - span, span)
        lines.append(
            pd.DataFrame(
                {
                    "project_code": codes[project],
                    "team": teams[team[project]],
                    "month": months[begin[project] + offset],
                    "demand": fte[project],
                }
            )
        )
    demand = pd.concat(lines, ignore_index=True)
    days = rng.random(len(demand)) < 0.1
    demand["unit"] = np.where(days, "days", "fte")
    load = demand.groupby(["team", "month"])["demand"].sum()
    demand.loc[days, "demand"] = (demand.loc[days, "demand"] * 20).round()
    typical = load.groupby(level="team").median().reindex(teams).fillna(1.0)
    grid = pd.MultiIndex.from_product([teams, months], names=["team", "month"]).to_frame(index=False)
    grid["capacity"] = (grid["team"].map(typical) * rng.uniform(0.9, 1.4, len(grid))).round(1).clip(lower=0.5)
    grid["unit"] = "fte"
    return grid, demand


def build_scale_store(
    path: Path, n_projects: int = 10_000, n_risks: int = 100_000, n_cost_lines: int = 1_000_000
) -> dict:
    """Create the store at `path` (replacing it) and return how long each step took."""
    path = Path(path)
    for suffix in ("", ".wal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    timings = {}
    began = time.perf_counter()
    frames = scale_frames(n_projects, n_risks, n_cost_lines)
    timings["generate"] = time.perf_counter() - began
    con = store.connect(path)
    began = time.perf_counter()
    snapshots.apply_plan(con, plan_from_frames(con, frames, scope="full", as_of=FIRST, name="scale-1"), PMO)
    timings["first snapshot"] = time.perf_counter() - began
    began = time.perf_counter()
    snapshots.apply_plan(
        con, plan_from_frames(con, _monthly_update(frames), as_of=SECOND, name="scale-2"), PMO
    )
    timings["second snapshot"] = time.perf_counter() - began
    con.close()
    return timings


def _monthly_update(frames: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Restate a tenth of the projects a month later: statuses move, budgets and actuals change."""
    rng = np.random.default_rng(11)
    projects = frames["projects"]
    chosen = set(projects["code"].iloc[::10])
    updated = projects.loc[projects["code"].isin(chosen)].copy()
    updated["status"] = rng.choice(STATUSES[:3], len(updated))
    updated["budget"] = (updated["budget"] * rng.uniform(0.95, 1.15, len(updated))).round(2)
    updated["percent_complete"] = (updated["percent_complete"] + 0.05).clip(upper=1.0)
    risks = frames["risks"].loc[frames["risks"]["project_code"].isin(chosen)].copy()
    risks["probability"] = np.minimum(5, risks["probability"] + rng.integers(0, 2, len(risks)))
    costs = frames["costs"].loc[frames["costs"]["project_code"].isin(chosen)].copy()
    milestones = frames["milestones"].loc[frames["milestones"]["project_code"].isin(chosen)].copy()
    milestones["forecast_date"] = milestones["forecast_date"] + pd.to_timedelta(
        rng.choice([0, 0, 14], len(milestones)), unit="D"
    )
    demand = frames["demand"].loc[frames["demand"]["project_code"].isin(chosen)].copy()
    demand["demand"] = (demand["demand"] * rng.uniform(0.8, 1.3, len(demand))).round(1)
    return {"projects": updated, "risks": risks, "costs": costs, "milestones": milestones, "demand": demand}


if __name__ == "__main__":
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/pmo_scale.duckdb")
    for step, seconds in build_scale_store(target).items():
        print(f"{step:<16} {seconds:6.1f} s")
    print(f"store: {target}")
