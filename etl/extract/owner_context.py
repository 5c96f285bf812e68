"""Whose a figure is when its sentence names no owner: the speaker's or writer's organisation,
else the document's main organisation, unless the sentence names someone else; and a guess
for a reviewer when nothing settles it. SentenceContext takes these from OwnerContext.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache

from etl.extract.attribution import Attribution
from etl.extract.clauses import clause_end, clause_start
from etl.extract.context_cues import here_words, there_words
from etl.extract.doubtful_figures import invested_in
from etl.extract.lexicon import lexicon
from etl.extract.main_organisation import organisations_named
from etl.extract.mentions import Mention
from etl.extract.name_patterns import cached_patterns
from etl.extract.section_view import SectionView, SentenceId
from etl.extract.sentences import Sentence


class OwnerContext:
    """The owner half of a sentence's surroundings (etl.extract.sentence_context)."""

    def plural_of_counted(
        self, mentions: list[Mention], pos: int, counted: Attribution | None
    ) -> Attribution | None:
        """The owner of the companies the sentence before counted (`counted`), when a plural
        pronoun before the figure at `pos` stands for them ("Over 400 start-ups have been
        admitted ... Their products now reach more than 20 markets"), not a name earlier on."""
        if counted is None or not counted.tracked:
            return None
        text = self.view.text
        plural = plural_pronouns()
        for m in mentions:
            if m.end <= pos and m.kind == "pronoun" and text[m.start : m.end].lower() in plural:
                return replace(counted, how="previous")
        return None

    view: SectionView
    sid: SentenceId
    sentence: Sentence

    def heading(self) -> str | None:  # SentenceContext's: the heading above the sentence
        raise NotImplementedError

    def recipient_owner(self, pos: int) -> Attribution | None:
        """The tracked organisation, when the money ending at `pos` went into its companies
        ("members of its investor network invested HK$460 million in Cyberport start-ups")."""
        who = invested_in(self.view.text, pos)
        config = self.view.config
        if who is None or cached_patterns(config).tracked.search(who) is None:
            return None
        return Attribution(config.name, True, "name")

    def fallback_owner(
        self, mentions: list[Mention], pos: int, counts_places: bool = False
    ) -> Attribution | None:
        """When the sentence names no owner: the speaker's or writer's organisation, else the
        document's main organisation, unless the sentence names someone else. `counts_places`:
        the figure counts places, so places after it are what it counts, not whose it is."""
        if counts_places:
            mentions = [
                m for m in mentions if not (m.kind in ("place", "territory") and m.start > pos)
            ]
        if any(_names_someone_else(m) for m in mentions):
            return None
        s = self.sentence
        lo, hi = clause_start(self.view.text, s.start, pos), clause_end(self.view.text, pos, s.end)
        here = here_words().search(self.view.text, pos, hi) is not None and not any(
            m.kind == "first_person" and lo <= m.start < pos for m in mentions
        )  # ("we had barely 300 companies on campus": whoever "we" are)
        city_only = all(  # (the city's set, and no one else but the organisation named)
            (m.kind == "territory" and m.role == "possessive")
            or m.tracked
            or m.kind == "first_person"  # (whose, the quotation below says)
            for m in mentions
        )
        if not (self.view.unnamed_may_be_tracked(self.sid) or (here and city_only)):
            return None  # (but "Three of Hong Kong's unicorns grew up here" is the place's)
        if any(m.kind == "territory" and pos < m.start < hi for m in mentions) and not here:
            return None  # "2,200 start-ups across the city": the city's (not "... grew up here")
        if not here and any(
            m.kind == "territory" and m.role == "prep" and lo <= m.start < pos for m in mentions
        ):
            return None  # "Investment in the city totalled US$46 million": the city's
        if any(m.kind == "pronoun" and m.role == "subject" and m.end <= pos for m in mentions):
            if self._opens_own_section():  # "## Unicorn count" / "It is now nine."
                return Attribution(self.view.config.name, True, "topic")
            return None  # "They have more than 800 companies": whoever "they" are
        view = self.view
        quote = view.quote_at(self.sid[0], pos)
        if quote is not None:
            if quote.speaker_tracked:
                return Attribution(view.config.name, True, "voice")
            if quote.speaker_entity:
                return Attribution(quote.speaker_entity, False, "voice")
        main = view.model.main
        if main is not None and main.tracked:
            return Attribution(view.config.name, True, "here" if here else "document")
        return None

    def _opens_own_section(self) -> bool:
        """Whether the sentence opens the first paragraph under a heading that names no one,
        in a text the tracked organisation publishes: a pronoun there stands for the heading's
        subject, a part of the organisation's own news ("## Unicorn count" / "It is now nine.")."""
        view, (p, j) = self.view, self.sid
        model = view.model
        own = model.main_stated or (model.publisher is not None and model.publisher.tracked)
        if j or not own or model.main is None or not model.main.tracked:
            return False
        heading = self.heading()
        span = model.heading(self.sentence.start)
        if heading is None or span is None or (p and view.paragraphs[p - 1][1] < span[0]):
            return False  # (no heading, or another paragraph between it and the sentence)
        named = organisations_named(view.text[span[0] : span[1]], view.config)
        return all(tracked for _, tracked in named)

    def points_back(self, mentions: list[Mention], pos: int) -> bool:
        """Whether the figure at `pos` is said to be "there" (after it, in its clause) in a
        sentence that names no one else: at the place the sentence before named."""
        if any(_names_someone_else(m) for m in mentions):
            return False
        hi = clause_end(self.view.text, pos, self.sentence.end)
        return there_words().search(self.view.text, pos, hi) is not None

    def unsure_owner(self, mentions: list[Mention], start: int, end: int) -> Attribution | None:
        """A guess for a reviewer when nothing settles whose the figure at text[start:end] is:
        the tracked organisation, when the document is about it or its paragraph names it,
        and no one else is named in the figure's clause."""
        view, s = self.view, self.sentence
        heading = view.heading(self.sid[0])  # "About InvestHK" above: theirs
        if heading is not None and not heading.tracked:
            return None
        lo, hi = clause_start(view.text, s.start, start), clause_end(view.text, end, s.end)
        if _named_after(mentions, end, hi):  # "Acme is one of 1,400 companies in the X community"
            return Attribution(view.config.name, True, "unsure")
        if any(_names_someone_else(m) and lo <= m.start < hi for m in mentions):
            return None
        if any(m.kind == "territory" and start < m.start < hi for m in mentions):
            return None  # "2,200 start-ups across the city"
        if any(m.kind in ("place", "territory") and lo <= m.start < start for m in mentions):
            return None  # "Shenzhen's Nanshan district hosts 5,000 tech firms"
        if any(m.kind == "first_person" and lo <= m.start < start for m in mentions):
            return None  # "we had barely 300 companies": whoever "we" are
        # (Each condition is one `SectionView.may_be_tracked` lets through.)
        p, j = self.sid
        main = view.model.main
        about = (
            main is not None and main.tracked and view.unnamed_may_be_tracked(self.sid)
        ) or any(m.tracked for k in range(j + 1) for m in view.mentions_of((p, k)))
        return Attribution(view.config.name, True, "unsure") if about else None

    def owner_sure(self, who: Attribution) -> bool:
        """A document owner beyond doubt: the document is by or about the tracked organisation
        (an About paragraph or a byline says so) and neither its paragraph nor the sentence
        before it names anyone else."""
        if who.how != "document" or not who.tracked or not self.view.model.main_stated:
            return False
        p = self.sid[0]
        here = [(p, j) for j in range(len(self.view.paragraph(p)))]
        before = [(p - 1, len(self.view.paragraph(p - 1)) - 1)] if p else []  # its last sentence
        return not any(
            _names_someone_else(m) for sid in before + here for m in self.view.mentions_of(sid)
        )


def _named_after(mentions: list[Mention], end: int, hi: int) -> bool:
    """Whether the first name after a figure's words (ending at `end`), in its clause (ending
    at `hi`), is the tracked organisation's, after a preposition ("... 1,400 companies in the
    Cyberport community"): a guess for a reviewer even when the subject is someone else."""
    after = [m for m in mentions if end <= m.start < hi and m.kind != "pronoun"]
    return bool(after) and after[0].tracked and after[0].kind == "name" and after[0].role == "prep"


def _names_someone_else(m: Mention) -> bool:
    if m.tracked or m.kind in ("pronoun", "first_person", "place_word", "territory"):
        return False  # (the city owns a figure only where attribution says so: a dateline)
    if m.kind == "place" and m.role in ("prep", "possessive"):
        return False
    return m.entity is not None or m.kind == "name"


@cache
def plural_pronouns() -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon()["attribution"]["plural_continuing"])
