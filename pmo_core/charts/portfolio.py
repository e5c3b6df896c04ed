"""The portfolio charts of the Overview: the roadmap of the projects by portfolio, value against risk sized by
budget, and the status trend across snapshots."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from pmo_core import formatting, portfolio
from pmo_core.charts import LABEL_PX, TITLE_PX, configured, labels
from pmo_core.charts.style import status_label, status_scale
from pmo_core.i18n import t
from pmo_core.palette import NEUTRAL, STATUS_ORDER

HEADER = "▸ "  # marks a portfolio's row on the roadmap's axis
BUBBLE_NAMED = 6  # the largest budgets, named on the value and risk chart
BUBBLE_AREA = (40, 2200)  # px² of the smallest and largest bubble
BUBBLE_PX = 520  # the chart's height: Streamlit fits its title, legend and axes in it too
BUBBLE_PLOT = (780, 280)  # the plot's width and height in px as drawn on a projector at 1280 px (measured)
LEGEND_ON_TOP = alt.Legend(orient="top", direction="horizontal")


def month_axis(title: str, lang: str, **kwargs: object) -> alt.Axis:
    """Return a time axis whose month names follow the language: Vega writes English month names."""
    names = [formatting.month(date(2000, m, 1), "fr").split()[0] for m in range(1, 13)]
    expr = f"{names}[month(datum.value)] + ' ' + year(datum.value)" if lang == "fr" else None
    return (
        alt.Axis(title=title, labelExpr=expr, labelOverlap=True, **kwargs)
        if expr
        else alt.Axis(title=title, format="%b %Y", labelOverlap=True, **kwargs)
    )


# --- Roadmap ---------------------------------------------------------------------------------------------


def roadmap_chart(road: portfolio.Roadmap, today: date, lang: str) -> alt.LayerChart:
    """Draw one chart: portfolio header rows, then a bar per project from start to forecast end with its
    baseline end as a tick, its milestones as diamonds, and today's line: what is late, and by how much.

    A roadmap not grouped by portfolio (the committee's) draws its bars in their order, with no header rows.
    """
    data, order = _roadmap_data(road, today, lang)
    y = _roadmap_y(order)

    def tip(field: str, key: str) -> alt.Tooltip:
        return alt.Tooltip(f"{field}:N", title=t(key, lang))

    project = alt.Tooltip("name:N", title=t("overview.col.project", lang))
    colour = alt.Color(
        "status_label:N", scale=status_scale(lang), title=t("status.title", lang), legend=LEGEND_ON_TOP
    )
    bar = (
        alt.Chart()
        .mark_bar(height=15, cornerRadius=3)
        .encode(
            y=y,
            x=_roadmap_x(data, lang),
            x2="forecast_end:T",
            color=colour,
            tooltip=[
                project,
                tip("code", "overview.col.code"),
                tip("status_label", "status.title"),
                tip("start_text", "field.projects.start_date"),
                tip("end_text", "field.projects.forecast_end"),
                tip("baseline_text", "field.projects.baseline_end"),
                tip("slip_text", "overview.tip.end_slip"),
                tip("percent_text", "overview.col.percent"),
                tip("manager", "sidebar.manager"),
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
                tip("baseline_text", "field.projects.baseline_end"),
                tip("end_text", "field.projects.forecast_end"),
                tip("slip_text", "overview.tip.end_slip"),
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
                tip("milestone", "overview.col.milestone"),
                tip("date_text", "overview.col.date"),
                tip("milestone_baseline", "overview.col.baseline"),
                tip("milestone_slip", "overview.col.slip"),
                tip("state", "overview.col.state"),
            ],
        )
        .transform_filter("datum.kind == 'milestone'")
    )
    rule = (
        alt.Chart()
        .mark_rule(color=NEUTRAL, strokeDash=[6, 4], size=2)
        .encode(x="date:T", tooltip=[tip("today", "overview.roadmap.today")])
        .transform_filter("datum.kind == 'today'")
    )
    late = int((portfolio.end_slips(road.bars) > 0).sum())
    title = alt.Title(
        t("overview.roadmap.title", lang, late=late, n=road.shown),
        subtitle=t("overview.roadmap.subtitle", lang, today=formatting.day(today, lang)),
    )
    return configured(
        alt.layer(bar, baseline, milestone, rule, data=data).properties(height=alt.Step(24), title=title)
    )


def _roadmap_data(road: portfolio.Roadmap, today: date, lang: str) -> tuple[pd.DataFrame, list[str]]:
    """Return one frame for every layer (bars, milestones, today's line) and the rows' order with headers."""
    day = lambda value: formatting.day(value, lang)  # noqa: E731
    days = lambda n: t("overview.days", lang, n=formatting.number(n, lang))  # noqa: E731
    bars = road.bars.assign(
        kind="bar",
        status_label=road.bars["status"].map(lambda code: status_label(code, lang)),
        start_text=road.bars["start_date"].map(day),
        end_text=road.bars["forecast_end"].map(day),
        baseline_text=road.bars["baseline_end"].map(day),
        slip_text=portfolio.end_slips(road.bars).map(days),
        percent_text=road.bars["percent_complete"].map(lambda v: formatting.percent(v, lang)),
    )
    points = road.milestones.assign(
        kind="milestone",
        date_text=road.milestones["date"].map(day),
        milestone_baseline=road.milestones["baseline_date"].map(day),
        state=road.milestones["done"].map(
            lambda d: t(f"overview.milestone.{'done' if d else 'planned'}", lang)
        ),
        milestone_slip=road.milestones["slip_days"].map(days),
    )
    marker = pd.DataFrame({"kind": ["today"], "date": [pd.Timestamp(today)], "today": [day(today)]})
    data = pd.concat([bars, points, marker], ignore_index=True)
    for column in ("start_date", "forecast_end", "baseline_end", "date"):
        data[column] = pd.to_datetime(data[column])
    order = _portfolio_rows(bars, lang) if road.by_portfolio else bars["label"].tolist()
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


def _portfolio_rows(bars: pd.DataFrame, lang: str) -> list[str]:
    """Return the rows' order: each portfolio's header row, then its projects."""
    order = []
    for name, group in bars.groupby("portfolio", sort=True):
        order += [HEADER + (name or t("overview.rollup.no_portfolio", lang)), *group["label"]]
    return order


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


def _roadmap_x(data: pd.DataFrame, lang: str) -> alt.X:
    """Return the time axis on top, a tick every one, three or six months depending on the span."""
    first = data[["start_date", "date"]].min().min()
    last = data[["forecast_end", "date"]].max().max()
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 6 if months > 36 else 3 if months > 15 else 1
    return alt.X(
        "start_date:T",
        axis=month_axis(
            t("overview.roadmap.x", lang),
            lang,
            orient="top",
            labelAngle=0,
            tickCount={"interval": "month", "step": step},
        ),
    )


# --- Value and risk bubbles ------------------------------------------------------------------------------


def bubble_chart(points: pd.DataFrame, lang: str, currency: str) -> alt.LayerChart:
    """Place each project by open risk (across) and value score (up), sized by budget, coloured by status,
    with the medians as guides: the projects of low value and high risk are the ones to question."""
    data = points.assign(
        status_label=points["status"].map(lambda code: status_label(code, lang)),
        budget_text=points["bac"].map(lambda v: formatting.money(v, lang, currency)),
        value_text=points["value_score"].map(lambda v: formatting.number(v, lang)),
    )
    value_median, risk_median = data["value_score"].median(), data["risk_exposure"].median()
    worry = int(((data["value_score"] < value_median) & (data["risk_exposure"] > risk_median)).sum())
    circles = (
        alt.Chart(data)
        .mark_circle(opacity=0.75, stroke="white", strokeWidth=1)
        .encode(
            x=alt.X("risk_exposure:Q", title=t("overview.bubble.x", lang), axis=alt.Axis(format="d")),
            y=alt.Y("value_score:Q", title=t("overview.bubble.y", lang), scale=alt.Scale(domain=[0, 100])),
            size=alt.Size(
                "bac:Q",
                title=t("overview.bubble.size", lang, unit=formatting.currency_symbol(currency)),
                scale=alt.Scale(range=list(BUBBLE_AREA)),
                legend=None,
            ),
            color=alt.Color(
                "status_label:N",
                scale=status_scale(lang),
                title=t("status.title", lang),
                legend=LEGEND_ON_TOP,
            ),
            tooltip=[
                alt.Tooltip("name:N", title=t("overview.col.project", lang)),
                alt.Tooltip("code:N", title=t("overview.col.code", lang)),
                alt.Tooltip("status_label:N", title=t("status.title", lang)),
                alt.Tooltip("value_text:N", title=t("overview.bubble.y", lang)),
                alt.Tooltip("risk_exposure:Q", title=t("overview.bubble.x", lang)),
                alt.Tooltip("open_risks:Q", title=t("overview.tip.open_risks", lang)),
                alt.Tooltip("critical_risks:Q", title=t("overview.col.critical", lang)),
                alt.Tooltip("budget_text:N", title=t("overview.kpi.bac", lang)),
            ],
        )
    )
    guides = pd.DataFrame({"value": [value_median], "risk": [risk_median]})
    value_rule = (
        alt.Chart(guides)
        .mark_rule(strokeDash=[4, 4], color="#757575")
        .encode(
            y="value:Q",
            tooltip=[alt.Tooltip("value:Q", title=t("overview.bubble.median_value", lang), format=".0f")],
        )
    )
    risk_rule = (
        alt.Chart(guides)
        .mark_rule(strokeDash=[4, 4], color="#757575")
        .encode(
            x="risk:Q",
            tooltip=[alt.Tooltip("risk:Q", title=t("overview.bubble.median_risk", lang), format=".0f")],
        )
    )
    title = alt.Title(t("overview.bubble.title", lang, n=worry), subtitle=t("overview.bubble.subtitle", lang))
    return configured(
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


# --- Status trend ----------------------------------------------------------------------------------------


def trend_chart(trend: pd.DataFrame, period_days: int, lang: str) -> alt.LayerChart:
    """Stack the projects by status per snapshot, counts on the bars: whether red is growing or shrinking.

    `period_days` is the reporting period (a setting), which the subtitle states.
    """
    data = trend.assign(
        status_label=trend["status"].map(lambda code: status_label(code, lang)),
        when=trend["as_of"].map(lambda value: formatting.day(value, lang)),
        order=trend["status"].map({s: i for i, s in enumerate(STATUS_ORDER)}),
    )
    totals = data.groupby("when", sort=False)["n_projects"].transform("sum")
    data["share"] = (data["n_projects"] / totals).map(lambda v: formatting.percent(v, lang))
    data["fraction"] = data["n_projects"] / totals
    dates = data["when"].drop_duplicates().tolist()
    red = data[data["status"] == "red"].set_index("when")["n_projects"]
    first, last = int(red.get(dates[0], 0)), int(red.get(dates[-1], 0))
    title = (
        t("overview.trend.title", lang, first=first, last=last, start=dates[0], end=dates[-1])
        if len(dates) > 1
        else t("overview.trend.title_one", lang, n=last, end=dates[-1])
    )
    base = alt.Chart(data).encode(
        x=alt.X("when:N", sort=dates, title=t("overview.trend.x", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("n_projects:Q", stack="zero", title=t("overview.trend.y", lang), axis=alt.Axis(format="d")),
        order=alt.Order("order:Q"),
    )
    bars = base.mark_bar(size=min(90, 700 // max(len(dates), 1))).encode(
        color=alt.Color(
            "status_label:N",
            scale=status_scale(lang),
            title=t("status.title", lang),
            legend=LEGEND_ON_TOP,
            sort=[status_label(s, lang) for s in STATUS_ORDER],
        ),
        tooltip=[
            alt.Tooltip("when:N", title=t("overview.trend.x", lang)),
            alt.Tooltip("status_label:N", title=t("status.title", lang)),
            alt.Tooltip("n_projects:Q", title=t("overview.trend.y", lang)),
            alt.Tooltip("share:N", title=t("overview.tip.share", lang)),
        ],
    )
    counts = (
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
    subtitle = t("overview.trend.subtitle", lang, days=period_days)
    return configured(
        alt.layer(bars, counts).properties(height=360, title=alt.Title(title, subtitle=subtitle))
    )
