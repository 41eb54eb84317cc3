"""Fuzz campaign: mutated resumes, postings and rubrics against the reader, compiler and loader.

    .venv/bin/python bench/fuzz.py [--target reader|compiler|rubric|all] [--seconds N]
                                   [--findings DIR] [--memory MIB]

Hypothesis draws mutations of a corpus (samples/, tests/fixtures/, the attack set of
tests/fixtures/make_attacks.py, seeds/ and rubrics/; PDFs also with their streams inflated, so
that mutations reach the drawing commands and not only the compressed bytes) and checks the
contract on each:

- reader: ``read_bytes`` gives a ``Document`` or raises ``ReadError``, nothing else, within a
  time limit; its message is at most 300 characters and quotes nothing of the file (no run of
  16 characters of the input, no raw dictionary); the document is understood and scored
  against a rubric without an exception.
- compiler: ``compile_text`` gives rubrics or raises ``PostingError``; every rubric it gives,
  as ``matcher compile`` writes it (``with_job_id``, ``fit_to_check``), passes the check as
  TOML, so compile never writes a file ``matcher check`` rejects.
- rubric: ``loads_rubric`` gives a ``Rubric`` or raises ``RubricError``, within a time limit.

It runs in rounds of a few hundred examples with a new seed each, until ``--seconds`` have
passed; a failing example is shrunk by Hypothesis and written to ``--findings`` (its bytes and
what broke), and the campaign goes on. The process runs under an address-space limit
(``--memory``), so an input that would allocate past it shows as a MemoryError finding.
``tests/test_fuzz.py`` runs a few seconds of each target in the test suite; findings become
regression tests there. bench/README.md has what an hour found.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import resource
import signal
import sys
import time
import traceback
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from datetime import date
from functools import cache
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import seed as with_seed
from hypothesis import strategies as st

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.compiler.criteria import compile_text  # noqa: E402
from matcher.errors import MAX_MESSAGE, PostingError, ReadError, RubricError  # noqa: E402
from matcher.read.reader import read_bytes  # noqa: E402
from matcher.resume.understand import understand  # noqa: E402
from matcher.rubric.io import (  # noqa: E402
    fit_to_check,
    load_rubric,
    loads_rubric,
    to_toml,
    with_job_id,
)
from matcher.scoring.score import score_many  # noqa: E402
from tests.fixtures import make_attacks  # noqa: E402

AS_OF = date(2026, 11, 23)
TIME_LIMIT = 30.0  # seconds one input may take (the CLI's worker limit is 60)
ROUND = 25  # examples a round: the campaign checks the clock between rounds
# Words that numbers, tokens and PDF syntax mutations draw from.
TOKENS = [
    b"0", b"-1", b"2147483647", b"4294967296", b"1e308", b"-0.0", b"99999999999999999999",
    b"[", b"]", b"<<", b">>", b"(", b")", b"<", b">", b"/", b"R", b"obj", b"endobj", b"stream",
    b"endstream", b"xref", b"trailer", b"BT", b"ET", b"Tj", b"TJ", b"Tf", b"Tz", b"Tr", b"Tm",
    b"cm", b"q", b"Q", b"W", b"n", b"re", b"f", b"Do", b"BDC", b"EMC", b"gs", b"cs", b"sc",
    b"begincidrange", b"endbfrange", b"/W", b"/W2", b"/Contents", b"/Kids", b"/Length",
    b"/FlateDecode", b"/LZWDecode", b"/Predictor 12", b"/Columns", b"\x00", b"\xff", b"\n",
    b"{", b"}", b"\"", b":", b",", b"<w:p>", b"</w:p>", b"<w:r><w:t>", b"=", b"[[criteria]]",
    b"\xe4\xb8\xad", b"@", b"a" * 64, b"7" * 64,
]  # fmt: skip


# ---------------------------------------------------------------- corpus


def inflated(pdf: bytes) -> bytes:
    """A PDF with its Flate streams stored plainly (lengths wrong: pdfminer copes)."""

    def one(m: re.Match[bytes]) -> bytes:
        try:
            return b"stream\n" + zlib.decompress(m.group(1)) + b"\nendstream"
        except zlib.error:
            return m.group(0)

    out = re.sub(rb"stream\r?\n(.*?)\r?\nendstream", one, pdf, flags=re.DOTALL)
    return out.replace(b"/Filter /FlateDecode", b"").replace(b"/Filter/FlateDecode", b"")


@cache
def corpus(kind: str) -> tuple[bytes, ...]:
    """Seed inputs: ``resume`` files, ``posting`` texts or ``rubric`` TOML texts."""
    if kind == "posting":
        return tuple(p.read_bytes() for p in sorted((ROOT / "seeds").glob("*.txt")))
    if kind == "rubric":
        return tuple(p.read_bytes() for p in sorted((ROOT / "rubrics").glob("*.toml")))
    files = [
        p
        for folder in (ROOT / "samples", ROOT / "tests" / "fixtures")
        for p in sorted(folder.iterdir())
        if p.suffix in (".pdf", ".docx", ".json", ".txt") and p.stat().st_size < 200_000
    ]
    seeds = [p.read_bytes() for p in files]
    seeds += [inflated(s) for s in seeds if s.startswith(b"%PDF")]
    small = {k: v for k, v in make_attacks.ATTACKS.items() if not k.startswith("costly_docx")}
    seeds += [make() for name, make in small.items() if "bomb" not in name and "huge" not in name]
    return tuple(s for s in seeds if len(s) < 400_000)


@st.composite
def mutated(draw: st.DrawFn, kind: str) -> bytes:
    """A seed of ``kind`` with one to eight mutations (flip, insert, delete, repeat, splice,
    truncate, token)."""
    seeds = corpus(kind)
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 8))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "repeat", "splice", "cut", "token"]))
        at = draw(st.integers(0, len(data)))
        if op == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif op == "repeat":
            piece = bytes(data[at : at + draw(st.integers(1, 64))])
            data[at:at] = piece * draw(st.integers(1, 2000))
        elif op == "splice":
            other = draw(st.sampled_from(seeds))
            start = draw(st.integers(0, len(other)))
            data[at:at] = other[start : start + draw(st.integers(1, 4096))]
        elif op == "cut":
            del data[at:]
        else:
            data[at:at] = draw(st.sampled_from(TOKENS)) + b" "
    return bytes(data)


# ---------------------------------------------------------------- what must hold


class Finding(AssertionError):
    """An input broke the contract."""


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise ``TimeoutError`` past ``seconds`` of this process's CPU time: on a machine shared
    with other jobs (or a campaign run under ``nice``) a wall clock gave false findings."""

    def stop(signum: int, frame: object) -> None:
        raise TimeoutError(f"took over {seconds:g} s of CPU time")

    old = signal.signal(signal.SIGPROF, stop)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, old)


