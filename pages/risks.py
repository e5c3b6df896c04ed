"""Risks page: the 5x5 heatmap and the risks of a cell, the register, the steering committee's top risks and
movement since a snapshot, and roll-ups by project, portfolio and category."""

from __future__ import annotations

import dataclasses

import pandas as pd
import streamlit as st

from pages.ui import common, origin
from pmo_core import committee, formatting, risks, snapshots
from pmo_core.charts import risks as charts
from pmo_core.filters import Filters
from pmo_core.vocabulary import label

PROJECT_ROWS = 300  # the most exposed projects; a steering committee does not read further
MOVEMENT_ROWS = 500  # moves listed under the grid; the grid and the counts hold them all
OVERDUE_PX = 112  # "⚠ En retard" in full
OVERDUE_MARK = "⚠"  # narrow tables show the sign alone under the column title "Overdue"


# --- Cached queries: one per picture, refreshed when the store's content changes ---------------------


@st.cache_data(show_spinner=False, max_entries=512)
def _query(name: str, version: tuple, f: Filters, rf: risks.RiskFilter, *args: object) -> object:
    """Run one pmo_core.risks query for these filters and this store version."""
    return getattr(risks, name)(common.cursor(), f, rf, *args)


def query(name: str, f: Filters, rf: risks.RiskFilter, *args: object) -> object:
    return _query(name, VERSION, f, rf, *args)


# --- Widgets that keep their value when the language changes ------------------------------------------
# A widget's labels change with the language, which Streamlit treats as a new widget; each widget therefore
# has a key per language and starts from the value it last had, kept under "_keep.<name>".


def _kept(name: str, default: object = None) -> tuple[str, object]:
    """Return a widget's key in this language and the value it last had in either language."""
    key = f"{name}.{LANG}"
    return key, st.session_state.get(key, st.session_state.get(f"_keep.{name}", default))


def _keep(name: str, value: object) -> object:
    st.session_state[f"_keep.{name}"] = value
    return value


def _multiselect(
    name: str,
    text: str,
    options: list,
    default: list | None = None,
    everything: str = "risks.filter.all",
    **kw: object,
) -> list:
    """Draw a multiselect whose empty choice reads "all" (agreed in gender in French: toutes, tous)."""
    key, start = _kept(name, default or [])
    chosen = st.multiselect(
        text,
        options,
        default=[v for v in start if v in options],
        key=key,
        placeholder=common.tr(everything),
        **kw,
    )
    return _keep(name, chosen)


def _selectbox(name: str, text: str, options: list, default: object = None, **kw: object) -> object:
    key, start = _kept(name, default)
    index = options.index(start) if start in options else (None if default is None else 0)
    if key in st.session_state:
        index = None  # the widget's own or a callback's value holds; a default beside it would be ignored
    return _keep(name, st.selectbox(text, options, index=index, key=key, **kw))


# --- Filters -------------------------------------------------------------------------------------------


