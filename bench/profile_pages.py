"""Where each page's run goes: CPU seconds of a session's first visit to a page once another session has
visited it (the committee's case: caches warm, the session new), and what the run spends its time on.

Each page runs in Streamlit's AppTest, as a new session would: `--runs` times to time it, then as many times
while a sampler thread looks at the script thread's stack every millisecond (its own CPU would count in the
timed runs) and files each look under the first of these that it is inside:

    charts      Altair: building, validating and writing a chart's specification (pages and pmo_core.charts)
    tables      st.dataframe: pandas Styler number writing, Arrow serialisation
    core        pmo_core: DuckDB queries and the core's own pandas, on a cache miss
    cache       st.cache_data: hashing the key, copying the cached result out
    pandas      the page's own pandas and numpy
    widgets     Streamlit: widgets, metrics, layout and the other elements
    page        the page's own Python

    python bench/profile_pages.py [--db PATH] [--runs 5] [--page overview] [--detail 10]
    python bench/profile_pages.py --scale          # on a 10,000-project store built for the run, then deleted
    python bench/profile_pages.py --changes        # the CPU a widget change costs: the whole page, or its part

With --changes, each widget change of CHANGES is made in a new session once the caches are warm, twice in
turn: rerunning the whole page (what the browser asked before the part was a fragment) and rerunning only the
fragment the widget belongs to (what it asks now, bench/fragments.py); the median CPU seconds of each.
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import datetime
import gc
import logging
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))

from fragments import rerun_fragment  # noqa: E402
from visits import load_average, median  # noqa: E402

# (page, the address's query): the project page opens on the store's first project.
PAGES = ("overview", "risks", "budget", "priorities", "project", "import", "settings", "audit", "admin")
CATEGORIES = ("charts", "tables", "core", "cache", "pandas", "widgets", "page")


def category(frames: list[str]) -> str:
    """File a stack (outermost first, as 'path:function') under the first category it is inside."""
    joined = "\n".join(frames)
    if not joined:
        return "page"
    innermost = frames[-1] if frames else ""
    if "/altair/" in joined or "pmo_core/charts" in joined or "common.py:chart" in joined:
        return "charts"
    if "common.py:table" in joined or "/streamlit/elements/arrow" in joined or "dataframe_util" in joined:
        return "tables"
    if "/pmo_core/" in joined:
        return "core"
    if "/streamlit/runtime/caching/" in joined:
        return "cache"
    if "/pandas/" in innermost or "/numpy/" in innermost or "/pyarrow/" in innermost:
        return "pandas"
    if "/streamlit/" in innermost:
        return "widgets"
    return "page"


class Sampler:
    """Look at one thread's stack every millisecond while a page runs; count looks per category."""

    def __init__(self) -> None:
        self.counts: collections.Counter[str] = collections.Counter()
        self.places: collections.Counter[tuple[str, str]] = collections.Counter()
        self.thread_ids: set[int] = set()
        self._stop = threading.Event()

    def __enter__(self) -> Sampler:
        self._previous = sys.getswitchinterval()
        sys.setswitchinterval(0.0005)
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        self._thread.join()
        sys.setswitchinterval(self._previous)

    def _run(self) -> None:
        while not self._stop.wait(0.001):
            for ident, frame in sys._current_frames().items():
                if not _is_script_thread(ident):
                    continue
                stack = []
                while frame is not None:
                    code = frame.f_code
                    stack.append(f"{code.co_filename}:{code.co_name}:{frame.f_lineno}")
                    frame = frame.f_back
                if any("/pages/" in entry or "app.py" in entry for entry in stack):
                    stack.reverse()
                    kind = category(stack)
                    self.counts[kind] += 1
                    self.places[kind, _page_line(stack)] += 1


def _page_line(stack: list[str]) -> str:
    """Return the innermost frame of the app's own code (a page, app.py, pages/ui) under a look."""
    own = [entry for entry in stack if "/pages/" in entry or "app.py" in entry]
    return own[-1].rsplit("/", 1)[-1] if own else "?"


def _is_script_thread(ident: int) -> bool:
    thread = threading._active.get(ident)  # noqa: SLF001 - the script runner's threads by name
    return thread is not None and thread.name.startswith("ScriptRunner")


def page_run(page: str, query: dict, sampler: Sampler | None = None) -> tuple[float, float, object]:
    """Run a page as a new session would (the overview first when another page is asked for, as the
    address of that page would not); return the page's own run's wall and CPU seconds and the AppTest."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=300)
    at.query_params.update(query)
    if page != "overview":
        at.run()
        at.switch_page(f"pages/{page}.py")
    began, cpu = time.perf_counter(), time.process_time()
    with sampler or contextlib.nullcontext():
        at.run()
    return time.perf_counter() - began, time.process_time() - cpu, at


WIDGETS = ("selectbox", "multiselect", "segmented_control", "toggle", "text_input", "number_input", "slider")


def _widget(at, key: str):
    """Return the widget drawn under this key, whatever its kind."""
    return next(w for kind in WIDGETS for w in getattr(at, kind) if w.key == key)


def _set(**values: object):
    """Return a change that sets widgets, by key, to these values."""

    def change(at) -> None:
        for key, value in values.items():
            _widget(at, key).set_value(value)

    return change


def _first_milestone(at) -> None:
    """Open the origin of the project's first milestone."""
    rows = _widget(at, "project_figure_row")
    label = next(r for r in rows.options if r.startswith("Milestone"))
    rows.set_value(("milestones", label.split(" · ", 1)[1]))


