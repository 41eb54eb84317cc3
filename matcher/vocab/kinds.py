"""Kinds: a kind's name in, the closed vocabulary of criterion kinds out.

What a criterion (and a lexicon term, which becomes one) is about. ``education`` and
``experience`` are numeric (a level, years); every other kind is a term matched in the text.
Declared once here because the lexicon's data names kinds before any rubric exists; the rubric
format (``matcher.rubric.check`` and the JSON Schema) and scoring read this list.
"""

from __future__ import annotations

from typing import Literal, get_args

Kind = Literal[
    "skill",
    "tool",
    "domain",
    "responsibility",
    "education",
    "experience",
    "language",
    "certification",
    "soft_skill",
    "title",
    "keyword",
]
KINDS: tuple[Kind, ...] = get_args(Kind)
# Kinds that name something a resume either shows or does not (a skill, a tool, a licence, a
# degree, years, a language, a field): only these may be required. A duty, a soft skill, a
# keyword or a title is weighed, never a knock-out.
CONCRETE_KINDS: frozenset[Kind] = frozenset(
    {"skill", "tool", "domain", "education", "experience", "language", "certification"}
)


def as_kind(value: str) -> Kind:
    """``value`` as a ``Kind``; raises ``ValueError`` for a word outside the vocabulary.

    >>> as_kind("tool")
    'tool'
    """
    if value not in KINDS:
        raise ValueError(f"{value!r} is not a criterion kind ({', '.join(KINDS)})")
    return value  # narrowed to Kind by the test above
