"""Markup: posting text that may be HTML or Markdown in, plain posting lines out.

Postings are pasted from careers pages and ATS exports. ``plain`` turns an HTML page (read with
the standard library's ``html.parser``) or a Markdown file into the lines a plain posting would
have: headings on their own line, list items as "- " lines, no tags, marks, links or entities.
Text that is neither comes back unchanged, so plain postings compile exactly as before. The
compiler calls it first (``matcher.compiler.criteria.compile_text``).
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

# ---------------------------------------------------------------- HTML

# Elements that stand on lines of their own (a browser starts a new line before and after).
_BLOCK = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details",
    "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "legend", "li", "main",
    "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "title", "tr", "ul",
))  # fmt: skip
# Elements whose text no reader sees.
_HIDDEN = frozenset((
    "iframe", "math", "noscript", "object", "script", "select", "style", "svg", "template",
))  # fmt: skip
# Elements whose text runs on in the line (they count towards a tag structure).
_INLINE = frozenset((
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "del", "dfn", "em", "font", "i", "img", "ins",
    "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
    "time", "tt", "u", "var", "wbr",
))  # fmt: skip
_SUBHEADS = frozenset(("h2", "h3", "h4", "h5", "h6"))
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9]*)\b[^<>]*>")
_EDGE = "\x1f"  # where a block starts or ends: one line break however many meet
_EDGES = re.compile(r"[\s\x1f]*\x1f[\s\x1f]*")
_DOCTYPE = re.compile(r"<!doctype\s+html", re.I)


def _is_html(text: str) -> bool:
    """True when ``text`` has a real tag structure: two tags of known elements, one of them a
    block or ``<br>``, and a closing tag or a ``<br>``. "<5 years", "C++ <-> Java", one "<div>"
    named in prose and placeholders such as "<ADDRESS> <LOCATION>" (anonymised postings) are
    not HTML."""
    if _DOCTYPE.search(text):
        return True
    known = block = closed = 0
    for m in _TAG.finditer(text):
        name = m.group(1).lower()
        if name in _BLOCK or name == "br":
            block += 1
        elif name not in _INLINE and name not in _HIDDEN:
            continue
        known += 1
        closed += m.group().startswith("</") or name == "br"
        if known >= 2 and block and closed:
            return True
    return False


class _Text(HTMLParser):
    """Collects the text a browser shows, as lines: blocks and ``<br>`` break lines, list items
    start with "- ", table rows become "a: b; c"."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.hidden = 0  # depth inside elements whose text is not shown
        self.pre = 0  # depth inside <pre>, where line breaks are kept
        self.in_title = False
        self.title: list[str] = []
        self.has_h1 = False
        self.cells = 0  # cells begun in the current table row
        self.heading = -1  # where the text of an open <h2>..<h6> starts in ``out``

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "title":
            self.in_title = True
        elif tag == "br":
            self.out.append("\n")
        elif tag == "li":
            self.out.append(_EDGE + "- ")
        elif tag in ("td", "th"):
            self.out.append(("; " if self.cells > 1 else ": ") if self.cells else _EDGE)
            self.cells += 1
        elif tag in _BLOCK:
            self.has_h1 = self.has_h1 or tag == "h1"
            self.heading = len(self.out) + 1 if tag in _SUBHEADS else self.heading
            self.pre += tag == "pre"
            self.cells = 0 if tag == "tr" else self.cells
            self.out.append(_EDGE)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _HIDDEN and tag != "title":  # "<script/>" opens nothing
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag == "title":
            self.in_title = False
        elif tag in _BLOCK and tag not in ("td", "th"):
            if tag in _SUBHEADS and self.heading >= 0:
                self.out.append(_colon("".join(self.out[self.heading :])))
                self.heading = -1
            self.pre = max(0, self.pre - (tag == "pre"))
            self.out.append(_EDGE)

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if self.in_title:
            self.title.append(data)
            return
        data = data.replace(_EDGE, " ")
        self.out.append(data if self.pre else re.sub(r"\s+", " ", data))

    def text(self) -> str:
        body = "".join(self.out)
        # The page's <title> names the job only when no <h1> does (it often carries the
        # site's name too: "Registered Nurse | St. Mary's Careers").
        title = " ".join("".join(self.title).split())
        if title and not self.has_h1:
            body = title + _EDGE + body
        # "<br></p><p>" is one break, "<br><br>" a blank line.
        return _EDGES.sub(lambda m: "\n" * max(1, m.group().count("\n")), body)


