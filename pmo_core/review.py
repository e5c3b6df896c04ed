"""What the Import page shows and lets the user change: the mapping of each table, the report, the changes.

Pure functions over the importer's results, so the page only draws what they return.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd

from pmo_core import formatting, vocabulary
from pmo_core.fields import ENTITIES, fields_of
from pmo_core.i18n import t
from pmo_core.importer import ImportPlan
from pmo_core.issues import Issue
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
    """Return one row per column of a table: its header, sample values, field, confidence and unit."""
    labels = {name: label for label, name in field_choices(read.mapping.entity, lang).items()}
    months = dict(read.mapping.month_columns)
    rows = []
    for column in read.mapping.columns:
        rows.append(
            {
                "col": column.col_index,
                "header": column.header,
                "sample": _sample(read, column.header),
                "field": labels.get(column.field, labels[None]),
                "confidence": confidence_label(column, lang),
                "unit": UNITS.get(column.scale, f"× {column.scale:g}"),
            }
        )
    periods = [(col, iso[:7], "import.field.month_column") for col, iso in months.items()]
    periods += [(col, str(year), "import.field.year_column") for col, year in read.mapping.year_columns]
    for col, header, key in periods:
        rows.append(
            {
                "col": col,
                "header": header,
                "sample": "",
                "field": t(key, lang),
                "confidence": t("import.confidence.high", lang),
                "unit": "× 1",
            }
        )
    return pd.DataFrame(rows, columns=["col", "header", "sample", "field", "confidence", "unit"])


def _sample(read: TableRead, header: str) -> str:
    if read.preview is None or header not in read.preview.columns:
        return ""
    column = read.preview[header]
    if isinstance(column, pd.DataFrame):
        column = column.iloc[:, 0]
    values = [str(v) for v in column.dropna().head(3)]
    return " · ".join(v[:30] for v in values)


def changed_mapping(
    read: TableRead, entity: str | None, edited: pd.DataFrame, wide_measure: str | None, lang: str
) -> TableMapping:
    """Return the mapping the user chose on the screen: a new entity re-guesses the columns for it,
    otherwise each column takes the field and unit picked in its row."""
    mapping = read.mapping
    plain = [(c.col_index, c.header) for c in mapping.columns]
    if entity != mapping.entity:
        if entity is None:
            columns = tuple(replace(c, field=None, confidence=0.0) for c in mapping.columns)
            return replace(mapping, entity=None, columns=columns, month_columns=(), year_columns=())
        guessed, _ = assign_columns(entity, plain, wide=bool(mapping.month_columns or mapping.year_columns))
        return replace(
            mapping,
            entity=entity,
            columns=tuple(guessed),
            confidence=1.0,
            month_columns=mapping.month_columns if entity == "costs" else (),
            year_columns=mapping.year_columns if entity == "business_case" else (),
        )
    by_label = field_choices(entity, lang)
    units = {label: scale for scale, label in UNITS.items()}
    chosen = {
        int(row.col): (by_label.get(row.field), units.get(row.unit, 1.0)) for row in edited.itertuples()
    }
    columns = []
    for column in mapping.columns:
        field, scale = chosen.get(column.col_index, (column.field, column.scale))
        if field != column.field or scale != column.scale:
            column = replace(column, field=field, scale=scale, confidence=1.0, source="user")
        columns.append(column)
    columns = _one_column_per_field(columns)
    return replace(mapping, columns=tuple(columns), wide_measure=wide_measure or mapping.wide_measure)


def _one_column_per_field(columns: list[ColumnMap]) -> list[ColumnMap]:
    """A field chosen for a second column leaves the first one: the user's latest choice wins."""
    owner: dict[str, int] = {}
    for position, column in enumerate(columns):
        if column.field and column.source == "user":
            owner[column.field] = position
    result = []
    for position, column in enumerate(columns):
        if column.field in owner and owner[column.field] != position:
            column = replace(column, field=None, confidence=0.0)
        result.append(column)
    return result


def record_preview(read: TableRead, lang: str, rows: int = 5) -> pd.DataFrame | None:
    """Return the first records of a table as they will be stored, headed with field labels."""
    if read.frame is None or read.mapping.entity is None:
        return None
    specs = {spec.name: spec for spec in fields_of(read.mapping.entity)}
    frame = read.frame.head(rows).drop(columns=["_file", "_sheet"]).dropna(axis=1, how="all")
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
