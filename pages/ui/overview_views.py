"""What the Overview draws, read and worded once per data version, filters and language for every session.

The page (pages/overview.py) lays these out. They live in a module imported once rather than in the page's
script, which Streamlit runs anew on every visit: each cached function defined there is registered again on
each run, its source read and hashed, a cost of every visit that these do not pay.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import streamlit as st

from pages.ui import actions, common
from pages.ui.common import day_format
from pmo_core import capacity, changes, committee, formatting, meetings, portfolio, priorities, risks
from pmo_core.filters import Filters
from pmo_core.palette import BAND_EMOJI, STATUS_EMOJI, STATUS_ORDER
from pmo_core.vocabulary import label


def kilo_unit() -> str:
    """Return the unit of amounts in thousands in the session's language and currency (k€)."""
    return common.tr("overview.unit.kilo", unit=formatting.currency_symbol(common.currency()))


ARROWS = {"better": " ↑", "worse": " ↓", "same": " →", "new": " ✱", "unknown": ""}
TABLE_LIMIT = 1000  # rows drawn, worst first; the picker and the Excel download hold every project
FIRST_ROWS = 5  # rows of the first screen's tables: with the cards, they fit a projector's 1280x720
COMMENT_CHARS = 70  # a manager's comment on the first screen, two lines at 1280 px; the project page: whole
RISK_CHARS = 70  # a risk's title beside its score in the narrow column
ACTION_ROWS = 10


# What every session draws alike (the tables as shown, in a language), built once and shared read only: a
# st.cache_data result is a copy unpickled for each session, a cost of every run.
shared = st.cache_resource(show_spinner=False, max_entries=32, ttl=3600)


@st.cache_data(show_spinner=False, max_entries=32)
def reporting(version: tuple, f: Filters) -> portfolio.Reporting:
    return portfolio.reporting(common.cursor(), f)


@st.cache_data(show_spinner=False, max_entries=32)
def project_table(version: tuple, f: Filters) -> pd.DataFrame:
    """Return the project table, its trends since the snapshot the last committee reviewed."""
    return committee.project_table(common.cursor(), common.committee_scope(version, f))


@st.cache_data(show_spinner=False, max_entries=32)
def needing_decision(version: tuple, f: Filters, threshold: float) -> pd.DataFrame:
    return committee.needing_decision(
        common.cursor(), common.committee_scope(version, f), project_table(version, f), threshold
    )


@st.cache_data(show_spinner=False, max_entries=32)
def top_risks(version: tuple, f: Filters) -> pd.DataFrame:
    return risks.top_risks(common.cursor(), f, risks.RiskFilter(), "score", FIRST_ROWS)


@st.cache_resource(show_spinner=False, max_entries=8, ttl=3600)
def shared_project_table(version: tuple, f: Filters) -> pd.DataFrame:
    """Return the project table as one object every session shares, read only: a download waiting for its
    click holds it (Streamlit keeps a closed session two minutes), so twenty sessions do not hold twenty."""
    return project_table(version, f)


@st.cache_data(show_spinner=False, max_entries=32)
def snapshot_figures(version: tuple, f: Filters, method: str) -> dict:
    return portfolio.snapshot_figures(common.cursor(), f, method)


@st.cache_data(show_spinner=False, max_entries=32)
def headline(version: tuple, f: Filters, since: Filters | None, method: str) -> portfolio.Headline:
    """Return the headline figures and their changes since the snapshot `since` names (None: no change)."""
    before = snapshot_figures(version, since, method) if since else None
    return portfolio.headline(project_table(version, f), before, method)


@st.cache_data(show_spinner=False, max_entries=32)
def roll_up(version: tuple, f: Filters, method: str) -> pd.DataFrame:
    return portfolio.roll_up(project_table(version, f), method)


@st.cache_data(show_spinner=False, max_entries=32)
def roadmap(version: tuple, f: Filters, statuses: tuple[str, ...] | None) -> portfolio.Roadmap:
    return portfolio.roadmap(common.cursor(), f, project_table(version, f), statuses=statuses)


@st.cache_data(show_spinner=False, max_entries=32)
def scoring_models(version: tuple, state: tuple) -> list[priorities.ScoringModel]:
    """Return the saved scoring models, read again once the Prioritisation page edits one (`state`)."""
    return priorities.list_models(common.cursor())


@st.cache_data(show_spinner=False, max_entries=32)
def bubbles(version: tuple, f: Filters, model: priorities.ScoringModel) -> portfolio.Bubbles:
    return portfolio.bubbles(project_table(version, f), model)


