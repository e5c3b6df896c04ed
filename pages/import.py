"""Import page: drop trackers, see what was understood, fix the mapping, check, confirm, roll back."""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from datetime import date
from pathlib import Path

import streamlit as st

from pages.ui import common, mapping
from pmo_core import access, annotate, importer, review, sandbox, snapshots, template

ACCEPTED = ["xlsx", "xlsm", "xls", "xlsb", "ods", "csv"]
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def headers(*columns: str) -> dict[str, str]:
    """Name a table's columns in the user's language, from the import.col.* translations."""
    return {column: common.tr(f"import.col.{column}") for column in columns}


sandbox.prepare()  # the reading sandbox, stopped when idle, loads its libraries while a file is chosen
con = common.cursor()
lang = common.lang()
values = common.current_settings()
actor = common.actor()

common.heading(common.tr("import.title"))
st.caption(common.tr("import.caption", limit=values["max_upload_mb"]))

with st.expander(common.tr("import.template.title")):
    st.write(common.tr("import.template.text"))
    left, right = st.columns(2)
    left.download_button(
        common.tr("import.template.blank"),
        lambda: template.blank_template(lang),  # written on click, not on every run of the page
        file_name=common.tr("import.template.file"),
        mime=XLSX,
    )
    if not snapshots.is_empty(con) and right.button(common.tr("import.template.export_prepare")):
        st.session_state["export_bytes"] = template.export_bytes(con, lang=lang)
    if "export_bytes" in st.session_state:
        right.download_button(
            common.tr("import.template.export"),
            st.session_state["export_bytes"],
            file_name=f"pmo_portfolio_{date.today():%Y-%m-%d}.xlsx",
            mime=XLSX,
        )

# 1. Files and options ------------------------------------------------------------------------------
uploader_key = f"uploads_{st.session_state.get('upload_round', 0)}"
if not actor.can("import"):
    st.info(common.tr("access.import.read_only"))
elif not actor.can("rollback"):  # a project manager: their own projects only
    st.caption(common.tr("access.import.managed", projects=", ".join(sorted(actor.projects)) or "—"))
uploads = st.file_uploader(
    common.tr("import.upload"),
    type=ACCEPTED,
    accept_multiple_files=True,
    key=uploader_key,
    disabled=not actor.can("import"),
)
left, middle, right = st.columns([2, 2, 3])
scope_labels = {common.tr("import.scope.partial"): "partial", common.tr("import.scope.full"): "full"}
scope = scope_labels[
    left.radio(common.tr("import.scope"), list(scope_labels), help=common.tr("import.scope.help"))
]
lenient = right.checkbox(
    common.tr("import.lenient"), help=common.tr("import.lenient.help"), key="import_lenient"
)
include_hidden = right.checkbox(common.tr("import.hidden"))
label = right.text_input(common.tr("import.label"), placeholder=common.tr("import.label.placeholder"))

if not uploads:
    if "upload_dir" in st.session_state:  # this session's uploads were imported or removed: drop their copies
        shutil.rmtree(st.session_state.pop("upload_dir"), ignore_errors=True)
    mapping.forget()
    st.info(common.tr("import.nothing"))
