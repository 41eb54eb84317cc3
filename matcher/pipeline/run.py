"""Run: the one place that composes the steps (read, understand, score, rank) over many files.

Input is resume paths (files or folders, or an iterable of resumes as they come) and rubrics;
output is the ranking written to a file or returned as a frame, with the failures (``score_files``),
or one result per resume as it is scored (``score_stream``). Workers read, understand and score
each file and send back rows; the rows are spooled to disk and ranked job by job, so memory stays
flat whatever the batch's size. A file that cannot be read becomes one failure row per job and
never stops the others. ``run`` keeps every score card in memory, for small batches and
``explain``-like uses.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import heapq
import os
import shutil
import tempfile
from collections.abc import Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import polars as pl

from matcher._version import ENGINE_VERSION
from matcher.pipeline.credits import CreditStore, spool_part, stored_rows
from matcher.pipeline.manifest import file_hashes
from matcher.pipeline.rows import Batch, FileRows, namespace, read_data, score_file
from matcher.pipeline.spool import FLUSH_EVERY, Spool
from matcher.pipeline.workers import (
    MEMORY_LIMIT,
    OCR_MEMORY_LIMIT,
    READ_TIMEOUT,
    Item,
    Progress,
    pool,
    read_many,
)
from matcher.ranking import EVIDENCE_SCHEMA, Failure, csv_text, evidence_table, rank
from matcher.read.cache import Read, ReadCache
from matcher.read.reader import Reader as PdfReader
from matcher.read.reader import ocr_enabled
from matcher.resume.blind import blind as blind_document
from matcher.resume.understand import understand
from matcher.rubric.model import Rubric
from matcher.scoring.score import ScoreCard, score_many

# .doc and .rtf are not read, but a folder of resumes that holds them gets a row saying so.
RESUME_SUFFIXES = (".pdf", ".txt", ".md", ".docx", ".json", ".doc", ".rtf", ".png", ".jpg", ".jpeg")


@dataclass(frozen=True, slots=True)
class Run:
    """A batch scored: the ranking frame, the cards behind it and the failures in it."""

    ranking: pl.DataFrame
    cards: tuple[ScoreCard, ...]
    failures: tuple[Failure, ...]

    def evidence(self) -> pl.DataFrame:
        """The long evidence frame of this run (see ``ranking.evidence_table``)."""
        return evidence_table(self.cards)


def collect_inputs(paths: Iterable[str | Path], *, recursive: bool = False) -> list[str]:
    """Paths as given; a folder stands for its resume files (sorted), and with ``recursive``
    for those of its sub-folders too (each folder's files, then its sub-folders by name;
    hidden folders and links to folders are not entered, so a link loop cannot hold a run).

    In a folder, a file whose name starts with ``README`` is taken as the folder's own notes,
    and a run's manifest (``*.manifest.json``, ``*.timings.json``) as a record, not a resume;
    name it explicitly to score it. A file named twice (directly or through its folder) is
    scored once, under the first name it was given.
    """
    found: list[tuple[str, str | None]] = []  # a name, and its real path when already known
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            found.append((str(p), None))
            continue
        for folder in subfolders(path) if recursive else [path]:
            real, base = str(folder.resolve()), str(folder)
            with os.scandir(folder) as entries:
                # By name: the order of ``sorted(path.iterdir())`` within one folder.
                kept = sorted((e for e in entries if _is_resume(e)), key=lambda e: e.name)
            # Names as ``str(path / name)`` gives them, and the real path of each entry that
            # is no link (the folder's and its name): making a Path of each of 100k names,
            # or resolving them one by one, would cost seconds.
            found += [
                (
                    e.name if base == "." else os.path.join(base, e.name),
                    None if e.is_symlink() else os.path.join(real, e.name),
                )
                for e in kept
            ]
    out: list[str] = []
    seen: set[str] = set()
    for f, known in found:
        key = known or str(Path(f).resolve())
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def subfolders(folder: Path) -> list[Path]:
    """``folder`` and every folder below it that ``collect_inputs`` enters when recursive, in
    the order it reads them."""
    out, todo = [], [folder]
    while todo:
        d = todo.pop()
        try:
            with os.scandir(d) as entries:
                subs = sorted((e.name for e in entries if _is_subfolder(e)), reverse=True)
        except OSError:
            continue  # a sub-folder this user may not list holds nothing it can read
        out.append(d)
        todo += [d / n for n in subs]
    return out


def _is_subfolder(entry: os.DirEntry[str]) -> bool:
    """A folder ``collect_inputs`` enters when recursive: a real folder, not hidden."""
    return not entry.name.startswith(".") and entry.is_dir(follow_symlinks=False)


def _is_resume(entry: os.DirEntry[str]) -> bool:
    """A folder entry ``collect_inputs`` takes: a file with a resume's suffix, not notes or a
    run's record."""
    name = entry.name
    return (
        entry.is_file()
        and os.path.splitext(name)[1].lower() in RESUME_SUFFIXES
        and not name.upper().startswith("README")
        and not name.endswith((".manifest.json", ".timings.json"))
    )


