"""Rubric model: plain data from a rubric file in, ``Rubric`` and ``Criterion`` values out.

The values every later step reads (``Rubric``, ``Criterion``, ``Finding``, ``Source``,
``Tuning``), and the file format's version. Checking a
file's data is ``matcher.rubric.check``; reading and writing files is ``matcher.rubric.io``.
The closed vocabularies a rubric uses are ``matcher.vocab.kinds`` and ``matcher.vocab.levels``.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from matcher.vocab.kinds import Kind

SCHEMA_VERSION = 1


@dataclass(frozen=True, slots=True)
class Criterion:
    """One thing the job asks for, with how much it counts and where it came from."""

    id: str
    kind: Kind
    label: str
    weight: float
    aliases: tuple[str, ...] = ()
    required: bool = False
    origin: str = ""
    min_level: str | None = None  # education criteria only
    min_years: float | None = None  # experience criteria only
    # Experience criteria only: the field whose roles count ("data engineering"; its other
    # names are the aliases). None: every work role counts.
    field: str | None = None
    # Term criteria only: alternatives any one of which meets the criterion in full ("Python or
    # Scala"); the label names them all, the aliases stay other names of any of them.
    any_of: tuple[str, ...] = ()
    # Names a person ruled out ("sports product engineer" for a product manager): never among
    # the aliases, and ``matcher compile`` leaves them out when it writes the file again.
    not_aliases: tuple[str, ...] = ()

    @property
    def terms(self) -> tuple[str, ...]:
        """What term matching looks for: the label (or the alternatives of an any-of
        criterion) first, then the aliases."""
        return (*(self.any_of or (self.label,)), *self.aliases)

    @property
    def own_terms(self) -> int:
        """How many of ``terms`` count as the criterion itself (the rest are aliases)."""
        return len(self.any_of) or 1


@dataclass(frozen=True, slots=True)
class Finding:
    """A lint finding kept in the rubric file: text the compiler left out, and why."""

    code: str
    message: str
    origin: str = ""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a compiled rubric came from."""

    posting: str = ""
    sha256: str = ""
    engine_version: str = ""


@dataclass(frozen=True, slots=True)
class Tuning:
    """Where tuned weights came from (``matcher tune``): the labels, the date and the measured gain.

    Metrics are cross-validated (held-out folds only); a metric that could not be measured is
    ``None`` and left out of the file.
    """

    labels: str = ""  # the labels file's name
    labels_sha256: str = ""
    date: str = ""  # ISO date of the tuning run
    engine_version: str = ""
    base_fingerprint: str = ""  # fingerprint of the rubric the weights were tuned from
    method: str = ""
    k: int = 0
    folds: int = 0
    n_labels: int = 0
    forced: bool = False  # written despite the too-few-labels warning
    ndcg_before: float | None = None
    ndcg_after: float | None = None
    precision_before: float | None = None
    precision_after: float | None = None
    auc_before: float | None = None
    auc_after: float | None = None


@dataclass(frozen=True, slots=True)
class Rubric:
    """A job's weighted criteria. Equal rubrics score equally; ``fingerprint`` names the content."""

    job_id: str
    title: str
    language: str
    criteria: tuple[Criterion, ...]
    source: Source = field(default_factory=Source)
    findings: tuple[Finding, ...] = ()
    schema_version: int = SCHEMA_VERSION
    tuning: Tuning | None = None  # set by ``matcher tune``; scoring ignores it

    @property
    def fingerprint(self) -> str:
        """A short sha256 of what scoring reads (criteria and job id), for caching and provenance."""
        payload = json.dumps(
            [self.job_id, [criterion_data(c) for c in self.criteria]],
            sort_keys=True,
            ensure_ascii=False,
        )
        return hashlib.sha256(payload.encode()).hexdigest()[:16]

    def with_weights(self, weights: Mapping[str, float]) -> Rubric:
        """A copy with the weights of the named criteria replaced (used by tuning)."""
        return replace(
            self,
            criteria=tuple(replace(c, weight=weights.get(c.id, c.weight)) for c in self.criteria),
        )


def criterion_data(c: Criterion) -> dict[str, Any]:
    d: dict[str, Any] = {
        "id": c.id,
        "kind": c.kind,
        "label": c.label,
        "aliases": list(c.aliases),
        "weight": c.weight,
        "required": c.required,
        "origin": c.origin,
    }
    if c.min_level is not None:
        d["min_level"] = c.min_level
    if c.min_years is not None:
        d["min_years"] = c.min_years
    if c.field is not None:
        d["field"] = c.field
    if c.any_of:
        d["any_of"] = list(c.any_of)
    if c.not_aliases:
        d["not_aliases"] = list(c.not_aliases)
    return d
