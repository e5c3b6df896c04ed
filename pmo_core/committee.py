"""What a steering committee is shown: the projects needing a decision, and the whole committee sequence
as a `Deck` that presentation mode draws and the pack writes to PowerPoint and PDF.

The state shown is the committee's snapshot under the shared filters; every change is measured since the
snapshot the previous committee reviewed (`Scope.since`), or the previous snapshot when no committee came
before. Figures come from the same functions the pages call (`portfolio`, `risks`, `budget`, `evm`), so a
slide and its page always agree; charts come from `pmo_core.charts`, the pages' own. Tables show the top
items and say how many more there are.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import duckdb
import pandas as pd

from pmo_core import (
    budget,
    capacity,
    changes,
    evm,
    formatting,
    meetings,
    portfolio,
    risks,
    scenarios,
    settings,
    snapshots,
)
from pmo_core.charts import budget as budget_charts
from pmo_core.charts import portfolio as portfolio_charts
from pmo_core.charts import risks as risk_charts
from pmo_core.deck import Deck, Figure, Slide
from pmo_core.filters import Filters
from pmo_core.i18n import t
from pmo_core.palette import STATUS_SHAPES
from pmo_core.vocabulary import label

TOP = 10  # rows a slide's table shows: what reads from the back of a room
SLIDES = (
    "headline",
    "decisions_needed",
    "status",
    "roadmap",
    "risks",
    "budget",
    "capacity",
    "selection",
    "actions",
    "to_take",
)  # "capacity" is left out when the store holds no team capacity or demand
REASONS = (
    "newly_red",
    "red",
    "overrun",
    "slipped",
    "stale",
)  # why a project needs a decision, the gravest first
ARROWS = {"better": "↑", "worse": "↓", "same": "→", "new": "✱", "unknown": ""}


@dataclass(frozen=True)
class Scope:
    """What a committee looks at: the filtered snapshot, the date changes start from, and the meeting's day."""

    filters: Filters  # as_of is the snapshot reviewed (None: the current state)
    reference: date | None  # the snapshot's date (the latest one for the current state)
    since: date | None  # the snapshot the previous committee reviewed, else the previous snapshot
    since_committee: str | None  # the committee that reviewed `since`, when one did
    committee: meetings.Committee | None
    today: date  # overdue actions are measured on it: the meeting's day, else today


def scope(
    con: duckdb.DuckDBPyConnection,
    *,
    committee_id: int | None = None,
    snapshot: date | None = None,
    filters: Filters | None = None,
    today: date | None = None,
) -> Scope:
    """Return what a committee (or, with none named, the snapshot or the current state) looks at."""
    base = filters or Filters()
    committee = meetings.get_committee(con, committee_id) if committee_id is not None else None
    if committee_id is not None and committee is None:
        raise meetings.CommitteeRefused("unknown", id=committee_id)
    as_of = committee.snapshot if committee else snapshot if snapshot is not None else base.as_of
    f = replace(base, as_of=as_of)
    reference = portfolio.reporting(con, f).reference
    since, by = _since(con, committee, reference)
    day = committee.meeting_date if committee else today or date.today()
    return Scope(f, reference, since, by, committee, day)


def _since(
    con: duckdb.DuckDBPyConnection, committee: meetings.Committee | None, reference: date | None
) -> tuple[date | None, str | None]:
    """Return the snapshot "what changed" starts from, and the committee that reviewed it."""
    if reference is None:
        return None, None
    if committee is None:  # the state viewed: the committee that reviewed it, else the last one before it
        row = con.execute(
            """SELECT committee_id FROM committees WHERE snapshot <= $r
               ORDER BY snapshot DESC, meeting_date DESC, committee_id DESC LIMIT 1""",
            {"r": reference},
        ).fetchone()
        found = meetings.get_committee(con, row[0]) if row else None
        if found is not None and found.snapshot < reference:
            return found.snapshot, found.name
        committee = found
    if committee is not None and committee.since is not None and committee.since < reference:
        before = meetings.get_committee(con, committee.follows)
        return committee.since, before.name if before else None
    return snapshots.previous_snapshot(con, reference), None


def since_text(s: Scope, lang: str) -> str:
    """Say which snapshot changes are measured from, and which committee reviewed it: the words the pages
    and the pack write beside every change."""
    if s.since is None:
        return t("committee.since.none", lang)
    day = formatting.day(s.since, lang)
    if s.since_committee:
        return t("committee.since.committee", lang, date=day, committee=s.since_committee)
    return t("committee.since.snapshot", lang, date=day)


