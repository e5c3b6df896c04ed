"""Built-in accounts: Argon2 hashes, a wait and a lock-out after failures; roles for identities signed in elsewhere."""

from __future__ import annotations

import pytest

from pmo_core import accounts, audit
from pmo_core.access import AccessDenied
from pmo_core.accounts import AccountRefused
from tests.actors import ADMIN, PMO

PASSWORD = "correct horse battery"


@pytest.fixture(autouse=True)
def _no_wait(monkeypatch):
    """Count the waits a failed sign-in asks for instead of sleeping through them."""
    waits = []
    monkeypatch.setattr(accounts.time, "sleep", waits.append)
    return waits


def test_a_password_is_stored_as_an_argon2id_hash_and_checked(con):
    accounts.add_user(con, ADMIN, "alice", "pmo", PASSWORD, display_name="Alice Martin")
    stored = con.execute("SELECT password_hash FROM users WHERE name = 'alice'").fetchone()[0]
    assert stored.startswith("$argon2id$") and PASSWORD not in stored
    actor = accounts.sign_in(con, "alice", PASSWORD, "10.0.0.9")
    assert (actor.name, actor.role, actor.origin) == ("alice", "pmo", "10.0.0.9")
    assert audit.entries(con).iloc[0][["action", "outcome", "origin"]].tolist() == [
        "signin",
        "done",
        "10.0.0.9",
    ]


def test_a_short_password_an_unknown_role_or_a_second_alice_are_refused(con):
    with pytest.raises(AccountRefused, match="at least 12"):
        accounts.add_user(con, ADMIN, "alice", "pmo", "short")
    with pytest.raises(AccountRefused):
        accounts.add_user(con, ADMIN, "alice", "boss", PASSWORD)
    accounts.add_user(con, ADMIN, "alice", "pmo", PASSWORD)
    with pytest.raises(AccountRefused, match="already exists"):
        accounts.add_user(con, ADMIN, "alice", "viewer", PASSWORD)


def test_only_an_admin_manages_accounts(con):
    with pytest.raises(AccessDenied):
        accounts.add_user(con, PMO, "mallory", "admin", PASSWORD)
    assert accounts.get_user(con, "mallory") is None


def test_a_wrong_password_waits_and_five_lock_the_account_even_against_the_right_one(con, _no_wait):
    accounts.add_user(con, ADMIN, "alice", "pmo", PASSWORD)
    for _ in range(accounts.MAX_FAILURES - 1):
        with pytest.raises(AccountRefused) as refused:
            accounts.sign_in(con, "alice", "wrong password!", "10.0.0.9")
        assert refused.value.code == "wrong"
    with pytest.raises(AccountRefused) as refused:
        accounts.sign_in(con, "alice", "wrong password!", "10.0.0.9")
    assert refused.value.code == "locked"
    assert _no_wait == [accounts.FAILURE_DELAY_SECONDS] * accounts.MAX_FAILURES
    with pytest.raises(AccountRefused) as refused:
        accounts.sign_in(con, "alice", PASSWORD, "10.0.0.9")
    assert refused.value.code == "locked"
    # An administrator's new password lifts the lock.
    accounts.set_password(con, ADMIN, "alice", "another long passphrase")
    assert accounts.sign_in(con, "alice", "another long passphrase", "10.0.0.9").name == "alice"
    refused_entries = audit.entries(con, audit.AuditFilter(actions=("signin",), refused_only=True))
    assert len(refused_entries) == accounts.MAX_FAILURES + 1


def test_an_unknown_name_reads_like_a_wrong_password_and_waits_as_long(con, _no_wait):
    with pytest.raises(AccountRefused) as refused:
        accounts.sign_in(con, "nobody", PASSWORD, "10.0.0.9")
    assert refused.value.code == "wrong" and _no_wait == [accounts.FAILURE_DELAY_SECONDS]


def test_a_disabled_account_cannot_sign_in(con):
    accounts.add_user(con, ADMIN, "alice", "pmo", PASSWORD)
    accounts.set_disabled(con, ADMIN, "alice")
    with pytest.raises(AccountRefused, match="disabled"):
        accounts.sign_in(con, "alice", PASSWORD, "10.0.0.9")


def test_an_identity_signed_in_elsewhere_takes_its_highest_mapped_role_unless_an_admin_set_one(con):
    mapping = accounts.role_map("PMO-Office = pmo, PMO-Admins=admin, Staff=viewer")
    assert accounts.identity(con, "eve@x", ("Staff", "PMO-Office"), mapping, None, "ip").role == "pmo"
    with pytest.raises(AccountRefused) as refused:
        accounts.identity(con, "zoe@x", ("Other",), mapping, None, "ip")
    assert refused.value.code == "no_role"
    assert accounts.identity(con, "zoe@x", ("Other",), mapping, "viewer", "ip").role == "viewer"
    accounts.set_role(con, ADMIN, "eve@x", "manager", ("P1", "P2"))
    eve = accounts.identity(con, "eve@x", ("PMO-Office",), mapping, None, "ip")
    assert (eve.role, eve.projects) == ("manager", frozenset({"P1", "P2"}))
    with pytest.raises(AccountRefused):
        accounts.role_map("group=superuser")
