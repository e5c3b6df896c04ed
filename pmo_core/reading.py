"""Turn an uploaded spreadsheet or CSV file into sheets of strings, refusing hostile or broken files first.

`check_container` looks at the bytes before any parser does: size, real format (by content, not by name),
zip bombs, XML entity declarations, a declared used range too large to allocate, encrypted workbooks.
`read_file` then reads every sheet with fastexcel (calamine) or pandas, as strings.

Both run in the calling process. A crafted file can still make the Rust reader abort the whole process
(a used range reaching XFD1048576 with no <dimension> tag to warn us), so callers run `read_file`
through `pmo_core.sandbox.run_isolated`.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import math
import re
import struct
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

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
XML_HEAD_BYTES = 4096
MAX_XML_PROLOG_BYTES = 64 * 2**10  # Excel writes a few hundred bytes before the root element
SNIFF_BYTES = 64 * 2**10
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
    path: Path, file_name: str, *, max_rows: int = 200_000, max_bytes: int = 50 * 2**20
) -> Workbook:
    """Check the container, then read every sheet (hidden ones too, flagged) as strings."""
    path = Path(path)
    kind = check_container(path, file_name, max_rows=max_rows, max_bytes=max_bytes)
    data = path.read_bytes()
    encoding = separator = None
    if kind == "csv":
        sheet, encoding, separator = _read_csv(data, Path(file_name).stem or file_name or "CSV")
        sheets = (sheet,)
    else:
        sheets = tuple(_read_workbook(data))
    for sheet in sheets:
        if len(sheet.frame) > max_rows:
            raise UnreadableFile("too_many_rows", sheet=sheet.name, rows=len(sheet.frame), limit=max_rows)
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
            for info in infos:
                if info.filename.lower().endswith((".xml", ".rels")):
                    _check_xml_part(archive, info, max_rows)
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
    cells = last_row * (abs(last_col - first_col) + 1)
    if cells > MAX_CELLS:
        raise UnreadableFile("too_many_cells", cells=cells, limit=MAX_CELLS)


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


def _read_workbook(data: bytes) -> list[Sheet]:
    """Read every sheet with fastexcel; calamine recognises xlsx, xlsm, xlsb, xls and ods from the bytes."""
    try:
        reader = fastexcel.read_excel(data)
        sheets = []
        for index, name in enumerate(reader.sheet_names):
            loaded = reader.load_sheet(index, header_row=None, skip_rows=0, dtypes="string")
            columns = [column.absolute_index for column in loaded.available_columns()]
            sheets.append(Sheet(name, loaded.visible == "visible", _frame(loaded.to_arrow(), columns)))
        return sheets
    except fastexcel.FastExcelError as exc:
        if "password" in str(exc).lower():
            raise UnreadableFile("password_protected") from None
        raise UnreadableFile("corrupt_workbook") from None
    except BaseException as exc:
        # A Rust panic surfaces as pyo3's PanicException, which derives from BaseException.
        if type(exc).__name__ == "PanicException":
            raise UnreadableFile("corrupt_workbook") from None
        raise


def _frame(table: pa.Table, columns: list) -> pd.DataFrame:
    """Build a frame of pyarrow strings (empty cells as NA) without trailing empty rows, indexed from row 1."""
    arrays = []
    for array in table.columns:
        if not pa.types.is_string(array.type):
            array = pc.cast(array, pa.string())
        # An empty string (a formula returning "") or only spaces looks blank in Excel: a blank cell.
        blank = pc.equal(pc.utf8_trim_whitespace(array), "")
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


# --- CSV ----------------------------------------------------------------------------------------------------


def _read_csv(data: bytes, name: str) -> tuple[Sheet, str, str]:
    """Read a CSV file as one sheet; index = the row number a spreadsheet shows for each record."""
    encoding = _detect_encoding(data)
    text = data.decode(encoding)
    separator = _detect_separator(text[:SNIFF_BYTES])
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
