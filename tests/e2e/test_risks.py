"""The Risks page in Chromium: a click on a heatmap cell lists that cell's risks; the register downloads as Excel."""

from __future__ import annotations

import re
import shutil
from io import BytesIO

from openpyxl import load_workbook
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from pmo_core import risks, store
from pmo_core.filters import Filters
from tests.e2e.conftest import Runs, settle

HEADING = re.compile(r"Probability (\d) x impact (\d): \w+, score (\d+), (\d+) risks?")


def _expected(demo_store_file, tmp_path, probability: int, impact: int) -> list[str]:
    """Return the titles pmo_core lists for a cell of the current state, read from a copy of the demo store."""
    copy = tmp_path / "expected.duckdb"
    shutil.copy(demo_store_file, copy)
    con = store.connect(copy)
    try:
        return risks.cell_risks(con, Filters(), risks.RiskFilter(), probability, impact)["title"].tolist()
    finally:
        con.close()


def _open_risks(page, url: str) -> None:
    page.goto(f"{url}/risks")
    page.wait_for_selector("[data-testid=stVegaLiteChart]", timeout=60_000)
    settle(page)


def test_clicking_a_heatmap_cell_lists_its_risks(page, demo_server, demo_store_file, tmp_path):
    runs = Runs(page)
    _open_risks(page, demo_server)
    chart = page.locator("[data-testid=stVegaLiteChart]").first
    box = chart.bounding_box()
    before = runs.mark()
    # the grid fills the right of the chart under its title: this point is in the top row, fourth column
    page.mouse.click(box["x"] + box["width"] * 0.78, box["y"] + box["height"] * 0.16)
    settle(page)
    # the click asked for the heatmap's part alone, and the server ran that part alone: not the page
    asked, finished = runs.since(before)
    assert asked and all(asked), asked
    assert finished and set(finished) == {ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}, finished
    assert page.get_by_role("heading", name="Which risks threaten the portfolio").is_visible()
    heading = page.get_by_text(HEADING).inner_text()
    probability, impact, score, count = (int(v) for v in HEADING.search(heading).groups())
    assert (probability, impact, score) == (4, 5, 20)
    titles = _expected(demo_store_file, tmp_path, probability, impact)
    assert count == len(titles) > 0
    table = page.locator("[data-testid=stDataFrame]").first
    rows = table.locator("[role=row]")
    rows.nth(count).wait_for(state="attached", timeout=60_000)  # the grid fills in after the script ends
    assert rows.count() == count + 1  # the header, then one row per risk of the cell
    listed = " | ".join(rows.all_text_contents())
    assert all(title in listed for title in titles), (titles, listed)
    # the fallback selectboxes now show the clicked cell
    assert page.get_by_role("combobox", name="Probability (1-5)").input_value() == "4 · Likely"
    assert page.get_by_role("combobox", name="Impact (1-5)").input_value() == "5 · Severe"


def test_register_downloads_as_excel(page, demo_server):
    _open_risks(page, demo_server)
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Download as Excel").click()
    with open(
        download.value.path(), "rb"
    ) as handle:  # the saved download has no .xlsx suffix openpyxl would accept
        sheet = load_workbook(BytesIO(handle.read())).active
    assert [c.value for c in sheet[1]][:3] == ["Risk ID", "Risk", "Project code"]
    assert sheet.max_row > 200  # every open risk of the demo portfolio, not only the rows on screen
