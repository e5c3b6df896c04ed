"""Capacity page: do we have the people? Each team's load month by month (demand / capacity), who asks for
a team in a month, totals per team and portfolio, what-if levelling and its scenarios."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common, levelling_ui, origin
from pmo_core import capacity, formatting
from pmo_core.charts import capacity as charts
from pmo_core.filters import Filters

CON = common.cursor()
LANG = common.lang()
SETTINGS = common.current_settings()
MAX_TEAMS = 25  # rows of the heatmap: the most loaded teams; the others are chosen by name
MAX_MONTHS = 18  # columns of the heatmap: wider, a cell's "140 %" no longer fits at 1280 px
CELL_ROWS = 400
PERCENT = "%d %%" if LANG == "fr" else "%d%%"  # table percentages as the page's language writes them


def tr(key: str, /, **params: object) -> str:
    return common.tr(key, **params)


def version() -> tuple:
    """The store's content and the settings that convert days and raise alerts."""
    return common.data_version(), SETTINGS["working_days_per_month"], SETTINGS["overload_alert_months"]


# --- Cached queries: one per picture ---------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=32)
def _range(v: tuple, f: Filters) -> tuple[date, date] | None:
    return capacity.month_range(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=64)
def _grid(v: tuple, f: Filters, first: date, last: date) -> pd.DataFrame:
    return capacity.team_months(common.cursor(), f, first, last)


@st.cache_data(show_spinner=False, max_entries=64)
def _cell(v: tuple, f: Filters, team: str, month: date) -> pd.DataFrame:
    return capacity.cell_projects(common.cursor(), f, team, month)


@st.cache_data(show_spinner=False, max_entries=64)
def _portfolios(v: tuple, f: Filters, teams: tuple[str, ...], first: date, last: date) -> pd.DataFrame:
    return capacity.portfolio_demand(common.cursor(), f, list(teams), first, last)


# --- Controls ----------------------------------------------------------------------------------------------


def window(f: Filters, span: tuple[date, date], since: date | None) -> tuple[date, date]:
    """Offer the months shown, twelve from the first month not yet reported by default, eighteen at most."""
    months = [capacity.add_months(span[0], i) for i in range(capacity.months_between(*span) + 1)]
    start = since if since in months else months[0]
    end = capacity.add_months(start, capacity.MONTH_WINDOW - 1)
    end = end if end in months else months[-1]
    kept = st.session_state.get("_cap_window", (start, end))  # the window chosen, kept across languages
    if not set(kept) <= set(months):
        kept = (start, end)
    first, last = st.select_slider(
        tr("capacity.window"),
        options=months,
        value=kept,
        format_func=lambda m: formatting.month(m, LANG),
        key=f"cap_window_{LANG}_{span[0]:%Y%m}_{span[1]:%Y%m}",
        help=tr("capacity.window.help", most=MAX_MONTHS),
    )
    if capacity.months_between(first, last) >= MAX_MONTHS:
        last = capacity.add_months(first, MAX_MONTHS - 1)
        st.caption(tr("capacity.window.cut", most=MAX_MONTHS, last=formatting.month(last, LANG)))
    st.session_state["_cap_window"] = (first, last)
    return first, last


def shown_teams(totals: pd.DataFrame) -> list[str]:
    """Let the user name teams; otherwise show the most loaded ones, most loaded first."""
    names = sorted(totals["team"])
    chosen = st.multiselect(
        tr("capacity.teams"),
        names,
        key="cap_teams",
        placeholder=tr("capacity.teams.most", n=min(MAX_TEAMS, len(names))),
    )
    ranked = totals.assign(_peak=totals["peak"].fillna(float("inf")))
    ranked = ranked.sort_values(["_peak", "team"], ascending=[False, True])["team"].tolist()
    if chosen:
        return [team for team in ranked if team in chosen]
    if len(ranked) > MAX_TEAMS:
        st.caption(tr("capacity.teams.cut", n=MAX_TEAMS, total=len(ranked)))
    return ranked[:MAX_TEAMS]


# --- Headline ----------------------------------------------------------------------------------------------


