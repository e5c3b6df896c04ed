"""Governance widgets shared by pages: the Overview's data-quality panel and the Settings page's sections
(rules, phases and gates, glossary). The Governance page itself lives in pages/governance.py."""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from pages.ui import common
from pmo_core import compliance, formatting, glossary, governance
from pmo_core.access import AccessDenied
from pmo_core.filters import Filters
from pmo_core.governance import GovernanceRefused

LISTED_ROWS = 1000  # rows a Governance table draws (each costs its share of a run); the Excel list holds all


@st.cache_data(show_spinner=False, max_entries=32)
def _compliance(version: tuple, rules: tuple, f: Filters) -> compliance.Compliance:
    return compliance.compliance(common.cursor(), f)


def current(f: Filters) -> compliance.Compliance:
    """Return the compliance of the filtered state, cached until an import, a rollback or an edit of the rules."""
    return _compliance(common.data_version(), governance.version(common.cursor()), f)


@st.cache_data(show_spinner=False, max_entries=32)
def _chase(
    version: tuple, rules: tuple, f: Filters, lang: str, currency: str
) -> tuple[pd.DataFrame, pd.Series]:
    listed = compliance.chase_list(_compliance(version, rules, f), lang, currency)
    return listed, compliance.missing_by_project(listed)


def whom_to_chase(f: Filters) -> tuple[pd.DataFrame, pd.Series]:
    """Return whom to chase for what and what is missing on each project, in the session's language: worded
    once per data version and language for every session (thousands of gaps at 10,000 projects)."""
    version, rules = common.data_version(), governance.version(common.cursor())
    return _chase(version, rules, f, common.lang(), common.currency())


# --- The Overview's panel ------------------------------------------------------------------------------


def quality_panel(f: Filters, version: tuple | None = None) -> None:
    """Say in one line how well projects follow the PMO's rules, with a link to whom to chase; `version` is the
    data version the page read on this run (the page's own, which may say more), else it is read here."""
    if common.costs_hidden():  # budgets and costs blanked: the rules that read them cannot be checked
        return
    version = version or common.data_version()
    words = _panel_text(version, governance.version(common.cursor()), f, common.lang())
    if words is None:
        return
    with st.container(border=True):
        text_col, link_col = st.columns([5, 1], vertical_alignment="center")
        text_col.markdown(words)
        link_col.page_link(
            "pages/governance.py", label=common.tr("governance.panel.link"), icon=":material/outgoing_mail:"
        )


@st.cache_data(show_spinner=False, max_entries=32)
def _panel_text(version: tuple, rules: tuple, f: Filters, lang: str) -> str | None:
    """Return the panel's line in a language, worded once for every session (None: nothing to check)."""
    result = _compliance(version, rules, f)
    if result.reference is None or result.projects.empty:
        return None
    score = formatting.percent(result.score, lang)
    if result.breaches.empty:
        return "🛡️ " + common.tr("governance.panel.clean", score=score)
    top = result.breaches["rule"].value_counts().index[0]
    return "🛡️ " + common.tr(
        "governance.panel.text",
        score=score,
        broken=int((result.projects["broken"] > 0).sum()),
        managers=result.breaches["manager"].fillna("").nunique(),
        top=compliance.rule_label(top, lang),
    )


# --- Settings: rules, phases, glossary ----------------------------------------------------------------


def _message(kind: str, text: str) -> None:
    """Keep a message for the run that follows a click (the editors start again from the store)."""
    st.session_state["_governance_messages"] = [(kind, text)]
    st.session_state["_governance_round"] = st.session_state.get("_governance_round", 0) + 1


def _key(name: str) -> str:
    return f"{name}.{common.lang()}.{st.session_state.get('_governance_round', 0)}"


def settings_sections(allowed: bool) -> None:
    """Draw the governance sections of the Settings page: rules, phases and gates, glossary."""
    st.divider()
    st.subheader(common.tr("governance.settings.title"))
    st.caption(common.tr("governance.settings.caption"))
    for kind, text in st.session_state.pop("_governance_messages", []):
        getattr(st, kind)(text)
    _rules_editor(allowed)
    _phases_editor(allowed)
    _glossary_editor(allowed)


def _edit_table(name: str, table: pd.DataFrame, allowed: bool, save: Callable[[], None], **options) -> None:
    """Draw one editor of the store's governance and its save button; `name` keys both and the button's words."""
    st.data_editor(table, hide_index=True, width="stretch", key=_key(f"governance_{name}"), **options)
    st.button(
        common.tr(f"governance.{name}.save"),
        key=f"governance_{name}_save",
        on_click=save,
        disabled=not allowed,
    )


