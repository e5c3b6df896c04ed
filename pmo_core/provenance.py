"""Where a stored figure came from: the file, sheet and cell a manager typed it in, what was typed there, how it
was read, by which import, and what it was in the snapshots before.

    found = trace(con, "P-012", "budget")
    found.origin.cell  # "H12"
    found.origin.typed  # "1 450 k€"

An import stores, beside its rows, where each row was read (`origins`); this module keeps that with the batch
and reads it back, deriving each cell from its table's column where no exception says otherwise.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd

from pmo_core import origins
from pmo_core.fields import ENTITIES, fields_of
from pmo_core.i18n import t
from pmo_core.layout import column_letter
from pmo_core.store import CURRENT, quote
from pmo_core.values import UNITS, period_of

ROW_TABLES = {
    "projects": "project_rows",
    "milestones": "milestone_rows",
    "risks": "risk_rows",
    "costs": "cost_rows",
    "business_case": "business_case_rows",
    "resources": "capacity_rows",
    "demand": "demand_rows",
}
# What names one row of an entity within its project: (SQL expression over the stored row, how it is written).
# The entities whose rows a figure can be traced in. Team capacity belongs to a team, not to a project: its
# rows are named by month within their team ("2027-03"); a demand line by month and team ("2027-03 Data").
ITEMS = {
    "projects": "''",
    "milestones": "r.name",
    "risks": "coalesce(r.code, r.title)",
    "costs": "strftime(r.month, '%Y-%m') || coalesce(' ' || upper(r.cost_type), '')",
    "business_case": "r.year::VARCHAR",
    "demand": "strftime(r.month, '%Y-%m') || ' ' || r.team",
    "resources": "strftime(r.month, '%Y-%m')",
}
# The column naming whose row it is: the project's code ("project_code" unless said here), or the team.
PROJECT_KEYS = {"projects": "code", "resources": "team"}
TEAM_ENTITIES = ("resources",)
PROJECT_ENTITIES = tuple(entity for entity in ITEMS if entity not in TEAM_ENTITIES)
# The state of each entity on a date, for the rows a page offers to open.
STATE_MACROS = {
    "milestones": "milestones_at",
    "risks": "risks_at",
    "costs": "cost_lines_at",
    "business_case": "business_case_at",
    "demand": "demand_lines_at",
    "resources": "capacity_lines_at",
}
# Fields the import sets when a file does not give them (see importer._complete_projects and _complete_risks).
SET_BY_IMPORT = {("projects", "last_update"): "as_of", ("risks", "status"): "open"}


def store_origins(
    con: duckdb.DuckDBPyConnection,
    batch_id: int,
    found: origins.ImportOrigins,
    insert: Callable[[duckdb.DuckDBPyConnection, str, pd.DataFrame], None],
) -> None:
    """Keep where the batch's rows were read: its tables, their columns, and the cells the columns do not tell.

    Runs inside the import's transaction (`insert` appends a frame to a table).
    """
    sources, columns = [], []
    for source in found.sources:
        reading = {key: value for key, value in source.origins.reading if value not in (None, (), "")}
        sources.append(
            (batch_id, source.src, source.entity, source.file, source.sheet, source.header_row, source.shape,
             json.dumps(reading, default=list, ensure_ascii=False))
        )  # fmt: skip
        for column in source.origins.columns.values():
            columns.append(
                (batch_id, source.src, column.field, column.header, column.row, column.col, column.scale,
                 column.currency, json.dumps(column.typed, ensure_ascii=False) if column.typed else None,
                 column.rule, json.dumps(column.sections, ensure_ascii=False) if column.sections else None)
            )  # fmt: skip
    insert(
        con,
        "origin_sources",
        pd.DataFrame(
            sources,
            columns=["batch_id", "origin", "entity", "file_name", "sheet", "header_row", "shape", "reading"],
        ),
    )
    insert(
        con,
        "origin_columns",
        pd.DataFrame(
            columns,
            columns=[
                "batch_id", "origin", "field", "header", "sheet_row", "sheet_col", "scale", "currency", "typed",
                "rule", "sections",
            ],
        ).astype({"sheet_row": "Int32", "sheet_col": "Int16"}),
    )  # fmt: skip
    cells = found.cells
    if len(cells):
        insert(
            con,
            "origin_cells",
            pd.DataFrame(
                {
                    "batch_id": batch_id,
                    "origin": cells["src"],
                    "origin_row": cells["row"],
                    "origin_col": cells["col"],
                    "field": cells["field"],
                    "cell_origin": cells.get("from_src", pd.NA),
                    "sheet_row": cells["sheet_row"],
                    "sheet_col": cells["sheet_col"],
                    "raw": cells["raw"],
                    "rule": cells["rule"],
                }
            ),
        )


# --------------------------------------------------------------------------------------------------
# Reading back


@dataclass(frozen=True)
class Cell:
    """One cell a stored value was read from."""

    file_name: str
    sheet: str
    row: int
    col: int
    typed: str | None  # the text the cell held, as read
    header: str | None  # the column's header (or the row's label, in a transposed table or a form)

    @property
    def address(self) -> str:
        return f"{column_letter(self.col)}{self.row}"


@dataclass(frozen=True)
class Origin:
    """Where one stored value came from, and how it was read."""

    batch_id: int
    as_of: date
    imported_at: datetime
    imported_by: str
    file_name: str | None
    sha256: str | None
    kept: bool  # the uploaded file is still kept with its batch
    cells: tuple[Cell, ...]  # none: set by the import (see `rule`); several: added up
    rule: str | None  # "sum", "spread:12", "merged", "section", "as_of", "open"...
    scale: float = 1.0
    currency: str | None = None
    rate: float | None = None
    reading: dict = field(
        default_factory=dict
    )  # day first, decimal separator, fiscal year, three-level scale
    kind: str = "text"  # the field's type in fields.csv

    @property
    def cell(self) -> str | None:
        return self.cells[0].address if len(self.cells) == 1 else None

    @property
    def typed(self) -> str | None:
        return self.cells[0].typed if len(self.cells) == 1 else None


@dataclass(frozen=True)
class Version:
    """The value of a figure at one snapshot, and where that value came from."""

    as_of: date
    value: object
    origin: Origin | None


@dataclass(frozen=True)
class Trace:
    """A figure, its origin, and its values across the snapshots (oldest first)."""

    project_code: str
    entity: str
    item: str
    field: str
    as_of: date | None
    value: object
    origin: Origin | None
    history: tuple[Version, ...]


class NotTraceable(LookupError):
    """The figure asked for does not exist: unknown project, field or row; `code` and `params` say which."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params


