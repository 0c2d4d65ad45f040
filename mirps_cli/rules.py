"""Every rule `mirps validate` applies: a stable code, a name, a severity, a hint.

The table is the rules' documentation too: README.md lists it, and a test keeps
the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from mirps_cli.i18n import Message
from mirps_cli.problems import Severity

E, W, N = Severity.ERROR, Severity.WARNING, Severity.INFO  # N: a note


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: Severity
    hint: Message


def _rule(code: str, name: str, severity: Severity, en: str, es: str) -> Rule:
    """A row of the table: the hint in English, then in Spanish."""
    return Rule(code, name, severity, Message(en, es))


RULES: dict[str, Rule] = {
    r.code: r
    for r in (
        # The file itself
        _rule(
            "M101",
            "unreadable-file",
            E,
            "Make it a regular, readable file (not a folder, a broken link or a link loop).",
            "Debe ser un archivo normal y legible (no una carpeta ni un enlace roto o circular).",
        ),
        _rule(
            "M102",
            "file-too-large",
            E,
            "Split the plan, or raise the limit with --max-file-size.",
            "Divida el plan o suba el límite con --max-file-size.",
        ),
        _rule(
            "M103",
            "invalid-utf8",
            E,
            "Save the file as UTF-8 (in most editors: Save as… › Encoding › UTF-8).",
            "Guarde el archivo como UTF-8 (Guardar como… › Codificación › UTF-8).",
        ),
        _rule(
            "M104",
            "empty-file",
            E,
            "Write the plan's fields, or delete the file.",
            "Escriba los campos del plan o borre el archivo.",
        ),
        _rule(
            "M105",
            "yaml-syntax",
            E,
            "Check indentation, colons and quotes on this line and the one before.",
            "Revise la sangría, los dos puntos y las comillas en esta línea y la anterior.",
        ),
        _rule(
            "M106",
            "tab-character",
            E,
            "YAML indents with spaces only: replace the tab with spaces.",
            "YAML solo admite espacios para la sangría: cambie el tabulador por espacios.",
        ),
        _rule(
            "M107",
            "duplicate-key",
            E,
            "Keep one of the two keys; YAML would silently drop the other.",
            "Deje solo una de las dos claves; YAML descartaría la otra sin avisar.",
        ),
        _rule(
            "M108",
            "unsafe-tag",
            E,
            "Remove the '!' tag: plan files hold plain text, numbers, lists and mappings.",
            "Quite la etiqueta '!': los planes solo contienen texto, números, listas y mapas.",
        ),
        _rule(
            "M109",
            "alias-bomb",
            E,
            "Write the values out instead of repeating them through anchors (&) and aliases (*).",
            "Escriba los valores en vez de repetirlos con anclas (&) y alias (*).",
        ),
        _rule(
            "M110",
            "not-a-mapping",
            E,
            "A plan file is a mapping of keys (country:, commitments:, ...), not a list or text.",
            "Un plan es un mapa de claves (country:, commitments:, ...), no una lista ni texto.",
        ),
        _rule(
            "M111",
            "unknown-file",
            W,
            "Plans go in national/XX.yaml or regional/YEAR.yaml; move or remove this file.",
            "Los planes van en national/XX.yaml o regional/AÑO.yaml; mueva o borre este archivo.",
        ),
        _rule(
            "M112",
            "no-plans",
            E,
            "Point --plans at the folder that holds national/ and regional/.",
            "Indique con --plans la carpeta que contiene national/ y regional/.",
        ),
        _rule(
            "M113",
            "link-out-of-plans",
            W,
            "Keep the plan inside the plans folder (copy it there), or link only within it: "
            "mirps never writes through such a link.",
            "Deje el plan dentro de la carpeta de planes (cópielo allí), o enlace solo dentro "
            "de ella: mirps nunca escribe a través de ese enlace.",
        ),
        # One file against its schema
        _rule(
            "M201",
            "unknown-key",
            E,
            "Fix the spelling, or remove the key: see the plan format in README.md.",
            "Corrija la clave o quítela: vea el formato de los planes en README.md.",
        ),
        _rule(
            "M202",
            "missing-field",
            E,
            "Add the field: it is required.",
            "Agregue el campo: es obligatorio.",
        ),
        _rule(
            "M203",
            "invalid-value",
            E,
            "Write a value of the kind this field takes (see README.md, plan format).",
            "Escriba un valor del tipo que admite este campo (README.md, formato de los planes).",
        ),
        _rule(
            "M204",
            "moved-field",
            E,
            "The plan format changed here: write the field as the message says "
            "(README.md, plan format).",
            "El formato de los planes cambió aquí: escriba el campo como dice el mensaje "
            "(README.md, formato de los planes).",
        ),
        # Across files
        _rule(
            "M301",
            "duplicate-id",
            E,
            "Ids must be unique in the whole tree: renumber one of the two.",
            "Los identificadores deben ser únicos en todo el árbol: renumere uno de los dos.",
        ),
        _rule(
            "M302",
            "unknown-reference",
            E,
            "Refer to an id that exists (working group, activity or institution).",
            "Use un identificador que exista (grupo de trabajo, actividad o institución).",
        ),
        _rule(
            "M303",
            "file-name-mismatch",
            E,
            "Name the file after its country code (HN.yaml) or presidency year (2022.yaml).",
            "Nombre el archivo con el código del país (HN.yaml) o el año (2022.yaml).",
        ),
        _rule(
            "M304",
            "id-country-mismatch",
            E,
            "A commitment id starts with its plan's country code (HN-03 in HN.yaml); a "
            "milestone's with its commitment's id and a point (HN-03.1).",
            "El identificador de un compromiso empieza con el código del país (HN-03 en "
            "HN.yaml); el de un hito, con el de su compromiso y un punto (HN-03.1).",
        ),
        _rule(
            "M305",
            "history-order",
            E,
            "List status entries oldest first; add a new entry at the end.",
            "Ordene las entradas de estado de la más antigua a la más reciente.",
        ),
        _rule(
            "M306",
            "due-before-start",
            E,
            "The due date cannot come before the start date: correct one of them.",
            "La fecha límite no puede ser anterior a la de inicio: corrija una de las dos.",
        ),
        _rule(
            "M307",
            "fulfilled-date-not-reported",
            N,
            "Counted as fulfilled and shown as 'date not reported'; add the date "
            "if a source gives it.",
            "Cuenta como cumplido y se muestra como 'fecha no informada'; agregue "
            "la fecha si una fuente la da.",
        ),
        _rule(
            "M308",
            "duplicate-plan",
            E,
            "Keep one file per country and one per presidency year.",
            "Mantenga un archivo por país y uno por año de presidencia.",
        ),
        _rule(
            "M309",
            "reported-before-event",
            E,
            "An entry is reported on or after the day it happened: check both dates.",
            "Una entrada se informa el día del hecho o después: revise ambas fechas.",
        ),
        _rule(
            "M310",
            "instalment-outside-period",
            E,
            "An instalment is paid within its funding line's period: check its date, or the "
            "line's start and end.",
            "Un desembolso cae dentro del período de su línea: revise su fecha, o el inicio y "
            "el fin de la línea.",
        ),
        _rule(
            "M311",
            "totals-do-not-add-up",
            E,
            "Correct the amounts or the total: the budget lines add up to the projection's "
            "total, a project's instalments to its approved amount.",
            "Corrija los montos o el total: las líneas suman el total de la proyección, los "
            "desembolsos de un proyecto su monto aprobado.",
        ),
        _rule(
            "M312",
            "amounts-out-of-order",
            E,
            "A project's disbursed amount is at most its approved one, and that at most "
            "what was requested.",
            "Lo desembolsado de un proyecto no supera lo aprobado, ni lo aprobado lo solicitado.",
        ),
        _rule(
            "M313",
            "currencies-without-rate",
            E,
            "Add the exchange rate (currency, into, rate, date, sources) before summing two "
            "currencies.",
            "Agregue el tipo de cambio (currency, into, rate, date, sources) antes de sumar "
            "dos monedas.",
        ),
        _rule(
            "M314",
            "references-not-checked",
            N,
            "Fix the work plan's own errors first: its references are checked once it reads.",
            "Corrija primero los errores del plan de trabajo: sus referencias se revisan cuando "
            "se pueda leer.",
        ),
        # Warnings relative to --as-of
        _rule(
            "M401",
            "overdue",
            W,
            "Past its due date and not fulfilled: add a status entry or a new due date.",
            "Vencido y no cumplido: agregue una entrada de estado o una nueva fecha límite.",
        ),
        _rule(
            "M402",
            "stale",
            W,
            "No dated status entry in 12 months: add one with `mirps update`.",
            "Sin entrada de estado fechada en 12 meses: agregue una con `mirps update`.",
        ),
    )
}
