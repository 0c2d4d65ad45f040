"""`mirps update`: append a dated status entry to a tracked item, changing nothing else.

The entry is written as new lines inserted into the file's text, at the place
the parser says the commitment's history ends, so every other byte (comments,
key order, quoting, blank lines, line endings) stays as it was. The result is
validated, and checked to differ from the old plan by exactly that entry,
before anything is written; the write itself is atomic.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mirps_cli.atomic import unwritable, write_atomic
from mirps_cli.dates import PartialDate
from mirps_cli.errors import MirpsError, UpdateRefused
from mirps_cli.i18n import Message
from mirps_cli.loader.locate import Loc
from mirps_cli.loader.sources import Folder, WithText, leaves_folder
from mirps_cli.model.walk import rebuilt
from mirps_cli.problems import Invalid
from mirps_cli.tree import PlanFile
from mirps_cli.update.text import Addition, editor_lines, splice, splice_many
from mirps_cli.validate import Validation, validate_tree
from mirps_cli.vocab import (
    Reporter,
    parse_reporter,
    parse_status_of,
    status_choices,
    status_label,
)

_BOM = "\ufeff"


@dataclass(frozen=True)
class StatusUpdate:
    item: str  # the id of a commitment, or of any tracked item
    status: str
    date: str | None  # when it happened; None: today
    note: str | None = None
    sources: tuple[str, ...] = ()
    reported: str | None = None  # when a source reported it
    reporter: str | None = None  # a Reporter value or its English or Spanish name


@dataclass(frozen=True)
class FileEdit:
    """A plan file's text before and after: what `apply_edit` writes."""

    path: Path
    display: str
    old: bytes
    new: bytes

    def diff(self) -> str:
        old = self.old.decode("utf-8-sig").splitlines(keepends=True)
        new = self.new.decode("utf-8-sig").splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, self.display, self.display)
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class Edit(FileEdit):
    """One status entry added by `mirps update`."""

    item: str  # its id
    status: StrEnum  # a commitment's Status, an event's EventStatus
    date: PartialDate
    added: tuple[int, int]  # first and last added line, 1-based


@dataclass(frozen=True)
class Additions(FileEdit):
    """Entries added to one plan file at once (`mirps sheet import`)."""

    spans: tuple[tuple[int, int], ...]  # the lines each list's new entries took, 1-based

    def diff(self) -> str:
        """The unified diff, from the known places of the added lines (update/unified.py):
        difflib's matching takes minutes at thousands of entries."""
        from mirps_cli.update.unified import unified

        old = self.old.decode("utf-8-sig").splitlines(keepends=True)
        text = self.new.decode("utf-8-sig")
        new = text.splitlines(keepends=True)
        if len(new) != len(editor_lines(text)):  # the spans count an editor's lines
            return super().diff()  # breaks the spans do not count: difflib finds them
        added = {n - 1 for first, last in self.spans for n in range(first, last + 1)}
        lines = unified(old, new, added, self.display)
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _with_entries(
    plan: BaseModel, additions: list[tuple[Loc, str, dict[str, object]]]
) -> BaseModel:
    """What the plan must be after the update: the old one plus exactly these entries."""
    return rebuilt(
        plan, [((*loc, key), partial(_appended, entry)) for loc, key, entry in additions]
    )


def _appended(entry: dict[str, object], entries: list[object] | None) -> list[object]:
    return [*(entries or []), entry]


def _findings(intro: Message, validation: Validation) -> UpdateRefused:
    """A refusal that carries the validate findings, for the CLI to list."""
    return UpdateRefused(intro.en, intro.es, validation.errors, len(validation.tree.files))


