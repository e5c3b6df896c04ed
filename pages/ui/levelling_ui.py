"""The Capacity page's what-if levelling: moves kept in the session, the loads they give beside the loads as
reported, saving them as a scenario, comparing scenarios and marking the plan of record."""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import formatting, levelling
from pmo_core.charts import capacity as charts
from pmo_core.filters import Filters

MOVES_KEY = "_cap_moves"


def tr(key: str, /, **params: object) -> str:
    return common.tr(key, **params)


def _version() -> tuple:
    settings = common.current_settings()
    return common.data_version(), settings["working_days_per_month"], _scenario_version()


def _scenario_version() -> tuple:
    listed = levelling.list_scenarios(common.cursor())
    return len(listed), tuple(listed["plan_of_record_at"].astype(str))


# --- Cached computations ----------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=16)
def _base(v: tuple, as_of: date | None, since: date) -> tuple[pd.DataFrame, pd.DataFrame]:
    return levelling.base_lines(common.cursor(), Filters(as_of=as_of), since)


@st.cache_data(show_spinner=False, max_entries=16)
def _names(v: tuple, as_of: date | None) -> dict[str, str]:
    return levelling.project_names(common.cursor(), Filters(as_of=as_of))


@st.cache_data(show_spinner=False, max_entries=64)
def _plan(v: tuple, as_of: date | None, moves: tuple[levelling.Move, ...], since: date) -> levelling.Plan:
    lines, supply = _base(v, as_of, since)
    return levelling.apply_moves(lines, supply, list(moves), since)


@st.cache_data(show_spinner=False, max_entries=16)
def _comparison(v: tuple, ids: tuple[int, ...], f: Filters, since: date, lang: str) -> levelling.Comparison:
    return levelling.compare_scenarios(common.cursor(), list(ids), f, since, lang)


def _window(
    grid: pd.DataFrame, reported: pd.DataFrame, first: date, last: date, teams: list[str], since: date
) -> pd.DataFrame:
    """Return a plan's months in the window for the teams shown; the months already reported as they were."""
    inside = grid["month"].between(pd.Timestamp(first), pd.Timestamp(last)) & grid["team"].isin(teams)
    past = reported.loc[(reported["month"] < pd.Timestamp(since)) & reported["team"].isin(teams)]
    return pd.concat([past, grid.loc[inside]], ignore_index=True).sort_values(
        ["team", "month"], ignore_index=True
    )


# --- The plan of record on the main view -------------------------------------------------------------------


def plan_view(
    grid: pd.DataFrame, f: Filters, first: date, last: date, since: date | None
) -> pd.DataFrame | None:
    """Offer to show the plan of record instead of the loads as reported; return its grid, or None."""
    con = common.cursor()
    chosen = levelling.plan_of_record(con)
    if chosen is None or since is None:
        return None
    listed = levelling.list_scenarios(con).set_index("scenario_id")
    name = listed.at[chosen, "name"]
    view = st.segmented_control(
        tr("capacity.view"),
        ["reported", "plan"],
        default="reported",
        format_func=lambda v: (
            tr("capacity.view.reported") if v == "reported" else tr("capacity.view.plan", name=name)
        ),
        key=f"cap_view_{common.lang()}",
        required=True,
    )
    if view != "plan":
        return None
    moves = tuple(levelling.scenario_moves(con, chosen))
    plan = _plan(_version(), f.as_of, moves, since)
    names = _names(_version(), f.as_of)
    st.caption(
        tr(
            "capacity.view.plan_caption",
            moves="; ".join(levelling.move_text(m, common.lang(), names) for m in moves),
        )
    )
    return _window(plan.grid, grid, first, last, list(grid["team"].unique()), since)


# --- What-if -----------------------------------------------------------------------------------------------


def moves() -> list[levelling.Move]:
    return list(st.session_state.setdefault(MOVES_KEY, []))


def _add(move: levelling.Move) -> None:
    try:
        levelling.check_move(move)
    except levelling.ScenarioRefused as exc:
        st.session_state["_cap_move_error"] = str(exc)
        return
    st.session_state[MOVES_KEY] = [*moves(), move]


# The forms' and buttons' callbacks change the moves before the what-if is drawn: one run, the what-if's alone.


def _add_shift() -> None:
    state = st.session_state
    _add(levelling.Move("shift", project=state["cap_move_project"], months=int(state["cap_move_months"])))


def _add_cap() -> None:
    _add(
        levelling.Move(
            "cap", team=st.session_state["cap_move_team"], cap=st.session_state["cap_move_cap"] / 100
        )
    )


