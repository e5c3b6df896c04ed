"""Import benchmark: wall time and peak memory of reading and importing big workbooks.

Table 1 (a workbook of 5,000 projects and 100,000 cost lines in our template):
  the bare python-calamine read, pandas.read_excel with openpyxl, and our whole import
  (read in the sandbox, find tables, clean, validate, load into DuckDB, CHECKPOINT).
  Targets: our import within 1.5x the bare calamine read, and at least 3x faster than openpyxl.
Table 2 (20,000 projects): a messy French steering tracker (title block, merged two-row headers,
  section rows, amounts as French text in k€, text dates, "45 %", météo emoji, a TOTAL and a legend)
  against the same rows in our template. Target: at most 2x.

Each measurement runs in a fresh process, so its peak resident memory is its own. "Our whole import" is
what the Import page costs on a warm server (its modules loaded, the reading sandbox running); the command
line's import is timed too, as a whole process from start to exit, with its start-up (imports, opening the
store) and the reading sandbox's start measured apart. Every store and workbook is deleted at the end. With `--against DIR`, the
same imports also run on the code of another checkout (the base branch), in the same rounds.

    python bench/import_bench.py [--against ../main]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))

from tests.actors import PMO  # noqa: E402

RUNS = 7  # a run varies by about 10 % from the next on a 2-core virtual machine
AS_OF = date(2026, 10, 31)
STATUS_WORDS = ["☀️ Ensoleillé", "⛅ Nuageux", "🌧️ Orageux", "Vert", "Orange", "Rouge"]


def build_template_workbook(path: Path, n_projects: int, n_cost_lines: int) -> None:
    from bench.scale_store import scale_frames
    from pmo_core.template import write_template

    frames = scale_frames(n_projects, 1, n_cost_lines)
    write_template(path, {"projects": frames["projects"], "costs": frames["costs"]}, as_of=AS_OF)


def build_messy_tracker(path: Path, n_projects: int) -> None:
    """Write the same projects the French way a PMO keeps them by hand."""
    import openpyxl

    from bench.scale_store import scale_frames

    projects = scale_frames(n_projects, 1, n_projects)["projects"]
    workbook = openpyxl.Workbook(write_only=True)
    sheet = workbook.create_sheet("Suivi T4 2026")
    sheet.append(["Suivi du portefeuille projets — Comité de pilotage du 31/10/2026"])
    sheet.append(["Direction des Systèmes d'Information — document interne"])
    sheet.append([])
    sheet.append(["Identification", None, None, None, "Planning", None, None, "Budget", None, None, None])
    sheet.append(
        [
            "Code projet",
            "Intitulé du projet",
            "Portefeuille",
            "Chef de projet",
            "Date de début",
            "Date de fin prévue",
            "Avancement",
            "Budget (k€)",
            "Consommé (k€)",
            "Météo",
            "Phase",
        ]
    )
    current = None
    for i, row in enumerate(projects.itertuples()):
        if row.portfolio != current:
            current = row.portfolio
            sheet.append([f"▶ {current}"])
        sheet.append(
            [
                row.code,
                row.name,
                row.portfolio,
                row.manager,
                f"{row.start_date:%d/%m/%Y}",
                f"{row.forecast_end:%d/%m/%Y}",
                f"{round(row.percent_complete * 100)} %",
                f"{row.budget / 1000:,.2f}".replace(",", "\u202f").replace(".", ","),
                round(row.budget / 2000, 1),
                STATUS_WORDS[i % len(STATUS_WORDS)],
                row.phase,
            ]
        )
    sheet.append([])
    sheet.append(["TOTAL", None, None, None, None, None, None, f"{projects['budget'].sum() / 1000:.2f}"])
    sheet.append([])
    sheet.append(["Légende météo : ☀️ conforme, ⛅ sous surveillance, 🌧️ en difficulté"])
    workbook.save(path)


def case_calamine(path: Path) -> dict:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    rows = sum(len(workbook.get_sheet_by_name(name).to_python()) for name in workbook.sheet_names)
    return {"rows": rows}


def case_openpyxl(path: Path) -> dict:
    import pandas as pd

    frames = pd.read_excel(path, sheet_name=None, engine="openpyxl")
    return {"rows": sum(len(f) for f in frames.values())}


def case_import(path: Path) -> dict:
    from pmo_core import sandbox, snapshots, store
    from pmo_core.importer import ReadOptions, build_plan, read_files

    folder = tempfile.TemporaryDirectory()
    con = store.connect(Path(folder.name) / "bench.duckdb")  # the store exists before an import
    began = time.perf_counter()
    reads = read_files([(path, path.name)], ReadOptions())
    plan = build_plan(con, reads, scope="full", as_of=AS_OF)
    if plan.has_errors:
        raise SystemExit(f"the benchmark workbook does not import: {plan.errors[0].message()}")
    snapshots.apply_plan(con, plan, PMO)
    seconds = time.perf_counter() - began
    counts = plan.counts()
    con.close()
    folder.cleanup()
    return {
        "rows": counts["projects"] + counts["costs"],
        "child_peak_mb": sandbox.last_child_peak_mb,
        "seconds": seconds,
    }


def case_sandbox_start(_path: Path) -> dict:
    """Time the reading sandbox's start in a fresh process: its fork server loading its libraries, then a child."""
    import os

    from pmo_core import sandbox

    began = time.perf_counter()
    sandbox.run_isolated(os.getpid)
    return {"seconds": time.perf_counter() - began}


