"""Stamp: rubric file text in, whether a person changed it since matcher wrote it out.

Every rubric file matcher writes carries, in its header comment, the sha256 of the text below
that line (``stamp_line``). A person who edits the file (a weight, an alias, a comment) breaks
the match, and ``matcher compile`` then leaves the file alone unless told ``--force``: the
rubric file is the contract a person reviews, and a recompile must never undo the review.
A file with no stamp (older, or written by hand) counts as changed by a person.
"""

from __future__ import annotations

import hashlib
import re

_STAMP = re.compile(
    r"^# matcher wrote this file; sha256 of what follows: ([0-9a-f]{16})\b.*\n", re.M
)


def digest(text: str) -> str:
    """The short sha256 recorded for ``text`` (16 hex digits)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def stamp_line(rest: str) -> str:
    """The header line that records ``rest``, the text that will follow it in the file.

    >>> stamp_line("x = 1\\n")[:60]
    '# matcher wrote this file; sha256 of what follows: 9e26bf369'
    """
    return (
        f"# matcher wrote this file; sha256 of what follows: {digest(rest)} "
        "(compile replaces it only while it matches).\n"
    )


def changed_by_hand(text: str) -> bool:
    """Whether rubric file text differs from what matcher recorded when it wrote it.

    True when the stamp is missing or the text after it no longer has the recorded digest.

    >>> body = "\\nschema_version = 1\\n"
    >>> text = "# head\\n" + stamp_line(body) + body
    >>> changed_by_hand(text), changed_by_hand(text.replace("= 1", "= 2")), changed_by_hand(body)
    (False, True, True)
    """
    m = _STAMP.search(text)
    return m is None or digest(text[m.end() :]) != m.group(1)


def unstamped(text: str) -> str:
    """``text`` without its stamp line: two writes of the same rubric compare equal this way."""
    return _STAMP.sub("", text, count=1)
