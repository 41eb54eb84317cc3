"""PDF: a PDF file's bytes in, its page texts in reading order and warnings out.

Runs pdfminer with ``GlyphDevice`` (``matcher.read.device``), which keeps the glyphs a person
can see, and hands the pages to the quality gate (``matcher.read.textlayer.page_texts``). A PDF
that cannot be read raises ``ReadError``: ``encrypted`` or ``corrupt_pdf`` here, ``needs_ocr``,
``unreadable_text`` or ``no_visible_text`` from the gate. With OCR on, pages with a picture and
no text layer are recognised first (``matcher.read.ocr.fill_pages``). pdfminer lives here and in
``device`` only; ``matcher.read.reader`` imports this module on the first PDF it reads.
"""

from __future__ import annotations

import contextlib
import io
import logging
from collections.abc import Iterator
from typing import Any

from pdfminer import pdfinterp, psparser
from pdfminer.pdfdocument import PDFEncryptionError, PDFNoValidXRef, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFontError
from pdfminer.pdfinterp import PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser, PDFSyntaxError
from pdfminer.pdftypes import resolve1
from pdfminer.psexceptions import PSEOF, PSException

from matcher.errors import ReadError
from matcher.read.device import GlyphDevice
from matcher.read.guard import SafeDocument, limits
from matcher.read.interp import Interpreter, optional_content_off
from matcher.read.textlayer import page_texts


def _page_count(doc: Any) -> int | None:
    try:
        return int(resolve1(resolve1(doc.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree is found out when the pages are read
        return None


def read_pdf(data: bytes, max_pages: int, ocr: bool = False) -> tuple[list[str], list[str]]:
    """Page texts and warnings of a PDF; with ``ocr``, pages without a text layer are recognised."""
    warnings: list[str] = []
    device = GlyphDevice(PDFResourceManager(caching=True))
    with _quiet_pdfminer(), limits():
        _run_device(device, data, max_pages, warnings)
    if ocr and device.pages:
        from matcher.read.ocr import fill_pages  # the ocr extra: imported on a scan only

        fill_pages(data, device.pages, warnings)
    return page_texts(device.pages, warnings)


# Why pdfminer gave up, in words; never its message, which quotes the file's raw objects (a
# dictionary of 160,000 characters with the candidate's name in /Author, in issue 14).
_DAMAGE: tuple[tuple[type[BaseException], str], ...] = (
    (PDFNoValidXRef, "no valid cross-reference table"),
    (PSEOF, "the file ends too early"),
    (PDFFontError, "a damaged font"),
    (PDFSyntaxError, "damaged objects"),
    (PSException, "damaged objects"),
)


def damage(e: BaseException) -> str:
    """What a pdfminer exception says about the file, without quoting any of it.

    >>> damage(PDFSyntaxError("Invalid dictionary construct: [/Author, b'Jane Doe']"))
    'damaged PDF: damaged objects'
    >>> damage(KeyError("Jane Doe"))
    'damaged PDF: pdfminer could not read it (KeyError)'
    """
    for kind, words in _DAMAGE:
        if isinstance(e, kind):
            return f"damaged PDF: {words}"
    return f"damaged PDF: pdfminer could not read it ({type(e).__name__})"


def _run_device(device: Any, data: bytes, max_pages: int, warnings: list[str]) -> None:
    try:
        doc = SafeDocument(PDFParser(io.BytesIO(data)))
        total = _page_count(doc)
        interpreter = Interpreter(device.rsrcmgr, device, optional_content_off(doc.catalog))
        for n, page in enumerate(PDFPage.create_pages(doc)):
            if n >= max_pages:
                of = f" of {total}" if total else ""
                warnings.append(f"page_cap: only the first {max_pages}{of} pages were read")
                break
            interpreter.process_page(page)
    except ReadError:
        raise  # a cap of matcher.read.guard: its own status and message
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError("encrypted PDF: a password is required", status="encrypted") from None
    except RecursionError:
        raise ReadError("damaged PDF: content nested too deeply", status="corrupt_pdf") from None
    except MemoryError:
        raise ReadError("PDF content too large to read", status="too_large") from None
    except Exception as e:  # pdfminer raises bare Exceptions and others on broken files
        raise ReadError(damage(e), status="corrupt_pdf") from None


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Skip pdfminer's per-token debug calls (about 6% of reading time) unless DEBUG is on.

    Only the ``debug`` method is replaced, and only while no one asked for pdfminer's debug
    log; the module loggers are put back afterwards.
    """

    root = logging.getLogger("pdfminer")
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        # pdfminer warns about damaged files through logging; with no handler configured,
        # Python would print those warnings to stderr, and the library never prints.
        root.addHandler(logging.NullHandler())
    if root.isEnabledFor(logging.DEBUG):
        yield
        return
    saved = [(m, getattr(m, "log", None)) for m in (pdfinterp, psparser)]
    try:
        for m, log in saved:
            if log is not None:
                setattr(m, "log", _QuietLogger(log))  # noqa: B010
        yield
    finally:
        for m, log in saved:
            if log is not None:
                setattr(m, "log", log.inner if isinstance(log, _QuietLogger) else log)  # noqa: B010


class _QuietLogger:
    """A logger that drops DEBUG calls and passes everything else to the one it wraps."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner

    @staticmethod
    def debug(*args: Any, **kwargs: Any) -> None:
        return None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)
