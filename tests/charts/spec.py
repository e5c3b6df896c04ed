"""Read what a chart function returned the way Vega-Lite will: its specification as a dict."""

from __future__ import annotations

import altair as alt


def spec(chart: alt.TopLevelMixin) -> dict:
    return chart.to_dict()


def layers(spec: dict) -> list[dict]:
    """Return every drawn view of a specification, layers of layers flattened, in drawing order."""
    if "layer" not in spec:
        return [spec]
    return [view for layer in spec["layer"] for view in layers(layer)]


def mark(view: dict) -> str:
    return view["mark"] if isinstance(view["mark"], str) else view["mark"]["type"]


def data(spec: dict, view: dict) -> list[dict]:
    """Return the rows a view draws from: its own data, else the chart's (Altair hoists shared data)."""
    return spec["datasets"][(view.get("data") or spec["data"])["name"]]


def rows(spec: dict, view: dict) -> int:
    return len(data(spec, view))


def title(spec: dict) -> str:
    """Return a chart's title text (lines joined), whether it is a string or a title with a subtitle."""
    text = spec["title"] if isinstance(spec["title"], str) else spec["title"]["text"]
    return " ".join(text) if isinstance(text, list) else text


def subtitle(spec: dict) -> str:
    text = spec["title"]["subtitle"]
    return " ".join(text) if isinstance(text, list) else text


def colour(view: dict) -> dict:
    return view["encoding"]["color"]


def fields(view: dict) -> dict[str, str]:
    """Return each encoding channel's field (or aggregate of a field)."""
    return {
        channel: value.get("field") for channel, value in view["encoding"].items() if isinstance(value, dict)
    }
