"""Run a function in a child process with memory and time limits, so one hostile file cannot take the server down.

Children come from a fork server started once per process with pandas, pyarrow, fastexcel and the reader
already imported: a child starts in tens of milliseconds, and forking from a single-threaded server stays
safe inside a threaded host such as Streamlit (a plain fork could inherit a lock held by another thread).
A Rust abort, a segfault or a runaway allocation then kills only the child, and the caller gets an
UnreadableFile("out_of_memory" / "crashed" / "timeout") instead.

The fork server holds about 140 MB with its libraries loaded; a server process stops it once no upload has been
read for IDLE_STOP_S, and `prepare()` starts it again ahead of need (the Import page opening, the CLI's import
command before it opens the store), so its start overlaps other work instead of adding to an import.
"""

from __future__ import annotations

import math
import multiprocessing
import multiprocessing.connection
import os
import pickle
import resource
import signal
import struct
import threading
import time
import traceback
from multiprocessing import forkserver, popen_forkserver, spawn

import pyarrow

from pmo_core.reading import UnreadableFile

PRELOAD = ["pandas", "pyarrow", "fastexcel", "pmo_core.reading", "pmo_core.sandbox", "pmo_core.warm"]
# RLIMIT_DATA counts heap and private anonymous mappings (malloc, numpy, Arrow, Rust: a child starts at about
# 150 MB) but not the shared libraries that RLIMIT_AS also counts (another 220 MB of address space).
MEMORY_LIMIT = resource.RLIMIT_DATA
# Signals that mean "ran out of memory": the kernel's OOM killer, and abort() after a failed Rust or C++ allocation.
MEMORY_SIGNALS = (signal.SIGKILL, signal.SIGABRT)

_context: multiprocessing.context.ForkServerContext | None = None
last_child_peak_mb: float | None = (
    None  # the peak resident memory of the last child that answered, for benchmarks
)
_context_lock = threading.Lock()
_launching = threading.local()
IDLE_STOP_S = 300.0  # the fork server stops this long after the last read, so it does not sit at full size
_use = {"last": 0.0, "running": 0, "timer": None}  # guarded by _context_lock


def prepare() -> None:
    """Start the fork server now if it is not running; it loads its libraries beside the caller's own work."""
    _forkserver_context()
    _launching.active = True  # what it imports is the preload list, never the caller's __main__
    try:
        forkserver.ensure_running()
    finally:
        _launching.active = False
    with _context_lock:
        _used()


def running() -> bool:
    """Say whether this process's fork server is alive (for tests and benchmarks)."""
    pid = forkserver._forkserver._forkserver_pid  # noqa: SLF001 - the standard library's own singleton
    try:
        return pid is not None and os.waitpid(pid, os.WNOHANG) == (0, 0)
    except ChildProcessError:
        return False


def stop_when_idle() -> None:
    """Stop the fork server once nothing has used it for IDLE_STOP_S; the next read starts another."""
    with _context_lock:
        if _use["timer"] is threading.current_thread():
            _use["timer"] = None
        idle = time.monotonic() - _use["last"]
        if _use["running"] or idle < IDLE_STOP_S:
            _used(again_in=IDLE_STOP_S - idle if not _use["running"] else IDLE_STOP_S)
        else:
            forkserver._forkserver._stop()  # noqa: SLF001 - closes its pipe and waits for it to exit


def _used(again_in: float | None = None) -> None:
    """Note a use (or look again later) and make sure a timer will stop the fork server once idle; locked."""
    if again_in is None:
        _use["last"] = time.monotonic()
    if _use["timer"] is None:
        timer = threading.Timer(again_in or IDLE_STOP_S, stop_when_idle)
        timer.daemon = True
        timer.start()
        _use["timer"] = timer


