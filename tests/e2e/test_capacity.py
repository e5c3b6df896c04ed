"""The Capacity page in Chromium: a click on a cell of the load heatmap lists the projects asking for that team
that month, as pmo_core lists them; the same in French."""

from __future__ import annotations

import re
import shutil
from datetime import date

from pmo_core import capacity, store
from pmo_core.filters import Filters
from tests.e2e.conftest import settle

TEAM, MONTH = "Data & IA", date(2027, 3, 1)


def _expected(demo_store_file, tmp_path) -> tuple[list[str], float]:
    """Return the projects pmo_core lists for the cell, and its load, read from a copy of the demo store."""
    copy = tmp_path / "expected.duckdb"
    shutil.copy(demo_store_file, copy)
    con = store.connect(copy)
    try:
        cell = capacity.cell_projects(con, Filters(), TEAM, MONTH)
        grid = capacity.team_months(con, Filters(), MONTH, MONTH)
        load = grid.loc[grid["team"] == TEAM, "load"].item()
        return cell["code"].tolist(), load
    finally:
        con.close()


def _click_cell(page, url: str, lang: str, month_label: str) -> None:
    page.goto(f"{url}/capacity?lang={lang}")
    page.wait_for_selector("[data-testid=stVegaLiteChart] svg", timeout=60_000)
    settle(page)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    # each cell is an SVG path labelled with its month and team (Vega's accessible marks)
    cell = chart.locator(
        f'path[aria-roledescription="rect mark"][aria-label^="month_label: {month_label}; team: {TEAM};"]'
    )
    box = cell.bounding_box()
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    settle(page)


def test_clicking_a_heatmap_cell_lists_its_projects(page, demo_server, demo_store_file, tmp_path):
    codes, load = _expected(demo_store_file, tmp_path)
    _click_cell(page, demo_server, "en", "Mar 2027")
    title = page.get_by_text(re.compile(r"^Data & IA, March\s2027: ")).inner_text()
    assert f"({load:.0%})" in title and f"{len(codes)} project" in title
    table = page.locator("[data-testid=stDataFrame]").filter(has_text="Project end")  # the cell's table
    rows = table.locator("[role=row]")
    rows.nth(len(codes)).wait_for(state="attached", timeout=60_000)  # the grid fills in after the run ends
    assert rows.count() == len(codes) + 1  # the header, then one row per project asking for the cell
    listed = " | ".join(rows.all_text_contents())
    assert all(code in listed for code in codes), (codes, listed)
    # the selectboxes under the heatmap now show the clicked cell
    assert page.get_by_role("combobox", name="Team or role").input_value() == TEAM
    assert page.get_by_role("combobox", name="Month").input_value() == "Mar 2027"


def test_the_same_click_in_french(page, demo_server, demo_store_file, tmp_path):
    codes, load = _expected(demo_store_file, tmp_path)
    _click_cell(page, demo_server, "fr", "mars 2027")
    title = page.get_by_text(re.compile(r"^Data & IA, mars\s2027\s: ")).inner_text()
    assert f"{len(codes)} projet" in title and f"{round(load * 100)}\u00a0%" in title
