"""The seven MIRPS member states.

Sources: San Pedro Sula Declaration, 26 Oct 2017 (reliefweb.int/report/mexico/
applying-comprehensive-refugee-response-crrf-north-central-america-june-2018);
El Salvador joined in July 2019 (mirps-platform.org/en/mirps-by-country/el-salvador/).
Chapter languages follow CLDR.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from mirps_cli.folding import fold


@dataclass(frozen=True)
class Member:
    code: str
    name_en: str
    name_es: str
    chapter_language: str  # "en" or "es"
    joined: str  # a partial date, as the sources give it

    def name(self, lang: str) -> str:
        return self.name_es if lang == "es" else self.name_en


MEMBERS: dict[str, Member] = {
    m.code: m
    for m in (
        Member("BZ", "Belize", "Belice", "en", "2017-10-26"),
        Member("CR", "Costa Rica", "Costa Rica", "es", "2017-10-26"),
        Member("SV", "El Salvador", "El Salvador", "es", "2019-07"),
        Member("GT", "Guatemala", "Guatemala", "es", "2017-10-26"),
        Member("HN", "Honduras", "Honduras", "es", "2017-10-26"),
        Member("MX", "Mexico", "México", "es", "2017-10-26"),
        Member("PA", "Panama", "Panamá", "es", "2017-10-26"),
    )
}


def find_member(text: str) -> Member | None:
    """The member named by ISO code or English or Spanish name, in any case."""
    wanted = fold(text)
    for member in MEMBERS.values():
        if wanted in (fold(member.code), fold(member.name_en), fold(member.name_es)):
            return member
    return None


def closest_members(text: str) -> list[str]:
    """Valid choices that look like what was typed, best first."""
    choices = {}
    for member in MEMBERS.values():
        for name in (member.code, member.name_en, member.name_es):
            choices[fold(name)] = f"{member.code} ({member.name_en})"
    close = difflib.get_close_matches(fold(text), list(choices), n=3, cutoff=0.5)
    found = list(dict.fromkeys(choices[c] for c in close))
    return found or [f"{m.code} ({m.name_en})" for m in MEMBERS.values()]
