"""The prioritisation charts: each criterion's share of a score, ranks under two models, NPV per project and
one project's cash curve, the selection's efficient frontier and yearly cost, and scenarios compared by year.
"""

from __future__ import annotations

from dataclasses import dataclass

import altair as alt
import numpy as np
import pandas as pd

from pmo_core import formatting, priorities, selection
from pmo_core.charts import FIT_WIDTH, LABEL_PX
from pmo_core.charts.style import configured_as, tooltips
from pmo_core.i18n import t
from pmo_core.palette import NEUTRAL, STATUS_COLOURS

ROW_PX = 30  # one bar of a horizontal bar chart
NAME_CHARS = 38  # longer project names are cut on axes; the tooltip has the whole name
CRITERION_COLOURS = ["#1F4E79", "#5B9BD5", "#F28E2B", "#B07AA1", "#76B7B2", "#9C755F", "#EDC948", "#BAB0AC"]
SCENARIO_COLOURS = ["#1F4E79", "#F28E2B", "#76B7B2", "#B07AA1"]
HIGHLIGHT = "#F28E2B"  # what the eye should find, without the meaning of a status colour
MOVE_PLACES = 10  # a project "moves" between two models when its rank changes by this much or more
# Four entries to a row: five criteria in one row run past a projector's 1280 px.
LEGEND = {"orient": "top", "labelLimit": 420, "columns": 4}
TITLE = {"fontSize": 18}  # a step below the other pages' titles: a finding with a model's name fits one line


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    return configured_as(chart, legend=LEGEND, title=TITLE)


def short(name: object) -> str:
    """Cut a long project name for an axis; the tooltip keeps the whole name."""
    text = str(name)
    return text if len(text) <= NAME_CHARS else text[: NAME_CHARS - 1] + "…"


def points(value: object, lang: str) -> str:
    """Write a score or a criterion's share in points with one decimal."""
    return t(
        "priorities.points", lang, n=formatting.number(None if pd.isna(value) else float(value), lang, 1)
    )


def field_label(field: str, lang: str) -> str:
    return t(f"field.projects.{field}", lang)


@dataclass(frozen=True)
class Words:
    """Write the prioritisation figures in a language and the store's currency, the same on the page's
    cards and tables as in its charts; a missing figure reads as "n/a"."""

    lang: str
    currency: str

    def money(self, value: object) -> str:
        return formatting.money(None if pd.isna(value) else float(value), self.lang, self.currency)

    def short_money(self, value: object) -> str:
        return formatting.money(
            None if pd.isna(value) else float(value), self.lang, self.currency, short=True
        )

    def percent(self, value: object) -> str:
        return formatting.percent(None if pd.isna(value) else float(value), self.lang)

    def years(self, value: object) -> str:
        """Write a payback: years with one decimal, "never" when it is not reached."""
        if value is None or (isinstance(value, float) and (np.isnan(value) or np.isinf(value))):
            return t("priorities.never", self.lang)
        return t("priorities.years", self.lang, n=formatting.number(float(value), self.lang, 1))

    def points(self, value: object) -> str:
        return points(value, self.lang)

    def value(self, value: float | None, objective: int | None) -> str:
        """Write a selection's value: money when it maximises NPV, points under a scoring model."""
        return self.short_money(value) if objective is None else self.points(value)

    @property
    def symbol(self) -> str:
        return formatting.currency_symbol(self.currency)


# --- Ranking ---------------------------------------------------------------------------------------------


