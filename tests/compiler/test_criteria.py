"""Tests for matcher.compiler.criteria: criteria, cues, fairness, titles, and the committed seed rubrics.

Splitting and list items are tested on their own in test_posting.py; the structure tests here
check that structure reaches the criteria."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matcher.compiler import posting
from matcher.compiler.criteria import _field_names, compile_file, compile_text
from matcher.compiler.posting import Posting, split_postings
from matcher.errors import PostingError
from matcher.rubric.io import loads_rubric, to_toml
from matcher.rubric.model import Criterion
from matcher.text import has_cjk
from matcher.vocab.lexicon import Cue, default_lexicon
from tests.conftest import ROOT, RUBRICS, SEEDS

EN_SEED = SEEDS / "000_1e07a38cda397245.txt"
ZH_SEED = SEEDS / "004_d832d627ee032451.txt"


@pytest.mark.parametrize("seed", [EN_SEED, ZH_SEED], ids=["en", "zh"])
def test_seed_rubrics_match_the_committed_golden_files(seed) -> None:
    """Regenerate on purpose with `make rubrics` and review the diff."""
    for rubric in compile_file(seed):
        golden = RUBRICS / f"{rubric.job_id}.toml"
        assert golden.read_text(encoding="utf-8") == to_toml(rubric), (
            f"{golden.name} is stale: run make rubrics"
        )


def test_minimums_and_cues() -> None:
    r = compile_text(
        "Requirements:\n1. Bachelor degree or above, more than 2 years experience\n2. Must know SQL\n3. Axure is a plus",
        stem="j",
    )[0]
    by = {c.label: c for c in r.criteria}
    assert (
        by["bachelor degree or above"].min_level == "bachelor"
        and by["bachelor degree or above"].required
    )
    assert by["2+ years of experience"].min_years == 2
    assert by["SQL"].required and by["SQL"].weight > by["Axure"].weight
    assert not by["Axure"].required


def test_chinese_minimums() -> None:
    r = compile_text(
        "任职要求:\n1、本科及以上学历，3年以上电商运营经验；\n2、熟练掌握Excel", stem="j"
    )[0]
    kinds = {c.kind: c for c in r.criteria}
    assert kinds["education"].min_level == "bachelor"
    assert kinds["experience"].min_years == 3


def test_fairness_clauses_are_findings_not_criteria() -> None:
    r = compile_text("任职要求:\n1、熟悉淘宝运营；\n2、形象气质佳，女性优先。", stem="j")[0]
    assert [c.label for c in r.criteria] == ["Taobao"]
    assert {f.origin for f in r.findings} == {"形象气质佳", "女性优先"}


@pytest.mark.parametrize("text", ["", "   \n", "Lorem ipsum dolor sit amet"])
def test_nothing_scorable_is_a_posting_error(text: str) -> None:
    with pytest.raises(PostingError):
        compile_text(text, stem="j")


def test_posting_names_still_import_from_the_compiler() -> None:
    # They moved to matcher.compiler.posting; code written against matcher.compiler.criteria keeps working.
    assert split_postings is posting.split_postings and Posting is posting.Posting


# ---------------------------------------------------------------- titles


def test_seed_titles_are_readable_and_job_ids_stable() -> None:
    rubrics = compile_file(EN_SEED)
    assert [r.job_id for r in rubrics] == [f"000_1e07a38cda397245-{n}" for n in range(1, 16)]
    assert all(r.title != "Product manager" for r in rubrics)
    assert rubrics[2].title == "Product manager (P2P lending, credit)"
    # Posting 7 is procurement mis-filed under a product-manager heading: the title says so.
    assert "procurement" in rubrics[6].title
    zh = compile_file(ZH_SEED)
    assert [r.title for r in zh] == ["电商产品经理", "电商经理", "电商高级助理"]


def test_site_junk_never_becomes_a_criterion() -> None:
    for r in compile_file(ZH_SEED):
        for c in r.criteria:
            assert not any(w in c.origin for w in ("相关文章", "保安", "共5篇", "时间:2023"))
    # "电商产品开发经理岗位职责" (a link to another posting) named no product-development skill
    assert "产品开发" not in {c.label for c in compile_file(ZH_SEED)[2].criteria}


# ---------------------------------------------------------------- structure

BULLETS = ["1. ", "1、", "1,", "1 1,", "(1)", "（1）", "①", "- ", "* ", "• "]


@pytest.mark.parametrize("bullet", BULLETS)
def test_every_numbering_style_is_an_item(bullet: str) -> None:
    r = compile_text(f"Requirements:\n{bullet}Must know SQL\n{bullet}Excel is a plus", stem="j")[0]
    by = {c.label: c for c in r.criteria}
    assert by["SQL"].required and not by["Excel"].required
    assert by["SQL"].origin == "Must know SQL"  # the bullet is not part of the item


def test_a_marker_before_a_number_is_still_a_marker() -> None:
    r = compile_text(
        "任职要求：\n6、2年以上相关工作经验；\n7. 3.5 years of SQL experience", stem="j"
    )[0]
    by = {c.kind: c for c in r.criteria}
    assert by["experience"].origin == "2年以上相关工作经验;"
    assert by["tool"].origin == "3.5 years of SQL experience"


def test_inline_numbered_items_are_split() -> None:
    r = compile_text("任职要求：\n1.熟练掌握Excel。 2.了解Axure；3.熟悉SQL", stem="j")[0]
    origins = {c.label: c.origin for c in r.criteria}  # origins are normalised text (NFKC)
    assert origins == {"Excel": "熟练掌握Excel。", "Axure": "了解Axure;", "SQL": "熟悉SQL"}


@pytest.mark.parametrize(
    ("heading", "part"),
    [
        ("Responsibilities:", "resp"),
        ("What you will do", "resp"),
        ("岗位职责：", "resp"),
        ("工作内容", "resp"),
        ("【工作职责】", "resp"),
        ("Qualifications", "req"),
        ("What you bring:", "req"),
        ("任职要求：", "req"),
        ("任职资格", "req"),
        ("岗位要求:", "req"),
        ("Who we are looking for", "req"),
        ("Working conditions and environment", "skip"),
        ("Verb (abbreviation for verb) working conditions and environment", "skip"),
        ("Company description:", "skip"),
        ("福利待遇", "skip"),
    ],
)
def test_part_headings(heading: str, part: str) -> None:
    r = compile_text(f"{heading}\n1. Must use SQL\n\nResponsibilities\n1. Excel", stem="j")
    by = {c.label: c for c in r[0].criteria}
    if part == "skip":
        assert "SQL" not in by
    else:
        # "must" makes a criterion required only under a requirements heading
        assert by["SQL"].required is (part == "req")


# ---------------------------------------------------------------- criteria of each kind


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("2年以上电商运营经验", 2),
        ("两年以上工作经验", 2),
        ("三年以上Python，C/C++开发经验", 3),
        ("3-5年相关工作经验", 3),
        ("more than 2 years experience in design", 2),
        ("5+ years of experience with Python", 5),
        ("at least 2 years' experience", 2),
        ("Experience: minimum 4 years in product", 4),
        ("十年以上从业经验", 10),
        ("2020年加入公司", None),
        ("1年以下工作经验", None),
        ("less than 2 years of experience", None),
        ("年底完成销售目标，每年两次培训", None),
        ("A 3-year roadmap", None),
    ],
)
def test_experience_minimum(line: str, years: float | None) -> None:
    r = compile_text(f"Requirements:\n1. {line}; SQL", stem="j")[0]
    got = [c.min_years for c in r.criteria if c.kind == "experience"]
    assert got == ([] if years is None else [years])


@pytest.mark.parametrize(
    ("line", "level"),
    [
        ("本科及以上学历", "bachelor"),
        ("大学本科及以上学历", "bachelor"),
        ("大专以上学历", "associate"),
        ("研究生及以上学历，优秀者放宽至本科", "bachelor"),
        ("Bachelor degree or above", "bachelor"),
        ("Master's degree in computer science or equivalent", "master"),
        ("大学英语四级以上", None),
        ("学历不限", None),
    ],
)
def test_education_minimum(line: str, level: str | None) -> None:
    r = compile_text(f"Requirements:\n1. {line}; SQL", stem="j")[0]
    got = [c.min_level for c in r.criteria if c.kind == "education"]
    assert got == ([] if level is None else [level])


@pytest.mark.parametrize(
    ("text", "label", "kind"),
    [
        ("熟练使用PPT", "PPT", "tool"),
        ("PowerPoint and Visio", "PPT", "tool"),
        ("会用幻灯片", "PPT", "tool"),
        ("熟悉生意参谋、直通车", "生意参谋", "tool"),
        ("熟悉生意参谋、直通车", "直通车", "tool"),
        ("Structured Query Language", "SQL", "tool"),
        ("撰写需求文档", "PRD", "skill"),
        ("user interviews", "user research", "responsibility"),
        ("用户调研", "user research", "responsibility"),
        ("competitor research", "competitive analysis", "responsibility"),
        ("竞品分析", "competitive analysis", "responsibility"),
        ("split testing", "A/B testing", "skill"),
        ("电商平台", "e-commerce", "domain"),
        ("P2P online lending", "P2P lending", "domain"),
        ("英语六级", "English", "language"),
        ("PMP certified", "PMP", "certification"),
        ("good communication skills", "communication", "soft_skill"),
        ("Docker and Kubernetes", "Docker", "tool"),
        ("python爬虫", "web crawling", "skill"),
    ],
)
def test_terms_and_aliases_in_both_languages(text: str, label: str, kind: str) -> None:
    r = compile_text(f"Requirements:\n1. {text}", stem="j")[0]
    by = {c.label: c for c in r.criteria}
    assert label in by and by[label].kind == kind


def test_cross_lingual_pairs_travel_in_the_aliases() -> None:
    zh = compile_text("任职要求：\n1、熟练使用PPT，做过竞品分析", stem="j")[0]
    by = {c.label: c for c in zh.criteria}
    assert "PowerPoint" in by["PPT"].aliases
    assert "competitor analysis" in by["competitive analysis"].aliases
    assert all(len(c.aliases) <= 30 for c in zh.criteria)


# ---------------------------------------------------------------- weights


def test_required_ordinary_preferred_order_and_hard_over_soft() -> None:
    r = compile_text(
        "Requirements:\n1. Must know SQL\n2. Experience with Excel\n3. Axure is a plus\n"
        "4. Good communication skills",
        stem="j",
    )[0]
    w = {c.label: c.weight for c in r.criteria}
    assert w["SQL"] > w["Excel"] > w["Axure"]
    assert w["communication"] < w["Excel"]


@pytest.mark.parametrize(
    ("text", "required"),
    [
        ("熟练掌握HTML，CSS，JS等前端技术，熟悉Vue优先", {"HTML", "CSS", "JavaScript"}),
        ("Java, Python, and SQL are required", {"Java", "Python", "SQL"}),
        ("Must know SQL, pay attention to details", {"SQL"}),
        ("精通Python，熟悉Linux", {"Python"}),
        ("SQL, Excel; Axure is a plus; must know Visio", {"Visio"}),
        # Offered beside something unknown: a resume with the other one is as good.
        # (the two years of designing are a minimum of their own)
        (
            "Must have 2 years designing B2B or SaaS products, and SQL",
            {"SQL", "2+ years of experience"},
        ),
        ("Must know SQL or equivalent, and Excel", {"Excel"}),
        ("Must know Python or Scala", {"Python or Scala"}),
    ],
)
def test_a_cue_reaches_along_a_comma_list(text: str, required: set[str]) -> None:
    r = compile_text(f"Requirements:\n1. {text}", stem="j")[0]
    assert {c.label for c in r.criteria if c.required} == required


@pytest.mark.parametrize(
    "line",
    [
        "This post implements the standard working hour system of 40 hours per week",
        "This post belongs to light manual labor, with moderate temperature and humidity",
        "13, treat subordinates as brothers and sisters, and give the greatest care",
        "五险一金，带薪年假，周末双休",
    ],
)
def test_noise_gives_no_criteria(line: str) -> None:
    r = compile_text(f"Responsibilities:\n1. {line}\n2. SQL", stem="j")[0]
    assert [c.label for c in r.criteria] == ["SQL"]


def test_procurement_chores_weigh_little() -> None:
    # The job title and the light keyword criteria have weights of their own, whatever the duty.
    seven = compile_file(EN_SEED)[6]
    assert max(c.weight for c in seven.criteria if c.kind not in ("title", "keyword")) <= 1.0
    # Its page heading ("product manager") is not its job, so no occupation says which of its
    # words are the trade's: no keyword criteria (``heading_fits``).
    assert max((c.weight for c in seven.criteria if c.kind == "keyword"), default=0.0) < 3.0
    ordinary = compile_file(EN_SEED)[2]
    lexicon_kinds = ("responsibility", "keyword", "title")
    assert min(c.weight for c in ordinary.criteria if c.kind not in lexicon_kinds) > 1.0


def test_prose_does_not_pull_in_derived_terms() -> None:
    essay = (
        "Responsibilities:\n1. Write the roadmap\n2. Track competitors\n"
        + "We go to the office every morning and access the outlook of the market, because "
        "a product manager must keep a scheme of spring and summer sales in mind at all times."
    )
    crits = compile_text(essay, stem="j")[0].criteria
    labels = {c.label for c in crits if c.kind != "keyword"}
    assert labels <= {"product planning", "competitive analysis", "sales"}
    # Keywords come from the list items only, never from the essay.
    assert all("every morning" not in c.origin for c in crits if c.kind == "keyword")


# ---------------------------------------------------------------- fairness lint


@pytest.mark.parametrize(
    ("line", "trait"),
    [
        ("女性优先", "gender"),
        ("限男性", "gender"),
        ("Female candidates only", "gender"),
        ("年龄25-35岁", "age"),
        ("aged between 20 and 30", "age"),
        ("形象气质佳", "appearance"),
        ("身高165cm以上", "appearance"),
        ("height above 170 cm", "appearance"),
        ("已婚已育优先", "marital status"),
        ("汉族", "ethnicity"),
        ("无宗教信仰", "religion"),
        ("中共党员优先", "political status"),
        ("本地户口", "hometown"),
        ("985/211院校毕业", "school tier"),
        ("重点大学毕业", "school tier"),
    ],
)
def test_fairness_findings(line: str, trait: str) -> None:
    r = compile_text(f"任职要求：\n1、熟悉SQL；\n2、{line}。", stem="j")[0]
    assert [c.label for c in r.criteria] == ["SQL"]
    assert [f.message.split(" is ")[0] for f in r.findings] == [trait]


@pytest.mark.parametrize(
    "line",
    [
        "standing at the height of complete products to explore product benefits",
        "build a single page application",
        "提升品牌形象",
        "时间:2023-05-14 20:11:16",
        "男女不限",
        "manage the product life cycle",
    ],
)
def test_fairness_has_no_false_positives(line: str) -> None:
    r = compile_text(f"Responsibilities:\n1. SQL\n2. {line}", stem="j")[0]
    assert r.findings == ()


def test_a_domain_in_the_title_is_a_criterion() -> None:
    r = compile_file(ZH_SEED)[2]
    ecom = next(c for c in r.criteria if c.label == "e-commerce")
    assert ecom.origin == "电商高级助理" and ecom.weight == 2.5


def test_zh_seed_fairness_case() -> None:
    r = compile_file(ZH_SEED)[2]
    assert {f.origin for f in r.findings} == {"形象气质佳", "女性优先"}
    assert not any("女性优先" in c.origin for c in r.criteria)


# ---------------------------------------------------------------- the lexicon


def test_scan_is_boundary_aware_and_prefers_longer_terms() -> None:
    lex = default_lexicon()
    assert [h.term.label for h in lex.scan("JavaScript and Java")] == ["JavaScript", "Java"]
    assert [h.term.label for h in lex.scan("c++ or C/C++")] == ["C++", "C++"]
    assert "e-commerce" not in {h.term.label for h in lex.scan("电商运营")}  # the longer term


def test_derived_lexicon_is_compact_and_has_no_short_aliases() -> None:
    path = ROOT / "matcher" / "data" / "lexicon_derived.tsv"
    assert path.stat().st_size < 3_000_000
    derived = [t for t in default_lexicon().terms if t.source != "curated"]
    assert len(derived) > 1000
    for t in derived:
        for s in (t.label, *t.aliases):
            assert len(s) >= 3 or has_cjk(s), s
            assert s.lower() not in {"go", "access", "spring", "outlook", "scheme", "word"}, s


def test_cue_words_and_effects_are_lexicon_data() -> None:
    """A new cue group in the lexicon changes weights with no code change."""
    lex = default_lexicon()
    urgent = Cue("urgent", ("asap",), 2.0, True)
    custom = replace(lex, cues=(urgent, *lex.cues))
    text = "Requirements:\n1. SQL asap\n2. Excel"
    plain = {c.label: c for c in compile_text(text, stem="j")[0].criteria}
    tuned = {c.label: c for c in compile_text(text, stem="j", lexicon=custom)[0].criteria}
    assert not plain["SQL"].required and not tuned["Excel"].required
    assert tuned["SQL"].weight == 2 * plain["SQL"].weight and tuned["SQL"].required
    assert tuned["Excel"].weight == plain["Excel"].weight


_LINE = st.sampled_from(
    [
        "Requirements:",
        "岗位职责：",
        "1. Must know SQL",
        "2、熟练掌握Excel，3年以上经验",
        "• Axure is a plus",
        "(3) 本科及以上学历",
        "女性优先，年龄25岁以下",
        "This post implements the standard working hour system",
        "Responsibility of product manager 2 1. market research",
        "相关文章",
    ]
)


@given(st.lists(st.one_of(_LINE, st.text(max_size=40)), max_size=12))
@settings(max_examples=150, deadline=None)
def test_any_text_compiles_to_valid_rubrics_or_a_posting_error(lines: list[str]) -> None:
    text = "\n".join(lines)
    try:
        rubrics = compile_text(text, stem="job")
    except PostingError:
        return
    again = compile_text(text, stem="job")
    assert [to_toml(r) for r in rubrics] == [to_toml(r) for r in again]  # deterministic
    for r in rubrics:
        assert loads_rubric(to_toml(r)) == r  # valid, and round-trips
        assert all(c.weight > 0 and len(c.aliases) <= 30 for c in r.criteria)


# ---------------------------------------------------------------- title and keywords

CHEF = """Sous Chef
A restaurant seeks a Sous Chef.
Responsibilities:
- Run the kitchen line, plan menus and recipes with the executive chef
- Keep sanitation and food safety standards
Requirements:
- 3+ years of experience in a professional kitchen
- ServSafe certification is a plus
"""


def test_the_title_is_a_criterion_with_the_occupations_other_names() -> None:
    r = compile_text(CHEF, stem="chef")[0]
    title = r.criteria[0]
    assert (title.kind, title.label, title.required) == ("title", "Sous Chef", False)
    assert title.weight == default_lexicon().kind_weight("title")
    assert "Executive Sous Chef" in title.aliases
    # Other jobs of the same occupation are not this one ("Pastry Chef"); the trade word is.
    assert "Pastry Chef" not in title.aliases
    assert any(c.kind == "title" and c.label == "chef" for c in r.criteria)
    assert len(title.aliases) <= 12


def test_specific_posting_words_are_light_keyword_criteria() -> None:
    r = compile_text(CHEF, stem="chef")[0]
    kw = {c.label: c for c in r.criteria if c.kind == "keyword"}
    assert {"kitchen", "menu", "recipes", "sanitation", "restaurant"} <= set(kw)
    # Grammar of job ads, verbs, cue words and resume structure are never keywords.
    assert not {"experience", "seeks", "plan", "run", "plus", "certification"} & set(kw)
    assert all(not c.required and c.weight <= 4.0 for c in kw.values())
    # The title's own trade word is a light title criterion, heavier than a posting word.
    chef = next(c for c in r.criteria if c.label == "chef")
    assert chef.kind == "title" and chef.weight > kw["menu"].weight


def test_chinese_postings_get_no_english_keywords_and_a_bilingual_title() -> None:
    # The title is a criterion again since the curated EN<->ZH title table: "电商产品经理"
    # carries "e-commerce product manager", so an English resume of the job meets it.
    r = compile_file(ZH_SEED)[0]
    assert not [c for c in r.criteria if c.kind == "keyword"]
    title = r.criteria[0]
    assert title.kind == "title" and "e-commerce product manager" in title.aliases


@pytest.mark.parametrize(
    ("line", "required"),
    [
        ("Bachelor degree or above", True),
        ("At least a bachelor's degree in finance", True),
        ("Bachelor's degree in education", False),  # the usual profile, not a floor
        ("Bachelor's degree or above, or equivalent experience", False),
        ("本科及以上学历", True),
    ],
)
def test_a_degree_is_required_when_stated_as_a_floor(line: str, required: bool) -> None:
    r = compile_text(f"Requirements:\n1. {line}\n2. SQL", stem="j")[0]
    (edu,) = [c for c in r.criteria if c.kind == "education"]
    assert edu.required is required


def test_compiling_the_bench_postings_is_deterministic() -> None:
    for path in sorted((ROOT / "bench" / "postings").glob("*.txt")):
        a = [to_toml(r) for r in compile_file(path)]
        assert a == [to_toml(r) for r in compile_file(path)]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "gb18030"])
def test_a_posting_file_in_any_common_encoding_compiles(tmp_path: Path, encoding: str) -> None:
    posting = tmp_path / "job.txt"
    posting.write_bytes("电商运营\n任职要求：\n1、本科及以上学历\n".encode(encoding))
    rubric = compile_file(posting)[0]
    assert rubric.title == "电商运营" and any(c.min_level == "bachelor" for c in rubric.criteria)


def test_a_binary_file_is_no_posting(tmp_path: Path) -> None:
    junk = tmp_path / "job.txt"
    junk.write_bytes(b"\x00\x01\x02PK")
    with pytest.raises(PostingError, match="not a text file"):
        compile_file(junk)


def test_a_title_qualifier_is_not_part_of_the_job() -> None:
    text = "Data Analyst (Remote)\nRequirements:\n- SQL and Tableau\n- 3+ years of experience"
    r = compile_text(text, stem="j")[0]
    titled = [c for c in r.criteria if c.kind == "title"]
    assert r.title == "Data Analyst (Remote)" and titled[0].label == "Data Analyst"
    assert titled[0].aliases and not any("remote" in c.label.lower() for c in r.criteria)
    nurse = compile_text("Registered Nurse - ICU (Night Shift)\n- BSN, 2+ years ICU", stem="j")
    assert nurse[0].criteria[0].label == "Registered Nurse"


@pytest.mark.parametrize("title", ["厨师", "仓库管理员", "会计（中级职称）"])
def test_a_chinese_job_title_is_a_title_criterion(title: str) -> None:
    r = compile_text(f"{title}\n任职要求：\n1、3年以上相关工作经验", stem="j")[0]
    assert r.criteria[0].kind == "title" and r.criteria[0].label == title.split("（")[0]


def test_a_file_of_many_postings_splits_past_99() -> None:
    text = "\n".join(f"Job {i}: Data Analyst\nRequirements:\n- SQL" for i in range(1, 151))
    assert [p.number for p in split_postings(text)] == list(range(1, 151))


def test_utf32_and_control_characters_in_a_posting(tmp_path: Path) -> None:
    posting = tmp_path / "job.txt"
    posting.write_bytes("Data Analyst\x07\x1b\nRequirements:\n- SQL\n".encode("utf-32"))
    rubric = compile_file(posting)[0]
    assert rubric.title == "Data Analyst" and rubric.criteria[0].label == "Data Analyst"


def test_a_department_the_job_works_with_is_no_criterion() -> None:
    """The seed review's finding: "cooperate with the marketing department" made marketing
    the heaviest criterion of a software manager's rubric."""
    r = compile_text(
        "Requirements:\n1. Cooperate with the marketing department and 销售部门\n2. Must know SQL",
        stem="j",
    )[0]
    assert {c.label for c in r.criteria} == {"SQL"}


