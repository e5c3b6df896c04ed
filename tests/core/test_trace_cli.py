"""`python -m pmo_core trace PROJECT FIELD [--as-of DATE]` and `retention`, as automation runs them: the French
tracker of tests/traced.py imported by the command line for September then October."""

from __future__ import annotations

import json

import pytest

from pmo_core import settings, store
from tests import traced
from tests.actors import PMO
from tests.core.test_cli import cli


@pytest.fixture
def months(db_path, tmp_path):
    for month, name, as_of in (
        ("septembre", traced.SEPTEMBER, "2026-09-30"),
        ("octobre", traced.OCTOBER, "2026-10-31"),
    ):
        path = traced.tracker(tmp_path / name, month)
        result = cli(db_path, "import", str(path), "--as-of", as_of, "--scope", "full", "--user", "J. Martin")
        assert result.returncode == 0, result.stderr
    return db_path


def test_trace_says_the_value_its_cell_the_text_typed_the_batch_and_earlier_values(months):
    result = cli(months, "trace", "IND-01", "budget")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "Budget at completion €1,450,000 — suivi_octobre.xlsx, sheet Portefeuille, cell F5, typed “1 450 k€”, "
        "imported by J. Martin on "
    )
    assert lines[0].endswith("; was €1,400,000 on 30 Sep 2026.")
    assert "  sheet Portefeuille, cell F5 (Budget): “1 450 k€”" in lines
    assert any(
        line.startswith("  batch 2 of 31 Oct 2026, imported ") and "by J. Martin" in line for line in lines
    )
    assert lines[-2:] == [
        "  30 Sep 2026  €1,400,000  suivi_septembre.xlsx Portefeuille!F5",
        "  31 Oct 2026  €1,450,000  suivi_octobre.xlsx Portefeuille!F5",
    ]


def test_trace_as_of_a_date_gives_the_figure_of_that_snapshot(months):
    result = cli(months, "trace", "IND-01", "budget", "--as-of", "2026-10-15", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert (found["value"], found["as_of"]) == (1_400_000, "2026-10-15")
    assert found["origin"]["file"] == traced.SEPTEMBER and found["origin"]["batch"] == 1
    assert found["origin"]["cells"] == [
        {
            "sheet": "Portefeuille",
            "cell": "F5",
            "typed": "1 400 k€",
            "header": "Budget",
            "file": traced.SEPTEMBER,
        }
    ]
    french = cli(months, "trace", "IND-01", "costs.actual", "--item", "2026-03 CAPEX", "--lang", "fr")
    assert french.returncode == 0, french.stderr
    assert "feuille Consommé, cellule E4, saisi « 18,25 »" in french.stdout.splitlines()[0].replace(
        "\u00a0", " "
    )


def test_a_figure_that_does_not_exist_is_refused_with_the_reason(months):
    result = cli(months, "trace", "NOPE-9", "budget")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == "No project NOPE-9 in the store."
    result = cli(months, "trace", "IND-01", "risks.impact", "--item", "R-404")
    assert (
        result.returncode == 2
        and result.stderr.strip() == "Project IND-01 holds no risks row “R-404”, nor any other."
    )


def test_retention_deletes_the_kept_files_and_the_trace_still_names_them(months):
    kept = {p.parent.name: p.name for p in (months.parent / "uploads").rglob("*.xlsx")}  # batch -> hash-name
    assert {batch: name.split("-", 1)[1] for batch, name in kept.items()} == {
        "1": traced.SEPTEMBER,
        "2": traced.OCTOBER,
    }
    assert cli(months, "retention", "--dry-run").stdout.strip() == "0 files to delete."
    con = store.connect(months)
    settings.put(con, "upload_retention_days", 0, PMO)
    con.close()
    listed = cli(months, "retention", "--dry-run")
    assert listed.stdout.splitlines() == [
        f"batch 2: {traced.OCTOBER}",
        f"batch 1: {traced.SEPTEMBER}",
        "2 files to delete.",
    ]
    assert len(list((months.parent / "uploads").rglob("*.xlsx"))) == 2  # a dry run deletes nothing
    assert cli(months, "retention").stdout.splitlines()[-1] == "2 files deleted."
    assert list((months.parent / "uploads").rglob("*.xlsx")) == []
    found = json.loads(cli(months, "trace", "IND-01", "budget", "--json").stdout)
    assert (found["origin"]["file"], found["origin"]["kept"]) == (traced.OCTOBER, False)
    assert len(found["origin"]["sha256"]) == 64
