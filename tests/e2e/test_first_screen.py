"""The Overview's first screen in Chromium on the demo, in open mode (issue 14, point 3): at 1280x720, in English
and French, the headline cards in one row, the projects needing a decision with their manager's comment, the
budget burn and the top risks are in view without scrolling, and no header or cell of their tables is cut; the
open mode badge sits in the top bar, on no row of its own. The same holds at 1920x1080."""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e
TABLES = ("overview_needed", "overview_top_risks")

# Where each part of the first screen is drawn, and which table cells hold more text than they show.
MEASURE = """
(keys) => {
  const box = (e) => { const r = e.getBoundingClientRect();
                       return {top: r.top, bottom: r.bottom, left: r.left, right: r.right}; };
  const tables = {};
  for (const key of keys) {
    const holder = document.querySelector(`.st-key-${key}`);
    if (!holder) continue;
    const cells = [...holder.querySelectorAll('th, td')];
    tables[key] = {
      box: box(holder),
      rows: holder.querySelectorAll('tbody tr').length,
      cut: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.innerText),
      scrolls: [...holder.querySelectorAll('*')].some((e) => e.scrollWidth > e.clientWidth + 1),
      headers: cells.filter((c) => c.tagName === 'TH').map((c) => c.innerText.trim()),
    };
  }
  const badge = document.querySelector('.st-key-open_mode');
  return {
    tables,
    cards: [...document.querySelectorAll('.st-key-headline [data-testid=stMetric]')].map(box),
    burn: [...document.querySelectorAll('[data-testid=stProgress]')].map(box),
    badge: badge && {...box(badge), text: badge.innerText},
    header: box(document.querySelector('[data-testid=stHeader]')),
    title: box(document.querySelector('[data-testid=stMain] h1')),
    page_top: (() => { const main = document.querySelector('[data-testid=stMainBlockContainer]');
                       return main.getBoundingClientRect().top + parseFloat(getComputedStyle(main).paddingTop); })(),
    width: window.innerWidth,
    height: window.innerHeight,
  };
}
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_store_file):
    """One server on a copy of the demo, in the demo's own open mode; its tests only read."""
    folder = tmp_path_factory.mktemp("first_screen")
    db = folder / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    process, url = start_server(db, folder / "server.log", env={"PMO_AUTH": "open"})
    yield url
    stop_server(process)


def first_screen(browser, url: str, width: int, height: int, lang: str) -> dict:
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{url}/?lang={lang}")
    for key in TABLES:
        page.wait_for_selector(f".st-key-{key} table", timeout=60_000)
    settle(page)
    found = page.evaluate(MEASURE, list(TABLES))
    context.close()
    return found


def inside(box: dict, screen: dict) -> bool:
    return (
        box["top"] >= 0
        and box["left"] >= 0
        and box["bottom"] <= screen["height"]
        and box["right"] <= screen["width"]
    )


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [(1280, 720, "en"), (1280, 720, "fr"), (1920, 1080, "en"), (1920, 1080, "fr")],
)
def test_the_first_screen_shows_what_matters_whole(browser, server, width, height, lang):
    shown = first_screen(browser, server, width, height, lang)
    cards = shown["cards"]
    assert len(cards) == 5 and len({round(c["top"]) for c in cards}) == 1  # the headline cards in one row
    assert all(inside(c, shown) for c in cards)
    assert shown["burn"] and inside(shown["burn"][0], shown)
    for key in TABLES:
        table = shown["tables"][key]
        assert table["rows"] == 5, key  # the demo has more than five of each: the first screen shows five
        assert inside(table["box"], shown), (key, table["box"])
        assert table["cut"] == [] and not table["scrolls"], key
    headers = shown["tables"]["overview_needed"]["headers"]
    comment = "Manager's comment" if lang == "en" else "Commentaire du chef de projet"
    assert comment in headers
    badge = shown["badge"]
    assert ("Open mode: no sign-in" if lang == "en" else "Mode ouvert") in badge["text"]  # after its icon
    # in the top bar, beside the menu, in view; on no row of the page: the title is the page's first row
    assert inside(badge, shown) and badge["bottom"] <= shown["header"]["bottom"]
    assert abs(shown["title"]["top"] - shown["page_top"]) < 1
