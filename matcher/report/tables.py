"""Tables: a ranking or evidence file (CSV, Parquet, JSON, NDJSON) in, its polars frame out.

``matcher score`` writes lists joined with "; " in CSV and every value as text; reading them
back for a report casts each column to the schema ``matcher.ranking`` declares, so a report
reads the same whichever format the table was written in. Columns the schema does not know
(``snippet``, added later) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import polars as pl

from matcher.errors import MatcherError
from matcher.ranking import FORMATS

Schema = dict[str, pl.DataType | type[pl.DataType]]


def read_table(path: str | Path, schema: Schema, *, optional: Iterable[str] = ()) -> pl.DataFrame:
    """Read a table ``matcher score`` wrote and cast it to ``schema``.

    ``optional`` names columns of ``schema`` an older table may lack (``job_title``): they are
    added empty.

    Raises:
        MatcherError: a missing or unreadable file, an unknown extension, or a table that lacks
            a column of ``schema`` (the message names them).
    """
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in FORMATS:
        raise MatcherError(f"{p}: a table must end in one of {', '.join(FORMATS)}")
    try:
        if suffix == ".csv":
            df = _from_csv(pl.read_csv(p, infer_schema=False), schema)
        elif suffix == ".parquet":
            df = pl.read_parquet(p)
        elif suffix == ".json":
            df = pl.read_json(p)
        else:
            df = pl.read_ndjson(p)
    except FileNotFoundError:
        raise MatcherError(f"{p}: file not found") from None
    except (OSError, pl.exceptions.PolarsError) as e:
        raise MatcherError(f"{p}: cannot read the table: {e}") from None
    df = df.with_columns(pl.lit("").alias(c) for c in optional if c not in df.columns)
    missing = [c for c in schema if c not in df.columns]
    if missing:
        raise MatcherError(f"{p}: not a table matcher wrote: no {', '.join(missing)} column")
    return df.with_columns(pl.col(c).cast(t) for c, t in schema.items())


def _from_csv(df: pl.DataFrame, schema: Schema) -> pl.DataFrame:
    """CSV text back to typed columns: lists split on "; ", booleans from "true"/"false"."""
    out = []
    for c, t in schema.items():
        if c not in df.columns:
            continue
        col = pl.col(c)
        if isinstance(t, pl.List):
            out.append(
                pl.when(col.is_null() | (col == ""))
                .then(pl.lit([], dtype=pl.List(pl.String)))
                .otherwise(col.str.split("; "))
                .alias(c)
            )
        elif t == pl.Boolean:
            out.append((col.str.to_lowercase() == "true").alias(c))
        elif t == pl.String:
            out.append(col.fill_null(""))
        else:
            out.append(col.cast(t))
    return df.with_columns(out)
