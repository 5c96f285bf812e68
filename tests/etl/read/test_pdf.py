"""PDF pages in reading order: tables as rows, two columns one after the other, no furniture."""

from __future__ import annotations

from etl.read.pdf import pdf_text, reading_order
from etl.read.readers import read_bytes
from tests.pdfs import lines_pdf, positioned_pdf

TABLE_PAGE = [
    (72, 740, "Annual Review 2019/20"),
    (72, 710, "Community at a glance, 2019-20"),
    (72, 690, "Indicator"),
    (460, 690, "Figure"),
    (72, 676, "Companies in the community"),
    (470, 676, "1,550+"),
    (82, 662, "of which on campus"),
    (480, 662, "720"),
    (72, 648, "Unicorns nurtured"),
    (490, 648, "3"),
    (72, 620, "Figures for the financial year 1 April 2019 to 31 March 2020."),
    (300, 60, "12"),
]


def test_a_table_under_a_heading_reads_as_label_and_value_lines() -> None:
    text = pdf_text(positioned_pdf([TABLE_PAGE]), "review.pdf")
    lines = [line for line in text.split("\n") if line]
    start = lines.index("Community at a glance, 2019-20")
    assert lines[start + 1 : start + 4] == [
        "- Companies in the community: 1,550+",
        "- of which on campus: 720",
        "- Unicorns nurtured: 3",
    ]
    assert "Indicator" not in text and "Figure:" not in text
    assert "12" not in lines  # the page number


def test_a_pdf_document_with_a_table_is_dated_and_keeps_its_rows() -> None:
    doc = read_bytes(positioned_pdf([TABLE_PAGE]), "review.pdf")
    assert "- Unicorns nurtured: 3" in doc.text
    assert doc.date_source == "inline" and doc.published_on.isoformat() == "2020-03-31"


def test_a_two_column_page_is_read_column_after_column() -> None:
    left = [f"Left column line {n} tells the story in order." for n in range(8)]
    right = [f"Right column line {n} goes on after it ends." for n in range(8)]
    runs = [(40, 740 - 14 * n, t) for n, t in enumerate(left)]
    runs += [(330, 740 - 14 * n, t) for n, t in enumerate(right)]
    text = pdf_text(positioned_pdf([runs]), "cols.pdf")
    order = [line for line in text.split("\n") if line]
    assert order == left + right


def test_a_table_across_the_page_below_two_columns_is_read_after_both() -> None:
    left = [f"Left column line {n} tells the story in order." for n in range(7)]
    left.append("and ends on a line of its own.")
    right = [f"Right column line {n} goes on after it ends." for n in range(6)]
    gap = " " * 12
    lines = [
        "Annual Review 2020 of the Example Company and its community",
        *[f"{a:<48}{gap}{b}" if b else a for a, b in zip(left, [*right, "", ""], strict=True)],
        "",
        "Table 1  Key indicators",
        "Community companies" + " " * 40 + "1,260" + " " * 20 + "1,568",
        "Unicorns" + " " * 51 + "2" + " " * 24 + "3",
    ]
    text = " ".join(line for line in reading_order(lines) if line)
    assert text.index(left[-1]) < text.index(right[0]) < text.index(right[-1])
    assert text.index(right[-1]) < text.index("Table 1") < text.index("Community companies")


def test_a_running_header_is_kept_once() -> None:
    pages = [
        [(72, 760, "Example Company | Annual Review"), (72, 700, "First page text here.")],
        [(72, 760, "Example Company | Annual Review"), (72, 700, "Second page text here.")],
    ]
    text = pdf_text(positioned_pdf(pages), "two.pdf")
    assert text.count("Example Company | Annual Review") == 1
    assert "Second page text here." in text


def test_justified_prose_is_no_table() -> None:
    lines = [
        "The  year  under  review  was  one  of  contrasts  for  the  campus  community.",
        "Investors  continued  to  back  its  companies  through  the  whole  period.",
    ]
    assert reading_order(lines) == [
        "The year under review was one of contrasts for the campus community.",
        "Investors continued to back its companies through the whole period.",
    ]


def test_two_lines_with_wide_gaps_but_no_figure_are_no_table() -> None:
    lines = ["Contact          Press office", "Address          Example Road"]
    assert reading_order(lines) == ["Contact Press office", "Address Example Road"]


