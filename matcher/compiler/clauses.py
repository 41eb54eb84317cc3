"""Clauses: a posting item's text in, its clauses and the cue group of each out.

A step of compiling between ``posting`` (list items) and ``criteria`` (criteria). An item is cut after each comma, semicolon or full stop (``clauses``: ``list[str]``);
the lexicon's cue words ("must", "a plus", working conditions...) give each clause a ``Cue``
(``cue_of``), which decides how much the clause's criteria count, and a cue reaches along a
list that commas cut into several clauses (``clause_cues``: ``list[Cue | None]``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from matcher.compiler.blocks import SENTENCE_END
from matcher.text import fold
from matcher.vocab.lexicon import Cue, Lexicon

# A clause ends after a comma, semicolon or full stop (Chinese), or where a Latin sentence ends
# (``blocks.SENTENCE_END``); the mark stays with it.
CLAUSE_END = re.compile(r"(?<=[，,；;。])|" + SENTENCE_END)


def clauses(text: str) -> list[str]:
    """The clauses of ``text``, blank ones left out.

    >>> clauses("本科及以上学历，3年以上经验；")
    ['本科及以上学历，', '3年以上经验；']
    >>> clauses("BLS required within 30 days. ACLS preferred.")
    ['BLS required within 30 days.', ' ACLS preferred.']
    """
    return [c for c in CLAUSE_END.split(text) if c.strip()]


def cue_of(clause: str, lex: Lexicon) -> Cue | None:
    """The first cue group (in lexicon order) with a word in ``clause``, if any.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> cue_of("Axure is a plus", default_lexicon()).name
    'preferred'
    >>> cue_of("Axure", default_lexicon()) is None
    True
    """
    low = fold(clause)
    return next((c for c in lex.cues if _cue_pattern(c).search(low)), None)


@lru_cache(maxsize=64)
def _cue_pattern(cue: Cue) -> re.Pattern[str]:
    """One regex for a cue group: Latin words whole ("must" not in "mustard"), CJK anywhere."""
    alts = sorted((fold(w) for w in cue.words), key=len, reverse=True)
    return re.compile(
        "|".join(
            rf"(?<![a-z]){re.escape(w)}(?![a-z])" if w.isascii() else re.escape(w) for w in alts
        )
    )


# Kinds that come in comma lists ("HTML，CSS，JS"); a clause opening with a soft skill or a
# duty ("pay attention to details") is a new requirement, not a list element.
_LISTED = frozenset({"tool", "skill", "domain", "language", "certification"})
_JOINER = re.compile(r"^\s*(?:and|or|as well as|&|以及|及|和|或)?\s*", re.I)


def clause_cues(parts: list[str], lex: Lexicon) -> list[Cue | None]:
    """The cue of each of ``parts`` (clauses), shared along a list that runs over several.

    "熟练掌握HTML，CSS，JS等前端技术" and "Java, Python and SQL are required" name one list
    cut by commas: a clause that opens with a listed term continues the clause before it, and a
    run with exactly one cue lends it to the run's clauses that have none.

    >>> from matcher.vocab.lexicon import default_lexicon
    >>> parts = clauses("熟练掌握HTML，CSS，JS等前端技术；熟悉Vue优先")
    >>> [c.name for c in clause_cues(parts, default_lexicon()) if c]
    ['required', 'required', 'required', 'preferred']
    """
    own = [cue_of(c, lex) for c in parts]
    out = list(own)
    start = 0
    for i in range(1, len(parts) + 1):
        if i < len(parts):
            rest = parts[i][_JOINER.match(parts[i]).end() :]  # type: ignore[union-attr]
            hits = lex.scan(rest)
            after_comma = parts[i - 1].rstrip()[-1:] in (",", "，")  # ";" ends a list
            if after_comma and hits and hits[0].start == 0 and hits[0].term.kind in _LISTED:
                continue  # clause i continues the run
        cues = {c for c in own[start:i] if c is not None}
        if len(cues) == 1:
            (cue,) = cues
            out[start:i] = [c or cue for c in own[start:i]]
        start = i
    return out
