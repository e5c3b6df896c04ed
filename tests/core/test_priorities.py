"""Scoring models and ranks: weighted scores and WSJF against hand-worked values, missing inputs, manual ranks."""

from __future__ import annotations

import math
from datetime import date

import pandas as pd
import pytest

from pmo_core import priorities as pr
from pmo_core import snapshots
from pmo_core.access import Actor
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from pmo_core.priorities import Criterion, ScoringModel
from tests.actors import PMO

STRATEGIC = ScoringModel(
    1, "Weighted strategic", "weighted", pr.SHIPPED["weighted_strategic"], "weighted_strategic"
)
WSJF = ScoringModel(2, "WSJF", "wsjf", pr.SHIPPED["wsjf"], "wsjf")
FINANCIAL = ScoringModel(3, "Financial", "weighted", pr.SHIPPED["financial"], "financial")


def inputs(*rows: dict) -> pd.DataFrame:
    frame = pd.DataFrame(list(rows))
    for field in pr.CRITERIA:
        if field not in frame:
            frame[field] = math.nan
    if "name" not in frame:
        frame["name"] = frame["code"]
    return frame


def test_weighted_score_and_its_parts():
    one = inputs(
        {
            "code": "P1",
            "strategic_alignment": 5,
            "business_value": 4,
            "urgency": 3,
            "risk_level": 2,
            "feasibility": 4,
        }
    )
    scored = pr.score_projects(one, STRATEGIC).iloc[0]
    # DOMAIN: sum(w x s) / sum(w) = (30x5 + 25x4 + 15x3 + 15x(6-2) + 15x4) / 100 = 4.15 on 1-5,
    # so (4.15 - 1) / 4 x 100 = 78.75. Parts: 30 x 1, 25 x 0.75, 15 x 0.5, 15 x 0.75, 15 x 0.75.
    assert scored["score"] == pytest.approx(78.75)
    parts = [scored[f"part_{c.field}"] for c in STRATEGIC.criteria]
    assert parts == pytest.approx([30, 18.75, 7.5, 11.25, 11.25])
    assert sum(parts) == pytest.approx(scored["score"])


def test_wsjf_is_cost_of_delay_over_job_size_scaled_to_the_highest():
    projects = inputs(
        {
            "code": "P1",
            "business_value": 5,
            "time_criticality": 3,
            "risk_reduction": 2,
            "job_size": 2,
        },  # 10/2 = 5
        {
            "code": "P2",
            "business_value": 3,
            "time_criticality": 3,
            "risk_reduction": 3,
            "job_size": 5,
        },  # 9/5 = 1.8
        {
            "code": "P3",
            "business_value": 1,
            "time_criticality": 1,
            "risk_reduction": 1,
            "job_size": 1,
        },  # 3/1 = 3
    )
    scored = pr.score_projects(projects, WSJF).set_index("code")
    assert list(scored["raw"]) == pytest.approx([5, 1.8, 3])
    assert list(scored["score"]) == pytest.approx([100, 36, 60])  # 100 x WSJF / 5
    # P1's 100 points: business value 5/2 of the 5, time criticality 3/2, risk reduction 2/2.
    assert [
        scored.loc["P1", f"part_{f}"] for f in ("business_value", "time_criticality", "risk_reduction")
    ] == pytest.approx([50, 30, 20])


def test_a_missing_input_gives_no_score_and_says_which():
    projects = inputs(
        {"code": "P1", "business_value": 5, "time_criticality": 3, "risk_reduction": 2, "job_size": 2},
        {"code": "P2", "time_criticality": 3, "risk_reduction": 3, "job_size": 5},
        {"code": "P3", "business_value": 1, "time_criticality": 1, "risk_reduction": 1, "job_size": 0},
    )
    scored = pr.score_projects(projects, WSJF).set_index("code")
    assert scored.loc["P1", "score"] == pytest.approx(100)
    assert math.isnan(scored.loc["P2", "score"]) and scored.loc["P2", "missing"] == "business_value"
    assert (
        math.isnan(scored.loc["P3", "score"]) and scored.loc["P3", "missing"] == "job_size"
    )  # cannot divide by 0
    ranked = pr.rank_projects(projects, WSJF)
    assert list(ranked["code"]) == ["P1", "P2", "P3"] and ranked["rank"].isna().sum() == 2


