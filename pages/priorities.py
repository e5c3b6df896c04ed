"""Prioritisation page: rank the projects under scoring models, weigh their business cases, pick the best
portfolio under a budget (proven optimal, each project's in or out explained), and compare scenarios."""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import business_case, capacity, exports, formatting, priorities, scenarios, selection
from pmo_core.filters import Filters
from pmo_core.i18n import t
from pmo_core.palette import NEUTRAL, STATUS_COLOURS

LABEL_PX, TITLE_PX, HEADING_PX = 14, 15, 18
ROW_PX = 30  # one bar of a horizontal bar chart
NAME_CHARS = 38  # longer project names are cut on axes; the tooltip has the whole name
CRITERION_COLOURS = ["#1F4E79", "#5B9BD5", "#F28E2B", "#B07AA1", "#76B7B2", "#9C755F", "#EDC948", "#BAB0AC"]
SCENARIO_COLOURS = ["#1F4E79", "#F28E2B", "#76B7B2", "#B07AA1"]
HIGHLIGHT = "#F28E2B"  # what the eye should find, without the meaning of a status colour
MOVE_PLACES = 10  # a project "moves" between two models when its rank changes by this much or more
COMPARE_TOP = 100  # ranks are compared among the projects in the top 100 under either model
# The width follows the column; the height is the plot's own, so one bar keeps ROW_PX whatever the title.
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")

CON = common.cursor()
LANG = common.lang()
SETTINGS = common.current_settings()
RATE = SETTINGS["discount_rate_pct"] / 100
USER = common.actor()  # every change below is checked against their role and recorded under their name
CURRENCY = SETTINGS["currency"]
SYMBOL = formatting.currency_symbol(CURRENCY)


def tr(key: str, /, **params: object) -> str:
    """Translate into this run's language (also when a widget formats its options after the run)."""
    return t(key, LANG, **params)


def versions() -> tuple:
    """The store's content and the prioritisation settings: any change refreshes the cached pictures."""
    return common.data_version(), priorities.state_version(CON)


# --- Cached queries: one per picture ---------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=64)
def _models(version: tuple) -> list[priorities.ScoringModel]:
    return priorities.list_models(common.cursor())


@st.cache_data(show_spinner=False, max_entries=16)
def _inputs(data_version: tuple, f: Filters, rate: float) -> pd.DataFrame:
    """Every prioritisation input of the filtered projects: read once, shared by the pictures below."""
    return priorities.project_inputs(common.cursor(), f, rate)


@st.cache_data(show_spinner=False, max_entries=64)
def _ranking(version: tuple, f: Filters, model_id: int, rate: float) -> pd.DataFrame:
    return priorities.ranking(common.cursor(), f, model_id, rate, _inputs(version[0], f, rate))


@st.cache_data(show_spinner=False, max_entries=64)
def _compare(version: tuple, f: Filters, a: int, b: int, rate: float) -> pd.DataFrame:
    inputs = _inputs(version[0], f, rate)
    return priorities.compare_ranks(common.cursor(), f, a, b, rate, inputs, top=COMPARE_TOP)


@st.cache_data(show_spinner=False, max_entries=64)
def _cases(version: tuple, f: Filters, rate: float) -> pd.DataFrame:
    return business_case.business_cases(common.cursor(), f, rate)


@st.cache_data(show_spinner=False, max_entries=64)
def _curve(version: tuple, f: Filters, code: str, rate: float) -> pd.DataFrame:
    return business_case.cash_flow_curve(common.cursor(), f, code, rate)


