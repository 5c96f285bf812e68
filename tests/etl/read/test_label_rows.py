"""Label/value lines of fact sheets: leaders, gaps and colons become "label: value"."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from etl.read.label_rows import label_row, parse_row, write_label_rows
from etl.read.normalise import normalise_text


def test_dot_leaders_become_a_colon() -> None:
    assert write_label_rows("Member firms ........ 75") == "Member firms: 75"
    assert write_label_rows("Capital raised ··· about HK$3 billion") == (
        "Capital raised: about HK$3 billion"
    )
    assert write_label_rows("Spin-offs …… 4") == "Spin-offs: 4"
    assert write_label_rows("Patents held . . . . . 120") == "Patents held: 120"
    assert write_label_rows("Funds raised (cumulative) .. HK$4.2 billion") == (
        "Funds raised (cumulative): HK$4.2 billion"
    )  # a leader the label left room for two dots only


def test_a_gap_of_spaces_or_a_tab_is_a_leader() -> None:
    assert write_label_rows("Unicorns\t6") == "Unicorns: 6"
    assert write_label_rows("  Listed companies     12") == "  Listed companies: 12"


def test_a_row_indented_under_another_is_its_sub_row() -> None:
    text = "Tenants .......... 900\n    on site ....... 300\n    remote ........ 600\nFunds ... 8"
    assert write_label_rows(text).split("\n") == [
        "Tenants: 900",
        "    - - on site: 300",
        "    - - remote: 600",
        "Funds: 8",
    ]


def test_lines_that_are_no_label_and_value_are_left_alone() -> None:
    for line in (
        "Tel: (852) 3166 3800   Fax: (852) 3166 3900",  # several cells
        "Who we are ........ see overleaf",  # no figure in the value
        "2019 ........ 45",  # the label is a number
        "The hub grew fast... to 900 firms in the year to March",  # an ellipsis in prose
        "CONTACT",
    ):
        assert write_label_rows(line) == line


def test_a_value_too_long_for_a_fact_box_is_prose() -> None:
    line = "Note: the figures for 2019 and 2020 were revised after the audit in the spring"
    assert label_row(line) is None


def test_normalised_label_rows_stay_on_their_own_lines() -> None:
    raw = (
        "KEY FIGURES\n"
        "Companies in the network ................................ over 1,100\n"
        "Awards won ............................................. 40\n"
        "Markets reached ........................................ 25\n"
    )
    assert normalise_text(raw).split("\n\n") == [
        "KEY FIGURES",
        "Companies in the network: over 1,100",
        "Awards won: 40",
        "Markets reached: 25",
    ]


_LABEL = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){0,3}", fullmatch=True)
_VALUE = st.from_regex(r"(over |about )?[1-9]\d{0,2}(,\d{3})?\+?", fullmatch=True)
_LEADER = st.sampled_from([" ..... ", "......", " ·· · ", "\t", "    ", ": ", " … "])


@settings(max_examples=200)
@given(_LABEL, _LEADER, _VALUE)
def test_any_leader_gives_the_same_label_and_value(label: str, leader: str, value: str) -> None:
    assert write_label_rows(f"{label}{leader}{value}") == f"{label}: {value}"


@settings(max_examples=200)
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=80))
def test_never_fails_and_keeps_the_line_count(text: str) -> None:
    out = write_label_rows(text)
    assert out.count("\n") == text.count("\n")
    assert write_label_rows(out) == out  # once written, a row stays as it is


_PIECE = st.sampled_from(
    ["Start-ups", " in the park", " over ", "HK$", "1,200", "75", "+", ":", " : ", "  ", "\t",
     " ..... ", "…", " · · ·", "_", "-", " ", ".", "the hub grew to ", " firms", "\u00a0",
     " . ", "·"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_PIECE, max_size=12), st.text(max_size=60))
def test_the_cheap_test_never_turns_a_row_away(pieces: list[str], prose: str) -> None:
    for line in ("".join(pieces), prose + "".join(pieces), "".join(pieces) + prose):
        slow, fast = parse_row(line), label_row(line)
        assert (slow and slow.groupdict()) == (fast and fast.groupdict()), line


def test_a_lone_spaced_dot_is_a_leader_the_label_filled() -> None:
    text = "Members ........ 900\nTeams admitted to the scheme (to date) . 310+"
    assert write_label_rows(text).split("\n")[1] == "Teams admitted to the scheme (to date): 310+"
    assert write_label_rows("It ended at 9 p.m. Then 40 more came.") == (
        "It ended at 9 p.m. Then 40 more came."
    )


def test_a_table_laid_out_by_spaces_is_read_by_column() -> None:
    text = (
        "MAIN CLUSTERS        Firms      Share\n"
        "  Web3               210        12%\n"
        "  Smart Living       180        10%\n"
        "\n"
        "Enquiries ........ 3166 3800"
    )
    lines = write_label_rows(text).split("\n")
    assert "Firms:" in lines and "- Web3: 210" in lines and "- Smart Living: 10%" in lines
    assert lines.index("Firms:") < lines.index("- Web3: 210") < lines.index("Share:")


def test_one_row_under_a_header_is_no_spaced_table() -> None:
    text = "NAME        Firms      Share\n  Web3     210        12%\nA sentence follows."
    assert "Firms:" not in write_label_rows(text)


YEAR_COLUMNS = """\
Measure                            2021      2022-23
-------------------------------   ------    --------
Member firms                       1,300      1,480
  of which in the towers             610        655
