"""Turn an uploaded spreadsheet or CSV file into sheets of strings, refusing hostile or broken files first.

`check_container` looks at the bytes before any parser does: size, real format (by content, not by name),
zip bombs, XML entity declarations, a declared used range too large to allocate, encrypted workbooks.
`read_file` then reads every sheet with fastexcel (calamine) or pandas, as strings. `scan_workbook` finds
the cells calamine reads as empty although they are not (formulas without a saved result, Excel errors)
and the merged ranges, whose value calamine gives in the first cell only.

Both run in the calling process. A crafted file can still make the Rust reader abort the whole process
(a used range reaching XFD1048576 with no <dimension> tag to warn us), so callers run `read_file`
through `pmo_core.sandbox.run_isolated`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import html
import io
import math
import posixpath
import re
import struct
import threading
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from xml.etree import ElementTree

import fastexcel
import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

KINDS = ("xlsx", "xlsm", "xls", "xlsb", "ods", "csv")
WORKBOOK_SUFFIXES = (".xlsx", ".xlsm", ".xlsb", ".ods", ".xltx", ".xltm")

MAX_ZIP_ENTRIES = 10_000
MAX_UNZIPPED_RATIO = 40  # whole archive: refused only when over this ratio AND over MAX_UNZIPPED_BYTES
MAX_UNZIPPED_BYTES = 200 * 2**20
MAX_ENTRY_RATIO = 200  # one entry: refused only when over this ratio AND over MAX_ENTRY_BYTES
MAX_ENTRY_BYTES = 50 * 2**20
MAX_CELLS = 50_000_000
# A tracker is a few dozen columns; a budget of 10 years by week, 520. Finding a table reads every header.
MAX_COLUMNS = 1_000
SHEET_LIMITS = ("too_many_rows", "too_many_columns", "too_many_cells")
XML_HEAD_BYTES = 4096
MAX_XML_PROLOG_BYTES = 64 * 2**10  # Excel writes a few hundred bytes before the root element
SNIFF_BYTES = 64 * 2**10
READ_THREADS = 2  # sheets read at once: one large sheet usually dominates, so more buys little
CSV_SEPARATORS = (";", ",", "\t", "|")

ZIP_MAGIC = b"PK\x03\x04"
EMPTY_ZIP_MAGIC = b"PK\x05\x06"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
STRING = pd.StringDtype("pyarrow")
_STRING_TYPES = {pa.string(): STRING, pa.large_string(): STRING}

_XML_ROOT = re.compile(r"<([A-Za-z_][\w.\-]*:)?([A-Za-z_][\w.\-]*)")
_XML_DECLARATIONS = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_DIMENSION = re.compile(r"""<(?:[\w.\-]+:)?dimension\b[^>]*?\bref\s*=\s*["']([^"']*)["']""")
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_CONTROL_BYTES = bytes([*range(0, 9), 11, *range(14, 32), 127])

MAX_MERGES = 100_000  # merged ranges kept per workbook: far above what a tracker holds
COLUMN_GAPS = 1_000  # formula gaps kept per column; the others are counted
SCAN_CHUNK_BYTES = 2**20  # scan_workbook inflates a worksheet this much at a time
MAX_SCAN_CARRY = 2**20  # a cell longer than this is a long text, never a formula without value or an error
_ROW_NUMBER = re.compile(rb"""(?<![\w:.\-])r\s*=\s*["']\s*(\d{1,7})\s*["']""")
_CELL_NAME = re.compile(rb"""(?<![\w:.\-])r\s*=\s*["']\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*["']""")
_TEXT_RESULT = re.compile(rb"""(?<![\w:.\-])t\s*=\s*["']str["']""")  # a formula cell whose result is text
_TAG_END = frozenset(b" \t\r\n>/")


# Sheet and Workbook hold DataFrames, which cannot be compared with == or hashed: identity equality only.
@dataclass(frozen=True, eq=False)
class Sheet:
    """One sheet as strings: index = Excel row numbers (from 1), columns = 0-based absolute column indexes."""

    name: str
    visible: bool  # hidden and very-hidden sheets are False
    frame: pd.DataFrame


@dataclass(frozen=True, eq=False)
class Workbook:
    """Every sheet of one uploaded file, with what we learnt about the file on the way."""

    file_name: str
    kind: str  # one of KINDS
    sheets: tuple[Sheet, ...]
    sha256: str
    size: int
    encoding: str | None = None  # CSV only
    separator: str | None = None  # CSV only


class UnreadableFile(Exception):
    """A file we refuse to read; the sentence shown to the user is `issue.<code>` filled with `params`."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code, params)
        self.code = code
        self.params = params

    def __str__(self) -> str:
        return f"{self.code} {self.params}" if self.params else self.code

    def __reduce__(self):
        # The default pickling passes args positionally and would lose the keyword params.
        return (_unreadable, (self.code, self.params))


def _unreadable(code: str, params: dict) -> UnreadableFile:
    return UnreadableFile(code, **params)


def read_file(
    path: Path,
    file_name: str,
    *,
    max_rows: int = 200_000,
    max_bytes: int = 50 * 2**20,
    on_sheet: Callable[[Sheet], None] | None = None,
) -> Workbook:
    """Check the container, then read every sheet (hidden ones too, flagged) as strings.

    `on_sheet` hears each sheet as soon as it is read, from the reading thread: a caller can start on the
    small sheets while the largest is still being parsed.
    """
    path = Path(path)
    kind = check_container(path, file_name, max_rows=max_rows, max_bytes=max_bytes)
    data = path.read_bytes()
    encoding = separator = None

    def checked(sheet: Sheet) -> None:
        if len(sheet.frame) > max_rows:
            raise UnreadableFile("too_many_rows", sheet=sheet.name, rows=len(sheet.frame), limit=max_rows)
        if sheet.frame.shape[1] > MAX_COLUMNS:
            raise UnreadableFile(
                "too_many_columns", sheet=sheet.name, columns=sheet.frame.shape[1], limit=MAX_COLUMNS
            )
        if on_sheet is not None:
            on_sheet(sheet)

    if kind == "csv":
        sheet, encoding, separator = _read_csv(data, Path(file_name).stem or file_name or "CSV")
        checked(sheet)
        sheets = (sheet,)
    else:
        sheets = tuple(_read_workbook(data, checked))
    if all(sheet.frame.empty for sheet in sheets):
        raise UnreadableFile("empty_workbook")
    return Workbook(
        file_name=file_name,
        kind=kind,
        sheets=sheets,
        sha256=hashlib.sha256(data).hexdigest(),
        size=len(data),
        encoding=encoding,
        separator=separator,
    )


def check_container(path: Path, file_name: str, *, max_rows: int, max_bytes: int) -> str:
    """Return the file's kind, judged by its content, or raise UnreadableFile before any parser sees it."""
    path = Path(path)
    size = path.stat().st_size
    if size > max_bytes:
        raise UnreadableFile("too_large", size_mb=_megabytes(size), limit_mb=_megabytes(max_bytes))
    if size == 0:
        raise UnreadableFile("empty_workbook")
    with path.open("rb") as stream:
        head = stream.read(SNIFF_BYTES)
    if head.startswith(ZIP_MAGIC):
        return _check_zip(path, size, max_rows)
    if head.startswith(OLE_MAGIC):
        return _check_ole(path)
    if head.startswith(EMPTY_ZIP_MAGIC) or not _looks_like_text(head):
        raise UnreadableFile("not_a_workbook")
    # Excel refuses a text file named .xlsx too; a text file named .xls is a common "export to Excel".
    if Path(file_name).suffix.lower() in WORKBOOK_SUFFIXES:
        raise UnreadableFile("not_a_workbook")
    return "csv"


# --- Containers ---------------------------------------------------------------------------------------------


def _check_zip(path: Path, size: int, max_rows: int) -> str:
    """Return xlsx, xlsm, xlsb or ods after checking the archive without inflating more than its XML heads."""
    entries = _declared_zip_entries(path, size)
    if entries > MAX_ZIP_ENTRIES:
        raise UnreadableFile("zip_bomb", entries=entries)
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            _check_zip_sizes(infos, size)
            kind = _zip_kind(archive)
            parts = [info for info in infos if info.filename.lower().endswith((".xml", ".rels"))]
            # The workbook's own parts first: once they are known safe, a sheet too large can be named.
            for info in sorted(parts, key=lambda info: info.filename.lower().startswith("xl/worksheets/")):
                try:
                    _check_xml_part(archive, info, max_rows)
                except UnreadableFile as exc:
                    if exc.code in SHEET_LIMITS:
                        exc.params["sheet"] = _sheet_of_part(archive, info.filename)
                    raise
    except (
        zipfile.BadZipFile,
        zlib.error,
        EOFError,
        NotImplementedError,
        RuntimeError,
        ValueError,
        struct.error,
    ):
        raise UnreadableFile("corrupt_zip") from None
    return kind


def _sheet_of_part(archive: zipfile.ZipFile, part: str) -> str:
    """Return the name a worksheet part has in the workbook, or the part's own name if it has none."""
    try:
        names = {name.lower(): name for name in archive.namelist()}
        sheets = (
            {entry: sheet for sheet, entry in _worksheet_parts(archive, names)}
            if "xl/workbook.xml" in names
            else {}
        )
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, zlib.error):
        sheets = {}
    return sheets.get(part, part)


