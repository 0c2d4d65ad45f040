"""`mirps sheet import`: a filled workbook's rows as entries in its country's plan.

Every row is checked before anything is written, and every problem is reported at once;
then all the entries are written into the plan file in one edit, as `mirps update` writes
one (update/`prepare_additions`: validated, checked to add exactly them, atomic), or none is.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mirps_cli.dates import PartialDate
from mirps_cli.errors import MirpsError
from mirps_cli.i18n import Message
from mirps_cli.members import MEMBERS
from mirps_cli.model import NationalPlan, Tracked
from mirps_cli.model.common import Form, Url
from mirps_cli.model.measures import Indicator
from mirps_cli.sheet import cells
from mirps_cli.sheet.cells import CellRefused
from mirps_cli.sheet.export import indicator_id
from mirps_cli.sheet.layout import INDICATORS
from mirps_cli.sheet.marks import Marks, fingerprint
from mirps_cli.sheet.read import Filled, FilledRow, SheetProblem, read_filled
from mirps_cli.tree import PlanFile, Tree
from mirps_cli.update import Additions, prepare_additions
from mirps_cli.update.text import Addition
from mirps_cli.vocab import Status, status_label

if TYPE_CHECKING:
    from mirps_cli.xlsx import ReadBook

# A national workbook is tens of kilobytes; these bounds leave room for thousands of rows.
MAX_BOOK_SIZE = 20 * 1024 * 1024
MAX_UNPACKED = 200 * 1024 * 1024

_URL: Form = Url.__metadata__[0]  # type: ignore[attr-defined]
_SOURCE_SPLIT = re.compile(r"[\s;]+")


class SheetRefused(MirpsError):
    """A workbook whose rows have problems (exit 1): they travel with it, as values."""

    def __init__(self, problems: list[SheetProblem], lang: str) -> None:
        count = len(problems)
        super().__init__(
            f"the workbook has {count} problem{'s' if count != 1 else ''}; nothing was written",
            f"el libro tiene {count} problema{'s' if count != 1 else ''}; no se escribió nada",
        )
        self.problems = problems
        self.lang = lang  # the workbook's: the language its team reads


@dataclass(frozen=True)
class Landed:
    """One entry a row adds, as the import reports it."""

    ident: str
    sheet: str
    row: int
    what: Message  # "fulfilled on 2023-04-02", "value 32000 on 2023-04"


@dataclass
class ImportPlan:
    country: str
    marks: Marks
    plan_file: PlanFile
    landed: list[Landed] = field(default_factory=list)
    already: list[Landed] = field(default_factory=list)  # rows whose entry is in the plan
    edit: Additions | None = None  # None when nothing is new


@dataclass(frozen=True)
class _Target:
    loc: tuple[str | int, ...]
    item: Tracked | Indicator
    key: str  # the list the entry goes into


def read_workbook(book_path: Path, shown: str) -> ReadBook:
    """Every cell of a national workbook, within the limits; BookRefused otherwise."""
    from mirps_cli.xlsx import read_book  # openpyxl: only for a workbook

    return read_book(book_path, shown, MAX_BOOK_SIZE, MAX_UNPACKED)


def read_rows(book_path: Path, shown: str) -> Filled:
    """The rows of a national workbook that have news, and its marks; BookRefused when it
    is not one. Every cell is read, and let go here: at 10,000 commitments a workbook's
    cells are 27 MB, its filled rows a few."""
    return read_filled(read_workbook(book_path, shown), shown)


def plan_import(
    root: Path,
    tree: Tree,
    shown: str,
    today: dt.date,
    filled: Filled,
    country: str | None = None,
) -> ImportPlan:
    """Every row of the workbook checked, and the one edit that adds them; SheetRefused
    with every problem when any row has one. `tree` is the plans, valid; `filled`, the
    workbook's rows (`read_rows`)."""
    from mirps_cli.xlsx import BookRefused

    marks = filled.marks
    member = MEMBERS.get(marks.country)
    name = member.name if member else Message.same(marks.country)
    if country is not None and country != marks.country:
        wanted = MEMBERS[country].name if country in MEMBERS else Message.same(country)
        raise BookRefused(
            f"{shown} is {name.en}'s workbook, not {wanted.en}'s; import it without "
            f"--country, or send {wanted.en} its own",
            f"{shown} es el libro de {name.es}, no el de {wanted.es}; impórtelo sin "
            f"--country, o envíe a {wanted.es} el suyo",
        )
    plan_file = next(
        (
            f
            for f, p in tree.national_plans()
            if isinstance(p, NationalPlan) and p.country == marks.country
        ),
        None,
    )
    if plan_file is None or not isinstance(plan_file.model, NationalPlan):
        raise BookRefused(
            f"{shown} is {name.en}'s workbook, and the plans hold no national plan of "
            f"{name.en}; import it where its plan is",
            f"{shown} es el libro de {name.es}, y los planes no tienen plan nacional de "
            f"{name.es}; impórtelo donde esté su plan",
        )
    plan = plan_file.model
    result = ImportPlan(marks.country, marks, plan_file)
    targets = _targets(plan)
    problems = list(filled.problems)
    additions: list[tuple[FilledRow, _Target, dict[str, Any]]] = []
    for row in filled.rows:
        target = targets.get(row.ident)
        if target is None:
            problems.append(_unknown(shown, row, marks.country, name))
            continue
        try:
            entry = _entry(row, target, marks.lang, filled.epoch_1904, today)
        except _RowRefused as refused:
            problems += [
                SheetProblem(shown, row.sheet, ref, row.ident, r.code, r.message)
                for ref, r in refused.problems
            ]
            continue
        additions.append((row, target, entry))
    # Rows of one item land in date order, the order the history keeps.
    additions.sort(key=lambda a: (a[0].ident, _when(a[2]).earliest()))
    pending: dict[str, list[dict[str, Any]]] = {}
    accepted: list[tuple[FilledRow, _Target, dict[str, Any]]] = []
    for row, target, entry in additions:
        seen = pending.setdefault(row.ident, [])
        landed = Landed(row.ident, row.sheet, row.number, _described(entry))
        if _already(target, entry) or entry in seen:
            result.already.append(landed)
            continue
        problem = _check_against(shown, row, target, entry, marks, seen)
        if problem is not None:
            problems.append(problem)
            continue
        seen.append(entry)
        accepted.append((row, target, entry))
        result.landed.append(landed)
    if problems:
        raise SheetRefused(sorted(problems, key=_problem_order), marks.lang)
    if accepted:
        result.edit = prepare_additions(
            root,
            plan_file,
            [Addition(t.loc, t.key, tuple(e.items())) for _, t, e in accepted],
            today,
        )
    return result


