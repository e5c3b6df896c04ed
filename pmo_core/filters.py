"""The filters every page shares: portfolio, programme, manager and snapshot."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import duckdb

from pmo_core.store import CURRENT


@dataclass(frozen=True)
class Filters:
    portfolios: tuple[str, ...] = ()
    programmes: tuple[str, ...] = ()
    managers: tuple[str, ...] = ()
    as_of: date | None = None  # a snapshot date; None is the current state

    @property
    def state_date(self) -> str:
        """The date that selects this state in the *_at() table macros."""
        return self.as_of.isoformat() if self.as_of else CURRENT

    def project_clause(self, alias: str = "p") -> str:
        """Return the SQL condition on projects; its values come from params(), never from the text."""
        return (
            f"(len($portfolios) = 0 OR list_contains($portfolios, {alias}.portfolio))"
            f" AND (len($programmes) = 0 OR list_contains($programmes, {alias}.programme))"
            f" AND (len($managers) = 0 OR list_contains($managers, {alias}.manager))"
        )

    def params(self) -> dict:
        return {
            "portfolios": list(self.portfolios),
            "programmes": list(self.programmes),
            "managers": list(self.managers),
            "d": self.state_date,
        }

    def is_empty(self) -> bool:
        return not (self.portfolios or self.programmes or self.managers)


@dataclass(frozen=True)
class FilterOptions:
    portfolios: tuple[str, ...]
    programmes: tuple[str, ...]
    managers: tuple[str, ...]


def filter_options(
    con: duckdb.DuckDBPyConnection, as_of: date | None = None, portfolios: tuple[str, ...] = ()
) -> FilterOptions:
    """Return the values each filter offers in a state; programmes narrow to the chosen portfolios."""
    d = as_of.isoformat() if as_of else CURRENT
    rows = con.execute(
        """SELECT list(DISTINCT portfolio ORDER BY portfolio) FILTER (WHERE portfolio IS NOT NULL),
                  list(DISTINCT programme ORDER BY programme) FILTER (WHERE programme IS NOT NULL
                       AND (len($pf) = 0 OR portfolio IN (SELECT unnest($pf)))),
                  list(DISTINCT manager ORDER BY manager) FILTER (WHERE manager IS NOT NULL)
           FROM projects_at($d::DATE)""",
        {"d": d, "pf": list(portfolios)},
    ).fetchone()
    return FilterOptions(*(tuple(values or ()) for values in rows))
