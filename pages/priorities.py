"""Prioritisation page: rank the projects under scoring models, weigh their business cases, pick the best
portfolio under a budget (proven optimal, each project's in or out explained), and compare scenarios."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import business_case, capacity, exports, formatting, priorities, scenarios, selection
from pmo_core.charts import priorities as charts
from pmo_core.filters import Filters
from pmo_core.i18n import t

COMPARE_TOP = 100  # ranks are compared among the projects in the top 100 under either model

CON = common.cursor()
LANG = common.lang()
SETTINGS = common.current_settings()
RATE = SETTINGS["discount_rate_pct"] / 100
USER = common.actor()  # every change below is checked against their role and recorded under their name
CURRENCY = SETTINGS["currency"]
SYMBOL = formatting.currency_symbol(CURRENCY)
WORDS = charts.Words(LANG, CURRENCY)


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


# The figures are written as the charts write them.
money, short_money, percent, years_text, value_text = (
    WORDS.money,
    WORDS.short_money,
    WORDS.percent,
    WORDS.years,
    WORDS.value,
)


def points(value: object) -> str:
    return charts.points(value, LANG)


def field_label(field: str) -> str:
    return charts.field_label(field, LANG)


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
    common.cards(
        [
            common.Card(
                tr("priorities.metric.candidates"),
                formatting.number(len(candidates), LANG),
                help=tr("priorities.metric.candidates.help"),
            ),
            common.Card(
                tr("priorities.metric.total_cost"),
                short_money(candidates["cost"].sum()),
                help=tr("priorities.metric.total_cost.help"),
            ),
            common.Card(
                tr("priorities.metric.mandatory"),
                formatting.number(len(mandatory), LANG),
                short_money(mandatory["cost"].sum()) if len(mandatory) else None,
                tr("priorities.metric.mandatory.help"),
            ),
            common.Card(
                tr("priorities.metric.plan"),
                plan["name"].iloc[0] if len(plan) else tr("priorities.none"),
                help=tr("priorities.metric.plan.help"),
            ),
        ]
    )
    return candidates


# --- Ranking ---------------------------------------------------------------------------------------------


@common.fragment(key="prio_ranking")  # the models and the top shown rerun this tab alone; a saved rank, all
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
        common.chart(charts.contribution_chart, long, ranked, model, LANG, width="stretch")
    ranking_table(ranked, model)
    compare_section(f, version, models, model_id, other)
    override_section(ranked, model)


def _missing_words(missing: pd.Series) -> str:
    fields = sorted({f.strip() for text in missing for f in text.split(",") if f.strip()})
    return ", ".join(field_label(f) for f in fields)


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
        **common.project_columns(tr("priorities.col.code"), tr("priorities.col.project")),
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
        inputs = (both, model_label(models, a), model_label(models, b), COMPARE_TOP, LANG)
        common.chart(charts.compare_chart, *inputs, width="stretch")
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
    common.chart(charts.npv_chart, cases, LANG, CURRENCY, width="stretch")
    case_table(cases)
    cash_section(f, version, cases)


@common.fragment(key="prio_cash")  # the project picked redraws its cash curve alone
def cash_section(f: Filters, version: tuple, cases: pd.DataFrame) -> None:
    """Draw one project's discounted cash curve, the project picked among the cases."""
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
    common.chart(
        charts.cash_chart, _curve(version, f, code, RATE), row, RATE, LANG, CURRENCY, width="stretch"
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
        **common.project_columns(tr("priorities.col.code"), tr("priorities.col.project")),
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


# --- Selection -------------------------------------------------------------------------------------------


@common.fragment(key="prio_selection")  # the budget and every what-if rerun the selection alone
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
    common.chart(
        charts.frontier_chart, curve, result, objective, total, LANG, CURRENCY, budget_only, width="stretch"
    )
    more_section(result, objective)
    coming = result.years.loc[result.years["year"] >= _this_year()]
    if not coming.empty and coming["cost"].sum() > 0:
        common.chart(charts.years_chart, coming, LANG, CURRENCY, width="stretch")
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
    label = lambda c: f"{c} · {charts.short(names.get(c, c))}"  # noqa: E731
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
            tr(
                "priorities.select.mandatory",
                names=", ".join(map(charts.short, mandatory)) or tr("priorities.none"),
            )
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


def selection_figures(result: selection.Selection, curve: pd.DataFrame, objective: int | None) -> None:
    """Show the value, the budget used, the projects funded, and what 10 % more would add."""
    best = float(curve["value"].max()) if len(curve) else result.value
    n_in = int(result.table["selected"].sum())
    more = result.more
    gain = None if more is None else more.value - result.value
    used = percent(result.cost / result.budget if result.budget else None)
    common.cards(
        [
            common.Card(
                tr("priorities.metric.value"),
                value_text(result.value, objective),
                tr("priorities.metric.value.of", share=percent(result.value / best if best > 0 else None)),
                tr("priorities.metric.value.help"),
            ),
            common.Card(
                tr("priorities.metric.used"),
                short_money(result.cost),
                tr("priorities.metric.used.of", share=used, budget=short_money(result.budget)),
            ),
            common.Card(
                tr("priorities.metric.funded"),
                formatting.number(n_in, LANG),
                tr("priorities.metric.funded.of", n=result.n_candidates),
            ),
            common.Card(
                tr("priorities.metric.more"),
                "+" + value_text(gain, objective) if gain is not None else tr("na"),
                tr("priorities.metric.more.delta", n=len(more.comes_in)) if more else None,
                tr("priorities.metric.more.help"),
            ),
        ],
        widths=[1.5, 1.1, 0.8, 1.2],  # room for what the value is a share of
    )
    if result.status == "not_proven":
        st.warning(tr("priorities.select.not_proven"))


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
        **common.project_columns(tr("priorities.col.code"), tr("priorities.col.project")),
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
    compare_scenarios(version, listed, names)
    plan_section(listed, names)


@common.fragment(key="prio_scenarios_compared")  # the scenarios picked and "show all" rerun this alone
def compare_scenarios(version: tuple, listed: pd.DataFrame, names: dict[int, str]) -> None:
    """Compare up to four scenarios side by side, the two newest at first."""
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
            **common.note(
                tr(
                    "priorities.scenario.cost_of",
                    cost=short_money(row.total_cost),
                    budget=short_money(row.budget),
                    n=row.n_selected,
                )
            ),
            help=tr(
                "priorities.scenario.metric.help",
                objective=row.objective if row.objective != "npv" else tr("priorities.objective.npv"),
            ),
            border=True,
        )
    coming = comparison.years.loc[comparison.years["year"] >= _this_year()]
    if not coming.empty and coming["cost"].sum() > 0:
        names = list(comparison.summary["name"])
        common.chart(charts.scenario_years_chart, coming, names, LANG, CURRENCY, width="stretch")
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


@common.fragment(key="prio_models")  # edits rerun the editor alone; a saved model reruns the page
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
