"""Where each part of a slide goes, in inches on a 16:9 page, and the words the pack adds around a deck.

PowerPoint and PDF place the same boxes from this one plan, so both files show the same slide the same way.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass

import pandas as pd

from pmo_core import formatting
from pmo_core.deck import COLUMNS_BESIDE_CHART, Deck, Figure, Slide
from pmo_core.i18n import t
from pmo_core.palette import BAND_COLOURS, BAND_EMOJI, STATUS_COLOURS, STATUS_EMOJI, STATUS_SHAPES

WIDTH, HEIGHT = 13.333, 7.5  # inches: PowerPoint's 16:9 widescreen
MARGIN = 0.5
INK, MUTED, RULE, PRIMARY = "#212121", "#5F6368", "#D0D7DE", "#1F4E79"
TITLE_PT, SUBTITLE_PT, FIGURE_PT, LABEL_PT, TABLE_PT, SMALL_PT = 26, 15, 24, 12, 12, 10
LINE_IN, ROW_PAD_IN = TABLE_PT * 1.25 / 72, 0.12  # a line of a table cell, and a row's padding
CELL_LINES = 2  # a long comment takes two lines, then is cut
CHAR_EM = 0.6  # a character's average width, in ems of the table's type (generous: no file wraps sooner)
MOST_FIGURES_PER_ROW = 6  # more go on two rows of half each (ten: two rows of five), as on the projector

# A status written as an emoji on screen becomes its print shape here: PDF fonts have no colour emoji, and a
# shape keeps its meaning on a black-and-white page. Shapes and emoji both map to the status colour.
_CRITICAL_SHAPE = "◆"
SYMBOLS = {
    **{emoji: (STATUS_SHAPES[s], STATUS_COLOURS[s]) for s, emoji in STATUS_EMOJI.items()},
    BAND_EMOJI["critical"]: (_CRITICAL_SHAPE, BAND_COLOURS["critical"]),
    **{shape: (shape, STATUS_COLOURS[s]) for s, shape in STATUS_SHAPES.items()},
    _CRITICAL_SHAPE: (_CRITICAL_SHAPE, BAND_COLOURS["critical"]),
}


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    width: float
    height: float


@dataclass(frozen=True)
class Plan:
    """The boxes of one slide; a part the slide does not have has no box."""

    title: Box
    subtitle: Box | None
    figures: tuple[Box, ...]
    figure_pt: float  # a slide of figures alone writes them larger
    table: Box | None
    chart: Box | None
    more: Box | None
    footer: Box


def plan(slide: Slide) -> Plan:
    """Place the title, the headline figures in one row, then the table and chart side by side or alone."""
    top = MARGIN * 0.6
    title = Box(MARGIN, top, WIDTH - 2 * MARGIN, 0.6)
    top += 0.62
    subtitle = None
    if slide.subtitle:
        subtitle = Box(MARGIN, top, WIDTH - 2 * MARGIN, 0.4)
        top += 0.42
    top += 0.1
    figures: list[Box] = []
    count = min(len(slide.figures), MOST_FIGURES_PER_ROW * 2)
    per_row = count if count <= MOST_FIGURES_PER_ROW else -(-count // 2)
    alone = slide.table is None and slide.chart is None
    height, figure_pt = (1.6, FIGURE_PT + 6) if alone else (1.18, FIGURE_PT)
    if count:
        gap = 0.2
        width = (WIDTH - 2 * MARGIN - gap * (per_row - 1)) / per_row
        rows = -(-count // per_row)
        for i in range(count):
            row, col = divmod(i, per_row)
            figures.append(Box(MARGIN + col * (width + gap), top + row * (height + 0.12), width, height))
        top += rows * (height + 0.12) + 0.05
    footer = Box(MARGIN, HEIGHT - 0.42, WIDTH - 2 * MARGIN, 0.3)
    bottom = footer.top - 0.08
    more = None
    if slide.more:
        more = Box(MARGIN, bottom - 0.36, WIDTH - 2 * MARGIN, 0.34)
        bottom = more.top - 0.04
    body = Box(MARGIN, top, WIDTH - 2 * MARGIN, max(bottom - top, 0.5))
    has_table, has_chart = slide.table is not None and not slide.table.empty, slide.chart is not None
    table = chart = None
    if has_table and has_chart:
        split = body.width * 0.4
        table = Box(body.left, body.top, split - 0.15, body.height)
        chart = Box(body.left + split + 0.15, body.top, body.width - split - 0.15, body.height)
    elif has_table:
        table = body
    elif has_chart:
        chart = body
    return Plan(title, subtitle, tuple(figures), figure_pt, table, chart, more, footer)


@dataclass(frozen=True)
class TableLayout:
    """A table as both files draw it: the header, each shown row's cells as lines, heights, widths."""

    headers: tuple[tuple[str, ...], ...]  # cell -> lines
    rows: tuple[tuple[tuple[str, ...], ...], ...]  # row -> cell -> lines
    heights: tuple[float, ...]  # inches, header first, then each shown row (and the cut line)
    widths: tuple[float, ...]
    right: tuple[bool, ...]  # columns of numbers, right-aligned
    cut: int  # rows that did not fit: the last line says how many


