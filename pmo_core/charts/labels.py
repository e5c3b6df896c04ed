"""Where a chart's names go so that no two overlap: a small greedy placer, since Vega-Lite has none."""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

CHAR_PX = 7.8  # a bold 14 px label's mean character width
LINE_PX = 18
GAP_PX = 6
# Where a name may sit around its point, in the order tried: (name, dx sign, dy sign)
PLACES = (("above", 0, -1), ("below", 0, 1), ("right", 1, 0), ("left", -1, 0))


@dataclass(frozen=True)
class Frame:
    """The plot a placement is worked out for: its size in px and its data ranges."""

    width: float
    height: float
    x_max: float
    y_max: float


def place_labels(points: pd.DataFrame, frame: Frame, radius: float) -> pd.Series:
    """Return, for each point (x, y, label columns, most important first), where its label goes ("above",
    "below", "right", "left"), or None when every place would overlap a label already placed or leave
    the plot. `radius` is the largest mark's radius in px: a label clears it on every side.

    The plot's width is the narrowest it is drawn at (a wider plot only moves the points apart).
    """
    placed: list[tuple[float, float, float, float]] = []
    places: list[str | None] = []
    for x, y, label in zip(points["x"], points["y"], points["label"], strict=True):
        cx, cy = x / frame.x_max * frame.width, (1 - y / frame.y_max) * frame.height
        chosen = None
        for name, sx, sy in PLACES:
            box = _box(cx, cy, len(str(label)) * CHAR_PX, radius, sx, sy)
            inside = box[0] >= 0 and box[2] <= frame.width and box[1] >= 0 and box[3] <= frame.height
            if inside and not any(_overlap(box, other) for other in placed):
                placed.append(box)
                chosen = name
                break
        places.append(chosen)
    return pd.Series(places, index=points.index, dtype="object")


def offset(place: str, radius: float) -> dict:
    """Return the text mark options that put a label at `place` beside a mark of `radius` px."""
    sx, sy = next((sx, sy) for name, sx, sy in PLACES if name == place)
    clear = radius + GAP_PX
    align = {1: "left", -1: "right", 0: "center"}[sx]
    return {"dx": sx * clear, "dy": sy * (clear + LINE_PX / 2), "align": align, "baseline": "middle"}


def circle_radius(area: float) -> float:
    return math.sqrt(area / math.pi)


def _box(cx: float, cy: float, width: float, radius: float, sx: int, sy: int) -> tuple[float, ...]:
    clear = radius + GAP_PX
    if sx:
        left = cx + clear if sx > 0 else cx - clear - width
        return (left, cy - LINE_PX / 2, left + width, cy + LINE_PX / 2)
    middle = cy + sy * (clear + LINE_PX / 2)
    return (cx - width / 2, middle - LINE_PX / 2, cx + width / 2, middle + LINE_PX / 2)


def _overlap(a: tuple[float, ...], b: tuple[float, ...]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
