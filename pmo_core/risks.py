"""Risk scoring, the reference: score, band, exposure, the heatmap, the register, movement and roll-ups.

Score (criticité) = probability x impact, 1-25. The band is looked up in the store's editable `risk_bands`
table, never computed from the score, so an organisation's own table (probability 4 x impact 2 = low)
holds on every page; the SQL macros of migration 003 (`portfolio_risks_at(d, fractions)`, and
`scored_risks_at` without the project's columns) do the lookup, and other modules (the overview) join
`risk_bands` the same way. The residual rating uses residual_probability
and residual_impact where the tracker gives them, otherwise the inherent values. Exposure (expected
monetary value) = probability as a fraction (setting `probability_fractions`) x cost impact, when given.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, replace
from datetime import date

import duckdb
import pandas as pd

from pmo_core import access, exports, formatting, settings
from pmo_core.access import Actor
from pmo_core.filters import Filters
from pmo_core.i18n import t
from pmo_core.palette import BAND_EMOJI, BAND_ORDER
from pmo_core.vocabulary import label

LEVELS = (1, 2, 3, 4, 5)
VIEWS = ("inherent", "residual")
RISK_STATUSES = ("open", "in_treatment", "closed")
OPEN_STATUSES = ("open", "in_treatment")  # "open" in the PMO's sense: not closed yet
MOVEMENTS = ("new", "escalated", "deescalated", "closed")
REGISTER_ORDERS = ("score", "exposure", "due_date", "project")
REGISTER_LIMIT = 2_000  # rows shown on screen; the Excel download holds every row

# Per view, the columns of portfolio_risks_at() holding its probability, impact, score, band and exposure.
_VIEW_COLUMNS = {
    "inherent": ("r.probability", "r.impact", "r.score", "r.band", "r.exposure"),
    "residual": (
        "r.net_probability",
        "r.net_impact",
        "r.residual_score",
        "r.residual_band",
        "r.residual_exposure",
    ),
}
_ORDERS = {
    "score": "score DESC, exposure DESC NULLS LAST, r.due_date NULLS LAST, r.project_code, r.code",
    "exposure": "exposure DESC NULLS LAST, score DESC, r.project_code, r.code",
    "due_date": "overdue DESC, r.due_date NULLS LAST, score DESC, r.project_code, r.code",
    "project": "r.project_name, r.project_code, score DESC, r.code",
}
_PARAM = re.compile(r"\$([a-z_]+)")


# --- Scoring, pure -----------------------------------------------------------------------------------


def score(probability: int, impact: int) -> int:
    """Return the criticality, probability x impact (1-25)."""
    return int(probability) * int(impact)


def default_band(probability: int, impact: int) -> str:
    """Return the DOMAIN.md default band: 1-4 low, 5-9 moderate, 10-16 high, 20-25 critical."""
    value = score(probability, impact)
    return "low" if value <= 4 else "moderate" if value <= 9 else "high" if value <= 16 else "critical"


def exposure(probability: int, cost_impact: float | None, fractions: tuple[float, ...]) -> float | None:
    """Return the expected monetary value, fraction of the probability level x cost impact; None without cost."""
    if cost_impact is None or (isinstance(cost_impact, float) and math.isnan(cost_impact)):
        return None
    return fractions[int(probability) - 1] * float(cost_impact)


def residual_rating(
    probability: int, impact: int, residual_probability: int | None, residual_impact: int | None
) -> tuple[int, int]:
    """Return the residual probability and impact, each falling back to the inherent value when not given."""

    def given(value: int | None) -> bool:
        return value is not None and not pd.isna(value)

    return (
        int(residual_probability) if given(residual_probability) else int(probability),
        int(residual_impact) if given(residual_impact) else int(impact),
    )


def scale_label(kind: str, level: int, lang: str) -> str:
    """Return an axis label with the number and its word, such as "4 · Likely" (kind: probability or impact)."""
    return f"{level} · {t(f'risks.{kind}.{level}', lang)}"


def label_cells(cells: pd.DataFrame, lang: str, currency: str = "EUR") -> pd.DataFrame:
    """Add the words a heatmap shows and tooltips read: axis labels, band label, score, exposure as money."""
    return cells.assign(
        probability_label=cells["probability"].map(lambda v: scale_label("probability", v, lang)),
        impact_label=cells["impact"].map(lambda v: scale_label("impact", v, lang)),
        band_label=cells["band"].map(lambda b: label("band", b, lang)),
        score=cells["probability"] * cells["impact"],
        exposure_text=cells["exposure"].map(lambda v: formatting.money(v, lang, currency)),
    )


def level_labels(kind: str, lang: str) -> list[str]:
    """Return the five labels of a scale, lowest first, for axis sorting."""
    return [scale_label(kind, level, lang) for level in LEVELS]


# --- The band table and the probability fractions (settings) ------------------------------------------


def band_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the 25 cells of the band table: probability, impact, band."""
    return con.execute("SELECT probability, impact, band FROM risk_bands ORDER BY probability, impact").df()


