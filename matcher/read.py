"""Read: turn a resume file (PDF, DOCX, JSON Resume, text) into a ``Document``, the text a person would read.

Input is a path, bytes or a string; output is a ``Document`` holding the normalised text in
reading order (columns one after the other, a date right of its job title on the title's line),
its pages as character ranges, and warnings about how extraction went. Text a person cannot see
(white on white, microscopic, off the page, invisible render mode) is left out and counted in a
``hidden_text`` warning. A file that cannot be read raises ``ReadError`` with a specific
``status``: ``empty``, ``not_found``, ``too_large``, ``not_a_pdf``, ``not_a_docx``,
``unsupported``, ``not_a_resume``, ``encrypted``, ``corrupt_pdf``, ``corrupt_docx``,
``needs_ocr`` (no text layer), ``unreadable_text`` (glyphs without Unicode) or
``no_visible_text`` (every glyph hidden). pdfminer lives here and nowhere else.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from matcher.errors import ReadError
from matcher.formats import MIN_CONTRAST, json_resume, read_docx
from matcher.layout import Char, Line, drop_running_lines, group_lines, order_page
from matcher.text import decode, normalize

# Bump when the reader's output for the same bytes may change: cached reads key on it.
READER_VERSION = 8
MAX_BYTES = 20 * 1024 * 1024
MAX_CHARS = 200_000
MAX_PAGES = 30
# Below this size (pt) a glyph is a speck, not text a person reads.
MIN_FONT_SIZE = 2.0


@dataclass(frozen=True, slots=True)
class Page:
    """Page ``number`` (1-based) is ``Document.text[start:end]``."""

    number: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Document:
    """A resume as read: normalised text in reading order, pages, and extraction warnings."""

    source: str
    sha256: str
    format: str
    text: str
    pages: tuple[Page, ...]
    warnings: tuple[str, ...] = ()

    def page_of(self, offset: int) -> int:
        """The 1-based page number holding character ``offset`` (1 for plain text)."""
        for p in self.pages:
            if offset < p.end:
                return p.number
        return self.pages[-1].number if self.pages else 1


def read_document(
    source: str | Path | bytes, *, name: str | None = None, max_pages: int = MAX_PAGES
) -> Document:
    """Read a resume from a path or from the file's bytes (text in memory: ``read_text``).

    Args:
        source: a path (``str`` or ``Path``) to a PDF, DOCX, JSON Resume or text file, or the
            file's bytes.
        name: what to call the document in results (defaults to the path as given).
        max_pages: pages past this are not read (a ``page_cap`` warning says so).

    Returns:
        A ``Document``.

    Raises:
        ReadError: with ``status`` naming what is wrong with the file.

    >>> read_document(b"Jane Doe\\nSkills: SQL, Axure", name="jane.txt").text
    'Jane Doe\\nSkills: SQL, Axure'
    """
    if isinstance(source, bytes):
        data, label, suffix = source, name or "<bytes>", ""
    else:
        label, suffix = name or str(source), Path(source).suffix.lower()
        data = read_file_bytes(source)
    return read_bytes(data, label=label, suffix=suffix, max_pages=max_pages)


def read_file_bytes(path: str | Path) -> bytes:
    """The bytes of a resume file, refusing files over ``MAX_BYTES`` before reading them.

    Raises:
        ReadError: ``not_found``, ``too_large`` or ``unreadable``.
    """
    p = Path(path)
    try:
        st = p.stat()
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError
        if not stat.S_ISREG(st.st_mode):
            # A device, pipe or socket has no size to check and may never end: not a file.
            raise ReadError("not a regular file (a device, pipe or socket)", status="unreadable")
        if st.st_size > MAX_BYTES:
            raise ReadError(
                f"file is {st.st_size / 1e6:.1f} MB, over the {MAX_BYTES // 2**20} MiB limit",
                status="too_large",
            )
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat
        if len(data) > MAX_BYTES:
            raise ReadError(f"file is over the {MAX_BYTES // 2**20} MiB limit", status="too_large")
        return data
    except FileNotFoundError:
        raise ReadError("file not found", status="not_found") from None
    except IsADirectoryError:
        raise ReadError("is a folder, not a file", status="not_found") from None
    except PermissionError:
        raise ReadError("permission denied", status="unreadable") from None


def read_bytes(
    data: bytes, *, label: str, suffix: str = "", max_pages: int = MAX_PAGES
) -> Document:
    """Read a resume from its bytes; ``suffix`` (".pdf", ".docx"...) is a hint, content decides.

    >>> read_bytes(b'{"basics": {"name": "Li Lei"}}', label="li.json").text
    'Li Lei'
    """
    digest = hashlib.sha256(data).hexdigest()
    if not data.strip():
        raise ReadError("empty file", status="empty")
    if len(data) > MAX_BYTES:
        raise ReadError(f"file is over the {MAX_BYTES // 2**20} MiB limit", status="too_large")
    head = data[:1024]
    if b"%PDF-" in head and (head.lstrip()[:5] == b"%PDF-" or suffix == ".pdf"):
        pages, warnings = _read_pdf(data, max_pages)
        fmt = "pdf"
    elif suffix == ".pdf":
        raise ReadError(f"named .pdf but is not a PDF ({_sniff(data)})", status="not_a_pdf")
    elif data[:4] == b"PK\x03\x04":
        pages, warnings = read_docx(data)
        fmt = "docx"
    elif data[:8] == _OLE2 or data.lstrip()[:5] == b"{\\rtf":
        raise ReadError(
            f"{_sniff(data)} is not supported: save it as DOCX or PDF", status="unsupported"
        )
    elif suffix == ".docx":
        raise ReadError(f"named .docx but is not a DOCX file ({_sniff(data)})", status="not_a_docx")
    elif suffix == ".json" or data.lstrip()[:1] == b"{":
        pages, warnings = [json_resume(data, strict=suffix == ".json")], []
        fmt = "json_resume" if pages[0] else "text"
        if not pages[0]:
            pages = [_decode_text(data)]
    else:
        pages, warnings, fmt = [_decode_text(data)], [], "text"
    return _assemble(label, digest, fmt, pages, warnings)


def read_text(text: str, *, name: str = "<text>") -> Document:
    """A ``Document`` from text already in memory (e.g. an ATS field).

    >>> read_text("Jane Doe").pages[0].end
    8
    """
    if not text.strip():
        raise ReadError("empty text", status="empty")
    data = text.encode("utf-8")
    return _assemble(name, hashlib.sha256(data).hexdigest(), "text", [text], [])


# Bullet glyphs from word processors and symbol fonts (the private-use ones come from
# Wingdings/Symbol fonts without a Unicode map) all read as one bullet.
_BULLETS = {ord(c): "•" for c in "●▪■◦○◆◇►▸▹➢➤✓✔❖⦁∙\uf0b7\uf0a7\uf0d8\uf076\uf0fc\uf06c\uf0a8"}


# UTF-8 bytes once decoded as Windows-1252 ("Â " for a no-break space, "â€“" for a dash,
# "â€¢" for a bullet): a lead byte as Latin-1 letter, then continuation bytes as cp1252.
_CP1252_CONT = "\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
_MOJIBAKE = re.compile(f"[\u00c2-\u00f4][{_CP1252_CONT}]{{1,3}}")


def _fix_mojibake(text: str) -> str:
    """Repair UTF-8 text that a producer decoded as Windows-1252; leave anything else alone.

    >>> _fix_mojibake("Sales â€“ Retail, team leadÂ\u00a0, Excel.Â ")
    'Sales – Retail, team lead\xa0, Excel.  '
    """
    if "Â" not in text and "â" not in text and "Ã" not in text and "ï" not in text:
        return text
    if "\u200b" in text:
        # Some producers replaced one byte of the sequence with a zero-width space
        # ("ï¼\u200b" for a full-width colon): the character cannot be known, so drop it.
        text = _BROKEN.sub("", text)

    def fix(m: re.Match[str]) -> str:
        try:
            return m.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return m.group()

    # A lone "Â" before a space is what is left of a no-break space whose second byte was
    # mapped to a plain space; a real "Â" (Portuguese, French) starts a word.
    return _LONE_A.sub(" ", _MOJIBAKE.sub(fix, text))


_LONE_A = re.compile(r"Â(?=\s|$|Â)")
_BROKEN = re.compile(f"[ïâÃÂ][{_CP1252_CONT}]?\u200b")


def _assemble(label: str, digest: str, fmt: str, pages: list[str], warnings: list[str]) -> Document:
    parts: list[str] = []
    spans: list[Page] = []
    pos = 0
    for i, raw in enumerate(pages, 1):
        t = _tidy(normalize(_fix_mojibake(raw).translate(_BULLETS)))
        if parts:
            parts.append("\n\n")
            pos += 2
        parts.append(t)
        spans.append(Page(i, pos, pos + len(t)))
        pos += len(t)
    text = "".join(parts)
    if not text.strip():
        raise ReadError("no text layer: scanned or image-only file", status="needs_ocr")
    if len(text) > MAX_CHARS:
        # Resumes run to tens of thousands of characters; past the cap the rest is not read, so
        # understanding a pasted book costs no more than a long resume.
        text = text[:MAX_CHARS]
        spans = [
            Page(p.number, p.start, min(p.end, MAX_CHARS)) for p in spans if p.start < MAX_CHARS
        ]
        warnings = [*warnings, f"text_cap: only the first {MAX_CHARS:,} characters were read"]
    return Document(label, digest, fmt, text, tuple(spans), tuple(warnings))


_BLANKS = re.compile(r"\n{3,}")
_TRAILING = re.compile(r"[ \t]+\n")


def _tidy(text: str) -> str:
    return _BLANKS.sub("\n\n", _TRAILING.sub("\n", text)).strip()


_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary Office files (.doc, .xls)


def _sniff(data: bytes) -> str:
    if data[:8] == _OLE2:
        return "an old binary Word/Office file (.doc)"
    if data.lstrip()[:5] == b"{\\rtf":
        return "an RTF document"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "a PNG image"
    if data[:3] == b"\xff\xd8\xff":
        return "a JPEG image"
    if data[:4] == b"PK\x03\x04":
        return "a zip or Office file"
    if data[:5] == b"%PDF-":
        return "a PDF"
    try:
        data[:2048].decode("utf-8")
        return "plain text"
    except UnicodeDecodeError:
        return "unknown binary data"


def _decode_text(data: bytes) -> str:
    text = decode(data)
    if text is not None:
        return text
    if b"\x00" in data[:4096]:
        raise ReadError(f"not a resume: {_sniff(data)}", status="not_a_resume")
    raise ReadError("text file in an unknown encoding", status="unreadable_text")


# ---------------------------------------------------------------- PDF: visibility


def _rgb(color: Any, space: Any) -> tuple[float, float, float] | None:
    """A PDF colour in colour space ``space`` as RGB in 0..1; None when it cannot be told.

    Gray, RGB and CMYK (device, calibrated or ICC) convert directly; a one-ink Separation or
    DeviceN tint is taken as that much black ink (tint 0 is no ink: the paper shows); Indexed,
    Lab and patterns are unknown.

    >>> _rgb((0.0, 0.0, 0.0, 1.0), None), _rgb(0.25, None)
    ((0.0, 0.0, 0.0), (0.25, 0.25, 0.25))
    """
    name = getattr(space, "name", "DeviceGray")
    try:
        return _rgb_of(color, name)
    except TypeError:  # an unhashable colour value (a list): convert without the cache
        return _rgb_of.__wrapped__(color, name)


@cache
def _rgb_of(color: Any, space: str) -> tuple[float, float, float] | None:
    try:
        v = [float(c) for c in color] if isinstance(color, list | tuple) else [float(color)]
    except (TypeError, ValueError):
        return None
    if len(v) == 1:
        if space in ("Separation", "DeviceN"):
            return (1 - v[0],) * 3
        return (v[0],) * 3 if space in ("DeviceGray", "CalGray", "ICCBased") else None
    if len(v) == 3 and space not in ("Lab", "Indexed"):
        return (v[0], v[1], v[2])
    if len(v) == 4:
        c, m, y, k = v
        return ((1 - c) * (1 - k), (1 - m) * (1 - k), (1 - y) * (1 - k))
    return None


WHITE = (1.0, 1.0, 1.0)
# Glyphs that stand for no known character: the replacement character, and private-use code
# points (symbol fonts without a Unicode map) other than the bullets those fonts draw.
_UNREADABLE = frozenset(["\ufffd"] + [chr(c) for c in range(0xE000, 0xF900) if c not in _BULLETS])


@dataclass(slots=True)
class _PageRead:
    width: float
    height: float
    lines: list[Line]
    chars: int
    hidden: int
    bad: int
    images: int


@cache
def _device_class() -> type:
    """The pdfminer device that keeps the glyphs a person can see, as plain tuples.

    It replaces pdfminer's per-glyph path (``render_char`` and an ``LTChar`` object per glyph)
    with one loop per string that computes each glyph's box and decides its visibility from
    its colour, size, position and render mode against the filled shapes and images drawn
    before it. Pages end with ``group_lines``: pdfminer's box grouping is never run, because
    ``order_page`` does the reading order.
    """
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdffont import PDFUnicodeNotDefined
    from pdfminer.utils import apply_matrix_pt, mult_matrix

    class Device(PDFDevice):
        def __init__(self, rsrcmgr: Any) -> None:
            super().__init__(rsrcmgr)
            self.pages: list[_PageRead] = []
            self._texts: dict[tuple[int, int], str] = {}
            self._stack: list[tuple[float, float, float, float]] = []

        def begin_page(self, page: Any, ctm: Any) -> None:
            x0, y0, x1, y1 = page.mediabox
            rotated = page.rotate in (90, 270)
            self._w, self._h = (
                (abs(y1 - y0), abs(x1 - x0)) if rotated else (abs(x1 - x0), abs(y1 - y0))
            )
            self._chars: list[Char] = []
            # Filled shapes and pictures in drawing order, with their colour (None: a picture).
            self._fills: list[
                tuple[float, float, float, float, tuple[float, float, float] | None]
            ] = []
            self._images: list[tuple[float, float, float, float]] = []
            self._hidden = 0
            self._bad = 0

        def begin_figure(self, name: str, bbox: Any, matrix: Any) -> None:
            x0, y0, x1, y1 = bbox
            m = mult_matrix(matrix, self.ctm or (1, 0, 0, 1, 0, 0))
            pts = [apply_matrix_pt(m, p) for p in ((x0, y0), (x1, y0), (x0, y1), (x1, y1))]
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            self._stack.append((min(xs), min(ys), max(xs), max(ys)))

        def end_figure(self, name: str) -> None:
            if self._stack:
                self._stack.pop()

        def render_image(self, name: str, stream: Any) -> None:
            if self._stack:
                self._images.append(self._stack[-1])
                self._fills.append((*self._stack[-1], None))

        def paint_path(
            self, gstate: Any, stroke: bool, fill: bool, evenodd: bool, path: Any
        ) -> None:
            if not fill:
                return
            color = _rgb(gstate.ncolor, gstate.ncs)
            ctm = self.ctm or (1, 0, 0, 1, 0, 0)
            pts = [apply_matrix_pt(ctm, seg[-2:]) for seg in path if len(seg) >= 3]
            if color is None or len(pts) < 3:
                return
            xs, ys = [p[0] for p in pts], [p[1] for p in pts]
            self._fills.append((min(xs), min(ys), max(xs), max(ys), color))

        def render_string(self, textstate: Any, seq: Any, ncs: Any, graphicstate: Any) -> None:
            font = textstate.font
            if font is None or self.ctm is None:
                return
            a, b, c, d, e, f = mult_matrix(textstate.matrix, self.ctm)
            fontsize = textstate.fontsize
            scaling = textstate.scaling * 0.01
            charspace = textstate.charspace * scaling
            wordspace = 0.0 if font.is_multibyte() else textstate.wordspace * scaling
            rise = textstate.rise
            dxscale = 0.001 * fontsize * scaling
            vertical = font.is_vertical()
            bottom = font.get_descent() * fontsize + rise
            top = bottom + fontsize
            mode = textstate.render
            # What decides visibility once per string: render mode, colour, size.
            if mode in (1, 5):
                color = _rgb(graphicstate.scolor, graphicstate.scs)
            else:
                color = _rgb(graphicstate.ncolor, graphicstate.ncs)
            invisible = mode in (3, 7)
            w, h = self._w, self._h
            fid = id(font)
            texts = self._texts
            bad_texts = _UNREADABLE
            chars = self._chars
            x, y = textstate.linematrix
            needcharspace = False
            for obj in seq:
                if isinstance(obj, int | float):
                    if vertical:
                        y -= obj * dxscale
                    else:
                        x -= obj * dxscale
                    needcharspace = True
                    continue
                if not isinstance(obj, bytes):
                    continue
                for cid in font.decode(obj):
                    if needcharspace:
                        if vertical:
                            y += charspace
                        else:
                            x += charspace
                    text = texts.get((fid, cid))
                    if text is None:
                        try:
                            text = font.to_unichr(cid)
                        except PDFUnicodeNotDefined:
                            text = f"(cid:{cid})"
                        texts[fid, cid] = text
                    adv = font.char_width(cid) * fontsize * scaling
                    # The glyph box in text space, then its four corners in page space.
                    if vertical:
                        vx, vy = font.char_disp(cid)
                        vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
                        vy = (1000 - vy) * fontsize * 0.001
                        gx0, gy0, gx1, gy1 = -vx, vy + rise + adv, -vx + fontsize, vy + rise
                    else:
                        gx0, gy0, gx1, gy1 = 0.0, bottom, adv, top
                    ox, oy = x + gx0, y + gy0
                    px, py = x + gx1, y + gy1
                    xs = (a * ox + c * oy, a * px + c * oy, a * ox + c * py, a * px + c * py)
                    ys = (b * ox + d * oy, b * px + d * oy, b * ox + d * py, b * px + d * py)
                    ch = (min(xs) + e, min(ys) + f, max(xs) + e, max(ys) + f, text)
                    if text.isspace():
                        chars.append(ch)
                    elif self._visible(ch, vertical, invisible, color, w, h):
                        if text in bad_texts or text.startswith("(cid:"):
                            self._bad += 1
                        else:
                            chars.append(ch)
                    else:
                        self._hidden += 1
                    if vertical:
                        y += adv
                    else:
                        x += adv
                    if cid == 32 and wordspace:
                        if vertical:
                            y += wordspace
                        else:
                            x += wordspace
                    needcharspace = True
            textstate.linematrix = (x, y)

        def _visible(
            self,
            ch: Char,
            vertical: bool,
            invisible: bool,
            color: tuple[float, float, float] | None,
            w: float,
            h: float,
        ) -> bool:
            x0, y0, x1, y1, _ = ch
            cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
            if not (-1 <= cx <= w + 1 and -1 <= cy <= h + 1):
                return False
            if (x1 - x0 if vertical else y1 - y0) < MIN_FONT_SIZE:
                return False
            if invisible:
                # Invisible text over an image is a scan's OCR layer: what the image shows.
                return any(a <= cx <= b and c <= cy <= d for a, c, b, d in self._images)
            if color is None:
                return True
            under: tuple[float, float, float] | None = WHITE
            for fx0, fy0, fx1, fy1, fill in reversed(self._fills):
                if fx0 <= cx <= fx1 and fy0 <= cy <= fy1:
                    under = fill
                    break
            # Over a picture the colour underneath is unknown: white on a photo stays.
            return under is None or _contrast(color, under) >= MIN_CONTRAST

        def end_page(self, page: Any) -> None:
            lines = group_lines(self._chars)
            visible = sum(1 for ch in self._chars if not ch[4].isspace())
            self.pages.append(
                _PageRead(
                    self._w, self._h, lines, visible, self._hidden, self._bad, len(self._images)
                )
            )

    return Device


@cache
def _contrast(a: tuple[float, float, float], b: tuple[float, float, float]) -> float:
    return max(abs(a[0] - b[0]), abs(a[1] - b[1]), abs(a[2] - b[2]))


def _page_count(doc: Any) -> int | None:
    from pdfminer.pdftypes import resolve1

    try:
        return int(resolve1(resolve1(doc.catalog["Pages"])["Count"]))
    except Exception:  # a broken page tree is found out when the pages are read
        return None


def _read_pdf(data: bytes, max_pages: int) -> tuple[list[str], list[str]]:
    from pdfminer.pdfinterp import PDFResourceManager

    warnings: list[str] = []
    device = _device_class()(PDFResourceManager(caching=True))
    with _quiet_pdfminer():
        _run_device(device, data, max_pages, warnings)
    return _pdf_text(device.pages, warnings)


def _run_device(device: Any, data: bytes, max_pages: int, warnings: list[str]) -> None:
    from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfinterp import PDFPageInterpreter
    from pdfminer.pdfpage import PDFPage
    from pdfminer.pdfparser import PDFParser, PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        doc = PDFDocument(PDFParser(io.BytesIO(data)))
        total = _page_count(doc)
        interpreter = PDFPageInterpreter(device.rsrcmgr, device)
        for n, page in enumerate(PDFPage.create_pages(doc)):
            if n >= max_pages:
                of = f" of {total}" if total else ""
                warnings.append(f"page_cap: only the first {max_pages}{of} pages were read")
                break
            interpreter.process_page(page)
    except (PDFPasswordIncorrect, PDFEncryptionError):
        raise ReadError("encrypted PDF: a password is required", status="encrypted") from None
    except (PDFSyntaxError, PSException) as e:
        raise ReadError(f"damaged PDF: {e or type(e).__name__}", status="corrupt_pdf") from None
    except RecursionError:
        raise ReadError("damaged PDF: content nested too deeply", status="corrupt_pdf") from None
    except MemoryError:
        raise ReadError("damaged PDF: content too large to read", status="corrupt_pdf") from None
    except Exception as e:  # pdfminer raises bare Exceptions and others on broken files
        raise ReadError(f"damaged PDF: {type(e).__name__}: {e}", status="corrupt_pdf") from None


@contextlib.contextmanager
def _quiet_pdfminer() -> Iterator[None]:
    """Skip pdfminer's per-token debug calls (about 6% of reading time) unless DEBUG is on.

    Only the ``debug`` method is replaced, and only while no one asked for pdfminer's debug
    log; the module loggers are put back afterwards.
    """
    import logging

    from pdfminer import pdfinterp, psparser

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


def _pdf_text(pages: list[_PageRead], warnings: list[str]) -> tuple[list[str], list[str]]:
    """The quality gate and the reading order over the pages the device collected."""
    if not pages:
        raise ReadError("PDF has no pages", status="corrupt_pdf")
    chars = sum(p.chars for p in pages)
    hidden = sum(p.hidden for p in pages)
    bad = sum(p.bad for p in pages)
    if chars + hidden + bad == 0:
        raise ReadError("no text layer: scanned or image-only PDF", status="needs_ocr")
    if bad > 0.3 * (chars + bad):
        raise ReadError(
            f"text layer is unreadable: {bad} of {chars + bad} characters have no Unicode "
            "mapping (cid codes)",
            status="unreadable_text",
        )
    if chars == 0:
        raise ReadError(
            f"no visible text: all {hidden} characters are hidden "
            "(white on white, microscopic, off the page or invisible)",
            status="no_visible_text",
        )
    if hidden:
        warnings.append(f"hidden_text: {hidden} characters dropped")
    if bad:
        warnings.append(f"unreadable_text: {bad} characters without a Unicode mapping dropped")
    blank = [i + 1 for i, p in enumerate(pages) if p.chars == 0 and p.images]
    if blank:
        warnings.append(f"needs_ocr: page {', '.join(map(str, blank))} has no text layer")
    drop_running_lines([(p.width, p.height, p.lines) for p in pages])
    texts = ["\n".join(order_page(p.lines, p.width)) for p in pages]
    if _garbled(texts):
        raise ReadError(
            "text layer is garbled: its fonts map glyphs to the wrong characters",
            status="unreadable_text",
        )
    return texts, warnings


_ASCII_TOKEN = re.compile(r"[A-Za-z0-9]+")
_HAS_LETTER = re.compile(r"[A-Za-z]")
_HAS_DIGIT = re.compile(r"[0-9]")


def _garbled(texts: list[str]) -> bool:
    """Whether most Latin words mix letters and digits ("0w1w23w4"): a font's wrong Unicode map.

    Real resumes, English or Chinese, stay far below a half ("B2B", "P2P", "S3" are rare);
    glyph ids read as character codes come out as such tokens nearly everywhere.
    """
    tokens = [t for text in texts for t in _ASCII_TOKEN.findall(text)]
    if len(tokens) < 20:
        return False
    mixed = sum(1 for t in tokens if _HAS_LETTER.search(t) and _HAS_DIGIT.search(t))
    return mixed > 0.5 * len(tokens)