else:
    limit = values["max_upload_mb"] * 2**20
    too_big = [u.name for u in uploads if u.size > limit]
    for name in too_big:
        st.error(common.tr("issue.too_large", value=name, limit=values["max_upload_mb"]))
    folder = Path(st.session_state.setdefault("upload_dir", tempfile.mkdtemp(prefix="pmo_upload_")))
    files = []
    for upload in uploads:
        if upload.name in too_big:
            continue
        data = upload.getvalue()
        path = folder / hashlib.sha256(data).hexdigest()
        if not path.exists():
            path.write_bytes(data)
        files.append((path, upload.name))
    files_key = tuple((str(p), n) for p, n in files)
    if st.session_state.get("reads_key") != files_key:  # each upload is read once, in the sandbox
        with st.spinner(common.tr("import.reading")):
            st.session_state["sources"] = importer.read_files(files, importer.ReadOptions(keep_source=True))
        st.session_state["reads_key"] = files_key
    state = mapping.choices()
    options = importer.read_options(
        con,
        lenient=lenient,
        include_hidden=include_hidden,
        overrides=dict(state.overrides),
        shapes=dict(state.shapes),
        dollar=state.dollar,
    )
    # Every choice reads the files anew from the sheets read once; only the tables it touches are redone.
    reads = [importer.reread(read, options) for read in st.session_state["sources"]]
    # A file refused whole (not a workbook, a bomb...) says why once, with no mapping or preview around it.
    refused = {read.name for read in reads if not read.kind}
    for read in reads:
        if read.name in refused:
            for issue in read.issues:
                st.error(issue.message(lang))
    readable = [read for read in reads if read.name not in refused]
    as_of_key = f"as_of::{hash(files_key)}"
    as_of = st.session_state.get(as_of_key) or importer.as_of_default(reads)
    plan = importer.build_plan(con, reads, scope=scope, as_of=as_of, rates=dict(state.rates))

    # 2. What was understood, and the mapping screen ------------------------------------------------
    if readable:
        st.subheader(common.tr("import.understood"))
    projects = mapping.project_labels(importer.current_projects(con), plan)
    store_currency = values["currency"]
    for read in readable:
        with st.expander(
            common.tr("import.file", name=read.name, tables=sum(1 for t in read.tables if t.mapping.entity)),
            expanded=True,
        ):
            mapping.show_file(read, plan, projects, store_currency)
    mapping.show_currencies(readable, store_currency)

    # 3. The check and what would change -----------------------------------------------------------
    if readable:  # every file refused: nothing to date, preview or confirm
        st.date_input(
            common.tr("import.as_of"),
            value=as_of,
            format="DD/MM/YYYY",
            help=common.tr("import.as_of.help"),
            key=as_of_key,
        )
        st.subheader(common.tr("import.preview"))
        counts = plan.change_counts()
        cols = st.columns(4)
        for column, kind in zip(cols, ("added", "updated", "removed", "unchanged"), strict=True):
            column.metric(common.tr(f"import.change.{kind}"), counts[kind])
        updates = review.updates_table(plan, lang)
        for kind, frame in review.changes_by_kind(plan).items():
            if kind == "unchanged" or not len(frame):
                continue
            # before → after for the projects the files describe
            detailed = kind == "updated" and len(updates)
            with st.expander(f"{common.tr('import.change.' + kind)} ({len(frame)})", expanded=bool(detailed)):
                if detailed:
                    st.caption(common.tr("import.updates.caption"))
                shown = updates if detailed else frame
                common.table(
                    shown,
                    hide_index=True,
                    width="stretch",
                    column_config={name: common.tr(f"field.projects.{name}") for name in shown.columns}
                    | {"project_code": common.tr("field.projects.code")},
                )
        read_counts = plan.counts()
        st.caption(
            common.tr(
                "cli.report.counts",
                projects=read_counts["projects"],
                milestones=read_counts["milestones"],
                risks=read_counts["risks"],
                costs=read_counts["costs"],
                business_case=read_counts["business_case"],
            )
        )
        if read_counts["resources"] or read_counts["demand"]:
            st.caption(
                common.tr("import.people", capacity=read_counts["resources"], demand=read_counts["demand"])
            )
        if len(plan.team_changes):
            st.caption(common.tr("import.teams", **plan.team_change_counts()))
        listed = [issue for issue in plan.issues if issue.file not in refused]  # refusals are said above
        if listed:
            errors = sum(issue.is_error for issue in listed)
            st.subheader(common.tr("import.report", errors=errors, warnings=len(listed) - errors))
            common.table(
                review.issues_table(listed, lang),
                hide_index=True,
                width="stretch",
                column_config={
                    **headers("severity", "file", "sheet", "row", "column", "value"),
                    "message": st.column_config.TextColumn(common.tr("import.col.message"), width="large"),
                },
            )
            paths = {name: path for path, name in files}
            for read in readable:
                own = [issue for issue in plan.issues if issue.file == read.name]
                if own:
                    st.download_button(
                        common.tr("import.annotated", name=read.name),
                        data=lambda p=paths[read.name], n=read.name, i=own: annotate.annotated_workbook(
                            p, n, i, lang
                        ),
                        file_name=annotate.annotated_name(read.name, lang),
                        mime=XLSX,
                        key=f"annotated::{read.name}",
                        help=common.tr("import.annotated.help"),
                        icon=":material/download:",
                    )
        if plan.has_errors:
            st.error(common.tr("import.blocked", errors=len(plan.errors)))
        refusal = access.import_refusal(actor, plan)
        if refusal is not None:
            st.error(refusal.message(lang))
        if st.button(
            common.tr("import.confirm"),
            type="primary",
            disabled=plan.has_errors or not any(read_counts.values()) or refusal is not None,
        ):
            try:
                batch = snapshots.apply_plan(con, plan, actor, label=label or None)
            except access.AccessDenied:
                raise  # the frame says why; nothing was stored
            except Exception as exc:  # the transaction rolled back: say so plainly, never a traceback
                st.error(common.tr("import.failed", error=type(exc).__name__))
                st.stop()
            st.session_state["import_done"] = common.tr("import.done", batch=batch)
            st.session_state["upload_round"] = st.session_state.get("upload_round", 0) + 1
            mapping.forget()
            st.session_state.pop("export_bytes", None)
            st.rerun()

