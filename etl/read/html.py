"""An HTML page's article made ready for the main-text extractor (trafilatura).

trafilatura drops every `<aside>` as boilerplate, and a definition list loses the pairing of
its terms and values. Inside the page's article (its `<article>`, else its `<main>`) a fact
box is part of the story, so before extraction:
- an `<aside>` inside the article becomes a `<div>` (one outside it, a sidebar, is still
  dropped);
- a definition list inside the article becomes a bulleted list of "term: value" items,
  the form a fact-sheet line takes in text ("Unicorns: 8").
Everything outside the article is left to trafilatura's own judgement.
"""

from __future__ import annotations

from lxml import html as lxml_html
from lxml.etree import ParserError

_ARTICLE_XPATH = "//article | //main[not(ancestor::article) and not(.//article)]"
_PARSER = lxml_html.HTMLParser(encoding="utf-8")


def with_fact_boxes(page: str) -> str:
    """`page` with the fact boxes of its article kept (see the module docstring)."""
    if "<aside" not in page and "<dl" not in page:
        return page
    try:
        tree = lxml_html.document_fromstring(page.encode("utf-8"), parser=_PARSER)
    except (ParserError, ValueError):
        return page
    changed = False
    for article in tree.xpath(_ARTICLE_XPATH):
        for aside in article.iter("aside"):
            aside.tag = "div"
            changed = True
        for dl in list(article.iter("dl")):
            _definitions_as_list(dl)
            changed = True
    return lxml_html.tostring(tree, encoding="unicode") if changed else page


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