# --- The projects needing a decision ---------------------------------------------------------------------


def project_table(con: duckdb.DuckDBPyConnection, s: Scope) -> pd.DataFrame:
    """Return the Overview's project table, worst first, its trends measured since `s.since`."""
    context = portfolio.reporting(con, s.filters)
    if context.reference is None:
        return portfolio.project_table(con, s.filters).assign(comment=None)
    if s.since is not None:
        context = replace(context, previous=s.since)
    rows = portfolio.project_status(con, s.filters, context)
    if rows.empty:
        return portfolio.project_table(con, s.filters).assign(comment=None)
    money = evm.earned_value(con, s.filters, context.status_date)[portfolio.EV_COLUMNS]
    table = portfolio.combine(rows, money)
    comments = con.execute(
        f"SELECT code, comment FROM projects_at($d::DATE) AS p WHERE {s.filters.project_clause('p')}",  # noqa: S608
        s.filters.params(),
    ).df()
    return table.merge(comments, on="code", how="left")


def needing_decision(
    con: duckdb.DuckDBPyConnection, s: Scope, table: pd.DataFrame, overrun_alert_pct: float
) -> pd.DataFrame:
    """Return the projects a committee must decide on, and why: red or newly red, a forecast overrun above
    the alert threshold, milestones slipped since `s.since` (late ones without it), no recent update.

    Newly red projects come first, then red ones, then the most reasons, the largest budget.
    """
    if table.empty:
        return table.assign(reasons=[], overrun_pct=[], slip_days=[])
    red = table["status"].eq("red")
    overrun_pct = evm.ratio(table["eac"] - table["bac"], table["bac"])
    if s.since is not None:
        slips = changes.milestone_slips(con, s.filters, s.since).groupby("code")["slip_days"].max()
        slip_days = table["code"].map(slips)
    else:
        slip_days = table["next_milestone_slip"].where(table["late_milestones"] > 0)
    flags = pd.DataFrame(
        {
            "newly_red": red & table["status_before"].ne("red"),
            "red": red & table["status_before"].eq("red"),
            "overrun": overrun_pct.gt(overrun_alert_pct / 100).fillna(False),
            "slipped": slip_days.fillna(0).gt(0) if s.since is not None else table["late_milestones"].gt(0),
            "stale": table["stale"].astype(bool),
        }
    )
    reasons = flags.apply(lambda row: tuple(r for r in REASONS if row[r]), axis=1)
    found = table.assign(
        reasons=reasons,
        overrun_pct=overrun_pct,
        slip_days=slip_days,
        _first=flags[list(REASONS)].to_numpy().argmax(axis=1),
        _count=flags.sum(axis=1),
    )
    found = found[found["_count"] > 0]
    found = found.sort_values(
        ["_first", "_count", "bac", "code"], ascending=[True, False, False, True], na_position="last"
    )
    return found.drop(columns=["_first", "_count"]).reset_index(drop=True)


def reason_text(reasons: tuple[str, ...], row: pd.Series, lang: str) -> str:
    """Write why a project needs a decision, the figures beside each reason."""
    words = []
    for reason in reasons:
        params = {}
        if reason == "overrun":
            params["pct"] = formatting.percent(row["overrun_pct"], lang)
        if reason == "slipped":
            params["days"] = formatting.number(row["slip_days"], lang)
        if reason == "stale":
            params["date"] = formatting.day(row["last_update"], lang) or t("na", lang)
        words.append(t(f"committee.reason.{reason}", lang, **params))
    return " · ".join(words)


# --- The deck --------------------------------------------------------------------------------------------


