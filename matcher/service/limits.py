"""Limits: a request in, served within bounds or refused with a clear status out.

Every request's body is capped (``413``) before any of it is parsed; the work of a request
runs in a bounded pool of threads, waits at most ``queue_seconds`` for a place (``503
busy``) and takes at most ``seconds`` (``503 timeout``). A request that runs out of time keeps
its place until its thread ends, so work that overruns can never pile up past the pool.
The API key, when one is set, is compared in constant time.
"""

from __future__ import annotations

import asyncio
import functools
import hmac
import json
from collections.abc import Awaitable, Callable, MutableMapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

T = TypeVar("T")
Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Limits:
    """The bounds of the service; the defaults suit one machine serving one ATS."""

    max_bytes: int = 10 * 1024 * 1024  # a request's body: resumes are rarely over 2 MB
    max_files: int = 100  # resumes in one rank request
    concurrency: int = 4  # requests worked on at once (threads)
    seconds: float = 60.0  # one request's work, reading included
    queue_seconds: float = 30.0  # how long a request waits for a place before "busy"


class ServiceError(Exception):
    """A request the service refuses: its HTTP status and the body of the ``Error`` model."""

    def __init__(
        self, status: int, code: str, message: str, problems: tuple[str, ...] = ()
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message, self.problems = status, code, message, problems

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "message": self.message, "problems": list(self.problems)}


class BodyLimit:
    """ASGI middleware: read at most ``max_bytes`` of a body, else answer 413 at once.

    The body is read here, whether or not it says its length, and handed on whole: nothing
    past the limit is buffered, parsed or spooled to disk.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        sent = False

        async def replay() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # after the body: wait for the disconnect
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)

    async def _refuse(self, send: Send) -> None:
        refused = ServiceError(413, "too_large", f"the request is over {self.max_bytes:,} bytes")
        body = json.dumps(refused.body()).encode()
        headers = [(b"content-type", b"application/json"), (b"connection", b"close")]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class Gate:
    """Runs a request's work in a bounded thread pool, within the time limits."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        # Made on first use, on the serving event loop; ``close`` drops them, so an app that
        # is started again (tests do) gets new ones.
        self._pool: ThreadPoolExecutor | None = None
        self._places: asyncio.Semaphore | None = None

    async def run(self, fn: Callable[..., T], *args: Any) -> T:
        """``fn(*args)`` in a worker thread; 503 when no place frees up or time runs out."""
        if self._pool is None or self._places is None:
            self._pool = ThreadPoolExecutor(self.limits.concurrency, thread_name_prefix="matcher")
            self._places = asyncio.Semaphore(self.limits.concurrency)
        places = self._places
        try:
            await asyncio.wait_for(places.acquire(), self.limits.queue_seconds)
        except TimeoutError:
            raise ServiceError(503, "busy", "the service is busy: try again shortly") from None
        try:
            future = asyncio.get_running_loop().run_in_executor(
                self._pool, functools.partial(fn, *args)
            )
        except BaseException:
            places.release()
            raise
        future.add_done_callback(lambda _: places.release())
        try:
            return await asyncio.wait_for(asyncio.shield(future), self.limits.seconds)
        except TimeoutError:
            raise ServiceError(
                503, "timeout", f"the request took over {self.limits.seconds:g} s: stopped"
            ) from None

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._places = None


def key_matches(given: str | None, key: str) -> bool:
    """Whether the API key a request gave is the service's (constant time)."""
    return given is not None and hmac.compare_digest(given.encode(), key.encode())
