"""The organisation's glossary: edited by the PMO with an audit entry, and read by the importer as synonyms."""

from __future__ import annotations

from datetime import date

import pytest

from pmo_core import audit, glossary, importer, snapshots
from pmo_core.access import AccessDenied
from pmo_core.audit import AuditFilter
from pmo_core.governance import GovernanceRefused
from pmo_core.mapping import match_header
from tests import shapes
from tests.actors import PMO, VIEWER

TARGET_COST = {
    "term_en": "Target cost",
    "term_fr": "Coût d'objectif",
    "definition_en": "The budget the steering committee approved at the gate.",
    "definition_fr": "Le budget validé par le comité de pilotage au passage de la revue.",
    "field": "projects.budget",
}
COPIL = {"term_en": "Steering committee", "term_fr": "COPIL", "definition_fr": "Comité de pilotage"}


def test_terms_are_saved_as_one_audited_change(con):
    assert glossary.save_terms(con, glossary.check_terms([TARGET_COST, COPIL, {}]), PMO)
    terms = glossary.terms(con)
    assert [t.term("en") for t in terms] == ["Steering committee", "Target cost"]
    assert terms[0].term("fr") == "COPIL" and terms[1].field == "projects.budget"
    entry = audit.entries(con, AuditFilter(actions=("glossary",))).iloc[0]
    assert entry["user_name"] == PMO.name and "Target cost" in entry["detail"]
    assert not glossary.save_terms(con, glossary.check_terms([COPIL, TARGET_COST]), PMO)  # the same glossary


def test_a_viewer_may_not_edit_the_glossary(con):
    with pytest.raises(AccessDenied):
        glossary.save_terms(con, glossary.check_terms([COPIL]), VIEWER)
    assert glossary.terms(con) == []


@pytest.mark.parametrize(
    ("rows", "code"),
    [
        ([{"definition_en": "a definition without its term"}], "term_missing"),
        ([{"term_en": "Cost", "field": "projects.nothing"}], "term_field"),
        (
            [
                {"term_en": "Envelope", "field": "projects.budget"},
                {"term_fr": "envelope", "field": "projects.name"},
            ],
            "term_twice",
        ),
    ],
)
def test_a_glossary_entry_that_cannot_hold_is_refused(rows, code):
    with pytest.raises(GovernanceRefused) as refused:
        glossary.check_terms(rows)
    assert refused.value.code == code


def test_a_term_tied_to_a_field_is_a_synonym_in_both_languages(con):
    glossary.save_terms(con, glossary.check_terms([TARGET_COST, COPIL]), PMO)
    words = glossary.synonyms(con)
    assert words == (("projects", "budget", "cout d objectif"), ("projects", "budget", "target cost"))
    assert match_header("cout d objectif")[0][:2] == ("business_case", "cost")  # the built-in guess
    assert match_header("cout d objectif", words)[0] == ("projects", "budget", 1.0)


def _tracker(path):
    return shapes.save(
        path,
        {
            "Projets": [
                ["Code projet", "Intitulé", "Chef de projet", "Coût d'objectif (k€)"],
                ["GL-01", "Entrepôt Lyon", "Ann Martin", 1450],
                ["GL-02", "Portail RH", "Bob Petit", 80],
            ]
        },
    )


def test_the_import_reads_a_column_headed_with_a_glossary_term_into_its_field(con, tmp_path):
    path = _tracker(tmp_path / "suivi.xlsx")
    before = importer.read_files([(path, path.name)], importer.read_options(con))[0]
    assert "budget" not in {c.field for c in before.tables[0].mapping.columns}  # not a word the import knew
    glossary.save_terms(con, glossary.check_terms([TARGET_COST]), PMO)
    reads = importer.read_files([(path, path.name)], importer.read_options(con))
    column = next(c for c in reads[0].tables[0].mapping.columns if c.field == "budget")
    assert column.header == "Coût d'objectif (k€)" and column.scale == 1000
    plan = importer.build_plan(con, reads, scope="partial", as_of=date(2026, 10, 31))
    snapshots.apply_plan(con, plan, PMO)
    budgets = dict(con.execute("SELECT code, budget FROM projects ORDER BY code").fetchall())
    assert budgets == {"GL-01": 1_450_000.0, "GL-02": 80_000.0}
