"""Server: rubrics, an address and limits in, the HTTP service running (uvicorn) out.

Bound to 127.0.0.1 by default. Binding to any other address exposes resumes and rubrics to
the network, so it needs an API key, which every request but ``/v1/health`` must then send.
Access logs are off: a request's path and client are nobody's business but the caller's.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence

from matcher.errors import MatcherError
from matcher.rubric.model import Rubric
from matcher.service.app import create_app
from matcher.service.limits import Limits

KEY_ENV = "MATCHER_API_KEY"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine (127.0.0.0/8, ::1, localhost).

    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve anywhere
        return False


def serve(
    rubrics: Sequence[Rubric],
    *,
    host: str = "127.0.0.1",
    port: int = 8000,
    api_key: str | None = None,
    limits: Limits | None = None,
    blind: bool = False,
) -> None:
    """Run the service until interrupted (``blind``: mask who every candidate is, as
    ``create_app`` says).

    Raises:
        MatcherError: when ``host`` is not loopback and there is no ``api_key``.
    """
    if not is_loopback(host) and not api_key:
        raise MatcherError(
            f"serving on {host} reaches beyond this machine: set an API key in ${KEY_ENV} "
            "(clients send it as X-API-Key), or serve on 127.0.0.1"
        )
    import uvicorn

    app = create_app(rubrics, api_key=api_key or None, limits=limits, blind=blind)
    uvicorn.run(app, host=host, port=port, access_log=False, log_level="info")
