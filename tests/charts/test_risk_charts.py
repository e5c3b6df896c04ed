"""The risk charts, built from small frames of the shapes pmo_core.risks returns: the heatmap keeps its 25
cells, band colours and click selection; the movement grid draws one arrow per move; the concentration
names its worst cell."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import risks
from pmo_core.charts import risks as charts
from pmo_core.palette import BAND_COLOURS, BAND_ORDER, STATUS_COLOURS
from tests.charts.spec import colour, data, fields, layers, mark, rows, spec, subtitle, title


def band(score: int) -> str:
    return "low" if score < 5 else "moderate" if score < 10 else "high" if score < 15 else "critical"


def grid(lang: str) -> pd.DataFrame:
    """The 25 cells, three risks in the top right cell and one in the middle."""
    cells = pd.DataFrame([{"probability": p, "impact": i} for p in range(1, 6) for i in range(1, 6)])
    cells["band"] = (cells["probability"] * cells["impact"]).map(band)
    cells["risks"] = [
        3 if (p, i) == (5, 5) else 1 if (p, i) == (3, 3) else 0
        for p, i in zip(cells.probability, cells.impact, strict=True)
    ]
    cells["exposure"] = cells["risks"] * 10e3
    cells["overdue"] = 0
    return risks.label_cells(cells, lang, "EUR")


SUMMARY = risks.RiskSummary(risks=4, critical=3, high=0, exposure=40e3, overdue=0)


@pytest.mark.parametrize(
    ("lang", "heading", "bands"),
    [
        ("en", "3 of 4 risks are high or critical", ["Low", "Moderate", "High", "Critical"]),
        ("fr", "3 risques sur 4 sont élevés ou critiques", ["Faible", "Modéré", "Élevé", "Critique"]),
    ],
)
def test_the_heatmap_draws_25_cells_in_the_band_colours(lang, heading, bands):
    drawn = spec(charts.heatmap_chart(grid(lang), SUMMARY, "residual", None, lang))
    assert title(drawn) == heading
    assert subtitle(drawn).lower().startswith("residual" if lang == "en" else "cotation résiduelle")
    cells, counts = layers(drawn)
    assert mark(cells) == "rect" and rows(drawn, cells) == 25
    assert colour(cells)["scale"] == {"domain": bands, "range": [BAND_COLOURS[b] for b in BAND_ORDER]}
    assert mark(counts) == "text" and fields(counts)["text"] == "risks"  # the count on the cell


def test_a_click_on_the_heatmap_selects_a_cell_the_page_can_read():
    drawn = spec(charts.heatmap_chart(grid("en"), SUMMARY, "inherent", (5, 5), "en", clickable=True))
    assert subtitle(drawn) == "Inherent rating · click a cell to list its risks"
    (param,) = drawn["params"]
    assert param["name"] == charts.CELL_SELECTION
    assert param["select"]["fields"] == ["probability", "impact"] and param["select"]["on"] == "click"
    outline = layers(drawn)[2]  # the chosen cell is outlined
    assert outline["transform"] == [{"filter": "datum.probability == 5 && datum.impact == 5"}]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_a_heatmap_for_the_projector_or_paper_says_nothing_of_clicking(lang):
    """Presentation mode and the pack draw the grid where nothing can be clicked: no hint, no selection."""
    drawn = spec(charts.heatmap_chart(grid(lang), SUMMARY, "inherent", None, lang))
    assert "params" not in drawn
    assert subtitle(drawn) == ("Inherent rating" if lang == "en" else "Cotation brute")
    written = str(drawn).lower()
    assert "click" not in written and "cliquez" not in written and "pointer" not in written


def test_the_movement_grid_draws_an_arrow_per_move_and_counts_new_and_closed():
    rows_moved = pd.DataFrame(
        {
            "movement": ["escalated", "escalated", "deescalated", "new", "closed"],
            "before_probability": [2, 2, 4, None, 1],
            "before_impact": [2, 2, 4, None, 1],
            "before_score": [4, 4, 16, None, 1],
            "after_probability": [4, 4, 3, 5, None],
            "after_impact": [4, 4, 3, 5, None],
            "after_score": [16, 16, 9, 25, None],
        }
    )
    counts = {"new": 1, "closed": 1, "escalated": 2, "deescalated": 1}
    moved = risks.Movement(rows_moved, counts)
    drawn = spec(charts.movement_chart(grid("fr"), moved, pd.Timestamp("2026-09-30").date(), "fr"))
    assert title(drawn) == "Depuis le 30/09/2026\u00a0: 2 risques aggravés, 1 atténué"
    views = layers(drawn)
    assert [mark(view) for view in views] == ["rect", "rule", "point", "text", "text"]
    arrows = views[1]
    assert rows(drawn, arrows) == 2  # two escalated risks share one thicker arrow
    assert colour(arrows)["scale"]["range"] == [STATUS_COLOURS["red"], STATUS_COLOURS["green"]]
    assert drawn["resolve"] == {"scale": {"color": "independent"}}
    assert drawn["width"] == 6 * charts.CELL_PX and drawn["height"] == 5 * charts.CELL_PX


def test_the_concentration_names_its_worst_cell():
    categories = pd.DataFrame(
        {
            "portfolio": ["Digital", "Digital", ""],  # none named: '' as risks.category_heatmap gives
            "category": ["technical", "", "financial"],
            "severe": [4, 1, 0],
            "critical": [2, 0, 0],
            "high": [2, 1, 0],
            "risks": [6, 3, 2],
        }
    )
    drawn = spec(charts.category_chart(categories, "en"))
    assert title(drawn).startswith("Most high and critical risks: ") and title(drawn).endswith(
        "in Digital (4)"
    )
    cells, counts = layers(drawn)
    assert mark(cells) == "rect" and rows(drawn, cells) == 3
    assert colour(cells)["scale"]["range"] == charts.SEVERE_SCALE
    assert {row["portfolio_label"] for row in data(drawn, cells)} == {"Digital", "Uncategorised"}
    assert drawn["height"] == 48 * 3


def test_a_concentration_with_no_severe_risk_says_so():
    categories = pd.DataFrame(
        {
            "portfolio": ["Digital"],
            "category": ["technical"],
            "severe": [0],
            "critical": [0],
            "high": [0],
            "risks": [2],
        }
    )
    assert (
        title(spec(charts.category_chart(categories, "fr")))
        == "Aucun risque élevé ou critique dans cette sélection"
    )
