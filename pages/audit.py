"""Audit page: who changed what, when and from where; filtered, and downloadable for IT and auditors."""

from datetime import date

import streamlit as st

from pages.ui import common
from pmo_core import audit
from pmo_core.access import role_label

con = common.cursor()
lang = common.lang()
st.title(common.tr("audit.title"))
st.caption(common.tr("audit.caption"))
if not common.actor().can("audit"):  # the navigation hides this page; a typed address lands here
    st.error(common.tr("audit.not_allowed"))
    st.stop()

users, actions = audit.choices(con)
who_col, what_col, when_col = st.columns([2, 2, 2])
who = who_col.multiselect(common.tr("audit.col.user_name"), users, placeholder=common.tr("sidebar.all"))
what = what_col.multiselect(
    common.tr("audit.col.action"),
    actions,
    format_func=lambda a: audit.action_label(a, lang),
    placeholder=common.tr("sidebar.all"),
)
period = when_col.date_input(common.tr("audit.period"), value=(), format="DD/MM/YYYY", max_value=date.today())
text_col, refused_col = st.columns([4, 2], vertical_alignment="bottom")
text = text_col.text_input(common.tr("audit.search"), placeholder=common.tr("audit.search.hint"))
refused_only = refused_col.checkbox(common.tr("audit.refused_only"))
since, until = (tuple(period) + (None, None))[:2] if period else (None, None)
found = audit.entries(
    con, audit.AuditFilter(tuple(who), tuple(what), since, until or since, text, refused_only)
)

if found.empty:
    st.info(common.tr("audit.none"))
    st.stop()
st.caption(common.tr("audit.count", n=len(found)))
shown = found.assign(
    role=found["role"].map(lambda r: role_label(r, lang)),
    action=found["action"].map(lambda a: audit.action_label(a, lang)),
    outcome=found["outcome"].map(lambda o: common.tr(f"audit.outcome.{o}")),
)
common.table(
    shown,
    hide_index=True,
    width="stretch",
    height=560,
    column_config={
        "entry_id": st.column_config.NumberColumn(
            common.tr("audit.col.entry_id"), format="%d", width="small"
        ),
        "happened_at": st.column_config.DatetimeColumn(
            common.tr("audit.col.happened_at"), format=f"{common.day_format()} HH:mm:ss"
        ),
        **{
            c: common.tr(f"audit.col.{c}")
            for c in ("user_name", "role", "origin", "action", "target", "outcome")
        },
        "detail": st.column_config.TextColumn(common.tr("audit.col.detail"), width="large"),
    },
)
st.download_button(
    common.tr("audit.download"),
    data=lambda: audit.export_xlsx(found, lang),
    file_name=f"{common.tr('audit.file')}_{date.today():%Y-%m-%d}.xlsx",
    icon=":material/download:",
)
