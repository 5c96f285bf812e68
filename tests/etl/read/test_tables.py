"""Tables as lines of text: a lead-in, then "- Label: value" items."""

from __future__ import annotations

import pytest

from etl.read.tables import is_time_cell, long_value, table_lines


def test_a_label_and_value_table_is_one_list() -> None:
    rows = [["Indicator", "Figure"], ["Unicorns", "9"], ["Markets reached", "60+"]]
    assert table_lines(rows) == ["- Unicorns: 9", "- Markets reached: 60+"]


def test_a_table_with_a_column_per_date_is_a_list_per_date() -> None:
    rows = [["Indicator", "31 Dec 2020", "30 Jun 2021"], ["Members", "1,700", "1,800+"]]
    assert table_lines(rows) == ["31 Dec 2020:", "", "- Members: 1,700", "", "30 Jun 2021:", "",
                                 "- Members: 1,800+"]  # fmt: skip


def test_a_table_with_a_row_per_year_is_a_list_per_year() -> None:
    rows = [["Year-end", "Members", "Unicorns"], ["2019", "1,500", "4"], ["2022", "1,900", ""]]
    assert table_lines(rows) == [
        "Year-end 2019:", "", "- Members: 1,500", "- Unicorns: 4", "",
        "Year-end 2022:", "", "- Members: 1,900",
    ]  # fmt: skip


def test_a_single_value_column_headed_by_a_time_is_led_in_by_it() -> None:
    rows = [["Indicator", "2019-20"], ["Awards", "96"]]
    assert table_lines(rows) == ["2019-20:", "", "- Awards: 96"]


def test_a_single_value_column_heading_that_dates_it_leads_it_in() -> None:
    head = "Community companies (as at end-September 2021)"
    assert table_lines([["Cluster", head], ["FinTech", "380+"]]) == [
        f"{head}:",
        "",
        "- FinTech: 380+",
    ]
    rows = [["Cluster", "Community companies"], ["FinTech", "380+"]]  # nothing to add
    assert table_lines(rows) == ["- FinTech: 380+"]


def test_a_header_with_nothing_over_the_values_is_the_tables_title() -> None:
    rows = [["Forum at a glance", ""], ["Delegates", "3,200"], ["Speakers", "60"]]
    assert table_lines(rows) == ["Forum at a glance", "", "- Delegates: 3,200", "- Speakers: 60"]


def test_a_currency_named_in_the_label_goes_before_a_bare_number() -> None:
    rows = [["Item", "Value"], ["Funds raised (HK$)", "25.1 bn"], ["Grants (HK$)", "~40 million"],
            ["Revenue (HK$)", "HK$5 million"], ["Staff (HK$ budget)", "20"]]  # fmt: skip
    assert table_lines(rows) == [
        "- Funds raised (HK$): HK$25.1 bn",
        "- Grants (HK$): ~HK$40 million",
        "- Revenue (HK$): HK$5 million",
        "- Staff (HK$ budget): 20",
    ]


def test_empty_rows_and_one_column_tables() -> None:
    assert table_lines([]) == []
    assert table_lines([["", ""], ["Notes"], ["Open all year"]]) == ["- Notes", "- Open all year"]


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("2019", True),
        ("2019-20", True),
        ("FY2019/20", True),
        ("30 Jun 2021", True),
        ("March 2024", True),
        ("Year-end 2022", True),
        ("1,500", False),
        ("HK$2019 million", False),
        ("Phase 2 2019", False),
        ("Members", False),
        ("", False),
        ("Today", True),  # the time of writing
        ("Today's members", False),
        ("2015-16(1)", True),  # a note's mark after the year
        ("2021¹", True),
        ("2015 (12 months)", False),
    ],
)
def test_is_time_cell(cell: str, expected: bool) -> None:
    assert is_time_cell(cell) is expected


def test_a_table_without_header_keeps_its_first_row_and_drops_label_colons() -> None:
    rows = [["", ""], ["Members:", "over 1,700"], ["of which on campus:", "780"]]
    assert table_lines(rows) == ["- Members: over 1,700", "- of which on campus: 780"]


