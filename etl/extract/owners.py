"""A sentence's names read with the document model: units, their acronyms, joint subjects.

`find_mentions` knows names one sentence at a time. Here each name is looked up in what the
whole document says: "CIP" is the tracked organisation's incubation programme (its intake is
the organisation's), "Cyberport Macro Fund" is a fund of it whose own figures are not the
community's, and "the two parks" is the tracked organisation and another together.
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise

from etl.config import ExtractConfig
from etl.extract.document_model import DocumentModel
from etl.extract.figure_cues import cues as figure_cues
from etl.extract.lexicon import document_cues as cues
from etl.extract.lexicon import lexicon, phrases_re, safe_lower
from etl.extract.mentions import Mention, clean_name, role
from etl.extract.name_patterns import cached_patterns
from etl.extract.number_words import NUMBER_WORD_SET
from etl.extract.programmes import Unit, programme_ref_re, unit_of
from etl.extract.referents import Attribution, can_be_place
from etl.extract.regex_parts import literal_tests, may_match
from etl.extract.short_names import as_defined


def read_mentions(
    text: str, s_start: int, s_end: int, ms: list[Mention], model: DocumentModel,
    config: ExtractConfig,
) -> list[Mention]:  # fmt: skip
    """`ms` (the names of text[s_start:s_end]) with units resolved and joint subjects added."""
    low = safe_lower(text[s_start:s_end])  # for the cheap tests before each pattern is run
    out = [
        _unit_mention(text, as_defined(text, m, model.short_names), model, config)
        for m in _with_programmes(text, s_start, s_end, ms, config, low)
    ]
    if model.aliases is not None:  # "Digital Port", the name a translation gives it
        out = _with_aliases(text, s_start, s_end, out, model.aliases, config)
    out = _scoped_by_opener(text, s_start, out)
    out = _without_described_we(text, out)
    out = _place_words_named(text, out)
    # Every phrase for both ("both parks ... the two parks together have ..."), each its own
    # subject: the one nearest a figure is its owner.
    joints = (
        list(_joint_re().finditer(text, s_start, s_end))
        if may_match(literal_tests(_joint_re().pattern), low)
        else []
    )
    spans = [_with_apposition(text, j.start(), j.end(), out) for j in joints]
    if (joined := _joined(text, out, s_start, s_end)) is not None:
        spans.append(joined.span())
    for a, b in spans:  # it stands for the names inside it ("the city's flagship campuses")
        name = joint_name(config, model)
        out = [m for m in out if not (m.start < b and a < m.end)]
        out.append(Mention(a, b, name, False, "name", "subject"))
    return sorted(out) if spans else out


def _scoped_by_opener(text: str, s_start: int, ms: list[Mention]) -> list[Mention]:
    """`ms` with a description of the tracked organisation ("the incubation programme") in a
    sentence opened by another organisation, as its place ("At Hong Kong Science Park, the
    incubation programme has about 150 companies") or as its subject with no tracked name
    between ("HKSTP said it had admitted 1,000 start-ups since the programme began"), standing
    for that other organisation."""
    out = list(ms)
    opener = out[0] if out else None
    if opener is None or opener.tracked or not opener.entity or opener.kind != "name":
        return out
    at_place = opener.role == "prep" and _PLACE_OPENING.fullmatch(text, s_start, opener.start)
    as_subject = opener.role == "subject" and _OPENING.fullmatch(text, s_start, opener.start)
    if not at_place and not (as_subject and can_be_place(Attribution(opener.entity, False))):
        return out  # (a start-up's subject: "the community" after it is still the hub's)
    for k in range(1, len(out)):
        m = out[k]
        if m.tracked and not _DESCRIPTION.match(text, m.start):
            break  # the tracked organisation named: its own descriptions after it
        if not m.tracked or m.kind not in ("name", "place_word"):
            continue
        beside = at_place and _COMMA_GAP.fullmatch(text, opener.end, m.start)
        if beside or (not at_place and m.kind == "name"):  # (as subject: "the programme" only)
            out[k] = m._replace(entity=opener.entity, tracked=False)
    return out


def _place_words_named(text: str, ms: list[Mention]) -> list[Mention]:
    """`ms` with a place word that the tracked organisation's name right after it qualifies
    ("The digital entertainment and e-sports cluster at Cyberport", "the community of
    Cyberport") as that name: it is named, whoever speaks."""
    out: list[Mention] = []
    for m in ms:
        word = out[-1] if out else None
        if (
            m.kind == "name"
            and m.tracked
            and word is not None
            and word.kind == "place_word"
            and figure_cues()["named_by"].fullmatch(text, word.end, m.start)
        ):
            out[-1] = word._replace(kind="name", entity=m.entity, tracked=True)
            continue
        out.append(m)
    return out


def _without_described_we(text: str, ms: list[Mention]) -> list[Mention]:
    """`ms` without a "we" that only describes the name before it, in an apposition ("Hong
    Kong Science Park, our sister organisation at Pak Shek Kok, now houses ..."): the name,
    not the speaker, is the subject."""
    out = []
    for k, m in enumerate(ms):
        before = ms[k - 1] if k else None
        if (
            m.kind == "first_person"
            and before is not None
            and before.kind == "name"
            and not before.tracked
            and figure_cues()["apposition_we"].fullmatch(text, before.end, m.end)
            and _APPOSITION_END.match(text, m.end)
        ):
            continue
        out.append(m)
    return out


# An apposition after ", our", closed by a comma before any clause mark.
_APPOSITION_END = re.compile(r"[^,;:.!?()\"“”]{1,60},")
_DESCRIPTION = re.compile(r"the\s", re.IGNORECASE)
_OPENING = re.compile(r"[\W_]*(?:the\s+)?")
_PLACE_OPENING = re.compile(r"[\W_]*(?:at|in|within|inside)\s+(?:the\s+)?", re.IGNORECASE)
_COMMA_GAP = re.compile(r"\s*,\s*")


def _with_apposition(text: str, a: int, b: int, ms: list[Mention]) -> tuple[int, int]:
    """The span of a phrase for both (text[a:b]) with the two names it is put beside: "our two
    flagship platforms, the Hong Kong Science Park and Cyberport," stands for both as one."""
    after = [m for m in ms if m.start >= b and m.kind == "name"]
    if len(after) < 2:
        return a, b
    first, second = after[0], after[1]
    beside = _APPOSITION.fullmatch(text, b, first.start)
    return (a, second.end) if beside and _AND.fullmatch(text, first.end, second.start) else (a, b)


_APPOSITION = re.compile(r"\s*[,(–—-]\s*(?:the\s+)?", re.IGNORECASE)


def _with_aliases(
    text: str, s_start: int, s_end: int, ms: list[Mention], aliases: re.Pattern[str],
    config: ExtractConfig,
) -> list[Mention]:  # fmt: skip
    """`ms` with the document's other names of the tracked organisation, in place of any
    name they overlap."""
    found = [m.span() for m in aliases.finditer(text, s_start, s_end)]
    if not found:
        return ms
    p = cached_patterns(config)
    kept = [m for m in ms if not any(a < m.end and m.start < b for a, b in found)]
    for a, b in found:
        kept.append(Mention(a, b, config.name, True, "name", role(text, a, b, s_start, p)))
    return sorted(kept)


def _with_programmes(
    text: str, s_start: int, s_end: int, ms: list[Mention], config: ExtractConfig,
    low: str | None,
) -> list[Mention]:  # fmt: skip
    """`ms` with the descriptions of a programme no name covers ("the incubation programme");
    `low` is text[s_start:s_end] lower-cased by `safe_lower`."""
    if not may_match(literal_tests(programme_ref_re().pattern), low):
        return ms
    found = [
        m.span()
        for m in programme_ref_re().finditer(text, s_start, s_end)
        if not any(x.start < m.end() and m.start() < x.end for x in ms)
    ]
    if not found:
        return ms
    p = cached_patterns(config)
    extra = [Mention(a, b, None, False, "name", role(text, a, b, s_start, p)) for a, b in found]
    return sorted([*ms, *extra])


def _unit_mention(text: str, m: Mention, model: DocumentModel, config: ExtractConfig) -> Mention:
    if m.kind != "name":
        return m
    raw = text[m.start : m.end]
    if m.tracked:
        p = cached_patterns(config)
        if p.tracked.fullmatch(raw):
            return m
        if _AND.search(raw) and p.known.search(raw):  # "Cyberport and Science Park": both
            return m._replace(entity=joint_name(config, model), tracked=False)
        unit = unit_of(clean_name(raw), config)  # "Cyberport Macro Fund"
    elif m.entity is None:  # "the programme", "the fund": the latest of its kind named
        if " ".join(raw.lower().split()) in _organisation_refs():
            return m._replace(kind="pronoun")  # "the company": whoever was named last
        unit = _unit_referred(raw, m.start, model, config)
    else:
        unit = model.units.get(raw.lower()) or model.units.get(raw.rstrip("s").lower())
    if unit is None:  # "KDC" after "Kalasatama Digital Campus (KDC)": that name
        entity = model.defined.get(raw.lower(), m.entity)
        return m if entity == m.entity else m._replace(entity=entity)
    if unit.counts_for_owner:
        return m._replace(entity=unit.owner, tracked=unit.tracked_owner)
    return m._replace(entity=unit.name, tracked=False)


def _unit_referred(raw: str, pos: int, model: DocumentModel, config: ExtractConfig) -> Unit | None:
    """The unit a definite description ("the programme", "the incubation programme") stands for:
    the latest of its kind named before it (else the first after); a programme the text never
    names, in a text about the tracked organisation, is the organisation's own."""
    refs = cues()["units"]
    low = " ".join(raw.lower().split())
    if low in refs["own_refs"]:
        want = False
    elif low in refs["programme_refs"] or programme_ref_re().fullmatch(raw):
        want = True
    else:
        return None
    kind = [(at, u) for at, u in model.unit_order if u.counts_for_owner is want
            and u.name != config.name]  # fmt: skip
    before = [u for at, u in kind if at < pos]
    if before or kind:
        return before[-1] if before else kind[0][1]
    main = model.main
    if want and main is not None and main.tracked:
        return Unit(config.name, config.name, True, True)
    return None


_AND = re.compile(r"\s+(?:and|&)\s+", re.IGNORECASE)


def joint_name(config: ExtractConfig, model: DocumentModel) -> str:
    """The name figures of the tracked organisation and another together are stored under."""
    other = model.others[0] if model.others else cues()["references"]["joint_other"]
    return cues()["references"]["joint_name"].format(a=config.name, b=other)


def _joined(text: str, ms: list[Mention], s_start: int, s_end: int) -> re.Match[str] | None:
    """Two organisations named together as one subject ("Cyberport and Science Park together
    host ...", "Together, Science Park and Cyberport host ...", "Together with Science Park,
    Cyberport hosts ..."), as a match over both names;
    None when the sentence has none."""
    for a, b in pairwise(ms):
        if a.kind != "name" or b.kind != "name" or a.tracked == b.tracked:
            continue
        if a.entity is None or b.entity is None:
            continue
        if _AND.fullmatch(text, a.end, b.start):
            lead = _joint_lead().fullmatch(text, max(s_start, a.start - 40), a.start)
            if lead or _joint_marks().search(text, b.end, min(s_end, b.end + 60)):
                return re.compile(re.escape(text[a.start : b.end])).match(text, a.start)
        elif _with_one_another(text, a, b, s_start):
            return re.compile(re.escape(text[a.start : b.end])).match(text, a.start)
    return None


_COMMA = re.compile(r",\s+")


def _with_one_another(text: str, a: Mention, b: Mention, s_start: int) -> bool:
    """Two names, one the subject and the other joined to it by "together with": "Together
    with the Science Park, Cyberport hosts ...", "Cyberport, together with HKSTP, hosts ..."."""
    if _COMMA.fullmatch(text, a.end, b.start):
        return _with_lead().fullmatch(text, max(s_start, a.start - 40), a.start) is not None
    return (
        text.startswith(",", b.end) and _with_between().fullmatch(text, a.end, b.start) is not None
    )


@cache
def _with_lead() -> re.Pattern[str]:
    """ "Together with " opening the clause right before a name (any text first)."""
    return _clause_lead(cues()["references"]["joint_with"], "")


@cache
def _with_between() -> re.Pattern[str]:
    """ ", together with " between two names, the second set apart by commas."""
    words = phrases_re(cues()["references"]["joint_with"])
    return re.compile(rf",\s+(?:{words})\s+(?:the\s+)?", re.I)


@cache
def _joint_marks() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(cues()['references']['joint_marks'])})\b", re.I)


