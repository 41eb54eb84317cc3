"""CLI: the ``matcher`` command, a thin typer layer over the library (typer lives here only).

Each command parses its options, calls the library, formats, and stops. Data goes to stdout or
``-o FILE``, messages to stderr. Exit codes: 0 ok, 1 some inputs failed or a domain error,
2 usage error.
"""

from __future__ import annotations

import contextlib
import functools
import json
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperArgument, TyperCommand

from matcher._version import __version__
from matcher.errors import MatcherError, PostingError, RubricError, safe_message

if TYPE_CHECKING:
    from matcher.pipeline.run import Scored
    from matcher.read.reader import Reader
    from matcher.rubric.model import Rubric


class _Command(TyperCommand):
    """Help that reads as a person writes it: ``RESUME...``, not ``{resumes}... <list[Path]>``."""

    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for p in self.get_params(ctx):
            if isinstance(p, TyperArgument):
                name = p.metavar or (p.name or "").upper()
                pieces.append(name if p.nargs == 1 or name.endswith("...") else name + "...")
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for p in self.get_params(ctx):
            record = p.get_help_record(ctx)
            if record is None:
                continue
            if isinstance(p, TyperArgument):
                args.append((p.metavar or (p.name or "").upper(), record[1]))
            else:
                opts.append(record)
        for title, rows in (("Arguments", args), ("Options", opts)):
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Match resumes to jobs and explain why.",
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"matcher {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Match resumes to jobs and explain why."""


def _fail(message: str, code: int = 1) -> typer.Exit:
    typer.echo(f"matcher: {message}", err=True)
    return typer.Exit(code)


def _check_out(path: Path | None, hint: str) -> None:
    """Refuse an output path that cannot be written before any work is done."""
    if path is None:
        return
    if path.is_dir():
        raise typer.BadParameter(f"{path} is a folder, not a file", param_hint=hint)
    parent = path.parent
    if not parent.is_dir():
        raise typer.BadParameter(f"folder {parent} does not exist", param_hint=hint)


def _write(write: Callable[[], object], path: Path) -> None:
    """Run a write; an OS or polars error (full disk, no permission) becomes one clear message,
    exit 1. Writes go to a temporary file first (``files.atomic_write``): the old file stays."""
    import polars as pl

    try:
        write()
    except (OSError, pl.exceptions.PolarsError) as e:
        raise _fail(f"cannot write {path}: {_write_error(e, path)}") from None


def _write_error(e: Exception, path: Path) -> str:
    """Why a write failed, in words: polars says "File too large (os error 27)" or "Invalid
    thrift: transport error" (parquet) for a full disk."""
    import errno
    import shutil

    text = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
    full = getattr(e, "errno", None) in (errno.ENOSPC, errno.EFBIG) or "os error 2" in text
    with contextlib.suppress(OSError):
        full = full or shutil.disk_usage(path.parent).free < 2**20
    if full:
        return "no space left: the disk is full (or the file is over its size limit)"
    return (e.strerror if isinstance(e, OSError) else None) or safe_message(text, 200)


OcrMode = Annotated[
    str,
    typer.Option(
        "--ocr",
        metavar="auto|off",
        help="Read scanned pages and PNG/JPEG resumes by OCR when the ocr extra is installed "
        "(auto), or leave them needs_ocr (off).",
    ),
]


ReaderMode = Annotated[
    str,
    typer.Option(
        "--reader",
        metavar="pdfminer|pdfium",
        help="The PDF character source: pdfminer (default) or pdfium (several times faster, "
        "the same hidden-text checks; files with pictures or forms are still read by pdfminer).",
    ),
]


def _reader(name: str) -> Reader:
    if name == "pdfium":
        return "pdfium"
    if name != "pdfminer":
        raise typer.BadParameter("must be pdfminer or pdfium", param_hint="--reader")
    return "pdfminer"


def _ocr(mode: str) -> bool:
    if mode not in ("auto", "off"):
        raise typer.BadParameter("must be auto or off", param_hint="--ocr")
    return mode == "auto"


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2026-01-31", param_hint="--as-of"
        ) from None


# The run manifest's options, the same on score, tune and audit.
ManifestOption = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE",
        help="Write the run's manifest here (default: beside -o, as OUT.manifest.json).",
    ),
]
NoManifestOption = Annotated[bool, typer.Option("--no-manifest", help="Write no manifest.")]
ManifestNamesOption = Annotated[
    bool,
    typer.Option(
        "--manifest-names", help="Record input file paths in the manifest, not only hashes."
    ),
]


def _posting_files(folder: Path) -> list[Path]:
    """A folder's posting files by name: *.txt as always, and *.md, *.html, *.htm but a README."""
    found = set(folder.glob("*.txt"))
    for suffix in ("md", "html", "htm"):
        found.update(f for f in folder.glob(f"*.{suffix}") if f.stem.lower() != "readme")
    return sorted(found)


