"""A figure that cannot be the whole organisation's is a candidate, not a claim.

"35 community companies recruiting", "three award winners", "a US$5 million round": the
organisation's name and a metric's noun are there, but the figure counts an event, a cohort or
one company. Below the least its metric can be for the whole organisation (the tracked
organisation's `[least]`), or money raised in one funding round ("closed a US$15 million
Series A round") or in an organisation's own accounts ("total revenue of HK$541 million"), or
a percentage that is a rate of something else ("an occupancy rate of 93 per cent"), such a
claim goes to a reviewer as "metric?" instead of a chart. Money that one company raised
("Travel platform Klook, which started at the park, raised US$210 million"), or a group of
companies fewer than the community's least ("the 28 companies have raised HK$1.9 billion"),
goes to a reviewer as "owner?", as do the markets one company serves ("It processes payments
for about 90,000 merchants in 14 markets"). So does a count of the community's companies
that is a small fraction of the community the same text counts at about the same time ("40
start-ups from its community are demonstrating" beside "home to over 1,900 companies"): it
counts a part.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import replace
from datetime import date, timedelta
from functools import cache

from db.records import Claim
from etl.config import ExtractConfig
from etl.extract.lexicon import lexicon, phrases_re
from etl.extract.metrics import classify, cluster_metrics
from etl.extract.name_patterns import cached_patterns
from etl.extract.numbers import find_numbers


def too_small(claim: Claim, config: ExtractConfig) -> bool:
    """Whether `claim`, a stock of the tracked organisation, is below its metric's least."""
    if claim.period or claim.entity != config.name:
        return False
    least = config.least_for(claim.metric, claim.as_of.year)
    if least is None:
        return False
    value = claim.value_hkd if claim.unit not in ("count", "percent") else claim.value
    return value is not None and value < least


def no_community_funding(claim: Claim) -> bool:
    """Whether `claim` is money raised in one funding round, or money no one raised: its
    clause of the sentence names a round ("... closed a US$15 million Series A round", "its
    IPO raised HK$1.2 billion") or an organisation's own accounts ("recorded total revenue of
    HK$541 million and a deficit of HK$32 million"), not the community's funding ("..., with
    several closing Series B rounds this year": another clause); or a market's venture
    funding is the subject ("venture investment in Asia reached US$81 billion")."""
    if claim.metric != "funding_raised":
        return False
    lo, at, hi = _clause(claim)
    return (
        _figures_re("one_round").search(claim.quote, lo, hi) is not None
        or _figures_re("own_accounts").search(claim.quote, lo, at) is not None
        or _figures_re("market_funding").search(claim.quote[:at]) is not None
    )


def not_the_community(claim: Claim, config: ExtractConfig) -> bool:
    """Whether `claim`, money raised, markets served or IP held, is one company's (or money a small
    group of them raised): its sentence gives the subject of the verb before the figure (see
    the module doc)."""
    if claim.metric not in _ONE_COMPANY_VERBS:
        return False
    head = claim.quote[: claim.mention_start - claim.char_start]
    head = _THOUSANDS.sub("", head[head.rfind(";") + 1 :])  # ("3,500 merchants": no clause)
    for pattern in _one_company_res(claim.metric):
        m = pattern.search(head)
        if m is None:
            continue
        if not pattern.groupindex:
            return True  # "It processes payments ... in 14 markets": the subject says so
        name = m.groupdict().get("name")
        between = m.groupdict().get("between")
        if name is not None and not config.is_alias(name) and not _unit_of_tracked(name, config):
            return True
        if between is not None and not _figures_re("plural_subjects").search(between):
            return True
    verb = _verb_at_end_re().search(head) if claim.metric == "funding_raised" else None
    if verb is None:
        return False
    least = config.least_for("startups")
    if least is None:
        return False
    for n in find_numbers(head[: verb.start()]):
        named = _figures_re("set_of_companies").match(
            head, n.end
        )  # the companies, the subject of the verb
        if n.value < least and named and _SUBJECT_GAP.fullmatch(head, named.end(), verb.start()):
            return True
    return False


def _unit_of_tracked(name: str, config: ExtractConfig) -> bool:
    """Whether `name` holds a name of the tracked organisation ("The Cyberport Investors
    Network"): one of its units, whose money put into the community is the community's."""
    return cached_patterns(config).tracked.search(name) is not None


def another_rate(claim: Claim) -> bool:
    """Whether `claim`, a percentage, is a rate of something else its clause names before it
    ("the occupancy rate of the office buildings stood at 93 per cent")."""
    if claim.unit != "percent":
        return False
    lo, at, _ = _clause(claim)
    return _figures_re("other_rates").search(claim.quote, lo, at) is not None


