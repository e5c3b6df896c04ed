"""Where "what changed" starts: the snapshot the last committee reviewed, else the previous one, for the Overview,
the Risks, Budget and Project pages and the pack alike (issue 14, point 1)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from pmo_core import budget, committee, evm, formatting, project_detail, risks
from pmo_core.filters import Filters
from tests.core.review_store import COMMITTEE, FEB, JAN, MAR, load_three_snapshots


@pytest.fixture
def reviewed(con):
    load_three_snapshots(con, committee=True)
    return con


@pytest.fixture
def unreviewed(con):
    load_three_snapshots(con, committee=False)
    return con


def since(con, as_of=None) -> tuple:
    s = committee.scope(con, filters=Filters(as_of=as_of))
    return s.since, s.since_committee


def test_changes_start_at_the_snapshot_the_last_committee_reviewed(reviewed):
    assert since(reviewed) == (JAN, COMMITTEE)  # not February, the previous snapshot
    assert since(reviewed, FEB) == (JAN, COMMITTEE)
    assert since(reviewed, JAN) == (None, None)  # the committee's own snapshot: nothing before it


def test_without_a_committee_changes_start_at_the_previous_snapshot(unreviewed):
    assert since(unreviewed) == (FEB, None)
    assert since(unreviewed, FEB) == (JAN, None)
    assert since(unreviewed, JAN) == (None, None)


def test_the_words_say_which_snapshot_and_which_committee(reviewed):
    s = committee.scope(reviewed)
    assert (
        committee.since_text(s, "en")
        == "Changes since the snapshot of 31 Jan 2026, reviewed by “COPIL January”"
    )
    assert (
        committee.since_text(s, "fr")
        == "Évolutions depuis l'instantané du 31/01/2026, revu par «\u00a0COPIL January\u00a0»"
    )
    previous = replace(s, since=FEB, since_committee=None)
    assert committee.since_text(previous, "en") == "Changes since the previous snapshot of 28 Feb 2026"
    assert committee.since_text(previous, "fr") == "Évolutions depuis l'instantané précédent du 28/02/2026"
    assert committee.since_text(replace(s, since=None), "en") == "No earlier snapshot to compare with"


@pytest.mark.parametrize(
    ("store", "risks_added", "budget_added"), [("reviewed", 3, 50_000), ("unreviewed", 2, 30_000)]
)
def test_risk_and_budget_changes_compare_with_the_same_snapshot(request, store, risks_added, budget_added):
    con = request.getfixturevalue(store)
    s = committee.scope(con)
    rf = risks.RiskFilter()
    now = risks.summarize(risks.heatmap(con, Filters(), rf))
    before = risks.summarize(risks.heatmap(con, Filters(as_of=s.since), rf))
    # 4 open critical risks in March; 1 in January (the committee's), 2 in February (the previous)
    assert (now.risks - before.risks, now.critical - before.critical) == (risks_added, risks_added)
    earlier = budget.state_before(Filters(), s.since)
    assert earlier == (Filters(as_of=s.since), s.since)  # a month end is its own status date
    totals = budget.totals(evm.earned_value(con, Filters(), MAR, "cpi"), "cpi")
    previous = budget.totals(evm.earned_value(con, *earlier, "cpi"), "cpi")
    # budgets 150 000 in March, 100 000 in January, 120 000 in February
    assert totals.bac - previous.bac == pytest.approx(budget_added)
    assert budget.state_before(Filters(), None) is None


def test_the_pack_and_the_project_trend_measure_from_the_committees_snapshot(reviewed):
    deck = committee.committee_deck(reviewed, lang="en")
    money = {f.label: f.change for f in next(s for s in deck.slides if s.key == "budget").figures}
    # since January, as on the Budget page
    assert money["Budget (BAC)"] == "+" + formatting.money(50_000, "en", short=True)
    s = committee.scope(reviewed)
    # Alpha was red in January, green in February and March: better since the committee's snapshot
    assert project_detail.identity(reviewed, "P1", Filters(), s.since).trends["status"] == "better"
    assert project_detail.identity(reviewed, "P1", Filters()).trends["status"] == "same"  # since February


def test_without_a_committee_the_project_trend_is_since_the_previous_snapshot(unreviewed):
    s = committee.scope(unreviewed)
    assert project_detail.identity(unreviewed, "P1", Filters(), s.since).trends["status"] == "same"
