"""Text: the one normaliser for postings, rubric terms and resumes, and boundary-aware term search.

Input is any ``str``; output is normalised ``str`` (``normalize``), a length-preserving folded copy
for matching (``fold``), and ``Span`` hits of a term in a text (``term_pattern``). Scorers and
compilers call these and never normalise on the side, so a term in a rubric and the same word in
a resume always compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

# Dashes, minus signs and bullets that people and PDF producers use interchangeably.
_DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201a": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2033": '"',
}
_TRANSLATE: dict[int, str | None] = {ord(c): "-" for c in _DASHES}
_TRANSLATE.update({ord(k): v for k, v in _QUOTES.items()})
_TRANSLATE |= {0x00A0: " ", 0x3000: " ", 0x200B: None, 0x00AD: None, 0xFEFF: None}


def decode(data: bytes) -> str | None:
    """Text file bytes as ``str``: UTF-8 (with or without a BOM), UTF-16 or UTF-32 with its BOM
    (what Windows Notepad saves as "Unicode"), or GB18030, without control characters; None for
    anything else (binary data, an unknown encoding).

    >>> decode("岗位职责".encode("utf-16")), decode(b"\\x00\\x01binary"), decode("本科".encode("gb18030"))
    ('岗位职责', None, '本科')
    """
    text: str | None = None
    for bom, enc in ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32")):
        if data.startswith(bom):
            text = _try(data, enc)
            break
    else:
        if data[:2] in (b"\xff\xfe", b"\xfe\xff"):  # never the start of UTF-8 or GB18030
            text = _try(data, "utf-16")
        elif b"\x00" not in data[:4096]:
            text = _try(data, "utf-8-sig")
            text = _try(data, "gb18030") if text is None else text
    # Control characters (a terminal bell, an escape) are no text: they would reach titles,
    # labels and the terminal.
    return None if text is None else text.translate(_CONTROLS)


_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def normalize(text: str) -> str:
    """Return ``text`` in the one form every step uses.

    NFKC (full-width to half-width, ligatures such as "ﬁ" to "fi"), dashes and quotes folded to
    ASCII, non-breaking and ideographic spaces to plain spaces, soft hyphens and zero-width
    characters removed, and ``\\r\\n`` line ends to ``\\n``. Case is kept: see ``fold``.

    >>> normalize("Ｐｙｔｈｏｎ – “ﬁne”")
    'Python - "fine"'
    """
    text = unicodedata.normalize("NFKC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return text.translate(_TRANSLATE)


@lru_cache(maxsize=4096)
def _fold_char(c: str) -> str:
    f = c.casefold()
    if len(f) == 1:
        return f
    low = c.lower()
    return low if len(low) == 1 else c


def fold(text: str) -> str:
    """Case-fold ``text`` character by character so that offsets stay valid.

    ``len(fold(t)) == len(t)`` always holds, so a span found in the folded text points at the
    same characters in the original.

    >>> fold("SQL and Axure")
    'sql and axure'
    """
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)


def normalize_term(term: str) -> str:
    """The comparable form of a rubric term: normalised, folded, inner whitespace collapsed."""
    return " ".join(fold(normalize(term)).split())


@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``start:end`` of a text, and the matched text itself."""

    start: int
    end: int
    text: str


# ---------------------------------------------------------------- one tokenizer, one rule

# A token is a word (letters and digits of any script but Chinese, with a trailing "+" or "#":
# "c++", "c#"), one CJK character, or one other punctuation character ("." of "node.js", "&"
# of "R&D"). Spaces, hyphens and underscores only separate tokens. Postings, rubric terms and
# resumes are all cut this way, so a term is found where its tokens stand in a row.
_TOKEN = re.compile(
    r"(?:(?![\u3400-\u9fff_])\w)+(?:[+#]+(?:(?![\u3400-\u9fff_])\w)*)?|[\u3400-\u9fff]|[^\s\w\-]"
)
# What glues a short word into a compound: "go-to-market", "R&D", "C-level", "AI-based".
_GLUE = "-&"
SHORT_TERM = 2  # a one-token term this short is a word only where no hyphen or & glues it


@dataclass(frozen=True, slots=True)
class Token:
    """One token of a folded text: its characters and where they stand."""

    text: str
    start: int
    end: int


