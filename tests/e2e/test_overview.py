"""The Overview in Chromium on the demo store: choosing a row of the project table lands on that project's page,
whose address names the project, in the language in force; the project table downloads as Excel."""

from __future__ import annotations

import re
from io import BytesIO

from openpyxl import load_workbook

from tests.e2e.conftest import settle

HEADER_PX, ROW_PX = 35, 35  # the project table's header and row heights (pages/overview.py sets row_height)


def open_overview(page, url: str):
    """Open the overview and return its project table, once drawn."""
    page.goto(url)
    settle(page)
    # the project table (its key names it), below the first screen's shorter tables
    table = page.locator("[class*='st-key-overview_table_'] [data-testid=stDataFrame]").first
    table.wait_for(timeout=60_000)
    settle(page)
    table.scroll_into_view_if_needed()
    return table


def test_choosing_a_row_opens_the_project_page(page, demo_server):
    table = open_overview(page, demo_server)
    first_row = table.locator("[role=row]").nth(1).all_text_contents()[0]
    code = re.search(r"PRJ-\d{4}-\d{3}", first_row).group()
    box = table.bounding_box()
    # the row marker (selection checkbox) sits at the left of each row
    page.mouse.click(box["x"] + 14, box["y"] + HEADER_PX + ROW_PX / 2)
    page.wait_for_url(f"**/project?project={code}", timeout=60_000)
    settle(page)
    heading = page.locator("h1").first.inner_text()
    assert heading.startswith(f"{code} · ")
    page.get_by_text("Earned value", exact=True).wait_for(timeout=60_000)
    assert not page.query_selector("[data-testid=stException]")


def test_a_project_chosen_in_french_opens_in_french(page, demo_server):
    table = open_overview(page, demo_server)
    page.get_by_text("Français").click()
    page.get_by_text("Où en est le portefeuille").wait_for(timeout=60_000)
    settle(page)
    table.scroll_into_view_if_needed()
    box = table.bounding_box()
    page.mouse.click(box["x"] + 14, box["y"] + HEADER_PX + ROW_PX / 2)
    page.wait_for_url("**/project?project=*", timeout=60_000)
    settle(page)
    page.get_by_text("Jalons", exact=True).wait_for(timeout=60_000)  # the page switch kept the language
    assert page.get_by_text("Milestones", exact=True).count() == 0
    assert page.get_by_text("Filtres", exact=True).count() == 1


def test_a_shared_link_opens_the_project(page, demo_server):
    page.goto(f"{demo_server}/project?project=PRJ-2025-023")
    settle(page)
    page.locator("h1", has_text="PRJ-2025-023 · Identity & access management").wait_for(timeout=60_000)
    page.get_by_text("Milestones", exact=True).wait_for(timeout=60_000)
    assert (
        page.get_by_role("combobox", name="Project", exact=True).input_value()
        == "PRJ-2025-023 · Identity & access management"
    )


def test_the_project_table_downloads_as_excel(page, demo_server):
    open_overview(page, demo_server)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download as Excel").click()
    sheet = load_workbook(
        BytesIO(download.value.path().read_bytes())
    ).active  # the saved file has no extension
    assert [c.value for c in sheet[1]][:3] == ["Code", "Project", "Portfolio"]
    assert sheet.max_row == 61  # the header and the 60 projects of the demo
