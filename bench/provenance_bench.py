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
from datetime import date
from pathlib import Path

import pandas as pd
from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.scale_store import FIRST, SECOND, _monthly_update, build_scale_store, scale_frames  # noqa: E402
from pmo_core import snapshots, store  # noqa: E402
from pmo_core.fields import fields_of  # noqa: E402
from pmo_core.importer import build_plan, read_files  # noqa: E402
from pmo_core.template import _shown_values, sheet_name  # noqa: E402
from tests.actors import PMO  # noqa: E402

ORIGIN_TABLES = ("origin_sources", "origin_columns", "origin_cells")


def write_workbook(path: Path, frames: dict[str, pd.DataFrame], typed: bool = False) -> Path:
    """Write frames as the template's entity sheets (labels as headers, words for codes, date cells); `typed`
    writes every amount as text with its unit ("12 345 €"), as some managers type them: each such cell keeps
    an exception with its text, the most provenance a store can hold.

    openpyxl's write-only mode streams the rows: a million cells never sit in memory at once."""
    book = Workbook(write_only=True)
    for entity, frame in frames.items():
        sheet = book.create_sheet(sheet_name(entity))
        fields = fields_of(entity)
        sheet.append([f.label("en") for f in fields])
        columns = [_shown_values(f, frame, "en") for f in fields]
        if typed:
            columns = [
                _as_typed(values) if f.type == "money" else values
                for f, values in zip(fields, columns, strict=True)
            ]
        for values in zip(*columns, strict=True):
            sheet.append([None if isinstance(v, float) and v != v else v for v in values])
    book.save(path)
    return path


def _as_typed(values: list) -> list:
    return [None if v is None or v != v else f"{v:,.0f}".replace(",", "\u202f") + " €" for v in values]


def by_portfolio(
    frames: dict[str, pd.DataFrame], folder: Path, month: str, typed: bool = False
) -> list[Path]:
    """Split frames into one workbook per portfolio, as each portfolio office sends its tracker."""
    projects = frames["projects"]
    paths = []
    for portfolio, own in projects.groupby("portfolio"):
        codes = set(own["code"])
        part = {"projects": own}
        for entity in ("milestones", "risks", "costs"):
            part[entity] = frames[entity].loc[frames[entity]["project_code"].isin(codes)]
        name = f"{month}_{str(portfolio).replace('&', 'and').replace('/', '-')}.xlsx"
        paths.append(write_workbook(folder / name, part, typed))
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


def traced_store(folder: Path, frames: dict[str, pd.DataFrame], typed: bool) -> dict:
    """Write the workbooks of both snapshots, import them into a new store, and say what it took."""
    name = "typed" if typed else "cells"
    began = time.perf_counter()
    first = by_portfolio(frames, folder, f"september_{name}", typed)
    second = by_portfolio(_monthly_update(frames), folder, f"october_{name}", typed)
    written = time.perf_counter() - began
    path = folder / name / "store.duckdb"
    path.parent.mkdir()
    con = store.connect(path)
    seconds = (imported(con, first, "full", FIRST), imported(con, second, "partial", SECOND))
    rows = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ORIGIN_TABLES}  # noqa: S608
    con.close()
    result = {
        "files": len(first) + len(second),
        "workbooks_mb": sum(size_mb(p) for p in first + second),
        "written": written,
        "store_mb": size_mb(path),
        "kept_mb": folder_mb(path.parent / "uploads"),
        "seconds": seconds,
        "rows": rows,
    }
    for workbook in first + second:
        workbook.unlink()
    shutil.rmtree(path.parent, ignore_errors=True)
    return result


def main() -> None:
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        frames = scale_frames(10_000, 100_000, 1_000_000)
        plain_path = folder / "plain.duckdb"
        plain = build_scale_store(plain_path)
        without_mb = size_mb(plain_path)
        cases = {
            "amounts in number cells (the template)": traced_store(folder, frames, typed=False),
            "every amount typed as text with its unit": traced_store(folder, frames, typed=True),
        }
        print(
            "Store of 10,000 projects, 100,000 risks, 1,000,000 cost lines, 40,000 milestones, two snapshots"
        )
        print(f"{'store':<52} {'MB':>7} {'ratio':>6} {'kept files MB':>14}")
        print(f"{'loaded from frames, no provenance':<52} {without_mb:>7.1f} {1:>6.2f} {'':>14}")
        for name, case in cases.items():
            ratio = case["store_mb"] / without_mb
            print(
                f"{'imported, ' + name:<52} {case['store_mb']:>7.1f} {ratio:>6.2f} {case['kept_mb']:>14.1f}"
            )
        print(
            "target: store with provenance / without < 2 (kept files lie beside the store, under the retention)"
        )
        print()
        print(f"{'import (8 workbooks per snapshot)':<52} {'first':>7} {'second':>7}")
        print(
            f"{'the same rows loaded from frames, no file':<52} {plain['first snapshot']:>7.1f} {plain['second snapshot']:>7.1f}"
        )
        for name, case in cases.items():
            first, second = case["seconds"]
            print(f"{name:<52} {first:>7.1f} {second:>7.1f}")
        for name, case in cases.items():
            print(
                f"{name}: {case['files']} workbooks, {case['workbooks_mb']:.1f} MB, origin rows {case['rows']}"
            )


if __name__ == "__main__":
    main()