def traceable_fields(entity: str) -> list[str]:
    """Return the fields of an entity a trace can follow (references and recomputed scores are not stored)."""
    return [f.name for f in fields_of(entity) if not f.reference and f.name not in ("score",)]


def trace(
    con: duckdb.DuckDBPyConnection,
    project_code: str,
    field_name: str,
    *,
    entity: str = "projects",
    item: str | None = None,
    as_of: date | None = None,
) -> Trace:
    """Return a figure of a project (or of one of its rows: a risk, a month of costs...) on a date, with
    where it came from and its values at every snapshot."""
    if entity not in ENTITIES:
        raise NotTraceable("entity", entity=entity)
    if field_name not in traceable_fields(entity):
        raise NotTraceable("field", field=field_name, entity=entity)
    versions = _versions(con, project_code, entity, item or "", field_name)
    if versions.empty:
        team = entity in TEAM_ENTITIES  # a team's capacity: the messages name the team, not a project
        if not _known_owner(con, project_code, entity):
            raise NotTraceable("team" if team else "project", project=project_code)
        held = _items(con, project_code, entity)
        raise NotTraceable(
            ("team_" if team else "") + ("item" if held else "no_rows"),
            project=project_code,
            entity=entity,
            item=item or "",
            items=held,
        )
    kind = field_kind(entity, field_name)
    history = tuple(
        Version(_plain(row.snapshot), _plain(row.value), _origin(con, row, entity, field_name, kind))
        for row in versions.itertuples()
    )
    chosen = [v for v in history if as_of is None or v.as_of <= as_of]
    current = chosen[-1] if chosen else None
    return Trace(
        project_code,
        entity,
        item or "",
        field_name,
        as_of,
        current.value if current else None,
        current.origin if current else None,
        history,
    )


