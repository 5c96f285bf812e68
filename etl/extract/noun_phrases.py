"""The noun phrase after a figure: the words up to punctuation, a figure or a linking word."""

from __future__ import annotations

import re
from functools import lru_cache

from etl.extract.number_words import NUMBER_WORDS

# Words that end the noun phrase after a figure.
NP_STOP = frozenset(
    [
        "in",
        "at",
        "from",
        "with",
        "of",
        "to",
        "for",
        "by",
        "including",
        "includes",
        "include",
        "which",
        "that",
        "who",
        "whose",
        "while",
        "where",
        "have",
        "has",
        "had",
        "is",
        "are",
        "was",
        "were",
        "will",
        "would",
        "across",
        "around",
        "over",
        "under",
        "since",
        "during",
        "on",
        "among",
        "as",
        "through",
        "into",
        "spanning",
        "covering",
        "alone",
        "than",
        "per",
        "each",
        "this",
        "these",
        "those",
        "it",
        "its",
        "their",
        "his",
        "her",
        "such",
        "like",
        "via",
        "but",
        "or",
        "nor",
        "so",
        "yet",
        "from",
        "a",  # "50 companies a year ago", "HK$2 billion a year"
        "an",
        "won",  # "Fifteen apps won awards": the apps counted, not the awards
        "win",
        "wins",
        "shared",
        "respectively",  # "462, 601 and 758 respectively were start-ups": no noun
        "recorded",  # "double the HK$6.9 billion recorded a year earlier"
        "reported",
        "came",  # "of which HK$140 million came in 2010 alone": a verb, no noun
        "come",
        "comes",
    ]
)
# A number word starts the next figure: "four listed companies and seven unicorns".
_NP_NUMBER_WORDS = frozenset(NUMBER_WORDS)
_NP_TOKEN = re.compile(r"\s*(\([A-Z][\w&-]{1,9}\)|[A-Za-z](?:[\w&'’-]|\.(?=\w))*|\S)")
# An abbreviation in brackets inside a noun phrase: "technology (ICT) companies".
_ACRONYM = re.compile(r"\([A-Z][\w&-]{1,9}\)")
_MAX_NP_WORDS = 8


def noun_phrase(text: str, start: int, limit: int) -> tuple[int, int]:
    """The span of the words after a figure, up to punctuation, a figure or a linking word."""
    # A phrase never runs past a mark no word holds: only the text up to it is read.
    cut = _NP_END.search(text, start, limit)
    while cut and cut.group() == "(" and (acronym := _ACRONYM.match(text, cut.start(), limit)):
        cut = _NP_END.search(text, acronym.end(), limit)
    if (
        cut
        and cut.group() == ","
        and _SERIAL_HEAD.fullmatch(text, start, cut.start())
        and _phrase_length(text[start : cut.start()]) == len(text[start : cut.start()].rstrip())
    ):
        serial = _SERIAL.match(text, cut.start(), limit)
        if serial:  # "70 IT, media and telecommunications companies": one noun phrase
            last = serial.end() - 1  # (its last item)
            cut = _NP_END.search(text, last, limit)
            return start, last + _phrase_length(text[last : cut.end() if cut else limit])
    return start, start + _phrase_length(text[start : cut.end() if cut else limit])


# After "and", words that open a noun phrase of its own, not the last of a list of nouns.
_NEW_PHRASE = frozenset(["the", "its", "our", "their", "this", "these", "those", "his", "her"])
# Characters no word token holds: the phrase ends at one at the latest.
_NP_END = re.compile(r"[,;:!?()\[\]\"“”]")
# The first modifier of a list of them before one noun ("IT", "local"): one or two words, the
# last no plural (a head noun, "companies, media ...", ends the phrase there), or an acronym.
_SERIAL_HEAD = re.compile(r"\s*(?:[A-Za-z][\w&-]*\s+)?(?:[A-Z][A-Z0-9&]+|[a-z][\w&-]*[^\Ws])\s*")
# The rest of the list: more modifiers, then "and"/"or" and the last one with the noun.
_SERIAL = re.compile(
    r",\s+(?:[A-Za-z][\w&-]*(?:\s+[A-Za-z][\w&-]*)?,\s+){0,3}"
    r"(?:[A-Za-z][\w&-]*\s+){1,2}(?:and|or|&)\s+[A-Za-z]"
)


@lru_cache(maxsize=8192)
def _phrase_length(text: str) -> int:
    """How far the noun phrase at the start of `text` runs (phrases after figures recur)."""
    pos, end, words, limit = 0, 0, 0, len(text)
    while pos < limit and words < _MAX_NP_WORDS:
        m = _NP_TOKEN.match(text, pos, limit)
        if not m:
            break
        tok = m.group(1).lower()
        acronym = tok[0] == "(" and len(tok) > 1  # "(ICT)"
        caps = len(tok) > 1 and m.group(1).isupper()  # "IT", not the pronoun "it"
        if not (tok[0].isalpha() or acronym) or tok in _NP_NUMBER_WORDS:
            break
        if tok in NP_STOP and not caps:
            break
        if tok == "and":
            nxt = _NP_TOKEN.match(text, m.end(), limit)
            if not nxt:
                break
            following = nxt.group(1).lower()
            if not following[0].isalpha() or following in NP_STOP or following in _NP_NUMBER_WORDS:
                break  # "... and 7 unicorns": the phrase ends before the next figure
            if following in _NEW_PHRASE:
                break  # "2,100 start-ups and the community keeps growing": another subject
        pos = end = m.end()
        words += 1
    return end
