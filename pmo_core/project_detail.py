"""One project on a snapshot: identity, status history, milestones, risks, monthly costs, earned value, and what
it asks of each team.

Every function reads the state the sidebar chose (`filters.as_of`, else the current state) and applies the
portfolio's conventions: the Grey rule, the risk bands, the earned-value status date.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import duckdb
import pandas as pd

from pmo_core import capacity, evm
from pmo_core.filters import Filters
from pmo_core.portfolio import (
    DIMENSIONS,
    LATE_MILESTONE,
    NO_SNAPSHOT,
    STATUS_COLUMNS,
    reported_status_sql,
    reporting,
    status_params,
    status_selects,
    trends,
)


def project_choices(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the code and name of every project of the filtered state, by code, for a picker."""
    return con.execute(
        f"SELECT code, name FROM projects_at($d::DATE) AS p WHERE {f.project_clause('p')} ORDER BY code",  # noqa: S608
        f.params(),
    ).df()


@dataclass(frozen=True)
class Identity:
    """Who and what a project is, and where it stands on the snapshot."""

    code: str
    name: str
    portfolio: str | None
    programme: str | None
    manager: str | None
    sponsor: str | None
    phase: str | None
    lifecycle: str | None  # where it stands in its life (in progress, on hold...), apart from its status
    start_date: date | None
    baseline_end: date | None
    forecast_end: date | None
    percent_complete: float | None
    last_update: date | None
    stale: bool
    comment: str | None
    statuses: dict[str, str]  # status and status_<dimension> -> reported status (Grey rule applied)
    trends: dict[
        str, str
    ]  # the same keys -> better, same, worse, new or unknown against the snapshot compared with
    reference: date | None

    @property
    def end_slip_days(self) -> int | None:
        """Return how many days the forecast end lies after the baseline end."""
        if self.baseline_end is None or self.forecast_end is None:
            return None
        return (self.forecast_end - self.baseline_end).days


def identity(
    con: duckdb.DuckDBPyConnection, code: str, f: Filters, since: date | None = None
) -> Identity | None:
    """Return the project's identity and reported statuses on the snapshot, or None when it is not there.

    Trends compare with `since` (`committee.Scope.since`, as the Overview's table does), else the previous
    snapshot.
    """
    context = reporting(con, f)
    if since is not None:
        context = replace(context, previous=since)
    row = con.execute(
        f"""SELECT p.code, p.name, p.portfolio, p.programme, p.manager, p.sponsor, p.phase, p.lifecycle,
                   p.start_date,
                   p.baseline_end, p.forecast_end, p.percent_complete, p.last_update,
                   {reported_status_sql("'green'", "p.last_update")} = 'grey' AS stale, p.comment,
                   {status_selects()}, b.code IS NOT NULL AS in_before
            FROM projects_at($d::DATE) AS p LEFT JOIN projects_at($before::DATE) AS b ON b.code = p.code
            WHERE p.code = $code""",  # noqa: S608 - fixed identifiers
        {
            "d": f.state_date,
            "code": code,
            **status_params(context),
            "before": context.previous or NO_SNAPSHOT,
            "before_reference": context.previous or date.max,
        },
    ).df()
    if row.empty:
        return None
    moves = {c: trends(row, c).iloc[0] for c in STATUS_COLUMNS}
    values = {k: (None if pd.isna(v) else v) for k, v in row.iloc[0].to_dict().items()}
    for key in ("start_date", "baseline_end", "forecast_end", "last_update"):
        values[key] = pd.Timestamp(values[key]).date() if values[key] is not None else None
    statuses_now = {c: values.pop(c) for c in STATUS_COLUMNS}
    for column in (*(f"{c}_before" for c in STATUS_COLUMNS), "in_before"):
        values.pop(column)
    return Identity(**values, statuses=statuses_now, trends=moves, reference=context.reference)


