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

from pmo_core import access
from pmo_core.access import Actor
from pmo_core.i18n import LANGUAGES, t


@dataclass(frozen=True)
class Setting:
    """One declared setting; its help text is `setting.<name>` in the translation table."""

    name: str
    default: Any
    kind: str  # "text", "int", "float", "choice", "floats"
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    maximum: float | None = None
    labels: str | None = None  # a choice's label is t(f"{labels}.{choice}"); None: the choice itself


class SettingRefused(ValueError):
    """A value a setting cannot take; the reason a user reads is `settings.reason.<code>` filled with params."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code, self.params = code, params

    def reason(self, lang: str) -> str:
        params = dict(self.params)
        if self.code == "choice":  # the choices as the page shows them, in the reader's language
            setting = BY_NAME[params.pop("setting")]
            params["choices"] = " | ".join(choice_label(setting, choice, lang) for choice in setting.choices)
        return t(f"settings.reason.{self.code}", lang, **params)


SETTINGS: tuple[Setting, ...] = (
    Setting("currency", "EUR", "choice", choices=("EUR", "USD", "GBP", "CHF", "CAD")),
    Setting("reporting_period_days", 35, "int", minimum=1, maximum=366),
    Setting("max_rows_per_sheet", 200_000, "int", minimum=100, maximum=2_000_000),
    Setting("max_upload_mb", 50, "int", minimum=1, maximum=1024),
    Setting("three_level_scale", "1,3,5", "text"),
    Setting("budget_change_threshold_pct", 5.0, "float", minimum=0, maximum=100),
    Setting("cpi_spi_green", 0.95, "float", minimum=0, maximum=2),
    Setting("cpi_spi_red", 0.90, "float", minimum=0, maximum=2),
    Setting(
        "eac_method",
        "cpi",
        "choice",
        choices=("cpi", "atypical", "cpi_spi", "bottom_up"),
        labels="budget.method",
    ),
    Setting("overrun_alert_pct", 5.0, "float", minimum=0, maximum=100),
    Setting("probability_fractions", "0.1,0.3,0.5,0.7,0.9", "floats"),
    Setting("discount_rate_pct", 8.0, "float", minimum=0, maximum=100),
    Setting("fiscal_year_start_month", 1, "int", minimum=1, maximum=12),
    Setting("hide_costs_from_viewers", "no", "choice", choices=("no", "yes"), labels="access.yesno"),
    Setting("upload_retention_days", 400, "int", minimum=0, maximum=3650),
    Setting("upload_keep_mb", 2048, "int", minimum=0, maximum=1_000_000),
    Setting("working_days_per_month", 20.0, "float", minimum=1, maximum=31),
    Setting("overload_alert_months", 2, "int", minimum=1, maximum=12),
    Setting("max_team_fte", 1000, "int", minimum=1, maximum=1_000_000),
    Setting("demand_capacity_ratio", 10.0, "float", minimum=1, maximum=1000),
)

BY_NAME = {s.name: s for s in SETTINGS}


def coerce(name: str, raw: Any) -> Any:
    """Return `raw` as the setting's type, or raise SettingRefused with the reason a user can act on.

    What the Settings page shows reads back: "0,95" as well as "0.95", a choice's label in either language.
    """
    setting = BY_NAME[name]
    text = str(raw).strip()
    if setting.kind == "choice":
        return _choice(setting, text)
    if setting.kind == "text":
        if not text:
            raise SettingRefused("empty")
        return text
    if setting.kind == "floats":
        return _fractions(text)
    try:
        value: Any = float(text.replace("\u202f", "").replace("\xa0", "").replace(" ", "").replace(",", "."))
    except ValueError:
        raise SettingRefused("number") from None
    value = int(value) if setting.kind == "int" else value
    if setting.minimum is not None and value < setting.minimum:
        raise SettingRefused("at_least", limit=f"{setting.minimum:g}")
    if setting.maximum is not None and value > setting.maximum:
        raise SettingRefused("at_most", limit=f"{setting.maximum:g}")
    return value


def _choice(setting: Setting, text: str) -> str:
    def key(
        words: str,
    ) -> str:  # case and spacing aside: French labels bind "CPI : ..." with a no-break space
        return " ".join(words.split()).casefold()

    known = {key(choice): choice for choice in setting.choices}
    for lang in LANGUAGES:
        known.update({key(choice_label(setting, choice, lang)): choice for choice in setting.choices})
    if key(text) not in known:
        raise SettingRefused("choice", setting=setting.name)
    return known[key(text)]


def _fractions(text: str) -> tuple[float, ...]:
    """Read five fractions: "0.1,0.3,0.5,0.7,0.9", or "0,1;0,3;0,5;0,7;0,9" as French writes them."""
    parts = text.split(";") if ";" in text else text.split(",")
    try:
        value = tuple(float(part.strip().replace(",", ".")) for part in parts)
    except ValueError:
        value = ()
    if len(value) != 5 or not all(0 <= v <= 1 for v in value):
        raise SettingRefused("fractions")
    return value


def choice_label(setting: Setting, choice: str, lang: str) -> str:
    return t(f"{setting.labels}.{choice}", lang) if setting.labels else choice


def shown(name: str, value: Any, lang: str) -> str:
    """Write a setting's value as the Settings page shows it: in the language's numbers, a choice by its label."""
    setting = BY_NAME[name]
    if setting.kind == "choice":
        return choice_label(setting, value, lang)
    if setting.kind == "floats":
        return ("; " if lang == "fr" else ", ").join(_number(v, lang) for v in value)
    if setting.kind in ("int", "float"):
        return _number(value, lang)
    return str(value)


def _number(value: float, lang: str) -> str:
    text = str(value) if isinstance(value, int) else f"{value:.10g}"
    return text.replace(".", ",") if lang == "fr" else text


def get(con: duckdb.DuckDBPyConnection, name: str) -> Any:
    """Return a setting's value from the store, or its default."""
    # fetched whole: a result left open would stop an import's next statement (DuckDB's register refuses)
    rows = con.execute("SELECT value FROM settings WHERE name = $name", {"name": name}).fetchall()
    return coerce(name, rows[0][0]) if rows else coerce(name, BY_NAME[name].default)


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


