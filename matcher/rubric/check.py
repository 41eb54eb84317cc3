"""Rubric check: a rubric file's plain data in, the list of its problems out.

Input is the mapping ``tomllib`` parses from a rubric file (after ``migrate``); output is a list
of problems, each with its place (``criteria[3].weight: must be > 0``), empty when the data is a
valid rubric. This module only checks: ``matcher.rubric.io`` raises ``RubricError`` once with
every problem and builds the ``Rubric`` from data that passed. The JSON Schema shipped for editors
(``matcher/rubric/schema.json``) describes the same format.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import reprlib
import unicodedata
from collections import Counter
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from typing import Any

from matcher.rubric.model import SCHEMA_VERSION, Tuning
from matcher.vocab.kinds import KINDS
from matcher.vocab.levels import LEVELS

MAX_WEIGHT = 1_000_000.0
# What one rubric may hold. A compiled rubric has a few dozen criteria with up to a dozen
# aliases; the bounds keep a hand-made or hostile file from costing minutes to check and score.
MAX_CRITERIA = 500
MAX_ALIASES = 100  # per criterion
MAX_TERMS = 2_000  # labels and aliases of the whole rubric
MAX_TERM_CHARS = 200  # one label or alias
MAX_JOB_ID = 100  # characters: a job_id is a file name too
MAX_PROBLEMS = 50  # listed; the rest are counted
# Whole-string patterns (``fullmatch``): "$" would also match before a trailing newline.
_ID = re.compile(r"[a-z0-9][a-z0-9_\-]*")

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
    "not_aliases",
}
# The [tuning] table: field name -> type text ("str", "float | None"...) of ``Tuning``, in order.
TUNING_FIELDS = {f.name: str(f.type) for f in fields(Tuning)}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's data up to ``SCHEMA_VERSION`` (version 1 is the first: identity)."""
    return data


def _is_num(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def is_job_id(value: object) -> bool:
    """Whether ``value`` is a valid ``job_id``: letters, digits, '-' and '_', a letter or digit
    first, at most ``MAX_JOB_ID`` characters, nothing else (not even a trailing newline).

    >>> is_job_id("000_1e07-1"), is_job_id("abc\\n"), is_job_id("-rf"), is_job_id(True)
    (True, False, False, False)
    """
    return (
        isinstance(value, str)
        and len(value) <= MAX_JOB_ID
        and _ID.fullmatch(value.lower()) is not None
    )


def job_id_for(name: str, room: int = MAX_JOB_ID) -> str:
    """A valid ``job_id`` made from a posting's name (its file stem), the same name if it is one.

    Another name becomes its ASCII letters and digits (accents dropped) joined by '-', and a
    short hash of the name, so that two names that read alike ("a b" and "a+b") stay apart
    and a name with no ASCII letter at all ("产品经理", "...") still gets one. The result
    takes at most ``room`` characters (what a suffix such as "-12" leaves).

    >>> job_id_for("000_1e07a38cda397245"), job_id_for("-rf"), job_id_for("ünï b")
    ('000_1e07a38cda397245', 'rf-686c39ac', 'uni-b-2a1e42f7')
    >>> job_id_for("..."), job_id_for("a\\nb"), job_id_for("产品经理")
    ('job-ab5df625', 'a-b-7e18f737', 'job-0dba9138')
    """
    if is_job_id(name) and len(name) <= room:
        return name
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^A-Za-z0-9]+", "-", ascii_name).strip("-")
    slug = slug[: max(1, min(60, room - 9))].strip("-") or "job"
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    return f"{slug}-{digest}"


