"""What the room and soak benchmarks share: a served app, a browser-like first visit over Streamlit's own
protocol, the server's CPU and memory, and the machine's load.

A first visit is what a browser does when someone opens the link: it fetches the page and the server's host
configuration, opens the WebSocket `/_stcore/stream`, and sends one BackMsg `rerun_script` naming the page
of the address (its URL path; the browser knows no page script hash yet), its query string and the
browser's context (time zone, locale, address). The server answers with ForwardMsgs (the new session, the
page's elements, ...) and `script_finished` when the page's run is complete; that moment is what a visit
times. The client parses each message once and keeps nothing, so the figures are the server's cost.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = ROOT / ".venv" / "bin" / "python"
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")
PAGE_SIZE_KB = os.sysconf("SC_PAGE_SIZE") // 1024


def load_average() -> str:
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} cores)"


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def percentile(values: list[float], share: float) -> float:
    """Return the nearest-rank percentile (p95 of 10 visits is the slowest but none)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


# --- The server -----------------------------------------------------------------------------------------


def free_port(first: int, last: int) -> int:
    """Return the first port of the range nobody listens on."""
    for port in range(first, last + 1):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError(f"no free port in {first}-{last}")


@dataclass
class Server:
    """`streamlit run app.py` on a store, in open mode, as `make run` serves it."""

    db: Path
    port: int
    process: subprocess.Popen | None = None
    log: Path | None = None

    def start(self, timeout: float = 120) -> Server:
        self.log = Path(f"/tmp/pmo_bench_server_{self.port}.log")
        env = {"MALLOC_ARENA_MAX": "2", **os.environ, "PMO_DB": str(self.db), "PMO_AUTH": "open"}
        env["PMO_BACKUP_EVERY_HOURS"] = "0"
        command = [str(PYTHON), "-m", "streamlit", "run", "app.py", "--server.port", str(self.port)]
        command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
        with open(self.log, "wb") as out:
            self.process = subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server stopped: {self.log.read_text()[-2000:]}")
            with (
                contextlib.suppress(OSError),
                urllib.request.urlopen(f"{self.url}/_stcore/health", timeout=2) as answer,
            ):
                if answer.status == 200:
                    return self
            time.sleep(0.3)
        raise RuntimeError(f"server did not answer within {timeout} s")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def stop(self) -> None:
        """Stop the server and every process it started (the reading sandbox), by its process group."""
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.log:
            self.log.unlink(missing_ok=True)

    def __enter__(self) -> Server:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def cpu_seconds(pid: int) -> float:
    """Return the CPU time a process and its waited-for children have used (user + system)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(value) for value in fields[11:15]) / CLOCK_TICKS


def rss_mb(pid: int) -> float:
    """Return a process's resident memory now, in MB."""
    return int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE_SIZE_KB / 1024


def children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


@dataclass
class Probe:
    """Sample a server's memory (itself and its children) every 50 ms, and its CPU, over a stretch of work."""

    pid: int
    before_mb: float = 0.0
    peak_mb: float = 0.0
    cpu_before: float = 0.0
    cpu_used: float = 0.0
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def memory(self) -> float:
        total = 0.0
        for pid in (self.pid, *children(self.pid)):
            with contextlib.suppress(OSError):
                total += rss_mb(pid)
        return total

    def __enter__(self) -> Probe:
        self.before_mb = self.peak_mb = self.memory()
        self.cpu_before = cpu_seconds(self.pid)
        self._thread = threading.Thread(target=self._sample, daemon=True)
        self._thread.start()
        return self

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak_mb = max(self.peak_mb, self.memory())

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        self.cpu_used = cpu_seconds(self.pid) - self.cpu_before


# --- A browser's first visit ------------------------------------------------------------------------------


@dataclass
class Visit:
    seconds: float = float("nan")
    ok: bool = False
    error: str = ""
    messages: int = 0
    bytes: int = 0


async def first_visit(base_url: str, page: str = "", query: str = "", timeout: float = 120) -> Visit:
    """Open the app at `base_url/page?query` as a browser's first visit does; time until the run completes."""
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
    from websockets.asyncio.client import connect

    visit = Visit()
    address = f"{base_url}/{page}" + (f"?{query}" if query else "")
    began = time.perf_counter()
    try:
        await asyncio.to_thread(_fetch, address)
        await asyncio.to_thread(_fetch, f"{base_url}/_stcore/host-config")
        back = BackMsg()
        state = back.rerun_script
        state.query_string = query
        state.page_name = page
        state.context_info.timezone = "Europe/Paris"
        state.context_info.timezone_offset = -60
        state.context_info.locale = "en-GB"
        state.context_info.url = address
        stream = base_url.replace("http", "ws", 1) + "/_stcore/stream"
        async with connect(
            stream, subprotocols=["streamlit"], origin=base_url, max_size=None, open_timeout=timeout
        ) as socket_:
            await socket_.send(back.SerializeToString())
            async with asyncio.timeout(timeout):
                async for frame in socket_:
                    visit.messages += 1
                    visit.bytes += len(frame)
                    message = ForwardMsg()
                    message.ParseFromString(frame)
                    kind = message.WhichOneof("type")
                    if kind == "delta" and message.delta.new_element.WhichOneof("type") == "exception":
                        visit.error = message.delta.new_element.exception.message[:200] or "exception"
                    elif kind == "page_not_found":
                        visit.error = "page not found"
                    elif kind == "script_finished":
                        if message.script_finished == ForwardMsg.FINISHED_EARLY_FOR_RERUN:
                            continue  # the page asked for a rerun: the browser waits for that one
                        visit.seconds = time.perf_counter() - began
                        visit.ok = (
                            message.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY and not visit.error
                        )
                        if not visit.ok and not visit.error:
                            visit.error = f"finished with status {message.script_finished}"
                        break
    except Exception as failure:  # noqa: BLE001 - a benchmark counts a failed visit instead of stopping
        visit.error = f"{type(failure).__name__}: {failure}"[:200]
    return visit


def _fetch(address: str) -> None:
    with urllib.request.urlopen(address, timeout=60) as answer:
        answer.read()


async def room(base_url: str, sessions: int, page: str = "", query: str = "") -> list[Visit]:
    """Open `sessions` first visits at the same moment, as a room does when the link is shared."""
    return await asyncio.gather(*(first_visit(base_url, page, query) for _ in range(sessions)))


def visit_once(base_url: str, page: str = "", query: str = "") -> Visit:
    return asyncio.run(first_visit(base_url, page, query))


if __name__ == "__main__":  # a quick look: python bench/visits.py http://127.0.0.1:8620 [page]
    print(visit_once(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else ""))