def score_reads(
    reads: Iterable[Read], rubrics: Sequence[Rubric], as_of: date, *, blind: bool = False
) -> Run:
    """Understand and score what was read; failed reads become one failure row per job.

    With ``blind``, who the candidate is (``matcher.resume.blind``) is masked in the text
    before it is understood, so scores, evidence and everything shown from them never hold it.
    """
    cards: list[ScoreCard] = []
    failures: list[Failure] = []

    def failed(source: str, resume_id: str, status: str, message: str) -> list[Failure]:
        return [
            Failure(
                source,
                resume_id,
                rb.job_id,
                status,
                message,
                rb.fingerprint,
                ENGINE_VERSION,
                as_of,
                title=rb.title,
            )
            for rb in rubrics
        ]

    for r in reads:
        if r.document is None:
            failures += failed(r.source, "", r.status, r.message)
            continue
        try:
            doc = blind_document(r.document)[0] if blind else r.document
            cards += score_many(understand(doc, as_of), rubrics)
        except Exception as e:  # a bug on one resume costs its rows, not the batch
            message = f"unexpected {type(e).__name__} while understanding or scoring: {e}"
            failures += failed(r.source, r.document.sha256[:12], "error", message)
    return Run(rank(cards, failures), tuple(cards), tuple(failures))


def run(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    jobs: int | None = None,
    cache: Path | None = None,
    timeout: float = READ_TIMEOUT,
    progress: Progress | None = None,
    blind: bool = False,
    ocr: bool = True,
    reader: PdfReader = "pdfminer",
) -> Run:
    """Read, understand, score and rank every resume in ``paths`` against every rubric.

    Args:
        paths: resume files or folders of them.
        rubrics: loaded rubrics (``load_rubrics``).
        as_of: the date open roles end at; defaults to today. Fix it for reproducible output.
        jobs: worker processes for reading (default: all cores).
        cache: a folder for cached reads (``default_cache_dir()``), or None to read everything.
        timeout: seconds one file may take to read.
        progress: called as ``progress(done, total)`` as files are read.
        blind: mask who each candidate is before scoring (``matcher.resume.blind``).
        ocr: recognise scanned pages and image resumes when the ``ocr`` extra is installed.
        reader: the PDF character source, ``"pdfminer"`` or ``"pdfium"`` (``read_bytes``).
    """
    as_of = as_of or date.today()
    ocr = ocr_enabled(ocr)
    store = ReadCache(cache, ocr=ocr, reader=reader) if cache is not None else None
    reads = read_many(
        collect_inputs(paths),
        jobs,
        timeout=timeout,
        cache=store,
        progress=progress,
        memory=OCR_MEMORY_LIMIT if ocr else MEMORY_LIMIT,
        reader=functools.partial(read_data, ocr=ocr, reader=reader),
    )
    return score_reads(reads, rubrics, as_of, blind=blind)


# ---------------------------------------------------------------- batches of any size


@dataclass(frozen=True, slots=True)
class FailedFile:
    """A file that could not be scored: its name, status and message (one per file)."""

    source: str
    status: str
    message: str


