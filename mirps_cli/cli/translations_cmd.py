"""`mirps translations`, `mirps translations export` and `mirps translations import`."""

import datetime as dt
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import LangOption, PlansOption, fail, guarded
from mirps_cli.errors import MirpsError
from mirps_cli.i18n import Lang, Message

if TYPE_CHECKING:
    from mirps_cli.po import PoFile

translations_app = typer.Typer(
    help="Which plan texts have both languages; a PO file out to translators and back in.",
    rich_markup_mode=None,
    no_args_is_help=False,
    invoke_without_command=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class CountFormat(StrEnum):
    table = "table"
    json = "json"


@translations_app.callback()
@guarded
def translations(
    ctx: typer.Context,
    missing: Annotated[
        Lang | None,
        typer.Option("--missing", help="List the texts without this language, by place."),
    ] = None,
    fmt: Annotated[CountFormat, typer.Option("--format", "-f")] = CountFormat.table,
    lang: LangOption = Lang.en,
    plans: PlansOption = None,
) -> None:
    """Per plan file: how many texts are in both languages, how many lack Spanish or
    English."""
    if ctx.invoked_subcommand is not None:
        return
    from mirps_cli.cli.loading import load_valid_tree
    from mirps_cli.translations import counts, texts

    tree = load_valid_tree(plans, dt.date.today(), lang)
    lacking = [t for t in texts(tree) if not t.has(missing)] if missing else None
    if fmt is CountFormat.json:
        from mirps_cli.output.translations_json import render
    else:
        from mirps_cli.output.translations_text import render
    typer.echo(render(counts(tree), lacking, lang), nl=False)


@translations_app.command("export")
@guarded
def export(
    target: Annotated[
        Lang, typer.Option("--lang", help="The language to translate into.")
    ] = Lang.es,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="The PO file to write (default: stdout); a name ending in .xlsx writes the "
            "same texts as a workbook, for translators who work in a spreadsheet.",
        ),
    ] = None,
    everything: Annotated[
        bool,
        typer.Option("--all", help="Every text, those already translated too (for review)."),
    ] = False,
    plans: PlansOption = None,
) -> None:
    """Write the texts that lack a language as a gettext PO file for translators (Poedit,
    Weblate, CAT tools): the source text, its place in the plans as context and reference,
    the plan's comment above it as a note."""
    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.cli.loading import load_valid_tree
    from mirps_cli.cli.targets import check_output, write_output
    from mirps_cli.translations.po_out import export_po, to_translate

    folder = resolve_plans_dir(plans)
    check_output(output, folder)
    # Each entry says the line its text is on: the files keep their positions.
    tree = load_valid_tree(plans, dt.date.today(), target, positions=True)
    if output is not None and output.suffix.lower() == ".xlsx":
        # The same entries as a workbook, for translators who work in a spreadsheet.
        from mirps_cli.translations.form import form_bytes

        po = to_translate(tree, target.value, everything)
        write_output(output, form_bytes(po), folder)
        count = len(po.entries)
    else:
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        data, count = export_po(tree, target.value, everything, now)
        write_output(output, data.decode("utf-8"), folder)
    if output is not None and str(output) != "-":
        typer.echo(
            Message(
                f"{output}: {count} texts to translate into {target.value}",
                f"{output}: {count} textos para traducir al {target.value}",
            ).in_lang(target),
            err=True,
        )


@translations_app.command("import")
@guarded
def import_(
    po_file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="The translated PO file, or the .xlsx form."),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
    ] = False,
    lang: LangOption = Lang.es,
    plans: PlansOption = None,
) -> None:
    """Write a translated PO file's entries into the plans, each as the other language of
    its text. Entries whose place is gone, whose source changed since the export, or marked
    fuzzy are named and not applied; the rest land in every file at once, or in none."""
    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.cli.loading import editing, load_valid_tree
    from mirps_cli.forked import at_once
    from mirps_cli.i18n import printable
    from mirps_cli.translations.land import apply_all, places, plan_translations

    if not po_file.is_file():
        problem = "is a folder" if po_file.is_dir() else "does not exist"
        raise typer.BadParameter(f"{str(po_file)!r} {problem}", param_hint="'FILE'")
    folder = resolve_plans_dir(plans)
    shown = printable(po_file.name)
    today = dt.date.today()
    with editing(folder):
        tree = load_valid_tree(str(folder), today, lang)
        # The file is read by a forked child while this process finds every text's place
        # (at 10,000 commitments half a second each, on one core: the plans load on both);
        # where the system cannot fork, or the file is refused, it is read here, where the
        # refusal is said.
        by_context, po = at_once(partial(places, tree), partial(_read_translated, po_file, shown))
        target = _language(po, shown, lang)
        try:
            plan = plan_translations(folder, by_context, po, target, today)
        except MirpsError as error:
            from mirps_cli.errors import UpdateRefused

            if isinstance(error, UpdateRefused) and error.problems:
                from mirps_cli.output import problems as findings

                typer.echo(findings.render(error.problems, lang, error.checked), err=True, nl=False)
            raise
        if dry_run:
            for edit in plan.edits:
                typer.echo(edit.diff(), nl=False)
        else:
            apply_all(plan.edits)
    for skipped in plan.skipped:
        typer.echo(f"{shown}: {skipped.context}: {skipped.why.in_lang(lang)}", err=True)
    files = len(plan.edits)
    said = Message(
        f"{shown}: {plan.applied} translations {'would be ' if dry_run else ''}written into "
        f"{files} files; {plan.already} already there, {len(plan.skipped)} not applied, "
        f"{plan.untranslated} untranslated",
        f"{shown}: {plan.applied} traducciones {'se escribirían' if dry_run else 'escritas'} en "
        f"{files} archivos; {plan.already} ya estaban, {len(plan.skipped)} sin aplicar, "
        f"{plan.untranslated} sin traducir",
    )
    typer.echo(said.in_lang(lang))


def _read_translated(path: Path, shown: str) -> "PoFile":
    """A translated PO file, or its spreadsheet form (.xlsx)."""
    if path.suffix.lower() == ".xlsx":
        from mirps_cli.translations.form import read_form

        return read_form(path, shown)
    from mirps_cli.po import read_po

    return read_po(path, shown)


def _language(po: "PoFile", shown: str, lang: str) -> str:
    """The language the file translates into, from its Language header: es or en."""
    target = po.lang.split("_")[0] if po.lang else ""
    if target not in ("en", "es"):
        raise fail(
            Message(
                f"{shown}: its Language header says '{po.lang}', not es or en; export the file "
                "again with mirps translations export",
                f"{shown}: su encabezado Language dice '{po.lang}', no es ni en; exporte el "
                "archivo otra vez con mirps translations export",
            ).in_lang(lang),
            1,
        )
    return target