def shown_table(slide: Slide) -> pd.DataFrame:
    """Return the table as the slide shows it: its first columns only beside a chart, as presentation mode."""
    if slide.chart is None:
        return slide.table
    return slide.table.iloc[:, :COLUMNS_BESIDE_CHART]


def table_layout(table: pd.DataFrame, box: Box) -> TableLayout:
    """Lay a table out in the box: cells on two lines where every row still fits, else on one; rows that
    fit neither way are cut, and the last line says how many (the deck chose its rows: all should show)."""
    for most in range(CELL_LINES, 0, -1):
        laid = _table_layout(table, box, most)
        if not laid.cut:
            break
    return laid


def _table_layout(table: pd.DataFrame, box: Box, most: int) -> TableLayout:
    widths = column_widths(table, box.width)
    headers = tuple(_lines(str(c), w, CELL_LINES) for c, w in zip(table.columns, widths, strict=True))
    rows, heights = [], [row_height(max(len(h) for h in headers))]
    for values in table.itertuples(index=False):
        cells = tuple(_lines(cell_text(v), w, most) for v, w in zip(values, widths, strict=True))
        rows.append(cells)
        heights.append(row_height(max(len(c) for c in cells)))
    shown = len(rows)
    while shown and sum(heights[: shown + 1]) + (row_height(1) if shown < len(rows) else 0) > box.height:
        shown -= 1
    cut = len(rows) - shown
    heights = heights[: shown + 1] + ([row_height(1)] if cut else [])
    return TableLayout(
        headers, tuple(rows[:shown]), tuple(heights), tuple(widths), tuple(numeric_columns(table)), cut
    )


def row_height(lines: int) -> float:
    return lines * LINE_IN + ROW_PAD_IN


def _lines(text: str, width: float, most: int) -> tuple[str, ...]:
    """Break a cell's text into the lines its column holds, the last one cut with "…" if more remain."""
    room = max(int(width * 72 / (TABLE_PT * CHAR_EM)) - 1, 3)
    text = " ".join(printable(text).split())
    if most == 1:  # one line: cut where the room ends, not at the last whole word
        return (text if len(text) <= room else text[: room - 1].rstrip() + "…",)
    lines = textwrap.wrap(text, room, break_long_words=True) or [""]
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1] if len(lines[-1]) < room else lines[-1][: room - 1].rstrip()
        lines[-1] = last + "…"
    return tuple(lines)


def cell_text(value: object) -> str:
    """Write a display-ready cell as text; an empty value is a dash, as in the app's tables."""
    if formatting.missing(value) or value == "":
        return "—"
    return printable(str(value))


_CONTROL = {c: None for c in range(32) if chr(c) not in "\n\t"} | {0x7F: None}


def printable(text: str) -> str:
    """Drop control characters a tracker's cell may carry (a vertical tab, a NUL): XML refuses them, so
    neither PowerPoint nor PDF could hold the slide."""
    return text.translate(_CONTROL)


