"""`mirps status`."""

from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.categories import GroupBy, Pillar
from mirps_cli.cli.common import (
    AsOfOption,
    LangOption,
    PlansOption,
    ViewFormat,
    country_option,
    echo,
    guarded,
    parse_as_of,
    parse_since,
)
from mirps_cli.cli.outputs import Outputs
from mirps_cli.i18n import Lang
from mirps_cli.vocab import Status

if TYPE_CHECKING:
    from mirps_cli.cli.outputs import Coloured, Plain
    from mirps_cli.status.views import StatusView

FormatOption = Annotated[
    ViewFormat,
    typer.Option(
        "--format",
        help="table (colour on a terminal, plain text in a pipe or with NO_COLOR), json, csv "
        "or markdown.",
    ),
]


@guarded
def status(
    target: Annotated[
        str | None,
        typer.Argument(
            help="A commitment id (HN-03) to show in full, or a country.", show_default=False
        ),
    ] = None,
    country: Annotated[
        str | None, country_option("ISO code or English or Spanish name, in any case.")
    ] = None,
    group_by: Annotated[
        GroupBy, typer.Option("--group-by", help="How a country's commitments are grouped.")
    ] = GroupBy.pillar,
    pillar: Annotated[Pillar | None, typer.Option("--pillar", show_default=False)] = None,
    status_filter: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only commitments in this status: planned, in_progress, fulfilled, suspended, "
            "cancelled, or their names in English or Spanish (cumplido, en curso).",
            show_default=False,
            metavar="STATUS",
        ),
    ] = None,
    institution: Annotated[
        str | None,
        typer.Option(
            "--institution", help="Institution id or part of its name.", show_default=False
        ),
    ] = None,
    working_group: Annotated[
        str | None,
        typer.Option(
            "--working-group",
            help="Working group id, e.g. reception-admission.",
            show_default=False,
        ),
    ] = None,
    activity: Annotated[
        str | None,
        typer.Option(
            "--activity",
            metavar="ID",
            help="One work-plan activity (2022:1.1, or 1.1 in the latest plan): its status, "
            "history and the commitments that serve it.",
            show_default=False,
        ),
    ] = None,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only overdue commitments.")] = False,
    stale: Annotated[bool, typer.Option("--stale", help="Only stale commitments.")] = False,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="List what changed from this date to --as-of, across all countries: new "
            "status entries, milestones reached, indicator values.",
            show_default=False,
        ),
    ] = None,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.en,
    output_format: FormatOption = ViewFormat.table,
    plans: PlansOption = None,
) -> None:
    """Where the region, a country or one commitment stands.

    Without a country: one row per member with its commitments by status, the share
    fulfilled, overdue and stale counts and the latest update; then the work plan's
    outcomes and the next events. With --country HN (or `mirps status HN`): the
    country's commitments grouped by pillar. With a commitment id (`mirps status HN-03`):
    that commitment in full, with its dated history and sources. With --since DATE:
    what changed from DATE to --as-of across all countries, in one table.
    """
    when = parse_as_of(as_of)

    from mirps_cli.cli.loading import load_view
    from mirps_cli.members import find_member, looks_like_a_member, resolve_member
    from mirps_cli.status import activity_detail, country_status, regional_status
    from mirps_cli.status.commitment import commitment_detail
    from mirps_cli.status.since import changes
    from mirps_cli.status.views import Filters

    if target is not None and country is None and find_member(target) is not None:
        country, target = target, None
    elif target is not None and country is None and looks_like_a_member(target):
        # `mirps status Hondras`: the suggestion `--country Hondras` gives, not "unknown
        # commitment".
        resolve_member(target)
    # A country's table shows no other country: their plans need no preparing.
    alone = None
    if country is not None and activity is None and since is None and target is None:
        alone = resolve_member(country).code
    tree = load_view(plans, when, lang, country=alone)
    wanted = _status(status_filter, lang) if status_filter is not None else None
    filters = Filters(pillar, wanted, institution, working_group, overdue, stale)
    view: StatusView
    if activity is not None:
        view = activity_detail(tree, activity, when, lang)
    elif since is not None:
        start = parse_since(since)
        view = changes(tree, start, when, lang)
    elif target is not None:
        view = commitment_detail(tree, target, when, lang)
    elif country is not None:
        view = country_status(tree, resolve_member(country), when, filters, group_by, lang)
    else:
        view = regional_status(tree, when, filters, lang)
    echo(*OUTPUTS.render(output_format, view, lang))


def _table() -> "Coloured[StatusView]":
    from mirps_cli.output import status_table

    return status_table


def _json() -> "Plain[StatusView]":
    from mirps_cli.output import status_json

    return status_json


def _csv() -> "Plain[StatusView]":
    from mirps_cli.output import status_csv

    return status_csv


def _markdown() -> "Plain[StatusView]":
    from mirps_cli.output import status_markdown

    return status_markdown


OUTPUTS: "Outputs[StatusView]" = Outputs(
    plain={ViewFormat.json: _json, ViewFormat.csv: _csv, ViewFormat.markdown: _markdown},
    coloured={ViewFormat.table: _table},
)


def _status(text: str, lang: str) -> Status:
    """--status, as `mirps update --status` takes it: the value or its name in either language."""
    from mirps_cli.i18n import Message
    from mirps_cli.vocab import parse_status, status_choices

    found = parse_status(text)
    if found is None:
        choices = status_choices(Status)
        said = Message(
            f"'{text}' is not a status; use one of {choices.en}",
            f"'{text}' no es un estado; use uno de {choices.es}",
        )
        raise typer.BadParameter(said.in_lang(lang), param_hint="'--status'")
    return found