def test_financial_model_ranges_among_projects_and_never_is_the_worst_payback():
    projects = inputs(
        {"code": "P1", "npv": 100.0, "roi": 0.5, "payback_years": 2.0},
        {"code": "P2", "npv": 300.0, "roi": 1.5, "payback_years": math.inf},  # never pays back
    )
    scored = pr.score_projects(projects, FINANCIAL).set_index("code")
    # NPV and ROI go on 0..1 between the two projects; payback on 0..10 years, lower is better.
    # P1: 40 x 0 + 30 x 0 + 30 x (1 - 0.2) = 24. P2: 40 x 1 + 30 x 1 + 30 x 0 = 70.
    assert scored.loc["P1", "score"] == pytest.approx(24)
    assert scored.loc["P2", "score"] == pytest.approx(70)


def test_a_criterion_on_which_all_are_equal_counts_half():
    model = ScoringModel(None, "NPV only", "weighted", (Criterion("npv", 1),))
    scored = pr.score_projects(inputs({"code": "P1", "npv": 5.0}, {"code": "P2", "npv": 5.0}), model)
    assert list(scored["score"]) == [50, 50]


def test_manual_ranks_take_their_place_and_the_others_keep_their_order():
    assert pr.apply_overrides(["A", "B", "C", "D"], [("D", 1)]) == ["D", "A", "B", "C"]
    assert pr.apply_overrides(["A", "B", "C", "D"], [("A", 3)]) == ["B", "C", "A", "D"]
    assert pr.apply_overrides(["A", "B", "C", "D"], [("C", 1), ("D", 1)]) == [
        "D",
        "C",
        "A",
        "B",
    ]  # latest first
    assert pr.apply_overrides(["A", "B"], [("A", 9)]) == ["B", "A"]
    assert pr.apply_overrides(["A", "B"], [("Z", 1)]) == ["Z", "A", "B"]  # an unscored project placed by hand


def test_shipped_models_are_in_the_store(con):
    models = {m.shipped_code: m for m in pr.list_models(con)}
    assert models["weighted_strategic"].criteria == pr.SHIPPED["weighted_strategic"]
    assert models["wsjf"].size.field == "job_size"
    assert models["financial"].label("fr") == "Financier"


def test_a_model_is_saved_edited_restored_and_deleted(con):
    model_id = pr.save_model(
        con,
        ScoringModel(None, "Mine", "weighted", (Criterion("urgency", 2, "higher", 1, 5),)),
        Actor("ann", "pmo"),
    )
    assert pr.get_model(con, model_id).criteria == (Criterion("urgency", 2, "higher", 1, 5),)
    edited = ScoringModel(
        1, "Weighted strategic", "weighted", (Criterion("urgency", 1, "higher", 1, 5),), "weighted_strategic"
    )
    pr.save_model(con, edited, Actor("ann", "pmo"))
    assert len(pr.get_model(con, 1).criteria) == 1
    pr.restore_default(con, 1, Actor("ann", "pmo"))
    assert pr.get_model(con, 1).criteria == pr.SHIPPED["weighted_strategic"]
    with pytest.raises(ValueError, match="delete_shipped"):
        pr.delete_model(con, 1, PMO)
    pr.delete_model(con, model_id, PMO)
    assert model_id not in [m.model_id for m in pr.list_models(con)]


def test_invalid_models_are_refused_with_reasons():
    assert pr.validate_model(ScoringModel(None, " ", "weighted", (Criterion("urgency", 0),))) == [
        "priorities.model.error.name",
        "priorities.model.error.no_weight",
    ]
    no_size = ScoringModel(None, "W", "wsjf", (Criterion("business_value", 1),))
    assert "priorities.model.error.size" in pr.validate_model(no_size)
    bad_scale = ScoringModel(None, "W", "weighted", (Criterion("urgency", 1, "higher", 5, 1),))
    assert pr.validate_model(bad_scale) == ["priorities.model.error.scale"]
    assert pr.validate_model(ScoringModel(None, "W", "weighted", (Criterion("colour", 1),))) == [
        "priorities.model.error.fields"
    ]