@app.command(cls=_Command)
def compile(
    postings: Annotated[
        list[Path],
        typer.Argument(
            metavar="POSTING...",
            help="Posting files (plain text, Markdown or HTML) or folders of them.",
        ),
    ],
    out: Annotated[
        Path, typer.Option("-o", "--out", metavar="FOLDER", help="Folder for the rubric files.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Replace rubric files a person changed, too.")
    ] = False,
    check: Annotated[
        bool,
        typer.Option(
            "--check", help="Write nothing; show how each file would change (exit 1 if any)."
        ),
    ] = False,
) -> None:
    """Compile job postings into rubric files FOLDER/<job_id>.toml.

    A posting may be plain text, Markdown or an HTML page; a folder stands for its *.txt,
    *.md, *.html and *.htm files (a README.md or README.html describes the folder: skipped).

    A rubric file a person edited since matcher wrote it (its recorded sha256 no longer
    matches) is left alone: --check shows the difference, --force replaces it.

    Example: matcher compile seeds/*.txt -o rubrics/
    """
    from matcher.compiler.criteria import compile_file
    from matcher.rubric.io import fit_to_check, keep_ruled_out, save_text, to_toml, with_job_id
    from matcher.rubric.stamp import changed_by_hand, unstamped

    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="-o")
    missing = [p for p in postings if not p.exists()]
    if missing:
        raise _fail("no such file or folder: " + ", ".join(map(_shown, missing)), 2)
    if not check:
        _write(lambda: out.mkdir(parents=True, exist_ok=True), out)
    files = [f for p in postings for f in (_posting_files(p) if p.is_dir() else [p])]
    failed = 0
    done: dict[str, int] = {}
    written: dict[str, Path] = {}
    for posting in files:
        try:
            rubrics = [fit_to_check(with_job_id(r, posting.stem)) for r in compile_file(posting)]
        except PostingError as e:
            typer.echo(f"matcher: {safe_message(e.message)}", err=True)
            failed += 1
            continue
        for r in rubrics:
            path = out / f"{r.job_id}.toml"
            problem = _unwritable(r, path, written)
            if problem:
                typer.echo(f"matcher: {_shown(posting)}: {problem}", err=True)
                failed += 1
                continue
            written[r.job_id] = posting
            old = _read_text(path)
            # Names a person ruled out in the file stay out (``not_aliases``).
            r = keep_ruled_out(r, _parsed(old, path))
            text = to_toml(r)
            if old is not None and unstamped(old) == unstamped(text):
                what = "unchanged"
            elif old is not None and changed_by_hand(old) and not force:
                what = "kept"
            else:
                what = "new" if old is None else "replaced"
            if check and what != "unchanged":
                typer.echo(_diff(old or "", text, path), nl=False)
            elif what in ("new", "replaced") or (what == "unchanged" and old != text):
                _write(functools.partial(save_text, text, path), path)
            done[what] = done.get(what, 0) + 1
            note = {
                "kept": "  kept: changed by hand since matcher wrote it (--force replaces it, "
                "--check shows how)",
                "replaced": "  (replaced)",
                "unchanged": "  (unchanged)",
            }.get(what, "")
            typer.echo(f"{path}  {len(r.criteria)} criteria  {r.title}{note}", err=True)
    if not files:
        raise _fail(
            "no posting files given (a folder stands for its *.txt, *.md, *.html and *.htm files)",
            2,
        )
    counts = ", ".join(f"{n} {w}" for w, n in done.items()) or "none"
    typer.echo(
        f"matcher: {len(files)} posting files, {sum(done.values())} rubrics: {counts}"
        + (f"; {failed} failed" if failed else "")
        + ("; --check: nothing written" if check else ""),
        err=True,
    )
    changes = sum(n for w, n in done.items() if w != "unchanged")
    raise typer.Exit(1 if failed or done.get("kept") or (check and changes) else 0)


def _unwritable(rubric: Any, path: Path, written: dict[str, Path]) -> str | None:
    """Why ``rubric`` is not written to ``path`` (``rubric.io.unwritable``), or a job_id
    another posting already wrote."""
    from matcher.rubric.io import unwritable

    if rubric.job_id in written:
        # Two postings files with one stem: keep the first rather than lose it silently.
        return (
            f"job_id {rubric.job_id!r} was already written from {_shown(written[rubric.job_id])}: "
            "not written (rename one of the files)"
        )
    return unwritable(rubric, path)


def _shown(path: Path) -> str:
    """A path as one line of a message (a file name may hold a newline)."""
    return (
        str(path).encode("unicode_escape").decode("ascii")
        if not str(path).isprintable()
        else str(path)
    )


def _parsed(text: str | None, path: Path) -> Any:
    """The rubric in ``text`` (a file compile may replace), or None when it is not a valid one."""
    from matcher.rubric.io import loads_rubric

    if text is None:
        return None
    try:
        return loads_rubric(text, where=str(path))
    except MatcherError:
        return None


