"""Role headers: a role's header lines and its date's span in, the title, organisation and
place among them out.

A step of understanding roles (``matcher.resume.roles`` finds the dated entries and their header
lines; this step reads those lines). A header is cut at separators ("  ", "|", " - ", ",",
" at "), around the date and around a place ("City , State"); cue words then tell the title
("Manager", "经理") from the organisation ("Inc", "公司"), and a piece holding both is cut in
two ("Accountant Company Name", "上海橙果电子商务有限公司产品经理").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from matcher.resume.dates import RANGE
from matcher.resume.sections import LOCATION, ORG_CUES, TITLE_CUES
from matcher.text import has_cjk

_PIECE_SPLIT = re.compile(r"\s{2,}|\t|\s*[|·•@]\s*|\s+[-–]\s+|\s+at\s+|ï1⁄4[^\w\s]?|\s*,\s*|，")


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of a header line and where it starts in the resume's text."""

    text: str
    start: int


def head_end(text: str, s: int, e: int) -> int:
    """Where a header line's header part ends: after its place ("City , State"), when the
    reader ran the first duty onto the same line, else at the line's end."""
    m = LOCATION.search(text, s, e)
    if not m:
        return e
    rest = text[m.end() : e].strip()
    return m.end() if len(rest.split()) > 5 or rest.endswith(".") else e


def header_pieces(
    text: str, lines: list[tuple[int, int]], head: list[int], ds: int, de: int
) -> list[Piece]:
    """The header's text cut at separators, the date and any place name, with offsets."""
    out: list[Piece] = []
    for i in head:
        s, e = lines[i]
        if ds <= s and e <= de:
            continue  # a line inside the date ("July 2014\nto\nDecember 2015")
        e = head_end(text, s, e) if not s <= de <= e else head_end(text, de, e)
        chunks = [(s, e)]
        if s <= ds <= e or s <= de <= e:
            chunks = [(s, max(s, min(ds, e))), (min(max(de, s), e), e)]
        for cs, ce in chunks:
            seg = text[cs:ce]
            for m in LOCATION.finditer(seg):  # cut around "City , State" inside a piece
                seg = seg[: m.start()] + "|" * (m.end() - m.start()) + seg[m.end() :]
                out.append(Piece(m.group(0), cs + m.start()))
            pos = 0
            for part in [*_PIECE_SPLIT.split(seg), ""]:
                idx = seg.find(part, pos) if part else -1
                bare = part.strip(" \t|()-–:")
                if "(" in bare and ")" not in bare:  # "Credit Union (digital lending team"
                    bare = bare[: bare.index("(")].strip()
                if bare and sum(c.isalpha() for c in bare) >= 2 and not RANGE.search(bare):
                    out.append(Piece(bare, cs + seg.find(bare, max(idx, 0))))
                if idx >= 0:
                    pos = idx + len(part)
    return sorted(out, key=lambda p: p.start)


_ORG_STRONG = re.compile(
    r"(?<![a-z])(?:company name|inc|llc|llp|ltd|limited|corp|corporation|company|group|bank"
    r"|university|college|hospital|clinic|agency|foundation|firm)\.?(?![a-z])"
    r"|公司|集团|银行|医院|大学|学院|事务所|工作室|研究院|研究所|酒店",
    re.IGNORECASE,
)
_TITLE_LEVEL = re.compile(
    r"(?<!\s)(?:\s++(?:[IVX]{1,4}|\d|Sr\.?|Jr\.?|Assistant|Trainee|Intern)\b)+"
)


def _split_title_org(p: Piece) -> list[Piece]:
    """Cut "Accountant Company Name" or "上海橙果电子商务有限公司产品经理" in two when one
    piece holds a title cue and an organisation cue, one after the other."""
    placeholder = re.search(r"company name", p.text, re.IGNORECASE)
    if placeholder and p.text.strip() != placeholder.group(0):
        # The anonymised "Company Name" of public resume data: whatever stands around it is
        # the title (or the place).
        parts = [(p.text[: placeholder.start()], 0), (placeholder.group(0), placeholder.start())]
        parts.append((p.text[placeholder.end() :], placeholder.end()))
        return [
            Piece(t.strip(" ,-"), p.start + off + t.index(t.strip(" ,-")))
            for t, off in parts
            if sum(c.isalpha() for c in t) >= 2
        ]
    t, o = TITLE_CUES.search(p.text), ORG_CUES.search(p.text)
    if not t or not o or (t.start() < o.end() and o.start() < t.end()):
        return [p]
    if t.end() <= o.start():  # title first: the organisation starts at the next word
        if re.match(r"\s*(?:of|for|/|&|and|in)\b", p.text[t.end() : o.start()]):
            return [p]  # "Director of Dining Services" is one title
        level = _TITLE_LEVEL.match(p.text, t.end())
        t_end = level.end() if level and level.end() <= o.start() else t.end()
        cut = p.text.find(" ", t_end)
        if cut < 0 or cut > o.start() or has_cjk(p.text):
            cut = t_end
    else:  # organisation first: it ends with a cue that only names employers ("Acme Bank")
        strong = _ORG_STRONG.search(p.text, 0, t.start())
        if not strong:
            return [p]
        cut = strong.end()
    a, b = p.text[:cut].strip(), p.text[cut:].strip(" ,-")
    if sum(c.isalpha() for c in a) < 2 or sum(c.isalpha() for c in b) < 2:
        return [p]
    return [Piece(a, p.start), Piece(b, p.start + p.text.index(b, cut))]


def title_org(pieces: list[Piece]) -> tuple[Piece | None, Piece | None, Piece | None]:
    """Pick title, organisation and place among a header's pieces by their cue words."""
    locs = [p for p in pieces if LOCATION.fullmatch(p.text.strip()) or LOCATION.search(p.text)]
    rest = [p for p in pieces if p not in locs]
    rest = [q for p in rest for q in _split_title_org(p)]
    titles = [p for p in rest if TITLE_CUES.search(p.text) and not ORG_CUES.search(p.text)]
    orgs = [p for p in rest if ORG_CUES.search(p.text) and not TITLE_CUES.search(p.text)]
    title = titles[0] if titles else None
    org = orgs[0] if orgs else None
    free = [p for p in rest if p is not title and p is not org]
    if title is None:
        both = [p for p in free if TITLE_CUES.search(p.text)]
        title = (both or free)[0] if both or free else None
        free = [p for p in free if p is not title]
    if org is None and free:
        org = free[0]
    return title, org, (locs[0] if locs else None)
