"""Write a deck as a PDF: the same slides as the PowerPoint file, in the same order, with its fonts embedded.

Every page is a 16:9 slide drawn from the same layout plan; charts are pictures of the same Altair charts;
statuses keep their shape and word beside their colour, so a black-and-white print still reads them.
"""

from __future__ import annotations

import io
from datetime import datetime
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape

import reportlab
from reportlab.lib.colors import HexColor
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, Table, TableStyle

from pmo_core.deck import Deck, Figure, Slide
from pmo_core.pack import layout
from pmo_core.pack.layout import Box
from pmo_core.pack.pictures import chart_png

PT = 72  # points per inch
# Sans-serif faces with the accents, € and the status shapes, first found wins; reportlab's own Vera is the
# last resort on a machine with no fonts installed (its shapes may then be missing; the words remain).
_FONT_FILES = (
    ("/usr/share/fonts/truetype/dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"),
    (
        "/usr/share/fonts/truetype/liberation",
        "LiberationSans-Regular.ttf",
        "LiberationSans-Bold.ttf",
        "LiberationSans-Italic.ttf",
    ),
    (str(Path(reportlab.__file__).parent / "fonts"), "Vera.ttf", "VeraBd.ttf", "VeraIt.ttf"),
)


@cache
def fonts() -> tuple[str, str, str]:
    """Register the first complete family of TTF files and return its (regular, bold, italic) names."""
    for folder, *files in _FONT_FILES:
        paths = [Path(folder) / name for name in files]
        if all(p.is_file() for p in paths):
            names = ("PackSans", "PackSans-Bold", "PackSans-Italic")
            for name, path in zip(names, paths, strict=True):
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(names[0], normal=names[0], bold=names[1], italic=names[2])
            return names
    raise FileNotFoundError("no TrueType font to embed in the PDF")


def write_pdf(deck: Deck, written: datetime) -> bytes:
    """Return the deck as PDF bytes; `invariant` and `written` make the same deck give the same file."""
    out = io.BytesIO()
    canvas = Canvas(
        out,
        pagesize=(layout.WIDTH * PT, layout.HEIGHT * PT),
        invariant=1,
        pageCompression=1,
        initialFontName=fonts()[0],  # else every page names Helvetica, a font the file does not embed
    )
    canvas.setTitle(layout.printable(deck.title))
    canvas.setAuthor(layout.printable(deck.meeting))
    canvas.setCreator("PMO dashboard")
    canvas.setDateFormatter(lambda *_: written.strftime("%Y%m%d%H%M%S"))
    pages = len(deck.slides) + 1
    _title_page(canvas, deck, pages)
    for number, slide in enumerate(deck.slides, start=2):
        _page(canvas, deck, slide, number, pages)
    canvas.save()
    return out.getvalue()


def _y(top_in: float) -> float:
    """Turn a distance from the top in inches into reportlab's points from the bottom."""
    return (layout.HEIGHT - top_in) * PT


def _style(size: float, colour: str = layout.INK, bold: bool = False, italic: bool = False, **more):
    regular, heavy, slanted = fonts()
    name = heavy if bold else slanted if italic else regular
    return ParagraphStyle(
        "pack", fontName=name, fontSize=size, leading=size * 1.2, textColor=HexColor(colour), **more
    )


def _paragraph(canvas: Canvas, box: Box, text: str, style: ParagraphStyle) -> None:
    """Write text wrapped to the box's width, from its top."""
    paragraph = Paragraph(escape(layout.printable(text)).replace("\n", "<br/>"), style)
    _, height = paragraph.wrap(box.width * PT, box.height * PT * 3)
    paragraph.drawOn(canvas, box.left * PT, _y(box.top) - height)


def _rect(canvas: Canvas, box: Box, fill: str, stroke: str | None = None) -> None:
    canvas.setFillColor(HexColor(fill))
    canvas.setStrokeColor(HexColor(stroke or fill))
    canvas.rect(box.left * PT, _y(box.top + box.height), box.width * PT, box.height * PT, stroke=1, fill=1)


def _footer(canvas: Canvas, deck: Deck, number: int, pages: int) -> None:
    box = layout.plan(Slide(key="", title="")).footer
    canvas.setStrokeColor(HexColor(layout.RULE))
    canvas.setLineWidth(0.75)
    canvas.line(box.left * PT, _y(box.top), (box.left + box.width) * PT, _y(box.top))
    _paragraph(
        canvas,
        Box(box.left, box.top + 0.05, box.width, box.height),
        layout.footer(deck, number, pages),
        _style(layout.SMALL_PT, layout.MUTED),
    )