@cache
def _joint_lead() -> re.Pattern[str]:
    """A joint mark ending the phrase right before two names: "Together, ", "With the two
    parks combined, " (any text first)."""
    return _clause_lead(cues()["references"]["joint_marks"], ",?", r"(?:[^.,;:]*\s)?")


def _clause_lead(words: list[str], comma: str, opening: str = "") -> re.Pattern[str]:
    """One of `words` opening the clause right before a name (after the words `opening`
    matches, if any), `comma` after it (any text before the clause)."""
    return re.compile(
        rf"(?:.*[.,;:]\s+|[\W_]*)?{opening}(?:{phrases_re(words)}){comma}\s+(?:the\s+)?",
        re.I | re.S,
    )


@cache
def _organisation_refs() -> frozenset[str]:
    return frozenset(cues()["references"]["organisation"])


@cache
def _joint_re() -> re.Pattern[str]:
    refs = cues()["references"]
    words = phrases_re(refs["joint"])
    counts, nouns = phrases_re(refs["joint_counts"]), phrases_re(refs["joint_nouns"])
    built = rf"(?:{counts})\s+(?:[\w&-]+\s+){{0,2}}?(?:{nouns})"  # "the two technology flagships"
    return re.compile(rf"(?<![\w-])(?:{words}|{built})(?![\w-])", re.IGNORECASE)


