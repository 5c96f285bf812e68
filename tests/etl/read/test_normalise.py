"""Text normalisation: mojibake, Markdown, whitespace, hard wraps and line-end hyphens."""

from __future__ import annotations

import re

import ftfy
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.normalise import (
    TYPOGRAPHIC,
    _ftfy_line,
    fix_text,
    normalise_text,
    strip_markdown,
)
from tests.paths import ROOT

SEEDS = ROOT / "seeds"


def test_fixes_mojibake_and_keeps_curly_quotes() -> None:
    assert normalise_text("Hong Kongâ€™s start-ups") == "Hong Kong’s start-ups"
    assert normalise_text("“super-connector”") == "“super-connector”"


def test_expands_ligatures_and_full_width_digits() -> None:
    assert normalise_text("ﬁnancing and ﬂows of ２０２５") == "financing and flows of 2025"


def test_collapses_stray_whitespace() -> None:
    raw = "  Cyberport\u00a0has\t\tover   2,000\u200b members.  \r\n\r\n\r\n\r\nNext   one. "
    assert normalise_text(raw) == "Cyberport has over 2,000 members.\n\nNext one."


def test_drops_markdown_escapes_and_bold_in_plain_text() -> None:
    raw = "total financing exceeding HK\\$ 43.4 billion, said **Simon Chan, Chairman**."
    assert (
        normalise_text(raw)
        == "total financing exceeding HK$ 43.4 billion, said Simon Chan, Chairman."
    )


def test_bold_spanning_a_wrapped_line() -> None:
    raw = "**Cyberport Congratulates the Opening of the Science\nand Technology Centre**\n"
    assert (
        normalise_text(raw)
        == "Cyberport Congratulates the Opening of the Science and Technology Centre"
    )


def test_plain_text_keeps_single_stars_and_snake_case() -> None:
    assert normalise_text("a file_name_here and 5 * 3 *") == "a file_name_here and 5 * 3 *"


def test_markdown_blocks_links_and_emphasis() -> None:
    raw = (
        "# Cyberport *opens* a lab\n\nSee [the members](https://example.org/m) and "
        "![logo](x.png) `code`.\n\n> A quote\n\n* first\n* second\n\n---\n\n[ref]: https://x.org"
    )
    assert normalise_text(raw, markdown=True) == (
        "Cyberport opens a lab\n\nSee the members and logo code.\n\nA quote\n\n- first\n- second"
    )


def test_strip_markdown_without_blocks_keeps_headings_and_links() -> None:
    assert strip_markdown("# Title [x](y) \\#1", blocks=False) == "# Title [x](y) #1"


def test_hard_wrapped_paragraphs_become_one_line_each() -> None:
    raw = (
        "Press Release\nFor Immediate Release\n\n"
        "Cyberport Achieves Results at the\n28th Symposium\n\n"
        "Hong Kong, 23 September 2024 — The symposium and the investment conference were\n"
        "held in Beijing on 20-21 September. Cyberport signed a memorandum with the district\n"
        "data bureau and the union of business services to promote exchanges between them.\n"
        "Short closing line.\n"
        " An indented line after a finished sentence starts a new paragraph and it is long\n"
        "enough to wrap onto a second line of the same paragraph.\n"
    )
    assert normalise_text(raw).split("\n\n") == [
        "Press Release",
        "For Immediate Release",
        "Cyberport Achieves Results at the 28th Symposium",
        "Hong Kong, 23 September 2024 — The symposium and the investment conference were "
        "held in Beijing on 20-21 September. Cyberport signed a memorandum with the district "
        "data bureau and the union of business services to promote exchanges between them. "
        "Short closing line.",
        "An indented line after a finished sentence starts a new paragraph and it is long "
        "enough to wrap onto a second line of the same paragraph.",
    ]


def test_a_heading_over_a_paragraph_written_on_one_line_stays_a_line_of_its_own() -> None:
    body = "The museum is the city's largest, with over 1,900 members and 800 volunteers. " * 6
    raw = (
        "Museum opens\nHong Kong, 2 May 2024\nRead more\nat the desk\n\n"
        f"About the Example Museum Trust Company\n{body}\n"
    )
    assert "About the Example Museum Trust Company\n\nThe museum" in normalise_text(raw)
    wrapped = "Stories of the Example Museum Trust Company\nmembers and friends, told at length.\n"
    assert "Trust Company members" in normalise_text(raw.split("About")[0] + wrapped)


def test_a_date_line_is_never_joined_to_the_line_before() -> None:
    raw = (
        "The first report ends here with a long closing sentence that fills the line.\n"
        "Hong Kong, 5 June 2025 – The second report begins with its own dateline and goes\n"
        "on for a while, filling a wrapped line or two before it finally reaches its end.\n"
        "It continues here in a third line that is wrapped just like the other lines.\n"
    )
    lines = normalise_text(raw).split("\n\n")
    assert len(lines) == 2
    assert lines[1].startswith("Hong Kong, 5 June 2025 –")


