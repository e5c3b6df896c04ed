"""Earned value per project and rolled up, with the PMBOK formulas of DOMAIN.md.

Conventions (the Budget page states them in words):
- A monthly cost line counts towards a status date once its month has ended on or before that date
  (monthly trackers report whole months; the default status date is a month end).
- BAC is the project's budget; when the tracker gives none, the sum of its planned lines.
- PV is the cumulative planned lines up to the status date (the time-phased baseline). A project with no
  planned line gets BAC x the elapsed fraction of its baseline schedule (start .. baseline end, else
  forecast end), clipped to 0..1.
- EV is % complete x BAC. AC is the cumulative actual lines up to the status date; a project with no
  actual line at all falls back to the tracker's actual cost field.
- EAC follows the `eac_method` setting; ETC = EAC - AC, VAC = BAC - EAC, TCPI = (BAC - EV) / (BAC - AC).
- An undefined ratio (a zero or missing denominator) is NaN, never 0 nor infinity.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from pmo_core import settings
from pmo_core.filters import Filters

METHODS = ("cpi", "atypical", "cpi_spi", "bottom_up")
SUMMED = ("bac", "pv", "ev", "ac", "etc_tracker")
DERIVED = ("cv", "sv", "cpi", "spi", "eac", "etc", "vac", "tcpi")
BURN_MONTHS = 3  # the burn rate is the mean actual of the last complete months, up to three
COLUMNS = ("code", "name", "portfolio", "programme", "bac", "pv", "ev", "ac", *DERIVED)


def default_status_date(reference: date) -> date:
    """Return the end of the last month complete on `reference`: a month end counts as complete on its last day."""
    if reference.day == monthrange(reference.year, reference.month)[1]:
        return reference
    return reference.replace(day=1) - timedelta(days=1)


def month_ends(first: date, last: date) -> list[date]:
    """Return the month ends from `first`'s month to `last`'s month, newest first, for a status date picker."""
    ends = []
    year, month = last.year, last.month
    while (year, month) >= (first.year, first.month):
        ends.append(date(year, month, monthrange(year, month)[1]))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return ends


def earned_value(
    con: duckdb.DuckDBPyConnection, filters: Filters, status_date: date, method: str | None = None
) -> pd.DataFrame:
    """Return one row per project of the filtered state with its earned value figures on `status_date`."""
    method = method or settings.get(con, "eac_method")
    raw = _sums(con, filters, status_date)
    frame = _base_figures(raw, status_date)
    frame = derive(frame, method)
    extra = [
        "bac_from_lines",
        "pv_from_schedule",
        "ac_from_field",
        "etc_tracker",
        "percent_complete",
        "budget",
        "manager",
        "start_date",
        "baseline_end",
        "forecast_end",
        "last_update",
        "recent_actual",
        "recent_months",
        "actual_after_end",
        "n_actual",
        "n_planned",
        "planned_total",
        "last_planned",
        "n_forecast_after",
        "last_actual",
    ]
    return frame[[*COLUMNS, *extra]].reset_index(drop=True)


def live_costs(filters: Filters, columns: str = "code") -> str:
    """Return the SQL of three CTEs: `p`, the filtered projects (`columns` of them, with forecast_end and
    baseline_end), `live`, the version of each one's cost lines counted on the date, and `lines`, those cost
    lines with each one's project end (end_date).

    The versions come from live_versions (migration 015), joined to the projects first: the million cost
    lines then go through one hash join on (batch_id, project_code) whose build side is a few thousand rows,
    which keeps each page query under 100 ms on the scale store.
    """
    return f"""p AS (SELECT {columns} FROM projects_at($d::DATE) AS p WHERE {filters.project_clause("p")}),
            live AS (SELECT v.batch_id, v.project_code, coalesce(p.forecast_end, p.baseline_end) AS end_date
                     FROM live_versions AS v JOIN p ON p.code = v.project_code
                     WHERE v.entity = 'costs' AND v.valid_from <= $d::DATE AND $d::DATE < v.valid_to),
            lines AS (SELECT r.project_code, r.month, r.cost_type, r.planned, r.actual, r.forecast, live.end_date
                      FROM cost_rows AS r
                      JOIN live ON live.batch_id = r.batch_id AND live.project_code = r.project_code)"""  # noqa: S608 - fixed text; values are parameters


PROJECT_FIELDS = (
    "code, name, portfolio, programme, manager, budget, actual_cost, estimate_to_complete, percent_complete, "
    "start_date, baseline_end, forecast_end, last_update"
)


def _sums(con: duckdb.DuckDBPyConnection, filters: Filters, status_date: date) -> pd.DataFrame:
    """Run the one aggregate query: per project, its fields and the sums of its cost lines."""
    return con.execute(
        f"""WITH {live_costs(filters, PROJECT_FIELDS)},
            c AS (  -- CASE inside the sums runs faster than FILTER clauses on a million lines
                SELECT r.project_code,
                       sum(r.planned) AS planned_total,
                       count(r.planned) AS n_planned,
                       sum(CASE WHEN r.month < $cut THEN r.planned END) AS pv_lines,
                       max(CASE WHEN r.planned IS NOT NULL THEN r.month END) AS last_planned,
                       count(r.actual) AS n_actual,
                       max(CASE WHEN r.month < $cut AND r.actual IS NOT NULL THEN r.month END) AS last_actual,
                       coalesce(sum(CASE WHEN r.month < $cut THEN r.actual END), 0) AS ac_lines,
                       count(CASE WHEN r.month >= $cut THEN r.forecast END) AS n_forecast_after,
                       sum(CASE WHEN r.month >= $cut THEN r.forecast END) AS forecast_after,
                       sum(CASE WHEN r.month >= $burn_from AND r.month < $cut THEN r.actual END) AS recent_actual,
                       min(CASE WHEN r.month >= $burn_from AND r.month < $cut AND r.actual IS NOT NULL
                                THEN r.month END) AS recent_first,
                       sum(CASE WHEN r.month < $cut AND r.month > r.end_date THEN r.actual END) AS actual_after_end
                FROM lines AS r
                GROUP BY r.project_code)
            SELECT p.*, c.* EXCLUDE (project_code)
            FROM p LEFT JOIN c ON c.project_code = p.code
            ORDER BY p.code""",  # noqa: S608 - the clause is fixed text; its values are parameters
        {
            **filters.params(),
            "cut": cut_date(status_date),
            "burn_from": _months_before(cut_date(status_date), BURN_MONTHS),
        },
    ).df()


def cut_date(status_date: date) -> date:
    """Return the first day of the month after the status date's month when it is a month end, else of its month."""
    done = default_status_date(status_date)
    return done + timedelta(days=1)