@pytest.mark.parametrize(
    ("line", "required"),
    [
        ("2+ years of experience", True),  # any work: a floor as before
        ("2+ years of experience in sales or retail sales", False),  # a field: weighed
        ("3+ years of human resources experience is a plus", False),
        ("Minimum of 2 years of experience in sales", True),  # the posting insists
        ("At least 3 years of experience in commercial construction", True),
        ("You must have 5+ years of experience in data engineering", True),
    ],
)
def test_years_in_a_field_are_required_only_where_the_posting_insists(
    line: str, required: bool
) -> None:
    """Field years walled off relevant resumes whose roles were misdated or named in other
    words (bench/QUALITY.md): required only with must, required, minimum or at least."""
    r = compile_text(f"Sales Representative\nRequirements:\n- {line}", stem="j")[0]
    (years,) = (c for c in r.criteria if c.kind == "experience")
    assert years.required is required


@pytest.mark.parametrize(
    ("line", "names"),
    [
        ("3+ years of human resources experience", ("human resources", "HR")),
        ("2+ years of customer service experience", ("customer service",)),
        ("5+ years of experience in business development", ("business development",)),
        ("3+ years of experience in information technology", ("information technology", "IT")),
        ("3+ years of experience in IT support", ("IT support",)),  # no initials of "IT"
    ],
)
def test_a_trade_named_by_job_names_is_a_field(line: str, names: tuple[str, ...]) -> None:
    """ "Human resources" has no word that is telling alone, but it begins 34 job names: the
    years are in that field (roles named by it or its initials), not any work's, and so
    weighed rather than a wall (the bench HR posting walled off HR resumes with short dates)."""
    r = compile_text(f"Sales Representative\nRequirements:\n- {line}", stem="j")[0]
    (years,) = (c for c in r.criteria if c.kind == "experience")
    assert (years.field, *years.aliases) == names
    assert not years.required


