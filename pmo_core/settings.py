"""The declared table of settings: one row per setting, with its default, type and bounds.

The same table feeds the defaults, the validation of edited values, the Settings page and the README;
values that differ from the default are stored in the `settings` table of the store.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb
import pandas as pd

from pmo_core.i18n import t


@dataclass(frozen=True)
class Setting:
    """One declared setting; its help text is `setting.<name>` in the translation table."""

    name: str
    default: Any
    kind: str  # "text", "int", "float", "choice", "floats"
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting("currency", "EUR", "choice", choices=("EUR", "USD", "GBP", "CHF", "CAD")),
    Setting("reporting_period_days", 35, "int", minimum=1, maximum=366),
    Setting("import_user", "PMO", "text"),
    Setting("max_rows_per_sheet", 200_000, "int", minimum=100, maximum=2_000_000),
    Setting("max_upload_mb", 50, "int", minimum=1, maximum=1024),
    Setting("three_level_scale", "1,3,5", "text"),
    Setting("budget_change_threshold_pct", 5.0, "float", minimum=0, maximum=100),
    Setting("cpi_spi_green", 0.95, "float", minimum=0, maximum=2),
    Setting("cpi_spi_red", 0.90, "float", minimum=0, maximum=2),
    Setting("eac_method", "cpi", "choice", choices=("cpi", "atypical", "cpi_spi", "bottom_up")),
    Setting("overrun_alert_pct", 5.0, "float", minimum=0, maximum=100),
    Setting("probability_fractions", "0.1,0.3,0.5,0.7,0.9", "floats"),
    Setting("discount_rate_pct", 8.0, "float", minimum=0, maximum=100),
)

BY_NAME = {s.name: s for s in SETTINGS}


def coerce(name: str, raw: Any) -> Any:
    """Return `raw` as the setting's type, or raise ValueError with a sentence a user can act on."""
    setting = BY_NAME[name]
    text = str(raw).strip()
    if setting.kind == "int":
        value: Any = int(float(text.replace(",", ".")))
    elif setting.kind == "float":
        value = float(text.replace(",", "."))
    elif setting.kind == "floats":
        value = tuple(float(part) for part in text.replace(";", ",").split(","))
        if len(value) != 5 or not all(0 <= v <= 1 for v in value):
            raise ValueError(
                f"{name}: five fractions between 0 and 1 are expected, such as 0.1,0.3,0.5,0.7,0.9"
            )
        return value
    elif setting.kind == "choice":
        if text not in setting.choices:
            raise ValueError(f"{name}: one of {', '.join(setting.choices)} is expected")
        return text
    else:
        if not text:
            raise ValueError(f"{name}: a value is expected")
        return text
    if setting.minimum is not None and value < setting.minimum:
        raise ValueError(f"{name}: at least {setting.minimum:g} is expected")
    if setting.maximum is not None and value > setting.maximum:
        raise ValueError(f"{name}: at most {setting.maximum:g} is expected")
    return value


def get(con: duckdb.DuckDBPyConnection, name: str) -> Any:
    """Return a setting's value from the store, or its default."""
    row = con.execute("SELECT value FROM settings WHERE name = $name", {"name": name}).fetchone()
    return coerce(name, row[0]) if row else coerce(name, BY_NAME[name].default)


def get_all(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    stored = dict(con.execute("SELECT name, value FROM settings").fetchall())
    result = {}
    for setting in SETTINGS:
        raw = stored.get(setting.name, setting.default)
        try:
            result[setting.name] = coerce(setting.name, raw)
        except ValueError:
            result[setting.name] = coerce(setting.name, setting.default)
    return result


def put(con: duckdb.DuckDBPyConnection, name: str, raw: Any) -> Any:
    """Validate and store a setting; storing the default removes the override."""
    if name not in BY_NAME:
        raise KeyError(name)
    value = coerce(name, raw)
    text = _text(value)
    con.execute(
        "INSERT OR REPLACE INTO settings (name, value, updated_at) VALUES ($n, $v, $t)",
        {"n": name, "v": text, "t": datetime.now()},
    )
    return value


def _text(value: Any) -> str:
    return ",".join(f"{v:g}" for v in value) if isinstance(value, tuple) else str(value)


def settings_table(con: duckdb.DuckDBPyConnection, lang: str) -> pd.DataFrame:
    """Return the declared settings with their current value, default and help, for the Settings page."""
    values = get_all(con)
    return pd.DataFrame(
        [
            {
                "name": s.name,
                "label": t(f"setting.label.{s.name}", lang),
                "value": _text(values[s.name]),
                "default": _text(coerce(s.name, s.default)),
                "help": t(f"setting.{s.name}", lang),
            }
            for s in SETTINGS
        ]
    )


def update_settings(con: duckdb.DuckDBPyConnection, values: dict[str, Any]) -> dict[str, str]:
    """Store every valid changed value; return the reason each invalid one was refused."""
    refused = {}
    current = get_all(con)
    for name, raw in values.items():
        try:
            if coerce(name, raw) != current[name]:
                put(con, name, raw)
        except (ValueError, KeyError) as exc:
            refused[name] = str(exc)
    return refused


def three_level(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    """Return the 1-5 values of a three-word risk scale (low/medium/high), as the setting says."""
    parts = [
        int(float(p)) for p in str(get(con, "three_level_scale")).replace(";", ",").split(",") if p.strip()
    ]
    return tuple(parts[:3]) if len(parts) >= 3 else (1, 3, 5)
