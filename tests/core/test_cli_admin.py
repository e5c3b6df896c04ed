"""The command line IT uses: accounts, the audit trail, backups and restores of a store that is not served."""

from __future__ import annotations

import io
import json
from pathlib import Path

import openpyxl

from pmo_core import accounts, store
from pmo_core.cli import main


def run(capsys, monkeypatch, db: Path, *args: str, stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    code = main(["--db", str(db), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_accounts_are_created_reset_given_roles_disabled_and_listed(capsys, monkeypatch, db_path):
    assert (
        run(
            capsys,
            monkeypatch,
            db_path,
            "user",
            "add",
            "alice",
            "--role",
            "pmo",
            "--password-stdin",
            stdin="a long enough password\n",
        )[0]
        == 0
    )
    code, _, err = run(
        capsys,
        monkeypatch,
        db_path,
        "user",
        "add",
        "bob",
        "--role",
        "viewer",
        "--password-stdin",
        stdin="short\n",
    )
    assert code == 2 and "at least 12 characters" in err
    run(capsys, monkeypatch, db_path, "user", "role", "eve@example.com", "manager", "--projects", "P1, P2")
    run(capsys, monkeypatch, db_path, "user", "disable", "alice")
    code, out, _ = run(capsys, monkeypatch, db_path, "--lang", "fr", "user", "list")
    assert code == 0
    assert out.splitlines() == [
        "alice\tPMO\t\tdésactivé",
        "eve@example.com\tChef de projet\tP1, P2\tse connecte ailleurs",
    ]
    run(capsys, monkeypatch, db_path, "user", "disable", "alice", "--enable")
    run(
        capsys,
        monkeypatch,
        db_path,
        "user",
        "passwd",
        "alice",
        "--password-stdin",
        stdin="a new long password\n",
    )
    con = store.connect(db_path)
    assert accounts.sign_in(con, "alice", "a new long password", "test").role == "pmo"
    con.close()


def test_the_audit_trail_is_listed_checked_and_exported(capsys, monkeypatch, db_path, tmp_path):
    run(capsys, monkeypatch, db_path, "--user", "it-ops", "user", "role", "eve@example.com", "viewer")
    code, out, _ = run(capsys, monkeypatch, db_path, "audit")
    assert code == 0 and "\tit-ops\tcli@" in out and "\tuser.role\teve@example.com\tdone\t" in out
    assert run(capsys, monkeypatch, db_path, "audit", "--verify")[1].strip() == "The audit trail is intact."
    run(capsys, monkeypatch, db_path, "audit", "--export", str(tmp_path / "audit.xlsx"))
    sheet = openpyxl.load_workbook(tmp_path / "audit.xlsx").active
    assert sheet["C2"].value == "it-ops"
    con = store.connect(db_path)
    con.execute("UPDATE audit_log SET target = 'someone'")
    con.close()
    code, _, err = run(capsys, monkeypatch, db_path, "audit", "--verify")
    assert code == 2 and "changed behind the app's back" in err


def test_backup_and_restore_from_the_command_line(capsys, monkeypatch, demo_db, tmp_path):
    code, out, _ = run(capsys, monkeypatch, demo_db, "backup", str(tmp_path / "backups"))
    assert code == 0 and "Backup written" in out
    restored = tmp_path / "restored.duckdb"
    code, out, _ = run(capsys, monkeypatch, restored, "restore", str(tmp_path / "backups"))
    assert code == 0 and "as its manifest says" in out
    summaries = [
        json.loads(run(capsys, monkeypatch, db, "summary", "--json")[1]) for db in (demo_db, restored)
    ]
    assert summaries[0] == summaries[1] and summaries[0]["projects"] == 60
    code, _, err = run(capsys, monkeypatch, restored, "restore", str(tmp_path / "backups"))
    assert code == 2 and "--force" in err