CASES = {"calamine": case_calamine, "openpyxl": case_openpyxl, "import": case_import}


def cli_seconds(*arguments: str) -> float:
    """Time `python -m pmo_core ARGUMENTS` as a whole process, from its start to its exit."""
    began = time.perf_counter()
    subprocess.run([sys.executable, "-m", "pmo_core", *arguments], cwd=ROOT, check=True, capture_output=True)
    return time.perf_counter() - began


def cli_figures(path: Path, folder: Path) -> dict[str, float]:
    """Return the medians of the CLI's whole import, its start-up alone and the sandbox's start alone."""
    runs: dict[str, list[float]] = {"import": [], "start-up": [], "sandbox": []}
    for round_ in range(RUNS):
        store_path = folder / f"cli_{round_}.duckdb"
        cli_seconds("history", "--db", str(store_path))  # creates the store: an import finds it there
        runs["start-up"].append(cli_seconds("history", "--db", str(store_path)))
        runs["import"].append(
            cli_seconds("import", str(path), "--db", str(store_path), "--as-of", str(AS_OF))
        )
        command = [sys.executable, __file__, "--case", "sandbox_start", "--file", str(path)]
        answer = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=True)
        runs["sandbox"].append(json.loads(answer.stdout.strip().splitlines()[-1])["seconds"])
        for leftover in folder.glob(f"cli_{round_}.duckdb*"):
            leftover.unlink()
    return {name: statistics.median(values) for name, values in runs.items()}


def measure(case: str, path: Path, root: Path = ROOT) -> dict:
    """Run one case in a fresh process: the process is warmed by importing its modules, then timed.

    `root` is the checkout whose code runs: another one (`--against`) measures the same case on its code, in
    the same rounds, so a change is compared with its base on a machine in the same state.
    """
    command = [sys.executable, str(root / "bench" / "import_bench.py"), "--case", case, "--file", str(path)]
    environment = {**os.environ, "PYTHONPATH": str(root)}
    result = subprocess.run(command, capture_output=True, text=True, cwd=root, check=True, env=environment)
    return json.loads(result.stdout.strip().splitlines()[-1])


WARM_UP = ROOT.parent / "shared" / "samples" / "portfolio_export_en.xlsx"