def quotes_input(message: str, data: bytes) -> str | None:
    """A piece of ``data`` that ``message`` repeats (16 characters or more), or None."""
    text = data.decode("latin-1")
    for i in range(0, max(0, len(message) - 15)):
        piece = message[i : i + 16]
        if piece.strip() and piece in text:
            return piece
    return None


def check_message(message: str, data: bytes) -> None:
    if len(message) > MAX_MESSAGE:
        raise Finding(f"message of {len(message)} characters")
    if "<<" in message or "\n" in message:
        raise Finding("message holds a raw dictionary or a line break")
    if piece := quotes_input(message, data):
        raise Finding(f"message quotes the input: {piece!r}")


@cache
def rubrics() -> tuple[object, ...]:
    return tuple(load_rubric(p) for p in sorted((ROOT / "rubrics").glob("*.toml"))[:3])


def check_reader(data: bytes, suffix: str) -> None:
    with time_limit(TIME_LIMIT):
        try:
            doc = read_bytes(data, label="fuzz" + suffix, suffix=suffix)
        except ReadError as e:
            check_message(e.message, data)
            return
        for w in doc.warnings:
            check_message(w, data)
        score_many(understand(doc, AS_OF), rubrics())  # type: ignore[arg-type]


def check_compiler(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    with time_limit(TIME_LIMIT):
        try:
            compiled = compile_text(text, stem="fuzz")
        except PostingError:
            return
        for r in compiled:
            try:  # what ``matcher compile`` writes: a valid job_id, what the check refuses left out
                loads_rubric(to_toml(fit_to_check(with_job_id(r, "fuzz"))))
            except RubricError as e:
                raise Finding(f"compiled a rubric the check rejects: {e.problems[:3]}") from None


def check_rubric(data: bytes) -> None:
    text = data.decode("utf-8", errors="replace")
    with time_limit(TIME_LIMIT), suppress(RubricError):
        loads_rubric(text)


TARGETS: dict[str, tuple[str, Callable[[bytes, str], None]]] = {
    "reader": ("resume", check_reader),
    "compiler": ("posting", lambda data, suffix: check_compiler(data)),
    "rubric": ("rubric", lambda data, suffix: check_rubric(data)),
}


# ---------------------------------------------------------------- running


def fuzz_round(
    target: str, examples: int, seed: int | None, record: Callable[[bytes, str], None]
) -> None:
    """One Hypothesis run of ``examples``; a failure is shrunk, recorded and raised."""
    kind, check = TARGETS[target]

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        derandomize=seed is None,
        suppress_health_check=list(HealthCheck),
        print_blob=False,
    )
    @given(data=mutated(kind), suffix=st.sampled_from(["", ".pdf", ".docx", ".json", ".txt"]))
    def run(data: bytes, suffix: str) -> None:
        try:
            check(data, suffix)
        except Finding as e:
            record(data, f"{target} {suffix}: {e}")
            raise
        except (MemoryError, RecursionError, TimeoutError, Exception) as e:
            record(data, f"{target} {suffix}: {type(e).__name__}: {traceback.format_exc()}")
            raise Finding(f"{type(e).__name__}") from None

    if seed is not None:
        run = with_seed(seed)(run)
    run()


