"""The Import page in AppTest: upload, what was understood, the mapping, the report, confirm, roll back."""

from __future__ import annotations

import io
import re
from datetime import date

import pytest

from pmo_core import snapshots, store
from pmo_core.template import blank_template, write_template
from tests import shapes
from tests.frames import two_projects
from tests.pages.conftest import no_exception, open_page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(at, folder, *names):
    files = [(name, (folder / "samples" / name).read_bytes(), XLSX) for name in names]
    at.file_uploader[0].set_value(files)
    at.run()
    no_exception(at)
    return at


def counts(db_path):
    con = store.connect(db_path)
    result = snapshots.summary(con)
    con.close()
    return result


def test_upload_preview_confirm_and_history(db_path, source):
    at = upload(open_page("pages/import.py"), source, "portfolio_export_en.xlsx")
    markdown = " ".join(m.value for m in at.markdown)
    assert "Sheet “Projects”" in markdown and "Sheet “Risks”" in markdown
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Added"] == "48"
    confirm = next(b for b in at.button if b.label == "Confirm the import")
    assert not confirm.disabled
    confirm.click().run()
    no_exception(at)
    assert counts(db_path)["projects"] == 48
    assert any("Imported as batch 1" in s.value for s in at.success)


def test_the_french_tracker_in_french_shows_its_mapping(db_path, source):
    at = upload(open_page("pages/import.py", "fr"), source, "suivi_portefeuille_fr.xlsx")
    mapping = at.dataframe[0].value
    row = mapping.loc[mapping["header"] == "Budget (k€)"].iloc[0]
    assert row["field"] == "Budget initial"
    assert row["unit"] == "× 1 000 (k)"
    assert any("Comité" not in m.value for m in at.markdown)
    assert at.date_input[0].value.isoformat() == "2026-11-18"  # read from the tracker's title


def test_errors_block_the_confirm_button(db_path, source):
    at = upload(open_page("pages/import.py"), source, "registre_risques_fr.xlsx")  # its projects are unknown
    confirm = next(b for b in at.button if b.label == "Confirm the import")
    assert confirm.disabled
    assert any(re.search(r"\d+ errors? blocks? the import", e.value) for e in at.error)
    assert counts(db_path)["risks"] == 0


def test_changing_what_a_table_is_read_as(db_path, source):
    at = upload(open_page("pages/import.py"), source, "portfolio_export_en.xlsx")
    milestones = next(s for s in at.selectbox if s.value == "Milestones")
    milestones.set_value("Ignored").run()
    no_exception(at)
    confirm = next(b for b in at.button if b.label == "Confirm the import")
    confirm.click().run()
    assert counts(db_path)["milestones"] == 0
    assert counts(db_path)["risks"] == 209


def test_rollback_from_the_history(demo_db):
    at = open_page("pages/import.py")
    before = counts(demo_db)["projects"]
    at.checkbox(key="rollback_sure_4").check().run()
    next(b for b in at.button if b.label == "Roll back").click().run()
    no_exception(at)
    after = counts(demo_db)
    assert after["batch"]["as_of"] == "2026-09-30"
    assert after["projects"] != before or after["risks"] != 285


def test_one_column_read_differently_on_the_screen(db_path, source):
    at = upload(open_page("pages/import.py"), source, "portfolio_export_en.xlsx")
    key = "field::portfolio_export_en.xlsx::Projects!1::8"  # column I, "Budget (EUR)"
    assert at.selectbox(key=key).value == "Budget at completion"
    at.selectbox(key=key).set_value("— ignore —").run()
    no_exception(at)
    at.selectbox(key="unit::portfolio_export_en.xlsx::Projects!1::9").set_value("× 1 000 (k)").run()
    next(b for b in at.button if b.label == "Confirm the import").click().run()
    con = store.connect(db_path)
    projects = snapshots.state_frames(con)["projects"].set_index("code")
    con.close()
    assert projects["budget"].isna().all()
    assert projects.at["PRJ-2025-001", "actual_cost"] == 46_477_200  # 46 477.20 read in thousands


# --- The mapping screen's second pass: shapes, currencies, titles, losses, before -> after ------------------


def upload_built(at, *paths):
    files = []
    for path in paths:
        kind = "text/csv" if path.suffix == ".csv" else XLSX
        files.append((path.name, path.read_bytes(), kind))
    at.file_uploader[0].set_value(files)
    at.run()
    no_exception(at)
    return at


