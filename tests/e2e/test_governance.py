"""Governance in Chromium on the demo store: the Overview's data-quality panel leads to whom to chase, whose
list downloads as Excel and whose e-mail reads the chosen manager's gaps."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from tests.e2e.conftest import settle


def test_the_overview_panel_leads_to_whom_to_chase_and_its_excel_list(page, demo_server):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(demo_server)
    settle(page)
    panel = page.get_by_text("compliance with the PMO's rules")
    panel.wait_for(timeout=60_000)
    assert "7 managers to chase" in panel.inner_text()
    page.get_by_role("link", name="Whom to chase").click()
    page.wait_for_url("**/governance", timeout=60_000)
    settle(page)
    page.locator("h1", has_text="Are projects following the PMO's rules").wait_for(timeout=60_000)
    page.get_by_text("Whom to chase", exact=True).wait_for(timeout=60_000)
    assert not page.query_selector("[data-testid=stException]")
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download the list (Excel)").click()
    sheet = load_workbook(BytesIO(download.value.path().read_bytes())).active
    assert [c.value for c in sheet[1]][:3] == ["Project manager", "Code", "Project"]
    managers = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert len(managers) == 14 and managers == sorted(managers)  # the demo's gaps, grouped by manager
    page.get_by_text("E-mail to copy").click()
    page.get_by_text("Hello Anna Kowalska,").wait_for(timeout=60_000)
    assert page.get_by_text("Plant 3 energy retrofit: Risks last reviewed on").count() == 1
