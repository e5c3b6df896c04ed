"""Scoring models and ranking: weighted scores and WSJF on 0-100, each criterion's share, manual ranks.

Weighted model (DOMAIN.md): each value is put on 0..1 by its scale (min..max; reversed when lower is
better; the range among the projects ranked when the scale is left empty), then
score = 100 x sum(w x value) / sum(w). On 1-5 scores this is (weighted mean - 1) / 4 x 100.
WSJF (SAFe): cost of delay = business value + time criticality + risk reduction (weights 1 by default),
WSJF = cost of delay / job size; shown as 100 x WSJF / the highest WSJF among the projects ranked.
A project with a missing input has no score and says which inputs are missing: never a silent 0.
"""

from __future__ import annotations

import math
import unicodedata
from dataclasses import dataclass, replace
from datetime import datetime

import duckdb
import numpy as np
import pandas as pd

from pmo_core import access, business_case
from pmo_core.access import Actor
from pmo_core.filters import Filters
from pmo_core.i18n import t

KINDS = ("weighted", "wsjf")
DIRECTIONS = ("higher", "lower")
# Fields a criterion may use, with the scale offered by default (None: the range among the projects ranked).
CRITERIA: dict[str, tuple[float | None, float | None]] = {
    "strategic_alignment": (1, 5),
    "business_value": (1, 5),
    "urgency": (1, 5),
    "feasibility": (1, 5),
    "risk_level": (1, 5),
    "time_criticality": (1, 5),
    "risk_reduction": (1, 5),
    "job_size": (1, 20),
    "npv": (None, None),
    "roi": (None, None),
    "payback_years": (0, 10),
}
FINANCIAL = ("npv", "roi", "payback_years")
# Phases (accents and case ignored) that say a project is finished or stopped: it is no longer a candidate.
CLOSED_PHASES = frozenset(
    {
        "closed",
        "closure",
        "closing",
        "close out",
        "closeout",
        "completed",
        "complete",
        "done",
        "finished",
        "cancelled",
        "canceled",
        "delivered",
        "clos",
        "close",
        "cloture",
        "termine",
        "terminee",
        "acheve",
        "achevee",
        "annule",
        "annulee",
        "abandonne",
        "abandonnee",
        "livre",
    }
)


@dataclass(frozen=True)
class Criterion:
    field: str
    weight: float
    direction: str = "higher"
    scale_min: float | None = None
    scale_max: float | None = None
    role: str = "term"  # "size": the divisor of a WSJF model


@dataclass(frozen=True)
class ScoringModel:
    model_id: int | None
    name: str
    kind: str
    criteria: tuple[Criterion, ...]
    shipped_code: str | None = None

    def label(self, lang: str) -> str:
        """Return the name users see: a shipped default is translated."""
        return t(f"priorities.model.{self.shipped_code}", lang) if self.shipped_code else self.name

    @property
    def terms(self) -> tuple[Criterion, ...]:
        return tuple(c for c in self.criteria if c.role == "term")

    @property
    def size(self) -> Criterion | None:
        return next((c for c in self.criteria if c.role == "size"), None)


# --------------------------------------------------------------------------------------------------
# Models in the store


def list_models(con: duckdb.DuckDBPyConnection) -> list[ScoringModel]:
    """Return every saved model, shipped defaults first."""
    rows = con.execute(
        "SELECT model_id, name, kind, shipped_code FROM scoring_models ORDER BY shipped_code IS NULL, model_id"
    ).fetchall()
    criteria = con.execute(
        """SELECT model_id, field, weight, direction, scale_min, scale_max, role
           FROM scoring_criteria ORDER BY model_id, position"""
    ).fetchall()
    by_model: dict[int, list[Criterion]] = {}
    for model_id, field, weight, direction, lo, hi, role in criteria:
        by_model.setdefault(model_id, []).append(Criterion(field, weight, direction, lo, hi, role))
    return [
        ScoringModel(mid, name, kind, tuple(by_model.get(mid, ())), code) for mid, name, kind, code in rows
    ]


