"""Importing trackers: read each file in a sandbox, understand its tables, check everything, and say
what the import would change before anything is stored.

    reads = read_files([(path, "tracker.xlsx")], ReadOptions())
    plan = build_plan(con, reads, scope="partial", as_of=date(2026, 10, 31))
    if not plan.has_errors:
        snapshots.apply_plan(con, plan, actor)
"""

from __future__ import annotations

import re
from collections import Counter
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from functools import cached_property
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from pmo_core import currencies, origins, reading, sandbox
from pmo_core.annotate import is_summary_sheet
from pmo_core.fields import EFFORT_FIELDS, ENTITIES, fields_of, normalize_header, normalize_name
from pmo_core.issues import ERROR, WARNING, Figure, Issue
from pmo_core.layout import TableBlock, fill_merged_down, find_tables, is_readme_sheet
from pmo_core.mapping import Profile, TableMapping, apply_profile, assign_columns, guess_mapping
from pmo_core.repeats import merge_repeats, normal_text
from pmo_core.store import CURRENT, quote
from pmo_core.tables import (
    DERIVED_FIELDS,
    LOCATION_COLUMNS,
    WIDE_MEASURES,
    ReadContext,
    TableRead,
    add_up_lines,
    apply_title_unit,
    check_plausible,
    guess_wide_measure,
    read_table,
)
from pmo_core.values import effort_fte, month_from_header, parse_dates

