"""Presentation mode: the committee's slides, one screen each, for the projector.

No sidebar and large type (projector.css, for the page holding the `present` container); previous and next
buttons, the slide's number, and an address for every slide (`?slide=N`, with `&committee=ID`). The
shared filters set before entering apply, and the committee's snapshot replaces the one chosen.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from pages.ui import common
from pmo_core import committee, meetings
from pmo_core.deck import COLUMNS_BESIDE_CHART, Deck, Slide
from pmo_core.filters import Filters
from pmo_core.palette import STATUS_EMOJI

MOST_PER_ROW = 6  # cards that keep their figure whole at 1280 px in large type
ROWS = 6  # table rows a slide shows on the projector, in large type, with its figures and controls above
CHART_PX = 330  # a chart's height beside its table: with the figures above, the slide fits 1280x720
CHART_UNDER_CARDS_PX = 165  # ... and under a row of cards, beside a table (the risks slide's heatmap)

LANG = common.lang()
CON = common.cursor()


@st.cache_data(show_spinner=False, max_entries=16)
def deck(version: tuple, log: tuple, committee_id: int | None, f: Filters, lang: str, today: date) -> Deck:
    return committee.committee_deck(
        common.cursor(), committee_id=committee_id, filters=f, lang=lang, top=ROWS, today=today
    )


def chosen_committee(listed) -> int | None:
    """Return the committee the address names, else the latest one; None when no committee is recorded."""
    asked = st.query_params.get("committee")
    ids = [int(i) for i in listed["committee_id"]]
    if asked is not None and asked.isdigit() and int(asked) in ids:
        return int(asked)
    return ids[0] if ids else None


def slide_number(total: int) -> int:
    """Return the slide the address names (1-based), kept within the deck."""
    asked = st.query_params.get("slide", "1")
    number = int(asked) if asked.isdigit() else 1
    return min(max(number, 1), total)


def go_to(number: int) -> None:
    st.query_params["slide"] = str(number)


def figures(slide: Slide) -> None:
    """Draw the figures as cards: one row when they fit, else two rows of equal length."""
    count = len(slide.figures)
    per_row = count if count <= MOST_PER_ROW else -(-count // 2)
    for start in range(0, count, per_row or 1):
        row = slide.figures[start : start + per_row]
        for column, figure in zip(st.columns(per_row), row, strict=False):
            label = (
                f"{STATUS_EMOJI[figure.status]} {figure.label}"
                if figure.status in STATUS_EMOJI
                else figure.label
            )
            signed = figure.change[:1] in ("+", "-", "±")
            column.metric(
                label,
                figure.value,
                delta=figure.change or None,
                delta_color="off",
                delta_arrow="auto" if signed and figure.change != "±0" else "off",
                border=True,
            )


def table(slide: Slide, columns: int | None = None) -> None:
    if slide.table is not None:
        st.table(slide.table.iloc[:, :columns], hide_index=True)
    if slide.more:
        st.caption(slide.more)


def chart(slide: Slide, height: int = CHART_PX) -> None:
    """Draw the slide's chart, a fixed height one made to fit the projector's screen with the figures."""
    figure = slide.chart
    if isinstance(getattr(figure, "height", None), int):
        figure = figure.properties(height=height)
    common.chart(figure, width="stretch")


def show(slide: Slide) -> None:
    """Draw one slide: its title and subtitle, its figures, then its chart beside its table."""
    st.title(slide.title)
    if slide.subtitle:
        st.subheader(slide.subtitle, anchor=False)
    figures(slide)
    if slide.chart is not None and slide.table is not None:
        under_cards = bool(slide.figures)  # a row of cards leaves less height: a lower chart, shorter cells
        left, right = st.columns([1, 1] if under_cards else [3, 2], gap="medium")
        with left:
            chart(slide, CHART_UNDER_CARDS_PX if under_cards else CHART_PX)
        with (
            right,
            st.container(key="beside_cards" if under_cards else None),
        ):  # projector.css: one line a row
            table(slide, COLUMNS_BESIDE_CHART)
        return
    if slide.chart is not None:
        chart(slide)
    table(slide)


def controls(d: Deck, number: int, committees, committee_id: int | None) -> None:
    """Draw the previous and next buttons, the slide's number, the committee shown (the current state with its
    snapshot), the speaker notes and the way out: one line, so that a full slide keeps 1280x720."""
    total = len(d.slides)
    back, where, ahead, which, notes, leave = st.columns(
        [0.8, 1.1, 0.8, 2.4, 1.1, 1.3], vertical_alignment="center"
    )
    back.button(
        common.tr("present.previous"),
        on_click=go_to,
        args=(number - 1,),
        disabled=number <= 1,
        width="stretch",
    )
    where.markdown(f"**{common.tr('present.slide', n=number, total=total)}**")
    ahead.button(
        common.tr("present.next"),
        on_click=go_to,
        args=(number + 1,),
        disabled=number >= total,
        type="primary",
        width="stretch",
    )
    names = {int(r.committee_id): r for r in committees.itertuples()}
    options = [None, *names]
    picked = which.selectbox(
        common.tr("present.committee"),
        options,
        index=options.index(committee_id),
        format_func=lambda i: (
            (
                common.tr("present.current_on", date=common.day(d.snapshot))
                if d.snapshot
                else common.tr("present.current")
            )
            if i is None and committee_id is None
            else common.tr("present.current")
            if i is None
            else common.tr(
                "committee.label",
                name=names[i].name,
                date=common.day(names[i].meeting_date),
                snapshot=common.day(names[i].snapshot),
            )
        ),
        label_visibility="collapsed",
        key=f"present_committee_{LANG}",
    )
    if picked != committee_id:
        st.query_params.update({"committee": "" if picked is None else str(picked), "slide": "1"})
        st.rerun()
    with notes.popover(common.tr("present.notes"), width="stretch"):
        st.text(d.slides[number - 1].notes)
    leave.page_link("pages/committee.py", label=common.tr("present.exit"), icon=":material/close_fullscreen:")


def main() -> None:
    with st.container(key="present"):  # projector.css: no sidebar, large type
        if common.empty_store_notice():
            return
        committees = meetings.list_committees(CON)
        asked = st.query_params.get("committee")
        committee_id = None if asked == "" else chosen_committee(committees)
        d = deck(
            common.data_version(),
            meetings.log_version(CON),
            committee_id,
            common.filters(),
            LANG,
            date.today(),
        )
        number = slide_number(len(d.slides))
        slide = d.slides[number - 1]
        controls(d, number, committees, committee_id)
        show(slide)


main()
