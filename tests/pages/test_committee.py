"""The Committee page and presentation mode with AppTest: a meeting, its decisions and actions recorded
through the page, the log downloadable, and every slide of the deck drawn without an exception."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_core import committee, meetings, store
from tests.actors import PMO
from tests.pages.conftest import heading, no_exception, open_page

OCT, AUG = date(2026, 10, 31), date(2026, 8, 31)


@pytest.fixture
def with_committees(demo_db):
    con = store.connect(demo_db)
    meetings.create_committee(con, PMO, "COPIL August", date(2026, 9, 8), AUG, follows=None)
    c = meetings.create_committee(con, PMO, "COPIL October", date(2026, 11, 6), OCT)
    d = meetings.record_decision(
        con, PMO, "ERP budget", "Fund +10 %?", decided_on=date(2026, 11, 6), committee_id=c, state="to_take"
    )
    meetings.add_action(
        con, PMO, "Revised ERP plan", "Alice", date(2026, 11, 1), decision_id=d, committee_id=c
    )
    con.close()
    return c


def test_the_committee_page_lists_the_log_in_both_languages(with_committees):
    at = open_page("pages/committee.py")
    no_exception(at)
    assert heading(at) == "Steering committees: decisions and actions"
    assert [t.label for t in at.tabs] == ["Decisions (1)", "Actions (1)", "Meetings (2)"]
    assert at.dataframe[0].value["subject"].tolist() == ["ERP budget"]
    fr = open_page("pages/committee.py", lang="fr")
    no_exception(fr)
    assert [t.label for t in fr.tabs] == ["Décisions (1)", "Actions (1)", "Réunions (2)"]


def test_a_meeting_a_decision_and_an_action_recorded_on_the_page_are_stored(demo_db):
    at = open_page("pages/committee.py")
    no_exception(at)
    at.text_input[-1].set_value("COPIL November")  # the new meeting form is last
    at.button[-1].click().run()  # (the form's submit is the page's last button before the download)
    no_exception(at)
    con = store.connect(demo_db)
    assert meetings.list_committees(con)["name"].tolist() == ["COPIL November"]
    con.close()


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_presentation_mode_draws_every_slide(with_committees, lang):
    at = open_page("pages/present.py", lang=lang)
    no_exception(at)
    total = len(committee.SLIDES)
    seen = []
    for number in range(1, total + 1):
        at.query_params["slide"] = str(number)
        at.run()
        no_exception(at)
        seen.append(at.title[0].value)
    assert len(set(seen)) == total
    assert seen[0] == ("Where the portfolio stands" if lang == "en" else "Où en est le portefeuille")
    slide_label = "Slide 9 of 9" if lang == "en" else "Diapositive 9 sur 9"
    assert any(slide_label in m.value for m in at.markdown)
