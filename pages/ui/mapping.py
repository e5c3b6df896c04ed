"""The mapping screen of the Import page: for each table found, what it holds, how it is laid out, how each
column is read, which project its unmatched titles name, and what it leaves out.

Every choice is kept in one object in the session (`choices()`) and made through a widget callback, so the
rerun that follows draws the new reading at once: a choice costs one rerun, and the file is never read
again (importer.reread understands it anew from the sheets read once).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace

import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import importer, profiles, review
from pmo_core.fields import CURRENCY_CHOICES
from pmo_core.importer import FileRead, ImportPlan
from pmo_core.mapping import TableMapping, profile_from_mapping
from pmo_core.tables import TableRead

STATE = "import_choices"
DOLLARS = ("USD", "CAD", "AUD", "NZD", "HKD", "SGD")
TABLE_WIDGETS = ("entity", "shape", "wide", "project", "field", "unit", "currency", "order", "title")


@dataclass
class Choices:
    """What the user chose on the mapping screen for the files being imported."""

    overrides: dict[str, TableMapping] = field(default_factory=dict)  # "file::table" -> mapping
    shapes: dict[str, str] = field(default_factory=dict)  # "file::sheet@row:col" -> shape
    rates: dict[str, float | None] = field(default_factory=dict)  # currency -> rate (None: not stored)
    dollar: str | None = None  # what a bare "$" means
    drawn: dict[str, TableMapping] = field(default_factory=dict)  # the mapping each table was drawn with


def choices() -> Choices:
    return st.session_state.setdefault(STATE, Choices())


def forget() -> None:
    """Drop every choice and the widgets that showed them: the next files start afresh."""
    st.session_state.pop(STATE, None)
    for key in [k for k in st.session_state if str(k).split("::")[0] in (*TABLE_WIDGETS, "rate", "norate")]:
        del st.session_state[key]


# --- Callbacks: each turns a widget's new value into a choice, before the rerun draws it -----------------


def _set(key: str, mapping: TableMapping) -> None:
    state = choices()
    state.overrides[key] = mapping
    _forget_widgets(key)


def _forget_widgets(key: str) -> None:
    """Let the table's widgets take their values from the new mapping (a field chosen for one column may
    have left another)."""
    prefixes = tuple(f"{kind}::{key}" for kind in TABLE_WIDGETS)
    for widget in [k for k in st.session_state if str(k).startswith(prefixes)]:
        del st.session_state[widget]


def _on_choice(
    widget: str, key: str, labels: dict, apply: Callable[[TableMapping, object], TableMapping]
) -> None:
    """Read a table's choice from its widget's label, and set the table's mapping as `apply` changes it."""
    _set(key, apply(choices().drawn[key], labels[st.session_state[widget]]))


def _on_shape(key: str, region: str, sheet_key: str, labels: dict[str, str]) -> None:
    state = choices()
    state.shapes[region] = labels[st.session_state[f"shape::{key}"]]
    # The tables of the sheet are found anew: what was chosen for their columns no longer fits them.
    for stale in [k for k in state.overrides if k.startswith(sheet_key)]:
        del state.overrides[stale]
    _forget_widgets(sheet_key)


def _effort_unit(column, key: str, mapping) -> None:
    """Offer the unit of a capacity or demand table where its rows, columns and title say none."""
    units = review.effort_unit_choices(common.lang())
    _choice(column, "effort_unit", key, units, mapping.effort_unit, _setting("effort_unit"))


def _on_order(key: str, name: str, labels: dict[str, int]) -> None:
    chosen = [labels[label] for label in st.session_state[f"order::{key}::{name}"]]
    mapping = choices().drawn[key]
    if chosen:
        _set(key, review.with_order(mapping, chosen))


def _on_title(key: str, title: str, widget: str, labels: dict[str, object]) -> None:
    chosen = labels[st.session_state[widget]]
    mapping = choices().drawn[key]
    titles = [(t, c) for t, c in mapping.titles if t != title]
    if chosen is not _UNDECIDED:
        titles.append((title, chosen))
    _set(key, replace(mapping, titles=tuple(titles)))


def _on_dollar(labels: dict[str, str | None]) -> None:
    choices().dollar = labels[st.session_state["import_dollar"]]


