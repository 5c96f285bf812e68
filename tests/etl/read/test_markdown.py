"""Markdown front matter and pipe tables; emphasis and lists read as text with spans intact."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.markdown import front_matter, pipe_tables
from etl.read.readers import read_bytes

POST = """---
title: "Smart campus figures"
date: 2021-08-10
tags: [community]
---

# Smart campus figures

As at 30 June 2021, the campus counted:

- **1,800+** companies
- founders from **26** countries

## Then and now

| Indicator | 31 Dec 2020 | 30 Jun 2021 |
|---|---|---|
| Companies | 1,700 | 1,800+ |
| Funds raised (HK$) | 25.1 bn | 28.6 bn |

*Media enquiries: press@example.org*
"""


def test_front_matter_is_read_and_taken_off() -> None:
    header, rest = front_matter(POST)
    assert header is not None
    assert header.get("title") == "Smart campus figures"
    assert header.get("published", "date") == "2021-08-10"
    assert rest.lstrip().startswith("# Smart campus figures")


def test_no_front_matter() -> None:
    assert front_matter("# Title\n\n---\nnot: front matter\n---\n") == (
        None,
        "# Title\n\n---\nnot: front matter\n---\n",
    )
    assert front_matter("---\n\n---\ntext")[0] is None  # an empty block is a rule, not a header


def test_a_pipe_table_becomes_lists_a_column_each() -> None:
    table = "| Indicator | 2019 | 2020 |\n|:--|--:|--:|\n| Members | 1,500 | 1,650 |\n"
    assert pipe_tables(table).split("\n") == [
        "", "2019:", "", "- Members: 1,500", "", "2020:", "", "- Members: 1,650", "", "",
    ]  # fmt: skip


def test_a_caption_row_of_its_own_stays_a_line() -> None:
    table = (
        "| Community, 2019-20 | | |\n|---|---|---|\n"
        "| Indicator | Figure |\n|---|---|\n| Unicorns | 3 |"
    )
    assert "Community, 2019-20" in pipe_tables(table).split("\n")
    assert "- Unicorns: 3" in pipe_tables(table).split("\n")


def test_pipes_in_running_text_are_no_table() -> None:
    text = "Cyberport | Annual Review 2019/20\n\nThe year was busy | and long."
    assert pipe_tables(text) == text


def test_a_markdown_post_reads_as_text_whose_spans_point_into_it() -> None:
    doc = read_bytes(POST.encode(), "post.md")
    assert (doc.published_on, doc.date_source, doc.title) == (
        date(2021, 8, 10),
        "front-matter",
        "Smart campus figures",
    )
    assert "title:" not in doc.text and "**" not in doc.text and "|" not in doc.text
    assert "- 1,800+ companies" in doc.text
    assert "31 Dec 2020:\n\n- Companies: 1,700\n- Funds raised (HK$): HK$25.1 bn" in doc.text
    assert "Media enquiries: press@example.org" in doc.text


@settings(max_examples=150)
@given(st.text(alphabet=st.sampled_from("|-: ab12\n*#")))
def test_pipe_tables_never_raise(text: str) -> None:
    pipe_tables(text)
    front_matter(text)
