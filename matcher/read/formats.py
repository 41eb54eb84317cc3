"""Formats: DOCX and JSON Resume files to the page texts a person would read (python-docx lives here).

Input is a file's bytes; output is a list of page texts (one page for these formats) and
warnings, for ``reader`` to assemble into a ``Document``. DOCX runs a reader cannot see (hidden,
white on an unshaded background, under 2 pt) are dropped and counted like hidden PDF text.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
import zipfile
import zlib
from collections.abc import Iterable
from typing import Any

from matcher.errors import ReadError

# The same limits as the PDF reader: what unpacks past 20x the file cap is refused, and text
# within this contrast of its background (0..1 per RGB channel) is not seen.
MAX_UNPACKED = 20 * 20 * 1024 * 1024
MIN_CONTRAST = 0.12
# What reading a DOCX costs is its XML, not its bytes: python-docx holds every XML part as an
# lxml tree, about 17 times its size (380 MiB of document.xml took 6.3 GB). A resume's XML is
# well under a megabyte and a few tens of thousands of elements; these bound the trees to a
# few hundred megabytes. Parts, the pictures among them, are at most MAX_PARTS.
MAX_XML = 24 * 2**20
MAX_ELEMENTS = 600_000
MAX_PARTS = 2_000

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def read_docx(data: bytes) -> tuple[list[str], list[str]]:
    """Paragraphs, tables and text boxes of a DOCX body (and its first header) in order.

    Runs a reader cannot see are dropped like hidden PDF text: ``w:vanish``, white text on an
    unshaded paragraph, sizes under 2 pt.
    """
    _check_docx_cost(data)
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
    except MemoryError:
        raise ReadError("DOCX content too large to read", status="too_large") from None
    except Exception as e:  # python-docx raises KeyError, lxml errors... on damaged parts
        # Its type only: the message may quote the document's XML or part names.
        raise ReadError(f"damaged DOCX ({type(e).__name__})", status="corrupt_docx") from None
    hidden = [0]
    out: list[str] = []
    try:
        for section in d.sections[:1]:
            # A missing or damaged header part: the body is what matters.
            with contextlib.suppress(Exception):
                out += _docx_lines(section.header._element, False, hidden)
        out += _docx_lines(d.element.body, False, hidden)
    except RecursionError:
        raise ReadError("damaged DOCX: nested too deeply", status="corrupt_docx") from None
    except MemoryError:  # a reader process's memory limit (matcher.pipeline.workers)
        raise ReadError("DOCX content too large to read", status="too_large") from None
    except Exception as e:  # lxml's XPath and tree errors on a damaged body
        raise ReadError(f"damaged DOCX ({type(e).__name__})", status="corrupt_docx") from None
    warnings = [f"hidden_text: {hidden[0]} characters dropped"] if hidden[0] else []
    return ["\n".join(out)], warnings


def _check_docx_cost(data: bytes) -> None:
    """Refuse a DOCX whose XML would cost more to read than any resume (``too_large``).

    Counts bytes from the zip's directory, then the elements of the XML parts (a streaming
    count of "<", stopped at the cap) before python-docx builds a tree of any of them.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            infos = z.infolist()
            if len(infos) > MAX_PARTS:
                raise ReadError(
                    f"DOCX holds over {MAX_PARTS:,} parts: too large to read", status="too_large"
                )
            names = {i.filename for i in infos}
            unpacked = sum(i.file_size for i in infos)
            xml = [i for i in infos if i.filename.lower().endswith((".xml", ".rels"))]
            if unpacked > MAX_UNPACKED:
                raise ReadError(
                    f"DOCX unpacks to over {MAX_UNPACKED // 2**20} MiB (a zip bomb?)",
                    status="too_large",
                )
            if sum(i.file_size for i in xml) > MAX_XML:
                raise ReadError(
                    f"DOCX text is over {MAX_XML // 2**20} MiB of XML: too large to read "
                    "(a resume has well under 1 MiB)",
                    status="too_large",
                )
            if "word/document.xml" not in names:
                raise ReadError(
                    "a zip file that is not a DOCX document (no word/document.xml)",
                    status="unsupported",
                )
            elements = 0
            for info in xml:
                with z.open(info) as f:
                    while chunk := f.read(1 << 20):
                        elements += chunk.count(b"<")
                        if elements > MAX_ELEMENTS:
                            raise ReadError(
                                f"DOCX holds over {MAX_ELEMENTS:,} XML elements: too large "
                                "to read (a resume has a few thousand)",
                                status="too_large",
                            )
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError, zlib.error):
        raise ReadError("damaged zip/DOCX file", status="corrupt_docx") from None
    except NotImplementedError:  # a compression method zipfile does not know
        raise ReadError("damaged zip/DOCX file", status="corrupt_docx") from None


