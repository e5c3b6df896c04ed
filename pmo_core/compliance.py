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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

import duckdb
import numpy as np
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


APART = "\x1f"  # between the names of a project's achieved milestones: one text converts faster than a list


def facts(con: duckdb.DuckDBPyConnection, f: Filters, c: Context) -> pd.DataFrame:
    """Return, per project of a filtered state, what the rules look at: people, baseline, dates, registers."""
    return facts_on(con, f, [c]).drop(columns="as_of")


def facts_on(con: duckdb.DuckDBPyConnection, f: Filters, contexts: list[Context]) -> pd.DataFrame:
    """Return the facts of the filtered state on each snapshot date (as_of), in one query: the dates share one
    scan of each state table (migration 015), each row counting on the dates its span covers; the risks and
    achieved milestones are summed up once per version (a span), not once per date it covers. The cost lines
    (not copied) are summed per version on the snapshots' months first, then joined to the versions counted.

    A project's achieved milestones come as one text, their names in order with APART between them.
    """
    return con.execute(
        f"""WITH days AS (SELECT unnest($days::DATE[]) AS as_of, unnest($months::DATE[]) AS cost_month),
            p AS (SELECT d.as_of, p.* FROM days AS d
                  JOIN project_state AS p ON p.valid_from <= d.as_of AND d.as_of < p.valid_to
                  WHERE {f.project_clause("p")}),
            r AS (SELECT d.as_of, r.project_code, r.n_risks, r.last_review
                  FROM days AS d JOIN (
                      SELECT project_code, valid_from, valid_to, count(*) AS n_risks, max(last_review) AS last_review
                      FROM risk_state WHERE valid_to > (SELECT min(as_of) FROM days) GROUP BY ALL) AS r
                    ON r.valid_from <= d.as_of AND d.as_of < r.valid_to),
            rb AS (SELECT d.as_of, v.project_code, v.valid_from AS register_as_of
                   FROM days AS d JOIN live_versions AS v ON v.valid_from <= d.as_of AND d.as_of < v.valid_to
                   WHERE v.entity = 'risks'),
            c AS (SELECT d.as_of, c.project_code, c.costs_for_month
                  FROM days AS d JOIN live_versions AS v ON v.valid_from <= d.as_of AND d.as_of < v.valid_to
                  JOIN (SELECT batch_id, project_code, month, bool_or(actual IS NOT NULL) AS costs_for_month
                        FROM cost_rows WHERE month IN (SELECT cost_month FROM days) GROUP BY ALL) AS c
                    ON c.batch_id = v.batch_id AND c.project_code = v.project_code AND c.month = d.cost_month
                  WHERE v.entity = 'costs'),
            bc AS (SELECT d.as_of, bc.project_code, count(*) AS business_case_lines
                   FROM days AS d JOIN live_versions AS v ON v.valid_from <= d.as_of AND d.as_of < v.valid_to
                   JOIN business_case_rows AS bc ON bc.batch_id = v.batch_id AND bc.project_code = v.project_code
                   WHERE v.entity = 'business_case'
                   GROUP BY ALL),
            m AS (SELECT d.as_of, m.project_code, m.achieved
                  FROM days AS d JOIN (
                      SELECT project_code, valid_from, valid_to, string_agg(name, $apart ORDER BY name) AS achieved
                      FROM milestone_state
                      WHERE actual_date IS NOT NULL AND valid_to > (SELECT min(as_of) FROM days) GROUP BY ALL) AS m
                    ON m.valid_from <= d.as_of AND d.as_of < m.valid_to)
            SELECT p.as_of, p.code, p.name, p.portfolio, p.programme, p.manager, p.sponsor, p.phase, p.start_date,
                   p.budget, p.baseline_end, p.status, p.last_update, p.npv,
                   coalesce(r.n_risks, 0) AS n_risks, r.last_review, rb.register_as_of,
                   coalesce(c.costs_for_month, false) AS costs_for_month,
                   coalesce(bc.business_case_lines, 0) AS business_case_lines,
                   coalesce(m.achieved, '') AS achieved
            FROM p LEFT JOIN r ON r.as_of = p.as_of AND r.project_code = p.code
                   LEFT JOIN rb ON rb.as_of = p.as_of AND rb.project_code = p.code
                   LEFT JOIN c ON c.as_of = p.as_of AND c.project_code = p.code
                   LEFT JOIN bc ON bc.as_of = p.as_of AND bc.project_code = p.code
                   LEFT JOIN m ON m.as_of = p.as_of AND m.project_code = p.code
            ORDER BY p.as_of, p.code""",  # noqa: S608 - fixed identifiers; values are parameters
        {
            **{name: value for name, value in f.params().items() if name != "d"},
            "days": [c.reference for c in contexts],
            "months": [c.cost_month for c in contexts],
            "apart": APART,
        },
    ).df()


