"""`mirps validate`."""

import os
from enum import StrEnum
from typing import Annotated

import typer

from mirps_cli.cli.common import AsOfOption, LangOption, PlansOption, guarded, parse_as_of
from mirps_cli.i18n import Lang


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"


def parse_size(text: str) -> int:
    from mirps_cli.i18n import size_of

    size = size_of(text)
    if size is None:
        raise typer.BadParameter(
            f"'{text}' is not a size mirps can read: write 20MB, 500kB or a number of bytes "
            "(up to a terabyte)",
            param_hint="'--max-file-size'",
        )
    return size


@guarded
def validate(
    plans: PlansOption = None,
    output_format: Annotated[
        ProblemFormat | None,
        typer.Option(
            "--format",
            help="text, json, github (annotations; chosen by itself when GITHUB_ACTIONS=true) "
            "or sarif.",
            show_default=False,
        ),
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too (exit 1).")] = False,
    as_of: AsOfOption = None,
    max_file_size: Annotated[
        str, typer.Option("--max-file-size", metavar="SIZE", help="Largest plan file read.")
    ] = "20MB",
    lang: LangOption = Lang.en,
    no_cache: Annotated[
        bool,
        typer.Option(
            "--no-cache",
            help="Read and check every file anew, without the cache of files read before "
            "(also MIRPS_NO_CACHE=1).",
        ),
    ] = False,
) -> None:
    """Check every plan file and report every problem at once, with file, line and a hint.

    Exit codes: 0 valid (warnings allowed), 1 problems found (or warnings with --strict),
    2 usage error (unknown option, plans folder missing).
    """
    limit = parse_size(max_file_size)
    when = parse_as_of(as_of)
    if output_format is None:
        on_actions = os.environ.get("GITHUB_ACTIONS") == "true"
        output_format = ProblemFormat.github if on_actions else ProblemFormat.text

    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.output import problems as findings
    from mirps_cli.problems import worst_exit_code
    from mirps_cli.validate import validate_tree

    # --no-cache turns it off; without it, MIRPS_NO_CACHE decides (cache.enabled).
    result = validate_tree(
        resolve_plans_dir(plans), when, limit, use_cache=False if no_cache else None
    )
    checked = len(result.tree.files)
    typer.echo(findings.render(result.problems, lang, checked, output_format), nl=False)
    raise typer.Exit(worst_exit_code(result.problems, strict))