def test_a_table_of_year_columns_is_no_two_column_page() -> None:
    runs = [(72, 740, "Key statistics of the community")]
    runs += [(72, 700, "Item"), (300, 700, "2019"), (400, 700, "2020"), (500, 700, "2021")]
    for n, (label, *values) in enumerate(
        [("Community companies", "1,200", "1,550", "1,700"), ("Of which start-ups", "700",
         "900", "1,030"), ("Unicorns nurtured", "2", "3", "4"), ("Awards won", "40", "52", "61"),
         ("Markets reached", "20", "25", "31"), ("IP rights held", "300", "410", "520")]
    ):  # fmt: skip
        y = 680 - 20 * n
        runs += [(72, y, label)] + [(300 + 100 * i, y, v) for i, v in enumerate(values)]
    text = pdf_text(positioned_pdf([runs]), "annex.pdf")
    assert "2021:" in text and "- Community companies: 1,700" in text
    assert "- Of which start-ups: 1,030" in text


def test_figures_set_as_tiles_over_their_captions_read_one_tile_a_line() -> None:
    lines = [
        "   1,500+                     12                          HK$4.2 bn",
        "   member companies           unicorns so far             raised by the",
        "                                                          community",
        "",
        "   25+",
        "   markets",
        "",
        "Our programmes",
    ]
    assert reading_order(lines) == [
        "",
        "- 1,500+ member companies",
        "",
        "- 12 unicorns so far",
        "",
        "- HK$4.2 bn raised by the community",
        "",
        "- 25+ markets",
        "",
        "",
        "Our programmes",
    ]


def test_tiles_with_centred_captions_a_blank_line_below_them_read_one_tile_a_line() -> None:
    lines = [
        "              2,200+                                   HK$45bn+",
        "",
        "         member companies                      raised by our community",
        "",
        "               90+",
        "",
        "   awards won by members in 2024",
        "",
        "Our programmes",
    ]
    got = [line for line in reading_order(lines) if line]
    assert got == [
        "- 2,200+ member companies",
        "- HK$45bn+ raised by our community",
        "- 90+ awards won by members in 2024",
        "Our programmes",
    ]


def test_a_lone_figure_over_a_line_is_no_tile() -> None:
    lines = ["   300+", "   start-ups", "", "Text follows."]
    assert reading_order(lines) == ["300+", "start-ups", "", "Text follows."]


def test_a_page_number_in_words_is_dropped_like_a_bare_one() -> None:
    lines = ["Figures as at end-June 2021.", "", "                 Page 1 of 2", "   - 7 -"]
    assert reading_order(lines) == ["Figures as at end-June 2021.", ""]
    kept = ["Page layout rules changed in 2021.", "Pages 12"]
    assert reading_order(kept) == kept


def test_years_over_the_values_alone_head_a_table_not_a_row_of_tiles() -> None:
    runs = [(72, 740, "KEY FIGURES"), (300, 700, "2024"), (400, 700, "2023")]
    rows = [("Community companies", "2,025", "1,860"), ("Unicorns (cumulative)", "7", "6"),
            ("Listed companies (cumulative)", "8", "6")]  # fmt: skip
    for n, (label, *values) in enumerate(rows):
        y = 680 - 20 * n
        runs += [(72, y, label)] + [(300 + 100 * i, y, v) for i, v in enumerate(values)]
    runs += [(72, 580, "Clusters"), (300, 580, "2024"), (72, 560, "FinTech"), (300, 560, "430"),
             (72, 540, "Web3"), (300, 540, "260")]  # fmt: skip
    lines = [line for line in pdf_text(positioned_pdf([runs]), "review.pdf").split("\n") if line]
    assert (
        lines.index("2024:")
        < lines.index("- Community companies: 2,025")
        < lines.index("2023:")
        < lines.index("- Unicorns (cumulative): 6")
    )
    # the next table's header after a blank line starts a table of its own
    assert lines.index("- FinTech: 430") > lines.index("- Listed companies (cumulative): 6") + 1
    assert lines[lines.index("- FinTech: 430") - 1] == "2024:"