# --- The rules, on the facts of every project at once ---------------------------------------------
# Each rule reads the facts frame and returns, per project, whether it applies, whether it is met, the reason
# it is not (a key of governance.missing) and how to quote the figures that reason gives: per project the
# value they depend on (None: the same for every project) and a function making them from that value, called
# once per distinct value among the projects that break the rule: 10,000 projects are checked, and their
# thousands of reasons written, in a few vector operations.

Quote = tuple[pd.Series | None, Callable[[object], dict]]
Outcome = tuple[pd.Series, pd.Series, pd.Series, Quote]
NOTHING_QUOTED: Quote = (None, lambda key: {})


def _named(values: pd.Series) -> pd.Series:
    return values.notna() & (values.astype(str).str.strip() != "")


def _days_before(reference: date, days: pd.Series) -> pd.Series:
    """Return how many days each date is before the reference (NaN where there is no date)."""
    return (pd.Timestamp(reference) - pd.to_datetime(days)).dt.days


def _text(index: pd.Index, value: str) -> pd.Series:
    return pd.Series(value, index=index, dtype=object)


def _always(index: pd.Index) -> pd.Series:
    return pd.Series(True, index=index)


def _manager(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    return _always(p.index), _named(p["manager"]), _text(p.index, "manager"), NOTHING_QUOTED


def _sponsor(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    return _always(p.index), _named(p["sponsor"]), _text(p.index, "sponsor"), NOTHING_QUOTED


def _baseline(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    budget = pd.to_numeric(p["budget"], errors="coerce")
    no_budget, no_end = ~(budget > 0), p["baseline_end"].isna()
    detail = np.select(
        [no_budget & no_end, no_budget], ["baseline_both", "baseline_budget"], "baseline_end"
    ).astype(object)
    return _always(p.index), ~(no_budget | no_end), pd.Series(detail, index=p.index), NOTHING_QUOTED


def _status_current(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    given, age = p["status"].isin(("green", "amber", "red")), _days_before(c.reference, p["last_update"])
    detail = np.select([~given, age.isna()], ["status_missing", "status_undated"], "status_stale").astype(
        object
    )
    quote = (p["last_update"], lambda updated: {"date": _day(updated), "days": c.period_days})
    return _always(p.index), given & (age <= c.period_days), pd.Series(detail, index=p.index), quote


def _risks_reviewed(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    days = int(state.threshold or 0)
    reviewed = pd.to_datetime(p["last_review"]).fillna(pd.to_datetime(p["register_as_of"]))
    has_register, age = p["n_risks"] > 0, _days_before(c.reference, reviewed)
    detail = np.select([~has_register, age.isna()], ["risks_none", "risks_unreviewed"], "risks_stale")
    return (
        _always(p.index),
        has_register & (age <= days),
        pd.Series(detail, index=p.index, dtype=object),
        (reviewed, lambda when: {"date": _day(when), "days": days}),
    )


def _costs_current(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    started = ~(pd.to_datetime(p["start_date"]) > pd.Timestamp(evm.default_status_date(c.reference)))
    met = p["costs_for_month"].fillna(False).astype(bool)
    return started, met, _text(p.index, "costs_missing"), (None, lambda key: {"month": c.cost_month})


def _business_case(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    budget, threshold = pd.to_numeric(p["budget"], errors="coerce"), float(state.threshold or 0)
    met = (p["business_case_lines"] > 0) | p["npv"].notna()
    quote = (budget, lambda amount: {"budget": float(amount), "threshold": threshold})
    return budget >= threshold, met, _text(p.index, "business_case_missing"), quote


def _phase_gate(p: pd.DataFrame, state: RuleState, phases: tuple[Phase, ...], c: Context) -> Outcome:
    """A project in a phase has passed every earlier gate. Projects in the same phase with the same milestones
    achieved share one answer, and a name is normalised once, not once per project."""
    index = {phase: governance.phase_index(phase, phases) for phase in p["phase"].dropna().unique()}
    gates = [(phase, _gate_names(phase)) for phase in phases]
    known: dict[str, str] = {}
    phase = p["phase"].astype(object).where(p["phase"].notna(), None)  # one "no phase" (None, NaN or NA)
    codes, distinct = _pairs(phase, p["achieved"])
    answers = [
        _gate_answer(stage, achieved.split(APART) if achieved else (), index, gates, known)
        for stage, achieved in distinct
    ]
    applies, met, detail, quoted = (_objects(values)[codes] for values in zip(*answers, strict=True))
    series = lambda values: pd.Series(values, index=p.index, dtype=object)  # noqa: E731
    return series(applies).astype(bool), series(met).astype(bool), series(detail), (series(quoted), dict)


def _pairs(first: pd.Series, second: pd.Series) -> tuple[np.ndarray, list[tuple]]:
    """Return each row's code among the distinct (first, second) pairs, and those pairs: each column is
    factorised alone and the pairs of codes as integers (a MultiIndex builds a tuple per row, slower)."""
    first_codes, first_values = pd.factorize(first, use_na_sentinel=False)
    second_codes, second_values = pd.factorize(second, use_na_sentinel=False)
    codes, pairs = pd.factorize(first_codes.astype(np.int64) * len(second_values) + second_codes)
    width = max(len(second_values), 1)
    return codes, [(first_values[pair // width], second_values[pair % width]) for pair in pairs]


def _objects(values: tuple) -> np.ndarray:
    """Return the values as a flat array of objects (numpy would make tuples of one length a second axis)."""
    array = np.empty(len(values), dtype=object)
    for i, value in enumerate(values):
        array[i] = value
    return array


def _gate_answer(
    phase: object, achieved: Iterable[str], index: dict, gates: list, known: dict[str, str]
) -> tuple[bool, bool, str, tuple]:
    """Return whether the gate rule applies to a project in this phase with these milestones achieved, whether
    it is met, why not, and the figures its reason quotes (as a tuple of pairs, to be shared)."""
    position = index.get(phase) if isinstance(phase, str) and phase.strip() else None
    if position is None:
        unknown = isinstance(phase, str) and bool(phase.strip())
        return (
            True,
            False,
            "phase_unknown" if unknown else "phase_missing",
            (("phase", phase),) if unknown else (),
        )
    done = {known.get(name) or known.setdefault(name, normalize_name(name)) for name in achieved}
    gap = next(
        (
            (earlier, missing)
            for earlier, entries in gates[:position]
            if (missing := [entry for entry, names in entries if not done & names])
        ),
        None,
    )
    if gap is None:
        return position > 0, True, "gate_open", ()
    quoted = (("phase_en", gap[0].en), ("phase_fr", gap[0].fr), ("milestones", "; ".join(gap[1])))
    return position > 0, False, "gate_open", quoted


def _gate_names(phase: Phase) -> list[tuple[str, set[str]]]:
    """Return a gate's milestones with the names each goes by ("Go-live / Mise en service": either one)."""
    return [
        (entry, {normalize_name(name) for name in entry.split("/") if name.strip()}) for entry in phase.gate
    ]


def _day(value: object) -> date | None:
    return None if formatting.missing(value) else pd.Timestamp(value).date()


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
    projects = projects.reset_index(drop=True)
    every = np.arange(len(projects))
    parts = [_rows(projects, outcome, every) for outcome in _outcomes(projects, rules, phases, c)]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=CHECK_COLUMNS)


Checked = tuple[str, np.ndarray, np.ndarray, pd.Series, Quote]  # rule, applies, met (or not applying), detail


def _outcomes(
    projects: pd.DataFrame, rules: dict[str, RuleState], phases: tuple[Phase, ...], c: Context
) -> list[Checked]:
    """Check each enabled rule on every project (a projects frame indexed from 0)."""
    checked = []
    for code, state in rules.items():
        if not state.enabled or projects.empty:
            continue
        applies, met, detail, quote = CHECKS[code](projects, state, phases, c)
        applying = applies.astype(bool).to_numpy()
        checked.append((code, applying, met.astype(bool).to_numpy() | ~applying, detail, quote))
    return checked


def _rows(projects: pd.DataFrame, outcome: Checked, rows: np.ndarray) -> pd.DataFrame:
    """Return the check rows of one rule for these projects, with the figures quoted where it is broken."""
    code, applies, met, detail, quote = outcome
    params = np.full(len(rows), "{}", dtype=object)
    failing = np.flatnonzero(applies[rows] & ~met[rows])
    params[failing] = _quoted(quote, rows[failing])
    return pd.DataFrame(
        {
            "code": projects["code"].iloc[rows],
            "rule": code,
            "applies": applies[rows],
            "met": met[rows],
            "detail": detail.iloc[rows],
            "params": params,
        }
    )


def _quoted(quote: Quote, failing: np.ndarray) -> np.ndarray:
    """Write the figures quoted for these projects as JSON, once per distinct value they depend on."""
    keys, make = quote
    if keys is None:
        return np.full(len(failing), _json(make(None)), dtype=object)
    codes, distinct = pd.factorize(keys.iloc[failing], use_na_sentinel=False)
    written = np.array([_json(make(key)) for key in distinct], dtype=object)
    return written[codes]


def _json(values: dict) -> str:
    return json.dumps(values, default=str, sort_keys=True)


def _scored(projects: pd.DataFrame, checked: list[Checked]) -> pd.DataFrame:
    """Return each project with its score (met / applicable, None when no rule applies) and its broken rules."""
    table = projects[["code", "name", "portfolio", "programme", "manager"]].copy()
    applies = np.array([outcome[1] for outcome in checked]).reshape(len(checked), len(projects))
    met = np.array([outcome[2] for outcome in checked]).reshape(applies.shape)
    table["applicable"] = applies.sum(axis=0).astype(int)
    table["met"] = (applies & met).sum(axis=0).astype(int)
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


def _split(values: np.ndarray, codes: np.ndarray) -> list[np.ndarray]:
    """Return the values of each group code, in their order."""
    order = np.argsort(codes, kind="stable")
    return np.split(values[order], np.cumsum(np.bincount(codes))[:-1])


def _mean(values: np.ndarray) -> float | None:
    known = values[~np.isnan(values)]
    return None if len(known) == 0 else float(known.sum() / len(known))


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
    broken_on: dict[date, np.ndarray] = {}
    trend, now = [], None
    contexts = {day: context_on(day, period) for day in history}
    every = facts_on(con, f, list(contexts.values()))
    every["code_id"], known_codes = pd.factorize(every["code"])  # (project, rule) pairs as integers below
    on_day = {pd.Timestamp(day): rows for day, rows in every.groupby("as_of")}
    for day, c in contexts.items():
        projects = on_day.get(pd.Timestamp(day), every.iloc[0:0]).drop(columns="as_of").reset_index(drop=True)
        checked = _outcomes(projects, rules, phases, c)
        table = _scored(projects, checked)
        failing = [np.flatnonzero(applies & ~met) for _, applies, met, _, _ in checked]
        ids = projects["code_id"].to_numpy(dtype=np.int64)
        broken_on[day] = np.concatenate(
            [np.empty(0, np.int64)]
            + [_pair_keys(ids[rows], outcome[0]) for outcome, rows in zip(checked, failing, strict=True)]
        )
        trend.append(
            {
                "as_of": day,
                "score": group_score(table["score"]),
                "projects": len(table),
                "compliant": int((table["broken"] == 0).sum()),
                "breaches": sum(len(rows) for rows in failing),
            }
        )
        if day == reference:  # the rows of the broken rules, with the figures their reasons quote
            parts = [
                _rows(projects, outcome, rows)
                for outcome, rows in zip(checked, failing, strict=True)
                if len(rows)
            ]
            failed = (
                pd.concat(parts, ignore_index=True)
                if parts
                else evaluate(projects, rules, phases, c).iloc[0:0]
            )
            now = (table, failed)
    table, failed = now
    breaches = failed.merge(table[["code", "name", "manager", "portfolio", "programme"]], on="code")
    breaches["since"] = _since(
        _pair_keys(known_codes.get_indexer(breaches["code"]), breaches["rule"].to_numpy()), history, broken_on
    )
    breaches = breaches.sort_values(["since", "code", "rule"]).reset_index(drop=True)
    previous = history[1] if len(history) > 1 else None
    trend_frame = pd.DataFrame(trend[::-1], columns=_empty_trend().columns)
    return Compliance(reference, previous, table.reset_index(drop=True), breaches, trend_frame)


_RULE_IDS = {rule: number for number, rule in enumerate(CHECKS)}


def _pair_keys(code_ids: np.ndarray, rules: str | np.ndarray) -> np.ndarray:
    """Return one integer per (project, rule) pair: the project's number times the rules, plus the rule's."""
    rule_ids = (
        _RULE_IDS[rules]
        if isinstance(rules, str)
        else np.array([_RULE_IDS[r] for r in rules], dtype=np.int64)
    )
    return np.asarray(code_ids, dtype=np.int64) * len(_RULE_IDS) + rule_ids


def _since(keys: np.ndarray, history: list[date], broken_on: dict[date, np.ndarray]) -> np.ndarray:
    """Return, per (project, rule) pair broken on the newest snapshot, the first snapshot of the run of
    snapshots up to it on which the rule was broken for the project."""
    since = np.full(len(keys), history[0], dtype=object)
    running = np.ones(len(keys), dtype=bool)
    for day in history:  # newest first
        running &= np.isin(keys, broken_on[day])
        since[running] = day
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
    codes, groups = pd.factorize(table["group"], use_na_sentinel=False)
    scores_by_group = _split(pd.to_numeric(table["score"], errors="coerce").to_numpy(dtype=float), codes)
    grouped = (
        pd.DataFrame(  # built-in sums, and each mean as group_score takes it (a Python call per group
            {  # through pandas' groupby is slow at 10,000 projects; the same sum in the same order gives the same mean)
                "group": groups,
                "projects": np.bincount(codes, minlength=len(groups)),
                "score": [_mean(values) for values in scores_by_group],
                "compliant": np.bincount(
                    codes, weights=table["broken"].to_numpy() == 0, minlength=len(groups)
                ).astype(int),
                "breaches": np.bincount(
                    codes, weights=table["broken"].to_numpy(), minlength=len(groups)
                ).astype(int),
            }
        )
        .sort_values("group", na_position="last")
        .set_index("group")
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
    Thousands of broken rules say a few hundred different things: each is worded once.
    """
    b = result.breaches
    if b.empty:
        return pd.DataFrame(columns=CHASE_COLUMNS)
    reasons = pd.MultiIndex.from_arrays([b["rule"], b["detail"], b["params"]])
    codes, distinct = pd.factorize(reasons)
    words = np.array([describe(r, d, p, lang, currency) for r, d, p in distinct], dtype=object)
    frame = pd.DataFrame(
        {
            "manager": b["manager"].where(
                b["manager"].notna() & (b["manager"].astype(str).str.strip() != ""), None
            ),
            "code": b["code"],
            "project": b["name"],
            "rule": b["rule"].map({rule: rule_label(rule, lang) for rule in b["rule"].unique()}),
            "missing": words[codes],
            "since": b["since"],
            "days": (pd.Timestamp(result.reference) - pd.to_datetime(b["since"])).dt.days,
        }
    )
    frame["_nobody"] = frame["manager"].isna()
    frame = frame.sort_values(["_nobody", "manager", "since", "code"], na_position="last")
    frame = frame.drop(columns="_nobody").reset_index(drop=True)
    frame["manager"] = frame["manager"].astype(object).where(frame["manager"].notna(), None)
    return frame


def missing_by_project(chase: pd.DataFrame) -> pd.Series:
    """Return, per project code, what is missing on it in the chase list's order, joined by " · " (a Python
    join per group through pandas' groupby takes a tenth of a second over 10,000 projects)."""
    joined: dict[str, list[str]] = {}
    for code, missing in zip(chase["code"].tolist(), chase["missing"].tolist(), strict=True):
        joined.setdefault(code, []).append(missing)
    return pd.Series({code: " · ".join(joined[code]) for code in sorted(joined)}, dtype=str, name="missing")


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
