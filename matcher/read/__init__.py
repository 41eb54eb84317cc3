"""Read: a resume file (PDF, DOCX, JSON Resume, text) in, a ``Document`` out.

In the order of the steps inside: ``layout`` (glyphs to lines, columns, reading order),
``formats`` (DOCX and JSON Resume to text), ``document`` (page texts to a ``Document``),
``intake`` (file checks, sniffing), ``textlayer`` (the PDF quality gate), ``ocr`` (scanned
pages and image resumes recognised; the ``ocr`` extra), ``device`` (the
pdfminer device that keeps visible glyphs), ``pdf`` (PDF bytes to page texts), ``reader`` (path
or bytes to a ``Document``: ``read_document``, ``read_bytes``) and ``cache`` (earlier reads by
content hash). pdfminer lives in ``device`` and ``pdf`` only, imported on the first PDF read.
"""
