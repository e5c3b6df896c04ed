"""Every stored figure traces back to the cell a manager typed it in: file, sheet, cell, the text as typed, how it
was read, the batch, and its values at earlier snapshots. Workbooks are built in code (tests/traced.py,
tests/shapes.py); the cells' texts the traces must show are read back from the files themselves."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pmo_core import origins, provenance, reading, review, snapshots
from pmo_core.importer import ReadOptions, build_plan, override_key, read_files, reread
from pmo_core.layout import column_letter
from tests import shapes, traced
from tests.actors import PMO

SEPTEMBER, OCTOBER = date(2026, 9, 30), date(2026, 10, 31)


def imported(con, *paths: Path, as_of: date | None = None, scope: str = "full", **plan_options) -> int:
    plan = build_plan(con, read_files([(p, p.name) for p in paths]), scope=scope, as_of=as_of, **plan_options)
    assert not plan.has_errors, [issue.message() for issue in plan.errors]
    return snapshots.apply_plan(con, plan, PMO)


@pytest.fixture
def months(con, tmp_path):
    """The September then the October tracker, imported as the PMO does each month."""
    imported(con, traced.tracker(tmp_path / traced.SEPTEMBER, "septembre"), as_of=SEPTEMBER)
    imported(con, traced.tracker(tmp_path / traced.OCTOBER, "octobre"), as_of=OCTOBER)
    return con


def texts_of(*paths: Path) -> dict[tuple[str, str, str], str]:
    """Return every cell's text as the reader reads it: (file, sheet, address) -> text."""
    found = {}
    for path in paths:
        for sheet in reading.read_file(path, path.name).sheets:
            for row, values in sheet.frame.iterrows():
                for col, text in values.items():
                    if not pd.isna(text):
                        found[(path.name, sheet.name, f"{column_letter(int(col))}{row}")] = text
    return found


def test_three_figures_trace_back_to_their_exact_cells(months):
    # A budget typed with its unit in the cell: "1 450 k€" in F5 of Portefeuille is 1,450,000.
    budget = provenance.trace(months, "IND-01", "budget")
    assert budget.value == 1_450_000
    assert (budget.origin.file_name, budget.origin.cells[0].sheet, budget.origin.cell) == (
        "suivi_octobre.xlsx",
        "Portefeuille",
        "F5",
    )
    assert budget.origin.typed == "1 450 k€"
    assert "“k”, multiplies by 1,000" in " ".join(provenance.steps_text(budget.origin, budget.value, "en"))
    assert [(v.as_of, v.value) for v in budget.history] == [(SEPTEMBER, 1_400_000), (OCTOBER, 1_450_000)]
    assert budget.history[0].origin.file_name == "suivi_septembre.xlsx"
    assert budget.history[0].origin.typed == "1 400 k€"
    # March's actual of the CAPEX line, in the wide month columns of Consommé, in k€ as the title says:
    # column E is "mars-26", row 4 the CAPEX line of IND-01 (its code merged over rows 4 and 5), "18,25" = 18,250.
    march = provenance.trace(months, "IND-01", "actual", entity="costs", item="2026-03 CAPEX")
    assert march.value == pytest.approx(18_250)
    assert (march.origin.cells[0].sheet, march.origin.cell, march.origin.typed) == ("Consommé", "E4", "18,25")
    assert march.origin.cells[0].header == "mars-26"
    assert march.origin.scale == 1000
    assert [v.value for v in march.history] == [pytest.approx(17_000), pytest.approx(18_250)]
    # A date typed as text in a French file, read day first: E5 "15/03/2027".
    end = provenance.trace(months, "IND-01", "forecast_end")
    assert (end.value, end.origin.cell, end.origin.typed) == (date(2027, 3, 15), "E5", "15/03/2027")
    assert provenance.steps_text(end.origin, end.value, "fr") == [
        "Une date lue le jour d'abord (jj/mm/aaaa)."
    ]


def test_the_sentence_says_file_sheet_cell_text_importer_and_the_earlier_value(months):
    budget = provenance.trace(months, "IND-01", "budget")
    today = date.today()
    assert provenance.summary(budget, "en") == (
        "Budget at completion €1,450,000 — suivi_octobre.xlsx, sheet Portefeuille, cell F5, typed “1 450 k€”, "
        f"imported by test on {today.day} {today:%b} {today.year}; was €1,400,000 on 30 Sep 2026."
    )
    french = provenance.summary(budget, "fr")
    assert "feuille Portefeuille, cellule F5, saisi «\u00a01 450 k€\u00a0»" in french
    assert french.endswith("valait 1\u202f400\u202f000\u00a0€ au 30/09/2026.")
    earlier = provenance.trace(months, "IND-01", "budget", as_of=SEPTEMBER)
    assert (earlier.value, earlier.origin.file_name, earlier.origin.batch_id) == (
        1_400_000,
        "suivi_septembre.xlsx",
        1,
    )


