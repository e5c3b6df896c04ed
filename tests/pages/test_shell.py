"""The shell: every page runs on an empty and on a full store, in both languages; settings are edited."""

from __future__ import annotations

import asyncio
import gc
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pandas as pd
import pytest
from streamlit.runtime.pages_manager import PagesManager

from pages.ui import common, navigation
from pmo_core import settings
from tests.pages.conftest import no_exception, open_page

APP = Path(__file__).resolve().parents[2] / "app.py"
PAGES = [
    "pages/overview.py",
    "pages/risks.py",
    "pages/budget.py",
    "pages/priorities.py",
    "pages/governance.py",
    "pages/import.py",
    "pages/settings.py",
    "pages/audit.py",
    "pages/admin.py",
    "pages/project.py",
]


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_runs_on_the_demo_store(demo_db, page, lang):
    at = open_page(page, lang)
    no_exception(at)
    assert at.title, "every page has a heading"


@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_an_empty_store(page):
    at = open_page(page)
    no_exception(at)


def test_the_sidebar_offers_the_shared_filters_and_snapshots(demo_db):
    at = open_page("pages/settings.py")
    snapshot = at.selectbox(key="filter_snapshot_en")
    assert len(snapshot.options) == 5  # the current state and the four monthly snapshots
    assert len(at.multiselect(key="filter_portfolios").options) == 4
    assert at.multiselect(key="filter_managers").options


def test_the_language_switch_translates_the_page(demo_db):
    at = open_page("pages/settings.py", "fr")
    assert at.title[0].value == "Paramètres"
    assert at.button[0].label == "Enregistrer les paramètres"


def test_the_settings_page_shows_the_declared_table(db_path):
    at = open_page("pages/settings.py")
    table = at.dataframe(key="settings_editor").value
    assert list(table["name"]) == [s.name for s in settings.SETTINGS]
    assert table.loc[table["name"] == "reporting_period_days", "value"].item() == "35"
    assert table.loc[table["name"] == "currency", "help"].item().startswith("Currency")


def test_a_table_height_is_a_most_so_few_rows_draw_no_empty_grid(monkeypatch):
    drawn = []
    monkeypatch.setattr(common.st, "dataframe", lambda data, **options: drawn.append(options["height"]))
    common.table(pd.DataFrame({"code": ["P1", "P2", "P3", "P4"]}), height=420)
    common.table(pd.DataFrame({"code": [f"P{n}" for n in range(40)]}), height=420)
    common.table(pd.DataFrame({"code": ["P1"]}).style, height=420)  # a Styler counts its frame's rows
    assert drawn == [38 + 4 * 35 + 3, 420, 38 + 35 + 3]


def test_a_change_is_signed_and_no_change_is_a_grey_plus_minus_zero():
    assert common.change(None, "") == {"delta": None}
    assert common.change(0, "€0", "inverse") == {"delta": "±0", "delta_color": "off", "delta_arrow": "off"}
    assert common.change(700_000, "€700k", "inverse") == {"delta": "+€700k", "delta_color": "inverse"}
    assert common.change(-0.02, "-0.02") == {"delta": "-0.02", "delta_color": "normal"}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_sidebar_names_no_signed_in_person_while_there_is_no_sign_in(demo_db, lang):
    at = open_page("pages/overview.py", lang)  # open mode: nobody signs in
    captions = " ".join(c.value for c in at.sidebar.caption)
    assert "Signed in" not in captions and "Connecté" not in captions and "anonymous" not in captions
    assert (
        "No sign-in: everyone acts as" if lang == "en" else "Sans connexion\u00a0: chacun agit en"
    ) in captions


def test_the_streamlit_internals_navigation_relies_on_are_still_there():
    """pages/ui/navigation.py settles Streamlit's automatic-pages flag and reads the address asked for."""
    assert "uses_pages_directory" in vars(PagesManager)
    manager = PagesManager("app.py")
    manager.set_script_intent("", "common")
    assert (manager.intended_page_script_hash, manager.intended_page_name) == ("", "common")
    assert "app = st.App(__file__, lifespan=navigation.serving)" in APP.read_text(encoding="utf-8")


def test_the_server_start_keeps_the_collector_off_what_was_imported():
    """Streamlit collects after every run: the objects of app.py's imports are frozen out of that scan."""

    async def start() -> int:
        async with navigation.serving(None):
            return gc.get_freeze_count()

    try:
        # A thread of its own: earlier tests (Playwright's sync API) may leave an event loop running in this one.
        with ThreadPoolExecutor(1) as thread:
            assert (
                thread.submit(asyncio.run, start()).result() > 10_000
            )  # pandas, Altair and DuckDB make more
    finally:
        gc.unfreeze()
