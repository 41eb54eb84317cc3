"""The built wheel holds every module of every subpackage and every file of the package data.

A subpackage that ``packages.find`` misses, or a data file ``package-data`` leaves out, works
in the editable install of development and fails only once installed: build the wheel here.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import ROOT

PKG = ROOT / "matcher"


def shipped() -> set[str]:
    """What the wheel must hold: every module, py.typed and every package data file."""
    need = {p.relative_to(ROOT).as_posix() for p in PKG.rglob("*.py")}
    need |= {p.relative_to(ROOT).as_posix() for p in (PKG / "data").iterdir() if p.is_file()}
    need |= {p.relative_to(ROOT).as_posix() for p in (PKG / "report").glob("page.*")}
    return need | {"matcher/py.typed", "matcher/rubric/schema.json"}


def test_the_wheel_holds_every_module_and_data_file(tmp_path: Path) -> None:
    # Build from a copy, so that build/ and *.egg-info are not written into the work tree.
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, src / name)
    shutil.copytree(PKG, src / "matcher", ignore=shutil.ignore_patterns("__pycache__"))
    pip = [sys.executable, "-m", "pip", "--disable-pip-version-check", "--quiet"]
    subprocess.run(
        [
            *pip,
            "wheel",
            str(src),
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = (tmp_path / "dist").glob("matcher-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = sorted(shipped() - names)
    assert not missing, f"the wheel lacks {missing}"
    assert not [n for n in names if n.startswith("tests/")]
