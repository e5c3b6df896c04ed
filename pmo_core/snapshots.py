"""Import batches as snapshots: storing one, rolling one back, and reading the state on any date.

An import is one transaction followed by a CHECKPOINT: a refused, failing or killed import leaves the
store exactly as it was. Nothing is ever deleted; a rollback marks its batch and the views skip it.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from pmo_core import access, provenance, uploads
from pmo_core.access import Actor
from pmo_core.fields import ENTITIES
from pmo_core.i18n import t
from pmo_core.importer import ImportPlan, stored_columns
from pmo_core.origins import RECORD_COLUMNS
from pmo_core.provenance import ROW_TABLES  # each entity's stored rows, one name for both modules
from pmo_core.store import CURRENT, checkpoint, quote

STATE_MACROS = {
    "projects": "projects_at",
    "milestones": "milestones_at",
    "risks": "risks_at",
    "costs": "cost_lines_at",
    "business_case": "business_case_at",
    "resources": "capacity_lines_at",
    "demand": "demand_lines_at",
}
COUNT_COLUMNS = {
    "projects": "n_projects",
    "milestones": "n_milestones",
    "risks": "n_risks",
    "costs": "n_cost_lines",
    "business_case": "n_business_case",
    "resources": "n_capacity_lines",
    "demand": "n_demand_lines",
}


class ImportRefused(Exception):
    """The plan has errors: nothing was stored."""


class RollbackRefused(Exception):
    """The batch does not exist or was already rolled back; `code` and `params` word it in either language."""

    def __init__(self, code: str, **params: object):
        super().__init__(t(f"rollback.{code}", "en", **params))
        self.code = code
        self.params = params

    def message(self, lang: str) -> str:
        return t(f"rollback.{self.code}", lang, **self.params)


def apply_plan(
    con: duckdb.DuckDBPyConnection,
    plan: ImportPlan,
    actor: Actor,
    label: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> int:
    """Store a checked plan as a new batch under the actor's name and return its id; refuse a plan that has
    errors, or that touches projects the actor may not import.

    `progress` hears the name of each table as its rows go in, inside the transaction.
    """
    if plan.has_errors:
        raise ImportRefused(f"{len(plan.errors)} error(s): nothing was imported")
    counts = plan.counts()
    files = ", ".join(f.name for f in plan.files)
    denied = access.import_refusal(actor, plan)
    if denied is not None:
        access.refuse(con, actor, "import", files, denied)
    detail = {"scope": plan.scope, "as_of": plan.as_of, "label": label, **plan.change_counts(), **counts}
    entry: dict = {}
    try:
        with access.change(con, actor, "import", "import", files, detail) as entry:
            batch_id = _store(con, plan, actor, label, counts, entry, progress)
    except BaseException:
        if "batch" in entry:
            uploads.discard(con, entry["batch"])  # the files copied for a batch that was not stored
        raise
    checkpoint(con)
    uploads.apply_retention(con, actor)
    return batch_id


def _store(con, plan: ImportPlan, actor: Actor, label, counts: dict, entry: dict, progress) -> int:
    """Write a plan's batch, rows, origins and kept files (inside the import's transaction); the batch's
    number goes into the audit entry as soon as it is known."""
    batch_id = con.execute(
        """INSERT INTO batches (imported_at, as_of, user_name, scope, label, n_projects, n_milestones, n_risks,
                                n_cost_lines, n_business_case, n_capacity_lines, n_demand_lines, n_warnings)
           VALUES ($at, $as_of, $user, $scope, $label, $p, $m, $r, $c, $b, $cap, $dem, $w) RETURNING batch_id""",
        {
            "at": datetime.now(),
            "as_of": plan.as_of,
            "user": actor.name,
            "scope": plan.scope,
            "label": label,
            "p": counts["projects"],
            "m": counts["milestones"],
            "r": counts["risks"],
            "c": counts["costs"],
            "b": counts["business_case"],
            "cap": counts["resources"],
            "dem": counts["demand"],
            "w": len(plan.warnings),
        },
    ).fetchone()[0]
    entry["batch"] = batch_id
    kept = uploads.keep_files(con, batch_id, plan.files)
    files = pd.DataFrame(
        [(batch_id, f.name, f.sha256, f.size, kept.get(f.name)) for f in plan.files],
        columns=["batch_id", "file_name", "sha256", "size_bytes", "kept_as"],
    )
    _insert(con, "batch_files", files)
    _insert(con, "batch_issues", _issue_rows(batch_id, plan))
    rates = pd.DataFrame(
        [(batch_id, code, plan.store_currency, rate) for code, rate in sorted(plan.rates.items())],
        columns=["batch_id", "currency", "store_currency", "rate"],
    )
    _insert(con, "batch_rates", rates)
    coverage = plan.coverage.assign(batch_id=batch_id)[["batch_id", "entity", "project_code", "present"]]
    _insert(con, "coverage", coverage)
    for entity, frame in plan.frames.items():
        if len(frame):
            if progress:
                progress(ROW_TABLES[entity])
            columns = stored_columns(con, entity)
            rows = frame[columns].assign(
                batch_id=batch_id, **{name: frame[source] for name, source in RECORD_COLUMNS.items()}
            )
            _insert(con, ROW_TABLES[entity], rows[["batch_id", *columns, *RECORD_COLUMNS]])
    provenance.store_origins(con, batch_id, plan.origins, _insert)
    refresh_live_state(con)
    return batch_id


# The registers whose rows are kept with the span of dates they count on (migration 015): entity, its rows
# and state tables, and the column naming the project. The cost lines are not copied (cost_state is a view).
STATE_TABLES = {
    entity: (ROW_TABLES[entity], access.STATE_COPIES[ROW_TABLES[entity]], code)
    for entity, code in (("projects", "code"), ("milestones", "project_code"), ("risks", "project_code"))
}


def refresh_live_state(con: duckdb.DuckDBPyConnection) -> None:
    """Bring live_versions and the copied *_state tables in line with the batches, inside the caller's
    transaction.

    An import or a rollback changes the spans of the versions it covers (and of those before them): only the
    versions whose span is new or gone are written, so an import of one month touches its own projects' rows.
    They are found with two anti-joins (each version has one span, so no EXCEPT ALL and its counting needed).
    """
    key = "entity, project_code, batch_id, valid_from, valid_to"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE _spans AS SELECT * FROM version_spans;
            CREATE OR REPLACE TEMP TABLE _moved AS
                SELECT true AS gone, * FROM live_versions ANTI JOIN _spans USING ({key})
                UNION ALL SELECT false AS gone, * FROM _spans ANTI JOIN live_versions USING ({key})"""  # noqa: S608 - fixed names
    )
    changed = {entity for (entity,) in con.execute("SELECT DISTINCT entity FROM _moved").fetchall()}
    for entity, (rows, state, code) in STATE_TABLES.items():
        if entity not in changed:
            continue  # nothing of this register moved: its state table is not read at all
        con.execute(
            f"""DELETE FROM {state} AS s USING _moved AS g
                WHERE g.gone AND g.entity = $e AND s.batch_id = g.batch_id AND s.{code} = g.project_code
                  AND s.valid_from = g.valid_from AND s.valid_to = g.valid_to""",  # noqa: S608 - fixed names
            {"e": entity},
        )
        con.execute(
            f"""INSERT INTO {state} BY NAME
                SELECT r.* EXCLUDE (origin, origin_row, origin_col), n.valid_from, n.valid_to FROM {rows} AS r
                JOIN _moved AS n
                  ON NOT n.gone AND n.entity = $e AND n.batch_id = r.batch_id AND n.project_code = r.{code}
                ORDER BY n.valid_from, r.{code}""",  # noqa: S608 - fixed names
            {"e": entity},
        )
    con.execute(
        """DELETE FROM live_versions AS v USING _moved AS g
           WHERE g.gone AND v.entity = g.entity AND v.project_code = g.project_code AND v.batch_id = g.batch_id
             AND v.valid_from = g.valid_from AND v.valid_to = g.valid_to;
           INSERT INTO live_versions SELECT * EXCLUDE (gone) FROM _moved WHERE NOT gone
               ORDER BY entity, project_code, valid_from;
           DROP TABLE _spans; DROP TABLE _moved"""
    )


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    """Append a DataFrame to a table in one statement, columns matched by name."""
    if frame.empty:
        return
    con.register("_incoming", frame)
    try:
        names = ", ".join(quote(c) for c in frame.columns)
        con.execute(f"INSERT INTO {quote(table)} ({names}) SELECT {names} FROM _incoming")  # noqa: S608
    finally:
        with suppress(duckdb.Error):  # an aborted transaction refuses it; the rollback that follows drops it
            con.unregister("_incoming")


