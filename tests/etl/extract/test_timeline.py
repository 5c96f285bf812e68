"""The running time anchor: back-references, a paragraph's opening date, a list's lead-in."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract import default_config, whole_note
from etl.extract.document_model import build_model
from etl.extract.list_dates import _yearless_day
from etl.extract.section_view import SectionView
from etl.extract.sentences import split_paragraphs
from etl.extract.timeline import Timeline
from etl.extract.whole_note import whole_text_note
from tests.etl.extract.test_claims import inline

REF = date(2021, 1, 28)


def _timeline(text: str, ref: date | None = REF) -> Timeline:
    config = default_config()
    view = SectionView(text, split_paragraphs(text), config, model=build_model(text, config))
    return Timeline(view, 0, len(text), ref)


def _sid(t: Timeline, fragment: str) -> tuple[int, int]:
    sid = t.view.sentence_at(t.view.text.index(fragment))
    assert sid is not None
    return sid


def _carried(text: str, fragment: str, ref: date | None = REF) -> date | None:
    t = _timeline(text, ref)
    d = t.carried(_sid(t, fragment))
    return d.as_of if d else None


def test_the_time_in_force_is_the_last_one_stated_before() -> None:
    text = (
        "Members raised HK$6 billion in 2020 alone. A new studio opened. "
        "At that point, the total stood at HK$23 billion."
    )
    t = _timeline(text)
    assert t.anchor_at(_sid(t, "At that point")) == (date(2020, 12, 31), "year", None)


def test_the_time_in_force_reaches_back_across_paragraphs() -> None:
    text = "Between January and June, members raised HK$8 billion.\n\nThe lab is new.\n\nIt grew."
    t = _timeline(text, date(2021, 7, 30))
    assert t.anchor_at(_sid(t, "It grew")) == (date(2021, 6, 30), "month", "P6M")


def test_an_event_date_is_in_force_when_nothing_else_is() -> None:
    text = "When I joined in 2016 the hub was small. At that point only 30 worked on AI."
    t = _timeline(text, date(2019, 9, 19))
    assert t.anchor_at(_sid(t, "At that point")) == (date(2016, 12, 31), "year", None)


def test_a_target_date_is_not_in_force() -> None:
    text = "The hub aims to reach 3,000 members by 2030. At that point it had 2,000."
    t = _timeline(text)
    assert t.anchor_at(_sid(t, "At that point")) is None


def test_nothing_in_force_at_the_start() -> None:
    t = _timeline("At that point, 62 were incubatees.")
    assert t.anchor_at((0, 0)) is None


def test_a_date_that_opens_a_sentence_carries_to_the_rest_of_its_paragraph() -> None:
    text = (
        "As at 31 December 2020, the community comprised 1,650 companies. "
        "Of these, 800 were on the campus.\n\nThe lab opened."
    )
    assert _carried(text, "Of these") == date(2020, 12, 31)


def test_a_date_does_not_carry_into_the_next_paragraph_or_list_item() -> None:
    text = "As at 31 December 2020, it had 1,650 companies.\n\nOf these, 800 were on the campus."
    assert _carried(text, "Of these") is None
    items = "1. As at 31 March 2023, it had 1,900 firms.\n2. The programme admitted 1,000 teams."
    assert _carried(items, "The programme") is None


def test_a_sentence_that_speaks_of_now_keeps_its_own_time() -> None:
    text = "As at 31 December 2020, it had 1,650 companies. Four unicorns have now emerged."
    assert _carried(text, "Four unicorns") is None


def test_a_date_inside_a_sentence_does_not_carry() -> None:
    text = "The hub said 1,650 firms had joined as at 31 December 2020. Of these, 800 are local."
    assert _carried(text, "Of these") is None


def test_a_date_that_opens_a_clause_after_a_lead_carries_to_the_rest_of_its_paragraph() -> None:
    text = (
        "The operator released its half-year figures today, as of the end of May, listing "
        "2,100 member firms. Member firms raised HK$4 billion.\n\nLocal firms make up 70%."
    )
    assert _carried(text, "Member firms raised", date(2023, 9, 1)) == date(2023, 5, 31)
    assert _carried(text, "Local firms", date(2023, 9, 1)) is None  # (not into the next paragraph)
    mt = "Hub today publish data, up to this year April bottom, it has 900 firm. It has 3 unicorn"
    assert _carried(mt, "It has 3", date(2023, 9, 1)) == date(2023, 4, 30)


def test_a_date_set_off_by_commas_without_a_word_of_standing_at_does_not_carry() -> None:
    text = "It grew to 2,100 firms, up from 1,800 in 2021, it said. Member firms raised HK$4bn."
    assert _carried(text, "Member firms") is None
    text = "The operator said, in May 2022, that it had 900 firms. Of these, 80 are in fintech."
    assert _carried(text, "Of these") is None


def test_an_event_date_does_not_carry() -> None:
    text = "In 2004, the first tower opened. The campus now hosts 2,000 firms."
    assert _carried(text, "The campus") is None
    text = "Since 2018, it has grown. It has 2,000 firms."
    assert _carried(text, "It has") is None


def test_a_list_takes_the_date_of_its_lead_in() -> None:
    text = (
        "Snapshot\n\nAs at 30 June 2021, the community counted:\n\n- 1,800 companies\n- 6 unicorns"
    )
    assert _carried(text, "6 unicorns") == date(2021, 6, 30)


def test_a_table_takes_the_year_or_fiscal_year_of_its_heading() -> None:
    fiscal = "Community at a glance, 2019-20\n\n- Unicorns nurtured: 3\n- Awards won: 96"
    assert _carried(fiscal, "Unicorns", date(2020, 9, 1)) == date(2020, 3, 31)
    yearly = "Year-end 2019:\n\n- Community companies: 1,500"
    assert _carried(yearly, "Community", date(2026, 1, 12)) == date(2019, 12, 31)


def test_the_lead_in_of_the_next_column_is_no_note_under_a_list() -> None:
    # A table written out column after column: "Change since Dec 2021:" leads the next block.
    text = (
        "Our clusters\n\nCompanies:\n\n- Fintech: 510\n- Smart living: 250\n\n"
        "Change since Dec 2021:\n\n- Fintech: +35\n- Smart living: +20"
    )
    assert _carried(text, "Fintech: 510", date(2022, 6, 1)) is None
    noted = "Key figures\n\n- Unicorns: 8\n\nFigures as at December 2021\n\nMore below."
    assert _carried(noted, "Unicorns", date(2022, 6, 1)) == date(2021, 12, 31)


def test_a_list_takes_the_date_of_a_note_under_it() -> None:
    text = (
        "Key figures\n\n- Unicorns: 8\n- Funds raised: HK$38 billion\n\nFigures as at 30 June 2023"
    )
    assert _carried(text, "Unicorns", date(2023, 9, 20)) == date(2023, 6, 30)


def test_a_lead_in_with_two_dates_gives_the_one_figures_stand_at() -> None:
    text = (
        "Published 2 May 2024 | All figures as at 31 March 2024\n\nAt a glance\n\n"
        "- 2,100 companies\n- 9 unicorns"
    )
    assert _carried(text, "9 unicorns", date(2024, 5, 2)) == date(2024, 3, 31)
    plain = "Updated 2 May 2024\n\n- 2,100 companies\n- 9 unicorns"
    assert _carried(plain, "9 unicorns", date(2024, 5, 2)) == date(2024, 5, 2)


def test_a_note_at_the_foot_of_a_fact_sheet_dates_its_lists() -> None:
    text = (
        "AT A GLANCE\n\n- Members: 1,700+\n- Unicorns: 6\n\n-----\n\nCLUSTERS\n\n"
        "- FinTech: 380+\n\nProgramme | Support\n\n-----\n\n"
        "Figures as at end-June 2021. Source: the company."
    )
    assert _carried(text, "Unicorns", date(2021, 8, 16)) == date(2021, 6, 30)
    prose = text.replace("CLUSTERS", "The park was built in 2004 and opened to the public.")
    assert _carried(prose, "Unicorns", date(2021, 8, 16)) is None  # running text in between
    dated = text.replace("CLUSTERS", "CLUSTERS, 2020")
    assert _carried(dated, "Unicorns", date(2021, 8, 16)) is None  # another table's own date
    assert _carried(dated, "FinTech", date(2021, 8, 16)) == date(2020, 12, 31)


def test_a_sentence_with_figures_after_a_list_is_no_note_on_it() -> None:
    text = (
        "In brief\n\n- 6 unicorns\n- 2 listed companies\n\n"
        "In the 2022-23 financial year, 75 start-ups joined the programme."
    )
    assert _carried(text, "6 unicorns", date(2023, 8, 1)) is None
    note = "In brief\n\n- 6 unicorns\n\nFigures for the 2022-23 financial year."
    assert _carried(note, "6 unicorns", date(2023, 8, 1)) == date(2023, 3, 31)


def test_a_day_without_a_year_in_a_list_takes_the_year_of_its_lead_in() -> None:
    text = "Year 2018:\n\n- Members (as at 30 June): 900\n\nYear 2019:\n\n- Members: 1,000"
    t = _timeline(text, date(2020, 9, 1))
    assert t.ref_at(_sid(t, "Members (as")) == date(2018, 12, 31)
    assert t.ref_at(_sid(t, "Year 2018")) == date(2020, 9, 1)  # no list: the section's date


def test_a_finished_sentence_above_a_list_is_no_lead_in() -> None:
    text = (
        "Members had raised HK$33 billion by the end of September, the hub said.\n\n"
        "- 1,800 community companies\n- 6 unicorns\n\nSource: the hub"
    )
    assert _carried(text, "6 unicorns", date(2021, 11, 16)) is None


def test_a_list_without_a_dated_lead_in_or_note_has_no_date_of_its_own() -> None:
    text = "Key figures\n\n- Unicorns: 8\n\nThe hub was founded to serve start-ups of every kind."
    assert _carried(text, "Unicorns") is None


def test_a_list_item_saying_now_keeps_the_date_of_its_lead_in() -> None:
    text = "As at 30 June 2021, the campus counted:\n\n- 250 firms, now the second-largest cluster"
    assert _carried(text, "250 firms") == date(2021, 6, 30)


def test_a_note_above_a_list_dates_it() -> None:
    text = (
        "FACT SHEET\n\nIssued on 15 April 2021\nAll figures are as at 31 March 2021 unless "
        "stated otherwise.\n\nCommunity\n\n- Members: 1,700\n- Unicorns: 6"
    )
    assert _carried(text, "- Unicorns") == date(2021, 3, 31)
    assert _carried(text.replace("as at 31 March", "from 31 March"), "- Unicorns") is None


def test_a_note_that_holds_a_figure_of_its_own_dates_no_list() -> None:
    text = (
        "Members had raised HK$33 billion by the end of September.\n\n"
        "In numbers\n\n- 1,800+ members\n- 6 unicorns"
    )
    assert _carried(text, "- 6 unicorns") is None


def test_the_end_of_a_month_in_a_note_dates_the_table_below_it() -> None:
    text = (
        "The table below shows the community as it stood at the end of June 2025.\n\n"
        "Figure:\n\n- Members: about 2,300\n- Unicorns: 10"
    )
    assert _carried(text, "- Unicorns", date(2025, 9, 30)) == date(2025, 6, 30)


def test_a_year_heading_takes_the_day_of_the_year_a_note_gives() -> None:
    text = (
        "Key statistics (as at 31 March of each year)\n\n2019:\n\n- Members: 1,200\n\n"
        "2020:\n\n- Members: 1,550\n\n2021:\n\n- Members: 1,700"
    )
    assert _carried(text, "- Members: 1,200") == date(2019, 3, 31)
    assert _carried(text, "- Members: 1,700", date(2021, 6, 14)) == date(2021, 3, 31)
    assert _carried(text.replace(" (as at 31 March of each year)", ""), "- Members: 1,200") == (
        date(2019, 12, 31)
    )
    numbered = text.replace("Key statistics", "Table 2: Key statistics")  # a table's number
    assert _carried(numbered, "- Members: 1,200") == date(2019, 3, 31)


def test_a_sentence_about_today_ends_the_carried_date() -> None:
    text = (
        "By the end of last year, members had raised HK$45 billion. Today they sell in 50 "
        "markets. Their founders come from 40 countries."
    )
    assert _carried(text, "Their founders") is None
    assert _carried(text.replace("Today they", "They"), "Their founders") == date(2020, 12, 31)


def test_a_month_named_alone_in_a_note_under_a_list_dates_it() -> None:
    text = "At a glance\n\n- Members: 640+\n- Unicorns: 1\n\nSource: the hub, September figures"
    assert _carried(text, "- Unicorns", date(2017, 10, 5)) == date(2017, 9, 30)
    assert _carried(text, "- Unicorns", date(2017, 8, 5)) == date(2016, 9, 30)
    assert _carried(text.replace("September figures", "figures may vary"), "- Unicorns") is None


def test_an_as_at_date_opening_a_paragraph_dates_its_sentences_not_the_next_paragraph() -> None:
    text = (
        "Highlights of the season\n\n"
        "As at 30 June 2020, the museum held 5,400 objects. It lent 30 of them abroad.\n\n"
        "Its archive counts 900 films.\n\n"
        "About the museum\n\n"
        "The museum holds 6,000 objects."
    )
    assert _carried(text, "It lent") == date(2020, 6, 30)
    assert _carried(text, "Its archive") is None  # a sentence of its own, at publication
    assert _carried(text, "The museum holds") is None


def test_an_as_at_paragraph_without_a_heading_above_does_not_date_the_next_one() -> None:
    text = (
        "Thank you all for coming tonight.\n\n"
        "As at 30 June 2020, the museum held 5,400 objects.\n\n"
        "Its archive counts 900 films."
    )
    assert _carried(text, "Its archive") is None
    dated_between = (
        "Highlights\n\nAs at 30 June 2020, the museum held 5,400 objects.\n\n"
        "In 2019 it lent 30 objects.\n\nIts archive counts 900 films."
    )
    assert _carried(dated_between, "Its archive") is None  # another time stated in between


def test_a_fiscal_year_opening_a_headed_block_dates_its_paragraph_without_a_comma() -> None:
    text = "Visitors\n\nIn 2019-20 the museum welcomed 90,000 visitors. Some 800 came daily."
    assert _carried(text, "Some 800") == date(2020, 3, 31)
    unheaded = (
        "The museum had a busy spring.\n\n"
        "In the 2019-20 financial year, it welcomed 90,000 visitors. Some 80% were local."
    )
    assert _carried(unheaded, "Some 80%") is None  # a year's flow in running text: not its end


def test_a_date_that_does_not_open_the_sentence_before_is_not_carried() -> None:
    text = (
        "THE MUSEUM\n\n"
        "Attendance held up. As at 30 June 2020, the museum held 5,400 objects. "
        "It lent 30 of them abroad in 2019-20. Its archive reached 900 films as at "
        "30 June 2020. It employs 80 curators."
    )
    assert _carried(text, "It employs") is None  # (the last time stated does not open its own)
    late_opening = (
        "THE MUSEUM\n\nIt employs 80 curators. As at 30 June 2020, it held 5,400 objects."
    )
    assert _carried(late_opening, "It employs") is None


def _carried_in_document(text: str, fragment: str, ref: date) -> date | None:
    from etl.extract.document_model import build_model

    config = default_config()
    view = SectionView(text, split_paragraphs(text), config, model=build_model(text, config))
    t = Timeline(view, 0, len(text), ref)
    d = t.carried(_sid(t, fragment))
    return d.as_of if d else None


def test_a_heading_over_the_next_list_is_no_note_for_the_list_above() -> None:
    text = (
        "Our year\n\nThe headlines\n\n- 9 unicorns\n- 2,000 companies\n\n"
        "Compared with last year\n\n2018:\n\n- Start-ups admitted: 80\n"
    )
    assert _carried_in_document(text, "9 unicorns", date(2019, 12, 20)) is None
    note = "Our year\n\nThe headlines\n\n- 9 unicorns\n- 2,000 companies\n\nFigures as at last year"
    assert _carried_in_document(note, "9 unicorns", date(2019, 12, 20)) == date(2018, 12, 31)


def test_a_date_opening_a_numbered_paragraph_carries_to_its_later_sentences() -> None:
    text = (
        "(3) As at 30 June 2020, members had raised HK$30 billion. No breakdown by source "
        "is kept. About 60% of members are local firms."
    )
    assert _carried(text, "About 60%", date(2020, 9, 1)) == date(2020, 6, 30)
    plain = (
        "(3) Members had raised HK$30 billion, a record set on 30 June 2020 at a summit. No "
        "breakdown by source is kept. About 60% of members are local firms."
    )
    assert _carried(plain, "About 60%", date(2020, 9, 1)) != date(2020, 6, 30)


def test_a_line_with_figures_in_words_is_no_note_on_a_list_above_it() -> None:
    from datetime import date

    from etl.extract.asof import find_dates
    from etl.extract.list_dates import no_figure as _no_figure

    def no_figure(line: str) -> bool:
        return _no_figure(line, find_dates(line, 0, len(line), date(2022, 5, 10)))

    assert not no_figure("Listings were rare. The park had two in 2016; today it counts twelve.")
    assert not no_figure("The park had 2 in 2016.")
    assert no_figure("Figures as at 31 December 2021.")
    assert no_figure("Source: the park's annual report for 2021.")


def test_a_dateline_is_no_time_in_force_when_its_sentence_states_one() -> None:
    text = (
        "Hong Kong, 22 June 2021 – Some 150 firms had joined as at 31 May 2021, it said. "
        "On the same date, 800 were based on campus."
    )
    t = _timeline(text, date(2021, 6, 22))
    assert t.anchor_at(_sid(t, "On the same date")) == (date(2021, 5, 31), "day", None)


def test_a_day_line_is_read_in_the_year_in_hand_unless_that_is_more_than_a_month_ahead() -> None:
    ref = date(2025, 3, 10)
    assert _yearless_day(3, 12, ref, 9).as_of == date(2025, 3, 12)  # a digest's later day
    assert _yearless_day(12, 20, ref, 9).as_of == date(2024, 12, 20)
    assert _yearless_day(2, 29, ref, 9).as_of == date(2024, 2, 29)  # only last year has it


def test_a_time_named_as_an_owner_is_no_time_in_force() -> None:
    # "last year's showcase" names a thing; "a year earlier" counts back from the writing.
    text = (
        "Attendance was up on last year's showcase.\n\n"
        "The cluster has grown to 150 companies, up from 110 a year earlier."
    )
    t = _timeline(text, date(2016, 9, 26))
    assert t.anchor_at(_sid(t, "The cluster")) is None
    dated = "Attendance was up on the showcase last year.\n\nThe cluster has grown."
    t = _timeline(dated, date(2016, 9, 26))
    assert t.anchor_at(_sid(t, "The cluster")) is not None


def test_the_note_of_another_table_above_does_not_date_a_later_list() -> None:
    text = (
        "The community in numbers\n\n"
        "The community has passed 2,000 companies, and eight of them are now unicorns.\n\n"
        "How we compare (snapshots taken at the end of June 2023):\n\n"
        "- Community companies: 2,010\n\n"
        "Clusters at a glance\n\n"
        "- FinTech: 430"
    )
    assert _carried(text, "Community", date(2023, 9, 14)) == date(2023, 6, 30)
    assert _carried(text, "FinTech", date(2023, 9, 14)) is None
    noted = "Figures as at 30 June 2023 unless stated otherwise.\n\nClusters\n\n- FinTech: 430"
    assert _carried(noted, "FinTech", date(2023, 9, 14)) == date(2023, 6, 30)


def test_a_milestone_line_dates_its_sentences_to_its_year() -> None:
    text = (
        "Milestones in the story:\n\n"
        "* 2005 - The incubation programme is launched. Its first intake is 14 start-ups.\n"
        "* 2008 - The campus community reaches some 100 companies."
    )
    t = _timeline(text, date(2011, 6, 21))
    assert t.carried(_sid(t, "Its first")).as_of == date(2005, 12, 31)
    assert t.carried(_sid(t, "* 2008")).as_of == date(2008, 12, 31)
    assert t.ref_at(_sid(t, "* 2008")) == date(2008, 12, 31)
    plain = _timeline("* Fintech: 430 companies", date(2011, 6, 21))
    assert plain.item_year(_sid(plain, "Fintech")) is None


def test_a_note_on_every_figure_holds_no_figure_and_says_so() -> None:
    note = "Figures are as at 30 June 2024 unless otherwise stated."
    found = whole_text_note(f"FACT SHEET\n\nUnicorns: 8\n\n{note}\n", date(2024, 7, 15))
    assert found is not None and found.as_of == date(2024, 6, 30)
    assert whole_text_note("Figures are as at 30 June 2024.\n", date(2024, 7, 15)) is None
    foot = "Terms apply. Figures as at 31 December 2021 unless otherwise stated. (c) 2022 Acme.\n"
    found = whole_text_note(foot, date(2022, 3, 15))  # its sentence, not its line, says it
    assert found is not None and found.as_of == date(2021, 12, 31)
    with_figure = "Unless otherwise stated, figures are as at 30 June 2024: 2,100 members.\n"
    assert whole_text_note(with_figure, date(2024, 7, 15)) is None


def test_a_footnote_line_ending_a_list_dates_it() -> None:
    text = "IN NUMBERS*\n\n- Members: 2,300+\n- Unicorns: 8\n* As at 31 March 2025\n\nWHY US?"
    assert _carried(text, "- Unicorns", date(2025, 6, 16)) == date(2025, 3, 31)
    assert _carried(text.replace("* As at", "* Rounded,"), "- Unicorns", date(2025, 6, 16)) is None


def test_a_note_saying_more_than_one_holds_no_figure_of_its_own() -> None:
    text = (
        "Companies:\n\n- FinTech: 480+\n- Web3: 300+\n\nAs at 31 March 2025. Some companies "
        "belong to more than one cluster."
    )
    assert _carried(text, "- Web3", date(2025, 6, 16)) == date(2025, 3, 31)
    assert (
        _carried(text.replace("one cluster", "two clusters"), "- Web3", date(2025, 6, 16)) is None
    )


def test_a_note_over_the_next_table_dates_no_list_above_it() -> None:
    text = (
        "Highlights\n\n- Members: 2,100+\n- Unicorns: 8\n\nAt a glance\n\n"
        "Figures as at 31 March of each year.\n\n2023:\n\n- Members: 1,930\n"
    )
    assert _carried(text, "- Unicorns", date(2024, 8, 15)) is None
    closing = "Highlights\n\n- Members: 2,100+\n- Unicorns: 8\n\nFigures as at 31 March 2024.\n"
    assert _carried(closing, "- Unicorns", date(2024, 8, 15)) == date(2024, 3, 31)


@pytest.mark.parametrize(
    ("text", "heading", "published", "stands"),
    [
        (  # its own paragraph, further down
            "AT A GLANCE*\n\n- Members: 1,500+\n- Unicorns: 4\n\nOUR CLUSTERS\n\nFinTech leads."
            "\n\n* Figures as at 30 June 2020.\n",
            "AT A GLANCE*",
            date(2020, 8, 3),
            date(2020, 6, 30),
        ),
        (  # the last line of a later list
            "IN NUMBERS*\n\n- Members: 1,700+\n- Unicorns: 5\n\nOUR CLUSTERS*\n\n- FinTech: 380+"
            "\n- Web3: 50+\n* Figures as at 30 June 2021\n\nJOIN US\n\nApply now.\n",
            "IN NUMBERS*",
            date(2021, 8, 2),
            date(2021, 6, 30),
        ),
    ],
)
def test_a_mark_on_a_lists_heading_points_to_its_footnote_further_down(
    text: str, heading: str, published: date, stands: date
) -> None:
    assert _carried(text, "- Unicorns", published) == stands
    unmarked = text.replace(heading, heading.rstrip("*"))
    assert _carried(unmarked, "- Unicorns", published) is None


def test_a_lead_in_saying_since_when_gives_its_list_no_date() -> None:
    text = (
        "IN NUMBERS*\n\n1,150+ start-ups admitted to incubation since 2005\n\n- Unicorns: 9\n\n"
        "* All figures as at 31 December 2023.\n"
    )
    assert _carried(text, "- Unicorns", date(2024, 3, 15)) == date(2023, 12, 31)


def _counting(monkeypatch: pytest.MonkeyPatch, cls: type, name: str) -> list[int]:
    """Count the calls of method `name` of `cls` (their first argument)."""
    calls: list[int] = []
    real = getattr(cls, name)

    def counted(self, first, *args, **kwargs):
        calls.append(first)
        return real(self, first, *args, **kwargs)

    monkeypatch.setattr(cls, name, counted)
    return calls


def test_a_note_over_a_long_list_dates_every_row_reading_each_line_at_most_twice(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each row's walk up to the note passes the rows above it; a walk that reaches a row an
    earlier walk passed takes its answer, so each line is read for a date at most twice (as the
    line right over a row, and as one further up), not once per row below it (which grew with
    the square of the list's length)."""
    read = _counting(monkeypatch, Timeline, "_note_in")
    rows = "\n\n".join(f"Companies: {1000 + k:,}" for k in range(300))
    text = (
        "Hong Kong, 3 May 2021 – Cyberport figures.\n\n"
        f"Community figures are as at 31 March 2021 unless stated otherwise.\n\n{rows}\n"
    )
    found = inline(text, date(2021, 5, 3))
    assert len(found) == 300
    assert {as_of for _, _, _, as_of, _ in found} == {date(2021, 3, 31)}
    assert max(read.count(q) for q in read) <= 2


def test_a_bracket_note_closing_a_long_paragraph_is_read_once(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    read = _counting(monkeypatch, Timeline, "_bracket_note")
    lines = "\n".join(f"- Cyberport now hosts {1000 + k:,} companies." for k in range(200))
    text = f"Hong Kong, 3 May 2021 – Cyberport figures.\n\n{lines} (Data as of 31 March 2021)\n"
    found = inline(text, date(2021, 5, 3))
    assert len(found) > 100
    assert len(read) == len(set(read))


def test_the_whole_text_note_is_looked_for_only_where_its_words_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    note = "Figures are as at 30 June 2024 unless otherwise stated.\n\nCyberport has 2,000 firms."
    whole_note.whole_text_note.cache_clear()
    found = whole_note.whole_text_note(note, REF)
    assert found is not None and found.as_of == date(2024, 6, 30)

    def no_search(key: str):
        raise AssertionError(f"searched for {key}")

    monkeypatch.setattr(whole_note, "phrase_words", no_search)
    whole_note.whole_text_note.cache_clear()
    assert whole_note.whole_text_note("Cyberport has 2,000 companies.\n" * 50, REF) is None
