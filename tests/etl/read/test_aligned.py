"""Tables laid out by spaces in plain text, read as the lines a table is written as."""

from __future__ import annotations

from etl.read.aligned import aligned_tables
from etl.read.readers import read_bytes


def test_a_table_laid_out_by_spaces_whose_rows_are_years_is_read_as_lines() -> None:
    table = (
        "    Season      Visitors to the museum    Guided tours\n"
        "    2011-12     4,500    30\n"
        "    2012-13     5,200    41\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "Season 2012-13:" in lines and "- Visitors to the museum: 5,200" in lines
    assert "- Guided tours: 30" in lines
    text = read_bytes(("Paper\n\n" + table + "\nEnd of paper.\n").encode(), "p.txt").text
    assert "Season 2011-12:\n\n- Visitors to the museum: 4,500" in text


def test_space_aligned_lines_that_are_no_year_table_stay_as_they_are() -> None:
    names = "Name     Office\nAnn Lee     Room 2\nBo Chan     Room 3\n"  # rows led by no time
    assert aligned_tables(names) == names
    one_row = "Year     Visitors\n2019     4,500\n"
    assert aligned_tables(one_row) == one_row
    wordy = "Year     Note\n2019     quiet\n2020     busy\n"  # no figure in the rows
    assert aligned_tables(wordy) == wordy


def test_a_table_laid_out_by_spaces_whose_columns_are_years_is_read_as_lines() -> None:
    table = (
        "Measure                      2019-20   2020-21   2021-22\n"
        "-------------------------------------------------------\n"
        "Visitors to the museum         4,500     2,100     3,900\n"
        "  (in thousands)\n"
        "Guided tours held                 30        12        25\n"
        "  during the year\n"
        "-------------------------------------------------------\n"
        "Source: the museum\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "2020-21:" in lines
    assert "- Visitors to the museum (in thousands): 2,100" in lines
    assert "- Guided tours held during the year: 25" in lines
    assert "Source: the museum" in lines


def test_a_year_header_over_an_unnamed_label_column_is_still_the_header() -> None:
    table = (
        "                          2019/20   2020/21\n"
        "Visitors to the museum      4,500     2,100\n"
        "  of which children           900       400\n"
        "Guided tours held              30        12\n"
    )
    lines = aligned_tables(table).split("\n")
    assert lines.index("2020/21:") < lines.index("- Visitors to the museum: 2,100")
    assert "- of which children: 400" in lines
    flush = "2019/20     2020/21\nVisitors     4,500     2,100\n"  # not indented: no header
    assert aligned_tables(flush) == flush


def test_space_aligned_lines_under_a_year_header_without_figures_stay_as_they_are() -> None:
    wordy = (
        "Stage          2019     2020\nPlanning       done     done\nBuilding       begun    done\n"
    )
    assert aligned_tables(wordy) == wordy
    two_columns = "Item     2019\nVisitors     4,500\nTours     30\n"  # one year: no table
    assert aligned_tables(two_columns) == two_columns


ANNEX = """\
                                   2016-17      2017-18      2018-19
(as at 31 March)
Community companies                  860        1,010        1,180
  - On-site                          520          590          660
  (b) Start-ups admitted to incubation and
      acceleration programmes during the year        135          148          160
Funding raised by community
  start-ups (cumulative, HK$ million) 5,500     11,400       16,800
"""


def test_times_over_the_values_alone_head_a_table_with_its_note_kept_above() -> None:
    lines = aligned_tables(ANNEX).split("\n")
    assert lines.index("(as at 31 March)") < lines.index("2016-17:") < lines.index("2018-19:")
    first = lines[lines.index("2016-17:") : lines.index("2017-18:")]
    assert "- Community companies: 860" in first and "- - On-site: 520" in first
    # a label begun on an indented line of its own ends beside the figures, indented deeper
    assert (
        "- (b) Start-ups admitted to incubation and acceleration programmes during the year: 135"
        in first
    )
    # a long label its first value follows after one space gives that value to its column
    assert any(line.endswith(": HK$5,500 million") for line in first)
    assert "- - On-site: 660" in lines[lines.index("2018-19:") :]


def test_headings_wrapped_over_several_lines_go_to_the_columns_they_stand_under() -> None:
    table = (
        "   Year   Start-ups in    Incubatees admitted   Funding raised by\n"
        "          the community   (cumulative, since    start-ups (cumulative,\n"
        "                          2005)                 HK$ million)\n"
        "   ----   -------------   -------------------   ----------------------\n"
        "   2013        268                262                    390\n"
        "   2014        331                305                    620\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "Year 2014:" in lines
    assert "- Incubatees admitted (cumulative, since 2005): 305" in lines
    assert "- Funding raised by start-ups (cumulative, HK$ million): HK$620 million" in lines


STACKED = """\
                                  As at        As at        As at
                                  end-March    end-March    end-June
                                  2022         2023         2024

Member companies                  1,046        1,261        1,482
  - in the towers                 562          611          648
Funds raised by members           7,120        13,240       22,610
  (HK$ million)
"""


def test_column_headings_wrapped_over_lines_above_the_times_head_their_columns() -> None:
    lines = aligned_tables(STACKED).split("\n")
    first = lines[lines.index("As at end-March 2022:") : lines.index("As at end-March 2023:")]
    assert "- Member companies: 1,046" in first and "- - in the towers: 562" in first
    assert "- Funds raised by members (HK$ million): HK$7,120 million" in first
    assert "- Member companies: 1,482" in lines[lines.index("As at end-June 2024:") :]
    # Words that stand under no column are no headings: the lines stay as they are.
    shifted = STACKED.replace("  end-March    end-March", "end-March  end-March      ", 1)
    assert "As at end-March 2022:" not in aligned_tables(shifted)


PARTS = """\
                                       2021-22    2022-23
Member companies (as at March 31)
  In the towers                            805        842
  Elsewhere                                851        960
Start-ups admitted                         156        171
"""


def test_a_heading_of_a_part_of_a_table_over_deeper_rows_keeps_the_table() -> None:
    lines = aligned_tables(PARTS).split("\n")
    first = lines[lines.index("2021-22:") : lines.index("2022-23:")]
    assert first[2:5] == ["- In the towers: 805", "- Elsewhere: 851", "- Start-ups admitted: 156"]
    # Words over rows that are not set in deeper are no part heading: the table ends there.
    flush = PARTS.replace("  In the towers ", "In the towers   ")
    assert "- In the towers: 805" not in aligned_tables(flush).split("\n")


def test_a_rule_of_dashes_right_under_a_header_of_year_rows_is_skipped() -> None:
    table = (
        "     Financial year    Applications received    Start-ups admitted\n"
        "     --------------    ---------------------    ------------------\n"
        "     2010-11                   142                      28\n"
        "     2011-12                   168                      31\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "Financial year 2011-12:" in lines and "- Start-ups admitted: 31" in lines
    assert not any(line.startswith("- ---") for line in lines)


def test_a_blank_line_under_the_header_of_year_rows_is_skipped() -> None:
    table = (
        "     Year        Applications received    Incubatees admitted\n"
        "\n"
        "     2015-16              512                    98\n"
        "     2016-17              640                   105\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "Year 2016-17:" in lines and "- Incubatees admitted: 105" in lines


def test_a_year_heading_with_a_notes_mark_still_heads_its_column() -> None:
    table = (
        "                                  2013-14    2014-15    2015-16(1)\n"
        "  New members admitted                 51         68         93\n"
        "  Awards won by members\n"
        "    in the year                        25         31         40\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "- New members admitted: 93" in lines
    assert "- Awards won by members in the year: 40" in lines
    assert lines.index("- Awards won by members in the year: 40") > lines.index("2015-16(1):")


def test_a_label_wrapped_over_lines_above_its_figures_is_one_row() -> None:
    table = (
        "                          2016-17   2017-18\n"
        "Members                        780       900\n"
        "Visitors admitted to\n"
        "  the museum's halls\n"
        "  (cumulative since 2005)      390       460\n"
        "Guided tours held               30        12\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "- Visitors admitted to the museum's halls (cumulative since 2005): 460" in lines
    assert "- Guided tours held: 12" in lines


def test_headings_wrapped_under_every_column_the_first_too_head_their_columns() -> None:
    table = (
        "      Season      Museum       Of which    Ticket income of\n"
        "      year        visitors     students    the museum (HK$ million)\n"
        "      ---------------------------------------------------------\n"
        "      2016-17       4,500        1,200         3,150\n"
        "      2017-18       5,200        1,400         6,820\n"
    )
    lines = aligned_tables(table).split("\n")
    assert "Season year 2017-18:" in lines
    assert "- Museum visitors: 5,200" in lines and "- Of which students: 1,400" in lines
    assert "- Ticket income of the museum (HK$ million): HK$6,820 million" in lines
    assert not any(line.strip().startswith("Season      Museum") for line in lines)
    # (a row of figures under the header is no heading: "2016-17  4,500 ..." stays a row)
    text = read_bytes(("Paper\n\n" + table + "\nEnd of paper.\n").encode(), "p.txt").text
    assert "HK$3,150 million\n\nSeason year 2017-18:\n\n- Museum visitors: 5,200" in text


def test_a_lead_in_in_lower_case_opens_in_capitals_so_no_page_break_joins_it() -> None:
    table = (
        "    year        visitors    tours (HK$ million)\n"
        "    2016-17       4,500        3,150\n"
        "    2017-18       5,200        6,820\n"
    )
    text = read_bytes(("Paper\n\n" + table + "\nEnd of paper.\n").encode(), "p.txt").text
    assert "HK$3,150 million\n\nYear 2017-18:\n\n- visitors: 5,200" in text


def test_column_headings_wrapped_over_five_lines_head_their_columns() -> None:
    text = (
        "Financial   Start-ups admitted   Cumulative start-ups   Funds raised by\n"
        "year        during the year      admitted (as at        incubatees and\n"
        "                                 31 March)              graduates,\n"
        "                                                        cumulative\n"
        "                                                        (HK$ million)\n"
        "---------------------------------------------------------------------\n"
        "2016-17          104                   488                  2,600\n"
        "2017-18          121                   609                  5,400\n"
    )
    out = aligned_tables(text)
    assert "- Start-ups admitted during the year: 104" in out
    assert "- Funds raised by incubatees and graduates, cumulative (HK$ million): HK$5,400" in out
