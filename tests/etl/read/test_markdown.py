"""Markdown front matter and pipe tables; emphasis and lists read as text with spans intact."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.aligned import aligned_tables
from etl.read.markdown import (
    bare_pipe_rows,
    front_matter,
    pipe_tables,
    unruled_tables,
)
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


def test_a_pipe_table_without_a_rule_whose_rows_are_years_is_read_too() -> None:
    table = "Year ended | Members | Awards\n2018/19 | 900 | 12\n2019/20 | 1,000 | 15\n"
    lines = unruled_tables(table).split("\n")
    assert "Year ended 2018/19:" in lines and "- Members: 1,000" in lines
    two_rows = "Year | Members\n2019 | 900\n"  # a header and one row: too little to tell
    assert unruled_tables(two_rows) == two_rows
    no_times = "Team | Score\nRed | 3\nBlue | 4\n"
    assert unruled_tables(no_times) == no_times


def test_rows_with_no_pipe_at_either_end_are_read_as_a_table() -> None:
    sheet = "Visitors this season | 4,500+\n\nGuided tours | 30\n\nRooms open | about 12\n"
    assert bare_pipe_rows(sheet).split("\n")[1:4] == [
        "- Visitors this season: 4,500+", "- Guided tours: 30", "- Rooms open: about 12"
    ]  # fmt: skip
    years = "Museum | 2018/19 | 2019/20\nVisitors | 900 | 1,000\nof which pupils | 300 | 350\n"
    lines = bare_pipe_rows(years).split("\n")
    assert "2019/20:" in lines and "- of which pupils: 350" in lines
    assert "- Visitors: 900" in lines[: lines.index("2019/20:")]
    two = years + "Loans since 2005 | 630 | 750\nStaff | 2018/19 | 2019/20\nGuides | 12 | 14\n"
    lines = bare_pipe_rows(two).split("\n")
    assert lines.count("2019/20:") == 2 and "- Loans since 2005: 750" in lines
    assert "- Guides: 14" in lines[lines.index("- Loans since 2005: 750") :]


def test_rows_whose_label_ends_in_a_colon_before_the_first_value_read_by_their_columns() -> None:
    sheet = (
        "Museum year ended 31 March: 2024/25 | 2023/24\n\nVisitors\n"
        "Visitors (as at 31 March): 1,200 | 1,050\n  of which pupils: 300 | 280\n"
        "Share of local visitors: 72% | 74%\n"
    )
    lines = bare_pipe_rows(sheet).split("\n")
    older = lines.index("2023/24:")
    assert "2024/25:" in lines[:older] and "- Visitors (as at 31 March): 1,200" in lines[:older]
    assert lines[older:].count("- Share of local visitors: 74%") == 1
    assert "- of which pupils: 280" in lines[older:] and "Visitors" not in lines  # a part heading
    # A heading under a header of no times is no part of the table: it keeps its line.
    text = "Clusters | Web3\nNUMBERS (as at 31 March 2024)\nCompanies | 2,000+\nUnicorns | 8\n"
    assert "NUMBERS (as at 31 March 2024)" in bare_pipe_rows(text).split("\n")


def test_lines_with_pipes_that_are_no_rows_are_left_alone() -> None:
    for text in (
        "Home | About us | Contact\n",  # no figure
        "MONDAY 8 DECEMBER 2025 | Web3\nThe week opened quietly.\n",  # a date heading
        "Issue 12 | Week ending Friday, 12 December 2025\n",  # a header over no rows
        "Visitors      4,500 | Rooms open    12\nTours          30    | Staff         8\n",
        "Tel: 2345 6789 | Email: desk@example.org | www.example.org\n",
        "Grant | HK$100,000 towards a prototype, paid in two parts over twelve months\n",
    ):
        assert bare_pipe_rows(text) == text, text


def test_a_pdf_fact_sheet_with_pipe_rows_keeps_each_row_apart() -> None:
    raw = (
        "Annual Review\n\nKey figures\n\nMuseum | 2018/19 | 2019/20\n\nVisitors | 900 | 1,000\n"
        "of which pupils | 300 | 350\nGifts received (HK$ million) | 11.5 | 19.8\n"
        "Rooms | 3 | 4\n\nNotes follow.\n"
    )
    text = read_bytes(raw.encode(), "a.txt").text
    assert "- Visitors: 1,000\n- of which pupils: 350" in text
    assert "- Gifts received (HK$ million): HK$19.8 million\n- Rooms: 4" in text


def test_a_plain_text_table_without_a_rule_keeps_its_rows_apart() -> None:
    raw = "Reply\n\nYear | Members (as at 30 June)\n2018 | 900\n2019 | 1,000\n\nEnds\n"
    text = read_bytes(raw.encode(), "a.txt").text
    assert "Year 2019:\n\n- Members (as at 30 June): 1,000" in text


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
    unruled_tables(text)
    aligned_tables(text)
    front_matter(text)


RULED = (
    "Table 1: Visitors\n\n"
    "| Indicator        | 2019-20 | 2020-21 |\n"
    "|------------------|---------|---------|\n"
    "| Museum visitors  |   4,500 |   2,100 |\n"
    "| Tours held       |      30 |      12 |\n"
)


def test_a_ruled_pipe_table_in_plain_text_reads_as_it_does_in_markdown() -> None:
    text = read_bytes(RULED.encode(), "paper.txt").text
    assert "2020-21:\n\n- Museum visitors: 2,100\n- Tours held: 12" in text
    assert "|" not in text


def test_a_line_of_dashes_under_a_two_column_layout_is_no_table_rule() -> None:
    layout = (
        "Unicorns          2    | Staff             200\n"
        "Funds raised by community  |\n"
        "   companies   HK$11.1 bn  |\n"
        "----------------------------------------\n"
        "SUPPORT PROGRAMMES         | FUNDS\n"
        "----------------------------------------\n"
    )
    assert pipe_tables(layout, plain=True) == layout
    assert pipe_tables(layout) != layout  # Markdown takes any rule under a row


def test_a_table_ruled_with_plus_signs_in_plain_text_keeps_its_header() -> None:
    text = (
        "     Financial year | Start-ups admitted | Staff on site\n"
        "     ---------------+--------------------+--------------\n"
        "     2013-14        |         54         |     120\n"
        "     2014-15        |         63         |     135\n"
    )
    read = read_bytes(text.encode(), "reply.txt").text
    assert "2014-15:\n\n- Start-ups admitted: 63\n- Staff on site: 135" in read
    assert "+" not in read


def test_a_time_column_table_whose_labels_start_on_a_line_above_their_figures() -> None:
    text = (
        "The figures are set out below:\n\n"
        "                                        2020-21   2021-22\n"
        "Number of community companies\n"
        "  (as at end of the financial year)       1,650     1,820\n"
        "Number of start-ups admitted to\n"
        "  incubation programmes (in the year)       120       138\n"
    )
    read = read_bytes(text.encode(), "reply.txt").text
    assert (
        "2021-22:\n\n- Number of community companies (as at end of the financial year): 1,820\n"
        "- Number of start-ups admitted to incubation programmes (in the year): 138"
    ) in read


def test_a_sub_row_set_as_a_list_item_stays_in_its_table() -> None:
    text = (
        "Museum | 2019/20 | 2018/19\nVisitors | 1,000 | 900\n  - of which pupils | 350 | 300\n"
        "Rooms | 4 | 3\n"
    )
    lines = bare_pipe_rows(text).split("\n")
    later = lines[lines.index("2018/19:") :]
    assert "- of which pupils: 300" in later and "- Rooms: 3" in later
    assert "- of which pupils: 350" in lines[: lines.index("2018/19:")]


def test_rows_that_give_their_figure_first_read_label_then_figure() -> None:
    sheet = "AT A GLANCE\n\n1,700+ | Visitors a week\n~780 | Members\nHK$29.3bn+ | Gifts received\n"
    assert bare_pipe_rows(sheet).split("\n")[3:6] == [
        "- Visitors a week: 1,700+", "- Members: ~780", "- Gifts received: HK$29.3bn+"
    ]  # fmt: skip
    milestones = "1999 | Museum announced\n2004 | Museum opened\n"
    assert bare_pipe_rows(milestones) == milestones  # a year then an event is no figure


def test_a_bare_pipe_row_whose_last_cell_describes_it_keeps_its_figure_and_the_words() -> None:
    rows = (
        "FinTech  |  480+ companies  |  digital banking, payments, insurtech, regtech, wealthtech\n"
        "Web3  |  300+ companies  |  tokenisation, digital assets, decentralised identity\n"
    )
    assert bare_pipe_rows(rows).split("\n")[1:3] == [
        "- FinTech: 480+ companies (digital banking, payments, insurtech, regtech, wealthtech)",
        "- Web3: 300+ companies (tokenisation, digital assets, decentralised identity)",
    ]
    dash = "Cluster | 2022/23 | 2021/22\nFinTech | 426 | 392\nWeb3 | 152 | -\n"
    assert "(-)" not in bare_pipe_rows(dash)  # a dash is an empty cell, no description


def test_a_header_of_times_and_a_word_heads_bare_pipe_rows_by_its_times() -> None:
    text = (
        "KEY FIGURES\n\nIndicator | 31 Mar 2024 | 31 Mar 2023 | Change\n"
        "Member firms | 2,117 | 1,912 | +11%\nUnicorns | 9 | 8 | +1\n"
    )
    lines = bare_pipe_rows(text).split("\n")
    first = lines[lines.index("31 Mar 2024:") : lines.index("31 Mar 2023:")]
    assert (
        "- Member firms: 2,117" in first and "- Unicorns: 8" in lines[lines.index("31 Mar 2023:") :]
    )
    # A row with figures keeps a last cell of words as a note on its figure.
    described = "FinTech | 480+ companies | banking, payments\nWeb3 | 270+ companies | tokens\n"
    assert "- FinTech: 480+ companies (banking, payments)" in bare_pipe_rows(described)


def test_a_part_heading_between_bare_pipe_rows_keeps_them_one_table() -> None:
    text = (
        "Indicator | 2019/20 | 2018/19\nMember firms | 1,633 | 1,220\n\nClusters\n"
        "FinTech firms | 380 | 300\nWeb3 firms | 90 | 40\n\nThe report ends here.\n"
    )
    lines = bare_pipe_rows(text).split("\n")
    second = lines[lines.index("2018/19:") :]
    assert "- FinTech firms: 300" in second and "- Member firms: 1,220" in second
    assert "Clusters" not in lines and "The report ends here." in lines
    # A line of words with no row after it is no part heading: the table ends there.
    ending = "Indicator | 2019/20 | 2018/19\nMember firms | 1,633 | 1,220\nClusters\n"
    assert "Clusters" in bare_pipe_rows(ending).split("\n")


def test_a_row_naming_a_part_with_empty_values_keeps_bare_pipe_rows_one_table() -> None:
    text = (
        "Indicator | 2024/25 | 2023/24\nCOMMUNITY | |\nMember firms | 2,268 | 2,046\n"
        "CLUSTERS | |\nWeb3 | 296 | 254\n"
    )
    lines = bare_pipe_rows(text).split("\n")
    second = lines[lines.index("2023/24:") :]
    assert "- Member firms: 2,046" in second and "- Web3: 254" in second
    assert not any("COMMUNITY" in line for line in lines)


def test_a_bare_pipe_row_whose_value_has_a_note_in_brackets_is_a_row() -> None:
    text = "FinTech | 520+\nWeb3 | 320+ (founders from 25+ countries and regions)\nAI | 500+\n"
    assert "- Web3: 320+ (founders from 25+ countries and regions)" in bare_pipe_rows(text)


def test_a_row_label_wrapped_onto_the_next_line_is_one_label_again() -> None:
    text = (
        "     As at 31 March                          | 2022  | 2023\n"
        "     Cyberport community companies (onsite and\n"
        "       offsite)                              | 1,790 | 1,950\n"
        "     Cumulative funds raised by community\n"
        "       companies ($ billion)                 | 30.2  | 36.0\n"
    )
    out = bare_pipe_rows(text)
    assert out.index("As at 31 March\n") < out.index("2022:") < out.index("2023:")
    assert "- Cyberport community companies (onsite and offsite): 1,790" in out
    assert "- Cumulative funds raised by community companies ($ billion): $36.0 billion" in out
    ruled = "THE COMMUNITY | THE CAMPUS\n=====\n Companies  1,000+ | Office space  119,000 m2\n"
    assert "=====" in bare_pipe_rows(ruled)  # (a rule is no label)


def test_label_and_value_pairs_side_by_side_are_no_table_row() -> None:
    pairs = "Unicorns: 3 | Listed companies: 2\nMarkets: 40 | Awards: 120\n"
    assert bare_pipe_rows(pairs) == pairs
    columns = "Unicorns (as at 31 March): 9 | 8\nListed companies: 6 | 5\n"
    assert "- Unicorns (as at 31 March): 9" in bare_pipe_rows(columns).split("\n")
