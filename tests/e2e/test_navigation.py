"""The very first request a freshly started server answers: the app's own navigation, never Streamlit's list
of file names, and never "Page not found", whatever the address."""

from __future__ import annotations

import shutil

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e
NAV_LINKS = "[data-testid=stSidebarNavLink]"
MENU = [
    "Overview",
    "Risks",
    "Budget",
    "Prioritisation",
    "Governance",
    "Capacity",
    "Import",
    "Settings",
    "Committee",
    "Present",
]
RAW_NAMES = {"app", "common", "overview", "risks", "budget", "priorities", "import", "settings", "project"}


@pytest.mark.parametrize(
    ("address", "heading", "lands_on"),
    [
        ("", "Where does the portfolio stand", "/"),
        ("risks", "Which risks threaten the portfolio", "/risks"),  # a deep link, before any other page
        ("common", "Where does the portfolio stand", "/"),  # the helpers' old file, never a page
        ("app", "Where does the portfolio stand", "/"),  # the frame itself
    ],
)
def test_the_first_request_after_a_start_shows_the_app_navigation(
    browser, tmp_path, demo_store_file, address, heading, lands_on
):
    db = tmp_path / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    process, url = start_server(db, tmp_path / "server.log")
    try:
        context = browser.new_context(viewport={"width": 1280, "height": 720}, locale="en-GB")
        page = context.new_page()
        page.goto(f"{url}/{address}")
        menus, dialogs = set(), 0
        for _ in range(24):  # watch the page as it builds: Streamlit's list would show for a moment only
            page.wait_for_timeout(250)
            menus.add(tuple(link.inner_text().strip() for link in page.query_selector_all(NAV_LINKS)))
            dialogs += len(page.query_selector_all("[role=dialog]"))
        settle(page)
        menus.add(tuple(link.inner_text().strip() for link in page.query_selector_all(NAV_LINKS)))
        shown = {name.splitlines()[-1] for menu in menus for name in menu}
        assert not shown & RAW_NAMES, menus
        # the app's own menu, in its words (roles may add pages after these)
        assert any(
            tuple(name.splitlines()[-1] for name in menu)[: len(MENU)] == tuple(MENU) for menu in menus
        )
        assert dialogs == 0
        expect(page.get_by_text("Page not found")).to_have_count(0)
        expect(page.get_by_role("heading", name=heading).first).to_be_visible()
        expect(page.locator("[data-testid=stSidebar]")).to_contain_text("Filters")  # in the app's frame
        assert page.url == url + lands_on
        if not address:  # later requests: an address no page has opens the overview, quietly, at the root
            for other in ("overview", "no-such-page"):
                page.goto(f"{url}/{other}")
                settle(page)
                expect(page.get_by_role("heading", name=heading).first).to_be_visible()
                expect(page.get_by_text("Page not found")).to_have_count(0)
                assert page.url == url + "/"
        context.close()
    finally:
        stop_server(process)
