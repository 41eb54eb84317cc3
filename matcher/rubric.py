"""Rubric: the job's criteria as values, and the TOML file that is the contract between steps.

Input is a TOML file (or its text); output is a ``Rubric`` holding ``Criterion`` values, and back.
``compile`` writes rubrics, a person may edit them, ``score`` reads only them. Loading collects
every problem with its path (``criteria[3].weight: must be > 0``) and raises ``RubricError`` once.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import tomli_w

from matcher.errors import RubricError

SCHEMA_VERSION = 1
KINDS = (
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
)
MAX_WEIGHT = 1_000_000.0
LEVELS = ("highschool", "associate", "bachelor", "master", "doctorate")
_ID = re.compile(r"^[a-z0-9][a-z0-9_\-]*$")


@dataclass(frozen=True, slots=True)
class Criterion:
    """One thing the job asks for, with how much it counts and where it came from."""

    id: str
    kind: str
    label: str
    weight: float
    aliases: tuple[str, ...] = ()
    required: bool = False
    origin: str = ""
    min_level: str | None = None  # education criteria only
    min_years: float | None = None  # experience criteria only

    @property
    def terms(self) -> tuple[str, ...]:
        """The label first, then the aliases: what term matching looks for."""
        return (self.label, *self.aliases)


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
            [self.job_id, [_criterion_dict(c) for c in self.criteria]],
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


def _criterion_dict(c: Criterion) -> dict[str, Any]:
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
    return d


def to_dict(rubric: Rubric) -> dict[str, Any]:
    """The rubric as plain data, in file order (what ``to_toml`` writes)."""
    d: dict[str, Any] = {
        "schema_version": rubric.schema_version,
        "job_id": rubric.job_id,
        "title": rubric.title,
        "language": rubric.language,
        "source": {
            "posting": rubric.source.posting,
            "sha256": rubric.source.sha256,
            "engine_version": rubric.source.engine_version,
        },
        "criteria": [_criterion_dict(c) for c in rubric.criteria],
    }
    if rubric.findings:
        d["findings"] = [
            {"code": f.code, "message": f.message, "origin": f.origin} for f in rubric.findings
        ]
    if rubric.tuning is not None:
        d["tuning"] = {
            k: getattr(rubric.tuning, k) for k in _TUNING if getattr(rubric.tuning, k) is not None
        }
    return d


def to_toml(rubric: Rubric) -> str:
    """The rubric as TOML text, with a header comment for the person who will edit it."""
    head = (
        f"# matcher rubric for {rubric.title!r} ({rubric.job_id}).\n"
        "# Edit weights, aliases and `required` freely; `matcher check` validates the file.\n\n"
    )
    return head + tomli_w.dumps(to_dict(rubric), multiline_strings=False)


def save_rubric(rubric: Rubric, path: str | Path) -> Path:
    """Write ``rubric`` to ``path`` as TOML (UTF-8, ``\\n`` line ends) and return the path."""
    p = Path(path)
    p.write_text(to_toml(rubric), encoding="utf-8", newline="\n")
    return p


def loads_rubric(text: str, *, where: str = "<string>") -> Rubric:
    """Parse and validate rubric TOML text; raise ``RubricError`` listing every problem."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RubricError(f"{where}: not valid TOML: {e}") from None
    return from_dict(data, where=where)


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file.

    Raises ``RubricError`` when the file is missing, not TOML, or invalid; the error lists
    every problem with its path, e.g. ``criteria[3].weight: must be > 0``.
    """
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RubricError(f"{p}: rubric file not found") from None
    except (OSError, UnicodeDecodeError) as e:
        raise RubricError(f"{p}: cannot read rubric: {e}") from None
    return loads_rubric(text, where=str(p))


def rubric_files(paths: Iterable[str | Path]) -> list[Path]:
    """The rubric files named: files as given, and every ``*.toml`` in a folder (sorted).

    A file named twice (directly or through its folder) is listed once.
    Raises ``RubricError`` for a folder that holds no ``*.toml``.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for path in paths:
        p = Path(path)
        files = sorted(p.glob("*.toml")) if p.is_dir() else [p]
        if p.is_dir() and not files:
            raise RubricError(f"{p}: folder holds no *.toml rubric")
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    return out


def duplicate_job_ids(loaded: Iterable[tuple[Path, Rubric]]) -> list[str]:
    """A problem line for every ``job_id`` that two rubric files share, naming both files."""
    first: dict[str, Path] = {}
    problems = []
    for path, r in loaded:
        if r.job_id in first:
            problems.append(f"{path}: job_id {r.job_id!r} is also the job_id of {first[r.job_id]}")
        else:
            first[r.job_id] = path
    return problems


def load_rubrics(paths: Iterable[str | Path]) -> list[Rubric]:
    """Load rubric files and every ``*.toml`` in the given folders, sorted by path per folder.

    Raises ``RubricError`` on the first invalid file, or when two files share a ``job_id``.
    """
    loaded = [(f, load_rubric(f)) for f in rubric_files(paths)]
    problems = duplicate_job_ids(loaded)
    if problems:
        raise RubricError("rubrics must have distinct job_ids", tuple(problems))
    return [r for _, r in loaded]


