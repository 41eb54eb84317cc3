"""Rubric files: TOML text in, ``Rubric`` values out, and back; lint advice on a valid rubric.

``compile`` writes rubrics, a person may edit them, ``score`` reads only them. Loading collects
every problem with its path (``criteria[3].weight: must be > 0``) and raises ``RubricError``
once; the checks themselves are the module before, ``matcher.rubric.check``.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

import tomli_w

from matcher.errors import RubricError
from matcher.rubric.check import TUNING_FIELDS, check_data, migrate
from matcher.rubric.model import Criterion, Finding, Rubric, Source, Tuning, criterion_data
from matcher.rubric.stamp import stamp_line
from matcher.vocab.kinds import CONCRETE_KINDS, as_kind
from matcher.vocab.lexicon import default_lexicon


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
        "criteria": [criterion_data(c) for c in rubric.criteria],
    }
    if rubric.findings:
        d["findings"] = [
            {"code": f.code, "message": f.message, "origin": f.origin} for f in rubric.findings
        ]
    if rubric.tuning is not None:
        d["tuning"] = {
            k: getattr(rubric.tuning, k)
            for k in TUNING_FIELDS
            if getattr(rubric.tuning, k) is not None
        }
    return d


def to_toml(rubric: Rubric) -> str:
    """The rubric as TOML text, with a header comment for the person who will edit it.

    The header records a digest of the text below it (``matcher.rubric.stamp``), so that
    ``matcher compile`` can tell a file a person edited from one it may replace.
    """
    head = (
        f"# matcher rubric for {rubric.title!r} ({rubric.job_id}).\n"
        "# Edit weights, aliases and `required` freely; `matcher check` validates the file.\n"
    )
    rest = "\n" + tomli_w.dumps(to_dict(rubric), multiline_strings=False)
    return head + stamp_line(rest) + rest


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


def collect_rubrics(
    paths: Iterable[str | Path],
) -> tuple[list[tuple[Path, Rubric]], list[tuple[Path, tuple[str, ...]]]]:
    """Load every rubric file named; never stop at the first bad one.

    Returns:
        ``(loaded, failed)``: the valid files with their rubrics, in ``rubric_files`` order, and
        each invalid file with every one of its problems (``criteria[3].weight: must be > 0``).
        A file whose ``job_id`` an earlier valid file already has is failed, naming that file.

    Raises:
        RubricError: for a folder that holds no ``*.toml`` (``rubric_files``).
    """
    loaded: list[tuple[Path, Rubric]] = []
    failed: list[tuple[Path, tuple[str, ...]]] = []
    first: dict[str, Path] = {}
    for f in rubric_files(paths):
        try:
            r = load_rubric(f)
        except RubricError as e:
            where = f"{f}: "
            lines = e.problems or (e.message.removeprefix(where),)
            failed.append((f, tuple(lines)))
            continue
        if r.job_id in first:
            failed.append((f, (f"job_id {r.job_id!r} is also the job_id of {first[r.job_id]}",)))
            continue
        first[r.job_id] = f
        loaded.append((f, r))
    return loaded, failed


def load_rubrics(paths: Iterable[str | Path]) -> list[Rubric]:
    """Load rubric files and every ``*.toml`` in the given folders, sorted by path per folder.

    All or nothing: scoring against some of a folder's rubrics without saying so would rank
    candidates for jobs a person thinks are there. ``collect_rubrics`` keeps the valid ones.

    Raises:
        RubricError: naming every invalid file and every problem in each (not only the
            first), and every ``job_id`` two files share.
    """
    loaded, failed = collect_rubrics(paths)
    if failed:
        total = len(loaded) + len(failed)
        raise RubricError(
            f"{len(failed)} of {total} rubric files cannot be used",
            tuple(f"{path}: {p}" for path, problems in failed for p in problems),
        )
    return [r for _, r in loaded]


def from_dict(data: Mapping[str, Any], *, where: str = "<rubric>") -> Rubric:
    """Validate plain data (as parsed from TOML) and build a ``Rubric``; raise ``RubricError``.

    ``matcher.rubric.check.check_data`` lists the problems; this raises once with all of them,
    so the building below only ever sees data that passed.
    """
    data = migrate(dict(data))
    problems = check_data(data)
    if problems:
        raise RubricError(f"{where}: invalid rubric ({len(problems)} problems)", tuple(problems))
    tuning = data.get("tuning")
    return Rubric(
        job_id=data["job_id"],
        title=data["title"],
        language=data["language"],
        criteria=tuple(_criterion(c) for c in data["criteria"]),
        source=Source(**data.get("source", {})),
        findings=tuple(
            Finding(f["code"], f["message"], f.get("origin", "")) for f in data.get("findings", [])
        ),
        tuning=None if tuning is None else _tuning(tuning),
    )


def _criterion(c: Mapping[str, Any]) -> Criterion:
    """A checked ``[[criteria]]`` table as a ``Criterion`` (labels and aliases stripped)."""
    min_years = c.get("min_years")
    return Criterion(
        id=str(c["id"]),
        kind=as_kind(str(c["kind"])),
        label=str(c["label"]).strip(),
        weight=float(c["weight"]),
        aliases=tuple(a.strip() for a in c.get("aliases", [])),
        required=bool(c.get("required", False)),
        origin=str(c.get("origin", "")),
        min_level=c.get("min_level"),
        min_years=None if min_years is None else float(min_years),
        field=None if c.get("field") is None else str(c["field"]).strip(),
        any_of=tuple(a.strip() for a in c.get("any_of", [])),
    )


def _tuning(raw: Mapping[str, Any]) -> Tuning:
    """A checked ``[tuning]`` table as ``Tuning`` (numbers of float fields as floats)."""
    values: dict[str, Any] = {
        k: float(v) if TUNING_FIELDS[k].startswith("float") else v for k, v in raw.items()
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
        if c.required and c.kind not in CONCRETE_KINDS:
            notes.append(
                f"criteria[{i}] {c.id}: required, but a {c.kind.replace('_', ' ')} is weighed, "
                "not shown or not: no resume can prove it; make it not required"
            )
        elif c.required and default_lexicon().vague(c.label):
            notes.append(
                f"criteria[{i}] {c.id}: required, but {c.label!r} names nothing in particular "
                "(a resume cannot meet it); name the thing, or make it not required"
            )
    labels = [c.label.casefold() for c in rubric.criteria]
    for dup in sorted({x for x in labels if labels.count(x) > 1}):
        notes.append(f"criteria: label {dup!r} appears more than once")
    return notes
