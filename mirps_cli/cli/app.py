"""The `mirps` command: one typer app, one module per command."""

from __future__ import annotations

import os
from typing import Annotated

# pydantic looks up plugins through package metadata on first validation
# (~25 ms, a tenth of a hook run); mirps uses none, so skip the search.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

import typer

from mirps_cli import __version__
from mirps_cli.cli.diff_cmd import diff
from mirps_cli.cli.export_cmd import export
from mirps_cli.cli.fund_cmd import fund_app
from mirps_cli.cli.report_cmd import report
from mirps_cli.cli.schema_cmd import schema
from mirps_cli.cli.status_cmd import status
from mirps_cli.cli.timeline_cmd import timeline
from mirps_cli.cli.update_cmd import update
from mirps_cli.cli.validate_cmd import validate

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
)


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"mirps {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """MIRPS plans as data: validate, browse and update national action plans and regional
    work plans. Every command takes --plans DIR (or MIRPS_PLANS; default ./plans)."""


app.command()(validate)
app.command()(status)
app.command()(timeline)
app.command()(update)
app.command()(schema)
app.command()(export)
app.command()(diff)
app.command()(report)
app.add_typer(fund_app, name="fund")