def committee_deck(
    con: duckdb.DuckDBPyConnection,
    *,
    committee_id: int | None = None,
    snapshot: date | None = None,
    filters: Filters | None = None,
    lang: str = "en",
    top: int = TOP,
    today: date | None = None,
) -> Deck:
    """Build the committee's sequence of slides, in the committee's language.

    With no committee named, the deck speaks of the snapshot (or the current state) and measures changes
    since the snapshot the last committee reviewed. The same store, committee and language give the same
    deck; without a committee, overdue actions are measured on `today`.
    """
    s = scope(con, committee_id=committee_id, snapshot=snapshot, filters=filters, today=today)
    values = settings.get_all(con)
    w = _Writer(lang, values["currency"])
    title = s.committee.name if s.committee else t("committee.deck.current", lang)
    meeting = s.committee.meeting_date if s.committee else None
    table = project_table(con, s) if s.reference is not None else None
    if table is None or table.empty:  # nothing to show: one slide says so, in words
        why = t("empty.store" if table is None else "empty.selection", lang)
        empty = Slide("headline", t("committee.slide.headline", lang), why, notes=why)
        return Deck(t("committee.deck.title", lang), title, meeting, s.reference, s.since, lang, (empty,))
    builders = (
        _headline,
        _decisions_needed,
        _status,
        _roadmap,
        _risks,
        _budget,
        _capacity,
        _selection,
        _actions,
        _to_take,
    )
    context = _Context(con, s, values, w, table, top)
    slides = tuple(slide for slide in (build(context) for build in builders) if slide is not None)
    return Deck(t("committee.deck.title", lang), title, meeting, s.reference, s.since, lang, slides)


@dataclass(frozen=True)
class _Writer:
    """Numbers and words in the committee's language."""

    lang: str
    currency: str

    def tr(self, key: str, **params: object) -> str:
        return t(key, self.lang, **params)

    def money(self, value: float | None, short: bool = True) -> str:
        return formatting.money(value, self.lang, self.currency, short=short)

    def number(self, value: float | None, decimals: int = 0, sign: bool = False) -> str:
        return formatting.number(value, self.lang, decimals, sign)

    def day(self, value: object) -> str:
        return formatting.day(value, self.lang)

    def status(self, code: object, trend: object = None) -> str:
        """Write a status with its shape and word, so a black-and-white print keeps it; its trend after it."""
        code = code if code in STATUS_SHAPES else "grey"
        word = self.tr("status.grey") if code == "grey" else label("status", code, self.lang)
        arrow = ARROWS.get(trend, "") if isinstance(trend, str) else ""
        return f"{STATUS_SHAPES[code]}\u00a0{word}" + (
            f"\u00a0{arrow}" if arrow else ""
        )  # one line in a narrow column

    def change(self, now: float | None, before: float | None, write) -> str:
        if now is None or before is None or pd.isna(now) or pd.isna(before):
            return ""
        delta = now - before
        return "±0" if delta == 0 else ("+" if delta > 0 else "") + write(delta)


@dataclass(frozen=True)
class _Context:
    con: duckdb.DuckDBPyConnection
    scope: Scope
    settings: dict
    w: _Writer
    table: pd.DataFrame
    top: int

    @property
    def f(self) -> Filters:
        return self.scope.filters

    def before(self) -> Filters | None:
        return replace(self.f, as_of=self.scope.since) if self.scope.since else None

    def notes(self, key: str, **params: object) -> str:
        """Return a slide's speaker notes: what it shows and how its figures are defined, then the snapshot."""
        s, w = self.scope, self.w
        since = (
            w.tr("committee.notes.since_committee", date=w.day(s.since), committee=s.since_committee)
            if s.since_committee
            else w.tr("committee.notes.since", date=w.day(s.since))
            if s.since
            else w.tr("committee.notes.no_since")
        )
        scope_words = [*self.f.portfolios, *self.f.programmes, *self.f.managers]
        snapshot = w.tr(
            "committee.notes.snapshot",
            date=w.day(s.reference),
            filters=", ".join(scope_words) if scope_words else w.tr("filters.none"),
        )
        return "\n".join([w.tr(f"committee.notes.{key}", **params), snapshot, since])

    def more(self, total: int, key: str = "committee.more", shown: int | None = None) -> str:
        extra = total - (self.top if shown is None else shown)
        return self.w.tr(key, n=self.w.number(extra)) if extra > 0 else ""

    def in_scope(self, codes: pd.Series) -> pd.Series:
        """Say which log entries belong to the selection: those of its projects, and the portfolio's own."""
        if self.f.is_empty():
            return pd.Series(True, index=codes.index)
        return codes.isna() | codes.isin(set(self.table["code"]))


