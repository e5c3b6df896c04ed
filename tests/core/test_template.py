"""The app's template: sheets, headers, drop-downs, formats and the README the importer reads back."""

from __future__ import annotations

import re
from datetime import date, datetime
from io import BytesIO

import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter, range_boundaries

from pmo_core.fields import ENTITIES, fields_of
from pmo_core.i18n import table
from pmo_core.i18n.template import TEXTS
from pmo_core.layout import is_readme_sheet
from pmo_core.template import LISTS_SHEET, blank_template, write_template

AS_OF = date(2026, 10, 31)
SHEETS = {
    "en": ["README", "Projects", "Milestones", "Risks", "Costs", "Business case", "Resources", "Demand"],
    "fr": [
        "LISEZ-MOI",
        "Projets",
        "Jalons",
        "Risques",
        "Coûts",
        "Analyse de rentabilité",
        "Ressources",
        "Demande",
    ],
}


def _frames() -> dict[str, pd.DataFrame]:
    projects = pd.DataFrame(
        {
            "code": ["PRJ-2025-001", "PRJ-2025-002"],
            "name": ["=cmd|' /C calc'!A0", "Plant 3 energy retrofit"],
            "start_date": [pd.Timestamp("2025-03-01"), pd.NaT],
            "budget": [1_250_000.0, 480_000.0],
            "percent_complete": [0.42, 1.0],
            "status": ["amber", None],
            "status_cost": ["red", "green"],
            "mandatory": [True, False],
            "comment": ["- supplier late", "On track"],
        }
    )
    risks = pd.DataFrame(
        {
            "project_code": ["PRJ-2025-001"] * 2,
            "title": ["Supplier delivery delay", "Accident lors des travaux"],
            "category": ["schedule", "Réputation"],  # a free-text category is kept as written
            "probability": [4, 2],
            "impact": [3, 5],
            "status": ["in_treatment", "open"],
            "response": ["mitigate", "escalate"],
            "due_date": [date(2026, 9, 30), date(2026, 12, 15)],
        }
    )
    costs = pd.DataFrame(
        {
            "project_code": ["PRJ-2025-001"],
            "month": [pd.Timestamp("2026-10-01")],
            "cost_type": ["CAPEX"],
            "planned": [1.5],
        }
    )
    return {"projects": projects, "risks": risks, "costs": costs}


def _workbook(lang: str):
    buffer = BytesIO()
    write_template(buffer, _frames(), lang=lang, as_of=AS_OF)
    return load_workbook(BytesIO(buffer.getvalue()))


@pytest.fixture(scope="module", params=["en", "fr"])
def book(request):
    return request.param, _workbook(request.param)


def _column(sheet, header: str) -> str:
    headers = [c.value for c in sheet[1]]
    return get_column_letter(headers.index(header) + 1)


def _label(entity: str, name: str, lang: str) -> str:
    return next(f.label(lang) for f in fields_of(entity) if f.name == name)


def test_sheets_in_order_with_a_hidden_list_sheet(book):
    lang, wb = book
    assert wb.sheetnames == [*SHEETS[lang], LISTS_SHEET]
    assert wb[LISTS_SHEET].sheet_state == "hidden"
    assert all(wb[name].sheet_state == "visible" for name in SHEETS[lang])


def test_headers_are_the_field_labels_in_order(book):
    lang, wb = book
    for entity, name in zip(ENTITIES, SHEETS[lang][1:], strict=True):
        assert [c.value for c in wb[name][1]] == [f.label(lang) for f in fields_of(entity)]
        assert wb[name].freeze_panes == "A2"


def test_rows_hold_labels_formats_and_real_dates(book):
    lang, wb = book
    sheet = wb[SHEETS[lang][1]]
    assert sheet.max_row == 3
    status = sheet[f"{_column(sheet, _label('projects', 'status', lang))}2"]
    assert status.value == {"en": "Amber", "fr": "Orange"}[lang]
    assert sheet[f"{_column(sheet, _label('projects', 'status', lang))}3"].value is None
    percent = sheet[f"{_column(sheet, _label('projects', 'percent_complete', lang))}2"]
    assert percent.value == 0.42 and percent.number_format == "0%"
    start = sheet[f"{_column(sheet, _label('projects', 'start_date', lang))}2"]
    assert start.is_date and start.value == datetime(2025, 3, 1)
    budget = sheet[f"{_column(sheet, _label('projects', 'budget', lang))}2"]
    assert budget.value == 1_250_000 and budget.number_format == "#,##0"
    mandatory = sheet[f"{_column(sheet, _label('projects', 'mandatory', lang))}2"]
    assert mandatory.value == {"en": "Yes", "fr": "Oui"}[lang]
    month = wb[SHEETS[lang][4]]["C2"]
    assert month.is_date and month.value == datetime(2026, 10, 1)


def test_risk_vocabulary_is_written_in_the_language_and_free_text_kept(book):
    lang, wb = book
    sheet = wb[SHEETS[lang][3]]
    status = _column(sheet, _label("risks", "status", lang))
    category = _column(sheet, _label("risks", "category", lang))
    assert sheet[f"{status}2"].value == {"en": "In treatment", "fr": "En traitement"}[lang]
    assert sheet[f"{category}2"].value == {"en": "Schedule", "fr": "Planning"}[lang]
    assert sheet[f"{category}3"].value == "Réputation"


def test_text_is_neutralised_and_nothing_is_a_formula(book):
    lang, wb = book
    projects = wb[SHEETS[lang][1]]
    assert projects["B2"].value == "'=cmd|' /C calc'!A0"
    assert projects[f"{_column(projects, _label('projects', 'comment', lang))}2"].value == "'- supplier late"
    for sheet in wb.worksheets:
        assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)


