"""The demo portfolio: realistic, complete and evolving from one month to the next, and always the same."""

from __future__ import annotations

import re
from datetime import date

import pandas as pd
import pytest
from openpyxl import load_workbook

from pmo_core import portfolio, store
from pmo_core.demo import build_demo, last_month_end, load_demo, write_demo
from pmo_core.fields import ENTITIES, fields_of
from pmo_core.filters import Filters
from pmo_core.snapshots import list_snapshots
from pmo_core.vocabulary import CATEGORY
from tests.actors import PMO
from tests.conftest import DEMO_TODAY

DATES = [date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)]
JULY = pd.Timestamp("2026-07-31")


@pytest.fixture(scope="module")
def demo():
    return build_demo(today=DEMO_TODAY)


@pytest.fixture(scope="module")
def by_date(demo):
    return dict(demo)


def _compare(before: pd.DataFrame, after: pd.DataFrame, key: list[str], column: str) -> pd.DataFrame:
    return before[[*key, column]].merge(after[[*key, column]], on=key, suffixes=("_before", "_after"))


def test_four_monthly_snapshots_in_date_order(demo):
    assert [day for day, _ in demo] == DATES


def test_frames_carry_exactly_the_canonical_fields(demo):
    for _, frames in demo:
        assert list(frames) == list(ENTITIES)
        for entity, frame in frames.items():
            assert list(frame.columns) == [f.name for f in fields_of(entity)]


def test_about_sixty_projects_in_four_portfolios(by_date):
    projects = by_date[DATES[-1]]["projects"]
    assert 55 <= len(projects) <= 65
    assert projects["portfolio"].nunique() == 4
    assert projects["code"].is_unique and projects["code"].str.fullmatch(r"PRJ-20\d\d-\d{3}").all()
    programmes = projects.dropna(subset=["programme"]).groupby("portfolio")["programme"].nunique()
    assert programmes.between(2, 3).all() and len(programmes) == 4
    assert projects["programme"].isna().any()
    assert projects["name"].str.contains("é|è|ç").any() and projects["name"].str.contains("ment|ing").any()


def test_budgets_dates_and_progress_are_plausible(by_date):
    projects = by_date[DATES[-1]]["projects"]
    assert projects["budget"].between(50_000, 5_000_000).all()
    assert (projects["budget"] >= 3_000_000).sum() >= 3
    assert (projects["forecast_end"] > projects["baseline_end"]).sum() >= 5
    dated = projects.dropna(subset=["baseline_end"])
    assert (dated["start_date"] < dated["baseline_end"]).all()
    assert (
        projects["baseline_end"].isna().sum() == 1
    )  # October's newcomer has no baseline end yet: a gap to chase
    assert projects["percent_complete"].between(0, 1).all()
    assert set(projects["job_size"]) <= {1, 2, 3, 5, 8, 13, 20}
    for score in (
        "strategic_alignment",
        "business_value",
        "urgency",
        "feasibility",
        "risk_level",
        "time_criticality",
        "risk_reduction",
    ):
        assert projects[score].between(1, 5).all()
    assert 2 <= projects["mandatory"].sum() <= 10
    dependencies = projects["depends_on"].dropna()
    assert len(dependencies) >= 2 and dependencies.isin(projects["code"]).all()


def test_progress_never_goes_back(demo):
    percent = pd.concat([f["projects"].set_index("code")["percent_complete"] for _, f in demo], axis=1)
    assert (percent.diff(axis=1).dropna(how="all").fillna(0) >= 0).all().all()


def test_status_mix_and_dimensions_agree(by_date):
    projects = by_date[DATES[-1]]["projects"]
    mix = projects["status"].value_counts(normalize=True)
    assert 0.5 <= mix["green"] <= 0.7 and 0.18 <= mix["amber"] <= 0.35 and 0.07 <= mix["red"] <= 0.18
    dims = projects[["status_schedule", "status_cost", "status_scope", "status_resources"]]
    red, amber, green = (projects["status"] == level for level in ("red", "amber", "green"))
    assert (dims[red] == "red").any(axis=1).all()
    assert (dims[amber] == "amber").any(axis=1).all() and not (dims[amber] == "red").any().any()
    assert not (dims[green] == "red").any().any()