def status_mark(text: str) -> tuple[str, str | None, str]:
    """Split a cell that starts with a status emoji or shape into (print shape, colour, the rest)."""
    for symbol, (shape, colour) in SYMBOLS.items():
        if text.startswith(symbol):
            return shape, colour, text[len(symbol) :].lstrip()
    return "", None, text


def column_widths(table: pd.DataFrame, width: float) -> list[float]:
    """Give each column the width of its longest text (header included); when the texts need more than
    the box, the widest columns give way first, down to what the shortest columns need."""
    char = TABLE_PT * CHAR_EM / 72  # inches per character of the table's type, on average
    needs = []
    for column in table.columns:
        cells = [len(cell_text(v)) for v in table[column].head(40)]
        needs.append((max([len(str(column)), *cells, 3]) + 2) * char)
    if sum(needs) <= width:
        return [n * width / sum(needs) for n in needs]
    cap = max(needs)
    while sum(min(n, cap) for n in needs) > width and cap > 0.3:
        cap -= 0.05
    widths = [min(n, cap) for n in needs]
    return [w * width / sum(widths) for w in widths]


def title_lines(deck: Deck) -> list[str]:
    """Say which meeting, when, which snapshot and since when: the title page's lines."""
    lang = deck.lang
    lines = [deck.meeting]
    if deck.meeting_date:
        lines.append(t("pack.meeting_date", lang, date=formatting.long_day(deck.meeting_date, lang)))
    if deck.snapshot:
        lines.append(t("pack.snapshot", lang, date=formatting.long_day(deck.snapshot, lang)))
    if deck.since:
        lines.append(t("pack.since", lang, date=formatting.long_day(deck.since, lang)))
    return lines


def title_notes(deck: Deck) -> str:
    return t(
        "pack.title_notes", deck.lang, date=formatting.day(deck.snapshot, deck.lang) if deck.snapshot else "—"
    )


def footer(deck: Deck, page: int, pages: int) -> str:
    when = formatting.day(deck.snapshot, deck.lang) if deck.snapshot else t("pack.current", deck.lang)
    return t("pack.footer", deck.lang, meeting=deck.meeting, date=when, page=page, pages=pages)


def rows_cut(count: int, lang: str) -> str:
    return t("pack.rows_cut", lang, n=count)


def status_colour(status: str) -> str | None:
    """Return the palette's colour for a figure's status ("Red", "critical"...), None when it has none."""
    key = (status or "").lower()
    return STATUS_COLOURS.get(key) or BAND_COLOURS.get(key)


def figure_detail(figure: Figure) -> str:
    """The line under a headline figure: its change, then its status as shape and word (print reads it)."""
    key = (figure.status or "").lower()
    shape = STATUS_SHAPES.get(key, _CRITICAL_SHAPE if key == "critical" else "")
    word = figure.status_word
    status = word if not word or status_mark(word)[1] else f"{shape} {word}".strip()
    return " · ".join(part for part in (figure.change, status) if part)


_NUMBER = re.compile(r"^[-+−±]?[€$£]?\d[\d\s.,\u202f\u00a0]*\s?(%|k|M|€|k€|M€|pts?|[dj])?$")


def numeric_columns(table: pd.DataFrame) -> list[bool]:
    """Say which columns hold numbers only (a dash or "n/a" aside): right-aligned, their digits line up."""
    found = []
    for column in table.columns:
        cells = [cell_text(v) for v in table[column]]
        numbers = [c for c in cells if c not in ("—", "n/a", "n.d.")]
        found.append(bool(numbers) and all(_NUMBER.match(c) for c in numbers))
    return found


def fitted(box: Box, width: float, height: float) -> Box:
    """Return the largest box of the picture's aspect ratio inside `box`, centred in it."""
    scale = min(box.width / width, box.height / height)
    w, h = width * scale, height * scale
    return Box(box.left + (box.width - w) / 2, box.top + (box.height - h) / 2, w, h)
