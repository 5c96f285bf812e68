"""The quick tests that rule text out must never rule out a figure."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from etl.extract.number_words import NUMBER_WORDS, WORD_RE, WORD_START
from etl.extract.prefilter import (
    _WORD_GATE,
    ascii_lower,
    candidate_positions,
    may_count_metric,
    metric_vocabulary,
)
from etl.extract.sentence_figures import find_figures
from etl.extract.sentences import split_sentences

PIECES = ["Cyberport", " ", " ", ". ", ".\n\n", ", ", "2,000", "12", "3.5", "seven", "Seven",
          "TWENTY-one", "a hundred", "someone", "often", "ſix", "İ", "ı", "dozen", "start-ups",
          "companies", "unicorns", "raised", "HK$", "billion", "over", "markets", "The",
          "２０", "١٢", "people", "countries", "founders", "in 2020", "listed", "%", "local",
          "funding", "awards", "members", "\n- ", "Mr.", "incubatees", "AI enterprise have ",
          " home", "Web3 company", " 36 start-up"]  # fmt: skip
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)


@settings(max_examples=300)
@given(texts)
def test_every_sentence_with_a_number_holds_a_candidate(text: str) -> None:
    positions = candidate_positions(text, 0, len(text))
    if positions is None:
        assert any(c in text.lower() for c in "ıſ") or len(text.lower()) != len(text)
        return
    for s in split_sentences(text):
        has_number = any(c.isdecimal() for c in text[s.start : s.end]) or WORD_RE.search(
            text, s.start, s.end
        )
        if has_number:
            assert any(s.start <= p < s.end for p in positions), text[s.start : s.end]


@settings(max_examples=300)
@given(texts)
def test_no_figure_is_ruled_out_by_the_metric_gate(text: str) -> None:
    if find_figures(text):
        assert may_count_metric(text, 0, len(text))


def test_metric_gate_words() -> None:
    vocab = metric_vocabulary()
    assert vocab is not None
    assert may_count_metric("It now has 7 Unicorns.", 0, 22)
    assert not may_count_metric("The forum drew 2,000 visitors to 800 square feet.", 0, 49)
    assert not may_count_metric("Tel: (852) 3166 3800.", 0, 21)
    # Translated text keeps a noun in the singular after a figure: "AI enterprise have 250 home".
    assert may_count_metric("AI enterprise have 250 home.", 0, 28)


def test_candidates_are_digit_runs_and_number_words() -> None:
    text = "In 2020, Seven of the 1,200 firms; someone often left; a hundred"
    got = {text[p : p + 5] for p in candidate_positions(text, 0, len(text))}
    assert got >= {"2020,", "Seven", "1,200", "200 f", "hundr"}
    assert not any(g.startswith(("one ", "ten ")) for g in got)  # inside "someone", "often"


SCAN_PIECES = [" ", "0", "a", "t", "s", "h", "ten", "tenant", "hour", "fix", "sent", "thee",
               *NUMBER_WORDS]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(SCAN_PIECES), max_size=30).map("".join))
def test_the_word_gate_checked_finds_what_word_start_finds(scan: str) -> None:
    padded = b" " + scan.encode()
    gated = [m.start() for m in _WORD_GATE.finditer(padded) if WORD_START.match(padded, m.start())]
    assert gated == [m.start() for m in WORD_START.finditer(padded)]


@given(st.text(), st.text())
def test_a_texts_lower_case_bytes_are_its_own_whichever_was_copied_before(a: str, b: str) -> None:
    for text in (a, b, a):
        assert ascii_lower(text) == text.encode("ascii", "replace").lower()
