"""ESCO and O*NET labels, SkillSpan postings and occupation word counts -> words.tsv."""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from .common import (
    COMMAND,
    PROFILE_LABELS,
    SKILLSPAN,
    WORD,
    esco_profiles,
    onet_rows,
    report,
    singular,
)
from .occupations import Groups, Texts, occupation_df

# Closed-class words (prepositions, conjunctions, determiners, pronouns, auxiliaries) and the
# commonest adverbs: grammar in any text, never a trade's word, though ESCO labels hold some of
# them ("work under pressure", "according to").
CLOSED = set(
    """
    about above according across after against along also although among any around as at
    because before behind below beneath beside besides between beyond both but by
    despite down during each either else etc even ever every except few for from further
    hence however if in inside into its itself just less least like many may might more most
    much must near neither nor not now of off on once only onto or other others otherwise out
    outside over own per plus rather same several shall should since so some such
    than that the their them then there these they this those though through throughout thus
    till to too toward towards under underneath unless unlike until up upon very via was were
    what whatever when whenever where whereas whether which while who whom whose why will with
    within without would yet
    """.split()
)


@dataclass
class _Tally:
    """How often each word stands inside labels, opens them (a verb) or heads a noun phrase."""

    inside: Counter[str] = field(default_factory=Counter)
    opening: Counter[str] = field(default_factory=Counter)
    heads: Counter[str] = field(default_factory=Counter)

    def read(self, label: str, verb_first: bool, things: bool = True) -> None:
        """Count the words of ``label``; ``verb_first``: it opens with a verb ("Plan lessons");
        ``things``: its words may name things (not so in task prose)."""
        words = WORD.findall(label.lower())
        if verb_first and words:
            self.opening[words[0]] += 1
            words = words[1:]
        for i, w in enumerate(words):
            # "in order to improve": a verb again, wherever it stands
            if i and words[i - 1] == "to":
                self.opening[w] += 1
            elif things:
                self.inside[w] += 1
                if i + 1 == len(words) or words[i + 1] in ("of", "for", "in"):
                    self.heads[singular(w)] += 1

    def derived(self, w: str) -> bool:
        """ "issued", "completed" (participles), "timely", "actively" (adverbs of a word):
        the grammar around a trade's things, not things. Gerunds stay: "teaching",
        "consulting", "nursing" name trades."""
        if w.endswith("ed") and len(w) > 5 and not w.endswith("eed"):
            base = w[:-2]
            return any(b in self.inside or b in self.opening for b in (base, base + "e", w[:-1]))
        if w.endswith("ly") and len(w) > 5:
            base = w[:-2]
            return any(b in self.inside for b in (base, base + "e", base[:-1] + "y"))
        return False


def _read_esco(tally: _Tally, data: Path) -> None:
    """ESCO's skill and knowledge labels (each once) and occupation names."""
    seen: set[str] = set()
    for d in esco_profiles(data):
        for k in PROFILE_LABELS:
            for label in d.get(k) or []:
                if label not in seen:  # a skill counts once, however many jobs list it
                    seen.add(label)
                    tally.read(label, k != "essential_knowledge")  # knowledge is a noun phrase
        for name in [d["occupation_name"], *d["alternative_names"]]:
            tally.read(name, False)


def _read_onet(tally: _Tally, data: Path) -> None:
    """O*NET's task statements (only to tell verbs), tool names and alternate titles."""
    for r in onet_rows(data, "Task Statements.txt"):
        tally.read(r["Task"], True, things=False)
    for name, col in (
        ("Technology Skills.txt", "Example"),
        ("Alternate Titles.txt", "Alternate Title"),
    ):
        for r in onet_rows(data, name):
            tally.read(r[col], False)


def object_words(data: Path) -> tuple[set[str], Counter[str]]:
    """Words that name things a job deals with, not actions or manners, and how often each
    heads a label's noun phrase.

    ESCO skill labels and O*NET task statements open with a verb ("maintain aircraft
    engines", "Plan lessons"): the words after the first are what the work is about. A word
    that opens them (or follows "to") at least half as often as it stands inside them is a
    verb ("improve", "inspect", "ask"); one that never stands inside them is no thing of a
    trade. Job titles and tool names are things too. So "aircraft" and "classroom" are
    object words.

    A noun heads a phrase: it ends a label ("manage *invoices*") or stands before "of", "for",
    "in" ("*minister* of state"). "early", "latest" or "original" stand in labels only
    before their noun: never heads, they are no keyword (plurals count as their singular).
    """
    tally = _Tally()
    _read_esco(tally, data)
    _read_onet(tally, data)
    objects = {
        w for w, n in tally.inside.items() if tally.opening[w] * 2 < n and not tally.derived(w)
    }
    return objects, tally.heads


def posting_df(data: Path) -> dict[str, tuple[int, Counter[str]]]:
    """Per SkillSpan source ("tech", "house"): (postings, in how many *train* postings each
    word occurs). The dev split is left for bench_compiler.py.

    Words that postings of every source use and occupation texts do not ("experience", "team",
    "looking") are the grammar of job ads, not a trade: they never become keyword criteria.
    "software" is common only in tech postings: a trade word.
    """
    docs: defaultdict[tuple[str, int], set[str]] = defaultdict(set)
    with (data / SKILLSPAN / "train.json").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs[r["source"], r["idx"]].update(w.lower() for w in r["tokens"])
    out: dict[str, tuple[int, Counter[str]]] = {}
    for (src, _), words in sorted(docs.items()):
        n, df = out.get(src, (0, Counter()))
        df.update(words)
        out[src] = (n + 1, df)
    return out


def _grammar(
    n_occ: int, odf: Counter[str], sources: dict[str, tuple[int, Counter[str]]]
) -> set[str]:
    """Job-ad grammar: words in >= 10% of the postings of every source and at least three
    times as common there as in occupation texts ("skills" makes "skill" grammar too)."""
    grammar = set()
    for w, n in odf.items():
        p = min((pdf.get(w, 0) + 1) / (n_post + 1) for n_post, pdf in sources.values())
        if p >= 0.1 and p > 3 * (n + 1) / (n_occ + 1):
            grammar |= {w, w[:-1] if w.endswith("s") else w}
    return grammar


def write_words(path: Path, data: Path, docs: Texts, group: Groups) -> set[str]:
    """Write words.tsv: each trade word, in how many occupations it occurs, how concentrated
    in few occupation groups it is (``occupation_df``) and how often it heads a label; return
    the nouns (words that head a label: they may be keywords, ``matcher.keywords``).

    Kept: words in at least two occupations' texts (``docs``, grouped by ``group``) that name
    things (``object_words``), not job-ad grammar (``_grammar``).
    """
    n_occ, odf, conc = occupation_df(docs, group)
    grammar = _grammar(n_occ, odf, posting_df(data))
    objects, heads = object_words(data)
    lines = [
        "# Word specificity from O*NET 29.3 and ESCO v1.2.0 occupation texts, by",
        f"# {COMMAND} (see ATTRIBUTION.md): word<TAB>occupations using it<TAB>",
        "# concentration in few occupation groups (0-1)<TAB>times it heads a label's noun phrase.",
        f"*occupations\t{n_occ}",
    ]
    nouns = set()
    for w in sorted(odf):
        n = odf[w]
        if n < 2 or len(w) < 2 or w in grammar or w not in objects or w in CLOSED:
            continue
        h = heads[singular(w)]
        lines.append(f"{w}\t{n}\t{conc[w]:.2f}\t{h}")
        if h:
            nouns.add(w)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report(path, f"{len(lines) - 4} words")
    return nouns