def _declared_zip_entries(path: Path, size: int) -> int:
    """Return the entry count of the end-of-central-directory record, before zipfile builds one object per entry."""
    tail_size = min(size, 22 + 0xFFFF)
    with path.open("rb") as stream:
        stream.seek(size - tail_size)
        tail = stream.read(tail_size)
    at = tail.rfind(EMPTY_ZIP_MAGIC)
    if at < 0 or at + 22 > len(tail):
        raise UnreadableFile("corrupt_zip")
    return struct.unpack_from("<H", tail, at + 10)[0]


def _check_zip_sizes(infos: list[zipfile.ZipInfo], size: int) -> None:
    if len(infos) > MAX_ZIP_ENTRIES:
        raise UnreadableFile("zip_bomb", entries=len(infos))
    total = sum(info.file_size for info in infos)
    if total > MAX_UNZIPPED_RATIO * size and total > MAX_UNZIPPED_BYTES:
        raise UnreadableFile("zip_bomb", unzipped_mb=_megabytes(total))
    for info in infos:
        if info.file_size > MAX_ENTRY_BYTES and info.file_size > MAX_ENTRY_RATIO * max(info.compress_size, 1):
            raise UnreadableFile("zip_bomb", unzipped_mb=_megabytes(info.file_size))


def _zip_kind(archive: zipfile.ZipFile) -> str:
    names = set(archive.namelist())
    if "xl/workbook.xml" in names:
        # The macros are never run, only cached values are read: an .xlsm is as safe as an .xlsx.
        return "xlsm" if "xl/vbaProject.bin" in names else "xlsx"
    if "xl/workbook.bin" in names:
        return "xlsb"
    if "content.xml" in names and _read_head(archive, "mimetype").startswith(
        b"application/vnd.oasis.opendocument.spreadsheet"
    ):
        return "ods"
    raise UnreadableFile("not_a_workbook")