def contribution_chart(
    long: pd.DataFrame, ranked: pd.DataFrame, model: priorities.ScoringModel, lang: str
) -> alt.LayerChart:
    """Draw one stacked bar per project: each criterion's points, the score at the end, ranked top down, so
    a committee sees why a project ranks where it does; ✎ marks a rank set by hand."""
    in_points = lambda value: points(value, lang)  # noqa: E731
    manual = set(ranked.loc[ranked["override_rank"].notna(), "code"])
    data = long.assign(
        label=[
            f"{int(r)} · {short(n)}" + (" ✎" if c in manual else "")
            for r, n, c in zip(long["rank"], long["name"], long["code"], strict=True)
        ],
        criterion_label=long["criterion"].map(lambda c: field_label(c, lang)),
        points_text=long["points"].map(in_points),
        score_text=long["score"].map(in_points),
    )
    order = list(dict.fromkeys(data.sort_values("rank")["label"]))
    criteria = [field_label(c.field, lang) for c in model.terms]
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=360))
    tooltip = tooltips(
        lang,
        ("name:N", "priorities.col.project"),
        ("criterion_label:N", "priorities.col.criterion"),
        ("points_text:N", "priorities.col.points"),
        ("score_text:N", "priorities.col.score"),
        ("rank:Q", "priorities.col.rank"),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=y,
            x=alt.X(
                "sum(points):Q",
                title=t("priorities.axis.points", lang),
                scale=alt.Scale(domain=[0, 110]),
                axis=alt.Axis(values=list(range(0, 101, 10))),
            ),
            color=alt.Color(
                "criterion_label:N",
                scale=alt.Scale(domain=criteria, range=CRITERION_COLOURS[: len(criteria)]),
                title=t("priorities.col.criterion", lang),
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
        t(
            "priorities.rank.chart_title",
            lang,
            name=short(first["name"]),
            score=in_points(first["score"]),
            model=model.label(lang),
        ),
        subtitle=t("priorities.rank.chart_subtitle", lang, n=len(totals)),
    )
    return _configured(
        alt.layer(bars, text).properties(title=title, height=ROW_PX * len(totals), autosize=FIT_WIDTH)
    )


def compare_chart(both: pd.DataFrame, a: str, b: str, top_ranks: int, lang: str) -> alt.LayerChart:
    """Plot rank under model A against rank under model B: on the diagonal a project ranks the same under
    both, and the projects that move by MOVE_PLACES or more stand out. `top_ranks` is the comparison's scope."""
    moved = both["moves"].abs() >= MOVE_PLACES
    data = both.assign(
        group=np.where(
            moved, t("priorities.compare.moved", lang, n=MOVE_PLACES), t("priorities.compare.steady", lang)
        )
    )
    top = int(max(data["rank_a"].max(), data["rank_b"].max()))
    across = alt.Scale(domain=[0, top + 1], nice=False)
    down = alt.Scale(domain=[top + 1, 0], nice=False)  # rank 1 at the top
    diagonal = (
        alt.Chart(pd.DataFrame({"r": [0, top + 1]}))
        .mark_line(color="#9E9E9E", strokeDash=[4, 4])
        .encode(x=alt.X("r:Q", scale=across), y=alt.Y("r:Q", scale=down))
    )
    groups = [t("priorities.compare.moved", lang, n=MOVE_PLACES), t("priorities.compare.steady", lang)]
    dots = (
        alt.Chart(data)
        .mark_circle(size=110, opacity=0.85)
        .encode(
            x=alt.X("rank_a:Q", scale=across, title=t("priorities.compare.axis", lang, model=a)),
            y=alt.Y("rank_b:Q", scale=down, title=t("priorities.compare.axis", lang, model=b)),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=[HIGHLIGHT, NEUTRAL]), title=None
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("priorities.col.project", lang)),
                alt.Tooltip("rank_a:Q", title=a),
                alt.Tooltip("rank_b:Q", title=b),
                alt.Tooltip("moves:Q", title=t("priorities.col.moves", lang)),
            ],
        )
    )
    title = alt.Title(
        t("priorities.compare.chart_title", lang, n=int(moved.sum()), places=MOVE_PLACES, a=a, b=b).split(
            "\n"
        ),
        subtitle=t("priorities.compare.chart_subtitle", lang, top=top_ranks).split("\n"),
    )
    return _configured(alt.layer(diagonal, dots).properties(title=title, height=420, autosize=FIT_WIDTH))


# --- Business case ---------------------------------------------------------------------------------------


