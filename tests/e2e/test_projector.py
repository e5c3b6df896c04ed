"""The app on a projector, in Chromium at 1280x720 (and 1920x1080): nothing a committee reads first is cut,
and a French page writes French numbers in its tables, which still sort as numbers."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e
NNBSP = "\u202f"
PAGES = [
    "",
    "risks",
    "budget",
    "priorities",
    "governance",
    "committee",
    "import",
    "settings",
    "project?project=PRJ-2025-018",
]
CUTS = (Path(__file__).parent / "cuts.js").read_text(encoding="utf-8")

# Records every text a canvas draws (the tables are canvases), where it lands on its canvas.
CANVAS_TEXT = """
window.__drawn = [];
let canvases = 0;
const original = CanvasRenderingContext2D.prototype.fillText;
CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
  const canvas = this.canvas;
  if (canvas && canvas.dataset) {  // (an offscreen canvas has no place on the page)
    const m = this.getTransform(), scale = canvas.getBoundingClientRect().width / canvas.width;
    canvas.dataset.drawn = canvas.dataset.drawn || String(canvases++);
    window.__drawn.push({text: String(text), canvas: canvas.dataset.drawn,
                         x: (m.a * x + m.c * y + m.e) * scale, y: (m.b * x + m.d * y + m.f) * scale});
  }
  return original.call(this, text, x, y, ...rest);
};
"""


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_store_file):
    """One server on a copy of the demo for the module: its tests only read."""
    folder = tmp_path_factory.mktemp("projector")
    db = folder / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    process, url = start_server(db, folder / "server.log", env={"PMO_AUTH": "open"})  # the demo's own mode
    yield url
    stop_server(process)


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("[data-testid=stMain] h1", timeout=60_000)  # the page has drawn, not just begun
    settle(page)


def problems(page) -> list[dict]:
    return page.evaluate(CUTS)


def open_tab(page, name: str) -> None:
    page.get_by_role("tab", name=name, exact=True).first.click()
    settle(page)


@pytest.mark.parametrize(
    ("width", "height", "lang"),
    [(1280, 720, "en"), (1280, 720, "fr"), (1920, 1080, "fr")],  # French words are the longer
)
def test_no_label_control_title_or_legend_is_cut(browser, server, lang, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    found = []
    for address in PAGES:
        sep = "&" if "?" in address else "?"
        visit(page, f"{server}/{address}{sep}lang={lang}")
        found += [(address, "", p) for p in problems(page)]
        if width == 1280:  # tabs hold cards and charts too: each is opened at the narrower width
            for tab in [t.inner_text() for t in page.query_selector_all("[data-testid=stTab]")]:
                open_tab(page, tab)
                found += [(address, tab, p) for p in problems(page) if (address, "", p) not in found]
    context.close()
    assert found == []


def test_the_check_fails_on_a_headline_label_cut(browser, server):
    """The check itself: a card label made too long for its box is reported."""
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    visit(page, server)
    assert problems(page) == []
    page.evaluate(
        """() => { const label = document.querySelector('[data-testid=stMetricLabel] p');
                   label.textContent = 'A headline label far too long for the card it is written on'; }"""
    )
    assert [p["kind"] for p in problems(page)] == ["metric label"]
    context.close()


def drawn(page) -> list[dict]:
    """Return (and forget) the texts drawn since the last call, where they are on the page now, and the
    table they belong to."""
    return page.evaluate(
        """() => {
          const tables = [...document.querySelectorAll('[data-testid=stDataFrame]')];
          return window.__drawn.splice(0).map((d) => {
            const canvas = document.querySelector(`canvas[data-drawn="${d.canvas}"]`);
            if (!canvas) return null;
            const box = canvas.getBoundingClientRect();
            return {text: d.text, x: box.left + d.x, y: box.top + d.y,
                    table: tables.indexOf(canvas.closest('[data-testid=stDataFrame]'))};
          }).filter((d) => d);
        }"""
    )


def test_a_french_table_writes_french_numbers_and_sorts_them_as_numbers(browser, server):
    # An English browser, tall enough to draw the project table where it stays.
    context = browser.new_context(viewport={"width": 1280, "height": 1500}, locale="en-GB")
    context.add_init_script(CANVAS_TEXT)
    page = context.new_page()
    visit(page, f"{server}/?lang=fr")
    # CRM Salesforce rollout's CPI, red, in the project table: three decimals and a French comma.
    texts = drawn_until(page, "0,897")
    table = next(t["table"] for t in texts if t["text"] == "0,897")
    # The forecast is the project table's last column (the roll-up below, drawn first or not, has one too).
    header = next(t for t in texts if t["table"] == table and t["text"].startswith("Atterrissage ("))
    mine = [t for t in texts if t["table"] == table]
    shown = forecasts(mine, header)
    assert [t for t in shown if not re.fullmatch(rf"\d{{1,3}}({NNBSP}\d{{3}})*", t)] == []  # never 1,243
    assert any(NNBSP in text for text in shown)
    page.mouse.click(header["x"] + 20, header["y"])  # sort by the forecast, ascending
    page.wait_for_timeout(1500)
    again = [t for t in drawn(page) if t["table"] == header["table"]]
    figures = [int(text.replace(NNBSP, "")) for text in forecasts(again, header)]
    assert len(figures) >= 10 and figures == sorted(figures)  # 98 before 1 243: numbers, not text
    assert figures != [int(text.replace(NNBSP, "")) for text in shown]  # the click did sort
    context.close()


def drawn_until(page, start: str) -> list[dict]:
    """Return the texts drawn until one starting with `start` is (a table draws after the page settles)."""
    texts: list[dict] = []
    for _ in range(60):
        texts += drawn(page)
        if any(t["text"].startswith(start) for t in texts):
            page.wait_for_timeout(1000)  # the rest of the table
            return texts + drawn(page)
        page.wait_for_timeout(500)
    raise AssertionError(f"no table drew “{start}”")


def forecasts(texts: list[dict], header: dict) -> list[str]:
    """Return the texts drawn in the last column, under its header, top to bottom: a header is drawn from
    its left edge, a number up to the right edge of its cell (each row once, however often it is drawn)."""
    rows = {
        round(t["y"]): t["text"]
        for t in texts
        if header["x"] < t["x"] < header["x"] + 160 and t["y"] > header["y"] + 5 and t["text"] != "—"
    }
    return [rows[y] for y in sorted(rows)]
