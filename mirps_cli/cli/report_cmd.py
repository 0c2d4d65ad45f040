"""`mirps report`."""

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import (
    PlansOption,
    country_option,
    guarded,
    parse_as_of,
    parse_since,
    template_dir_option,
)
from mirps_cli.i18n import Lang

if TYPE_CHECKING:
    import datetime as dt

    from mirps_cli.cli.loading import Invalid
    from mirps_cli.cli.outputs import Document
    from mirps_cli.report.views import Report
    from mirps_cli.tree import Tree


class ReportFormat(StrEnum):
    markdown = "markdown"
    html = "html"
    docx = "docx"


@guarded
def report(
    year: Annotated[
        int | None,
        typer.Option(
            "--year", help="Presidency year (default: the latest work plan).", show_default=False
        ),
    ] = None,
    country: Annotated[str | None, country_option("Draft one national chapter alone.")] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of the draft (default: Spanish; a chapter drafted alone, its "
            "country's own language).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of",
            metavar="DATE",
            help="End of the period (default: 31 December of the year).",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="DATE",
            help="Start of the period (default: 1 January of the year).",
            show_default=False,
        ),
    ] = None,
    output_format: Annotated[
        ReportFormat,
        typer.Option(
            "--format",
            help="markdown, html (one self-contained page) or docx (Word; needs -o FILE or a "
            "redirected stdout).",
        ),
    ] = ReportFormat.markdown,
    reference_doc: Annotated[
        Path | None,
        typer.Option(
            "--reference-doc",
            metavar="FILE",
            help="With --format docx: take the styles of this Word document (the "
            "Secretariat's template), as pandoc does.",
            show_default=False,
        ),
    ] = None,
    template_dir: Annotated[
        Path | None, template_dir_option("Templates that replace mirps's own, by file name.")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "-o",
            "--output",
            metavar="FILE",
            help="Write the draft to FILE (atomically) instead of stdout; - is stdout.",
            show_default=False,
        ),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Draft the MIRPS Annual Report from the plans: Markdown, HTML or Word, Spanish or English.

    The draft follows the published reports (III Annual Report 2020): title, acronyms,
    presentation and regional context (placeholders), a chapter per country (relevant
    indicators, achievements and challenges, quantification), the regional work, the
    region at a glance and an annex of every commitment. It shows the plans as they stood
    at the period's end: anything dated after it is left out.
    """

    from mirps_cli import git
    from mirps_cli.cli.common import build_day, check_folder_option, resolve_plans_dir
    from mirps_cli.cli.loading import Invalid, refuse_invalid
    from mirps_cli.cli.targets import check_output, write_output
    from mirps_cli.forked import started
    from mirps_cli.members import resolve_member
    from mirps_cli.report import build_report

    end = parse_as_of(as_of) if as_of is not None else None
    start = parse_since(since) if since is not None else None
    member = resolve_member(country) if country is not None else None
    chosen = lang or (member.chapter_language if member is not None else Lang.es)
    folder = resolve_plans_dir(plans)
    check_folder_option(template_dir, "--template-dir")
    if reference_doc is not None:
        if output_format is not ReportFormat.docx:
            raise typer.BadParameter(
                "takes effect with --format docx only", param_hint="'--reference-doc'"
            )
        if not reference_doc.is_file():
            raise typer.BadParameter(
                f"{str(reference_doc)!r} is not a file", param_hint="'--reference-doc'"
            )
    check_output(output, folder)
    drafted = build_day()  # SOURCE_DATE_EPOCH fixes the draft's date

    def draft(tree: "Tree") -> "Report":
        code = member.code if member else None
        return build_report(tree, chosen, year, code, start, end, drafted, git.describe(folder))

    # The draft is all its formats need: the tree (most of the memory at 10,000 commitments)
    # is loaded and drafted in a child, whose memory goes back to the system when it ends,
    # before a document is built (forked.started). Where it cannot be, here.
    pending = started(lambda: _drafted(folder, end, draft))
    sent = pending.result() if pending is not None else None
    if isinstance(sent, Invalid):
        refuse_invalid(sent, chosen)
    view = sent if sent is not None else _drafted_here(plans, end, chosen, draft)
    document = DOCUMENTS[output_format]().render(
        view, chosen, template_dir, reference_doc=reference_doc
    )
    write_output(output, document, folder)


def _drafted(
    folder: Path, end: "dt.date | None", draft: "Callable[[Tree], Report]"
) -> "Report | Invalid":
    """In the child: the plans loaded and the draft made, or their errors; nothing said."""
    from mirps_cli.cli.loading import Invalid, valid_tree

    found = valid_tree(folder, end)
    return found if isinstance(found, Invalid) else draft(found)


def _drafted_here(
    plans: str | None, end: "dt.date | None", lang: str, draft: "Callable[[Tree], Report]"
) -> "Report":
    """The draft made in this process, its tree let go before a document is built, so its
    memory is used again for the document's."""
    import gc

    from mirps_cli.cli.loading import load_valid_tree

    view = draft(load_valid_tree(plans, end, lang))
    # The tree's files refer to themselves through their lazy loaders, and the loader froze
    # them out of the collector's sight: one collection (~0.2 s at 10,000) frees them.
    gc.unfreeze()
    gc.collect()
    return view


def _markdown() -> "Document[Report]":
    from mirps_cli.output import report_markdown

    return report_markdown


def _html() -> "Document[Report]":
    from mirps_cli.output import report_html

    return report_html


def _docx() -> "Document[Report]":
    from mirps_cli.output import report_docx

    return report_docx


DOCUMENTS: "dict[ReportFormat, Callable[[], Document[Report]]]" = {
    ReportFormat.markdown: _markdown,
    ReportFormat.html: _html,
    ReportFormat.docx: _docx,
}