def test_one_or_two_projects_stop_reporting_after_july(by_date):
    july, october = by_date[DATES[0]]["projects"], by_date[DATES[-1]]["projects"]
    stale = october[october["last_update"] == JULY]
    assert 1 <= len(stale) <= 2
    for code in stale["code"]:  # their tracker rows did not move since July
        pd.testing.assert_series_equal(
            october.set_index("code").loc[code], july.set_index("code").loc[code], check_names=False
        )
    assert (october["last_update"] >= pd.Timestamp("2026-10-01")).sum() == len(october) - len(stale)


def test_statuses_change_between_september_and_october(by_date):
    moves = _compare(by_date[DATES[2]]["projects"], by_date[DATES[3]]["projects"], ["code"], "status")
    rank = {"green": 0, "amber": 1, "red": 2}
    step = moves["status_after"].map(rank) - moves["status_before"].map(rank)
    assert (step > 0).sum() >= 2 and (step < 0).sum() >= 2


def test_projects_appear_and_one_closes(by_date):
    codes = {day: set(frames["projects"]["code"]) for day, frames in by_date.items()}
    assert codes[DATES[2]] - codes[DATES[1]] and codes[DATES[3]] - codes[DATES[2]]
    closed = codes[DATES[2]] - codes[DATES[3]]
    assert len(closed) == 1
    september = by_date[DATES[2]]["projects"].set_index("code")
    assert september.loc[next(iter(closed)), "percent_complete"] == 1.0
    for entity in ("milestones", "risks", "costs", "business_case"):
        assert not set(by_date[DATES[3]][entity]["project_code"]) & closed


def test_actual_cost_grows_every_month(demo):
    totals = [frames["projects"]["actual_cost"].sum() for _, frames in demo]
    assert all(later > earlier for earlier, later in zip(totals, totals[1:], strict=False))


def test_one_budget_is_revised_up_by_more_than_five_percent(by_date):
    budgets = _compare(by_date[DATES[2]]["projects"], by_date[DATES[3]]["projects"], ["code"], "budget")
    assert ((budgets["budget_after"] / budgets["budget_before"]) > 1.05).sum() == 1


def test_cost_lines_cover_24_months_and_12_ahead_and_add_up(demo, by_date):
    months = set().union(*(set(frames["costs"]["month"]) for _, frames in demo))
    assert len(months) == 36
    assert min(months) == pd.Timestamp("2024-11-01") and max(months) == pd.Timestamp("2027-10-01")
    october = by_date[DATES[-1]]
    ahead = october["costs"]["month"] > pd.Timestamp("2026-10-01")
    assert october["costs"].loc[ahead, "actual"].isna().all()
    assert (
        october["costs"].loc[ahead, "forecast"].sum() > 0 and october["costs"].loc[ahead, "planned"].sum() > 0
    )
    costs, projects = october["costs"].loc[~ahead], october["projects"].set_index("code")
    assert set(costs["cost_type"]) == {"CAPEX", "OPEX"}
    actual = costs.groupby("project_code")["actual"].sum()
    running = projects[projects["actual_cost"] > 0]
    assert (actual.reindex(running.index) - running["actual_cost"]).abs().max() < 0.5
    reporting = costs["project_code"].isin(projects.index[projects["last_update"] > JULY])
    assert costs.loc[reporting, "forecast"].isna().all()  # October is past for every project that reported
    assert costs.loc[~reporting, "forecast"].notna().any()  # a stale tracker still shows July's forecasts
    july = by_date[DATES[0]]["costs"]
    later = july[july["month"] > pd.Timestamp("2026-07-01")]
    assert later["actual"].isna().all() and later["forecast"].notna().all() and later["forecast"].sum() > 0


