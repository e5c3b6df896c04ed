"""The risk charts: the 5x5 heatmap a committee clicks into, the movement of risks since an earlier snapshot
on the same grid, and the concentration of severe risks by portfolio and category."""

from __future__ import annotations

import json
from datetime import date

import altair as alt
import pandas as pd

from pmo_core import formatting, risks
from pmo_core.charts import FIT_WIDTH
from pmo_core.charts.style import band_scale, configured_as
from pmo_core.i18n import t
from pmo_core.palette import STATUS_COLOURS
from pmo_core.vocabulary import label

CELL_PX = 84  # the height of a heatmap cell; widths follow the column, so the grid fits any screen
PLOT_ONLY = alt.AutoSizeParams(type="pad", contains="padding")  # the movement grid keeps its square cells
LEGEND_BELOW = alt.Legend(orient="bottom", direction="horizontal", columns=2, labelLimit=200)
# On a slide the heatmap sits under a row of cards: its legend goes beside it, where the slide has width.
LEGEND_BESIDE = alt.Legend(orient="right", direction="vertical", labelLimit=200)
# "4 · Almost certain" as lines "4", "Almost", "certain": five columns of words never overlap
SPLIT_WORDS = "split(replace(datum.label, ' · ', ' '), ' ')"
SEVERE_SCALE = ["#FDECEA", "#C62828"]  # light to the palette's red: more high and critical risks is darker
CELL_SELECTION = "cell"  # the heatmap's click selection: the page reads the cell clicked under this name


