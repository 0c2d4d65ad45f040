"""`mirps translations import`: a translated PO file's entries written into the plans.

Each entry comes back by its context (the file and the place by ids). An entry whose place no
longer exists, whose source text changed since the export, or that its translator marked
fuzzy is not applied, and is named; the others are written into their files as the other
language of their text (translations/text.py), validated together, checked to change those
texts and nothing else, and written all files or none.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from mirps_cli.atomic import write_atomic
from mirps_cli.errors import MirpsError, UpdateRefused
from mirps_cli.forked import mapped
from mirps_cli.i18n import Message, other_lang
from mirps_cli.loader.sources import Folder, WithText
from mirps_cli.po import PoFile
from mirps_cli.translations import TextAt, texts
from mirps_cli.translations.po_out import context
from mirps_cli.translations.text import with_translations
from mirps_cli.tree import Tree
from mirps_cli.update import FileEdit, apply_edit
from mirps_cli.validate import validate_tree


@dataclass(frozen=True)
class Replaced(FileEdit):
    """A file whose texts were rewritten: each region of old lines is now one line."""

    regions: tuple[tuple[int, int], ...]  # 0-based first and last old line of each

    def diff(self) -> str:
        """The unified diff from the known regions (update/unified.py): difflib's matching
        takes minutes on a file with thousands of translations."""
        from mirps_cli.update.unified import unified

        old = self.old.decode("utf-8-sig").splitlines(keepends=True)
        new = self.new.decode("utf-8-sig").splitlines(keepends=True)
        shrink = sum(last - first for first, last in self.regions)
        if len(old) - shrink != len(new):
            return super().diff()  # line breaks the regions do not count: difflib finds them
        opcodes = []
        i = j = 0
        for first, last in self.regions:
            if first > i:
                opcodes.append(("equal", i, first, j, j + first - i))
                j += first - i
            if opcodes and opcodes[-1][0] == "replace" and opcodes[-1][2] == first:
                # Regions that touch are one change, as difflib groups them.
                _, a, _, b, _ = opcodes[-1]
                opcodes[-1] = ("replace", a, last + 1, b, j + 1)
            else:
                opcodes.append(("replace", first, last + 1, j, j + 1))
            i, j = last + 1, j + 1
        if i < len(old):
            opcodes.append(("equal", i, len(old), j, len(new)))
        lines = unified(old, new, set(), self.display, opcodes=opcodes)
        return "".join(line if line.endswith("\n") else line + "\n" for line in lines)


@dataclass(frozen=True)
class Skipped:
    context: str
    why: Message


@dataclass
class TranslationPlan:
    lang: str
    applied: int = 0
    already: int = 0
    untranslated: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    edits: list[FileEdit] = field(default_factory=list)


def places(tree: Tree) -> dict[str, TextAt]:
    """Every text of the tree by the context a PO file names it by."""
    return {context(t, tree.root): t for t in texts(tree)}


def plan_translations(
    root: Path, by_context: dict[str, TextAt], po: PoFile, lang: str, today: dt.date
) -> TranslationPlan:
    """What the PO file changes, checked and validated, without writing anything.
    `by_context`: every text of the plans by its context (`places`)."""
    result = TranslationPlan(lang)
    changes: dict[Path, list[tuple[TextAt, str]]] = defaultdict(list)
    for entry in po.entries:
        if not entry.translation.strip():
            result.untranslated += 1
            continue
        text = by_context.get(entry.context)
        if text is None:
            result.skipped.append(
                Skipped(
                    entry.context,
                    Message(
                        "this place is no longer in the plans: not applied",
                        "este lugar ya no está en los planes: no se aplicó",
                    ),
                )
            )
            continue
        if entry.fuzzy:
            result.skipped.append(
                Skipped(
                    entry.context,
                    Message(
                        "marked fuzzy by its translator: not applied",
                        "marcada como dudosa (fuzzy) por quien la tradujo: no se aplicó",
                    ),
                )
            )
            continue
        source = text.texts()[other_lang(lang).value]
        if source != entry.source:
            result.skipped.append(
                Skipped(
                    entry.context,
                    Message(
                        "its source text changed since the export (fuzzy): not applied; "
                        "export again and translate the new text",
                        "su texto de origen cambió desde la exportación (dudosa): no se "
                        "aplicó; exporte otra vez y traduzca el texto nuevo",
                    ),
                )
            )
            continue
        translation = entry.translation.strip()
        if text.texts()[lang] == translation:
            result.already += 1
            continue
        changes[text.file.path].append((text, translation))
    files = {path: found[0][0].file for path, found in changes.items()}

    def rewritten(path: Path) -> tuple[str, list[tuple[int, int]]]:
        old = path.read_text(encoding="utf-8-sig")
        found = changes[path]
        return with_translations(old, [(t.loc, *_both(t, lang, s)) for t, s in found])

    # The files on two cores: finding where each text is takes a walk of the parser's
    # events over every changed file (1.5 s at 10,000 commitments on one).
    paths = list(changes)
    done = mapped(rewritten, paths, lambda path: len(changes[path]))
    texts_by_file = {path: text for path, (text, _) in zip(paths, done, strict=True)}
    regions = {path: spans for path, (_, spans) in zip(paths, done, strict=True)}
    if not texts_by_file:
        return result
    after = validate_tree(
        WithText(Folder(root), texts_by_file), today, errors_only=True, positions=False
    )
    if after.errors:
        raise UpdateRefused(
            "the translations would make the plans invalid",
            "las traducciones dejarían los planes inválidos",
            after.errors,
            len(after.tree.files),
        )
    new_models = {f.path: f.model for f in after.tree.files}

    def as_expected(path: Path) -> bool:
        model = files[path].model
        assert model is not None
        found = changes[path]
        return new_models.get(path) == _with_texts(
            model, [(t.loc, *_both(t, lang, s)) for t, s in found]
        )

    same = dict(zip(paths, mapped(as_expected, paths, lambda p: len(changes[p])), strict=True))
    for path, found in changes.items():
        plan_file = files[path]
        if not same[path]:
            raise UpdateRefused(
                f"mirps could not write the translations into {plan_file.display} without "
                "changing something else, so no file was changed; write them by hand",
                f"mirps no pudo escribir las traducciones en {plan_file.display} sin cambiar "
                "otra cosa, así que no se cambió ningún archivo; escríbalas a mano",
            )
        old_bytes = path.read_bytes()
        bom = b"\xef\xbb\xbf" if old_bytes.startswith(b"\xef\xbb\xbf") else b""
        result.edits.append(
            Replaced(
                path,
                plan_file.display,
                old_bytes,
                bom + texts_by_file[path].encode(),
                tuple(regions[path]),
            )
        )
        result.applied += len(found)
    return result


def _both(text: TextAt, lang: str, translation: str) -> tuple[str | None, str | None]:
    given = {**text.texts(), lang: translation}
    return given["en"], given["es"]


def _with_texts(plan: BaseModel, changes: list[tuple[Any, str | None, str | None]]) -> BaseModel:
    """The plan with each text at its loc written {en, es}: what the file must now hold."""
    data = plan.model_dump()
    for loc, en, es in changes:
        item: Any = data
        for step in loc[:-1]:
            item = item[step]
        item[loc[-1]] = {"en": en, "es": es}
    return type(plan).model_validate(data)


def apply_all(edits: list[FileEdit]) -> None:
    """Write every file, or none: a file that cannot be written puts back those before it."""
    done: list[FileEdit] = []
    for edit in edits:
        try:
            apply_edit(edit, Message("translating", "traducía"))
        except MirpsError:
            _undo(done)
            raise
        done.append(edit)


def _undo(done: list[FileEdit]) -> None:
    for edit in reversed(done):
        write_atomic(edit.path, edit.old)
