"""Capacity against demand: each team's load month by month, who asks for it, and where it runs out.

Capacity and demand are stored in FTE or person-days; every figure here is in FTE, person-days divided by
the working_days_per_month setting. Load = demand / capacity (1.0 = 100 %): a team-month with demand and no
capacity at all has no load but is flagged. The load always counts every project's demand, since a team is
shared across portfolios; the filters choose which teams are shown (those their projects ask for) and which
projects are listed.

    grid = team_months(con, Filters())
    runs = overloads(grid, since=date(2026, 11, 1))
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import duckdb
import numpy as np
import pandas as pd

from pmo_core import formatting, settings, snapshots
from pmo_core.filters import Filters
from pmo_core.i18n import t

GRID_COLUMNS = ["team", "month", "capacity", "demand", "load", "no_capacity"]
ALERT_ORDER = ("overload", "no_capacity", "after_end")
ALERT_COLUMNS = [
    "kind",
    "team",
    "code",
    "name",
    "first_month",
    "last_month",
    "months",
    "value",
    "peak",
    "end",
]
MONTH_WINDOW = 12  # months a page shows by default, from the first month not yet reported


def working_days(con: duckdb.DuckDBPyConnection) -> float:
    return float(settings.get(con, "working_days_per_month"))


# --------------------------------------------------------------------------------------------------
# Months


def month_start(day: date) -> date:
    return date(day.year, day.month, 1)


def add_months(day: date, months: int) -> date:
    """Return the first day of the month `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(first: date, last: date) -> int:
    return (last.year - first.year) * 12 + last.month - first.month


def first_open_month(reference: date | None) -> date | None:
    """Return the first month a snapshot has not reported in full: the month of the day after it."""
    return None if reference is None else month_start(reference + timedelta(days=1))


# --------------------------------------------------------------------------------------------------
# Queries


def team_months(
    con: duckdb.DuckDBPyConnection, f: Filters, first: date | None = None, last: date | None = None
) -> pd.DataFrame:
    """Return capacity, demand and load per team and month in FTE, for the teams the filtered projects ask
    for (every team when no filter is set), months from `first` to `last` when given."""
    params = {**f.params(), "days": working_days(con), "first": first, "last": last}
    frame = con.execute(
        f"""WITH demand AS (
                SELECT * FROM project_demand_at($d::DATE, $days)
                WHERE ($first IS NULL OR month >= $first) AND ($last IS NULL OR month <= $last)
            ),
            wanted AS (
                SELECT DISTINCT team FROM demand AS r WHERE {f.project_clause("r")}
                UNION SELECT DISTINCT team FROM team_capacity_at($d::DATE, $days) WHERE {_no_filter(f)}
            ),
            asked AS (SELECT team, month, sum(fte) AS fte FROM demand GROUP BY ALL),
            stated AS (
                SELECT team, month, fte FROM team_capacity_at($d::DATE, $days)
                WHERE ($first IS NULL OR month >= $first) AND ($last IS NULL OR month <= $last)
            )
            SELECT coalesce(s.team, a.team) AS team, coalesce(s.month, a.month) AS month,
                   s.fte AS capacity, coalesce(a.fte, 0.0) AS demand
            FROM stated AS s FULL JOIN asked AS a ON s.team = a.team AND s.month = a.month
            WHERE coalesce(s.team, a.team) IN (SELECT team FROM wanted)
            ORDER BY team, month""",  # noqa: S608 - the filter clause binds its values as parameters
        params,
    ).df()
    return with_load(frame)


def _no_filter(f: Filters) -> str:
    """Every team with capacity is shown when no filter is set; with one, only those its projects ask for."""
    return "TRUE" if f.is_empty() else "FALSE"


def with_load(frame: pd.DataFrame) -> pd.DataFrame:
    """Add the load (demand / capacity) and flag demand that meets no capacity; months as timestamps."""
    frame = frame.copy()
    frame["month"] = pd.to_datetime(frame["month"])
    capacity = frame["capacity"].astype("float64")
    demand = frame["demand"].astype("float64").fillna(0.0)
    frame["demand"] = demand
    # rounded past float noise: demand added up in another order must not tip 100 % over
    frame["load"] = (demand / capacity).where(capacity > 0).round(9)
    frame["no_capacity"] = (demand > 0) & ~(capacity > 0)
    return frame[GRID_COLUMNS].reset_index(drop=True)


def team_capacity(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return every team's capacity per month in FTE, in the state the filters name."""
    return con.execute(
        "SELECT team, month, fte FROM team_capacity_at($d::DATE, $days) ORDER BY team, month",
        {"d": f.state_date, "days": working_days(con)},
    ).df()


def cell_projects(con: duckdb.DuckDBPyConnection, f: Filters, team: str, month: date) -> pd.DataFrame:
    """Return the projects that ask for a team in a month, largest demand first, with their share of it.

    Every project is listed, whatever the filters (a team's load counts them all); `in_filters` says which
    ones the filters select."""
    rows = con.execute(
        f"""SELECT project_code AS code, project_name AS name, portfolio, manager, fte, end_date,
                   {f.project_clause("r")} AS in_filters
            FROM project_demand_at($d::DATE, $days) AS r
            WHERE team = $team AND month = $month AND fte > 0
            ORDER BY fte DESC, code""",  # noqa: S608 - the filter clause binds its values as parameters
        {**f.params(), "days": working_days(con), "team": team, "month": month_start(month)},
    ).df()
    total = rows["fte"].sum()
    rows["share"] = rows["fte"] / total if total > 0 else np.nan
    return rows


def portfolio_demand(
    con: duckdb.DuckDBPyConnection, f: Filters, teams: list[str], first: date, last: date
) -> pd.DataFrame:
    """Return the demand on `teams` per portfolio and month in FTE (every project counts): what the stacked
    capacity-against-demand chart draws."""
    return con.execute(
        """SELECT coalesce(portfolio, '') AS portfolio, month, sum(fte) AS fte
           FROM project_demand_at($d::DATE, $days)
           WHERE team IN (SELECT unnest($teams)) AND month BETWEEN $first AND $last
           GROUP BY ALL ORDER BY month, portfolio""",
        {"d": f.state_date, "days": working_days(con), "teams": teams, "first": first, "last": last},
    ).df()


def reference_date(con: duckdb.DuckDBPyConnection, f: Filters) -> date | None:
    """Return the reporting date of the state in view: the chosen snapshot, else the latest one."""
    if f.as_of:
        return f.as_of
    dates = snapshots.list_snapshots(con)
    return dates[0].as_of if dates else None


def month_range(con: duckdb.DuckDBPyConnection, f: Filters) -> tuple[date, date] | None:
    """Return the first and last months any capacity or demand line of the state covers."""
    row = con.execute(
        """SELECT min(month), max(month) FROM (
               SELECT month FROM team_capacity_at($d::DATE, 1) UNION ALL
               SELECT month FROM project_demand_at($d::DATE, 1))""",
        {"d": f.state_date},
    ).fetchone()
    return None if row[0] is None else (row[0], row[1])


def selection_limits(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    codes: list[str],
    *,
    since: date,
    by: str = "month",
    teams: list[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return what the candidate projects (`codes`) ask of each team per period from `since` on (code, team,
    period, fte), and what each team has left per period once every other project's demand is met (team,
    period, fte): the capacity rows of a selection. `by` is "month" (FTE) or "quarter" (person-months, the
    quarters of the calendar year); `teams` keeps those teams only. Periods with no stated capacity are not
    constrained."""
    period = "strftime(month, '%Y-%m')" if by == "month" else "concat(year(month), '-Q', quarter(month))"
    params = {
        "d": f.state_date,
        "days": working_days(con),
        "since": since,
        "teams": list(teams or []),
    }
    demand = con.execute(
        f"""SELECT project_code AS code, team, {period} AS period, sum(fte) AS fte
            FROM project_demand_at($d::DATE, $days)
            WHERE month >= $since AND (len($teams) = 0 OR list_contains($teams, team))
            GROUP BY ALL""",  # noqa: S608 - `period` is one of two fixed expressions
        params,
    ).df()
    stated = con.execute(
        f"""SELECT team, {period} AS period, sum(fte) AS fte FROM team_capacity_at($d::DATE, $days)
            WHERE month >= $since AND (len($teams) = 0 OR list_contains($teams, team)) GROUP BY ALL""",  # noqa: S608
        params,
    ).df()
    mine = demand["code"].isin(set(codes))
    others = demand.loc[~mine].groupby(["team", "period"])["fte"].sum()
    left = stated.set_index(["team", "period"])["fte"].sub(others, fill_value=0.0)
    left = left.loc[left.index.isin(stated.set_index(["team", "period"]).index)]
    return demand.loc[mine].reset_index(drop=True), left.rename("fte").reset_index()


# --------------------------------------------------------------------------------------------------
# Pictures from the grid (pure functions)


def team_totals(grid: pd.DataFrame) -> pd.DataFrame:
    """Return, per team over the grid's months: capacity and demand in person-months, the load, the months
    over capacity (or with demand and no capacity), the person-months short, and the peak month; the team
    most short first, then the most loaded."""
    if grid.empty:
        return pd.DataFrame(
            columns=["team", "capacity", "demand", "load", "months_over", "short", "peak", "peak_month"]
        )
    over = (grid["load"] > 1) | grid["no_capacity"]
    short = (grid["demand"] - grid["capacity"].fillna(0)).clip(lower=0).where(over, 0.0)
    peaks = grid.assign(_load=grid["load"].fillna(np.inf).where(grid["no_capacity"], grid["load"]))
    peak_rows = peaks.sort_values(["_load", "month"], ascending=[False, True]).drop_duplicates("team")
    totals = (
        grid.assign(_over=over, _short=short)
        .groupby("team", as_index=False)
        .agg(
            capacity=("capacity", "sum"),
            stated=("capacity", "count"),
            demand=("demand", "sum"),
            months_over=("_over", "sum"),
            short=("_short", "sum"),
        )
    )
    totals["capacity"] = totals["capacity"].where(totals.pop("stated") > 0)  # no capacity at all: none, not 0
    totals["load"] = (totals["demand"] / totals["capacity"]).where(totals["capacity"] > 0)
    peak = peak_rows.set_index("team")
    totals["peak"] = totals["team"].map(peak["load"])
    totals["peak_month"] = totals["team"].map(peak["month"])
    totals["months_over"] = totals["months_over"].astype(int)
    order = totals["load"].fillna(np.inf)
    return (
        totals.assign(_o=order)
        .sort_values(["short", "_o", "team"], ascending=[False, False, True])
        .drop(columns="_o")[
            ["team", "capacity", "demand", "load", "months_over", "short", "peak", "peak_month"]
        ]
        .reset_index(drop=True)
    )


def month_totals(grid: pd.DataFrame) -> pd.DataFrame:
    """Return capacity, demand and load per month over the grid's teams (the portfolio's total)."""
    totals = grid.groupby("month", as_index=False).agg(capacity=("capacity", "sum"), demand=("demand", "sum"))
    totals["load"] = (totals["demand"] / totals["capacity"]).where(totals["capacity"] > 0)
    return totals


@dataclass(frozen=True)
class Overload:
    """Consecutive months in which a team's demand is above its capacity."""

    team: str
    first: date
    last: date
    months: int
    mean_load: float  # demand / capacity over the run's months taken together
    peak: float
    peak_month: date
    short: float  # FTE missing on average per month of the run


def overloads(grid: pd.DataFrame, since: date | None = None, at_least: int = 1) -> list[Overload]:
    """Return every run of `at_least` consecutive months or more over 100 % (from `since` on), the largest
    shortfall first: the gaps a steering committee should hear about."""
    rows = grid.loc[grid["load"] > 1]
    if since is not None:
        rows = rows.loc[rows["month"] >= pd.Timestamp(since)]
    if rows.empty:
        return []
    rows = rows.sort_values(["team", "month"], ignore_index=True)
    index = rows["month"].dt.year * 12 + rows["month"].dt.month
    run = (
        (rows["team"] != rows["team"].shift()) | (index.diff() != 1)
    ).cumsum()  # a new run where one breaks
    runs = rows.groupby(run).agg(
        team=("team", "first"),
        first=("month", "first"),
        last=("month", "last"),
        months=("month", "size"),
        demand=("demand", "sum"),
        capacity=("capacity", "sum"),
        peak=("load", "max"),
    )
    runs["peak_month"] = rows.loc[rows.groupby(run)["load"].idxmax(), "month"].to_numpy()
    runs = runs.loc[runs["months"] >= at_least]
    found = [
        Overload(
            team=r.team,
            first=r.first.date(),
            last=r.last.date(),
            months=int(r.months),
            mean_load=float(r.demand / r.capacity),
            peak=float(r.peak),
            peak_month=r.peak_month.date(),
            short=float((r.demand - r.capacity) / r.months),
        )
        for r in runs.itertuples()
    ]
    return sorted(found, key=lambda o: (-o.short * o.months, o.first, o.team))


def findings(grid: pd.DataFrame, lang: str, since: date | None = None, most: int = 3) -> list[str]:
    """Word the largest gaps as a committee hears them: "Data is 143 % loaded from March to June 2027"."""
    return [overload_sentence(o, lang) for o in overloads(grid, since)[:most]]


def overload_sentence(o: Overload, lang: str) -> str:
    key = "capacity.finding.one" if o.months == 1 else "capacity.finding"
    return t(
        key,
        lang,
        team=o.team,
        load=formatting.percent(o.mean_load, lang),
        period=period_words(o.first, o.last, lang),
        short=formatting.number(o.short, lang, 1),
        peak=formatting.percent(o.peak, lang),
        peak_month=month_words(o.peak_month, lang),
    )


def month_words(day: date, lang: str) -> str:
    """Write a month in full: "March 2027" / "mars 2027"."""
    name = formatting.MONTH_NAMES_FR[day.month - 1] if lang == "fr" else f"{day:%B}"
    return f"{name}{formatting.NBSP}{day.year}"


def period_words(first: date, last: date, lang: str) -> str:
    """Write a run of months: "in March 2027", "from March to June 2027", "from November 2026 to February
    2027" (and the French forms)."""
    if first == last:
        return t("capacity.period.one", lang, month=month_words(first, lang))
    elided = ".vowel" if lang == "fr" and first.month in (4, 8, 10) else ""  # « d'avril », « d'août »
    if first.year == last.year:
        name = formatting.MONTH_NAMES_FR[first.month - 1] if lang == "fr" else f"{first:%B}"
        return t(f"capacity.period.same_year{elided}", lang, first=name, last=month_words(last, lang))
    return t(f"capacity.period{elided}", lang, first=month_words(first, lang), last=month_words(last, lang))


# --------------------------------------------------------------------------------------------------
# Alerts, for the Overview and the committee material


def capacity_alerts(
    con: duckdb.DuckDBPyConnection, f: Filters, since: date | None = None, months: int | None = None
) -> pd.DataFrame:
    """Return the capacity alerts of the state, as plain rows (ALERT_COLUMNS), worst kind first:

    - overload: a team over 100 % for `months` consecutive months or more (the overload_alert_months
      setting), from `since` on (default: the first month the snapshot has not reported);
    - no_capacity: a project asking for a team that has no capacity at all, from `since` on;
    - after_end: a project asking for people after its end date (forecast end, else baseline end).
    """
    months = months or int(settings.get(con, "overload_alert_months"))
    since = since or first_open_month(reference_date(con, f))
    grid = team_months(con, f, first=since)
    rows = [
        {
            "kind": "overload",
            "team": o.team,
            "code": None,
            "name": None,
            "first_month": o.first,
            "last_month": o.last,
            "months": o.months,
            "value": o.mean_load,
            "peak": o.peak,
            "end": None,
        }
        for o in overloads(grid, since, at_least=months)
    ]
    rows += _project_alerts(con, f, since)
    frame = pd.DataFrame(rows, columns=ALERT_COLUMNS)
    order = frame["kind"].map({k: i for i, k in enumerate(ALERT_ORDER)})
    return (
        frame.assign(_o=order)
        .sort_values(["_o", "team", "code"], kind="stable", na_position="first")
        .drop(columns="_o")
        .reset_index(drop=True)
    )


def _project_alerts(con: duckdb.DuckDBPyConnection, f: Filters, since: date | None) -> list[dict]:
    """One alert per filtered project and team whose demand names a team with no capacity line at all (from
    `since` on), or falls in a month begun after the project's end: its months and the person-months asked,
    aggregated in DuckDB over one reading of the lines (a store may hold hundreds of thousands)."""
    frame = con.execute(
        f"""WITH lines AS MATERIALIZED (
                SELECT r.*, team NOT IN (SELECT team FROM team_capacity_at($d::DATE, $days)) AS unstaffed
                FROM project_demand_at($d::DATE, $days) AS r WHERE fte > 0 AND {f.project_clause("r")}
            ),
            flagged AS (
                SELECT 'no_capacity' AS kind, * FROM lines WHERE unstaffed AND ($since IS NULL OR month >= $since)
                UNION ALL
                SELECT 'after_end' AS kind, * FROM lines WHERE end_date IS NOT NULL AND month > end_date
            )
            SELECT kind, team, project_code AS code, any_value(project_name) AS name,
                   min(month) AS first_month, max(month) AS last_month, count(DISTINCT month) AS months,
                   sum(fte) AS value, max(fte) AS peak, any_value(end_date) AS "end"
            FROM flagged GROUP BY kind, project_code, team ORDER BY kind DESC, code, team""",  # noqa: S608
        {**f.params(), "days": working_days(con), "since": since},
    ).df()
    return [
        {
            **row,
            "first_month": pd.Timestamp(row["first_month"]).date(),
            "last_month": pd.Timestamp(row["last_month"]).date(),
            "months": int(row["months"]),
            "end": None if pd.isna(row["end"]) else pd.Timestamp(row["end"]).date(),
        }
        for row in frame[ALERT_COLUMNS].to_dict("records")
    ]


def alert_sentences(alerts: pd.DataFrame, lang: str) -> list[str]:
    """Write each capacity alert as the sentence a PMO reads."""
    return [alert_sentence(row, lang) for row in alerts.to_dict("records")]


def alert_sentence(row: dict, lang: str) -> str:
    period = period_words(row["first_month"], row["last_month"], lang)
    if row["kind"] == "overload":
        return t(
            "capacity.alert.overload",
            lang,
            team=row["team"],
            n=row["months"],
            period=period,
            load=formatting.percent(row["value"], lang),
            peak=formatting.percent(row["peak"], lang),
        )
    return t(
        f"capacity.alert.{row['kind']}",
        lang,
        code=row["code"],
        name=row["name"],
        team=row["team"],
        amount=formatting.number(row["value"], lang, 1),
        period=period,
        end=formatting.day(row["end"], lang),
    )
