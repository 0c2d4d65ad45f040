"""The seven MIRPS member states.

Sources: San Pedro Sula Declaration, 26 Oct 2017 (reliefweb.int/report/mexico/
applying-comprehensive-refugee-response-crrf-north-central-america-june-2018);
El Salvador joined in July 2019 (mirps-platform.org/en/mirps-by-country/el-salvador/).
Chapter languages follow CLDR.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mirps_cli.errors import UsageError
from mirps_cli.i18n import Lang, Message, either, fold


@dataclass(frozen=True)
class Member:
    code: str
    name: Message
    chapter_language: Lang
    joined: str  # a partial date, as the sources give it


MEMBERS: dict[str, Member] = {
    m.code: m
    for m in (
        Member("BZ", Message("Belize", "Belice"), Lang.en, "2017-10-26"),
        Member("CR", Message("Costa Rica", "Costa Rica"), Lang.es, "2017-10-26"),
        Member("SV", Message("El Salvador", "El Salvador"), Lang.es, "2019-07"),
        Member("GT", Message("Guatemala", "Guatemala"), Lang.es, "2017-10-26"),
        Member("HN", Message("Honduras", "Honduras"), Lang.es, "2017-10-26"),
        Member("MX", Message("Mexico", "México"), Lang.es, "2017-10-26"),
        Member("PA", Message("Panama", "Panamá"), Lang.es, "2017-10-26"),
    )
}


def find_member(text: str) -> Member | None:
    """The member named by ISO code or English or Spanish name, in any case."""
    wanted = fold(text)
    for member in MEMBERS.values():
        if wanted in (fold(member.code), fold(member.name.en), fold(member.name.es)):
            return member
    return None


def closest_members(text: str) -> list[str]:
    """Valid choices that look like what was typed, best first."""
    choices = {}
    for member in MEMBERS.values():
        for name in (member.code, member.name.en, member.name.es):
            choices[fold(name)] = f"{member.code} ({member.name.en})"
    close = difflib.get_close_matches(fold(text), list(choices), n=3, cutoff=0.5)
    found = list(dict.fromkeys(choices[c] for c in close))
    return found or [f"{m.code} ({m.name.en})" for m in MEMBERS.values()]


def looks_like_a_member(text: str) -> bool:
    """Whether a word that names no member is close to one's name (a misspelt `Hondras`), not
    an id: ids of tracked items hold a digit, or are far from every name."""
    if any(c.isdigit() for c in text):
        return False
    names = [fold(n) for m in MEMBERS.values() for n in (m.name.en, m.name.es)]
    return bool(difflib.get_close_matches(fold(text), names, n=1, cutoff=0.75))


def resolve_member(text: str) -> Member:
    member = find_member(text)
    if member is None:
        close = closest_members(text)
        raise UsageError(
            f"unknown country '{text}'; did you mean {either(close, 'en')}?",
            f"país desconocido '{text}'; ¿quiso decir {either(close, 'es')}?",
        )
    return member
