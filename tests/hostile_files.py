"""Build, at test time, a corpus of broken and hostile uploads: each file small on disk, made by code with a fixed seed.

Workbook containers are written by hand (zipfile for OOXML and ODS, a minimal Compound File Binary writer for
legacy .xls and for an encrypted workbook) so every byte that matters is visible here, and nothing binary is
committed. `build_corpus(directory)` returns {name: path}; the tests say what each file must give.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from pathlib import Path

SEED = 20260109
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
WORKBOOK_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_WORKBOOK_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

# Expected reading of the successful files, worked out from the builders below.
XLS_ROWS = [["Code projet", "Budget (k€)"], ["PRJ-001", "1250.5"], ["PRJ-002", "980"]]
CSV_UTF8 = 'code,name,comment\nPRJ-1,"Refonte, phase 2","two\nlines"\nPRJ-2,Migration,\n'
CSV_CP1252 = "Code;Libellé;Budget (£k)\nPRJ-1;Réseau;1 200\nPRJ-2;Sécurité;£300\n"

# Each hostile file and the code the reader must give (at 200,000 rows; the files named rows_300* are read
# with a limit of 200 rows).
REFUSED = {
    "text_named_xlsx.xlsx": "not_a_workbook",
    "png_named_xlsx.xlsx": "not_a_workbook",
    "pdf_named_xlsx.xlsx": "not_a_workbook",
    "random_bytes.xlsx": "not_a_workbook",
    "zip_not_workbook.xlsx": "not_a_workbook",
    "empty_file.xlsx": "empty_workbook",
    "empty_workbook.xlsx": "empty_workbook",
    "truncated.xlsx": "corrupt_zip",
    "corrupt_zip.xlsx": "corrupt_zip",
    "malformed_sheet.xlsx": "corrupt_workbook",
    "password_protected.xlsx": "password_protected",
    "zip_bomb.xlsx": "zip_bomb",
    "too_many_entries.xlsx": "zip_bomb",
    "entity_bomb.xlsx": "xml_entities",
    "dimension_bomb.xlsx": "too_many_rows",
    "cells_bomb.xlsx": "too_many_cells",
    "rows_300.xlsx": "too_many_rows",
    "rows_300_no_dimension.xlsx": "too_many_rows",
    # No <dimension> tag warns the checks: calamine aborts the child allocating 512 GB, the sandbox reports it.
    "huge_range_no_dimension.xlsx": "out_of_memory",
}


def build_corpus(directory: Path) -> dict[str, Path]:
    """Write every corpus file into `directory` and return them by name."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    valid = xlsx_bytes([sheet_xml([["Code", "Budget"], ["PRJ-1", 10], ["PRJ-2", 20]], dimension="A1:B3")])
    files = {
        "text_named_xlsx.xlsx": b"Minutes of the steering committee.\nNothing to import here.\n",
        "png_named_xlsx.xlsx": png_bytes(),
        "pdf_named_xlsx.xlsx": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n",
        "random_bytes.xlsx": rng.randbytes(3000),
        "empty_file.xlsx": b"",
        "truncated.xlsx": valid[: len(valid) // 2],
        "corrupt_zip.xlsx": corrupt_central_directory(valid, rng),
        "zip_not_workbook.xlsx": zip_bytes(
            {"word/document.xml": "<document/>", "[Content_Types].xml": "<Types/>"}
        ),
        "empty_workbook.xlsx": xlsx_bytes([sheet_xml([], dimension="A1")]),
        "password_protected.xlsx": encrypted_package_bytes(rng),
        "macros.xlsm": xlsm_bytes(),
        "legacy.xls": xls_bytes({"Projets": XLS_ROWS, "Cachée": [["secret"]]}, hidden={"Cachée"}),
        "calc.ods": ods_bytes([["Code projet", "Budget"], ["PRJ-1", 12.5]]),
        "utf8_comma.csv": CSV_UTF8.encode("utf-8"),
        "cp1252_semicolon.csv": CSV_CP1252.encode("cp1252"),
        "unicode_text.csv": "\ufeffCode\tBudget\nPRJ-1\t10\n".encode("utf-16-le"),
        "ragged.csv": b"a,b\n1,2,3,4\n5\n",
        "malformed_sheet.xlsx": xlsx_bytes([sheet_xml([["ok"]]).replace("</sheetData>", "<row><c")]),
        "entity_bomb.xlsx": entity_bomb_bytes(),
        "dimension_bomb.xlsx": xlsx_bytes([far_cell_sheet("A1:XFD1048576")]),
        "cells_bomb.xlsx": xlsx_bytes([far_cell_sheet("A1:XFD100000", row=100000)]),
        "huge_range_no_dimension.xlsx": xlsx_bytes([far_cell_sheet(None)]),
        "rows_300.xlsx": xlsx_bytes([sheet_xml([[f"row {n}"] for n in range(1, 301)], dimension="A1:A300")]),
        "rows_300_no_dimension.xlsx": xlsx_bytes([sheet_xml([[f"row {n}"] for n in range(1, 301)])]),
    }
    paths = {}
    for name, data in files.items():
        paths[name] = directory / name
        paths[name].write_bytes(data)
    paths["zip_bomb.xlsx"] = write_zip_bomb(directory / "zip_bomb.xlsx")
    paths["too_many_entries.xlsx"] = write_many_entries(directory / "too_many_entries.xlsx")
    return paths


# --- OOXML by hand ------------------------------------------------------------------------------------------


def zip_bytes(entries: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(_fixed_date(name), content)
    return buffer.getvalue()


def xlsx_bytes(sheets: list[str], shared_strings: str | None = None, extra: dict | None = None) -> bytes:
    """Return a minimal valid .xlsx holding the given worksheet XML parts, named Sheet1, Sheet2..."""
    overrides = "".join(
        f'<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="{SHEET_TYPE}"/>'
        for n in range(1, len(sheets) + 1)
    )
    if shared_strings is not None:
        overrides += (
            '<Override PartName="/xl/sharedStrings.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
        )
    entries: dict[str, str | bytes] = {
        "[Content_Types].xml": XML_DECLARATION
        + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{WORKBOOK_TYPE}"/>{overrides}</Types>',
        "_rels/.rels": XML_DECLARATION + f'<Relationships xmlns="{PKG_REL_NS}">'
        f'<Relationship Id="rId1" Type="{REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": XML_DECLARATION
        + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
        + "".join(f'<sheet name="Sheet{n}" sheetId="{n}" r:id="rId{n}"/>' for n in range(1, len(sheets) + 1))
        + "</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": XML_DECLARATION
        + f'<Relationships xmlns="{PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(1, len(sheets) + 1)
        )
        + (
            f'<Relationship Id="rIdS" Type="{REL_NS}/sharedStrings" Target="sharedStrings.xml"/>'
            if shared_strings is not None
            else ""
        )
        + "</Relationships>",
    }
    for n, sheet in enumerate(sheets, start=1):
        entries[f"xl/worksheets/sheet{n}.xml"] = sheet
    if shared_strings is not None:
        entries["xl/sharedStrings.xml"] = shared_strings
    entries.update(extra or {})
    return zip_bytes(entries)


def sheet_xml(rows: list[list], dimension: str | None = None, first_row: int = 1) -> str:
    """Return worksheet XML with inline strings and numbers, rows starting at `first_row`, from column A."""
    body = []
    for number, row in enumerate(rows, start=first_row):
        cells = []
        for col, value in enumerate(row):
            ref = f"{column_letters(col)}{number}"
            if value is None:
                continue
            if isinstance(value, str):
                cells.append(f'<c r="{ref}" t="inlineStr"><is><t>{_escape(value)}</t></is></c>')
            else:
                cells.append(f'<c r="{ref}"><v>{value}</v></c>')
        body.append(f'<row r="{number}">{"".join(cells)}</row>')
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        XML_DECLARATION
        + f'<worksheet xmlns="{MAIN_NS}">{dim}<sheetData>{"".join(body)}</sheetData></worksheet>'
    )


