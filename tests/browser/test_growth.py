"""Growth page in a real browser: honest KPI cards, the believed line, the claims drawn by kind,
a click to the source."""

from __future__ import annotations

import csv
import io

from db.claims import ClaimFilter, iter_claims
from tests.browser.conftest import figure_of, wait_for_dash

SEED_COMPANY_DATES = {"2023-03-21", "2024-09-23", "2025-06-05", "2025-10-21"}
GARBLED = "Garbled in the source (not counted)"
AT_LEAST = "At least (\u201cover \u2026\u201d)"
OUTLIER = "Disputed, not believed"
CLAIM_TRACES = ("Exact or \u201cabout\u201d", AT_LEAST, "At most (\u201cnearly \u2026\u201d)",
                "Added in one year (not a total)", OUTLIER, GARBLED,
                "Rejected by a reviewer (not counted)")  # fmt: skip


def claim_points(figure: dict) -> list[tuple[str, float, int]]:
    """(date, y, claim id) of every claim marker in the figure."""
    return sorted(
        (x[:10], y, c[0])
        for t in figure["data"] if t.get("name") in CLAIM_TRACES and t.get("customdata")
        for x, y, c in zip(t["x"], t["y"], t["customdata"], strict=True)
    )  # fmt: skip


def trace(figure: dict, name: str) -> dict:
    return next(t for t in figure["data"] if t["name"] == name and t.get("showlegend", True))


def db_claims(engine, metric: str) -> list[dict]:
    return list(iter_claims(engine, ClaimFilter(metric=metric, entity="Cyberport")))


def test_kpi_cards_say_what_is_known(browser_page, screenshot):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    assert page.inner_text("#growth-kpi-companies") == "over 2,300"
    assert (
        page.inner_text("#growth-kpi-companies-detail") == "2,300 to 2,400 · figure of 21 Oct 2025"
    )
    assert page.inner_text("#growth-kpi-companies-change") == (
        "+300 against about a year earlier (over 2,000 on 23 Sep 2024)"
    )
    assert page.inner_text("#growth-kpi-funding_raised") == "over HK$43.4bn"
    assert page.inner_text("#growth-kpi-unicorns-change") == "no figure from about a year earlier"
    assert "about a year earlier (9 to 15 months before)" in page.inner_text("#growth-kpi-basis")
    # Disputed, with the severity, wherever the figure or its comparison is in an open conflict.
    funding = page.locator("#growth-kpi-funding_raised-disputed")
    assert funding.inner_text() == "Disputed · high severity"
    assert funding.get_attribute("href").startswith("/conflicts#conflicts-card-")
    assert page.inner_text("#growth-kpi-listed_companies-disputed") == "Disputed · low severity"
    assert page.locator("#growth-kpi-companies-disputed").count() == 0
    for metric in ("companies", "listed_companies", "unicorns", "funding_raised"):
        spark = page.locator(f"#growth-kpi-{metric}-spark")
        assert spark.evaluate("img => img.complete && img.naturalWidth > 0")
    # The legend that explains the symbols is on the first screen.
    legend = page.locator("#growth-chart .legend").bounding_box()
    assert legend and legend["y"] + legend["height"] < 900
    screenshot(page, "growth")


def test_companies_chart_draws_every_clean_claim(browser_page, live_engine):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    stored = db_claims(live_engine, "companies")
    clean = [r for r in stored if "garbled" not in r["flags"].split(";")]
    points = claim_points(figure)
    assert sorted(p[2] for p in points) == sorted(r["claim_id"] for r in clean)
    assert {p[0] for p in points} == SEED_COMPANY_DATES
    assert not any(t["name"] == GARBLED for t in figure["data"])  # hidden unless asked for
    believed = trace(figure, "Believed figure")
    assert [y for y in believed["y"] if y is not None] == [1900, 2000, 2200, 2300]
    # "over 2,000" is at least 2,000: an arrow up from 2,000, not a bar to 3,000.
    bounds = trace(figure, AT_LEAST)
    sept = bounds["x"].index(next(x for x in bounds["x"] if x.startswith("2024-09-23")))
    stem = bounds["error_y"]["array"][sept]
    assert bounds["y"][sept] == 2000 and 0 < stem < 300
    assert set(bounds["error_y"]["array"]) == {stem}  # every bound alike, whatever its digits
    assert figure["layout"]["xaxis"]["title"]["text"] == "date of the figure"
    assert any("Source: " in h and "“" in h for h in bounds["hovertext"])