def risk_filter(f: Filters) -> risks.RiskFilter:
    """Draw the page's own filters (rating, status, category, project, owner) and return them."""
    choices = _choices(VERSION, f)
    names = dict(choices.projects)
    # Two rows: five filters in one leave a projector's 1280 px too little room for the chosen statuses.
    view_col, status_col, category_col = st.columns([1, 1.5, 1.5])
    project_col, owner_col, _ = st.columns([1.5, 1.5, 1])
    with view_col:
        key, start = _kept("risk_view", "inherent")
        view = _keep(
            "risk_view",
            st.segmented_control(
                common.tr("risks.view"),
                risks.VIEWS,
                default=start,
                key=key,
                required=True,
                format_func=lambda v: common.tr(f"risks.view.{v}"),
                help=common.tr("risks.view.help"),
            ),
        )
    with status_col:
        statuses = _multiselect(
            "risk_statuses",
            common.tr("risks.filter.status"),
            list(risks.RISK_STATUSES),
            list(risks.OPEN_STATUSES),
            everything="risks.filter.all_masculine",
            format_func=lambda s: label("risk_status", s, LANG),
        )
    with category_col:
        categories = _multiselect(
            "risk_categories",
            common.tr("risks.filter.category"),
            list(choices.categories),
            format_func=lambda c: label("category", c, LANG),
        )
    with project_col:
        projects = _multiselect(
            "risk_projects",
            common.tr("risks.filter.project"),
            list(names),
            everything="risks.filter.all_masculine",
            format_func=lambda c: f"{c} · {names.get(c, '')}",
        )
    with owner_col:
        owners = _multiselect(
            "risk_owners",
            common.tr("risks.filter.owner"),
            list(choices.owners),
            everything="risks.filter.all_masculine",
        )
    return risks.RiskFilter(
        view or "inherent", tuple(categories), tuple(projects), tuple(owners), tuple(statuses)
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _choices(version: tuple, f: Filters) -> risks.RiskChoices:
    return risks.filter_choices(common.cursor(), f)


# --- Headline figures ----------------------------------------------------------------------------------


def headline(f: Filters, rf: risks.RiskFilter) -> None:
    """Show the counts and exposure of the selection, each with its change since the snapshot the last
    committee reviewed (else the previous one), as the Overview and the pack measure it."""
    now = risks.summarize(query("heatmap", f, rf))
    scope = common.committee_scope(common.changes_version(), f)
    before = None
    if scope.since:
        before = risks.summarize(query("heatmap", dataclasses.replace(f, as_of=scope.since), rf))
    since = committee.since_text(scope, LANG) + "." if scope.since else None
    columns = st.columns(5)
    for column, field in zip(columns, ("risks", "critical", "high", "overdue"), strict=False):
        value = getattr(now, field)
        change = None if before is None else value - getattr(before, field)
        column.metric(
            common.tr(f"risks.metric.{field}"),
            formatting.number(value, LANG),
            border=True,
            help=since,  # the cards are narrow: the date compared with goes in the help, not under the delta
            **common.change(change, formatting.number(change, LANG) if change else "", "inverse"),
        )
    change = None
    if before is not None and now.exposure is not None and before.exposure is not None:
        change = now.exposure - before.exposure
    text = formatting.money(change, LANG, CURRENCY, short=True) if change else ""
    columns[4].metric(
        common.tr("risks.metric.exposure"),
        formatting.money(now.exposure, LANG, CURRENCY, short=True),
        border=True,
        help=" ".join(filter(None, [common.tr("risks.metric.exposure_help"), since])),
        **common.change(change, text, "inverse"),  # up is bad for risks
    )


# --- Heatmap and a cell's risks ------------------------------------------------------------------------


def _on_cell_click() -> None:
    """Make the clicked cell the chosen one; the fallback selectboxes then start from it, so both agree."""
    picked = (st.session_state.get("risk_heatmap") or {}).get("selection", {}).get(
        charts.CELL_SELECTION
    ) or []
    if picked:
        for axis, field in (("p", "probability"), ("i", "impact")):
            value = int(picked[0][field])
            st.session_state[f"_keep.risk_cell_{axis}"] = value
            for code in ("en", "fr"):
                st.session_state.pop(f"risk_cell_{axis}.{code}", None)
            st.session_state[f"risk_cell_{axis}.{common.lang()}"] = value


def _chosen_cell() -> tuple[int, int] | None:
    """Return the chosen cell: the selectboxes' values on this run, else the last click."""
    cell = tuple(_kept(f"risk_cell_{axis}")[1] for axis in ("p", "i"))
    return None if None in cell else cell


@common.fragment(key="risks_heatmap")  # a cell chosen changes this part alone: it reruns alone
def heatmap_section(f: Filters, rf: risks.RiskFilter, summary: risks.RiskSummary) -> None:
    """Show the heatmap beside the risks of the chosen cell."""
    cells = risks.label_cells(query("heatmap", f, rf), LANG, CURRENCY)
    left, right = st.columns([1, 1], gap="medium")
    with left:
        common.chart(
            charts.heatmap_chart,
            cells,
            summary,
            rf.view,
            _chosen_cell(),
            LANG,
            clickable=True,
            key="risk_heatmap",
            on_select=_on_cell_click,
            selection_mode="cell",
            width="stretch",
        )
    with right:
        cell_section(f, rf, cells)


def cell_section(f: Filters, rf: risks.RiskFilter, cells: pd.DataFrame) -> None:
    """Offer the fallback cell control and list the chosen cell's risks."""
    st.subheader(common.tr("risks.cell.choose"))
    p_col, i_col = st.columns(2)
    with p_col:
        probability = _selectbox(
            "risk_cell_p",
            common.tr("risks.axis.probability"),
            list(risks.LEVELS),
            format_func=lambda v: risks.scale_label("probability", v, LANG),
            placeholder=common.tr("risks.cell.pick"),
        )
    with i_col:
        impact = _selectbox(
            "risk_cell_i",
            common.tr("risks.axis.impact"),
            list(risks.LEVELS[::-1]),
            format_func=lambda v: risks.scale_label("impact", v, LANG),
            placeholder=common.tr("risks.cell.pick"),
        )
    if probability is None or impact is None:
        st.info(common.tr("risks.cell.hint"))
        return
    cell = cells.loc[(cells.probability == probability) & (cells.impact == impact)].iloc[0]
    st.markdown(
        "**"
        + common.tr(
            "risks.cell.heading",
            probability=probability,
            impact=impact,
            band=cell.band_label,
            score=cell.score,
            n=int(cell.risks),
        )
        + "**"
    )
    listed = query("cell_risks", f, rf, int(probability), int(impact))
    if listed.empty:
        st.info(common.tr("risks.cell.empty"))
        return
    columns = ["overdue", "title", "project_name", "owner", "due_date", "response", "score", "project_link"]
    shown = _for_screen(listed, overdue_mark=OVERDUE_MARK)[columns]
    config = {
        **_column_config(),
        "title": st.column_config.TextColumn(common.tr("risks.col.title"), width="medium"),
        "overdue": st.column_config.TextColumn("⚠", width=40, help=common.tr("risks.overdue"), pinned=True),
    }
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        column_config=config,
        height=480,
        key="risk_cell_table",
    )


