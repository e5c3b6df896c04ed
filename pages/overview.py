"""Overview page: where the portfolio stands, what changed since the last committee's snapshot, what is late.

The first screen a PMO puts on the projector at 1280x720: headline figures with their change, the projects
needing a decision with their manager's comment, the budget burn and the top risks. Below it: the open
actions, the project table (worst first, a row opens the project page), what changed, the roll-up, the
roadmap, the value/risk bubbles and the status trend.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common, governance
from pages.ui.common import day, day_format, money, status_label
from pmo_core import capacity, changes, committee, exports, formatting, meetings, portfolio, priorities, risks
from pmo_core.charts import portfolio as charts
from pmo_core.filters import Filters
from pmo_core.palette import BAND_EMOJI, STATUS_COLOURS, STATUS_EMOJI, STATUS_ORDER
from pmo_core.vocabulary import label

ARROWS = {"better": " ↑", "worse": " ↓", "same": " →", "new": " ✱", "unknown": ""}
TABLE_LIMIT = 1000  # rows drawn, worst first; the picker and the Excel download hold every project
TABLE_ROUND = "overview_table_round"  # bumped on leaving, so a selected row does not reopen the project
FIRST_ROWS = 5  # rows of the first screen's tables: with the cards, they fit a projector's 1280x720
COMMENT_CHARS = (
    70  # a manager's comment on the first screen, two lines at 1280 px; the project page has it whole
)
RISK_CHARS = 70  # a risk's title beside its score in the narrow column
ACTION_ROWS = 10

LANG = common.lang()
CON = common.cursor()
VERSION = common.changes_version()  # with the committees' log: a new committee moves where changes start
SETTINGS = common.current_settings()
KILO = common.tr("overview.unit.kilo", unit=formatting.currency_symbol(SETTINGS["currency"]))


# --- Cached queries: one per picture, refreshed when the store's content changes ---------------------


# What every session draws alike (the tables as shown, in a language), built once and shared read only: a
# st.cache_data result is a copy unpickled for each session, a cost of every run.
shared = st.cache_resource(show_spinner=False, max_entries=32, ttl=3600)


@st.cache_data(show_spinner=False, max_entries=32)
def reporting(version: tuple, f: Filters) -> portfolio.Reporting:
    return portfolio.reporting(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=32)
def project_table(version: tuple, f: Filters) -> pd.DataFrame:
    """Return the project table, its trends since the snapshot the last committee reviewed."""
    return committee.project_table(common.cursor(), common.committee_scope(version, f))


@st.cache_data(show_spinner=False, max_entries=32)
def needing_decision(version: tuple, f: Filters, threshold: float) -> pd.DataFrame:
    return committee.needing_decision(
        common.cursor(), common.committee_scope(version, f), project_table(version, f), threshold
    )


@st.cache_data(show_spinner=False, max_entries=32)
def top_risks(version: tuple, f: Filters) -> pd.DataFrame:
    return risks.top_risks(common.cursor(), f, risks.RiskFilter(), "score", FIRST_ROWS)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=3600)
def shared_project_table(version: tuple, f: Filters) -> pd.DataFrame:
    """Return the project table as one object every session shares, read only: a download waiting for its
    click holds it (Streamlit keeps a closed session two minutes), so twenty sessions do not hold twenty."""
    return project_table(version, f)


@st.cache_data(show_spinner=False, max_entries=32)
def snapshot_figures(version: tuple, f: Filters, method: str) -> dict:
    return portfolio.snapshot_figures(common.cursor(), f, method)


@st.cache_data(show_spinner=False, max_entries=32)
def headline(version: tuple, f: Filters, since: Filters | None, method: str) -> portfolio.Headline:
    """Return the headline figures and their changes since the snapshot `since` names (None: no change)."""
    before = snapshot_figures(version, since, method) if since else None
    return portfolio.headline(project_table(version, f), before, method)


@st.cache_data(show_spinner=False, max_entries=32)
def roll_up(version: tuple, f: Filters, method: str) -> pd.DataFrame:
    return portfolio.roll_up(project_table(version, f), method)


@st.cache_data(show_spinner=False, max_entries=32)
def roadmap(version: tuple, f: Filters, statuses: tuple[str, ...] | None) -> portfolio.Roadmap:
    return portfolio.roadmap(common.cursor(), f, project_table(version, f), statuses=statuses)


@st.cache_data(show_spinner=False, max_entries=32)
def scoring_models(version: tuple, state: tuple) -> list[priorities.ScoringModel]:
    """Return the saved scoring models, read again once the Prioritisation page edits one (`state`)."""
    return priorities.list_models(common.cursor())


@st.cache_data(show_spinner=False, max_entries=32)
def bubbles(version: tuple, f: Filters, model: priorities.ScoringModel) -> portfolio.Bubbles:
    return portfolio.bubbles(project_table(version, f), model)


@st.cache_data(show_spinner=False, max_entries=32)
def status_trend(version: tuple, f: Filters) -> pd.DataFrame:
    return portfolio.status_trend(common.cursor(), f)


# What changed since a snapshot, by tab: the pmo_core function listing it.
CHANGES = {
    "status": changes.status_changes,
    "moves": changes.project_moves,
    "budget": changes.budget_changes,
    "slips": changes.milestone_slips,
    "risks": changes.new_critical_risks,
}


@st.cache_data(show_spinner=False, max_entries=32)
def earlier_snapshots(version: tuple, f: Filters) -> list[date]:
    return changes.earlier_snapshots(common.cursor(), f)


@shared
def what_changed(version: tuple, key: str, f: Filters, since: date, threshold: float) -> pd.DataFrame:
    """Return what changed since a snapshot for one tab (budgets: changes beyond `threshold` percent)."""
    extra = (threshold,) if key == "budget" else ()
    return CHANGES[key](common.cursor(), f, since, *extra)


@shared
def shown_changes(
    version: tuple, key: str, f: Filters, since: date, threshold: float, lang: str
) -> tuple[pd.DataFrame, dict]:
    """Return one tab's changes as shown in a language, and its columns."""
    views = {"status": _status_changes, "moves": _moves, "budget": _budgets, "slips": _slips, "risks": _risks}
    return views[key](what_changed(version, key, f, since, threshold))


