"""Scoring: a ``Resume`` and ``Rubric`` values in, a ``ScoreCard`` per rubric out.

``matching`` finds the whole-term occurrences of every rubric's terms in one pass and where
they stand; ``score`` credits them (rapidfuzz lives here) and adds up the ``Evidence``;
``explain`` shows a ``ScoreCard`` as a waterfall a recruiter can read (text or JSON).
"""
