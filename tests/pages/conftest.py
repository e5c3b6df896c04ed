"""Page tests with Streamlit's AppTest: the real app.py, its navigation and a private store."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


@pytest.fixture(autouse=True)
def _navigation_only(monkeypatch):
    """Run every page through app.py's navigation, as the server does from its start (navigation.serving).

    AppTest resets Streamlit's "automatic pages/ directory" flag before each run and starts no server, so
    the flag is settled here instead.
    """
    original = PagesManager.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        PagesManager.uses_pages_directory = False

    monkeypatch.setattr(PagesManager, "__init__", init)


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Each test starts with empty caches, so no result or connection leaks from another store."""
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def open_page(page: str, lang: str = "en", timeout: float = 60) -> AppTest:
    """Run the app, switch to a page (such as "pages/risks.py") and return the test handle."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["lang"] = lang
    at.run()
    if page != "pages/overview.py":
        at.switch_page(page)
        at.run()
    return at


def filled(db_path: Path, folder: Path, fill) -> Path:
    """Fill the store at `db_path` with `fill(con, folder)` (trackers imported as the PMO does); return it."""
    from pmo_core import store

    con = store.connect(db_path)
    fill(con, folder)
    con.close()
    return db_path


def no_exception(at: AppTest) -> None:
    assert not at.exception, [e.value for e in at.exception]


def heading(at: AppTest) -> str:
    """Return the page heading with its no-break spaces read as spaces (dates never break across lines)."""
    return at.title[0].value.replace("\u00a0", " ")


def written(element) -> pd.DataFrame:
    """Return a table's cells as the page writes them (its display values over the numbers it sorts by)."""
    styler = element.proto.arrow_data.styler
    assert styler.display_values, "the table writes no numbers of its own"
    return pa.ipc.open_stream(styler.display_values).read_all().to_pandas()


def chart_data(at) -> list[pd.DataFrame]:
    """Return every dataset each chart sent to the browser, one frame per chart (its datasets joined)."""
    frames = []
    for element in at.get("vega_lite_chart"):
        blobs = [d.data.data for d in element.proto.datasets if d.data.data]
        frames.append(
            pd.concat([pa.ipc.open_stream(b).read_all().to_pandas() for b in blobs], ignore_index=True)
        )
    return frames


def chart_rows(at: AppTest) -> list[int]:
    """Return the number of data rows of each chart the page sent."""
    sizes = []
    for element in at.get("vega_lite_chart"):
        proto = element.proto
        blobs = [d.data.data for d in proto.datasets] + ([proto.data.data] if proto.HasField("data") else [])
        sizes.append(max(pa.ipc.open_stream(io.BytesIO(b)).read_all().num_rows for b in blobs if b))
    return sizes


def metrics(at: AppTest) -> dict[str, str]:
    """Return each headline card's value by its label."""
    return {m.label: m.value for m in at.metric}
