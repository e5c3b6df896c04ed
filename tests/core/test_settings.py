"""Settings: one declared table, validated, stored in the database."""

from __future__ import annotations

import pytest

from pmo_core import settings
from tests.actors import PMO


def test_defaults_come_from_the_declared_table(con):
    assert settings.get(con, "currency") == "EUR"
    assert settings.get(con, "reporting_period_days") == 35
    assert settings.get(con, "probability_fractions") == (0.1, 0.3, 0.5, 0.7, 0.9)


def test_valid_values_are_stored_and_wrong_ones_refused_with_a_reason(con):
    refused = settings.update_settings(
        con,
        {"reporting_period_days": "0", "currency": "GBP", "probability_fractions": "0.1;0.2;0.5;0.8;0.95"},
        PMO,
    )
    assert set(refused) == {"reporting_period_days"}
    assert refused["reporting_period_days"] == "at least 1 is expected."
    assert settings.get(con, "currency") == "GBP"
    assert settings.get(con, "probability_fractions") == (0.1, 0.2, 0.5, 0.8, 0.95)
    assert settings.get(con, "reporting_period_days") == 35


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("currency", "XYZ"),
        ("cpi_spi_red", "abc"),
        ("probability_fractions", "0.1,0.2"),
    ],
)
def test_each_kind_of_wrong_value_is_refused(con, name, raw):
    with pytest.raises(ValueError):
        settings.put(con, name, raw, PMO)


def test_the_settings_table_lists_every_setting_with_its_help(con):
    table = settings.settings_table(con, "fr")
    assert list(table["name"]) == [s.name for s in settings.SETTINGS]
    assert table["help"].str.len().min() > 10


def test_the_page_shows_values_in_the_readers_words_and_reads_them_back(con):
    table = settings.settings_table(con, "fr").set_index("name")
    assert table.at["cpi_spi_green", "value"] == "0,95"
    assert table.at["probability_fractions", "value"] == "0,1; 0,3; 0,5; 0,7; 0,9"
    assert table.at["eac_method", "value"] == "CR + (BAC − VA) / CPI\u00a0: efficience actuelle"
    assert table.at["max_rows_per_sheet", "value"] == "200000"
    assert (
        settings.update_settings(con, table["value"].to_dict(), PMO, "fr") == {}
    )  # shown, then saved: no change
    assert (
        settings.update_settings(con, {"eac_method": "AC + ETC: the managers' estimate to complete"}, PMO)
        == {}
    )
    assert settings.get(con, "eac_method") == "bottom_up"
    assert (
        settings.update_settings(
            con, {"eac_method": "cr + (bac − va) / cpi : efficience actuelle"}, PMO, "fr"
        )
        == {}
    )
    assert settings.get(con, "eac_method") == "cpi"  # typed with a plain space and in lower case
    assert settings.update_settings(con, {"cpi_spi_red": "0,85"}, PMO, "fr") == {}
    assert settings.get(con, "cpi_spi_red") == 0.85


def test_a_refusal_says_why_in_the_readers_language(con):
    refused = settings.update_settings(con, {"eac_method": "au pif", "cpi_spi_red": "beaucoup"}, PMO, "fr")
    assert refused["cpi_spi_red"] == "un nombre est attendu."
    assert refused["eac_method"].startswith("l'une de ces valeurs est attendue\u00a0: CR + (BAC − VA) / CPI")


def test_an_unknown_setting_is_refused_not_raised(con):
    assert settings.update_settings(con, {"no_such_setting": "1"}, PMO, "fr") == {
        "no_such_setting": "ce paramètre n'existe pas."
    }