def _add_capacity() -> None:
    state = st.session_state
    _add(
        levelling.Move(
            "capacity",
            team=state["cap_move_team2"],
            fte=float(state["cap_move_fte"]),
            from_month=state["cap_move_from"],
        )
    )


def _remove(position: int) -> None:
    st.session_state[MOVES_KEY] = [m for j, m in enumerate(moves()) if j != position]


def _clear() -> None:
    st.session_state[MOVES_KEY] = []


@common.fragment(key="cap_what_if")  # moves entered, removed and saved rerun the what-if alone
def what_if(
    f: Filters, first: date, last: date, since: date | None, teams: list[str], reported: pd.DataFrame
) -> None:
    """Enter moves, see the loads change before and after, and save the moves as a scenario."""
    if since is None:
        return
    lang = common.lang()
    lines, supply = _base(_version(), f.as_of, since)
    names = _names(_version(), f.as_of)
    st.caption(tr("capacity.what_if.help", month=formatting.month(since, lang)))
    _move_forms(lines, supply, since, names)
    error = st.session_state.pop("_cap_move_error", None)
    if error:
        st.error(tr(error))
    chosen = moves()
    if not chosen:
        st.info(tr("capacity.what_if.empty"))
        return
    _move_list(chosen, names)
    v = _version()
    before = _plan(v, f.as_of, (), since)
    after = _plan(v, f.as_of, tuple(chosen), since)
    _figures(levelling.figures(before.grid, since), levelling.figures(after.grid, since))
    shown_before = _window(before.grid, reported, first, last, teams, since)
    changed = sorted(set(after.grid["team"]) - set(before.grid["team"]))
    # (a team given capacity it had none of joins the teams shown)
    shown = _window(after.grid, reported, first, last, [*teams, *changed], since)
    common.chart(
        charts.load_heatmap,
        shown,
        lang,
        title=charts.heatmap_title(shown, lang, since),
        subtitle=tr("capacity.what_if.subtitle"),
        before=shown_before,
        teams=list(dict.fromkeys([*teams, *changed])),
        key="cap_what_if_heatmap",
        width="stretch",
    )
    _delays(after, names)
    _save_form(chosen, levelling.figures(after.grid, since), f)


def _move_forms(lines: pd.DataFrame, supply: pd.DataFrame, since: date, names: dict[str, str]) -> None:
    """Three small forms: shift a project, cap a team, change a team's capacity."""
    lang = common.lang()
    labels = {code: f"{code} · {names.get(code, '')}" for code in sorted(lines["code"].unique())}
    teams = sorted(set(supply["team"]) | set(lines["team"]))
    months = pd.date_range(since, supply["month"].max() if len(supply) else since, freq="MS").date.tolist()
    shift, cap, change = st.columns(3)
    with shift, st.form("cap_shift", clear_on_submit=False, border=True):
        st.markdown(f"**{tr('capacity.move.shift_title')}**")
        st.selectbox(tr("capacity.col.project"), list(labels), format_func=labels.get, key="cap_move_project")
        st.number_input(
            tr("capacity.move.months"),
            -levelling.MAX_SHIFT,
            levelling.MAX_SHIFT,
            3,
            step=1,
            key="cap_move_months",
        )
        st.form_submit_button(tr("capacity.move.add"), on_click=_add_shift)
    with cap, st.form("cap_cap", border=True):
        st.markdown(f"**{tr('capacity.move.cap_title')}**")
        st.selectbox(tr("capacity.col.team"), teams, key="cap_move_team")
        st.slider(
            tr("capacity.move.cap_pct"),
            50,
            120,
            100,
            step=5,
            format="%d %%" if common.lang() == "fr" else "%d%%",
            key="cap_move_cap",
        )
        st.form_submit_button(tr("capacity.move.add"), on_click=_add_cap)
    with change, st.form("cap_change", border=True):
        st.markdown(f"**{tr('capacity.move.capacity_title')}**")
        st.selectbox(tr("capacity.col.team"), teams, key="cap_move_team2")
        left, right = st.columns(2)
        left.number_input(
            tr("capacity.move.fte"),
            -50.0,
            50.0,
            1.0,
            step=0.5,
            key="cap_move_fte",
            help=tr("capacity.move.fte.help"),
        )
        right.selectbox(
            tr("capacity.move.from"),
            months or [since],
            format_func=lambda m: formatting.month(m, lang),
            key="cap_move_from",
        )
        st.form_submit_button(tr("capacity.move.add"), on_click=_add_capacity)


