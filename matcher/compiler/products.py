"""Products: a posting item's text in, the tools it names that no lexicon knows out.

A step of compiling beside ``matcher.compiler.credentials``: "Proficiency with Salesforce,
Gong and Outreach", "precision ag software such as Climate FieldView, SMS or Granular",
"Experience with Splunk, eMASS and Active Directory". The lexicon knows a few thousand tools;
a trade's own products mostly are not among them. A name written as a product is written
(capitals, inner capitals) counts as a tool only where the posting lists it as one: beside a
tool the lexicon knows, after "software such as", or in a list of two or more names that
the posting asks experience with. A one-word name that is an English word ("Outreach",
"Gong") is left out: in a resume it is mostly the word. Nothing here weighs them: the
compiler does.
"""

from __future__ import annotations

import bisect
import re

from matcher.vocab.lexicon import Hit, english_word

# What joins the members of a list: "A, B and C", "A/B", "A or B".
_SEP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|/|\band/or\s+|\band\s+|\bor\s+|&\s*)\s*", re.I)
# A product's name: up to three capitalised words, or one with inner capitals ("eMASS"),
# ending where the list or the clause goes on ("Fortune 500 clients" is no product).
_NAME = re.compile(
    r"(?<![\w.+#-])(?:[A-Z][\w.+#-]{1,24}|[a-z]{1,3}[A-Z][\w.+#-]{1,20})"
    r"(?:[ \t]+[A-Z][\w.+#-]{1,24}){0,2}"
    r"(?=\s*(?:[,;:.)/&]|\band\b|\bor\b|$|\b(?:is|are|a plus|preferred|required|experience"
    r"|knowledge|skills|for|to|in|on|with|etc)\b))"
)
# "software such as", "tools like", "platforms (e.g.": a list of products follows.
_ANCHOR = re.compile(
    r"\b(?:software|tools?|platforms?|systems?|applications?|apps|CRMs?|ERPs?|programs?|suites?)"
    r"\s*(?:such\s+as|like|including|e\.g\.?,?|\(e\.g\.?,?|\(|:)\s*",
    re.I,
)
# "Experience with Cision, Muck Rack or Meltwater": a list of names the posting asks for.
_ASKED = re.compile(
    r"\b(?:experience|proficiency|proficient|familiarity|familiar|expertise|knowledge|skilled"
    r"|hands-on)\s+(?:with|in|of|using)\s+",
    re.I,
)
# Words that open a name but name nothing: a clause's first word, a vendor alone.
_NOT_NAMES = frozenset(
    [
        "experience", "knowledge", "strong", "proficiency", "familiarity", "skills", "ability",
        "excellent", "good", "the", "our", "other", "similar", "equivalent", "etc", "tools",
        "software", "systems", "related", "microsoft", "google", "adobe", "oracle", "english",
        "bachelor", "master", "degree", "must", "required", "preferred", "nice", "bonus",
    ]
)  # fmt: skip


def products(text: str, hits: list[Hit]) -> list[str]:
    """The product names ``text`` lists as tools that none of ``hits`` (its lexicon terms)
    covers, in order, once each (``product_spans`` says where).

    >>> products("Experience with Splunk, eMASS and Active Directory", [])
    ['Splunk', 'eMASS', 'Active Directory']
    >>> products("Excel and Fortune 500 clients", []), products("Visit New York", [])
    ([], [])
    """
    return [text[a:b] for a, b in product_spans(text, hits)]


def product_spans(text: str, hits: list[Hit]) -> list[tuple[int, int]]:
    """Where ``products`` found each name: its first place as a listed tool."""
    members: list[tuple[int, int, bool]] = [(h.start, h.end, h.term.kind == "tool") for h in hits]
    taken = sorted((a, b) for a, b, _ in members)
    known = set(taken)
    for m in _NAME.finditer(text):
        i = bisect.bisect_left(taken, (m.end(),))
        if not (i and taken[i - 1][1] > m.start()):  # no known term overlaps it
            members.append((m.start(), m.end(), False))
    members.sort()
    lists: list[list[tuple[int, int, bool]]] = []
    for member in members:
        if lists and _SEP.fullmatch(text[lists[-1][-1][1] : member[0]]):
            lists[-1].append(member)
        else:
            lists.append([member])
    anchors = {m.end() for m in _ANCHOR.finditer(text)}
    asks = {m.end() for m in _ASKED.finditer(text)}
    out: dict[str, tuple[int, int]] = {}
    for run in lists:
        start = run[0][0]
        asked = len(run) >= 2 and start in asks
        if not (start in anchors or asked or any(tool for _, _, tool in run)):
            continue
        for a, b, _ in run:
            name = text[a:b]
            if (a, b) in known or name.split()[0].lower() in _NOT_NAMES:
                continue
            if " " not in name and not name.isupper() and english_word(name):
                continue  # "Outreach", "Gong", "Epic": a resume's word in another sense
            out.setdefault(name, (a, b))
    return list(out.values())
