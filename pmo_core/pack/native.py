"""Read an Altair chart as the data of a native PowerPoint chart: the pack keeps no second copy of a page's chart.

The chart's own specification says what it draws (mark, x, y, colour, size, titles, sort, colours) and
VegaFusion evaluates its own transforms (filters, aggregates), so the native chart holds exactly the rows the
page draws. Bars, lines, areas and points become PowerPoint charts; text layers over the same marks become
their data labels; rules are annotations PowerPoint has no mark for. Anything else (a heatmap's cells, a
roadmap's spans, a bar chart beside a line) returns None and is drawn as a picture of the same chart.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date

import altair as alt
import pandas as pd

from pmo_core.pack.layout import printable

BAR_MARKS = {"bar"}
LINE_MARKS = {"line", "area"}
POINT_MARKS = {"point", "circle", "square"}
ANNOTATIONS = {"rule", "text", "tick"}
DISCRETE = {"nominal", "ordinal", "temporal"}


@dataclass(frozen=True)
class Series:
    """One series as PowerPoint holds it: values by category (bars, lines) or (x, y[, size]) points."""

    name: str
    values: tuple
    colour: str | None = None
    labels: tuple[str, ...] | None = None  # a data label per value, the text the chart writes on its mark


@dataclass(frozen=True)
class NativeChart:
    """What a native chart needs: its kind, categories, series, titles and the value axis' number format."""

    kind: str  # "bar" (horizontal), "column", "line", "area", "scatter", "bubble"
    title: str
    subtitle: str
    categories: tuple
    series: tuple[Series, ...]
    x_title: str
    y_title: str
    stacked: bool = False
    legend_title: str = ""
    number_format: str = "General"
    x_number_format: str = "General"


def native_chart(chart: alt.TopLevelMixin) -> NativeChart | None:
    """Return the native form of `chart`, or None when PowerPoint has no chart of its kind."""
    spec = chart.to_dict()
    if not ({"layer", "mark"} & spec.keys()):
        return None  # concatenations and facets are pictures
    leaves = list(_leaves(spec, {}))
    primary = [leaf for leaf in leaves if leaf["mark"] in BAR_MARKS | LINE_MARKS | POINT_MARKS]
    if not primary or any(leaf["mark"] not in ANNOTATIONS for leaf in leaves if leaf not in primary):
        return None
    try:
        frames = chart.transformed_data()
    except Exception:  # noqa: BLE001 - a transform VegaFusion cannot evaluate: the chart is then a picture
        return None
    frames = frames if isinstance(frames, list) else [frames]
    if len(frames) != len(leaves):
        return None
    for leaf, frame in zip(leaves, frames, strict=True):
        leaf["frame"] = frame if frame is not None else pd.DataFrame()
    title, subtitle = _titles(spec.get("title"))
    families = {_family(leaf) for leaf in primary}
    if len(families) != 1 or None in families:
        return None
    family = families.pop()
    texts = [leaf for leaf in leaves if leaf["mark"] == "text"]
    if family == "xy":
        return _xy_chart(primary, texts, title, subtitle)
    return _category_chart(family, primary, texts, title, subtitle)


def chart_title(chart: alt.TopLevelMixin) -> str:
    """Return the title a chart states (its finding), empty when it has none."""
    title = chart.title if not isinstance(chart.title, type(alt.Undefined)) else None
    return _titles(title.to_dict() if hasattr(title, "to_dict") else title)[0]


def _leaves(spec: dict, inherited: dict):
    """Yield the unit specs of a (nested) layer in drawing order, with the encodings they inherit."""
    encoding = {**inherited, **spec.get("encoding", {})}
    if "layer" in spec:
        for child in spec["layer"]:
            yield from _leaves(child, encoding)
        return
    mark = spec.get("mark")
    options = mark if isinstance(mark, dict) else {"type": mark}
    yield {"mark": options.get("type"), "options": options, "encoding": encoding}


def _family(leaf: dict) -> str | None:
    """Say which PowerPoint chart a mark belongs to: "bar", "column", "line", "area", "xy", or None."""
    enc = leaf["encoding"]
    x, y = _channel(enc, "x"), _channel(enc, "y")
    if x is None or y is None or "x2" in enc or "y2" in enc:
        return None
    discrete = (x["type"] in DISCRETE, y["type"] in DISCRETE)
    if leaf["mark"] in BAR_MARKS:
        return {(False, True): "bar", (True, False): "column"}.get(discrete)
    if leaf["mark"] in LINE_MARKS:
        return leaf["mark"] if discrete == (True, False) else None
    return "xy" if discrete == (False, False) else None


