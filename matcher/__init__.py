"""matcher: match resumes to jobs and explain why.

The public API, stable across minor versions. Data flows one way: a posting is compiled into a
``Rubric``; a resume is read into a ``Document`` and understood as a ``Resume``; ``score`` gives a
``ScoreCard`` with evidence; ``rank`` puts many cards into a polars DataFrame. For batches of any
size, ``score_files`` reads, scores and ranks files in worker processes (or on a Dask cluster)
in flat memory, and ``score_stream`` scores resumes as they come in. No global state: every
function is safe to call from several threads.

>>> import matcher
>>> from datetime import date
>>> rubric = matcher.compile_posting("Requirements: SQL, Excel; Axure is a plus", stem="analyst")[0]
>>> resume = matcher.read_resume(b"Skills: SQL and Microsoft Excel", as_of=date(2026, 1, 1))
>>> card = matcher.score(resume, rubric)
>>> round(card.score, 1), card.eligible
(63.7, True)
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from datetime import date
from pathlib import Path, PurePath
from typing import IO, TYPE_CHECKING, Any, Literal

from matcher._version import __version__
from matcher.errors import MatcherError, PostingError, ReadError, RubricError, TuneError

if TYPE_CHECKING:
    import polars as pl

    from matcher.audit import Audit
    from matcher.pipeline.rows import FileRows
    from matcher.pipeline.run import Scored
    from matcher.ranking import Failure
    from matcher.read.document import Document
    from matcher.resume.understand import Resume
    from matcher.rubric.model import Criterion, Rubric
    from matcher.scoring.credit import Evidence
    from matcher.scoring.score import ScoreCard
    from matcher.tune.round import TuneResult

__all__ = [
    "Criterion",
    "Document",
    "Evidence",
    "FileRows",
    "MatcherError",
    "PostingError",
    "ReadError",
    "Resume",
    "Rubric",
    "RubricError",
    "ScoreCard",
    "Scored",
    "TuneError",
    "TuneResult",
    "__version__",
    "audit_ranking",
    "compile_posting",
    "load_rubric",
    "rank",
    "read_resume",
    "report_html",
    "save_rubric",
    "score",
    "score_files",
    "score_stream",
    "tune_rubric",
]


def compile_posting(text: str, *, stem: str = "job") -> list[Rubric]:
    """Compile posting text (one or several postings) into rubrics.

    Args:
        text: the posting text, English or Chinese.
        stem: the ``job_id`` for a single posting; several get ``stem-1``, ``stem-2``...

    Raises:
        PostingError: when no posting in the text has anything to score.
    """
    from matcher.compiler.criteria import compile_text

    return compile_text(text, stem=stem)


# Where a path is taken, so are the file's bytes and an open file (binary or text).
Source = str | Path | bytes | IO[bytes] | IO[str]


def load_rubric(source: Source) -> Rubric:
    """Load and validate a rubric: a TOML file's path, its bytes or an open file.

    Raises:
        RubricError: listing every problem with its place (``criteria[3].weight: must be > 0``).

    >>> import io
    >>> text = save_rubric(compile_posting("Requirements: SQL", stem="bi")[0], io.StringIO())
    >>> load_rubric(io.StringIO(text.getvalue())).job_id
    'bi'
    """
    from matcher.rubric.io import load_rubric as _load
    from matcher.rubric.io import loads_rubric

    if isinstance(source, str | Path):
        return _load(source)
    data, where = (
        (source, "<rubric>") if isinstance(source, bytes) else _content(source, "<rubric>")
    )
    try:
        text = data if isinstance(data, str) else data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise RubricError(f"{where}: a rubric file is UTF-8 text: {e}") from None
    return loads_rubric(text, where=where)


def save_rubric(rubric: Rubric, path: str | Path | IO[str]) -> Any:
    """Write a rubric as TOML to a path (returned as a ``Path``) or an open text file (returned).

    ``load_rubric(save_rubric(r, p)) == r``.
    """
    from matcher.rubric.io import save_rubric as _save
    from matcher.rubric.io import to_toml

    if isinstance(path, str | Path):
        return _save(rubric, path)
    path.write(to_toml(rubric))
    return path


def read_resume(
    source: Source,
    *,
    text: bool = False,
    name: str | None = None,
    as_of: date | None = None,
    blind: bool = False,
    ocr: bool = True,
    reader: Literal["pdfminer", "pdfium"] = "pdfminer",
) -> Resume:
    """Read and understand a resume.

    Args:
        source: a path to a PDF, DOCX, JSON Resume or text file; the file's bytes; an open
            file (binary, or text for a text resume); or, with ``text=True``, the resume's text.
        text: treat a ``str`` source as the resume's text rather than a path.
        name: what to call the resume in results (default: the path or the file's name).
        as_of: the date open-ended roles end at (default: today).
        blind: mask who the candidate is (name, contacts, gender, age, birth date, marital
            status, ethnicity, photo text, graduation years; ``matcher.resume.blind``) before
            the resume is understood, so no score, evidence or explanation holds it.
        ocr: read scanned pages and PNG/JPEG resumes by OCR when the ``ocr`` extra is
            installed (``pip install 'matcher[ocr]'``); False leaves them ``needs_ocr``.
        reader: the PDF character source: ``"pdfminer"`` or ``"pdfium"`` (several times
            faster, the same hidden-text checks; ``pip install 'matcher[pdfium]'``).

    Raises:
        ReadError: its ``status`` says what is wrong (``needs_ocr``, ``encrypted``...). A
            ``str`` that is no file and does not look like a path says to pass ``text=True``.

    >>> import io
    >>> read_resume(io.BytesIO(b"Skills: SQL"), name="cv.txt").document.text
    'Skills: SQL'
    >>> read_resume("Jane Doe. Skills: SQL, Excel and Axure")
    Traceback (most recent call last):
    ...
    matcher.errors.ReadError: the string given is no file path; to read a resume's text, pass text=True: matcher.read_resume(text, text=True)
    """
    from matcher.read.document import read_text
    from matcher.read.reader import read_document
    from matcher.resume.understand import understand

    if isinstance(source, str) and text:
        doc = read_text(source, name=name or "<text>")
    elif isinstance(source, str | Path | bytes):
        if isinstance(source, str) and not _looks_like_path(source):
            # Never quoted: the string is likely a resume's text (issue 14).
            raise ReadError(
                "the string given is no file path; to read a resume's text, pass text=True: "
                "matcher.read_resume(text, text=True)",
                status="not_found",
            )
        doc = read_document(source, name=name, ocr=ocr, reader=reader)
    else:
        data, label = _content(source, "<file>")
        if isinstance(data, str):
            doc = read_text(data, name=name or label)
        else:
            from matcher.read.reader import read_bytes

            suffix = PurePath(label).suffix.lower()
            doc = read_bytes(
                data,
                label=name or label,
                suffix=suffix,
                ocr=ocr,
                reader=reader,
            )
    if blind:
        from matcher.resume.blind import blind as blind_document

        doc = blind_document(doc)[0]
    return understand(doc, as_of)


def _looks_like_path(s: str) -> bool:
    """Whether a ``str`` given as a path could be one: an existing file, or a single short line
    with a file suffix or a folder separator (a missing file then gets ``not_found``)."""
    if "\n" in s or len(s) > 1024:
        return False
    p = Path(s)
    return p.exists() or bool(p.suffix and " " not in p.suffix) or "/" in s or "\\" in s


def _content(source: IO[bytes] | IO[str], default: str) -> tuple[bytes | str, str]:
    """An open file's content and the name to call it by (its file name, never its folder)."""
    data = source.read()
    name = getattr(source, "name", None)
    return data, PurePath(name).name if isinstance(name, str) and name else default


def score(resume: Resume, rubric: Rubric) -> ScoreCard:
    """Score one resume against one rubric; the card carries evidence for every criterion."""
    from matcher.scoring.score import score as _score

    return _score(resume, rubric)


def rank(cards: list[ScoreCard], failures: list[Failure] | None = None) -> pl.DataFrame:
    """Rank score cards (and failure rows) into the ranking DataFrame, one row per resume and job."""
    from matcher.ranking import rank as _rank

    return _rank(cards, failures or ())


def score_files(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    out: str | Path | None = None,
    evidence: bool | str | Path = False,
    as_of: date | None = None,
    top: int | None = None,
    jobs: int | None = None,
    cache: str | Path | None = None,
    cluster: str | object | None = None,
    send_bytes: bool = False,
    memory_limit: int | None = 1 << 30,
    blind: bool = False,
    ocr: bool = True,
    reader: Literal["pdfminer", "pdfium"] = "pdfminer",
) -> Scored:
    """Score and rank a batch of any size: what ``matcher score`` runs.

    Each file is read, understood and scored against every rubric in a worker process (or on
    a Dask cluster), rows are spooled to disk as they come and ranked job by job, so memory
    stays flat whatever the batch's size. The output is the same bytes whatever the number of
    workers, and a run that was stopped finishes from ``cache`` when started again.

    Args:
        paths: resume files or folders of them.
        rubrics: loaded rubrics (``load_rubric``).
        out: write the ranking here (.csv, .parquet, .json, .ndjson); None: ``.ranking`` has it.
        evidence: True for the evidence frame in ``.evidence``, or a file to write it to.
        as_of: the date open roles end at (default: today); fix it for reproducible output.
        top: keep the ``top`` best rows per job (failure rows are always kept).
        jobs: worker processes (default: all cores).
        cache: a folder for cached reads and scores (the CLI uses ``~/.cache/matcher``), or
            None to cache nothing.
        cluster: a Dask scheduler address (``tcp://host:8786``) or a ``distributed.Client``
            (``pip install 'matcher[dask]'``).
        send_bytes: on a cluster, send each file's bytes instead of its path.
        memory_limit: bytes of address space a worker may use past its start before its file
            is stopped (status ``too_large``): 1 GiB, raised to 3 GiB when OCR may run; None
            for no limit.
        blind: mask who each candidate is (names, contacts, gender, age, ...) before scoring,
            in scores and evidence alike (``matcher.resume.blind``).
        ocr: recognise scanned pages and image resumes when the ``ocr`` extra is installed.
        reader: the PDF character source: ``"pdfminer"`` or ``"pdfium"`` (the ``pdfium``
            extra; several times faster, the same hidden-text checks).

    Returns:
        ``Scored``: ``.ranking`` (or ``.out``), ``.evidence`` (or ``.evidence_out``), and
        ``.failed``: one ``(source, status, message)`` per file that could not be scored.

    Raises:
        MatcherError: the cluster cannot be reached or runs another build.
    """
    from matcher.pipeline.run import score_files as _score_files

    return _score_files(
        paths,
        rubrics,
        out=out,
        evidence=evidence,
        as_of=as_of,
        top=top,
        jobs=jobs,
        cache=Path(cache) if cache is not None else None,
        cluster=cluster,
        send_bytes=send_bytes,
        memory_limit=memory_limit,
        blind=blind,
        ocr=ocr,
        reader=reader,
    )


def score_stream(
    resumes: Iterable[str | Path | tuple[str, bytes]],
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    jobs: int | None = None,
    cache: str | Path | None = None,
    blind: bool = False,
    ocr: bool = True,
    reader: Literal["pdfminer", "pdfium"] = "pdfminer",
) -> Iterator[FileRows]:
    """Score resumes as they come in; yield one ``FileRows`` per resume, in input order.

    For an ATS that streams resumes in: ``resumes`` (paths, or ``(name, bytes)`` pairs) is
    read lazily and scored in worker processes, in bounded memory however long it runs.
    Each result has ``source``, ``status``, ``message`` and ``rows``, one ``Row`` per rubric in
    the order of ``rubrics`` (``score``, ``eligible``, ``missing_required``, ``warnings``).
    ``blind``, ``ocr`` and ``reader`` are as in ``score_files``.

    >>> import matcher
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel", stem="bi")[0]
    >>> for r in matcher.score_stream([("cv.txt", b"SQL, Excel")], [rubric], as_of=date(2026, 1, 1)):
    ...     print(r.source, r.status, r.rows[0].score, r.rows[0].eligible)
    cv.txt ok 85.0 True
    """
    from matcher.pipeline.run import score_stream as _score_stream

    yield from _score_stream(
        resumes,
        rubrics,
        as_of=as_of,
        jobs=jobs,
        cache=Path(cache) if cache is not None else None,
        blind=blind,
        ocr=ocr,
        reader=reader,
    )


def report_html(
    ranking: pl.DataFrame,
    evidence: pl.DataFrame,
    rubrics: list[Rubric] | None = None,
    *,
    lang: Literal["en", "zh"] = "en",
    audit: pl.DataFrame | None = None,
) -> str:
    """The report page of a ranking and its evidence: one self-contained HTML document.

    ``rubrics`` (optional) add their fairness findings; ``lang`` is the language it opens in;
    ``audit`` (``audit_ranking(...).frame``) adds an adverse-impact section to each job.
    See ``matcher.report.html.render``.
    """
    from matcher.report.html import render

    return render(ranking, evidence, rubrics or (), lang=lang, audit=audit)


def audit_ranking(
    ranking: pl.DataFrame,
    groups: str | Path | pl.DataFrame,
    *,
    top: int | None = None,
    threshold: float | None = None,
) -> Audit:
    """Adverse-impact figures of a ranking per declared group and intersection of groups.

    Named ``audit_ranking`` because ``matcher.audit`` is the module that computes them.

    Args:
        ranking: the ranking frame (``rank``, or a table ``matcher score`` wrote, read back).
        groups: a groups CSV ``resume,<attribute>,...`` (path) or that table; the candidates'
            own declarations: matcher never infers a protected attribute.
        top: selected = the ``top`` best of each job; ``threshold``: eligible and scoring at
            least this; neither: every eligible resume.

    Returns:
        an ``Audit``: ``.frame`` has, per job and group, n, selected, the selection and
        scoring rates, their impact ratios, the four-fifths flags, a Fisher exact p-value
        and a small-sample flag.

    Raises:
        MatcherError: a groups file that cannot be used, or both ``top`` and ``threshold``.
    """
    from matcher.audit import Cut, audit, read_groups_table

    table = read_groups_table(groups)[0] if isinstance(groups, str | Path) else groups
    return audit(ranking, table, Cut(top=top, threshold=threshold))


def tune_rubric(
    evidence: pl.DataFrame,
    rubric: Rubric,
    labels: str | Path | pl.DataFrame,
    *,
    k: int = 5,
    groups: str | Path | pl.DataFrame | None = None,
    threshold: float | None = None,
    as_of: date | None = None,
) -> TuneResult:
    """Tune a rubric's weights to recruiter decisions, measured on held-out folds.

    Named ``tune_rubric`` because ``matcher.tune`` is the tuning package: importing it (as the
    CLI does) would rebind a ``matcher.tune`` function to the package.

    Args:
        evidence: the evidence frame of a run scored with ``rubric`` (``ranking.evidence_table``
            of its cards).
        rubric: the rubric to tune; only weights change, never which criteria are required.
        labels: a labels CSV ``resume,job_id,label`` (path) or that table as a DataFrame.
        k: the cut-off of NDCG@k, precision@k and of the impact ratios.
        groups: a groups CSV ``resume,group`` (path) or DataFrame, for the four-fifths guardrail.
        threshold: select by score (eligible and score >= threshold) instead of the top k.
        as_of: the tuning date recorded in the tuned rubric (default: today).

    Returns:
        a ``TuneResult``: ``.rubric`` carries the new weights and its ``[tuning]`` provenance,
        ``.before``/``.after`` the held-out metrics, ``.changes`` why each weight moved.

    Raises:
        TuneError: labels or groups that cannot be read or used, or evidence of another rubric.

    >>> import matcher, polars as pl
    >>> from matcher.ranking import evidence_table
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel; Axure is a plus", stem="bi")[0]
    >>> texts = {"a": "SQL and Excel", "b": "Excel", "c": "SQL, Excel and Axure", "d": "Word"}
    >>> cards = [matcher.score(matcher.read_resume(t, text=True, name=n, as_of=date(2026, 1, 1)),
    ...     rubric) for n, t in texts.items()]
    >>> labels = pl.DataFrame({"resume": list(texts), "job_id": ["bi"] * 4,
    ...     "label": ["yes", "no", "yes", "no"]})
    >>> result = matcher.tune_rubric(evidence_table(cards), rubric, labels, k=2)
    >>> result.n_labels, result.n_good, result.too_few
    (4, 2, True)
    """
    from matcher.tune.labels import read_groups, read_labels
    from matcher.tune.round import tune as _tune

    # Paths are read here; tables go through as they are (no polars import for the check).
    table = read_labels(labels) if isinstance(labels, str | Path) else labels
    who = read_groups(groups) if isinstance(groups, str | Path) else groups
    return _tune(evidence, rubric, table, k=k, groups=who, threshold=threshold, as_of=as_of)


def __getattr__(name: str) -> object:
    """Types are importable from ``matcher`` without importing every step up front."""
    homes = {
        "Criterion": "rubric.model",
        "Rubric": "rubric.model",
        "Document": "read.document",
        "Resume": "resume.understand",
        "ScoreCard": "scoring.score",
        "Evidence": "scoring.score",
        "TuneResult": "tune.round",
        "Scored": "pipeline.run",
        "FileRows": "pipeline.rows",
    }
    if name in homes:
        import importlib

        value = getattr(importlib.import_module(f"matcher.{homes[name]}"), name)
        globals()[name] = value  # once imported, an ordinary member (pdoc, dir(), speed)
        return value
    raise AttributeError(f"module 'matcher' has no attribute {name!r}")