def _versions(con, project_code: str, entity: str, item: str, field_name: str) -> pd.DataFrame:
    """Return, for each snapshot at which the row exists, its value and where its row was read."""
    key = PROJECT_KEYS.get(entity, "project_code")
    table = ROW_TABLES[entity]
    return con.execute(
        f"""
        SELECT s.as_of AS snapshot, r.batch_id, r.{quote(field_name)} AS value, r.origin, r.origin_row,
               r.origin_col, b.as_of, b.imported_at, b.user_name
        FROM snapshots AS s,
             LATERAL (SELECT * FROM versions_at(s.as_of)) AS v
        JOIN {quote(table)} AS r ON r.batch_id = v.batch_id AND r.{quote(key)} = v.project_code
        JOIN batches AS b ON b.batch_id = r.batch_id
        WHERE v.entity = $entity AND v.present AND v.project_code = $code AND {ITEMS[entity]} = $item
        ORDER BY s.as_of
        """,  # noqa: S608 - fixed identifiers
        {"entity": entity, "code": project_code, "item": item},
    ).df()


def _known_owner(con, code: str, entity: str) -> bool:
    """Tell whether any import ever named this project (or this team, for team capacity)."""
    table, key = ("capacity_rows", "team") if entity in TEAM_ENTITIES else ("project_rows", "code")
    found = con.execute(f"SELECT count(*) FROM {table} WHERE {key} = $c", {"c": code})  # noqa: S608 - fixed names
    return bool(found.fetchone()[0])


def _items(con, project_code: str, entity: str) -> str:
    """Return the rows of a project an entity holds now, as a trace names them (for a message)."""
    return ", ".join(items(con, project_code, entity, most=12))


def items(
    con: duckdb.DuckDBPyConnection,
    project_code: str,
    entity: str,
    as_of: date | None = None,
    most: int | None = None,
) -> list[str]:
    """Return how a trace names each row an entity holds for a project (or a team) on a date (a milestone's
    name, a risk's ID, "2026-03 CAPEX", "2027-03 Data"), so a page can offer every figure to be opened."""
    if entity == "projects":
        return [""]
    key = PROJECT_KEYS.get(entity, "project_code")
    found = con.execute(
        f"SELECT DISTINCT {ITEMS[entity]} AS item FROM {STATE_MACROS[entity]}($d::DATE) AS r "  # noqa: S608
        f"WHERE r.{key} = $c AND item IS NOT NULL ORDER BY 1"
        + ("" if most is None else f" LIMIT {int(most)}"),
        {"d": as_of or CURRENT, "c": project_code},
    ).fetchall()
    return [str(row[0]) for row in found]


def _plain(value: object) -> object:
    if value is None or (isinstance(value, float) and np.isnan(value)) or value is pd.NaT:
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, np.generic):
        return value.item()
    return value


