"""Sign-in and roles in the pages: the sign-in page, what each role sees, and refusals that change nothing."""

from __future__ import annotations

import shutil

import pytest
from streamlit.testing.v1 import AppTest

from pages.ui import signin
from pmo_core import accounts, audit, settings, snapshots, store, template
from tests.actors import ADMIN
from tests.pages.conftest import APP, no_exception, open_page
from tests.pages.test_import_page import XLSX

PASSWORD = "correct horse battery"


@pytest.fixture
def accounts_mode(monkeypatch, db_path):
    """Built-in accounts, one per role; Alice manages two projects of the sample portfolio."""
    monkeypatch.setenv("PMO_AUTH", "accounts")
    monkeypatch.setattr(accounts.time, "sleep", lambda seconds: None)
    con = store.connect(db_path)
    for name, role, projects in (
        ("vera", "viewer", ()),
        ("alice", "manager", ("PRJ-2024-001", "PRJ-2024-002")),
        ("paul", "pmo", ()),
        ("ada", "admin", ()),
    ):
        accounts.add_user(con, ADMIN, name, role, PASSWORD, projects)
    con.close()
    return db_path


@pytest.fixture
def demo_accounts(accounts_mode, demo_store_file, monkeypatch):
    """The demo portfolio, served with the same accounts; returns a function that sets a setting first."""
    demo = accounts_mode.with_name("demo.duckdb")
    shutil.copy(demo_store_file, demo)
    con = store.connect(demo)
    for name, role in (("vera", "viewer"), ("paul", "pmo")):
        accounts.add_user(con, ADMIN, name, role, PASSWORD)
    con.close()
    monkeypatch.setenv("PMO_DB", str(demo))
    return demo


def hide_costs(db) -> None:
    con = store.connect(db)
    settings.put(con, "hide_costs_from_viewers", "yes", ADMIN)
    con.close()


def signed_in(name: str, lang: str = "en", password: str = PASSWORD) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["lang"] = lang
    at.run()
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    next(b for b in at.button if b.label in ("Sign in", "Se connecter")).click().run()
    no_exception(at)
    return at


def go(at: AppTest, page: str) -> AppTest:
    at.switch_page(page)
    at.run()
    no_exception(at)
    return at


def test_the_sign_in_page_is_all_a_stranger_sees(accounts_mode):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.title[0].value == "Sign in to the PMO dashboard"
    assert [t.label for t in at.text_input] == ["User name", "Password"]
    assert not at.dataframe and not at.metric  # no portfolio figure before signing in


def test_a_wrong_password_is_refused_and_the_right_one_opens_the_app(accounts_mode):
    at = signed_in("paul", password="not the password")
    assert at.error[0].value == "Wrong name or password."
    at = signed_in("paul")
    assert "Signed in as paul (PMO)" in [c.value for c in at.sidebar.caption]
    assert not at.error


def test_five_failures_lock_the_account_in_french_too(accounts_mode):
    for _ in range(accounts.MAX_FAILURES):
        at = signed_in("paul", "fr", password="pas le bon mot de passe")
    assert at.error[0].value.startswith("Trop d'essais manqués")
    assert signed_in("paul", "fr").error[0].value.startswith("Trop d'essais manqués")


def test_a_session_idle_too_long_signs_out(accounts_mode, monkeypatch):
    at = signed_in("paul")
    monkeypatch.setenv("PMO_SESSION_IDLE_MINUTES", "-1")
    at.run()
    assert at.title[0].value == "Sign in to the PMO dashboard"
    assert at.info[0].value == "Your session expired: sign in again."


def test_a_viewer_reads_the_import_history_but_cannot_import_or_change_settings(accounts_mode):
    at = go(signed_in("vera"), "pages/import.py")
    assert at.info[0].value == "Your role reads the import history but does not import."
    assert at.get("file_uploader")[0].proto.disabled
    at = go(at, "pages/settings.py")
    assert at.info[0].value == "The PMO changes the settings; you read them."
    save = next(b for b in at.button if b.label == "Save settings")
    assert save.disabled
    labels = [p.title for p in at.get("navigation")] if at.get("navigation") else []
    assert "Audit trail" not in labels