def _move_list(chosen: list[levelling.Move], names: dict[str, str]) -> None:
    lang = common.lang()
    st.markdown(f"**{tr('capacity.what_if.moves', n=len(chosen))}**")
    for i, move in enumerate(chosen):
        text_col, button_col = st.columns([6, 1])
        text_col.markdown(f"{i + 1}. {levelling.move_text(move, lang, names)}")
        button_col.button(
            tr("capacity.move.remove"), key=f"cap_remove_{i}", type="tertiary", on_click=_remove, args=(i,)
        )
    st.button(tr("capacity.move.clear"), key="cap_clear", on_click=_clear)


def _figures(before: levelling.Figures, after: levelling.Figures) -> None:
    """Show the figures before and after the moves, each with its change (down is good)."""
    lang = common.lang()
    cards = st.columns(3)
    months_change = after.over_team_months - before.over_team_months
    cards[0].metric(
        tr("capacity.metric.months_over"),
        formatting.number(after.over_team_months, lang),
        border=True,
        help=tr("capacity.what_if.before", value=formatting.number(before.over_team_months, lang)),
        **common.change(months_change, formatting.number(months_change, lang), "inverse"),
    )
    short_change = after.short - before.short
    cards[1].metric(
        tr("capacity.metric.short"),
        formatting.number(after.short, lang, 1),
        border=True,
        help=tr("capacity.what_if.before", value=formatting.number(before.short, lang, 1)),
        **common.change(round(short_change, 1), formatting.number(short_change, lang, 1), "inverse"),
    )
    peak_change = None if after.peak is None or before.peak is None else round(after.peak - before.peak, 2)
    cards[2].metric(
        tr("capacity.metric.peak"),
        formatting.percent(after.peak, lang),
        border=True,
        help=tr("capacity.what_if.before", value=formatting.percent(before.peak, lang)),
        **common.change(peak_change, formatting.percent(peak_change, lang) if peak_change else "", "inverse"),
    )


def _delays(plan: levelling.Plan, names: dict[str, str]) -> None:
    """Say which projects a cap delays and by how much, and the work no month could take."""
    lang = common.lang()
    for row in plan.unplaced.to_dict("records"):
        st.warning(
            tr(
                "capacity.what_if.unplaced",
                team=row["team"],
                n=formatting.number(row["person_months"], lang, 1),
            )
        )
    if plan.delays.empty:
        return
    st.markdown(f"**{tr('capacity.what_if.delays', n=plan.delays['code'].nunique())}**")
    shown = plan.delays.assign(
        link=common.project_links(plan.delays["code"]),
        name=plan.delays["code"].map(names),
        end_before=plan.delays["end_before"].map(lambda m: formatting.month(m, lang)),
        end_after=plan.delays["end_after"].map(lambda m: formatting.month(m, lang)),
    )[["link", "name", "team", "end_before", "end_after", "months_late"]]
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        height=320,
        column_config={
            "link": st.column_config.LinkColumn(
                tr("capacity.col.code"), display_text=common.PROJECT_LINK_TEXT
            ),
            "name": st.column_config.TextColumn(tr("capacity.col.project"), width="medium"),
            "team": tr("capacity.col.team"),
            "end_before": tr("capacity.col.end_before"),
            "end_after": tr("capacity.col.end_after"),
            "months_late": st.column_config.NumberColumn(tr("capacity.col.months_late"), format="%d"),
        },
    )


def _save_form(chosen: list[levelling.Move], result: levelling.Figures, f: Filters) -> None:
    with st.form("cap_save", clear_on_submit=True):
        st.markdown(f"**{tr('capacity.scenario.save_title')}**")
        name_col, note_col = st.columns([1, 2])
        name = name_col.text_input(tr("capacity.col.scenario"), key="cap_scenario_name")
        note = note_col.text_input(tr("capacity.scenario.note"), key="cap_scenario_note")
        if st.form_submit_button(tr("capacity.scenario.save")):
            try:
                levelling.save_scenario(
                    common.cursor(),
                    name,
                    chosen,
                    state_date=common.snapshot_date(f) or date.today(),
                    result=result,
                    actor=common.actor(),
                    note=note or None,
                )
                st.success(tr("capacity.scenario.saved", name=name.strip()))
            except levelling.ScenarioRefused as exc:
                st.error(tr(str(exc)))


# --- Scenarios ---------------------------------------------------------------------------------------------


