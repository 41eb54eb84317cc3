"""Streams: a PDF stream's filtered bytes in, its data out, never more than ``MAX_STREAM`` bytes.

Input is a stream's bytes and one of its filters with the filter's parameters; output is the
bytes that filter gives, or ``ReadError`` (``too_large``) past the cap, or pdfminer's own
errors for damaged data. pdfminer trusts what a stream declares: a Flate stream may unpack a
thousand times over (and its salvage of a damaged one copied quadratically), its LZW table
grows without end, a predictor's row of 2^31 columns is allocated before the data is looked
at. ``matcher.read.guard`` decodes every stream of a read through ``unfilter``;
``matcher.read.interp`` undoes a picture's filters with it before Pillow reads the pixels.
"""

from __future__ import annotations

import zlib
from typing import Any

from pdfminer.ascii85 import ascii85decode, asciihexdecode
from pdfminer.pdfexceptions import PDFNotImplementedError
from pdfminer.pdfparser import PDFSyntaxError
from pdfminer.pdftypes import (
    LITERAL_CRYPT,
    LITERALS_ASCII85_DECODE,
    LITERALS_ASCIIHEX_DECODE,
    LITERALS_CCITTFAX_DECODE,
    LITERALS_DCT_DECODE,
    LITERALS_FLATE_DECODE,
    LITERALS_JBIG2_DECODE,
    LITERALS_JPX_DECODE,
    LITERALS_LZW_DECODE,
    LITERALS_RUNLENGTH_DECODE,
)
from pdfminer.utils import apply_png_predictor, apply_tiff_predictor

from matcher.errors import ReadError

MAX_STREAM = 64 * 2**20  # bytes one stream may unpack to
# A predictor's row is at most this many bytes (a 30,000-pixel-wide RGB image at 16 bits).
MAX_ROW = 180_000


def unfilter(data: bytes, f: object, params: object) -> bytes:
    """One filter of a stream undone, its output capped at ``MAX_STREAM`` bytes.

    Image codecs (DCT, JPX, JBIG2, CCITT) are left as they are: nothing here reads pictures'
    pixels (``matcher.read.images`` does, bounded on its own).
    """
    if f in LITERALS_FLATE_DECODE:
        data = inflate(data)
    elif f in LITERALS_LZW_DECODE:
        data = lzw(data)
    elif f in LITERALS_ASCII85_DECODE:
        data = _capped(ascii85decode(data))
    elif f in LITERALS_ASCIIHEX_DECODE:
        data = asciihexdecode(data)
    elif f in LITERALS_RUNLENGTH_DECODE:
        data = runlength(data)
    elif (
        f in LITERALS_CCITTFAX_DECODE
        or f in LITERALS_DCT_DECODE
        or f in LITERALS_JBIG2_DECODE
        or f in LITERALS_JPX_DECODE
    ):
        return data
    elif f == LITERAL_CRYPT:
        raise PDFNotImplementedError("/Crypt filter is unsupported")
    else:
        raise PDFNotImplementedError("unsupported filter")
    if isinstance(params, dict) and "Predictor" in params:
        data = _unpredict(data, params)
    return data


def _capped(data: bytes) -> bytes:
    if len(data) > MAX_STREAM:
        raise ReadError(
            f"a PDF stream unpacks to over {MAX_STREAM // 2**20} MiB: too large to read",
            status="too_large",
        )
    return data


def inflate(data: bytes) -> bytes:
    """Flate data unpacked to at most ``MAX_STREAM`` bytes, damaged data as pdfminer salvages it.

    pdfminer keeps what a damaged stream gave only when the damage is in its last 3 bytes (the
    checksum), and salvages byte by byte with a quadratic copy; this is the same in one pass.
    """
    try:
        return _capped(zlib.decompressobj().decompress(data, MAX_STREAM + 1))
    except zlib.error:
        pass
    d = zlib.decompressobj()
    try:
        out = d.decompress(data[:-3], MAX_STREAM + 1)
    except zlib.error:
        return b""
    for i in range(max(0, len(data) - 3), len(data)):
        try:
            out += d.decompress(data[i : i + 1], MAX_STREAM + 1 - len(out))
        except zlib.error:
            break
    return _capped(out)


def lzw(data: bytes) -> bytes:
    """LZW data unpacked with a table of at most 4,096 entries (pdfminer's grows without end).

    >>> lzw(bytes([0x80, 0x0B, 0x60, 0x50, 0x22, 0x0C, 0x0C, 0x85, 0x01]))
    b'-----A---B'
    """
    out = bytearray()
    table: list[bytes] = []
    prev = b""
    nbits, bitbuf, nbuf = 9, 0, 0
    for byte in data:
        bitbuf, nbuf = (bitbuf << 8) | byte, nbuf + 8
        while nbuf >= nbits:
            nbuf -= nbits
            code = (bitbuf >> nbuf) & ((1 << nbits) - 1)
            bitbuf &= (1 << nbuf) - 1
            if code == 256:
                table, prev, nbits = [], b"", 9
                continue
            if code == 257:
                return _capped(bytes(out))
            if code < 256:
                x = bytes((code,))
            elif code - 258 < len(table):
                x = table[code - 258]
            elif code - 258 == len(table) and prev:
                x = prev + prev[:1]
            else:
                return _capped(bytes(out))  # damaged: stop where it breaks, as pdfminer does
            if prev and len(table) < 4096 - 258:
                table.append(prev + x[:1])
            size = len(table) + 258 + 1
            nbits = 12 if size >= 2048 else 11 if size >= 1024 else 10 if size >= 512 else 9
            prev = x
            out += x
            if len(out) > MAX_STREAM:
                _capped(bytes(out))
    return bytes(out)


def runlength(data: bytes) -> bytes:
    """RunLengthDecode output, capped.

    >>> runlength(bytes([2, 65, 66, 67, 254, 68, 128]))
    b'ABCDDD'
    """
    out = bytearray()
    i = 0
    while i < len(data) and data[i] != 128:
        n = data[i]
        if n < 128:
            out += data[i + 1 : i + 2 + n]
            i += n + 2
        else:
            out += data[i + 1 : i + 2] * (257 - n)
            i += 2
        if len(out) > MAX_STREAM:
            _capped(bytes(out))
    return bytes(out)


def _unpredict(data: bytes, params: dict[str, Any]) -> bytes:
    def number(key: str, default: int) -> int:
        v = params.get(key, default)
        return v if isinstance(v, int) and not isinstance(v, bool) else default

    pred, colors, columns = number("Predictor", 1), number("Colors", 1), number("Columns", 1)
    bpc = number("BitsPerComponent", 8)
    if pred == 1:
        return data
    # pdfminer allocates a row of ``Columns`` entries before it looks at the data.
    if not (0 < colors <= 32 and columns > 0 and bpc in (1, 2, 4, 8, 16)):
        raise PDFSyntaxError("bad predictor parameters")
    if colors * columns * bpc // 8 > MAX_ROW:
        raise PDFSyntaxError("predictor rows too long")
    if pred == 2:
        return apply_tiff_predictor(colors, columns, bpc, data)
    if pred >= 10:
        return apply_png_predictor(pred, colors, columns, bpc, data)
    raise PDFNotImplementedError("unsupported predictor")