def test_a_lexicon_phrase_matches_its_plural_but_one_word_does_not_grow_one() -> None:
    """Regression (seed 000-14): "writing product functional requirements specifications"
    missed PRD, whose alias is the singular."""
    lex = default_lexicon()
    labels = [h.term.label for h in lex.scan("functional requirements specifications")]
    assert labels == ["PRD"]
    assert [h.term.label for h in lex.scan("product strategies")] == ["product planning"]
    assert not any(h.term.label == "Java" for h in lex.scan("Javas"))


def test_an_activity_before_or_names_a_field_of_its_own() -> None:
    """ "consulting or project management": consulting roles count, while "commercial or
    residential construction" is construction (the adjectives share its head)."""
    lex = default_lexicon()
    assert "consulting" in _field_names("consulting or project management", lex)
    assert not {"commercial", "residential"} & set(
        _field_names("commercial or residential construction", lex)
    )


def test_a_posting_without_headings_insists_in_the_item() -> None:
    text = (
        "CDL Driver\nWe need a driver for local routes.\nmust have valid CDL class A.\nExcel helps."
    )
    by = {c.label: c for c in compile_text(text, stem="d")[0].criteria}
    assert by["CDL"].required
    assert not by["Excel"].required


def test_a_language_studied_is_no_language_asked() -> None:
    text = "Requirements:\n- A bachelor's degree in Journalism, English or Marketing\n- Excel"
    labels = {c.label for c in compile_text(text, stem="j")[0].criteria}
    assert "English" not in labels
    text = "Requirements:\n- Bilingual English/Spanish required\n- Excel"
    by = {c.label: c for c in compile_text(text, stem="j")[0].criteria}
    assert by["Spanish"].required and by["English"].required  # both, not either


