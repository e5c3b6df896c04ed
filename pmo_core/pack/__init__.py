"""The committee pack: a deck written as PowerPoint (native, editable charts) or PDF (fonts embedded).

The pack is reproducible: the same deck gives the same bytes. Dates inside the files are the committee's
(or the snapshot's), never the clock's, and the PowerPoint archive's entries carry one fixed timestamp.
"""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date, datetime

import duckdb

from pmo_core.deck import Deck
from pmo_core.filters import Filters

FORMATS = ("pptx", "pdf")
MEDIA_TYPES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
_EPOCH = (1980, 1, 1, 0, 0, 0)  # the earliest time a zip entry can carry


def write_pack(deck: Deck, fmt: str) -> bytes:
    """Return the deck as a file of the given format ("pptx" or "pdf")."""
    written = _written(deck)
    if fmt == "pptx":
        from pmo_core.pack.powerpoint import write_pptx

        return reproducible_zip(write_pptx(deck, written), written)
    if fmt == "pdf":
        from pmo_core.pack.pdf import write_pdf

        return write_pdf(deck, written)
    raise ValueError(f"unknown pack format {fmt!r} (expected one of {', '.join(FORMATS)})")


def committee_pack(
    con: duckdb.DuckDBPyConnection,
    fmt: str,
    *,
    committee_id: int | None = None,
    snapshot: date | None = None,
    filters: Filters | None = None,
    lang: str = "en",
    today: date | None = None,
) -> tuple[Deck, bytes]:
    """Build a committee's deck and write it; with neither a committee nor a snapshot named, the latest
    committee's, else the current state's."""
    from pmo_core import meetings
    from pmo_core.committee import committee_deck

    if committee_id is None and snapshot is None:
        latest = meetings.latest_committee(con)
        committee_id = latest.committee_id if latest else None
    deck = committee_deck(
        con, committee_id=committee_id, snapshot=snapshot, filters=filters, lang=lang, today=today
    )
    return deck, write_pack(deck, fmt)


def file_name(meeting: str, when: date | None, fmt: str) -> str:
    """Name the file by the meeting and its date: "steering-committee_2026-11-18.pptx"."""
    stem = re.sub(r"[^\w]+", "-", meeting.lower(), flags=re.UNICODE).strip("-") or "pack"
    return f"{stem}_{when.isoformat()}.{fmt}" if when else f"{stem}.{fmt}"


def _written(deck: Deck) -> datetime:
    when = deck.meeting_date or deck.snapshot or date(2000, 1, 1)
    return datetime(when.year, when.month, when.day)


def reproducible_zip(blob: bytes, written: datetime) -> bytes:
    """Rewrite an Office archive with fixed entry times and document dates, embedded workbooks included.

    python-pptx stamps the archive's entries with the clock, and the workbook inside each native chart
    records when it was made: left alone, two packs of the same committee would differ byte for byte.
    """
    stamp = written.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(blob)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename.endswith("docProps/core.xml"):
                data = re.sub(
                    rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)", rb"\g<1>" + stamp + rb"\2", data
                )
            elif info.filename.endswith(".xlsx"):
                data = reproducible_zip(data, written)
            entry = zipfile.ZipInfo(info.filename, date_time=_EPOCH)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = info.external_attr
            target.writestr(entry, data)
    return out.getvalue()
