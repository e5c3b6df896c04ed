"""Page benchmark on the scale store: per page, the median time of each query and of a whole server-side
rerun, and the largest number of rows any chart sends to the browser.

Each page brings its cases in a `bench/cases_<page>.py` module exposing PAGE (the page script) and
cases(con, filters) -> {name: zero-argument callable running one pmo_core query}.

    python bench/pages_bench.py                  # builds the scale store for the run, deletes it after
    python bench/pages_bench.py --db PATH        # an existing scale store, left in place
    python bench/pages_bench.py --db PATH --pages risks,governance --queries-only
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from visits import load_average  # noqa: E402

from pmo_core import store  # noqa: E402
from pmo_core.filters import Filters  # noqa: E402

RUNS = 7
QUERY_TARGET_MS, RERUN_TARGET_MS, CHART_ROWS_TARGET = 100, 1000, 5000


def median_ms(call, runs: int = RUNS) -> float:
    call()  # the first run warms DuckDB's caches, as a second visitor would find them
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        call()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def chart_rows(at) -> int:
    """Return the largest number of data rows in any Vega-Lite chart of a finished AppTest run."""
    import pyarrow as pa

    largest = 0
    for element in [
        *at.get("arrow_vega_lite_chart"),
        *at.get("vega_lite_chart"),
    ]:  # Streamlit 1.67 names it the latter
        proto = element.proto
        datasets = list(getattr(proto, "datasets", []))
        tables = [d.data.data for d in datasets] + ([proto.data.data] if proto.HasField("data") else [])
        for blob in tables:
            if blob:
                largest = max(largest, pa.ipc.open_stream(io.BytesIO(blob)).read_all().num_rows)
    return largest


def rerun_ms(page: str, query_params: dict | None = None, cold: bool = True) -> tuple[float, int]:
    """Return the median time of a whole server-side run of a page, and its largest chart.

    Only the page's own run is timed: reaching another page first runs the default page (the overview),
    whose time is not that page's. `query_params` is the URL's query (a project page names its project).
    Cold: the caches are emptied before the run, as after an import; warm: a new session after another has
    visited, as the second to twentieth person of a committee find it.
    """
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    def run():
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=120)
        at.query_params.update(query_params or {})
        if page != "pages/overview.py":
            at.run()
            at.switch_page(page)
        if cold:
            st.cache_data.clear()
        began = time.perf_counter()
        at.run()
        return at, (time.perf_counter() - began) * 1000

    at, _ = run()
    if at.exception:
        raise RuntimeError(f"{page}: {at.exception[0].value}")
    rows = chart_rows(at)
    times = [run()[1] for _ in range(3)]
    return statistics.median(times), rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", help="an existing scale store (default: one built for the run, then deleted)")
    parser.add_argument(
        "--pages", help="only these pages' cases, e.g. risks,governance (default: every page)"
    )
    parser.add_argument("--queries-only", action="store_true", help="time the queries, not the whole reruns")
    args = parser.parse_args()
    print(f"# pages_bench: start, {load_average()}")
    folder = tempfile.TemporaryDirectory(prefix="pmo_pages_")
    db = Path(args.db) if args.db else Path(folder.name) / "scale.duckdb"
    if not args.db:
        from scale_store import build_scale_store

        build_scale_store(db)
    try:
        run(db, args.pages.split(",") if args.pages else None, not args.queries_only)
    finally:
        folder.cleanup()
    print(f"# pages_bench: end, {load_average()}")


def run(db: Path, pages: list[str] | None = None, reruns: bool = True) -> None:
    os.environ["PMO_DB"] = str(db)
    os.environ.setdefault("PMO_AUTH", "open")  # the pages are timed, not the sign-in in front of them
    con = store.connect(db)
    filters = Filters()
    print(f"{'page':<16} {'case':<44} {'median ms':>10} {'target':>8}")
    for module_path in sorted(HERE.glob("cases_*.py")):
        if pages and module_path.stem[6:] not in pages:
            continue
        module = importlib.import_module(module_path.stem)
        for name, call in module.cases(con, filters).items():
            ms = median_ms(call)
            flag = "ok" if ms <= QUERY_TARGET_MS else "SLOW"
            print(f"{module_path.stem[6:]:<16} {name:<44} {ms:>10.1f} {QUERY_TARGET_MS:>6} {flag}")
        if not reruns:
            continue
        ms, rows = rerun_ms(module.PAGE, getattr(module, "QUERY_PARAMS", None))
        print(
            f"{module_path.stem[6:]:<16} {'whole rerun, caches emptied (server side)':<44} {ms:>10.1f} "
            f"{RERUN_TARGET_MS:>6} {'ok' if ms <= RERUN_TARGET_MS else 'SLOW'}"
        )
        warm, _ = rerun_ms(module.PAGE, getattr(module, "QUERY_PARAMS", None), cold=False)
        print(f"{module_path.stem[6:]:<16} {'a new session, caches warm (server side)':<44} {warm:>10.1f}")
        print(
            f"{module_path.stem[6:]:<16} {'largest chart (rows sent)':<44} {rows:>10} {CHART_ROWS_TARGET:>6} "
            f"{'ok' if rows <= CHART_ROWS_TARGET else 'TOO MANY'}"
        )
    con.close()


if __name__ == "__main__":
    main()
