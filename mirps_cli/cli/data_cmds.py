"""`mirps schema` and `mirps export`: the plans for editors and other programs."""

from __future__ import annotations

import json
from enum import StrEnum
from typing import Annotated

import typer

from mirps_cli.cli.common import PlansOption, guarded


class SchemaKind(StrEnum):
    all = "all"
    national = "national"
    work_plan = "work-plan"


@guarded
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", help="national, work-plan, or all (either kind of file)."),
    ] = SchemaKind.all,
    plans: PlansOption = None,
) -> None:
    """Print the JSON Schema of the plan files, generated from mirps's models.

    Editors use it for completion and checks as you type: each plan file names
    its schema on its first line (# yaml-language-server: $schema=...).
    """
    from mirps_cli.schema_export import json_schema

    typer.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))


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
    from mirps_cli.cli.loading import load_valid_tree
    from mirps_cli.export import export_tree

    tree = load_valid_tree(plans)
    typer.echo(json.dumps(export_tree(tree), ensure_ascii=False, indent=2))
