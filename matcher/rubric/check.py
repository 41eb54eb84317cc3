"""Rubric check: a rubric file's plain data in, the list of its problems out.

Input is the mapping ``tomllib`` parses from a rubric file (after ``migrate``); output is a list
of problems, each with its place (``criteria[3].weight: must be > 0``), empty when the data is a
valid rubric. This module only checks: ``matcher.rubric.io`` raises ``RubricError`` once with
every problem and builds the ``Rubric`` from data that passed. The JSON Schema shipped for editors
(``matcher/rubric/schema.json``) describes the same format.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from matcher.rubric.model import SCHEMA_VERSION, Tuning
from matcher.vocab.kinds import KINDS
from matcher.vocab.levels import LEVELS

MAX_WEIGHT = 1_000_000.0
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")

_TOP = {
    "schema_version",
    "job_id",
    "title",
    "language",
    "source",
    "criteria",
    "findings",
    "tuning",
}
_CRIT = {
    "id",
    "kind",
    "label",
    "aliases",
    "weight",
    "required",
    "origin",
    "min_level",
    "min_years",
    "field",
    "any_of",
}
# The [tuning] table: field name -> type text ("str", "float | None"...) of ``Tuning``, in order.
TUNING_FIELDS = {f.name: str(f.type) for f in fields(Tuning)}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's data up to ``SCHEMA_VERSION`` (version 1 is the first: identity)."""
    return data