@st.cache_data(show_spinner=False, max_entries=64)
def _candidates(version: tuple, f: Filters, model_id: int | None, basis: str, rate: float) -> pd.DataFrame:
    inputs = _inputs(version[0], f, rate)
    return selection.selection_candidates(
        common.cursor(), f, model_id=model_id, cost_basis=basis, rate=rate, inputs=inputs
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _year_costs(version: tuple, f: Filters) -> pd.DataFrame:
    return selection.candidate_year_costs(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=128)
def _selection(
    candidates: pd.DataFrame,
    budget: float,
    unit: float,
    forced_in: tuple,
    forced_out: tuple,
    year_costs: pd.DataFrame,
    year_budgets: tuple,
    team_demand: pd.DataFrame | None = None,
    team_limits: pd.DataFrame | None = None,
) -> selection.Selection:
    return selection.select_portfolio(
        candidates,
        budget,
        unit=unit,
        forced_in=forced_in,
        forced_out=forced_out,
        year_costs=year_costs,
        year_budgets=dict(year_budgets),
        team_demand=team_demand,
        team_limits=team_limits,
    )


@st.cache_data(show_spinner=False, max_entries=128)
def _frontier(
    candidates: pd.DataFrame,
    unit: float,
    forced_in: tuple,
    forced_out: tuple,
    year_costs: pd.DataFrame,
    year_budgets: tuple,
    team_demand: pd.DataFrame | None = None,
    team_limits: pd.DataFrame | None = None,
) -> pd.DataFrame:
    return selection.efficient_frontier(
        candidates,
        unit=unit,
        forced_in=forced_in,
        forced_out=forced_out,
        year_costs=year_costs,
        year_budgets=dict(year_budgets),
        team_demand=team_demand,
        team_limits=team_limits,
    )


@st.cache_data(show_spinner=False, max_entries=64)
def _team_limits(
    version: tuple, f: Filters, codes: tuple[str, ...], by: str, teams: tuple[str, ...]
) -> tuple[pd.DataFrame, pd.DataFrame]:
    since = capacity.first_open_month(capacity.reference_date(common.cursor(), f))
    return capacity.selection_limits(common.cursor(), f, list(codes), since=since, by=by, teams=list(teams))


@st.cache_data(show_spinner=False, max_entries=16)
def _scenarios(version: tuple) -> pd.DataFrame:
    return scenarios.list_scenarios(common.cursor())


@st.cache_data(show_spinner=False, max_entries=64)
def _comparison(version: tuple, ids: tuple[int, ...]) -> scenarios.Comparison:
    return scenarios.compare_scenarios(common.cursor(), list(ids))


# --- Shared drawing helpers ------------------------------------------------------------------------------


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the projector sizes: labels at least 13 px, titles larger."""
    return (
        chart.configure_axis(labelFontSize=LABEL_PX, titleFontSize=TITLE_PX)
        .configure_legend(  # four entries to a row: five criteria in one row run past a projector's 1280 px
            labelFontSize=LABEL_PX,
            titleFontSize=TITLE_PX,
            symbolSize=200,
            orient="top",
            labelLimit=420,
            columns=4,
        )
        .configure_title(fontSize=HEADING_PX, subtitleFontSize=LABEL_PX, anchor="start")
        .configure_view(strokeWidth=0)
    )


def short(name: object) -> str:
    text = str(name)
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1] + "…"


def money(value: object) -> str:
    return common.money(None if pd.isna(value) else float(value))


def short_money(value: object) -> str:
    return common.money(None if pd.isna(value) else float(value), short=True)


def percent(value: object) -> str:
    return formatting.percent(None if pd.isna(value) else float(value), LANG)


def years_text(value: object) -> str:
    """Write a payback: years with one decimal, "never" when it is not reached."""
    if value is None or (isinstance(value, float) and (np.isnan(value) or np.isinf(value))):
        return tr("priorities.never")
    return tr("priorities.years", n=formatting.number(float(value), LANG, 1))


def points(value: object) -> str:
    return tr("priorities.points", n=formatting.number(None if pd.isna(value) else float(value), LANG, 1))


def field_label(field: str) -> str:
    return tr(f"field.projects.{field}")


def model_label(models: list[priorities.ScoringModel], model_id: int | None) -> str:
    if model_id is None:
        return tr("priorities.objective.npv")
    found = next((m for m in models if m.model_id == model_id), None)
    return found.label(LANG) if found else str(model_id)


def download(frame: pd.DataFrame, name: str, key: str) -> None:
    """Offer a table as Excel, written only when the button is clicked (long tables cost nothing before)."""
    st.download_button(
        tr("download.excel"),
        lambda: exports.to_excel_bytes({name: frame}, lang=LANG),
        file_name=f"{name}.xlsx",
        key=key,
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


def show_error(key: str) -> None:
    """Show a refusal from the core, whose message is a translation key (or several, comma separated)."""
    st.error(" ".join(tr(part.strip()) for part in key.split(",")))


# --- Headline --------------------------------------------------------------------------------------------


def headline(f: Filters, version: tuple) -> pd.DataFrame:
    """Show the candidates, their cost, the mandatory ones and the plan of record; return the candidates."""
    candidates = _candidates(version, f, None, "budget", RATE)
    listed = _scenarios(version)
    plan = listed.loc[listed["plan_of_record"]]
    mandatory = candidates.loc[candidates["mandatory"]]
    cards = st.columns(4)
    cards[0].metric(
        tr("priorities.metric.candidates"),
        formatting.number(len(candidates), LANG),
        help=tr("priorities.metric.candidates.help"),
        border=True,
    )
    cards[1].metric(
        tr("priorities.metric.total_cost"),
        short_money(candidates["cost"].sum()),
        help=tr("priorities.metric.total_cost.help"),
        border=True,
    )
    cards[2].metric(
        tr("priorities.metric.mandatory"),
        formatting.number(len(mandatory), LANG),
        delta=short_money(mandatory["cost"].sum()) if len(mandatory) else None,
        delta_color="off",
        delta_arrow="off",
        help=tr("priorities.metric.mandatory.help"),
        border=True,
    )
    cards[3].metric(
        tr("priorities.metric.plan"),
        plan["name"].iloc[0] if len(plan) else tr("priorities.none"),
        help=tr("priorities.metric.plan.help"),
        border=True,
    )
    return candidates


# --- Ranking ---------------------------------------------------------------------------------------------


def ranking_tab(f: Filters, version: tuple, models: list[priorities.ScoringModel]) -> None:
    """Rank under a model with each criterion's share, compare with a second model, change a rank by hand."""
    ids = [m.model_id for m in models]
    left, middle, right = st.columns([1.2, 1.2, 1])
    model_id = left.selectbox(
        tr("priorities.rank.model"),
        ids,
        key=f"prio_model_{LANG}",
        persist_state="session",
        format_func=lambda i: model_label(models, i),
    )
    other_default = next((i for i in ids if i != model_id), model_id)
    other = middle.selectbox(
        tr("priorities.rank.compare"),
        ids,
        index=ids.index(other_default),
        key=f"prio_other_{LANG}",
        persist_state="session",
        format_func=lambda i: model_label(models, i),
    )
    top = right.slider(tr("priorities.rank.top"), 5, 50, 20, step=5, key="prio_top", persist_state="session")
    model = next(m for m in models if m.model_id == model_id)
    ranked = _ranking(version, f, model_id, RATE)
    if ranked.empty:
        st.info(tr("empty.selection"))
        return
    st.caption(tr(f"priorities.formula.{model.kind}"))
    unscored = ranked.loc[ranked["score"].isna()]
    if len(unscored):
        st.warning(
            tr("priorities.rank.unscored", n=len(unscored), fields=_missing_words(unscored["missing"]))
        )
    long = priorities.contributions(ranked, model, top)
    if long.empty:
        st.info(tr("priorities.rank.none_scored"))
    else:
        common.chart(contribution_chart(long, ranked, model), width="stretch")
    ranking_table(ranked, model)
    compare_section(f, version, models, model_id, other)
    override_section(ranked, model)


def _missing_words(missing: pd.Series) -> str:
    fields = sorted({f.strip() for text in missing for f in text.split(",") if f.strip()})
    return ", ".join(field_label(f) for f in fields)


def contribution_chart(
    long: pd.DataFrame, ranked: pd.DataFrame, model: priorities.ScoringModel
) -> alt.LayerChart:
    """Draw one stacked bar per project: each criterion's points, the score at the end, ranked top down."""
    manual = set(ranked.loc[ranked["override_rank"].notna(), "code"])
    data = long.assign(
        label=[
            f"{int(r)} · {short(n)}" + (" ✎" if c in manual else "")
            for r, n, c in zip(long["rank"], long["name"], long["code"], strict=True)
        ],
        criterion_label=long["criterion"].map(field_label),
        points_text=long["points"].map(points),
        score_text=long["score"].map(points),
    )
    order = list(dict.fromkeys(data.sort_values("rank")["label"]))
    criteria = [field_label(c.field) for c in model.terms]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    tooltip = [
        alt.Tooltip("name:N", title=tr("priorities.col.project")),
        alt.Tooltip("criterion_label:N", title=tr("priorities.col.criterion")),
        alt.Tooltip("points_text:N", title=tr("priorities.col.points")),
        alt.Tooltip("score_text:N", title=tr("priorities.col.score")),
        alt.Tooltip("rank:Q", title=tr("priorities.col.rank")),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "sum(points):Q",
                title=tr("priorities.axis.points"),
                scale=alt.Scale(domain=[0, 110]),
                axis=alt.Axis(values=list(range(0, 101, 10))),
            ),
            color=alt.Color(
                "criterion_label:N",
                scale=alt.Scale(domain=criteria, range=CRITERION_COLOURS[: len(criteria)]),
                title=tr("priorities.col.criterion"),
            ),
            order=alt.Order("order:Q"),
            tooltip=tooltip,
        )
    )
    totals = data.drop_duplicates("code")
    text = (
        alt.Chart(totals)
        .mark_text(align="left", dx=4, fontSize=LABEL_PX)
        .encode(y=y, x=alt.X("score:Q"), text="score_text:N", tooltip=tooltip[:1] + tooltip[3:])
    )
    first = totals.sort_values("rank").iloc[0]
    title = alt.Title(
        tr(
            "priorities.rank.chart_title",
            name=short(first["name"]),
            score=points(first["score"]),
            model=model.label(LANG),
        ),
        subtitle=tr("priorities.rank.chart_subtitle", n=len(totals)),
    )
    return _configured(
        alt.layer(bars, text).properties(title=title, height=ROW_PX * len(totals), autosize=FIT_WIDTH)
    )


def ranking_table(ranked: pd.DataFrame, model: priorities.ScoringModel) -> None:
    """List every project with its rank, score, inputs and what is missing; downloadable."""
    shown = pd.DataFrame(
        {
            "rank": ranked["rank"].astype("Int64"),
            "score_rank": ranked["score_rank"].astype("Int64"),
            "manual": ranked["override_rank"].notna().map({True: "✎", False: ""}),
            "link": common.project_links(ranked["code"]),
            "name": ranked["name"],
            "score": ranked["score"],
        }
    )
    for field in priorities.model_fields(model):
        values = ranked[f"in_{field}"]
        shown[field] = values.map(years_text) if field == "payback_years" else values
    shown["missing"] = ranked["missing"].map(
        lambda m: ", ".join(field_label(x.strip()) for x in m.split(",") if x)
    )
    shown["mandatory"] = ranked["mandatory"].map({True: "✔", False: ""})
    config = {
        "rank": st.column_config.NumberColumn(
            tr("priorities.col.rank"), format="%d", pinned=True, width="small"
        ),
        "score_rank": st.column_config.NumberColumn(
            tr("priorities.col.score_rank"), format="%d", help=tr("priorities.col.score_rank.help")
        ),
        "manual": st.column_config.TextColumn("✎", help=tr("priorities.col.manual.help"), width="small"),
        "link": st.column_config.LinkColumn(
            tr("priorities.col.code"), display_text=common.PROJECT_LINK_TEXT, pinned=True
        ),
        "name": st.column_config.TextColumn(tr("priorities.col.project"), width="medium"),
        # A figure, not a bar: a bar writes its figure in the browser's language (the chart above has the bars).
        "score": st.column_config.NumberColumn(tr("priorities.col.score"), format="%.1f"),
        "missing": st.column_config.TextColumn(tr("priorities.col.missing")),
        "mandatory": st.column_config.TextColumn(tr("field.projects.mandatory"), width="small"),
    }
    for field in priorities.model_fields(model):
        config[field] = (
            st.column_config.TextColumn(field_label(field))
            if field == "payback_years"
            else st.column_config.NumberColumn(_field_title(field), format=_field_format(field))
        )
    common.table(shown, column_config=config, hide_index=True, width="stretch", height=420)
    export = shown.drop(columns=["link"]).assign(code=ranked["code"])
    download(
        export.rename(columns=lambda c: str(config[c].get("label") or c) if c in config else c),
        "ranking",
        "prio_rank_xlsx",
    )