def test_page_break_inside_a_sentence_is_joined() -> None:
    raw = "We believe that it will\n\nhave a profound impact.\n\nNext paragraph."
    assert (
        normalise_text(raw) == "We believe that it will have a profound impact.\n\nNext paragraph."
    )


def test_paragraphs_of_one_line_each_read_as_when_a_block_is_wrapped() -> None:
    """A text with no wrapped block takes a shorter way: the same lists and page breaks."""
    one_line = (
        "Title\n\n- first item\n\n- second item\n\nIt went on to say that the\n\n"
        "park grows, with start-\n\nups.\n\nEnd."
    )
    expected = (
        "Title\n\n- first item\n- second item\n\n"
        "It went on to say that the park grows, with start-ups.\n\nEnd."
    )
    assert normalise_text(one_line) == expected
    wrapped = one_line.replace("Title", "A title\nwrapped")  # a block of two lines
    assert normalise_text(wrapped) == expected.replace("Title", "A title wrapped")


def test_a_figure_wrapped_onto_the_next_line_joins_its_sentence() -> None:
    raw = "Hong Kong, 3 March 2026 – Cyberport now counts over\n3,100 start-ups.\n"
    assert (
        normalise_text(raw)
        == "Hong Kong, 3 March 2026 – Cyberport now counts over 3,100 start-ups."
    )
    money = "The community has raised more than\nHK$12 billion in all."
    assert normalise_text(money) == "The community has raised more than HK$12 billion in all."
    listing = "Our priorities are:\n1. talent\n2. capital"
    assert normalise_text(listing).splitlines()[0] == "Our priorities are:"


def test_bullets_after_a_finished_line_stay_apart() -> None:
    raw = "Highlights of the year:\n- 2,200 start-ups\n- 7 unicorns\n"
    assert normalise_text(raw) == "Highlights of the year:\n\n- 2,200 start-ups\n- 7 unicorns"


def test_urls_are_not_glued_to_text() -> None:
    raw = "For more information, please visit\n\nhttps://www.example.org/\nAbout us"
    assert normalise_text(raw).split("\n\n") == [
        "For more information, please visit",
        "https://www.example.org/",
        "About us",
    ]


def test_hard_wrapped_seed_reads_as_paragraphs() -> None:
    (path,) = SEEDS.glob("000_*.txt")
    text = normalise_text(path.read_text(encoding="utf-8"))
    assert "\nHong Kong, 23 September 2024 — The 27th Beijing Hong Kong Economic Cooperation " in (
        text
    )
    assert "Beijing-Hong Kong Al Application Accelerator" in text
    assert "wide-ranging and in-depth" in text
    assert "it will have a profound impact" in text
    assert "\n\n\n" not in text
    paragraph = next(line for line in text.split("\n") if line.startswith("Hong Kong, 23"))
    assert paragraph.endswith("launching ceremony.")


def test_seeds_have_no_markdown_left_and_are_stable() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = normalise_text(path.read_text(encoding="utf-8"))
        assert "**" not in text and "\\$" not in text, path.name
        assert normalise_text(text) == text, path.name


@settings(max_examples=200)
@given(st.text())
def test_never_raises_and_leaves_no_stray_whitespace(raw: str) -> None:
    text = normalise_text(raw)
    assert text == text.strip()
    assert "\n\n\n" not in text and "  " not in text and "\r" not in text


# Text made of what ftfy acts on: mojibake, entities, tags, ligatures, controls, line breaks.
SUSPECT_PARTS = st.sampled_from(
    ["Kongâ€™s", "&amp;", "&lt;b&gt;", "<p>", "ﬁnance", "\r\n", "\x00", "\u2028", "e\u0301",
     "\ufffd", "Ａ", "HK$43.4", "over 2,000 ", "\n", "’", "–", " ", "&"]
)  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.one_of(SUSPECT_PARTS, st.text(max_size=8)), max_size=20).map("".join))
def test_fixing_only_suspect_lines_equals_ftfy_on_the_whole_text(text: str) -> None:
    assert fix_text(text) == ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


# What a line ftfy is skipped for may hold: printable ASCII but '&', tabs, typographic marks.
_PLAIN_CHARS = "".join(chr(c) for c in range(0x20, 0x7F) if chr(c) != "&") + "\t" + TYPOGRAPHIC
_NEAR_MOJIBAKE = st.sampled_from(["Ã", "Â", "â€", "€", "Ø", "\u0080", "Ã©", "\u00a0", "&"])


@settings(max_examples=300)
@given(st.text(alphabet=_PLAIN_CHARS), st.sampled_from(["auto", False]))
def test_ftfy_leaves_a_line_of_plain_and_typographic_characters_alone(
    line: str, unescape: str | bool
) -> None:
    assert _ftfy_line(line, unescape) == line


