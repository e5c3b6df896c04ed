"""Backups: a consistent copy taken while the store is in use, restored into a new store and checked."""

from __future__ import annotations

import threading

import pytest

from pmo_core import audit, backup, snapshots, store
from pmo_core.backup import BackupFailed
from tests.actors import ADMIN, PMO


def test_a_backup_restores_into_a_new_store_with_the_same_data(demo_con, tmp_path):
    path = backup.write_backup(demo_con, tmp_path / "backups", ADMIN)
    assert path.with_suffix(".json").exists()
    restored = tmp_path / "restored.duckdb"
    report = backup.restore(tmp_path / "backups", restored, ADMIN)
    assert report["rows"] > 1000 and report["audit_broken"] == []
    copy = store.connect(restored)
    assert snapshots.summary(copy) == snapshots.summary(demo_con)
    for entity, frame in snapshots.state_frames(demo_con).items():
        assert snapshots.state_frames(copy)[entity].equals(frame), entity
    assert audit.entries(copy)["action"].iloc[0] == "restore"  # the restored store says where it came from
    assert audit.entries(demo_con)["action"].iloc[0] == "backup"
    copy.close()


def test_only_an_admin_takes_backups(con, tmp_path):
    with pytest.raises(PermissionError):
        backup.write_backup(con, tmp_path, PMO)
    assert not list(tmp_path.glob("pmo-*"))


def test_a_restore_refuses_a_damaged_backup_and_an_existing_store(con, tmp_path, db_path):
    path = backup.write_backup(con, tmp_path / "b", ADMIN)
    with pytest.raises(BackupFailed, match="exists"):
        backup.restore(path, db_path, ADMIN)
    with path.open("r+b") as handle:
        handle.seek(5000)
        handle.write(b"garbage")
    with pytest.raises(BackupFailed, match="damaged"):
        backup.restore(path, tmp_path / "new.duckdb", ADMIN)
    with pytest.raises(BackupFailed, match="No backup"):
        backup.restore(tmp_path / "empty", tmp_path / "new.duckdb", ADMIN)


def test_a_forced_restore_keeps_the_replaced_store_beside_it(demo_db, tmp_path):
    con = store.connect(demo_db)
    backup.write_backup(con, tmp_path / "b", ADMIN)
    con.close()
    backup.restore(tmp_path / "b", demo_db, ADMIN, force=True)
    assert list(tmp_path.glob("pmo.duckdb.before-restore-*"))


def test_the_server_thread_serves_a_backup_asked_from_the_command_line(
    demo_con, demo_db, tmp_path, monkeypatch
):
    monkeypatch.setenv("PMO_BACKUP_EVERY_HOURS", "0")
    service = backup.BackupService(demo_con, demo_db)
    stop = threading.Event()

    def serve():
        cursor = demo_con.cursor()
        while not stop.is_set():
            service.serve_requests(cursor)
            stop.wait(0.1)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        path = backup.request_backup(demo_db, tmp_path / "asked", ADMIN)
    finally:
        stop.set()
        thread.join()
    assert path.parent == (tmp_path / "asked").resolve()
    assert (
        backup.table_counts(path)["project_rows"]
        == demo_con.execute("SELECT count(*) FROM project_rows").fetchone()[0]
    )
    assert not list(backup.requests_dir(demo_db).iterdir())  # the request and its answer are cleared


def test_old_scheduled_backups_are_pruned(con, tmp_path):
    for _ in range(4):
        backup.write_backup(con, tmp_path, ADMIN)
    gone = backup.prune(tmp_path, keep=2)
    assert len(gone) == 2 and len(list(tmp_path.glob("pmo-*.duckdb"))) == 2
    assert len(list(tmp_path.glob("pmo-*.json"))) == 2


def test_the_server_thread_ends_with_the_connection_it_serves(db_path, monkeypatch):
    import gc

    monkeypatch.setenv("PMO_BACKUP_EVERY_HOURS", "0")
    con = store.connect(db_path)
    service = backup.start_service(con, db_path)
    assert service.is_alive() and backup.start_service(con, db_path) is service  # one per store and process
    con.close()
    del con
    gc.collect()
    service.join(timeout=10)
    assert not service.is_alive()
