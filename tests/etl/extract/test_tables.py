"""Tables in text: Markdown rows and columns aligned by spaces, as spans of the text."""

from __future__ import annotations

from etl.extract.tables import find_tables


def cells(text: str) -> list[tuple[list[str], list[list[str]]]]:
    return [
        ([text[a:b] for a, b in t.header.cells], [[text[a:b] for a, b in r.cells] for r in t.rows])
        for t in find_tables(text)
    ]


def test_a_markdown_table_with_its_rule() -> None:
    text = "Intro\n\n| Item | Figure |\n|---|---|\n| Unicorns | **8** |\n| Markets | 60+ |\n"
    assert cells(text) == [(["Item", "Figure"], [["Unicorns", "8"], ["Markets", "60+"]])]


def test_a_header_and_its_rule_on_one_line_and_rows_as_paragraphs() -> None:
    text = "| Indicator | 2020 | 2021 | |---|---|---|\n\n| Companies | 1,700 | 1,800+ |\n"
    assert cells(text) == [(["Indicator", "2020", "2021"], [["Companies", "1,700", "1,800+"]])]


def test_columns_aligned_by_spaces() -> None:
    text = (
        "Annex\n\nYear      Admitted    Graduated\n2021-22   140         90\n"
        "2022-23   155         101\n"
    )
    assert cells(text) == [
        (["Year", "Admitted", "Graduated"], [["2021-22", "140", "90"], ["2022-23", "155", "101"]])
    ]


def test_cells_parted_by_slashes() -> None:
    text = "Below:\n\nYear / Applied / Admitted\n2015-16 / 612 / 96\n2016-17 / 745 / 118\n"
    assert cells(text) == [
        (["Year", "Applied", "Admitted"], [["2015-16", "612", "96"], ["2016-17", "745", "118"]])
    ]
    assert find_tables("Tel: 3166 3812 / Mobile: 9034 5521\n") == []  # one line is no table
    prose = "The FinTech / Web3 teams met. " * 4  # a long line is a sentence
    assert find_tables(f"{prose}\n{prose}\n{prose}\n") == []


def test_prose_is_no_table() -> None:
    assert find_tables("A line  with two  gaps.\nAnother  line  here.\nAnd  a third.\n") == []
    assert find_tables("Only a header | here\n") == []
    assert find_tables("| Item | Figure |\n") == []  # a header with no rows


def test_cells_point_into_the_text() -> None:
    text = "x\n| A | B |\n|---|---|\n| Unicorns | 8 |\n"
    (t,) = find_tables(text)
    a, b = t.rows[0].cells[1]
    assert text[a:b] == "8"
    assert t.row_at(text.index("Unicorns")) is t.rows[0]
