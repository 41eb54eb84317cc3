"""Lexicon: the shipped vocabulary (terms and aliases, cue words, degree words, section headings).

Input is ``matcher/data/lexicon.toml`` (package data); output is a frozen ``Lexicon`` value.
Compiler and resume understanding read words from here instead of hard-coding them, so a
change of vocabulary is a data change.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files

from matcher.text import normalize_term


@dataclass(frozen=True, slots=True)
class Term:
    """A canonical term, its criterion kind and the other ways people write it."""

    label: str
    kind: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Everything the compiler and the resume reader look words up in."""

    terms: tuple[Term, ...]
    kind_weights: tuple[tuple[str, float], ...]
    required_cues: tuple[str, ...]
    preferred_cues: tuple[str, ...]
    required_factor: float
    preferred_factor: float
    education: tuple[tuple[str, tuple[str, ...]], ...]  # level -> degree words, strongest first
    sections: tuple[tuple[str, tuple[str, ...]], ...]  # canonical section -> headings

    def kind_weight(self, kind: str) -> float:
        """The base weight of a criterion of ``kind``."""
        return dict(self.kind_weights).get(kind, 1.0)

    def by_surface(self) -> dict[str, Term]:
        """Every label and alias (``normalize_term``-ed) mapped to its term."""
        return _surface_index(self)


@lru_cache(maxsize=8)
def _surface_index(lex: Lexicon) -> dict[str, Term]:
    out: dict[str, Term] = {}
    for t in lex.terms:
        for s in (t.label, *t.aliases):
            out.setdefault(normalize_term(s), t)
    return out


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The lexicon shipped with matcher (read once; the value is immutable)."""
    raw = tomllib.loads(files("matcher").joinpath("data/lexicon.toml").read_text("utf-8"))
    cues = raw["cues"]
    return Lexicon(
        terms=tuple(Term(t["label"], t["kind"], tuple(t.get("aliases", ()))) for t in raw["terms"]),
        kind_weights=tuple((k, float(v)) for k, v in raw["kinds"].items()),
        required_cues=tuple(cues["required"]),
        preferred_cues=tuple(cues["preferred"]),
        required_factor=float(cues["required_factor"]),
        preferred_factor=float(cues["preferred_factor"]),
        education=tuple((k, tuple(v)) for k, v in raw["education"].items()),
        sections=tuple((k, tuple(v)) for k, v in raw["sections"].items()),
    )
