"""The number and date locale a chart is drawn with: Vega would otherwise write 1.5M and Oct on a French
page, and the committee pack renders the same charts offline, away from any page."""

from __future__ import annotations

import altair as alt

from pmo_core import formatting

LOCALES = {
    "fr": {
        "number": {"decimal": ",", "thousands": "\u202f", "grouping": [3], "currency": ["", "\u00a0€"]},
        "time": {
            "dateTime": "%A %e %B %Y à %X",
            "date": "%d/%m/%Y",
            "time": "%H:%M:%S",
            "periods": ["", ""],
            "days": ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"],
            "shortDays": ["dim.", "lun.", "mar.", "mer.", "jeu.", "ven.", "sam."],
            "months": list(formatting.MONTH_NAMES_FR),
            "shortMonths": list(formatting.MONTHS_FR),
        },
    },
    "en": {"number": {"decimal": ".", "thousands": ",", "grouping": [3], "currency": ["€", ""]}},
}


def localised(chart: alt.TopLevelMixin, lang: str) -> alt.TopLevelMixin:
    """Return a copy of a chart that writes its axis numbers and dates the way the language writes them."""
    chart = chart.copy(deep=True)
    if chart.config is alt.Undefined:
        chart.config = alt.Config()
    chart.config.locale = LOCALES[lang]
    return chart
