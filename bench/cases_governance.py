"""Governance page benchmark cases: the facts the rules read on one snapshot, the rules checked on them, and
the compliance across every snapshot (since when, trend) the page caches."""

from __future__ import annotations

from pmo_core import compliance, governance, settings

PAGE = "pages/governance.py"


def cases(con, filters) -> dict:
    """Return one zero-argument callable per step of the Governance page."""
    result = compliance.compliance(con, filters)
    context = compliance.context_on(result.reference, settings.get(con, "reporting_period_days"))
    facts = compliance.facts(con, filters, context)
    rules, phases = governance.rule_states(con), governance.phases(con)
    return {
        "facts the rules read (one snapshot)": lambda: compliance.facts(con, filters, context),
        "rules checked on them (pandas)": lambda: compliance.evaluate(facts, rules, phases, context),
        "compliance, every snapshot": lambda: compliance.compliance(con, filters),
        "whom to chase (words)": lambda: compliance.chase_list(result, "fr"),
        "roll-up by manager": lambda: compliance.roll_up(result, "manager"),
    }
