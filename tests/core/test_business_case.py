"""Business case measures checked against hand-worked figures, and against the demo's own generator."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import business_case as bc
from pmo_core import snapshots
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from tests.actors import PMO

FLOWS = [-1000.0, 300.0, 400.0, 500.0]


def test_npv_leaves_the_first_flow_undiscounted():
    # -1000 + 300/1.1 + 400/1.21 + 500/1.331 = -1000 + 272.727 + 330.579 + 375.657 = -21.037
    assert bc.npv(FLOWS, 0.10) == pytest.approx(-21.0368144, abs=1e-6)
    # Excel's NPV(10%, all four flows) discounts the first one too, which gives -19.124: not ours.
    assert bc.npv(FLOWS, 0.10) != pytest.approx(-21.0368144 / 1.1, abs=1)


def test_irr_of_simple_flows():
    assert bc.irr([-100, 110]) == bc.Irr(0.1, "unique", (0.1,))  # 110 / 1.1 = 100
    assert bc.irr([-100, 0, 121]).rate == pytest.approx(0.1)  # 121 / 1.21 = 100
    found = bc.irr(FLOWS)
    # NPV is -2.01 at 9 % and +0.07 below 8.9 %: the rate lies between, and NPV there is 0.
    assert found.status == "unique" and 0.0889 < found.rate < 0.0890
    assert bc.npv(FLOWS, found.rate) == pytest.approx(0, abs=1e-6)


def test_irr_says_when_it_is_not_unique():
    # -100 + 230/1.1 - 132/1.21 = -100 + 209.09 - 109.09 = 0, and -100 + 230/1.2 - 132/1.44 = 0 too.
    found = bc.irr([-100, 230, -132])
    assert found.status == "multiple" and found.rate is None
    assert found.rates == pytest.approx((0.1, 0.2))


def test_irr_says_when_it_does_not_exist():
    assert bc.irr([100, 50]).status == "none"  # never negative: NPV > 0 at every rate
    assert bc.irr([-100, -50]).status == "none"
    assert bc.irr([0, 0]).status == "none"
    assert bc.irr([]).status == "none"


def test_irr_of_a_project_that_never_pays_back_is_negative():
    # -100 + 50x + 40x^2 = 0 with x = 1/(1+r): x = (-50 + sqrt(18500)) / 80 = (-50 + 136.0147) / 80 = 1.075184,
    # so r = 1 / 1.075184 - 1 = -6.99 %.
    found = bc.irr([-100, 50, 40])
    assert found.status == "unique" and found.rate == pytest.approx(1 / 1.075184 - 1, abs=1e-6)


def test_payback_is_interpolated_within_the_year():
    # Cumulative -1000, -700, -300, +200: paid back 300/500 into year 3, so 2.6 years.
    assert bc.payback(FLOWS) == pytest.approx(2.6)
    assert bc.payback([-100, 50, 50]) == pytest.approx(2.0)  # exactly 0 at the end of year 2
    assert bc.payback([10, -5]) == 0.0  # nothing to pay back


def test_a_project_that_never_pays_back_says_never():
    assert bc.payback([-100, 10, 10, 10]) is None
    case = bc.evaluate([0, 1, 2, 3], [100, 0, 0, 0], [0, 10, 10, 10], 0.08)
    assert case.payback is None and case.discounted_payback is None
    assert case.roi == pytest.approx(-0.7)  # (30 - 100) / 100


def test_discounted_payback_uses_discounted_flows():
    flows = [*FLOWS, 200.0]
    # Discounted at 10 %: cumulative -21.04 after year 3, then 200/1.4641 = 136.60: 3 + 21.04/136.60 = 3.154.
    assert bc.payback(bc.discounted(flows, 0.10)) == pytest.approx(3 + 21.0368144 / 136.6027, abs=1e-4)
    assert bc.payback(bc.discounted(FLOWS, 0.10)) is None  # still -21 at the end


def test_roi_is_total_benefits_over_total_costs():
    case = bc.evaluate([0, 1, 2], [1000, 100, 100], [0, 700, 800], 0.08)
    assert case.roi == pytest.approx(0.25)  # (1500 - 1200) / 1200
    assert bc.roi(0, 100) is None


def test_years_in_any_order_with_gaps_and_blank_cells():
    # 2025: -100, 2026: nothing, 2027: +121 -> at 10 % the NPV is 0, and IRR is 10 %.
    case = bc.evaluate([2027, 2025], [None, 100], [121, None], 0.10)
    assert case.npv == pytest.approx(0, abs=1e-9)
    assert case.irr.rate == pytest.approx(0.10)


def store_with_cases(con):
    projects = pd.DataFrame(
        [
            {"code": "A", "name": "Alpha", "start_date": date(2026, 3, 1), "npv": 999.0},
            {"code": "B", "name": "Beta", "start_date": date(2025, 1, 1)},
            {"code": "C", "name": "Gamma"},
        ]
    )
    cases = pd.DataFrame(
        [
            {"project_code": "A", "year": 0, "cost": 1000.0, "benefit": 0.0},
            {"project_code": "A", "year": 1, "cost": 0.0, "benefit": 300.0},
            {"project_code": "A", "year": 2, "cost": 0.0, "benefit": 400.0},
            {"project_code": "A", "year": 3, "cost": 0.0, "benefit": 500.0},
            {"project_code": "B", "year": 2027, "cost": 100.0, "benefit": 0.0},
            {"project_code": "B", "year": 2028, "cost": 0.0, "benefit": 110.0},
        ]
    )
    plan = plan_from_frames(
        con, {"projects": projects, "business_case": cases}, scope="full", as_of=date(2026, 10, 31)
    )
    assert not plan.has_errors
    snapshots.apply_plan(con, plan, PMO)


def test_business_cases_from_the_store(con):
    store_with_cases(con)
    cases = bc.business_cases(con, Filters(), 0.10).set_index("code")
    assert list(cases.index) == ["A", "B"]  # C has no yearly rows
    assert cases.loc["A", "npv"] == pytest.approx(-21.0368144, abs=1e-6)
    assert cases.loc["A", "payback"] == pytest.approx(2.6)
    assert cases.loc["B", "irr"] == pytest.approx(0.10)
    # Year 0 of A is its start year; B's years are calendar years already.
    assert (cases.loc["A", "first_year"], cases.loc["B", "first_year"]) == (2026, 2027)


def test_cash_flow_curve_accumulates_plain_and_discounted(con):
    store_with_cases(con)
    curve = bc.cash_flow_curve(con, Filters(), "A", 0.10)
    assert list(curve["calendar_year"]) == [2026, 2027, 2028, 2029]
    assert list(curve["cumulative"]) == [-1000, -700, -300, 200]
    assert curve["discounted_cumulative"].iloc[-1] == pytest.approx(-21.0368144, abs=1e-6)


def test_the_demo_business_cases_agree_with_the_demo_generator(demo_con):
    # The demo generator computes NPV at 8 % (rounded to 100) and payback (rounded to 0.1) on its own.
    cases = bc.business_cases(demo_con, Filters(), 0.08).set_index("code")
    tracker = demo_con.execute(
        "SELECT code, npv AS npv_tracker, payback_years AS payback_tracker FROM projects"
    )
    joined = cases.join(tracker.df().set_index("code"))
    assert len(joined) >= 55
    assert (joined["npv"] - joined["npv_tracker"]).abs().max() <= 50
    paid = joined["payback_tracker"].notna()
    assert (joined.loc[paid, "payback"] - joined.loc[paid, "payback_tracker"]).abs().max() <= 0.05 + 1e-9
    assert joined.loc[~paid, "payback"].isna().all()  # the ones that never pay back say so in both


def test_the_french_template_carries_business_cases_back_in(demo_con, tmp_path):
    # The demo, exported in the French template (sheet « Analyse de rentabilité »), imported into an empty store.
    from pmo_core import store, template
    from pmo_core.importer import ReadOptions, build_plan, read_files

    path = tmp_path / "suivi.xlsx"
    path.write_bytes(template.export_bytes(demo_con, lang="fr"))
    target = store.connect(tmp_path / "copy.duckdb")
    try:
        plan = build_plan(
            target, read_files([(path, path.name)], ReadOptions()), scope="full", as_of=date(2026, 10, 31)
        )
        assert not plan.has_errors
        snapshots.apply_plan(target, plan, PMO)
        again = bc.business_cases(target, Filters(), 0.08).set_index("code")
    finally:
        target.close()
    original = bc.business_cases(demo_con, Filters(), 0.08).set_index("code")
    assert list(again.index) == list(original.index)
    assert (again["npv"] - original["npv"]).abs().max() < 1e-6
