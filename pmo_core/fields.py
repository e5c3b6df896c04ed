"""The canonical fields of each entity, read from the editable header table `fields.csv`.

`fields.csv` is the one place where header synonyms live: an administrator adds a spelling there
and every import, the template and the mapping screen pick it up.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

ENTITIES = ("projects", "milestones", "risks", "costs", "business_case", "resources", "demand")
MONTHLY_ENTITIES = ("costs", "resources", "demand")  # read one column per month as well as one row per month
# What capacity and demand are measured by, in FTE or person-days (the `unit` field of each row).
EFFORT_FIELDS = {"resources": "capacity", "demand": "demand"}
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


# A unit written in a header scales every amount of the column: "Budget (k€)", "Coût (MEUR)",
# "Consommé (K€ HT)", "Reste à faire (€k)", "Atterrissage (milliers €)", "Cost impact (£k)".
_CURRENCY_MARKS = ("€", "$", "£", "eur", "usd", "gbp", "chf", "cad")
_SCALE_WORDS = {
    1e3: (
        "k",
        "ke",
        "keur",
        "kusd",
        "kgbp",
        "kchf",
        "kcad",
        "milliers",
        "millier",
        "thousands",
        "thousand",
        "000",
    ),
    1e6: ("m", "me", "meur", "musd", "mgbp", "mchf", "mio", "mn", "millions", "million"),
    1e9: ("md", "mds", "mrd", "bn", "milliards", "milliard", "billions", "billion"),
}
_SCALE_OF = {word: scale for scale, words in _SCALE_WORDS.items() for word in words}


def header_unit_scale(header: str) -> float:
    """Return the multiplier a unit in a header implies: 1000 for "(k€)", 1e6 for "(MEUR)", else 1."""
    return header_unit(header)[0]


def header_unit(header: object) -> tuple[float, str | None]:
    """Return the multiplier and the currency a header states ("Budget (k$)" -> 1000, "$")."""
    return _header_unit("" if header is None else str(header))


@lru_cache(maxsize=8192)  # finding a table reads the same few headers on hundreds of candidate rows
def _header_unit(header: str) -> tuple[float, str | None]:
    text = unicodedata.normalize("NFKC", header).lower()
    bracketed = " ".join(re.findall(r"[\(\[]([^\)\]]*)[\)\]]", text))
    after_en = " ".join(re.findall(r"\b(?:en|in)\s+([^\s,;]+(?:\s+d[' ]?euros?)?)", text))
    scale = 1.0
    for zone, loose in ((bracketed, True), (after_en, True), (text, False)):
        for token in re.findall(r"[a-z0-9€$£]+", zone):
            bare = token.strip("€$£")
            marked = bare != token or any(
                token.endswith(c) or token.startswith(c) for c in _CURRENCY_MARKS[3:]
            )
            for code in _CURRENCY_MARKS[3:]:
                if bare.endswith(code) and len(bare) > len(code):
                    bare, marked = bare[: -len(code)], True
                elif bare.startswith(code) and len(bare) > len(code):
                    bare, marked = bare[len(code) :], True
            if bare in _SCALE_OF and (loose or marked or len(bare) > 3) and scale == 1.0:
                scale = _SCALE_OF[bare]
    return scale, currency_of(header)


# The currency a header or a cell writes, most specific first: "US$" and "C$" before a bare "$", which says
# no more than "some dollar" (US, Canadian, Australian...) and is reported as "$" for the user to say which.
CURRENCY_MARKS = (
    ("USD", r"(?:\bus|\bu\.s\.)\s?\$|\busd\b|\bus dollars?\b"),
    ("CAD", r"(?:\bca|\bc|\bcan)\s?\$|\bcad\b|\bcanadian dollars?\b"),
    ("AUD", r"(?:\bau|\ba)\s?\$|\baud\b|\baustralian dollars?\b"),
    ("NZD", r"\bnz\s?\$|\bnzd\b"),
    ("HKD", r"\bhk\s?\$|\bhkd\b"),
    ("SGD", r"\bs\s?\$|\bsgd\b"),
    ("$", r"\$"),
    ("GBP", r"£|\bgbp\b|\bpounds? sterling\b"),
    ("EUR", r"€|\beur\b|\beuros?\b"),
    ("CHF", r"\bchf\b"),
    ("JPY", r"¥|\bjpy\b"),
)
ANY_CURRENCY = "|".join(f"(?:{pattern})" for _, pattern in CURRENCY_MARKS)
_MARKS = tuple((code, re.compile(pattern, re.IGNORECASE)) for code, pattern in CURRENCY_MARKS)
CURRENCY_CHOICES = ("EUR", "USD", "CAD", "AUD", "GBP", "CHF", "NZD", "HKD", "SGD", "JPY")


@lru_cache(maxsize=8192)
def currency_of(text: str | None) -> str | None:
    """Return the currency a header or a cell writes, as an ISO code, "$" for a bare dollar sign, or None."""
    if not text:
        return None
    return next((code for code, pattern in _MARKS if pattern.search(text)), None)


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def normalize_header(header: object) -> tuple[str, float]:
    """Return a header reduced to lowercase ascii words, and the unit scale it carried.

    "Budget (k€)" -> ("budget", 1000.0); "Date de fin prévue" -> ("date de fin prevue", 1.0);
    "% Complete" -> ("complete", 1.0); "Business Value (1-5)" -> ("business value", 1.0).
    """
    return _normalize_header("" if header is None else str(header))


@lru_cache(maxsize=8192)
def _normalize_header(raw: str) -> tuple[str, float]:
    scale = header_unit_scale(raw)
    raw = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", raw)  # camelCase exports: latestProjectName
    text = unicodedata.normalize("NFKC", raw).lower().replace("_", " ").replace("ß", "ss")
    text = re.sub(r"[\(\[][^\)\]]*[\)\]]", " ", text)  # units and scales in brackets
    text = re.sub(r"\b(?:in|en)\s+(?:k€|m€|€k|keur|meur|£m|\$m|k\$|k£|£k|eur|euros?|€)(?!\w)", " ", text)
    text = re.sub(r"(?<!\w)(?:k€|m€|€k|€m|keur|meur|k£|£k|k\$|\$k|€|£|\$)(?!\w)", " ", text)
    text = strip_accents(text)
    text = text.replace("n°", "n ").replace("nº", "n ")
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return " ".join(text.split()), scale


_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def normalize_name(name: object) -> str:
    """Reduce a project title to what two spellings of it share: case, accents, spaces, punctuation."""
    text = str(name)
    if text.isascii():  # most codes: nothing to decompose (a duplicate check runs this on every row)
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text).casefold()
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return " ".join(_NOT_ALPHANUMERIC.sub(" ", text).split())
