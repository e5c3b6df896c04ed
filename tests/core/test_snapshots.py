"""Snapshots: imports as batches, scopes, the state on any date, rollback, and refusals that store nothing."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import snapshots, store
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.frames import projects, two_projects

JAN, FEB, MAR = date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)


def load(con, frames, as_of, scope="partial"):
    plan = plan_from_frames(con, frames, scope=scope, as_of=as_of)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    return snapshots.apply_plan(con, plan, PMO)


def names(con, as_of=None):
    frame = snapshots.state_frames(con, as_of)["projects"]
    return dict(zip(frame["code"], frame["name"], strict=True))


def fingerprint(con) -> dict:
    """Everything a user could see of the store: counts, batches and every state."""
    tables = [
        "batches",
        "batch_files",
        "batch_issues",
        "coverage",
        "project_rows",
        "risk_rows",
        "cost_rows",
        "milestone_rows",
        "business_case_rows",
    ]
    counts = {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables}
    return {"counts": counts, "summary": snapshots.summary(con)}


def test_an_import_is_a_batch_with_its_files_counts_and_date(con):
    batch = load(con, two_projects(), JAN)
    history = snapshots.history(con)
    assert history.loc[0, "batch_id"] == batch
    assert history.loc[0, "as_of"].date() == JAN
    assert (history.loc[0, "n_projects"], history.loc[0, "n_risks"], history.loc[0, "n_cost_lines"]) == (
        2,
        2,
        3,
    )
    assert snapshots.summary(con)["projects"] == 2


def test_a_partial_import_updates_only_its_projects(con):
    load(con, two_projects(), JAN)
    update = {
        "projects": projects({"code": "P1", "name": "Alpha renamed"}),
        "risks": pd.DataFrame([{"project_code": "P1", "title": "New risk", "probability": 1, "impact": 1}]),
    }
    load(con, update, FEB)
    assert names(con) == {"P1": "Alpha renamed", "P2": "Beta"}
    risks = snapshots.state_frames(con)["risks"]
    # P1's risks were restated by the tracker; P2's were left as they were.
    assert sorted(risks["title"]) == ["New risk", "Noise exposure"]
    # P1's costs were not in the tracker: they stay.
    assert len(snapshots.state_frames(con)["costs"]) == 3


def test_a_full_import_replaces_the_portfolio(con):
    load(con, two_projects(), JAN)
    load(con, {"projects": projects({"code": "P3", "name": "Gamma"})}, FEB, scope="full")
    assert names(con) == {"P3": "Gamma"}
    # The risks and costs of removed projects leave the current state with them.
    assert snapshots.summary(con)["risks"] == 0
    assert snapshots.summary(con)["cost_lines"] == 0


def test_every_earlier_state_stays_queryable(con):
    load(con, two_projects(), JAN)
    load(con, {"projects": projects({"code": "P1", "name": "Alpha v2"})}, FEB)
    load(con, {"projects": projects({"code": "P3", "name": "Gamma"})}, MAR, scope="full")
    assert names(con, JAN) == {"P1": "Alpha", "P2": "Beta"}
    assert names(con, FEB) == {"P1": "Alpha v2", "P2": "Beta"}
    assert names(con, MAR) == {"P3": "Gamma"}
    assert [s.as_of for s in snapshots.list_snapshots(con)] == [MAR, FEB, JAN]
    assert snapshots.previous_snapshot(con, None) == FEB


def test_a_late_import_of_an_older_snapshot_takes_its_place_in_history(con):
    load(con, {"projects": projects({"code": "P1", "name": "March name"})}, MAR)
    load(con, {"projects": projects({"code": "P1", "name": "January name"})}, JAN)
    # The current state is the latest reporting date, whatever the order of import.
    assert names(con) == {"P1": "March name"}
    assert names(con, JAN) == {"P1": "January name"}


def test_rollback_brings_back_the_state_before(con):
    load(con, two_projects(), JAN)
    before = snapshots.state_frames(con)
    batch = load(
        con,
        {"projects": projects({"code": "P2", "name": "Beta changed"}, {"code": "P9", "name": "New"})},
        FEB,
    )
    assert names(con) == {"P1": "Alpha", "P2": "Beta changed", "P9": "New"}
    snapshots.rollback(con, batch, PMO)
    after = snapshots.state_frames(con)
    for entity in before:
        pd.testing.assert_frame_equal(before[entity], after[entity])
    history = snapshots.history(con)
    assert history.loc[history["batch_id"] == batch, "rolled_back_by"].item() == "test"


def test_rollback_of_an_unknown_or_already_undone_batch_is_refused(con):
    batch = load(con, two_projects(), JAN)
    snapshots.rollback(con, batch, PMO)
    with pytest.raises(snapshots.RollbackRefused, match="already rolled back"):
        snapshots.rollback(con, batch, PMO)
    with pytest.raises(snapshots.RollbackRefused, match="no import batch 99"):
        snapshots.rollback(con, 99, PMO)


def test_a_plan_with_errors_is_refused_and_stores_nothing(con):
    load(con, two_projects(), JAN)
    before = fingerprint(con)
    bad = {"projects": projects({"code": "P1", "name": "Dup"}, {"code": "P1", "name": "Dup again"})}
    plan = plan_from_frames(con, bad, as_of=FEB)
    assert plan.has_errors
    assert {i.code for i in plan.errors} == {"duplicate_project_code"}
    with pytest.raises(snapshots.ImportRefused):
        snapshots.apply_plan(con, plan, PMO)
    assert fingerprint(con) == before


def test_a_failure_inside_the_transaction_leaves_the_store_as_it_was(con):
    load(con, two_projects(), JAN)
    before = fingerprint(con)
    plan = plan_from_frames(con, {"projects": projects({"code": "P5", "name": "Five"})}, as_of=FEB)
    # A milestone without a name violates NOT NULL in the middle of the transaction, after the batch row.
    plan.frames["milestones"] = pd.DataFrame([{"project_code": "P5", "name": None}]).reindex(
        columns=plan.frames["milestones"].columns
    )
    with pytest.raises(Exception, match="NOT NULL"):
        snapshots.apply_plan(con, plan, PMO)
    assert fingerprint(con) == before


def test_preview_says_what_is_added_updated_removed_and_unchanged(con):
    load(con, two_projects(), JAN)
    frames = two_projects()
    frames["projects"].loc[frames["projects"]["code"] == "P2", "budget"] = 60_000.0
    frames["projects"] = pd.concat(
        [frames["projects"], projects({"code": "P3", "name": "Gamma"})], ignore_index=True
    )
    plan = plan_from_frames(con, frames, as_of=FEB, scope="partial")
    changes = dict(zip(plan.changes["project_code"], plan.changes["change"], strict=True))
    assert changes == {"P1": "unchanged", "P2": "updated", "P3": "added"}
    full = plan_from_frames(
        con, {"projects": projects({"code": "P1", "name": "Alpha"})}, as_of=FEB, scope="full"
    )
    assert dict(zip(full.changes["project_code"], full.changes["change"], strict=True))["P2"] == "removed"


def test_risks_name_their_project_by_title_or_code(con):
    load(con, two_projects(), JAN)
    risks = pd.DataFrame(
        [
            {"project_name": "alpha", "title": "By title, other case", "probability": 3, "impact": 3},
            {"project_code": "P2", "title": "By code", "probability": 1, "impact": 2},
            {"project_name": "Unknown project", "title": "Orphan", "probability": 1, "impact": 1},
        ]
    )
    plan = plan_from_frames(con, {"risks": risks}, as_of=FEB)
    assert [(i.code, i.value) for i in plan.errors] == [("project_unknown", "Unknown project")]
    assert list(plan.frames["risks"]["project_code"]) == ["P1", "P2"]


def test_store_busy_is_reported_clearly(db_path, tmp_path):
    import subprocess
    import sys
    import time

    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            f"import duckdb, time; c = duckdb.connect({str(db_path)!r}); print('ok', flush=True); time.sleep(30)",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        started = time.monotonic()
        with pytest.raises(store.StoreBusy, match="open in another process"):
            store.connect(db_path)
        assert time.monotonic() - started < 10
    finally:
        holder.kill()
        holder.wait()
