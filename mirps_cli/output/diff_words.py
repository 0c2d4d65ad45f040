"""The words of `mirps diff`'s text and Markdown forms, in English and Spanish."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mirps_cli.diff import Change, Summary
from mirps_cli.diff.fields import FieldChange, NewEntry, is_long, word_change
from mirps_cli.i18n import Message, counted, number, other_lang, pick
from mirps_cli.vocab import EventStatus, Status, status_label

ENTITY: dict[str, Message] = {
    "commitment": Message("commitment", "compromiso"),
    "milestone": Message("milestone", "hito"),
    "institution": Message("institution", "institución"),
    "plan": Message("plan", "plan"),
    "objective": Message("objective", "objetivo"),
    "outcome": Message("outcome", "resultado"),
    "activity": Message("activity", "actividad"),
    "working_group": Message("working group", "grupo de trabajo"),
    "mechanism": Message("coordination mechanism", "mecanismo de coordinación"),
    "event": Message("event", "evento"),
    "fund": Message("MIRPS Fund", "Fondo MIRPS"),
    "fund_line": Message("Fund budget line", "línea de presupuesto del Fondo"),
    "work_plan": Message("work plan", "plan de trabajo"),
    "project": Message("Fund project", "proyecto del Fondo"),
    "roadmap_milestone": Message("roadmap milestone", "hito de la hoja de ruta"),
    "projection_line": Message("budget projection line", "línea de la proyección presupuestaria"),
}
KIND_MARK = {"added": "+", "removed": "-", "changed": "~", "renamed": "»"}
RENAMED = Message("renamed from {old}", "renombrado desde {old}")
ENTRY: dict[str, Message] = {
    "status_entry": Message("new status entry", "nueva entrada de estado"),
    "indicator_value": Message("new indicator value", "nuevo valor de indicador"),
    "request": Message("new request for support", "nueva solicitud de apoyo"),
}
# A plan's field names as a Spanish reader reads them; English keeps the plan's own keys,
# which its editors write. A key not listed reads with its underscores as spaces.
FIELD_NAMES_ES: dict[str, str] = {
    "title": "título",
    "description": "descripción",
    "pillar": "pilar",
    "focus_areas": "áreas",
    "populations": "poblaciones",
    "responsible_institutions": "instituciones responsables",
    "partners": "socios",
    "places": "lugares",
    "start": "inicio",
    "due": "fecha límite",
    "status_history": "historial de estado",
    "milestones": "hitos",
    "support_requests": "solicitudes de apoyo",
    "indicators": "indicadores",
    "budget": "presupuesto",
    "working_groups": "grupos de trabajo",
    "activities": "actividades",
    "facilitating_factors": "factores facilitadores",
    "challenges": "desafíos",
    "sources": "fuentes",
    "name": "nombre",
    "note": "nota",
    "notes": "notas",
    "national_technical_team": "equipo técnico nacional",
    "national_coordination_group": "grupo de coordinación nacional",
    "institutions": "instituciones",
    "members": "miembros",
    "coordinator": "coordinación",
    "date": "fecha",
    "figures": "cifras",
    "quantification": "cuantificación",
    "known_commitments": "compromisos conocidos",
    "version_date": "fecha de la versión",
    "adopted": "adopción",
    "updated": "actualización",
    "language": "idioma",
    "objectives": "objetivos",
    "outcomes": "resultados",
    "priorities": "prioridades",
    "timeline": "calendario",
    "calendar": "período",
    "section": "sección",
    "lead": "coordinación",
    "amount": "monto",
    "currency": "moneda",
    "what": "qué",
    "asked_of": "a quién se pide",
    "values": "valores",
    "target": "meta",
    "baseline": "línea de base",
    "unit": "unidad",
    "actual": "valor",
    "kind": "tipo",
    "value": "valor",
    "end": "fin",
}
SIDES = {"working tree": Message("working tree", "copia de trabajo")}


def field_name(key: str, lang: str) -> str:
    """A field's name in a change's path: the plan's key in English, words in Spanish."""
    spanish = FIELD_NAMES_ES.get(key, key.replace("_", " "))
    return Message(key, spanish).in_lang(lang)


def side_name(name: str, lang: str) -> str:
    """How the diff names a side: a revision or folder as it is, the working tree in words."""
    return SIDES[name].in_lang(lang) if name in SIDES else name


STATUS = Message("status", "estado")
NONE = Message("(none)", "(ninguno)")
NOTHING = Message("No change in the plans.", "Ningún cambio en los planes.")
TITLE = Message("Plan changes: {old} → {new}", "Cambios en los planes: {old} → {new}")
SUMMARY = Message("Summary", "Resumen")
WORK_PLAN = Message("Regional work plan {year}", "Plan de trabajo regional {year}")
FUND = Message("MIRPS Fund", "Fondo MIRPS")

# The review's words, one and many: "2 fulfilled, 1 new commitment, 1 dropped".
TALLY: dict[str, tuple[Message, Message]] = {
    "fulfilled": (Message("fulfilled", "cumplido"), Message("fulfilled", "cumplidos")),
    "new": (
        Message("new commitment", "compromiso nuevo"),
        Message("new commitments", "compromisos nuevos"),
    ),
    "dropped": (Message("dropped", "retirado"), Message("dropped", "retirados")),
    "changed": (Message("changed", "modificado"), Message("changed", "modificados")),
    "renamed": (Message("renamed", "renombrado"), Message("renamed", "renombrados")),
    "new_requests": (
        Message("new request for support", "solicitud de apoyo nueva"),
        Message("new requests for support", "solicitudes de apoyo nuevas"),
    ),
}


