"""Tune: an evidence table and recruiter labels in, a ``Rubric`` with new weights out.

``labels`` reads labels and groups CSVs and holds the metrics (NDCG, precision, AUC,
four-fifths); ``learn`` fits bounded weights from pairs; ``round`` runs one tuning round
(folds, held-out metrics, guardrail, provenance); ``report`` prints it for a person.
"""
