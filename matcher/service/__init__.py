"""Service: HTTP requests (postings, uploaded resumes, rubric text) in, JSON results out.

A thin FastAPI layer over the library for an ATS in any language: compile a posting, score an
uploaded resume against rubrics, rank a batch, explain one pair, list and check rubrics.
``models`` declares the JSON shapes (the OpenAPI document, ``docs/openapi.json``); ``limits``
bounds each request's size, time and the work done at once; ``app`` builds the application
and ``server`` runs it (loopback unless an API key is set). Resumes live only in the memory of
their request: nothing is cached or written.
"""
