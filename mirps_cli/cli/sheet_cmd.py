"""`mirps sheet export` and `mirps sheet import`."""

import datetime as dt
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import PlansOption, country_option, fail, guarded
from mirps_cli.errors import MirpsError
from mirps_cli.i18n import Lang, Message, counted

if TYPE_CHECKING:
    from mirps_cli.sheet.land import ImportPlan

sheet_app = typer.Typer(
    help="A national team's workbook: export it to fill in, import it filled.",
    rich_markup_mode=None,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)

SHEET_COUNTS = {
    "commitments": (Message("commitment", "compromiso"), Message("commitments", "compromisos")),
    "milestones": (Message("milestone", "hito"), Message("milestones", "hitos")),
    "indicators": (Message("indicator", "indicador"), Message("indicators", "indicadores")),
}

SheetLang = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of the workbook and the messages (default: the country's).",
        show_default=False,
    ),
]


@sheet_app.command("export")
@guarded
def export(
    country: Annotated[
        str | None, country_option("The member whose workbook to write (default: all).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="PATH",
            help="The workbook to write (default: CC.xlsx here); without --country, the "
            "folder for one workbook per member (default: here).",
            show_default=False,
        ),
    ] = None,
    send_to: Annotated[
        str | None,
        typer.Option(
            "--send-to",
            metavar="WHERE",
            help="Where the team sends the filled workbook (an email address), for the "
            "instructions sheet.",
            show_default=False,
        ),
    ] = None,
    lang: SheetLang = None,
    plans: PlansOption = None,
) -> None:
    """Write a workbook for a national team to fill in: instructions, its commitments,
    milestones and indicators with their current status (locked), and the columns to fill
    (new status, date, who reports, note, source). Nothing in the plans changes."""
    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.cli.loading import load_valid_tree
    from mirps_cli.cli.targets import workbook_targets, write_file
    from mirps_cli.members import MEMBERS, find_member
    from mirps_cli.model import NationalPlan

    folder = resolve_plans_dir(plans)
    said = lang or Lang.es
    if country is not None:
        member = find_member(country)
        if member is None:
            raise typer.BadParameter(
                f"'{country}' is not a MIRPS member: use one of {', '.join(sorted(MEMBERS))}",
                param_hint="'--country'",
            )
        country = member.code
    targets = workbook_targets(output, country, folder)
    tree = load_valid_tree(plans, dt.date.today(), said)
    plans_of = {p.country: f for f, p in tree.national_plans() if isinstance(p, NationalPlan)}
    if country is not None and country not in plans_of:
        name = MEMBERS[country].name
        raise fail(
            Message(
                f"the plans hold no national plan of {name.en}",
                f"los planes no tienen plan nacional de {name.es}",
            ).in_lang(said),
            1,
        )
    from mirps_cli import git
    from mirps_cli.sheet.export import export_book, export_many

    revision = git.describe(folder)
    today = dt.date.today()
    jobs = []
    codes = [country] if country else sorted(plans_of)
    for code in codes:
        plan_file = plans_of[code]
        plan = plan_file.model
        assert isinstance(plan, NationalPlan)
        member_lang = MEMBERS[code].chapter_language if code in MEMBERS else Lang.es
        chosen = lang or member_lang
        size = sum(1 + len(c.milestones) + len(c.indicators) for c in plan.commitments)
        jobs.append(
            (size, partial(export_book, plan_file, plan, chosen, today, revision, send_to, folder))
        )
    written = []
    for code, book in zip(codes, export_many(jobs), strict=True):
        path = targets(code)
        write_file(path, book.data)
        counts = ", ".join(
            counted(n, *SHEET_COUNTS[key], said)
            for key, n in (
                ("commitments", book.commitments),
                ("milestones", book.milestones),
                ("indicators", book.indicators),
            )
        )
        written.append(f"{path}: {code}, {counts} ({book.lang})")
    typer.echo("\n".join(written))


