"""Loading the tree for the commands that need a valid one (status, export, update...)."""

from __future__ import annotations

import datetime as dt

import typer

from mirps_cli.tree import Tree


def load_valid_tree(plans: str | None, as_of: dt.date | None = None, lang: str = "en") -> Tree:
    """The tree, or the validate findings on stderr and exit 1 when it has errors."""
    from mirps_cli.i18n import Message
    from mirps_cli.loader import resolve_plans_dir
    from mirps_cli.output.problems import render_text
    from mirps_cli.validate import validate_tree

    result = validate_tree(resolve_plans_dir(plans), as_of or dt.date.today())
    if result.errors:
        typer.echo(render_text(result.errors, lang, len(result.tree.files)), err=True, nl=False)
        fix = Message(
            "the plans have errors; fix them first (see `mirps validate`)",
            "los planes tienen errores; corríjalos primero (vea `mirps validate`)",
        )
        typer.echo(f"mirps: {fix.in_lang(lang)}.", err=True)
        raise typer.Exit(1)
    return result.tree
