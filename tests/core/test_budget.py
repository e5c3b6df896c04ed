"""Budget pictures against figures worked out by hand: monthly lines, S-curve, variances, allocation, alerts."""

from __future__ import annotations

import math
from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook

from pmo_core import budget, evm, settings, snapshots
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.frames import projects

FEB, MAR = date(2026, 2, 28), date(2026, 3, 31)
STATUS = MAR  # Jan, Feb and Mar lines count; April onwards is ahead


def line(code: str, year: int, month: int, cost_type: str = "CAPEX", **amounts: float) -> dict:
    return {"project_code": code, "month": date(year, month, 1), "cost_type": cost_type, **amounts}


def load(con, frames, as_of=MAR, scope="full"):
    plan = plan_from_frames(con, frames, scope=scope, as_of=as_of)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    snapshots.apply_plan(con, plan, PMO)


# --- A portfolio with one project per alert ------------------------------------------------------------


def alert_portfolio() -> dict[str, pd.DataFrame]:
    frame = projects(
        # ahead and under budget: no alert
        {
            "code": "A",
            "name": "Ahead",
            "portfolio": "X",
            "manager": "Ann",
            "budget": 1200.0,
            "percent_complete": 0.5,
            "start_date": date(2026, 1, 1),
            "baseline_end": date(2026, 12, 31),
            "forecast_end": date(2026, 12, 31),
        },
        # behind and over budget: CPI, SPI and overrun alerts
        {
            "code": "B",
            "name": "Behind",
            "portfolio": "X",
            "manager": "Bob",
            "budget": 1000.0,
            "percent_complete": 0.2,
            "start_date": date(2026, 1, 1),
            "forecast_end": date(2026, 10, 31),
        },
        # spends without a budget
        {
            "code": "N",
            "name": "No budget",
            "portfolio": "Y",
            "manager": "Nia",
            "start_date": date(2026, 1, 1),
        },
        # finished in January, invoices still arrive
        {
            "code": "L",
            "name": "Late invoices",
            "portfolio": "Y",
            "manager": "Lou",
            "budget": 300.0,
            "percent_complete": 1.0,
            "start_date": date(2026, 1, 1),
            "forecast_end": date(2026, 1, 31),
        },
        # no actual cost since December
        {
            "code": "S",
            "name": "Silent",
            "portfolio": "Y",
            "manager": "Sam",
            "budget": 500.0,
            "percent_complete": 0.6,
            "start_date": date(2025, 10, 1),
            "forecast_end": date(2026, 12, 31),
        },
        # starts in June: nothing is expected from it yet
        {
            "code": "Z",
            "name": "Later",
            "portfolio": "Y",
            "manager": "Zoe",
            "budget": 100.0,
            "percent_complete": 0.0,
            "start_date": date(2026, 6, 1),
            "baseline_end": date(2026, 12, 31),
        },
    )
    costs = [
        *[line("A", 2026, m, planned=100.0) for m in range(1, 13)],
        *[line("A", 2026, m, actual=150.0) for m in (1, 2, 3)],
        line("A", 2026, 3, forecast=999.0),  # before the status date: not ahead
        line("A", 2026, 4, forecast=80.0),
        *[line("B", 2026, m, planned=100.0) for m in range(1, 11)],
        line("B", 2026, 1, actual=100.0),
        line("B", 2026, 2, actual=150.0),
        line("B", 2026, 3, actual=150.0),
        *[line("N", 2026, m, actual=50.0) for m in (1, 2, 3)],
        line("L", 2026, 1, planned=300.0, actual=250.0),
        line("L", 2026, 2, actual=30.0),
        line("L", 2026, 3, actual=20.0),
        *[
            line("S", y, m, "OPEX", planned=50.0)
            for y, m in ((2025, 10), (2025, 11), (2025, 12), (2026, 1), (2026, 2), (2026, 3))
        ],
        *[line("S", 2025, m, "OPEX", actual=100.0) for m in (10, 11, 12)],
    ]
    return {"projects": frame, "costs": pd.DataFrame(costs)}


@pytest.fixture
def portfolio(con):
    load(con, alert_portfolio())
    return con


@pytest.fixture
def frame(portfolio):
    return evm.earned_value(portfolio, Filters(), STATUS, "cpi")


