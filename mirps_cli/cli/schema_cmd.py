"""`mirps schema`."""

from enum import StrEnum
from typing import Annotated

import typer

from mirps_cli.cli.common import PlansOption, guarded
from mirps_cli.kinds import BY_NAME

# The choices come from the one table of plan kinds, which imports no model.
SchemaKind = StrEnum("SchemaKind", [(name, name) for name in ("all", *BY_NAME)])  # type: ignore[misc]


@guarded
def schema(
    kind: Annotated[
        SchemaKind,
        typer.Option("--kind", help=f"{', '.join(BY_NAME)}, or all (any kind of file)."),
    ] = SchemaKind("all"),
    plans: PlansOption = None,
) -> None:
    """Print the JSON Schema of the plan files, generated from mirps's models.

    Editors use it for completion and checks as you type: each plan file names
    its schema on its first line (# yaml-language-server: $schema=...).
    """
    import json

    from mirps_cli.schema import json_schema

    typer.echo(json.dumps(json_schema(kind), ensure_ascii=False, indent=2))
