"""Tests for matcher.pipeline.manifest: deterministic, no resume content, differences named."""

from __future__ import annotations

from pathlib import Path

import polars as pl
import pytest

from matcher.pipeline.manifest import (
    ManifestError,
    build,
    compare,
    dumps,
    read_manifest,
    table_sha256,
    write,
)
from matcher.rubric.io import load_rubric
from tests.conftest import RUBRICS, SAMPLES

FILES = [SAMPLES / "en_chef.pdf", SAMPLES / "en_pm_mid_plain.txt"]


def manifest(files: list[Path], **kw: object) -> dict[str, object]:
    rubric = load_rubric(RUBRICS / "000_1e07a38cda397245-1.toml")
    return build(
        "score",
        files=files,
        rubrics=[rubric],
        as_of="2026-11-23",
        options={"blind": False, "top": None},
        counts={"ok": len(files)},
        outputs={"ranking": table_sha256(pl.DataFrame({"a": [1]}))},
        **kw,  # type: ignore[arg-type]
    )


def test_the_same_run_gives_the_same_bytes_in_any_input_order(tmp_path: Path) -> None:
    a, b = manifest(FILES), manifest(FILES[::-1])
    assert dumps(a) == dumps(b)
    write(tmp_path / "r.csv.manifest.json", a, {"score": 1.2345})
    assert (tmp_path / "r.csv.manifest.json").read_text() == dumps(a)
    assert (tmp_path / "r.csv.timings.json").read_text().strip() == '{\n  "score": 1.234\n}'
    assert read_manifest(tmp_path / "r.csv.manifest.json") == a


def test_names_only_when_asked() -> None:
    assert "en_chef" not in dumps(manifest(FILES))
    assert "en_chef" in dumps(manifest(FILES, names=True))


def test_compare_names_what_differs() -> None:
    a = manifest(FILES)
    differs, _ = compare(a, manifest(FILES[:1]))
    assert differs == ["inputs: 1 recorded not given or changed, 0 given not recorded"]
    assert compare(a, a) == ([], [])
    host = {**a, "host": {"python": "0"}}
    assert compare(a, host)[0] == [] and compare(a, host)[1]


@pytest.mark.parametrize("text", ["not json", "{}", '{"manifest_version": 1}'])
def test_bad_manifests(tmp_path: Path, text: str) -> None:
    (tmp_path / "m.json").write_text(text)
    with pytest.raises(ManifestError):
        read_manifest(tmp_path / "m.json")
