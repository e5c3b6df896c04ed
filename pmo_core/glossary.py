"""The organisation's glossary: its terms in English and French, their definitions, and the field each names.

A term tied to a field ("Enveloppe validée" -> projects.budget) is one more synonym of that field's header for
the importer (ReadOptions.glossary, read by mapping.match_header), so the words the PMO sets are the words an
import understands. Terms are edited by the PMO through `save_terms`, one audited change.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from pmo_core import access
from pmo_core.access import Actor
from pmo_core.fields import ENTITIES, fields_of, normalize_header
from pmo_core.governance import GovernanceRefused

COLUMNS = ["term_en", "term_fr", "definition_en", "definition_fr", "field"]


@dataclass(frozen=True)
class Term:
    """A glossary entry; `field` is "entity.field" or None for a word with no column of its own."""

    term_en: str | None
    term_fr: str | None
    definition_en: str | None = None
    definition_fr: str | None = None
    field: str | None = None

    def term(self, lang: str) -> str:
        return (self.term_fr or self.term_en) if lang == "fr" else (self.term_en or self.term_fr) or ""


def field_choices() -> list[str]:
    """Return every field a term may name, as "entity.field"."""
    return [f"{entity}.{f.name}" for entity in ENTITIES for f in fields_of(entity)]


def terms(con: duckdb.DuckDBPyConnection) -> list[Term]:
    rows = con.execute(
        """SELECT term_en, term_fr, definition_en, definition_fr, field FROM glossary
           ORDER BY lower(coalesce(term_en, term_fr))"""
    ).fetchall()
    return [Term(*row) for row in rows]


def terms_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    return pd.DataFrame([t.__dict__ for t in terms(con)], columns=COLUMNS)


def check_terms(rows: Iterable[dict]) -> list[Term]:
    """Return terms from edited rows; blank rows are dropped, a term in neither language or an unknown field is
    refused, and a word may name one field only."""
    known, found, seen = set(field_choices()), [], {}
    for row in rows:
        values = {c: _text(row.get(c)) for c in COLUMNS}
        if not any(values.values()):
            continue
        if not (values["term_en"] or values["term_fr"]):
            raise GovernanceRefused("term_missing")
        if values["field"] and values["field"] not in known:
            raise GovernanceRefused("term_field", field=values["field"])
        term = Term(**values)
        for word in filter(None, (term.term_en, term.term_fr)):
            key = normalize_header(word)[0]
            if key in seen and seen[key] != term.field:
                raise GovernanceRefused("term_twice", term=word)
            seen[key] = term.field
        found.append(term)
    return found


def _text(value: object) -> str | None:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return None
    text = " ".join(str(value).split())
    return text or None


def save_terms(con: duckdb.DuckDBPyConnection, new: list[Term], actor: Actor) -> bool:
    """Replace the glossary, as one audited change; False when nothing changed."""
    before = terms(con)
    if sorted(new, key=_key) == sorted(before, key=_key):
        return False
    added = [t.term("en") for t in new if t not in before]
    removed = [t.term("en") for t in before if t not in new]
    with access.change(
        con, actor, "settings", "glossary", f"{len(new)}", {"added": added, "removed": removed}
    ):
        con.execute("DELETE FROM glossary")
        for term in new:
            con.execute(
                f"""INSERT INTO glossary ({", ".join(COLUMNS)}, updated_at, updated_by)
                    VALUES ($term_en, $term_fr, $definition_en, $definition_fr, $field, $at, $by)""",  # noqa: S608
                {**term.__dict__, "at": datetime.now(), "by": actor.name},
            )
    return True


def _key(term: Term) -> tuple:
    return tuple("" if v is None else v for v in term.__dict__.values())


def synonyms(con: duckdb.DuckDBPyConnection) -> tuple[tuple[str, str, str], ...]:
    """Return (entity, field, normalized header) for every term tied to a field, both languages."""
    found = []
    for term in terms(con):
        if term.field:
            entity, name = term.field.split(".", 1)
            for word in dict.fromkeys(filter(None, (term.term_en, term.term_fr))):
                found.append((entity, name, normalize_header(word)[0]))
    return tuple(sorted(set(found)))