def _first_team_month(at) -> None:
    """Choose the capacity heatmap's first team in its first month (a month is offered as "Nov 2026")."""
    _widget(at, "cap_cell_team.en").select_index(0)
    month = _widget(at, "cap_cell_month.en")
    month.set_value(datetime.datetime.strptime(month.options[0], "%b %Y").strftime("%Y-%m"))


def _budget_of_ten(at) -> None:
    next(b for b in at.number_input if b.label.startswith("Budget")).set_value(10.0)


# A widget change per fragment: (page, the tab opened first as (key, label) or None, the change, the fragment).
CHANGES = {
    "risks: a heatmap cell": (
        "risks",
        None,
        _set(**{"risk_cell_p.en": 4, "risk_cell_i.en": 5}),
        "risks_heatmap",
    ),
    "risks: the register's order": ("risks", None, _set(**{"risk_order.en": "due_date"}), "risks_register"),
    "budget: the ranking's measure": (
        "budget",
        None,
        _set(**{"budget_rank_by.en": "overrun"}),
        "budget_variances",
    ),
    "prioritisation: the budget": (
        "priorities",
        ("prio_tab_en", "Selection under a budget"),
        _budget_of_ten,
        "prio_selection",
    ),
    "prioritisation: the top shown": ("priorities", None, _set(prio_top=5), "prio_ranking"),
    "capacity: a team-month": ("capacity", None, _first_team_month, "cap_heatmap_part"),
    "project: a figure's origin": ("project", None, _first_milestone, "project_origin"),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", default=str(ROOT / "data" / "pmo.duckdb"))
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--page", action="append", help="only these pages (repeatable)")
    parser.add_argument("--detail", type=int, default=0, help="print the N lines of app code costing most")
    parser.add_argument(
        "--scale", action="store_true", help="on a scale store built for the run (10,000 projects)"
    )
    parser.add_argument("--changes", action="store_true", help="the CPU of a widget change, page or part")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="pmo_profile_")
    if args.scale:
        from scale_store import build_scale_store

        args.db = str(Path(folder.name) / "scale.duckdb")
        build_scale_store(Path(args.db))
    try:
        profile(args)
    finally:
        folder.cleanup()


def profile(args: argparse.Namespace) -> None:
    os.environ["PMO_DB"] = str(Path(args.db).resolve())
    os.environ.setdefault("PMO_AUTH", "open")
    os.environ["PMO_BACKUP_EVERY_HOURS"] = "0"
    import duckdb
    import streamlit as st

    logging.getLogger("streamlit").setLevel(logging.ERROR)  # AppTest's "missing ScriptRunContext" lines
    # As the server does at start (pages/ui/navigation.serving): what the imports made is frozen out of the
    # collection Streamlit runs after every run, which would otherwise be counted in every page's CPU here.
    import pages.ui.common  # noqa: F401 - pandas, Altair, DuckDB and the core, imported before the freeze

    gc.freeze()

    with duckdb.connect(os.environ["PMO_DB"], read_only=True) as con:
        first_project = con.execute("SELECT min(code) FROM projects").fetchone()[0]
    print(f"# profile_pages on {args.db}: {load_average()}")
    if args.changes:
        profile_changes(args.runs, {"project": first_project})
        print(f"# end: {load_average()}")
        return
    print(f"{'page':<11} {'cold CPU-s':>10} {'warm CPU-s':>10} {'warm wall s':>11}  share of the warm run")
    for page in args.page or PAGES:
        query = {"project": first_project} if page == "project" else {}
        st.cache_data.clear()
        _, cold_cpu, at = page_run(page, query)
        if at.exception:
            print(f"{page:<11} failed: {at.exception[0].value}")
            continue
        walls, cpus, counts, places = [], [], collections.Counter(), collections.Counter()
        for _ in range(args.runs):  # timed without the sampler, whose own CPU the process would count
            wall, cpu, _ = page_run(page, query)
            walls.append(wall)
            cpus.append(cpu)
        for _ in range(args.runs):  # then sampled, for the shares
            sampler = Sampler()
            page_run(page, query, sampler)
            counts.update(sampler.counts)
            places.update(sampler.places)
        total = sum(counts.values()) or 1
        shares = "  ".join(f"{name} {counts[name] * 100 / total:.0f}%" for name in CATEGORIES if counts[name])
        print(f"{page:<11} {cold_cpu:>10.2f} {median(cpus):>10.2f} {median(walls):>11.2f}  {shares}")
        for (kind, place), looks in places.most_common(args.detail):
            print(f"{'':<11} {looks * 100 / total:>4.0f}% {kind:<8} {place}")
    print(f"# end: {load_average()}")


def profile_changes(runs: int, project_query: dict) -> None:
    """Print the median CPU seconds of each widget change of CHANGES, rerunning the whole page and its part."""
    print(f"{'widget change':<34} {'page CPU-s':>10} {'part CPU-s':>10} {'ratio':>6}")
    for name, (page, tab, change, fragment) in CHANGES.items():
        query = project_query if page == "project" else {}
        whole, alone = [], []
        for turn in range(runs + 1):  # the first turn fills the shared caches for the changed value
            for timed, part in ((whole, None), (alone, fragment)):
                _, _, at = page_run(page, query)
                if tab:
                    at.session_state[tab[0]] = tab[1]
                    at.run()
                change(at)
                cpu = time.process_time()
                at.run() if part is None else rerun_fragment(at, part)
                if at.exception:
                    raise RuntimeError(f"{name}: {at.exception[0].value}")
                if turn:
                    timed.append(time.process_time() - cpu)
        page_cpu, part_cpu = median(whole), median(alone)
        print(f"{name:<34} {page_cpu:>10.3f} {part_cpu:>10.3f} {page_cpu / part_cpu:>5.1f}x")


if __name__ == "__main__":
    main()
