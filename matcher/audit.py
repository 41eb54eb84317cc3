"""Audit: a ranking frame and a self-declared groups table in, adverse-impact figures out.

Input is the ranking frame ``rank`` writes (resume, job_id, rank, score, eligible, status) and a
groups table ``resume,<column>,...`` that the user supplies (the engine never infers a protected
attribute); output is an ``Audit``: per job, per group of each column and per intersection of
columns, the count, the selection rate at a cut (top N, a score threshold, or eligible), the
scoring rate (share scoring above the job's median, as New York City's Local Law 144 defines it
for scores), each rate's impact ratio against the highest group's, the four-fifths flag, a
two-sided Fisher exact test p-value of the selection and a small-sample flag. ``matcher tune``'s
guardrail uses the same ``selection_ratios``.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

import polars as pl

from matcher.errors import MatcherError

FOUR_FIFTHS = 0.8
# Below this many people an impact ratio swings by a fifth or more with one person: the figure
# is shown, flagged, and never taken as the reference group.
SMALL_GROUP = 10
_JOIN = " × "


class AuditError(MatcherError):
    """A groups table or a cut that cannot be used; the message says which line and why."""

    status = "bad_groups"


@dataclass(frozen=True, slots=True)
class Cut:
    """Who counts as selected: the top ``top`` of each job, eligible resumes scoring at least
    ``threshold``, or (neither given) every eligible resume."""

    top: int | None = None
    threshold: float | None = None

    def __post_init__(self) -> None:
        if self.top is not None and self.threshold is not None:
            raise AuditError("choose one cut: a top N or a score threshold", status="bad_cut")
        if self.top is not None and self.top < 1:
            raise AuditError("the top N must be 1 or more", status="bad_cut")
        if self.threshold is not None and not 0 <= self.threshold <= 100:  # NaN fails too
            raise AuditError("the threshold must be a score from 0 to 100", status="bad_cut")

    def describe(self) -> str:
        """The cut in words, as reports print it."""
        if self.top is not None:
            return f"top {self.top}"
        if self.threshold is not None:
            return f"eligible and score >= {self.threshold:g}"
        return "eligible"

    def expr(self) -> pl.Expr:
        """The selected rows of a ranking frame."""
        if self.top is not None:
            return pl.col("rank") <= self.top
        if self.threshold is not None:
            return pl.col("eligible") & (pl.col("score") >= self.threshold)
        return pl.col("eligible").fill_null(False)


@dataclass(frozen=True, slots=True)
class Audit:
    """The figures (``frame``, one row per job and group) and what could not be used."""

    frame: pl.DataFrame
    cut: Cut
    groups_sha256: str
    problems: tuple[str, ...]  # group rows naming no single resume of the ranking


COLUMNS = {
    "job_id": pl.String,
    "attribute": pl.String,
    "group": pl.String,
    "n": pl.Int64,
    "selected": pl.Int64,
    "selection_rate": pl.Float64,
    "impact_ratio": pl.Float64,
    "below_four_fifths": pl.Boolean,
    "above_median": pl.Int64,
    "scoring_rate": pl.Float64,
    "scoring_impact_ratio": pl.Float64,
    "scoring_below_four_fifths": pl.Boolean,
    "fisher_p": pl.Float64,
    "small_sample": pl.Boolean,
    "cut": pl.String,
}


# ---------------------------------------------------------------- groups


def resolver(resumes: Sequence[str]) -> Mapping[str, tuple[str, ...]]:
    """Every way a groups or labels file may name a resume -> the resumes it names: the path as
    given, any trailing part of it (``pdf/ACCOUNTANT/1.pdf``, the file name) and the file's stem.

    A key naming several resumes maps to all of them, so callers report it rather than guess.

    >>> resolve = resolver(["in/cv.pdf", "in/cv.txt"])
    >>> resolve["cv.pdf"], resolve["cv"]
    (('in/cv.pdf',), ('in/cv.pdf', 'in/cv.txt'))
    """
    keys: dict[str, set[str]] = {}
    for r in resumes:
        parts = Path(r).parts
        for key in (Path(r).stem, *("/".join(parts[i:]) for i in range(len(parts)))):
            keys.setdefault(key, set()).add(r)
    exact = {r: (r,) for r in resumes}  # the path as given always wins over a name or stem
    return {**{k: tuple(sorted(v)) for k, v in keys.items()}, **exact}


def read_groups_table(path: str | Path) -> tuple[pl.DataFrame, str]:
    """A groups CSV ``resume,<column>,...`` as strings, and the file's sha256.

    Raises:
        AuditError: the file cannot be read, has no ``resume`` column or no group column, a
            column name repeats, or a resume is listed twice.
    """
    p = Path(path)
    try:
        raw = p.read_bytes()
        frame = pl.read_csv(raw.removeprefix(b"\xef\xbb\xbf"), infer_schema=False)
    except (OSError, pl.exceptions.PolarsError) as e:
        raise AuditError(f"{p}: cannot read groups: {e}") from None
    check_groups(frame, str(p))
    return frame, hashlib.sha256(raw).hexdigest()


def check_groups(frame: pl.DataFrame, name: str = "<groups>") -> None:
    """Raise ``AuditError`` listing every problem of a groups table (see ``read_groups_table``)."""
    problems = []
    if "resume" not in frame.columns:
        problems.append("needs a 'resume' column (then one column per attribute: sex,race...)")
    elif len(frame.columns) < 2:
        problems.append("needs at least one group column besides 'resume'")
    if any(c.startswith("duplicated") or not c.strip() for c in frame.columns):
        problems.append("a column has no name or its name repeats")
    if "resume" in frame.columns:
        seen: dict[str, int] = {}
        for line, r in enumerate(frame["resume"].cast(pl.String).to_list(), start=2):
            key = (r or "").strip()
            if not key:
                problems.append(f"line {line}: the resume is empty")
            elif key in seen:
                problems.append(f"line {line}: {key} is listed again (first on line {seen[key]})")
            else:
                seen[key] = line
    if frame.height == 0 and not problems:
        problems.append("no rows")
    if problems:
        raise AuditError(f"{name}: bad groups file\n" + "\n".join(f"  {p}" for p in problems))


def assign(
    resumes: Sequence[str], groups: pl.DataFrame, columns: Sequence[str]
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Each resume's declared values of ``columns`` (empty where undeclared) and the rows of
    ``groups`` that name no single resume of ``resumes``."""
    resolve = resolver(resumes)
    out: dict[str, tuple[str, ...]] = {}
    problems = []
    rows = groups.select(pl.col("resume", *columns).cast(pl.String)).rows()
    for line, (resume, *values) in enumerate(rows, start=2):
        hits = resolve.get((resume or "").strip(), ())
        if len(hits) != 1:
            why = "is not in the ranking" if not hits else f"names {len(hits)} resumes"
            problems.append(f"groups line {line}: {resume!r} {why}")
        else:
            out.setdefault(hits[0], tuple((v or "").strip() for v in values))
    return out, problems


