"""The project page's charts, built from small frames of the shapes pmo_core.project_detail returns."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core.charts import project as charts
from pmo_core.palette import ACTUAL, BAND_COLOURS, BAND_ORDER, FORECAST, PLANNED, STATUS_COLOURS, STATUS_ORDER
from tests.charts.spec import colour, data, fields, layers, mark, rows, spec, subtitle, title


@pytest.mark.parametrize(
    ("lang", "heading"),
    [
        ("en", "Overall status: Amber on 30 Sep 2026, Red on 31 Oct 2026"),
        ("fr", "Météo globale\u00a0: Orange au 30/09/2026, Rouge au 31/10/2026"),
    ],
)
def test_the_history_shows_each_dimension_by_colour_and_shape(lang, heading):
    history = pd.DataFrame(
        {
            "as_of": pd.to_datetime(["2026-09-30", "2026-10-31"] * 2),
            "dimension": ["overall", "overall", "budget", "budget"],
            "status": ["amber", "red", "green", None],
        }
    )
    drawn = spec(charts.history_chart(history, lang))
    assert title(drawn) == heading
    cells, shapes = layers(drawn)
    assert mark(cells) == "rect" and rows(drawn, cells) == 4
    assert colour(cells)["scale"]["range"] == [STATUS_COLOURS[s] for s in STATUS_ORDER]
    assert fields(shapes)["text"] == "shape"  # the status reads without colour too
    assert [row["shape"] for row in data(drawn, shapes)][:2] == ["▲", "■"]


def test_the_risk_matrix_counts_the_open_risks_per_cell():
    cells = pd.DataFrame([{"probability": p, "impact": i} for p in range(1, 6) for i in range(1, 6)])
    cells["band"] = [
        "critical" if p * i >= 15 else "high" if p * i >= 10 else "low"
        for p, i in zip(cells.probability, cells.impact, strict=True)
    ]
    cells["n_risks"] = [2 if p * i == 25 else 0 for p, i in zip(cells.probability, cells.impact, strict=True)]
    drawn = spec(charts.heatmap_chart(cells, "en"))
    assert title(drawn) == "2 open high or critical risks"
    rect, text = layers(drawn)
    assert rows(drawn, rect) == 25
    assert colour(rect)["scale"]["range"] == [BAND_COLOURS[b] for b in BAND_ORDER]
    assert sorted(row["text"] for row in data(drawn, text))[-1] == "2" and "0" not in {
        r["text"] for r in data(drawn, text)
    }


def test_the_costs_compare_spend_with_the_plan():
    costs = pd.DataFrame(
        {
            "month": pd.to_datetime(["2026-09-01", "2026-10-01", "2026-11-01"]),
            "actual": [120e3, 110e3, None],
            "forecast": [None, None, 90e3],
            "planned": [100e3, 100e3, 100e3],
        }
    )
    drawn = spec(charts.costs_chart(costs, "fr", "EUR"))
    assert (
        title(drawn)
        == "Consommé 230\u00a0k€ pour 200\u00a0k€ prévus sur les mêmes mois\u00a0: 15\u00a0% au-dessus"
    )
    assert subtitle(drawn)
    bars, line = layers(drawn)
    assert mark(bars) == "bar" and mark(line) == "line"
    assert len(data(drawn, bars)) == 3 + 3  # actual and forecast months, then the plan's three
    assert colour(bars)["scale"] == {
        "domain": ["Réalisé", "Prévision", "Prévu"],
        "range": [ACTUAL, FORECAST, PLANNED],
    }
