"""Tests for matcher.service.app through the framework's test client: every endpoint, limits."""

from __future__ import annotations

import json
import threading
import time
from datetime import date

import pytest
from fastapi.testclient import TestClient

from matcher import read_resume
from matcher.rubric.io import to_toml
from matcher.rubric.model import Rubric
from matcher.scoring.score import score
from matcher.service.app import create_app, openapi_document
from matcher.service.limits import Limits
from tests.conftest import ROOT, SAMPLES
from tests.people import LEAKS, people, written
from tests.people import rubric as people_rubric

AS_OF = {"as_of": "2026-11-23"}


def pdf(name: str) -> tuple[str, bytes, str]:
    return (name, (SAMPLES / name).read_bytes(), "application/pdf")


def test_health_and_rubrics(client: TestClient, rubrics: list[Rubric]) -> None:
    assert client.get("/v1/health").json()["rubrics"] == 2
    listed = client.get("/v1/rubrics").json()
    assert [r["job_id"] for r in listed] == [r.job_id for r in rubrics]
    assert any("fairness" in n for n in listed[1]["notes"])
    one = client.get(f"/v1/rubrics/{rubrics[1].job_id}").json()
    assert one["title"] == "电商高级助理" and one["toml"].startswith("# matcher rubric")
    assert client.get("/v1/rubrics/nope").json()["error"] == "unknown_job"


def test_score_an_uploaded_resume_against_chosen_rubrics(
    client: TestClient, rubrics: list[Rubric]
) -> None:
    res = client.post(
        "/v1/score",
        files={"file": pdf("en_pm_senior_fintech.pdf")},
        data={"job_id": [rubrics[0].job_id], **AS_OF},
    )
    assert res.status_code == 200, res.text
    body = res.json()
    (card,) = body["cards"]
    assert body["resume"] == "en_pm_senior_fintech.pdf" and card["job_id"] == rubrics[0].job_id
    # The service scores as the library does (its figures are the library's, not its own).
    resume = read_resume(SAMPLES / "en_pm_senior_fintech.pdf", as_of=date(2026, 11, 23))
    assert card["score"] == pytest.approx(score(resume, rubrics[0]).score, abs=0.01)
    assert sum(e["contribution"] for e in card["evidence"]) == pytest.approx(card["score"], abs=0.1)
    # every loaded rubric when none is named; text resumes too
    res = client.post("/v1/score", files={"file": ("cv.txt", b"Product manager\nPRD, Axure")})
    assert [c["job_id"] for c in res.json()["cards"]] == [r.job_id for r in rubrics]


def test_a_rubric_sent_with_the_request(client: TestClient, rubrics: list[Rubric]) -> None:
    compiled = client.post("/v1/compile", json={"text": "Requirements: SQL, Excel", "stem": "bi"})
    assert compiled.status_code == 200
    (rubric,) = compiled.json()["rubrics"]
    res = client.post(
        "/v1/score",
        files={"file": ("cv.txt", b"Skills: SQL and Excel")},
        data={"rubric_toml": [rubric["toml"]], **AS_OF},
    )
    assert res.json()["cards"][0]["job_id"] == "bi" and res.json()["cards"][0]["score"] > 50
    res = client.post(
        "/v1/score",
        files={"file": ("cv.txt", b"SQL")},
        data={"rubric_toml": ["schema_version = 1\n"]},
    )
    assert res.status_code == 400 and res.json()["error"] == "bad_rubric"
    assert "criteria: must hold at least one [[criteria]] table" in res.json()["problems"]


def test_an_unreadable_resume_is_a_400_with_its_status(client: TestClient) -> None:
    res = client.post("/v1/score", files={"file": ("scan.pdf", b"%PDF-1.4 broken")})
    assert res.status_code == 400 and res.json()["error"] == "corrupt_pdf"
    res = client.post("/v1/score", files={"file": ("../../etc/cv.pdf", b"")})
    assert res.json()["error"] == "empty" and "etc" not in res.text


