"""The Governance page, the Overview's data-quality panel and the governance sections of Settings, with AppTest."""

from __future__ import annotations

from pmo_core import compliance, glossary, governance, store
from pmo_core.governance import RuleState
from tests.actors import PMO
from tests.core import governance_store
from tests.pages.conftest import heading, no_exception, open_page
from tests.pages.test_access_pages import accounts_mode, demo_accounts, hide_costs, signed_in  # noqa: F401


def metrics(at) -> dict[str, str]:
    return {m.label: m.value for m in at.metric}


def table_with(at, column: str):
    """Return the first table that has this column (the chase list: missing; projects: percent; glossary: term)."""
    return next(d.value for d in at.dataframe if column in d.value.columns)


def test_the_governance_page_shows_compliance_and_whom_to_chase_on_the_demo(demo_db):
    con = store.connect(demo_db)
    expected = compliance.compliance(con)
    con.close()
    at = open_page("pages/governance.py")
    no_exception(at)
    assert heading(at) == "Are projects following the PMO's rules on 31 October 2026?"
    shown = metrics(at)
    assert shown["Compliance"] == f"{round(expected.score * 100)}%"
    compliant = int((expected.projects["broken"] == 0).sum())
    assert shown["Projects fully compliant"] == f"{compliant} of {len(expected.projects)}"
    assert shown["Rules broken"] == str(len(expected.breaches))
    chase = table_with(at, "days")
    assert len(chase) == len(expected.breaches)
    assert chase["manager"].tolist() == sorted(chase["manager"])  # grouped by manager
    assert table_with(at, "percent")["percent"].iloc[0] < 100  # least compliant first
    assert len(at.get("vega_lite_chart")) == 2  # the roll-up and the trend
    at.selectbox(key="governance_email_manager_en").set_value("Thomas Martin").run()
    email = at.code[0].value
    assert "Hello Thomas Martin," in email and "Packaging line upgrade" in email
    assert email.count("\n- ") == int((chase["manager"] == "Thomas Martin").sum())


def test_long_lists_draw_their_first_rows_and_say_so(demo_db, monkeypatch):
    """Each drawn row costs its share of every run: thousands of gaps are listed up to a bound, and the page
    says how many there are (the Excel list and the e-mails hold them all)."""
    from pages.ui import governance as governance_ui

    con = store.connect(demo_db)
    expected = compliance.compliance(con)
    con.close()
    assert len(expected.breaches) > 3 and len(expected.projects) > 3
    monkeypatch.setattr(governance_ui, "LISTED_ROWS", 3)
    at = open_page("pages/governance.py")
    no_exception(at)
    assert len(table_with(at, "days")) == 3 and len(table_with(at, "percent")) == 3
    captions = [c.value for c in at.caption]
    assert (
        f"The first 3 of {len(expected.breaches)} gaps are listed, manager by manager; the Excel list holds them all."
        in captions
    )
    assert f"The 3 least compliant projects of {len(expected.projects)} are shown." in captions
    assert metrics(at)["Rules broken"] == str(len(expected.breaches))  # the figures count every gap


def test_the_governance_page_speaks_french(demo_db):
    at = open_page("pages/governance.py", lang="fr")
    no_exception(at)
    assert heading(at) == "Les projets respectent-ils les règles du PMO au 31 octobre 2026 ?"
    assert {"Conformité", "Projets conformes", "Règles non respectées", "Chefs à relancer"} <= set(
        metrics(at)
    )
    missing = table_with(at, "days")["missing"]
    assert missing.str.contains("Risques revus pour la dernière fois le").any()
    terms = table_with(at, "other").set_index("term")  # the demo's glossary, in the reader's language first
    assert terms.loc["Comité de pilotage (COPIL)", "other"] == "Steering committee"
    assert terms.loc["Reste à faire (RAF)", "field"] == "Projets · Reste à faire"


def test_the_roll_up_groups_by_programme_on_request(db_path):
    con = store.connect(db_path)
    governance_store.load(con)
    con.close()
    at = open_page("pages/governance.py")
    no_exception(at)
    assert metrics(at)["Compliance"] == "73%"  # (1 + 3/7 + 4/8 + 1) / 4, worked out in governance_store
    at.segmented_control(key="governance_rollup_en").set_value("programme").run()
    no_exception(at)
    title = at.get("vega_lite_chart")[0].proto.spec
    # Plants holds A1 and B2: (1 + 3/7) / 2; C3 and D4, with no programme, make (4/8 + 1) / 2 = 75 %
    assert "Plants has the lowest compliance (71%)" in title


def test_the_overview_says_how_well_projects_follow_the_rules(demo_db):
    at = open_page("pages/overview.py")
    no_exception(at)
    panel = next(m.value for m in at.markdown if "compliance with the PMO's rules" in m.value)
    assert panel.startswith("🛡️ **97%** compliance") and "most often: Risks reviewed" in panel


def test_settings_shows_the_rules_and_a_saved_change_reaches_the_governance_page(db_path):
    con = store.connect(db_path)
    governance_store.load(con)
    governance.save_rules(con, [RuleState("business_case", True, 1_000_000.0)], PMO)
    glossary.save_terms(
        con,
        glossary.check_terms(
            [{"term_en": "Target cost", "term_fr": "Coût d'objectif", "field": "projects.budget"}]
        ),
        PMO,
    )
    con.close()
    at = open_page("pages/settings.py")
    no_exception(at)
    rules = next(
        d.value for d in at.dataframe if "code" in d.value.columns and "threshold" in d.value.columns
    )
    assert rules["code"].tolist() == [rule.code for rule in governance.RULES]
    assert rules.set_index("code").loc["business_case", "threshold"] == 1_000_000
    phases = next(d.value for d in at.dataframe if "gate" in d.value.columns)
    assert phases["en"].tolist()[:3] == ["Initiation", "Design", "Build"]
    at.button(key="governance_rules_save").click().run()  # nothing edited: nothing changed, said so
    assert at.success[0].value == "0 rules changed."
    governance_page = open_page("pages/governance.py")
    assert metrics(governance_page)["Rules broken"] == "7"  # C3's business case is no longer required
    terms = table_with(governance_page, "other")
    assert terms["term"].tolist() == ["Target cost"] and terms["other"].tolist() == ["Coût d'objectif"]
    assert terms["field"].tolist() == ["Projects · Budget at completion"]


def test_the_governance_page_on_an_empty_store_says_so(db_path):
    at = open_page("pages/governance.py", lang="fr")
    no_exception(at)
    assert at.info[0].value and at.info[-1].value.startswith("Le glossaire est vide")


def test_a_viewer_whose_costs_are_hidden_gets_neither_the_page_nor_the_panel(demo_accounts):  # noqa: F811
    hide_costs(demo_accounts)
    vera = signed_in("vera")
    assert not [m for m in vera.markdown if "compliance with the PMO's rules" in m.value]
    paul = signed_in("paul")  # the PMO still reads it
    assert [m for m in paul.markdown if "compliance with the PMO's rules" in m.value]
