"""What-if levelling: move a project's demand by some months, cap a team at a share of its capacity, or change
a team's capacity from a month, and see every team's load change; save the moves as a named scenario,
compare scenarios side by side and mark one as the plan of record.

Moves apply to the months not yet reported (from `since` on): what was done is history. Capacity changes
first, then shifts, then caps, whatever the order they were entered in, so a cap levels the demand the
shifts leave. A cap levels a team the way a resource manager does: each month the team takes what the cap
allows, every project losing the same share, and the rest of each project's demand waits for the next
month, project by project, until it fits; work that no month with capacity can take is said "unplaced".
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

import duckdb
import numpy as np
import pandas as pd

from pmo_core import access, capacity, formatting
from pmo_core.access import Actor
from pmo_core.filters import Filters
from pmo_core.i18n import t

KINDS = ("capacity", "shift", "cap")  # the order moves apply in
MAX_SHIFT = 24  # months a project can be moved by, either way
SPILL_MONTHS = 36  # months past the last one with data a capped team's waiting work may run into
MAX_COMPARED = 4


class ScenarioRefused(ValueError):
    """The scenario cannot be saved or changed; the message is a translation key."""


@dataclass(frozen=True)
class Move:
    """One what-if change: a project's demand shifted, a team capped, or a team's capacity changed."""

    kind: str  # "shift", "cap" or "capacity"
    project: str | None = None  # shift
    team: str | None = None  # cap, capacity
    months: int = 0  # shift: months later (negative: earlier)
    cap: float = 1.0  # cap: the share of its capacity the team may take (1.0 = 100 %)
    fte: float = 0.0  # capacity: FTE added (negative: removed)
    from_month: date | None = None  # capacity: from this month on (default: the first month not reported)


@dataclass(frozen=True)
class Plan:
    """The loads after the moves, and what levelling did to the projects."""

    grid: pd.DataFrame  # capacity.GRID_COLUMNS, every team and month
    delays: pd.DataFrame  # code, team, end_before, end_after, months_late
    unplaced: pd.DataFrame  # team, person_months: waiting work no month with capacity could take


@dataclass(frozen=True)
class Figures:
    """What a steering committee compares between plans, from the first month not yet reported."""

    over_team_months: int
    short: float  # person-months over capacity (demand with no capacity included)
    peak: float | None
    peak_team: str | None
    peak_month: date | None
    teams_over: int


# --------------------------------------------------------------------------------------------------
# The data a plan starts from


def base_lines(
    con: duckdb.DuckDBPyConnection, f: Filters, since: date | None = None
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Return every project's demand lines (code, team, month, fte) and every team's capacity (team, month,
    fte) in the state, from `since` on when given: levelling moves work between projects whatever the
    filters, and only in the months not yet reported."""
    params = {"d": f.state_date, "days": capacity.working_days(con), "since": since}
    lines = con.execute(
        """SELECT project_code AS code, team, month, fte FROM project_demand_at($d::DATE, $days)
           WHERE $since IS NULL OR month >= $since""",
        params,
    ).df()
    supply = con.execute(
        """SELECT team, month, fte FROM team_capacity_at($d::DATE, $days)
           WHERE $since IS NULL OR month >= $since""",
        params,
    ).df()
    for frame in (lines, supply):
        frame["month"] = pd.to_datetime(frame["month"])
    return lines, supply


def project_names(con: duckdb.DuckDBPyConnection, f: Filters) -> dict[str, str]:
    """Return the name of every project of the state, to word the moves and the delays."""
    rows = con.execute("SELECT code, name FROM projects_at($d::DATE)", {"d": f.state_date}).fetchall()
    return {code: name for code, name in rows}


