"""Hard-wrapped lines joined into paragraphs: hyphens, the wrap width, what stays apart."""

from __future__ import annotations

import pytest

from etl.read.reflow import join_hyphenated, reflow, wrap_width


@pytest.mark.parametrize(
    ("prev", "nxt", "expected"),
    [
        ("the devel-", "opment of", "the development of"),
        ("Beijing-", "Hong Kong", "Beijing-Hong Kong"),
        ("COVID-", "19 cases", "COVID-19 cases"),
        ("supporting start-", "ups and", "supporting start-ups and"),
        ("wide-ranging and in-", "depth talks", "wide-ranging and in-depth talks"),
        ("a self-", "assessment", "a self-assessment"),
        ("digital tech-", "nology firms", "digital technology firms"),
        ("to pro-", "mote talent", "to promote talent"),
        ("Zhong-", "guancun", "Zhong-guancun"),
    ],
)
def test_line_end_hyphens(prev: str, nxt: str, expected: str) -> None:
    assert join_hyphenated(prev, nxt, f"{prev}\n{nxt}") == expected


def test_line_end_hyphen_follows_the_document_own_spelling() -> None:
    document = "Many startups joined.\nThe start-\nups grew."
    assert join_hyphenated("The start-", "ups grew.", document) == "The startups grew."
    document = "A co-operation deal.\nFurther co-\noperation follows."
    assert join_hyphenated("Further co-", "operation follows.", document) == (
        "Further co-operation follows."
    )


def test_wrap_width_needs_wrapped_blocks() -> None:
    assert wrap_width([["one long paragraph"], ["another"]]) is None
    block = ["x" * n for n in (88, 90, 86, 89, 87, 90, 91, 85, 88, 90, 30)]
    assert wrap_width([block, ["y" * 500]]) == 90


def test_a_numbered_line_after_a_bulleted_list_is_no_item_of_that_list() -> None:
    lines = [
        "Thank you.",
        "",
        "- The CIP Team",
        "",
        "2. Q2 2024 BY THE NUMBERS",
        "",
        "Admitted: 42",
    ]
    assert "- The CIP Team\n\n2. Q2 2024 BY THE NUMBERS" in reflow(lines)
    assert "- one\n- two" in reflow(["Steps:", "", "- one", "", "- two"])  # the same marks


def test_the_rows_of_a_two_cell_table_stay_lines_of_their_own() -> None:
    lines = [
        "OUR CLUSTERS",
        "",
        "FinTech | Over 400 companies, from digital banks and insurtech to RegTech and payments",
        "Smart Living | About 280 companies in smart mobility, healthtech, proptech and edtech",
        "Digital Entertainment and Esports | Around 190 game studios, esports and media firms",
    ]
    out = reflow(lines)
    assert "payments Smart Living" not in out
    assert all(line in out.split("\n\n") for line in lines[2:])


def test_rows_parted_by_slashes_stay_lines_of_their_own() -> None:
    lines = ["Financial year / Applications / Start-ups admitted", "2015-16 / 612 / 96",
             "2016-17 / 745 / 118"]  # fmt: skip
    assert reflow(lines).split("\n\n") == lines
    wrapped = ["Start-ups in FinTech / Web3 and in smart living / health joined the", "programme."]
    assert reflow(wrapped) == " ".join(wrapped)  # a sentence, as many slashes, one line on


def test_a_row_under_a_row_stays_a_row_however_it_opens() -> None:
    """'of which start-ups ..... 1,760' under 'Companies ..... 2,014' is the next row of a fact
    box, not the rest of a wrapped line, though it opens in lower case."""
    rows = [
        "Companies in the community ........ 2,014",
        "of which start-ups ................ 1,760",
        "on campus: 820",
    ]
    assert reflow(["Key figures", "", *rows]).split("\n\n")[1:] == rows
    # A wrapped sentence that opens its next line in lower case is still joined.
    assert reflow(["The community counted 2,014 companies and", "more than 40 markets."]) == (
        "The community counted 2,014 companies and more than 40 markets."
    )


def test_a_papers_lettered_items_stay_lines_and_its_lettered_parts_paragraphs() -> None:
    items = ["As at 31 December 2025:", "", "(a) FinTech: some 460 companies;",
             "(b) smart living: about 280 companies; and",
             "(c) Web3: about 220 companies."]  # fmt: skip
    assert "(a) FinTech: some 460 companies;\n(b) smart living: about 280 companies; and\n(c)" in (
        reflow(items)
    )
    parts = ["Reply:", "", "(a) In 2021, 120 start-ups were admitted.", "",
             "(b) As at March 2022, the community had 1,800 companies."]  # fmt: skip
    assert "admitted.\n\n(b) As at" in reflow(parts)


def test_a_line_without_a_letter_is_a_line_of_its_own() -> None:
    wrapped = [
        "Congratulations to our community company Lumio Health on its listing",
        "on the Main Board today! Lumio raised HK$380M in its IPO. That brings",
        "the number of listed companies from the Cyberport community to 8 🎉",
        "💬 27   🔁 88   ❤️ 540",
    ]
    got = reflow([*wrapped, "", *wrapped]).split("\n\n")
    assert got[1] == got[3] == "💬 27   🔁 88   ❤️ 540"
    # A figure that goes on an unfinished sentence still joins it.
    assert reflow(["The community has grown to", "2,000."]) == "The community has grown to 2,000."