def test_a_row_ruled_by_spaced_pipes_parts_its_cells_there() -> None:
    runs = [(72, 740, "KEY FIGURES"), (72, 700, "Community"),
            (320, 700, "As at 31 March 2023  |  As at 31 March 2022"),
            (72, 680, "Community companies"), (380, 680, "1,876  |  1,702"),
            (72, 660, "Funding raised (cumulative)   HK$35.6 billion  |  HK$32.4 billion"),
            (72, 640, "Unicorns"), (400, 640, "7  |  6"),
            (72, 560, "Figures as at 31 December 2025  |  Issued January 2026")]  # fmt: skip
    text = pdf_text(positioned_pdf([runs]), "review.pdf")
    lines = [line for line in text.split("\n") if line]
    first = lines[lines.index("As at 31 March 2023:") : lines.index("As at 31 March 2022:")]
    assert "- Community companies: 1,876" in first and "- Unicorns: 7" in first
    # a label its first value follows after a few spaces only gives that value its column
    assert "- Funding raised (cumulative): HK$35.6 billion" in first
    assert "- Unicorns: 6" in lines[lines.index("As at 31 March 2022:") :]
    # a line with no wide gap is no row, pipes or not
    assert "Figures as at 31 December 2025 | Issued January 2026" in lines


def test_rows_under_a_header_ruled_by_spaced_pipes_part_their_cells_at_narrower_gaps() -> None:
    text = pdf_text(
        lines_pdf([[
            "Indicator   |   2023-24   |   2024-25",
            "COMMUNITY",
            "Companies in the community   1,960   2,140",
            "Share of local companies   69%   67%",
            "Unicorns   7   8",
        ]]),
        "factsheet.pdf",
    )  # fmt: skip
    lines = [line for line in text.split("\n") if line]
    first = lines[lines.index("2023-24:") : lines.index("2024-25:")]
    assert first[1:] == [
        "- Companies in the community: 1,960",
        "- Share of local companies: 69%",
        "- Unicorns: 7",
    ]
    assert "- Unicorns: 8" in lines[lines.index("2024-25:") :]
    # the same without pipes: a header of times three spaces apart, over its rows
    text = pdf_text(
        lines_pdf([[
            "Indicator   End-2023   End-2024   End-2025",
            "Community companies   1,905   2,013   2,236",
            "Unicorns   6   7   7",
        ]]),
        "factsheet.pdf",
    )  # fmt: skip
    lines = [line for line in text.split("\n") if line]
    assert lines[lines.index("End-2024:") + 1 :][:2] == [
        "- Community companies: 2,013",
        "- Unicorns: 7",
    ]
    prose = pdf_text(
        lines_pdf([["We met   in 2023   and 2024   again.", "Sales   rose   3   4"]]), "p.pdf"
    )
    assert "2023:" not in prose  # (cells that are no times head no table)
    menu = pdf_text(lines_pdf([["Home   |   News   |   Contact", "Welcome to the site."]]), "m.pdf")
    assert "Home | News | Contact" in menu  # (no figures under it: no table)
    footer = "Annual Review" + " " * 30 + "2024/25" + " " * 30 + "Page 1"
    last = pdf_text(lines_pdf([["Share of local companies (%) | 68 | 66", "", footer]]), "r.pdf")
    assert "- Annual Review" not in last  # (a row of figures heads no table)


def test_a_rule_under_the_header_and_a_label_wrapped_over_its_figures_keep_the_table() -> None:
    runs = [(72, 740, "KEY FIGURES"), (72, 700, "Cyberport community"), (330, 700, "2021/22"),
            (430, 700, "2020/21"), (72, 686, "-" * 60),
            (72, 672, "Community companies"), (340, 672, "1,726"), (440, 672, "1,592"),
            (72, 658, "Start-ups admitted to incubation programmes"),
            (90, 644, "(cumulative, since inception)"), (340, 644, "1,012"), (440, 644, "915"),
            (72, 630, "Unicorns (cumulative)"), (350, 630, "7"), (450, 630, "6")]  # fmt: skip
    lines = [x for x in pdf_text(positioned_pdf([runs]), "review.pdf").split("\n") if x]
    first = lines[lines.index("2021/22:") : lines.index("2020/21:")]
    assert first[1:] == [
        "- Community companies: 1,726",
        "- Start-ups admitted to incubation programmes (cumulative, since inception): 1,012",
        "- Unicorns (cumulative): 7",
    ]
    assert "- Unicorns (cumulative): 6" in lines[lines.index("2020/21:") :]


