"""Saved selections: a scenario freezes a selection as computed, so steering committees compare options.

Up to four scenarios are compared side by side: value, cost, cost per year, projects in and out. The plan
of record is the scenario marked last, with who marked it and when.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import pandas as pd

from pmo_core import access
from pmo_core.access import Actor
from pmo_core.selection import Selection

MAX_COMPARED = 4


class ScenarioRefused(ValueError):
    """The scenario cannot be saved or compared; the message is a translation key."""


def save_scenario(
    con: duckdb.DuckDBPyConnection,
    name: str,
    result: Selection,
    *,
    objective: str,
    cost_basis: str,
    state_date: date,
    filters: str,
    actor: Actor,
    note: str | None = None,
) -> int:
    """Store a selection under a new name and return its id."""
    name = name.strip()
    if not name:
        raise ScenarioRefused("priorities.scenario.error.name")
    if result.status not in ("optimal", "not_proven"):
        raise ScenarioRefused("priorities.scenario.error.no_selection")
    if con.execute("SELECT count(*) FROM scenarios WHERE name = $n", {"n": name}).fetchone()[0]:
        raise ScenarioRefused("priorities.scenario.error.taken")
    detail = {"objective": objective, "budget": result.budget, "value": result.value, "cost": result.cost}
    with access.change(con, actor, "scenarios", "scenario.save", name, detail) as entry:
        scenario_id = con.execute(
            """INSERT INTO scenarios (name, objective, cost_basis, budget, state_date, filters, total_value,
                                      total_cost, n_selected, n_candidates, note, created_at, created_by)
               VALUES ($name, $objective, $basis, $budget, $d, $filters, $value, $cost, $n, $m, $note, $t, $u)
               RETURNING scenario_id""",
            {
                "name": name,
                "objective": objective,
                "basis": cost_basis,
                "budget": result.budget,
                "d": state_date,
                "filters": filters,
                "value": result.value,
                "cost": result.cost,
                "n": int(result.table["selected"].sum()),
                "m": result.n_candidates,
                "note": note,
                "t": datetime.now(),
                "u": actor.name,
            },
        ).fetchone()[0]
        entry["scenario"] = scenario_id
        projects = result.table[["code", "name", "selected", "cost", "value", "reason", "reason_args"]]
        con.register("_scenario_projects", projects)
        con.execute(
            """INSERT INTO scenario_projects SELECT $s, code, name, selected, cost, value, reason, reason_args
               FROM _scenario_projects""",
            {"s": scenario_id},
        )
        con.unregister("_scenario_projects")
        for year, cost, budget in result.years.itertuples(index=False):
            con.execute(
                "INSERT INTO scenario_years VALUES ($s, $y, $c, $b)",
                {
                    "s": scenario_id,
                    "y": int(year),
                    "c": float(cost),
                    "b": None if pd.isna(budget) else budget,
                },
            )
    return scenario_id


def list_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every saved scenario, the plan of record flagged, newest first."""
    return con.execute(
        """SELECT s.scenario_id, s.name, s.objective, s.cost_basis, s.budget, s.total_value, s.total_cost,
                  s.n_selected, s.n_candidates, s.state_date, s.filters, s.note, s.created_at, s.created_by,
                  s.scenario_id IS NOT DISTINCT FROM (SELECT arg_max(scenario_id, plan_of_record_at)
                                                     FROM scenarios WHERE plan_of_record_at IS NOT NULL)
                      AS plan_of_record,
                  s.plan_of_record_at, s.plan_of_record_by
           FROM scenarios AS s ORDER BY s.created_at DESC, s.scenario_id DESC"""
    ).df()


def mark_plan_of_record(con: duckdb.DuckDBPyConnection, scenario_id: int, actor: Actor) -> None:
    """Make a scenario the plan of record, keeping who and when."""
    with access.change(
        con, actor, "scenarios", "scenario.plan_of_record", scenario_id, {"scenario": scenario_id}
    ):
        updated = con.execute(
            """UPDATE scenarios SET plan_of_record_at = $t, plan_of_record_by = $u WHERE scenario_id = $s
               RETURNING 1""",
            {"t": datetime.now(), "u": actor.name, "s": scenario_id},
        ).fetchall()
        if not updated:
            raise ScenarioRefused("priorities.scenario.error.unknown")


