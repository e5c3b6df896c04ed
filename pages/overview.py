"""Overview page: where the portfolio stands, what changed since the last snapshot and what is late.

The first screen a PMO puts on the projector: headline figures with their change, the project table
(worst first, a row opens the project page), what changed, the roll-up, the roadmap, the value/risk
bubbles and the status trend.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from pages.ui import common, labels
from pages.ui.common import LABEL_PX, TITLE_PX, day, day_format, money, status_label, styled
from pmo_core import capacity, changes, exports, formatting, portfolio, priorities
from pmo_core.filters import Filters
from pmo_core.palette import NEUTRAL, STATUS_COLOURS, STATUS_EMOJI, STATUS_ORDER
from pmo_core.vocabulary import label

ARROWS = {"better": " ↑", "worse": " ↓", "same": " →", "new": " ✱", "unknown": ""}
TABLE_LIMIT = 1000  # rows drawn, worst first; the picker and the Excel download hold every project
TABLE_ROUND = "overview_table_round"  # bumped on leaving, so a selected row does not reopen the project
BUBBLE_NAMED = 6  # the largest budgets, named on the value and risk chart
BUBBLE_AREA = (40, 2200)  # px² of the smallest and largest bubble
BUBBLE_PX = 520  # the chart's height: Streamlit fits its title, legend and axes in it too
BUBBLE_PLOT = (780, 280)  # the plot's width and height in px as drawn on a projector at 1280 px (measured)

LANG = common.lang()
CON = common.cursor()
VERSION = common.data_version()
SETTINGS = common.current_settings()
KILO = common.tr("overview.unit.kilo", unit=formatting.currency_symbol(SETTINGS["currency"]))


# --- Cached queries: one per picture, refreshed when the store's content changes ---------------------


@st.cache_data(show_spinner=False, max_entries=32)
def project_table(version: tuple, f: Filters) -> pd.DataFrame:
    return portfolio.project_table(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=32)
def snapshot_figures(version: tuple, f: Filters, method: str) -> dict:
    return portfolio.snapshot_figures(common.cursor(), f, method)


@st.cache_data(show_spinner=False, max_entries=32)
def roll_up(version: tuple, f: Filters, method: str) -> pd.DataFrame:
    return portfolio.roll_up(project_table(version, f), method)


@st.cache_data(show_spinner=False, max_entries=32)
def roadmap(version: tuple, f: Filters, statuses: tuple[str, ...] | None) -> portfolio.Roadmap:
    return portfolio.roadmap(common.cursor(), f, project_table(version, f), statuses=statuses)


@st.cache_data(show_spinner=False, max_entries=32)
def bubbles(version: tuple, f: Filters, model: priorities.ScoringModel) -> portfolio.Bubbles:
    return portfolio.bubbles(project_table(version, f), model)


@st.cache_data(show_spinner=False, max_entries=32)
def status_trend(version: tuple, f: Filters) -> pd.DataFrame:
    return portfolio.status_trend(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=64)
def what_changed(version: tuple, name: str, f: Filters, since: date, *args: object) -> pd.DataFrame:
    return getattr(changes, name)(common.cursor(), f, since, *args)


# --- Words and numbers -----------------------------------------------------------------------------


def status_text(code: str | None) -> str:
    return common.status_chip(code or "grey")


def kilo(values: pd.Series) -> pd.Series:
    """Return amounts in thousands for table columns headed with the unit (written whole by the table)."""
    return pd.to_numeric(values, errors="coerce") / 1000


# CPI and SPI stay numbers in the tables (they sort as numbers) and are written so their figure agrees
# with their colour; amounts in thousands are written whole, rounded halves away from zero.
INDEX_FORMATS = {"cpi": common.index_text, "spi": common.index_text}


def month_axis(title: str, **kwargs: object) -> alt.Axis:
    """Return a time axis whose month names follow the page's language."""
    names = [formatting.month(date(2000, m, 1), "fr").split()[0] for m in range(1, 13)]
    expr = f"{names}[month(datum.value)] + ' ' + year(datum.value)" if LANG == "fr" else None
    return (
        alt.Axis(title=title, labelExpr=expr, labelOverlap=True, **kwargs)
        if expr
        else alt.Axis(title=title, format="%b %Y", labelOverlap=True, **kwargs)
    )


def status_scale() -> alt.Scale:
    return alt.Scale(
        domain=[status_label(s) for s in STATUS_ORDER], range=[STATUS_COLOURS[s] for s in STATUS_ORDER]
    )


# --- Headline figures ------------------------------------------------------------------------------


