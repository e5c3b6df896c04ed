"""Steering committees as the app knows them: the meetings, the decisions they take and the actions that
follow, kept so that each meeting starts from what the last one decided.

A committee reviews one snapshot and follows an earlier committee; "what changed" starts at the snapshot
that earlier committee reviewed (`since`). Decisions are never updated nor deleted: a correction, or the
answer to a decision the committee had to take, is a new entry that supersedes the old one. Every write
goes through `access.change`, which checks the right and records the audit entry.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from pmo_core import access, exports
from pmo_core.access import Actor
from pmo_core.i18n import t

DECISION_STATES = ("taken", "to_take")
ACTION_STATUSES = ("open", "in_progress", "done", "cancelled")
OPEN_ACTIONS = ("open", "in_progress")  # still to do: what the next committee follows up
NAME_LENGTH, TEXT_LENGTH = 200, 4000  # longest name and text kept; the rest is cut, never refused


class CommitteeRefused(ValueError):
    """A meeting, decision or action that cannot be stored as given; `message` says why in either language."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(t(f"committee.refused.{code}", "en", **params))
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        return t(f"committee.refused.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class Committee:
    committee_id: int
    name: str
    meeting_date: date
    snapshot: date  # the snapshot it reviews
    follows: int | None  # the committee before it
    since: date | None  # the snapshot the committee before it reviewed: "what changed" starts there


# --- Meetings --------------------------------------------------------------------------------------------


def create_committee(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    name: str,
    meeting_date: date,
    snapshot: date,
    follows: int | None | str = "latest",
) -> int:
    """Record a meeting reviewing a snapshot; it follows the latest earlier meeting unless told which (or None)."""
    name = _text(name, NAME_LENGTH)
    access.require(con, actor, "committees", "committee.create", name)
    if not name:
        raise CommitteeRefused("name")
    known = {d for (d,) in con.execute("SELECT as_of FROM snapshots").fetchall()}
    if snapshot not in known:
        raise CommitteeRefused("snapshot", date=snapshot.isoformat())
    if follows == "latest":
        row = con.execute(
            """SELECT committee_id FROM committees WHERE meeting_date <= $d
               ORDER BY meeting_date DESC, committee_id DESC LIMIT 1""",
            {"d": meeting_date},
        ).fetchone()
        follows = row[0] if row else None
    elif follows is not None:
        earlier = get_committee(con, int(follows))
        if earlier is None:
            raise CommitteeRefused("unknown", id=follows)
        if earlier.meeting_date > meeting_date:
            raise CommitteeRefused("follows_later", name=earlier.name)
    detail = {"name": name, "meeting_date": meeting_date.isoformat(), "snapshot": snapshot.isoformat()}
    with access.change(
        con, actor, "committees", "committee.create", name, detail | {"follows": follows}
    ) as entry:
        (committee_id,) = con.execute(
            """INSERT INTO committees (name, meeting_date, snapshot, follows, created_at, created_by)
               VALUES ($n, $d, $s, $f, $at, $by) RETURNING committee_id""",
            {
                "n": name,
                "d": meeting_date,
                "s": snapshot,
                "f": follows,
                "at": datetime.now(),
                "by": actor.name,
            },
        ).fetchone()
        entry["committee"] = committee_id
    return committee_id


def list_committees(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every meeting, the latest first, with the snapshot its predecessor reviewed."""
    return con.execute(
        """SELECT c.committee_id, c.name, c.meeting_date, c.snapshot, c.follows, p.name AS follows_name,
                  p.snapshot AS since, c.created_by,
                  (SELECT count(*) FROM decisions AS d WHERE d.committee_id = c.committee_id) AS decisions,
                  (SELECT count(*) FROM actions AS a WHERE a.committee_id = c.committee_id) AS actions
           FROM committees AS c LEFT JOIN committees AS p ON p.committee_id = c.follows
           ORDER BY c.meeting_date DESC, c.committee_id DESC"""
    ).df()


def get_committee(con: duckdb.DuckDBPyConnection, committee_id: int) -> Committee | None:
    row = con.execute(
        """SELECT c.committee_id, c.name, c.meeting_date, c.snapshot, c.follows, p.snapshot
           FROM committees AS c LEFT JOIN committees AS p ON p.committee_id = c.follows
           WHERE c.committee_id = $id""",
        {"id": committee_id},
    ).fetchone()
    return Committee(*row) if row else None


def latest_committee(con: duckdb.DuckDBPyConnection) -> Committee | None:
    """Return the latest meeting: the one the app and the pack speak of by default."""
    row = con.execute(
        "SELECT committee_id FROM committees ORDER BY meeting_date DESC, committee_id DESC LIMIT 1"
    ).fetchone()
    return get_committee(con, row[0]) if row else None


def log_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Identify the log's content, so cached pictures refresh after a meeting, decision or action is recorded."""
    return con.execute(
        """SELECT (SELECT count(*) FROM committees), (SELECT max(committee_id) FROM committees),
                  (SELECT max(decision_id) FROM decisions), (SELECT max(updated_at) FROM actions),
                  (SELECT count(*) FROM actions)"""
    ).fetchone()


# --- Decisions -------------------------------------------------------------------------------------------


def record_decision(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    subject: str,
    decision: str,
    *,
    decided_on: date,
    committee_id: int | None = None,
    project_code: str | None = None,
    state: str = "taken",
    supersedes: int | None = None,
) -> int:
    """Add a decision to the log (or one the committee must take); superseding an entry corrects or answers it.

    An entry may be superseded once: a second correction supersedes the first correction, so the log reads
    as one chain per subject.
    """
    subject, decision = _text(subject, NAME_LENGTH), _text(decision, TEXT_LENGTH)
    project_code = _text(project_code, NAME_LENGTH) or None
    access.require(con, actor, "decisions", "decision.record", subject)
    if not subject or not decision:
        raise CommitteeRefused("decision_empty")
    if state not in DECISION_STATES:
        raise CommitteeRefused("state", state=state)
    _check_committee(con, committee_id)
    if supersedes is not None:
        row = con.execute(
            """SELECT (SELECT decision_id FROM decisions WHERE supersedes = $id) FROM decisions
               WHERE decision_id = $id""",
            {"id": supersedes},
        ).fetchone()
        if row is None:
            raise CommitteeRefused("decision_unknown", id=supersedes)
        if row[0] is not None:
            raise CommitteeRefused("superseded", id=supersedes, by=row[0])
    detail = {"subject": subject, "state": state, "project": project_code, "supersedes": supersedes}
    with access.change(con, actor, "decisions", "decision.record", subject, detail) as entry:
        (decision_id,) = con.execute(
            """INSERT INTO decisions (committee_id, decided_on, subject, decision, state, project_code,
                                      supersedes, recorded_at, recorded_by)
               VALUES ($c, $on, $s, $d, $state, $p, $sup, $at, $by) RETURNING decision_id""",
            {
                "c": committee_id,
                "on": decided_on,
                "s": subject,
                "d": decision,
                "state": state,
                "p": project_code,
                "sup": supersedes,
                "at": datetime.now(),
                "by": actor.name,
            },
        ).fetchone()
        entry["decision"] = decision_id
    return decision_id


def decision_log(con: duckdb.DuckDBPyConnection, committee_id: int | None = None) -> pd.DataFrame:
    """Return every decision, the latest first, each with the entry that superseded it (if any)."""
    return con.execute(
        """SELECT d.decision_id, d.decided_on, d.subject, d.decision, d.state, d.project_code,
                  d.committee_id, c.name AS committee, d.supersedes, n.decision_id AS superseded_by,
                  n.decision_id IS NULL AS live, d.recorded_by, d.recorded_at
           FROM decisions AS d
           LEFT JOIN decisions AS n ON n.supersedes = d.decision_id
           LEFT JOIN committees AS c ON c.committee_id = d.committee_id
           WHERE $c IS NULL OR d.committee_id = $c
           ORDER BY d.decided_on DESC, d.decision_id DESC""",
        {"c": committee_id},
    ).df()


def decisions_to_take(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the questions put to the committee and not answered yet, the oldest first."""
    log = decision_log(con)
    pending = log[log["live"] & log["state"].eq("to_take")]
    return pending.sort_values(["decided_on", "decision_id"]).reset_index(drop=True)


# --- Actions ---------------------------------------------------------------------------------------------


def add_action(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    title: str,
    owner: str,
    due_date: date | None,
    *,
    committee_id: int | None = None,
    decision_id: int | None = None,
    project_code: str | None = None,
) -> int:
    """Record an action: who does what by when, for which decision."""
    title, owner = _text(title, TEXT_LENGTH), _text(owner, NAME_LENGTH)
    project_code = _text(project_code, NAME_LENGTH) or None
    access.require(con, actor, "decisions", "action.add", title)
    if not title or not owner:
        raise CommitteeRefused("action_empty")
    _check_committee(con, committee_id)
    if (
        decision_id is not None
        and not con.execute("SELECT 1 FROM decisions WHERE decision_id = $id", {"id": decision_id}).fetchone()
    ):
        raise CommitteeRefused("decision_unknown", id=decision_id)
    detail = {
        "title": title,
        "owner": owner,
        "due": due_date and due_date.isoformat(),
        "decision": decision_id,
    }
    with access.change(con, actor, "decisions", "action.add", title, detail) as entry:
        now = datetime.now()
        (action_id,) = con.execute(
            """INSERT INTO actions (committee_id, decision_id, title, owner, due_date, status, project_code,
                                    created_at, created_by, updated_at, updated_by)
               VALUES ($c, $d, $title, $owner, $due, 'open', $p, $at, $by, $at, $by) RETURNING action_id""",
            {
                "c": committee_id,
                "d": decision_id,
                "title": title,
                "owner": owner,
                "due": due_date,
                "p": project_code,
                "at": now,
                "by": actor.name,
            },
        ).fetchone()
        entry["action"] = action_id
    return action_id


def update_action(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    action_id: int,
    *,
    status: str | None = None,
    due_date: date | None = None,
    owner: str | None = None,
    note: str | None = None,
) -> None:
    """Follow an action up: its status, a new due date or owner, a note; the audit entry keeps the old values."""
    access.require(con, actor, "decisions", "action.update", str(action_id))
    if status is not None and status not in ACTION_STATUSES:
        raise CommitteeRefused("status", status=status)
    before = con.execute(
        "SELECT status, due_date, owner, note FROM actions WHERE action_id = $id", {"id": action_id}
    ).fetchone()
    if before is None:
        raise CommitteeRefused("action_unknown", id=action_id)
    owner = None if owner is None else _text(owner, NAME_LENGTH)
    if owner == "":
        raise CommitteeRefused("action_empty")
    changes = {
        name: value
        for name, value in (("status", status), ("due_date", due_date), ("owner", owner), ("note", note))
        if value is not None
    }
    if "note" in changes:
        changes["note"] = _text(changes["note"], TEXT_LENGTH)
    was = dict(zip(("status", "due_date", "owner", "note"), before, strict=True))
    detail = {
        name: {"from": _plain(was[name]), "to": _plain(value)}
        for name, value in changes.items()
        if value != was[name]
    }
    if not detail:
        return
    with access.change(con, actor, "decisions", "action.update", action_id, detail):
        sets = ", ".join(f"{name} = ${name}" for name in changes)
        con.execute(
            f"UPDATE actions SET {sets}, updated_at = $at, updated_by = $by WHERE action_id = $id",  # noqa: S608 - fixed names
            {**changes, "at": datetime.now(), "by": actor.name, "id": action_id},
        )


def action_list(con: duckdb.DuckDBPyConnection, today: date, open_only: bool = False) -> pd.DataFrame:
    """Return the actions, overdue first, then by due date; `overdue` is measured on `today`."""
    return con.execute(
        """SELECT a.action_id, a.title, a.owner, a.due_date, a.status, a.project_code, a.note,
                  a.committee_id, c.name AS committee, a.decision_id, d.subject AS decision,
                  a.status IN ('open', 'in_progress') AND a.due_date < $today AS overdue,
                  a.updated_at, a.updated_by
           FROM actions AS a
           LEFT JOIN committees AS c ON c.committee_id = a.committee_id
           LEFT JOIN decisions AS d ON d.decision_id = a.decision_id
           WHERE NOT $open OR a.status IN ('open', 'in_progress')
           ORDER BY overdue DESC, a.status IN ('open', 'in_progress') DESC, a.due_date NULLS LAST, a.action_id""",
        {"today": today, "open": open_only},
    ).df()


# --- The log in Excel ------------------------------------------------------------------------------------

LOG_COLUMNS = {
    "committees": ("committee_id", "name", "meeting_date", "snapshot", "follows_name", "since"),
    "decisions": (
        "decision_id",
        "decided_on",
        "committee",
        "subject",
        "decision",
        "state",
        "project_code",
        "supersedes",
        "superseded_by",
        "recorded_by",
    ),
    "actions": (
        "action_id",
        "title",
        "owner",
        "due_date",
        "status",
        "overdue",
        "project_code",
        "decision",
        "committee",
        "note",
        "updated_by",
    ),
}


def log_workbook(con: duckdb.DuckDBPyConnection, lang: str, today: date) -> bytes:
    """Write the meetings, the whole decision log and the actions to one workbook, headers in `lang`.

    Text typed by users goes through `exports`, which neutralises what a spreadsheet would run as a formula.
    """
    decisions = decision_log(con).assign(
        state=lambda d: d["state"].map(lambda s: t(f"committee.state.{s}", lang))
    )
    actions = action_list(con, today).assign(
        status=lambda d: d["status"].map(lambda s: t(f"committee.status.{s}", lang)),
        overdue=lambda d: d["overdue"].map(lambda o: t("committee.overdue", lang) if o is True else ""),
    )
    frames = {"committees": list_committees(con), "decisions": decisions, "actions": actions}
    sheets = {
        t(f"committee.sheet.{name}", lang): frames[name][list(columns)].rename(
            columns={c: t(f"committee.col.{c}", lang) for c in columns}
        )
        for name, columns in LOG_COLUMNS.items()
    }
    return exports.to_excel_bytes(sheets, lang=lang)


# --- Helpers ---------------------------------------------------------------------------------------------


def _check_committee(con: duckdb.DuckDBPyConnection, committee_id: int | None) -> None:
    if committee_id is not None and get_committee(con, committee_id) is None:
        raise CommitteeRefused("unknown", id=committee_id)


def _text(value: object, most: int) -> str:
    """Return typed text trimmed and cut to a length a table cell and a slide can hold."""
    if value is None:
        return ""
    text = str(value).strip()
    if most <= NAME_LENGTH:  # a name or a subject reads on one line
        text = " ".join(text.split())
    return text[:most]


def _plain(value: object) -> object:
    return value.isoformat() if isinstance(value, date) else value
