"""What keeping the origin of every figure costs: the 10,000-project scale store imported from workbooks (each
figure traced to its cell) against the same rows loaded with no file (no origin), and how long the imports take.

The scale store's frames (bench/scale_store.py: 10,000 projects, 100,000 risks, 1,000,000 cost lines, 40,000
milestones) are written as the app's template, one workbook per portfolio as each portfolio office sends its
own, then imported as two monthly snapshots (all eight workbooks, then the tenth of the projects updated a month
later). The same frames loaded without files give the store without provenance. Targets: the store with
provenance under 2x the one without; the imports within the import benchmark's targets (bench/import_bench.py).

    python bench/provenance_bench.py
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import xlsxwriter

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale_store import FIRST, SECOND, _monthly_update, build_scale_store, scale_frames  # noqa: E402
from pmo_core import snapshots, store  # noqa: E402
from pmo_core.fields import fields_of  # noqa: E402
from pmo_core.importer import build_plan, read_files  # noqa: E402
from pmo_core.template import _shown_values, sheet_name  # noqa: E402
from tests.actors import PMO  # noqa: E402

ORIGIN_TABLES = ("origin_sources", "origin_columns", "origin_cells")


def write_workbook(path: Path, frames: dict[str, pd.DataFrame]) -> Path:
    """Write frames as the template's entity sheets (labels as headers, words for codes, date cells).

    xlsxwriter in constant memory: openpyxl would hold a million cells in memory to write them."""
    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    dates = book.add_format({"num_format": "dd/mm/yyyy"})
    for entity, frame in frames.items():
        sheet = book.add_worksheet(sheet_name(entity))
        fields = fields_of(entity)
        sheet.write_row(0, 0, [f.label("en") for f in fields])
        columns = [_shown_values(f, frame, "en") for f in fields]
        for row, values in enumerate(zip(*columns, strict=True), start=1):
            for col, value in enumerate(values):
                if value is None or (isinstance(value, float) and value != value):
                    continue
                if isinstance(value, date):
                    sheet.write_datetime(row, col, datetime(value.year, value.month, value.day), dates)
                else:
                    sheet.write(row, col, value)
    book.close()
    return path


def by_portfolio(frames: dict[str, pd.DataFrame], folder: Path, month: str) -> list[Path]:
    """Split frames into one workbook per portfolio, as each portfolio office sends its tracker."""
    projects = frames["projects"]
    paths = []
    for portfolio, own in projects.groupby("portfolio"):
        codes = set(own["code"])
        part = {"projects": own}
        for entity in ("milestones", "risks", "costs"):
            part[entity] = frames[entity].loc[frames[entity]["project_code"].isin(codes)]
        name = f"{month}_{str(portfolio).replace('&', 'and').replace('/', '-')}.xlsx"
        paths.append(write_workbook(folder / name, part))
    return paths


def imported(con, paths: list[Path], scope: str, as_of: date) -> float:
    began = time.perf_counter()
    plan = build_plan(con, read_files([(p, p.name) for p in paths]), scope=scope, as_of=as_of)
    if plan.has_errors:
        raise SystemExit(f"the benchmark workbooks do not import: {plan.errors[0].message()}")
    snapshots.apply_plan(con, plan, PMO)
    return time.perf_counter() - began


def size_mb(path: Path) -> float:
    return path.stat().st_size / 2**20


def folder_mb(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 2**20


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        began = time.perf_counter()
        frames = scale_frames(10_000, 100_000, 1_000_000)
        first = by_portfolio(frames, folder, "september")
        second = by_portfolio(_monthly_update(frames), folder, "october")
        written = time.perf_counter() - began
        workbooks = sum(size_mb(p) for p in first + second)

        traced_path = folder / "store" / "traced.duckdb"
        traced_path.parent.mkdir()
        con = store.connect(traced_path)
        first_seconds = imported(con, first, "full", FIRST)
        second_seconds = imported(con, second, "partial", SECOND)
        rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ORIGIN_TABLES}  # noqa: S608
        stored = con.execute("SELECT count(*) FROM cost_rows").fetchone()[0]
        con.close()

        plain_path = folder / "plain.duckdb"
        plain = build_scale_store(plain_path)

        with_mb, without_mb = size_mb(traced_path), size_mb(plain_path)
        kept_mb = folder_mb(traced_path.parent / "uploads")
        print(f"Workbooks: {len(first)} + {len(second)} files, {workbooks:.1f} MB, written in {written:.0f} s")
        print(f"{'store':<58} {'MB':>8}")
        print(f"{'loaded from frames, no provenance':<58} {without_mb:>8.1f}")
        print(f"{'imported from the workbooks, every figure traced':<58} {with_mb:>8.1f}")
        print(f"with / without = {with_mb / without_mb:.2f} (target < 2)")
        print(f"files kept with their batches (beside the store): {kept_mb:.1f} MB")
        print(f"origin rows: {rows}; stored cost lines: {stored:,}")
        print(f"{'import':<58} {'seconds':>8}")
        print(f"{'first snapshot: 8 workbooks, 1,000,000 cost lines':<58} {first_seconds:>8.1f}")
        print(f"{'second snapshot: 8 workbooks, a tenth of the projects':<58} {second_seconds:>8.1f}")
        print(f"(the same rows loaded from frames: {plain['first snapshot']:.1f} s and {plain['second snapshot']:.1f} s)")
        shutil.rmtree(folder / "store", ignore_errors=True)


if __name__ == "__main__":
    main()