def tokenize(folded: str) -> list[Token]:
    """The tokens of ``folded`` (already ``fold``-ed) in order.

    >>> [t.text for t in tokenize("c++, node.js and 数据 (r&d)")]
    ['c++', ',', 'node', '.', 'js', 'and', '数', '据', '(', 'r', '&', 'd', ')']
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(folded)]


def tokens_in(folded: str, spans: Iterable[tuple[int, int]], after: int) -> list[Token]:
    """The tokens of ``folded`` that start inside ``spans`` and the ``after`` tokens that
    follow each span, in text order, each once: as ``TermIndex.find`` needs them to find every
    term of at most ``after + 1`` tokens that starts inside the spans, without tokenizing the
    rest of the text. Each span must start where no token goes on from before (a line's start).

    >>> [t.text for t in tokens_in("a b c\\nd e f\\ng h", [(6, 10)], 1)]
    ['d', 'e', 'f']
    """
    out: list[Token] = []
    for a, b in sorted(spans):
        extra = 0
        for m in _TOKEN.finditer(folded, a):
            s = m.start()
            if out and s <= out[-1].start:
                continue  # taken already, from an overlapping span
            if s >= b:
                if extra >= after:
                    break
                extra += 1
            out.append(Token(m.group(), s, m.end()))
    return out


def term_tokens(term: str) -> tuple[str, ...]:
    """A rubric or lexicon term as the tokens it must match ("User-Research" -> user, research)."""
    return tuple(t.text for t in tokenize(normalize_term(term)))


def glued(folded: str, start: int, end: int) -> bool:
    """Whether characters ``start:end`` are glued to a word by a hyphen or "&" on either side.

    >>> glued("go-to-market", 0, 2), glued("r&d", 0, 1), glued("go, to", 0, 2)
    (True, True, False)
    """
    before = start >= 2 and folded[start - 1] in _GLUE and folded[start - 2].isalnum()
    after = end + 1 < len(folded) and folded[end] in _GLUE and folded[end + 1].isalnum()
    return before or after


class TermIndex:
    """Terms as token sequences, found where their tokens stand in a row: the one whole-term
    rule of postings, rubric terms and resumes.

    A term matches whole tokens ("java" is not in "javascript", "c" not in "c++"), Chinese
    terms match where they stand (each character is a token), and a one-token term of at most
    ``SHORT_TERM`` characters does not match inside a hyphenated or "&" compound ("go-to-market",
    "R&D", "AI-based").

    >>> idx = TermIndex(["java", "c++", "go", "user research"])
    >>> text = fold("Java, JavaScript, C++, go-to-market, user-research")
    >>> [(text[s:e], t) for s, e, t in idx.find(text, tokenize(text))]
    [('java', 'java'), ('c++', 'c++'), ('user-research', 'user research')]
    """

    def __init__(self, terms: Iterable[str], key: Callable[[str], str] | None = None) -> None:
        self.keys: dict[tuple[str, ...], list[str]] = {}
        self.longest: dict[str, int] = {}
        for term in terms:
            toks = term_tokens(term)
            if key is not None:
                toks = tuple(map(key, toks))
            if not toks:
                continue
            owners = self.keys.setdefault(toks, [])
            if term not in owners:
                owners.append(term)
            self.longest[toks[0]] = max(self.longest.get(toks[0], 0), len(toks))

    def find(
        self, folded: str, tokens: list[Token], words: list[str] | None = None
    ) -> list[tuple[int, int, str]]:
        """Every whole-term occurrence as (start, end, term), by start, then longest first.

        ``words`` are the tokens' texts as compared (their lemmas, for the morphology level);
        by default the tokens themselves.
        """
        words = words if words is not None else [t.text for t in tokens]
        out: list[tuple[int, int, str]] = []
        n_tok = len(words)
        for i, w in enumerate(words):
            top = self.longest.get(w, 0)
            if not top:
                continue  # no term starts with this token: most tokens of a text
            for n in range(min(top, n_tok - i), 0, -1):
                owners = self.keys.get(tuple(words[i : i + n]))
                if owners is None:
                    continue
                s, e = tokens[i].start, tokens[i + n - 1].end
                if n == 1 and e - s <= SHORT_TERM and glued(folded, s, e):
                    continue
                out.extend((s, e, t) for t in owners)
        return out


def find_term(term: str, folded_text: str, original: str | None = None) -> list[Span]:
    """Every whole-term hit of ``term`` in ``folded_text`` (see ``TermIndex``).

    ``original`` (same length as ``folded_text``) supplies the matched text as written.

    >>> [s.text for s in find_term("c++", fold("C, C++ and C#"), "C, C++ and C#")]
    ['C++']
    """
    source = original if original is not None else folded_text
    idx = TermIndex([term])
    return [Span(s, e, source[s:e]) for s, e, _ in idx.find(folded_text, tokenize(folded_text))]


def in_capitals(text: str, start: int, end: int) -> bool:
    """Whether the occurrence ``text[start:end]`` of a ``capitals_only`` term counts: written
    in capitals, or against Chinese, where Latin letters keep no case ("电商app").

    >>> in_capitals("a calm head", 2, 6), in_capitals("CALM logs", 0, 4), in_capitals("电商app", 2, 5)
    (False, True, True)
    """
    if text[start:end].isupper():
        return True
    return has_cjk(text[max(0, start - 1) : start]) or has_cjk(text[end : end + 1])


def display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK) characters take two.

    >>> display_width("简历.pdf"), display_width("cv.pdf")
    (8, 6)
    """
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def fit(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns ("…" where cut) and padded to exactly ``width``.

    >>> fit("电商产品经理", 8) + "|", fit("SQL", 5) + "|"
    ('电商产… |', 'SQL  |')
    """
    if display_width(text) > width:
        out = ""
        for c in text:
            if display_width(out + c) > width - 1:
                break
            out += c
        text = out + "…"
    return text + " " * (width - display_width(text))


def has_cjk(text: str) -> bool:
    """True when ``text`` holds at least one CJK ideograph."""
    return any("\u4e00" <= c <= "\u9fff" for c in text)
