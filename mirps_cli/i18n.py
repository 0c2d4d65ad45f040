"""Every sentence and label mirps shows, in English and Spanish, and the one place
where a language is chosen.

A `Message` holds one text in both languages; `Message.in_lang` is where a
language picks one. Plan content is translated by its authors ({en: ..., es: ...})
and read through `pick`; month names, dates and numbers come from Babel (CLDR).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol


class Lang(StrEnum):
    """The languages of mirps's words and of MIRPS's published reports."""

    en = "en"
    es = "es"


def language_of_locale(environ: Mapping[str, str]) -> Lang:
    """The language a user's locale asks for: Spanish where the first of LC_ALL,
    LC_MESSAGES and LANG that is set names Spanish (es, es_HN.UTF-8), else English."""
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if value:
            return Lang.es if value.split("_")[0].split(".")[0].lower() == "es" else Lang.en
    return Lang.en


@dataclass(frozen=True)
class Message:
    """One text in English and in Spanish."""

    en: str
    es: str

    @classmethod
    def same(cls, text: str) -> Message:
        """A text that reads the same in both languages: an id, a code, a number."""
        return cls(text, text)

    def in_lang(self, lang: str) -> str:
        return self.es if lang == Lang.es else self.en


def other_lang(lang: str) -> Lang:
    """The language a text falls back to when it is missing in `lang`."""
    return Lang.en if lang == Lang.es else Lang.es


def pick(en: str | None, es: str | None, lang: str) -> tuple[str, bool]:
    """The text in `lang`, else in the other language (second item True)."""
    both = Message(en or "", es or "")
    if both.in_lang(lang):
        return both.in_lang(lang), False
    return both.in_lang(other_lang(lang)), True


def fold(text: str) -> str:
    """What people type, compared with names: "México" → "mexico", "In_Progress" → "in progress"."""
    decomposed = unicodedata.normalize("NFKD", text.strip().casefold().replace("_", " "))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Bilingual(Protocol):
    """Plan text given in both languages (model.common.LocalizedText)."""

    @property
    def en(self) -> str | None: ...
    @property
    def es(self) -> str | None: ...


@dataclass(frozen=True)
class Shown:
    """A plan text in the chosen language; `fallback` names the language shown instead."""

    text: str
    fallback: str | None = None

    def __str__(self) -> str:
        return f"{self.text} [{self.fallback}]" if self.fallback else self.text


def shown(value: str | Bilingual, lang: str) -> Shown:
    """A plan text (plain, or {en, es}) in `lang`, marked when it falls back to the other."""
    if isinstance(value, str):
        return Shown(value)
    text, fell_back = pick(value.en, value.es, lang)
    return Shown(text, other_lang(lang) if fell_back else None)


# Numbers as the region writes them, not Spain: Latin American Spanish (CLDR's es_419) groups
# with commas and marks decimals with a point (247,090.5), as the member states' own
# publications in Spanish do; Spain's "es" would write 247.090,5.
NUMBER_LOCALE = {Lang.en: "en", Lang.es: "es_419"}


def _decimal(value: int | float, lang: str, pattern: str | None = None) -> str:
    """Babel's form of a number. Babel rounds in the current decimal context (28 digits): a
    value of 1e27 or more overflowed it; any float has at most 309 digits before its point."""
    import decimal

    from babel.numbers import format_decimal  # only the commands that show numbers pay for it

    with decimal.localcontext() as context:
        context.prec = 400
        return str(format_decimal(value, format=pattern, locale=NUMBER_LOCALE[Lang(lang)]))


def number(value: int | float, lang: str, about: bool = False) -> str:
    """A number in the language's own form: "210,000" / "210.000"; "about 210,000" / "unos
    210.000" when the source gives it as approximate. From Babel (CLDR)."""
    # A whole number is grouped by threes with commas in both locales: Babel's way, without
    # its pattern machinery (a workbook or a site shows tens of thousands of them).
    whole = type(value) is int
    text = f"{value:,}" if whole else _decimal(value, lang)
    return LABELS["about"].in_lang(lang).format(n=text) if about else text


def amount(value: float, lang: str, places: int = 2) -> str:
    """An amount with fixed decimals: "1,000,000.00" / "1.000.000,00"; "20.5" / "20,5"."""
    return _decimal(value, lang, "#,##0" + ("." + "0" * places if places else ""))


