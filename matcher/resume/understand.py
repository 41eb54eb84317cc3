"""Understand: a ``Document`` in, a ``Resume`` out, read as a recruiter reads it.

Input is a ``Document`` and an ``as_of`` date; output is a ``Resume`` whose every fact carries the
character span (and page) it was read from: sections by their headings, dated roles with title
and organisation, years of experience as the union of role intervals, the highest degree with
field and institution, languages, certifications and contact fields (kept only so that a blind
mode can redact them; scoring never reads them). This module composes the steps that find
each kind of fact (``dates``, ``sections``, ``education``, ``contacts``, ``roles``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from matcher.read.document import Document
from matcher.resume.contacts import find_contacts
from matcher.resume.education import Degree, find_degrees
from matcher.resume.roles import Role, find_roles, role_at, years_of_experience
from matcher.resume.sections import (
    Fact,
    Section,
    find_certifications,
    find_languages,
    find_sections,
)
from matcher.text import fold
from matcher.vocab.lexicon import Lexicon, default_lexicon


@dataclass(frozen=True, slots=True)
class Resume:
    """A resume understood: the document, its folded text for matching, and the facts found."""

    document: Document
    folded: str
    as_of: date
    sections: tuple[Section, ...]
    roles: tuple[Role, ...]
    years_experience: float
    education: Fact | None  # value is a level of ``matcher.vocab.levels``
    degrees: tuple[Degree, ...] = ()
    field_of_study: Fact | None = None
    institution: Fact | None = None
    languages: tuple[Fact, ...] = ()  # value: language name, text: as written with its level
    certifications: tuple[Fact, ...] = ()
    contacts: tuple[Fact, ...] = ()  # value: name, email, phone, link or address

    def section_at(self, offset: int) -> str:
        """The canonical name of the section holding ``offset`` (``"top"`` before the first)."""
        for s in self.sections:
            if s.start <= offset < s.end:
                return s.name
        return "top"

    def role_at(self, offset: int) -> Role | None:
        """The role whose block holds ``offset`` (e.g. a skill's hit), or ``None``."""
        return role_at(self.roles, offset)


def understand(
    document: Document, as_of: date | None = None, lexicon: Lexicon | None = None
) -> Resume:
    """Build a ``Resume`` from a ``Document``.

    Args:
        document: what ``read_document`` returned.
        as_of: the date open-ended roles ("- Present") end at; defaults to today.
        lexicon: vocabulary to use; defaults to the shipped one.

    Returns:
        A ``Resume``; it never raises on odd input (no headings, no dates): facts are just absent.

    >>> from matcher.read.document import read_text
    >>> r = understand(read_text("EXPERIENCE\\nPM, Acme  2019 - 2021\\nEDUCATION\\nBSc Economics"),
    ...                as_of=date(2026, 1, 1))
    >>> r.years_experience, r.education.value, r.roles[0].organisation
    (2.0, 'bachelor', 'Acme')
    """
    lex = lexicon or default_lexicon()
    as_of = as_of or date.today()
    text = document.text
    folded = fold(text)
    sections = find_sections(text, lex)
    roles = tuple(
        replace(r, page=document.page_of(r.date_start if r.date_start >= 0 else r.start))
        for r in find_roles(text, sections, as_of, lex)
    )
    degrees = tuple(
        Degree(
            _on_page(d.level, document), _paged(d.field, document), _paged(d.institution, document)
        )
        for d in find_degrees(text, folded, sections, lex)
    )
    top = degrees[0] if degrees else None
    return Resume(
        document,
        folded,
        as_of,
        sections,
        roles,
        years_of_experience([r for r in roles if r.kind == "work"]),
        top.level if top else None,
        degrees,
        top.field if top else None,
        top.institution if top else None,
        tuple(_on_page(f, document) for f in find_languages(text, sections)),
        tuple(_on_page(f, document) for f in find_certifications(text, sections)),
        tuple(_on_page(f, document) for f in find_contacts(text, sections, lex)),
    )


def _on_page(fact: Fact, document: Document) -> Fact:
    return replace(fact, page=document.page_of(fact.start))


def _paged(fact: Fact | None, document: Document) -> Fact | None:
    return _on_page(fact, document) if fact else None
