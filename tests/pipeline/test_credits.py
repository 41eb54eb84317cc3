"""Tests for matcher.pipeline.credits: rows from the bulk store equal the scorer's, byte for byte."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import polars as pl
import pytest
from hypothesis import given
from hypothesis import strategies as st

import matcher.pipeline.run as run_module
from matcher.pipeline.credits import CREDITS_SCHEMA, _full, job_rows, round2
from matcher.pipeline.manifest import file_sha256
from matcher.pipeline.rows import SEP
from matcher.pipeline.run import score_files
from matcher.pipeline.stored import Match, Weights, row_of
from matcher.rubric.io import load_rubrics
from matcher.rubric.model import Rubric
from tests.conftest import RUBRICS, SAMPLES

AS_OF = date(2026, 11, 23)


def rows_both_ways(w: Weights, matches: list[Match], warnings: list[str]) -> None:
    """``job_rows`` on a table of ``matches`` gives ``row_of``'s rows, bit for bit."""
    table = pl.DataFrame(
        {
            "sha": [f"{k:064x}" for k in range(len(matches))],
            "credits": [m.dense() for m in matches],
            "met": [m.met for m in matches],
            "warnings": warnings,
        },
        schema=CREDITS_SCHEMA,
    )
    got = job_rows(table, w)
    for m, warn, (score, eligible, missing) in zip(
        matches,
        warnings,
        got.select("score", "eligible", "missing_required").iter_rows(),
        strict=True,
    ):
        want = row_of(w, m, tuple(warn.split(SEP)) if warn else ())
        assert (score, eligible, missing) == (
            want.score,
            want.eligible,
            SEP.join(want.missing_required),
        ), (m, w)
        assert str(score) == str(want.score)


# Credits a scorer gives (full, fuzzy, partial) and values that sit on a rounding edge.
CREDIT = st.one_of(
    st.sampled_from([0.0, 1.0, 0.85, 0.6, 0.5, 1 / 3, 0.25, 0.005, 0.115, 0.125]),
    st.floats(0.0, 1.0, allow_nan=False),
)


@given(
    st.lists(
        st.tuples(st.floats(0.01, 50.0, allow_nan=False), st.booleans()), min_size=1, max_size=30
    ),
    st.lists(st.lists(CREDIT, min_size=30, max_size=30), min_size=1, max_size=20),
    st.lists(st.lists(st.booleans(), min_size=30, max_size=30), min_size=20, max_size=20),
)
def test_stored_rows_equal_row_of_bit_for_bit(
    criteria: list[tuple[float, bool]], credits: list[list[float]], met: list[list[bool]]
) -> None:
    n = len(criteria)
    w = Weights(
        tuple(c[0] for c in criteria),
        sum(c[0] for c in criteria),
        tuple((i, f"label {i}") for i, c in enumerate(criteria) if c[1]),
    )
    matches = [
        Match(
            tuple((i, c) for i, c in enumerate(cs[:n]) if c),
            "".join("1" if x else "0" for x in ms[:n]),
            ("keyword_stuffing: x",) if k % 3 == 0 else (),
        )
        for k, (cs, ms) in enumerate(zip(credits, met, strict=False))
    ]
    warnings = [
        SEP.join(("scanned_page", *m.warnings)) if k % 2 else "" for k, m in enumerate(matches)
    ]
    rows_both_ways(w, matches, warnings)


@given(
    st.lists(
        st.one_of(
            st.floats(0.0, 100.0, allow_nan=False),
            st.integers(0, 20_000).map(lambda n: n / 200),  # halves of a cent: ties
            st.integers(0, 10_000).map(lambda n: n / 100 + 0.005),  # just off a tie
            st.sampled_from([1.005, 1.115, 2.675, 0.285, 99.995, 100.0, 0.0]),
        ),
        min_size=1,
    )
)
def test_round2_is_pythons_round(xs: list[float]) -> None:
    got = round2(pl.Series("score", xs, dtype=pl.Float64)).to_list()
    assert [repr(x) for x in got] == [repr(round(x, 2)) for x in xs]


@given(st.lists(st.floats(0.0, 1e4, allow_nan=False), min_size=1), st.floats(0.01, 1e3))
def test_a_column_divided_by_a_full_column_is_pythons_division(xs: list[float], d: float) -> None:
    """Regression: polars divides by a literal with its reciprocal (3122 / 100 gave
    31.220000000000002), so the stored rows divide by a full column (``_full``)."""
    got = (pl.Series(xs) / _full("", d, len(xs))).to_list()
    assert got == [x / d for x in xs]
    assert round2(pl.Series([31.22])).to_list() == [31.22]


def test_a_rubric_with_no_weight_scores_zero() -> None:
    rows_both_ways(Weights((0.0, 0.0), 0.0, ((1, "b"),)), [Match(((0, 1.0),), "10")], [""])


# ---------------------------------------------------------------- whole runs


