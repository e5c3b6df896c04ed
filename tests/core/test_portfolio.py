"""The overview's figures on a two-snapshot portfolio worked out by hand (tests/core/overview_store.py)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import evm, portfolio, priorities, settings, snapshots
from pmo_core.filters import Filters
from tests.actors import PMO
from tests.core.overview_store import JAN, MAR, load_two_snapshots

NOW = Filters()


@pytest.fixture
def two(con):
    load_two_snapshots(con)
    return con


def by_code(table: pd.DataFrame) -> dict:
    return {row["code"]: row for _, row in table.iterrows()}


def status_of(con, status, last_update, reference=MAR, period=35):
    sql = f"SELECT {portfolio.reported_status_sql('$s', '$u::DATE')}"
    return con.execute(
        sql, {"s": status, "u": last_update, "reference": reference, "period_days": period}
    ).fetchone()[0]


def test_the_grey_rule_turns_missing_and_stale_statuses_grey(con):
    # 31 Mar - 35 days = 24 Feb: an update on 24 Feb is within the period, one on 23 Feb is not.
    assert status_of(con, "green", date(2026, 2, 24)) == "green"
    assert status_of(con, "green", date(2026, 2, 23)) == "grey"
    assert status_of(con, "red", None) == "grey"
    assert status_of(con, None, MAR) == "grey"
    assert status_of(con, "amber", date(2026, 2, 23), period=36) == "amber"


def test_reporting_dates_of_the_current_state_and_of_a_snapshot(two):
    context = portfolio.reporting(two, NOW)
    assert (context.reference, context.previous, context.period_days, context.status_date) == (
        MAR,
        JAN,
        35,
        MAR,
    )
    january = portfolio.reporting(two, Filters(as_of=JAN))
    assert (january.reference, january.previous) == (JAN, None)


def test_the_table_puts_red_first_and_shows_the_stale_project_grey(two):
    table = portfolio.project_table(two, NOW)
    # red P1, amber P5, grey P3 (stale), green P2
    assert table["code"].tolist() == ["P1", "P5", "P3", "P2"]
    rows = by_code(table)
    assert (rows["P3"]["status"], rows["P3"]["status_before"], bool(rows["P3"]["stale"])) == (
        "grey",
        "green",
        True,
    )
    # P2 was updated on 24 Feb, exactly 35 days before 31 Mar: still reported
    assert (rows["P2"]["status"], bool(rows["P2"]["stale"])) == ("green", False)


def test_trends_compare_each_status_with_the_previous_snapshot(two):
    rows = by_code(portfolio.project_table(two, NOW))
    assert {c: rows[c]["status_trend"] for c in rows} == {
        "P1": "worse",
        "P2": "better",
        "P3": "unknown",
        "P5": "new",
    }
    p1 = rows["P1"]
    # schedule amber -> green, cost green -> red, scope never reported (grey both times)
    assert (p1["status_schedule_trend"], p1["status_cost_trend"], p1["status_scope_trend"]) == (
        "better",
        "worse",
        "same",
    )


def test_next_milestone_slip_and_late_milestones(two):
    rows = by_code(portfolio.project_table(two, NOW))
    # P1: Design achieved; Build forecast 21 May against 1 May baseline: next, 20 days late
    assert (
        rows["P1"]["next_milestone"],
        rows["P1"]["next_milestone_slip"],
        rows["P1"]["late_milestones"],
    ) == ("Build", 20, 1)
    assert rows["P1"]["next_milestone_date"] == pd.Timestamp("2026-05-21")
    # P2: Kick-off on 1 Mar, no actual date on 31 Mar: overdue although its slip is 0
    assert (rows["P2"]["next_milestone_slip"], rows["P2"]["late_milestones"]) == (0, 1)
    # P5: forecast five days early: not late
    assert (rows["P5"]["next_milestone_slip"], rows["P5"]["late_milestones"]) == (-5, 0)
    assert pd.isna(rows["P3"]["next_milestone"])


def test_open_high_and_critical_risks_follow_the_band_table(two):
    rows = by_code(portfolio.project_table(two, NOW))
    # P1: R1 4x5=20 critical, R2 3x4=12 high (in treatment is open), R3 5x5 closed: not counted
    assert (rows["P1"]["critical_risks"], rows["P1"]["high_risks"], rows["P1"]["risk_exposure"]) == (1, 1, 32)
    assert (rows["P2"]["critical_risks"], rows["P2"]["high_risks"]) == (0, 0)
    two.execute("UPDATE risk_bands SET band = 'critical' WHERE probability = 3 AND impact = 4")
    rows = by_code(portfolio.project_table(two, NOW))
    assert (rows["P1"]["critical_risks"], rows["P1"]["high_risks"]) == (2, 0)


def test_earned_value_figures_come_from_evm(two):
    p1 = by_code(portfolio.project_table(two, NOW))["P1"]
    # BAC 110k; PV = 3 x 20k = 60k; EV = 55 % x 110k = 60.5k; AC = 22k + 24k + 20k = 66k
    assert (p1["bac"], p1["pv"], p1["ev"], p1["ac"]) == pytest.approx((110_000, 60_000, 60_500, 66_000))
    # CPI = 60.5 / 66; SPI = 60.5 / 60; EAC = 66k + (110k - 60.5k) / CPI = 66k + 54k
    assert (p1["cpi"], p1["spi"], p1["eac"]) == pytest.approx((60.5 / 66, 60.5 / 60, 120_000))


def test_the_reporting_period_is_a_setting(two):
    settings.put(two, "reporting_period_days", 34, PMO)
    assert by_code(portfolio.project_table(two, NOW))["P2"]["status"] == "grey"


def test_filters_and_snapshots_choose_the_projects(two):
    assert set(portfolio.project_table(two, Filters(portfolios=("Digital",)))["code"]) == {"P3", "P5"}
    january = portfolio.project_table(two, Filters(as_of=JAN))
    assert january["code"].tolist() == ["P4", "P2", "P1", "P3"]  # red, amber, then green by budget
    assert set(january["status_trend"]) == {"new"}  # nothing before January


def test_an_empty_store_gives_an_empty_table(con):
    assert portfolio.project_table(con, NOW).empty


def headline_of(con, f):
    context = portfolio.reporting(con, f)
    now = portfolio.project_table(con, f)
    previous = portfolio.previous_filters(f, context)
    before = portfolio.snapshot_figures(con, previous, "cpi") if previous else None
    return portfolio.headline(now, before, "cpi")


@pytest.mark.parametrize(
    "f", [NOW, Filters(as_of=JAN), Filters(portfolios=("Digital",)), Filters(managers=("Zoe",))]
)
def test_snapshot_figures_are_the_figures_of_the_table(two, f):
    # the previous snapshot's figures come from a counting query: they must equal the table's
    assert portfolio.snapshot_figures(two, f, "cpi") == pytest.approx(
        portfolio.figures(portfolio.project_table(two, f), "cpi"), nan_ok=True
    )


def test_headline_counts_with_their_change_since_january(two):
    h = headline_of(two, NOW)
    # January: P1 green, P2 amber, P3 green, P4 red. March: P1 red, P2 green, P3 grey, P5 amber.
    assert (h.projects.value, h.projects.delta) == (4, 0)
    assert [(f.value, f.previous) for f in (h.green, h.amber, h.red, h.grey)] == [
        (1, 2),
        (1, 1),
        (1, 1),
        (1, 0),
    ]
    # March: R1 (P1) and R5 (P5); January: R6 (P4) only, R1 was 3x5=15 (high)
    assert (h.critical_risks.value, h.critical_risks.delta) == (2, 1)
    # March: P1 (Build slipped) and P2 (Kick-off overdue); January: none
    assert (h.late_projects.value, h.late_projects.previous) == (2, 0)
    # budgets: 110 + 202 + 50 + 40 = 402k; January 100 + 200 + 50 + 80 = 430k
    assert (h.bac.value, h.bac.delta) == pytest.approx((402_000, -28_000))


def test_headline_money_of_one_project_with_its_change(two):
    h = headline_of(two, Filters(managers=("Ann",)))
    # January: AC 22k, EV 20 % x 100k = 20k, CPI 20/22, EAC = 22k + 80k / CPI = 110k
    assert (h.ac.value, h.ac.previous) == pytest.approx((66_000, 22_000))
    assert (h.eac.value, h.eac.previous) == pytest.approx((120_000, 110_000))
    assert (h.vac.value, h.vac.delta) == pytest.approx((-10_000, 0), abs=1e-6)
    # VAC share: -10k / 110k now, -10k / 100k in January
    assert (h.vac_share.value, h.vac_share.previous) == pytest.approx((-10_000 / 110_000, -0.1))


def test_headline_without_a_previous_snapshot_has_no_delta(two):
    h = headline_of(two, Filters(as_of=JAN))
    assert (h.projects.value, h.projects.delta) == (4, None)


def test_roll_up_by_portfolio_and_programme(two):
    rollup = portfolio.roll_up(portfolio.project_table(two, NOW), "cpi")
    keys = list(zip(rollup["level"], rollup["portfolio"], rollup["programme"], strict=True))
    # Industry (312k) before Digital (90k); a named programme before the projects without one
    assert keys == [
        ("total", "", ""),
        ("portfolio", "Industry", ""),
        ("programme", "Industry", "Plants"),
        ("programme", "Industry", ""),
        ("portfolio", "Digital", ""),
        ("programme", "Digital", ""),
    ]
    rows = rollup.set_index(["level", "portfolio", "programme"])
    total = rows.loc[("total", "", "")]
    assert (total["n_projects"], total["worst_status"], total["red"], total["grey"]) == (4, "red", 1, 1)
    # Digital: P3 grey (not ranked) and P5 amber: worst reported status is amber
    assert rows.loc[("portfolio", "Digital", ""), "worst_status"] == "amber"
    industry = rows.loc[("portfolio", "Industry", "")]
    # CPI recomputed from sums: EV (60.5k + 30.3k) / AC (66k + 30k)
    assert (industry["bac"], industry["cpi"]) == pytest.approx((312_000, 90_800 / 96_000))
    assert industry["late_projects"] == 2


def test_worst_status_is_grey_only_when_nobody_reported():
    assert portfolio.worst_status(pd.Series(["grey", "grey"])) == "grey"
    assert portfolio.worst_status(pd.Series(["grey", "green", "amber"])) == "amber"


def test_roadmap_keeps_the_projects_that_matter_most(two):
    road = portfolio.roadmap(two, NOW, portfolio.project_table(two, NOW), limit=2)
    # the first two of the table (P1 red, P5 amber), grouped by portfolio: Digital then Industry
    assert (road.shown, road.total) == (2, 4)
    assert road.bars["code"].tolist() == ["P5", "P1"]
    assert sorted(zip(road.milestones["code"], road.milestones["milestone"], strict=True)) == [
        ("P1", "Build"),
        ("P1", "Design"),
        ("P1", "Go-live"),
        ("P5", "Start"),
    ]
    design = road.milestones.set_index("milestone").loc["Design"]
    assert (bool(design["done"]), design["slip_days"], design["date"]) == (
        True,
        5,
        pd.Timestamp("2026-02-20"),
    )


def test_short_labels_truncate_and_stay_unique():
    table = pd.DataFrame(
        {
            "code": ["A", "B", "C"],
            "name": ["Short", "A very long project name indeed", "A very long project name too"],
        }
    )
    labels = portfolio.short_labels(table, length=12).tolist()
    assert labels == ["Short", "A very long… · B", "A very long… · C"]


def test_bubbles_place_projects_by_their_priority_score(two):
    model = priorities.ScoringModel(
        None,
        "Two criteria",
        "weighted",
        (
            priorities.Criterion("strategic_alignment", 1, scale_min=1, scale_max=5),
            priorities.Criterion("business_value", 1, scale_min=1, scale_max=5),
        ),
    )
    bubbles = portfolio.bubbles(portfolio.project_table(two, NOW), model)
    # only P1 has both inputs: alignment 5 and business value 3, mean 4 on 1..5 -> 75 on 0..100
    assert (bubbles.shown, bubbles.total) == (1, 1)
    point = bubbles.points.iloc[0]
    assert (point["code"], point["value_score"], point["risk_exposure"], point["bac"]) == (
        "P1",
        75,
        32,
        110_000,
    )


def test_status_trend_reads_each_snapshot_against_its_own_date(two):
    trend = portfolio.status_trend(two, NOW)
    counts = {(d.date(), s): n for d, s, n in trend.itertuples(index=False)}
    assert counts == {
        (JAN, "green"): 2,
        (JAN, "amber"): 1,
        (JAN, "red"): 1,
        (MAR, "green"): 1,
        (MAR, "amber"): 1,
        (MAR, "red"): 1,
        (MAR, "grey"): 1,
    }
    assert set(portfolio.status_trend(two, Filters(as_of=JAN))["as_of"].dt.date) == {JAN}


def test_group_money_rolls_up_as_evm_does(two):
    table = portfolio.project_table(two, NOW).assign(programme=lambda t: t["programme"].fillna(""))
    mine = portfolio.group_money(table, ["portfolio", "programme"], "cpi")
    theirs = evm.roll_up(table, ["portfolio", "programme"], "cpi")
    columns = ["n_projects", "bac", "pv", "ev", "ac", "cpi", "spi", "eac", "vac"]
    pd.testing.assert_frame_equal(mine[columns], theirs[columns], check_dtype=False)


def test_snapshot_figures_match_the_table_on_every_demo_snapshot(demo_con):
    for snapshot in snapshots.list_snapshots(demo_con):
        f = Filters(as_of=snapshot.as_of)
        expected = portfolio.figures(portfolio.project_table(demo_con, f), "cpi")
        assert portfolio.snapshot_figures(demo_con, f, "cpi") == pytest.approx(expected), snapshot.as_of
