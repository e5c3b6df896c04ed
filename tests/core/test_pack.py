"""The committee pack: PowerPoint with native charts read from the Altair charts, PDF with the same slides.

Charts here are built like the pages' own (a layer of bars and their amounts, lines filtered per series,
bubbles with names, a heatmap); the demo store's committee deck is written and read back with python-pptx
and pypdf, and the PDF's pages are turned into pictures with pypdfium2.
"""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date

import altair as alt
import pandas as pd
import pypdf
import pypdfium2
import pytest
from pptx import Presentation
from pptx.enum.chart import XL_CHART_TYPE
from pptx.enum.shapes import MSO_SHAPE_TYPE
from pptx.util import Inches

from pmo_core import cli, formatting, meetings, portfolio, settings
from pmo_core.deck import Deck, Figure, Slide
from pmo_core.filters import Filters
from pmo_core.pack import committee_pack, file_name, write_pack
from pmo_core.pack.layout import Box, table_layout
from pmo_core.pack.native import native_chart
from pmo_core.palette import STATUS_COLOURS
from tests.actors import PMO
from tests.conftest import DEMO_TODAY

STATUSES = ["Green", "Amber", "Red", "Not reported"]
STATUS_SCALE = alt.Scale(
    domain=STATUSES, range=[STATUS_COLOURS[s] for s in ("green", "amber", "red", "grey")]
)


def ranking_chart() -> alt.LayerChart:
    """Bars worst first, coloured by status, their amounts written beside them (as the Budget page draws)."""
    data = pd.DataFrame(
        {
            "label": ["Alpha ERP", "Beta CRM", "Gamma data", "Delta"],
            "overrun": [1_200_000.0, 800_000.0, 300_000.0, 100_000.0],
            "status": ["Red", "Red", "Amber", "Green"],
            "value_text": ["€1.2M", "€0.8M", "€0.3M", "€0.1M"],
        }
    )
    order = data["label"].tolist()
    bars = (
        alt.Chart(data)
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None),
            x=alt.X("overrun:Q", title="Forecast overrun (€)"),
            color=alt.Color("status:N", title="CPI", scale=STATUS_SCALE),
        )
    )
    text = (
        alt.Chart(data)
        .mark_text(dx=6)
        .encode(y=alt.Y("label:N", sort=order), x="overrun:Q", text="value_text:N")
    )
    return alt.layer(bars, text).properties(title="4 projects forecast to overrun")


def s_curve_chart() -> alt.LayerChart:
    """Cumulative lines, each layer filtered to its series by the chart itself, and a status-date rule."""
    months = pd.date_range("2026-07-31", periods=4, freq="ME")
    rows = [("Planned", "pv", m, (i + 1) * 1e6) for i, m in enumerate(months)]
    rows += [("Actual", "ac", m, (i + 1) * 1.2e6) for i, m in enumerate(months[:3])]
    rows += [("Earned", "ev", m, (i + 1) * 0.9e6) for i, m in enumerate(months[:3])]
    points = pd.DataFrame(rows, columns=["series_label", "series", "month_end", "value"])
    labels = ["Planned", "Actual", "Earned"]
    base = alt.Chart(points).encode(
        x=alt.X("month_end:T", title="Month"),
        y=alt.Y("value:Q", title="Cumulative (€)"),
        color=alt.Color(
            "series_label:N", scale=alt.Scale(domain=labels, range=["#1F4E79", "#7B1FA2", "#00838F"])
        ),
    )
    lines = base.transform_filter("datum.series == 'pv' || datum.series == 'ac'").mark_line()
    earned = base.transform_filter("datum.series == 'ev'").mark_line(point=True)
    rule = alt.Chart(pd.DataFrame({"day": [months[2]]})).mark_rule().encode(x="day:T")
    return alt.layer(lines, earned, rule).properties(
        title=alt.Title("Landing above budget", subtitle="30 Sep")
    )


