"""A team's capacity and a project's demand trace back to their cells, as every other stored figure does: the
French plan de charge of tests/people.py imported for October then November."""

from __future__ import annotations

import json

import pytest

from pmo_core import provenance
from tests import people
from tests.people import NOVEMBER, OCTOBER


@pytest.fixture
def months(con, tmp_path):
    people.import_plans(con, tmp_path)
    return con


def test_a_demand_traces_to_its_cell_its_text_and_its_earlier_value(months):
    found = provenance.trace(months, "P1", "demand", entity="demand", item="2027-01 Data")
    assert found.value == 1.5
    assert (found.origin.file_name, found.origin.cell, found.origin.typed) == (
        "charge_novembre.xlsx",
        "D2",
        "1,5",
    )
    assert found.origin.cells[0].sheet == "Plan de charge" and found.origin.cells[0].header == "Charge"
    assert [(v.as_of, v.value) for v in found.history] == [(OCTOBER, 1.0), (NOVEMBER, 1.5)]
    assert provenance.summary(found, "en").startswith(
        "Demand 1.50 — charge_novembre.xlsx, sheet Plan de charge, cell D2, typed “1,5”, imported by "
    )
    assert provenance.summary(found, "en").endswith("; was 1 on 31 Oct 2026.")
    assert provenance.steps_text(found.origin, found.value, "en") == ["The comma is the decimal separator."]
    unit = provenance.trace(months, "P1", "unit", entity="demand", item="2027-01 Data")
    assert (unit.value, unit.origin.cell, unit.origin.typed) == ("fte", "E2", "ETP")


def test_a_unit_written_in_the_cell_keeps_the_cell_as_typed(months):
    found = provenance.trace(months, "P2", "demand", entity="demand", item="2027-01 Data")
    assert (found.value, found.origin.cell, found.origin.typed) == (10.0, "D3", "10 j")


def test_a_teams_capacity_traces_to_the_month_column_of_its_row(months):
    found = provenance.trace(months, "Data", "capacity", entity="resources", item="2027-03")
    assert found.value == 36
    cell = found.origin.cells[0]
    assert (cell.file_name, cell.sheet, cell.address, cell.typed, cell.header) == (
        "charge_novembre.xlsx",
        "Capacité",
        "D4",
        "36",
        "mars-27",
    )
    assert [v.value for v in found.history] == [40, 36]
    assert (
        provenance.trace(months, "Data", "capacity", entity="resources", item="2027-03", as_of=OCTOBER).value
        == 40
    )


def test_the_rows_a_page_offers_name_demand_lines_by_month_and_team_and_capacity_by_month(months):
    assert provenance.items(months, "P2", "demand") == ["2027-01 Data", "2027-02 Java"]
    assert provenance.items(months, "Java", "resources") == ["2027-01", "2027-02", "2027-03"]
    assert "demand" in provenance.PROJECT_ENTITIES and "resources" not in provenance.PROJECT_ENTITIES


@pytest.mark.parametrize(
    ("owner", "entity", "item", "code", "english"),
    [
        ("UX", "resources", "2027-01", "team", "No team UX in the store."),
        (
            "Data",
            "resources",
            "2028-01",
            "team_item",
            "Team Data states no capacity for “2028-01”. Months: 2027-01",
        ),
        (
            "P1",
            "demand",
            "2027-02 Data",
            "item",
            "Project P1 has no such row “2027-02 Data”. Rows: 2027-01 Data",
        ),
    ],
)
def test_a_people_figure_that_does_not_exist_is_said_so(months, owner, entity, item, code, english):
    field = "capacity" if entity == "resources" else "demand"
    with pytest.raises(provenance.NotTraceable) as raised:
        provenance.trace(months, owner, field, entity=entity, item=item)
    assert raised.value.code == code
    from pmo_core.i18n import t

    assert t(f"trace.denied.{code}", "en", **raised.value.params).startswith(english)


def test_the_command_line_reaches_a_projects_demand_and_a_teams_capacity(months, db_path):
    from tests.core.test_cli import cli

    months.close()  # the command line opens the store itself
    result = cli(db_path, "trace", "P1", "demand.demand", "--item", "2027-01 Data", "--json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)
    assert (found["entity"], found["item"], found["value"]) == ("demand", "2027-01 Data", 1.5)
    assert found["origin"]["cells"][0] | {"file": None} == {
        "sheet": "Plan de charge",
        "cell": "D2",
        "typed": "1,5",
        "header": "Charge",
        "file": None,
    }
    assert [v["value"] for v in found["history"]] == [1.0, 1.5]
    result = cli(db_path, "trace", "Data", "resources.capacity", "--item", "2027-03", "--lang", "fr")
    assert result.returncode == 0, result.stderr
    assert "Capacité 36 — charge_novembre.xlsx, feuille Capacité, cellule D4, saisi" in result.stdout.replace(
        "\u00a0", " "
    )


def test_a_unit_traces_to_where_it_was_said_the_cell_the_unit_column_or_the_title(months):
    def unit(owner, entity, item):
        return provenance.trace(months, owner, "unit", entity=entity, item=item)

    in_cell = unit("P2", "demand", "2027-01 Data")  # "10 j": the Unit column is empty on that row
    assert (in_cell.value, in_cell.origin.cell, in_cell.origin.typed) == ("days", "D3", "10 j")
    in_column = unit("P1", "demand", "2027-01 Data")
    assert (in_column.value, in_column.origin.cell, in_column.origin.typed) == ("fte", "E2", "ETP")
    stated = unit("Data", "resources", "2027-01")  # the sheet's title says "(en jours)": no cell of the line
    assert (stated.value, stated.origin.cells, stated.origin.rule) == ("days", (), "unit_stated")
    assert provenance.steps_text(stated.origin, stated.value, "en")[0].startswith("The unit the table states")


def test_a_unit_nothing_said_is_traced_as_assumed(con, tmp_path):
    from pmo_core import importer, snapshots
    from tests.actors import PMO
    from tests.shapes import save

    path = save(
        tmp_path / "capacity.xlsx", {"Capacity": [["Team", "Month", "Capacity"], ["Data", "2027-01", 4]]}
    )
    reads = importer.read_files([(path, path.name)], importer.read_options(con))
    snapshots.apply_plan(con, importer.build_plan(con, reads, as_of=OCTOBER), PMO)
    found = provenance.trace(con, "Data", "unit", entity="resources", item="2027-01")
    assert (found.value, found.origin.cells, found.origin.rule) == ("fte", (), "unit_assumed")
    assert provenance.trace(con, "Data", "capacity", entity="resources", item="2027-01").origin.cell == "C2"
