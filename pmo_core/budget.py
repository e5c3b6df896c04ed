"""Budget control: headline figures, the monthly picture, the S-curve, variances, allocation and alerts.

Every figure is "as of" a status date (see `evm`): a monthly line counts once its month has ended.
A few loaders query DuckDB (`evm.earned_value`, `monthly`, `earned_history`, `cost_updates`, `yearly_phasing`),
each one aggregate over the cost lines; the pictures are pure functions of what they return, so a page
runs each query once per status date and the tests feed the pictures plain frames.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from pmo_core import evm, exports, formatting, snapshots
from pmo_core.filters import Filters
from pmo_core.i18n import t

LEVELS = ("portfolio", "programme")
RANKINGS = ("cv", "overrun")
ALERT_ORDER = ("cpi_red", "spi_red", "overrun", "no_budget", "spend_after_end", "stale_costs")
RED_ALERTS = frozenset({"cpi_red", "spi_red", "overrun"})
ALERT_COLUMNS = ["kind", "code", "name", "portfolio", "manager", "value", "threshold", "since"]
POINT_COLUMNS = ["month_end", "series", "value"]


# --------------------------------------------------------------------------------------------------
# Status date and the state in view


@dataclass(frozen=True)
class StatusDates:
    default: date | None
    options: tuple[date, ...]  # month ends, newest first


def reference_date(con: duckdb.DuckDBPyConnection, filters: Filters) -> date | None:
    """Return the reporting date of the state in view: the chosen snapshot, else the latest one."""
    if filters.as_of:
        return filters.as_of
    dates = snapshots.list_snapshots(con)
    return dates[0].as_of if dates else None


def status_dates(con: duckdb.DuckDBPyConnection, filters: Filters) -> StatusDates:
    """Offer the month ends from the first cost month to the state's reporting date; default the last complete one."""
    reference = reference_date(con, filters)
    if reference is None:
        return StatusDates(None, ())
    default = evm.default_status_date(reference)
    # the raw table's minimum is read from its statistics: instant, and a picker needs no more precision
    first = con.execute("SELECT min(month) FROM cost_rows").fetchone()[0]
    return StatusDates(default, tuple(evm.month_ends(min(first or default, default), default)))


def state_before(filters: Filters, since: date | None) -> tuple[Filters, date] | None:
    """Return the filters of the snapshot changes are measured from, and its own status date, for deltas.

    `since` is where the committee's changes start (`committee.Scope.since`): the snapshot the last committee
    reviewed, else the previous one; the Budget page and the committee pack compare with the same state.
    """
    if since is None:
        return None
    return replace(filters, as_of=since), evm.default_status_date(since)


# --------------------------------------------------------------------------------------------------
# Headline figures


@dataclass(frozen=True)
class Totals:
    n_projects: int
    bac: float
    pv: float
    ev: float
    ac: float
    cv: float
    sv: float
    cpi: float
    spi: float
    eac: float
    etc: float
    vac: float
    tcpi: float
    n_bac_from_lines: int = 0
    n_pv_from_schedule: int = 0
    n_ac_from_field: int = 0
    n_no_progress: int = 0


def totals(frame: pd.DataFrame, method: str) -> Totals | None:
    """Roll every project of an earned value frame into one set of figures; None when there is none."""
    if frame.empty:
        return None
    row = evm.roll_up(frame, None, method).iloc[0]
    names = ("bac", "pv", "ev", "ac", "cv", "sv", "cpi", "spi", "eac", "etc", "vac", "tcpi")
    return Totals(
        n_projects=len(frame),
        **{k: _float(row[k]) for k in names},
        n_bac_from_lines=int(frame["bac_from_lines"].sum()),
        n_pv_from_schedule=int((frame["pv_from_schedule"] & frame["pv"].notna()).sum()),
        n_ac_from_field=int(frame["ac_from_field"].sum()),
        n_no_progress=int(frame["percent_complete"].isna().sum()),
    )


