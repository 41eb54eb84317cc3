"""Pipeline: resume files and ``Rubric`` values in, a ranking (file or frame) with failure rows out.

The one place that composes the steps over many files: ``rows`` reads, understands and scores
one file into its rows (through the cache, whose entries ``stored`` encodes); ``workers`` runs
that in worker processes with a time and a memory limit; ``spool`` keeps the rows on disk as
they come and ranks them job by job; ``credits`` keeps every file's term credits in bulk and
makes the rows of a warm or reweighed run from them, a job at a time, without a worker;
``cluster`` does what ``workers`` does on a Dask cluster; ``run``
composes them (``score_files``, ``score_stream``, and ``run`` for small batches kept in memory),
keeping a row for every file that failed; ``manifest`` records what a run did (``verify``).
"""