def term_problem(term: object) -> str | None:
    """Why ``term`` cannot be a criterion's label or alias, or None when it can.

    A term must be a string with a letter or a CJK character in it (a label "." or "-" would
    match every resume) and at most ``MAX_TERM_CHARS`` characters.

    >>> term_problem("C++"), term_problem("."), term_problem("数据分析")
    (None, 'must hold a letter or a CJK character', None)
    """
    if not (isinstance(term, str) and term.strip()):
        return "must be a non-empty string"
    if len(term) > MAX_TERM_CHARS:
        return f"must be at most {MAX_TERM_CHARS} characters"
    if not any(ch.isalpha() for ch in term):  # str.isalpha: letters of every script, CJK too
        return "must hold a letter or a CJK character"
    return None


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
    if "id" in c and not (isinstance(cid, str) and _ID.fullmatch(cid)):
        problems.append(f"{at}.id: must be a slug of a-z, 0-9, '-' and '_'")
    if "kind" in c and not (isinstance(kind, str) and kind in KINDS):
        problems.append(f"{at}.kind: must be one of {', '.join(KINDS)}")
    if "label" in c and (why := term_problem(label)):
        problems.append(f"{at}.label: {why}")
    weight = c.get("weight")
    if "weight" in c:
        if not _is_num(weight):
            problems.append(f"{at}.weight: must be a finite number, not {_short(weight)}")
        elif not weight > 0:  # type: ignore[operator]
            problems.append(f"{at}.weight: must be > 0")
        elif weight > MAX_WEIGHT:  # type: ignore[operator]
            # Only ratios matter; a bound keeps sums of weights finite (1e308 gave NaN scores).
            problems.append(f"{at}.weight: must be at most {MAX_WEIGHT:g}")
    aliases = c.get("aliases", [])
    if not isinstance(aliases, list):
        problems.append(f"{at}.aliases: must be a list of strings")
    elif len(aliases) > MAX_ALIASES:
        problems.append(f"{at}.aliases: {len(aliases)} aliases, at most {MAX_ALIASES} allowed")
    else:
        for j, a in enumerate(aliases):
            if why := term_problem(a):
                problems.append(f"{at}.aliases[{j}]: {why}")
    problems += _not_aliases_problems(c, at)
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
        elif len(alts) > MAX_ALIASES:
            problems.append(f"{at}.any_of: {len(alts)} terms, at most {MAX_ALIASES} allowed")
        else:
            # Each is matched as a term, like the label it stands for (a "." matched every resume).
            for j, a in enumerate(alts):
                why = term_problem(a)
                if why:
                    problems.append(f"{at}.any_of[{j}]: {why}")


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
    # Strictly the integer: TOML's true and 1.0 compare equal to 1 in Python.
    if type(version) is not int or version != SCHEMA_VERSION:
        problems.append(f"schema_version: must be {SCHEMA_VERSION} (found {_short(version)})")
    for k in ("job_id", "title", "language"):
        if not (isinstance(data.get(k), str) and data[k].strip()):
            problems.append(f"{k}: must be a non-empty string")
    if isinstance(data.get("job_id"), str) and not is_job_id(data["job_id"]):
        problems.append(
            f"job_id: must be letters, digits, '-' and '_' (a letter or digit first, at most "
            f"{MAX_JOB_ID} characters)"
        )
    src = data.get("source", {})
    if not isinstance(src, dict) or any(not isinstance(v, str) for v in src.values()):
        problems.append("source: must be a table of strings (posting, sha256, engine_version)")
    elif set(src) - {"posting", "sha256", "engine_version"}:
        problems.append("source: only posting, sha256 and engine_version are allowed")
    raw = data.get("criteria")
    if not isinstance(raw, list) or not raw:
        problems.append("criteria: must hold at least one [[criteria]] table")
        raw = []
    if len(raw) > MAX_CRITERIA:
        problems.append(
            f"criteria: {len(raw)} criteria, at most {MAX_CRITERIA} allowed per rubric "
            f"(only the first {MAX_CRITERIA} were checked)"
        )
        raw = raw[:MAX_CRITERIA]
    for i, c in enumerate(raw):
        _check_criterion(i, c, problems)
    terms = sum(
        (len(c["any_of"]) if isinstance(c.get("any_of"), list) else 1)
        + (len(c["aliases"]) if isinstance(c.get("aliases"), list) else 0)
        for c in raw
        if isinstance(c, dict)
    )
    if terms > MAX_TERMS:
        problems.append(f"criteria: {terms} labels and aliases, at most {MAX_TERMS} allowed")
    ids = Counter(str(c["id"]) for c in raw if isinstance(c, dict) and isinstance(c.get("id"), str))
    for dup in sorted(x for x, n in ids.items() if n > 1):
        problems.append(f"criteria: id {_short(dup)} is used more than once")
    findings = data.get("findings", [])
    if not isinstance(findings, list):
        problems.append("findings: must be a list of [[findings]] tables")
        findings = []
    for i, f in enumerate(findings):
        if not (
            isinstance(f, dict)
            and isinstance(f.get("code"), str)
            and isinstance(f.get("message"), str)
            and isinstance(f.get("origin", ""), str)
        ):
            problems.append(f"findings[{i}]: needs string code, message and origin")
    _check_tuning(data.get("tuning"), problems)
    if len(problems) > MAX_PROBLEMS:
        problems[MAX_PROBLEMS:] = [f"... and {len(problems) - MAX_PROBLEMS} more problems"]
    return problems


_REPR = reprlib.Repr()  # keyword arguments need Python 3.12
_REPR.maxlevel, _REPR.maxstring, _REPR.maxother, _REPR.maxlist, _REPR.maxdict = 2, 40, 40, 4, 4


def _short(value: object) -> str:
    """A short ``repr`` of ``value`` (however deep or long), for a problem line that quotes it."""
    return _REPR.repr(value)


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


def _not_aliases_problems(c: dict[str, Any], at: str) -> list[str]:
    """What is wrong with a criterion's ``not_aliases`` (names a person ruled out): a list of
    names, none of them the label, an alias or an alternative (a name cannot be both)."""
    if "not_aliases" not in c:
        return []
    names = c["not_aliases"]
    if not isinstance(names, list) or len(names) > MAX_ALIASES:
        return [f"{at}.not_aliases: must be a list of at most {MAX_ALIASES} strings"]
    problems = []
    aliases = c.get("aliases", [])
    listed = {
        str(t).strip().casefold(): where
        for where, ts in (
            ("label", [c.get("label")]),
            ("any_of", c.get("any_of", [])),
            ("aliases", aliases),
        )
        if isinstance(ts, list)
        for t in ts
        if isinstance(t, str)
    }
    for j, n in enumerate(names):
        if why := term_problem(n):
            problems.append(f"{at}.not_aliases[{j}]: {why}")
        elif (where := listed.get(n.strip().casefold())) is not None:
            problems.append(
                f"{at}.not_aliases[{j}]: {n.strip()!r} is also in {where}: "
                "a name cannot be both; delete it from one of them"
            )
    return problems
