"""Compliance with the PMO's rules: per project a score and the rules it breaks, since when; roll-ups and trend.

Conventions (the Governance page states them in words):
- A project's score is the share of the rules that apply to it which it meets (0-100 %); a rule that does
  not apply (a business case under the threshold, the first phase's missing gate, costs of a project not
  started) counts neither way. A group's score is the mean of its projects' scores: each project weighs one.
- The rules are checked on every snapshot, each on its own date; a broken rule is broken "since" the first
  snapshot of the run of snapshots, up to the one read, on which it was broken.
- Status current: a status given (green, amber, red) and a last update within `reporting_period_days` of the
  snapshot, the rule that turns a status Grey (portfolio.reported_status_sql).
- Risks reviewed: the latest review date the register gives (risks' last_review), else the date of the
  snapshot the register was last imported with; a project with no risk at all has no register.
- Costs current: an actual cost line for the month of the earned-value status date (evm.default_status_date),
  unless the project starts after that month.
- Phase gate: a project in a phase has passed the gates of every phase before it: each gate's milestones are
  achieved (a milestone matches when its name, in either language, is one the gate lists).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

import duckdb
import pandas as pd

from pmo_core import evm, formatting, governance, settings, snapshots
from pmo_core.exports import to_excel_bytes
from pmo_core.fields import normalize_name
from pmo_core.filters import Filters
from pmo_core.governance import Phase, RuleState
from pmo_core.i18n import t

HISTORY = 24  # snapshots looked back for "since when" and the trend
CHECK_COLUMNS = ["code", "rule", "applies", "met", "detail", "params"]


@dataclass(frozen=True)
class Context:
    """What the rules are checked against on one snapshot."""

    reference: date
    period_days: int
    cost_month: date  # the first day of the month whose actual cost must be there


def context_on(reference: date, period_days: int) -> Context:
    status_date = evm.default_status_date(reference)
    return Context(reference, period_days, status_date.replace(day=1))


def facts(con: duckdb.DuckDBPyConnection, f: Filters, c: Context) -> pd.DataFrame:
    """Return, per project of a filtered state, what the rules look at: people, baseline, dates, registers."""
    return con.execute(
        f"""WITH p AS (SELECT * FROM projects_at($d::DATE) AS p WHERE {f.project_clause("p")}),
            r AS (SELECT project_code, count(*) AS n_risks, max(last_review) AS last_review
                  FROM risks_at($d::DATE) WHERE project_code IN (SELECT code FROM p) GROUP BY ALL),
            rb AS (SELECT v.project_code, b.as_of AS register_as_of
                   FROM versions_at($d::DATE) AS v JOIN batches AS b USING (batch_id)
                   WHERE v.entity = 'risks' AND v.present),
            c AS (SELECT project_code, bool_or(actual IS NOT NULL) AS costs_for_month
                  FROM cost_lines_at($d::DATE) WHERE month = $cost_month::DATE GROUP BY ALL),
            bc AS (SELECT project_code, count(*) AS business_case_lines FROM business_case_at($d::DATE) GROUP BY ALL),
            m AS (SELECT project_code, list(name ORDER BY name) FILTER (WHERE actual_date IS NOT NULL) AS achieved
                  FROM milestones_at($d::DATE) GROUP BY ALL)
            SELECT p.code, p.name, p.portfolio, p.programme, p.manager, p.sponsor, p.phase, p.start_date,
                   p.budget, p.baseline_end, p.status, p.last_update, p.npv,
                   coalesce(r.n_risks, 0) AS n_risks, r.last_review, rb.register_as_of,
                   coalesce(c.costs_for_month, false) AS costs_for_month,
                   coalesce(bc.business_case_lines, 0) AS business_case_lines,
                   coalesce(m.achieved, []) AS achieved
            FROM p LEFT JOIN r ON r.project_code = p.code LEFT JOIN rb ON rb.project_code = p.code
                   LEFT JOIN c ON c.project_code = p.code LEFT JOIN bc ON bc.project_code = p.code
                   LEFT JOIN m ON m.project_code = p.code
            ORDER BY p.code""",  # noqa: S608 - fixed identifiers; values are parameters
        {**f.params(), "d": c.reference.isoformat(), "cost_month": c.cost_month},
    ).df()


# --- The rules, on plain values ----------------------------------------------------------------------


def check(
    project: dict, rules: dict[str, RuleState], phases: tuple[Phase, ...], c: Context
) -> list[tuple[str, bool, bool, str, dict]]:
    """Check one project's facts against every enabled rule: (rule, applies, met, detail, params) each."""
    found = []
    for code, state in rules.items():
        if state.enabled:
            applies, met, detail, params = CHECKS[code](project, state, phases, c)
            found.append((code, applies, met, detail, params))
    return found


