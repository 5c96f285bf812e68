"""What a text is about from one sentence to the next: the Topic after a sentence, worked out
lazily when a figure's own sentence does not settle whose it is.

The topic after a sentence is its first subject, else its first possessor, resolved as
referents.py resolves any mention; "our neighbours at X" makes X the subject, not the voice.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from etl.config import ExtractConfig
from etl.extract.clauses import NEXT_CLAUSE
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.mentions import Mention, in_brackets, is_dateline_place
from etl.extract.referents import Attribution, Topic, named_place, resolve
from etl.extract.speakers import QuoteRegion


class LazyTopic:
    """A Topic worked out on first use."""

    def __init__(self, make: Callable[[], Topic]) -> None:
        self._make = make
        self._topic: Topic | None = None

    def _get(self) -> Topic:
        if self._topic is None:
            self._topic = self._make()
        return self._topic

    @property
    def paragraph(self) -> Attribution | None:
        return self._get().paragraph

    @property
    def document(self) -> Attribution | None:
        return self._get().document

    @property
    def main(self) -> Attribution | None:
        return self._get().main

    @property
    def place(self) -> Attribution | None:
        return self._get().place


_PEOPLE_AT = re.compile(r"\s+[a-z][\w-]*\s+(?:at|from|of|in)\s+(?:the\s+)?", re.IGNORECASE)


def _people_at(first: Mention, mentions: list[Mention], text: str | None) -> Mention | None:
    """The organisation of "our <people> at X" ("Our neighbours at X unveiled ..."): the
    subject is X's, not the voice's."""
    after = next((m for m in mentions if m.start >= first.end), None)
    if text is None or after is None or after.kind != "name" or after.tracked:
        return None
    return after if _PEOPLE_AT.fullmatch(text, first.end, after.start) else None


_PLACES = ("place", "territory")


def _opens_one_of(text: str, at: int) -> bool:
    """Whether "One of" (or another member word) opens the sentence right before `at`."""
    m = _one_of().search(text, max(0, at - 24), at)
    if m is None:
        return False
    lead = text[max(0, m.start() - 12) : m.start()].rstrip(" \t\"“‘'*_(")
    return not lead or lead[-1] in ".!?:\n"


@cache
def _one_of() -> re.Pattern[str]:
    """ "One of" (or another member word) right before a possessor: "One of Cyberport's"."""
    words = phrases_re(lexicon()["attribution"]["one_member"])
    return re.compile(rf"\b(?:{words})\s+(?:the\s+)?$", re.IGNORECASE)


def next_topic(
    mentions: list[Mention],
    topic: Topic,
    quote: QuoteRegion | None,
    config: ExtractConfig,
    text: str | None = None,
) -> Topic:
    """The topic after a sentence: its first subject, else its first possessor ("one of
    Cyberport's fastest-growing areas"), else the topic unchanged. A possessor whose set the
    subject is one member of ("One of Cyberport's graduates, TapKey, moved out") makes that
    member, someone else, the topic: "It raised US$2 million" is the member's."""
    subjects = [
        m
        for m in mentions
        if m.role == "subject"
        and m.kind != "pronoun"
        and not (text and is_dateline_place(text, text.rfind("\n", 0, m.start) + 1, m))
        and not (text and not m.tracked and in_brackets(text, m.start))  # "(HKBN Wire)"
    ]  # (the place of a dateline is where the text was written: "HONG KONG, 14 Sept -")
    first = subjects[0] if subjects else None
    if first is not None and first.kind == "territory" and text is not None:
        # "Hong Kong has built a framework for Web3, and Cyberport has become its home. Its
        # Web3 cluster ...": an organisation a later clause is about, not the city.
        first = next(
            (
                m
                for m in subjects
                if m.kind == "name" and NEXT_CLAUSE.search(text, first.end, m.start)
            ),
            first,
        )
    if first is None:
        first = next((m for m in mentions if m.role == "possessive" and m.entity), None)
        at = first.start if first is not None else 0
        if first is not None and text is not None and _opens_one_of(text, at):
            found = resolve(first, [], topic, quote, config)
            if found is not None:
                member = Attribution(f"a member of {found.entity}", False, "member")
                return Topic(member, member, topic.main, topic.place)
    if first is not None and first.kind == "first_person":
        first = _people_at(first, mentions, text) or first
    place = named_place(mentions, topic.place)  # (kept for a later "the park")
    if first is not None:
        found = resolve(first, [], topic, quote, config)
        if found:
            return Topic(found, found, topic.main, None if place == found else place)
    return topic if place is topic.place else replace(topic, place=place)