def _float(value: object) -> float:
    return math.nan if value is None or pd.isna(value) else float(value)


def earned_value_by(frame: pd.DataFrame, level: str, method: str) -> pd.DataFrame:
    """Return earned value rolled up by portfolio or programme, ratios recomputed from the sums, largest first."""
    if level not in LEVELS:
        raise ValueError(f"level: one of {', '.join(LEVELS)} is expected")
    keys = ["portfolio"] if level == "portfolio" else ["portfolio", "programme"]
    return evm.roll_up(frame, keys, method).sort_values("bac", ascending=False, ignore_index=True)


# --------------------------------------------------------------------------------------------------
# Monthly picture


def monthly(con: duckdb.DuckDBPyConnection, filters: Filters, status_date: date) -> pd.DataFrame:
    """Return planned, actual (up to the status date) and forecast (after it) per month and cost type."""
    cut = evm.cut_date(status_date)
    frame = con.execute(
        f"""WITH {evm.live_costs(filters, "code, forecast_end, baseline_end")}
            SELECT r.month, coalesce(r.cost_type, '') AS cost_type,
                   sum(r.planned) AS planned,
                   sum(CASE WHEN r.month < $cut THEN r.actual END) AS actual,
                   sum(CASE WHEN r.month >= $cut THEN r.forecast END) AS forecast
            FROM lines AS r
            GROUP BY ALL ORDER BY r.month, cost_type""",  # noqa: S608 - fixed text, values are parameters
        {**filters.params(), "cut": cut},
    ).df()
    frame["month"] = pd.to_datetime(frame["month"]).astype("datetime64[us]")
    frame["past"] = frame["month"] < pd.Timestamp(cut)
    frame["spend"] = frame["actual"].where(frame["past"], frame["forecast"])
    return frame


@dataclass(frozen=True)
class MonthlyFinding:
    months: int  # complete months looked at, up to the status date
    planned: float
    actual: float


def monthly_finding(lines: pd.DataFrame, status_date: date, months: int = 12) -> MonthlyFinding:
    """Compare actual with planned spend over the last complete months up to the status date."""
    cut = pd.Timestamp(evm.cut_date(status_date))
    recent = lines.loc[(lines["month"] < cut) & (lines["month"] >= cut - pd.DateOffset(months=months))]
    counted = int(recent["month"].nunique())
    return MonthlyFinding(counted, float(recent["planned"].sum()), float(recent["actual"].sum()))


def monthly_window(lines: pd.DataFrame, status_date: date, before: int = 24, after: int = 12) -> pd.DataFrame:
    """Keep the months a steering committee reads: two years up to the status date and one year after it."""
    cut = pd.Timestamp(evm.cut_date(status_date))
    keep = (lines["month"] >= cut - pd.DateOffset(months=before)) & (
        lines["month"] < cut + pd.DateOffset(months=after)
    )
    return lines.loc[keep].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# S-curve


@dataclass(frozen=True)
class SCurve:
    points: pd.DataFrame  # month_end, series (pv, ac, forecast, ev), value: cumulative amounts
    status_date: date
    bac: float  # the selection's budget at completion, drawn as a rule
    landing: float  # where the forecast ends: the selection's EAC
    spread: bool  # some budget or ETC was spread evenly for want of monthly lines


def earned_history(con: duckdb.DuckDBPyConnection, filters: Filters, status_date: date) -> pd.DataFrame:
    """Return, for each snapshot before the status date, the % complete and budget each project reported."""
    frame = con.execute(
        f"""WITH s AS (SELECT as_of FROM snapshots WHERE as_of <= $d::DATE AND as_of < $sd),
            v AS (SELECT s.as_of AS state, c.project_code,
                         arg_max(c.batch_id, (b.as_of, c.batch_id)) AS batch_id,
                         arg_max(c.present, (b.as_of, c.batch_id)) AS present
                  FROM s JOIN batches AS b ON b.as_of <= s.as_of AND b.rolled_back_at IS NULL
                  JOIN coverage AS c ON c.batch_id = b.batch_id AND c.entity = 'projects'
                  GROUP BY ALL)
            SELECT v.state, p.code, p.percent_complete, p.budget
            FROM v JOIN project_rows AS p ON p.batch_id = v.batch_id AND p.code = v.project_code
            WHERE v.present AND {filters.project_clause("p")}""",  # noqa: S608 - fixed clause, values are parameters
        {**filters.params(), "sd": status_date},
    ).df()
    frame["state"] = pd.to_datetime(frame["state"]).astype("datetime64[us]")
    return frame


