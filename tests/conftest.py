"""Shared fixtures: every test gets its own store, never data/pmo.duckdb."""

from __future__ import annotations

from pathlib import Path

import pytest

from pmo_core import store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SAMPLES = SHARED / "samples"
REAL = SHARED / "real"


@pytest.fixture(autouse=True)
def _private_store(tmp_path, monkeypatch):
    """Point PMO_DB at a temporary file so no test can touch the real store."""
    monkeypatch.setenv("PMO_DB", str(tmp_path / "pmo.duckdb"))
    monkeypatch.setenv("PMO_LANG", "en")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "pmo.duckdb"


@pytest.fixture
def con(db_path):
    connection = store.connect(db_path)
    yield connection
    connection.close()
