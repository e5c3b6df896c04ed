"""Presentation mode in Chromium at a projector's 1280x720: every slide, stepped through with the Next button
and reached by its own address, draws without an exception, without the sidebar, and with nothing cut."""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from pmo_core import committee, meetings, snapshots, store
from pmo_core.i18n import t
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.e2e.conftest import settle, start_server, stop_server
from tests.e2e.test_projector import problems
from tests.frames import LATE_AS_OF, late_portfolio

pytestmark = pytest.mark.e2e
SLIDES = len(committee.SLIDES)


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_store_file):
    """A copy of the demo with two committees, a question put to the second and an overdue action."""
    folder = tmp_path_factory.mktemp("presentation")
    db = folder / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    con = store.connect(db)
    meetings.create_committee(con, PMO, "COPIL August", date(2026, 9, 8), date(2026, 8, 31), follows=None)
    c = meetings.create_committee(con, PMO, "COPIL October", date(2026, 11, 6), date(2026, 10, 31))
    q = meetings.record_decision(
        con,
        PMO,
        "ERP budget",
        "Fund the overrun?",
        decided_on=date(2026, 11, 6),
        committee_id=c,
        state="to_take",
    )
    meetings.add_action(
        con, PMO, "Revised ERP plan", "Alice", date(2026, 11, 1), decision_id=q, committee_id=c
    )
    con.execute("CHECKPOINT")
    con.close()
    process, url = start_server(db, folder / "server.log", env={"PMO_AUTH": "open"})
    yield url
    stop_server(process)


def shown_slide(page) -> str:
    return page.locator("[data-testid=stMain] h1").first.inner_text()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_next_button_steps_through_every_slide(browser, server, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{server}/present?lang={lang}")
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    settle(page)
    assert not page.locator("[data-testid=stSidebar]").is_visible()  # the slides alone
    titles, cut = [], []
    next_label = "Next ▶" if lang == "en" else "Suivant ▶"
    for number in range(1, SLIDES + 1):
        assert page.locator("[data-testid=stException]").count() == 0, number
        counter = f"Slide {number} of {SLIDES}" if lang == "en" else f"Diapositive {number} sur {SLIDES}"
        page.get_by_text(counter, exact=True).wait_for(state="visible", timeout=30_000)  # the click's rerun
        settle(page)
        assert f"slide={number}" in page.url or number == 1  # every slide has its own address
        titles.append(shown_slide(page))
        cut += [(number, p) for p in problems(page)]
        if number < SLIDES:
            page.get_by_role("button", name=next_label).click()
            settle(page)
    assert len(set(titles)) == SLIDES and cut == []
    assert page.get_by_role("button", name=next_label).is_disabled()
    context.close()


def test_a_link_opens_its_slide_and_previous_goes_back(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{server}/present?slide=5&committee=2&lang=en")
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    settle(page)
    assert shown_slide(page) == "Risks: heatmap and top risks"
    page.get_by_text(f"Slide 5 of {SLIDES}", exact=True).wait_for(state="visible", timeout=30_000)
    page.get_by_role("button", name="◀ Previous").click()
    page.get_by_text(f"Slide 4 of {SLIDES}", exact=True).wait_for(state="visible", timeout=30_000)
    settle(page)
    assert shown_slide(page) == "Roadmap of the projects in trouble" and "slide=4" in page.url
    page.goto(f"{server}/present?slide={SLIDES}&committee=2&lang=en")
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
    settle(page)
    page.get_by_text(f"Slide {SLIDES} of {SLIDES}", exact=True).wait_for(state="visible", timeout=30_000)
    assert shown_slide(page) == "Decisions to take"
    assert page.get_by_text("ERP budget").first.is_visible()
    context.close()


# Every box that scrolls its content (the page itself included): a slide must hold one screen.
SCROLLING = """() => {
  const found = [];
  const page = document.scrollingElement;
  if (page.scrollHeight > innerHeight + 4) found.push({what: 'page', scroll: page.scrollHeight, view: innerHeight});
  for (const element of document.querySelectorAll('body *')) {
    const overflow = getComputedStyle(element).overflowY;
    if ((overflow === 'auto' || overflow === 'scroll') && element.scrollHeight > element.clientHeight + 4)
      found.push({what: element.getAttribute('data-testid') || element.tagName, scroll: element.scrollHeight,
                  view: element.clientHeight});
  }
  return found;
}"""
AXIS_LABELS = "() => [...document.querySelectorAll('.role-axis-label text')].map((t) => t.textContent)"


@pytest.fixture(scope="module")
def late_server(tmp_path_factory):
    """A store of 40 red and amber projects all ending late (built in code), and every roadmap label the
    committee's chart may write."""
    folder = tmp_path_factory.mktemp("late")
    db = folder / "late.duckdb"
    con = store.connect(db)
    plan = plan_from_frames(con, late_portfolio(40), scope="full", as_of=LATE_AS_OF)
    snapshots.apply_plan(con, plan, PMO)
    every = next(
        s for s in committee.committee_deck(con, top=40).slides if s.key == "roadmap"
    ).chart.to_dict()
    labels = {row["label"] for row in every["datasets"][every["data"]["name"]] if row["kind"] == "bar"}
    con.execute("CHECKPOINT")
    con.close()
    process, url = start_server(db, folder / "server.log", env={"PMO_AUTH": "open"})
    yield url, labels
    stop_server(process)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_roadmap_of_forty_late_projects_holds_one_projector_screen_with_every_label_whole(
    browser, late_server, lang
):
    url, labels = late_server
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{url}/present?slide={committee.SLIDES.index('roadmap') + 1}&lang={lang}")
    page.wait_for_selector("[data-testid=stVegaLiteChart] svg", timeout=60_000)
    page.wait_for_selector("[data-testid=stTable] tbody tr", timeout=30_000)  # the table beside it drawn too
    settle(page)
    assert shown_slide(page) == t("committee.slide.roadmap", lang)
    assert page.evaluate(SCROLLING) == []  # no scroll bar: the slide is one screen
    assert page.evaluate("document.scrollingElement.scrollHeight") <= 720 + 4
    assert problems(page) == []
    rows = page.locator("[data-testid=stTable] tbody tr").count()
    written = page.evaluate(AXIS_LABELS)
    whole = [text for text in written if text in labels]
    assert (
        rows > 0 and len(whole) == rows
    )  # a bar a row of the table beside it, each name as the chart has it
    assert not [text for text in written if text.endswith("…") and text not in labels]  # none cut by Vega
    more = t("committee.more_projects", lang, n=40 - rows)
    assert page.get_by_text(more, exact=True).is_visible()
    box = page.locator("[data-testid=stVegaLiteChart]").first.bounding_box()
    assert box["y"] + box["height"] <= 720
    context.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_slide_of_the_demo_holds_one_projector_screen(browser, server, lang):
    """At 1280x720, open mode's badge included, no slide scrolls: the risks slide's heatmap, its cards and its
    table beside it once took 1,002 px."""
    context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-GB")
    page = context.new_page()
    tall = {}
    for number in range(1, SLIDES + 1):
        page.goto(f"{server}/present?slide={number}&lang={lang}")
        page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)
        settle(page)
        found = page.evaluate(SCROLLING)
        if found:
            tall[shown_slide(page)] = found
    assert tall == {}
    context.close()