def run_isolated(fn, /, *args, memory_mb: int = 1536, timeout_s: float = 60, **kwargs):
    """Run fn(*args, **kwargs) in a child process; return its result or re-raise its exception.

    A child killed by the memory limit, a signal or the time limit raises UnreadableFile("out_of_memory",
    "crashed" or "timeout"). `fn` must be importable by name (a module-level function).
    """
    context = _forkserver_context()
    with _context_lock:
        _use["running"] += 1
        _used()
    receiver, sender = context.Pipe(duplex=False)
    process = _Process(target=_child, args=(sender, fn, args, kwargs, memory_mb, timeout_s), daemon=True)
    try:
        process.start()
        sender.close()  # the child holds the only writer: its death shows as end-of-file
        outcome = _wait(process, receiver, time.monotonic() + timeout_s, memory_mb, timeout_s)
    finally:
        sender.close()
        receiver.close()
        if process.pid is not None:  # start() itself can fail, e.g. when an argument does not pickle
            if process.is_alive():
                process.kill()
            process.join()
            process.close()
        with _context_lock:
            _use["running"] -= 1
            _used()
    if outcome[0] == "ok":
        global last_child_peak_mb
        last_child_peak_mb = outcome[2] / 1024 if len(outcome) > 2 else None
        return outcome[1]
    _, error, remote_traceback = outcome
    if remote_traceback:
        error.__cause__ = RemoteTraceback(remote_traceback)
    raise error


class RemoteTraceback(Exception):
    """The child's traceback, chained to the exception re-raised in the parent."""

    def __str__(self) -> str:
        return self.args[0]


def _forkserver_context() -> multiprocessing.context.ForkServerContext:
    global _context
    with _context_lock:
        if _context is None:
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(PRELOAD)
            spawn.get_preparation_data = _preparation_data
            _context = context
        return _context


_original_preparation_data = spawn.get_preparation_data


def _preparation_data(name):
    """Leave __main__ out of what our children import: under `streamlit run` it would re-import Streamlit each time."""
    data = _original_preparation_data(name)
    if getattr(_launching, "active", False):
        data.pop("init_main_from_path", None)
        data.pop("init_main_from_name", None)
    return data


class _Popen(popen_forkserver.Popen):
    def _launch(self, process_obj):
        # A function defined in __main__ (a script) still needs __main__ imported in the child to be found.
        _launching.active = getattr(process_obj._target_function, "__module__", None) != "__main__"
        try:
            super()._launch(process_obj)
        finally:
            _launching.active = False


class _Process(multiprocessing.context.ForkServerProcess):
    def __init__(self, *, target, args, daemon):
        super().__init__(target=target, args=args, daemon=daemon)
        self._target_function = args[1]

    @staticmethod
    def _Popen(process_obj):
        return _Popen(process_obj)


def _wait(process, receiver, deadline: float, memory_mb: int, timeout_s: float) -> tuple:
    """Return ("ok", result) or ("error", exception, traceback) from the child, killing it at the deadline."""
    ready = multiprocessing.connection.wait(
        [receiver, process.sentinel], max(0.0, deadline - time.monotonic())
    )
    if not ready:
        process.kill()
        return ("error", UnreadableFile("timeout", seconds=timeout_s), "")
    if receiver in ready or receiver.poll(0):
        try:
            return _receive(receiver)
        except EOFError:
            pass
    process.join()
    return ("error", _death(process.exitcode, memory_mb, timeout_s), "")


def _death(exitcode: int | None, memory_mb: int, timeout_s: float) -> UnreadableFile:
    """Name what killed a child that died without answering."""
    if exitcode is not None and exitcode < 0:
        if -exitcode in MEMORY_SIGNALS:
            return UnreadableFile("out_of_memory", limit_mb=memory_mb)
        if -exitcode == signal.SIGXCPU:
            return UnreadableFile("timeout", seconds=timeout_s)
        return UnreadableFile("crashed", signal=signal.Signals(-exitcode).name)
    return UnreadableFile("crashed", exitcode=exitcode)


