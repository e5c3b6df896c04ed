"""Write a deck as a PowerPoint file: a clean 16:9 master, a title slide, one slide per picture of the deck.

Bars, lines and bubbles are native PowerPoint charts holding their data (the PMO restyles them in
PowerPoint); other charts are pictures of the same Altair chart. Speaker notes carry each slide's notes.
"""

from __future__ import annotations

import io
from datetime import date, datetime, timedelta

from pptx import Presentation
from pptx.chart.data import BubbleChartData, CategoryChartData, XyChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import (
    XL_CHART_TYPE,
    XL_LABEL_POSITION,
    XL_LEGEND_POSITION,
    XL_MARKER_STYLE,
)
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from pmo_core import formatting
from pmo_core.deck import Deck, Figure, Slide
from pmo_core.pack import layout
from pmo_core.pack.layout import Box
from pmo_core.pack.native import NativeChart, chart_title, native_chart
from pmo_core.pack.pictures import chart_png

FONT = "Calibri"
MARKED_POINTS = 12  # a line holds markers up to a year of months
_TITLE_ONLY = 5  # the default template's "Title Only" layout
_KINDS = {
    ("bar", False): XL_CHART_TYPE.BAR_CLUSTERED,
    ("bar", True): XL_CHART_TYPE.BAR_STACKED,
    ("column", False): XL_CHART_TYPE.COLUMN_CLUSTERED,
    ("column", True): XL_CHART_TYPE.COLUMN_STACKED,
    ("line", False): XL_CHART_TYPE.LINE_MARKERS,
    ("area", False): XL_CHART_TYPE.AREA,
    ("area", True): XL_CHART_TYPE.AREA_STACKED,
    ("scatter", False): XL_CHART_TYPE.XY_SCATTER,
    ("bubble", False): XL_CHART_TYPE.BUBBLE,
}


def write_pptx(deck: Deck, written: datetime) -> bytes:
    """Return the deck as a .pptx file whose metadata says `written` (the pack is reproducible)."""
    prs = Presentation()
    _widescreen(prs)
    pages = len(deck.slides) + 1
    _title_slide(prs, deck, pages)
    for number, slide in enumerate(deck.slides, start=2):
        _slide(prs, deck, slide, number, pages)
    props = prs.core_properties
    title, meeting = layout.printable(deck.title), layout.printable(deck.meeting)
    props.title, props.author, props.last_modified_by = title, meeting, meeting
    props.created = props.modified = written
    props.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _widescreen(prs: Presentation) -> None:
    """Make the default 4:3 master a 16:9 one: widen the page and every layout's placeholders with it."""
    stretch = Inches(layout.WIDTH) / prs.slide_width
    prs.slide_width, prs.slide_height = Inches(layout.WIDTH), Inches(layout.HEIGHT)
    for shapes in [prs.slide_master.placeholders] + [lay.placeholders for lay in prs.slide_layouts]:
        for shape in shapes:
            shape.left, shape.width = Emu(int(shape.left * stretch)), Emu(int(shape.width * stretch))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper()[:6])


def _place(shape, box: Box) -> None:
    shape.left, shape.top, shape.width, shape.height = (
        Inches(box.left),
        Inches(box.top),
        Inches(box.width),
        Inches(box.height),
    )


def _text(frame, text: str, size: float, colour: str = layout.INK, bold: bool = False, italic: bool = False):
    """Write one paragraph into a text frame, replacing what it held."""
    frame.clear()
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    run = paragraph.add_run()
    run.text = layout.printable(text)
    _font(run.font, size, colour, bold, italic)
    return paragraph


def _font(font, size: float, colour: str, bold: bool = False, italic: bool = False) -> None:
    font.name, font.size, font.bold, font.italic = FONT, Pt(size), bold, italic
    font.color.rgb = _rgb(colour)