def test_a_project_manager_is_refused_an_import_of_projects_they_do_not_manage(
    accounts_mode, demo_store_file
):
    demo = store.connect(demo_store_file)
    workbook = template.export_bytes(demo, lang="en")  # the demo portfolio in our template, built in code
    demo.close()
    at = go(signed_in("alice"), "pages/import.py")
    managed = "You import the projects you manage: PRJ-2024-001, PRJ-2024-002."
    assert managed in [c.value for c in at.caption]
    at.file_uploader[0].set_value([("portfolio.xlsx", workbook, XLSX)])
    at.run()
    refusal = next(e.value for e in at.error if e.value.startswith("You do not manage"))
    assert "PRJ-2024-003" in refusal and "PRJ-2024-001," not in refusal
    assert next(b for b in at.button if b.label == "Confirm the import").disabled
    con = store.connect(accounts_mode)
    assert snapshots.is_empty(con)
    con.close()


def test_a_refused_write_shows_why_and_changes_nothing(demo_accounts):
    """A button a viewer can still press (a manual rank): pmo_core refuses, the frame says why, nothing is stored."""
    demo = demo_accounts
    at = go(signed_in("vera"), "pages/priorities.py")
    at.selectbox(key="prio_override_code").set_value(
        at.selectbox(key="prio_override_code").options[-1].split(" · ")[0]
    )
    at.number_input(key="prio_override_rank").set_value(1)
    at.text_input(key="prio_override_reason").set_value("I would like it first")
    at.button[0].click().run()
    assert any("does not give this right: change scoring models and ranks" in e.value for e in at.error)
    con = store.connect(demo)
    assert con.execute("SELECT count(*) FROM rank_overrides").fetchone()[0] == 0
    assert audit.entries(con, audit.AuditFilter(refused_only=True))["action"].tolist() == ["rank_override"]
    con.close()


def test_the_pmo_reads_and_filters_the_audit_trail_in_both_languages(accounts_mode):
    at = go(signed_in("paul"), "pages/audit.py")
    assert at.title[0].value == "Who changed what"
    trail = at.dataframe[0].value
    assert set(trail["action"]) == {"User added", "Sign-in"}
    at.multiselect[0].select("paul").run()
    assert set(at.dataframe[0].value["user_name"]) == {"paul"}
    at = go(signed_in("paul", "fr"), "pages/audit.py")
    assert at.title[0].value == "Qui a modifié quoi"


def test_the_admin_adds_a_user_gives_a_role_and_takes_a_backup(accounts_mode):
    at = go(signed_in("ada"), "pages/admin.py")
    inputs = [t for t in at.text_input if t.label in ("Name", "Projects managed", "Password")][:3]
    inputs[0].input("bruno")
    inputs[1].input("PRJ-010")
    inputs[2].input("a long enough password")
    at.selectbox[0].set_value("manager")
    next(b for b in at.button if b.label == "Add").click().run()
    no_exception(at)
    assert at.success[0].value == "User bruno added (Project manager)."
    next(b for b in at.button if b.label == "Back up now").click().run()
    assert at.success[0].value.startswith("Backup written: pmo-")
    con = store.connect(accounts_mode)
    user = accounts.get_user(con, "bruno")
    assert (user.role, user.projects) == ("manager", frozenset({"PRJ-010"}))
    assert audit.entries(con)["action"].iloc[0] == "backup"
    con.close()


def test_open_mode_says_so_on_every_page(demo_db):
    at = open_page("pages/risks.py")
    badge = next(m for m in at.markdown if "Open mode: no sign-in" in m.value)
    assert badge.proto.help.startswith("Open mode: nobody signs in, and anyone who reaches this address")


