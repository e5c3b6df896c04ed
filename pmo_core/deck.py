"""The committee's slides as data: one sequence that presentation mode draws on screen and the pack
writes to PowerPoint and PDF, so the room and the paper never disagree.

A slide carries what it shows, already in the committee's language: headline figures, at most one
table, at most one chart (built by `pmo_core.charts`, never redrawn here), a line saying how many
items did not fit, and speaker notes with the figures' definitions and the snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

import altair as alt
import pandas as pd

COLUMNS_BESIDE_CHART = 3  # a table beside a chart shows its first columns, the ones that matter most


@dataclass(frozen=True)
class Figure:
    """A headline number as the committee reads it: "Budget at completion", "12.4 M€", "+0.3 M€ since 30/09".

    `status` (Green, Amber, Red, Grey or empty) colours it on screen; `status_word` says the same in words
    so a black-and-white print keeps the meaning.
    """

    label: str
    value: str
    change: str = ""
    status: str = ""
    status_word: str = ""


@dataclass(frozen=True)
class Slide:
    """One picture of the committee sequence; `key` is stable across languages (tests, `?slide=N` links)."""

    key: str
    title: str
    subtitle: str = ""
    figures: tuple[Figure, ...] = ()
    table: pd.DataFrame | None = None  # display-ready: translated headers, formatted cells, worst first
    chart: alt.TopLevelMixin | None = None
    more: str = ""  # "and 14 more projects" when the slide shows the top items only
    notes: str = ""  # speaker notes: definitions and the snapshot


@dataclass(frozen=True)
class Deck:
    """The whole sequence for one committee (or the current state when no committee is named)."""

    title: str
    meeting: str  # the committee's name, or the app's name for the current state
    meeting_date: date | None
    snapshot: date | None
    since: date | None  # the snapshot the previous committee reviewed: "what changed" starts there
    lang: str
    slides: tuple[Slide, ...] = field(default_factory=tuple)
