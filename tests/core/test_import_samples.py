"""Every shared sample and real register imports with no manual step; exact values are checked.

Expected figures were read by eye in the sample workbooks (cells quoted in each comment). Each test runs
on the twins built in code (tests/samples.py, the same cells) and on ../shared when it is beside the clone.
"""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest

from pmo_core import snapshots, tables
from pmo_core.importer import ReadOptions, analyse_file, build_plan, read_files
from tests.actors import PMO
from tests.conftest import shared_files
from tests.samples import FILES


def import_files(con, folder, *names, scope="partial", as_of=None, options=ReadOptions(), rates=None):
    reads = read_files([(folder / name, name) for name in names], options)
    plan = build_plan(con, reads, scope=scope, as_of=as_of, rates=rates)
    assert not plan.has_errors, [issue.message() for issue in plan.errors[:5]]
    snapshots.apply_plan(con, plan, PMO)
    return plan


def project(con, code):
    frame = snapshots.state_frames(con)["projects"]
    return frame.loc[frame["code"] == code].iloc[0]


def test_the_english_ppm_export_reads_whole(con, source):
    plan = import_files(con, source / "samples", "portfolio_export_en.xlsx")
    assert plan.counts() == {
        "projects": 48,
        "milestones": 192,
        "risks": 209,
        "costs": 706,
        "business_case": 0,
        "resources": 0,
        "demand": 0,
    }
    p3 = project(con, "PRJ-2025-003")  # Projects!A4:R4
    assert p3["name"] == "CRM rollout"
    assert p3["budget"] == pytest.approx(2952244.46)
    assert p3["actual_cost"] == pytest.approx(3555856.26)
    assert p3["percent_complete"] == pytest.approx(0.8)
    assert p3["status"] == "green"
    assert p3["forecast_end"] == pd.Timestamp("2026-07-10")
    assert p3["business_value"] == 5 and p3["job_size"] == 11
    risks = snapshots.state_frames(con)["risks"].set_index("code")
    # Risks!A3: R-0002, probability 1, impact 5, "Mitigating", category "Functional".
    assert (risks.at["R-0002", "probability"], risks.at["R-0002", "impact"]) == (1, 5)
    assert risks.at["R-0002", "status"] == "in_treatment"
    assert risks.at["R-0002", "category"] == "functional"
    assert risks.at["R-0003", "category"] == "health_safety"  # "Health"
    assert risks.at["R-0004", "category"] == "health_safety"  # "Hygiene"


def test_the_french_steering_tracker_reads_past_titles_sections_totals_and_legends(con, source):
    plan = import_files(con, source / "samples", "suivi_portefeuille_fr.xlsx")
    assert plan.counts()["projects"] == 36
    assert plan.as_of == date(2026, 11, 18)  # the title says "Comité de pilotage du 18/11/2026"
    table = plan.files[0].tables[0]
    assert table.header_row == 5
    assert {kind for _, kind in table.skipped} == {"section", "total", "note"}
    p1 = project(con, "PRJ-2025-001")
    assert p1["start_date"] == pd.Timestamp("2025-03-04")  # '04/03/2025' as text, read day-first
    assert p1["percent_complete"] == pytest.approx(0.20)  # '20 %'
    assert p1["budget"] == pytest.approx(75_550)  # '75,55' in a "Budget (k€)" column
    assert p1["estimate_to_complete"] == pytest.approx(58_950)
    assert p1["status"] == "green"  # '☀️ Ensoleillé'
    p3 = project(con, "PRJ-2025-003")
    assert p3["start_date"] == pd.Timestamp("2026-01-09")  # a real date cell
    assert p3["forecast_end"] == pd.Timestamp("2027-09-17")
    assert p3["budget"] == pytest.approx(4_189_140)  # '4 189,14' with a narrow no-break space
    assert p3["actual_cost"] == pytest.approx(4_866_300)  # the number 4866.3, in k€
    assert p3["status"] == "red"  # '🌧️ Orageux'
    assert p3["portfolio"] == "Conformité & Risques"


def test_the_french_risk_register_names_projects_by_title_and_scales_in_words(con, source):
    import_files(con, source / "samples", "suivi_portefeuille_fr.xlsx")
    plan = import_files(con, source / "samples", "registre_risques_fr.xlsx")
    assert plan.counts()["risks"] == 132
    assert plan.files[0].hidden_sheets == ["Listes"]
    risks = snapshots.state_frames(con)["risks"].set_index("code")
    # R-0001: project 'Refonte du SI RH', probability 'Très faible', impact 'Mineur', '5 000,00 €'.
    assert risks.at["R-0001", "project_code"] == "PRJ-2025-001"
    assert (risks.at["R-0001", "probability"], risks.at["R-0001", "impact"]) == (1, 1)
    assert risks.at["R-0001", "mitigation_cost"] == pytest.approx(5000)
    assert risks.at["R-0001", "due_date"] == pd.Timestamp("2026-02-16")
    assert risks.at["R-0001", "status"] == "open"
    # R-0003: 'Moyenne' x 'Critique' = 3 x 5; R-0004: 4 x 'Significatif' = 4 x 3; 'En cours'.
    assert (risks.at["R-0003", "probability"], risks.at["R-0003", "impact"]) == (3, 5)
    assert (risks.at["R-0004", "probability"], risks.at["R-0004", "impact"]) == (4, 3)
    assert risks.at["R-0004", "status"] == "in_treatment"
    assert risks.at["R-0005", "status"] == "closed"  # 'Clos'
    assert risks.at["R-0002", "category"] == "health_safety"  # 'Hygiène'
    assert risks.at["R-0008", "category"] == "health_safety"  # 'Santé'


