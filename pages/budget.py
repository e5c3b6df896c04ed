"""Budget page: are we spending as planned, and where will we land? Earned value on a status date, the
S-curve and the monthly picture, variances, roll-ups, allocation and the alerts a PMO acts on."""

from __future__ import annotations

from datetime import date

import altair as alt
import pandas as pd
import streamlit as st

from pages.ui import common, origin
from pmo_core import budget, evm, formatting
from pmo_core.filters import Filters
from pmo_core.palette import ACTUAL, EARNED, FORECAST, NEUTRAL, PLANNED, STATUS_COLOURS, STATUS_EMOJI

LABEL_PX, TITLE_PX, HEADING_PX = 14, 15, 19
COST_TYPE_COLOURS = {"CAPEX": NEUTRAL, "OPEX": "#6FA8DC", "": "#BDBDBD"}
SERIES = ("pv", "ev", "ac", "forecast")
SERIES_COLOURS = {"pv": PLANNED, "ev": EARNED, "ac": ACTUAL, "forecast": FORECAST}
MEASURES = ("budget", "actual", "forecast")
MEASURE_COLOURS = {"budget": PLANNED, "actual": ACTUAL, "forecast": FORECAST}
CHART_FRAME = 170  # px of a chart's height taken by its title, legend and axis: Streamlit fits the whole
TABLE_ROWS = 300  # rows a table shows on screen; the Excel download holds them all
ALLOCATIONS = ("portfolio", "programme", "cost_type", "year")
RANKED = 15  # bars in the variance ranking: readable from the back of the room


# --- Cached queries: one per picture's data, refreshed when the store's content changes -----------------


@st.cache_data(show_spinner=False, max_entries=64)
def _earned_value(version: tuple, f: Filters, status_date: date, method: str) -> pd.DataFrame:
    return evm.earned_value(common.cursor(), f, status_date, method)


@st.cache_data(show_spinner=False, max_entries=64)
def _monthly(version: tuple, f: Filters, status_date: date) -> pd.DataFrame:
    return budget.monthly(common.cursor(), f, status_date)


@st.cache_data(show_spinner=False, max_entries=64)
def _history(version: tuple, f: Filters, status_date: date) -> pd.DataFrame:
    return budget.earned_history(common.cursor(), f, status_date)


@st.cache_data(show_spinner=False, max_entries=32)
def _yearly(version: tuple, f: Filters, status_date: date, measure: str) -> budget.YearlyPhasing:
    return budget.yearly_phasing(common.cursor(), f, status_date, measure, TABLE_ROWS)


@st.cache_data(show_spinner=False, max_entries=32)
def _dates(version: tuple, f: Filters) -> budget.StatusDates:
    return budget.status_dates(common.cursor(), f)


# --- Formatting helpers --------------------------------------------------------------------------------


