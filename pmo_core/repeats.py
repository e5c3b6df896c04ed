"""The same records given twice in one workbook: a flat sheet and regional sheets, a summary and its details.

A record given again, identically, on another sheet of the same file is one record: it is read once and the
user is told, sheet by sheet. A record given again with other values is a conflict, said once per pair of
sheets (with how many and an example), instead of one duplicate error per row.
"""

from __future__ import annotations

import pandas as pd

from pmo_core.fields import ENTITIES, fields_of
from pmo_core.issues import ERROR, WARNING, Issue

# What identifies a record of each entity, once its project is resolved.
KEYS = {
    "projects": ("code",),
    "milestones": ("project_code", "name"),
    "risks": ("project_code", "code", "title"),
    "costs": ("project_code", "month", "cost_type"),
    "business_case": ("project_code", "year"),
    "resources": ("team", "month"),
    "demand": ("project_code", "team", "month"),
}
IGNORED = (
    "last_update",
    "project_name",
)  # not what a record says: when it was updated, how its project is named
DATE_COLUMNS = {f.name for e in ENTITIES for f in fields_of(e) if f.type in ("date", "month")}
NUMBER_COLUMNS = {
    f.name
    for e in ENTITIES
    for f in fields_of(e)
    if f.type in ("money", "number", "percent", "signed_percent", "score", "scale", "int", "effort")
}


def normal_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame as comparable text: dates as ISO days, numbers rounded, missing as empty."""
    normal = frame.copy()
    for column in normal.columns:
        series = normal[column]
        if pd.api.types.is_datetime64_any_dtype(series) or column in DATE_COLUMNS:
            normal[column] = pd.to_datetime(series, errors="coerce").dt.strftime("%Y-%m-%d")
        elif column in NUMBER_COLUMNS:
            normal[column] = pd.to_numeric(series, errors="coerce").round(6)
        normal[column] = normal[column].astype("string").fillna("")
    return normal


def merge_repeats(frame: pd.DataFrame, entity: str, issues: list[Issue]) -> pd.DataFrame:
    """Keep one of each record a file gives on several sheets; report identical repeats as merged and
    differing ones as conflicts (left out: the import is blocked until the user keeps one sheet)."""
    if frame.empty or frame.groupby("_file")["_sheet"].nunique().max() < 2:
        return frame  # one sheet per file: nothing can repeat across sheets
    keys = [key for key in KEYS[entity] if key in frame.columns]
    content = [c for c in frame.columns if not c.startswith("_") and c not in IGNORED]
    normal = normal_text(frame[content])
    key_hash = pd.util.hash_pandas_object(normal[keys], index=False).to_numpy()
    content_hash = pd.util.hash_pandas_object(normal, index=False).to_numpy()
    first_of: dict[tuple[str, int], int] = {}
    drop = []
    found: dict[tuple[str, str, str, bool], list[int]] = {}  # (file, sheet, first sheet, same) -> rows
    files, sheets = frame["_file"].to_numpy(), frame["_sheet"].to_numpy()
    for position in range(len(frame)):
        key = (files[position], int(key_hash[position]))
        first = first_of.setdefault(key, position)
        if first == position or sheets[first] == sheets[position]:
            continue  # a record given twice on one sheet is the duplicate checks' to report
        same = content_hash[first] == content_hash[position]
        found.setdefault((files[position], sheets[position], sheets[first], bool(same)), []).append(position)
        drop.append(position)
    for (file, sheet, first_sheet, same), positions in found.items():
        row = frame.iloc[positions[0]]
        example = " ".join(str(row[key]) for key in keys if pd.notna(row[key]))
        issues.append(
            Issue(
                WARNING if same else ERROR,
                "repeats_merged" if same else "repeats_conflict",
                file,
                sheet,
                int(row["_row"]),
                value=example,
                params={"n": len(positions), "other_sheet": first_sheet, "entity": entity},
            )
        )
    return frame.drop(index=frame.index[drop]).reset_index(drop=True) if drop else frame