def _read_text(path: Path) -> str | None:
    """A file's text, or None when there is no such file."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except UnicodeDecodeError:
        raise _fail(f"cannot read {_shown(path)}: not UTF-8 text") from None
    except OSError as e:
        raise _fail(f"cannot read {_shown(path)}: {e.strerror or type(e).__name__}") from None


def _diff(old: str, new: str, path: Path) -> str:
    """What writing ``new`` over ``old`` would change, as a unified diff."""
    import difflib

    lines = difflib.unified_diff(
        old.splitlines(keepends=True),
        new.splitlines(keepends=True),
        fromfile=f"{path} (now)",
        tofile=f"{path} (compiled)",
    )
    return "".join(lines)


@app.command(cls=_Command)
def score(
    resumes: Annotated[
        list[Path], typer.Argument(metavar="RESUME...", help="Resume files or folders of them.")
    ],
    rubric: Annotated[
        list[Path],
        typer.Option(
            "--rubric",
            "-r",
            metavar="FILE_OR_FOLDER",
            help="Rubric file or folder of them (repeatable).",
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--out",
            metavar="FILE",
            help="Write .csv, .parquet, .json or .ndjson; - writes CSV to stdout.",
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Date open roles end at (default: today)."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option(min=1, metavar="N", help="Reader processes (default: all).")
    ] = None,
    evidence: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="Also write the evidence table here."),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="Keep the N best rows per job (failure rows are always kept).",
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read every file again instead of using the cache of read files."
        ),
    ] = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Score against the valid rubrics when some are not (default: score nothing).",
        ),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option(
            "--excel", help="CSV with a byte-order mark, so Excel reads Chinese as Chinese."
        ),
    ] = False,
    cluster: Annotated[
        str | None,
        typer.Option(
            metavar="ADDRESS",
            help="Run on a Dask cluster: its scheduler, tcp://HOST:8786 (matcher[dask]).",
        ),
    ] = None,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Mask who each candidate is (name, contacts, gender, age, ...) before scoring.",
        ),
    ] = False,
    manifest: ManifestOption = None,
    no_manifest: NoManifestOption = False,
    manifest_names: ManifestNamesOption = False,
    ocr: OcrMode = "auto",
    reader: ReaderMode = "pdfminer",
    recursive: Annotated[
        bool,
        typer.Option(
            "--recursive",
            "-R",
            help="Also read the resumes in sub-folders of the folders given (not hidden "
            "ones, not links).",
        ),
    ] = False,
) -> None:
    """Score resumes against rubrics and rank them, one row per (resume, job).

    Read files and their scores are cached by content in $XDG_CACHE_HOME/matcher
    (~/.cache/matcher), so scoring the same resumes against new or tuned rubrics does not read
    them again, and a run that was stopped finishes from the cache when started again. Rows
    are written as they come and ranked job by job, so memory stays flat at any batch size.
    A summary of the run (files read, failed, skipped, rows written) goes to stderr.

    Example: matcher score samples/ --rubric rubrics/ -o ranking.csv --as-of 2026-01-01
    """
    import polars as pl

    from matcher.pipeline.run import RESUME_SUFFIXES, collect_inputs, score_files
    from matcher.ranking import FORMATS, format_table
    from matcher.read.cache import default_cache_dir

    day = _as_of(as_of)
    stdout = out is not None and str(out) == "-"
    for target, hint in ((None if stdout else out, "-o"), (evidence, "--evidence")):
        if target is not None and target.suffix.lower() not in FORMATS:
            raise typer.BadParameter(f"{target} must end in one of {', '.join(FORMATS)}")
        _check_out(target, hint)
    if out is not None and evidence is not None and out.resolve() == evidence.resolve():
        raise typer.BadParameter(
            "the evidence table needs a file of its own", param_hint="--evidence"
        )
    _must_exist(resumes)
    rubrics, bad_rubrics = _rubrics(rubric, skip_invalid)
    folders = {p.resolve() for p in resumes if p.is_dir()}
    targets = [t for t in (None if stdout else out, evidence) if t is not None]
    mine = {t.resolve() for t in targets}
    for target in targets:
        if target.resolve().parent in folders and target.suffix.lower() in RESUME_SUFFIXES:
            typer.echo(
                f"matcher: warning: {target} is in a resume folder: this run leaves it out, "
                "but other runs over that folder will read it as a resume",
                err=True,
            )
    # A table this run writes is not one of its resumes (an earlier run's ranking.json).
    inputs = [
        f for f in collect_inputs(resumes, recursive=recursive) if Path(f).resolve() not in mine
    ]
    if not inputs:
        nested = not recursive and any(
            p.is_dir() and any(c.is_dir() and not c.name.startswith(".") for c in p.iterdir())
            for p in resumes
        )
        hint = " (its sub-folders are read with --recursive)" if nested else ""
        raise _fail("no resume files found in " + ", ".join(map(str, resumes)) + hint)
    cache = None if no_cache else default_cache_dir()
    started = time.perf_counter()
    done = [0]

    def counted(n: int, total: int) -> None:
        done[0] = n
        if progress is not None:
            progress(n, total)

    try:
        with _progress() as progress, _stdout_file(stdout) as target:
            result = score_files(
                inputs,
                rubrics,
                out=target or out,
                evidence=evidence or False,
                as_of=day,
                top=top,
                jobs=jobs,
                cache=cache,
                cluster=cluster,
                excel=excel,
                progress=counted,
                blind=blind,
                ocr=_ocr(ocr),
                reader=_reader(reader),
            )
            if target is not None:
                with target.open("rb") as table:
                    shutil.copyfileobj(table, sys.stdout.buffer)
                sys.stdout.flush()
    except (KeyboardInterrupt, _Interrupted):
        again = "run the same command again to finish from the cache" if cache else "nothing kept"
        raise _fail(f"interrupted after {done[0]} of {len(inputs)} files: {again}", 130) from None
    except MatcherError as e:
        raise _fail(e.message) from None
    except (OSError, pl.exceptions.PolarsError) as e:
        # Rows spooled to disk as they come, then the table: a full disk shows here.
        failed = Path(getattr(e, "filename", None) or out or "the ranking")
        raise _fail(f"cannot write {failed}: {_write_error(e, failed)}") from None
    record = _manifest_path(manifest, no_manifest, None if stdout else out)
    if record is not None:
        _write_manifest(
            record,
            _score_manifest(
                inputs,
                rubrics,
                result,
                day,
                # "recursive" only when asked: the manifests of runs without it stay as they were
                {"blind": blind, "top": top, "ocr": _ocr(ocr), "reader": _reader(reader)}
                | ({"recursive": True} if recursive else {}),
                manifest_names,
            ),
            {"score": time.perf_counter() - started},
        )
    for wall in result.walls:
        typer.echo(f"matcher: warning: {wall}", err=True)
    if result.ranking is not None:
        typer.echo(format_table(result.ranking))
    for f in result.failed:
        typer.echo(f"matcher: {f.source}: {f.status}: {f.message}", err=True)
    skipped = _skipped(resumes, inputs, mine, recursive)
    where = "stdout" if stdout else str(out) if out else "the terminal"
    typer.echo(_summary(result, skipped, len(rubrics), where, evidence), err=True)
    raise typer.Exit(1 if result.failed or bad_rubrics else 0)


@contextlib.contextmanager
def _stdout_file(stdout: bool) -> Iterator[Path | None]:
    """For ``-o -``: a CSV file the ranking is written to, then copied to stdout (so the whole
    table is never held in memory); None otherwise."""
    if not stdout:
        yield None
        return
    with tempfile.TemporaryDirectory(prefix="matcher-stdout-") as d:
        yield Path(d) / "ranking.csv"


def _manifest_path(given: Path | None, off: bool, out: Path | None) -> Path | None:
    """Where a run's manifest goes: --manifest, else beside -o; nowhere with --no-manifest."""
    from matcher.pipeline.manifest import default_path

    if off:
        return None
    return given or (default_path(out) if out is not None else None)