@st.cache_data(show_spinner=False, max_entries=32)
def status_trend(version: tuple, f: Filters) -> pd.DataFrame:
    return portfolio.status_trend(common.cursor(), f)


# What changed since a snapshot, by tab: the pmo_core function listing it.
CHANGES = {
    "status": changes.status_changes,
    "moves": changes.project_moves,
    "budget": changes.budget_changes,
    "slips": changes.milestone_slips,
    "risks": changes.new_critical_risks,
}


@st.cache_data(show_spinner=False, max_entries=32)
def earlier_snapshots(version: tuple, f: Filters) -> list[date]:
    return changes.earlier_snapshots(common.cursor(), f)


@shared
def what_changed(version: tuple, key: str, f: Filters, since: date, threshold: float) -> pd.DataFrame:
    """Return what changed since a snapshot for one tab (budgets: changes beyond `threshold` percent)."""
    extra = (threshold,) if key == "budget" else ()
    return CHANGES[key](common.cursor(), f, since, *extra)


@shared
def shown_changes(
    version: tuple, key: str, f: Filters, since: date, threshold: float, lang: str
) -> tuple[pd.DataFrame, dict]:
    """Return one tab's changes as shown in a language, and its columns."""
    views = {"status": _status_changes, "moves": _moves, "budget": _budgets, "slips": _slips, "risks": _risks}
    return views[key](what_changed(version, key, f, since, threshold))


def status_text(code: str | None) -> str:
    return common.status_chip(code or "grey")


def kilo(values: pd.Series) -> pd.Series:
    """Return amounts in thousands for table columns headed with the unit (written whole by the table)."""
    return pd.to_numeric(values, errors="coerce") / 1000


@shared
def decision_table(version: tuple, f: Filters, threshold: float, lang: str) -> tuple[pd.DataFrame, int]:
    """Return the first projects needing a decision as shown (why, the manager's comment) and how many more."""
    found = needing_decision(version, f, threshold)
    if found.empty:
        return pd.DataFrame(), 0
    shown = found.head(FIRST_ROWS)
    why = [
        " · ".join(
            [status_text(row["status"]) + ARROWS[row["status_trend"]]]
            + [
                committee.reason_text((r,), row, lang)
                for r in row["reasons"]
                if r not in ("red", "newly_red")
            ]
        )
        for _, row in shown.iterrows()
    ]
    links = common.project_links(shown["code"])
    frame = pd.DataFrame(
        {
            common.tr("overview.col.code"): [
                f"[{common.plain(c)}]({link})" for c, link in zip(shown["code"], links, strict=True)
            ],
            common.tr("committee.col.why"): why,
            common.tr("committee.col.comment"): shown["comment"]
            .fillna("")
            .map(lambda c: common.plain(committee.short_comment(c, COMMENT_CHARS))),
        }
    )
    return frame, len(found) - FIRST_ROWS


@shared
def top_risk_table(version: tuple, f: Filters, lang: str) -> pd.DataFrame:
    """Return the top risks as shown: the score with its band's mark, the risk and its project."""
    top = top_risks(version, f)
    if top.empty:
        return pd.DataFrame()
    risk = top["title"].map(lambda t: committee.short_comment(t, RISK_CHARS))
    project = top["project_name"].fillna(top["project_code"])
    return pd.DataFrame(
        {
            common.tr("committee.col.score"): [
                f"{BAND_EMOJI.get(b, '')}\u00a0{s}" for b, s in zip(top["band"], top["score"], strict=True)
            ],
            common.tr("committee.col.risk"): [
                f"{common.plain(r)} ({common.plain(p)})" for r, p in zip(risk, project, strict=True)
            ],
        }
    )


@shared
def open_actions(version: tuple, f: Filters, today: date, lang: str) -> tuple[pd.DataFrame, int, int]:
    """Return the first open actions as shown, how many are open and how many are overdue (on `today`)."""
    found = meetings.action_list(common.cursor(), today, open_only=True)
    if not f.is_empty():
        codes = set(project_table(version, f)["code"])
        found = found[found["project_code"].isna() | found["project_code"].isin(codes)]
    frame = actions.action_rows(found.head(ACTION_ROWS)).drop(columns=["action_id", "note"])
    return frame, len(found), int(found["overdue"].sum())


