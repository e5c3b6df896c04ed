"""The committee's deck: the slides of issue 14 in order, figures equal to what the pages compute for the
same snapshot and filters, changes since the snapshot the previous committee reviewed, deterministic."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from pmo_core import budget, committee, evm, formatting, meetings, portfolio, risks, snapshots, store
from pmo_core.filters import Filters
from tests.actors import PMO

AUG, SEP, OCT = date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31)


@pytest.fixture
def meeting(demo_con) -> int:
    meetings.create_committee(demo_con, PMO, "COPIL August", date(2026, 9, 8), AUG, follows=None)
    return meetings.create_committee(demo_con, PMO, "COPIL October", date(2026, 11, 6), OCT)


def slide_of(deck, key: str):
    return next(s for s in deck.slides if s.key == key)


def figures(slide) -> dict[str, tuple[str, str]]:
    return {f.label: (f.value, f.change) for f in slide.figures}


def test_the_deck_holds_the_pictures_of_the_committee_in_order(demo_con, meeting):
    deck = committee.committee_deck(demo_con, committee_id=meeting, lang="en")
    assert tuple(s.key for s in deck.slides) == committee.SLIDES
    assert (deck.meeting, deck.meeting_date, deck.snapshot) == ("COPIL October", date(2026, 11, 6), OCT)
    assert deck.since == AUG  # the snapshot the previous committee reviewed, not the previous snapshot
    assert all(s.title and s.notes for s in deck.slides)
    assert all("31 Oct 2026" in s.notes for s in deck.slides)  # the snapshot in every slide's notes


def test_headline_figures_equal_the_overview_on_the_same_snapshot_and_filters(demo_con, meeting):
    f = Filters(portfolios=("Industrie",), as_of=OCT)
    deck = committee.committee_deck(
        demo_con, committee_id=meeting, filters=Filters(portfolios=("Industrie",))
    )
    table = portfolio.project_table(demo_con, f)
    before = portfolio.snapshot_figures(demo_con, replace(f, as_of=AUG), "cpi")
    h = portfolio.headline(table, before, "cpi")
    shown = figures(deck.slides[0])
    assert shown["Active projects"] == (
        str(h.projects.value),
        f"{h.projects.delta:+d}" if h.projects.delta else "±0",
    )
    assert shown["Budget (BAC)"][0] == formatting.money(h.bac.value, "en", short=True)
    assert shown["Forecast (EAC)"][0] == formatting.money(h.eac.value, "en", short=True)
    assert shown["Red"][0] == str(h.red.value) and shown["Critical risks"][0] == str(h.critical_risks.value)
    assert h.projects.value < len(portfolio.project_table(demo_con, Filters(as_of=OCT)))  # the filter applied


def test_risk_and_budget_figures_equal_their_pages(demo_con, meeting):
    deck = {s.key: s for s in committee.committee_deck(demo_con, committee_id=meeting, lang="fr").slides}
    f = Filters(as_of=OCT)
    now = risks.summarize(risks.heatmap(demo_con, f, risks.RiskFilter()))
    shown = figures(deck["risks"])
    assert shown["Risques"][0] == formatting.number(now.risks, "fr")
    assert shown["Critiques"][0] == formatting.number(now.critical, "fr")
    assert shown["Exposition"][0] == formatting.money(now.exposure, "fr", short=True)
    top = risks.top_risks(demo_con, f, risks.RiskFilter(), "score", committee.TOP)
    assert deck["risks"].table["Intitulé"].tolist() == top["title"].tolist()
    assert deck["risks"].more == f"et {now.risks - committee.TOP} autres risques ouverts"
    status_date = evm.default_status_date(OCT)
    totals = budget.totals(evm.earned_value(demo_con, f, status_date, "cpi"), "cpi")
    money = figures(deck["budget"])
    assert money["Consommé à date"][0] == formatting.money(totals.ac, "fr", short=True)
    assert money["CPI"][0] == formatting.ratio(totals.cpi, "fr")


def test_the_status_table_is_the_overviews_order_worst_first_with_trends_since_the_last_committee(
    demo_con, meeting
):
    slide = committee.committee_deck(demo_con, committee_id=meeting).slides[2]
    table = portfolio.project_table(demo_con, Filters(as_of=OCT))
    assert slide.table["Project"].tolist() == table["name"].head(committee.TOP).tolist()
    assert slide.table["Status"].iloc[0].startswith("■\u00a0Red")  # shape and word: prints in black and white
    assert slide.more == f"and {len(table) - committee.TOP} more projects"


def test_projects_needing_a_decision_say_why_with_the_managers_comment(demo_con, meeting):
    s = committee.scope(demo_con, committee_id=meeting)
    table = committee.project_table(demo_con, s)
    found = committee.needing_decision(demo_con, s, table, 5.0)
    red = set(table.loc[table["status"] == "red", "code"])
    stale = set(table.loc[table["stale"], "code"])
    over = set(table.loc[(table["eac"] - table["bac"]) / table["bac"] > 0.05, "code"])
    assert red | stale | over <= set(found["code"])
    first = found.iloc[0]
    assert first["status"] == "red"
    newly = found[found["reasons"].map(lambda r: "newly_red" in r)]
    if len(newly):
        assert found.index[found["reasons"].map(lambda r: "newly_red" in r)].max() < len(newly)
    slide = committee.committee_deck(demo_con, committee_id=meeting).slides[1]
    comments = dict(zip(table["name"], table["comment"].fillna(""), strict=True))
    for name, comment in zip(slide.table["Project"], slide.table["Manager's comment"], strict=True):
        assert comment == committee.short_comment(comments[name])
    assert (found["comment"].fillna("") != "").any()


def test_a_raised_threshold_drops_overrun_as_a_reason(demo_con, meeting):
    s = committee.scope(demo_con, committee_id=meeting)
    table = committee.project_table(demo_con, s)
    loose = committee.needing_decision(demo_con, s, table, 500.0)
    assert not loose["reasons"].map(lambda r: "overrun" in r).any()


def test_actions_and_decisions_to_take_come_back_in_the_next_committee(demo_con, meeting):
    question = meetings.record_decision(
        demo_con,
        PMO,
        "ERP budget",
        "Fund +10 %?",
        decided_on=date(2026, 11, 6),
        committee_id=meeting,
        state="to_take",
    )
    meetings.add_action(demo_con, PMO, "Revised plan", "Alice", date(2026, 11, 1), decision_id=question)
    meetings.add_action(demo_con, PMO, "Supplier call", "Bob", date(2026, 12, 15))
    deck = {s.key: s for s in committee.committee_deck(demo_con, committee_id=meeting).slides}
    assert deck["actions"].table["Action"].tolist() == ["Revised plan", "Supplier call"]
    assert deck["actions"].table["Due"].iloc[0] == "1 Nov 2026 ⚠ overdue"  # due before the meeting's day
    assert deck["to_take"].table["Subject"].tolist() == ["ERP budget"]
    meetings.record_decision(
        demo_con, PMO, "ERP budget", "Funded", decided_on=date(2026, 11, 6), supersedes=question
    )
    again = {s.key: s for s in committee.committee_deck(demo_con, committee_id=meeting).slides}
    assert again["to_take"].table is None and "No question" in again["to_take"].subtitle


def test_the_same_store_committee_and_language_give_the_same_deck(demo_con, meeting):
    one = committee.committee_deck(demo_con, committee_id=meeting, lang="fr")
    two = committee.committee_deck(demo_con, committee_id=meeting, lang="fr")
    for a, b in zip(one.slides, two.slides, strict=True):
        assert (a.title, a.subtitle, a.figures, a.more, a.notes) == (
            b.title,
            b.subtitle,
            b.figures,
            b.more,
            b.notes,
        )
        assert (a.table is None and b.table is None) or a.table.equals(b.table)
    english = committee.committee_deck(demo_con, committee_id=meeting, lang="en")
    assert english.slides[0].title != one.slides[0].title


def test_without_a_committee_changes_start_at_the_snapshot_the_last_committee_reviewed(demo_con):
    assert committee.scope(demo_con).since == SEP  # no committee yet: the previous snapshot
    meetings.create_committee(demo_con, PMO, "COPIL August", date(2026, 9, 8), AUG, follows=None)
    s = committee.scope(demo_con)
    assert (s.reference, s.since, s.since_committee) == (OCT, AUG, "COPIL August")
    deck = committee.committee_deck(demo_con, snapshot=SEP, today=date(2026, 10, 2))
    assert (deck.snapshot, deck.since, deck.meeting_date) == (SEP, AUG, None)


def test_a_plan_of_record_is_the_selection_slide(demo_con):
    from pmo_core import scenarios
    from pmo_core.selection import MONEY_UNIT, select_portfolio

    frame = pd.DataFrame(
        {
            "code": ["A", "B"],
            "name": ["Alpha", "Beta"],
            "cost": [50.0, 30.0],
            "value": [40.0, 35.0],
            "mandatory": [False, False],
            "depends_on": [None, None],
        }
    )
    result = select_portfolio(frame, 60.0, unit=MONEY_UNIT)
    sid = scenarios.save_scenario(
        demo_con,
        "Plan 2027",
        result,
        objective="npv",
        cost_basis="budget",
        state_date=OCT,
        filters="",
        actor=PMO,
    )
    proposed = slide_of(committee.committee_deck(demo_con), "selection")
    assert "Proposed selection" in proposed.subtitle
    scenarios.mark_plan_of_record(demo_con, sid, PMO)
    slide = slide_of(committee.committee_deck(demo_con), "selection")
    assert slide.subtitle.startswith("Plan of record: “Plan 2027”")
    chosen = result.table[result.table["selected"]].sort_values("value", ascending=False)
    assert slide.table.iloc[:, 0].tolist() == chosen["name"].tolist()


def test_an_empty_store_or_selection_gives_one_slide_that_says_so(tmp_path, demo_con):
    empty = store.connect(tmp_path / "empty.duckdb")
    deck = committee.committee_deck(empty)
    assert len(deck.slides) == 1 and deck.snapshot is None and snapshots.is_empty(empty)
    nothing = committee.committee_deck(
        demo_con, filters=Filters(portfolios=("No such portfolio",)), lang="fr"
    )
    assert len(nothing.slides) == 1 and "sélection" in nothing.slides[0].subtitle


def test_the_slides_draw_the_pages_own_charts(demo_con, meeting):
    from pmo_core.charts import budget as budget_charts
    from pmo_core.charts import risks as risk_charts

    deck = {s.key: s for s in committee.committee_deck(demo_con, committee_id=meeting, lang="fr").slides}
    assert {k for k, s in deck.items() if s.chart is not None} == {"roadmap", "risks", "budget"}
    f = Filters(as_of=OCT)
    cells = risks.heatmap(demo_con, f, risks.RiskFilter())
    page = risk_charts.heatmap_chart(
        risks.label_cells(cells, "fr", "EUR"), risks.summarize(cells), "inherent", None, "fr"
    )
    assert deck["risks"].chart.to_dict() == page.to_dict()  # the Risks page's heatmap, not a copy of it
    title = deck["budget"].chart.to_dict()["title"]
    status_date = evm.default_status_date(OCT)
    frame = evm.earned_value(demo_con, f, status_date, "cpi")
    plan = budget.phasing(budget.monthly(demo_con, f, status_date), frame, status_date, "cpi")
    curve = budget.s_curve(plan, frame, budget.earned_history(demo_con, f, status_date))
    assert title == budget_charts.s_curve_chart(curve, "fr", "EUR").to_dict()["title"]


@pytest.fixture
def late_con(tmp_path):
    """A store of 40 red and amber projects all ending late, and five on time, built in code."""
    from pmo_core.importer import plan_from_frames
    from tests.frames import LATE_AS_OF, late_portfolio

    con = store.connect(tmp_path / "late.duckdb")
    plan = plan_from_frames(con, late_portfolio(40), scope="full", as_of=LATE_AS_OF)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    snapshots.apply_plan(con, plan, PMO)
    yield con
    con.close()


@pytest.mark.parametrize("top", [committee.TOP, 6])  # the pack's rows, and presentation mode's
def test_the_roadmap_draws_the_tables_projects_worst_slip_first_and_counts_the_rest(late_con, top):
    slide = slide_of(committee.committee_deck(late_con, lang="en", top=top), "roadmap")
    drawn = slide.chart.to_dict()
    rows = drawn["datasets"][drawn["data"]["name"]]
    bars = [r for r in rows if r["kind"] == "bar"]
    assert len(bars) == top  # one bar a row of the table: the slide no longer grows with the portfolio
    order = drawn["layer"][0]["encoding"]["y"]["scale"]["domain"]  # the rows top to bottom, no headers
    names = {r["label"]: r["name"] for r in bars}
    # T39 slipped 40 weeks, T38 39 weeks...: the worst first, in the chart as in the table
    worst = [
        f"Regional plant modernisation wave {i:02d} and supplier onboarding" for i in range(39, 39 - top, -1)
    ]
    assert [names[label] for label in order] == worst
    assert slide.table["Project"].tolist() == order  # the table names each project as its bar does
    assert slide.table["End slip (days)"].iloc[0] == "+280"
    assert slide.more == f"and {40 - top} more projects"
    assert slide.subtitle == "40 red or amber projects of 45; 40 end later than planned"


def test_the_overviews_roadmap_still_groups_its_projects_by_portfolio(late_con):
    from pmo_core.charts import portfolio as portfolio_charts

    table = portfolio.project_table(late_con, Filters())
    road = portfolio.roadmap(late_con, Filters(), table)
    drawn = portfolio_charts.roadmap_chart(road, date(2026, 10, 31), "en").to_dict()
    order = drawn["layer"][0]["encoding"]["y"]["scale"]["domain"]
    assert road.shown == 45 and len(order) == 45 + 3 and order[0].startswith("▸ ")


def test_the_capacity_slide_lists_the_overviews_alerts_in_its_words(demo_con, meeting):
    from pmo_core import capacity

    for lang in ("en", "fr"):
        deck = committee.committee_deck(demo_con, committee_id=meeting, lang=lang)
        assert tuple(s.key for s in deck.slides) == committee.SLIDES
        slide = slide_of(deck, "capacity")
        alerts = capacity.capacity_alerts(demo_con, Filters(as_of=OCT))  # what the Overview lists
        assert len(alerts) > 0  # the demo over-allocates some teams
        listed = [cell.split("\u00a0", 1)[1] for cell in slide.table.iloc[:, 0]]
        assert listed == capacity.alert_sentences(alerts.head(committee.TOP), lang)
        counts = [f.value for f in slide.figures]
        assert counts == [str((alerts["kind"] == k).sum()) for k in capacity.ALERT_ORDER]
        assert ("Load = demand / capacity" if lang == "en" else "Charge = demande / capacité") in slide.notes


def test_without_team_capacity_or_demand_the_deck_has_no_capacity_slide(late_con):
    deck = committee.committee_deck(late_con, lang="fr")
    assert tuple(s.key for s in deck.slides) == tuple(k for k in committee.SLIDES if k != "capacity")