SCOPES = ("partial", "full")
FUTURE_GRACE_DAYS = 7  # a report dated a few days ahead (the next committee) is usual; later is a typo
_FR_WORDS = re.compile(
    r"\b(projets?|intitules?|chef|avancement|meteo|echeances?|probabilites?|risques?|jalons?|couts?|consommes?|"
    r"realises?|portefeuilles?|statuts?|debut|fin prevue|reste a faire|budget initial|mois|mensuels?|prevus?|"
    r"janv|fevr|avr|juil|aout|sept|dec|janvier|fevrier|avril|juillet|octobre|novembre|decembre|"
    r"proprietaire|plan d action|categories?|donnees|suivi|feuil\d*|montants?|nature|libelle|responsable|"
    r"date de|impact brut|criticite|annee|exercice)\b"
)
_EN_WORDS = re.compile(
    r"\b(projects?|name|title|manager|start|finish|end|actuals?|forecast|status|risks?|probability|likelihood|"
    r"owner|milestones?|costs?|months?|planned|due|category|portfolio|program|progress|complete|sheet\d*|"
    r"amounts?|type|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|year|description|comments?)\b"
)
# The other languages a European PMO receives registers in: their dates are written day first.
_OTHER_WORDS = {
    "it": re.compile(
        r"\b(progett[oi]|rischi[oi]?|probabilita|impatto|responsabile|scadenza|descrizione|stato|avanzamento|"
        r"data|inizio|fine|costo|categoria|mitigazione)\b"
    ),
    "es": re.compile(
        r"\b(proyectos?|riesgos?|probabilidad|impacto|responsable|fecha|descripcion|estado|avance|inicio|"
        r"presupuesto|categoria|mitigacion)\b"
    ),
    "de": re.compile(
        r"\b(projekte?|risik[oe]n?|wahrscheinlichkeit|auswirkung|verantwortlich|beschreibung|status|fortschritt|"
        r"beginn|ende|kosten|kategorie|massnahmen|termin)\b"
    ),
}
DAY_FIRST_LANGUAGES = ("fr", "it", "es", "de")
COMMA_DECIMAL_LANGUAGES = ("fr", "it", "es", "de")
_DATE_TEXT = (
    r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}(?:er)?\s+[^\W\d_]+\.?\s+\d{4}"
    r"|[^\W\d_]+\.?\s+\d{1,2},?\s+\d{4}|[^\W\d_]+\.?\s+\d{4}"
)
_MONTH_YEAR = re.compile(r"\b[^\W\d_]{3,}\.?\s+\d{4}\b")
_AS_OF = re.compile(
    r"(?:\bau\b|\bdu\b|as of|as at|situation|état au|etat au|arrêté au|status date|reporting date|"
    r"report date|date de situation)\s*:?\s*(" + _DATE_TEXT + ")",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ReadOptions:
    """How to read the files of one import, and what the user chose on the mapping screen."""

    lenient: bool = False  # unreadable values become empty, each one listed as a warning
    include_hidden: bool = False
    three_level: tuple[int, int, int] = (1, 3, 5)
    max_rows: int = 200_000
    max_bytes: int = 50 * 2**20
    currency: str = "EUR"
    fractions: tuple[float, ...] = (0.1, 0.3, 0.5, 0.7, 0.9)
    memory_mb: int = 2048
    timeout_s: float = 120.0
    profiles: tuple[Profile, ...] = ()
    glossary: tuple[tuple[str, str, str], ...] = ()  # the PMO's terms tied to a field (glossary.synonyms)
    overrides: dict[str, TableMapping] = field(default_factory=dict)  # "file::sheet!row" -> mapping
    shapes: dict[str, str] = field(
        default_factory=dict
    )  # "file::sheet@row:col" -> "auto", "none", "transposed"
    fiscal_start: int = 1  # the month a fiscal year begins
    dollar: str | None = None  # what a bare "$" means (USD, CAD, AUD...), once the user says
    working_days: float = 20.0  # a month's working days: person-days over it give FTE
    max_team_fte: float = 1000.0  # a capacity or demand line above it is a cell typed wrong
    # Send the sheets back instead of understanding them: the mapping screen understands them with reread(),
    # again under each new choice, without reading the bytes again.
    keep_source: bool = False


@dataclass(frozen=True, eq=False)
class Source:
    """A file as read from its bytes: what the mapping screen reads again, another way, without the sandbox."""

    workbook: reading.Workbook
    scan: reading.WorkbookScan


@dataclass
class FileRead:
    """One file as the importer understood it."""

    name: str
    sha256: str = ""
    size: int = 0
    kind: str = ""
    tables: list[TableRead] = field(default_factory=list)
    issues: list[Issue] = field(default_factory=list)
    language: str = "en"
    as_of_hint: date | None = None
    hidden_sheets: list[str] = field(default_factory=list)
    notes_sheets: list[str] = field(default_factory=list)  # read-me, notes and example sheets, not data
    source: Source | None = None  # kept when ReadOptions.keep_source asks for it
    memo: dict = field(default_factory=dict, repr=False, compare=False)  # what reread() need not redo
    path: Path | None = None  # the uploaded file, kept with the batch that stores it (see uploads)

    @property
    def all_issues(self) -> list[Issue]:
        return self.issues + [issue for table in self.tables for issue in table.issues]


def read_options(con: duckdb.DuckDBPyConnection, **choices) -> ReadOptions:
    """Return the reading options the store's settings and saved profiles give, with the user's choices."""
    from pmo_core import glossary, settings
    from pmo_core.profiles import load_profiles

    return ReadOptions(
        three_level=settings.three_level(con),
        max_rows=settings.get(con, "max_rows_per_sheet"),
        max_bytes=settings.get(con, "max_upload_mb") * 2**20,
        currency=settings.get(con, "currency"),
        fractions=settings.get(con, "probability_fractions"),
        fiscal_start=settings.get(con, "fiscal_year_start_month"),
        working_days=settings.get(con, "working_days_per_month"),
        max_team_fte=settings.get(con, "max_team_fte"),
        profiles=tuple(load_profiles(con)),
        glossary=glossary.synonyms(con),
        **choices,
    )


def override_key(file_name: str, table_key: str) -> str:
    return f"{file_name}::{table_key}"


def read_files(files: list[tuple[Path, str]], options: ReadOptions = ReadOptions()) -> list[FileRead]:
    """Read each file in a child process with memory and time limits, so no file can harm the server."""
    results = []
    for path, name in files:
        try:
            result = sandbox.run_isolated(
                analyse_file,
                Path(path),
                name,
                options,
                memory_mb=options.memory_mb,
                timeout_s=options.timeout_s,
            )
        except reading.UnreadableFile as exc:
            result = FileRead(name=name, issues=[Issue(ERROR, exc.code, name, params=dict(exc.params))])
        result.path = Path(path)
        results.append(result)
    return results


def reread(read: FileRead, options: ReadOptions) -> FileRead:
    """Understand a file read earlier again under new choices (a column's field, a table's role or shape),
    without reading its bytes again: only the tables whose choices changed are read anew.

    The bytes were parsed in the sandbox; what runs here is our own reading of strings.
    """
    if read.source is None:
        return read
    again = understand(read.name, read.source, options, memo=read.memo)
    again.source, again.memo, again.path = read.source, read.memo, read.path
    return again


def analyse_file(path: Path, name: str, options: ReadOptions) -> FileRead:
    """Read one file and return its tables, mappings, records and problems (runs in the sandbox)."""
    reading.check_container(path, name, max_rows=options.max_rows, max_bytes=options.max_bytes)
    # The formula scan unzips the sheets a second time: it runs beside the reading, once the zip is known safe.
    scan = _scanner.submit(reading.scan_workbook, path)
    searches: dict[str, Future] = {}

    def search(sheet: reading.Sheet) -> None:
        """Look for the tables of a sheet as soon as it is read, while the largest one is still being parsed."""
        if _sheet_role(sheet, options) == "data":
            shapes = _shapes_of(name, sheet.name, options)
            searches[sheet.name] = _workers.submit(find_tables, sheet, shapes)

    workbook = reading.read_file(
        path, name, max_rows=options.max_rows, max_bytes=options.max_bytes, on_sheet=search
    )
    source = Source(workbook, scan.result())  # done by now: it inflates the sheets while calamine parses them
    memo: dict = {}
    for sheet in workbook.sheets:
        if sheet.name in searches:
            shapes = _frozen(_shapes_of(name, sheet.name, options))
            memo[("tables", sheet.name, shapes)] = searches[sheet.name].result()
    if options.keep_source:  # the tables found travel back; what is keyed by an object's id would not
        kept = FileRead(name=name, sha256=workbook.sha256, size=workbook.size, kind=workbook.kind)
        kept.source, kept.memo = source, memo
        return kept
    return understand(name, source, options, memo=memo)


def _frozen(shapes: dict) -> tuple:
    return tuple(sorted(shapes.items()))


# Sheets that hold help rather than records: an example row in them is not data.
_NOTES_SHEET = re.compile(
    r"^(?:read ?me|lisez ?moi|notes?|instructions?|help|aide|guide|mode d emploi|legend|legende|examples?|"
    r"exemples?|samples?|about|a propos|documentation|changelog|version)\b"
)


def _sheet_role(sheet: reading.Sheet, options: ReadOptions) -> str:
    """Say whether a sheet is searched for tables ("data"), skipped as hidden, or a sheet of notes."""
    if not sheet.visible and not options.include_hidden:
        return "hidden"
    if is_readme_sheet(sheet.name) or is_summary_sheet(sheet):
        # (our template's help and the problem list of an error workbook sent back corrected are not records)
        return "template"
    if _NOTES_SHEET.match(normalize_header(sheet.name)[0]):
        return "notes"
    return "data"


def _shapes_of(name: str, sheet: str, options: ReadOptions) -> dict[tuple[int, int], str]:
    """Return the shape the user chose for each region of a sheet, by its top-left cell."""
    prefix = override_key(name, f"{sheet}@")
    found = {}
    for key, shape in options.shapes.items():
        if key.startswith(prefix) and shape != "auto":
            row, _, col = key[len(prefix) :].partition(":")
            found[(int(row), int(col))] = shape
    return found


MEMO_LIMIT = 4000  # entries kept per file between rereads; past it, the memo starts afresh


def understand(name: str, source: Source, options: ReadOptions, memo: dict | None = None) -> FileRead:
    """Find the tables of every sheet, map and read them, and say what was left out.

    `memo` keeps what does not change between two calls with other choices: the tables of a sheet for the
    same shapes, the reading of a table for the same mapping and context.
    """
    memo = {} if memo is None else memo
    if len(memo) > MEMO_LIMIT:
        memo.clear()
    workbook, scan = source.workbook, source.scan
    result = FileRead(name=name, sha256=workbook.sha256, size=workbook.size, kind=workbook.kind)
    profiles = {p.signature: p for p in options.profiles}
    found: list[TableBlock] = []
    for sheet in workbook.sheets:
        role = _sheet_role(sheet, options)
        if role == "hidden":
            result.hidden_sheets.append(sheet.name)
        elif role == "notes" and _looks_tabular(sheet):
            result.notes_sheets.append(sheet.name)
        if role != "data":
            continue
        blocks = _sheet_tables(name, sheet, options, profiles, scan.merges, memo)
        found.extend(blocks)
        result.issues.extend(_unread_issues(name, sheet, blocks))
    key = ("file", tuple(id(block) for block in found))
    if key not in memo:
        language = guess_language(workbook, found)
        dayfirst = True if language in DAY_FIRST_LANGUAGES else None
        as_of, stated = guess_as_of(workbook, found, dayfirst=dayfirst)
        memo[key] = (language, dayfirst, as_of, stated, guess_decimal(found, language))
    result.language, dayfirst, result.as_of_hint, stated, decimal = memo[key]
    if result.as_of_hint and dayfirst is None and _day_or_month(stated):
        # "03/04/2026" in an English file: 3 April or March 4? The date stays editable; the user is told.
        result.issues.append(
            Issue(
                WARNING,
                "as_of_ambiguous",
                name,
                value=stated,
                params={"as_of": result.as_of_hint.isoformat()},
            )
        )
    ctx = ReadContext(
        file=name,
        dayfirst=dayfirst,
        lenient=options.lenient,
        three_level=options.three_level,
        decimal=decimal,
        currency=options.currency,
        fractions=options.fractions,
        fiscal_start=options.fiscal_start,
        dollar=options.dollar,
        working_days=options.working_days,
        max_team_fte=options.max_team_fte,
    )
    saved = repr(options.profiles)  # a profile saved since the last reading changes the guesses
    mapped = [(block, _mapping_of(block, name, options, profiles, ctx, memo, saved)) for block in found]
    # A risk column is read as a whole, and so is the same column spread over several tables (one fiche
    # per project): "Forte" then takes the same level in every table of the file.
    ctx = replace(ctx, five_level_fields=_five_level_fields(mapped))
    form_projects: dict[str, str] = {}

    def read_in_context(pair: tuple[TableBlock, TableMapping]) -> TableRead:
        block, mapping = pair
        context = replace(ctx, project_code=form_projects.get(block.sheet))
        key = ("read", id(block), mapping, context)
        if key not in memo:
            memo[key] = read_table(block, mapping, context)
        return memo[key]

    # Forms first: the risks listed under a "fiche projet" belong to the project of the fiche.
    for pair in mapped:
        if pair[0].form:
            table = read_in_context(pair)
            if pair[1].entity == "projects" and table.frame is not None and len(table.frame):
                code = table.frame["code"].iloc[0]
                if isinstance(code, str):
                    form_projects[pair[0].sheet] = code
            result.tables.append(table)
    # Largest table first: it is the longest to parse, and the small ones fit beside it.
    tables = sorted((pair for pair in mapped if not pair[0].form), key=lambda pair: -pair[0].data.size)
    result.tables.extend(_workers.map(read_in_context, tables))
    result.tables.sort(key=lambda t: (workbook_order(workbook, t.sheet), t.header_row, t.col))
    result.issues.extend(_formula_issues(scan, name, mapped))
    if not any(t.mapping.entity for t in result.tables):
        result.issues.append(Issue(WARNING, "no_table_recognised", name))
    return result


def _unread_issues(name: str, sheet: reading.Sheet, blocks: list[TableBlock]) -> list[Issue]:
    """Say which data a sheet holds that no header row makes a table: the whole sheet, or some rows."""
    if all(block.unread for block in blocks):
        return [Issue(WARNING, "sheet_not_read", name, sheet.name)] if _looks_tabular(sheet) else []
    issues = []
    for block in blocks:
        if block.unread:
            last = int(block.data.index[-1]) if len(block.data) else block.header_row + 1
            params = {"last": last}
            issues.append(
                Issue(WARNING, "rows_not_read", name, sheet.name, block.header_row + 1, params=params)
            )
    return issues


def _sheet_tables(
    name: str,
    sheet: reading.Sheet,
    options: ReadOptions,
    profiles: dict[str, Profile],
    merges: list[reading.MergedRange],
    memo: dict,
) -> list[TableBlock]:
    """Return the tables of a sheet under the shapes the user chose, or a saved profile did for a region
    read with no header row or transposed (found by that region's own signature)."""
    shapes = _shapes_of(name, sheet.name, options)
    blocks = _find(sheet, shapes, merges, memo)
    chosen = {}
    for block in blocks:
        for shape, signature in block.signatures:
            profile = profiles.get(signature)
            wanted = profile is not None and profile.shape == shape != block.shape
            if wanted and block.origin not in shapes:
                chosen[block.origin] = shape
    if chosen:
        blocks = _find(sheet, {**chosen, **shapes}, merges, memo)
    return blocks


def _find(
    sheet: reading.Sheet, shapes: dict, merges: list[reading.MergedRange], memo: dict
) -> list[TableBlock]:
    key = ("tables", sheet.name, _frozen(shapes))
    if key not in memo:
        memo[key] = find_tables(sheet, shapes)
    filled = ("filled", *key)
    if filled not in memo:  # a value merged down over several rows belongs to each of them
        memo[filled] = [fill_merged_down(block, merges) for block in memo[key]] if merges else memo[key]
    return memo[filled]


def _looks_tabular(sheet: reading.Sheet) -> bool:
    """Tell a sheet of data (two rows of two cells or more) from a sheet of notes or a logo."""
    return int((sheet.frame.notna().sum(axis=1) >= 2).sum()) >= 2


def table_key(block: TableBlock) -> str:
    """Return the key of a table within its file, as TableRead.key gives it."""
    return f"{block.sheet}!{block.header_row}" + (f"+{block.first_col}" if block.first_col else "")


def _mapping_of(
    block: TableBlock,
    name: str,
    options: ReadOptions,
    profiles: dict,
    ctx: ReadContext,
    memo: dict,
    saved: str = "",
) -> TableMapping:
    """Return how a table's columns are read: the guess, a saved profile, then the user's own choice."""
    key = ("mapping", id(block), ctx, saved)
    if key not in memo:
        mapping = guess_mapping(
            list(block.headers),
            sheet_name=block.sheet,
            month_columns=block.month_columns,
            year_columns=block.year_columns,
            signature=block.signature,
            shape=block.shape,
            glossary=options.glossary,
        )
        if block.form and mapping.entity != "projects":  # a fiche projet labels a project's own fields
            columns, _ = assign_columns("projects", list(block.headers), glossary=options.glossary)
            mapping = replace(mapping, entity="projects", columns=tuple(columns))
        if mapping.signature in profiles:
            mapping = apply_profile(mapping, profiles[mapping.signature])
        mapping = apply_title_unit(block, check_plausible(block, mapping, ctx))
        if mapping.month_columns and mapping.wide_measure is None:
            mapping = replace(mapping, wide_measure=guess_wide_measure(block))
        memo[key] = mapping
    return options.overrides.get(override_key(name, table_key(block)), memo[key])


def _five_level_fields(mapped: list[tuple[TableBlock, TableMapping]]) -> frozenset[str]:
    """Return the risk scale fields that some table of the file writes with five-level words."""
    from pmo_core.values import parse_scale

    found = set()
    for block, mapping in mapped:
        for column in mapping.columns:
            if mapping.entity != "risks" or column.field not in SCALE_FIELDS:
                continue
            cells = block.data[column.col_index]
            words = cells.dropna().astype(str).str.contains(r"[^\W\d_]", regex=True)
            if words.any() and parse_scale(cells, three_level=(1, 3, 5)).values.equals(
                parse_scale(cells, three_level=None).values
            ):
                found.add(column.field)
    return frozenset(found)


SCALE_FIELDS = ("probability", "impact", "residual_probability", "residual_impact")


_scanner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="formula-scan")
# Sheets, and then tables, are independent: two are read at once, since most of their work is Arrow's
# and numpy's, which runs outside the GIL.
_workers = ThreadPoolExecutor(max_workers=2, thread_name_prefix="table-reader")