def raw_sheet(rows_xml: str, prefix: str = "") -> str:
    """Return worksheet XML around hand-written <row> elements; with `prefix`, every element is prefixed
    (<x:row>, <x:c>), as some .NET writers do."""
    tag = f"{prefix}:" if prefix else ""
    namespace = f'xmlns:{prefix}="{MAIN_NS}"' if prefix else f'xmlns="{MAIN_NS}"'
    return XML_DECLARATION + (
        f"<{tag}worksheet {namespace}><{tag}sheetData>{rows_xml}</{tag}sheetData></{tag}worksheet>"
    )


def named_workbook(names: list[str]) -> dict[str, str]:
    """Return the workbook.xml and its rels naming the sheets given to xlsx_bytes (as its `extra` entries).

    The n-th name goes with worksheets/sheet{n}.xml; the relationships are listed in reverse order, so that
    a reader must follow their ids rather than their positions.
    """
    workbook = (
        XML_DECLARATION
        + f'<workbook xmlns="{MAIN_NS}" xmlns:r="{REL_NS}"><sheets>'
        + "".join(
            f'<sheet name="{_escape(name).replace(chr(34), "&quot;")}" sheetId="{n}" r:id="rId{n}"/>'
            for n, name in enumerate(names, start=1)
        )
        + "</sheets></workbook>"
    )
    rels = (
        XML_DECLARATION
        + f'<Relationships xmlns="{PKG_REL_NS}">'
        + "".join(
            f'<Relationship Id="rId{n}" Type="{REL_NS}/worksheet" Target="worksheets/sheet{n}.xml"/>'
            for n in range(len(names), 0, -1)
        )
        + "</Relationships>"
    )
    return {"xl/workbook.xml": workbook, "xl/_rels/workbook.xml.rels": rels}