def _headline(c: _Context) -> Slide:
    w, method = c.w, c.settings["eac_method"]
    before_filters = c.before()
    before = portfolio.snapshot_figures(c.con, before_filters, method) if before_filters else {}
    h = portfolio.headline(c.table, before, method)
    actions = meetings.action_list(c.con, c.scope.today, open_only=True)
    actions = actions[c.in_scope(actions["project_code"])]

    def figure(
        name: str, write, status: str = "", label_key: str | None = None, points: bool = False
    ) -> Figure:
        value = getattr(h, name)
        words = w.tr(label_key or f"overview.kpi.{name}")
        in_points = lambda v: w.tr("overview.points", n=w.number(v * 100, 1))  # noqa: E731 - a share moves in points
        return Figure(
            words,
            write(value.value),
            w.change(value.value, value.previous, in_points if points else write),
            status,
            w.status(status) if status else "",
        )

    def count(v):
        return w.number(v)

    figures = (
        figure("projects", count),
        figure("bac", w.money),
        figure("eac", w.money),
        figure("vac_share", lambda v: formatting.percent(v, w.lang, 1), points=True),
        figure("red", count, "red", "status.red"),
        figure("amber", count, "amber", "status.amber"),
        figure("grey", count, "grey", "status.grey"),
        figure("critical_risks", count),
        figure("late_projects", count),
        Figure(
            w.tr("committee.kpi.open_actions"),
            w.number(len(actions)),
            w.tr("committee.kpi.overdue", n=w.number(int(actions["overdue"].sum()))),
        ),
    )
    return Slide(
        "headline",
        w.tr("committee.slide.headline"),
        since_text(c.scope, w.lang),
        figures=figures,
        notes=c.notes("headline", days=c.settings["reporting_period_days"]),
    )


def _decisions_needed(c: _Context) -> Slide:
    w = c.w
    found = needing_decision(c.con, c.scope, c.table, c.settings["overrun_alert_pct"])
    subtitle = w.tr("committee.needed.subtitle", n=len(found), total=w.number(len(c.table)))
    shown = found.head(c.top).reset_index(drop=True)
    frame = pd.DataFrame(
        {
            w.tr("overview.col.project"): shown["name"].fillna(shown["code"]),
            w.tr("overview.col.status"): [
                w.status(s, tr) for s, tr in zip(shown["status"], shown["status_trend"], strict=True)
            ],
            w.tr("committee.col.why"): [
                reason_text(r, row, w.lang)
                for r, (_, row) in zip(shown["reasons"], shown.iterrows(), strict=True)
            ],
            w.tr("sidebar.manager"): shown["manager"].fillna(""),
            w.tr("committee.col.comment"): shown["comment"].fillna("").map(short_comment),
        }
    )
    return Slide(
        "decisions_needed",
        w.tr("committee.slide.decisions_needed"),
        subtitle if len(found) else w.tr("committee.needed.none"),
        table=frame if len(found) else None,
        more=c.more(len(found), "committee.more_projects"),
        notes=c.notes(
            "decisions_needed",
            pct=w.number(c.settings["overrun_alert_pct"], 1),
            days=c.settings["reporting_period_days"],
        ),
    )


def short_comment(text: str, most: int = 160) -> str:
    """Write a text on one line, cut with "…" past `most` characters: what a table cell shows whole."""
    text = " ".join(str(text).split())
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _status(c: _Context) -> Slide:
    w, table = c.w, c.table
    shown = table.head(c.top).reset_index(drop=True)
    frame = pd.DataFrame(
        {
            w.tr("overview.col.project"): shown["name"].fillna(shown["code"]),
            w.tr("overview.col.status"): [
                w.status(s, tr) for s, tr in zip(shown["status"], shown["status_trend"], strict=True)
            ],
            w.tr("overview.col.percent"): shown["percent_complete"].map(
                lambda v: formatting.percent(v, w.lang)
            ),
            "CPI": shown["cpi"].map(lambda v: formatting.ratio(v, w.lang)),
            "SPI": shown["spi"].map(lambda v: formatting.ratio(v, w.lang)),
            w.tr("overview.kpi.eac"): shown["eac"].map(w.money),
            w.tr("overview.col.critical"): shown["critical_risks"].map(w.number),
            w.tr("sidebar.manager"): shown["manager"].fillna(""),
        }
    )
    counts = table["status"].value_counts()
    subtitle = " · ".join(
        f"{w.status(s)} {w.number(int(counts.get(s, 0)))}" for s in ("red", "amber", "green", "grey")
    )
    return Slide(
        "status",
        w.tr("committee.slide.status"),
        subtitle,
        table=frame,
        more=c.more(len(table), "committee.more_projects"),
        notes=c.notes("status", days=c.settings["reporting_period_days"]),
    )