def _read_head(archive: zipfile.ZipFile, name: str) -> bytes:
    try:
        with archive.open(name) as stream:
            return stream.read(XML_HEAD_BYTES)
    except KeyError:
        return b""


def _check_xml_part(archive: zipfile.ZipFile, info: zipfile.ZipInfo, max_rows: int) -> None:
    """Refuse DTDs (entity bombs) in an XML part, and a worksheet whose declared range is too large."""
    with archive.open(info) as stream:
        head = stream.read(XML_HEAD_BYTES)
        text = _decode_xml_head(head)
        root = _find_root(text)
        while root is None and len(head) < MAX_XML_PROLOG_BYTES:
            chunk = stream.read(XML_HEAD_BYTES)
            if not chunk:
                break
            head += chunk
            text = _decode_xml_head(head)
            root = _find_root(text)
    if _XML_DECLARATIONS.search(text) or (root is None and len(head) >= MAX_XML_PROLOG_BYTES):
        raise UnreadableFile("xml_entities", part=info.filename)
    if root is not None and root.group(2) == "worksheet":
        _check_dimension(text, max_rows)


def _decode_xml_head(head: bytes) -> str:
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or head[:2] in (b"<\x00", b"\x00<"):
        encoding = "utf-16-be" if head.startswith(codecs.BOM_UTF16_BE) or head[:1] == b"\x00" else "utf-16-le"
        return head.decode(encoding, errors="replace")
    # Markup is ASCII: latin-1 maps every byte to one character and never fails.
    return head.decode("latin-1")


def _find_root(text: str) -> re.Match | None:
    """Return the root element's start tag, skipping the declaration, comments and processing instructions."""
    at = 0
    while True:
        at = text.find("<", at)
        if at < 0 or at + 1 >= len(text):
            return None
        follower = text[at + 1]
        if follower == "?":
            end = text.find("?>", at)
        elif text.startswith("<!--", at):
            end = text.find("-->", at)
        elif follower == "!":
            end = text.find(">", at)
        else:
            return _XML_ROOT.match(text, at)
        if end < 0:
            return None
        at = end + 1


def _check_dimension(text: str, max_rows: int) -> None:
    """Refuse a worksheet whose <dimension ref="A1:XFD1048576"> announces more rows or cells than we accept."""
    dimension = _DIMENSION.search(text)
    if dimension is None:
        return
    refs = [_CELL_REF.fullmatch(part.strip()) for part in dimension.group(1).split(":")]
    if not refs or not all(refs):
        return
    first_col, _ = _column_index(refs[0].group(1)), int(refs[0].group(2))
    last_col, last_row = _column_index(refs[-1].group(1)), int(refs[-1].group(2))
    if last_row > max_rows:
        raise UnreadableFile("too_many_rows", rows=last_row, limit=max_rows)
    columns = abs(last_col - first_col) + 1
    if last_row * columns > MAX_CELLS:
        raise UnreadableFile("too_many_cells", cells=last_row * columns, limit=MAX_CELLS)
    if columns > MAX_COLUMNS:
        raise UnreadableFile("too_many_columns", columns=columns, limit=MAX_COLUMNS)


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters.upper():
        index = index * 26 + ord(letter) - ord("A") + 1
    return index - 1