def npv_chart(cases: pd.DataFrame, lang: str, currency: str, most: int = 30) -> alt.LayerChart:
    """Draw NPV per project, best first, the ones that never pay back in red: at most `most` bars, every
    project that never pays back among them, as those are the ones a committee questions."""
    w = Words(lang, currency)
    never = cases["payback"].isna()
    best = cases.loc[~never].sort_values("npv", ascending=False).head(max(most - int(never.sum()), 10))
    data = (
        pd.concat([best, cases.loc[never]])
        .sort_values("npv", ascending=False)
        .assign(
            label=lambda d: d["name"].map(short),
            npv_text=lambda d: d["npv"].map(w.money),
            payback_text=lambda d: d["payback"].map(w.years),
            group=lambda d: np.where(
                d["payback"].isna(),
                t("priorities.case.never_group", lang),
                t("priorities.case.pays_group", lang),
            ),
        )
    )
    groups = [t("priorities.case.pays_group", lang), t("priorities.case.never_group", lang)]
    top = data.iloc[0]
    title = alt.Title(
        t(
            "priorities.case.chart_title",
            lang,
            n=int(never.sum()),
            total=len(cases),
            name=short(top["name"]),
            npv=w.short_money(top["npv"]),
        ),
        subtitle=t("priorities.case.chart_subtitle", lang, n=len(best)),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=list(data["label"]), title=None, axis=alt.Axis(labelLimit=360)),
            x=alt.X("npv:Q", title=t("priorities.axis.npv", lang, unit=w.symbol), axis=alt.Axis(format="~s")),
            color=alt.Color(
                "group:N", scale=alt.Scale(domain=groups, range=[NEUTRAL, STATUS_COLOURS["red"]]), title=None
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("priorities.col.project", lang)),
                alt.Tooltip("npv_text:N", title=t("priorities.col.npv", lang)),
                alt.Tooltip("payback_text:N", title=t("priorities.col.payback", lang)),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"x": [0]})).mark_rule(color="#424242").encode(x="x:Q")
    return _configured(
        alt.layer(bars, zero).properties(title=title, height=ROW_PX * len(data), autosize=FIT_WIDTH)
    )


def cash_chart(curve: pd.DataFrame, row: pd.Series, rate: float, lang: str, currency: str) -> alt.LayerChart:
    """Draw one project's cumulative cash flow, plain and discounted at `rate`, with the zero line it must
    cross: where each line crosses it is the payback the title states."""
    w = Words(lang, currency)
    plain, disc = t("priorities.case.cumulative", lang), t("priorities.case.discounted", lang)
    long = pd.concat(
        [
            pd.DataFrame({"year": curve["calendar_year"], "series": plain, "amount": curve["cumulative"]}),
            pd.DataFrame(
                {"year": curve["calendar_year"], "series": disc, "amount": curve["discounted_cumulative"]}
            ),
        ]
    )
    long["amount_text"] = long["amount"].map(w.money)
    title = alt.Title(
        t(
            "priorities.case.curve_title",
            lang,
            name=short(row["name"]),
            payback=w.years(row["payback"]),
            discounted=w.years(row["discounted_payback"]),
        ),
        subtitle=t("priorities.case.curve_subtitle", lang, rate=formatting.percent(rate, lang, 1)),
    )
    lines = (
        alt.Chart(long)
        .mark_line(point=alt.OverlayMarkDef(size=70), strokeWidth=3)
        .encode(
            x=alt.X("year:O", title=t("priorities.axis.year", lang), axis=alt.Axis(labelAngle=0)),
            y=alt.Y(
                "amount:Q",
                title=t("priorities.axis.cumulative", lang, unit=w.symbol),
                axis=alt.Axis(format="~s"),
            ),
            color=alt.Color(
                "series:N", scale=alt.Scale(domain=[plain, disc], range=[NEUTRAL, "#F28E2B"]), title=None
            ),
            strokeDash=alt.StrokeDash(
                "series:N", scale=alt.Scale(domain=[plain, disc], range=[[1, 0], [6, 4]]), title=None
            ),
            tooltip=[
                alt.Tooltip("year:O", title=t("priorities.axis.year", lang)),
                alt.Tooltip("series:N", title=" "),
                alt.Tooltip("amount_text:N", title=t("priorities.col.amount", lang)),
            ],
        )
    )
    zero = alt.Chart(pd.DataFrame({"y": [0]})).mark_rule(color="#424242").encode(y="y:Q")
    return _configured(alt.layer(zero, lines).properties(title=title, height=340, autosize=FIT_WIDTH))