def test_part_headings_and_a_label_ending_on_the_line_under_its_row_keep_the_table() -> None:
    lines = [
        "KEY NUMBERS",
        "",
        "Year to 31 March                         2022/23        2023/24",
        "",
        "Members",
        "Member companies                           1,480          1,610",
        "Unicorns                                       4              5",
        "  (cumulative since 2008)",
        "Awards                                        90            104",
        "",
        "Operations",
        "Events held                                  700            820",
    ]
    got = [line for line in reading_order(lines) if line]
    first, second = got[got.index("2022/23:") : got.index("2023/24:")], got[got.index("2023/24:") :]
    assert first[1:] == [
        "- Member companies: 1,480",
        "- Unicorns (cumulative since 2008): 4",
        "- Awards: 90",
        "- Events held: 700",
    ]
    assert "- Awards: 104" in second and "Members" not in got and "Operations" not in got
    # A heading over a table of no times is no part of it: the table ends there.
    lines[2] = "Year to 31 March                         Members        Staff"
    assert "Operations" in reading_order(lines)


def test_a_row_whose_long_label_leaves_a_narrow_gap_stays_in_the_table_by_its_columns() -> None:
    label = "Start-ups admitted to the incubation scheme"
    lines = [
        "IN NUMBERS",
        "",
        "Member companies".ljust(46) + "2,100+",
        label + "   1,200+",  # three spaces: its figure starts under the one above
        "Unicorns".ljust(46) + "7",
    ]
    got = [line for line in reading_order(lines) if line]
    assert f"- {label}: 1,200+" in got
    assert "- Member companies: 2,100+" in got and "- Unicorns: 7" in got
    # A figure that does not start under the column above is no cell of the row.
    lines[3] = label + " 1,200+"
    assert f"- {label}: 1,200+" not in reading_order(lines)


def test_a_header_whose_dates_sit_closer_than_the_figures_under_them_heads_the_columns() -> None:
    lines = [
        "KEY FIGURES",
        "",
        "Members (as at 31 March)".ljust(48) + "31 Mar 2023    31 Mar 2022",
        "Member companies".ljust(53) + "1,900+".ljust(12) + "1,800+",
        "Unicorns".ljust(58) + "7".ljust(14) + "6",
    ]
    got = [line for line in reading_order(lines) if line]
    second = got[got.index("31 Mar 2022:") :]
    assert "- Member companies: 1,800+" in second and "- Unicorns: 6" in second
    assert (
        "- Member companies: 1,900+" in got[got.index("31 Mar 2023:") : got.index("31 Mar 2022:")]
    )


def test_a_pipe_after_a_wide_gap_parts_the_cells_with_all_its_spaces() -> None:
    lines = [
        "KEY FIGURES",
        "",
        "Indicator".ljust(40) + "|  2021/22  |  2020/21",
        "Member firms (total)".ljust(40) + "|    1,793  |    1,612",
        "Unicorns".ljust(40) + "|        6  |        5",
    ]
    got = [line for line in reading_order(lines) if line]
    first = got[got.index("2021/22:") : got.index("2020/21:")]
    assert first[1:] == ["- Member firms (total): 1,793", "- Unicorns: 6"]
    assert "- Member firms (total): 1,612" in got[got.index("2020/21:") :]


def test_rows_whose_figure_comes_first_read_label_first() -> None:
    page = [
        (72, 740, "CYBERPORT IN NUMBERS"),
        (72, 720, "2,300+"), (160, 720, "start-ups and technology companies in our community"),
        (72, 706, "HK$42 billion+"), (160, 706, "raised by our community start-ups"),
        (72, 692, "8"), (160, 692, "unicorns nurtured"),
        (72, 678, "2005"), (160, 678, "the first incubatees moved onto the campus"),
    ]  # fmt: skip
    lines = [line for line in pdf_text(positioned_pdf([page]), "b.pdf").split("\n") if line]
    assert "- start-ups and technology companies in our community: 2,300+" in lines
    assert "- raised by our community start-ups: HK$42 billion+" in lines
    assert "- unicorns nurtured: 8" in lines
    assert not any(line.endswith(": 2005") for line in lines)  # a year then an event


def test_rows_whose_figure_comes_first_after_a_narrower_gap_read_label_first() -> None:
    page = [
        (72, 740, "IN NUMBERS"),
        (72, 720, "1,900+"), (120, 720, "start-ups and technology companies"),
        (72, 706, "9"), (120, 706, "unicorns"),
        (72, 692, "HK$35 billion+"), (160, 692, "in funds raised by our companies"),
    ]  # fmt: skip
    lines = [line for line in pdf_text(positioned_pdf([page]), "b.pdf").split("\n") if line]
    assert "- start-ups and technology companies: 1,900+" in lines
    assert "- in funds raised by our companies: HK$35 billion+" in lines
    prose = [(72, 720, "In 2019 the park"), (150, 720, "grew fast.")]  # words first: prose
    assert "- grew fast.: In 2019 the park" not in pdf_text(positioned_pdf([prose]), "p.pdf")