def _check_ole(path: Path) -> str:
    """Return "xls" for a legacy workbook; refuse an encrypted OOXML package or any other OLE document."""
    try:
        names = _ole_stream_names(path.read_bytes())
    except (struct.error, ValueError, IndexError, UnicodeDecodeError):
        raise UnreadableFile("corrupt_workbook") from None
    if "EncryptedPackage" in names or "EncryptionInfo" in names:
        raise UnreadableFile("password_protected")
    if "Workbook" in names or "Book" in names:
        return "xls"
    raise UnreadableFile("not_a_workbook")


def _ole_stream_names(data: bytes) -> set[str]:
    """Return the names in the directory of a Compound File Binary container (MS-CFB 2.2 to 2.6)."""
    sector_shift, fat_count, directory_start = struct.unpack_from("<H12xII", data, 30)
    difat_start, difat_count = struct.unpack_from("<II", data, 68)
    if sector_shift not in (9, 12):
        raise ValueError("bad sector size")
    sector_size = 1 << sector_shift
    per_sector = sector_size // 4
    max_sector = len(data) // sector_size  # every chain is bounded by the file: no loop can run forever

    def sector(number: int) -> bytes:
        start = (number + 1) * sector_size
        if start >= len(data):
            raise ValueError("sector out of file")
        return data[start : start + sector_size]

    fat_sectors = list(struct.unpack_from("<109I", data, 76))
    next_difat, visited = difat_start, 0
    while next_difat < 0xFFFFFFFA and visited < min(difat_count, max_sector):
        values = struct.unpack(f"<{per_sector}I", sector(next_difat).ljust(sector_size, b"\xff"))
        fat_sectors.extend(values[:-1])
        next_difat, visited = values[-1], visited + 1
    fat: list[int] = []
    for number in fat_sectors[: min(fat_count, max_sector)]:
        if number < 0xFFFFFFFA:
            fat.extend(struct.unpack(f"<{per_sector}I", sector(number).ljust(sector_size, b"\xff")))

    names: set[str] = set()
    current, steps = directory_start, 0
    while current < 0xFFFFFFFA and steps <= max_sector:
        block = sector(current)
        for offset in range(0, len(block) - 127, 128):
            length = min(struct.unpack_from("<H", block, offset + 64)[0], 64)
            if length >= 2 and block[offset + 66] in (1, 2, 5):
                names.add(block[offset : offset + length - 2].decode("utf-16-le", errors="replace"))
        current = fat[current] if current < len(fat) else 0xFFFFFFFE
        steps += 1
    return names


def _looks_like_text(head: bytes) -> bool:
    """Tell whether the first bytes read as delimited text rather than a binary or markup document."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        sample = head.decode("utf-16", errors="replace").encode("utf-8", errors="replace")
    else:
        sample = head.removeprefix(codecs.BOM_UTF8)
    if b"\x00" in sample:
        return False
    controls = sum(sample.count(byte) for byte in _CONTROL_BYTES)
    if controls > len(sample) // 1000:
        return False
    start = sample.lstrip()[:8].lower()
    return not start.startswith((b"<", b"%pdf", b"{\\rtf"))


def _megabytes(size: int) -> int:
    return max(1, math.ceil(size / 2**20))


# --- Workbooks ----------------------------------------------------------------------------------------------


def _read_workbook(data: bytes, on_sheet: Callable[[Sheet], None]) -> list[Sheet]:
    """Read every sheet with fastexcel; calamine recognises xlsx, xlsm, xlsb, xls and ods from the bytes.

    Sheets are read by READ_THREADS workers, each with its own reader (a reader cannot be shared), largest
    first: the Rust parsing of the one sheet that dominates starts at once, and the others are read, and
    handed to `on_sheet`, beside it.
    """
    try:
        names = fastexcel.read_excel(data).sheet_names
        sizes = _sheet_sizes(data)
        pending = iter(sorted(range(len(names)), key=lambda index: -sizes.get(names[index], 0)))
        lock = threading.Lock()
        failed = threading.Event()  # a refused sheet stops the other worker: the file is refused anyway
        sheets: dict[int, Sheet] = {}
        count = len(names)

        def work() -> None:
            reader = fastexcel.read_excel(data)
            while not failed.is_set():
                with lock:
                    index = next(pending, None)
                if index is None:
                    return
                try:
                    loaded = reader.load_sheet(index, header_row=None, skip_rows=0, dtypes="string")
                    columns = [column.absolute_index for column in loaded.available_columns()]
                    sheets[index] = Sheet(
                        names[index], loaded.visible == "visible", _frame(loaded.to_arrow(), columns)
                    )
                    on_sheet(sheets[index])
                except BaseException:
                    failed.set()
                    raise

        with ThreadPoolExecutor(max_workers=min(READ_THREADS, count) or 1) as pool:
            for job in [pool.submit(work) for _ in range(min(READ_THREADS, count))]:
                job.result()
        return [sheets[index] for index in range(count)]
    except fastexcel.FastExcelError as exc:
        if "password" in str(exc).lower():
            raise UnreadableFile("password_protected") from None
        raise UnreadableFile("corrupt_workbook") from None
    except BaseException as exc:
        # A Rust panic surfaces as pyo3's PanicException, which derives from BaseException.
        if type(exc).__name__ == "PanicException":
            raise UnreadableFile("corrupt_workbook") from None
        raise


def _sheet_sizes(data: bytes) -> dict[str, int]:
    """Return each worksheet's unzipped size by sheet name (an .xlsx or .xlsm), or nothing for other formats."""
    if not data.startswith(ZIP_MAGIC):
        return {}
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = {name.lower(): name for name in archive.namelist()}
            if "xl/workbook.xml" not in names:
                return {}
            return {
                sheet: archive.getinfo(part).file_size for sheet, part in _worksheet_parts(archive, names)
            }
    except (ElementTree.ParseError, KeyError, zipfile.BadZipFile, zlib.error):
        return {}