# --- Selection -------------------------------------------------------------------------------------------


def frontier_chart(
    curve: pd.DataFrame,
    result: selection.Selection,
    objective: int | None,
    total_cost: float,
    lang: str,
    currency: str,
    budget_only: pd.DataFrame | None = None,
) -> alt.LayerChart:
    """Draw the best value for every budget, the budget chosen, this selection and the 10 % more point: how
    much value each extra euro buys, and how close the selection is to the best. Under team capacity,
    `budget_only` (the frontier with money alone) is drawn dashed behind, so the people's cost shows."""
    w = Words(lang, currency)
    shown = selection.chart_points(curve)
    unit_title = (
        t("priorities.axis.value_npv", lang, unit=w.symbol)
        if objective is None
        else t("priorities.axis.value", lang)
    )
    data = shown.assign(
        cost_text=shown["cost"].map(w.money),
        value_text=shown["value"].map(lambda v: w.value(v, objective)),
        series=t("priorities.frontier.best", lang),
    )
    tooltip = [
        alt.Tooltip("cost_text:N", title=t("priorities.frontier.budget_tip", lang)),
        alt.Tooltip("value_text:N", title=t("priorities.frontier.value_tip", lang)),
        alt.Tooltip("n_projects:Q", title=t("priorities.frontier.projects_tip", lang)),
    ]
    x = alt.X("cost:Q", title=t("priorities.axis.budget", lang, unit=w.symbol), axis=alt.Axis(format="~s"))
    y = alt.Y("value:Q", title=unit_title, axis=alt.Axis(format="~s" if objective is None else "d"))
    line = (
        alt.Chart(data).mark_line(interpolate="step-after", color=NEUTRAL, strokeWidth=2.5).encode(x=x, y=y)
    )
    if budget_only is not None:
        other = selection.chart_points(budget_only)
        other = other.assign(
            cost_text=other["cost"].map(w.money),
            value_text=other["value"].map(lambda v: w.value(v, objective)),
        )
        line = alt.layer(
            alt.Chart(other)
            .mark_line(interpolate="step-after", color="#9E9E9E", strokeWidth=2.5, strokeDash=[6, 4])
            .encode(x=x, y=y, tooltip=tooltip),
            line,
        )
    dots = alt.Chart(data).mark_circle(size=24, color=NEUTRAL, opacity=0.25).encode(x=x, y=y, tooltip=tooltip)
    marks = _frontier_marks(result, lang)
    marks = marks.assign(
        cost_text=marks["cost"].map(w.money), value_text=marks["value"].map(lambda v: w.value(v, objective))
    )
    whats = [t("priorities.frontier.this", lang), t("priorities.frontier.more", lang)]
    points = (
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
        alt.Chart(pd.DataFrame({"cost": [result.budget], "cost_text": [w.money(result.budget)]}))
        .mark_rule(strokeDash=[6, 4], color="#616161")
        .encode(
            x="cost:Q", tooltip=[alt.Tooltip("cost_text:N", title=t("priorities.frontier.budget_rule", lang))]
        )
    )
    best = float(curve["value"].max()) if len(curve) else 0.0
    title = alt.Title(
        t(
            "priorities.frontier.title",
            lang,
            value=w.percent(result.value / best if best > 0 else None),
            cost=w.percent(result.cost / total_cost if total_cost > 0 else None),
        ),
        subtitle=[t("priorities.frontier.subtitle", lang)]
        + ([] if budget_only is None else [t("priorities.frontier.subtitle_people", lang)]),
    )
    return _configured(
        alt.layer(line, dots, rule, points, labels).properties(title=title, height=420, autosize=FIT_WIDTH)
    )


