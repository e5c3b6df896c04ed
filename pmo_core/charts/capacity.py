"""The capacity charts: the team-by-month load heatmap, capacity against demand per portfolio, and the
comparison of what-if scenarios."""

from __future__ import annotations

from datetime import date

import altair as alt
import numpy as np
import pandas as pd

from pmo_core import capacity, formatting
from pmo_core.charts import FIT_WIDTH, LABEL_PX, configured
from pmo_core.charts.style import tooltips
from pmo_core.i18n import t
from pmo_core.palette import LOAD_BOUNDS, LOAD_COLOURS, LOAD_ORDER, LOAD_TEXT

ROW_PX = 34  # one team's row of the heatmap
TWO_LINES = "split(datum.label, ' ')"  # "Mar 2027" on two lines: eighteen months never overlap
PORTFOLIO_COLOURS = ["#1F4E79", "#5B9BD5", "#F28E2B", "#B07AA1", "#76B7B2", "#9C755F", "#EDC948", "#BAB0AC"]
SCENARIO_COLOURS = ["#9E9E9E", "#1F4E79", "#F28E2B", "#76B7B2", "#B07AA1"]


def load_band(load: float | None, no_capacity: bool = False) -> str:
    """Say which band a load falls in: spare (< 80 %), full (up to 100 %), over (up to 120 %), severe."""
    if no_capacity:
        return "no_capacity"
    low, full, over = LOAD_BOUNDS
    value = 0.0 if load is None or pd.isna(load) else float(load)
    return "spare" if value < low else "full" if value <= full else "over" if value <= over else "severe"


def load_text(load: float | None, no_capacity: bool, lang: str) -> str:
    """Write a cell's load: "140 %", or "∞" where demand meets no capacity at all."""
    if no_capacity:
        return "∞"
    return "" if load is None or pd.isna(load) else formatting.percent(load, lang)


def band_label(band: str, lang: str) -> str:
    return t(f"capacity.band.{band}", lang)


def month_key(month: object) -> str:
    return f"{pd.Timestamp(month):%Y-%m}"