def test_a_later_sentence_cue_does_not_reach_back() -> None:
    text = "Requirements:\n- BLS required within 30 days of hire. ACLS preferred.\n- Excel"
    by = {c.label: c for c in compile_text(text, stem="p")[0].criteria}
    assert by["BLS"].required
    assert not by["ACLS"].required and by["ACLS"].weight < by["BLS"].weight


def test_months_field_abbreviations_and_what_a_posting_rules_out() -> None:
    text = (
        "Requirements:\n- Must have 6 months forklift experience\n"
        "- 3+ years of HVAC service experience\n- clean MVR, no DUI in the last 5 years"
    )
    crits = compile_text(text, stem="w")[0].criteria
    labels = [c.label for c in crits]
    assert "6+ months of experience in forklift" in labels  # the first minimum stands
    assert "DUI" not in labels
    from matcher.compiler.criteria import _field_names

    assert _field_names("HVAC service", default_lexicon())[:2] == ("HVAC service", "HVAC")


def test_either_credential_is_no_wall_and_its_name_no_keyword() -> None:
    text = "Requirements:\n- Must have a PMP or CAPM certification\n- Excel"
    by = {c.label: c for c in compile_text(text, stem="p")[0].criteria}
    assert not by["CAPM certification"].required and not by["PMP"].required
    assert "CAPM" not in by


