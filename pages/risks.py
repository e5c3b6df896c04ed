"""Risks page: what it will show once its issue lands."""

import streamlit as st

from pages import common

common.heading(common.tr("nav.risks"))
st.subheader(common.tr("coming.title"))
common.coming_next("risks")
