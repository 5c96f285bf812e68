from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from db.batches import chunks


def test_cuts_a_list_in_order_with_a_short_last_part() -> None:
    assert list(chunks([1, 2, 3, 4, 5], 2)) == [[1, 2], [3, 4], [5]]
    assert list(chunks([], 2)) == []


@given(st.lists(st.integers()), st.integers(min_value=1, max_value=7))
def test_parts_put_back_together_give_the_list(items: list[int], size: int) -> None:
    parts = list(chunks(items, size))
    assert [x for part in parts for x in part] == items
    assert all(0 < len(part) <= size for part in parts)
