"""End-to-end tests: the real server on a free port, driven in Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = "/usr/bin/chromium"
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

pytestmark = pytest.mark.e2e


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(
    db: Path,
    log: Path,
    args: tuple[str, ...] = (),
    env: dict[str, str] | None = None,
    port: int | None = None,
) -> tuple[subprocess.Popen, str]:
    """Start `streamlit run app.py` on a free port against `db` and wait until it answers.

    `args` adds options of `streamlit run`; `env` adds environment variables (a sign-in mode, say).
    """
    port = port or free_port()
    env = {**os.environ, "PMO_DB": str(db), "PMO_LANG": "en", **(env or {})}
    handle = log.open("w")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            str(ROOT / "app.py"),
            "--server.port",
            str(port),
            "--server.headless",
            "true",
            "--browser.gatherUsageStats",
            "false",
            "--server.fileWatcherType",
            "none",
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=handle,
        stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server stopped: {log.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process, url
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the server did not answer: {log.read_text()}")


def stop_server(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Chromium is missing: `make test` installs Debian's chromium package")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, locale="en-GB")
    tab = context.new_page()
    yield tab
    context.close()


def serving(tmp_path: Path, fill) -> Iterator[str]:
    """Fill a new store with `fill(con, folder)` (trackers imported as the PMO does), serve it for one test,
    then stop the server: the body of a fixture's `yield from`."""
    from pmo_core import store

    db = tmp_path / "e2e.duckdb"
    con = store.connect(db)
    fill(con, tmp_path)
    con.execute("CHECKPOINT")
    con.close()
    process, url = start_server(db, tmp_path / "server.log")
    yield url
    stop_server(process)


@pytest.fixture
def empty_server(tmp_path):
    process, url = start_server(tmp_path / "e2e.duckdb", tmp_path / "server.log")
    yield url
    stop_server(process)


@pytest.fixture
def demo_server(tmp_path, demo_store_file):
    db = tmp_path / "e2e.duckdb"
    shutil.copy(demo_store_file, db)
    process, url = start_server(db, tmp_path / "server.log")
    yield url
    stop_server(process)


def settle(tab, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished running the page's script."""
    tab.wait_for_selector("[data-testid=stApp]", timeout=timeout)
    tab.wait_for_timeout(800)
    deadline = time.monotonic() + timeout / 1000
    while time.monotonic() < deadline:
        if not tab.query_selector("[data-testid=stStatusWidget]"):
            break
        tab.wait_for_timeout(300)
    tab.wait_for_timeout(500)


class Runs:
    """What the browser asks the server to run and how the server says each run ended, read off the page's
    WebSocket: a change inside a fragment asks for that fragment alone, and the server says it ran it alone."""

    def __init__(self, tab) -> None:
        self.asked: list[str] = []  # per rerun asked for: the fragment named, "" for the whole page
        self.finished: list[int] = []  # per run ended: ForwardMsg.ScriptFinishedStatus
        tab.on("websocket", self._watch)

    def _watch(self, socket) -> None:
        socket.on("framesent", self._sent)
        socket.on("framereceived", self._received)

    def _sent(self, payload) -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if isinstance(payload, bytes):
            message = BackMsg()
            message.ParseFromString(payload)
            if message.HasField("rerun_script"):
                self.asked.append(message.rerun_script.fragment_id)

    def _received(self, payload) -> None:
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, bytes):
            message = ForwardMsg()
            message.ParseFromString(payload)
            if message.WhichOneof("type") == "script_finished":
                self.finished.append(message.script_finished)

    def mark(self) -> tuple[int, int]:
        return len(self.asked), len(self.finished)

    def since(self, mark: tuple[int, int]) -> tuple[list[str], list[int]]:
        return self.asked[mark[0] :], self.finished[mark[1] :]
