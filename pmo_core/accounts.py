"""User accounts: built-in sign-in with hashed passwords, and the roles an admin gives to any identity.

Passwords are hashed with Argon2id (argon2-cffi, the OWASP first choice); a failed sign-in waits, and
repeated failures lock the account for a while. Identities signed in by single sign-on or a trusted proxy
get their role from their groups (ROLE_MAP), unless an admin set one here, which wins.
"""

from __future__ import annotations

import functools
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

import duckdb
import pandas as pd
from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from pmo_core import access, audit
from pmo_core.access import ROLES, Actor
from pmo_core.i18n import t

MIN_PASSWORD_LENGTH = 12
MAX_FAILURES = 5  # failed sign-ins in a row before the account locks
LOCK_MINUTES = 15
FAILURE_DELAY_SECONDS = 1.0  # every failed sign-in waits this long, so guessing is slow even before the lock
_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Return a hash verified when the name is unknown, so an unknown name takes as long as a wrong password.

    Made on the first sign-in, not at import: an Argon2id hash costs a command or a server start up to a second.
    """
    return _HASHER.hash("not a password of anyone")


class AccountRefused(ValueError):
    """A sign-in or an account change that cannot be done; `message` says why in either language."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(t(f"accounts.error.{code}", "en", **params))
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        return t(f"accounts.error.{self.code}", lang, **self.params)


@dataclass(frozen=True)
class User:
    name: str
    display_name: str | None
    role: str
    projects: frozenset[str]
    has_password: bool
    disabled: bool
    failed_attempts: int
    locked_until: datetime | None


def get_user(con: duckdb.DuckDBPyConnection, name: str) -> User | None:
    row = con.execute(
        """SELECT name, display_name, role, projects, password_hash IS NOT NULL, disabled, failed_attempts,
                  locked_until FROM users WHERE name = $n""",
        {"n": name.strip()},
    ).fetchone()
    if row is None:
        return None
    return User(row[0], row[1], row[2], frozenset(row[3] or ()), row[4], row[5], row[6], row[7])