if "import_done" in st.session_state:
    st.success(st.session_state.pop("import_done"))

# 4. History and rollback ---------------------------------------------------------------------------
st.subheader(common.tr("import.history"))
history = snapshots.history(con)
if history.empty:
    st.caption(common.tr("cli.no_history"))
else:
    shown = history.drop(columns=["sha256"]).assign(
        scope=history["scope"].map(lambda v: common.tr(f"cli.scope.{v}"))
    )
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        column_config={
            "batch_id": common.tr("import.h.batch"),
            "imported_at": st.column_config.DatetimeColumn(
                common.tr("import.h.imported_at"), format=f"{common.day_format()} HH:mm"
            ),
            "as_of": st.column_config.DateColumn(common.tr("import.h.as_of"), format=common.day_format()),
            "user_name": common.tr("import.h.user"),
            "scope": common.tr("import.h.scope"),
            "label": common.tr("import.h.label"),
            "files": common.tr("import.h.files"),
            "n_projects": common.tr("import.h.projects"),
            "n_milestones": common.tr("import.h.milestones"),
            "n_risks": common.tr("import.h.risks"),
            "n_cost_lines": common.tr("import.h.costs"),
            "n_business_case": common.tr("import.h.business_case"),
            "n_capacity_lines": common.tr("import.h.capacity"),
            "n_demand_lines": common.tr("import.h.demand"),
            "n_warnings": common.tr("import.h.warnings"),
            "rolled_back_at": st.column_config.DatetimeColumn(
                common.tr("import.h.rolled_back"), format=f"{common.day_format()} HH:mm"
            ),
            "rolled_back_by": common.tr("import.h.rolled_back_by"),
        },
    )
    live = history.loc[history["rolled_back_at"].isna(), "batch_id"].tolist()
    if live and actor.can("rollback"):
        left, right = st.columns([2, 3])
        # Keyed by the newest batch, so that an import (or a rollback) offers the newest batch, not the last pick.
        batch = left.selectbox(common.tr("import.rollback.choose"), live, key=f"rollback_batch_{live[0]}")
        sure = right.checkbox(
            common.tr("import.rollback.confirm", batch=batch), key=f"rollback_sure_{live[0]}"
        )
        if right.button(common.tr("import.rollback.button"), disabled=not sure):
            snapshots.rollback(con, int(batch), actor)
            st.session_state["import_done"] = common.tr("import.rolled_back", batch=batch)
            st.session_state.pop("export_bytes", None)
            st.rerun()