def _formula_issues(
    scan: reading.WorkbookScan, name: str, mapped: list[tuple[TableBlock, TableMapping]]
) -> list[Issue]:
    """Warn about the cells read as empty because their formula has no saved result or shows an Excel error:
    at each cell of a column that is stored (past the first thousand of a column, how many more there are),
    once per column for a column that is not."""
    if not scan.gaps:
        return []
    # A column may be read by several tables stacked in one sheet: each gap goes to the table holding its row.
    stored: dict[tuple[str, int], list[tuple[TableBlock, str]]] = {}
    unstored: dict[tuple[str, int], list[tuple[TableBlock, str]]] = {}
    for block, mapping in mapped:
        if block.shape == "transposed":
            continue  # its columns are records: a gap is placed by the cells of its records
        kept = {c.col_index for c in mapping.columns if c.field and c.field not in DERIVED_FIELDS}
        kept |= {*dict(mapping.month_columns), *dict(mapping.year_columns)}
        derived = {c.col_index for c in mapping.columns if c.field in DERIVED_FIELDS}
        for col, header in block.headers:
            if mapping.entity and col in derived:
                continue  # recomputed from other columns: its formulas lose nothing
            target = stored if mapping.entity and col in kept else unstored
            target.setdefault((block.sheet, col), []).append((block, header))
    issues = []
    once: dict[tuple[str, int], list] = {}
    for gap in scan.gaps:
        found = [
            header for block, header in stored.get((gap.sheet, gap.col), []) if gap.row in block.data.index
        ]
        if found:
            code = "excel_error" if gap.kind == "error" else "formula_no_value"
            issues.append(Issue(WARNING, code, name, gap.sheet, gap.row, found[0], gap.col, gap.value))
            continue
        owner = [
            header for block, header in unstored.get((gap.sheet, gap.col), []) if gap.row in block.data.index
        ]
        if owner and gap.kind == "no_value":
            once.setdefault((gap.sheet, gap.col), [owner[0], gap, 0])[2] += 1
    for (sheet, col), (header, gap, count) in once.items():
        total = count + scan.more.get((sheet, col), 0)
        issues.append(
            Issue(
                WARNING,
                "formula_no_value_unstored",
                name,
                sheet,
                gap.row,
                header,
                col,
                gap.value,
                params={"n": total},
            )
        )
    for (sheet, col), count in scan.more.items():
        if (sheet, col) in stored:
            header = stored[(sheet, col)][0][1]
            issues.append(
                Issue(WARNING, "formula_gaps_more", name, sheet, None, header, col, params={"n": count})
            )
    return issues


def workbook_order(workbook: reading.Workbook, sheet: str) -> int:
    names = [s.name for s in workbook.sheets]
    return names.index(sheet) if sheet in names else len(names)


def guess_language(workbook: reading.Workbook, blocks: list[TableBlock]) -> str:
    """Say whether a file is written in French (dates read day-first), English, or Italian, Spanish or
    German (day-first too, decimal commas), by the words of its sheet names, headers and titles."""
    texts = [sheet.name for sheet in workbook.sheets]
    for block in blocks:
        texts.extend(h for _, h in block.headers)
        if block.title:
            texts.append(block.title)
    words = normalize_header(" ".join(texts))[0]
    counts = {"fr": len(_FR_WORDS.findall(words)), "en": len(_EN_WORDS.findall(words))}
    counts.update({lang: len(pattern.findall(words)) for lang, pattern in _OTHER_WORDS.items()})
    best = max(("fr", "it", "es", "de"), key=lambda lang: counts[lang])
    return best if counts[best] >= 2 and counts[best] >= counts["en"] else "en"