def _roadmap(c: _Context) -> Slide:
    """Draw the red and amber projects whose end slipped most, the chart's rows the table's, in its order:
    the slide holds one screen whatever the portfolio's size, and the projects left out are counted."""
    w, table = c.w, c.table
    road = portfolio.roadmap(
        c.con, c.f, table, limit=c.top, statuses=portfolio.TROUBLED, worst_slip_first=True
    )
    shown = road.bars.assign(slip=portfolio.end_slips(road.bars))
    frame = pd.DataFrame(
        {
            w.tr("overview.col.project"): shown["label"],  # the bar's own name: long names cut, as beside it
            w.tr("committee.col.end_slip"): shown["slip"].map(lambda d: w.number(d, sign=True)),
            w.tr("field.projects.forecast_end"): shown["forecast_end"].map(w.day),
            w.tr("field.projects.baseline_end"): shown["baseline_end"].map(w.day),
            w.tr("overview.col.status"): shown["status"].map(w.status),
        }
    )
    troubled = table[table["status"].isin(portfolio.TROUBLED)]
    late = int((portfolio.end_slips(troubled) > 0).sum())
    return Slide(
        "roadmap",
        w.tr("committee.slide.roadmap"),
        w.tr("committee.roadmap.subtitle", n=len(troubled), late=late, total=w.number(len(table))),
        table=frame if len(shown) else None,
        chart=portfolio_charts.roadmap_chart(road, c.scope.reference, w.lang) if len(shown) else None,
        more=c.more(road.total, "committee.more_projects", shown=road.shown),
        notes=c.notes("roadmap"),
    )


def _risks(c: _Context) -> Slide:
    w, rf = c.w, risks.RiskFilter()
    cells = risks.heatmap(c.con, c.f, rf)
    now = risks.summarize(cells)
    before_filters = c.before()
    before = risks.summarize(risks.heatmap(c.con, before_filters, rf)) if before_filters else None

    def figure(key: str, field: str, write) -> Figure:
        value = getattr(now, field)
        return Figure(
            w.tr(key), write(value), w.change(value, getattr(before, field) if before else None, write)
        )

    figures = (
        figure("risks.metric.risks", "risks", w.number),
        figure("risks.metric.critical", "critical", w.number),
        figure("risks.metric.high", "high", w.number),
        figure("risks.metric.exposure", "exposure", w.money),
    )
    top = risks.top_risks(c.con, c.f, rf, "score", c.top).reset_index(drop=True)
    frame = pd.DataFrame(
        {
            w.tr("overview.col.risk_title"): top["title"],
            w.tr("overview.col.score"): [
                f"{p} × {i} = {s}"
                for p, i, s in zip(top["probability"], top["impact"], top["score"], strict=True)
            ],
            w.tr("overview.col.project"): top["project_name"].fillna(top["project_code"]),
            w.tr("committee.col.band"): top["band"].map(lambda b: label("band", b, w.lang)),
            w.tr("overview.col.owner"): top["owner"].fillna(""),
            w.tr("committee.col.due"): [
                w.day(d) + (f" {w.tr('committee.overdue')}" if o else "")
                for d, o in zip(top["due_date"], top["overdue"], strict=True)
            ],
        }
    )
    return Slide(
        "risks",
        w.tr("committee.slide.risks"),
        since_text(c.scope, w.lang),
        figures=figures,
        table=frame if len(top) else None,
        chart=risk_charts.heatmap_chart(
            risks.label_cells(cells, w.lang, w.currency), now, rf.view, None, w.lang
        ),
        more=c.more(now.risks, "committee.more_risks"),
        notes=c.notes("risks"),
    )


