"""How a draft greets a person: "Dear Dr. Lee,", "Dear Dana,", or "Hello," without a name."""

from __future__ import annotations

from functools import lru_cache

from icsfollow.core.model import Person

__all__ = ["addressed_as", "greeting"]


@lru_cache(maxsize=256)
def addressed_as(person: Person) -> str | None:
    """The name to greet a person by: title and surname, else the first name, else None.

    ``Dr. Dana Lee`` -> ``Dr. Lee``; ``Lee, Dana`` -> ``Dana``; a bare address -> None.
    """
    name = person.name.strip()  # nameparser is imported here only: it costs ~40 ms
    if not name or name == person.email or "@" in name:
        return None
    from nameparser import HumanName

    parsed = HumanName(name)
    if parsed.title and parsed.last:
        return f"{parsed.title} {parsed.last}"
    return parsed.first or parsed.last or parsed.title or None


def greeting(person: Person) -> str:
    """The first line of a note to a person: ``Dear Dr. Lee,``, ``Dear Dana,`` or ``Hello,``."""
    name = addressed_as(person)
    return f"Dear {name}," if name else "Hello,"