def index_chip(value: float) -> str:
    """Write a CPI or SPI with its status colour and shape, or "n/a" when it is undefined."""
    status = evm.index_status(value, SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
    return f"{STATUS_EMOJI[status or 'grey']} {common.index_text(value)}"


def index_word(value: float | None) -> str:
    """Name a CPI's band by its thresholds ("CPI ≥ 0.95"), for a legend: a green bar among overspent
    projects then reads as "within tolerance", not as "good"."""
    status = evm.index_status(value, SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
    if status is None:
        return common.tr("budget.index.na_word")
    green, red = (formatting.ratio(SETTINGS[f"cpi_spi_{s}"], LANG) for s in ("green", "red"))
    return common.tr(f"budget.index.band.{status}", green=green, red=red)


def index_status_word(value: float) -> str:
    status = evm.index_status(value, SETTINGS["cpi_spi_green"], SETTINGS["cpi_spi_red"])
    return common.tr("budget.index.na") if status is None else common.status_chip(status)


def money(value: float | None, short: bool = False) -> str:
    """Write an amount in the store's currency; the currency is read once per run, not once per cell."""
    return formatting.money(value, LANG, CURRENCY, short=short)


def money_text(value: float) -> str:
    return money(value)


def month_text(value: object) -> str:
    return formatting.month(value, LANG)


def money_column(key: str) -> st.column_config.NumberColumn:
    title = common.tr("budget.col.with_unit", label=common.tr(f"budget.col.{key}"), unit=SYMBOL)
    return st.column_config.NumberColumn(title, format="localized", step=1)


def month_label_expr(short_year: bool = False) -> str:
    """Return a Vega label expression writing a date as a month in the user's language (janv. 2026 / Jan 2026)."""
    names = [formatting.month(date(2000, m, 1), LANG).split(" ")[0] for m in range(1, 13)]
    year = "slice(toString(year(datum.value)), 2)" if short_year else "toString(year(datum.value))"
    return f"{names!r}[month(datum.value)] + ' ' + {year}"


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the projector sizes: labels at least 13 px, titles larger."""
    return (
        chart.configure_axis(labelFontSize=LABEL_PX, titleFontSize=TITLE_PX)
        .configure_legend(labelFontSize=LABEL_PX, titleFontSize=TITLE_PX, orient="top", symbolSize=200)
        .configure_title(fontSize=HEADING_PX, subtitleFontSize=LABEL_PX, anchor="start")
        .configure_view(strokeWidth=0)
    )


def money_axis(title_key: str) -> alt.Axis:
    """Return an amount axis labelled 0, 500k, 1M..., its title saying the currency."""
    return alt.Axis(
        title=common.tr(title_key, unit=SYMBOL),
        labelFontSize=LABEL_PX,
        tickCount=8,
        labelExpr="datum.value == 0 ? '0' : format(datum.value, '~s')",
    )


# --- Controls and headline figures ---------------------------------------------------------------------


def choice_key(name: str) -> str:
    """Return a widget key per language: Streamlit keeps a keyed widget's labels, so each language needs its own."""
    return f"{name}.{LANG}"


def kept(name: str, default: object, options: tuple | list) -> object:
    """Return the value a choice had before, in either language, if it is still offered; else the default."""
    value = st.session_state.get(f"_kept.{name}", default)
    if isinstance(value, list):
        return [v for v in value if v in options] or default
    return value if value in options else default


def keep(name: str, value: object) -> object:
    st.session_state[f"_kept.{name}"] = value
    return value


def controls(dates: budget.StatusDates) -> tuple[date, str]:
    """Offer the status date (month ends) and the EAC method, defaulting to the settings."""
    date_col, method_col, _ = st.columns([1, 1.6, 1.4])
    status_date = date_col.selectbox(
        common.tr("budget.status_date"),
        dates.options,
        index=dates.options.index(kept(f"status_date_{dates.default}", dates.default, dates.options)),
        format_func=lambda d: formatting.day(d, LANG),
        key=choice_key(f"budget_status_date_{dates.default}"),
        help=common.tr("budget.status_date.help"),
    )
    method = method_col.selectbox(
        common.tr("budget.method"),
        evm.METHODS,
        index=evm.METHODS.index(kept("method", SETTINGS["eac_method"], evm.METHODS)),
        format_func=lambda m: common.tr(f"budget.method.{m}"),
        key=choice_key("budget_method"),
        help=common.tr("budget.method.help"),
    )
    return keep(f"status_date_{dates.default}", status_date), keep("method", method)


def headline(now: budget.Totals, before: budget.Totals | None, before_date: date | None) -> None:
    """Show the portfolio's earned value as two rows of cards, each with its change since the previous snapshot."""
    since = common.tr("budget.metric.delta_help", date=formatting.day(before_date, LANG)) if before else ""
    amounts, outlook = st.columns(4), st.columns(4)
    for column, field in zip(amounts, ("bac", "pv", "ev", "ac"), strict=True):
        column.metric(
            common.tr(f"budget.metric.{field}"),
            money(getattr(now, field), short=True),
            **_money_delta(
                now, before, field, "off"
            ),  # a budget or a spend that grows is neither good nor bad
            border=True,
            help=f"{common.tr(f'budget.metric.{field}.help')} {since}".strip(),
        )
    thresholds = {
        "green": formatting.ratio(SETTINGS["cpi_spi_green"], LANG),
        "red": formatting.ratio(SETTINGS["cpi_spi_red"], LANG),
    }
    for column, field in zip(outlook[:2], ("cpi", "spi"), strict=True):
        value = getattr(now, field)
        column.metric(
            f"{common.tr(f'budget.metric.{field}')} · {index_status_word(value)}",
            common.index_text(value),
            **_ratio_delta(now, before, field),
            border=True,
            help=f"{common.tr(f'budget.metric.{field}.help', **thresholds)} {since}".strip(),
        )
    outlook[2].metric(
        common.tr("budget.metric.eac"),
        money(now.eac, short=True),
        **_money_delta(now, before, "eac", "inverse"),
        border=True,
        help=common.tr("budget.metric.eac.help", method=common.tr(f"budget.method.{METHOD}")),
    )
    outlook[3].metric(
        common.tr("budget.metric.vac"),
        money(now.vac, short=True),
        **_money_delta(now, before, "vac"),
        border=True,
        help=common.tr("budget.metric.vac.help"),
    )
    notes = [
        common.tr(f"budget.note.{name}", n=formatting.number(getattr(now, f"n_{name}"), LANG))
        for name in ("bac_from_lines", "pv_from_schedule", "ac_from_field", "no_progress")
        if getattr(now, f"n_{name}")
    ]
    st.caption(" · ".join([common.tr("budget.note.status", date=formatting.day(STATUS_DATE, LANG)), *notes]))


def _change_of(now: budget.Totals, before: budget.Totals | None, field: str) -> float | None:
    if before is None or pd.isna(getattr(now, field)) or pd.isna(getattr(before, field)):
        return None
    return getattr(now, field) - getattr(before, field)


def _money_delta(
    now: budget.Totals, before: budget.Totals | None, field: str, colour: str = "normal"
) -> dict:
    delta = _change_of(now, before, field)
    text = money(delta, short=True) if delta is not None else ""
    if delta is not None and text.lstrip("-") == money(0, short=True):
        delta = 0  # a change too small to show in k€ or M€ is shown as no change, not "+€0"
    return common.change(delta, text, colour)


def _ratio_delta(now: budget.Totals, before: budget.Totals | None, field: str) -> dict:
    delta = _change_of(now, before, field)
    delta = None if delta is None else formatting.half_away(delta, 2)  # the sign shown, not that of 0.004
    return common.change(delta, formatting.number(delta, LANG, 2) if delta is not None else "")


# --- S-curve -------------------------------------------------------------------------------------------


def s_curve_section(curve: budget.SCurve) -> None:
    """Draw the cumulative PV, EV, AC and forecast, with the status date and the budget marked."""
    if curve.points.empty:
        st.info(common.tr("budget.scurve.empty"))
        return
    common.chart(s_curve_chart(curve), width="stretch", key="budget_scurve")
    notes = [common.tr("budget.scurve.caption")]
    if curve.spread:
        notes.append(common.tr("budget.scurve.spread"))
    st.caption(" ".join(notes))


def s_curve_title(curve: budget.SCurve) -> str:
    if pd.isna(curve.landing) or pd.isna(curve.bac) or curve.bac == 0:
        return common.tr("budget.scurve.title_plain")
    gap = curve.landing / curve.bac - 1
    key = (
        "budget.scurve.title_over"
        if gap > 0.005
        else "budget.scurve.title_under"
        if gap < -0.005
        else "budget.scurve.title_on"
    )
    return common.tr(
        key,
        landing=money(curve.landing, short=True),
        bac=money(curve.bac, short=True),
        gap=formatting.percent(abs(gap), LANG, 1),
    )


def s_curve_chart(curve: budget.SCurve) -> alt.LayerChart:
    points = curve.points.copy()
    points["series_label"] = points["series"].map(lambda s: common.tr(f"budget.series.{s}"))
    points["month_label"] = points["month_end"].map(lambda d: formatting.day(d, LANG))
    points["value_text"] = points["value"].map(money_text)
    labels = [common.tr(f"budget.series.{s}") for s in SERIES]
    colour = alt.Color(
        "series_label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=[SERIES_COLOURS[s] for s in SERIES]),
    )
    tooltip = [
        alt.Tooltip("series_label:N", title=common.tr("budget.tip.series")),
        alt.Tooltip("month_label:N", title=common.tr("budget.tip.date")),
        alt.Tooltip("value_text:N", title=common.tr("budget.tip.cumulative")),
    ]
    x = alt.X(
        "month_end:T",
        title=common.tr("budget.axis.month"),
        axis=alt.Axis(labelExpr=month_label_expr(), labelAngle=0, labelOverlap="greedy"),
    )
    y = alt.Y("value:Q", axis=money_axis("budget.axis.cumulative"))
    base = alt.Chart(points).encode(x=x, y=y, color=colour, tooltip=tooltip)
    lines = base.transform_filter("datum.series == 'pv' || datum.series == 'ac'").mark_line(strokeWidth=3)
    ahead = base.transform_filter("datum.series == 'forecast'").mark_line(strokeWidth=3, strokeDash=[7, 5])
    earned = base.transform_filter("datum.series == 'ev'").mark_line(
        strokeWidth=3, point=alt.OverlayMarkDef(size=90)
    )
    marks = _status_rule(curve.status_date, right=True) + _bac_rule(curve.bac)
    title = alt.Title(
        s_curve_title(curve),
        subtitle=common.tr("budget.scurve.subtitle", date=formatting.day(curve.status_date, LANG)),
    )
    return _configured(alt.layer(lines, ahead, earned, *marks).properties(title=title, height=420))


def _status_rule(status_date: date, right: bool) -> list[alt.Chart]:
    """Mark the status date with a vertical rule and its words, inside the plot so the chart keeps its size.

    `right` writes the words after the rule at the foot of the plot, else before it at the top.
    """
    frame = pd.DataFrame(
        {
            "day": [pd.Timestamp(status_date)],
            "text": [common.tr("budget.status_marker", date=formatting.day(status_date, LANG))],
        }
    )
    rule = (
        alt.Chart(frame)
        .mark_rule(color="#424242", strokeDash=[3, 3], strokeWidth=2)
        .encode(x="day:T", tooltip=[alt.Tooltip("text:N", title=common.tr("budget.tip.date"))])
    )
    placed = {"align": "left" if right else "right", "dx": 6 if right else -6, "dy": -10 if right else 12}
    words = alt.Chart(frame).encode(x="day:T", y=alt.datum(0) if right else alt.value(0), text="text:N")
    # A white halo under the words keeps them readable where a bar of the month before rises behind them.
    halo = words.mark_text(**placed, fontSize=LABEL_PX, stroke="white", strokeWidth=5, strokeJoin="round")
    text = words.mark_text(**placed, fontSize=LABEL_PX, color="#424242")
    return [rule, alt.layer(halo, text)]


def _bac_rule(bac: float) -> list[alt.Chart]:
    """Mark the budget at completion with a horizontal rule and its amount."""
    if pd.isna(bac):
        return []
    frame = pd.DataFrame({"bac": [bac], "text": [common.tr("budget.bac_marker", bac=money(bac, short=True))]})
    rule = (
        alt.Chart(frame)
        .mark_rule(color=PLANNED, strokeDash=[2, 4], strokeWidth=1.5)
        .encode(y="bac:Q", tooltip=[alt.Tooltip("text:N", title=common.tr("budget.tip.budget"))])
    )
    text = (
        alt.Chart(frame)
        .mark_text(align="left", dx=4, dy=-8, fontSize=LABEL_PX, color=PLANNED)
        .encode(y="bac:Q", x=alt.value(4), text="text:N")
    )
    return [rule, text]


# --- Monthly picture -----------------------------------------------------------------------------------


def monthly_section(lines: pd.DataFrame) -> None:
    """Draw spend per month split CAPEX/OPEX (actual, then forecast) against the planned line."""
    window = budget.monthly_window(lines, STATUS_DATE)
    if window.empty:
        st.info(common.tr("budget.monthly.empty"))
        return
    common.chart(
        monthly_chart(window, budget.monthly_finding(lines, STATUS_DATE)),
        width="stretch",
        key="budget_monthly",
    )
    st.caption(common.tr("budget.monthly.caption"))


def monthly_title(finding: budget.MonthlyFinding) -> str:
    if pd.isna(finding.planned) or finding.planned == 0:
        return common.tr("budget.monthly.title_plain")
    gap = finding.actual / finding.planned - 1
    key = (
        "budget.monthly.title_over"
        if gap > 0.005
        else "budget.monthly.title_under"
        if gap < -0.005
        else "budget.monthly.title_on"
    )
    return common.tr(
        key,
        months=finding.months,
        actual=money(finding.actual, short=True),
        planned=money(finding.planned, short=True),
        gap=formatting.percent(abs(gap), LANG),
    )


def monthly_chart(window: pd.DataFrame, finding: budget.MonthlyFinding) -> alt.LayerChart:
    data = window.copy()
    data["type_label"] = data["cost_type"].map(_cost_type_label)
    data["kind_label"] = data["past"].map(
        lambda p: common.tr("budget.kind.actual" if p else "budget.kind.forecast")
    )
    data["month_label"] = data["month"].map(month_text)
    data["spend_text"] = data["spend"].map(money_text)
    data["planned_text"] = data["planned"].map(money_text)
    types = [t for t in COST_TYPE_COLOURS if t in set(data["cost_type"])]
    colour = alt.Color(
        "type_label:N",
        title=common.tr("budget.legend.cost_type"),
        scale=alt.Scale(
            domain=[_cost_type_label(t) for t in types], range=[COST_TYPE_COLOURS[t] for t in types]
        ),
    )
    x = alt.X(
        "month:T",
        timeUnit="yearmonth",
        title=common.tr("budget.axis.month"),
        axis=alt.Axis(labelExpr=month_label_expr(short_year=True), labelAngle=0, labelOverlap="greedy"),
    )
    tooltip = [
        alt.Tooltip("month_label:N", title=common.tr("budget.tip.month")),
        alt.Tooltip("type_label:N", title=common.tr("budget.legend.cost_type")),
        alt.Tooltip("kind_label:N", title=common.tr("budget.tip.kind")),
        alt.Tooltip("spend_text:N", title=common.tr("budget.tip.amount")),
        alt.Tooltip("planned_text:N", title=common.tr("budget.tip.planned_type")),
    ]
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("spend:Q", stack="zero", axis=money_axis("budget.axis.monthly")),
            color=colour,
            opacity=alt.condition("datum.past", alt.value(1.0), alt.value(0.45)),
            tooltip=tooltip,
        )
    )
    planned = data.groupby("month", as_index=False)["planned"].sum()
    planned["month_label"] = planned["month"].map(month_text)
    planned["planned_text"] = planned["planned"].map(money_text)
    planned["series"] = common.tr("budget.series.planned_month")
    line = (
        alt.Chart(planned)
        .mark_line(color="#212121", strokeWidth=2.5, point=alt.OverlayMarkDef(color="#212121", size=40))
        .encode(
            x=alt.X("month:T", timeUnit="yearmonth"),
            y="planned:Q",
            tooltip=[
                alt.Tooltip("series:N", title=common.tr("budget.tip.series")),
                alt.Tooltip("month_label:N", title=common.tr("budget.tip.month")),
                alt.Tooltip("planned_text:N", title=common.tr("budget.tip.amount")),
            ],
        )
    )
    # the words of the status date only matter when forecast months follow it
    layers = [bars, line, *_status_rule(STATUS_DATE, right=False)[: 2 if (~data["past"]).any() else 1]]
    title = alt.Title(monthly_title(finding), subtitle=common.tr("budget.monthly.subtitle"))
    return _configured(alt.layer(*layers).properties(title=title, height=420))


