"""Roles and the audit trail: every write checks the actor's right in pmo_core and records who did what."""

from __future__ import annotations

import re
from datetime import date
from io import BytesIO
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pmo_core import access, audit, priorities, profiles, risks, scenarios, settings, snapshots
from pmo_core.access import AccessDenied, Actor
from pmo_core.importer import plan_from_frames
from pmo_core.mapping import Profile
from tests.actors import ADMIN, PMO, VIEWER, manager
from tests.frames import projects, two_projects

JAN, FEB = date(2026, 1, 31), date(2026, 2, 28)
ROOT = Path(__file__).resolve().parents[2]


def plan(con, frames=None, scope="partial", as_of=JAN):
    return plan_from_frames(con, frames or two_projects(), scope=scope, as_of=as_of)


def trail(con) -> pd.DataFrame:
    return audit.entries(con).sort_values("entry_id").reset_index(drop=True)


def test_roles_add_up_from_viewer_to_admin():
    assert [role for role in access.ROLES if Actor("x", role).can("import")] == ["manager", "pmo", "admin"]
    assert [role for role in access.ROLES if Actor("x", role).can("rollback")] == ["pmo", "admin"]
    assert [role for role in access.ROLES if Actor("x", role).can("users")] == ["admin"]
    assert all(Actor("x", role).can("read") for role in access.ROLES)
    assert not Actor("x", "no such role").can("read")


# Each write of pmo_core, as a viewer would try it: (action recorded, the call).
WRITES = {
    "import": lambda con, who: snapshots.apply_plan(con, plan(con), who),
    "settings": lambda con, who: settings.put(con, "currency", "USD", who),
    "risk_bands": lambda con, who: risks.set_band(con, 1, 1, "high", who),
    "scoring_model.save": lambda con, who: priorities.save_model(
        con,
        priorities.ScoringModel(
            None, "Mine", "weighted", (priorities.Criterion("urgency", 1, "higher", 1, 5),)
        ),
        who,
    ),
    "rank_override": lambda con, who: priorities.override_rank(con, 1, "P1", 1, "Board", who),
    "mapping_profile.save": lambda con, who: profiles.save_profile(
        con, Profile("Mine", "sig", "projects", {"Code": "code"}, {}, None), who
    ),
    "scenario.plan_of_record": lambda con, who: scenarios.mark_plan_of_record(con, 1, who),
}


@pytest.mark.parametrize("action", WRITES)
def test_a_viewer_is_refused_every_write_nothing_changes_and_the_attempt_is_recorded(con, action):
    before = {
        t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
        for t in ("batches", "settings", "scoring_models", "rank_overrides", "mapping_profiles")
    }
    bands = risks.band_table(con)
    with pytest.raises(AccessDenied) as refused:
        WRITES[action](con, VIEWER)
    assert "Nothing was changed" in refused.value.message("en")
    assert "Lecteur" in refused.value.message("fr")
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
    pd.testing.assert_frame_equal(risks.band_table(con), bands)
    entry = trail(con).iloc[-1]
    assert (entry.user_name, entry.role, entry.action, entry.outcome) == (
        "test-viewer",
        "viewer",
        action,
        "refused",
    )


@pytest.mark.parametrize("action", [a for a in WRITES if a != "scenario.plan_of_record"])
def test_every_write_records_who_when_from_where_and_what(con, action):
    WRITES[action](con, PMO)
    entry = trail(con).iloc[-1]
    assert (entry.user_name, entry.role, entry.origin, entry.action, entry.outcome) == (
        "test",
        "pmo",
        "test",
        action,
        "done",
    )
    assert entry.happened_at.date() == date.today()


def test_an_import_is_recorded_under_the_person_who_made_it(con):
    batch = snapshots.apply_plan(con, plan(con), Actor("alice@example.com", "pmo", origin="10.0.0.7"))
    assert snapshots.history(con).loc[0, "user_name"] == "alice@example.com"
    entry = trail(con).iloc[-1]
    assert (entry.origin, entry.target) == ("10.0.0.7", "frames")
    assert f'"batch": {batch}' in entry.detail and '"added": 2' in entry.detail
    snapshots.rollback(con, batch, Actor("bob", "pmo", origin="10.0.0.8"))
    assert snapshots.history(con).loc[0, "rolled_back_by"] == "bob"
    assert trail(con).iloc[-1].action == "rollback"


def test_settings_record_the_value_they_replace(con):
    settings.put(con, "reporting_period_days", "40", PMO)
    assert '"before": "35"' in trail(con).iloc[-1].detail and '"after": "40"' in trail(con).iloc[-1].detail


def test_a_project_manager_imports_only_the_projects_they_manage(con):
    snapshots.apply_plan(con, plan(con), PMO)
    only_p1 = manager("P1")
    update = {
        "projects": projects({"code": "P1", "name": "Alpha renamed"}, {"code": "P2", "name": "Beta renamed"})
    }
    with pytest.raises(AccessDenied) as refused:
        snapshots.apply_plan(con, plan(con, update, as_of=FEB), only_p1)
    assert refused.value.code == "projects" and "P2" in refused.value.message("en")
    assert "P1" not in refused.value.params["projects"]
    assert len(snapshots.history(con)) == 1  # nothing stored
    # Their own project alone goes in, under their name.
    snapshots.apply_plan(
        con, plan(con, {"projects": projects({"code": "P1", "name": "Alpha renamed"})}, as_of=FEB), only_p1
    )
    assert snapshots.history(con).loc[0, "user_name"] == "test-manager"
    # A full import would remove the others' projects: refused whatever it holds.
    with pytest.raises(AccessDenied) as refused:
        snapshots.apply_plan(con, plan(con, two_projects(), scope="full", as_of=FEB), manager("P1", "P2"))
    assert refused.value.code == "full_scope"
    # And a project manager may not roll back, even their own import.
    with pytest.raises(AccessDenied):
        snapshots.rollback(con, 2, only_p1)


