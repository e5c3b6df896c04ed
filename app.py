"""The frame of the app: page setup, the shared sidebar, and the navigation between pages."""

from pathlib import Path

import streamlit as st

from pages.ui import common

HERE = Path(__file__).parent

st.set_page_config(page_title="PMO", page_icon="📊", layout="wide", initial_sidebar_state="expanded")

common.sidebar()

# (file and address, icon); the overview opens first, the project page is reached from links only.
NAVIGATION = (
    ("overview", "dashboard"),
    ("risks", "warning"),
    ("budget", "euro"),
    ("priorities", "leaderboard"),
    ("import", "upload_file"),
    ("settings", "settings"),
    ("project", "folder_open"),
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
    for name, icon in NAVIGATION
]

st.navigation(PAGES).run()