def test_rank_a_batch_with_failure_rows(client: TestClient, rubrics: list[Rubric]) -> None:
    files = [
        ("files", pdf("en_pm_senior_fintech.pdf")),
        ("files", pdf("en_chef.pdf")),
        ("files", ("broken.pdf", b"nope", "application/pdf")),
    ]
    res = client.post("/v1/rank", files=files, data={"job_id": [rubrics[0].job_id], **AS_OF})
    rows = res.json()["rows"]
    assert [(r["resume"], r["rank"], r["status"]) for r in rows] == [
        ("en_pm_senior_fintech.pdf", 1, "ok"),
        ("en_chef.pdf", 2, "ok"),
        ("broken.pdf", None, "not_a_pdf"),
    ]
    assert rows[0]["job_title"] == rubrics[0].title
    too_many = [("files", ("a.txt", b"x"))] * 6
    assert client.post("/v1/rank", files=too_many).json()["error"] == "too_many_files"


def test_explain_one_pair(client: TestClient, rubrics: list[Rubric]) -> None:
    res = client.post(
        "/v1/explain",
        files={"file": pdf("zh_ecommerce_pm_senior.pdf")},
        data={"job_id": rubrics[1].job_id, **AS_OF},
    )
    assert res.status_code == 200 and "电商" in res.json()["text"]
    res = client.post("/v1/explain", files={"file": ("a.txt", b"x")})
    assert res.status_code == 400 and res.json()["error"] == "one_rubric"


def test_check_a_rubric_text(client: TestClient, rubrics: list[Rubric]) -> None:
    good = client.get(f"/v1/rubrics/{rubrics[0].job_id}").json()["toml"]
    assert client.post("/v1/rubrics/check", json={"toml": good}).json()["valid"] is True
    bad = good.replace("weight = 9.0", "weight = -1")
    body = client.post("/v1/rubrics/check", json={"toml": bad}).json()
    assert body["valid"] is False and any("must be > 0" in p for p in body["problems"])


def test_a_posting_with_nothing_to_score_is_a_400(client: TestClient) -> None:
    res = client.post("/v1/compile", json={"text": "hello"})
    assert res.status_code == 400 and res.json()["error"] == "bad_posting"


def test_a_body_over_the_limit_is_refused_before_it_is_read(client: TestClient) -> None:
    big = b"x" * 2_100_000
    res = client.post("/v1/score", files={"file": ("big.txt", big)})
    assert res.status_code == 413 and res.json()["error"] == "too_large"

    def chunks():  # no Content-Length: counted as it arrives
        for _ in range(30):
            yield b"y" * 100_000

    res = client.post("/v1/compile", content=chunks(), headers={"content-type": "application/json"})
    assert res.status_code == 413


def test_the_api_key_is_required_when_set(rubrics: list[Rubric]) -> None:
    with TestClient(create_app(rubrics, api_key="s3cret")) as c:
        assert c.get("/v1/health").status_code == 200
        assert c.get("/v1/rubrics").status_code == 401
        assert c.get("/v1/rubrics", headers={"X-API-Key": "wrong"}).status_code == 401
        assert c.get("/v1/rubrics", headers={"X-API-Key": "s3cret"}).status_code == 200


def test_work_past_the_time_limit_is_a_503_and_keeps_its_place(
    rubrics: list[Rubric], monkeypatch: pytest.MonkeyPatch
) -> None:
    import matcher.service.app as service

    release = threading.Event()

    def slow(source: str, data: bytes):
        release.wait(5)
        raise AssertionError("not reached in time")

    monkeypatch.setattr(service, "read_data", slow)
    limits = Limits(concurrency=1, seconds=0.2, queue_seconds=0.2)
    with TestClient(create_app(rubrics, limits=limits)) as c:
        res = c.post("/v1/score", files={"file": ("a.txt", b"x")})
        assert res.status_code == 503 and res.json()["error"] == "timeout"
        # the overrunning work still holds the only place: the next request is turned away
        res = c.post("/v1/score", files={"file": ("a.txt", b"x")})
        assert res.status_code == 503 and res.json()["error"] == "busy"
        release.set()
        time.sleep(0.1)