def test_the_import_page_can_tell_before_confirming(con):
    assert access.import_refusal(manager("P1", "P2"), plan(con)) is None
    assert access.import_refusal(manager("P1"), plan(con)).params["projects"] == "P2"
    assert access.import_refusal(VIEWER, plan(con)).code == "role"
    assert access.import_refusal(PMO, plan(con, scope="full")) is None


def test_the_trail_is_filtered_and_exported_with_formulas_neutralised(con):
    settings.put(con, "currency", "USD", PMO)
    settings.put(con, "reporting_period_days", "40", ADMIN)
    with pytest.raises(AccessDenied):
        settings.put(con, "currency", "GBP", Actor('=HYPERLINK("http://x")', "viewer"))
    assert list(audit.entries(con, audit.AuditFilter(users=("test-admin",)))["target"]) == [
        "reporting_period_days"
    ]
    assert len(audit.entries(con, audit.AuditFilter(refused_only=True))) == 1
    assert list(audit.entries(con, audit.AuditFilter(text="CURRENCY"))["outcome"]) == ["refused", "done"]
    assert audit.entries(con, audit.AuditFilter(since=date(2000, 1, 1), until=date(2000, 1, 2))).empty
    sheet = openpyxl.load_workbook(BytesIO(audit.export_xlsx(audit.entries(con), "fr"))).active
    assert sheet["C1"].value == "Qui"
    names = [sheet.cell(row, 3).value for row in range(2, sheet.max_row + 1)]
    assert '\'=HYPERLINK("http://x")' in names  # kept as text, never run as a formula
    assert b"'=HYPERLINK" in audit.export_csv(audit.entries(con))


def test_the_trail_shows_an_entry_edited_or_removed_behind_the_apps_back(con):
    for days in ("36", "37", "38"):
        settings.put(con, "reporting_period_days", days, PMO)
    assert audit.verify(con) == []
    first, second = trail(con)["entry_id"].tolist()[:2]
    con.execute("UPDATE audit_log SET user_name = 'someone else' WHERE entry_id = $e", {"e": second})
    assert audit.verify(con) == [second]
    con.execute("DELETE FROM audit_log WHERE entry_id = $e", {"e": first})
    assert first + 1 in audit.verify(con)  # the entry after a removed one no longer follows on


def test_a_change_that_fails_leaves_no_entry(con):
    with pytest.raises(ValueError), access.change(con, PMO, "settings", "settings", "x"):
        raise ValueError("the change failed")
    assert trail(con).empty


def test_no_code_rewrites_the_audit_trail_and_every_writing_module_goes_through_access():
    for path in (ROOT / "pmo_core").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(UPDATE|DELETE FROM)\s+audit_log", text), path
        writes = re.search(r"\b(INSERT (OR REPLACE )?INTO|UPDATE \w+ SET|DELETE FROM)\b", text)
        if writes and path.stem not in ("store", "audit", "accounts", "access"):
            assert "access.change(" in text, f"{path.name} writes without access.change"


def test_hidden_costs_are_blank_for_one_session_only(demo_con):
    viewer_session, pmo_session = demo_con.cursor(), demo_con.cursor()
    access.hide_costs(viewer_session, True)
    hidden = snapshots.state_frames(viewer_session)
    shown = snapshots.state_frames(pmo_session)
    assert hidden["projects"]["budget"].isna().all() and shown["projects"]["budget"].notna().any()
    assert hidden["costs"][["planned", "actual", "forecast"]].isna().all().all()
    assert hidden["risks"]["cost_impact"].isna().all() and hidden["business_case"]["benefit"].isna().all()
    assert hidden["projects"]["name"].equals(shown["projects"]["name"])  # everything else reads as before
    assert viewer_session.execute("SELECT sum(actual) FROM cost_lines").fetchone()[0] is None  # views too
    # The live state's copies with their spans, which most queries read, carry no amount either.
    for table, column in (
        ("project_state", "budget"),
        ("risk_state", "cost_impact"),
        ("cost_state", "actual"),
    ):
        hidden_count, shown_count = (
            session.execute(f"SELECT count({column}) FROM {table}").fetchone()[0]  # noqa: S608 - fixed names
            for session in (viewer_session, pmo_session)
        )
        assert hidden_count == 0 < shown_count, table
    access.hide_costs(viewer_session, False)
    assert snapshots.state_frames(viewer_session)["projects"]["budget"].notna().any()


def test_only_viewers_lose_cost_figures_and_only_when_the_setting_says_so():
    assert access.sees_costs(VIEWER, "no") and not access.sees_costs(VIEWER, "yes")
    assert access.sees_costs(manager("P1"), "yes") and access.sees_costs(PMO, "yes")
