"""Levels: the education scale, declared once; a level name in, its rank out.

Degrees read from resumes (``matcher.resume.education``), the minimum a posting asks for
(``matcher.compiler.minimums``), a rubric's ``min_level`` (checked by ``matcher.rubric.check``
and the JSON Schema) and scoring's comparison all use this one scale, lowest first.
"""

from __future__ import annotations

from typing import Literal, get_args

Level = Literal["highschool", "associate", "bachelor", "master", "doctorate"]
LEVELS: tuple[Level, ...] = get_args(Level)


def level_rank(level: str | None) -> int:
    """The place of ``level`` on the scale (0 for highschool), -1 for anything else.

    >>> level_rank("bachelor"), level_rank("master"), level_rank("diploma")
    (2, 3, -1)
    """
    return LEVELS.index(level) if level in LEVELS else -1