def _origin(con, row, entity: str, field_name: str, kind: str) -> Origin | None:
    """Return where the value of one stored row's field was read."""
    if row.origin is None or pd.isna(row.origin):
        return None
    batch, src = int(row.batch_id), int(row.origin)
    own_row = None if pd.isna(row.origin_row) else int(row.origin_row)
    own_col = None if pd.isna(row.origin_col) else int(row.origin_col)
    sources = {
        int(s[0]): s[1:]
        for s in con.execute(
            """SELECT s.origin, s.file_name, s.sheet, s.reading, f.sha256, f.kept_as IS NOT NULL
                      AND f.deleted_at IS NULL
               FROM origin_sources AS s LEFT JOIN batch_files AS f
                 ON f.batch_id = s.batch_id AND f.file_name = s.file_name
               WHERE s.batch_id = $b""",
            {"b": batch},
        ).fetchall()
    }
    if src not in sources:
        return None
    file_name, sheet, reading, sha256, kept = sources[src]
    columns = con.execute(
        """SELECT header, sheet_row, sheet_col, scale, currency, typed, rule, sections
           FROM origin_columns WHERE batch_id = $b AND origin = $o AND field = $f""",
        {"b": batch, "o": src, "f": field_name},
    ).fetchall()
    column = columns[0] if columns else None
    reading = json.loads(reading or "{}")
    headers = {int(col): header for col, header in reading.get("headers", [])}
    exceptions = con.execute(
        """SELECT cell_origin, sheet_row, sheet_col, raw, rule, origin_col FROM origin_cells
           WHERE batch_id = $b AND origin = $o AND origin_row IS NOT DISTINCT FROM $r AND field = $f
             AND (origin_col IS NULL OR origin_col IS NOT DISTINCT FROM $c)
           ORDER BY origin_col NULLS LAST, sheet_row, sheet_col""",
        {"b": batch, "o": src, "r": own_row, "c": own_col, "f": field_name},
    ).fetchall()
    if exceptions and any(e[5] is not None for e in exceptions):
        exceptions = [e for e in exceptions if e[5] is not None]  # the cell of the own column wins the row's
    scale, currency = (column[3], column[4]) if column else (1.0, None)
    rate = _rate(con, batch, currency)
    common = {
        "batch_id": batch,
        "as_of": row.as_of.date() if isinstance(row.as_of, pd.Timestamp) else row.as_of,
        "imported_at": row.imported_at.to_pydatetime()
        if isinstance(row.imported_at, pd.Timestamp)
        else row.imported_at,
        "imported_by": row.user_name,
        "file_name": file_name,
        "sha256": sha256,
        "kept": bool(kept),
        "scale": scale or 1.0,
        "currency": currency,
        "rate": rate,
        "reading": reading,
        "kind": kind,
    }
    if exceptions:
        cells = []
        for cell_src, sheet_row, sheet_col, raw, _, _ in exceptions:
            if sheet_row is None or sheet_col is None:
                continue
            where = sources.get(int(cell_src), sources[src]) if cell_src is not None else sources[src]
            cells.append(
                Cell(
                    where[0],
                    where[1],
                    int(sheet_row),
                    int(sheet_col),
                    raw,
                    _header(column, headers, sheet_col),
                )
            )
        return Origin(cells=tuple(cells), rule=exceptions[0][4], **common)
    if column is None:
        return Origin(cells=(), rule=SET_BY_IMPORT.get((entity, field_name)), **common)
    header, col_row, col_col, _, _, typed, rule, sections = column
    if rule in ("unit_stated", "unit_assumed"):  # no Unit column: the table states the unit, or none does
        return Origin(cells=(), rule=rule, **common)
    if rule == "section":
        found = [s for s in json.loads(sections or "[]") if own_row is not None and s[0] < own_row]
        if not found:
            return Origin(cells=(), rule=rule, **common)
        section = max(found, key=lambda s: s[0])
        return Origin(
            cells=(Cell(file_name, sheet, section[0], section[1], section[2], None),), rule=rule, **common
        )
    cell_row = col_row if col_row is not None else own_row
    cell_col = col_col if col_col is not None else own_col
    if cell_row is None or cell_col is None:
        return Origin(cells=(), rule=rule, **common)
    value = row.value
    typed_pairs = tuple(tuple(pair) for pair in json.loads(typed)) if typed else ()
    text = origins.expected_text(pd.Series([value]), typed_pairs)[0].as_py()
    cell = Cell(file_name, sheet, int(cell_row), int(cell_col), text, _header(column, headers, cell_col))
    return Origin(cells=(cell,), rule=rule, **common)


def _header(column, headers: dict[int, str], col: int) -> str | None:
    """Return the header of a cell: its column's, or the field's label in a transposed table or a form."""
    if int(col) in headers:
        return headers[int(col)]
    return column[0] if column and column[0] else None


def _rate(con, batch: int, currency: str | None) -> float | None:
    if not currency:
        return None
    found = con.execute(
        "SELECT rate FROM batch_rates WHERE batch_id = $b AND currency = $c", {"b": batch, "c": currency}
    ).fetchall()
    return found[0][0] if found else None


# --------------------------------------------------------------------------------------------------
# Saying it


