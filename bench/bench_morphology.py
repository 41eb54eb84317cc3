"""Morphology: which English lemmatiser or stemmer decides when two word forms meet.

The morphology match level says a resume word is the same word as a rubric term's, inflected
("teachers" for "teacher", "taught" for "teaching", "audits" for "auditing"). A wrong merge is a
wrong credit a recruiter acts on ("baking" for "banking", "marketing" for "market",
"engine" for "engineering"), so precision matters more than recall. This bench scores three
candidates on labelled word pairs (``PAIRS``: should meet / must not meet), and times them:

- simplemma (dictionary lemmatiser, inflection only);
- snowballstemmer (the Porter2 English stemmer: suffix rules, derivation included);
- lemminflect (English lemmas per part of speech; two forms meet when any lemmas are shared).

Prints precision and recall of "meets" for each, the wrong merges and misses, and microseconds
per word. Run: .venv/bin/python bench/bench_morphology.py (lemminflect and snowballstemmer are
measured only when installed: ``pip install lemminflect snowballstemmer``).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

# (form a, form b, same word?) — inflections meet; derivations and look-alikes do not.
PAIRS: tuple[tuple[str, str, bool], ...] = (
    # inflections of nouns
    ("teacher", "teachers", True),
    ("nurse", "nurses", True),
    ("audit", "audits", True),
    ("analysis", "analyses", True),
    ("child", "children", True),
    ("supply", "supplies", True),
    ("policy", "policies", True),
    ("process", "processes", True),
    ("statement", "statements", True),
    ("classroom", "classrooms", True),
    ("aircraft", "aircraft", True),
    ("patient", "patients", True),
    ("recipe", "recipes", True),
    ("lesson", "lessons", True),
    ("woman", "women", True),
    ("criterion", "criteria", True),
    ("facility", "facilities", True),
    ("inventory", "inventories", True),
    # inflections of verbs (and the -ing form as the verb)
    ("teach", "taught", True),
    ("teach", "teaching", True),
    ("teach", "teaches", True),
    ("audit", "auditing", True),
    ("audit", "audited", True),
    ("manage", "managed", True),
    ("manage", "managing", True),
    ("analyze", "analyzed", True),
    ("analyze", "analyzing", True),
    ("cook", "cooking", True),
    ("supervise", "supervised", True),
    ("write", "wrote", True),
    ("lead", "led", True),
    ("build", "built", True),
    ("sell", "sold", True),
    ("design", "designing", True),
    ("negotiate", "negotiated", True),
    ("train", "trained", True),
    ("plan", "planning", True),
    ("fly", "flew", True),
    ("drive", "driving", True),
    ("run", "ran", True),
    # derivations: another word, another meaning
    ("market", "marketing", False),
    ("account", "accounting", False),
    ("accountant", "accounts", False),
    ("engine", "engineering", False),
    ("engineer", "engine", False),
    ("organ", "organization", False),
    ("universe", "university", False),
    ("new", "news", False),
    ("general", "generation", False),
    ("operate", "operation", False),
    ("integrate", "integration", False),
    ("manager", "management", False),
    ("manage", "management", False),
    ("design", "designer", False),
    ("bank", "banker", False),
    ("commerce", "commercial", False),
    ("product", "production", False),
    ("nurse", "nursery", False),
    ("art", "artist", False),
    ("law", "lawyer", False),
    ("sale", "salesforce", False),
    ("polic", "police", False),
    ("communicate", "community", False),
    ("office", "officer", False),
    ("program", "programmer", False),
    ("conduct", "conductor", False),
    ("consult", "consultant", False),
    ("state", "statement", False),
    ("ration", "rational", False),
    ("retail", "retailer", False),
    # look-alikes
    ("banking", "baking", False),
    ("operation", "cooperation", False),
    ("vision", "visio", False),
    ("supplies", "suppliers", False),
    ("integration", "interaction", False),
    ("production", "product", False),
    ("ecommerce", "commerce", False),
    ("python", "pythons", True),
    ("physics", "physic", False),
    ("news", "new", False),
    ("sales", "sale", True),
    ("goods", "good", False),
    ("arms", "arm", True),
    ("data", "datum", True),
)


def simplemma_key() -> Callable[[str], frozenset[str]] | None:
    try:
        import simplemma
    except ImportError:
        return None
    return lambda w: frozenset({simplemma.lemmatize(w, lang="en").lower()})


def snowball_key() -> Callable[[str], frozenset[str]] | None:
    try:
        import snowballstemmer
    except ImportError:
        return None
    stem = snowballstemmer.stemmer("english")
    return lambda w: frozenset({stem.stemWord(w)})


def lemminflect_key() -> Callable[[str], frozenset[str]] | None:
    try:
        import lemminflect
    except ImportError:
        return None

    def key(w: str) -> frozenset[str]:
        lemmas = {x for forms in lemminflect.getAllLemmas(w).values() for x in forms}
        return frozenset(lemmas or {w})

    return key


def main() -> int:
    candidates = {
        "simplemma": simplemma_key(),
        "snowballstemmer": snowball_key(),
        "lemminflect": lemminflect_key(),
    }
    words = sorted({w for a, b, _ in PAIRS for w in (a, b)})
    same = sum(s for *_, s in PAIRS)
    print(f"{len(PAIRS)} labelled pairs ({same} same word, {len(PAIRS) - same} different words)")
    print(f"{'method':18}{'precision':>10}{'recall':>8}{'us/word':>9}  wrong merges | misses")
    for name, key in candidates.items():
        if key is None:
            print(f"{name:18}  (not installed)")
            continue
        key("warm")  # loads the dictionary once, outside the timing
        t0 = time.perf_counter()
        for _ in range(20):
            for w in words:
                key(w)
        per_word = (time.perf_counter() - t0) / (20 * len(words)) * 1e6
        meets = [(a, b, s) for a, b, s in PAIRS if key(a) & key(b)]
        right = sum(s for *_, s in meets)
        precision = right / len(meets) if meets else 1.0
        recall = right / same
        wrong = [f"{a}~{b}" for a, b, s in meets if not s]
        missed = [f"{a}~{b}" for a, b, s in PAIRS if s and not key(a) & key(b)]
        print(
            f"{name:18}{precision:10.2f}{recall:8.2f}{per_word:9.1f}  "
            f"{', '.join(wrong) or '-'} | {', '.join(missed) or '-'}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