# ---------------------------------------------------------------- figures


def selection_ratios(selected: set[str], group_of: Mapping[str, str]) -> dict[str, float | None]:
    """Each group's selection rate divided by the highest rate among groups of at least
    ``SMALL_GROUP`` people (among all groups when none is that large); ``None`` when no group
    is selected at all. The four-fifths rule flags a ratio below 0.80.

    >>> selection_ratios({"a", "c"}, {"a": "x", "b": "x", "c": "y"})
    {'x': 0.5, 'y': 1.0}
    """
    members: dict[str, list[str]] = {}
    for r, g in group_of.items():
        members.setdefault(g, []).append(r)
    rates = {g: sum(r in selected for r in m) / len(m) for g, m in sorted(members.items())}
    return _ratios(rates, {g: len(m) for g, m in members.items()})


def _ratios(rates: Mapping[str, float], sizes: Mapping[str, int]) -> dict[str, float | None]:
    big = [rates[g] for g in rates if sizes[g] >= SMALL_GROUP] or list(rates.values())
    top = max(big, default=0.0)
    return {g: (r / top if top > 0 else None) for g, r in rates.items()}


def fisher_exact(a: int, b: int, c: int, d: int) -> float:
    """Two-sided Fisher exact test p-value of the 2x2 table ``[[a, b], [c, d]]``: the chance,
    with the margins fixed, of a table at most as likely as this one.

    >>> f"{fisher_exact(8, 2, 1, 5):.4f}"
    '0.0350'
    >>> fisher_exact(1, 1, 1, 1)
    1.0
    """
    row1, col1, n = a + b, a + c, a + b + c + d
    if n == 0:
        return 1.0
    logn = _lcomb(n, col1)

    def logp(x: int) -> float:
        return _lcomb(row1, x) + _lcomb(n - row1, col1 - x) - logn

    lo, hi = max(0, col1 - (n - row1)), min(row1, col1)
    observed = logp(a)
    p = sum(math.exp(logp(x)) for x in range(lo, hi + 1) if logp(x) <= observed + 1e-7)
    return min(1.0, round(p, 12))  # the sum of floats may miss 1.0 by an ulp or two


