"""What the Import page shows and lets the user change: the mapping of each table, the report, the changes.

Pure functions over the importer's results, so the page only draws what they return.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from pmo_core import formatting, vocabulary
from pmo_core.fields import CURRENCY_CHOICES, ENTITIES, MONTHLY_ENTITIES, fields_of
from pmo_core.i18n import t
from pmo_core.importer import UPDATE_FIELDS, ImportPlan
from pmo_core.issues import Issue
from pmo_core.layout import SHAPES, column_letter
from pmo_core.mapping import ColumnMap, TableMapping, assign_columns
from pmo_core.tables import WIDE_MEASURES, TableRead
from pmo_core.vocabulary import VOCABULARIES

UNITS = {1.0: "× 1", 1e3: "× 1 000 (k)", 1e6: "× 1 000 000 (M)"}


def confidence_label(column: ColumnMap, lang: str) -> str:
    """Say in words how sure the match of a column is."""
    if column.field is None:
        return ""
    if column.source in ("user", "profile"):
        return t(f"import.confidence.{column.source}", lang)
    level = "high" if column.confidence >= 0.95 else "medium" if column.confidence >= 0.8 else "low"
    return t(f"import.confidence.{level}", lang)


def entity_choices(lang: str) -> dict[str, str | None]:
    """Return label -> entity for the "read as" choice, "ignored" included."""
    choices: dict[str, str | None] = {t(f"import.entity.{entity}", lang): entity for entity in ENTITIES}
    choices[t("import.entity.ignored", lang)] = None
    return choices


def field_choices(entity: str | None, lang: str) -> dict[str, str | None]:
    """Return label -> field for one column's choice, "ignore" first."""
    choices: dict[str, str | None] = {t("import.field.ignore", lang): None}
    if entity:
        for spec in fields_of(entity):
            mark = " *" if spec.required else ""
            choices[f"{spec.label(lang)}{mark}"] = spec.name
    return choices


def mapping_table(read: TableRead, lang: str) -> pd.DataFrame:
    """Return one row per column of a table: its header, sample values, field, confidence, unit and currency."""
    labels = {name: label for label, name in field_choices(read.mapping.entity, lang).items()}
    months = dict(read.mapping.month_columns)
    currencies = {c.col: c.code for c in read.currencies}
    rows = []
    for column in read.mapping.columns:
        rows.append(
            {
                "col": column.col_index,
                "header": column.header,
                "sample": sample(read, column.col_index),
                "field": labels.get(column.field, labels[None]),
                "confidence": confidence_label(column, lang),
                "unit": UNITS.get(column.scale, f"× {column.scale:g}"),
                "currency": column.currency or currencies.get(column.col_index, ""),
            }
        )
    periods = [(col, iso[:7], "import.field.month_column") for col, iso in months.items()]
    periods += [(col, str(year), "import.field.year_column") for col, year in read.mapping.year_columns]
    for col, header, key in periods:
        rows.append(
            {
                "col": col,
                "header": header,
                "sample": sample(read, col),
                "field": t(key, lang),
                "confidence": t("import.confidence.high", lang),
                "unit": "× 1",
                "currency": currencies.get(col, ""),
            }
        )
    return pd.DataFrame(rows, columns=["col", "header", "sample", "field", "confidence", "unit", "currency"])


def sample(read: TableRead, col: int) -> str:
    """Return the first values of a column, by its position: two columns may bear the same header."""
    if read.preview is None or col not in read.preview.columns:
        return ""
    values = [str(v) for v in read.preview[col].dropna().head(3)]
    return " · ".join(v[:30] for v in values)


def first_rows(read: TableRead) -> pd.DataFrame:
    """Return the first rows of a table as written, headed by its columns: what a table with no header row
    shows to name each column."""
    if read.preview is None:
        return pd.DataFrame()
    headers = {c.col_index: c.header for c in read.mapping.columns}
    columns = [col for col in read.preview.columns if col in headers]
    shown = read.preview[columns].reset_index(drop=True)
    shown.columns = [headers[col] for col in columns]
    return shown.astype(object).where(shown.notna(), None)


def with_entity(mapping: TableMapping, entity: str | None) -> TableMapping:
    """Return the mapping read as another entity: its columns guessed anew for it, or none for "ignored"."""
    if entity == mapping.entity:
        return mapping
    if entity is None:
        columns = tuple(replace(c, field=None, confidence=0.0) for c in mapping.columns)
        return replace(mapping, entity=None, columns=columns, month_columns=(), year_columns=())
    plain = [(c.col_index, c.header) for c in mapping.columns]
    guessed, _ = assign_columns(entity, plain, wide=bool(mapping.month_columns or mapping.year_columns))
    kept = [replace(c, currency=old.currency) for c, old in zip(guessed, mapping.columns, strict=True)]
    return replace(
        mapping,
        entity=entity,
        columns=tuple(kept),
        confidence=1.0,
        month_columns=mapping.month_columns if entity in MONTHLY_ENTITIES else (),
        year_columns=mapping.year_columns if entity == "business_case" else (),
    )


