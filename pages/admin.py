"""Administration page: accounts and roles, the projects each project manager manages, and backups."""

import streamlit as st

from pages.ui import common
from pmo_core import accounts, backup, hosting
from pmo_core.access import ROLES, AccessDenied, role_label

con = common.cursor()
lang = common.lang()
actor = common.actor()
st.title(common.tr("admin.title"))
if not actor.can("users"):  # the navigation hides this page; a typed address lands here
    st.error(common.tr("admin.not_allowed"))
    st.stop()
for kind, message in st.session_state.pop("_admin_messages", []):
    getattr(st, kind)(message)


def done(message: str) -> None:
    st.session_state["_admin_messages"] = [("success", message)]
    st.rerun()


st.subheader(common.tr("admin.users"))
users = accounts.list_users(con)
if users.empty:
    st.info(common.tr("admin.no_users"))
else:
    common.table(
        users.assign(
            role=users["role"].map(lambda r: role_label(r, lang)),
            projects=users["projects"].map(lambda p: ", ".join(p)),
        ),
        hide_index=True,
        width="stretch",
        column_config={
            "name": common.tr("admin.col.name"),
            "display_name": common.tr("admin.col.display_name"),
            "role": common.tr("audit.col.role"),
            "projects": common.tr("admin.col.projects"),
            "has_password": st.column_config.CheckboxColumn(common.tr("admin.col.has_password")),
            "disabled": st.column_config.CheckboxColumn(common.tr("admin.col.disabled")),
            "locked_until": st.column_config.DatetimeColumn(
                common.tr("admin.col.locked_until"), format="HH:mm"
            ),
            "last_sign_in": st.column_config.DatetimeColumn(
                common.tr("admin.col.last_sign_in"), format=f"{common.day_format()} HH:mm"
            ),
            "created_at": None,
        },
    )

add_col, change_col = st.columns(2)
with add_col.form("admin_add", clear_on_submit=True):
    st.markdown(f"**{common.tr('admin.add')}**")
    name = st.text_input(common.tr("admin.col.name"), help=common.tr("admin.name.help"))
    role = st.selectbox(common.tr("audit.col.role"), ROLES, format_func=lambda r: role_label(r, lang))
    projects = st.text_input(common.tr("admin.col.projects"), help=common.tr("admin.projects.help"))
    password = st.text_input(
        common.tr("signin.password"), type="password", help=common.tr("admin.password.help")
    )
    if st.form_submit_button(common.tr("admin.add.button"), type="primary"):
        try:
            codes = tuple(p.strip() for p in projects.split(",") if p.strip())
            accounts.add_user(con, actor, name, role, password or None, codes)
            done(common.tr("cli.user.added", name=name, role=role_label(role, lang)))
        except (accounts.AccountRefused, AccessDenied) as exc:
            st.error(exc.message(lang))

with change_col.container(border=True):
    st.markdown(f"**{common.tr('admin.change')}**")
    who = st.selectbox(common.tr("admin.col.name"), users["name"].tolist(), key="admin_who")
    current = accounts.get_user(con, who) if who else None
    if current is not None:
        with st.form(f"admin_change::{who}", border=False):  # a form per user starts from their values
            role = st.selectbox(
                common.tr("audit.col.role"),
                ROLES,
                index=ROLES.index(current.role),
                format_func=lambda r: role_label(r, lang),
            )
            projects = st.text_input(common.tr("admin.col.projects"), ", ".join(sorted(current.projects)))
            password = st.text_input(common.tr("admin.new_password"), type="password")
            disabled = st.checkbox(common.tr("admin.col.disabled"), value=current.disabled)
            if st.form_submit_button(common.tr("admin.change.button")):
                try:
                    codes = tuple(p.strip() for p in projects.split(",") if p.strip())
                    if (role, frozenset(codes)) != (current.role, current.projects):
                        accounts.set_role(con, actor, who, role, codes)
                    if password:
                        accounts.set_password(con, actor, who, password)
                    if disabled != current.disabled:
                        accounts.set_disabled(con, actor, who, disabled)
                    done(common.tr("admin.changed", name=who))
                except (accounts.AccountRefused, AccessDenied) as exc:
                    st.error(exc.message(lang))

st.subheader(common.tr("admin.backups"))
folder = backup.backup_dir()
every = hosting.get("PMO_BACKUP_EVERY_HOURS")
st.caption(
    common.tr("admin.backups.caption", folder=str(folder), hours=every, keep=hosting.get("PMO_BACKUP_KEEP"))
)
if st.button(common.tr("admin.backup_now"), icon=":material/backup:"):
    path = backup.write_backup(con, folder, actor)
    done(common.tr("cli.backup.done", path=path.name))
found = sorted(folder.glob(f"{backup.PREFIX}*.duckdb"), reverse=True) if folder.exists() else []
if found:
    st.caption(common.tr("admin.backups.latest", files=", ".join(p.name for p in found[:5])))