def test_a_manual_rank_keeps_who_when_and_why(con):
    with pytest.raises(ValueError):
        pr.override_rank(con, 1, "P2", 1, "  ", Actor("ann", "pmo"))
    pr.override_rank(con, 1, "P2", 1, "Board decision of 12 Oct", Actor("ann", "pmo"))
    pr.override_rank(con, 1, "P3", 2, "Regulator deadline", Actor("bob", "pmo"))
    pr.override_rank(con, 1, "P3", None, "Deadline moved", Actor("bob", "pmo"))  # handed back to its score
    current = pr.current_overrides(con, 1)
    assert list(current["code"]) == ["P2"]
    assert (current.loc[0, "user_name"], current.loc[0, "reason"]) == ("ann", "Board decision of 12 Oct")
    assert len(pr.override_history(con, 1)) == 3


def test_closed_projects_by_phase_or_progress():
    assert pr.is_closed("Clôture", 0.98) and pr.is_closed("Closed", None) and pr.is_closed("Build", 1.0)
    assert pr.is_closed(" terminé ", math.nan)
    assert not pr.is_closed("Réalisation", 0.5) and not pr.is_closed(None, None)


def load(con, projects: list[dict], cases: list[dict] | None = None) -> None:
    frames = {"projects": pd.DataFrame(projects)}
    if cases:
        frames["business_case"] = pd.DataFrame(cases)
    plan = plan_from_frames(con, frames, scope="full", as_of=date(2026, 10, 31))
    assert not plan.has_errors
    snapshots.apply_plan(con, plan, PMO)


def test_financial_inputs_come_from_the_business_case_when_there_is_one(con):
    load(
        con,
        [
            {"code": "A", "name": "Alpha", "npv": 999.0, "payback_years": 1.0},
            {"code": "B", "name": "Beta", "npv": 50.0},
        ],
        [{"project_code": "A", "year": 0, "cost": 100.0}, {"project_code": "A", "year": 1, "benefit": 10.0}],
    )
    frame = pr.project_inputs(con, Filters(), 0.10).set_index("code")
    # A: -100 + 10/1.1 = -90.91, and it never pays back; B keeps the tracker's NPV.
    assert frame.loc["A", "npv"] == pytest.approx(-90.909091)
    assert frame.loc["A", "payback_years"] == math.inf
    assert frame.loc["A", "financial_source"] == "business_case"
    assert (frame.loc["B", "npv"], frame.loc["B", "financial_source"]) == (50.0, "tracker")


def test_ranking_applies_the_stored_manual_ranks(con):
    load(
        con,
        [
            {
                "code": "A",
                "name": "Alpha",
                "business_value": 5,
                "time_criticality": 5,
                "risk_reduction": 5,
                "job_size": 1,
            },
            {
                "code": "B",
                "name": "Beta",
                "business_value": 1,
                "time_criticality": 1,
                "risk_reduction": 1,
                "job_size": 8,
            },
            {
                "code": "C",
                "name": "Gamma",
                "business_value": 3,
                "time_criticality": 3,
                "risk_reduction": 3,
                "job_size": 3,
            },
        ],
    )
    assert list(pr.ranking(con, Filters(), 2, 0.08)["code"]) == ["A", "C", "B"]
    pr.override_rank(con, 2, "B", 1, "Sponsor request", Actor("ann", "pmo"))
    ranked = pr.ranking(con, Filters(), 2, 0.08)
    assert list(ranked["code"]) == ["B", "A", "C"]
    assert ranked.loc[0, "score_rank"] == 3 and ranked.loc[0, "override_by"] == "ann"


def test_two_models_side_by_side_on_the_demo(demo_con):
    both = pr.compare_ranks(demo_con, Filters(), 1, 2, 0.08)
    assert len(both) >= 50
    assert set(both["rank_a"].dropna()) == set(range(1, both["rank_a"].notna().sum() + 1))
    assert (both["moves"] == both["rank_a"] - both["rank_b"]).all()


def test_contributions_are_the_top_projects_parts(demo_con):
    ranked = pr.ranking(demo_con, Filters(), 1, 0.08)
    long = pr.contributions(ranked, STRATEGIC, top=5)
    assert len(long) == 5 * 5
    totals = long.groupby("code")["points"].sum()
    scores = ranked.set_index("code")["score"]
    assert all(totals[c] == pytest.approx(scores[c]) for c in totals.index)
