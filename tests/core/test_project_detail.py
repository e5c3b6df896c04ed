"""One project's page data on the hand-made portfolio of tests/core/overview_store.py."""

from __future__ import annotations

import math
from datetime import date

import pytest

from pmo_core import project_detail
from pmo_core.filters import Filters
from tests.core.overview_store import JAN, MAR, load_two_snapshots

NOW = Filters()


@pytest.fixture
def two(con):
    load_two_snapshots(con)
    return con


def test_choices_list_the_filtered_projects(two):
    assert project_detail.project_choices(two, NOW)["code"].tolist() == ["P1", "P2", "P3", "P5"]
    assert project_detail.project_choices(two, Filters(managers=("Cid",)))["code"].tolist() == ["P3"]


def test_identity_of_a_stale_project_is_grey_everywhere(two):
    gamma = project_detail.identity(two, "P3", NOW)
    assert (gamma.name, gamma.manager, gamma.last_update, gamma.stale, gamma.reference) == (
        "Gamma",
        "Cid",
        JAN,
        True,
        MAR,
    )
    assert set(gamma.statuses.values()) == {"grey"}


def test_identity_with_its_end_slip(two):
    alpha = project_detail.identity(two, "P1", NOW)
    assert (alpha.statuses["status"], alpha.statuses["status_cost"], alpha.stale) == ("red", "red", False)
    assert alpha.end_slip_days == 31  # forecast 31 Oct against baseline 30 Sep
    # January: green overall, amber schedule, green cost; March: red, green, red
    assert (alpha.trends["status"], alpha.trends["status_schedule"], alpha.trends["status_cost"]) == (
        "worse",
        "better",
        "worse",
    )
    assert project_detail.identity(two, "P5", NOW).trends["status"] == "new"


def test_a_project_absent_from_the_snapshot_has_no_identity(two):
    assert project_detail.identity(two, "P4", NOW) is None  # closed in March
    assert project_detail.identity(two, "P4", Filters(as_of=JAN)).statuses["status"] == "red"
    assert project_detail.identity(two, "nope", NOW) is None


def test_status_history_per_snapshot_and_dimension(two):
    history = project_detail.status_history(two, "P1", NOW)
    table = {(d.date(), dim): s for d, dim, s in history.itertuples(index=False)}
    assert (table[(JAN, "overall")], table[(MAR, "overall")]) == ("green", "red")
    assert (table[(JAN, "schedule")], table[(MAR, "schedule")]) == ("amber", "green")
    gamma = project_detail.status_history(two, "P3", NOW)
    assert gamma[gamma["dimension"] == "overall"]["status"].tolist() == ["green", "grey"]


def test_milestones_with_slips_and_states(two):
    alpha = project_detail.milestones(two, "P1", NOW)
    assert list(zip(alpha["name"], alpha["slip_days"], alpha["state"], strict=True)) == [
        ("Design", 5, "done"),
        ("Build", 20, "late"),
        ("Go-live", 0, "on_track"),
    ]
    beta = project_detail.milestones(two, "P2", NOW)
    assert (beta.iloc[0]["slip_days"], beta.iloc[0]["state"]) == (0, "late")  # 1 Mar passed, not achieved


def test_risks_open_first_and_the_heatmap_counts_open_risks(two):
    risks = project_detail.risks(two, "P1", NOW)
    assert list(zip(risks["code"], risks["score"], risks["band"], strict=True)) == [
        ("R1", 20, "critical"),
        ("R2", 12, "high"),
        ("R3", 25, "critical"),
    ]
    cells = project_detail.risk_cells(two, "P1", NOW)
    assert len(cells) == 25
    counted = {(p, i): n for p, i, _, n in cells.itertuples(index=False) if n}
    assert counted == {(4, 5): 1, (3, 4): 1}  # R3 (5x5) is closed


def test_monthly_costs_with_running_totals(two):
    costs = project_detail.monthly_costs(two, "P1", NOW)
    assert costs["planned"].tolist() == [20_000] * 4
    assert costs["actual"].tolist()[:3] == [22_000, 24_000, 20_000]
    assert math.isnan(costs["actual"].iloc[3]) and costs["forecast"].iloc[3] == 25_000
    assert costs["planned_cumulative"].iloc[-1] == 80_000
    assert costs["actual_cumulative"].iloc[2] == 66_000


def test_earned_value_of_one_project(two):
    ev = project_detail.earned_value(two, "P1", NOW)
    assert ev.status_date == date(2026, 3, 31)
    # EV 60.5k, AC 66k, PV 60k; EAC 120k; ETC = 120k - 66k; TCPI = (110k - 60.5k) / (110k - 66k)
    assert (ev.ev, ev.ac, ev.pv, ev.eac, ev.etc, ev.vac) == pytest.approx(
        (60_500, 66_000, 60_000, 120_000, 54_000, -10_000)
    )
    assert ev.tcpi == pytest.approx(49.5 / 44)


def test_earned_value_ratios_without_actuals_are_undefined(two):
    gamma = project_detail.earned_value(two, "P3", NOW)
    assert math.isnan(gamma.cpi) and gamma.bac == 50_000
