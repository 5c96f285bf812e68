"""Whole documents whose figures name no owner: the speaker's or writer's organisation, the
document's main organisation (sure, or for a reviewer to confirm), and no fallback where the
sentence names someone else."""

from __future__ import annotations

from tests.etl.extract.test_sentence_context import claims, rows


def test_a_bylined_columns_we_is_the_writers_organisation() -> None:
    text = (
        "OPINION\n\nBy Mary Lee\n\nHead of FinTech, Cyberport\n\n"
        "Our community has grown to more than 1,000 companies this year."
    )
    assert ("Cyberport", "companies", 1000, "auto", ()) in rows(claims(text))


def test_a_figure_nobody_is_named_for_is_the_documents_organisation_to_confirm() -> None:
    text = (
        "Cyberport opens a lab\n\nCyberport opened a lab.\n\nThe waiting list holds 12 companies."
    )
    # (a waiting list is no size of the community either: "metric?" too)
    assert rows(claims(text)) == {
        ("Cyberport", "companies", 12, "candidate", ("owner?", "metric?"))
    }


def test_a_set_of_the_citys_that_grew_up_here_is_the_documents_organisations() -> None:
    text = (
        "Cyberport profile\n\nCyberport hosts a small committee of judges.\n\n"
        "She lists the milestones. Four of Hong Kong's unicorns grew up here."
    )
    assert rows(claims(text)) == {("Cyberport", "unicorns", 4, "auto", ())}
    there = text.replace("grew up here", "are based in Kowloon")
    assert not any(r[4] == () for r in rows(claims(there)))  # never sure without "here"


def test_an_about_paragraph_makes_the_documents_organisation_sure() -> None:
    text = (
        "Cyberport welcomes new start-ups\n\nFourteen start-ups were admitted in the past year.\n\n"
        "About Cyberport\n\nCyberport is a digital community."
    )
    assert ("Cyberport", "incubatees", 14, "auto", ()) in rows(claims(text))


def test_no_fallback_when_the_sentence_names_someone_else() -> None:
    text = (
        "About Cyberport\n\nCyberport is a digital community.\n\n"
        "The latest survey counted some 2,200 start-ups across the city.\n\n"
        "Lingang Group has 900 firms."
    )
    assert rows(claims(text)) == set()


def test_a_dateline_city_does_not_make_the_document_owner_unsure() -> None:
    text = (
        "HONG KONG, 18 November 2008 - Cyberport welcomed new ventures.\n\n"
        "Fourteen start-ups were admitted in the past year.\n\n"
        "About Cyberport\n\nCyberport is a digital community."
    )
    assert ("Cyberport", "incubatees", 14, "auto", ()) in rows(claims(text))


def test_a_company_among_the_organisations_count_gives_it_to_confirm() -> None:
    text = (
        "Cyberport start-up expands\n\nAcme Robotics opened an office in Tokyo.\n\n"
        "Acme Robotics is one of more than 1,300 companies in the Cyberport community."
    )
    # (The set's owner is named where it is counted: believed, see test_attribution.py.)
    assert ("Cyberport", "companies", 1300, "auto", ()) in rows(claims(text))


def test_a_count_named_for_someone_else_first_is_no_candidate() -> None:
    text = (
        "Cyberport start-up expands\n\nAcme Robotics opened an office in Tokyo.\n\n"
        "Acme Robotics is one of 300 companies in the Lingang Group park, not at Cyberport."
    )
    assert not any(c.value == 300 and c.entity == "Cyberport" for c in claims(text))


def test_an_answer_with_no_name_is_the_documents_organisations_to_confirm() -> None:
    text = (
        "Cyberport interview\n\nCyberport hosts start-ups.\n\n"
        "Q: How big is the community now?\n\nA: About 1,300 companies, on campus and off."
    )
    assert ("Cyberport", "companies", 1300) in {(c.entity, c.metric, c.value) for c in claims(text)}


def _fair(pronoun: str) -> str:
    return (
        "Hub at the fair\n\nLONDON, 13 June 2016 - Twelve start-ups from the Cyberport "
        "community arrived in London today.\n\nThe companies on show include:\n\n"
        "* Nestlamp Labs - home sensors, with more than 30,000 units shipped;\n\n"
        "together with eight other start-ups.\n\n"
        "The delegation was drawn from a community of more than 650 companies. Over 400 "
        "start-ups have been admitted to the Cyberport Incubation Programme since it began, "
        "and companies in the community have raised more than HK$1.2 billion. "
        f"{pronoun} products now reach more than 20 markets worldwide.\n"
    )


def test_they_after_a_count_of_the_organisations_companies_are_those_companies() -> None:
    assert ("Cyberport", "markets", 20, "auto", ()) in rows(claims(_fair("Their")))
