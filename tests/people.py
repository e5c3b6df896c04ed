"""A small portfolio with teams, built in code: capacity and demand whose loads are worked out by hand.

    Data    Jan 2027: capacity 2 FTE; demand P1 1.5 FTE + P2 1.0 FTE        -> load 2.5 / 2 = 125 %
            Feb 2027: capacity 40 days = 2 FTE; demand P1 20 days + P2 2.0  -> load (1 + 2) / 2 = 150 %
            Mar 2027: capacity 2 FTE; demand P2 1.0 FTE                      -> 50 %
            Apr 2027: capacity 2 FTE; demand P1 1.0 FTE (P1 ended 31 Mar)    -> 50 %, demand after the end
    Java    Jan 2027: capacity 3 FTE; demand P3 30 days = 1.5 FTE            -> 50 %
    UX      Jan 2027: no capacity; demand P2 0.5 FTE                         -> a team with no capacity

(20 working days a month, the setting's default.)
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd

from tests.shapes import save

JAN, FEB, MAR, APR = date(2027, 1, 1), date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 1)
AS_OF = date(2026, 12, 31)


def frames() -> dict[str, pd.DataFrame]:
    return {
        "projects": pd.DataFrame(
            [
                {
                    "code": "P1",
                    "name": "Alpha",
                    "portfolio": "Industry",
                    "start_date": date(2026, 10, 1),
                    "forecast_end": date(2027, 3, 31),
                },
                {
                    "code": "P2",
                    "name": "Beta",
                    "portfolio": "Digital",
                    "start_date": date(2026, 11, 1),
                    "forecast_end": date(2027, 12, 31),
                },
                {
                    "code": "P3",
                    "name": "Gamma",
                    "portfolio": "Industry",
                    "start_date": date(2026, 12, 1),
                    "forecast_end": date(2027, 6, 30),
                },
            ]
        ),
        "resources": pd.DataFrame(
            [
                ("Data", JAN, 2.0, "fte"),
                ("Data", FEB, 40.0, "days"),
                ("Data", MAR, 2.0, "fte"),
                ("Data", APR, 2.0, "fte"),
                ("Java", JAN, 3.0, "fte"),
            ],
            columns=["team", "month", "capacity", "unit"],
        ),
        "demand": pd.DataFrame(
            [
                ("P1", "Data", JAN, 1.5, "fte"),
                ("P2", "Data", JAN, 1.0, "fte"),
                ("P1", "Data", FEB, 20.0, "days"),
                ("P2", "Data", FEB, 2.0, "fte"),
                ("P2", "Data", MAR, 1.0, "fte"),
                ("P1", "Data", APR, 1.0, "fte"),
                ("P3", "Java", JAN, 30.0, "days"),
                ("P2", "UX", JAN, 0.5, "fte"),
            ],
            columns=["project_code", "team", "month", "demand", "unit"],
        ),
    }


def load(con, data: dict[str, pd.DataFrame] | None = None, as_of: date = AS_OF, scope: str = "full") -> int:
    """Import the frames as one batch through the importer's own checks; return the batch."""
    from pmo_core import snapshots
    from pmo_core.importer import plan_from_frames
    from tests.actors import PMO

    plan = plan_from_frames(con, data or frames(), scope=scope, as_of=as_of)
    assert not plan.has_errors, [issue.message("en") for issue in plan.errors]
    return snapshots.apply_plan(con, plan, PMO)


# A French plan de charge as a PMO receives it, whose figures the trace tests open to their cells. Sheet
# "Capacité": a title in days, one column per month (janv.-27 ... mars-27). Sheet "Plan de charge": one line per
# project, team and month, the unit in a Unit column or in the cell ("10 j"). November changes two figures.
OCTOBER, NOVEMBER = date(2026, 10, 31), date(2026, 11, 30)


def plan_de_charge(path: Path, november: bool) -> Path:
    """Write the plan de charge of October, or of November."""
    return save(
        path,
        {
            "Projets": [
                ["Code projet", "Intitulé", "Date de début", "Fin prévue"],
                ["P1", "Alpha", "01/10/2026", "30/06/2027"],
                ["P2", "Beta", "01/11/2026", "31/12/2027"],
            ],
            "Capacité": [
                ["Capacité des équipes 2027 (en jours)"],
                [],
                ["Équipe", "janv.-27", "févr.-27", "mars-27"],
                ["Data", 40, 40, "36" if november else "40"],
                ["Java", 60, 60, 60],
            ],
            "Plan de charge": [
                ["Code projet", "Équipe", "Mois", "Charge", "Unité"],
                ["P1", "Data", "01/2027", "1,5" if november else "1", "ETP"],
                ["P2", "Data", "01/2027", "10 j", None],
                ["P2", "Java", "02/2027", 2, "ETP"],
            ],
        },
    )


def import_plans(con, folder: Path) -> None:
    """Write the October and November plans in `folder` and import them, as the PMO does each month."""
    from pmo_core import importer, snapshots
    from tests.actors import PMO

    for name, as_of in (("charge_octobre.xlsx", OCTOBER), ("charge_novembre.xlsx", NOVEMBER)):
        path = plan_de_charge(folder / name, as_of == NOVEMBER)
        reads = importer.read_files([(path, name)], importer.read_options(con))
        plan = importer.build_plan(con, reads, scope="full", as_of=as_of)
        assert not plan.has_errors, [i.message() for i in plan.errors]
        snapshots.apply_plan(con, plan, PMO)
