"""Hostile and broken uploads through the whole import path: each one is refused with a located, plain message
in both languages, the store that already holds a portfolio is left exactly as it was, and none can hang the reader."""

from __future__ import annotations

import pytest

from pmo_core import importer, snapshots
from pmo_core.importer import ReadOptions
from tests import hostile_files
from tests.actors import PMO
from tests.hostile_files import build_corpus

# The sandbox's time limit: a file that hung the reader would come back refused as "timeout", not as its code.
OPTIONS = ReadOptions(max_rows=200, timeout_s=15)
# At 200 rows the cells bomb's 100,000 declared rows are refused before its cells are counted.
REFUSED = {**hostile_files.REFUSED, "cells_bomb.xlsx": "too_many_rows"}
READ = {
    "macros.xlsm": "xlsm",
    "legacy.xls": "xls",
    "calc.ods": "ods",
    "utf8_comma.csv": "csv",
    "cp1252_semicolon.csv": "csv",
    "unicode_text.csv": "csv",
    "ragged.csv": "csv",
}
# Words a project manager must find in the message, in English and in French, to know what is wrong.
SAYS = {
    "not_a_workbook": (["not a spreadsheet"], ["n'est pas un tableur"]),
    "empty_workbook": (["holds no data"], ["aucune donnée"]),
    "corrupt_zip": (["damaged", "save it again"], ["endommagé", "enregistrez-le de nouveau"]),
    "corrupt_workbook": (
        ["could not be read", "save it again"],
        ["n'a pas pu être lu", "enregistrez-le de nouveau"],
    ),
    "password_protected": (["password", "remove"], ["mot de passe", "retirez"]),
    "zip_bomb": (["zip bomb", "refused"], ["bombe zip", "refusé"]),
    "xml_entities": (["XML declarations", "refused"], ["déclarations XML", "refusé"]),
    "too_many_rows": (
        ["rows", "more than the limit of 200:"],
        ["lignes", "au-delà de la limite de 200\u00a0:"],
    ),
    "out_of_memory": (["memory", "Delete the unused rows"], ["mémoire", "Supprimez les lignes"]),
}
READER_CODES = set(SAYS) | {"too_many_cells", "too_large", "malformed_csv", "timeout", "crashed"}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return build_corpus(tmp_path_factory.mktemp("hostile"))


def fingerprint(con) -> dict:
    """Everything the store holds: the row count of every table, and the summary of its current state."""
    tables = [
        name
        for (name,) in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' ORDER BY table_name"
        ).fetchall()
    ]
    counts = {name: con.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in tables}
    return {"counts": counts, "summary": snapshots.summary(con)}


def test_every_corpus_file_has_an_expectation(corpus):
    assert set(corpus) == set(REFUSED) | set(READ)


@pytest.mark.parametrize(("name", "code"), sorted(REFUSED.items()))
def test_a_hostile_file_is_refused_and_the_store_is_untouched(demo_con, corpus, name, code):
    before = fingerprint(demo_con)
    assert before["summary"]["projects"] > 0  # a store that already holds a portfolio
    reads = importer.read_files([(corpus[name], name)], OPTIONS)
    plan = importer.build_plan(demo_con, reads, scope="partial")

    errors = [issue for issue in plan.errors if issue.code in READER_CODES]
    assert [(issue.code, issue.file) for issue in errors] == [(code, name)]
    assert plan.counts() == dict.fromkeys(plan.counts(), 0)  # nothing would be stored
    english, french = SAYS[code]
    for lang, words in (("en", english), ("fr", french)):
        message = errors[0].message(lang)
        assert message.startswith(f"{name}: "), message  # it names the file
        for word in words:
            assert word.casefold() in message.casefold(), (lang, message)

    with pytest.raises(snapshots.ImportRefused):
        snapshots.apply_plan(demo_con, plan, PMO)
    assert fingerprint(demo_con) == before


@pytest.mark.parametrize(("name", "kind"), sorted(READ.items()))
def test_a_readable_odd_file_reads_without_crashing(demo_con, corpus, name, kind):
    before = fingerprint(demo_con)
    (read,) = importer.read_files([(corpus[name], name)], OPTIONS)
    plan = importer.build_plan(demo_con, [read], scope="partial")
    assert read.kind == kind
    assert read.sha256 and read.size == corpus[name].stat().st_size
    assert not [issue.code for issue in plan.issues if issue.code in READER_CODES]
    assert fingerprint(demo_con) == before  # building a plan never writes
