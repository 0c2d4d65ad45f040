"""`mirps cache` and `mirps cache clear`."""

import typer

from mirps_cli.cli.common import LangOption, guarded
from mirps_cli.i18n import Lang, Message

cache_app = typer.Typer(
    help="The cache of plans read and checked before: where it is, its size; clear it.",
    rich_markup_mode=None,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _bytes(count: int, lang: str) -> str:
    from mirps_cli.i18n import number

    return f"{number(round(count / 1_000_000, 1), lang)} MB"


@cache_app.callback()
@guarded
def cache(ctx: typer.Context, lang: LangOption = Lang.en) -> None:
    """Where the cache is, how many entries it holds and their size, and its maximum
    (MIRPS_CACHE_MAX_SIZE, default 300 MB)."""
    if ctx.invoked_subcommand is not None:
        return
    from mirps_cli import cache as store

    entries, size = store.size()
    limit = store.max_size()
    said = Message(
        f"{store.folder()}: {entries} entries, {_bytes(size, 'en')} (at most {_bytes(limit, 'en')}"
        f"{'' if store.enabled() else '; not used: turned off, or not this user’s alone'})",
        f"{store.folder()}: {entries} entradas, {_bytes(size, 'es')} (como máximo "
        f"{_bytes(limit, 'es')}"
        f"{'' if store.enabled() else '; no se usa: desactivada, o no es solo de este usuario'})",
    )
    typer.echo(said.in_lang(lang))


@cache_app.command("clear")
@guarded
def clear(lang: LangOption = Lang.en) -> None:
    """Remove every entry of the cache (the next run reads and checks every file anew)."""
    from mirps_cli import cache as store

    entries, size = store.clear()
    said = Message(
        f"removed {entries} entries ({_bytes(size, 'en')}) from {store.folder()}",
        f"se quitaron {entries} entradas ({_bytes(size, 'es')}) de {store.folder()}",
    )
    typer.echo(said.in_lang(lang))
