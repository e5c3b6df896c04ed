"""Problems found in imported files, located to the cell, and worded in the user's language.

A parser reports a `Problem` about a value; the importer places it in a file, sheet, row and column
and it becomes an `Issue`. Errors block an import, warnings are kept with the batch.
The sentence for code `x` is `issue.x` in the translation table.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pmo_core import formatting
from pmo_core.i18n import t

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    """Something wrong with one value, before we know which cell it came from."""

    code: str
    severity: str = ERROR
    params: dict = field(default_factory=dict, hash=False, compare=False)


@dataclass(frozen=True)
class Figure:
    """A number in an issue's parameters, written as the reader's language writes it ("1,000" / "1 000")."""

    value: float
    decimals: int = 0


@dataclass(frozen=True)
class Issue:
    """An error or warning located in a file: sheet, Excel row number, column header and value."""

    severity: str
    code: str
    file: str = ""
    sheet: str | None = None
    row: int | None = None  # as Excel shows it (1-based); None for a whole-file or whole-column issue
    column: str | None = None  # the header as written in the file
    col_index: int | None = None  # 0-based absolute column (A = 0), to annotate the cell
    value: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == ERROR

    def where(self, lang: str = "en") -> str:
        """Return 'file, sheet « S », row 12, column « Budget »' in the user's language."""
        parts = [self.file] if self.file else []
        if self.sheet:
            parts.append(t("issue.where.sheet", lang, sheet=self.sheet))
        if self.row is not None:
            parts.append(t("issue.where.row", lang, row=self.row))
        if self.column:
            parts.append(t("issue.where.column", lang, column=self.column))
        return ", ".join(parts)

    def sentence(self, lang: str = "en") -> str:
        """Return the plain explanation of the problem, without its location."""
        params = {"value": self.value if self.value is not None else "", "column": self.column or ""}
        params.update(self.params)
        params.update(
            {
                name: formatting.number(v.value, lang, v.decimals)
                for name, v in params.items()
                if isinstance(v, Figure)
            }
        )
        entity = params.get("entity")
        if entity and "field" in params:  # a field's label in the user's words, not its internal name
            field = params["field"]
            params["field"] = (
                t("issue.field.project", lang) if field == "project" else t(f"field.{entity}.{field}", lang)
            )
        if (
            entity and "changed" in params
        ):  # (field, before, after) of each change, the field in the user's words
            params["changes"] = "; ".join(
                f"{t(f'field.{entity}.{name}', lang).lower()} {before} → {after}"
                for name, before, after in params["changed"]
            )
        if entity:
            params["entity"] = t(f"import.entity.{entity}", lang).lower()
        return t(f"issue.{self.code}", lang, **params)

    def message(self, lang: str = "en") -> str:
        where = self.where(lang)
        return f"{where}: {self.sentence(lang)}" if where else self.sentence(lang)

    def as_row(self, lang: str = "en") -> dict:
        """Return the issue as a row of the validation report."""
        return {
            "severity": self.severity,
            "file": self.file,
            "sheet": self.sheet or "",
            "row": self.row,
            "column": self.column or "",
            "value": self.value or "",
            "message": self.sentence(lang),
        }


def has_errors(issues: list[Issue]) -> bool:
    return any(issue.is_error for issue in issues)
