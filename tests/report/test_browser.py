"""The report in a real headless browser (Debian's chromium driven by playwright).

Skips cleanly where either is missing; ``.ci/run`` installs chromium so it runs in CI. The
page must load with no console error and no request beyond itself, hold the expected matrix
cells, open a cell's evidence, sort, switch language, and print; a screenshot is kept.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from matcher.pipeline.run import Run
from matcher.report.html import render
from matcher.rubric.model import Rubric

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="module")
def page(result: Run, rubrics: list[Rubric], tmp_path_factory: pytest.TempPathFactory):
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if not Path(CHROMIUM).exists():
        pytest.skip("chromium is not installed (apt-get install chromium)")
    html = tmp_path_factory.mktemp("report") / "report.html"
    html.write_text(render(result.ranking, result.evidence(), rubrics), encoding="utf-8")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        pg = browser.new_page(viewport={"width": 1400, "height": 900})
        errors: list[str] = []
        requests: list[str] = []
        pg.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        pg.on("pageerror", lambda e: errors.append(str(e)))
        pg.on("request", lambda r: requests.append(r.url))
        pg.goto(html.as_uri())
        pg.wait_for_load_state("load")
        yield pg, errors, requests, html
        browser.close()


def test_the_page_loads_alone_with_no_console_error(page) -> None:
    _, errors, requests, html = page
    assert errors == []
    assert requests == [html.as_uri()], "the report fetched something besides itself"


def test_the_matrix_has_a_cell_per_candidate_and_criterion(
    page, result: Run, rubrics: list[Rubric]
) -> None:
    pg = page[0]
    tables = pg.locator("table.matrix")
    assert tables.count() == len(rubrics)
    for i, rubric in enumerate(rubrics):
        table = tables.nth(i)
        assert table.locator("th.crit").count() == len(rubric.criteria)
        scored = {c.resume for c in result.cards if c.job_id == rubric.job_id}
        assert table.locator("tbody tr:not(.failure)").count() == len(scored) == 3
        assert table.locator("td.c").count() == len(scored) * len(rubric.criteria)
        assert table.locator("tr.failure").count() == 1  # the unreadable file, with its status
        assert "corrupt_pdf" in table.locator("tr.failure").inner_text()
    # the Chinese job: its title, and its fairness findings (女性优先 is left out of scoring)
    zh = pg.locator("section.job").nth(1)
    assert "电商高级助理" in zh.locator("h2").inner_text()
    assert "女性优先" in zh.locator(".findings").inner_text()


def test_a_cell_opens_its_evidence_line(page) -> None:
    pg = page[0]
    met = pg.locator("section.job").first.locator("td.c.met").first
    met.click()
    box = pg.locator("dialog#evidence")
    assert box.is_visible()
    quote = box.locator("blockquote").inner_text()
    assert quote and quote == met.get_attribute("title")
    box.locator("button.close").click()
    assert not box.is_visible()


def test_columns_sort_on_a_click(page) -> None:
    pg = page[0]
    table = pg.locator("table.matrix").first
    scores = table.locator("thead th").nth(2)
    scores.click()  # descending first

    def column() -> list[float]:
        cells = table.locator("tbody tr:not(.failure) td:nth-child(3)")
        return [float(v) for v in cells.evaluate_all("cs => cs.map(c => c.dataset.v)")]

    assert column() == sorted(column(), reverse=True)
    scores.click()
    assert column() == sorted(column())
    assert scores.get_attribute("aria-sort") == "ascending"
    # the file that could not be read stays last either way
    assert "failure" in (table.locator("tbody tr").last.get_attribute("class") or "")


def test_language_switch_and_print(page, tmp_path: Path) -> None:
    pg = page[0]
    heading = pg.locator("h1")
    assert heading.inner_text() == "Candidates by job"
    pg.locator("#lang").click()
    assert heading.inner_text() == "各职位候选人"
    pg.screenshot(path=str(tmp_path / "report-zh.png"), full_page=False)
    pg.locator("#lang").click()
    shot = tmp_path / "report.png"
    pg.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    pdf = pg.pdf(path=str(tmp_path / "report.pdf"), format="A4", landscape=True)
    assert pdf.startswith(b"%PDF")
