"""Reading regular expressions: the literals any match must hold, and the pattern backwards.

Both serve speed only. A cue such as "by|up|further ... $" must end right where a figure
starts; searching the text before the figure tries every position in it, while matching
the reversed pattern against the reversed text tries only the end. Anything these functions
do not understand gives None, and the caller then runs the pattern as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from etl.extract.lexicon import safe_lower

try:  # the standard library's regular-expression parser
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - without it every pattern runs as written
    _sre = _sre_parse = None

_CATEGORIES = {
    "CATEGORY_DIGIT": r"\d",
    "CATEGORY_NOT_DIGIT": r"\D",
    "CATEGORY_SPACE": r"\s",
    "CATEGORY_NOT_SPACE": r"\S",
    "CATEGORY_WORD": r"\w",
    "CATEGORY_NOT_WORD": r"\W",
}


def required_literals(pattern: str) -> frozenset[str] | None:
    """Strings one of which every match of `pattern` contains (whitespace-free); None if unknown.

    "\\bunicorns?\\b" -> {"unicorn"}; "(?:AI|...).*(?:start-?ups|firms)" -> {"start", "firms"}.
    Whitespace splits literals, so a match across two pieces of text joined by a space (as
    classify joins the words before and after a figure) still has its literal in one piece.
    """
    groups = required_literal_groups(pattern)
    return max(groups, key=strength) if groups else None


def required_literal_groups(pattern: str) -> list[frozenset[str]]:
    """Sets of strings such that every match of `pattern` contains one string of each set.

    `required_literals` is the strongest of them; testing them all rules out more text.
    Empty when nothing is known.
    """
    return list(_literal_groups(pattern))


@lru_cache(maxsize=1024)
def _literal_groups(pattern: str) -> tuple[frozenset[str], ...]:
    """`required_literal_groups`, worked out once per pattern (parsing one takes a while)."""
    if _sre_parse is None:
        return ()
    try:
        return tuple(_groups(list(_sre_parse.parse(pattern).data)))
    except Exception:  # an unexpected parse tree: claim nothing
        return ()


def _required(items: list) -> frozenset[str] | None:
    options = _groups(items)
    return max(options, key=strength) if options else None


def _groups(items: list) -> list[frozenset[str]]:
    options: list[frozenset[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            options.append(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        if op is _sre.LITERAL and not chr(av).isspace():
            run.append(chr(av))
            continue
        flush()
        if op is _sre.SUBPATTERN:
            found = _required(list(av[-1].data))
        elif op is _sre.BRANCH:
            branches = [_required(list(b.data)) for b in av[1]]
            found = frozenset().union(*branches) if all(branches) else None
        elif op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT) and av[0] >= 1:
            found = _required(list(av[2].data))
        else:  # classes, anchors, look-arounds, optional parts: nothing certain
            found = None
        if found:
            options.append(found)
    flush()
    return options


def any_of(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern whose `search` says whether a text holds any of `words` (not which one).

    The words share their prefixes ("co(?:mmitted|st)"), so the engine tries one branch per
    letter at each position instead of one per word (several times quicker on long lists).
    """
    unique = sorted(set(words))
    if not unique or "" in unique:
        return re.compile("" if unique else "(?!)")
    return re.compile(_prefix_tree(unique))


FEW_WORDS = 16  # up to this many words, a substring test each is quicker than one search


@lru_cache(maxsize=256)  # by the pattern's text: a Pattern hashes its compiled program
def literal_tests(pattern: str) -> tuple[re.Pattern[str] | tuple[str, ...], ...]:
    """For a case-insensitive `pattern`: one test per group of words that every match holds
    (`required_literal_groups`), to run over text lower-cased by `safe_lower` (`may_match`):
    the words themselves when they are few (FEW_WORDS), else a search for any of them.
    Only groups of ASCII words: re.IGNORECASE may equate other letters that lower() keeps
    apart (Greek sigmas)."""
    groups = required_literal_groups(pattern)
    return tuple(
        _any_word({w.lower() for w in words}) for words in groups if all(w.isascii() for w in words)
    )


def _any_word(words: set[str]) -> re.Pattern[str] | tuple[str, ...]:
    if "" not in words and 0 < len(words) <= FEW_WORDS:
        return tuple(sorted(words))
    return any_of(words)


def may_match(tests: tuple[re.Pattern[str] | tuple[str, ...], ...], low: str | None) -> bool:
    """False only when `low` (a text lower-cased by `safe_lower`, or None when it could not
    be) fails one of `tests` (`literal_tests`): then the pattern cannot match the text."""
    if low is None:
        return True
    for t in tests:  # (loops, not all() and any() over generators: this runs for every figure)
        if isinstance(t, tuple):
            for word in t:
                if word in low:
                    break
            else:
                return False
        elif t.search(low) is None:
            return False
    return True


_VERBOSE = int(re.VERBOSE)  # (a plain int: "&" with the enum member runs Python code)


