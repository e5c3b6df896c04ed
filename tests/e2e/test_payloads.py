"""Hostile names: a project or a risk named with HTML or a script shows as plain text, and nothing runs."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_core import snapshots, store
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.e2e.conftest import settle, start_server, stop_server
from tests.frames import two_projects

pytestmark = pytest.mark.e2e
PROJECT = '<img src=x onerror="window.__xss=1">Alpha'
RISK = "<script>window.__xss=2</script>Supplier late"
# Decisions (issue 14) will join these names once they exist.


@pytest.fixture
def hostile_server(tmp_path):
    db = tmp_path / "hostile.duckdb"
    frames = two_projects()
    frames["projects"].loc[0, "name"] = PROJECT
    frames["projects"].loc[0, "manager"] = "<b>Ann</b>"
    frames["risks"].loc[0, "title"] = RISK
    con = store.connect(db)
    snapshots.apply_plan(con, plan_from_frames(con, frames, scope="full", as_of=date(2026, 1, 31)), PMO)
    con.close()
    process, url = start_server(db, tmp_path / "server.log")
    yield url
    stop_server(process)


@pytest.mark.parametrize("path", ["/project?project=P1", "/", "/risks"])
def test_html_in_names_is_shown_as_text_and_never_runs(page, hostile_server, path):
    page.goto(hostile_server + path)
    settle(page)
    page.wait_for_timeout(1500)  # an onerror would have fired by now
    assert page.evaluate("window.__xss") is None
    assert page.locator("img[src=x]").count() == 0 and page.locator("script:text('__xss')").count() == 0
    if path.startswith("/project"):
        page.get_by_text(PROJECT).first.wait_for(timeout=30_000)  # the name as written, tags and all
