"""HTML: a ranking frame, its evidence frame and the rubrics in, one self-contained page out.

Per job: the ranked candidates with score, eligibility (the required criteria a candidate
misses: the knock-outs) and status, in one table with a candidate x criterion matrix whose
cells are coloured by credit and marked met, partly or missing; a click on a cell opens its
evidence line (the ``snippet`` column when the evidence has one, else the matched ``text``).
Warnings (hidden text, keyword stuffing), files that could not be read and the rubric's
fairness findings are shown. Labels are in English and Chinese (a button switches); columns
sort on a click; the page prints on landscape A4. Nothing is fetched: the CSS and the script
are inlined, and the same inputs give the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from html import escape
from importlib.resources import files
from pathlib import PurePath
from typing import Any, Literal

import polars as pl

from matcher.errors import MatcherError
from matcher.ranking import EVIDENCE_SCHEMA, RANKING_SCHEMA, natural_key
from matcher.rubric.model import Rubric

Lang = Literal["en", "zh"]
MET_CREDIT = 0.7  # a met criterion at this credit or more is "met"; below it, "partly"

# Every label the page shows, in both languages (the script has its own for the evidence box).
TEXT: dict[str, tuple[str, str]] = {
    "title": ("Candidates by job", "各职位候选人"),
    "as_of": ("as of", "截至"),
    "engine": ("engine", "引擎"),
    "jobs": ("jobs", "个职位"),
    "resumes": ("resumes", "份简历"),
    "unreadable": ("could not be read", "份无法读取"),
    "rank": ("#", "名次"),
    "candidate": ("Candidate", "候选人"),
    "score": ("Score", "得分"),
    "eligible": ("Eligible", "合格"),
    "status": ("Status", "状态"),
    "warnings": ("Warnings", "警告"),
    "yes": ("yes", "是"),
    "missing": ("missing", "缺少"),
    "required": ("required", "必需"),
    "weight": ("weight", "权重"),
    "met": ("met", "满足"),
    "partly": ("partly", "部分满足"),
    "none": ("missing", "未满足"),
    "findings": ("Left out of scoring by the compiler", "编译器未纳入评分的内容"),
    "failed": ("Files that could not be read", "无法读取的文件"),
    "file": ("File", "文件"),
    "message": ("Why", "原因"),
    "candidates": ("candidates", "名候选人"),
    "n_eligible": ("eligible", "名合格"),
    "legend": (
        "Click a cell for its evidence; click a heading to sort.",
        "点击单元格查看依据;点击表头排序。",
    ),
    "switch": ("中文", "English"),
    "audit": ("Adverse-impact audit (declared groups)", "不利影响审计(自报群体)"),
    "audit_note": (
        "ratio = rate / highest group's rate; * below four-fifths (0.80); "
        "~ small group: the ratio is not meaningful",
        "比值 = 本组比率 / 最高组比率;* 低于五分之四(0.80);~ 样本过小,比值无意义",
    ),
    "attribute": ("attribute", "属性"),
    "group": ("group", "群体"),
    "selected": ("selected", "入选"),
    "sel_rate": ("selection rate", "入选率"),
    "ratio": ("impact ratio", "影响比"),
    "scoring_rate": ("scoring rate", "高于中位数比率"),
    "fisher": ("Fisher p", "Fisher p 值"),
}


def t(key: str) -> str:
    """A label in both languages; the page's ``data-lang`` shows one of them."""
    en, zh = TEXT[key]
    return f'<span class="l-en">{escape(en)}</span><span class="l-zh">{escape(zh)}</span>'


def _asset(name: str) -> str:
    return files("matcher.report").joinpath(name).read_text(encoding="utf-8")