def bubble_chart() -> alt.LayerChart:
    data = pd.DataFrame(
        {
            "risk_exposure": [3.0, 8.0, 12.0],
            "value_score": [60.0, 40.0, 80.0],
            "budget": [1e6, 4e6, 2e6],
            "status": ["Green", "Red", "Amber"],
            "name": ["Alpha", "Beta", ""],
        }
    )
    circles = (
        alt.Chart(data)
        .mark_circle()
        .encode(
            x=alt.X("risk_exposure:Q", title="Risk exposure"),
            y=alt.Y("value_score:Q", title="Value score"),
            size="budget:Q",
            color=alt.Color("status:N", scale=STATUS_SCALE),
        )
    )
    names = alt.Chart(data).mark_text(dy=-12).encode(x="risk_exposure:Q", y="value_score:Q", text="name:N")
    return alt.layer(circles, alt.layer(names, names)).properties(title="Value against risk")


def heatmap_chart() -> alt.LayerChart:
    cells = pd.DataFrame(
        [(p, i, p * i % 4) for p in range(1, 6) for i in range(1, 6)], columns=["p", "i", "n"]
    )
    base = alt.Chart(cells).encode(x="i:O", y=alt.Y("p:O", sort="descending"))
    return alt.layer(base.mark_rect().encode(color="n:Q"), base.mark_text().encode(text="n:Q"))


def test_bars_are_read_from_the_charts_own_spec_and_data():
    native = native_chart(ranking_chart())
    assert native.kind == "bar" and native.title == "4 projects forecast to overrun"
    assert native.categories == (
        "Alpha ERP",
        "Beta CRM",
        "Gamma data",
        "Delta",
    )  # the chart's sort, worst first
    assert native.x_title == "Forecast overrun (€)"
    by_name = {s.name: s for s in native.series}
    assert list(by_name) == ["Green", "Amber", "Red"]  # the legend's order, statuses present only
    assert by_name["Red"].values == (1_200_000.0, 800_000.0, None, None)
    assert by_name["Red"].colour == STATUS_COLOURS["red"]
    assert by_name["Red"].labels == ("€1.2M", "€0.8M", "", "")  # the text layer's words on their bars
    assert not native.stacked  # one status a bar: side by side, amounts outside


def test_lines_hold_the_rows_the_charts_own_filters_keep():
    native = native_chart(s_curve_chart())
    assert native.kind == "line" and native.subtitle == "30 Sep"
    assert native.categories == (date(2026, 7, 31), date(2026, 8, 31), date(2026, 9, 30), date(2026, 10, 31))
    by_name = {s.name: s.values for s in native.series}
    assert by_name == {
        "Planned": (1e6, 2e6, 3e6, 4e6),
        "Actual": (1.2e6, 2.4e6, 3.6e6, None),
        "Earned": (0.9e6, 1.8e6, pytest.approx(2.7e6), None),
    }


def test_bubbles_keep_their_size_and_the_names_written_on_them():
    native = native_chart(bubble_chart())
    assert native.kind == "bubble"
    red = next(s for s in native.series if s.name == "Red")
    assert red.values == ((8.0, 40.0, 4e6),) and red.labels == ("Beta",)
    green = next(s for s in native.series if s.name == "Green")
    assert green.labels == ("Alpha",)


def test_a_heatmap_and_a_concatenation_are_pictures():
    assert native_chart(heatmap_chart()) is None
    assert native_chart(alt.hconcat(ranking_chart(), ranking_chart())) is None


def sample_deck(lang: str = "en") -> Deck:
    table = pd.DataFrame(
        {
            "Project": ["Alpha ERP", "Beta CRM", "Gamma"],
            "Status": ["■ Red", "▲ Amber", "🟢 Green"],
            "Comment": ["Vendor late; scope decision needed", "", None],
        }
    )
    return Deck(
        title="Steering committee",
        meeting="November committee",
        meeting_date=date(2026, 11, 18),
        snapshot=date(2026, 10, 31),
        since=date(2026, 9, 30),
        lang=lang,
        slides=(
            Slide(
                "headline",
                "Where does the portfolio stand?",
                "Since 30 Sep 2026",
                figures=(
                    Figure("Red projects", "7", "+2", "red", "■ Red"),
                    Figure("Budget", "€48.2M", "+€1.1M"),
                ),
                notes="BAC: budget at completion.",
            ),
            Slide("variances", "Largest variances", table=table, chart=ranking_chart(), more="and 3 more"),
            Slide("scurve", "Budget S-curve", chart=s_curve_chart()),
            Slide("bubble", "Value and risk", chart=bubble_chart()),
            Slide("heatmap", "Risk heatmap", chart=heatmap_chart(), notes="Probability times impact."),
        ),
    )


