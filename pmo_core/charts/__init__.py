"""Charts as Streamlit-free functions: each takes domain data and the language and returns an Altair chart,
so the pages, presentation mode and the committee pack draw the same picture.

The page applies the language's number and date locale when it draws (pages/ui/common.chart).
"""

from __future__ import annotations

import altair as alt

LABEL_PX, TITLE_PX, HEADING_PX = 14, 15, 19  # projector sizes: labels at least 13 px, titles larger
FIT_WIDTH = alt.AutoSizeParams(type="fit-x", contains="padding")  # the column's width, the plot's own height


def configured(chart: alt.TopLevelMixin) -> alt.TopLevelMixin:
    """Apply the projector sizes: labels at least 13 px, titles larger, no frame around the plot."""
    return (
        chart.configure_axis(labelFontSize=LABEL_PX, titleFontSize=TITLE_PX)
        .configure_legend(labelFontSize=LABEL_PX, titleFontSize=TITLE_PX, symbolSize=200, labelLimit=320)
        .configure_title(fontSize=HEADING_PX, subtitleFontSize=LABEL_PX, anchor="start")
        .configure_view(strokeWidth=0)
    )