def get_model(con: duckdb.DuckDBPyConnection, model_id: int) -> ScoringModel:
    found = [m for m in list_models(con) if m.model_id == model_id]
    if not found:
        raise KeyError(model_id)
    return found[0]


def validate_model(model: ScoringModel) -> list[str]:
    """Return the translation keys of what is wrong with a model; empty when it can be saved."""
    problems = []
    fields = [c.field for c in model.criteria]
    if not model.name.strip():
        problems.append("priorities.model.error.name")
    if any(f not in CRITERIA for f in fields) or len(set(fields)) != len(fields):
        problems.append("priorities.model.error.fields")
    if any(c.weight < 0 or not math.isfinite(c.weight) for c in model.criteria):
        problems.append("priorities.model.error.weight")
    if sum(c.weight for c in model.terms) <= 0:
        problems.append("priorities.model.error.no_weight")
    if any(
        c.scale_min is not None and c.scale_max is not None and c.scale_min >= c.scale_max
        for c in model.criteria
    ):
        problems.append("priorities.model.error.scale")
    if model.kind == "wsjf" and (model.size is None or sum(c.role == "size" for c in model.criteria) != 1):
        problems.append("priorities.model.error.size")
    if model.kind == "weighted" and model.size is not None:
        problems.append("priorities.model.error.size_weighted")
    return problems


def save_model(con: duckdb.DuckDBPyConnection, model: ScoringModel, actor: Actor) -> int:
    """Store a model (a new one when model_id is None) and return its id; refuse an invalid one."""
    problems = validate_model(model)
    if problems:
        raise ValueError(", ".join(problems))
    now, user = datetime.now(), actor.name
    criteria = [f"{c.field}:{c.weight:g}:{c.direction}" for c in model.criteria]
    target = model.name.strip()
    with access.change(con, actor, "scoring", "scoring_model.save", target, {"criteria": criteria}) as entry:
        if model.model_id is None:
            model_id = con.execute(
                """INSERT INTO scoring_models (name, kind, created_at, created_by, updated_at, updated_by)
                   VALUES ($n, $k, $t, $u, $t, $u) RETURNING model_id""",
                {"n": model.name.strip(), "k": model.kind, "t": now, "u": user},
            ).fetchone()[0]
        else:
            model_id = model.model_id
            con.execute(
                "UPDATE scoring_models SET updated_at = $t, updated_by = $u WHERE model_id = $m",
                {"t": now, "u": user, "m": model_id},
            )
            con.execute("DELETE FROM scoring_criteria WHERE model_id = $m", {"m": model_id})
        entry["model"] = model_id
        _insert_criteria(con, model_id, model.criteria)
    return model_id


def _insert_criteria(con: duckdb.DuckDBPyConnection, model_id: int, criteria: tuple[Criterion, ...]) -> None:
    for position, c in enumerate(criteria, start=1):
        con.execute(
            """INSERT INTO scoring_criteria (model_id, position, field, weight, direction, scale_min, scale_max, role)
               VALUES ($m, $p, $f, $w, $d, $lo, $hi, $r)""",
            {
                "m": model_id,
                "p": position,
                "f": c.field,
                "w": float(c.weight),
                "d": c.direction,
                "lo": c.scale_min,
                "hi": c.scale_max,
                "r": c.role,
            },
        )


def delete_model(con: duckdb.DuckDBPyConnection, model_id: int, actor: Actor) -> None:
    """Delete a model of the users' own; the shipped defaults stay (they can be restored instead)."""
    with access.change(con, actor, "scoring", "scoring_model.delete", model_id, {"model": model_id}):
        shipped = con.execute(
            "SELECT shipped_code FROM scoring_models WHERE model_id = $m", {"m": model_id}
        ).fetchone()
        if shipped is None or shipped[0] is not None:
            raise ValueError("priorities.model.error.delete_shipped")
        con.execute("DELETE FROM scoring_criteria WHERE model_id = $m", {"m": model_id})
        con.execute("DELETE FROM scoring_models WHERE model_id = $m", {"m": model_id})


