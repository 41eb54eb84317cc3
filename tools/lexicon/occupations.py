"""O*NET and ESCO occupation texts -> per word: how many occupations use it, how concentrated."""

from __future__ import annotations

import math
import random
from collections import Counter, defaultdict
from pathlib import Path

from .common import PROFILE_LABELS, WORD, esco_profiles, esco_rows, onet_rows

Texts = dict[str, list[str]]  # occupation -> what O*NET or ESCO say about it
Groups = dict[str, str]  # occupation -> its occupation group ("onet 15", "esco 25")
Chance = dict[tuple[str, int], float]  # (taxonomy, draw size) -> mean entropy of the draws

DRAWS = 40  # random draws per taxonomy and size in chance_entropy


def occupation_texts(data: Path) -> tuple[Texts, Groups]:
    """(texts per occupation, group per occupation), keyed as ``titles`` keys them (O*NET
    code, ESCO URI): what O*NET or ESCO say about each occupation
    (description, tasks, tools, titles, skill and knowledge labels) and its occupation group
    (O*NET SOC major group, ESCO ISCO sub-major group)."""
    isco = {r["conceptUri"]: r["iscoGroup"][:2] for r in esco_rows(data, "occupations_en.csv")}
    docs: defaultdict[str, list[str]] = defaultdict(list)
    group: Groups = {}
    for name, col in (
        ("Task Statements.txt", "Task"),
        ("Occupation Data.txt", "Description"),
        ("Technology Skills.txt", "Example"),
        ("Alternate Titles.txt", "Alternate Title"),
    ):
        for r in onet_rows(data, name):
            code = r["O*NET-SOC Code"]
            docs[code].append(r[col])
            group[code] = "onet " + code[:2]
    for d in esco_profiles(data):
        parts = [d["occupation_name"], *d["alternative_names"], d["occupation_description"]]
        for k in PROFILE_LABELS:
            parts += d.get(k) or []
        docs[d["occupation_uri"]].append(" ".join(p for p in parts if p))
        group[d["occupation_uri"]] = "esco " + isco.get(d["occupation_uri"], "?")
    return dict(docs), group


def entropy(shares: list[float]) -> float:
    """The entropy (in nats) of ``shares`` once normalised to sum to 1."""
    total = sum(shares)
    return -sum(p / total * math.log(p / total) for p in shares)


def draw_size(n: int) -> int:
    """``n`` itself up to 20, above it rounded to a power of 1.1 times 20 (about 10%)."""
    return n if n <= 20 else round(20 * 1.1 ** round(math.log(n / 20, 1.1)))


def chance_entropy(tax: str, n: int, group: Groups, sizes: Counter[str], cache: Chance) -> float:
    """Mean entropy over occupation groups of ``n`` occupations of taxonomy ``tax`` drawn at
    random (seeded; ``n`` rounded by ``draw_size``, so few draws are needed; ``cache`` keeps
    each taxonomy and size's figure)."""
    b = draw_size(n)
    if (tax, b) not in cache:
        occs = sorted(o for o, g in group.items() if g.startswith(tax))
        rng = random.Random(b)
        hs = []
        for _ in range(DRAWS):
            got = Counter(group[o] for o in rng.sample(occs, min(b, len(occs))))
            hs.append(entropy([k / sizes[g] for g, k in got.items()]))
        cache[tax, b] = sum(hs) / len(hs)
    return cache[tax, b]


def _concentration(c: Counter[str], group: Groups, sizes: Counter[str], cache: Chance) -> float:
    """1 minus the entropy of the groups using a word (``c``: occupations per group) over
    that of chance, each taxonomy weighted by its occupations using the word."""
    num = den = 0.0
    for tax in ("onet", "esco"):
        groups = [g for g in sizes if g.startswith(tax)]
        n = sum(c[g] for g in groups)
        if not n:
            continue
        expected = chance_entropy(tax, n, group, sizes, cache)
        h = entropy([c[g] / sizes[g] for g in groups if c[g]])
        num += max(0.0, 1 - h / expected) * n if expected else n
        den += n
    return num / den


def occupation_df(docs: Texts, group: Groups) -> tuple[int, Counter[str], dict[str, float]]:
    """(number of occupations, in how many occupations' texts each word occurs, how
    concentrated each word is in few occupation groups), from ``occupation_texts``.

    A word most occupations use ("maintain", "ensure") tells a trade from another as little
    as "the"; "classroom" or "airframe" tells a lot.

    Concentration is 1 minus the normalised entropy of the share of each occupation group
    (O*NET SOC major group, ESCO ISCO sub-major group) whose texts use the word: "invoice"
    (0.73, clerks and accountants) and "classroom" (0.74, teachers) belong to a few groups;
    "point", "task" or "image" are every group's words. The entropy is measured against that
    of as many occupations drawn at random (``chance_entropy``): two occupations in two
    groups ("difference") are what chance gives, not a trade.
    """
    df: Counter[str] = Counter()
    per: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for occ, texts in docs.items():
        words = set(WORD.findall(" ".join(texts).lower()))
        df.update(words)
        for w in words:
            per[w][group[occ]] += 1
    sizes = Counter(group.values())
    cache: Chance = {}
    conc = {w: _concentration(c, group, sizes, cache) for w, c in per.items()}
    return len(docs), df, conc