def render(
    ranking: pl.DataFrame,
    evidence: pl.DataFrame,
    rubrics: Iterable[Rubric] = (),
    *,
    lang: Lang = "en",
    top: int | None = None,
    audit: pl.DataFrame | None = None,
) -> str:
    """The report page for a ranking and its evidence, as HTML text.

    Args:
        ranking: the ranking frame (``matcher.rank``, or ``read_table`` of a written one).
        evidence: the evidence frame of the same run (``ranking.evidence_table``).
        rubrics: the rubrics of the run, for their fairness findings (optional).
        lang: the language the page opens in; a button switches.
        top: show only the N best candidates per job (files that could not be read always).
        audit: the frame ``matcher.audit`` made of this ranking: each job gets its section.

    Raises:
        MatcherError: a table that lacks a column of its schema (the two swapped, say).

    >>> import matcher
    >>> from datetime import date
    >>> from matcher.ranking import evidence_table
    >>> rubric = matcher.compile_posting("Requirements: SQL, Excel", stem="bi")[0]
    >>> card = matcher.score(matcher.read_resume("SQL", text=True, name="a.txt",
    ...     as_of=date(2026, 1, 1)), rubric)
    >>> page = render(matcher.rank([card]), evidence_table([card]), [rubric])
    >>> page.startswith("<!doctype html>") and page.count('<td class="c ') == len(rubric.criteria)
    True
    """
    for frame, schema, what in (
        (ranking, RANKING_SCHEMA, "ranking"),
        (evidence, EVIDENCE_SCHEMA, "evidence"),
    ):
        missing = [c for c in schema if c not in frame.columns and c != "job_title"]
        if missing:
            raise MatcherError(f"the {what} table lacks {', '.join(missing)}: is it the {what}?")
    by_job = {r.job_id: r for r in rubrics}
    jobs = sorted(set(ranking["job_id"]), key=natural_key)
    ok = ranking.filter(pl.col("status") == "ok")
    failed = ranking.filter(pl.col("status") != "ok").unique(["resume"], maintain_order=True)
    line = "snippet" if "snippet" in evidence.columns else "text"
    sections = [
        _job(i, ranking.filter(pl.col("job_id") == j), evidence, by_job.get(j), line, top)
        + (_audit(audit.filter(pl.col("job_id") == j)) if audit is not None else "")
        for i, j in enumerate(jobs)
    ]
    first = ranking.row(0, named=True) if ranking.height else {}
    meta = " · ".join(
        x
        for x in (
            f"{t('as_of')} {escape(str(first.get('as_of', '')))}" if first else "",
            f"{t('engine')} {escape(str(first.get('engine_version', '')))}" if first else "",
            f"{len(jobs)} {t('jobs')}",
            f"{ranking['resume'].n_unique()} {t('resumes')}",
            f"{failed.height} {t('unreadable')}" if failed.height else "",
        )
        if x
    )
    nav = "".join(
        f'<li><a href="#job-{i}">{escape(_title(ranking, j))}</a> <span class="id">{escape(j)}</span>'
        f" · {ok.filter(pl.col('job_id') == j).height} {t('candidates')}, "
        f"{ok.filter((pl.col('job_id') == j) & pl.col('eligible')).height} {t('n_eligible')}</li>"
        for i, j in enumerate(jobs)
    )
    return (
        f'<!doctype html>\n<html lang="{lang}" data-lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>matcher report</title>\n<style>\n{_asset('page.css')}</style>\n</head>\n<body>\n"
        f'<header>\n<button type="button" id="lang" class="noprint">{t("switch")}</button>\n'
        f'<h1>{t("title")}</h1>\n<p class="meta">{meta}</p>\n'
        f'<p class="legend"><span class="c met">✓</span> {t("met")} '
        f'<span class="c partly">◐</span> {t("partly")} <span class="c none">✗</span> {t("none")} '
        f'<span class="req">★</span> {t("required")} · <span class="noprint">{t("legend")}</span></p>\n'
        f"<nav><ol>{nav}</ol></nav>\n{_failures(failed)}</header>\n<main>\n{''.join(sections)}</main>\n"
        '<dialog id="evidence"><form method="dialog"><button class="close" aria-label="close">×</button>'
        '</form><div class="body"></div></dialog>\n'
        f"<script>\n{_asset('page.js')}</script>\n</body>\n</html>\n"
    )


def _title(ranking: pl.DataFrame, job: str) -> str:
    """The job's title (a table from before ``job_title`` has none: its id then)."""
    if "job_title" not in ranking.columns:
        return job
    return next((x for x in ranking.filter(pl.col("job_id") == job)["job_title"] if x), job)


