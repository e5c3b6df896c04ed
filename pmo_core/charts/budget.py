"""The budget charts: the S-curve of planned value, earned value, actual cost and forecast; spend per month
against plan; the projects ranked by variance; and the allocation by portfolio, programme, cost type or year.

Amounts are written in the store's currency, so each chart takes the currency beside the language.
"""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd

from pmo_core import budget, evm, formatting
from pmo_core.charts import LABEL_PX
from pmo_core.charts.style import configured_as, tooltips
from pmo_core.i18n import t
from pmo_core.palette import ACTUAL, EARNED, FORECAST, NEUTRAL, PLANNED, STATUS_COLOURS

COST_TYPE_COLOURS = {"CAPEX": NEUTRAL, "OPEX": "#6FA8DC", "": "#BDBDBD"}
SERIES = ("pv", "ev", "ac", "forecast")
SERIES_COLOURS = {"pv": PLANNED, "ev": EARNED, "ac": ACTUAL, "forecast": FORECAST}
MEASURES = ("budget", "actual", "forecast")
MEASURE_COLOURS = {"budget": PLANNED, "actual": ACTUAL, "forecast": FORECAST}
CHART_FRAME = 170  # px of a chart's height taken by its title, legend and axis: Streamlit fits the whole
LEGEND_ON_TOP = {"orient": "top", "labelLimit": 160}  # above the plot, at Vega's own label width


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the projector sizes, the legend above the plot where the eye starts."""
    return configured_as(chart, legend=LEGEND_ON_TOP)


def month_label_expr(lang: str, short_year: bool = False) -> str:
    """Return a Vega label expression writing a date as a month in the language (janv. 2026 / Jan 2026):
    Vega's own month names are English whatever the locale's number format."""
    names = [formatting.month(date(2000, m, 1), lang).split(" ")[0] for m in range(1, 13)]
    year = "slice(toString(year(datum.value)), 2)" if short_year else "toString(year(datum.value))"
    return f"{names!r}[month(datum.value)] + ' ' + {year}"


def money_axis(title_key: str, lang: str, currency: str) -> alt.Axis:
    """Return an amount axis labelled 0, 500k, 1M..., its title saying the currency."""
    return alt.Axis(
        title=t(title_key, lang, unit=formatting.currency_symbol(currency)),
        labelFontSize=LABEL_PX,
        tickCount=8,
        labelExpr="datum.value == 0 ? '0' : format(datum.value, '~s')",
    )


def _money(lang: str, currency: str, short: bool = False):
    return lambda value: formatting.money(value, lang, currency, short=short)


def _gap_key(prefix: str, gap: float) -> str:
    """Name the finding of a gap to plan: over, under, or on plan within half a percent."""
    return f"{prefix}_over" if gap > 0.005 else f"{prefix}_under" if gap < -0.005 else f"{prefix}_on"


# --- S-curve -------------------------------------------------------------------------------------------


def s_curve_title(curve: budget.SCurve, lang: str, currency: str) -> str:
    """State where the portfolio lands against its budget, the finding a committee asks first."""
    if pd.isna(curve.landing) or pd.isna(curve.bac) or curve.bac == 0:
        return t("budget.scurve.title_plain", lang)
    gap = curve.landing / curve.bac - 1
    short = _money(lang, currency, short=True)
    return t(
        _gap_key("budget.scurve.title", gap),
        lang,
        landing=short(curve.landing),
        bac=short(curve.bac),
        gap=formatting.percent(abs(gap), lang, 1),
    )


def s_curve_chart(curve: budget.SCurve, lang: str, currency: str) -> alt.LayerChart:
    """Draw the cumulative PV, EV, AC and forecast with the status date and the budget at completion marked:
    the earned-value picture in one chart, forecast dashed as it is not yet spent."""
    points = curve.points.copy()
    points["series_label"] = points["series"].map(lambda s: t(f"budget.series.{s}", lang))
    points["month_label"] = points["month_end"].map(lambda d: formatting.day(d, lang))
    points["value_text"] = points["value"].map(_money(lang, currency))
    labels = [t(f"budget.series.{s}", lang) for s in SERIES]
    colour = alt.Color(
        "series_label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=[SERIES_COLOURS[s] for s in SERIES]),
    )
    tooltip = [
        alt.Tooltip("series_label:N", title=t("budget.tip.series", lang)),
        alt.Tooltip("month_label:N", title=t("budget.tip.date", lang)),
        alt.Tooltip("value_text:N", title=t("budget.tip.cumulative", lang)),
    ]
    x = alt.X(
        "month_end:T",
        title=t("budget.axis.month", lang),
        axis=alt.Axis(labelExpr=month_label_expr(lang), labelAngle=0, labelOverlap="greedy"),
    )
    y = alt.Y("value:Q", axis=money_axis("budget.axis.cumulative", lang, currency))
    base = alt.Chart(points).encode(x=x, y=y, color=colour, tooltip=tooltip)
    lines = base.transform_filter("datum.series == 'pv' || datum.series == 'ac'").mark_line(strokeWidth=3)
    ahead = base.transform_filter("datum.series == 'forecast'").mark_line(strokeWidth=3, strokeDash=[7, 5])
    earned = base.transform_filter("datum.series == 'ev'").mark_line(
        strokeWidth=3, point=alt.OverlayMarkDef(size=90)
    )
    marks = _status_rule(curve.status_date, lang, right=True) + _bac_rule(curve.bac, lang, currency)
    title = alt.Title(
        s_curve_title(curve, lang, currency),
        subtitle=t("budget.scurve.subtitle", lang, date=formatting.day(curve.status_date, lang)),
    )
    return _configured(alt.layer(lines, ahead, earned, *marks).properties(title=title, height=420))


def _status_rule(status_date: date, lang: str, right: bool) -> list[alt.Chart]:
    """Mark the status date with a vertical rule and its words, inside the plot so the chart keeps its size.

    `right` writes the words after the rule at the foot of the plot, else before it at the top.
    """
    frame = pd.DataFrame(
        {
            "day": [pd.Timestamp(status_date)],
            "text": [t("budget.status_marker", lang, date=formatting.day(status_date, lang))],
        }
    )
    rule = (
        alt.Chart(frame)
        .mark_rule(color="#424242", strokeDash=[3, 3], strokeWidth=2)
        .encode(x="day:T", tooltip=[alt.Tooltip("text:N", title=t("budget.tip.date", lang))])
    )
    placed = {"align": "left" if right else "right", "dx": 6 if right else -6, "dy": -10 if right else 12}
    words = alt.Chart(frame).encode(x="day:T", y=alt.datum(0) if right else alt.value(0), text="text:N")
    # A white halo under the words keeps them readable where a bar of the month before rises behind them.
    halo = words.mark_text(**placed, fontSize=LABEL_PX, stroke="white", strokeWidth=5, strokeJoin="round")
    text = words.mark_text(**placed, fontSize=LABEL_PX, color="#424242")
    return [rule, alt.layer(halo, text)]


def _bac_rule(bac: float, lang: str, currency: str) -> list[alt.Chart]:
    """Mark the budget at completion with a horizontal rule and its amount."""
    if pd.isna(bac):
        return []
    words = t("budget.bac_marker", lang, bac=formatting.money(bac, lang, currency, short=True))
    frame = pd.DataFrame({"bac": [bac], "text": [words]})
    rule = (
        alt.Chart(frame)
        .mark_rule(color=PLANNED, strokeDash=[2, 4], strokeWidth=1.5)
        .encode(y="bac:Q", tooltip=[alt.Tooltip("text:N", title=t("budget.tip.budget", lang))])
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, dy=-8, fontSize=LABEL_PX, color=PLANNED)
        .encode(y="bac:Q", x=alt.value(4), text="text:N")
    )
    return [rule, text]


# --- Monthly picture -----------------------------------------------------------------------------------


def monthly_title(finding: budget.MonthlyFinding, lang: str, currency: str) -> str:
    """State the recent months' spend against plan."""
    if pd.isna(finding.planned) or finding.planned == 0:
        return t("budget.monthly.title_plain", lang)
    gap = finding.actual / finding.planned - 1
    short = _money(lang, currency, short=True)
    return t(
        _gap_key("budget.monthly.title", gap),
        lang,
        months=finding.months,
        actual=short(finding.actual),
        planned=short(finding.planned),
        gap=formatting.percent(abs(gap), lang),
    )


