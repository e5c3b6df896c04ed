"""Who may do what: the acting user, the four roles, and the one gate every write of the store goes through.

Every function of pmo_core that changes the store takes an `Actor` and wraps its writes in `change`, which
checks the role, runs the writes as one transaction and appends the audit entry inside it. A refused
attempt raises `AccessDenied` (its message says why in the user's language) and is itself recorded;
nothing of the change is stored. New kinds of change (committees, decisions, capacity scenarios,
governance rules) name a right from RIGHTS and call `change` the same way.
"""

from __future__ import annotations

import getpass
import socket
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import duckdb

from pmo_core import audit
from pmo_core.fields import fields_of
from pmo_core.i18n import t
from pmo_core.store import quote, transaction

if TYPE_CHECKING:
    from pmo_core.importer import ImportPlan

ROLES = ("viewer", "manager", "pmo", "admin")  # each role may do all that the roles before it may
RIGHTS = {
    "read": "viewer",
    "import": "manager",  # a project manager only for the projects they manage (see import_refusal)
    "profiles": "manager",
    "rollback": "pmo",
    "settings": "pmo",
    "scoring": "pmo",
    "scenarios": "pmo",
    "committees": "pmo",
    "decisions": "pmo",
    "audit": "pmo",
    "users": "admin",
    "backup": "admin",
}


@dataclass(frozen=True)
class Actor:
    """The person (or the command line) doing something: who, with which role, for which projects, from where."""

    name: str
    role: str
    projects: frozenset[str] = field(default_factory=frozenset)  # the projects a project manager manages
    origin: str = ""  # the address the request came from, or "cli@host"

    def can(self, right: str) -> bool:
        return self.role in ROLES and ROLES.index(self.role) >= ROLES.index(RIGHTS[right])


def command_line(name: str | None = None) -> Actor:
    """Return the actor of a command run on the server: the operating-system user, with every right.

    Whoever can run commands beside the store can read and replace its file anyway; the audit trail still
    says who ran what.
    """
    return Actor(name or getpass.getuser(), "admin", origin=f"cli@{socket.gethostname()}")


class AccessDenied(PermissionError):
    """A change the actor's role does not allow; `message` says why in either language."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(t(f"access.denied.{code}", "en", **params))
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        params = dict(self.params)
        if "role" in params:  # codes in the audit trail, words for the reader
            params["role"] = role_label(str(params["role"]), lang)
            params["right"] = t(f"access.right.{params['right']}", lang)
        return t(f"access.denied.{self.code}", lang, **params)


def role_label(role: str | None, lang: str) -> str:
    return t(f"access.role.{role}", lang) if role in ROLES else t("access.role.none", lang)


def refusal(actor: Actor, right: str) -> AccessDenied | None:
    """Return why the actor may not use a right, or None when they may."""
    return None if actor.can(right) else AccessDenied("role", role=actor.role, right=right)


def refuse(con: duckdb.DuckDBPyConnection, actor: Actor, action: str, target: str, denied: AccessDenied):
    """Record a refused attempt in the audit trail, then raise it."""
    audit.record(con, actor, action, target, {"reason": denied.code, **denied.params}, outcome="refused")
    raise denied


def require(con: duckdb.DuckDBPyConnection, actor: Actor, right: str, action: str, target: str = "") -> None:
    """Raise AccessDenied (and record it) unless the actor holds the right."""
    denied = refusal(actor, right)
    if denied is not None:
        refuse(con, actor, action, target, denied)


@contextmanager
def change(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    right: str,
    action: str,
    target: object = "",
    detail: dict[str, Any] | None = None,
) -> Iterator[dict[str, Any]]:
    """Check the right, run the block as one transaction and append its audit entry inside it.

    The block may add to the yielded detail (what it found: the ids it created, the values it replaced).
    """
    require(con, actor, right, action, str(target))
    entry = dict(detail or {})
    with audit.WRITING, transaction(con):
        yield entry
        audit.record(con, actor, action, str(target), entry)


# The stored tables whose amounts are cost figures: the money fields of fields.csv, and the saved scenarios.
ROW_TABLES = {
    "projects": "project_rows",
    "risks": "risk_rows",
    "costs": "cost_rows",
    "business_case": "business_case_rows",
}
# The registers the live state copies with their spans (migration 015): a copy carries the amounts too.
STATE_COPIES = {
    "project_rows": "project_state",
    "milestone_rows": "milestone_state",
    "risk_rows": "risk_state",
}
SCENARIO_COSTS = {
    "scenarios": ("budget", "total_cost"),
    "scenario_projects": ("cost",),
    "scenario_years": ("cost", "budget"),
}


def sees_costs(actor: Actor, hide_from_viewers: str) -> bool:
    """Say whether the actor may see cost figures: everyone may, but viewers when the setting hides them."""
    return not (hide_from_viewers == "yes" and actor.role == "viewer")


def cost_columns() -> dict[str, tuple[str, ...]]:
    """Return each stored table's cost columns."""
    money = {ROW_TABLES[e]: tuple(f.name for f in fields_of(e) if f.type == "money") for e in ROW_TABLES}
    copies = {STATE_COPIES[t]: c for t, c in money.items() if t in STATE_COPIES}
    return {**{t: c for t, c in {**money, **copies}.items() if c}, **SCENARIO_COSTS}


def hide_costs(cursor: duckdb.DuckDBPyConnection, hidden: bool) -> None:
    """Blank every cost figure for one session's cursor, or bring them back.

    Temporary views belong to the cursor alone and stand in front of the stored tables for every query it
    runs (the *_at macros and views included), so amounts never leave the store for this session, whatever
    page asks; other sessions read the tables as they are.
    """
    database = cursor.execute("SELECT current_database()").fetchone()[0]
    for table, columns in cost_columns().items():
        if not hidden:
            cursor.execute(f"DROP VIEW IF EXISTS temp.{quote(table)}")
            continue
        blanks = ", ".join(
            f"NULL::{kind} AS {quote(name)}"
            for name, kind in cursor.execute(
                """SELECT column_name, data_type FROM information_schema.columns
                   WHERE table_catalog = $d AND table_schema = 'main' AND table_name = $t""",
                {"d": database, "t": table},
            ).fetchall()
            if name in columns
        )
        source = f"{quote(database)}.main.{quote(table)}"
        view = f"CREATE OR REPLACE TEMP VIEW {quote(table)} AS SELECT * REPLACE ({blanks}) FROM {source}"  # noqa: S608
        cursor.execute(view)


def import_refusal(actor: Actor, plan: ImportPlan) -> AccessDenied | None:
    """Return why the actor may not store this plan, or None: a project manager imports only their projects."""
    denied = refusal(actor, "import")
    if denied is not None or actor.can("rollback"):
        return denied
    if plan.scope == "full":
        return AccessDenied("full_scope")
    teams = plan.coverage["entity"] == "resources"  # for capacity, coverage names teams, not projects
    outside = sorted(set(plan.coverage.loc[~teams, "project_code"].astype(str)) - actor.projects)
    if outside:
        return AccessDenied("projects", projects=_names(outside), n=len(outside))
    if teams.any():
        return AccessDenied("capacity")
    return None


def _names(codes: Iterable[str], most: int = 12) -> str:
    codes = list(codes)
    return ", ".join(codes[:most]) + (" …" if len(codes) > most else "")
