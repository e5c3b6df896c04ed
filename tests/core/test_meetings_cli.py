"""The committee log from the command line: a meeting, a decision corrected, an action followed up, the log
exported; a refusal exits with status 2 and says why."""

from __future__ import annotations

from io import BytesIO

from openpyxl import load_workbook

from pmo_core import audit, meetings, store
from tests.core.test_cli import cli


def test_a_committee_is_run_from_the_command_line(demo_db, tmp_path):
    done = cli(
        demo_db, "committee", "create", "COPIL October", "--date", "2026-11-06", "--snapshot", "2026-10-31"
    )
    assert done.returncode == 0, done.stderr
    assert "COPIL October" in done.stdout
    listed = cli(demo_db, "committee", "list")
    assert listed.stdout.split("\t")[:4] == ["1", "COPIL October", "2026-11-06", "2026-10-31"]
    asked = cli(
        demo_db, "decision", "add", "ERP budget", "Fund the overrun?", "--to-take", "--committee", "1"
    )
    answered = cli(demo_db, "decision", "add", "ERP budget", "Funded up to 250 k€", "--supersedes", "1")
    assert asked.returncode == answered.returncode == 0, answered.stderr
    log = cli(demo_db, "--lang", "fr", "decision", "list").stdout.splitlines()
    assert log[1].split("\t")[:4][2] == "Décision à prendre" and log[1].endswith("remplacée par le n° 2")
    added = cli(
        demo_db, "action", "add", "Revised plan", "--owner", "Alice", "--due", "2026-11-01", "--decision", "2"
    )
    assert added.returncode == 0, added.stderr
    assert cli(demo_db, "action", "update", "1", "--status", "in_progress").returncode == 0
    listed = cli(demo_db, "action", "list", "--open").stdout
    assert "Revised plan\tAlice\t1 Nov 2026\tIn progress\t⚠ overdue" in listed
    target = tmp_path / "log.xlsx"
    assert cli(demo_db, "committee", "export", str(target)).returncode == 0
    assert load_workbook(BytesIO(target.read_bytes())).sheetnames == ["Meetings", "Decisions", "Actions"]
    con = store.connect(demo_db)
    assert len(meetings.decision_log(con)) == 2
    actions = audit.entries(con, audit.AuditFilter((), (), None, None))["action"].tolist()
    assert {"committee.create", "decision.record", "action.add", "action.update"} <= set(actions)
    con.close()


def test_a_refused_entry_exits_with_status_2_and_says_why(demo_db):
    wrong = cli(demo_db, "committee", "create", "COPIL", "--snapshot", "2026-10-15")
    assert wrong.returncode == 2 and "no snapshot on 2026-10-15" in wrong.stderr
    again = cli(demo_db, "--lang", "fr", "action", "update", "99", "--status", "done")
    assert again.returncode == 2 and "Il n'y a pas d'action n° 99" in again.stderr