def _colon(heading: str) -> str:
    """The colon that makes a part heading read as one in plain text ("Bonus points:"), or "".

    A plain posting marks its part headings with a colon or title case; Markdown and HTML mark
    them with "##" or ``<h3>``, which ``plain`` drops, so the colon keeps what they said.
    """
    heading = heading.strip()
    return ":" if heading[-1:].isalnum() or heading.endswith(")") else ""


def _from_html(text: str) -> str:
    parser = _Text()
    parser.feed(text)
    parser.close()
    return _tidy(parser.text())


def _tidy(text: str) -> str:
    """Lines stripped of outer and doubled spaces, runs of blank lines as one, none at the ends."""
    lines = [" ".join(ln.replace("\xa0", " ").split()) for ln in text.split("\n")]
    out: list[str] = []
    for ln in lines:
        if ln == "-":  # an empty list item
            ln = ""
        if ln or (out and out[-1]):
            out.append(ln)
    return "\n".join(out).strip("\n")


# ---------------------------------------------------------------- Markdown

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_RULE = re.compile(r"^ {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|=+[ \t]*)$")
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)+\|?\s*$|^\s*\|\s*:?-+:?\s*\|\s*$")
_ROW = re.compile(r"^\s*\|.*\|\s*$")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]\n]+\]:\s*\S+.*$")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_STAR_BULLET = re.compile(r"^[ \t]*[*+][ \t]+(?=\S)")
_DASH_BULLET = re.compile(r"^[ \t]+-[ \t]+(?=\S)")
# Spans are bounded (``_SPAN``): an unclosed "[a](b" repeated over a 500 kB line took 6
# minutes when every start searched the rest of the line for its close (attack, issue 14).
_IMAGE = re.compile(r"!\[[^\]\n]{0,300}\]\([^)\n]{0,500}\)|!\[[^\]\n]{0,300}\]\[[^\]\n]{0,300}\]")
_LINK = re.compile(r"\[([^\]\n]{1,300})\](?:\([^)\n]{0,500}\)|\[[^\]\n]{0,300}\])")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^<>\s]+|[^<>\s@]+@[^<>\s@]+)>")
_CODE = re.compile(r"(`{1,3})([^\n]{1,300}?)\1")
# Emphasis must sit around words: "5*3", "snake_case", "* item" and "C++" are no emphasis.
_STRONG = re.compile(r"(?<![\w\\])(\*\*|__|~~)(?=[^\s*_~])([^\n]{1,300}?)(?<=[^\s\\])\1(?!\w)")
_EM_STAR = re.compile(r"(?<![\w*\\])\*(?=[^\s*])([^\n]{1,300}?)(?<=[^\s*\\])\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w\\])_(?=[^\s_])([^\n]{1,300}?)(?<=[^\s_\\])_(?!\w)")
_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
# What only Markdown writes: a heading line, strong emphasis, a link, a code span, a fence or
# a table rule. "* " bullets and single "*" or "_" are common in plain postings too.
_MARKDOWN = re.compile(
    r"^ {0,3}#{1,6}[ \t]+\S"
    r"|(?<![\w\\])(\*\*|__)(?=[^\s*_])[^\n]{1,300}?(?<=[^\s\\])\1(?!\w)"
    r"|!?\[[^\]\n]{1,300}\]\([^)\s]{1,500}\)"
    r"|`[^`\n]{1,300}`"
    r"|^ {0,3}```"
    r"|^\s*\|?\s*:?-{3,}:?\s*\|\s*:?-{3,}",
    re.M,
)


def _is_markdown(text: str) -> bool:
    return _MARKDOWN.search(text) is not None