def heatmap_data(
    grid: pd.DataFrame,
    lang: str,
    chosen: tuple[str, date] | None = None,
    before: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Return one row per team-month with what the heatmap shows: labels, band, texts for the tooltip, the
    chosen cell, and (for a what-if) the load before and whether it changed."""
    data = grid.copy()
    data["month_key"] = data["month"].map(month_key)
    data["month_label"] = data["month"].map(lambda m: formatting.month(m, lang))
    data["month_long"] = data["month"].map(lambda m: capacity.month_words(pd.Timestamp(m).date(), lang))
    data["band"] = [load_band(v, n) for v, n in zip(data["load"], data["no_capacity"], strict=True)]
    data["band_label"] = data["band"].map(lambda b: band_label(b, lang))
    data["load_text"] = [
        load_text(v, n, lang) for v, n in zip(data["load"], data["no_capacity"], strict=True)
    ]
    data["text_colour"] = data["band"].map(LOAD_TEXT)
    data["capacity_text"] = data["capacity"].map(lambda v: _fte(v, lang))
    data["demand_text"] = data["demand"].map(lambda v: _fte(v, lang))
    key = (chosen[0], month_key(chosen[1])) if chosen else None
    data["chosen"] = [(team, m) == key for team, m in zip(data["team"], data["month_key"], strict=True)]
    if before is not None:
        old = before.assign(month_key=before["month"].map(month_key)).set_index(["team", "month_key"])
        index = pd.MultiIndex.from_arrays([data["team"], data["month_key"]])
        old_load = old["load"].reindex(index).to_numpy()
        old_gap = old["no_capacity"].reindex(index).fillna(False).to_numpy(dtype=bool)
        data["before_text"] = [load_text(v, n, lang) for v, n in zip(old_load, old_gap, strict=True)]
        same = np.isclose(
            np.nan_to_num(old_load, nan=-1.0), np.nan_to_num(data["load"].to_numpy(dtype=float), nan=-1.0)
        )
        data["changed"] = ~same | (old_gap != data["no_capacity"].to_numpy(dtype=bool))
    return data


def _fte(value: object, lang: str) -> str:
    if value is None or pd.isna(value):
        return t("capacity.none", lang)
    return t("capacity.fte", lang, n=formatting.number(float(value), lang, 1))


def load_heatmap(
    grid: pd.DataFrame,
    lang: str,
    *,
    title: str,
    subtitle: str,
    chosen: tuple[str, date] | None = None,
    before: pd.DataFrame | None = None,
    teams: list[str] | None = None,
) -> alt.LayerChart:
    """Draw teams down, months across: each cell coloured by its load band, its load written on it, the
    chosen cell outlined, cells a what-if changed outlined in dashes; a click on a cell selects it."""
    data = heatmap_data(grid, lang, chosen, before)
    months = list(dict.fromkeys(data.sort_values("month")["month_label"]))
    order = teams or sorted(data["team"].unique())
    bands = [b for b in LOAD_ORDER if b in set(data["band"])] or ["spare"]
    x = alt.X(
        "month_label:O",
        sort=months,
        title=None,
        axis=alt.Axis(
            labelAngle=0, labelExpr=TWO_LINES, orient="top", offset=LABEL_PX + 4, domain=False, ticks=False
        ),
    )
    y = alt.Y("team:N", sort=order, title=None, axis=alt.Axis(labelLimit=230))
    tooltip = tooltips(
        lang,
        ("team:N", "capacity.col.team"),
        ("month_long:N", "capacity.col.month"),
        ("capacity_text:N", "capacity.col.capacity"),
        ("demand_text:N", "capacity.col.demand"),
        ("load_text:N", "capacity.col.load"),
        ("band_label:N", "capacity.legend"),
    )
    if before is not None:
        tooltip.append(alt.Tooltip("before_text:N", title=t("capacity.col.before", lang)))
    pick = alt.selection_point(name="cell", fields=["team", "month_key"], on="click", clear=False)
    base = alt.Chart(data).encode(x=x, y=y, tooltip=tooltip)
    rect = base.mark_rect(stroke="white", strokeWidth=2, cursor="pointer").encode(
        color=alt.Color(
            "band_label:N",
            scale=alt.Scale(
                domain=[band_label(b, lang) for b in bands], range=[LOAD_COLOURS[b] for b in bands]
            ),
            title=t("capacity.legend", lang),
            legend=alt.Legend(orient="bottom", direction="horizontal", labelLimit=260),
        )
    )
    text = base.mark_text(fontSize=LABEL_PX - 1, fontWeight="bold").encode(
        text="load_text:N", color=alt.Color("text_colour:N", scale=None)
    )
    layers = [rect.add_params(pick), text]
    if before is not None and data["changed"].any():
        layers.append(
            base.mark_rect(fill=None, stroke="#F28E2B", strokeWidth=3, strokeDash=[5, 3]).transform_filter(
                "datum.changed"
            )
        )
    if data["chosen"].any():
        layers.append(
            base.mark_rect(fill=None, stroke="#111111", strokeWidth=4).transform_filter("datum.chosen")
        )
    return configured(
        alt.layer(*layers).properties(
            title=alt.Title(title, subtitle=subtitle), height=ROW_PX * len(order), autosize=FIT_WIDTH
        )
    )


def heatmap_title(grid: pd.DataFrame, lang: str, since: date | None) -> str:
    """Title the heatmap with its finding: the largest gap, or that every team fits."""
    found = capacity.overloads(grid, since)
    if not found:
        return t("capacity.heatmap.fits", lang)
    worst = found[0]
    return t(
        "capacity.heatmap.title",
        lang,
        team=worst.team,
        load=formatting.percent(worst.mean_load, lang),
        period=capacity.period_words(worst.first, worst.last, lang),
    )


def capacity_demand_chart(
    by_portfolio: pd.DataFrame, totals: pd.DataFrame, lang: str, *, title: str, subtitle: str
) -> alt.LayerChart:
    """Draw each month's demand stacked by portfolio, against the teams' capacity as a line."""
    demand = by_portfolio.assign(
        month_label=by_portfolio["month"].map(lambda m: formatting.month(m, lang)),
        portfolio=by_portfolio["portfolio"].replace("", t("capacity.no_portfolio", lang)),
        fte_text=by_portfolio["fte"].map(lambda v: _fte(v, lang)),
    )
    supply = totals.assign(
        month_label=totals["month"].map(lambda m: formatting.month(m, lang)),
        capacity_text=totals["capacity"].map(lambda v: _fte(v, lang)),
        demand_text=totals["demand"].map(lambda v: _fte(v, lang)),
        load_text=totals["load"].map(lambda v: load_text(v, False, lang)),
        series=t("capacity.series.capacity", lang),
    )
    months = list(dict.fromkeys(supply.sort_values("month")["month_label"]))
    portfolios = list(
        demand.groupby("portfolio")["fte"].sum().sort_values(ascending=False).index
    )  # the largest at the bottom of each bar
    x = alt.X("month_label:O", sort=months, title=None, axis=alt.Axis(labelAngle=0, labelExpr=TWO_LINES))
    y_title = t("capacity.axis.fte", lang)
    bars = (
        alt.Chart(demand)
        .mark_bar()
        .encode(
            x=x,
            y=alt.Y("sum(fte):Q", title=y_title),
            color=alt.Color(
                "portfolio:N",
                sort=portfolios,
                scale=alt.Scale(domain=portfolios, range=PORTFOLIO_COLOURS[: len(portfolios)]),
                title=t("capacity.col.portfolio", lang),
                legend=alt.Legend(orient="bottom", direction="horizontal", columns=3, labelLimit=260),
            ),
            order=alt.Order("portfolio_rank:Q"),
            tooltip=tooltips(
                lang,
                ("month_label:N", "capacity.col.month"),
                ("portfolio:N", "capacity.col.portfolio"),
                ("fte_text:N", "capacity.col.demand"),
            ),
        )
        .transform_calculate(portfolio_rank=f"indexof({portfolios!r}, datum.portfolio)")
    )
    line = (
        alt.Chart(supply)
        .mark_line(
            interpolate="step-after",
            color="#111111",
            strokeWidth=3,
            point=alt.OverlayMarkDef(size=50, color="#111111", filled=True),
        )
        .encode(
            x=x,
            y=alt.Y("capacity:Q", title=y_title),
            tooltip=tooltips(
                lang,
                ("month_label:N", "capacity.col.month"),
                ("capacity_text:N", "capacity.col.capacity"),
                ("demand_text:N", "capacity.col.demand"),
                ("load_text:N", "capacity.col.load"),
            ),
        )
    )
    return configured(
        alt.layer(bars, line).properties(
            title=alt.Title(title, subtitle=subtitle), height=360, autosize=FIT_WIDTH
        )
    )


def scenario_chart(shortfalls: pd.DataFrame, lang: str, *, title: str, subtitle: str) -> alt.Chart:
    """Draw the person-months each team is short under each scenario, teams most short first."""
    data = shortfalls.assign(short_text=shortfalls["short"].map(lambda v: formatting.number(v, lang, 1)))
    names = list(dict.fromkeys(data["scenario"]))
    teams = list(data.groupby("team")["short"].max().sort_values(ascending=False).index)
    return configured(
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("team:N", sort=teams, title=None, axis=alt.Axis(labelLimit=230)),
            yOffset=alt.YOffset("scenario:N", sort=names),
            x=alt.X("short:Q", title=t("capacity.axis.short", lang), axis=alt.Axis(tickCount=6)),
            color=alt.Color(
                "scenario:N",
                sort=names,
                scale=alt.Scale(domain=names, range=SCENARIO_COLOURS[: len(names)]),
                title=t("capacity.col.scenario", lang),
                legend=alt.Legend(orient="top", labelLimit=300),
            ),
            tooltip=tooltips(
                lang,
                ("scenario:N", "capacity.col.scenario"),
                ("team:N", "capacity.col.team"),
                ("short_text:N", "capacity.axis.short"),
            ),
        )
        .properties(
            title=alt.Title(title, subtitle=subtitle),
            height=max(120, 22 * len(names) * len(teams)),
            autosize=FIT_WIDTH,
        )
    )
