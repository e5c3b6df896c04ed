"""The portfolio on a snapshot: one row per project, the headline figures, the roll-up, the roadmap,
the value/risk bubbles and the status trend.

Conventions (the Overview page states them in words):
- The reference date of a state is its snapshot date; for the current state, the latest snapshot date.
- Grey = not reported: a NULL status, or a last update older than `reporting_period_days` before the
  reference date, whatever colour the tracker last gave. `reported_status_sql` is the one place this rule
  lives; the risk and budget pages import it too.
- Money figures (BAC, AC, forecast at completion) are the earned-value figures of `pmo_core.evm` on the
  end of the last complete month; groups are rolled up as `evm.roll_up` does (ratios from the sums).
- A milestone is late when it is not achieved and its forecast is after its baseline, or its date passed.
- Critical and high risks are open risks (status not closed) whose probability x impact falls in that
  band of the editable `risk_bands` table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
import pandas as pd

from pmo_core import evm, priorities, settings, snapshots
from pmo_core.filters import Filters
from pmo_core.palette import STATUS_RANK

DIMENSIONS = ("schedule", "cost", "scope", "resources")
STATUS_COLUMNS = ("status", *(f"status_{d}" for d in DIMENSIONS))
NO_SNAPSHOT = "0001-01-01"  # a date before every batch: its state is empty
SEVERITY = {"red": 0, "amber": 1, "grey": 2, "green": 3}  # the order a steering committee reads projects in
VALUE_CRITERIA = tuple(priorities.CRITERIA)  # the fields a scoring model may weigh
EV_COLUMNS = ["code", "bac", "pv", "ev", "ac", "etc_tracker", "cpi", "spi", "eac", "vac"]


# A milestone is late when not achieved and forecast after its baseline, or its date passed (binds $reference).
LATE_MILESTONE = (
    "(actual_date IS NULL AND (forecast_date > baseline_date"
    " OR coalesce(forecast_date, baseline_date) < $reference::DATE))"
)


def reported_status_sql(status: str, last_update: str, reference: str = "$reference::DATE") -> str:
    """Return the SQL of a status as reported on a date: Grey when missing or not updated for a period.

    `status`, `last_update` and `reference` are SQL expressions; the query binds `$period_days` (and
    `$reference` for the default reference), as `status_params` gives them.
    """
    return (
        f"CASE WHEN {status} IN ('green', 'amber', 'red') AND {last_update} IS NOT NULL"
        f" AND {last_update} >= {reference} - CAST($period_days AS INTEGER)"
        f" THEN {status} ELSE 'grey' END"
    )


@dataclass(frozen=True)
class Reporting:
    """The dates a state is read against."""

    reference: date | None  # the snapshot date (the latest one for the current state)
    previous: date | None  # the snapshot before it, for trends and deltas
    period_days: int
    status_date: date | None  # the earned-value status date: end of the last complete month


def reporting(con: duckdb.DuckDBPyConnection, f: Filters) -> Reporting:
    """Return the reference date of the filtered state, the snapshot before it and the EV status date."""
    dates = [s.as_of for s in snapshots.list_snapshots(con)]  # newest first
    reference = f.as_of or (dates[0] if dates else None)
    previous = next((d for d in dates if reference and d < reference), None)
    status_date = evm.default_status_date(reference) if reference else None
    return Reporting(reference, previous, int(settings.get(con, "reporting_period_days")), status_date)


def status_params(context: Reporting) -> dict:
    """Return the parameters `reported_status_sql` binds."""
    return {"reference": context.reference or date.max, "period_days": context.period_days}


def previous_filters(f: Filters, context: Reporting) -> Filters | None:
    """Return the same filters on the previous snapshot, or None when there is none."""
    if context.previous is None:
        return None
    return Filters(f.portfolios, f.programmes, f.managers, context.previous)


def status_selects() -> str:
    """Return the select list of every status now (alias p) and on the previous snapshot (alias b)."""
    parts = []
    for column in STATUS_COLUMNS:
        now = reported_status_sql(f"p.{column}", "p.last_update")
        before = reported_status_sql(f"b.{column}", "b.last_update", "$before_reference::DATE")
        parts.append(f"{now} AS {column}")
        parts.append(f"{before} AS {column}_before")
    return ",\n".join(parts)


def project_table(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return one row per project of the filtered state: statuses and trends, money, milestones, risks.

    Two queries: `project_status` and the earned value of `pmo_core.evm`; rows come worst first (red,
    amber, grey, green; then critical risks, then budget).
    """
    context = reporting(con, f)
    if context.reference is None:
        return _empty_table()
    rows = project_status(con, f, context)
    if rows.empty:
        return _empty_table()
    money = evm.earned_value(con, f, context.status_date)[EV_COLUMNS]
    return combine(rows, money)


