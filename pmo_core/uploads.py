"""The files each import read, kept with their batch: the trace of a figure can hand back the very file a manager
sent, until the retention settings delete it.

A batch's files go under the uploads folder (PMO_UPLOADS_DIR, else `uploads/` beside the store), one folder per
batch, each file named by its SHA-256 and its name. What a batch keeps is in `batch_files.kept_as`; a deleted
file keeps its row (name, SHA-256, size) with the time it was deleted, so the trace still names it.
"""

from __future__ import annotations

import re
import shutil
from datetime import datetime, timedelta
from pathlib import Path

import duckdb

from pmo_core import access, hosting, settings
from pmo_core.access import Actor

_UNSAFE = re.compile(r"[^\w.\- ]+")


def folder(con: duckdb.DuckDBPyConnection) -> Path | None:
    """Return where the store keeps uploaded files, or None for a store in memory (nothing is kept)."""
    chosen = hosting.get("PMO_UPLOADS_DIR")
    if chosen:
        return Path(chosen)
    found = con.execute(
        "SELECT path FROM duckdb_databases() WHERE database_name = current_database()"
    ).fetchall()  # fetched whole: a result left open would block the import's next statement
    return Path(found[0][0]).parent / "uploads" if found and found[0][0] else None


def keep_name(batch_id: int, sha256: str, name: str) -> str:
    """Return the kept file's path under the uploads folder: the batch, then the hash and a safe name."""
    safe = _UNSAFE.sub("_", Path(name).name).strip() or "upload"
    return f"{batch_id}/{sha256[:16]}-{safe[:120]}"


def keep_files(con: duckdb.DuckDBPyConnection, batch_id: int, files: list) -> dict[str, str]:
    """Copy the files of a batch under the uploads folder; return the name each is kept as.

    Runs inside the import's transaction: a file larger than the whole allowance, or one that cannot be written
    (disk full), is not kept, and the import goes on. `discard` undoes the copies if the transaction fails.
    """
    target = folder(con)
    days, allowance = settings.get(con, "upload_retention_days"), settings.get(con, "upload_keep_mb") * 2**20
    if target is None or days <= 0:
        return {}
    kept = {}
    for read in files:
        if read.path is None or not Path(read.path).is_file() or not read.sha256 or read.size > allowance:
            continue
        relative = keep_name(batch_id, read.sha256, read.name)
        try:
            (target / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(read.path, target / relative)
        except OSError:
            continue
        kept[read.name] = relative
    return kept


def discard(con: duckdb.DuckDBPyConnection, batch_id: int) -> None:
    """Remove the copies of a batch whose import did not go through."""
    target = folder(con)
    if target is not None:
        shutil.rmtree(target / str(batch_id), ignore_errors=True)


def kept_file(con: duckdb.DuckDBPyConnection, batch_id: int, file_name: str) -> Path | None:
    """Return the kept file of a batch, or None when it was not kept, was deleted or is missing."""
    rows = con.execute(
        """SELECT kept_as FROM batch_files
           WHERE batch_id = $b AND file_name = $n AND kept_as IS NOT NULL AND deleted_at IS NULL""",
        {"b": batch_id, "n": file_name},
    ).fetchall()
    row = rows[0] if rows else None
    target = folder(con)
    if row is None or target is None:
        return None
    path = target / row[0]
    return path if path.is_file() else None


def due(con: duckdb.DuckDBPyConnection, now: datetime | None = None) -> list[tuple[int, str, str]]:
    """Return the kept files the retention settings say to delete: older than the retention, then the oldest
    until the rest fits the allowance. (batch, file name, kept as)."""
    now = now or datetime.now()
    days, allowance = settings.get(con, "upload_retention_days"), settings.get(con, "upload_keep_mb") * 2**20
    kept = con.execute(
        """SELECT f.batch_id, f.file_name, f.kept_as, f.size_bytes, b.imported_at
           FROM batch_files AS f JOIN batches AS b USING (batch_id)
           WHERE f.kept_as IS NOT NULL AND f.deleted_at IS NULL
           ORDER BY b.imported_at DESC, f.batch_id DESC"""
    ).fetchall()
    limit = now - timedelta(days=days)
    chosen, total = [], 0
    for batch, name, relative, size, imported_at in kept:  # newest first: the newest are kept
        total += size
        if days <= 0 or imported_at < limit or total > allowance:
            chosen.append((batch, name, relative))
    return chosen


def apply_retention(con: duckdb.DuckDBPyConnection, actor: Actor, now: datetime | None = None) -> int:
    """Delete the kept files the retention settings say to delete; return how many.

    The rows say when each went (in one transaction, with its audit entry); the files go once it is stored.
    """
    chosen = due(con, now)
    if not chosen:
        return 0
    detail = {"files": [f"{batch}: {name}" for batch, name, _ in chosen]}
    with access.change(con, actor, "import", "uploads.retention", f"{len(chosen)} files", detail):
        for batch, name, _ in chosen:
            con.execute(
                "UPDATE batch_files SET deleted_at = $t WHERE batch_id = $b AND file_name = $n",
                {"t": now or datetime.now(), "b": batch, "n": name},
            )
    target = folder(con)
    for _, _, relative in chosen:
        if target is not None:
            (target / relative).unlink(missing_ok=True)
    return len(chosen)