Venture money raised by members,
  to date (US$ million)               95        120
"""


def test_a_table_whose_column_headings_are_years_is_read_by_year() -> None:
    lines = write_label_rows(YEAR_COLUMNS).split("\n")
    assert lines.index("2021:") < lines.index("- Member firms: 1,300") < lines.index("2022-23:")
    assert "- of which in the towers: 655" in lines
    assert "- Venture money raised by members, to date (US$ million): US$120 million" in lines
    assert not any(line.startswith("---") for line in lines)


def test_a_header_with_a_figure_that_is_no_year_is_no_header() -> None:
    text = "Members      1,300     2022\nTowers       3         4\nRooms        38        40\n"
    assert "2022:" not in write_label_rows(text)
    text = "Phase 2      2021      2022\nTowers       3         4\nRooms        38        40\n"
    assert "2021:" not in write_label_rows(text)  # the label cell holds a figure


def test_a_label_line_not_indented_over_its_figures_is_not_joined() -> None:
    text = YEAR_COLUMNS.replace("\n  to date (US$ million)", "\nTo date (US$ million) ")
    lines = write_label_rows(text).split("\n")
    assert not any("members, To date" in line for line in lines)


SIDE_BY_SIDE = """\
==========================================
 MEMBERS                  | THE SITE
==========================================
 Member firms       2,400 | Towers            3
 - in the towers  abt 900 | Car park spaces  410
 Grants awarded           |
   since 2011         316 | Meeting rooms    38
 Listed firms           5 |