def project_status(con: duckdb.DuckDBPyConnection, f: Filters, context: Reporting) -> pd.DataFrame:
    """Return the projects with their statuses and trends, next milestone, late milestones and open risks."""
    rows = _project_rows(con, f, context, context.previous)
    for column in STATUS_COLUMNS:
        rows[f"{column}_trend"] = trends(rows, column)
    return rows


def combine(rows: pd.DataFrame, money: pd.DataFrame) -> pd.DataFrame:
    """Join the earned-value figures to the project rows and put the worst projects first."""
    table = rows.merge(money, on="code", how="left")
    table["severity"] = table["status"].map(SEVERITY)
    table = table.sort_values(
        ["severity", "critical_risks", "bac", "code"], ascending=[True, False, False, True]
    )
    return table.drop(columns=["severity"]).reset_index(drop=True)


def _project_rows(
    con: duckdb.DuckDBPyConnection, f: Filters, context: Reporting, before: date | None
) -> pd.DataFrame:
    """Run the one query behind the table: projects, their previous statuses, milestones and risks.

    The registers are read from their state tables (migration 015), restricted to the filtered projects.
    """
    value = ", ".join(f"p.{c}" for c in VALUE_CRITERIA)
    return con.execute(
        f"""WITH p AS (SELECT * FROM projects_at($d::DATE) AS p WHERE {f.project_clause("p")}),
            b AS (SELECT code, {", ".join(STATUS_COLUMNS)}, last_update FROM projects_at($before::DATE)),
            m AS (
                SELECT m.project_code,
                       arg_min(name, coalesce(forecast_date, baseline_date)) FILTER (WHERE actual_date IS NULL)
                           AS next_milestone,
                       min(coalesce(forecast_date, baseline_date)) FILTER (WHERE actual_date IS NULL)
                           AS next_milestone_date,
                       arg_min(date_diff('day', baseline_date, forecast_date), coalesce(forecast_date, baseline_date))
                           FILTER (WHERE actual_date IS NULL) AS next_milestone_slip,
                       count(*) FILTER (WHERE {LATE_MILESTONE}) AS late_milestones
                FROM milestone_state AS m
                WHERE m.valid_from <= $d::DATE AND $d::DATE < m.valid_to AND m.project_code IN (SELECT code FROM p)
                GROUP BY m.project_code),
            r AS (
                SELECT r.project_code,
                       count(*) FILTER (WHERE k.band = 'high') AS high_risks,
                       count(*) FILTER (WHERE k.band = 'critical') AS critical_risks,
                       count(*) AS open_risks,
                       sum(r.probability * r.impact) AS risk_exposure
                FROM risk_state AS r
                JOIN risk_bands AS k USING (probability, impact)
                WHERE r.valid_from <= $d::DATE AND $d::DATE < r.valid_to
                  AND r.status <> 'closed' AND r.project_code IN (SELECT code FROM p)
                GROUP BY r.project_code)
            SELECT p.code, p.name, p.portfolio, p.programme, p.manager,
                   p.start_date, p.baseline_end, p.forecast_end, p.percent_complete, p.last_update,
                   {reported_status_sql("'green'", "p.last_update")} = 'grey' AS stale,  -- even Green turns Grey
                   {status_selects()},
                   b.code IS NOT NULL AS in_before,
                   m.next_milestone, m.next_milestone_date, m.next_milestone_slip,
                   coalesce(m.late_milestones, 0) AS late_milestones,
                   coalesce(r.high_risks, 0) AS high_risks, coalesce(r.critical_risks, 0) AS critical_risks,
                   coalesce(r.open_risks, 0) AS open_risks, coalesce(r.risk_exposure, 0) AS risk_exposure,
                   {value}
            FROM p LEFT JOIN b ON b.code = p.code
                   LEFT JOIN m ON m.project_code = p.code
                   LEFT JOIN r ON r.project_code = p.code""",  # noqa: S608 - fixed identifiers; values are parameters
        {
            **f.params(),
            **status_params(context),
            "before": before or NO_SNAPSHOT,
            "before_reference": before or date.max,
        },
    ).df()