def _blank(value: object) -> bool:
    return formatting.missing(value) or not str(value).strip()


def _day(value: object) -> date | None:
    return None if formatting.missing(value) else pd.Timestamp(value).date()


def _manager(p: dict, *_: object) -> tuple[bool, bool, str, dict]:
    return True, not _blank(p.get("manager")), "manager", {}


def _sponsor(p: dict, *_: object) -> tuple[bool, bool, str, dict]:
    return True, not _blank(p.get("sponsor")), "sponsor", {}


def _baseline(p: dict, *_: object) -> tuple[bool, bool, str, dict]:
    budget = p.get("budget")
    no_budget = formatting.missing(budget) or float(budget) <= 0
    no_end = _day(p.get("baseline_end")) is None
    detail = "baseline_both" if no_budget and no_end else "baseline_budget" if no_budget else "baseline_end"
    return True, not (no_budget or no_end), detail, {}


def _status_current(p: dict, state: RuleState, phases: tuple[Phase, ...], c: Context):
    updated = _day(p.get("last_update"))
    if p.get("status") not in ("green", "amber", "red"):
        return True, False, "status_missing", {}
    if updated is None:
        return True, False, "status_undated", {}
    age = (c.reference - updated).days
    return True, age <= c.period_days, "status_stale", {"date": updated, "days": c.period_days}


def _risks_reviewed(p: dict, state: RuleState, phases: tuple[Phase, ...], c: Context):
    if not p.get("n_risks"):
        return True, False, "risks_none", {}
    reviewed = _day(p.get("last_review")) or _day(p.get("register_as_of"))
    days = int(state.threshold or 0)
    if reviewed is None:
        return True, False, "risks_unreviewed", {"days": days}
    return True, (c.reference - reviewed).days <= days, "risks_stale", {"date": reviewed, "days": days}


def _costs_current(p: dict, state: RuleState, phases: tuple[Phase, ...], c: Context):
    start = _day(p.get("start_date"))
    if start is not None and start > evm.default_status_date(c.reference):
        return False, True, "costs_missing", {"month": c.cost_month}
    return True, bool(p.get("costs_for_month")), "costs_missing", {"month": c.cost_month}


def _business_case(p: dict, state: RuleState, phases: tuple[Phase, ...], c: Context):
    budget, threshold = p.get("budget"), float(state.threshold or 0)
    if formatting.missing(budget) or float(budget) < threshold:
        return False, True, "business_case_missing", {}
    has_case = bool(p.get("business_case_lines")) or not formatting.missing(p.get("npv"))
    return True, has_case, "business_case_missing", {"budget": float(budget), "threshold": threshold}


def _phase_gate(p: dict, state: RuleState, phases: tuple[Phase, ...], c: Context):
    phase = p.get("phase")
    if _blank(phase):
        return True, False, "phase_missing", {}
    index = governance.phase_index(phase, phases)
    if index is None:
        return True, False, "phase_unknown", {"phase": str(phase)}
    if index == 0:
        return False, True, "gate_open", {}
    achieved = {normalize_name(name) for name in (p.get("achieved") if p.get("achieved") is not None else ())}
    for earlier in phases[:index]:
        missing = [m for m in _gate_milestones(earlier) if not achieved & m[1]]
        if missing:
            return (
                True,
                False,
                "gate_open",
                {
                    "phase_en": earlier.en,
                    "phase_fr": earlier.fr,
                    "milestones": "; ".join(m[0] for m in missing),
                },
            )
    return True, True, "gate_open", {}


