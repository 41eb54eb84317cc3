"""CLI: the ``matcher`` command, a thin typer layer over the library (typer lives here only).

Each command parses its options, calls the library, formats, and stops. Data goes to stdout or
``-o FILE``, messages to stderr. Exit codes: 0 ok, 1 some inputs failed or a domain error,
2 usage error.
"""

from __future__ import annotations

import contextlib
import functools
import json
import sys
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Annotated, Any

import typer

from matcher.errors import MatcherError, PostingError, RubricError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Match resumes to jobs and explain why.",
)


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
    """Run a write; an OS error (full disk, no permission) becomes one clear message, exit 1."""
    try:
        write()
    except OSError as e:
        raise _fail(f"cannot write {path}: {e.strerror or e}") from None


def _as_of(value: str | None) -> date:
    if value is None:
        return date.today()
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(
            f"{value!r} is not a date like 2026-01-31", param_hint="--as-of"
        ) from None


@app.command()
def compile(
    postings: Annotated[list[Path], typer.Argument(help="Posting text files or folders of them.")],
    out: Annotated[Path, typer.Option("-o", "--out", help="Folder for the rubric files.")],
) -> None:
    """Compile job postings into rubric files DIR/<job_id>.toml.

    Example: matcher compile seeds/*.txt -o rubrics/
    """
    from matcher.compiler.criteria import compile_file
    from matcher.rubric.io import save_rubric

    if out.exists() and not out.is_dir():
        raise typer.BadParameter(f"{out} is a file, not a folder", param_hint="-o")
    _write(lambda: out.mkdir(parents=True, exist_ok=True), out)
    files = [f for p in postings for f in (sorted(p.glob("*.txt")) if p.is_dir() else [p])]
    failed = 0
    written: dict[str, Path] = {}
    for posting in files:
        try:
            rubrics = compile_file(posting)
        except PostingError as e:
            typer.echo(f"matcher: {e.message}", err=True)
            failed += 1
            continue
        for r in rubrics:
            if r.job_id in written:
                # Two postings files with one stem: keep the first rather than lose it silently.
                typer.echo(
                    f"matcher: {posting}: job_id {r.job_id!r} was already written from "
                    f"{written[r.job_id]}: not written (rename one of the files)",
                    err=True,
                )
                failed += 1
                continue
            written[r.job_id] = posting
            path = out / f"{r.job_id}.toml"
            before = path.read_bytes() if path.is_file() else None
            _write(functools.partial(save_rubric, r, path), path)
            note = "" if before is None or before == path.read_bytes() else "  (replaced)"
            typer.echo(f"{path}  {len(r.criteria)} criteria  {r.title}{note}", err=True)
    if not files:
        raise _fail("no posting files given (a folder stands for its *.txt files)", 2)
    raise typer.Exit(1 if failed else 0)