def _write_manifest(path: Path, data: dict[str, Any], timings: dict[str, float]) -> None:
    from matcher.pipeline.manifest import write

    _write(lambda: write(path, data, timings), path)
    typer.echo(f"matcher: {path}: run manifest written", err=True)


def _score_manifest(
    inputs: list[str],
    rubrics: list[Rubric],
    result: Scored,
    day: date,
    options: dict[str, Any],
    names: bool,
) -> dict[str, Any]:
    """The manifest of a score run (``matcher.pipeline.manifest.build``); ``options`` are what
    changes its output (top, blind, ocr, reader)."""
    from matcher.pipeline.manifest import build

    counts = {"ok": result.files - len(result.failed)}
    for f in result.failed:
        counts[f.status] = counts.get(f.status, 0) + 1
    return build(
        "score",
        files=inputs,
        rubrics=rubrics,
        as_of=day.isoformat(),
        options=options,
        counts=counts,
        outputs={"ranking": result.ranking_sha256},
        names=names,
        hashes=result.hashes,
    )


def _must_exist(paths: list[Path]) -> None:
    """One clear usage error for inputs that are not there (not a failure row per job each)."""
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise _fail("no such file or folder: " + ", ".join(missing) + "; nothing was scored", 2)


def _rubrics(paths: list[Path], skip_invalid: bool) -> tuple[list[Rubric], int]:
    """The valid rubrics and how many files were not: every problem of every file is shown.

    Without ``skip_invalid`` any bad file stops the run before anything is scored (exit 1).
    """
    from matcher.rubric.io import collect_rubrics

    try:
        loaded, failed = collect_rubrics(paths)
    except RubricError as e:
        raise _fail(e.message) from None
    for path, problems in failed:
        typer.echo(f"matcher: {path}:", err=True)
        for p in problems:
            typer.echo(f"  {p}", err=True)
    if failed and not (skip_invalid and loaded):
        total = len(loaded) + len(failed)
        hint = "" if skip_invalid else " (--skip-invalid scores against the valid ones)"
        raise _fail(f"{len(failed)} of {total} rubric files cannot be used: nothing scored{hint}")
    if failed:
        typer.echo(f"matcher: skipped {len(failed)} invalid rubric files", err=True)
    return [r for _, r in loaded], len(failed)


def _skipped(
    folders: list[Path], inputs: list[str], mine: set[Path], recursive: bool = False
) -> list[Path]:
    """Files in the given folders (and their sub-folders, when read) that were not read as
    resumes (their suffix, README)."""
    from matcher.pipeline.run import subfolders

    taken = {Path(f).resolve() for f in inputs} | mine
    dirs = [d for d in folders if d.is_dir()]
    if recursive:
        dirs = [s for d in dirs for s in subfolders(d)]
    return [
        f
        for d in dirs
        for f in sorted(d.iterdir())
        if f.is_file() and not f.name.startswith(".") and f.resolve() not in taken
    ]


def _summary(
    result: Scored, skipped: list[Path], rubrics: int, where: str, evidence: Path | None
) -> str:
    """The end of a run in one line: read, scored, failed by status, skipped, written where."""
    by_status: dict[str, int] = {}
    for f in result.failed:
        by_status[f.status] = by_status.get(f.status, 0) + 1
    parts = [f"{result.files} files read: {result.files - len(result.failed)} scored"]
    if result.failed:
        detail = ", ".join(f"{k} {n}" for k, n in sorted(by_status.items()))
        parts[0] += f", {len(result.failed)} failed ({detail})"
    if skipped:
        names = ", ".join(f.name for f in skipped[:3]) + (", ..." if len(skipped) > 3 else "")
        parts.append(f"{len(skipped)} other files skipped, not resumes ({names})")
    parts.append(f"{rubrics} rubrics")
    rows = f"{result.rows} rows " + ("shown" if where == "the terminal" else f"written to {where}")
    parts.append(rows + (f", evidence to {evidence}" if evidence else ""))
    return "matcher: " + "; ".join(parts)


_PROGRESS_EVERY = 2.0  # seconds between progress lines when stderr is not a terminal


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """Progress on stderr for batches of more than a few files.

    A bar on a terminal; elsewhere (a log, CI, a pipe) a line each time another tenth of the
    files is read, at most one every ``_PROGRESS_EVERY`` seconds, so a long run is not silent
    there and a short one prints only its summary.
    """
    bar: Any = None
    shown, last = 0, time.monotonic()

    def update(done: int, total: int) -> None:
        nonlocal bar, shown, last
        if total <= 5:
            return
        if not sys.stderr.isatty():
            now = time.monotonic()
            if done - shown >= max(1, total // 10) and now - last >= _PROGRESS_EVERY:
                shown, last = done, now
                typer.echo(f"matcher: read {done}/{total} files", err=True)
            return
        if bar is None:
            bar = typer.progressbar(length=total, label="reading", file=sys.stderr)
            bar.__enter__()
        bar.update(done - bar.pos)

    try:
        yield update
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)


