"""An HTML page's article made ready for the main-text extractor (trafilatura).

trafilatura drops every `<aside>` as boilerplate, and a definition list loses the pairing of
its terms and values. Inside the page's article (its `<article>`, else its `<main>`) a fact
box is part of the story, so before extraction:
- an `<aside>` inside the article becomes a `<div>`; so does a fact box set beside the
  page's one article (an `<aside>` outside it, or a block its class or id names a fact box,
  "factbox", "at-a-glance", "KeyFigures", that holds a list or a table with a figure in it
  and is not mostly links), moved to the article's end without the class or id that names
  it a sidebar; any other aside, a sidebar, is still dropped. A page of `<div>`s with no
  `<article>` or `<main>` has the block holding its headline (`<h1>`) as its article;
- a definition list inside the article becomes a bulleted list of "term: value" items,
  the form a fact-sheet line takes in text ("Unicorns: 8");
- a line of the article that holds only a `<time>` (the date under an item's heading in a
  newsletter) becomes a plain paragraph, so that it stays a date line of the text; a
  `<time>` inside a sentence becomes its words (trafilatura would drop them).
Everything outside the article is left to trafilatura's own judgement.
"""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.etree import ParserError

_ARTICLE_XPATH = "//article | //main[not(ancestor::article) and not(.//article)]"
# A page of no <article> or <main>: the element that holds its headline is its article.
_HEADLINE_XPATH = "(//h1)[1]/parent::*[not(self::body) and not(self::html) and not(self::header)]"
_HAS_LIST = "(.//dl or .//table or .//ul or .//ol)"
# A box beside the article: an <aside>, or a block its page's markup names a fact box.
_BOX_NAMES = ("fact", "glance", "keyfig", "key-fig", "key_fig", "infobox", "at-a-glance")
_BOX_XPATH = (
    f"//aside[not(ancestor::article) and {_HAS_LIST}] | //div[{_HAS_LIST} and ("
    + " or ".join(
        f"contains(translate(@{a}, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', 'abcdefghijklmnopqrstuvwxyz'),"
        f" '{n}')"
        for a in ("class", "id")
        for n in _BOX_NAMES
    )
    + ")]"
)
_PARSER = lxml_html.HTMLParser(encoding="utf-8")
_BOILERPLATE_HINTS = ("class", "id", "role")  # what a fact box moved in must lose


def with_fact_boxes(page: str) -> str:
    """`page` with the fact boxes of its article kept (see the module docstring)."""
    low = page.lower()
    if (
        "<aside" not in low
        and "<dl" not in low
        and "<time" not in low
        and not any(n in low for n in _BOX_NAMES)
    ):
        return page
    try:
        tree = lxml_html.document_fromstring(page.encode("utf-8"), parser=_PARSER)
    except (ParserError, ValueError):
        return page
    articles = tree.xpath(_ARTICLE_XPATH)
    beside = articles or tree.xpath(_HEADLINE_XPATH)
    changed = len(beside) == 1 and _fact_boxes_beside(beside[0], tree)
    for article in articles:
        for aside in article.iter("aside"):
            aside.tag = "div"
            changed = True
        for dl in list(article.iter("dl")):
            _definitions_as_list(dl)
            changed = True
        for time in list(article.iter("time")):
            changed = _date_line(time) or changed
    return lxml_html.tostring(tree, encoding="unicode") if changed else page


def _fact_boxes_beside(article: lxml_html.HtmlElement, tree: lxml_html.HtmlElement) -> bool:
    """Move the fact boxes set beside `article` into it, at its end; whether any moved."""
    moved = False
    for aside in tree.xpath(_BOX_XPATH):
        if article in aside.iterancestors() or aside in article.iterancestors():
            continue
        text = aside.text_content()
        words = len(text.split())
        linked = sum(len(a.text_content().split()) for a in aside.iter("a"))
        if linked * 2 >= words or not any(ch.isdigit() for ch in text):
            continue  # a sidebar of links, or no figures
        for name in _BOILERPLATE_HINTS:  # ("sidebar": the main-text extractor drops it)
            aside.attrib.pop(name, None)
        article.append(aside)
        moved = True
    return moved


def _definitions_as_list(dl: lxml_html.HtmlElement) -> None:
    """Turn `<dl><dt>T</dt><dd>V</dd>...</dl>` into `<ul><li>T: V</li>...</ul>` in place."""
    items: list[str] = []
    term: str | None = None
    for child in dl:
        text = " ".join(child.text_content().split())
        if child.tag == "dt":
            if term:
                items.append(term)
            term = text
        elif child.tag == "dd":
            items.append(f"{term.rstrip(':')}: {text}" if term else text)
            term = None
    if term:
        items.append(term)
    for child in list(dl):
        dl.remove(child)
    dl.tag = "ul"
    dl.attrib.clear()
    for text in items:
        li = lxml_html.Element("li")
        li.text = text
        dl.append(li)


def _date_line(time: lxml_html.HtmlElement) -> bool:
    """Make the element holding only `time` a plain `<p>` of its text, or a `time` inside a
    sentence plain words of it; whether the page changed."""
    line = time.getparent()
    if line is None or line.tag in ("article", "main", "body", "header", "footer"):
        return False
    words = " ".join(time.text_content().split())
    if not words or " ".join(line.text_content().split()) != words:
        time.drop_tag()  # "after a review on <time>1 March</time>": the sentence's words
        return True
    line.tag = "p"
    line.attrib.clear()
    for child in list(line):
        line.remove(child)
    line.text = words
    return True
