"""The engine version, recorded in every rubric and result (one place, imported by the steps)."""

__version__ = "0.1.0"
ENGINE_VERSION = __version__  # the name rubrics, score cards and failure rows record it under