def test_pay_physical_demands_and_what_the_company_provides_are_no_criteria() -> None:
    text = (
        "Requirements:\n- Ability to lift up to 50 lbs\n- OTE: $260,000 - $300,000\n"
        "- Pay: $25/hr + commission on sales leads\n- company provides gauges\n"
        "- EPA 608 certification required\n- Salesforce"
    )
    labels = [c.label for c in compile_text(text, stem="h")[0].criteria]
    assert labels == ["EPA 608 certification", "Salesforce"]


def test_a_company_blurb_states_no_minimum() -> None:
    text = (
        "Mechanical Engineer\nAbout Westbrook\nWe combine more than 90 years of engineering "
        "heritage with smart technology.\nRequirements:\n- SolidWorks"
    )
    crits = compile_text(text, stem="m")[0].criteria
    assert not [c for c in crits if c.kind == "experience"]


def test_a_chinese_field_that_is_a_job_is_named_by_the_jobs_chinese_names() -> None:
    text = "财务会计\n任职要求：\n1、3年以上财务会计工作经验\n2、熟练操作Excel"
    rubric = compile_text(text, stem="zh")[0]
    by = {c.kind: c for c in rubric.criteria}
    assert by["title"].label == "财务会计" and "会计" in by["title"].aliases
    assert by["experience"].field == "财务会计" and "会计" in by["experience"].aliases
    assert rubric.title == "财务会计"  # a job's name, not a heading with a focus added