SHIPPED: dict[str, tuple[Criterion, ...]] = {
    "weighted_strategic": (
        Criterion("strategic_alignment", 30, "higher", 1, 5),
        Criterion("business_value", 25, "higher", 1, 5),
        Criterion("urgency", 15, "higher", 1, 5),
        Criterion("risk_level", 15, "lower", 1, 5),
        Criterion("feasibility", 15, "higher", 1, 5),
    ),
    "wsjf": (
        Criterion("business_value", 1, "higher", 1, 5),
        Criterion("time_criticality", 1, "higher", 1, 5),
        Criterion("risk_reduction", 1, "higher", 1, 5),
        Criterion("job_size", 1, "lower", 1, 20, "size"),
    ),
    "financial": (
        Criterion("npv", 40, "higher"),
        Criterion("roi", 30, "higher"),
        Criterion("payback_years", 30, "lower", 0, 10),
    ),
}


def restore_default(con: duckdb.DuckDBPyConnection, model_id: int, actor: Actor) -> None:
    """Put a shipped model's criteria back as they were shipped."""
    model = get_model(con, model_id)
    if model.shipped_code not in SHIPPED:
        raise ValueError("priorities.model.error.not_shipped")
    save_model(con, replace(model, criteria=SHIPPED[model.shipped_code]), actor)


# --------------------------------------------------------------------------------------------------
# Inputs


def is_closed(phase: object, percent_complete: object) -> bool:
    """Say whether a project is finished or stopped: 100 % complete, or a closing phase such as Clôture."""
    if (
        isinstance(percent_complete, int | float)
        and not math.isnan(percent_complete)
        and percent_complete >= 1
    ):
        return True
    if not isinstance(phase, str):
        return False
    plain = unicodedata.normalize("NFKD", phase).encode("ascii", "ignore").decode().lower()
    return " ".join(plain.replace("-", " ").replace("_", " ").split()) in CLOSED_PHASES


def project_inputs(con: duckdb.DuckDBPyConnection, f: Filters, rate: float) -> pd.DataFrame:
    """Return the filtered projects with every prioritisation input, financial figures from the business
    case where yearly rows exist (at `rate`), else as the tracker states them; `closed` by `is_closed`."""
    frame = con.execute(
        f"""SELECT p.code, p.name, p.portfolio, p.programme, p.manager, p.phase, p.percent_complete, p.budget,
                   p.actual_cost, p.strategic_alignment, p.business_value, p.time_criticality, p.risk_reduction,
                   p.job_size, p.urgency, p.feasibility, p.risk_level, p.npv, p.roi, p.payback_years,
                   coalesce(p.mandatory, false) AS mandatory, p.depends_on
            FROM projects_at($d::DATE) AS p WHERE {f.project_clause("p")} ORDER BY p.code""",  # noqa: S608
        f.params(),
    ).df()
    cases = business_case.business_cases(con, f, rate).set_index("code")
    has_case = frame["code"].isin(cases.index)
    frame["financial_source"] = np.where(
        has_case, "business_case", np.where(frame["npv"].notna(), "tracker", None)
    )
    if has_case.any():
        matched = cases.reindex(frame["code"])
        frame.loc[has_case, "npv"] = matched["npv"].to_numpy()[has_case.to_numpy()]
        frame.loc[has_case, "roi"] = matched["roi"].to_numpy(dtype=float)[has_case.to_numpy()]
        payback = matched["payback"].to_numpy(dtype=float)
        frame.loc[has_case, "payback_years"] = np.where(np.isnan(payback), np.inf, payback)[
            has_case.to_numpy()
        ]
    frame["closed"] = closed_flags(frame["phase"], frame["percent_complete"])
    return frame