def _gate_milestones(phase: Phase) -> list[tuple[str, set[str]]]:
    """Return a gate's milestones, each with the names it may go by ("Kick-off / Lancement": either one)."""
    return [
        (entry, {normalize_name(name) for name in entry.split("/") if name.strip()}) for entry in phase.gate
    ]


CHECKS = {
    "manager": _manager,
    "sponsor": _sponsor,
    "baseline": _baseline,
    "status_current": _status_current,
    "risks_reviewed": _risks_reviewed,
    "costs_current": _costs_current,
    "business_case": _business_case,
    "phase_gate": _phase_gate,
}


def evaluate(
    projects: pd.DataFrame, rules: dict[str, RuleState], phases: tuple[Phase, ...], c: Context
) -> pd.DataFrame:
    """Return one row per project and enabled rule: whether it applies, whether it is met, and why not."""
    rows = [
        (project["code"], code, applies, met, detail, json.dumps(params, default=str, sort_keys=True))
        for project in projects.to_dict("records")
        for code, applies, met, detail, params in check(project, rules, phases, c)
    ]
    return pd.DataFrame(rows, columns=CHECK_COLUMNS)


def scores(projects: pd.DataFrame, checks: pd.DataFrame) -> pd.DataFrame:
    """Return each project with its score (met / applicable, None when no rule applies) and its broken rules."""
    applying = checks[checks["applies"]]
    counted = applying.groupby("code").agg(applicable=("met", "size"), met=("met", "sum"))
    table = projects[["code", "name", "portfolio", "programme", "manager"]].merge(
        counted, left_on="code", right_index=True, how="left"
    )
    table[["applicable", "met"]] = table[["applicable", "met"]].fillna(0).astype(int)
    table["broken"] = table["applicable"] - table["met"]
    table["score"] = (table["met"] / table["applicable"]).where(table["applicable"] > 0)
    return table


# --- Across snapshots --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Compliance:
    """The compliance of a filtered state: per project, the broken rules since when, roll-ups and the trend."""

    reference: date | None
    previous: date | None
    projects: pd.DataFrame  # code, name, portfolio, programme, manager, applicable, met, broken, score
    breaches: pd.DataFrame  # code, name, manager, rule, detail, params, since
    trend: pd.DataFrame  # as_of, score, projects, compliant, breaches

    @property
    def score(self) -> float | None:
        return group_score(self.projects["score"])

    @property
    def previous_score(self) -> float | None:
        before = self.trend[self.trend["as_of"] == self.previous]["score"] if self.previous else pd.Series()
        return None if before.empty or pd.isna(before.iloc[0]) else float(before.iloc[0])


def group_score(values: pd.Series) -> float | None:
    known = pd.to_numeric(values, errors="coerce").dropna()
    return None if known.empty else float(known.mean())


