"""Build matcher/data/lexicon_derived.tsv from ESCO, O*NET and THUOCL (a dev script, not shipped).

Input: ../shared/data/{esco-1.2.0,onet-29.3,thuocl-zh-lexicon}. Output: a compact TSV of terms
(kind, source, label, aliases) that ``matcher.lexicon`` loads beside the curated table. Run it
with ``.venv/bin/python bench/build_lexicon.py`` after changing the filters below; the output is
deterministic (sorted) so a rebuild shows a readable diff.

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
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "matcher" / "data" / "lexicon_derived.tsv"

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
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
