"""What several charts share: the status and risk-band colour scales, the words of a status, and the
projector sizes with a chart family's own axis, legend or title settings."""

from __future__ import annotations

import altair as alt

from pmo_core import vocabulary
from pmo_core.charts import configured
from pmo_core.i18n import t
from pmo_core.palette import BAND_COLOURS, BAND_ORDER, STATUS_COLOURS, STATUS_ORDER


def configured_as(
    chart: alt.TopLevelMixin,
    *,
    axis: dict | None = None,
    legend: dict | None = None,
    title: dict | None = None,
) -> alt.TopLevelMixin:
    """Apply configured()'s projector sizes with a family's own settings on top (a legend above the plot, no
    grid): a second configure_legend would replace configured()'s settings rather than add to them."""
    chart = configured(chart)
    for part, extra in (("axis", axis), ("legend", legend), ("title", title)):
        if extra:
            setting = getattr(chart.config, part)
            setattr(chart.config, part, type(setting)(**{**setting.to_dict(), **extra}))
    return chart


def status_label(code: str | None, lang: str) -> str:
    """Return a status's word; no status is "Not reported", the word a legend and a table both show."""
    return t("status.grey", lang) if code in (None, "grey") else vocabulary.label("status", code, lang)


def status_scale(lang: str) -> alt.Scale:
    """Return the one status palette keyed by the status words, so a status has one colour in every chart."""
    return alt.Scale(
        domain=[status_label(s, lang) for s in STATUS_ORDER], range=[STATUS_COLOURS[s] for s in STATUS_ORDER]
    )


def band_scale(lang: str) -> alt.Scale:
    """Return the risk bands' palette keyed by the bands' words, low to critical."""
    return alt.Scale(
        domain=[vocabulary.label("band", b, lang) for b in BAND_ORDER],
        range=[BAND_COLOURS[b] for b in BAND_ORDER],
    )


def tooltips(lang: str, *fields: tuple[str, str]) -> list[alt.Tooltip]:
    """Return a mark's tooltips from (field, translation key of its title) pairs, titled in the language."""
    return [alt.Tooltip(name, title=t(key, lang)) for name, key in fields]