def _field_title(field: str) -> str:
    return f"{field_label(field)} ({SYMBOL})" if field == "npv" else field_label(field)


def _field_format(field: str) -> str:
    return {"npv": "localized", "roi": "percent"}.get(field, "%g")


def compare_section(
    f: Filters, version: tuple, models: list[priorities.ScoringModel], a: int, b: int
) -> None:
    """Show each project's rank under two models side by side: a scatter off the diagonal, and a table."""
    st.subheader(tr("priorities.compare.title", a=model_label(models, a), b=model_label(models, b)))
    if a == b:
        st.info(tr("priorities.compare.same"))
        return
    both = _compare(version, f, a, b, RATE).dropna(subset=["rank_a", "rank_b"])
    if both.empty:
        st.info(tr("priorities.rank.none_scored"))
        return
    chart_col, table_col = st.columns([1.2, 1])
    with chart_col:
        common.chart(compare_chart(both, model_label(models, a), model_label(models, b)), width="stretch")
    with table_col:
        shown = pd.DataFrame(
            {
                "name": both["name"],
                "rank_a": both["rank_a"].astype(int),
                "rank_b": both["rank_b"].astype(int),
                "moves": both["moves"].astype(int),
            }
        )
        shown["moves"] = shown["moves"].map(lambda m: f"▲ {m}" if m > 0 else f"▼ {-m}" if m < 0 else "=")
        common.table(
            shown,
            hide_index=True,
            width="stretch",
            height=440,
            column_config={
                "name": st.column_config.TextColumn(tr("priorities.col.project"), width="medium"),
                "rank_a": st.column_config.NumberColumn(model_label(models, a), format="%d"),
                "rank_b": st.column_config.NumberColumn(model_label(models, b), format="%d"),
                "moves": st.column_config.TextColumn(
                    tr("priorities.col.moves"), help=tr("priorities.col.moves.help")
                ),
            },
        )


def compare_chart(both: pd.DataFrame, a: str, b: str) -> alt.LayerChart:
    """Plot rank under A against rank under B: on the diagonal a project ranks the same under both."""
    moved = both["moves"].abs() >= MOVE_PLACES
    data = both.assign(
        group=np.where(moved, tr("priorities.compare.moved", n=MOVE_PLACES), tr("priorities.compare.steady"))
    )
    top = int(max(data["rank_a"].max(), data["rank_b"].max()))
    across = alt.Scale(domain=[0, top + 1], nice=False)
    down = alt.Scale(domain=[top + 1, 0], nice=False)  # rank 1 at the top
    diagonal = (
        alt.Chart(pd.DataFrame({"r": [0, top + 1]}))
        .mark_line(color="#9E9E9E", strokeDash=[4, 4])
        .encode(x=alt.X("r:Q", scale=across), y=alt.Y("r:Q", scale=down))
    )
    groups = [tr("priorities.compare.moved", n=MOVE_PLACES), tr("priorities.compare.steady")]
    dots = (
        alt.Chart(data)
        .mark_circle(size=110, opacity=0.85)
        .encode(
            x=alt.X("rank_a:Q", scale=across, title=tr("priorities.compare.axis", model=a)),
            y=alt.Y("rank_b:Q", scale=down, title=tr("priorities.compare.axis", model=b)),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=[HIGHLIGHT, NEUTRAL]), title=None
            ),
            tooltip=[
                alt.Tooltip("name:N", title=tr("priorities.col.project")),
                alt.Tooltip("rank_a:Q", title=a),
                alt.Tooltip("rank_b:Q", title=b),
                alt.Tooltip("moves:Q", title=tr("priorities.col.moves")),
            ],
        )
    )
    title = alt.Title(
        tr("priorities.compare.chart_title", n=int(moved.sum()), places=MOVE_PLACES, a=a, b=b).split("\n"),
        subtitle=tr("priorities.compare.chart_subtitle", top=COMPARE_TOP).split("\n"),
    )
    return _configured(alt.layer(diagonal, dots).properties(title=title, height=420, autosize=FIT_WIDTH))


def override_section(ranked: pd.DataFrame, model: priorities.ScoringModel) -> None:
    """Let the PMO place a project at a rank by hand, saying why; list every change with who and when."""
    with st.expander(tr("priorities.override.title")):
        names = dict(zip(ranked["code"], ranked["name"], strict=True))
        with st.form("prio_override", clear_on_submit=True):
            code = st.selectbox(
                tr("priorities.col.project"),
                list(names),
                format_func=lambda c: f"{c} · {names[c]}",
                key="prio_override_code",
            )
            rank = st.number_input(
                tr("priorities.override.rank"),
                min_value=1,
                max_value=max(1, len(names)),
                value=1,
                step=1,
                help=tr("priorities.override.rank.help"),
                key="prio_override_rank",
            )
            clear = st.checkbox(tr("priorities.override.clear"), key="prio_override_clear")
            reason = st.text_input(
                tr("priorities.override.reason"),
                placeholder=tr("priorities.override.reason.hint"),
                key="prio_override_reason",
            )
            if st.form_submit_button(tr("priorities.override.save")):
                try:
                    priorities.override_rank(
                        CON, model.model_id, code, None if clear else int(rank), reason, USER
                    )
                    st.rerun()
                except ValueError as exc:
                    show_error(str(exc))
        history = priorities.override_history(CON, model.model_id)
        if history.empty:
            st.caption(tr("priorities.override.none"))
            return
        history["when"] = history["created_at"].map(lambda d: formatting.day(d, LANG))
        history["name"] = history["code"].map(names)
        common.table(
            history[["when", "user_name", "code", "name", "rank", "reason"]],
            hide_index=True,
            width="stretch",
            column_config={
                "when": tr("priorities.col.when"),
                "user_name": tr("priorities.col.who"),
                "code": tr("priorities.col.code"),
                "name": tr("priorities.col.project"),
                "rank": st.column_config.NumberColumn(tr("priorities.override.rank"), format="%d"),
                "reason": tr("priorities.col.why"),
            },
        )


# --- Business case ---------------------------------------------------------------------------------------


def business_case_tab(f: Filters, version: tuple) -> None:
    """Show NPV, IRR, payback and ROI per project from the yearly rows, and one project's cash curve."""
    cases = _cases(version, f, RATE)
    st.caption(
        tr(
            "priorities.case.conventions",
            rate=formatting.percent(RATE, LANG, 1),
            setting=tr("setting.label.discount_rate_pct"),
        )
    )
    if cases.empty:
        st.info(tr("priorities.case.empty"))
        return
    common.chart(npv_chart(cases), width="stretch")
    case_table(cases)
    names = dict(zip(cases["code"], cases["name"], strict=True))
    ordered = cases.sort_values("npv", ascending=False)["code"].tolist()
    code = st.selectbox(
        tr("priorities.case.project"),
        ordered,
        key="prio_case_project",
        persist_state="session",
        format_func=lambda c: f"{c} · {names[c]}",
    )
    row = cases.set_index("code").loc[code]
    common.chart(cash_chart(_curve(version, f, code, RATE), row), width="stretch")