def test_a_currency_and_scale_in_the_label_go_with_a_bare_number() -> None:
    rows = [["Item", "2019"], ["Funds raised (HK$ billion)", "9.1"]]
    assert table_lines(rows) == ["2019:", "", "- Funds raised (HK$ billion): HK$9.1 billion"]
    noted = [["Item", "2019"], ["Grants paid (US$ m, cumulative)", "4.2"]]  # a note after it
    assert table_lines(noted)[-1] == "- Grants paid (US$ m, cumulative): US$4.2 million"
    after = [["Item", "2019"], ["Funds raised (in year, HK$ million)", "3,420"]]  # a note first
    assert table_lines(after)[-1] == "- Funds raised (in year, HK$ million): HK$3,420 million"
    amount = [["Item", "2019"], ["Grants (each up to HK$100,000)", "12"]]  # an amount: no unit
    assert table_lines(amount)[-1] == "- Grants (each up to HK$100,000): 12"


def test_thousands_parted_by_a_space_are_one_number_and_a_blank_is_no_value() -> None:
    rows = [["As at", "Total", "Onsite"], ["31 March 2023", "1 953", "881"],
            ["31 March 2024", "2 117", "n/a"]]  # fmt: skip
    assert table_lines(rows) == ["As at 31 March 2023:", "", "- Total: 1,953", "- Onsite: 881",
                                 "", "As at 31 March 2024:", "", "- Total: 2,117"]  # fmt: skip
    assert table_lines([["Year", "Events"], ["2023", "20 120"], ["2024", "12 5"]])[-1] == (
        "- Events: 12 5"  # not thousands
    )


def test_a_row_of_today_after_rows_of_years_keeps_the_table_read_by_row() -> None:
    rows = [["Year", "Companies"], ["2020", "1,650"], ["Today", "2,300+"]]
    assert table_lines(rows) == ["Year 2020:", "", "- Companies: 1,650", "", "Year Today:", "",
                                 "- Companies: 2,300+"]  # fmt: skip


def test_a_label_that_says_its_values_are_per_cent_marks_them_so() -> None:
    rows = [["Indicator", "2023/24"], ["Share of local companies (%)", "68"], ["Unicorns", "7"]]
    assert table_lines(rows) == [
        "2023/24:", "", "- Share of local companies (%): 68%", "- Unicorns: 7"
    ]  # fmt: skip


def test_a_long_value_cell_is_a_figure_with_a_note_or_no_value() -> None:
    assert not long_value("320+ (founders from 25+ countries and regions)")
    assert long_value("Payments, wealthtech, insurtech, regtech and digital banking")
    assert long_value("many companies (founders from 25+ countries and regions)")


def test_a_dated_label_heading_over_one_value_column_leads_it_in() -> None:
    rows = [["Indicator (as at 30 September 2019)", "Figure"], ["Unicorns nurtured", "2"]]
    assert table_lines(rows) == [
        "Indicator (as at 30 September 2019):",
        "",
        "- Unicorns nurtured: 2",
    ]
    rows = [["Indicator", "Figure"], ["Unicorns nurtured", "2"]]
    assert table_lines(rows) == ["- Unicorns nurtured: 2"]


def test_a_labels_scale_in_short_is_written_out_and_per_cent_of_a_whole_marks_per_cent() -> None:
    rows = [
        ["", "2017"],
        ["Funding raised (cumulative, HK$m)", "3,380"],
        ["Local (% of all)", "68"],
    ]
    assert table_lines(rows) == [
        "2017:", "", "- Funding raised (cumulative, HK$m): HK$3,380 million",
        "- Local (% of all): 68%",
    ]  # fmt: skip


def test_a_label_heading_noting_the_day_of_each_year_goes_before_the_year_columns() -> None:
    rows = [["Community (as at 31 March)", "2021", "2020"], ["Unicorns", "4", "3"]]
    assert table_lines(rows)[:2] == ["Community (as at 31 March)", ""]
    rows = [["Community (as at 31 March 2021)", "Figure"], ["Unicorns", "4"]]
    assert table_lines(rows)[0] == "Community (as at 31 March 2021):"  # dated: a lead-in


def test_a_first_row_that_names_an_event_and_its_year_is_a_row_not_a_heading() -> None:
    rows = [["Programme launched", "2005"], ["Start-ups admitted since launch", "214"]]
    assert table_lines(rows) == [
        "- Programme launched: 2005",
        "- Start-ups admitted since launch: 214",
    ]
    assert table_lines([["Indicator", "2019"], ["Start-ups admitted", "214"]])[0] == "2019:"


def test_years_down_a_column_under_a_day_of_each_year_lead_each_its_rows() -> None:
    rows = [["Year (as at 31 December)", "Community companies", "Unicorns"],
            ["2016", "680", "1"], ["2017", "900", "2"]]  # fmt: skip
    lines = [line for line in table_lines(rows) if line]
    assert lines[:3] == ["Year (as at 31 December)", "2016:", "- Community companies: 680"]
    assert "2017:" in lines