@dataclass(frozen=True)
class Phasing:
    """The selection's money per month, reconciled with earned value: planned sums to BAC, the forecast to EAC."""

    months: pd.DataFrame  # month, planned, actual (up to the status date), ahead (after it)
    scale: float  # the factor bringing the forecast lines and the spread ETC to EAC - AC
    budget_spread: float  # budget spread evenly for want of planned lines
    actual_field: float  # actual cost taken from the tracker's field, for want of actual lines
    etc_spread: float  # estimate to complete spread evenly for want of forecast lines, before scaling
    status_date: date


def phasing(lines: pd.DataFrame, frame: pd.DataFrame, status_date: date, method: str) -> Phasing:
    """Phase the selection per month from its lines, spreading what the lines do not cover.

    PV follows the planned lines; where a project's lines stop short, its remaining budget is spread evenly to
    its baseline end. The forecast lands on the selection's EAC: its ETC is phased like the forecast lines, and
    evenly to the forecast end for projects without any. AC adds the tracker's figure of projects without lines.
    """
    cut = pd.Timestamp(evm.cut_date(status_date))
    empty = pd.DataFrame(columns=["month", "planned", "actual", "ahead"])
    if frame.empty:
        return Phasing(empty, 1.0, 0.0, 0.0, 0.0, status_date)
    total = evm.roll_up(frame, None, method).iloc[0]
    per_month = lines.groupby("month", sort=True)[["planned", "actual", "forecast"]].sum(min_count=1)
    pv_extra, etc_extra = _budget_spread(frame), _etc_spread(frame, cut)
    axis = _month_axis(per_month.index, pv_extra.index, etc_extra.index, cut=cut)
    planned = per_month["planned"].reindex(axis).fillna(0) + pv_extra.reindex(axis).fillna(0)
    field = float(frame.loc[frame["ac_from_field"], "ac"].sum())
    actual = per_month["actual"].reindex(axis).fillna(0)
    actual[axis == cut - pd.DateOffset(months=1)] += field
    shape = per_month["forecast"].reindex(axis).fillna(0) + etc_extra.reindex(axis).fillna(0)
    scale = _scale(shape.sum(), total["eac"] - total["ac"])
    months = pd.DataFrame(
        {
            "month": axis,
            "planned": planned.to_numpy(),
            "actual": actual.to_numpy(),
            "ahead": (shape * scale).to_numpy(),
        }
    )
    return Phasing(months, scale, float(pv_extra.sum()), field, float(etc_extra.sum()), status_date)


def _scale(phased: float, etc: float) -> float:
    """Return the factor that makes a phased forecast sum to the ETC; 1 when the ETC is not available."""
    if pd.isna(etc) or phased <= 0:
        return 1.0
    return max(etc, 0.0) / phased


def s_curve(plan: Phasing, frame: pd.DataFrame, history: pd.DataFrame) -> SCurve:
    """Return the cumulative PV, AC, the forecast to the end, and EV as each snapshot up to the status date saw it."""
    status_date = plan.status_date
    if frame.empty:
        return SCurve(pd.DataFrame(columns=POINT_COLUMNS), status_date, math.nan, math.nan, False)
    months = plan.months.set_index("month")
    cut = pd.Timestamp(evm.cut_date(status_date))
    points = pd.concat(
        [
            _cumulative(months.index, months["planned"], months["actual"], months["ahead"], cut, status_date),
            _earned_points(frame, history, status_date),
        ],
        ignore_index=True,
    )
    forecast = points.loc[points["series"] == "forecast", "value"]
    landing = float(forecast.iloc[-1]) if len(forecast) else math.nan
    spread = plan.budget_spread > 0 or plan.etc_spread > 0
    return SCurve(points, status_date, float(frame["bac"].sum(min_count=1)), landing, spread)


