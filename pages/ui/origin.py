"""Where a figure comes from, on the pages: any figure of a project or of a register opens to show its file,
sheet, cell, the text as typed, how it was read, the import that stored it and its values at every snapshot.

Two ways in, one panel: a click on a cell of a table (`from_cell`, for tables drawn with single-cell selection),
or the project page's picker of every stored figure (`picker`). The trace itself is pmo_core.provenance.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import formatting, provenance, uploads

# What a table's column shows, as stored fields: (entity, fields). A computed figure (a score, an exposure)
# opens the stored figures it is computed from.
Columns = Mapping[str, tuple[str, tuple[str, ...]]]
CELL_SELECTION = {"on_select": "rerun", "selection_mode": "single-cell"}


def from_cell(
    event,
    rows: pd.DataFrame,
    columns: Columns,
    row_key: Callable[[pd.Series, str], tuple[str, str]],
    as_of: date | None,
    key: str,
) -> None:
    """Open the origin of the cell chosen in a table drawn with CELL_SELECTION.

    `row_key(row, entity)` returns the project and the row's name (see provenance.ITEMS) of a table row.
    """
    cells = getattr(getattr(event, "selection", None), "cells", None) or []
    if not cells:
        st.caption(common.tr("origin.hint"), help=common.tr("origin.hint.help"))
        return
    position, column = cells[0]
    if column not in columns or position >= len(rows):
        st.caption(common.tr("origin.not_stored"))
        return
    entity, fields = columns[column]
    project, item = row_key(rows.iloc[position], entity)
    panel(project, entity, item, fields, as_of, key)


def risk_item(row: pd.Series) -> str:
    """Name a risk row as a trace does (provenance.ITEMS): by its ID, else its title."""
    code = row["code"]
    return code if isinstance(code, str) and code else row["title"]


def picker(project: str, as_of: date | None, key: str) -> None:
    """Offer every stored figure of a project (its own, its milestones', risks', cost lines', business
    case's, its demand on each team) and open the one chosen."""
    tr = common.tr
    con = common.cursor()
    rows = [
        (entity, item)
        for entity in provenance.PROJECT_ENTITIES
        for item in provenance.items(con, project, entity, as_of)
    ]
    left, right = st.columns(2)
    entity, item = left.selectbox(
        tr("origin.pick.row"),
        rows,
        format_func=lambda row: _row_label(*row),
        key=f"{key}_row",
    )
    fields = _fields(entity)
    default = next((name for name in ("budget", "demand") if name in fields), fields[0])
    field = right.selectbox(
        tr("origin.pick.figure"),
        fields,
        index=fields.index(default),
        format_func=lambda name: tr(f"field.{entity}.{name}"),
        key=f"{key}_field_{entity}",
    )
    panel(project, entity, item, (field,), as_of, key)


def _row_label(entity: str, item: str) -> str:
    if entity == "projects":
        return common.tr("origin.row.project")
    return f"{common.tr(f'origin.row.{entity}')} · {item}"


def _fields(entity: str) -> list[str]:
    """Return the figures of an entity this session may open: no amount when costs are hidden from it."""
    names = provenance.traceable_fields(entity)
    if common.costs_hidden():
        names = [n for n in names if provenance.field_kind(entity, n) != "money"]
    return names


def panel(
    project: str, entity: str, item: str, fields: tuple[str, ...], as_of: date | None, key: str
) -> None:
    """Draw the origin of each field of one row: the sentence, the cells, how it was read, the history."""
    with st.container(border=True, key=f"{key}_origin"):
        for field in fields:
            if common.costs_hidden() and provenance.field_kind(entity, field) == "money":
                st.info(common.tr("origin.hidden"))
                continue
            try:
                found = provenance.trace(
                    common.cursor(), project, field, entity=entity, item=item, as_of=as_of
                )
            except provenance.NotTraceable as exc:
                st.info(common.tr(f"trace.denied.{exc.code}", **exc.params))
                continue
            _one(found, f"{key}_{entity}_{field}")


def _one(found: provenance.Trace, key: str) -> None:
    tr, lang = common.tr, common.lang()
    st.markdown(f"**{common.plain(provenance.summary(found, lang, common.currency()))}**")
    origin = found.origin
    if origin is None:
        st.caption(tr("trace.rule.no_file"))
    else:
        where, how = st.columns([3, 2], gap="large")
        with where:
            _where(origin)
        with how:
            st.markdown(f"**{tr('origin.read')}**")
            steps = provenance.steps_text(origin, found.value, lang)
            st.markdown("\n".join(f"- {common.plain(s)}" for s in steps))
            _kept_file(origin, key)
    st.markdown(f"**{tr('origin.history')}**")
    common.table(_history(found), hide_index=True, key=f"{key}_history", height=38 + 35 * 6)


def _where(origin: provenance.Origin) -> None:
    tr, lang = common.tr, common.lang()
    lines = [tr("origin.file", file=common.plain(origin.file_name or ""), sha=(origin.sha256 or "")[:16])]
    for cell in origin.cells:
        typed = "—" if cell.typed is None else common.plain(cell.typed)
        lines.append(
            tr(
                "origin.cell",
                file=common.plain(cell.file_name),
                sheet=common.plain(cell.sheet),
                cell=cell.address,
                header=common.plain(cell.header or "—"),
                typed=typed,
            )
        )
    lines.append(
        tr(
            "origin.batch",
            batch=origin.batch_id,
            as_of=formatting.day(origin.as_of, lang),
            who=common.plain(origin.imported_by or ""),
            when=f"{formatting.day(origin.imported_at, lang)} {origin.imported_at:%H:%M}",
        )
    )
    st.markdown("\n".join(f"- {line}" for line in lines))


def _kept_file(origin: provenance.Origin, key: str) -> None:
    """Offer the very file a manager sent, to the PMO (it holds every project of the file), while it is kept."""
    if not origin.kept:
        st.caption(common.tr("origin.not_kept"))
        return
    if not common.actor().can("rollback"):
        return
    path = uploads.kept_file(common.cursor(), origin.batch_id, origin.file_name or "")
    if path is None:
        st.caption(common.tr("origin.not_kept"))
        return
    st.download_button(
        common.tr("origin.download"),
        data=path.read_bytes,
        file_name=origin.file_name,
        icon=":material/download:",
        on_click="ignore",
        key=f"{key}_file",
    )


def _history(found: provenance.Trace) -> pd.DataFrame:
    """Return the figure at each snapshot, newest first, with the cell each value came from."""
    tr, lang = common.tr, common.lang()
    kind = provenance.field_kind(found.entity, found.field)
    rows = []
    for version in reversed(found.history):
        origin = version.origin
        cell = origin.cells[0] if origin and origin.cells else None
        rows.append(
            {
                tr("origin.col.snapshot"): formatting.day(version.as_of, lang),
                tr("origin.col.value"): provenance.shown(version.value, kind, lang, common.currency()),
                tr("origin.col.file"): cell.file_name if cell else "",
                tr("origin.col.where"): f"{cell.sheet} · {cell.address}" if cell else "",
                tr("origin.col.typed"): cell.typed if cell and cell.typed is not None else "",
                tr("origin.col.by"): origin.imported_by if origin else "",
            }
        )
    return pd.DataFrame(rows)
