"""Levels: the education scale, declared once, is the one schema, lexicon and compiler use."""

from __future__ import annotations

from typing import get_args

from matcher.compiler.minimums import _LEVEL_WORDS
from matcher.rubric.check import json_schema
from matcher.vocab.levels import LEVELS, Level, level_rank
from matcher.vocab.lexicon import default_lexicon


def test_the_json_schema_enum_is_the_scale() -> None:
    criterion = json_schema()["properties"]["criteria"]["items"]["properties"]
    assert tuple(criterion["min_level"]["enum"]) == get_args(Level) == LEVELS


def test_the_lexicon_and_the_compiler_name_every_level_and_no_other() -> None:
    assert {level for level, _ in default_lexicon().education} == set(LEVELS)
    assert set(_LEVEL_WORDS) == set(LEVELS)


def test_ranks_follow_the_scale_lowest_first() -> None:
    assert [level_rank(level) for level in LEVELS] == list(range(len(LEVELS)))
    assert level_rank(None) == level_rank("diploma") == -1