def _frame(table: pa.Table, columns: list) -> pd.DataFrame:
    """Build a frame of pyarrow strings (empty cells as NA) without trailing empty rows, indexed from row 1."""
    arrays = []
    for array in table.columns:
        if not pa.types.is_string(array.type):
            array = pc.cast(array, pa.string())
        # An empty string (a formula returning "") or only spaces looks blank in Excel: a blank cell.
        # (utf8_is_space says so without building trimmed copies of every cell.)
        blank = pc.or_(pc.equal(pc.binary_length(array), 0), pc.utf8_is_space(array))
        arrays.append(pc.if_else(blank, pa.scalar(None, pa.string()), array))
    height = 0
    if arrays:
        filled = np.zeros(len(table), dtype=bool)
        for array in arrays:
            filled |= pc.is_valid(array).to_numpy(zero_copy_only=False)
        rows = np.flatnonzero(filled)
        height = int(rows[-1]) + 1 if len(rows) else 0
    if height == 0:
        return pd.DataFrame(index=pd.RangeIndex(1, 1))
    sliced = pa.table([array.slice(0, height) for array in arrays], names=[str(column) for column in columns])
    frame = sliced.to_pandas(types_mapper=_STRING_TYPES.get)
    frame.columns = pd.Index(columns)
    frame.index = pd.RangeIndex(1, height + 1)
    return frame


# --- Formulas without a result, Excel errors ---------------------------------------------------------------


@dataclass(frozen=True)
class FormulaGap:
    """A cell that reads as empty although it is not: a formula never calculated, or an Excel error."""

    sheet: str
    row: int  # Excel row, 1-based
    col: int  # 0-based absolute column (A = 0)
    kind: str  # "no_value" or "error"
    value: str | None  # the error text such as "#REF!", or the formula text for no_value


@dataclass(frozen=True)
class MergedRange:
    """Cells merged into one in Excel: calamine reads the value in the first cell only."""

    sheet: str
    first_row: int  # Excel rows, 1-based
    first_col: int  # 0-based absolute columns (A = 0)
    last_row: int
    last_col: int


@dataclass
class WorkbookScan:
    """What the scan of an .xlsx's worksheets finds beside calamine's reading.

    At most COLUMN_GAPS gaps are kept per column: a column of formulas never calculated (a score on every
    row) would otherwise crowd out the few Excel errors of the others. The rest are counted in `more`.
    """

    gaps: list[FormulaGap] = field(default_factory=list)
    merges: list[MergedRange] = field(default_factory=list)
    more: dict[tuple[str, int], int] = field(default_factory=dict)  # (sheet, column) -> gaps not kept
    seen: int = 0  # gaps met, kept or not

    kept: Counter = field(default_factory=Counter, repr=False)  # (sheet, column) -> gaps kept

    def add(self, gap: FormulaGap) -> None:
        self.seen += 1
        key = (gap.sheet, gap.col)
        if self.kept[key] < COLUMN_GAPS:
            self.kept[key] += 1
            self.gaps.append(gap)
        else:
            self.more[key] = self.more.get(key, 0) + 1


