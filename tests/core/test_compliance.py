"""Compliance with the PMO's rules, checked against the portfolio of governance_store worked out by hand."""

from __future__ import annotations

import io
import json
from datetime import date

import openpyxl
import pandas as pd
import pytest

from pmo_core import audit, compliance, governance
from pmo_core.access import AccessDenied
from pmo_core.audit import AuditFilter
from pmo_core.filters import Filters
from pmo_core.governance import GovernanceRefused, Phase, RuleState
from tests.actors import PMO, VIEWER
from tests.core import governance_store
from tests.core.governance_store import AUG, SEP


@pytest.fixture
def governed(con):
    governance_store.load(con)
    return con


def _scores(result: compliance.Compliance) -> dict[str, tuple[int, int]]:
    return {row["code"]: (row["met"], row["applicable"]) for row in result.projects.to_dict("records")}


def _broken(result: compliance.Compliance) -> dict[tuple[str, str], date]:
    return {(b["code"], b["rule"]): b["since"] for b in result.breaches.to_dict("records")}


def test_each_project_scores_the_rules_it_meets_among_those_that_apply(governed):
    result = compliance.compliance(governed)
    assert result.reference == SEP and result.previous == AUG
    # A1 meets all 8; B2 3 of 7 (no business case needed under 500 k); C3 4 of 8; D4 5 of 5 (no gate before its
    # first phase, no actual cost due before it starts)
    assert _scores(result) == {"A1": (8, 8), "B2": (3, 7), "C3": (4, 8), "D4": (5, 5)}
    assert result.score == pytest.approx((1 + 3 / 7 + 4 / 8 + 1) / 4)


def test_broken_rules_are_dated_from_the_first_snapshot_of_their_run(governed):
    result = compliance.compliance(governed)
    assert _broken(result) == {
        ("B2", "sponsor"): AUG,
        ("B2", "baseline"): AUG,
        ("B2", "status_current"): SEP,  # 21 days old in August, 51 in September
        ("B2", "costs_current"): SEP,
        ("C3", "manager"): AUG,
        ("C3", "risks_reviewed"): AUG,
        ("C3", "business_case"): AUG,
        ("C3", "phase_gate"): SEP,  # in Conception in August: only the kick-off was due
    }
    # A1's register, 47 days old in August, was reviewed in September: it no longer shows
    assert ("A1", "risks_reviewed") not in _broken(result)


def test_the_trend_checks_each_snapshot_on_its_own_date(governed):
    trend = compliance.compliance(governed).trend
    assert list(trend["as_of"]) == [AUG, SEP]
    assert trend["score"].tolist() == pytest.approx(
        [(7 / 8 + 5 / 7 + 5 / 8) / 3, (1 + 3 / 7 + 4 / 8 + 1) / 4]
    )
    assert trend["breaches"].tolist() == [6, 8]
    assert trend["compliant"].tolist() == [0, 2]


def test_an_earlier_snapshot_is_read_as_it_was(governed):
    august = compliance.compliance(governed, Filters(as_of=AUG))
    assert _scores(august) == {"A1": (7, 8), "B2": (5, 7), "C3": (5, 8)}
    assert august.previous is None
    assert _broken(august)[("A1", "risks_reviewed")] == AUG


def test_roll_ups_are_the_mean_of_their_projects(governed):
    result = compliance.compliance(governed)
    managers = compliance.roll_up(result, "manager").set_index("group")
    assert managers.loc["Ann", "score"] == 1.0 and managers.loc["Ann", "projects"] == 2
    assert managers.loc["Bob", "score"] == pytest.approx(3 / 7)
    nobody = managers[managers.index.isna()]
    assert nobody["score"].item() == 0.5  # C3 names no manager: its own group
    programmes = compliance.roll_up(result, "programme").set_index("group")
    assert programmes.loc["Plants", "score"] == pytest.approx((1 + 3 / 7) / 2)
    assert programmes.loc["Plants", "breaches"] == 4
    portfolios = compliance.roll_up(result, "portfolio")
    assert portfolios["score"].item() == pytest.approx(result.score)


def test_filters_narrow_the_projects_checked(governed):
    result = compliance.compliance(governed, Filters(managers=("Bob",)))
    assert list(result.projects["code"]) == ["B2"]
    assert result.score == pytest.approx(3 / 7)