def band_grid(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the band table as the grid a PMO reads: one row per impact (5 at the top), one column per probability."""
    table = band_table(con)
    grid = table.pivot(index="impact", columns="probability", values="band").sort_index(ascending=False)
    grid.columns = [str(c) for c in grid.columns]
    return grid.reset_index()


def save_band_grid(con: duckdb.DuckDBPyConnection, grid: pd.DataFrame, actor: Actor) -> int:
    """Store an edited grid (as band_grid returns it); return how many cells changed; refuse an invalid grid whole."""
    columns = [str(p) for p in LEVELS]
    if "impact" not in grid or not set(columns) <= set(grid.columns):
        raise ValueError("the band table needs an impact column and one column per probability 1-5")
    cells = grid.melt(id_vars="impact", value_vars=columns, var_name="probability", value_name="band")
    cells = cells.astype({"impact": int, "probability": int})
    bad = cells.loc[~cells["band"].isin(BAND_ORDER)]
    if len(cells) != 25 or set(zip(cells.probability, cells.impact, strict=True)) != {
        (p, i) for p in LEVELS for i in LEVELS
    }:
        raise ValueError("the band table needs exactly one band for each of the 25 cells")
    if len(bad):
        first = bad.iloc[0]
        raise ValueError(
            f"probability {first.probability} x impact {first.impact}: "
            f"one of {', '.join(BAND_ORDER)} is expected, not {first.band!r}"
        )
    return _write_bands(con, cells[["probability", "impact", "band"]], actor)


def set_band(con: duckdb.DuckDBPyConnection, probability: int, impact: int, band: str, actor: Actor) -> None:
    """Set one cell of the band table."""
    if band not in BAND_ORDER or probability not in LEVELS or impact not in LEVELS:
        raise ValueError(f"probability and impact 1-5 and a band among {', '.join(BAND_ORDER)} are expected")
    _write_bands(con, pd.DataFrame([{"probability": probability, "impact": impact, "band": band}]), actor)


def reset_bands(con: duckdb.DuckDBPyConnection, actor: Actor) -> int:
    """Bring back the DOMAIN.md default band table; return how many cells changed."""
    cells = pd.DataFrame(
        [{"probability": p, "impact": i, "band": default_band(p, i)} for p in LEVELS for i in LEVELS]
    )
    return _write_bands(con, cells, actor)


def _write_bands(con: duckdb.DuckDBPyConnection, cells: pd.DataFrame, actor: Actor) -> int:
    """Update the given cells in one transaction; return how many changed."""
    before = band_table(con).set_index(["probability", "impact"])["band"]
    moved = {
        f"{p}x{i}": f"{before[(int(p), int(i))]} -> {b}"
        for p, i, b in cells.itertuples(index=False)
        if before[(int(p), int(i))] != b
    }
    changed = len(moved)
    con.register("_bands", cells)
    try:
        with access.change(con, actor, "settings", "risk_bands", "risk_bands", moved):
            con.execute(
                """UPDATE risk_bands SET band = n.band FROM _bands AS n
                   WHERE risk_bands.probability = n.probability AND risk_bands.impact = n.impact"""
            )
    finally:
        con.unregister("_bands")
    return int(changed)


def band_warnings(con: duckdb.DuckDBPyConnection) -> list[tuple[int, int]]:
    """Return the cells banded lower than a cell of lower or equal probability and impact (likely a typo)."""
    bands = band_table(con).set_index(["probability", "impact"])["band"].map(BAND_ORDER.index)
    return [
        (p, i)
        for p in LEVELS
        for i in LEVELS
        if any(bands[(q, j)] > bands[(p, i)] for q in range(1, p + 1) for j in range(1, i + 1))
    ]


def probability_fractions(con: duckdb.DuckDBPyConnection) -> tuple[float, ...]:
    """Return the fraction each probability level stands for, from the settings (0.1 ... 0.9 by default)."""
    return settings.get(con, "probability_fractions")


def save_probability_fractions(
    con: duckdb.DuckDBPyConnection, fractions: list[float], actor: Actor
) -> tuple[float, ...]:
    """Validate and store the five fractions; raise ValueError with a sentence when they do not fit."""
    values = [float(v) for v in fractions]
    if any(b < a for a, b in zip(values, values[1:], strict=False)):
        raise ValueError("probability_fractions: each level's fraction should be at least the one below it")
    return settings.put(con, "probability_fractions", ",".join(f"{v:g}" for v in values), actor)


# --- Selections ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskFilter:
    """The risk page's own filters, on top of the sidebar's; empty tuples mean all."""

    view: str = "inherent"  # or "residual"
    categories: tuple[str, ...] = ()
    projects: tuple[str, ...] = ()  # project codes
    owners: tuple[str, ...] = ()
    statuses: tuple[str, ...] = OPEN_STATUSES

    def clause(self, alias: str = "r") -> str:
        """Return the SQL condition on scored risks; its values come from params()."""
        # list_contains is a plain function call, cheaper on 100,000 rows than an IN (SELECT unnest()) join
        return " AND ".join(
            f"(len(${name}) = 0 OR list_contains(${name}, {alias}.{column}))"
            for name, column in (
                ("categories", "category"),
                ("projects", "project_code"),
                ("owners", "owner"),
                ("statuses", "status"),
            )
        )

    def params(self) -> dict:
        return {
            "categories": list(self.categories),
            "projects": list(self.projects),
            "owners": list(self.owners),
            "statuses": list(self.statuses),
        }

    def columns(self) -> str:
        """Return the SELECT list giving this view's probability, impact, score, band and exposure."""
        names = ("probability", "impact", "score", "band", "exposure")
        return ", ".join(
            f"{column} AS {name}" for column, name in zip(_VIEW_COLUMNS[self.view], names, strict=True)
        )


def _selection(f: Filters, rf: RiskFilter, date_param: str = "d") -> str:
    """Return the FROM ... WHERE selecting the scored risks of a state, with their project's columns."""
    return (
        f"FROM portfolio_risks_at(${date_param}::DATE, $fractions) AS r "
        f"WHERE {f.project_clause('r')} AND {rf.clause('r')}"
    )


def _run(con: duckdb.DuckDBPyConnection, sql: str, params: dict) -> duckdb.DuckDBPyConnection:
    """Execute with exactly the parameters the SQL names (DuckDB refuses unused ones)."""
    names = set(_PARAM.findall(sql))
    return con.execute(sql, {k: v for k, v in params.items() if k in names})


def _params(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter, **more: object) -> dict:
    today = reporting_date(con, f)
    return {
        **f.params(),
        **rf.params(),
        "fractions": list(probability_fractions(con)),
        "today": today,
        **more,
    }


def reporting_date(con: duckdb.DuckDBPyConnection, f: Filters) -> date | None:
    """Return the date overdue actions are measured at: the chosen snapshot, else the latest one."""
    if f.as_of:
        return f.as_of
    row = con.execute("SELECT max(as_of) FROM snapshots").fetchone()
    return row[0] if row else None


_OVERDUE = "coalesce(r.due_date < $today AND r.status <> 'closed', false)"


# --- Pictures ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RiskSummary:
    risks: int
    critical: int
    high: int
    exposure: float | None
    overdue: int


def risk_summary(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter) -> RiskSummary:
    """Return the headline figures of a selection: risks, critical, high, total exposure, overdue actions."""
    return summarize(heatmap(con, f, rf))


def summarize(cells: pd.DataFrame) -> RiskSummary:
    """Add up the heatmap's cells into the headline figures, so a page scans its risks once for both."""
    by_band = cells.groupby("band")["risks"].sum()
    exposure = cells["exposure"].sum(min_count=1)
    return RiskSummary(
        risks=int(cells["risks"].sum()),
        critical=int(by_band.get("critical", 0)),
        high=int(by_band.get("high", 0)),
        exposure=None if pd.isna(exposure) else float(exposure),
        overdue=int(cells["overdue"].sum()),
    )


def heatmap(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter) -> pd.DataFrame:
    """Return the 25 cells of the 5x5 grid with their band, risks, exposure and overdue actions, aggregated in DuckDB."""
    sql = f"""WITH s AS (SELECT {rf.columns()}, {_OVERDUE} AS overdue {_selection(f, rf)})
              SELECT b.probability::INTEGER AS probability, b.impact::INTEGER AS impact, b.band,
                     count(s.probability)::INTEGER AS risks, sum(s.exposure) AS exposure,
                     count(*) FILTER (WHERE s.overdue)::INTEGER AS overdue
              FROM risk_bands AS b LEFT JOIN s ON s.probability = b.probability AND s.impact = b.impact
              GROUP BY ALL ORDER BY impact DESC, probability"""  # noqa: S608 - fixed fragments; values are bound
    return _run(con, sql, _params(con, f, rf)).df()


def cell_risks(
    con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter, probability: int, impact: int
) -> pd.DataFrame:
    """Return the risks of one cell of the heatmap, overdue actions first."""
    sql = f"""SELECT * FROM (
                SELECT r.code, r.title, r.project_code, r.project_name, r.owner, {rf.columns()},
                       r.response, r.due_date, {_OVERDUE} AS overdue, r.status {_selection(f, rf)})
              WHERE probability = $probability AND impact = $impact
              ORDER BY overdue DESC, due_date NULLS LAST, project_code, code"""  # noqa: S608 - fixed fragments; values are bound
    return _run(con, sql, _params(con, f, rf, probability=int(probability), impact=int(impact))).df()


@dataclass(frozen=True)
class Register:
    rows: pd.DataFrame
    total: int  # rows matching, of which `rows` holds at most the limit


def register(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    rf: RiskFilter,
    search: str = "",
    order: str = "score",
    limit: int | None = REGISTER_LIMIT,
) -> Register:
    """Return the risk register with scores, bands, exposure and overdue flags; `search` matches any text."""
    sql = f"""SELECT r.code, r.title, r.project_code, r.project_name, r.portfolio, r.category, r.owner,
                     r.status, {rf.columns()},
                     r.probability AS inherent_probability, r.impact AS inherent_impact,
                     r.score AS inherent_score, r.band AS inherent_band,
                     r.net_probability AS residual_probability, r.net_impact AS residual_impact,
                     r.residual_score, r.residual_band, r.cost_impact, r.exposure AS inherent_exposure,
                     r.residual_exposure, r.response, r.mitigation, r.due_date, {_OVERDUE} AS overdue,
                     count(*) OVER () AS total
              {_selection(f, rf)}
                AND ($search = '' OR contains(lower(concat_ws(' ', r.code, r.title, r.owner, r.mitigation,
                                                            r.category, r.project_code, r.project_name)), lower($search)))
              ORDER BY {_ORDERS[order]} {"" if limit is None else "LIMIT $limit"}"""
    frame = _run(con, sql, _params(con, f, rf, search=search.strip(), limit=limit)).df()
    total = int(frame["total"].iloc[0]) if len(frame) else 0
    return Register(frame.drop(columns="total"), total)


def top_risks(
    con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter, by: str = "score", n: int = 10
) -> pd.DataFrame:
    """Return the n risks with the highest score, or the highest exposure (risks without cost impact left out)."""
    order = _ORDERS["exposure"] if by == "exposure" else _ORDERS["score"]
    sql = f"""SELECT * FROM (
                SELECT r.code, r.title, r.project_code, r.project_name, r.owner, {rf.columns()},
                       r.cost_impact, r.response, r.due_date, {_OVERDUE} AS overdue, r.status {_selection(f, rf)})
              AS r {"WHERE exposure IS NOT NULL" if by == "exposure" else ""}
              ORDER BY {order} LIMIT $n"""  # noqa: S608 - fixed fragments; values are bound
    return _run(con, sql, _params(con, f, rf, n=n)).df()


# --- Movement between snapshots ------------------------------------------------------------------------


@dataclass(frozen=True)
class Movement:
    rows: pd.DataFrame  # one row per risk that moved: movement, before_* and after_* ratings
    counts: dict[str, int]


def movement(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter, since: date) -> Movement:
    """Compare the selection with an earlier snapshot: new (or reopened), closed, escalated, de-escalated risks.

    A risk is the same risk across snapshots when its project and its code (its title without a code) match;
    one that disappears from its project's tracker counts as closed. The status filter does not apply here.
    """
    everyone = replace(rf, statuses=())
    sql = f"""WITH {_UNCHANGED}, a AS ({_movement_side(f, everyone, "d")}), b AS ({_movement_side(f, everyone, "before")}),
              m AS (
                SELECT CASE WHEN a.key IS NOT NULL AND a.status <> 'closed' AND (b.key IS NULL OR b.status = 'closed')
                              THEN 'new'
                            WHEN b.key IS NOT NULL AND b.status <> 'closed' AND (a.key IS NULL OR a.status = 'closed')
                              THEN 'closed'
                            WHEN a.status <> 'closed' AND b.status <> 'closed' AND a.score > b.score THEN 'escalated'
                            WHEN a.status <> 'closed' AND b.status <> 'closed' AND a.score < b.score THEN 'deescalated'
                       END AS movement,
                       coalesce(a.code, b.code) AS code, coalesce(a.title, b.title) AS title,
                       coalesce(a.project_code, b.project_code) AS project_code,
                       coalesce(a.project_name, b.project_name) AS project_name,
                       b.probability AS before_probability, b.impact AS before_impact, b.score AS before_score,
                       b.band AS before_band, a.probability AS after_probability, a.impact AS after_impact,
                       a.score AS after_score, a.band AS after_band, a.status AS status
                FROM a FULL JOIN b ON a.key = b.key)
              SELECT * FROM m WHERE movement IS NOT NULL
              ORDER BY array_position(['new', 'escalated', 'deescalated', 'closed'], movement),
                       coalesce(after_score, before_score) DESC, project_code, code"""  # noqa: S608 - fixed fragments; values are bound
    rows = _run(con, sql, _params(con, f, everyone, before=since.isoformat())).df()
    counts = {kind: int((rows["movement"] == kind).sum()) for kind in MOVEMENTS}
    return Movement(rows, counts)


# Projects whose risks and project row come from the same batches on both dates: nothing of theirs moved.
_UNCHANGED = """unchanged AS (
    SELECT a.project_code FROM versions_at($d::DATE) AS a JOIN versions_at($before::DATE) AS b
      ON a.entity = b.entity AND a.project_code = b.project_code AND a.batch_id = b.batch_id AND a.present AND b.present
    WHERE a.entity IN ('projects', 'risks') GROUP BY ALL HAVING count(*) = 2)"""


def _movement_side(f: Filters, rf: RiskFilter, date_param: str) -> str:
    """Return one row per risk of a state that may have moved, keyed by project and code (title without a code)."""
    return f"""SELECT r.project_code || chr(31) || coalesce(r.code, r.title) AS key, r.code, r.title, r.project_code,
                      r.project_name, {rf.columns()}, r.status {_selection(f, rf, date_param)}
                      AND r.project_code NOT IN (SELECT project_code FROM unchanged)
               QUALIFY row_number() OVER (PARTITION BY key ORDER BY score DESC, r.title) = 1"""  # noqa: S608 - fixed fragments; values are bound


def movement_paths(rows: pd.DataFrame) -> pd.DataFrame:
    """Return one arrow per (from cell, to cell, direction) of re-rated risks, with the number of risks it carries.

    Arrows run between cell centres, shortened so the counts stay readable and shifted sideways so that
    two opposite moves between the same cells do not overlap; `angle` turns a triangle to point along it.
    """
    moved = rows.loc[rows["movement"].isin(("escalated", "deescalated"))]
    if moved.empty:
        return pd.DataFrame(
            columns=[
                "movement",
                "x",
                "y",
                "x2",
                "y2",
                "angle",
                "risks",
                "before_probability",
                "before_impact",
                "after_probability",
                "after_impact",
            ]
        )
    keys = ["movement", "before_probability", "before_impact", "after_probability", "after_impact"]
    paths = moved.groupby(keys, as_index=False).size().rename(columns={"size": "risks"})
    return paths.join(paths.apply(_arrow, axis=1, result_type="expand"))


def _arrow(path: pd.Series) -> pd.Series:
    """Place one arrow on the grid (data units, one cell = 1)."""
    dx = float(path.after_probability - path.before_probability)
    dy = float(path.after_impact - path.before_impact)
    length = math.hypot(dx, dy)
    ux, uy = dx / length, dy / length
    shift, trim = 0.12, 0.28
    ox, oy = uy * shift, -ux * shift
    return pd.Series(
        {
            "x": path.before_probability + ux * trim + ox,
            "y": path.before_impact + uy * trim + oy,
            "x2": path.after_probability - ux * trim + ox,
            "y2": path.after_impact - uy * trim + oy,
            "angle": math.degrees(math.atan2(dx, dy)),
        }
    )


def movement_cells(rows: pd.DataFrame) -> pd.DataFrame:
    """Return, per cell, the risks that arrived new in it and the risks closed from it."""
    new = rows.loc[rows["movement"] == "new"].groupby(["after_probability", "after_impact"]).size()
    closed = rows.loc[rows["movement"] == "closed"].groupby(["before_probability", "before_impact"]).size()
    new.index.names = closed.index.names = ["probability", "impact"]
    cells = pd.DataFrame({"new": new, "closed": closed}).fillna(0).astype(int).reset_index()
    return cells.astype({"probability": int, "impact": int})


# --- Roll-ups ------------------------------------------------------------------------------------------


def _rollup_columns() -> str:
    return """count(*)::INTEGER AS risks, count(*) FILTER (WHERE band = 'critical')::INTEGER AS critical,
               count(*) FILTER (WHERE band = 'high')::INTEGER AS high, max(score)::INTEGER AS max_score,
               ['low', 'moderate', 'high', 'critical'][max(array_position(['low', 'moderate', 'high', 'critical'],
                                                                            band))] AS worst_band,
               sum(exposure) AS exposure, count(*) FILTER (WHERE overdue)::INTEGER AS overdue"""


def project_rollup(
    con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter, limit: int | None = None
) -> pd.DataFrame:
    """Return per project: risks, critical and high risks, highest score, worst band, total exposure, overdue."""
    sql = f"""WITH s AS (SELECT r.project_code, r.project_name, r.portfolio, {rf.columns()},
                                {_OVERDUE} AS overdue {_selection(f, rf)})
              SELECT project_code, project_name, portfolio, {_rollup_columns()} FROM s GROUP BY ALL
              ORDER BY critical DESC, high DESC, max_score DESC, exposure DESC NULLS LAST, project_code
              {"" if limit is None else "LIMIT $limit"}"""  # noqa: S608 - fixed fragments; values are bound
    return _run(con, sql, _params(con, f, rf, limit=limit)).df()


def portfolio_rollup(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter) -> pd.DataFrame:
    """Return per portfolio: projects with risks, risks, critical and high risks, highest score, total exposure."""
    return by_portfolio(project_rollup(con, f, rf))


def by_portfolio(projects: pd.DataFrame) -> pd.DataFrame:
    """Roll the per-project figures (all of them, as project_rollup returns them) up to their portfolios."""
    rows = projects.assign(
        portfolio=projects["portfolio"].fillna(""), rank=projects["worst_band"].map(BAND_ORDER.index)
    )
    grouped = rows.groupby("portfolio", as_index=False).agg(
        projects=("project_code", "size"),
        risks=("risks", "sum"),
        critical=("critical", "sum"),
        high=("high", "sum"),
        max_score=("max_score", "max"),
        rank=("rank", "max"),
        exposure=("exposure", lambda v: v.sum(min_count=1)),
        overdue=("overdue", "sum"),
    )
    grouped.insert(6, "worst_band", grouped.pop("rank").map(lambda r: BAND_ORDER[int(r)]))
    return grouped.sort_values(
        ["critical", "high", "max_score", "portfolio"],
        ascending=[False, False, False, True],
        ignore_index=True,
    )


def category_heatmap(con: duckdb.DuckDBPyConnection, f: Filters, rf: RiskFilter) -> pd.DataFrame:
    """Return every portfolio x category pair of the selection with its high and critical risks."""
    sql = f"""WITH s AS (SELECT coalesce(r.portfolio, '') AS portfolio, coalesce(r.category, '') AS category,
                                {rf.columns()} {_selection(f, rf)}),
              grid AS (SELECT * FROM (SELECT DISTINCT portfolio FROM s) CROSS JOIN (SELECT DISTINCT category FROM s))
              SELECT grid.portfolio, grid.category,
                     count(s.band) FILTER (WHERE s.band = 'high')::INTEGER AS high,
                     count(s.band) FILTER (WHERE s.band = 'critical')::INTEGER AS critical,
                     (high + critical)::INTEGER AS severe, count(s.band)::INTEGER AS risks
              FROM grid LEFT JOIN s USING (portfolio, category)
              GROUP BY ALL ORDER BY grid.portfolio, grid.category"""  # noqa: S608 - fixed fragments; values are bound
    return _run(con, sql, _params(con, f, rf)).df()


@dataclass(frozen=True)
class RiskChoices:
    categories: tuple[str, ...]
    projects: tuple[tuple[str, str], ...]  # (code, name)
    owners: tuple[str, ...]


def filter_choices(con: duckdb.DuckDBPyConnection, f: Filters) -> RiskChoices:
    """Return the categories, projects and owners the risk filters offer within the sidebar's selection."""
    sql = f"""SELECT list(DISTINCT r.category ORDER BY r.category) FILTER (WHERE r.category IS NOT NULL),
                     list(DISTINCT (r.project_code, coalesce(r.project_name, r.project_code))
                          ORDER BY (r.project_code, coalesce(r.project_name, r.project_code))),
                     list(DISTINCT r.owner ORDER BY r.owner) FILTER (WHERE r.owner IS NOT NULL)
              FROM portfolio_risks_at($d::DATE, $fractions) AS r WHERE {f.project_clause("r")}"""  # noqa: S608 - fixed fragments; values are bound
    params = {**f.params(), "fractions": list(probability_fractions(con))}
    categories, projects, owners = _run(con, sql, params).fetchone()
    pairs = tuple(
        (pair[0], pair[1]) if isinstance(pair, tuple) else tuple(pair.values()) for pair in projects or ()
    )
    return RiskChoices(tuple(categories or ()), pairs, tuple(owners or ()))


# --- Excel ---------------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "code",
    "title",
    "project_code",
    "project_name",
    "portfolio",
    "category",
    "owner",
    "status",
    "inherent_probability",
    "inherent_impact",
    "inherent_score",
    "inherent_band",
    "residual_probability",
    "residual_impact",
    "residual_score",
    "residual_band",
    "cost_impact",
    "inherent_exposure",
    "residual_exposure",
    "response",
    "mitigation",
    "due_date",
    "overdue",
)
_LABELLED = {
    "category": "category",
    "status": "risk_status",
    "response": "response",
    "band": "band",
    "inherent_band": "band",
    "residual_band": "band",
    "before_band": "band",
    "after_band": "band",
    "worst_band": "band",
}


