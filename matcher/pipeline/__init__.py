"""Pipeline: resume files and ``Rubric`` values in, a ranking frame with failure rows out.

The one place that composes the steps over many files: ``workers`` reads files in worker
processes with a time limit; ``run`` reads (through the cache), understands, scores and ranks,
keeping a row for every file that failed.
"""