def test_a_credentials_name_is_no_keyword_anywhere_in_the_posting() -> None:
    text = (
        "HVAC Technician\nRequirements:\n- NATE certification a plus\n"
        "Responsibilities:\n- Work toward NATE goals"
    )
    labels = [c.label for c in compile_text(text, stem="h")[0].criteria]
    assert "NATE certification" in labels and "NATE" not in labels


def _crits(text: str) -> dict[str, Criterion]:
    return {c.label: c for c in compile_text(text, stem="j")[0].criteria}


def test_what_the_posting_says_it_does_not_require_is_no_criterion() -> None:
    got = _crits(
        "Software Engineer\nRequirements\n- Python\n- Knowledge of finance is NOT required\n"
        "- Experience with Kafka is not required\n- SQL required; Excel is not required"
    )
    assert "finance" not in got and "Kafka" not in got and "Excel" not in got
    assert got["SQL"].required and not got["Python"].required
    assert "NOT" not in got  # a shouted word is no acronym
    # "a plus but not required" is preferred, as before
    pref = _crits("Analyst\nRequirements\n- Tableau is a plus but not required")
    assert not pref["Tableau"].required


def test_a_heading_that_insists_makes_its_items_required_unless_they_say_otherwise() -> None:
    got = _crits(
        "Data Engineer\nMust haves:\n- Kubernetes\n- Strong Python\n- Docker is a plus\n"
        "Nice to haves:\n- Terraform\nMinimum Qualifications\n- Bachelor's degree"
    )
    assert got["Kubernetes"].required and got["Python"].required
    assert not got["Docker"].required  # the item's own cue wins
    assert not got["Terraform"].required and got["Terraform"].weight < got["Kubernetes"].weight
    assert got["bachelor degree or above"].required
    plain = _crits("Data Engineer\nRequirements:\n- Kubernetes")
    assert not plain["Kubernetes"].required  # a plain heading states no wall