@dataclass(frozen=True, slots=True)
class Scored:
    """A batch scored by ``score_files``.

    ``ranking`` is the ranking frame when no ``out`` file was given (else None: it is in the
    file); ``evidence`` likewise when evidence was asked for without a file. ``failed`` has one
    entry per file that could not be scored (each also has a failure row per job). ``rows`` is
    how many ranking rows were kept (after ``top``); ``walls`` has a line for each required
    criterion that no scored resume of its job meets (``ranking.required_walls``);
    ``ranking_sha256`` is the sha256 of the ranking as plain CSV, whatever format it was
    written in (what a run's manifest records); ``hashes`` the sha256 of each file, by name
    (None when it could not be read), so the manifest need not read them again.
    """

    files: int
    failed: tuple[FailedFile, ...]
    ranking: pl.DataFrame | None = None
    evidence: pl.DataFrame | None = None
    out: Path | None = None
    evidence_out: Path | None = None
    rows: int = 0
    walls: tuple[str, ...] = ()
    ranking_sha256: str = ""
    hashes: Mapping[str, str | None] = field(default_factory=dict)


Resumes = Iterable["str | Path | tuple[str, bytes]"]


def score_files(
    paths: Iterable[str | Path],
    rubrics: Sequence[Rubric],
    *,
    out: str | Path | None = None,
    evidence: bool | str | Path = False,
    as_of: date | None = None,
    top: int | None = None,
    jobs: int | None = None,
    cache: Path | None = None,
    timeout: float = READ_TIMEOUT,
    memory_limit: int | None = MEMORY_LIMIT,
    cluster: str | object | None = None,
    send_bytes: bool = False,
    excel: bool = False,
    progress: Progress | None = None,
    blind: bool = False,
    ocr: bool = True,
    reader: PdfReader = "pdfminer",
) -> Scored:
    """Score every resume in ``paths`` against every rubric and rank them, in flat memory.

    Each file is read, understood and scored in a worker process (or on a Dask cluster), which
    sends back rows; rows are spooled to disk as they come and ranked job by job at the end. The
    output is the same, byte for byte, whatever the number of workers or the order files finish
    in; with a cache, a run that was stopped (Ctrl-C, a crash, kill -9) and started again
    finishes from the cache and writes the same bytes as a run that was never stopped.

    Args:
        paths: resume files or folders of them (``collect_inputs``).
        rubrics: loaded rubrics (``load_rubrics``).
        out: write the ranking here (.csv, .parquet, .json, .ndjson); None: return it.
        evidence: True to return the evidence frame, or a path to write it to.
        as_of: the date open roles end at; defaults to today. Fix it for reproducible output.
        top: keep the ``top`` best rows per job (failure rows are always kept).
        jobs: worker processes (default: all cores).
        cache: a folder for cached reads and scores (``default_cache_dir()``), or None.
        timeout: seconds one file may take.
        memory_limit: bytes of address space a worker may use past its start before its file is
            stopped (``too_large``): 1 GiB, 3 GiB when OCR may run; None for no limit.
        cluster: a Dask scheduler address (``tcp://host:8786``) or ``distributed.Client``.
        send_bytes: on a cluster, send each file's bytes rather than its path (for workers
            that do not see the same files).
        excel: CSV files start with a byte-order mark (``ranking.write_table``).
        progress: called as ``progress(done, total)`` as files are scored.
        blind: mask who each candidate is before scoring (``matcher.resume.blind``).
        ocr: recognise scanned pages and image resumes when the ``ocr`` extra is installed.
        reader: the PDF character source, ``"pdfminer"`` or ``"pdfium"`` (``read_bytes``).

    Returns:
        A ``Scored``: the ranking (or where it was written) and the files that failed.

    >>> import matcher, tempfile
    >>> from pathlib import Path
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "a.txt").write_text("Skills: SQL, Excel")
    >>> _ = (folder / "b.txt").write_text("Skills: Word")
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel", stem="bi")[0]
    >>> got = score_files([folder], [rubric], as_of=date(2026, 1, 1), jobs=1)
    >>> got.ranking.select("resume", "rank", "score").rows() == [
    ...     (str(folder / "a.txt"), 1, 85.0), (str(folder / "b.txt"), 2, 0.0)]
    True
    """
    as_of = as_of or date.today()
    sources = collect_inputs(paths)
    ocr = ocr_enabled(ocr)
    want_evidence = evidence is not False
    store = _cache(cache, ocr, reader)
    batch = Batch(tuple(rubrics), as_of, want_evidence, store, blind, ocr, reader)
    spool = Spool(_spool_folder(cache), rubrics, as_of, want_evidence)
    hashes = file_hashes(sources)
    credits = _credit_store(batch)
    try:
        todo = list(range(len(sources)))
        if credits is not None and not want_evidence and batch.rubrics:
            todo = _from_store(credits, batch, sources, hashes, spool)
            if progress is not None and len(todo) < len(sources):
                progress(len(sources) - len(todo), len(sources))
        rest = [sources[i] for i in todo]
        if cluster is not None:
            from matcher.pipeline.cluster import score_on_cluster

            score_on_cluster(
                cluster,
                rest,
                batch,
                spool,
                send_bytes=send_bytes,
                progress=progress,
                credits=credits,
                done=len(sources) - len(rest),
            )
        else:
            items = (Item(i, s) for i, s in enumerate(rest))
            scored = _scored(items, batch, jobs, timeout, _limit(memory_limit, ocr))
            fresh: list[FileRows] = []  # scored by a worker: their credits go to the store
            with contextlib.closing(scored):
                for done, (_, rows) in enumerate(scored, len(sources) - len(rest) + 1):
                    spool.add(rows)
                    if credits is not None and rows.credits:
                        fresh.append(rows)
                        if len(fresh) >= FLUSH_EVERY:
                            credits.add(batch.keys, fresh)
                            fresh = []
                    if progress is not None:
                        progress(done, len(sources))
            if credits is not None:
                credits.add(batch.keys, fresh)
        if credits is not None:
            for key in set(batch.keys):
                credits.compact(key)
        spool.flush()
        failed = tuple(FailedFile(*f) for f in sorted(spool.failed))
        target = Path(out) if out is not None else None
        ranking = None
        if target is not None:
            kept, digest = spool.write_ranking(target, top, excel=excel)
        else:
            ranking = spool.table(top)
            kept, digest = ranking.height, hashlib.sha256(csv_text(ranking).encode()).hexdigest()
        ev_path = Path(evidence) if isinstance(evidence, str | Path) else None
        ev_frame = None
        if ev_path is not None:
            spool.write_evidence(ev_path, excel=excel)
        elif evidence is True:
            frames = [spool.evidence_of(j) for j in spool.jobs()]
            ev_frame = pl.concat(frames) if frames else pl.DataFrame(schema=EVIDENCE_SCHEMA)
        walls = spool.walls()
        return Scored(
            len(sources),
            failed,
            ranking,
            ev_frame,
            target,
            ev_path,
            kept,
            walls,
            digest,
            dict(zip(sources, hashes, strict=True)),
        )
    finally:
        spool.close()


