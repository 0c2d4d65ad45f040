"""Options every command shares, and the one place errors become exit codes. Loading the
plans for a command is cli/loading.py's."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import os
import sys
import traceback
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from typer.exceptions import TyperException

from mirps_cli.errors import MirpsError
from mirps_cli.i18n import Lang

EXIT_UNEXPECTED = 3
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report an interrupted command
EXIT_BROKEN_PIPE = 141  # 128 + SIGPIPE: the reader of stdout went away
INTERRUPTED = "interrupted"

PlansOption = Annotated[
    str | None,
    typer.Option(
        "--plans",
        envvar="MIRPS_PLANS",
        metavar="DIR",
        help="Plans folder (default: ./plans; or set MIRPS_PLANS).",
        show_default=False,
    ),
]


def complete_country(incomplete: str) -> list[tuple[str, str]]:
    """Shell completion for --country: the member codes, each with its name."""
    from mirps_cli.members import MEMBERS  # only when the shell asks

    start = incomplete.upper()
    return [(code, m.name.en) for code, m in sorted(MEMBERS.items()) if code.startswith(start)]


def country_option(help: str) -> Any:
    """The --country option, with its short form and the member codes for completion."""
    return typer.Option(
        "--country", "-c", help=help, show_default=False, autocompletion=complete_country
    )


def build_day() -> dt.date:
    """The day a document says it was made: SOURCE_DATE_EPOCH (the reproducible-builds
    convention, seconds since 1970) where it is set, else today; a value that is no such
    number is a usage error (exit 2), not a bug."""
    from mirps_cli.errors import UsageError

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if not epoch:
        return dt.date.today()
    try:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    except (ValueError, OverflowError, OSError):
        raise UsageError(
            f"SOURCE_DATE_EPOCH is '{epoch}': it must be a number of seconds since 1970",
            f"SOURCE_DATE_EPOCH es '{epoch}': debe ser un número de segundos desde 1970",
        ) from None


def template_dir_option(help: str) -> Any:
    """--template-dir DIR: templates that replace mirps's own, by file name."""
    return typer.Option("--template-dir", metavar="DIR", help=help, show_default=False)


def _chosen_lang(ctx: typer.Context, param: typer.CallbackParam, value: Lang) -> Lang:
    """--lang, else MIRPS_LANG, else the locale's language (LANG=es_HN.UTF-8: Spanish),
    else English."""
    # Compared by name: typer 0.28 carries click's ParameterSource inside, 0.27 imports it.
    source = ctx.get_parameter_source(param.name) if param.name else None
    if source is None or source.name == "DEFAULT":
        from mirps_cli.i18n import language_of_locale

        return language_of_locale(os.environ)
    return value


LangOption = Annotated[
    Lang,
    typer.Option(
        "--lang",
        envvar="MIRPS_LANG",
        callback=_chosen_lang,
        help="Language of labels and messages (default: MIRPS_LANG, else the locale's: "
        "Spanish where LANG is es_*, else English).",
        show_default=False,
    ),
]


def parse_as_of(value: str | None) -> dt.date:
    """--as-of DATE (default today); a bad date is a usage error (exit 2)."""
    from mirps_cli.dates import parse_as_of as parse

    try:
        return parse(value)
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--as-of'") from None


def parse_since(value: str) -> dt.date:
    """--since DATE; a partial date counts from its first day. A bad date exits 2."""
    from mirps_cli.dates import PartialDate

    try:
        return PartialDate.parse(value).earliest()
    except ValueError as error:
        raise typer.BadParameter(str(error), param_hint="'--since'") from None


AsOfOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        metavar="DATE",
        help="The plans as they stood on this date: later entries are left out, and overdue "
        "and stale are judged then (default: today).",
        show_default=False,
    ),
]


class ViewFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def echo(text: str, colour: bool) -> None:
    # typer.echo strips escape codes unless told the colour is wanted.
    typer.echo(text, nl=False, color=colour)


