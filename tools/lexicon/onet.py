"""O*NET's Technology Skills -> (kind, source, label, aliases) rows of tool names."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

from .common import Row, initials, ok, onet_rows, plain

# Vendor names a tool's name may open with: "Atlassian JIRA" is also "JIRA".
VENDORS = (
    "microsoft",
    "adobe",
    "atlassian",
    "oracle",
    "apache",
    "ibm",
    "google",
    "amazon",
    "sap",
    "autodesk",
    "salesforce",
    "intuit",
    "mathworks",
    "the mathworks",
    "red hat",
    "jetbrains",
    "github",
)


def _tools(data: Path) -> tuple[defaultdict[str, set[str]], set[str]]:
    """(the occupations using each tool name, the names flagged Hot Technology)."""
    occs: defaultdict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    for r in onet_rows(data, "Technology Skills.txt"):
        ex = r["Example"].strip()
        occs[ex].add(r["O*NET-SOC Code"])
        if r["Hot Technology"] == "Y":
            hot.add(ex)
    return occs, hot


def _names(ex: str) -> tuple[str, list[str]]:
    """A tool name -> (label, aliases): vendor-less names, and a trailing acronym as label."""
    aliases = []
    low = ex.lower()
    for v in VENDORS:
        if low.startswith(v + " ") and len(ex) > len(v) + 3:
            aliases.append(ex[len(v) + 1 :].strip())
    m = re.match(r"^(.*\S)\s+([A-Z][A-Z0-9+#/\-]{1,8})$", ex)
    if m and initials(m.group(1)) == re.sub(r"[^A-Z]", "", m.group(2)):
        return m.group(2), [*aliases, m.group(2), m.group(1)]
    return ex, aliases


def onet(data: Path, stop: set[str]) -> list[Row]:
    """(kind, source, label, aliases) from O*NET Technology Skills tool names."""
    occs, hot = _tools(data)
    out: list[Row] = []
    for ex in sorted(occs):
        if len(occs[ex]) < 2 and ex not in hot:
            continue
        if re.search(r"\bsoftware$|\bsystems?$|\bprograms?$", ex, re.I):
            continue  # a category ("Project management software"), not a tool
        label, aliases = _names(ex)
        keep = [a for a in [ex, *aliases] if a != label and ok(a, stop) and not plain(a, stop)]
        if plain(label, stop):
            label = ""
        if label and ok(label, stop):
            out.append(("tool", "onet", label, keep))
        elif keep:
            out.append(("tool", "onet", keep[0], keep[1:]))
    return out