def gated_search(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """`pattern.search(text, pos, endpos)`, not run when text[pos:endpos] lacks a word that
    every match holds (`literal_tests`): then it finds nothing."""
    end = len(text) if endpos is None else endpos
    if not pattern.flags & _VERBOSE and not may_match(
        literal_tests(pattern.pattern), safe_lower(text[pos:end])
    ):
        return None
    return pattern.search(text, pos, end)


def last_match(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> re.Match[str] | None:
    """The last of `pattern.finditer(text, pos, endpos)`, None when there is none; sought only
    when text[pos:endpos] holds a word every match holds (`gated_search`)."""
    end = len(text) if endpos is None else endpos
    last = gated_search(pattern, text, pos, end)
    if last is not None:
        for last in pattern.finditer(text, last.end(), end):  # noqa: B007, B020 (the last one)
            pass
    return last


def _prefix_tree(words: list[str]) -> str:
    """An alternation finding the same texts as `words` (non-empty), merged by prefix."""
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w[1:])
    branches = []
    for first, rests in by_first.items():
        if "" in rests:  # the letter ends a word: a longer word holding it adds nothing
            branches.append(re.escape(first))
        elif len(rests) == 1:
            branches.append(re.escape(first + rests[0]))
        else:
            branches.append(re.escape(first) + "(?:" + _prefix_tree(rests) + ")")
    return "|".join(branches)


# An upper-case letter outside an escape and "(?P": the letters `for_lower_case` lowers.
_UPPER_LETTER = re.compile(r"\\.|\(\?P(?:<\w+>|=\w+\))?|([A-Z])")


def for_lower_case(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` without re.IGNORECASE, for text lower-cased by `safe_lower`.

    Exact there: such text has no "ı" or "ſ", and every other character matches an ASCII
    letter ignoring case exactly when its lower case is that letter; lower() keeps \\w, \\d
    and \\s (tests check both). Case folding at each letter makes these searches slow.
    Letters are lower-cased except in escapes ("\\S") and group names; only ASCII letters.
    """
    twin = lower_case_twin(pattern.pattern, pattern.flags)
    if twin.groupindex != pattern.groupindex:
        raise ValueError(f"cannot lower-case {pattern.pattern!r}")
    return twin


def lower_case_twin(source: str, flags: int) -> re.Pattern[str]:
    """`for_lower_case` of the pattern `source` (with `flags`), which need not be compiled."""
    lowered = _UPPER_LETTER.sub(lambda m: m[1].lower() if m[1] else m[0], source)
    cased = [c for c in lowered if not c.isascii() and c.lower() != c.upper()]
    if cased or "(?-i" in source:  # (a part read case by case cannot be read lower-cased)
        raise ValueError(f"cannot lower-case {source!r}")
    return re.compile(lowered, flags & ~re.IGNORECASE)


def strength(words: frozenset[str]) -> tuple[int, int]:
    """Prefer literals that are long (rare) and few."""
    return min(len(w) for w in words), -len(words)


def reversed_end_pattern(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """For a pattern ending in "$": one whose `match` on reversed text says if it `search`es.

    `pattern.search(t)` finds a match exactly when `result.match(t[::-1])` does (only whether,
    not where). None when the pattern does not end in "$" or uses look-arounds, back
    references or inline flags.
    """
    if _sre_parse is None:
        return None
    try:
        items = list(_sre_parse.parse(pattern.pattern, pattern.flags).data)
        if not items or items[-1] != (_sre.AT, _sre.AT_END):
            return None
        body = _reverse(items[:-1])
    except (_Unsupported, re.error, TypeError, ValueError):
        return None
    # "$" also matches before a final newline: let the reversed match skip one.
    return re.compile(r"\n?(?:" + body + ")", pattern.flags & ~re.UNICODE)


class _Unsupported(Exception):
    pass


def _reverse(items: list) -> str:
    return "".join(_item(op, av) for op, av in reversed(items))


def _item(op, av) -> str:
    if op is _sre.LITERAL:
        return re.escape(chr(av))
    if op is _sre.NOT_LITERAL:
        return "[^" + _class_char(av) + "]"
    if op is _sre.ANY:
        return "."
    if op is _sre.IN:
        return "[" + "".join(_class_item(o, a) for o, a in av) + "]"
    if op is _sre.BRANCH:
        return "(?:" + "|".join(_reverse(list(b.data)) for b in av[1]) + ")"
    if op is _sre.SUBPATTERN:
        if av[1] or av[2]:
            raise _Unsupported("inline flags")
        return "(?:" + _reverse(list(av[-1].data)) + ")"
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        lo, hi, sub = av
        hi_s = "" if hi is _sre.MAXREPEAT else str(hi)
        return "(?:" + _reverse(list(sub.data)) + "){" + f"{lo},{hi_s}" + "}"
    if op is _sre.AT and av in (_sre.AT_BOUNDARY, _sre.AT_NON_BOUNDARY):
        return r"\b" if av is _sre.AT_BOUNDARY else r"\B"
    raise _Unsupported(str(op))


def _class_char(code: int) -> str:
    ch = chr(code)
    return "\\" + ch if ch in "\\]^-[" else ch


def _class_item(op, av) -> str:
    if op is _sre.LITERAL:
        return _class_char(av)
    if op is _sre.NEGATE:
        return "^"
    if op is _sre.RANGE:
        return _class_char(av[0]) + "-" + _class_char(av[1])
    if op is _sre.CATEGORY and str(av) in _CATEGORIES:
        return _CATEGORIES[str(av)]
    raise _Unsupported(str(op))
