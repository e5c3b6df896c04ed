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


def test_the_overview_lists_the_open_action_in_the_committee_pages_words(with_committees):
    for lang, words in (
        ("en", ["⚠ overdue", "Open", "Portfolio"]),
        ("fr", ["⚠ en retard", "Ouverte", "Portefeuille"]),
    ):
        at = open_page("pages/overview.py", lang=lang)
        no_exception(at)
        shown = next(d.value for d in at.dataframe if "title" in d.value.columns)
        assert shown["title"].tolist() == ["Revised ERP plan"] and shown["owner"].tolist() == ["Alice"]
        assert shown[["overdue", "status", "project_code"]].iloc[0].tolist() == words
        assert "action_id" not in shown.columns and "note" not in shown.columns  # the Committee page's own


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
    slide_label = f"Slide {total} of {total}" if lang == "en" else f"Diapositive {total} sur {total}"
    assert any(slide_label in m.value for m in at.markdown)


def alerts_listed(at) -> list[str]:
    """Return the capacity alerts the Overview lists, one sentence a bullet, without their marks."""
    listed = next(m.value for m in at.markdown if m.value.startswith(("- 🔴", "- ⚠️")))
    return [line.split(" ", 2)[2] for line in listed.splitlines()]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_packs_capacity_alerts_are_those_the_overview_lists(demo_db, lang):
    """The same snapshot and filters on the Overview and in the pack give the same alerts, in the same words."""
    import io

    import pypdf
    from pptx import Presentation

    from pmo_core.filters import Filters
    from pmo_core.i18n import t
    from pmo_core.pack import committee_pack
    from pmo_core.pack.layout import status_mark

    at = open_page("pages/overview.py", lang=lang)
    at.multiselect(key="filter_portfolios").set_value(["Industrie"])
    snapshot = next(box for box in at.sidebar.selectbox if box.label == t("sidebar.snapshot", lang))
    snapshot.set_value(date(2026, 9, 30)).run()
    no_exception(at)
    on_overview = alerts_listed(at)
    assert on_overview  # the demo over-allocates teams in this portfolio's months

    def words(text: str) -> str:
        return " ".join(text.split())  # a cell's lines, and no-break spaces, read as spaces

    con = store.connect(demo_db)
    f = Filters(portfolios=("Industrie",), as_of=date(2026, 9, 30))
    deck, pptx = committee_pack(con, "pptx", filters=f, lang=lang)
    pdf = committee_pack(con, "pdf", filters=f, lang=lang)[1]
    con.close()
    number = [s.key for s in deck.slides].index("capacity") + 1  # after the title slide
    page = Presentation(io.BytesIO(pptx)).slides[number]
    assert page.shapes.title.text == t("committee.slide.capacity", lang)
    table = next(shape.table for shape in page.shapes if shape.has_table)
    in_pack = [words(status_mark(row.cells[0].text)[2]) for row in list(table.rows)[1:]]
    assert in_pack[: len(on_overview)] == [words(s) for s in on_overview]
    printed = words(pypdf.PdfReader(io.BytesIO(pdf)).pages[number].extract_text())
    assert all(words(s) in printed for s in on_overview)


def chart_specs(at) -> str:
    return "\n".join(element.proto.spec for element in at.get("vega_lite_chart"))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_only_the_risks_page_tells_its_reader_to_click_the_heatmap(with_committees, lang):
    from pmo_core.i18n import t

    hint = t("risks.heatmap.click", lang)
    risks_page = open_page("pages/risks.py", lang=lang)
    no_exception(risks_page)
    assert hint in chart_specs(risks_page)
    present = open_page("pages/present.py", lang=lang)
    present.query_params["slide"] = str(committee.SLIDES.index("risks") + 1)
    present.run()
    no_exception(present)
    assert t("committee.slide.risks", lang) == present.title[0].value
    drawn = chart_specs(present)
    assert t("risks.heatmap.subtitle", lang, view="").strip() in drawn and hint not in drawn
