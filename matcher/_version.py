"""The engine version, recorded in every rubric and result (one place, imported by the steps)."""

__version__ = "0.1.0"
