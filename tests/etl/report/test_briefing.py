"""The management briefing: one self-contained page of headline figures, from the same data."""

from __future__ import annotations

import re
from datetime import date

import pytest

from db.documents import store_document
from etl.cli import main
from etl.pipeline import ingest_paths
from etl.report.briefing import briefing_html
from tests.conftest import SEEDS
from tests.factories import make_claim, make_doc


@pytest.fixture
def seeded(engine):
    ingest_paths(engine, [SEEDS])
    return engine


def outside_links(page: str) -> list[str]:
    return [u for u in re.findall(r"https?://[^\s\"'<>)]+", page) if "www.w3.org/2000/svg" not in u]


def test_the_briefing_holds_cards_charts_sources_and_disputes(seeded):
    page = briefing_html(seeded, today=date(2026, 12, 4))
    assert page.startswith("<!DOCTYPE html>") and "Briefing of 4 Dec 2026" in page
    assert "newest figure dated 21 Oct 2025" in page
    assert page.count('<section class="card">') == 4 and page.count("<svg") == 4
    assert "over 2,300" in page and "over HK$43.4bn" in page
    assert "+300 against about a year earlier (over 2,000 on 23 Sep 2024)" in page
    assert "Disputed · high severity" in page and "Disputed · low severity" in page
    # The sources behind the latest funding figure: the organisation's own release, quoted.
    assert "Behind the latest figure (over HK$43.4bn)" in page
    assert "Zhongguancun) (Cyberport, press release, 5 Jun 2025): \u201cAs a" in page
    # The open disputes, one sentence each, most serious first, in words.
    disputes = page[page.index("<h2>Open disputes</h2>") :]
    assert disputes.index("a running total falls") < disputes.index("growth too fast to be likely")
    assert disputes.count("<li>") == 4
    # Printable and offline: A4 styles, no script, nothing fetched, no navigation.
    assert "@page { size: A4;" in page
    assert "<script" not in page and "<link" not in page and "<nav" not in page
    assert outside_links(page) == []


def test_document_text_is_escaped(engine):
    store_document(
        engine,
        make_doc("x.txt", title="<script>alert(1)</script> Release", publisher="Cyberport",
                 kind="press release"),
        [make_claim("companies", 2200, quote="Over 2,200 <b>firms</b> & more.")],
        "t",
    )  # fmt: skip
    page = briefing_html(engine)
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; Release" in page
    assert "&lt;b&gt;firms&lt;/b&gt; &amp; more." in page


def test_an_empty_database_still_gives_a_page(engine):
    page = briefing_html(engine, today=date(2026, 1, 1))
    assert "No open disputes." in page and page.count("no figure yet") >= 4


def test_the_command_writes_the_file(seeded, db_url, tmp_path, capsys):
    out = tmp_path / "briefing.html"
    assert main(["briefing", "--db", db_url, "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.count("<svg") == 4 and not (tmp_path / "briefing.html.part").exists()
    assert f"briefing -> {out}" in capsys.readouterr().err