def grid_of(lines: pd.DataFrame, supply: pd.DataFrame) -> pd.DataFrame:
    """Return capacity, demand and load per team and month, as capacity.team_months does in SQL."""
    asked = lines.groupby(["team", "month"], as_index=False)["fte"].sum().rename(columns={"fte": "demand"})
    stated = supply.rename(columns={"fte": "capacity"})
    grid = stated.merge(asked, on=["team", "month"], how="outer")
    return capacity.with_load(grid.sort_values(["team", "month"], ignore_index=True))


# --------------------------------------------------------------------------------------------------
# Applying moves


def apply_moves(lines: pd.DataFrame, supply: pd.DataFrame, moves: list[Move], since: date) -> Plan:
    """Return the plan the moves give: the new loads, the projects levelling delays, and unplaced work."""
    start = pd.Timestamp(since)
    ordered = sorted(moves, key=lambda m: KINDS.index(m.kind))
    delays, unplaced = [], []
    for move in ordered:
        if move.kind == "capacity":
            supply = _change_capacity(supply, move, start)
        elif move.kind == "shift":
            lines = _shift(lines, move, start)
        elif move.kind == "cap":
            lines, late, rest = _cap(lines, supply, move, start)
            delays.append(late)
            if rest > 1e-9:
                unplaced.append((move.team, rest))
        else:
            raise ValueError(f"unknown move {move.kind!r}")
    delay_columns = ["code", "team", "end_before", "end_after", "months_late"]
    return Plan(
        grid=grid_of(lines, supply),
        delays=pd.concat(delays, ignore_index=True) if delays else pd.DataFrame(columns=delay_columns),
        unplaced=pd.DataFrame(unplaced, columns=["team", "person_months"]),
    )


def _change_capacity(supply: pd.DataFrame, move: Move, start: pd.Timestamp) -> pd.DataFrame:
    """Add (or remove) FTE to a team's capacity from a month on, to the last month any team is staffed."""
    first = max(pd.Timestamp(move.from_month or start), start)
    last = supply["month"].max() if len(supply) else first
    months = pd.date_range(first, max(first, last), freq="MS")
    change = pd.DataFrame({"team": move.team, "month": months, "fte": float(move.fte)})
    merged = (
        pd.concat([supply, change], ignore_index=True).groupby(["team", "month"], as_index=False)["fte"].sum()
    )
    merged["fte"] = merged["fte"].clip(lower=0.0)
    return merged


def _shift(lines: pd.DataFrame, move: Move, start: pd.Timestamp) -> pd.DataFrame:
    """Move a project's demand from `start` on by whole months; none lands before `start`."""
    moving = (lines["code"] == move.project) & (lines["month"] >= start)
    if not moving.any() or move.months == 0:
        return lines
    lines = lines.copy()
    moved = lines.loc[moving, "month"] + pd.DateOffset(months=int(move.months))
    lines.loc[moving, "month"] = moved.where(moved >= start, start)
    return lines.groupby(["code", "team", "month"], as_index=False)["fte"].sum()