def compliance(con: duckdb.DuckDBPyConnection, f: Filters = Filters()) -> Compliance:
    """Check the rules on the filtered state and on the snapshots before it, for since when and the trend."""
    dates = [s.as_of for s in snapshots.list_snapshots(con)]
    reference = f.as_of or (dates[0] if dates else None)
    if reference is None:
        return Compliance(None, None, _empty_scores(), _empty_breaches(), _empty_trend())
    history = [d for d in dates if d <= reference][:HISTORY]  # newest first
    rules, phases = governance.rule_states(con), governance.phases(con)
    period = int(settings.get(con, "reporting_period_days"))
    broken_on: dict[date, set[tuple[str, str]]] = {}
    trend, now = [], None
    for day in history:
        c = context_on(day, period)
        state = Filters(f.portfolios, f.programmes, f.managers, day if day != reference else f.as_of)
        projects = facts(con, state, c)
        checks = evaluate(projects, rules, phases, c)
        table = scores(projects, checks)
        failed = checks[checks["applies"] & ~checks["met"]]
        broken_on[day] = set(zip(failed["code"], failed["rule"], strict=True))
        trend.append(
            {
                "as_of": day,
                "score": group_score(table["score"]),
                "projects": len(table),
                "compliant": int((table["broken"] == 0).sum()),
                "breaches": len(failed),
            }
        )
        if day == reference:
            now = (table, failed)
    table, failed = now
    breaches = failed.merge(table[["code", "name", "manager", "portfolio", "programme"]], on="code")
    breaches["since"] = [
        _since((code, rule), history, broken_on)
        for code, rule in zip(breaches["code"], breaches["rule"], strict=True)
    ]
    breaches = breaches.sort_values(["since", "code", "rule"]).reset_index(drop=True)
    previous = history[1] if len(history) > 1 else None
    trend_frame = pd.DataFrame(trend[::-1], columns=_empty_trend().columns)
    return Compliance(reference, previous, table.reset_index(drop=True), breaches, trend_frame)


def _since(key: tuple[str, str], history: list[date], broken_on: dict[date, set]) -> date:
    """Return the first snapshot of the run, up to the newest, on which a rule was broken for a project."""
    since = history[0]
    for day in history:
        if key not in broken_on[day]:
            break
        since = day
    return since


def _empty_scores() -> pd.DataFrame:
    return pd.DataFrame(
        columns=["code", "name", "portfolio", "programme", "manager", "applicable", "met", "broken", "score"]
    )


def _empty_breaches() -> pd.DataFrame:
    return pd.DataFrame(columns=[*CHECK_COLUMNS, "name", "manager", "portfolio", "programme", "since"])


def _empty_trend() -> pd.DataFrame:
    return pd.DataFrame(columns=["as_of", "score", "projects", "compliant", "breaches"])


def roll_up(result: Compliance, by: str) -> pd.DataFrame:
    """Return the compliance of each manager, programme or portfolio: projects, mean score, compliant, broken."""
    table = result.projects.assign(group=result.projects[by].where(result.projects[by].notna(), None))
    if table.empty:
        return pd.DataFrame(columns=["group", "projects", "score", "compliant", "breaches"])
    grouped = table.groupby("group", dropna=False).agg(
        projects=("code", "size"),
        score=("score", group_score),
        compliant=("broken", lambda b: int((b == 0).sum())),
        breaches=("broken", "sum"),
    )
    return grouped.reset_index().sort_values(["score", "group"], na_position="last").reset_index(drop=True)


# --- In words ------------------------------------------------------------------------------------


def describe(rule: str, detail: str, params: str | dict, lang: str, currency: str = "EUR") -> str:
    """Say what is missing, in the reader's language: "Risks last reviewed on 12 Aug 2026 (more than 30 days)"."""
    values = json.loads(params) if isinstance(params, str) else dict(params)
    shown: dict[str, object] = {}
    for name, value in values.items():
        if name in ("date",):
            shown[name] = formatting.day(date.fromisoformat(str(value)), lang)
        elif name == "month":
            shown[name] = formatting.month(date.fromisoformat(str(value)), lang)
        elif name in ("budget", "threshold"):
            shown[name] = formatting.money(float(value), lang, currency)
        elif name in ("phase_en", "phase_fr"):
            continue
        else:
            shown[name] = value
    if "phase_en" in values:
        shown["gate"] = values["phase_fr"] if lang == "fr" else values["phase_en"]
    return t(f"governance.missing.{detail}", lang, **shown)


def rule_label(rule: str, lang: str) -> str:
    return t(f"governance.rule.{rule}", lang)


