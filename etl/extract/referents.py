"""What a mention stands for: whose figure it is (Attribution) and what the text is about (Topic).

A name stands for its organisation; a pronoun for the last one named before it, else the
paragraph's subject; a "we" for the speaker of the quotation it is in; a description such as
"the park" for the organisation the text is about when that one can be a place, else the
tracked organisation. `referent` says which names a description may stand for at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import cache, lru_cache

from etl.config import ExtractConfig
from etl.extract.lexicon import document_cues, lexicon, phrases_re
from etl.extract.mentions import Mention
from etl.extract.name_patterns import cached_patterns
from etl.extract.speakers import QuoteRegion


@dataclass(frozen=True)
class Attribution:
    """The entity a figure belongs to; `tracked` when it is the tracked organisation."""

    entity: str
    tracked: bool
    # How it was found (a feature for scoring, not part of its identity): "name", "inner",
    # "place", "reported", "speaker", "pronoun", "descriptive", "topic" or "document".
    how: str = field(default="name", compare=False)


@dataclass(frozen=True)
class Topic:
    """What a text is about before a sentence: its paragraph's subject, the latest named one,
    and the document's main organisation."""

    paragraph: Attribution | None = None
    document: Attribution | None = None
    main: Attribution | None = None
    # The last organisation named in the paragraph that can be a place ("... the Science Park
    # expansion. The park now hosts ..."), when it is not the tracked one.
    place: Attribution | None = None


def resolve(
    m: Mention,
    earlier: list[Mention],
    topic: Topic,
    quote: QuoteRegion | None,
    config: ExtractConfig,
) -> Attribution | None:
    """Whom mention `m` stands for, given the mentions `earlier` in its sentence, the topic and
    the quotation it is in; None when that cannot be told."""
    if m.kind == "place_word":  # "the park" is whichever park the text is about
        owners = [  # the organisations named before it, and a speaker's "we"
            x
            for x in earlier
            if (x.kind == "name" and x.entity and x.role != "title")
            or (x.kind == "first_person" and quote is not None)
        ]
        if not m.cluster:  # "X brings ... in its community": a place's before a start-up's
            placed = [x for x in owners if x.kind == "first_person" or x.tracked or can_be_place(
                Attribution(x.entity or "", x.tracked))]  # fmt: skip
            owners = placed or owners
        last = owners[-1] if owners else None
        if (
            last is not None
            and last.role == "prep"
            and not can_be_place(Attribution(last.entity or "", last.tracked))
        ):
            last = None  # "listed on the Main Board of the Exchange, and the community now ..."
        if last is not None and last.kind == "first_person":  # "we have 2,000 in the community"
            return resolve(last, [], topic, quote, config)
        if last is not None:  # "X, which runs the larger park, said the park now houses ..."
            return Attribution(last.entity, last.tracked, "descriptive")
        # Only an organisation that can be a place: "a ribbon-cutting by the Monetary
        # Authority. ... the hub's cluster" is not the authority's, nor a survey's publisher's.
        place = can_be_place if not m.cluster else referent  # (any organisation has clusters)
        if quote is not None and not quote.speaker_tracked and quote.speaker_entity:
            own = Attribution(quote.speaker_entity, False, "descriptive")
            if place(own):
                return own  # "The park has over 1,700 companies", in Science Park's words
        if quote is not None and quote.speaker_tracked and topic.place is None:
            return Attribution(config.name, True, "descriptive")  # "here on the campus", ours
        doc = topic.document if referent(topic.document) else None
        if doc is None or not (doc.tracked or doc.entity == _territory_name() or place(doc)):
            doc = topic.place or topic.main
        if doc and not doc.tracked and doc.entity != _territory_name() and place(doc):
            return replace(doc, how="descriptive")  # (never the city a dateline names)
        return Attribution(config.name, True, "descriptive")
    if m.kind == "first_person":
        if quote is None:
            return None
        if quote.speaker_tracked:
            return Attribution(config.name, True, "speaker" if quote.marked else "voice")
        return Attribution(quote.speaker_entity, False, "speaker") if quote.speaker_entity else None
    if m.kind == "pronoun":
        prior = [  # ("we ... their" is ours; a place named on the way is no antecedent)
            x
            for x in earlier
            if x.kind != "pronoun"
            and not (x.kind in ("territory", "place") and x.role == "prep")
            and not (x.role == "prep" and own_location(x.entity, config))
        ]
        named = [x for x in prior if x.kind not in ("territory", "place")]
        prior = named or prior  # "Cyberport, the city's hub, says its ...": Cyberport's
        if prior:
            found = resolve(prior[-1], prior[:-1], topic, quote, config)
            return replace(found, how="pronoun") if found else None
        if topic.paragraph:
            return replace(topic.paragraph, how="pronoun")
        doc = topic.document  # the last organisation named before, if it is one
        return replace(doc, how="pronoun") if doc and referent(doc) else None
    if m.entity is None:
        return None
    return Attribution(m.entity, m.tracked)


def named_place(mentions: list[Mention], before: Attribution | None) -> Attribution | None:
    """The last organisation in `mentions` named outright that can be "the park", if not the
    tracked one, else `before`: what a later "the park" of the paragraph may stand for."""
    for m in reversed(mentions):
        if m.kind == "name" and m.entity and m.role != "title":
            a = Attribution(m.entity, m.tracked, "descriptive")
            if not m.tracked and m.entity != _territory_name() and referent(a) and can_be_place(a):
                return a
    return before


def referent(a: Attribution | None) -> bool:
    """Whether a name a description ("the park") may stand for: an organisation of more than
    one word or a known one, not a unit such as a fund ("Innovation has ..." is no park)."""
    if a is None:
        return False
    if a.tracked or a.entity in _known_names():
        return True
    if _joint_entity().fullmatch(a.entity):
        return False  # two organisations together are no "park"
    words = a.entity.split()
    return len(words) > 1 and words[-1] not in _unit_words()


def can_be_place(a: Attribution) -> bool:
    """Whether an organisation may be "the park" or "the hub": one of its names holds a place
    noun ("Hong Kong Science Park") or one of the places organisations are at names it."""
    return _place_name(a.entity)


@lru_cache(maxsize=1024)
def _place_name(entity: str) -> bool:
    names = next((g for g in lexicon()["organisations"]["known"] if entity in g), [entity])
    located = {g[0] for g in lexicon()["organisations"]["locations"]}
    return names[0] in located or any(_place_noun().search(n) for n in names)


@cache
def _place_noun() -> re.Pattern[str]:
    return re.compile(rf"\b(?:{phrases_re(lexicon()['organisations']['place_nouns'], False)})\b")


@cache
def _joint_entity() -> re.Pattern[str]:
    """The names figures of two organisations together are stored under (see owners.py)."""
    form = document_cues()["references"]["joint_name"]
    return re.compile(re.escape(form).replace(r"\{a\}", ".+").replace(r"\{b\}", ".+"))


@cache
def _known_names() -> frozenset[str]:
    return frozenset(g[0] for g in lexicon()["organisations"]["known"])


@cache
def _unit_words() -> frozenset[str]:
    u = document_cues()["units"]
    return frozenset(u["programme"]) | frozenset(u["own_figures"])


@cache
def _territory_name() -> str:
    return str(lexicon()["organisations"]["territory_name"])


def own_location(name: str | None, config: ExtractConfig) -> bool:
    """Whether `name` is a place where the tracked organisation is ("Pok Fu Lam")."""
    if not name:
        return False
    found = cached_patterns(config).locations.get(" ".join(name.lower().split()))
    return found is not None and found[1]