def cluster_share(claim: Claim) -> bool:
    """Whether `claim`, a percentage, is a share of one cluster's companies, as the words after
    it say ("About 55 per cent of our Web3 companies were founded ..."), not the community's."""
    if claim.unit != "percent":
        return False
    m = _figures_re("share_of_set_after").match(claim.quote, claim.mention_end - claim.char_start)
    return m is not None and _names_a_cluster(m.group("set"))


def cluster_funding(claim: Claim) -> bool:
    """Whether `claim`, money raised, is what one cluster's companies raised, as the words
    before it say ("AI start-ups in its community raised around HK$6.8 billion", "Funding
    raised by FinTech cluster members in H1 2025: HK$1.9 billion"), not the community."""
    if claim.metric != "funding_raised":
        return False
    head = claim.quote[: claim.mention_start - claim.char_start]
    m = _figures_re("raised_by_set").search(head)
    return m is not None and _names_a_cluster(m.group("set") or m.group("subject"))


def _names_a_cluster(words: str) -> bool:
    """Whether `words` name one cluster's companies ("our Web3 companies")."""
    found = classify(words, "", "", "count", 100.0)
    return found is not None and found.metric in cluster_metrics()


def _clause(claim: Claim) -> tuple[int, int, int]:
    """The start of the claim's clause in its quote, where its figure stands, and the end."""
    at = claim.mention_start - claim.char_start
    breaks = list(_clause_break().finditer(claim.quote))
    lo = max((m.end() for m in breaks if m.end() <= at), default=0)
    hi = min((m.start() for m in breaks if m.start() >= at + 1), default=len(claim.quote))
    return lo, at, hi


_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
# Between a subject and its verb: a few words, no clause ("on the mission have").
_SUBJECT_GAP = re.compile(r"\s*(?:[\w-]+\s+){0,5}")


@cache
def _figures_re(key: str) -> re.Pattern[str]:
    """The pattern the lexicon's figures table holds under `key`, case-blind."""
    return re.compile(lexicon()["figures"][key], re.IGNORECASE)


# The verbs a single company's figure of each metric follows, and the further patterns of its
# subject (lexicon: raised_verbs, served_verbs; one_company_raised, one_company_served, and
# one_company_subject whatever the verb).
_ONE_COMPANY_VERBS = {
    "funding_raised": ("raised_verbs", ("one_company_subject",)),
    "markets": ("served_verbs", ("one_company_served", "one_company_subject")),
    "ip_rights": ("held_verbs", ("one_company_subject",)),
}


@cache
def _one_company_res(metric: str) -> tuple[re.Pattern[str], ...]:
    f = lexicon()["figures"]
    key, more = _ONE_COMPANY_VERBS[metric]
    patterns = [*f["one_company_raised"], *(p for k in more for p in f[k])]
    return tuple(re.compile(p.replace("{verbs}", f[key])) for p in patterns)


@cache
def _verb_at_end_re() -> re.Pattern[str]:
    return re.compile(rf"\b{lexicon()['figures']['raised_verbs']}\b[^,;]{{0,40}}$")


@cache
def _clause_break() -> re.Pattern[str]:
    return re.compile(r"[;,:(]|\b(?:and|with|while|but|bringing|taking)\b", re.IGNORECASE)


def doubt_implausible(claim: Claim, config: ExtractConfig) -> Claim:
    """`claim`, as a candidate ("metric?") when it is too small, money of one round or of an
    organisation's own accounts, a rate of something else, or a share or the funding of one
    cluster (see the module doc)."""
    if claim.status != "auto":
        return claim
    if (
        too_small(claim, config)
        or no_community_funding(claim)
        or another_rate(claim)
        or cluster_share(claim)
        or cluster_funding(claim)
    ):
        return replace(claim, status="candidate", unsure=("metric?",))
    if not_the_community(claim, config):
        return replace(claim, status="candidate", unsure=("owner?",))
    return claim


def doubt_fractions(claims: list[Claim], config: ExtractConfig) -> list[Claim]:
    """`claims`, those that count a small part of the community the text counts whole at about
    the same time (see the module doc) as candidates ("metric?")."""
    largest: dict[date, float] = {}  # the largest whole stated on each day
    for c in claims:
        if c.status == "auto" and c.metric == "companies" and _whole(c, config):
            largest[c.as_of] = max(largest.get(c.as_of, c.value), c.value)
    if not largest:
        return claims
    days = sorted(largest)

    def near_whole(day: date) -> float:
        """The largest whole stated within the same time of `day` (each day looked at once)."""
        lo = bisect_left(days, day - timedelta(days=_SAME_TIME_DAYS))
        hi = bisect_right(days, day + timedelta(days=_SAME_TIME_DAYS))
        return max((largest[d] for d in days[lo:hi]), default=0.0)

    return [
        replace(c, status="candidate", unsure=("metric?",))
        if c.status == "auto" and _whole(c, config) and c.value < near_whole(c.as_of) * _PART_SHARE
        else c
        for c in claims
    ]