def confirm(at):
    button = next(b for b in at.button if b.label == "Confirm the import")
    assert not button.disabled, [e.value for e in at.error]
    button.click().run()
    no_exception(at)


def state(db_path):
    con = store.connect(db_path)
    frames = snapshots.state_frames(con)
    con.close()
    return frames


def test_a_table_with_no_header_row_is_named_column_by_column_and_imported(db_path, tmp_path):
    at = upload_built(open_page("pages/import.py"), shapes.headerless(tmp_path / "export.xlsx"))
    key = "export.xlsx::Export!0"
    assert any("no header row found, 3 rows not read" in m.value for m in at.markdown)
    at.selectbox(key=f"entity::{key}").set_value("Projects").run()
    for col, label in enumerate(["Code *", "Name *", "Project manager", "Budget at completion"]):
        at.selectbox(key=f"field::{key}::{col}").set_value(label).run()
        no_exception(at)
    confirm(at)
    projects = state(db_path)["projects"].set_index("code")
    assert list(projects.index) == ["HL-01", "HL-02", "HL-03"]
    assert projects.at["HL-03", "budget"] == 250_000


def test_a_table_read_as_fields_in_rows_by_choice(db_path, tmp_path):
    rows = [["Ref", "X-1", "X-2"], ["Libellé long", "Alpha", "Beta"], ["Montant (k€)", "10", "20"]]
    at = upload_built(open_page("pages/import.py"), shapes.save(tmp_path / "odd.xlsx", {"S": rows}))
    at.selectbox(key="shape::odd.xlsx::S!0").set_value("Fields as rows").run()
    no_exception(at)
    key = "odd.xlsx::S!1"
    assert any("fields as rows from row 1: 2 records" in m.value for m in at.markdown)
    at.selectbox(key=f"entity::{key}").set_value("Projects").run()
    at.selectbox(key=f"field::{key}::0").set_value("Code *").run()
    at.selectbox(key=f"field::{key}::1").set_value("Name *").run()
    at.selectbox(key=f"field::{key}::2").set_value("Budget at completion").run()
    confirm(at)
    projects = state(db_path)["projects"].set_index("code")
    assert projects.at["X-2", "name"] == "Beta"
    assert projects.at["X-2", "budget"] == 20_000  # "Montant (k€)"


def test_a_bare_dollar_asks_which_dollar_and_its_rate_before_anything_is_stored(db_path, tmp_path):
    rows = [["Project ID", "Project name", "Budget"], ["C-1", "Canada", "$2,000"], ["C-2", "Ottawa", "$500"]]
    at = upload_built(open_page("pages/import.py"), shapes.save(tmp_path / "cad.xlsx", {"Projects": rows}))
    assert next(b for b in at.button if b.label == "Confirm the import").disabled
    report = at.dataframe[-1].value
    assert any("does not say which dollar" in message for message in report["message"])
    at.selectbox(key="import_dollar").set_value("Canadian dollar (CAD)").run()
    no_exception(at)
    assert next(b for b in at.button if b.label == "Confirm the import").disabled  # still no rate
    at.number_input(key="rate::CAD").set_value(0.68).run()
    confirm(at)
    projects = state(db_path)["projects"].set_index("code")
    assert projects.at["C-1", "budget"] == pytest.approx(1_360)  # 2,000 CAD at 0.68 €
    con = store.connect(db_path)
    assert snapshots.batch_rates(con, 1) == {"CAD": 0.68}
    con.close()


def test_what_a_file_leaves_out_is_said_under_its_table(db_path, tmp_path):
    at = upload_built(open_page("pages/import.py", "fr"), shapes.fiche(tmp_path / "fiche.xlsx"))
    captions = [c.value for c in at.caption]
    assert "Non enregistré\xa0: Référence interne = RI-2231, Code analytique = CA-778" in captions


def test_a_title_naming_no_project_is_given_its_project_for_all_its_rows(demo_db, tmp_path):
    rows = [["Projet", "Risque", "Probabilité", "Impact"]] + [
        ["Paie v2", f"Risque {n}", 2, 3] for n in range(3)
    ]
    at = upload_built(open_page("pages/import.py"), shapes.save(tmp_path / "r.xlsx", {"Risques": rows}))
    title = at.selectbox(key="title::r.xlsx::Risques!1::0")
    assert title.label == "“Paie v2” (3 rows)"
    target = next(option for option in title.options if option.startswith("PRJ-2024-003"))
    title.set_value(target).run()
    no_exception(at)
    confirm(at)
    risks = state(demo_db)["risks"]
    assert (
        len(risks.loc[risks["title"].str.startswith("Risque ") & (risks["project_code"] == "PRJ-2024-003")])
        == 3
    )


