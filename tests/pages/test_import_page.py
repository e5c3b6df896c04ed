"""The Import page in AppTest: upload, what was understood, the mapping, the report, confirm, roll back."""

from __future__ import annotations

import re

from pmo_core import snapshots, store
from tests.conftest import SAMPLES
from tests.pages.conftest import no_exception, open_page

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def upload(at, *names):
    files = [(name, (SAMPLES / name).read_bytes(), XLSX) for name in names]
    at.file_uploader[0].set_value(files)
    at.run()
    no_exception(at)
    return at


def counts(db_path):
    con = store.connect(db_path)
    result = snapshots.summary(con)
    con.close()
    return result


def test_upload_preview_confirm_and_history(db_path):
    at = upload(open_page("pages/import.py"), "portfolio_export_en.xlsx")
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


def test_the_french_tracker_in_french_shows_its_mapping(db_path):
    at = upload(open_page("pages/import.py", "fr"), "suivi_portefeuille_fr.xlsx")
    mapping = at.dataframe[0].value
    row = mapping.loc[mapping["header"] == "Budget (k€)"].iloc[0]
    assert row["field"] == "Budget initial"
    assert row["unit"] == "× 1 000 (k)"
    assert any("Comité" not in m.value for m in at.markdown)
    assert at.date_input[0].value.isoformat() == "2026-11-18"  # read from the tracker's title


def test_errors_block_the_confirm_button(db_path):
    at = upload(open_page("pages/import.py"), "registre_risques_fr.xlsx")  # its projects are unknown
    confirm = next(b for b in at.button if b.label == "Confirm the import")
    assert confirm.disabled
    assert any(re.search(r"\d+ errors? blocks? the import", e.value) for e in at.error)
    assert counts(db_path)["risks"] == 0


def test_changing_what_a_table_is_read_as(db_path):
    at = upload(open_page("pages/import.py"), "portfolio_export_en.xlsx")
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
    at.checkbox(key="rollback_sure").check().run()
    next(b for b in at.button if b.label == "Roll back").click().run()
    no_exception(at)
    after = counts(demo_db)
    assert after["batch"]["as_of"] == "2026-09-30"
    assert after["projects"] != before or after["risks"] != 285


def test_one_column_read_differently_on_the_screen(db_path):
    at = upload(open_page("pages/import.py"), "portfolio_export_en.xlsx")
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
