"""The command line as automation uses it: real processes, exit codes, stdout and stderr."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pmo_core import snapshots, store
from pmo_core.demo import build_demo, last_month_end
from pmo_core.template import write_template
from tests.actors import PMO
from tests.conftest import DEMO_TODAY, ROOT


def cli(db: Path, *args: str, timeout: float = 180) -> subprocess.CompletedProcess:
    env = {**os.environ, "PMO_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "pmo_core", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def summary(db: Path) -> dict:
    result = cli(db, "summary", "--json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_import_summary_history_rollback(db_path, source):
    result = cli(
        db_path, "import", str(source / "samples" / "portfolio_export_en.xlsx"), "--as-of", "2026-10-31"
    )
    assert result.returncode == 0, result.stderr
    assert "48 added" in result.stdout
    assert summary(db_path) == {
        "projects": 48,
        "milestones": 192,
        "risks": 209,
        "cost_lines": 706,
        "business_case": 0,
        "capacity_lines": 0,
        "demand_lines": 0,
        "teams": 0,
        "batch": summary(db_path)["batch"],
    }
    assert summary(db_path)["batch"]["id"] == 1
    history = cli(db_path, "history")
    assert "portfolio_export_en.xlsx" in history.stdout and "2026-10-31" in history.stdout
    assert cli(db_path, "rollback", "1").returncode == 0
    assert summary(db_path)["projects"] == 0
    again = cli(db_path, "rollback", "1")
    assert again.returncode == 2 and "already rolled back" in again.stderr


def test_dry_run_stores_nothing(db_path, source):
    result = cli(db_path, "import", str(source / "samples" / "suivi_portefeuille_fr.xlsx"), "--dry-run")
    assert result.returncode == 0, result.stderr
    assert "36 added" in result.stdout and "nothing was stored" in result.stdout
    assert summary(db_path)["projects"] == 0


def test_a_refused_import_exits_non_zero_with_the_report_on_stderr(db_path, tmp_path):
    bad = tmp_path / "bad.xlsx"
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = "Projects"
    for row in (
        ["Code", "Name", "Budget", "Start date", "Forecast end"],
        ["P1", "Alpha", "lots", "2026-05-01", "2026-03-01"],
        ["P1", "Alpha bis", 10, None, None],
    ):
        sheet.append(row)
    risks = workbook.create_sheet("Risks")
    for row in (["Project code", "Risk", "Probability", "Impact"], ["P9", "Flood", 7, 2]):
        risks.append(row)
    workbook.save(bad)
    result = cli(db_path, "--lang", "fr", "import", str(bad))
    assert result.returncode == 2
    assert "Rien n'a été enregistré" in result.stderr
    for expected in (
        "ligne 2, colonne « Budget »",
        "« lots » n'est pas un nombre",  # non-numeric amount
        "précède la date de début",  # end before start
        "Le code projet « P1 » apparaît plusieurs fois",  # duplicate code
        "feuille « Risks », ligne 2, colonne « Probability »",  # probability outside 1-5
        "« P9 » n'est ni un projet",
    ):  # unknown project (French binds its spaces to « » and : with no-break spaces)
        assert expected in result.stderr.replace("\u00a0", " "), expected
    assert result.stdout == ""
    assert summary(db_path)["projects"] == 0


def test_a_required_column_missing_is_refused(db_path, tmp_path):
    path = tmp_path / "nocode.csv"
    path.write_text("Project code,Probability,Impact\nP1,2,3\n", encoding="utf-8")
    result = cli(db_path, "import", str(path))
    assert result.returncode == 2
    assert "No column holds “Risk”" in result.stderr  # the field named as the template names it


def test_export_then_import_gives_the_same_data(db_path, tmp_path):
    """The template round-trips: the store exported and imported into a new store holds the same rows."""
    con = store.connect(db_path)
    from pmo_core.importer import plan_from_frames

    as_of, frames = build_demo(today=DEMO_TODAY)[-1]
    snapshots.apply_plan(con, plan_from_frames(con, frames, scope="full", as_of=as_of), PMO)
    before = snapshots.state_frames(con)
    con.close()
    for lang in ("en", "fr"):
        export = tmp_path / f"export_{lang}.xlsx"
        assert cli(db_path, "--lang", lang, "export", str(export)).returncode == 0
        copy = tmp_path / f"copy_{lang}.duckdb"
        result = cli(copy, "import", str(export), "--scope", "full")
        assert result.returncode == 0, result.stderr[-2000:]
        con = store.connect(copy)
        after = snapshots.state_frames(con)
        assert snapshots.list_snapshots(con)[0].as_of == as_of  # read back from the README sheet
        con.close()
        for entity, frame in before.items():
            pd.testing.assert_frame_equal(
                _normal(frame), _normal(after[entity]), check_dtype=False, obj=entity
            )


def _normal(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    for column in frame.columns:
        if frame[column].dtype.kind == "f":
            frame[column] = frame[column].round(6)
    return frame.sort_values(list(frame.columns)).reset_index(drop=True)


def test_the_demo_loads_once(db_path):
    assert cli(db_path, "demo", "--if-empty").returncode == 0
    loaded = summary(db_path)
    assert 55 <= loaded["projects"] <= 65
    assert loaded["batch"]["as_of"] == last_month_end(date.today()).isoformat()  # a live demo in any month
    skipped = cli(db_path, "demo", "--if-empty")
    assert skipped.returncode == 0 and "already holds data" in skipped.stdout
    assert summary(db_path) == loaded


def test_the_cli_says_why_it_cannot_open_a_store_held_by_the_app(db_path, twins):
    assert cli(db_path, "summary").returncode == 0
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb,time; c = duckdb.connect({str(db_path)!r}); "
            "print('held', flush=True); time.sleep(60)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "held"
        result = cli(db_path, "import", str(twins / "samples" / "portfolio_export_en.xlsx"))
        assert result.returncode == 3
        assert "open in another process" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert summary(db_path)["projects"] == 0


@pytest.fixture(scope="module")
def big_workbook(tmp_path_factory) -> Path:
    """A template workbook big enough that writing it takes a moment: 2,000 projects, 100,000 cost lines."""
    from bench.scale_store import scale_frames

    frames = scale_frames(2_000, 10_000, 100_000)
    path = tmp_path_factory.mktemp("big") / "big.xlsx"
    write_template(path, frames, as_of=pd.Timestamp("2026-10-31").date())
    return path


@pytest.mark.parametrize("stage", ["project_rows", "risk_rows", "cost_rows"])
def test_killing_an_import_midway_leaves_the_store_intact(db_path, big_workbook, twins, stage):
    """SIGKILL the CLI inside its transaction, as it starts writing a table: the store is exactly as it was."""
    assert (
        cli(
            db_path, "import", str(twins / "samples" / "portfolio_export_en.xlsx"), "--as-of", "2026-09-30"
        ).returncode
        == 0
    )
    con = store.connect(db_path)
    before = (snapshots.summary(con), snapshots.state_frames(con))
    con.close()
    env = {**os.environ, "PMO_DB": str(db_path)}
    process = subprocess.Popen(
        [sys.executable, "-m", "pmo_core", "import", str(big_workbook), "--progress"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    for line in process.stderr:
        if f"stage: writing {stage}" in line:
            break
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=30)
    assert process.returncode == -signal.SIGKILL
    con = store.connect(db_path)
    after = (snapshots.summary(con), snapshots.state_frames(con))
    batches = con.execute("SELECT count(*) FROM batches").fetchone()[0]
    con.close()
    assert after[0] == before[0]
    assert batches == 1
    for entity, frame in before[1].items():
        pd.testing.assert_frame_equal(frame, after[1][entity])