def _frontier_marks(result: selection.Selection, lang: str) -> pd.DataFrame:
    """Return the selection's point and, when it was worked out, the point with 10 % more budget."""
    funded = int(result.table["selected"].sum())
    marks = pd.DataFrame(
        [
            {
                "cost": result.cost,
                "value": result.value,
                "n_projects": funded,
                "what": t("priorities.frontier.this", lang),
            }
        ]
    )
    if result.more is not None:
        marks.loc[1] = {
            "cost": result.more.cost,
            "value": result.more.value,
            "n_projects": funded + len(result.more.comes_in) - len(result.more.goes_out),
            "what": t("priorities.frontier.more", lang),
        }
    return marks


def years_chart(years: pd.DataFrame, lang: str, currency: str) -> alt.LayerChart:
    """Draw the selection's business-case cost per year beside each year's budget when one is set: a
    selection within its total can still break one year's budget."""
    w = Words(lang, currency)
    data = years.assign(
        year=years["year"].astype(str),
        cost_text=years["cost"].map(w.money),
        budget_text=years["budget"].map(lambda b: w.money(b) if pd.notna(b) else t("priorities.none", lang)),
    )
    tooltip = [
        alt.Tooltip("year:N", title=t("priorities.col.year", lang)),
        alt.Tooltip("cost_text:N", title=t("priorities.col.cost", lang)),
        alt.Tooltip("budget_text:N", title=t("priorities.select.year_budget", lang, unit=w.symbol)),
    ]
    x = alt.X("year:O", title=t("priorities.axis.year", lang), axis=alt.Axis(labelAngle=0))
    bars = (
        alt.Chart(data)
        .mark_bar(color=NEUTRAL, size=36)
        .encode(
            x=x,
            y=alt.Y(
                "cost:Q", title=t("priorities.axis.cost", lang, unit=w.symbol), axis=alt.Axis(format="~s")
            ),
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
        t("priorities.years.title", lang, year=peak["year"], cost=w.short_money(peak["cost"])),
        subtitle=t("priorities.years.subtitle", lang),
    )
    return _configured(alt.layer(bars, ticks).properties(title=title, height=260, autosize=FIT_WIDTH))


# --- Scenarios -------------------------------------------------------------------------------------------


def scenario_years_chart(years: pd.DataFrame, names: list[str], lang: str, currency: str) -> alt.Chart:
    """Draw each scenario's cost per year side by side, in the scenarios' order: the year where the
    scenarios differ most is the one the title names."""
    w = Words(lang, currency)
    data = years.assign(year=years["year"].astype(str), cost_text=years["cost"].map(w.money))
    peak = data.groupby("year")["cost"].max().idxmax()
    title = alt.Title(
        t("priorities.scenario.years_title", lang, year=peak),
        subtitle=t("priorities.scenario.years_subtitle", lang),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title=t("priorities.axis.year", lang), axis=alt.Axis(labelAngle=0)),
            xOffset=alt.XOffset("scenario:N", sort=names),
            y=alt.Y(
                "cost:Q", title=t("priorities.axis.cost", lang, unit=w.symbol), axis=alt.Axis(format="~s")
            ),
            color=alt.Color(
                "scenario:N",
                sort=names,
                scale=alt.Scale(domain=names, range=SCENARIO_COLOURS[: len(names)]),
                title=None,
            ),
            tooltip=[
                alt.Tooltip("scenario:N", title=t("priorities.scenario.name", lang)),
                alt.Tooltip("year:N", title=t("priorities.col.year", lang)),
                alt.Tooltip("cost_text:N", title=t("priorities.col.cost", lang)),
            ],
        )
    )
    return _configured(bars.properties(title=title, height=280, autosize=FIT_WIDTH))