def _cost_type_label(code: str) -> str:
    return code if code else common.tr("budget.cost_type.none")


# --- Variances -----------------------------------------------------------------------------------------


def variance_section(table: pd.DataFrame, alerts: pd.DataFrame) -> None:
    """Rank the projects by cost variance or forecast overrun, then list them all with the exhaustion month."""
    if table.empty:
        st.info(common.tr("empty.selection"))
        return
    by = st.segmented_control(
        common.tr("budget.rank.by"),
        budget.RANKINGS,
        default=kept("rank_by", "cv", budget.RANKINGS),
        required=True,
        format_func=lambda r: common.tr(f"budget.rank.{r}"),
        key=choice_key("budget_rank_by"),
    )
    keep("rank_by", by)
    ranked = budget.worst(table, by or "cv", RANKED)
    if ranked.empty:
        st.success(common.tr(f"budget.rank.none_{by or 'cv'}"))
    else:
        count = int((table["cv"] < 0).sum()) if by == "cv" else int((table["overrun"] > 0).sum())
        common.chart(ranking_chart(ranked, by or "cv", count), width="stretch", key="budget_ranking")
    listed = table.head(TABLE_ROWS)
    event = common.table(
        variance_rows(listed),
        hide_index=True,
        width="stretch",
        height=460,
        column_config=variance_columns(),
        formats=INDEX_FORMATS,
        key="budget_variance_table",
        **origin.CELL_SELECTION,
    )
    as_of = common.filters().as_of
    origin.from_cell(
        event, listed, VARIANCE_FIGURES, lambda row, _: (row["code"], ""), as_of, "budget_variance"
    )
    notes = [common.tr("budget.variance.caption", months=evm.BURN_MONTHS)]
    if len(table) > TABLE_ROWS:
        notes.insert(
            0,
            common.tr(
                "budget.capped",
                shown=formatting.number(TABLE_ROWS, LANG),
                total=formatting.number(len(table), LANG),
            ),
        )
    st.caption(" ".join(notes))
    download(table, alerts, "budget_download_variances")