def scan_workbook(path: Path, *, limit: int = 1_000_000, chunk_size: int = SCAN_CHUNK_BYTES) -> WorkbookScan:
    """Find, in an .xlsx or .xlsm, the formulas with no saved result, the Excel error cells and merged ranges.

    calamine reads the first two as empty cells, a merged range's value in its first cell only. Each worksheet is inflated `chunk_size` bytes at a time and only the
    chunks holding a formula or an error are searched, so a sheet of plain values costs little more than its
    decompression. Call it once `check_container` has accepted the file. Other formats give an empty scan.
    The formula text of a shared formula's dependent cell is not written in the cell: its value is None.
    The scan stops after `limit` gaps, kept or counted: a time guard against a sheet of formulas only.
    """
    path = Path(path)
    found = WorkbookScan()
    with path.open("rb") as stream:
        if not stream.read(len(ZIP_MAGIC)).startswith(ZIP_MAGIC):
            return found
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower(): name for name in archive.namelist()}
            if "xl/workbook.xml" not in names:
                return found  # xlsb, ods
            for sheet, part in _worksheet_parts(archive, names):
                _SheetScan(sheet, found, limit).run(archive, part, max(chunk_size, 16))
                if found.seen >= limit:
                    break
    except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError, struct.error):
        raise UnreadableFile("corrupt_zip") from None
    except ElementTree.ParseError:
        raise UnreadableFile("corrupt_workbook") from None
    del found.merges[MAX_MERGES:]
    return found


def _worksheet_parts(archive: zipfile.ZipFile, names: dict[str, str]) -> list[tuple[str, str]]:
    """Return (sheet name, zip entry) for each worksheet, in workbook order, from workbook.xml and its rels."""
    targets: dict[str, str] = {}
    if "xl/_rels/workbook.xml.rels" in names:
        for element in _xml_elements(archive, names["xl/_rels/workbook.xml.rels"], "Relationship"):
            target = element.get("Target", "")
            if element.get("TargetMode") == "External" or not element.get("Type", "").endswith("/worksheet"):
                continue
            part = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
            if part.lower() in names:
                targets[element.get("Id", "")] = names[part.lower()]
    parts = []
    for element in _xml_elements(archive, names["xl/workbook.xml"], "sheet"):
        relation = next((value for key, value in element.attrib.items() if key.endswith("}id")), None)
        if relation in targets:
            parts.append((element.get("name", ""), targets[relation]))
    return parts


def _xml_elements(archive: zipfile.ZipFile, name: str, local_name: str):
    """Yield the elements of one XML part with this local name, parsed as a stream (check_container refused
    any DTD, so no entity can expand)."""
    with archive.open(name) as stream:
        for _, element in ElementTree.iterparse(stream, events=("end",)):
            if element.tag.rpartition("}")[2] == local_name:
                yield element
            element.clear()


