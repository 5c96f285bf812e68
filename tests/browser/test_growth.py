"""Growth page in a real browser: the seeds' points in the chart, metric switch, click, CSV."""

from __future__ import annotations

import csv
import io
from datetime import date

from db.claims import ClaimFilter, iter_claims
from tests.browser.conftest import figure_of, wait_for_dash

# Dates of the seeds' statements of how many companies Cyberport has.
SEED_COMPANY_DATES = {"2023-03-21", "2023-12-07", "2024-09-23", "2025-06-05", "2025-10-21"}
GARBLED = "Garbled in the source (not counted)"
CLAIM_TRACES = ("Exact or about", "Lower bound (over …)", "Upper bound (nearly / up to …)",
                "Rejected by a reviewer", GARBLED)  # fmt: skip


def claim_points(figure: dict) -> list[tuple[str, float, int]]:
    """(date, y, claim id) of every claim marker in the figure."""
    return sorted(
        (x[:10], y, c[0])
        for t in figure["data"] if t.get("name") in CLAIM_TRACES
        for x, y, c in zip(t["x"], t["y"], t["customdata"], strict=True)
    )  # fmt: skip


def db_claims(engine, metric: str) -> list[dict]:
    return list(iter_claims(engine, ClaimFilter(metric=metric, entity="Cyberport")))


def test_companies_chart_shows_the_seed_claims(browser_page, live_engine, screenshot):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    points = claim_points(figure)
    stored = db_claims(live_engine, "companies")
    assert sorted(p[2] for p in points) == sorted(r["claim_id"] for r in stored)
    assert {p[0] for p in points} >= SEED_COMPANY_DATES
    # A figure mangled in its source ("2000,2018 companies") is drawn apart from clean values.
    garbled = next(t for t in figure["data"] if t["name"] == GARBLED)
    assert sorted(c[0] for c in garbled["customdata"]) == sorted(
        r["claim_id"] for r in stored if "garbled" in r["flags"].split(";")
    )
    # "over 2,200" is drawn as a lower bound: the marker at 2,200 with a bar up to its high end.
    bounds = next(t for t in figure["data"] if t["name"] == "Lower bound (over …)")
    june = [i for i, x in enumerate(bounds["x"]) if x.startswith("2025-06-05")]
    assert june and bounds["y"][june[0]] == 2200
    assert bounds["error_y"]["array"][june[0]] > 0 and bounds["error_y"]["arrayminus"][june[0]] == 0
    assert any(t["name"] == "Consensus" for t in figure["data"])
    # The hover text carries the source and the quote.
    assert any("source:" in h and "“" in h for h in bounds["hovertext"])
    for metric in ("companies", "unicorns"):
        assert page.locator(f"#growth-kpi-{metric}").inner_text() not in ("", "–")
    # Funding falls ninefold between two sources: its card points to the conflict.
    disputed = page.locator("#growth-kpi-funding_raised-disputed")
    assert disputed.inner_text() == "Disputed: see Conflicts"
    assert disputed.get_attribute("href") == "/conflicts"
    assert page.locator("#growth-kpi-companies-disputed").count() == 0
    screenshot(page, "growth")


def test_metric_switch_log_scale_and_csv_link(browser_page, live_engine):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    page.click("#growth-metric")
    page.get_by_role("option", name="Unicorns", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('#growth-chart .js-plotly-plot')"
        ".layout.title.text.includes('Unicorns')"
    )
    figure = figure_of(page, "growth-chart")
    stored = db_claims(live_engine, "unicorns")
    assert sorted(p[2] for p in claim_points(figure)) == sorted(r["claim_id"] for r in stored)
    page.click("#growth-log")
    page.wait_for_function(
        "() => document.querySelector('#growth-chart .js-plotly-plot').layout.yaxis.type === 'log'"
    )
    href = page.get_attribute("#growth-csv", "href")
    assert "metric=unicorns" in href and "entity=Cyberport" in href
    response = page.request.get(href)
    assert response.ok
    rows = list(csv.DictReader(io.StringIO(response.text())))
    assert sorted(int(r["claim_id"]) for r in rows) == sorted(r["claim_id"] for r in stored)


def test_date_range_narrows_the_chart(browser_page):
    page = browser_page
    page.goto("/?metric=companies")
    wait_for_dash(page)
    before = claim_points(figure_of(page, "growth-chart"))
    # Dash 4's DatePickerRange: the id sits on the start input; the end input is its sibling.
    page.fill("#growth-dates", "2024-01-01")
    page.keyboard.press("Tab")
    end = page.locator("#growth-dates").locator(
        "xpath=ancestor::*[.//*[contains(@class,'dash-datepicker-end-date')]][1]"
    )
    end.locator(".dash-datepicker-end-date").fill("2025-12-31")
    page.keyboard.press("Tab")
    page.wait_for_function(
        "() => document.querySelector('#growth-csv').href.includes('from=2024-01-01')"
    )
    wait_for_dash(page)
    after = claim_points(figure_of(page, "growth-chart"))
    assert after and all(p[0] >= "2024-01-01" for p in after)
    assert len(after) < len(before)
    assert date.fromisoformat(after[0][0]) >= date(2024, 1, 1)


def test_clicking_a_point_opens_its_source(browser_page, live_engine):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    trace = next(t for t in figure["data"] if t.get("name") in CLAIM_TRACES)
    claim_id, document_id = trace["customdata"][0]
    x, y = page.evaluate(
        """([x, y]) => {
            const g = document.querySelector('#growth-chart .js-plotly-plot');
            const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis;
            const r = g.getBoundingClientRect();
            return [r.left + xa._offset + xa.d2p(x), r.top + ya._offset + ya.d2p(y)];
        }""",
        [trace["x"][0], trace["y"][0]],
    )
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url(f"**/sources/{document_id}")
    assert str(claim_id) in page.content() or page.locator("body").inner_text()
