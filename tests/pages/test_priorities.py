"""The prioritisation page in AppTest on the demo store: every tab runs, the budget moves the selection,
a scenario is saved, a manual rank is kept with its reason."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from pmo_core import priorities, scenarios, store
from tests.pages.conftest import no_exception, open_page

PAGE = "pages/priorities.py"
TABS = {
    "en": ("Ranking", "Selection under a budget", "Business case", "Scenarios", "Scoring models"),
    "fr": ("Classement", "Sélection sous budget", "Rentabilité", "Scénarios", "Modèles de notation"),
}


def on_tab(at, lang: str, index: int):
    at.session_state[f"prio_tab_{lang}"] = TABS[lang][index]
    return at.run()


def budget_box(at):
    return next(box for box in at.number_input if box.label.startswith("Budget"))


def metric(at, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_tab_runs_in_both_languages(demo_db, lang):
    at = open_page(PAGE, lang)
    no_exception(at)
    assert at.title[0].value == (
        "Which projects should we fund?" if lang == "en" else "Quels projets financer\u00a0?"
    )
    assert len(at.get("vega_lite_chart")) == 2  # contributions, and ranks under two models
    for index in range(1, 5):
        on_tab(at, lang, index)
        no_exception(at)
        assert not at.error, [e.value for e in at.error]


def test_a_smaller_budget_funds_fewer_projects(demo_db):
    at = on_tab(open_page(PAGE), "en", 1)
    assert budget_box(at).value == 30.0  # 60 % of the candidates' 50 M€
    funded = int(metric(at, "Projects funded"))
    budget_box(at).set_value(10.0).run()
    no_exception(at)
    assert int(metric(at, "Projects funded")) < funded
    assert metric(at, "Budget used").startswith("€")
    at.selectbox(key="prio_objective_en").set_value("npv").run()  # maximise the NPV instead of a score
    no_exception(at)
    assert metric(at, "Value of the selection").startswith("€")
    assert len(at.get("vega_lite_chart")) >= 1  # the frontier


def test_a_selection_is_saved_as_a_scenario_and_compared(demo_db):
    at = on_tab(open_page(PAGE), "en", 1)
    at.text_input(key="prio_scenario_name").set_value("Lean")
    at.button[-1].click().run()  # the form's submit button is the last one of the tab
    no_exception(at)
    assert [s.value for s in at.success] == ["Scenario “Lean” saved."]
    on_tab(at, "en", 3)
    no_exception(at)
    assert "Lean" in [m.label for m in at.metric]
    con = store.connect(demo_db)
    try:
        assert list(scenarios.list_scenarios(con)["name"]) == ["Lean"]
    finally:
        con.close()


def test_a_manual_rank_is_kept_with_who_and_why(demo_db):
    at = open_page(PAGE)
    last = at.selectbox(key="prio_override_code").options[-1]
    code = last.split(" · ")[0]
    at.selectbox(key="prio_override_code").set_value(code)
    at.number_input(key="prio_override_rank").set_value(1)
    at.text_input(key="prio_override_reason").set_value("Steering committee of 12 October")
    at.button[0].click().run()
    no_exception(at)
    con = store.connect(demo_db)
    try:
        history = priorities.override_history(con, 1)
    finally:
        con.close()
    assert (history.loc[0, "code"], history.loc[0, "rank"], history.loc[0, "user_name"]) == (
        code,
        1,
        "anonymous",
    )  # open mode: nobody signed in


def test_an_empty_store_says_so(tmp_path, monkeypatch):
    at = open_page(PAGE)
    no_exception(at)
    assert any("The store is empty" in i.value for i in at.info)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_selection_says_what_its_value_and_its_value_per_cost_are_measured_against(demo_db, lang):
    at = on_tab(open_page(PAGE, lang), lang, 1)
    at.selectbox(key=f"prio_objective_{lang}").set_value("npv").run()
    no_exception(at)
    share = next(
        m.proto.delta for m in at.metric if m.label in ("Value of the selection", "Valeur de la sélection")
    )
    assert share.endswith(
        "of the value at unlimited budget" if lang == "en" else "de la valeur à budget illimité"
    )
    table = next(d for d in at.dataframe if "per_million" in d.value.columns)
    data = table.value
    title = json.loads(table.proto.columns)["per_million"]["label"]
    assert title == ("NPV per € spent" if lang == "en" else "VAN par € dépensé")
    # per euro spent, as its header says: the NPV divided by the cost (0.45, not 450,000 per million)
    pd.testing.assert_series_equal(
        data["per_million"], data["value"] / data["cost"], check_names=False, rtol=1e-9
    )
    assert data["per_million"].abs().max() < 20
