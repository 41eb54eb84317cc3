"""The README and the program agree: every command and the library example it shows run.

They run in a copy of the folders they name (seeds, samples, rubrics) in a temporary folder,
so what they write (rubrics/, ranking.csv, tuned.toml...) never lands in the work tree.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MATCHER = Path(sys.executable).with_name("matcher")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, re.S | re.M)


def commands() -> list[str]:
    """Every ``matcher ...`` line of the README's shell blocks, continuation lines joined."""
    lines = "\n".join(blocks("sh")).replace("\\\n", " ").splitlines()
    return [" ".join(line.split()) for line in lines if line.startswith("matcher ")]


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("readme")
    for folder in ("seeds", "samples", "rubrics"):
        shutil.copytree(ROOT / folder, where / folder)
    return where


def test_the_readme_shows_every_command_once() -> None:
    shown = [c.split()[1] for c in commands()]
    assert sorted(shown) == ["check", "compile", "explain", "report", "score", "tune"]


@pytest.mark.parametrize("command", commands(), ids=lambda c: c.split()[1])
def test_readme_command_runs(command: str, repo_copy: Path) -> None:
    # As a person types it (the shell expands seeds/*.txt), with this venv's matcher first.
    path = f"{MATCHER.parent}{os.pathsep}{os.environ.get('PATH', '')}"
    run = subprocess.run(
        ["bash", "-c", command],
        cwd=repo_copy,
        env={**os.environ, "PATH": path},
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    args = shlex.split(command)  # -o and --evidence name what the command must write
    outputs = [args[i + 1] for i, a in enumerate(args) if a in ("-o", "--evidence")]
    for out in outputs:
        assert (repo_copy / out).exists(), f"{command} wrote no {out}"


def test_readme_library_example_runs(repo_copy: Path) -> None:
    (code,) = [b for b in blocks("python") if "import matcher" in b]
    run = subprocess.run(
        [sys.executable, "-c", code], cwd=repo_copy, capture_output=True, text=True, timeout=300
    )
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip()