class _SheetScan:
    """Stream one worksheet part and collect its formula gaps.

    The position of a cell is its r="C12" attribute; a cell or row without one takes the next column or row,
    as calamine places it, so the scan keeps the current row and the last column between chunks.
    """

    def __init__(self, sheet: str, found: WorkbookScan, limit: int) -> None:
        self.sheet, self.found, self.limit, self.merges = sheet, found, limit, found.merges
        self.row, self.col = 0, -1  # the last row element's number, the last cell's column in it

    def run(self, archive: zipfile.ZipFile, part: str, chunk_size: int) -> None:
        with archive.open(part) as stream:
            data, root = b"", None
            while len(data) < MAX_XML_PROLOG_BYTES:  # read until the root element's start tag is whole
                chunk = stream.read(chunk_size)
                data += chunk
                root = _find_root(data.decode("latin-1"))
                if not chunk or (root is not None and data.find(b">", root.end()) >= 0):
                    break
            if root is None or root.group(2) != "worksheet":
                return  # a UTF-16 part (calamine refuses those too) or not a worksheet
            self._compile((root.group(1) or "").encode("latin-1"))
            carry = b""
            while data:
                data = carry + data
                cut = self._last(data, self.cell_tag, 0, len(data))
                if cut <= 0:  # no complete cell yet: wait for more, unless this is one huge text cell
                    if len(data) <= MAX_SCAN_CARRY:
                        carry, data = data, stream.read(chunk_size)
                        continue
                    cut = data.rfind(b"<")
                    cut = cut if cut > 0 else len(data)
                self._scan(data, cut)  # data[:cut] ends where the last cell starts: every cell in it is whole
                if self.found.seen >= self.limit:
                    return
                carry, data = data[cut:], stream.read(chunk_size)
            self._scan(carry, len(carry))

    def _compile(self, prefix: bytes) -> None:
        p = re.escape(prefix)
        self.row_tag, self.cell_tag, self.formula_tag = (
            b"<" + prefix + b"row",
            b"<" + prefix + b"c",
            b"<" + prefix + b"f",
        )
        self.tag = re.compile(rb"<" + p + rb"(row|c)\b([^>]*)>")
        self.cell = re.compile(rb"<" + p + rb"c\b([^>]*)>")
        # A formula with nothing after it in its cell, or the empty <v/> or <v></v> openpyxl writes (which
        # one depends on whether lxml is installed): no saved result (shared formula dependents are
        # <f .../>). Excel saves an empty text result as <v></v> too, but in a cell typed t="str".
        empty_value = rb"(?:\s*<" + p + rb"v\s*/>|\s*(<" + p + rb"v\s*>\s*</" + p + rb"v\s*>))?"
        self.no_value = re.compile(
            rb"<"
            + p
            + rb"f\b[^>]*?(?:/>|>([^<]*)</"
            + p
            + rb"f\s*>)"
            + empty_value
            + rb"\s*</"
            + p
            + rb"c\s*>"
        )
        self.error = re.compile(
            rb"<" + p + rb"c\b([^>]*?\bt\s*=\s*(?:\"e\"|'e')[^>]*?)(?<!/)>(.*?)</" + p + rb"c\s*>", re.S
        )
        self.value = re.compile(rb"<" + p + rb"v\b[^>]*>([^<]*)</" + p + rb"v\s*>")
        # Merged ranges come after the cells: <mergeCell ref="A5:A6"/>.
        self.merge_tag = b"<" + prefix + b"mergeCell"
        self.merge = re.compile(
            rb"<" + p + rb"mergeCell\b[^>]*?\bref\s*=\s*[\"']\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})"
            rb"\s*:\s*\$?([A-Za-z]{1,3})\$?(\d{1,7})\s*[\"']"
        )

    def _scan(self, data: bytes, end: int) -> None:
        """Collect the gaps of data[:end], a run of whole cells, and carry the row and column past it."""
        if len(self.merges) < MAX_MERGES and data.find(self.merge_tag, 0, end) >= 0:
            for found in self.merge.finditer(data, 0, end):
                (first_col, first_row), (last_col, last_row) = (
                    (_column_index(found[i].decode("ascii")), int(found[i + 1])) for i in (1, 3)
                )
                self.merges.append(
                    MergedRange(
                        self.sheet,
                        min(first_row, last_row),
                        min(first_col, last_col),
                        max(first_row, last_row),
                        max(first_col, last_col),
                    )
                )
        found: dict[int, tuple[bytes, str, str | None]] = {}
        if self._holds_formula(data, end):
            for match in self.no_value.finditer(data, 0, end):
                start = self._last(data, self.cell_tag, 0, match.start())
                cell = self.cell.match(data, start, match.start()) if start >= 0 else None
                # The formula must be the cell's first child, and the cell not an empty <c/>.
                if (
                    cell is not None
                    and not cell[1].endswith(b"/")
                    and not data[cell.end() : match.start()].strip()
                    and not (match[2] and _TEXT_RESULT.search(cell[1]))
                ):
                    found[start] = (cell[1], "no_value", _xml_text(match[1]) if match[1] else None)
        # An error cell is t="e" with a value such as #REF!: every Excel error starts with "#", a byte the
        # markup never uses, hence a fast gate.
        for quoted in (b'"e"', b"'e'") if data.find(b"#", 0, end) >= 0 else ():
            at = data.find(quoted, 0, end)
            while at >= 0:
                start = data.rfind(b"<", 0, at)
                error = self.error.match(data, start, end) if start >= 0 else None
                value = self.value.search(error[2]) if error is not None and start not in found else None
                if value is not None and value[1].startswith(b"#"):
                    found[start] = (error[1], "error", _xml_text(value[1]))
                at = data.find(quoted, at + 3, end)
        done = 0
        for start in sorted(found):
            attrs, kind, value = found[start]
            name = _CELL_NAME.search(attrs)
            if name:
                row, col = int(name[2]), _column_index(name[1].decode("ascii"))
            else:
                self._advance(data, done, start)
                done, row, col = start, self.row, self.col + 1
            self.found.add(FormulaGap(self.sheet, row, col, kind, value))
            if self.found.seen >= self.limit:
                return
        self._advance(data, done, end)

    def _holds_formula(self, data: bytes, end: int) -> bool:
        """Tell whether data[:end] holds a <f> tag, looking first at each "f" byte (memchr-fast: markup
        without formulas has almost none), then, past a few that are text, searching for the whole tag."""
        tag, back = self.formula_tag, len(self.formula_tag) - 1
        at, misses = data.find(b"f", back, end), 0
        while at >= 0:
            if data.startswith(tag, at - back) and at + 1 < end and data[at + 1] in _TAG_END:
                return True
            misses += 1
            if misses > 32:  # text with many f: one search over the rest
                return data.find(tag, at + 1 - back, end) >= 0
            at = data.find(b"f", at + 1, end)
        return False

    def _advance(self, data: bytes, start: int, end: int) -> None:
        """Move the row and column from where they stood at `start` to where they stand at `end`.

        Only the last row and cell tags matter when they carry r=; the tags are walked one by one otherwise.
        """
        row_at = self._last(data, self.row_tag, start, end)
        if row_at >= 0:
            tag = self.tag.match(data, row_at, end)
            number = _ROW_NUMBER.search(tag[2]) if tag else None
            if number is None:
                return self._walk(data, start, end)
            self.row, self.col, start = int(number[1]), -1, row_at
        cell_at = self._last(data, self.cell_tag, start, end)
        if cell_at >= 0:
            tag = self.tag.match(data, cell_at, end)
            name = _CELL_NAME.search(tag[2]) if tag else None
            if name is None:
                return self._walk(data, start, end)
            self.col = _column_index(name[1].decode("ascii"))
        return None

    def _walk(self, data: bytes, start: int, end: int) -> None:
        for tag in self.tag.finditer(data, start, end):
            if tag[1] == b"row":
                number = _ROW_NUMBER.search(tag[2])
                self.row, self.col = (int(number[1]) if number else self.row + 1), -1
            else:
                name = _CELL_NAME.search(tag[2])
                self.col = _column_index(name[1].decode("ascii")) if name else self.col + 1

    @staticmethod
    def _last(data: bytes, tag: bytes, start: int, end: int) -> int:
        """Return where the last start tag `tag` (not a longer name: <c, not <cols) begins in data[start:end]."""
        at = data.rfind(tag, start, end)
        while at >= 0:
            follower = at + len(tag)
            if follower < len(data) and data[follower] in _TAG_END:
                return at
            at = data.rfind(tag, start, at)
        return -1


