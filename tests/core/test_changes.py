"""What changed between January and March in the hand-made portfolio of tests/core/overview_store.py."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import changes
from pmo_core.filters import Filters
from tests.core.overview_store import JAN, load_two_snapshots

NOW = Filters()


@pytest.fixture
def two(con):
    load_two_snapshots(con)
    return con


def test_earlier_snapshots_are_the_choices_before_the_one_viewed(two):
    assert changes.earlier_snapshots(two, NOW) == [JAN]
    assert changes.earlier_snapshots(two, Filters(as_of=JAN)) == []


def test_status_changes_worse_first_and_a_stale_project_stopped_reporting(two):
    moved = changes.status_changes(two, NOW, JAN)
    assert list(zip(moved["code"], moved["before"], moved["after"], moved["direction"], strict=True)) == [
        ("P1", "green", "red", "worse"),
        ("P3", "green", "grey", "stopped_reporting"),  # restated with its January update: 59 days old
        ("P2", "amber", "green", "better"),
    ]


def test_new_and_closed_projects(two):
    moves = changes.project_moves(two, NOW, JAN)
    assert list(zip(moves["move"], moves["code"], moves["budget"], strict=True)) == [
        ("new", "P5", 40_000),
        ("closed", "P4", 80_000),
    ]


def test_budget_changes_at_or_above_the_threshold(two):
    # P1 100k -> 110k (+10 %), P2 200k -> 202k (+1 %)
    five = changes.budget_changes(two, NOW, JAN, 5)
    assert list(zip(five["code"], five["change"], five["change_share"], strict=True)) == [("P1", 10_000, 0.1)]
    half = changes.budget_changes(two, NOW, JAN, 0.5)
    assert half["code"].tolist() == ["P1", "P2"]
    assert changes.budget_changes(two, NOW, JAN, 20).empty


def test_milestone_slips_largest_first(two):
    slips = changes.milestone_slips(two, NOW, JAN)
    # Build 1 May -> 21 May; Design forecast 15 Feb, achieved 20 Feb; Kick-off and Go-live did not move
    assert list(zip(slips["code"], slips["milestone"], slips["slip_days"], strict=True)) == [
        ("P1", "Build", 20),
        ("P1", "Design", 5),
    ]
    assert slips.iloc[0]["after"] == pd.Timestamp("2026-05-21")


def test_new_critical_risks_say_what_they_were(two):
    risks = changes.new_critical_risks(two, NOW, JAN)
    # R1 went from 3x5=15 (high) to 4x5=20; R5 came with the new project P5; R3 is critical but closed
    assert list(zip(risks["risk_code"], risks["score"], risks["was"], strict=True)) == [
        ("R1", 20, "high"),
        ("R5", 20, "new"),
    ]


def test_a_risk_critical_in_both_snapshots_is_not_new(two):
    two.execute("UPDATE risk_bands SET band = 'critical' WHERE probability = 3 AND impact = 5")
    assert changes.new_critical_risks(two, NOW, JAN)["risk_code"].tolist() == ["R5"]


def test_filters_apply_to_both_states(two):
    digital = Filters(portfolios=("Digital",))
    assert changes.status_changes(two, digital, JAN)["code"].tolist() == ["P3"]
    assert changes.project_moves(two, digital, JAN)["code"].tolist() == ["P5", "P4"]
    assert changes.milestone_slips(two, digital, JAN).empty
