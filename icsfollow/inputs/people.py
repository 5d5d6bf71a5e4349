"""People as they are written: ``Name <email>``, ``Name email``, ``Name (email)``,
``email (Name)``, a bare email or a bare name; every address checked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from icsfollow.core.model import Person
from icsfollow.errors import InputError
from icsfollow.inputs.parse import clean_text

__all__ = ["parse_person", "unique_people"]

EMAIL = re.compile(r"^[^@\s<>,;:\"()\[\]\\]+@[^@\s<>,;:\"()\[\]\\]+\.[^@\s<>,;:\"()\[\]\\.]+$")
# The informal forms email.utils misreads: "Name (email)" and "Name email".
NAME_PAREN_EMAIL = re.compile(r"^(?P<name>[^()<>@]+?)\s*\((?P<email>[^()\s]*@[^()\s]*)\)$")
NAME_SPACE_EMAIL = re.compile(r"^(?P<name>[^()<>@]+?)\s+(?P<email>[^\s()<>]*@[^\s()<>]*)$")
ADDRESS_LIKE = re.compile(r"[^\s<>(),;]+@[^\s<>(),;]+")
ANGLE = re.compile(r"^(?P<name>[^<>]*?)\s*<(?P<email>[^<>]*)>$")
FORMS = '"Name <email>", "Name", or an email address'


def parse_person(option: str, text: str) -> Person:
    """Read a person; an address, however it is written, must be a whole email address.

    Raises:
        InputError: For an address that is not one, or text that is no person.
    """
    cleaned, _ = clean_text(option, text)
    angle = ANGLE.match(cleaned)
    if len(ADDRESS_LIKE.findall(cleaned)) > 1:
        raise InputError(option, text, f"holds more than one address; give {option} once each")
    if "@" in cleaned:
        name, email = _name_and_email(option, text, cleaned)
    elif angle and angle["email"].strip():
        name, email = angle["name"], angle["email"].strip()
    elif not cleaned or re.search(r"[<>]", cleaned):
        raise InputError(option, text, f"is not {FORMS}")
    else:
        return Person(_unquote(cleaned))
    if not EMAIL.match(email):
        raise InputError(
            option,
            text,
            f"has {email!r}, which is not an email address (e.g. dana@acme.example)",
        )
    return Person(_unquote(name) or email, email)


def unique_people(
    option: str, texts: Iterable[str], people: Iterable[Person]
) -> tuple[tuple[Person, ...], list[str]]:
    """Keep each person once (same address, or same name without one), with a warning."""
    kept: list[Person] = []
    warnings: list[str] = []
    for text, person in zip(texts, people, strict=True):
        if any(_same(person, other) for other in kept):
            warnings.append(f"{option} {text!r} repeats a person given before; kept once")
            continue
        kept = [other for other in kept if not _same(other, person)]
        kept.append(person)
    return tuple(kept), warnings


def _same(person: Person, other: Person) -> bool:
    """True when ``person`` adds nothing to ``other``."""
    if person.email and other.email:
        return person.email.casefold() == other.email.casefold()
    return not person.email and person.name.casefold() == other.name.casefold()


def _name_and_email(option: str, text: str, cleaned: str) -> tuple[str, str]:
    for informal in (NAME_PAREN_EMAIL, NAME_SPACE_EMAIL):
        match = informal.match(cleaned)
        if match:
            return match["name"], match["email"]
    from email.utils import parseaddr

    angle = ANGLE.match(cleaned)
    if angle and angle["name"].strip() and not angle["name"].lstrip().startswith('"'):
        # Quote the display name, so that a comma or semicolon in it splits nothing.
        quoted = angle["name"].strip().replace("\\", "\\\\").replace('"', '\\"')
        cleaned = f'"{quoted}" <{angle["email"]}>'
    name, email = parseaddr(cleaned)
    if not email or email not in cleaned:
        raise InputError(option, text, f"is not {FORMS}")
    return name, email


def _unquote(name: str) -> str:
    return name.strip().strip('"').strip()