def ranking_chart(ranked: pd.DataFrame, by: str, count: int) -> alt.LayerChart:
    data = ranked.copy()
    value = "cv" if by == "cv" else "overrun"
    data["label"] = data["name"].fillna(data["code"]).map(lambda n: n if len(n) <= 34 else n[:33] + "…")
    data["value_text"] = data[value].map(lambda v: money(v, short=True))
    data["cpi_text"] = data["cpi"].map(common.index_text)
    data["spi_text"] = data["spi"].map(common.index_text)
    data["status"] = data["cpi"].map(index_word)
    statuses = [
        index_word(v) for v in (1.0, (SETTINGS["cpi_spi_green"] + SETTINGS["cpi_spi_red"]) / 2, 0.0, None)
    ]
    colour = alt.Color(
        "status:N",
        title=common.tr("budget.legend.cpi"),
        scale=alt.Scale(
            domain=statuses, range=[STATUS_COLOURS[s] for s in ("green", "amber", "red", "grey")]
        ),
    )
    order = data["label"].tolist()
    y = alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300, labelFontSize=LABEL_PX))
    extreme = float(data[value].min() if by == "cv" else data[value].max()) * 1.25  # room for the amounts
    domain = [extreme, 0] if by == "cv" else [0, extreme]
    x = alt.X(
        f"{value}:Q", axis=money_axis(f"budget.axis.{value}"), scale=alt.Scale(domain=domain, nice=False)
    )
    tooltip = [
        alt.Tooltip("name:N", title=common.tr("budget.col.name")),
        alt.Tooltip("code:N", title=common.tr("budget.col.code")),
        alt.Tooltip("value_text:N", title=common.tr(f"budget.col.{value}")),
        alt.Tooltip("cpi_text:N", title=common.tr("budget.col.cpi")),
        alt.Tooltip("spi_text:N", title=common.tr("budget.col.spi")),
        alt.Tooltip("status:N", title=common.tr("budget.legend.cpi")),
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
    title = common.tr(f"budget.rank.title_{by}", n=formatting.number(count, LANG), shown=len(data))
    return _configured(alt.layer(bars, text).properties(title=title, height=CHART_FRAME + 34 * len(data)))


# The stored figures behind the variance table's columns; the others are computed from the cost lines (the
# project page opens each month's line).
VARIANCE_FIGURES = {
    "name": ("projects", ("name",)),
    "portfolio": ("projects", ("portfolio",)),
    "bac": ("projects", ("budget",)),
    "percent_complete": ("projects", ("percent_complete",)),
    "ev": ("projects", ("budget", "percent_complete")),
    "project_link": ("projects", ("code",)),
}


def variance_rows(table: pd.DataFrame) -> pd.DataFrame:
    """Turn the variance table into what a reader scans: words for the months, a mark for a budget that
    runs out early; the indices stay numbers, written as chips by INDEX_FORMATS, so they sort as numbers."""
    shown = table.assign(percent_complete=table["percent_complete"] * 100)
    shown["exhaustion"] = [
        common.tr("budget.exhausted") if spent else (month_text(month) if pd.notna(month) else "")
        for spent, month in zip(shown["exhausted"], shown["exhaustion_month"], strict=True)
    ]
    shown["warning"] = shown["runs_out_before_end"].map(lambda late: "⚠" if late else "")
    shown["project_link"] = common.project_links(shown["code"])
    columns = [
        "name",
        "portfolio",
        "cpi",
        "spi",
        "cv",
        "sv",
        "overrun",
        "overrun_pct",
        "warning",
        "exhaustion",
        "bac",
        "pv",
        "ev",
        "ac",
        "eac",
        "etc",
        "vac",
        "burn_rate",
        "percent_complete",
        "tcpi",
        "project_link",
    ]
    return shown[columns]


# How the index columns of the tables are written: CPI and SPI as chips, TCPI and the overrun as figures.
INDEX_FORMATS = {
    "cpi": index_chip,
    "spi": index_chip,
    "tcpi": lambda v: formatting.ratio(v, LANG),
    "overrun_pct": lambda v: formatting.percent(v, LANG, 1),
}


def variance_columns() -> dict:
    return {
        "name": st.column_config.TextColumn(common.tr("budget.col.name"), width="medium"),
        "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
        "cpi": st.column_config.NumberColumn(
            common.tr("budget.col.cpi"), help=common.tr("budget.col.cpi.help")
        ),
        "spi": st.column_config.NumberColumn(
            common.tr("budget.col.spi"), help=common.tr("budget.col.spi.help")
        ),
        "tcpi": st.column_config.NumberColumn(
            common.tr("budget.col.tcpi"), help=common.tr("budget.col.tcpi.help")
        ),
        "overrun_pct": st.column_config.NumberColumn(common.tr("budget.col.overrun_pct")),
        "warning": st.column_config.TextColumn("⚠", width="small", help=common.tr("budget.col.warning.help")),
        "exhaustion": st.column_config.TextColumn(
            common.tr("budget.col.exhaustion_month"), help=common.tr("budget.col.exhaustion_month.help")
        ),
        "percent_complete": st.column_config.ProgressColumn(  # a whole percent: no decimal mark to localise
            common.tr("budget.col.percent_complete"),
            format="%d\u00a0%%" if LANG == "fr" else "%d%%",
            min_value=0,
            max_value=100,
        ),
        "project_link": st.column_config.LinkColumn(
            common.tr("budget.col.project_link"), display_text=common.PROJECT_LINK_TEXT
        ),
        **{
            key: money_column(key)
            for key in ("cv", "sv", "bac", "eac", "overrun", "vac", "burn_rate", "pv", "ev", "ac", "etc")
        },
    }


def download(table: pd.DataFrame, alerts: pd.DataFrame, key: str) -> None:
    """Offer the variance table and the alerts as one Excel file, built only when asked for."""
    lang, currency = LANG, CURRENCY
    st.download_button(
        common.tr("budget.download"),
        icon=":material/download:",
        on_click="ignore",
        key=key,
        data=lambda: budget.export_workbook(table, alerts, lang, currency),
        file_name=f"{common.tr('budget.file', date=STATUS_DATE.isoformat())}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )


# --- Alerts --------------------------------------------------------------------------------------------


def alerts_section(alerts: pd.DataFrame, table: pd.DataFrame) -> None:
    """List the alerts, the most serious first, each as a sentence with its project."""
    if alerts.empty:
        st.success(common.tr("budget.alerts.none"))
        return
    counts = alerts["kind"].value_counts()
    st.markdown(
        " · ".join(
            f"**{common.tr(f'budget.alert_kind.{k}')}** {int(counts[k])}"
            for k in budget.ALERT_ORDER
            if k in counts
        )
    )
    present = [k for k in budget.ALERT_ORDER if k in counts]
    kinds = st.pills(
        common.tr("budget.alerts.show"),
        present,
        selection_mode="multi",
        default=kept("alert_kinds", present, present),
        format_func=lambda k: common.tr(f"budget.alert_kind.{k}"),
        key=choice_key("budget_alert_kinds"),
    )
    keep("alert_kinds", kinds)
    chosen = alerts.loc[alerts["kind"].isin(kinds or present)]
    listed = chosen.head(TABLE_ROWS)
    shown = listed.assign(
        severity_chip=listed["severity"].map(
            lambda s: f"{STATUS_EMOJI[s]} {common.tr(f'budget.severity.{s}')}"
        ),
        kind_label=listed["kind"].map(lambda k: common.tr(f"budget.alert_kind.{k}")),
        detail=budget.alert_sentences(listed, LANG, CURRENCY).to_numpy(),
        project_link=common.project_links(listed["code"]),
    )[["severity_chip", "kind_label", "name", "detail", "portfolio", "manager", "project_link"]]
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        height=560,
        key="budget_alerts",
        column_config={
            "severity_chip": st.column_config.TextColumn(common.tr("budget.col.severity")),
            "kind_label": st.column_config.TextColumn(common.tr("budget.col.kind")),
            "name": st.column_config.TextColumn(common.tr("budget.col.name")),
            "detail": st.column_config.TextColumn(common.tr("budget.col.detail"), width="large"),
            "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
            "manager": st.column_config.TextColumn(common.tr("budget.col.manager")),
            "project_link": st.column_config.LinkColumn(
                common.tr("budget.col.project_link"), display_text=common.PROJECT_LINK_TEXT
            ),
        },
    )
    if len(chosen) > TABLE_ROWS:
        st.caption(
            common.tr(
                "budget.capped",
                shown=formatting.number(TABLE_ROWS, LANG),
                total=formatting.number(len(chosen), LANG),
            )
        )
    st.caption(
        common.tr(
            "budget.alerts.caption",
            overrun=formatting.number(SETTINGS["overrun_alert_pct"], LANG),
            red=formatting.ratio(SETTINGS["cpi_spi_red"], LANG),
            days=formatting.number(SETTINGS["reporting_period_days"], LANG),
        )
    )
    download(table, alerts, "budget_download_alerts")


# --- Roll-up by portfolio and programme ----------------------------------------------------------------


def rollup_section(frame: pd.DataFrame) -> None:
    """Show earned value by portfolio or programme, ratios recomputed from the sums."""
    level = st.segmented_control(
        common.tr("budget.rollup.level"),
        budget.LEVELS,
        default=kept("rollup_level", "portfolio", budget.LEVELS),
        required=True,
        format_func=lambda v: common.tr(f"budget.level.{v}"),
        key=choice_key("budget_rollup_level"),
    )
    keep("rollup_level", level)
    rolled = budget.earned_value_by(frame, level or "portfolio", METHOD)
    shown = rolled.assign(
        portfolio=rolled["portfolio"].replace("", common.tr("budget.none")),
    )
    keys = ["portfolio"]
    if level == "programme":
        shown["programme"] = shown["programme"].replace("", common.tr("budget.no_programme"))
        keys.append("programme")
    columns = [
        *keys,
        "n_projects",
        "cpi",
        "spi",
        "bac",
        "pv",
        "ev",
        "ac",
        "cv",
        "sv",
        "eac",
        "etc",
        "vac",
        "tcpi",
    ]
    common.table(
        shown[columns],
        hide_index=True,
        width="stretch",
        key="budget_rollup",
        formats=INDEX_FORMATS,
        column_config={
            **variance_columns(),
            "programme": st.column_config.TextColumn(common.tr("budget.col.programme")),
            "n_projects": st.column_config.NumberColumn(common.tr("budget.col.n_projects"), format="%d"),
        },
    )
    st.caption(common.tr("budget.rollup.caption"))


# --- Allocation ----------------------------------------------------------------------------------------


def allocation_section(frame: pd.DataFrame, lines: pd.DataFrame, plan: budget.Phasing) -> None:
    """Show budget, actual and forecast by portfolio, programme, cost type or year."""
    by = st.segmented_control(
        common.tr("budget.allocation.by"),
        ALLOCATIONS,
        default=kept("allocation_by", "portfolio", ALLOCATIONS),
        required=True,
        key=choice_key("budget_allocation_by"),
        format_func=lambda v: common.tr(f"budget.level.{v}"),
    )
    keep("allocation_by", by)
    by = by or "portfolio"
    if by in budget.LEVELS:
        data = budget.allocation(frame, by, METHOD)
    elif by == "cost_type":
        data = budget.allocation_by_cost_type(lines, plan)
    else:
        data = budget.allocation_by_year(plan)
    if data.empty:
        st.info(common.tr("empty.selection"))
        return
    common.chart(allocation_chart(data, by), width="stretch", key="budget_allocation")
    st.caption(common.tr(f"budget.allocation.caption_{'lines' if by in ('cost_type', 'year') else 'evm'}"))
    if st.toggle(common.tr("budget.phasing.show"), key="budget_phasing_toggle"):
        phasing_section()


def _allocation_key(by: str, key: str) -> str:
    if key:
        return key
    return (
        common.tr("budget.cost_type.none")
        if by == "cost_type"
        else common.tr("budget.no_programme" if by == "programme" else "budget.none")
    )


def allocation_chart(data: pd.DataFrame, by: str) -> alt.LayerChart:
    long = data.melt(id_vars="key", value_vars=list(MEASURES), var_name="measure", value_name="amount")
    long["key_label"] = long["key"].map(lambda k: _allocation_key(by, k))
    long["measure_label"] = long["measure"].map(lambda m: common.tr(f"budget.measure.{m}"))
    long["amount_text"] = long["amount"].map(money_text)
    labels = [common.tr(f"budget.measure.{m}") for m in MEASURES]
    colour = alt.Color(
        "measure_label:N",
        title=None,
        sort=labels,
        scale=alt.Scale(domain=labels, range=[MEASURE_COLOURS[m] for m in MEASURES]),
    )
    order = [_allocation_key(by, k) for k in data["key"]]
    if by == "year":
        order = sorted(order)
    tooltip = [
        alt.Tooltip("key_label:N", title=common.tr(f"budget.level.{by}")),
        alt.Tooltip("measure_label:N", title=common.tr("budget.tip.series")),
        alt.Tooltip("amount_text:N", title=common.tr("budget.tip.amount")),
    ]
    category = alt.Y("key_label:N", sort=order, title=None, axis=alt.Axis(labelLimit=300))
    chart = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            y=category,
            yOffset=alt.YOffset("measure_label:N", sort=labels),
            x=alt.X("amount:Q", axis=money_axis("budget.axis.amount")),
            color=colour,
            tooltip=tooltip,
        )
    )
    over = int((data["forecast"] > data["budget"] * 1.0001).sum())
    title = common.tr(
        "budget.allocation.title", over=over, total=len(data), level=common.tr(f"budget.level_plural.{by}")
    )
    return _configured(chart.properties(title=title, height=CHART_FRAME + 84 * len(data)))