@app.command()
def score(
    resumes: Annotated[list[Path], typer.Argument(help="Resume files or folders.")],
    rubric: Annotated[
        list[Path], typer.Option("--rubric", "-r", help="Rubric file or folder (repeatable).")
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write .csv, .parquet, .json or .ndjson.")
    ] = None,
    as_of: Annotated[str | None, typer.Option(help="Date open roles end at, YYYY-MM-DD.")] = None,
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Reader processes (default: all).")
    ] = None,
    evidence: Annotated[
        Path | None, typer.Option(help="Also write the evidence table here.")
    ] = None,
    top: Annotated[
        int | None,
        typer.Option(min=1, help="Keep the N best rows per job (failure rows are always kept)."),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache", help="Read every file again instead of using the cache of read files."
        ),
    ] = False,
    cluster: Annotated[
        str | None,
        typer.Option(help="Run on a Dask cluster: its scheduler, tcp://HOST:8786 (matcher[dask])."),
    ] = None,
) -> None:
    """Score resumes against rubrics and rank them, one row per (resume, job).

    Read files and their scores are cached by content in $XDG_CACHE_HOME/matcher
    (~/.cache/matcher), so scoring the same resumes against new or tuned rubrics does not read
    them again, and a run that was stopped finishes from the cache when started again.

    Example: matcher score samples/ --rubric rubrics/ -o ranking.csv --as-of 2026-01-01
    """
    from matcher.pipeline.run import RESUME_SUFFIXES, collect_inputs, score_files
    from matcher.ranking import FORMATS, format_table
    from matcher.read.cache import default_cache_dir
    from matcher.rubric.io import load_rubrics

    day = _as_of(as_of)
    for target, hint in ((out, "-o"), (evidence, "--evidence")):
        if target is not None and target.suffix.lower() not in FORMATS:
            raise typer.BadParameter(f"{target} must end in one of {', '.join(FORMATS)}")
        _check_out(target, hint)
    if out is not None and evidence is not None and out.resolve() == evidence.resolve():
        raise typer.BadParameter(
            "the evidence table needs a file of its own", param_hint="--evidence"
        )
    try:
        rubrics = load_rubrics(rubric)
    except RubricError as e:
        raise _fail(e.message) from None
    folders = {p.resolve() for p in resumes if p.is_dir()}
    targets = [t for t in (out, evidence) if t is not None]
    mine = {t.resolve() for t in targets}
    for target in targets:
        if target.resolve().parent in folders and target.suffix.lower() in RESUME_SUFFIXES:
            typer.echo(
                f"matcher: warning: {target} is in a resume folder: this run leaves it out, "
                "but other runs over that folder will read it as a resume",
                err=True,
            )
    # A table this run writes is not one of its resumes (an earlier run's ranking.json).
    inputs = [f for f in collect_inputs(resumes) if Path(f).resolve() not in mine]
    if not inputs:
        raise _fail("no resume files found in " + ", ".join(map(str, resumes)))
    cache = None if no_cache else default_cache_dir()
    done = [0]

    def counted(n: int, total: int) -> None:
        done[0] = n
        if progress is not None:
            progress(n, total)

    try:
        with _progress() as progress:
            result = score_files(
                inputs,
                rubrics,
                out=out,
                evidence=evidence or False,
                as_of=day,
                top=top,
                jobs=jobs,
                cache=cache,
                cluster=cluster,
                progress=counted,
            )
    except KeyboardInterrupt:
        again = "run the same command again to finish from the cache" if cache else "nothing kept"
        raise _fail(f"interrupted after {done[0]} of {len(inputs)} files: {again}", 130) from None
    except OSError as e:
        raise _fail(f"cannot write {e.filename or out}: {e.strerror or e}") from None
    except MatcherError as e:
        raise _fail(e.message) from None
    if result.ranking is not None:
        typer.echo(format_table(result.ranking))
    for f in result.failed:
        typer.echo(f"matcher: {f.source}: {f.status}: {f.message}", err=True)
    raise typer.Exit(1 if result.failed else 0)


