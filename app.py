"""The frame of the app: page setup, who is signed in, the shared sidebar, and the navigation between pages.

`streamlit run app.py` first imports this file to find the server it serves (`app`, at the bottom), then runs
it as the script of every session.
"""

from pathlib import Path

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from pages.ui import common, navigation, signin
from pmo_core.access import AccessDenied
from pmo_core.hosting import ConfigError

HERE = Path(__file__).parent

# (file and address, icon, the right that shows it); the overview opens first, the project page is reached
# from links only. A page a role may not use is not listed; pmo_core refuses its writes all the same.
NAVIGATION = (
    ("overview", "dashboard", "read"),
    ("risks", "warning", "read"),
    ("budget", "euro", "costs"),
    ("priorities", "leaderboard", "costs"),
    ("governance", "verified_user", "costs"),  # its rules read budgets and costs, blanked for some viewers
    ("capacity", "groups", "read"),
    ("import", "upload_file", "read"),
    ("settings", "settings", "read"),
    ("committee", "event_note", "read"),
    ("present", "slideshow", "read"),
    ("audit", "history", "audit"),
    ("admin", "admin_panel_settings", "users"),
    ("project", "folder_open", "read"),
)


def frame() -> None:
    """Set up the page, sign in, draw the shared sidebar and run the page the address names."""
    st.set_page_config(page_title="PMO", page_icon="📊", layout="wide", initial_sidebar_state="expanded")
    st.html(HERE / "pages" / "ui" / "projector.css")
    try:
        actor = signin.current_actor()
    except ConfigError as wrong:  # a hosting setting that cannot work: say which, let nobody in
        st.error(str(wrong))
        st.stop()
    if actor is None:  # nobody signed in: the sign-in page is the only page
        pages = [st.Page(signin.page, title=common.tr("signin.title"), icon=":material/login:")]
        navigation.forget_unknown_address(pages)
        st.navigation(pages).run()
        st.stop()
    st.session_state[common.ACTOR_KEY] = actor
    version = common.show_costs_to(actor)

    signin.banner()
    common.sidebar(version)
    signin.sidebar(actor)

    pages = [
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
    navigation.forget_unknown_address(pages)
    try:
        st.navigation(pages).run()
    except AccessDenied as refused:  # a write the role does not allow: pmo_core stored nothing, say why
        st.error(refused.message(common.lang()))


if get_script_run_ctx(suppress_warning=True) is None:  # imported by `streamlit run`, before any session
    app = st.App(__file__, lifespan=navigation.serving)
else:
    frame()
