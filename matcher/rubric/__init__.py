"""Rubric: a rubric file (TOML) in, a ``Rubric`` value out, and back.

``model`` holds the values (``Rubric``, ``Criterion``, ``Finding``, ``Source``, ``Tuning``) and
the closed vocabulary of criterion kinds; ``check`` lists the problems of a file's data (and
ships ``schema.json``, the JSON Schema for editors); ``io`` reads, writes and lints rubric files.
"""
