"""Kinds: the criterion kinds, declared once, are the ones the schema, lexicon and scoring use."""

from __future__ import annotations

from typing import get_args

import pytest

from matcher.rubric.check import json_schema
from matcher.scoring.credit import EVIDENCE_OF
from matcher.vocab.kinds import KINDS, Kind, as_kind
from matcher.vocab.lexicon import default_lexicon


def test_the_json_schema_enum_is_the_vocabulary() -> None:
    criterion = json_schema()["properties"]["criteria"]["items"]["properties"]
    assert tuple(criterion["kind"]["enum"]) == get_args(Kind) == KINDS


def test_scoring_has_a_rule_for_every_kind() -> None:
    assert set(EVIDENCE_OF) == set(KINDS)


def test_every_lexicon_term_has_a_known_kind() -> None:
    assert {t.kind for t in default_lexicon().terms} <= set(KINDS)


def test_as_kind_refuses_a_word_outside_the_vocabulary() -> None:
    assert as_kind("title") == "title"
    with pytest.raises(ValueError, match="not a criterion kind"):
        as_kind("hobby")
