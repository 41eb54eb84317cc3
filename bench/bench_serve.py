"""Load test of ``matcher serve`` on 127.0.0.1: latency percentiles and errors under concurrency.

Starts the service (the committed ``rubrics/``, default limits) on a free loopback port, then
sends a bounded number of ``POST /v1/score`` requests from a pool of client threads, each
request one of the bundled ``samples/`` (14 PDFs and a text file, in turn) scored against all
18 rubrics, and prints p50/p90/p99/max latency, throughput and every non-200 answer by
status. Traffic goes to 127.0.0.1 only; the run stops after ``--requests`` requests or
``--seconds`` seconds, whichever comes first, and stops the server.

Run: .venv/bin/python bench/bench_serve.py [--requests 2000] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted(p for p in (ROOT / "samples").iterdir() if p.suffix in (".pdf", ".txt"))
MATCHER = Path(sys.executable).with_name("matcher")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def multipart(path: Path) -> tuple[bytes, str]:
    """A multipart body with the resume file and an as_of field."""
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="as_of"\r\n\r\n2026-11-23\r\n',
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{path.name}"\r\n'
        "Content-Type: application/octet-stream\r\n\r\n",
    ]
    body = "".join(parts).encode() + path.read_bytes() + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def wait_up(port: int, server: subprocess.Popen[bytes]) -> None:
    for _ in range(200):
        if server.poll() is not None:
            raise SystemExit("the server did not start")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            conn.request("GET", "/v1/health")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("the server did not answer in 20 s")


def load(port: int, requests: int, concurrency: int, seconds: float) -> None:
    bodies = [multipart(p) for p in SAMPLES]
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    issued = 0
    deadline = time.monotonic() + seconds

    def client() -> None:
        nonlocal issued
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
        while True:
            with lock:
                if issued >= requests or time.monotonic() > deadline:
                    return
                i = issued
                issued += 1
            body, ctype = bodies[i % len(bodies)]
            start = time.perf_counter()
            try:
                conn.request("POST", "/v1/score", body=body, headers={"Content-Type": ctype})
                resp = conn.getresponse()
                data = resp.read()
                status = str(resp.status)
                if resp.status == 200 and len(json.loads(data)["cards"]) != 18:
                    status = "200 but not 18 cards"
            except (OSError, http.client.HTTPException) as e:
                status = type(e).__name__
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            took = time.perf_counter() - start
            with lock:
                latencies.append(took)
                statuses[status] += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.perf_counter() - t0
    ms = sorted(x * 1000 for x in latencies)

    def pct(p: float) -> float:
        return ms[min(len(ms) - 1, int(p / 100 * len(ms)))]

    errors = {k: v for k, v in statuses.items() if k != "200"}
    print(
        f"requests {len(ms)} at concurrency {concurrency} in {wall:.1f} s "
        f"({len(ms) / wall:.1f} requests/s); resumes: {len(SAMPLES)} samples in turn, 18 rubrics"
    )
    print(
        f"latency ms: p50 {pct(50):.0f}, p90 {pct(90):.0f}, p99 {pct(99):.0f}, "
        f"max {ms[-1]:.0f}, mean {statistics.fmean(ms):.0f}"
    )
    print(f"errors: {sum(errors.values())} {dict(errors) if errors else ''}".rstrip())


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--seconds", type=float, default=900.0, help="stop sending after this")
    args = ap.parse_args()
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "MATCHER_API_KEY"}
    server = subprocess.Popen(
        [str(MATCHER), "serve", "--rubric", str(ROOT / "rubrics"), "--port", str(port)],
        env=env,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_up(port, server)
        load(port, args.requests, args.concurrency, args.seconds)
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
