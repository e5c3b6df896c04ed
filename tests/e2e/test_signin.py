"""Sign-in in Chromium: single sign-on against a local OpenID Connect provider, and built-in accounts."""

from __future__ import annotations

import re
import shutil

import pytest
from oidc_provider_mock import User, run_server_in_thread

from pmo_core import accounts, store, template
from tests.actors import ADMIN
from tests.e2e.conftest import free_port, settle, start_server, stop_server

pytestmark = pytest.mark.e2e
PASSWORD = "correct horse battery"


@pytest.fixture
def oidc_server(tmp_path):
    """A local OpenID Connect provider, and the app signing in through it (st.login, secrets.toml)."""
    carol = User(sub="carol", claims={"email": "carol@example.com", "groups": ["staff", "project-managers"]})
    dave = User(sub="dave", claims={"email": "dave@example.com", "groups": ["contractors"]})
    with run_server_in_thread(port=0, user_claims=[carol, dave]) as provider:
        port = free_port()
        secrets = tmp_path / "secrets.toml"
        secrets.write_text(
            f"""[auth]
redirect_uri = "http://localhost:{port}/oauth2callback"
cookie_secret = "a test cookie secret that is long enough"
client_id = "pmo-dashboard"
client_secret = "pmo-secret"
server_metadata_url = "http://localhost:{provider.server_port}/.well-known/openid-configuration"
""",
            encoding="utf-8",
        )
        env = {"PMO_AUTH": "oidc", "PMO_ROLE_MAP": "staff=viewer, project-managers=manager"}
        process, _ = start_server(
            tmp_path / "pmo.duckdb", tmp_path / "server.log", ("--secrets.files", str(secrets)), env, port
        )
        yield f"http://localhost:{port}", tmp_path
        stop_server(process)


def test_single_sign_on_maps_the_role_and_an_import_outside_it_is_refused(
    browser, oidc_server, demo_store_file
):
    url, folder = oidc_server
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.goto(url)
    settle(tab)
    tab.get_by_role("button", name="Sign in with the company account").click()
    tab.locator("input[name=sub]").fill("carol")  # the provider's own sign-in form
    tab.get_by_role("button", name="Authorize").click()
    tab.get_by_text("Signed in as carol@example.com (Project manager)").wait_for(timeout=30_000)
    cookie = next(c for c in context.cookies() if c["name"].startswith("_streamlit_user"))
    assert cookie["httpOnly"]  # the sign-in cookie is out of reach of page scripts
    # She manages no project yet: a tracker of the demo portfolio is refused, naming the projects.
    workbook = folder / "portfolio.xlsx"
    shutil.copy(demo_store_file, folder / "demo.duckdb")
    con = store.connect(folder / "demo.duckdb")
    workbook.write_bytes(template.export_bytes(con, lang="en"))
    con.close()
    tab.locator("[data-testid=stSidebarNav]").get_by_text("Import").click()
    settle(tab)
    tab.set_input_files("[data-testid=stFileUploaderDropzoneInput]", str(workbook))
    refusal = tab.get_by_text(re.compile(r"You do not manage these projects: PRJ-"))
    refusal.wait_for(timeout=90_000)
    assert tab.get_by_role("button", name="Confirm the import").is_disabled()
    context.close()


def test_an_identity_no_group_maps_is_told_to_ask_for_a_role_and_sees_nothing(browser, oidc_server):
    url, _ = oidc_server
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    tab = context.new_page()
    tab.goto(url)
    settle(tab)
    tab.get_by_role("button", name="Sign in with the company account").click()
    tab.locator("input[name=sub]").fill("dave")
    tab.get_by_role("button", name="Authorize").click()
    tab.get_by_text("dave@example.com is signed in but has no role in this app yet").wait_for(timeout=30_000)
    assert tab.locator("[data-testid=stSidebarNav]").count() == 0
    tab.get_by_role("button", name="Sign out").click()  # another account may have a role
    tab.get_by_role("button", name="End session").click()  # the provider's own sign-out page
    tab.get_by_role("button", name="Sign in with the company account").wait_for(timeout=30_000)
    context.close()


@pytest.fixture
def accounts_server(tmp_path):
    db = tmp_path / "pmo.duckdb"
    con = store.connect(db)
    accounts.add_user(con, ADMIN, "paul", "pmo", PASSWORD)
    con.close()
    process, url = start_server(db, tmp_path / "server.log", env={"PMO_AUTH": "accounts"})
    yield url, db
    stop_server(process)


def sign_in(tab, url: str, name: str, password: str) -> None:
    tab.goto(url)
    settle(tab)
    tab.get_by_role("textbox", name="User name").fill(name)
    tab.get_by_role("textbox", name="Password").fill(password)
    tab.get_by_role("button", name="Sign in").click()
    settle(tab)


def test_a_wrong_password_is_refused_and_five_lock_the_account(page, accounts_server):
    url, _ = accounts_server
    sign_in(page, url, "paul", "not the password")
    page.get_by_text("Wrong name or password.").wait_for(timeout=30_000)
    for _ in range(accounts.MAX_FAILURES - 1):
        sign_in(page, url, "paul", "not the password")
    page.get_by_text(re.compile("Too many failed attempts: this account is locked until")).wait_for(
        timeout=30_000
    )
    sign_in(page, url, "paul", PASSWORD)  # the right password no longer opens it
    page.get_by_text(re.compile("this account is locked")).wait_for(timeout=30_000)
    assert page.get_by_text("Signed in as").count() == 0


def test_the_right_password_opens_the_app_and_sign_out_closes_it(page, accounts_server):
    url, _ = accounts_server
    sign_in(page, url, "paul", PASSWORD)
    page.get_by_text("Signed in as paul (PMO)").wait_for(timeout=30_000)
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("button", name="Sign in").wait_for(timeout=30_000)