# A capitalised word: r"(?<![\w'’-])[A-Z][\w'’.&-]*", opening with its capital (so that the
# engine skips to capitals), the look-behind after it.
_CAPITALISED = re.compile(r"[A-Z](?<![\w'’-][A-Z])[\w'’.&-]*")
_CLITIC = re.compile(r"['’](?:s|d|m|ll|ve|re)$")
_FIRST_WORD = re.compile(r"[\W_]*[\w'’.&-]*")


def names_no_one(text: str, start: int, end: int, config: ExtractConfig) -> bool:
    """Whether text[start:end] (a sentence) holds no word that may name someone else.

    No capitalised word but its first (unless that is an acronym), months, weekdays and the
    tracked names' own words (not the city's: "Hong Kong"), and no description such as "the
    company". Every name `find_mentions` finds for another organisation has such a word.
    """
    if mark := _speaker_mark().match(text, start, end):
        start = mark.end()  # "A: About 1,400 companies.": its first word is "About"
    first = _FIRST_WORD.match(text, start, end)
    pos = first.end() if first else start
    word = first.group().strip(" \t\n*_-•") if first else ""
    if _ACRONYM.fullmatch(word) and word not in cached_patterns(config).not_acronyms:
        return False
    allowed = _allowed_capitals(config)
    p = cached_patterns(config)
    skip_to = pos
    places_end = -1  # where the last place after a preposition ends
    for m in _CAPITALISED.finditer(text, pos, end):
        word = m.group().rstrip(".")
        if "'" in word or "’" in word:
            word = _CLITIC.sub("", word)  # "I'd", "Cyberport's"
        if m.start() < skip_to or word in allowed or word.lower() in NUMBER_WORD_SET:  # "A: Six."
            continue
        if _money_sign().match(text, m.start(), end):
            continue  # "US$1.2 billion", "AED 180 million": a currency, no one's name
        place = p.territory.match(text, m.start(), end) or p.place.match(text, m.start(), end)
        if place and p.prep_before.search(text, max(start, m.start() - 20), m.start()):
            skip_to = places_end = place.end()  # "... in Hong Kong": a place, no one's name
            continue
        if places_end >= 0 and (join := _place_joiner().fullmatch(text, places_end, m.start())):
            # "from Singapore and South Korea to France": the list of places goes on (after a
            # comma alone, only when another place follows: not "..., Acme says")
            run = _CAPITAL_RUN.match(text, m.start(), end)
            if join.group().strip() != "," or _place_joiner().match(text, run.end(), end):
                skip_to = places_end = run.end()
                continue
        return False
    low = safe_lower(text[start:end])
    return low is not None and _definites(config).search(low) is None