@settings(max_examples=300)
@given(st.lists(st.one_of(st.text(alphabet=_PLAIN_CHARS, max_size=6), _NEAR_MOJIBAKE,
                          st.just("\n")), max_size=20).map("".join))  # fmt: skip
def test_typographic_lines_skipped_still_give_ftfy_on_the_whole_text(text: str) -> None:
    assert fix_text(text) == ftfy.fix_text(text, uncurl_quotes=False, normalization="NFC")


def test_no_mojibake_pattern_of_ftfy_can_match_plain_and_typographic_characters() -> None:
    """Each of ftfy's badness patterns needs, at one place, a character outside _PLAIN_CHARS
    (so is_bad is false on such a line); a new ftfy with a pattern that does not would make
    skipping those lines wrong."""
    from re import _compiler, _parser

    from ftfy.badness import BADNESS_RE

    parsed = _parser.parse(BADNESS_RE.pattern, BADNESS_RE.flags)
    (branch, (_, alternatives)), *rest = parsed.data
    assert branch == _parser.BRANCH and not rest
    for alternative in alternatives:
        needed = []  # the places a match must fill with one character
        for item in alternative.data:
            op, arg = item
            if op == _parser.AT or (op == _parser.MAX_REPEAT and arg[0] == 0):
                continue  # an anchor or an optional character: nothing needed
            assert op in (_parser.IN, _parser.LITERAL, _parser.ANY), item
            needed.append(_compiler.compile(_parser.SubPattern(parsed.state, [item])))
        assert any(not any(p.fullmatch(ch) for ch in _PLAIN_CHARS) for p in needed), alternative
    assert fix_text("Hong Kong, 5 June 2025 – “a” release…\n") == (
        "Hong Kong, 5 June 2025 – “a” release…\n"
    )
    assert fix_text("Kongâ€™s – park\n") == "Kong’s – park\n"


def test_plain_text_is_left_alone_and_mojibake_fixed() -> None:
    plain = "Cyberport has over 2,000 members.\nIt is in Hong Kong.\n"
    assert fix_text(plain) is plain
    assert fix_text(plain + "Hong Kongâ€™s park\n") == plain + "Hong Kong’s park\n"


def test_a_date_line_without_a_year_keeps_its_own_line() -> None:
    text = "CAMPUS VOICES 2021 — EPISODE TRANSCRIPT\nMonday, 15 March\n\nGuest: a founder."
    assert normalise_text(text).split("\n\n")[:2] == [
        "CAMPUS VOICES 2021 — EPISODE TRANSCRIPT",
        "Monday, 15 March",
    ]


@given(st.text(alphabet=" \t\f\v\u00a0\u2003\u3000ab\n", max_size=60))
def test_spaces_fold_as_one_rule_says(text: str) -> None:
    """Only runs that change are matched: the result is every run made one plain space."""
    from etl.read.normalise import _SPACES_RE

    rule = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
    assert _SPACES_RE.sub(" ", text) == rule.sub(" ", text)


_SPACE_RULE = re.compile(r"[ \t\f\v\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")


@settings(max_examples=300)
@given(st.text(alphabet=" \t\f\v\u00a0\u1680\u2005\u200a\u202f\u205f\u3000ab–é\n", max_size=60))
def test_collapse_spaces_skips_only_texts_with_nothing_to_fold(text: str) -> None:
    """The quick test for "nothing to fold" never lets a run that folds through."""
    from etl.read.normalise import collapse_spaces

    assert collapse_spaces(text) == _SPACE_RULE.sub(" ", text)


@pytest.mark.parametrize("space", ["\u00a0", "\u2009", "\u3000", "\t", "\f", "\v"])
def test_one_space_that_is_no_plain_space_is_folded(space: str) -> None:
    from etl.read.normalise import collapse_spaces

    assert collapse_spaces(f"Hong Kong – over{space}1,000 start-ups") == (
        "Hong Kong – over 1,000 start-ups"
    )
    assert collapse_spaces("Hong Kong – over 1,000 start-ups  now") == (
        "Hong Kong – over 1,000 start-ups now"
    )


@pytest.mark.parametrize(
    "text", ["a **bold** word", "a __bold__ word", "a ** stray", "one * two", "snake_case", ""]
)
def test_markers_are_stripped_whatever_the_quick_test(text: str) -> None:
    """The one-character test before each marker never skips a marker that is there."""
    assert strip_markdown(text, blocks=False) == {
        "a **bold** word": "a bold word",
        "a __bold__ word": "a bold word",
        "a ** stray": "a  stray",
    }.get(text, text)


def test_invisible_characters_go_and_plain_text_stays() -> None:
    assert normalise_text("Cyber\u00adport has 1,000\u200b members – and\ufeff more.") == (
        "Cyberport has 1,000 members – and more."
    )
