"""`mirps export`."""

from enum import StrEnum
from typing import Annotated

import typer

from mirps_cli.cli.common import PlansOption, guarded, parse_as_of


class ExportFormat(StrEnum):
    json = "json"


@guarded
def export(
    plans: PlansOption = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="The plans as they stood on this date: later entries, values and instalments "
            "are left out (default: everything the files hold).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ExportFormat, typer.Option("--format", help="Output format.")
    ] = ExportFormat.json,
) -> None:
    """Print the whole validated tree as JSON: {"work_plans": [...], "national_plans": [...]}.

    Each commitment carries its current "status". A tree with errors prints the
    validate findings on stderr and exits 1.
    """
    from mirps_cli.cli.loading import load_valid_tree, load_view
    from mirps_cli.export import exported
    from mirps_cli.output import export_json

    tree = (
        load_valid_tree(plans)
        if as_of is None
        else load_view(plans, parse_as_of(as_of), for_views=False)
    )
    for piece in export_json.render(exported(tree)):
        typer.echo(piece, nl=False)
