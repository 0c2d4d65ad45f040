"""The command line in Spanish: help pages and typer's own usage errors, for a run whose
language is Spanish (cli/app.MirpsGroup decides; imported only then).

typer (0.27-0.28) writes its help and usage errors through a click it carries inside
(`typer._click`), whose words are English and mostly not behind gettext. mirps therefore
translates at three seams that module offers: each command's and option's help text (the
tree's attributes, from cli/help_es.HELP), the help formatter (section names, the usage
line, the metavars, the [default: ...] notes), and the error as shown (the message typer
composed, read back by its known forms). A text with no Spanish here stays as typer gives it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

import typer
from typer import _click
from typer._click.exceptions import (
    ClickException,
    MissingParameter,
    NoArgsIsHelpError,
    NoSuchOption,
    UsageError,
)
from typer.core import TyperGroup
from typer.exceptions import Abort

from mirps_cli.cli.help_es import HELP

_SECTIONS = {"Options": "Opciones", "Commands": "Órdenes", "Arguments": "Argumentos"}

# The placeholders typer and mirps put in the usage line and beside options.
_METAVARS = {
    "OPTIONS": "OPCIONES",
    "COMMAND": "ORDEN",
    "ARGS": "ARGUMENTOS",
    "DATE": "FECHA",
    "DIR": "CARPETA",
    "FILE": "ARCHIVO",
    "NAME": "NOMBRE",
    "PATH": "RUTA",
    "PERIOD": "PERIODO",
    "SIZE": "TAMAÑO",
    "STATUS": "ESTADO",
    "TEXT": "TEXTO",
    "WHERE": "DÓNDE",
    "WHO": "QUIÉN",
    "WORKBOOK": "LIBRO",
    "OLD": "ANTES",
    "NEW": "DESPUÉS",
    "target": "objetivo",
    "str": "texto",
    "int": "entero",
}
_METAVAR = re.compile(r"(?<![\w-])(" + "|".join(_METAVARS) + r")(?![\w-])")

# typer's notes after an option's help: "  [default: pillar; env var: MIRPS_LANG; required]",
# or alone where the option has no help.
_NOTES = re.compile(r"(?:^|  )\[([^\[\]]*)\]$")
_NOTE_WORDS = (("default: ", "por defecto: "), ("env var: ", "variable de entorno: "))


def placeholders(text: str) -> str:
    """Metavars in Spanish: `--as-of DATE` reads `--as-of FECHA`; option names stay."""
    return _METAVAR.sub(lambda match: _METAVARS[match.group(1)], text)


def _note(part: str) -> str:
    if part == "required":
        return "obligatorio"
    for english, spanish in _NOTE_WORDS:
        if part.startswith(english):
            return spanish + part[len(english) :]
    return part


def helped(text: str) -> str:
    """An option's help line in Spanish: its text from HELP, its notes in Spanish."""
    notes = _NOTES.search(text)
    body = text[: notes.start()] if notes else text
    said = HELP.get(body, body)
    if notes is None:
        return said
    said_notes = f"[{'; '.join(_note(part) for part in notes.group(1).split('; '))}]"
    return f"{said}  {said_notes}" if said else said_notes