def prepare_update(root: Path, update: StatusUpdate, today: dt.date) -> Edit:
    """Work out the edit, validated, without writing anything."""
    try:
        date = PartialDate.parse(update.date or today.isoformat())
        reported = PartialDate.parse(update.reported) if update.reported else None
    except Invalid as error:
        raise UpdateRefused(error.message.en, error.message.es) from None
    reporter = None
    if update.reporter is not None:
        reporter = parse_reporter(update.reporter)
        if reporter is None:
            choices = ", ".join(r.value for r in Reporter)
            raise UpdateRefused(
                f"unknown reporter '{update.reporter}': use one of {choices}",
                f"informante desconocido '{update.reporter}': use uno de {choices}",
            )

    before = validate_tree(Folder(root), today, errors_only=True, positions=False)
    if before.errors:
        raise _findings(
            Message(
                "the plans have errors; fix them first",
                "los planes tienen errores; corríjalos primero",
            ),
            before,
        )
    try:
        found = before.tree.find_tracked(update.item)
        plan_file, loc, item = found
    except MirpsError as error:
        raise UpdateRefused(error.message.en, error.message.es) from None
    outside = leaves_folder(plan_file.path, root)
    if outside is not None:
        raise _linked_out(plan_file.display, outside)
    status = parse_status_of(type(item).STATUSES, update.status)
    if status is None:
        statuses = status_choices(type(item).STATUSES)
        raise UpdateRefused(
            f"unknown status '{update.status}': use one of {statuses.en}",
            f"estado desconocido '{update.status}': use uno de {statuses.es}",
        )

    current = item.current
    if current is not None and current.status == status and not update.note and not update.sources:
        raise UpdateRefused(
            f"{found.ident} is already {status.value}: an entry that repeats its status needs "
            "a --note or a --source saying what is new",
            f"{found.ident} ya está {status_label(status, 'es')}: una entrada que repite su "
            "estado necesita "
            "una --note o una --source que diga qué hay de nuevo",
        )
    last = item.last_dated
    if last is not None and date.latest() < last.earliest():
        raise UpdateRefused(
            f"{found.ident}: date {date} is before its latest status entry ({last}); "
            "entries are kept oldest first",
            f"{found.ident}: la fecha {date} es anterior a su última entrada de estado "
            f"({last}); las entradas van de la más antigua a la más reciente",
        )

    old = plan_file.path.read_bytes()
    text = old.decode("utf-8-sig")
    bom = _BOM.encode() if old.startswith(_BOM.encode()) else b""
    entry: dict[str, Any] = {
        "date": date,
        "reported": reported,
        # The day the entry enters the plans: what an entry no source dates counts from.
        "recorded": PartialDate.parse(today.isoformat()),
        "reporter": reporter,
        "status": status,
    }
    spliced, first, last_line = splice(text, loc, {**entry, "update": update})
    new = bom + spliced.encode("utf-8")

    after = validate_tree(
        WithText(Folder(root), {plan_file.path: spliced}), today, errors_only=True, positions=False
    )
    if after.errors:
        raise _findings(
            Message(
                "the update would make the plan invalid",
                "la actualización dejaría el plan inválido",
            ),
            after,
        )
    entry |= {"note": update.note, "sources": list(update.sources)}
    _check_only_the_entry(after.tree.files, plan_file, loc, entry)
    return Edit(
        plan_file.path, plan_file.display, old, new, found.ident, status, date, (first, last_line)
    )


def _check_only_the_entry(
    after: list[PlanFile], plan_file: PlanFile, loc: Loc, entry: dict[str, object]
) -> None:
    """Refuse unless the new plan equals the old one plus exactly `entry`: a safety net."""
    new_plan = next(f.model for f in after if f.path == plan_file.path)
    assert plan_file.model is not None
    if new_plan != _with_entries(plan_file.model, [(loc, "status_history", entry)]):
        raise UpdateRefused(
            "mirps could not add the entry without changing something else in the plan, "
            "so the file was left as it was; write the new entry by hand",
            "mirps no pudo agregar la entrada sin cambiar otra cosa del plan, así que el "
            "archivo quedó como estaba; escriba la nueva entrada a mano",
        )


def prepare_additions(
    root: Path, plan_file: PlanFile, additions: list[Addition], today: dt.date
) -> Additions:
    """Every addition written into one plan file of a valid tree, validated as a
    whole and checked to add exactly those entries, without writing anything. The caller
    has checked each entry (its item, status, date); this is the safety net."""
    outside = leaves_folder(plan_file.path, root)
    if outside is not None:
        raise _linked_out(plan_file.display, outside)
    old = plan_file.path.read_bytes()
    bom = _BOM.encode() if old.startswith(_BOM.encode()) else b""
    spliced, spans = splice_many(old.decode("utf-8-sig"), additions)
    after = validate_tree(
        WithText(Folder(root), {plan_file.path: spliced}), today, errors_only=True, positions=False
    )
    if after.errors:
        raise _findings(
            Message(
                "the entries would make the plan invalid",
                "las entradas dejarían el plan inválido",
            ),
            after,
        )
    new_plan = next(f.model for f in after.tree.files if f.path == plan_file.path)
    assert plan_file.model is not None
    expected = [
        (a.loc, a.key, {k: list(v) if isinstance(v, tuple) else v for k, v in a.fields})
        for a in additions
    ]
    if new_plan != _with_entries(plan_file.model, expected):
        raise UpdateRefused(
            "mirps could not add the entries without changing something else in the plan, "
            "so the file was left as it was; add them with mirps update, one by one",
            "mirps no pudo agregar las entradas sin cambiar otra cosa del plan, así que el "
            "archivo quedó como estaba; agréguelas con mirps update, una a una",
        )
    return Additions(
        plan_file.path, plan_file.display, old, bom + spliced.encode("utf-8"), tuple(spans)
    )


def _linked_out(display: str, outside: str) -> UpdateRefused:
    return UpdateRefused(
        f"{display} is a link to {outside}, outside the plans folder: mirps does "
        "not write through it; update the file there, or copy it into the plans folder",
        f"{display} es un enlace a {outside}, fuera de la carpeta de planes: "
        "mirps no escribe a través de él; actualice el archivo allí, o cópielo a la carpeta",
    )


UPDATING = Message("updating", "actualizaba")


def apply_edit(edit: FileEdit, doing: Message = UPDATING) -> None:
    """Write the edit, unless the file changed since it was read (`doing`: what mirps was
    doing to it meanwhile, for the message)."""
    if edit.path.read_bytes() != edit.old:
        raise UpdateRefused(
            f"{edit.display} changed while mirps was {doing.en} it; run again",
            f"{edit.display} cambió mientras mirps lo {doing.es}; vuelva a ejecutarlo",
        )
    try:
        write_atomic(edit.path, edit.new)
    except OSError as error:
        raise unwritable(Path(edit.display), error) from None
