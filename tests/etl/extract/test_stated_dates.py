"""The day a heading gives the entry under it."""

from __future__ import annotations

from datetime import date

import pytest

from etl.extract import default_config
from etl.extract.document_model import build_model
from etl.extract.section_view import SectionView
from etl.extract.sentences import split_paragraphs
from etl.extract.stated_dates import dated_heading


@pytest.mark.parametrize(
    ("heading", "day"),
    [
        ("## 3 June 2023 — Unicorn count", date(2023, 6, 3)),
        ("## Unicorn count", None),
        ("## Unicorns since 3 June 2023", None),  # (not the heading's own day)
        ("## June 2023 — Unicorn count", None),  # (a month: no entry's day)
    ],
)
def test_a_heading_opening_with_a_day_dates_the_entry_under_it(
    heading: str, day: date | None
) -> None:
    config = default_config()
    text = f"# Newsletter\n\n{heading}\n\nIt is now four."
    view = SectionView(text, split_paragraphs(text), config, model=build_model(text, config))
    found = dated_heading(view, text.index("It is"))
    assert (found.as_of if found else None) == day