def _cap(
    lines: pd.DataFrame, supply: pd.DataFrame, move: Move, start: pd.Timestamp
) -> tuple[pd.DataFrame, pd.DataFrame, float]:
    """Level a team at `cap` times its capacity from `start` on: each month it takes what fits, every project
    keeping the same share of its wish, and each project's rest waits for the next month.

    Return the new lines, each project whose work on the team now ends later, and the person-months that no
    month could take (past the last month with capacity, SPILL_MONTHS further at most)."""
    own = (lines["team"] == move.team) & (lines["month"] >= start)
    if not own.any():
        return (
            lines,
            pd.DataFrame(columns=["code", "team", "end_before", "end_after", "months_late"]),
            0.0,
        )
    team_lines = lines.loc[own]
    wish = team_lines.pivot_table(index="month", columns="code", values="fte", aggfunc="sum", fill_value=0.0)
    staffed = supply.loc[supply["team"] == move.team].set_index("month")["fte"]
    last = max(wish.index.max(), staffed.index.max() if len(staffed) else wish.index.max())
    months = pd.date_range(start, last + pd.DateOffset(months=SPILL_MONTHS), freq="MS")
    wish = wish.reindex(months, fill_value=0.0)
    allowed = staffed.reindex(months).ffill().fillna(0.0).to_numpy() * float(move.cap)
    taken = np.zeros(wish.shape)
    waiting = np.zeros(wish.shape[1])
    for i, row in enumerate(wish.to_numpy()):
        want = row + waiting
        total = want.sum()
        share = 1.0 if total <= allowed[i] + 1e-9 else (allowed[i] / total if total > 0 else 0.0)
        taken[i] = want * share
        waiting = want - taken[i]
    result = pd.DataFrame(taken, index=months, columns=wish.columns)
    result = result.loc[:, result.columns].stack().rename("fte").reset_index()
    result.columns = ["month", "code", "fte"]
    result = result.loc[result["fte"] > 1e-9]
    result["team"] = move.team
    levelled = pd.concat([lines.loc[~own], result[["code", "team", "month", "fte"]]], ignore_index=True)
    before = team_lines.groupby("code")["month"].max()
    after = result.groupby("code")["month"].max()
    late = pd.DataFrame({"end_before": before, "end_after": after.reindex(before.index)})
    late["months_late"] = (
        (late["end_after"].dt.year - late["end_before"].dt.year) * 12
        + late["end_after"].dt.month
        - late["end_before"].dt.month
    )
    late = late.loc[late["months_late"] > 0].reset_index(names="code")
    late.insert(1, "team", move.team)
    return levelled, late.sort_values(["months_late", "code"], ascending=[False, True]), float(waiting.sum())


def figures(grid: pd.DataFrame, since: date | None) -> Figures:
    """Count the team-months over capacity, the person-months short and the peak load, from `since` on."""
    ahead = grid if since is None else grid.loc[grid["month"] >= pd.Timestamp(since)]
    over = ahead.loc[(ahead["load"] > 1) | ahead["no_capacity"]]
    short = (over["demand"] - over["capacity"].fillna(0.0)).clip(lower=0).sum()
    loaded = ahead.dropna(subset=["load"])
    peak = loaded.loc[loaded["load"].idxmax()] if len(loaded) else None
    return Figures(
        over_team_months=len(over),
        short=float(short),
        peak=None if peak is None else float(peak["load"]),
        peak_team=None if peak is None else peak["team"],
        peak_month=None if peak is None else peak["month"].date(),
        teams_over=int(over["team"].nunique()),
    )


def move_text(move: Move, lang: str, names: dict[str, str] | None = None) -> str:
    """Write a move as a sentence: "Data platform on Azure 3 months later", "Data & IA capped at 100 %"."""
    if move.kind == "shift":
        name = (names or {}).get(move.project, "")
        key = "capacity.move.shift_later" if move.months > 0 else "capacity.move.shift_earlier"
        return t(key, lang, code=move.project, name=name, n=abs(move.months))
    if move.kind == "cap":
        return t("capacity.move.cap", lang, team=move.team, cap=formatting.percent(move.cap, lang))
    sign = "+" if move.fte >= 0 else "-"
    return t(
        "capacity.move.capacity",
        lang,
        team=move.team,
        fte=sign + formatting.number(abs(move.fte), lang, 1),
        month=formatting.month(move.from_month, lang) if move.from_month else t("capacity.move.now", lang),
    )


def check_move(move: Move) -> None:
    """Refuse a move that names nothing or asks the impossible, with a translation key."""
    if move.kind not in KINDS:
        raise ScenarioRefused("capacity.scenario.error.move")
    if move.kind == "shift" and (not move.project or not 0 < abs(move.months) <= MAX_SHIFT):
        raise ScenarioRefused("capacity.scenario.error.shift")
    if move.kind == "cap" and (not move.team or not 0 < move.cap <= 2):
        raise ScenarioRefused("capacity.scenario.error.cap")
    if move.kind == "capacity" and (not move.team or move.fte == 0):
        raise ScenarioRefused("capacity.scenario.error.capacity")