def _title_page(canvas: Canvas, deck: Deck, pages: int) -> None:
    width = layout.WIDTH - 2 * layout.MARGIN
    _paragraph(canvas, Box(layout.MARGIN, 2.2, width, 1.2), deck.title, _style(36, layout.PRIMARY, bold=True))
    _rect(canvas, Box(layout.MARGIN, 3.45, 1.2, 0.08), layout.PRIMARY)
    lines = layout.title_lines(deck)
    _paragraph(canvas, Box(layout.MARGIN, 3.75, 10, 0.5), lines[0], _style(22, bold=True))
    for i, line in enumerate(lines[1:]):
        _paragraph(canvas, Box(layout.MARGIN, 4.3 + i * 0.36, 10, 0.4), line, _style(18, layout.MUTED))
    _footer(canvas, deck, 1, pages)
    canvas.showPage()


def _page(canvas: Canvas, deck: Deck, slide: Slide, number: int, pages: int) -> None:
    plan = layout.plan(slide)
    _paragraph(canvas, plan.title, slide.title, _style(layout.TITLE_PT, layout.PRIMARY, bold=True))
    if plan.subtitle:
        _paragraph(canvas, plan.subtitle, slide.subtitle, _style(layout.SUBTITLE_PT, layout.MUTED))
    for figure, box in zip(slide.figures, plan.figures, strict=False):
        _figure(canvas, figure, box, plan.figure_pt)
    if plan.table:
        _table(canvas, slide, plan.table, deck.lang)
    if plan.chart:
        _chart(canvas, slide, plan.chart, deck.lang)
    if plan.more:
        _paragraph(canvas, plan.more, slide.more, _style(layout.LABEL_PT + 1, layout.MUTED, italic=True))
    _footer(canvas, deck, number, pages)
    canvas.showPage()


def _figure(canvas: Canvas, figure: Figure, box: Box, size: float) -> None:
    _rect(canvas, box, "#F5F7FA", layout.RULE)
    colour = layout.status_colour(figure.status)
    if colour:
        _rect(canvas, Box(box.left, box.top, 0.09, box.height), colour)
    inner = Box(box.left + 0.2, box.top + 0.08, box.width - 0.3, box.height)
    _paragraph(canvas, inner, figure.label, _style(layout.LABEL_PT, layout.MUTED))
    value = Box(inner.left, inner.top + layout.LABEL_PT * 1.5 / PT, inner.width, size * 1.3 / PT)
    _paragraph(canvas, value, figure.value, _style(size, bold=True))
    detail = layout.figure_detail(figure)
    if detail:
        below = Box(inner.left, value.top + size * 1.3 / PT, inner.width, 0.3)
        _paragraph(
            canvas, below, detail, _style(layout.LABEL_PT - 1, colour or layout.MUTED, bold=bool(colour))
        )


def _cell(lines: tuple[str, ...], header: bool = False, right: bool = False) -> Paragraph:
    shape, colour, rest = layout.status_mark(lines[0])
    written = "<br/>".join(escape(line) for line in (rest, *lines[1:]))
    if colour:
        written = f'<font color="{colour}"><b>{escape(shape)}</b></font> {written}'
    style = _style(
        layout.TABLE_PT,
        "#FFFFFF" if header else layout.INK,
        bold=header,
        alignment=TA_RIGHT if right else TA_LEFT,
    )
    return Paragraph(written, style)


def _table(canvas: Canvas, slide: Slide, box: Box, lang: str) -> None:
    laid = layout.table_layout(layout.shown_table(slide), box)
    cells = [[_cell(h, True, r) for h, r in zip(laid.headers, laid.right, strict=True)]]
    cells += [[_cell(c, False, r) for c, r in zip(row, laid.right, strict=True)] for row in laid.rows]
    style = [
        ("FONTNAME", (0, 0), (-1, -1), fonts()[0]),  # reportlab's own default, Helvetica, is not embedded
        ("BACKGROUND", (0, 0), (-1, 0), HexColor(layout.PRIMARY)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.5, HexColor(layout.RULE)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    style += [("BACKGROUND", (0, r), (-1, r), HexColor("#F5F7FA")) for r in range(2, len(cells), 2)]
    if laid.cut:
        words = Paragraph(
            escape(layout.rows_cut(laid.cut, lang)), _style(layout.TABLE_PT, layout.MUTED, italic=True)
        )
        cells.append([words] + [""] * (len(laid.widths) - 1))
        style.append(("SPAN", (0, len(cells) - 1), (-1, len(cells) - 1)))
    table = Table(cells, colWidths=[w * PT for w in laid.widths], rowHeights=[h * PT for h in laid.heights])
    table.setStyle(TableStyle(style))
    _, height = table.wrap(box.width * PT, box.height * PT)
    table.drawOn(canvas, box.left * PT, _y(box.top) - height)


def _chart(canvas: Canvas, slide: Slide, box: Box, lang: str) -> None:
    image = ImageReader(io.BytesIO(chart_png(slide.chart, box.width, box.height, lang)))
    place = layout.fitted(box, *image.getSize())
    canvas.drawImage(
        image, place.left * PT, _y(place.top + place.height), place.width * PT, place.height * PT
    )
