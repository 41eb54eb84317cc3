"""Run manifest: what a run read, with what, and what it wrote, in; a JSON record out.

Input is a command's files, rubrics, options and output tables; output is a plain dict written
as JSON (``dumps``): the engine version, each input file's sha256 (its name only when asked),
the rubrics' fingerprints, ``as_of``, the options, the readers and their versions, counts by
status, the output's sha256, the host's Python and package versions. No resume content and no
clock: identical inputs give identical bytes. Timings go to a file of their own. ``compare``
tells what differs between a manifest and a rerun's (``matcher verify``).
"""

from __future__ import annotations

import hashlib
import json
import platform
from collections.abc import Iterable, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.errors import MatcherError
from matcher.ranking import csv_text
from matcher.rubric.model import Rubric

MANIFEST_VERSION = 1
SUFFIX = ".manifest.json"
TIMINGS_SUFFIX = ".timings.json"
READERS = {"pdf": "pdfminer.six", "docx": "python-docx"}
PACKAGES = ("polars", "pdfminer.six", "python-docx", "rapidfuzz", "simplemma", "tomli-w")
# What must match for the output to be the same; the host is shown, not required.
DECIDES = ("command", "engine_version", "inputs", "rubrics", "as_of", "options", "extra")


class ManifestError(MatcherError):
    """A manifest file that cannot be read or is not a matcher manifest."""

    status = "bad_manifest"


def file_sha256(path: str | Path) -> str | None:
    """The sha256 of a file's bytes, or ``None`` when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return hashlib.sha256(f.read()).hexdigest()
    except OSError:
        return None


def file_hashes(paths: Sequence[str | Path], threads: int = 4) -> list[str | None]:
    """``file_sha256`` of each of ``paths``, in order, read in ``threads`` threads (reading
    and hashing let other threads run, so a batch of small files is hashed at disk speed)."""
    from concurrent.futures import ThreadPoolExecutor

    def each(chunk: Sequence[str | Path]) -> list[str | None]:
        return [file_sha256(p) for p in chunk]

    # In chunks: a future per file would cost more than hashing a small file.
    chunks = [paths[i : i + 256] for i in range(0, len(paths), 256)]
    with ThreadPoolExecutor(threads) as pool:
        return [h for hashes in pool.map(each, chunks) for h in hashes]


def table_sha256(table: pl.DataFrame) -> str:
    """The sha256 of a table as plain CSV, whatever format it was written in."""
    return hashlib.sha256(csv_text(table).encode("utf-8")).hexdigest()


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def build(
    command: str,
    *,
    files: Iterable[str | Path],
    rubrics: Sequence[Rubric] = (),
    as_of: str | None = None,
    options: Mapping[str, Any] | None = None,
    counts: Mapping[str, int] | None = None,
    outputs: Mapping[str, str] | None = None,
    extra: Mapping[str, str | None] | None = None,
    names: bool = False,
    hashes: Mapping[str, str | None] | None = None,
) -> dict[str, Any]:
    """A run's manifest as plain data (see the module's docstring).

    Args:
        command: ``score``, ``tune`` or ``audit``.
        files: the input files (resumes, or a ranking); recorded by hash, sorted.
        rubrics: recorded by job id and fingerprint.
        as_of: the run's date, ISO.
        options: what changes the output (``top``, ``blind``, ``cut``...), never paths.
        counts: rows or files by status.
        outputs: name -> sha256 of what the run wrote (``table_sha256``).
        extra: other inputs by role (labels, groups) -> their sha256.
        names: record the input files' paths too (so ``verify`` can find them).
        hashes: the sha256 of input files the run already hashed, by path (``Scored.hashes``);
            the others are read and hashed here.
    """
    known = hashes or {}

    def sha256(f: str | Path) -> str | None:
        return known[str(f)] if str(f) in known else file_sha256(f)

    inputs = sorted(
        ({"sha256": sha256(f), **({"name": str(f)} if names else {})} for f in files),
        key=lambda d: (d["sha256"] or "", d.get("name", "")),
    )
    return {
        "manifest_version": MANIFEST_VERSION,
        "command": command,
        "engine_version": ENGINE_VERSION,
        "inputs": inputs,
        "rubrics": sorted(
            ({"job_id": r.job_id, "fingerprint": r.fingerprint} for r in rubrics),
            key=lambda d: d["job_id"],
        ),
        "as_of": as_of,
        "options": dict(sorted((options or {}).items())),
        "extra": dict(sorted((extra or {}).items())),
        "readers": {kind: f"{p} {_version(p)}" for kind, p in READERS.items()},
        "counts": dict(sorted((counts or {}).items())),
        "outputs": dict(sorted((outputs or {}).items())),
        "host": {
            "python": platform.python_version(),
            "packages": {p: _version(p) for p in PACKAGES},
        },
    }


def dumps(data: Mapping[str, Any]) -> str:
    """The manifest as JSON text: sorted keys, two-space indent, a final newline."""
    return json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def default_path(out: Path) -> Path:
    """Where a run that wrote ``out`` writes its manifest: ``ranking.csv.manifest.json``."""
    return out.with_name(out.name + SUFFIX)


def write(path: Path, data: Mapping[str, Any], timings: Mapping[str, float]) -> None:
    """Write the manifest, and its timings beside it (``x.timings.json``): apart, so the
    manifest's bytes depend only on what was run."""
    path.write_text(dumps(data), encoding="utf-8", newline="\n")
    rounded = {k: round(v, 3) for k, v in sorted(timings.items())}
    timing_path = path.with_name(path.name.removesuffix(SUFFIX).removesuffix(".json"))
    timing_path.with_name(timing_path.name + TIMINGS_SUFFIX).write_text(
        json.dumps(rounded, indent=2) + "\n", encoding="utf-8"
    )


