"""`mirps fund` and `mirps fund prioritize`."""

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
from mirps_cli.cli.loading import load_view
from mirps_cli.cli.outputs import Outputs
from mirps_cli.i18n import Lang

if TYPE_CHECKING:
    from mirps_cli.cli.outputs import Coloured, Plain
    from mirps_cli.fund import FundOverview, Prioritized

fund_app = typer.Typer(
    help="The MIRPS Fund: money per country and donor, projects, roadmap; requests ranked.",
    rich_markup_mode=None,
    no_args_is_help=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FormatOption = Annotated[
    ViewFormat,
    typer.Option("--format", help="table (colour on a terminal), json, csv or markdown."),
]


def _table() -> "Coloured[FundOverview | Prioritized]":
    from mirps_cli.output import fund_text

    return fund_text


def _json() -> "Plain[FundOverview | Prioritized]":
    from mirps_cli.output import fund_json

    return fund_json


def _csv() -> "Plain[FundOverview | Prioritized]":
    from mirps_cli.output import fund_csv

    return fund_csv


def _markdown() -> "Plain[FundOverview | Prioritized]":
    from mirps_cli.output import fund_markdown

    return fund_markdown


OUTPUTS: "Outputs[FundOverview | Prioritized]" = Outputs(
    plain={ViewFormat.json: _json, ViewFormat.csv: _csv, ViewFormat.markdown: _markdown},
    coloured={ViewFormat.table: _table},
)


@fund_app.callback(invoke_without_command=True)
@guarded
def fund(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    lang: LangOption = Lang.en,
    output_format: FormatOption = ViewFormat.table,
    plans: PlansOption = None,
) -> None:
    """The MIRPS Fund at a glance: requested, approved, disbursed and the gap per country and
    currency (never summed across currencies), contributions per donor, the projects with
    their status (and its IATI ActivityStatus code), and the roadmap's milestones, due or
    overdue as of --as-of.
    """
    if ctx.invoked_subcommand is not None:
        return
    from mirps_cli.fund import overview

    when = parse_as_of(as_of)
    tree = load_view(plans, when, lang, kinds=("fund",))
    echo(*OUTPUTS.render(output_format, overview(tree, when, lang), lang))


@fund_app.command()
@guarded
def prioritize(
    lang: LangOption = Lang.en,
    output_format: FormatOption = ViewFormat.table,
    plans: PlansOption = None,
) -> None:
    """Rank the funding requests (projects not yet approved) by the Fund's own criteria.

    The criteria and their weights are data in the Fund file (prioritization), and so are each
    request's scores; the table shows each score so a committee can see why. Ties are ordered
    by id, and said so. A request that fails an eligibility criterion of the guidelines, or
    was not assessed against one, is listed apart with the reason.
    """
    import datetime as dt

    from mirps_cli.fund import prioritize as rank

    ranked = rank(load_view(plans, dt.date.today(), lang), lang)
    echo(*OUTPUTS.render(output_format, ranked, lang))