def _channel(enc: dict, name: str) -> dict | None:
    """Return an encoding channel that reads a field (a constant value or datum reads none)."""
    channel = enc.get(name)
    if not isinstance(channel, dict) or "field" not in channel and channel.get("aggregate") != "count":
        return None
    return channel


def _column(channel: dict) -> str:
    """Name the column VegaFusion gives a channel's values (an aggregate or time unit renames it)."""
    if channel.get("aggregate") == "count" and "field" not in channel:
        return "__count"
    field = channel["field"]
    for prefix in (channel.get("aggregate"), channel.get("timeUnit")):
        if isinstance(prefix, str):
            field = f"{prefix}_{field}"
    return field


def _title(channel: dict | None) -> str:
    """Return a channel's title as the chart writes it (an explicit None writes none)."""
    if channel is None:
        return ""
    axis = channel.get("axis") or channel.get("legend") or {}
    for title in (channel.get("title", ...), axis.get("title", ...) if isinstance(axis, dict) else ...):
        if title is not ...:
            return "" if title is None else " ".join(title) if isinstance(title, list) else str(title)
    return channel.get("field", "")


def _titles(title) -> tuple[str, str]:
    if isinstance(title, dict):
        text, subtitle = title.get("text", ""), title.get("subtitle", "")
    else:
        text, subtitle = title or "", ""
    flat = [" ".join(v) if isinstance(v, list) else str(v) for v in (text, subtitle)]
    return flat[0], flat[1]


def _number_format(channel: dict | None) -> str:
    """Translate the axis' d3 format into Excel's (a count stays whole, a share a percentage)."""
    axis = (channel or {}).get("axis") or {}
    written = f"{axis.get('format', '')} {axis.get('labelExpr', '')}" if isinstance(axis, dict) else ""
    if "%" in written:
        return "0%"
    if "d" in written.split() or ",.0f" in written or "d'" in written:
        return "#,##0"
    return "General"


def _colours(channel: dict | None) -> dict:
    """Map each colour value to its colour where the chart's scale names them (a status palette does)."""
    scale = (channel or {}).get("scale") or {}
    domain, colours = scale.get("domain"), scale.get("range")
    if isinstance(domain, list) and isinstance(colours, list):
        return dict(zip(domain, colours, strict=False))
    return {}


def _series_order(channel: dict, present: list) -> list:
    """Order series as the legend does: the scale's domain, else the channel's sort, else sorted."""
    for order in (((channel.get("scale") or {}).get("domain")), channel.get("sort")):
        if isinstance(order, list):
            return [v for v in order if v in present] + [v for v in present if v not in order]
    return sorted(present, key=str)


def _category_order(channel: dict, frame: pd.DataFrame, column: str, value_column: str) -> list:
    """Order categories as the axis does: an explicit list, by a value ("-x"), or ascending."""
    present = list(dict.fromkeys(frame[column].tolist()))
    sort = channel.get("sort", "ascending")
    if isinstance(sort, list):
        return [v for v in sort if v in present] + [v for v in present if v not in sort]
    if sort is None:
        return present
    if isinstance(sort, str) and sort.lstrip("-") in {"x", "y"} or isinstance(sort, dict):
        descending = sort.startswith("-") if isinstance(sort, str) else sort.get("order") == "descending"
        totals = frame.groupby(column, sort=False)[value_column].sum()
        return totals.sort_values(ascending=not descending, kind="stable").index.tolist()
    return sorted(present, key=_sortable, reverse=sort == "descending")


def _sortable(value):
    return (0, value) if isinstance(value, int | float | pd.Timestamp | date) else (1, str(value))


def _plain(value):
    """Return a value PowerPoint's workbook writes: a date for a timestamp, None for a missing number."""
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, str):
        return printable(value)
    return value.item() if hasattr(value, "item") else value


def _label_lookup(texts: list[dict], keys: list[str]) -> dict:
    """Map a mark's key (its x, y and series values) to the words a text layer writes on it."""
    found = {}
    for leaf in texts:
        enc, frame = leaf["encoding"], leaf["frame"]
        text = _channel(enc, "text")
        if text is None or frame.empty or any(k not in frame.columns for k in keys):
            continue
        words = frame[_column(text)].map(lambda v: "" if v is None or v != v else str(v))
        for key, word in zip(frame[keys].itertuples(index=False, name=None), words, strict=True):
            found.setdefault(tuple(_plain(k) for k in key), word)
    return found


