"""What a steering committee sees first on a projector: compact tables ranked by what they show, numbers in
the page's language over numbers that still sort, the roadmap of the projects in trouble, the largest
projects named on the value and risk chart."""

from __future__ import annotations

import pandas as pd
import pytest

from pmo_core import portfolio, store
from pmo_core.filters import Filters
from tests.pages.conftest import chart_data, no_exception, open_page, written

NNBSP = "\u202f"


def project_table(at):
    return next(d for d in at.dataframe if "percent" in d.value.columns)  # the project table alone has it


def demo_projects(db) -> pd.DataFrame:
    con = store.connect(db)
    table = portfolio.project_table(con, Filters())
    con.close()
    return table


def test_the_project_table_opens_compact_with_its_status_beside_the_name(demo_db):
    at = open_page("pages/overview.py")
    no_exception(at)
    table = project_table(at)
    shown = list(table.proto.column_order)
    assert shown[:3] == ["link", "name", "status"]  # ranked by status: it sits beside the name
    assert {"critical", "cpi", "spi"} <= set(shown) and "status_scope" not in shown and len(shown) <= 8
    at.toggle(key="overview_all_columns").set_value(True).run()
    no_exception(at)
    assert list(project_table(at).proto.column_order) == []  # every column, in the frame's order


@pytest.mark.parametrize(
    ("lang", "decimal", "group"),
    [("fr", ",", NNBSP), ("en", ".", ",")],
)
def test_table_numbers_follow_the_page_language_and_stay_numbers(demo_db, lang, decimal, group):
    expected = demo_projects(demo_db).set_index("code")
    at = open_page("pages/overview.py", lang)
    table = project_table(at)
    data, words = table.value, written(table)
    assert pd.api.types.is_float_dtype(data["cpi"]) and pd.api.types.is_float_dtype(data["eac"])  # they sort
    codes = data["link"].str.extract(r"project=([^&]+)")[0]
    for row, code in enumerate(codes):
        eac = expected.at[code, "eac"] / 1000
        if eac >= 1000:
            assert group in words.at[row, "eac"], words.at[row, "eac"]
    # CRM Salesforce rollout's CPI is 0.897, under the 0.90 red threshold: a decimal more, never 0.90
    crm = codes.tolist().index("PRJ-2025-018")
    assert expected.at["PRJ-2025-018", "cpi"] == pytest.approx(0.897, abs=5e-4)
    assert words.at[crm, "cpi"] == f"0{decimal}897"
    rollup = next(d for d in at.dataframe if "mix" in d.value.columns)
    assert all(decimal in text for text in written(rollup)["cpi"].dropna() if text != "—")


def test_the_roadmap_shows_red_and_amber_projects_unless_asked_for_all(demo_db):
    expected = demo_projects(demo_db)
    at = open_page("pages/overview.py")
    roadmap = next(frame for frame in chart_data(at) if "baseline_text" in frame.columns)
    bars = roadmap.dropna(subset=["baseline_text"])
    assert set(bars["status_label"]) == {"Red", "Amber"}
    assert len(bars) == expected["status"].isin(["red", "amber"]).sum()
    troubled = [c.value for c in at.caption if "red or amber" in c.value]
    assert troubled and troubled[0].startswith(f"{len(bars)} red or amber projects of {len(expected)}")
    at.toggle(key="overview_roadmap_all").set_value(True).run()
    no_exception(at)
    roadmap = next(frame for frame in chart_data(at) if "baseline_text" in frame.columns)
    assert {"Green", "Not reported"} <= set(roadmap["status_label"].dropna())


def test_the_largest_budgets_are_named_on_the_value_and_risk_chart(demo_db):
    at = open_page("pages/overview.py", "fr")
    bubbles = next(frame for frame in chart_data(at) if "value_score" in frame.columns)
    named = bubbles.dropna(subset=["place"]) if "place" in bubbles.columns else bubbles.iloc[0:0]
    largest = bubbles.drop_duplicates("code").nlargest(6, "bac")["code"]
    assert len(named) >= 4 and set(named["code"]) <= set(largest)  # most of the six largest, none other
    assert any("plus gros budgets sont nommés" in c.value for c in at.caption)


def test_the_top_risks_show_the_band_and_the_figure_they_are_ranked_by_first(demo_db):
    at = open_page("pages/risks.py")
    at.session_state["risks_tab_en"] = at.tabs[1].label  # the committee's tab: the top 10s
    at.run()
    no_exception(at)
    tops = [d.value for d in at.dataframe if "rank" in d.value.columns]
    firsts = sorted(tuple(frame.columns[:4]) for frame in tops)
    assert firsts == [("rank", "title", "band", "exposure"), ("rank", "title", "band", "score")]
    assert all("response" not in frame.columns for frame in tops)
    at.toggle(key="risk_top_all_columns").set_value(True).run()
    no_exception(at)
    assert all("response" in d.value.columns for d in at.dataframe if "rank" in d.value.columns)
