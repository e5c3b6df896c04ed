"""Read tracker cells into values: amounts, percents, dates, months, statuses, risk scales and words.

A parser takes one column (a Series of str/None indexed by Excel row number) and returns the values
with the problems found, by row. The shapes that Excel and exports produce in bulk go through a
vectorized path (Arrow compute); any other text is read once per distinct value by a small pure
function, so a 100,000-line import costs tens of milliseconds per column. No input text raises.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, partial

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pmo_core.fields import strip_accents
from pmo_core.issues import ERROR, WARNING, Problem
from pmo_core.vocabulary import (
    MONTH_NAMES,
    NO_WORDS,
    SCALE_LETTERS,
    SCALE_LEVELS,
    STATUS,
    STATUS_EMOJI,
    STATUS_NOT_REPORTED,
    THREE_LETTERS,
    THREE_LEVELS,
    VOCABULARIES,
    YES_WORDS,
)


@dataclass(frozen=True)
class Parsed:
    """The values read from a column (same index) and the problems found, by index label."""

    values: pd.Series
    problems: dict[int, Problem]


# Cells that mean "nothing here", compared in lower case after trimming.
EMPTY = frozenset({"-", "–", "—", "n/a", "na", "s.o.", "sans objet", "nc", "n.c.", "#n/a"})
MAX_LENGTH = 80  # no real number or date is longer; it also bounds the regex work on long sentences

# Arrow (RE2) patterns for the shapes read in bulk.
PLAIN_NUMBER = r"^[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?$"
FRENCH_AMOUNT = r"^-?(?:[1-9]\d{0,2}(?:[ \x{a0}\x{202f}]\d{3})+|\d+)(?:,\d+)?(?:[ \x{a0}\x{202f}]?€)?$"
# English grouping that cannot be read otherwise: "$1,234", "1,234,567", "1,234.5".
ENGLISH_AMOUNT = (
    r"^-?(?:[$£](?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d+)?|[1-9]\d{0,2}(?:,\d{3}){2,}(?:\.\d+)?"
    r"|[1-9]\d{0,2},\d{3}\.\d+)$"
)
ENGLISH_THOUSANDS = r"^-?[1-9]\d{0,2},\d{3}$"  # "1,234" where the column reads commas as thousands
SIMPLE_PERCENT = r"^-?\d+(?:[.,]\d+)?[ \x{a0}\x{202f}]?%$"
ISO_DATE = r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$"
NUMERIC_DATE = (
    r"^(?P<a>\d{1,2})[/.-](?P<b>\d{1,2})[/.-](?P<y>\d{4}|\d{2})"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?)?$"
)
# Column evidence for the reading of "1,234": a comma as thousands separator or a point as decimal
# (English), or a comma as decimal (French).
ENGLISH_HINTS = r"\d,\d{3},\d{3}(?:\D|$)|\d,\d{3}\.\d|^[^.,]*\d\.\d+[^.,]*$|^[-+(]?\s*(?:[$£]|us\$|c\$|ca\$)"
FRENCH_HINTS = r"\d,(?:\d{1,2}|\d{4,})(?:\D|$)|\d\.\d{3},\d|\d[ \x{a0}\x{202f}]\d{3},\d|(?:^|[^\d.,])0,\d"
AMBIGUOUS_COMMA = r"^[^\d.,]*[1-9]\d{0,2},\d{3}[^\d.,]*$"
# Control characters (a bell, a NUL from a broken export) print as nothing and no export can write them.
CONTROL = r"[\x{00}-\x{08}\x{0b}\x{0c}\x{0e}-\x{1f}\x{7f}]"
WHITESPACE = r"[\s\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}]+"

UNITS = {
    "k": 1e3, "thousand": 1e3, "thousands": 1e3,
    "m": 1e6, "mm": 1e6, "mn": 1e6, "mio": 1e6, "million": 1e6, "millions": 1e6,
    "md": 1e9, "mds": 1e9, "mrd": 1e9, "mrds": 1e9, "bn": 1e9, "b": 1e9,
    "milliard": 1e9, "milliards": 1e9, "billion": 1e9, "billions": 1e9,
}  # fmt: skip
AMOUNT = re.compile(
    r"""(?P<open>\()?\s*(?P<sign>[-+])?\s*
    (?P<pre>[€$£]|(?:us|ca|c)\$|(?:eur|usd|gbp|chf|cad)(?=[\s\d]))?\s*(?P<sign2>[-+])?\s*
    (?P<num>\d(?:[\d.,' ]*\d)?)(?P<exp>e[-+]?\d+)?\s*
    (?P<unit>k|thousands?|mm|mn|mio|m|millions?|mds?|mrds?|bn|b|milliards?|billions?)?\s*
    (?P<post>[€$£]|eur|euros?|usd|gbp|chf|cad|dollars?)?\s*(?:ht|ttc)?\s*
    (?P<trail>-)?\s*(?P<close>\))?""",
    re.X | re.I | re.A,
)
SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2007": " ", "\u2009": " ", "\u2212": "-", "\u2013": "-",
                        "\u2019": "'"})  # fmt: skip
DATE_NOISE = frozenset({
    "le", "the", "of", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "wed", "thu", "fri",
    "sat", "sun",
})  # fmt: skip
TIME_OF_DAY = re.compile(r"\d{1,2}\s*[:h]\s*\d{2}(?:\s*:\s*\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?\s?m\.?)?", re.A)
ORDINAL = re.compile(r"(\d{1,2})(?:er|re|st|nd|rd|th|e|eme)", re.A)
LEADING_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*[-–—:(/.]?\s*[^\W\d_].*", re.S)
EXCEL_EPOCH = np.datetime64("1899-12-30", "D")
NOT_FOUND = "\0"  # a lookup miss, distinct from a word that means "no value"


# --- Cells -------------------------------------------------------------------------------------------


def _as_text(value: object) -> str | None:
    """Return a cell as text that Arrow accepts: lone surrogates replaced, numbers rendered."""
    if isinstance(value, str):
        return value.encode("utf-8", "replace").decode("utf-8")
    try:
        if value is None or pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _cells(series: pd.Series, keep: frozenset[str] = frozenset()) -> pa.Array:
    """Return the column as trimmed Arrow strings, with empty cells and placeholders ("n/a", "-") as nulls."""
    try:
        if isinstance(series.dtype, (pd.StringDtype, pd.ArrowDtype)) and hasattr(
            series.array, "__arrow_array__"
        ):
            text = pa.array(
                series.array
            )  # the reader's Arrow strings, taken without a copy to Python objects
            text = text.combine_chunks() if isinstance(text, pa.ChunkedArray) else text
            text = text.cast(pa.string())
        else:
            text = pa.array(series.to_numpy(dtype=object), type=pa.string(), from_pandas=True)
    except (pa.ArrowException, UnicodeEncodeError, TypeError, ValueError):
        text = pa.array([_as_text(v) for v in series.tolist()], type=pa.string())
    text = pc.utf8_trim_whitespace(text)
    placeholders = pa.array(sorted(EMPTY - keep), type=pa.string())
    empty = pc.or_(pc.equal(text, ""), pc.is_in(pc.utf8_lower(text), value_set=placeholders))
    return pc.if_else(empty, pa.scalar(None, pa.string()), text)


def _flags(array: pa.Array) -> np.ndarray:
    return pc.fill_null(array, False).to_numpy(zero_copy_only=False)


def _floats(text: pa.Array) -> np.ndarray:
    return pc.cast(text, pa.float64()).to_numpy(zero_copy_only=False)


def _ints(text: pa.Array) -> np.ndarray:
    return pc.cast(text, pa.int64()).to_numpy(zero_copy_only=False)


class _Column:
    """One column on its way through a parser: its cells, which are still unread, the values and problems."""

    def __init__(self, series: pd.Series, missing: object, dtype: str, keep: frozenset[str] = frozenset()):
        self.index = series.index
        self.text = _cells(series, keep)
        self.present = _flags(pc.is_valid(self.text))
        self.todo = self.present.copy()
        self.values = np.full(len(series), missing, dtype=dtype)
        self.problems: dict[int, Problem] = {}

    def pick(self, pattern: str) -> np.ndarray:
        """Return the positions of unread cells matching an RE2 pattern, and mark them read."""
        positions = np.flatnonzero(self.todo)
        chosen = positions[_flags(pc.match_substring_regex(self.text.take(positions), pattern))]
        self.todo[chosen] = False
        return chosen

    def rest(self) -> np.ndarray:
        """Return the positions of the cells no fast path took, and mark them read."""
        positions = np.flatnonzero(self.todo)
        self.todo[:] = False
        return positions

    def cells(self, positions: np.ndarray) -> pa.Array:
        return self.text.take(positions)

    def report(self, positions: np.ndarray, problem: Problem) -> None:
        for label in self.index[positions].tolist():
            self.problems[label] = problem

    def read_each(self, positions: np.ndarray, read: Callable[[str], tuple[object, Problem | None]]) -> None:
        """Read each distinct text among `positions` once with `read`, and spread the results."""
        cells = self.text.take(positions)
        uniques = pc.unique(cells)
        results = [read(text) for text in uniques.to_pylist()]
        if not results:
            return
        codes = pc.index_in(cells, value_set=uniques).to_numpy(zero_copy_only=False).astype(np.int64)
        self.values[positions] = np.array([value for value, _ in results], dtype=self.values.dtype)[codes]
        flagged = np.array([problem is not None for _, problem in results])[codes]
        for label, code in zip(self.index[positions[flagged]].tolist(), codes[flagged].tolist(), strict=True):
            self.problems[label] = results[code][1]

    def report_unread(self, missing: np.ndarray, problem: Problem) -> None:
        """Flag the non-empty cells that gave no value and have no problem yet."""
        for label in self.index[np.flatnonzero(self.present & missing)].tolist():
            self.problems.setdefault(label, problem)

    def parsed(self, dtype: str | None = None) -> Parsed:
        """Return the values as a Series of `dtype` (dates as datetime64[us], so 9999-12-31 fits)."""
        array = self.values.astype("datetime64[us]") if self.values.dtype.kind == "M" else self.values
        values = pd.Series(array, index=self.index, dtype=array.dtype)  # object stays object, not str
        return Parsed(values if dtype is None else values.astype(dtype), self.problems)


# --- Words -------------------------------------------------------------------------------------------


def _key(text: str) -> str:
    """Reduce text to lowercase ascii words, so 'Très  élevée !' and 'tres elevee' compare equal."""
    text = strip_accents(text.replace("œ", "oe").replace("Œ", "oe")).casefold()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def _table(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    """Return word -> code for lookups; the first code listed wins a word claimed twice."""
    table: dict[str, str] = {}
    for code, words in groups.items():
        for word in words:
            table.setdefault(_key(word), code)
    table.pop("", None)
    return table


def _lookup(key: str, table: dict) -> object:
    """Find a normalized text in a word table: exactly, else by its longest known leading words."""
    if key in table:
        return table[key]
    words = key.split()
    for size in range(min(len(words) - 1, 4), 0, -1):
        prefix = " ".join(words[:size])
        if len(prefix) > 1 and prefix in table:  # a lone "a" or "r" is too common a first letter to trust
            return table[prefix]
    return NOT_FOUND


@cache
def _terms(kind: str) -> dict[str, str]:
    return _table({t.code: (t.code, t.en, t.fr, *t.synonyms) for t in VOCABULARIES[kind]})


@cache
def _months() -> dict[str, int]:
    return {_key(name): number for number, names in enumerate(MONTH_NAMES, 1) for name in names}


@cache
def _scale_words() -> tuple[dict[str, int], dict[str, int]]:
    """Return the five-level places of the scale words, and the ranks of the three-level words."""
    five = _table({level: words for level, words in enumerate(SCALE_LEVELS, 1)})
    three = _table({rank: words for rank, words in enumerate(THREE_LEVELS, 1)})
    return five, three


@cache
def _scale_letters() -> tuple[dict[str, int], dict[str, int]]:
    """Return the five-level places of the letter abbreviations (VL..VH, TF..TE), and the three-level ranks."""
    five = {_key(letters): level for level, group in enumerate(SCALE_LETTERS, 1) for letters in group}
    three = {_key(letters): rank for rank, group in enumerate(THREE_LETTERS, 1) for letters in group}
    return five, three


# --- Numbers -----------------------------------------------------------------------------------------


def _comma_is_decimal(whole: str, fraction: str, comma_decimal: bool) -> bool:
    """Decide a lone comma: '1,5' is a decimal; '1,234' is one unless the column reads commas as thousands."""
    return comma_decimal or len(fraction) != 3 or not re.fullmatch(r"[1-9]\d{0,2}", whole, re.A)


def _number_text(num: str, comma_decimal: bool) -> str | None:
    """Return digits with separators as Python writes them ('1.234,5' -> '1234.5'), or None if malformed."""
    dots, commas = num.count("."), num.count(",")
    if dots and commas:
        decimal = "." if num.rfind(".") > num.rfind(",") else ","
    elif dots == 1:
        decimal = "."
    elif commas == 1 and _comma_is_decimal(*num.split(","), comma_decimal):
        decimal = ","
    else:
        decimal = ""
    whole, _, fraction = num.rpartition(decimal) if decimal else (num, "", "")
    if fraction and not fraction.isdigit():
        return None
    groups = re.split(r"[.,' ]", whole)
    if len(groups) > 1 and (
        len(set(re.findall(r"[.,' ]", whole))) > 1
        or not re.fullmatch(r"[1-9]\d{0,2}", groups[0], re.A)
        or any(len(group) != 3 or not group.isdigit() for group in groups[1:])
    ):
        return None
    return "".join(groups) + "." + (fraction or "0")


def _read_number(text: str, comma_decimal: bool, units: bool = True) -> tuple[float, bool] | None:
    """Read an amount ('1 234,5 k€', '(1,234)', '£12.5m'): its value, and whether it carried a multiplier."""
    read = _read_amount_parts(text, comma_decimal, units)
    return None if read is None else read[:2]


def _read_amount_parts(text: str, comma_decimal: bool, units: bool = True) -> tuple[float, bool, str] | None:
    """Read an amount as _read_number does, and also return its digits and separators as written."""
    match = AMOUNT.fullmatch(text.translate(SPACES).strip()) if len(text) <= MAX_LENGTH else None
    if not match or bool(match["open"]) != bool(match["close"]):
        return None
    signs = [s for s in (match["sign"], match["sign2"], match["trail"]) if s]
    if len(signs) > 1 or (not units and (match["pre"] or match["unit"] or match["post"])):
        return None
    english = (match["pre"] or "").endswith(("$", "£"))  # "$1,234" is written the English way
    digits = _number_text(match["num"], comma_decimal and not english)
    if digits is None:
        return None
    value = float(digits + (match["exp"] or ""))
    if "-" in signs or match["open"]:
        value = -value
    unit = match["unit"]
    value *= UNITS[unit.lower()] if unit else 1.0
    return (value, bool(unit), match["num"]) if math.isfinite(value) else None


def _number_param(value: float) -> int | float:
    """Return a value for a problem's params as a reader would write it: 4500, not 4500.0 or 4499.999999."""
    return _number_params(np.array([value]))[0]


def _number_params(values: np.ndarray) -> list[int | float]:
    """Return values for problem params as a reader would write them: 4500, not 4500.0 or 3900.0000000000005
    (rounded to 12 significant digits, whole numbers as int)."""
    values = np.asarray(values, dtype="float64")
    magnitude = np.floor(np.log10(np.abs(values), where=values != 0, out=np.zeros_like(values)))
    factor = 10.0 ** np.clip(11 - magnitude, 0, 22)
    rounded = np.round(values * factor) / factor
    whole = (rounded == np.floor(rounded)) & (np.abs(rounded) < 1e15)
    ints = np.where(whole, rounded, 0).astype(np.int64).tolist()
    return [i if w else f for i, f, w in zip(ints, rounded.tolist(), whole.tolist(), strict=True)]


def _comma_decimal(col: _Column, plain: np.ndarray, decimal: str | None) -> tuple[bool, np.ndarray]:
    """Decide how the column reads a lone comma followed by three digits ('1,234').

    Return whether such a comma is a decimal comma, and the positions of the cells that nothing settles:
    no `decimal` was given and the column shows neither an English nor a French way of writing numbers.
    Those cells are read with a decimal comma (the default) and get a warning.
    """
    unsettled = np.array([], dtype=np.int64)
    if decimal is not None:
        return decimal == ",", unsettled
    todo = np.flatnonzero(col.todo)
    rest = col.cells(todo)
    lone = _flags(pc.match_substring_regex(rest, AMBIGUOUS_COMMA))
    if not lone.any():
        return True, unsettled
    english = _flags(pc.match_substring(col.cells(plain), ".")).any() or (
        _flags(pc.match_substring_regex(rest, ENGLISH_HINTS)).any()
    )
    french = _flags(pc.match_substring_regex(rest, FRENCH_HINTS)).any()
    if not english and not french:
        return True, todo[lone]
    return not english or french, unsettled


def _read_amount(
    text: str, comma_decimal: bool, scale: float, point: bool = False
) -> tuple[float, Problem | None]:
    """Read one amount; with `point` (the file writes decimals with a point), a lone decimal comma warns."""
    read = _read_amount_parts(text, comma_decimal)
    if read is None:
        return math.nan, Problem("not_a_number", ERROR)
    value, has_unit, num = read
    value = value if has_unit else value * scale
    if point and re.fullmatch(r"\d+,\d+", num, re.A) and _comma_is_decimal(*num.split(","), False):
        # "12,5" in a file that writes 12.5: it cannot be a thousands group, so most likely a decimal comma,
        # but it could also be a mistyped thousands separator (125).
        other = _read_amount_parts(text.replace(",", "", 1), comma_decimal)
        if other is not None:
            other_value = other[0] if other[1] else other[0] * scale
            params = {"read_as": _number_param(value), "other": _number_param(other_value)}
            return value, Problem("number_ambiguous", WARNING, params)
    return value, None


def _warn_unsettled_commas(col: _Column, positions: np.ndarray) -> None:
    """Warn on each '4,500' cell read with a decimal comma (4.5) that could as well be 4500.

    Such a cell holds one number, with one comma before three digits: its thousands reading is always 1000
    times its decimal reading, units and scale included. A "$4,500" was read the English way: no doubt.
    """
    positions = positions[np.isfinite(col.values[positions])]
    positions = positions[~_flags(pc.match_substring_regex(col.cells(positions), "[$£]"))]
    read_as = col.values[positions]
    labels = col.index[positions].tolist()
    params = zip(labels, _number_params(read_as), _number_params(read_as * 1000), strict=True)
    warnings = {
        label: Problem("number_ambiguous", WARNING, {"read_as": value, "other": other})
        for label, value, other in params
    }
    warnings.update(col.problems)  # an error found earlier stands
    col.problems = warnings


def parse_numbers(series: pd.Series, *, scale: float = 1.0, decimal: str | None = None) -> Parsed:
    """Read amounts and quantities in any usual notation; `scale` applies to values without a unit of their own.

    `decimal` is the file's decimal separator when its language is known: "." reads "1,200" as 1200 (and
    warns on "12,5", read as 12.5), "," reads it as 1.2. With None the column decides, and a "4,500" that
    nothing in the column settles is read as 4.5 with a `number_ambiguous` warning.
    """
    if decimal not in (None, ",", "."):
        raise ValueError(f"decimal must be None, ',' or '.', not {decimal!r}")
    # An amount scaled past the largest float ("1e308" in k€) becomes infinite and is refused as such below.
    with np.errstate(over="ignore"):
        return _parse_numbers(series, scale, decimal)


def _parse_numbers(series: pd.Series, scale: float, decimal: str | None) -> Parsed:
    col = _Column(series, math.nan, "float64")
    plain = col.pick(PLAIN_NUMBER)
    col.values[plain] = _floats(col.cells(plain)) * scale
    comma_decimal, unsettled = _comma_decimal(col, plain, decimal)
    english = col.pick(ENGLISH_AMOUNT if comma_decimal else f"{ENGLISH_AMOUNT}|{ENGLISH_THOUSANDS}")
    col.values[english] = _floats(pc.replace_substring_regex(col.cells(english), "[$£,]", "")) * scale
    if comma_decimal:
        french = col.pick(FRENCH_AMOUNT)
        digits = pc.replace_substring_regex(col.cells(french), r"[ \x{a0}\x{202f}€]", "")
        col.values[french] = _floats(pc.replace_substring(digits, ",", ".")) * scale
    read = partial(_read_amount, comma_decimal=comma_decimal, scale=scale, point=decimal == ".")
    col.read_each(col.rest(), read)
    col.values[~np.isfinite(col.values)] = math.nan  # e.g. "1e999"
    if scale != 1.0:
        _unscale_own_currency(col, scale)
    unread = np.isnan(col.values) & col.present
    if unread.any():  # "07. Sep": a number a spreadsheet in another locale turned into a date
        positions = np.flatnonzero(unread)
        mangled = positions[_flags(pc.match_substring_regex(col.cells(positions), MANGLED_NUMBER))]
        col.report(mangled, Problem("number_turned_into_date", ERROR))
    col.report_unread(np.isnan(col.values), Problem("not_a_number", ERROR))
    _warn_unsettled_commas(col, unsettled)
    return col.parsed()


# A day and a month name, or a month name and two digits, where an amount should be: "07. Sep", "Okt 95".
MANGLED_NUMBER = r"^(?:\d{1,2}\.? ?[A-Za-zäéû]{3,4}\.?|[A-Za-zäéû]{3,4}\.? \d{2})$"
OWN_CURRENCY = r"(?i)[€$£]|\b(?:eur|euros?|usd|gbp|chf|cad|dollars?)\b"
OWN_MULTIPLIER = (
    r"(?i)\d\s*(?:k|thousands?|mm|mn|mio|m|millions?|mds?|mrds?|bn|b|milliards?|billions?)(?:\b|[€$£])"
)


def _unscale_own_currency(col: _Column, scale: float) -> None:
    """An amount that writes its currency but no k or M ("250 000 €" under "Consommé (M€)") is in plain units:
    the header's unit is for bare numbers. It is read as written, and the user is told."""
    positions = np.flatnonzero(col.present & np.isfinite(col.values))
    cells = col.cells(positions)
    marked = _flags(pc.match_substring_regex(cells, OWN_CURRENCY)) & ~_flags(
        pc.match_substring_regex(cells, OWN_MULTIPLIER)
    )
    chosen = positions[marked]
    col.values[chosen] /= scale
    col.report(chosen, Problem("amount_own_unit", WARNING, {"scale": _number_param(scale)}))


# --- Efforts: capacity and demand in FTE or person-days --------------------------------------------------

# A number followed by the unit it is in: "0,5 ETP", "12 j", "3 FTE", "10 jours-homme", "4 md".
_EFFORT_CELL = re.compile(r"^\s*([-+]?[\d\s.,\u00a0\u202f]*\d)\s*([^\W\d_][^\d]*?)\.?\s*$")


def split_effort(series: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Return the cells of an effort column with a unit written after the number removed ("0,5 ETP" -> "0,5"),
    and the unit each such cell wrote ("fte", "days"; None where it wrote none or a word that is no unit)."""
    units = pd.Series(None, index=series.index, dtype=object)
    # object dtype whatever the column's: an Arrow column of numbers alone maps to a null array, which has no .str
    texts = pd.Series([v if isinstance(v, str) else None for v in series], index=series.index, dtype=object)
    worded = texts.str.contains(r"[^\W\d_]", regex=True, na=False)
    if not worded.any():
        return series, units
    numbers = series.copy()
    for label, text in texts[worded].items():
        found = _EFFORT_CELL.match(text)
        unit = _lookup(_key(found.group(2)), _terms("effort_unit")) if found else NOT_FOUND
        if unit != NOT_FOUND:
            numbers[label] = found.group(1)
            units[label] = unit
    return numbers, units


# Unit words a header or title may carry ("Capacité (ETP)", "Charge en jours", "Demand (man-days)"): the
# strong ones only, since a single letter ("j", "d") says a unit only between brackets.
_HEADER_UNITS = re.compile(
    r"\b(fte|ftes|etp|ept|days|jours|jh|j h|md|pd|mandays|man days|person days|jours homme|hommes jours)\b"
)


@cache
def header_effort_unit(text: str | None) -> str | None:
    """Return the effort unit a header, group label, title or sheet name states ("fte", "days"), or None."""
    if not text:
        return None
    for inside in re.findall(r"[\(\[]([^\)\]]*)[\)\]]", text):
        unit = _lookup(_key(inside), _terms("effort_unit"))
        if unit != NOT_FOUND:
            return unit
    found = _HEADER_UNITS.search(_key(text))
    return _lookup(found.group(1), _terms("effort_unit")) if found else None


def parse_effort(series: pd.Series, decimal: str | None = None) -> Parsed:
    """Read a capacity or a demand: a number of FTE or person-days, never below zero."""
    parsed = parse_numbers(split_effort(series)[0], decimal=decimal)
    negative = parsed.values < 0
    if negative.any():
        for label in parsed.values.index[negative]:
            parsed.problems[label] = Problem("effort_negative", ERROR)
        parsed.values[negative] = math.nan
    return parsed


def effort_fte(amounts: pd.Series, units: pd.Series, working_days: float) -> pd.Series:
    """Return capacity or demand in FTE: person-days divided by the working days of a month, as the store's
    queries convert them (team_capacity_at, project_demand_at)."""
    numbers = pd.to_numeric(amounts, errors="coerce").astype("float64")
    return numbers.where(units.to_numpy() != "days", numbers / working_days)


def implausible_efforts(
    amounts: pd.Series, units: pd.Series, working_days: float, most_fte: float
) -> pd.Series:
    """Tell which capacity or demand lines ask more FTE of one team in one month than the largest plausible
    team: 1e12 FTE, or a billion person-days, is a cell typed wrong, never a team."""
    return (effort_fte(amounts, units, working_days) > most_fte).fillna(False).astype(bool)


# --- Percents ----------------------------------------------------------------------------------------


def _read_percent_sign(text: str) -> tuple[float, Problem | None]:
    read = _read_number(text.rstrip().removesuffix("%"), comma_decimal=True, units=False)
    return (math.nan, None) if read is None else (read[0] / 100, None)


def _read_bare_number(text: str) -> tuple[float, Problem | None]:
    read = _read_number(text, comma_decimal=True, units=False)
    return (math.nan, None) if read is None else (read[0], None)


WHOLE_PERCENT_ABOVE = 2.0


def parse_percents(series: pd.Series) -> Parsed:
    """Read progress as a fraction: '45 %' and '45' (a column of whole percents) and '0.45' all give 0.45.

    In a column of whole percents, a plain value strictly between 0 and 1 is most likely a cell formatted
    as a percentage in Excel (50 % is stored, and read, as 0.5): it reads as that fraction, with a warning.
    """
    col = _Column(series, math.nan, "float64")
    plain = col.pick(PLAIN_NUMBER)
    col.values[plain] = _floats(col.cells(plain))
    simple = col.pick(SIMPLE_PERCENT)
    digits = pc.replace_substring_regex(col.cells(simple), r"[ \x{a0}\x{202f}%]", "")
    col.values[simple] = _floats(pc.replace_substring(digits, ",", ".")) / 100
    col.read_each(col.pick("%"), _read_percent_sign)
    others = col.rest()
    col.read_each(others, _read_bare_number)
    bare = np.concatenate([plain, others])
    bare = bare[np.isfinite(col.values[bare])]
    numbers = col.values[bare]
    # A column of whole percents: 45 means 45 %. A fraction column tops out a little above 1 (105 % is a cell
    # formatted as a percentage holding 1.05), so only a value above 2 says the column is whole percents.
    if (numbers > WHOLE_PERCENT_ABOVE).any():
        fractions = (numbers > 0) & (numbers < 1)  # but 0.5 is a cell formatted as 50 %
        if fractions.any():
            col.values[bare] = np.where(fractions, numbers, numbers / 100)
            positions = bare[fractions]
            percents = _number_params(col.values[positions] * 100)
            for label, read_as in zip(col.index[positions].tolist(), percents, strict=True):
                col.problems[label] = Problem("percent_read_as_fraction", WARNING, {"read_as": read_as})
        else:
            col.values[bare] = numbers / 100
    col.values[~np.isfinite(col.values)] = math.nan
    col.report_unread(np.isnan(col.values), Problem("not_a_percent", ERROR))
    outside = np.flatnonzero((col.values < 0) | (col.values > 1 + 1e-9))
    col.report(outside, Problem("percent_out_of_range", WARNING))
    return col.parsed()


# --- Dates and months --------------------------------------------------------------------------------


def _compose(year: np.ndarray, month: np.ndarray, day: np.ndarray) -> np.ndarray:
    """Return datetime64[D] dates from year, month and day arrays; NaT where no such day exists."""
    ok = (year >= 1) & (year <= 9999) & (month >= 1) & (month <= 12) & (day >= 1) & (day <= 31)
    months = np.where(ok, (year - 1970) * 12 + month - 1, 0).astype("datetime64[M]")
    days = months.astype("datetime64[D]") + np.where(ok, day - 1, 0)
    ok &= days.astype("datetime64[M]") == months
    return np.where(ok, days, np.datetime64("NaT", "D"))


def _full_year(year: np.ndarray | int) -> np.ndarray | int:
    """Expand a two-digit year as Excel and strptime do: 00-68 -> 2000s, 69-99 -> 1900s."""
    return np.where(year < 100, np.where(year <= 68, year + 2000, year + 1900), year)


def _iso(day: np.datetime64) -> str:
    return str(np.datetime64(day, "D"))


def _ambiguity(read_as: np.datetime64, other: np.datetime64) -> Problem:
    return Problem("date_ambiguous", WARNING, {"read_as": _iso(read_as), "other": _iso(other)})


def _date_order(
    first: np.ndarray, second: np.ndarray, dayfirst: bool | None, months: bool
) -> tuple[bool, bool]:
    """Infer day/month order from unambiguous values: return (day first?, proven by the column?)."""
    day_first = bool(((first > 12) & (second <= 12)).any())
    month_first = bool(((second > 12) & (first <= 12)).any())
    # Months are often written as their first day (01/03/2026): a constant 1 shows where the day is.
    if months and len(first) and not (day_first or month_first):
        day_first, month_first = bool((first == 1).all()), bool((second == 1).all())
    if day_first != month_first:
        return day_first, True
    return (True if dayfirst is None else dayfirst), False


def _numeric_dates(
    first: np.ndarray, second: np.ndarray, year: np.ndarray, dayfirst: bool, proven: bool
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Return the dates a/b/y triples stand for, the other reading, and which of them are ambiguous."""
    day, month = (first, second) if dayfirst else (second, first)
    swap = (month > 12) & (day <= 12)  # a value only one order can read
    day, month = np.where(swap, month, day), np.where(swap, day, month)
    year = _full_year(year)
    ambiguous = (first <= 12) & (second <= 12) & (first != second) & (not proven)
    return _compose(year, month, day), _compose(year, day, month), ambiguous


def _date_tokens(text: str) -> list[tuple[str, int, int]] | None:
    """Split a date into ('n', number, digits) and ('m', month, 0) tokens; None if a word is not a date word."""
    key = TIME_OF_DAY.sub(" ", strip_accents(text.casefold()))
    tokens = []
    for word in re.split(r"[^a-z0-9]+", key):
        ordinal = ORDINAL.fullmatch(word)
        word = ordinal[1] if ordinal else word
        if not word or word in DATE_NOISE:
            continue
        if word.isdigit() and word.isascii() and len(word) <= 4:
            tokens.append(("n", int(word), len(word)))
        elif word in _months():
            tokens.append(("m", _months()[word], 0))
        else:
            return None
    return tokens


def _month_of(tokens: list[tuple[str, int, int]]) -> tuple[int, int] | None:
    """Read (year, month) from 'janv. 26', 'Jan 2026', '01/2026' or '2026-01' tokens."""
    kinds = "".join(kind for kind, _, _ in tokens)
    if kinds == "mn" and tokens[1][2] in (2, 4):
        return int(_full_year(tokens[1][1])), tokens[0][1]
    if kinds == "nn" and tokens[0][2] <= 2 and tokens[1][2] == 4:
        return tokens[1][1], tokens[0][1]
    if kinds == "nn" and tokens[0][2] == 4 and tokens[1][2] <= 2:
        return tokens[0][1], tokens[1][1]
    return None


def _single_date(year: int, month: int, day: int) -> np.datetime64:
    return _compose(_full_year(np.array([year])), np.array([month]), np.array([day]))[0]


def _last_day(year: int, month: int) -> np.datetime64:
    first = _single_date(year, month, 1)
    return first if np.isnat(first) else (first.astype("datetime64[M]") + 1).astype("datetime64[D]") - 1


# Quarters and fiscal years, matched on the text reduced by _key ("2025-Q2" -> "2025 q2"). A fiscal year is
# named by the calendar year it ends in (FY25, 2024/25: the year ending in 2025).
_QUARTER = (
    re.compile(r"(?P<fy>fy|ex|exercice)? ?(?P<y>\d{4}|(?<=fy)\d{2}|(?<=fy )\d{2}) (?:q|t)(?P<q>[1-4])"),
    re.compile(r"(?:q|t)(?P<q>[1-4]) (?P<fy>fy|ex|exercice)? ?(?P<y>\d{4}|\d{2})"),
    re.compile(
        r"(?P<q>[1-4])(?:st|nd|rd|th|er|re|e|eme)? (?:quarter|qtr|trimestre) (?:of )?(?P<fy>fy)? ?(?P<y>\d{4}|\d{2})"
    ),
    re.compile(r"(?P<q>[1-4])q ?(?P<fy>fy)? ?(?P<y>\d{4}|\d{2})"),
)
_FISCAL_YEAR = re.compile(r"(?:fy|exercice) ?(?P<y>\d{4}|\d{2})")
_FISCAL_SPAN = re.compile(r"(?:fy ?)?(?P<from>\d{4}|\d{2}) (?P<y>\d{2}|\d{4})")


def _fiscal_span(key: str) -> int | None:
    """Return the year a span such as "2024 25" or "fy24 25" ends in, when its two years follow each other."""
    span = _FISCAL_SPAN.fullmatch(key)
    if not span or (len(span["from"]) == 2 and not key.startswith("fy")):
        return None
    start, end = int(_full_year(int(span["from"]))), int(span["y"])
    if end < 100:  # "1999/00": the century turns
        end += start - start % 100 + (100 if end < start % 100 else 0)
    return end if end == start + 1 else None


def period_of(text: str, fiscal_start: int = 1) -> tuple[date, date] | None:
    """Return the first and last day of the quarter or fiscal year a cell names ("2025-Q2", "T2 2025",
    "Q2 FY25", "FY2024-25"), or None. `fiscal_start` is the month a fiscal year begins (1: the calendar)."""
    key = _key(text) if len(text) <= MAX_LENGTH else ""
    for pattern in _QUARTER:
        found = pattern.fullmatch(key)
        if found:
            fiscal = bool(found["fy"])
            year = int(_full_year(int(found["y"])))
            first = _fiscal_first_month(year, fiscal_start) if fiscal else (year, 1)
            return _months_span(first, 3 * (int(found["q"]) - 1), 3)
    found = _FISCAL_YEAR.fullmatch(key)
    year = int(_full_year(int(found["y"]))) if found else _fiscal_span(key)
    if year is None or not FIRST_CALENDAR_YEAR <= year <= LAST_CALENDAR_YEAR:
        return None
    return _months_span(_fiscal_first_month(year, fiscal_start), 0, 12)


def _fiscal_first_month(year: int, fiscal_start: int) -> tuple[int, int]:
    """Return (year, month) where the fiscal year ending in `year` begins."""
    return (year, 1) if fiscal_start == 1 else (year - 1, fiscal_start)


def _months_span(first: tuple[int, int], offset: int, length: int) -> tuple[date, date] | None:
    index = first[0] * 12 + first[1] - 1 + offset
    start = date(index // 12, index % 12 + 1, 1)
    after = index + length
    end = date(after // 12, after % 12 + 1, 1).toordinal() - 1
    return start, date.fromordinal(end)


def _read_period(
    text: str, month_end: bool, fiscal_start: int
) -> tuple[np.datetime64, Problem | None] | None:
    """Read a quarter or fiscal year as its first day, or its last with `month_end`; the column says so once."""
    period = period_of(text, fiscal_start)
    if period is None:
        return None
    day = period[1] if month_end else period[0]
    return np.datetime64(day, "D"), Problem("period_read_as_date", WARNING, {"read_as": day.isoformat()})


def _read_date_text(
    text: str, *, dayfirst: bool, proven: bool, month_end: bool = False, fiscal_start: int = 1
) -> tuple[np.datetime64, Problem | None]:
    """Read a date written in words or an unusual layout: '31 juil. 2026', 'July 31, 2022', 'Jul 2026'.

    A month alone ('Jul 2026', '07/2026') is its first day, or its last day with `month_end`; so is a quarter
    ('2025-Q2') or a fiscal year ('FY25'), unless `fiscal_start` is 0 (months only).
    """
    nat = np.datetime64("NaT", "D")
    period = _read_period(text, month_end, fiscal_start) if fiscal_start else None
    if period is not None:
        return period
    tokens = _date_tokens(text) if len(text) <= MAX_LENGTH else None
    if not tokens:
        return nat, None
    kinds, numbers, widths = "".join(t[0] for t in tokens), [t[1] for t in tokens], [t[2] for t in tokens]
    month = _month_of(tokens)
    if month:
        return (_last_day(*month) if month_end else _single_date(month[0], month[1], 1)), None
    if kinds == "nmn" and widths[0] <= 2 and widths[2] in (2, 4):
        return _single_date(numbers[2], numbers[1], numbers[0]), None
    if kinds == "mnn" and widths[1] <= 2 and widths[2] in (2, 4):
        return _single_date(numbers[2], numbers[0], numbers[1]), None
    if kinds == "nnn" and widths[0] == 4 and max(widths[1:]) <= 2:
        return _single_date(numbers[0], numbers[1], numbers[2]), None
    if kinds == "nnn" and max(widths[:2]) <= 2 and widths[2] in (2, 4):
        first, second, year = (np.array([n]) for n in numbers)
        dates, others, ambiguous = _numeric_dates(first, second, year, dayfirst, proven)
        warn = ambiguous[0] and not np.isnat(dates[0])
        return dates[0], (_ambiguity(dates[0], others[0]) if warn else None)
    return nat, None


def _read_dates(
    series: pd.Series, dayfirst: bool | None, months: bool, month_end: bool = False, fiscal_start: int = 1
) -> _Column:
    """Read a column of dates through the fast paths (ISO, dd/mm/yyyy, Excel serials), then the rest."""
    col = _Column(series, np.datetime64("NaT", "D"), "datetime64[D]")
    iso = col.pick(ISO_DATE)
    parts = [_ints(pc.utf8_slice_codeunits(col.cells(iso), a, b)) for a, b in ((0, 4), (5, 7), (8, 10))]
    col.values[iso] = _compose(*parts)
    numeric = col.pick(NUMERIC_DATE)
    triples = pc.extract_regex(col.cells(numeric), NUMERIC_DATE)
    first, second, year = (_ints(pc.struct_field(triples, name)) for name in ("a", "b", "y"))
    dayfirst, proven = _date_order(first, second, dayfirst, months)
    dates, others, ambiguous = _numeric_dates(first, second, year, dayfirst, proven)
    col.values[numeric] = dates
    for position, read_as, other in zip(numeric[ambiguous], dates[ambiguous], others[ambiguous], strict=True):
        if not np.isnat(read_as):
            col.report(np.array([position]), _ambiguity(read_as, other))
    serial = col.pick(PLAIN_NUMBER)
    number = _floats(col.cells(serial))
    in_range = (number >= 20000) & (number < 80000)
    col.values[serial[in_range]] = EXCEL_EPOCH + np.floor(number[in_range]).astype(np.int64)
    read = partial(
        _read_date_text, dayfirst=dayfirst, proven=proven, month_end=month_end, fiscal_start=fiscal_start
    )
    col.read_each(col.rest(), read)
    return col


def parse_dates(
    series: pd.Series, *, dayfirst: bool | None = None, month_end: bool = False, fiscal_start: int = 1
) -> Parsed:
    """Read dates, inferring day/month order from the column; warn where a value could be read both ways.

    A cell naming only a month ('juin 2026', 'June 2026', '06/2026'), a quarter ('2025-Q2', 'T2 2025',
    'Q2 FY25') or a fiscal year ('FY25', '2024/25') reads as its first day, or as its last day with
    `month_end` (for end dates and due dates); quarters and fiscal years are said once for the column.
    `fiscal_start` is the month a fiscal year begins.
    """
    col = _read_dates(series, dayfirst, months=False, month_end=month_end, fiscal_start=fiscal_start)
    col.report_unread(np.isnat(col.values), Problem("date_unreadable", WARNING))
    _say_once(col, "period_read_as_date")
    return col.parsed()


def parse_months(series: pd.Series) -> Parsed:
    """Read the month of cost lines ('2026-01', 'janv.-26', '01/2026', a date) as its first day; a quarter is
    no month."""
    return _each_distinct(series, _parse_months)


def _parse_months(series: pd.Series) -> Parsed:
    col = _read_dates(series, None, months=True, fiscal_start=0)
    col.values = col.values.astype("datetime64[M]").astype("datetime64[D]")
    col.report_unread(np.isnat(col.values), Problem("month_unreadable", ERROR))
    return col.parsed()


def _each_distinct(series: pd.Series, parse: Callable[[pd.Series], Parsed]) -> Parsed:
    """Parse each distinct cell of a column once and give every row its cell's value and problem: cost lines
    repeat a few dozen months over 100,000 rows. Only for a parser that reads each cell alone and judges the
    column by which texts it holds, not by how often (a month's order of day and month). Cells of another
    type than text are parsed as they are: 1, 1.0 and True would count as one."""
    if not isinstance(series.dtype, pd.StringDtype):
        return parse(series)
    codes, distinct = pd.factorize(series, use_na_sentinel=True)
    parsed = parse(pd.Series(distinct, dtype=series.dtype))
    values = parsed.values.to_numpy()
    empty = pd.Series([None], dtype=parsed.values.dtype).to_numpy()  # an empty cell's value
    spread = np.concatenate([values, empty])[codes]  # code -1, an empty cell, takes the last
    problems: dict[object, Problem] = {}
    if parsed.problems:
        rows = pd.Series(np.arange(len(codes))).groupby(codes).indices
        for code, problem in parsed.problems.items():
            problems.update(dict.fromkeys(series.index[rows[code]].tolist(), problem))
    return Parsed(pd.Series(spread, index=series.index, dtype=parsed.values.dtype), problems)


FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR = 1990, 2100
MAX_PROJECT_YEAR = 40  # "Année 40": a business case rarely runs further
_CALENDAR_YEAR = re.compile(r"(?:fy|exercice|annee|an|year|yr)? ?(\d{4})(?: 0)?")
_PROJECT_YEAR = re.compile(r"(?:annee|an|year|yr|y) ?(\d{1,2})|n(?: (\d{1,2}))?")


def year_from_header(text: object) -> int | None:
    """Return the year a business case's column header names: a calendar year ("2026", "FY2026",
    "Exercice 2026") or a year of the project ("Année 0", "Year 1", "Y2", "N", "N+1"), counted from 0."""
    raw = "" if text is None else str(text).strip()
    if not raw or len(raw) > 20:
        return None
    key = _key(raw.replace("+", " "))
    found = _CALENDAR_YEAR.fullmatch(key)
    if found:
        year = int(found[1])
        return year if FIRST_CALENDAR_YEAR <= year <= LAST_CALENDAR_YEAR else None
    found = _PROJECT_YEAR.fullmatch(key)
    # "N" (the year of the decision) and "N+1" count from it; "N°" or "n 1" are no year.
    if found and (found[1] is not None or re.fullmatch(r"N(?:\s*\+\s*\d{1,2})?", raw)):
        year = int(found[1] or found[2] or 0)
        return year if year <= MAX_PROJECT_YEAR else None
    return None


def month_from_header(text: object) -> date | None:
    """Return the month a wide-table column header names ('janv.-26', '2026-01', 'M01-2026'), else None."""
    raw = "" if text is None else str(text).strip()
    if len(raw) > MAX_LENGTH:
        return None
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}(?:[ T][\d:.]+)?", raw, re.A):
        year, month = int(raw[:4]), int(raw[5:7])
    else:
        numbered = re.fullmatch(r"[mM](\d{1,2})[-/ .](\d{4})", raw)
        tokens = _date_tokens(f"{numbered[1]}/{numbered[2]}" if numbered else raw)
        found = _month_of(tokens) if tokens else None
        if not found:
            return None
        year, month = found
    return date(year, month, 1) if 1 <= month <= 12 and 1 <= year <= 9999 else None


# --- Statuses, scales and vocabularies ---------------------------------------------------------------


@cache
def _status_words() -> dict[str, str | None]:
    table: dict[str, str | None] = _table({t.code: (t.code, t.en, t.fr, *t.synonyms) for t in STATUS})
    for word in STATUS_NOT_REPORTED:
        table.setdefault(_key(word), None)
    return table


# A status given as a 1-5 rating is read the way CIO ratings are (US IT Dashboard): 1 is the worst.
RATING_STATUS = {1: "red", 2: "red", 3: "amber", 4: "green", 5: "green"}
_RATING = re.compile(r"([1-5])(?:[.,]0+)?")


def _read_status(text: str) -> tuple[str | None, Problem | None]:
    for char in text:
        if char in STATUS_EMOJI:
            return STATUS_EMOJI[char], None
    rating = _RATING.fullmatch(text.strip())
    if rating:
        return RATING_STATUS[int(rating[1])], Problem("status_from_rating", WARNING)
    code = _lookup(_key(text), _status_words())
    return (None, Problem("status_unknown", WARNING)) if code == NOT_FOUND else (code, None)


def parse_status(series: pd.Series) -> Parsed:
    """Read a RAG status in any spelling (Vert, A/G, ☀️ Ensoleillé, 🔴) as green, amber or red; a 1-5 rating
    as a CIO rating, where 1 is the worst (1-2 red, 3 amber, 4-5 green), said once for the column."""
    col = _Column(series, None, "object")
    col.read_each(col.rest(), _read_status)
    _say_once(col, "status_from_rating")
    return col.parsed()


def _say_once(col: _Column, code: str) -> None:
    """Keep one note of `code` for the whole column, at its first cell, with how many cells it speaks for: a
    way of reading the column, not a problem of each cell."""
    labels = [label for label, problem in col.problems.items() if problem.code == code]
    if not labels:
        return
    first = min(labels)
    problem = col.problems[first]
    for label in labels:
        del col.problems[label]
    col.problems[first] = Problem(code, problem.severity, {**problem.params, "n": len(labels)})


PROBABILITY_FRACTIONS = (0.1, 0.3, 0.5, 0.7, 0.9)  # PMBOK defaults for levels 1-5 (DOMAIN.md)


def _scale_reading(text: str) -> tuple[str, float | None]:
    """Classify a scale cell: ('number', n), ('percent', fraction), ('three', level), ('word', level),
    ('bad', None) or ('unknown', None). Numbers are judged with the whole column (levels or fractions)."""
    stripped = text.strip()
    if stripped.endswith("%"):
        read = _read_number(stripped[:-1], comma_decimal=True, units=False)
        if read is None:
            return "unknown", None
        return ("percent", read[0] / 100) if 0 <= read[0] <= 100 else ("bad", None)
    read = _read_number(text, comma_decimal=True, units=False)
    if read is None and (leading := LEADING_NUMBER.fullmatch(text)):
        read = _read_number(leading[1], comma_decimal=True, units=False)
    if read is not None:
        return "number", read[0]
    key = _key(text)
    letters, three_letters = _scale_letters()
    if key in letters:  # "H", "VH", "TE": only as a whole cell
        return ("three" if key in three_letters else "word"), letters[key]
    five, three = _scale_words()
    level = _lookup(key, five)
    if level == NOT_FOUND:
        return "unknown", None
    return ("three" if key in three else "word"), level


def _nearest_level(fraction: float, fractions: tuple[float, ...]) -> int:
    """Return the level (1-5) whose probability is nearest to `fraction`; a tie goes to the higher level."""
    distances = [abs(fraction - level_fraction) for level_fraction in fractions]
    nearest = min(distances)
    return max(level for level, distance in enumerate(distances, 1) if distance <= nearest + 1e-9)


def parse_scale(
    series: pd.Series,
    *,
    three_level: tuple[int, int, int] | None = (1, 3, 5),
    fractions: tuple[float, ...] = PROBABILITY_FRACTIONS,
) -> Parsed:
    """Read risk probability or impact on 1-5 from numbers, words, letters or probabilities.

    Words and letters (VL/L/M/H/VH, TF/F/M/E/TE) take their five-level place, except that a column using
    only three levels (low/medium/high, L/M/H) maps them onto `three_level`; None turns that rule off.
    A probability ("30 %", or 0.3 in a column whose numbers are all fractions) reads as the level whose
    fraction in `fractions` is nearest, a tie going to the higher level.
    """
    if len(fractions) != 5:
        raise ValueError(f"fractions must give one probability per level 1-5, not {fractions!r}")
    if three_level is not None and len(three_level) != 3:
        raise ValueError(f"three_level must give three levels, not {three_level!r}")
    col = _Column(series, None, "object")
    readings = {text: _scale_reading(text) for text in pc.unique(col.text).drop_null().to_pylist()}
    only_three = three_level is not None and bool(readings)
    only_three = only_three and all(kind == "three" for kind, _ in readings.values())
    numbers = [value for kind, value in readings.values() if kind == "number"]
    fraction_column = all(0 <= n <= 1 for n in numbers) and any(0 < n < 1 for n in numbers)
    problems = {"bad": Problem("scale_out_of_range", ERROR), "unknown": Problem("scale_unknown", ERROR)}

    def read(text: str) -> tuple[int | None, Problem | None]:
        kind, value = readings[text]
        if only_three:
            key = _key(text)
            return three_level[int(_scale_words()[1].get(key) or _scale_letters()[1][key]) - 1], None
        if kind == "percent" or (kind == "number" and fraction_column):
            return _nearest_level(value, fractions), None
        if kind == "number":
            return (int(value), None) if value in (1, 2, 3, 4, 5) else (None, problems["bad"])
        return (None if value is None else int(value)), problems.get(kind)

    col.read_each(col.rest(), read)
    return col.parsed("Int64")


FREE_TERMS = ("category", "lifecycle")  # a word we do not know is kept as written


def _read_term(text: str, kind: str) -> tuple[str | None, Problem | None]:
    code = _lookup(_key(text), _terms(kind))
    if code != NOT_FOUND:
        return code, None
    if kind in FREE_TERMS:
        return _clean(text), None
    if kind == "risk_status":
        return "open", Problem("risk_status_unknown", WARNING)  # an unreadable status must not hide a risk
    if kind == "effort_unit":  # hours or weeks read as days would change a team's load: never guessed
        return None, Problem("effort_unit_unknown", ERROR)
    return None, Problem(f"{kind}_unknown", WARNING)


def parse_terms(series: pd.Series, kind: str) -> Parsed:
    """Read risk statuses, responses, cost types or categories as canonical codes (free categories kept)."""
    if kind not in ("risk_status", "response", "cost_type", "category", "lifecycle", "effort_unit"):
        raise ValueError(f"no vocabulary {kind!r} for parse_terms")
    keep = frozenset(word for word in EMPTY if _key(word) in _terms(kind))  # "sans objet" closes a risk
    col = _Column(series, None, "object", keep)
    col.read_each(col.rest(), partial(_read_term, kind=kind))
    return col.parsed()


# --- Flags, years, scores, text ----------------------------------------------------------------------


@cache
def _booleans() -> dict[str, bool]:
    return {word: answer for answer, words in ((True, YES_WORDS), (False, NO_WORDS)) for word in words}


def _read_bool(text: str) -> tuple[bool | None, Problem | None]:
    bare = text.replace("\ufe0f", "").strip().casefold()
    number = re.fullmatch(r"([01])(?:\.0*)?", bare)
    answer = _booleans().get(number[1] if number else bare, _booleans().get(_key(bare)))
    return (answer, None) if answer is not None else (None, Problem("not_a_boolean", WARNING))


def parse_bools(series: pd.Series) -> Parsed:
    """Read yes/no flags in English, French, 1/0 or a tick mark."""
    col = _Column(series, None, "object")
    col.read_each(col.rest(), _read_bool)
    return col.parsed("boolean")


def _read_year(text: str) -> tuple[int | None, Problem | None]:
    key = _key(text)
    span = _fiscal_span(key)
    if span is not None:  # "2024/25", "FY2024-25": a fiscal year is named by the year it ends in
        return span, None
    fiscal = re.fullmatch(r"fy ?(\d{2}|\d{4})", key)
    relative = re.fullmatch(r"(?:year|yr|y|annee|an|t) ?(\d{1,2})", key)
    number = _read_number(text, comma_decimal=True, units=False)
    value = number[0] if number else math.nan
    if fiscal:
        return int(_full_year(int(fiscal[1]))), None
    if relative:
        return int(relative[1]), None
    if value.is_integer() and (0 <= value <= 100 or 1900 <= value <= 2200):
        return int(value), None
    return None, Problem("not_a_year", ERROR)


def parse_integers(series: pd.Series) -> Parsed:
    """Read business-case periods: calendar years (2026, FY26) or years from the start (Year 1, An 1, 1)."""
    col = _Column(series, None, "object")
    col.read_each(col.rest(), _read_year)
    return col.parsed("Int64")


def _read_score(text: str) -> tuple[float, Problem | None]:
    number = _read_number(text, comma_decimal=True, units=False)
    if number is not None:
        return (number[0], None) if number[0] >= 0 else (math.nan, Problem("not_a_score", ERROR))
    level = _lookup(_key(text), _scale_words()[0])
    return (math.nan, Problem("not_a_score", ERROR)) if level == NOT_FOUND else (float(level), None)


def parse_scores(series: pd.Series) -> Parsed:
    """Read prioritisation inputs: non-negative scores (1-5, Fibonacci job sizes) or the five-level words."""
    col = _Column(series, math.nan, "float64")
    plain = col.pick(PLAIN_NUMBER)
    scores = _floats(col.cells(plain))
    negative = ~(np.isfinite(scores) & (scores >= 0))
    col.values[plain] = np.where(negative, math.nan, scores)
    col.report(plain[negative], Problem("not_a_score", ERROR))
    col.read_each(col.rest(), _read_score)
    return col.parsed()


def _clean(text: str) -> str:
    text = " ".join(text.split())
    return text[1:] if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@") else text


def clean_text(series: pd.Series) -> Parsed:
    """Tidy free text: drop control characters, trim, collapse spaces (NBSP too), undo the apostrophe that
    escapes a formula. Each distinct text once: cost lines name 5,000 projects over 100,000 rows."""
    return _each_distinct(series, _clean_text)


def _clean_text(series: pd.Series) -> Parsed:
    col = _Column(series, None, "object")
    text = pc.replace_substring_regex(pc.replace_substring_regex(col.text, CONTROL, ""), WHITESPACE, " ")
    text = pc.replace_substring_regex(text, r"^'([=+\-@])", r"\1")
    col.values[:] = text.to_pylist()
    return col.parsed()