@sheet_app.command("import")
@guarded
def import_(
    workbook: Annotated[
        Path, typer.Argument(metavar="WORKBOOK", help="The filled workbook (.xlsx).")
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print the change as a unified diff; write nothing.")
    ] = False,
    commit: Annotated[
        bool,
        typer.Option("--commit", help="Record the import as one git commit of its own."),
    ] = False,
    branch: Annotated[
        str | None,
        typer.Option(
            "--branch",
            metavar="NAME",
            help="With --commit: commit on this new branch (default: the current one).",
            show_default=False,
        ),
    ] = None,
    country: Annotated[
        str | None, country_option("Refuse the workbook unless it is this member's.")
    ] = None,
    lang: Annotated[
        Lang | None,
        typer.Option(
            "--lang",
            help="Language of the messages (default: the workbook's). Its cells are read in "
            "the language it was exported in.",
            show_default=False,
        ),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Add a filled workbook's rows to its country's plan: each filled row becomes a dated
    status entry (or indicator value), written as `mirps update` writes one. Every problem
    is listed at once, by sheet, cell and id, and then nothing is written: all rows land
    together or none does."""
    from mirps_cli.cli.common import resolve_plans_dir
    from mirps_cli.i18n import printable

    if branch is not None and not commit:
        raise typer.BadParameter("works with --commit alone", param_hint="'--branch'")
    if dry_run and commit:
        raise typer.BadParameter("cannot go with --dry-run", param_hint="'--commit'")
    if not workbook.is_file():
        problem = "is a folder" if workbook.is_dir() else "does not exist"
        raise typer.BadParameter(f"{str(workbook)!r} {problem}", param_hint="'WORKBOOK'")
    folder = resolve_plans_dir(plans)
    shown = printable(workbook.name)
    said = lang.value if lang is not None else "es"
    try:
        _import(folder, workbook, shown, lang, dry_run, commit, branch, country)
    except MirpsError as error:
        from mirps_cli.errors import UpdateRefused
        from mirps_cli.sheet.land import SheetRefused

        if isinstance(error, SheetRefused):
            from mirps_cli.output.sheet_problems import render as render_problems

            said = lang.value if lang is not None else error.lang
            typer.echo(render_problems(error.problems, said), err=True, nl=False)
        elif isinstance(error, UpdateRefused) and error.problems:
            from mirps_cli.output import problems as findings

            listing = findings.render(error.problems, said, error.checked)
            typer.echo(listing, err=True, nl=False)
        raise fail(error.message.in_lang(said), error.exit_code) from None


def _planned(
    folder: Path,
    workbook: Path,
    shown: str,
    lang: Lang | None,
    today: dt.date,
    country: str | None,
) -> "ImportPlan":
    """The import's plan, from the plans and the workbook; the plans' trees are let go on
    return, before the diff is made or the file written (at 10,000 commitments they are
    most of the memory)."""
    from mirps_cli.cli.loading import load_valid_tree, read_once
    from mirps_cli.forked import at_once
    from mirps_cli.sheet.land import plan_import, read_rows

    # The workbook is read by a forked child while the plans load, which sends back its
    # filled rows alone (openpyxl's memory and every cell's go with it); where the system
    # cannot fork, or the workbook is refused, it is read here, where the refusal is said.
    with read_once():
        tree, filled = at_once(
            lambda: load_valid_tree(str(folder), today, lang.value if lang else "es"),
            partial(read_rows, workbook, shown),
        )
        return plan_import(folder, tree, shown, today, filled, country)


def _import(
    folder: Path,
    workbook: Path,
    shown: str,
    lang: Lang | None,
    dry_run: bool,
    commit: bool,
    branch: str | None,
    country: str | None,
) -> None:
    from mirps_cli.cli.loading import locked
    from mirps_cli.members import find_member
    from mirps_cli.output.sheet_landed import render as render_landed
    from mirps_cli.update import apply_edit

    if country is not None:
        member = find_member(country)
        country = member.code if member else country.upper()
    today = dt.date.today()
    repo = None
    if commit:
        from mirps_cli.sheet.commit import check_can_commit

        repo = check_can_commit(folder, branch)
    with locked(folder):
        plan = _planned(folder, workbook, shown, lang, today, country)
        said = lang.value if lang is not None else plan.marks.lang
        if dry_run:
            if plan.edit is not None:
                typer.echo(plan.edit.diff(), nl=False)
            typer.echo(render_landed(plan, shown, said, True), nl=False)
            return
        if plan.edit is None:
            typer.echo(render_landed(plan, shown, said, False), nl=False)
            return
        if repo is not None:
            from mirps_cli.sheet.commit import land_committed

            done = land_committed(repo, plan, shown, branch)
            typer.echo(render_landed(plan, shown, said, False), nl=False)
            typer.echo(
                Message(
                    f"committed as {done.commit}"
                    + (f" on the new branch {done.branch}" if done.branch else ""),
                    f"confirmado como {done.commit}"
                    + (f" en la rama nueva {done.branch}" if done.branch else ""),
                ).in_lang(said)
            )
            return
        apply_edit(plan.edit)
    typer.echo(render_landed(plan, shown, said, False), nl=False)
