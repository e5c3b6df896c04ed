"""The prioritisation page in Chromium: changing the budget changes the selection and the frontier chart."""

from __future__ import annotations

import re

from tests.e2e.conftest import settle


def open_selection(page, url: str) -> None:
    """Open the prioritisation page by its link's address, then its Selection tab."""
    page.goto(url)
    settle(page)
    link = page.locator("[data-testid=stSidebarNavLink]").filter(has_text="Prioritisation").first
    page.goto(url.rstrip("/") + "/" + link.get_attribute("href").rsplit("/", 1)[-1])
    settle(page)
    tab = page.get_by_role("tab", name="Selection under a budget")
    tab.wait_for(timeout=60_000)
    tab.click()
    settle(page)
    page.locator("[data-testid=stMetric]").filter(has_text="Projects funded").wait_for(timeout=60_000)


def funded(page) -> int:
    card = page.locator("[data-testid=stMetric]").filter(has_text="Projects funded")
    return int(card.locator("[data-testid=stMetricValue]").inner_text())


def frontier(page) -> tuple[str, list[str]]:
    """Return the frontier chart's title and the labels of its marks (the selection, the budget line)."""
    chart = page.locator("[data-testid=stVegaLiteChart]").filter(has_text="This selection gets").first
    title = next(line for line in chart.inner_text().splitlines() if line.startswith("This selection gets"))
    marks = re.findall(r'aria-label="([^"]*)"', chart.inner_html())
    return title, [m for m in marks if "This selection" in m or "Budget chosen:" in m]


def redrawn(page, before: str, timeout_ms: int = 20_000) -> tuple[str, list[str]]:
    """Return the frontier once the chart shows another title (Vega redraws after the script has run)."""
    for _ in range(timeout_ms // 250):
        title, marks = frontier(page)
        if title != before:
            return title, marks
        page.wait_for_timeout(250)
    return frontier(page)


def test_a_smaller_budget_changes_the_selection_and_the_frontier(page, demo_server):
    open_selection(page, demo_server)
    before_funded = funded(page)
    before_title, before_marks = frontier(page)
    assert any(
        "Budget chosen: €30,000,000" in m for m in before_marks
    )  # the default: 60 % of the candidates' €50.0M
    budget = page.locator("[data-testid=stNumberInput] input").first
    budget.fill("15")
    budget.press("Enter")
    settle(page)
    after_title, after_marks = redrawn(page, before_title)
    assert funded(page) < before_funded
    assert after_title != before_title
    assert any("Budget chosen: €15,000,000" in m for m in after_marks)  # the dashed budget line moved
    assert after_marks != before_marks  # and so did the selection's point on the frontier
    assert not page.query_selector_all("[data-testid=stException]")