=========================================="""


def test_two_columns_side_by_side_are_read_one_after_the_other() -> None:
    out = write_label_rows(SIDE_BY_SIDE)
    left = ["MEMBERS", "Member firms: 2,400", "- in the towers: abt 900"]
    right = ["THE SITE", "Towers: 3", "Car park spaces: 410", "Meeting rooms: 38"]
    lines = [line.strip() for line in out.split("\n") if line.strip()]
    assert lines[1:4] == left  # (the ruled line above the block is not in it)
    assert "Grants awarded since 2011: 316" in lines
    assert lines.index("Listed firms: 5") < lines.index("THE SITE")
    assert lines[-5:-1] == right


def test_a_bar_in_prose_or_a_pipe_table_is_no_column() -> None:
    prose = "Revenue | up 4%\nThe hub | said so\n"
    assert write_label_rows(prose) == prose
    table = "| Year | Firms |\n|---|---|\n| 2019 | 300 |\n| 2020 | 400 |"
    assert write_label_rows(table) == table
    ragged = "Firms 300 | Towers 3\nStaff 20       | Rooms 4\nSeats 9 | Desks 5"
    assert write_label_rows(ragged) == ragged
    cells = "Year | Firms\n2019 | 300\n2020 | 400\n2021 | 450"  # a cell is a label or a value
    assert write_label_rows(cells) == cells


def test_a_label_with_two_lines_under_it_is_a_heading_not_wrapped() -> None:
    text = "Incubation Programme\n   grant per team   HK$100,000\n   duration   24 months"
    out = write_label_rows(text)
    assert out.split("\n")[0] == "Incubation Programme"
    assert write_label_rows("Funds raised by member\n   companies   HK$2 bn") == (
        "Funds raised by member companies: HK$2 bn"
    )


def test_a_wrapped_label_whose_second_line_opens_with_a_bracket_is_one_row() -> None:
    text = (
        "  Grants paid to member firms\n"
        "    (since 2012) .............. HK$95 million\n"
        "  Towers ...................... 3"
    )
    assert write_label_rows(text).split("\n") == [
        "  Grants paid to member firms (since 2012): HK$95 million",
        "  Towers: 3",
    ]


def test_a_label_over_a_capitalised_row_of_its_own_is_not_joined_to_it() -> None:
    text = "  MEMBERSHIP\n    Member firms ........ 1,900\n  Towers .............. 3"
    out = write_label_rows(text).split("\n")
    assert out[0] == "  MEMBERSHIP"
    assert out[1].strip() == "Member firms: 1,900"


@settings(max_examples=300)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=40))
def test_has_digit_is_str_isdigit(text: str) -> None:
    from etl.read.label_rows import has_digit

    assert has_digit(text) == any(ch.isdigit() for ch in text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Unicorns 6", True), ("Area m²", True), ("Step ①", True), ("٣ أشهر", True),
     ("no figure – none", False), ("", False), ("½ share", False)],
)  # fmt: skip
def test_has_digit_counts_every_digit(text: str, expected: bool) -> None:
    from etl.read.label_rows import has_digit

    assert has_digit(text) is expected


@pytest.mark.parametrize("blank", ["  ", "\t", " \t "])
def test_a_label_over_a_line_of_blanks_is_left_as_it_is(blank: str) -> None:
    text = f"Funds raised\n{blank}\nmore to come 12\n"
    assert write_label_rows(text) == text


@settings(max_examples=300)
@given(st.lists(st.sampled_from(["Funds raised", "  ", "\t", "  since 2005  681", "x", ""])))
def test_label_rows_never_fail_on_lines_of_labels_blanks_and_values(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert isinstance(write_label_rows(text), str)


_UNSPACED_PIECE = st.sampled_from(
    ["Start-ups", " in the park", " over ", "HK$", "1,200", "75", "+", ":", " : ", " ..... ",
     "…", " · · ·", "_", "- ", "– ", "* ", " ", ".", "\n", "\n ", "\n  ".replace("  ", " \u00a0"),
     "\u00a0", " . ", "·", "|", " | ", "Unicorns 2 |", "(cumulative)", "since 2005 681"]
)  # fmt: skip


@settings(max_examples=500)
@given(st.lists(_UNSPACED_PIECE, max_size=30).map("".join))
def test_rows_are_written_with_no_two_spaces_or_tab_where_the_text_had_none(text: str) -> None:
    """normalise_text folds runs of spaces after this step only when the text had one."""
    if "  " in text or "\t" in text:
        return
    out = write_label_rows(text)
    assert "  " not in out and "\t" not in out


def test_rows_of_a_text_with_no_two_spaces() -> None:
    text = "Unicorns ..... 2\n- Labs: 40\nFunds raised\n (cumulative) .... HK$8.4 billion"
    out = write_label_rows(text)
    assert out == "Unicorns: 2\n- Labs: 40\nFunds raised (cumulative): HK$8.4 billion"


COMPARED = """\
                 Cyberport      Kiln 9 (Lisbon)    Station North
Opened           2004           2019               2011
Companies        2,100+         about 300          n/a
Unicorns         8              -                  2
"""


def test_organisations_heading_the_columns_over_a_row_of_years_are_the_header() -> None:
    lines = normalise_text(COMPARED).split("\n")
    assert "2004:" not in lines  # "Opened" is a row, not a header of years
    assert lines.index("Cyberport:") < lines.index("- Companies: 2,100+")
    assert lines.index("Kiln 9 (Lisbon):") < lines.index("- Companies: about 300")
    assert "- Companies: n/a" not in lines and "- Unicorns: -" not in lines  # no value there