def test_every_stored_value_names_the_cell_holding_the_text_it_shows(months, tmp_path):
    texts = texts_of(tmp_path / traced.OCTOBER)
    checked = 0
    for code in ("IND-01", "IND-02", "SUP-01"):
        for name in provenance.traceable_fields("projects"):
            found = provenance.trace(months, code, name)
            if found.value is None or not found.origin.cells:
                continue
            for cell in found.origin.cells:
                assert texts[(cell.file_name, cell.sheet, cell.address)] == cell.typed, (code, name, cell)
                checked += 1
    for line in ("2026-01 CAPEX", "2026-02 OPEX", "2026-04 CAPEX"):
        found = provenance.trace(months, "IND-02", "actual", entity="costs", item=line)
        cell = found.origin.cells[0]
        assert texts[(cell.file_name, cell.sheet, cell.address)] == cell.typed
        checked += 1
    assert checked >= 25


def test_a_portfolio_named_by_a_section_row_traces_to_that_row(months):
    found = provenance.trace(months, "SUP-01", "portfolio")
    assert (found.value, found.origin.cell, found.origin.typed, found.origin.rule) == (
        "Fonctions support",
        "A7",
        "▶ Fonctions support",
        "section",
    )


def test_a_code_merged_down_names_the_merged_cell(con, tmp_path):
    path = shapes.save(
        tmp_path / "budget.xlsx",
        {
            "Projets": [["Code projet", "Intitulé"], ["M-1", "Alpha"], ["M-2", "Beta"]],
            "Coûts": [
                ["Code projet", "Mois", "Nature", "Réalisé"],
                ["M-1", "2026-01", "CAPEX", 10],
                [None, "2026-01", "OPEX", 5],
                ["M-2", "2026-01", "CAPEX", 7],
            ],
        },
        {"Coûts": ["A2:A3"]},
    )
    imported(con, path, as_of=SEPTEMBER)
    cells = con.execute(
        "SELECT origin_row, field, sheet_row, sheet_col, raw, rule FROM origin_cells"
    ).fetchall()
    assert (3, "project_code", 2, 0, "M-1", "merged") in cells
    opex = provenance.trace(con, "M-1", "actual", entity="costs", item="2026-01 OPEX")
    assert (opex.value, opex.origin.cell) == (5, "D3")


def test_a_transposed_table_and_a_form_trace_to_their_cells(con, tmp_path):
    imported(con, shapes.transposed(tmp_path / "synthese.xlsx"), as_of=SEPTEMBER)
    budget = provenance.trace(con, "TR-02", "budget")
    assert (budget.value, budget.origin.cell, budget.origin.typed) == (450_000, "C4", "450")
    assert budget.origin.cells[0].header == "Budget (k€)"
    assert any("1,000" in s for s in provenance.steps_text(budget.origin, budget.value, "en"))
    imported(con, shapes.fiche(tmp_path / "fiche.xlsx"), as_of=OCTOBER, scope="partial")
    form = provenance.trace(con, "FP-01", "budget")
    assert (form.value, form.origin.cell, form.origin.typed) == (120_500, "E4", "120,5")
    end = provenance.trace(con, "FP-01", "forecast_end")
    assert (end.value, end.origin.cell, end.origin.typed) == (date(2026, 12, 31), "E7", "T4 2026")
    risk = provenance.trace(con, "FP-01", "probability", entity="risks", item="Retard de livraison")
    assert (risk.value, risk.origin.cell, risk.origin.typed) == (5, "B11", "Forte")  # a three-level column


def test_a_field_fed_by_two_columns_names_the_column_that_gave_each_value(con, tmp_path):
    path = shapes.duplicate_headers(tmp_path / "gmpp.csv")
    source = read_files([(path, path.name)], ReadOptions(keep_source=True))[0]
    table = reread(source, ReadOptions()).tables[0]
    ratings = [c.col_index for c in table.mapping.columns if c.header == "colour_rating"]
    mapping = review.with_field(review.with_field(table.mapping, ratings[0], "status"), ratings[1], "status")
    chosen = ReadOptions(overrides={override_key(path.name, table.key): mapping})  # C first, then D
    plan = build_plan(con, [reread(source, chosen)], scope="full", as_of=SEPTEMBER)
    snapshots.apply_plan(con, plan, PMO)
    first = provenance.trace(con, "GM-1", "status")  # C2 is empty: D2 gives Amber
    second = provenance.trace(con, "GM-2", "status")
    assert (first.value, first.origin.cell, first.origin.typed) == ("amber", "D2", "Amber")
    assert (second.value, second.origin.cell, second.origin.typed) == ("red", "C3", "Red")


