"""The frame of the app: page setup, who is signed in, the shared sidebar, and the navigation between pages."""

from pathlib import Path

import streamlit as st

from pages.ui import common, signin
from pmo_core.access import AccessDenied
from pmo_core.hosting import ConfigError

HERE = Path(__file__).parent

st.set_page_config(page_title="PMO", page_icon="📊", layout="wide", initial_sidebar_state="expanded")

try:
    actor = signin.current_actor()
except ConfigError as wrong:  # a hosting setting that cannot work: say which, let nobody in
    st.error(str(wrong))
    st.stop()
if actor is None:  # nobody signed in: the sign-in page is the only page
    st.navigation([st.Page(signin.page, title=common.tr("signin.title"), icon=":material/login:")]).run()
    st.stop()
st.session_state[common.ACTOR_KEY] = actor
common.show_costs_to(actor)

signin.banner()
common.sidebar()
signin.sidebar(actor)

# (file and address, icon, the right that shows it); the overview opens first, the project page is reached
# from links only. A page a role may not use is not listed; pmo_core refuses its writes all the same.
NAVIGATION = (
    ("overview", "dashboard", "read"),
    ("risks", "warning", "read"),
    ("budget", "euro", "costs"),
    ("priorities", "leaderboard", "costs"),
    ("import", "upload_file", "read"),
    ("settings", "settings", "read"),
    ("audit", "history", "audit"),
    ("admin", "admin_panel_settings", "users"),
    ("project", "folder_open", "read"),
)
PAGES = [
    st.Page(
        HERE / "pages" / f"{name}.py",
        title=common.tr(f"nav.{name}"),
        icon=f":material/{icon}:",
        url_path=name,
        default=name == "overview",
        visibility="hidden" if name == "project" else "visible",
    )
    for name, icon, right in NAVIGATION
    if (not common.costs_hidden() if right == "costs" else actor.can(right))
]

try:
    st.navigation(PAGES).run()
except AccessDenied as refused:  # a write the role does not allow: pmo_core stored nothing, say why
    st.error(refused.message(common.lang()))