def test_monthly_keeps_actual_up_to_the_status_date_and_forecast_after(portfolio):
    lines = budget.monthly(portfolio, Filters(), STATUS).set_index(["month", "cost_type"])
    jan = lines.loc[(pd.Timestamp("2026-01-01"), "CAPEX")]
    # planned A 100 + B 100 + L 300; actual A 150 + B 100 + N 50 + L 250
    assert (jan["planned"], jan["actual"], jan["spend"]) == (500, 550, 550)
    mar = lines.loc[(pd.Timestamp("2026-03-01"), "CAPEX")]
    # A's forecast of 999 for March is before the status date: only actuals count there
    assert math.isnan(mar["forecast"]) and mar["actual"] == 150 + 150 + 50 + 20
    apr = lines.loc[(pd.Timestamp("2026-04-01"), "CAPEX")]
    assert (apr["planned"], apr["forecast"], apr["spend"], bool(apr["past"])) == (200, 80, 80, False)
    assert math.isnan(apr["actual"])
    # S is OPEX: 50 planned in March, no actual since December
    opex = lines.loc[(pd.Timestamp("2026-03-01"), "OPEX")]
    assert opex["planned"] == 50 and math.isnan(opex["actual"])


def test_monthly_finding_compares_the_last_months(portfolio):
    lines = budget.monthly(portfolio, Filters(), STATUS)
    found = budget.monthly_finding(lines, STATUS, months=3)
    # Jan..Mar 2026: planned A 300 + B 300 + L 300 + S 150 = 1050; actual A 450 + B 400 + N 150 + L 300 = 1300
    assert (found.months, found.planned, found.actual) == (3, 1050, 1300)


def test_exhaustion_month_at_the_current_burn_rate(frame):
    table = budget.variances(frame, STATUS).set_index("code")
    # A: 1200 - 450 left at 150 a month (Jan..Mar mean) -> 5 months: Apr, May, Jun, Jul, Aug
    assert table.loc["A", "burn_rate"] == 150
    assert table.loc["A", "exhaustion_month"] == pd.Timestamp("2026-08-01")
    assert table.loc["A", "runs_out_before_end"]  # August comes before its December end
    # B: 600 left at 400/3 a month -> 4.5, so the budget runs out in the fifth month (August), before its October end
    assert table.loc["B", "exhaustion_month"] == pd.Timestamp("2026-08-01")
    assert table.loc["B", "runs_out_before_end"]
    # L is finished: no exhaustion month even though invoices still arrive
    assert pd.isna(table.loc["L", "exhaustion_month"])
    # S spent nothing over the last three months: no burn, no exhaustion month
    assert pd.isna(table.loc["S", "burn_rate"]) and pd.isna(table.loc["S", "exhaustion_month"])


def test_an_exhausted_budget_is_flagged():
    frame = pd.DataFrame({"bac": [100.0], "ac": [120.0], "burn": [10.0]})
    months = budget.exhaustion_month(frame["bac"], frame["ac"], frame["burn"], STATUS)
    assert pd.isna(months.iloc[0])


def test_burn_rate_counts_only_the_months_since_spending_began(con):
    frame = projects({"code": "P", "name": "P", "budget": 1000.0, "percent_complete": 0.1})
    costs = pd.DataFrame([line("P", 2026, 2, actual=100.0), line("P", 2026, 3, actual=200.0)])
    load(con, {"projects": frame, "costs": costs})
    table = budget.variances(evm.earned_value(con, Filters(), STATUS, "cpi"), STATUS)
    # first actual in February: (100 + 200) / 2 months, not / 3
    assert table.loc[0, "burn_rate"] == 150


def test_variances_put_the_worst_cost_variance_first(frame):
    table = budget.variances(frame, STATUS)
    # CV: B 200 - 400 = -200 is the worst; A 600 - 450 = +150
    assert table.loc[0, "code"] == "B"
    assert table.loc[0, "overrun"] == pytest.approx(1000)  # EAC 2000 - BAC 1000
    assert table.loc[0, "overrun_pct"] == pytest.approx(1.0)


def test_worst_ranks_by_cost_variance_or_overrun(frame):
    table = budget.variances(frame, STATUS)
    assert budget.worst(table, "cv")["code"].tolist() == ["B"]  # the only negative CV with an EV
    # overruns: B +1000; S EAC = 300 + 200 / 1 = 500 = BAC, so none; A under budget
    assert budget.worst(table, "overrun")["code"].tolist() == ["B"]
    with pytest.raises(ValueError):
        budget.worst(table, "name")