def test_a_template_keeps_no_text_per_cell_and_still_shows_what_each_cell_held(con, tmp_path):
    from pmo_core.demo import write_demo

    path, as_of = write_demo(tmp_path)[-1]
    imported(con, path, as_of=as_of)
    assert con.execute("SELECT count(*) FROM origin_cells WHERE sheet_col IS NOT NULL").fetchone()[0] == 0
    texts = texts_of(path)
    code = con.execute("SELECT min(code) FROM projects").fetchone()[0]
    for name in ("budget", "status", "forecast_end", "percent_complete", "manager", "sponsor"):
        found = provenance.trace(con, code, name)
        cell = found.origin.cells[0]
        assert texts[(cell.file_name, cell.sheet, cell.address)] == cell.typed, name
    line = con.execute(
        "SELECT strftime(month, '%Y-%m') || ' ' || cost_type FROM cost_lines WHERE project_code = $c LIMIT 1",
        {"c": code},
    ).fetchone()[0]
    planned = provenance.trace(con, code, "planned", entity="costs", item=line)
    cell = planned.origin.cells[0]
    assert texts[(cell.file_name, cell.sheet, cell.address)] == cell.typed


def test_amounts_converted_at_a_rate_keep_what_was_typed(con, tmp_path):
    path = shapes.save(
        tmp_path / "usd.xlsx",
        {
            "Projects": [
                ["Project ID", "Project name", "Budget (USD)"],
                ["U-1", "Alpha", 1000],
                ["U-2", "Beta", 2500],
            ]
        },
    )
    imported(con, path, as_of=SEPTEMBER, rates={"USD": 0.5})
    found = provenance.trace(con, "U-2", "budget")
    assert (found.value, found.origin.typed, found.origin.currency, found.origin.rate) == (
        1250,
        "2500",
        "USD",
        0.5,
    )
    assert "Converted from USD at the import's rate, 0.5." in provenance.steps_text(
        found.origin, found.value, "en"
    )


def test_a_line_given_twice_is_added_up_and_names_both_cells(con, tmp_path):
    path = shapes.save(
        tmp_path / "costs.xlsx",
        {
            "Projects": [["Project ID", "Project name"], ["D-1", "Alpha"]],
            "Costs": [
                ["Project ID", "Month", "Cost type", "Actual"],
                ["D-1", "2026-01", "CAPEX", 100],
                ["D-1", "2026-01", "CAPEX", "50"],
            ],
        },
    )
    imported(con, path, as_of=SEPTEMBER)
    found = provenance.trace(con, "D-1", "actual", entity="costs", item="2026-01 CAPEX")
    assert found.value == 150
    assert [(c.address, c.typed) for c in found.origin.cells] == [("D2", "100"), ("D3", "50")]
    assert found.origin.rule == "sum"


def test_values_the_import_sets_say_so(months):
    found = provenance.trace(months, "IND-01", "last_update")
    assert found.value == OCTOBER and found.origin.cells == ()
    assert provenance.steps_text(found.origin, found.value, "en") == [
        "No date of update in the file: the snapshot date of the import."
    ]


def test_a_code_typed_in_another_case_keeps_what_was_typed(months, tmp_path):
    path = shapes.save(
        tmp_path / "maj.xlsx",
        {"Projets": [["Code projet", "Intitulé", "Budget"], ["ind-01", "Ligne L4", 1_500_000]]},
    )
    imported(months, path, as_of=date(2026, 11, 30), scope="partial")
    found = provenance.trace(months, "IND-01", "code")
    assert (found.origin.file_name, found.origin.cell, found.origin.typed) == ("maj.xlsx", "A2", "ind-01")


def test_a_rolled_back_import_leaves_the_trace(months):
    snapshots.rollback(months, 2, PMO)
    found = provenance.trace(months, "IND-01", "budget")
    assert (found.value, found.origin.file_name) == (1_400_000, "suivi_septembre.xlsx")
    assert [v.as_of for v in found.history] == [SEPTEMBER]


@pytest.mark.parametrize(
    ("args", "code"),
    [
        (("NOPE", "budget", {}), "project"),
        (("IND-01", "score", {"entity": "risks"}), "field"),
        (("IND-01", "project_code", {"entity": "costs"}), "field"),
        (("IND-01", "actual", {"entity": "costs", "item": "2031-01 CAPEX"}), "item"),
        (("IND-01", "actual", {"entity": "invoices"}), "entity"),
    ],
)
def test_a_figure_that_does_not_exist_is_said_so(months, args, code):
    with pytest.raises(provenance.NotTraceable) as refused:
        provenance.trace(months, args[0], args[1], **args[2])
    assert refused.value.code == code