def test_proxy_mode_takes_the_name_only_from_a_trusted_proxy(monkeypatch, db_path):
    monkeypatch.setenv("PMO_AUTH", "proxy")
    monkeypatch.setenv("FORWARDED_ALLOW_IPS", "")
    monkeypatch.setenv("PMO_TRUSTED_PROXIES", "10.0.0.5")
    monkeypatch.setenv("PMO_ROLE_MAP", "pmo-office=pmo")
    headers = {"X-Remote-User": "carol@example.com", "X-Remote-Groups": "staff, pmo-office"}
    monkeypatch.setattr(signin, "header", lambda name: headers.get(name, ""))
    monkeypatch.setattr(signin, "peer", lambda: "10.0.0.99")  # a forged header from elsewhere
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert at.warning[0].value.startswith("You are not signed in")
    monkeypatch.setattr(signin, "peer", lambda: "10.0.0.5")
    at = AppTest.from_file(APP, default_timeout=60).run()
    no_exception(at)
    assert "Signed in as carol@example.com (PMO)" in [c.value for c in at.sidebar.caption]
    monkeypatch.delenv("FORWARDED_ALLOW_IPS")  # uvicorn would believe X-Forwarded-For from loopback
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert "FORWARDED_ALLOW_IPS" in at.error[0].value and not at.sidebar.caption


def test_the_admin_changes_a_user_from_their_current_values(accounts_mode):
    at = go(signed_in("ada"), "pages/admin.py")
    at.selectbox(key="admin_who").set_value("alice").run()
    projects = next(t for t in at.text_input if t.value == "PRJ-2024-001, PRJ-2024-002")
    projects.input("PRJ-2024-001, PRJ-2024-009")
    next(b for b in at.button if b.label == "Save").click().run()
    no_exception(at)
    assert at.success[0].value == "alice saved."
    con = store.connect(accounts_mode)
    alice = accounts.get_user(con, "alice")
    assert (alice.role, alice.projects, alice.disabled) == (
        "manager",
        frozenset({"PRJ-2024-001", "PRJ-2024-009"}),
        False,
    )
    con.close()


def test_hidden_costs_leave_a_viewers_overview_without_amounts(demo_accounts):
    hide_costs(demo_accounts)
    paul = signed_in("paul")  # a PMO first: their cached figures must not reach the viewer
    assert project_table(paul)["bac"].notna().any()
    assert burn(paul).startswith("**Budget burn** · €")
    vera = signed_in("vera")
    assert "Cost figures are hidden for your role." in [c.value for c in vera.sidebar.caption]
    table = project_table(vera)
    assert table["bac"].isna().all() and table["name"].notna().all()
    assert burn(vera) is None  # no amounts on the first screen either


def burn(at) -> str | None:
    """Return the text of the Overview's budget burn line, if it is drawn."""
    return next((bar.proto.text for bar in at.get("progress")), None)


def project_table(at):
    """Return the Overview's project table with every column (the compact one is sent without the budget)."""
    at.toggle(key="overview_all_columns").set_value(True).run()
    return next(d.value for d in at.dataframe if "percent" in d.value.columns)


@pytest.mark.parametrize(
    "page", ["pages/overview.py", "pages/risks.py", "pages/project.py", "pages/import.py"]
)
@pytest.mark.parametrize("lang", ["en", "fr"])
def test_every_page_a_viewer_has_runs_with_costs_hidden(demo_accounts, page, lang):
    hide_costs(demo_accounts)
    at = signed_in("vera", lang)
    if page == "pages/project.py":
        at.query_params["project"] = "PRJ-2024-001"
    go(at, page)
    assert at.title


def test_a_download_built_after_the_run_keeps_the_costs_hidden(demo_accounts):
    """The Risks register's workbook is built when its button is clicked, outside the script run, on a cursor
    of its own: that cursor must blank the cost figures as the viewer's session does."""
    from io import BytesIO

    from openpyxl import load_workbook

    from pages.ui import common
    from pmo_core import risks
    from pmo_core.filters import Filters

    def cost_impacts(hidden: bool) -> list:
        con = common.detached_cursor(hidden)
        try:
            data = risks.register_workbook(con, Filters(), risks.RiskFilter(), "en")
        finally:
            con.close()
        sheet = load_workbook(BytesIO(data), read_only=True).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        header = next(i for i, row in enumerate(rows) if row and "Cost impact" in [str(c) for c in row])
        column = [str(c) for c in rows[header]].index("Cost impact")
        return [row[column] for row in rows[header + 1 :] if row and row[column] not in (None, "")]

    assert cost_impacts(hidden=False)  # the demo's register has cost impacts
    assert cost_impacts(hidden=True) == []