def _on_rate(code: str) -> None:
    state = choices()
    if st.session_state.get(f"norate::{code}"):
        state.rates[code] = None
    elif (st.session_state.get(f"rate::{code}") or 0) > 0:
        state.rates[code] = float(st.session_state[f"rate::{code}"])
    else:
        state.rates.pop(code, None)


_UNDECIDED = object()


# --- Drawing -----------------------------------------------------------------------------------------------


# Each choice of a table by its widget's kind: the label's translation key and, where it has one, its help's.
CHOICE_LABELS = {
    "entity": "import.read_as",
    "wide": "import.wide",
    "effort_unit": "import.unit",
    "project": "import.project",
    "field": "import.col.field",
    "unit": "import.col.unit",
    "currency": "import.col.currency",
}
CHOICE_HELP = {"effort_unit": "import.unit.help", "project": "import.project.help"}


def _choice(
    cell,
    kind: str,
    key: str,
    labels: dict,
    current: object,
    apply: Callable[[TableMapping, object], TableMapping],
    col: int | None = None,
) -> None:
    """Offer one choice of a table (what it holds, its unit, a column's field...) by label, the current one
    chosen; a change sets the table's mapping as `apply` makes it. A column's choice sits in its row, unlabelled."""
    values = list(labels.values())
    widget = f"{kind}::{key}" if col is None else f"{kind}::{key}::{col}"
    cell.selectbox(
        common.tr(CHOICE_LABELS[kind]),
        list(labels),
        index=values.index(current) if current in values else 0,
        key=widget,
        on_change=_on_choice,
        args=(widget, key, labels, apply),
        help=common.tr(CHOICE_HELP[kind]) if kind in CHOICE_HELP else None,
        label_visibility="visible" if col is None else "collapsed",
    )


def _setting(name: str) -> Callable[[TableMapping, object], TableMapping]:
    """Return what sets one of a table's own choices (its unit, its measure, its project) in its mapping."""
    return lambda mapping, value: replace(mapping, **{name: value})


def project_labels(known: pd.DataFrame, plan: ImportPlan) -> dict[str, str]:
    """Return "CODE — name" -> code for every project of the store and of this import."""
    frames = [known[["code", "name"]], plan.frames["projects"][["code", "name"]]]
    every = pd.concat(frames, ignore_index=True).dropna(subset=["code"]).drop_duplicates("code", keep="last")
    return {f"{row.code} — {row.name}" if row.name else row.code: row.code for row in every.itertuples()}


def show_file(read: FileRead, plan: ImportPlan, projects: dict[str, str], store: str) -> None:
    """Draw what was understood of one file, table by table, with every choice the screen offers."""
    lang = common.lang()
    titles = [title for title in importer.unmatched_titles(plan) if title["file"] == read.name]
    for issue in read.issues:
        (st.error if issue.is_error else st.warning)(issue.message(lang))
    if read.hidden_sheets:
        st.caption(common.tr("import.hidden_skipped", sheets=", ".join(read.hidden_sheets)))
    if read.notes_sheets:
        st.caption(common.tr("import.notes_skipped", sheets=", ".join(read.notes_sheets)))
    for table in read.tables:
        key = importer.override_key(read.name, table.key)
        choices().drawn[key] = table.mapping
        own = [title for title in titles if title["table"] == table.key]
        _show_table(read.name, table, key, own, projects, store)


def _heading(table: TableRead) -> str:
    if table.unread:
        return common.tr(
            "import.table.unread", sheet=table.sheet, row=table.header_row + 1, rows=table.n_rows
        )
    if table.shape == "none":
        return common.tr("import.table.none", sheet=table.sheet, row=table.header_row + 1, rows=table.n_rows)
    if table.shape == "transposed":
        return common.tr(
            "import.table.transposed", sheet=table.sheet, row=table.header_row, rows=table.n_rows
        )
    return common.tr("import.table", sheet=table.sheet, row=table.header_row, rows=table.n_rows)