def _textbox(slide, box: Box, text: str, size: float, **style):
    shape = slide.shapes.add_textbox(Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    shape.text_frame.margin_left = shape.text_frame.margin_right = 0
    _text(shape.text_frame, text, size, **style)
    return shape


def _title(slide, box: Box, text: str, size: float) -> None:
    title = slide.shapes.title
    _place(title, box)
    title.text_frame.vertical_anchor = MSO_ANCHOR.TOP
    title.text_frame.margin_left = title.text_frame.margin_right = 0
    _text(title.text_frame, text, size, colour=layout.PRIMARY, bold=True).alignment = PP_ALIGN.LEFT


def _footer(slide, deck: Deck, number: int, pages: int) -> None:
    box = layout.plan(Slide(key="", title="")).footer
    line = slide.shapes.add_connector(
        1, Inches(box.left), Inches(box.top), Inches(box.left + box.width), Inches(box.top)
    )
    line.line.color.rgb, line.line.width = _rgb(layout.RULE), Pt(0.75)
    _textbox(slide, box, layout.footer(deck, number, pages), layout.SMALL_PT, colour=layout.MUTED)


def _title_slide(prs: Presentation, deck: Deck, pages: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    _title(slide, Box(layout.MARGIN, 2.2, layout.WIDTH - 2 * layout.MARGIN, 1.2), deck.title, 36)
    band = slide.shapes.add_shape(1, Inches(layout.MARGIN), Inches(3.45), Inches(1.2), Inches(0.08))
    band.shadow.inherit = False
    band.fill.solid()
    band.fill.fore_color.rgb = _rgb(layout.PRIMARY)
    band.line.fill.background()
    lines = layout.title_lines(deck)
    box = _textbox(slide, Box(layout.MARGIN, 3.75, 10, 2.5), lines[0], 22, bold=True)
    for line in lines[1:]:
        run = box.text_frame.add_paragraph().add_run()
        run.text = layout.printable(line)
        _font(run.font, 18, layout.MUTED)
    _footer(slide, deck, 1, pages)
    slide.notes_slide.notes_text_frame.text = layout.printable(layout.title_notes(deck))


def _slide(prs: Presentation, deck: Deck, slide: Slide, number: int, pages: int) -> None:
    page = prs.slides.add_slide(prs.slide_layouts[_TITLE_ONLY])
    plan = layout.plan(slide)
    _title(page, plan.title, slide.title, layout.TITLE_PT)
    if plan.subtitle:
        _textbox(page, plan.subtitle, slide.subtitle, layout.SUBTITLE_PT, colour=layout.MUTED)
    for figure, box in zip(slide.figures, plan.figures, strict=False):
        _figure(page, figure, box, plan.figure_pt)
    if plan.table:
        _table(page, slide, plan.table, deck.lang)
    if plan.chart:
        _chart(page, slide, plan.chart, deck.lang)
    if plan.more:
        _textbox(page, plan.more, slide.more, layout.LABEL_PT + 1, colour=layout.MUTED, italic=True)
    _footer(page, deck, number, pages)
    page.notes_slide.notes_text_frame.text = layout.printable(slide.notes)


def _figure(slide, figure: Figure, box: Box, size: float) -> None:
    """A headline card: a status stripe on its left, label, value, change, and the status in words."""
    card = slide.shapes.add_shape(1, Inches(box.left), Inches(box.top), Inches(box.width), Inches(box.height))
    card.shadow.inherit = False  # the default shape style casts a shadow; a flat card reads cleaner
    card.fill.solid()
    card.fill.fore_color.rgb = _rgb("#F5F7FA")
    card.line.color.rgb = _rgb(layout.RULE)
    colour = layout.status_colour(figure.status)
    if colour:
        stripe = slide.shapes.add_shape(
            1, Inches(box.left), Inches(box.top), Inches(0.09), Inches(box.height)
        )
        stripe.shadow.inherit = False
        stripe.fill.solid()
        stripe.fill.fore_color.rgb = _rgb(colour)
        stripe.line.fill.background()
    frame = _textbox(
        slide,
        Box(box.left + 0.2, box.top + 0.06, box.width - 0.3, box.height - 0.1),
        figure.label,
        layout.LABEL_PT,
        colour=layout.MUTED,
    ).text_frame
    run = frame.add_paragraph().add_run()
    run.text = layout.printable(figure.value)
    _font(run.font, size, layout.INK, bold=True)
    detail = layout.figure_detail(figure)
    if detail:
        run = frame.add_paragraph().add_run()
        run.text = layout.printable(detail)
        _font(run.font, layout.LABEL_PT - 1, colour or layout.MUTED, bold=bool(colour))


def _table(slide, deck_slide: Slide, box: Box, lang: str) -> None:
    laid = layout.table_layout(layout.shown_table(deck_slide), box)
    count = len(laid.headers)
    shape = slide.shapes.add_table(
        len(laid.heights),
        count,
        Inches(box.left),
        Inches(box.top),
        Inches(box.width),
        Inches(sum(laid.heights)),
    )
    table = shape.table
    for column, width in zip(table.columns, laid.widths, strict=True):
        column.width = Inches(width)
    for row, height in zip(table.rows, laid.heights, strict=True):
        row.height = Inches(height)
    for c, header in enumerate(laid.headers):
        _cell(table.cell(0, c), header, bold=True, colour="#FFFFFF", fill=layout.PRIMARY, right=laid.right[c])
    for r, cells in enumerate(laid.rows, start=1):
        for c, lines in enumerate(cells):
            _cell(table.cell(r, c), lines, fill="#FFFFFF" if r % 2 else "#F5F7FA", right=laid.right[c])
    if laid.cut:
        last = table.cell(len(laid.heights) - 1, 0)
        last.merge(table.cell(len(laid.heights) - 1, count - 1))
        _cell(last, (layout.rows_cut(laid.cut, lang),), fill="#FFFFFF", italic=True, colour=layout.MUTED)


def _cell(cell, lines: tuple[str, ...], bold=False, colour=layout.INK, fill=None, italic=False, right=False):
    """Write a cell's lines; a status shape at its start is drawn in its colour, its word kept beside it."""
    cell.margin_left = cell.margin_right = Inches(0.06)
    cell.margin_top = cell.margin_bottom = Inches(0.02)
    cell.vertical_anchor = MSO_ANCHOR.MIDDLE
    if fill:
        cell.fill.solid()
        cell.fill.fore_color.rgb = _rgb(fill)
    frame = cell.text_frame
    frame.clear()
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = PP_ALIGN.RIGHT if right else PP_ALIGN.LEFT
    shape, status_colour, rest = layout.status_mark(lines[0])
    if status_colour:
        run = paragraph.add_run()
        run.text = shape + " "
        _font(run.font, layout.TABLE_PT, status_colour, bold=True)
    for i, line in enumerate((rest, *lines[1:])):
        if i:
            paragraph.add_line_break()
        run = paragraph.add_run()
        run.text = line
        _font(run.font, layout.TABLE_PT, colour, bold=bold, italic=italic)


def _chart(slide, deck_slide: Slide, box: Box, lang: str) -> None:
    native = native_chart(deck_slide.chart)
    if native is None:
        png = chart_png(deck_slide.chart, box.width, box.height, lang)
        _picture(slide, png, box, chart_title(deck_slide.chart) or deck_slide.title)
        return
    kind = _KINDS[(native.kind, native.stacked and native.kind in {"bar", "column", "area"})]
    if kind == XL_CHART_TYPE.LINE_MARKERS and len(native.categories) > MARKED_POINTS:
        kind = XL_CHART_TYPE.LINE  # a point a month over years would hide the lines
    frame = slide.shapes.add_chart(
        kind,
        Inches(box.left),
        Inches(box.top),
        Inches(box.width),
        Inches(box.height),
        _chart_data(native, lang),
    )
    _style_chart(frame.chart, native)


def _picture(slide, png: bytes, box: Box, description: str) -> None:
    """Place a picture at its own aspect ratio, as large as the box allows, centred; its title is its alt text."""
    from PIL import Image

    place = layout.fitted(box, *Image.open(io.BytesIO(png)).size)
    picture = slide.shapes.add_picture(
        io.BytesIO(png), Inches(place.left), Inches(place.top), Inches(place.width), Inches(place.height)
    )
    picture._element.nvPicPr.cNvPr.set("descr", layout.printable(description))  # read aloud by screen readers


def _category_words(categories: tuple, lang: str) -> list:
    """Write date categories as the page does ("Oct 2026", or the day when they are not month ends)."""
    if not categories or not all(isinstance(c, date) for c in categories):
        return list(categories)
    month_ends = all((c + timedelta(days=1)).day == 1 for c in categories)
    return [formatting.month(c, lang) if month_ends else formatting.day(c, lang) for c in categories]


def _chart_data(native: NativeChart, lang: str):
    if native.kind in {"scatter", "bubble"}:
        data = BubbleChartData() if native.kind == "bubble" else XyChartData()
        for series in native.series:
            target = data.add_series(series.name, number_format=native.number_format)
            for point in series.values:
                if native.kind == "bubble":
                    target.add_data_point(point[0], point[1], point[2] or 0)
                else:
                    target.add_data_point(point[0], point[1])
        return data
    data = CategoryChartData(number_format=native.number_format)
    data.categories = _category_words(native.categories, lang)
    for series in native.series:
        data.add_series(series.name, series.values)
    return data


def _style_chart(chart, native: NativeChart) -> None:
    """Title, axis titles, legend and the page's colours, in type a projector reads."""
    chart.font.name, chart.font.size = FONT, Pt(12)
    chart.has_title = bool(native.title)
    if native.title:
        _text(chart.chart_title.text_frame, native.title, 14, bold=True)
        if native.subtitle:
            run = chart.chart_title.text_frame.add_paragraph().add_run()
            run.text = layout.printable(native.subtitle)
            _font(run.font, 11, layout.MUTED)
    many = len(native.series) > 1
    chart.has_legend = many
    if many:
        chart.legend.position, chart.legend.include_in_layout = XL_LEGEND_POSITION.TOP, False
    horizontal = native.kind == "bar"
    category_title, value_title = (
        (native.y_title, native.x_title) if horizontal else (native.x_title, native.y_title)
    )
    _axis_title(chart.category_axis, category_title)
    _axis_title(chart.value_axis, value_title)
    chart.value_axis.tick_labels.number_format = _value_format(native)
    chart.value_axis.tick_labels.number_format_is_linked = False
    chart.value_axis.has_major_gridlines = True
    chart.value_axis.major_gridlines.format.line.color.rgb = _rgb("#E0E0E0")
    if horizontal:
        chart.category_axis.reverse_order = True  # the first category at the top, as the page draws it
        # ...and the amounts still along its foot: the value axis crosses at the last category (python-pptx
        # sets this only from the value axis' side, so the chart's XML is set directly).
        for crosses in chart._chartSpace.xpath(".//c:valAx/c:crosses"):
            crosses.set("val", "max")
    if native.kind in {"scatter", "bubble"}:
        chart.category_axis.tick_labels.number_format = native.x_number_format
        chart.category_axis.tick_labels.number_format_is_linked = False
    for plot in chart.plots:
        if native.kind in {"bar", "column"}:
            plot.gap_width, plot.overlap = 40, 100 if native.stacked or many else 0
    outside = native.kind in {"bar", "column"} and not native.stacked
    for series, drawn in zip(native.series, chart.series, strict=False):
        _colour_series(drawn, series.colour, native.kind)
        if series.labels:
            _labels(drawn, series.labels, outside)


def _value_format(native: NativeChart) -> str:
    """Write amounts as the page's axis does (1.2M, 500k) when the chart's own format says nothing."""
    if native.number_format != "General":
        return native.number_format
    values = [v for s in native.series for v in s.values if isinstance(v, int | float)]
    largest = max((abs(v) for v in values), default=0)
    return '#,##0.0,,"M"' if largest >= 1e6 else '#,##0,"k"' if largest >= 1e4 else "General"


def _axis_title(axis, title: str) -> None:
    axis.has_title = bool(title)
    if title:
        _text(axis.axis_title.text_frame, title, 12, colour=layout.MUTED)
    axis.tick_labels.font.size = Pt(12)


def _colour_series(series, colour: str | None, kind: str) -> None:
    if not colour:
        return
    if kind in {"line"}:
        series.format.line.color.rgb = _rgb(colour)
        series.format.line.width = Pt(2.5)
        series.smooth = False
        if len(series.values) <= MARKED_POINTS:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(colour)
        return
    if kind == "scatter":
        series.marker.style = XL_MARKER_STYLE.CIRCLE
        series.marker.size = 10
        series.marker.format.fill.solid()
        series.marker.format.fill.fore_color.rgb = _rgb(colour)
        return
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = _rgb(colour)


def _labels(series, labels: tuple[str, ...], outside: bool) -> None:
    """Write on each mark the words the page writes on it (an amount, a count, a project's name)."""
    for i, text in enumerate(labels):
        if not text:
            continue
        label = series.points[i].data_label
        if outside:
            label.position = XL_LABEL_POSITION.OUTSIDE_END
        frame = label.text_frame
        frame.text = layout.printable(text)
        for run in frame.paragraphs[0].runs:
            run.font.size = Pt(11)