def npv_chart(cases: pd.DataFrame, most: int = 30) -> alt.LayerChart:
    """Draw NPV per project, best first; the ones that never pay back in red."""
    never = cases["payback"].isna()
    best = cases.loc[~never].sort_values("npv", ascending=False).head(max(most - int(never.sum()), 10))
    data = (
        pd.concat([best, cases.loc[never]])
        .sort_values("npv", ascending=False)
        .assign(
            label=lambda d: d["name"].map(short),
            npv_text=lambda d: d["npv"].map(money),
            payback_text=lambda d: d["payback"].map(years_text),
            group=lambda d: np.where(
                d["payback"].isna(), tr("priorities.case.never_group"), tr("priorities.case.pays_group")
            ),
        )
    )
    groups = [tr("priorities.case.pays_group"), tr("priorities.case.never_group")]
    top = data.iloc[0]
    title = alt.Title(
        tr(
            "priorities.case.chart_title",
            n=int(never.sum()),
            total=len(cases),
            name=short(top["name"]),
            npv=short_money(top["npv"]),
        ),
        subtitle=tr("priorities.case.chart_subtitle", n=len(best)),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("npv:Q", title=tr("priorities.axis.npv", unit=SYMBOL), axis=alt.Axis(format="~s")),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=[NEUTRAL, STATUS_COLOURS["red"]]), title=None
            ),
            tooltip=[
                alt.Tooltip("name:N", title=tr("priorities.col.project")),
                alt.Tooltip("npv_text:N", title=tr("priorities.col.npv")),
                alt.Tooltip("payback_text:N", title=tr("priorities.col.payback")),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#424242").encode(x="x:Q")
    return _configured(
        alt.layer(bars, zero).properties(title=title, height=ROW_PX * len(data), autosize=FIT_WIDTH)
    )


def _irr_text(status: str, rate: object, rates: list) -> str:
    if status == "unique":
        return formatting.percent(float(rate), LANG, 1)
    if status == "multiple":
        return tr(
            "priorities.case.irr_multiple", rates=", ".join(formatting.percent(r, LANG, 1) for r in rates)
        )
    return tr("priorities.case.irr_none")


def case_table(cases: pd.DataFrame) -> None:
    shown = pd.DataFrame(
        {
            "link": common.project_links(cases["code"]),
            "name": cases["name"],
            "first_year": cases["first_year"].astype(str),
            "n_years": cases["n_years"],
            "total_cost": cases["total_cost"],
            "total_benefit": cases["total_benefit"],
            "npv": cases["npv"],
            "irr": [
                _irr_text(s, r, rs)
                for s, r, rs in zip(cases["irr_status"], cases["irr"], cases["irr_rates"], strict=True)
            ],
            "payback": cases["payback"].map(years_text),
            "discounted_payback": cases["discounted_payback"].map(years_text),
            "roi": cases["roi"] * 100,
        }
    ).sort_values("npv", ascending=False)
    money_col = lambda key: st.column_config.NumberColumn(f"{tr(key)} ({SYMBOL})", format="%d")  # noqa: E731
    config = {
        "link": st.column_config.LinkColumn(
            tr("priorities.col.code"), display_text=common.PROJECT_LINK_TEXT, pinned=True
        ),
        "name": st.column_config.TextColumn(tr("priorities.col.project"), width="medium"),
        "first_year": tr("priorities.col.first_year"),
        "n_years": st.column_config.NumberColumn(tr("priorities.col.n_years"), format="%d"),
        "total_cost": money_col("priorities.col.total_cost"),
        "total_benefit": money_col("priorities.col.total_benefit"),
        "npv": money_col("priorities.col.npv"),
        "irr": st.column_config.TextColumn(tr("priorities.col.irr"), help=tr("priorities.col.irr.help")),
        "payback": tr("priorities.col.payback"),
        "discounted_payback": tr("priorities.col.discounted_payback"),
        "roi": st.column_config.NumberColumn(
            tr("priorities.col.roi"), format="%d\u00a0%%" if LANG == "fr" else "%d%%"
        ),
    }
    common.table(shown, column_config=config, hide_index=True, width="stretch", height=380)
    export = shown.drop(columns=["link"]).assign(code=cases["code"])
    download(
        export.rename(
            columns=lambda c: (
                str(config[c].get("label") if isinstance(config[c], dict) else config[c])
                if c in config
                else c
            )
        ),
        "business_case",
        "prio_case_xlsx",
    )


def cash_chart(curve: pd.DataFrame, row: pd.Series) -> alt.LayerChart:
    """Draw one project's cumulative cash flow, plain and discounted, with the zero line it must cross."""
    plain, disc = tr("priorities.case.cumulative"), tr("priorities.case.discounted")
    long = pd.concat(
        [
            pd.DataFrame({"year": curve["calendar_year"], "series": plain, "amount": curve["cumulative"]}),
            pd.DataFrame(
                {"year": curve["calendar_year"], "series": disc, "amount": curve["discounted_cumulative"]}
            ),
        ]
    )
    long["amount_text"] = long["amount"].map(money)
    title = alt.Title(
        tr(
            "priorities.case.curve_title",
            name=short(row["name"]),
            payback=years_text(row["payback"]),
            discounted=years_text(row["discounted_payback"]),
        ),
        subtitle=tr("priorities.case.curve_subtitle", rate=formatting.percent(RATE, LANG, 1)),
    )
    lines = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(size=70), strokeWidth=3)
        .encode(
            x=alt.X("year:O", title=tr("priorities.axis.year"), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "amount:Q", title=tr("priorities.axis.cumulative", unit=SYMBOL), axis=alt.Axis(format="~s")
            ),
            color=alt.Color(
                "series:N", scale=alt.Scale(domain=[plain, disc], range=[NEUTRAL, "#F28E2B"]), title=None
            ),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=[plain, disc], range=[[1, 0], [6, 4]]), title=None
            ),
            tooltip=[
                alt.Tooltip("year:O", title=tr("priorities.axis.year")),
                alt.Tooltip("series:N", title=" "),
                alt.Tooltip("amount_text:N", title=tr("priorities.col.amount")),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#424242").encode(y="y:Q")
    return _configured(alt.layer(zero, lines).properties(title=title, height=340, autosize=FIT_WIDTH))


# --- Selection -------------------------------------------------------------------------------------------


def selection_tab(f: Filters, version: tuple, models: list[priorities.ScoringModel]) -> None:
    """Pick the best portfolio under the budget and constraints: figures, frontier, in and out with reasons."""
    objective_col, basis_col, budget_col = st.columns([1.3, 1.3, 1])
    options: list[int | str] = [*(m.model_id for m in models), "npv"]  # a model's total score, or the NPV
    chosen = objective_col.selectbox(
        tr("priorities.select.objective"),
        options,
        key=f"prio_objective_{LANG}",
        persist_state="session",
        format_func=lambda i: _objective_label(models, None if i == "npv" else i),
    )
    objective = None if chosen == "npv" else chosen
    basis = basis_col.radio(
        tr("priorities.select.basis"),
        ["budget", "remaining"],
        key=f"prio_basis_{LANG}",
        horizontal=True,
        persist_state="session",
        format_func=lambda b: tr(f"priorities.basis.{b}"),
        help=tr("priorities.select.basis.help"),
    )
    candidates = _candidates(version, f, objective, basis, RATE)
    if candidates.empty:
        st.info(tr("priorities.select.no_candidates"))
        return
    if len(candidates) > selection.MAX_CANDIDATES:
        st.warning(tr("priorities.select.too_many", n=len(candidates), most=selection.MAX_CANDIDATES))
        return
    total = float(candidates["cost"].sum())
    factor, unit_word = (1e6, "M") if total >= 5e6 else (1e3, "k")
    unit_text = f"{unit_word}{SYMBOL}" if LANG == "fr" else f"{SYMBOL}{unit_word}"
    shown = budget_col.number_input(
        tr("priorities.select.budget", unit=unit_text),
        min_value=0.0,
        value=_default_budget(total) / factor,
        step=_budget_step(total) / factor,
        format="%.2f" if factor == 1e6 else "%.0f",
        key=f"prio_budget_{basis}_{unit_word}_{abs(hash(f)) % 10**8}",  # its own budget per basis and filters
        persist_state="session",
        help=tr("priorities.select.budget.help", total=money(total)),
    )
    budget = round(shown * factor)
    year_costs = _year_costs(version, f)
    forced_in, forced_out, year_budgets = constraints(candidates, year_costs, factor, unit_text)
    people = team_constraints(version, f, candidates)
    unit = selection.MONEY_UNIT if objective is None else selection.SCORE_UNIT
    money_only = (unit, forced_in, forced_out, year_costs, year_budgets)
    args = (*money_only, *people.limits) if people.on else money_only
    result = _selection(candidates, float(budget), *args)
    if result.status == "infeasible":
        st.error(selection.infeasible_text(result.problem_reason, result.problem_args, LANG, CURRENCY))
        return
    curve = _frontier(candidates, *args)
    selection_figures(result, curve, objective)
    people_note(people, result)
    if curve.attrs.get("unproven"):
        st.caption(tr("priorities.people.unproven", n=curve.attrs["unproven"]))
    budget_only = _frontier(candidates, *money_only) if people.on else None
    common.chart(frontier_chart(curve, result, objective, total, budget_only), width="stretch")
    more_section(result, objective)
    coming = result.years.loc[result.years["year"] >= _this_year()]
    if not coming.empty and coming["cost"].sum() > 0:
        common.chart(years_chart(coming), width="stretch")
    selection_table(result, objective, models)
    save_section(result, objective, basis, f, models)


def _objective_label(models: list[priorities.ScoringModel], model_id: int | None) -> str:
    if model_id is None:
        return tr("priorities.objective.npv")
    return tr("priorities.objective.score", model=model_label(models, model_id))


def _budget_step(total: float) -> float:
    """A step that moves the budget by a round amount: 1 % of the candidates' cost, rounded to 1, 2 or 5."""
    raw = max(total / 100, 1.0)
    power = 10 ** np.floor(np.log10(raw))
    return float(min((s * power for s in (1, 2, 5, 10) if s * power >= raw), default=power))


def _default_budget(total: float) -> float:
    """Offer 60 % of the candidates' cost as the first budget, rounded to the step."""
    step = _budget_step(total)
    return float(round(total * 0.6 / step) * step)


def constraints(
    candidates: pd.DataFrame, year_costs: pd.DataFrame, factor: float, unit_text: str
) -> tuple[tuple, tuple, tuple]:
    """Offer projects forced in or out and budgets per year (typed in the budget's unit, such as M€);
    return them as hashable tuples, amounts in the currency."""
    names = dict(zip(candidates["code"], candidates["name"], strict=True))
    label = lambda c: f"{c} · {short(names.get(c, c))}"  # noqa: E731
    with st.expander(tr("priorities.select.constraints"), expanded=False):
        left, right = st.columns(2)
        forced_in = left.multiselect(
            tr("priorities.select.forced_in"),
            list(names),
            key="prio_forced_in",
            persist_state="session",
            format_func=label,
            placeholder=tr("priorities.none"),
        )
        forced_out = right.multiselect(
            tr("priorities.select.forced_out"),
            [c for c in names if c not in forced_in],
            key="prio_forced_out",
            persist_state="session",
            format_func=label,
            placeholder=tr("priorities.none"),
        )
        years = sorted(y for y in year_costs["year"].unique() if y >= _this_year()) if len(year_costs) else []
        year_budgets: tuple = ()
        if years:
            st.caption(tr("priorities.select.years.help"))
            kept = st.session_state.setdefault("_prio_year_budgets", {})
            table = pd.DataFrame(
                {
                    "year": [str(y) for y in years],
                    "budget": [kept.get(int(y), np.nan) / factor for y in years],
                }
            )
            edited = st.data_editor(
                table,
                hide_index=True,
                key="prio_year_editor",
                column_config={
                    "year": st.column_config.TextColumn(tr("priorities.col.year"), disabled=True),
                    "budget": st.column_config.NumberColumn(
                        tr("priorities.select.year_budget", unit=unit_text), min_value=0, format="%.2f"
                    ),
                },
                width=420,
                placeholder=tr("priorities.select.no_limit"),
            )
            chosen = {
                int(y): round(float(b) * factor)
                for y, b in zip(edited["year"], edited["budget"], strict=True)
                if pd.notna(b)
            }
            st.session_state["_prio_year_budgets"] = chosen
            year_budgets = tuple(sorted(chosen.items()))
        mandatory = candidates.loc[candidates["mandatory"], "name"].tolist()
        st.caption(
            tr("priorities.select.mandatory", names=", ".join(map(short, mandatory)) or tr("priorities.none"))
        )
    return tuple(forced_in), tuple(forced_out), year_budgets


@dataclass(frozen=True)
class People:
    """The team capacity the selection respects, if any: by month or quarter, and the rows it adds."""

    on: bool
    by: str = "month"
    teams: tuple[str, ...] = ()
    limits: tuple = (None, None)  # (team_demand, team_limits) for the selection
    check: tuple = (None, None)  # the same by month for every team, to say what a selection overloads


def team_constraints(version: tuple, f: Filters, candidates: pd.DataFrame) -> People:
    """Offer to respect team capacity per month or quarter, for the chosen teams; say nothing when the store
    holds no capacity for the months ahead."""
    codes = tuple(candidates["code"])
    check = _team_limits(version, f, codes, "month", ())
    asked = sorted(set(check[0]["team"]) & set(check[1]["team"]))
    if not asked:
        return People(False)
    with st.expander(tr("priorities.people.title"), expanded=False):
        on = st.toggle(tr("priorities.people.on"), key="prio_people_on", help=tr("priorities.people.on.help"))
        left, right = st.columns([1, 2])
        by = left.radio(
            tr("priorities.people.by"),
            ["month", "quarter"],
            horizontal=True,
            key="prio_people_by",
            format_func=lambda b: tr(f"priorities.people.{b}"),
        )
        teams = right.multiselect(
            tr("priorities.people.teams"),
            asked,
            key="prio_people_teams",
            placeholder=tr("priorities.people.all"),
        )
    if not on:
        return People(False, check=check)
    chosen = tuple(teams) or tuple(asked)
    return People(True, by, chosen, _team_limits(version, f, codes, by, chosen), check)


def people_note(people: People, result: selection.Selection) -> None:
    """Say which teams the selection is held to, or which teams it asks too much of when it is held to none."""
    if people.on:
        st.caption(tr(f"priorities.people.held_{people.by}", n=len(people.teams)))
        return
    demand, limits = people.check
    if demand is None:
        return
    chosen = set(result.table.loc[result.table["selected"], "code"])
    short = selection.teams_short(chosen, demand, limits)
    if short:
        st.warning(tr("priorities.people.short", teams=", ".join(short)))


def _this_year() -> int:
    d = common.snapshot_date(common.filters())
    return d.year if d else pd.Timestamp.today().year


def value_text(value: float | None, objective: int | None) -> str:
    return short_money(value) if objective is None else points(value)


def selection_figures(result: selection.Selection, curve: pd.DataFrame, objective: int | None) -> None:
    """Show the value, the budget used, the projects funded, and what 10 % more would add."""
    best = float(curve["value"].max()) if len(curve) else result.value
    n_in = int(result.table["selected"].sum())
    cards = st.columns([1.5, 1.1, 0.8, 1.2])  # room for what the value is a share of
    cards[0].metric(
        tr("priorities.metric.value"),
        value_text(result.value, objective),
        delta=tr("priorities.metric.value.of", share=percent(result.value / best if best > 0 else None)),
        delta_color="off",
        delta_arrow="off",
        help=tr("priorities.metric.value.help"),
        border=True,
    )
    cards[1].metric(
        tr("priorities.metric.used"),
        short_money(result.cost),
        delta=tr(
            "priorities.metric.used.of",
            share=percent(result.cost / result.budget if result.budget else None),
            budget=short_money(result.budget),
        ),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    cards[2].metric(
        tr("priorities.metric.funded"),
        formatting.number(n_in, LANG),
        delta=tr("priorities.metric.funded.of", n=result.n_candidates),
        delta_color="off",
        delta_arrow="off",
        border=True,
    )
    more = result.more
    gain = None if more is None else more.value - result.value
    cards[3].metric(
        tr("priorities.metric.more"),
        "+" + value_text(gain, objective) if gain is not None else tr("na"),
        delta=tr("priorities.metric.more.delta", n=len(more.comes_in)) if more else None,
        delta_color="off",
        delta_arrow="off",
        help=tr("priorities.metric.more.help"),
        border=True,
    )
    if result.status == "not_proven":
        st.warning(tr("priorities.select.not_proven"))


def frontier_chart(
    curve: pd.DataFrame,
    result: selection.Selection,
    objective: int | None,
    total_cost: float,
    budget_only: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Draw the best value for every budget, the budget chosen, this selection and the 10 % more point; under
    team capacity, the best value with money alone beside it, dashed."""
    shown = selection.chart_points(curve)
    unit_title = (
        tr("priorities.axis.value_npv", unit=SYMBOL) if objective is None else tr("priorities.axis.value")
    )
    data = shown.assign(
        cost_text=shown["cost"].map(money),
        value_text=shown["value"].map(lambda v: value_text(v, objective)),
        series=tr("priorities.frontier.best"),
    )
    tooltip = [
        alt.Tooltip("cost_text:N", title=tr("priorities.frontier.budget_tip")),
        alt.Tooltip("value_text:N", title=tr("priorities.frontier.value_tip")),
        alt.Tooltip("n_projects:Q", title=tr("priorities.frontier.projects_tip")),
    ]
    x = alt.X("cost:Q", title=tr("priorities.axis.budget", unit=SYMBOL), axis=alt.Axis(format="~s"))
    y = alt.Y("value:Q", title=unit_title, axis=alt.Axis(format="~s" if objective is None else "d"))
    line = (
        alt.Chart(data).mark_line(interpolate="step-after", color=NEUTRAL, strokeWidth=2.5).encode(x=x, y=y)
    )
    if budget_only is not None:  # the best value with money alone, dashed grey behind: the subtitle says so
        other = selection.chart_points(budget_only)
        other = other.assign(
            cost_text=other["cost"].map(money),
            value_text=other["value"].map(lambda v: value_text(v, objective)),
        )
        line = alt.layer(
            alt.Chart(other)
            .mark_line(interpolate="step-after", color="#9E9E9E", strokeWidth=2.5, strokeDash=[6, 4])
            .encode(x=x, y=y, tooltip=tooltip),
            line,
        )
    dots = alt.Chart(data).mark_circle(size=24, color=NEUTRAL, opacity=0.25).encode(x=x, y=y, tooltip=tooltip)
    marks = pd.DataFrame(
        [
            {
                "cost": result.cost,
                "value": result.value,
                "n_projects": int(result.table["selected"].sum()),
                "what": tr("priorities.frontier.this"),
            }
        ]
    )
    if result.more is not None:
        marks.loc[1] = {
            "cost": result.more.cost,
            "value": result.more.value,
            "n_projects": int(result.table["selected"].sum())
            + len(result.more.comes_in)
            - len(result.more.goes_out),
            "what": tr("priorities.frontier.more"),
        }
    marks = marks.assign(
        cost_text=marks["cost"].map(money), value_text=marks["value"].map(lambda v: value_text(v, objective))
    )
    whats = [tr("priorities.frontier.this"), tr("priorities.frontier.more")]
    points_ = (
        alt.Chart(marks)
        .mark_point(size=320, filled=True, strokeWidth=2)
        .encode(
            x=x,
            y=y,
            shape=alt.Shape("what:N", scale=alt.Scale(domain=whats, range=["circle", "diamond"]), title=None),
            color=alt.Color(
                "what:N", scale=alt.Scale(domain=whats, range=[STATUS_COLOURS["red"], "#F28E2B"]), title=None
            ),
            tooltip=[alt.Tooltip("what:N", title=" "), *tooltip],
        )
    )
    labels = (
        alt.Chart(marks.head(1))
        .mark_text(
            align="right", dx=-14, dy=-16, fontSize=LABEL_PX, fontWeight="bold", color=STATUS_COLOURS["red"]
        )
        .encode(x=x, y=y, text="what:N")
    )
    rule = (
        alt.Chart(pd.DataFrame({"cost": [result.budget], "cost_text": [money(result.budget)]}))
        .mark_rule(strokeDash=[6, 4], color="#616161")
        .encode(x="cost:Q", tooltip=[alt.Tooltip("cost_text:N", title=tr("priorities.frontier.budget_rule"))])
    )
    best = float(curve["value"].max()) if len(curve) else 0.0
    title = alt.Title(
        tr(
            "priorities.frontier.title",
            value=percent(result.value / best if best > 0 else None),
            cost=percent(result.cost / total_cost if total_cost > 0 else None),
        ),
        subtitle=[tr("priorities.frontier.subtitle")]
        + ([] if budget_only is None else [tr("priorities.frontier.subtitle_people")]),
    )
    return _configured(
        alt.layer(line, dots, rule, points_, labels).properties(title=title, height=420, autosize=FIT_WIDTH)
    )


def more_section(result: selection.Selection, objective: int | None) -> None:
    """Say in words what 10 % more budget would fund."""
    more = result.more
    if more is None:
        return
    if not more.comes_in:
        st.info(tr("priorities.more.nothing", budget=short_money(more.budget)))
        return
    text = tr(
        "priorities.more.comes_in",
        budget=short_money(more.budget),
        names=", ".join(more.comes_in),
        value=value_text(more.value - result.value, objective),
        cost=short_money(more.cost - result.cost),
    )
    if more.goes_out:
        text += " " + tr("priorities.more.goes_out", names=", ".join(more.goes_out))
    st.info(text)


def years_chart(years: pd.DataFrame) -> alt.LayerChart:
    """Draw the selection's business-case cost per year, beside each year's budget when one is set."""
    data = years.assign(
        year=years["year"].astype(str),
        cost_text=years["cost"].map(money),
        budget_text=years["budget"].map(lambda b: money(b) if pd.notna(b) else tr("priorities.none")),
    )
    tooltip = [
        alt.Tooltip("year:N", title=tr("priorities.col.year")),
        alt.Tooltip("cost_text:N", title=tr("priorities.col.cost")),
        alt.Tooltip("budget_text:N", title=tr("priorities.select.year_budget", unit=SYMBOL)),
    ]
    x = alt.X("year:O", title=tr("priorities.axis.year"), axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(data)
        .mark_bar(color=NEUTRAL, size=36)
        .encode(
            x=x,
            y=alt.Y("cost:Q", title=tr("priorities.axis.cost", unit=SYMBOL), axis=alt.Axis(format="~s")),
            tooltip=tooltip,
        )
    )
    ticks = (
        alt.Chart(data.dropna(subset=["budget"]))
        .mark_tick(color=STATUS_COLOURS["red"], thickness=3, size=60)
        .encode(x=x, y="budget:Q", tooltip=tooltip)
    )
    peak = data.loc[data["cost"].idxmax()]
    title = alt.Title(
        tr("priorities.years.title", year=peak["year"], cost=short_money(peak["cost"])),
        subtitle=tr("priorities.years.subtitle"),
    )
    return _configured(alt.layer(bars, ticks).properties(title=title, height=260, autosize=FIT_WIDTH))


def selection_table(
    result: selection.Selection, objective: int | None, models: list[priorities.ScoringModel]
) -> None:
    """List every candidate: in or out, cost, value, value per million, and why."""
    table = result.table
    kind = "npv" if objective is None else "score"
    shown = pd.DataFrame(
        {
            "selected": table["selected"].map(
                {True: "✅ " + tr("priorities.in"), False: "— " + tr("priorities.out")}
            ),
            "link": common.project_links(table["code"]),
            "name": table["name"],
            "reason": [
                selection.reason_text(r, a, LANG, CURRENCY, kind)
                for r, a in zip(table["reason"], table["reason_args"], strict=True)
            ],
            "cost": table["cost"],
            "value": table["value"],
            # NPV per euro spent (a ratio, 0.45), points per million spent (a score per money)
            "per_million": table["value_per_million"] / (1e6 if objective is None else 1),
            "kept_out_by": table["kept_out_by"].map(_kept_words),
        }
    )
    if (shown["kept_out_by"] != "").any():  # beside the name, where a narrow screen still shows it
        shown.insert(3, "kept_out_by", shown.pop("kept_out_by"))
    else:
        shown = shown.drop(columns="kept_out_by")
    value_title = (
        tr("priorities.col.npv") + f" ({SYMBOL})" if objective is None else tr("priorities.col.score")
    )
    config = {
        "selected": st.column_config.TextColumn(tr("priorities.col.selected"), pinned=True, width="small"),
        "link": st.column_config.LinkColumn(
            tr("priorities.col.code"), display_text=common.PROJECT_LINK_TEXT, pinned=True
        ),
        "name": st.column_config.TextColumn(tr("priorities.col.project"), width="medium"),
        "cost": st.column_config.NumberColumn(f"{tr('priorities.col.cost')} ({SYMBOL})", format="%d"),
        "value": st.column_config.NumberColumn(value_title, format="%d" if objective is None else "%.1f"),
        "per_million": st.column_config.NumberColumn(
            tr(f"priorities.col.per_million.{kind}", unit=SYMBOL),
            format="%.2f" if objective is None else "%.1f",
            help=tr("priorities.col.per_million.help"),
        ),
        "reason": st.column_config.TextColumn(tr("priorities.col.why"), width="large"),
        "kept_out_by": st.column_config.TextColumn(
            tr("priorities.col.kept_out_by"), help=tr("priorities.col.kept_out_by.help")
        ),
    }
    st.subheader(tr("priorities.select.table", n=int(table["selected"].sum()), total=len(table)))
    common.table(shown, column_config=config, hide_index=True, width="stretch", height=460)
    export = shown.drop(columns=["link"]).assign(code=table["code"])
    download(
        export.rename(columns=lambda c: str(config[c]["label"]) if c in config else c),
        "selection",
        "prio_select_xlsx",
    )


def _kept_words(kept: str) -> str:
    """Write what keeps a project out in the page's words: the budget, then the teams."""
    return ", ".join(
        tr("priorities.kept.money") if part == "money" else part for part in kept.split("; ") if part
    )


def save_section(
    result: selection.Selection,
    objective: int | None,
    basis: str,
    f: Filters,
    models: list[priorities.ScoringModel],
) -> None:
    """Save the selection as a named scenario."""
    with st.form("prio_save", clear_on_submit=True):
        st.markdown(f"**{tr('priorities.scenario.save_title')}**")
        name_col, note_col = st.columns([1, 2])
        name = name_col.text_input(tr("priorities.scenario.name"), key="prio_scenario_name")
        note = note_col.text_input(tr("priorities.scenario.note"), key="prio_scenario_note")
        if st.form_submit_button(tr("priorities.scenario.save")):
            parts = [*f.portfolios, *f.programmes, *f.managers]
            try:
                scenarios.save_scenario(
                    CON,
                    name,
                    result,
                    objective="npv" if objective is None else model_label(models, objective),
                    cost_basis=basis,
                    state_date=common.snapshot_date(f) or pd.Timestamp.today().date(),
                    filters=", ".join(parts),
                    actor=USER,
                    note=note or None,
                )
                st.success(tr("priorities.scenario.saved", name=name.strip()))
            except scenarios.ScenarioRefused as exc:
                show_error(str(exc))


# --- Scenarios -------------------------------------------------------------------------------------------


def scenarios_tab(version: tuple) -> None:
    """List the saved scenarios, compare up to four side by side, mark the plan of record."""
    listed = _scenarios(version)
    if listed.empty:
        st.info(tr("priorities.scenario.empty"))
        return
    scenario_list(listed)
    names = dict(zip(listed["scenario_id"], listed["name"], strict=True))
    default = listed["scenario_id"].head(min(2, len(listed))).tolist()
    chosen = st.multiselect(
        tr("priorities.scenario.compare"),
        list(names),
        default=default,
        max_selections=4,
        key="prio_compare",
        persist_state="session",
        format_func=lambda i: names[i],
    )
    if chosen:
        comparison_view(_comparison(version, tuple(chosen)))
    plan_section(listed, names)


def scenario_list(listed: pd.DataFrame) -> None:
    shown = pd.DataFrame(
        {
            "plan": listed["plan_of_record"].map({True: "★", False: ""}),
            "name": listed["name"],
            "objective": listed["objective"].map(
                lambda o: tr("priorities.objective.npv") if o == "npv" else o
            ),
            "basis": listed["cost_basis"].map(lambda b: tr(f"priorities.basis.{b}")),
            "budget": listed["budget"],
            "value": listed["total_value"],
            "cost": listed["total_cost"],
            "n": listed["n_selected"].astype(str) + " / " + listed["n_candidates"].astype(str),
            "when": listed["created_at"].map(lambda d: formatting.day(d, LANG)),
            "who": listed["created_by"],
            "note": listed["note"],
        }
    )
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "plan": st.column_config.TextColumn("★", help=tr("priorities.metric.plan.help"), width="small"),
            "name": tr("priorities.scenario.name"),
            "objective": tr("priorities.select.objective"),
            "basis": tr("priorities.select.basis"),
            "budget": st.column_config.NumberColumn(f"{tr('priorities.col.budget')} ({SYMBOL})", format="%d"),
            "value": st.column_config.NumberColumn(tr("priorities.col.value"), format="localized"),
            "cost": st.column_config.NumberColumn(f"{tr('priorities.col.cost')} ({SYMBOL})", format="%d"),
            "n": tr("priorities.col.funded"),
            "when": tr("priorities.col.when"),
            "who": tr("priorities.col.who"),
            "note": tr("priorities.scenario.note"),
        },
    )


def comparison_view(comparison: scenarios.Comparison) -> None:
    """Show the scenarios' figures in columns, their yearly cost, and the projects on which they differ."""
    columns = st.columns(len(comparison.summary))
    for column, row in zip(columns, comparison.summary.itertuples(index=False), strict=True):
        star = " ★" if row.plan_of_record else ""
        value = short_money(row.total_value) if row.objective == "npv" else points(row.total_value)
        column.metric(
            f"{row.name}{star}",
            value,
            delta=tr(
                "priorities.scenario.cost_of",
                cost=short_money(row.total_cost),
                budget=short_money(row.budget),
                n=row.n_selected,
            ),
            delta_color="off",
            delta_arrow="off",
            help=tr(
                "priorities.scenario.metric.help",
                objective=row.objective if row.objective != "npv" else tr("priorities.objective.npv"),
            ),
            border=True,
        )
    coming = comparison.years.loc[comparison.years["year"] >= _this_year()]
    if not coming.empty and coming["cost"].sum() > 0:
        common.chart(scenario_years_chart(coming, list(comparison.summary["name"])), width="stretch")
    differ = comparison.projects.loc[comparison.projects["differs"]]
    st.markdown(f"**{tr('priorities.scenario.differ', n=len(differ))}**")
    every = st.toggle(tr("priorities.scenario.show_all"), key="prio_show_all")
    shown = comparison.projects if every else differ
    names = list(comparison.summary["name"])
    table = shown[["code", "name", *names]].copy()
    for name in names:
        table[name] = table[name].map(lambda v: "✅" if v is True else "—" if v is False else "")
    common.table(
        table,
        hide_index=True,
        width="stretch",
        column_config={
            "code": tr("priorities.col.code"),
            "name": st.column_config.TextColumn(tr("priorities.col.project"), width="medium"),
        },
    )


def scenario_years_chart(years: pd.DataFrame, names: list[str]) -> alt.LayerChart:
    data = years.assign(year=years["year"].astype(str), cost_text=years["cost"].map(money))
    peak = data.groupby("year")["cost"].max().idxmax()
    title = alt.Title(
        tr("priorities.scenario.years_title", year=peak), subtitle=tr("priorities.scenario.years_subtitle")
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=tr("priorities.axis.year"), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("scenario:N", sort=names),
            y=alt.Y("cost:Q", title=tr("priorities.axis.cost", unit=SYMBOL), axis=alt.Axis(format="~s")),
            color=alt.Color(
                "scenario:N",
                sort=names,
                scale=alt.Scale(domain=names, range=SCENARIO_COLOURS[: len(names)]),
                title=None,
            ),
            tooltip=[
                alt.Tooltip("scenario:N", title=tr("priorities.scenario.name")),
                alt.Tooltip("year:N", title=tr("priorities.col.year")),
                alt.Tooltip("cost_text:N", title=tr("priorities.col.cost")),
            ],
        )
    )
    return _configured(bars.properties(title=title, height=280, autosize=FIT_WIDTH))


