"""The canonical fields of each entity, read from the editable header table `fields.csv`.

`fields.csv` is the one place where header synonyms live: an administrator adds a spelling there
and every import, the template and the mapping screen pick it up.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

ENTITIES = ("projects", "milestones", "risks", "costs", "business_case")
FIELDS_CSV = Path(__file__).with_name("fields.csv")


@dataclass(frozen=True)
class Field:
    entity: str
    name: str
    type: str
    required: bool
    reference: bool  # a project reference (code or name): one of them is required
    en_label: str
    fr_label: str
    synonyms: tuple[str, ...]

    def label(self, lang: str) -> str:
        return self.fr_label if lang == "fr" else self.en_label


@cache
def all_fields() -> dict[str, tuple[Field, ...]]:
    """Return the fields of every entity, in template column order."""
    by_entity: dict[str, list[Field]] = {entity: [] for entity in ENTITIES}
    with FIELDS_CSV.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            synonyms = tuple(normalize_header(s)[0] for s in row["synonyms"].split("|") if s.strip())
            labels = (normalize_header(row["en_label"])[0], normalize_header(row["fr_label"])[0])
            by_entity[row["entity"]].append(
                Field(
                    entity=row["entity"],
                    name=row["field"],
                    type=row["type"],
                    required=row["required"] == "yes",
                    reference=row["required"] == "ref",
                    en_label=row["en_label"],
                    fr_label=row["fr_label"],
                    synonyms=tuple(dict.fromkeys(labels + synonyms)),
                )
            )
    return {entity: tuple(fields) for entity, fields in by_entity.items()}


def fields_of(entity: str) -> tuple[Field, ...]:
    return all_fields()[entity]


def field(entity: str, name: str) -> Field:
    for candidate in fields_of(entity):
        if candidate.name == name:
            return candidate
    raise KeyError(f"{entity}.{name}")


# A unit written in a header scales every amount of the column: "Budget (k€)", "Coût (MEUR)".
_UNIT_SCALES = {
    "k": 1e3,
    "ke": 1e3,
    "keur": 1e3,
    "k€": 1e3,
    "kgbp": 1e3,
    "k£": 1e3,
    "kusd": 1e3,
    "k$": 1e3,
    "m": 1e6,
    "me": 1e6,
    "meur": 1e6,
    "m€": 1e6,
    "mio": 1e6,
    "mio€": 1e6,
    "£m": 1e6,
    "$m": 1e6,
    "mn": 1e6,
    "md": 1e9,
    "mds": 1e9,
    "mrd": 1e9,
    "bn": 1e9,
    "md€": 1e9,
    "£bn": 1e9,
}
_UNIT_IN_HEADER = re.compile(
    r"[\(\[]\s*([^\)\]]*)\s*[\)\]]|\bin\s+(k€|m€|keur|meur|£m|\$m|k\$|k£)\b|\ben\s+(k€|m€|keur|meur)\b"
)


def header_unit_scale(header: str) -> float:
    """Return the multiplier a unit in a header implies: 1000 for "(k€)", 1e6 for "(MEUR)", else 1."""
    text = unicodedata.normalize("NFKC", str(header)).lower()
    for match in _UNIT_IN_HEADER.finditer(text):
        unit = next(g for g in match.groups() if g is not None).replace(" ", "")
        if unit in _UNIT_SCALES:
            return _UNIT_SCALES[unit]
    for token in re.split(r"[\s\-_/]+", text):
        if token in ("k€", "keur", "m€", "meur", "£m", "$m"):
            return _UNIT_SCALES[token]
    return 1.0


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_header(header: object) -> tuple[str, float]:
    """Return a header reduced to lowercase ascii words, and the unit scale it carried.

    "Budget (k€)" -> ("budget", 1000.0); "Date de fin prévue" -> ("date de fin prevue", 1.0);
    "% Complete" -> ("complete", 1.0); "Business Value (1-5)" -> ("business value", 1.0).
    """
    raw = "" if header is None else str(header)
    scale = header_unit_scale(raw)
    raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)  # camelCase exports: latestProjectName
    text = unicodedata.normalize("NFKC", raw).lower().replace("_", " ")
    text = re.sub(r"[\(\[][^\)\]]*[\)\]]", " ", text)  # units and scales in brackets
    text = re.sub(r"\b(?:in|en)\s+(?:k€|m€|keur|meur|£m|\$m|k\$|k£|eur|euros?|€)(?!\w)", " ", text)
    text = re.sub(r"(?<!\w)(?:k€|m€|keur|meur|€|£|\$)(?!\w)", " ", text)
    text = strip_accents(text)
    text = text.replace("n°", "n ").replace("nº", "n ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split()), scale