def test_each_alert_fires_on_its_project_only(portfolio, frame):
    found = budget.find_alerts(frame, STATUS, settings.get_all(portfolio))
    assert list(zip(found["kind"], found["code"], strict=True)) == [
        ("cpi_red", "B"),
        ("spi_red", "B"),
        ("overrun", "B"),
        ("no_budget", "N"),
        ("spend_after_end", "L"),
        ("stale_costs", "S"),
    ]
    values = found.set_index("kind")["value"]
    # CPI 200/400, SPI 200/300, overrun (2000 - 1000) / 1000, AC without budget 3 x 50, L's Feb 30 + Mar 20,
    # S's last actual month ends 31 Dec 2025: 90 days before 31 Mar 2026
    assert values.to_dict() == pytest.approx(
        {
            "cpi_red": 0.5,
            "spi_red": 2 / 3,
            "overrun": 1.0,
            "no_budget": 150,
            "spend_after_end": 50,
            "stale_costs": 90,
        }
    )
    assert found.set_index("kind").loc["stale_costs", "since"] == pd.Timestamp("2025-12-31")
    assert set(found.loc[found["kind"].isin(["cpi_red", "spi_red", "overrun"]), "severity"]) == {"red"}
    assert set(found.loc[~found["kind"].isin(["cpi_red", "spi_red", "overrun"]), "severity"]) == {"amber"}


def test_alert_thresholds_come_from_settings(portfolio, frame):
    values = {
        **settings.get_all(portfolio),
        "cpi_spi_red": 0.4,
        "overrun_alert_pct": 100.0,
        "reporting_period_days": 120,
    }
    kinds = set(budget.find_alerts(frame, STATUS, values)["kind"])
    # CPI 0.5 and SPI 0.67 are above 0.4; an overrun of exactly 100 % is not above 100 %; 90 days < 120
    assert kinds == {"no_budget", "spend_after_end"}


def test_a_project_never_costed_is_stale_once_started(con):
    frame = projects(
        {"code": "P", "name": "P", "budget": 100.0, "percent_complete": 0.2, "start_date": date(2026, 1, 1)}
    )
    load(con, {"projects": frame})
    found = budget.find_alerts(evm.earned_value(con, Filters(), STATUS), STATUS, settings.get_all(con))
    assert found["kind"].tolist() == ["stale_costs"] and pd.isna(found.loc[0, "value"])
    assert budget.alert_sentences(found, "en", "EUR").iloc[0].startswith("No actual cost reported yet")


def test_alert_sentences_read_in_both_languages(portfolio, frame):
    found = budget.find_alerts(frame, STATUS, settings.get_all(portfolio))
    en = dict(zip(found["kind"], budget.alert_sentences(found, "en", "EUR"), strict=True))
    fr = dict(zip(found["kind"], budget.alert_sentences(found, "fr", "EUR"), strict=True))
    assert en["cpi_red"] == "CPI 0.50, under the red threshold of 0.90"
    assert fr["cpi_red"] == "CPI 0,50, sous le seuil rouge de 0,90"
    assert en["overrun"] == "Forecast 100% over budget (alert above 5%)"
    close_call = found.loc[found["kind"] == "cpi_red"].assign(value=0.897)
    assert (
        budget.alert_sentences(close_call, "en", "EUR").iloc[0]
        == "CPI 0.897, under the red threshold of 0.90"  # a decimal more: never "0.90 under 0.90"
    )
    rounded = found.loc[found["kind"] == "cpi_red"].assign(value=0.7455)
    assert budget.alert_sentences(rounded, "en", "EUR").iloc[0].startswith("CPI 0.75,")  # rounded, not cut
    assert en["spend_after_end"] == "€50 spent after the project's end date"
    assert fr["stale_costs"].startswith("Dernier coût réel pour le mois clos le 31/12/2025")


def test_no_alert_on_an_empty_selection(portfolio):
    frame = evm.earned_value(portfolio, Filters(portfolios=("none",)), STATUS)
    found = budget.find_alerts(frame, STATUS, settings.get_all(portfolio))
    assert found.empty and {"kind", "code", "severity"} <= set(found.columns)