def test_garbled_figures_show_when_asked(browser_page, live_engine):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    page.click("#growth-garbled")
    page.wait_for_function("() => window.location.search.includes('garbled=1')")
    page.wait_for_function(
        "n => document.querySelector('#growth-chart .js-plotly-plot').data.some(t => t.name === n)",
        arg=GARBLED,
    )
    garbled = trace(figure_of(page, "growth-chart"), GARBLED)
    stored = db_claims(live_engine, "companies")
    assert sorted(c[0] for c in garbled["customdata"]) == sorted(
        r["claim_id"] for r in stored if "garbled" in r["flags"].split(";")
    )


def test_the_believed_funding_is_the_release_and_the_2023_figure_a_disputed_outlier(
    browser_page, live_engine
):
    page = browser_page
    page.goto("/?metric=funding_raised")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    stored = {r["value"]: r["claim_id"] for r in db_claims(live_engine, "funding_raised")}
    outliers = trace(figure, OUTLIER)
    assert stored[375.7e9] in [c[0] for c in outliers["customdata"]]
    lines = [t for t in figure["data"] if t.get("mode") == "lines"]
    assert all(375.7e9 not in t["y"] for t in lines)  # the line never runs through it
    ring = trace(figure, "In an open conflict")
    assert [c[0] for c in ring["customdata"]] == [stored[43.4e9]]
    assert any("Not believed: disputed by a stronger source" in h for h in outliers["hovertext"])
    # The series export says why each point is believed.
    page.click("#growth-tabs a:has-text('Download')")
    href = page.get_attribute("#growth-series-csv", "href")
    rows = list(csv.DictReader(io.StringIO(page.request.get(href).text())))
    stock = [r for r in rows if not r["period"]]
    assert [(r["as_of"], r["value"], r["disputed"]) for r in stock] == [
        ("2025-06-05", "43400000000", "high")
    ]
    assert (
        "Believed over more than HK$375.7bn (news feature, 7 Dec 2023)" in stock[0]["explanation"]
    )


def test_disputed_stretch_on_listed_companies(browser_page):
    page = browser_page
    page.goto("/?metric=listed_companies")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    stretch = trace(figure, "Disputed stretch")
    assert stretch["line"]["dash"] == "dash" and [y for y in stretch["y"] if y] == [5, 12]
    assert not any(t["name"] == "Believed figure" for t in figure["data"])


def test_clicking_a_point_opens_its_source_at_the_claim(browser_page):
    page = browser_page
    page.goto("/")
    wait_for_dash(page)
    figure = figure_of(page, "growth-chart")
    t = trace(figure, AT_LEAST)
    claim_id, document_id = t["customdata"][0]
    x, y = page.evaluate(
        """([x, y]) => {
            const g = document.querySelector('#growth-chart .js-plotly-plot');
            const xa = g._fullLayout.xaxis, ya = g._fullLayout.yaxis;
            const r = g.getBoundingClientRect();
            return [r.left + xa._offset + xa.d2p(x), r.top + ya._offset + ya.d2p(y)];
        }""",
        [t["x"][0], t["y"][0]],
    )
    page.mouse.move(x, y)
    page.mouse.click(x, y)
    page.wait_for_url(f"**/sources/{document_id}#sources-claim-{claim_id}")
    page.wait_for_function(
        f"() => (document.getElementById('sources-claim-{claim_id}')?.style.outline || '') !== ''"
    )
