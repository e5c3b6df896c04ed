"""A backup taken while the app serves and browsers read, restored into a new store with the same data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from pmo_core import audit, snapshots, store
from tests.e2e.conftest import ROOT, settle, start_server, stop_server

pytestmark = pytest.mark.e2e


def cli(db, *args: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "pmo_core", "--db", str(db), *args],
        cwd=ROOT,
        env={**os.environ, "PMO_DB": str(db)},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_a_backup_while_serving_restores_the_same_data(browser, tmp_path, demo_store_file):
    db = tmp_path / "served.duckdb"
    shutil.copy(demo_store_file, db)
    process, url = start_server(db, tmp_path / "server.log")
    readers = [browser.new_context(viewport={"width": 1280, "height": 720}).new_page() for _ in range(2)]
    try:
        for tab, path in zip(readers, ("", "/risks"), strict=True):
            tab.goto(url + path)
        for tab in readers:
            settle(tab)  # the server now holds the store: a command cannot open it
        held = cli(db, "summary")
        assert held.wait(timeout=120) == 3 and "open in another process" in held.stderr.read()
        backup = cli(db, "--user", "it-ops", "backup", str(tmp_path / "backups"))
        for tab, path in zip(readers, ("/budget", "/priorities"), strict=True):  # reading while it copies
            tab.goto(url + path)
        for tab in readers:
            settle(tab)
        out, err = backup.communicate(timeout=300)
        assert backup.returncode == 0, err
        assert "Backup written" in out
    finally:
        for tab in readers:
            tab.context.close()
        stop_server(process)
    restored = tmp_path / "restored.duckdb"
    restore = cli(restored, "restore", str(tmp_path / "backups"))
    out, err = restore.communicate(timeout=300)
    assert restore.returncode == 0, err
    original, copy = store.connect(db), store.connect(restored)
    try:
        assert snapshots.summary(copy) == snapshots.summary(original)
        for entity, frame in snapshots.state_frames(original).items():
            assert snapshots.state_frames(copy)[entity].equals(frame), entity
        # The served store says who asked for the backup; the restored one says where it came from.
        asked = audit.entries(original, audit.AuditFilter(actions=("backup",)))
        assert asked["user_name"].tolist() == ["it-ops"]
        assert audit.entries(copy)["action"].iloc[0] == "restore"
    finally:
        original.close()
        copy.close()