def test_what_is_missing_is_said_in_either_language(governed):
    result = compliance.compliance(governed)
    rows = result.breaches.set_index(["code", "rule"])
    stale = rows.loc[("B2", "status_current")]
    assert compliance.describe("status_current", stale["detail"], stale["params"], "en") == (
        "Status last updated on 10 Aug 2026 (more than 35 days ago)"
    )
    assert compliance.describe("status_current", stale["detail"], stale["params"], "fr") == (
        "Météo mise à jour le 10/08/2026 (il y a plus de 35\u00a0jours)".replace("\u00a0", " ")
    )
    gate = rows.loc[("C3", "phase_gate")]
    assert compliance.describe("phase_gate", gate["detail"], gate["params"], "en") == (
        "Design gate not passed: Design sign-off / Validation de la conception not achieved"
    )
    case = rows.loc[("C3", "business_case")]
    assert compliance.describe("business_case", case["detail"], case["params"], "en") == (
        "No business case for a budget of €900,000 (required from €500,000)"
    )
    costs = rows.loc[("B2", "costs_current")]
    assert (
        compliance.describe("costs_current", costs["detail"], costs["params"], "fr")
        == "Pas de consommé pour sept. 2026"
    )


def test_rules_are_switched_off_and_their_figures_changed_through_an_audited_change(governed):
    changed = governance.save_rules(
        governed,
        [
            RuleState("phase_gate", False, None),
            governance.check_rule("business_case", True, "1 000 000"),  # as French writes it
        ],
        PMO,
    )
    assert changed == 2
    result = compliance.compliance(governed)
    # C3: no gate checked and 900 k is under the new threshold: 6 rules apply, manager and risks broken
    assert _scores(result)["C3"] == (4, 6)
    assert _scores(result)["A1"] == (6, 6)
    entry = audit.entries(governed, AuditFilter(actions=("governance_rules",))).iloc[0]
    assert entry["user_name"] == PMO.name and "1e+06" in entry["detail"] and "phase_gate" in entry["target"]
    assert governance.save_rules(governed, [RuleState("phase_gate", False, None)], PMO) == 0  # nothing new


def test_a_viewer_may_not_change_the_rules_and_the_refusal_is_recorded(governed):
    with pytest.raises(AccessDenied):
        governance.save_rules(governed, [RuleState("sponsor", False, None)], VIEWER)
    assert governance.rule_states(governed)["sponsor"].enabled
    refused = audit.entries(governed, AuditFilter(refused_only=True))
    assert refused["action"].tolist() == ["governance_rules"]


@pytest.mark.parametrize(
    ("code", "threshold", "reason"),
    [("risks_reviewed", "abc", "number"), ("risks_reviewed", "0", "range"), ("nothing", 1, "unknown_rule")],
)
def test_a_rule_refuses_a_figure_it_cannot_take(code, threshold, reason):
    with pytest.raises(GovernanceRefused) as refused:
        governance.check_rule(code, True, threshold)
    assert refused.value.code == reason
    assert refused.value.message("fr")


def test_the_phases_and_their_gates_are_a_setting(governed):
    phases = governance.check_phases(
        [
            ("Idea", "Idée", ""),
            ("Delivery", "", "Business case approved / Dossier validé; Kick-off"),
            (None, None, None),  # a blank row of the editor
        ]
    )
    assert phases == (
        Phase("Idea", "Idée", ()),
        Phase("Delivery", "Delivery", ("Business case approved / Dossier validé", "Kick-off")),
    )
    assert governance.save_phases(governed, phases, PMO)
    assert governance.phases(governed) == phases
    # Every phase of the fixture is now unknown to the PMO's list
    result = compliance.compliance(governed)
    assert {rule for (_, rule) in _broken(result)} >= {"phase_gate"}
    gate = result.breaches.set_index(["code", "rule"]).loc[("A1", "phase_gate")]
    assert compliance.describe("phase_gate", gate["detail"], gate["params"], "en") == (
        "Phase « Réalisation » is not one of the PMO's phases".replace("« ", "“").replace(" »", "”")
    )
    assert audit.entries(governed, AuditFilter(actions=("governance_phases",))).shape[0] == 1
    with pytest.raises(GovernanceRefused, match="phase_twice"):
        governance.check_phases([("Build", "Réalisation", ""), ("Réalisation", "Build", "")])
    with pytest.raises(GovernanceRefused, match="no_phase"):
        governance.check_phases([(None, "", None)])


def test_a_gate_milestone_is_met_under_either_of_its_names(governed):
    # B2 writes its kick-off in French ("Lancement"): the shipped gate accepts either name
    result = compliance.compliance(governed)
    assert ("B2", "phase_gate") not in _broken(result)