# Amounts typed as text that only one decimal separator can read. A plain "12.5" is not evidence: an Excel
# number cell reads so in every language.
_COMMA_DECIMAL = r"^-?(?:0,\d+|\d+,(?:\d{1,2}|\d{4,})|\d{1,3}(?:[ \x{a0}\x{202f}]\d{3})+,\d+)(?:\s?€)?$"
_POINT_DECIMAL = r"^-?[$£]?(?:\d{1,3}(?:,\d{3})+\.\d+|\d+\.\d+\s?(?:[$£€]|k€|m€))$"
DECIMAL_SAMPLE_ROWS = 500


def guess_decimal(blocks: list[TableBlock], language: str) -> str:
    """Say how the file writes decimals: as its amounts typed as text show, else as its language does.

    English headers over a French export ("1 234,56", "0,5") would otherwise read "4,500" as 4500.
    """
    cells = [
        block.data.head(DECIMAL_SAMPLE_ROWS).to_numpy(dtype=object).ravel()
        for block in blocks
        if not block.form
    ]
    if not cells:
        return "," if language in COMMA_DECIMAL_LANGUAGES else "."
    text = pa.array(np.concatenate(cells), type=pa.string(), from_pandas=True)
    comma = pc.sum(pc.match_substring_regex(text, _COMMA_DECIMAL)).as_py() or 0
    point = pc.sum(pc.match_substring_regex(text, _POINT_DECIMAL)).as_py() or 0
    if comma != point:
        return "," if comma > point else "."
    return "," if language in COMMA_DECIMAL_LANGUAGES else "."


AS_OF_LABELS = (
    "as of",
    "as at",
    "date de situation",
    "situation au",
    "status date",
    "reporting date",
    "report date",
    "etat au",
    "arrete au",
    "date d arrete",
    "date du reporting",
    "date de reporting",
    "date du point",
)


def guess_as_of(
    workbook: reading.Workbook, blocks: list[TableBlock], dayfirst: bool | None = None
) -> tuple[date | None, str | None]:
    """Find the reporting date a file states, and the text it was read from: a label with the date beside it
    ("As of" | 31/10/2026, as our template's README has it), or a title ("Comité de pilotage du 18/11/2026",
    "Status date: 30 June 2026")."""
    for sheet in workbook.sheets:
        frame = sheet.frame
        if frame.empty or len(frame) > 200:
            continue
        for row in frame.head(40).itertuples(index=False):
            cells = [c.strip() for c in row if isinstance(c, str) and c.strip()]
            for label, value in zip(cells, cells[1:], strict=False):
                if normalize_header(label)[0] in AS_OF_LABELS:
                    found = _parse_hint_date(value, dayfirst)
                    if found:
                        return found, value
    titles = [block.title or "" for block in blocks] + [sheet.name for sheet in workbook.sheets]
    for text in titles:
        # The last date stated wins: "du 01/03/2026 au 31/03/2026" reports as of the period's end.
        for match in reversed(list(_AS_OF.finditer(text))):
            found = _parse_hint_date(match.group(1), dayfirst)
            if found:
                return found, match.group(1)
    for text in titles:  # a monthly report's title names its month: "Suivi des projets - juin 2026"
        months = {m.group(0) for m in _MONTH_YEAR.finditer(text) if month_from_header(m.group(0))}
        if len(months) == 1:
            month = months.pop()
            return _parse_hint_date(month, dayfirst), month
    return None, None


def _day_or_month(text: str | None) -> bool:
    """Tell whether a numeric date reads two ways: "03/04/2026" (both parts 12 or less, and different)."""
    found = re.fullmatch(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-]\d{2,4}\s*", text or "")
    return bool(found) and int(found[1]) <= 12 and int(found[2]) <= 12 and int(found[1]) != int(found[2])


def _parse_hint_date(text: str, dayfirst: bool | None = None) -> date | None:
    """Read a stated reporting date; a month alone ("juin 2026") is its last day, or today within it."""
    text = text.strip()[:40]
    month_only = re.fullmatch(r"([^\W\d_]+\.?)\s+(\d{4})", text)
    parsed = parse_dates(pd.Series([text], index=[0]), dayfirst=dayfirst, month_end=bool(month_only)).values[
        0
    ]
    if pd.isna(parsed):
        return None
    found = pd.Timestamp(parsed).date()
    return min(found, date.today()) if month_only else found  # "mise à jour novembre" during November


# --------------------------------------------------------------------------------------------------
# The plan: everything an import would do, checked against the store, before anything is written.


@dataclass
class ImportPlan:
    """What an import would store, and what it would change."""

    files: list[FileRead]
    frames: dict[str, pd.DataFrame]  # canonical rows per entity, project references resolved
    coverage: pd.DataFrame  # entity, project_code, present
    changes: pd.DataFrame  # project_code, name, change: added / updated / removed / unchanged
    issues: list[Issue]
    scope: str
    as_of: date
    rates: dict[str, float | None] = field(default_factory=dict)  # currency -> rate used (None: not stored)
    store_currency: str = "EUR"
    # Every updated project described by the files: its name, portfolio, manager, budget, forecast and status
    # before and after (columns "<field>_before" and "<field>_after").
    updates: pd.DataFrame = field(default_factory=pd.DataFrame)
    # Where each record comes from: its table (the frames' `_src`), and the cells its tables' columns do not tell.
    origins: origins.ImportOrigins = field(default_factory=origins.ImportOrigins)
    # Every team whose capacity the files restate: team, change (added / updated / removed / unchanged).
    team_changes: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(columns=["team", "change"]))

    @property
    def has_errors(self) -> bool:
        return any(issue.is_error for issue in self.issues)

    @property
    def errors(self) -> list[Issue]:
        return [issue for issue in self.issues if issue.is_error]

    @property
    def warnings(self) -> list[Issue]:
        return [issue for issue in self.issues if not issue.is_error]

    def counts(self) -> dict[str, int]:
        return {entity: len(frame) for entity, frame in self.frames.items()}

    def change_counts(self) -> dict[str, int]:
        counts = self.changes["change"].value_counts().to_dict() if len(self.changes) else {}
        return {kind: int(counts.get(kind, 0)) for kind in ("added", "updated", "removed", "unchanged")}

    def team_change_counts(self) -> dict[str, int]:
        """Count the teams whose capacity the import adds, updates, removes or restates unchanged."""
        counts = self.team_changes["change"].value_counts().to_dict() if len(self.team_changes) else {}
        return {kind: int(counts.get(kind, 0)) for kind in ("added", "updated", "removed", "unchanged")}