class SpanishFormatter(_click.HelpFormatter):
    """click's help formatter with its own words in Spanish."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, placeholders(args), "Uso: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_SECTIONS.get(name, name)):
            yield

    def write_dl(
        self, rows: Sequence[tuple[str, str]], col_max: int = 30, col_spacing: int = 2
    ) -> None:
        super().write_dl(
            [(placeholders(first), helped(second)) for first, second in rows],
            col_max,
            col_spacing,
        )


class SpanishContext(typer.Context):
    formatter_class = SpanishFormatter


def translate(command: _click.Command) -> None:
    """Every help text of `command` and of the commands under it in Spanish, and their
    help pages and usage lines written by the Spanish formatter."""
    command.context_class = SpanishContext
    for attribute in ("help", "short_help"):
        text = getattr(command, attribute, None)
        if text:
            setattr(command, attribute, HELP.get(text, text))
    for param in command.params:
        text = getattr(param, "help", None)
        if text:
            param.help = HELP.get(text, text)  # type: ignore[attr-defined]
    if isinstance(command, TyperGroup):
        for sub in command.commands.values():
            translate(sub)


# typer's usage errors, by the forms it composes them in (typer/_click/exceptions.py,
# parser.py, types.py, core.py); each replacement may use the groups.
_VALUE_FORMS = [
    (re.compile(r"(.+) is not one of (.+)\."), r"\1 no es ninguno de estos valores: \2."),
    (re.compile(r"(.+) is not a valid int(eger)?\."), r"\1 no es un número entero válido."),
    (re.compile(r"(.+) is not a valid float\."), r"\1 no es un número válido."),
    (re.compile(r"(.+) is not in the range (.+)\."), r"\1 no está en el rango \2."),
    (
        re.compile(r"(.+) does not match the formats (.+)\."),
        r"\1 no tiene ninguno de los formatos \2.",
    ),
]
_MESSAGE_FORMS = [
    (re.compile(r"Missing command\."), "Falta la orden."),
    (
        re.compile(r"No such command (.+?)\. Did you mean (.+)\?"),
        r"No existe la orden \1. ¿Quiso decir \2?",
    ),
    (re.compile(r"No such command (.+)\."), r"No existe la orden \1."),
    (re.compile(r"Got unexpected extra argument\(s\) \((.+)\)"), r"Sobran argumentos: \1."),
    (re.compile(r"Option (.+) requires an argument\."), r"La opción \1 necesita un valor."),
    (re.compile(r"Option (.+) requires (\d+) arguments\."), r"La opción \1 necesita \2 valores."),
    (re.compile(r"Option (.+) does not take a value\."), r"La opción \1 no admite un valor."),
    (re.compile(r"Argument (.+) takes (\d+) values\."), r"El argumento \1 lleva \2 valores."),
]
_MISSING = {"argument": "Falta el argumento", "option": "Falta la opción"}


def _formed(text: str, forms: list[tuple[re.Pattern[str], str]]) -> str:
    for pattern, replacement in forms:
        match = pattern.fullmatch(text)
        if match:
            return match.expand(replacement)
    return text


def _hint(hint: str) -> str:
    return hint.replace("(env var: ", "(variable de entorno: ")


def message(error: ClickException) -> str:
    """What went wrong, in Spanish where typer's words are known."""
    if isinstance(error, NoSuchOption):
        said = f"No existe la opción {error.option_name}."
        if error.possibilities:
            said += f" (Opciones posibles: {', '.join(sorted(error.possibilities))})"
        return said
    english = error.format_message()
    if isinstance(error, MissingParameter):
        kind = error.param_type or (error.param.param_type_name if error.param else "")
        match = re.fullmatch(r"Missing \w+( .+?)?\.( .*)?", english, flags=re.DOTALL)
        if match and kind in _MISSING:
            return f"{_MISSING[kind]}{_hint(match.group(1) or '')}.{match.group(2) or ''}"
        return english
    # The hint names the option and may say its variable: "'--lang' (env var: 'MIRPS_LANG')".
    match = re.fullmatch(
        r"Invalid value for ((?:[^:(]|\([^)]*\))+): (.*)", english, flags=re.DOTALL
    )
    if match:
        said = _formed(match.group(2), _VALUE_FORMS)
        return f"Valor no válido para {_hint(match.group(1))}: {said}"
    match = re.fullmatch(r"Invalid value: (.*)", english, flags=re.DOTALL)
    if match:
        return f"Valor no válido: {_formed(match.group(1), _VALUE_FORMS)}"
    return _formed(english, _MESSAGE_FORMS)


def show(error: ClickException) -> None:
    """The error as typer shows it (usage line, where to find help, the message), in Spanish."""
    if isinstance(error, NoArgsIsHelpError):
        error.show()  # the help page itself, already in Spanish
        return
    if isinstance(error, UsageError) and error.ctx is not None:
        hint = ""
        if error.ctx.command.get_help_option(error.ctx) is not None:
            command, option = error.ctx.command_path, error.ctx.help_option_names[0]
            hint = f"Pruebe '{command} {option}' para ver la ayuda.\n"
        _click.echo(f"{error.ctx.get_usage()}\n{hint}", file=sys.stderr, color=error.ctx.color)
    _click.echo(f"Error: {message(error)}", file=sys.stderr)


def run(
    command: _click.Command, main: Callable[..., Any], standalone_mode: bool, **kwargs: Any
) -> Any:
    """Run `command` (its `main`, bound) with its help and usage errors in Spanish.

    typer shows a usage error in English itself when it runs standalone, so it runs here
    not standalone, and what standalone adds is done here: the error shown (in Spanish),
    and the process ended with the run's exit code."""
    translate(command)
    try:
        result = main(standalone_mode=False, **kwargs)
    except ClickException as error:
        if not standalone_mode:
            raise
        show(error)
        sys.exit(error.exit_code)
    except Abort:
        if not standalone_mode:
            raise
        _click.echo("Cancelado.", file=sys.stderr)
        sys.exit(1)
    if not standalone_mode:
        return result
    _exit(result)


def _exit(result: object) -> NoReturn:
    # Not standalone, typer returns a command's exit code (typer.Exit, the help's exit)
    # and None for a command that returned.
    sys.exit(result if isinstance(result, int) else 0)
