"""Resources and Demand through the importer: our template in both languages, wide month columns, units in
cells, columns, headers and titles, days converted, the problems located at their cells and annotated."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from pmo_core import capacity, importer, snapshots, template, values
from pmo_core.annotate import annotated_workbook
from pmo_core.filters import Filters
from tests import people
from tests.actors import PMO
from tests.people import FEB, JAN, MAR
from tests.shapes import save

AS_OF = date(2026, 11, 30)  # a past date: a snapshot in the future is warned about
PROJECTS = [
    ["Code projet", "Intitulé", "Date de début", "Fin prévue"],
    ["P1", "Alpha", "01/10/2026", "31/03/2027"],
]


def _plan(con, path, name: str | None = None, scope: str = "partial", **choices):
    reads = importer.read_files([(path, name or path.name)], importer.read_options(con, **choices))
    return importer.build_plan(con, reads, scope=scope, as_of=AS_OF)


def _messages(plan, lang: str = "en") -> list[str]:
    return [issue.message(lang) for issue in plan.issues]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_the_template_carries_both_sheets_and_reads_back_the_same_lines(con, tmp_path, lang):
    path = tmp_path / f"people_{lang}.xlsx"
    template.write_template(path, people.frames(), lang=lang, as_of=AS_OF)
    sheets = load_workbook(path, read_only=True).sheetnames
    assert {"en": ["Resources", "Demand"], "fr": ["Ressources", "Demande"]}[lang] == sheets[-3:-1]
    plan = _plan(con, path, scope="full")
    assert not plan.has_errors, _messages(plan)
    assert plan.counts()["resources"] == 5 and plan.counts()["demand"] == 8
    # Data and Java state capacity; UX is only asked for
    assert plan.team_change_counts() == {"added": 2, "updated": 0, "removed": 0, "unchanged": 0}
    snapshots.apply_plan(con, plan, PMO)
    grid = capacity.team_months(con, Filters())
    feb = grid.loc[(grid["team"] == "Data") & (grid["month"] == pd.Timestamp(FEB))].iloc[0]
    assert (feb["capacity"], feb["demand"], feb["load"]) == (2.0, 3.0, 1.5)  # 40 days and 20 days read back
    exported = tmp_path / "export.xlsx"
    template.export_store(con, exported, lang=lang)
    again = _plan(con, exported, scope="full")
    assert again.team_change_counts()["unchanged"] == 2 and again.change_counts()["updated"] == 0


def test_wide_french_demand_with_the_unit_in_its_title_and_cells_that_say_their_own(con, tmp_path):
    path = save(
        tmp_path / "plan_de_charge.xlsx",
        {
            "Projets": PROJECTS,
            "Plan de charge": [
                ["Plan de charge 2027 (en jours)"],
                [],
                ["Projet", "Équipe", "janv.-27", "févr.-27", "mars-27"],
                ["Alpha", "Data", 10, "20", "0,5 ETP"],
            ],
            "Capacité": [
                ["Équipe", "Unité", "janv.-27", "févr.-27", "mars-27"],
                ["Data", "ETP", 2, 2, "2,5"],
                ["Java", "j/h", 60, 40, 40],
            ],
        },
    )
    plan = _plan(con, path)
    assert not plan.has_errors, _messages(plan, "fr")
    demand = plan.frames["demand"]
    assert demand[["project_code", "team"]].drop_duplicates().values.tolist() == [["P1", "Data"]]
    assert demand["demand"].tolist() == [10.0, 20.0, 0.5]
    assert demand["unit"].tolist() == ["days", "days", "fte"]  # the title says days; a cell says ETP
    assert demand["_row"].tolist() == [4, 4, 4]
    capacity_lines = plan.frames["resources"].set_index(["team", "month"])
    assert capacity_lines.loc[("Java", pd.Timestamp(JAN)), ["capacity", "unit"]].tolist() == [60.0, "days"]
    assert capacity_lines.loc[("Data", pd.Timestamp(MAR)), ["capacity", "unit"]].tolist() == [2.5, "fte"]
    snapshots.apply_plan(con, plan, PMO)
    grid = capacity.team_months(con, Filters()).set_index(["team", "month"])
    # Data in January: 10 days = 0.5 FTE of 2 FTE; Java in January: 60 days = 3 FTE
    assert grid.loc[("Data", pd.Timestamp(JAN)), "load"] == 0.25
    assert grid.loc[("Java", pd.Timestamp(JAN)), "capacity"] == 3.0


def test_english_headers_state_their_unit(con, tmp_path):
    path = save(
        tmp_path / "staffing.xlsx",
        {
            "Projects": [["Project code", "Project name"], ["P1", "Alpha"]],
            "Resource demand": [
                ["Project", "Role", "Month", "Demand (man-days)"],
                ["P1", "Architects", "2027-01", 12],
                ["P1", "architects ", "2027-02", "1.5 FTE"],
            ],
            "Capacity": [["Team", "Month", "Capacity (FTE)"], ["Architects", "Jan 2027", 3]],
        },
    )
    plan = _plan(con, path)
    assert not plan.has_errors, _messages(plan)
    demand = plan.frames["demand"]
    assert demand["unit"].tolist() == ["days", "fte"] and demand["team"].tolist() == ["Architects"] * 2
    assert any("“architects” is read as the team “Architects”" in m for m in _messages(plan))
    assert plan.frames["resources"]["unit"].tolist() == ["fte"]


def test_no_unit_anywhere_reads_fte_and_says_so_once_a_table(con, tmp_path):
    path = save(
        tmp_path / "capacity.xlsx",
        {"Capacity": [["Team", "Month", "Capacity"], ["Data", "2027-01", 4], ["Data", "2027-02", 4]]},
    )
    plan = _plan(con, path)
    assumed = [i for i in plan.issues if i.code == "effort_unit_assumed"]
    assert len(assumed) == 1 and (assumed[0].sheet, assumed[0].row) == ("Capacity", 1)
    assert "read as FTE" in assumed[0].message("en") and "lu en ETP" in assumed[0].message("fr")
    assert plan.frames["resources"]["unit"].tolist() == ["fte", "fte"]
    chosen = _plan(con, path, overrides=_unit_override(plan, "days"))
    assert chosen.frames["resources"]["unit"].tolist() == ["days", "days"]
    assert not any(i.code == "effort_unit_assumed" for i in chosen.issues)


def _unit_override(plan, unit: str) -> dict:
    """Return the mapping screen's override that says the table's efforts are in `unit`."""
    from dataclasses import replace

    table = plan.files[0].tables[0]
    return {importer.override_key(plan.files[0].name, table.key): replace(table.mapping, effort_unit=unit)}


def test_bad_efforts_are_errors_at_their_cells_and_marked_in_the_returned_workbook(con, tmp_path):
    path = save(
        tmp_path / "demande.xlsx",
        {
            "Projets": PROJECTS,
            "Demande": [
                ["Code projet", "Équipe", "Mois", "Charge", "Unité"],
                ["P1", "Data", "01/2027", "-1", "ETP"],
                ["P1", "Data", "02/2027", "beaucoup", "ETP"],
                ["P1", "Data", "03/2027", 3, "heures"],
                ["P9", "Data", "03/2027", 3, "ETP"],
            ],
        },
    )
    plan = _plan(con, path)
    found = {(i.code, i.row, i.column) for i in plan.errors}
    assert found == {
        ("effort_negative", 2, "Charge"),
        ("not_a_number", 3, "Charge"),
        ("effort_unit_unknown", 4, "Unité"),
        ("project_unknown", 5, "Code projet"),
    }
    assert "« heures » n'est ni des ETP ni des jours-homme" in next(
        i.message("fr") for i in plan.errors if i.code == "effort_unit_unknown"
    ).replace("\u00a0", " ")
    book = load_workbook(BytesIO(annotated_workbook(path, path.name, plan.issues, lang="fr")))
    sheet = book["Demande"]
    assert all(sheet[cell].comment is not None for cell in ("D2", "D3", "E4", "A5"))
    assert sheet["D5"].comment is None
    assert snapshots.is_empty(con)  # nothing stored


def test_duplicate_lines_add_up_with_a_warning(con, tmp_path):
    path = save(
        tmp_path / "capacity.xlsx",
        {
            "Capacity": [
                ["Team", "Month", "Capacity (FTE)"],
                ["Data", "2027-01", 2],
                ["Data", "2027-01", 1],
            ]
        },
    )
    plan = _plan(con, path)
    assert plan.frames["resources"]["capacity"].tolist() == [3.0]
    assert [i.code for i in plan.warnings] == ["duplicate_effort_line"]


def test_a_preview_counts_teams_added_updated_and_removed(con):
    people.load(con)
    frames = people.frames()
    frames["resources"] = pd.DataFrame(
        [("Data", JAN, 3.0, "fte"), ("Ops", JAN, 1.0, "fte")], columns=["team", "month", "capacity", "unit"]
    )
    plan = importer.plan_from_frames(con, frames, scope="full", as_of=date(2027, 1, 31))
    assert plan.team_changes.set_index("team")["change"].to_dict() == {
        "Data": "updated",
        "Java": "removed",
        "Ops": "added",
    }
    assert plan.change_counts()["added"] == 0  # teams are not counted as projects


@given(
    st.decimals(min_value=0, max_value=10_000, places=1),
    st.sampled_from(["ETP", "FTE", "fte", "j", "jours", "j/h", "days", "md", "jours-homme", "person-days"]),
    st.sampled_from(["", " "]),
)
def test_an_effort_reads_its_number_and_its_unit_in_any_spelling(number, unit, space):
    text = f"{number}".replace(".", ",") + space + unit
    parsed = values.parse_effort(pd.Series([text]), decimal=",")
    assert parsed.values.iloc[0] == pytest.approx(float(number)) and not parsed.problems
    expected = "fte" if unit.lower() in ("etp", "fte") else "days"
    assert values.split_effort(pd.Series([text]))[1].iloc[0] == expected


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False))
def test_a_plain_number_is_read_as_written_with_no_unit(number):
    parsed = values.parse_effort(pd.Series([number]))
    assert parsed.values.iloc[0] == pytest.approx(number)
    assert values.split_effort(pd.Series([number]))[1].isna().all()
    for dtype in ("double[pyarrow]", "Int64"):  # a reader's typed column of numbers alone: nothing to split
        typed = pd.Series([round(number), 18], dtype=dtype)
        numbers, units = values.split_effort(typed)
        assert units.isna().all() and numbers.tolist() == typed.tolist()


def test_header_units():
    assert values.header_effort_unit("Capacité (ETP)") == "fte"
    assert values.header_effort_unit("Charge en jours") == "days"
    assert values.header_effort_unit("Demand (man-days)") == "days"
    assert values.header_effort_unit("Plan de charge 2027 (j)") == "days"
    assert values.header_effort_unit("Demand") is None
    assert values.header_effort_unit("Budget (k€)") is None


def test_a_project_manager_may_import_demand_for_their_projects_but_not_team_capacity(con):
    from pmo_core.access import AccessDenied, import_refusal
    from tests.actors import manager

    people.load(con)
    frames = people.frames()
    demand = {"demand": frames["demand"].loc[frames["demand"]["project_code"] == "P1"]}
    plan = importer.plan_from_frames(con, demand, as_of=AS_OF)
    assert import_refusal(manager("P1"), plan) is None
    capacity_sheet = importer.plan_from_frames(con, {"resources": frames["resources"]}, as_of=AS_OF)
    refused = import_refusal(manager("P1"), capacity_sheet)
    assert isinstance(refused, AccessDenied) and refused.code == "capacity"
    assert "Team capacity is the PMO's to import" in refused.message("en")
    with pytest.raises(AccessDenied):
        snapshots.apply_plan(con, capacity_sheet, manager("P1"))


def test_wide_english_sheets_with_real_dates_and_the_days_setting(con, tmp_path):
    """English headers, months across as text and as real dates, capacity in person-days converted with a
    working-days setting of 18: 36 days = 2 FTE."""
    from datetime import datetime

    from pmo_core import settings

    path = save(
        tmp_path / "resource_plan.xlsx",
        {
            "Projects": [["Project code", "Project name"], ["P1", "Alpha"]],
            "Resources": [
                ["Team capacity (person-days)"],
                ["Team", "Jan-27", "Feb 2027", datetime(2027, 3, 1)],
                ["Data", 36, 36, 18],
            ],
            "Demand": [
                ["Project code", "Role", "Jan 2027", "Feb 2027", "Mar 2027"],
                ["P1", "Data", "3 FTE", 1.5, ""],
            ],
        },
    )
    settings.put(con, "working_days_per_month", "18", PMO)
    plan = _plan(con, path)
    assert not plan.has_errors, _messages(plan)
    lines = plan.frames["resources"]
    assert lines["month"].dt.date.tolist() == [JAN, FEB, MAR] and set(lines["unit"]) == {"days"}
    assert plan.frames["demand"]["demand"].tolist() == [3.0, 1.5]  # the empty March is no line
    snapshots.apply_plan(con, plan, PMO)
    grid = capacity.team_months(con, Filters()).set_index("month")
    # January: 3 FTE against 36 / 18 = 2 FTE -> 150 %; February 1.5 / 2 = 75 %; March nothing asked of 1 FTE
    assert grid["load"].tolist() == [1.5, 0.75, 0.0]
    assert grid["capacity"].tolist() == [2.0, 2.0, 1.0]
