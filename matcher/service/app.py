"""App: rubrics and limits in, the FastAPI application of the HTTP service out.

Endpoints (JSON; resumes as multipart uploads), all under ``/v1``: ``GET /health``; ``GET
/rubrics`` and ``GET /rubrics/{job_id}``; ``POST /rubrics/check`` (a rubric file's text: every
problem, or the rubric and its lint notes); ``POST /compile`` (posting text to rubrics, with the
TOML a person would review); ``POST /score`` (one resume against the chosen rubrics, with
evidence); ``POST /rank`` (a batch of resumes: the ranking table's rows, failure rows
included); ``POST /explain`` (one resume against one rubric, as ``matcher explain`` says it).

Rubrics are chosen by ``job_id`` from the rubrics the service was started with, or sent as
TOML text in ``rubric_toml`` fields; with neither, every loaded rubric is used. Score, rank and
explain mask who the candidate is (``matcher.resume.blind``) when the request sends
``blind=true`` or the service was started blind (``create_app(blind=True)``, ``matcher serve
--blind``); their answers say ``blind``. Errors are the
``Error`` model: 400 (a file or rubric that cannot be used, an unknown job), 401 (no or wrong
API key, when the service has one), 413 (too large), 422 (a malformed request), 503 (busy or
out of time).
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import AsyncIterator, Sequence
from datetime import date
from pathlib import PurePath
from typing import Annotated, Any

from fastapi import Depends, FastAPI, File, Form, Request, UploadFile
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartParser

from matcher._version import __version__
from matcher.compiler.criteria import compile_text
from matcher.errors import PostingError, RubricError
from matcher.pipeline.rows import read_data
from matcher.pipeline.run import score_reads
from matcher.read.cache import Read
from matcher.resume.blind import blind as blind_document
from matcher.resume.understand import Resume, understand
from matcher.rubric.io import loads_rubric
from matcher.rubric.model import Rubric
from matcher.scoring.explain import explain_text
from matcher.scoring.score import score_many
from matcher.service.limits import BodyLimit, Gate, Limits, ServiceError, key_matches
from matcher.service.models import (
    CheckIn,
    CheckOut,
    CompileIn,
    CompileOut,
    Error,
    ExplainOut,
    Health,
    RankOut,
    RankRow,
    RubricOut,
    RubricSummary,
    ScoreOut,
    card_out,
    rubric_out,
    summary,
)

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": Error, "description": what}
    for code, what in (
        (400, "a file or rubric that cannot be used, or an unknown job_id"),
        (401, "no API key, or the wrong one (only when the service has a key)"),
        (413, "the request is over the size limit"),
        (503, "busy, or the request ran out of time"),
    )
}
API_KEY = APIKeyHeader(name="X-API-Key", auto_error=False, description="when the service has one")

JobIds = Annotated[list[str], Form(description="job_ids of loaded rubrics (default: all)")]
RubricTomls = Annotated[list[str], Form(description="rubric files' text, used as well")]
AsOf = Annotated[date | None, Form(description="the date open roles end at (default: today)")]
Blind = Annotated[
    bool,
    Form(
        description="mask who the candidate is (name, contacts, gender, age...) before scoring; "
        "a service started blind masks every request"
    ),
]


def create_app(
    rubrics: Sequence[Rubric] = (),
    *,
    api_key: str | None = None,
    limits: Limits | None = None,
    blind: bool = False,
) -> FastAPI:
    """The service's application, serving ``rubrics``.

    Args:
        rubrics: the rubrics the service holds (``load_rubrics``); job ids must be distinct.
        api_key: when set, every request but ``/v1/health`` must send it as ``X-API-Key``.
        limits: request size, batch size, concurrency and time limits.
        blind: mask who each candidate is (``matcher.resume.blind``) in every request, whatever
            the request asks; without it a request may ask with ``blind=true``.
    """
    limits = limits or Limits()
    blind_service = blind  # a route's own ``blind`` is what its request asks
    store = {r.job_id: r for r in rubrics}
    if len(store) != len(rubrics):
        raise RubricError("the service's rubrics must have distinct job_ids")
    gate = Gate(limits)
    # Uploads stay in memory (the body is already capped at max_bytes), never spooled to disk.
    MultiPartParser.spool_max_size = max(MultiPartParser.spool_max_size, limits.max_bytes)

    def check_key(given: Annotated[str | None, Depends(API_KEY)]) -> None:
        if api_key is not None and not key_matches(given, api_key):
            raise ServiceError(401, "unauthorized", "send the service's API key as X-API-Key")

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        gate.close()

    app = FastAPI(
        lifespan=lifespan,
        title="matcher",
        version=__version__,
        summary="Match resumes to jobs and explain why.",
        docs_url=None,  # the interactive pages load scripts from a CDN; the document is enough
        redoc_url=None,
        responses=ERRORS,
    )
    app.add_middleware(BodyLimit, max_bytes=limits.max_bytes)

    @app.exception_handler(ServiceError)
    async def refused(request: Request, e: ServiceError) -> JSONResponse:
        return JSONResponse(e.body(), status_code=e.status)

    @app.exception_handler(HTTPException)
    async def framework_error(request: Request, e: HTTPException) -> JSONResponse:
        """The framework's own errors (a body that is not JSON...) in the ``Error`` shape too."""
        body = ServiceError(e.status_code, "bad_request", str(e.detail)).body()
        return JSONResponse(body, status_code=e.status_code, headers=e.headers)

    keyed = [Depends(check_key)]

    @app.get("/v1/health", response_model=Health)
    def health() -> Health:
        """Whether the service is up, its version, how many rubrics it holds and whether it
        masks who every candidate is (started blind)."""
        return Health(status="ok", version=__version__, rubrics=len(store), blind=blind_service)

    @app.get("/v1/rubrics", response_model=list[RubricSummary], dependencies=keyed)
    def list_rubrics() -> list[RubricSummary]:
        """The rubrics the service holds, with their lint notes (fairness findings first)."""
        return [summary(r) for r in store.values()]

    @app.get("/v1/rubrics/{job_id}", response_model=RubricOut, dependencies=keyed)
    def get_rubric(job_id: str) -> RubricOut:
        """One rubric: its criteria, findings, lint notes and TOML text."""
        return rubric_out(_known(store, job_id))

    @app.post("/v1/rubrics/check", response_model=CheckOut, dependencies=keyed)
    def check(body: CheckIn) -> CheckOut:
        """Validate a rubric file's text: every problem, or the rubric with its notes."""
        try:
            return CheckOut(valid=True, problems=[], rubric=rubric_out(loads_rubric(body.toml)))
        except RubricError as e:
            return CheckOut(valid=False, problems=list(e.problems) or [e.message])

    @app.post("/v1/compile", response_model=CompileOut, dependencies=keyed)
    async def compile(body: CompileIn) -> CompileOut:
        """Compile posting text (one or several postings) into rubrics to review."""

        def work() -> CompileOut:
            try:
                return CompileOut(
                    rubrics=[rubric_out(r) for r in compile_text(body.text, stem=body.stem)]
                )
            except PostingError as e:
                raise ServiceError(400, e.status, e.message) from None

        return await gate.run(work)

    @app.post("/v1/score", response_model=ScoreOut, dependencies=keyed)
    async def score(
        file: Annotated[UploadFile, File(description="a resume: PDF, DOCX, text, JSON Resume")],
        job_id: JobIds = [],  # noqa: B006 (FastAPI copies form defaults)
        rubric_toml: RubricTomls = [],  # noqa: B006
        as_of: AsOf = None,
        blind: Blind = False,
    ) -> ScoreOut:
        """Score one resume against rubrics, with evidence for every criterion."""
        chosen = _choose(store, job_id, rubric_toml)
        name, data = _name(file), await file.read()
        masked = blind or blind_service

        def work() -> ScoreOut:
            resume = _understood(read_data(name, data), as_of, masked)
            cards = score_many(resume, chosen)
            return ScoreOut(
                resume=name,
                resume_id=resume.document.sha256[:12],
                cards=[card_out(c) for c in cards],
                blind=masked,
            )

        return await gate.run(work)

    @app.post("/v1/rank", response_model=RankOut, dependencies=keyed)
    async def rank(
        files: Annotated[list[UploadFile], File(description="resumes to rank")],
        job_id: JobIds = [],  # noqa: B006
        rubric_toml: RubricTomls = [],  # noqa: B006
        as_of: AsOf = None,
        blind: Blind = False,
    ) -> RankOut:
        """Rank a batch of resumes against rubrics: one row per resume and job, failures kept."""
        if len(files) > limits.max_files:
            raise ServiceError(400, "too_many_files", f"at most {limits.max_files} resumes at once")
        chosen = _choose(store, job_id, rubric_toml)
        uploads = [(_name(f), await f.read()) for f in files]
        day, masked = as_of or date.today(), blind or blind_service

        def work() -> RankOut:
            reads: list[Read] = [read_data(name, data) for name, data in uploads]
            table = score_reads(reads, chosen, day, blind=masked).ranking
            return RankOut(rows=[RankRow(**row) for row in table.to_dicts()], blind=masked)

        return await gate.run(work)

    @app.post("/v1/explain", response_model=ExplainOut, dependencies=keyed)
    async def explain(
        file: Annotated[UploadFile, File(description="a resume: PDF, DOCX, text, JSON Resume")],
        job_id: Annotated[str | None, Form(description="a loaded rubric's job_id")] = None,
        rubric_toml: Annotated[str | None, Form(description="or a rubric file's text")] = None,
        as_of: AsOf = None,
        blind: Blind = False,
    ) -> ExplainOut:
        """Why one resume scored what it did against one rubric."""
        chosen = _choose(store, [job_id] if job_id else [], [rubric_toml] if rubric_toml else [])
        if len(chosen) != 1:
            raise ServiceError(400, "one_rubric", "name one job_id or send one rubric_toml")
        name, data = _name(file), await file.read()
        masked = blind or blind_service

        def work() -> ExplainOut:
            (card,) = score_many(_understood(read_data(name, data), as_of, masked), chosen)
            return ExplainOut(card=card_out(card), text=explain_text(card), blind=masked)

        return await gate.run(work)

    return app


