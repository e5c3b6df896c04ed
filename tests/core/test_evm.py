"""Earned value against figures worked out by hand on a small portfolio with known cost lines."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from pmo_core import evm, settings, snapshots
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.frames import projects

SNAPSHOT = date(2026, 3, 31)
STATUS = date(2026, 3, 31)  # Jan, Feb and Mar lines count; Apr onwards does not


def month(m: int) -> date:
    return date(2026, m, 1)


def lines(code: str, column: str, amounts: dict[int, float]) -> list[dict]:
    return [
        {"project_code": code, "month": month(m), "cost_type": "CAPEX", column: v} for m, v in amounts.items()
    ]


def portfolio() -> dict[str, pd.DataFrame]:
    """Seven projects, each showing one case the page must get right."""
    frame = projects(
        # ahead of schedule and under budget
        {
            "code": "A",
            "name": "Ahead",
            "portfolio": "X",
            "programme": "X1",
            "budget": 1200.0,
            "percent_complete": 0.5,
        },
        # behind schedule and over budget, with a tracker estimate to complete
        {
            "code": "B",
            "name": "Behind",
            "portfolio": "X",
            "programme": "X1",
            "budget": 1000.0,
            "percent_complete": 0.2,
            "estimate_to_complete": 700.0,
        },
        # started, no actual cost yet (AC = 0 from the tracker's field)
        {
            "code": "C",
            "name": "No spend",
            "portfolio": "Y",
            "budget": 600.0,
            "percent_complete": 0.1,
            "actual_cost": 0.0,
        },
        # planned to start in May: no planned value yet, but an early invoice
        {"code": "D", "name": "Not started", "portfolio": "Y", "budget": 800.0, "percent_complete": 0.0},
        # finished early, under budget
        {"code": "E", "name": "Done early", "portfolio": "Y", "budget": 500.0, "percent_complete": 1.0},
        # no budget: BAC from its planned lines
        {"code": "F", "name": "No budget", "portfolio": "Y", "percent_complete": 0.5},
        # no cost lines: PV from the baseline schedule, AC from the tracker's field
        {
            "code": "G",
            "name": "No lines",
            "portfolio": "Y",
            "budget": 1200.0,
            "percent_complete": 0.25,
            "actual_cost": 300.0,
            "start_date": date(2026, 3, 1),
            "baseline_end": date(2026, 4, 30),
        },
    )
    costs = [
        *lines("A", "planned", dict.fromkeys(range(1, 13), 100.0)),
        *lines("A", "actual", {1: 150.0, 2: 150.0, 3: 150.0}),
        *lines("A", "forecast", {3: 999.0, **dict.fromkeys(range(4, 13), 50.0)}),
        *lines("B", "planned", dict.fromkeys(range(1, 11), 100.0)),
        *lines("B", "actual", {1: 100.0, 2: 150.0, 3: 150.0}),
        *lines("C", "planned", {3: 100.0, 4: 200.0, 5: 300.0}),
        *lines("D", "planned", dict.fromkeys(range(5, 13), 100.0)),
        *lines("D", "actual", {3: 50.0}),
        *lines("E", "planned", dict.fromkeys(range(1, 6), 100.0)),
        *lines("E", "actual", {1: 200.0, 2: 250.0}),
        *lines("F", "planned", dict.fromkeys(range(1, 5), 100.0)),
        *lines("F", "actual", {1: 100.0, 2: 100.0, 3: 100.0}),
    ]
    return {"projects": frame, "costs": pd.DataFrame(costs)}


def load(con, frames, as_of=SNAPSHOT, scope="full"):
    plan = plan_from_frames(con, frames, scope=scope, as_of=as_of)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    snapshots.apply_plan(con, plan, PMO)


@pytest.fixture
def ev(con):
    load(con, portfolio())
    return evm.earned_value(con, Filters(), STATUS, method="cpi").set_index("code")


def close(actual, expected):
    if expected is None:
        return math.isnan(actual)
    return actual == pytest.approx(expected, rel=1e-9)


def check(row, **expected):
    wrong = {k: (row[k], v) for k, v in expected.items() if not close(row[k], v)}
    assert not wrong, wrong


def test_ahead_and_under_budget(ev):
    # PV = 3 planned months x 100; EV = 50 % x 1200; AC = 3 x 150 (April onwards is after the status date)
    # CPI = 600 / 450, SPI = 600 / 300; EAC = 450 + (1200 - 600) / (4/3) = 900; TCPI = 600 / 750
    check(
        ev.loc["A"],
        bac=1200,
        pv=300,
        ev=600,
        ac=450,
        cv=150,
        sv=300,
        cpi=4 / 3,
        spi=2.0,
        eac=900,
        etc=450,
        vac=300,
        tcpi=0.8,
    )


def test_behind_and_over_budget(ev):
    # PV = 300, EV = 20 % x 1000 = 200, AC = 100 + 150 + 150 = 400; CPI = 0.5, SPI = 2/3
    # EAC = 400 + 800 / 0.5 = 2000; ETC = 1600; VAC = -1000; TCPI = 800 / 600
    check(
        ev.loc["B"],
        bac=1000,
        pv=300,
        ev=200,
        ac=400,
        cv=-200,
        sv=-100,
        cpi=0.5,
        spi=2 / 3,
        eac=2000,
        etc=1600,
        vac=-1000,
        tcpi=4 / 3,
    )


def test_no_actual_cost_leaves_cpi_and_eac_undefined(ev):
    # AC = 0 (tracker field): CPI = 60 / 0 is not available, so BAC / CPI is not either; SPI = 60 / 100
    check(
        ev.loc["C"],
        pv=100,
        ev=60,
        ac=0,
        cv=60,
        cpi=None,
        spi=0.6,
        eac=None,
        etc=None,
        vac=None,
        tcpi=540 / 600,
    )


def test_no_planned_value_leaves_spi_undefined(ev):
    # PV = 0 (first planned month is May); EV = 0 and AC = 50 give CPI = 0, so BAC / CPI is not available
    check(ev.loc["D"], pv=0, ev=0, ac=50, sv=0, cpi=0.0, spi=None, eac=None, tcpi=800 / 750)


def test_finished_early(ev):
    # EV = BAC = 500, AC = 450, PV = 3 x 100: nothing left to earn, so EAC = AC and TCPI = 0 / 50
    check(
        ev.loc["E"],
        pv=300,
        ev=500,
        ac=450,
        cv=50,
        sv=200,
        cpi=500 / 450,
        spi=500 / 300,
        eac=450,
        etc=0,
        vac=50,
        tcpi=0.0,
    )


def test_bac_falls_back_to_planned_lines(ev):
    # no budget: BAC = 4 planned months x 100 = 400; EV = 50 % x 400; PV = 300; AC = 300
    check(ev.loc["F"], bac=400, pv=300, ev=200, ac=300)
    assert ev.loc["F", "bac_from_lines"] and not ev.loc["A", "bac_from_lines"]


def test_pv_falls_back_to_the_baseline_schedule(ev):
    # 1 Mar .. 30 Apr is 60 days; 31 Mar is 30 days in: PV = 1200 x 30/60; AC from the field; EV = 25 % x 1200
    check(ev.loc["G"], pv=600, ev=300, ac=300, cpi=1.0, spi=0.5)
    assert ev.loc["G", "pv_from_schedule"] and ev.loc["G", "ac_from_field"]
    assert not ev.loc["A", "pv_from_schedule"] and not ev.loc["A", "ac_from_field"]


def test_pv_uses_the_forecast_end_when_there_is_no_baseline_end(con):
    frame = projects(
        {
            "code": "H",
            "name": "H",
            "budget": 100.0,
            "start_date": date(2026, 3, 1),
            "forecast_end": date(2026, 4, 30),
            "percent_complete": 0.0,
        }
    )
    load(con, {"projects": frame})
    # 30 of 60 days elapsed: PV = 100 x 0.5
    assert evm.earned_value(con, Filters(), STATUS).loc[0, "pv"] == pytest.approx(50)


@pytest.mark.parametrize(
    ("method", "eac"),
    [
        ("cpi", 2000),  # 400 + 800 / 0.5
        ("atypical", 1200),  # 400 + 800
        ("cpi_spi", 2800),  # 400 + 800 / (0.5 x 2/3)
        ("bottom_up", 1100),  # 400 + the tracker's ETC of 700
    ],
)
def test_the_four_eac_methods(con, method, eac):
    load(con, portfolio())
    row = evm.earned_value(con, Filters(), STATUS, method=method).set_index("code").loc["B"]
    assert row["eac"] == pytest.approx(eac)
    assert row["etc"] == pytest.approx(eac - 400)
    assert row["vac"] == pytest.approx(1000 - eac)


def test_bottom_up_uses_forecast_lines_after_the_status_date(con):
    load(con, portfolio())
    row = evm.earned_value(con, Filters(), STATUS, method="bottom_up").set_index("code").loc["A"]
    # no tracker ETC: 9 forecast months Apr..Dec x 50 = 450 (March's 999 is before the status date)
    assert row["eac"] == pytest.approx(450 + 450)


def test_the_method_comes_from_settings(con):
    load(con, portfolio())
    settings.put(con, "eac_method", "atypical", PMO)
    row = evm.earned_value(con, Filters(), STATUS).set_index("code").loc["B"]
    assert row["eac"] == pytest.approx(1200)


def test_no_ratio_is_ever_infinite(ev):
    ratios = ev[["cpi", "spi", "tcpi", "eac", "etc", "vac"]].to_numpy(dtype=float)
    assert not (ratios == math.inf).any() and not (ratios == -math.inf).any()


def test_a_month_counts_once_it_has_ended(con):
    load(con, portfolio())
    row = evm.earned_value(con, Filters(), date(2026, 3, 15)).set_index("code").loc["A"]
    # mid-March: only January and February are complete
    assert (row["pv"], row["ac"]) == (200, 300)


def test_roll_up_recomputes_ratios_from_sums(ev):
    frame = ev.reset_index()
    rolled = evm.roll_up(frame.loc[frame["code"].isin(["A", "B"])], "portfolio", "cpi").set_index("portfolio")
    # A + B: BAC 2200, PV 600, EV 800, AC 850 -> CPI 800/850 (the mean of 4/3 and 0.5 would be 0.92)
    check(
        rolled.loc["X"],
        bac=2200,
        pv=600,
        ev=800,
        ac=850,
        cpi=800 / 850,
        spi=800 / 600,
        eac=850 + 1400 / (800 / 850),
        tcpi=1400 / 1350,
    )
    assert rolled.loc["X", "n_projects"] == 2


def test_roll_up_of_everything_is_one_row(ev):
    total = evm.roll_up(ev.reset_index(), None, "cpi")
    # BAC 1200 + 1000 + 600 + 800 + 500 + 400 + 1200
    assert len(total) == 1 and total.loc[0, "bac"] == pytest.approx(5700)
    assert total.loc[0, "n_projects"] == 7


def test_filters_and_snapshots_select_the_projects(con):
    load(con, portfolio())
    update = projects(
        {"code": "A", "name": "Ahead", "portfolio": "X", "budget": 2400.0, "percent_complete": 0.5}
    )
    load(con, {"projects": update}, as_of=date(2026, 4, 30), scope="partial")
    now = evm.earned_value(con, Filters(portfolios=("X",)), STATUS).set_index("code")
    before = evm.earned_value(con, Filters(portfolios=("X",), as_of=SNAPSHOT), STATUS).set_index("code")
    assert sorted(now.index) == ["A", "B"]
    assert (now.loc["A", "bac"], before.loc["A", "bac"]) == (2400, 1200)


def test_an_empty_selection_gives_an_empty_frame(con):
    load(con, portfolio())
    frame = evm.earned_value(con, Filters(portfolios=("nowhere",)), STATUS)
    assert frame.empty and list(frame.columns[:16]) == list(evm.COLUMNS)


@pytest.mark.parametrize(
    ("reference", "expected"),
    [
        (date(2026, 11, 25), date(2026, 10, 31)),
        (date(2026, 10, 31), date(2026, 10, 31)),  # a month end completes its month
        (date(2026, 3, 1), date(2026, 2, 28)),
        (date(2026, 1, 15), date(2025, 12, 31)),
        (date(2028, 2, 29), date(2028, 2, 29)),
    ],
)
def test_default_status_date(reference, expected):
    assert evm.default_status_date(reference) == expected


@pytest.mark.parametrize(
    ("value", "status"),
    [(1.02, "green"), (0.95, "green"), (0.93, "amber"), (0.90, "amber"), (0.89, "red"), (float("nan"), None)],
)
def test_index_status_follows_the_thresholds(value, status):
    assert evm.index_status(value, 0.95, 0.90) == status
