"""Mapping screen benchmark: how long the Import page takes to redraw after a choice on a big workbook.

A workbook of 12 sheets of 1,000 projects each is uploaded once (read in the sandbox), then:
  - a column is read as another field, and a sheet is read as nothing: the file understood anew from
    the sheets read once (importer.reread) and checked against the store (build_plan);
  - the same two choices made through the page's own widgets, each timed as the page's whole rerun
    (Streamlit's AppTest runs the real page script, server side).
Target: under 1 s for each redraw. The first read, once per upload, is shown for comparison.

    python bench/mapping_bench.py
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

SHEETS, ROWS, RUNS = 12, 1_000, 5
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def build_workbook(path: Path, sheets: int = SHEETS, rows: int = ROWS) -> Path:
    """Write `sheets` regional project sheets of `rows` rows each, with a column no field knows."""
    import openpyxl

    book = openpyxl.Workbook(write_only=True)
    for index in range(sheets):
        sheet = book.create_sheet(f"Région {index + 1}")
        sheet.append(
            ["Code projet", "Intitulé", "Chef de projet", "Budget (k€)", "Météo", "Avancement", "Note"]
        )
        for row in range(rows):
            number = index * rows + row
            sheet.append(
                [
                    f"R{index:02d}-{row:04d}",
                    f"Projet {number}",
                    "Ann",
                    100 + number % 50,
                    "Vert",
                    "40 %",
                    "ok",
                ]
            )
    book.save(path)
    return path


def core_timings(path: Path, store_path: Path) -> dict[str, float]:
    from dataclasses import replace

    from pmo_core import review, store
    from pmo_core.importer import ReadOptions, build_plan, override_key, read_files, reread

    con = store.connect(store_path)
    began = time.perf_counter()
    source = read_files([(path, path.name)], ReadOptions(keep_source=True))[0]
    first = reread(source, ReadOptions())
    build_plan(con, [first])
    timings = {"first read (sandbox) and check": time.perf_counter() - began}
    table = first.tables[0]
    key = override_key(path.name, table.key)
    note = next(c.col_index for c in table.mapping.columns if c.header == "Note")
    runs = {"a column read as another field": [], "a sheet read as nothing": []}
    for run in range(RUNS):
        field = "comment" if run % 2 == 0 else "sponsor"  # a new choice each time: nothing is cached for it
        chosen = review.with_field(table.mapping, note, field)
        began = time.perf_counter()
        build_plan(con, [reread(source, ReadOptions(overrides={key: chosen}))])
        runs["a column read as another field"].append(time.perf_counter() - began)
        ignored = {
            override_key(path.name, first.tables[1 + run].key): replace(
                first.tables[1 + run].mapping, entity=None
            )
        }
        began = time.perf_counter()
        build_plan(con, [reread(source, ReadOptions(overrides=ignored))])
        runs["a sheet read as nothing"].append(time.perf_counter() - began)
    con.close()
    timings.update({name: statistics.median(values) for name, values in runs.items()})
    return timings


def page_timings(path: Path) -> dict[str, float]:
    """Time the Import page's rerun after each choice, through its widgets, as a user makes them."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=600)
    at.session_state["lang"] = "en"
    at.run()
    at.switch_page("pages/import.py")
    at.run()
    began = time.perf_counter()
    at.file_uploader[0].set_value([(path.name, path.read_bytes(), XLSX)])
    at.run()
    timings = {"page: upload, first read and draw": time.perf_counter() - began}
    runs = {"page: a column read as another field": [], "page: a sheet read as nothing": []}
    for run in range(RUNS):
        sheet = f"Région {run + 2}"
        field = next(
            s for s in at.selectbox if s.key and s.key.startswith(f"field::{path.name}::{sheet}!1::6")
        )
        began = time.perf_counter()
        field.set_value("Comment" if run % 2 == 0 else "Sponsor").run()
        runs["page: a column read as another field"].append(time.perf_counter() - began)
        entity = at.selectbox(key=f"entity::{path.name}::Région {run + 7}!1")
        began = time.perf_counter()
        entity.set_value("Ignored").run()
        runs["page: a sheet read as nothing"].append(time.perf_counter() - began)
        assert not at.exception, [e.value for e in at.exception]
    st.cache_data.clear()
    timings.update({name: statistics.median(values) for name, values in runs.items()})
    return timings


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = build_workbook(Path(folder) / "regions.xlsx")
        import os

        os.environ["PMO_DB"] = str(Path(folder) / "page.duckdb")
        os.environ.setdefault("PMO_AUTH", "open")  # the page is timed, not the sign-in in front of it
        timings = core_timings(path, Path(folder) / "core.duckdb")
        timings.update(page_timings(path))
    print(f"Workbook: {SHEETS} sheets x {ROWS:,} projects; median of {RUNS} choices each")
    print(f"{'step':<48} {'seconds':>8}")
    for name, seconds in timings.items():
        print(f"{name:<48} {seconds:>8.2f}")
    redraws = [s for name, s in timings.items() if "first" not in name]
    print(f"slowest redraw after a choice: {max(redraws):.2f} s (target < 1)")


if __name__ == "__main__":
    from bench.visits import load_average

    print(f"# mapping_bench: start, {load_average()}")
    main()
    print(f"# mapping_bench: end, {load_average()}")
