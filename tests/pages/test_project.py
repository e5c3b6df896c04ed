"""The Project page run through app.py with AppTest: reached by its URL, in both languages, on the demo store
and on the hand-made two-snapshot store."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pmo_core import formatting, project_detail, store
from pmo_core.filters import Filters
from tests.actors import PMO
from tests.core.overview_store import load_two_snapshots
from tests.pages.conftest import APP, no_exception


def open_project(code: str | None, lang: str = "en") -> AppTest:
    """Open /project?project=CODE as a shared link would."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    if code:
        at.query_params["project"] = code
    at.run()
    at.switch_page("pages/project.py")
    at.run()
    return at


def metrics(at) -> dict[str, str]:
    """Return the figures shown as cards, the statuses included (drawn as bordered blocks: title, then chip)."""
    shown = {m.label: m.value for m in at.metric}
    texts = [m.value for m in at.markdown]
    for title, value in zip(texts, texts[1:], strict=False):
        if title.startswith("**") and value.startswith("#### "):
            shown[title.strip("*")] = value.removeprefix("#### ")
    return shown


def test_a_link_opens_the_project_with_its_figures(demo_db):
    code = "PRJ-2025-023"
    con = store.connect(demo_db)
    ev = project_detail.earned_value(con, code, Filters())
    con.close()
    at = open_project(code)
    no_exception(at)
    assert at.title[0].value == "PRJ-2025-023 · Identity & access management"
    shown = metrics(at)
    assert shown["Status"] == "🔴 Red"
    cpi = next(label for label in shown if label.startswith("CPI · "))
    assert shown[cpi] == formatting.ratio(ev.cpi, "en")
    assert cpi.split(" · ")[1] in {
        "🟢 Green",
        "🟡 Amber",
        "🔴 Red",
    }  # its status in words, not by colour only
    assert shown["Budget (BAC)"] == formatting.money(ev.bac, "en", short=True)
    assert len(at.get("vega_lite_chart")) == 3  # status history, risk matrix, monthly costs
    milestones = next(d.value for d in at.dataframe if "slip" in d.value.columns)
    assert milestones["slip"].tolist() == [0, 9, 50, 48, 56]


def test_the_page_speaks_french(demo_db):
    at = open_project("PRJ-2025-023", lang="fr")
    no_exception(at)
    assert {"Météo", "Valeur acquise (VA)", "Reste à faire (RAF)"} <= set(metrics(at))
    assert [s.value for s in at.subheader][:3] == ["Historique de la météo", "Jalons", "Risques"]


def test_without_a_project_the_page_asks_for_one(demo_db):
    at = open_project(None)
    no_exception(at)
    assert at.info[0].value.startswith("Choose a project")


def test_an_unknown_project_is_said_so(demo_db):
    at = open_project("PRJ-1999-999")
    no_exception(at)
    assert "There is no project PRJ-1999-999" in at.warning[0].value


@pytest.fixture
def two_snapshots(db_path):
    con = store.connect(db_path)
    load_two_snapshots(con)
    con.close()
    return db_path


def test_a_stale_project_warns_and_shows_grey(two_snapshots):
    at = open_project("P3")
    no_exception(at)
    assert "the last update is from 31 Jan 2026, more than 35 days" in at.warning[0].value
    assert {metrics(at)[k] for k in ("Status", "Cost status")} == {"⚪ Not reported"}


def test_choosing_another_project_puts_it_in_the_url(two_snapshots):
    at = open_project("P1")
    at.selectbox(key="project_pick").set_value("P2").run()
    no_exception(at)
    assert at.title[0].value == "P2 · Beta"
    assert at.query_params["project"] == "P2"


def test_a_link_in_french_opens_the_project_in_french(demo_db):
    at = AppTest.from_file(APP, default_timeout=60)  # a new session: nothing chosen yet
    at.query_params["project"] = "PRJ-2025-023"
    at.query_params["lang"] = "fr"
    at.run()
    at.switch_page("pages/project.py")
    at.run()
    no_exception(at)
    assert not at.warning  # the link's language does not clash with the language control's default
    assert [s.value for s in at.subheader][:3] == ["Historique de la météo", "Jalons", "Risques"]
    assert at.session_state["lang"] == "fr"


def test_the_lifecycle_a_tracker_gives_shows_beside_the_phase(db_path, tmp_path):
    from pmo_core import snapshots
    from pmo_core.importer import build_plan, read_files
    from tests import shapes

    rows = [
        ["Project ID", "Project name", "Phase", "Status", "RAG"],
        ["LC-1", "Alpha", "Build", "On hold", "Amber"],
    ]
    path = shapes.save(tmp_path / "lc.xlsx", {"Projects": rows})
    con = store.connect(db_path)
    snapshots.apply_plan(con, build_plan(con, read_files([(path, path.name)])), PMO)
    con.close()
    for lang, shown in (("en", "**Build · On hold**"), ("fr", "**Build · Suspendu**")):
        at = open_project("LC-1", lang)
        no_exception(at)
        assert shown in [m.value for m in at.markdown]