def test_at_least_one_of_a_list_is_one_any_of_criterion() -> None:
    got = _crits(
        "Software Engineer\nRequirements\n"
        "- Proficiency in at least one programming language (Java, Python, C++)"
    )
    assert "Java or Python or C++" in got and got["Java or Python or C++"].required
    assert not {"Java", "Python", "C++"} & set(got)


@pytest.mark.parametrize(
    ("first_lines", "title"),
    [
        ("Subject: Senior DevOps Engineer opportunity - fully remote - $185k\n\nHi Jordan,",
         "DevOps Engineer"),
        ("Tessellate Labs | Senior Backend Engineer (Go) | NYC | REMOTE | $170k", "Backend Engineer"),
        ("JOB DESCRIPTION\nPosition Title: Water Treatment Plant Operator II",
         "Water Treatment Plant Operator"),
        ("JOB DESCRIPTION\nData Analyst", "Data Analyst"),
        ("2027 Summer Analyst Internship - Software Engineering (New York)", "Analyst Intern"),
    ],
)  # fmt: skip
def test_a_title_where_postings_of_other_shapes_put_it(first_lines: str, title: str) -> None:
    r = compile_text(first_lines + "\nRequirements\n- Python\n- SQL", stem="j")[0]
    assert next(c.label for c in r.criteria if c.kind == "title") == title