def headline(grid: pd.DataFrame, totals: pd.DataFrame) -> None:
    """Show the teams over capacity, the team-months over 100 %, the people missing, and the peak."""
    over = grid.loc[(grid["load"] > 1) | grid["no_capacity"]]
    short = float(totals["short"].sum())
    worst = totals.dropna(subset=["peak"]).sort_values("peak", ascending=False).head(1)
    if len(worst):
        peak = worst.iloc[0]
        peak_card = common.Card(
            tr("capacity.metric.peak"),
            formatting.percent(peak["peak"], LANG),
            f"{peak['team']} · {formatting.month(peak['peak_month'], LANG)}",
        )
    else:
        peak_card = common.Card(tr("capacity.metric.peak"), tr("na"))
    common.cards(
        [
            common.Card(
                tr("capacity.metric.teams_over"),
                formatting.number(over["team"].nunique(), LANG),
                tr("capacity.metric.of_teams", n=formatting.number(grid["team"].nunique(), LANG)),
            ),
            common.Card(
                tr("capacity.metric.months_over"),
                formatting.number(len(over), LANG),
                tr("capacity.metric.of_months", n=formatting.number(len(grid), LANG)),
                tr("capacity.metric.months_over.help"),
            ),
            common.Card(
                tr("capacity.metric.short"),
                formatting.number(short, LANG, 1),
                tr("capacity.metric.short.unit"),
                tr("capacity.metric.short.help"),
            ),
            peak_card,
        ]
    )


def findings_section(grid: pd.DataFrame, since: date | None) -> None:
    """Say the largest gaps in words, or that every team fits."""
    found = capacity.findings(grid, LANG, since)
    if not found:
        st.success(tr("capacity.findings.none"))
        return
    st.markdown("\n".join(f"- {sentence}" for sentence in found))


# --- Heatmap and a cell's projects -------------------------------------------------------------------------


def _kept(name: str) -> tuple[str, object]:
    key = f"{name}.{LANG}"
    return key, st.session_state.get(key, st.session_state.get(f"_keep.{name}"))


def _on_cell_click() -> None:
    """Make the clicked cell the chosen one; the selectboxes below then show it, so both agree."""
    picked = (st.session_state.get("cap_heatmap") or {}).get("selection", {}).get("cell") or []
    if picked:
        values = {"cap_cell_team": picked[0]["team"], "cap_cell_month": picked[0]["month_key"]}
        for name, value in values.items():
            st.session_state[f"_keep.{name}"] = value
            for code in ("en", "fr"):
                st.session_state.pop(f"{name}.{code}", None)
            st.session_state[f"{name}.{LANG}"] = value


@common.fragment(key="cap_heatmap_part")  # a team-month chosen reruns the heatmap and its projects alone
def heatmap_section(grid: pd.DataFrame, teams: list[str], since: date | None, f: Filters) -> None:
    """Draw the load heatmap of the teams shown, then the projects of the chosen cell."""
    shown = grid.loc[grid["team"].isin(teams)]
    chosen = _chosen(shown)
    title = charts.heatmap_title(shown, LANG, since)
    subtitle = tr(
        "capacity.heatmap.subtitle", days=formatting.number(SETTINGS["working_days_per_month"], LANG)
    )
    common.chart(
        charts.load_heatmap,
        shown,
        LANG,
        title=title,
        subtitle=subtitle,
        chosen=chosen,
        teams=teams,
        key="cap_heatmap",
        on_select=_on_cell_click,
        selection_mode="cell",
        width="stretch",
    )
    if not f.is_empty():
        st.caption(tr("capacity.filters.note"))
    cell_section(shown, teams, f)


def _chosen(grid: pd.DataFrame) -> tuple[str, date] | None:
    team, month = _kept("cap_cell_team")[1], _kept("cap_cell_month")[1]
    if team is None or month is None:
        return None
    found = grid.loc[(grid["team"] == team) & (grid["month"].map(charts.month_key) == month)]
    return None if found.empty else (team, found["month"].iloc[0].date())