def trends(table: pd.DataFrame, column: str) -> pd.Series:
    """Compare each status with the previous snapshot's: better, same, worse, new or unknown (grey)."""
    now, before = table[column], table[f"{column}_before"]
    rank_now, rank_before = _ranks(now), _ranks(before)
    trend = np.select(
        [
            ~table["in_before"],
            now == before,
            np.isnan(rank_now) | np.isnan(rank_before),
            rank_now < rank_before,
        ],
        ["new", "same", "unknown", "better"],
        "worse",
    )
    return pd.Series(trend, index=table.index)


def _ranks(statuses: pd.Series) -> np.ndarray:
    """Return each status's rank, NaN for grey or none (as a vector: a map over Arrow text goes value by value)."""
    ranked = sorted(STATUS_RANK, key=STATUS_RANK.__getitem__)
    codes = pd.Index(ranked).get_indexer(statuses)  # -1 (the NaN appended) where not ranked
    return np.append(np.array([STATUS_RANK[s] for s in ranked], dtype=float), np.nan)[codes]


def _empty_table() -> pd.DataFrame:
    columns = [
        "code",
        "name",
        "portfolio",
        "programme",
        "manager",
        "start_date",
        "baseline_end",
        "forecast_end",
        "percent_complete",
        "last_update",
        "stale",
        *[c for s in STATUS_COLUMNS for c in (s, f"{s}_before", f"{s}_trend")],
        "in_before",
        "next_milestone",
        "next_milestone_date",
        "next_milestone_slip",
        "late_milestones",
        "high_risks",
        "critical_risks",
        "open_risks",
        "risk_exposure",
        *VALUE_CRITERIA,
        *EV_COLUMNS[1:],
    ]
    return pd.DataFrame(columns=columns)


# Headline figures ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """A headline figure on the snapshot and on the one before it."""

    value: float | None
    previous: float | None = None

    @property
    def delta(self) -> float | None:
        if self.value is None or self.previous is None:
            return None
        return self.value - self.previous


@dataclass(frozen=True)
class Headline:
    """The figures a steering committee reads first, each with its value on the previous snapshot."""

    projects: Figure
    bac: Figure
    ac: Figure
    eac: Figure
    vac: Figure
    vac_share: Figure  # the variance at completion as a fraction of the budget at completion
    green: Figure
    amber: Figure
    red: Figure
    grey: Figure
    critical_risks: Figure
    late_projects: Figure


def headline(now: pd.DataFrame, previous: dict[str, float | None] | None, method: str) -> Headline:
    """Return the headline figures of a project table, each with its value on the previous snapshot."""
    current, previous = figures(now, method), previous or {}
    return Headline(**{name: Figure(value, previous.get(name)) for name, value in current.items()})


def figures(table: pd.DataFrame, method: str) -> dict[str, float | None]:
    """Count and sum one project table; money is rolled up from the summed earned value."""
    counts = table["status"].value_counts()
    found: dict[str, float | None] = {
        "projects": len(table),
        **{status: int(counts.get(status, 0)) for status in ("green", "amber", "red", "grey")},
        "critical_risks": int(table["critical_risks"].sum()),
        "late_projects": int((table["late_milestones"] > 0).sum()),
    }
    return found | _money_figures(table, method)


def snapshot_figures(con: duckdb.DuckDBPyConnection, f: Filters, method: str) -> dict[str, float | None]:
    """Return the headline figures of a filtered state without its project table: the previous snapshot's.

    The counting query and the earned value; the same figures `figures` draws from the table.
    """
    found = snapshot_counts(con, f)
    if not found["projects"]:
        return found | dict.fromkeys(("bac", "ac", "eac", "vac", "vac_share"))
    status_date = reporting(con, f).status_date
    return found | _money_figures(evm.earned_value(con, f, status_date, method), method)