def _issue_rows(batch_id: int, plan: ImportPlan) -> pd.DataFrame:
    rows = [
        (
            batch_id,
            i.severity,
            i.code,
            i.file,
            i.sheet,
            i.row,
            i.column,
            i.value,
            i.sentence("en"),
            i.sentence("fr"),
        )
        for i in plan.warnings
    ]
    columns = [
        "batch_id",
        "severity",
        "code",
        "file_name",
        "sheet",
        "row_number",
        "column_name",
        "value",
        "message_en",
        "message_fr",
    ]
    return pd.DataFrame(rows, columns=columns)


def rollback(con: duckdb.DuckDBPyConnection, batch_id: int, actor: Actor) -> None:
    """Undo a batch: the views stop counting it, so the state before it comes back."""
    with access.change(con, actor, "rollback", "rollback", f"batch {batch_id}", {"batch": batch_id}):
        row = con.execute(
            "SELECT rolled_back_at FROM batches WHERE batch_id = $b", {"b": batch_id}
        ).fetchone()
        if row is None:
            raise RollbackRefused("unknown", batch=batch_id)
        if row[0] is not None:
            raise RollbackRefused("done", batch=batch_id, when=f"{row[0]:%Y-%m-%d %H:%M}")
        con.execute(
            "UPDATE batches SET rolled_back_at = $t, rolled_back_by = $u WHERE batch_id = $b",
            {"t": datetime.now(), "u": actor.name, "b": batch_id},
        )
        refresh_live_state(con)
    checkpoint(con)


