"""`mirps export`."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from mirps_cli.cli.common import PlansOption, guarded


class ExportFormat(StrEnum):
    json = "json"


@guarded
def export(
    plans: PlansOption = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.json,
) -> None:
    """Print the whole validated tree as JSON: {"work_plans": [...], "national_plans": [...]}.

    Each commitment carries its current "status". A tree with errors prints the
    validate findings on stderr and exits 1.
    """
    from mirps_cli.cli.common import load_valid_tree
    from mirps_cli.export import export_tree

    tree = load_valid_tree(plans)
    typer.echo(json.dumps(export_tree(tree), ensure_ascii=False, indent=2))
