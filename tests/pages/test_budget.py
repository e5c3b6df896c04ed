"""The Budget page run through app.py with AppTest: the demo store in both languages, controls, the empty store."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pmo_core import budget, evm, formatting, store
from pmo_core.filters import Filters
from tests.pages.conftest import chart_rows, heading, no_exception, open_page

OCT, SEP = date(2026, 10, 31), date(2026, 9, 30)


def reference(db_path, status: date = OCT, method: str = "cpi") -> budget.Totals:
    """Return what pmo_core says of the demo portfolio, to compare with what the page shows."""
    con = store.connect(db_path)
    try:
        return budget.totals(evm.earned_value(con, Filters(), status, method), method)
    finally:
        con.close()


def metrics(at) -> dict[str, str]:
    return {m.label.split(" · ")[0]: m.value for m in at.metric}


def test_page_shows_earned_value_charts_and_tables_of_the_demo(demo_db):
    expected = reference(demo_db)
    at = open_page("pages/budget.py")
    no_exception(at)
    assert heading(at).endswith("Status on 31 October 2026")
    shown = metrics(at)
    assert shown["Budget (BAC)"] == formatting.money(expected.bac, "en", short=True)
    assert shown["Actual cost (AC)"] == formatting.money(expected.ac, "en", short=True)
    assert shown["CPI"] == formatting.ratio(expected.cpi, "en")
    assert shown["Forecast (EAC)"] == formatting.money(expected.eac, "en", short=True)
    # S-curve, monthly picture and variance ranking; each gets aggregated rows, not raw lines
    sizes = chart_rows(at)
    assert len(sizes) == 3 and max(sizes) < 200
    variance = next(d for d in at.dataframe if "overrun_pct" in d.value.columns)
    assert len(variance.value) == expected.n_projects
    assert pd.api.types.is_float_dtype(variance.value["cpi"])  # sorted as numbers, written as chips
    assert [t.label for t in at.tabs][1].startswith("Alerts (")
    deltas = [m.proto.delta for m in at.metric]
    assert len(deltas) == 8 and all(deltas)  # every card says its change, so the rows of cards stay level
    assert not [d for d in deltas if d.lstrip("+-") in ("€0", "0.00")]  # no change reads "±0", never "+€0"


def test_only_the_open_tab_is_drawn(demo_db):
    """A tab nobody opened costs the server nothing: its tables and charts are drawn once it is chosen."""
    at = open_page("pages/budget.py")
    labels = [t.label for t in at.tabs]
    assert any("overrun_pct" in d.value.columns for d in at.dataframe)  # the variances, open first
    drawn = len(chart_rows(at))
    at.session_state["budget_tab_en"] = labels[3]  # the allocation tab
    at.run()
    no_exception(at)
    assert not any("overrun_pct" in d.value.columns for d in at.dataframe)  # the variances are not drawn now
    assert len(chart_rows(at)) == drawn  # the variance ranking went, the allocation came
    at.session_state["budget_tab_en"] = labels[1]  # the alerts
    at.run()
    no_exception(at)
    assert len(chart_rows(at)) == drawn - 1  # the S-curve and the monthly picture only


def test_page_speaks_french(demo_db):
    expected = reference(demo_db)
    at = open_page("pages/budget.py", lang="fr")
    no_exception(at)
    assert heading(at).endswith("Situation au 31 octobre 2026")
    shown = metrics(at)
    assert shown["CPI"] == formatting.ratio(expected.cpi, "fr") and "," in shown["CPI"]
    assert shown["Atterrissage (EAC)"].endswith("M€")
    assert [t.label for t in at.tabs][0] == "Écarts"


def test_status_date_and_method_change_the_figures(demo_db):
    at = open_page("pages/budget.py")
    at.selectbox(key=f"budget_status_date_{OCT}.en").set_value(SEP).run()
    no_exception(at)
    assert heading(at).endswith("Status on 30 September 2026")
    assert metrics(at)["Actual cost (AC)"] == formatting.money(reference(demo_db, SEP).ac, "en", short=True)
    at.selectbox(key="budget_method.en").set_value("atypical").run()
    no_exception(at)
    atypical = reference(demo_db, SEP, "atypical")
    assert metrics(at)["Forecast (EAC)"] == formatting.money(atypical.eac, "en", short=True)
    # switching language keeps both choices and writes them in French
    at.session_state["lang"] = "fr"
    at.run()
    no_exception(at)
    assert heading(at).endswith("Situation au 30 septembre 2026")
    assert at.selectbox(key=f"budget_status_date_{OCT}.fr").value == SEP
    assert at.selectbox(key="budget_method.fr").value == "atypical"


def test_an_empty_store_says_so(db_path):
    at = open_page("pages/budget.py")
    no_exception(at)
    assert any("The store is empty" in i.value for i in at.info)
    assert not at.metric
