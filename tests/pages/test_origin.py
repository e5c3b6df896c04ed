"""Where a figure comes from, on the project page (AppTest): the French tracker of tests/traced.py imported for
September then October; the picker opens a budget, a month of costs and a date to their cells, in English and
in French, and a viewer from whom costs are hidden is offered no amount."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from pmo_core import accounts, settings, store
from tests import traced
from tests.actors import ADMIN
from tests.pages.conftest import APP, filled, no_exception

PASSWORD = "correct horse battery"


@pytest.fixture
def traced_db(db_path, tmp_path):
    return filled(db_path, tmp_path, traced.import_months)


def project_page(lang: str = "en", at: AppTest | None = None, code: str = "IND-01") -> AppTest:
    if at is None:
        at = AppTest.from_file(APP, default_timeout=60)
        at.session_state["lang"] = lang
    at.query_params["project"] = code
    at.run()
    at.switch_page("pages/project.py")
    at.run()
    no_exception(at)
    return at


def origin_texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def test_the_picker_opens_a_budget_to_its_cell_and_earlier_value(traced_db):
    at = project_page()
    assert at.expander[0].label == "Where a figure comes from"
    texts = origin_texts(at)
    assert (
        "**Budget at completion €1,450,000 — suivi\\_octobre\\.xlsx, sheet Portefeuille, cell F5, "
        "typed “1 450 k€”" in texts
    )
    assert "was €1,400,000 on 30 Sep 2026\\.**" in texts
    assert "- The unit in the cell, “k”, multiplies by 1,000\\." in texts
    history = at.dataframe[0].value
    assert list(history["Value"]) == ["€1,450,000", "€1,400,000"]
    assert list(history["Typed"]) == ["1 450 k€", "1 400 k€"]
    assert list(history["File"]) == [traced.OCTOBER, traced.SEPTEMBER]


def test_any_row_and_figure_of_the_project_opens(traced_db):
    at = project_page()
    rows = at.selectbox(key="project_figure_row")
    assert "Cost line · 2026-03 CAPEX" in rows.options and "The project itself" in rows.options
    rows.set_value(("costs", "2026-03 CAPEX")).run()
    at.selectbox(key="project_figure_field_costs").set_value("actual").run()
    no_exception(at)
    texts = origin_texts(at)
    assert "sheet Consommé, cell E4, typed “18,25”" in texts
    assert "- Sheet **Consommé**, cell **E4** (column mars\\-26), typed “18,25”" in texts
    at.selectbox(key="project_figure_row").set_value(("projects", "")).run()
    at.selectbox(key="project_figure_field_projects").set_value("forecast_end").run()
    assert "cell E5, typed “15/03/2027”" in origin_texts(at)


def test_in_french(traced_db):
    at = project_page("fr")
    assert at.expander[0].label == "D'où vient un chiffre"
    texts = origin_texts(at)
    assert "feuille Portefeuille, cellule F5, saisi «\u00a01 450 k€\u00a0»" in texts
    assert "valait 1\u202f400\u202f000\u00a0€ au 30/09/2026" in texts
    assert "Import n° 2 (situation au 31/10/2026)" in texts


def test_a_viewer_from_whom_costs_are_hidden_is_offered_no_amount(traced_db, monkeypatch):
    monkeypatch.setenv("PMO_AUTH", "accounts")
    monkeypatch.setattr(accounts.time, "sleep", lambda seconds: None)
    con = store.connect(traced_db)
    accounts.add_user(con, ADMIN, "vera", "viewer", PASSWORD)
    settings.put(con, "hide_costs_from_viewers", "yes", ADMIN)
    con.close()
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = "en"
    at.run()
    at.text_input[0].input("vera")
    at.text_input[1].input(PASSWORD)
    next(b for b in at.button if b.label == "Sign in").click().run()
    at = project_page(at=at)
    fields = at.selectbox(key="project_figure_field_projects").options
    assert "Budget at completion" not in fields and "Forecast end" in fields
    assert "1 450 k€" not in origin_texts(at)