def _problem_order(p: SheetProblem) -> tuple[str, int, str]:
    digits = "".join(c for c in p.cell if c.isdigit())
    return (p.sheet, int(digits) if digits else 0, p.cell)


def _targets(plan: NationalPlan) -> dict[str, _Target]:
    """What each row id names: a commitment, a milestone, an indicator."""
    found: dict[str, _Target] = {}
    for n, commitment in enumerate(plan.commitments):
        found[commitment.id.upper()] = _Target(("commitments", n), commitment, "status_history")
        for m, milestone in enumerate(commitment.milestones):
            loc = ("commitments", n, "milestones", m)
            found[milestone.id.upper()] = _Target(loc, milestone, "status_history")
        for i, indicator in enumerate(commitment.indicators):
            loc = ("commitments", n, "indicators", i)
            found[indicator_id(commitment, i + 1).upper()] = _Target(loc, indicator, "values")
    return found


class _RowRefused(Exception):
    def __init__(self, problems: list[tuple[str, CellRefused]]) -> None:
        super().__init__(problems[0][1].message.en)
        self.problems = problems


def _entry(
    row: FilledRow, target: _Target, lang: str, epoch_1904: bool, today: dt.date
) -> dict[str, Any]:
    """The row's entry, its fields in the order the plan writes them; every bad cell of
    the row refused at once."""
    problems: list[tuple[str, CellRefused]] = []

    def read(key: str, parse: Any) -> Any:
        cell = row.cells.get(key)
        if cell is None:
            return None
        if cell.formula and cell.value is None:
            problems.append(
                (
                    cell.ref,
                    CellRefused(
                        "S306",
                        Message(
                            "holds a formula with no value saved; type the value, or open "
                            "and save the workbook in Excel or LibreOffice",
                            "tiene una fórmula sin valor guardado; escriba el valor, o abra "
                            "y guarde el libro en Excel o LibreOffice",
                        ),
                    ),
                )
            )
            return None
        written = cells.text(cell.value)
        if written is None:
            return None
        try:
            return parse(cell.value if key in ("date", "new_value") else written)
        except CellRefused as refused:
            problems.append((cell.ref, refused))
            return None

    date = read("date", lambda v: cells.date(v, lang, epoch_1904, today))
    note = read("note", lambda v: v)
    sources = read("source", lambda v: _sources(v)) or ()
    is_value = row.kind is INDICATORS
    if is_value:
        value = read("new_value", lambda v: cells.number_or_text(v, lang))
        required = ("new_value", value, Message("New value", "Nuevo valor"))
    else:
        status = read("new_status", lambda v: cells.status(v, lang))
        reporter = read("reporter", lambda v: cells.reporter(v, lang))
        required = ("new_status", status, Message("New status", "Nuevo estado"))
    for key, found, column in (required, ("date", date, Message("Date", "Fecha"))):
        if found is None and not any(ref == _ref(row, key) for ref, _ in problems):
            problems.append(
                (
                    _ref(row, key),
                    CellRefused(
                        "S204",
                        Message(
                            f"the row has news but no {column.en}; fill it in",
                            f"la fila tiene novedades pero falta {column.es}; llénelo",
                        ),
                    ),
                )
            )
    if problems:
        raise _RowRefused(problems)
    if is_value:
        return {"value": value, "date": date, "note": note, "sources": sources}
    return {
        "date": date,
        "recorded": PartialDate(today.year, today.month, today.day),
        "reporter": reporter,
        "status": status,
        "note": note,
        "sources": sources,
    }