def _failures(failed: pl.DataFrame) -> str:
    if not failed.height:
        return ""
    rows = "".join(
        f"<tr><td>{escape(r['resume'])}</td><td><code>{escape(r['status'])}</code></td>"
        f"<td>{escape(r['message'])}</td></tr>"
        for r in failed.iter_rows(named=True)
    )
    return (
        f'<section class="failed"><h2>{t("failed")}</h2><table><thead><tr><th>{t("file")}</th>'
        f"<th>{t('status')}</th><th>{t('message')}</th></tr></thead><tbody>{rows}</tbody></table>"
        "</section>\n"
    )


def _criteria(ev: pl.DataFrame, rubric: Rubric | None) -> list[dict[str, Any]]:
    """The job's criteria in matrix order: the rubric's order, else required first, then weight."""
    crit = ev.unique("criterion_id", keep="first", maintain_order=True).select(
        "criterion_id", "label", "kind", "weight", "required"
    )
    rows = list(crit.iter_rows(named=True))
    if rubric is not None:
        order = {c.id: i for i, c in enumerate(rubric.criteria)}
        return sorted(rows, key=lambda r: order.get(r["criterion_id"], len(order)))
    return sorted(rows, key=lambda r: (not r["required"], -r["weight"], r["label"]))


def _job(
    i: int,
    rows: pl.DataFrame,
    evidence: pl.DataFrame,
    rubric: Rubric | None,
    line: str,
    top: int | None,
) -> str:
    job = rows["job_id"][0]
    ev = evidence.filter(pl.col("job_id") == job)
    crits = _criteria(ev, rubric)
    cells = {(r["resume"], r["resume_id"], r["criterion_id"]): r for r in ev.iter_rows(named=True)}
    ok = rows.filter(pl.col("status") == "ok")
    if top is not None:
        ok = ok.filter(pl.col("rank") <= top)
    bad = rows.filter(pl.col("status") != "ok")
    details: list[list[Any]] = []
    head = "".join(
        f'<th class="crit sort" data-type="num" title="{escape(c["label"])} · {escape(c["kind"])}">'
        f'<div class="vh">{escape(c["label"])}</div><div class="w">{c["weight"]:g}'
        f"{' <span class=req>★</span>' if c['required'] else ''}</div></th>"
        for c in crits
    )
    body = []
    for r in ok.iter_rows(named=True):
        tds = []
        for c in crits:
            e = cells.get((r["resume"], r["resume_id"], c["criterion_id"]))
            tds.append(_cell(e, c, r["resume"], line, details))
        body.append(
            f'<tr><td class="num" data-v="{r["rank"]}">{r["rank"]}</td>{_name(r["resume"])}'
            f'<td class="num" data-v="{r["score"]}"><span class="bar" style="--s:{r["score"]:.0f}%">'
            f"{r['score']:.1f}</span></td>{_eligible(r)}<td>ok</td>{''.join(tds)}{_warnings(r)}</tr>"
        )
    for r in bad.iter_rows(named=True):
        body.append(
            f'<tr class="failure"><td class="num" data-v="999999">-</td>{_name(r["resume"])}'
            f'<td class="num" data-v="-1">-</td><td data-v="-1">-</td>'
            f"<td><code>{escape(r['status'])}</code></td>"
            f'<td colspan="{len(crits) + 1}">{escape(r["message"])}</td></tr>'
        )
    findings = rubric.findings if rubric is not None else ()
    notes = (
        f'<div class="findings"><h3>{t("findings")}</h3><ul>'
        + "".join(
            f"<li><code>{escape(f.code)}</code> {escape(f.message)}"
            + (f" <q>{escape(f.origin)}</q>" if f.origin else "")
            + "</li>"
            for f in findings
        )
        + "</ul></div>"
        if findings
        else ""
    )
    n_ok = rows.filter(pl.col("status") == "ok")
    counts = (
        f"{n_ok.height} {t('candidates')}, "
        f"{n_ok.filter(pl.col('eligible')).height} {t('n_eligible')}"
        + (f", {bad.height} {t('unreadable')}" if bad.height else "")
    )
    data = json.dumps(details, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return (
        f'<section class="job" id="job-{i}">\n<h2>{escape(_title(rows, job))} '
        f'<span class="id">{escape(job)}</span></h2>\n<p class="counts">{counts}</p>\n{notes}\n'
        f'<div class="scroll"><table class="matrix"><thead><tr>'
        f'<th class="num sort" data-type="num">{t("rank")}</th>'
        f'<th class="sort" data-type="text">{t("candidate")}</th>'
        f'<th class="num sort" data-type="num">{t("score")}</th>'
        f'<th class="sort" data-type="num">{t("eligible")}</th><th>{t("status")}</th>{head}'
        f"<th>{t('warnings')}</th></tr></thead>\n<tbody>\n{chr(10).join(body)}\n</tbody></table></div>\n"
        f'<script type="application/json" class="evidence">{data}</script>\n</section>\n'
    )


def _name(resume: str) -> str:
    return f'<td class="name" title="{escape(resume)}">{escape(PurePath(resume).name)}</td>'


def _eligible(r: dict[str, Any]) -> str:
    if r["eligible"]:
        return f'<td class="ok" data-v="1">✓ {t("yes")}</td>'
    knocked = ", ".join(escape(m) for m in r["missing_required"])
    return f'<td class="ko" data-v="0">✗ {t("missing")}: {knocked}</td>'


def _warnings(r: dict[str, Any]) -> str:
    badges = "".join(
        f'<span class="badge" title="{escape(w)}">{escape(w.split(":")[0])}</span>'
        for w in r["warnings"]
    )
    return f'<td class="warn">{badges}</td>'


def _cell(
    e: dict[str, Any] | None,
    c: dict[str, Any],
    resume: str,
    line: str,
    details: list[list[Any]],
) -> str:
    """One matrix cell: a mark, the credit as colour, the index of its evidence line."""
    if e is None:
        return '<td class="c none" data-v="0">·</td>'
    credit = float(e["credit"])
    level = "met" if e["met"] and credit >= MET_CREDIT else "partly" if credit > 0 else "none"
    mark = {"met": "✓", "partly": "◐", "none": "✗"}[level]
    shown = e.get(line) or e.get("text") or ""
    details.append(
        [
            PurePath(resume).name,
            c["label"],
            c["kind"],
            c["weight"],
            c["required"],
            e["method"],
            e["term"],
            shown,
            e["page"],
            e["section"],
            e["context"],
            round(credit, 3),
            round(float(e["contribution"]), 2),
        ]
    )
    ko = " ko" if c["required"] and level == "none" else ""
    return (
        f'<td class="c {level}{ko}" style="--c:{credit:.2f}" data-v="{credit:.3f}" '
        f'data-e="{len(details) - 1}" tabindex="0" title="{escape(str(shown))}">{mark}</td>'
    )


def languages(rubrics: Sequence[Rubric]) -> Lang:
    """The language a report opens in: Chinese when most rubrics are Chinese."""
    zh = sum(r.language == "zh" for r in rubrics)
    return "zh" if rubrics and zh * 2 > len(rubrics) else "en"


def _audit(rows: pl.DataFrame) -> str:
    """A job's audit rows (``matcher.audit``) as a table, flags marked."""
    if not rows.height:
        return ""

    def ratio(v: float | None, below: bool | None) -> str:
        return "-" if v is None else f"{v:.2f}" + ("*" if below else "")

    body = "".join(
        f"<tr><td>{escape(r['attribute'])}</td>"
        f"<td>{escape(r['group'])}{'~' if r['small_sample'] else ''}</td>"
        f'<td class="num">{r["n"]}</td><td class="num">{r["selected"]}</td>'
        f'<td class="num">{r["selection_rate"]:.2f}</td>'
        f'<td class="num">{ratio(r["impact_ratio"], r["below_four_fifths"])}</td>'
        f'<td class="num">{r["scoring_rate"]:.2f}</td>'
        f'<td class="num">{ratio(r["scoring_impact_ratio"], r["scoring_below_four_fifths"])}</td>'
        f'<td class="num">{"-" if r["fisher_p"] is None else format(r["fisher_p"], ".3f")}</td></tr>'
        for r in rows.iter_rows(named=True)
    )
    heads = ("attribute", "group", "n", "selected", "sel_rate", "ratio", "scoring_rate", "ratio")
    head = "".join(f"<th>{t(h) if h != 'n' else 'n'}</th>" for h in heads)
    return (
        f'<section class="audit"><h3>{t("audit")} · {escape(str(rows["cut"][0]))}</h3>'
        f'<p class="legend">{t("audit_note")}</p><table><thead><tr>{head}<th>{t("fisher")}</th>'
        f"</tr></thead><tbody>{body}</tbody></table></section>\n"
    )
