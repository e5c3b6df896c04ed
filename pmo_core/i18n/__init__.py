"""The translation table: every user-facing string, in English and French, looked up by key.

The table is one dictionary assembled from one module per area of the app (common, import, overview,
risks, budget, priorities, settings) so that each area keeps its words beside each other; a key may be
defined only once (a test checks it). Field and vocabulary labels come from `fields.csv` and
`vocabulary.py`, so header names and value words are translated in the same place they are parsed.
"""

from __future__ import annotations

import importlib
import re
import string
from functools import cache

LANGUAGES = ("en", "fr")
AREAS = (
    "common",
    "imports",
    "values",
    "reading",
    "template",
    "overview",
    "project",
    "risks",
    "budget",
    "priorities",
    "settings",
    "annotate",
    "trackers",
    "access",
    "projector",
    "governance",
    "provenance",
    "committee",
    "pack",
    "capacity",
    "since",
    "tables",
    "capacity_slide",
    "present_layout",
    "plausibility",
    "people_trace",
)


@cache
def table() -> dict[str, tuple[str, str]]:
    """Return the whole table: key -> (English, French)."""
    merged: dict[str, tuple[str, str]] = {}
    for area in AREAS:
        try:
            module = importlib.import_module(f"{__name__}.{area}")
        except ModuleNotFoundError as exc:
            if exc.name != f"{__name__}.{area}":
                raise
            continue
        for key, pair in module.TEXTS.items():
            if key in merged:
                raise ValueError(f"translation key {key!r} defined twice ({area})")
            merged[key] = pair
    from pmo_core.fields import all_fields
    from pmo_core.vocabulary import VOCABULARIES

    for fields in all_fields().values():
        for f in fields:
            merged.setdefault(f"field.{f.entity}.{f.name}", (f.en_label, f.fr_label))
    for kind, terms in VOCABULARIES.items():
        for term in terms:
            merged.setdefault(f"{kind}.{term.code}", (term.en, term.fr))
    return merged


def t(key: str, lang: str = "en", /, **params: object) -> str:
    """Return the text for `key` in `lang`, with {placeholders} filled from `params`."""
    pair = table().get(key)
    if pair is None:
        return key  # a missing key shows itself rather than breaking a page; a test keeps the table complete
    text = _french_spaces(pair[1]) if lang == "fr" else _english_quotes(pair[0])
    if params:
        return _Formatter(lang).vformat(text, (), _Defaulting(params))
    return text


class _Formatter(string.Formatter):
    """Fill placeholders; `{n:risk|risks}` writes the word that agrees with n in the text's language.

    French takes the singular for 0 and 1 ("0 risque"), English only for 1 ("0 risks").
    """

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" not in format_spec:
            return super().format_field(value, format_spec)
        singular, _, plural = format_spec.partition("|")
        count = _count(value)
        one = count is not None and (abs(count) < 2 if self.lang == "fr" else count == 1)
        return singular if one else plural


def _count(value: object) -> float | None:
    """Read a count given as a number or as text already formatted for display ("1 234")."""
    if isinstance(value, int | float):
        return value
    try:
        return float(str(value).replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        return None


_BEFORE_FRENCH_MARK = re.compile(r" ([?!;:»])")


@cache
def _french_spaces(text: str) -> str:
    """Bind the space French sets before ? ! ; : » and after « to its mark, so no line starts with one."""
    return _BEFORE_FRENCH_MARK.sub("\u00a0\\1", text).replace("« ", "«\u00a0")


def _english_quotes(text: str) -> str:
    """Quote the English way: the table writes « », as French does, for both languages."""
    return text.replace("« ", "“").replace(" »", "”").replace("«", "“").replace("»", "”")


class _Defaulting(dict):
    """Leave an unknown {placeholder} visible instead of raising in the middle of a page."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
