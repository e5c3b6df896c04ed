"""The one DuckDB file that holds the portfolio: where it is, how it opens, how its schema evolves."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = ROOT / "data" / "pmo.duckdb"
MIGRATIONS = Path(__file__).with_name("migrations")
# A commit whose log would pass this size is checkpointed in place of being logged: an import's rows are
# written once, into the file, instead of into the WAL and again at the CHECKPOINT that follows it.
CHECKPOINT_THRESHOLD = "1MB"
CURRENT = "9999-12-31"  # the date that selects the current state in the *_at() table macros


class StoreBusy(RuntimeError):
    """Another process (usually the running app) holds the store's write lock."""


def db_path(path: str | os.PathLike | None = None) -> Path:
    """Return the store's path: the argument, else $PMO_DB, else data/pmo.duckdb."""
    return Path(path or os.environ.get("PMO_DB") or DEFAULT_DB)


def connect(path: str | os.PathLike | None = None) -> duckdb.DuckDBPyConnection:
    """Open the store (creating it if needed) and bring its schema up to date."""
    target = db_path(path)
    if str(target) != ":memory:":
        target.parent.mkdir(parents=True, exist_ok=True)
    try:
        con = duckdb.connect(
            str(target),
            config={"autoinstall_known_extensions": False, "checkpoint_threshold": CHECKPOINT_THRESHOLD},
        )
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(
                f"The store {target} is open in another process (the app, or another import). "
                "Stop that process, or run this command against a copy with --db."
            ) from exc
        raise
    migrate(con)
    return con


def migration_files() -> list[tuple[int, Path]]:
    found = []
    for path in sorted(MIGRATIONS.glob("*.sql")):
        match = re.match(r"(\d+)_", path.name)
        if match:
            found.append((int(match.group(1)), path))
    return found


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply every numbered migration not yet applied, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, path in migration_files():
        if version in done:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_migrations VALUES ($v, $n, $t)",
                {"v": version, "n": path.name, "t": datetime.now()},
            )
        applied.append(version)
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Run a block as one transaction: all of it is stored, or none of it."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield con
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def quote(identifier: str) -> str:
    """Quote a table or column name for SQL; values are always bound as parameters instead."""
    return '"' + identifier.replace('"', '""') + '"'


def checkpoint(con: duckdb.DuckDBPyConnection) -> bool:
    """Fold the write-ahead log into the file; False when other readers keep it from happening now."""
    try:
        con.execute("CHECKPOINT")
    except duckdb.Error:
        return False  # committed data is durable in the WAL; the next checkpoint folds it in
    return True
