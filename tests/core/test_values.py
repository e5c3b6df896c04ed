"""Value parsers: every spelling trackers use reads to the right value, unreadable cells say why, none raises."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pmo_core import values
from pmo_core.i18n import t, table
from pmo_core.issues import ERROR, WARNING
from pmo_core.values import (
    clean_text,
    month_from_header,
    parse_bools,
    parse_dates,
    parse_integers,
    parse_months,
    parse_numbers,
    parse_percents,
    parse_scale,
    parse_scores,
    parse_status,
    parse_terms,
)

EMPTIES = [None, "", "   ", "-", "–", "—", "n/a", "N/A", "NA", "s.o.", "sans objet", "nc", "n.c.", "#N/A"]
FOI = "Exempt under Section 43 of the Freedom of Information Act 2000 (Commercial Interests)."
EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]  # fmt: skip
FR_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
             "novembre", "décembre"]  # fmt: skip


def column(*cells, start: int = 5) -> pd.Series:
    """Build a column the way the reader hands it: strings or None, indexed by Excel row number from `start`."""
    return pd.Series(list(cells), index=range(start, start + len(cells)), dtype=object)


def one(parser, text, **kwargs):
    """Parse a one-cell column and return (value, problem or None)."""
    parsed = parser(column(text), **kwargs)
    return parsed.values.iloc[0], parsed.problems.get(5)


def codes(parsed) -> dict[int, tuple[str, str]]:
    return {row: (problem.code, problem.severity) for row, problem in parsed.problems.items()}


# --- Numbers -----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 234 567,89 €", 1234567.89),
        ("1\u00a0234\u00a0567,89", 1234567.89),
        ("1\u202f234\u202f567,89 €", 1234567.89),
        ("1.234.567,89", 1234567.89),
        ("1,234,567.89", 1234567.89),
        ("1234567.89", 1234567.89),
        ("120 k€", 120_000),
        ("2,5 M€", 2_500_000),
        ("12 500,00 €", 12_500),
        ("$2,812,101", 2_812_101),
        ("-$2,595", -2_595),  # one comma and three digits, but a dollar amount is written the English way
        ("US$ 2,595 k", 2_595_000),
        ("£12.5m", 12_500_000),
        ("3 KEUR", 3_000),
        ("1,5 MEUR", 1_500_000),
        ("4k", 4_000),
        ("2 M", 2_000_000),
        ("1,2 Md€", 1_200_000_000),
        ("3bn", 3_000_000_000),
        ("2 Mrd", 2_000_000_000),
        ("(1 234)", -1234),
        ("-1 234", -1234),
        ("\u22121 234,5", -1234.5),
        ("1'234.50", 1234.5),
        ("1\u2019234.50", 1234.5),
        ("1e-07", 1e-07),
        ("4", 4),
        ("0.42", 0.42),
        ("1.234", 1.234),  # a single point is always a decimal point: numeric cells render that way
        ("1,5", 1.5),
        ("0,250", 0.25),  # a leading zero cannot start a thousands group
        ("  12 €  ", 12),
    ],
)
def test_numbers_in_every_notation(text, expected):
    value, problem = one(parse_numbers, text)
    assert problem is None
    assert value == pytest.approx(expected, rel=1e-12)


@pytest.mark.parametrize(
    "text",
    ["à définir", "TBC", FOI, "07. Sep", "Okt 95", "45 %", "12 34", "1.23.4", "(12", "--5", "1e999", "k€"],
)
def test_text_that_is_not_a_number_is_an_error(text):
    value, problem = one(parse_numbers, text)
    assert math.isnan(value)
    # A day and a month, or a month and two digits, where an amount should be: a number a spreadsheet in
    # another language turned into a date, said as such.
    mangled = text in ("07. Sep", "Okt 95")
    assert (problem.code, problem.severity) == (
        "number_turned_into_date" if mangled else "not_a_number",
        ERROR,
    )


def test_empty_cells_are_missing_without_a_problem():
    for parser in (parse_numbers, parse_percents, parse_dates, parse_months, parse_status, parse_scale,
                   parse_bools, parse_integers, parse_scores, clean_text):  # fmt: skip
        parsed = parser(column(*EMPTIES))
        assert parsed.values.isna().all(), parser.__name__
        assert parsed.problems == {}, parser.__name__
    for kind in ("risk_status", "response", "cost_type", "category"):
        parsed = parse_terms(column(*[cell for cell in EMPTIES if cell != "sans objet"]), kind)
        assert parsed.values.isna().all() and parsed.problems == {}, kind


def test_values_keep_the_excel_rows_and_problems_point_at_them():
    parsed = parse_numbers(column("12", "TBC", None, "7,5", start=10))
    assert list(parsed.values.index) == [10, 11, 12, 13]
    assert parsed.values.dtype == "float64"
    assert parsed.values[10] == 12 and parsed.values[13] == 7.5
    assert codes(parsed) == {11: ("not_a_number", ERROR)}


def test_header_scale_multiplies_only_values_without_a_unit_of_their_own():
    parsed = parse_numbers(column("75,55", "16.6", "2 k€", "12 500,00 €", "1,5 M€", "EUR 40"), scale=1000)
    # A currency written without k or M is in plain units: "12 500,00 €" under "Budget (k€)" is 12,500 €.
    assert parsed.values.tolist() == pytest.approx([75_550, 16_600, 2_000, 12_500, 1_500_000, 40])
    assert {row: p.code for row, p in parsed.problems.items()} == {
        8: "amount_own_unit",
        10: "amount_own_unit",
    }


@pytest.mark.parametrize(
    ("cells", "decimal", "expected"),
    [
        (("1,234", "1,234,567"), None, 1234),  # the column groups thousands with commas
        (("1,234", "1,234.50"), None, 1234),
        (("1,234", "16.6"), None, 1234),  # the column writes decimals with a point
        (("1,234", "$5"), None, 1234),
        (("1,234", "2,5"), None, 1.234),  # the column writes decimals with a comma
        (("1,234", "1,234,567", "16,75"), None, 1.234),  # conflicting evidence: the default stands
        (("1,234",), ".", 1234),
        (("1,234", "1,234,567"), ",", 1.234),
        (("1,234", "2,5"), ".", 1234),  # the file's decimal point wins over the column
        (("US$ 2,595",), None, 2595),  # a dollar amount settles its own comma
    ],
)
def test_a_lone_comma_before_three_digits_is_read_from_the_column(cells, decimal, expected):
    parsed = parse_numbers(column(*cells), decimal=decimal)
    assert parsed.values.iloc[0] == pytest.approx(expected)
    assert 5 not in parsed.problems


def test_english_file_reads_commas_as_thousands():
    parsed = parse_numbers(
        column("1,200", "250,000", "1,250.5", "12", "1,234,567", "$4,500", "1 234"), decimal="."
    )
    assert parsed.values.tolist() == [1200, 250_000, 1250.5, 12, 1_234_567, 4500, 1234]
    assert parsed.problems == {}


def test_french_file_reads_commas_as_decimals():
    parsed = parse_numbers(column("1,200", "75,55", "1 234,5", "250,000 €", "12"), decimal=",")
    assert parsed.values.tolist() == pytest.approx([1.2, 75.55, 1234.5, 250, 12])
    assert parsed.problems == {}


def test_a_comma_that_cannot_group_thousands_in_an_english_file_warns():
    parsed = parse_numbers(column("12,5", "0,250", "1,5 k", "1,234 €", "2,5"), decimal=".")
    assert parsed.values.tolist() == pytest.approx([12.5, 0.25, 1500, 1234, 2.5])
    assert codes(parsed) == {row: ("number_ambiguous", WARNING) for row in (5, 6, 7, 9)}
    assert parsed.problems[5].params == {"read_as": 12.5, "other": 125}
    assert parsed.problems[6].params == {"read_as": 0.25, "other": 250}
    assert parsed.problems[7].params == {"read_as": 1500, "other": 15000}


def test_thousands_commas_that_nothing_settles_warn():
    parsed = parse_numbers(column("4,500", "3,900", "12", None, "4,500 k€"))
    assert parsed.values.tolist()[:3] == [4.5, 3.9, 12]
    assert codes(parsed) == {row: ("number_ambiguous", WARNING) for row in (5, 6, 9)}
    assert parsed.problems[5].params == {"read_as": 4.5, "other": 4500}
    assert parsed.problems[6].params == {"read_as": 3.9, "other": 3900}
    assert parsed.problems[9].params == {"read_as": 4500, "other": 4_500_000}
    scaled = parse_numbers(column("4,500"), scale=1000)  # a header in k€
    assert scaled.problems[5].params == {"read_as": 4500, "other": 4_500_000}
    # Settled by the column (a decimal point, a decimal comma) or by the file: no warning.
    assert parse_numbers(column("4,500", "3,900", "12.5")).problems == {}
    assert parse_numbers(column("4,500", "3,900", "2,5")).problems == {}
    assert parse_numbers(column("4,500", "3,900"), decimal=",").problems == {}
    assert parse_numbers(column("4,500", "3,900"), decimal=".").values.tolist() == [4500, 3900]


def test_the_ambiguity_sentence_gives_both_numbers():
    problem = parse_numbers(column("4,500")).problems[5]
    for lang in ("en", "fr"):
        sentence = t("issue.number_ambiguous", lang, value="4,500", column="Budget", **problem.params)
        assert "4,500" in sentence and "4.5" in sentence and "4500" in sentence, sentence


def test_gmpp_foi_sentences_and_excel_mangled_amounts_are_errors_in_a_money_column(source):
    gmpp = pd.read_csv(source / "real" / "uk_gmpp_2023.csv", sep=";", encoding="cp1252", dtype=str)
    cells = gmpp["total_baseline"]
    parsed = parse_numbers(cells, scale=1e6)
    numeric = cells.str.fullmatch(r"-?\d+(?:\.\d+)?", na=False)
    assert parsed.values[numeric].tolist() == pytest.approx(cells[numeric].astype(float).mul(1e6).tolist())
    unreadable = cells.notna() & ~numeric  # "07. Sep", "Okt 95", FOI exemptions
    assert set(parsed.problems) == set(cells.index[unreadable])
    assert {problem.code for problem in parsed.problems.values()} == {
        "not_a_number",
        "number_turned_into_date",
    }


def test_canadian_dollar_amounts_and_month_name_dates(source):
    canada = pd.read_csv(source / "real" / "canada_gc_it_projects.csv", dtype=str)
    budget = parse_numbers(canada["latestBudget"])
    assert budget.problems == {}
    assert budget.values.iloc[0] == 2_812_101  # "$2,812,101"
    end = parse_dates(canada["latestEstimatedCompletionDate"])
    assert end.problems == {}
    assert end.values.iloc[0] == pd.Timestamp("2022-07-31")  # "July 31, 2022"


# --- Percents ----------------------------------------------------------------------------------------


def test_percent_signs_read_as_fractions():
    parsed = parse_percents(column("45 %", "45%", "45,5 %", "45\u00a0%", "100 %", "0 %"))
    assert parsed.values.tolist() == pytest.approx([0.45, 0.45, 0.455, 0.45, 1.0, 0.0])
    assert parsed.problems == {}


def test_plain_numbers_are_fractions_when_every_one_is_at_most_one():
    assert parse_percents(column("0.45", "1", "0")).values.tolist() == pytest.approx([0.45, 1.0, 0.0])
    assert parse_percents(column("0.3", "45 %")).values.tolist() == pytest.approx([0.3, 0.45])


def test_plain_numbers_are_whole_percents_when_one_is_above_two():
    parsed = parse_percents(column("45", "100", "12,5", "0", "1", "50 %"))
    assert parsed.values.tolist() == pytest.approx([0.45, 1.0, 0.125, 0.0, 0.01, 0.5])
    assert parsed.problems == {}  # 0 and 1 follow the column: 0 % and 1 %


def test_fractions_a_little_above_one_are_an_overrun_not_whole_percents():
    parsed = parse_percents(column("1", "0.3", "1.05"))  # cells formatted 0 % holding 100 %, 30 %, 105 %
    assert parsed.values.tolist() == pytest.approx([1.0, 0.3, 1.05])
    assert codes(parsed) == {7: ("percent_out_of_range", WARNING)}


def test_a_fraction_among_whole_percents_is_a_cell_formatted_as_percent():
    parsed = parse_percents(column("45", "30", "0.5", "0.8", "0,25", "0.333"))
    assert parsed.values.tolist() == pytest.approx([0.45, 0.30, 0.5, 0.8, 0.25, 0.333])
    assert codes(parsed) == {row: ("percent_read_as_fraction", WARNING) for row in (7, 8, 9, 10)}
    assert [parsed.problems[row].params for row in (7, 8, 9, 10)] == [
        {"read_as": 50},
        {"read_as": 80},
        {"read_as": 25},
        {"read_as": 33.3},
    ]
    sentence = t("issue.percent_read_as_fraction", "fr", value="0.5", column="Avancement", read_as=50)
    assert "50 %" in sentence and "Avancement" in sentence


def test_percents_outside_0_100_warn_and_keep_the_value():
    parsed = parse_percents(column("150 %", "-5 %", "50 %"))
    assert parsed.values.tolist() == pytest.approx([1.5, -0.05, 0.5])
    assert codes(parsed) == {5: ("percent_out_of_range", WARNING), 6: ("percent_out_of_range", WARNING)}


def test_unreadable_percents_are_errors():
    parsed = parse_percents(column("à peu près", "45 €", "45 % environ", "20 %"))
    assert codes(parsed) == {row: ("not_a_percent", ERROR) for row in (5, 6, 7)}
    assert parsed.values[8] == pytest.approx(0.2)


# --- Dates -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-15", "2026-03-15"),
        ("2026-03-15 00:00:00", "2026-03-15"),
        ("2026-03-15T10:30", "2026-03-15"),
        ("2021-06-30T00:00:00Z", "2021-06-30"),
        ("15/03/2026", "2026-03-15"),
        ("15-03-2026", "2026-03-15"),
        ("15.03.2026", "2026-03-15"),
        ("15/03/26", "2026-03-15"),
        ("15/3/70", "1970-03-15"),
        ("6/30/2023 12:00:00 AM", "2023-06-30"),
        ("July 31, 2022", "2022-07-31"),
        ("31 July 2022", "2022-07-31"),
        ("31 juillet 2026", "2026-07-31"),
        ("31 juil. 2026", "2026-07-31"),
        ("1er mars 2026", "2026-03-01"),
        ("mardi 3 mars 2026", "2026-03-03"),
        ("31-Jul-2022", "2022-07-31"),
        ("Jul 2026", "2026-07-01"),
        ("juil. 2026", "2026-07-01"),
        ("2026/03/15", "2026-03-15"),
        ("46000", "2025-12-09"),  # Excel serial: 45658 is 2025-01-01, plus 342 days
        ("46000.75", "2025-12-09"),
        ("31/12/9999", "9999-12-31"),
    ],
)
def test_dates_in_every_layout(text, expected):
    value, problem = one(parse_dates, text)
    assert problem is None
    assert value == pd.Timestamp(expected)


@pytest.mark.parametrize(
    "text",
    ["à définir", "TBD", "Q5 2026", "fin 2026", "T3", FOI, "31/02/2026", "2026", "07. Sep", "15/03"],
)
def test_text_that_is_not_a_date_warns_and_stays_empty(text):
    value, problem = one(parse_dates, text)
    assert pd.isna(value)
    assert (problem.code, problem.severity) == ("date_unreadable", WARNING)


@pytest.mark.parametrize(
    ("text", "first", "last"),
    [("juin 2026", "2026-06-01", "2026-06-30"), ("June 2026", "2026-06-01", "2026-06-30"),
     ("févr. 2028", "2028-02-01", "2028-02-29"), ("Feb 2026", "2026-02-01", "2026-02-28"),
     ("12/2026", "2026-12-01", "2026-12-31"), ("2026-04", "2026-04-01", "2026-04-30"),
     ("15 juin 2026", "2026-06-15", "2026-06-15"), ("2026-06-15", "2026-06-15", "2026-06-15")],
)  # fmt: skip
def test_a_month_alone_is_its_first_or_its_last_day(text, first, last):
    assert one(parse_dates, text) == (pd.Timestamp(first), None)
    assert one(parse_dates, text, month_end=True) == (pd.Timestamp(last), None)


def test_dates_are_normalized_datetimes():
    parsed = parse_dates(column("2026-03-15T10:30", "15/03/2026 18:45", None))
    assert str(parsed.values.dtype).startswith("datetime64")
    assert parsed.values.dt.normalize().equals(parsed.values)
    assert pd.isna(parsed.values[7])


@pytest.mark.parametrize(
    ("dayfirst", "read_as", "other"), [(None, "2026-04-03", "2026-03-04"), (True, "2026-04-03", "2026-03-04"),
                                       (False, "2026-03-04", "2026-04-03")]
)  # fmt: skip
def test_ambiguous_dates_warn_when_the_column_does_not_prove_the_order(dayfirst, read_as, other):
    parsed = parse_dates(column("03/04/2026", "05/05/2026"), dayfirst=dayfirst)
    assert parsed.values[5] == pd.Timestamp(read_as)
    assert parsed.values[6] == pd.Timestamp("2026-05-05")
    assert codes(parsed) == {5: ("date_ambiguous", WARNING)}  # 05/05 reads the same both ways
    assert parsed.problems[5].params == {"read_as": read_as, "other": other}


def test_the_column_proves_the_order_and_then_nothing_warns():
    day_first = parse_dates(column("03/04/2026", "15/03/2026"), dayfirst=False)
    assert day_first.values[5] == pd.Timestamp("2026-04-03")
    assert day_first.problems == {}
    month_first = parse_dates(column("03/04/2026", "12/25/2026"), dayfirst=True)
    assert month_first.values.tolist() == [pd.Timestamp("2026-03-04"), pd.Timestamp("2026-12-25")]
    assert month_first.problems == {}


def test_the_ambiguity_sentence_names_both_readings():
    problem = parse_dates(column("03/04/2026")).problems[5]
    params = {"value": "03/04/2026", "column": "Échéance", **problem.params}
    assert "2026-04-03" in t("issue.date_ambiguous", "en", **params)
    assert "2026-03-04" in t("issue.date_ambiguous", "fr", **params)


def test_gmpp_dotted_dates_read_and_foi_sentences_warn(source):
    gmpp = pd.read_csv(source / "real" / "uk_gmpp_2023.csv", sep=";", encoding="cp1252", dtype=str)
    cells = gmpp["end_date"]
    parsed = parse_dates(cells)
    dotted = cells.str.fullmatch(r"\d{2}\.\d{2}\.\d{4}", na=False)
    expected = pd.to_datetime(cells[dotted], format="%d.%m.%Y")
    assert (parsed.values[dotted] == expected).all()
    assert {problem.code for problem in parsed.problems.values()} == {"date_unreadable"}
    assert set(parsed.problems) == set(cells.index[cells.notna() & ~dotted])


# --- Months ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["2026-01", "01/2026", "1/2026", "2026/01", "janv.-26", "Jan-26", "janvier 2026", "Jan 2026", "January 2026",
     "2026-01-01 00:00:00", "2026-01-15", "15/01/2026", "46023"],
)  # fmt: skip
def test_months_in_every_layout_read_as_their_first_day(text):
    value, problem = one(parse_months, text)
    assert problem is None
    assert value == pd.Timestamp("2026-01-01")


def test_months_written_as_first_days_prove_day_first():
    parsed = parse_months(column("01/03/2026", "01/04/2026"))
    assert parsed.values.tolist() == [pd.Timestamp("2026-03-01"), pd.Timestamp("2026-04-01")]
    assert parsed.problems == {}


def test_unreadable_months_are_errors():
    parsed = parse_months(column("Q1 2026", "Total", "2026", "2026-13"))
    assert codes(parsed) == {row: ("month_unreadable", ERROR) for row in (5, 6, 7, 8)}


@pytest.mark.parametrize(
    ("header", "month"),
    [("janv.-26", 1), ("févr.-26", 2), ("mars-26", 3), ("avr.-26", 4), ("mai-26", 5), ("juin-26", 6),
     ("juil.-26", 7), ("août-26", 8), ("sept.-26", 9), ("oct.-26", 10), ("nov.-26", 11), ("déc.-26", 12),
     ("Jan-26", 1), ("Jan 2026", 1), ("January 2026", 1), ("2026-01", 1), ("2026/01", 1), ("01/2026", 1),
     ("M01-2026", 1), ("M12-2026", 12), ("2026-01-01 00:00:00", 1), ("Sept 2026", 9)],
)  # fmt: skip
def test_month_headers_of_wide_tables(header, month):
    assert month_from_header(header) == dt.date(2026, month, 1)


@pytest.mark.parametrize(
    "header", ["Total réalisé", "Budget annuel", "Écart", "2026", "Code", "Q1 2026", "Mars", "", None, "M13-2026",
               "Réalisé janv.-26", "T1 2026", "S1 2026"]
)  # fmt: skip
def test_other_headers_are_not_months(header):
    assert month_from_header(header) is None


# --- Statuses ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [("Green", "green"), ("Amber", "amber"), ("Red", "red"), ("Vert", "green"), ("Orange", "amber"),
     ("Rouge", "red"), ("G", "green"), ("A", "amber"), ("R", "red"), ("GREEN", "green"), ("rouge ", "red"),
     ("Amber/Green", "green"), ("Amber-Green", "green"), ("Amber/Red", "red"), ("Amber - supplier delay", "amber"),
     ("☀️ Ensoleillé", "green"), ("☀ ensoleille", "green"), ("Ensoleillé", "green"), ("⛅ Nuageux", "amber"),
     ("🌧️ Orageux", "red"), ("⛈️", "red"), ("Pluvieux", "red"), ("🌤️", "green"), ("🌥️", "amber"), ("☁️", "amber"),
     ("🌦️", "amber"), ("🌩️", "red"), ("🟢", "green"), ("🟡", "amber"), ("🟠", "amber"), ("🔴", "red"),
     ("On track", "green"), ("At risk", "amber"), ("Sous surveillance", "amber"), ("En difficulté", "red")],
)  # fmt: skip
def test_statuses_in_every_spelling(text, code):
    assert one(parse_status, text) == (code, None)


@pytest.mark.parametrize("text", ["Grey", "Gris", "not reported", "Non renseigné", "n.r.", "⚪"])
def test_grey_is_missing_without_a_problem(text):
    assert one(parse_status, text) == (None, None)


@pytest.mark.parametrize("text", ["A définir", FOI, "Early planning GMPP project", "Bleu", "?"])
def test_unknown_statuses_warn_and_stay_empty(text):
    value, problem = one(parse_status, text)
    assert value is None
    assert (problem.code, problem.severity) == ("status_unknown", WARNING)


# --- Risk scales -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "level"),
    [("Très faible", 1), ("Faible", 2), ("Moyenne", 3), ("Moyen", 3), ("Forte", 4), ("Fort", 4), ("Très forte", 5),
     ("Mineur", 1), ("Modéré", 2), ("Significatif", 3), ("Majeur", 4), ("Critique", 5),
     ("Very low", 1), ("Low", 2), ("Medium", 3), ("High", 4), ("Very high", 5),
     ("Rare", 1), ("Unlikely", 2), ("Possible", 3), ("Likely", 4), ("Almost certain", 5),
     ("Insignificant", 1), ("Minor", 2), ("Moderate", 3), ("Major", 4), ("Severe", 5), ("Catastrophic", 5),
     ("Négligeable", 1), ("Élevé", 4), ("Élevée", 4), ("Très élevé", 5), ("Très élevée", 5), ("Improbable", 2),
     ("Probable", 4), ("Très probable", 5), ("Certain", 5), ("TRÈS FAIBLE", 1), ("Très forte (5)", 5),
     ("Substantial", 4)],
)  # fmt: skip
def test_scale_words_take_their_five_level_place(word, level):
    parsed = parse_scale(column(word, "3"))  # a number in the column keeps the five-level reading
    assert parsed.values[5] == level
    assert parsed.problems == {}


@pytest.mark.parametrize(
    ("cells", "three_level", "expected"),
    [(("Low", "Medium", "High", "low"), (1, 3, 5), [1, 3, 5, 1]),
     (("Faible", "Moyen", "Fort"), (2, 3, 4), [2, 3, 4]),
     (("bas", "moyen", "haut", "Moyenne"), (1, 3, 5), [1, 3, 5, 3]),
     (("Low", "Medium", "High", "Very high"), (1, 3, 5), [2, 3, 4, 5]),
     (("Faible", "Moyenne", "4"), (1, 3, 5), [2, 3, 4]),
     (("Faible", "Moyenne", "Très forte"), (1, 3, 5), [2, 3, 5])],
)  # fmt: skip
def test_a_column_of_three_level_words_maps_onto_the_setting(cells, three_level, expected):
    parsed = parse_scale(column(*cells), three_level=three_level)
    assert parsed.values.tolist() == expected
    assert parsed.problems == {}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [(("VL", "L", "M", "H", "VH"), [1, 2, 3, 4, 5]), (("TF", "F", "M", "E", "TE"), [1, 2, 3, 4, 5]),
     (("vh", "É", "h.", "TE"), [5, 4, 4, 5]), (("L", "M", "H", "l"), [1, 3, 5, 1]),
     (("F", "M", "E"), [1, 3, 5]), (("L", "Moyen", "High"), [1, 3, 5]), (("L", "M", "H", "VH"), [2, 3, 4, 5]),
     (("L", "M", "H", "4"), [2, 3, 4, 4])],
)  # fmt: skip
def test_letter_abbreviations_of_the_levels(cells, expected):
    parsed = parse_scale(column(*cells))
    assert parsed.values.tolist() == expected
    assert parsed.problems == {}


def test_letters_are_read_only_as_whole_cells():
    parsed = parse_scale(column("H - serious", "X", "MH", "3"))
    assert parsed.values.tolist()[3] == 3
    assert codes(parsed) == {row: ("scale_unknown", ERROR) for row in (5, 6, 7)}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [(("Low", "Medium", "High"), [2, 3, 4]), (("L", "M", "H"), [2, 3, 4]), (("Faible", "Moyen", "Forte"), [2, 3, 4]),
     (("Très faible", "Forte"), [1, 4])],
)  # fmt: skip
def test_without_the_three_level_rule_words_take_their_five_level_place(cells, expected):
    parsed = parse_scale(column(*cells), three_level=None)
    assert parsed.values.tolist() == expected
    assert parsed.problems == {}


@pytest.mark.parametrize(
    ("cells", "expected"),
    [(("30%", "30 %", "30\u00a0%", "12,5 %"), [2, 2, 2, 1]),
     (("0 %", "100 %", "50%", "90%", "70 %"), [1, 5, 3, 5, 4]),
     (("20%", "40%", "60%", "80%"), [2, 3, 4, 5]),  # halfway: the higher level
     (("0.3", "0.5", "0.9", "0,7"), [2, 3, 5, 4]),  # a column of fractions
     (("0.1", "1", "0"), [1, 5, 1]),  # in a column of fractions, 1 is 100 % and 0 is 0 %
     (("30%", "High", "2"), [2, 4, 2])],
)  # fmt: skip
def test_probabilities_read_as_the_nearest_level(cells, expected):
    parsed = parse_scale(column(*cells))
    assert parsed.values.tolist() == expected
    assert parsed.problems == {}


def test_probability_fractions_are_a_parameter():
    fractions = (0.05, 0.2, 0.4, 0.6, 0.8)
    parsed = parse_scale(column("25 %", "0.5", "0.95", "0.125"), fractions=fractions)
    assert parsed.values.tolist() == [2, 4, 5, 2]  # 0.125 is halfway between 0.05 and 0.2: the higher
    with pytest.raises(ValueError):
        parse_scale(column("1"), fractions=(0.1, 0.5, 0.9))


def test_probabilities_out_of_range_or_among_levels_are_errors():
    parsed = parse_scale(column("150 %", "-5 %", "0.3", "3", "abc %"))
    assert parsed.values[8] == 3
    assert codes(parsed) == {
        **{row: ("scale_out_of_range", ERROR) for row in (5, 6, 7)},  # 0.3 beside a level 3: not a fraction
        9: ("scale_unknown", ERROR),
    }


def test_scale_numbers_and_their_errors():
    parsed = parse_scale(column("1", "4.0", "5", "6", "0", "2.5", "-1", "3 - Moyen", "Blah"))
    assert str(parsed.values.dtype) == "Int64"
    assert parsed.values.tolist()[:3] == [1, 4, 5]
    assert parsed.values[12] == 3
    assert codes(parsed) == {
        **{row: ("scale_out_of_range", ERROR) for row in (8, 9, 10, 11)},
        13: ("scale_unknown", ERROR),
    }


def test_french_register_mixes_numbers_and_words():
    parsed = parse_scale(column("Très faible", "Très forte", "Moyenne", "4", "2", "Faible", "Forte"))
    assert parsed.values.tolist() == [1, 5, 3, 4, 2, 2, 4]


# --- Vocabularies ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "text", "code"),
    [("risk_status", "Ouvert", "open"), ("risk_status", "En cours", "in_treatment"), ("risk_status", "Clos", "closed"),
     ("risk_status", "Mitigating", "in_treatment"), ("risk_status", "CLOSED", "closed"),
     ("risk_status", "Clôturé", "closed"), ("risk_status", "En cours de traitement", "in_treatment"),
     ("risk_status", "sans objet", "closed"), ("risk_status", "Open - awaiting owner", "open"),
     ("response", "Réduire", "mitigate"), ("response", "Transfert", "transfer"), ("response", "Accept", "accept"),
     ("response", "Éviter", "avoid"), ("response", "Escalade", "escalate"),
     ("cost_type", "CAPEX", "CAPEX"), ("cost_type", "opex", "OPEX"), ("cost_type", "Investissement", "CAPEX"),
     ("cost_type", "Fonctionnement", "OPEX"),
     ("category", "Hygiène", "health_safety"), ("category", "Santé", "health_safety"),
     ("category", "Technique", "technical"), ("category", "Fonctionnel", "functional"),
     ("category", "Financier", "financial"), ("category", "Health & Safety", "health_safety"),
     ("category", "Périmètre", "functional"), ("category", "Cyber", "security")],
)  # fmt: skip
def test_terms_read_as_canonical_codes(kind, text, code):
    assert one(parse_terms, text, kind=kind) == (code, None)


def test_unknown_terms_follow_their_kind():
    status, problem = one(parse_terms, "Gelé", kind="risk_status")
    assert status == "open" and (problem.code, problem.severity) == ("risk_status_unknown", WARNING)
    response, problem = one(parse_terms, "Prier", kind="response")
    assert response is None and (problem.code, problem.severity) == ("response_unknown", WARNING)
    cost_type, problem = one(parse_terms, "Mixte", kind="cost_type")
    assert cost_type is None and (problem.code, problem.severity) == ("cost_type_unknown", WARNING)
    assert one(parse_terms, "  Image   de marque ", kind="category") == ("Image de marque", None)


def test_parse_terms_refuses_an_unknown_vocabulary():
    with pytest.raises(ValueError):
        parse_terms(column("x"), "colour")


# --- Flags, years, scores, text ----------------------------------------------------------------------


def test_booleans():
    parsed = parse_bools(
        column("yes", "Non", "VRAI", "faux", "x", "✓", "1", "0.0", "Oui", "true", "peut-être")
    )
    assert str(parsed.values.dtype) == "boolean"
    assert parsed.values.tolist()[:10] == [True, False, True, False, True, True, True, False, True, True]
    assert codes(parsed) == {15: ("not_a_boolean", WARNING)}


def test_business_case_years():
    parsed = parse_integers(
        column(
            "2026", "2026.0", "FY2026", "FY26", "Year 1", "Année 1", "Y1", "An 1", "1", "0", "bientôt", "1.5"
        )
    )
    assert str(parsed.values.dtype) == "Int64"
    assert parsed.values.tolist()[:10] == [2026, 2026, 2026, 2026, 1, 1, 1, 1, 1, 0]
    assert codes(parsed) == {15: ("not_a_year", ERROR), 16: ("not_a_year", ERROR)}


def test_prioritisation_scores():
    parsed = parse_scores(column("1", "13", "20", "2,5", "Forte", "High", "-1", "abc", "0"))
    assert parsed.values.tolist()[:6] == [1, 13, 20, 2.5, 4, 4]
    assert parsed.values[13] == 0
    assert codes(parsed) == {11: ("not_a_score", ERROR), 12: ("not_a_score", ERROR)}


def test_clean_text():
    parsed = clean_text(
        column(
            "  Refonte \u00a0du\u202fSI  RH ",
            "'=SUM(A1)",
            "'+33 1 23",
            "'O'Neil",
            "",
            "-",
            "l'été",
            "Pa\x07ie\x00",
        )
    )
    assert parsed.values.tolist() == [
        "Refonte du SI RH",
        "=SUM(A1)",
        "+33 1 23",
        "'O'Neil",
        None,
        None,
        "l'été",
        "Paie",  # a control character, which no export could write back, is dropped
    ]
    assert parsed.problems == {}


def test_every_problem_code_has_a_sentence_in_both_languages():
    source = Path(values.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'Problem\("([a-z_]+)"', source)) | {"response_unknown", "cost_type_unknown"}
    assert len(emitted) == 23
    for code in emitted:
        en, fr = table()[f"issue.{code}"]
        assert "{value}" in en and "{value}" in fr, code


# --- Properties --------------------------------------------------------------------------------------

amounts = st.decimals(min_value=Decimal("-1e11"), max_value=Decimal("1e11"), places=2)


def _grouped(digits: str, separator: str) -> str:
    groups = []
    while digits:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    return separator.join(groups)


def written(amount: Decimal, style: str, suffix: str, cents: bool = True) -> str:
    """Write an amount the way a tracker would: French, German, English or plain, with a unit; without
    `cents`, the whole part only ("250,000")."""
    whole, fraction = f"{abs(amount):.2f}".split(".")
    sign = "-" if amount < 0 else ""
    thousands, decimal = {"fr": (" ", ","), "fr_nbsp": ("\u00a0", ","), "fr_narrow": ("\u202f", ","),
                          "de": (".", ","), "en": (",", "."), "plain": ("", ".")}[style]  # fmt: skip
    end = f"{decimal}{fraction}" if cents else ""
    return f"{sign}{_grouped(whole, thousands)}{end}{suffix}"


@settings(max_examples=150, deadline=None)
@given(
    st.lists(amounts, min_size=1, max_size=8),
    st.sampled_from(["plain", "fr", "fr_nbsp", "fr_narrow", "de", "en"]),
    st.sampled_from([("", 1), (" €", 1), ("€", 1), (" k€", 1e3), (" M€", 1e6), (" KEUR", 1e3)]),
)
def test_any_amount_written_in_a_supported_style_reads_back(amounts_, style, unit):
    suffix, multiplier = unit
    parsed = parse_numbers(column(*(written(a, style, suffix) for a in amounts_)))
    assert parsed.problems == {}
    assert parsed.values.tolist() == pytest.approx(
        [float(a) * multiplier for a in amounts_], rel=1e-12, abs=1e-6
    )


@settings(max_examples=150, deadline=None)
@given(
    st.lists(amounts, min_size=1, max_size=8),
    st.sampled_from(
        [(".", "en"), (".", "plain"), (",", "fr"), (",", "fr_nbsp"), (",", "de"), (",", "plain")]
    ),
    st.booleans(),
    st.sampled_from([("", 1), (" €", 1), (" k€", 1e3), (" M€", 1e6)]),
)
def test_amounts_read_back_with_the_file_decimal_separator(amounts_, file_style, whole, unit):
    """With the file's decimal separator known, English whole amounts ("250,000", "1,200") read back too."""
    decimal, style = file_style
    suffix, multiplier = unit
    cents = not whole or style == "de"  # "1.234" alone is a decimal: numeric cells render that way
    if not cents:
        amounts_ = [amount.to_integral_value() for amount in amounts_]
    parsed = parse_numbers(column(*(written(a, style, suffix, cents) for a in amounts_)), decimal=decimal)
    assert parsed.problems == {}
    assert parsed.values.tolist() == pytest.approx(
        [float(a) * multiplier for a in amounts_], rel=1e-12, abs=1e-6
    )


