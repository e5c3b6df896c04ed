"""How the columns of a table found in a file map onto our fields, and how sure we are.

Matching goes through the synonyms of `fields.csv` and the terms of the organisation's glossary (passed in as
`glossary`: (entity, field, normalized term) each), so the header vocabulary is never spread in code. A table's mapping can be overridden column by column on the Import page and saved as a named
profile, applied by itself the next time a table with the same headers arrives.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field, replace
from functools import cache

from pmo_core.fields import ENTITIES, MONTHLY_ENTITIES, all_fields, fields_of, normalize_header

# In a wide table the amounts sit in the month or year columns: a "Total" beside them is not one of them.
WIDE_EXCLUDED = {
    "costs": ("month", "actual", "forecast"),
    "business_case": ("year", "cost", "benefit"),
    "resources": ("month", "capacity"),
    "demand": ("month", "demand"),
}
MIN_SCORE = 0.6  # below this a header is left unmapped rather than guessed
SHEET_HINTS = {
    "projects": (
        "project",
        "projet",
        "portfolio",
        "portefeuille",
        "suivi",
        "tracker",
        "register of projects",
    ),
    "milestones": ("milestone", "jalon", "planning", "schedule", "roadmap"),
    "risks": ("risk", "risque", "registre", "register"),
    "costs": ("cost", "cout", "budget", "depense", "spend", "finance", "monthly", "mensuel"),
    "business_case": ("business case", "rentabilite", "cash flow", "benefit", "benefice", "bc"),
    "resources": ("resource", "ressource", "capacity", "capacite", "staffing", "effectif", "headcount"),
    "demand": ("demand", "demande", "charge", "besoin", "allocation", "staffing plan", "workload"),
}


@dataclass(frozen=True)
class ColumnMap:
    col_index: int  # absolute column in the sheet (A = 0)
    header: str  # as written in the file (with its group label when the header has two rows)
    field: str | None  # None: the column is ignored
    confidence: float  # 1.0 exact synonym ... 0.6 loose; 1.0 also when the user chose it
    scale: float = 1.0  # a unit multiplier for amounts (k€ -> 1000)
    source: str = "auto"  # "auto", "profile" or "user"
    currency: str | None = None  # chosen on the mapping screen; None: as the header or the cells say
    order: int = 0  # where several columns feed one field, the first non-empty value wins, lowest order first


@dataclass(frozen=True)
class TableMapping:
    entity: str | None  # None: the table is ignored
    columns: tuple[ColumnMap, ...]
    signature: str
    confidence: float = 0.0
    month_columns: tuple[tuple[int, str], ...] = ()  # wide cost tables: (col_index, ISO month)
    wide_measure: str | None = None  # wide cost tables: which amount the month columns hold
    effort_unit: str | None = None  # capacity and demand: "fte" or "days" where the file does not say
    year_columns: tuple[tuple[int, int], ...] = ()  # wide business cases: (col_index, year)
    profile: str | None = None  # name of the saved profile applied, if any
    project: str | None = None  # the project every row belongs to (a risk register of one project)
    # The project each title the store does not know, or knows twice, names: (title, code); code None
    # leaves that title's rows out.
    titles: tuple[tuple[str, str | None], ...] = ()
    shape: str = "auto"  # how the table was found: under a header row, with none, or transposed
    rates: tuple[tuple[str, float | None], ...] = ()  # exchange rates saved with a profile: (currency, rate)
    lenient: bool = False  # its unreadable values become empty cells with a warning (a third-party register)

    def fields_of_columns(self) -> dict[str, list[ColumnMap]]:
        """Return the columns feeding each field, in the order their first non-empty value wins."""
        found: dict[str, list[ColumnMap]] = {}
        for column in sorted(self.columns, key=lambda c: (c.order, c.col_index)):
            if column.field:
                found.setdefault(column.field, []).append(column)
        return found

    def field_column(self, name: str) -> ColumnMap | None:
        for column in self.columns:
            if column.field == name:
                return column
        return None

    def missing_required(self) -> list[str]:
        """Return the required fields with no column, with 'project' for a missing project reference."""
        if self.entity is None:
            return []
        mapped = {c.field for c in self.columns if c.field}
        missing = [f.name for f in fields_of(self.entity) if f.required and f.name not in mapped]
        if self.entity in MONTHLY_ENTITIES and self.month_columns:
            missing = [name for name in missing if name not in WIDE_EXCLUDED[self.entity]]
        if self.entity == "business_case" and self.year_columns:
            missing = [name for name in missing if name != "year"]
        refs = [f.name for f in fields_of(self.entity) if f.reference]
        if refs and not mapped.intersection(refs):
            missing.insert(0, "project")
        return missing


@dataclass
class Profile:
    """A saved mapping: for a header signature, the entity and the field of each header, and every other
    choice of the mapping screen (`options`: shape, currencies, column order, project, titles, rates)."""

    name: str
    signature: str
    entity: str | None
    fields: dict[str, str | None] = field(default_factory=dict)  # column key -> field
    scales: dict[str, float] = field(default_factory=dict)
    wide_measure: str | None = None
    options: dict = field(default_factory=dict)

    @property
    def shape(self) -> str:
        return self.options.get("shape", "auto")


@cache
def _synonym_index() -> tuple[tuple[str, str, str, frozenset[str], int], ...]:
    """Return (synonym, entity, field, synonym tokens, rank) for every synonym of every field."""
    index = []
    for entity, fields in all_fields().items():
        for f in fields:
            for rank, synonym in enumerate(f.synonyms):
                index.append((synonym, entity, f.name, frozenset(synonym.split()), rank))
    return tuple(index)


class _Order(dict):
    """Position of each synonym entry in fields.csv order, built on first use."""

    def __missing__(self, entry):
        self.update({item: position for position, item in enumerate(_synonym_index())})
        return dict.__getitem__(self, entry)


_ORDER = _Order()


@cache
def _by_token() -> dict[str, tuple[tuple[str, str, str, frozenset[str], int], ...]]:
    """Return the synonyms that contain each word, so a header is compared only with synonyms it shares a word with."""
    found: dict[str, list] = {}
    for entry in _synonym_index():
        for token in entry[3]:
            found.setdefault(token, []).append(entry)
    return {token: tuple(entries) for token, entries in found.items()}


Glossary = tuple[tuple[str, str, str], ...]  # (entity, field, normalized term): the PMO's own words


@cache
def match_header(normalized: str, glossary: Glossary = ()) -> tuple[tuple[str, str, float], ...]:
    """Return (entity, field, score) candidates for a normalized header, best first, one per field.

    A glossary term is matched as a synonym ranked first: the word the PMO set wins a tie with a built-in one.
    """
    if not normalized or len(normalized) > 80:
        return ()
    tokens = frozenset(normalized.split())
    best: dict[tuple[str, str], float] = {}
    for entity, name, term in glossary:
        score = _score(normalized, tokens, term, frozenset(term.split()))
        if score >= MIN_SCORE and score > best.get((entity, name), 0.0):
            best[(entity, name)] = score
    # Sorted, so that equal scores rank in a fixed order (entities, then fields, as fields.csv lists them)
    # whatever the interpreter's hash seed.
    sharing = sorted(
        {entry for token in tokens for entry in _by_token().get(token, ())}, key=_ORDER.__getitem__
    )
    for synonym, entity, name, syn_tokens, rank in sharing:
        score = _score(normalized, tokens, synonym, syn_tokens) - rank * 0.0005
        if score >= MIN_SCORE and score > best.get((entity, name), 0.0):
            best[(entity, name)] = score
    if not best and len(tokens) <= 4 and not any(ch.isdigit() for ch in normalized):
        best = _fuzzy(normalized)
    ranked = sorted(best.items(), key=lambda item: -item[1])  # stable: ties keep the fields.csv order
    return tuple((entity, name, round(score, 3)) for (entity, name), score in ranked)


def _score(header: str, tokens: frozenset[str], synonym: str, syn_tokens: frozenset[str]) -> float:
    if header == synonym:
        return 1.0
    if len(synonym) <= 2 or len(header) <= 2:
        return 0.0  # "p", "i", "g": only ever exact
    if tokens == syn_tokens:
        return 0.95
    if syn_tokens < tokens and f" {synonym} " in f" {header} ":
        return 0.6 + 0.3 * len(syn_tokens) / len(tokens)
    return 0.0


def _fuzzy(header: str) -> dict[tuple[str, str], float]:
    """Match a misspelt header ("avancemnt") to a synonym spelt closely, checked cheapest first."""
    matcher = difflib.SequenceMatcher(None, autojunk=False)
    matcher.set_seq2(header)  # the matcher caches what it learns of its second sequence
    best: dict[tuple[str, str], float] = {}
    for synonym, entity, name, _, rank in _synonym_index():
        if len(synonym) < 5 or abs(len(synonym) - len(header)) > 3:
            continue
        matcher.set_seq1(synonym)
        if matcher.real_quick_ratio() < 0.88 or matcher.quick_ratio() < 0.88:
            continue
        ratio = matcher.ratio()
        score = 0.75 * ratio - rank * 0.0005
        if ratio >= 0.88 and score > best.get((entity, name), 0.0):
            best[(entity, name)] = score
    return best


def header_signature(headers: list[str]) -> str:
    """Return a stable fingerprint of a table's headers, so a profile finds its table again."""
    normalized = "|".join(normalize_header(h)[0] for h in headers)
    return hashlib.sha256(normalized.encode("utf-8")).hexdigest()[:16]