@app.command(cls=_Command)
def explain(
    resume: Annotated[Path, typer.Argument(metavar="RESUME", help="One resume file.")],
    rubric: Annotated[
        Path,
        typer.Option("--rubric", "-r", dir_okay=False, metavar="FILE", help="One rubric file."),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Date open roles end at (default: today)."),
    ] = None,
    format: Annotated[
        str, typer.Option("--format", metavar="text|json", help="Output format.")
    ] = "text",
    show_text: Annotated[
        bool,
        typer.Option("--text", help="Also print the text the engine read, sections marked."),
    ] = False,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Mask who each candidate is (name, contacts, gender, age, ...) before scoring.",
        ),
    ] = False,
    ocr: OcrMode = "auto",
    reader: ReaderMode = "pdfminer",
) -> None:
    """Show why a resume scored what it did: weight, credit, contribution and evidence.

    Example: matcher explain samples/en_pm_senior_fintech.pdf --rubric rubrics/000_1e07a38cda397245-1.toml
    """
    from matcher.read.reader import read_document
    from matcher.resume.blind import blind as blind_document
    from matcher.resume.understand import understand
    from matcher.rubric.io import load_rubric
    from matcher.scoring.explain import explain_data, explain_text, text_view
    from matcher.scoring.score import score as score_one

    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    try:
        r = load_rubric(rubric)
        doc = read_document(resume, ocr=_ocr(ocr), reader=_reader(reader))
        understood = understand(blind_document(doc)[0] if blind else doc, _as_of(as_of))
        card = score_one(understood, r)
    except MatcherError as e:
        raise _fail(
            f"{resume}: {e.message}" if not isinstance(e, RubricError) else e.message
        ) from None
    if format == "json":
        data = explain_data(card)
        if show_text:
            data["text"] = understood.document.text
            data["sections"] = [
                {"name": s.name, "start": s.start, "end": s.end} for s in understood.sections
            ]
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        typer.echo(explain_text(card))
        if show_text:
            typer.echo("\n" + text_view(understood))


@app.command(cls=_Command)
def check(
    rubrics: Annotated[
        list[Path],
        typer.Argument(metavar="RUBRIC...", help="Rubric files or folders of them."),
    ],
) -> None:
    """Validate rubric files, every problem of every file, and show lint advice.

    Lint advice includes the rubric's fairness findings (what the compiler left out of
    scoring, and why).

    Example: matcher check rubrics/
    """
    from matcher.rubric.io import collect_rubrics, lint

    _must_exist(rubrics)
    try:
        loaded, failed = collect_rubrics(rubrics)
    except RubricError as e:
        raise _fail(e.message) from None
    for f, r in loaded:
        notes = lint(r)
        typer.echo(
            f"{f}: ok, {len(r.criteria)} criteria" + (f", {len(notes)} notes" if notes else "")
        )
        for n in notes:
            typer.echo(f"  {n}")
    for f, problems in failed:
        typer.echo(f"{f}:", err=True)
        for p in problems:
            typer.echo(f"  {p}", err=True)
    if not loaded and not failed:
        raise _fail("no rubric files given", 2)
    if failed:
        raise _fail(f"{len(failed)} of {len(loaded) + len(failed)} rubric files have problems")


@app.command(cls=_Command)
def report(
    ranking: Annotated[
        Path,
        typer.Argument(
            metavar="RANKING", help="The ranking table matcher score wrote (any format)."
        ),
    ],
    evidence: Annotated[
        Path,
        typer.Option(metavar="FILE", help="The evidence table of the same run (--evidence)."),
    ],
    rubric: Annotated[
        list[Path] | None,
        typer.Option(
            "--rubric",
            "-r",
            metavar="FILE_OR_FOLDER",
            help="The run's rubrics, for their fairness findings (repeatable).",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", metavar="FILE", help="Write the page here (default: stdout)."),
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Show the N best candidates per job."),
    ] = None,
    lang: Annotated[
        str | None,
        typer.Option(metavar="en|zh", help="Language the page opens in (default: the rubrics')."),
    ] = None,
    audit: Annotated[
        Path | None,
        typer.Option(metavar="FILE", help="An audit table of the ranking (matcher audit -o)."),
    ] = None,
) -> None:
    """Write a report a recruiter reads: one self-contained HTML page, no network needed.

    Per job, the ranked candidates with score, eligibility and status beside a candidate x
    criterion matrix coloured by credit; a click on a cell shows its evidence.

    Example: matcher report ranking.csv --evidence evidence.parquet --rubric rubrics/ -o report.html
    """
    from matcher.audit import COLUMNS as AUDIT_COLUMNS
    from matcher.ranking import EVIDENCE_SCHEMA, RANKING_SCHEMA
    from matcher.report.html import Lang, languages, render
    from matcher.report.tables import read_table

    if lang not in (None, "en", "zh"):
        raise typer.BadParameter("must be en or zh", param_hint="--lang")
    _check_out(out, "-o")
    _must_exist([ranking, evidence, *(rubric or []), *([audit] if audit else [])])
    rubrics, _ = _rubrics(rubric, skip_invalid=True) if rubric else ([], 0)
    try:
        table = read_table(ranking, RANKING_SCHEMA, optional=("job_title",))
        lines = read_table(evidence, EVIDENCE_SCHEMA)
        figures = read_table(audit, dict(AUDIT_COLUMNS)) if audit else None
    except MatcherError as e:
        raise _fail(e.message) from None
    opens: Lang = "zh" if lang == "zh" else "en" if lang == "en" else languages(rubrics)
    page = render(table, lines, rubrics, lang=opens, top=top, audit=figures)
    if out is None:
        typer.echo(page, nl=False)
    else:
        _write(functools.partial(out.write_text, page, "utf-8"), out)
        typer.echo(f"matcher: {out}: report of {table['job_id'].n_unique()} jobs written", err=True)


@app.command(cls=_Command)
def audit(
    ranking: Annotated[
        Path,
        typer.Argument(
            metavar="RANKING", help="The ranking table matcher score wrote (any format)."
        ),
    ],
    groups: Annotated[
        Path,
        typer.Option(
            dir_okay=False,
            metavar="CSV",
            help="CSV resume,<attribute>,... as the candidates declared them (e.g. sex,race).",
        ),
    ],
    top: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="Selected: the N best of each job."),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(metavar="SCORE", help="Selected: eligible and score >= SCORE."),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", metavar="FILE", help="Write .csv, .parquet, .json or .ndjson."),
    ] = None,
    manifest: ManifestOption = None,
    no_manifest: NoManifestOption = False,
    manifest_names: ManifestNamesOption = False,
) -> None:
    """Audit a ranking for adverse impact: rates and impact ratios per group and intersection.

    Selected means eligible unless --top or --threshold says otherwise. Per job and group:
    count, selection rate, scoring rate (share above the median score), impact ratios
    against the highest group, the four-fifths flag, a Fisher exact p-value and a
    small-sample flag. Groups are what candidates declared; matcher never infers them.

    Example: matcher audit ranking.csv --groups samples/groups.csv --top 5 -o audit.csv
    """
    from matcher.audit import Cut, format_audit
    from matcher.ranking import FORMATS, write_table

    if out is not None and out.suffix.lower() not in FORMATS:
        raise typer.BadParameter(f"{out} must end in one of {', '.join(FORMATS)}")
    if top is not None and threshold is not None:
        raise typer.BadParameter("give --top or --threshold, not both", param_hint="--top")
    if threshold is not None and not 0 <= threshold <= 100:  # NaN fails too
        raise typer.BadParameter("must be a score from 0 to 100", param_hint="--threshold")
    _check_out(out, "-o")
    _must_exist([ranking, groups])
    result = _audit(ranking, groups, Cut(top=top, threshold=threshold))
    for p in result.problems:
        typer.echo(f"matcher: warning: {p}", err=True)
    if out is None:
        typer.echo(format_audit(result))
    else:
        _write(lambda: write_table(result.frame, out), out)
        typer.echo(f"matcher: {out}: {result.frame.height} audit rows written", err=True)
    record = _manifest_path(manifest, no_manifest, out)
    if record is not None:
        _write_manifest(record, _audit_manifest(ranking, groups, result, manifest_names), {})