_CELL_UNIT = re.compile(
    r"\d\s*(k|thousands?|mm|mn|mio|m|millions?|mds?|mrds?|bn|b|milliards?|billions?)\s*(?:[€$£]|eur|euros?)?\s*$",
    re.IGNORECASE,
)
_DAY_MONTH_YEAR = re.compile(r"^\s*\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\s*$")
_EXCEL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2} 00:00:00$")
_DATE_KINDS = ("date", "month")
_WORD_KINDS = (
    "status",
    "scale",
    "category",
    "response",
    "risk_status",
    "cost_type",
    "lifecycle",
    "bool",
    "effort_unit",
)


def reading_steps(origin: Origin | None, value: object) -> list[tuple[str, dict]]:
    """Return how a value was made from what was typed, as translation keys with their parameters: the rule
    of its cells (added up, spread, merged, a section row, set by the import), then how the text was read
    (a unit in the cell or the column, a decimal comma, a rate, a day-first date, a word)."""
    if origin is None:
        return [("trace.rule.no_file", {})]
    steps: list[tuple[str, dict]] = []
    rule = (origin.rule or "").split(":")
    if rule[0] in ("sum", "merged", "section", "as_of", "open", "unit_stated", "unit_assumed"):
        steps.append((f"trace.rule.{rule[0]}", {"n": len(origin.cells)}))
    elif rule[0] == "spread":
        steps.append(("trace.rule.spread", {"n": int(rule[1]) if len(rule) > 1 else 12}))
    if not origin.cells:
        if not steps:
            steps.append(("trace.rule.no_cell", {}))
        return steps
    typed = origin.cells[0].typed
    if typed is None:
        return [*steps, ("trace.read.empty", {})]
    kind = origin.kind
    if kind in ("money", "number", "effort"):
        steps.extend(_amount_steps(origin, typed))
    elif kind in ("percent", "signed_percent"):
        steps.append(("trace.read.percent_sign" if "%" in typed else "trace.read.fraction", {}))
    elif kind in _DATE_KINDS:
        steps.extend(_date_steps(origin, typed))
    elif kind in _WORD_KINDS and typed != str(value):
        steps.append(("trace.read.word", {"typed": typed}))
    return steps or [("trace.read.as_typed", {})]


def _amount_steps(origin: Origin, typed: str) -> list[tuple[str, dict]]:
    steps: list[tuple[str, dict]] = []
    unit = _CELL_UNIT.search(typed)
    if unit:
        steps.append(
            ("trace.read.unit_in_cell", {"unit": unit.group(1), "factor": UNITS[unit.group(1).lower()]})
        )
    elif origin.scale and origin.scale != 1.0:
        header = origin.cells[0].header or origin.reading.get("title") or ""
        steps.append(("trace.read.unit_of_column", {"factor": origin.scale, "header": header}))
    if re.search(r"\d,\d", typed) and origin.reading.get("decimal", ",") == ",":
        steps.append(("trace.read.decimal_comma", {}))
    if re.search(r"\d[ \u00a0\u202f]\d{3}", typed):
        steps.append(("trace.read.grouping", {}))
    if origin.currency:
        steps.append(("trace.read.rate", {"currency": origin.currency, "rate": origin.rate}))
    return steps


def _date_steps(origin: Origin, typed: str) -> list[tuple[str, dict]]:
    if _EXCEL_DATE.match(typed):
        return [("trace.read.date_cell", {})]
    if _DAY_MONTH_YEAR.match(typed):
        first = origin.reading.get("dayfirst")
        return [("trace.read.day_first" if first in (True, None) else "trace.read.month_first", {})]
    if period_of(typed, int(origin.reading.get("fiscal_start", 1))):
        return [("trace.read.period", {})]
    return [("trace.read.date_words", {})]


def shown(value: object, kind: str, lang: str, currency: str = "EUR") -> str:
    """Write a traced value as the pages write it."""
    from pmo_core import formatting, vocabulary

    if value is None or formatting.missing(value):
        return t("trace.no_value", lang)
    if kind == "money":
        return formatting.money(float(value), lang, currency)
    if kind in ("percent", "signed_percent"):
        return formatting.percent(float(value), lang)
    if kind in _DATE_KINDS:
        return formatting.day(value, lang)
    if kind in vocabulary.VOCABULARIES and isinstance(value, str):
        return vocabulary.label(kind, value, lang)
    if kind == "bool":
        return t("trace.yes" if value else "trace.no", lang)
    if isinstance(value, float):
        return formatting.number(value, lang, 0 if value == int(value) else 2)
    return str(value)


