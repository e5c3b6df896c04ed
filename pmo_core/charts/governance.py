"""Compliance charts: the groups that follow the PMO's rules least, and compliance across snapshots."""

from __future__ import annotations

import altair as alt
import pandas as pd

from pmo_core import formatting
from pmo_core.charts import LABEL_PX, configured
from pmo_core.charts.style import tooltips
from pmo_core.i18n import t
from pmo_core.palette import NEUTRAL

NAME_LIMIT = 280  # px of a group's name on the axis; the full name is in the tooltip


def rollup_chart(rollup: pd.DataFrame, lang: str, none_label: str) -> alt.TopLevelMixin:
    """Draw each group's compliance as a horizontal bar, the least compliant on top, its score written on it.

    `rollup` is compliance.roll_up's frame (group, projects, score, compliant, breaches), already sorted.
    """
    data = rollup.assign(
        group=rollup["group"].fillna(none_label),
        percent=(pd.to_numeric(rollup["score"], errors="coerce") * 100).round(0),
        score_text=rollup["score"].map(lambda v: formatting.percent(v, lang)),
    )
    worst = data.iloc[0]
    title = t("governance.chart.rollup.title", lang, worst=worst["group"], score=worst["score_text"])
    tooltip = tooltips(
        lang,
        ("group:N", "governance.rollup.by"),
        ("score_text:N", "governance.col.score"),
        ("projects:Q", "governance.chart.projects"),
        ("compliant:Q", "governance.kpi.compliant"),
        ("breaches:Q", "governance.kpi.breaches"),
    )
    y = alt.Y("group:N", sort=list(data["group"]), title=None, axis=alt.Axis(labelLimit=NAME_LIMIT))
    base = alt.Chart(data).encode(y=y, tooltip=tooltip)
    bars = base.mark_bar(color=NEUTRAL, height={"band": 0.7}).encode(
        x=alt.X(
            "percent:Q",
            title=t("governance.chart.rollup.x", lang),
            scale=alt.Scale(domain=[0, 100]),
            axis=alt.Axis(values=[0, 20, 40, 60, 80, 100]),
        )
    )
    # The score written inside the bar's end, where a full bar leaves no room after it; after a short bar
    inside = (
        base.mark_text(align="right", dx=-6, fontSize=LABEL_PX, fontWeight="bold", color="white")
        .encode(x="percent:Q", text="score_text:N")
        .transform_filter("datum.percent >= 15")
    )
    after = (
        base.mark_text(align="left", dx=4, fontSize=LABEL_PX, fontWeight="bold", color="#212121")
        .encode(x="percent:Q", text="score_text:N")
        .transform_filter("datum.percent < 15")
    )
    return configured(alt.layer(bars, inside, after).properties(height=alt.Step(28), title=alt.Title(title)))


def trend_chart(trend: pd.DataFrame, lang: str) -> alt.TopLevelMixin:
    """Draw the compliance of each snapshot as a line, every point labelled with its score."""
    data = trend.assign(
        when=trend["as_of"].map(lambda d: formatting.day(d, lang)),
        percent=(pd.to_numeric(trend["score"], errors="coerce") * 100).round(1),
        score_text=trend["score"].map(lambda v: formatting.percent(v, lang)),
    )
    dates = list(data["when"])
    first, last = data.iloc[0], data.iloc[-1]
    title = (
        t(
            "governance.chart.trend.title",
            lang,
            first=first["score_text"],
            start=first["when"],
            last=last["score_text"],
            end=last["when"],
        )
        if len(data) > 1
        else t("governance.chart.trend.title_one", lang, last=last["score_text"], end=last["when"])
    )
    low = max(0.0, min(float(data["percent"].min()) - 10, 80.0)) if data["percent"].notna().any() else 0.0
    base = alt.Chart(data).encode(
        x=alt.X("when:N", sort=dates, title=t("governance.chart.trend.x", lang), axis=alt.Axis(labelAngle=0)),
        y=alt.Y(
            "percent:Q",
            title=t("governance.chart.trend.y", lang),
            scale=alt.Scale(domain=[low, 100], nice=False),
        ),
        tooltip=tooltips(
            lang,
            ("when:N", "governance.chart.trend.x"),
            ("score_text:N", "governance.col.score"),
            ("compliant:Q", "governance.kpi.compliant"),
            ("projects:Q", "governance.chart.projects"),
            ("breaches:Q", "governance.chart.trend.breaches"),
        ),
    )
    line = base.mark_line(color=NEUTRAL, strokeWidth=3, point=alt.OverlayMarkDef(size=90, color=NEUTRAL))
    labels = base.mark_text(dy=-14, fontSize=LABEL_PX, fontWeight="bold").encode(text="score_text:N")
    subtitle = t("governance.chart.trend.subtitle", lang)
    return configured(
        alt.layer(line, labels).properties(height=300, title=alt.Title(title, subtitle=subtitle))
    )