def history(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every import batch, newest first, with its files and counts."""
    return con.execute(
        """SELECT b.batch_id, b.imported_at, b.as_of, b.user_name, b.scope, b.label,
                  string_agg(f.file_name, ', ' ORDER BY f.file_name) AS files,
                  string_agg(f.sha256, ', ' ORDER BY f.file_name) AS sha256,
                  b.n_projects, b.n_milestones, b.n_risks, b.n_cost_lines, b.n_business_case,
                  b.n_capacity_lines, b.n_demand_lines, b.n_warnings,
                  b.rolled_back_at, b.rolled_back_by
           FROM batches AS b LEFT JOIN batch_files AS f USING (batch_id)
           GROUP BY ALL ORDER BY b.batch_id DESC"""
    ).df()


def batch_rates(con: duckdb.DuckDBPyConnection, batch_id: int) -> dict[str, float | None]:
    """Return the exchange rates a batch converted amounts at (None: amounts in that currency not stored)."""
    rows = con.execute(
        "SELECT currency, rate FROM batch_rates WHERE batch_id = $b ORDER BY currency", {"b": batch_id}
    ).fetchall()
    return {currency: rate for currency, rate in rows}


def batch_warnings(con: duckdb.DuckDBPyConnection, batch_id: int, lang: str = "en") -> pd.DataFrame:
    message = "message_fr" if lang == "fr" else "message_en"
    return con.execute(
        f"""SELECT file_name, sheet, row_number, column_name, value, {quote(message)} AS message
            FROM batch_issues WHERE batch_id = $b ORDER BY file_name, sheet, row_number""",  # noqa: S608
        {"b": batch_id},
    ).df()


@dataclass(frozen=True)
class Snapshot:
    as_of: date
    last_batch: int
    n_batches: int


def list_snapshots(con: duckdb.DuckDBPyConnection) -> list[Snapshot]:
    """Return the reporting dates that have live imports, newest first."""
    rows = con.execute("SELECT as_of, last_batch, n_batches FROM snapshots ORDER BY as_of DESC").fetchall()
    return [Snapshot(as_of, last_batch, n) for as_of, last_batch, n in rows]


def previous_snapshot(con: duckdb.DuckDBPyConnection, as_of: date | None) -> date | None:
    """Return the reporting date just before `as_of` (or before the latest one when None)."""
    dates = [s.as_of for s in list_snapshots(con)]
    if not dates:
        return None
    reference = as_of or dates[0]
    earlier = [d for d in dates if d < reference]
    return earlier[0] if earlier else None


def state_date(as_of: date | None) -> str:
    """Return the date that selects a state in the *_at() macros: the snapshot, or the current state."""
    return as_of.isoformat() if as_of else CURRENT


def state_frames(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> dict[str, pd.DataFrame]:
    """Return the rows of every entity on a date (the current state when None), as stored."""
    frames = {}
    for entity in ENTITIES:
        columns = ", ".join(quote(c) for c in stored_columns(con, entity))
        macro = STATE_MACROS[entity]
        frames[entity] = con.execute(
            f"SELECT {columns} FROM {macro}($d::DATE) ORDER BY ALL",  # noqa: S608 - fixed identifiers
            {"d": state_date(as_of)},
        ).df()
    return frames


def summary(con: duckdb.DuckDBPyConnection) -> dict:
    """Return the counts of the current state and its latest batch, for the CLI and health checks; `teams`
    counts the teams named by a capacity or a demand line."""
    counts = {}
    for entity, view in (
        ("projects", "projects"),
        ("milestones", "milestones"),
        ("risks", "risks"),
        ("cost_lines", "cost_lines"),
        ("business_case", "business_case"),
        ("capacity_lines", "capacity_lines"),
        ("demand_lines", "demand_lines"),
    ):
        counts[entity] = con.execute(f"SELECT count(*) FROM {quote(view)}").fetchone()[0]  # noqa: S608
    counts["teams"] = con.execute(
        "SELECT count(*) FROM (SELECT team FROM capacity_lines UNION SELECT team FROM demand_lines)"
    ).fetchone()[0]
    latest = con.execute(
        "SELECT batch_id, as_of, imported_at FROM batches WHERE rolled_back_at IS NULL ORDER BY batch_id DESC LIMIT 1"
    ).fetchone()
    counts["batch"] = (
        None
        if latest is None
        else {
            "id": latest[0],
            "as_of": latest[1].isoformat(),
            "imported_at": latest[2].isoformat(timespec="seconds"),
        }
    )
    return counts


def data_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Identify the store's content: it changes with every import, rollback, setting or band edit."""
    row = con.execute(
        """SELECT max(batch_id), count(rolled_back_at), (SELECT max(updated_at) FROM settings),
                  (SELECT string_agg(band, ',' ORDER BY probability, impact) FROM risk_bands)
           FROM batches"""
    ).fetchone()
    return tuple(row)


def is_empty(con: duckdb.DuckDBPyConnection) -> bool:
    return con.execute("SELECT count(*) FROM batches WHERE rolled_back_at IS NULL").fetchone()[0] == 0