def snapshot_counts(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, float | None]:
    """Count a filtered state's projects by reported status, its critical risks and its late projects."""
    context = reporting(con, f)
    status = reported_status_sql("status", "last_update")
    row = con.execute(
        f"""WITH p AS (SELECT code, status, last_update FROM projects_at($d::DATE) AS p
                       WHERE {f.project_clause("p")})
            SELECT count(*),
                   count(*) FILTER (WHERE {status} = 'green'), count(*) FILTER (WHERE {status} = 'amber'),
                   count(*) FILTER (WHERE {status} = 'red'), count(*) FILTER (WHERE {status} = 'grey'),
                   (SELECT count(*) FROM risks_at($d::DATE) AS r JOIN risk_bands AS k USING (probability, impact)
                    WHERE r.status <> 'closed' AND k.band = 'critical' AND r.project_code IN (SELECT code FROM p)),
                   (SELECT count(DISTINCT project_code) FROM milestones_at($d::DATE)
                    WHERE {LATE_MILESTONE} AND project_code IN (SELECT code FROM p))
            FROM p""",  # noqa: S608 - fixed identifiers; values are parameters
        {**f.params(), **status_params(context)},
    ).fetchone()
    names = ("projects", "green", "amber", "red", "grey", "critical_risks", "late_projects")
    return dict(zip(names, row, strict=True))


def _money_figures(frame: pd.DataFrame, method: str) -> dict[str, float | None]:
    """Roll the earned value of a set of projects up to BAC, AC, EAC, VAC and VAC as a share of BAC."""
    money = group_money(frame, [], method).iloc[0] if len(frame) else {}
    found: dict[str, float | None] = {}
    for name in ("bac", "ac", "eac", "vac"):
        value = money.get(name) if len(frame) else None
        found[name] = None if value is None or pd.isna(value) else float(value)
    found["vac_share"] = found["vac"] / found["bac"] if found["vac"] is not None and found["bac"] else None
    return found


# Roll-up by portfolio and programme ----------------------------------------------------------------


def worst_status(statuses: pd.Series) -> str:
    """Return the worst reported status of a group; Grey only when no project in it reported."""
    ranked = statuses.map(STATUS_RANK).dropna()
    return "grey" if ranked.empty else ("green", "amber", "red")[int(ranked.max())]


def roll_up(table: pd.DataFrame, method: str) -> pd.DataFrame:
    """Return the totals and worst status of the whole selection, each portfolio and each programme.

    Rows: the total, then each portfolio (largest budget first) followed by its programmes; `level` says
    which. Projects without a programme form a programme row with an empty name.
    """
    if table.empty:
        return pd.DataFrame()
    data = table.assign(portfolio=table["portfolio"].fillna(""), programme=table["programme"].fillna(""))
    total = _group_rows(data, [], method).assign(level="total", portfolio="", programme="")
    portfolios = _group_rows(data, ["portfolio"], method).assign(level="portfolio", programme="")
    programmes = _group_rows(data, ["portfolio", "programme"], method).assign(level="programme")
    rank = portfolios.set_index("portfolio")["bac"].rank(ascending=False, method="first", na_option="bottom")
    result = pd.concat([portfolios, programmes], ignore_index=True)
    result = result.assign(
        _portfolio=result["portfolio"].map(rank),
        _programme=np.select([result["level"].eq("portfolio"), result["programme"].eq("")], [0, 2], 1),
    ).sort_values(["_portfolio", "_programme", "bac"], ascending=[True, True, False], na_position="last")
    result = pd.concat([total, result], ignore_index=True)
    columns = [
        "level",
        "portfolio",
        "programme",
        "n_projects",
        "worst_status",
        "red",
        "amber",
        "green",
        "grey",
        "bac",
        "ac",
        "eac",
        "vac",
        "cpi",
        "spi",
        "critical_risks",
        "late_projects",
    ]
    return result[columns]


