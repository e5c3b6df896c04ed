"""A demand figure opened to its origin in Chromium: the plan de charge of tests/people.py imported for October
then November; on the project page a click on a demand of the Demand on teams table opens its file, sheet, cell
and typed text, and on the Capacity page a team-month's capacity opens in its expander."""

from __future__ import annotations

import pytest

from tests import people
from tests.e2e.conftest import serving, settle

pytestmark = pytest.mark.e2e


@pytest.fixture
def plans_server(tmp_path):
    yield from serving(tmp_path, people.import_plans)


def click_cell(page, table_key: str, column: str, row: int, origin_key: str):
    """Choose a cell of a table drawn on a canvas as a user does: a click on its row's first cell, then the
    arrow keys to its column (found by its header); return the origin panel it opens."""
    grid = page.locator(f".st-key-{table_key}")
    grid.scroll_into_view_if_needed()
    page.wait_for_timeout(1000)
    target = None
    for _ in range(12):
        chosen = [cell.get_attribute("id") for cell in grid.locator('td[aria-selected="true"]').all()]
        if target is not None and target in chosen:
            break
        if not chosen:  # the grid is a canvas: a click before it has drawn its rows selects nothing
            box = grid.bounding_box()
            page.mouse.click(box["x"] + 60, box["y"] + 38 + 35 * row + 17)
        else:
            page.keyboard.press("ArrowRight")
        settle(page)
        headers = [h.strip() for h in grid.locator("th").all_text_contents()]
        target = f"glide-cell-{headers.index(column)}-{row}" if column in headers else None
    return page.locator(f".st-key-{origin_key}")


def test_a_demand_on_the_project_page_opens_to_its_cell(plans_server, page):
    page.goto(f"{plans_server}/project?project=P2")
    settle(page)
    page.get_by_text("Demand on teams").first.wait_for(timeout=60_000)
    origin = click_cell(page, "project_demand", "As written", 0, "project_demand_origin")
    origin.get_by_text("sheet Plan de charge, cell D3").first.wait_for(timeout=30_000)
    sentence = origin.locator("strong").first.inner_text()
    assert sentence.startswith(
        "Demand 10 — charge_novembre.xlsx, sheet Plan de charge, cell D3, typed “10 j”"
    )
    # the demand and its unit, both read in that one cell
    assert origin.get_by_text("Sheet Plan de charge, cell D3 (column Charge), typed “10 j”").count() == 2
    assert page.query_selector_all("[data-testid=stException]") == []


def test_a_teams_capacity_opens_on_the_capacity_page_in_french(plans_server, page):
    page.goto(f"{plans_server}/capacity?lang=fr")
    settle(page)
    page.get_by_role("combobox", name="Équipe ou rôle").click()
    page.get_by_role("option", name="Data", exact=True).click()
    settle(page)
    page.get_by_role("combobox", name="Mois").click()
    page.get_by_role("option", name="janv. 2027").click()
    settle(page)
    page.get_by_text("D'où vient la capacité de Data en janvier").click()
    settle(page)
    panel = page.locator(".st-key-cap_capacity_origin")
    panel.get_by_text("feuille Capacité, cellule B4").first.wait_for(timeout=30_000)
    assert (
        panel.locator("strong")
        .first.inner_text()
        .startswith(
            "Capacité 40 — charge_novembre.xlsx, feuille Capacité, cellule B4, saisi «\u00a040\u00a0»"
        )
    )
    assert page.query_selector_all("[data-testid=stException]") == []
