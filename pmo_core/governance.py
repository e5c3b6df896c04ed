"""The PMO's governance rules and phase gates: what every project must keep up to date, with shipped defaults.

One declared table (RULES) feeds the defaults, the validation of edited values, the Settings page and the
README, as the settings table does; a rule's state that differs from its default is stored in
`governance_rules`. The phases of a project's life are a setting too (`governance_phases`): each lists the
milestones or deliverables that pass its gate. `compliance.py` checks the rules; this module only keeps them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

import duckdb
import pandas as pd

from pmo_core import access
from pmo_core.access import Actor
from pmo_core.fields import normalize_name
from pmo_core.i18n import t


@dataclass(frozen=True)
class Rule:
    """A declared rule; its name and help are `governance.rule.<code>` and `governance.rule.<code>.help`."""

    code: str
    threshold: float | None = None  # days or an amount; None: the rule has no figure
    unit: str = ""  # "days", "money" or ""
    minimum: float = 0
    maximum: float = 0


RULES: tuple[Rule, ...] = (
    Rule("manager"),
    Rule("sponsor"),
    Rule("baseline"),
    Rule(
        "status_current"
    ),  # its period is the reporting_period_days setting, the one that turns a status Grey
    Rule("risks_reviewed", 30, "days", 1, 366),
    Rule("costs_current"),
    Rule("business_case", 500_000, "money", 0, 1e12),
    Rule("phase_gate"),
)
BY_CODE = {rule.code: rule for rule in RULES}


@dataclass(frozen=True)
class RuleState:
    """A rule as the PMO set it: checked or not, and its figure."""

    code: str
    enabled: bool
    threshold: float | None


@dataclass(frozen=True)
class Phase:
    """A phase of a project's life and the milestones its gate requires; a milestone may go by several names,
    one per language, written "Go-live / Mise en service"."""

    en: str
    fr: str
    gate: tuple[str, ...] = ()

    def label(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en

    def names(self) -> set[str]:
        return {normalize_name(self.en), normalize_name(self.fr)}


DEFAULT_PHASES: tuple[Phase, ...] = (
    Phase("Initiation", "Cadrage", ("Kick-off / Lancement",)),
    Phase("Design", "Conception", ("Design sign-off / Validation de la conception",)),
    Phase("Build", "Réalisation", ("Build complete / Fin de réalisation",)),
    Phase("Deployment", "Déploiement", ("Go-live / Mise en service",)),
    Phase("Closure", "Clôture", ("Closure / Clôture",)),
)


class GovernanceRefused(ValueError):
    """A value a rule or a phase cannot take; the reader's words are `governance.refused.<code>`."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params

    def message(self, lang: str) -> str:
        return t(f"governance.refused.{self.code}", lang, **self.params)


def rule_states(con: duckdb.DuckDBPyConnection) -> dict[str, RuleState]:
    """Return every declared rule as stored, or with its default."""
    stored = {
        row[0]: row[1:]
        for row in con.execute("SELECT rule, enabled, threshold FROM governance_rules").fetchall()
    }
    states = {}
    for rule in RULES:
        enabled, threshold = stored.get(rule.code, (True, rule.threshold))
        states[rule.code] = RuleState(rule.code, bool(enabled), threshold if rule.unit else None)
    return states


def check_rule(code: str, enabled: object, threshold: object) -> RuleState:
    """Return a rule's state from edited values, or raise GovernanceRefused with the reason."""
    rule = BY_CODE.get(code)
    if rule is None:
        raise GovernanceRefused("unknown_rule", rule=code)
    if not rule.unit:
        return RuleState(code, bool(enabled), None)
    try:
        text = str(threshold).replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", ".")
        value = float(text)
    except ValueError:
        raise GovernanceRefused("number", rule=t(f"governance.rule.{code}", "en")) from None
    if not rule.minimum <= value <= rule.maximum:
        raise GovernanceRefused("range", low=f"{rule.minimum:g}", high=f"{rule.maximum:g}")
    return RuleState(code, bool(enabled), value)


def save_rules(con: duckdb.DuckDBPyConnection, states: Iterable[RuleState], actor: Actor) -> int:
    """Store the rules that changed, as one audited change; return how many changed."""
    current = rule_states(con)
    changed = [s for s in states if s != current[s.code]]
    if not changed:
        return 0
    detail = {
        "before": {s.code: _describe(current[s.code]) for s in changed},
        "after": {s.code: _describe(s) for s in changed},
    }
    with access.change(
        con, actor, "settings", "governance_rules", ", ".join(s.code for s in changed), detail
    ):
        for state in changed:
            con.execute(
                """INSERT OR REPLACE INTO governance_rules (rule, enabled, threshold, updated_at, updated_by)
                   VALUES ($r, $e, $t, $at, $by)""",
                {
                    "r": state.code,
                    "e": state.enabled,
                    "t": state.threshold,
                    "at": datetime.now(),
                    "by": actor.name,
                },
            )
    return len(changed)