def labelled(frame: pd.DataFrame, lang: str, emoji: bool = True) -> pd.DataFrame:
    """Return a copy with codes (category, status, response, bands) as words; bands get their emoji for screens."""
    out = frame.copy()
    for column, kind in _LABELLED.items():
        if column in out:
            out[column] = out[column].map(lambda code, kind=kind: _word(kind, code, lang, emoji))
    return out


def _word(kind: str, code: object, lang: str, emoji: bool) -> str | None:
    if not isinstance(code, str):
        return None
    word = label(kind, code, lang)
    return f"{BAND_EMOJI[code]} {word}" if emoji and kind == "band" and code in BAND_EMOJI else word


def register_workbook(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    rf: RiskFilter,
    lang: str,
    search: str = "",
    order: str = "score",
) -> bytes:
    """Return the whole register (no row limit) as an Excel file with headers and codes in the user's language."""
    rows = labelled(
        register(con, f, rf, search=search, order=order, limit=None).rows[list(EXPORT_COLUMNS)],
        lang,
        emoji=False,
    )
    rows["overdue"] = rows["overdue"].map(lambda flag: t("risks.yes", lang) if flag else "")
    rows["due_date"] = pd.to_datetime(rows["due_date"]).dt.date
    headers = {column: t(f"risks.col.{column}", lang) for column in EXPORT_COLUMNS}
    money = {headers[c]: "#,##0" for c in ("cost_impact", "inherent_exposure", "residual_exposure")}
    sheet = t("risks.register.sheet", lang)
    return exports.to_excel_bytes({sheet: rows.rename(columns=headers)}, number_formats=money, lang=lang)
