"""Overview page: where the portfolio stands, what changed since the last committee's snapshot, what is late.

The first screen a PMO puts on the projector at 1280x720: headline figures with their change, the projects
needing a decision with their manager's comment, the budget burn and the top risks. Below it: the open
actions, the project table (worst first, a row opens the project page), what changed, the roll-up, the
roadmap, the value/risk bubbles and the status trend. What each part shows is read and worded once for
every session by pages/ui/overview_views.py; this script lays it out.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common, governance
from pages.ui import overview_views as views
from pages.ui.common import day, day_format, money, status_label
from pmo_core import capacity, committee, exports, formatting, portfolio, priorities
from pmo_core.charts import portfolio as charts
from pmo_core.filters import Filters
from pmo_core.palette import STATUS_COLOURS, STATUS_EMOJI

TABLE_ROUND = "overview_table_round"  # bumped on leaving, so a selected row does not reopen the project

LANG = common.lang()
CON = common.cursor()
VERSION = common.changes_version()  # with the committees' log: a new committee moves where changes start
SETTINGS = common.current_settings()
KILO = common.tr("overview.unit.kilo", unit=formatting.currency_symbol(SETTINGS["currency"]))


# --- Words and numbers -----------------------------------------------------------------------------


# CPI and SPI stay numbers in the tables (they sort as numbers) and are written so their figure agrees
# with their colour; amounts in thousands are written whole, rounded halves away from zero.
INDEX_FORMATS = {"cpi": common.index_text, "spi": common.index_text}


# --- Headline figures ------------------------------------------------------------------------------


HEADLINE = (  # one row a projector shows whole at 1280 px beside the sidebar: (figure, writer, delta colour)
    ("projects", "count", "off"),
    ("red", "count", "inverse"),
    ("grey", "count", "inverse"),
    ("critical_risks", "count", "inverse"),
    ("late_projects", "count", "inverse"),
)


def headline_section(h: portfolio.Headline) -> None:
    """Show the headline figures in one row of cards, each with its change since the last committee's snapshot.

    The cards carry no help mark (it would cut their label at 1280 px): the heading's caption holds the
    definitions, and says since when.
    """
    with st.container(key="headline"):
        for column, (name, writer, colour) in zip(
            st.columns(len(HEADLINE), gap="small"), HEADLINE, strict=True
        ):
            title = (
                f"{STATUS_EMOJI[name]} {status_label(name)}"
                if name in STATUS_COLOURS
                else common.tr(f"overview.kpi.{name}")
            )
            figure, write = getattr(h, name), globals()[writer]
            column.metric(
                title,
                write(figure.value),
                **common.change(figure.delta, write(figure.delta), colour),
                border=True,
            )


# --- The first screen: what the committee must decide, the top risks, the budget burn ----------------


def first_screen(f: Filters, h: portfolio.Headline) -> None:
    """Put under the cards what a committee acts on: the budget burn on one line, then the projects needing a
    decision beside the top risks; all of it in view at 1280x720."""
    burn_section(h)
    with st.container(key="first_screen"):
        left, right = st.columns([3, 2], gap="medium")
        with left:
            decision_section(f)
        with right:
            risk_section(f)


def decision_section(f: Filters) -> None:
    st.subheader(common.tr("committee.overview.needed"), anchor=False)
    frame, more = views.decision_table(VERSION, f, SETTINGS["overrun_alert_pct"], LANG)
    if frame.empty:
        st.info(common.tr("committee.needed.none"))
        return
    first_table(frame, "overview_needed")
    if more > 0:
        st.caption(common.tr("committee.more_projects", n=formatting.number(more, LANG)))


def risk_section(f: Filters) -> None:
    st.subheader(common.tr("committee.overview.top_risks"), anchor=False)
    frame = views.top_risk_table(VERSION, f, LANG)
    if frame.empty:
        st.info(common.tr("committee.overview.no_risk"))
        return
    first_table(frame, "overview_top_risks")


def first_table(frame: pd.DataFrame, key: str) -> None:
    """Draw a table of the first screen whole: a static table wraps its text in the columns the screen has
    (projector.css sizes them), where a data grid would cut a comment at its column's edge."""
    with st.container(key=key):
        st.table(frame, hide_index=True)


def burn_section(h: portfolio.Headline) -> None:
    """Show on one line how much of the budget is spent, and where the forecast lands against it (not to whom
    costs are hidden); its title leads the line rather than taking a row of its own."""
    if common.costs_hidden():
        return
    spent, bac = h.ac.value, h.bac.value
    share = spent / bac if spent is not None and bac else None
    words = common.tr(
        "committee.overview.burn.text",
        spent=short_money(spent),
        budget=short_money(bac),
        share=formatting.percent(share, LANG),
        eac=short_money(h.eac.value),
        vac=short_money(h.vac.value),
    )
    with st.container(key="overview_burn"):
        st.progress(
            min(max(share or 0.0, 0.0), 1.0), text=f"**{common.tr('committee.overview.burn')}** · {words}"
        )