# Control characters (but the line break and tab), C1 controls, and the bidirectional
# overrides and isolates: plan text holding them could move a terminal's cursor, open an
# OSC 8 link or reverse a line. Every text output writes them out instead.
_INVISIBLE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Plan text made safe to show: such characters are written out as \\u202e."""
    return _INVISIBLE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def printable(name: str) -> str:
    """A file name as messages show it: bytes that are not UTF-8 (which reach Python as lone
    surrogates) as escapes, `H\\xffN.yaml`, so that every message can be printed."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")


# A size as people write one: 20MB, 500kB, 1.5 GiB, or a number of bytes (units of 1,024).
_SIZE = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([kKmMgG]?)i?[bB]?\s*$")
_UNITS = {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}


def size_of(text: str) -> int | None:
    """The bytes a size names (`--max-file-size`, MIRPS_CACHE_MAX_SIZE), or None for what is
    not a size or is past a terabyte (a typing slip)."""
    match = _SIZE.match(text)
    if not match:
        return None
    size = float(match[1]) * _UNITS[match[2].lower()]
    return int(size) if 0 < size < 2**40 else None


def either(words: list[str], lang: str) -> str:
    """ "A, B or C" / "A, B o C": alternatives as CLDR writes them (Babel), never "A o B o C"."""
    if len(words) < 2:
        return "".join(words)
    from babel.lists import format_list  # only a message that offers choices pays for it

    # CLDR's English puts a serial comma before "or"; mirps's English messages have none
    # (as in British usage, CLDR's en_GB), so English is written that way.
    locale = Message("en_GB", "es").in_lang(lang)
    return str(format_list(words, style="or", locale=locale))


def full_stop(text: str) -> str:
    """The text ending a sentence: "did you mean 'x'?" keeps its question mark."""
    return text if text.rstrip().endswith((".", "?", "!", ":")) else f"{text}."


def counted(count: int, one: Message, many: Message, lang: str) -> str:
    """ "1 file checked", "3 archivos revisados"."""
    return f"{count} {(one if count == 1 else many).in_lang(lang)}"