def build_plan(
    con: duckdb.DuckDBPyConnection,
    reads: list[FileRead],
    *,
    scope: str = "partial",
    as_of: date | None = None,
    rates: dict[str, float | None] | None = None,
) -> ImportPlan:
    """Check the files against each other and the store, and say what importing them would change.

    `rates` gives, for each currency the files write other than the store's, what 1 unit is worth in the
    store's currency, or None to store none of those amounts.
    """
    from pmo_core import settings

    if scope not in SCOPES:
        raise ValueError(f"scope must be one of {SCOPES}")
    as_of = as_of or as_of_default(reads)
    issues = [issue for read in reads for issue in read.all_issues]
    store_currency = settings.get(con, "currency")
    frames, used_rates, found = _collect(reads, store_currency, rates or {}, issues)
    current = current_projects(con, as_of)
    latest = con.execute("SELECT max(as_of) FROM batches WHERE rolled_back_at IS NULL").fetchone()[0]
    if as_of > date.today() + timedelta(days=FUTURE_GRACE_DAYS):
        issues.append(
            Issue(
                WARNING,
                "as_of_in_future",
                reads[0].name if reads else "",
                params={"as_of": as_of.isoformat()},
            )
        )
    if latest is not None and as_of < latest:
        issues.append(
            Issue(
                WARNING,
                "older_than_latest",
                reads[0].name if reads else "",
                params={"as_of": as_of.isoformat(), "latest": latest.isoformat()},
            )
        )
    history_names = known_names(con)
    frames["projects"] = _match_known_codes(frames["projects"], current, issues, found)
    frames["projects"] = merge_repeats(frames["projects"], "projects", issues)
    _check_duplicate_projects(frames["projects"], issues)
    frames["projects"] = _complete_projects(frames["projects"], as_of, found)
    file_codes = set(frames["projects"]["code"].dropna().tolist())  # tolist: Arrow strings iterate slowly
    index = _ProjectIndex(frames["projects"], current, history_names)
    teams = current_teams(con, as_of)
    frames["resources"] = _match_known_teams(frames["resources"], teams, issues)
    known_teams = [*teams, *frames["resources"]["team"].dropna().unique().tolist()]
    frames["demand"] = _match_known_teams(frames["demand"], known_teams, issues)
    for entity in ("milestones", "risks", "costs", "business_case", "demand"):
        frames[entity] = merge_repeats(_resolve_projects(frames[entity], index, issues), entity, issues)
    frames["resources"] = merge_repeats(frames["resources"], "resources", issues)
    frames["risks"] = _complete_risks(frames["risks"], found)
    frames["costs"] = _merge_duplicate_costs(frames["costs"], issues, found)
    for entity in EFFORT_FIELDS:
        frames[entity] = _merge_duplicate_efforts(frames[entity], entity, issues)
    _check_demand_against_capacity(con, frames, as_of, found, issues)
    if not any(len(f) for f in frames.values()) and not any(issue.is_error for issue in issues):
        # An empty batch would still become the latest snapshot and turn every project grey as not reported.
        issues.append(Issue(ERROR, "nothing_to_import", ", ".join(read.name for read in reads)))
    elif scope == "full" and not len(frames["projects"]):
        issues.append(Issue(ERROR, "full_scope_needs_projects", reads[0].name if reads else ""))
    present = {
        entity for read in reads for t in read.tables if t.frame is not None and (entity := t.mapping.entity)
    }
    coverage = _coverage(reads, frames, present, current, scope, teams)
    changes = _changes(con, frames, coverage, current, file_codes)
    team_changes = _team_changes(con, frames["resources"], coverage, as_of)
    updates = _updates(con, frames["projects"], changes, as_of, issues)
    return ImportPlan(
        reads,
        frames,
        coverage,
        changes,
        _locate_columns(issues, reads),
        scope,
        as_of,
        rates=used_rates,
        store_currency=store_currency,
        updates=updates,
        origins=found,
        team_changes=team_changes,
    )


UPDATE_FIELDS = ("name", "portfolio", "manager", "budget", "forecast_at_completion", "status")
IDENTITY_FIELDS = (
    "name",
    "portfolio",
    "manager",
)  # a change of these may mean the code names another project


def _updates(
    con: duckdb.DuckDBPyConnection,
    projects: pd.DataFrame,
    changes: pd.DataFrame,
    as_of: date,
    issues: list[Issue],
) -> pd.DataFrame:
    """Return, for each updated project the files describe, its main fields before and after; warn where its
    name, portfolio or manager changes, since the code may then name another project."""
    columns = ["project_code"] + [f"{f}_{when}" for f in UPDATE_FIELDS for when in ("before", "after")]
    updated = changes.loc[changes["change"] == "updated", "project_code"]
    after = projects.loc[projects["code"].isin(updated)].drop_duplicates("code")
    if after.empty:
        return pd.DataFrame(columns=columns)
    before = con.execute(
        f"SELECT code, {', '.join(UPDATE_FIELDS)} FROM projects_at($d::DATE) "  # noqa: S608 - fixed names
        "WHERE code IN (SELECT unnest($codes))",
        {"d": as_of, "codes": after["code"].tolist()},
    ).df()
    merged = after[["code", *UPDATE_FIELDS, "_file", "_sheet", "_row"]].merge(
        before, on="code", how="left", suffixes=("_after", "_before")
    )
    merged = merged.rename(columns={"code": "project_code"})
    for row in merged.to_dict("records"):
        changed = [
            (name, row[f"{name}_before"], row[f"{name}_after"])
            for name in IDENTITY_FIELDS
            if _differs(row[f"{name}_before"], row[f"{name}_after"])
        ]
        if changed:
            issues.append(
                Issue(
                    WARNING,
                    "project_identity_changed",
                    row["_file"],
                    row["_sheet"],
                    int(row["_row"]),
                    value=row["project_code"],
                    params={"changed": changed, "entity": "projects"},
                )
            )
    return merged[columns].reset_index(drop=True)


def _differs(before: object, after: object) -> bool:
    """Tell a real change from the same value written another way (spacing, case) or left empty."""
    if before is None or after is None or pd.isna(before) or pd.isna(after):
        return False
    return normalize_name(before) != normalize_name(after)


def unmatched_titles(plan: ImportPlan) -> list[dict]:
    """Return each project title the plan could not match (unknown, or shared by several projects), with
    the table naming it, its number of rows and the projects it may be: what the mapping screen asks about."""
    found = []
    for issue in plan.issues:
        if issue.code not in ("project_unknown", "project_ambiguous"):
            continue
        read = next((r for r in plan.files if r.name == issue.file), None)
        table = next(
            (
                t
                for t in (read.tables if read else [])
                if t.sheet == issue.sheet and t.frame is not None and issue.row in set(t.frame["_row"])
            ),
            None,
        )
        if table is None:
            continue
        candidates = [c.strip() for c in issue.params.get("candidates", "").split(",") if c.strip()]
        found.append(
            {
                "file": issue.file,
                "table": table.key,
                "title": issue.value,
                "rows": int(issue.params.get("rows", 1)),
                "candidates": candidates,
            }
        )
    return found


_ISSUE_FIELDS = {
    "duplicate_project_code": ("code",),
    "duplicate_project_code_elsewhere": ("code",),
    "code_spelling": ("code",),
    "project_unknown": ("project_code", "project_name"),
    "project_ambiguous": ("project_code", "project_name"),
    "duplicate_cost_line": ("project_code", "project_name"),
    "demand_beyond_capacity": ("demand",),
}


def _locate_columns(issues: list[Issue], reads: list[FileRead]) -> list[Issue]:
    """Name the column of the checks made across rows, so the message and the error workbook point at the cell."""
    columns = {
        (read.name, table.sheet): {c.field: c for c in table.mapping.columns if c.field}
        for read in reads
        for table in read.tables
    }
    located = []
    for issue in issues:
        if issue.column is None and issue.code in _ISSUE_FIELDS:
            mapped = columns.get((issue.file, issue.sheet), {})
            column = next((mapped[f] for f in _ISSUE_FIELDS[issue.code] if f in mapped), None)
            if column is not None:
                issue = replace(issue, column=column.header, col_index=column.col_index)
        located.append(issue)
    return located


def _collect(
    reads: list[FileRead], store_currency: str, rates: dict[str, float | None], issues: list[Issue]
) -> tuple[dict[str, pd.DataFrame], dict[str, float | None], origins.ImportOrigins]:
    """Gather the records of every table by entity, amounts in the store's currency (or refused), each
    record numbered by its table (`_src`), whose origins come along."""
    pieces: dict[str, list[pd.DataFrame]] = {entity: [] for entity in ENTITIES}
    numbers: dict[str, list[int]] = {entity: [] for entity in ENTITIES}
    used: dict[str, float | None] = {}
    found = origins.ImportOrigins()
    cells = []
    for read in reads:
        for table in read.tables:
            if table.frame is not None and table.mapping.entity:
                frame, rates_used = currencies.convert(table, table.frame, store_currency, rates, issues)
                used.update(rates_used)
                src = len(found.sources)
                read_origins = table.origins or origins.TableOrigins()
                found.sources.append(
                    origins.Source(
                        src, read.name, read.sha256, table.sheet, table.mapping.entity, table.header_row,
                        table.shape, read_origins,
                    )
                )  # fmt: skip
                if len(read_origins.cells):
                    cells.append(
                        read_origins.cells.assign(src=pd.array([src] * len(read_origins.cells), "Int16"))
                    )
                pieces[table.mapping.entity].append(frame)
                numbers[table.mapping.entity].append(src)
    found.add(cells)
    frames = {}
    for entity in ENTITIES:
        columns = [f.name for f in fields_of(entity)] + LOCATION_COLUMNS
        non_empty = [(p, src) for p, src in zip(pieces[entity], numbers[entity], strict=True) if len(p)]
        if non_empty:
            frame = pd.concat([p for p, _ in non_empty], ignore_index=True)[columns]
            frame["_src"] = pd.array(
                np.repeat([src for _, src in non_empty], [len(p) for p, _ in non_empty]), "Int16"
            )
        else:
            frame = pd.DataFrame(columns=[*columns, "_src"])
        frames[entity] = frame
    return frames, used, found