# --- Open and overdue actions ---------------------------------------------------------------------------


def actions_section(f: Filters) -> None:
    """List the committee's open actions, overdue first, for the projects of the selection and the portfolio."""
    st.subheader(common.tr("committee.overview.actions"))
    today = date.today()
    frame, found, overdue = views.open_actions(VERSION, f, today, LANG)
    if not found:
        st.info(common.tr("committee.overview.no_actions"))
        return
    st.caption(common.tr("committee.actions.subtitle", n=found, overdue=overdue, date=day(today)))
    common.table(
        frame,
        hide_index=True,
        column_config={
            "overdue": common.tr("committee.col.overdue"),
            "title": st.column_config.TextColumn(common.tr("committee.col.action"), width="large"),
            "owner": common.tr("committee.col.owner"),
            "due_date": st.column_config.DateColumn(common.tr("committee.col.due"), format=day_format()),
            "status": common.tr("committee.col.status"),
            "project_code": common.tr("overview.col.project"),
            "decision": common.tr("committee.col.decision"),
        },
        key="overview_actions",
    )
    more = found - views.ACTION_ROWS
    if more > 0:
        st.caption(common.tr("committee.more_actions", n=formatting.number(more, LANG)))


def count(value: float | None) -> str:
    return formatting.number(value, LANG)


def short_money(value: float | None) -> str:
    return money(value, short=True)


# --- Project table ---------------------------------------------------------------------------------


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
        for column, width in views.COMPACT_COLUMNS.items():
            config[column] = {**config[column], "width": width}
    return config


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


