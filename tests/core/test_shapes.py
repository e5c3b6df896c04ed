"""Every table shape a PMO receives, built in code (tests/shapes.py), imported as a user does: what is
stored, what is said to be left out, and what the mapping screen's choices (saved as profiles) change."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import openpyxl
import pandas as pd
import pytest

from pmo_core import profiles, review, snapshots
from pmo_core.importer import (
    ReadOptions,
    analyse_file,
    build_plan,
    override_key,
    read_files,
    reread,
    unmatched_titles,
)
from pmo_core.mapping import profile_from_mapping
from tests import shapes
from tests.actors import PMO


def analyse(path, **options):
    return analyse_file(path, path.name, ReadOptions(**options))


def screen(path, con=None, **options):
    """Read a file as the Import page does: once, in the sandbox, then understood from its sheets."""
    if con is not None:
        options.setdefault("profiles", tuple(profiles.load_profiles(con)))
    source = read_files([(path, path.name)], ReadOptions(keep_source=True))[0]
    return source, reread(source, ReadOptions(**options))


def record(frame: pd.DataFrame, code: str, column: str = "code") -> pd.Series:
    return frame.loc[frame[column] == code].iloc[0]


# --- No header row ---------------------------------------------------------------------------------------


def test_a_table_with_no_header_row_is_said_unread_then_named_column_by_column(con, tmp_path):
    path = shapes.headerless(tmp_path / "export.xlsx")
    source, read = screen(path)
    (table,) = read.tables
    # Nothing is made up from its first row: the table is shown, said unread, and stores nothing yet.
    assert (table.unread, table.shape, table.mapping.entity) == (True, "none", None)
    assert [c.header for c in table.mapping.columns] == ["A", "B", "C", "D", "E"]
    assert ("sheet_not_read", "Export") in [(i.code, i.sheet) for i in read.issues]
    assert review.first_rows(table).iloc[0].tolist() == [
        "HL-01",
        "Entrepôt Lyon",
        "Ann Martin",
        "120000",
        "2026-01-15",
    ]
    # The user says what it holds and names each column, on the screen.
    mapping = review.with_entity(table.mapping, "projects")
    for col, name in enumerate(["code", "name", "manager", "budget", "start_date"]):
        mapping = review.with_field(mapping, col, name)
    key = override_key(path.name, table.key)
    read = reread(source, ReadOptions(overrides={key: mapping}))
    plan = build_plan(con, [read])
    assert not plan.has_errors, [i.message() for i in plan.errors]
    stored = record(plan.frames["projects"], "HL-02")
    assert (stored["name"], stored["manager"], stored["budget"]) == ("Portail RH", "Bob Petit", 80_000)
    assert stored["start_date"] == pd.Timestamp("2026-03-01")
    assert len(plan.frames["projects"]) == 3  # every row, the first one included
    # Saved as a profile, the choice reads next month's export by itself.
    profiles.save_profile(con, profile_from_mapping("Export DSI", read.tables[0].mapping), PMO)
    later = shapes.save(
        tmp_path / "export_next.xlsx", {"Export": [["HL-09", "Nouveau", "Dan", 5, "2026-06-01"]]}
    )
    _, again = screen(later, con)
    assert again.tables[0].mapping.profile == "Export DSI"
    assert again.tables[0].frame.iloc[0][["code", "budget"]].tolist() == ["HL-09", 5]


def test_no_header_row_can_be_said_of_a_table_whose_first_row_reads_as_headers(tmp_path):
    rows = [["Code", "Name", "Budget"], ["P1", "Alpha", 10], ["P2", "Beta", 20]]
    path = shapes.save(tmp_path / "t.xlsx", {"S": rows})
    source, read = screen(path)
    table = read.tables[0]
    assert (table.shape, table.n_rows) == ("auto", 2)
    read = reread(source, ReadOptions(shapes={override_key(path.name, table.region): "none"}))
    assert (read.tables[0].shape, read.tables[0].n_rows) == ("none", 3)


# --- Fields as rows --------------------------------------------------------------------------------------


def test_a_transposed_table_whose_row_labels_are_fields_is_read_with_no_step(con, tmp_path):
    read = analyse(shapes.transposed(tmp_path / "synthese.xlsx"))
    (table,) = read.tables
    assert table.shape == "transposed" and table.mapping.entity == "projects"
    frame = table.frame
    assert frame["code"].tolist() == ["TR-01", "TR-02", "TR-03"]
    assert frame["budget"].tolist() == [1_200_000, 450_000, 800_500]  # "Budget (k€)", "800,5"
    assert frame["status"].tolist() == ["green", "amber", "red"]
    assert not build_plan(con, [read]).has_errors
    # A value's problem points at its own cell: column C (TR-02), row 4 (Budget).
    broken = shapes.transposed(tmp_path / "broken.xlsx")
    book = openpyxl.load_workbook(broken)
    book["Synthèse"]["C4"] = "à définir"
    book.save(broken)
    issues = analyse(broken).tables[0].issues
    assert [(i.code, i.row, i.col_index) for i in issues] == [("not_a_number", 4, 2)]


def test_a_table_can_be_read_transposed_by_choice(tmp_path):
    rows = [["Ref", "X-1", "X-2"], ["Libellé long", "Alpha", "Beta"], ["Montant", "10", "20"]]
    path = shapes.save(tmp_path / "odd.xlsx", {"S": rows})
    source, read = screen(path)
    assert [t.shape for t in read.tables] == ["none"]  # no header found
    region = override_key(path.name, read.tables[0].region)
    read = reread(source, ReadOptions(shapes={region: "transposed"}))
    table = read.tables[0]
    assert table.shape == "transposed"
    assert [c.header for c in table.mapping.columns] == ["Ref", "Libellé long", "Montant"]
    assert table.n_rows == 2


# --- A title merged over the headers, a group header ---------------------------------------------------------


def test_a_title_merged_over_the_headers_is_not_glued_but_a_group_header_is_joined(tmp_path):
    read = analyse(shapes.merged_title(tmp_path / "wb.xlsx"))
    (table,) = read.tables
    headers = [c.header for c in table.mapping.columns]
    assert headers[:4] == ["Project Id", "Project Name", "Region", "Project Status"]  # no title in them
    assert headers[4:] == ["Budget (USD) Initial", "Budget (USD) Current"]  # the group over two columns
    fields = {c.header: c.field for c in table.mapping.columns}
    assert fields["Budget (USD) Initial"] == "budget"
    assert fields["Budget (USD) Current"] == "forecast_at_completion"
    assert fields["Project Status"] == "lifecycle"
    assert table.frame["lifecycle"].tolist() == ["in_progress", "completed"]  # Active, Closed
    assert read.as_of_hint == date(2022, 9, 22)  # "data as of 09/22/2022" in the title
    assert [(u.header, u.sample) for u in table.unstored] == [("Region", "Africa")]


# --- Blocks side by side ---------------------------------------------------------------------------------------


def test_blocks_side_by_side_are_separate_tables_and_row_numbers_are_never_taken_for_codes(con, tmp_path):
    read = analyse(shapes.side_by_side(tmp_path / "plan.xlsx"))
    tasks, members = read.tables
    assert [c.header for c in tasks.mapping.columns] == ["ID", "Task", "Owner", "Start", "Finish"]
    assert [c.header for c in members.mapping.columns] == ["ID", "Name", "Role"]
    assert (tasks.n_rows, members.n_rows) == (12, 3)
    # Read as projects by guess, the member list would make up projects 1, 2, 3: it is flagged and blocks.
    flagged = [i for i in members.issues if i.code == "codes_look_like_row_numbers"]
    assert [(i.column, i.value, i.params["rows"]) for i in flagged] == [("ID", "1, 2, 3", 3)]
    assert build_plan(con, [read]).has_errors
    # The user confirms the column: then it is their choice, and nothing is flagged.
    mapping = review.with_field(members.mapping, members.mapping.field_column("code").col_index, "code")
    options = ReadOptions(overrides={override_key("plan.xlsx", members.key): mapping})
    members = analyse(tmp_path / "plan.xlsx", **options.__dict__).tables[1]
    assert not [i for i in members.issues if i.code == "codes_look_like_row_numbers"]


# --- A fiche projet with unknown labels and small tables under it --------------------------------------------------


def test_a_fiche_reads_every_known_label_says_the_unknown_ones_and_its_small_tables(con, tmp_path):
    path = shapes.fiche(tmp_path / "fiche.xlsx")
    read = analyse(path)
    form, risks, milestones = read.tables
    project = form.frame.iloc[0]
    # Labels past the first unknown one are read all the same.
    assert (project["code"], project["name"], project["sponsor"]) == (
        "FP-01",
        "Usine connectée",
        "Direction industrielle",
    )
    assert project["budget"] == pytest.approx(120_500)
    assert project["start_date"] == pd.Timestamp("2026-02-15")
    assert project["forecast_end"] == pd.Timestamp(
        "2026-12-31"
    )  # "T4 2026": an end takes the quarter's last day
    assert [(u.header, u.sample) for u in form.unstored] == [
        ("Référence interne", "RI-2231"),
        ("Code analytique", "CA-778"),
    ]
    assert review.unstored_sentence(form, "en") == (
        "Not stored: Référence interne = RI-2231, Code analytique = CA-778"
    )
    assert (risks.mapping.entity, len(risks.frame)) == ("risks", 2)
    assert set(risks.frame["project_code"]) == {"FP-01"}
    assert (milestones.mapping.entity, milestones.frame["name"].tolist()) == (
        "milestones",
        ["Lancement", "Recette"],
    )
    assert milestones.frame["forecast_date"].tolist() == [
        pd.Timestamp("2026-03-01"),
        pd.Timestamp("2026-09-30"),
    ]
    plan = build_plan(con, [read])
    assert not plan.has_errors
    assert plan.counts() == {
        "projects": 1,
        "milestones": 2,
        "risks": 2,
        "costs": 0,
        "business_case": 0,
        "resources": 0,
        "demand": 0,
    }


def test_a_formula_without_result_in_a_column_not_stored_is_said_once_for_the_column(tmp_path):
    rows = [["Code projet", "Intitulé", "Ratio interne"]] + [
        [f"P{n}", f"Projet {n}", f"=1/{n + 1}"] for n in range(5)
    ]
    read = analyse(shapes.save(tmp_path / "f.xlsx", {"Projets": rows}))
    said = [(i.code, i.column, i.row, i.params.get("n")) for i in read.issues if "formula" in i.code]
    assert said == [("formula_no_value_unstored", "Ratio interne", 2, 5)]


# --- Duplicate headers -----------------------------------------------------------------------------------------


def test_two_columns_with_one_header_are_both_offered_and_can_feed_one_field_in_order(con, tmp_path):
    path = shapes.duplicate_headers(tmp_path / "gmpp.csv")
    source, read = screen(path)
    table = read.tables[0]
    ratings = [c for c in table.mapping.columns if c.header == "colour_rating"]
    assert [c.field for c in ratings] == ["status", None]
    summary = review.mapping_table(table, "en")
    rows = summary.loc[summary["header"] == "colour_rating"]
    assert rows["sample"].tolist() == ["Red · Green", "Amber · Amber/Red"]  # each its own values
    # The user reads both as the status, the second column first: the first non-empty value wins.
    mapping = review.with_field(table.mapping, ratings[0].col_index, "status")
    mapping = review.with_field(mapping, ratings[1].col_index, "status")
    mapping = review.with_order(mapping, [ratings[1].col_index, ratings[0].col_index])
    assert [c.col_index for c in review.shared_fields(mapping)["status"]] == [3, 2]
    read = reread(source, ReadOptions(overrides={override_key(path.name, table.key): mapping}))
    assert read.tables[0].frame["status"].tolist() == ["amber", "red", "green"]  # D, then C where D is empty
    assert read.tables[0].unstored == ()
    # The order is saved with the profile, under a key that tells the two columns apart.
    saved = profile_from_mapping("GMPP", read.tables[0].mapping)
    assert saved.fields["colour rating"] == saved.fields["colour rating#2"] == "status"
    assert saved.options["orders"] == {"colour rating#2": 0, "colour rating": 1}
    profiles.save_profile(con, saved, PMO)
    _, again = screen(path, con)
    assert again.tables[0].frame["status"].tolist() == ["amber", "red", "green"]


# --- The same records on several sheets ------------------------------------------------------------------------


def test_identical_repeats_on_regional_sheets_are_merged_and_said_once_per_sheet(con, tmp_path):
    read = analyse(shapes.repeated_sheets(tmp_path / "regions.xlsx"))
    assert read.notes_sheets == ["Notes"]  # its example row is not data
    plan = build_plan(con, [read])
    assert not plan.has_errors, [i.message() for i in plan.errors]
    assert sorted(plan.frames["projects"]["code"]) == ["RP-01", "RP-02", "RP-03", "RP-04"]
    merged = [
        (i.sheet, i.params["n"], i.params["other_sheet"]) for i in plan.warnings if i.code == "repeats_merged"
    ]
    assert merged == [("Nord", 2, "Tous les projets"), ("Sud", 2, "Tous les projets")]
    assert "EX-00" not in set(plan.frames["projects"]["code"])


def test_a_conflicting_repeat_is_one_error_per_pair_of_sheets_and_one_sheet_can_be_kept(con, tmp_path):
    path = shapes.repeated_sheets(tmp_path / "regions.xlsx", conflict=True)
    read = analyse(path)
    plan = build_plan(con, [read])
    conflicts = [(i.sheet, i.row, i.value, i.params["n"]) for i in plan.errors]
    assert conflicts == [("Sud", 2, "RP-03", 1)]  # one error, not one per row and sheet
    # Keeping the flat sheet alone: the regional sheets are read as nothing.
    overrides = {
        override_key(path.name, t.key): review.with_entity(t.mapping, None)
        for t in read.tables
        if t.sheet in ("Nord", "Sud")
    }
    plan = build_plan(con, [analyse(path, overrides=overrides)])
    assert not plan.has_errors and len(plan.frames["projects"]) == 4
    assert record(plan.frames["projects"], "RP-03")["budget"] == 300


# --- Quarters, fiscal years ----------------------------------------------------------------------------------


def test_quarter_dates_take_the_first_day_for_a_start_and_the_last_for_an_end_and_say_so(tmp_path):
    table = analyse(shapes.quarters(tmp_path / "q.xlsx")).tables[0]
    frame = table.frame.set_index("code")
    assert frame.at["Q-1", "start_date"] == pd.Timestamp("2025-04-01")  # 2025-Q2
    assert frame.at["Q-1", "forecast_end"] == pd.Timestamp("2026-12-31")  # T4 2026
    assert frame.at["Q-2", "start_date"] == pd.Timestamp(
        "2025-04-01"
    )  # Q2 FY25, fiscal years as calendar years
    assert frame.at["Q-2", "forecast_end"] == pd.Timestamp("2027-12-31")  # FY2026-27 ends in 2027
    said = [(i.code, i.column, i.params["n"]) for i in table.issues]
    assert said == [("period_read_as_date", "Start", 2), ("period_read_as_date", "Finish", 2)]
    # With fiscal years starting in April (UK, Canada): Q2 FY25 is July 2024, FY2026-27 ends in March 2027.
    april = analyse(tmp_path / "q.xlsx", fiscal_start=4).tables[0].frame.set_index("code")
    assert april.at["Q-2", "start_date"] == pd.Timestamp("2024-07-01")
    assert april.at["Q-2", "forecast_end"] == pd.Timestamp("2027-03-31")


# --- An Italian register ---------------------------------------------------------------------------------------


def test_an_italian_risk_register_reads_its_headers_and_words(con, tmp_path):
    projects = shapes.italian_projects(tmp_path / "progetti.xlsx")
    register = shapes.italian(tmp_path / "rischi.xlsx")
    reads = read_files([(projects, projects.name), (register, register.name)])
    plan = build_plan(con, reads)
    assert not plan.has_errors, [i.message() for i in plan.errors]
    risks = plan.frames["risks"].set_index("title")
    # A column of three words (Alta/Media/Bassa) takes 1, 3, 5 as DOMAIN.md says.
    assert risks.loc["Ritardo fornitore", ["probability", "impact"]].tolist() == [5, 3]
    assert risks.loc["Sciopero", ["probability", "impact"]].tolist() == [1, 5]
    assert risks.loc["Budget", ["probability", "impact"]].tolist() == [3, 1]
    assert risks["status"].tolist() == ["open", "closed", "in_treatment"]  # Aperto, Chiuso, In corso
    assert risks.loc["Ritardo fornitore", "due_date"] == pd.Timestamp("2026-03-15")  # 15/03/2026, day first
    assert risks.loc["Sciopero", "due_date"] == pd.Timestamp("2026-02-01")  # 01/02/2026: 1 February
    assert reads[1].language == "it"


# --- One project for a whole table, titles chosen ----------------------------------------------------------------


def test_a_register_of_one_project_is_assigned_to_it_and_the_choice_is_saved(con, tmp_path):
    rows = [["Risque", "Probabilité", "Impact"], ["Retard", 3, 4], ["Grève", 2, 5]]
    path = shapes.save(tmp_path / "registre.xlsx", {"Risques": rows})
    projects = shapes.save(tmp_path / "p.xlsx", {"Projets": [["Code projet", "Intitulé"], ["ONE", "Seul"]]})
    source, read = screen(path)
    assert [i.code for i in read.tables[0].issues] == ["required_column_missing"]
    mapping = replace(read.tables[0].mapping, project="ONE")
    read = reread(source, ReadOptions(overrides={override_key(path.name, read.tables[0].key): mapping}))
    plan = build_plan(con, [*read_files([(projects, projects.name)]), read])
    assert not plan.has_errors
    assert plan.frames["risks"]["project_code"].tolist() == ["ONE", "ONE"]
    profiles.save_profile(con, profile_from_mapping("Registre ONE", read.tables[0].mapping), PMO)
    _, again = screen(path, con)
    assert again.tables[0].frame["project_code"].tolist() == ["ONE", "ONE"]


def test_a_title_naming_no_project_is_resolved_on_the_screen_for_all_its_rows(con, tmp_path):
    known = shapes.save(
        tmp_path / "p.xlsx", {"Projets": [["Code projet", "Intitulé"], ["DSI-1", "Refonte paie"]]}
    )
    plan = build_plan(con, read_files([(known, known.name)]))
    snapshots.apply_plan(con, plan, PMO)
    rows = [["Projet", "Risque", "Probabilité", "Impact"]] + [
        ["Paie v2", f"Risque {n}", 2, 3] for n in range(4)
    ]
    rows.append(["Projet fantôme", "Autre", 1, 1])
    path = shapes.save(tmp_path / "r.xlsx", {"Risques": rows})
    source, read = screen(path)
    plan = build_plan(con, [read])
    asked = [(t["title"], t["rows"]) for t in unmatched_titles(plan)]
    assert asked == [("Paie v2", 4), ("Projet fantôme", 1)]
    table = read.tables[0]
    mapping = replace(table.mapping, titles=(("Paie v2", "DSI-1"), ("Projet fantôme", None)))
    read = reread(source, ReadOptions(overrides={override_key(path.name, table.key): mapping}))
    plan = build_plan(con, [read])
    assert not plan.has_errors
    assert plan.frames["risks"]["project_code"].tolist() == ["DSI-1"] * 4  # all its rows, not the first only
    assert read.tables[0].left_out == (("Projet fantôme", 1),)
    assert [(i.code, i.params["rows"]) for i in plan.warnings] == [("title_left_out", 1)]
    saved = profile_from_mapping("Risques paie", read.tables[0].mapping)
    assert saved.options["titles"] == [["Paie v2", "DSI-1"], ["Projet fantôme", None]]


# --- Before -> after ---------------------------------------------------------------------------------------------


def test_a_partial_import_that_renames_a_project_says_so_before_and_after(con, tmp_path):
    first = [
        ["Code projet", "Intitulé", "Budget", "Météo"],
        ["PRJ-2025-008", "Mise en conformité RGPD", 100, "Vert"],
    ]
    path = shapes.save(tmp_path / "a.xlsx", {"Projets": first})
    snapshots.apply_plan(con, build_plan(con, read_files([(path, path.name)])), PMO)
    second = [
        ["Code projet", "Intitulé", "Budget", "Météo"],
        ["PRJ-2025-008", "Data platform groupe", 150, "Rouge"],
    ]
    path = shapes.save(tmp_path / "b.xlsx", {"Projets": second})
    plan = build_plan(con, read_files([(path, path.name)]), scope="partial")
    said = [i for i in plan.warnings if i.code == "project_identity_changed"]
    assert [i.message("en") for i in said] == [
        "b.xlsx, sheet “Projets”, row 2: PRJ-2025-008: name Mise en conformité RGPD → Data platform groupe. "
        "Check that this code still names the same project; if it now names another one, give that project its "
        "own code."
    ]
    shown = review.updates_table(plan, "en").iloc[0]
    assert shown["name"] == "Mise en conformité RGPD → Data platform groupe"
    assert shown["budget"] == "€100 → €150"
    assert shown["status"] == "Green → Red"
    assert shown["forecast_at_completion"] == "—"
