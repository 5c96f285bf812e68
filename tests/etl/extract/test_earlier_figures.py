"""What the figures before one in its sentence say of it: own sentences."""

from __future__ import annotations

from etl.extract.earlier_figures import counted_start, earlier, group_before
from etl.extract.sentence_figures import find_figures


def test_the_last_figure_before_its_start_and_metric() -> None:
    s = "The hub has 2,000 companies and nine unicorns."
    figures = find_figures(s)
    assert earlier(figures) == ("unicorns", s.index("nine"))
    assert counted_start(figures) == s.index("nine")
    assert earlier([]) is None and counted_start([]) is None


def test_an_amount_after_a_group_that_acted_jointly_is_the_groups() -> None:
    s = "The 28 companies have together raised HK$1.9 billion."
    figures = find_figures(s, keep_bare=True)
    assert group_before(s, figures[:1], s.index("HK$"))
    t = "The hub has 28 companies. Its members raised HK$1.9 billion."
    assert not group_before(t, find_figures(t)[:1], t.index("HK$"))