@settings(max_examples=100, deadline=None)
@given(st.lists(st.decimals(min_value=0, max_value=100, places=1), min_size=1, max_size=8), st.data())
def test_any_percentage_written_with_a_sign_reads_back(percents, data):
    style = data.draw(st.sampled_from(["{} %", "{}%", "{}\u00a0%"]))
    cells = [style.format(str(p).replace(".", ",")) for p in percents]
    parsed = parse_percents(column(*cells))
    assert parsed.values.tolist() == pytest.approx([float(p) / 100 for p in percents])
    assert parsed.problems == {}


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=100), min_size=1, max_size=8))
def test_fractions_and_whole_percents_read_back(percents):
    fractions = parse_percents(column(*(str(p / 100) for p in percents)))
    assert fractions.values.tolist() == pytest.approx([p / 100 for p in percents])
    wholes = parse_percents(
        column(*(str(p) for p in percents), "45")
    )  # 45 > 1: the column is in whole percents
    assert wholes.values.tolist() == pytest.approx([p / 100 for p in percents] + [0.45])


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.integers(min_value=3, max_value=100), min_size=1, max_size=5),  # above 2: whole percents
    st.lists(st.integers(min_value=1, max_value=99), max_size=5),
)
def test_fractions_among_whole_percents_read_as_fractions_and_warn(wholes, hundredths):
    cells = [str(w) for w in wholes] + [f"0.{h:02d}" for h in hundredths]
    parsed = parse_percents(column(*cells))
    assert parsed.values.tolist() == pytest.approx([w / 100 for w in wholes] + [h / 100 for h in hundredths])
    warned = range(5 + len(wholes), 5 + len(cells))
    assert codes(parsed) == {row: ("percent_read_as_fraction", WARNING) for row in warned}
    assert [parsed.problems[row].params["read_as"] for row in warned] == hundredths


