from __future__ import annotations

from etl.read.tiles import tiles_at


def _no_table(lines: list[str], k: int) -> bool:
    return False


def test_a_row_of_tiles_and_a_stack_of_tiles_read_one_tile_a_line() -> None:
    row = ["   1,500+          12", "   companies       unicorns", "", "Text."]
    end, got = tiles_at(row, 0, _no_table)
    assert [line for line in got if line] == ["- 1,500+ companies", "- 12 unicorns"]
    assert end == 2
    stack = ["8", "unicorns", "", "5", "listed companies", "", "Over HK$46 billion", "raised"]
    assert [line for line in tiles_at(stack, 0, _no_table)[1] if line] == [
        "- 8 unicorns", "- 5 listed companies", "- Over HK$46 billion raised"]  # fmt: skip


def test_a_stack_of_two_or_a_header_of_years_over_a_table_is_no_tiles() -> None:
    assert tiles_at(["8", "unicorns", "", "5", "listed companies"], 0, _no_table) == (0, [])
    years = ["   2024      2023", "   Companies   2,025   1,860"]
    assert tiles_at(years, 0, lambda lines, k: k == 0) == (0, [])