# --- Words and numbers -----------------------------------------------------------------------------


def status_text(code: str | None) -> str:
    return common.status_chip(code or "grey")


def kilo(values: pd.Series) -> pd.Series:
    """Return amounts in thousands for table columns headed with the unit (written whole by the table)."""
    return pd.to_numeric(values, errors="coerce") / 1000


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
    frame, more = decision_table(VERSION, f, SETTINGS["overrun_alert_pct"], LANG)
    if frame.empty:
        st.info(common.tr("committee.needed.none"))
        return
    first_table(frame, "overview_needed")
    if more > 0:
        st.caption(common.tr("committee.more_projects", n=formatting.number(more, LANG)))


@shared
def decision_table(version: tuple, f: Filters, threshold: float, lang: str) -> tuple[pd.DataFrame, int]:
    """Return the first projects needing a decision as shown (why, the manager's comment) and how many more."""
    found = needing_decision(version, f, threshold)
    if found.empty:
        return pd.DataFrame(), 0
    shown = found.head(FIRST_ROWS)
    why = [
        " · ".join(
            [status_text(row["status"]) + ARROWS[row["status_trend"]]]
            + [
                committee.reason_text((r,), row, lang)
                for r in row["reasons"]
                if r not in ("red", "newly_red")
            ]
        )
        for _, row in shown.iterrows()
    ]
    links = common.project_links(shown["code"])
    frame = pd.DataFrame(
        {
            common.tr("overview.col.code"): [
                f"[{common.plain(c)}]({link})" for c, link in zip(shown["code"], links, strict=True)
            ],
            common.tr("committee.col.why"): why,
            common.tr("committee.col.comment"): shown["comment"]
            .fillna("")
            .map(lambda c: common.plain(committee.short_comment(c, COMMENT_CHARS))),
        }
    )
    return frame, len(found) - FIRST_ROWS


