"""`mirps update`."""

import datetime as dt
from typing import Annotated

import typer

from mirps_cli.cli.common import LangOption, PlansOption, fail, guarded
from mirps_cli.i18n import Lang


@guarded
def update(
    commitment: Annotated[
        str, typer.Argument(metavar="ID", help="The commitment's id, e.g. HN-03.")
    ],
    status: Annotated[
        str,
        typer.Option(
            "--status",
            metavar="STATUS",
            help="planned, in_progress, fulfilled, suspended or cancelled "
            "(the Spanish names work too: cumplido, en curso...).",
        ),
    ],
    date: Annotated[
        str | None,
        typer.Option(
            "--date",
            metavar="DATE",
            help="When it happened (the law was passed, the agreement signed): 2023-03-15, "
            "2023-03 or 2023 (default: today).",
            show_default=False,
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option(
            "--note", metavar="TEXT", help="What happened, in a sentence.", show_default=False
        ),
    ] = None,
    source: Annotated[
        list[str] | None,
        typer.Option(
            "--source",
            metavar="URL",
            help="A public source; repeat for several.",
            show_default=False,
        ),
    ] = None,
    reported: Annotated[
        str | None,
        typer.Option(
            "--reported",
            metavar="DATE",
            help="When a source reported it, where that is the date the source gives.",
            show_default=False,
        ),
    ] = None,
    reporter: Annotated[
        str | None,
        typer.Option(
            "--reporter",
            metavar="WHO",
            help="Who reported it: state, civil_society, unhcr_oas or technical_secretariat.",
            show_default=False,
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
    ] = False,
    lang: LangOption = Lang.en,
    plans: PlansOption = None,
) -> None:
    """Append a dated status entry to a commitment in its plan file.

    Nothing else in the file changes: comments, key order, quoting, blank lines and line
    endings stay byte for byte. The result is validated first; an invalid update (unknown
    status or id, a date before the latest entry) is refused with exit 1 and the file is
    left untouched. The write is atomic.
    """
    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.cli.loading import editing
    from mirps_cli.errors import UpdateRefused
    from mirps_cli.output import problems as findings
    from mirps_cli.update import StatusUpdate, apply_edit, prepare_update

    for option, text in (("--note", note), *(("--source", s) for s in source or [])):
        if text is not None and not text.strip():
            raise typer.BadParameter("is empty: leave the option out instead", param_hint=option)
        if text is not None and _not_utf8(text):
            raise typer.BadParameter(
                "holds bytes that are not UTF-8 text: type it again", param_hint=option
            )
    request = StatusUpdate(commitment, status, date, note, tuple(source or ()), reported, reporter)
    folder = resolve_plans_dir(plans)
    # Read, check and write under the folder's lock (a second update waits for this one),
    # each unchanged file read once for the checks before and after the change.
    with editing(folder):
        try:
            edit = prepare_update(folder, request, dt.date.today())
        except UpdateRefused as refused:
            if not refused.problems:
                raise
            listing = findings.render(refused.problems, lang, refused.checked).rstrip()
            raise fail(f"{refused.message.in_lang(lang)}:\n{listing}", refused.exit_code) from None
        if dry_run:
            typer.echo(edit.diff(), nl=False)
            return
        apply_edit(edit)
    first, last = edit.added
    from mirps_cli.i18n import Message
    from mirps_cli.vocab import status_label

    done = Message(
        f"{edit.item}: {edit.status.value} on {edit.date} "
        f"(added lines {first}-{last} of {edit.display})",
        f"{edit.item}: {status_label(edit.status, 'es')} el {edit.date} "
        f"(líneas {first}-{last} agregadas en {edit.display})",
    )
    typer.echo(done.in_lang(lang))


def _not_utf8(text: str) -> bool:
    """An argument with bytes that are not UTF-8 reaches Python as lone surrogates."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False