def _validations_of(sheet, cell: str):
    return [dv for dv in sheet.data_validations.dataValidation if cell in dv.sqref]


def _list_values(wb, formula: str) -> list[str]:
    sheet_name, ref = formula.split("!")
    lists = wb[sheet_name.strip("'")]
    min_col, min_row, max_col, max_row = range_boundaries(ref.replace("$", ""))
    return [lists.cell(row, min_col).value for row in range(min_row, max_row + 1)]


@pytest.mark.parametrize(
    "field", ["status", "status_schedule", "status_cost", "status_scope", "status_resources"]
)
def test_status_columns_offer_the_status_list_far_down(book, field):
    lang, wb = book
    sheet = wb[SHEETS[lang][1]]
    column = _column(sheet, _label("projects", field, lang))
    (rule,) = _validations_of(sheet, f"{column}4999")
    assert rule.type == "list" and _validations_of(sheet, f"{column}2") == [rule]
    assert (
        _list_values(wb, rule.formula1)
        == {"en": ["Green", "Amber", "Red"], "fr": ["Vert", "Orange", "Rouge"]}[lang]
    )


def test_scores_percent_dates_and_lists_are_validated(book):
    lang, wb = book
    risks = wb[SHEETS[lang][3]]
    for name in ("probability", "impact", "residual_probability", "residual_impact"):
        (rule,) = _validations_of(risks, f"{_column(risks, _label('risks', name, lang))}100")
        assert (rule.type, rule.formula1, rule.formula2) == ("whole", "1", "5")
    (response,) = _validations_of(risks, f"{_column(risks, _label('risks', 'response', lang))}2")
    assert len(_list_values(wb, response.formula1)) == 5
    (category,) = _validations_of(risks, f"{_column(risks, _label('risks', 'category', lang))}2")
    assert category.errorStyle == "warning"  # other categories are allowed and kept
    projects = wb[SHEETS[lang][1]]
    (percent,) = _validations_of(
        projects, f"{_column(projects, _label('projects', 'percent_complete', lang))}2"
    )
    assert (percent.type, percent.formula1, percent.formula2) == ("decimal", "0", "1")
    (start,) = _validations_of(projects, f"{_column(projects, _label('projects', 'start_date', lang))}2")
    assert start.type == "date"
    (mandatory,) = _validations_of(projects, f"{_column(projects, _label('projects', 'mandatory', lang))}2")
    assert _list_values(wb, mandatory.formula1) == {"en": ["Yes", "No"], "fr": ["Oui", "Non"]}[lang]
    costs = wb[SHEETS[lang][4]]
    (cost_type,) = _validations_of(costs, f"{_column(costs, _label('costs', 'cost_type', lang))}2")
    assert _list_values(wb, cost_type.formula1) == ["CAPEX", "OPEX"]


def _readme_rows(wb, lang):
    return [[c.value for c in row] for row in wb[SHEETS[lang][0]].iter_rows()]


def test_readme_gives_the_as_of_date_right_of_its_label(book):
    lang, wb = book
    rows = _readme_rows(wb, lang)
    as_of = next(row for row in rows if row[0] == {"en": "As of", "fr": "Date de situation"}[lang])
    assert as_of[1] == datetime(2026, 10, 31)
    currency = next(row for row in rows if row[0] == {"en": "Currency", "fr": "Devise"}[lang])
    assert currency[1] == "EUR"
    assert any(isinstance(row[0], str) and ("French" in row[0] or "français" in row[0]) for row in rows)


def test_readme_explains_every_column_of_every_sheet(book):
    lang, wb = book
    rows = _readme_rows(wb, lang)
    described: dict[str, list] = {}
    for row in rows:
        if row[0] and row[2]:
            described.setdefault(row[0], row)  # the Projects table comes first
    for entity in ENTITIES:
        for f in fields_of(entity):
            assert f.label(lang) in described
    code = described[_label("projects", "code", lang)]
    assert code[1] == {"en": "Required", "fr": "Obligatoire"}[lang] and "PRJ-" in code[2]
    texts = [c for row in rows for c in row if isinstance(c, str)]
    assert not any(text.startswith("template.") for text in texts)  # no untranslated key


def test_every_field_has_its_own_help_in_both_languages():
    missing = [
        f"{f.entity}.{f.name}"
        for e in ENTITIES
        for f in fields_of(e)
        if f"template.help.{e}.{f.name}" not in table()
    ]
    assert missing == []


def test_french_texts_put_a_space_before_double_punctuation():
    bad = [fr for _, fr in TEXTS.values() if re.search(r"\S[:;%€?!]", re.sub(r"\{[^}]*\}", "x", fr))]
    assert bad == []


def test_template_keys_are_in_the_translation_table():
    assert all(key in table() for key in TEXTS)


def test_blank_template_has_headers_lists_and_readme_but_no_rows():
    wb = load_workbook(BytesIO(blank_template("fr")))
    assert wb.sheetnames == [*SHEETS["fr"], LISTS_SHEET]
    for name in SHEETS["fr"][1:]:
        assert wb[name].max_row == 1
    assert wb["Projets"]["A1"].value == "Code projet"
    rows = _readme_rows(wb, "fr")
    assert next(row for row in rows if row[0] == "Date de situation")[1] is None
    assert wb["Projets"].data_validations.dataValidation


def test_readme_sheet_names_are_recognised():
    assert is_readme_sheet("README") and is_readme_sheet("lisez-moi ")
    assert not is_readme_sheet("Projects")