def test_years_in_a_field_without_the_word_experience() -> None:
    got = _crits(
        "Data Engineer\nRequirements\n- 6+ years in DevOps / SRE\n- Airflow\n"
        "- 2 years in a fast-paced environment"
    )
    years = [c for c in got.values() if c.kind == "experience"]
    assert [(c.min_years, c.field) for c in years] == [(6.0, "DevOps / SRE")]
    form = _crits("Data Engineer\nExperience: 3-6 Yrs\nKey Skills: Python, SQL")
    assert [c.min_years for c in form.values() if c.kind == "experience"] == [3.0]


def test_a_duty_naming_students_asks_no_degree_and_a_degree_field_is_no_wall() -> None:
    got = _crits(
        "Postdoctoral Research Associate\nResponsibilities\n"
        "- Mentor graduate and undergraduate students\nRequired Qualifications\n"
        "- PhD in neuroscience, physics, computer science, or statistics\n"
        "- Python or MATLAB\n- Experience with PyTorch or JAX"
    )
    education = [c for c in got.values() if c.kind == "education"]
    assert [c.min_level for c in education] == ["doctorate"]
    assert not got["computer science"].required  # the degree's field, weighed
    assert got["Python or MATLAB"].required
    assert "JAX" not in got  # named by its any-of


def test_indian_degree_abbreviations() -> None:
    got = _crits("Java Developer\nRequirements\n- B.E/B.Tech/MCA in any specialization")
    assert [c.min_level for c in got.values() if c.kind == "education"] == ["bachelor"]


def test_an_executive_title_and_a_degree_named_after_a_preferred_one() -> None:
    got = _crits(
        "Vice President of Finance\nTHE IDEAL CANDIDATE\nHe or she will bring a CPA (strongly"
        " preferred) and/or MBA, and a bachelor's degree in accounting or finance is required."
    )
    education = next(c for c in got.values() if c.kind == "education")
    assert education.min_level == "bachelor" and education.required
    titled = {c.label for c in got.values() if c.kind == "title"}
    assert not {"vice", "president"} & titled  # an office, not a trade


def test_a_requirements_table_says_of_each_row_how_much_it_is_asked() -> None:
    text = (
        "# Data Engineer\n\n### Requirements\n\n| Skill | Level |\n|---|---|\n"
        "| Airflow | 3+ years |\n| Kubernetes | Nice to have |\n| Docker | Required |\n"
    )
    got = {c.label: c for c in compile_text(text, stem="j")[0].criteria}
    assert got["Docker"].required and not got["Kubernetes"].required
    assert got["Kubernetes"].weight < got["Docker"].weight
    assert [c.min_years for c in got.values() if c.kind == "experience"] == [3.0]


def test_a_one_paragraph_posting_keeps_its_blurb_and_its_cues_apart() -> None:
    text = (
        "Ledgerly | Senior Backend Engineer (Go) | NYC or REMOTE | $170k-$210k\n\n"
        "We build the ledger that freight brokers use to reconcile carrier payments, and about"
        " 40M invoices a year flow through us. Team of 14, Series A, profitable unit economics."
        " You'd be the 4th backend hire, owning the settlement pipeline end to end. Our stack"
        " is Postgres, Kafka and AWS. We want someone with 5+ years shipping backend services."
        " Experience with payments is a big plus but not required."
    )
    got = _crits(text)
    assert next(c for c in got.values() if c.kind == "title").label == "Backend Engineer"
    assert got["payments"].weight < got["Kafka"].weight  # "a big plus", not the blurb's
    assert "NYC" not in got  # the title line's places are no criteria
    assert [c.min_years for c in got.values() if c.kind == "experience"] == [5.0]


def test_a_title_in_capitals_is_written_as_a_resume_would() -> None:
    got = _crits("CERTIFIED NURSING ASSISTANT (CNA) - ALL SHIFTS\nRequirements:\n- CPR")
    assert next(c for c in got.values() if c.kind == "title").label == "Certified Nursing Assistant"
    got = _crits("CDL A TRUCK DRIVER\nRequirements:\n- Clean MVR")
    assert next(c for c in got.values() if c.kind == "title").label == "CDL A Truck Driver"


def test_alternatives_led_by_a_tool_no_lexicon_knows_take_the_headings_insistence() -> None:
    # the same any-of whichever member comes first
    found = []
    for line in ("- Sage Intacct or QuickBooks", "- QuickBooks or Sage Intacct"):
        got = _crits("Bookkeeper\nMust haves:\n" + line + "\n- Excel")
        (either,) = (c for c in got.values() if c.any_of)
        found.append((either.required, either.weight))
    assert found[0] == found[1] and found[0][0]
