"""`mirps schema`."""

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
    from mirps_cli.schema import json_schema

    typer.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