# Rows of stored credits held before they are written as one spool part (some 20 MiB).
STORED_PART_ROWS = 200_000


def _credit_store(batch: Batch) -> CreditStore | None:
    """The bulk store of the batch's credits, beside its scored entries in the cache."""
    if batch.cache is None:
        return None
    root = batch.cache.root
    return CreditStore(root / namespace(batch) / "credits", root / "tmp")


def _from_store(
    store: CreditStore,
    batch: Batch,
    sources: Sequence[str],
    hashes: Sequence[str | None],
    spool: Spool,
) -> list[int]:
    """Spool the rows of every file whose credits are all in ``store``; the indices of the
    other files, which workers score."""
    scratch = spool.folder / "stored"
    hits = stored_rows(store, batch.keys, batch.weights, sources, hashes, scratch)
    if hits.files:
        kept = sorted(hits.files)
        files = pl.DataFrame(
            {"resume": [sources[i] for i in kept], "sha": [hashes[i] for i in kept]},
            schema={"resume": pl.String, "sha": pl.String},
        )
        held: list[pl.DataFrame] = []  # a few jobs' rows to a part: fewer files to rank from
        for j, path in enumerate(hits.rows):
            held.append(spool_part(path, j, files))
            if sum(f.height for f in held) >= STORED_PART_ROWS or j == len(hits.rows) - 1:
                spool.add_part(pl.concat(held))
                held = []
    shutil.rmtree(scratch, ignore_errors=True)
    return [i for i in range(len(sources)) if i not in hits.files]


