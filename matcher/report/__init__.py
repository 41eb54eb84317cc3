"""Report: a ranking and its evidence in, a self-contained HTML page a recruiter reads out.

``tables`` reads a ranking or evidence table back from any format ``matcher score`` writes;
``html`` renders the page: per job, the ranked candidates with score, eligibility and status
beside a candidate x criterion matrix coloured by credit, each cell opening its evidence line;
knock-outs, warnings, unreadable files and the rubric's fairness findings shown. No network:
the page's CSS and script (``page.css``, ``page.js``) are inlined.
"""
