"""Benchmark the compiler on real postings: what it extracts, and how fast.

Reads ../shared/data (skips cleanly when absent):

* SkillSpan dev split: English posting sentences with skill and knowledge spans. Each posting
  is compiled; every place in its text where a criterion of the rubric is named (found with the
  same lexicon scan the compiler uses) is a predicted span. Precision is the share of predicted
  spans that overlap a gold span; recall is the share of gold spans overlapped by one.
* zhaopin-python-jd-zh dev: 123 Chinese postings with the employer's education level, years band
  and skill tags. Education accuracy over postings whose text names the labelled level;
  experience accuracy (min_years inside the employer's band) over postings whose text states
  a number of years inside that band (read by a plain regex independent of the compiler); recall
  of the tags that occur in the text (a tag counts when the lexicon reads it as criteria that
  are all in the rubric: "python爬虫" needs Python and web crawling).
* The keyword criteria (specific posting words, not lexicon terms) are not counted above; their
  occurrences in SkillSpan dev are checked on their own: the share inside a gold span.

Each figure is printed for the full lexicon and for a baseline in the same run: the curated
table alone (no ESCO/O*NET/THUOCL terms). Timing is a ratio to that baseline.
Run: .venv/bin/python bench/bench_compiler.py
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from matcher.compiler.criteria import compile_text
from matcher.errors import PostingError
from matcher.rubric.model import Rubric
from matcher.text import normalize_term
from matcher.vocab.lexicon import Lexicon, default_lexicon

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
SKILL_KINDS = {"skill", "tool", "domain", "language", "certification", "soft_skill"}
EDU = {
    "本科": "bachelor",
    "大专": "associate",
    "硕士": "master",
    "博士": "doctorate",
    "高中": "highschool",
}
# The words that state each level in a posting (the employer's label is checked only where
# the text states it: "学历不限" or "本科以上" under a 大专 label is label noise, not a miss).
EDU_WORDS = {
    "本科": "本科",
    "大专": "大专|专科",
    "硕士": "硕士|研究生",
    "博士": "博士",
    "高中": "高中|中专",
}
# An independent, plain reading of "N年...经验"; a posting states its band when N lies in it.
YEARS_WORD = re.compile(
    r"(\d{1,2}|[一二两三四五六七八九十])\s*(?:[-~至到]\s*\d{1,2}\s*)?年[^，。；\n]{0,20}经验"
)
CN = dict(zip("一二两三四五六七八九十", (1, 2, 2, 3, 4, 5, 6, 7, 8, 9, 10), strict=True))


def _compile(text: str, lex: Lexicon) -> Rubric | None:
    try:
        return compile_text(text, stem="b", lexicon=lex)[0]
    except PostingError:
        return None


def _spans(tokens: list[str], tags: list[str]) -> list[tuple[int, int]]:
    """Character spans of BIO-tagged runs in ``" ".join(tokens)``."""
    out, start, pos, end = [], None, 0, 0
    for tok, tag in zip(tokens, tags, strict=True):
        if tag.startswith("B") or (tag.startswith("I") and start is None):
            if start is not None:
                out.append((start, end))
            start = pos
        elif not tag.startswith("I") and start is not None:
            out.append((start, end))
            start = None
        end = pos + len(tok)
        pos = end + 1
    if start is not None:
        out.append((start, end))
    return out


def skillspan(lex: Lexicon) -> dict[str, float]:
    """Precision, recall (all, knowledge spans, skill spans) and counts on SkillSpan dev."""
    postings: dict[tuple[str, int], list[dict[str, object]]] = {}
    for line in (DATA / "skillspan" / "dev.json").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        postings.setdefault((row["source"], row["idx"]), []).append(row)
    n = dict.fromkeys(
        ("tp_pred", "pred", "hit_k", "k", "hit_s", "s", "tp_kw", "kw", "tp_w", "w"), 0
    )
    for rows in postings.values():
        sentences = [" ".join(r["tokens"]) for r in rows]  # type: ignore[arg-type]
        rubric = _compile("\n".join(sentences), lex)
        labels = {c.label for c in rubric.criteria if c.kind in SKILL_KINDS} if rubric else set()
        words = [c.label for c in rubric.criteria if c.kind == "keyword"] if rubric else []
        keyword = re.compile(
            r"\b(?:" + "|".join(map(re.escape, words)) + r")(?:e?s)?\b", re.I
        ) if words else None  # fmt: skip
        for text, r in zip(sentences, rows, strict=True):
            pred = [(h.start, h.end) for h in lex.scan(text) if h.term.label in labels]
            gold = {
                "s": _spans(r["tokens"], r["tags_skill"]),  # type: ignore[arg-type]
                "k": _spans(r["tokens"], r["tags_knowledge"]),  # type: ignore[arg-type]
            }
            every = gold["s"] + gold["k"]
            n["pred"] += len(pred)
            n["tp_pred"] += sum(any(s < ge and gs < e for gs, ge in every) for s, e in pred)
            # Keyword criteria (specific posting words): how often they sit inside a gold span.
            kw = [m.span() for m in keyword.finditer(text)] if keyword else []
            n["kw"] += len(kw)
            n["tp_kw"] += sum(any(s < ge and gs < e for gs, ge in every) for s, e in kw)
            # The chance level: every word of three letters or more.
            anyw = [m.span() for m in re.finditer(r"\b[A-Za-z]{3,}\b", text)]
            n["w"] += len(anyw)
            n["tp_w"] += sum(any(s < ge and gs < e for gs, ge in every) for s, e in anyw)
            for kind, spans in gold.items():
                n[kind] += len(spans)
                n["hit_" + kind] += sum(any(s < ge and gs < e for s, e in pred) for gs, ge in spans)
    return {
        "precision": n["tp_pred"] / max(n["pred"], 1),
        "recall": (n["hit_k"] + n["hit_s"]) / max(n["k"] + n["s"], 1),
        "recall_knowledge": n["hit_k"] / max(n["k"], 1),
        "recall_skill": n["hit_s"] / max(n["s"], 1),
        "predicted": n["pred"],
        "gold": n["k"] + n["s"],
        "keyword_precision": n["tp_kw"] / max(n["kw"], 1),
        "keyword_predicted": n["kw"],
        "word_precision": n["tp_w"] / max(n["w"], 1),
    }


def _band(exp: str) -> tuple[float, float] | None:
    m = re.match(r"(\d+)-(\d+)年", exp)
    if m:
        return float(m.group(1)), float(m.group(2))
    return (0.0, 1.0) if exp == "1年以下" else None


def _tag_recalled(tag: str, rubric: Rubric, lex: Lexicon) -> bool:
    # An any-of criterion ("JAVA、Python或Scala") names each of its alternatives.
    labels = {c.label for c in rubric.criteria} | {a for c in rubric.criteria for a in c.any_of}
    hits = lex.scan(tag)
    covered = sum(h.end - h.start for h in hits)
    word_chars = len(re.sub(r"[\W_]", "", tag))
    return bool(hits) and covered >= word_chars and all(h.term.label in labels for h in hits)


def zhaopin(lex: Lexicon) -> dict[str, tuple[int, int]]:
    """{measure: (right, out of)} for education, experience and skill-tag recall."""
    rows = [json.loads(x) for x in (DATA / "zhaopin-python-jd-zh" / "dev.jsonl").open()]
    got = {
        k: [0, 0] for k in ("education", "experience", "tags", "edu, any label", "exp, any label")
    }
    for row in rows:
        text = row["job_detail"]
        rubric = _compile(text, lex)
        crits = {c.kind: c for c in rubric.criteria} if rubric else {}
        if row["eduLevel"] in EDU:  # strict: every labelled posting, stated or not
            edu = crits.get("education")
            got["edu, any label"][1] += 1
            got["edu, any label"][0] += bool(edu and edu.min_level == EDU[row["eduLevel"]])
        if _band(row["workingExp"]):
            lo, hi = _band(row["workingExp"])  # type: ignore[misc]
            exp = crits.get("experience")
            got["exp, any label"][1] += 1
            got["exp, any label"][0] += bool(exp and lo <= (exp.min_years or -1) <= hi)
        if row["eduLevel"] in EDU and re.search(EDU_WORDS[row["eduLevel"]], text):
            got["education"][1] += 1
            edu = crits.get("education")
            got["education"][0] += bool(edu and edu.min_level == EDU[row["eduLevel"]])
        band = _band(row["workingExp"])
        m = YEARS_WORD.search(text)
        stated = float(CN.get(m.group(1)) or int(m.group(1))) if m else None
        if band and stated is not None and band[0] <= stated <= band[1]:
            got["experience"][1] += 1
            exp = crits.get("experience")
            ok = exp is not None and exp.min_years is not None
            got["experience"][0] += bool(ok and band[0] <= exp.min_years <= band[1])  # type: ignore[union-attr,operator]
        folded = normalize_term(text)
        for tag in filter(None, row["job_skills"].split("\n")):
            if normalize_term(tag) in folded:
                got["tags"][1] += 1
                got["tags"][0] += bool(rubric and _tag_recalled(tag, rubric, lex))
    return {k: (v[0], v[1]) for k, v in got.items()}


def _timed(fn: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def main() -> int:
    """Print the figures; return 0 (also when the data is absent: a clean skip)."""
    if not DATA.exists():
        print(f"skip: {DATA} is not here (optional development data)")
        return 0
    full = default_lexicon()
    curated = replace(full, terms=tuple(t for t in full.terms if t.source == "curated"))
    print(f"lexicon: {len(full.terms)} terms ({len(curated.terms)} curated)")
    for name, lex in (("curated only (baseline)", curated), ("full lexicon", full)):
        print(f"== {name}")
        if (DATA / "skillspan").exists():
            m = skillspan(lex)
            print(
                f"  skillspan dev: precision {m['precision']:.3f}  recall {m['recall']:.3f}"
                f" (knowledge {m['recall_knowledge']:.3f}, skill {m['recall_skill']:.3f};"
                f" {m['predicted']:.0f} predicted, {m['gold']:.0f} gold spans)"
            )
            print(
                f"  skillspan dev keyword criteria: {m['keyword_predicted']:.0f} occurrences,"
                f" {m['keyword_precision']:.3f} inside a gold skill or knowledge span"
                f" (any word: {m['word_precision']:.3f})"
            )
        if (DATA / "zhaopin-python-jd-zh").exists():
            for k, (right, total) in zhaopin(lex).items():
                aim = {"education": "; aim 0.9", "experience": "; aim 0.9", "tags": "; aim 0.85"}
                ratio = right / max(total, 1)
                print(f"  zhaopin {k:14s}: {ratio:.3f}  ({right}/{total}{aim.get(k, '')})")
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    zh = DATA / "zhaopin-python-jd-zh" / "dev.jsonl"
    jds = [json.loads(x)["job_detail"] for x in zh.open()] if zh.exists() else []
    texts = seeds + jds
    base = _timed(lambda: [_compile(t, curated) for t in texts])
    mine = _timed(lambda: [_compile(t, full) for t in texts])
    chars = sum(map(len, texts))
    print(f"== speed over {len(texts)} postings ({chars / 1e3:.0f} k chars)")
    print(
        f"  curated only: {base * 1e3:.0f} ms; full lexicon: {mine * 1e3:.0f} ms ({mine / base:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
