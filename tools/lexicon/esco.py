"""ESCO's digital and transversal skill collections -> (kind, source, label, aliases) rows."""

from __future__ import annotations

import re
from pathlib import Path

from .common import Row, esco_rows, ok

MAX_WORDS = 4  # longer labels are verb phrases ("migrate existing data"), rare in postings


def _collection(data: Path, name: str, kind: str, stop: set[str], senses: bool) -> list[Row]:
    """The short labels of one collection, their short alternative labels as aliases; with
    ``senses``, a label's "(computer programming)" that says which sense is dropped."""
    out: list[Row] = []
    for r in esco_rows(data, name):
        label = r["preferredLabel"]
        if senses:
            label = re.sub(r"\s*\(.*?\)\s*", " ", label)
        label = label.strip()
        if len(label.split()) > MAX_WORDS or not ok(label, stop):
            continue
        alts = [a.strip() for a in r["altLabels"].split("\n")]
        alts = [a for a in alts if a and len(a.split()) <= MAX_WORDS and ok(a, stop)]
        out.append((kind, "esco", label, alts))
    return out


def esco(data: Path, stop: set[str]) -> list[Row]:
    """(kind, source, label, aliases) from the ESCO digital and transversal collections."""
    digital = _collection(data, "digitalSkillsCollection_en.csv", "skill", stop, senses=True)
    soft = _collection(data, "transversalSkillsCollection_en.csv", "soft_skill", stop, senses=False)
    return digital + soft