def _inline(line: str) -> str:
    line = _IMAGE.sub("", line)
    line = _LINK.sub(r"\1", line)
    line = _AUTOLINK.sub(r"\1", line)
    line = _CODE.sub(lambda m: m.group(2).strip(), line)
    for pattern in (_STRONG, _EM_STAR, _EM_UNDER):
        line = pattern.sub(lambda m: m.group(m.lastindex or 0), line)
    line = _ESCAPE.sub(r"\1", line)
    return _ENTITY.sub(lambda m: html.unescape(m.group()), line)


def _cells(row: str) -> str:
    cells = [c for c in (c.strip() for c in re.split(r"(?<!\\)\|", row.strip())) if c]
    return _row(cells)


def _row(cells: list[str]) -> str:
    """A table row as a line: the first cell names the thing, the rest say of it ("Docker:
    Required", "Airflow: 3+ years"), so a cue or a number in them is the row's."""
    return cells[0] + (": " + "; ".join(cells[1:]) if len(cells) > 1 else "") if cells else ""


def _from_markdown(text: str) -> str:
    out: list[str] = []
    fenced = False
    for line in text.splitlines():
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:  # code is shown as it stands
            out.append(line.rstrip())
            continue
        line = _QUOTE.sub("", line)
        if _RULE.match(line) or _TABLE_RULE.match(line) or _REF_DEF.match(line):
            continue
        if m := _ATX.match(line):
            line = m.group(2) or ""
            # The first level is the posting's title; the others head its parts.
            line += _colon(_inline(line)) if len(m.group(1)) > 1 else ""
        elif _ROW.match(line):
            line = _cells(line)
        line = _STAR_BULLET.sub("- ", line)
        line = _DASH_BULLET.sub("- ", line)
        out.append(_inline(line).strip())
    return _tidy_blank(out)


def _tidy_blank(lines: list[str]) -> str:
    out: list[str] = []
    for ln in lines:
        if ln.strip() or (out and out[-1].strip()):
            out.append(ln)
    return "\n".join(out).strip("\n")


# ---------------------------------------------------------------- both

_PASSES = 8  # escaped marks ("\\*\\*", "&lt;p&gt;") come out as marks: read them again


def plain(text: str) -> str:
    """The plain posting lines of ``text``: HTML or Markdown converted, anything else unchanged.

    HTML (a real tag structure, not a stray "<5 years") loses its tags, scripts, styles and
    comments: blocks and ``<br>`` break lines, list items become "- " lines, table rows
    "a: b; c", entities are unescaped; ``<title>`` is kept only when no ``<h1>`` names the job.
    Headings stand on their own line; below the first level ("## Bonus points", ``<h3>``) they
    end with a colon, as a plain posting marks the head of a part ("Bonus points:").
    Markdown (recognised by what plain text never writes: "## heading", ``**strong**``,
    ``[links](url)``, code spans, tables) loses its marks: headings stand as plain lines,
    "* " and "+ " bullets become "- ", links keep their text, images, rules and table rules are
    dropped, table rows become "a: b; c". What comes out is converted again until nothing changes
    (at most a few passes), so ``plain(plain(x)) == plain(x)``.

    Args:
        text: posting text, possibly an HTML page or Markdown.

    Returns:
        The text as plain lines; ``text`` itself when it is neither HTML nor Markdown.

    Raises:
        Nothing: any text has a reading (broken HTML is read as a browser would, loosely).

    >>> plain("<h1>Nurse</h1><ul><li>RN license <b>required</b></li></ul>")
    'Nurse\\n- RN license required'
    >>> plain("## Skills\\n* **Python** and [SQL](https://sql.org)")
    'Skills:\\n- Python and SQL'
    >>> plain("5+ years of C++ <-> Java; 5*3 snake_case")
    '5+ years of C++ <-> Java; 5*3 snake_case'
    """
    for _ in range(_PASSES):
        if _is_html(text):
            out = _from_html(text)
        elif _is_markdown(text):
            out = _from_markdown(text)
        else:
            return text
        if out == text:
            return text
        text = out
    return text