def plan_section(listed: pd.DataFrame, names: dict[int, str]) -> None:
    """Mark a scenario as the plan of record, or delete one."""
    mark_col, delete_col = st.columns(2)
    with mark_col, st.form("prio_plan"):
        chosen = st.selectbox(
            tr("priorities.scenario.plan"), list(names), format_func=lambda i: names[i], key="prio_plan_pick"
        )
        if st.form_submit_button(tr("priorities.scenario.mark")):
            scenarios.mark_plan_of_record(CON, chosen, USER)
            st.rerun()
        plan = listed.loc[listed["plan_of_record"]]
        if len(plan):
            st.caption(
                tr(
                    "priorities.scenario.plan_by",
                    name=plan["name"].iloc[0],
                    who=plan["plan_of_record_by"].iloc[0],
                    when=formatting.day(plan["plan_of_record_at"].iloc[0], LANG),
                )
            )
    with delete_col, st.form("prio_delete"):
        doomed = st.selectbox(
            tr("priorities.scenario.delete_which"),
            list(names),
            format_func=lambda i: names[i],
            key="prio_delete_pick",
        )
        if st.form_submit_button(tr("priorities.scenario.delete")):
            try:
                scenarios.delete_scenario(CON, doomed, USER)
                st.rerun()
            except scenarios.ScenarioRefused as exc:
                show_error(str(exc))