def monthly_chart(
    window: pd.DataFrame, finding: budget.MonthlyFinding, status_date: date, lang: str, currency: str
) -> alt.LayerChart:
    """Draw spend per month split CAPEX/OPEX, actual then faded forecast, against the planned line: where
    this month's money goes, which the cumulative S-curve smooths away."""
    money_text = _money(lang, currency)
    month_text = lambda value: formatting.month(value, lang)  # noqa: E731
    data = window.copy()
    data["type_label"] = data["cost_type"].map(lambda code: _cost_type_label(code, lang))
    data["kind_label"] = data["past"].map(
        lambda p: t("budget.kind.actual" if p else "budget.kind.forecast", lang)
    )
    data["month_label"] = data["month"].map(month_text)
    data["spend_text"] = data["spend"].map(money_text)
    data["planned_text"] = data["planned"].map(money_text)
    types = [kind for kind in COST_TYPE_COLOURS if kind in set(data["cost_type"])]
    colour = alt.Color(
        "type_label:N",
        title=t("budget.legend.cost_type", lang),
        scale=alt.Scale(
            domain=[_cost_type_label(kind, lang) for kind in types],
            range=[COST_TYPE_COLOURS[kind] for kind in types],
        ),
    )
    x = alt.X(
        "month:T",
        timeUnit="yearmonth",
        title=t("budget.axis.month", lang),
        axis=alt.Axis(labelExpr=month_label_expr(lang, short_year=True), labelAngle=0, labelOverlap="greedy"),
    )
    tooltip = tooltips(
        lang,
        ("month_label:N", "budget.tip.month"),
        ("type_label:N", "budget.legend.cost_type"),
        ("kind_label:N", "budget.tip.kind"),
        ("spend_text:N", "budget.tip.amount"),
        ("planned_text:N", "budget.tip.planned_type"),
    )
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("spend:Q", stack="zero", axis=money_axis("budget.axis.monthly", lang, currency)),
            color=colour,
            opacity=alt.condition("datum.past", alt.value(1.0), alt.value(0.45)),
            tooltip=tooltip,
        )
    )
    planned = data.groupby("month", as_index=False)["planned"].sum()
    planned["month_label"] = planned["month"].map(month_text)
    planned["planned_text"] = planned["planned"].map(money_text)
    planned["series"] = t("budget.series.planned_month", lang)
    line = (
        alt.Chart(planned)
        .mark_line(color="#212121", strokeWidth=2.5, point=alt.OverlayMarkDef(color="#212121", size=40))
        .encode(
            x=alt.X("month:T", timeUnit="yearmonth"),
            y="planned:Q",
            tooltip=[
                alt.Tooltip("series:N", title=t("budget.tip.series", lang)),
                alt.Tooltip("month_label:N", title=t("budget.tip.month", lang)),
                alt.Tooltip("planned_text:N", title=t("budget.tip.amount", lang)),
            ],
        )
    )
    # the words of the status date only matter when forecast months follow it
    status = _status_rule(status_date, lang, right=False)[: 2 if (~data["past"]).any() else 1]
    title = alt.Title(monthly_title(finding, lang, currency), subtitle=t("budget.monthly.subtitle", lang))
    return _configured(alt.layer(bars, line, *status).properties(title=title, height=420))


