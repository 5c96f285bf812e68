"""Where each figure of a sentence sits: its number, its span (a currency sign and a qualifier
after it included), where its noun phrase starts and ends, and a measure word after it."""

from __future__ import annotations

import re

from etl.extract.figure_words import np_start, with_zeros
from etl.extract.money import MoneyMention, merge_conversions, money_at
from etl.extract.noun_phrases import noun_phrase
from etl.extract.number_roles import is_list_marker, is_phone_part, is_year_use, phone_spans
from etl.extract.numbers import NumberMention, find_numbers, is_year
from etl.extract.qualifiers import about_after, qualifier_after
from etl.extract.translated_figures import joined_splits, measure_word

# The second year of a fiscal year: "2015-16", "2018/19".
_FISCAL_TAIL = re.compile(r".?(?:19|20)\d\d[-–/]$")
_FUSED_TAIL = re.compile(r"(?:[,?\ufffd]\d+)+")

# number, start, end, np_end, the qualifier after it ("+": over, "-odd": about, else ""),
# where its noun starts, a measure word after it
Span = tuple[NumberMention, int, int, int, str, int, bool]


def sentence_is_garbled(s: str, nums: list[NumberMention]) -> bool:
    """Machine-translation debris: '2000,2018', '<>' placeholders."""
    return "<>" in s or any(n.garbled for n in nums)


def figure_spans(
    s: str, bare_dollar: str, keep_bare: bool
) -> tuple[list[Span], dict[int, MoneyMention], bool] | None:
    """The spans of sentence `s`'s figures, its money by where each number starts, and whether
    the sentence is garbled; None when it holds no number that may be a figure."""
    phones = phone_spans(s)
    nums = [
        n
        for n in find_numbers(s)
        # A year has four characters: most numbers fail that before is_year is asked.
        if (
            n.garbled
            or not (
                (n.end - n.start == 4 and is_year(n, s) and is_year_use(s, n))
                or (  # (a fiscal year's second year follows a dash or slash: "2015-16")
                    s[n.start - 1 : n.start] in "-–/\n"
                    and _FISCAL_TAIL.match(s[max(0, n.start - 6) : n.start])
                )
            )
        )
        and not is_list_marker(s, n)
        and not (phones and is_phone_part(n, phones))  # "(852) 3166 3800"
    ]
    if keep_bare:
        nums = with_zeros(s, nums)
    if not nums:
        return None
    if len(nums) > 1:
        nums = joined_splits(s, nums)  # "1 50 home": a number a translation split
    moneys = merge_conversions(s, [m for n in nums if (m := money_at(s, n, bare_dollar))])
    by_number: dict[int, MoneyMention] = {m.number.start: m for m in moneys}
    swallowed = {n.start for n in nums for m in moneys if m.start <= n.start < m.end} - set(
        by_number
    )
    garbled_sentence = sentence_is_garbled(s, nums)
    spans: list[Span] = []
    for n in nums:
        if n.start in swallowed:
            continue
        money = by_number.get(n.start)
        start, end = (money.start, money.end) if money else (n.start, n.end)
        if n.garbled and (tail := _FUSED_TAIL.match(s, end)):
            end = tail.end()  # read past the fused tail: "2000,2018 companies"
        plus = qualifier_after(s, end)  # "2,000+", "2,000-plus"
        approx = None if plus else about_after(s, end)  # "1,600-odd", "800 or so"
        end = plus or approx or end
        measure = measure_word(s, end)  # "800 home", "1,800 many home" (translated)
        np_from = np_start(s, measure.end if measure else end)
        more = bool(plus) or bool(measure and measure.more)
        spans.append(
            (n, start, end, noun_phrase(s, np_from, len(s))[1],
             "over" if more else "about" if approx else "", np_from, measure is not None)
        )  # fmt: skip
    return spans, by_number, garbled_sentence