def phasing_section() -> None:
    """List the multi-year projects by calendar year, planned or forecast."""
    measure = st.segmented_control(
        common.tr("budget.phasing.measure"),
        budget.PHASING_MEASURES,
        default=kept("phasing_measure", "planned", budget.PHASING_MEASURES),
        required=True,
        key=choice_key("budget_phasing_measure"),
        format_func=lambda m: common.tr(f"budget.phasing.{m}"),
    )
    keep("phasing_measure", measure)
    found = _yearly(VERSION, F, STATUS_DATE, measure or "planned")
    table = budget.phasing_table(found.rows, measure or "planned")
    if table.empty:
        st.info(common.tr("budget.phasing.empty"))
        return
    years = [c for c in table.columns if c.isdigit()]
    config = {
        "code": st.column_config.TextColumn(common.tr("budget.col.code")),
        "name": st.column_config.TextColumn(common.tr("budget.col.name"), width="medium"),
        "portfolio": st.column_config.TextColumn(common.tr("budget.col.portfolio")),
        "total": st.column_config.NumberColumn(
            common.tr("budget.col.total", unit=SYMBOL), format="localized"
        ),
        **{y: st.column_config.NumberColumn(f"{y} ({SYMBOL})", format="localized") for y in years},
    }
    common.table(
        table, hide_index=True, width="stretch", height=420, column_config=config, key="budget_phasing"
    )
    notes = [common.tr("budget.phasing.caption")]
    if found.n_projects > len(table):
        notes.insert(
            0,
            common.tr(
                "budget.phasing.capped",
                shown=formatting.number(len(table), LANG),
                total=formatting.number(found.n_projects, LANG),
            ),
        )
    st.caption(" ".join(notes))