def test_whom_to_chase_groups_by_manager_oldest_gap_first(governed):
    result = compliance.compliance(governed)
    chase = compliance.chase_list(result, "en")
    assert chase["manager"].tolist()[:4] == ["Bob"] * 4
    assert chase["manager"].tolist()[4:] == [None] * 4  # no manager named: listed last
    bob = chase[chase["manager"] == "Bob"]
    assert bob["since"].tolist() == [AUG, AUG, SEP, SEP]
    assert bob["days"].tolist() == [30, 30, 0, 0]
    email = compliance.chase_email(chase, "Bob", result.reference, "en")
    assert email.splitlines()[0] == "Subject: PMO reporting of 30 Sep 2026: information missing"
    assert "Hello Bob," in email
    assert "- B2 Beta: No sponsor named, since 31 Aug 2026" in email
    assert "on your project:" in email  # one project: the singular
    nobody = compliance.chase_email(compliance.chase_list(result, "fr"), None, result.reference, "fr")
    assert "Bonjour (aucun chef de projet désigné)," in nobody
    assert "- C3 Gamma : Aucun chef de projet désigné, depuis le 31/08/2026" in nobody.replace("\u00a0", " ")


def test_what_is_missing_on_each_project_reads_in_the_chase_lists_order(governed):
    chase = compliance.chase_list(compliance.compliance(governed), "en")
    joined = compliance.missing_by_project(chase)
    assert sorted(joined.index) == sorted(set(chase["code"]))
    for code, rows in chase.groupby("code"):
        assert joined[code] == " · ".join(rows["missing"])  # each item once, in the list's order
    assert compliance.missing_by_project(chase.iloc[0:0]).empty


def test_the_chase_list_exports_to_excel_with_formulas_neutralised(governed):
    result = compliance.compliance(governed)
    chase = compliance.chase_list(result, "fr")
    chase.loc[0, "project"] = '=HYPERLINK("http://evil.example","x")'
    book = openpyxl.load_workbook(io.BytesIO(compliance.chase_xlsx(chase, "fr")))
    sheet = book["Qui relancer"]
    headers = [cell.value for cell in sheet[1]]
    assert headers == ["Chef de projet", "Code", "Projet", "Règle", "Ce qui manque", "Depuis", "Jours"]
    assert sheet["C2"].value.startswith("'=") and sheet["C2"].data_type == "s"
    assert sheet["A6"].value == "(aucun chef de projet désigné)"
    assert sheet["F2"].is_date


def test_the_command_line_json_holds_each_projects_score_and_broken_rules(governed, db_path, capsys):
    from pmo_core.cli import main

    governed.close()
    assert main(["--db", str(db_path), "compliance", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["as_of"] == "2026-09-30"
    assert found["score"] == pytest.approx((1 + 3 / 7 + 4 / 8 + 1) / 4, abs=1e-4)
    beta = next(p for p in found["projects"] if p["code"] == "B2")
    assert (beta["score"], beta["rules_applicable"], beta["rules_met"]) == (
        pytest.approx(3 / 7, abs=1e-4),
        7,
        3,
    )
    assert [(b["rule"], b["since"]) for b in beta["broken"]] == [
        ("baseline", "2026-08-31"),
        ("sponsor", "2026-08-31"),
        ("costs_current", "2026-09-30"),
        ("status_current", "2026-09-30"),
    ]
    assert main(["--db", str(db_path), "--lang", "fr", "compliance", "--as-of", "2026-08-31"]) == 0
    text = capsys.readouterr().out
    assert (
        text.splitlines()[0].replace("\u00a0", " ").replace("\u202f", " ")
        == "Conformité au 31/08/2026 : 74 % (3 projets)"
    )


def test_an_empty_store_has_no_compliance_to_show(con, db_path, capsys):
    result = compliance.compliance(con)
    assert result.reference is None and result.projects.empty and result.score is None
    assert compliance.as_json(result) == {"as_of": None, "score": None, "projects": []}


def test_the_demo_carries_gaps_a_pmo_meets(demo_db):
    from pmo_core import store

    con = store.connect(demo_db)
    result = compliance.compliance(con)
    rules = set(result.breaches["rule"])
    assert {"sponsor", "baseline", "status_current", "risks_reviewed", "costs_current", "phase_gate"} <= rules
    broken = (result.projects["broken"] > 0).sum()
    assert 5 <= broken <= len(result.projects) // 4  # realistic: a few projects, not the whole portfolio
    assert (result.breaches["since"] < result.reference).any()  # some gaps are months old
    assert result.trend["score"].is_monotonic_decreasing  # the gaps pile up over the four months
    assert pd.Series(result.breaches["manager"]).nunique() >= 5