def _is_num(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _check_criterion(i: int, c: object, problems: list[str]) -> None:
    at = f"criteria[{i}]"
    if not isinstance(c, dict):
        problems.append(f"{at}: must be a table")
        return
    for k in sorted(set(c) - _CRIT):
        problems.append(f"{at}.{k}: unknown field")
    for k in ("id", "kind", "label", "weight"):
        if k not in c:
            problems.append(f"{at}.{k}: missing")
    cid, kind, label = c.get("id"), c.get("kind"), c.get("label")
    if "id" in c and not (isinstance(cid, str) and _ID.match(cid)):
        problems.append(f"{at}.id: must be a slug of a-z, 0-9, '-' and '_'")
    if "kind" in c and kind not in KINDS:
        problems.append(f"{at}.kind: must be one of {', '.join(KINDS)}")
    if "label" in c and not (isinstance(label, str) and label.strip()):
        problems.append(f"{at}.label: must be a non-empty string")
    weight = c.get("weight")
    if "weight" in c:
        if not _is_num(weight):
            problems.append(f"{at}.weight: must be a finite number, not {weight!r}")
        elif not weight > 0:  # type: ignore[operator]
            problems.append(f"{at}.weight: must be > 0")
        elif weight > MAX_WEIGHT:  # type: ignore[operator]
            # Only ratios matter; a bound keeps sums of weights finite (1e308 gave NaN scores).
            problems.append(f"{at}.weight: must be at most {MAX_WEIGHT:g}")
    aliases = c.get("aliases", [])
    if not (isinstance(aliases, list) and all(isinstance(a, str) and a.strip() for a in aliases)):
        problems.append(f"{at}.aliases: must be a list of non-empty strings")
    if not isinstance(c.get("required", False), bool):
        problems.append(f"{at}.required: must be true or false")
    if not isinstance(c.get("origin", ""), str):
        problems.append(f"{at}.origin: must be a string")
    min_level, min_years = c.get("min_level"), c.get("min_years")
    if kind == "education" and min_level not in LEVELS:
        problems.append(f"{at}.min_level: education needs one of {', '.join(LEVELS)}")
    if kind != "education" and "min_level" in c:
        problems.append(f'{at}.min_level: only for kind = "education"')
    if kind == "experience" and not (_is_num(min_years) and min_years >= 0):  # type: ignore[operator]
        problems.append(f"{at}.min_years: experience needs a number >= 0")
    if kind != "experience" and "min_years" in c:
        problems.append(f'{at}.min_years: only for kind = "experience"')
    if "field" in c:
        if kind != "experience":
            problems.append(f'{at}.field: only for kind = "experience"')
        elif not (isinstance(c["field"], str) and c["field"].strip()):
            problems.append(f"{at}.field: must be a non-empty string (the field whose roles count)")
    if "any_of" in c:
        alts = c["any_of"]
        if kind in ("education", "experience"):
            problems.append(f"{at}.any_of: not for kind = {kind!r}")
        elif not (
            isinstance(alts, list)
            and all(isinstance(a, str) and a.strip() for a in alts)
            and len({a.strip().casefold() for a in alts}) >= 2
        ):
            problems.append(f"{at}.any_of: must list two or more different non-empty strings")


def check_data(data: Mapping[str, Any]) -> list[str]:
    """Every problem of a rubric file's data, each with its place; empty when the data is valid.

    Parameters:
        data: the mapping parsed from a rubric file, after ``migrate``.

    Returns:
        problem lines in file order (top-level fields, ``source``, each criterion, duplicate
        ids, ``findings``, ``tuning``), e.g. ``criteria[3].weight: must be > 0``.

    >>> check_data({"schema_version": 1, "job_id": "j", "title": "t", "language": "en"})
    ['criteria: must hold at least one [[criteria]] table']
    """
    problems: list[str] = []
    for k in sorted(set(data) - _TOP):
        problems.append(f"{k}: unknown field")
    version = data.get("schema_version")
    if version != SCHEMA_VERSION:
        problems.append(f"schema_version: must be {SCHEMA_VERSION} (found {version!r})")
    for k in ("job_id", "title", "language"):
        if not (isinstance(data.get(k), str) and data[k].strip()):
            problems.append(f"{k}: must be a non-empty string")
    if isinstance(data.get("job_id"), str) and not _ID.match(data["job_id"].lower()):
        problems.append("job_id: must be letters, digits, '-' and '_'")
    src = data.get("source", {})
    if not isinstance(src, dict) or any(not isinstance(v, str) for v in src.values()):
        problems.append("source: must be a table of strings (posting, sha256, engine_version)")
    elif set(src) - {"posting", "sha256", "engine_version"}:
        problems.append("source: only posting, sha256 and engine_version are allowed")
    raw = data.get("criteria")
    if not isinstance(raw, list) or not raw:
        problems.append("criteria: must hold at least one [[criteria]] table")
        raw = []
    for i, c in enumerate(raw):
        _check_criterion(i, c, problems)
    ids = [c.get("id") for c in raw if isinstance(c, dict)]
    for dup in sorted({x for x in ids if isinstance(x, str) and ids.count(x) > 1}):
        problems.append(f"criteria: id {dup!r} is used more than once")
    for i, f in enumerate(data.get("findings", [])):
        if not (
            isinstance(f, dict)
            and isinstance(f.get("code"), str)
            and isinstance(f.get("message"), str)
            and isinstance(f.get("origin", ""), str)
        ):
            problems.append(f"findings[{i}]: needs string code, message and origin")
    _check_tuning(data.get("tuning"), problems)
    return problems


def _check_tuning(raw: object, problems: list[str]) -> None:
    """The optional ``[tuning]`` table: provenance of tuned weights, never read by scoring."""
    if raw is None:
        return
    if not isinstance(raw, dict):
        problems.append("tuning: must be a table")
        return
    for k in sorted(raw):
        v, kind = raw[k], TUNING_FIELDS.get(k)
        if kind is None:
            problems.append(f"tuning.{k}: unknown field")
        elif kind == "str" and not isinstance(v, str):
            problems.append(f"tuning.{k}: must be a string")
        elif kind == "int" and not (isinstance(v, int) and not isinstance(v, bool) and v >= 0):
            problems.append(f"tuning.{k}: must be an integer >= 0")
        elif kind == "bool" and not isinstance(v, bool):
            problems.append(f"tuning.{k}: must be true or false")
        elif kind.startswith("float") and not _is_num(v):
            problems.append(f"tuning.{k}: must be a number")


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the rubric format (shipped as ``matcher/rubric/schema.json``)."""
    path = Path(__file__).with_name("schema.json")
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result
