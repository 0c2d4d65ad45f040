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
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from mirps_cli.atomic import write_atomic
from mirps_cli.dates import PartialDate
from mirps_cli.errors import MirpsError, UpdateRefused
from mirps_cli.i18n import Message
from mirps_cli.loader.locate import Loc
from mirps_cli.loader.sources import Folder, WithText
from mirps_cli.problems import Invalid
from mirps_cli.tree import PlanFile
from mirps_cli.validate import Validation, validate_tree
from mirps_cli.vocab import Reporter, parse_reporter, parse_status_of
from mirps_cli.yaml import compose, is_c_parser_active, scalar

# Lines as the parser counts them, so a node's mark names the right one: libyaml (the C
# parser) also breaks lines at NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, as YAML 1.1
# did; the pure-Python parser follows YAML 1.2, where they are ordinary characters.
_LINES_12 = re.compile(r".*?(?:\r\n|\r|\n)|.+\Z", re.DOTALL)
_LINES_11 = re.compile(r".*?(?:\r\n|\r|\n|\x85|\u2028|\u2029)|.+\Z", re.DOTALL)
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
class Edit:
    path: Path
    display: str
    item: str  # its id
    status: StrEnum  # a commitment's Status, an event's EventStatus
    date: PartialDate
    old: bytes
    new: bytes
    added: tuple[int, int]  # first and last added line, 1-based

    def diff(self) -> str:
        old = self.old.decode("utf-8-sig").splitlines(keepends=True)
        new = self.new.decode("utf-8-sig").splitlines(keepends=True)
        lines = difflib.unified_diff(old, new, self.display, self.display)
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


def _entry_lines(entry: dict[str, Any], dash: int, keys: int) -> list[str]:
    """The entry as lines, the dash at column `dash`, its keys at column `keys`."""
    first = " " * dash + "-" + " " * (keys - dash - 1)
    body = " " * keys
    lines = [f"{first}date: {entry['date']}"]
    if entry["reported"] is not None:
        lines.append(f"{body}reported: {entry['reported']}")
    if entry["reporter"] is not None:
        lines.append(f"{body}reporter: {entry['reporter'].value}")
    lines.append(f"{body}status: {entry['status'].value}")
    update = entry["update"]
    if update.note:
        lines.append(f"{body}note: {scalar(update.note)}")
    if update.sources:
        lines.append(f"{body}sources:")
        lines += [f"{body}  - {scalar(source)}" for source in update.sources]
    return lines


def _last_end(node: Node) -> tuple[int, int]:
    """(line, column) where the text of `node` ends, 0-based.

    A block collection's own end mark lies at the next token, past comments and
    blank lines, so its last child is followed instead; a flow collection ends
    at its closing bracket, which may stand on a line of its own.
    """
    while True:
        if isinstance(node, (MappingNode, SequenceNode)) and node.flow_style:
            return node.end_mark.line, node.end_mark.column
        if isinstance(node, MappingNode) and node.value:
            node = node.value[-1][1]
        elif isinstance(node, SequenceNode) and node.value:
            node = node.value[-1]
        else:
            return node.end_mark.line, node.end_mark.column


def _after(end: tuple[int, int]) -> int:
    """The index of the line on which text following `end` starts."""
    line, column = end
    return line + 1 if column > 0 else line


def _find_item(root: Node, loc: Loc) -> MappingNode:
    """The node of the tracked item at `loc` (("commitments", 3)) in a validated plan."""
    node = root
    for step in loc:
        if isinstance(step, int):
            assert isinstance(node, SequenceNode)
            node = node.value[step]
        else:
            assert isinstance(node, MappingNode)
            node = next(v for k, v in node.value if isinstance(k, ScalarNode) and k.value == step)
    assert isinstance(node, MappingNode)
    return node


def _borrowed(node: Node, within: Node) -> bool:
    """Whether `node` is an alias: the parser gives the anchored node, written elsewhere."""
    return (
        node.start_mark.index < within.start_mark.index
        or node.end_mark.index > within.end_mark.index
        or (isinstance(within, SequenceNode) and any(node is n for n in within.value[:-1]))
    )


