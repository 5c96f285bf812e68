"""A speaker's memory of the time they came ("When I arrived there were 300 companies")."""

from __future__ import annotations

from datetime import date

from etl.extract.claims import extract_claims
from etl.read.manifest import ManifestEntry
from etl.read.readers import read_bytes

PUBLISHED = date(2023, 4, 20)


def _claims(text: str) -> set[tuple[str, float, date]]:
    entry = ManifestEntry(None, None, None, None, PUBLISHED)
    doc = read_bytes(text.encode(), "profile.txt", manifest=entry)
    return {(c.metric, c.value, c.as_of) for c in extract_claims(doc) if c.status == "auto"}


def test_a_memory_of_arriving_takes_the_year_the_speaker_joined() -> None:
    got = _claims(
        "Profile: the manager of the Cyberport campus\n\nHong Kong, 20 April 2023 - Chan "
        'joined Cyberport in 2016 from a property firm.\n\n"When I first arrived, the '
        'Cyberport community had about 600 companies," Chan said.\n'
    )
    assert ("companies", 600, date(2016, 12, 31)) in got


def test_without_a_joining_sentence_the_memory_changes_nothing() -> None:
    got = _claims(
        "Profile: the manager of the Cyberport campus\n\nHong Kong, 20 April 2023 - Chan "
        'opened a cafe in 2016.\n\n"When I first arrived, the Cyberport community had '
        'about 600 companies," Chan said.\n'
    )
    assert all(d.year != 2016 for _, v, d in got if v == 600)


def test_a_sentence_without_a_memory_keeps_its_own_time() -> None:
    got = _claims(
        "Profile: the manager of the Cyberport campus\n\nHong Kong, 20 April 2023 - Chan "
        "joined Cyberport in 2016 from a property firm.\n\nToday the Cyberport community "
        "has about 1,900 companies, Chan said.\n"
    )
    assert ("companies", 1900, PUBLISHED) in got