def group_money(data: pd.DataFrame, keys: list[str], method: str) -> pd.DataFrame:
    """Sum BAC, PV, EV, AC and the bottom-up ETC per group, then derive every ratio from the sums.

    The roll-up of `evm.roll_up`, vectorized: its per-group lambdas take most of a second on 10,000 projects.
    """
    summed = list(evm.SUMMED)
    if keys:
        grouped = data.groupby(keys, sort=True)
        sums = grouped[summed].sum(min_count=1).assign(n_projects=grouped.size()).reset_index()
    else:
        sums = data[summed].sum(min_count=1).to_frame().T.astype("float64").assign(n_projects=len(data))
    return evm.derive(sums, method)


def _group_rows(data: pd.DataFrame, keys: list[str], method: str) -> pd.DataFrame:
    """Sum one level of the roll-up: counts by status, money rolled up from earned value, the worst status."""
    money = group_money(data, keys, method)
    flags = pd.DataFrame({status: data["status"].eq(status) for status in ("red", "amber", "green", "grey")})
    flags["critical_risks"] = data["critical_risks"]
    flags["late_projects"] = data["late_milestones"] > 0
    flags["rank"] = data["status"].map(STATUS_RANK)
    for key in keys:
        flags[key] = data[key]
    counts = flags.groupby(keys).sum(numeric_only=False) if keys else flags.sum().to_frame().T
    counts["rank"] = flags.groupby(keys)["rank"].max() if keys else flags["rank"].max()
    counts["worst_status"] = counts["rank"].map(dict(enumerate(("green", "amber", "red")))).fillna("grey")
    counts = counts.drop(columns="rank").astype(
        {c: "int64" for c in ("red", "amber", "green", "grey", "critical_risks", "late_projects")}
    )
    if keys:
        return money.merge(counts.reset_index(), on=keys)
    return pd.concat([money.reset_index(drop=True), counts.reset_index(drop=True)], axis=1)


# Roadmap ----------------------------------------------------------------------------------------------

ROADMAP_LIMIT = 60  # bars that stay readable on a projector
TROUBLED = ("red", "amber")  # the statuses the roadmap shows first
LABEL_LENGTH = 34


@dataclass(frozen=True)
class Roadmap:
    """The bars and milestones of the roadmap, and how many projects it leaves out."""

    bars: pd.DataFrame
    milestones: pd.DataFrame
    shown: int
    total: int
    by_portfolio: bool = True  # rows grouped under their portfolio; else in the bars' order, worst slip first


def roadmap(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    table: pd.DataFrame,
    limit: int = ROADMAP_LIMIT,
    statuses: tuple[str, ...] | None = None,
    worst_slip_first: bool = False,
) -> Roadmap:
    """Return the roadmap of the projects that matter most: the table's first `limit` dated projects, of
    the reported `statuses` only when given (a committee looks at its red and amber projects first).

    Bars go from start to forecast end, grouped by portfolio and ordered by start; with `worst_slip_first`,
    the `limit` projects whose end slipped most, in that order (the order a committee reads its slide's
    table in; the others keep the table's order). Milestones are the forecast (or actual) dates of those
    projects.
    """
    if statuses is not None:
        table = table[table["status"].isin(statuses)]
    dated = table[table["start_date"].notna() & table["forecast_end"].notna()]
    if worst_slip_first:
        dated = dated.assign(_slip=end_slips(dated)).sort_values(
            "_slip", ascending=False, kind="stable", na_position="last"
        )
    chosen = dated.head(limit).copy()
    chosen["label"] = short_labels(chosen)
    chosen["portfolio"] = chosen["portfolio"].fillna("")
    if not worst_slip_first:
        chosen = chosen.sort_values(["portfolio", "start_date", "code"])
    bars = chosen[
        [
            "code",
            "label",
            "name",
            "portfolio",
            "manager",
            "start_date",
            "forecast_end",
            "baseline_end",
            "status",
            "percent_complete",
            "next_milestone",
            "next_milestone_slip",
        ]
    ].reset_index(drop=True)
    milestones = _roadmap_milestones(con, f, bars)
    return Roadmap(bars, milestones, len(bars), len(table), by_portfolio=not worst_slip_first)


def end_slips(bars: pd.DataFrame) -> pd.Series:
    """Return each project's slip in days: its forecast end against its baseline end."""
    return (pd.to_datetime(bars["forecast_end"]) - pd.to_datetime(bars["baseline_end"])).dt.days


