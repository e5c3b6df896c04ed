"""Backups taken while the app serves, and restores checked against what the backup holds.

The app's process holds the store's write lock, so it writes the backups itself: a thread of the server
copies the store on a schedule (PMO_BACKUP_EVERY_HOURS into PMO_BACKUP_DIR) and on demand. A copy is one
read transaction (`COPY FROM DATABASE`), so it is consistent while people read and import. A command-line
`backup` finds the store free and copies it itself, or finds it served and leaves a request beside the
store that the server's thread carries out within a second or two.

A backup is a DuckDB file, usable as a store as it is, with a JSON manifest beside it: the row count of
every table and the file's SHA-256, which `restore` checks.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import socket
import threading
import time
import uuid
import weakref
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from pmo_core import access, audit, hosting, store
from pmo_core.access import Actor

PREFIX = "pmo-"
REQUEST_WAIT_SECONDS = 300
_COPYING = threading.Lock()  # one copy at a time per process: each attaches its own file


class BackupFailed(RuntimeError):
    """A backup or a restore that did not complete; the message says what to do."""


def _literal(text: str) -> str:
    """Quote a file path as an SQL string literal (ATTACH takes no bound parameter)."""
    return "'" + text.replace("'", "''") + "'"


def write_backup(con: duckdb.DuckDBPyConnection, directory: str | os.PathLike, actor: Actor) -> Path:
    """Copy the store into a new file of `directory` in one read transaction; return the file's path."""
    access.require(con, actor, "backup", "backup", str(directory))
    folder = Path(directory)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{PREFIX}{datetime.now():%Y%m%d-%H%M%S-%f}.duckdb"
    partial = target.with_suffix(".partial")
    alias = f"backup_{uuid.uuid4().hex}"
    with _COPYING:
        source = con.execute("SELECT current_database()").fetchone()[0]
        con.execute(f"ATTACH {_literal(str(partial))} AS {alias}")
        try:
            con.execute("BEGIN TRANSACTION")
            try:
                con.execute(f"COPY FROM DATABASE {store.quote(source)} TO {alias}")
                con.execute("COMMIT")
            except BaseException:
                con.execute("ROLLBACK")
                raise
        finally:
            con.execute(f"DETACH {alias}")
    counts = table_counts(partial)
    os.replace(partial, target)
    manifest = {
        "created_at": datetime.now().isoformat(timespec="seconds"),
        "by": actor.name,
        "schema_version": max(counts.pop("__schema_version__"), 0),
        "counts": counts,
        "sha256": _sha256(target),
    }
    target.with_suffix(".json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    audit.record(con, actor, "backup", str(target), {"tables": len(counts)})
    return target


def table_counts(path: Path) -> dict[str, int]:
    """Return the row count of every table of a store file (and its schema version), read-only."""
    con = duckdb.connect(str(path), read_only=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1"
            ).fetchall()
        ]
        counts = {t: con.execute(f"SELECT count(*) FROM {store.quote(t)}").fetchone()[0] for t in tables}  # noqa: S608
        version = con.execute("SELECT coalesce(max(version), 0) FROM schema_migrations").fetchone()[0]
    finally:
        con.close()
    return {**counts, "__schema_version__": version}


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def latest(directory: str | os.PathLike) -> Path:
    """Return the newest backup of a folder (or the file itself when given one)."""
    path = Path(directory)
    if path.is_file():
        return path
    found = sorted(path.glob(f"{PREFIX}*.duckdb"))
    if not found:
        raise BackupFailed(f"No backup ({PREFIX}*.duckdb) in {path}.")
    return found[-1]


def restore(source: str | os.PathLike, db: str | os.PathLike, actor: Actor, force: bool = False) -> dict:
    """Check a backup against its manifest and make it the store at `db`; return what was checked.

    A store already at `db` is refused unless `force`, and then kept beside it as `*.before-restore-*`.
    The store must not be served while it is replaced (stop the app first).
    """
    backup = latest(source)
    manifest_path = backup.with_suffix(".json")
    if not manifest_path.exists():
        raise BackupFailed(f"{backup} has no manifest ({manifest_path.name}): it is not a complete backup.")
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    if _sha256(backup) != manifest["sha256"]:
        raise BackupFailed(f"{backup} does not match its manifest's SHA-256: the file is damaged.")
    target = Path(db)
    if target.exists() and not force:
        raise BackupFailed(f"{target} exists: restore into a new path, or add --force to replace it.")
    staging = target.with_name(f".{target.name}.restoring")
    shutil.copyfile(backup, staging)
    found = table_counts(staging)
    found.pop("__schema_version__")
    differs = {t: (n, found.get(t)) for t, n in manifest["counts"].items() if found.get(t) != n}
    if differs:
        staging.unlink()
        raise BackupFailed(f"The restored copy does not hold what the backup held: {differs}.")
    if target.exists():
        try:  # refuse to pull a served store from under the app
            store.connect(target).close()
        except store.StoreBusy:
            staging.unlink()
            raise
        stamp = f"{datetime.now():%Y%m%d-%H%M%S}"
        for path in (target, target.with_name(target.name + ".wal")):
            if path.exists():
                os.replace(path, path.with_name(f"{path.name}.before-restore-{stamp}"))
    os.replace(staging, target)
    con = store.connect(target)  # brings an older backup's schema up to date
    try:
        broken = audit.verify(con)
        audit.record(
            con, actor, "restore", str(backup), {"counts": manifest["counts"], "audit_broken": broken}
        )
    finally:
        con.close()
    return {
        "backup": str(backup),
        "tables": len(manifest["counts"]),
        "rows": sum(manifest["counts"].values()),
        "audit_broken": broken,
    }