def as_json(result: Compliance, lang: str = "en", currency: str = "EUR") -> dict:
    """Return the compliance as the command line writes it: per project its score and broken rules."""
    by_project = {code: group for code, group in result.breaches.groupby("code")}
    projects = []
    for row in result.projects.to_dict("records"):
        broken = by_project.get(row["code"], result.breaches.iloc[0:0])
        projects.append(
            {
                "code": row["code"],
                "name": row["name"],
                "manager": None if formatting.missing(row["manager"]) else row["manager"],
                "score": None if formatting.missing(row["score"]) else round(float(row["score"]), 4),
                "rules_applicable": int(row["applicable"]),
                "rules_met": int(row["met"]),
                "broken": [
                    {
                        "rule": b["rule"],
                        "detail": b["detail"],
                        "missing": describe(b["rule"], b["detail"], b["params"], lang, currency),
                        "since": b["since"].isoformat(),
                    }
                    for b in broken.to_dict("records")
                ],
            }
        )
    return {
        "as_of": result.reference.isoformat() if result.reference else None,
        "score": None if result.score is None else round(result.score, 4),
        "projects": projects,
    }


# --- Whom to chase --------------------------------------------------------------------------------

CHASE_COLUMNS = ["manager", "code", "project", "rule", "missing", "since", "days"]


def chase_list(result: Compliance, lang: str, currency: str = "EUR") -> pd.DataFrame:
    """Return who to chase for what: one row per broken rule, grouped by manager, oldest gap first.

    A project with no manager named is listed under None, for the PMO to chase its sponsor or portfolio lead.
    """
    b = result.breaches
    if b.empty:
        return pd.DataFrame(columns=CHASE_COLUMNS)
    frame = pd.DataFrame(
        {
            "manager": b["manager"].where(
                b["manager"].notna() & (b["manager"].astype(str).str.strip() != ""), None
            ),
            "code": b["code"],
            "project": b["name"],
            "rule": [rule_label(rule, lang) for rule in b["rule"]],
            "missing": [
                describe(r, d, p, lang, currency)
                for r, d, p in zip(b["rule"], b["detail"], b["params"], strict=True)
            ],
            "since": b["since"],
            "days": [(result.reference - since).days for since in b["since"]],
        }
    )
    frame["_nobody"] = frame["manager"].isna()
    frame = frame.sort_values(["_nobody", "manager", "since", "code"], na_position="last")
    frame = frame.drop(columns="_nobody").reset_index(drop=True)
    frame["manager"] = frame["manager"].astype(object).where(frame["manager"].notna(), None)
    return frame


def chase_email(chase: pd.DataFrame, manager: str | None, reference: date, lang: str) -> str:
    """Return the e-mail a PMO sends one manager: what is missing on which project, since when."""
    rows = chase[chase["manager"].isna()] if manager is None else chase[chase["manager"] == manager]
    when = formatting.day(reference, lang)
    name = manager or t("governance.chase.no_manager", lang)
    lines = [
        t("governance.email.subject", lang, date=when),
        "",
        t("governance.email.greeting", lang, name=name),
        "",
        t("governance.email.body", lang, date=when, n=rows["code"].nunique()),
        *(
            t(
                "governance.email.line",
                lang,
                code=row["code"],
                project=row["project"],
                missing=row["missing"],
                since=formatting.day(row["since"], lang),
            )
            for row in rows.to_dict("records")
        ),
        "",
        t("governance.email.closing", lang),
        "",
        t("governance.email.signature", lang),
    ]
    return "\n".join(lines)


def chase_sheet(chase: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Return the list with its headers in the reader's language, a project with no manager said in words."""
    shown = chase.assign(manager=chase["manager"].fillna(t("governance.chase.no_manager", lang)))
    return shown.rename(columns={c: t(f"governance.col.{c}", lang) for c in CHASE_COLUMNS})


def chase_xlsx(chase: pd.DataFrame, lang: str) -> bytes:
    """Return the list as a workbook; text a spreadsheet would run as a formula is neutralised (exports)."""
    return to_excel_bytes({t("governance.chase.sheet", lang): chase_sheet(chase, lang)}, lang=lang)