def plan_of_record(con: duckdb.DuckDBPyConnection) -> int | None:
    """Return the id of the plan of record, if one was marked."""
    row = con.execute(
        "SELECT arg_max(scenario_id, plan_of_record_at) FROM scenarios WHERE plan_of_record_at IS NOT NULL"
    ).fetchone()
    return row[0] if row else None


def selected_projects(con: duckdb.DuckDBPyConnection, scenario_id: int) -> pd.DataFrame:
    """Return the projects a saved scenario funds, the most valuable first."""
    return con.execute(
        """SELECT project_code, project_name, cost, value FROM scenario_projects
           WHERE scenario_id = $s AND selected ORDER BY value DESC NULLS LAST, project_code""",
        {"s": scenario_id},
    ).df()


def delete_scenario(con: duckdb.DuckDBPyConnection, scenario_id: int, actor: Actor) -> None:
    """Delete a scenario; the plan of record cannot be deleted until another is marked."""
    access.require(con, actor, "scenarios", "scenario.delete", str(scenario_id))
    if plan_of_record(con) == scenario_id:
        raise ScenarioRefused("priorities.scenario.error.delete_plan")
    with access.change(con, actor, "scenarios", "scenario.delete", scenario_id, {"scenario": scenario_id}):
        for table in ("scenario_years", "scenario_projects", "scenarios"):
            con.execute(f"DELETE FROM {table} WHERE scenario_id = $s", {"s": scenario_id})  # noqa: S608


@dataclass(frozen=True)
class Comparison:
    summary: pd.DataFrame  # one row per scenario, in the order asked
    years: pd.DataFrame  # scenario name, year, cost, budget
    projects: pd.DataFrame  # code, name, then one in/out column per scenario name; projects that differ first


def compare_scenarios(con: duckdb.DuckDBPyConnection, scenario_ids: list[int]) -> Comparison:
    """Return up to four scenarios side by side: totals, cost per year, and which projects each funds."""
    if len(scenario_ids) > MAX_COMPARED:
        raise ScenarioRefused("priorities.scenario.error.too_many")
    ids = list(dict.fromkeys(scenario_ids))
    order = {sid: i for i, sid in enumerate(ids)}
    summary = list_scenarios(con)
    summary = summary.loc[summary["scenario_id"].isin(ids)]
    summary = summary.assign(_o=summary["scenario_id"].map(order)).sort_values("_o").drop(columns="_o")
    names = dict(zip(summary["scenario_id"], summary["name"], strict=True))
    years = con.execute(
        """SELECT scenario_id, year, cost, budget FROM scenario_years
           WHERE scenario_id IN (SELECT unnest($ids)) ORDER BY year""",
        {"ids": ids},
    ).df()
    years.insert(0, "scenario", years.pop("scenario_id").map(names))
    return Comparison(summary.reset_index(drop=True), years, _projects_side_by_side(con, ids, names))


def _projects_side_by_side(
    con: duckdb.DuckDBPyConnection, ids: list[int], names: dict[int, str]
) -> pd.DataFrame:
    """Return one row per project and one True/False column per scenario; rows where they differ first."""
    rows = con.execute(
        """SELECT scenario_id, project_code AS code, project_name AS name, selected
           FROM scenario_projects WHERE scenario_id IN (SELECT unnest($ids))""",
        {"ids": ids},
    ).df()
    if rows.empty:
        return pd.DataFrame(columns=["code", "name", *[names[i] for i in ids if i in names], "differs"])
    wide = rows.pivot_table(index=["code", "name"], columns="scenario_id", values="selected", aggfunc="first")
    wide = wide.reindex(columns=[i for i in ids if i in names]).rename(columns=names).reset_index()
    wide.columns.name = None
    in_columns = [names[i] for i in ids if i in names]
    flags = wide[in_columns].astype("boolean")
    wide[in_columns] = flags
    wide["differs"] = flags.nunique(axis=1, dropna=False) > 1
    return wide.sort_values(["differs", "code"], ascending=[False, True]).reset_index(drop=True)