def _category_chart(family: str, primary: list[dict], texts: list[dict], title: str, subtitle: str):
    first = primary[0]["encoding"]
    cat_name, value_name = ("y", "x") if family == "bar" else ("x", "y")
    cat, value = first[cat_name], first[value_name]
    cat_column, value_column = _column(cat), _column(value)
    colour = _channel(first, "color")
    colour_column = _column(colour) if colour else None
    if any(
        _column(leaf["encoding"][cat_name]) != cat_column
        or _column(leaf["encoding"][value_name]) != value_column
        or (_channel(leaf["encoding"], "color") and _column(leaf["encoding"]["color"])) != colour_column
        for leaf in primary
    ):
        return None  # layers plotting different fields share no axis PowerPoint could draw
    frame = pd.concat([leaf["frame"] for leaf in primary], ignore_index=True)
    if frame.empty:
        return None
    categories = _category_order(cat, frame, cat_column, value_column)
    palette = _colours(colour)
    names = _series_order(colour, frame[colour_column].drop_duplicates().tolist()) if colour else [None]
    mark_colour = primary[0]["options"].get("color")
    labels = _label_lookup(texts, [cat_column, colour_column] if colour else [cat_column])
    series = []
    for name in names:
        rows = frame if name is None else frame[frame[colour_column] == name]
        totals = rows.groupby(cat_column, sort=False)[value_column].sum(min_count=1)
        values = tuple(_plain(totals.get(c)) if c in totals.index else None for c in categories)
        key = (lambda c: (_plain(c),)) if name is None else (lambda c, n=name: (_plain(c), _plain(n)))
        words = tuple(
            labels.get(key(c), "") if v is not None else "" for c, v in zip(categories, values, strict=True)
        )
        series.append(
            Series(
                name=_title(value) if name is None else printable(str(name)),
                values=values,
                colour=palette.get(name) if name is not None else mark_colour,
                labels=words if any(words) else None,
            )
        )
    stack = value.get("stack", "zero")
    # Bars coloured by status hold one value a category: PowerPoint draws them side by side, labels outside.
    shared = any(sum(s.values[i] is not None for s in series) > 1 for i in range(len(categories)))
    return NativeChart(
        kind=family,
        title=title,
        subtitle=subtitle,
        categories=tuple(_plain(c) for c in categories),
        series=tuple(series),
        x_title=_title(first["x"]),
        y_title=_title(first["y"]),
        stacked=shared and stack not in (None, False) and family in {"bar", "column", "area"},
        legend_title=_title(colour) if colour else "",
        number_format=_number_format(value),
    )


def _xy_chart(primary: list[dict], texts: list[dict], title: str, subtitle: str):
    first = primary[0]["encoding"]
    x_column, y_column = _column(first["x"]), _column(first["y"])
    size, colour = _channel(first, "size"), _channel(first, "color")
    frame = pd.concat([leaf["frame"] for leaf in primary], ignore_index=True)
    if frame.empty or any(c not in frame.columns for c in (x_column, y_column)):
        return None
    palette = _colours(colour)
    colour_column = _column(colour) if colour else None
    names = _series_order(colour, frame[colour_column].drop_duplicates().tolist()) if colour else [None]
    labels = _label_lookup(texts, [x_column, y_column])
    columns = [x_column, y_column] + ([_column(size)] if size else [])
    series = []
    for name in names:
        rows = (frame if name is None else frame[frame[colour_column] == name]).dropna(subset=columns[:2])
        points = tuple(tuple(_plain(v) for v in row) for row in rows[columns].itertuples(index=False))
        words = tuple(labels.get(p[:2], "") for p in points)
        series.append(
            Series(
                name=_title(first["y"]) if name is None else printable(str(name)),
                values=points,
                colour=palette.get(name) if name is not None else primary[0]["options"].get("color"),
                labels=words if any(words) else None,
            )
        )
    return NativeChart(
        kind="bubble" if size else "scatter",
        title=title,
        subtitle=subtitle,
        categories=(),
        series=tuple(series),
        x_title=_title(first["x"]),
        y_title=_title(first["y"]),
        legend_title=_title(colour) if colour else "",
        number_format=_number_format(first["y"]),
        x_number_format=_number_format(first["x"]),
    )