def guess_mapping(
    headers: list[tuple[int, str]],
    *,
    sheet_name: str = "",
    month_columns: dict[int, str] | None = None,
    year_columns: dict[int, int] | None = None,
    signature: str | None = None,
    shape: str = "auto",
    glossary: Glossary = (),
) -> TableMapping:
    """Return the most likely entity for a table and the field of each of its columns.

    Three months or more side by side make a wide cost table; two years or more, a wide business case.
    `signature` is what a profile finds the table by when its headers do not say (a table with no header row).
    """
    month_columns, year_columns = month_columns or {}, year_columns or {}
    signature = signature or header_signature([h for _, h in headers])
    plain = [(col, header) for col, header in headers if col not in month_columns and col not in year_columns]
    wide = {**dict.fromkeys(MONTHLY_ENTITIES, month_columns), "business_case": year_columns}
    best: TableMapping | None = None
    best_score = 0.0
    for entity in ENTITIES:
        columns, score = assign_columns(
            entity, plain, wide=bool(month_columns or year_columns), glossary=glossary
        )
        score += _sheet_hint(entity, sheet_name)
        own = wide.get(entity, {})
        if len(own) >= (3 if entity in MONTHLY_ENTITIES else 2):
            score += 3.0 + 0.1 * len(own)
        elif month_columns or year_columns:
            score -= 1.0
        candidate = TableMapping(
            entity=entity,
            columns=tuple(columns),
            signature=signature,
            month_columns=tuple(sorted(month_columns.items())) if entity in MONTHLY_ENTITIES else (),
            year_columns=tuple(sorted(year_columns.items())) if entity == "business_case" else (),
        )
        score -= 1.5 * len(candidate.missing_required())
        if score > best_score:
            best, best_score = candidate, score
    mapped = sum(1 for c in best.columns if c.field) if best else 0
    if best is None or best_score < 2.0 or (mapped < 2 and not best.month_columns and not best.year_columns):
        return TableMapping(entity=None, columns=tuple(_unmapped(plain)), signature=signature, shape=shape)
    return replace(best, confidence=round(min(1.0, best_score / 8.0), 2), shape=shape)


