"""The instructions sheet of a national workbook, in its language: what to fill in, what
not to touch, the status names, the date forms accepted, where to send the file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from mirps_cli.i18n import Message, either
from mirps_cli.sheet.cells import reporter_name
from mirps_cli.sheet.layout import COMMITMENTS, INDICATORS, MILESTONES
from mirps_cli.vocab import REPORTER_TERMS, STATUS_TERMS


def instructions(
    country: Message,
    named: str,
    lang: str,
    today: dt.date,
    send_to: str | None,
    milestones: bool,
    indicators: bool,
) -> list[str]:
    """The sheet's lines."""
    sheets = [COMMITMENTS.name.in_lang(lang)]
    sheets += [MILESTONES.name.in_lang(lang)] if milestones else []
    sheets += [INDICATORS.name.in_lang(lang)] if indicators else []
    words = _Words(
        country.in_lang(lang),
        named,
        today,
        send_to,
        either([f"“{s}”" for s in sheets], lang),
        [f"    • {t.name.in_lang(lang)}: {t.meaning.in_lang(lang)}" for t in STATUS_TERMS.values()],
        either([reporter_name(t, lang) for t in REPORTER_TERMS.values()], lang),
    )
    return _WRITTEN[lang](words)


@dataclass(frozen=True)
class _Words:
    """What either language's text is filled with."""

    country: str
    named: str
    today: dt.date
    send_to: str | None
    listed: str
    statuses: list[str]
    reporters: str


def _spanish(w: _Words) -> list[str]:
    where = w.send_to or "a quien se lo envió (la Secretaría Técnica del MIRPS)"
    lines = [
        f"Avance del Plan de Acción Nacional del MIRPS: {w.country}",
        f"Hecho por mirps el {w.today:%d/%m/%Y} a partir de {w.named}.",
        "",
        "Qué llenar",
        f"En las hojas {w.listed}, llene solo las columnas sombreadas en amarillo, en la fila "
        "de cada compromiso, hito o indicador con novedades. Deje en blanco las filas sin "
        "novedades.",
        "Nuevo estado: elíjalo de la lista (o escríbalo):",
        *w.statuses,
        "Fecha: el día en que ocurrió (se aprobó la ley, se firmó el acuerdo), no el día en "
        "que llena la hoja. Escriba 15/03/2023, o solo el mes (03/2023) o el año (2023); "
        "también vale 2023-03-15.",
        f"Informado por: quién informa el avance ({w.reporters}).",
        "Nota: qué ocurrió, en una frase.",
        "Fuente: la dirección web (https://…) de un documento público que lo diga; varias, "
        "separadas por un espacio o un salto de línea.",
        "Nuevo valor (indicadores): un número (32000) o, si no lo hay, un texto (más de "
        "32,000), con su fecha.",
        "",
        "Qué no tocar",
        "Las columnas sin sombrear (id, título, estado actual) muestran lo que dicen los "
        "planes: mirps no las lee al importar, así que cambiarlas no cambia nada. La hoja "
        "oculta “mirps” dice de qué plan se hizo este libro: no la cambie.",
        "Puede ordenar, ocultar o ensanchar columnas, y quitar la protección de la hoja "
        "(no tiene contraseña).",
        "",
        "Dónde enviarlo",
        f"Guarde el libro como .xlsx y envíelo {where}.",
    ]
    return lines


def _english(w: _Words) -> list[str]:
    where = w.send_to or "to whoever sent it to you (the MIRPS Technical Secretariat)"
    lines = [
        f"MIRPS National Action Plan progress: {w.country}",
        f"Made by mirps on {w.today.isoformat()} from {w.named}.",
        "",
        "What to fill in",
        f"On the sheets {w.listed}, fill in only the columns shaded yellow, on the row of "
        "each commitment, milestone or indicator with news. Leave rows with no news blank.",
        "New status: pick it from the list (or type it):",
        *w.statuses,
        "Date: the day it happened (the law was passed, the agreement signed), not the day "
        "you fill in the sheet. Write 2023-03-15, or the month alone (2023-03) or the year "
        "(2023).",
        f"Reported by: who reports the progress ({w.reporters}).",
        "Note: what happened, in a sentence.",
        "Source: the web address (https://…) of a public document that says so; several, "
        "separated by a space or a line break.",
        "New value (indicators): a number (32000) or, where there is none, a text (more "
        "than 32,000), with its date.",
        "",
        "What not to touch",
        "The columns not shaded (id, title, current status) show what the plans say: mirps "
        "does not read them on import, so changing them changes nothing. The hidden sheet "
        "“mirps” says which plan this workbook was made from: do not change it.",
        "You may sort, hide or widen columns, and remove the sheet's protection (it has no "
        "password).",
        "",
        "Where to send it",
        f"Save the workbook as .xlsx and send it {where}.",
    ]
    return lines


_WRITTEN: dict[str, Callable[[_Words], list[str]]] = {"es": _spanish, "en": _english}
