"""Where a capacity or a demand comes from, on the pages (AppTest): the plan de charge of tests/people.py imported
for October then November. On the Capacity page a click on a project's FTE in a team-month's list opens that
demand to its cell, and the team's capacity that month opens in its expander; the project page's picker offers
the project's demand lines. In English and French."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from tests import people
from tests.pages.conftest import filled, no_exception, open_page
from tests.pages.test_origin import project_page

PAGE = "pages/capacity.py"
CELL_LIST = "cap_cell_projects_Data_202701"  # the list of Data's projects in January 2027


@pytest.fixture
def plans_db(db_path, tmp_path):
    return filled(db_path, tmp_path, people.import_plans)


def texts(at: AppTest) -> str:
    return "\n".join(m.value for m in at.markdown)


def data_in_january(lang: str = "en") -> AppTest:
    at = open_page(PAGE, lang=lang)
    at.selectbox(key=f"cap_cell_team.{lang}").set_value("Data")
    at.selectbox(key=f"cap_cell_month.{lang}").set_value("2027-01").run()
    no_exception(at)
    return at


def test_a_click_on_a_projects_fte_opens_its_demand_to_the_cell(plans_db):
    at = data_in_january()
    listed = next(d.value for d in at.dataframe if "fte" in d.value.columns)
    assert listed["fte"].tolist() == [1.5, 0.5]  # P1's 1.5 FTE, then P2's 10 days at 20 working days
    assert any("Click a cell to see where its figure comes from" in c.value for c in at.caption)
    at.session_state[CELL_LIST] = {"selection": {"rows": [], "columns": [], "cells": [[0, "fte"]]}}
    at.run()
    no_exception(at)
    shown = texts(at)
    assert (
        "**Demand 1\\.50 — charge\\_novembre\\.xlsx, sheet Plan de charge, cell D2, typed “1,5”, imported by "
        in shown
    )
    assert "was 1 on 31 Oct 2026\\.**" in shown
    assert "- Sheet **Plan de charge**, cell **D2** (column Charge), typed “1,5”" in shown
    assert "**Unit FTE — charge\\_novembre\\.xlsx, sheet Plan de charge, cell E2, typed “ETP”" in shown
    history = next(d.value for d in at.dataframe if "Typed" in d.value.columns)
    assert list(history["Typed"]) == ["1,5", "1"] and list(history["Snapshot"]) == [
        "30 Nov 2026",
        "31 Oct 2026",
    ]
    # the second project's demand was typed with its unit in the cell
    at.session_state[CELL_LIST] = {"selection": {"rows": [], "columns": [], "cells": [[1, "fte"]]}}
    at.run()
    assert "cell D3, typed “10 j”" in texts(at)


def test_the_teams_capacity_that_month_opens_in_its_expander(plans_db):
    at = data_in_january()
    label = next(e.label for e in at.expander if e.label.startswith("Where Data"))
    assert label == "Where Data's capacity in January\u00a02027 comes from"
    assert "sheet Capacité" not in texts(at)  # nothing traced until opened
    at.session_state["cap_capacity_opened"] = True
    at.run()
    no_exception(at)
    assert "**Capacity 40 — charge\\_novembre\\.xlsx, sheet Capacité, cell B4, typed “40”" in texts(at)
    assert "- Sheet **Capacité**, cell **B4** (column janv\\.\\-27), typed “40”" in texts(at)


def test_in_french(plans_db):
    at = data_in_january("fr")
    assert any(e.label == "D'où vient la capacité de Data en janvier\u00a02027" for e in at.expander)
    at.session_state[CELL_LIST] = {"selection": {"rows": [], "columns": [], "cells": [[0, "fte"]]}}
    at.run()
    no_exception(at)
    shown = texts(at)
    assert "feuille Plan de charge, cellule D2, saisi «\u00a01,5\u00a0»" in shown
    assert "valait 1 au 31/10/2026" in shown


def test_the_project_page_offers_its_demand_lines(plans_db):
    at = project_page(code="P2")
    rows = at.selectbox(key="project_figure_row")
    assert (
        "Demand on a team · 2027-01 Data" in rows.options
        and "Demand on a team · 2027-02 Java" in rows.options
    )
    rows.set_value(("demand", "2027-02 Java")).run()
    no_exception(at)
    assert at.selectbox(key="project_figure_field_demand").value == "demand"
    assert "**Demand 2 — charge\\_novembre\\.xlsx, sheet Plan de charge, cell D4, typed “2”" in texts(at)


def test_the_project_pages_demand_table_opens_a_figure_on_click(plans_db):
    at = project_page(code="P2")
    assert any(h.value == "Demand on teams" for h in at.subheader)
    table = next(d.value for d in at.dataframe if "written" in d.value.columns)
    assert table["team"].tolist() == ["Data", "Java"]
    assert table["written"].tolist() == ["10 Person-days", "2 FTE"]
    assert table["fte"].tolist() == [0.5, 2.0]  # 10 days at 20 working days a month
    assert table["load"].tolist() == [100, 67]  # Data: 1.5 + 0.5 of 2 FTE; Java: 2 of 60 days = 3 FTE
    at.session_state["project_demand"] = {"selection": {"rows": [], "columns": [], "cells": [[0, "written"]]}}
    at.run()
    no_exception(at)
    assert "**Demand 10 — charge\\_novembre\\.xlsx, sheet Plan de charge, cell D3, typed “10 j”" in texts(at)
    assert "**Unit Person\\-days — " in texts(at)
