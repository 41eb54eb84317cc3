"""Files: an output path and a function that writes a file in, the file written whole or not at all.

Every output matcher writes (ranking and evidence tables, rubric files) goes through
``atomic_write``: the writer fills a temporary file in the target's own folder, which is synced
and renamed over the target only when complete. A full disk, a killed process or a writer's
error leaves the old file as it was (or no file), never a truncated one, and the temporary
file is removed. The rename replaces the directory entry, so a symbolic link at the target is
replaced, never written through.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path


def atomic_write(path: str | Path, write: Callable[[Path], object]) -> Path:
    """Run ``write(tmp)`` on a temporary file beside ``path``, then rename it to ``path``.

    Args:
        path: the file to write.
        write: writes the whole file at the path it is given.

    Returns:
        ``path`` as a ``Path``.

    Raises:
        Whatever ``write`` raises, or ``OSError``; ``path`` is then as it was before.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "out.txt"
    >>> _ = atomic_write(p, lambda tmp: tmp.write_text("whole"))
    >>> p.read_text(), [f.name for f in p.parent.iterdir()]
    ('whole', ['out.txt'])
    """
    target = Path(path)
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        write(tmp)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        os.chmod(tmp, _mode(target))
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return target


def _mode(target: Path) -> int:
    """The permissions the file should have: those it has, or what a new file gets."""
    try:
        st = target.lstat()
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    return 0o666 & ~_umask()


def _umask() -> int:
    try:  # Linux says it without changing it (os.umask would, for every thread)
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("Umask:"):
                return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    return 0o022