def assign_columns(
    entity: str, headers: list[tuple[int, str]], wide: bool = False, glossary: Glossary = ()
) -> tuple[list[ColumnMap], float]:
    """Give each field its best column, best matches first; each column and field used once.

    In a wide cost table the amounts sit in the month columns, so a "Total réalisé" column beside them
    is a derived total, not the actual cost: only the project, the cost type and an annual plan map.
    """
    excluded = WIDE_EXCLUDED.get(entity, ()) if wide else ()
    candidates = []
    for col, header in headers:
        normalized, scale = normalize_header(header)
        for cand_entity, name, score in match_header(normalized, glossary):
            if cand_entity == entity and name not in excluded:
                candidates.append((score, col, name, scale))
    candidates.sort(key=lambda c: (-c[0], c[1]))
    taken_cols: dict[int, tuple[str, float, float]] = {}
    taken_fields: set[str] = set()
    for score, col, name, scale in candidates:
        if col in taken_cols or name in taken_fields:
            continue
        taken_cols[col] = (name, score, scale)
        taken_fields.add(name)
    columns = []
    total = 0.0
    for col, header in headers:
        if col in taken_cols:
            name, score, scale = taken_cols[col]
            columns.append(ColumnMap(col, header, name, score, scale))
            total += score
        else:
            columns.append(ColumnMap(col, header, None, 0.0, normalize_header(header)[1]))
    required = [f.name for f in fields_of(entity) if f.required]
    references = [f.name for f in fields_of(entity) if f.reference]
    total += 1.0 * sum(1 for name in required if name in taken_fields)
    total += (
        1.0 if taken_fields.intersection(references) else 0.0
    )  # a project named by code or by title: once
    return columns, total


