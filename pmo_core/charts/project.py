"""The charts of one project: its status history by dimension, the matrix of its open risks, and its
monthly costs against plan."""

from __future__ import annotations

import altair as alt
import pandas as pd

from pmo_core import formatting
from pmo_core.charts import configured
from pmo_core.charts.style import band_scale, status_label, status_scale
from pmo_core.i18n import t
from pmo_core.palette import ACTUAL, FORECAST, PLANNED, STATUS_SHAPES
from pmo_core.portfolio import DIMENSIONS
from pmo_core.vocabulary import label


def history_chart(history: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Draw a grid: one row per dimension, one column per snapshot, the status as colour and shape (a
    black-and-white print still reads it): when the project turned, and on which dimension."""
    names = {
        "overall": t("overview.col.status", lang),
        **{d: t(f"field.projects.status_{d}", lang) for d in DIMENSIONS},
    }
    data = history.assign(
        dimension_label=history["dimension"].map(names),
        status_label=history["status"].map(lambda code: status_label(code, lang)),
        when=history["as_of"].map(lambda value: formatting.day(value, lang)),
        shape=history["status"].map(STATUS_SHAPES),
    )
    dates = data["when"].drop_duplicates().tolist()
    overall = [status_label(code, lang) for code in data[data["dimension"] == "overall"]["status"]]
    title = (
        t("project.history.title", lang, first=overall[0], last=overall[-1], start=dates[0], end=dates[-1])
        if len(dates) > 1
        else t("project.history.title_one", lang, last=overall[-1], end=dates[-1])
    )
    base = alt.Chart(data).encode(
        x=alt.X(
            "when:N", sort=dates, title=t("overview.trend.x", lang), axis=alt.Axis(labelAngle=0, orient="top")
        ),
        y=alt.Y("dimension_label:N", sort=list(names.values()), title=None, axis=alt.Axis(labelLimit=220)),
        tooltip=[
            alt.Tooltip("when:N", title=t("overview.trend.x", lang)),
            alt.Tooltip("dimension_label:N", title=t("project.history.dimension", lang)),
            alt.Tooltip("status_label:N", title=t("status.title", lang)),
        ],
    )
    cells = base.mark_rect(stroke="white", strokeWidth=3, cornerRadius=4).encode(
        color=alt.Color(
            "status_label:N",
            title=t("status.title", lang),
            legend=alt.Legend(orient="top"),
            scale=status_scale(lang),
        )
    )
    shapes = base.mark_text(fontSize=24, color="white").encode(text="shape:N")
    return configured(alt.layer(cells, shapes).properties(height=alt.Step(40), title=title))


def heatmap_chart(cells: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Draw the 5x5 matrix of this project's open risks: band colours and the count on each cell, laid out
    as the Risks page's heatmap (probability across, impact up) so the two read alike."""
    data = cells.assign(
        band_label=cells["band"].map(lambda b: label("band", b, lang)),
        text=cells["n_risks"].map(lambda n: str(n) if n else ""),
    )
    severe = int(data.loc[data["band"].isin(["high", "critical"]), "n_risks"].sum())
    base = alt.Chart(data).encode(
        x=alt.X("probability:O", title=t("project.heatmap.y", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y("impact:O", sort="descending", title=t("project.heatmap.x", lang)),
        tooltip=[
            alt.Tooltip("probability:O", title=t("project.heatmap.y", lang)),
            alt.Tooltip("impact:O", title=t("project.heatmap.x", lang)),
            alt.Tooltip("band_label:N", title=t("project.col.band", lang)),
            alt.Tooltip("n_risks:Q", title=t("project.heatmap.count", lang)),
        ],
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "band_label:N",
            title=t("project.col.band", lang),
            legend=alt.Legend(orient="right"),
            scale=band_scale(lang),
        ),
        opacity=alt.condition("datum.n_risks > 0", alt.value(1.0), alt.value(0.3)),
    )
    text = base.mark_text(fontSize=20, fontWeight="bold").encode(
        text="text:N",
        color=alt.condition("datum.band == 'moderate'", alt.value("#212121"), alt.value("white")),
    )
    key = "project.heatmap.title.none" if severe == 0 else "project.heatmap.title"
    title = alt.Title(t(key, lang, n=severe), subtitle=t("project.heatmap.subtitle", lang))
    # Streamlit fits the whole chart (title and axes included) in its height: 5 cells of about 64 px remain
    return configured(alt.layer(rect, text).properties(height=5 * 64 + 110, title=title))


def costs_chart(costs: pd.DataFrame, lang: str, currency: str) -> alt.LayerChart:
    """Draw actual and forecast cost per month as bars and the plan as a line, with the finding as title:
    spend to date against the plan for the same months."""
    words = {kind: t(f"project.costs.{kind}", lang) for kind in ("actual", "forecast", "planned")}
    bars = pd.concat(
        [
            costs[["month", kind]].rename(columns={kind: "amount"}).assign(series=words[kind])
            for kind in ("actual", "forecast")
        ]
    ).dropna(subset=["amount"])
    plan = costs[["month", "planned"]].rename(columns={"planned": "amount"}).assign(series=words["planned"])
    data = pd.concat([bars.assign(kind="bar"), plan.assign(kind="line")], ignore_index=True)
    data["amount_text"] = data["amount"].map(lambda v: formatting.money(v, lang, currency))
    data["month_text"] = data["month"].map(lambda m: formatting.month(m, lang))
    months = [formatting.month(m, lang) for m in costs["month"]]
    colour = alt.Color(
        "series:N",
        title=None,
        legend=alt.Legend(orient="top"),
        scale=alt.Scale(domain=list(words.values()), range=[ACTUAL, FORECAST, PLANNED]),
    )
    unit = formatting.currency_symbol(currency)
    y = alt.Y("amount:Q", title=t("project.costs.y", lang, unit=unit), axis=alt.Axis(format="~s"))
    x = alt.X(
        "month_text:O",
        sort=months,
        title=t("project.costs.month", lang),
        axis=alt.Axis(labelAngle=0, labelOverlap=True),
    )
    tooltip = [
        alt.Tooltip("month_text:N", title=t("project.costs.month", lang)),
        alt.Tooltip("series:N", title=" "),
        alt.Tooltip("amount_text:N", title=t("project.costs.amount", lang)),
    ]
    bar = (
        alt.Chart()
        .mark_bar(opacity=0.85)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
        .transform_filter("datum.kind == 'bar'")
    )
    line = (
        alt.Chart()
        .mark_line(point=True, strokeWidth=3)
        .encode(x=x, y=y, color=colour, tooltip=tooltip)
        .transform_filter("datum.kind == 'line'")
    )
    return configured(
        alt.layer(bar, line, data=data).properties(
            height=380,
            title=alt.Title(costs_title(costs, lang, currency), subtitle=t("project.costs.subtitle", lang)),
            padding={"left": 5, "top": 5, "bottom": 5, "right": 32},  # room for the last month's label
        )
    )


def costs_title(costs: pd.DataFrame, lang: str, currency: str) -> str:
    """State the finding: spend to date against the plan for the same months."""
    spent = costs["actual"].notna()
    actual, planned = costs.loc[spent, "actual"].sum(), costs.loc[spent, "planned"].sum()
    if not spent.any() or not planned:
        return t("project.costs.title_plain", lang)
    gap = actual / planned - 1
    key = "project.costs.title_over" if gap > 0 else "project.costs.title_under"
    return t(
        key,
        lang,
        actual=formatting.money(actual, lang, currency, short=True),
        planned=formatting.money(planned, lang, currency, short=True),
        gap=formatting.percent(abs(gap), lang),
    )