def _rules_editor(allowed: bool) -> None:
    _edit_table(
        "rules",
        governance.rules_table(common.cursor(), common.lang()),
        allowed,
        _save_rules,
        disabled=True if not allowed else ["code", "rule", "unit", "help"],
        column_order=["enabled", "rule", "threshold", "unit", "help"],
        placeholder="—",  # a rule with no figure
        column_config={
            "enabled": st.column_config.CheckboxColumn(
                common.tr("governance.settings.col.enabled"), width="small"
            ),
            "rule": st.column_config.TextColumn(common.tr("governance.settings.col.rule"), width="medium"),
            "threshold": st.column_config.NumberColumn(
                common.tr("governance.settings.col.threshold"), min_value=0, format="localized", width="small"
            ),
            "unit": st.column_config.TextColumn(common.tr("governance.settings.col.unit"), width="small"),
            "help": st.column_config.TextColumn(common.tr("governance.settings.col.help"), width="large"),
        },
    )


def _edited(key: str, table: pd.DataFrame) -> pd.DataFrame:
    """Apply an editor's edits, additions and deletions to the table it started from."""
    state = st.session_state.get(key, {})
    table = table.copy()
    for row, changes in state.get("edited_rows", {}).items():
        for column, value in changes.items():
            table.loc[int(row), column] = value
    table = table.drop(index=[int(r) for r in state.get("deleted_rows", [])])
    added = pd.DataFrame(state.get("added_rows", []), columns=table.columns)
    return pd.concat([table, added], ignore_index=True) if len(added) else table.reset_index(drop=True)


def _saving(save: Callable[[], object], said: Callable[[object], str]) -> None:
    """Run a save, then keep its outcome for the next run: what was saved, or why nothing was."""
    try:
        outcome = save()
    except GovernanceRefused as exc:
        _message("error", common.tr("governance.settings.refused", reason=exc.message(common.lang())))
    except AccessDenied as exc:
        _message("error", exc.message(common.lang()))
    else:
        _message("success", said(outcome))


def _save_rules() -> None:
    con = common.cursor()
    table = _edited(_key("governance_rules"), governance.rules_table(con, common.lang()))
    _saving(
        lambda: governance.save_rules(
            con,
            [
                governance.check_rule(r["code"], r["enabled"], r["threshold"])
                for r in table.to_dict("records")
            ],
            common.actor(),
        ),
        lambda changed: common.tr("governance.settings.saved", n=changed),
    )


def _phases_editor(allowed: bool) -> None:
    st.markdown("**" + common.tr("governance.phases.title") + "**")
    st.caption(common.tr("governance.phases.caption"))
    _edit_table(
        "phases",
        governance.phases_table(common.cursor()),
        allowed,
        _save_phases,
        num_rows="dynamic" if allowed else "fixed",
        disabled=not allowed,
        column_config={
            "en": st.column_config.TextColumn(common.tr("governance.phases.col.en"), width="small"),
            "fr": st.column_config.TextColumn(common.tr("governance.phases.col.fr"), width="small"),
            "gate": st.column_config.TextColumn(common.tr("governance.phases.col.gate"), width="large"),
        },
    )


def _save_phases() -> None:
    con = common.cursor()
    table = _edited(_key("governance_phases"), governance.phases_table(con))
    rows = zip(table["en"], table["fr"], table["gate"], strict=True)
    _saving(
        lambda: governance.save_phases(con, governance.check_phases(rows), common.actor()),
        lambda _: common.tr("governance.phases.saved"),
    )


def field_label(choice: str | None) -> str:
    """Write "projects.budget" as the reader knows it: "Projects · Budget at completion"."""
    if not choice:
        return ""
    entity, name = choice.split(".", 1)
    return f"{common.tr('import.entity.' + entity)} · {common.tr(f'field.{entity}.{name}')}"


def _glossary_editor(allowed: bool) -> None:
    st.markdown("**" + common.tr("governance.glossary.title") + "**")
    st.caption(common.tr("governance.glossary.caption"))
    columns = {
        name: st.column_config.TextColumn(common.tr(f"governance.glossary.col.{name}"), width="medium")
        for name in glossary.COLUMNS[:-1]
    }
    _edit_table(
        "glossary",
        glossary.terms_table(common.cursor()),
        allowed,
        _save_glossary,
        num_rows="dynamic" if allowed else "fixed",
        disabled=not allowed,
        column_config={
            **columns,
            "field": st.column_config.SelectboxColumn(
                common.tr("governance.glossary.col.field"),
                options=glossary.field_choices(),
                format_func=field_label,
                width="medium",
            ),
        },
    )


def _save_glossary() -> None:
    con = common.cursor()
    table = _edited(_key("governance_glossary"), glossary.terms_table(con))
    _saving(
        lambda: glossary.save_terms(con, glossary.check_terms(table.to_dict("records")), common.actor()),
        lambda _: common.tr("governance.glossary.saved"),
    )
