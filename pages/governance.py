"""Governance page: are projects following the PMO's rules, whom to chase for what, compliance by group and
across snapshots, and the organisation's glossary."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from pages.ui import common
from pages.ui.governance import LISTED_ROWS, current, field_label, whom_to_chase
from pmo_core import committee, compliance, formatting, glossary
from pmo_core.charts.governance import rollup_chart, trend_chart

LANG = common.lang()
CURRENCY = common.currency()
ROLLUPS = ("manager", "programme", "portfolio")
ROLLUP_ROWS = 30  # the least compliant groups; a committee does not read further


def headline(result: compliance.Compliance, scope: committee.Scope) -> None:
    """Show the compliance score, the compliant projects, the rules broken and the managers to chase; the
    changes since the snapshot the last committee reviewed (else the previous one), as on the Overview."""
    trend = result.trend.set_index("as_of")
    before = trend.loc[scope.since] if scope.since in trend.index else None
    since = f" {committee.since_text(scope, LANG)}." if before is not None else ""
    score_delta = (
        None
        if before is None or result.score is None or pd.isna(before["score"])
        else result.score - before["score"]
    )
    breaches_delta = None if before is None else len(result.breaches) - int(before["breaches"])
    compliant = int((result.projects["broken"] == 0).sum())
    managers = result.breaches["manager"].fillna("").nunique()
    cards = st.columns(4)
    cards[0].metric(
        common.tr("governance.kpi.score"),
        formatting.percent(result.score, LANG),
        **common.change(score_delta, _points(score_delta)),
        help=common.tr("governance.kpi.score.help") + since,
        border=True,
    )
    cards[1].metric(
        common.tr("governance.kpi.compliant"),
        common.tr("governance.of", n=compliant, total=len(result.projects)),
        help=common.tr("governance.kpi.compliant.help"),
        border=True,
    )
    cards[2].metric(
        common.tr("governance.kpi.breaches"),
        formatting.number(len(result.breaches), LANG),
        **common.change(breaches_delta, formatting.number(breaches_delta, LANG), "inverse"),
        help=common.tr("governance.kpi.breaches.help") + since,
        border=True,
    )
    cards[3].metric(
        common.tr("governance.kpi.managers"),
        formatting.number(managers, LANG),
        help=common.tr("governance.kpi.managers.help"),
        border=True,
    )


def _points(delta: float | None) -> str:
    return "" if delta is None else common.tr("overview.points", n=formatting.number(delta * 100, LANG, 1))


def chase_section(result: compliance.Compliance) -> None:
    """List whom to chase for what, grouped by manager, with the Excel list and an e-mail to copy."""
    st.subheader(common.tr("governance.chase.heading"))
    chase, _ = whom_to_chase(common.filters())
    if chase.empty:
        st.success(common.tr("governance.chase.empty"))
        return
    st.caption(common.tr("governance.chase.caption"))
    _capped("governance.chase.capped", len(chase))
    shown = chase.head(LISTED_ROWS)
    shown = shown.assign(
        manager=shown["manager"].fillna(common.tr("governance.chase.no_manager")),
        since=pd.to_datetime(shown["since"]),
        link=common.project_links(shown["code"]),
    )
    common.table(
        shown,
        hide_index=True,
        width="stretch",
        height=420,
        column_order=["manager", "link", "project", "since", "missing"],
        column_config={
            "manager": st.column_config.TextColumn(common.tr("governance.col.manager")),
            "link": st.column_config.LinkColumn(
                common.tr("governance.col.code"), display_text=common.PROJECT_LINK_TEXT
            ),
            "project": st.column_config.TextColumn(common.tr("governance.col.project")),
            "missing": st.column_config.TextColumn(common.tr("governance.col.missing"), width="large"),
            "since": st.column_config.DateColumn(
                common.tr("governance.col.since"), format=common.day_format()
            ),
        },
        key="governance_chase",
    )
    reference = result.reference
    st.download_button(
        common.tr("governance.chase.download"),
        data=lambda: compliance.chase_xlsx(chase, LANG),
        file_name=f"{common.tr('governance.chase.sheet')} {reference.isoformat()}.xlsx",
        mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        icon=":material/download:",
        on_click="ignore",
    )
    with st.expander(common.tr("governance.chase.email"), icon=":material/mail:"):
        managers = list(dict.fromkeys(chase["manager"]))
        manager = st.selectbox(
            common.tr("governance.chase.email.manager"),
            managers,
            format_func=lambda m: m or common.tr("governance.chase.no_manager"),
            key=f"governance_email_manager_{LANG}",
        )
        st.code(compliance.chase_email(chase, manager, reference, LANG), language=None, wrap_lines=True)


def projects_section(result: compliance.Compliance) -> None:
    """Show every project's score and broken rules, least compliant first."""
    st.subheader(common.tr("governance.projects.heading"))
    broken = whom_to_chase(common.filters())[1] if not result.breaches.empty else pd.Series(dtype=str)
    table = result.projects.assign(
        link=common.project_links(result.projects["code"]),
        percent=(pd.to_numeric(result.projects["score"], errors="coerce") * 100).round(0),
        missing=result.projects["code"].map(broken),
    ).sort_values(["percent", "code"], na_position="last")
    _capped("governance.projects.capped", len(table))
    table = table.head(LISTED_ROWS)
    percent = "%d\u00a0%%" if LANG == "fr" else "%d%%"
    common.table(
        table,
        hide_index=True,
        width="stretch",
        height=400,
        column_order=["link", "name", "manager", "percent", "broken", "missing", "portfolio", "programme"],
        column_config={
            "link": st.column_config.LinkColumn(
                common.tr("governance.col.code"), display_text=common.PROJECT_LINK_TEXT, pinned=True
            ),
            "name": st.column_config.TextColumn(common.tr("governance.col.project"), width="medium"),
            "manager": st.column_config.TextColumn(common.tr("governance.col.manager")),
            "percent": st.column_config.ProgressColumn(
                common.tr("governance.col.score"), format=percent, min_value=0, max_value=100, width="small"
            ),
            "broken": st.column_config.NumberColumn(common.tr("governance.col.broken"), format="%d"),
            "missing": st.column_config.TextColumn(common.tr("governance.col.missing"), width="large"),
            "portfolio": st.column_config.TextColumn(common.tr("governance.col.portfolio")),
            "programme": st.column_config.TextColumn(common.tr("governance.col.programme")),
        },
        key="governance_projects",
    )