def _audit(ranking: Path, groups: Path, cut: Any) -> Any:
    """Read a ranking table and a groups file and audit them; errors end the command."""
    from matcher.audit import audit, read_groups_table
    from matcher.ranking import RANKING_SCHEMA
    from matcher.report.tables import read_table

    try:
        table = read_table(ranking, RANKING_SCHEMA, optional=("job_title",))
        frame, _ = read_groups_table(groups)
        return audit(table, frame, cut)
    except MatcherError as e:
        raise _fail(e.message) from None


def _audit_manifest(ranking: Path, groups: Path, result: Any, names: bool) -> dict[str, Any]:
    """The manifest of an audit run (``matcher.pipeline.manifest.build``)."""
    from matcher.pipeline.manifest import build, file_sha256, table_sha256

    return build(
        "audit",
        files=[ranking],
        options={"cut": result.cut.describe()},
        counts={"rows": result.frame.height, "unmatched_group_rows": len(result.problems)},
        outputs={"audit": table_sha256(result.frame)},
        extra={"groups": file_sha256(groups)},
        names=names,
    )


@app.command(cls=_Command)
def verify(
    manifest: Annotated[
        Path,
        typer.Argument(metavar="MANIFEST", help="A manifest a score, audit or tune run wrote."),
    ],
    inputs: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="INPUT...",
            help="The run's resumes (score, tune) or ranking (audit); default: the recorded paths.",
        ),
    ] = None,
    rubric: Annotated[
        list[Path] | None,
        typer.Option("--rubric", "-r", metavar="FILE_OR_FOLDER", help="The run's rubrics."),
    ] = None,
    groups: Annotated[
        Path | None, typer.Option(metavar="CSV", help="The audit's or tune's groups file.")
    ] = None,
    labels: Annotated[
        Path | None, typer.Option(metavar="CSV", help="The tune run's labels file.")
    ] = None,
) -> None:
    """Rerun what a manifest records and say whether the output would be the same.

    A score run is scored again, an audit audited again, a tune run tuned again (its output
    is the tuned rubric's text). Exit 0 when the output would be the same, 1 when anything
    that decides it differs (each difference is listed), 2 when an input is missing.

    Example: matcher verify ranking.csv.manifest.json samples/ --rubric rubrics/
    """
    from matcher.audit import Cut
    from matcher.pipeline.manifest import compare, read_manifest

    try:
        recorded = read_manifest(manifest)
    except MatcherError as e:
        raise _fail(e.message) from None
    names = any("name" in d for d in recorded["inputs"])
    given = [str(p) for p in inputs or []] or [d["name"] for d in recorded["inputs"] if "name" in d]
    if not given:
        raise _fail("the manifest records no paths (--manifest-names): give the inputs", 2)
    _must_exist([Path(p) for p in given])
    command = recorded["command"]
    if command == "score":
        fresh = _verify_score(recorded, given, rubric, names)
    elif command == "audit":
        if groups is None or len(given) != 1:
            raise _fail("give the audited ranking and --groups", 2)
        cut = str(recorded["options"].get("cut", "eligible"))
        top = int(cut.split()[1]) if cut.startswith("top ") else None
        threshold = float(cut.rsplit(" ", 1)[1]) if ">=" in cut else None
        result = _audit(Path(given[0]), groups, Cut(top=top, threshold=threshold))
        fresh = _audit_manifest(Path(given[0]), groups, result, names)
    elif command == "tune":
        fresh = _verify_tune(recorded, given, rubric, labels, groups, names)
    else:
        raise _fail(f"{manifest}: verify reruns score, audit and tune runs, not {command!r}", 2)
    differs, notes = compare(recorded, fresh)
    for n in notes:
        typer.echo(f"matcher: note: {n}", err=True)
    for d in differs:
        typer.echo(f"differs: {d}")
    if differs:
        raise _fail(f"{manifest}: the output would not be the same")
    typer.echo(f"{manifest}: same inputs, same output ({command})")


def _verify_score(
    recorded: dict[str, Any], given: list[str], rubric: list[Path] | None, names: bool
) -> dict[str, Any]:
    """A score run's manifest as scoring ``given`` again with the recorded options makes it."""
    from matcher.pipeline.run import collect_inputs, score_files

    if not rubric:
        raise _fail("give the run's rubrics: --rubric", 2)
    rubrics, _ = _rubrics(rubric, skip_invalid=False)
    files = collect_inputs(given)
    # Manifests from before --reader record neither OCR nor the reader: auto and pdfminer.
    options, day = recorded["options"], date.fromisoformat(recorded["as_of"])
    result = score_files(
        files,
        rubrics,
        as_of=day,
        top=options.get("top"),
        blind=options["blind"],
        ocr=bool(options.get("ocr", True)),
        reader=_reader(str(options.get("reader", "pdfminer"))),
    )
    return _score_manifest(files, rubrics, result, day, options, names)


