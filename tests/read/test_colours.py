"""Tests for matcher.read.colours: a PDF colour in any colour space as the RGB a person sees."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest

from matcher.read.colours import (
    Space,
    contrast,
    exponential,
    lab_to_rgb,
    rgb,
    sampled,
)


def space(name: str) -> Any:
    return SimpleNamespace(name=name)


@pytest.mark.parametrize(
    ("description", "color", "cs", "expected"),
    [
        ("no space is gray", 0.5, None, (0.5, 0.5, 0.5)),
        ("RGB", (1, 0, 0), space("DeviceRGB"), (1.0, 0.0, 0.0)),
        ("RGB as a list", [0, 1, 0], space("DeviceRGB"), (0.0, 1.0, 0.0)),
        ("CMYK black", (0, 0, 0, 1), space("DeviceCMYK"), (0.0, 0.0, 0.0)),
        ("CMYK white", (0, 0, 0, 0), space("DeviceCMYK"), (1.0, 1.0, 1.0)),
        ("no ink is the paper", 0, space("Separation"), (1.0, 1.0, 1.0)),
        ("full ink", 1, space("DeviceN"), (0.0, 0.0, 0.0)),
        ("Lab without its parameters is unknown", (50, 0, 0), space("Lab"), None),
        ("Indexed without its palette is unknown", 3, space("Indexed"), None),
        ("a pattern is unknown", "P0", space("Pattern"), None),
    ],
)
def test_rgb(
    description: str, color: Any, cs: Any, expected: tuple[float, float, float] | None
) -> None:
    assert rgb(color, cs) == expected, description


def test_contrast_is_the_largest_channel_difference() -> None:
    assert contrast((1.0, 1.0, 1.0), (1.0, 0.5, 0.75)) == 0.5
    assert contrast((0.2, 0.2, 0.2), (0.2, 0.2, 0.2)) == 0.0


WHITE_SPOT = Space("separation", Space("rgb"), tint=exponential([1, 1, 1], [1, 1, 1], 1))


@pytest.mark.parametrize(
    ("description", "color", "cs", "expected"),
    [
        (
            "an Indexed palette entry",
            1,
            Space("indexed", Space("rgb"), b"\x00\x00\x00\xff\xff\xff"),
            (1.0, 1.0, 1.0),
        ),
        ("an Indexed gray palette", 0, Space("indexed", Space("gray"), b"\x80"), (128 / 255,) * 3),
        ("an index past the palette", 9, Space("indexed", Space("rgb"), b"\x00\x00\x00"), None),
        ("a spot colour printed white", 1.0, WHITE_SPOT, (1.0, 1.0, 1.0)),
        (
            "a spot colour as black ink",
            0.25,
            Space("separation", Space("gray")),
            (0.75, 0.75, 0.75),
        ),
        ("the None colorant marks nothing", 1.0, Space("none"), None),
        ("Lab white", (100, 0, 0), Space("lab"), (1.0, 1.0, 1.0)),
        ("a pattern", "P0", Space("unknown"), None),
        (
            "through pdfminer's map",
            0,
            SimpleNamespace(name="Indexed", space=Space("indexed", Space("gray"), b"\xff")),
            (1.0, 1.0, 1.0),
        ),
    ],
)
def test_rgb_through_the_spaces_a_file_defines(
    description: str, color: Any, cs: Any, expected: tuple[float, float, float] | None
) -> None:
    got = rgb(color, cs)
    if expected is None:
        assert got is None, description
    else:
        assert (
            got is not None and max(abs(a - b) for a, b in zip(got, expected, strict=True)) < 0.01
        ), description


def test_lab_greys_and_functions() -> None:
    assert lab_to_rgb((50, 0, 0))[0] == pytest.approx(0.466, abs=0.01)
    assert sampled(bytes([0, 128, 255]), 3, 1, [0, 1])([0.5]) == [128 / 255]
    assert exponential([0], [1], 2)([0.5]) == [0.25]