def with_field(mapping: TableMapping, col: int, name: str | None) -> TableMapping:
    """Return the mapping with a column read as a field the user chose.

    A column the guess had given that field leaves it; a column the user (or a profile) gave it keeps it,
    and the new one comes after it: the field then takes the first non-empty value of the two, in that order.
    """
    kept = [c for c in mapping.columns if c.field == name and c.col_index != col and c.source != "auto"]
    order = max((c.order for c in kept), default=-1) + 1 if name and kept else 0
    columns = []
    for column in mapping.columns:
        if column.col_index == col:
            column = replace(column, field=name, confidence=1.0, source="user", order=order)
        elif name and column.field == name and column.source == "auto":
            column = replace(column, field=None, confidence=0.0)
        columns.append(column)
    return replace(mapping, columns=tuple(columns))


def with_column(mapping: TableMapping, col: int, **changes) -> TableMapping:
    """Return the mapping with one column's unit (`scale`) or `currency` as the user chose."""
    columns = tuple(
        replace(c, **changes, source="user", confidence=1.0) if c.col_index == col else c
        for c in mapping.columns
    )
    return replace(mapping, columns=columns)


def with_order(mapping: TableMapping, cols: list[int]) -> TableMapping:
    """Return the mapping where the columns feeding one field are tried in this order, first non-empty wins."""
    position = {col: index for index, col in enumerate(cols)}
    columns = tuple(
        replace(c, order=position[c.col_index], source="user") if c.col_index in position else c
        for c in mapping.columns
    )
    return replace(mapping, columns=columns)


def shared_fields(mapping: TableMapping) -> dict[str, list[ColumnMap]]:
    """Return the fields fed by several columns, each with its columns in the order they are tried."""
    return {name: columns for name, columns in mapping.fields_of_columns().items() if len(columns) > 1}


def changed_mapping(
    read: TableRead, entity: str | None, edited: pd.DataFrame, wide_measure: str | None, lang: str
) -> TableMapping:
    """Return the mapping the user chose on the screen: a new entity re-guesses the columns for it,
    otherwise each column takes the field and unit picked in its row."""
    mapping = read.mapping
    if entity != mapping.entity:
        return with_entity(mapping, entity)
    by_label = field_choices(entity, lang)
    units = {label: scale for scale, label in UNITS.items()}
    current = {c.col_index: c for c in mapping.columns}
    for row in edited.itertuples():
        column = current.get(int(row.col))
        if column is None:
            continue
        field, scale = by_label.get(row.field), units.get(row.unit, 1.0)
        if field != column.field:
            mapping = with_field(mapping, column.col_index, field)
        if scale != column.scale:
            mapping = with_column(mapping, column.col_index, scale=scale)
    return replace(mapping, wide_measure=wide_measure or mapping.wide_measure)


def shape_choices(lang: str) -> dict[str, str]:
    """Return label -> shape for the "how the table is laid out" choice."""
    return {t(f"import.shape.{shape}", lang): shape for shape in SHAPES}


def currency_choices(store: str, lang: str) -> dict[str, str | None]:
    """Return label -> currency for a column: as the file says, or one named currency."""
    choices: dict[str, str | None] = {t("import.currency.as_written", lang): None}
    for code in (store, *[c for c in CURRENCY_CHOICES if c != store]):
        choices[code] = code
    return choices


def foreign_currencies(reads: list, store: str) -> list[str]:
    """Return the currencies other than the store's that the files' amounts are written in ("$" first)."""
    found = {c.code for read in reads for table in read.tables for c in table.currencies if c.code != store}
    return sorted(found, key=lambda code: (code != "$", code))


def record_preview(read: TableRead, lang: str, rows: int = 5) -> pd.DataFrame | None:
    """Return the first records of a table as they will be stored, headed with field labels."""
    if read.frame is None or read.frame.empty or read.mapping.entity is None:
        return None  # an empty sheet (the template's, say) has no record to show
    specs = {spec.name: spec for spec in fields_of(read.mapping.entity)}
    frame = read.frame.head(rows).drop(columns=["_file", "_sheet", "_col"], errors="ignore")
    frame = frame.dropna(axis=1, how="all")
    shown = pd.DataFrame({t("import.col.row", lang): frame["_row"]})
    for name in frame.columns.drop("_row"):
        spec = specs[name]
        values = frame[name]
        if spec.type in ("date", "month"):
            values = values.map(lambda v: formatting.day(v, lang))
        elif spec.type in VOCABULARIES:
            values = values.map(
                lambda v, kind=spec.type: vocabulary.label(kind, v, lang) if isinstance(v, str) else v
            )
        shown[spec.label(lang)] = values
    return shown.astype(object).where(shown.notna(), None)


def wide_measure_choices(lang: str) -> dict[str, str]:
    return {t(f"import.wide.{measure}", lang): measure for measure in WIDE_MEASURES}


def effort_unit_choices(lang: str) -> dict[str, str | None]:
    """Return label -> unit for a capacity or demand table: as the file says, FTE or person-days."""
    choices: dict[str, str | None] = {t("import.unit.auto", lang): None}
    choices.update({term.label(lang): term.code for term in VOCABULARIES["effort_unit"]})
    return choices