def prune(directory: Path, keep: int) -> list[Path]:
    """Remove all but the newest `keep` backups of a folder; return what went."""
    found = sorted(directory.glob(f"{PREFIX}*.duckdb"))
    gone = found[: max(len(found) - keep, 0)]
    for path in gone:
        path.unlink(missing_ok=True)
        path.with_suffix(".json").unlink(missing_ok=True)
    return gone


# --- Backups asked of the server ------------------------------------------------------------------------


def requests_dir(db: str | os.PathLike) -> Path:
    path = Path(db)
    return path.with_name(f".{path.name}.backup-requests")


def request_backup(db: str | os.PathLike, directory: str | os.PathLike, actor: Actor) -> Path:
    """Ask the server that holds the store for a backup into `directory`; wait for it and return its path."""
    folder = requests_dir(db)
    folder.mkdir(parents=True, exist_ok=True)
    name = uuid.uuid4().hex
    request = {"directory": str(Path(directory).resolve()), "user": actor.name, "origin": actor.origin}
    (folder / f"{name}.tmp").write_text(json.dumps(request), encoding="utf-8")
    os.replace(folder / f"{name}.tmp", folder / f"{name}.request")
    answer = folder / f"{name}.done"
    deadline = time.monotonic() + REQUEST_WAIT_SECONDS
    while time.monotonic() < deadline:
        if answer.exists():
            result = json.loads(answer.read_text(encoding="utf-8"))
            answer.unlink(missing_ok=True)
            if result.get("error"):
                raise BackupFailed(result["error"])
            return Path(result["path"])
        time.sleep(0.2)
    (folder / f"{name}.request").unlink(missing_ok=True)
    raise BackupFailed(
        f"The process that holds {db} did not answer within {REQUEST_WAIT_SECONDS} s: is it this app's server?"
    )


def backup_dir() -> Path:
    """Return where the server writes its backups (PMO_BACKUP_DIR, relative to the project's folder)."""
    folder = Path(hosting.get("PMO_BACKUP_DIR"))
    return folder if folder.is_absolute() else store.ROOT / folder


class BackupService(threading.Thread):
    """The server's backup thread: on a schedule, and for every request left beside the store."""

    def __init__(self, con: duckdb.DuckDBPyConnection, db: str | os.PathLike) -> None:
        super().__init__(name="pmo-backups", daemon=True)
        # A weak reference: the thread ends with the connection it serves instead of keeping it open.
        self.connection, self.db = weakref.ref(con), Path(db)
        self.directory = backup_dir()
        self.every = timedelta(hours=hosting.number("PMO_BACKUP_EVERY_HOURS"))
        self.keep = int(hosting.number("PMO_BACKUP_KEEP"))
        self.server = Actor("server", "admin", origin=f"server@{socket.gethostname()}")

    def run(self) -> None:
        due = self._first_due()
        while (con := self.connection()) is not None:
            scheduled = self.every > timedelta(0) and datetime.now() >= due
            if scheduled or self.requests():
                try:
                    cursor = con.cursor()
                except duckdb.ConnectionException:
                    return  # the store was closed: this thread's work is over
                self.serve_requests(cursor)
                if scheduled:
                    try:
                        write_backup(cursor, self.directory, self.server)
                        prune(self.directory, self.keep)
                    except (
                        Exception
                    ) as exc:  # a full disk must not stop the server; the next round tries again
                        print(f"pmo backup failed: {exc}", flush=True)
                    due = datetime.now() + self.every
                cursor.close()
            del con
            time.sleep(1)

    def requests(self) -> list[Path]:
        """Return the requests waiting beside the store, oldest first."""
        folder = requests_dir(self.db)
        return sorted(folder.glob("*.request")) if folder.exists() else []

    def _first_due(self) -> datetime:
        """Resume the schedule from the newest backup, so a restart does not take one at once."""
        found = sorted(self.directory.glob(f"{PREFIX}*.duckdb")) if self.directory.exists() else []
        if not found:
            return datetime.now()
        return datetime.fromtimestamp(found[-1].stat().st_mtime) + self.every

    def serve_requests(self, cursor: duckdb.DuckDBPyConnection) -> None:
        for request in self.requests():
            answer: dict[str, str] = {}
            try:
                asked = json.loads(request.read_text(encoding="utf-8"))
                who = Actor(asked.get("user") or "cli", "admin", origin=asked.get("origin") or "cli")
                answer["path"] = str(write_backup(cursor, asked["directory"], who))
            except Exception as exc:
                answer["error"] = f"{type(exc).__name__}: {exc}"
            request.with_suffix(".tmp").write_text(json.dumps(answer), encoding="utf-8")
            os.replace(request.with_suffix(".tmp"), request.with_suffix(".done"))
            request.unlink(missing_ok=True)


_services: dict[str, BackupService] = {}


def start_service(con: duckdb.DuckDBPyConnection, db: str | os.PathLike) -> BackupService:
    """Start the backup thread of this process for a store, once (again if the last one ended with its
    connection)."""
    key = str(Path(db).resolve())
    if key not in _services or not _services[key].is_alive():
        _services[key] = BackupService(con, db)
        _services[key].start()
    return _services[key]