def put(con: duckdb.DuckDBPyConnection, name: str, raw: Any, actor: Actor) -> Any:
    """Validate and store a setting, recording the value it replaces."""
    if name not in BY_NAME:
        raise KeyError(name)
    value = coerce(name, raw)
    text = _text(value)
    with access.change(
        con, actor, "settings", "settings", name, {"before": _text(get(con, name)), "after": text}
    ):
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
                "value": shown(s.name, values[s.name], lang),
                "default": shown(s.name, coerce(s.name, s.default), lang),
                "help": t(f"setting.{s.name}", lang),
            }
            for s in SETTINGS
        ]
    )


def update_settings(
    con: duckdb.DuckDBPyConnection, values: dict[str, Any], actor: Actor, lang: str = "en"
) -> dict[str, str]:
    """Store every valid changed value; return the reason, in `lang`, each invalid one was refused."""
    refused: dict[str, str] = {}
    current = get_all(con)
    for name, raw in values.items():
        try:
            if coerce(name, raw) != current[name]:
                put(con, name, raw, actor)
        except SettingRefused as exc:
            refused[name] = exc.reason(lang)
        except KeyError:  # a name the declared table does not hold (an old form, a typo in a script)
            refused[name] = t("settings.reason.unknown", lang)
    return refused


def three_level(con: duckdb.DuckDBPyConnection) -> tuple[int, int, int]:
    """Return the 1-5 values of a three-word risk scale (low/medium/high), as the setting says."""
    parts = [
        int(float(p)) for p in str(get(con, "three_level_scale")).replace(";", ",").split(",") if p.strip()
    ]
    return tuple(parts[:3]) if len(parts) >= 3 else (1, 3, 5)
