"""The rules a filled workbook is checked by: a stable code, a name, a hint in both languages.

README.md lists them, and a test keeps the two in step (as rules.py for `mirps validate`).
"""

from __future__ import annotations

from mirps_cli.i18n import Message

SHEET_RULES: dict[str, tuple[str, Message]] = {
    "S201": (
        "no-header-row",
        Message(
            "Keep the header row as mirps wrote it, or export a new sheet.",
            "Deje la fila de encabezados como la escribió mirps, o exporte una hoja nueva.",
        ),
    ),
    "S202": (
        "missing-column",
        Message(
            "Columns may move or be hidden, not deleted: put the column back.",
            "Las columnas pueden moverse u ocultarse, no borrarse: vuelva a poner la columna.",
        ),
    ),
    "S203": (
        "row-without-id",
        Message(
            "Write news on the row of its commitment, milestone or indicator.",
            "Escriba las novedades en la fila de su compromiso, hito o indicador.",
        ),
    ),
    "S204": (
        "missing-cell",
        Message(
            "A row with news needs its new status (or value) and its date.",
            "Una fila con novedades necesita su nuevo estado (o valor) y su fecha.",
        ),
    ),
    "S205": (
        "unknown-id",
        Message(
            "Leave the Id column as mirps wrote it.",
            "Deje la columna Id como la escribió mirps.",
        ),
    ),
    "S301": (
        "unknown-status",
        Message(
            "Pick the status from the cell's drop-down list.",
            "Elija el estado de la lista desplegable de la celda.",
        ),
    ),
    "S302": (
        "unknown-reporter",
        Message(
            "Pick who reports from the cell's drop-down list.",
            "Elija quién informa de la lista desplegable de la celda.",
        ),
    ),
    "S303": (
        "not-a-date",
        Message(
            "Type the date as the instructions sheet shows, or use a date cell.",
            "Escriba la fecha como muestra la hoja de instrucciones, o use una celda de fecha.",
        ),
    ),
    "S304": (
        "date-in-the-future",
        Message(
            "Report what has happened, on the day it happened.",
            "Informe lo que ya ocurrió, con el día en que ocurrió.",
        ),
    ),
    "S305": (
        "not-a-value",
        Message(
            "Write the indicator's value as a number or a short text.",
            "Escriba el valor del indicador como un número o un texto breve.",
        ),
    ),
    "S306": (
        "formula-without-value",
        Message(
            "Type values, not formulas, or save the workbook so the values are stored.",
            "Escriba valores, no fórmulas, o guarde el libro para que se guarden los valores.",
        ),
    ),
    "S307": (
        "not-a-web-address",
        Message(
            "Copy the source's address from the browser's address bar.",
            "Copie la dirección de la fuente de la barra de direcciones del navegador.",
        ),
    ),
    "S401": (
        "updated-since-export",
        Message(
            "Export a new workbook, and copy the row's news into it.",
            "Exporte un libro nuevo y copie en él las novedades de la fila.",
        ),
    ),
    "S402": (
        "before-latest-entry",
        Message(
            "Check the date: it is older than what the plans already say.",
            "Revise la fecha: es anterior a lo que ya dicen los planes.",
        ),
    ),
    "S403": (
        "repeated-status",
        Message(
            "Say what is new in the Note or Source column, or leave the row blank.",
            "Diga qué hay de nuevo en la columna Nota o Fuente, o deje la fila en blanco.",
        ),
    ),
}