def closed_flags(phase: pd.Series, percent_complete: pd.Series) -> np.ndarray:
    """Apply is_closed to whole columns: each distinct phase is read once."""
    closing = [p for p in phase.dropna().unique() if is_closed(p, None)]
    done = pd.to_numeric(percent_complete, errors="coerce").fillna(0).to_numpy(dtype=float) >= 1
    return done | phase.isin(closing).to_numpy(dtype=bool)


# --------------------------------------------------------------------------------------------------
# Scores


def score_projects(inputs: pd.DataFrame, model: ScoringModel) -> pd.DataFrame:
    """Return code, name, score (0-100), raw (WSJF or the score), missing inputs and each criterion's
    share of the score (`part_<field>`, the shares add up to the score)."""
    out = pd.DataFrame({"code": inputs["code"], "name": inputs["name"]})
    values = {
        c.field: pd.to_numeric(inputs[c.field], errors="coerce").to_numpy(dtype=float) for c in model.criteria
    }
    missing = np.zeros((len(inputs), len(model.criteria)), dtype=bool)
    for i, c in enumerate(model.criteria):
        missing[:, i] = np.isnan(values[c.field])
        if c.role == "size":
            missing[:, i] |= values[c.field] <= 0  # a job size of 0 cannot divide
    names = [c.field for c in model.criteria]
    out["missing"] = ""
    gaps = np.flatnonzero(missing.any(axis=1))  # only these rows need words
    out.iloc[gaps, out.columns.get_loc("missing")] = [
        ", ".join(n for n, m in zip(names, missing[i], strict=True) if m) for i in gaps
    ]
    complete = ~missing.any(axis=1)
    parts = (
        _wsjf_parts(values, model, complete)
        if model.kind == "wsjf"
        else _weighted_parts(values, model, complete)
    )
    for field, part in parts.items():
        out[f"part_{field}"] = np.where(complete, part, np.nan)
    part_columns = [f"part_{c.field}" for c in model.terms]
    out["score"] = out[part_columns].sum(axis=1, min_count=1).where(complete)
    out["raw"] = _wsjf(values, model) if model.kind == "wsjf" else out["score"]
    out["raw"] = out["raw"].where(complete)
    return out


def _weighted_parts(values: dict[str, np.ndarray], model: ScoringModel, complete: np.ndarray) -> dict:
    """Return each criterion's points: 100 x w x normalised value / sum(w)."""
    total = sum(c.weight for c in model.terms)
    return {c.field: 100 * c.weight * normalise(values[c.field], c, complete) / total for c in model.terms}


def normalise(x: np.ndarray, c: Criterion, among: np.ndarray) -> np.ndarray:
    """Put values on 0..1 by the criterion's scale (the range among `among` rows when not set); reverse it
    when lower is better. A criterion on which every project is equal counts half for each."""
    finite = x[among & np.isfinite(x)]
    lo = c.scale_min if c.scale_min is not None else (finite.min() if finite.size else 0.0)
    hi = c.scale_max if c.scale_max is not None else (finite.max() if finite.size else 0.0)
    if hi <= lo:
        result = np.full(x.shape, 0.5)
    else:
        with np.errstate(invalid="ignore"):
            result = np.clip((x - lo) / (hi - lo), 0.0, 1.0)  # +inf (never pays back) is at the top end
    return 1.0 - result if c.direction == "lower" else result


def _wsjf(values: dict[str, np.ndarray], model: ScoringModel) -> np.ndarray:
    cost_of_delay = sum(c.weight * values[c.field] for c in model.terms)
    with np.errstate(divide="ignore", invalid="ignore"):
        return cost_of_delay / values[model.size.field]