def _capped(key: str, total: int) -> None:
    if total > LISTED_ROWS:
        st.caption(
            common.tr(key, shown=formatting.number(LISTED_ROWS, LANG), total=formatting.number(total, LANG))
        )


def rollup_section(result: compliance.Compliance) -> None:
    """Draw the compliance of each manager, programme or portfolio, the least compliant on top."""
    st.subheader(common.tr("governance.rollup.heading"))
    by = st.segmented_control(
        common.tr("governance.rollup.by"),
        ROLLUPS,
        default="manager",
        format_func=lambda name: common.tr(f"governance.rollup.{name}"),
        key=f"governance_rollup_{LANG}",
        required=True,
    )
    groups = compliance.roll_up(result, by or "manager").head(ROLLUP_ROWS)
    common.chart(rollup_chart, groups, LANG, common.tr("governance.rollup.none"), width="stretch")


def trend_section(result: compliance.Compliance) -> None:
    st.subheader(common.tr("governance.trend.heading"))
    common.chart(trend_chart, result.trend, LANG, width="stretch")


def glossary_section() -> None:
    """Show the organisation's terms in the reader's language, with the other language and the field each names."""
    st.subheader(common.tr("governance.glossary.heading"))
    terms = glossary.terms(common.cursor())
    if not terms:
        st.info(common.tr("governance.glossary.empty"))
        return
    other = "en" if LANG == "fr" else "fr"
    rows = pd.DataFrame(
        [
            {
                "term": term.term(LANG),
                "other": term.term(other),
                "definition": (term.definition_fr or term.definition_en)
                if LANG == "fr"
                else (term.definition_en or term.definition_fr),
                "field": field_label(term.field),
            }
            for term in terms
        ]
    )
    common.table(
        rows,
        hide_index=True,
        width="stretch",
        column_config={
            name: st.column_config.TextColumn(
                common.tr(f"governance.glossary.col.{name}"),
                width="large" if name == "definition" else "medium",
            )
            for name in ("term", "other", "definition", "field")
        },
        key="governance_glossary",
    )


def main() -> None:
    f = common.filters()
    result = current(f)
    if result.reference is None:
        common.heading(common.tr("nav.governance"))
        common.empty_store_notice()
        glossary_section()
        return
    common.heading(common.tr("governance.title", date=formatting.long_day(result.reference, LANG)))
    if result.projects.empty:
        st.info(common.tr("empty.selection"))
        return
    st.caption(common.tr("governance.caption"))
    headline(result, common.committee_scope(common.changes_version(), f))
    chase_section(result)
    projects_section(result)
    rollup_section(result)
    trend_section(result)
    glossary_section()


main()