def cell_section(grid: pd.DataFrame, teams: list[str], f: Filters) -> None:
    """Offer the cell by team and month (what a click chooses too) and list the projects asking for it."""
    months = list(dict.fromkeys(grid.sort_values("month")["month"].map(charts.month_key)))
    labels = {key: formatting.month(pd.Timestamp(key + "-01"), LANG) for key in months}
    left, right, _ = st.columns([2, 1.2, 2])
    for column, name, options, label, fmt in (
        (left, "cap_cell_team", teams, tr("capacity.col.team"), str),
        (right, "cap_cell_month", months, tr("capacity.col.month"), labels.get),
    ):
        key, value = _kept(name)
        index = options.index(value) if value in options else None
        if key in st.session_state:
            index = None
        picked = column.selectbox(
            label, options, index=index, key=key, format_func=fmt, placeholder=tr("capacity.cell.pick")
        )
        st.session_state[f"_keep.{name}"] = picked
    chosen = _chosen(grid)
    if chosen is None:
        st.info(tr("capacity.cell.hint"))
        return
    team, month = chosen
    cell = grid.loc[(grid["team"] == team) & (grid["month"] == pd.Timestamp(month))].iloc[0]
    projects = _cell(version(), f, team, month)
    st.markdown(
        "**"
        + tr(
            "capacity.cell.title",
            team=team,
            month=capacity.month_words(month, LANG),
            demand=formatting.number(cell["demand"], LANG, 1),
            capacity=tr("capacity.none")
            if pd.isna(cell["capacity"])
            else formatting.number(cell["capacity"], LANG, 1),
            load=charts.load_text(cell["load"], bool(cell["no_capacity"]), LANG) or tr("na"),
            n=len(projects),
        )
        + "**"
    )
    if pd.notna(cell["capacity"]):
        capacity_origin(team, month, f)
    if projects.empty:
        st.info(tr("capacity.cell.empty"))
        return
    shown = pd.DataFrame(
        {
            "link": common.project_links(projects["code"]),
            "name": projects["name"],
            "portfolio": projects["portfolio"],
            "fte": projects["fte"].round(2),
            "share": (projects["share"] * 100).round(0),
            "in_filters": projects["in_filters"].map({True: "✔", False: ""}),
            "end": pd.to_datetime(projects["end_date"]),
        }
    )
    config = {
        **common.project_columns(tr("capacity.col.code"), tr("capacity.col.project")),
        "portfolio": tr("capacity.col.portfolio"),
        "fte": st.column_config.NumberColumn(tr("capacity.col.fte"), format="%.2f"),
        "share": st.column_config.ProgressColumn(
            tr("capacity.col.share"), format=PERCENT, min_value=0, max_value=100
        ),
        "in_filters": st.column_config.TextColumn(tr("capacity.col.in_filters"), width="small"),
        "end": st.column_config.DateColumn(tr("capacity.col.end"), format=common.day_format()),
    }
    if f.is_empty():
        shown = shown.drop(columns="in_filters")
    event = common.table(
        shown.head(CELL_ROWS),
        column_config=config,
        hide_index=True,
        width="stretch",
        height=420,
        key=f"cap_cell_projects_{team}_{month:%Y%m}",  # a selection belongs to one cell's list
        **origin.CELL_SELECTION,
    )
    item = f"{month:%Y-%m} {team}"  # a demand line as a trace names it (provenance.ITEMS)
    origin.from_cell(
        event,
        projects.head(CELL_ROWS),
        CELL_FIGURES,
        lambda row, entity: (row["code"], item if entity == "demand" else ""),
        f.as_of,
        "cap_cell_origin",
    )


# What each column of a cell's project list shows, as stored figures: a share is computed from the demand.
CELL_FIGURES = {
    "name": ("projects", ("name",)),
    "portfolio": ("projects", ("portfolio",)),
    "fte": ("demand", ("demand", "unit")),
    "share": ("demand", ("demand", "unit")),
    "end": ("projects", ("forecast_end", "baseline_end")),
}


def capacity_origin(team: str, month: date, f: Filters) -> None:
    """Open the team's capacity that month to the file, sheet and cell it was read from, on request."""
    opened = st.expander(
        tr("capacity.origin", team=team, month=capacity.month_words(month, LANG)),
        icon=":material/search:",
        key="cap_capacity_opened",
        on_change="rerun",  # its traces run only once opened
    )
    if opened.open:
        with opened:
            origin.panel(team, "resources", f"{month:%Y-%m}", ("capacity", "unit"), f.as_of, "cap_capacity")


# --- Totals ------------------------------------------------------------------------------------------------