def _lcomb(n: int, k: int) -> float:
    return math.lgamma(n + 1) - math.lgamma(k + 1) - math.lgamma(n - k + 1)


def audit(ranking: pl.DataFrame, groups: pl.DataFrame, cut: Cut | None = None) -> Audit:
    """Adverse-impact figures of a ranking, per job, group and intersection of groups.

    Args:
        ranking: a ranking frame (``matcher score``'s table; failure rows are left out).
        groups: ``resume`` and one column per attribute (sex, race...), values as declared;
            an empty cell leaves that resume out of that attribute and its intersections.
        cut: who counts as selected (default: every eligible resume).

    Returns:
        an ``Audit``: rows for each attribute's groups, then for each intersection of two or
        more attributes (``sex × race``, groups ``female × Black``), in name order.

    Raises:
        AuditError: a groups table without a ``resume`` column or group columns.

    >>> ranking = pl.DataFrame({"resume": ["a", "b", "c", "d"], "job_id": ["j"] * 4,
    ...     "rank": [1, 2, 3, 4], "score": [90.0, 80.0, 70.0, 60.0], "eligible": [True] * 4,
    ...     "status": ["ok"] * 4})
    >>> groups = pl.DataFrame({"resume": ["a", "b", "c", "d"], "sex": ["f", "m", "m", "f"]})
    >>> audit(ranking, groups, Cut(top=1)).frame.select("group", "selected", "impact_ratio").rows()
    [('f', 1, 1.0), ('m', 0, 0.0)]
    """
    cut = cut or Cut()
    check_groups(groups)
    columns = [c for c in groups.columns if c != "resume"]
    scored = ranking.filter(pl.col("status") == "ok") if "status" in ranking.columns else ranking
    resumes = sorted(set(scored["resume"].to_list()))
    declared, problems = assign(resumes, groups, columns)
    attributes = [(c,) for c in range(len(columns))] + [
        combo
        for size in range(2, len(columns) + 1)
        for combo in combinations(range(len(columns)), size)
    ]
    rows: list[dict[str, object]] = []
    for job in sorted(set(scored["job_id"].to_list())):
        of_job = scored.filter(pl.col("job_id") == job)
        selected = set(of_job.filter(cut.expr())["resume"].to_list())
        scores = dict(zip(of_job["resume"].to_list(), of_job["score"].to_list(), strict=True))
        median = _median(list(scores.values()))
        above = {r for r, s in scores.items() if s is not None and s > median}
        for combo in attributes:
            group_of = {
                r: _JOIN.join(v[i] for i in combo)
                for r, v in declared.items()
                if r in scores and all(v[i] for i in combo)
            }
            rows += _rows(job, _JOIN.join(columns[i] for i in combo), group_of, selected, above)
    for row in rows:
        row["cut"] = cut.describe()
    frame = (
        pl.DataFrame(rows, schema=COLUMNS, orient="row") if rows else pl.DataFrame(schema=COLUMNS)
    )
    digest = hashlib.sha256(groups.write_csv().encode()).hexdigest()
    return Audit(frame, cut, digest, tuple(problems))


