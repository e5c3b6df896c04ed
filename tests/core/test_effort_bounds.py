"""Implausible people figures: a capacity or demand no team can have (1e12 FTE, a billion person-days) is an
error at its cell, in the message and the annotated workbook, and nothing is stored; a demand many times its
team's whole capacity is a warning at its cell. The bounds are settings."""

from __future__ import annotations

from datetime import date
from io import BytesIO

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from pmo_core import capacity, importer, settings, snapshots, values
from pmo_core.annotate import annotated_workbook
from pmo_core.filters import Filters
from tests import people
from tests.actors import PMO
from tests.shapes import save

AS_OF = date(2026, 11, 30)
PROJECTS = [["Code projet", "Intitulé"], ["P1", "Alpha"], ["P2", "Beta"]]
UNITS = st.sampled_from(["fte", "days"])


def _plan(con, path, as_of=AS_OF, **choices):
    reads = importer.read_files([(path, path.name)], importer.read_options(con, **choices))
    return importer.build_plan(con, reads, as_of=as_of)


# --- The bound, as a pure function ------------------------------------------------------------------------


@given(st.floats(min_value=0, max_value=1e15, allow_nan=False), UNITS, st.floats(min_value=1, max_value=31))
def test_a_line_is_implausible_exactly_when_its_fte_pass_the_largest_team(amount, unit, days):
    fte = amount / days if unit == "days" else amount
    found = values.implausible_efforts(pd.Series([amount]), pd.Series([unit]), days, 1000)
    assert bool(found.iloc[0]) == (fte > 1000)


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.floats(min_value=1, max_value=31))
def test_person_days_are_fte_times_the_working_days(fte, days):
    converted = values.effort_fte(pd.Series([fte * days, fte]), pd.Series(["days", "fte"]), days)
    assert converted.tolist() == pytest.approx([fte, fte])


def test_the_bound_takes_the_days_setting_and_leaves_missing_values_alone():
    amounts = pd.Series([1000.0, 20_000.0, 20_001.0, None, 1e12])
    units = pd.Series(["fte", "days", "days", "fte", None])  # no unit said: read as FTE, as the import does
    # 20,000 days / 20 = 1,000 FTE: the largest team, still plausible; 20,001 days is past it
    assert values.implausible_efforts(amounts, units, 20, 1000).tolist() == [False, False, True, False, True]


# --- Through the importer ----------------------------------------------------------------------------------


def _people_workbook(tmp_path, name="ressources.xlsx"):
    """A French Resources sheet in person-days (long) and a wide Demand sheet in FTE, each with a cell typed
    wrong: 1e12 FTE of demand, a billion person-days of capacity."""
    return save(
        tmp_path / name,
        {
            "Projets": PROJECTS,
            "Ressources": [
                ["Équipe", "Mois", "Capacité (j)"],
                ["Data", "01/2027", 40],
                ["Java", "01/2027", 1_000_000_000],
            ],
            "Demande": [
                ["Code projet", "Équipe", "janv.-27", "févr.-27", "mars-27"],
                ["P1", "Data", "1,5", "1e12", 1],
                ["P2", "Java", 2, 2, None],
            ],
        },
    )


def test_implausible_figures_are_errors_at_their_cells_and_nothing_is_stored(con, tmp_path):
    path = _people_workbook(tmp_path)
    plan = _plan(con, path)
    wrong = [i for i in plan.errors if i.code == "effort_implausible"]
    assert [(i.file, i.sheet, i.row, i.column, i.col_index) for i in wrong] == [
        ("ressources.xlsx", "Ressources", 3, "Capacité (j)", 2),  # C3: a billion days
        ("ressources.xlsx", "Demande", 2, "févr.-27", 3),  # D2: the wide sheet's February
    ]
    days, fte = wrong
    # 1,000,000,000 days / 20 working days = 50,000,000 FTE, past the default 1,000
    assert "« 1000000000 » fait 50\u202f000\u202f000 ETP pour une équipe en un mois" in days.message(
        "fr"
    ).replace("«\u00a0", "« ").replace("\u00a0»", " »")
    english = fte.message("en")
    assert english.startswith("ressources.xlsx, sheet “Demande”, row 2, column “févr.-27”: ")
    assert "“1000000000000” is 1,000,000,000,000 FTE for one team in one month" in english
    assert "(1,000 FTE, the “Largest plausible team” setting)" in english
    book = load_workbook(BytesIO(annotated_workbook(path, path.name, plan.issues, lang="en")))
    assert book["Ressources"]["C3"].comment is not None and book["Demande"]["D2"].comment is not None
    assert book["Ressources"]["C2"].comment is None and book["Demande"]["C2"].comment is None
    with pytest.raises(Exception):  # noqa: B017 - the refusal's own type is the importer's business
        snapshots.apply_plan(con, plan, PMO)
    assert snapshots.is_empty(con)


