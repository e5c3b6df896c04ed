"""Risk scoring against hand-worked cases: scores, bands and their edits, exposure, word scales, the heatmap,
the register and its Excel file, movement between snapshots, and roll-ups."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook

from pmo_core import risks, snapshots, values
from pmo_core.filters import Filters
from pmo_core.importer import plan_from_frames
from tests.actors import PMO
from tests.frames import projects

SEPT, OCT = date(2026, 9, 30), date(2026, 10, 31)
ALL = risks.RiskFilter(statuses=())


def _risk(code: str, project: str, p: int, i: int, **more) -> dict:
    return {
        "project_code": project,
        "code": code,
        "title": f"Risk {code}",
        "probability": p,
        "impact": i,
        "status": "open",
        **more,
    }


def _portfolio() -> pd.DataFrame:
    return projects(
        {"code": "P1", "name": "Alpha", "portfolio": "Industry", "manager": "Ann", "budget": 100_000.0},
        {"code": "P2", "name": "Beta", "portfolio": "Digital", "manager": "Bob", "budget": 50_000.0},
    )


def _october_risks() -> pd.DataFrame:
    """Four risks whose figures the tests below work out by hand."""
    return pd.DataFrame(
        [
            # 4 x 2 = 8, moderate by default; exposure 0.7 x 100,000 = 70,000; due before 31 Oct: overdue
            _risk(
                "R1",
                "P1",
                4,
                2,
                category="schedule",
                owner="Ann",
                cost_impact=100_000.0,
                residual_probability=2,
                residual_impact=2,
                due_date=date(2026, 9, 1),
                response="mitigate",
            ),
            # 5 x 5 = 25, critical; no cost impact, so no exposure; no residual rating: residual = inherent
            _risk(
                "R2",
                "P1",
                5,
                5,
                category="technical",
                owner="Cyd",
                status="in_treatment",
                response="escalate",
            ),
            # closed: out of the open view, never overdue although its due date has passed
            _risk(
                "R3", "P2", 2, 3, category="quality", owner="Bob", status="closed", due_date=date(2026, 1, 15)
            ),
            # 3 x 4 = 12, high; exposure 0.5 x 50,000 = 25,000; residual probability 2 with the inherent impact 4
            _risk(
                "R4",
                "P2",
                3,
                4,
                category="health_safety",
                owner="Bob",
                cost_impact=50_000.0,
                residual_probability=2,
                due_date=date(2026, 12, 1),
                title="Noise exposure in the workshop",
            ),
        ]
    )


def _load(con, as_of: date, risk_rows: pd.DataFrame) -> None:
    plan = plan_from_frames(con, {"projects": _portfolio(), "risks": risk_rows}, scope="full", as_of=as_of)
    assert not plan.has_errors, plan.errors
    snapshots.apply_plan(con, plan, PMO)


@pytest.fixture
def store(con):
    """One snapshot on 31 October 2026 holding the four risks of _october_risks()."""
    _load(con, OCT, _october_risks())
    return con


def _cell(frame: pd.DataFrame, p: int, i: int) -> pd.Series:
    return frame.loc[(frame.probability == p) & (frame.impact == i)].iloc[0]


# --- Pure scoring --------------------------------------------------------------------------------------


def test_score_is_probability_times_impact():
    assert risks.score(4, 5) == 20
    assert risks.score(1, 1) == 1
    assert risks.score(5, 5) == 25


@pytest.mark.parametrize(
    ("p", "i", "band"),
    [
        (1, 4, "low"),  # 4: top of low
        (5, 1, "moderate"),  # 5: bottom of moderate
        (3, 3, "moderate"),  # 9: top of moderate
        (2, 5, "high"),  # 10: bottom of high
        (4, 4, "high"),  # 16: top of high
        (4, 5, "critical"),  # 20: no score between 16 and 20 exists, so critical starts at 20
        (5, 5, "critical"),
    ],
)
def test_default_bands_are_those_of_domain(p, i, band):
    assert risks.default_band(p, i) == band


def test_new_store_holds_the_default_band_table(con):
    table = risks.band_table(con)
    assert len(table) == 25
    assert all(row.band == risks.default_band(row.probability, row.impact) for row in table.itertuples())


def test_exposure_is_probability_fraction_times_cost_impact():
    pmbok = (0.1, 0.3, 0.5, 0.7, 0.9)
    assert risks.exposure(4, 100_000.0, pmbok) == pytest.approx(70_000.0)  # 0.7 x 100,000
    assert risks.exposure(1, 5_000.0, pmbok) == pytest.approx(500.0)  # 0.1 x 5,000
    assert risks.exposure(3, None, pmbok) is None
    assert risks.exposure(3, float("nan"), pmbok) is None


def test_residual_rating_falls_back_to_inherent_value_by_value():
    assert risks.residual_rating(4, 5, 2, 3) == (2, 3)
    assert risks.residual_rating(4, 5, None, None) == (4, 5)
    assert risks.residual_rating(4, 5, 2, None) == (2, 5)
    assert risks.residual_rating(4, 5, pd.NA, 1) == (4, 1)


@pytest.mark.parametrize("lang", ["en", "fr"])
@pytest.mark.parametrize("kind", ["probability", "impact"])
def test_axis_words_read_back_as_their_level(kind, lang):
    """The words on the axes are tracker words: the importer's scale parser puts each back at its level."""
    words = [risks.scale_label(kind, level, lang).split(" · ", 1)[1] for level in risks.LEVELS]
    assert values.parse_scale(pd.Series(words)).values.tolist() == [1, 2, 3, 4, 5]