def risk_section(f: Filters) -> None:
    st.subheader(common.tr("committee.overview.top_risks"), anchor=False)
    frame = top_risk_table(VERSION, f, LANG)
    if frame.empty:
        st.info(common.tr("committee.overview.no_risk"))
        return
    first_table(frame, "overview_top_risks")


@shared
def top_risk_table(version: tuple, f: Filters, lang: str) -> pd.DataFrame:
    """Return the top risks as shown: the score with its band's mark, the risk and its project."""
    top = top_risks(version, f)
    if top.empty:
        return pd.DataFrame()
    risk = top["title"].map(lambda t: committee.short_comment(t, RISK_CHARS))
    project = top["project_name"].fillna(top["project_code"])
    return pd.DataFrame(
        {
            common.tr("committee.col.score"): [
                f"{BAND_EMOJI.get(b, '')}\u00a0{s}" for b, s in zip(top["band"], top["score"], strict=True)
            ],
            common.tr("committee.col.risk"): [
                f"{common.plain(r)} ({common.plain(p)})" for r, p in zip(risk, project, strict=True)
            ],
        }
    )


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
    frame, found, overdue = open_actions(VERSION, f, today, LANG)
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
            "due": st.column_config.DateColumn(common.tr("committee.col.due"), format=day_format()),
            "status": common.tr("committee.col.status"),
            "project": common.tr("overview.col.project"),
            "decision": common.tr("committee.col.decision"),
        },
        key="overview_actions",
    )
    more = found - ACTION_ROWS
    if more > 0:
        st.caption(common.tr("committee.more_actions", n=formatting.number(more, LANG)))


@shared
def open_actions(version: tuple, f: Filters, today: date, lang: str) -> tuple[pd.DataFrame, int, int]:
    """Return the first open actions as shown, how many are open and how many are overdue (on `today`)."""
    found = meetings.action_list(common.cursor(), today, open_only=True)
    if not f.is_empty():
        codes = set(project_table(version, f)["code"])
        found = found[found["project_code"].isna() | found["project_code"].isin(codes)]
    shown = found.head(ACTION_ROWS)
    frame = pd.DataFrame(
        {
            "overdue": shown["overdue"].map(lambda o: common.tr("committee.overdue") if o is True else ""),
            "title": shown["title"],
            "owner": shown["owner"],
            "due": pd.to_datetime(shown["due_date"]),
            "status": shown["status"].map(lambda s: common.tr(f"committee.status.{s}")),
            "project": shown["project_code"].fillna(common.tr("committee.portfolio_wide")),
            "decision": shown["decision"],
        }
    )
    return frame, len(found), int(found["overdue"].sum())


def count(value: float | None) -> str:
    return formatting.number(value, LANG)


def short_money(value: float | None) -> str:
    return money(value, short=True)


# --- Project table ---------------------------------------------------------------------------------


@shared
def shown_table(version: tuple, f: Filters, lang: str, every: bool) -> pd.DataFrame:
    """Return the first TABLE_LIMIT rows of the project table as drawn in a language, for every session: every
    column, or only the compact set (the browser is sent no column it does not show)."""
    shown = display_table(shared_project_table(version, f).head(TABLE_LIMIT))
    return shown if every else shown[list(COMPACT_COLUMNS)]


@shared
def project_names(version: tuple, f: Filters) -> dict[str, str]:
    """Return each project's code and how the picker offers it ("code · name"), worst first."""
    table = shared_project_table(version, f)
    return {code: f"{code} · {name}" for code, name in zip(table["code"], table["name"], strict=True)}


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