def _ref(row: FilledRow, key: str) -> str:
    """The cell of `key` in the row: where the team would type what is missing."""
    cell = row.cells.get(key)
    if cell is not None:
        return cell.ref
    first = next(iter(row.cells.values()))
    letter = "".join(c for c in first.ref if c.isalpha())
    return f"{letter}{row.number}"


def _sources(written: str) -> tuple[str, ...]:
    found = tuple(s for s in _SOURCE_SPLIT.split(written) if s)
    for source in found:
        if len(source) > _URL.max_length or not re.fullmatch(_URL.pattern, source):
            raise CellRefused(
                "S307",
                Message(_URL.en.format(value=source), _URL.es.format(value=source)),
            )
    return found


def _when(entry: dict[str, Any]) -> PartialDate:
    date = entry["date"]
    assert isinstance(date, PartialDate)
    return date


def _described(entry: dict[str, Any]) -> Message:
    if "value" in entry:
        return Message(
            f"value {entry['value']} on {entry['date']}",
            f"valor {entry['value']} el {entry['date']}",
        )
    status = entry["status"]
    return Message(
        f"{status.value} on {entry['date']}", f"{status_label(status, 'es')} el {entry['date']}"
    )


def _same(entry: dict[str, Any], existing: dict[str, Any]) -> bool:
    """Whether an existing entry says what the row says (when it was recorded aside)."""
    keys = [k for k in entry if k != "recorded"]
    return all(_plain(entry[k]) == _plain(existing.get(k)) for k in keys)


