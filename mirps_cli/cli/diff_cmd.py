"""`mirps diff`."""

from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import LangOption, PlansOption, echo, fail, guarded
from mirps_cli.cli.outputs import Outputs
from mirps_cli.i18n import Lang

if TYPE_CHECKING:
    from mirps_cli.cli.outputs import Coloured, Plain
    from mirps_cli.diff import DiffResult


class DiffFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"


@guarded
def diff(
    revisions: Annotated[
        list[str] | None,
        typer.Argument(
            metavar="[OLD [NEW] | OLD..NEW]",
            help="Revisions (HEAD~1, main, a tag), or two plan folders, or two plan files. "
            "None: HEAD against the working tree; one: it against the working tree.",
            show_default=False,
        ),
    ] = None,
    staged: Annotated[
        bool, typer.Option("--staged", help="Compare with what is staged for the next commit.")
    ] = False,
    output_format: Annotated[
        DiffFormat,
        typer.Option(
            "--format", help="text (+ - ~ marks; colour on a terminal), markdown or json."
        ),
    ] = DiffFormat.text,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit 1 when something changed, 0 when nothing did."),
    ] = False,
    json_schema: Annotated[
        bool, typer.Option("--json-schema", help="Print the JSON Schema of --format json.")
    ] = False,
    lang: LangOption = Lang.en,
    plans: PlansOption = None,
) -> None:
    """What a plan update changed, item by item: commitments, milestones, activities, events...

    Items are matched by id; renamed items, status moves, new status entries, new indicator
    values and new requests for support are called out, with a summary per country. Git
    revisions are read from git's objects: nothing is checked out. Exit codes: 0 (with
    --exit-code: nothing changed), 1 (changes, with --exit-code; or a side does not
    validate), 2 (usage: unknown revision, no repository, no plans folder).
    """
    if json_schema:
        import json

        from mirps_cli.output.diff_json import SCHEMA

        typer.echo(json.dumps(SCHEMA, ensure_ascii=False, indent=2))
        return

    import datetime as dt

    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.diff import diff_trees
    from mirps_cli.diff.sides import choose_sides, load_sides
    from mirps_cli.errors import SideInvalid
    from mirps_cli.output import problems as findings

    old, new = choose_sides(list(revisions or []), staged, lambda: resolve_plans_dir(plans))
    try:
        before, after = load_sides(old, new, dt.date.today())
    except SideInvalid as refused:
        typer.echo(findings.render(refused.problems, lang, refused.checked), err=True, nl=False)
        raise fail(refused.message.in_lang(lang), refused.exit_code) from None
    result_view = diff_trees(before, after, old.name, new.name)
    echo(*OUTPUTS.render(output_format, result_view, lang))
    if exit_code and result_view.changed:
        raise typer.Exit(1)


def _text() -> "Coloured[DiffResult]":
    from mirps_cli.output import diff_text

    return diff_text


def _json() -> "Plain[DiffResult]":
    from mirps_cli.output import diff_json

    return diff_json


def _markdown() -> "Plain[DiffResult]":
    from mirps_cli.output import diff_markdown

    return diff_markdown


OUTPUTS: "Outputs[DiffResult]" = Outputs(
    plain={DiffFormat.json: _json, DiffFormat.markdown: _markdown},
    coloured={DiffFormat.text: _text},
)
