"""Layouts people really send, built here with openpyxl: two-row headers, fiches projet, several tables,
formulas without cached values, saved mapping profiles."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from pmo_core import profiles
from pmo_core.importer import ReadOptions, analyse_file, build_plan, override_key, read_files
from pmo_core.mapping import profile_from_mapping
from pmo_core.review import changed_mapping, field_choices, mapping_table
from tests import shapes
from tests.actors import PMO


def save(path: Path, sheets: dict[str, list[list]], hidden: tuple[str, ...] = ()) -> Path:
    return shapes.save(path, sheets, hidden=hidden)


def analyse(path: Path, **options):
    return analyse_file(path, path.name, ReadOptions(**options))


def test_a_two_row_header_with_merged_groups_reads_inherent_and_residual(tmp_path):
    rows = [
        ["Registre des risques projet"],
        [],
        ["Code projet", "Risque", "Probabilité", None, "Impact", None],
        [None, None, "Brute", "Résiduelle", "Brut", "Résiduel"],
        ["PRJ-1", "Retard fournisseur", "Forte", "Faible", 4, 2],
        ["PRJ-1", "Grève", "Très forte", "Très faible", 5, 1],
    ]
    path = save(tmp_path / "risques.xlsx", {"Risques": rows})
    workbook = openpyxl.load_workbook(path)
    workbook["Risques"].merge_cells("C3:D3")
    workbook["Risques"].merge_cells("E3:F3")
    workbook.save(path)
    table = analyse(path).tables[0]
    fields = {c.header: c.field for c in table.mapping.columns}
    assert table.mapping.entity == "risks"
    assert table.header_row == 4
    assert fields["Probabilité Résiduelle"] == "residual_probability"
    assert fields["Impact Résiduel"] == "residual_impact"
    record = table.frame.iloc[0]
    assert (
        record["probability"],
        record["residual_probability"],
        record["impact"],
        record["residual_impact"],
    ) == (4, 2, 4, 2)


def test_one_fiche_projet_per_sheet_with_a_risk_table_under_it(tmp_path):
    def fiche(code, name, budget):
        return [
            ["Fiche projet"],
            [],
            ["Code projet", code, None, "Chef de projet", "Marie Curie"],
            ["Intitulé", name, None, "Budget (k€)", budget],
            ["Date de début", "15/02/2026", None, "Météo", "☀️"],
            [],
            [],
            ["Risque", "Probabilité", "Impact", "Statut"],
            ["Retard de livraison", "Forte", "Majeur", "Ouvert"],
            ["Bruit sur chantier", "Faible", "Mineur", "Clos"],
        ]

    path = save(
        tmp_path / "fiches.xlsx",
        {"PRJ-A": fiche("PRJ-A", "Usine", "120,5"), "PRJ-B": fiche("PRJ-B", "Réseau", "80")},
    )
    read = analyse(path)
    forms = [t for t in read.tables if t.form]
    assert len(forms) == 2
    assert forms[0].frame.iloc[0]["code"] == "PRJ-A"
    assert forms[0].frame.iloc[0]["budget"] == pytest.approx(120_500)
    assert forms[0].frame.iloc[0]["start_date"] == pd.Timestamp(date(2026, 2, 15))
    assert forms[0].frame.iloc[0]["status"] == "green"
    risk_tables = [t for t in read.tables if t.mapping.entity == "risks"]
    assert [len(t.frame) for t in risk_tables] == [2, 2]
    # The risks of a fiche belong to its project, although their table has no project column.
    assert set(risk_tables[1].frame["project_code"]) == {"PRJ-B"}
    # A column using only the three words faible/moyen/fort maps them to 1, 3, 5 (DOMAIN.md).
    assert list(risk_tables[0].frame["probability"]) == [5, 1]
    assert list(risk_tables[0].frame["impact"]) == [4, 1]  # Majeur, Mineur on the five-level scale


def test_a_form_value_error_points_at_the_value_cell(tmp_path):
    rows = [
        ["Code projet", "PRJ-A"],
        ["Intitulé", "Usine"],
        ["Budget", "à définir"],
        ["Chef de projet", "Ann"],
    ]
    path = save(tmp_path / "fiche.xlsx", {"Fiche": rows})
    issues = analyse(path).tables[0].issues
    assert [(i.code, i.row, i.col_index) for i in issues] == [("not_a_number", 3, 1)]


def test_several_tables_on_one_sheet_are_read_apart(tmp_path):
    rows = [
        ["Code", "Name", "Budget"],
        ["P1", "Alpha", 100],
        ["P2", "Beta", 200],
        [],
        [],
        ["Project code", "Milestone", "Baseline date"],
        ["P1", "Go-live", "2026-06-30"],
    ]
    read = analyse(save(tmp_path / "two.xlsx", {"Data": rows}))
    assert [(t.mapping.entity, t.header_row, len(t.frame)) for t in read.tables] == [
        ("projects", 1, 2),
        ("milestones", 6, 1),
    ]


def test_hidden_sheets_are_skipped_unless_asked_for(tmp_path):
    sheets = {"Projects": [["Code", "Name"], ["P1", "Alpha"]], "Old": [["Code", "Name"], ["P0", "Archived"]]}
    path = save(tmp_path / "hidden.xlsx", sheets, hidden=("Old",))
    assert analyse(path).hidden_sheets == ["Old"]
    assert len(analyse(path).tables) == 1
    assert len(analyse(path, include_hidden=True).tables) == 2


def test_a_formula_without_cached_value_is_recomputed_not_trusted(tmp_path):
    rows = [
        ["Project code", "Risk", "Probability", "Impact", "Score"],
        ["P1", "Flood", 3, 4, "=C2*D2"],
        ["P1", "Strike", 2, 5, "=C3*D3"],
    ]
    path = save(tmp_path / "scripted.xlsx", {"Risks": rows})  # openpyxl writes formulas with no cached value
    table = analyse(path).tables[0]
    assert table.issues == []
    frame = table.frame
    assert list(frame["probability"] * frame["impact"]) == [12, 10]


def test_a_written_score_that_disagrees_is_reported_and_recomputed(tmp_path):
    rows = [["Project code", "Risk", "Probability", "Impact", "Criticité"], ["P1", "Flood", 3, 4, 9]]
    issues = analyse(save(tmp_path / "score.xlsx", {"Risks": rows})).tables[0].issues
    assert [(i.code, i.severity, i.value, i.params["score"]) for i in issues] == [
        ("score_recomputed", "warning", "9", 12)
    ]


def test_a_saved_profile_is_applied_by_itself_to_the_same_headers(con, tmp_path):
    rows = [["Ref", "Libellé", "Dotation 2026", "Resp."], ["X1", "Projet X", "10 000", "Ann"]]
    path = save(tmp_path / "odd.xlsx", {"Feuil1": rows})
    first = analyse(path).tables[0]
    assert first.mapping.field_column("budget") is None  # "Dotation 2026" is not a known header
    editor = mapping_table(first, "fr")
    labels = {name: label for label, name in field_choices("projects", "fr").items()}
    editor.loc[editor["header"] == "Dotation 2026", "field"] = labels["budget"]
    editor.loc[editor["header"] == "Resp.", "field"] = labels["manager"]
    chosen = changed_mapping(first, "projects", editor, None, "fr")
    assert chosen.field_column("budget").header == "Dotation 2026"
    profiles.save_profile(con, profile_from_mapping("Suivi DSI", chosen), PMO)

    later = save(
        tmp_path / "odd_next_month.xlsx", {"Feuil1": rows[:1] + [["X2", "Projet Y", "2 500", "Bob"]]}
    )
    reads = read_files([(later, later.name)], ReadOptions(profiles=tuple(profiles.load_profiles(con))))
    table = reads[0].tables[0]
    assert table.mapping.profile == "Suivi DSI"
    assert table.frame.iloc[0]["budget"] == pytest.approx(2500)
    assert table.frame.iloc[0]["manager"] == "Bob"
    assert not build_plan(con, reads).has_errors


def test_an_override_chosen_on_screen_changes_the_reading(tmp_path):
    rows = [["Code", "Name", "Budget"], ["P1", "Alpha", "12"]]
    path = save(tmp_path / "m.xlsx", {"Sheet1": rows})
    table = analyse(path).tables[0]
    editor = mapping_table(table, "en")
    editor.loc[editor["header"] == "Budget", "unit"] = "× 1 000 (k)"
    chosen = changed_mapping(table, "projects", editor, None, "en")
    options = ReadOptions(overrides={override_key(path.name, table.key): chosen})
    assert analyse_file(path, path.name, options).tables[0].frame.iloc[0]["budget"] == pytest.approx(12_000)


def test_a_missing_required_column_is_explained(tmp_path):
    rows = [["Project code", "Probability", "Impact"], ["P1", 2, 3]]
    table = analyse(save(tmp_path / "norisk.xlsx", {"Risks": rows})).tables[0]
    assert table.mapping.entity == "risks"
    assert [(i.code, i.params["field"]) for i in table.issues] == [("required_column_missing", "title")]
    assert "No column holds “Risk”, which risks need" in table.issues[0].message("en")
    assert "«\u00a0Risque\u00a0», indispensable pour ce tableau (risques)" in table.issues[0].message("fr")


def test_the_year_columns_of_a_business_case_show_on_the_mapping_screen_and_survive_a_change(tmp_path):
    rows = [["Code projet", "Poste", "Année 0", "Année 1"], ["P1", "Coûts", 100, 10], ["P1", "Gains", 0, 90]]
    table = analyse(save(tmp_path / "bc.xlsx", {"Rentabilité": rows})).tables[0]
    assert table.mapping.year_columns == ((2, 0), (3, 1))
    editor = mapping_table(table, "fr")
    assert editor.loc[editor["col"].isin([2, 3]), "field"].tolist() == ["Colonne annuelle"] * 2
    assert table.mapping.missing_required() == []  # the years are in the columns
    assert changed_mapping(table, "projects", editor, None, "fr").year_columns == ()
    assert changed_mapping(table, None, editor, None, "fr").year_columns == ()
    kept = changed_mapping(table, "business_case", editor.loc[~editor["col"].isin([2, 3])], None, "fr")
    assert kept.year_columns == ((2, 0), (3, 1))
