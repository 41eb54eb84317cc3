"""Tests for matcher.compiler.products: tools a posting lists that no lexicon knows.

How they become criteria (weights, never required) is tested in test_criteria.py."""

from __future__ import annotations

import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from matcher.compiler.criteria import compile_text
from matcher.compiler.products import products
from matcher.vocab.lexicon import default_lexicon


def _products(text: str) -> list[str]:
    return products(text, default_lexicon().scan(text))


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # beside a tool the lexicon knows
        ("Proficiency with Salesforce, ZoomInfo and Sprinklr", ["ZoomInfo", "Sprinklr"]),
        # after "software such as"
        ("precision ag software such as Climate FieldView or SMS", ["Climate FieldView", "SMS"]),
        # a list of names the posting asks experience with
        ("Experience with Cision, Muck Rack or Prowly", ["Cision", "Muck Rack", "Prowly"]),
        (
            "Experience with Qualys, eMASS and Active Directory",
            ["Qualys", "eMASS", "Active Directory"],
        ),
    ],
)
def test_products_listed_as_tools(text: str, found: list[str]) -> None:
    assert _products(text) == found


@pytest.mark.parametrize(
    "text",
    [
        "Excel and Fortune 500 clients",  # a name that goes on is no product
        "Jira, Confluence and New York travel",
        "Experience with Acme",  # one name alone, with no tool beside it
        "Visit New York and Boston",  # no list of tools
        "Proficiency with Salesforce, Gong and Outreach",  # English words: mostly the word
    ],
)
def test_names_that_are_no_listed_tools(text: str) -> None:
    assert _products(text) == []


def test_a_product_is_a_weighed_tool_never_required() -> None:
    text = "Requirements:\n- Must know Excel\n- Must have experience with Procore and Bluebeam"
    by = {c.label: c for c in compile_text(text, stem="c")[0].criteria}
    assert by["Procore"].kind == "tool" and not by["Procore"].required
    assert by["Bluebeam"].weight == by["Procore"].weight > 0
    assert by["Excel"].required  # the lexicon's tool keeps its cue


def test_products_in_linear_time() -> None:
    t0 = time.perf_counter()
    for text in ("Aa, " * 100_000, "Aa " * 100_000, "software such as " * 30_000):
        products(text, [])
    assert time.perf_counter() - t0 < 10


@given(st.text(alphabet="Ab ,/&ord.()", max_size=200))
def test_products_are_names_written_in_the_text(text: str) -> None:
    for name in products(text, []):
        assert name in text and name[:1].isalpha()


@pytest.mark.parametrize("text", ["Must know QuickBooks or Xero", "Xero or QuickBooks required"])
def test_a_known_tool_or_an_unknown_one_is_one_any_of_criterion(text: str) -> None:
    crits = compile_text(f"Requirements:\n- {text}", stem="a")[0].criteria
    (tool,) = [c for c in crits if c.kind == "tool"]
    assert set(tool.any_of) == {"Intuit QuickBooks", "Xero"}
    assert tool.required  # either will do, and the posting insists on one
