"""A committee opens the app at once: what does not depend on the session (the frame's settings, snapshots and
filter values, the pages' query results) is computed once per data version and shared by every session,
and an import or a rollback makes the next run compute it anew."""

from __future__ import annotations

import copy
import functools

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages.ui import common
from pmo_core import committee, snapshots, store
from tests.actors import PMO
from tests.pages.conftest import no_exception, open_page


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Record every time the frame's reads or the overview's project table are computed, by name."""
    calls: list[str] = []

    def counted(name, original):
        def run(*args, **kwargs):
            calls.append(name)
            return original(*args, **kwargs)

        return run

    for name, original in list(common._FRAME_READS.items()):
        monkeypatch.setitem(common._FRAME_READS, name, counted(name, original))
    # the Overview's project table, its trends since the last committee's snapshot
    monkeypatch.setattr(committee, "project_table", counted("project_table", committee.project_table))
    return calls


def snapshot_choices(at) -> list:
    return at.selectbox(key="filter_snapshot_en").options


def test_a_second_session_reuses_what_the_first_computed(demo_db, reads):
    first = open_page("pages/overview.py")
    no_exception(first)
    assert {"settings", "snapshots", "filter_options", "project_table"} <= set(reads)
    computed = len(reads)
    second = open_page("pages/overview.py")  # another person, a new session, the same data
    no_exception(second)
    assert len(reads) == computed  # nothing computed again
    assert snapshot_choices(second) == snapshot_choices(first)
    assert second.metric[0].value == first.metric[0].value


def test_a_rollback_makes_the_next_session_compute_anew(demo_db, reads):
    before = open_page("pages/overview.py")
    no_exception(before)
    computed = len(reads)
    con = store.connect(demo_db)
    latest = con.execute("SELECT max(batch_id) FROM batches").fetchone()[0]
    snapshots.rollback(con, latest, PMO)  # the newest snapshot goes: every shared result is out of date
    con.close()
    after = open_page("pages/overview.py")
    no_exception(after)
    assert {"settings", "snapshots", "filter_options", "project_table"} <= set(reads[computed:])
    assert len(snapshot_choices(after)) == len(snapshot_choices(before)) - 1


def test_a_changed_setting_reaches_the_next_session(demo_db, reads):
    from pmo_core import settings

    open_page("pages/overview.py")
    con = store.connect(demo_db)
    settings.put(con, "reporting_period_days", 20, PMO)
    version = (*snapshots.data_version(con), False)
    con.close()
    computed = len(reads)
    at = open_page("pages/overview.py")
    no_exception(at)
    assert "settings" in reads[computed:]
    assert common.shared_read(version, "settings")["reporting_period_days"] == 20


def test_a_chart_is_validated_and_converted_once_for_every_session(demo_db, monkeypatch):
    """Drawing an Altair chart validates its whole specification: the second session draws the same charts
    from the specifications the first one made; other data (after a rollback) makes new ones."""
    made = []
    convert = common._altair_to_vega_lite

    def counted(figure):
        made.append(figure)
        return convert(figure)

    monkeypatch.setattr(common, "_altair_to_vega_lite", counted)
    common._chart_specs.clear()
    first = open_page("pages/overview.py")
    no_exception(first)
    charts_drawn = len(first.get("vega_lite_chart"))
    assert charts_drawn >= 3 and len(made) == charts_drawn
    second = open_page("pages/overview.py")
    no_exception(second)
    assert len(made) == charts_drawn  # none made again
    assert [c.proto.spec for c in second.get("vega_lite_chart")] == [
        c.proto.spec for c in first.get("vega_lite_chart")
    ]
    french = open_page("pages/overview.py", lang="fr")  # French numbers and dates: other specifications
    no_exception(french)
    assert len(made) > charts_drawn
    con = store.connect(demo_db)
    snapshots.rollback(con, con.execute("SELECT max(batch_id) FROM batches").fetchone()[0], PMO)
    con.close()
    before = len(made)
    after = open_page("pages/overview.py")
    no_exception(after)
    assert len(made) > before  # the charts of the state before the last import are other charts


def test_the_chart_specifications_kept_are_bounded(demo_db, monkeypatch):
    monkeypatch.setattr(common, "CHART_SPECS", 2)
    common._chart_specs.clear()
    open_page("pages/overview.py")
    assert len(common._chart_specs) == 2


@pytest.fixture
def built(monkeypatch) -> list[str]:
    """Record every time one of the Overview's chart functions builds an Altair chart, by name."""
    from pmo_core.charts import portfolio as chart_functions

    calls: list[str] = []
    for name in ("roadmap_chart", "bubble_chart", "trend_chart"):
        original = getattr(chart_functions, name)

        @functools.wraps(original)
        def counted(*args, _name=name, _original=original, **kwargs):
            calls.append(_name)
            return _original(*args, **kwargs)

        monkeypatch.setattr(chart_functions, name, counted)
    common._chart_specs.clear()
    return calls


def _specs(at) -> list[str]:
    return [c.proto.spec for c in at.get("vega_lite_chart")]


