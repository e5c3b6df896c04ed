"""Amounts in another currency than the store's: converted at the rate the user gives, or not stored at all.

Never a silent mix. Each table says the currency of each of its amount fields (tables.Currency); the plan
converts those fields at the rate given for their currency, or leaves them empty when the user chose not to
store them, and refuses the import while a currency has no answer. A bare "$" says no more than "a dollar":
it is asked (US, Canadian, Australian...), never assumed.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from pmo_core.issues import ERROR, WARNING, Issue
from pmo_core.tables import TableRead

NOT_STORED = None  # the rate that says: do not store the amounts in this currency


def convert(
    table: TableRead, frame: pd.DataFrame, store: str, rates: dict[str, float | None], issues: list[Issue]
) -> tuple[pd.DataFrame, dict[str, float | None]]:
    """Return the table's records with each foreign amount converted or emptied, and the rates used."""
    used: dict[str, float | None] = {}
    chosen = {**dict(table.mapping.rates), **rates}  # the user's choice for this import wins a profile's
    converted = frame
    for currency in table.currencies:
        if currency.code == store or currency.field not in frame.columns:
            continue
        where = (table.file, table.sheet, currency.row, currency.header, currency.col, currency.value)
        if currency.code == "$":
            issues.append(Issue(ERROR, "currency_dollar", *where, params={"store": store}))
            continue
        if currency.code not in chosen:
            issues.append(
                Issue(ERROR, "currency_needs_rate", *where, params={"found": currency.code, "store": store})
            )
            continue
        rate = chosen[currency.code]
        converted = converted.copy() if converted is frame else converted
        amounts = pd.to_numeric(converted[currency.field], errors="coerce")
        if rate is NOT_STORED:
            converted[currency.field] = np.nan
        else:
            converted[currency.field] = amounts * float(rate)
        used[currency.code] = rate
    for code, rate in used.items():
        first = next(c for c in table.currencies if c.code == code)
        params = {"found": code, "store": store, "rate": rate if rate is not NOT_STORED else ""}
        issues.append(
            Issue(
                WARNING,
                "currency_converted" if rate is not NOT_STORED else "currency_not_stored",
                table.file,
                table.sheet,
                first.row,
                first.header,
                first.col,
                params=params,
            )
        )
    return converted, used


def parse_rate(text: str) -> tuple[str, float | None]:
    """Read "CAD=0.68" (1 CAD is worth 0.68 of the store's currency) or "CAD=none" (not stored)."""
    code, _, value = text.partition("=")
    code, value = code.strip().upper(), value.strip().replace(",", ".")
    if not code or not value:
        raise ValueError(text)
    if value.lower() in ("none", "skip", "no"):
        return code, NOT_STORED
    rate = float(value)
    if not np.isfinite(rate) or rate <= 0:
        raise ValueError(text)
    return code, rate
