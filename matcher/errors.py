"""Errors: the one exception family the library raises; the CLI maps them to exit codes.

Every error carries a short machine-readable ``status`` (used as the ``status`` column of a
failure row) and a message a person can act on. The library never prints or exits.
"""

from __future__ import annotations

import re
from typing import Literal

# Why a resume file has no score: the ``status`` of its failure rows (README, "The command
# line"). ``ReadError`` raises all but the last four, which the pipeline adds.
ReadStatus = Literal[
    "empty",
    "not_a_pdf",
    "not_a_docx",
    "corrupt_pdf",
    "corrupt_docx",
    "encrypted",
    "needs_ocr",
    "unreadable_text",
    "no_visible_text",
    "not_a_resume",
    "unsupported",
    "too_large",
    "unreadable",
    "not_found",
    "timeout",
    "reader_crashed",
    "error",
]
# The ``status`` column of the ranking table: ``ok`` for a scored resume, else why not.
RowStatus = Literal["ok", ReadStatus]


# A status message's longest form: it is a cell of every failure row and a line on stderr.
MAX_MESSAGE = 300
_DICTIONARY = re.compile(r"<<.*?(?:>>|$)", re.DOTALL)  # a raw PDF dictionary, even cut off
_QUOTED = re.compile(r"""(?<![\w'"])(b?)(['"])(?:(?!\2)[^\n])*(?:\2|$)""")
_BLANKS = re.compile(r"\s+")


def safe_message(text: str, limit: int = MAX_MESSAGE) -> str:
    """A status message fit for a table cell and a terminal line, whatever it was made from.

    Messages are written from fixed phrases; this is the second line of defence, where messages
    are made and again where failure rows are built, for one that carried part of a file (an
    exception's text quoting a PDF dictionary with the candidate's name in it): raw PDF
    dictionaries and quoted strings become "…", whitespace and control characters one space,
    and the whole is cut to ``limit`` characters.

    >>> safe_message("damaged PDF: Invalid dictionary <</Author (Jane Doe)>> at 'Jane Doe'")
    'damaged PDF: Invalid dictionary … at …'
    >>> len(safe_message("x" * 1000))
    300
    """
    text = _DICTIONARY.sub("…", text)
    text = _QUOTED.sub("…", text)
    text = _BLANKS.sub(" ", "".join(c if c.isprintable() else " " for c in text)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


class MatcherError(Exception):
    """Base class of every error matcher raises on purpose."""

    status: str = "error"

    def __init__(self, message: str, *, status: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status is not None:
            self.status = status


class RubricError(MatcherError):
    """A rubric file is missing, malformed or invalid; ``problems`` lists every one with its path."""

    status = "bad_rubric"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        detail = message if not problems else message + "\n" + "\n".join(f"  {p}" for p in problems)
        super().__init__(detail)
        self.problems = problems


class ReadError(MatcherError):
    """A resume could not be read; ``status`` says why (``unreadable``, ``needs_ocr``, ...)."""

    status: ReadStatus = "unreadable"

    def __init__(self, message: str, *, status: ReadStatus | None = None) -> None:
        # Its message becomes a failure row's: bounded and without a file's content.
        super().__init__(safe_message(message), status=status)


class PostingError(MatcherError):
    """A job posting could not be compiled (empty, binary, no criteria found)."""

    status = "bad_posting"


class TuneError(MatcherError):
    """Labels, groups or evidence that tuning cannot use; the message says what to fix."""

    status = "bad_labels"
