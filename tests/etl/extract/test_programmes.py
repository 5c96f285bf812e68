"""The programmes, funds and networks a document names, and whose each is."""

from __future__ import annotations

from etl.extract import default_config
from etl.extract.document_model import build_model
from etl.extract.programmes import defined_names, unit_of

CONFIG = default_config()


def model(text: str, title: str | None = None):
    return build_model(text, CONFIG, title)


def test_units_and_their_acronyms() -> None:
    m = model(
        "Cyberport runs the Cyberport Incubation Programme (CIP) and the Cyberport Macro Fund "
        "(CMF). Hong Kong Science and Technology Parks Corporation (HKSTP) runs its own."
    )
    assert m.units["cip"].counts_for_owner and m.units["cip"].tracked_owner
    assert not m.units["cmf"].counts_for_owner and m.units["cmf"].name == "Cyberport Macro Fund"
    assert "hkstp" not in m.units  # a known organisation, not a unit
    assert m.unit_keys is not None and m.unit_keys.search("the CIP admitted 82 start-ups")
    assert not m.unit_keys.search("the CMF invested")


def test_an_acronym_after_two_names_joined_by_and_is_the_last_ones() -> None:
    m = model("Hong Kong Cyberport and the Lakeside Digital Innovation Park (LDIP) signed an MoU.")
    assert "ldip" not in m.units  # the other park's own name, no unit of Cyberport
    m = model("Hong Kong Cyberport and the Cyberport Incubation Programme (CIP) team met.")
    assert m.units["cip"].tracked_owner  # (the last name is still the tracked one's unit)


def test_the_organisations_own_short_name_is_no_unit_of_it() -> None:
    m = model(
        'Hong Kong Cyberport Management Company Limited ("Cyberport") today announced that the '
        "Cyberport Incubation Programme (CIP) admitted 40 start-ups."
    )
    assert "cyberport" not in m.units and m.units["cip"].counts_for_owner


def test_what_a_name_is() -> None:
    assert unit_of("Hong Kong Cyberport Management Company Limited", CONFIG).owner == "Cyberport"
    assert unit_of("Cyberport Investors Network", CONFIG).counts_for_owner is False
    assert unit_of("Acme Incubation Programme", CONFIG).tracked_owner is False
    assert unit_of("Acme Widgets", CONFIG) is None


def test_the_initials_of_a_programme_named_in_full_are_that_programme() -> None:
    m = model(
        "Q: Is the Cyberport Creative Micro Fund Programme busy?\n\n"
        "A: Very. The CCMFP has funded 300 teams."
    )
    assert m.units["ccmfp"].tracked_owner
    # Initials nobody uses, or too short to be a programme's, are no unit.
    assert "ccmfp" not in model("The Cyberport Creative Micro Fund Programme grew.").units
    assert "ap" not in model("The Accelerator Programme grew, the AP said.").units


def test_a_programme_that_names_no_organisation_is_the_main_organisations() -> None:
    text = (
        "HONG KONG, 16 June 2011 - Cyberport today welcomed 21 start-ups to the Incubation "
        "Programme. Cyberport said the Incubation Programme has admitted 178 start-ups since "
        "2005. The Government's Technology Voucher Programme has approved 900 applications."
    )
    m = model(text)
    assert m.units["incubation programme"].owner == "Cyberport"
    assert m.units["incubation programme"].tracked_owner
    voucher = m.units["government's technology voucher programme"]  # another's, by possessive
    assert not voucher.tracked_owner
    # A programme that names another organisation stays that organisation's.
    other = model(text.replace("the Incubation Programme.", "the HKSTP Incubation Programme."))
    assert not any(u.tracked_owner for u in other.units.values() if "HKSTP" in u.name)


def test_names_defined_for_an_acronym_that_are_no_unit() -> None:
    text = (
        "Cyberport signed with Nordhavn Digital Campus (NDC) and ran the Cyberport Incubation "
        'Programme (CIP). Hong Kong Cyberport Management Company Limited ("Cyberport") said so.'
    )
    assert defined_names(text, default_config()) == {"ndc": "Nordhavn Digital Campus"}
