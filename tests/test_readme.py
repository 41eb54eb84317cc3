"""The README and the program agree: every command and the library example it shows run.

They run in a copy of the folders they name (seeds, samples, rubrics) in a temporary folder,
so what they write (rubrics/, ranking.csv, tuned.toml...) never lands in the work tree.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
MATCHER = Path(sys.executable).with_name("matcher")


def blocks(lang: str) -> list[str]:
    return re.findall(rf"^```{lang}\n(.*?)^```", README, re.S | re.M)


def shell_lines() -> list[str]:
    """The lines of the README's shell blocks, continuation lines joined."""
    return "\n".join(blocks("sh")).replace("\\\n", " ").splitlines()


def commands() -> list[str]:
    """Every ``matcher ...`` line of the README's shell blocks."""
    return [" ".join(line.split()) for line in shell_lines() if line.startswith("matcher ")]


@pytest.fixture(scope="module")
def repo_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    where = tmp_path_factory.mktemp("readme")
    for folder in ("seeds", "samples", "rubrics"):
        shutil.copytree(ROOT / folder, where / folder)
    return where


def test_the_readme_shows_every_command_once() -> None:
    shown = [c.split()[1] for c in commands()]
    assert sorted(shown) == [
        "audit",
        "check",
        "compile",
        "explain",
        "report",
        "score",
        "serve",
        "tune",
        "verify",
    ]


def curls() -> list[str]:
    return [line for line in shell_lines() if line.startswith("curl ")]


@pytest.mark.parametrize(
    "command", [c for c in commands() if c.split()[1] != "serve"], ids=lambda c: c.split()[1]
)
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


def test_readme_service_and_its_curl_examples_run(repo_copy: Path) -> None:
    """``matcher serve`` as shown, then every ``curl`` line of the README against it."""
    pytest.importorskip("fastapi", reason="the serve extra is not installed")
    if shutil.which("curl") is None:
        pytest.skip("curl is not installed")
    (command,) = [c for c in commands() if c.split()[1] == "serve"]
    port = shlex.split(command)[shlex.split(command).index("--port") + 1]
    args = [str(MATCHER), *shlex.split(command)[1:]]
    server = subprocess.Popen(args, cwd=repo_copy, stderr=subprocess.PIPE, text=True)
    try:
        health = f"http://127.0.0.1:{port}/v1/health"
        for _ in range(100):
            if subprocess.run(["curl", "-sf", health], capture_output=True).returncode == 0:
                break
            assert server.poll() is None, server.stderr.read() if server.stderr else ""
            time.sleep(0.1)
        assert curls(), "the README shows no curl example"
        for line in curls():
            run = subprocess.run(
                ["bash", "-c", line.replace("curl -s", "curl -sf", 1)],
                cwd=repo_copy,
                capture_output=True,
                text=True,
                timeout=60,
            )
            assert run.returncode == 0, (line, run.stdout, run.stderr)
            json.loads(run.stdout)
    finally:
        server.terminate()
        server.wait(timeout=10)
