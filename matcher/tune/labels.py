"""Labels: recruiter decisions in, typed grades and the measures tuning is judged by out.

Input is a labels CSV ``resume,job_id,label`` (grades 0-3 or yes/no words) and an optional
groups CSV ``resume,group``; output is ``Labels`` (one grade per resume and job, with the file's
name and hash for provenance), the grades of one run's resumes with every row that could not be
used, ranking ``Metrics`` (NDCG@k, precision@k, AUC) of a ranking against the grades, and
``GroupRate`` rows for the four-fifths adverse-impact guardrail. Nothing here fits weights:
``round`` composes these with the learning.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import polars as pl

from matcher.audit import FOUR_FIFTHS, resolver, selection_ratios
from matcher.errors import TuneError

# Accepted label spellings (case-insensitive). Numbers 0-3 are grades; a file whose labels are
# all 0/1 or words is binary.
POSITIVE = ("advance", "advanced", "yes", "y", "true", "hire", "pass", "good", "1")
NEGATIVE = ("reject", "rejected", "no", "n", "false", "decline", "fail", "bad", "0")
GRADES = ("0", "1", "2", "3")


@dataclass(frozen=True, slots=True)
class Labels:
    """Parsed labels: ``frame`` has resume, job_id, grade (0-3) and line (in the file)."""

    frame: pl.DataFrame
    name: str
    sha256: str
    scale: str  # "graded" (good = grade >= 2) or "binary" (good = 1)

    @property
    def good_from(self) -> float:
        """The lowest grade that counts as a good (advance) decision."""
        return 2.0 if self.scale == "graded" else 1.0


@dataclass(frozen=True, slots=True)
class Metrics:
    """Ranking quality among the labelled resumes; ``None`` when it cannot be measured."""

    ndcg: float | None
    precision: float | None
    auc: float | None


@dataclass(frozen=True, slots=True)
class GroupRate:
    """Selection at the cut-off for one group, before and after tuning (four-fifths rule)."""

    group: str
    n: int
    selected_before: int
    selected_after: int
    ratio_before: float | None  # rate / highest group's rate
    ratio_after: float | None


# ---------------------------------------------------------------- inputs


def read_labels(path: str | Path) -> Labels:
    """Read a labels CSV ``resume,job_id,label``; raise ``TuneError`` listing every bad line."""
    p = Path(path)
    try:
        raw = p.read_bytes()
        frame = pl.read_csv(raw.removeprefix(b"\xef\xbb\xbf"), infer_schema=False)  # Excel's BOM
    except (OSError, pl.exceptions.PolarsError) as e:
        raise TuneError(f"{p}: cannot read labels: {e}") from None
    return parse_labels(frame, name=p.name, sha256=hashlib.sha256(raw).hexdigest())


def parse_labels(frame: pl.DataFrame, *, name: str = "<labels>", sha256: str = "") -> Labels:
    """Check and normalise a labels table (columns resume, job_id, label, as strings).

    Labels are grades 0-3, or binary: advance/reject, yes/no, y/n, true/false, hire/decline,
    pass/fail, good/bad, 1/0 (any case). A file mixes no grades 2-3 with words.

    >>> parse_labels(pl.DataFrame({"resume": ["a.pdf"], "job_id": ["j"], "label": ["Advance"]})).scale
    'binary'
    """
    missing = [c for c in ("resume", "job_id", "label") if c not in frame.columns]
    if missing:
        raise TuneError(f"{name}: labels need columns resume, job_id, label (missing {missing})")
    rows = frame.select(pl.col("resume", "job_id", "label").cast(pl.String)).rows()
    problems, out = [], []
    for line, (resume, job, label) in enumerate(rows, start=2):
        text = (label or "").strip().lower()
        if not (resume or "").strip() or not (job or "").strip():
            problems.append(f"line {line}: resume and job_id must not be empty")
        elif text not in (*POSITIVE, *NEGATIVE, *GRADES):
            problems.append(f"line {line}: label {label!r} is not 0-3 or a yes/no word")
        else:
            grade = float(text) if text in GRADES else 1.0 if text in POSITIVE else 0.0
            out.append((resume.strip(), job.strip(), grade, line, text in GRADES))
    graded = any(g >= 2 for _, _, g, _, _ in out)
    if graded and not all(num for *_, num in out):
        problems.append("labels mix grades 2-3 with yes/no words: use one scale")
    seen: dict[tuple[str, str], float] = {}
    for resume, job, grade, line, _ in out:
        if seen.setdefault((resume, job), grade) != grade:
            problems.append(f"line {line}: {resume} for {job} is labelled twice, differently")
    if not out and not problems:
        problems.append("no label rows")
    if problems:
        raise TuneError(f"{name}: bad labels\n" + "\n".join(f"  {p}" for p in problems))
    df = pl.DataFrame(
        [r[:4] for r in out],
        schema={"resume": pl.String, "job_id": pl.String, "grade": pl.Float64, "line": pl.Int64},
        orient="row",
    ).unique(["resume", "job_id"], keep="first", maintain_order=True)
    digest = sha256 or hashlib.sha256(df.write_csv().encode()).hexdigest()
    return Labels(df, name, digest, "graded" if graded else "binary")


def read_groups(path: str | Path) -> pl.DataFrame:
    """Read a groups CSV ``resume,group`` (for the adverse-impact guardrail only)."""
    p = Path(path)
    try:
        frame = pl.read_csv(p, infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as e:
        raise TuneError(f"{p}: cannot read groups: {e}", status="bad_groups") from None
    if not {"resume", "group"} <= set(frame.columns):
        raise TuneError(f"{p}: groups need columns resume, group", status="bad_groups")
    return frame.select("resume", "group")


def match_labels(
    labels: Labels, job_id: str, resolve: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, float], list[str]]:
    """Grades of this job's resumes, and every label row that could not be used, with why.

    Args:
        labels: the parsed labels, of any number of jobs.
        job_id: the job being tuned; rows for other jobs are reported, not used.
        resolve: from ``resolver`` over the resumes of the run.

    Returns:
        ``{resume as given in the run: grade}`` and the problems, one line per unused row.

    >>> labels = parse_labels(pl.DataFrame({"resume": ["cv", "x"], "job_id": ["j", "j"],
    ...     "label": ["yes", "no"]}))
    >>> match_labels(labels, "j", resolver(["in/cv.pdf"]))
    ({'in/cv.pdf': 1.0}, ["line 3: 'x' is not in this run (not given, or unreadable)"])
    """
    problems = [
        f"job {job}: {count} labels for another job than {job_id}, not used"
        for job, count in labels.frame.filter(pl.col("job_id") != job_id)
        .group_by("job_id")
        .len()
        .sort("job_id")
        .rows()
    ]
    grade_of: dict[str, float] = {}
    for resume, _, grade, line in labels.frame.filter(pl.col("job_id") == job_id).rows():
        hits = resolve.get(resume, ())
        if not hits:
            problems.append(
                f"line {line}: {resume!r} is not in this run (not given, or unreadable)"
            )
        elif len(hits) > 1:
            problems.append(f"line {line}: {resume!r} names {len(hits)} resumes: give the path")
        elif hits[0] in grade_of:
            problems.append(f"line {line}: {hits[0]} is labelled again, first label kept")
        else:
            grade_of[hits[0]] = grade
    return grade_of, problems


# ---------------------------------------------------------------- metrics


def _order(keys: Sequence[tuple[bool, float, str]]) -> list[int]:
    """Indices best first, as ``rank`` orders: eligible, then score (2 decimals), then name."""
    return sorted(range(len(keys)), key=lambda i: (not keys[i][0], -keys[i][1], keys[i][2]))


def ranking_metrics(
    keys: Sequence[tuple[bool, float, str]], grades: Sequence[float], good: float, k: int
) -> Metrics:
    """NDCG@k (gain 2^grade - 1), precision@k (share of good in the top k) and AUC (chance a
    good resume ranks above another, ties half) of ``keys`` ranked as ``rank`` ranks them.

    Args:
        keys: ``(eligible, score, name)`` per resume, the sort key of a ranking.
        grades: the label grade of each resume, in the same order.
        good: the lowest grade that counts as good (``Labels.good_from``).
        k: the cut-off of NDCG and precision.

    >>> ranking_metrics([(True, 90.0, "a"), (True, 50.0, "b")], [0.0, 1.0], 1.0, 2)
    Metrics(ndcg=0.6309297535714575, precision=0.5, auc=0.0)
    """
    order = _order(keys)
    gains = [2.0 ** grades[i] - 1.0 for i in order]
    ideal = sorted(gains, reverse=True)
    dcg = [sum(g / math.log2(r + 2) for r, g in enumerate(gs[:k])) for gs in (gains, ideal)]
    top = order[: min(k, len(order))]
    pos = [i for i in range(len(keys)) if grades[i] >= good]
    neg = [i for i in range(len(keys)) if grades[i] < good]

    def beats(a: int, b: int) -> float:
        ka, kb = (not keys[a][0], -keys[a][1]), (not keys[b][0], -keys[b][1])
        return 1.0 if ka < kb else 0.5 if ka == kb else 0.0

    return Metrics(
        ndcg=dcg[0] / dcg[1] if dcg[1] > 0 else None,
        precision=sum(grades[i] >= good for i in top) / len(top) if top else None,
        auc=sum(beats(p, n) for p in pos for n in neg) / (len(pos) * len(neg))
        if pos and neg
        else None,
    )


# ---------------------------------------------------------------- the guardrail


def impact_ratios(
    before: pl.DataFrame,
    after: pl.DataFrame,
    groups: pl.DataFrame,
    k: int,
    threshold: float | None,
) -> tuple[tuple[GroupRate, ...], list[str], list[str]]:
    """Selection rates per group at the cut-off, their ratio to the top group's rate, warnings.

    Args:
        before, after: rankings (resume, rank, score, eligible) of one job with the current
            and the tuned weights.
        groups: ``resume,group`` rows; a resume may be named as ``resolver`` allows.
        k: select the top k of each ranking, unless ``threshold`` is given.
        threshold: select every eligible resume scoring at least this.

    Returns:
        a ``GroupRate`` per group (by name), the group rows that name no single resume of
        the run, and warnings: a group the tuning pushes below four-fifths (0.80) of the top
        group's rate, or one already below it.
    """
    resolve = resolver(before["resume"].to_list())
    group_of: dict[str, str] = {}
    problems: list[str] = []
    for line, (resume, group) in enumerate(groups.select("resume", "group").rows(), start=2):
        hits = resolve.get(str(resume), ()) if resume and group else ()
        if len(hits) == 1:
            group_of.setdefault(hits[0], str(group))
        else:
            problems.append(f"groups line {line}: {resume!r} is not one resume of this run")
    notes = []
    if len(group_of) < len(before):
        notes.append(
            f"{len(before) - len(group_of)} resumes have no group: left out of impact ratios"
        )

    def chosen(df: pl.DataFrame) -> set[str]:
        keep = (
            pl.col("rank") <= k
            if threshold is None
            else pl.col("eligible") & (pl.col("score") >= threshold)
        )
        return set(df.filter(keep)["resume"])

    sb, sa = chosen(before), chosen(after)
    names = sorted(set(group_of.values()))
    members = {gr: [r for r, x in group_of.items() if x == gr] for gr in names}
    counts = {
        gr: (len(m), sum(r in sb for r in m), sum(r in sa for r in m)) for gr, m in members.items()
    }
    rb, ra = selection_ratios(sb, group_of), selection_ratios(sa, group_of)
    rows = tuple(GroupRate(gr, *counts[gr], rb[gr], ra[gr]) for gr in names)
    for row in rows:
        b, a = row.ratio_before, row.ratio_after
        if a is not None and a < FOUR_FIFTHS and (b is None or a < b - 1e-9):
            notes.append(
                f"adverse impact: tuning lowers group {row.group}'s selection to {a:.2f} of the "
                f"top group's rate (before: {number(b)}); four-fifths rule: below 0.80"
            )
        elif b is not None and b < FOUR_FIFTHS:
            notes.append(
                f"group {row.group} is selected at {number(a)} of the top group's rate "
                f"(before: {b:.2f}, below four-fifths already): review the rubric"
            )
    return rows, problems, notes


def number(v: float | None, fmt: str = ".2f") -> str:
    """A metric or ratio for a report; ``-`` when it could not be measured.

    >>> number(0.5), number(None), number(0.91234, ".3f")
    ('0.50', '-', '0.912')
    """
    return "-" if v is None else format(v, fmt)
