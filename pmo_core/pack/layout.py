"""Where each part of a slide goes, in inches on a 16:9 page, and the words the pack adds around a deck.

PowerPoint and PDF place the same boxes from this one plan, so both files show the same slide the same way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pandas as pd

from pmo_core import formatting
from pmo_core.deck import Deck, Figure, Slide
from pmo_core.i18n import t
from pmo_core.palette import BAND_COLOURS, BAND_EMOJI, STATUS_COLOURS, STATUS_EMOJI, STATUS_SHAPES

WIDTH, HEIGHT = 13.333, 7.5  # inches: PowerPoint's 16:9 widescreen
MARGIN = 0.5
INK, MUTED, RULE, PRIMARY = "#212121", "#5F6368", "#D0D7DE", "#1F4E79"
TITLE_PT, SUBTITLE_PT, FIGURE_PT, LABEL_PT, TABLE_PT, SMALL_PT = 26, 15, 24, 12, 12, 10
ROW_IN = 0.34  # a table row at TABLE_PT, with its padding
MAX_FIGURES_PER_ROW = 5

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
    count = min(len(slide.figures), MAX_FIGURES_PER_ROW * 2)
    per_row = min(count, MAX_FIGURES_PER_ROW)
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
        split = body.width * 0.46
        table = Box(body.left, body.top, split - 0.15, body.height)
        chart = Box(body.left + split + 0.15, body.top, body.width - split - 0.15, body.height)
    elif has_table:
        table = body
    elif has_chart:
        chart = body
    return Plan(title, subtitle, tuple(figures), figure_pt, table, chart, more, footer)


def table_rows(table: pd.DataFrame, box: Box) -> tuple[pd.DataFrame, int]:
    """Return the rows that fit the box (header included) and how many did not."""
    fit = max(int(box.height / ROW_IN) - 1, 1)
    if len(table) <= fit:
        return table, 0
    return table.head(fit - 1), len(table) - (fit - 1)  # the last row says how many were cut


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
    char = TABLE_PT * 0.6 / 72  # inches per character of the table's type, on average
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


def fitted_row(texts: list[str], widths: list[float]) -> list[str]:
    """Cut each cell to what its column holds on one line, so both files keep the same rows on a slide."""
    fitted = []
    for text, width in zip(map(printable, texts), widths, strict=True):
        room = max(int(width * 72 / (TABLE_PT * 0.6)) - 1, 3)
        fitted.append(text if len(text) <= room else text[: room - 1].rstrip() + "…")
    return fitted


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
