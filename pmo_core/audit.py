"""The audit trail: who changed what, when and from where, appended and never rewritten.

Entries are written by `access.change` inside the transaction of the change they describe (a change that
rolls back leaves no entry), and by `access.refuse` for attempts a role does not allow. Each entry holds the
hash of the entry before it, so that `verify` finds an entry edited or removed behind the app's back.
"""

from __future__ import annotations

import hashlib
import json
import threading
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import TYPE_CHECKING, Any

import duckdb
import pandas as pd

from pmo_core.exports import neutralise, to_excel_bytes
from pmo_core.i18n import t, table

if TYPE_CHECKING:
    from pmo_core.access import Actor

GENESIS = "0" * 64  # the hash the first entry follows
# One entry at a time per process: the chain reads the last entry before it appends the next. A change holds
# it for its whole transaction (access.change), so no entry slips in between.
WRITING = threading.RLock()


def record(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    action: str,
    target: str = "",
    detail: dict[str, Any] | None = None,
    outcome: str = "done",
) -> int:
    """Append one entry and return its id; the caller's transaction (if any) makes it part of the change."""
    with WRITING:
        return _append(con, actor, action, target, detail, outcome)


def _append(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    action: str,
    target: str,
    detail: dict[str, Any] | None,
    outcome: str,
) -> int:
    at = datetime.now()
    text = json.dumps(detail or {}, ensure_ascii=False, sort_keys=True, default=str)
    previous = con.execute("SELECT hash FROM audit_log ORDER BY entry_id DESC LIMIT 1").fetchone()
    prev_hash = previous[0] if previous else GENESIS
    fields = (at.isoformat(), actor.name, actor.role, actor.origin, action, target, outcome, text)
    digest = _digest(prev_hash, fields)
    return con.execute(
        """INSERT INTO audit_log (happened_at, user_name, role, origin, action, target, outcome, detail, prev_hash, hash)
           VALUES ($at, $u, $r, $o, $a, $t, $out, $d, $p, $h) RETURNING entry_id""",
        {
            "at": at,
            "u": actor.name,
            "r": actor.role,
            "o": actor.origin,
            "a": action,
            "t": target,
            "out": outcome,
            "d": text,
            "p": prev_hash,
            "h": digest,
        },
    ).fetchone()[0]


def _digest(prev_hash: str, fields: tuple) -> str:
    return hashlib.sha256(json.dumps([prev_hash, *fields], ensure_ascii=False).encode()).hexdigest()


@dataclass(frozen=True)
class AuditFilter:
    """What the audit page and the CLI narrow the trail to; empty means all."""

    users: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    since: date | None = None
    until: date | None = None
    text: str = ""
    refused_only: bool = False


def entries(
    con: duckdb.DuckDBPyConnection, f: AuditFilter = AuditFilter(), limit: int = 5000
) -> pd.DataFrame:
    """Return the entries that match, newest first."""
    return con.execute(
        """SELECT entry_id, happened_at, user_name, role, origin, action, target, outcome, detail FROM audit_log
           WHERE (len($users) = 0 OR list_contains($users, user_name))
             AND (len($actions) = 0 OR list_contains($actions, action))
             AND ($since IS NULL OR happened_at >= $since) AND ($until IS NULL OR happened_at < $until)
             AND contains(lower(concat_ws(' ', user_name, origin, target, detail)), lower($text))
             AND (NOT $refused OR outcome = 'refused')
           ORDER BY entry_id DESC LIMIT $limit""",
        {
            "users": list(f.users),
            "actions": list(f.actions),
            "since": datetime.combine(f.since, time()) if f.since else None,
            "until": datetime.combine(f.until, time()) + pd.Timedelta(days=1) if f.until else None,
            "text": f.text.strip(),
            "refused": f.refused_only,
            "limit": limit,
        },
    ).df()


def action_label(action: str, lang: str) -> str:
    """Return an action in the reader's words; an action of a newer kind without words shows its code."""
    key = f"audit.action.{action}"
    return t(key, lang) if key in table() else action


def choices(con: duckdb.DuckDBPyConnection) -> tuple[list[str], list[str]]:
    """Return the user names and the actions found in the trail, for the filters."""
    users = [r[0] for r in con.execute("SELECT DISTINCT user_name FROM audit_log ORDER BY 1").fetchall()]
    actions = [r[0] for r in con.execute("SELECT DISTINCT action FROM audit_log ORDER BY 1").fetchall()]
    return users, actions


def verify(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Return the ids of the entries whose hash does not follow from the one before (empty: the trail holds)."""
    broken, prev_hash = [], GENESIS
    rows = con.execute(
        """SELECT entry_id, happened_at, user_name, role, origin, action, target, outcome, detail, prev_hash, hash
           FROM audit_log ORDER BY entry_id"""
    ).fetchall()
    for entry_id, at, user, role, origin, action, target, outcome, detail, prev, digest in rows:
        fields = (at.isoformat(), user, role, origin, action, target, outcome, detail)
        if prev != prev_hash or digest != _digest(prev, fields):
            broken.append(entry_id)
        prev_hash = digest
    return broken


COLUMNS = ("entry_id", "happened_at", "user_name", "role", "origin", "action", "target", "outcome", "detail")


def export_frame(found: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the entries with their headers in the reader's language, for a download."""
    shown = found.assign(action=found["action"].map(lambda a: action_label(a, lang)))
    return shown[list(COLUMNS)].rename(columns={c: t(f"audit.col.{c}", lang) for c in COLUMNS})


def export_xlsx(found: pd.DataFrame, lang: str) -> bytes:
    """Return the entries as a workbook; text that a spreadsheet would run as a formula is neutralised."""
    return to_excel_bytes({t("audit.sheet", lang): export_frame(found, lang)})


def export_csv(found: pd.DataFrame) -> bytes:
    """Return the entries as CSV (UTF-8 with BOM, so Excel reads accents), formulas neutralised."""
    return found[list(COLUMNS)].map(neutralise).to_csv(index=False).encode("utf-8-sig")
