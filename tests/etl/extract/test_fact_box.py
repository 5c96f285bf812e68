"""Fact boxes: label/value lines read as a table's rows, owned and dated by what is above."""

from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract import extract_claims, fact_box
from etl.extract.fact_box import in_fact_box, parent_label
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes
from tests.etl.extract.test_claims import inline

BOX = """Members: over 1,200
- on the campus: 400
- - abroad: 90
Awards won: 55
"""


def test_a_line_among_label_lines_is_in_a_fact_box() -> None:
    assert in_fact_box(BOX, BOX.index("1,200"))
    assert in_fact_box(BOX, BOX.index("55"))
    lone = "A sentence first.\n\nAwards won: 55\n\nAnother sentence."
    assert not in_fact_box(lone, lone.index("55"))  # one label line alone is no box


def test_a_sub_row_hangs_from_the_row_above() -> None:
    assert parent_label(BOX, BOX.index("400")) == "Members"
    assert parent_label(BOX, BOX.index("90")) == "Members"  # past a sibling sub-row
    assert parent_label(BOX, BOX.index("1,200")) is None
    assert parent_label(BOX, BOX.index("55")) is None  # a row of its own


@settings(max_examples=100)
@given(st.text(alphabet="Ab -:1\n", max_size=60), st.integers(min_value=0, max_value=59))
def test_never_fails_on_any_text(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    in_fact_box(text, pos)
    parent_label(text, pos)


def _claims(raw: str, name: str = "sheet.txt", published: date | None = date(2022, 5, 10)):
    entry = ManifestEntry(None, None, None, None, published)
    doc = read_bytes(raw.encode(), name, manifest=entry)
    return {
        (c.entity, c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"
    }


SHEET = """CYBERPORT KEY NUMBERS
Cyberport is Hong Kong's digital technology hub.

THE COMMUNITY
  Technology companies and start-ups ........ about 1,900
    - based on the campus ................... 700
    - off-campus members .................... 1,200
  Unicorns nurtured ......................... 9
  Listed companies .......................... 14

CLUSTERS (at the end of last year)
  Fintech ................................... 480
  Smart living .............................. 210

INTAKE
  Admitted to incubation in 2020-21 ......... 140
  Awards won by community companies ......... 510

SCIENCE PARK (HKSTP)
  Tenant companies .......................... 1,300
"""


def test_a_fact_sheet_of_dot_leaders_gives_its_figures() -> None:
    got = _claims(SHEET)
    d = date(2022, 5, 10)
    assert {
        ("Cyberport", "companies", 1900, d),
        ("Cyberport", "companies_onsite", 700, d),
        ("Cyberport", "companies_offsite", 1200, d),
        ("Cyberport", "unicorns", 9, d),
        ("Cyberport", "listed_companies", 14, d),
        ("Cyberport", "awards", 510, d),
    } <= got


def test_a_heading_dates_the_rows_under_it_only() -> None:
    got = _claims(SHEET)
    assert ("Cyberport", "fintech_companies", 480, date(2021, 12, 31)) in got
    assert ("Cyberport", "smart_living_companies", 210, date(2021, 12, 31)) in got
    # The rows under the next heading are not last year's.
    assert ("Cyberport", "awards", 510, date(2022, 5, 10)) in got


def test_a_heading_that_continues_the_one_before_takes_its_time() -> None:
    report = (
        "Cyberport annual report (extract)\n\nKey figures (as at 31 March 2024)\n\n"
        "Listed companies: 6\n\nUnicorns: 7\n\nKey figures (continued): clusters\n\n"
        "FinTech companies: 460\n\nWeb3 companies: 270\n\nOn campus today\n\n"
        "Awards won by community companies: 1,080\n"
    )
    got = _claims(report, published=date(2024, 9, 30))
    march = date(2024, 3, 31)
    assert {
        ("Cyberport", "unicorns", 7, march),
        ("Cyberport", "fintech_companies", 460, march),
        ("Cyberport", "web3_companies", 270, march),
    } <= got
    # A heading that carries on nothing keeps to its own time.
    assert ("Cyberport", "awards", 1080, date(2024, 9, 30)) in got


def test_a_heading_noting_when_the_figures_stand_dates_the_headings_after_it_too() -> None:
    sheet = SHEET.replace("CLUSTERS (at the end of last year)", "CLUSTERS").replace(
        "THE COMMUNITY", "THE COMMUNITY (figures as at 31 March 2022)"
    )
    got = _claims(sheet)
    assert ("Cyberport", "unicorns", 9, date(2022, 3, 31)) in got
    assert ("Cyberport", "fintech_companies", 480, date(2022, 3, 31)) in got
    # a heading's own time, not said of "figures", stays with its rows (as above)
    sheet = SHEET.replace("CLUSTERS (at the end of last year)", "CLUSTERS").replace(
        "THE COMMUNITY", "THE COMMUNITY (at 31 March 2022)"
    )
    assert ("Cyberport", "fintech_companies", 480, date(2022, 5, 10)) in _claims(sheet)


def test_a_date_in_the_label_dates_the_row() -> None:
    assert ("Cyberport", "incubatees", 140, date(2021, 3, 31)) in _claims(SHEET)


def test_a_heading_that_names_another_organisation_owns_its_rows() -> None:
    assert not any(value == 1300 for *_, value, _ in _claims(SHEET))


def test_a_note_above_the_box_dates_it() -> None:
    raw = (
        "CYBERPORT COMMUNITY SNAPSHOT\n\n"
        "All figures as at 30 June 2021 unless stated otherwise.\n\n"
        "Unicorns: 7\nListed companies: 12\n"
    )
    got = _claims(raw, published=date(2021, 9, 1))
    assert ("Cyberport", "unicorns", 7, date(2021, 6, 30)) in got
    assert ("Cyberport", "listed_companies", 12, date(2021, 6, 30)) in got


def test_a_lone_label_line_in_prose_keeps_its_doubt() -> None:
    raw = "Cyberport held its forum on Tuesday.\n\nUnicorns: 7\n\nThe forum ended at six."
    assert not any(m == "unicorns" for _, m, _, _ in _claims(raw))


def test_a_label_with_a_noun_of_its_own_before_a_cluster_counts_no_cluster() -> None:
    raw = "FORUM\nSpeakers at FinTech Week: 300+\nUnicorns: 7\n"
    assert not any(m == "fintech_companies" for _, m, _, _ in _claims(raw))


def test_a_list_of_figures_with_their_captions_is_a_fact_box() -> None:
    raw = (
        "Grow with Cyberport\n\n- 1,500+ member companies\n\n- 12 unicorns nurtured\n\n"
        "- 25+ FinTech companies\n\n- 3,000 start-ups in Hong Kong\n"
    )
    got = _claims(raw)
    d = date(2022, 5, 10)
    assert {
        ("Cyberport", "companies", 1500, d),
        ("Cyberport", "unicorns", 12, d),
        ("Cyberport", "fintech_companies", 25, d),
    } <= got
    assert not any(value == 3000 for *_, value, _ in got)  # the city's, not the hub's


def test_a_day_in_a_row_label_is_of_the_year_its_row_names() -> None:
    raw = (
        "Cyberport in a written reply\n\n"
        "The figures for the past two financial years are set out below:\n\n"
        "Financial year | Community companies (as at 31 March) | Unicorns\n"
        "2019-20 | 1,550 | 5\n"
        "2020-21 | 1,650 | 6\n"
    )
    got = _claims(raw, "reply.txt", date(2021, 11, 3))
    assert ("Cyberport", "companies", 1550, date(2020, 3, 31)) in got
    assert ("Cyberport", "companies", 1650, date(2021, 3, 31)) in got
    assert ("Cyberport", "unicorns", 5, date(2020, 3, 31)) in got


YEAR_TABLE = """# Cyberport annual review

Published October 2021.

## The community in numbers

{note}

| Indicator | 2020 | 2021 |
|---|---|---|
| Community companies | 1,500 | 1,650 |
| Start-ups admitted to incubation (during the financial year) | 150 | 160 |
"""


def test_a_note_of_a_yearless_day_dates_each_year_column_to_that_day() -> None:
    note = "All figures stand as at 30 June of each year."
    got = _claims(YEAR_TABLE.format(note=note), "review.md", None)
    assert ("Cyberport", "companies", 1500, date(2020, 6, 30)) in got
    assert ("Cyberport", "companies", 1650, date(2021, 6, 30)) in got


def test_a_row_counted_over_the_financial_year_ends_with_it() -> None:
    got = _claims(YEAR_TABLE.format(note="Our figures follow."), "review.md", None)
    assert ("Cyberport", "incubatees", 160, date(2021, 3, 31)) in got
    assert ("Cyberport", "companies", 1500, date(2020, 12, 31)) in got


def test_an_event_day_above_a_table_does_not_re_date_it() -> None:
    note = "The review was presented to the board on 30 June."
    got = _claims(YEAR_TABLE.format(note=note), "review.md", None)
    assert ("Cyberport", "companies", 1500, date(2020, 12, 31)) in got


_LINE_TEXT = st.text(alphabet="ab1 :\n-•\t", max_size=40)


@given(_LINE_TEXT, st.data())
@settings(max_examples=300)
def test_the_colon_gate_agrees_with_matching_every_line(text: str, data: st.DataObject) -> None:
    pos = data.draw(st.integers(0, len(text)))
    a, b = fact_box._line(text, pos)
    general = fact_box._VALUE_LINE.fullmatch(text, a, b) is not None
    assert fact_box._has_colon(text, a, b) or not general
    value = fact_box._VALUE_LINE.fullmatch(text, a, b) or fact_box._FIGURE_ITEM.fullmatch(
        text, a, b
    )
    want = (
        None
        if value is None
        else value.start(2)
        if value.re is fact_box._VALUE_LINE
        else (value.start(1))
    )
    assert fact_box.box_value(text, pos) == want


def test_a_line_with_no_colon_is_no_sub_row_and_a_figure_item_still_counts() -> None:
    text = "Members: 1,200\n- of which 400 on the campus\n- 8 unicorns nurtured"
    assert parent_label(text, text.index("400")) is None
    assert fact_box.box_value(text, text.index("8 unicorns")) == text.index("8 unicorns")
    assert parent_label("Members: 1,200\n- on site: 400", 20) == "Members"


def test_a_numbered_section_heading_naming_a_quarter_dates_its_rows_at_its_end() -> None:
    raw = (
        "CIP CONNECT\nIssue 18 | 15 July 2024\n\n- The CIP Team\n\n2. Q2 2024 BY THE NUMBERS\n\n"
        "Start-ups admitted to Cyberport's incubation programmes since 2005 ...... 1,400+\n"
        "Awards won by Cyberport start-ups ....................... over 1,000\n"
    )
    got = _claims(raw, published=date(2024, 7, 15))
    assert ("Cyberport", "incubatees", 1400, date(2024, 6, 30)) in got
    assert ("Cyberport", "awards", 1000, date(2024, 6, 30)) in got


def test_rows_under_a_heading_profiling_another_name_are_that_names() -> None:
    raw = (
        "FOUNDERS\n\nThe first invoice Parcelwise ever sent is framed. Cyberport says its "
        "community now numbers more than 2,000 companies.\n\n"
        "Parcelwise at a glance\n\nFounded: 2018, Hong Kong\n\nMarkets: 9\n\n"
        "Total funding: US$36 million\n"
    )
    got = _claims(raw, published=date(2024, 3, 19))
    assert ("Cyberport", "companies", 2000, date(2024, 3, 19)) in got
    assert not any(metric == "markets" for _, metric, _, _ in got)
    # a heading of a word the text also writes in lower case names no one
    own = raw.replace("Parcelwise at a glance", "Community at a glance")
    assert ("Cyberport", "markets", 9, date(2024, 3, 19)) in _claims(
        own, published=date(2024, 3, 19)
    )


def test_lists_side_by_side_with_the_tracked_ones_are_the_organisations_they_name() -> None:
    raw = (
        "THREE HUBS COMPARED\n\nCyberport:\n\n- Companies: 2,100+\n- Unicorns: 8\n\n"
        "Kiln 9 (Lisbon):\n\n- Companies: about 300\n- Unicorns: 2\n\n"
        "Station North:\n\n- Companies: 1,000\n- Unicorns: 3\n"
    )
    got = {(entity, metric, value) for entity, metric, value, _ in _claims(raw)}
    assert got == {("Cyberport", "companies", 2100), ("Cyberport", "unicorns", 8)}
    # Lists with no tracked one beside them keep the document's organisation.
    alone = "CYBERPORT TODAY\n\nMembers:\n\n- Companies: 2,100+\n- Unicorns: 8\n"
    assert ("Cyberport", "unicorns", 8) in {(e, m, v) for e, m, v, _ in _claims(alone)}


def test_a_note_for_every_figure_of_the_text_dates_the_boxes_no_heading_dates() -> None:
    raw = (
        "CYBERPORT FACT SHEET 2024\n\nKEY FIGURES (as at 30 June 2024)\n\n"
        "- Community companies: 2,100+\n- Unicorns: 8\n\n"
        "CLUSTERS\n\n- FinTech: 450+\n- Web3: 270+\n\nCONTACT\n\nTel: 3166 3800\n\n"
        "Figures are as at 30 June 2024 unless otherwise stated.\n"
    )
    published = date(2024, 7, 15)
    got = _claims(raw, published=published)
    assert ("Cyberport", "fintech_companies", 450, date(2024, 6, 30)) in got
    assert ("Cyberport", "companies", 2100, date(2024, 6, 30)) in got
    # Without its "unless otherwise stated", the note at the foot is no note on every figure
    # (a box right after a dated one takes its date, but not past a paragraph of prose).
    plain = raw.replace(" unless otherwise stated", "").replace(
        "CLUSTERS\n\n", "Cyberport hosts many events for its community.\n\nCLUSTERS\n\n"
    )
    got = _claims(plain, published=published)
    assert ("Cyberport", "fintech_companies", 450, published) in got


def test_a_total_row_counts_the_whole_its_box_holds_the_parts_of() -> None:
    raw = (
        "LEGCO REPLY\n\nThe numbers of companies in the Cyberport community are set out below:\n\n"
        "As at 31 March 2024:\n\n- Onsite: 912\n- Offsite: 1,205\n- Total: 2,117\n"
    )
    got = {(m, v) for _, m, v, _ in _claims(raw, published=date(2024, 5, 10))}
    assert {("companies_onsite", 912), ("companies_offsite", 1205), ("companies", 2117)} <= got
    # A total of rows that are no parts of a known whole stays unread.
    other = raw.replace("Onsite", "Events held").replace("Offsite", "Visitors")
    assert not any(v == 2117 for _, _, v, _ in _claims(other, published=date(2024, 5, 10)))


def test_rows_named_after_organisations_count_what_their_list_is_introduced_as() -> None:
    raw = (
        "LEGCO REPLY\n\n(1) The numbers of start-ups admitted to the incubation programmes of "
        "HKSTP and Cyberport are as follows:\n\nYear 2023:\n\n- HKSTP: 271\n- Cyberport: 152\n\n"
        "Year 2024:\n\n- HKSTP: 293\n- Cyberport: 167\n"
    )
    got = _claims(raw, published=date(2025, 3, 26))
    assert ("Cyberport", "incubatees", 167, date(2024, 12, 31)) in got
    assert not any(v in (271, 293) for _, _, v, _ in got)  # Science Park's, not ours
    # An introduction that names no count says nothing of what the rows count.
    vague = raw.replace("The numbers of start-ups admitted to", "Figures for")
    assert not any(v == 167 for _, _, v, _ in _claims(vague, published=date(2025, 3, 26)))


def test_a_place_in_a_row_that_counts_companies_by_place_is_where_not_whose() -> None:
    raw = (
        "CYBERPORT AT A GLANCE\n\n"
        "- Start-ups and technology companies in our community: 2,400+\n"
        "- Companies offsite across Hong Kong: 1,400+\n"
        "- Start-ups in Hong Kong: 4,000\n"
    )
    found = _claims(raw)
    assert ("Cyberport", "companies_offsite", 1400, date(2022, 5, 10)) in found
    assert not any(v == 4000 for _, _, v, _ in found)  # the city's count stays the city's


def test_a_label_whose_verb_narrows_the_communitys_noun() -> None:
    raw = (
        "CYBERPORT AT A GLANCE\n\n- Community companies: 2,400+\n- Community companies listed: 12\n"
    )
    assert ("Cyberport", "listed_companies", 12, date(2022, 5, 10)) in _claims(raw)


def test_year_columns_under_a_heading_noting_the_day_stand_at_that_day() -> None:
    raw = (
        "Cyberport annual review\n\nCyberport community (as at 31 March)\n\n2021:\n\n"
        "- Unicorns: 4\n\n2020:\n\n- Unicorns: 3\n"
    )
    found = _claims(raw, published=date(2021, 9, 30))
    assert ("Cyberport", "unicorns", 4, date(2021, 3, 31)) in found
    assert ("Cyberport", "unicorns", 3, date(2020, 3, 31)) in found


def test_an_of_which_row_is_a_row_of_the_box_it_is_in() -> None:
    text = "2016-17:\n\n- Community companies: 780\n- of which: start-ups: 600\n"
    assert in_fact_box(text, text.index("780"))
    assert fact_box.box_value(text, text.index("of which")) == text.index("600")
    assert fact_box.box_value("- Opening time: 10:30 daily\n", 0) is None  # (a time, no row)


def test_a_profile_heading_in_the_writers_own_words_names_no_other_organisation() -> None:
    d = date(2021, 8, 2)
    text = (
        "CYBERPORT\n\nWHO WE ARE\n\nCyberport supports start-ups at every stage\n\n"
        "OUR COMMUNITY AT A GLANCE\n\nFigures as at 30 June 2021\n\n"
        "- Community members: 1,650+\n- Unicorns: 6"
    )
    got = inline(text, d)
    assert ("companies", 1650, "over", date(2021, 6, 30), None) in got
    assert ("unicorns", 6, "exact", date(2021, 6, 30), None) in got


def test_a_row_whose_label_names_a_place_is_that_places() -> None:
    raw = (
        "CYBERPORT AND THE REGION\n\n"
        "Cyberport says its community keeps growing.\n\n"
        "Unicorns from Cyberport's community: 8\n"
        "Shenzhen-based unicorns: 5\n"
        "Unicorns in Singapore: 11\n"
        "Hong Kong-based unicorns: 17\n"
    )
    got = [(m, v) for _, m, v, _ in _claims(raw)]
    assert ("unicorns", 8) in got
    assert not any(v in (5, 11, 17) for _, v in got)


def test_a_note_under_the_boxs_own_heading_dates_it_though_an_earlier_heading_says_it() -> None:
    raw = (
        "CYBERPORT MID-YEAR REVIEW\n\n"
        "## Highlights of the first half of 2021\n\n"
        "- Cyberport start-ups raised HK$2.1 billion between January and June.\n\n"
        "## Community by cluster\n\n"
        "Cyberport's clusters keep growing. The list below gives the companies in each "
        "cluster as at 30 June 2021 (a company may be in more than one).\n\n"
        "- FinTech: 410+\n- Smart Living: 220+\n\n"
        '"FinTech is still our largest cluster this year," said the chief executive.\n'
    )
    got = _claims(raw, published=date(2021, 9, 2))
    assert ("Cyberport", "fintech_companies", 410, date(2021, 6, 30)) in got
    assert ("Cyberport", "smart_living_companies", 220, date(2021, 6, 30)) in got


def test_a_column_heading_read_as_a_first_row_dates_its_list() -> None:
    raw = (
        "CYBERPORT ANNUAL REPORT 2022/23\n\nThe community kept growing during the year.\n\n"
        "KEY FIGURES:\n\n"
        "- Community (as at 31 March): 2022/23\n- Community companies: 1,910\n- Unicorns: 8\n\n"
        ":\n\n"
        "- Community (as at 31 March): 2021/22\n- Community companies: 1,760\n- Unicorns: 7\n\n"
        "MILESTONES\n\n- Incubation Programme launched: 2005\n- Cyberport 5 completed: 2025\n"
    )
    got = _claims(raw, published=date(2023, 9, 28))
    assert ("Cyberport", "companies", 1910, date(2023, 3, 31)) in got
    assert ("Cyberport", "companies", 1760, date(2022, 3, 31)) in got
    assert ("Cyberport", "unicorns", 7, date(2022, 3, 31)) in got


def test_a_founders_row_is_the_boxs_not_the_cluster_of_the_row_above() -> None:
    raw = (
        "CYBERPORT IN NUMBERS\n\nCyberport is Hong Kong's digital technology hub.\n\n"
        "- 2,300+ community companies\n- 450+ AI and data-science start-ups\n"
        "- 300+ Web3 companies\n- Founders from 30+ countries and regions\n"
    )
    got = {(m, v) for _, m, v, _ in _claims(raw)}
    assert ("founder_origins", 30) in got and ("web3_founder_origins", 30) not in got


def test_a_tagline_under_the_title_that_names_a_city_gives_the_box_to_the_main_organisation() -> (
    None
):
    d = date(2024, 5, 20)
    text = (
        "CYBERPORT\n\nHong Kong’s digital technology flagship and incubator\n\n"
        "Cyberport is a digital technology community.\n\nKEY FIGURES AS AT 31 MARCH 2024\n\n"
        "Unicorns: 7\n\nListed companies: 8"
    )
    got = inline(text, d)
    assert ("unicorns", 7, "exact", date(2024, 3, 31), None) in got
    other = text.replace(
        "CYBERPORT\n\nHong Kong’s digital", "CYBERPORT\n\nIntro.\n\nSingapore’s digital"
    )
    assert inline(other, d) == []  # (further down, the city's box is the city's)


def test_a_box_under_an_undated_heading_right_after_a_dated_box_takes_its_date() -> None:
    raw = (
        "CYBERPORT FACT SHEET 2024\n\nKEY FIGURES (as at 30 June 2024)\n\n"
        "- Community companies: 2,100+\n- Unicorns: 8\n\n"
        "CLUSTERS\n\n- FinTech: 450+\n- Web3: 270+\n\nCONTACT\n\nTel: 3166 3800\n"
    )
    got = _claims(raw, published=date(2024, 7, 15))
    assert ("Cyberport", "fintech_companies", 450, date(2024, 6, 30)) in got
    # A heading with a date of its own keeps it.
    own = raw.replace("CLUSTERS", "CLUSTERS (as at 31 March 2024)")
    got = _claims(own, published=date(2024, 7, 15))
    assert ("Cyberport", "fintech_companies", 450, date(2024, 3, 31)) in got
