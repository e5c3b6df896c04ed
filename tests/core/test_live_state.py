"""The state tables of migration 015: after any sequence of imports and rollbacks they hold exactly what the
batches and their coverage say, so every *_at() macro gives what it gave when it worked the state out anew."""

from __future__ import annotations

from datetime import date

import pandas as pd

from pmo_core import snapshots
from tests.actors import PMO
from tests.core.test_snapshots import load
from tests.frames import projects, two_projects

JAN, FEB, MAR = date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)
# Every register read through a state: the copied ones, and the cost lines' view.
REGISTERS = {**snapshots.STATE_TABLES, "costs": ("cost_rows", "cost_state", "project_code")}
# The state on a date the way the store worked it out before migration 015 (an arg_max over the coverage of
# every live batch up to the date), the reference the kept tables are checked against.
_REFERENCE_VERSIONS = """
    SELECT entity, project_code, batch_id FROM (
        SELECT c.entity, c.project_code,
               arg_max(c.batch_id, (b.as_of, c.batch_id)) AS batch_id,
               arg_max(c.present, (b.as_of, c.batch_id)) AS present
        FROM coverage AS c JOIN batches AS b USING (batch_id)
        WHERE b.rolled_back_at IS NULL AND b.as_of <= $d::DATE
        GROUP BY c.entity, c.project_code)
    WHERE present"""


def rows_on(con, entity: str, day: str) -> pd.DataFrame:
    """Return an entity's rows on a date from the raw rows and the reference versions, sorted."""
    rows, _, key = REGISTERS[entity]
    frame = con.execute(
        f"""SELECT r.* EXCLUDE (origin, origin_row, origin_col) FROM {rows} AS r
            JOIN ({_REFERENCE_VERSIONS}) AS v
              ON v.entity = $e AND v.batch_id = r.batch_id AND v.project_code = r.{key}
            WHERE r.{key} IN (SELECT project_code FROM ({_REFERENCE_VERSIONS}) WHERE entity = 'projects')
            ORDER BY ALL""",
        {"e": entity, "d": day},
    ).df()
    return frame.reset_index(drop=True)


def state_on(con, entity: str, day: str) -> pd.DataFrame:
    macro = {
        "projects": "projects_at",
        "milestones": "milestones_at",
        "risks": "risks_at",
        "costs": "cost_lines_at",
    }
    return con.execute(f"SELECT * FROM {macro[entity]}($d::DATE) ORDER BY ALL", {"d": day}).df()


def assert_states_match(con) -> None:
    """Every entity on every interesting date (before, on, between and after the snapshots) as the reference."""
    days = ["2025-12-31", JAN.isoformat(), "2026-02-10", FEB.isoformat(), MAR.isoformat(), "9999-12-31"]
    for entity in REGISTERS:
        for day in days:
            pd.testing.assert_frame_equal(
                state_on(con, entity, day), rows_on(con, entity, day), obj=f"{entity} {day}"
            )
    kept = con.execute("SELECT * FROM live_versions ORDER BY ALL").fetchall()
    assert kept == con.execute("SELECT * FROM version_spans ORDER BY ALL").fetchall()


def test_imports_late_imports_full_imports_and_rollbacks_keep_the_state_tables_right(con):
    first = load(con, two_projects(), JAN)
    assert_states_match(con)
    second = load(
        con,
        {
            "projects": projects({"code": "P1", "name": "Alpha v2"}, {"code": "P3", "name": "Gamma"}),
            "risks": pd.DataFrame(
                [{"project_code": "P1", "title": "New risk", "probability": 4, "impact": 5}]
            ),
        },
        MAR,
    )
    assert_states_match(con)
    load(
        con, {"projects": projects({"code": "P2", "name": "Beta in February"})}, FEB
    )  # an older snapshot, late
    assert_states_match(con)
    load(
        con, {"projects": projects({"code": "P2", "name": "Beta again in February"})}, FEB
    )  # same date: wins
    assert_states_match(con)
    snapshots.rollback(con, second, PMO)
    assert_states_match(con)
    load(con, {"projects": projects({"code": "P9", "name": "Alone"})}, MAR, scope="full")  # the others leave
    assert_states_match(con)
    snapshots.rollback(con, first, PMO)
    assert_states_match(con)
    assert set(state_on(con, "projects", "9999-12-31")["code"]) == {"P9"}


def test_a_state_table_has_the_columns_of_its_rows_table_and_its_span(con):
    for rows, state, _ in REGISTERS.values():
        columns = {
            table: [
                name
                for (name,) in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = $t "
                    "ORDER BY ordinal_position",
                    {"t": table},
                ).fetchall()
            ]
            for table in (rows, state)
        }
        kept = [c for c in columns[rows] if c not in ("origin", "origin_row", "origin_col")]
        assert columns[state] == [*kept, "valid_from", "valid_to"], state
