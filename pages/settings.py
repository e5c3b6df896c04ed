"""Settings page: the one declared table of settings, editable, with defaults and help."""

import streamlit as st

from pages import common
from pmo_core import settings

common.heading(common.tr("settings.title"))
st.caption(common.tr("settings.caption"))

con = common.cursor()
table = settings.settings_table(con, common.lang())
edited = st.data_editor(
    table,
    hide_index=True,
    width="stretch",
    disabled=["name", "default", "help"],
    column_config={
        "name": st.column_config.TextColumn(common.tr("settings.col.name")),
        "value": st.column_config.TextColumn(common.tr("settings.col.value")),
        "default": st.column_config.TextColumn(common.tr("settings.col.default")),
        "help": st.column_config.TextColumn(common.tr("settings.col.help"), width="large"),
    },
    key="settings_editor",
)
if st.button(common.tr("settings.save"), type="primary"):
    refused = settings.update_settings(con, dict(zip(edited["name"], edited["value"], strict=True)))
    if refused:
        for name, reason in refused.items():
            st.error(common.tr("settings.refused", name=name, reason=reason))
    else:
        st.success(common.tr("settings.saved"))