def _verify_tune(
    recorded: dict[str, Any],
    given: list[str],
    rubric: list[Path] | None,
    labels: Path | None,
    groups: Path | None,
    names: bool,
) -> dict[str, Any]:
    """A tune run's manifest as tuning again with the recorded options makes it: the rubric
    of the recorded job among ``rubric``, the labels and groups given (the groups are needed
    only when the run had some)."""
    if not rubric or labels is None:
        raise _fail("give the tuned rubric's base (--rubric) and the run's --labels", 2)
    if recorded["extra"].get("groups") and groups is None:
        raise _fail("the run had groups: give them (--groups)", 2)
    _must_exist([labels, *([groups] if groups else [])])
    rubrics, _ = _rubrics(rubric, skip_invalid=False)
    wanted = {d.get("job_id") for d in recorded["rubrics"]}
    chosen = [r for r in rubrics if r.job_id in wanted] or rubrics
    if len(chosen) != 1:
        raise _fail(f"--rubric gives {len(chosen)} rubrics of job {sorted(wanted)}: give one", 2)
    # Manifests from before tune --blind record no blind option: they ran with it off.
    options = {"blind": False, **recorded["options"]}
    files = [Path(p) for p in given]
    day = date.fromisoformat(recorded["as_of"])
    try:
        result, tuned = _tuned(files, chosen[0], labels, groups, day, options)
    except MatcherError as e:
        raise _fail(e.message) from None
    if "blind" not in recorded["options"]:
        del options["blind"]
    return _tune_manifest(files, chosen[0], labels, groups, result, tuned, day, options, names)


@app.command(cls=_Command)
def serve(
    rubric: Annotated[
        list[Path] | None,
        typer.Option(
            "--rubric",
            "-r",
            metavar="FILE_OR_FOLDER",
            help="Rubrics to serve (repeatable); requests may also send their own.",
        ),
    ] = None,
    host: Annotated[
        str, typer.Option(metavar="ADDRESS", help="Address to listen on (not loopback: key).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, metavar="PORT", help="Port.")] = 8000,
    max_mb: Annotated[
        float, typer.Option(min=0.01, metavar="MB", help="Largest request body, in MB.")
    ] = 10.0,
    max_files: Annotated[
        int, typer.Option(min=1, metavar="N", help="Most resumes in one rank request.")
    ] = 100,
    concurrency: Annotated[
        int, typer.Option(min=1, metavar="N", help="Requests worked on at once.")
    ] = 4,
    timeout: Annotated[
        float, typer.Option(min=0.1, metavar="SECONDS", help="Longest a request may take.")
    ] = 60.0,
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Mask who every candidate is (name, contacts, gender, age, ...) before scoring, "
            "whatever the request asks (without it, a request may send blind=true).",
        ),
    ] = False,
) -> None:
    """Serve the library over HTTP (needs the serve extra: pip install 'matcher[serve]').

    Endpoints under /v1 compile postings, score, rank and explain uploaded resumes, and list
    and check rubrics; the OpenAPI document is at /openapi.json. On any address but
    loopback, an API key is required: set MATCHER_API_KEY; clients send it as X-API-Key.
    Resumes are kept in memory for their request only. Score, rank and explain requests may
    send blind=true to mask who the candidate is; --blind masks every request.

    Example: matcher serve --rubric rubrics/ --port 8000
    """
    import os

    try:
        from matcher.service.limits import Limits
        from matcher.service.server import KEY_ENV
        from matcher.service.server import serve as run_server
    except ImportError as e:
        raise _fail(
            f"matcher serve needs the serve extra: pip install 'matcher[serve]' ({e})", 2
        ) from None
    rubrics = _rubrics(rubric, skip_invalid=False)[0] if rubric else []
    limits = Limits(
        max_bytes=int(max_mb * 1024 * 1024),
        max_files=max_files,
        concurrency=concurrency,
        seconds=timeout,
    )
    try:
        run_server(
            rubrics,
            host=host,
            port=port,
            api_key=os.environ.get(KEY_ENV),
            limits=limits,
            blind=blind,
        )
    except MatcherError as e:
        raise _fail(e.message, 2) from None