def _show_table(
    file: str, table: TableRead, key: str, titles: list[dict], projects: dict[str, str], store: str
) -> None:
    lang = common.lang()
    mapping = table.mapping
    st.markdown(_heading(table))
    entity_labels = review.entity_choices(lang)
    shape_labels = review.shape_choices(lang)
    left, middle, right, far = st.columns([2, 2, 2, 2])
    _choice(left, "entity", key, entity_labels, mapping.entity, review.with_entity)
    if not table.form:
        region = importer.override_key(file, table.region)
        middle.selectbox(
            common.tr("import.shape"),
            list(shape_labels),
            index=list(shape_labels.values()).index(table.shape),
            key=f"shape::{key}",
            on_change=_on_shape,
            args=(key, region, importer.override_key(file, f"{table.sheet}!"), shape_labels),
            help=common.tr("import.shape.help"),
        )
    if mapping.entity == "costs" and mapping.month_columns:
        measures = review.wide_measure_choices(lang)
        _choice(right, "wide", key, measures, mapping.wide_measure or "actual", _setting("wide_measure"))
    elif mapping.entity == "resources" or (mapping.entity == "demand" and not _needs_project(table)):
        _effort_unit(right, key, mapping)
    elif mapping.entity not in (None, "projects") and not table.form and _needs_project(table):
        labels = {common.tr("import.project.any"): None, **projects}
        _choice(right, "project", key, labels, mapping.project, _setting("project"))
    if mapping.entity == "demand" and _needs_project(table):
        _effort_unit(st.columns(4)[0], key, mapping)  # the project of the table took its place above
    _save_profile(far, table, key)
    if mapping.profile:
        st.caption(common.tr("import.profile_applied", name=mapping.profile))
    if mapping.entity is not None or table.shape == "none":
        _show_columns(table, key, store, lang)
    for sentence in (review.unstored_sentence(table, lang), review.skipped_sentence(table, lang)):
        if sentence and not table.unread:
            st.caption(sentence)
    if titles:
        _show_titles(key, titles, projects)
    preview = review.record_preview(table, lang)
    if preview is not None and len(preview):
        st.caption(common.tr("import.records_preview"))
        common.table(preview, hide_index=True, width="stretch", height=240)


def _needs_project(table: TableRead) -> bool:
    """Tell a table with no project column (a register of one project) from one whose rows name theirs, or
    one under a fiche projet, which gives them its own."""
    missing = any(
        i.code == "required_column_missing" and i.params.get("field") == "project" for i in table.issues
    )
    return missing or table.mapping.project is not None


def _show_columns(table: TableRead, key: str, store: str, lang: str) -> None:
    """Draw how each column is read, and let each be read differently (unit and currency for amounts)."""
    mapping = table.mapping
    summary = review.mapping_table(table, lang)
    periods = [*dict(mapping.month_columns), *dict(mapping.year_columns)]
    said = {i.params.get("field") for i in table.issues if i.code == "required_column_missing"}
    missing = review.missing_required_sentences(mapping, lang) if said else []
    open_editor = bool(missing) or table.shape == "none"
    if not open_editor:
        common.table(
            summary.drop(columns=["col"]),
            hide_index=True,
            width="stretch",
            column_config=_headers("header", "sample", "field", "confidence", "unit", "currency"),
        )
    with st.expander(common.tr("import.change_mapping"), expanded=open_editor):
        if table.shape == "none":
            st.caption(common.tr("import.first_rows"))
            common.table(review.first_rows(table), hide_index=True, width="stretch", height=240)
        fields = review.field_choices(mapping.entity, lang)
        units = {label: scale for scale, label in review.UNITS.items()}
        currencies = review.currency_choices(store, lang)
        head = st.columns([3, 4, 3, 2, 2])
        for cell, name in zip(head, ("header", "sample", "field", "unit", "currency"), strict=True):
            cell.caption(common.tr(f"import.col.{name}"))
        for row in summary.loc[~summary["col"].isin(periods)].itertuples():
            col = int(row.col)
            column = next(c for c in mapping.columns if c.col_index == col)
            header, sample, field_cell, unit_cell, currency_cell = st.columns(
                [3, 4, 3, 2, 2], vertical_alignment="center"
            )
            header.markdown(f"**{row.header}**")
            sample.caption(row.sample or "—")
            apply = {
                "field": lambda m, name, c=col: review.with_field(m, c, name),
                "unit": lambda m, scale, c=col: review.with_column(m, c, scale=scale),
                "currency": lambda m, code, c=col: review.with_column(m, c, currency=code),
            }
            offered = [(field_cell, "field", fields, column.field)]
            if review.is_amount(mapping.entity, column, table):  # amounts also take a unit and a currency
                offered += [
                    (unit_cell, "unit", units, units.get(row.unit)),
                    (currency_cell, "currency", currencies, column.currency),
                ]
            for cell, kind, labels, current in offered:
                _choice(cell, kind, key, labels, current, apply[kind], col)
        for name, feeding in review.shared_fields(mapping).items():
            labels = {f"{c.header} ({review.column_name(c.col_index)})": c.col_index for c in feeding}
            st.multiselect(
                common.tr("import.order", field=review.field_label(mapping.entity, name, lang)),
                list(labels),
                default=list(labels),
                key=f"order::{key}::{name}",
                on_change=_on_order,
                args=(key, name, labels),
                help=common.tr("import.order.help"),
            )
    for sentence in missing:
        st.warning(sentence)