def test_the_committed_openapi_document_is_current() -> None:
    committed = (ROOT / "docs" / "openapi.json").read_text(encoding="utf-8")
    assert committed == openapi_document(), "docs/openapi.json is stale: run make openapi"
    paths = json.loads(committed)["paths"]
    assert sorted(paths) == [
        "/v1/compile",
        "/v1/explain",
        "/v1/health",
        "/v1/rank",
        "/v1/rubrics",
        "/v1/rubrics/check",
        "/v1/rubrics/{job_id}",
        "/v1/score",
    ]


# ---------------------------------------------------------------- blind mode (issue 16)


def corpus_uploads(lang: str) -> list[tuple[str, tuple[str, bytes, str]]]:
    """The generated protected-attribute corpus (tests/people.py) as uploads named by number."""
    return [
        ("files", (f"cv-{i}.txt", written(lang, p).encode("utf-8"), "text/plain"))
        for i, p in enumerate(people(lang))
    ]


def leaks(body: str, lang: str) -> list[str]:
    return [v for v in LEAKS[lang] if v in body]


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_a_blind_request_hides_who_and_scores_swapped_people_the_same(lang: str) -> None:
    toml = to_toml(people_rubric(lang))
    with TestClient(create_app()) as c:
        plain = c.post("/v1/rank", files=corpus_uploads(lang), data={"rubric_toml": toml, **AS_OF})
        assert plain.json()["blind"] is False and leaks(plain.text, lang) == []  # scores only
        ranked = c.post(
            "/v1/rank",
            files=corpus_uploads(lang),
            data={"rubric_toml": toml, "blind": "true", **AS_OF},
        )
        assert ranked.status_code == 200, ranked.text
        assert ranked.json()["blind"] is True
        assert len({row["score"] for row in ranked.json()["rows"]}) == 1
        cards = []
        for _, upload in corpus_uploads(lang):
            one = {"rubric_toml": toml, "blind": "true", **AS_OF}
            scored = c.post("/v1/score", files={"file": upload}, data=one)
            explained = c.post("/v1/explain", files={"file": upload}, data=one)
            assert scored.status_code == explained.status_code == 200, scored.text
            assert leaks(scored.text, lang) == leaks(explained.text, lang) == []
            cards.append(scored.json()["cards"][0])
            assert explained.json()["blind"] is True
        assert len({json.dumps(c["evidence"]) for c in cards}) == 1
        assert len({c["score"] for c in cards}) == 1
        # A request that does not ask is not blind (on a service not started blind).
        upload = corpus_uploads(lang)[0][1]
        seen = c.post("/v1/score", files={"file": upload}, data={"rubric_toml": toml, **AS_OF})
        assert seen.json()["blind"] is False


def test_a_service_started_blind_masks_every_request(rubrics: list[Rubric]) -> None:
    toml = to_toml(people_rubric("en"))
    with TestClient(create_app(rubrics, blind=True)) as c:
        assert c.get("/v1/health").json()["blind"] is True
        for _, upload in corpus_uploads("en"):
            # the request does not ask; it may not turn it off either
            for ask in ({}, {"blind": "false"}):
                data = {"rubric_toml": toml, **AS_OF, **ask}
                for path in ("/v1/score", "/v1/explain"):
                    res = c.post(path, files={"file": upload}, data=data)
                    assert res.status_code == 200 and res.json()["blind"] is True
                    assert leaks(res.text, "en") == []
        ranked = c.post("/v1/rank", files=corpus_uploads("en"), data={"rubric_toml": toml})
        assert ranked.json()["blind"] is True and leaks(ranked.text, "en") == []
