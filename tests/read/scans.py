"""Generated scans: a text-layer PDF in, an image-only PDF of it (or page images) out, for OCR.

Each page is rendered (pypdfium2) at a chosen resolution, turned a little (skew), given mild
grain (seeded noise) and a slight blur, and saved as a PDF that holds only the pictures, as a
scanner would. The source PDF's own text layer is the ground truth; ``cer`` measures OCR text
against it. Used by ``tests/read/test_ocr.py`` and ``bench/bench_ocr.py``; needs the ``ocr``
extra (pypdfium2, numpy, Pillow).
"""

from __future__ import annotations

import io
from typing import Any

from rapidfuzz.distance import Levenshtein

from matcher.text import fold, normalize


def render(pdf: bytes, dpi: int) -> list[Any]:
    """The pages of ``pdf`` as greyscale PIL images at ``dpi``."""
    import pypdfium2

    doc = pypdfium2.PdfDocument(pdf)
    try:
        return [doc[i].render(scale=dpi / 72).to_pil().convert("L") for i in range(len(doc))]
    finally:
        doc.close()


def degrade(image: Any, seed: int, skew: float = 0.6, noise: float = 12.0) -> Any:
    """``image`` as a scanner might give it: turned ``skew`` degrees, grainy, slightly soft."""
    import numpy as np
    from PIL import Image, ImageFilter

    turned = image.rotate(skew, resample=Image.Resampling.BICUBIC, fillcolor=255, expand=False)
    soft = turned.filter(ImageFilter.GaussianBlur(0.6))
    rng = np.random.default_rng(seed)
    grain = rng.normal(0.0, noise, (soft.height, soft.width))
    pixels = np.clip(np.asarray(soft, dtype=np.float32) + grain, 0, 255).astype(np.uint8)
    return Image.fromarray(pixels, mode="L")


def scan_pdf(pdf: bytes, dpi: int = 200, seed: int = 0, skew: float = 0.6) -> bytes:
    """An image-only PDF of ``pdf``: every page rendered at ``dpi``, skewed and noisy."""
    pages = [degrade(im, seed + i, skew) for i, im in enumerate(render(pdf, dpi))]
    out = io.BytesIO()
    pages[0].save(out, "PDF", resolution=dpi, save_all=True, append_images=pages[1:])
    return out.getvalue()


def scan_png(pdf: bytes, dpi: int = 200, seed: int = 0, skew: float = 0.6) -> bytes:
    """The first page of ``pdf`` as a PNG photo of it, skewed and noisy."""
    out = io.BytesIO()
    degrade(render(pdf, dpi)[0], seed, skew).save(out, "PNG", dpi=(dpi, dpi))
    return out.getvalue()


def _chars(text: str) -> str:
    # Spacing and bullets are layout, not characters read: compare what is left.
    folded = fold(normalize(text)).replace("•", "")
    return "".join(folded.split())


def cer(truth: str, read: str) -> float:
    """Character error rate of ``read`` against ``truth``: edits per ground-truth character.

    Whitespace and bullets are left out, case is folded (``normalize``): OCR is judged on the
    characters a reader needs, not on how a layout spaced them.

    >>> cer("Jane Doe, SQL", "Jane D0e,SQL")
    0.09090909090909091
    """
    t, r = _chars(truth), _chars(read)
    return Levenshtein.distance(t, r) / max(1, len(t))