@shared
def shown_table(version: tuple, f: Filters, lang: str, every: bool) -> pd.DataFrame:
    """Return the first TABLE_LIMIT rows of the project table as drawn in a language, for every session: every
    column, or only the compact set (the browser is sent no column it does not show)."""
    shown = display_table(shared_project_table(version, f).head(TABLE_LIMIT))
    return shown if every else shown[list(COMPACT_COLUMNS)]


@shared
def project_names(version: tuple, f: Filters) -> dict[str, str]:
    """Return each project's code and how the picker offers it ("code · name"), worst first."""
    table = shared_project_table(version, f)
    return {code: f"{code} · {name}" for code, name in zip(table["code"], table["name"], strict=True)}


def display_table(table: pd.DataFrame) -> pd.DataFrame:
    """Return the table as shown: statuses as chips with their trend arrow, money in thousands."""
    chips = {s: status_text(s) for s in STATUS_ORDER}
    shown = pd.DataFrame({"link": common.project_links(table["code"]), "name": table["name"]})
    for column in portfolio.STATUS_COLUMNS:
        shown[column] = table[column].map(chips) + table[f"{column}_trend"].map(ARROWS)
    shown["percent"] = pd.to_numeric(table["percent_complete"], errors="coerce") * 100
    for column in ("bac", "ac", "eac"):
        shown[column] = kilo(table[column])
    shown["cpi"], shown["spi"] = table["cpi"], table["spi"]
    shown["next_milestone"] = table["next_milestone"]
    shown["next_date"] = pd.to_datetime(table["next_milestone_date"])
    shown["slip"] = table["next_milestone_slip"].astype("Int64")
    shown["high"], shown["critical"] = table["high_risks"], table["critical_risks"]
    shown["manager"], shown["portfolio"] = table["manager"], table["portfolio"]
    shown["last_update"] = pd.to_datetime(table["last_update"])
    return shown


# What a committee reads first, without scrolling sideways on a projector: the project, its status (the
# order of the table), how far it has gone, its cost and schedule indices, its critical risks.
COMPACT_COLUMNS = {  # column: width in px, 880 px in all
    "link": 110,
    "name": 240,
    "status": 100,
    "critical": 100,
    "percent": 100,
    "cpi": 65,
    "spi": 65,
    "eac": 100,
}


@st.cache_data(show_spinner=False, max_entries=32)
def capacity_alerts(version: tuple, f: Filters) -> pd.DataFrame:
    return capacity.capacity_alerts(common.cursor(), f)