def list_users(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every account, without its password hash."""
    return con.execute(
        """SELECT name, display_name, role, list_sort(projects) AS projects, password_hash IS NOT NULL AS has_password,
                  disabled, locked_until, last_sign_in, created_at FROM users ORDER BY name"""
    ).df()


def check_password(password: str) -> None:
    """Refuse a password too short to resist guessing."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise AccountRefused("short", n=MIN_PASSWORD_LENGTH)


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountRefused("role", roles=", ".join(ROLES))


def add_user(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    name: str,
    role: str,
    password: str | None = None,
    projects: tuple[str, ...] = (),
    display_name: str | None = None,
) -> None:
    """Create an account; without a password it is an identity that signs in elsewhere (SSO, proxy)."""
    name = name.strip()
    if not name:
        raise AccountRefused("name")
    _check_role(role)
    if password is not None:
        check_password(password)
    with access.change(con, actor, "users", "user.add", name, {"role": role, "projects": list(projects)}):
        if get_user(con, name) is not None:
            raise AccountRefused("exists", name=name)
        now = datetime.now()
        con.execute(
            """INSERT INTO users (name, display_name, role, projects, password_hash, created_at, updated_at)
               VALUES ($n, $d, $r, $p, $h, $t, $t)""",
            {
                "n": name,
                "d": display_name,
                "r": role,
                "p": sorted(set(projects)),
                "h": _HASHER.hash(password) if password is not None else None,
                "t": now,
            },
        )


def _existing(con: duckdb.DuckDBPyConnection, name: str) -> User:
    user = get_user(con, name)
    if user is None:
        raise AccountRefused("unknown", name=name)
    return user


def set_password(con: duckdb.DuckDBPyConnection, actor: Actor, name: str, password: str) -> None:
    """Set a new password, which also lifts a lock-out."""
    check_password(password)
    with access.change(con, actor, "users", "user.password", name):
        _existing(con, name)
        con.execute(
            """UPDATE users SET password_hash = $h, failed_attempts = 0, locked_until = NULL, updated_at = $t
               WHERE name = $n""",
            {"h": _HASHER.hash(password), "t": datetime.now(), "n": name},
        )


def set_role(
    con: duckdb.DuckDBPyConnection,
    actor: Actor,
    name: str,
    role: str,
    projects: tuple[str, ...] | None = None,
) -> None:
    """Give a role (and, for a project manager, the projects they manage); creates an SSO identity if new."""
    _check_role(role)
    with access.change(con, actor, "users", "user.role", name, {"role": role}) as entry:
        user = get_user(con, name)
        if user is None:
            now = datetime.now()
            con.execute(
                "INSERT INTO users (name, role, created_at, updated_at) VALUES ($n, $r, $t, $t)",
                {"n": name.strip(), "r": role, "t": now},
            )
            user = _existing(con, name)
        entry["before"] = {"role": user.role, "projects": sorted(user.projects)}
        kept = sorted(user.projects) if projects is None else sorted(set(projects))
        entry["projects"] = kept
        con.execute(
            "UPDATE users SET role = $r, projects = $p, updated_at = $t WHERE name = $n",
            {"r": role, "p": kept, "t": datetime.now(), "n": user.name},
        )


def set_disabled(con: duckdb.DuckDBPyConnection, actor: Actor, name: str, disabled: bool = True) -> None:
    """Disable an account (it can no longer sign in) or enable it again."""
    action = "user.disable" if disabled else "user.enable"
    with access.change(con, actor, "users", action, name):
        _existing(con, name)
        con.execute(
            "UPDATE users SET disabled = $d, updated_at = $t WHERE name = $n",
            {"d": disabled, "t": datetime.now(), "n": name},
        )


def sign_in(con: duckdb.DuckDBPyConnection, name: str, password: str, origin: str) -> Actor:
    """Check a built-in account's password and return the signed-in actor; refuse, wait and record otherwise."""
    name = name.strip()
    user = get_user(con, name)
    now = datetime.now()
    attempt = Actor(name or "?", user.role if user else "", origin=origin)
    if user is not None and user.locked_until is not None and user.locked_until > now:
        _signin_refused(con, attempt, "locked", until=f"{user.locked_until:%H:%M}")
    stored = None
    if user is not None:
        stored = con.execute("SELECT password_hash FROM users WHERE name = $n", {"n": name}).fetchone()[0]
    if not _matches(stored, password):
        failures = _count_failure(con, user, now)
        if failures >= MAX_FAILURES:
            _signin_refused(con, attempt, "locked", until=f"{now + timedelta(minutes=LOCK_MINUTES):%H:%M}")
        _signin_refused(con, attempt, "wrong")
    if user.disabled:
        _signin_refused(con, attempt, "disabled")
    con.execute(
        "UPDATE users SET failed_attempts = 0, locked_until = NULL, last_sign_in = $t WHERE name = $n",
        {"t": now, "n": name},
    )
    if _HASHER.check_needs_rehash(stored):  # a hash made with weaker parameters is renewed on the way
        con.execute(
            "UPDATE users SET password_hash = $h WHERE name = $n", {"h": _HASHER.hash(password), "n": name}
        )
    actor = Actor(user.name, user.role, user.projects, origin)
    audit.record(con, actor, "signin", user.name)
    return actor


def _matches(stored: str | None, password: str) -> bool:
    try:
        return _HASHER.verify(stored or _dummy_hash(), password) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def _count_failure(con: duckdb.DuckDBPyConnection, user: User | None, now: datetime) -> int:
    """Count a failed sign-in against the account and lock it at MAX_FAILURES; wait before answering."""
    time.sleep(FAILURE_DELAY_SECONDS)
    if user is None:
        return 0
    failures = user.failed_attempts + 1
    con.execute(
        "UPDATE users SET failed_attempts = $f, locked_until = $l WHERE name = $n",
        {
            "f": 0 if failures >= MAX_FAILURES else failures,
            "l": now + timedelta(minutes=LOCK_MINUTES) if failures >= MAX_FAILURES else None,
            "n": user.name,
        },
    )
    return failures


def _signin_refused(con: duckdb.DuckDBPyConnection, attempt: Actor, code: str, **params: object):
    audit.record(con, attempt, "signin", attempt.name, {"reason": code, **params}, outcome="refused")
    raise AccountRefused(code, **params)


def identity(
    con: duckdb.DuckDBPyConnection,
    name: str,
    groups: tuple[str, ...],
    role_map: dict[str, str],
    default_role: str | None,
    origin: str,
) -> Actor:
    """Return the actor of an identity signed in elsewhere: the role an admin set here, else the highest role
    its groups map to, else the default; refuse a disabled identity or one with no role."""
    user = get_user(con, name)
    if user is not None and user.disabled:
        raise AccountRefused("disabled")
    mapped = [role_map[g] for g in groups if g in role_map]
    role = user.role if user is not None else max(mapped, key=ROLES.index, default=default_role)
    if role not in ROLES:
        raise AccountRefused("no_role", name=name)
    return Actor(name, role, user.projects if user else frozenset(), origin)


def role_map(text: str) -> dict[str, str]:
    """Read ROLE_MAP ("pmo-office=pmo, pmo-admins=admin"): a group or role claim to one of our roles."""
    pairs = {}
    for part in text.split(","):
        if "=" in part:
            group, role = (s.strip() for s in part.rsplit("=", 1))
            _check_role(role)
            pairs[group] = role
    return pairs
