"""A committee opening the link at the same minute: 1, 5, 10, 25 and 50 sessions at once against one server.

Each session is a WebSocket client behaving like a browser's first visit (bench/visits.py: the page, the
host configuration, `/_stcore/stream`, one `rerun_script`, then every ForwardMsg until `script_finished`).
Per level: the sessions that succeeded, p50 and p95 of the time until the page's run was complete, the
server's CPU seconds (and per visit), and its memory (with the reading sandbox) before, at peak and after.
Each level runs `--rounds` times, the figures are the medians of the rounds. A few real Chromium sessions
at once then check the WebSocket clients' figures against a browser's own (time until the page's last
element is drawn and Streamlit says it is no longer running).

Before the levels, one session visits the page so the server's caches hold the current data version, as
they do once the first person of the day has opened the app. The scale store is built for the run and
deleted after it.

    python bench/room_bench.py                       # demo and 10,000-project stores, the overview
    python bench/room_bench.py --store demo --levels 1,5 --rounds 1 --page risks
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from visits import Probe, Server, free_port, load_average, median, percentile, room  # noqa: E402

PORTS = (8620, 8640)
LEVELS = (1, 5, 10, 25, 50)
# p95 targets in seconds per store and level (issue 15); a level without one is reported only.
TARGETS = {"demo": {10: 3.0, 25: 5.0}, "scale": {10: 5.0}}
SETTLE_S = 2.0  # after a level, so "after" is the memory the server keeps, not what it is still freeing


def build_store(kind: str, folder: Path) -> Path:
    """Build the demo store (60 projects) or the scale store (10,000 projects) in `folder`."""
    path = folder / f"{kind}.duckdb"
    if kind == "demo":
        from pmo_core import store
        from pmo_core.demo import load_demo
        from tests.actors import PMO

        con = store.connect(path)
        load_demo(con, folder / "workbooks", PMO)
        con.execute("CHECKPOINT")
        con.close()
    else:
        from scale_store import build_scale_store

        build_scale_store(path)
    return path


def run_level(server: Server, sessions: int, page: str, query: str) -> dict:
    with Probe(server.process.pid) as probe:
        visits = asyncio.run(room(server.url, sessions, page, query))
    time.sleep(SETTLE_S)
    times = [visit.seconds for visit in visits if visit.ok]
    errors = sorted({visit.error for visit in visits if not visit.ok})
    return {
        "ok": len(times),
        "p50": median(times),
        "p95": percentile(times, 0.95),
        "cpu": probe.cpu_used,
        "before": probe.before_mb,
        "peak": probe.peak_mb,
        "after": probe.memory(),
        "errors": errors,
    }


def chromium_check(server: Server, sessions: int, page: str, query: str) -> list[float]:
    """Open `sessions` Chromium pages at once; return each one's seconds until its run is complete."""
    from playwright.sync_api import sync_playwright

    address = f"{server.url}/{page}" + (f"?{query}" if query else "")
    args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path="/usr/bin/chromium", args=[*args, "--no-first-run"])
        try:
            pages = [
                browser.new_context(viewport={"width": 1280, "height": 720}).new_page()
                for _ in range(sessions)
            ]
            began = time.perf_counter()
            for tab in pages:
                tab.goto(address, wait_until="commit")
            times = []
            for tab in pages:
                tab.wait_for_selector('[data-testid="stAppViewContainer"]', timeout=120_000)
                tab.wait_for_function(
                    "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
                    " && document.querySelectorAll('[data-testid=\"stElementContainer\"]').length > 5",
                    timeout=120_000,
                )
                times.append(time.perf_counter() - began)
        finally:
            browser.close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", choices=("demo", "scale", "both"), default="both")
    parser.add_argument("--levels", default=",".join(map(str, LEVELS)))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--page", default="", help="the page's address: '' (overview), risks, budget...")
    parser.add_argument("--query", default="", help="the address's query, e.g. project=P000001")
    parser.add_argument("--chromium", type=int, default=3, help="real Chromium sessions at once (0: none)")
    parser.add_argument("--db", help="an existing store to use instead of building one (left in place)")
    parser.add_argument("--port", type=int, help="the server's port (default: the first free of 8620-8640)")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]
    kinds = ("demo", "scale") if args.store == "both" else (args.store,)
    print(f"# room_bench, page '{args.page or 'overview'}': start, {load_average()}")
    for kind in kinds:
        folder = Path(tempfile.mkdtemp(prefix=f"pmo_room_{kind}_"))
        try:
            db = Path(args.db) if args.db else build_store(kind, folder)
            with Server(db, args.port or free_port(*PORTS)) as server:
                warm = asyncio.run(room(server.url, 1, args.page, args.query))[0]
                if not warm.ok:
                    raise SystemExit(f"{kind}: the first visit failed: {warm.error}")
                print(
                    f"\n## {kind} store ({db.name}); first visit of the day {warm.seconds:.2f} s, {load_average()}"
                )
                print(
                    f"{'sessions':>8} {'ok':>7} {'p50 s':>7} {'p95 s':>7} {'target':>7} {'CPU s':>7} "
                    f"{'CPU/visit':>9} {'MB before':>9} {'MB peak':>8} {'MB after':>8}"
                )
                for sessions in levels:
                    rounds = [run_level(server, sessions, args.page, args.query) for _ in range(args.rounds)]
                    figures = {key: median([r[key] for r in rounds]) for key in rounds[0] if key != "errors"}
                    target = TARGETS[kind].get(sessions)
                    verdict = "" if target is None else ("ok" if figures["p95"] <= target else "SLOW")
                    print(
                        f"{sessions:>8} {int(min(r['ok'] for r in rounds)):>3}/{sessions:<3} "
                        f"{figures['p50']:>7.2f} {figures['p95']:>7.2f} "
                        f"{'' if target is None else f'{target:.0f}':>7} {figures['cpu']:>7.2f} "
                        f"{figures['cpu'] / sessions:>9.2f} {figures['before']:>9.0f} {figures['peak']:>8.0f} "
                        f"{figures['after']:>8.0f} {verdict}"
                    )
                    for error in sorted({e for r in rounds for e in r["errors"]}):
                        print(f"{'':>8} failed: {error}")
                if args.chromium:
                    times = chromium_check(server, args.chromium, args.page, args.query)
                    print(
                        f"Chromium, {args.chromium} at once: p50 {median(times):.2f} s, slowest {max(times):.2f} s "
                        f"(page drawn and idle; WebSocket clients above stop at script_finished)"
                    )
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    print(f"\n# room_bench: end, {load_average()}")


if __name__ == "__main__":
    main()