def missing_required_sentences(mapping: TableMapping, lang: str) -> list[str]:
    """Explain in plain words each required field that no column provides."""
    sentences = []
    for name in mapping.missing_required():
        if name == "project":
            sentences.append(t("import.missing.project", lang))
        else:
            spec = next(f for f in fields_of(mapping.entity) if f.name == name)
            sentences.append(
                t(
                    "import.missing.field",
                    lang,
                    field=spec.label(lang),
                    entity=t(f"import.entity.{mapping.entity}", lang),
                )
            )
    return sentences


def issues_table(issues: list[Issue], lang: str) -> pd.DataFrame:
    """Return the validation report: errors first, then warnings, each located to its cell."""
    rows = [
        issue.as_row(lang)
        for issue in sorted(issues, key=lambda i: (not i.is_error, i.file, i.sheet or "", i.row or 0))
    ]
    frame = pd.DataFrame(rows, columns=["severity", "file", "sheet", "row", "column", "value", "message"])
    frame["severity"] = frame["severity"].map(lambda s: t(f"import.severity.{s}", lang))
    return frame


def changes_by_kind(plan: ImportPlan) -> dict[str, pd.DataFrame]:
    """Return the projects the import adds, updates, removes and leaves unchanged."""
    return {
        kind: plan.changes.loc[plan.changes["change"] == kind, ["project_code", "name"]]
        for kind in ("added", "updated", "removed", "unchanged")
    }


UNSTORED_SHOWN = 12  # columns named with a value each; the others are counted


def unstored_sentence(read: TableRead, lang: str) -> str | None:
    """Say what a table holds that is not stored: each column (or form label) with a value of it."""
    if read.mapping.entity is None:
        return t("import.losses.table", lang, rows=read.n_rows) if read.n_rows else None
    if not read.unstored:
        return None
    shown = ", ".join(f"{u.header} = {u.sample}" for u in read.unstored[:UNSTORED_SHOWN])
    more = len(read.unstored) - UNSTORED_SHOWN
    return t("import.losses.columns", lang, columns=shown) + (
        t("import.losses.more", lang, n=more) if more > 0 else ""
    )


SKIPPED_SHOWN = 12


def skipped_sentence(read: TableRead, lang: str) -> str | None:
    """Say which rows of a table were not read as data and why: totals, notes, sections, repeated headers,
    and the titles left out by the user's choice."""
    parts = [f"{row} ({t('import.skipped.' + kind, lang)})" for row, kind in read.skipped[:SKIPPED_SHOWN]]
    if len(read.skipped) > SKIPPED_SHOWN:
        parts.append(t("import.losses.more", lang, n=len(read.skipped) - SKIPPED_SHOWN).strip(" ()"))
    parts += [t("import.skipped.left_out", lang, title=title, rows=rows) for title, rows in read.left_out]
    return t("import.skipped", lang, rows=", ".join(parts)) if parts else None


def updates_table(plan: ImportPlan, lang: str) -> pd.DataFrame:
    """Return each updated project the files describe with its name, budget, forecast and status written
    "before → after" (or once, when unchanged), and its portfolio and manager where they change."""
    shown = {"project_code": plan.updates.get("project_code", pd.Series(dtype=object))}
    for name in UPDATE_FIELDS:
        if f"{name}_before" not in plan.updates:
            continue
        pairs = zip(plan.updates[f"{name}_before"], plan.updates[f"{name}_after"], strict=True)
        shown[name] = [
            _before_after(name, before, after, plan.store_currency, lang) for before, after in pairs
        ]
    frame = pd.DataFrame(shown)
    for name in ("portfolio", "manager"):
        if name in frame and not any("→" in value for value in frame[name]):
            frame = frame.drop(columns=name)  # shown only where one changes
    return frame


def _before_after(name: str, before: object, after: object, currency: str, lang: str) -> str:
    def shown(value: object) -> str:
        if formatting.missing(value):
            return "—"
        if name in ("budget", "forecast_at_completion"):
            return formatting.money(float(value), lang, currency)
        if name == "status":
            return vocabulary.label("status", str(value), lang)
        return str(value)

    old, new = shown(before), shown(after)
    return new if old == new else f"{old} → {new}"


def column_name(col: int) -> str:
    """Return a column's Excel letters, to tell apart two columns with the same header."""
    return column_letter(col)


def field_label(entity: str | None, name: str, lang: str) -> str:
    return t(f"field.{entity}.{name}", lang) if entity else name


def is_amount(entity: str | None, column: ColumnMap, read: TableRead) -> bool:
    """Tell the columns whose unit and currency matter: amounts, and any column that states a unit or a
    currency of its own."""
    spec = next((f for f in fields_of(entity) if f.name == column.field), None) if entity else None
    own = column.scale != 1.0 or column.currency or any(c.col == column.col_index for c in read.currencies)
    return bool(own) or (spec is not None and spec.type == "money")
