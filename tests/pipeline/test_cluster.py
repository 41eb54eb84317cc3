"""Tests for matcher.pipeline.cluster: a Dask LocalCluster writes the bytes a local run writes.

Needs ``distributed`` (in the dev extra, so ``make test`` runs it); skipped without it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from matcher.errors import MatcherError
from matcher.pipeline.run import score_files
from matcher.rubric.io import load_rubrics
from tests.conftest import FIXTURES, RUBRICS, SAMPLES

distributed = pytest.importorskip("distributed")

AS_OF = date(2026, 11, 23)


def test_a_local_cluster_gives_the_bytes_of_a_local_run(tmp_path: Path) -> None:
    rubrics = load_rubrics([RUBRICS])
    inputs = [SAMPLES, FIXTURES / "encrypted.pdf", tmp_path / "missing.pdf"]
    local, ev = tmp_path / "local.csv", tmp_path / "local-e.ndjson"
    score_files(inputs, rubrics, as_of=AS_OF, jobs=2, out=local, evidence=ev)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        for send_bytes in (False, True):
            out, cev = tmp_path / f"cluster{send_bytes}.csv", tmp_path / f"c{send_bytes}.ndjson"
            got = score_files(
                inputs,
                rubrics,
                as_of=AS_OF,
                out=out,
                evidence=cev,
                cluster=client,
                send_bytes=send_bytes,
                cache=tmp_path / "cache",
            )
            assert out.read_bytes() == local.read_bytes()
            assert cev.read_bytes() == ev.read_bytes()
            assert sorted(f.status for f in got.failed) == ["encrypted", "not_found"]
        # The credits the cluster found are kept here: a run without evidence comes from them.
        assert list((tmp_path / "cache").glob("scored-*/*/credits/*/part-*.parquet"))
        warm = tmp_path / "warm.csv"
        score_files(
            inputs, rubrics, as_of=AS_OF, out=warm, cluster=client, cache=tmp_path / "cache"
        )
        assert warm.read_bytes() == local.read_bytes()


def test_an_unreachable_scheduler_is_a_message(monkeypatch: pytest.MonkeyPatch) -> None:
    import matcher.pipeline.cluster as cluster

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    rubrics = load_rubrics([RUBRICS])[:1]
    with pytest.raises(MatcherError, match="cannot reach the Dask scheduler"):
        score_files([SAMPLES / "en_chef.pdf"], rubrics, as_of=AS_OF, cluster="tcp://127.0.0.1:1")


def test_the_cli_says_when_the_scheduler_cannot_be_reached(monkeypatch: pytest.MonkeyPatch) -> None:
    from typer.testing import CliRunner

    import matcher.pipeline.cluster as cluster
    from matcher.cli import app

    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", "1s")
    args = ["score", str(SAMPLES / "en_chef.pdf"), "--rubric", str(RUBRICS), "--no-cache"]
    res = CliRunner().invoke(app, [*args, "--cluster", "tcp://127.0.0.1:1"])
    assert res.exit_code == 1
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:1" in res.output