def _understood(read: Read, as_of: date | None, blind: bool) -> Resume:
    """An upload's resume, understood (masked first when ``blind``); a 400 when unreadable."""
    if read.document is None:
        raise ServiceError(400, read.status, read.message)
    document = blind_document(read.document)[0] if blind else read.document
    return understand(document, as_of or date.today())


def _name(upload: UploadFile) -> str:
    """What to call an upload in results: its file name, never a client's path."""
    return PurePath((upload.filename or "resume").replace("\\", "/")).name or "resume"


def _known(store: dict[str, Rubric], job_id: str) -> Rubric:
    if job_id not in store:
        raise ServiceError(400, "unknown_job", f"no rubric with job_id {job_id!r}")
    return store[job_id]


def _choose(store: dict[str, Rubric], job_ids: list[str], tomls: list[str]) -> list[Rubric]:
    """The rubrics a request names (loaded ones by id, sent ones by text); all when none."""
    chosen = [_known(store, j) for j in dict.fromkeys(job_ids)]
    for i, text in enumerate(tomls):
        try:
            chosen.append(loads_rubric(text, where=f"rubric_toml[{i}]"))
        except RubricError as e:
            raise ServiceError(400, e.status, e.message.splitlines()[0], e.problems) from None
    if not job_ids and not tomls:
        chosen = list(store.values())
    if not chosen:
        raise ServiceError(400, "no_rubric", "the service holds no rubrics: send rubric_toml")
    if len({r.job_id for r in chosen}) != len(chosen):
        raise ServiceError(400, "bad_rubric", "the rubrics of a request need distinct job_ids")
    return chosen


def openapi_document() -> str:
    """The service's OpenAPI document as committed in ``docs/openapi.json`` (``make openapi``)."""
    return json.dumps(create_app().openapi(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"