def _wsjf_parts(values: dict[str, np.ndarray], model: ScoringModel, complete: np.ndarray) -> dict:
    """Return each cost-of-delay term's share of 100 x WSJF / the highest WSJF among complete projects."""
    wsjf = _wsjf(values, model)
    top = np.nanmax(np.where(complete, wsjf, np.nan)) if complete.any() else np.nan
    scale = 100 / top if top and math.isfinite(top) and top > 0 else np.nan
    size = values[model.size.field]
    with np.errstate(divide="ignore", invalid="ignore"):
        return {c.field: scale * c.weight * values[c.field] / size for c in model.terms}


# --------------------------------------------------------------------------------------------------
# Ranks and manual overrides


def override_rank(
    con: duckdb.DuckDBPyConnection, model_id: int, code: str, rank: int | None, reason: str, actor: Actor
) -> None:
    """Record a manual rank (None hands the project back to its score), with who, when and why."""
    if not reason.strip():
        raise ValueError("priorities.override.error.reason")
    if rank is not None and rank < 1:
        raise ValueError("priorities.override.error.rank")
    detail = {"model": model_id, "rank": rank, "reason": reason.strip()}
    with access.change(con, actor, "scoring", "rank_override", code, detail):
        con.execute(
            "INSERT INTO rank_overrides VALUES ($m, $c, $r, $why, $u, $t)",
            {
                "m": model_id,
                "c": code,
                "r": rank,
                "why": reason.strip(),
                "u": actor.name,
                "t": datetime.now(),
            },
        )


def current_overrides(con: duckdb.DuckDBPyConnection, model_id: int) -> pd.DataFrame:
    """Return the manual ranks in force for a model: the latest row per project, when it sets a rank."""
    return con.execute(
        """SELECT project_code AS code, rank, reason, user_name, created_at FROM (
               SELECT *, row_number() OVER (PARTITION BY project_code ORDER BY created_at DESC) AS latest
               FROM rank_overrides WHERE model_id = $m)
           WHERE latest = 1 AND rank IS NOT NULL ORDER BY created_at""",
        {"m": model_id},
    ).df()


def override_history(con: duckdb.DuckDBPyConnection, model_id: int) -> pd.DataFrame:
    """Return every manual change of rank for a model, newest first."""
    return con.execute(
        """SELECT created_at, user_name, project_code AS code, rank, reason
           FROM rank_overrides WHERE model_id = $m ORDER BY created_at DESC""",
        {"m": model_id},
    ).df()


def apply_overrides(order: list[str], overrides: list[tuple[str, int]]) -> list[str]:
    """Place each overridden project at its rank (later overrides first on a tie), the others keep
    their order in the free places; ranks beyond the end go to the end."""
    forced = [code for code, _ in overrides]
    others = [code for code in order if code not in forced]
    size = len(others) + len(forced)
    slots: list[str | None] = [None] * size
    for code, rank in sorted(reversed(overrides), key=lambda pair: pair[1]):
        position = min(rank, size) - 1
        while slots[position] is not None:
            position = position + 1 if position + 1 < size else slots.index(None)
        slots[position] = code
    rest = iter(others)
    return [code if code is not None else next(rest) for code in slots]


