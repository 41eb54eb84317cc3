"""Resume: a ``Document`` in, a ``Resume`` out (sections, dated roles, years, education).

The facts a resume is understood by, each in its module: ``dates`` (date ranges), ``sections``
(headings, languages, certifications), ``education`` (degrees), ``contacts`` (contact fields),
``headers`` (a role header's title, organisation and place), ``roles`` (dated roles, years of
experience); ``understand`` composes them into a ``Resume``.
"""
