"""Fairness lint: a posting item's text in, the text without its clauses about protected
traits and a ``Finding`` for each clause left out.

A step of compiling, run on every list item before the compiler reads criteria from it.
Clauses about gender, age, looks, marital status, ethnicity, religion, politics, origin or
school tier, or proxies for them (the vocabulary is ``matcher.vocab.protected``), are never
scored: they become ``findings`` of the rubric, which a person reviews.
A clause stating no preference ("男女不限") is neither a criterion nor a finding.
"""

from __future__ import annotations

from matcher.compiler.clauses import CLAUSE_END
from matcher.rubric.model import Finding
from matcher.vocab.protected import NO_LIMIT, protected_trait


def strip_protected(item: str) -> tuple[str, list[Finding]]:
    """The item with clauses about protected traits removed, and a finding for each.

    >>> kept, found = strip_protected("熟悉SQL，女性优先，男女不限")
    >>> kept, [(f.message, f.origin) for f in found]
    ('熟悉SQL，', [('gender is not a job criterion: left out of scoring', '女性优先')])
    """
    kept, found = [], []
    for clause in CLAUSE_END.split(item):
        hit = protected_trait(clause)
        if hit is None:
            kept.append(NO_LIMIT.sub("", clause))
        else:
            found.append(
                Finding(
                    "fairness",
                    f"{hit[0].name.removesuffix(' proxy')} is not a job criterion: left out of scoring",
                    clause.strip(" ，,；;。"),
                )
            )
    return "".join(kept), found
