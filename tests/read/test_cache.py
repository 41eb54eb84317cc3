"""Tests for matcher.read.cache: entries round-trip, stay whole under concurrent writers, and a
damaged entry or a result of the run rather than the bytes is a miss."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from matcher.pipeline.workers import read_many
from matcher.read.cache import _TRANSIENT, Read, ReadCache, default_cache_dir
from matcher.read.document import Document, Page, read_text
from matcher.read.reader import READER_VERSION
from tests.conftest import SAMPLES


def test_put_then_get_gives_the_read_back(tmp_path: Path) -> None:
    doc = Document("a.pdf", "ab" * 32, "pdf", "one\ntwo", (Page(1, 0, 3), Page(2, 4, 7)), ("w",))
    cache = ReadCache(tmp_path)
    cache.put(doc.sha256, Read("a.pdf", doc))
    assert cache.get("a.pdf", doc.sha256) == Read("a.pdf", doc)
    # The same bytes found under another name: a hit, named as the caller asks.
    hit = cache.get("elsewhere/b.pdf", doc.sha256)
    assert hit is not None and hit.document is not None
    assert hit.document.source == "elsewhere/b.pdf" and hit.document.pages == doc.pages
    (entry,) = tmp_path.rglob("*.json")
    assert f"read-v{READER_VERSION}-" in str(entry) and entry.parent.name == doc.sha256[:2]


def test_a_failure_of_the_file_is_cached_with_its_status(tmp_path: Path) -> None:
    cache = ReadCache(tmp_path)
    cache.put("cd" * 32, Read("x.pdf", None, "encrypted", "the PDF is encrypted"))
    assert cache.get("y.pdf", "cd" * 32) == Read("y.pdf", None, "encrypted", "the PDF is encrypted")


@pytest.mark.parametrize("status", sorted(_TRANSIENT))
def test_results_of_the_run_are_never_stored(tmp_path: Path, status: str) -> None:
    cache = ReadCache(tmp_path)
    cache.put("ef" * 32, Read("x.pdf", None, status, "about the machine, not the file"))
    assert cache.get("x.pdf", "ef" * 32) is None
    assert not list(tmp_path.rglob("*.json"))


def test_a_miss_and_an_unwritable_cache_are_quiet(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    cache = ReadCache(blocker)
    assert cache.get("x.txt", "00" * 32) is None
    cache.put("00" * 32, Read("x.txt", read_text("x")))  # no folder can be made: skipped
    assert cache.get("x.txt", "00" * 32) is None


def test_the_page_limit_keys_the_entry(tmp_path: Path) -> None:
    doc = read_text("x", name="x.txt")
    ReadCache(tmp_path, max_pages=2).put(doc.sha256, Read("x.txt", doc))
    assert ReadCache(tmp_path, max_pages=3).get("x.txt", doc.sha256) is None
    assert ReadCache(tmp_path, max_pages=2).get("x.txt", doc.sha256) is not None


def test_default_cache_dir_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert default_cache_dir() == tmp_path / "matcher"
    monkeypatch.setenv("XDG_CACHE_HOME", "")
    assert default_cache_dir() == Path.home() / ".cache" / "matcher"


def test_a_damaged_cache_entry_is_a_miss(tmp_path: Path) -> None:
    cache = ReadCache(tmp_path)
    source = str(SAMPLES / "en_chef.pdf")
    (first,) = read_many([source], 1, cache=cache)
    for entry in tmp_path.rglob("*.json"):
        entry.write_text("{not json", encoding="utf-8")
    (again,) = read_many([source], 1, cache=cache)
    assert again == first


def test_concurrent_cache_writers_never_leave_half_an_entry(tmp_path: Path) -> None:
    (read,) = read_many([str(SAMPLES / "en_nurse.pdf")], 1)
    assert read.document is not None
    cache, sha = ReadCache(tmp_path), read.document.sha256
    seen: list[Read | None] = []

    def write() -> None:
        for _ in range(30):
            cache.put(sha, read)
            seen.append(cache.get(read.source, sha))

    threads = [threading.Thread(target=write) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert seen and all(r == read for r in seen)
    assert not list(tmp_path.rglob("*.tmp"))


def test_a_failed_write_such_as_a_full_disk_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import os

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    cache = ReadCache(tmp_path)
    cache.put("ab" * 32, Read("x.txt", read_text("x")))
    cache.store("later-step", "ab" * 32, {"a": 1})
    assert cache.get("x.txt", "ab" * 32) is None and cache.load("later-step", "ab" * 32) is None
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_entries_of_later_steps_round_trip_and_a_damaged_one_is_a_miss(tmp_path: Path) -> None:
    cache = ReadCache(tmp_path)
    cache.store("scored-x/2026-01-01", "cd" * 32, {"matches": {"k": [[0, 0.85], "01", []]}})
    assert cache.load("scored-x/2026-01-01", "cd" * 32) == {"matches": {"k": [[0, 0.85], "01", []]}}
    assert cache.load("scored-y/2026-01-01", "cd" * 32) is None
    (entry,) = (tmp_path / "scored-x").rglob("*.json")
    entry.write_bytes(b'{"matches": ')
    assert cache.load("scored-x/2026-01-01", "cd" * 32) is None


def test_sweep_removes_what_killed_writers_left_and_nothing_under_way(tmp_path: Path) -> None:
    import os

    (tmp_path / "tmp").mkdir()
    old, new = tmp_path / "tmp" / "1-1-1.tmp", tmp_path / "tmp" / "2-2-2.tmp"
    old.write_text("half an entry")
    new.write_text("being written")
    os.utime(old, (0, 0))
    assert ReadCache(tmp_path).sweep() == 1
    assert not old.exists() and new.exists()