def test_axis_labels_carry_number_and_word():
    assert risks.scale_label("probability", 4, "en") == "4 · Likely"
    assert risks.scale_label("probability", 4, "fr") == "4 · Probable"
    assert risks.scale_label("impact", 5, "fr") == "5 · Critique"


# --- The heatmap ---------------------------------------------------------------------------------------


def test_heatmap_has_25_cells_with_counts_and_bands(store):
    cells = risks.heatmap(store, Filters(), risks.RiskFilter())
    assert len(cells) == 25
    assert cells["risks"].sum() == 3  # R3 is closed: the open view holds R1, R2, R4
    assert _cell(cells, 4, 2).risks == 1 and _cell(cells, 4, 2).band == "moderate"
    assert _cell(cells, 5, 5).risks == 1 and _cell(cells, 5, 5).band == "critical"
    assert _cell(cells, 3, 4).risks == 1 and _cell(cells, 3, 4).exposure == pytest.approx(25_000.0)
    assert _cell(cells, 2, 3).risks == 0


def test_a_closed_risk_leaves_the_open_view(store):
    open_view = risks.register(store, Filters(), risks.RiskFilter()).rows
    everything = risks.register(store, Filters(), ALL).rows
    assert "R3" not in set(open_view.code)
    assert "R3" in set(everything.code)
    assert _cell(risks.heatmap(store, Filters(), ALL), 2, 3).risks == 1


def test_residual_view_uses_residual_values_where_given(store):
    cells = risks.heatmap(store, Filters(), risks.RiskFilter(view="residual"))
    assert _cell(cells, 2, 2).risks == 1  # R1: residual 2 x 2
    assert _cell(cells, 5, 5).risks == 1  # R2: no residual rating, so its inherent 5 x 5
    assert _cell(cells, 2, 4).risks == 1  # R4: residual probability 2, impact kept at its inherent 4
    # R4's residual exposure uses the residual probability: 0.3 x 50,000
    assert _cell(cells, 2, 4).exposure == pytest.approx(15_000.0)