@contextlib.contextmanager
def _progress() -> Iterator[Callable[[int, int], None] | None]:
    """A progress bar on stderr for batches of more than a few files, when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield None
        return
    bar: Any = None

    def update(done: int, total: int) -> None:
        nonlocal bar
        if total <= 5:
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


@app.command()
def explain(
    resume: Annotated[Path, typer.Argument(help="One resume file.")],
    rubric: Annotated[
        Path, typer.Option("--rubric", "-r", dir_okay=False, help="One rubric file.")
    ],
    as_of: Annotated[str | None, typer.Option(help="Date open roles end at, YYYY-MM-DD.")] = None,
    format: Annotated[str, typer.Option("--format", help="text or json.")] = "text",
) -> None:
    """Show why a resume scored what it did: weight, credit, contribution and evidence.

    Example: matcher explain samples/en_pm_senior_fintech.pdf --rubric rubrics/000_1e07a38cda397245-1.toml
    """
    from matcher.read.reader import read_document
    from matcher.resume.understand import understand
    from matcher.rubric.io import load_rubric
    from matcher.scoring.explain import explain_data, explain_text
    from matcher.scoring.score import score as score_one

    if format not in ("text", "json"):
        raise typer.BadParameter("must be text or json", param_hint="--format")
    try:
        r = load_rubric(rubric)
        card = score_one(understand(read_document(resume), _as_of(as_of)), r)
    except MatcherError as e:
        raise _fail(
            f"{resume}: {e.message}" if not isinstance(e, RubricError) else e.message
        ) from None
    if format == "json":
        typer.echo(json.dumps(explain_data(card), ensure_ascii=False, indent=2))
    else:
        typer.echo(explain_text(card))


@app.command()
def check(
    rubrics: Annotated[list[Path], typer.Argument(help="Rubric files or folders.")],
) -> None:
    """Validate rubric files and show lint advice (fairness findings among it).

    Example: matcher check rubrics/
    """
    from matcher.rubric.io import duplicate_job_ids, lint, load_rubric, rubric_files

    try:
        files = rubric_files(rubrics)
    except RubricError as e:
        raise _fail(e.message) from None
    bad = 0
    loaded = []
    for f in files:
        try:
            r = load_rubric(f)
        except RubricError as e:
            typer.echo(e.message, err=True)
            bad += 1
            continue
        loaded.append((f, r))
        notes = lint(r)
        typer.echo(
            f"{f}: ok, {len(r.criteria)} criteria" + (f", {len(notes)} notes" if notes else "")
        )
        for n in notes:
            typer.echo(f"  {n}")
    for problem in duplicate_job_ids(loaded):
        typer.echo(f"matcher: {problem}", err=True)
        bad += 1
    if not files:
        raise _fail("no rubric files given", 2)
    raise typer.Exit(1 if bad else 0)


@app.command()
def tune(
    resumes: Annotated[list[Path], typer.Argument(help="Resume files or folders of the run.")],
    rubric: Annotated[Path, typer.Option("--rubric", "-r", help="The rubric file to tune.")],
    labels: Annotated[
        Path,
        typer.Option(
            exists=True, dir_okay=False, help="CSV resume,job_id,label (0-3, or advance/reject)."
        ),
    ],
    out: Annotated[
        Path | None, typer.Option("-o", "--out", help="Write the tuned rubric here.")
    ] = None,
    k: Annotated[int, typer.Option("--k", min=1, help="Cut-off of NDCG@k, precision@k.")] = 5,
    groups: Annotated[
        Path | None,
        typer.Option(exists=True, dir_okay=False, help="CSV resume,group: impact ratios."),
    ] = None,
    threshold: Annotated[
        float | None, typer.Option(help="Select by score >= this, not the top k, for ratios.")
    ] = None,
    folds: Annotated[int, typer.Option(min=2, help="Cross-validation folds.")] = 5,
    as_of: Annotated[str | None, typer.Option(help="Date open roles end at, YYYY-MM-DD.")] = None,
    jobs: Annotated[
        int | None, typer.Option(min=1, help="Reader processes (default: all).")
    ] = None,
    force: Annotated[
        bool, typer.Option(help="Write the tuned rubric despite too few labels.")
    ] = False,
    overwrite: Annotated[bool, typer.Option(help="Allow writing over the input rubric.")] = False,
) -> None:
    """Tune a rubric's weights to recruiter decisions; print held-out metrics before and after.

    Example: matcher tune samples/ --rubric rubrics/000_1e07a38cda397245-1.toml --labels samples/labels.csv --groups samples/groups.csv -o tuned.toml --as-of 2026-11-23 --force
    """
    from matcher.pipeline.run import score_files
    from matcher.read.cache import default_cache_dir
    from matcher.rubric.io import load_rubric, save_rubric
    from matcher.tune.labels import read_groups, read_labels
    from matcher.tune.report import format_report
    from matcher.tune.round import tune as tune_rubric

    day = _as_of(as_of)
    _check_out(out, "-o")
    if threshold is not None and not 0 <= threshold <= 100:  # NaN fails too
        raise typer.BadParameter("must be a score from 0 to 100", param_hint="--threshold")
    target = out or (rubric if overwrite else None)
    if target is not None and target.resolve() == rubric.resolve() and not overwrite:
        raise typer.BadParameter(
            "is the input rubric: add --overwrite to replace it", param_hint="-o"
        )
    try:
        base = load_rubric(rubric)
        decisions, who = read_labels(labels), read_groups(groups) if groups else None
        # Through the cache: a tuning round does not read (or understand) the resumes again.
        result = score_files(
            resumes, [base], as_of=day, jobs=jobs, evidence=True, cache=default_cache_dir()
        )
        assert result.evidence is not None
        tuned = tune_rubric(
            result.evidence,
            base,
            decisions,
            k=k,
            groups=who,
            threshold=threshold,
            folds=folds,
            as_of=day,
        )
    except MatcherError as e:
        raise _fail(e.message) from None
    typer.echo(format_report(tuned))
    for f in result.failed:
        typer.echo(f"matcher: {f.source}: {f.status}: {f.message}", err=True)
    for w in tuned.warnings:
        typer.echo(f"matcher: warning: {w}", err=True)
    if target is not None and tuned.too_few and not force:
        raise _fail(f"too few labels to trust: {target} not written (--force writes it anyway)")
    if target is not None:
        _write(lambda: save_rubric(tuned.rubric, target), target)
        typer.echo(f"{target}: tuned rubric written", err=True)
    raise typer.Exit(1 if result.failed else 0)


def main() -> None:
    """Entry point of the ``matcher`` command."""
    try:
        app()
    except KeyboardInterrupt:
        sys.exit(130)