def _docx_lines(el: Any, shaded: bool, hidden: list[int]) -> list[str]:
    out: list[str] = []
    for child in el:
        tag = child.tag
        if tag == _W + "p":
            out += _docx_paragraph(child, shaded, hidden)
        elif tag == _W + "tbl":
            for row in child.findall(_W + "tr"):  # nested tables are read in their cells
                cells = []
                for cell in row.findall(_W + "tc"):
                    fill = cell.find(f"{_W}tcPr/{_W}shd")
                    dark = shaded or _dark(fill)
                    cells.append(" ".join(_docx_lines(cell, dark, hidden)))
                out.append("  ".join(c for c in cells if c))
        elif tag != _MC_FALLBACK:
            out += _docx_lines(child, shaded, hidden)
    return out


def _dark(shd: Any) -> bool:
    fill = "" if shd is None else (shd.get(_W + "fill") or "")
    if not re.fullmatch(r"[0-9A-Fa-f]{6}", fill):
        return False
    r, g, b = (int(fill[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return max(r, g, b) < 1 - MIN_CONTRAST


def _docx_paragraph(p: Any, shaded: bool, hidden: list[int]) -> list[str]:
    shaded = shaded or _dark(p.find(f"{_W}pPr/{_W}shd"))
    text: list[str] = []
    boxes: list[str] = []
    for r in p.iter(_W + "r"):
        if next(r.iterancestors(_W + "p"), None) is not p:
            continue  # a run of a text box inside this paragraph: read with the box below
        t = "".join(
            n.text or "" if n.tag == _W + "t" else "\t" if n.tag == _W + "tab" else "\n"
            for n in r
            if n.tag in (_W + "t", _W + "tab", _W + "br")
        )
        if _docx_run_hidden(r, shaded):
            hidden[0] += len(t.strip())
        else:
            text.append(t)
    for box in p.iter(_W + "txbxContent"):
        # Word stores each text box twice (a drawing and a VML fallback): read the first only.
        if next(box.iterancestors(_W + "p"), None) is p and not any(
            a.tag == _MC_FALLBACK for a in box.iterancestors()
        ):
            boxes += _docx_lines(box, shaded, hidden)
    line = "".join(text)
    return ([line] if line.strip() else []) + boxes


def _docx_run_hidden(r: Any, shaded: bool) -> bool:
    rpr = r.find(_W + "rPr")
    if rpr is None:
        return False
    vanish = rpr.find(_W + "vanish")
    if vanish is not None and vanish.get(_W + "val") not in ("0", "false"):
        return True
    sz = rpr.find(_W + "sz")
    if sz is not None and (sz.get(_W + "val") or "").isdigit() and int(sz.get(_W + "val")) < 4:
        return True
    color_el = rpr.find(_W + "color")
    color = "" if color_el is None else color_el.get(_W + "val") or ""
    if shaded or rpr.find(_W + "highlight") is not None or _dark(rpr.find(_W + "shd")):
        return False
    return bool(re.fullmatch(r"[0-9A-Fa-f]{6}", color)) and min(
        int(color[i : i + 2], 16) for i in (0, 2, 4)
    ) >= 255 * (1 - MIN_CONTRAST)


def json_resume(data: bytes, *, strict: bool) -> str:
    """A JSON Resume (jsonresume.org schema) as resume text with the usual section headings.

    Returns "" for JSON that is not a JSON Resume unless ``strict`` (a ``.json`` file), which
    raises instead.
    """
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError):
        if strict:
            raise ReadError("damaged JSON file", status="not_a_resume") from None
        return ""
    except RecursionError:  # json.loads recurses once per level of nesting
        if strict:
            raise ReadError(
                "JSON nested too deeply to be a resume", status="not_a_resume"
            ) from None
        return ""
    if not isinstance(obj, dict) or not isinstance(obj.get("basics", obj.get("work")), dict | list):
        if strict:
            raise ReadError(
                "JSON that is not a JSON Resume (no basics or work)", status="not_a_resume"
            )
        return ""
    out: list[str] = []

    def s(v: Any) -> str:
        return str(v).strip() if isinstance(v, str | int | float) else ""

    def items(key: str) -> Iterable[dict[str, Any]]:
        v = obj.get(key)
        return [x for x in v if isinstance(x, dict)] if isinstance(v, list) else []

    def when(x: dict[str, Any]) -> str:
        a, b = s(x.get("startDate"))[:7], s(x.get("endDate"))[:7]
        return f"{a} - {b or 'Present'}" if a else b

    basics: dict[str, Any] = obj["basics"] if isinstance(obj.get("basics"), dict) else {}
    loc: dict[str, Any] = basics["location"] if isinstance(basics.get("location"), dict) else {}
    out += [s(basics.get("name")), s(basics.get("label"))]
    out.append(" | ".join(x for x in (s(basics.get("email")), s(basics.get("phone"))) if x))
    out.append(", ".join(x for x in (s(loc.get("city")), s(loc.get("countryCode"))) if x))
    if s(basics.get("summary")):
        out += ["", "SUMMARY", s(basics.get("summary"))]
    for key, heading, title, org in (
        ("work", "EXPERIENCE", "position", "name"),
        ("volunteer", "VOLUNTEER", "position", "organization"),
        ("projects", "PROJECTS", "name", "entity"),
    ):
        if items(key):
            out += ["", heading]
        for x in items(key):
            head = ", ".join(v for v in (s(x.get(title)), s(x.get(org) or x.get("company"))) if v)
            out.append(f"{head}  {when(x)}".strip())
            out += [s(x.get("summary")), s(x.get("description"))]
            out += [f"• {s(h)}" for h in x.get("highlights") or [] if s(h)]
    if items("education"):
        out += ["", "EDUCATION"]
    for x in items("education"):
        out.append(
            " ".join(s(x.get(k)) for k in ("studyType", "area") if s(x.get(k)))
            + f", {s(x.get('institution'))}  {when(x)}"
        )
    if items("skills"):
        out += ["", "SKILLS"]
    for x in items("skills"):
        words = [s(k) for k in x.get("keywords") or [] if s(k)]
        out.append(s(x.get("name")) + (": " + ", ".join(words) if words else ""))
    for key, heading, fields in (
        ("certificates", "CERTIFICATIONS", ("name", "issuer")),
        ("awards", "AWARDS", ("title", "awarder")),
        ("languages", "LANGUAGES", ("language", "fluency")),
    ):
        if items(key):
            out += ["", heading]
            out += [", ".join(s(x.get(f)) for f in fields if s(x.get(f))) for x in items(key)]
    # Empty fields leave "" behind; a section break is the "" before a heading.
    kept = [ln for i, ln in enumerate(out) if ln or (i + 1 < len(out) and out[i + 1].isupper())]
    return "\n".join(kept)