# --------------------------------------------------------------------------------------------------
# Scenarios


def save_scenario(
    con: duckdb.DuckDBPyConnection,
    name: str,
    moves: list[Move],
    *,
    state_date: date,
    result: Figures,
    actor: Actor,
    note: str | None = None,
) -> int:
    """Store the moves under a new name, with the figures they gave, and return the scenario's id; the
    actor's role is checked and the change recorded in the audit trail."""
    name = name.strip()
    if not name:
        raise ScenarioRefused("capacity.scenario.error.name")
    if not moves:
        raise ScenarioRefused("capacity.scenario.error.no_move")
    for move in moves:
        check_move(move)
    if con.execute("SELECT count(*) FROM capacity_scenarios WHERE name = $n", {"n": name}).fetchone()[0]:
        raise ScenarioRefused("capacity.scenario.error.taken")
    detail = {"moves": len(moves), "over_team_months": result.over_team_months, "short": result.short}
    with access.change(con, actor, "scenarios", "capacity_scenario.save", name, detail) as entry:
        scenario_id = con.execute(
            """INSERT INTO capacity_scenarios (name, state_date, note, over_team_months, short_fte_months,
                                               peak_load, created_at, created_by)
               VALUES ($name, $d, $note, $over, $short, $peak, $t, $u) RETURNING scenario_id""",
            {
                "name": name,
                "d": state_date,
                "note": note,
                "over": result.over_team_months,
                "short": result.short,
                "peak": result.peak,
                "t": datetime.now(),
                "u": actor.name,
            },
        ).fetchone()[0]
        entry["scenario"] = scenario_id
        for position, move in enumerate(moves):
            con.execute(
                """INSERT INTO capacity_scenario_moves VALUES ($s, $p, $kind, $project, $team, $months, $cap,
                                                               $fte, $from_month)""",
                {"s": scenario_id, "p": position, **asdict(move)},
            )
    return scenario_id


