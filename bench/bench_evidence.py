"""Evidence precision: how often what ``matcher explain`` shows a recruiter is right.

Reads ``../shared/data/livecareer-resumes-dev/`` (skips cleanly when absent), scores every
resume against the postings of every style in ``posting_styles`` (bench, O*NET, ESCO, job
board), and draws a seeded sample of evidence rows, stratified by how each was found (exact,
alias, morphology, partial title, fuzzy, education, experience; a degree one level under the
minimum, "below", earns part credit but is shown as no match and only counted). Each row was labelled correct
or wrong by a person reading its line (``bench/evidence_labels.csv``: the resume's file id,
the job, the criterion, the method, the term and the text matched, the label, a note); this
script reports precision per method, overall, and how many required criteria a wrong match met.

Rows drawn that carry no label yet are listed as unlabelled; ``--to-label FILE`` writes them,
with the line each stands on, to a CSV for a person to label (that file holds resume text:
keep it out of the repository).

Run: .venv/bin/python bench/bench_evidence.py [--per-method N] [--to-label /tmp/rows.csv]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from collections import Counter, defaultdict
from pathlib import Path

import posting_styles
from bench_quality import AS_OF, DATA, read_all

from matcher.compiler.criteria import compile_text
from matcher.resume.understand import understand
from matcher.scoring.score import score_many

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "bench" / "evidence_labels.csv"
METHODS = ("exact", "alias", "morphology", "partial", "fuzzy", "level", "years")
FIELDS = ("resume", "job", "criterion", "method", "term", "text", "label", "note")
SEED = 20261204


def key(row: dict[str, str]) -> tuple[str, str, str, str]:
    return row["resume"], row["job"], row["criterion"], row["text"]


def _rank(row: dict[str, str]) -> str:
    return hashlib.sha256(f"{SEED}|{'|'.join(key(row))}".encode()).hexdigest()


def draw(
    per_method: int,
) -> tuple[list[dict[str, str]], dict[tuple[str, ...], bool], Counter[str]]:
    """The seeded, stratified sample of evidence rows (with their lines), which are required,
    and how many rows of each method there were to draw from."""
    rows_csv = list(csv.DictReader((DATA / "labels.csv").open(encoding="utf-8")))
    files = sorted(str(DATA / r["file"]) for r in rows_csv)
    categories = sorted({r["category"] for r in rows_csv})
    reads = read_all(files, 0, True)
    resumes = [understand(r.document, AS_OF) for r in reads if r.document is not None]
    rubrics = []
    for style in posting_styles.STYLES:
        for cat, text in sorted(posting_styles.postings(style, categories).items()):
            rubrics.append(compile_text(text, stem=f"{style}-{cat}")[0])
    pool: dict[str, list[dict[str, str]]] = defaultdict(list)
    below = 0  # degrees under the minimum: part credit, shown as no match (not drawn)
    required: dict[tuple[str, ...], bool] = {}
    for resume in resumes:
        name = Path(resume.document.source).stem
        for card in score_many(resume, rubrics):
            for e in card.evidence:
                below += e.method == "below" and e.credit > 0
                if e.method not in METHODS or e.credit <= 0:
                    continue
                row = {
                    "resume": name,
                    "job": card.job_id,
                    "criterion": e.label,
                    "method": e.method,
                    "term": e.term,
                    "text": e.text,
                    "line": e.snippet,
                }
                pool[e.method].append(row)
                required[key(row)] = e.required and e.met  # a required criterion it met
    # Each row's place in the draw is a seeded hash of what it is, not of where it stands:
    # a change to the engine that adds or drops a few rows leaves the rest of the sample (and
    # their labels) in place.
    sample = []
    for method in METHODS:
        rows = sorted(pool.get(method, []), key=lambda r: _rank(r))
        sample += rows[:per_method]
    population = Counter({m: len(rows) for m, rows in pool.items()})
    population["below"] = below
    return sample, required, population


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-method", type=int, default=60, help="rows drawn per method")
    ap.add_argument("--to-label", type=Path, help="write the unlabelled rows here")
    args = ap.parse_args()
    if not (DATA / "labels.csv").exists():
        print(f"skipped: {DATA} is not here (optional development data)")
        return 0
    sample, required, population = draw(args.per_method)
    labels = {}
    if LABELS.exists():
        labels = {key(r): r for r in csv.DictReader(LABELS.open(encoding="utf-8"))}
    todo = [r for r in sample if key(r) not in labels]
    if args.to_label:
        with args.to_label.open("w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=[*FIELDS[:-2], "line", "label", "note"])
            w.writeheader()
            w.writerows({**r, "label": "", "note": ""} for r in todo)
        print(f"wrote {len(todo)} unlabelled rows to {args.to_label}")
    print(f"{len(sample)} evidence rows drawn (seed {SEED}), {len(sample) - len(todo)} labelled")
    right: Counter[str] = Counter()
    seen: Counter[str] = Counter()
    wrong_required = []
    for r in sample:
        lab = labels.get(key(r))
        if lab is None:
            continue
        seen[r["method"]] += 1
        if lab["label"] == "correct":
            right[r["method"]] += 1
        elif required.get(key(r)):
            wrong_required.append(r)
    print(f"{'method':12}{'rows':>9}{'labelled':>9}{'correct':>9}{'precision':>11}")
    for m in METHODS:
        if seen[m]:
            print(f"{m:12}{population[m]:9}{seen[m]:9}{right[m]:9}{right[m] / seen[m]:11.3f}")
    total, ok = sum(seen.values()), sum(right.values())
    if total:
        print(f"{'sample':12}{'':9}{total:9}{ok:9}{ok / total:11.3f}")
        # The sample is stratified (rare methods drawn as often as common ones): the overall
        # precision of what a recruiter sees weighs each method by its share of all rows.
        shown = sum(population[m] for m in seen)
        weighted = sum(population[m] / shown * right[m] / seen[m] for m in seen)
        print(f"{'weighted':12}{shown:9}{'':9}{'':9}{weighted:11.3f}  (by each method's share)")
    print(
        f"degrees one level under the minimum, shown as such (part credit, no match, not drawn):"
        f" {population['below']}"
    )
    print(
        f"required criteria met by a wrong match in the sample (met: counted as meeting it): {len(wrong_required)}"
    )
    for r in wrong_required:
        print(f"  {r['job']}: {r['criterion']} <- {r['text']!r} ({r['method']})")
    if todo:
        print(f"unlabelled: {len(todo)} (label them with --to-label)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