_ACRONYM = re.compile(r"[A-Z][A-Z&]+s?")
_CAPITAL_RUN = re.compile(r"[A-Z][\w'’.&-]*(?:[ \t]+[A-Z][\w'’.&-]*)*")


@cache
def _money_sign() -> re.Pattern[str]:
    """A currency's sign or code written before an amount ("US$", "S$", "AED")."""
    signs = [x for c in lexicon()["currencies"].values() for x in c["before"] if x[:1].isupper()]
    return re.compile(rf"(?:{phrases_re(signs)})\s?\d", re.IGNORECASE)


@cache
def _place_joiner() -> re.Pattern[str]:
    """What joins one place of a list to the next ("Hong Kong, New York and Shenzhen")."""
    joiners = phrases_re(lexicon()["figures"]["place_list_joiners"])
    return re.compile(rf"\s*,\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+", re.IGNORECASE)


@cache
def _speaker_mark() -> re.Pattern[str]:
    """An interview's question or answer mark opening a line ("Q:", "A:")."""
    att = lexicon()["attribution"]
    marks = phrases_re([*att["answer_marks"], *att["question_marks"]])
    return re.compile(rf"[\s*_>]*(?:{marks})\s+")


@cache
def _allowed_capitals(config: ExtractConfig) -> frozenset[str]:
    words = set(lexicon()["figures"]["unnamed_capitals"])
    for name in (*config.aliases, *config.place_words):
        words.update(name.split())
    city = {w for name in lexicon()["organisations"]["territory"] for w in name.split()}
    return frozenset(words - city)


@cache
def _definites(config: ExtractConfig) -> re.Pattern[str]:
    """Descriptions that stand for someone else ("the company"), on lower-cased text."""
    words = [w.lower() for w in lexicon()["organisations"]["other_definites"]]
    return re.compile(rf"\b(?:{phrases_re(words)})\b")