def status_word(status: str | None, lang: str) -> str:
    """A status as dumped (a commitment's, or an event's such as "held"), in words."""
    if not status:
        return NONE.in_lang(lang)
    kind = EventStatus if status in EventStatus.__members__.values() else Status
    return status_label(kind(status), lang)


def value_text(value: Any, lang: str) -> str:
    """A field's value as one short line: text in the chosen language, lists joined."""
    if value is None:
        return NONE.in_lang(lang)
    if isinstance(value, dict) and set(value) <= {"en", "es"}:
        return pick(value.get("en"), value.get("es"), lang)[0]
    if isinstance(value, list):
        return ", ".join(value_text(v, lang) for v in value)
    if isinstance(value, dict):
        # What an item holds, field by field, in words: empty fields left out.
        return "; ".join(
            f"{field_name(k, lang)}: {value_text(v, lang)}"
            for k, v in value.items()
            if v not in (None, "", [], {})
        )
    return str(value)


REMOVED_ENTRY = Message("status entry removed", "entrada de estado retirada")


def history_entry(entry: dict[str, Any], lang: str) -> str:
    """A status entry as the review reads it: "2023-03-15, fulfilled, Mapping finished"."""
    parts = [
        str(entry.get("date") or entry.get("reported") or ""),
        status_word(entry["status"], lang) if entry.get("status") else "",
        value_text(entry.get("note"), lang) if entry.get("note") else "",
    ]
    return ", ".join(p for p in parts if p)


# Items that are a whole plan or fund: named by their entity alone.
WHOLE = {"plan", "work_plan", "fund"}


def headline(change: Change, lang: str) -> str:
    """ "~ commitment HN-03 Map potentially contested land"."""
    words = f"{KIND_MARK[change.kind]} {ENTITY[change.entity].in_lang(lang)}"
    if change.entity not in WHOLE:
        words += f" {change.id}"
    if change.title is not None:
        words += f" {value_text(change.title, lang)}"
    if change.kind == "renamed":
        words += f" ({RENAMED.in_lang(lang).format(old=change.old_id)})"
    return words


def field_lines(field: FieldChange, lang: str) -> list[str]:
    """ "due: 2024 → 2025"; "figures: + ..." for each item a list gained or lost; a long
    text as a word-level change; a text that changed only in the other language, in it."""
    path = " › ".join(field_name(step, lang) for step in field.path)
    old, new = field.old, field.new
    if field.path and field.path[-1] == "status_history" and (old or new):
        # Entries of a history, worded: "status entry removed: 2023-03, fulfilled, ...".
        lost = [
            f"{REMOVED_ENTRY.in_lang(lang)}: {history_entry(v, lang)}"
            for v in old or []
            if isinstance(v, dict)
        ]
        gained = [
            f"{ENTRY['status_entry'].in_lang(lang)}: {history_entry(v, lang)}"
            for v in new or []
            if isinstance(v, dict)
        ]
        if len(lost) + len(gained) == len(old or []) + len(new or []):
            return lost + gained
    if isinstance(old, list) or isinstance(new, list):
        lost = [f"{path}: - {value_text(v, lang)}" for v in old or []]
        return lost + [f"{path}: + {value_text(v, lang)}" for v in new or []]
    shown = lang
    if value_text(old, lang) == value_text(new, lang):
        shown = other_lang(lang)  # the change is in the other language's text
        path += f" [{shown}]"
    before, after = value_text(old, shown), value_text(new, shown)
    if is_long(before) and is_long(after):
        return [f"{path}: {word_change(before, after)}"]
    return [f"{path}: {before} → {after}"]


def entry_line(entry: NewEntry, lang: str) -> str:
    """ "new status entry: 2023-03-15, fulfilled, Mapping finished"."""
    data = entry.entry
    if entry.what == "status_entry":
        parts = [
            str(data.get("date") or data.get("reported") or ""),
            status_word(data["status"], lang),
        ]
        parts.append(value_text(data.get("note"), lang) if data.get("note") else "")
    elif entry.what == "indicator_value":
        value = data.get("value")
        about = bool(data.get("about"))
        shown = (
            number(value, lang, about)
            if isinstance(value, (int, float))
            else value_text(value, lang)
        )
        parts = [str(data.get("date", "")), shown]
    else:
        parts = [
            value_text(data.get("what"), lang),
            value_text(data.get("asked_of"), lang) if data.get("asked_of") else "",
        ]
    return f"{ENTRY[entry.what].in_lang(lang)}: {', '.join(p for p in parts if p)}"


def status_line(change: Change, lang: str) -> str:
    assert change.status is not None
    old, new = change.status
    return f"{STATUS.in_lang(lang)}: {status_word(old, lang)} → {status_word(new, lang)}"


def summary_text(summary: Summary, lang: str) -> str:
    """ "HN: 2 fulfilled, 1 new commitment, 1 dropped, 3 changed, 1 new request for support"."""
    counts = asdict(summary)
    parts = [
        counted(counts[key], *TALLY[key], lang)
        for key in ("fulfilled", "new", "dropped", "changed", "renamed", "new_requests")
        if counts[key]
    ]
    return f"{summary.country}: {', '.join(parts)}"