def run_case(case: str, path: Path) -> None:
    if case == "sandbox_start":
        print(json.dumps(case_sandbox_start(path)))
        return
    import pandas  # noqa: F401

    import pmo_core.importer  # noqa: F401 - import time is not part of a user's import

    # Every case first reads a small workbook once, as a server has done before its users' imports:
    # the timing is of the work itself, not of a process's first call (fork server, query planning).
    CASES[case](WARM_UP)
    began = time.perf_counter()
    info = CASES[case](path)
    info.setdefault("seconds", time.perf_counter() - began)
    info["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(info))


def medians_of(jobs: dict[str, tuple]) -> dict[str, dict]:
    """Run each job (a case on a file, and the checkout to run it from) in turn, RUNS rounds: a machine that
    slows down for a while slows every job alike, and the ratios between them hold."""
    results: dict[str, list[dict]] = {name: [] for name in jobs}
    for _ in range(RUNS):
        for name, (case, path, *root) in jobs.items():
            results[name].append(measure(case, path, *root))
    medians = {}
    for name, runs in results.items():
        medians[name] = dict(runs[0])
        medians[name]["seconds"] = statistics.median(r["seconds"] for r in runs)
        medians[name]["peak_mb"] = max(r["peak_mb"] for r in runs)
    return medians


def main(against: Path | None = None) -> None:
    from bench.visits import load_average

    print(f"# import_bench: start, {load_average()}")
    with tempfile.TemporaryDirectory() as folder:
        template = Path(folder) / "template_5000_projects_100000_costs.xlsx"
        build_template_workbook(template, 5_000, 100_000)
        jobs = {case: (case, template) for case in CASES}
        if against is not None:
            jobs["base"] = ("import", template, against)
        rows = medians_of(jobs)
        print(
            f"Workbook: 5,000 projects + 100,000 cost lines ({template.stat().st_size / 2**20:.1f} MB), "
            f"median of {RUNS} runs"
        )
        print(f"{'step':<44} {'seconds':>8} {'peak MB':>9}")
        labels = {
            "calamine": "python-calamine, bare read of every sheet",
            "openpyxl": "pandas.read_excel (openpyxl)",
            "import": "our whole import, warm server (Import page)",
        }
        if against is not None:
            labels["base"] = f"the same import, code of {against}"
        for case, info in rows.items():
            extra = f"  (+ sandbox child {info['child_peak_mb']:.0f} MB)" if info.get("child_peak_mb") else ""
            print(f"{labels[case]:<44} {info['seconds']:>8.2f} {info['peak_mb']:>9.0f}{extra}")
        ratio = rows["import"]["seconds"] / rows["calamine"]["seconds"]
        speedup = rows["openpyxl"]["seconds"] / rows["import"]["seconds"]
        print(
            f"import / calamine read = {ratio:.2f} (target <= 1.5); openpyxl / import = {speedup:.1f}x (target >= 3)"
        )
        if against is not None:
            base = rows["base"]["seconds"]
            print(
                f"import / base import = {rows['import']['seconds'] / base:.2f} (base / calamine = {base / rows['calamine']['seconds']:.2f})"
            )
        cli = cli_figures(template, Path(folder))
        print(
            f"{'command line import, whole process':<44} {cli['import']:>8.2f}   (start-up {cli['start-up']:.2f} s, "
            f"reading sandbox's start {cli['sandbox']:.2f} s, overlapping the store's opening)"
        )
        print()
        messy = Path(folder) / "suivi_20000.xlsx"
        tidy = Path(folder) / "template_20000.xlsx"
        build_messy_tracker(messy, 20_000)
        from bench.scale_store import scale_frames
        from pmo_core.template import write_template

        write_template(tidy, {"projects": scale_frames(20_000, 1, 20_000)["projects"]}, as_of=AS_OF)
        jobs = {"messy": ("import", messy), "tidy": ("import", tidy)}
        if against is not None:
            jobs.update({"base messy": ("import", messy, against), "base tidy": ("import", tidy, against)})
        both = medians_of(jobs)
        messy_info, tidy_info = both["messy"], both["tidy"]
        print(f"{'import of 20,000 projects':<44} {'seconds':>8} {'peak MB':>9}")
        print(f"{'canonical template':<44} {tidy_info['seconds']:>8.2f} {tidy_info['peak_mb']:>9.0f}")
        print(f"{'messy French tracker':<44} {messy_info['seconds']:>8.2f} {messy_info['peak_mb']:>9.0f}")
        print(f"messy / template = {messy_info['seconds'] / tidy_info['seconds']:.2f} (target <= 2)")
        if against is not None:
            for name in ("tidy", "messy"):
                print(
                    f"{name}: this code / base = {both[name]['seconds'] / both['base ' + name]['seconds']:.2f}"
                )
    print(f"# import_bench: end, {load_average()}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=[*CASES, "sandbox_start"])
    parser.add_argument("--file", type=Path)
    parser.add_argument(
        "--against", type=Path, help="another checkout (the base branch) to compare imports with"
    )
    args = parser.parse_args()
    if args.case:
        run_case(args.case, args.file)
    else:
        main(args.against)