@common.fragment(key="overview_table")  # "all columns" and a project picked rerun the table alone
def table_section(table: pd.DataFrame) -> None:
    """Show the project table, worst first; choosing a row or a project opens its page."""
    st.subheader(common.tr("overview.table.title", n=formatting.number(len(table), LANG)))
    st.caption(common.tr("overview.table.caption", days=SETTINGS["reporting_period_days"]))
    round_ = st.session_state.get(TABLE_ROUND, 0)
    shown = table.head(views.TABLE_LIMIT)
    version, f = VERSION, common.filters()
    if len(table) > views.TABLE_LIMIT:
        st.caption(
            common.tr(
                "overview.table.limited",
                shown=formatting.number(views.TABLE_LIMIT, LANG),
                total=formatting.number(len(table), LANG),
            )
        )
    every = st.toggle(
        common.tr("projector.all_columns"),
        key="overview_all_columns",
        help=common.tr("projector.all_columns.help"),
    )
    event = common.table(
        views.shown_table(version, f, LANG, every),
        hide_index=True,
        column_config=table_config(every),
        column_order=None if every else list(views.COMPACT_COLUMNS),
        formats=INDEX_FORMATS,
        on_select="rerun",
        selection_mode="single-row",
        key=f"overview_table_{round_}",
        height=560,
        row_height=35,
    )
    if event.selection.rows:
        open_project(shown.iloc[event.selection.rows[0]]["code"])
    names = views.project_names(version, f)
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        common.tr("overview.open_project"),
        list(names),
        index=None,
        format_func=names.__getitem__,
        key=f"overview_pick_{round_}",
        placeholder=common.tr("overview.open_project.placeholder"),
    )
    if chosen:
        open_project(chosen)
    whole = views.shared_project_table(version, f)  # one object for all sessions, not a copy each
    right.download_button(
        common.tr("download.excel"),
        lambda: excel_bytes(whole),  # written on click only: 10,000 rows take seconds
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


ALERTS_SHOWN = 5  # the Capacity page has them all
ALERT_MARKS = {"overload": "🔴", "no_capacity": "⚠️", "after_end": "⚠️"}


def people_section(f: Filters) -> None:
    """Say which teams run over capacity for months, which teams are asked for with no capacity at all, and
    which projects ask for people after their end; nothing when the store holds no team capacity."""
    alerts = views.capacity_alerts(VERSION, f)
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


@common.fragment(
    key="overview_changes"
)  # a tab opened or another snapshot compared with redraws this part alone
def changes_section(f: Filters, s: committee.Scope) -> None:
    """Compare the state viewed with any earlier snapshot: statuses, projects, budgets, slips, critical risks.

    Only the open tab's table is drawn: the tabs' titles give every count, and a tab opened reruns this part.
    """
    st.subheader(common.tr("overview.changes.title"))
    earlier = views.earlier_snapshots(VERSION, f)
    if not earlier:
        st.info(common.tr("overview.changes.none"))
        return
    since = st.selectbox(
        common.tr("overview.changes.since"),
        earlier,
        index=earlier.index(s.since) if s.since in earlier else 0,  # the last committee's snapshot
        format_func=day,
        key=f"overview_since_{LANG}",
    )
    threshold = SETTINGS["budget_change_threshold_pct"]
    counts = {key: len(views.what_changed(VERSION, key, f, since, threshold)) for key in views.CHANGES}
    tabs = st.tabs(
        [f"{common.tr(f'overview.changes.{k}')} ({n})" for k, n in counts.items()],
        key=f"overview_changes_tab_{LANG}",
        on_change="rerun",
    )
    for tab, (key, n) in zip(tabs, counts.items(), strict=True):
        if not tab.open:
            continue
        with tab:
            if not n:
                st.info(
                    common.tr(f"overview.changes.{key}.empty", date=day(since), threshold=f"{threshold:g}")
                )
            else:
                shown, config = views.shown_changes(VERSION, key, f, since, threshold, LANG)
                common.table(
                    shown,
                    hide_index=True,
                    column_config=config,
                    height=420,
                )


# --- Roll-up ---------------------------------------------------------------------------------------


def rollup_section(f: Filters) -> None:
    """Show the totals and worst status of each portfolio and programme."""
    st.subheader(common.tr("overview.rollup.title"))
    st.caption(common.tr("overview.rollup.caption"))
    shown, config = views.rollup_table(VERSION, f, SETTINGS["eac_method"], LANG)
    common.table(shown, hide_index=True, column_config=config, height=760, formats=INDEX_FORMATS)


# --- Roadmap ---------------------------------------------------------------------------------------


@common.fragment(key="overview_roadmap")  # "every project" redraws the roadmap alone
def roadmap_section(table: pd.DataFrame, context: portfolio.Reporting, f: Filters) -> None:
    """Draw a bar per project from start to forecast end, its baseline end, its milestones and today: the
    red and amber projects, or every project when asked."""
    st.subheader(common.tr("overview.roadmap.heading"))
    every = st.toggle(
        common.tr("projector.roadmap.all"),
        key="overview_roadmap_all",
        help=common.tr("projector.roadmap.all.help"),
    )
    road = views.roadmap(VERSION, f, None if every else portfolio.TROUBLED)
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
    common.chart(
        charts.roadmap_chart, road, today, LANG, inputs_key=(VERSION, f, every, today), width="stretch"
    )


# --- Value and risk bubbles ---------------------------------------------------------------------------


@common.fragment(key="overview_bubbles")  # the scoring model picked redraws the bubbles alone
def bubble_section(f: Filters) -> None:
    """Place each project by value (priority score) and open risk, sized by budget, coloured by status."""
    st.subheader(common.tr("overview.bubble.heading"))
    models = views.scoring_models(VERSION, priorities.state_version(CON))
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
    result = views.bubbles(VERSION, f, model)
    if result.points.empty:
        st.info(common.tr("overview.bubble.empty"))
        return
    if result.shown < result.total:
        st.caption(
            common.tr(
                "overview.bubble.limited", shown=result.shown, total=formatting.number(result.total, LANG)
            )
        )
    common.chart(
        charts.bubble_chart,
        result.points,
        LANG,
        SETTINGS["currency"],
        inputs_key=(VERSION, f, model, SETTINGS["currency"]),
        width="stretch",
    )
    st.caption(common.tr("projector.bubble.named", n=min(charts.BUBBLE_NAMED, len(result.points))))


# --- Status trend ------------------------------------------------------------------------------------


def trend_section(f: Filters) -> None:
    st.subheader(common.tr("overview.trend.heading"))
    trend = views.status_trend(VERSION, f)
    if trend.empty:
        st.info(common.tr("overview.trend.empty"))
        return
    period = SETTINGS["reporting_period_days"]
    common.chart(charts.trend_chart, trend, period, LANG, inputs_key=(VERSION, f, period), width="stretch")


# --- The page ----------------------------------------------------------------------------------------


def main() -> None:
    f = common.filters()
    context = views.reporting(VERSION, f)
    if context.reference is None:
        common.heading(common.tr("nav.overview"))
        common.empty_store_notice()
        return
    s = common.committee_scope(VERSION, f)
    common.heading(
        common.tr("overview.title", date=formatting.long_day(context.reference, LANG)),
        since=committee.since_text(s, LANG) if s.since else None,
        definitions=common.tr("committee.overview.definitions", days=SETTINGS["reporting_period_days"]),
    )
    table = views.shared_project_table(VERSION, f)  # read only: one object for every session
    if table.empty:
        st.info(common.tr("empty.selection"))
        return
    since = Filters(f.portfolios, f.programmes, f.managers, s.since) if s.since else None
    h = views.headline(VERSION, f, since, SETTINGS["eac_method"])
    headline_section(h)
    first_screen(f, h)
    governance.quality_panel(f, VERSION)  # under the first screen: how well the trackers follow the rules
    actions_section(f)
    table_section(table)
    people_section(f)
    changes_section(f, s)
    rollup_section(f)
    roadmap_section(table, context, f)
    bubble_section(f)
    trend_section(f)


main()
