"""Hostile uploads through the real server in Chromium: the Import page says plainly what is wrong with each
file, nothing can be imported, and the server goes on serving every page."""

from __future__ import annotations

import urllib.request

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import settle
from tests.hostile_files import build_corpus

pytestmark = pytest.mark.e2e
WAIT = 60_000  # ms: a cold sandbox and a loaded CI machine get the benefit of the doubt


def upload(page, path) -> None:
    """Drop a file on the Import page through the uploader's own file input."""
    page.locator("[data-testid=stFileUploader] input[type=file]").set_input_files(str(path))
    settle(page, WAIT)


def test_bombs_are_refused_on_the_page_and_the_server_keeps_serving(demo_server, page, tmp_path):
    corpus = build_corpus(tmp_path / "corpus")
    page.goto(f"{demo_server}/import", timeout=WAIT)
    settle(page, WAIT)
    expect(page.get_by_role("heading", name="Import trackers")).to_be_visible(timeout=WAIT)

    upload(page, corpus["zip_bomb.xlsx"])
    zip_alert = page.locator("[data-testid=stAlert]", has_text="zip bomb").first
    expect(zip_alert).to_be_visible(timeout=WAIT)
    expect(zip_alert).to_contain_text("zip_bomb.xlsx")
    expect(zip_alert).to_contain_text("refused without being opened")

    upload(page, corpus["dimension_bomb.xlsx"])
    rows_alert = page.locator("[data-testid=stAlert]", has_text="dimension_bomb.xlsx").first
    expect(rows_alert).to_be_visible(timeout=WAIT)
    expect(rows_alert).to_contain_text("1048576 rows, more than the limit of 200000")
    # A refused file is said once, with nothing to preview or confirm around it, and no Python exception.
    expect(page.locator("[data-testid=stAlert]", has_text="dimension_bomb.xlsx")).to_have_count(1)
    expect(page.get_by_role("button", name="Confirm the import")).to_have_count(0)
    expect(page.get_by_text("What the import will change")).to_have_count(0)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)

    with urllib.request.urlopen(f"{demo_server}/_stcore/health", timeout=10) as answer:
        assert answer.status == 200
    page.goto(demo_server, timeout=WAIT)  # the Overview is the default page, served at the root
    settle(page, WAIT)
    expect(page.get_by_role("heading", name="Where does the portfolio stand")).to_be_visible(timeout=WAIT)
    expect(page.get_by_text("Page not found")).to_have_count(0)
    expect(page.locator("[data-testid=stException]")).to_have_count(0)