# --- One project over two snapshots, for the S-curve and allocation ------------------------------------


def one_project(percent: float, actual_months: tuple[int, ...]) -> dict[str, pd.DataFrame]:
    frame = projects(
        {
            "code": "P",
            "name": "Plant",
            "portfolio": "X",
            "budget": 600.0,
            "percent_complete": percent,
            "start_date": date(2026, 1, 1),
            "baseline_end": date(2026, 6, 30),
            "forecast_end": date(2027, 1, 31),
        }
    )
    costs = [
        line("P", 2026, m, planned=100.0, actual=100.0 if m in actual_months else None) for m in (1, 2, 3, 4)
    ]
    return {"projects": frame, "costs": pd.DataFrame(costs)}


@pytest.fixture
def two_snapshots(con):
    load(con, one_project(0.3, (1, 2)), as_of=FEB)
    load(con, one_project(0.5, (1, 2, 3)), as_of=MAR)
    return con


def picture(con, status=STATUS):
    frame = evm.earned_value(con, Filters(), status, "cpi")
    lines = budget.monthly(con, Filters(), status)
    plan = budget.phasing(lines, frame, status, "cpi")
    return frame, lines, plan


def series(curve: budget.SCurve, name: str) -> dict[str, float]:
    rows = curve.points.loc[curve.points["series"] == name]
    return {d.strftime("%Y-%m-%d"): v for d, v in zip(rows["month_end"], rows["value"], strict=True)}


def test_s_curve_reaches_bac_and_lands_on_eac(two_snapshots):
    frame, _, plan = picture(two_snapshots)
    curve = budget.s_curve(plan, frame, budget.earned_history(two_snapshots, Filters(), STATUS))
    # PV: 4 planned lines of 100, then the 200 the lines leave spread over May and June (baseline end)
    assert series(curve, "pv") == {
        "2026-01-31": 100,
        "2026-02-28": 200,
        "2026-03-31": 300,
        "2026-04-30": 400,
        "2026-05-31": 500,
        "2026-06-30": 600,
        "2026-07-31": 600,
        "2026-08-31": 600,
        "2026-09-30": 600,
        "2026-10-31": 600,
        "2026-11-30": 600,
        "2026-12-31": 600,
        "2027-01-31": 600,
    }
    assert series(curve, "ac") == {"2026-01-31": 100, "2026-02-28": 200, "2026-03-31": 300}
    # EAC = 300 + (600 - 300) / 1.0 = 600: the ETC of 300 goes evenly over Apr 2026..Jan 2027, 30 a month
    forecast = series(curve, "forecast")
    assert forecast["2026-03-31"] == 300 and forecast["2026-04-30"] == pytest.approx(330)
    assert forecast["2027-01-31"] == pytest.approx(600) and curve.landing == pytest.approx(600)
    # EV: 30 % x 600 at the February snapshot, 50 % x 600 at the status date
    assert series(curve, "ev") == {"2026-02-28": 180, "2026-03-31": 300}
    assert (curve.bac, curve.spread) == (600, True)


def test_allocation_by_year_and_cost_type_add_up_to_bac_and_eac(two_snapshots):
    frame, lines, plan = picture(two_snapshots)
    years = budget.allocation_by_year(plan).set_index("key")
    # 2026: budget 600, actual 300, forecast 300 + 9 months x 30; 2027: the January 30
    assert years.loc["2026"].to_dict() == pytest.approx({"budget": 600, "actual": 300, "forecast": 570})
    assert years.loc["2027"].to_dict() == pytest.approx({"budget": 0, "actual": 0, "forecast": 30})
    types = budget.allocation_by_cost_type(lines, plan).set_index("key")
    # CAPEX lines: planned 400, actual 300, no forecast line; the untyped rest: 200 of budget, the 300 ETC
    assert types.loc["CAPEX"].to_dict() == pytest.approx({"budget": 400, "actual": 300, "forecast": 300})
    assert types.loc[""].to_dict() == pytest.approx({"budget": 200, "actual": 0, "forecast": 300})


def test_allocation_by_portfolio_uses_earned_value(portfolio, frame):
    table = budget.allocation(frame, "portfolio", "cpi").set_index("key")
    # X = A + B: BAC 2200, AC 850, EAC from the sums: 850 + (2200 - 800) / (800 / 850)
    assert table.loc["X"].to_dict() == pytest.approx(
        {"budget": 2200, "actual": 850, "forecast": 850 + 1400 * 850 / 800}
    )
    with pytest.raises(ValueError):
        budget.allocation(frame, "cost_type", "cpi")