# --- The page ------------------------------------------------------------------------------------------

LANG = common.lang()
F = common.filters()
VERSION = common.data_version()
SETTINGS = common.current_settings()
CURRENCY = SETTINGS["currency"]
SYMBOL = formatting.currency_symbol(CURRENCY)
METHOD = SETTINGS["eac_method"]

if common.empty_store_notice():
    common.heading(common.tr("nav.budget"))
else:
    DATES = _dates(VERSION, F)
    CHOSEN = st.session_state.get(choice_key(f"budget_status_date_{DATES.default}")) or kept(
        f"status_date_{DATES.default}", DATES.default, DATES.options
    )
    common.heading(common.tr("budget.title", date=formatting.long_day(CHOSEN, LANG)))
    STATUS_DATE, METHOD = controls(DATES)
    FRAME = _earned_value(VERSION, F, STATUS_DATE, METHOD)
    if FRAME.empty:
        st.info(common.tr("empty.selection"))
    else:
        BEFORE = budget.previous_state(common.cursor(), F)
        PREVIOUS = budget.totals(_earned_value(VERSION, *BEFORE, METHOD), METHOD) if BEFORE else None
        headline(budget.totals(FRAME, METHOD), PREVIOUS, BEFORE[1] if BEFORE else None)
        LINES = _monthly(VERSION, F, STATUS_DATE)
        PLAN = budget.phasing(LINES, FRAME, STATUS_DATE, METHOD)
        s_curve_section(budget.s_curve(PLAN, FRAME, _history(VERSION, F, STATUS_DATE)))
        monthly_section(LINES)
        TABLE = budget.variances(FRAME, STATUS_DATE)
        ALERTS = budget.find_alerts(FRAME, STATUS_DATE, SETTINGS)
        tabs = st.tabs(
            [
                common.tr("budget.tab.variances"),
                common.tr("budget.tab.alerts", n=formatting.number(len(ALERTS), LANG)),
                common.tr("budget.tab.rollup"),
                common.tr("budget.tab.allocation"),
            ]
        )
        with tabs[0]:
            variance_section(TABLE, ALERTS)
        with tabs[1]:
            alerts_section(ALERTS, TABLE)
        with tabs[2]:
            rollup_section(FRAME)
        with tabs[3]:
            allocation_section(FRAME, LINES, PLAN)