def slide_texts(slide) -> list[str]:
    texts = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            texts.append(shape.text_frame.text)
        if shape.has_table:
            texts += [cell.text for row in shape.table.rows for cell in row.cells]
    return texts


def test_powerpoint_is_16_9_with_a_title_slide_native_charts_pictures_and_notes():
    deck = sample_deck()
    prs = Presentation(io.BytesIO(write_pack(deck, "pptx")))
    assert (prs.slide_width, prs.slide_height) == (Inches(13.333), Inches(7.5))
    slides = list(prs.slides)
    assert [s.shapes.title.text for s in slides] == [deck.title] + [s.title for s in deck.slides]
    first = "\n".join(slide_texts(slides[0]))
    assert "November committee" in first
    assert f"Meeting: {formatting.long_day(date(2026, 11, 18), 'en')}" in first
    assert f"Snapshot reviewed: {formatting.long_day(date(2026, 10, 31), 'en')}" in first
    headline = slide_texts(slides[1])
    assert "7" in "\n".join(headline) and "+2 · ■ Red" in "\n".join(headline)  # the status in words too
    charts = {i: [sh.chart for sh in s.shapes if sh.has_chart] for i, s in enumerate(slides)}
    assert charts[2][0].chart_type == XL_CHART_TYPE.BAR_CLUSTERED
    red = next(s for s in charts[2][0].series if s.name == "Red")
    assert list(red.values)[:2] == [1_200_000.0, 800_000.0]  # the data is inside, editable
    assert charts[3][0].chart_type == XL_CHART_TYPE.LINE_MARKERS
    assert list(charts[3][0].plots[0].categories) == ["Jul 2026", "Aug 2026", "Sep 2026", "Oct 2026"]
    assert charts[4][0].chart_type == XL_CHART_TYPE.BUBBLE
    picture = next(sh for sh in slides[5].shapes if sh.shape_type == MSO_SHAPE_TYPE.PICTURE)
    assert not charts[5] and picture._element.nvPicPr.cNvPr.get("descr") == "Risk heatmap"  # its alt text
    table = next(sh.table for sh in slides[2].shapes if sh.has_table)
    assert [c.text.replace("\v", " ") for c in table.rows[1].cells] == [  # (a long cell takes two lines)
        "Alpha ERP",
        "■ Red",
        "Vendor late; scope decision needed",
    ]
    assert table.rows[3].cells[1].text == "● Green"  # an emoji status prints as its shape and word
    assert table.rows[2].cells[2].text == "—"
    assert "and 3 more" in slide_texts(slides[2])
    assert slides[5].notes_slide.notes_text_frame.text == "Probability times impact."
    assert "31/10/2026" in slides[0].notes_slide.notes_text_frame.text or "31 Oct 2026" in (
        slides[0].notes_slide.notes_text_frame.text
    )


def test_pdf_has_the_same_slides_in_the_same_order_with_fonts_embedded(tmp_path):
    deck = sample_deck("fr")
    blob = write_pack(deck, "pdf")
    reader = pypdf.PdfReader(io.BytesIO(blob))
    assert len(reader.pages) == len(deck.slides) + 1
    texts = [page.extract_text() for page in reader.pages]
    for number, (slide, text) in enumerate(zip(deck.slides, texts[1:], strict=True), start=2):
        assert slide.title in text and f"{number}/{len(deck.slides) + 1}" in text
    assert "Séance" in texts[0] and "novembre" in texts[0]
    assert "■ Red" in texts[1] and "● Green" in texts[2] and "and 3 more" in texts[2]
    fonts = [f.get_object() for p in reader.pages for f in p["/Resources"]["/Font"].values()]
    descriptors = [(f.get("/FontDescriptor") or f["/DescendantFonts"][0]["/FontDescriptor"]) for f in fonts]
    assert fonts and all(
        "/FontFile2" in d.get_object() for d in descriptors
    )  # every font travels in the file
    pdf = pypdfium2.PdfDocument(blob)
    for number in (2, 3, 6):
        picture = pdf[number - 1].render(scale=1).to_pil().convert("L")
        picture.save(tmp_path / f"page{number}.png")  # to look at
        assert picture.size == (960, 540)
        assert picture.getextrema()[0] < 80  # dark ink on the page, not a blank one
    grey = pdf[1].render(scale=1).to_pil().convert("L")
    assert len(grey.getcolors(maxcolors=256)) > 20  # a black-and-white print keeps its shades and words