def _configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the projector sizes with no grid lines, which would cross the cells."""
    return configured_as(
        chart,
        axis={"grid": False},
        legend={"symbolSize": 220, "labelLimit": 160},
        title={"fontSize": 18},
    )


def heatmap_chart(
    cells: pd.DataFrame,
    summary: risks.RiskSummary,
    view: str,
    chosen: tuple[int, int] | None,
    lang: str,
    clickable: bool = False,
) -> alt.LayerChart:
    """Draw the 5x5 grid: band colours, counts on the cells, the chosen cell outlined.

    `cells` are risks.label_cells' rows; `view` is the rating shown (risks.RiskFilter.view), for the
    subtitle. A `clickable` grid (the Risks page's) says so in its subtitle and selects the clicked cell's
    probability and impact under CELL_SELECTION; a projected or printed one says nothing of clicking.
    """
    x = alt.X(
        "probability_label:N",
        sort=risks.level_labels("probability", lang),
        title=t("risks.axis.probability", lang),
        axis=alt.Axis(labelAngle=0, labelExpr=SPLIT_WORDS, labelOverlap=False, labelFontSize=13),
    )
    y = alt.Y(
        "impact_label:N",
        sort=risks.level_labels("impact", lang)[::-1],
        title=t("risks.axis.impact", lang),
        axis=alt.Axis(labelLimit=160),
    )
    tooltip = [
        alt.Tooltip("probability_label:N", title=t("risks.axis.probability", lang)),
        alt.Tooltip("impact_label:N", title=t("risks.axis.impact", lang)),
        alt.Tooltip("score:Q", title=t("risks.tip.score", lang)),
        alt.Tooltip("band_label:N", title=t("risks.legend.band", lang)),
        alt.Tooltip("risks:Q", title=t("risks.tip.risks", lang)),
        alt.Tooltip("exposure_text:N", title=t("risks.tip.exposure", lang)),
    ]
    base = alt.Chart(cells).encode(x=x, y=y, tooltip=tooltip)
    rect = base.mark_rect(stroke="white", strokeWidth=3, cursor="pointer" if clickable else "default").encode(
        color=alt.Color(
            "band_label:N",
            scale=band_scale(lang),
            title=t("risks.legend.band", lang),
            legend=LEGEND_BELOW if clickable else LEGEND_BESIDE,
        ),
        opacity=alt.condition("datum.risks > 0", alt.value(1.0), alt.value(0.45)),
    )
    if clickable:
        rect = rect.add_params(
            alt.selection_point(
                name=CELL_SELECTION, fields=["probability", "impact"], on="click", clear=False
            )
        )
    text = base.mark_text(fontSize=22, fontWeight="bold").encode(
        text="risks:Q",
        color=alt.condition("datum.band == 'moderate'", alt.value("#212121"), alt.value("white")),
    )
    layers = [rect, text]
    if chosen:
        outline = base.mark_rect(fill=None, stroke="#111111", strokeWidth=5).transform_filter(
            f"datum.probability == {int(chosen[0])} && datum.impact == {int(chosen[1])}"
        )
        layers.append(outline)
    title = t(
        "risks.heatmap.title",
        lang,
        severe=formatting.number(summary.critical + summary.high, lang),
        risks=formatting.number(summary.risks, lang),
    )
    words = t(f"risks.view.{view}", lang)
    subtitle = t("risks.heatmap.subtitle", lang, view=words if lang == "en" else words.lower())
    if clickable:
        subtitle += " · " + t("risks.heatmap.click", lang)
    return _configured(
        alt.layer(*layers).properties(
            title=alt.Title(title, subtitle=subtitle), height=CELL_PX * 5, autosize=FIT_WIDTH
        )
    )


# --- Movement ------------------------------------------------------------------------------------------


def _level_axis(kind: str, title: str, lang: str) -> alt.Axis:
    """Return a quantitative axis whose ticks 1-5 read as number and word."""
    names = json.dumps(["", *risks.level_labels(kind, lang)])
    expression = f"{names}[datum.value]"
    if kind == "probability":
        expression = SPLIT_WORDS.replace("datum.label", expression)
    return alt.Axis(
        values=list(risks.LEVELS),
        title=title,
        labelExpr=expression,
        grid=False,
        labelAngle=0,
        labelLimit=160,
        labelOverlap=False,
    )


def movement_chart(cells: pd.DataFrame, moved: risks.Movement, since: date, lang: str) -> alt.LayerChart:
    """Draw arrows from each re-rated risk's old cell to its new one over the faded grid, with the new and
    closed risks counted on their cells: what changed since `since`, on the grid the committee knows."""
    paths, moved_cells = risks.movement_paths(moved.rows), risks.movement_cells(moved.rows)
    x_scale, y_scale = alt.Scale(domain=[0.5, 5.5], nice=False), alt.Scale(domain=[0.5, 5.5], nice=False)
    grid = (
        alt.Chart(cells)
        .transform_calculate(
            x0="datum.probability - 0.5",
            x1="datum.probability + 0.5",
            y0="datum.impact - 0.5",
            y1="datum.impact + 0.5",
        )
        .mark_rect(stroke="white", strokeWidth=2, opacity=0.3)
        .encode(
            x=alt.X(
                "x0:Q",
                scale=x_scale,
                axis=_level_axis("probability", t("risks.axis.probability", lang), lang),
            ),
            x2="x1:Q",
            y=alt.Y("y0:Q", scale=y_scale, axis=_level_axis("impact", t("risks.axis.impact", lang), lang)),
            y2="y1:Q",
            color=alt.Color("band_label:N", scale=band_scale(lang), legend=None),
            tooltip=[
                alt.Tooltip("probability_label:N", title=t("risks.axis.probability", lang)),
                alt.Tooltip("impact_label:N", title=t("risks.axis.impact", lang)),
                alt.Tooltip("band_label:N", title=t("risks.legend.band", lang)),
                alt.Tooltip("risks:Q", title=t("risks.tip.risks", lang)),
            ],
        )
    )
    layers = [grid]
    if not paths.empty:
        layers += _arrows(paths, x_scale, y_scale, lang)
    if not moved_cells.empty:
        layers += _new_and_closed(moved_cells, x_scale, y_scale, lang)
    title = t(
        "risks.move.grid.title",
        lang,
        date=formatting.day(since, lang),
        escalated=formatting.number(moved.counts["escalated"], lang),
        deescalated=formatting.number(moved.counts["deescalated"], lang),
    )
    chart = alt.layer(*layers).resolve_scale(color="independent")  # bands and movement have their own colours
    return _configured(
        chart.properties(title=title, width=CELL_PX * 6, height=CELL_PX * 5, autosize=PLOT_ONLY)
    )


def _movement_colour(lang: str, legend: alt.Legend | None = LEGEND_BELOW) -> alt.Color:
    """Colour arrows red when a risk escalated, green when it de-escalated; one legend for line and head."""
    kinds = ["escalated", "deescalated"]
    return alt.Color(
        "movement_label:N",
        title=t("risks.move.legend", lang),
        scale=alt.Scale(
            domain=[t(f"risks.move.{k}", lang) for k in kinds],
            range=[STATUS_COLOURS["red"], STATUS_COLOURS["green"]],
        ),
        legend=legend,
    )


def _arrows(paths: pd.DataFrame, x_scale: alt.Scale, y_scale: alt.Scale, lang: str) -> list[alt.Chart]:
    """Draw one arrow per move between two cells: a line, thicker with more risks, and a head at the new cell."""
    data = paths.assign(
        movement_label=paths["movement"].map(lambda k: t(f"risks.move.{k}", lang)),
        source=[
            risks.scale_label("probability", p, lang) + " / " + risks.scale_label("impact", i, lang)
            for p, i in zip(paths.before_probability, paths.before_impact, strict=True)
        ],
        target=[
            risks.scale_label("probability", p, lang) + " / " + risks.scale_label("impact", i, lang)
            for p, i in zip(paths.after_probability, paths.after_impact, strict=True)
        ],
    )
    tooltip = [
        alt.Tooltip("movement_label:N", title=t("risks.move.legend", lang)),
        alt.Tooltip("source:N", title=t("risks.move.tip.from", lang)),
        alt.Tooltip("target:N", title=t("risks.move.tip.to", lang)),
        alt.Tooltip("risks:Q", title=t("risks.tip.risks", lang)),
    ]
    line = (
        alt.Chart(data)
        .mark_rule(strokeCap="round")
        .encode(
            x=alt.X("x:Q", scale=x_scale),
            y=alt.Y("y:Q", scale=y_scale),
            x2="x2:Q",
            y2="y2:Q",
            color=_movement_colour(lang),
            strokeWidth=alt.StrokeWidth("risks:Q", scale=alt.Scale(range=[2, 9]), legend=None),
            tooltip=tooltip,
        )
    )
    head = (
        alt.Chart(data)
        .mark_point(shape="triangle-up", filled=True, opacity=1)
        .encode(
            x=alt.X("x2:Q", scale=x_scale),
            y=alt.Y("y2:Q", scale=y_scale),
            angle=alt.Angle("angle:Q", scale=None),
            color=_movement_colour(lang, legend=None),
            size=alt.value(260),
            tooltip=tooltip,
        )
    )
    return [line, head]


def _new_and_closed(
    moved_cells: pd.DataFrame, x_scale: alt.Scale, y_scale: alt.Scale, lang: str
) -> list[alt.Chart]:
    """Write +n (new risks) at the top left of a cell and −n (closed risks) at its bottom right."""
    tooltip = [
        alt.Tooltip("new:Q", title=t("risks.move.new", lang)),
        alt.Tooltip("closed:Q", title=t("risks.move.closed", lang)),
    ]
    base = alt.Chart(moved_cells)

    def count(name: str, corner: tuple[str, str], sign: str, colour: str) -> alt.Chart:
        """Write a cell's count of `name` with its sign, in the corner (x and y shifts) given."""
        return (
            base.transform_filter(f"datum.{name} > 0")
            .transform_calculate(
                x=f"datum.probability {corner[0]}",
                y=f"datum.impact {corner[1]}",
                text=f"'{sign}' + datum.{name}",
            )
            .mark_text(fontSize=16, fontWeight="bold", color=colour)
            .encode(
                x=alt.X("x:Q", scale=x_scale), y=alt.Y("y:Q", scale=y_scale), text="text:N", tooltip=tooltip
            )
        )

    return [
        count("new", ("- 0.3", "+ 0.3"), "+", "#0D3B66"),
        count("closed", ("+ 0.3", "- 0.3"), "−", "#424242"),
    ]


# --- Concentration -------------------------------------------------------------------------------------


def category_chart(categories: pd.DataFrame, lang: str) -> alt.LayerChart:
    """Draw portfolios across and categories down, each cell darker with more high and critical risks:
    where the severe risks gather, which a list of risks one by one does not show."""
    none = t("risks.uncategorised", lang)
    data = categories.assign(
        category_label=categories["category"].map(lambda c: label("category", c, lang) if c else none),
        portfolio_label=categories["portfolio"].map(lambda p: p or none),
    )
    worst = data.loc[data["severe"].idxmax()]
    title = (
        t(
            "risks.category.title",
            lang,
            category=worst.category_label,
            portfolio=worst.portfolio_label,
            n=int(worst.severe),
        )
        if worst.severe > 0
        else t("risks.category.title_none", lang)
    )
    tooltip = [
        alt.Tooltip("portfolio_label:N", title=t("risks.category.axis.portfolio", lang)),
        alt.Tooltip("category_label:N", title=t("risks.category.axis.category", lang)),
        alt.Tooltip("critical:Q", title=t("risks.category.tip.critical", lang)),
        alt.Tooltip("high:Q", title=t("risks.category.tip.high", lang)),
        alt.Tooltip("risks:Q", title=t("risks.category.tip.risks", lang)),
    ]
    order = data.groupby("category_label")["severe"].sum().sort_values(ascending=False).index.tolist()
    base = alt.Chart(data).encode(
        x=alt.X(
            "portfolio_label:N",
            title=t("risks.category.axis.portfolio", lang),
            axis=alt.Axis(labelAngle=0, orient="top", labelLimit=180),
        ),
        y=alt.Y(
            "category_label:N",
            sort=order,
            title=t("risks.category.axis.category", lang),
            axis=alt.Axis(labelLimit=220),
        ),
        tooltip=tooltip,
    )
    rect = base.mark_rect(stroke="white", strokeWidth=2).encode(
        color=alt.Color(
            "severe:Q",
            scale=alt.Scale(range=SEVERE_SCALE),
            title=t("risks.category.legend", lang),
            legend=None,
        )
    )
    text = base.mark_text(fontSize=16, fontWeight="bold").encode(
        text="severe:Q",
        color=alt.condition(
            f"datum.severe > {max(1, int(data['severe'].max()) // 2)}",
            alt.value("white"),
            alt.value("#212121"),
        ),
    )
    return _configured(
        alt.layer(rect, text).properties(title=title, height=48 * len(order), autosize=FIT_WIDTH)
    )
