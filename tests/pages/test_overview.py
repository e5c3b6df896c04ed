"""The Overview page run through app.py with AppTest: on the demo store, in both languages, and on the
hand-made two-snapshot store where a stale project must show Grey."""

from __future__ import annotations

import io
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pandas as pd
import pyarrow as pa
import pytest

from pmo_core import portfolio, store
from pmo_core.filters import Filters
from tests.core.overview_store import load_two_snapshots
from tests.pages.conftest import heading, no_exception, open_page


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def chart_rows(at) -> list[int]:
    """Return the number of data rows each chart sent to the browser."""
    sizes = []
    for element in at.get("vega_lite_chart"):
        blobs = [d.data.data for d in element.proto.datasets]
        sizes.append(max(pa.ipc.open_stream(io.BytesIO(b)).read_all().num_rows for b in blobs if b))
    return sizes


def project_table_of(at):
    return next(d.value for d in at.dataframe if "link" in d.value.columns and "percent" in d.value.columns)


def codes_of(links: pd.Series) -> pd.Series:
    """Return the project each page address names (project?project=CODE&lang=en)."""
    return links.map(lambda link: parse_qs(urlsplit(link).query)["project"][0])


def test_overview_on_the_demo_shows_figures_table_and_charts(demo_db):
    con = store.connect(demo_db)
    expected = portfolio.project_table(con, Filters())
    con.close()
    at = open_page("pages/overview.py")
    no_exception(at)
    assert heading(at) == "Where does the portfolio stand on 31 October 2026?"
    shown = metrics(at)
    counts = expected["status"].value_counts()
    assert shown["Active projects"] == str(len(expected))
    assert shown["🔴 Red"] == str(counts["red"]) and shown["⚪ Not reported"] == str(counts["grey"])
    table = project_table_of(at)
    assert len(table) == len(expected)
    assert {frame.proto.placeholder for frame in at.dataframe} == {"—"}  # an empty cell is a dash, not "None"
    assert table["status"].iloc[0].startswith("🔴 Red")  # worst first
    # the two projects that stopped reporting in July show Grey, not their old colour
    stale = expected.loc[expected["stale"], "code"].tolist()
    assert len(stale) == 2
    assert set(table.loc[codes_of(table["link"]).isin(stale), "status"].str[:13]) == {"⚪ Not reporte"}
    assert table["link"].str.endswith("&lang=en").all()  # a link opened in a new tab keeps the language
    rows = chart_rows(at)
    assert len(rows) == 3 and max(rows) <= 5000  # roadmap, bubbles, trend; aggregated before sending


def test_overview_speaks_french(demo_db):
    at = open_page("pages/overview.py", lang="fr")
    no_exception(at)
    assert heading(at) == "Où en est le portefeuille au 31 octobre 2026 ?"
    assert {"Projets actifs", "Risques critiques", "🔴 Rouge", "⚪ Non renseigné"} <= set(metrics(at))
    assert project_table_of(at)["status"].iloc[0].startswith("🔴 Rouge")
    assert project_table_of(at)["link"].str.endswith("&lang=fr").all()


def test_choosing_a_project_opens_its_page(demo_db):
    at = open_page("pages/overview.py")
    code = codes_of(project_table_of(at)["link"]).iloc[0]
    at.selectbox(key="overview_pick_0").set_value(code).run()
    no_exception(at)
    assert at.title[0].value.startswith(f"{code} · ")
    assert at.query_params["project"] == code  # the address names the project, so it can be shared


@pytest.fixture
def two_snapshots(db_path):
    con = store.connect(db_path)
    load_two_snapshots(con)
    con.close()
    return db_path


def test_a_stale_project_shows_grey_and_the_changes_since_january(two_snapshots):
    at = open_page("pages/overview.py")
    no_exception(at)
    table = project_table_of(at).set_index("name")
    # Gamma was restated in March with its January update: 59 days old, beyond the 35-day period
    assert table.loc["Gamma", "status"] == "⚪ Not reported"
    assert table.loc["Alpha", "status"] == "🔴 Red ↓" and table.loc["Epsilon", "status"] == "🟡 Amber ✱"
    shown = metrics(at)
    assert (shown["⚪ Not reported"], shown["Critical risks"], shown["Late projects"]) == ("1", "2", "2")
    tabs = [t.label for t in at.tabs]
    assert (
        "Status changes (3)" in tabs
        and "New and closed projects (2)" in tabs
        and "Milestone slips (2)" in tabs
    )


def test_sidebar_filters_and_an_earlier_snapshot_apply(demo_db):
    at = open_page("pages/overview.py")
    at.multiselect(key="filter_portfolios").set_value(["Industrie"])
    snapshot = next(box for box in at.sidebar.selectbox if box.label == "Snapshot")  # its key is the shell's
    snapshot.set_value(date(2026, 9, 30)).run()
    no_exception(at)
    con = store.connect(demo_db)
    expected = portfolio.project_table(con, Filters(portfolios=("Industrie",), as_of=date(2026, 9, 30)))
    con.close()
    assert heading(at) == "Where does the portfolio stand on 30 September 2026?"
    table = project_table_of(at)
    assert sorted(codes_of(table["link"])) == sorted(expected["code"])
    assert metrics(at)["Active projects"] == str(len(expected))
    # what changed compares with the snapshot before the one viewed
    assert at.selectbox(key="overview_since_en").value == date(2026, 8, 31)
