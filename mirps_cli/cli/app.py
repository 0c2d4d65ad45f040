"""The `mirps` command: one typer app, one module per command."""

import os
from typing import Annotated

# pydantic looks up plugins through package metadata on first validation
# (~25 ms, a tenth of a hook run); mirps uses none, so skip the search.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import importlib
import sys
from collections.abc import Collection, Mapping, Sequence
from typing import Any

import typer
from typer.core import TyperGroup

from mirps_cli import __version__

# Each verb and the module of mirps_cli.cli that defines it, in the order help lists them.
COMMANDS: dict[str, str] = {
    "validate": "validate_cmd",
    "status": "status_cmd",
    "timeline": "timeline_cmd",
    "update": "update_cmd",
    "schema": "schema_cmd",
    "export": "export_cmd",
    "diff": "diff_cmd",
    "report": "report_cmd",
    "site": "site_cmd",
    "fund": "fund_cmd",
    "sheet": "sheet_cmd",
    "translations": "translations_cmd",
    "cache": "cache_cmd",
}


def help_language(args: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language a run's help and usage errors are in: its `--lang es|en` (the last one
    given), else MIRPS_LANG, else the locale's, as every command's --lang defaults."""
    chosen = None
    for at, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and at + 1 < len(args):
            chosen = args[at + 1]
        elif arg.startswith("--lang="):
            chosen = arg.removeprefix("--lang=")
    if chosen in ("en", "es"):
        return chosen
    if environ.get("MIRPS_LANG") in ("en", "es"):
        return environ["MIRPS_LANG"]
    from mirps_cli.i18n import language_of_locale

    return language_of_locale(environ).value


class MirpsGroup(TyperGroup):
    """The mirps app: in Spanish (help pages, typer's usage errors) when the run is."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        given = list(sys.argv[1:] if args is None else args)
        extra["windows_expand_args"] = windows_expand_args
        if help_language(given, os.environ) != "es":
            return super().main(given, prog_name, complete_var, standalone_mode, **extra)
        from mirps_cli.cli import spanish_help

        return spanish_help.run(
            self,
            super().main,
            standalone_mode,
            args=given,
            prog_name=prog_name,
            complete_var=complete_var,
            **extra,
        )


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mirps {__version__}")
        raise typer.Exit(0)


def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """MIRPS plans as data: validate, browse and update national action plans and regional
    work plans. Every command takes --plans DIR (or MIRPS_PLANS; default ./plans)."""


def _listed() -> None:
    """Never run: a command as the top-level help lists it (see make_app)."""


def make_app(verbs: Collection[str] | None = None, listing: bool = False) -> typer.Typer:
    """The mirps app with every command, or with `verbs`' alone.

    A run names its verb first, and importing the other commands and building their options
    costs start-up on every hook run (~25 ms of ~110 ms on an unchanged `validate`). With the
    root callback the one-command app is still a group: `mirps validate ...` parses, helps
    and fails exactly as with the whole app. With `listing`, each command is its name and
    help alone, without its options: all that `mirps --help` shows of it.
    """
    app = typer.Typer(
        name="mirps",
        help="MIRPS plans as data: validate, browse and update national action plans "
        "and regional work plans.",
        no_args_is_help=True,
        add_completion=True,
        context_settings={"help_option_names": ["-h", "--help"]},
        # Plain help: rich markup would import rich on every start-up.
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        cls=MirpsGroup,
    )
    app.callback()(_root)
    for name, module_name in COMMANDS.items():
        if verbs is not None and name not in verbs:
            continue
        module = importlib.import_module(f"mirps_cli.cli.{module_name}")
        group = getattr(module, f"{name}_app", None)  # a command with commands of its own
        if listing:
            said = group.info.help if group is not None else getattr(module, name).__doc__
            app.command(name, help=said)(_listed)
        elif group is not None:
            app.add_typer(group, name=name)
        else:
            app.command()(getattr(module, name))
    return app


def app_for(args: list[str]) -> typer.Typer:
    """The app a command line needs: its verb's alone when it starts with one, none for
    `--version`, every command's name and help for the top-level help; otherwise
    (completion, a mistyped verb) the whole app."""
    if args and args[0] in COMMANDS:
        return make_app([args[0]])
    if args and args[0] == "--version":
        return make_app([])
    # Shell completion (typer's _MIRPS_COMPLETE) needs every command's options.
    if (not args or args[0] in ("-h", "--help")) and "_MIRPS_COMPLETE" not in os.environ:
        return make_app(listing=True)
    return make_app()


def __getattr__(name: str) -> typer.Typer:
    # `app`, the whole app, is built on first use: the entry point builds only what it needs.
    if name != "app":
        raise AttributeError(name)
    whole = globals()["app"] = make_app()
    return whole