def _splice(text: str, loc: Loc, entry: dict[str, Any]) -> tuple[str, int, int]:
    """The text with the entry inserted, and the first and last inserted line (1-based)."""
    lines = (_LINES_11 if is_c_parser_active() else _LINES_12).findall(text)
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text and "\n" not in text else "\n"
    root = compose(text)
    assert root is not None
    item = _find_item(root, loc)
    history = next(
        (
            value
            for key, value in item.value
            if isinstance(key, ScalarNode) and key.value == "status_history"
        ),
        None,
    )
    last_of = history.value[-1] if isinstance(history, SequenceNode) and history.value else None
    if history is not None and (
        _borrowed(history, item) or (last_of is not None and _borrowed(last_of, history))
    ):
        raise UpdateRefused(
            "the status history, or its last entry, is an alias (*name) of text written "
            "elsewhere in the file; write it out in full to update it with mirps",
            "el historial de estado, o su última entrada, es un alias (*nombre) de texto "
            "escrito en otra parte del archivo; escríbalo completo para actualizarlo con mirps",
        )
    if isinstance(history, SequenceNode) and history.value and not history.flow_style:
        last = history.value[-1]
        dash_line = lines[last.start_mark.line]
        dash = dash_line.rfind("-", 0, last.start_mark.column)
        new = _entry_lines(entry, dash, last.start_mark.column)
        at = _after(_last_end(history))
    elif history is None or (isinstance(history, SequenceNode) and not history.value):
        keys = item.value[0][0].start_mark.column
        written = _entry_lines(entry, keys + 2, keys + 4)
        if history is None:
            new = [" " * keys + "status_history:", *written]
            at = _after(_last_end(item))
        else:
            # "status_history: []" becomes a block list: the one changed line.
            row = history.start_mark.line
            start, end = history.start_mark.column, history.end_mark.column
            lines[row] = (lines[row][:start].rstrip() + lines[row][end:]).rstrip(" ")
            if not lines[row].endswith(("\n", "\r")):
                lines[row] += newline
            new, at = written, row + 1
    else:
        raise UpdateRefused(
            "status_history is written as a flow list [ ... ]; write it as a block list "
            "(one '- ' item per entry) to update it with mirps",
            "status_history está escrito como lista en línea [ ... ]; escríbalo como lista "
            "en bloque (un elemento '- ' por entrada) para actualizarlo con mirps",
        )
    if at > 0 and at == len(lines) and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += newline
    block = [line + newline for line in new]
    lines[at:at] = block
    # Told in the lines an editor shows, which end at line feeds and carriage returns only.
    first = len(_LINES_12.findall("".join(lines[:at]))) + 1
    return "".join(lines), first, first + len(block) - 1


def _with_entry(plan: BaseModel, loc: Loc, entry: dict[str, object]) -> BaseModel:
    """What the plan must be after the update: the old one plus exactly this entry."""
    data = plan.model_dump()
    item: Any = data
    for step in loc:
        item = item[step]
    item["status_history"] = [*item["status_history"], entry]
    return type(plan).model_validate(data)


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

    before = validate_tree(Folder(root), today)
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
    status = parse_status_of(type(item).STATUSES, update.status)
    if status is None:
        choices = ", ".join(s.value for s in type(item).STATUSES)
        raise UpdateRefused(
            f"unknown status '{update.status}': use one of {choices}",
            f"estado desconocido '{update.status}': use uno de {choices}",
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
        "reporter": reporter,
        "status": status,
    }
    spliced, first, last_line = _splice(text, loc, {**entry, "update": update})
    new = bom + spliced.encode("utf-8")

    after = validate_tree(WithText(Folder(root), {plan_file.path: spliced}), today)
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
        plan_file.path, plan_file.display, found.ident, status, date, old, new, (first, last_line)
    )


def _check_only_the_entry(
    after: list[PlanFile], plan_file: PlanFile, loc: Loc, entry: dict[str, object]
) -> None:
    """Refuse unless the new plan equals the old one plus exactly `entry`: a safety net."""
    new_plan = next(f.model for f in after if f.path == plan_file.path)
    assert plan_file.model is not None
    if new_plan != _with_entry(plan_file.model, loc, entry):
        raise UpdateRefused(
            "mirps could not add the entry without changing something else in the plan, "
            "so the file was left as it was; write the new entry by hand",
            "mirps no pudo agregar la entrada sin cambiar otra cosa del plan, así que el "
            "archivo quedó como estaba; escriba la nueva entrada a mano",
        )


def apply_edit(edit: Edit) -> None:
    """Write the edit, unless the file changed since it was read."""
    if edit.path.read_bytes() != edit.old:
        raise UpdateRefused(
            f"{edit.display} changed while mirps was updating it; run again",
            f"{edit.display} cambió mientras mirps lo actualizaba; vuelva a ejecutarlo",
        )
    write_atomic(edit.path, edit.new)