def _whole(claim: Claim, config: ExtractConfig) -> bool:
    """A stock of the tracked organisation's whole community, by a metric that counts it."""
    return claim.entity == config.name and not claim.period and claim.metric in _community_metrics()


@cache
def _community_metrics() -> frozenset[str]:
    return frozenset(lexicon()["figures"]["community_stock_metrics"])


_PART_SHARE = 0.1  # a count under this share of the whole community counts a part of it
_SAME_TIME_DAYS = 366


def doubt_tenfold(claims: list[Claim], config: ExtractConfig) -> list[Claim]:
    """`claims`, with a stock of money that is ten or a hundred times another stock of the same
    metric and date in the text (within three months, in another currency), or a tenth of it,
    as a candidate ("metric?"): one of the two
    read a unit wrongly, as a translation does ("300 billion" for 300 hundred million). The
    figure in a unit word for word ("185 hundred million") is kept, else the one stated more
    often, else the smaller. Two figures a sentence gives together are a flow and its total,
    unless one glosses the other in brackets."""
    stocks = [c for c in claims if _money_stock(c, config)]
    together = {  # values a sentence gives together, neither glossing the other
        (x.value_hkd, y.value_hkd)
        for x in stocks
        for y in stocks
        if x is not y and x.char_start == y.char_start and not _glossed(x, y)
    }
    doubted: set[tuple[str, date, float]] = set()
    for a in stocks:
        for b in stocks:
            apart = abs((a.as_of - b.as_of).days)
            if (
                a.metric != b.metric
                or apart > (_ONE_MOMENT_DAYS if a.unit != b.unit else 0)
                or not (
                    _tenfold(a.value_hkd, b.value_hkd)
                    # (a misread unit may come with a misread currency: "369 billion yuan" beside
                    # "HK$36.9 billion")
                    or (a.unit != b.unit and _tenfold(a.value, b.value))
                )
            ):
                continue
            if (a.value_hkd, b.value_hkd) in together:
                continue  # "raised HK$4.1 billion in 2025, lifting the total to HK$41 billion"
            loser = _misread(a, b, stocks)  # (a is the larger)
            doubted.add((loser.metric, loser.as_of, loser.value_hkd))
    if not doubted:
        return claims
    return [
        replace(c, status="candidate", unsure=("metric?",))
        if _money_stock(c, config) and (c.metric, c.as_of, c.value_hkd) in doubted
        else c
        for c in claims
    ]


# Two stocks this close in time, in two currencies, are of one moment: a headline dated by its
# publication that misreads the unit and the currency of the body's "as at the end of June"
# ("412 billion yuan" over HK$41.2 billion).
_ONE_MOMENT_DAYS = 92


def _money_stock(claim: Claim, config: ExtractConfig) -> bool:
    return (
        claim.status == "auto"
        and claim.entity == config.name
        and not claim.period
        and claim.unit not in ("count", "percent")
        and bool(claim.value_hkd)
    )


def _tenfold(larger: float | None, smaller: float | None) -> bool:
    """Whether `larger` is ten or a hundred times `smaller` (within a per cent)."""
    if not larger or not smaller or larger <= smaller:
        return False
    return any(abs(larger / smaller / k - 1) < 0.01 for k in (10, 100))


def _glossed(a: Claim, b: Claim) -> bool:
    """Whether one of two figures of a sentence glosses the other in brackets right after it
    ("HK$395 hundred million (about HK$3.95 billion)")."""
    first, second = sorted((a, b), key=lambda c: c.mention_start)
    between = first.quote[
        first.mention_end - first.char_start : second.mention_start - first.char_start
    ]
    return _GLOSS.fullmatch(between) is not None


_GLOSS = re.compile(r"\s*[(（]\s*(?:[\w.]+\s+){0,2}")


def _misread(larger: Claim, smaller: Claim, stocks: list[Claim]) -> Claim:
    """Which of two stocks ten times apart read its unit wrongly (see doubt_tenfold)."""
    literal = _literal_scales()
    word_for_word = [
        literal.search(c.quote, c.mention_start - c.char_start, c.mention_end - c.char_start)
        is not None
        for c in (larger, smaller)
    ]
    if word_for_word[0] != word_for_word[1]:
        return smaller if word_for_word[0] else larger
    times = [sum(1 for s in stocks if s.value_hkd == c.value_hkd) for c in (larger, smaller)]
    return smaller if times[0] > times[1] else larger


@cache
def _literal_scales() -> re.Pattern[str]:
    """The scale words that give another language's unit word for word ("hundred million")."""
    return re.compile(rf"\b(?:{phrases_re(lexicon()['figures']['literal_scales'])})\b", re.I)