def test_planned_lines_follow_the_budget(by_date):
    september = by_date[DATES[2]]
    projects = september["projects"].set_index("code")
    planned = september["costs"].groupby("project_code")["planned"].sum()
    assert (planned <= projects.loc[planned.index, "budget"] * 1.001).all()
    finished = projects[projects["percent_complete"] == 1.0].index[0]  # its whole baseline is in the window
    assert planned[finished] == pytest.approx(projects.loc[finished, "budget"], rel=0.001)


def test_milestones_are_reached_and_some_slip_further(by_date):
    for day, frames in by_date.items():
        milestones = frames["milestones"]
        counts = milestones.groupby("project_code").size()
        assert counts.between(4, 6).all()
        assert (milestones["actual_date"].dropna() <= pd.Timestamp(day)).all()
    october = by_date[DATES[-1]]["milestones"]
    assert october["actual_date"].notna().sum() > 50
    late = october[october["actual_date"].isna() & (october["forecast_date"] > october["baseline_date"])]
    assert len(late) >= 10
    slips = _compare(by_date[DATES[2]]["milestones"], october, ["project_code", "name"], "forecast_date")
    assert (slips["forecast_date_after"] > slips["forecast_date_before"]).sum() >= 3


def test_about_three_hundred_risks_in_every_category(by_date):
    risks = by_date[DATES[-1]]["risks"]
    assert 250 <= len(risks) <= 350
    assert set(risks["category"]) == {term.code for term in CATEGORY}
    assert set(risks["status"]) == {"open", "in_treatment", "closed"}
    assert (risks["residual_probability"] <= risks["probability"]).all()
    assert (risks["score"] == risks["probability"] * risks["impact"]).all()
    assert risks["cost_impact"].notna().mean() > 0.7
    overdue = risks[(risks["status"] != "closed") & (risks["due_date"] < pd.Timestamp(DATES[-1]))]
    assert len(overdue) >= 10
    showcase = {
        "Accident lors des travaux",
        "Exposition au bruit des opérateurs",
        "Pollution des sols",
        "Supplier delivery delay",
        "Data loss during migration",
    }
    assert showcase <= set(risks["title"])
    assert risks["code"].is_unique


def test_risks_escalate_close_and_new_critical_ones_open_in_october(by_date):
    september, october = by_date[DATES[2]]["risks"], by_date[DATES[3]]["risks"]
    probability = _compare(september, october, ["code"], "probability")
    assert (probability["probability_after"] > probability["probability_before"]).sum() >= 2
    status = _compare(september, october, ["code"], "status")
    assert ((status["status_after"] == "closed") & (status["status_before"] != "closed")).sum() >= 2
    new = october[~october["code"].isin(september["code"])]
    assert 1 <= (new["score"] >= 20).sum() <= 3


def test_business_cases_have_six_years_and_some_never_pay_back(by_date):
    october = by_date[DATES[-1]]
    cases = october["business_case"]
    assert (cases.groupby("project_code")["year"].apply(sorted).map(tuple) == (0, 1, 2, 3, 4, 5)).all()
    first = cases[cases["year"] == 0]
    assert (first["cost"] > first["benefit"]).all()
    cash = (cases["benefit"] - cases["cost"]).groupby(cases["project_code"]).sum()
    projects = october["projects"].set_index("code")
    never = projects[projects["payback_years"].isna()].index
    assert 2 <= len(never) <= 6 and (cash[never] < 0).all()
    assert (projects["npv"] > 0).mean() > 0.7


def test_the_demo_is_deterministic(demo):
    again = build_demo(today=DEMO_TODAY)
    for (day, frames), (day_again, frames_again) in zip(demo, again, strict=True):
        assert day == day_again
        for entity in ENTITIES:
            pd.testing.assert_frame_equal(frames[entity], frames_again[entity])
    other = build_demo(seed=7, today=DEMO_TODAY)
    assert not other[-1][1]["projects"].equals(demo[-1][1]["projects"])