def _describe(state: RuleState) -> str:
    return ("on" if state.enabled else "off") + ("" if state.threshold is None else f" {state.threshold:g}")


def rules_table(con: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """Return the rules with their state, figure, unit and help, for the Settings page."""
    states = rule_states(con)
    return pd.DataFrame(
        [
            {
                "code": rule.code,
                "enabled": states[rule.code].enabled,
                "rule": t(f"governance.rule.{rule.code}", lang),
                "threshold": states[rule.code].threshold,
                "unit": t(f"governance.unit.{rule.unit}", lang) if rule.unit else "",
                "help": t(f"governance.rule.{rule.code}.help", lang),
            }
            for rule in RULES
        ]
    )


def phases(con: duckdb.DuckDBPyConnection) -> tuple[Phase, ...]:
    """Return the phases in order, as the PMO saved them, else the shipped ones."""
    rows = con.execute("SELECT name_en, name_fr, gate FROM governance_phases ORDER BY position").fetchall()
    return tuple(Phase(en, fr, tuple(gate)) for en, fr, gate in rows) or DEFAULT_PHASES


def read_gate(text: object) -> tuple[str, ...]:
    """Read a gate's milestones as written in one cell: "Kick-off / Lancement; Design sign-off" (or one a line)."""
    if text is None or (isinstance(text, float) and pd.isna(text)):
        return ()
    if isinstance(text, list | tuple):
        return tuple(str(item).strip() for item in text if str(item).strip())
    parts = str(text).replace("\n", ";").split(";")
    return tuple(dict.fromkeys(part.strip() for part in parts if part.strip()))


def check_phases(rows: Iterable[tuple[object, object, object]]) -> tuple[Phase, ...]:
    """Return phases from edited rows (English name, French name, gate text); blank rows are dropped.

    A name given in one language only stands for both; two phases may not share a name.
    """
    found: list[Phase] = []
    seen: set[str] = set()
    for en, fr, gate in rows:
        en_text, fr_text = _text(en), _text(fr)
        if not en_text and not fr_text:
            continue
        phase = Phase(en_text or fr_text, fr_text or en_text, read_gate(gate))
        if phase.names() & seen:
            raise GovernanceRefused("phase_twice", phase=phase.en)
        seen |= phase.names()
        found.append(phase)
    if not found:
        raise GovernanceRefused("no_phase")
    return tuple(found)


def _text(value: object) -> str:
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return ""
    return " ".join(str(value).split())


def save_phases(con: duckdb.DuckDBPyConnection, new: tuple[Phase, ...], actor: Actor) -> bool:
    """Replace the phases and their gates, as one audited change; False when nothing changed."""
    before = phases(con)
    if tuple(new) == before:
        return False
    detail = {"before": [_phase_text(p) for p in before], "after": [_phase_text(p) for p in new]}
    with access.change(con, actor, "settings", "governance_phases", f"{len(new)}", detail):
        con.execute("DELETE FROM governance_phases")
        for position, phase in enumerate(new, start=1):
            con.execute(
                """INSERT INTO governance_phases (position, name_en, name_fr, gate, updated_at, updated_by)
                   VALUES ($p, $en, $fr, $gate, $at, $by)""",
                {
                    "p": position,
                    "en": phase.en,
                    "fr": phase.fr,
                    "gate": list(phase.gate),
                    "at": datetime.now(),
                    "by": actor.name,
                },
            )
    return True


def _phase_text(phase: Phase) -> str:
    return f"{phase.en} / {phase.fr}: {'; '.join(phase.gate)}"


def phases_table(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return the phases as the Settings page edits them: one row each, the gate's milestones in one cell."""
    return pd.DataFrame(
        [{"en": p.en, "fr": p.fr, "gate": "; ".join(p.gate)} for p in phases(con)],
        columns=["en", "fr", "gate"],
    )


def phase_index(phase: str | None, known: tuple[Phase, ...]) -> int | None:
    """Return where a project's phase stands among the PMO's phases (0 = first), or None when it is not one."""
    if phase is None or not str(phase).strip():
        return None
    name = normalize_name(phase)
    return next((i for i, p in enumerate(known) if name in p.names()), None)


def version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Identify the rules, phases and glossary as stored, so cached compliance refreshes when the PMO edits them."""
    return con.execute(
        """SELECT (SELECT max(updated_at) FROM governance_rules), (SELECT max(updated_at) FROM governance_phases),
                  (SELECT count(*) FROM governance_phases), (SELECT max(updated_at) FROM glossary)"""
    ).fetchone()