def _cost_type_label(code: str, lang: str) -> str:
    return code if code else t("budget.cost_type.none", lang)


# --- Variances -----------------------------------------------------------------------------------------


def index_word(value: float | None, lang: str, thresholds: tuple[float, float]) -> str:
    """Name a CPI's band by its thresholds ("≥ 0.95: within tolerance"), for a legend: a green bar among
    overspent projects then reads as "within tolerance", not as "good"."""
    green, red = thresholds
    status = evm.index_status(value, green, red)
    if status is None:
        return t("budget.index.na_word", lang)
    words = {"green": formatting.ratio(green, lang), "red": formatting.ratio(red, lang)}
    return t(f"budget.index.band.{status}", lang, **words)


def ranking_chart(
    ranked: pd.DataFrame, by: str, count: int, lang: str, currency: str, thresholds: tuple[float, float]
) -> alt.LayerChart:
    """Rank the worst projects by cost variance or forecast overrun, coloured by their CPI band and the
    amount at the end of each bar; `count` is how many projects are over in all, for the title.

    `thresholds` are the CPI/SPI settings (green, red), which set both the colours and the indices' decimals.
    """
    data = ranked.copy()
    value = "cv" if by == "cv" else "overrun"
    index_text = lambda v: formatting.ratio(v, lang, thresholds)  # noqa: E731
    data["label"] = data["name"].fillna(data["code"]).map(lambda n: n if len(n) <= 34 else n[:33] + "…")
    data["value_text"] = data[value].map(_money(lang, currency, short=True))
    data["cpi_text"] = data["cpi"].map(index_text)
    data["spi_text"] = data["spi"].map(index_text)
    data["status"] = data["cpi"].map(lambda v: index_word(v, lang, thresholds))
    statuses = [index_word(v, lang, thresholds) for v in (1.0, sum(thresholds) / 2, 0.0, None)]
    colour = alt.Color(
        "status:N",
        title=t("budget.legend.cpi", lang),
        scale=alt.Scale(
            domain=statuses, range=[STATUS_COLOURS[s] for s in ("green", "amber", "red", "grey")]
        ),
    )
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300, labelFontSize=LABEL_PX))
    extreme = float(data[value].min() if by == "cv" else data[value].max()) * 1.25  # room for the amounts
    domain = [extreme, 0] if by == "cv" else [0, extreme]
    x = alt.X(
        f"{value}:Q",
        axis=money_axis(f"budget.axis.{value}", lang, currency),
        scale=alt.Scale(domain=domain, nice=False),
    )
    tooltip = [
        alt.Tooltip("name:N", title=t("budget.col.name", lang)),
        alt.Tooltip("code:N", title=t("budget.col.code", lang)),
        alt.Tooltip("value_text:N", title=t(f"budget.col.{value}", lang)),
        alt.Tooltip("cpi_text:N", title=t("budget.col.cpi", lang)),
        alt.Tooltip("spi_text:N", title=t("budget.col.spi", lang)),
        alt.Tooltip("status:N", title=t("budget.legend.cpi", lang)),
    ]
    bars = alt.Chart(data).mark_bar().encode(y=y, x=x, color=colour, tooltip=tooltip)
    text = (
        alt.Chart(data)
        .mark_text(
            align="right" if by == "cv" else "left",
            dx=-6 if by == "cv" else 6,
            fontSize=LABEL_PX,
            color="#212121",
        )
        .encode(y=alt.Y("label:N", sort=order), x=f"{value}:Q", text="value_text:N", tooltip=tooltip)
    )
    title = t(f"budget.rank.title_{by}", lang, n=formatting.number(count, lang), shown=len(data))
    return _configured(alt.layer(bars, text).properties(title=title, height=CHART_FRAME + 34 * len(data)))