def far_cell_sheet(dimension: str | None, row: int = 1048576) -> str:
    """Return a sheet with A1 and one cell at column XFD: calamine allocates the whole range between them."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        XML_DECLARATION + f'<worksheet xmlns="{MAIN_NS}">{dim}<sheetData>'
        '<row r="1"><c r="A1" t="inlineStr"><is><t>start</t></is></c></row>'
        f'<row r="{row}"><c r="XFD{row}"><v>1</v></c></row></sheetData></worksheet>'
    )


def entity_bomb_bytes() -> bytes:
    """Return an xlsx whose shared strings declare the "billion laughs" entities (10^9 copies of "lol")."""
    entities = ['<!ENTITY lol0 "lol">'] + [f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)]
    shared = (
        XML_DECLARATION + f"<!DOCTYPE sst [{''.join(entities)}]>"
        f'<sst xmlns="{MAIN_NS}" count="1" uniqueCount="1"><si><t>&lol9;</t></si></sst>'
    )
    sheet = (
        XML_DECLARATION
        + f'<worksheet xmlns="{MAIN_NS}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>'
    )
    return xlsx_bytes([sheet], shared_strings=shared)


def xlsm_bytes() -> bytes:
    """Return a macro-enabled workbook: values plus a vbaProject.bin that the reader must ignore."""
    data = xlsx_bytes([sheet_xml([["Code projet", "Avancement"], ["PRJ-1", 0.5]], dimension="A1:B2")])
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        entries: dict[str, str | bytes] = {info.filename: source.read(info) for info in source.infolist()}
    entries["[Content_Types].xml"] = (
        entries["[Content_Types].xml"]
        .decode()
        .replace(WORKBOOK_TYPE, MACRO_WORKBOOK_TYPE)
        .replace(
            "<Default Extension",
            '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension',
            1,
        )
    )
    entries["xl/_rels/workbook.xml.rels"] = (
        entries["xl/_rels/workbook.xml.rels"]
        .decode()
        .replace(
            "</Relationships>",
            '<Relationship Id="rIdV" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" '
            'Target="vbaProject.bin"/></Relationships>',
        )
    )
    entries["xl/vbaProject.bin"] = cfb_bytes({"PROJECT": b'ID="{00000000}"\r\nName="VBAProject"\r\n'})
    return zip_bytes(entries)


def corrupt_central_directory(data: bytes, rng: random.Random) -> bytes:
    """Break the central directory's signature and flip a few more of its bytes."""
    corrupted = bytearray(data)
    start = struct.unpack_from("<I", data, data.rfind(b"PK\x05\x06") + 16)[0]
    corrupted[start : start + 4] = b"XXXX"
    for _ in range(8):
        at = rng.randrange(start + 4, len(data) - 22)
        corrupted[at] ^= 0xFF
    return bytes(corrupted)


def write_zip_bomb(path: Path) -> Path:
    """Write an xlsx whose sheet inflates to 60 MB of blanks from about 60 KB (over the 200:1 and 50 MB line)."""
    head = sheet_xml([["Code"], ["PRJ-1"]]).replace("<sheetData>", "<sheetData>\n")
    before, after = head.split("\n<row", 1)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, content in _zip_entries(xlsx_bytes([head])).items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(_fixed_date(name), content)
        with archive.open(_fixed_date("xl/worksheets/sheet1.xml"), "w") as sheet:
            sheet.write(before.encode())
            blanks = b" " * 2**20
            for _ in range(60):
                sheet.write(blanks)
            sheet.write(b"\n<row" + after.encode())
    return path