def fail(message: str, code: int) -> typer.Exit:
    """Print a message to stderr; return the Exit to raise."""
    typer.echo(f"mirps: {message}", err=True)
    return typer.Exit(code)


F = TypeVar("F", bound=Callable[..., Any])


def guarded(command: F) -> F:
    """Turn MirpsError into its message and exit code, and anything else into exit 3.

    Done inside the command rather than around the app so that the same
    behaviour is seen by tests running the app through typer's CliRunner.
    """

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return _finishing(command, *args, **kwargs)
        except (typer.Exit, typer.Abort, TyperException):
            raise
        except KeyboardInterrupt:
            # Writes are atomic, so an interrupted update leaves the old file.
            raise fail(INTERRUPTED, EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            # The reader stopped reading (`mirps export | head`): stop quietly, as a command
            # ended by SIGPIPE does; what is left in stdout's buffer goes nowhere.
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(EXIT_BROKEN_PIPE) from None
        except MirpsError as error:
            lang = str(kwargs.get("lang") or "en")
            if lang not in ("en", "es"):  # `site --lang both`: the locale's language
                from mirps_cli.i18n import language_of_locale

                lang = language_of_locale(os.environ)
            raise fail(error.message.in_lang(lang), error.exit_code) from None
        except (SystemExit, GeneratorExit):
            raise
        except BaseException as error:
            # Exception, and a library's panic: pydantic-core's Rust code turns one into a
            # PanicException, which derives from BaseException, not Exception.
            if not isinstance(error, Exception) and type(error).__name__ != "PanicException":
                raise
            if os.environ.get("MIRPS_DEBUG"):
                traceback.print_exc(file=sys.stderr)
            raise fail(
                f"unexpected error ({type(error).__name__}: {error}). This is a bug in mirps; "
                "run again with MIRPS_DEBUG=1 to see the traceback, and report it.",
                EXIT_UNEXPECTED,
            ) from None

    return run  # type: ignore[return-value]


def _finishing(command: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """Run the command, then wait for the cache entries still being written (a command that
    parsed a large tree writes them in a child while it shows its result: loader/ahead.py)."""
    try:
        return command(*args, **kwargs)
    finally:
        ahead = sys.modules.get("mirps_cli.loader.ahead")  # loaded only if a tree was
        if ahead is not None:
            ahead.finish()


def resolve_plans_dir(option: str | None) -> Path:
    """--plans, else $MIRPS_PLANS, else ./plans; it must be a folder."""
    from mirps_cli.errors import PlansNotFound

    chosen = option or os.environ.get("MIRPS_PLANS") or "plans"
    path = Path(chosen)
    if path.is_dir():
        return path.absolute()
    if path.exists():
        raise PlansNotFound(
            f"'{chosen}' is a file, not a plans folder. Give the folder that holds national/, "
            "regional/ and fund/ with --plans DIR or MIRPS_PLANS.",
            f"'{chosen}' es un archivo, no una carpeta de planes. Indique la carpeta que "
            "contiene national/, regional/ y fund/ con --plans DIR o MIRPS_PLANS.",
        )
    raise PlansNotFound(
        f"plans folder '{chosen}' not found. Give it with --plans DIR or MIRPS_PLANS, "
        "or run mirps where a 'plans' folder is.",
        f"no se encuentra la carpeta de planes '{chosen}'. Indíquela con --plans DIR o "
        "MIRPS_PLANS, o ejecute mirps donde haya una carpeta 'plans'.",
    )


def check_folder_option(path: Path | None, option: str) -> None:
    """An option that names a folder (--template-dir) must name one: exit 2 otherwise."""
    if path is None or path.is_dir():
        return
    problem = "is a file, not a folder" if path.exists() else "does not exist"
    raise typer.BadParameter(f"{str(path)!r} {problem}", param_hint=f"'{option}'")
