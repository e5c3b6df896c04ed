"""Numbers, money, percentages and dates written the way each language writes them.

French: `1 234 567 €`, `12 %`, `31/10/2026`, `0,95`; English: `€1,234,567`, `12%`, `31 Oct 2026`, `0.95`.
"""

from __future__ import annotations

import math
from datetime import date, datetime

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


def number(value: float | None, lang: str, decimals: int = 0) -> str:
    if missing(value):
        return t("na", lang)
    text = f"{value:,.{decimals}f}"
    if lang == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def money(value: float | None, lang: str, currency: str = "EUR", short: bool = False) -> str:
    """Write an amount; `short` abbreviates for headline cards (1,2 M€ / €1.2M)."""
    if missing(value):
        return t("na", lang)
    symbol = SYMBOLS.get(currency, currency)
    sign = "-" if value < 0 else ""
    amount = abs(value)
    if short:
        for threshold, en_unit, fr_unit in ((1e9, "bn", "Md"), (1e6, "M", "M"), (1e3, "k", "k")):
            if amount >= threshold:
                scaled = amount / threshold
                decimals = 1 if scaled < 100 else 0
                body = number(scaled, lang, decimals)
                return (
                    f"{sign}{body}{NBSP}{fr_unit}{symbol}"
                    if lang == "fr"
                    else f"{sign}{symbol}{body}{en_unit}"
                )
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


def ratio(value: float | None, lang: str) -> str:
    """Write CPI, SPI and the like with two decimals, cut rather than rounded; "n/a" when undefined.

    A CPI of 0.897 is red under a 0.90 threshold: rounded, it would show as 0.90 beside a red mark.
    Cut, a figure is never shown on the other side of a two-decimal threshold than the one it is on.
    """
    if missing(value) or (isinstance(value, float) and math.isinf(value)):
        return t("na", lang)
    cut = math.trunc(round(float(value) * 100, 6)) / 100  # (round first: 0.95 is stored as 0.94999...)
    return number(cut, lang, 2)


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
