"""`mirps translations`: which plan texts have both languages, and a round trip to translators.

Every field that takes text (a plain string, in the plan's `language`, or {en, es}) is
found by walking the models (tree/localize.py says which fields take text); each text has a
place named by ids (`HN-03 › title`) that is its context in the PO file (translations/po_out.py)
and the key it comes back by (translations/land.py).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from mirps_cli.i18n import other_lang
from mirps_cli.loader.locate import ITEM_LABELS
from mirps_cli.model.common import LocalizedText
from mirps_cli.tree import PlanFile, Tree
from mirps_cli.tree.localize import text_fields

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class TextAt:
    file: PlanFile
    loc: Loc  # the text's place in the file's data
    place: str  # the same, by ids: "HN-03 › title"
    en: str | None
    es: str | None
    plain: bool  # written as a plain string, in the plan's language

    def has(self, lang: str) -> bool:
        return self.texts()[lang] is not None

    def source(self, lang: str) -> str:
        """The text a translator into `lang` starts from: the other language's."""
        other = self.texts()[other_lang(lang)]
        assert other is not None
        return other

    def texts(self) -> dict[str, str | None]:
        return {"en": self.en, "es": self.es}


@dataclass(frozen=True)
class FileCount:
    display: str
    both: int
    without_es: int
    without_en: int


def texts(tree: Tree) -> Iterator[TextAt]:
    """Every text of every valid plan, file by file, in the file's order."""
    for plan in tree.files:
        model = plan.model
        if model is None:
            continue
        written = getattr(model, "language", None) or "en"
        yield from _walk(plan, model, (), [], str(written))


def _walk(
    plan: PlanFile, model: BaseModel, loc: Loc, path: list[str], lang: str
) -> Iterator[TextAt]:
    for name, takes_text in text_fields(type(model)):
        value = getattr(model, name)
        if isinstance(value, list):
            for n, item in enumerate(value):
                step = _label(name, n, item)
                yield from _value(plan, item, (*loc, name, n), [*path, step], lang, takes_text)
        else:
            yield from _value(plan, value, (*loc, name), [*path, name], lang, takes_text)


def _value(
    plan: PlanFile, value: object, loc: Loc, path: list[str], lang: str, takes_text: bool
) -> Iterator[TextAt]:
    # The place is joined for a text only: most values walked are models and numbers.
    if takes_text and isinstance(value, str):
        given = {lang: value}
        yield TextAt(plan, loc, " › ".join(path), given.get("en"), given.get("es"), True)
    elif isinstance(value, LocalizedText):
        yield TextAt(plan, loc, " › ".join(path), value.en, value.es, False)
    elif isinstance(value, BaseModel):
        yield from _walk(plan, value, loc, path, lang)


def _label(name: str, n: int, item: object) -> str:
    """A list item in a place: its id where it has one, else its kind and number."""
    ident = getattr(item, "id", None)
    label = ITEM_LABELS.get(name)
    kind = label.en if label else name
    if isinstance(ident, str):
        # An id such as HN-03 says what it is; "1.1" is an activity's or an outcome's.
        return ident if any(c.isalpha() for c in ident) else f"{kind} {ident}"
    return f"{kind} {n + 1}"


def counts(tree: Tree) -> list[FileCount]:
    """Per plan file: texts in both languages, texts without Spanish, without English."""
    found: dict[str, list[int]] = {}
    for text in texts(tree):
        row = found.setdefault(text.file.display, [0, 0, 0])
        if text.en is not None and text.es is not None:
            row[0] += 1
        elif text.es is None:
            row[1] += 1
        else:
            row[2] += 1
    return [FileCount(display, *row) for display, row in found.items()]