def _plain(value: object) -> object:
    if value == () or value == []:
        return None
    if isinstance(value, tuple | list):
        return [str(v) for v in value]
    return None if value is None else str(value)


def _already(target: _Target, entry: dict[str, Any]) -> bool:
    item = target.item
    existing = item.values if isinstance(item, Indicator) else item.status_history
    return any(_same(entry, dict(e)) for e in existing)


def _check_against(
    shown: str,
    row: FilledRow,
    target: _Target,
    entry: dict[str, Any],
    marks: Marks,
    seen: list[dict[str, Any]],
) -> SheetProblem | None:
    """Refuse a row the plan has moved past since the export, or one out of order."""
    item = target.item
    id_cell = _ref(row, "id")
    exported = marks.fingerprint(row.ident)
    if exported is not None and exported != fingerprint(item) and not seen:
        when = _last_recorded(item)
        return SheetProblem(
            shown,
            row.sheet,
            id_cell,
            row.ident,
            "S401",
            Message(
                f"{row.ident} was updated{f' on {when}' if when else ''}, after this sheet "
                f"was made ({marks.exported}); export a new sheet and copy the row into it",
                f"{row.ident} se actualizó{f' el {when}' if when else ''}, después de hacer "
                f"esta hoja ({marks.exported}); exporte una hoja nueva y copie la fila en ella",
            ),
        )
    if isinstance(item, Indicator):
        return None
    last = item.last_dated
    date = _when(entry)
    if last is not None and date.latest() < last.earliest():
        return SheetProblem(
            shown,
            row.sheet,
            _ref(row, "date"),
            row.ident,
            "S402",
            Message(
                f"{date} is before {row.ident}'s latest status entry ({last}); entries are "
                "kept oldest first",
                f"{date} es anterior a la última entrada de estado de {row.ident} ({last}); "
                "las entradas van de la más antigua a la más reciente",
            ),
        )
    current = seen[-1]["status"] if seen else item.status if item.status_history else None
    if current == entry["status"] and not entry["note"] and not entry["sources"]:
        status = entry["status"]
        assert isinstance(status, Status)
        return SheetProblem(
            shown,
            row.sheet,
            _ref(row, "new_status"),
            row.ident,
            "S403",
            Message(
                f"{row.ident} is already {status_label(status, 'en')}; a row that repeats "
                "its status needs a note or a source saying what is new",
                f"{row.ident} ya está {status_label(status, 'es')}; una fila que repite su "
                "estado necesita una nota o una fuente que diga qué hay de nuevo",
            ),
        )
    return None


def _last_recorded(item: Tracked | Indicator) -> str | None:
    """When the item's newest entry came in: the day it was recorded, else its date."""
    if isinstance(item, Indicator):
        last = item.values[-1] if item.values else None
        return str(last.date) if last is not None and last.date else None
    entry = item.current
    if entry is None:
        return None
    when = entry.recorded or entry.when
    return str(when) if when else None


def _unknown(shown: str, row: FilledRow, country: str, name: Message) -> SheetProblem:
    code = row.ident.split("-", 1)[0]
    id_cell = _ref(row, "id")
    if code in MEMBERS and code != country:
        other = MEMBERS[code].name
        message = Message(
            f"{row.ident} is a commitment of {other.en}, not of {name.en}: this workbook is "
            f"{name.en}'s; report it in {other.en}'s",
            f"{row.ident} es un compromiso de {other.es}, no de {name.es}: este libro es el de "
            f"{name.es}; infórmelo en el de {other.es}",
        )
    else:
        noun = row.kind.name
        message = Message(
            f"there is no {row.ident} in {name.en}'s plan; use an id of the "
            f"“{noun.en}” sheet as mirps wrote it",
            f"no hay {row.ident} en el plan de {name.es}; use un id de la hoja "
            f"“{noun.es}” como lo escribió mirps",
        )
    return SheetProblem(shown, row.sheet, id_cell, row.ident, "S205", message)
