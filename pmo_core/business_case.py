"""Business case measures from yearly costs and benefits: NPV, IRR, payback, discounted payback, ROI.

Conventions (DOMAIN.md): flows are net (benefit - cost) per year; the first year given is t = 0 and is not
discounted (Excel: CF0 + NPV(r, CF1..CFN)); a missing year inside the range counts as no flow; a blank
cost or benefit is 0. IRR is every rate above -100 % where NPV = 0: it may not exist, or not be unique.
Payback is the first period where the cumulative flow reaches 0, interpolated inside that period; None
means it never does. ROI = (total benefits - total costs) / total costs, undiscounted.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb
import numpy as np
import pandas as pd

from pmo_core.filters import Filters

CALENDAR_YEAR = 1900  # a year at or above this is a calendar year; below, a year of the project (0, 1, ...)


@dataclass(frozen=True)
class Irr:
    """The internal rate of return, and whether it exists and is unique."""

    rate: float | None  # the rate when it is unique
    status: str  # "unique", "none" or "multiple"
    rates: tuple[float, ...] = ()  # every rate where NPV = 0, lowest first


@dataclass(frozen=True)
class BusinessCase:
    npv: float
    irr: Irr
    payback: float | None  # years from t = 0; None: never pays back
    discounted_payback: float | None
    roi: float | None  # None when there is no cost
    total_cost: float
    total_benefit: float


def npv(flows: Sequence[float], rate: float) -> float:
    """Return the net present value, the first flow undiscounted."""
    return float(sum(cf / (1 + rate) ** t for t, cf in enumerate(flows)))


def discounted(flows: Sequence[float], rate: float) -> list[float]:
    """Return each flow discounted to t = 0."""
    return [cf / (1 + rate) ** t for t, cf in enumerate(flows)]


def irr(flows: Sequence[float]) -> Irr:
    """Return the rates above -100 % where NPV is 0, found as the positive roots of sum(CF_t x^t), x = 1/(1+r)."""
    coefficients = np.asarray(flows, dtype=float)
    if not coefficients.size or not np.any(coefficients):
        return Irr(None, "none")
    roots = np.roots(coefficients[::-1])  # highest power first; leading zeros are dropped by numpy
    scale = max(1.0, float(np.max(np.abs(roots)))) if roots.size else 1.0
    real = [float(x.real) for x in roots if abs(x.imag) <= 1e-6 * scale and x.real > 1e-12]
    rates = sorted({round(_polish(coefficients, 1 / x - 1), 10) for x in real})
    rates = _distinct(rates)
    if not rates:
        return Irr(None, "none")
    if len(rates) == 1:
        return Irr(rates[0], "unique", tuple(rates))
    return Irr(None, "multiple", tuple(rates))


def _polish(coefficients: np.ndarray, rate: float) -> float:
    """Refine a root of NPV(rate) with a few Newton steps; keep the start when a step does not help."""
    t = np.arange(coefficients.size)
    for _ in range(20):
        base = 1 + rate
        if base <= 0:
            break
        value = float(np.sum(coefficients / base**t))
        slope = float(np.sum(-t * coefficients / base ** (t + 1)))
        if slope == 0 or not math.isfinite(value / slope):
            break
        step = value / slope
        if 1 + rate - step <= 0:
            break
        rate -= step
        if abs(step) < 1e-14 * max(1.0, abs(rate)):
            break
    return rate


def _distinct(rates: list[float]) -> list[float]:
    """Merge rates closer than a hundredth of a basis point (a double root shows up twice)."""
    kept: list[float] = []
    for rate in rates:
        if not kept or abs(rate - kept[-1]) > 1e-6:
            kept.append(rate)
    return kept


def payback(flows: Sequence[float]) -> float | None:
    """Return the first period where the cumulative flow is >= 0, interpolated; None when it never is."""
    cumulative = 0.0
    for t, flow in enumerate(flows):
        if cumulative + flow >= 0:
            return 0.0 if t == 0 else t - 1 + (-cumulative / flow)
        cumulative += flow
    return None


def roi(total_cost: float, total_benefit: float) -> float | None:
    """Return (benefits - costs) / costs; None without costs."""
    return None if total_cost == 0 else (total_benefit - total_cost) / total_cost


def evaluate(
    years: Sequence[int], costs: Sequence[float], benefits: Sequence[float], rate: float
) -> BusinessCase:
    """Compute every measure of one project's yearly rows (years may have gaps, rows any order)."""
    flows = net_flows(years, costs, benefits)
    total_cost = float(np.nansum(np.asarray(costs, dtype=float)))
    total_benefit = float(np.nansum(np.asarray(benefits, dtype=float)))
    return BusinessCase(
        npv=npv(flows, rate),
        irr=irr(flows),
        payback=payback(flows),
        discounted_payback=payback(discounted(flows, rate)),
        roi=roi(total_cost, total_benefit),
        total_cost=total_cost,
        total_benefit=total_benefit,
    )