KEY_FIGURES_PAGE = [
    "KEY FIGURES",
    "",
    "Members (as at 31 March 2022)",
    "Member companies 1,852",
    "of which on campus 718",
    "Unicorns 4",
    "Share of local members 74%",
    "Funds raised by members since 2005 HK$33.2 billion",
    "",
    "Annual Report 2021/22 13",
]


def test_label_and_figure_lines_one_space_apart_read_as_rows_under_their_heading() -> None:
    lines = [line for line in pdf_text(lines_pdf([KEY_FIGURES_PAGE]), "r.pdf").split("\n") if line]
    start = lines.index("Members (as at 31 March 2022)")
    assert lines[start + 1 : start + 6] == [
        "- Member companies: 1,852",
        "- of which on campus: 718",
        "- Unicorns: 4",
        "- Share of local members: 74%",
        "- Funds raised by members since 2005: HK$33.2 billion",
    ]
    assert "Annual Report 2021/22 13" in lines  # a footer alone is no row


def test_prose_lines_or_two_rows_alone_ending_in_figures_are_no_rows() -> None:
    prose = [
        "The campus grew steadily. It now counts 1,852",
        "companies, against 1,680 a year before, and 718",
        "of them rent space on the campus, up from 650",
    ]
    two = ["Unicorns 4", "Listed companies 3", "", "Our founders come from 30 countries."]
    for page in (prose, two):
        text = pdf_text(lines_pdf([page]), "r.pdf")
        assert "- " not in text, text


def test_rows_of_a_key_figures_page_take_the_date_of_the_heading_over_them() -> None:
    from etl.extract import extract_claims

    page = ["Cyberport Annual Report, 30 September 2022", "", *KEY_FIGURES_PAGE[:6]]
    doc = read_bytes(lines_pdf([page]), "report.pdf")
    found = {(c.metric, c.value): c.as_of.isoformat() for c in extract_claims(doc)}
    assert found[("unicorns", 4)] == "2022-03-31"
    assert found[("companies_onsite", 718)] == "2022-03-31"


def test_a_stack_of_single_tiles_reads_one_tile_a_line() -> None:
    lines = ["At a glance - as at 31 December 2024", "", "   8", "   unicorns", "", "",
             "   5", "   listed companies", "", "   290+", "   Web3 companies", "",
             "How we help"]  # fmt: skip
    got = [line for line in reading_order(lines) if line]
    assert got == ["At a glance - as at 31 December 2024", "- 8 unicorns",
                   "- 5 listed companies", "- 290+ Web3 companies", "How we help"]  # fmt: skip


def test_two_stacked_figures_or_numbered_paragraphs_are_no_tiles() -> None:
    two = ["   8", "   unicorns", "", "   5", "   listed companies", "", "Text."]
    assert "- 8 unicorns" not in reading_order(two)
    numbered = ["6.", "The community grew.", "", "7.", "It raised more.", "", "8.", "It won."]
    assert not any(line.startswith("- ") for line in reading_order(numbered))
    years = ["2023", "Start-ups admitted", "", "2024", "Awards won", "", "2025", "Markets"]
    assert not any(line.startswith("- ") for line in reading_order(years))


def test_rows_of_figures_one_space_apart_under_a_line_of_times_read_by_column() -> None:
    page = ["Key Figures", "", "Community (as at 31 March) 2022/23 2021/22",
            "Community companies 1,900 1,750", "Unicorns 7 6", "Local companies (%) 68 69",
            "", "Figures are unaudited."]  # fmt: skip
    lines = [line for line in pdf_text(lines_pdf([page]), "r.pdf").split("\n") if line]
    first = lines[lines.index("2022/23:") : lines.index("2021/22:")]
    assert first[1:] == [
        "- Community companies: 1,900",
        "- Unicorns: 7",
        "- Local companies (%): 68%",
    ]
    assert "- Unicorns: 6" in lines[lines.index("2021/22:") :]


