"""Cluster: resume files and a ``Batch`` in, spooled rows out, scored on a Dask cluster.

The files (their paths, or their bytes with ``send_bytes``) go to the cluster's workers in
partitions; each partition is read, understood and scored on a worker with ``rows.score_file``
and comes back as a Parquet partition of rows, which the local ``Spool`` keeps, with the
credits its files earned, which the local ``CreditStore`` keeps; the ranking is made once,
here, so it is the same bytes as a local run's. Needs ``distributed``
(``pip install 'matcher[dask]'``) here and on the workers, with the same matcher build.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any

import polars as pl

from matcher.errors import MatcherError
from matcher.pipeline.credits import CreditStore
from matcher.pipeline.rows import Batch, FileRows, score_file
from matcher.pipeline.spool import Spool, evidence_frame, spool_frame
from matcher.pipeline.stored import build_id

# How long to try to reach the scheduler before giving up.
CONNECT_TIMEOUT = "20s"

# Files per task: enough that a task's overhead (~ms) is small against its work.
PARTITION = 256


def score_on_cluster(
    cluster: str | Any,
    sources: Sequence[str],
    batch: Batch,
    spool: Spool,
    *,
    send_bytes: bool = False,
    partition: int = PARTITION,
    progress: Callable[[int, int], None] | None = None,
    credits: CreditStore | None = None,
    done: int = 0,
) -> None:
    """Score ``sources`` on a Dask cluster (its scheduler's address, or a ``Client``) into ``spool``.

    The credits the workers found go to ``credits`` when given; ``progress`` counts from
    ``done`` (files of the batch already scored) to ``done + len(sources)``.

    Raises:
        MatcherError: ``distributed`` is not installed, the scheduler cannot be reached, or
            its workers run another matcher build (their results could differ).
    """
    try:
        from distributed import Client, as_completed
    except ImportError:
        raise MatcherError(
            "--cluster needs Dask: pip install 'matcher[dask]'", status="usage"
        ) from None
    own = not isinstance(cluster, Client)
    client: Any = cluster
    try:
        if own:
            client = Client(cluster, timeout=CONNECT_TIMEOUT)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as e:
        raise MatcherError(f"cannot reach the Dask scheduler at {cluster}: {e}") from None
    try:
        builds = client.run(build_id)
        other = sorted(w for w, b in builds.items() if b != build_id())
        if other:
            raise MatcherError(
                f"Dask workers {', '.join(other)} run another matcher build than this one "
                "(install the same version on every worker)"
            )
        shared = client.scatter(batch, broadcast=True)
        chunks = [list(sources[i : i + partition]) for i in range(0, len(sources), partition)]
        futures = [
            client.submit(
                score_partition, shared, chunk, _read_all(chunk) if send_bytes else None, pure=False
            )
            for chunk in chunks
        ]
        total = done + len(sources)
        for future in as_completed(futures):  # type: ignore[no-untyped-call]
            rows, evidence, scored = future.result()
            spool.add_part(
                pl.read_parquet(io.BytesIO(rows)),
                pl.read_parquet(io.BytesIO(evidence)) if evidence is not None else None,
            )
            future.release()
            if credits is not None:
                credits.add(batch.keys, scored)
            done += len(scored)
            if progress is not None:
                progress(done, total)
    finally:
        if own:
            client.close()


def _read_all(chunk: Sequence[str]) -> list[bytes | None]:
    out: list[bytes | None] = []
    for source in chunk:
        try:
            with open(source, "rb") as f:
                out.append(f.read())
        except OSError:
            out.append(None)  # the worker reports why, as for a path
    return out


def score_partition(
    batch: Batch, sources: Sequence[str], data: Sequence[bytes | None] | None = None
) -> tuple[bytes, bytes | None, list[FileRows]]:
    """Score a partition of files on a worker: (rows as Parquet, evidence as Parquet, its
    files' rows without their evidence, for their credits)."""
    files: list[FileRows] = [
        score_file(batch, s, data[k] if data is not None else None) for k, s in enumerate(sources)
    ]
    buf = io.BytesIO()
    spool_frame(files, len(batch.rubrics)).write_parquet(buf)
    evidence = None
    if batch.evidence:
        ev = io.BytesIO()
        evidence_frame(files).write_parquet(ev)
        evidence = ev.getvalue()
    return buf.getvalue(), evidence, [replace(f, evidence=()) for f in files]
