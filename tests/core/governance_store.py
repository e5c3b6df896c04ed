"""A small portfolio on two snapshots, built in code, whose compliance the governance tests work out by hand.

The shipped rules: business case from 500,000; risks reviewed within 30 days; status within 35 days (the
reporting period); phases Initiation/Cadrage > Design/Conception > Build/Réalisation > ...

31 August (full import)
  A1 Alpha  Ann, sponsor Sue, 600 k, Conception, Kick-off done, risks last reviewed 15 Jul (47 days: broken),
            August actuals, a business case.                                           8 rules apply, 7 met
  B2 Beta   Bob, no sponsor, 200 k (no business case needed), no baseline end, amber updated 10 Aug (21 days),
            Conception, Lancement done, one risk without review date (imported 31 Aug: fine), August actuals.
                                                                                        7 apply, 5 met
  C3 Gamma  no manager, sponsor Sam, 900 k, Conception, Kick-off done, no risk, no business case, actuals.
                                                                                        8 apply, 5 met
  Portfolio: (7/8 + 5/7 + 5/8) / 3 = 0.738095

30 September (full import)
  A1        risks reviewed 10 Sep, September actuals, Réalisation with Design sign-off done.   8 apply, 8 met
  B2        still no sponsor nor baseline end, status still of 10 Aug (51 days: stale), August actuals only
            (September missing).                                                         7 apply, 3 met
  C3        now in Build (Réalisation's English name), Design sign-off forecast but not achieved (gate broken),
            still no manager, no risk, no business case; September actuals.             8 apply, 4 met
  D4 Delta  new: Ann, sponsor Sue, 100 k, Cadrage (first phase: no gate before it), starts in November
            (no actual cost due), one risk reviewed 1 Sep (29 days).                       5 apply, 5 met
  Portfolio: (1 + 3/7 + 4/8 + 1) / 4 = 0.732143
"""

from __future__ import annotations

from datetime import date

import pandas as pd

from pmo_core import snapshots
from pmo_core.importer import plan_from_frames
from tests.actors import PMO

AUG, SEP = date(2026, 8, 31), date(2026, 9, 30)


def _project(code, name, manager, sponsor, budget, phase, **extra) -> dict:
    return {
        "code": code,
        "name": name,
        "portfolio": "Industry",
        "programme": "Plants" if code in ("A1", "B2") else None,
        "manager": manager,
        "sponsor": sponsor,
        "budget": budget,
        "phase": phase,
        "status": "green",
        "start_date": date(2025, 10, 1),
        "baseline_end": date(2027, 6, 30),
        "forecast_end": date(2027, 6, 30),
        "last_update": date(2026, 8, 28),
        **extra,
    }


def _milestone(code, name, done: date | None, baseline=date(2026, 5, 1)) -> dict:
    return {
        "project_code": code,
        "name": name,
        "baseline_date": baseline,
        "forecast_date": baseline,
        "actual_date": done,
    }


def _risk(code, risk, reviewed: date | None) -> dict:
    return {
        "project_code": code,
        "code": risk,
        "title": f"Risk {risk}",
        "probability": 3,
        "impact": 3,
        "status": "open",
        "last_review": reviewed,
    }


def _cost(code, month: date) -> dict:
    return {"project_code": code, "month": month, "cost_type": "OPEX", "planned": 10_000.0, "actual": 9_000.0}


def august() -> dict[str, pd.DataFrame]:
    return {
        "projects": pd.DataFrame(
            [
                _project("A1", "Alpha", "Ann", "Sue", 600_000.0, "Conception"),
                _project(
                    "B2",
                    "Beta",
                    "Bob",
                    None,
                    200_000.0,
                    "Conception",
                    baseline_end=None,
                    status="amber",
                    last_update=date(2026, 8, 10),
                ),
                _project("C3", "Gamma", None, "Sam", 900_000.0, "Conception", status="red"),
            ]
        ),
        "milestones": pd.DataFrame(
            [
                _milestone("A1", "Kick-off", date(2025, 10, 5)),
                _milestone("A1", "Design sign-off", None, date(2026, 9, 15)),
                _milestone("B2", "Lancement", date(2025, 10, 5)),
                _milestone("C3", "Kick-off", date(2025, 10, 5)),
                _milestone("C3", "Design sign-off", None, date(2026, 9, 20)),
            ]
        ),
        "risks": pd.DataFrame([_risk("A1", "R1", date(2026, 7, 15)), _risk("B2", "R2", None)]),
        "costs": pd.DataFrame([_cost(code, date(2026, 8, 1)) for code in ("A1", "B2", "C3")]),
        "business_case": pd.DataFrame(
            [{"project_code": "A1", "year": 2026, "cost": 600_000.0, "benefit": 0.0}]
            + [{"project_code": "A1", "year": 2027, "cost": 0.0, "benefit": 900_000.0}]
        ),
    }


def september() -> dict[str, pd.DataFrame]:
    frames = august()
    projects = frames["projects"].set_index("code")
    projects.loc["A1", ["phase", "last_update"]] = ["Réalisation", date(2026, 9, 25)]
    projects.loc["C3", ["phase", "last_update"]] = ["Build", date(2026, 9, 30)]
    delta = _project("D4", "Delta", "Ann", "Sue", 100_000.0, "Cadrage", start_date=date(2026, 11, 1))
    delta["last_update"] = date(2026, 9, 28)
    frames["projects"] = pd.concat([projects.reset_index(), pd.DataFrame([delta])], ignore_index=True)
    milestones = frames["milestones"]
    milestones.loc[
        (milestones["project_code"] == "A1") & (milestones["name"] == "Design sign-off"), "actual_date"
    ] = date(2026, 9, 15)
    frames["risks"] = pd.DataFrame(
        [_risk("A1", "R1", date(2026, 9, 10)), _risk("B2", "R2", None), _risk("D4", "R4", date(2026, 9, 1))]
    )
    frames["costs"] = pd.DataFrame(
        [_cost("A1", date(2026, 9, 1)), _cost("B2", date(2026, 8, 1)), _cost("C3", date(2026, 9, 1))]
    )
    return frames


def load(con) -> None:
    """Import both snapshots, as full imports, under the PMO's name."""
    for day, frames in ((AUG, august()), (SEP, september())):
        plan = plan_from_frames(con, frames, scope="full", as_of=day, name=f"governance_{day}.xlsx")
        assert not plan.has_errors, plan.errors
        snapshots.apply_plan(con, plan, PMO)