def _project_columns(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    tr = common.tr
    shown = pd.DataFrame(
        {"link": common.project_links(frame["code"]), "name": frame["name"], "portfolio": frame["portfolio"]}
    )
    config = {
        "link": st.column_config.LinkColumn(tr("overview.col.code"), display_text=common.PROJECT_LINK_TEXT),
        "name": st.column_config.TextColumn(tr("overview.col.project"), width="medium"),
        "portfolio": st.column_config.TextColumn(tr("sidebar.portfolio")),
    }
    return shown, config


def _status_changes(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["before"], shown["after"] = frame["before"].map(status_text), frame["after"].map(status_text)
    shown["direction"] = frame["direction"].map(lambda d: common.tr(f"overview.direction.{d}"))
    shown["manager"] = frame["manager"]
    config |= {
        "before": common.tr("overview.col.before"),
        "after": common.tr("overview.col.after"),
        "direction": common.tr("overview.col.direction"),
        "manager": common.tr("sidebar.manager"),
    }
    return shown, config


def _moves(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown.insert(0, "move", frame["move"].map(lambda m: common.tr(f"overview.move.{m}")))
    shown["budget"] = kilo(frame["budget"])
    shown["start"], shown["end"] = pd.to_datetime(frame["start_date"]), pd.to_datetime(frame["forecast_end"])
    shown["manager"] = frame["manager"]
    config |= {
        "move": common.tr("overview.col.move"),
        "budget": st.column_config.NumberColumn(common.tr("overview.col.bac", unit=kilo_unit()), format="%d"),
        "start": st.column_config.DateColumn(common.tr("field.projects.start_date"), format=day_format()),
        "end": st.column_config.DateColumn(common.tr("field.projects.forecast_end"), format=day_format()),
        "manager": common.tr("sidebar.manager"),
    }
    return shown, config


def _budgets(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["before"], shown["after"], shown["change"] = (
        kilo(frame["before"]),
        kilo(frame["after"]),
        kilo(frame["change"]),
    )
    shown["share"] = frame["change_share"].map(
        lambda v: ("+" if v > 0 else "") + formatting.percent(v, common.lang(), 1)
    )
    number = st.column_config.NumberColumn
    config |= {
        "before": number(common.tr("overview.col.budget_before", unit=kilo_unit()), format="%d"),
        "after": number(common.tr("overview.col.budget_after", unit=kilo_unit()), format="%d"),
        "change": number(common.tr("overview.col.budget_change", unit=kilo_unit()), format="%+d"),
        "share": common.tr("overview.col.budget_share"),
    }
    return shown, config


def _slips(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["milestone"] = frame["milestone"]
    for column in ("baseline_date", "before", "after"):
        shown[column] = pd.to_datetime(frame[column])
    shown["slip"] = frame["slip_days"]
    date_column = st.column_config.DateColumn
    config |= {
        "milestone": common.tr("overview.col.milestone"),
        "baseline_date": date_column(common.tr("overview.col.baseline"), format=day_format()),
        "before": date_column(common.tr("overview.col.forecast_before"), format=day_format()),
        "after": date_column(common.tr("overview.col.forecast_after"), format=day_format()),
        "slip": st.column_config.NumberColumn(common.tr("overview.col.slip_since"), format="%+d"),
    }
    return shown, config


def _risks(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    shown, config = _project_columns(frame)
    shown["risk"] = frame["risk_code"].fillna("")
    shown["title"] = frame["title"]
    shown["category"] = frame["category"].map(
        lambda c: label("category", c, common.lang()) if isinstance(c, str) else ""
    )
    shown["score"] = (
        frame["probability"].astype(str)
        + " × "
        + frame["impact"].astype(str)
        + " = "
        + frame["score"].astype(str)
    )
    shown["was"] = frame["was"].map(
        lambda w: (
            common.tr(f"overview.was.{w}") if w in ("new", "closed") else label("band", w, common.lang())
        )
    )
    shown["owner"] = frame["owner"]
    config |= {
        "risk": common.tr("overview.col.risk"),
        "title": st.column_config.TextColumn(common.tr("overview.col.risk_title"), width="large"),
        "category": common.tr("overview.col.category"),
        "score": common.tr("overview.col.score"),
        "was": common.tr("overview.col.was"),
        "owner": common.tr("overview.col.owner"),
    }
    return shown, config


@shared
def rollup_table(version: tuple, f: Filters, method: str, lang: str) -> tuple[pd.DataFrame, dict]:
    """Return the roll-up as shown in a language, and its columns."""
    rollup = roll_up(version, f, method)
    tr = common.tr
    counts = rollup[list(STATUS_ORDER)].astype(int)
    mix = counts.apply(
        lambda row: "  ".join(f"{STATUS_EMOJI[s]} {row[s]}" for s in STATUS_ORDER if row[s]), axis=1
    )
    shown = pd.DataFrame(
        {
            "group": rollup.apply(_group_name, axis=1),
            "worst": rollup["worst_status"].map(status_text),
            "n": rollup["n_projects"],
            "mix": mix,
        }
    )
    for column in ("bac", "eac", "vac"):
        shown[column] = kilo(rollup[column])
    shown["cpi"], shown["spi"] = rollup["cpi"], rollup["spi"]
    shown["critical"], shown["late"] = rollup["critical_risks"], rollup["late_projects"]
    number = st.column_config.NumberColumn
    config = {
        # Not pinned: a pinned column is drawn in grey, too faint on a projector; this table fits the page.
        "group": st.column_config.TextColumn(tr("overview.rollup.group"), width="medium"),
        "worst": tr("overview.rollup.worst"),
        "n": number(tr("overview.rollup.projects"), format="%d"),
        "mix": st.column_config.TextColumn(tr("overview.rollup.mix"), help=tr("overview.rollup.mix.help")),
        **{c: number(tr(f"overview.col.{c}", unit=kilo_unit()), format="%d") for c in ("bac", "eac", "vac")},
        "cpi": number("CPI"),
        "spi": number("SPI"),
        "critical": number(tr("overview.col.critical"), format="%d"),
        "late": number(tr("overview.kpi.late_projects"), format="%d"),
    }
    return shown, config


def _group_name(row: pd.Series) -> str:
    if row["level"] == "total":
        return common.tr("overview.rollup.total")
    if row["level"] == "portfolio":
        return "▸ " + (row["portfolio"] or common.tr("overview.rollup.no_portfolio"))
    return "      ↳ " + (row["programme"] or common.tr("overview.rollup.no_programme"))
