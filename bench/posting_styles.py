"""Posting styles for the quality bench: category -> posting text, in three styles besides the
hand-written bench postings.

- ``onet``: an O*NET 29.3 occupation as a posting: its title as O*NET writes it (plural,
  compound, with "Except ..." qualifiers), its description, its core task statements as duties
  and its hot technologies as tools. Postings of this style are what a new user pastes from
  O*NET or a government job board, and they are unlike the hand-written ones: long, generic
  wording, office software listed beside the trade.
- ``esco``: an ESCO v1.2.0 occupation as a posting: its name made plural or compound
  ("Accountants", "Chefs and Head Chefs"), its description, its essential skills and knowledge
  as requirements and its optional skills as preferred.
- ``jobboard``: postings as copied from LinkedIn, Indeed or a careers page (header metadata,
  company blurb, varied headings, nice-to-have block, benefits, EEO), written fresh for the
  bench (``bench/postings/jobboard/``, committed).

The taxonomy postings are generated here from ``../shared/data/`` on every run (nothing from it
is committed) and are deterministic. Which occupation stands for a category is set once below,
from the category's name alone (not from its resumes), and never tuned.

Run ``python bench/posting_styles.py OUT_DIR`` to write them out for reading.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
JOBBOARD = ROOT / "bench" / "postings" / "jobboard"

# category -> (O*NET occupation title, ESCO occupation name)
OCCUPATIONS = {
    "ACCOUNTANT": ("Accountants and Auditors", "accountant"),
    "ADVOCATE": ("Lawyers", "lawyer"),
    "AGRICULTURE": ("Farmers, Ranchers, and Other Agricultural Managers", "farm manager"),
    "APPAREL": ("Fashion Designers", "clothing fashion designer"),
    "ARTS": ("Fine Artists, Including Painters, Sculptors, and Illustrators", "artistic director"),
    "AUTOMOBILE": ("Automotive Service Technicians and Mechanics", "automotive engineer"),
    "AVIATION": (
        "Airline Pilots, Copilots, and Flight Engineers",
        "aircraft maintenance technician",
    ),
    "BANKING": ("Loan Officers", "bank account manager"),
    "BPO": ("Customer Service Representatives", "call centre agent"),
    "BUSINESS-DEVELOPMENT": ("Sales Managers", "business developer"),
    "CHEF": ("Chefs and Head Cooks", "chef"),
    "CONSTRUCTION": ("Construction Managers", "construction manager"),
    "CONSULTANT": ("Management Analysts", "business consultant"),
    "DESIGNER": ("Graphic Designers", "graphic designer"),
    "DIGITAL-MEDIA": ("Special Effects Artists and Animators", "digital media designer"),
    "ENGINEERING": ("Mechanical Engineers", "mechanical engineer"),
    "FINANCE": ("Financial and Investment Analysts", "financial analyst"),
    "FITNESS": ("Exercise Trainers and Group Fitness Instructors", "fitness instructor"),
    "HEALTHCARE": ("Registered Nurses", "nurse responsible for general care"),
    "HR": ("Human Resources Specialists", "human resources officer"),
    "INFORMATION-TECHNOLOGY": (
        "Network and Computer Systems Administrators",
        "ICT help desk agent",
    ),
    "PUBLIC-RELATIONS": ("Public Relations Specialists", "public relations officer"),
    "SALES": (
        "Sales Representatives, Wholesale and Manufacturing, Except Technical and Scientific Products",
        "commercial sales representative",
    ),
    "TEACHER": ("Elementary School Teachers, Except Special Education", "primary school teacher"),
}
STYLES = ("bench", "onet", "esco", "jobboard")
MAX_TASKS = 12
MAX_SKILLS = 12


def _tsv(name: str) -> list[dict[str, str]]:
    path = SHARED / "onet-29.3" / name
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def onet_postings(categories: list[str]) -> dict[str, str]:
    """One posting per category from O*NET: title, description, core tasks, hot technologies."""
    want = {OCCUPATIONS[c][0]: c for c in categories}
    desc = {r["Title"]: r["Description"] for r in _tsv("Occupation Data.txt") if r["Title"] in want}
    tasks: dict[str, list[str]] = {}
    for r in _tsv("Task Statements.txt"):
        if r["Title"] in want and r["Task Type"] == "Core":
            tasks.setdefault(r["Title"], []).append(r["Task"])
    tools: dict[str, list[str]] = {}
    for r in _tsv("Technology Skills.txt"):
        if r["Title"] in want and r["Hot Technology"] == "Y":
            tools.setdefault(r["Title"], []).append(r["Example"])
    out = {}
    for title, cat in want.items():
        lines = [title, "", desc.get(title, ""), "", "Tasks:"]
        lines += [f"- {t}" for t in tasks.get(title, [])[:MAX_TASKS]]
        if tools.get(title):
            lines += ["", "Technology skills:", ", ".join(sorted(tools[title]))]
        out[cat] = "\n".join(lines) + "\n"
    return out


def _plural(name: str) -> str:
    """ "chef" -> "Chefs", "nurse responsible for general care" -> "Nurses responsible for ..."."""
    words = name.split()
    # the head is the last word before a preposition ("nurse responsible for", "agent in")
    head = next(
        (i - 1 for i, w in enumerate(words) if w in ("responsible", "for", "in", "of") and i),
        len(words) - 1,
    )
    w = words[head]
    words[head] = w[:-1] + "ies" if w.endswith("y") else w + ("es" if w.endswith("s") else "s")
    text = " ".join(words)
    return text[:1].upper() + text[1:]


def esco_postings(categories: list[str]) -> dict[str, str]:
    """One posting per category from ESCO: a plural or compound title, the description,
    essential skills and knowledge as requirements, optional skills as preferred."""
    want = {OCCUPATIONS[c][1]: c for c in categories}
    rows = {}
    with (SHARED / "esco-1.2.0" / "esco_occupation_skill_profiles.jsonl").open(
        encoding="utf-8"
    ) as f:
        for line in f:
            d = json.loads(line)
            if d["occupation_name"] in want:
                rows[d["occupation_name"]] = d
    out = {}
    for i, (name, cat) in enumerate(sorted(want.items())):
        d = rows[name]
        alts = d.get("alternative_names") or []
        # Every other category gets a compound title, as taxonomies and job boards write them.
        title = _plural(name) if i % 2 or not alts else f"{_plural(name)} and {_plural(alts[0])}"
        essential = list(
            dict.fromkeys((d.get("essential_skills") or []) + (d.get("essential_knowledge") or []))
        )
        optional = d.get("optional_skills") or []
        lines = [title, "", d.get("occupation_description", ""), "", "Requirements:"]
        lines += [f"- {s}" for s in essential[:MAX_SKILLS]]
        if optional:
            lines += ["", "Nice to have:"] + [f"- {s}" for s in optional[: MAX_SKILLS // 2]]
        out[cat] = "\n".join(lines) + "\n"
    return out


def postings(style: str, categories: list[str]) -> dict[str, str]:
    """category -> posting text in ``style`` (categories without a posting are left out)."""
    if style == "bench":
        folder = ROOT / "bench" / "postings"
    elif style == "jobboard":
        folder = JOBBOARD
    elif style == "onet":
        return onet_postings([c for c in categories if c in OCCUPATIONS])
    elif style == "esco":
        return esco_postings([c for c in categories if c in OCCUPATIONS])
    else:
        raise ValueError(f"unknown posting style {style!r}: one of {', '.join(STYLES)}")
    return {
        c: (folder / f"{c}.txt").read_text(encoding="utf-8")
        for c in categories
        if (folder / f"{c}.txt").exists()
    }


def main() -> int:
    if len(sys.argv) != 2:
        print("usage: posting_styles.py OUT_DIR", file=sys.stderr)
        return 2
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not here (optional development data)")
        return 0
    out = Path(sys.argv[1])
    for style in ("onet", "esco"):
        (out / style).mkdir(parents=True, exist_ok=True)
        for cat, text in postings(style, sorted(OCCUPATIONS)).items():
            (out / style / f"{cat}.txt").write_text(text, encoding="utf-8")
    print(f"wrote {out}/onet and {out}/esco")
    return 0


if __name__ == "__main__":
    sys.exit(main())