def test_the_register_before_its_tracker_reports_unknown_titles(con, source):
    reads = read_files([(source / "samples" / "registre_risques_fr.xlsx", "registre_risques_fr.xlsx")])
    plan = build_plan(con, reads)
    unknown = [issue for issue in plan.errors if issue.code == "project_unknown"]
    assert unknown and unknown[0].value == "Refonte du SI RH"
    assert unknown[0].row == 4 and unknown[0].column == "Projet"
    assert "Refonte du SI RH" in unknown[0].message("fr")


def test_the_wide_monthly_budget_unpivots_into_monthly_lines(con, source):
    import_files(con, source / "samples", "suivi_portefeuille_fr.xlsx")
    plan = import_files(con, source / "samples", "budget_mensuel_fr.xlsx")
    assert plan.counts()["costs"] == 36 * 12
    costs = snapshots.state_frames(con)["costs"]
    line = costs.loc[(costs["project_code"] == "PRJ-2025-001") & (costs["cost_type"] == "CAPEX")].set_index(
        "month"
    )
    assert line.at[pd.Timestamp("2026-01-01"), "actual"] == pytest.approx(4037)  # 'janv.-26'
    assert line.at[pd.Timestamp("2026-10-01"), "actual"] == pytest.approx(5094)  # 'oct.-26'
    assert pd.isna(line.at[pd.Timestamp("2026-11-01"), "actual"])  # 'nov.-26' still empty
    # The annual budget (40 900) is spread evenly over the twelve months as the planned cost.
    assert line["planned"].sum() == pytest.approx(40_900)
    assert line.at[pd.Timestamp("2026-03-01"), "planned"] == pytest.approx(40_900 / 12)


@pytest.mark.parametrize(
    ("name", "projects", "dollar", "rates"),
    [
        # Canadian dollars: which "$" it is, and its rate to the store's euros, are the user's to say.
        ("canada_gc_it_projects.csv", 1126, "CAD", {"CAD": 0.68}),
        ("worldbank_projects_fy2021.xlsx", 500, None, None),
        ("uk_gmpp_2023.csv", 244, None, None),
    ],
)
def test_real_public_registers_import_when_unreadable_values_are_taken_as_empty(
    con, source, name, projects, dollar, rates
):
    options = ReadOptions(lenient=True, dollar=dollar)
    plan = import_files(con, source / "real", name, scope="full", options=options, rates=rates)
    assert plan.counts()["projects"] == projects


def test_real_registers_map_their_own_column_names(con, source):
    reads = read_files([(source / "real" / "canada_gc_it_projects.csv", "canada.csv")])
    mapping = {c.header: c.field for c in reads[0].tables[0].mapping.columns if c.field}
    assert mapping["uniqueId"] == "code"
    assert mapping["latestProjectName"] == "name"
    assert mapping["originalBudget"] == "budget"
    assert mapping["originalEstimatedCompletionDate"] == "baseline_end"
    assert mapping["latestEstimatedCompletionDate"] == "forecast_end"
    # "completed", "behind schedule": where each project stands in its life, not a RAG status.
    assert mapping["estimatedStatus"] == "lifecycle"
    # "$2,812,101": a bare dollar sign is asked, never taken for US dollars.
    assert {i.code for i in build_plan(con, reads, scope="full").errors} == {"currency_dollar"}
    reads = read_files(
        [(source / "real" / "canada_gc_it_projects.csv", "canada.csv")], ReadOptions(dollar="CAD")
    )
    plan = build_plan(con, reads, scope="full", rates={"CAD": 0.5})
    frame = plan.frames["projects"].set_index("code")
    assert frame.at["aafc-agriclient-crm", "budget"] == pytest.approx(2_812_101 * 0.5)  # "$2,812,101"
    assert frame.at["aafc-agriclient-crm", "lifecycle"] == "not_started"  # "new"
    assert plan.rates == {"CAD": 0.5}
    assert frame.at["aafc-agriclient-crm", "forecast_end"] == pd.Timestamp("2022-07-31")  # "July 31, 2022"


def test_the_uk_register_is_blocked_until_its_unreadable_money_is_accepted(con, source):
    reads = read_files([(source / "real" / "uk_gmpp_2023.csv", "uk_gmpp_2023.csv")])
    plan = build_plan(con, reads, scope="full")
    codes = {issue.code for issue in plan.errors}
    assert {"not_a_number", "number_turned_into_date"} <= codes
    first = next(issue for issue in plan.errors if issue.code == "number_turned_into_date")
    assert (first.row, first.column) == (2, "total_baseline")
    assert first.value == "07. Sep"  # a £m figure mangled into a date by a German-locale spreadsheet


@pytest.mark.parametrize(
    ("origin", "name"),
    [("twin", name) for name in FILES] + [("shared", name) for name in shared_files()],
)
def test_columns_parsed_two_at_a_time_read_as_one_at_a_time(request, origin, name, monkeypatch):
    path = request.getfixturevalue("twins" if origin == "twin" else "shared") / name

    def tables_read(parallel_from: int) -> list:
        monkeypatch.setattr(tables, "PARALLEL_ROWS", parallel_from)
        read = analyse_file(path, path.name, ReadOptions())
        return [(t.sheet, t.frame, [issue.message() for issue in t.issues]) for t in read.tables]

    one_at_a_time, two_at_a_time = tables_read(10**9), tables_read(0)
    assert len(one_at_a_time) == len(two_at_a_time) > 0
    for (sheet, frame, issues), (sheet2, frame2, issues2) in zip(one_at_a_time, two_at_a_time, strict=True):
        assert (sheet, issues) == (sheet2, issues2)
        if frame is None:
            assert frame2 is None
        else:
            pd.testing.assert_frame_equal(frame, frame2)
