"""Clicks faster than pages draw: each run works on its own cursor, so no run reads another's results."""

from __future__ import annotations

import shutil

import pytest

from tests.e2e.conftest import settle, start_server, stop_server

pytestmark = pytest.mark.e2e


def test_switching_pages_before_they_finish_drawing_raises_nothing(page, tmp_path, demo_store_file):
    db = tmp_path / "quick.duckdb"
    shutil.copy(demo_store_file, db)
    log = tmp_path / "server.log"
    process, url = start_server(db, log)
    try:
        page.goto(url)
        settle(page)
        nav = page.locator("[data-testid=stSidebarNav]")
        for _ in range(3):
            for name in ("Risks", "Overview", "Budget", "Overview", "Prioritisation", "Risks"):
                nav.get_by_text(name, exact=True).click()
                page.wait_for_timeout(150)  # the next click lands while this page still queries the store
        settle(page)
        assert page.locator("[data-testid=stException]").count() == 0
    finally:
        stop_server(process)
    assert "Traceback" not in log.read_text()
