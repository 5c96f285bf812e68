"""HTML fact boxes: kept inside the article, dropped outside it."""

from __future__ import annotations

from etl.read.html import with_fact_boxes
from etl.read.readers import read_bytes

LEAD = (
    "<p>Young companies from the campus community collected eleven prizes at this year's "
    "technology awards, including the grand award and two gold awards for games.</p>"
    "<p>The awards, organised by the government with industry bodies, drew more than 700 "
    "entries this year from across the city and beyond.</p>"
)
PAGE = f"""<!DOCTYPE html><html><head><title>Prizes</title>
<meta name="date" content="2013-11-26"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<main><article><h1>Start-ups scoop prizes</h1>{LEAD}
<aside class="fact-box"><h2>The hub in numbers</h2>
<dl><dt>Community companies</dt><dd>about 320</dd><dt>Markets reached</dt><dd>20</dd></dl>
<p>Figures as at 30 September 2013</p></aside>
<p>Winners will represent the city at the regional awards next month.</p>
</article>
<aside class="sidebar"><h4>Archive</h4><ul><li><a href="/2012">Sidebar link 2012</a></li></ul>
</aside></main>
<footer><p>All rights reserved. 100 Example Road.</p></footer></body></html>"""


def test_a_fact_box_inside_the_article_is_kept_as_label_and_value_lines() -> None:
    doc = read_bytes(PAGE.encode(), "prizes.html")
    assert "The hub in numbers\n\n- Community companies: about 320\n- Markets reached: 20" in (
        doc.text
    )
    assert "Figures as at 30 September 2013" in doc.text
    assert "Winners will represent" in doc.text


def test_boilerplate_outside_the_article_is_still_dropped() -> None:
    doc = read_bytes(PAGE.encode(), "prizes.html")
    assert "Sidebar link" not in doc.text
    assert "All rights reserved" not in doc.text
    assert "Home" not in doc.text


def test_a_page_without_asides_or_lists_is_left_as_it_is() -> None:
    page = "<html><body><article><p>Plain.</p></article></body></html>"
    assert with_fact_boxes(page) is page


def test_an_aside_outside_any_article_is_left_to_the_extractor() -> None:
    page = "<html><body><div><aside><dl><dt>A</dt><dd>1</dd></dl></aside></div></body></html>"
    assert "<aside" in with_fact_boxes(page)


def test_a_term_without_a_value_and_a_value_without_a_term() -> None:
    box = "<dl><dt>Lone</dt><dt>Unicorns</dt><dd>8</dd><dd>60+</dd></dl>"
    page = f"<html><body><article>{box}</article></body></html>"
    out = with_fact_boxes(page)
    assert "<li>Lone</li>" in out and "<li>Unicorns: 8</li>" in out and "<li>60+</li>" in out


NEWSLETTER = """<html><head><title>Members' letter</title>
<meta property="article:published_time" content="2024-03-28T09:00:00+08:00"></head><body>
<article><h1>Members' letter: March</h1>
<p>A month of meet-ups and a new intake of start-ups: the news from the campus, item by item,
with the date each item was first posted on the members' site.</p>
<section><h3>Robotics meet-up draws a crowd</h3>
<p class="date"><time datetime="2024-03-04">4 March 2024</time></p>
<p>Cyberport's robotics cluster now counts 75 companies, the organisers said at the meet-up
on the campus, where founders showed their latest machines to investors.</p></section>
<section><h3>Spring intake</h3>
<p class="date"><time datetime="2024-03-19">19 March 2024</time></p>
<p>Cyberport admitted 40 start-ups to its incubation programme this quarter, after
<time datetime="2024-03-01">a review on 1 March</time> of a record number of applications.</p>
</section></article></body></html>"""


