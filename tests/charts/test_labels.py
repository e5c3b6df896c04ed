"""The chart label placer: names never overlap one another nor leave the plot, and the most important
point is named first."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core.charts.labels import (
    CHAR_PX,
    LINE_PX,
    Frame,
    _box,
    _overlap,
    circle_radius,
    offset,
    place_labels,
)

FRAME = Frame(width=780, height=280, x_max=100, y_max=100)
RADIUS = circle_radius(2200)
POINTS = st.lists(
    st.tuples(st.floats(0, 100), st.floats(0, 100), st.text("abcdefghij ", min_size=3, max_size=24)),
    min_size=1,
    max_size=8,
)


def boxes(points: pd.DataFrame, places: pd.Series) -> list[tuple[float, ...]]:
    found = []
    for (x, y, label), place in zip(points.itertuples(index=False), places, strict=True):
        if place is None:
            continue
        sx, sy = {"above": (0, -1), "below": (0, 1), "right": (1, 0), "left": (-1, 0)}[place]
        cx, cy = x / FRAME.x_max * FRAME.width, (1 - y / FRAME.y_max) * FRAME.height
        found.append(_box(cx, cy, len(label) * CHAR_PX, RADIUS, sx, sy))
    return found


@settings(max_examples=200, deadline=None)
@given(POINTS)
def test_placed_names_never_overlap_and_stay_in_the_plot(rows):
    points = pd.DataFrame(rows, columns=["x", "y", "label"])
    placed = boxes(points, place_labels(points, FRAME, RADIUS))
    for i, box in enumerate(placed):
        assert box[0] >= 0 and box[2] <= FRAME.width and box[1] >= 0 and box[3] <= FRAME.height
        assert not any(_overlap(box, other) for other in placed[i + 1 :])


def test_two_close_points_get_names_on_either_side_the_first_above():
    points = pd.DataFrame({"x": [50, 51], "y": [50, 50], "label": ["Migration ERP", "Plant 3 retrofit"]})
    assert place_labels(points, FRAME, RADIUS).tolist() == ["above", "below"]
    assert offset("above", RADIUS)["dy"] == -(RADIUS + 6 + LINE_PX / 2)
    assert offset("right", RADIUS) == {"dx": RADIUS + 6, "dy": 0, "align": "left", "baseline": "middle"}


def test_a_name_with_no_room_anywhere_is_left_out():
    crowded = pd.DataFrame({"x": [50] * 5, "y": [50] * 5, "label": ["A long project name"] * 5})
    assert place_labels(crowded, FRAME, RADIUS).tolist() == ["above", "below", "right", "left", None]
