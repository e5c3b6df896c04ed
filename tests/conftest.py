"""Shared fixtures: every test gets its own store, never data/pmo.duckdb."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pmo_core import store
from tests.actors import PMO

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
REAL = SHARED / "real"
# The day tests build the demo on: its snapshots then end on 31 October 2026, the dates the tests quote.
DEMO_TODAY = date(2026, 11, 18)


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    """Point PMO_DB at a temporary file so no test can touch the real store; serve in open mode (as `make run`
    does) unless a test of sign-in says otherwise, with no scheduled backup."""
    monkeypatch.setenv("PMO_DB", str(tmp_path / "pmo.duckdb"))
    monkeypatch.setenv("PMO_LANG", "en")
    monkeypatch.setenv("PMO_AUTH", "open")
    monkeypatch.setenv("PMO_BACKUP_EVERY_HOURS", "0")
    monkeypatch.setenv("PMO_BACKUP_DIR", str(tmp_path / "backups"))


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "pmo.duckdb"


@pytest.fixture
def con(db_path):
    connection = store.connect(db_path)
    yield connection
    connection.close()


@pytest.fixture(scope="session")
def demo_store_file(tmp_path_factory) -> Path:
    """Build the demo store once per test session (four monthly snapshots); tests use copies of it."""
    from pmo_core.demo import load_demo

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.duckdb"
    connection = store.connect(path)
    load_demo(connection, folder / "workbooks", PMO, today=DEMO_TODAY)
    connection.execute("CHECKPOINT")
    connection.close()
    return path


@pytest.fixture
def demo_db(demo_store_file, db_path) -> Path:
    """A private copy of the demo store at PMO_DB."""
    import shutil

    shutil.copy(demo_store_file, db_path)
    return db_path


@pytest.fixture
def demo_con(demo_db):
    connection = store.connect(demo_db)
    yield connection
    connection.close()