# --- Scoring models --------------------------------------------------------------------------------------


def models_tab(models: list[priorities.ScoringModel]) -> None:
    """Edit a model's criteria (weight, direction, scale) and save it, or save it as a new model."""
    ids = [m.model_id for m in models]
    model_id = st.columns([1, 2])[0].selectbox(
        tr("priorities.rank.model"),
        ids,
        key=f"prio_edit_model_{LANG}",
        persist_state="session",
        format_func=lambda i: model_label(models, i),
    )
    model = next(m for m in models if m.model_id == model_id)
    st.caption(tr(f"priorities.formula.{model.kind}"))
    labels = {field: field_label(field) for field in priorities.CRITERIA}
    by_label = {v: k for k, v in labels.items()}
    table = pd.DataFrame(
        {
            "field": [labels[c.field] for c in model.criteria],
            "weight": [c.weight for c in model.criteria],
            "direction": [tr(f"priorities.direction.{c.direction}") for c in model.criteria],
            "scale_min": [c.scale_min for c in model.criteria],
            "scale_max": [c.scale_max for c in model.criteria],
            "role": [tr(f"priorities.role.{c.role}") for c in model.criteria],
        }
    )
    directions = {tr(f"priorities.direction.{d}"): d for d in priorities.DIRECTIONS}
    roles = {tr(f"priorities.role.{r}"): r for r in ("term", "size")}
    edited = st.data_editor(
        table,
        num_rows="dynamic",
        hide_index=True,
        key=f"prio_criteria_{model_id}_{LANG}",
        width="stretch",
        column_config={
            "field": st.column_config.SelectboxColumn(
                tr("priorities.col.criterion"), options=list(labels.values()), required=True
            ),
            "weight": st.column_config.NumberColumn(tr("priorities.col.weight"), min_value=0, required=True),
            "direction": st.column_config.SelectboxColumn(
                tr("priorities.col.direction"), options=list(directions), required=True
            ),
            "scale_min": st.column_config.NumberColumn(
                tr("priorities.col.scale_min"), help=tr("priorities.col.scale.help")
            ),
            "scale_max": st.column_config.NumberColumn(
                tr("priorities.col.scale_max"), help=tr("priorities.col.scale.help")
            ),
            "role": st.column_config.SelectboxColumn(
                tr("priorities.col.role"),
                options=list(roles),
                required=True,
                help=tr("priorities.col.role.help"),
            ),
        },
    )
    criteria = tuple(
        priorities.Criterion(
            by_label.get(r.field, str(r.field)),
            float(r.weight) if pd.notna(r.weight) else -1.0,
            directions.get(r.direction, "higher"),
            None if pd.isna(r.scale_min) else float(r.scale_min),
            None if pd.isna(r.scale_max) else float(r.scale_max),
            roles.get(r.role, "term"),
        )
        for r in edited.itertuples(index=False)
        if pd.notna(r.field)
    )
    save_col, restore_col, _ = st.columns([1, 1, 2])
    if save_col.button(tr("priorities.model.save"), key="prio_model_save", type="primary"):
        _save(priorities.ScoringModel(model.model_id, model.name, model.kind, criteria, model.shipped_code))
    if model.shipped_code and restore_col.button(tr("priorities.model.restore"), key="prio_model_restore"):
        priorities.restore_default(CON, model.model_id, USER)
        st.rerun()
    if not model.shipped_code and restore_col.button(tr("priorities.model.delete"), key="prio_model_delete"):
        priorities.delete_model(CON, model.model_id, USER)
        st.rerun()
    name_col, as_col, _ = st.columns([1.4, 1.4, 1.2], vertical_alignment="bottom")
    name = name_col.text_input(tr("priorities.model.new_name"), key="prio_model_name")
    if as_col.button(tr("priorities.model.save_as"), key="prio_model_save_as"):
        _save(priorities.ScoringModel(None, name, model.kind, criteria))


def _save(model: priorities.ScoringModel) -> None:
    problems = priorities.validate_model(model)
    if problems:
        show_error(",".join(problems))
        return
    priorities.save_model(CON, model, USER)
    st.rerun()


# --- The page --------------------------------------------------------------------------------------------


def main() -> None:
    common.heading(tr("priorities.title"))
    if common.empty_store_notice():
        return
    f = common.filters()
    version = versions()
    models = _models(version)
    candidates = headline(f, version)
    if candidates.empty:
        st.info(tr("empty.selection"))
        return
    labels = [
        tr(f"priorities.tab.{name}")
        for name in ("ranking", "selection", "business_case", "scenarios", "models")
    ]
    ranking, select, case, saved, edit = st.tabs(labels, key=f"prio_tab_{LANG}", on_change="rerun")
    if ranking.open:
        with ranking:
            ranking_tab(f, version, models)
    if select.open:
        with select:
            selection_tab(f, version, models)
    if case.open:
        with case:
            business_case_tab(f, version)
    if saved.open:
        with saved:
            scenarios_tab(version)
    if edit.open:
        with edit:
            models_tab(models)


main()