def _months_before(day: date, months: int) -> date:
    """Return the first day of the month `months` months before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


def _base_figures(raw: pd.DataFrame, status_date: date) -> pd.DataFrame:
    """Compute BAC, PV, EV, AC and the tracker's estimate to complete, with where each came from."""
    frame = raw.copy()
    budget = frame["budget"].astype("float64")
    frame["bac_from_lines"] = budget.isna() & frame["planned_total"].notna()
    frame["bac"] = budget.fillna(frame["planned_total"].astype("float64"))
    has_planned = frame["n_planned"].fillna(0) > 0
    frame["pv_from_schedule"] = (~has_planned).astype(bool)
    frame["pv"] = (
        frame["pv_lines"].astype("float64").where(has_planned, frame["bac"] * _elapsed(frame, status_date))
    )
    frame.loc[has_planned, "pv"] = frame.loc[has_planned, "pv"].fillna(0.0)
    frame["ev"] = frame["percent_complete"].astype("float64") * frame["bac"]
    has_actual = frame["n_actual"].fillna(0) > 0
    frame["ac_from_field"] = (~has_actual & frame["actual_cost"].notna()).astype(bool)
    frame["ac"] = (
        frame["ac_lines"].astype("float64").where(has_actual, frame["actual_cost"].astype("float64"))
    )
    frame["etc_tracker"] = _tracker_etc(frame)
    frame["recent_months"] = _months_between(frame["recent_first"], cut_date(status_date))
    return frame


def _months_between(first: pd.Series, cut: date) -> pd.Series:
    """Return how many months run from each `first` month up to the month before `cut`; NaN without one."""
    first = pd.to_datetime(first)
    return (cut.year - first.dt.year) * 12 + (cut.month - first.dt.month).astype("float64")


