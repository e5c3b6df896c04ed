"""Committee pack benchmark: the time to build the deck and write it as PowerPoint and as PDF, for the demo
portfolio and the 10,000-project scale store, with a committee reviewing the latest snapshot.

    python bench/pack_bench.py            # builds /tmp/pmo_scale.duckdb if missing
    python bench/pack_bench.py --rebuild

Target: 30 s or less per file on the scale store (2 cores). The pack shows the top items of each table
and says how many more there are, so its size does not grow with the portfolio.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from pmo_core import meetings, store  # noqa: E402
from pmo_core.access import Actor  # noqa: E402
from pmo_core.committee import committee_deck  # noqa: E402
from pmo_core.pack import write_pack  # noqa: E402

TARGET_S = 30.0
RUNS = 3
BENCH = Actor("bench", "pmo", origin="bench")


def with_committee(path: Path) -> int:
    """Record a committee reviewing the store's latest snapshot (once), as a PMO would before the meeting."""
    con = store.connect(path)
    latest = meetings.latest_committee(con)
    if latest is None:
        (reviewed,) = con.execute("SELECT max(as_of) FROM snapshots").fetchone()
        meetings.create_committee(con, BENCH, "Benchmark committee", reviewed, reviewed)
        latest = meetings.latest_committee(con)
    con.close()
    return latest.committee_id


def measure(path: Path, label: str) -> list[tuple]:
    committee_id = with_committee(path)
    con = store.connect(path)
    rows = []
    deck_times, decks = [], []
    for _ in range(RUNS):
        began = time.perf_counter()
        decks.append(committee_deck(con, committee_id=committee_id, lang="en"))
        deck_times.append(time.perf_counter() - began)
    deck = decks[-1]
    deck_s = statistics.median(deck_times)
    rows.append((label, "deck (queries, tables, charts)", deck_s, len(deck.slides), ""))
    for fmt in ("pptx", "pdf"):
        times, size = [], 0
        for _ in range(RUNS):
            began = time.perf_counter()
            size = len(write_pack(deck, fmt))
            times.append(time.perf_counter() - began)
        total = deck_s + statistics.median(times)
        rows.append((label, f"write {fmt}", statistics.median(times), size // 1024, ""))
        rows.append((label, f"whole pack, {fmt}", total, "", "ok" if total <= TARGET_S else "SLOW"))
    con.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default="/tmp/pmo_scale.duckdb")
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    scale = Path(args.db)
    if args.rebuild or not scale.exists():
        from scale_store import build_scale_store

        build_scale_store(scale)
    with tempfile.TemporaryDirectory() as folder:
        from pmo_core.demo import load_demo

        demo = Path(folder) / "demo.duckdb"
        con = store.connect(demo)
        load_demo(con, Path(folder) / "workbooks", BENCH, today=date.today())
        con.close()
        rows = measure(demo, "demo") + measure(scale, "10,000 projects")
    print(f"{'store':<16} {'step':<32} {'median s':>9} {'slides/KiB':>11} {'target':>7}")
    for store_label, step, seconds, size, flag in rows:
        target = f"{TARGET_S:.0f} {flag}" if flag else ""
        print(f"{store_label:<16} {step:<32} {seconds:>9.2f} {size!s:>11} {target:>7}")


if __name__ == "__main__":
    main()