def campaign(targets: list[str], seconds: float, findings: Path) -> dict[str, list[str]]:
    """Rounds over ``targets`` in turn until ``seconds`` pass; returns the findings by target."""
    findings.mkdir(parents=True, exist_ok=True)
    found: dict[str, list[str]] = {t: [] for t in targets}
    last: dict[str, tuple[bytes, str]] = {}
    end = time.monotonic() + seconds
    rounds = 0
    while time.monotonic() < end:
        for target in targets:
            if time.monotonic() >= end:
                break

            def record(data: bytes, what: str, target: str = target) -> None:
                last[target] = (data, what)

            rounds += 1
            try:
                fuzz_round(target, ROUND, rounds, record)
            except Finding:
                data, what = last[target]
                digest = hashlib.sha256(data).hexdigest()[:12]
                (findings / f"{target}-{digest}.bin").write_bytes(data)
                (findings / f"{target}-{digest}.txt").write_text(what, encoding="utf-8")
                found[target].append(f"{digest}: {what.splitlines()[0][:200]}")
                print(f"finding {target}-{digest}: {what.splitlines()[0][:200]}", flush=True)
    print(f"{rounds} rounds of {ROUND} examples in {seconds:g} s", flush=True)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--target", default="all", choices=[*TARGETS, "all"])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--findings", type=Path, default=ROOT / "bench" / "fuzz-findings")
    parser.add_argument("--memory", type=int, default=2048, help="address-space limit, MiB")
    args = parser.parse_args()
    limit = args.memory * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    targets = list(TARGETS) if args.target == "all" else [args.target]
    found = campaign(targets, args.seconds, args.findings)
    for target, items in found.items():
        print(f"{target}: {len(items)} findings")
        for item in items:
            print(f"  {item}")


if __name__ == "__main__":
    main()
