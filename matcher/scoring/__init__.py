"""Scoring: a ``Resume`` and ``Rubric`` values in, a ``ScoreCard`` per rubric out.

``matching`` finds the whole-term occurrences of every rubric's terms in one pass and where
they stand; ``credit`` says what each criterion earns, with its ``Evidence`` (rapidfuzz lives
here); ``score`` adds them up into a ``ScoreCard`` per rubric;
``explain`` shows a ``ScoreCard`` as a waterfall a recruiter can read (text or JSON).
"""