def test_a_second_session_does_not_build_the_charts_at_all(demo_db, built):
    """Building and writing an Altair chart was the largest share of a warm run: the second session finds
    each chart's finished specification by its function and inputs, and never calls the chart function."""
    first = open_page("pages/overview.py")
    no_exception(first)
    assert {"roadmap_chart", "bubble_chart", "trend_chart"} <= set(built)
    count = len(built)
    second = open_page("pages/overview.py")
    no_exception(second)
    assert len(built) == count  # no chart built again
    assert _specs(second) == _specs(first)


def test_another_language_or_other_data_builds_other_charts(demo_db, built):
    first = open_page("pages/overview.py")
    count = len(built)
    french = open_page("pages/overview.py", lang="fr")
    no_exception(french)
    assert len(built) > count and _specs(french) != _specs(first)  # French numbers and dates
    con = store.connect(demo_db)
    snapshots.rollback(con, con.execute("SELECT max(batch_id) FROM batches").fetchone()[0], PMO)
    con.close()
    count = len(built)
    after = open_page("pages/overview.py")
    no_exception(after)
    assert len(built) > count and _specs(after) != _specs(first)  # the state before the last import


def test_the_digest_of_a_chart_function_inputs_tells_values_apart():
    frame = pd.DataFrame({"code": ["P1", "P2"], "cost": [1.0, 2.0]})
    key = functools.partial(common._inputs_key, common.chart, language="en")
    assert key(((frame, "en"), {})) == key(((frame.copy(), "en"), {}))
    assert key(((frame.assign(cost=[1.0, 2.5]), "en"), {})) != key(((frame, "en"), {}))
    assert key(((frame.rename(columns={"cost": "budget"}), "en"), {})) != key(((frame, "en"), {}))
    assert key(((frame.astype({"cost": "int64"}), "en"), {})) != key(((frame, "en"), {}))
    assert key(((frame, "en"), {"title": "A"})) != key(((frame, "en"), {"title": "B"}))
    assert common._inputs_key(common.chart, ((frame,), {}), "fr") != key(((frame,), {}))
    assert key(((pd.DataFrame({"tags": [[1], [2]]}),), {})) is None  # unreadable: found by content instead


def test_drawing_leaves_the_kept_specification_as_it_was():
    """The specification handed to Streamlit is copied only where Streamlit writes to it; the kept one,
    which every session draws from, stays whole (its data, a null legend title)."""
    kept = {
        "datasets": {"d1": b"arrow"},
        "data": {"name": "d1"},
        "encoding": {"color": {"field": "status", "title": None, "legend": {"title": None}}},
        "mark": "bar",
    }
    before = copy.deepcopy(kept)
    at = AppTest.from_function(_draw_twice, args=(kept,))
    at.run()
    assert not at.exception
    assert len(at.get("vega_lite_chart")) == 2
    assert kept == before


def _draw_twice(kept):
    import streamlit as st

    from pages.ui import common

    st.vega_lite_chart(common._handed_out(kept))
    st.vega_lite_chart(common._handed_out(kept))


def test_a_table_is_written_once_for_every_session_in_each_language(demo_db, monkeypatch):
    """Writing every number of a table in the page's language was done cell by cell on every draw: the
    second session finds the first one's words; French is written anew, and reads as French."""
    from pmo_core import formatting

    written: list[str] = []
    original = formatting.writer

    def counted_writer(table_format, lang, step=None):
        write = original(table_format, lang, step)

        def counted(value):
            written.append(lang)
            return write(value)

        return counted if write else None

    monkeypatch.setattr(formatting, "writer", counted_writer)
    monkeypatch.setattr(common, "_writings", type(common._writings)())
    first = open_page("pages/budget.py")
    no_exception(first)
    assert written.count("en") > 100  # the variance table's figures, among others
    done = len(written)
    second = open_page("pages/budget.py")
    no_exception(second)
    assert len(written) == done  # not one number written again
    tables = [written_cells(a) for a in (first, second)]
    assert tables[0].equals(tables[1])
    french = open_page("pages/budget.py", lang="fr")
    no_exception(french)
    assert written.count("fr") > 100
    assert not written_cells(french).equals(tables[0])


def written_cells(at):
    from tests.pages.conftest import written

    return written(next(d for d in at.dataframe if "overrun_pct" in d.value.columns))


def test_the_overview_names_its_charts_by_what_their_inputs_come_from(demo_db, built, monkeypatch):
    """A warm run of the Overview finds its charts by the data version and filters of their inputs: no frame
    is hashed to find them (that hashing was a tenth of a warm run), and they are the charts drawn before."""
    first = open_page("pages/overview.py")
    hashed: list[type] = []
    digest = common._digest

    def counted(value, into):
        hashed.append(type(value))
        digest(value, into)

    monkeypatch.setattr(common, "_digest", counted)
    second = open_page("pages/overview.py")
    no_exception(second)
    assert pd.DataFrame not in hashed and pd.Series not in hashed
    assert _specs(second) == _specs(first)