def test_the_same_deck_gives_the_same_bytes():
    deck = sample_deck()
    for fmt in ("pptx", "pdf"):
        assert write_pack(deck, fmt) == write_pack(deck, fmt), fmt


@pytest.mark.parametrize("portfolios", [(), ("Industrie",)])
def test_demo_committee_pack_shows_the_overviews_figures(demo_con, portfolios):
    snapshot = max(d for (d,) in demo_con.execute("SELECT as_of FROM snapshots").fetchall())
    meetings.create_committee(demo_con, PMO, "October committee", date(2026, 11, 1), snapshot)
    f = Filters(portfolios=portfolios)
    deck, blob = committee_pack(demo_con, "pptx", filters=f, lang="fr", today=DEMO_TODAY)
    assert deck.meeting == "October committee"
    assert file_name(deck.meeting, deck.meeting_date, "pptx") == "october-committee_2026-11-01.pptx"
    prs = Presentation(io.BytesIO(blob))
    assert [s.shapes.title.text for s in prs.slides][1:] == [s.title for s in deck.slides]
    # The headline figures are the Overview's: its own query and headline over the same snapshot and filters.
    values = settings.get_all(demo_con)
    table = portfolio.project_table(demo_con, replace(f, as_of=snapshot))
    headline = portfolio.headline(table, {}, values["eac_method"])
    cards = [shape.text_frame.text.split("\n") for shape in prs.slides[1].shapes if shape.has_text_frame]
    shown = {lines[0]: lines[1] for lines in cards if len(lines) > 1}
    assert (
        shown["Projets actifs"]
        == formatting.number(headline.projects.value, "fr")
        == formatting.number(len(table), "fr")
    )
    assert shown["Budget (BAC)"] == formatting.money(headline.bac.value, "fr", values["currency"], short=True)
    assert shown["Rouge"] == formatting.number(headline.red.value, "fr")
    # The deck's charts are the pages' own: the S-curve is native, its series the chart's; the others pictures.
    by_key = {s.key: prs.slides[i + 1] for i, s in enumerate(deck.slides)}
    drawn = next(sh.chart for sh in by_key["budget"].shapes if sh.has_chart)
    curve = next(s for s in deck.slides if s.key == "budget").chart
    assert drawn.chart_type in (XL_CHART_TYPE.LINE, XL_CHART_TYPE.LINE_MARKERS)
    assert [s.name for s in drawn.series] == [s.name for s in native_chart(curve).series]
    for key in ("roadmap", "risks"):
        assert any(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in by_key[key].shapes), key
    again = committee_pack(demo_con, "pptx", filters=f, lang="fr", today=DEMO_TODAY)[1]
    assert again == blob  # the same store, committee, filters and language give the same file


def test_command_line_writes_the_pack_and_refuses_an_unknown_committee(demo_db, tmp_path, capsys):
    out = tmp_path / "pack.pdf"
    assert cli.main(["--db", str(demo_db), "pack", "--format", "pdf", "--out", str(out)]) == 0
    assert len(pypdf.PdfReader(out).pages) >= 2
    assert (
        cli.main(["--db", str(demo_db), "pack", "--committee", "999", "--format", "pptx"]) == cli.EXIT_REFUSED
    )
    assert "999" in capsys.readouterr().err