@settings(max_examples=100, deadline=None)
@given(st.lists(st.integers(min_value=0, max_value=1000), min_size=1, max_size=6))
def test_any_probability_reads_as_its_nearest_level(tenths_of_percent):
    cells = [f"{n / 10:g} %".replace(".", ",") for n in tenths_of_percent]
    parsed = parse_scale(column(*cells))
    assert parsed.problems == {}
    for n, level in zip(tenths_of_percent, parsed.values.tolist(), strict=True):
        distance = [abs(n - f) for f in (100, 300, 500, 700, 900)]  # in tenths of a percent: exact
        assert level == max(k for k in range(1, 6) if distance[k - 1] == min(distance))


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2099, 12, 31)), min_size=1, max_size=8)
)
def test_any_date_written_in_a_supported_layout_reads_back(dates):
    expected = [pd.Timestamp(d) for d in dates]
    layouts = [
        lambda d: d.isoformat(),
        lambda d: f"{d.isoformat()} 00:00:00",
        lambda d: f"{EN_MONTHS[d.month - 1]} {d.day}, {d.year}",
        lambda d: f"{d.day} {EN_MONTHS[d.month - 1]} {d.year}",
        lambda d: f"{d.day} {FR_MONTHS[d.month - 1]} {d.year}",
    ]
    for layout in layouts:
        parsed = parse_dates(column(*(layout(d) for d in dates)))
        assert parsed.values.tolist() == expected
        assert parsed.problems == {}
    day_first = parse_dates(column(*(d.strftime("%d/%m/%Y") for d in dates), "31/12/2026"))
    assert day_first.values.tolist()[:-1] == expected
    assert day_first.problems == {}