def test_cells_four_spaces_apart_are_cells_and_two_figures_never_run_into_one() -> None:
    lines = ["Year-end figures    2022    2023", "FinTech companies    410    430",
             "Web3 companies    90    180"]  # fmt: skip
    got = reading_order(lines)
    assert "- FinTech companies: 410" in got and "- Web3 companies: 180" in got
    footer = ["Cyberport Annual Review 2019/20    12"]  # (one line: no table)
    assert reading_order(footer) == ["Cyberport Annual Review 2019/20  12"]


def test_stacked_tiles_may_open_with_a_qualifier_or_give_a_measure() -> None:
    lines = ["As at March 2026", "", "2,200+", "", "Companies in our community",
             "Over HK$46 billion", "", "Raised by our companies", "120,000 sq m", "",
             "Of space on our campus", "Nearly 70%", "", "Of our companies are local"]  # fmt: skip
    got = [line for line in reading_order(lines) if line]
    assert got[1:] == ["- 2,200+ Companies in our community",
                       "- Over HK$46 billion Raised by our companies",
                       "- 120,000 sq m Of space on our campus",
                       "- Nearly 70% Of our companies are local"]  # fmt: skip


def test_a_row_under_a_line_of_times_may_name_its_measure_after_a_comma() -> None:
    page = ["Key Figures", "", "Indicator 2020/21 2021/22",
            "Companies in the community 1,570 1,793",
            "Funding raised by community companies, cumulative (HK$ billion) 21.4 34.6",
            "Unicorns 3 5", "IP rights held by community companies 780 960", "",
            "Figures are unaudited."]  # fmt: skip
    lines = [line for line in pdf_text(lines_pdf([page]), "r.pdf").split("\n") if line]
    later = lines[lines.index("2021/22:") :]
    assert "- Funding raised by community companies, cumulative (HK$ billion): HK$34.6 billion" in (
        later
    )
    assert "- IP rights held by community companies: 960" in later


def test_rows_under_a_line_of_times_may_stand_a_blank_line_apart() -> None:
    lines = ["Indicator 2020/21 2019/20", "", "Unicorns (cumulative, number) 4 3", "",
             "Listed companies (cumulative, number) 4 2", "", "Total staff are 187."]  # fmt: skip
    got = [line for line in reading_order(lines) if line]
    assert got[:3] == ["2020/21:", "- Unicorns (cumulative, number): 4",
                       "- Listed companies (cumulative, number): 4"]  # fmt: skip


def test_label_colon_value_lines_under_a_dated_heading_read_as_its_list() -> None:
    text = pdf_text(
        lines_pdf([[
            "Position at 31 December 2024",
            "Community companies: 2,050",
            "Funding raised (cumulative): HK$39.6 billion",
            "Unicorns: 7",
            "",
            "Contact: Corporate Communications",
        ]]),
        "factsheet.pdf",
    )  # fmt: skip
    lines = [line for line in text.split("\n") if line]
    at = lines.index("Position at 31 December 2024")
    assert lines[at + 1 : at + 4] == [
        "- Community companies: 2,050",
        "- Funding raised (cumulative): HK$39.6 billion",
        "- Unicorns: 7",
    ]
    assert "Contact: Corporate Communications" in lines  # (no figure: no row)
    two = pdf_text(lines_pdf([["Unicorns: 7", "Listed companies: 5", "Then we met."]]), "t.pdf")
    assert "- Unicorns: 7" not in two  # (two lines are no block of figures)


def test_times_followed_by_a_change_column_head_the_table_over_a_part_heading() -> None:
    lines = [
        "Figures are as at 31 March of each year.",
        "",
        " " * 40 + "2019/20".ljust(12) + "2018/19".ljust(12) + "Change",
        "COMMUNITY",
        "Community companies".ljust(40) + "1,564".ljust(12) + "1,280".ljust(12) + "+22%",
        "Share of local companies".ljust(40) + "72%".ljust(12) + "75%",
        "Unicorns".ljust(40) + "4".ljust(12) + "3",
        "Global markets reached".ljust(40) + "32",
    ]
    got = [line for line in reading_order(lines) if line]
    now, then, change = got.index("2019/20:"), got.index("2018/19:"), got.index("Change:")
    assert got[now + 1 : then] == [
        "- Community companies: 1,564",
        "- Share of local companies: 72%",
        "- Unicorns: 4",
        "- Global markets reached: 32",
    ]
    assert got[then + 1 : change] == [
        "- Community companies: 1,280",
        "- Share of local companies: 75%",
        "- Unicorns: 3",
    ]
    assert got[change + 1 :] == ["- Community companies: +22%"]
