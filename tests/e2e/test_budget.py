"""The Budget page in Chromium on the demo store: figures, charts, tabs, the Excel download, French."""

from __future__ import annotations

import re

import pytest
from openpyxl import load_workbook

from tests.e2e.conftest import settle

pytestmark = pytest.mark.e2e


def open_budget(tab, url: str) -> None:
    """Open the page by its address, as a bookmark would: the first run of the server is the Budget page."""
    tab.goto(f"{url}/budget")
    settle(tab)
    tab.get_by_text("Are we spending as planned").wait_for(timeout=60_000)
    settle(tab)


def test_budget_page_draws_its_figures_charts_and_alerts(demo_server, page, tmp_path):
    open_budget(page, demo_server)
    assert page.query_selector_all("[data-testid=stException]") == []
    assert page.get_by_text("Status on 31 October 2026").count() == 1
    labels = [m.inner_text() for m in page.query_selector_all("[data-testid=stMetricLabel]")]
    assert any(label.startswith("CPI") for label in labels) and len(labels) == 8
    # the S-curve and the monthly picture are drawn as soon as the page opens, the ranking in the first tab
    # charts are drawn by the browser after the script ends: wait for them rather than for a fixed time
    page.wait_for_function(
        "() => [...document.querySelectorAll('[data-testid=stVegaLiteChart]')].filter(c => c.offsetParent).length >= 3",
        timeout=60_000,
    )
    assert page.get_by_text(re.compile(r"^Forecast to land at €")).count() == 1
    page.get_by_role("tab", name=re.compile(r"^Alerts \(\d+\)$")).click()
    settle(page)
    assert page.get_by_text("SPI under threshold").first.is_visible()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download variances and alerts (Excel)").last.click()
    target = tmp_path / "budget.xlsx"
    download.value.save_as(target)
    book = load_workbook(target)
    assert book.sheetnames == ["Variances", "Alerts"]
    assert book["Variances"].max_row == 61  # a header and the 60 demo projects
    assert book["Alerts"]["A1"].value == "Alert"


def test_budget_page_in_french(demo_server, page):
    open_budget(page, demo_server)
    page.get_by_text("Français").click()
    page.get_by_text("Dépensons-nous comme prévu").wait_for(timeout=60_000)
    settle(page)
    assert page.get_by_text("Situation au 31 octobre 2026").count() == 1
    assert page.get_by_text(re.compile(r"^Atterrissage prévu à [\d,]+\u00a0M€")).count() == 1
    assert page.query_selector_all("[data-testid=stException]") == []
    page.get_by_text("Français").click()  # the language in force, clicked again, stays
    settle(page)
    assert page.get_by_text("Dépensons-nous comme prévu").count() >= 1
    assert page.query_selector_all("[data-testid=stException]") == []
