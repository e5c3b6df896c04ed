"""The Risks, Budget and Project pages measure their changes from the snapshot the last committee reviewed, as
the Overview and the pack do, and say so; without a committee, from the previous snapshot (issue 14, point 1).

The store (tests/core/review_store.py): one project on three snapshots; a committee reviewed January.
"""

from __future__ import annotations

import pytest

from pmo_core import formatting, store
from tests.core.review_store import FEB, JAN, load_three_snapshots
from tests.pages.conftest import no_exception, open_page


def _store(db_path, committee: bool):
    con = store.connect(db_path)
    load_three_snapshots(con, committee=committee)
    con.close()
    return db_path


@pytest.fixture
def reviewed(db_path):
    return _store(db_path, committee=True)


@pytest.fixture
def unreviewed(db_path):
    return _store(db_path, committee=False)


def cards(at) -> dict[str, tuple[str, str]]:
    """Return each card's change and help by its label (the status word after " · " left out)."""
    return {m.label.split(" · ")[0]: (m.proto.delta, m.proto.help) for m in at.metric}


def gained(amount: float, lang: str = "en") -> str:
    return "+" + formatting.money(amount, lang, short=True)


COMMITTEE_EN = "Changes since the snapshot of 31 Jan 2026, reviewed by “COPIL January”."
PREVIOUS_EN = "Changes since the previous snapshot of 28 Feb 2026."


def test_risk_changes_are_since_the_committees_snapshot(reviewed):
    at = open_page("pages/risks.py")
    no_exception(at)
    shown = cards(at)
    # 4 open critical risks in March, 1 in January (the committee's snapshot), 2 in February
    assert shown["Risks"][0] == "+3" and shown["Critical"][0] == "+3"
    assert shown["Risks"][1] == COMMITTEE_EN
    at.session_state["risks_tab_en"] = at.tabs[1].label  # the committee's tab holds the movement
    at.run()
    no_exception(at)
    assert at.selectbox(key="risk_since.en").value == JAN  # its default; the others stay offered
    assert at.selectbox(key="risk_since.en").options == ["28 Feb 2026", "31 Jan 2026"]
    assert [m.value for m in at.metric if m.label == "New"] == ["3"]  # R2, R3 and R4, new since January


def test_risk_changes_without_a_committee_are_since_the_previous_snapshot(unreviewed):
    at = open_page("pages/risks.py")
    no_exception(at)
    shown = cards(at)
    assert shown["Risks"] == ("+2", PREVIOUS_EN)
    at.session_state["risks_tab_en"] = at.tabs[1].label
    at.run()
    assert at.selectbox(key="risk_since.en").value == FEB


def test_risk_changes_say_so_in_french(reviewed):
    at = open_page("pages/risks.py", lang="fr")
    no_exception(at)
    delta, words = cards(at)["Risques"]
    assert delta == "+3"
    assert words == "Évolutions depuis l'instantané du 31/01/2026, revu par «\u00a0COPIL January\u00a0»."


def test_budget_changes_are_since_the_committees_snapshot(reviewed):
    at = open_page("pages/budget.py")
    no_exception(at)
    delta, words = cards(at)["Budget (BAC)"]
    assert delta == gained(50_000)  # 150 000 in March against 100 000 in January, not 120 000 in February
    assert words.endswith(f"{COMMITTEE_EN[:-1]}, its figures at its own status date, 31 Jan 2026.")


def test_budget_changes_without_a_committee_are_since_the_previous_snapshot(unreviewed):
    at = open_page("pages/budget.py", lang="fr")
    no_exception(at)
    delta, words = cards(at)["Budget (BAC)"]
    assert delta == gained(30_000, "fr")
    assert "Évolutions depuis l'instantané précédent du 28/02/2026, ses chiffres à sa propre date" in words


def project_page(lang: str = "en"):
    at = open_page("pages/overview.py", lang=lang)
    at.query_params["project"] = "P1"
    at.switch_page("pages/project.py")
    at.run()
    no_exception(at)
    return at


def test_the_project_trend_is_since_the_committees_snapshot(reviewed):
    # Alpha was red in January (the committee's snapshot), green in February and March
    assert any("↑ better" in m.value for m in project_page().markdown)


def test_the_project_trend_without_a_committee_is_since_the_previous_snapshot(unreviewed):
    assert not any("↑" in m.value for m in project_page().markdown)  # green then green: no arrow


def test_the_compliance_change_is_since_the_committees_snapshot(reviewed):
    at = open_page("pages/governance.py")
    no_exception(at)
    shown = cards(at)
    assert shown["Compliance"][1].endswith(COMMITTEE_EN)
    assert shown["Rules broken"][1].endswith(COMMITTEE_EN)


def test_the_overview_says_since_when_beside_the_snapshot_and_filters(reviewed):
    at = open_page("pages/overview.py")
    no_exception(at)
    caption = at.caption[0]
    assert caption.value.endswith(f"Filters: none · {COMMITTEE_EN[:-1]}")  # one line under the title
    assert caption.proto.help.startswith("Forecast (EAC) = AC + (BAC − EV) / CPI")  # the definitions