def current_projects(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> pd.DataFrame:
    """Return the code and name of every project in the state on a date (the current state when None)."""
    return con.execute("SELECT code, name FROM projects_at($d::DATE)", {"d": as_of or CURRENT}).df()


def known_names(con: duckdb.DuckDBPyConnection) -> pd.DataFrame:
    """Return every (code, name) a live import ever gave, since a tracker may use an older title."""
    return con.execute(
        """SELECT DISTINCT p.code, p.name FROM project_rows AS p JOIN batches AS b USING (batch_id)
           WHERE b.rolled_back_at IS NULL AND p.name IS NOT NULL"""
    ).df()


def _check_duplicate_projects(projects: pd.DataFrame, issues: list[Issue]) -> None:
    """A code given twice is an error on each row, naming where the other one is. "DSI-01" and "dsi 01" are
    one code twice: a later tracker writing either would be read as the one project already known."""
    keys = projects["code"].map(normalize_name, na_action="ignore")
    duplicated = keys.notna() & keys.duplicated(keep=False)
    rows = (
        projects.assign(_key=keys)
        .loc[duplicated, ["code", "_key", "_file", "_sheet", "_row"]]
        .to_dict("records")
    )
    for row in rows:
        other = next(r for r in rows if r["_key"] == row["_key"] and r is not row)
        elsewhere = other["_file"] != row["_file"] or other["_sheet"] != row["_sheet"]
        issues.append(
            Issue(
                ERROR,
                "duplicate_project_code_elsewhere" if elsewhere else "duplicate_project_code",
                row["_file"],
                row["_sheet"],
                int(row["_row"]),
                value=row["code"],
                params={
                    "other_row": int(other["_row"]),
                    "other_file": other["_file"],
                    "other_sheet": other["_sheet"],
                },
            )
        )


def _match_known_codes(
    projects: pd.DataFrame, current: pd.DataFrame, issues: list[Issue], found: origins.ImportOrigins
) -> pd.DataFrame:
    """Read a code written in another case or spacing ("dsi-01", "DSI 01") as the project already known;
    its origin keeps the code as typed."""
    if projects.empty or current.empty:
        return projects
    exact = set(current["code"].tolist())
    spellings: dict[str, list[str]] = {}
    for code in exact:
        spellings.setdefault(normalize_name(code), []).append(code)
    projects = projects.copy()
    respelled: dict[int, str] = {}
    for position, code in projects["code"].items():
        if not isinstance(code, str) or code in exact:
            continue  # an exact code is always its own project, whatever other spellings the store holds
        candidates = spellings.get(normalize_name(code), [])
        same = candidates[0] if len(candidates) == 1 else None
        if same is not None:
            respelled[position] = code
            projects.at[position, "code"] = same
            issues.append(
                Issue(
                    WARNING,
                    "code_spelling",
                    projects.at[position, "_file"],
                    projects.at[position, "_sheet"],
                    int(projects.at[position, "_row"]),
                    value=code,
                    params={"code": same},
                )
            )
    if respelled:
        found.retyped(projects.loc[list(respelled)], "code", list(respelled.values()))
    return projects


def _complete_projects(projects: pd.DataFrame, as_of: date, found: origins.ImportOrigins) -> pd.DataFrame:
    """A project without a date of update was updated by this import: its date is the snapshot date."""
    projects = projects.copy()
    missing = projects["last_update"].isna()
    if missing.any():
        found.no_cell(projects.loc[missing], "last_update", "as_of")
    projects["last_update"] = projects["last_update"].where(~missing, pd.Timestamp(as_of))
    return projects


def _complete_risks(risks: pd.DataFrame, found: origins.ImportOrigins) -> pd.DataFrame:
    """A risk without a status is open."""
    risks = risks.copy()
    missing = risks["status"].isna()
    if missing.any():
        found.no_cell(risks.loc[missing], "status", "open")
    risks["status"] = risks["status"].where(~missing, "open")
    return risks


class _ProjectIndex:
    """The projects a row may name: by code, by code in another case, and by every title they had.

    The spellings are indexed only when a row needs them: most rows name their project by its exact code.
    """

    def __init__(self, projects: pd.DataFrame, current: pd.DataFrame, history_names: pd.DataFrame):
        self.codes = set(projects["code"].dropna().tolist()) | set(current["code"].tolist())
        self._names = pd.concat(
            [projects[["code", "name"]], current[["code", "name"]], history_names], ignore_index=True
        )

    @cached_property
    def by_code(self) -> dict[str, str]:
        return {normalize_name(code): code for code in self.codes}

    @cached_property
    def by_name(self) -> dict[str, set[str]]:
        known = self._names.dropna().drop_duplicates()
        known = known.loc[known["code"].isin(self.codes)]
        found: dict[str, set[str]] = {}
        for code, name in zip(known["code"], known["name"], strict=True):
            found.setdefault(normalize_name(name), set()).add(code)
        return found


def _resolve_projects(frame: pd.DataFrame, index: _ProjectIndex, issues: list[Issue]) -> pd.DataFrame:
    """Give every row the code of its project, found by code or, failing that, by title."""
    if frame.empty:
        return frame
    frame = frame.copy()
    # A column every row of which names its project by title holds no code at all: it may come as float NaN.
    if frame["project_code"].isna().all():
        frame["project_code"] = pd.Series(None, index=frame.index, dtype=object)
    direct = _is_among(frame["project_code"], index.codes)  # the common case, settled row by row no more
    if direct.all():
        return frame.reset_index(drop=True)
    others = frame.loc[~direct]
    refs = (
        others[["project_code", "project_name"]]
        .astype(object)
        .where(others[["project_code", "project_name"]].notna(), None)
    )
    # Resolve each distinct reference once: a cost table repeats its project on every monthly line.
    firsts = others.assign(_code=refs["project_code"], _name=refs["project_name"]).drop_duplicates(
        ["_code", "_name"]
    )
    keys = list(zip(refs["project_code"], refs["project_name"], strict=True))
    uses = Counter(keys)  # an unknown project is reported once, with the number of its rows
    resolved = {}
    for row in firsts[["_code", "_name", "_file", "_sheet", "_row"]].to_dict("records"):
        row["project_code"], row["project_name"] = row.pop("_code"), row.pop("_name")
        key = (row["project_code"], row["project_name"])
        resolved[key] = _resolve_one(row, index.codes, index.by_code, index.by_name, issues, uses[key])
    frame.loc[~direct, "project_code"] = [resolved[key] for key in keys]
    return frame.loc[frame["project_code"].notna()].reset_index(drop=True)


def _is_among(series: pd.Series, values: set[str]) -> pd.Series:
    """Tell which cells are in `values` with Arrow's hash lookup: pandas' isin on Arrow strings first turns
    the whole set into Python scalars one by one, which costs more than the lookup of 100,000 cost lines."""
    cells = pa.array(series, type=pa.string(), from_pandas=True)
    found = pc.fill_null(pc.is_in(cells, value_set=pa.array(list(values), type=pa.string())), False)
    return pd.Series(found.to_numpy(zero_copy_only=False), index=series.index)


def _resolve_one(
    row: dict,
    codes: set[str],
    by_code_ci: dict[str, str],
    by_name: dict[str, set[str]],
    issues: list[Issue],
    rows: int = 1,
) -> str | None:
    """Return the code of the project a row names by code or title, or None after reporting why not
    (at the first of its `rows` rows)."""
    for value in (row["project_code"], row["project_name"]):
        if not isinstance(value, str):
            continue
        if value in codes:
            return value
        key = normalize_name(value)
        if key in by_code_ci:
            return by_code_ci[key]
        matches = by_name.get(key, set())
        if len(matches) == 1:
            return next(iter(matches))
        if len(matches) > 1:
            issues.append(
                Issue(
                    ERROR,
                    "project_ambiguous",
                    row["_file"],
                    row["_sheet"],
                    int(row["_row"]),
                    value=value,
                    params={"candidates": ", ".join(sorted(matches))},
                )
            )
            return None
    value = row["project_code"] if isinstance(row["project_code"], str) else row["project_name"]
    if isinstance(value, str):
        issues.append(
            Issue(
                ERROR,
                "project_unknown",
                row["_file"],
                row["_sheet"],
                int(row["_row"]),
                value=value,
                params={"rows": rows},
            )
        )
    return None


DUPLICATE_LINES_SHOWN = 50  # each located; the others are counted in one line


def _merge_duplicate_costs(
    costs: pd.DataFrame, issues: list[Issue], found: origins.ImportOrigins
) -> pd.DataFrame:
    """Two lines for the same project, month and cost type are added up, and the user is told; the line
    added up keeps where each of its amounts comes from."""
    if costs.empty:
        return costs
    keys = ["project_code", "month", "cost_type"]
    duplicated = costs.duplicated(keys, keep="first")
    if not duplicated.any():
        return costs
    for _, row in costs.loc[duplicated].head(DUPLICATE_LINES_SHOWN).iterrows():
        issues.append(
            Issue(
                WARNING,
                "duplicate_cost_line",
                row["_file"],
                row["_sheet"],
                int(row["_row"]),
                value=f"{row['project_code']} {pd.Timestamp(row['month']):%Y-%m}",
            )
        )
    more = int(duplicated.sum()) - DUPLICATE_LINES_SHOWN
    if more > 0:
        first = costs.loc[duplicated].iloc[0]
        issues.append(
            Issue(WARNING, "duplicate_cost_lines_more", first["_file"], first["_sheet"], params={"n": more})
        )
    numeric = costs.assign(**{a: pd.to_numeric(costs[a], errors="coerce") for a in WIDE_MEASURES})
    found.summed(numeric, keys, WIDE_MEASURES)
    return add_up_lines(numeric, keys)[costs.columns]


def current_teams(con: duckdb.DuckDBPyConnection, as_of: date | None = None) -> list[str]:
    """Return the teams the state on a date names, with capacity or demand, as first written."""
    rows = con.execute(
        """SELECT DISTINCT team FROM capacity_lines_at($d::DATE)
           UNION SELECT DISTINCT team FROM demand_lines_at($d::DATE) ORDER BY 1""",
        {"d": as_of or CURRENT},
    ).fetchall()
    return [team for (team,) in rows]


def _match_known_teams(frame: pd.DataFrame, teams: list[str], issues: list[Issue]) -> pd.DataFrame:
    """Write every team the way it was first written ("DATA", "Data " and "data" are the team "Data"), so a
    project's demand meets its team's capacity; a new spelling of a known team is said once per file."""
    if frame.empty:
        return frame
    known: dict[str, str] = {}
    for team in [*teams, *frame["team"].dropna().tolist()]:
        known.setdefault(normalize_name(team), team)
    written = frame["team"]
    canonical = written.map(lambda team: known.get(normalize_name(team), team), na_action="ignore")
    respelt = written.notna() & (canonical != written)
    if respelt.any():
        firsts = frame.loc[respelt].drop_duplicates(["_file", "team"])
        for row in firsts.to_dict("records"):
            issues.append(
                Issue(
                    WARNING,
                    "team_spelling",
                    row["_file"],
                    row["_sheet"],
                    int(row["_row"]),
                    value=row["team"],
                    params={"team": known[normalize_name(row["team"])]},
                )
            )
    return frame.assign(team=canonical)


EFFORT_KEYS = {"resources": ["team", "month", "unit"], "demand": ["project_code", "team", "month", "unit"]}


def _merge_duplicate_efforts(frame: pd.DataFrame, entity: str, issues: list[Issue]) -> pd.DataFrame:
    """Two lines for the same team and month (and project) are added up, and the user is told once a table."""
    keys = EFFORT_KEYS[entity]
    if frame.empty or not frame.duplicated(keys).any():
        return frame
    duplicated = frame.duplicated(keys, keep="first")
    for row in frame.loc[duplicated].drop_duplicates(["_file", "_sheet"]).to_dict("records"):
        same = duplicated & (frame["_file"] == row["_file"]) & (frame["_sheet"] == row["_sheet"])
        issues.append(
            Issue(
                WARNING,
                "duplicate_effort_line",
                row["_file"],
                row["_sheet"],
                int(row["_row"]),
                value=f"{row['team']} {pd.Timestamp(row['month']):%Y-%m}",
                params={"n": int(same.sum()), "entity": entity},
            )
        )
    amount = EFFORT_FIELDS[entity]
    numeric = frame.assign(**{amount: pd.to_numeric(frame[amount], errors="coerce")})
    return add_up_lines(numeric, keys, (amount,))[frame.columns]


def _check_demand_against_capacity(
    con: duckdb.DuckDBPyConnection,
    frames: dict[str, pd.DataFrame],
    as_of: date,
    found: origins.ImportOrigins,
    issues: list[Issue],
) -> None:
    """Warn at its cell of a demand line asking one team, in one month, for many times the team's whole
    capacity (the demand_capacity_ratio setting): 300 FTE of a team of 3 is an extra zero or days taken for FTE
    more often than a plan. Capacity is this import's for the teams it restates, else the store's."""
    from pmo_core import settings

    demand = frames["demand"]
    if demand.empty:
        return
    days = float(settings.get(con, "working_days_per_month"))
    ratio = float(settings.get(con, "demand_capacity_ratio"))
    restated = frames["resources"]
    given = restated.assign(
        fte=effort_fte(restated["capacity"], restated["unit"], days), month=pd.to_datetime(restated["month"])
    )
    stored = con.execute(
        "SELECT team, month, fte FROM team_capacity_at($d::DATE, $days)", {"d": as_of, "days": days}
    ).df()
    stored = stored.loc[~stored["team"].isin(set(given["team"]))].assign(
        month=lambda f: pd.to_datetime(f["month"])
    )
    capacity = pd.concat([given[["team", "month", "fte"]], stored]).groupby(["team", "month"])["fte"].sum()
    lines = demand.assign(
        fte=effort_fte(demand["demand"], demand["unit"], days), month=pd.to_datetime(demand["month"])
    ).join(capacity.rename("capacity"), on=["team", "month"])
    beyond = lines.loc[(lines["capacity"] > 0) & (lines["fte"] > ratio * lines["capacity"])]
    for line in beyond.to_dict("records"):
        own = None if pd.isna(line["_col"]) else int(line["_col"])
        headers = dict(dict(found.sources[int(line["_src"])].origins.reading).get("headers") or ())
        issues.append(
            Issue(
                WARNING,
                "demand_beyond_capacity",
                line["_file"],
                line["_sheet"],
                int(line["_row"]),
                headers.get(own),
                own,
                f"{float(line['demand']):.15g}",
                params={
                    "team": line["team"],
                    "month": f"{line['month']:%Y-%m}",
                    "fte": Figure(line["fte"], 1),
                    "capacity": Figure(line["capacity"], 1),
                    "ratio": Figure(ratio),
                },
            )
        )


def _team_changes(
    con: duckdb.DuckDBPyConnection, resources: pd.DataFrame, coverage: pd.DataFrame, as_of: date
) -> pd.DataFrame:
    """Classify every team whose capacity the import restates as added, updated, removed or unchanged."""
    covered = coverage.loc[coverage["entity"] == "resources"]
    if covered.empty:
        return pd.DataFrame(columns=["team", "change"])
    columns = stored_columns(con, "resources")
    old = con.execute(
        f"SELECT {', '.join(map(quote, columns))} FROM capacity_lines_at($d::DATE)",  # noqa: S608 - fixed names
        {"d": as_of},
    ).df()
    differs = {team for team, _ in _fingerprints(resources[columns], "team") ^ _fingerprints(old, "team")}
    stated = set(old["team"])
    rows = []
    for team, present in zip(covered["project_code"], covered["present"], strict=True):
        if not present:
            change = "removed" if team in stated else None
        elif team not in stated:
            change = "added"
        else:
            change = "updated" if team in differs else "unchanged"
        if change:
            rows.append((team, change))
    return pd.DataFrame(rows, columns=["team", "change"]).sort_values("team", ignore_index=True)


def _coverage(
    reads: list[FileRead],
    frames: dict[str, pd.DataFrame],
    present: set[str],
    current: pd.DataFrame,
    scope: str,
    teams: list[str] = (),
) -> pd.DataFrame:
    """Say which (entity, project) pairs this import restates; for those its rows replace the old ones.

    Capacity is restated team by team: for "resources" the pair names a team (`teams`: those the store knows).
    """
    pieces: list[pd.DataFrame] = []

    def cover(entity: str, codes, flag: bool = True) -> None:
        pieces.append(
            pd.DataFrame(
                {"entity": entity, "project_code": pd.unique(pd.Series(codes, dtype=object)), "present": flag}
            )
        )

    if "resources" in present:
        listed = frames["resources"]["team"].dropna().unique().tolist()
        cover("resources", listed)
        if scope == "full":  # the files are the whole picture: a team they leave out has no capacity left
            cover("resources", sorted(set(teams) - set(listed)), False)
    present = present - {"resources"}
    file_projects = frames["projects"]["code"].dropna().unique().tolist()
    if scope == "full":
        portfolio = file_projects if "projects" in present else current["code"].unique()
        for entity in sorted(present):
            cover(entity, portfolio)
        if "projects" in present:
            cover("projects", sorted(set(current["code"]) - set(portfolio)), False)
    else:
        # A tracker that lists risks restates the risks of every project it describes, even those with none left.
        described = {
            read.name: [
                t.frame["code"].dropna()
                for t in read.tables
                if t.mapping.entity == "projects" and t.frame is not None
            ]
            for read in reads
        }
        for entity in sorted(present):
            key = "code" if entity == "projects" else "project_code"
            codes = [frames[entity][key].dropna()]
            if entity != "projects":
                codes += [
                    c
                    for read in reads
                    if any(t.mapping.entity == entity for t in read.tables)
                    for c in described[read.name]
                ]
            cover(entity, pd.concat(codes, ignore_index=True))
    if not pieces:
        return pd.DataFrame(columns=["entity", "project_code", "present"])
    return (
        pd.concat(pieces, ignore_index=True)
        .drop_duplicates(["entity", "project_code"])
        .reset_index(drop=True)
    )


def _changes(
    con: duckdb.DuckDBPyConnection,
    frames: dict[str, pd.DataFrame],
    coverage: pd.DataFrame,
    current: pd.DataFrame,
    file_codes: set[str],
) -> pd.DataFrame:
    """Classify every project as added, updated, removed or unchanged by comparing its rows."""
    current_codes = set(current["code"])
    names = dict(zip(current["code"], current["name"], strict=False))
    names.update(
        dict(zip(frames["projects"]["code"].tolist(), frames["projects"]["name"].tolist(), strict=False))
    )
    removed = set(coverage.loc[(coverage["entity"] == "projects") & ~coverage["present"], "project_code"])
    touched = set(coverage.loc[coverage["present"] & (coverage["entity"] != "resources"), "project_code"])
    new_codes = (file_codes | touched) - current_codes
    differs = _differing_projects(con, frames, coverage, touched & current_codes)
    rows = []
    for code in sorted(current_codes | new_codes):
        if code in removed:
            change = "removed"
        elif code in new_codes:
            change = "added"
        elif code in differs:
            change = "updated"
        else:
            change = "unchanged"
        rows.append((code, names.get(code), change))
    return pd.DataFrame(rows, columns=["project_code", "name", "change"])


_TABLES = {
    "projects": ("projects", "code"),
    "milestones": ("milestones", "project_code"),
    "risks": ("risks", "project_code"),
    "costs": ("cost_lines", "project_code"),
    "business_case": ("business_case", "project_code"),
    "demand": ("demand_lines", "project_code"),
}


def _differing_projects(
    con: duckdb.DuckDBPyConnection, frames: dict[str, pd.DataFrame], coverage: pd.DataFrame, codes: set[str]
) -> set[str]:
    """Return the projects whose restated rows differ from the stored ones (order of rows ignored)."""
    differing: set[str] = set()
    if not codes:
        return differing
    for entity in coverage.loc[coverage["present"], "entity"].unique():
        if entity == "resources":
            continue  # a team is no project: its changes are counted apart (_team_changes)
        view, key = _TABLES[entity]
        # A new date of update alone is not a change of content: the preview would call every project updated.
        columns = [c for c in stored_columns(con, entity) if c != "last_update"]
        new = frames[entity]
        new = new.loc[new[key].isin(codes), columns]
        old = con.execute(
            f"SELECT {', '.join(map(quote, columns))} FROM {quote(view)} WHERE {quote(key)} IN (SELECT unnest($codes))",  # noqa: S608
            {"codes": sorted(codes)},
        ).df()
        differing |= _fingerprints(new, key) ^ _fingerprints(old, key)
    return {code for code, _ in differing}


def _fingerprints(frame: pd.DataFrame, key: str) -> set[tuple[str, int]]:
    """Return (project, fingerprint of its set of rows), comparable between the file and the store."""
    if frame.empty:
        return set()
    normal = normal_text(frame)
    hashes = pd.util.hash_pandas_object(normal, index=False).astype("uint64")
    summed = hashes.groupby(normal[key].to_numpy()).sum()
    return {(code, int(value)) for code, value in summed.items()}


_STORED: dict[str, list[str]] = {}


def stored_columns(con: duckdb.DuckDBPyConnection, entity: str) -> list[str]:
    """Return the columns the store keeps for an entity (fields such as a written risk score are not kept;
    where a row was read is kept beside them, see `origins`)."""
    if entity not in _STORED:
        table = {
            "projects": "project_rows",
            "milestones": "milestone_rows",
            "risks": "risk_rows",
            "costs": "cost_rows",
            "business_case": "business_case_rows",
            "resources": "capacity_rows",
            "demand": "demand_rows",
        }[entity]
        info = con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = $t ORDER BY ordinal_position",
            {"t": table},
        ).fetchall()
        _STORED[entity] = [
            name for (name,) in info if name != "batch_id" and name not in origins.RECORD_COLUMNS
        ]
    return _STORED[entity]