def summary(found: Trace, lang: str, currency: str = "EUR") -> str:
    """Say where a figure comes from in one sentence: "Budget €1,450,000: suivi_octobre.xlsx, sheet
    Portefeuille, cell F5, typed `1 450 k€`, imported by J. Martin on 31 Oct 2026; was €1,400,000 on 30 Sep 2026."
    """
    from pmo_core import formatting

    kind = field_kind(found.entity, found.field)
    label = t(f"field.{found.entity}.{found.field}", lang)
    value = shown(found.value, kind, lang, currency)
    origin = found.origin
    if origin is None:
        where = t("trace.sentence.no_file", lang)
    elif origin.cells:
        cell = origin.cells[0]
        key = "trace.sentence.cells" if len(origin.cells) > 1 else "trace.sentence.cell"
        where = t(
            key if cell.typed is not None else "trace.sentence.empty",
            lang,
            file=cell.file_name,
            sheet=cell.sheet,
            cell=", ".join(c.address for c in origin.cells),
            typed=cell.typed,
        )
    else:
        where = t("trace.sentence.no_cell", lang, file=origin.file_name or "")
    sentence = f"{label} {value} — {where}"
    if origin is not None:
        sentence += t(
            "trace.sentence.imported",
            lang,
            who=origin.imported_by,
            when=formatting.day(origin.imported_at, lang),
        )
    earlier = _previous(found)
    if earlier is not None:
        sentence += t(
            "trace.sentence.was",
            lang,
            value=shown(earlier.value, kind, lang, currency),
            when=formatting.day(earlier.as_of, lang),
        )
    return sentence + "."


def _previous(found: Trace) -> Version | None:
    """Return the latest earlier snapshot whose value differs from the traced one."""
    current = [v for v in found.history if found.as_of is None or v.as_of <= found.as_of]
    for version in reversed(current[:-1]):
        if version.value != found.value:
            return version
    return None


def field_kind(entity: str, name: str) -> str:
    return next(f.type for f in fields_of(entity) if f.name == name)


def steps_text(origin: Origin | None, value: object, lang: str) -> list[str]:
    """Return `reading_steps` as sentences, numbers written in the reader's language."""
    from pmo_core import formatting

    sentences = []
    for key, params in reading_steps(origin, value):
        params = dict(params)
        if "factor" in params:
            params["factor"] = formatting.number(params["factor"], lang)
        if params.get("rate") is not None:
            params["rate"] = formatting.number(params["rate"], lang, 4).rstrip("0").rstrip(",.")
        sentences.append(t(key, lang, **params))
    return sentences


def as_dict(found: Trace, lang: str = "en") -> dict:
    """Return a trace as plain data (the command line's JSON, the committee material)."""

    def origin_dict(origin: Origin | None, value: object) -> dict | None:
        if origin is None:
            return None
        return {
            "file": origin.file_name,
            "sha256": origin.sha256,
            "kept": origin.kept,
            "cells": [
                {
                    "sheet": c.sheet,
                    "cell": c.address,
                    "typed": c.typed,
                    "header": c.header,
                    "file": c.file_name,
                }
                for c in origin.cells
            ],
            "rule": origin.rule,
            "read": steps_text(origin, value, lang),
            "batch": origin.batch_id,
            "snapshot": origin.as_of.isoformat(),
            "imported_at": origin.imported_at.isoformat(timespec="seconds"),
            "imported_by": origin.imported_by,
        }

    def plain(value: object) -> object:
        return value.isoformat() if isinstance(value, date) else value

    return {
        "project": found.project_code,
        "entity": found.entity,
        "item": found.item or None,
        "field": found.field,
        "as_of": found.as_of.isoformat() if found.as_of else None,
        "value": plain(found.value),
        "origin": origin_dict(found.origin, found.value),
        "history": [
            {"as_of": v.as_of.isoformat(), "value": plain(v.value), "origin": origin_dict(v.origin, v.value)}
            for v in found.history
        ],
    }