def totals_section(grid: pd.DataFrame, totals: pd.DataFrame, teams: list[str], f: Filters, span) -> None:
    """Show capacity against demand per month stacked by portfolio, then the totals per team."""
    first, last = span
    by_portfolio = _portfolios(version(), f, tuple(teams), first, last)
    months = capacity.month_totals(grid.loc[grid["team"].isin(teams)])
    if by_portfolio.empty:
        st.info(tr("capacity.totals.empty"))
    else:
        peak = months.loc[months["load"].idxmax()] if months["load"].notna().any() else None
        title = (
            tr(
                "capacity.totals.title",
                load=formatting.percent(peak["load"], LANG),
                month=capacity.month_words(peak["month"].date(), LANG),
            )
            if peak is not None
            else tr("capacity.totals.title_none")
        )
        common.chart(
            charts.capacity_demand_chart,
            by_portfolio,
            months,
            LANG,
            title=title,
            subtitle=tr("capacity.totals.subtitle", n=len(teams)),
            width="stretch",
        )
        shares = (
            by_portfolio.groupby("portfolio", as_index=False)["fte"].sum().sort_values("fte", ascending=False)
        )
        shares["share"] = (shares["fte"] / shares["fte"].sum() * 100).round(0)
        shares["portfolio"] = shares["portfolio"].replace("", tr("capacity.no_portfolio"))
        common.table(
            shares,
            hide_index=True,
            width="stretch",
            column_config={
                "portfolio": tr("capacity.col.portfolio"),
                "fte": st.column_config.NumberColumn(tr("capacity.col.person_months"), format="%.1f"),
                "share": st.column_config.ProgressColumn(
                    tr("capacity.col.share_demand"), format=PERCENT, min_value=0, max_value=100
                ),
            },
        )
    st.subheader(tr("capacity.totals.teams"))
    table = totals.assign(
        load=(totals["load"] * 100).round(0),
        peak=(totals["peak"] * 100).round(0),
        peak_month=totals["peak_month"].map(lambda m: formatting.month(m, LANG)),
    )
    common.table(
        table,
        hide_index=True,
        width="stretch",
        height=720,
        column_config={
            "team": st.column_config.TextColumn(tr("capacity.col.team"), pinned=True),
            "capacity": st.column_config.NumberColumn(tr("capacity.col.capacity_pm"), format="%.1f"),
            "demand": st.column_config.NumberColumn(tr("capacity.col.demand_pm"), format="%.1f"),
            "load": st.column_config.NumberColumn(tr("capacity.col.load_pct"), format=PERCENT),
            "months_over": st.column_config.NumberColumn(tr("capacity.col.months_over"), format="%d"),
            "short": st.column_config.NumberColumn(tr("capacity.col.short"), format="%.1f"),
            "peak": st.column_config.NumberColumn(tr("capacity.col.peak"), format=PERCENT),
            "peak_month": tr("capacity.col.peak_month"),
        },
    )


# --- The page ----------------------------------------------------------------------------------------------


def main() -> None:
    f = common.filters()
    reference = capacity.reference_date(CON, f)
    if reference is None:
        common.heading(tr("nav.capacity"))
        common.empty_store_notice()
        return
    common.heading(tr("capacity.title", date=formatting.long_day(reference, LANG)))
    span = _range(version(), f)
    if span is None:
        st.info(tr("capacity.empty"))
        return
    since = capacity.first_open_month(reference)
    controls = st.columns([3, 2])
    with controls[0]:
        first, last = window(f, span, since)
    grid = _grid(version(), f, first, last)
    if grid.empty:
        st.info(tr("capacity.empty_selection"))
        return
    totals = capacity.team_totals(grid)
    with controls[1]:
        teams = shown_teams(totals)
    view = levelling_ui.plan_view(grid, f, first, last, since)
    if view is not None:
        grid, totals = view, capacity.team_totals(view)
    headline(grid.loc[grid["team"].isin(teams)], totals.loc[totals["team"].isin(teams)])
    findings_section(grid.loc[grid["team"].isin(teams)], since)
    heatmap_section(grid, teams, since, f)
    totals_tab, what_if_tab, scenarios_tab = st.tabs(
        [tr("capacity.tab.totals"), tr("capacity.tab.what_if"), tr("capacity.tab.scenarios")],
        key=f"cap_tab_{LANG}",
        on_change="rerun",
    )
    if totals_tab.open:
        with totals_tab:
            totals_section(grid, totals.loc[totals["team"].isin(teams)], teams, f, (first, last))
    if what_if_tab.open:
        with what_if_tab:
            levelling_ui.what_if(f, first, last, since, teams, grid)
    if scenarios_tab.open:
        with scenarios_tab:
            levelling_ui.scenarios(f, first, last, since)


main()