CELLISH = st.text(alphabet="0123456789 ,.'-−()€$£kKmMbnd%/:eE\u00a0\u202fTZ", max_size=20)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.none(), st.text(max_size=40), CELLISH), max_size=6))
def test_no_text_makes_a_parser_raise(cells):
    series = column(*cells)
    results = [
        parser(series)
        for parser in (
            parse_numbers,
            parse_percents,
            parse_dates,
            parse_months,
            parse_status,
            parse_scale,
            parse_bools,
            parse_integers,
            parse_scores,
            clean_text,
        )
    ]
    results += [parse_terms(series, kind) for kind in ("risk_status", "response", "cost_type", "category")]
    for parsed in results:
        assert list(parsed.values.index) == list(series.index)
        assert set(parsed.problems) <= set(series.index)
    for cell in cells:
        month_from_header(cell)


def test_lone_surrogates_and_non_string_cells_do_not_raise():
    series = pd.Series(["\ud800 12", 12, 3.5, np.nan, pd.NA], index=range(2, 7), dtype=object)
    numbers = parse_numbers(series)
    assert numbers.values[3] == 12 and numbers.values[4] == 3.5
    assert 2 in numbers.problems
    assert clean_text(series).values[2] == "? 12"


@pytest.mark.parametrize(
    ("header", "year"),
    [
        ("2026", 2026),
        ("2026.0", 2026),  # a year typed as a number comes back from Excel so
        ("FY2027", 2027),
        ("Exercice 2028", 2028),
        ("Année 2029", 2029),
        ("Année 0", 0),
        ("An 3", 3),
        ("Year 1", 1),
        ("Y2", 2),
        ("N", 0),
        ("N+1", 1),
        ("N + 4", 4),
    ],
)
def test_a_business_case_year_header_reads_as_its_year(header, year):
    assert values.year_from_header(header) == year


@pytest.mark.parametrize(
    "header", ["N°", "n", "N 1", "A1", "2026-01", "janv.-26", "45", "1850", "2200", "Total", "Année 41", ""]
)
def test_other_headers_name_no_year(header):
    assert values.year_from_header(header) is None


@given(
    st.integers(values.FIRST_CALENDAR_YEAR, values.LAST_CALENDAR_YEAR),
    st.sampled_from(["", "FY", "Exercice "]),
)
def test_every_calendar_year_reads_with_or_without_its_prefix(year, prefix):
    assert values.year_from_header(f"{prefix}{year}") == year