def test_an_updated_project_shows_its_name_budget_forecast_and_status_before_and_after(demo_db, tmp_path):
    before = state(demo_db)["projects"].set_index("code").loc["PRJ-2024-002"]
    rows = [
        ["Code projet", "Intitulé", "Budget"],
        ["PRJ-2024-002", "Data platform groupe", before["budget"] + 1000],
    ]
    at = upload_built(open_page("pages/import.py"), shapes.save(tmp_path / "u.xlsx", {"Projets": rows}))
    updates = next(d.value for d in at.dataframe if "forecast_at_completion" in d.value.columns)
    row = updates.iloc[0]
    assert row["project_code"] == "PRJ-2024-002"
    assert row["name"] == f"{before['name']} → Data platform groupe"
    assert "→" in row["budget"]


def template_bytes(frames, as_of) -> bytes:
    buffer = io.BytesIO()
    write_template(buffer, frames, as_of=as_of)
    return buffer.getvalue()


def test_the_rollback_offers_the_batch_just_imported(demo_db):
    at = open_page("pages/import.py")
    assert at.selectbox(key="rollback_batch_4").value == 4  # the demo's newest batch
    at.selectbox(key="rollback_batch_4").set_value(2).run()  # a user looks at an older batch first
    workbook = template_bytes(two_projects(), date(2026, 11, 30))
    at.file_uploader[0].set_value([("two_projects.xlsx", workbook, XLSX)]).run()
    next(b for b in at.button if b.label == "Confirm the import").click().run()
    no_exception(at)
    assert any("Imported as batch 5" in s.value for s in at.success)
    rollback = next(s for s in at.selectbox if s.label == "Batch to roll back")
    assert rollback.value == 5 and rollback.options[0] == "5"
    assert not next(c for c in at.checkbox if c.label.startswith("Yes, roll back")).value


def test_a_text_file_named_xlsx_is_refused_once_with_no_preview_around_it(db_path):
    text = b"Minutes of the steering committee.\nNothing to import here.\n"
    at = open_page("pages/import.py")
    at.file_uploader[0].set_value([("minutes.xlsx", text, XLSX)]).run()
    no_exception(at)
    said = [e.value for e in at.error if "minutes.xlsx" in e.value]
    assert len(said) == 1 and "not a spreadsheet" in said[0], [e.value for e in at.error]
    assert not at.date_input and not at.metric  # no snapshot date, no preview figures
    assert not [b for b in at.button if b.label == "Confirm the import"]
    assert not [s for s in at.subheader if s.value == "What was understood"]


def test_the_blank_template_uploaded_back_shows_its_sheets_without_an_error(db_path):
    at = open_page("pages/import.py")
    at.file_uploader[0].set_value([("template.xlsx", blank_template("en"), XLSX)]).run()
    no_exception(at)  # its empty sheets (Resources and Demand too) have no record to preview
    sheets = [m.value for m in at.markdown if m.value.startswith("**Sheet")]
    assert len(sheets) == 7 and all("0 rows of data" in sheet for sheet in sheets)
    assert next(b for b in at.button if b.label == "Confirm the import").disabled  # nothing to import


def test_a_refused_file_beside_a_good_one_is_said_once_and_blocks_the_import(db_path):
    text = b"Minutes of the steering committee.\nNothing to import here.\n"
    workbook = template_bytes(two_projects(), date(2026, 11, 30))
    at = open_page("pages/import.py")
    at.file_uploader[0].set_value([("minutes.xlsx", text, XLSX), ("two_projects.xlsx", workbook, XLSX)]).run()
    no_exception(at)
    assert sum("minutes.xlsx" in e.value for e in at.error) == 1
    assert any("1 error blocks the import" in e.value for e in at.error)
    assert next(b for b in at.button if b.label == "Confirm the import").disabled
    for frame in at.dataframe:  # the report lists the good file's problems, not the refusal again
        assert not frame.value.astype(str).apply(lambda c: c.str.contains("minutes.xlsx")).any().any()
