"""Pictures of Altair charts, rendered offline by vl-convert (no browser, no network) at the box's size."""

from __future__ import annotations

import altair as alt
import vl_convert

from pmo_core.charts.locale import localised
from pmo_core.pack.layout import printable

DPI = 96  # Vega's pixel; pictures are rendered at SCALE times it, sharp on a projector and in print
SCALE = 2
ZOOM = 1.3  # drawn smaller then enlarged to the box: a page's 13 px label reads as 13 pt on a slide


def chart_png(chart: alt.TopLevelMixin, width_in: float, height_in: float, lang: str) -> bytes:
    """Render `chart` to fill a box of the given inches, its numbers and dates written as its page writes
    them in the deck's language (the page's own locale, from pmo_core.charts)."""
    if isinstance(chart, alt.Chart | alt.LayerChart):  # a concatenation keeps the sizes of its parts
        # The plot takes the box's size; its title, axes and legend come around it (the whole picture is then
        # fitted into the box), so a long title is never cut. A height in steps (a row a project) is kept.
        size = {"width": int(width_in * DPI / ZOOM)}
        if not isinstance(chart.height, alt.Step | dict):
            size["height"] = int(height_in * DPI / ZOOM * 0.6)
        chart = chart.properties(**size)
    spec = _printable(localised(chart, lang).to_dict())
    return vl_convert.vegalite_to_png(spec, scale=SCALE * ZOOM)


def _printable(value):
    """Drop control characters from every text of a specification, its data included: vl-convert aborts the
    whole process (a Rust panic, not an exception) on a vertical tab in a label, and a tracker may carry one."""
    if isinstance(value, str):
        return printable(value)
    if isinstance(value, dict):
        return {printable(k): _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value
