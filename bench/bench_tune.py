"""Bench: tuning reweighs the evidence table instead of re-matching, and what it gains held-out.

Prints, each against a baseline measured in the same run:
1. reweighing the evidence table with new weights vs re-scoring the already-understood resumes
   with ``rubric.with_weights`` (same ranking, asserted);
2. a tuning round on the bundled samples vs the pipeline run that made its evidence;
3. with ``../shared/data/livecareer-resumes-dev`` (skipped when absent): a hand-written
   staff-accountant rubric, 230 real resumes labelled by their category (accountant 3, finance and
   banking 1, others 0), cross-validated metrics before and after tuning.
"""

from __future__ import annotations

import csv
import time
from datetime import date
from pathlib import Path

import polars as pl

from matcher.pipeline.run import collect_inputs, run
from matcher.ranking import evidence_table, rank
from matcher.read.reader import read_document
from matcher.resume.understand import understand
from matcher.rubric.io import load_rubric, loads_rubric
from matcher.scoring.score import score
from matcher.tune.labels import read_groups, read_labels
from matcher.tune.report import format_report
from matcher.tune.round import reweigh, tune

ROOT = Path(__file__).resolve().parent.parent
AS_OF = date(2026, 11, 23)
LIVECAREER = ROOT.parent / "shared" / "data" / "livecareer-resumes-dev"
# A staff-accountant rubric written by hand (every weight 2: tuning has to find the signal).
RUBRIC = """schema_version = 1
job_id = "staff-accountant"
title = "Staff accountant"
language = "en"

[[criteria]]
id = "general-ledger"
kind = "skill"
label = "general ledger"
aliases = ["GL"]
weight = 2.0

[[criteria]]
id = "reconciliation"
kind = "skill"
label = "account reconciliation"
aliases = ["reconciliations", "reconciliation", "bank reconciliation"]
weight = 2.0

[[criteria]]
id = "accounts-payable"
kind = "skill"
label = "accounts payable"
aliases = ["AP"]
weight = 2.0

[[criteria]]
id = "accounts-receivable"
kind = "skill"
label = "accounts receivable"
aliases = ["AR"]
weight = 2.0

[[criteria]]
id = "financial-statements"
kind = "skill"
label = "financial statements"
aliases = ["financial reporting"]
weight = 2.0

[[criteria]]
id = "month-end"
kind = "responsibility"
label = "month-end close"
aliases = ["month end", "month-end"]
weight = 2.0

[[criteria]]
id = "quickbooks"
kind = "tool"
label = "QuickBooks"
aliases = []
weight = 2.0

[[criteria]]
id = "sap"
kind = "tool"
label = "SAP"
aliases = []
weight = 2.0

[[criteria]]
id = "tax"
kind = "domain"
label = "tax"
aliases = ["taxes", "tax returns"]
weight = 2.0

[[criteria]]
id = "audit"
kind = "domain"
label = "audit"
aliases = ["audits", "auditing"]
weight = 2.0

[[criteria]]
id = "excel"
kind = "tool"
label = "Excel"
aliases = ["Microsoft Excel"]
weight = 2.0

[[criteria]]
id = "budgeting"
kind = "responsibility"
label = "budgeting"
aliases = ["budget", "budgets"]
weight = 2.0

[[criteria]]
id = "customer-service"
kind = "soft_skill"
label = "customer service"
aliases = []
weight = 2.0

[[criteria]]
id = "management"
kind = "skill"
label = "management"
aliases = []
weight = 2.0

[[criteria]]
id = "education"
kind = "education"
label = "bachelor degree"
weight = 2.0
required = true
min_level = "bachelor"

[[criteria]]
id = "experience"
kind = "experience"
label = "3+ years"
weight = 2.0
min_years = 3.0
"""


def timed(fn, repeat: int = 5):  # type: ignore[no-untyped-def]
    """Best of ``repeat`` wall times (seconds) and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t)
    return best, out


def reweigh_vs_rescore() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "000_1e07a38cda397245-1.toml")
    resumes = [understand(read_document(p), AS_OF) for p in collect_inputs([ROOT / "samples"])]
    evidence = evidence_table([score(r, rubric) for r in resumes])
    weights = {"ppt": 1.5, "prd": 4.5, "project-management": 2.0}
    tuned = rubric.with_weights(weights)
    t_full, full = timed(lambda: rank([score(r, tuned) for r in resumes]))
    t_fast, fast = timed(lambda: reweigh(evidence, weights))
    cols = ["resume", "rank", "score"]
    assert fast.select(cols).to_dicts() == full.select(cols).to_dicts()
    print(
        f"reweigh {len(resumes)} resumes: {t_fast * 1e3:.1f} ms vs re-score {t_full * 1e3:.1f} ms "
        f"(x{t_full / t_fast:.1f} faster, same ranking)"
    )


def samples_round() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "004_d832d627ee032451-1.toml")
    t_run, result = timed(lambda: run([ROOT / "samples"], [rubric], as_of=AS_OF, jobs=1), 1)
    labels, groups = (
        read_labels(ROOT / "samples/labels.csv"),
        read_groups(ROOT / "samples/groups.csv"),
    )
    t_tune, res = timed(lambda: tune(result.evidence(), rubric, labels, groups=groups, as_of=AS_OF))
    print(
        f"tune on samples: {t_tune * 1e3:.0f} ms vs {t_run * 1e3:.0f} ms for the run that made "
        f"its evidence ({100 * t_tune / t_run:.1f}% of it); held-out AUC {res.before.auc:.3f} -> "
        f"{res.after.auc:.3f} on {res.n_labels} labels"
    )


def livecareer_round() -> None:
    if not LIVECAREER.exists():
        print(f"livecareer round: skipped ({LIVECAREER} is absent)")
        return
    rubric = loads_rubric(RUBRIC)
    with (LIVECAREER / "labels.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    grade = {"ACCOUNTANT": "3", "FINANCE": "1", "BANKING": "1"}
    labels = pl.DataFrame(
        {
            "resume": [r["file"] for r in rows],
            "job_id": [rubric.job_id] * len(rows),
            "label": [grade.get(r["category"], "0") for r in rows],
        }
    )
    t_run, result = timed(
        lambda: run([str(LIVECAREER / r["file"]) for r in rows], [rubric], as_of=AS_OF), 1
    )
    t_tune, res = timed(lambda: tune(result.evidence(), rubric, labels, k=10, as_of=AS_OF), 1)
    print(
        f"livecareer: {len(rows)} real resumes, tune {t_tune:.2f} s vs run {t_run:.2f} s "
        f"({100 * t_tune / t_run:.1f}% of it)"
    )
    print(format_report(res).split("\n\ntop")[0])
    for w in res.warnings:
        print("warning:", w)


if __name__ == "__main__":
    reweigh_vs_rescore()
    samples_round()
    livecareer_round()
