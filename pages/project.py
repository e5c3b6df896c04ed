"""Project page: one project on the snapshot, its identity, status history, milestones, risks, monthly
costs and earned value. The project comes from the URL (/project?project=CODE), so a link can be shared.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.ui import common, origin
from pages.ui.common import day, day_format, money
from pmo_core import evm, formatting, project_detail, vocabulary
from pmo_core.charts import project as charts
from pmo_core.filters import Filters
from pmo_core.palette import BAND_EMOJI
from pmo_core.portfolio import DIMENSIONS
from pmo_core.vocabulary import label

PICK_KEY = "project_pick"

LANG = common.lang()
CON = common.cursor()
VERSION = common.data_version()
SETTINGS = common.current_settings()


# --- Cached queries: one per picture, refreshed when the store's content changes ---------------------


@st.cache_data(show_spinner=False, max_entries=256)
def detail(version: tuple, name: str, code: str, f: Filters, *args: object) -> object:
    """Run one pmo_core.project_detail query for this project, these filters and this store version."""
    return getattr(project_detail, name)(common.cursor(), code, f, *args)


@st.cache_data(show_spinner=False, max_entries=32)
def choices(version: tuple, f: Filters) -> pd.DataFrame:
    return project_detail.project_choices(common.cursor(), f)


# --- Words and numbers -----------------------------------------------------------------------------


# --- Choosing the project ----------------------------------------------------------------------------


def _remember_pick() -> None:
    """Put the chosen project in the URL, so the address bar always names the project shown."""
    st.query_params["project"] = st.session_state[PICK_KEY]


def current_project() -> str | None:
    """Return the project named in the URL, else the one chosen on the overview."""
    code = st.query_params.get("project") or st.session_state.get("project")
    if code:
        st.query_params["project"] = code  # the address bar names the project shown
    return code


def pick_project(f: Filters, code: str | None) -> None:
    """Draw the picker of the filtered projects; choosing one puts it in the URL."""
    frame = choices(VERSION, f)
    names = dict(zip(frame["code"], frame["name"], strict=True))
    if code and code not in names:
        outside = detail(VERSION, "identity", code, Filters(as_of=f.as_of))
        if outside is not None:  # a shared link may name a project outside the sidebar's filters
            names = {code: outside.name, **names}
    options = list(names)
    st.selectbox(
        common.tr("project.pick"),
        options,
        index=options.index(code) if code in names else None,
        format_func=lambda c: f"{c} · {names[c]}",
        key=PICK_KEY,
        on_change=_remember_pick,
        placeholder=common.tr("project.pick.placeholder"),
    )


# --- Identity ----------------------------------------------------------------------------------------


def identity_section(ident: project_detail.Identity) -> None:
    """Show who and what the project is, its statuses and dates."""
    tr = common.tr
    if ident.stale:
        st.warning(tr("project.stale", date=day(ident.last_update), days=SETTINGS["reporting_period_days"]))
    statuses = st.columns(5)
    titles = [tr("overview.col.status"), *(tr(f"field.projects.status_{d}") for d in DIMENSIONS)]
    for column, title, key in zip(
        statuses, titles, ["status", *(f"status_{d}" for d in DIMENSIONS)], strict=True
    ):
        trend = ident.trends[key]
        # A bordered block rather than st.metric: a metric's large value is cut ("Am…") in a fifth of the page.
        with column.container(border=True):
            st.markdown(
                f"**{title}**", help=tr("project.status.help", days=SETTINGS["reporting_period_days"])
            )
            st.markdown(f"#### {common.status_chip(ident.statuses[key])}")
            if trend != "same":
                colour = {"better": "green", "worse": "red"}.get(trend, "gray")
                arrow = {"better": "↑", "worse": "↓"}.get(trend, "✱")
                st.markdown(f":{colour}[{arrow} {tr(f'overview.arrow.{trend}')}]")
    facts = [
        (tr("sidebar.portfolio"), ident.portfolio),
        (tr("sidebar.programme"), ident.programme),
        (tr("sidebar.manager"), ident.manager),
        (tr("field.projects.sponsor"), ident.sponsor),
        (tr("field.projects.phase"), _stage(ident)),
        (tr("field.projects.start_date"), day(ident.start_date)),
        (tr("field.projects.baseline_end"), day(ident.baseline_end)),
        (tr("field.projects.forecast_end"), _forecast_end(ident)),
        (tr("overview.col.percent"), formatting.percent(ident.percent_complete, LANG)),
        (tr("overview.col.last_update"), day(ident.last_update)),
    ]
    for row in (facts[:5], facts[5:]):
        for column, (name, value) in zip(st.columns(5), row, strict=True):
            column.caption(name)
            column.markdown(f"**{common.plain(value) if value else '—'}**")
    if ident.comment:
        st.info(tr("project.comment", comment=ident.comment), icon=":material/chat:")


def _stage(ident: project_detail.Identity) -> str | None:
    """Return the phase and where the project stands in its life, as far as the tracker says them."""
    state = vocabulary.label("lifecycle", ident.lifecycle, LANG) if ident.lifecycle else None
    return " · ".join(part for part in (ident.phase, state) if part) or None


def _forecast_end(ident: project_detail.Identity) -> str:
    slip = ident.end_slip_days
    if not slip:
        return day(ident.forecast_end)
    return common.tr(
        "project.end_slip",
        date=day(ident.forecast_end),
        days=("+" if slip > 0 else "") + formatting.number(slip, LANG),
    )


# --- Where a figure comes from ----------------------------------------------------------------------


@common.fragment(key="project_origin")  # the figure picked opens its origin without rerunning the page
def origin_section(code: str, f: Filters) -> None:
    """Open any stored figure of the project to its file, sheet and cell, and its earlier values."""
    with st.expander(common.tr("origin.heading"), icon=":material/search:"):
        st.caption(common.tr("origin.caption"))
        origin.picker(code, f.as_of, "project_figure")


# --- Status history ----------------------------------------------------------------------------------


def history_section(history: pd.DataFrame) -> None:
    st.subheader(common.tr("project.history.heading"))
    if history.empty:
        st.info(common.tr("project.history.empty"))
        return
    common.chart(charts.history_chart, history, LANG, width="stretch")


# --- Milestones --------------------------------------------------------------------------------------


@common.fragment(key="project_milestones")  # a cell opened reruns the milestones alone
def milestones_section(milestones: pd.DataFrame, code: str, f: Filters) -> None:
    tr = common.tr
    st.subheader(tr("project.milestones.heading"))
    if milestones.empty:
        st.info(tr("project.milestones.empty"))
        return
    late = int((milestones["state"] == "late").sum())
    st.caption(tr("project.milestones.caption", late=late, n=len(milestones)))
    states = {
        "done": "✅ " + tr("project.state.done"),
        "late": "⚠️ " + tr("project.state.late"),
        "on_track": "🕑 " + tr("project.state.on_track"),
    }
    shown = pd.DataFrame(
        {
            "name": milestones["name"],
            "state": milestones["state"].map(states),
            "baseline": pd.to_datetime(milestones["baseline_date"]),
            "forecast": pd.to_datetime(milestones["forecast_date"]),
            "actual": pd.to_datetime(milestones["actual_date"]),
            "slip": milestones["slip_days"],
        }
    )
    date_column = st.column_config.DateColumn
    event = common.table(
        shown,
        hide_index=True,
        height=38 + 35 * len(shown),
        key="project_milestones",
        **origin.CELL_SELECTION,
        column_config={
            "name": st.column_config.TextColumn(tr("overview.col.milestone"), width="large"),
            "state": tr("overview.col.state"),
            "baseline": date_column(tr("overview.col.baseline"), format=day_format()),
            "forecast": date_column(tr("project.col.forecast"), format=day_format()),
            "actual": date_column(tr("project.col.actual"), format=day_format()),
            "slip": st.column_config.NumberColumn(
                tr("overview.col.slip"), format="%+d", help=tr("project.col.slip.help")
            ),
        },
    )
    origin.from_cell(
        event, milestones, MILESTONE_FIGURES, lambda row, _: (code, row["name"]), f.as_of, "milestone"
    )


# What each column of the project's tables shows, as stored figures (a slip is computed from two dates).
MILESTONE_FIGURES = {
    "name": ("milestones", ("name",)),
    "state": ("milestones", ("forecast_date", "actual_date")),
    "baseline": ("milestones", ("baseline_date",)),
    "forecast": ("milestones", ("forecast_date",)),
    "actual": ("milestones", ("actual_date",)),
    "slip": ("milestones", ("baseline_date", "forecast_date")),
}
RISK_FIGURES = {
    "code": ("risks", ("code",)),
    "title": ("risks", ("title",)),
    "score": ("risks", ("probability", "impact")),
    "band": ("risks", ("probability", "impact")),
    "status": ("risks", ("status",)),
    "category": ("risks", ("category",)),
    "owner": ("risks", ("owner",)),
    "response": ("risks", ("response",)),
    "due": ("risks", ("due_date",)),
}


# --- Risks -------------------------------------------------------------------------------------------


@common.fragment(key="project_risks")  # a cell opened reruns the risks alone
def risks_section(cells: pd.DataFrame, register: pd.DataFrame, code: str, f: Filters) -> None:
    tr = common.tr
    st.subheader(tr("project.risks.heading"))
    if register.empty:
        st.info(tr("project.risks.empty"))
        return
    left, right = st.columns([1.1, 1.6], gap="large")
    with left:
        common.chart(charts.heatmap_chart, cells, LANG, width="stretch")
    with right:
        shown = pd.DataFrame(
            {
                "code": register["code"].fillna(""),
                "title": register["title"],
                "score": register["probability"].astype(str)
                + " × "
                + register["impact"].astype(str)
                + " = "
                + register["score"].astype(str),
                "band": register["band"].map(
                    lambda b: f"{BAND_EMOJI[b]} {label('band', b, LANG)}" if b in BAND_EMOJI else ""
                ),
                "status": register["status"].map(lambda s: label("risk_status", s, LANG)),
                "category": register["category"].map(
                    lambda c: label("category", c, LANG) if isinstance(c, str) else ""
                ),
                "owner": register["owner"],
                "response": register["response"].map(
                    lambda r: label("response", r, LANG) if isinstance(r, str) else ""
                ),
                "due": pd.to_datetime(register["due_date"]),
            }
        )
        event = common.table(
            shown,
            hide_index=True,
            height=480,
            key="project_risks",
            **origin.CELL_SELECTION,
            column_config={
                "code": tr("overview.col.risk"),
                "title": st.column_config.TextColumn(tr("overview.col.risk_title"), width="medium"),
                "score": tr("overview.col.score"),
                "band": tr("project.col.band"),
                "status": tr("project.col.risk_status"),
                "category": tr("overview.col.category"),
                "owner": tr("overview.col.owner"),
                "response": tr("project.col.response"),
                "due": st.column_config.DateColumn(tr("project.col.due"), format=day_format()),
            },
        )
    origin.from_cell(
        event, register, RISK_FIGURES, lambda row, _: (code, origin.risk_item(row)), f.as_of, "project_risk"
    )


# --- Monthly costs -----------------------------------------------------------------------------------


def costs_section(costs: pd.DataFrame) -> None:
    tr = common.tr
    st.subheader(tr("project.costs.heading"))
    if costs.empty:
        st.info(tr("project.costs.empty"))
        return
    common.chart(charts.costs_chart, costs, LANG, SETTINGS["currency"], width="stretch")


# --- Demand on teams ---------------------------------------------------------------------------------


def demand_section(demand: pd.DataFrame, code: str, f: Filters) -> None:
    """List what the project asks of each team month by month; a click on a figure opens where it was typed."""
    tr = common.tr
    st.subheader(tr("project.demand.heading"))
    if demand.empty:
        st.info(tr("project.demand.empty"))
        return
    st.caption(
        tr(
            "project.demand.caption",
            teams=demand["team"].nunique(),
            total=formatting.number(demand["fte"].sum(), LANG, 1),
        )
    )
    shown = pd.DataFrame(
        {
            "team": demand["team"],
            "month": demand["month"].map(lambda m: formatting.month(m, LANG)),
            "fte": demand["fte"].round(2),
            "written": [
                f"{formatting.number(v, LANG, 0 if v == int(v) else 2)} {label('effort_unit', u, LANG)}"
                for v, u in zip(demand["demand"], demand["unit"], strict=True)
            ],
            "load": (demand["load"] * 100).round(0),
        }
    )
    event = common.table(
        shown,
        hide_index=True,
        height=38 + 35 * min(len(shown), 10),
        key="project_demand",
        **origin.CELL_SELECTION,
        column_config={
            "team": st.column_config.TextColumn(tr("capacity.col.team"), width="medium"),
            "month": tr("capacity.col.month"),
            "fte": st.column_config.NumberColumn(tr("capacity.col.fte"), format="%.2f"),
            "written": tr("project.demand.written"),
            "load": st.column_config.NumberColumn(
                tr("project.demand.load"), format="%d %%" if LANG == "fr" else "%d%%"
            ),
        },
    )
    origin.from_cell(
        event,
        demand,
        DEMAND_FIGURES,
        lambda row, _: (
            code,
            f"{row['month']:%Y-%m} {row['team']}",
        ),  # as a trace names it (provenance.ITEMS)
        f.as_of,
        "project_demand",
    )


# What each column of the demand table shows, as stored figures (a team's load is computed from them all).
DEMAND_FIGURES = {
    "team": ("demand", ("team",)),
    "month": ("demand", ("month",)),
    "fte": ("demand", ("demand", "unit")),
    "written": ("demand", ("demand", "unit")),
}


# --- Earned value ------------------------------------------------------------------------------------


def earned_value_section(ev: project_detail.EarnedValue | None) -> None:
    tr = common.tr
    st.subheader(tr("project.ev.heading"))
    if ev is None:
        st.info(tr("project.ev.empty"))
        return
    st.caption(
        tr(
            "project.ev.caption",
            date=day(ev.status_date),
            method=tr(f"project.ev.method.{SETTINGS['eac_method']}"),
        )
    )
    green, red = SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"]
    figures = [
        ("bac", ev.bac, None),
        ("pv", ev.pv, None),
        ("ev", ev.ev, None),
        ("ac", ev.ac, None),
        ("cpi", ev.cpi, True),
        ("spi", ev.spi, True),
        ("eac", ev.eac, None),
        ("vac", ev.vac, None),
        ("cv", ev.cv, None),
        ("sv", ev.sv, None),
        ("etc", ev.etc, None),
        ("tcpi", ev.tcpi, False),
    ]
    for start in range(0, len(figures), 4):  # four to a row, so no label is cut on a laptop
        for column, (name, value, rated) in zip(st.columns(4), figures[start : start + 4], strict=True):
            if rated is None:
                text = money(value, short=True)
            else:  # CPI and SPI agree with their colour; TCPI has none
                text = common.index_text(value) if rated else formatting.ratio(value, LANG)
            label = tr(f"project.ev.{name}")
            status = evm.index_status(value, green, red) if rated else None
            if status:  # the status in words beside its colour, as on the Budget page: "CPI · 🟡 Amber"
                label = f"{label} · {common.status_chip(status)}"
            column.metric(
                label,
                text,
                help=tr(f"project.ev.{name}.help", green=green, red=red),
                border=True,
            )


# --- The page ----------------------------------------------------------------------------------------


def main() -> None:
    f = common.filters()
    code = current_project()
    since = common.committee_scope(common.changes_version(), f).since  # the trends' start, as the Overview's
    ident = detail(VERSION, "identity", code, f, since) if code else None
    common.heading(f"{ident.code} · {ident.name}" if ident else common.tr("nav.project"))
    pick_project(f, code)
    if not code:
        st.info(common.tr("project.none"))
        return
    if ident is None:
        st.warning(common.tr("project.missing", code=code))
        return
    identity_section(ident)
    origin_section(code, f)
    history_section(detail(VERSION, "status_history", code, f))
    milestones_section(detail(VERSION, "milestones", code, f), code, f)
    risks_section(detail(VERSION, "risk_cells", code, f), detail(VERSION, "risks", code, f), code, f)
    costs_section(detail(VERSION, "monthly_costs", code, f))
    demand_section(detail(VERSION, "demand", code, f), code, f)
    earned_value_section(detail(VERSION, "earned_value", code, f))


main()
