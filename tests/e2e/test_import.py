"""Importing through the real page in Chromium: the file input, the mapping screen, confirm, the result."""

from __future__ import annotations

import re

import pytest

from pmo_core import snapshots, store
from tests import shapes
from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e


def upload(tab, url: str, *paths) -> None:
    tab.goto(f"{url}/import")
    settle(tab)
    tab.set_input_files("[data-testid=stFileUploaderDropzoneInput]", [str(p) for p in paths])
    tab.get_by_text("What was understood").wait_for(timeout=60_000)
    settle(tab)


def confirm(tab) -> None:
    tab.get_by_role("button", name="Confirm the import").click()
    tab.get_by_text(re.compile(r"Imported as batch \d+")).wait_for(timeout=60_000)
    settle(tab)


def choose(tab, selectbox, option: str) -> None:
    """Open a Streamlit selectbox and pick an option, as a user does: typing its first letters filters a
    long list (the list draws only the options in view)."""
    selectbox.scroll_into_view_if_needed()
    selectbox.click()
    tab.keyboard.type(option.rstrip(" *")[:12])
    tab.get_by_role("option").filter(has_text=re.compile(f"^{re.escape(option)}$")).first.click(
        timeout=10_000
    )
    settle(tab)


def grid_text(tab) -> list[str]:
    """The preview's cells, once the browser has drawn them (it does so after the script ends)."""
    tab.locator("[data-testid=stDataFrame] [role=gridcell]").first.wait_for(state="attached", timeout=60_000)
    return [
        cell.text_content() for cell in tab.query_selector_all("[data-testid=stDataFrame] [role=gridcell]")
    ]


def test_upload_the_english_export_confirm_and_find_its_projects(empty_server, page, twins):
    upload(page, empty_server, twins / "samples" / "portfolio_export_en.xlsx")
    assert page.get_by_text("Sheet “Projects”").count() == 1
    assert page.get_by_text("Sheet “Risks”").count() == 1
    confirm(page)
    page.goto(f"{empty_server}/project?project=PRJ-2025-003")
    settle(page)
    assert page.get_by_text("CRM rollout").count() >= 1
    page.goto(empty_server)
    settle(page)
    page.get_by_text("Portfolio", exact=True).first.wait_for()
    page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect]").first.click()
    page.get_by_role("option").first.wait_for(timeout=30_000)  # the list opens a moment after the click
    options = [o.text_content() for o in page.get_by_role("option").all()]
    assert "Digital transformation" in options and "Industry" in options


def test_the_french_tracker_with_one_column_read_differently(tmp_path, page, source):
    db = tmp_path / "fr.duckdb"
    process, url = start_server(db, tmp_path / "server.log")
    try:
        upload(page, url, source / "samples" / "suivi_portefeuille_fr.xlsx")
        assert "75550" in "".join(grid_text(page)).replace(" ", "").replace("\u202f", "")
        page.get_by_text("Change how the columns are read").click()
        settle(page)
        row = page.locator("[data-testid=stHorizontalBlock]").filter(
            has=page.get_by_text("Budget (k€)", exact=True)
        )
        choose(page, row.locator("[data-testid=stSelectbox]").nth(1), "× 1")
        cells = grid_text(page)  # the records as they will be stored now show 75.55 where they showed 75550
        assert any(c in ("75.55", "75,55") for c in cells), [c for c in cells if "75" in c]
        confirm(page)
    finally:
        stop_server(process)
    con = store.connect(db)
    projects = snapshots.state_frames(con)["projects"].set_index("code")
    con.close()
    assert len(projects) == 36
    assert projects.at["PRJ-2025-001", "budget"] == pytest.approx(75.55)  # read in euros, as chosen on screen
    assert projects.at["PRJ-2025-001", "actual_cost"] == pytest.approx(16_600)  # other columns kept their k€


def test_a_file_with_errors_comes_back_annotated(empty_server, page, tmp_path, twins):
    upload(page, empty_server, twins / "samples" / "registre_risques_fr.xlsx")
    assert page.get_by_role("button", name="Confirm the import").is_disabled()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role(
            "button", name=re.compile("Download registre_risques_fr.xlsx with its problems")
        ).click()
    target = tmp_path / download.value.suggested_filename
    download.value.save_as(target)
    assert target.name == "registre_risques_fr_annotated.xlsx"
    import openpyxl

    workbook = openpyxl.load_workbook(target)
    assert workbook.sheetnames[0] == "Problems"
    cell = workbook["Registre des risques"]["B4"]  # « Refonte du SI RH »: a project not in the store yet
    assert cell.comment is not None and "Refonte du SI RH" in cell.comment.text


def widget(tab, key: str):
    """Return the element Streamlit draws for a widget of this key (its container bears the key as a class),
    opening the expander that holds it if it is closed."""
    found = tab.locator(".st-key-" + re.sub(r"[^a-zA-Z0-9_-]", "-", key))
    found.wait_for(state="attached", timeout=30_000)
    if not found.is_visible():
        tab.locator("[data-testid=stExpander]").filter(has=found).last.locator("summary").click()
        settle(tab)
    return found


def test_a_headerless_table_and_a_transposed_table_are_mapped_on_the_screen_and_imported(tmp_path, page):
    headerless = shapes.headerless(tmp_path / "export.xlsx")
    rows = [["Ref", "X-1", "X-2"], ["Libellé long", "Alpha", "Beta"], ["Montant (k€)", "10", "20"]]
    odd = shapes.save(tmp_path / "odd.xlsx", {"S": rows})
    db = tmp_path / "shapes.duckdb"
    process, url = start_server(db, tmp_path / "server.log")
    try:
        upload(page, url, headerless, odd)
        assert page.get_by_text(re.compile("no header row found, 3 rows not read")).count() == 2  # both files
        # No header row: the user reads the table as projects and names its columns from its first rows.
        choose(page, widget(page, "entity::export.xlsx::Export!0"), "Projects")
        for col, label in enumerate(["Code *", "Name *", "Project manager", "Budget at completion"]):
            choose(page, widget(page, f"field::export.xlsx::Export!0::{col}"), label)
        # Fields as rows: the user says so, then reads it as projects and names its rows.
        choose(page, widget(page, "shape::odd.xlsx::S!0"), "Fields as rows")
        page.get_by_text(re.compile("fields as rows from row 1: 2 records")).wait_for(timeout=30_000)
        choose(page, widget(page, "entity::odd.xlsx::S!1"), "Projects")
        for col, label in enumerate(["Code *", "Name *", "Budget at completion"]):
            choose(page, widget(page, f"field::odd.xlsx::S!1::{col}"), label)
        confirm(page)
    finally:
        stop_server(process)
    con = store.connect(db)
    projects = snapshots.state_frames(con)["projects"].set_index("code")
    con.close()
    assert sorted(projects.index) == ["HL-01", "HL-02", "HL-03", "X-1", "X-2"]
    assert projects.at["HL-02", "manager"] == "Bob Petit"
    assert projects.at["X-2", "budget"] == pytest.approx(20_000)  # "Montant (k€)"