def _show_titles(key: str, titles: list[dict], projects: dict[str, str]) -> None:
    """Ask, for each title that names no project or several, which project its rows belong to."""
    with st.expander(common.tr("import.titles", n=len(titles)), expanded=True):
        for position, title in enumerate(titles):
            labels: dict[str, object] = {
                common.tr("import.titles.choose"): _UNDECIDED,
                common.tr("import.titles.leave_out"): None,
            }
            candidates = [label for label, code in projects.items() if code in title["candidates"]]
            labels.update({label: projects[label] for label in candidates})
            labels.update(projects)
            widget = f"title::{key}::{position}"
            st.selectbox(
                common.tr("import.titles.which", title=title["title"], rows=title["rows"]),
                list(labels),
                key=widget,
                on_change=_on_title,
                args=(key, title["title"], widget, labels),
            )


def _save_profile(cell, table: TableRead, key: str) -> None:
    with cell.popover(common.tr("import.profile.save")):
        name = st.text_input(common.tr("import.profile.name"), key=f"profile_name::{key}")
        if st.button(common.tr("import.profile.save_button"), key=f"profile_save::{key}", disabled=not name):
            state = choices()
            codes = {c.code for c in table.currencies}
            rates = tuple((code, rate) for code, rate in sorted(state.rates.items()) if code in codes)
            lenient = st.session_state.get("import_lenient", False) or table.mapping.lenient
            mapping = replace(table.mapping, rates=rates or table.mapping.rates, lenient=lenient)
            profile = profile_from_mapping(name, mapping)
            profiles.save_profile(common.cursor(), profile, common.actor())
            st.success(common.tr("import.profile.saved", name=name))


def show_currencies(reads: list[FileRead], store: str) -> None:
    """Ask which dollar a bare "$" is, and the rate of each other currency the files write (or to store
    none of its amounts): never a silent mix."""
    foreign = review.foreign_currencies(reads, store)
    state = choices()
    if not foreign and state.dollar is None:
        return
    st.subheader(common.tr("import.currency.title"))
    st.caption(common.tr("import.currency.caption", store=store))
    if "$" in foreign or state.dollar is not None:
        labels = {common.tr("import.currency.dollar_unknown"): None}
        labels.update({common.tr(f"import.currency.{code}"): code for code in DOLLARS})
        current = next(label for label, code in labels.items() if code == state.dollar)
        st.columns([2, 3])[0].selectbox(
            common.tr("import.currency.dollar"),
            list(labels),
            index=list(labels).index(current),
            key="import_dollar",
            on_change=_on_dollar,
            args=(labels,),
        )
    saved = {code: rate for read in reads for t in read.tables for code, rate in t.mapping.rates}
    for code in [c for c in foreign if c != "$" and c in CURRENCY_CHOICES]:
        rate = state.rates.get(code, saved.get(code))
        left, right = st.columns([2, 3], vertical_alignment="bottom")
        left.number_input(
            common.tr("import.currency.rate", code=code, store=store),
            min_value=0.0,
            value=float(rate or 0.0),
            step=0.01,
            format="%.4f",
            key=f"rate::{code}",
            on_change=_on_rate,
            args=(code,),
        )
        right.checkbox(
            common.tr("import.currency.skip", code=code),
            value=code in state.rates and state.rates[code] is None,
            key=f"norate::{code}",
            on_change=_on_rate,
            args=(code,),
        )


def _headers(*columns: str) -> dict[str, str]:
    return {column: common.tr(f"import.col.{column}") for column in columns}
