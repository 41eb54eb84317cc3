"""O*NET's reported and alternate titles and ESCO's occupation labels -> titles.tsv.gz."""

from __future__ import annotations

import gzip
import re
from collections import defaultdict
from pathlib import Path

from .common import COMMAND, WORD, esco_rows, onet_rows, report

TITLE_WORDS = 5  # longer "titles" are descriptions ("Supervisor of ... and ...")
TITLE_ALIASES = 24  # resume-facing names kept per occupation

Occupation = tuple[str, list[str], list[str]]  # (key, names, recognition-only names)


def title_names(raw: str) -> list[str]:
    """ "Aviation Maintenance Technician (AMT)" -> the title and its acronym; junk -> []."""
    out = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", raw)
    main = raw
    if m:
        main = f"{m.group(1)} {m.group(3)}".strip()
        inner = m.group(2).strip()
        if (re.fullmatch(r"[A-Z][A-Za-z&]{1,6}", inner) and inner.isupper()) or (
            0 < len(inner.split()) <= TITLE_WORDS and "," not in inner
        ):
            out.append(inner)
    main = re.sub(r"\s+", " ", main).strip(" ,-")
    if main and len(main.split()) <= TITLE_WORDS and not re.search(r"[,;/]|\bor\b", main):
        out.insert(0, main)
    return [t for t in out if len(t) >= 3]


def _onet_titles(data: Path) -> list[Occupation]:
    """O*NET: the titles workers report ("Sample of Reported Titles") are what resumes say, so
    they are the names; the 56k alternate titles only help recognise a posting's title."""
    names: defaultdict[str, list[str]] = defaultdict(list)
    other: defaultdict[str, list[str]] = defaultdict(list)
    for r in onet_rows(data, "Sample of Reported Titles.txt"):
        names[r["O*NET-SOC Code"]] += title_names(r["Reported Job Title"])
    # The occupation's own title ("Accountants and Auditors") as O*NET writes it: a posting that
    # copies it resolves to its occupation.
    for r in onet_rows(data, "Occupation Data.txt"):
        other[r["O*NET-SOC Code"]].append(" ".join(r["Title"].split()))
    for r in onet_rows(data, "Alternate Titles.txt"):
        code = r["O*NET-SOC Code"]
        other[code] += [t for t in title_names(r["Alternate Title"]) if len(t.split()) <= 4]
        if r["Short Title"].strip():
            other[code] += title_names(r["Short Title"])
    return [(c, names[c][:TITLE_ALIASES], other[c]) for c in sorted(set(names) | set(other))]


def _esco_titles(data: Path) -> list[Occupation]:
    """ESCO: the preferred label and the short alternative labels are both."""
    out: list[Occupation] = []
    for r in esco_rows(data, "occupations_en.csv"):
        alts = [n for a in r["altLabels"].split("\n") for n in title_names(a.strip())]
        alts = [a for a in alts if len(a.split()) <= 4]
        main = title_names(r["preferredLabel"])
        short = [a for a in alts if len(a.split()) <= 3]
        out.append((r["conceptUri"], (main + short)[:TITLE_ALIASES], alts))
    return out


def titles(data: Path) -> list[Occupation]:
    """(occupation, resume-facing names, other names used only to recognise a posting title),
    O*NET's occupations (by code) first, then ESCO's (by URI)."""
    return _onet_titles(data) + _esco_titles(data)


def _unseen(names: list[str], seen: set[str]) -> list[str]:
    """``names`` not in ``seen`` (case-folded), each once, the first spelling kept; adds them."""
    out = []
    for n in names:
        if n.casefold() not in seen:
            seen.add(n.casefold())
            out.append(n)
    return out


def _line(names: list[str], other: list[str], words: list[str]) -> str | None:
    """One occupation's line, each name once (the first spelling wins), or None if nameless."""
    seen: set[str] = set()
    a = _unseen(names, seen)
    b = _unseen(other, seen)
    if not (a or b):
        return None
    return "|".join(a) + "\t" + "|".join(b) + "\t" + " ".join(words)


def write_titles(path: Path, data: Path, docs: dict[str, list[str]], nouns: set[str]) -> None:
    """Write titles.tsv.gz: one occupation a line, names, recognition-only names, and the trade
    nouns (``nouns``, from ``write_words``) its O*NET or ESCO texts (``docs``) use: what is
    said about the job, which a posting's keywords must be part of
    (``matcher.occupations.occupation_words``).
    """
    lines = [
        "# Job titles per occupation, from O*NET 29.3 (reported and alternate titles) and ESCO",
        f"# v1.2.0 (occupation labels), by {COMMAND}; see ATTRIBUTION.md.",
        "# names (put in a title criterion) separated by |<TAB>other names (recognition only)",
        "# <TAB>trade nouns of the occupation's O*NET or ESCO texts, separated by spaces",
    ]
    for key, names, other in titles(data):
        words = sorted(set(WORD.findall(" ".join(docs.get(key, ())).lower())) & nouns)
        line = _line(names, other, words)
        if line is not None:
            lines.append(line)
    # gzip with a fixed mtime: the same input gives the same bytes (a readable rebuild diff is
    # impossible for 80k names anyway; their count is printed).
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    path.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    report(path, f"{len(lines) - 4} occupations")