def test_read_leniently_the_implausible_lines_are_left_out_with_a_warning(con, tmp_path):
    plan = _plan(con, _people_workbook(tmp_path), lenient=True)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    dropped = [(i.sheet, i.row) for i in plan.warnings if i.code == "effort_implausible_dropped"]
    assert dropped == [("Ressources", 3), ("Demande", 2)]
    assert plan.frames["resources"]["team"].tolist() == ["Data"]
    assert plan.frames["demand"]["demand"].tolist() == [1.5, 1.0, 2.0, 2.0]
    snapshots.apply_plan(con, plan, PMO)
    grid = capacity.team_months(con, Filters())
    assert grid["capacity"].max() == 2.0  # 40 days: the billion never reached the Capacity page


def test_the_largest_team_is_a_setting(con, tmp_path):
    settings.put(con, "max_team_fte", "2", PMO)
    plan = _plan(con, _people_workbook(tmp_path))
    # at most 2 FTE a team: 40 days (2 FTE), 1.5, 1 and 2 FTE pass; 1e12 FTE and a billion days do not
    assert [(i.sheet, i.row, i.column) for i in plan.errors if i.code == "effort_implausible"] == [
        ("Ressources", 3, "Capacité (j)"),
        ("Demande", 2, "févr.-27"),
    ]
    settings.put(con, "max_team_fte", "1", PMO)
    small = _plan(con, _people_workbook(tmp_path))
    assert [(i.sheet, i.row, i.column) for i in small.errors if i.code == "effort_implausible"] == [
        ("Ressources", 2, "Capacité (j)"),
        ("Ressources", 3, "Capacité (j)"),
        ("Demande", 2, "janv.-27"),
        ("Demande", 2, "févr.-27"),
        ("Demande", 3, "janv.-27"),
        ("Demande", 3, "févr.-27"),
    ]
    assert "(1 ETP, réglage" in small.errors[0].message("fr").replace("\u00a0", " ")


def test_a_negative_capacity_stays_an_error_at_its_cell(con, tmp_path):
    path = save(
        tmp_path / "capacity.xlsx",
        {"Capacity": [["Team", "Month", "Capacity (FTE)"], ["Data", "2027-01", -3], ["Data", "2027-02", 3]]},
    )
    plan = _plan(con, path)
    assert [(i.code, i.sheet, i.row, i.column) for i in plan.errors] == [
        ("effort_negative", "Capacity", 2, "Capacity (FTE)")
    ]


def test_a_demand_many_times_its_teams_capacity_is_a_warning_at_its_cell(con, tmp_path):
    """Data has 2 FTE in January 2027 in the store; this file asks 25 FTE of it (more than 10 x 2) and 15 FTE
    (7.5 x, within the ratio), and 300 FTE of Java whose capacity this same file states as 3 FTE."""
    people.load(con)
    path = save(
        tmp_path / "staffing.xlsx",
        {
            "Resources": [["Team", "Month", "Capacity (FTE)"], ["Java", "2027-01", 3]],
            "Demand": [
                ["Project code", "Team", "Month", "Demand (FTE)"],
                ["P1", "Data", "2027-01", 25],
                ["P2", "Data", "2027-01", 15],
                ["P3", "Java", "2027-01", 300],
            ],
        },
    )
    plan = _plan(con, path, people.AS_OF)
    beyond = [i for i in plan.warnings if i.code == "demand_beyond_capacity"]
    assert [(i.sheet, i.row, i.column, i.col_index) for i in beyond] == [
        ("Demand", 2, "Demand (FTE)", 3),
        ("Demand", 4, "Demand (FTE)", 3),
    ]
    assert (
        "“25” asks Data for 25.0 FTE in 2027-01, more than 10 times the team's whole capacity that month "
        in (beyond[0].message("en"))
    )
    assert "(2.0 FTE)" in beyond[0].message("en") and "(3,0 ETP)" in beyond[1].message("fr")
    assert not plan.has_errors  # a warning: the import may go on
    settings.put(con, "demand_capacity_ratio", "200", PMO)
    assert not [i for i in _plan(con, path, people.AS_OF).warnings if i.code == "demand_beyond_capacity"]


def test_a_hostile_figure_of_any_size_is_refused_with_a_readable_message(con, tmp_path):
    path = save(
        tmp_path / "hostile.xlsx",
        {
            "Capacity": [
                ["Team", "Month", "Capacity (FTE)"],
                ["Data", "2027-01", "1e300"],
                ["Data", "2027-02", 3],
            ]
        },
    )
    plan = _plan(con, path)
    (wrong,) = plan.errors
    assert (wrong.code, wrong.row, wrong.column) == ("effort_implausible", 2, "Capacity (FTE)")
    for lang in ("en", "fr"):
        assert wrong.message(lang).count("000") > 90  # written in full in both languages, never an error
