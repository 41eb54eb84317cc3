"""Credentials: a posting item's text in, the licences and certificates it asks for out.

A step of compiling beside ``matcher.compiler.minimums``: "Active RN license", "BLS and ACLS
certification", "a food handler card", "valid state teaching credential", "FAA A&P
certificate". The curated lexicon knows a few credentials by name (CPA, PMP); most are named
by the word that says what they are, so that word finds them whatever the trade. Nothing here
weighs them or says whether they are required: the compiler does, as for any concrete term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The word that makes a phrase a credential, and the names it takes after it in a resume.
_NOUN = r"licen[cs]e|licensure|certification|certificate|credential|card|registration|endorsement"
# "license to practice pharmacy", "licensed to practice as a physical therapist": the
# profession names the licence. Bounded: linear on any line.
_PRACTICE = re.compile(
    r"\blicen[cs](?:e|ed|ure)\s+to\s+practi[cs]e\s+(?:as\s+an?\s+)?"
    r"(?P<name>[A-Za-z][a-z'’-]{2,20}(?:\s+[a-z][a-z'’-]{2,20}){0,2}?)(?=\s+(?:in|at|within|for)\b|[,.;:()]|$)",
    re.I,
)
# A name: one to four words before the noun ("FAA A&P", "food handler", "ServSafe Manager").
# Bounded repetition on words without blanks inside: linear on any line.
_CREDENTIAL = re.compile(
    rf"(?<![\w&/+.-])(?P<name>[A-Za-z][\w&/+.'’-]{{0,30}}(?:[ \t]+[A-Za-z0-9][\w&/+.'’-]{{0,30}}){{0,3}})"
    rf"[ \t]+(?P<noun>{_NOUN})s?\b",
    re.I,
)
# Words before a credential's name that say nothing of which it is.
_FILLER = frozenset(
    [
        "various",
        "multiple",
        "all",
        "necessary",
        "needed",
        "some",
        "such",
        "related",
        "a",
        "an",
        "the",
        "any",
        "valid",
        "active",
        "current",
        "unencumbered",
        "state",
        "national",
        "professional",
        "relevant",
        "appropriate",
        "applicable",
        "required",
        "requires",
        "must",
        "have",
        "has",
        "hold",
        "holds",
        "possess",
        "possession",
        "of",
        "obtain",
        "maintain",
        "with",
        "and",
        "or",
        "in",
        "good",
        "standing",
        "preferred",
        "plus",
        "is",
        "are",
        "be",
        "to",
        "our",
        "your",
        "their",
        "this",
        "that",
        "eligible",
        "eligibility",
        "for",
        "its",
    ]
)
# Words a name never holds: where a phrase before the noun stops being the credential's name
# ("Bachelor's degree or equivalent certification", "help customers with registration").
_STOP = _FILLER - {"and"} | frozenset(
    [
        "or",
        "with",
        "of",
        "in",
        "on",
        "at",
        "by",
        "to",
        "from",
        "equivalent",
        "similar",
        "other",
        "degree",
        "obtain",
        "obtained",
        "get",
        "earn",
        "help",
        "assist",
        "process",
        "manage",
        "handle",
        "issue",
        "issuing",
        "verify",
        "verifying",
        "like",
        "toward",
        "towards",
        "progress",
        "unrestricted",
        "out-of-state",
        "add-on",
        "as",
        "including",
        "pursuing",
        "managing",
        "paid",
    ]
)
# Credentials named by plain words (most are named by a proper name: BLS, ServSafe, ISO 27001):
# a certificate or card named otherwise is a thing of the work ("exam certificate", "TLS and
# certificate"), a licence or credential named otherwise usually a credential.
_TRADE_CREDENTIALS = frozenset(
    [
        "teaching",
        "teacher",
        "forklift",
        "food handler",
        "food handlers",
        "food safety",
        "first aid",
        "welding",
        "nursing",
        "real estate",
        "pharmacy technician",
        "phlebotomy",
        "notary",
        "crane",
        "hazmat",
        "lifeguard",
        "personal trainer",
        "personal training",
        "insurance",
        "cosmetology",
        "electrician",
        "plumbing",
        "hvac",
        "tanker",
    ]
)
# Names that are no credential's: "a business card", "credit card", "report card".
_NOT_NAMES = frozenset(
    [
        "cv",
        "resume",
        "tls",
        "ssl",
        "digital",
        "software",
        "user",
        "users",
        "business",
        "credit",
        "debit",
        "gift",
        "report",
        "sim",
        "id",
        "identification",
        "security",
        "green",
        "insurance",
        "health",
        "social",
        "red",
        "yellow",
        "time",
        "rate",
        "key",
        "index",
        "sd",
        "memory",
        "graphics",
        "sound",
        "network",
        "degree",
        "course",
        "program",
        "training",
    ]
)
_SPLIT = re.compile(r"\s*(?:,|\band\b|&(?=\s)|/(?=\s))\s*", re.I)


@dataclass(frozen=True, slots=True)
class Credential:
    """A licence or certificate a posting names: its label ("RN license") and the other ways
    a resume writes it ("RN", "BLS certified")."""

    label: str
    aliases: tuple[str, ...]


def credentials(text: str) -> list[Credential]:
    """The licences and certificates ``text`` names, in order, once each.

    >>> [c.label for c in credentials("Active RN license required; BLS and ACLS certification")]
    ['RN license', 'BLS certification', 'ACLS certification']
    >>> credentials("Hand out business cards"), credentials("Bachelor's degree or equivalent certification")
    ([], [])
    >>> [c.label for c in credentials("License to practice pharmacy in Maryland; hazmat endorsement")]
    ['hazmat endorsement', 'pharmacy license']
    """
    out: dict[str, Credential] = {}
    for m in _CREDENTIAL.finditer(text):
        noun = m.group("noun").lower().replace("licence", "license")
        words = m.group("name").split()
        for k in range(len(words) - 1, -1, -1):
            if words[k].lower().strip(".,") in _STOP:
                words = words[k + 1 :]
                break
        for name in _names(" ".join(words)):
            low = name.lower()
            if not name or low in _NOT_NAMES or low.split()[-1] in _NOT_NAMES:
                continue
            if not (_acronym(name) or low in _TRADE_CREDENTIALS or _plain_licence(low, noun)):
                continue
            label = f"{name} {noun}"
            out.setdefault(label.casefold(), Credential(label, _aliases(name, noun)))
    for m in _PRACTICE.finditer(text):
        name = m.group("name")
        label = f"{name} license"
        aliases = (*_aliases(name, "license"), f"licensed {name}")
        out.setdefault(label.casefold(), Credential(label, aliases))
    return list(out.values())


def _plain_licence(name: str, noun: str) -> bool:
    """Whether a name in plain words makes a licence ("driver's license", "Texas Real Estate
    license"): up to three words of letters, the first no verb's -ing form. A "credential"
    named so is a login's ("users credential")."""
    words = name.split()
    return (
        noun in ("license", "licensure")
        and len(words) <= 3
        and all(len(w) >= 3 and re.fullmatch(r"[A-Za-z][a-z'’-]*", w) for w in words)
        and not words[0].lower().endswith("ing")
    )


def _names(name: str) -> list[str]:
    """The credentials of one name, "BLS and ACLS" two, "Food and Beverage" one: split only
    where every part is short and stands for a credential of its own (written in capitals)."""
    name = re.sub(r"(?:\s+(?:and|or|&))+$", "", name, flags=re.I)
    parts = [p for p in _SPLIT.split(name) if p]
    if (
        len(parts) > 1
        and all(_acronym(p) or len(p.split()) <= 2 for p in parts)
        and any(map(_acronym, parts))
    ):
        return parts
    return [name] if name and not _SPLIT.fullmatch(name) else []


def _acronym(name: str) -> bool:
    """Whether a name is written as a proper name: capitals ("BLS", "A&P") or inner capitals
    ("ServSafe"), not a word that merely opens a sentence ("Forklift")."""
    return any(
        len(w) >= 2 and (w.isupper() or (w[0].isupper() and any(c.isupper() for c in w[1:])))
        for w in name.split()
    )


def _aliases(name: str, noun: str) -> tuple[str, ...]:
    """How a resume writes a credential: its name alone where that is a proper name ("RN",
    "ServSafe"; scoring holds an acronym that is also a word to capitals), and its name with a
    word that says it is held ("forklift certified", "certified forklift")."""
    out = [name] if _acronym(name) else []
    out += [f"{name} certified", f"certified {name}", f"{name} {noun}s"]
    for other in ("license", "licence", "certification", "certificate", "card"):
        if other != noun:
            out.append(f"{name} {other}")
    return tuple(dict.fromkeys(out))