def short_labels(table: pd.DataFrame, length: int = LABEL_LENGTH) -> pd.Series:
    """Truncate project names for an axis; a truncated name that two projects share gets its code."""
    names = table["name"].fillna(table["code"]).astype(str)
    short = names.where(names.str.len() <= length, names.str.slice(0, length - 1).str.rstrip() + "…")
    shared = short.duplicated(keep=False)
    return short.where(~shared, short + " · " + table["code"].astype(str))


def _roadmap_milestones(con: duckdb.DuckDBPyConnection, f: Filters, bars: pd.DataFrame) -> pd.DataFrame:
    """Return the milestones of the roadmap's projects, with the label of their bar."""
    milestones = con.execute(
        """SELECT project_code AS code, name AS milestone, baseline_date,
                  coalesce(actual_date, forecast_date, baseline_date) AS date, actual_date IS NOT NULL AS done,
                  date_diff('day', baseline_date, coalesce(actual_date, forecast_date)) AS slip_days
           FROM milestones_at($d::DATE)
           WHERE project_code IN (SELECT unnest($codes)) AND coalesce(actual_date, forecast_date, baseline_date) IS NOT NULL
           ORDER BY project_code, date""",
        {"d": f.state_date, "codes": bars["code"].tolist()},
    ).df()
    return milestones.merge(bars[["code", "label", "name", "portfolio", "status"]], on="code")


# Value and risk bubbles ------------------------------------------------------------------------------

BUBBLE_LIMIT = 400  # beyond this, the largest budgets: a chart of thousands of bubbles reads as a blot


@dataclass(frozen=True)
class Bubbles:
    points: pd.DataFrame
    shown: int
    total: int


def bubbles(table: pd.DataFrame, model: priorities.ScoringModel, limit: int = BUBBLE_LIMIT) -> Bubbles:
    """Return value (priority score) against open risk exposure, sized by budget, for the largest budgets.

    The value is the project's 0-100 score under a scoring model of `pmo_core.priorities` (the tracker's
    fields); the risk exposure is the sum of the criticality (probability x impact) of its open risks.
    Projects the model cannot score (a missing input) are left out.
    """
    if table.empty:
        return Bubbles(pd.DataFrame(columns=BUBBLE_COLUMNS), 0, 0)
    scores = priorities.score_projects(table, model)["score"].to_numpy()
    scored = table.assign(value_score=scores)
    scored = scored[scored["value_score"].notna()]
    chosen = scored.sort_values("bac", ascending=False, na_position="last").head(limit)
    return Bubbles(chosen[BUBBLE_COLUMNS].reset_index(drop=True), len(chosen), len(scored))


BUBBLE_COLUMNS = [
    "code",
    "name",
    "portfolio",
    "manager",
    "status",
    "value_score",
    "risk_exposure",
    "open_risks",
    "critical_risks",
    "bac",
]


# Status trend -------------------------------------------------------------------------------------------


def status_trend(con: duckdb.DuckDBPyConnection, f: Filters) -> pd.DataFrame:
    """Return the number of projects by reported status on every snapshot up to the one viewed.

    Each snapshot is read against its own date, so a project that stops reporting turns Grey in time.
    """
    context = reporting(con, f)
    if context.reference is None:
        return pd.DataFrame(columns=["as_of", "status", "n_projects"])
    status = reported_status_sql("p.status", "p.last_update", "s.as_of")
    return con.execute(
        f"""SELECT as_of, reported AS status, count(*) AS n_projects
            FROM (SELECT s.as_of, {status} AS reported
                  FROM snapshots AS s, LATERAL (SELECT * FROM projects_at(s.as_of)) AS p
                  WHERE s.as_of <= $reference::DATE AND {f.project_clause("p")})
            GROUP BY as_of, reported
            ORDER BY as_of, list_position(['green', 'amber', 'red', 'grey'], reported)""",  # noqa: S608
        {**_without_date(f.params()), **status_params(context)},
    ).df()


def _without_date(params: dict) -> dict:
    """Return the filter parameters without the state date, for queries that read several states."""
    return {k: v for k, v in params.items() if k != "d"}