def _budget(c: _Context) -> Slide:
    w, method = c.w, c.settings["eac_method"]
    status_date = portfolio.reporting(c.con, c.f).status_date
    frame = evm.earned_value(c.con, c.f, status_date, method)
    totals = budget.totals(frame, method)
    before = budget.state_before(c.f, c.scope.since)
    previous = budget.totals(evm.earned_value(c.con, *before, method), method) if before else None

    def figure(key: str, field: str, write) -> Figure:
        value = getattr(totals, field) if totals else None
        old = getattr(previous, field) if previous else None
        return Figure(w.tr(key), write(value), w.change(value, old, write))

    ratio = lambda v: formatting.ratio(v, w.lang)  # noqa: E731
    figures = (
        figure("overview.kpi.bac", "bac", w.money),
        figure("overview.kpi.ac", "ac", w.money),
        figure("overview.kpi.eac", "eac", w.money),
        figure("overview.kpi.vac", "vac", w.money),
        Figure(
            "CPI",
            ratio(totals.cpi if totals else None),
            w.change(totals and totals.cpi, previous and previous.cpi, ratio),
        ),
        Figure(
            "SPI",
            ratio(totals.spi if totals else None),
            w.change(totals and totals.spi, previous and previous.spi, ratio),
        ),
    )
    ranked = budget.variances(frame, status_date) if len(frame) else frame
    over = (
        ranked[ranked["overrun"] > 0].sort_values(["overrun", "code"], ascending=[False, True])
        if len(frame)
        else frame
    )
    shown = over.head(c.top).reset_index(drop=True)
    table = pd.DataFrame(
        {
            w.tr("overview.col.project"): shown["name"].fillna(shown["code"]),
            w.tr("committee.col.overrun"): shown["overrun"].map(w.money),
            w.tr("committee.col.overrun_pct"): shown["overrun_pct"].map(
                lambda v: formatting.percent(v, w.lang)
            ),
            w.tr("overview.kpi.bac"): shown["bac"].map(w.money),
            w.tr("overview.kpi.eac"): shown["eac"].map(w.money),
            "CPI": shown["cpi"].map(ratio),
        }
    )
    return Slide(
        "budget",
        w.tr("committee.slide.budget"),
        w.tr("committee.budget.subtitle", date=w.day(status_date), method=w.tr(f"budget.method.{method}")),
        figures=figures,
        table=table if len(shown) else None,
        chart=_s_curve(c, frame, status_date) if len(frame) else None,
        more=c.more(len(over), "committee.more_projects"),
        notes=c.notes("budget"),
    )


def _s_curve(c: _Context, frame: pd.DataFrame, status_date: date):
    """Draw the Budget page's S-curve: cumulative plan, actual, forecast and earned value."""
    method = c.settings["eac_method"]
    plan = budget.phasing(budget.monthly(c.con, c.f, status_date), frame, status_date, method)
    curve = budget.s_curve(plan, frame, budget.earned_history(c.con, c.f, status_date))
    return budget_charts.s_curve_chart(curve, c.w.lang, c.w.currency)


ALERT_SHAPES = {
    "overload": STATUS_SHAPES["red"],
    "no_capacity": STATUS_SHAPES["amber"],
    "after_end": STATUS_SHAPES["amber"],
}


def _capacity(c: _Context) -> Slide | None:
    """Say which teams run over capacity for months, which are asked for with no capacity, and which
    projects ask for people after their end: the Overview's alerts, in its words. Left out when the store
    holds no capacity or demand at all, as the Overview then says nothing: a PMO that does not plan people
    is not shown an empty slide at every committee."""
    if capacity.month_range(c.con, c.f) is None:
        return None
    w = c.w
    alerts = capacity.capacity_alerts(c.con, c.f)
    since = capacity.first_open_month(capacity.reference_date(c.con, c.f))
    months = int(c.settings["overload_alert_months"])
    counts = alerts["kind"].value_counts()

    def figure(kind: str, status: str) -> Figure:
        n = int(counts.get(kind, 0))
        return Figure(
            w.tr(f"committee.capacity.kpi.{kind}", months=months),
            w.number(n),
            status=status if n else "",
            status_word=w.status(status) if n else "",
        )

    shown = alerts.head(c.top)
    table = pd.DataFrame(
        {
            w.tr("committee.col.alert"): [
                f"{ALERT_SHAPES[kind]}\u00a0{sentence}"
                for kind, sentence in zip(shown["kind"], capacity.alert_sentences(shown, w.lang), strict=True)
            ]
        }
    )
    month = capacity.month_words(since, w.lang) if since else w.tr("na")
    return Slide(
        "capacity",
        w.tr("committee.slide.capacity"),
        w.tr("committee.capacity.subtitle", n=len(alerts), month=month)
        if len(alerts)
        else w.tr("committee.capacity.none", month=month, months=months),
        figures=(figure("overload", "red"), figure("no_capacity", "amber"), figure("after_end", "amber")),
        table=table if len(alerts) else None,
        more=c.more(len(alerts), "committee.more_alerts"),
        notes=c.notes(
            "capacity", months=months, days=formatting.number(capacity.working_days(c.con), w.lang)
        ),
    )


