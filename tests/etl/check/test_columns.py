"""ClaimColumns' picking of stored columns: the items at the positions asked for, in order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from etl.check.columns import RUNS_FROM, _picker

N = 3 * RUNS_FROM


@given(st.lists(st.booleans(), min_size=N, max_size=N), st.integers(0, N))
def test_picking_all_but_a_few_or_a_few_gives_the_items_in_order(
    dropped: list[bool], cut: int
) -> None:
    values = [f"v{k}" for k in range(N)]
    for keep in (
        [k for k in range(N) if not dropped[k]],  # any subset
        [k for k in range(N) if not (dropped[k] and k % 17 == 0)],  # all but a few: runs
        list(range(cut)) + list(range(cut + 1, N)),  # one gap
        range(cut, N),
        [N - 1 - k for k in range(N) if k % 3],  # descending
    ):
        assert _picker(keep)(values) == [values[k] for k in keep]
