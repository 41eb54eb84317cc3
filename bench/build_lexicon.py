"""Build matcher/data/lexicon_derived.tsv from ESCO, O*NET and THUOCL (a dev script, not shipped).

Input: ../shared/data/{esco-1.2.0,onet-29.3,thuocl-zh-lexicon}. Output: a compact TSV of terms
(kind, source, label, aliases) that ``matcher.lexicon`` loads beside the curated table, and the
occupation titles and word figures (``titles.tsv.gz``, ``words.tsv``) ``matcher.occupations``
reads. Run it with ``.venv/bin/python bench/build_lexicon.py`` after changing the filters
below; the output is deterministic (sorted) so a rebuild shows a readable diff.

The filters exist because a big vocabulary is also a big source of junk: an alias that is an
ordinary English word ("access", "go", "spring") or a generic Chinese word (数据, 系统) would
turn prose into criteria. So, in short:

* ESCO: digital-skill knowledge items with short labels, transversal (soft) skills; altLabels
  as aliases. Verb-phrase competences ("migrate existing data") rarely occur verbatim in
  postings, so only short ones (<= 4 words) are kept.
* O*NET Technology Skills: tool names used by >= 2 occupations or flagged Hot Technology;
  the vendor-less name ("Atlassian JIRA" -> "JIRA") and a trailing acronym
  ("Structured query language SQL" -> "SQL") become aliases. Category names ("... software")
  are skipped.
* THUOCL IT/caijing: terms of 4-8 characters that end in a skill word (分析, 开发, 测试...)
  with a document frequency >= 300: skill phrases, not the generic programming vocabulary.
* Every single-word English surface that O*NET and ESCO descriptions use as an ordinary
  lower-case word is dropped (a data-driven stop list), as are surfaces under 3 characters
  and bare 2-3 letter acronyms.
"""

from __future__ import annotations

import csv
import gzip
import json
import math
import random
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "matcher" / "data" / "lexicon_derived.tsv"
TITLES_OUT = ROOT / "matcher" / "data" / "titles.tsv.gz"
WORDS_OUT = ROOT / "matcher" / "data" / "words.tsv"

