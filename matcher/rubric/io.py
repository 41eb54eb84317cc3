"""Rubric files: TOML text in, ``Rubric`` values out, and back; lint advice on a valid rubric.

``compile`` writes rubrics, a person may edit them, ``score`` reads only them. Loading collects
every problem with its path (``criteria[3].weight: must be > 0``) and raises ``RubricError``
once; the checks themselves are the module before, ``matcher.rubric.check``.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

import tomli_w

from matcher.errors import RubricError
from matcher.files import atomic_write
from matcher.rubric.check import (
    MAX_ALIASES,
    MAX_CRITERIA,
    MAX_JOB_ID,
    MAX_TERMS,
    TUNING_FIELDS,
    check_data,
    job_id_for,
    migrate,
    term_problem,
)
from matcher.rubric.model import Criterion, Finding, Rubric, Source, Tuning, criterion_data
from matcher.rubric.stamp import stamp_line
from matcher.vocab.kinds import CONCRETE_KINDS, as_kind
from matcher.vocab.lexicon import default_lexicon
from matcher.vocab.protected import protected_trait


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
    """Write ``rubric`` to ``path`` as TOML (UTF-8, ``\\n`` line ends) and return the path.

    Written whole or not at all (``files.atomic_write``).
    """
    return save_text(to_toml(rubric), path)


def save_text(text: str, path: str | Path) -> Path:
    """Write rubric TOML ``text`` to ``path`` (UTF-8, ``\\n`` line ends), whole or not at all."""
    return atomic_write(path, lambda tmp: tmp.write_text(text, encoding="utf-8", newline="\n"))


# A compiled rubric is a few kilobytes; a file past this is not one (and would cost its size
# many times over to parse).
MAX_RUBRIC_BYTES = 2 * 1024 * 1024


def with_job_id(rubric: Rubric, stem: str) -> Rubric:
    """``rubric`` compiled from a posting file named ``stem``, with a valid job_id made from it.

    ``compile_file`` names rubrics after the file's stem (``stem`` or ``stem-N``); a stem such
    as "-rf", "a b", "ünï" or one holding a newline made a rubric ``check`` rejects (and a
    file name that is not TOML). ``check.job_id_for`` keeps a valid stem as it is.

    >>> r = Rubric("a b-2", "PM", "en", (Criterion("sql", "tool", "SQL", 1.0),))
    >>> with_job_id(r, "a b").job_id
    'a-b-c8687a08-2'
    """
    suffix = rubric.job_id[len(stem) :] if rubric.job_id.startswith(stem) else ""
    return replace(rubric, job_id=job_id_for(stem, MAX_JOB_ID - len(suffix)) + suffix)


def keep_ruled_out(rubric: Rubric, old: Rubric | None) -> Rubric:
    """``rubric`` with the names a person ruled out in ``old`` (an earlier file of the same
    job) left out again: each criterion of the same id takes ``old``'s ``not_aliases`` and
    drops those names from its aliases, so recompiling does not bring them back.

    >>> new = Rubric("j", "PM", "en", (Criterion("t", "title", "PM", 9.0, ("A", "B")),))
    >>> was = Rubric("j", "PM", "en", (Criterion("t", "title", "PM", 9.0, ("A",), not_aliases=("B",)),))
    >>> c = keep_ruled_out(new, was).criteria[0]
    >>> c.aliases, c.not_aliases
    (('A',), ('B',))
    """
    if old is None:
        return rubric
    ruled = {c.id: c.not_aliases for c in old.criteria if c.not_aliases}
    if not ruled:
        return rubric
    out = []
    for c in rubric.criteria:
        names = ruled.get(c.id, ())
        if names:
            gone = {n.casefold() for n in names}
            own = {t.casefold() for t in (c.label, *c.any_of)}
            c = replace(
                c,
                aliases=tuple(a for a in c.aliases if a.casefold() not in gone),
                not_aliases=tuple(n for n in names if n.casefold() not in own),
            )
        out.append(c)
    return replace(rubric, criteria=tuple(out))


def fit_to_check(rubric: Rubric) -> Rubric:
    """``rubric`` less what the check would reject in it, each removal kept as a finding.

    A posting may name a term without a letter ("."), one past 200 characters, or more
    criteria and aliases than a rubric may hold; such a compiled rubric is not written whole
    by ``matcher compile``: the terms the check refuses are left out, and a ``left_out``
    finding says which (``matcher check`` shows it).

    >>> r = Rubric("j", "PM", "en", (Criterion("sql", "tool", "SQL", 1.0, ("--", "MySQL")),))
    >>> fit_to_check(r).criteria[0].aliases, fit_to_check(r).findings[0].message
    (('MySQL',), 'criteria sql: alias left out: must hold a letter or a CJK character')
    """
    kept: list[Criterion] = []
    findings = list(rubric.findings)
    terms = 0
    for c in rubric.criteria:
        why = term_problem(c.label)
        if why or len(kept) >= MAX_CRITERIA or terms + 1 > MAX_TERMS:
            reason = why or f"over {MAX_CRITERIA} criteria or {MAX_TERMS} terms"
            findings.append(
                Finding("left_out", f"criteria {c.id}: left out: {reason}", c.label[:80])
            )
            continue
        aliases: list[str] = []
        for a in c.aliases:
            why = term_problem(a)
            if why is None and len(aliases) >= MAX_ALIASES:
                why = f"over {MAX_ALIASES} aliases"
            if why is None and terms + 1 + len(aliases) + 1 > MAX_TERMS:
                why = f"over {MAX_TERMS} terms"
            if why:
                findings.append(
                    Finding("left_out", f"criteria {c.id}: alias left out: {why}", a[:80])
                )
            else:
                aliases.append(a)
        any_of = tuple(a for a in c.any_of if term_problem(a) is None)[:MAX_ALIASES]
        if c.any_of and len(any_of) != len(c.any_of):
            findings.append(
                Finding("left_out", f"criteria {c.id}: any_of terms left out", c.label[:80])
            )
            any_of = any_of if len({a.casefold() for a in any_of}) >= 2 else ()
        terms += max(1, len(any_of)) + len(aliases)
        kept.append(replace(c, aliases=tuple(aliases), any_of=any_of))
    if len(findings) == len(rubric.findings):
        return rubric
    return replace(rubric, criteria=tuple(kept), findings=tuple(findings))


def unwritable(rubric: Rubric, path: Path) -> str | None:
    """Why ``rubric`` must not be written to ``path``, or None.

    A symbolic link there is never written through (it may point anywhere, outside the
    output folder too), and a rubric the check would reject is never written: ``matcher
    compile`` only writes files ``matcher check`` accepts.
    """
    if path.is_symlink():
        return f"{path} is a symbolic link: not written through it (remove the link first)"
    try:
        loads_rubric(to_toml(rubric), where=str(path))
    except RubricError as e:
        return f"{path}: not written, the compiled rubric fails the check: " + "; ".join(
            e.problems[:3]
        )
    return None


def loads_rubric(text: str, *, where: str = "<string>") -> Rubric:
    """Parse and validate rubric TOML text; raise ``RubricError`` listing every problem.

    >>> loads_rubric("x = " + "[" * 5000 + "]" * 5000)
    Traceback (most recent call last):
    matcher.errors.RubricError: <string>: not valid TOML: nested too deeply
    """
    if len(text) > MAX_RUBRIC_BYTES:
        raise RubricError(f"{where}: over {MAX_RUBRIC_BYTES // 2**20} MiB: not a rubric file")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        raise RubricError(f"{where}: not valid TOML: {e}") from None
    except RecursionError:
        raise RubricError(f"{where}: not valid TOML: nested too deeply") from None
    try:
        return from_dict(data, where=where)
    except RecursionError:  # a table nested past what the checks can walk
        raise RubricError(f"{where}: invalid rubric: nested too deeply") from None


def load_rubric(path: str | Path) -> Rubric:
    """Read and validate a rubric file.

    Raises ``RubricError`` when the file is missing, not TOML, or invalid; the error lists
    every problem with its path, e.g. ``criteria[3].weight: must be > 0``.
    """
    p = Path(path)
    try:
        with p.open("rb") as f:
            data = f.read(MAX_RUBRIC_BYTES + 1)
        text = data.decode("utf-8")
    except FileNotFoundError:
        raise RubricError(f"{p}: rubric file not found") from None
    except UnicodeDecodeError:
        raise RubricError(f"{p}: cannot read rubric: not UTF-8 text") from None
    except OSError as e:
        raise RubricError(f"{p}: cannot read rubric: {e.strerror or type(e).__name__}") from None
    if len(data) > MAX_RUBRIC_BYTES:
        raise RubricError(f"{p}: over {MAX_RUBRIC_BYTES // 2**20} MiB: not a rubric file")
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
        not_aliases=tuple(a.strip() for a in c.get("not_aliases", [])),
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
    notes += protected_criteria(rubric)
    labels = Counter(c.label.casefold() for c in rubric.criteria)
    for dup in sorted(x for x, n in labels.items() if n > 1):
        notes.append(f"criteria: label {dup!r} appears more than once")
    return notes


def protected_criteria(rubric: Rubric) -> list[str]:
    """A note for each criterion on a protected attribute or a known proxy, with why, in
    English and Chinese, and the law or guidance that makes it a risk.

    The compiler never writes such criteria; this catches hand edits and imported rubrics.
    What is read: the label, the alternatives, the aliases and an experience criterion's field.

    >>> from matcher.rubric.model import Criterion
    >>> r = Rubric("j", "t", "en", (Criterion("dn", "keyword", "digital native", 1.0),))
    >>> print(protected_criteria(r)[0])  # doctest: +ELLIPSIS
    criteria[0] dn: fairness: age proxy ('digital native'): a graduation year ... | 毕业年份...
    """
    notes = []
    for i, c in enumerate(rubric.criteria):
        for term in (*c.terms, c.field or ""):
            hit = protected_trait(term)
            if hit is not None:
                trait, words = hit
                notes.append(
                    f"criteria[{i}] {c.id}: fairness: {trait.name} ({words!r}): {trait.why} | "
                    f"{trait.why_zh}; a risk under {trait.law}"
                )
                break
    return notes
