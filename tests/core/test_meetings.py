"""Committees, decisions and actions: stored through the access layer, audited, never losing a decision."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pytest
from openpyxl import load_workbook

from pmo_core import audit, meetings
from pmo_core.access import AccessDenied
from tests.actors import PMO, VIEWER, manager

OCT, SEP = date(2026, 10, 31), date(2026, 9, 30)


def test_a_committee_follows_the_latest_earlier_one_and_changes_start_at_its_snapshot(demo_con):
    first = meetings.create_committee(demo_con, PMO, "COPIL September", date(2026, 10, 6), SEP, follows=None)
    second = meetings.create_committee(demo_con, PMO, "  COPIL   October ", date(2026, 11, 5), OCT)
    found = meetings.get_committee(demo_con, second)
    assert found.name == "COPIL October"  # a name reads on one line
    assert (found.follows, found.since, found.snapshot) == (first, SEP, OCT)
    assert meetings.latest_committee(demo_con).committee_id == second
    listed = meetings.list_committees(demo_con)
    assert listed["name"].tolist() == ["COPIL October", "COPIL September"]
    entries = audit.entries(demo_con, audit.AuditFilter((), ("committee.create",), None, None))
    assert len(entries) == 2 and set(entries["user_name"]) == {"test"}


def test_a_committee_reviews_a_snapshot_of_the_store_and_follows_an_earlier_meeting(demo_con):
    with pytest.raises(meetings.CommitteeRefused) as refused:
        meetings.create_committee(demo_con, PMO, "COPIL", date(2026, 11, 5), date(2026, 10, 15))
    assert "2026-10-15" in refused.value.message("fr")  # the date the command line or the form gave
    later = meetings.create_committee(demo_con, PMO, "COPIL December", date(2026, 12, 5), OCT)
    with pytest.raises(meetings.CommitteeRefused, match="takes place after it"):
        meetings.create_committee(demo_con, PMO, "COPIL", date(2026, 11, 5), OCT, follows=later)
    with pytest.raises(meetings.CommitteeRefused):
        meetings.create_committee(demo_con, PMO, "   ", date(2026, 11, 5), OCT)
    assert len(meetings.list_committees(demo_con)) == 1


@pytest.mark.parametrize("actor", [VIEWER, manager("P001")])
def test_only_the_pmo_records_meetings_decisions_and_actions_and_refusals_are_audited(demo_con, actor):
    with pytest.raises(AccessDenied):
        meetings.create_committee(demo_con, actor, "COPIL", date(2026, 11, 5), OCT)
    with pytest.raises(AccessDenied):
        meetings.record_decision(demo_con, actor, "Budget", "Approved", decided_on=OCT)
    with pytest.raises(AccessDenied):
        meetings.add_action(demo_con, actor, "Rebaseline", "Alice", OCT)
    assert meetings.list_committees(demo_con).empty and meetings.decision_log(demo_con).empty
    refused = audit.entries(demo_con, audit.AuditFilter((), (), None, None))
    assert (refused["outcome"] == "refused").sum() == 3


def test_a_correction_supersedes_a_decision_which_stays_in_the_log(demo_con):
    c = meetings.create_committee(demo_con, PMO, "COPIL", date(2026, 11, 5), OCT)
    question = meetings.record_decision(
        demo_con,
        PMO,
        "CRM budget",
        "Fund the overrun?",
        decided_on=date(2026, 11, 5),
        committee_id=c,
        state="to_take",
    )
    assert meetings.decisions_to_take(demo_con)["decision_id"].tolist() == [question]
    answer = meetings.record_decision(
        demo_con,
        PMO,
        "CRM budget",
        "Overrun funded up to 250 k€",
        decided_on=date(2026, 11, 5),
        supersedes=question,
    )
    fix = meetings.record_decision(
        demo_con,
        PMO,
        "CRM budget",
        "Overrun funded up to 200 k€",
        decided_on=date(2026, 11, 6),
        supersedes=answer,
    )
    log = meetings.decision_log(demo_con).set_index("decision_id")
    assert len(log) == 3  # nothing deleted
    assert log.loc[question, "superseded_by"] == answer and log.loc[answer, "superseded_by"] == fix
    assert log["live"].tolist() == [True, False, False] and log.index[0] == fix
    assert meetings.decisions_to_take(demo_con).empty  # the question is answered
    with pytest.raises(meetings.CommitteeRefused, match=f"correct no. {fix}"):
        meetings.record_decision(demo_con, PMO, "CRM budget", "Again", decided_on=OCT, supersedes=answer)
    assert demo_con.execute("SELECT count(*) FROM decisions").fetchone()[0] == 3


def test_actions_are_followed_up_and_overdue_ones_come_first(demo_con):
    d = meetings.record_decision(demo_con, PMO, "ERP", "Rebaseline", decided_on=OCT)
    late = meetings.add_action(demo_con, PMO, "New plan", "Alice", date(2026, 11, 1), decision_id=d)
    soon = meetings.add_action(demo_con, PMO, "Tell suppliers", "Bob", date(2026, 12, 1), project_code="P001")
    done = meetings.add_action(demo_con, PMO, "Freeze scope", "Carol", date(2026, 10, 1))
    meetings.update_action(demo_con, PMO, done, status="done", note="Frozen on 30/09")
    found = meetings.action_list(demo_con, date(2026, 11, 10))
    assert found["action_id"].tolist() == [late, soon, done]
    assert found["overdue"].tolist() == [True, False, False]  # done is never overdue
    assert found.loc[0, "decision"] == "ERP"
    assert meetings.action_list(demo_con, date(2026, 11, 10), open_only=True)["action_id"].tolist() == [
        late,
        soon,
    ]
    meetings.update_action(demo_con, PMO, late, due_date=date(2026, 11, 30), owner="Alice Martin")
    entry = audit.entries(demo_con, audit.AuditFilter((), ("action.update",), None, None)).iloc[0]
    assert '"from": "2026-11-01"' in entry["detail"] and '"to": "2026-11-30"' in entry["detail"]
    with pytest.raises(meetings.CommitteeRefused):
        meetings.update_action(demo_con, PMO, late, status="forgotten")
    with pytest.raises(meetings.CommitteeRefused):
        meetings.add_action(demo_con, PMO, "Orphan", "Dan", OCT, decision_id=999)


def test_the_log_in_excel_neutralises_formulas_and_speaks_french(demo_con):
    c = meetings.create_committee(demo_con, PMO, '=HYPERLINK("http://x")', date(2026, 11, 5), OCT)
    d = meetings.record_decision(demo_con, PMO, "+cmd", "@SUM(A1)", decided_on=OCT, committee_id=c)
    meetings.add_action(demo_con, PMO, "-2+3", "=owner", date(2026, 11, 1), decision_id=d)
    book = load_workbook(BytesIO(meetings.log_workbook(demo_con, "fr", date(2026, 11, 10))))
    assert book.sheetnames == ["Réunions", "Décisions", "Actions"]
    cells = [cell.value for sheet in book for row in sheet.iter_rows() for cell in row if cell.value]
    typed = [v for v in cells if isinstance(v, str) and v.lstrip("'")[:1] in "=+-@"]
    assert typed and all(v.startswith("'") for v in typed)
    assert all(cell.data_type != "f" for sheet in book for row in sheet.iter_rows() for cell in row)
    assert "⚠ en retard" in cells and "Décision prise" in cells
