"""Shared fixtures: every test gets its own store, never data/pmo.duckdb; the sample trackers come from
../shared, read in place, and from their twins built in code (tests/samples.py)."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from pmo_core import store
from tests import samples
from tests.actors import PMO

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("PMO_SHARED") or ROOT.parent / "shared")  # PMO_SHARED: to try a clone without it
SAMPLES = SHARED / "samples"
REAL = SHARED / "real"
SOURCES = ("twin", "shared")  # where the sample files of a test come from: built in code, or ../shared
NO_SHARED = (
    "../shared is not beside this clone, so its files are not read; "
    "their twins built by tests/samples.py ran the same tests"
)


def shared_files() -> list[str]:
    """Return the trackers of ../shared as samples/NAME and real/NAME; without ../shared, one stand-in,
    which its test skips with the reason."""
    if not SHARED.is_dir():
        return ["(no ../shared)"]
    found = sorted(SAMPLES.glob("*.xlsx")) + sorted(REAL.glob("*.*"))
    return [f"{path.parent.name}/{path.name}" for path in found]


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


@pytest.fixture(scope="session")
def twins(tmp_path_factory) -> Path:
    """Build the shared samples' twins once per session: a folder holding samples/ and real/ like ../shared."""
    return samples.build(tmp_path_factory.mktemp("twins"))


@pytest.fixture
def shared(request) -> Path:
    """Return ../shared; without it (an outside contributor's clone), skip with one reason per test module.

    The twins of tests/samples.py run the same tests, so the suite proves the same behaviour either way.
    CI always has ../shared: there, its absence fails rather than skips.
    """
    if SHARED.is_dir():
        return SHARED
    if os.environ.get("CI"):
        pytest.fail(f"CI runs with ../shared beside the checkout ({NO_SHARED})")
    pytest.skip(NO_SHARED)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Report the tests skipped for want of ../shared once per test module, not once per test."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and isinstance(report.longrepr, tuple) and report.longrepr[2].endswith(NO_SHARED):
        report.longrepr = (report.longrepr[0], None, report.longrepr[2])


@pytest.fixture(params=SOURCES)
def source(request) -> Path:
    """A folder holding samples/ and real/: the twins built in code, then ../shared read in place."""
    return request.getfixturevalue("twins" if request.param == "twin" else "shared")