def _month_axis(*indexes: pd.Index, cut: pd.Timestamp) -> pd.DatetimeIndex:
    """Return every month from the first to the last one any series touches, at least up to the status month."""
    found = [i for i in indexes if len(i)]
    last_past = cut - pd.DateOffset(months=1)
    if not found:
        return pd.DatetimeIndex([last_past])
    first = min(i.min() for i in found)
    last = max(max(i.max() for i in found), last_past)
    return pd.date_range(first, last, freq="MS")


def _spread(amount: pd.Series, first: pd.Series, last: pd.Series) -> pd.Series:
    """Spread each amount evenly over the months first..last (month starts), summed per month."""
    keep = amount.notna() & (amount > 0) & first.notna()
    amount, first, last = amount[keep].astype("float64"), first[keep], last[keep].fillna(first[keep])
    if amount.empty:
        return pd.Series(dtype="float64")
    last = last.where(last >= first, first)
    start = first.dt.year * 12 + first.dt.month - 1
    count = (last.dt.year * 12 + last.dt.month - 1) - start + 1
    base = int(start.min())
    span = int((start + count).max()) - base
    delta = np.zeros(span + 1)
    np.add.at(delta, (start - base).to_numpy(), (amount / count).to_numpy())
    np.add.at(delta, (start + count - base).to_numpy(), -(amount / count).to_numpy())
    months = pd.date_range(pd.Timestamp(base // 12, base % 12 + 1, 1), periods=span, freq="MS")
    return pd.Series(np.cumsum(delta)[:span], index=months)


def _month_start(values: pd.Series) -> pd.Series:
    return pd.to_datetime(values).dt.to_period("M").dt.to_timestamp()


def _budget_spread(frame: pd.DataFrame) -> pd.Series:
    """Spread the budget the planned lines do not cover: after the last planned month, up to the baseline end."""
    end = _month_start(frame["baseline_end"].fillna(frame["forecast_end"]))
    has_lines = frame["n_planned"].fillna(0) > 0
    first = (_month_start(frame["last_planned"]) + pd.DateOffset(months=1)).where(
        has_lines, _month_start(frame["start_date"])
    )
    left = (frame["bac"] - frame["planned_total"].fillna(0)).where(end.notna())
    return _spread(left, first, end)


def _etc_spread(frame: pd.DataFrame, cut: pd.Timestamp) -> pd.Series:
    """Spread the estimate to complete of projects without forecast lines from the status date to their end."""
    # an undefined EAC (no CPI yet) falls back to the tracker's ETC, then to the budget not yet earned
    etc = frame["etc"].fillna(frame["etc_tracker"]).fillna(frame["bac"] - frame["ev"]).clip(lower=0)
    etc = etc.where(frame["n_forecast_after"].fillna(0) == 0)
    end = _month_start(frame["forecast_end"].fillna(frame["baseline_end"]))
    return _spread(etc, pd.Series(cut, index=frame.index), end.fillna(cut))


def _cumulative(
    axis: pd.DatetimeIndex,
    planned: pd.Series,
    actual: pd.Series,
    ahead: pd.Series,
    cut: pd.Timestamp,
    status_date: date,
) -> pd.DataFrame:
    """Return long cumulative series: PV over every month, AC up to the status date, the forecast after it."""
    ends = (axis + pd.offsets.MonthEnd(0)).astype("datetime64[us]")
    past = axis < cut
    ac = actual.where(past, 0).cumsum()
    spent = float(ac[past].iloc[-1]) if past.any() else 0.0
    forecast = ahead.where(~past, 0).cumsum() + spent
    rows = [
        pd.DataFrame({"month_end": ends, "series": "pv", "value": planned.cumsum().to_numpy()}),
        pd.DataFrame({"month_end": ends[past], "series": "ac", "value": ac[past].to_numpy()}),
    ]
    if (~past).any():
        start = pd.DataFrame(
            {"month_end": [pd.Timestamp(status_date)], "series": ["forecast"], "value": [spent]}
        )
        rows += [
            start,
            pd.DataFrame(
                {"month_end": ends[~past], "series": "forecast", "value": forecast[~past].to_numpy()}
            ),
        ]
    out = pd.concat(rows, ignore_index=True)
    out["month_end"] = out["month_end"].astype("datetime64[us]")
    return out


def _earned_points(frame: pd.DataFrame, history: pd.DataFrame, status_date: date) -> pd.DataFrame:
    """Return EV at each earlier snapshot (its % complete x BAC), then the status date's EV."""
    # a project without a budget earns on the BAC its planned lines give it today
    bac = history["code"].map(frame.set_index("code")["bac"])
    values = history["percent_complete"] * history["budget"].fillna(bac)
    earlier = values.groupby(history["state"]).sum(min_count=1)
    points = pd.DataFrame({"month_end": earlier.index, "value": earlier.to_numpy()})
    now = pd.DataFrame({"month_end": [pd.Timestamp(status_date)], "value": [frame["ev"].sum(min_count=1)]})
    points = pd.concat(
        [points.astype({"month_end": "datetime64[us]"}), now.astype({"month_end": "datetime64[us]"})]
    )
    return points.dropna(subset=["value"]).assign(series="ev")[POINT_COLUMNS].reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Variances


def variances(frame: pd.DataFrame, status_date: date) -> pd.DataFrame:
    """Return every project with its forecast overrun and budget exhaustion month, worst cost variance first."""
    out = frame.copy()
    out["overrun"] = out["eac"] - out["bac"]
    out["overrun_pct"] = evm.ratio(out["overrun"], out["bac"])
    out["burn_rate"] = evm.ratio(out["recent_actual"], out["recent_months"])
    done = out["percent_complete"].fillna(0) >= 1
    out["exhaustion_month"] = exhaustion_month(out["bac"], out["ac"], out["burn_rate"], status_date).where(
        ~done
    )
    out["exhausted"] = (out["ac"] >= out["bac"]) & ~done
    end = pd.to_datetime(out["forecast_end"]).fillna(pd.to_datetime(out["baseline_end"]))
    out["runs_out_before_end"] = out["exhausted"] | (
        out["exhaustion_month"].notna() & (out["exhaustion_month"] <= end)
    )
    return out.sort_values(["cv", "code"], na_position="last", ignore_index=True)


def exhaustion_month(bac: pd.Series, ac: pd.Series, burn: pd.Series, status_date: date) -> pd.Series:
    """Return the month in which cumulative spend reaches BAC at the burn rate; NaT if spent, idle or unknown."""
    left = (bac - ac).astype("float64")
    months = np.ceil(evm.ratio(left, burn.where(burn > 0)).where(left > 0)).to_numpy()
    cut = evm.cut_date(status_date)
    first = (cut.year - 1970) * 12 + cut.month - 1  # months since 1970, numpy's month epoch
    known = np.isfinite(months) & (months < 12 * 1000)  # a burn rate near zero would run past any calendar
    index = np.where(known, first + np.nan_to_num(months) - 1, 0).astype("int64")
    values = index.astype("datetime64[M]").astype("datetime64[us]")
    return pd.Series(np.where(known, values, np.datetime64("NaT")), index=bac.index, dtype="datetime64[us]")


def worst(frame: pd.DataFrame, by: str, n: int = 15) -> pd.DataFrame:
    """Return the n projects that fare worst by cost variance or by forecast overrun, for a bar chart."""
    if by not in RANKINGS:
        raise ValueError(f"by: one of {', '.join(RANKINGS)} is expected")
    if by == "cv":
        return frame.loc[frame["cv"] < 0].nsmallest(n, "cv").reset_index(drop=True)
    return frame.loc[frame["overrun"] > 0].nlargest(n, "overrun").reset_index(drop=True)


# --------------------------------------------------------------------------------------------------
# Allocation


def allocation(frame: pd.DataFrame, level: str, method: str) -> pd.DataFrame:
    """Return budget (BAC), actual (AC) and forecast (EAC) by portfolio or programme, largest budget first."""
    if level not in LEVELS:
        raise ValueError(f"level: one of {', '.join(LEVELS)} is expected")
    rolled = evm.roll_up(frame, level, method)
    out = rolled.rename(columns={level: "key", "bac": "budget", "ac": "actual", "eac": "forecast"})
    return out[["key", "budget", "actual", "forecast"]].sort_values(
        "budget", ascending=False, ignore_index=True
    )


def allocation_by_year(plan: Phasing) -> pd.DataFrame:
    """Return budget, actual and forecast (actual, then what is ahead) per calendar year of the phasing."""
    months = plan.months
    if months.empty:
        return pd.DataFrame(columns=["key", "budget", "actual", "forecast"])
    years = months["month"].dt.year.astype(str).rename("key")
    out = (
        months.groupby(years)[["planned", "actual", "ahead"]]
        .sum()
        .reset_index()
        .rename(columns={"planned": "budget"})
    )
    out["forecast"] = out["actual"] + out.pop("ahead")
    return out


def allocation_by_cost_type(lines: pd.DataFrame, plan: Phasing) -> pd.DataFrame:
    """Return budget, actual and forecast per cost type from the lines; what no line types goes under ''."""
    typed = lines.groupby("cost_type")[["planned", "actual", "forecast"]].sum()
    untyped = pd.DataFrame(
        {
            "planned": [plan.budget_spread],
            "actual": [plan.actual_field],
            "forecast": [plan.etc_spread],
        },
        index=[""],
    )
    both = typed.add(untyped, fill_value=0)
    both = both.loc[both.abs().sum(axis=1) > 0]
    out = pd.DataFrame(
        {
            "key": both.index,
            "budget": both["planned"].to_numpy(),
            "actual": both["actual"].to_numpy(),
            "forecast": (both["actual"] + both["forecast"] * plan.scale).to_numpy(),
        }
    )
    return out.sort_values("budget", ascending=False, ignore_index=True)


PHASING_MEASURES = ("planned", "forecast")


@dataclass(frozen=True)
class YearlyPhasing:
    rows: pd.DataFrame  # code, name, portfolio, year, planned, forecast: the largest multi-year projects
    n_projects: int  # every multi-year project of the selection


def yearly_phasing(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    status_date: date,
    measure: str = "planned",
    limit: int = 300,
) -> YearlyPhasing:
    """Return the `limit` largest multi-year projects by `measure`, with their planned and forecast amount per year.

    The forecast of a year is its actual cost up to the status date, then its forecast lines.
    """
    if measure not in PHASING_MEASURES:
        raise ValueError(f"measure: one of {', '.join(PHASING_MEASURES)} is expected")
    rows = con.execute(
        f"""WITH {evm.live_costs(filters, "code, name, portfolio, forecast_end, baseline_end")},
            y AS (SELECT r.project_code, year(r.month) AS year, sum(r.planned) AS planned,
                         coalesce(sum(CASE WHEN r.month < $cut THEN r.actual END), 0)
                         + coalesce(sum(CASE WHEN r.month >= $cut THEN r.forecast END), 0) AS forecast
                  FROM lines AS r
                  GROUP BY ALL),
            m AS (SELECT project_code, sum({measure}) AS total FROM y GROUP BY ALL HAVING count(*) > 1),
            top AS (SELECT project_code FROM m ORDER BY total DESC NULLS LAST, project_code LIMIT $limit)
            SELECT p.code, p.name, p.portfolio, y.year, y.planned, y.forecast, (SELECT count(*) FROM m) AS n_projects
            FROM y SEMI JOIN top ON top.project_code = y.project_code
            JOIN p ON p.code = y.project_code
            ORDER BY p.code, y.year""",  # noqa: S608 - fixed text and a checked measure name; values are parameters
        {**filters.params(), "cut": evm.cut_date(status_date), "limit": limit},
    ).df()
    total = int(rows["n_projects"].iloc[0]) if len(rows) else 0
    return YearlyPhasing(rows.drop(columns="n_projects"), total)


def phasing_table(phasing: pd.DataFrame, measure: str) -> pd.DataFrame:
    """Pivot the yearly phasing to one row per project and one column per year, with the total, largest first."""
    if phasing.empty:
        return pd.DataFrame(columns=["code", "name", "portfolio", "total"])
    wide = phasing.pivot_table(
        index=["code", "name", "portfolio"], columns="year", values=measure, aggfunc="sum", dropna=False
    ).reset_index()
    wide.columns = [str(c) for c in wide.columns]
    years = [c for c in wide.columns if c.isdigit()]
    wide[years] = wide[years].fillna(0.0)  # a year without any line spends nothing
    wide["total"] = wide[years].sum(axis=1, min_count=1)
    return wide.sort_values("total", ascending=False, ignore_index=True)


# --------------------------------------------------------------------------------------------------
# Alerts


def find_alerts(frame: pd.DataFrame, status_date: date, values: dict) -> pd.DataFrame:
    """Return the budget alerts a PMO acts on, one row per project and alert, the most serious first.

    `values` are the settings: cpi_spi_red, overrun_alert_pct and reporting_period_days.
    """
    red, overrun = values["cpi_spi_red"], values["overrun_alert_pct"] / 100
    overrun_pct = evm.ratio(frame["eac"] - frame["bac"], frame["bac"])
    found = [
        _alert(frame, "cpi_red", frame["cpi"] < red, frame["cpi"], red),
        _alert(frame, "spi_red", frame["spi"] < red, frame["spi"], red),
        _alert(frame, "overrun", overrun_pct > overrun, overrun_pct, overrun),
        _alert(
            frame, "no_budget", (frame["budget"].fillna(0) == 0) & (frame["ac"] > 0), frame["ac"], math.nan
        ),
        _alert(frame, "spend_after_end", frame["actual_after_end"] > 0, frame["actual_after_end"], math.nan),
        _stale(frame, status_date, values["reporting_period_days"]),
    ]
    out = (
        pd.concat([f for f in found if not f.empty], ignore_index=True)
        if any(not f.empty for f in found)
        else pd.DataFrame(columns=ALERT_COLUMNS)
    )
    out["severity"] = np.where(out["kind"].isin(RED_ALERTS), "red", "amber")
    order = out["kind"].map({k: i for i, k in enumerate(ALERT_ORDER)})
    return out.assign(_order=order).sort_values(["_order", "code"], ignore_index=True).drop(columns="_order")


def _alert(
    frame: pd.DataFrame, kind: str, mask: pd.Series, value: pd.Series, threshold: float
) -> pd.DataFrame:
    chosen = frame.loc[mask.fillna(False).astype(bool)]
    return pd.DataFrame(
        {
            "kind": kind,
            "code": chosen["code"],
            "name": chosen["name"],
            "portfolio": chosen["portfolio"],
            "manager": chosen["manager"],
            "value": value[chosen.index].astype("float64"),
            "threshold": threshold,
            "since": pd.Series(pd.NaT, index=chosen.index, dtype="datetime64[us]"),
        },
        columns=ALERT_COLUMNS,
    )


def _stale(frame: pd.DataFrame, status_date: date, period_days: int) -> pd.DataFrame:
    """Alert on started, unfinished projects whose last actual cost is older than the reporting period.

    The last cost update is the end of the latest month with an actual line; a project without any takes the
    tracker's last update date when its actual cost comes from the tracker's field, else it was never updated.
    """
    at = pd.Timestamp(status_date)
    last_line = (pd.to_datetime(frame["last_actual"]) + pd.offsets.MonthEnd(0)).where(
        frame["last_actual"].notna()
    )
    field = pd.to_datetime(frame["last_update"]).where(frame["ac_from_field"])
    since = last_line.fillna(field).astype("datetime64[us]")
    started = pd.to_datetime(frame["start_date"]).fillna(at) <= at
    unfinished = frame["percent_complete"].fillna(0) < 1
    days = (at - since).dt.days.astype("float64")
    mask = (since.isna() | (days > period_days)) & started & unfinished
    out = _alert(frame, "stale_costs", mask, days, float(period_days))
    out["since"] = since[out.index]
    return out


def alert_sentences(frame: pd.DataFrame, lang: str, currency: str) -> pd.Series:
    """Write each alert as the sentence a PMO reads: the figure and the threshold it crossed."""
    if frame.empty:
        return pd.Series([], dtype="object")
    return frame.apply(lambda row: _sentence(row, lang, currency), axis=1)


def _sentence(row: pd.Series, lang: str, currency: str) -> str:
    kind, value, threshold = row["kind"], row["value"], row["threshold"]
    if kind in ("cpi_red", "spi_red"):
        shown = (
            formatting.ratio(value, lang, (threshold,)),
            formatting.ratio(threshold, lang),
        )  # "0.896, under 0.90"
    elif kind == "overrun":
        shown = formatting.percent(value, lang), formatting.percent(threshold, lang)
    elif kind == "stale_costs":
        if pd.isna(value):
            return t("budget.alert.stale_never", lang, threshold=formatting.number(threshold, lang))
        shown = formatting.day(row["since"], lang), formatting.number(threshold, lang)
    else:
        shown = formatting.money(value, lang, currency), ""
    return t(f"budget.alert.{kind}", lang, value=shown[0], threshold=shown[1])


# --------------------------------------------------------------------------------------------------
# Export


VARIANCE_EXPORT = [
    "code",
    "name",
    "portfolio",
    "programme",
    "manager",
    "bac",
    "pv",
    "ev",
    "ac",
    "cv",
    "sv",
    "cpi",
    "spi",
    "eac",
    "etc",
    "vac",
    "tcpi",
    "overrun",
    "overrun_pct",
    "burn_rate",
    "exhaustion_month",
]
MONEY_EXPORT = ["bac", "pv", "ev", "ac", "cv", "sv", "eac", "etc", "vac", "overrun", "burn_rate"]


def export_workbook(variance: pd.DataFrame, alert: pd.DataFrame, lang: str, currency: str) -> bytes:
    """Write the variance table and the alerts to one Excel file, headers in the user's language."""
    table = variance[VARIANCE_EXPORT].rename(columns=lambda c: t(f"budget.col.{c}", lang))
    listed = alert.assign(
        kind=[t(f"budget.alert_kind.{k}", lang) for k in alert["kind"]],
        detail=alert_sentences(alert, lang, currency).to_numpy(),
    )[["kind", "code", "name", "portfolio", "manager", "detail"]]
    listed = listed.rename(columns=lambda c: t(f"budget.col.{c}", lang))
    formats = {t(f"budget.col.{c}", lang): "#,##0" for c in MONEY_EXPORT}
    formats.update({t(f"budget.col.{c}", lang): "0.00" for c in ("cpi", "spi", "tcpi")})
    formats[t("budget.col.overrun_pct", lang)] = "0%"
    formats[t("budget.col.exhaustion_month", lang)] = "mmm yyyy"
    sheets = {t("budget.sheet.variances", lang): table, t("budget.sheet.alerts", lang): listed}
    return exports.to_excel_bytes(sheets, number_formats=formats, lang=lang)
