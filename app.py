"""The frame of the app: page setup, the shared sidebar, and the navigation between pages."""

from pathlib import Path

import streamlit as st

from pages import common

HERE = Path(__file__).parent

st.set_page_config(page_title="PMO", page_icon="📊", layout="wide", initial_sidebar_state="expanded")

common.sidebar()

PAGES = [
    st.Page(
        HERE / "pages" / "overview.py",
        title=common.tr("nav.overview"),
        icon=":material/dashboard:",
        default=True,
        url_path="overview",
    ),
    st.Page(
        HERE / "pages" / "risks.py", title=common.tr("nav.risks"), icon=":material/warning:", url_path="risks"
    ),
    st.Page(
        HERE / "pages" / "budget.py", title=common.tr("nav.budget"), icon=":material/euro:", url_path="budget"
    ),
    st.Page(
        HERE / "pages" / "priorities.py",
        title=common.tr("nav.priorities"),
        icon=":material/leaderboard:",
        url_path="priorities",
    ),
    st.Page(
        HERE / "pages" / "import.py",
        title=common.tr("nav.import"),
        icon=":material/upload_file:",
        url_path="import",
    ),
    st.Page(
        HERE / "pages" / "settings.py",
        title=common.tr("nav.settings"),
        icon=":material/settings:",
        url_path="settings",
    ),
    st.Page(
        HERE / "pages" / "project.py",
        title=common.tr("nav.project"),
        icon=":material/folder_open:",
        url_path="project",
        visibility="hidden",
    ),
]

st.navigation(PAGES).run()