def _median(values: list[float]) -> float:
    xs = sorted(v for v in values if v is not None)
    if not xs:
        return math.inf
    mid = len(xs) // 2
    return xs[mid] if len(xs) % 2 else (xs[mid - 1] + xs[mid]) / 2


def _rows(
    job: str, attribute: str, group_of: Mapping[str, str], selected: set[str], above: set[str]
) -> list[dict[str, object]]:
    members: dict[str, list[str]] = {}
    for r, g in group_of.items():
        members.setdefault(g, []).append(r)
    sizes = {g: len(m) for g, m in members.items()}
    sel = {g: sum(r in selected for r in m) for g, m in members.items()}
    high = {g: sum(r in above for r in m) for g, m in members.items()}
    sel_ratio = _ratios({g: sel[g] / sizes[g] for g in members}, sizes)
    score_ratio = _ratios({g: high[g] / sizes[g] for g in members}, sizes)
    total, total_sel = sum(sizes.values()), sum(sel.values())
    out = []
    for g in sorted(members):
        n, s = sizes[g], sel[g]
        rest, rest_sel = total - n, total_sel - s
        out.append(
            {
                "job_id": job,
                "attribute": attribute,
                "group": g,
                "n": n,
                "selected": s,
                "selection_rate": s / n,
                "impact_ratio": sel_ratio[g],
                "below_four_fifths": _below(sel_ratio[g]),
                "above_median": high[g],
                "scoring_rate": high[g] / n,
                "scoring_impact_ratio": score_ratio[g],
                "scoring_below_four_fifths": _below(score_ratio[g]),
                "fisher_p": fisher_exact(s, n - s, rest_sel, rest - rest_sel) if rest else None,
                "small_sample": n < SMALL_GROUP,
            }
        )
    return out


def _below(ratio: float | None) -> bool | None:
    return None if ratio is None else ratio < FOUR_FIFTHS - 1e-9


def format_audit(result: Audit) -> str:
    """The audit as text for a terminal: one block per job, one line per group."""
    if result.frame.is_empty():
        return "no scored resume of the ranking has a declared group"
    lines = [
        f"selection: {result.cut.describe()}; scoring rate: share above the job's median score; "
        f"ratio = rate / highest group's rate (groups of {SMALL_GROUP}+); "
        "* = below four-fifths (0.80); ~ = fewer than "
        f"{SMALL_GROUP} people: the ratio is not meaningful"
    ]
    for (job,), part in result.frame.group_by(["job_id"], maintain_order=True):
        lines.append(f"\n{job}")
        lines.append(
            f"  {'attribute':<14} {'group':<22} {'n':>4} {'sel':>4} {'rate':>5} {'ratio':>6}"
            f" {'>med':>4} {'rate':>5} {'ratio':>6} {'fisher p':>8}"
        )
        for r in part.iter_rows(named=True):
            lines.append(
                f"  {r['attribute']:<14} {r['group'] + ('~' if r['small_sample'] else ''):<22}"
                f" {r['n']:>4} {r['selected']:>4} {r['selection_rate']:>5.2f}"
                f" {_ratio(r['impact_ratio'], r['below_four_fifths']):>6}"
                f" {r['above_median']:>4} {r['scoring_rate']:>5.2f}"
                f" {_ratio(r['scoring_impact_ratio'], r['scoring_below_four_fifths']):>6}"
                f" {'-' if r['fisher_p'] is None else format(r['fisher_p'], '.3f'):>8}"
            )
    return "\n".join(lines)


def _ratio(v: float | None, below: bool | None) -> str:
    return "-" if v is None else f"{v:.2f}" + ("*" if below else "")