def write_many_entries(path: Path) -> Path:
    """Write a valid xlsx padded with 10,001 empty entries (about 1 MB): over the entry limit."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        for name, content in _zip_entries(xlsx_bytes([sheet_xml([["x"]])])).items():
            archive.writestr(_fixed_date(name), content)
        for n in range(10_001):
            archive.writestr(_fixed_date(f"customXml/i{n}"), b"")
    return path


def _zip_entries(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def _fixed_date(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=(2026, 1, 9, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    return info


def column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- ODS, PNG -----------------------------------------------------------------------------------------------


def ods_bytes(rows: list[list]) -> bytes:
    """Return a minimal OpenDocument spreadsheet with one table."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
    text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
    body = []
    for row in rows:
        cells = []
        for value in row:
            if isinstance(value, str):
                cells.append(
                    f'<table:table-cell office:value-type="string"><text:p>{_escape(value)}</text:p></table:table-cell>'
                )
            else:
                cells.append(
                    f'<table:table-cell office:value-type="float" office:value="{value}"><text:p>{value}</text:p></table:table-cell>'
                )
        body.append(f"<table:table-row>{''.join(cells)}</table:table-row>")
    content = (
        XML_DECLARATION
        + f'<office:document-content xmlns:office="{office}" xmlns:table="{table}" xmlns:text="{text}" '
        f'office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Projets">{"".join(body)}'
        "</table:table></office:spreadsheet></office:body></office:document-content>"
    )
    manifest = (
        XML_DECLARATION
        + '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" '
        'manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>'
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        # The OpenDocument mimetype comes first and is stored uncompressed.
        archive.writestr(
            zipfile.ZipInfo("mimetype", (2026, 1, 9, 0, 0, 0)),
            "application/vnd.oasis.opendocument.spreadsheet",
        )
        archive.writestr(_fixed_date("META-INF/manifest.xml"), manifest)
        archive.writestr(_fixed_date("content.xml"), content)
    return buffer.getvalue()


def png_bytes() -> bytes:
    """Return a valid 1x1 grey PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"\x00\x80"))
        + chunk(b"IEND", b"")
    )


# --- Compound File Binary (MS-CFB) and BIFF8 (MS-XLS) --------------------------------------------------------

SECTOR = 512
FREE, END_OF_CHAIN, FAT_SECTOR, NO_STREAM = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
MINI_STREAM_CUTOFF = 4096


def cfb_bytes(streams: dict[str, bytes]) -> bytes:
    """Return a version 3 compound file holding `streams` at its root (MS-CFB 2.2 to 2.6).

    Every stream is padded to the mini-stream cutoff (4096 bytes) so that all live in ordinary sectors and
    no mini FAT is needed; readers stop at their own end-of-data records, so the padding is never parsed.
    """
    # Siblings form a chain to the right, so names go in CFB order: shorter first, then by upper case.
    names = sorted(streams, key=lambda name: (len(name), name.upper()))
    padded = [streams[name].ljust(MINI_STREAM_CUTOFF, b"\x00") for name in names]
    data_sectors = [-(-len(data) // SECTOR) for data in padded]
    dir_sectors = -(-(len(names) + 1) * 128 // SECTOR)
    fat_sectors = 1
    while fat_sectors * (SECTOR // 4) < fat_sectors + dir_sectors + sum(data_sectors):
        fat_sectors += 1
    if fat_sectors > 109:
        raise ValueError("streams too large for a header-only DIFAT")

    fat = [FAT_SECTOR] * fat_sectors
    dir_start = len(fat)
    fat += [dir_start + n + 1 for n in range(dir_sectors - 1)] + [END_OF_CHAIN]
    starts = []
    for count in data_sectors:
        starts.append(len(fat))
        fat += [len(fat) + n + 1 for n in range(count - 1)] + [END_OF_CHAIN]
    fat += [FREE] * (fat_sectors * (SECTOR // 4) - len(fat))

    entries = [_directory_entry("Root Entry", 5, child=1 if names else NO_STREAM, start=END_OF_CHAIN, size=0)]
    for number, (name, data, start) in enumerate(zip(names, padded, starts, strict=True), start=1):
        right = number + 1 if number < len(names) else NO_STREAM
        entries.append(_directory_entry(name, 2, right=right, start=start, size=len(data)))
    directory = b"".join(entries).ljust(dir_sectors * SECTOR, b"\x00")
    # Unused directory slots must still say "no sibling, no child".
    directory = bytearray(directory)
    for slot in range(len(entries), dir_sectors * SECTOR // 128):
        struct.pack_into("<III", directory, slot * 128 + 68, NO_STREAM, NO_STREAM, NO_STREAM)

    difat = list(range(fat_sectors)) + [FREE] * (109 - fat_sectors)
    header = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
        + bytes(16)
        + struct.pack("<HHHHH", 0x003E, 3, 0xFFFE, 9, 6)
        + bytes(6)
        + struct.pack(
            "<IIIIIIIII", 0, fat_sectors, dir_start, 0, MINI_STREAM_CUTOFF, END_OF_CHAIN, 0, END_OF_CHAIN, 0
        )
        + struct.pack("<109I", *difat)
    )
    body = struct.pack(f"<{len(fat)}I", *fat) + bytes(directory)
    for data, count in zip(padded, data_sectors, strict=True):
        body += data.ljust(count * SECTOR, b"\x00")
    return header + body


def _directory_entry(
    name: str, kind: int, *, child=NO_STREAM, right=NO_STREAM, start: int, size: int
) -> bytes:
    encoded = name.encode("utf-16-le") + b"\x00\x00"
    return (
        encoded.ljust(64, b"\x00")
        + struct.pack("<HBB", len(encoded), kind, 1)
        + struct.pack("<III", NO_STREAM, right, child)
        + bytes(16 + 4 + 8 + 8)
        + struct.pack("<IQ", start, size)
    )


def encrypted_package_bytes(rng: random.Random) -> bytes:
    """Return what Excel writes for a password-protected workbook: an OLE file with EncryptionInfo and EncryptedPackage."""
    info = struct.pack("<HHI", 4, 4, 0x40) + b'<?xml version="1.0"?><encryption/>'
    package = struct.pack("<Q", 4000) + rng.randbytes(4096)
    return cfb_bytes({"EncryptionInfo": info, "EncryptedPackage": package})


def xls_bytes(sheets: dict[str, list[list[str]]], hidden: frozenset | set = frozenset()) -> bytes:
    """Return a legacy BIFF8 workbook (Excel 97-2003) with LABEL and NUMBER cells, in a compound file."""

    def record(kind: int, data: bytes = b"") -> bytes:
        return struct.pack("<HH", kind, len(data)) + data

    def bof(substream: int) -> bytes:
        return record(0x0809, struct.pack("<HHHHII", 0x0600, substream, 0x0DBB, 0x07CC, 0, 6))

    def sheet_stream(rows: list[list[str]]) -> bytes:
        width = max((len(row) for row in rows), default=0)
        cells = [record(0x0200, struct.pack("<IIHHH", 0, len(rows), 0, width, 0))]
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                try:
                    cells.append(record(0x0203, struct.pack("<HHHd", r, c, 0, float(value))))
                except ValueError:
                    text = value.encode("utf-16-le")
                    cells.append(record(0x0204, struct.pack("<HHHHB", r, c, 0, len(value), 1) + text))
        return bof(0x0010) + b"".join(cells) + record(0x000A)

    def bound_sheet(position: int, name: str) -> bytes:
        state = 1 if name in hidden else 0
        return record(
            0x0085, struct.pack("<IBBBB", position, state, 0, len(name), 1) + name.encode("utf-16-le")
        )

    bodies = [sheet_stream(rows) for rows in sheets.values()]
    globals_size = len(bof(0x0005)) + len(record(0x0042, b"..")) + len(record(0x000A))
    globals_size += sum(len(bound_sheet(0, name)) for name in sheets)
    positions, at = [], globals_size
    for body in bodies:
        positions.append(at)
        at += len(body)
    workbook = (
        bof(0x0005)
        + record(0x0042, struct.pack("<H", 1200))  # code page 1200: strings are UTF-16LE
        + b"".join(bound_sheet(position, name) for position, name in zip(positions, sheets, strict=True))
        + record(0x000A)
        + b"".join(bodies)
    )
    return cfb_bytes({"Workbook": workbook})