def test_write_demo_writes_readable_workbooks(tmp_path, by_date):
    written = write_demo(tmp_path, lang="fr", today=DEMO_TODAY)
    assert [day for _, day in written] == DATES
    paths = [path for path, _ in written]
    assert [p.name for p in paths] == [f"demo_portfolio_{day.isoformat()}.xlsx" for day in DATES]
    wb = load_workbook(paths[-1], read_only=True)
    projects = wb["Projets"]
    rows = list(projects.iter_rows(values_only=True))
    assert rows[0][0] == "Code projet"
    assert len(rows) - 1 == len(by_date[DATES[-1]]["projects"])
    readme = {row[0]: row[1] for row in wb["LISEZ-MOI"].iter_rows(values_only=True) if len(row) > 1}
    assert readme["Date de situation"].date() == DATES[-1]
    assert re.fullmatch(r"PRJ-20\d\d-\d{3}", rows[1][0])


def test_a_milestone_is_never_reached_before_a_snapshot_that_said_it_was_not(demo):
    for (before_day, before), (_, after) in zip(demo, demo[1:], strict=False):
        pair = _compare(before["milestones"], after["milestones"], ["project_code", "name"], "actual_date")
        newly = pair[pair["actual_date_before"].isna() & pair["actual_date_after"].notna()]
        assert (newly["actual_date_after"] > pd.Timestamp(before_day)).all()
        kept = pair.dropna()
        assert (kept["actual_date_before"] == kept["actual_date_after"]).all()


@pytest.mark.parametrize(
    ("today", "last"),
    [
        (date(2026, 11, 18), date(2026, 10, 31)),
        (date(2026, 11, 30), date(2026, 10, 31)),  # a month-end is not before itself
        (date(2026, 12, 1), date(2026, 11, 30)),
        (date(2027, 1, 15), date(2026, 12, 31)),
        (date(2028, 3, 1), date(2028, 2, 29)),
        (date(2025, 6, 10), date(2025, 5, 31)),
    ],
)
def test_the_demo_ends_at_the_last_month_end_before_the_day_it_is_built(today, last):
    assert last_month_end(today) == last
    days = [day for day, _ in build_demo(today=today)]
    assert days[-1] == last
    assert all(pd.Timestamp(day).is_month_end for day in days)
    assert [(d.year * 12 + d.month) - (last.year * 12 + last.month) for d in days] == [-3, -2, -1, 0]


def test_a_later_demo_is_the_same_story_moved_by_whole_months(demo):
    later = build_demo(today=date(2027, 3, 5))  # four months on: snapshots from November to February
    assert [day for day, _ in later] == [
        date(2026, 11, 30),
        date(2026, 12, 31),
        date(2027, 1, 31),
        date(2027, 2, 28),
    ]
    for (_, frames), (_, moved) in zip(demo, later, strict=True):
        for entity in ENTITIES:
            dates = [f.name for f in fields_of(entity) if f.type in ("date", "month")]
            pd.testing.assert_frame_equal(
                frames[entity].drop(columns=dates), moved[entity].drop(columns=dates)
            )
            for name in dates:
                before, after = frames[entity][name], moved[entity][name]
                assert (before.isna() == after.isna()).all()
                months = (after.dt.year - before.dt.year) * 12 + after.dt.month - before.dt.month
                assert (months.dropna() == 4).all(), name
                ends = before.dt.is_month_end
                assert (after[ends].dt.is_month_end).all() and (after[before.dt.day == 1].dt.day == 1).all()
    assert build_demo(today=date(2027, 3, 5))[-1][1]["projects"].equals(later[-1][1]["projects"])


def test_a_demo_built_in_any_month_shows_a_live_portfolio(tmp_path, demo_con):
    con = store.connect(tmp_path / "later.duckdb")
    load_demo(con, tmp_path / "workbooks", PMO, today=date(2027, 5, 10))
    assert list_snapshots(con)[0].as_of == date(2027, 4, 30)
    later = portfolio.snapshot_counts(con, Filters())
    con.close()
    # The same statuses as the demo built in November 2026: only the projects that stopped reporting are Grey.
    assert later == portfolio.snapshot_counts(demo_con, Filters())
    assert 1 <= later["grey"] <= 2 and later["red"] and later["amber"] and later["critical_risks"]