def test_a_risk_changes_band_when_the_band_table_is_edited(store):
    before = risks.register(store, Filters(), risks.RiskFilter()).rows.set_index("code")
    assert before.loc["R1", "band"] == "moderate"  # 4 x 2 = 8
    risks.set_band(store, 4, 2, "low", PMO)  # the organisation decides that 4 x 2 is low
    after = risks.register(store, Filters(), risks.RiskFilter()).rows.set_index("code")
    assert after.loc["R1", "band"] == "low"
    assert after.loc["R1", "score"] == 8  # the score does not change, only its band
    assert _cell(risks.heatmap(store, Filters(), risks.RiskFilter()), 4, 2).band == "low"
    summary = risks.risk_summary(store, Filters(), risks.RiskFilter())
    assert (summary.critical, summary.high) == (1, 1)


def test_the_overview_join_on_risk_bands_agrees_with_the_reference(store):
    """An other page counting critical risks by joining risk_bands gets the same figure, edited table included."""
    risks.set_band(store, 3, 4, "critical", PMO)
    joined = store.execute(
        """SELECT count(*) FROM risks AS r JOIN risk_bands AS b USING (probability, impact)
           WHERE b.band = 'critical' AND r.status <> 'closed'"""
    ).fetchone()[0]
    assert joined == risks.risk_summary(store, Filters(), risks.RiskFilter()).critical == 2  # R2 and R4


def test_cell_risks_lists_the_cell_with_overdue_marks(store):
    listed = risks.cell_risks(store, Filters(), risks.RiskFilter(), 4, 2)
    assert listed.code.tolist() == ["R1"]
    row = listed.iloc[0]
    assert (row.project_name, row.owner, row.score, row.response) == ("Alpha", "Ann", 8, "mitigate")
    assert bool(row.overdue)  # due 1 Sep 2026, snapshot 31 Oct 2026, still open
    assert risks.cell_risks(store, Filters(), risks.RiskFilter(), 1, 1).empty


def test_summary_counts_and_exposure(store):
    summary = risks.risk_summary(store, Filters(), risks.RiskFilter())
    # open view: R1 (moderate), R2 (critical), R4 (high); exposure 70,000 + 25,000; only R1 overdue
    assert summary == risks.RiskSummary(
        risks=3, critical=1, high=1, exposure=pytest.approx(95_000.0), overdue=1
    )


def test_probability_fractions_setting_drives_exposure(store):
    risks.save_probability_fractions(store, [0.05, 0.2, 0.4, 0.6, 0.8], PMO)
    summary = risks.risk_summary(store, Filters(), risks.RiskFilter())
    assert summary.exposure == pytest.approx(0.6 * 100_000 + 0.4 * 50_000)  # R1 at level 4, R4 at level 3


def test_fractions_that_decrease_are_refused_and_nothing_is_stored(store):
    with pytest.raises(ValueError, match="at least"):
        risks.save_probability_fractions(store, [0.1, 0.5, 0.3, 0.7, 0.9], PMO)
    assert risks.probability_fractions(store) == (0.1, 0.3, 0.5, 0.7, 0.9)


def test_filters_narrow_by_portfolio_category_owner_and_project(store):
    def codes(f=Filters(), **kw):
        return sorted(risks.register(store, f, risks.RiskFilter(statuses=(), **kw)).rows.code)

    assert codes(Filters(portfolios=("Digital",))) == ["R3", "R4"]
    assert codes(categories=("health_safety",)) == ["R4"]
    assert codes(owners=("Ann", "Cyd")) == ["R1", "R2"]
    assert codes(projects=("P1",)) == ["R1", "R2"]
    assert codes(Filters(managers=("Bob",)), categories=("schedule",)) == []


# --- The register --------------------------------------------------------------------------------------


def test_register_searches_orders_and_counts(store):
    found = risks.register(store, Filters(), risks.RiskFilter(), search="NOISE")
    assert (found.total, found.rows.code.tolist()) == (1, ["R4"])
    by_exposure = risks.register(store, Filters(), risks.RiskFilter(), order="exposure").rows
    assert by_exposure.code.tolist() == ["R1", "R4", "R2"]  # 70,000, 25,000, then no exposure
    by_score = risks.register(store, Filters(), risks.RiskFilter(), order="score").rows
    assert by_score.code.tolist() == ["R2", "R4", "R1"]  # 25, 12, 8
    capped = risks.register(store, Filters(), risks.RiskFilter(), limit=2)
    assert (capped.total, len(capped.rows)) == (3, 2)