def scenarios(f: Filters, first: date, last: date, since: date | None) -> None:
    """List the saved scenarios, compare up to four beside the loads as reported, mark the plan of record."""
    con = common.cursor()
    listed = levelling.list_scenarios(con)
    if listed.empty or since is None:
        st.info(tr("capacity.scenario.empty"))
        return
    shown = listed.assign(
        plan=listed["plan_of_record"].map({True: "★", False: ""}),
        peak=(listed["peak_load"] * 100).round(0),
    )[
        [
            "plan",
            "name",
            "n_moves",
            "over_team_months",
            "short_fte_months",
            "peak",
            "note",
            "created_at",
            "created_by",
        ]
    ]
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "plan": st.column_config.TextColumn("★", help=tr("capacity.scenario.plan.help"), width="small"),
            "name": tr("capacity.col.scenario"),
            "n_moves": st.column_config.NumberColumn(tr("capacity.col.moves"), format="%d"),
            "over_team_months": st.column_config.NumberColumn(tr("capacity.metric.months_over"), format="%d"),
            "short_fte_months": st.column_config.NumberColumn(tr("capacity.col.short"), format="%.1f"),
            "peak": st.column_config.NumberColumn(
                tr("capacity.col.peak"), format="%d %%" if common.lang() == "fr" else "%d%%"
            ),
            "note": tr("capacity.scenario.note"),
            "created_at": st.column_config.DatetimeColumn(
                tr("capacity.col.created"), format=f"{common.day_format()} HH:mm"
            ),
            "created_by": tr("capacity.col.by"),
        },
    )
    st.caption(tr("capacity.scenario.frozen"))
    names = dict(zip(listed["scenario_id"], listed["name"], strict=True))
    _compare(listed, names, f, since)
    _plan_forms(names)


@common.fragment(key="cap_scenarios_compared")  # the scenarios picked rerun the comparison alone
def _compare(listed: pd.DataFrame, names: dict[int, str], f: Filters, since: date) -> None:
    """Compare up to MAX_COMPARED scenarios beside the loads as reported, the two newest at first."""
    picked = st.multiselect(
        tr("capacity.scenario.compare"),
        list(names),
        default=listed["scenario_id"].head(2).tolist(),
        max_selections=levelling.MAX_COMPARED,
        format_func=names.get,
        key="cap_compare",
    )
    if picked:
        _comparison_view(_comparison(_version(), tuple(picked), f, since, common.lang()))


def _comparison_view(comparison: levelling.Comparison) -> None:
    lang = common.lang()
    summary = comparison.summary.assign(peak=(comparison.summary["peak"] * 100).round(0))
    common.table(
        summary,
        hide_index=True,
        width="stretch",
        column_order=("scenario", "over_team_months", "short", "peak", "teams_over", "delayed", "moves"),
        column_config={  # the figures first, the changes (long text) last: they fit at 1280 px
            "scenario": st.column_config.TextColumn(tr("capacity.col.scenario"), pinned=True),
            "moves": st.column_config.TextColumn(tr("capacity.col.moves"), width="large"),
            "over_team_months": st.column_config.NumberColumn(tr("capacity.metric.months_over"), format="%d"),
            "short": st.column_config.NumberColumn(tr("capacity.col.short"), format="%.1f"),
            "peak": st.column_config.NumberColumn(
                tr("capacity.col.peak"), format="%d %%" if common.lang() == "fr" else "%d%%"
            ),
            "teams_over": st.column_config.NumberColumn(tr("capacity.metric.teams_over"), format="%d"),
            "delayed": st.column_config.NumberColumn(tr("capacity.col.delayed"), format="%d"),
        },
    )
    if comparison.shortfalls.empty:
        st.success(tr("capacity.scenario.all_fit"))
        return
    best = comparison.summary.sort_values(["short", "over_team_months"]).iloc[0]
    common.chart(
        charts.scenario_chart,
        comparison.shortfalls,
        lang,
        title=tr(
            "capacity.scenario.chart_title",
            name=best["scenario"],
            short=formatting.number(best["short"], lang, 1),
        ),
        subtitle=tr("capacity.scenario.chart_subtitle"),
        width="stretch",
    )


def _plan_forms(names: dict[int, str]) -> None:
    """Mark a scenario as the plan of record, or delete one."""
    con = common.cursor()
    user = common.actor()  # pmo_core checks their role and records the change under their name
    mark, delete = st.columns(2)
    with mark, st.form("cap_plan"):
        chosen = st.selectbox(
            tr("capacity.scenario.plan"), list(names), format_func=names.get, key="cap_plan_pick"
        )
        if st.form_submit_button(tr("capacity.scenario.mark")):
            levelling.mark_plan_of_record(con, chosen, user)
            st.success(tr("capacity.scenario.marked", name=names[chosen]))
    with delete, st.form("cap_delete"):
        doomed = st.selectbox(
            tr("capacity.scenario.delete_which"), list(names), format_func=names.get, key="cap_delete_pick"
        )
        if st.form_submit_button(tr("capacity.scenario.delete")):
            try:
                levelling.delete_scenario(con, doomed, user)
                st.success(tr("capacity.scenario.deleted", name=names[doomed]))
            except levelling.ScenarioRefused as exc:
                st.error(tr(str(exc)))
