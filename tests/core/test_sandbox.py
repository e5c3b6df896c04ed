"""The sandbox: a child's result or exception comes back; a child that eats memory, loops or crashes is
reported with a code, and the parent lives on without leaking processes or file descriptors."""

from __future__ import annotations

import contextlib
import ctypes
import os
import threading
import time
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from pmo_core import sandbox
from pmo_core.reading import UnreadableFile
from pmo_core.sandbox import RemoteTraceback, run_isolated

# The children run these by name: they must live at module level.


def add(a, b, *, times=1):
    return (a + b) * times


def child_pid():
    return os.getpid()


def fail():
    raise KeyError("missing column")


def allocate_4gb():
    return np.ones(4 * 2**30 // 8).sum()


def grow_by_64mb():
    chunks = []
    while True:
        chunks.append(np.ones(2**23))  # 64 MB each, touched


def use_500mb():
    return int(np.ones(500 * 2**20 // 8).sum())


def spin():
    while True:
        pass


def exit_hard():
    os._exit(7)


def segfault():
    ctypes.string_at(0)


def abort():
    os.abort()


def exit_softly():
    raise SystemExit(0)


def unpicklable():
    return threading.Lock()


def big_frame(rows: int) -> pd.DataFrame:
    text = pd.array([f"PRJ-{n:06d}" for n in range(rows)], dtype=pd.StringDtype("pyarrow"))
    return pd.DataFrame({column: text for column in range(7)}, index=pd.RangeIndex(1, rows + 1))


def arrays() -> dict:
    grid = np.arange(12.0).reshape(3, 4)
    return {
        "frame": pd.DataFrame({"amount": np.arange(50_000, dtype=float), "code": ["P"] * 50_000}),
        "empty": np.array([], dtype=float),
        "column": grid[:, 1],  # not contiguous: pickled in the message itself
    }


def test_arrays_come_back_whole_and_editable():
    back = run_isolated(arrays)
    frame = back["frame"]
    assert frame["amount"].sum() == sum(range(50_000))
    frame.loc[frame["amount"] < 10, "amount"] = -1.0  # the parent edits what the child read
    assert (frame["amount"].head(10) == -1.0).all()
    assert back["empty"].size == 0
    assert back["column"].tolist() == [1.0, 5.0, 9.0]


def test_returns_the_result_and_passes_keywords():
    assert run_isolated(add, 2, 3, times=4) == 20
    assert run_isolated(child_pid) != os.getpid()


def test_exception_comes_back_with_its_type_and_traceback():
    with pytest.raises(KeyError, match="missing column") as raised:
        run_isolated(fail)
    assert isinstance(raised.value.__cause__, RemoteTraceback)
    assert "in fail" in str(raised.value.__cause__)


@pytest.mark.parametrize("hog", [allocate_4gb, grow_by_64mb], ids=lambda fn: fn.__name__)
def test_memory_hog_is_stopped_and_parent_lives(hog):
    with pytest.raises(UnreadableFile) as refused:  # stopped by the memory limit, long before the time limit
        run_isolated(hog, memory_mb=1024, timeout_s=30)
    assert refused.value.code == "out_of_memory"
    assert refused.value.params == {"limit_mb": 1024}
    assert run_isolated(add, 1, 1) == 2


def test_limit_leaves_room_for_ordinary_work():
    assert run_isolated(use_500mb, memory_mb=1536) == 500 * 2**20 // 8


def test_infinite_loop_times_out_within_the_limit():
    started = time.monotonic()
    with pytest.raises(UnreadableFile) as refused:
        run_isolated(spin, timeout_s=1)
    assert refused.value.code == "timeout"
    assert 1 <= time.monotonic() - started < 2.5


@pytest.mark.parametrize(
    ("fn", "code"),
    [(exit_hard, "crashed"), (segfault, "crashed"), (exit_softly, "crashed"), (abort, "out_of_memory")],
    ids=lambda value: getattr(value, "__name__", value),
)
def test_dead_child_is_named(fn, code):
    # abort() is how Rust and C++ die on a failed allocation, hence "out_of_memory".
    with pytest.raises(UnreadableFile) as refused:
        run_isolated(fn, timeout_s=10)
    assert refused.value.code == code


def test_unpicklable_result_is_an_error_not_a_hang():
    with pytest.raises(RuntimeError, match="could not be pickled"):
        run_isolated(unpicklable)


def test_large_frame_comes_back_whole():
    frame = run_isolated(big_frame, 100_000)
    assert frame.shape == (100_000, 7)
    assert frame.loc[100_000, 6] == "PRJ-099999"
    assert frame.dtypes.iloc[0] == pd.StringDtype("pyarrow")


def test_threads_share_the_sandbox():
    results: list[int] = []

    def worker(n: int) -> None:
        for _ in range(5):
            results.append(run_isolated(add, n, 1))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == sorted([n + 1 for n in range(4)] * 5)


def descendants(pid: int) -> set[int]:
    """Return the pids of every live process below `pid`, read from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            fields = stat.rsplit(")", 1)[1].split()
            parents[int(entry.name)] = (int(fields[1]), fields[0])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, (parent, _) in parents.items() if parent in frontier}
        found |= frontier
    zombies = {child for child in found if parents[child][1] == "Z"}
    assert not zombies, f"zombie processes: {zombies}"
    return found


def test_fifty_runs_leak_no_process_and_no_descriptor():
    run_isolated(add, 0, 0)
    processes, descriptors = descendants(os.getpid()), len(os.listdir("/proc/self/fd"))
    for n in range(50):
        fn = (add, fail, exit_hard, segfault, spin)[n % 5]
        with contextlib.suppress(KeyError, UnreadableFile):
            run_isolated(fn, 1, 2, timeout_s=0.5) if fn is add else run_isolated(fn, timeout_s=0.5)
    assert descendants(os.getpid()) == processes
    assert len(os.listdir("/proc/self/fd")) == descriptors


def test_the_fork_server_stops_when_idle_and_starts_again(monkeypatch):
    """Between imports the fork server (about 140 MB) is not kept: a timer stops it once idle, and the next
    read starts another and still answers; a fork server in use is never stopped."""
    monkeypatch.setattr(sandbox, "IDLE_STOP_S", 0.5)
    assert run_isolated(child_pid) != os.getpid()
    assert sandbox.running()
    assert sandbox._use["timer"].is_alive()  # the timer that will call stop_when_idle
    sandbox.stop_when_idle()  # used just now: it stays
    assert sandbox.running()
    time.sleep(0.6)
    sandbox.stop_when_idle()
    assert not sandbox.running()
    assert run_isolated(child_pid) != os.getpid()
    assert sandbox.running()