def status_history(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return the project's reported status, overall and per dimension, on every snapshot up to the one viewed.

    Long format: as_of, dimension ("overall", "schedule", ...), status.
    """
    context = reporting(con, f)
    if context.reference is None:
        return pd.DataFrame(columns=["as_of", "dimension", "status"])
    statuses = ", ".join(
        f"{reported_status_sql(f'p.{c}', 'p.last_update', 's.as_of')} AS {'overall' if c == 'status' else c[7:]}"
        for c in STATUS_COLUMNS
    )
    wide = con.execute(
        f"""SELECT s.as_of, {statuses}
            FROM snapshots AS s, LATERAL (SELECT * FROM projects_at(s.as_of)) AS p
            WHERE s.as_of <= $reference::DATE AND p.code = $code
            ORDER BY s.as_of""",  # noqa: S608 - fixed identifiers
        {"code": code, **status_params(context)},
    ).df()
    long = wide.melt(
        id_vars="as_of", value_vars=["overall", *DIMENSIONS], var_name="dimension", value_name="status"
    )
    return long.sort_values(["as_of", "dimension"], key=_dimension_order).reset_index(drop=True)


def _dimension_order(column: pd.Series) -> pd.Series:
    if column.name == "dimension":
        return column.map({d: i for i, d in enumerate(["overall", *DIMENSIONS])})
    return column


def milestones(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return the project's milestones in date order with their slip against the baseline and their state.

    State: done, late (forecast after baseline, or its date passed without an actual date), on_track.
    """
    context = reporting(con, f)
    return con.execute(
        f"""SELECT name, baseline_date, forecast_date, actual_date,
                   date_diff('day', baseline_date, coalesce(actual_date, forecast_date)) AS slip_days,
                   CASE WHEN actual_date IS NOT NULL THEN 'done' WHEN {LATE_MILESTONE} THEN 'late'
                        ELSE 'on_track' END AS state
            FROM milestones_at($d::DATE) WHERE project_code = $code
            ORDER BY coalesce(actual_date, forecast_date, baseline_date) NULLS LAST, name""",  # noqa: S608
        {"d": f.state_date, "code": code, "reference": context.reference or date.max},
    ).df()


def risks(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return the project's risks with their criticality and band, open ones first, worst first."""
    return con.execute(
        """SELECT r.code, r.title, r.category, r.probability, r.impact, r.probability * r.impact AS score, k.band,
                  r.residual_probability, r.residual_impact, r.owner, r.response, r.mitigation, r.due_date, r.status
           FROM risks_at($d::DATE) AS r JOIN risk_bands AS k USING (probability, impact)
           WHERE r.project_code = $code
           ORDER BY r.status = 'closed', score DESC, r.code""",
        {"d": f.state_date, "code": code},
    ).df()


def risk_cells(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return the 25 cells of the 5x5 matrix with their band and the number of the project's open risks."""
    return con.execute(
        """SELECT k.probability, k.impact, k.band, count(r.title) AS n_risks
           FROM risk_bands AS k
           LEFT JOIN (SELECT * FROM risks_at($d::DATE) WHERE project_code = $code AND status <> 'closed') AS r
                  USING (probability, impact)
           GROUP BY ALL ORDER BY k.probability, k.impact""",
        {"d": f.state_date, "code": code},
    ).df()


def monthly_costs(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return the project's planned, actual and forecast cost per month (all cost types), with running totals."""
    frame = con.execute(
        """SELECT month, sum(planned) AS planned, sum(actual) AS actual, sum(forecast) AS forecast
           FROM cost_lines_at($d::DATE) WHERE project_code = $code GROUP BY month ORDER BY month""",
        {"d": f.state_date, "code": code},
    ).df()
    frame["planned_cumulative"] = frame["planned"].fillna(0).cumsum()
    frame["actual_cumulative"] = frame["actual"].cumsum().where(frame["actual"].notna())
    return frame


def demand(con: duckdb.DuckDBPyConnection, code: str, f: Filters) -> pd.DataFrame:
    """Return what the project asks of each team month by month: each line as written (demand, unit), in FTE,
    and the team's load that month (every project's demand over its capacity; empty with no capacity)."""
    return con.execute(
        """WITH mine AS (SELECT * FROM demand_lines_at($d::DATE) WHERE project_code = $code),
                asked AS (SELECT team, month, sum(fte) AS fte FROM project_demand_at($d::DATE, $days)
                          WHERE team IN (SELECT team FROM mine) GROUP BY ALL)
           SELECT r.team, r.month, r.demand, r.unit,
                  CASE WHEN r.unit = 'days' THEN r.demand / $days ELSE r.demand END AS fte,
                  a.fte / nullif(c.fte, 0) AS load
           FROM mine AS r
           JOIN asked AS a USING (team, month)
           LEFT JOIN team_capacity_at($d::DATE, $days) AS c USING (team, month)
           ORDER BY r.team, r.month, r.unit""",
        {"d": f.state_date, "code": code, "days": capacity.working_days(con)},
    ).df()


@dataclass(frozen=True)
class EarnedValue:
    """The project's earned-value figures on the status date; NaN where a ratio is undefined."""

    status_date: date
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


def earned_value(
    con: duckdb.DuckDBPyConnection, code: str, f: Filters, method: str | None = None
) -> EarnedValue | None:
    """Return the project's earned value from `pmo_core.evm`, on the end of the last complete month."""
    context = reporting(con, f)
    if context.status_date is None:
        return None
    row = con.execute(
        "SELECT portfolio, programme, manager FROM projects_at($d::DATE) WHERE code = $code",
        {"d": f.state_date, "code": code},
    ).fetchone()
    if row is None:
        return None
    # Narrow evm's query to the projects sharing this one's portfolio, programme and manager.
    narrow = Filters(*(tuple(v for v in (value,) if v is not None) for value in row), as_of=f.as_of)
    frame = evm.earned_value(con, narrow, context.status_date, method)
    mine = frame[frame["code"] == code]
    if mine.empty:
        return None
    values = mine.iloc[0]
    fields = ("bac", "pv", "ev", "ac", "cv", "sv", "cpi", "spi", "eac", "etc", "vac", "tcpi")
    return EarnedValue(context.status_date, **{k: float(values[k]) for k in fields})
