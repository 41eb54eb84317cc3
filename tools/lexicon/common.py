"""Source files and surfaces -> their rows, the stop list and the filters every source shares."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
DATA = ROOT.parent / "shared" / "data"  # the default of --data
OUT = ROOT / "matcher" / "data"  # the default of --out
COMMAND = "python -m tools.lexicon"  # named in the header of every file it writes

ESCO = "esco-1.2.0"
ONET = "onet-29.3"
THUOCL = "thuocl-zh-lexicon"
SKILLSPAN = "skillspan"
SOURCES = (ESCO, ONET, THUOCL, SKILLSPAN)

Row = tuple[str, str, str, list[str]]  # (kind, source, label, aliases) of one term

# The keys of an ESCO occupation skill profile that hold skill and knowledge labels.
PROFILE_LABELS = ("essential_skills", "optional_skills", "essential_knowledge")
WORD = re.compile(r"[a-z][a-z0-9]*(?:[&+#'][a-z0-9]+)*")

# Product names that are everyday words but rare in occupation prose, and company names: a
# posting names them as employers or customers far more than as tools.
MORE_STOP = set(
    """
    outlook designer scheme visual studio dynamics bridge edge express publisher teams planner
    forms stream sketch notes pages numbers keynote photos maps drive sheets docs slides meet
    chat etc
    google linkedin facebook twitter amazon apple microsoft oracle youtube instagram salesforce
    """.split()
)


def onet_rows(data: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of an O*NET tab-separated file, by column name."""
    with (data / ONET / name).open(encoding="utf-8", errors="replace") as f:
        yield from csv.DictReader(f, delimiter="\t")


def esco_rows(data: Path, name: str) -> Iterator[dict[str, str]]:
    """The rows of an ESCO CSV file, by column name."""
    with (data / ESCO / name).open(encoding="utf-8") as f:
        yield from csv.DictReader(f)


def esco_profiles(data: Path) -> Iterator[dict[str, Any]]:
    """ESCO's occupation skill profiles: names, description, skill and knowledge labels."""
    with (data / ESCO / "esco_occupation_skill_profiles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            yield json.loads(line)


def ordinary_words(data: Path) -> set[str]:
    """Lower-case words that plain English prose about work uses (the stop list).

    Read from O*NET task statements and occupation descriptions and ESCO occupation
    descriptions: a tool called "Scheme", "Outlook" or "Spring" is written as an ordinary
    lower-case word there, while "Python" or "Docker" is not.
    """
    texts = [r["Task"] for r in onet_rows(data, "Task Statements.txt")]
    texts += [r["Description"] for r in onet_rows(data, "Occupation Data.txt")]
    texts += [r["description"] for r in esco_rows(data, "occupations_en.csv")]
    counts: Counter[str] = Counter()
    for text in texts:
        # Only mid-sentence words: sentence-initial capitals hide nothing we need.
        counts.update(re.findall(r"(?<=\s)[a-z][a-z+#\-]*[a-z+#]", text))
    return {w for w, n in counts.items() if n >= 2} | MORE_STOP


def ok(surface: str, stop: set[str]) -> bool:
    """True when ``surface`` may name a term: not short, numeric, a stop word or a sentence."""
    s = surface.strip()
    if len(s) < 3 or s.isdigit() or "(" in s or ";" in s or "\t" in s or "|" in s:
        return False
    if re.fullmatch(r"[A-Za-z][A-Za-z+#.\-]*", s) and s.lower().rstrip(".") in stop:
        return False
    if re.fullmatch(r"[A-Z]{2,3}", s):
        return False  # a bare 2-3 letter acronym (ETC, PMS) is too often something else
    return not (s.isascii() and len(s.split()) > 5)


def plain(name: str, stop: set[str]) -> bool:
    """True for a product name made only of ordinary words ("After the Deadline")."""
    words = re.findall(r"[A-Za-z][A-Za-z+#\-]*", name)
    return bool(words) and len(words) == len(name.split()) and all(w.lower() in stop for w in words)


def initials(phrase: str) -> str:
    """ "Structured query language" -> "SQL": the acronym a phrase would have."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", phrase) if w).upper()


def singular(word: str) -> str:
    """ "invoices" -> "invoice"; "business", "gas" stay: how heads of labels are counted."""
    return word[:-1] if word.endswith("s") and not word.endswith("ss") and len(word) > 3 else word


def report(path: Path, what: str) -> None:
    """Print what was written: "matcher/data/words.tsv: 12541 words, 228 kB"."""
    shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
    print(f"{shown}: {what}, {path.stat().st_size / 1e3:.0f} kB")
