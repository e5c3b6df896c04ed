"""Trackers a tester wrote the way PMOs do, rebuilt here in code: wide budgets under merged groups, units
however written, English thousands, codes in another case, lenient reading, stated reporting dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core import reading, snapshots
from pmo_core.importer import (
    ReadOptions,
    analyse_file,
    as_of_default,
    build_plan,
    normalize_name,
    plan_from_frames,
    read_files,
)
from tests import shapes
from tests.actors import PMO
from tests.frames import projects

workbook = shapes.save  # (path, sheets, merges): a workbook built in code


def costs_of(path: Path, **options) -> pd.DataFrame:
    table = next(
        t for t in analyse_file(path, path.name, ReadOptions(**options)).tables if t.mapping.entity == "costs"
    )
    assert not [i for i in table.issues if i.is_error], [i.message() for i in table.issues]
    return table.frame.set_index(["project_code", "month"])


def test_planned_and_actual_month_groups_side_by_side(tmp_path):
    rows = [
        ["Suivi budgétaire 2026"],
        [],
        ["Code projet", "Prévu (k€)", None, "Réalisé (k€)", None],
        [None, "janv.-26", "févr.-26", "janv.-26", "févr.-26"],
        ["H-1", 10, 10, 9, 11],
    ]
    path = workbook(tmp_path / "groupes.xlsx", {"Budget": rows}, {"Budget": ["A3:A4", "B3:C3", "D3:E3"]})
    costs = costs_of(path)
    january = costs.loc[("H-1", pd.Timestamp("2026-01-01"))]
    assert (january["planned"], january["actual"]) == (10_000, 9_000)  # each group's measure and unit
    assert costs.loc[("H-1", pd.Timestamp("2026-02-01")), "actual"] == 11_000


def test_a_negative_planned_month_is_reported_at_its_cell_but_a_negative_actual_is_not(tmp_path):
    rows = [
        ["Code projet", "Prévu", None, "Réalisé", None],
        [None, "janv.-26", "févr.-26", "janv.-26", "févr.-26"],
        ["H-1", 10, -10, 9, -2],
    ]
    path = workbook(tmp_path / "signes.xlsx", {"Budget": rows}, {"Budget": ["A1:A2", "B1:C1", "D1:E1"]})
    table = analyse_file(path, path.name, ReadOptions()).tables[0]
    assert [(i.code, i.row, i.col_index, i.value) for i in table.issues] == [("negative_amount", 3, 2, "-10")]
    assert table.frame.set_index("month").loc[pd.Timestamp("2026-02-01"), "planned"] == -10


def test_a_code_merged_down_over_its_cost_type_rows_names_each_row(tmp_path):
    rows = [
        ["Suivi budgétaire mensuel – exercice 2026 – montants en k€"],
        [],
        [],
        ["Code projet", "Nature", "janv.-26", "févr.-26", "mars-26"],
        ["M-1", "CAPEX", 10, 10, 10],
        [None, "OPEX", 2, 2, 2],
    ]
    path = workbook(tmp_path / "fusion.xlsx", {"Budget 2026": rows}, {"Budget 2026": ["A5:A6"]})
    costs = costs_of(path).reset_index()
    assert set(zip(costs["project_code"], costs["cost_type"], strict=True)) == {
        ("M-1", "CAPEX"),
        ("M-1", "OPEX"),
    }
    # the title two blank rows above the table still gives its unit
    opex = costs.loc[costs["cost_type"] == "OPEX", ["planned", "actual", "forecast"]]
    assert opex.sum().sum() == 6_000


def test_months_without_a_year_under_planned_and_actual_groups_take_the_title_year(tmp_path):
    rows = [
        ["Suivi budgétaire – exercice 2026"],
        [],
        ["Code projet", "Prévu", None, None, "Réalisé", None, None],
        [None, "janv.", "févr.", "mars", "janv.", "févr.", "mars"],
        ["G-1", 10, 11, 12, 9, 10, 13],
    ]
    path = workbook(tmp_path / "groupes.xlsx", {"Budget": rows}, {"Budget": ["A3:A4", "B3:D3", "E3:G3"]})
    march = costs_of(path).loc[("G-1", pd.Timestamp("2026-03-01"))]
    assert (march["planned"], march["actual"]) == (12, 13)


def test_month_names_without_a_year_take_the_sheet_year(tmp_path):
    rows = [["Code projet", "Nature", "Janvier", "Février", "Mars", "Total"], ["H-1", "CAPEX", 1, 2, 3, 6]]
    costs = costs_of(workbook(tmp_path / "mois.xlsx", {"Réalisé 2026": rows}))
    assert list(costs.index.get_level_values("month")) == [pd.Timestamp(f"2026-0{m}-01") for m in (1, 2, 3)]
    assert costs["actual"].tolist() == [1, 2, 3]  # the sheet says "Réalisé"; the Total column is not a month


def test_a_measure_column_splits_plan_actual_and_forecast_rows(tmp_path):
    rows = [
        ["Project code", "Measure", "Jan-26", "Feb-26", "Mar-26"],
        ["MX-1", "Plan", 10, 10, 10],
        ["MX-1", "Actual", 9, None, None],
        ["MX-1", "Forecast", None, 12, 11],
    ]
    costs = costs_of(workbook(tmp_path / "measures.xlsx", {"Budget vs actual": rows}))
    january, february = (
        costs.loc[("MX-1", pd.Timestamp("2026-01-01"))],
        costs.loc[("MX-1", pd.Timestamp("2026-02-01"))],
    )
    assert (january["planned"], january["actual"]) == (10, 9)
    assert (february["planned"], february["forecast"]) == (10, 12)


@pytest.mark.parametrize(
    ("header", "factor"),
    [
        ("Budget initial (en k€)", 1e3),
        ("Budget (K€ HT)", 1e3),
        ("Budget (€k)", 1e3),
        ("Budget (milliers €)", 1e3),
        ("Budget (M€)", 1e6),
        ("Budget (KEUR)", 1e3),
        ("Budget", 1),
    ],
)
def test_units_scale_their_column_however_written(tmp_path, header, factor):
    path = workbook(
        tmp_path / "unit.xlsx", {"Projets": [["Code projet", "Intitulé", header], ["U-1", "Unité", 5]]}
    )
    frame = analyse_file(path, path.name, ReadOptions()).tables[0].frame
    assert frame.at[0, "budget"] == 5 * factor


def test_a_title_unit_and_a_group_unit_reach_the_columns(tmp_path):
    title = [
        ["Suivi budgétaire 2026 (en k€)"],
        [],
        ["Code projet", "Intitulé", "Budget"],
        ["T-1", "Titre", 7],
    ]
    frame = (
        analyse_file(p := workbook(tmp_path / "t.xlsx", {"Projets": title}), p.name, ReadOptions())
        .tables[0]
        .frame
    )
    assert frame.at[0, "budget"] == 7_000
    grouped = [[None, None, "Cost (k€)", None], ["ID", "Title", "Budget", "Actual"], ["G-1", "Grouped", 4, 3]]
    path = workbook(tmp_path / "g.xlsx", {"Projects": grouped}, {"Projects": ["C1:D1"]})
    frame = analyse_file(path, path.name, ReadOptions()).tables[0].frame
    assert (frame.at[0, "budget"], frame.at[0, "actual_cost"]) == (4_000, 3_000)


def test_english_files_read_a_comma_as_thousands(tmp_path):
    rows = [["Project ID", "Project name", "Budget", "Actual cost"], ["E-1", "English", "250,000", "3,900"]]
    frame = (
        analyse_file(p := workbook(tmp_path / "en.xlsx", {"Projects": rows}), p.name, ReadOptions())
        .tables[0]
        .frame
    )
    assert (frame.at[0, "budget"], frame.at[0, "actual_cost"]) == (250_000, 3_900)


def test_amounts_in_another_currency_are_converted_at_the_rate_given_or_not_stored(con, tmp_path):
    rows = [["Project ID", "Project name", "Budget (k$)"], ["D-1", "Dollars", 5]]
    path = workbook(tmp_path / "usd.xlsx", {"Projects": rows})

    def plan(dollar=None, rates=None):
        return build_plan(con, read_files([(path, path.name)], ReadOptions(dollar=dollar)), rates=rates)

    # "$" alone does not say which dollar: asked, never assumed.
    assert [(i.code, i.row, i.column) for i in plan().errors] == [("currency_dollar", 1, "Budget (k$)")]
    assert [(i.code, i.params["found"]) for i in plan("USD").errors] == [("currency_needs_rate", "USD")]
    converted = plan("USD", {"USD": 0.9})
    assert converted.frames["projects"].at[0, "budget"] == pytest.approx(4_500)  # 5 k$ at 0.9 €
    assert converted.rates == {"USD": 0.9}
    assert [i.code for i in converted.warnings] == ["currency_converted"]
    skipped = plan("USD", {"USD": None})
    assert pd.isna(skipped.frames["projects"].at[0, "budget"]) and not skipped.has_errors
    assert [i.code for i in skipped.warnings] == ["currency_not_stored"]


def test_a_column_writing_several_currencies_is_refused_at_its_first_cell_of_another(tmp_path):
    rows = [
        ["Project ID", "Project name", "Budget (€)", "Actual cost"],
        ["D-1", "Dollars", "$1,200.50", "1,000 USD"],
        ["D-2", "Pounds", "£300", "€500"],
        ["D-3", "Francs", "400", "CHF 20"],
    ]
    table = analyse_file(
        p := workbook(tmp_path / "mixed.xlsx", {"Projects": rows}), p.name, ReadOptions()
    ).tables[0]
    assert [(i.code, i.params["found"], i.row, i.column, i.value) for i in table.issues] == [
        ("currency_mixed", "EUR, $, GBP", 2, "Budget (€)", "$1,200.50"),
        ("currency_mixed", "CHF, EUR, USD", 3, "Actual cost", "€500"),
    ]


def test_an_unknown_project_is_reported_once_with_the_number_of_its_rows(con, tmp_path):
    rows = [["Projet", "Mois", "Réalisé"]] + [["INCONNU", f"2026-{m:02d}", 10] for m in range(1, 11)]
    rows.append(["AUTRE", "2026-01", 5])
    path = workbook(tmp_path / "costs.xlsx", {"Coûts": rows})
    plan = build_plan(con, read_files([(path, path.name)]))
    assert [(i.code, i.row, i.value, i.params["rows"]) for i in plan.errors] == [
        ("project_unknown", 2, "INCONNU", 10),
        ("project_unknown", 12, "AUTRE", 1),
    ]
    assert "«\u00a0INCONNU\u00a0» (10 lignes, la première ici) n'est ni" in plan.errors[0].message("fr")
    assert "“AUTRE” is neither" in plan.errors[1].message("en")


def test_repeated_cost_lines_past_the_fiftieth_are_counted_in_one_line(con, tmp_path):
    sheets = {
        "Projects": [["Project code", "Project name"], ["P-1", "One"]],
        "Costs": [["Project", "Month", "Actual"]] + [["P-1", "2026-01", 1]] * 60,
    }
    path = workbook(tmp_path / "repeated.xlsx", sheets)
    plan = build_plan(con, read_files([(path, path.name)]))
    repeated = [i for i in plan.warnings if i.code.startswith("duplicate_cost_line")]
    assert [i.code for i in repeated] == ["duplicate_cost_line"] * 50 + ["duplicate_cost_lines_more"]
    assert (
        repeated[-1]
        .message("en")
        .endswith("9 more lines repeat a project, month and cost type; the amounts are added up too.")
    )
    assert plan.frames["costs"]["actual"].tolist() == [60.0]


def test_a_negative_budget_is_kept_and_reported_at_its_cell(tmp_path):
    rows = [["Project ID", "Project name", "Budget"], ["N-1", "Signed", "-120 000"], ["N-2", "Fine", 5]]
    table = analyse_file(
        p := workbook(tmp_path / "negative.xlsx", {"Projects": rows}), p.name, ReadOptions()
    ).tables[0]
    assert [(i.code, i.severity, i.row, i.column, i.value) for i in table.issues] == [
        ("negative_amount", "warning", 2, "Budget", "-120000")
    ]
    assert table.frame["budget"].tolist() == [-120000.0, 5.0]


def test_a_negative_actual_cost_line_is_a_credit_and_not_reported(tmp_path):
    rows = [["Project", "Month", "Planned", "Actual"], ["C-1", "2026-01", 10, -4]]
    table = analyse_file(
        p := workbook(tmp_path / "credit.xlsx", {"Costs": rows}), p.name, ReadOptions()
    ).tables[0]
    assert table.mapping.entity == "costs"
    assert [i.code for i in table.issues] == []


def test_a_code_in_another_case_is_the_known_project(con, tmp_path):
    snapshots.apply_plan(
        con,
        plan_from_frames(
            con, {"projects": projects({"code": "DSI-01", "name": "Paie"})}, as_of=date(2026, 1, 31)
        ),
        PMO,
    )
    path = workbook(tmp_path / "case.xlsx", {"Projets": [["Code projet", "Intitulé"], ["dsi 01", "Paie"]]})
    plan = build_plan(con, read_files([(path, path.name)]), as_of=date(2026, 2, 28))
    assert dict(zip(plan.changes["project_code"], plan.changes["change"], strict=True)) == {
        "DSI-01": "unchanged"
    }
    assert [(i.code, i.value) for i in plan.warnings] == [("code_spelling", "dsi 01")]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127)))
def test_a_name_reads_the_same_in_any_case_with_accents_or_punctuation(text):
    key = normalize_name(text)
    assert key == normalize_name(text.upper()) == normalize_name(f" {text.swapcase()} - ")
    assert set(key) <= set("abcdefghijklmnopqrstuvwxyz0123456789 ") and key == key.strip()
    accented = text.translate(str.maketrans("aeiouAEIOU", "àéîõüÀÉÎÕÜ"))
    assert normalize_name(accented) == key


def test_two_spellings_of_one_code_in_a_file_are_a_duplicate(con, tmp_path):
    rows = [["Code projet", "Intitulé"], ["DSI-01", "Portail"], ["dsi 01", "Portail bis"]]
    path = workbook(tmp_path / "twice.xlsx", {"Projets": rows})
    plan = build_plan(con, read_files([(path, path.name)]))
    assert [(i.code, i.row) for i in plan.errors] == [
        ("duplicate_project_code", 2),
        ("duplicate_project_code", 3),
    ]


def test_a_sheet_of_data_without_a_table_header_is_reported_a_sheet_of_notes_is_not(tmp_path):
    sheets = {
        "Projets": [["Code projet", "Intitulé"], ["P-01", "Alpha"]],
        "Export brut": [["P-01", "Alpha", 100, 50], ["P-02", "Beta", 80, 20]],
        "Notes": [["Relu par le PMO le 3 novembre"]],
    }
    read = analyse_file(p := workbook(tmp_path / "sheets.xlsx", sheets), p.name, ReadOptions())
    assert [(i.code, i.severity, i.sheet) for i in read.issues] == [
        ("sheet_not_read", "warning", "Export brut")
    ]


def test_an_english_register_of_french_amounts_reads_its_decimal_commas(tmp_path):
    path = tmp_path / "register.csv"
    text = "Project ID;Project Name;Budget;Actual cost\nE-1;Alpha;1 234,56;4,500\nE-2;Beta;12,5;2,750\n"
    path.write_bytes(text.encode("cp1252"))
    table = analyse_file(path, path.name, ReadOptions()).tables[0]
    assert table.frame[["budget", "actual_cost"]].values.tolist() == [[1234.56, 4.5], [12.5, 2.75]]
    assert not [i for i in table.issues if i.is_error]


@pytest.mark.parametrize(
    ("title", "headers", "expected", "warned"),
    [
        ("Status as of 03/04/2026", ["Project ID", "Project Name"], date(2026, 4, 3), True),
        (
            "Situation au 03/04/2026",
            ["Code projet", "Intitulé"],
            date(2026, 4, 3),
            False,
        ),  # French: day first
        ("Status as of 13/04/2026", ["Project ID", "Project Name"], date(2026, 4, 13), False),
    ],
)
def test_a_stated_date_that_reads_two_ways_is_warned_in_an_english_file(
    tmp_path, title, headers, expected, warned
):
    rows = [[title], [], [], headers, ["A-1", "Alpha"]]
    read = analyse_file(p := workbook(tmp_path / "date.xlsx", {"Sheet": rows}), p.name, ReadOptions())
    assert read.as_of_hint == expected
    assert [i.code for i in read.issues] == (["as_of_ambiguous"] if warned else [])


def test_a_snapshot_dated_in_the_future_is_warned(con, tmp_path):
    rows = [["Comité de pilotage du 15/12/2099"], [], [], ["Code projet", "Intitulé"], ["F-1", "Futur"]]
    path = workbook(tmp_path / "futur.xlsx", {"Projets": rows})
    reads = read_files([(path, path.name)])
    plan = build_plan(con, reads, as_of=as_of_default(reads))
    assert plan.as_of == date(2099, 12, 15)
    assert [(i.code, i.params) for i in plan.warnings] == [("as_of_in_future", {"as_of": "2099-12-15"})]


def test_a_lifecycle_status_gives_way_to_the_rag_column_beside_it(tmp_path):
    rows = [
        ["Project ID", "Project Name", "Status", "RAG", "Budget"],
        ["PR-1", "CRM", "In progress", "Green", 100],
        ["PR-2", "ERP", "On hold", "Red", 200],
    ]
    table = analyse_file(
        p := workbook(tmp_path / "rag.xlsx", {"Register": rows}), p.name, ReadOptions()
    ).tables[0]
    assert {c.header: c.field for c in table.mapping.columns}["RAG"] == "status"
    # ... and its lifecycle words say where each project stands in its life, kept apart from the colours.
    assert {c.header: c.field for c in table.mapping.columns}["Status"] == "lifecycle"
    assert table.frame["lifecycle"].tolist() == ["in_progress", "on_hold"]
    assert table.frame["status"].tolist() == ["green", "red"]
    assert not table.issues


def test_a_criticality_written_as_a_word_is_noted_and_recomputed_not_refused(tmp_path):
    rows = [
        ["Code projet", "Risque", "Probabilité", "Impact", "Criticité"],
        ["P1", "Crue", 3, 4, "Élevée"],
        ["P1", "Grève", 2, 2, 4],
    ]
    table = analyse_file(
        p := workbook(tmp_path / "crit.xlsx", {"Risques": rows}), p.name, ReadOptions()
    ).tables[0]
    assert [(i.code, i.severity, i.row, i.value) for i in table.issues] == [
        ("score_not_read", "warning", 2, "Élevée")
    ]
    assert table.frame[["probability", "impact"]].values.tolist() == [[3, 4], [2, 2]]


def test_a_file_with_nothing_read_is_refused_rather_than_stored_as_an_empty_snapshot(con, tmp_path):
    path = workbook(tmp_path / "hidden.xlsx", {"Projets": [["Code projet", "Intitulé"], ["H-1", "Caché"]]})
    book = openpyxl.load_workbook(path)
    book.create_sheet("Notes")["A1"] = "Rien ici"
    book["Projets"].sheet_state = "hidden"
    book.save(path)
    plan = build_plan(con, read_files([(path, path.name)]))
    assert [(i.code, i.file) for i in plan.errors] == [("nothing_to_import", "hidden.xlsx")]
    assert snapshots.list_snapshots(con) == []


@pytest.mark.parametrize(
    "between",
    [
        [[], [], ["Légende : ☀️ = OK, 🌧️ = alerte"], []],  # a legend just above the header
        [[], [], ["Direction des Systèmes d'Information"], [], []],  # a subtitle block of its own
    ],
    ids=["legend", "subtitle"],
)
def test_a_title_reaches_its_table_past_a_legend_or_a_subtitle(tmp_path, between):
    rows = [
        ["Suivi des projets au 15/10/2026 (montants en k€)"],
        *between,
        ["Code projet", "Intitulé", "Budget", "Consommé"],
        ["P1", "Alpha", "1 234,5", "10"],
    ]
    read = analyse_file(p := workbook(tmp_path / "titled.xlsx", {"Suivi": rows}), p.name, ReadOptions())
    assert read.as_of_hint == date(2026, 10, 15)
    assert read.tables[0].frame.loc[0, ["budget", "actual_cost"]].tolist() == [1_234_500.0, 10_000.0]


def test_a_wide_budget_naming_projects_by_title_is_read(con, tmp_path):
    path = workbook(
        tmp_path / "wide_titles.xlsx",
        {
            "Projects": [["Project ID", "Project Name"], ["P-01", "Alpha"], ["P-02", "Beta"]],
            "Monthly costs": [
                ["Project", "Measure", "Jan-26", "Feb-26", "Mar-26"],
                ["Alpha", "Plan", 1, 2, 3],
                ["Alpha", "Actual", 1, None, None],
                ["Beta", "Plan", 4, 5, 6],
            ],
        },
    )
    plan = build_plan(con, read_files([(path, path.name)]))
    assert not plan.errors
    costs = plan.frames["costs"].set_index(["project_code", "month"])
    assert costs.loc[("P-01", pd.Timestamp("2026-01-01")), ["planned", "actual"]].tolist() == [1.0, 1.0]
    assert costs.loc[("P-02", pd.Timestamp("2026-02-01")), "planned"] == 5.0


def test_a_duplicate_code_names_the_other_file(con, tmp_path):
    first = workbook(tmp_path / "a.xlsx", {"Projets": [["Code projet", "Intitulé"], ["X-1", "Un"]]})
    second = workbook(tmp_path / "b.xlsx", {"Projets": [["Code projet", "Intitulé"], ["X-1", "Deux"]]})
    plan = build_plan(con, read_files([(first, first.name), (second, second.name)]))
    message = next(i for i in plan.errors if i.file == "a.xlsx").message("en")
    assert "also in b.xlsx, sheet “Projets”, row 2" in message


def test_lenient_reading_leaves_out_a_row_it_cannot_store(con, tmp_path):
    rows = [["Project code", "Project name"], ["L-1", "Lenient"]]
    risks = [
        ["Project code", "Risk", "Probability", "Impact"],
        ["L-1", "Flood", "tbd", 3],
        ["L-1", "Strike", 2, 2],
    ]
    path = workbook(tmp_path / "lenient.xlsx", {"Projects": rows, "Risks": risks})
    plan = build_plan(con, read_files([(path, path.name)], ReadOptions(lenient=True)))
    assert not plan.has_errors
    assert plan.frames["risks"]["title"].tolist() == ["Strike"]
    assert {i.code for i in plan.warnings} >= {"row_skipped"}
    snapshots.apply_plan(con, plan, PMO)  # stores, where it used to break a NOT NULL constraint
    assert snapshots.summary(con)["risks"] == 1


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([["Status date:", "30/06/2026"]], date(2026, 6, 30)),
        ([["Reporting date: 30 June 2026"]], date(2026, 6, 30)),
        ([["Suivi des projets au 30 juin 2026"]], date(2026, 6, 30)),
        ([["As of: 04/30/2026"]], date(2026, 4, 30)),
        ([["Suivi des projets - juin 2026"]], date(2026, 6, 30)),
        ([["Reporting mensuel du 01/03/2026 au 31/03/2026"]], date(2026, 3, 31)),  # a period: its end
    ],
)
def test_the_reporting_date_the_file_states(tmp_path, rows, expected):
    sheets = {"Projets": [*rows, [], ["Code projet", "Intitulé"], ["A-1", "Daté"]]}
    read = analyse_file(p := workbook(tmp_path / "asof.xlsx", sheets), p.name, ReadOptions())
    assert read.as_of_hint == expected


def test_formulas_without_a_saved_result_are_reported_where_they_matter(tmp_path):
    rows = [["Project code", "Project name", "Budget", "Actual cost"], ["F-1", "Formulas", "=50*1000", 10]]
    path = workbook(tmp_path / "scripted.xlsx", {"Projects": rows})  # openpyxl saves no formula results
    read = analyse_file(path, path.name, ReadOptions())
    assert [(i.code, i.row, i.column, i.value) for i in read.issues] == [
        ("formula_no_value", 2, "Budget", "50*1000")
    ]
    assert "open the file in Excel and save it" in read.issues[0].message("en")


def test_formula_gaps_of_a_table_are_reported_whatever_table_sits_below_it(tmp_path):
    rows = [
        ["Code projet", "Intitulé", "Budget", "Consommé"],
        ["P1", "Alpha", 100, "=C2/2"],
        ["P2", "Beta", 200, "#REF!"],
        [],
        [],
        ["Code projet", "Risque", "Probabilité", "Impact"],
        ["P1", "Retard", 3, 4],
    ]
    read = analyse_file(p := workbook(tmp_path / "stacked.xlsx", {"Suivi": rows}), p.name, ReadOptions())
    assert [t.mapping.entity for t in read.tables] == ["projects", "risks"]
    assert [(i.code, i.row, i.column) for i in read.issues] == [
        ("formula_no_value", 2, "Consommé"),
        ("excel_error", 3, "Consommé"),
    ]


def test_a_column_of_formulas_without_results_does_not_hide_the_errors_of_the_others(tmp_path, monkeypatch):
    monkeypatch.setattr(reading, "COLUMN_GAPS", 5)  # a thousand in use: the same at a smaller scale
    header = [
        "Code projet",
        "Risque",
        "Probabilité",
        "Impact",
        "Criticité",
        "Échéance",
        "Coût de la mitigation",
    ]
    rows = [header] + [
        [
            f"P{n}",
            f"Risque {n}",
            2,
            3,
            f"=C{n + 2}*D{n + 2}",
            "#REF!" if n in (30, 38) else "2026-06-30",
            "=1+1",
        ]
        for n in range(40)
    ]
    read = analyse_file(p := workbook(tmp_path / "noisy.xlsx", {"Risques": rows}), p.name, ReadOptions())
    found = [(i.code, i.row, i.column) for i in read.issues]
    assert ("excel_error", 32, "Échéance") in found and ("excel_error", 40, "Échéance") in found
    assert [
        i for i in found if i[2] == "Criticité"
    ] == []  # a score is recomputed: its formulas do not matter
    assert [i for i in found if i[2] == "Coût de la mitigation"] == [
        ("formula_no_value", row, "Coût de la mitigation") for row in range(2, 7)
    ] + [("formula_gaps_more", None, "Coût de la mitigation")]
    more = next(i for i in read.issues if i.code == "formula_gaps_more")
    assert more.message("en").endswith(
        "35 more cells of this column read as empty for the same reasons (a formula "
        "with no saved result, an Excel error): open the file in Excel, correct and save it."
    )


def test_the_problems_of_a_column_are_listed_top_to_bottom(tmp_path):
    rows = [
        ["Code projet", "Intitulé", "Budget (k€)"],
        ["P1", "A", "1e308"],
        ["P2", "B", "inf"],
        ["P3", "C", "x"],
    ]
    table = analyse_file(
        p := workbook(tmp_path / "order.xlsx", {"Projets": rows}), p.name, ReadOptions()
    ).tables[0]
    rows_reported = [i.row for i in table.issues if i.column == "Budget (k€)"]
    assert rows_reported == sorted(rows_reported) and len(rows_reported) == 3


def test_a_risk_word_takes_the_same_level_in_every_fiche_of_a_file(tmp_path):
    def fiche(code, words):
        return [
            ["Code projet", code],
            ["Intitulé", f"Projet {code}"],
            ["Chef de projet", "Ann"],
            [],
            [],
            ["Risque", "Probabilité", "Impact"],
            *[[f"R{i}", w, 3] for i, w in enumerate(words)],
        ]

    # The first fiche alone would read "Forte" on the three-level scale (5); the second shows five levels.
    path = workbook(
        tmp_path / "fiches.xlsx", {"A": fiche("A", ["Forte"]), "B": fiche("B", ["Très forte", "Forte"])}
    )
    risks = [
        t.frame for t in analyse_file(path, path.name, ReadOptions()).tables if t.mapping.entity == "risks"
    ]
    assert [list(frame["probability"]) for frame in risks] == [[4], [5, 4]]


def test_a_month_alone_as_an_end_date_is_its_last_day(tmp_path):
    rows = [
        ["Code projet", "Intitulé", "Date de début", "Date de fin prévue"],
        ["M-1", "Mois", "juin 2026", "juin 2027"],
    ]
    frame = (
        analyse_file(p := workbook(tmp_path / "m.xlsx", {"Projets": rows}), p.name, ReadOptions())
        .tables[0]
        .frame
    )
    assert (frame.at[0, "start_date"], frame.at[0, "forecast_end"]) == (
        pd.Timestamp("2026-06-01"),
        pd.Timestamp("2027-06-30"),
    )


def case_of(path: Path) -> tuple[pd.DataFrame, list]:
    (table,) = [t for t in analyse_file(path, path.name, ReadOptions()).tables if t.mapping.entity]
    assert table.mapping.entity == "business_case"
    frame = table.frame[["project_code", "year", "cost", "benefit", "_row"]]
    return frame.astype(object).where(frame.notna(), None), table.issues  # an amount not given is None


def test_a_business_case_with_one_column_per_year_and_a_line_per_row(tmp_path):
    rows = [
        ["Analyse de rentabilité — montants en k€"],
        [],
        ["Code projet", "Poste", 2026, 2027, 2028],
        ["P-01", "Investissement", -120, -30, None],  # a cash-flow table writes its costs negative
        ["P-01", "Coûts de fonctionnement", None, 10, 10],  # a second cost line adds up
        ["P-01", "Gains attendus", 0, 60, 90],
        ["P-01", "Flux net", -120, 20, 80],  # worked out from the others: left out
        ["P-02", "Bénéfices", 0, 40, 80],
        ["P-02", "Divers", 5, 5, 5],  # neither: said so
    ]
    frame, issues = case_of(workbook(tmp_path / "case.xlsx", {"Rentabilité": rows}))
    assert frame.to_dict("records") == [
        {"project_code": "P-01", "year": 2026, "cost": 120_000.0, "benefit": 0.0, "_row": 4},
        {"project_code": "P-01", "year": 2027, "cost": 40_000.0, "benefit": 60_000.0, "_row": 4},
        {"project_code": "P-01", "year": 2028, "cost": 10_000.0, "benefit": 90_000.0, "_row": 5},
        {"project_code": "P-02", "year": 2026, "cost": None, "benefit": 0.0, "_row": 8},
        {"project_code": "P-02", "year": 2027, "cost": None, "benefit": 40_000.0, "_row": 8},
        {"project_code": "P-02", "year": 2028, "cost": None, "benefit": 80_000.0, "_row": 8},
    ]
    assert [(i.code, i.severity, i.row, i.column, i.value) for i in issues] == [
        ("case_line_unknown", "warning", 9, "Poste", "Divers")
    ]
    assert "neither a cost nor a benefit (Divers)" in issues[0].message("en")
    assert "ni un coût ni un bénéfice (Divers)" in issues[0].message("fr")


def test_a_business_case_with_costs_and_benefits_grouped_over_years_of_the_project(tmp_path):
    rows = [
        ["Code", "Projet", "Coûts (k€)", None, None, "Bénéfices (k€)", None, None],
        [None, None, "Année 0", "Année 1", "Année 2", "Année 0", "Année 1", "Année 2"],
        ["A-1", "Alpha", 100, 20, 20, 0, 80, 120],
    ]
    merges = {"Cas": ["C1:E1", "F1:H1", "A1:A2", "B1:B2"]}
    frame, issues = case_of(workbook(tmp_path / "groups.xlsx", {"Cas": rows}, merges))
    assert frame[["year", "cost", "benefit"]].to_dict("list") == {
        "year": [0, 1, 2],
        "cost": [100_000.0, 20_000.0, 20_000.0],
        "benefit": [0.0, 80_000.0, 120_000.0],
    }
    assert issues == []


def test_a_wide_business_case_imports_beside_its_projects(con, tmp_path):
    sheets = {
        "Projets": [["Code projet", "Intitulé"], ["P-01", "Portail"]],
        "Business case": [["Code projet", "Poste", "N", "N+1", "N+2"], ["P-01", "Coûts", 100, 10, 10]]
        + [["P-01", "Gains", 0, 80, 80]],
    }
    path = workbook(tmp_path / "dossier.xlsx", sheets)
    plan = build_plan(con, read_files([(path, path.name)]), as_of=date(2026, 3, 31))
    assert not plan.has_errors and plan.counts()["business_case"] == 3
    snapshots.apply_plan(con, plan, PMO)
    stored = snapshots.state_frames(con)["business_case"].sort_values("year")
    assert stored[["year", "cost", "benefit"]].to_dict("list") == {
        "year": [0, 1, 2],
        "cost": [100.0, 10.0, 10.0],
        "benefit": [0.0, 80.0, 80.0],
    }


def test_two_years_in_a_row_of_data_make_no_header(tmp_path):
    rows = [["P-01", "Alpha", "2025", "2027"], ["P-02", "Beta", "2026", "2028"]]
    read = analyse_file(p := workbook(tmp_path / "years.xlsx", {"Export": rows}), p.name, ReadOptions())
    assert [(t.unread, t.mapping.entity, t.shape) for t in read.tables] == [(True, None, "none")]
    assert ("sheet_not_read", "Export") in [(i.code, i.sheet) for i in read.issues]
