"""`capacity --json` and `summary --json` on a store with teams, run as automation runs them: real processes.

Figures are tests/people.py's, worked out by hand there; a second snapshot on 31 January 2027 restates P2's
demand to 0.5 FTE of Data in January and nothing else, so the current state and `--as-of` differ.
"""

from __future__ import annotations

import json
from datetime import date

import pandas as pd

from pmo_core import store
from tests import people
from tests.core.test_cli import cli


def _store(db_path) -> None:
    con = store.connect(db_path)
    people.load(con)
    later = people.frames()
    restated = {
        "projects": later["projects"].loc[later["projects"]["code"] == "P2"],
        "demand": pd.DataFrame(
            [("P2", "Data", people.JAN, 0.5, "fte")],
            columns=["project_code", "team", "month", "demand", "unit"],
        ),
    }
    people.load(con, restated, as_of=date(2027, 1, 31), scope="partial")
    con.close()


def _capacity(db_path, *args: str) -> dict[tuple[str, str], dict]:
    result = cli(db_path, "capacity", "--json", *args)
    assert result.returncode == 0, result.stderr
    rows = json.loads(result.stdout)
    assert all(set(row) == {"team", "month", "capacity_fte", "demand_fte", "load"} for row in rows)
    return {(row["team"], row["month"]): row for row in rows}


def test_capacity_json_prints_each_team_month_now_and_as_of_an_earlier_snapshot(db_path):
    _store(db_path)
    now = _capacity(db_path)
    # Data, January: P1 1.5 + P2 restated to 0.5 = 2 FTE against 2 FTE -> 100 %
    assert now[("Data", "2027-01")] == {
        "team": "Data",
        "month": "2027-01",
        "capacity_fte": 2.0,
        "demand_fte": 2.0,
        "load": 1.0,
    }
    # February: P2 no longer asks; P1's 20 days at 20 working days = 1 FTE against 40 days = 2 FTE -> 50 %
    assert (now[("Data", "2027-02")]["demand_fte"], now[("Data", "2027-02")]["load"]) == (1.0, 0.5)
    assert ("UX", "2027-01") not in now  # P2 no longer asks UX, and UX states no capacity
    before = _capacity(db_path, "--as-of", "2026-12-31")
    assert (before[("Data", "2027-01")]["demand_fte"], before[("Data", "2027-01")]["load"]) == (2.5, 1.25)
    assert (before[("Data", "2027-02")]["demand_fte"], before[("Data", "2027-02")]["load"]) == (3.0, 1.5)
    # a team asked for with no capacity: its capacity and load are null, never 0 or infinite
    assert before[("UX", "2027-01")] == {
        "team": "UX",
        "month": "2027-01",
        "capacity_fte": None,
        "demand_fte": 0.5,
        "load": None,
    }
    assert before[("Java", "2027-01")]["load"] == 0.5  # 30 days = 1.5 FTE against 3 FTE


def test_capacity_as_text_and_on_an_empty_store(db_path):
    store.connect(db_path).close()
    assert _capacity(db_path) == {}
    _store(db_path)
    result = cli(db_path, "capacity")
    assert result.returncode == 0, result.stderr
    line = next(x for x in result.stdout.splitlines() if "Data" in x and "2027-02" in x)
    assert "50%" in line.replace("\u00a0", "").replace(" ", "")


def test_summary_json_counts_teams_and_demand_lines(db_path):
    _store(db_path)
    result = cli(db_path, "summary", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    # Data and Java state capacity, and no demand names UX any more: 2 teams; P1 3 lines + P3 1 + P2 1 = 5
    assert (summary["teams"], summary["demand_lines"], summary["capacity_lines"]) == (2, 5, 5)