def test_yearly_phasing_lists_multi_year_projects_only(portfolio):
    found = budget.yearly_phasing(portfolio, Filters(), STATUS)
    phasing = found.rows
    assert set(phasing["code"]) == {"S"} and found.n_projects == 1  # the only one with lines in 2025 and 2026
    table = budget.phasing_table(phasing, "planned").set_index("code")
    # S planned 3 x 50 in 2025 and 3 x 50 in 2026
    assert (table.loc["S", "2025"], table.loc["S", "2026"], table.loc["S", "total"]) == (150, 150, 300)
    forecast = budget.phasing_table(phasing, "forecast").set_index("code")
    assert forecast.loc["S", "2025"] == 300  # actual Oct..Dec 2025, no forecast line


def test_earned_value_by_programme_keeps_the_portfolio(frame):
    rolled = budget.earned_value_by(frame, "programme", "cpi")
    assert {"portfolio", "programme", "n_projects", "cpi"} <= set(rolled.columns)
    assert rolled["n_projects"].sum() == len(frame)


def test_totals_count_the_fallbacks(portfolio):
    frame = evm.earned_value(portfolio, Filters(), STATUS, "cpi")
    totals = budget.totals(frame, "cpi")
    # N has neither budget nor planned lines; Z has no lines, so its PV comes from its schedule
    assert totals.n_projects == 6 and totals.n_pv_from_schedule == 1 and totals.n_no_progress == 1
    assert budget.totals(frame.iloc[0:0], "cpi") is None


def test_status_dates_and_the_state_compared_with(two_snapshots):
    dates = budget.status_dates(two_snapshots, Filters())
    assert dates.default == MAR and dates.options == (MAR, FEB, date(2026, 1, 31))
    previous, status = budget.state_before(Filters(portfolios=("X",)), FEB)
    assert previous == Filters(portfolios=("X",), as_of=FEB) and status == FEB
    assert budget.state_before(Filters(), date(2026, 2, 15)) == (
        Filters(as_of=date(2026, 2, 15)),
        date(2026, 1, 31),
    )
    assert budget.state_before(Filters(), None) is None


def test_status_dates_of_an_empty_store(con):
    assert budget.status_dates(con, Filters()) == budget.StatusDates(None, ())


def test_export_neutralises_formulas_and_speaks_french(con):
    frames = one_project(0.5, (1, 2, 3))
    frames["projects"].loc[0, "name"] = '=HYPERLINK("http://evil")'
    load(con, frames)
    frame = evm.earned_value(con, Filters(), STATUS, "cpi")
    payload = budget.export_workbook(
        budget.variances(frame, STATUS), budget.find_alerts(frame, STATUS, settings.get_all(con)), "fr", "EUR"
    )
    book = load_workbook(BytesIO(payload))
    assert book.sheetnames == ["Écarts", "Alertes"]
    sheet = book["Écarts"]
    headers = [c.value for c in sheet[1]]
    assert headers[:2] == ["Code", "Projet"] and "CPI" in headers
    assert sheet.cell(2, 2).value == '\'=HYPERLINK("http://evil")' and sheet.cell(2, 2).data_type == "s"
    assert sheet.cell(2, headers.index("CPI") + 1).value == pytest.approx(1.0)


def test_yearly_phasing_keeps_the_largest_projects(con):
    frame = projects({"code": "SMALL", "name": "Small"}, {"code": "BIG", "name": "Big"})
    costs = [
        line(code, year, 6, planned=amount)
        for code, amount in (("SMALL", 10.0), ("BIG", 90.0))
        for year in (2025, 2026)
    ]
    load(con, {"projects": frame, "costs": pd.DataFrame(costs)})
    found = budget.yearly_phasing(con, Filters(), STATUS, "planned", limit=1)
    # BIG plans 2 x 90 against SMALL's 2 x 10: only BIG is listed, but both are counted
    assert set(found.rows["code"]) == {"BIG"} and found.n_projects == 2
    with pytest.raises(ValueError):
        budget.yearly_phasing(con, Filters(), STATUS, "name")
