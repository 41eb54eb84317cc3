"""Vocabulary: the shipped data files (``matcher/data/``) in, lexicon terms and occupation titles out.

``lexicon`` holds the curated and derived terms, cue words and title groups and scans text for
them; ``occupations`` knows job titles and trade words from O*NET and ESCO; ``kinds`` (what a
criterion is about) and ``levels`` (the education scale) are closed vocabularies every later
step shares. Imports only ``errors`` and ``text``.
"""
