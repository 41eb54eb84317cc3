"""Credentials: the licences and certificates a posting item names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.compiler.credentials import credentials
from matcher.compiler.criteria import compile_text


@pytest.mark.parametrize(
    ("text", "labels"),
    [
        ("Active RN license in the state of Ohio required", ["RN license"]),
        ("BLS and ACLS certification", ["BLS certification", "ACLS certification"]),
        ("FAA A&P certificate required", ["FAA A&P certificate"]),
        ("Valid state teaching credential required", ["teaching credential"]),
        ("a food handler card is a must", ["food handler card"]),
        ("Valid driver's license and clean driving record", ["driver's license"]),
    ],
)
def test_credentials_are_named_by_the_word_that_says_what_they_are(
    text: str, labels: list[str]
) -> None:
    assert [c.label for c in credentials(text)] == labels


@pytest.mark.parametrize(
    "text",
    [
        "Hand out business cards",
        "Process credit card payments",
        "Help customers with registration",
        "Handle patient registration",
        "Bachelor's degree or equivalent certification",
        "Issue loyalty cards",
    ],
)
def test_other_cards_and_registrations_are_no_credentials(text: str) -> None:
    assert credentials(text) == []


def test_a_credential_in_capitals_is_met_by_its_name_alone() -> None:
    (bls,) = credentials("BLS certification")
    assert "BLS" in bls.aliases and "BLS certified" in bls.aliases


@given(st.text(max_size=300))
def test_credentials_never_raise_and_name_no_blank(text: str) -> None:
    for c in credentials(text):
        assert c.label.strip() and all(a.strip() for a in c.aliases)


@pytest.mark.parametrize(
    ("posting", "label"),
    [
        (
            "Registered Nurse\nRequirements:\n- Active RN license required\n- Epic charting",
            "RN license",
        ),
        ("Line Cook\nRequirements:\n- ServSafe certification required\n- Knife skills", "ServSafe"),
        ("Aircraft Mechanic\nRequirements:\n- FAA A&P certificate required", "FAA A&P certificate"),
        (
            "Teacher\nRequirements:\n- Valid state teaching credential required",
            "teaching credential",
        ),
        ("Truck Driver\nRequirements:\n- Valid Class A CDL required", "CDL"),
    ],
)
def test_a_required_licence_is_a_required_certification_criterion(posting: str, label: str) -> None:
    (rubric,) = compile_text(posting, stem="job")
    found = {c.label: c for c in rubric.criteria}
    assert found[label].kind == "certification"
    assert found[label].required


def test_a_licence_the_posting_does_not_insist_on_is_weighed_not_required() -> None:
    (rubric,) = compile_text("Nurse\nRequirements:\n- BLS and ACLS certification", stem="job")
    certs = [c for c in rubric.criteria if c.kind == "certification"]
    assert {c.label for c in certs} == {"BLS", "ACLS"}
    assert not any(c.required for c in certs)


@pytest.mark.parametrize(
    "text",
    [
        "Knowledge of cryptography like TLS and certificates",
        "Managing users credentials",
        "Send your application, CV and certificates",
        "Paid certification",
    ],
)
def test_things_of_the_work_named_certificate_are_no_credentials(text: str) -> None:
    assert credentials(text) == []


def test_a_licence_named_in_plain_words() -> None:
    assert [c.label for c in credentials("Maintain a valid Texas Real Estate license")] == [
        "Texas Real Estate license"
    ]


def test_a_licence_to_practice_and_an_endorsement_are_credentials() -> None:
    got = [c.label for c in credentials("License to practice pharmacy in Maryland required")]
    assert got == ["pharmacy license"]
    got = [c.label for c in credentials("Licensed to practice as a physical therapist in Texas")]
    assert got == ["physical therapist license"]
    assert [c.label for c in credentials("CDL class A with hazmat endorsement")] == [
        "hazmat endorsement"
    ]
    assert credentials("with the endorsement of the board") == []