def rubrics() -> list[Rubric]:
    return load_rubrics([RUBRICS])[:6]


def tuned(rs: list[Rubric]) -> list[Rubric]:
    return [
        r.with_weights({c.id: c.weight * (1 + 0.37 * k) for k, c in enumerate(r.criteria)})
        for r in rs
    ]


def scored_bytes(out: Path, rs: list[Rubric], cache: Path | None, inputs: list[Path]) -> bytes:
    score_files(inputs, rs, out=out, as_of=AS_OF, jobs=2, cache=cache)
    return out.read_bytes()


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".json"])
def test_warm_and_reweigh_runs_come_from_the_store_with_the_bytes_of_a_fresh_run(
    tmp_path: Path, suffix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    out, cache, rs = tmp_path / f"r{suffix}", tmp_path / "cache", rubrics()
    inputs = [SAMPLES, tmp_path / "missing.pdf"]
    fresh = scored_bytes(out, rs, None, inputs)
    fresh_tuned = scored_bytes(out, tuned(rs), None, inputs)
    assert scored_bytes(out, rs, cache, inputs) == fresh  # cold: fills the store
    assert list(cache.glob("scored-*/*/credits/*/part-*.parquet"))
    real = run_module._scored

    def only_failures(items, *args, **kwargs):  # type: ignore[no-untyped-def]
        # Workers get the file that is not there, not those whose credits are stored.
        items = list(items)
        assert [i.source for i in items] == [str(tmp_path / "missing.pdf")]
        return real(items, *args, **kwargs)

    monkeypatch.setattr(run_module, "_scored", only_failures)
    assert scored_bytes(out, rs, cache, inputs) == fresh  # warm
    assert scored_bytes(out, tuned(rs), cache, inputs) == fresh_tuned  # reweigh


def test_required_flags_changed_by_hand_come_from_the_store_too(tmp_path: Path) -> None:
    from dataclasses import replace

    out, cache, rs = tmp_path / "r.csv", tmp_path / "cache", rubrics()
    scored_bytes(out, rs, cache, [SAMPLES])
    flipped = [
        replace(r, criteria=tuple(replace(c, required=not c.required) for c in r.criteria))
        for r in rs
    ]
    assert scored_bytes(out, flipped, cache, [SAMPLES]) == scored_bytes(
        out, flipped, None, [SAMPLES]
    )


def test_a_damaged_or_foreign_store_part_is_a_miss(tmp_path: Path) -> None:
    out, cache, rs = tmp_path / "r.csv", tmp_path / "cache", rubrics()
    fresh = scored_bytes(out, rs, None, [SAMPLES])
    scored_bytes(out, rs, cache, [SAMPLES])
    parts = sorted(cache.glob("scored-*/*/credits/*/part-*.parquet"))
    parts[0].write_bytes(parts[0].read_bytes()[:200])  # cut short
    wrong = pl.DataFrame({"sha": ["x"], "credits": [[1.0]]})
    wrong.write_parquet(parts[1].with_name("part-0-foreign.parquet"))
    table = pl.read_parquet(parts[2])
    # Rows that do not fit their rubric (a credit short) are left out, not scored.
    table.with_columns(pl.col("credits").list.slice(1)).write_parquet(parts[2])
    nulls = pl.read_parquet(parts[3]).with_columns(
        pl.col("credits").list.eval(
            pl.when(pl.int_range(pl.len()) == 0).then(None).otherwise(pl.element())
        )
    )
    nulls.write_parquet(parts[3])  # and rows with a credit missing
    assert scored_bytes(out, rs, cache, [SAMPLES]) == fresh
    assert scored_bytes(out, rs, cache, [SAMPLES]) == fresh  # and healed by that run


def test_a_changed_file_is_scored_again_not_from_its_old_credits(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("en_pm_mid_plain.txt", "en_chef.pdf"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    out, cache, rs = tmp_path / "r.csv", tmp_path / "cache", rubrics()
    scored_bytes(out, rs, cache, [folder])
    (folder / "en_pm_mid_plain.txt").write_text("Skills: SQL, Excel, Python, Java\n")
    assert scored_bytes(out, rs, cache, [folder]) == scored_bytes(out, rs, None, [folder])


def test_the_run_gives_each_file_hash_for_the_manifest(tmp_path: Path) -> None:
    got = score_files([SAMPLES, tmp_path / "missing.pdf"], rubrics()[:1], as_of=AS_OF, jobs=1)
    assert got.hashes == {
        s: file_sha256(s) for s in run_module.collect_inputs([SAMPLES, tmp_path / "missing.pdf"])
    }
    assert got.hashes[str(tmp_path / "missing.pdf")] is None


def test_a_link_to_a_file_in_the_same_folder_is_scored_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Skills: SQL")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    assert run_module.collect_inputs([tmp_path, tmp_path / "a.txt"]) == [str(tmp_path / "a.txt")]
