"""Memory that comes back: 500 sessions opened and closed over the 10,000-project store, the server's memory
printed every 50.

Each session is a browser-like first visit (bench/visits.py), a few at once, going round the pages a
committee opens (overview, risks, budget, prioritisation, a project); it closes once its page's run is
complete. The server's resident memory (with the reading sandbox, if one is alive) is printed every
`--every` sessions; the growth from session 50 to the last is the figure that must stay under 100 MB.
The scale store is built for the run and deleted after it.

    python bench/soak_bench.py                     # 500 sessions, 5 at once, the scale store
    python bench/soak_bench.py --sessions 20 --every 5 --store demo
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE))

from room_bench import PORTS, build_store  # noqa: E402
from visits import Probe, Server, first_visit, free_port, load_average, median  # noqa: E402

GROWTH_TARGET_MB = 100
PAGES = ("", "risks", "budget", "priorities", "project")


async def soak(
    server: Server, sessions: int, at_once: int, every: int, project: str
) -> list[tuple[int, float]]:
    """Open and close `sessions` sessions, `at_once` at a time; return (sessions done, MB) every `every`."""
    probe = Probe(server.process.pid)
    pages = itertools.cycle(PAGES)
    samples, failed, done, times = [(0, probe.memory())], 0, 0, []
    print(f"{'sessions':>8} {'MB':>7} {'failed':>7} {'p50 s':>6}  {load_average()}")
    print(f"{0:>8} {samples[0][1]:>7.0f}")
    while done < sessions:
        group = [next(pages) for _ in range(min(at_once, sessions - done, every - done % every))]
        visits = await asyncio.gather(
            *(
                first_visit(server.url, page, f"project={project}" if page == "project" else "")
                for page in group
            )
        )
        failed += sum(not visit.ok for visit in visits)
        times += [visit.seconds for visit in visits if visit.ok]
        done += len(group)
        if done % every == 0 or done == sessions:
            samples.append((done, probe.memory()))
            print(f"{done:>8} {samples[-1][1]:>7.0f} {failed:>7} {median(times):>6.2f}", flush=True)
            times = []
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--store", choices=("demo", "scale"), default="scale")
    parser.add_argument("--sessions", type=int, default=500)
    parser.add_argument("--at-once", type=int, default=5)
    parser.add_argument("--every", type=int, default=50)
    parser.add_argument("--rest", type=float, default=150, help="seconds to wait after the last session")
    parser.add_argument("--db", help="an existing store to use instead of building one (left in place)")
    args = parser.parse_args()
    print(f"# soak_bench: start, {load_average()}")
    folder = Path(tempfile.mkdtemp(prefix="pmo_soak_"))
    try:
        db = Path(args.db) if args.db else build_store(args.store, folder)
        import duckdb

        with duckdb.connect(str(db), read_only=True) as con:
            project = con.execute("SELECT min(code) FROM projects").fetchone()[0]
        with Server(db, free_port(*PORTS)) as server:
            samples = asyncio.run(soak(server, args.sessions, args.at_once, args.every, project))
            # Streamlit keeps a closed session two minutes for a reconnection: what is left after that is kept.
            time.sleep(args.rest)
            rested = Probe(server.process.pid).memory()
        first = next((mb for done, mb in samples if done >= args.every), samples[-1][1])
        growth = samples[-1][1] - first
        verdict = "ok" if growth < GROWTH_TARGET_MB else "GROWS"
        print(
            f"growth from session {args.every} to {samples[-1][0]}: {growth:+.0f} MB "
            f"(target under {GROWTH_TARGET_MB}) {verdict}; {args.rest:.0f} s after the last: {rested:.0f} MB"
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"# soak_bench: end, {load_average()}")


if __name__ == "__main__":
    main()