def rank_projects(
    inputs: pd.DataFrame, model: ScoringModel, overrides: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the scores of every project with its rank by score and its rank after manual changes.

    Projects without a score come last (no rank by score) unless a manual rank places them."""
    scored = score_projects(inputs, model)
    scored = scored.sort_values(
        ["score", "code"], ascending=[False, True], na_position="last", kind="mergesort"
    ).reset_index(drop=True)
    n_scored = int(scored["score"].notna().sum())
    positions = np.arange(1, len(scored) + 1, dtype=float)
    scored["score_rank"] = np.where(positions <= n_scored, positions, np.nan)
    columns = {
        "rank": "override_rank",
        "reason": "override_reason",
        "user_name": "override_by",
        "created_at": "override_at",
    }
    if overrides is None or overrides.empty:
        scored["rank"] = scored["score_rank"]
        return scored.assign(**{name: np.nan for name in columns.values()})
    overrides = overrides.loc[overrides["code"].isin(scored["code"])]
    ranked = scored["code"].iloc[:n_scored].tolist()
    final = apply_overrides(ranked, list(zip(overrides["code"], overrides["rank"].astype(int), strict=True)))
    scored["rank"] = scored["code"].map({code: i for i, code in enumerate(final, start=1)})
    scored = scored.merge(overrides.rename(columns=columns), on="code", how="left")
    return scored.sort_values(["rank", "code"], na_position="last", kind="mergesort").reset_index(drop=True)


def ranking(
    con: duckdb.DuckDBPyConnection, f: Filters, model_id: int, rate: float, inputs: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Return the ranking of the filtered open projects under a saved model, manual ranks applied.

    `inputs` is project_inputs(con, f, rate) when the caller already holds it (a page computes it once)."""
    inputs = project_inputs(con, f, rate) if inputs is None else inputs
    return rank_open(inputs, get_model(con, model_id), current_overrides(con, model_id))


def rank_open(inputs: pd.DataFrame, model: ScoringModel, overrides: pd.DataFrame) -> pd.DataFrame:
    """Rank the open projects of `inputs`, with each one's inputs beside its score (`in_<field>`)."""
    inputs = inputs.loc[~inputs["closed"]].reset_index(drop=True)
    ranked = rank_projects(inputs, model, overrides)
    keep = ["code", "portfolio", "phase", "budget", "mandatory", "financial_source", *model_fields(model)]
    return ranked.merge(inputs[keep].rename(columns={f: f"in_{f}" for f in model_fields(model)}), on="code")


def model_fields(model: ScoringModel) -> list[str]:
    return [c.field for c in model.criteria]


def contributions(ranked: pd.DataFrame, model: ScoringModel, top: int) -> pd.DataFrame:
    """Return the `top` ranked projects' points per criterion, long form, for a stacked bar."""
    head = ranked.loc[ranked["score"].notna()].nsmallest(top, "rank")
    parts = [f"part_{c.field}" for c in model.terms]
    long = head.melt(
        id_vars=["code", "name", "rank", "score"], value_vars=parts, var_name="criterion", value_name="points"
    )
    long["criterion"] = long["criterion"].str.removeprefix("part_")
    long["order"] = long["criterion"].map({c.field: i for i, c in enumerate(model.terms)})
    return long.sort_values(["rank", "order"]).reset_index(drop=True)


def compare_ranks(
    con: duckdb.DuckDBPyConnection,
    f: Filters,
    model_a: int,
    model_b: int,
    rate: float,
    inputs: pd.DataFrame | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Return each project's rank and score under two models side by side, and how far it moves; with
    `top`, only the projects ranked in the top under either model."""
    inputs = project_inputs(con, f, rate) if inputs is None else inputs
    a = ranking(con, f, model_a, rate, inputs)[["code", "name", "rank", "score"]]
    b = ranking(con, f, model_b, rate, inputs)[["code", "rank", "score"]]
    both = a.merge(b, on="code", suffixes=("_a", "_b"))
    both["moves"] = both["rank_a"] - both["rank_b"]  # positive: ranked higher under model b
    if top is not None:
        both = both.loc[(both["rank_a"] <= top) | (both["rank_b"] <= top)]
    return both.sort_values(["rank_a", "code"], na_position="last").reset_index(drop=True)


def state_version(con: duckdb.DuckDBPyConnection) -> tuple:
    """Identify the prioritisation settings (models, manual ranks, scenarios) so cached pictures refresh."""
    return con.execute(
        """SELECT (SELECT max(updated_at) FROM scoring_models), (SELECT count(*) FROM scoring_models),
                  (SELECT count(*) FROM rank_overrides), (SELECT count(*) FROM scenarios),
                  (SELECT max(created_at) FROM scenarios), (SELECT max(plan_of_record_at) FROM scenarios)"""
    ).fetchone()
