"""Counts in sentences that name the organisation's programmes by their acronyms."""

from __future__ import annotations

from datetime import date

from tests.etl.extract.test_claims import inline

LEAD = "HONG KONG, 18 November 2009 – Cyberport runs the Cyberport Incubation Programme (CIP). "


def test_start_ups_a_programme_named_by_its_acronym_admitted_are_an_intake() -> None:
    got = inline(
        LEAD + "Since 2005 the CIP has admitted 112 start-ups in total.", date(2009, 11, 18)
    )
    assert ("incubatees", 112, "exact", date(2009, 11, 18), None) in got


def test_a_count_beside_an_acronym_that_is_no_intake_keeps_its_metric() -> None:
    got = inline(LEAD + "The CIP now serves 120 start-ups on the campus.", date(2009, 11, 18))
    assert all(c[0] != "incubatees" for c in got)


def test_an_acronym_of_someone_elses_programme_is_no_intake_of_the_organisation() -> None:
    text = (
        "HONG KONG, 18 November 2009 – The Science Park runs the Incu-Tech Programme (ITP)."
        " Cyberport said the ITP has admitted 112 start-ups."
    )
    assert all(c[0] != "incubatees" for c in inline(text, date(2009, 11, 18)))


def test_start_ups_a_support_scheme_named_by_its_acronym_supported_are_no_intake() -> None:
    text = (
        "HONG KONG, 12 June 2019 – Cyberport runs the Cyberport Accelerator Support Programme "
        "(CASP). CASP has supported 34 companies so far."
    )
    assert all(c[0] != "incubatees" for c in inline(text, date(2019, 6, 12)))
    admitted = text.replace("has supported", "has admitted")
    assert ("incubatees", 34, "exact", date(2019, 6, 12), None) in inline(
        admitted, date(2019, 6, 12)
    )
