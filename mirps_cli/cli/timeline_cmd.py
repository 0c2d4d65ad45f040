"""`mirps timeline`."""

from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import (
    AsOfOption,
    LangOption,
    PlansOption,
    ViewFormat,
    echo,
    guarded,
    parse_as_of,
)
from mirps_cli.cli.outputs import Outputs
from mirps_cli.i18n import Lang

if TYPE_CHECKING:
    from mirps_cli.cli.outputs import Coloured, Plain
    from mirps_cli.timeline import TimelineView


@guarded
def timeline(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Presidency year (default: the current work plan).", show_default=False
        ),
    ] = None,
    upcoming: Annotated[
        str | None,
        typer.Option(
            "--upcoming",
            metavar="PERIOD",
            help="Only what comes next from --as-of: 30d, 2w or 3m.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.en,
    output_format: Annotated[
        ViewFormat, typer.Option("--format", help="table, json or markdown.")
    ] = ViewFormat.table,
    plans: PlansOption = None,
) -> None:
    """The work plan's events month by month for the presidency year, unscheduled ones apart.

    An event without a month in the plan is listed as unscheduled: its month is never guessed.
    """
    when = parse_as_of(as_of)

    from mirps_cli.cli.loading import load_view
    from mirps_cli.errors import UsageError
    from mirps_cli.timeline import parse_duration, timeline_view

    if output_format is ViewFormat.csv:
        raise UsageError(
            "timeline has no csv form: use table, json or markdown",
            "timeline no tiene forma csv: use table, json o markdown",
        )
    end = parse_duration(upcoming, when) if upcoming is not None else None
    tree = load_view(plans, when, lang, kinds=("work-plan",))
    view = timeline_view(tree, year, when, end, lang)
    echo(*OUTPUTS.render(output_format, view, lang))


def _table() -> "Coloured[TimelineView]":
    from mirps_cli.output import timeline_table

    return timeline_table


def _json() -> "Plain[TimelineView]":
    from mirps_cli.output import timeline_json

    return timeline_json


def _markdown() -> "Plain[TimelineView]":
    from mirps_cli.output import timeline_markdown

    return timeline_markdown


OUTPUTS: "Outputs[TimelineView]" = Outputs(
    plain={ViewFormat.json: _json, ViewFormat.markdown: _markdown},
    coloured={ViewFormat.table: _table},
)
