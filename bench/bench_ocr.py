"""OCR engines measured: RapidOCR (onnxruntime wheels) against Debian's tesseract 5 (eng+chi_sim).

    .venv/bin/python bench/bench_ocr.py [--dpi 150 200 300] [--all]

Each sample PDF (English and Chinese) is rendered to a scan (``tests/read/scans.py``: skewed
0.6 degrees, grain, a slight blur) and read back by each engine; the text goes through the
reader's own line grouping and reading order, and is compared with the PDF's text layer
(character error rate, whitespace and case left out). Speed is CPU seconds per page (the
machine may be shared; CPU time is what a worker spends) and wall seconds. Needs the ``ocr``
extra; tesseract is measured when the ``tesseract`` command is installed
(``apt-get install tesseract-ocr tesseract-ocr-chi-sim``). Without ``--all``, four samples.
"""

from __future__ import annotations

import argparse
import io
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from matcher.read import ocr  # noqa: E402
from matcher.read.layout import Char, group_lines, order_page  # noqa: E402
from matcher.read.reader import read_document  # noqa: E402
from tests.read.scans import cer, degrade, render  # noqa: E402

QUICK = [
    "en_chef.pdf",
    "en_pm_mid_ecommerce_twocol.pdf",
    "zh_ecommerce_pm_senior.pdf",
    "zh_accountant.pdf",
]


def cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def rapid(image: Any, dpi: float) -> tuple[str, float]:
    page = ocr.recognise(image, dpi)
    return "\n".join(order_page(page.lines, page.width)), page.confidence


def tesseract(image: Any, dpi: float) -> tuple[str, float]:
    buf = io.BytesIO()
    image.save(buf, "PNG")
    out = subprocess.run(
        ["tesseract", "-", "-", "-l", "eng+chi_sim", "--dpi", str(int(dpi)), "tsv"],
        input=buf.getvalue(),
        capture_output=True,
        check=True,
        env={"OMP_THREAD_LIMIT": "1", "PATH": "/usr/bin:/bin"},
    ).stdout.decode("utf-8")
    height = image.height * 72 / dpi
    chars: list[Char] = []
    confs: list[tuple[float, int]] = []
    for row in out.splitlines()[1:]:
        f = row.split("\t")
        if len(f) < 12 or f[0] != "5" or not f[11].strip():
            continue
        x, y, w, h = (int(v) * 72 / dpi for v in f[6:10])
        text = f[11].strip()
        step = w / len(text)
        chars += [
            (x + k * step, height - y - h, x + (k + 1) * step, height - y, c)
            for k, c in enumerate(text)
        ]
        confs.append((float(f[10]) / 100, len(text)))
    text = "\n".join(order_page(group_lines(chars), image.width * 72 / dpi))
    n = sum(k for _, k in confs)
    return text, sum(c * k for c, k in confs) / n if n else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, nargs="+", default=[200])
    ap.add_argument("--all", action="store_true", help="every sample PDF, not four")
    ap.add_argument(
        "--threshold", action="store_true", help="only: confidence against CER on worse scans"
    )
    args = ap.parse_args()
    if args.threshold:
        threshold()
        return
    names = sorted(p.name for p in (ROOT / "samples").glob("*.pdf")) if args.all else QUICK
    engines = {"rapidocr": rapid}
    if shutil.which("tesseract"):
        engines["tesseract"] = tesseract
    else:
        print("tesseract not installed: measuring rapidocr only")
    ocr.recognise(render((ROOT / "samples" / names[0]).read_bytes(), 72)[0], 72)  # load models
    rows: dict[tuple[str, int, str], list[tuple[float, float, float, float]]] = {}
    for name in names:
        pdf = (ROOT / "samples" / name).read_bytes()
        truth = read_document(ROOT / "samples" / name).text
        lang = name[:2]
        for dpi in args.dpi:
            pages = [degrade(im, i) for i, im in enumerate(render(pdf, dpi))]
            for engine, run in engines.items():
                c0, w0 = cpu(), time.perf_counter()
                read = [run(im, dpi) for im in pages]
                c1, w1 = cpu(), time.perf_counter()
                text = "\n\n".join(t for t, _ in read)
                e = cer(truth, text)
                conf = statistics.mean(c for _, c in read)
                rows.setdefault((lang, dpi, engine), []).append(
                    (e, (c1 - c0) / len(pages), (w1 - w0) / len(pages), conf)
                )
                print(
                    f"{name:38} {dpi:4} dpi {engine:10} CER {e:6.3f}  "
                    f"cpu {(c1 - c0) / len(pages):5.1f} s/page  wall {(w1 - w0) / len(pages):5.1f}  "
                    f"confidence {conf:.3f}",
                    flush=True,
                )
    print("\nsummary (mean over files)")
    print(
        f"{'lang':4} {'dpi':>4} {'engine':10} {'CER':>6} {'cpu s/page':>10} {'wall':>6} {'conf':>5}"
    )
    for (lang, dpi, engine), vals in sorted(rows.items()):
        m = [statistics.mean(v[k] for v in vals) for k in range(4)]
        print(f"{lang:4} {dpi:4} {engine:10} {m[0]:6.3f} {m[1]:10.1f} {m[2]:6.1f} {m[3]:5.3f}")


def threshold() -> None:
    """Where confidence falls as scans get worse, and what CER goes with it: MIN_CONFIDENCE."""
    for name in ("en_chef.pdf", "zh_accountant.pdf"):
        pdf = (ROOT / "samples" / name).read_bytes()
        truth = read_document(ROOT / "samples" / name).text
        for dpi, noise, blur in ((200, 12, 0.6), (100, 30, 0.8), (72, 40, 1.0), (60, 60, 1.4)):
            from PIL import ImageFilter

            pages = [
                degrade(im, i, noise=noise).filter(ImageFilter.GaussianBlur(blur))
                for i, im in enumerate(render(pdf, dpi))
            ]
            read = [rapid(im, dpi) for im in pages]
            text = "\n\n".join(t for t, _ in read)
            conf = statistics.mean(c for _, c in read)
            print(
                f"{name:22} {dpi:4} dpi noise {noise:3} blur {blur}: CER {cer(truth, text):6.3f}"
                f"  confidence {conf:.3f}",
                flush=True,
            )


if __name__ == "__main__":
    main()