def test_a_date_line_under_an_item_heading_is_kept_and_dates_its_item() -> None:
    doc = read_bytes(NEWSLETTER.encode(), "letter.html")
    assert "\n4 March 2024\n" in doc.text and "\n19 March 2024\n" in doc.text
    dated = {s.heading: s.published_on for s in doc.sections}
    assert dated.get("Robotics meet-up draws a crowd") is not None
    assert dated["Robotics meet-up draws a crowd"].isoformat() == "2024-03-04"


def test_a_time_inside_a_sentence_stays_part_of_it() -> None:
    doc = read_bytes(NEWSLETTER.encode(), "letter.html")
    assert "after a review on 1 March of a record number" in " ".join(doc.text.split())


BESIDE = f"""<!DOCTYPE html><html><head><title>Prizes</title>
<meta name="date" content="2013-11-26"></head><body><main>
<article><h1>Start-ups scoop prizes</h1>{LEAD}</article>
<aside class="box"><h2>The hub at a glance</h2><p>Figures as at 30 September 2013</p>
<dl><dt>Community companies</dt><dd>about 320</dd><dt>Markets reached</dt><dd>20</dd></dl>
</aside>
<aside class="more"><h2>More stories</h2><table><tr><td><a href="/a">Sidebar story on 12 parks</a>
</td></tr></table></aside>
<aside class="tiles"><ul><li><b>8</b> unicorns nurtured</li><li><b>12</b> listed companies</li>
<li><a href="/f">All the figures</a></li></ul>
</aside><aside class="tags"><ul><li>Awards</li><li>Games</li></ul></aside>
</main></body></html>"""


def test_a_fact_box_set_beside_the_article_is_kept_and_a_sidebar_of_links_is_not() -> None:
    doc = read_bytes(BESIDE.encode(), "beside.html")
    assert "- Community companies: about 320\n- Markets reached: 20" in doc.text
    assert doc.text.index("Figures as at 30 September 2013") > doc.text.index("700 entries")
    assert "Sidebar story" not in doc.text
    assert "8 unicorns nurtured" in doc.text and "Games" not in doc.text


def test_a_box_beside_one_of_two_articles_is_left_where_it_is() -> None:
    page = BESIDE.replace("<article>", "<article><p>First.</p></article><article>", 1)
    assert with_fact_boxes(page) == page


def test_a_fact_box_beside_the_article_named_a_sidebar_is_kept_all_the_same() -> None:
    page = BESIDE.replace('<aside class="box">', '<aside class="fact-box sidebar" id="side">')
    doc = read_bytes(page.encode(), "beside.html")
    assert "- Community companies: about 320" in doc.text
    assert "Sidebar story" not in doc.text


OLD_PAGE = f"""<html><head><title>Prizes</title><meta name="date" content="2013-11-26"></head>
<body><div id="top"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></div>
<div id="body"><div id="story"><h1>Start-ups scoop prizes</h1>{LEAD}</div>
<div id="side"><div class="KeyFacts"><h4>The hub at a glance</h4><ul>
<li>Community companies: <b>about 320</b></li><li>Markets reached: <b>20</b></li></ul></div>
<div class="links"><h4>Archive</h4><ul><li><a href="/2012">Sidebar link 2012</a></li></ul></div>
</div></div><div id="foot"><p>All rights reserved. 100 Example Road.</p></div></body></html>"""


def test_a_box_its_markup_names_a_fact_box_is_kept_beside_the_headline_of_a_page_of_divs() -> None:
    doc = read_bytes(OLD_PAGE.encode(), "old.html")
    assert "- Community companies: about 320\n- Markets reached: 20" in doc.text
    assert doc.text.index("about 320") > doc.text.index("700 entries")
    assert "Sidebar link" not in doc.text and "All rights reserved" not in doc.text


def test_a_box_named_a_fact_box_beside_no_headline_is_left_to_the_extractor() -> None:
    page = OLD_PAGE.replace("<h1>", "<p>").replace("</h1>", "</p>")
    assert with_fact_boxes(page) == page
