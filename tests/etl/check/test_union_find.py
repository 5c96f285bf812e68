from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from etl.check.union_find import Groups


def test_groups_are_named_by_their_smallest_member() -> None:
    g = Groups(6)
    g.join((4, 2))
    g.join((5, 4))
    assert [g.find(i) for i in range(6)] == [0, 1, 2, 3, 2, 2]
    g.join((1, 5, 3))
    assert {g.find(i) for i in (1, 2, 3, 4, 5)} == {1}
    assert g.find(0) == 0


@given(st.lists(st.tuples(st.integers(0, 9), st.integers(0, 9)), max_size=15))
def test_joined_figures_end_in_one_group_and_others_stay_apart(pairs) -> None:
    g = Groups(10)
    for pair in pairs:
        g.join(pair)
    # The same components, found by walking the pairs as a graph.
    reach = {i: {i} for i in range(10)}
    for _ in range(10):
        for a, b in pairs:
            reach[a] |= reach[b]
            reach[b] |= reach[a]
        for i in range(10):
            for j in list(reach[i]):
                reach[i] |= reach[j]
    for i in range(10):
        assert g.find(i) == min(reach[i])
