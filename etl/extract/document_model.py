"""What a whole document is about, worked out once before any of its sentences is read.

Its main organisation (title, About paragraph, byline, the organisation most named), whose
words it is in (a by-lined column, an interview, a speech: the writer's or speaker's
organisation is what "we" means), the programmes, funds and networks it names with their
acronyms (a programme's intake is its organisation's; a fund's own figures are no community
figures), the heading or lead-in each paragraph sits under, and its tables. The cue words come
from etl/data/document.toml; nothing here is specific to one language.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from etl.config import ExtractConfig
from etl.extract.attribution import Attribution
from etl.extract.authors import find_author, voice_lines
from etl.extract.headings import find_headings
from etl.extract.main_organisation import find_main
from etl.extract.programmes import Unit, defined_names, find_units, own_unowned, unit_keys
from etl.extract.sentences import split_paragraphs
from etl.extract.short_names import defined_short_names
from etl.extract.speakers import profiles_head
from etl.extract.tables import Table, find_tables
from etl.extract.tracked_aliases import alias_re, find_aliases


@dataclass(frozen=True)
class DocumentModel:
    """A document read as a whole (see the module docstring); offsets point into its text."""

    main: Attribution | None = None
    main_stated: bool = False  # an About paragraph or a byline names the main organisation
    # The organisation whose own publication this is (its About paragraph): a "we" outside
    # quotation marks is its own.
    publisher: Attribution | None = None
    others: tuple[str, ...] = ()  # the other organisations it names, most named first
    author: Attribution | None = None  # whose "we" the writer's or speaker's own words are
    voiced: frozenset[int] = frozenset()  # starts of the paragraphs in the author's words
    # `head_profiled` and `main_we` (below), worked out when first asked for: most texts never
    # ask, having no "we" or quotation where a figure's owner is looked for.
    voice_info: _VoiceInfo | None = None
    units: dict[str, Unit] = field(default_factory=dict)  # name or acronym, lower case
    # Where each unit is named (its full name or its acronym's definition), in text order: "the
    # programme" stands for the latest named before it.
    unit_order: tuple[tuple[int, Unit], ...] = ()
    unit_keys: re.Pattern[str] | None = None  # the acronyms of the tracked organisation's units
    defined: dict[str, str] = field(default_factory=dict)  # other acronyms -> the names defined
    short_names: dict[str, str] = field(default_factory=dict)  # "the park" -> another's name
    # Other names the text gives the tracked organisation in brackets ("Cyberport (Digital
    # Port)", the words a translation uses for it).
    aliases: re.Pattern[str] | None = None
    heading_at: tuple[int, ...] = ()  # paragraph starts, sorted, with `headings` alongside
    headings: tuple[tuple[int, int] | None, ...] = ()  # the span of the heading above each
    lead_ins: dict[int, tuple[int, int]] = field(default_factory=dict)  # paragraph -> lead-in
    tables: tuple[Table, ...] = ()
    paragraphs: tuple[tuple[int, int], ...] = ()  # the whole text's, as `split_paragraphs` gives

    def heading(self, pos: int) -> tuple[int, int] | None:
        """The span of the heading the paragraph holding `pos` sits under, if any."""
        i = bisect_right(self.heading_at, pos) - 1
        return self.headings[i] if i >= 0 else None

    @property
    def head_profiled(self) -> bool:
        """The text profiles a head of the tracked organisation (an interview, a profile): the
        quotations that name no speaker are theirs."""
        return self.voice_info is not None and self.voice_info.head_profiled()

    @property
    def main_we(self) -> bool:
        """An unmarked "we" is taken for the tracked organisation's (unsure): the text is about
        it, is no speech, and either profiles its head (an interview with a reporter's byline)
        or says of no one whose words it is (no byline or guest line)."""
        return self.voice_info is not None and self.voice_info.main_we()

    def speaks(self, paragraph_start: int) -> bool:
        """Whether the paragraph starting at `paragraph_start` is in the author's own words."""
        return self.author is not None and paragraph_start in self.voiced


EMPTY = DocumentModel()


class _VoiceInfo:
    """`DocumentModel.head_profiled` and `main_we` of a text, each worked out once when asked."""

    def __init__(
        self, text: str, lines: list[list[tuple[int, int]]], config: ExtractConfig,
        main: Attribution | None, quiet: bool,
    ) -> None:  # fmt: skip
        self.text, self.lines, self.config, self.main = text, lines, config, main
        self.quiet = quiet  # no author or publisher speaks for the text
        self._head: bool | None = None
        self._we: bool | None = None

    def head_profiled(self) -> bool:
        if self._head is None:
            main = self.main
            self._head = main is not None and main.tracked and profiles_head(self.text, self.config)
        return self._head

    def main_we(self) -> bool:
        if self._we is None:
            main = self.main
            self._we = (
                main is not None
                and main.tracked
                and self.quiet
                and _we_unmarked(self.text, self.lines, self.head_profiled())
            )
        return self._we


def _we_unmarked(text: str, lines: list[list[tuple[int, int]]], head_profiled: bool) -> bool:
    speech, byline = voice_lines(text, lines)
    return not speech and (head_profiled or not byline)


def build_model(text: str, config: ExtractConfig, title: str | None = None) -> DocumentModel:
    """The document model of `text` (the whole normalised text of a document)."""
    paragraphs = split_paragraphs(text)
    if not paragraphs:
        return EMPTY
    lines = _first_lines(text, paragraphs)
    heading_at, headings, lead_ins = find_headings(text, paragraphs, lines)
    author, voiced = find_author(text, paragraphs, lines, config)
    main, others, stated, publisher = find_main(text, paragraphs, lines, config, title, author)
    units, unit_order = own_unowned(text, *find_units(text, config), main, config)
    aliases = find_aliases(text, config)
    return DocumentModel(
        main=main,
        main_stated=stated,
        publisher=publisher,
        others=others,
        author=author,
        voiced=voiced,
        voice_info=_VoiceInfo(text, lines, config, main, author is None and publisher is None),
        units=units,
        unit_order=unit_order,
        unit_keys=unit_keys(units, unit_order, aliases, main, config),
        defined=defined_names(text, config),
        short_names=defined_short_names(text, config),
        aliases=alias_re(aliases),
        heading_at=heading_at,
        headings=headings,
        lead_ins=lead_ins,
        tables=tuple(find_tables(text)),
        paragraphs=tuple(paragraphs),
    )


_NON_SPACE = re.compile(r"\S")


def _first_lines(text: str, paragraphs: list[tuple[int, int]]) -> list[list[tuple[int, int]]]:
    """The lines of each paragraph as spans (only the first few of long paragraphs)."""
    out = []
    for a, b in paragraphs:
        if text.find("\n", a, b) < 0 and a < b and not text[a].isspace():
            out.append([(a, b)])  # one line (most paragraphs): the loop below gives the same
            continue
        spans, pos = [], a
        while pos < b and len(spans) < 6:
            nl = text.find("\n", pos, b)
            end = b if nl < 0 else nl
            if not text[pos].isspace() or _NON_SPACE.search(text, pos, end):  # (not blank)
                spans.append((pos, end))
            pos = end + 1
        out.append(spans)
    return out