def _elapsed(frame: pd.DataFrame, status_date: date) -> pd.Series:
    """Return the fraction of the baseline schedule elapsed on the status date, 0..1, NaN without dates."""
    start = pd.to_datetime(frame["start_date"])
    end = pd.to_datetime(frame["baseline_end"]).fillna(pd.to_datetime(frame["forecast_end"]))
    at = pd.Timestamp(status_date)
    length = (end - start).dt.days.astype("float64")
    done = (at - start).dt.days.astype("float64")
    fraction = (done / length.where(length > 0)).clip(0.0, 1.0)
    # a zero-length schedule is all planned once its day has passed
    instant = (length == 0) & start.notna()
    return fraction.where(~instant, (at >= start).astype("float64"))


def _tracker_etc(frame: pd.DataFrame) -> pd.Series:
    """Return the bottom-up ETC: the tracker's estimate to complete, else the forecast lines after the status date."""
    lines = frame["forecast_after"].astype("float64").where(frame["n_forecast_after"].fillna(0) > 0)
    return frame["estimate_to_complete"].astype("float64").fillna(lines)


def derive(frame: pd.DataFrame, method: str) -> pd.DataFrame:
    """Add CV, SV, CPI, SPI, EAC, ETC, VAC and TCPI to a frame holding bac, pv, ev, ac and etc_tracker."""
    if method not in METHODS:
        raise ValueError(f"eac_method: one of {', '.join(METHODS)} is expected")
    out = frame.copy()
    bac, pv, ev, ac = (out[c].astype("float64") for c in ("bac", "pv", "ev", "ac"))
    out["cv"] = ev - ac
    out["sv"] = ev - pv
    out["cpi"] = ratio(ev, ac)
    out["spi"] = ratio(ev, pv)
    out["eac"] = _eac(bac, ev, ac, out["cpi"], out["spi"], out["etc_tracker"].astype("float64"), method)
    out["etc"] = out["eac"] - ac
    out["vac"] = bac - out["eac"]
    out["tcpi"] = ratio(bac - ev, bac - ac)
    return out


def _eac(bac, ev, ac, cpi, spi, etc_tracker, method: str) -> pd.Series:
    """Return the estimate at completion by the chosen method (DOMAIN.md)."""
    if method == "cpi":
        return ac + ratio(bac - ev, cpi)
    if method == "atypical":
        return ac + (bac - ev)
    if method == "cpi_spi":
        return ac + ratio(bac - ev, cpi * spi)
    return ac + etc_tracker


def ratio(numerator: pd.Series, denominator: pd.Series) -> pd.Series:
    """Divide, giving NaN where the denominator is zero or missing, so no ratio is ever infinite."""
    numerator = pd.Series(numerator, dtype="float64")
    denominator = pd.Series(denominator, dtype="float64")
    safe = denominator.where(denominator != 0)
    result = numerator / safe
    return result.where(np.isfinite(result))


def roll_up(frame: pd.DataFrame, by: str | list[str] | None, method: str) -> pd.DataFrame:
    """Sum BAC, PV, EV, AC (and the bottom-up ETC) per group, then recompute every ratio from the sums."""
    keys = [by] if isinstance(by, str) else list(by or [])
    data = frame[[*keys, *SUMMED]].copy()
    for key in keys:
        data[key] = data[key].fillna("")
    if keys:
        groups = data.groupby(keys, sort=True, dropna=False)
        grouped = groups[list(SUMMED)].sum(min_count=1)  # a group with no figure at all stays NaN, not 0
        grouped.insert(0, "n_projects", groups.size())
        grouped = grouped.reset_index()
    else:
        grouped = pd.DataFrame([{"n_projects": len(data), **{c: data[c].sum(min_count=1) for c in SUMMED}}])
    return derive(grouped, method)


def index_status(value: float | None, green: float, red: float) -> str | None:
    """Return the status of a CPI or SPI by the settings' thresholds; None when the index is undefined."""
    if value is None or pd.isna(value):
        return None
    value = round(float(value), 8)  # as formatting.ratio reads it: 0.95 stored as 0.9499999... is 0.95
    if value >= green:
        return "green"
    return "amber" if value >= red else "red"