def test_canonical_text_writes_values_as_a_plain_cell_reads():
    values = pd.Series([1_450_000.0, 0.45, -4.0, -0.0, None])
    assert origins.canonical_text(values).to_pylist() == ["1450000", "0.45", "-4", "0", None]
    days = pd.Series(pd.to_datetime(["2026-03-15", None]))
    assert origins.canonical_text(days).to_pylist() == ["2026-03-15 00:00:00", None]
    assert origins.expected_text(pd.Series(["green", "red"]), (("green", "Vert"),)).to_pylist() == [
        "Vert",
        "red",
    ]


AMOUNTS = st.one_of(
    st.integers(0, 10**9),
    st.floats(0, 1e7, allow_nan=False).map(lambda v: round(v, 2)),
    st.integers(1, 999_999).map(lambda v: f"{v:,}".replace(",", " ")),
    st.integers(1, 9_999).map(lambda v: f"{v} k€"),
    st.decimals(1, 99_999, places=2).map(lambda v: str(v).replace(".", ",")),
)
DATES = st.one_of(
    st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(lambda d: datetime(d.year, d.month, d.day)),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(lambda d: d.strftime("%d/%m/%Y")),
    st.dates(date(2020, 1, 1), date(2030, 12, 31)).map(lambda d: d.isoformat()),
)
WORDS = st.sampled_from(["Vert", "vert", "Orange", "Rouge", "☀️", "G", "Amber", None])


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=st.lists(st.tuples(AMOUNTS, DATES, WORDS), min_size=1, max_size=8))
def test_any_typing_of_amounts_dates_and_words_traces_to_its_text(tmp_path_factory, rows):
    from pmo_core import store

    folder = tmp_path_factory.mktemp("typed")
    path = shapes.save(
        folder / "suivi.xlsx",
        {
            "Projets": [["Code projet", "Intitulé", "Budget", "Date de fin prévue", "Météo"]]
            + [[f"H-{n}", f"Projet {n}", *row] for n, row in enumerate(rows)]
        },
    )
    con = store.connect(folder / "store.duckdb")
    try:
        imported(con, path, as_of=SEPTEMBER)
        texts = texts_of(path)
        for n in range(len(rows)):
            for name in ("budget", "forecast_end", "status"):
                found = provenance.trace(con, f"H-{n}", name)
                if found.value is None:
                    continue
                cell = found.origin.cells[0]
                assert texts[(cell.file_name, cell.sheet, cell.address)] == cell.typed, (rows[n], name)
    finally:
        con.close()


def test_an_import_keeps_its_files_until_the_retention_deletes_them(months, tmp_path):
    from datetime import timedelta

    from pmo_core import audit, settings, uploads

    kept = uploads.kept_file(months, 2, traced.OCTOBER)
    assert kept is not None and kept.read_bytes() == (tmp_path / traced.OCTOBER).read_bytes()
    assert kept.parent == tmp_path / "uploads" / "2"  # beside the store, a folder per batch
    assert provenance.trace(months, "IND-01", "budget").origin.kept
    settings.put(months, "upload_retention_days", 30, PMO)
    assert uploads.due(months) == []
    later = datetime.now() + timedelta(days=31)
    assert uploads.apply_retention(months, PMO, now=later) == 2
    assert uploads.kept_file(months, 2, traced.OCTOBER) is None and not kept.exists()
    found = provenance.trace(months, "IND-01", "budget")
    assert not found.origin.kept and found.origin.typed == "1 450 k€"  # the trace outlives the file
    entry = audit.entries(months).sort_values("entry_id").iloc[-1]
    assert (entry.action, entry.user_name) == ("uploads.retention", "test")


def test_the_allowance_keeps_the_newest_files_and_a_failed_import_keeps_none(months, tmp_path, monkeypatch):
    from pmo_core import settings, uploads

    size = (tmp_path / traced.OCTOBER).stat().st_size
    settings.put(months, "upload_keep_mb", 1, PMO)  # room for both (a few kB each)
    assert uploads.due(months) == []
    monkeypatch.setattr(
        settings, "get", lambda con, name: size / 2**20 * 1.5 if name == "upload_keep_mb" else 400
    )
    assert [(batch, name) for batch, name, _ in uploads.due(months)] == [(1, traced.SEPTEMBER)]
    monkeypatch.undo()

    def fail(*args, **kwargs):
        raise RuntimeError("disk gone")

    monkeypatch.setattr(provenance, "store_origins", fail)
    with pytest.raises(RuntimeError):
        imported(months, traced.tracker(tmp_path / "again.xlsx"), as_of=date(2026, 11, 30))
    assert not (tmp_path / "uploads" / "3").exists()
    assert months.execute("SELECT count(*) FROM batches").fetchone()[0] == 2