def _xml_text(raw: bytes) -> str:
    return html.unescape(raw.decode("utf-8", errors="replace"))


# --- CSV ----------------------------------------------------------------------------------------------------


def _read_csv(data: bytes, name: str) -> tuple[Sheet, str, str]:
    """Read a CSV file as one sheet; index = the row number a spreadsheet shows for each record."""
    encoding = _detect_encoding(data)
    text = data.decode(encoding)
    separator = _detect_separator(text[:SNIFF_BYTES])
    widest = max(record[separator] for record in _sample_records(text[:SNIFF_BYTES])) + 1
    if widest > MAX_COLUMNS:  # said before pandas builds a frame that wide
        raise UnreadableFile("too_many_columns", sheet=name, columns=widest, limit=MAX_COLUMNS)
    try:
        try:
            frame = _parse_csv(text, separator, names=None)
        except pd.errors.ParserError as exc:
            if "Expected" not in str(exc):
                raise
            # A later record is wider than the first: give pandas the widest record's width.
            records = csv.reader(io.StringIO(text), delimiter=separator)
            frame = _parse_csv(
                text, separator, names=range(max((len(record) for record in records), default=1))
            )
    except (pd.errors.ParserError, csv.Error) as exc:
        raise UnreadableFile("malformed_csv", line=_error_line(str(exc))) from None
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return Sheet(name, True, _frame(table, list(range(frame.shape[1])))), encoding, separator


def _parse_csv(text: str, separator: str, names: range | None) -> pd.DataFrame:
    return pd.read_csv(
        io.StringIO(text),
        header=None,
        names=names,
        dtype=str,
        keep_default_na=False,
        sep=separator,
        skip_blank_lines=False,
        engine="c",
    )


def _error_line(message: str) -> int | str:
    found = re.search(r"row (\d+)", message)
    return int(found.group(1)) + 1 if found else "?"


def _detect_encoding(data: bytes) -> str:
    """Return utf-8-sig, utf-16, utf-8 or cp1252, whichever decodes the whole file first; latin-1 last."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    for encoding in ("utf-8", "cp1252"):
        try:
            data.decode(encoding)
        except UnicodeDecodeError:
            continue
        return encoding
    return "latin-1"


def _detect_separator(sample: str) -> str:
    """Return the separator found the same number of times, outside quotes, on most of the first records."""
    counts: dict[str, list[int]] = {separator: [] for separator in CSV_SEPARATORS}
    for record in _sample_records(sample):
        for separator in CSV_SEPARATORS:
            counts[separator].append(record[separator])
    best, best_score = ",", (0, 0)
    for separator, per_record in counts.items():
        used = [count for count in per_record if count > 0]
        if not used:
            continue
        usual, _ = Counter(used).most_common(1)[0]
        score = (sum(count == usual for count in per_record), usual)
        if score > best_score:
            best, best_score = separator, score
    return best


def _sample_records(sample: str, limit: int = 50) -> list[Counter]:
    """Count separators outside quotes in each complete record of the sample (a cut last record is dropped)."""
    records: list[Counter] = []
    current: Counter = Counter()
    quoted = False
    for char in sample:
        if char == '"':
            quoted = not quoted
        elif quoted:
            continue
        elif char == "\n":
            if current:
                records.append(current)
            current = Counter()
            if len(records) >= limit:
                break
        elif char in CSV_SEPARATORS:
            current[char] += 1
    return records or [current]
