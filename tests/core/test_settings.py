"""Settings: one declared table, validated, stored in the database."""

from __future__ import annotations

import pytest

from pmo_core import settings


def test_defaults_come_from_the_declared_table(con):
    assert settings.get(con, "currency") == "EUR"
    assert settings.get(con, "reporting_period_days") == 35
    assert settings.get(con, "probability_fractions") == (0.1, 0.3, 0.5, 0.7, 0.9)


def test_valid_values_are_stored_and_wrong_ones_refused_with_a_reason(con):
    refused = settings.update_settings(
        con,
        {"reporting_period_days": "0", "currency": "GBP", "probability_fractions": "0.1;0.2;0.5;0.8;0.95"},
    )
    assert set(refused) == {"reporting_period_days"}
    assert "at least 1" in refused["reporting_period_days"]
    assert settings.get(con, "currency") == "GBP"
    assert settings.get(con, "probability_fractions") == (0.1, 0.2, 0.5, 0.8, 0.95)
    assert settings.get(con, "reporting_period_days") == 35


@pytest.mark.parametrize(
    ("name", "raw"),
    [
        ("currency", "XYZ"),
        ("cpi_spi_red", "abc"),
        ("probability_fractions", "0.1,0.2"),
        ("import_user", "  "),
    ],
)
def test_each_kind_of_wrong_value_is_refused(con, name, raw):
    with pytest.raises(ValueError):
        settings.put(con, name, raw)


def test_the_settings_table_lists_every_setting_with_its_help(con):
    table = settings.settings_table(con, "fr")
    assert list(table["name"]) == [s.name for s in settings.SETTINGS]
    assert table["help"].str.len().min() > 10