@app.command(cls=_Command)
def tune(
    resumes: Annotated[
        list[Path],
        typer.Argument(metavar="RESUME...", help="Resume files or folders of the run."),
    ],
    rubric: Annotated[
        Path,
        typer.Option("--rubric", "-r", metavar="FILE", help="The rubric file to tune."),
    ],
    labels: Annotated[
        Path,
        typer.Option(
            exists=True,
            dir_okay=False,
            metavar="CSV",
            help="CSV resume,job_id,label (0-3, or advance/reject).",
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option("-o", "--out", metavar="FILE", help="Write the tuned rubric here."),
    ] = None,
    k: Annotated[
        int, typer.Option("--k", min=1, metavar="K", help="Cut-off of NDCG@k, precision@k.")
    ] = 5,
    groups: Annotated[
        Path | None,
        typer.Option(
            exists=True, dir_okay=False, metavar="CSV", help="CSV resume,group: impact ratios."
        ),
    ] = None,
    threshold: Annotated[
        float | None,
        typer.Option(metavar="SCORE", help="Select by score >= this, not the top k, for ratios."),
    ] = None,
    folds: Annotated[int, typer.Option(min=2, metavar="N", help="Cross-validation folds.")] = 5,
    as_of: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Date open roles end at (default: today)."),
    ] = None,
    jobs: Annotated[
        int | None, typer.Option(min=1, metavar="N", help="Reader processes (default: all).")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            help="Write the tuned rubric despite too few labels or a group it pushes below "
            "four-fifths."
        ),
    ] = False,
    overwrite: Annotated[bool, typer.Option(help="Allow writing over the input rubric.")] = False,
    manifest: ManifestOption = None,
    no_manifest: NoManifestOption = False,
    manifest_names: ManifestNamesOption = False,
    ocr: OcrMode = "auto",
    blind: Annotated[
        bool,
        typer.Option(
            "--blind",
            help="Mask who each candidate is (name, contacts, gender, age, ...) before scoring, "
            "so the weights are learnt from blind scores.",
        ),
    ] = False,
    reader: ReaderMode = "pdfminer",
) -> None:
    """Tune a rubric's weights to recruiter decisions; print held-out metrics before and after.

    Example: matcher tune samples/ --rubric rubrics/000_1e07a38cda397245-1.toml --labels samples/labels.csv --groups samples/groups.csv -o tuned.toml --as-of 2026-11-23 --force
    """
    from matcher.rubric.io import load_rubric, save_rubric
    from matcher.tune.report import format_report

    day = _as_of(as_of)
    _check_out(out, "-o")
    _must_exist(resumes)
    if threshold is not None and not 0 <= threshold <= 100:  # NaN fails too
        raise typer.BadParameter("must be a score from 0 to 100", param_hint="--threshold")
    target = out or (rubric if overwrite else None)
    if target is not None and target.resolve() == rubric.resolve() and not overwrite:
        raise typer.BadParameter(
            "is the input rubric: add --overwrite to replace it", param_hint="-o"
        )
    started = time.perf_counter()
    options = {
        "k": k,
        "threshold": threshold,
        "folds": folds,
        "forced": force,
        "blind": blind,
        "ocr": _ocr(ocr),
        "reader": _reader(reader),
    }
    try:
        base = load_rubric(rubric)
        result, tuned = _tuned(resumes, base, labels, groups, day, options, jobs)
    except MatcherError as e:
        raise _fail(e.message) from None
    typer.echo(format_report(tuned))
    for f in result.failed:
        typer.echo(f"matcher: {f.source}: {f.status}: {f.message}", err=True)
    for w in tuned.warnings:
        typer.echo(f"matcher: warning: {w}", err=True)
    if target is not None and tuned.too_few and not force:
        raise _fail(f"too few labels to trust: {target} not written (--force writes it anyway)")
    if target is not None and tuned.adverse and not force:
        raise _fail(
            f"the tuned weights push a group below four-fifths of the top group's selection "
            f"rate (figures above): {target} not written (--force writes it anyway)"
        )
    if target is not None:
        _write(lambda: save_rubric(tuned.rubric, target), target)
        typer.echo(f"{target}: tuned rubric written", err=True)
        record = _manifest_path(manifest, no_manifest, target)
        if record is not None:
            data = _tune_manifest(
                resumes, base, labels, groups, result, tuned, day, options, manifest_names
            )
            _write_manifest(record, data, {"tune": time.perf_counter() - started})
    raise typer.Exit(1 if result.failed else 0)


def _tuned(
    resumes: list[Path],
    base: Rubric,
    labels: Path,
    groups: Path | None,
    day: date,
    options: dict[str, Any],
    jobs: int | None = None,
) -> tuple[Scored, Any]:
    """Score ``resumes`` against ``base`` as ``options`` say (blind, ocr, reader; a manifest
    from before they were recorded ran without blind, with OCR on and pdfminer) and tune it to
    the labels: what ``tune`` runs, and what ``verify`` runs again. Raises ``MatcherError``."""
    from matcher.pipeline.run import score_files
    from matcher.read.cache import default_cache_dir
    from matcher.tune.labels import read_groups, read_labels
    from matcher.tune.round import tune as tune_rubric

    decisions, who = read_labels(labels), read_groups(groups) if groups else None
    # Through the cache: a tuning round does not read (or understand) the resumes again.
    result = score_files(
        resumes,
        [base],
        as_of=day,
        jobs=jobs,
        evidence=True,
        cache=default_cache_dir(),
        ocr=bool(options.get("ocr", True)),
        blind=bool(options.get("blind")),
        reader=_reader(str(options.get("reader", "pdfminer"))),
    )
    assert result.evidence is not None
    tuned = tune_rubric(
        result.evidence,
        base,
        decisions,
        k=options["k"],
        groups=who,
        threshold=options["threshold"],
        folds=options["folds"],
        as_of=day,
    )
    return result, tuned


def _tune_manifest(
    resumes: list[Path],
    base: Rubric,
    labels: Path,
    groups: Path | None,
    result: Scored,
    tuned: Any,
    day: date,
    options: dict[str, Any],
    names: bool,
) -> dict[str, Any]:
    """The manifest of a tune run (``matcher.pipeline.manifest.build``): its output is the
    tuned rubric's text, by sha256."""
    import hashlib

    from matcher.pipeline.manifest import build, file_sha256
    from matcher.pipeline.run import collect_inputs
    from matcher.rubric.io import to_toml

    return build(
        "tune",
        files=collect_inputs(resumes),
        rubrics=[base],
        as_of=day.isoformat(),
        options=options,
        counts={"ok": result.files - len(result.failed), "labels": tuned.n_labels},
        outputs={"rubric": hashlib.sha256(to_toml(tuned.rubric).encode()).hexdigest()},
        extra={"labels": file_sha256(labels), "groups": file_sha256(groups) if groups else None},
        names=names,
    )


class _Interrupted(BaseException):
    """Ctrl-C, raised past click, which would print "Aborted!" and exit 1."""


def _interrupt(signum: int, frame: object) -> None:
    raise _Interrupted


def main() -> None:
    """Entry point of the ``matcher`` command; Ctrl-C ends it quietly with exit code 130."""
    import signal

    signal.signal(signal.SIGINT, _interrupt)
    try:
        app()
    except _Interrupted:
        typer.echo("\nmatcher: interrupted", err=True)
        sys.exit(130)