# ---------------------------------------------------------------- validation

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
_TUNING = {f.name: str(f.type) for f in fields(Tuning)}  # field name -> type text, in order
_CRIT = {"id", "kind", "label", "aliases", "weight", "required", "origin", "min_level", "min_years"}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring an older file's data up to ``SCHEMA_VERSION`` (version 1 is the first: identity)."""
    return data


def _is_num(v: object) -> bool:
    return isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v)


def _check_criterion(i: int, c: object, problems: list[str]) -> Criterion | None:
    at = f"criteria[{i}]"
    if not isinstance(c, dict):
        problems.append(f"{at}: must be a table")
        return None
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
        aliases = []
    required = c.get("required", False)
    if not isinstance(required, bool):
        problems.append(f"{at}.required: must be true or false")
    origin = c.get("origin", "")
    if not isinstance(origin, str):
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
    if len(problems):
        return None
    return Criterion(
        id=str(cid),
        kind=str(kind),
        label=str(label).strip(),
        weight=float(weight),  # type: ignore[arg-type]
        aliases=tuple(a.strip() for a in aliases),
        required=bool(required),
        origin=str(origin),
        min_level=min_level,
        min_years=None if min_years is None else float(min_years),
    )


def from_dict(data: Mapping[str, Any], *, where: str = "<rubric>") -> Rubric:
    """Validate plain data (as parsed from TOML) and build a ``Rubric``; raise ``RubricError``."""
    data = migrate(dict(data))
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
        src = {}
    elif set(src) - {"posting", "sha256", "engine_version"}:
        problems.append("source: only posting, sha256 and engine_version are allowed")
    raw = data.get("criteria")
    criteria: list[Criterion] = []
    if not isinstance(raw, list) or not raw:
        problems.append("criteria: must hold at least one [[criteria]] table")
        raw = []
    for i, c in enumerate(raw):
        own: list[str] = []
        crit = _check_criterion(i, c, own)
        problems.extend(own)
        if crit is not None:
            criteria.append(crit)
    ids = [c.get("id") for c in raw if isinstance(c, dict)]
    for dup in sorted({x for x in ids if isinstance(x, str) and ids.count(x) > 1}):
        problems.append(f"criteria: id {dup!r} is used more than once")
    findings: list[Finding] = []
    for i, f in enumerate(data.get("findings", [])):
        if not (
            isinstance(f, dict)
            and isinstance(f.get("code"), str)
            and isinstance(f.get("message"), str)
            and isinstance(f.get("origin", ""), str)
        ):
            problems.append(f"findings[{i}]: needs string code, message and origin")
            continue
        findings.append(Finding(f["code"], f["message"], f.get("origin", "")))
    tuning = _check_tuning(data.get("tuning"), problems)
    if problems:
        raise RubricError(f"{where}: invalid rubric ({len(problems)} problems)", tuple(problems))
    return Rubric(
        job_id=data["job_id"],
        title=data["title"],
        language=data["language"],
        criteria=tuple(criteria),
        source=Source(**src),
        findings=tuple(findings),
        tuning=tuning,
    )


def _check_tuning(raw: object, problems: list[str]) -> Tuning | None:
    """The optional ``[tuning]`` table: provenance of tuned weights, never read by scoring."""
    if raw is None:
        return None
    if not isinstance(raw, dict):
        problems.append("tuning: must be a table")
        return None
    ok = True
    for k in sorted(raw):
        v, kind = raw[k], _TUNING.get(k)
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
        else:
            continue
        ok = False
    if not ok:
        return None
    values: dict[str, Any] = {
        k: float(v) if _TUNING[k].startswith("float") else v for k, v in raw.items()
    }
    return Tuning(**values)


def lint(rubric: Rubric) -> list[str]:
    """Advice on a valid rubric: things that are allowed but probably not meant.

    Returns human-readable lines; the compiler's own findings (e.g. fairness exclusions) come
    first.
    """
    notes = [
        f"{f.code}: {f.message}" + (f" (from: {f.origin!r})" if f.origin else "")
        for f in rubric.findings
    ]
    total = sum(c.weight for c in rubric.criteria)
    for i, c in enumerate(rubric.criteria):
        if c.weight / total > 0.5 and len(rubric.criteria) > 2:
            notes.append(f"criteria[{i}] {c.id}: holds over half of the total weight")
        if c.kind not in ("education", "experience") and any(len(t.strip()) < 2 for t in c.terms):
            notes.append(f"criteria[{i}] {c.id}: a one-character term matches too easily")
    labels = [c.label.casefold() for c in rubric.criteria]
    for dup in sorted({x for x in labels if labels.count(x) > 1}):
        notes.append(f"criteria: label {dup!r} appears more than once")
    return notes


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the rubric format (shipped as ``matcher/data/rubric.schema.json``)."""
    path = Path(__file__).with_name("data") / "rubric.schema.json"
    result: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return result
