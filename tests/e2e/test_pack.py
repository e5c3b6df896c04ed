"""The committee pack from the app, in Chromium: one dialog on the Committee page downloads the PowerPoint,
the PDF and the current state in the import template, and each file opens with the slides or sheets it
promises."""

from __future__ import annotations

import shutil
from datetime import date

import openpyxl
import pypdf
import pytest
from pptx import Presentation

from pmo_core import committee, meetings, store
from tests.actors import PMO
from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def server(tmp_path_factory, demo_store_file):
    folder = tmp_path_factory.mktemp("pack")
    db = folder / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    con = store.connect(db)
    reviewed = max(d for (d,) in con.execute("SELECT as_of FROM snapshots").fetchall())
    meetings.create_committee(con, PMO, "COPIL November", date(2026, 11, 18), reviewed)
    con.close()
    process, url = start_server(db, folder / "server.log", env={"PMO_AUTH": "open"})
    yield url
    stop_server(process)


@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080)])
def test_the_pack_dialog_downloads_powerpoint_pdf_and_the_template(browser, server, tmp_path, size):
    context = browser.new_context(viewport={"width": size[0], "height": size[1]}, accept_downloads=True)
    tab = context.new_page()
    tab.goto(f"{server}/committee")
    settle(tab, 90_000)
    tab.get_by_role("button", name="Committee pack").click()
    dialog = tab.get_by_role("dialog")
    dialog.wait_for(timeout=30_000)
    dialog.get_by_role("button", name="Current state in Excel").wait_for(timeout=30_000)
    assert "COPIL November" in dialog.inner_text()
    tab.screenshot(path=tmp_path / f"pack-dialog-{size[0]}.png")
    files = {}
    for label, suffix in (("PowerPoint (.pptx)", "pptx"), ("PDF", "pdf"), ("Current state in Excel", "xlsx")):
        with tab.expect_download(timeout=120_000) as download:
            dialog.get_by_role("button", name=label).click()
        files[suffix] = tmp_path / download.value.suggested_filename
        download.value.save_as(files[suffix])
    context.close()
    assert files["pptx"].name == "copil-november_2026-11-18.pptx"
    slides = list(Presentation(files["pptx"]).slides)
    assert len(slides) == len(committee.SLIDES) + 1 and slides[0].shapes.title.text
    assert len(pypdf.PdfReader(files["pdf"]).pages) == len(slides)
    assert "COPIL November" in pypdf.PdfReader(files["pdf"]).pages[0].extract_text()
    workbook = openpyxl.load_workbook(files["xlsx"], read_only=True)
    assert len(workbook.sheetnames) >= 2  # the template's sheets and its README