def headline_section(h: portfolio.Headline, context: portfolio.Reporting) -> None:
    """Show the headline figures as metric cards, each with its change since the previous snapshot."""
    if context.previous:
        st.caption(common.tr("overview.since", date=day(context.previous)))
    cards = [
        ("projects", h.projects, count, "off"),
        ("bac", h.bac, short_money, "off"),
        ("ac", h.ac, short_money, "off"),
        ("eac", h.eac, short_money, "inverse"),
        ("vac", h.vac, short_money, "normal"),
        ("vac_share", h.vac_share, share, "normal"),
        *(
            (status, getattr(h, status), count, "normal" if status == "green" else "inverse")
            for status in STATUS_ORDER
        ),
        ("critical_risks", h.critical_risks, count, "inverse"),
        ("late_projects", h.late_projects, count, "inverse"),
    ]
    for start in range(0, len(cards), 4):  # four to a row: a projector at 1280 px cuts a sixth of a row short
        for column, (name, figure, write, colour) in zip(
            st.columns(4), cards[start : start + 4], strict=False
        ):
            title = (
                f"{STATUS_EMOJI[name]} {status_label(name)}"
                if name in STATUS_COLOURS
                else common.tr(f"overview.kpi.{name}")
            )
            delta = figure.delta
            write_delta = points if name == "vac_share" else write
            column.metric(
                title,
                write(figure.value),
                **common.change(delta, write_delta(delta), colour),
                help=common.tr(f"overview.kpi.{name}.help", days=SETTINGS["reporting_period_days"]),
                border=True,
            )


def count(value: float | None) -> str:
    return formatting.number(value, LANG)


def short_money(value: float | None) -> str:
    return money(value, short=True)


def share(value: float | None) -> str:
    return formatting.percent(value, LANG, 1)


def points(value: float | None) -> str:
    """Write a change of a share in percentage points."""
    return common.tr("overview.points", n=formatting.number(None if value is None else value * 100, LANG, 1))


# --- Project table ---------------------------------------------------------------------------------


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table as shown: statuses as chips with their trend arrow, money in thousands."""
    chips = {s: status_text(s) for s in STATUS_ORDER}
    shown = pd.DataFrame({"link": common.project_links(table["code"]), "name": table["name"]})
    for column in portfolio.STATUS_COLUMNS:
        shown[column] = table[column].map(chips) + table[f"{column}_trend"].map(ARROWS)
    shown["percent"] = pd.to_numeric(table["percent_complete"], errors="coerce") * 100
    for column in ("bac", "ac", "eac"):
        shown[column] = kilo(table[column])
    shown["cpi"], shown["spi"] = table["cpi"], table["spi"]
    shown["next_milestone"] = table["next_milestone"]
    shown["next_date"] = pd.to_datetime(table["next_milestone_date"])
    shown["slip"] = table["next_milestone_slip"].astype("Int64")
    shown["high"], shown["critical"] = table["high_risks"], table["critical_risks"]
    shown["manager"], shown["portfolio"] = table["manager"], table["portfolio"]
    shown["last_update"] = pd.to_datetime(table["last_update"])
    return shown


def table_config(every: bool = True) -> dict:
    """Return the project table's columns; the compact set gets widths that fit a projector's 1280 px."""
    tr = common.tr
    percent = "%d\u00a0%%" if LANG == "fr" else "%d%%"
    config = {
        "link": st.column_config.LinkColumn(
            tr("overview.col.code"),
            display_text=common.PROJECT_LINK_TEXT,
            pinned=True,
            help=tr("overview.col.code.help"),
        ),
        # The code stays pinned for scrolling across; the name is not, so it reads in black, at full length.
        "name": st.column_config.TextColumn(tr("overview.col.project"), width="large"),
        "percent": st.column_config.ProgressColumn(
            tr("overview.col.percent"), format=percent, min_value=0, max_value=100, width="small"
        ),
        "cpi": st.column_config.NumberColumn("CPI", help=tr("overview.col.cpi.help"), width="small"),
        "spi": st.column_config.NumberColumn("SPI", help=tr("overview.col.spi.help"), width="small"),
        "next_milestone": st.column_config.TextColumn(tr("overview.col.next_milestone")),
        "next_date": st.column_config.DateColumn(tr("overview.col.next_date"), format=day_format()),
        "slip": st.column_config.NumberColumn(
            tr("overview.col.slip"), format="%d", help=tr("overview.col.slip.help")
        ),
        "high": st.column_config.NumberColumn(
            tr("overview.col.high"), format="%d", help=tr("overview.col.risks.help")
        ),
        "critical": st.column_config.NumberColumn(
            tr("overview.col.critical"), format="%d", help=tr("overview.col.risks.help")
        ),
        "manager": st.column_config.TextColumn(tr("sidebar.manager")),
        "portfolio": st.column_config.TextColumn(tr("sidebar.portfolio")),
        "last_update": st.column_config.DateColumn(
            tr("overview.col.last_update"),
            format=day_format(),
            help=tr("overview.col.last_update.help", days=SETTINGS["reporting_period_days"]),
        ),
    }
    for column in portfolio.STATUS_COLUMNS:
        title = tr("overview.col.status") if column == "status" else tr(f"field.projects.{column}")
        config[column] = st.column_config.TextColumn(title, help=tr("overview.col.status.help"))
    for column in ("bac", "ac", "eac"):
        config[column] = st.column_config.NumberColumn(
            tr(f"overview.col.{column}", unit=KILO),
            format="%d",
            help=tr(f"overview.kpi.{column}.help"),
        )
    if not every:
        for column, width in COMPACT_COLUMNS.items():
            config[column] = {**config[column], "width": width}
    return config


# What a committee reads first, without scrolling sideways on a projector: the project, its status (the
# order of the table), how far it has gone, its cost and schedule indices, its critical risks.
COMPACT_COLUMNS = {  # column: width in px, 880 px in all
    "link": 110,
    "name": 240,
    "status": 100,
    "critical": 100,
    "percent": 100,
    "cpi": 65,
    "spi": 65,
    "eac": 100,
}


def export_frame(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table for Excel: full amounts, statuses in words, one column per figure."""
    tr = common.tr
    frame = pd.DataFrame(
        {
            tr("overview.col.code"): table["code"],
            tr("overview.col.project"): table["name"],
            tr("sidebar.portfolio"): table["portfolio"],
            tr("sidebar.programme"): table["programme"],
            tr("sidebar.manager"): table["manager"],
        }
    )
    for column in portfolio.STATUS_COLUMNS:
        title = tr("overview.col.status") if column == "status" else tr(f"field.projects.{column}")
        frame[title] = table[column].map(status_label)
        frame[f"{title} · {tr('overview.col.trend')}"] = table[f"{column}_trend"].map(
            lambda t: tr(f"overview.arrow.{t}")
        )
    frame[tr("overview.col.percent")] = table["percent_complete"]
    for column in ("bac", "ac", "eac", "vac", "cpi", "spi"):
        frame[tr(f"overview.export.{column}")] = table[column]
    frame[tr("overview.col.next_milestone")] = table["next_milestone"]
    frame[tr("overview.col.next_date")] = table["next_milestone_date"]
    frame[tr("overview.col.slip")] = table["next_milestone_slip"]
    frame[tr("overview.col.late")] = table["late_milestones"]
    frame[tr("overview.col.high")] = table["high_risks"]
    frame[tr("overview.col.critical")] = table["critical_risks"]
    frame[tr("overview.col.last_update")] = table["last_update"]
    return frame


