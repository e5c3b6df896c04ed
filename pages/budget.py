"""Budget page: what it will show once its issue lands."""

import streamlit as st

from pages import common

common.heading(common.tr("nav.budget"))
st.subheader(common.tr("coming.title"))
common.coming_next("budget")