def as_of_default(reads: list[FileRead]) -> date:
    """Return the reporting date the files state, else today."""
    hints = [read.as_of_hint for read in reads if read.as_of_hint]
    return max(hints) if hints else date.today()


def plan_from_frames(
    con: duckdb.DuckDBPyConnection,
    frames: dict[str, pd.DataFrame],
    *,
    scope: str = "partial",
    as_of: date | None = None,
    name: str = "frames",
) -> ImportPlan:
    """Build a plan from canonical frames (the demo, tests, benchmarks) with the same checks as a file."""
    read = FileRead(name=name)
    for entity, frame in frames.items():
        columns = [f.name for f in fields_of(entity)]
        canonical = frame.reindex(columns=columns)
        canonical["_file"] = name
        canonical["_sheet"] = entity
        canonical["_row"] = range(2, len(canonical) + 2)
        canonical["_col"] = pd.array([None] * len(canonical), dtype="Int16")
        mapping = TableMapping(entity=entity, columns=(), signature="")
        read.tables.append(
            TableRead(
                file=name, sheet=entity, header_row=1, mapping=mapping, frame=canonical, n_rows=len(canonical)
            )
        )
    return build_plan(con, [read], scope=scope, as_of=as_of)


def warm_caches() -> None:
    """Fill the header, vocabulary and translation caches once.

    The sandbox's fork server imports this module and calls it, so each child that reads an upload
    inherits them instead of rebuilding them (a quarter of a second per import).
    """
    from pmo_core import values
    from pmo_core.i18n import table
    from pmo_core.mapping import _by_token

    _by_token()
    table()
    for kind in ("risk_status", "response", "cost_type", "category"):
        values._terms(kind)
    values._months()
    values._scale_words()
    values._status_words()
    values._booleans()
