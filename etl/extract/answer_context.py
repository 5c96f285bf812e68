"""Whether a sentence answers a question, and what the question asked: "Q: How many
unicorns?" / "A: Six.", a question ending the paragraph before, a plan asked about ("What will
success look like in 2025?") or a heading of plans. SentenceContext takes these from
AnswerContext."""

from __future__ import annotations

import re

from etl.extract.authors import marked_question
from etl.extract.context_cues import verb_before
from etl.extract.figure import Figure
from etl.extract.figure_cues import cues
from etl.extract.owner_context import OwnerContext

OPENING = re.compile(r"[\W_]*(?:[A-Z]\s*[:.)]\s*)?(?:[\w-]+\s+){0,2}$")
_SHORT_ANSWER_WORDS = 8
_ANSWER_SENTENCES = 3  # the first sentences of an answer answer its question


class AnswerContext(OwnerContext):
    """The question-and-answer half of a sentence's surroundings (sentence_context)."""

    def _text(self) -> str:
        return self.view.text[self.sentence.start : self.sentence.end]

    def _answers_before(self, f: Figure) -> bool:
        """Whether the figure opens its sentence or the sentence is a short answer ("Six."), or
        the figure follows a verb ("it was about 600")."""
        s = self._text()
        return (
            bool(OPENING.fullmatch(s, 0, f.start))
            or len(s.split()) <= _SHORT_ANSWER_WORDS
            or self._after_verb(f)
        )

    def answers_a_plan(self) -> bool:
        """Whether the sentence answers a question about what is planned or hoped for ("What
        will success look like in 2025?"), in the first sentences of its answer, or stands
        under a heading of plans ("Priorities for 2026" / "- Admit at least 200 start-ups")."""
        heading = self.heading()
        if heading is not None and cues()["plan_heading"].match(heading):
            return True
        if not self._asked():
            return False
        return cues()["plan_question"].search(self._question()) is not None

    def _asked(self) -> bool:
        """Whether the sentence answers a question: one ends the sentence or paragraph before."""
        p, j = self.sid
        if j:
            if self.view.sentence_text((p, j - 1)).rstrip().endswith("?"):
                return True
            return self._asked_in() is not None  # "Q: ...?" / "A: Everywhere. Over 25 ..."
        if not p:
            return False
        # The paragraph before: a "?" ending its last sentence is one in it (no need to split it).
        a, b = self.view.paragraphs[p - 1]
        # ("Q: Everyone asks about unicorns." / "A: Fourteen.": marked, if not asked)
        return "?" in self.view.text[a:b] or marked_question(self.view.text, a, b)

    def _asked_in(self) -> int | None:
        """The paragraph of the question the few sentences before end with, if any."""
        for cur in self.view.before(self.sid, _ANSWER_SENTENCES):
            s = self.view.sentence(cur)
            if self.view.text[s.start : s.end].rstrip().endswith("?"):
                # (on a line of its own: "What has changed? First, money." asks no one)
                return cur[0] if "\n" in self.view.text[s.end : self.sentence.start] else None
        return None

    def _question(self) -> str:
        """The paragraph of the sentence before, the whole question the sentence answers
        ("Q: And unicorns? People always ask."), or of the question a few sentences before."""
        p = self.view.previous(self.sid)[0]
        if p == self.sid[0]:
            p = self._asked_in()
            p = self.sid[0] if p is None else p
        a, b = self.view.paragraphs[p]
        if p == self.sid[0]:  # "Q: How many ...?\nA: Roughly 370. ...": the question alone
            b = min(b, self.sentence.start)
        return self.view.text[a:b]

    def _after_verb(self, f: Figure) -> bool:
        s = self._text()
        return bool(verb_before().search(s, max(0, f.start - 30), f.start))