# mirps's own words in the terminal and Markdown views.
LABELS: dict[str, Message] = {
    "country": Message("Country", "País"),
    "commitments": Message("commitments", "compromisos"),
    "commitment": Message("commitment", "compromiso"),
    "id": Message("ID", "ID"),
    "title": Message("Title", "Título"),
    "status": Message("Status", "Estado"),
    "updated": Message("Updated", "Actualizado"),
    "latest": Message("Latest", "Última"),
    "due": Message("Due", "Plazo"),
    "start": Message("Start", "Inicio"),
    "marks": Message("Marks", "Alertas"),
    "overdue": Message("overdue", "vencido"),
    "overdue_many": Message("overdue", "vencidos"),
    "stale": Message("stale", "sin actualizar"),
    "overdue_col": Message("Overdue", "Venc."),
    "stale_col": Message("Stale", "S/act."),
    "fulfilled_col": Message("Fulfilled", "Cumplidos"),
    "total": Message("Total", "Total"),
    "no_status": Message("no status", "sin estado"),
    "none_col": Message("None", "Sin"),
    "pillar": Message("Pillar", "Pilar"),
    "focus_area": Message("Focus area", "Área"),
    "institution": Message("Institution", "Institución"),
    "institutions": Message("Institutions", "Instituciones"),
    "populations": Message("Populations", "Poblaciones"),
    "working_groups": Message("Working groups", "Grupos de trabajo"),
    "activities": Message("Work-plan activities", "Actividades del plan de trabajo"),
    "history": Message("Status history", "Historial de estado"),
    "date": Message("Date", "Fecha"),
    "note": Message("Note", "Nota"),
    "sources": Message("Sources", "Fuentes"),
    "indicators": Message("Indicators", "Indicadores"),
    "budget": Message("Budget", "Presupuesto"),
    "facilitating_factors": Message("Facilitating factors", "Factores facilitadores"),
    "challenges": Message("Challenges", "Desafíos"),
    "description": Message("Description", "Descripción"),
    "undated": Message("undated", "sin fecha"),
    "not_reported": Message("date not reported", "fecha no informada"),
    "reported": Message("reported", "informado"),
    "by": Message("by", "por"),
    "about": Message("about {n}", "unos {n}"),
    "lead": Message("lead", "coordinación"),
    "responsible": Message("Responsible", "Responsables"),
    "serving": Message("Commitments that serve it", "Compromisos que la sirven"),
    "changes_title": Message("What changed", "Qué cambió"),
    "no_changes": Message("Nothing changed in the period.", "Nada cambió en el período."),
    "change": Message("Change", "Cambio"),
    "recorded": Message("recorded", "registrado"),
    "archived": Message("archive capture", "captura de archivo web"),
    "technical_team": Message("National Technical Team", "Equipo Técnico Nacional"),
    "coordinates": Message("coordinates it", "lo coordina"),
    "as_of_date": Message("as of", "a"),
    "by_date": Message("by", "a más tardar el"),
    "figures": Message("Key figures", "Indicadores relevantes"),
    "quantification": Message("Quantification", "Cuantificación"),
    "whole_plan": Message("the whole plan", "todo el plan"),
    "needs": Message("needs", "necesidades"),
    "state_investment": Message("State investment", "inversión del Estado"),
    "gap": Message("gap", "brecha"),
    "baseline": Message("baseline", "línea de base"),
    "target": Message("target", "meta"),
    "instalments": Message("instalments", "desembolsos"),
    "asked_of": Message("asked of", "solicitado a"),
    "milestones": Message("Milestones", "Hitos"),
    "support_requests": Message("Requests for support", "Solicitudes de apoyo"),
    "partners": Message("Partners", "Socios"),
    "places": Message("Places", "Lugares"),
    "focus_areas": Message("Focus areas", "Áreas"),
    "from_milestones": Message("from its milestones", "según sus hitos"),
    "report": Message("Reported", "Informado"),
    "no_pillar": Message("(no pillar)", "(sin pilar)"),
    "no_focus_area": Message("(no focus area)", "(sin área)"),
    "no_institution": Message("(no institution)", "(sin institución)"),
    "regional_title": Message("MIRPS: where each member stands", "MIRPS: situación de cada país"),
    "as_of": Message("as of", "al"),
    "work_plan": Message("Regional work plan", "Plan de trabajo regional"),
    "presidency": Message("Pro-Tempore Presidency", "Presidencia Pro Tempore"),
    "outcome": Message("Outcome", "Resultado"),
    "next_events": Message("Next events", "Próximos eventos"),
    "no_next_events": Message("No dated event ahead.", "Ningún evento fechado por delante."),
    "unscheduled": Message("Unscheduled", "Sin fecha"),
    "unscheduled_count": Message("unscheduled events", "eventos sin fecha"),
    "timeline_title": Message("Timeline", "Calendario"),
    "upcoming_title": Message("Upcoming", "Próximamente"),
    "no_events": Message("No events.", "Ningún evento."),
    "place": Message("Place", "Lugar"),
    "legend": Message(
        "Plan = planned, Prog = in progress, Fulf = fulfilled, Susp = suspended, "
        "Canc = cancelled, None = no status reported",
        "Plan = planificado, Curso = en curso, Cump = cumplido, Susp = suspendido, "
        "Canc = cancelado, Sin = sin estado informado",
    ),
    "coverage_note": Message(
        "Shares are over the commitments encoded here; some plans publish more:",
        "Los porcentajes se calculan sobre los compromisos registrados aquí; "
        "algunos planes publican más:",
    ),
    "fallback_note": Message(
        "Text marked [es] or [en] is shown in the other language: no translation is given.",
        "El texto marcado [en] o [es] se muestra en el otro idioma: no hay traducción.",
    ),
    "no_commitments": Message("No commitment matches.", "Ningún compromiso coincide."),
    "amount": Message("Amount", "Monto"),
    "funder": Message("Funder", "Financiador"),
}

# Short column heads for the regional table, so it fits 80 columns.
STATUS_HEADS: dict[str, Message] = {
    "planned": Message("Plan", "Plan"),
    "in_progress": Message("Prog", "Curso"),
    "fulfilled": Message("Fulf", "Cump"),
    "suspended": Message("Susp", "Susp"),
    "cancelled": Message("Canc", "Canc"),
}


def label(key: str, lang: str) -> str:
    return LABELS[key].in_lang(lang)


def status_head(key: str, lang: str) -> str:
    return STATUS_HEADS[key].in_lang(lang)