_VENDORS = (
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
_ZH_SKILL_END = (
    "分析",
    "开发",
    "测试",
    "设计",
    "管理",
    "挖掘",
    "学习",
    "处理",
    "架构",
    "安全",
    "运维",
    "编程",
    "优化",
    "识别",
    "建模",
    "算法",
    "爬虫",
    "框架",
)
# Openings that make a THUOCL phrase generic ("高效算法" efficient algorithm, "创建数据库").
_ZH_GENERIC_START = (
    "高效",
    "高级",
    "特殊",
    "十大",
    "创建",
    "出错",
    "常用",
    "简单",
    "基本",
    "系统管理",
)
# Product names that are everyday words but rare in occupation prose.
_MORE_STOP = {
    "outlook",
    "designer",
    "scheme",
    "visual",
    "studio",
    "dynamics",
    "bridge",
    "edge",
    "express",
    "publisher",
    "teams",
    "planner",
    "forms",
    "stream",
    "sketch",
    "notes",
    "pages",
    "numbers",
    "keynote",
    "photos",
    "maps",
    "drive",
    "sheets",
    "docs",
    "slides",
    "meet",
    "chat",
    "etc",
    # Company names: a posting names them as employers or customers far more than as tools.
    "google",
    "linkedin",
    "facebook",
    "twitter",
    "amazon",
    "apple",
    "microsoft",
    "oracle",
    "youtube",
    "instagram",
    "salesforce",
}
# Heads that say nothing on their own: "系统开发" (system development), "实际开发" (actual
# development), "问题分析" are every posting's filler, not skills.
_ZH_GENERIC_HEAD = {
    "系统",
    "项目",
    "实际",
    "语言",
    "工具",
    "框架",
    "程序",
    "功能",
    "问题",
    "逻辑",
    "开发",
    "应用",
    "模块",
    "信息",
    "任务",
    "进程",
    "存储",
    "详细",
    "概要",
    "平台",
    "服务",
    "产品",
    "软件",
    "接口",
    "配置",
    "版本",
    "开源",
    "二次",
    "技术",
    "业务",
    "代码",
    "设计",
    "综合",
    "整体",
    "基础",
    "相关",
    "具体",
    "一般",
    "常见",
    "日常",
    "测试",
    "管理",
    "分析",
    "数据库",
}
MAX_ALIASES = 12
# Closed-class words (prepositions, conjunctions, determiners, pronouns, auxiliaries) and the
# commonest adverbs: grammar in any text, never a trade's word, though ESCO labels hold some of
# them ("work under pressure", "according to").
_CLOSED = set(
    [
        "about",
        "above",
        "according",
        "across",
        "after",
        "against",
        "along",
        "also",
        "although",
        "among",
        "any",
        "around",
        "as",
        "at",
        "because",
        "before",
        "behind",
        "below",
        "beneath",
        "beside",
        "besides",
        "between",
        "beyond",
        "both",
        "but",
        "by",
        "despite",
        "down",
        "during",
        "each",
        "either",
        "else",
        "etc",
        "even",
        "ever",
        "every",
        "except",
        "few",
        "for",
        "from",
        "further",
        "hence",
        "however",
        "if",
        "in",
        "inside",
        "into",
        "its",
        "itself",
        "just",
        "less",
        "least",
        "like",
        "many",
        "may",
        "might",
        "more",
        "most",
        "much",
        "must",
        "near",
        "neither",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "onto",
        "or",
        "other",
        "others",
        "otherwise",
        "out",
        "outside",
        "over",
        "own",
        "per",
        "plus",
        "rather",
        "same",
        "several",
        "shall",
        "should",
        "since",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "though",
        "through",
        "throughout",
        "thus",
        "till",
        "to",
        "too",
        "toward",
        "towards",
        "under",
        "underneath",
        "unless",
        "unlike",
        "until",
        "up",
        "upon",
        "very",
        "via",
        "was",
        "were",
        "what",
        "whatever",
        "when",
        "whenever",
        "where",
        "whereas",
        "whether",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "within",
        "without",
        "would",
        "yet",
    ]
)


def _ordinary_words() -> set[str]:
    """Lower-case words that plain English prose about work uses (the stop list).

    Read from O*NET task statements and occupation descriptions and ESCO occupation
    descriptions: a tool called "Scheme", "Outlook" or "Spring" is written as an ordinary
    lower-case word there, while "Python" or "Docker" is not.
    """
    texts: list[str] = []
    for name, col in (("Task Statements.txt", "Task"), ("Occupation Data.txt", "Description")):
        with (DATA / "onet-29.3" / name).open(encoding="utf-8", errors="replace") as f:
            texts.extend(row[col] for row in csv.DictReader(f, delimiter="\t"))
    with (DATA / "esco-1.2.0" / "occupations_en.csv").open(encoding="utf-8") as f:
        texts.extend(row["description"] for row in csv.DictReader(f))
    counts: Counter[str] = Counter()
    for text in texts:
        # Only mid-sentence words: sentence-initial capitals hide nothing we need.
        for w in re.findall(r"(?<=\s)[a-z][a-z+#\-]*[a-z+#]", text):
            counts[w] += 1
    return {w for w, n in counts.items() if n >= 2} | _MORE_STOP


def _ok(surface: str, stop: set[str]) -> bool:
    s = surface.strip()
    if len(s) < 3 or s.isdigit() or "(" in s or ";" in s or "\t" in s or "|" in s:
        return False
    if re.fullmatch(r"[A-Za-z][A-Za-z+#.\-]*", s) and s.lower().rstrip(".") in stop:
        return False
    if re.fullmatch(r"[A-Z]{2,3}", s):
        return False  # a bare 2-3 letter acronym (ETC, PMS) is too often something else
    return not (s.isascii() and len(s.split()) > 5)


def _plain(name: str, stop: set[str]) -> bool:
    """True for a product name made only of ordinary words ("After the Deadline")."""
    words = re.findall(r"[A-Za-z][A-Za-z+#\-]*", name)
    return bool(words) and len(words) == len(name.split()) and all(w.lower() in stop for w in words)


def _initials(phrase: str) -> str:
    """ "Structured query language" -> "SQL": the acronym a phrase would have."""
    return "".join(w[0] for w in re.split(r"[\s\-]+", phrase) if w).upper()


def esco(stop: set[str]) -> list[tuple[str, str, str, list[str]]]:
    """(kind, source, label, aliases) from the ESCO digital and transversal collections."""
    out = []
    base = DATA / "esco-1.2.0"
    for name, kind in (("digitalSkillsCollection_en.csv", "skill"),):
        with (base / name).open(encoding="utf-8") as f:
            for r in csv.DictReader(f):
                label = re.sub(r"\s*\(.*?\)\s*", " ", r["preferredLabel"]).strip()
                if len(label.split()) > 4 or not _ok(label, stop):
                    continue
                alts = [a.strip() for a in r["altLabels"].split("\n")]
                alts = [a for a in alts if a and len(a.split()) <= 4 and _ok(a, stop)]
                out.append((kind, "esco", label, alts))
    with (base / "transversalSkillsCollection_en.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            label = r["preferredLabel"].strip()
            if len(label.split()) > 4 or not _ok(label, stop):
                continue
            alts = [a.strip() for a in r["altLabels"].split("\n")]
            alts = [a for a in alts if a and len(a.split()) <= 4 and _ok(a, stop)]
            out.append(("soft_skill", "esco", label, alts))
    return out


def onet(stop: set[str]) -> list[tuple[str, str, str, list[str]]]:
    """(kind, source, label, aliases) from O*NET Technology Skills tool names."""
    occs: defaultdict[str, set[str]] = defaultdict(set)
    hot: set[str] = set()
    with (DATA / "onet-29.3" / "Technology Skills.txt").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            ex = r["Example"].strip()
            occs[ex].add(r["O*NET-SOC Code"])
            if r["Hot Technology"] == "Y":
                hot.add(ex)
    out = []
    for ex in sorted(occs):
        if len(occs[ex]) < 2 and ex not in hot:
            continue
        if re.search(r"\bsoftware$|\bsystems?$|\bprograms?$", ex, re.I):
            continue
        aliases = []
        low = ex.lower()
        for v in _VENDORS:
            if low.startswith(v + " ") and len(ex) > len(v) + 3:
                aliases.append(ex[len(v) + 1 :].strip())
        m = re.match(r"^(.*\S)\s+([A-Z][A-Z0-9+#/\-]{1,8})$", ex)
        if m and _initials(m.group(1)) == re.sub(r"[^A-Z]", "", m.group(2)):
            aliases.append(m.group(2))
            label = m.group(2)
            aliases.append(m.group(1))
        else:
            label = ex
        keep = [a for a in [ex, *aliases] if a != label and _ok(a, stop) and not _plain(a, stop)]
        if _plain(label, stop):
            label = ""
        if label and _ok(label, stop):
            out.append(("tool", "onet", label, keep))
        elif keep:
            out.append(("tool", "onet", keep[0], keep[1:]))
    return out


def thuocl() -> list[tuple[str, str, str, list[str]]]:
    """(kind, source, label, []) from THUOCL: Chinese skill phrases, no aliases."""
    out = []
    for name in ("THUOCL_IT.txt", "THUOCL_caijing.txt"):
        for line in (DATA / "thuocl-zh-lexicon" / name).read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) != 2 or not parts[1].isdigit():
                continue
            word, df = parts[0], int(parts[1])
            if (
                df >= 300
                and not word.startswith(_ZH_GENERIC_START)
                and word[:-2] not in _ZH_GENERIC_HEAD
                and 4 <= len(word) <= 8
                and re.fullmatch(r"[\u4e00-\u9fff]+", word)
                and word.endswith(_ZH_SKILL_END)
            ):
                out.append(("skill", "thuocl", word, []))
    return out


# ---------------------------------------------------------------- titles and word specificity

_WORD = re.compile(r"[a-z][a-z0-9]*(?:[&+#'][a-z0-9]+)*")
TITLE_WORDS = 5  # longer "titles" are descriptions ("Supervisor of ... and ...")
TITLE_ALIASES = 24  # resume-facing names kept per occupation


def _title_names(raw: str) -> list[str]:
    """ "Aviation Maintenance Technician (AMT)" -> the title and its acronym; junk -> []."""
    out = []
    m = re.match(r"^(.*?)\s*\(([^)]*)\)\s*(.*)$", raw)
    main = raw
    if m:
        main = f"{m.group(1)} {m.group(3)}".strip()
        inner = m.group(2).strip()
        if (re.fullmatch(r"[A-Z][A-Za-z&]{1,6}", inner) and inner.isupper()) or (
            0 < len(inner.split()) <= TITLE_WORDS and "," not in inner
        ):
            out.append(inner)
    main = re.sub(r"\s+", " ", main).strip(" ,-")
    if main and len(main.split()) <= TITLE_WORDS and not re.search(r"[,;/]|\bor\b", main):
        out.insert(0, main)
    return [t for t in out if len(t) >= 3]


def titles() -> list[tuple[str, list[str], list[str]]]:
    """(occupation, resume-facing names, other names used only to recognise a posting title).

    O*NET: the titles workers report ("Sample of Reported Titles") are what resumes say, so
    they are the names; the 56k alternate titles only help recognise a posting's title. ESCO:
    the preferred label and the short alternative labels are both.
    """
    out: list[tuple[str, list[str], list[str]]] = []
    onet_dir = DATA / "onet-29.3"
    names: defaultdict[str, list[str]] = defaultdict(list)
    other: defaultdict[str, list[str]] = defaultdict(list)
    with (onet_dir / "Sample of Reported Titles.txt").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            names[r["O*NET-SOC Code"]] += _title_names(r["Reported Job Title"])
    with (onet_dir / "Alternate Titles.txt").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            other[r["O*NET-SOC Code"]] += [
                t for t in _title_names(r["Alternate Title"]) if len(t.split()) <= 4
            ]
            if r["Short Title"].strip():
                other[r["O*NET-SOC Code"]] += _title_names(r["Short Title"])
    for code in sorted(set(names) | set(other)):
        out.append((code, names[code][:TITLE_ALIASES], other[code]))
    with (DATA / "esco-1.2.0" / "occupations_en.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            alts = [n for a in r["altLabels"].split("\n") for n in _title_names(a.strip())]
            alts = [a for a in alts if len(a.split()) <= 4]
            main = _title_names(r["preferredLabel"])
            short = [a for a in alts if len(a.split()) <= 3]
            out.append((r["conceptUri"], (main + short)[:TITLE_ALIASES], alts))
    return out


def write_titles(nouns: set[str]) -> None:
    """Write titles.tsv: one occupation a line, names, recognition-only names, and the trade
    nouns (``nouns``, from ``write_words``) its O*NET or ESCO texts use: what is said about
    the job, which a posting's keywords must be part of (``matcher.occupations.occupation_words``).
    """
    lines = [
        "# Job titles per occupation, from O*NET 29.3 (reported and alternate titles) and ESCO",
        "# v1.2.0 (occupation labels), by bench/build_lexicon.py; see ATTRIBUTION.md.",
        "# names (put in a title criterion) separated by |<TAB>other names (recognition only)",
        "# <TAB>trade nouns of the occupation's O*NET or ESCO texts, separated by spaces",
    ]
    docs, _ = occupation_texts()
    for key, names, other in titles():
        seen: set[str] = set()
        a = [n for n in names if not (n.casefold() in seen or seen.add(n.casefold()))]
        b = [n for n in other if not (n.casefold() in seen or seen.add(n.casefold()))]
        words = sorted(set(_WORD.findall(" ".join(docs.get(key, ())).lower())) & nouns)
        if a or b:
            lines.append("|".join(a) + "\t" + "|".join(b) + "\t" + " ".join(words))
    # gzip with a fixed mtime: the same input gives the same bytes (a readable rebuild diff is
    # impossible for 80k names anyway; their count is printed).
    raw = ("\n".join(lines) + "\n").encode("utf-8")
    TITLES_OUT.write_bytes(gzip.compress(raw, compresslevel=9, mtime=0))
    size = TITLES_OUT.stat().st_size / 1e3
    print(f"{TITLES_OUT.relative_to(ROOT)}: {len(lines) - 4} occupations, {size:.0f} kB")


def _entropy(shares: list[float]) -> float:
    total = sum(shares)
    return -sum(p / total * math.log(p / total) for p in shares)


_CHANCE: dict[tuple[str, int], float] = {}


def _chance_entropy(tax: str, n: int, group: dict[str, str], sizes: Counter[str]) -> float:
    """Mean entropy over occupation groups of ``n`` occupations of taxonomy ``tax`` drawn at
    random (seeded; ``n`` rounded to about 10% above 20, so few draws are needed)."""
    b = n if n <= 20 else round(20 * 1.1 ** round(math.log(n / 20, 1.1)))
    if (tax, b) not in _CHANCE:
        occs = sorted(o for o, g in group.items() if g.startswith(tax))
        rng = random.Random(b)
        hs = []
        for _ in range(40):
            got = Counter(group[o] for o in rng.sample(occs, min(b, len(occs))))
            hs.append(_entropy([k / sizes[g] for g, k in got.items()]))
        _CHANCE[tax, b] = sum(hs) / len(hs)
    return _CHANCE[tax, b]


def occupation_texts() -> tuple[dict[str, list[str]], dict[str, str]]:
    """(texts per occupation, group per occupation), keyed as ``titles`` keys them (O*NET
    code, ESCO URI): what O*NET or ESCO say about each occupation
    (description, tasks, tools, titles, skill and knowledge labels) and its occupation group
    (O*NET SOC major group, ESCO ISCO sub-major group)."""
    isco: dict[str, str] = {}
    with (DATA / "esco-1.2.0" / "occupations_en.csv").open(encoding="utf-8") as f:
        for r in csv.DictReader(f):
            isco[r["conceptUri"]] = r["iscoGroup"][:2]
    docs: defaultdict[str, list[str]] = defaultdict(list)
    group: dict[str, str] = {}
    for name, col in (
        ("Task Statements.txt", "Task"),
        ("Occupation Data.txt", "Description"),
        ("Technology Skills.txt", "Example"),
        ("Alternate Titles.txt", "Alternate Title"),
    ):
        with (DATA / "onet-29.3" / name).open(encoding="utf-8", errors="replace") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                code = r["O*NET-SOC Code"]
                docs[code].append(r[col])
                group[code] = "onet " + code[:2]
    with (DATA / "esco-1.2.0" / "esco_occupation_skill_profiles.jsonl").open(encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            parts = [d["occupation_name"], *d["alternative_names"], d["occupation_description"]]
            for k in ("essential_skills", "optional_skills", "essential_knowledge"):
                parts += d.get(k) or []
            docs[d["occupation_uri"]].append(" ".join(p for p in parts if p))
            group[d["occupation_uri"]] = "esco " + isco.get(d["occupation_uri"], "?")
    return dict(docs), group


def occupation_df() -> tuple[int, Counter[str], dict[str, float]]:
    """(number of occupations, in how many occupations' texts each word occurs, how
    concentrated each word is in few occupation groups).

    An occupation's text is what O*NET or ESCO say about it: description, tasks, tools, titles,
    skill and knowledge labels. A word most occupations use ("maintain", "ensure") tells a
    trade from another as little as "the"; "classroom" or "airframe" tells a lot.

    Concentration is 1 minus the normalised entropy of the share of each occupation group
    (O*NET SOC major group, ESCO ISCO sub-major group) whose texts use the word: "invoice"
    (0.73, clerks and accountants) and "classroom" (0.74, teachers) belong to a few groups;
    "point", "task" or "image" are every group's words. The entropy is measured against that
    of as many occupations drawn at random (``_chance_entropy``): two occupations in two
    groups ("difference") are what chance gives, not a trade.
    """
    docs, group = occupation_texts()
    df: Counter[str] = Counter()
    per: defaultdict[str, Counter[str]] = defaultdict(Counter)
    for occ, texts in docs.items():
        words = set(_WORD.findall(" ".join(texts).lower()))
        df.update(words)
        for w in words:
            per[w][group[occ]] += 1
    sizes = Counter(group.values())
    conc = {}
    for w, c in per.items():
        num = den = 0.0
        for tax in ("onet", "esco"):
            groups = [g for g in sizes if g.startswith(tax)]
            n = sum(c[g] for g in groups)
            if not n:
                continue
            expected = _chance_entropy(tax, n, group, sizes)
            h = _entropy([c[g] / sizes[g] for g in groups if c[g]])
            # each taxonomy counts by its occupations using w
            num += max(0.0, 1 - h / expected) * n if expected else n
            den += n
        conc[w] = num / den
    return len(docs), df, conc


def object_words() -> tuple[set[str], Counter[str]]:
    """Words that name things a job deals with, not actions or manners, and how often each
    heads a label's noun phrase.

    ESCO skill labels and O*NET task statements open with a verb ("maintain aircraft
    engines", "Plan lessons"): the words after the first are what the work is about. A word
    that opens them (or follows "to") at least half as often as it stands inside them is a
    verb ("improve", "inspect", "ask"); one that never stands inside them is no thing of a
    trade. Job titles
    and tool names are things too. So "aircraft" and "classroom" are object words.

    A noun heads a phrase: it ends a label ("manage *invoices*") or stands before "of", "for",
    "in" ("*minister* of state"). "early", "latest" or "original" stand in labels only
    before their noun: never heads, they are no keyword (plurals count as their singular).
    """
    inside: Counter[str] = Counter()
    opening: Counter[str] = Counter()
    heads: Counter[str] = Counter()

    def head(w: str) -> None:
        heads[w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w] += 1

    def read(label: str, verb_first: bool, things: bool = True) -> None:
        words = _WORD.findall(label.lower())
        if verb_first and words:
            opening[words[0]] += 1
            words = words[1:]
        for i, w in enumerate(words):
            # "in order to improve": a verb again, wherever it stands
            if i and words[i - 1] == "to":
                opening[w] += 1
            elif things:
                inside[w] += 1
                if i + 1 == len(words) or words[i + 1] in ("of", "for", "in"):
                    head(w)

    with (DATA / "esco-1.2.0" / "esco_occupation_skill_profiles.jsonl").open(encoding="utf-8") as f:
        seen: set[str] = set()
        for line in f:
            d = json.loads(line)
            for k in ("essential_skills", "optional_skills", "essential_knowledge"):
                for label in d.get(k) or []:
                    if label not in seen:  # a skill counts once, however many jobs list it
                        seen.add(label)
                        read(label, k != "essential_knowledge")  # knowledge is a noun phrase
            for name in [d["occupation_name"], *d["alternative_names"]]:
                read(name, False)
    with (DATA / "onet-29.3" / "Task Statements.txt").open(encoding="utf-8") as f:
        for r in csv.DictReader(f, delimiter="\t"):
            read(r["Task"], True, things=False)  # task prose: only to tell verbs
    for name, col in (
        ("Technology Skills.txt", "Example"),
        ("Alternate Titles.txt", "Alternate Title"),
    ):
        with (DATA / "onet-29.3" / name).open(encoding="utf-8", errors="replace") as f:
            for r in csv.DictReader(f, delimiter="\t"):
                read(r[col], False)

    def derived(w: str) -> bool:
        """ "issued", "completed" (participles), "timely", "actively" (adverbs of a word):
        the grammar around a trade's things, not things. Gerunds stay: "teaching",
        "consulting", "nursing" name trades."""
        if w.endswith("ed") and len(w) > 5 and not w.endswith("eed"):
            base = w[:-2]
            return any(b in inside or b in opening for b in (base, base + "e", w[:-1]))
        if w.endswith("ly") and len(w) > 5:
            base = w[:-2]
            return any(b in inside for b in (base, base + "e", base[:-1] + "y"))
        return False

    objects = {w for w, n in inside.items() if opening[w] * 2 < n and not derived(w)}
    return objects, heads


def posting_df() -> dict[str, tuple[int, Counter[str]]]:
    """Per SkillSpan source ("tech", "house"): (postings, in how many *train* postings each
    word occurs). The dev split is left for bench_compiler.py.

    Words that postings of every source use and occupation texts do not ("experience", "team",
    "looking") are the grammar of job ads, not a trade: they never become keyword criteria.
    "software" is common only in tech postings: a trade word.
    """
    docs: defaultdict[tuple[str, int], set[str]] = defaultdict(set)
    with (DATA / "skillspan" / "train.json").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            docs[r["source"], r["idx"]].update(w.lower() for w in r["tokens"])
    out: dict[str, tuple[int, Counter[str]]] = {}
    for (src, _), words in sorted(docs.items()):
        n, df = out.get(src, (0, Counter()))
        df.update(words)
        out[src] = (n + 1, df)
    return out


def write_words() -> set[str]:
    """Write words.tsv: each trade word, in how many occupations it occurs, how concentrated
    in few occupation groups it is (``occupation_df``) and how often it heads a label.

    Kept: words in at least two occupations' texts that name things (``object_words``), not
    job-ad grammar (in >= 10% of the postings of every source and at least three times as
    common there as in occupation texts).
    """
    n_occ, odf, conc = occupation_df()
    sources = posting_df()
    lines = [
        "# Word specificity from O*NET 29.3 and ESCO v1.2.0 occupation texts, by",
        "# bench/build_lexicon.py (see ATTRIBUTION.md): word<TAB>occupations using it<TAB>",
        "# concentration in few occupation groups (0-1)<TAB>times it heads a label's noun phrase.",
        f"*occupations\t{n_occ}",
    ]
    grammar = set()
    for w, n in odf.items():
        p = min((pdf.get(w, 0) + 1) / (n_post + 1) for n_post, pdf in sources.values())
        if p >= 0.1 and p > 3 * (n + 1) / (n_occ + 1):
            grammar |= {w, w[:-1] if w.endswith("s") else w}  # "skills" makes "skill" grammar
    objects, heads = object_words()
    kept = 0
    nouns = set()
    for w in sorted(odf):
        n = odf[w]
        if n < 2 or len(w) < 2 or w in grammar or w not in objects or w in _CLOSED:
            continue
        h = heads[w[:-1] if w.endswith("s") and not w.endswith("ss") and len(w) > 3 else w]
        lines.append(f"{w}\t{n}\t{conc[w]:.2f}\t{h}")
        kept += 1
        if h:
            nouns.add(w)  # a noun: may be a keyword (matcher.keywords)
    WORDS_OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{WORDS_OUT.relative_to(ROOT)}: {kept} words, {WORDS_OUT.stat().st_size / 1e3:.0f} kB")
    return nouns


def main() -> int:
    """Write the derived lexicon; return 2 when the source data is absent."""
    if not DATA.exists():
        print(f"skip: {DATA} is not here", file=sys.stderr)
        return 2
    stop = _ordinary_words()
    rows = esco(stop) + onet(stop) + thuocl()
    merged: dict[str, tuple[str, str, str, list[str]]] = {}
    owner: dict[str, str] = {}  # every surface -> the key of the entry that holds it
    for kind, src, label, aliases in rows:
        surfaces = [label, *aliases]
        # A term already known by this label gains the other names as aliases. Only the label
        # decides: ESCO lists "data analytics" as an alias of "unstructured data", and an
        # alias-to-alias merge would make those one term.
        key = owner.get(label.casefold())
        if key is None:
            key = label.casefold()
            merged[key] = (kind, src, label, [])
            owner[key] = key
        al = merged[key][3]
        for a in surfaces:
            k = a.casefold()
            if k not in owner and len(al) < MAX_ALIASES:
                al.append(a)
                owner[k] = key
    lines = [
        "# Derived from ESCO v1.2.0 (European Commission), O*NET 29.3 (USDOL/ETA, CC BY 4.0) and",
        "# THUOCL (Tsinghua University, MIT) by bench/build_lexicon.py; see ATTRIBUTION.md.",
        "# kind<TAB>source<TAB>label<TAB>aliases separated by |",
    ]
    for kind, src, label, al in sorted(merged.values(), key=lambda r: (r[1], r[2].casefold())):
        lines.append("\t".join((kind, src, label, "|".join(al))))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(merged)} terms, {OUT.stat().st_size / 1e3:.0f} kB")
    write_titles(write_words())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