def open_project(code: str) -> None:
    """Go to the project page with the project in the URL, so the link can be shared."""
    st.session_state[TABLE_ROUND] = st.session_state.get(TABLE_ROUND, 0) + 1
    st.session_state["project"] = code
    st.switch_page("pages/project.py", query_params={"project": code})


def table_section(table: pd.DataFrame) -> None:
    """Show the project table, worst first; choosing a row or a project opens its page."""
    st.subheader(common.tr("overview.table.title", n=formatting.number(len(table), LANG)))
    st.caption(common.tr("overview.table.caption", days=SETTINGS["reporting_period_days"]))
    round_ = st.session_state.get(TABLE_ROUND, 0)
    shown = table.head(TABLE_LIMIT)
    if len(table) > TABLE_LIMIT:
        st.caption(
            common.tr(
                "overview.table.limited",
                shown=formatting.number(TABLE_LIMIT, LANG),
                total=formatting.number(len(table), LANG),
            )
        )
    every = st.toggle(
        common.tr("projector.all_columns"),
        key="overview_all_columns",
        help=common.tr("projector.all_columns.help"),
    )
    event = common.table(
        display_table(shown),
        hide_index=True,
        column_config=table_config(every),
        column_order=None if every else list(COMPACT_COLUMNS),
        formats=INDEX_FORMATS,
        on_select="rerun",
        selection_mode="single-row",
        key=f"overview_table_{round_}",
        height=560,
        row_height=35,
    )
    if event.selection.rows:
        open_project(shown.iloc[event.selection.rows[0]]["code"])
    names = dict(zip(table["code"], table["name"], strict=True))
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        common.tr("overview.open_project"),
        list(names),
        index=None,
        format_func=lambda c: f"{c} · {names[c]}",
        key=f"overview_pick_{round_}",
        placeholder=common.tr("overview.open_project.placeholder"),
    )
    if chosen:
        open_project(chosen)
    right.download_button(
        common.tr("download.excel"),
        lambda: excel_bytes(table),  # written on click only: 10,000 rows take seconds
        file_name=common.tr("overview.export.file", date=date.today().isoformat()),
        width="stretch",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def excel_bytes(table: pd.DataFrame) -> bytes:
    """Return the project table as an Excel workbook, amounts in full."""
    tr = common.tr
    formats = {tr(f"overview.export.{c}"): "#,##0" for c in ("bac", "ac", "eac", "vac")}
    formats |= {tr(f"overview.export.{c}"): "0.00" for c in ("cpi", "spi")} | {
        tr("overview.col.percent"): "0%"
    }
    return exports.to_excel_bytes(
        {tr("overview.export.sheet"): export_frame(table)}, lang=LANG, number_formats=formats
    )


# --- What changed ----------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def capacity_alerts(version: tuple, f: Filters) -> pd.DataFrame:
    return capacity.capacity_alerts(common.cursor(), f)


ALERTS_SHOWN = 5  # the Capacity page has them all
ALERT_MARKS = {"overload": "🔴", "no_capacity": "⚠️", "after_end": "⚠️"}


def people_section(f: Filters) -> None:
    """Say which teams run over capacity for months, which teams are asked for with no capacity at all, and
    which projects ask for people after their end; nothing when the store holds no team capacity."""
    alerts = capacity_alerts(VERSION, f)
    if alerts.empty:
        return
    st.subheader(common.tr("capacity.overview.title", n=len(alerts)))
    sentences = capacity.alert_sentences(alerts.head(ALERTS_SHOWN), LANG)
    kinds = alerts["kind"].head(ALERTS_SHOWN)
    st.markdown("\n".join(f"- {ALERT_MARKS[k]} {text}" for k, text in zip(kinds, sentences, strict=True)))
    more = len(alerts) - ALERTS_SHOWN
    st.page_link(
        "pages/capacity.py",
        label=common.tr("capacity.overview.more", n=more)
        if more > 0
        else common.tr("capacity.overview.link"),
        icon=":material/groups:",
    )


def changes_section(f: Filters, context: portfolio.Reporting) -> None:
    """Compare the state viewed with any earlier snapshot: statuses, projects, budgets, slips, critical risks."""
    st.subheader(common.tr("overview.changes.title"))
    earlier = changes.earlier_snapshots(CON, f)
    if not earlier:
        st.info(common.tr("overview.changes.none"))
        return
    since = st.selectbox(
        common.tr("overview.changes.since"), earlier, format_func=day, key=f"overview_since_{LANG}"
    )
    threshold = SETTINGS["budget_change_threshold_pct"]
    frames = {
        "status": what_changed(VERSION, "status_changes", f, since),
        "moves": what_changed(VERSION, "project_moves", f, since),
        "budget": what_changed(VERSION, "budget_changes", f, since, threshold),
        "slips": what_changed(VERSION, "milestone_slips", f, since),
        "risks": what_changed(VERSION, "new_critical_risks", f, since),
    }
    tabs = st.tabs([f"{common.tr(f'overview.changes.{k}')} ({len(v)})" for k, v in frames.items()])
    views = {"status": _status_changes, "moves": _moves, "budget": _budgets, "slips": _slips, "risks": _risks}
    for tab, (key, frame) in zip(tabs, frames.items(), strict=True):
        with tab:
            if frame.empty:
                st.info(
                    common.tr(f"overview.changes.{key}.empty", date=day(since), threshold=f"{threshold:g}")
                )
            else:
                shown, config = views[key](frame)
                common.table(
                    shown,
                    hide_index=True,
                    column_config=config,
                    height=420,
                )


def _project_columns(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    tr = common.tr
    shown = pd.DataFrame(
        {"link": common.project_links(frame["code"]), "name": frame["name"], "portfolio": frame["portfolio"]}
    )
    config = {
        "link": st.column_config.LinkColumn(tr("overview.col.code"), display_text=common.PROJECT_LINK_TEXT),
        "name": st.column_config.TextColumn(tr("overview.col.project"), width="medium"),
        "portfolio": st.column_config.TextColumn(tr("sidebar.portfolio")),
    }
    return shown, config


def _status_changes(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["before"], shown["after"] = frame["before"].map(status_text), frame["after"].map(status_text)
    shown["direction"] = frame["direction"].map(lambda d: common.tr(f"overview.direction.{d}"))
    shown["manager"] = frame["manager"]
    config |= {
        "before": common.tr("overview.col.before"),
        "after": common.tr("overview.col.after"),
        "direction": common.tr("overview.col.direction"),
        "manager": common.tr("sidebar.manager"),
    }
    return shown, config


def _moves(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown.insert(0, "move", frame["move"].map(lambda m: common.tr(f"overview.move.{m}")))
    shown["budget"] = kilo(frame["budget"])
    shown["start"], shown["end"] = pd.to_datetime(frame["start_date"]), pd.to_datetime(frame["forecast_end"])
    shown["manager"] = frame["manager"]
    config |= {
        "move": common.tr("overview.col.move"),
        "budget": st.column_config.NumberColumn(common.tr("overview.col.bac", unit=KILO), format="%d"),
        "start": st.column_config.DateColumn(common.tr("field.projects.start_date"), format=day_format()),
        "end": st.column_config.DateColumn(common.tr("field.projects.forecast_end"), format=day_format()),
        "manager": common.tr("sidebar.manager"),
    }
    return shown, config


def _budgets(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["before"], shown["after"], shown["change"] = (
        kilo(frame["before"]),
        kilo(frame["after"]),
        kilo(frame["change"]),
    )
    shown["share"] = frame["change_share"].map(
        lambda v: ("+" if v > 0 else "") + formatting.percent(v, LANG, 1)
    )
    number = st.column_config.NumberColumn
    config |= {
        "before": number(common.tr("overview.col.budget_before", unit=KILO), format="%d"),
        "after": number(common.tr("overview.col.budget_after", unit=KILO), format="%d"),
        "change": number(common.tr("overview.col.budget_change", unit=KILO), format="%+d"),
        "share": common.tr("overview.col.budget_share"),
    }
    return shown, config


def _slips(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["milestone"] = frame["milestone"]
    for column in ("baseline_date", "before", "after"):
        shown[column] = pd.to_datetime(frame[column])
    shown["slip"] = frame["slip_days"]
    date_column = st.column_config.DateColumn
    config |= {
        "milestone": common.tr("overview.col.milestone"),
        "baseline_date": date_column(common.tr("overview.col.baseline"), format=day_format()),
        "before": date_column(common.tr("overview.col.forecast_before"), format=day_format()),
        "after": date_column(common.tr("overview.col.forecast_after"), format=day_format()),
        "slip": st.column_config.NumberColumn(common.tr("overview.col.slip_since"), format="%+d"),
    }
    return shown, config


def _risks(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["risk"] = frame["risk_code"].fillna("")
    shown["title"] = frame["title"]
    shown["category"] = frame["category"].map(
        lambda c: label("category", c, LANG) if isinstance(c, str) else ""
    )
    shown["score"] = (
        frame["probability"].astype(str)
        + " × "
        + frame["impact"].astype(str)
        + " = "
        + frame["score"].astype(str)
    )
    shown["was"] = frame["was"].map(
        lambda w: common.tr(f"overview.was.{w}") if w in ("new", "closed") else label("band", w, LANG)
    )
    shown["owner"] = frame["owner"]
    config |= {
        "risk": common.tr("overview.col.risk"),
        "title": st.column_config.TextColumn(common.tr("overview.col.risk_title"), width="large"),
        "category": common.tr("overview.col.category"),
        "score": common.tr("overview.col.score"),
        "was": common.tr("overview.col.was"),
        "owner": common.tr("overview.col.owner"),
    }
    return shown, config


# --- Roll-up ---------------------------------------------------------------------------------------


def rollup_section(rollup: pd.DataFrame) -> None:
    """Show the totals and worst status of each portfolio and programme."""
    st.subheader(common.tr("overview.rollup.title"))
    st.caption(common.tr("overview.rollup.caption"))
    tr = common.tr
    counts = rollup[list(STATUS_ORDER)].astype(int)
    mix = counts.apply(
        lambda row: "  ".join(f"{STATUS_EMOJI[s]} {row[s]}" for s in STATUS_ORDER if row[s]), axis=1
    )
    shown = pd.DataFrame(
        {
            "group": rollup.apply(_group_name, axis=1),
            "worst": rollup["worst_status"].map(status_text),
            "n": rollup["n_projects"],
            "mix": mix,
        }
    )
    for column in ("bac", "eac", "vac"):
        shown[column] = kilo(rollup[column])
    shown["cpi"], shown["spi"] = rollup["cpi"], rollup["spi"]
    shown["critical"], shown["late"] = rollup["critical_risks"], rollup["late_projects"]
    number = st.column_config.NumberColumn
    config = {
        # Not pinned: a pinned column is drawn in grey, too faint on a projector; this table fits the page.
        "group": st.column_config.TextColumn(tr("overview.rollup.group"), width="medium"),
        "worst": tr("overview.rollup.worst"),
        "n": number(tr("overview.rollup.projects"), format="%d"),
        "mix": st.column_config.TextColumn(tr("overview.rollup.mix"), help=tr("overview.rollup.mix.help")),
        **{c: number(tr(f"overview.col.{c}", unit=KILO), format="%d") for c in ("bac", "eac", "vac")},
        "cpi": number("CPI"),
        "spi": number("SPI"),
        "critical": number(tr("overview.col.critical"), format="%d"),
        "late": number(tr("overview.kpi.late_projects"), format="%d"),
    }
    common.table(shown, hide_index=True, column_config=config, height=760, formats=INDEX_FORMATS)


def _group_name(row: pd.Series) -> str:
    if row["level"] == "total":
        return common.tr("overview.rollup.total")
    if row["level"] == "portfolio":
        return "▸ " + (row["portfolio"] or common.tr("overview.rollup.no_portfolio"))
    return "      ↳ " + (row["programme"] or common.tr("overview.rollup.no_programme"))


# --- Roadmap ---------------------------------------------------------------------------------------


def roadmap_section(table: pd.DataFrame, context: portfolio.Reporting, f: Filters) -> None:
    """Draw a bar per project from start to forecast end, its baseline end, its milestones and today: the
    red and amber projects, or every project when asked."""
    st.subheader(common.tr("overview.roadmap.heading"))
    every = st.toggle(
        common.tr("projector.roadmap.all"),
        key="overview_roadmap_all",
        help=common.tr("projector.roadmap.all.help"),
    )
    road = roadmap(VERSION, f, None if every else portfolio.TROUBLED)
    if not every:
        troubled = int(table["status"].isin(portfolio.TROUBLED).sum())
        if not troubled:
            st.info(common.tr("projector.roadmap.none_troubled"))
            return
        st.caption(
            common.tr("projector.roadmap.troubled", n=troubled, total=formatting.number(len(table), LANG))
        )
    if road.bars.empty:
        st.info(common.tr("overview.roadmap.empty"))
        return
    if road.shown < road.total:
        st.caption(
            common.tr("overview.roadmap.limited", shown=road.shown, total=formatting.number(road.total, LANG))
        )
    today = date.today() if f.as_of is None else context.reference
    common.chart(roadmap_chart(road, today), width="stretch")


HEADER = "▸ "  # marks a portfolio's row on the roadmap's axis


def roadmap_chart(road: portfolio.Roadmap, today: date) -> alt.TopLevelMixin:
    """Draw one chart: portfolio header rows, then a bar per project with its baseline tick and milestones."""
    tr = common.tr
    data, order = _roadmap_data(road, today)
    y = _roadmap_y(order)
    project = alt.Tooltip("name:N", title=tr("overview.col.project"))
    colour = alt.Color(
        "status_label:N",
        scale=status_scale(),
        title=tr("status.title"),
        legend=alt.Legend(orient="top", direction="horizontal"),
    )
    bar = (
        alt.Chart()
        .mark_bar(height=15, cornerRadius=3)
        .encode(
            y=y,
            x=_roadmap_x(data),
            x2="forecast_end:T",
            color=colour,
            tooltip=[
                project,
                _tip("code", "overview.col.code"),
                _tip("status_label", "status.title"),
                _tip("start_text", "field.projects.start_date"),
                _tip("end_text", "field.projects.forecast_end"),
                _tip("baseline_text", "field.projects.baseline_end"),
                _tip("slip_text", "overview.tip.end_slip"),
                _tip("percent_text", "overview.col.percent"),
                _tip("manager", "sidebar.manager"),
            ],
        )
        .transform_filter("datum.kind == 'bar'")
    )
    baseline = (
        alt.Chart()
        .mark_tick(thickness=3, size=22, color="#212121")
        .encode(
            y=y,
            x="baseline_end:T",
            tooltip=[
                project,
                _tip("baseline_text", "field.projects.baseline_end"),
                _tip("end_text", "field.projects.forecast_end"),
                _tip("slip_text", "overview.tip.end_slip"),
            ],
        )
        .transform_filter("datum.kind == 'bar' && isValid(datum.baseline_end)")
    )
    milestone = (
        alt.Chart()
        .mark_point(
            shape="diamond", filled=True, size=80, color="#212121", stroke="white", strokeWidth=1, opacity=1
        )
        .encode(
            y=y,
            x="date:T",
            tooltip=[
                project,
                _tip("milestone", "overview.col.milestone"),
                _tip("date_text", "overview.col.date"),
                _tip("milestone_baseline", "overview.col.baseline"),
                _tip("milestone_slip", "overview.col.slip"),
                _tip("state", "overview.col.state"),
            ],
        )
        .transform_filter("datum.kind == 'milestone'")
    )
    rule = (
        alt.Chart()
        .mark_rule(color=NEUTRAL, strokeDash=[6, 4], size=2)
        .encode(
            x="date:T",
            tooltip=[_tip("today", "overview.roadmap.today")],
        )
        .transform_filter("datum.kind == 'today'")
    )
    late = int((_end_slips(road.bars) > 0).sum())
    title = alt.Title(
        tr("overview.roadmap.title", late=late, n=road.shown),
        subtitle=tr("overview.roadmap.subtitle", today=day(today)),
    )
    return styled(
        alt.layer(bar, baseline, milestone, rule, data=data).properties(height=alt.Step(24), title=title)
    )


def _tip(field: str, key: str) -> alt.Tooltip:
    return alt.Tooltip(f"{field}:N", title=common.tr(key))


def _roadmap_data(road: portfolio.Roadmap, today: date) -> tuple[pd.DataFrame, list[str]]:
    """Return one frame for every layer (bars, milestones, today's line) and the rows' order with headers."""
    tr = common.tr
    days = lambda n: tr("overview.days", n=formatting.number(n, LANG))  # noqa: E731
    bars = road.bars.assign(
        kind="bar",
        status_label=road.bars["status"].map(status_label),
        start_text=road.bars["start_date"].map(day),
        end_text=road.bars["forecast_end"].map(day),
        baseline_text=road.bars["baseline_end"].map(day),
        slip_text=_end_slips(road.bars).map(days),
        percent_text=road.bars["percent_complete"].map(lambda v: formatting.percent(v, LANG)),
    )
    points = road.milestones.assign(
        kind="milestone",
        date_text=road.milestones["date"].map(day),
        milestone_baseline=road.milestones["baseline_date"].map(day),
        state=road.milestones["done"].map(lambda d: tr(f"overview.milestone.{'done' if d else 'planned'}")),
        milestone_slip=road.milestones["slip_days"].map(days),
    )
    marker = pd.DataFrame({"kind": ["today"], "date": [pd.Timestamp(today)], "today": [day(today)]})
    data = pd.concat([bars, points, marker], ignore_index=True)
    for column in ("start_date", "forecast_end", "baseline_end", "date"):
        data[column] = pd.to_datetime(data[column])
    order = []
    for name, group in bars.groupby("portfolio", sort=True):
        order += [HEADER + (name or tr("overview.rollup.no_portfolio")), *group["label"]]
    return data.drop(
        columns=[
            "status",
            "percent_complete",
            "next_milestone",
            "next_milestone_slip",
            "done",
            "baseline_date",
            "slip_days",
        ],
        errors="ignore",
    ), order


def _roadmap_y(order: list[str]) -> alt.Y:
    """Return the rows' axis: project names, with each portfolio's header row bold in the theme's colour."""
    header = f"indexof(datum.value, '{HEADER}') == 0"
    return alt.Y(
        "label:N",
        title=None,
        scale=alt.Scale(domain=order),
        axis=alt.Axis(
            labelLimit=320,
            ticks=False,
            domain=False,
            labelFontSize={"condition": {"test": header, "value": TITLE_PX + 1}, "value": LABEL_PX},
            labelFontWeight={"condition": {"test": header, "value": "bold"}, "value": "normal"},
            labelColor={"condition": {"test": header, "value": NEUTRAL}, "value": "#31333F"},
        ),
    )


def _roadmap_x(data: pd.DataFrame) -> alt.X:
    """Return the time axis on top, a tick every one, three or six months depending on the span."""
    first = data[["start_date", "date"]].min().min()
    last = data[["forecast_end", "date"]].max().max()
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 6 if months > 36 else 3 if months > 15 else 1
    return alt.X(
        "start_date:T",
        axis=month_axis(
            common.tr("overview.roadmap.x"),
            orient="top",
            labelAngle=0,
            tickCount={"interval": "month", "step": step},
        ),
    )


def _end_slips(bars: pd.DataFrame) -> pd.Series:
    return (pd.to_datetime(bars["forecast_end"]) - pd.to_datetime(bars["baseline_end"])).dt.days


# --- Value and risk bubbles ---------------------------------------------------------------------------


def bubble_section(f: Filters) -> None:
    """Place each project by value (priority score) and open risk, sized by budget, coloured by status."""
    st.subheader(common.tr("overview.bubble.heading"))
    models = priorities.list_models(CON)
    if not models:
        st.info(common.tr("overview.bubble.no_model"))
        return
    model = st.selectbox(
        common.tr("overview.bubble.model"),
        models,
        format_func=lambda m: m.label(LANG),
        key=f"overview_model_{LANG}",
        help=common.tr("overview.bubble.model.help"),
    )
    result = bubbles(VERSION, f, model)
    if result.points.empty:
        st.info(common.tr("overview.bubble.empty"))
        return
    if result.shown < result.total:
        st.caption(
            common.tr(
                "overview.bubble.limited", shown=result.shown, total=formatting.number(result.total, LANG)
            )
        )
    common.chart(bubble_chart(result.points), width="stretch")
    st.caption(common.tr("projector.bubble.named", n=min(BUBBLE_NAMED, len(result.points))))


def bubble_chart(points: pd.DataFrame) -> alt.TopLevelMixin:
    tr = common.tr
    data = points.assign(
        status_label=points["status"].map(status_label),
        budget_text=points["bac"].map(money),
        value_text=points["value_score"].map(lambda v: formatting.number(v, LANG)),
    )
    value_median, risk_median = data["value_score"].median(), data["risk_exposure"].median()
    worry = int(((data["value_score"] < value_median) & (data["risk_exposure"] > risk_median)).sum())
    circles = (
        alt.Chart(data)
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("risk_exposure:Q", title=tr("overview.bubble.x"), axis=alt.Axis(format="d")),
            y=alt.Y("value_score:Q", title=tr("overview.bubble.y"), scale=alt.Scale(domain=[0, 100])),
            size=alt.Size(
                "bac:Q",
                title=tr("overview.bubble.size", unit=formatting.currency_symbol(SETTINGS["currency"])),
                scale=alt.Scale(range=list(BUBBLE_AREA)),
                legend=None,
            ),
            color=alt.Color(
                "status_label:N",
                scale=status_scale(),
                title=tr("status.title"),
                legend=alt.Legend(orient="top", direction="horizontal"),
            ),
            tooltip=[
                alt.Tooltip("name:N", title=tr("overview.col.project")),
                alt.Tooltip("code:N", title=tr("overview.col.code")),
                alt.Tooltip("status_label:N", title=tr("status.title")),
                alt.Tooltip("value_text:N", title=tr("overview.bubble.y")),
                alt.Tooltip("risk_exposure:Q", title=tr("overview.bubble.x")),
                alt.Tooltip("open_risks:Q", title=tr("overview.tip.open_risks")),
                alt.Tooltip("critical_risks:Q", title=tr("overview.col.critical")),
                alt.Tooltip("budget_text:N", title=tr("overview.kpi.bac")),
            ],
        )
    )
    guides = pd.DataFrame({"value": [value_median], "risk": [risk_median]})
    value_rule = (
        alt.Chart(guides)
        .mark_rule(strokeDash=[4, 4], color="#757575")
        .encode(
            y="value:Q",
            tooltip=[alt.Tooltip("value:Q", title=tr("overview.bubble.median_value"), format=".0f")],
        )
    )
    risk_rule = (
        alt.Chart(guides)
        .mark_rule(strokeDash=[4, 4], color="#757575")
        .encode(
            x="risk:Q", tooltip=[alt.Tooltip("risk:Q", title=tr("overview.bubble.median_risk"), format=".0f")]
        )
    )
    title = alt.Title(tr("overview.bubble.title", n=worry), subtitle=tr("overview.bubble.subtitle"))
    return styled(
        alt.layer(value_rule, risk_rule, circles, *bubble_names(data)).properties(
            height=BUBBLE_PX, title=title
        )
    )


def bubble_names(data: pd.DataFrame) -> list[alt.Chart]:
    """Name the largest budgets beside their bubble where the name overlaps no other, a white halo under it."""
    named = data.nlargest(BUBBLE_NAMED, "bac").assign(label=lambda d: portfolio.short_labels(d, 24))
    frame = labels.Frame(*BUBBLE_PLOT, max(float(data["risk_exposure"].max()) * 1.05, 1), 100)
    radius = labels.circle_radius(BUBBLE_AREA[1])
    named["place"] = labels.place_labels(
        named.rename(columns={"risk_exposure": "x", "value_score": "y"}), frame, radius
    )
    layers = []
    for place, group in named.dropna(subset=["place"]).groupby("place"):
        words = alt.Chart(group).encode(x="risk_exposure:Q", y="value_score:Q", text="label:N")
        options = {**labels.offset(place, radius), "fontSize": LABEL_PX, "fontWeight": "bold"}
        layers += [
            words.mark_text(**options, stroke="white", strokeWidth=4, strokeJoin="round"),
            words.mark_text(**options, color="#212121"),
        ]
    return layers


# --- Status trend ------------------------------------------------------------------------------------


def trend_section(trend: pd.DataFrame) -> None:
    st.subheader(common.tr("overview.trend.heading"))
    if trend.empty:
        st.info(common.tr("overview.trend.empty"))
        return
    common.chart(trend_chart(trend), width="stretch")


def trend_chart(trend: pd.DataFrame) -> alt.TopLevelMixin:
    tr = common.tr
    data = trend.assign(
        status_label=trend["status"].map(status_label),
        when=trend["as_of"].map(day),
        order=trend["status"].map({s: i for i, s in enumerate(STATUS_ORDER)}),
    )
    totals = data.groupby("when", sort=False)["n_projects"].transform("sum")
    data["share"] = (data["n_projects"] / totals).map(lambda v: formatting.percent(v, LANG))
    data["fraction"] = data["n_projects"] / totals
    dates = data["when"].drop_duplicates().tolist()
    red = data[data["status"] == "red"].set_index("when")["n_projects"]
    first, last = int(red.get(dates[0], 0)), int(red.get(dates[-1], 0))
    title = (
        tr("overview.trend.title", first=first, last=last, start=dates[0], end=dates[-1])
        if len(dates) > 1
        else tr("overview.trend.title_one", n=last, end=dates[-1])
    )
    base = alt.Chart(data).encode(
        x=alt.X("when:N", sort=dates, title=tr("overview.trend.x"), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("n_projects:Q", stack="zero", title=tr("overview.trend.y"), axis=alt.Axis(format="d")),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(size=min(90, 700 // max(len(dates), 1))).encode(
        color=alt.Color(
            "status_label:N",
            scale=status_scale(),
            title=tr("status.title"),
            legend=alt.Legend(orient="top", direction="horizontal"),
            sort=[status_label(s) for s in STATUS_ORDER],
        ),
        tooltip=[
            alt.Tooltip("when:N", title=tr("overview.trend.x")),
            alt.Tooltip("status_label:N", title=tr("status.title")),
            alt.Tooltip("n_projects:Q", title=tr("overview.trend.y")),
            alt.Tooltip("share:N", title=tr("overview.tip.share")),
        ],
    )
    labels = (
        base.mark_text(dy=0, fontSize=LABEL_PX, fontWeight="bold", baseline="middle")
        .encode(
            text="n_projects:Q",
            y=alt.Y("n_projects:Q", stack="zero", bandPosition=0.5),
            color=alt.condition(
                "datum.status == 'amber' || datum.status == 'grey'", alt.value("#212121"), alt.value("white")
            ),
        )
        .transform_filter("datum.fraction >= 0.06")
    )  # a count on a thin slice would overflow it
    return styled(
        alt.layer(bars, labels).properties(
            height=360,
            title=alt.Title(
                title, subtitle=tr("overview.trend.subtitle", days=SETTINGS["reporting_period_days"])
            ),
        )
    )


# --- The page ----------------------------------------------------------------------------------------


def main() -> None:
    f = common.filters()
    context = portfolio.reporting(CON, f)
    if context.reference is None:
        common.heading(common.tr("nav.overview"))
        common.empty_store_notice()
        return
    common.heading(common.tr("overview.title", date=formatting.long_day(context.reference, LANG)))
    table = project_table(VERSION, f)
    if table.empty:
        st.info(common.tr("empty.selection"))
        return
    previous = portfolio.previous_filters(f, context)
    method = SETTINGS["eac_method"]
    before = snapshot_figures(VERSION, previous, method) if previous else None
    headline_section(portfolio.headline(table, before, method), context)
    table_section(table)
    people_section(f)
    changes_section(f, context)
    rollup_section(roll_up(VERSION, f, SETTINGS["eac_method"]))
    roadmap_section(table, context, f)
    bubble_section(f)
    trend_section(status_trend(VERSION, f))


main()