def _selection(c: _Context) -> Slide:
    w = c.w
    listed = scenarios.list_scenarios(c.con)
    if listed.empty:
        return Slide(
            "selection",
            w.tr("committee.slide.selection"),
            w.tr("committee.selection.none"),
            notes=c.notes("selection"),
        )
    planned = listed[listed["plan_of_record"]]
    row = (planned if len(planned) else listed).iloc[0]
    kind = "plan" if len(planned) else "proposed"
    chosen = scenarios.selected_projects(c.con, int(row["scenario_id"]))
    npv = row["objective"] == "npv"
    value = w.money if npv else (lambda v: w.number(v))
    figures = (
        Figure(w.tr("committee.selection.budget"), w.money(row["budget"])),
        Figure(w.tr("committee.selection.cost"), w.money(row["total_cost"])),
        Figure(w.tr("committee.selection.value"), value(row["total_value"])),
        Figure(
            w.tr("committee.selection.funded"),
            w.tr("committee.selection.count", n=int(row["n_selected"]), total=int(row["n_candidates"])),
        ),
    )
    shown = chosen.head(c.top).reset_index(drop=True)
    table = pd.DataFrame(
        {
            w.tr("overview.col.project"): shown["project_name"].fillna(shown["project_code"]),
            w.tr("committee.col.cost"): shown["cost"].map(w.money),
            w.tr("committee.col.value"): shown["value"].map(value),
        }
    )
    return Slide(
        "selection",
        w.tr("committee.slide.selection"),
        w.tr(f"committee.selection.{kind}", name=row["name"], date=w.day(row["state_date"])),
        figures=figures,
        table=table if len(shown) else None,
        more=c.more(len(chosen), "committee.more_projects"),
        notes=c.notes("selection", objective=row["objective"]),
    )


def _actions(c: _Context) -> Slide:
    w = c.w
    found = meetings.action_list(c.con, c.scope.today, open_only=True)
    found = found[c.in_scope(found["project_code"])]
    shown = found.head(c.top).reset_index(drop=True)
    table = pd.DataFrame(
        {
            w.tr("committee.col.action"): shown["title"].map(short_comment),
            w.tr("committee.col.owner"): shown["owner"],
            w.tr("committee.col.due"): [
                w.day(d) + (f" {w.tr('committee.overdue')}" if o is True else "")
                for d, o in zip(shown["due_date"], shown["overdue"], strict=True)
            ],
            w.tr("committee.col.status"): shown["status"].map(lambda s: w.tr(f"committee.status.{s}")),
            w.tr("overview.col.project"): shown["project_code"].fillna(w.tr("committee.portfolio_wide")),
        }
    )
    overdue = int(found["overdue"].sum())
    return Slide(
        "actions",
        w.tr("committee.slide.actions"),
        w.tr("committee.actions.subtitle", n=len(found), overdue=overdue, date=w.day(c.scope.today))
        if len(found)
        else w.tr("committee.actions.none"),
        figures=(
            Figure(w.tr("committee.kpi.open_actions"), w.number(len(found))),
            Figure(
                w.tr("committee.kpi.overdue_actions"),
                w.number(overdue),
                status="red" if overdue else "",
                status_word=w.status("red") if overdue else "",
            ),
        ),
        table=table if len(found) else None,
        more=c.more(len(found), "committee.more_actions"),
        notes=c.notes("actions"),
    )


def _to_take(c: _Context) -> Slide:
    w = c.w
    found = meetings.decisions_to_take(c.con)
    found = found[c.in_scope(found["project_code"])]
    shown = found.head(c.top).reset_index(drop=True)
    table = pd.DataFrame(
        {
            w.tr("committee.col.subject"): shown["subject"],
            w.tr("committee.col.question"): shown["decision"].map(short_comment),
            w.tr("overview.col.project"): shown["project_code"].fillna(w.tr("committee.portfolio_wide")),
            w.tr("committee.col.raised"): shown["decided_on"].map(w.day),
        }
    )
    return Slide(
        "to_take",
        w.tr("committee.slide.to_take"),
        w.tr("committee.to_take.subtitle", n=len(found)) if len(found) else w.tr("committee.to_take.none"),
        table=table if len(found) else None,
        more=c.more(len(found), "committee.more_decisions"),
        notes=c.notes("to_take"),
    )
