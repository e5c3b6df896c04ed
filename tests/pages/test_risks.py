"""The Risks page and the risk-scoring section of Settings, run through app.py with AppTest on the demo store."""

from __future__ import annotations

from pages.ui import common
from pmo_core import risks, settings, store
from pmo_core.filters import Filters
from tests.actors import PMO
from tests.pages.conftest import chart_rows, heading, metrics, no_exception, open_page


def _reference(db_path, rf: risks.RiskFilter = risks.RiskFilter()) -> tuple[risks.RiskSummary, object]:
    """Return what pmo_core says of the current state, to compare with what the page shows."""
    con = store.connect(db_path)
    try:
        return risks.risk_summary(con, Filters(), rf), risks.heatmap(con, Filters(), rf)
    finally:
        con.close()


def test_page_shows_figures_heatmap_and_register_of_the_open_risks(demo_db):
    summary, _ = _reference(demo_db)
    at = open_page("pages/risks.py")
    no_exception(at)
    assert heading(at) == "Which risks threaten the portfolio on 31 October 2026?"
    shown = metrics(at)
    assert shown["Risks"] == f"{summary.risks:,}" and shown["Critical"] == str(summary.critical)
    assert chart_rows(at)[0] == 25  # the heatmap gets its 25 cells, not one row per risk
    register = next(d.value for d in at.dataframe if "code" in d.value.columns and len(d.value) > 25)
    assert len(register) == min(summary.risks, common.PAGE_ROWS)  # its first page; the pager turns the others
    assert set(register["status"]) <= {"Open", "In treatment"}


def test_choosing_a_cell_lists_its_risks(demo_db):
    _, cells = _reference(demo_db)
    expected = int(cells.loc[(cells.probability == 4) & (cells.impact == 5), "risks"].item())
    at = open_page("pages/risks.py")
    at.selectbox(key="risk_cell_p.en").set_value(4)
    at.selectbox(key="risk_cell_i.en").set_value(5).run()
    no_exception(at)
    assert any(
        f"Probability 4 x impact 5: Critical, score 20, {expected} {'risk' if expected == 1 else 'risks'}"
        in m.value
        for m in at.markdown
    )
    listed = at.dataframe[0].value
    assert len(listed) == expected
    assert list(listed.columns[:4]) == ["overdue", "title", "project_name", "owner"]


def test_closed_risks_join_when_the_status_filter_allows_them(demo_db):
    everything, _ = _reference(demo_db, risks.RiskFilter(statuses=()))
    at = open_page("pages/risks.py")
    at.multiselect(key="risk_statuses.en").set_value([]).run()
    no_exception(at)
    assert metrics(at)["Risks"] == f"{everything.risks:,}"  # closed ones included


def test_french_page_keeps_the_chosen_cell_and_filters_across_the_language_switch(demo_db):
    at = open_page("pages/risks.py")
    at.selectbox(key="risk_cell_p.en").set_value(3)
    at.selectbox(key="risk_cell_i.en").set_value(5).run()
    at.session_state["lang"] = "fr"
    at.run()
    no_exception(at)
    assert heading(at) == "Quels risques menacent le portefeuille au 31 octobre 2026 ?"
    assert at.selectbox(key="risk_cell_p.fr").value == 3
    assert at.multiselect(key="risk_statuses.fr").value == ["open", "in_treatment"]
    assert any("Probabilité 3 x impact 5\u00a0: Élevé, criticité 15" in m.value for m in at.markdown)
    at.session_state["risks_tab_fr"] = at.tabs[1].label  # the committee's tab holds the movement
    at.run()
    assert {"Nouveaux", "Aggravés", "Atténués", "Clos"} <= set(metrics(at))


def test_a_band_edit_reaches_the_risk_page_and_the_settings_page_resets_it(demo_db):
    con = store.connect(demo_db)
    risks.set_band(con, 4, 5, "high", PMO)  # the organisation decides that 4 x 5 is only high
    risks.set_band(con, 5, 5, "high", PMO)  # and a slip: 5 x 5 now sits below 5 x 4 (critical)
    con.close()
    at = open_page("pages/risks.py")
    at.selectbox(key="risk_cell_p.en").set_value(4)
    at.selectbox(key="risk_cell_i.en").set_value(5).run()
    assert any("Probability 4 x impact 5: High, score 20" in m.value for m in at.markdown)
    at = open_page("pages/settings.py")
    no_exception(at)
    assert any("lower probability and impact: 5 x 5" in w.value for w in at.warning)
    at.button(key="risk_band_reset").click().run()
    no_exception(at)
    assert any("2 cells changed" in s.value for s in at.success)
    assert not at.warning


def test_settings_page_stores_probability_fractions_and_refuses_decreasing_ones(demo_db):
    at = open_page("pages/settings.py")
    at.number_input(key="risk_fraction_5").set_value(0.95)
    at.button(key="risk_fractions_save").click().run()
    no_exception(at)
    assert any("Probability fractions saved" in s.value for s in at.success)
    at.number_input(key="risk_fraction_1").set_value(0.8)
    at.button(key="risk_fractions_save").click().run()
    assert any("at least the one below" in e.value for e in at.error)
    con = store.connect(demo_db)
    assert settings.get(con, "probability_fractions") == (0.1, 0.3, 0.5, 0.7, 0.95)
    con.close()


def test_empty_store_says_so(db_path):
    at = open_page("pages/risks.py")
    no_exception(at)
    assert at.info and not at.get("vega_lite_chart")