def read_manifest(path: str | Path) -> dict[str, Any]:
    """A manifest file's data; ``ManifestError`` when it is no matcher manifest."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as e:
        raise ManifestError(f"{p}: cannot read a manifest: {e}") from None
    if not isinstance(data, dict) or data.get("manifest_version") != MANIFEST_VERSION:
        raise ManifestError(f"{p}: not a matcher manifest (manifest_version {MANIFEST_VERSION})")
    missing = [k for k in (*DECIDES, "outputs") if k not in data]
    if missing:
        raise ManifestError(f"{p}: manifest lacks {', '.join(missing)}")
    return data


def compare(recorded: Mapping[str, Any], fresh: Mapping[str, Any]) -> tuple[list[str], list[str]]:
    """What differs between a recorded manifest and a rerun's: the differences that change the
    output (inputs, rubrics, options, the output itself), and notes (the host, the readers).

    >>> a = build("score", files=[], as_of="2026-01-01", outputs={"ranking": "x"})
    >>> compare(a, {**a, "as_of": "2026-02-01", "outputs": {"ranking": "y"}})[0]
    ["as_of: '2026-01-01' then, '2026-02-01' now", 'outputs.ranking: differs']
    """
    differs = []
    for key in DECIDES:
        if recorded.get(key) != fresh.get(key):
            if key in ("inputs", "rubrics"):
                field = "sha256" if key == "inputs" else "fingerprint"
                then = {d.get(field) for d in recorded.get(key, [])}
                now = {d.get(field) for d in fresh.get(key, [])}
                differs.append(
                    f"{key}: {len(then - now)} recorded not given or changed, "
                    f"{len(now - then)} given not recorded"
                )
            else:
                differs.append(f"{key}: {recorded.get(key)!r} then, {fresh.get(key)!r} now")
    for name, digest in sorted(recorded.get("outputs", {}).items()):
        if fresh.get("outputs", {}).get(name) != digest:
            differs.append(f"outputs.{name}: differs")
    notes = [
        f"{key}: {recorded.get(key)} then, {fresh.get(key)} now"
        for key in ("readers", "host")
        if recorded.get(key) != fresh.get(key)
    ]
    return differs, notes