def test_register_shows_both_ratings_and_exposures(store):
    row = risks.register(store, Filters(), ALL).rows.set_index("code").loc["R4"]
    assert (row.inherent_score, row.inherent_band) == (12, "high")
    assert (row.residual_probability, row.residual_impact, row.residual_score, row.residual_band) == (
        2,
        4,
        8,
        "moderate",
    )
    assert row.inherent_exposure == pytest.approx(25_000.0)  # 0.5 x 50,000
    assert row.residual_exposure == pytest.approx(15_000.0)  # 0.3 x 50,000


def test_top_risks_by_score_and_by_exposure(store):
    assert risks.top_risks(store, Filters(), risks.RiskFilter(), "score").code.tolist() == ["R2", "R4", "R1"]
    # R2 has no cost impact, so it has no place in the ranking by exposure
    assert risks.top_risks(store, Filters(), risks.RiskFilter(), "exposure").code.tolist() == ["R1", "R4"]
    assert len(risks.top_risks(store, Filters(), risks.RiskFilter(), "score", n=1)) == 1


def test_register_workbook_neutralises_formulas_and_speaks_french(con):
    hostile = _october_risks()
    hostile.loc[0, "title"] = '=HYPERLINK("http://evil.example","click")'
    hostile.loc[1, "title"] = "@SUM(A1)"
    hostile.loc[3, "owner"] = "-2+3"
    _load(con, OCT, hostile)
    sheet = load_workbook(BytesIO(risks.register_workbook(con, Filters(), ALL, "fr"))).active
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["N° risque", "Risque"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert '\'=HYPERLINK("http://evil.example","click")' in texts
    assert "'@SUM(A1)" in texts and "'-2+3" in texts
    assert all(c.data_type != "f" for c in cells)
    assert "Hygiène, santé, sécurité" in texts and "Critique" in texts and "Oui" in texts
    assert sheet.max_row == 1 + 4  # every risk, the closed one included


# --- Band table edits ----------------------------------------------------------------------------------


def test_band_grid_round_trips_and_counts_changes(con):
    grid = risks.band_grid(con)
    assert grid["impact"].tolist() == [5, 4, 3, 2, 1]
    assert grid.loc[grid.impact == 2, "4"].item() == "moderate"
    grid.loc[grid.impact == 2, "4"] = "low"
    assert risks.save_band_grid(con, grid, PMO) == 1
    assert risks.band_grid(con).loc[lambda g: g.impact == 2, "4"].item() == "low"
    assert risks.save_band_grid(con, grid, PMO) == 0  # saving the same grid again changes nothing


def test_an_invalid_grid_is_refused_whole(con):
    grid = risks.band_grid(con)
    grid.loc[grid.impact == 5, "1"] = "high"
    grid.loc[grid.impact == 1, "1"] = "severe"  # not a band
    with pytest.raises(ValueError, match="severe"):
        risks.save_band_grid(con, grid, PMO)
    assert risks.band_grid(con).loc[lambda g: g.impact == 5, "1"].item() == "moderate"  # nothing stored


def test_band_warnings_point_at_cells_lower_than_a_smaller_cell(con):
    assert risks.band_warnings(con) == []
    risks.set_band(con, 5, 5, "moderate", PMO)  # below 4 x 5 (critical), a likely typo
    assert risks.band_warnings(con) == [(5, 5)]
    assert risks.reset_bands(con, PMO) == 1
    assert risks.band_warnings(con) == []


def test_set_band_refuses_unknown_values(con):
    with pytest.raises(ValueError):
        risks.set_band(con, 6, 1, "low", PMO)
    with pytest.raises(ValueError):
        risks.set_band(con, 1, 1, "tiny", PMO)


# --- Movement between snapshots ------------------------------------------------------------------------


@pytest.fixture
def two_months(con):
    """September: R1 3x2, R2 5x5, R3 2x3, R5 2x2. October: R1 4x2 (up), R2 4x5 (down), R3 closed, R4 new,
    R5 gone from its project's tracker."""
    _load(
        con,
        SEPT,
        pd.DataFrame(
            [
                _risk("R1", "P1", 3, 2),
                _risk("R2", "P1", 5, 5),
                _risk("R3", "P2", 2, 3),
                _risk("R5", "P2", 2, 2),
            ]
        ),
    )
    _load(
        con,
        OCT,
        pd.DataFrame(
            [
                _risk("R1", "P1", 4, 2),
                _risk("R2", "P1", 4, 5),
                _risk("R3", "P2", 2, 3, status="closed"),
                _risk("R4", "P2", 3, 4),
            ]
        ),
    )
    return con


def test_movement_since_a_snapshot(two_months):
    moved = risks.movement(two_months, Filters(), risks.RiskFilter(), SEPT)
    kinds = dict(zip(moved.rows.code, moved.rows.movement, strict=True))
    assert kinds == {"R4": "new", "R1": "escalated", "R2": "deescalated", "R3": "closed", "R5": "closed"}
    assert moved.counts == {"new": 1, "escalated": 1, "deescalated": 1, "closed": 2}
    r2 = moved.rows.set_index("code").loc["R2"]
    assert (r2.before_score, r2.after_score, r2.before_band, r2.after_band) == (
        25,
        20,
        "critical",
        "critical",
    )


def test_movement_compared_with_the_same_snapshot_is_empty(two_months):
    assert risks.movement(two_months, Filters(as_of=SEPT), risks.RiskFilter(), SEPT).rows.empty


def test_movement_on_the_grid(two_months):
    moved = risks.movement(two_months, Filters(), risks.RiskFilter(), SEPT).rows
    paths = risks.movement_paths(moved).set_index("movement")
    up = paths.loc["escalated"]  # R1: probability 3 -> 4 at impact 2, an arrow pointing right
    assert (up.before_probability, up.after_probability, up.risks, up.angle) == (3, 4, 1, 90.0)
    assert up.x < up.x2 and up.y == pytest.approx(up.y2)
    down = paths.loc["deescalated"]  # R2: probability 5 -> 4 at impact 5, pointing left
    assert down.angle == -90.0 and down.x > down.x2
    cells = risks.movement_cells(moved).set_index(["probability", "impact"])
    assert cells.loc[(3, 4), "new"] == 1  # R4
    assert cells.loc[(2, 3), "closed"] == 1 and cells.loc[(2, 2), "closed"] == 1  # R3 and R5


def test_opposite_moves_between_two_cells_do_not_overlap():
    rows = pd.DataFrame(
        {
            "movement": ["escalated", "deescalated"],
            "before_probability": [2, 3],
            "before_impact": [2, 2],
            "after_probability": [3, 2],
            "after_impact": [2, 2],
        }
    )
    paths = risks.movement_paths(rows).set_index("movement")
    assert paths.loc["escalated", "y"] != pytest.approx(paths.loc["deescalated", "y"])


# --- Roll-ups ------------------------------------------------------------------------------------------


def test_rollups_by_project_and_portfolio(store):
    by_project = risks.project_rollup(store, Filters(), risks.RiskFilter()).set_index("project_code")
    alpha = by_project.loc["P1"]  # R1 (8, moderate, 70,000) and R2 (25, critical, no exposure)
    assert (alpha.risks, alpha.critical, alpha.high, alpha.max_score, alpha.worst_band) == (
        2,
        1,
        0,
        25,
        "critical",
    )
    assert alpha.exposure == pytest.approx(70_000.0)
    assert by_project.index.tolist() == ["P1", "P2"]  # the project with a critical risk first
    by_portfolio = risks.portfolio_rollup(store, Filters(), risks.RiskFilter()).set_index("portfolio")
    digital = by_portfolio.loc["Digital"]  # R4 only (R3 is closed)
    assert (digital.projects, digital.risks, digital.high, digital.max_score) == (1, 1, 1, 12)
    assert digital.exposure == pytest.approx(25_000.0)


def test_portfolio_by_category_heatmap_shows_health_and_safety_concentration(store):
    grid = risks.category_heatmap(store, Filters(), risks.RiskFilter()).set_index(["portfolio", "category"])
    # two portfolios x three categories among open risks (schedule, technical, health_safety)
    assert len(grid) == 6
    assert grid.loc[("Digital", "health_safety"), "severe"] == 1  # R4, high
    assert grid.loc[("Industry", "technical"), "critical"] == 1  # R2
    assert grid.loc[("Industry", "schedule"), "severe"] == 0  # R1 is only moderate
    assert grid.loc[("Digital", "schedule"), "risks"] == 0


def test_filter_choices_offer_what_the_selection_holds(store):
    choices = risks.filter_choices(store, Filters(portfolios=("Industry",)))
    assert choices.categories == ("schedule", "technical")
    assert choices.projects == (("P1", "Alpha"),)
    assert choices.owners == ("Ann", "Cyd")


# --- The reference macro against the store's own views ---------------------------------------------------


def test_portfolio_risks_at_holds_the_rows_of_risks_at_on_every_snapshot(demo_con):
    fractions = list(risks.probability_fractions(demo_con))
    for snapshot in [*snapshots.list_snapshots(demo_con), None]:
        d = snapshots.state_date(snapshot.as_of if snapshot else None)
        ours = demo_con.execute(
            """SELECT project_code, code, probability, impact, portfolio FROM portfolio_risks_at($d::DATE, $f)
               ORDER BY ALL""",
            {"d": d, "f": fractions},
        ).fetchall()
        theirs = demo_con.execute(
            """SELECT r.project_code, r.code, r.probability, r.impact, p.portfolio FROM risks_at($d::DATE) AS r
               JOIN projects_at($d::DATE) AS p ON p.code = r.project_code ORDER BY ALL""",
            {"d": d},
        ).fetchall()
        assert ours == theirs and len(ours) > 100


def test_scores_in_the_demo_match_the_pure_functions(demo_con):
    rows = risks.register(demo_con, Filters(), ALL, limit=None).rows
    fractions = risks.probability_fractions(demo_con)
    for row in rows.itertuples():
        assert row.inherent_score == risks.score(row.inherent_probability, row.inherent_impact)
        assert row.inherent_band == risks.default_band(row.inherent_probability, row.inherent_impact)
        expected = risks.exposure(row.inherent_probability, row.cost_impact, fractions)
        assert (
            row.inherent_exposure == pytest.approx(expected, nan_ok=True)
            if expected
            else pd.isna(row.inherent_exposure)
        )


def test_two_risks_with_one_key_count_once_with_the_higher_score(con):
    """Without a code, a risk is known by its title; a duplicated title keeps its higher rating."""
    twice = [_risk(None, "P1", 2, 2, title="Dup"), _risk(None, "P1", 3, 3, title="Dup")]
    _load(con, SEPT, pd.DataFrame(twice))
    _load(con, OCT, pd.DataFrame([_risk(None, "P1", 3, 3, title="Dup")]))  # the 3 x 3 one is unchanged
    assert risks.movement(con, Filters(), risks.RiskFilter(), SEPT).rows.empty


def test_movement_skips_projects_a_partial_import_left_alone(con):
    _load(con, SEPT, pd.DataFrame([_risk("R1", "P1", 2, 2), _risk("R2", "P2", 3, 3)]))
    october = {"projects": _portfolio().iloc[[0]], "risks": pd.DataFrame([_risk("R1", "P1", 3, 2)])}
    snapshots.apply_plan(con, plan_from_frames(con, october, scope="partial", as_of=OCT), PMO)
    moved = risks.movement(con, Filters(), risks.RiskFilter(), SEPT)
    assert moved.rows.code.tolist() == ["R1"]  # P2 was not restated: R2 stays, unmoved
    assert moved.counts["escalated"] == 1
