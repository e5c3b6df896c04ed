"""Committee page: the steering committee's meetings, the decisions they took or must take, and the actions
that follow, recorded during or after the meeting and followed up at the next one.

Reading is for everyone; recording is for the roles holding the "committees" and "decisions" rights
(pmo_core checks them again and records each change in the audit trail).
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import actions, common
from pmo_core import meetings, project_detail, snapshots, template
from pmo_core.filters import Filters
from pmo_core.meetings import CommitteeRefused
from pmo_core.pack import FORMATS, MEDIA_TYPES, committee_pack, file_name

LANG = common.lang()
CON = common.cursor()
ACTOR = common.actor()
PORTFOLIO = "__portfolio__"  # the choice meaning "about the portfolio as a whole", not a project


def committee_label(row) -> str:
    return common.tr(
        "committee.label", name=row.name, date=common.day(row.meeting_date), snapshot=common.day(row.snapshot)
    )


def refused(error: CommitteeRefused) -> None:
    st.error(error.message(LANG))


# --- Meetings ------------------------------------------------------------------------------------------


def choose_committee(listed: pd.DataFrame) -> int | None:
    """Offer the meetings, the latest first; say what the chosen one reviews and link to its slides."""
    if listed.empty:
        st.info(common.tr("committee.none"))
        return None
    rows = {int(r.committee_id): r for r in listed.itertuples()}
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    chosen = left.selectbox(
        common.tr("committee.choose"),
        list(rows),
        format_func=lambda i: committee_label(rows[i]),
        key=f"committee_choice_{LANG}",
    )
    right.page_link(
        "pages/present.py",
        label=common.tr("committee.present"),
        icon=":material/slideshow:",
        query_params={"committee": str(chosen), "slide": "1"},
    )
    row = rows[chosen]
    since = row.since if pd.notna(row.since) else None
    st.caption(
        common.tr("committee.summary", snapshot=common.day(row.snapshot), since=common.day(since))
        if since
        else common.tr("committee.summary.first", snapshot=common.day(row.snapshot))
    )
    return chosen


@common.fragment(key="committee_new_meeting")  # a refused meeting reruns the form alone; a new one, the page
def new_meeting_form(listed: pd.DataFrame) -> None:
    dates = [s.as_of for s in snapshots.list_snapshots(CON)]
    rows = {int(r.committee_id): r for r in listed.itertuples()}
    with st.form("committee_new", clear_on_submit=True, border=True):
        name = st.text_input(
            common.tr("committee.form.name"),
            placeholder=common.tr("committee.form.name.placeholder"),
            max_chars=200,
        )
        left, middle, right = st.columns(3)
        meeting_date = left.date_input(
            common.tr("committee.form.date"), value=date.today(), format=date_format()
        )
        snapshot = middle.selectbox(common.tr("committee.form.snapshot"), dates, format_func=common.day)
        follows = right.selectbox(
            common.tr("committee.form.follows"),
            [None, *rows],
            index=1 if rows else 0,
            format_func=lambda i: (
                common.tr("committee.form.follows.none") if i is None else committee_label(rows[i])
            ),
        )
        if st.form_submit_button(common.tr("committee.form.create"), type="primary"):
            try:
                meetings.create_committee(CON, ACTOR, name, meeting_date, snapshot, follows=follows)
            except CommitteeRefused as error:
                refused(error)
                return
            st.success(common.tr("committee.created", name=" ".join(name.split())))
            st.rerun()


def meetings_tab(listed: pd.DataFrame) -> None:
    if not listed.empty:
        shown = pd.DataFrame(
            {
                "name": listed["name"],
                "meeting_date": pd.to_datetime(listed["meeting_date"]),
                "snapshot": pd.to_datetime(listed["snapshot"]),
                "follows_name": listed["follows_name"],
                "since": pd.to_datetime(listed["since"]),
                "decisions": listed["decisions"],
                "actions": listed["actions"],
            }
        )
        day = st.column_config.DateColumn
        common.table(
            shown,
            hide_index=True,
            column_config={
                "name": st.column_config.TextColumn(common.tr("committee.col.name"), width="medium"),
                "meeting_date": day(common.tr("committee.col.meeting_date"), format=common.day_format()),
                "snapshot": day(common.tr("committee.col.snapshot"), format=common.day_format()),
                "follows_name": common.tr("committee.col.follows_name"),
                "since": day(common.tr("committee.col.since"), format=common.day_format()),
                "decisions": st.column_config.NumberColumn(
                    common.tr("committee.sheet.decisions"), format="%d"
                ),
                "actions": st.column_config.NumberColumn(common.tr("committee.sheet.actions"), format="%d"),
            },
        )
    if ACTOR.can("committees"):
        st.subheader(common.tr("committee.tab.new"), anchor=False)
        new_meeting_form(listed)


# --- Decisions -----------------------------------------------------------------------------------------


def decisions_tab(log: pd.DataFrame, committee_id: int | None, projects: dict[str, str]) -> None:
    if log.empty:
        st.info(common.tr("committee.decision.empty"))
    else:
        shown = pd.DataFrame(
            {
                "decision_id": log["decision_id"],
                "decided_on": pd.to_datetime(log["decided_on"]),
                "state": log["state"].map(lambda s: common.tr(f"committee.state.{s}")),
                "subject": log["subject"],
                "decision": log["decision"],
                "project_code": log["project_code"].fillna(common.tr("committee.portfolio_wide")),
                "superseded_by": log["superseded_by"].astype("Int64"),
                "committee": log["committee"],
            }
        )
        common.table(
            shown,
            hide_index=True,
            column_config={
                "decision_id": st.column_config.NumberColumn(
                    common.tr("committee.col.decision_id"), format="%d"
                ),
                "decided_on": st.column_config.DateColumn(
                    common.tr("committee.col.decided_on"), format=common.day_format()
                ),
                "state": common.tr("committee.col.state"),
                "subject": st.column_config.TextColumn(common.tr("committee.col.subject"), width="medium"),
                "decision": st.column_config.TextColumn(common.tr("committee.col.decision"), width="large"),
                "project_code": common.tr("committee.col.project_code"),
                "superseded_by": st.column_config.NumberColumn(
                    common.tr("committee.col.superseded_by"), format="%d"
                ),
                "committee": common.tr("committee.col.committee"),
            },
            height=420,
        )
        st.caption(common.tr("committee.decision.superseded_note"))
    if ACTOR.can("decisions"):
        decision_form(log, committee_id, projects)


@common.fragment(
    key="committee_decision_form"
)  # a refused decision reruns the form alone; a saved one, the page
def decision_form(log: pd.DataFrame, committee_id: int | None, projects: dict[str, str]) -> None:
    st.subheader(common.tr("committee.decision.heading"), anchor=False)
    live = log[log["live"]] if not log.empty else log
    entries = {int(r.decision_id): r for r in live.itertuples()}
    with st.form("committee_decision", clear_on_submit=True, border=True):
        state = st.segmented_control(
            common.tr("committee.decision.state"),
            list(meetings.DECISION_STATES),
            default="taken",
            format_func=lambda s: common.tr(f"committee.state.{s}"),
            required=True,
        )
        left, right = st.columns([2, 1])
        subject = left.text_input(common.tr("committee.decision.subject"), max_chars=200)
        decided_on = right.date_input(
            common.tr("committee.decision.date"), value=date.today(), format=date_format()
        )
        text = st.text_area(common.tr("committee.decision.text"), max_chars=4000, height=90)
        left, right = st.columns(2)
        project = left.selectbox(
            common.tr("committee.decision.project"),
            [PORTFOLIO, *projects],
            format_func=lambda c: (
                common.tr("committee.portfolio_wide") if c == PORTFOLIO else f"{c} · {projects[c]}"
            ),
        )
        supersedes = right.selectbox(
            common.tr("committee.decision.supersedes"),
            [None, *entries],
            format_func=lambda i: (
                common.tr("committee.decision.supersedes.none")
                if i is None
                else f"{i} · {entries[i].subject} · {common.tr(f'committee.state.{entries[i].state}')}"
            ),
        )
        if st.form_submit_button(common.tr("committee.decision.save"), type="primary"):
            try:
                meetings.record_decision(
                    CON,
                    ACTOR,
                    subject,
                    text,
                    decided_on=decided_on,
                    committee_id=committee_id,
                    project_code=None if project == PORTFOLIO else project,
                    state=state or "taken",
                    supersedes=supersedes,
                )
            except CommitteeRefused as error:
                refused(error)
                return
            st.success(common.tr("committee.decision.saved"))
            st.rerun()


# --- Actions -------------------------------------------------------------------------------------------


def actions_tab(
    found: pd.DataFrame, log: pd.DataFrame, committee_id: int | None, projects: dict[str, str]
) -> None:
    action_list(found)
    if ACTOR.can("decisions"):
        action_form(log, committee_id, projects)
        if not found.empty:
            follow_up_form(found)


@common.fragment(key="committee_actions")  # "open only" redraws the list alone
def action_list(found: pd.DataFrame) -> None:
    """List the actions, the open ones only unless asked for all."""
    open_only = st.toggle(common.tr("committee.action.open_only"), value=True, key="committee_open_only")
    shown_rows = found[found["status"].isin(meetings.OPEN_ACTIONS)] if open_only else found
    if shown_rows.empty:
        st.info(common.tr("committee.action.empty"))
    else:
        common.table(
            actions.action_rows(shown_rows),
            hide_index=True,
            column_config=action_columns(),
            height=420,
        )


def action_columns() -> dict:
    return {
        "action_id": st.column_config.NumberColumn(
            common.tr("committee.col.action_id"), format="%d", width="small"
        ),
        "overdue": common.tr("committee.col.overdue"),
        "title": st.column_config.TextColumn(common.tr("committee.col.title"), width="large"),
        "owner": common.tr("committee.col.owner"),
        "due_date": st.column_config.DateColumn(
            common.tr("committee.col.due_date"), format=common.day_format()
        ),
        "status": common.tr("committee.col.status"),
        "project_code": common.tr("committee.col.project_code"),
        "decision": common.tr("committee.col.decision"),
        "note": common.tr("committee.col.note"),
    }


@common.fragment(key="committee_action_form")  # a refused action reruns the form alone; a saved one, the page
def action_form(log: pd.DataFrame, committee_id: int | None, projects: dict[str, str]) -> None:
    st.subheader(common.tr("committee.action.heading"), anchor=False)
    live = {int(r.decision_id): r.subject for r in log.itertuples()} if not log.empty else {}
    with st.form("committee_action", clear_on_submit=True, border=True):
        title = st.text_input(common.tr("committee.action.title"), max_chars=4000)
        left, middle, right = st.columns(3)
        owner = left.text_input(common.tr("committee.action.owner"), max_chars=200)
        due = middle.date_input(common.tr("committee.action.due"), value=None, format=date_format())
        decision = right.selectbox(
            common.tr("committee.action.decision"),
            [None, *live],
            format_func=lambda i: (
                common.tr("committee.action.decision.none") if i is None else f"{i} · {live[i]}"
            ),
        )
        project = st.selectbox(
            common.tr("committee.decision.project"),
            [PORTFOLIO, *projects],
            format_func=lambda c: (
                common.tr("committee.portfolio_wide") if c == PORTFOLIO else f"{c} · {projects[c]}"
            ),
        )
        if st.form_submit_button(common.tr("committee.action.save"), type="primary"):
            try:
                meetings.add_action(
                    CON,
                    ACTOR,
                    title,
                    owner,
                    due,
                    committee_id=committee_id,
                    decision_id=decision,
                    project_code=None if project == PORTFOLIO else project,
                )
            except CommitteeRefused as error:
                refused(error)
                return
            st.success(common.tr("committee.action.saved"))
            st.rerun()


@common.fragment(key="committee_follow_up")  # the action picked and a refused update rerun this alone
def follow_up_form(found: pd.DataFrame) -> None:
    st.subheader(common.tr("committee.action.follow"), anchor=False)
    rows = {int(r.action_id): r for r in found.itertuples()}
    picked = st.selectbox(
        common.tr("committee.action.pick"),
        list(rows),
        format_func=lambda i: f"{i} · {rows[i].title[:80]} · {rows[i].owner}",
        key=f"committee_follow_{LANG}",
    )
    row = rows[picked]
    with st.form(f"committee_follow_{picked}", border=True):
        left, middle, right = st.columns(3)
        status = left.selectbox(
            common.tr("committee.col.status"),
            list(meetings.ACTION_STATUSES),
            index=meetings.ACTION_STATUSES.index(row.status),
            format_func=lambda s: common.tr(f"committee.status.{s}"),
        )
        due = middle.date_input(
            common.tr("committee.action.due"),
            value=None if pd.isna(row.due_date) else row.due_date,
            format=date_format(),
        )
        owner = right.text_input(common.tr("committee.action.owner"), value=row.owner, max_chars=200)
        note = st.text_input(common.tr("committee.action.note"), value=row.note or "", max_chars=4000)
        if st.form_submit_button(common.tr("committee.action.update"), type="primary"):
            try:
                meetings.update_action(
                    CON, ACTOR, picked, status=status, due_date=due, owner=owner, note=note or None
                )
            except CommitteeRefused as error:
                refused(error)
                return
            st.success(common.tr("committee.action.updated"))
            st.rerun()


# --- The pack ------------------------------------------------------------------------------------------


@st.cache_data(show_spinner=False, max_entries=8)
def pack_file(
    version: tuple, log: tuple, committee_id: int | None, f: Filters, lang: str, fmt: str, hidden: bool
) -> bytes:
    """Write the pack of what presentation mode shows: the same committee, filters and language.

    It runs when its download is clicked, outside the script run, so the session's cost rule comes in `hidden`.
    """
    con = common.detached_cursor(hidden)
    try:
        return committee_pack(con, fmt, committee_id=committee_id, filters=f, lang=lang, today=date.today())[
            1
        ]
    finally:
        con.close()


def template_file(lang: str, hidden: bool) -> bytes:
    con = common.detached_cursor(hidden)
    try:
        return template.export_bytes(con, lang=lang)
    finally:
        con.close()


@st.dialog(common.tr("pack.dialog.title"), width="large")
def pack_dialog(committee_id: int | None, listed: pd.DataFrame) -> None:
    """Offer the pack as PowerPoint and PDF, and the current state as the import template."""
    f = common.filters()
    row = listed[listed["committee_id"] == committee_id].iloc[0] if committee_id is not None else None
    meeting = row["name"] if row is not None else common.tr("committee.deck.current")
    when = pd.Timestamp(row["meeting_date"]).date() if row is not None else date.today()
    parts = [*f.portfolios, *f.programmes, *f.managers]
    filters_text = ", ".join(parts) if parts else common.tr("filters.none")
    st.caption(common.tr("pack.dialog.what", meeting=meeting, filters=filters_text))
    version, log, hidden = common.data_version(), meetings.log_version(CON), common.costs_hidden()
    for column, fmt in zip(st.columns(len(FORMATS)), FORMATS, strict=True):
        column.download_button(
            common.tr(f"pack.dialog.{fmt}"),
            lambda fmt=fmt: pack_file(version, log, committee_id, f, LANG, fmt, hidden),
            file_name=file_name(meeting, when, fmt),
            mime=MEDIA_TYPES[fmt],
            icon=":material/download:",
            width="stretch",
            key=f"pack_{fmt}",
            on_click="ignore",  # no rerun: the dialog stays open for the other files
        )
    st.divider()
    st.download_button(
        common.tr("pack.dialog.excel"),
        lambda: template_file(LANG, hidden),
        file_name=common.tr("pack.dialog.excel_file", date=date.today().isoformat()),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/table_view:",
        help=common.tr("pack.dialog.excel.help"),
        key="pack_excel",
        on_click="ignore",
    )


def date_format() -> str:
    return "DD/MM/YYYY" if LANG == "fr" else "YYYY-MM-DD"


# --- The page ------------------------------------------------------------------------------------------


def main() -> None:
    common.heading(common.tr("committee.title"))
    listed = meetings.list_committees(CON)
    committee_id = choose_committee(listed)
    if st.button(common.tr("pack.button"), icon=":material/description:", help=common.tr("pack.button.help")):
        pack_dialog(committee_id, listed)
    if not ACTOR.can("decisions"):
        st.caption(common.tr("committee.readonly"))
    log = meetings.decision_log(CON)
    found = meetings.action_list(CON, date.today())
    f = common.filters()
    choices = project_detail.project_choices(CON, f)
    projects = dict(zip(choices["code"], choices["name"].fillna(choices["code"]), strict=True))
    open_actions = int(found["status"].isin(meetings.OPEN_ACTIONS).sum())
    tabs = st.tabs(
        [
            common.tr("committee.tab.decisions", n=len(log)),
            common.tr("committee.tab.actions", n=open_actions),
            common.tr("committee.tab.meetings", n=len(listed)),
        ]
    )
    with tabs[0]:
        decisions_tab(log, committee_id, projects)
    with tabs[1]:
        actions_tab(found, log, committee_id, projects)
    with tabs[2]:
        meetings_tab(listed)
    st.download_button(
        common.tr("committee.export"),
        lambda: meetings.log_workbook(CON, LANG, date.today()),
        file_name=common.tr("committee.export.file", date=date.today().isoformat()),
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
    )


main()