def score_stream(
    resumes: Resumes,
    rubrics: Sequence[Rubric],
    *,
    as_of: date | None = None,
    evidence: bool = False,
    jobs: int | None = None,
    cache: Path | None = None,
    timeout: float = READ_TIMEOUT,
    memory_limit: int | None = MEMORY_LIMIT,
    blind: bool = False,
    ocr: bool = True,
    reader: PdfReader = "pdfminer",
) -> Iterator[FileRows]:
    """Score resumes as they come in (an ATS's stream); yield one ``FileRows`` per resume, in order.

    ``resumes`` may be paths or ``(name, bytes)`` pairs and is read lazily, so a stream of any
    length runs in bounded memory; ``rows[k]`` of each result is its row for ``rubrics[k]``
    (score, eligibility, missing required criteria, warnings). No ranking: that needs the
    whole batch (``score_files``). ``blind``, ``ocr``, ``reader`` and the limits are as in
    ``score_files``.

    >>> import matcher
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel", stem="bi")[0]
    >>> stream = [("a.txt", b"Skills: SQL"), ("b.txt", b"")]
    >>> [(r.source, r.status, [x.score for x in r.rows])
    ...  for r in score_stream(stream, [rubric], as_of=date(2026, 1, 1), jobs=1)]
    [('a.txt', 'ok', [56.13]), ('b.txt', 'empty', [])]
    """
    ocr = ocr_enabled(ocr)
    store = _cache(cache, ocr, reader)
    batch = Batch(tuple(rubrics), as_of or date.today(), evidence, store, blind, ocr, reader)
    limit = _limit(memory_limit, ocr)

    def items() -> Iterator[Item]:
        for i, r in enumerate(resumes):
            if isinstance(r, tuple):
                yield Item(i, str(r[0]), bytes(r[1]))
            else:
                yield Item(i, str(r))

    n = jobs or os.cpu_count() or 1
    window = 8 * n
    waiting: list[tuple[int, FileRows]] = []
    nxt = 0
    with contextlib.closing(_scored(items(), batch, jobs, timeout, limit, window)) as got:
        for i, rows in got:
            heapq.heappush(waiting, (i, rows))
            while waiting and waiting[0][0] == nxt:
                yield heapq.heappop(waiting)[1]
                nxt += 1


def _cache(cache: Path | None, ocr: bool, reader: PdfReader = "pdfminer") -> ReadCache | None:
    return ReadCache(cache, ocr=ocr, reader=reader) if cache is not None else None


def _limit(memory_limit: int | None, ocr: bool) -> int | None:
    """The default limit grows to ``OCR_MEMORY_LIMIT`` when OCR may run (onnxruntime reserves
    address space it never touches); a limit the caller chose is kept."""
    return OCR_MEMORY_LIMIT if ocr and memory_limit == MEMORY_LIMIT else memory_limit


def _scored(
    items: Iterable[Item],
    batch: Batch,
    jobs: int | None,
    timeout: float,
    memory_limit: int | None,
    window: int | None = None,
) -> Generator[tuple[int, FileRows], None, None]:
    if batch.cache is not None:
        batch.cache.sweep()
    work = functools.partial(score_file, batch)
    return pool(
        items, work, _failed, jobs, timeout=timeout, memory_limit=memory_limit, window=window
    )


def _failed(source: str, status: str, message: str) -> FileRows:
    return FileRows(source, "", status, message)


def _spool_folder(cache: Path | None) -> Path:
    """A new spool folder: in the cache (same disk as the cached entries), else in temp.

    Spools of runs that were killed (their process is gone) are removed first.
    """
    base = cache / "spool" if cache is not None else Path(tempfile.gettempdir())
    with contextlib.suppress(OSError):
        base.mkdir(parents=True, exist_ok=True)
        for old in base.glob("matcher-spool-*"):
            pid = old.name.split("-")[2]
            if pid.isdigit() and not _alive(int(pid)):
                shutil.rmtree(old, ignore_errors=True)
    return Path(tempfile.mkdtemp(prefix=f"matcher-spool-{os.getpid()}-", dir=base))


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