def _unmapped(headers: list[tuple[int, str]]) -> list[ColumnMap]:
    return [ColumnMap(col, header, None, 0.0, normalize_header(header)[1]) for col, header in headers]


def _sheet_hint(entity: str, sheet_name: str) -> float:
    name = normalize_header(sheet_name)[0]
    return 2.0 if any(hint in name for hint in SHEET_HINTS[entity]) else 0.0


def column_keys(columns) -> list[str]:
    """Return the key a profile knows each column by: its normalized header, numbered from the second
    column that bears the same one ("colour rating", "colour rating#2")."""
    seen: dict[str, int] = {}
    keys = []
    for column in columns:
        key = normalize_header(column.header)[0]
        seen[key] = seen.get(key, 0) + 1
        keys.append(key if seen[key] == 1 else f"{key}#{seen[key]}")
    return keys


def apply_profile(mapping: TableMapping, profile: Profile) -> TableMapping:
    """Return the mapping with the profile's entity, per-header fields and other choices laid over the guess."""
    options = profile.options
    currencies, orders = options.get("currencies", {}), options.get("orders", {})
    columns = []
    for column, key in zip(mapping.columns, column_keys(mapping.columns), strict=True):
        if key in profile.fields:
            columns.append(
                replace(
                    column,
                    field=profile.fields[key],
                    confidence=1.0,
                    scale=profile.scales.get(key, column.scale),
                    source="profile",
                    currency=currencies.get(key),
                    order=int(orders.get(key, 0)),
                )
            )
        else:
            columns.append(column)
    return replace(
        mapping,
        entity=profile.entity,
        columns=tuple(columns),
        month_columns=mapping.month_columns if profile.entity in MONTHLY_ENTITIES else (),
        year_columns=mapping.year_columns if profile.entity == "business_case" else (),
        wide_measure=profile.wide_measure or mapping.wide_measure,
        confidence=1.0,
        profile=profile.name,
        project=options.get("project"),
        titles=tuple((title, code) for title, code in options.get("titles", [])),
        rates=tuple((currency, rate) for currency, rate in options.get("rates", [])),
        lenient=bool(options.get("lenient", False)),
        effort_unit=options.get("effort_unit"),
    )


def profile_from_mapping(name: str, mapping: TableMapping) -> Profile:
    """Return a profile that reproduces this mapping, and every choice made for its table, for any table
    found the same way (same headers; or, read with no header row or transposed, the same region)."""
    keys = column_keys(mapping.columns)
    shared = {name for name, columns in mapping.fields_of_columns().items() if len(columns) > 1}
    options = {
        "shape": mapping.shape,
        "currencies": {k: c.currency for k, c in zip(keys, mapping.columns, strict=True) if c.currency},
        "orders": {k: c.order for k, c in zip(keys, mapping.columns, strict=True) if c.field in shared},
        "project": mapping.project,
        "titles": [list(pair) for pair in mapping.titles],
        "rates": [list(pair) for pair in mapping.rates],
        "lenient": mapping.lenient,
        "effort_unit": mapping.effort_unit,
    }
    return Profile(
        name=name,
        signature=mapping.signature,
        entity=mapping.entity,
        fields={k: c.field for k, c in zip(keys, mapping.columns, strict=True)},
        scales={k: c.scale for k, c in zip(keys, mapping.columns, strict=True) if c.scale != 1.0},
        wide_measure=mapping.wide_measure,
        options={key: value for key, value in options.items() if value not in (None, {}, [], "auto", False)},
    )
