"""Numbers, money, percentages and dates written the way each language writes them.

French: `1 234 567 €`, `12 %`, `31/10/2026`, `0,95`; English: `€1,234,567`, `12%`, `31 Oct 2026`, `0.95`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Context, Decimal

import pandas as pd

from pmo_core.i18n import t

NNBSP = "\u202f"  # French thousands separator
NBSP = "\u00a0"  # before a unit, so "12 %" never wraps
SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "$"}
_MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES_FR = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)
MONTHS_FR = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def half_away(value: float, decimals: int = 0) -> float:
    """Round as people and Excel do, halves away from zero (1.45 -> 1.5, -2.5 -> -3), not to even."""
    return float(_rounded(value, decimals))


# Digits enough for any float (1.8e308) and its decimals: a hostile "1e300" is written, not an error.
_EVERY_FLOAT = Context(prec=340)


def _rounded(value: float, decimals: int) -> Decimal:
    # The float's shortest text is the number as typed: 1.45, stored as 1.4499999..., rounds up.
    return Decimal(repr(float(value))).quantize(
        Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP, context=_EVERY_FLOAT
    )


def number(value: float | None, lang: str, decimals: int = 0, sign: bool = False) -> str:
    """Write a number rounded halves away from zero, grouped by thousands; `sign` writes "+" too."""
    if missing(value):
        return t("na", lang)
    rounded = _rounded(value, decimals)
    rounded = abs(rounded) if rounded == 0 else rounded  # never "-0"
    text = f"{rounded:{'+' if sign and rounded else ''},.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def money(value: float | None, lang: str, currency: str = "EUR", short: bool = False) -> str:
    """Write an amount; `short` abbreviates for headline cards (1,2 M€ / €1.2M), halves rounded up."""
    if missing(value):
        return t("na", lang)
    symbol = SYMBOLS.get(currency, currency)
    sign = "-" if half_away(value) < 0 else ""
    amount = abs(value)
    units = ((1e3, "k", "k"), (1e6, "M", "M"), (1e9, "bn", "Md"))
    fitting = [unit for unit in units if half_away(amount) >= unit[0]] if short else []
    for position, (threshold, en_unit, fr_unit) in reversed(list(enumerate(fitting))):
        scaled = amount / threshold
        decimals = 1 if half_away(scaled, 1) < 100 else 0
        if half_away(scaled, decimals) >= 1000 and position + 1 < len(units):
            threshold, en_unit, fr_unit = units[position + 1]  # 999,960 is 1.0 M, not 1,000k
            scaled, decimals = amount / threshold, 1
        body = number(scaled, lang, decimals)
        return f"{sign}{body}{NBSP}{fr_unit}{symbol}" if lang == "fr" else f"{sign}{symbol}{body}{en_unit}"
    body = number(amount, lang, 0)
    if lang == "fr" or len(symbol) > 1:
        return f"{sign}{body}{NBSP}{symbol}"
    return f"{sign}{symbol}{body}"


def percent(fraction: float | None, lang: str, decimals: int = 0) -> str:
    """Write a fraction as a percentage without false precision (0.1234 -> 12 %)."""
    if missing(fraction):
        return t("na", lang)
    body = number(fraction * 100, lang, decimals)
    return f"{body}{NBSP}%" if lang == "fr" else f"{body}%"


def ratio(value: float | None, lang: str, thresholds: Iterable[float] = ()) -> str:
    """Write CPI, SPI, TCPI and the like rounded to two decimals; "n/a" when undefined.

    A value that two decimals would carry across one of its colour `thresholds` gets more decimals
    instead, so the figure and its colour always agree: under a 0.90 red threshold 0.896 reads 0.896,
    not 0.90 beside a red mark.
    """
    if missing(value) or (isinstance(value, float) and math.isinf(value)):
        return t("na", lang)
    value = round(float(value), 8)  # as evm.index_status reads it: 0.95 stored as 0.9499999... is 0.95
    for decimals in range(2, 9):
        shown = half_away(value, decimals)
        if all((shown < threshold) == (value < threshold) for threshold in thresholds):
            break
    return number(shown, lang, decimals)


def day(value: date | datetime | None, lang: str) -> str:
    """Write a date: 31/10/2026 in French, 31 Oct 2026 in English."""
    if missing(value):
        return ""
    value = pd.Timestamp(value).date()
    if lang == "fr":
        return value.strftime("%d/%m/%Y")
    return f"{value.day} {_MONTHS_EN[value.month - 1]} {value.year}"


def long_day(value: date | None, lang: str) -> str:
    """Write a date in words for headings: 31 October 2026 / 31 octobre 2026."""
    if missing(value):
        return ""
    value = pd.Timestamp(value).date()
    if lang == "fr":
        return f"{value.day}{NBSP}{MONTH_NAMES_FR[value.month - 1]}{NBSP}{value.year}"  # never broken across lines
    return f"{value.day}{NBSP}{value:%B}{NBSP}{value.year}"


def month(value: date | None, lang: str) -> str:
    """Write a month: oct. 2026 / Oct 2026."""
    if missing(value):
        return ""
    value = pd.Timestamp(value).date()
    names = MONTHS_FR if lang == "fr" else _MONTHS_EN
    return f"{names[value.month - 1]} {value.year}"


def currency_symbol(currency: str) -> str:
    return SYMBOLS.get(currency, currency)


_PRINTF = re.compile(r"(?P<before>[^%]*)%(?P<sign>\+?)(?:\.(?P<decimals>\d+))?(?P<kind>[dfg])(?P<after>.*)")


def writer(table_format: str | None, lang: str, step: float | None = None) -> Callable[[object], str] | None:
    """Return what writes a table column's numbers in `lang` for the format st.column_config would use
    ("%d", "%+d", "%.2f", "%g", "%d %%", "localized", "percent", or none: the decimals a number has, at
    most two, none with a `step` of 1); None for a format it does not know.

    The browser writes table numbers in its own locale; written here, they follow the page's language.
    """
    if table_format in (None, "localized", "%g"):
        places = 0 if step == 1 else 2
        return lambda value: _general(value, lang, places)
    if table_format == "percent":
        return lambda value: percent(value, lang)
    found = _PRINTF.fullmatch(table_format or "")
    if not found:
        return None
    decimals = 0 if found["kind"] == "d" else int(found["decimals"] or 6)
    before, after = found["before"].replace("%%", "%"), found["after"].replace("%%", "%")
    if found["kind"] == "g":
        return lambda value: f"{before}{_general(value, lang)}{after}"
    return lambda value: f"{before}{number(value, lang, decimals, sign=bool(found['sign']))}{after}"


def _general(value: object, lang: str, decimals: int = 2) -> str:
    """Write a number with the decimals it has, at most `decimals`: 3, 3.5, 1 234."""
    text = number(value, lang, decimals)
    separator = "," if lang == "fr" else "."
    return text.rstrip("0").rstrip(separator) if separator in text else text
