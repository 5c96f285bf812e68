"""Whose figure is it: the tracked organisation's, someone else's, or nobody's we can name."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache

from etl.config import ExtractConfig
from etl.extract.antecedents import owned_name, relative_antecedent
from etl.extract.appositions import (
    described_place,
    figure_between,
    lead_clause_end,
    place_scope,
    reported_by_tracked,
)
from etl.extract.clauses import before_examples, clause_end, clause_start
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.member_sets import (
    POSSESSIVE_GAP,
    member_of_set,
    member_owner,
    named_community,
    one_member,
    ordinal_at,
    ordinal_possessor,
)
from etl.extract.mentions import Mention, is_dateline_place, possessor_opens
from etl.extract.occasion_groups import occasion_group
from etl.extract.referents import Attribution, Topic, own_location, resolve
from etl.extract.speakers import QuoteRegion, Voice, quote_regions, section_voice
from etl.extract.topics import LazyTopic

__all__ = [
    "Attribution",
    "QuoteRegion",
    "Topic",
    "Voice",
    "attribute",
    "quote_regions",
    "section_voice",
]

_ASIDE_OPEN = re.compile(
    r"\.?,\s+(?:a|an|the|which|who|whose|with|one|home|based|located|wholly|itself|now|then"
    r"|set\s+up|founded|launched|established|formed|created|started|owned|run|managed)\b",
    re.IGNORECASE,
)


@cache
def _own_aside() -> re.Pattern[str]:
    """An aside after a name that opens with a pronoun and closes with a comma ("X, our sister
    organisation, reports ...", "X, its parent, said"): a description of X, not a subject."""
    att = lexicon()["attribution"]
    words = phrases_re([*att["first_person"], *att["continuing"]])
    return re.compile(rf",\s+(?:{words})\s+[\w-]+(?:\s+[\w-]+){{0,3}}\s*,", re.IGNORECASE)


# An aside between dashes: "bigger by floor space – 400,000 square metres against Cyberport's
# 119,000 – and houses over 800 companies": a name in it owns no figure outside it.
_DASHED = re.compile(r"\s[–—]\s[^–—\n]*?\s[–—]\s")
# A relative clause set off by commas before a figure: a name in it owns no figure after it.
_RELATIVE_ASIDE = re.compile(r",\s+(?:which|who)\s[^,;:.!?]{1,150},")


@cache
def _locative_re() -> re.Pattern[str]:
    loc = phrases_re(lexicon()["attribution"]["locatives"])
    return re.compile(
        rf"\s*(?:of\s+(?:the\s+|all\s+|its\s+)?(?:[\w&-]+\s+){{0,3}}?)?(?:{loc})\s+",
        re.IGNORECASE,
    )


def _asides(text: str, start: int, end: int, ms: list[Mention]) -> list[tuple[Mention, int, int]]:
    """Asides set off by commas right after a name: ', a Cyberport community enterprise,'."""
    out = []
    for m in ms:
        o = _ASIDE_OPEN.match(text, m.end, end) if text.startswith((",", ".,"), m.end) else None
        if not o or (m.role == "prep" and o.group().lower().endswith("with")):
            continue  # "the largest in the city, with 400 firms": the clause's, not the city's
        close = text.find(",", o.end(), end)
        out.append((m, m.end, close if close >= 0 else end))
    for m in ms:  # ", our sister organisation,": only when a comma closes it before `end`
        o = _own_aside().match(text, m.end, end) if text.startswith(",", m.end) else None
        if o and m.kind == "name" and not any(a[0] is m for a in out):
            out.append((m, m.end, o.end() - 1))
    return out


# A pronoun that stands for the count itself, right before it ("it is more than 180").
_THE_COUNT_IS = re.compile(
    r"(?:it|that|this)\s+(?:is|was|'s|’s|stands\s+at|stood\s+at)\s+(?:now\s+|still\s+)?"
    r"(?:(?:more\s+than|over|about|around|roughly|nearly|almost|close\s+to|some)\s+)?",
    re.IGNORECASE,
)


# Between a community and the figure that gives its size ("its community of more than 1,200").
_SIZE_OF = re.compile(
    r"\s+of\s+(?:(?:more\s+than|over|about|around|some|nearly|almost|close\s+to)\s+)?",
    re.IGNORECASE,
)


def attribute(
    text: str,
    sent: tuple[int, int],
    fig: tuple[int, int],
    np_end: int,
    mentions: list[Mention],
    topic: Topic | Callable[[], Topic],
    quote: QuoteRegion | None,
    config: ExtractConfig,
    counts_places: bool = False,
) -> Attribution | None:
    """Who the figure at `fig` belongs to, or None when the sentence does not say clearly.

    `counts_places`: the figure counts places ("40 markets around the world"), so a place
    named after its noun is what it counts, not whose it is.

    `topic` may be a function: it is then called only if the sentence alone does not settle it.
    `quote` (the quotation or speech the figure is in) matters only to a "we" of `mentions`:
    it may be None when they have none.
    """
    if callable(topic):
        topic = LazyTopic(topic)
    s_start, s_end = sent
    f_start, _ = fig
    group = occasion_group(text, s_start, f_start, mentions)
    if group is not None:  # "a delegation of 25 start-ups": the group's own size
        return Attribution(group, False, "occasion")
    place = described_place(text, s_start, f_start, config)
    if place is not None:  # "..., with Station F, a Paris campus that hosts 1,000 start-ups"
        return Attribution(place, False, "aside")
    whose = ordinal_possessor(text, f_start, mentions)
    if whose is not None:  # "Hong Kong's sixth unicorn": the city's count
        return resolve(whose, [], topic, quote, config)
    member = member_owner(text, s_start, f_start, mentions, topic, quote, config)
    if member is not None:  # "Acme, one of 900 firms at Cyberport, raised US$5 million": Acme's
        return member
    held = next((m for m in mentions if m.kind == "place_word" and _SIZE_OF.fullmatch(
        text, m.end, f_start)), None)  # fmt: skip
    if held is not None:  # "Paxio brings to three ... in its community of more than 1,200"
        return resolve(held, [m for m in mentions if m.end <= held.start], topic, quote, config)
    asides = _asides(text, s_start, s_end, mentions)
    home = next((a for a in reversed(asides) if a[1] < f_start < a[2]), None) if asides else None
    dashed = (
        [d.span() for d in _DASHED.finditer(text, s_start, s_end)]
        if text.find("–", s_start, s_end) >= 0 or text.find("—", s_start, s_end) >= 0
        else []  # (no dash to set words apart)
    )
    relatives = [r.span() for r in _RELATIVE_ASIDE.finditer(text, s_start, f_start)]

    bare = np_end <= fig[1]  # no noun of its own ("It is about 2,200 companies" has one)
    opening = clause_start(text, s_start, f_start)

    def usable(m: Mention) -> bool:
        if m.role == "title":
            return False
        if m.kind == "pronoun" and bare and _THE_COUNT_IS.fullmatch(text, m.start, f_start):
            return False  # "Today it is more than 180": the count itself, no one's
        # (each list tested first: most are empty, and any() over a generator costs more)
        if asides and any(a[1] < m.start < a[2] and not (a[1] < f_start < a[2]) for a in asides):
            return False
        if dashed and any(a < m.start < b and not a < f_start < b for a, b in dashed):
            return False
        if relatives and any(a < m.start < b for a, b in relatives):
            return False  # "The company, which graduated from the X Programme, said its ..."
        if m.role == "possessive" and m.kind == "place" and possessor_opens([m], opening, f_start):
            return True  # "Singapore's FinTech companies raised US$1.8 billion": the city's
        if m.role == "possessive" and m.kind not in ("name", "place_word"):
            gap = text[m.end : f_start]
            return bool(POSSESSIVE_GAP.fullmatch(gap))
        return True

    def pick(lo: int, datelines: bool = True) -> Mention | None:
        cands = [
            m
            for m in mentions
            if lo <= m.start
            and m.end <= f_start
            and usable(m)
            and not (m.kind in ("territory", "place") and m.role == "prep")
            and (datelines or not is_dateline_place(text, s_start, m))
        ]
        subj = [m for m in cands if m.role in ("subject", "possessive")]
        # "Cyberport is Hong Kong's flagship, with ...": the city qualifies, the name owns.
        named = [m for m in subj if not (m.kind == "territory" and m.role == "possessive")]
        subj = named or subj
        if len(subj) > 1 and owned_name(text, subj[-2], subj[-1]):
            return subj[-2]  # "Its Incubation Programme has admitted 14": its programme
        return subj[-1] if subj else (cands[-1] if cands else None)

    inner = [
        m
        for m in mentions
        if fig[1] <= m.start
        and m.end <= np_end
        and not (counts_places and m.kind in ("place", "territory"))
    ]
    inner_owner = None
    if inner:  # "700 Jiangsu enterprises", "90 Cyberport start-ups"
        named = resolve(inner[0], [], topic, quote, config)
        if named is None or not named.tracked:
            return named
        inner_owner = _how(named, "inner")
    antecedent = relative_antecedent(text, opening, f_start, mentions)
    if antecedent is not None:  # "... a FinTech cluster at Cyberport that has grown to 80
        # companies", "... a pact with a Shenzhen park that has 500 companies": the noun's
        found = resolve(antecedent, [m for m in mentions if m.end <= antecedent.start],
                        topic, quote, config)  # fmt: skip
        return _how(found, "name") if found else None
    lead = lead_clause_end(text, s_start, f_start)
    lo = home[1] if home else max(opening, lead)
    # (The place of a dateline opening the figure's clause is no subject: "HONG KONG, 6 May
    # 2016 – The fintech community at Cyberport has grown to 150 start-ups".)
    subject = pick(lo, datelines=False)
    scope = place_scope(text, mentions, lo, f_start) if subject is None and not inner else None
    if scope is not None:  # "Across the city there are some 600 FinTech firms": the city's,
        after = _owner_after(text, np_end, s_end, mentions)  # not "In Hong Kong, 900 of them
        if (  # set up at Cyberport"; "..., Cyberport said" only reports it
            after is None
            or not after.tracked
            or figure_between(text, np_end, after.start)
            or reported_by_tracked(text, fig[1], mentions)
        ):
            return Attribution(scope.entity or "", False, "place")
    if subject is None and home:
        subject = home[0]
    if subject is None and lo == lead > s_start and _owner_after(text, np_end, s_end, mentions):
        pass  # "Since the programme began, 186 were admitted to the CIP": named after it
    elif subject is None and lo > s_start:
        subject = pick(s_start)  # (from another clause: not its city, nor its "its" when this
        # clause names its own owner, "..., while Saudi Arabia's central bank reported 147")
        if subject is not None and (
            subject.kind == "territory"
            or (subject.kind == "pronoun" and possessor_opens(mentions, lo, f_start))
        ):
            subject = None
    earlier = [m for m in mentions if m.end <= (subject.start if subject else f_start)]
    # "Cyberport, the hub where PayLoom was incubated, says its ...": a name set apart is no
    # antecedent, when one outside the aside is there to be (else it is all there is).
    earlier = [m for m in earlier if usable(m)] or [
        m for m in earlier if not any(a < m.start < b for a, b in relatives)
    ]
    owner = resolve(subject, earlier, topic, quote, config) if subject else None
    if subject is not None and (owner is None or not owner.tracked):
        if inner_owner is not None and member_of_set(text, s_start, f_start):
            return inner_owner  # "TerraLedger is one of nine Cyberport community companies"
        # "The firm is one of more than 1,700 members of the X community": the set's size,
        # whoever the words after it name, not the member's.
        after = _member_of_named_set(text, f_start, np_end, s_start, s_end, mentions)
        after = after or named_community(text, f_start, mentions)
        if after is not None:
            found = resolve(after, [m for m in mentions if m.end <= after.start and usable(m)],
                            topic, quote, config)  # fmt: skip
            return _how(found, "after") if found else None
    if subject is not None and owner is None:
        return None
    if owner and subject and one_member(text, s_start, subject, f_start):
        return None  # "One of the community's start-ups closed a US$30 million round"
    if owner and owner.tracked and _intruder(mentions, subject, f_start, usable, text, config):
        return None
    place_m = _locative(text, np_end, mentions)
    if counts_places and place_m is not None and place_m.kind in ("place", "territory"):
        place_m = None
    place = None
    if place_m is not None:
        prior = [m for m in mentions if m.end <= place_m.start and usable(m)]
        place = resolve(place_m, prior, topic, quote, config)
    if place_m is not None:
        if place is not None and place.tracked:
            if owner is None or owner.tracked:
                return owner if owner is not None else _how(place, "place")
            if member_of_set(text, s_start, f_start, fig[1]):
                return _how(place, "place")  # "X is one of 1,400 companies in the community"
            return None
        return _how(place, "place") if place else place
    if owner is not None:
        return owner
    if inner_owner is not None:
        return inner_owner
    after = _owner_after(text, np_end, s_end, mentions)
    if after is not None:  # "... have set up at Cyberport", "... admitted to our programmes"
        prior = [m for m in mentions if m.end <= after.start and usable(m)]
        found = resolve(after, prior, topic, quote, config)
        return _how(found, "after") if found else None
    # No name before the figure: the paragraph's topic, if nothing else in its clause is named
    # (the city as a place or a possessor is no one else).
    c_lo = clause_start(text, s_start, f_start)
    c_hi = before_examples(text, np_end, clause_end(text, fig[1], s_end))
    others = [
        m
        for m in mentions
        if _names_another(m)
        and usable(m)
        and c_lo <= m.start < c_hi
        and m.kind != "first_person"
        and not (counts_places and m.kind in ("place", "territory") and m.start >= fig[1])
    ]  # (what a place after the figure describes: "70 per cent are Hong Kong companies")
    if reported_by_tracked(text, fig[1], mentions) and all(
        m.kind == "territory" and m.role in ("possessive", "prep") for m in others
    ):
        return Attribution(config.name, True, "reported")  # "..., Cyberport said."
    if (
        quote is not None
        and quote.marked
        and quote.speaker_tracked
        and quote.start <= f_start < quote.end
        and not others
    ):  # an interview's answer: "That is on top of a broader community of over 2,000 ..."
        return Attribution(quote.speaker_entity or config.name, True, "voice")
    topic_p = topic.paragraph
    if (
        topic_p
        and topic_p.tracked
        and all(m.kind == "territory" and m.role in ("possessive", "prep") for m in others)
        and not any(m.role == "prep" and m.end <= f_start for m in others)
    ):  # (not "Across Hong Kong there are now nearly 5,000 start-ups": the city's)
        return replace(topic_p, how="topic")
    return None


# A relative clause right after a figure's noun, its subject next: "20 unicorns that ...".
_RELATIVE_OPENING = re.compile(r"\s*,?\s+(?:that|which)\s+", re.IGNORECASE)


def _owner_after(text: str, np_end: int, s_end: int, ms: list[Mention]) -> Mention | None:
    """The first organisation named after a figure in its clause, after a preposition: the
    place it is counted in ("... had set up at Cyberport"); the city does not count."""
    hi = before_examples(text, np_end, clause_end(text, np_end, s_end))
    for m in ms:
        if np_end <= m.start < hi:
            if m.kind in ("name", "territory") and _RELATIVE_OPENING.fullmatch(
                text, np_end, m.start
            ):
                return m  # "the 20 unicorns that Hong Kong can claim": its set
            if m.kind in ("territory", "place", "pronoun"):
                continue
            if m.role not in ("prep", "possessive") and not (
                m.tracked or m.kind in ("place_word", "first_person")
            ):
                return None  # someone else as a subject: not where the figure is counted
            return m if m.kind in ("name", "place_word", "first_person") else None
    return None


def _how(found: Attribution, how: str) -> Attribution:
    """`found`, marked as found by `how` when it was a plain name."""
    return replace(found, how=how) if found.how == "name" else found


def _names_another(m: Mention) -> bool:
    """A mention that may stand for someone else: not a pronoun, which only continues a topic."""
    return not m.tracked and m.role != "title" and m.kind != "pronoun"


_PRONOUN_GAP = re.compile(r"(?:\s+[\w-]+){0,4}\s+(?:[\w-]+\s+)?")


def _intruder(
    ms: list[Mention], subject: Mention | None, f_start: int, usable, text: str,
    config: ExtractConfig,
) -> bool:  # fmt: skip
    """Another organisation named between the tracked subject and the figure."""
    lo = subject.end if subject else 0
    for m in ms:
        if lo <= m.start and m.end <= f_start and usable(m) and not m.tracked:
            if m.kind in ("territory", "place") and m.role in ("prep", "possessive"):
                continue  # "based in Hong Kong", "Hong Kong's largest"
            if m.role == "prep" and (m.entity is None or own_location(m.entity, config)):
                continue  # "Cyberport in Pok Fu Lam now counts", "among its members"
            if m.kind in ("pronoun", "first_person") and _PRONOUN_GAP.fullmatch(
                text, m.end, f_start
            ):
                continue  # "among its 190 companies": the subject goes on
            if subject is not None and owned_name(text, subject, m):
                continue  # "Its Incubation Programme has admitted 14": the subject's own
            return True
    return False


def _member_of_named_set(
    text: str, f_start: int, np_end: int, s_start: int, s_end: int, ms: list[Mention]
) -> Mention | None:
    """Who a set the subject is one member of belongs to, as the words after the figure name
    it ("one of 900 firms at Cyberport", "one of 1,700 members of its community", "the sixth
    unicorn to emerge from Cyberport")."""
    if not (member_of_set(text, s_start, f_start) or ordinal_at(text, f_start)):
        return None
    return _owner_after(text, np_end, s_end, ms)


def _locative(text: str, np_end: int, ms: list[Mention]) -> Mention | None:
    """The name a figure's noun is placed in: 'companies in the park', '% of the firms at X'."""
    for m in ms:
        if np_end <= m.start <= np_end + 60:
            if m.role == "possessive" and m.kind == "territory":
                break  # "seven of Hong Kong's unicorns": the city holds the set, not the figure
            if _locative_re().fullmatch(text, np_end, m.start):
                return m
            break
    return None
