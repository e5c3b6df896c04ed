"""A figure opened to its origin in Chromium: the French steering tracker of tests/traced.py imported for
September then October, the project page's figure opened to its file, sheet, cell and typed text, and a
cell of the Budget page's variance table clicked open."""

from __future__ import annotations

import pytest

from tests import traced
from tests.e2e.conftest import serving, settle

pytestmark = pytest.mark.e2e


@pytest.fixture
def traced_server(tmp_path):
    yield from serving(tmp_path, traced.import_months)


def test_a_budget_opens_to_its_cell_typed_text_and_earlier_value(traced_server, page):
    page.goto(f"{traced_server}/project?project=IND-01")
    settle(page)
    page.get_by_text("Where a figure comes from").wait_for(timeout=60_000)
    page.get_by_text("Where a figure comes from").click()
    settle(page)
    origin = page.locator(".st-key-project_figure_origin")
    origin.get_by_text("sheet Portefeuille, cell F5").first.wait_for(timeout=30_000)
    sentence = origin.locator("strong").first.inner_text()
    assert sentence.startswith(
        "Budget at completion €1,450,000 — suivi_octobre.xlsx, sheet Portefeuille, cell F5"
    )
    assert "typed “1 450 k€”" in sentence and sentence.endswith("was €1,400,000 on 30 Sep 2026.")
    assert origin.get_by_text("The unit in the cell, “k”, multiplies by 1,000.").is_visible()
    assert page.get_by_role("button", name="The file as imported").is_visible()  # the PMO gets the very file
    assert page.query_selector_all("[data-testid=stException]") == []

    # Another figure of the project: March's CAPEX actual, in the wide month columns of the Consommé sheet.
    page.get_by_label("Row").click()
    page.get_by_role("option", name="Cost line · 2026-03 CAPEX").click()
    settle(page)
    page.locator(".st-key-project_figure_field_costs").click()
    page.get_by_role("option", name="Actual", exact=True).click()
    settle(page)
    origin.get_by_text("cell E4").first.wait_for(timeout=30_000)
    assert "typed “18,25”" in origin.locator("strong").first.inner_text()

    # In French, the same figure in French words.
    page.get_by_text("Français").click()
    settle(page)
    page.get_by_text("D'où vient un chiffre").wait_for(timeout=30_000)
    assert page.query_selector_all("[data-testid=stException]") == []


def test_a_clicked_cell_of_a_register_opens_its_origin(traced_server, page):
    page.goto(f"{traced_server}/budget")
    settle(page)
    page.get_by_text("Click a cell to see where its figure comes from.").first.wait_for(timeout=60_000)
    grid = page.locator(".st-key-budget_variance_table")
    origin = page.locator(".st-key-budget_variance_origin")
    for _ in range(3):  # the grid is a canvas: a click before it has drawn its rows selects nothing
        grid.scroll_into_view_if_needed()
        page.wait_for_timeout(1000)
        box = grid.bounding_box()
        page.mouse.click(box["x"] + 60, box["y"] + 38 + 17)  # the first row's project name
        settle(page)
        if origin.count():
            break
    origin.get_by_text("suivi_octobre.xlsx, sheet Portefeuille").first.wait_for(timeout=30_000)
    assert origin.locator("strong").first.inner_text().startswith("Name ")
    assert page.query_selector_all("[data-testid=stException]") == []