# --- Allocation ----------------------------------------------------------------------------------------


def _allocation_key(by: str, key: str, lang: str) -> str:
    """Name a group, or say that its projects name none (no programme, no cost type)."""
    if key:
        return key
    if by == "cost_type":
        return t("budget.cost_type.none", lang)
    return t("budget.no_programme" if by == "programme" else "budget.none", lang)


def allocation_chart(data: pd.DataFrame, by: str, lang: str, currency: str) -> alt.Chart:
    """Draw budget, actual and forecast side by side per portfolio, programme, cost type or year: where the
    money goes, and which groups will land over their budget."""
    long = data.melt(id_vars="key", value_vars=list(MEASURES), var_name="measure", value_name="amount")
    long["key_label"] = long["key"].map(lambda k: _allocation_key(by, k, lang))
    long["measure_label"] = long["measure"].map(lambda m: t(f"budget.measure.{m}", lang))
    long["amount_text"] = long["amount"].map(_money(lang, currency))
    labels = [t(f"budget.measure.{m}", lang) for m in MEASURES]
    colour = alt.Color(
        "measure_label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=[MEASURE_COLOURS[m] for m in MEASURES]),
    )
    order = [_allocation_key(by, k, lang) for k in data["key"]]
    if by == "year":
        order = sorted(order)
    tooltip = [
        alt.Tooltip("key_label:N", title=t(f"budget.level.{by}", lang)),
        alt.Tooltip("measure_label:N", title=t("budget.tip.series", lang)),
        alt.Tooltip("amount_text:N", title=t("budget.tip.amount", lang)),
    ]
    category = alt.Y("key_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=category,
            yOffset=alt.YOffset("measure_label:N", sort=labels),
            x=alt.X("amount:Q", axis=money_axis("budget.axis.amount", lang, currency)),
            color=colour,
            tooltip=tooltip,
        )
    )
    over = int((data["forecast"] > data["budget"] * 1.0001).sum())
    level = t(f"budget.level_plural.{by}", lang)
    title = t("budget.allocation.title", lang, over=over, total=len(data), level=level)
    return _configured(chart.properties(title=title, height=CHART_FRAME + 84 * len(data)))