def list_scenarios(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every saved capacity scenario, with its moves counted and the plan of record flagged."""
    return con.execute(
        """SELECT s.scenario_id, s.name, s.state_date, s.note, s.over_team_months, s.short_fte_months,
                  s.peak_load, s.created_at, s.created_by,
                  (SELECT count(*) FROM capacity_scenario_moves AS m WHERE m.scenario_id = s.scenario_id)
                      AS n_moves,
                  s.scenario_id IS NOT DISTINCT FROM (SELECT arg_max(scenario_id, plan_of_record_at)
                                                     FROM capacity_scenarios WHERE plan_of_record_at IS NOT NULL)
                      AS plan_of_record,
                  s.plan_of_record_at, s.plan_of_record_by
           FROM capacity_scenarios AS s ORDER BY s.created_at DESC, s.scenario_id DESC"""
    ).df()


def scenario_moves(con: duckdb.DuckDBPyConnection, scenario_id: int) -> list[Move]:
    rows = con.execute(
        """SELECT kind, project_code, team, months, cap, fte, from_month FROM capacity_scenario_moves
           WHERE scenario_id = $s ORDER BY position""",
        {"s": scenario_id},
    ).fetchall()
    return [
        Move(kind, project, team, int(months or 0), float(cap or 1.0), float(fte or 0.0), from_month)
        for kind, project, team, months, cap, fte, from_month in rows
    ]


def mark_plan_of_record(con: duckdb.DuckDBPyConnection, scenario_id: int, actor: Actor) -> None:
    """Make a scenario the plan of record, keeping who and when."""
    detail = {"scenario": scenario_id}
    with access.change(con, actor, "scenarios", "capacity_scenario.plan_of_record", scenario_id, detail):
        updated = con.execute(
            """UPDATE capacity_scenarios SET plan_of_record_at = $t, plan_of_record_by = $u
               WHERE scenario_id = $s RETURNING 1""",
            {"t": datetime.now(), "u": actor.name, "s": scenario_id},
        ).fetchall()
        if not updated:
            raise ScenarioRefused("capacity.scenario.error.unknown")


def plan_of_record(con: duckdb.DuckDBPyConnection) -> int | None:
    row = con.execute(
        "SELECT arg_max(scenario_id, plan_of_record_at) FROM capacity_scenarios WHERE plan_of_record_at IS NOT NULL"
    ).fetchone()
    return row[0] if row else None


def delete_scenario(con: duckdb.DuckDBPyConnection, scenario_id: int, actor: Actor) -> None:
    """Delete a scenario; the plan of record cannot be deleted until another is marked."""
    access.require(con, actor, "scenarios", "capacity_scenario.delete", str(scenario_id))
    if plan_of_record(con) == scenario_id:
        raise ScenarioRefused("capacity.scenario.error.delete_plan")
    with access.change(
        con, actor, "scenarios", "capacity_scenario.delete", scenario_id, {"scenario": scenario_id}
    ):
        con.execute("DELETE FROM capacity_scenario_moves WHERE scenario_id = $s", {"s": scenario_id})
        con.execute("DELETE FROM capacity_scenarios WHERE scenario_id = $s", {"s": scenario_id})


@dataclass(frozen=True)
class Comparison:
    summary: pd.DataFrame  # scenario, moves (sentences), over_team_months, short, peak, teams_over, delayed
    shortfalls: pd.DataFrame  # scenario, team, short (person-months)
    plans: dict[str, Plan] = field(default_factory=dict)


def compare_scenarios(
    con: duckdb.DuckDBPyConnection, scenario_ids: list[int], f: Filters, since: date, lang: str
) -> Comparison:
    """Apply each scenario's moves to the state in view and set them beside the state as reported."""
    if len(scenario_ids) > MAX_COMPARED:
        raise ScenarioRefused("capacity.scenario.error.too_many")
    lines, supply = base_lines(con, f, since)
    names = project_names(con, f)
    listed = list_scenarios(con).set_index("scenario_id")
    plans = {t("capacity.scenario.reported", lang): Plan(grid_of(lines, supply), _no_delays(), _nothing())}
    moves_of = {t("capacity.scenario.reported", lang): []}
    for sid in dict.fromkeys(scenario_ids):
        if sid in listed.index:
            moves = scenario_moves(con, sid)
            plans[listed.at[sid, "name"]] = apply_moves(lines, supply, moves, since)
            moves_of[listed.at[sid, "name"]] = moves
    rows, shortfalls = [], []
    for name, plan in plans.items():
        result = figures(plan.grid, since)
        rows.append(
            {
                "scenario": name,
                "moves": "; ".join(move_text(m, lang, names) for m in moves_of[name]),
                "over_team_months": result.over_team_months,
                "short": result.short,
                "peak": result.peak,
                "teams_over": result.teams_over,
                "delayed": int(plan.delays["code"].nunique()),
            }
        )
        ahead = plan.grid.loc[plan.grid["month"] >= pd.Timestamp(since)]
        over = ahead.loc[(ahead["load"] > 1) | ahead["no_capacity"]]
        short = (over["demand"] - over["capacity"].fillna(0)).groupby(over["team"]).sum()
        shortfalls += [{"scenario": name, "team": team, "short": float(v)} for team, v in short.items()]
    return Comparison(
        pd.DataFrame(rows), pd.DataFrame(shortfalls, columns=["scenario", "team", "short"]), plans
    )


def _no_delays() -> pd.DataFrame:
    return pd.DataFrame(columns=["code", "team", "end_before", "end_after", "months_late"])


def _nothing() -> pd.DataFrame:
    return pd.DataFrame(columns=["team", "person_months"])