def _child(sender, fn, args, kwargs, memory_mb: int, timeout_s: float) -> None:
    """Set the limits, run fn and send the pickled outcome (protocol 5 keeps large frames cheap)."""
    _limit(memory_mb, timeout_s)
    try:
        result = fn(*args, **kwargs)
        outcome = ("ok", result, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    except MemoryError:
        outcome = ("error", UnreadableFile("out_of_memory", limit_mb=memory_mb), "")
    except Exception as exc:
        outcome = ("error", exc, traceback.format_exc())
    except BaseException as exc:
        # SystemExit, KeyboardInterrupt or a Rust panic must not travel up to the server's thread as such.
        outcome = ("error", UnreadableFile("crashed", error=type(exc).__name__), traceback.format_exc())
    _send(sender, outcome, memory_mb)
    sender.close()


def _send(sender, outcome: tuple, memory_mb: int) -> None:
    """Send the outcome as its pickle, then the raw memory of its arrays, each as it is.

    Out-of-band buffers (pickle protocol 5) spare copying 100,000 rows of columns into the pickle in the
    child and out of it in the parent. The first message carries the buffers' sizes; the buffers follow
    on the pipe itself, unframed, so that the parent reads them straight into their final memory.
    """
    buffers: list[pickle.PickleBuffer] = []
    data = _dumps(outcome, memory_mb, buffers)
    raws = [buffer.raw() for buffer in buffers]
    sizes = struct.pack(f"<I{len(raws)}Q", len(raws), *(raw.nbytes for raw in raws))
    sender.send_bytes(sizes + data)
    with open(sender.fileno(), "wb", buffering=0, closefd=False) as pipe:
        for raw in raws:
            while raw.nbytes:
                raw = raw[pipe.write(raw) :]


def _receive(receiver) -> tuple:
    """Read what `_send` sent; the buffers land in writable memory, so the frames they hold stay editable."""
    message = memoryview(receiver.recv_bytes())
    (count,) = struct.unpack_from("<I", message)
    sizes = struct.unpack_from(f"<{count}Q", message, 4)
    buffers = [bytearray(size) for size in sizes]
    with open(receiver.fileno(), "rb", buffering=0, closefd=False) as pipe:
        for buffer in buffers:
            view = memoryview(buffer)
            while view.nbytes:
                read = pipe.readinto(view)
                if not read:
                    raise EOFError("a buffer of the child's outcome was cut short")
                view = view[read:]
    return pickle.loads(message[4 + 8 * count :], buffers=buffers)


def _dumps(outcome: tuple, memory_mb: int, buffers: list) -> bytes:
    try:
        return pickle.dumps(outcome, protocol=5, buffer_callback=buffers.append)
    except MemoryError:
        buffers.clear()
        return pickle.dumps(("error", UnreadableFile("out_of_memory", limit_mb=memory_mb), ""), protocol=5)
    except Exception as exc:
        buffers.clear()
        what = "exception" if outcome[0] == "error" else "result"
        detail = f"{type(outcome[1]).__name__}: {outcome[1]}"
        replacement = RuntimeError(f"the child's {what} could not be pickled ({exc}): {detail}")
        return pickle.dumps(("error", replacement, outcome[2] if len(outcome) > 2 else ""), protocol=5)


def _limit(memory_mb: int, timeout_s: float) -> None:
    """Cap the child's memory, CPU time (a backstop if the parent dies) and core dumps."""
    # A failed Rust allocation then logs one line instead of a 40-frame backtrace per hostile upload.
    os.environ["RUST_BACKTRACE"] = "0"
    # mimalloc, Arrow's default pool, reserves 1 GB of address space on first use, which both limits count.
    pyarrow.set_memory_pool(pyarrow.system_memory_pool())
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    limit = memory_mb * 2**20
    resource.setrlimit(MEMORY_LIMIT, (limit, limit))
    if math.isfinite(timeout_s):
        seconds = math.ceil(timeout_s) + 1
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds + 1))