@common.fragment(key="overview_table")  # "all columns" and a project picked rerun the table alone
def table_section(table: pd.DataFrame) -> None:
    """Show the project table, worst first; choosing a row or a project opens its page."""
    st.subheader(common.tr("overview.table.title", n=formatting.number(len(table), LANG)))
    st.caption(common.tr("overview.table.caption", days=SETTINGS["reporting_period_days"]))
    round_ = st.session_state.get(TABLE_ROUND, 0)
    shown = table.head(TABLE_LIMIT)
    version, f = VERSION, common.filters()
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
        shown_table(version, f, LANG, every),
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
    names = project_names(version, f)
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
    whole = shared_project_table(version, f)  # one object for all sessions, not a copy each
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


@common.fragment(
    key="overview_changes"
)  # a tab opened or another snapshot compared with redraws this part alone
def changes_section(f: Filters, s: committee.Scope) -> None:
    """Compare the state viewed with any earlier snapshot: statuses, projects, budgets, slips, critical risks.

    Only the open tab's table is drawn: the tabs' titles give every count, and a tab opened reruns this part.
    """
    st.subheader(common.tr("overview.changes.title"))
    earlier = earlier_snapshots(VERSION, f)
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
    counts = {key: len(what_changed(VERSION, key, f, since, threshold)) for key in CHANGES}
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
                shown, config = shown_changes(VERSION, key, f, since, threshold, LANG)
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


def rollup_section(f: Filters) -> None:
    """Show the totals and worst status of each portfolio and programme."""
    st.subheader(common.tr("overview.rollup.title"))
    st.caption(common.tr("overview.rollup.caption"))
    shown, config = rollup_table(VERSION, f, SETTINGS["eac_method"], LANG)
    common.table(shown, hide_index=True, column_config=config, height=760, formats=INDEX_FORMATS)


@shared
def rollup_table(version: tuple, f: Filters, method: str, lang: str) -> tuple[pd.DataFrame, dict]:
    """Return the roll-up as shown in a language, and its columns."""
    rollup = roll_up(version, f, method)
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
    return shown, config


def _group_name(row: pd.Series) -> str:
    if row["level"] == "total":
        return common.tr("overview.rollup.total")
    if row["level"] == "portfolio":
        return "▸ " + (row["portfolio"] or common.tr("overview.rollup.no_portfolio"))
    return "      ↳ " + (row["programme"] or common.tr("overview.rollup.no_programme"))


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
    common.chart(charts.roadmap_chart, road, today, LANG, width="stretch")


# --- Value and risk bubbles ---------------------------------------------------------------------------


@common.fragment(key="overview_bubbles")  # the scoring model picked redraws the bubbles alone
def bubble_section(f: Filters) -> None:
    """Place each project by value (priority score) and open risk, sized by budget, coloured by status."""
    st.subheader(common.tr("overview.bubble.heading"))
    models = scoring_models(VERSION, priorities.state_version(CON))
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
    common.chart(charts.bubble_chart, result.points, LANG, SETTINGS["currency"], width="stretch")
    st.caption(common.tr("projector.bubble.named", n=min(charts.BUBBLE_NAMED, len(result.points))))


# --- Status trend ------------------------------------------------------------------------------------


def trend_section(trend: pd.DataFrame) -> None:
    st.subheader(common.tr("overview.trend.heading"))
    if trend.empty:
        st.info(common.tr("overview.trend.empty"))
        return
    common.chart(charts.trend_chart, trend, SETTINGS["reporting_period_days"], LANG, width="stretch")


# --- The page ----------------------------------------------------------------------------------------


def main() -> None:
    f = common.filters()
    context = reporting(VERSION, f)
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
    table = project_table(VERSION, f)
    if table.empty:
        st.info(common.tr("empty.selection"))
        return
    since = Filters(f.portfolios, f.programmes, f.managers, s.since) if s.since else None
    h = headline(VERSION, f, since, SETTINGS["eac_method"])
    headline_section(h)
    first_screen(f, h)
    governance.quality_panel(f)  # under the first screen: how well the trackers follow the rules
    actions_section(f)
    table_section(table)
    people_section(f)
    changes_section(f, s)
    rollup_section(f)
    roadmap_section(table, context, f)
    bubble_section(f)
    trend_section(status_trend(VERSION, f))


main()