def test_control_characters_from_a_tracker_never_break_either_file():
    """A manager's comment pasted from another tool may carry a vertical tab or a NUL, which XML refuses,
    and on which vl-convert aborts the whole process (the PDF draws this chart as its picture)."""
    hostile = 'Vendor\x0blate\x00; <b>scope</b> & "cut"'
    table = pd.DataFrame({"Project": ["Alpha\x07"], "Comment": [hostile]})
    data = pd.DataFrame({"name": ["Alpha\x0b", "Beta"], "value": [3.0, 1.0]})
    chart = alt.Chart(data).mark_bar().encode(y=alt.Y("name:N", sort=None), x="value:Q")
    deck = Deck(
        "Pack\x0c",
        "Meeting",
        None,
        date(2026, 10, 31),
        None,
        "en",
        (Slide("s", "Hostile\x1b", table=table, chart=chart, notes="a\x00b"),),
    )
    prs = Presentation(io.BytesIO(write_pack(deck, "pptx")))
    texts = "\n".join(slide_texts(prs.slides[1]))
    assert 'Vendorlate; <b>scope</b> & "cut"' in texts and "Hostile" in texts
    assert list(next(sh.chart for sh in prs.slides[1].shapes if sh.has_chart).plots[0].categories) == [
        "Alpha",
        "Beta",
    ]
    text = pypdf.PdfReader(io.BytesIO(write_pack(deck, "pdf"))).pages[1].extract_text()
    assert 'Vendorlate; <b>scope</b> & "cut"' in text


def test_a_long_comment_takes_two_lines_while_every_row_still_fits():
    box = Box(0.5, 1.5, 6.0, 5.0)  # a table beside a chart
    comment = "Go-live slipping: the steering committee must decide between a scope cut and a later date"
    few = pd.DataFrame({"Project": ["Alpha", "Beta"], "Comment": [comment, "short"]})
    laid = table_layout(few, box)
    assert laid.cut == 0 and len(laid.rows[0][1]) == 2 and " ".join(laid.rows[0][1]).startswith("Go-live")
    many = pd.concat([few] * 6, ignore_index=True)  # twelve rows: two lines each would not fit
    laid = table_layout(many, box)
    assert laid.cut == 0 and len(laid.rows) == 12 and all(len(cell) == 1 for row in laid.rows for cell in row)
    assert laid.rows[0][1][0].endswith("…")
    assert sum(laid.heights) <= box.height
    crowd = pd.concat([few] * 20, ignore_index=True)  # forty rows: the last line says how many did not fit
    laid = table_layout(crowd, box)
    assert laid.cut == 40 - len(laid.rows) > 0 and sum(laid.heights) <= box.height


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_no_picture_or_text_of_the_pack_tells_the_reader_to_click(demo_con, monkeypatch, lang):
    """Paper and projector cannot be clicked: the heatmap drawn into the pack has its rating, not the Risks
    page's "click a cell" (nor does any other chart), in the pictures' specifications as in the files' text."""
    import json
    import zipfile

    from pmo_core.i18n import t
    from pmo_core.pack import pictures

    drawn = []
    render = pictures.vl_convert.vegalite_to_png

    def spy(spec, **options):
        drawn.append(json.dumps(spec, ensure_ascii=False))
        return render(spec, **options)

    monkeypatch.setattr(pictures, "vl_convert", type("Spy", (), {"vegalite_to_png": staticmethod(spy)}))
    hints = (
        t("risks.heatmap.click", lang),
        t("capacity.heatmap.subtitle", lang, days=20).split(";")[-1].strip(),
    )
    _, pptx = committee_pack(demo_con, "pptx", lang=lang, today=DEMO_TODAY)
    _, pdf = committee_pack(demo_con, "pdf", lang=lang, today=DEMO_TODAY)
    rating = t("risks.heatmap.subtitle", lang, view=t("risks.view.inherent", lang))
    assert any(rating.lower() in d.lower() for d in drawn)  # the heatmap is among the pictures drawn
    with zipfile.ZipFile(io.BytesIO(pptx)) as archive:
        xml = "\n".join(
            archive.read(n).decode("utf-8", "ignore") for n in archive.namelist() if n.endswith(".xml")
        )
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    for hint in hints:
        assert all(hint not in d for d in drawn) and hint not in xml and hint not in text, hint