# --- Tables --------------------------------------------------------------------------------------------


def _for_screen(frame: pd.DataFrame, overdue_mark: str | None = None) -> pd.DataFrame:
    """Turn codes into words, flags into marks, and add the link to each project's page."""
    shown = risks.labelled(frame, LANG)
    mark = overdue_mark or common.tr("risks.overdue")
    if "overdue" in shown:
        shown["overdue"] = shown["overdue"].map(lambda late: mark if late else "")
    if "project_code" in shown:
        shown["project_link"] = common.project_links(shown["project_code"])
    return shown


def _money_column(key: str) -> st.column_config.NumberColumn:
    text = common.tr("risks.col.money", label=common.tr(key), symbol=formatting.currency_symbol(CURRENCY))
    return st.column_config.NumberColumn(text, format="localized", step=1)


def register_figures(view: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Return the stored figures each column of the register shows in this view (a score opens its two
    ratings, an exposure its probability and cost impact; the residual view its residual ratings)."""
    residual = view == "residual"
    probability = "residual_probability" if residual else "probability"
    impact = "residual_impact" if residual else "impact"
    own = {name: ("risks", (name,)) for name in ("title", "owner", "status", "response", "category")}
    return {
        **own,
        "code": ("risks", ("code",)),
        "mitigation": ("risks", ("mitigation",)),
        "cost_impact": ("risks", ("cost_impact",)),
        "overdue": ("risks", ("due_date", "status")),
        "due_date": ("risks", ("due_date",)),
        "probability": ("risks", (probability,)),
        "impact": ("risks", (impact,)),
        "score": ("risks", (probability, impact)),
        "band": ("risks", (probability, impact)),
        "exposure": ("risks", (probability, "cost_impact")),
        "inherent_score": ("risks", ("probability", "impact")),
        "residual_score": ("risks", ("residual_probability", "residual_impact")),
        "project_name": ("projects", ("name",)),
        "portfolio": ("projects", ("portfolio",)),
        "project_link": ("projects", ("code",)),
    }


def _risk_row(row: pd.Series, entity: str) -> tuple[str, str]:
    """Name a register row as a trace does: its project, and the risk's ID (else its title)."""
    return row["project_code"], "" if entity == "projects" else origin.risk_item(row)


def _column_config() -> dict:
    """Return the headers and formats of every risk table, in the user's language."""
    col = {
        name: common.tr(f"risks.col.{name}")
        for name in (
            "code",
            "title",
            "project_name",
            "portfolio",
            "category",
            "owner",
            "status",
            "probability",
            "impact",
            "band",
            "response",
            "mitigation",
            "overdue",
            "rank",
            "projects",
            "risks",
            "critical",
            "high",
            "worst_band",
            "inherent_score",
            "residual_score",
            "before",
            "after",
            "movement",
            "inherent_band",
            "residual_band",
        )
    }
    date_format = "DD/MM/YYYY" if LANG == "fr" else "D MMM YYYY"
    return {
        **{name: st.column_config.TextColumn(text) for name, text in col.items()},
        "title": st.column_config.TextColumn(col["title"], width="large"),
        "mitigation": st.column_config.TextColumn(col["mitigation"], width="large"),
        "overdue": st.column_config.TextColumn(
            col["overdue"], width=OVERDUE_PX, help=common.tr("risks.overdue")
        ),
        "score": st.column_config.NumberColumn(common.tr("risks.col.score"), format="%d", width="small"),
        "max_score": st.column_config.NumberColumn(common.tr("risks.col.max_score"), format="%d"),
        "inherent_score": st.column_config.NumberColumn(col["inherent_score"], format="%d"),
        "residual_score": st.column_config.NumberColumn(col["residual_score"], format="%d"),
        "probability": st.column_config.NumberColumn(col["probability"], format="%d", width="small"),
        "impact": st.column_config.NumberColumn(col["impact"], format="%d", width="small"),
        "exposure": _money_column("risks.col.exposure"),
        "cost_impact": _money_column("risks.col.cost_impact"),
        "due_date": st.column_config.DateColumn(common.tr("risks.col.due_date"), format=date_format),
        "project_link": st.column_config.LinkColumn(
            common.tr("risks.col.project_link"), display_text=common.PROJECT_LINK_TEXT
        ),
        "rank": st.column_config.NumberColumn(col["rank"], format="%d", width="small"),
    }


def _pinned_overdue_column() -> st.column_config.TextColumn:
    """Keep the overdue mark in view while the long register scrolls sideways."""
    text = common.tr("risks.col.overdue")
    return st.column_config.TextColumn(text, width=OVERDUE_PX, help=common.tr("risks.overdue"), pinned=True)


@common.fragment(key="risks_register")  # the search, the order and a cell opened rerun the register alone
def register_section(f: Filters, rf: risks.RiskFilter) -> None:
    """Show the searchable, sortable register and its Excel download."""
    search_col, order_col = st.columns([2, 1])
    key, start = _kept("risk_search", "")
    search = _keep(
        "risk_search",
        search_col.text_input(
            common.tr("risks.register.search"),
            value=start,
            key=key,
            placeholder=common.tr("risks.register.search_hint"),
        ),
    )
    with order_col:
        order = _selectbox(
            "risk_order",
            common.tr("risks.register.order"),
            list(risks.REGISTER_ORDERS),
            "score",
            format_func=lambda o: common.tr(f"risks.register.order.{o}"),
        )
    found = query("register", f, rf, search, order)
    if found.total == 0:
        st.info(common.tr("risks.register.empty"))
        return
    if found.total > len(found.rows):
        st.caption(
            common.tr(
                "risks.register.capped",
                shown=formatting.number(len(found.rows), LANG),
                total=formatting.number(found.total, LANG),
            )
        )
    else:
        st.caption(common.tr("risks.register.count", total=formatting.number(found.total, LANG)))
    other = "residual_score" if rf.view == "inherent" else "inherent_score"
    columns = [
        "overdue",
        "title",
        "project_name",
        "score",
        "band",
        "exposure",
        "owner",
        "due_date",
        "status",
        "response",
        "category",
        "portfolio",
        "probability",
        "impact",
        other,
        "cost_impact",
        "mitigation",
        "code",
        "project_link",
    ]
    spot = st.container()  # the table, above its pager
    listed = common.paged(found.rows, "risk_register_page")
    with spot:
        event = common.table(
            _for_screen(listed)[columns],
            hide_index=True,
            width="stretch",
            column_config={**_column_config(), "overdue": _pinned_overdue_column()},
            height=460,
            key="risk_register_table",
            **origin.CELL_SELECTION,
        )
    origin.from_cell(event, listed, register_figures(rf.view), _risk_row, f.as_of, "risk_register")
    st.caption(common.tr("risks.register.residual_note") + " " + OVERDUE_NOTE)
    hidden = common.costs_hidden()  # the download runs outside this script run: it cannot read the session
    st.download_button(
        common.tr("download.excel"),
        icon=":material/download:",
        on_click="ignore",
        data=lambda: _workbook(hidden, f, rf, LANG, search, order),
        file_name=f"{common.tr('risks.register.file')}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        key="risk_register_download",
    )


def _workbook(hidden: bool, f: Filters, rf: risks.RiskFilter, lang: str, search: str, order: str) -> bytes:
    """Build the register workbook on its own cursor, since a download may run beside a rerun; its cost
    figures are blanked as the session's are (a cursor of its own does not carry the session's views)."""
    con = common.detached_cursor(hidden)
    try:
        return risks.register_workbook(con, f, rf, lang, search=search, order=order)
    finally:
        con.close()


# --- For the steering committee ------------------------------------------------------------------------


# What a committee reads first in a top ten, without scrolling sideways on a projector: the risk, its band
# beside it, the figure it is ranked by, then the other figure, its project and whether its action is late.
TOP_COMPACT = {"rank": 50, "title": 250, "band": 110, "project_name": 180, "overdue": 110}
TOP_MORE = ["owner", "response", "due_date", "project_link"]


@common.fragment(key="risks_top")  # the columns toggle redraws the two top tens alone
def top_section(f: Filters, rf: risks.RiskFilter) -> None:
    """Show the ten highest scores, then the ten largest exposures."""
    every = st.toggle(
        common.tr("projector.all_columns"),
        key="risk_top_all_columns",
        help=common.tr("projector.all_columns.help"),
    )
    for by in ("score", "exposure"):
        st.subheader(common.tr(f"risks.top.{by}"))
        top = query("top_risks", f, rf, by)
        if top.empty:
            st.info(common.tr("risks.top.exposure_empty" if by == "exposure" else "risks.empty"))
            continue
        other = "exposure" if by == "score" else "score"
        columns = [
            "rank",
            "title",
            "band",
            by,
            other,
            "project_name",
            "overdue",
            *(TOP_MORE if every else []),
        ]
        config = _column_config()
        if not every:
            widths = TOP_COMPACT | {by: 90, other: 90}
            config = {name: {**config[name], "width": width} for name, width in widths.items()}
        shown = _for_screen(top.assign(rank=range(1, len(top) + 1)))[columns]
        common.table(shown, hide_index=True, width="stretch", column_config=config, key=f"risk_top_{by}")


@common.fragment(key="risks_movement")  # a snapshot compared with reruns the movement alone
def movement_section(f: Filters, rf: risks.RiskFilter, cells: pd.DataFrame) -> None:
    """Show what moved since a chosen snapshot: counts, the movement on the grid, and the table."""
    st.subheader(common.tr("risks.move.title"))
    earlier = [s.as_of for s in snapshots.list_snapshots(CON) if DAY and s.as_of < DAY]
    if not earlier:
        st.info(common.tr("risks.move.none_earlier"))
        return
    reviewed = common.committee_scope(common.changes_version(), f).since
    since = _selectbox(
        "risk_since",
        common.tr("risks.move.since"),
        earlier,
        reviewed if reviewed in earlier else earlier[0],  # the last committee's snapshot, as the Overview
        format_func=lambda d: formatting.day(d, LANG),
        help=common.tr("since.move.help"),
    )
    moved = query("movement", f, rf, since)
    columns = st.columns(4)
    for column, kind in zip(columns, risks.MOVEMENTS, strict=True):
        column.metric(
            common.tr(f"risks.move.{kind}"), formatting.number(moved.counts[kind], LANG), border=True
        )
    st.caption(common.tr("risks.move.note", view=common.tr(f"risks.view.{rf.view}").lower()))
    if moved.rows.empty:
        st.info(common.tr("risks.move.empty", date=formatting.day(since, LANG)))
        return
    common.chart(charts.movement_chart, cells, moved, since, LANG, width="content")
    st.caption(common.tr("risks.move.grid.caption"))
    listed = moved.rows.head(MOVEMENT_ROWS)
    if len(moved.rows) > MOVEMENT_ROWS:
        st.caption(
            common.tr(
                "risks.move.capped", shown=MOVEMENT_ROWS, total=formatting.number(len(moved.rows), LANG)
            )
        )
    shown = _for_screen(
        listed.assign(
            movement=listed["movement"].map(lambda k: common.tr(f"risks.move.kind.{k}")),
            before=_ratings(listed, "before"),
            after=_ratings(listed, "after"),
        )
    )
    shown[["before_band", "after_band", "status"]] = shown[["before_band", "after_band", "status"]].fillna(
        "—"
    )
    columns = [
        "movement",
        "title",
        "project_name",
        "before",
        "before_band",
        "after",
        "after_band",
        "status",
        "project_link",
        "code",
    ]
    config = {
        **_column_config(),
        "before_band": st.column_config.TextColumn(common.tr("risks.col.band")),
        "after_band": st.column_config.TextColumn(common.tr("risks.col.band")),
    }
    common.table(
        shown[columns], hide_index=True, width="stretch", column_config=config, key="risk_movement_table"
    )


def _ratings(rows: pd.DataFrame, side: str) -> list[str]:
    """Write each row's rating before or after the move."""
    columns = [f"{side}_probability", f"{side}_impact", f"{side}_score"]
    return [_rating(*values) for values in rows[columns].itertuples(index=False)]


def _rating(probability: object, impact: object, score: object) -> str:
    """Write a rating as P x I = score, or a dash when the risk was not there."""
    if pd.isna(score):
        return "—"
    return f"{int(probability)} x {int(impact)} = {int(score)}"


# --- Roll-ups ------------------------------------------------------------------------------------------


def rollup_section(f: Filters, rf: risks.RiskFilter) -> None:
    """Show the portfolio-by-category concentration, then the roll-ups by portfolio and by project."""
    categories = query("category_heatmap", f, rf)
    if categories.empty:
        st.info(common.tr("risks.empty"))
        return
    common.chart(charts.category_chart, categories, LANG, width="stretch")
    config = {**_column_config(), "exposure": _money_column("risks.col.exposure")}
    st.subheader(common.tr("risks.rollup.portfolio"))
    every_project = query(
        "project_rollup", f, rf
    )  # one query for both tables: portfolios add up their projects
    by_portfolio = risks.labelled(risks.by_portfolio(every_project), LANG)
    common.table(
        by_portfolio[
            [
                "portfolio",
                "projects",
                "risks",
                "critical",
                "high",
                "max_score",
                "worst_band",
                "exposure",
                "overdue",
            ]
        ].rename(columns={"overdue": "overdue_count"}),
        hide_index=True,
        width="stretch",
        column_config={
            **config,
            "overdue_count": st.column_config.NumberColumn(common.tr("risks.metric.overdue"), format="%d"),
        },
        key="risk_rollup_portfolio",
    )
    st.subheader(common.tr("risks.rollup.project"))
    by_project = every_project.head(PROJECT_ROWS)
    if len(every_project) > PROJECT_ROWS:
        st.caption(
            common.tr(
                "risks.rollup.capped", shown=PROJECT_ROWS, total=formatting.number(len(every_project), LANG)
            )
        )
    shown = _for_screen(by_project.drop(columns="overdue")).assign(overdue_count=by_project["overdue"])
    common.table(
        shown[
            [
                "project_name",
                "portfolio",
                "risks",
                "critical",
                "high",
                "max_score",
                "worst_band",
                "exposure",
                "overdue_count",
                "project_link",
            ]
        ],
        hide_index=True,
        width="stretch",
        column_config={
            **config,
            "overdue_count": st.column_config.NumberColumn(common.tr("risks.metric.overdue"), format="%d"),
        },
        key="risk_rollup_project",
    )


# --- The page ------------------------------------------------------------------------------------------

CON = common.cursor()
LANG = common.lang()
F = common.filters()
DAY = common.snapshot_date(F)
VERSION = common.data_version()
CURRENCY = common.currency()
OVERDUE_NOTE = common.tr("risks.overdue.caption", date=formatting.day(DAY, LANG)) if DAY else ""

common.heading(
    common.tr("risks.title", date=formatting.long_day(DAY, LANG)) if DAY else common.tr("nav.risks")
)
if not common.empty_store_notice():
    RF = risk_filter(F)
    SUMMARY = risks.summarize(query("heatmap", F, RF))
    headline(F, RF)
    if SUMMARY.risks == 0:
        st.info(common.tr("risks.empty"))
    else:
        heatmap_section(F, RF, SUMMARY)
    st.caption(OVERDUE_NOTE)
    # Only the open tab is drawn: a tab nobody opened costs nothing (choosing one reruns the page).
    register_tab, copil_tab, rollup_tab = st.tabs(
        [common.tr("risks.tab.register"), common.tr("risks.tab.copil"), common.tr("risks.tab.rollups")],
        key=f"risks_tab_{LANG}",
        on_change="rerun",
    )
    if register_tab.open:
        with register_tab:
            register_section(F, RF)
    if copil_tab.open:
        with copil_tab:
            top_section(F, RF)
            movement_section(F, RF, risks.label_cells(query("heatmap", F, RF), LANG, CURRENCY))
    if rollup_tab.open:
        with rollup_tab:
            rollup_section(F, RF)