def net_flows(years: Sequence[int], costs: Sequence[float], benefits: Sequence[float]) -> list[float]:
    """Return benefit - cost for each year from the first to the last given, 0 for a missing year."""
    years = [int(y) for y in years]
    first = min(years)
    flows = [0.0] * (max(years) - first + 1)
    for year, cost, benefit in zip(years, costs, benefits, strict=True):
        flows[year - first] += _amount(benefit) - _amount(cost)
    return flows


def _amount(value: float | None) -> float:
    return 0.0 if value is None or (isinstance(value, float) and math.isnan(value)) else float(value)


def yearly_rows(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the business-case rows of the filtered projects, with t and the calendar year of each row.

    A year below 1900 is a year of the project: year 0 is the year the project starts (its start date, or
    the state's year when it has none), so per-year budgets can be checked against calendar years.
    """
    return con.execute(
        f"""WITH rows AS (
              SELECT bc.project_code, bc.year, coalesce(bc.cost, 0) AS cost, coalesce(bc.benefit, 0) AS benefit,
                     p.name, year(coalesce(p.start_date, least($d::DATE, current_date))) AS start_year
              FROM business_case_at($d::DATE) AS bc
              JOIN projects_at($d::DATE) AS p ON p.code = bc.project_code
              WHERE {f.project_clause("p")})
            SELECT project_code, name, year, cost, benefit, benefit - cost AS net,
                   year - min(year) OVER (PARTITION BY project_code) AS t,
                   CASE WHEN year >= {CALENDAR_YEAR} THEN year
                        ELSE start_year + year - min(year) OVER (PARTITION BY project_code) END AS calendar_year
            FROM rows ORDER BY project_code, year""",  # noqa: S608 - the clause is fixed text, values bound
        f.params(),
    ).df()


def business_cases(con: duckdb.DuckDBPyConnection, f: Filters, rate: float) -> pd.DataFrame:
    """Return one row per filtered project with yearly rows: NPV, IRR and its status, paybacks, ROI."""
    rows = yearly_rows(con, f)
    records = []
    for code, group in rows.groupby("project_code", sort=True):
        case = evaluate(group["year"].tolist(), group["cost"].tolist(), group["benefit"].tolist(), rate)
        records.append(
            {
                "code": code,
                "name": group["name"].iloc[0],
                "first_year": int(group["calendar_year"].min()),
                "n_years": int(group["t"].max()) + 1,
                "total_cost": case.total_cost,
                "total_benefit": case.total_benefit,
                "npv": case.npv,
                "irr": case.irr.rate,
                "irr_status": case.irr.status,
                "irr_rates": list(case.irr.rates),
                "payback": case.payback,
                "discounted_payback": case.discounted_payback,
                "roi": case.roi,
            }
        )
    columns = [
        "code",
        "name",
        "first_year",
        "n_years",
        "total_cost",
        "total_benefit",
        "npv",
        "irr",
        "irr_status",
        "irr_rates",
        "payback",
        "discounted_payback",
        "roi",
    ]
    return pd.DataFrame(records, columns=columns)


def cash_flow_curve(con: duckdb.DuckDBPyConnection, f: Filters, code: str, rate: float) -> pd.DataFrame:
    """Return one project's cumulative flow, plain and discounted, per year: the picture of its payback."""
    rows = yearly_rows(con, f)
    rows = rows.loc[rows["project_code"] == code]
    if rows.empty:
        return pd.DataFrame(columns=["t", "calendar_year", "net", "cumulative", "discounted_cumulative"])
    flows = net_flows(rows["year"].tolist(), rows["cost"].tolist(), rows["benefit"].tolist())
    first = int(rows["calendar_year"].min())
    return pd.DataFrame(
        {
            "t": range(len(flows)),
            "calendar_year": [first + t for t in range(len(flows))],
            "net": flows,
            "cumulative": np.cumsum(flows),
            "discounted_cumulative": np.cumsum(discounted(flows, rate)),
        }
    )
