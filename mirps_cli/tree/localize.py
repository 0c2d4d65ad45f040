"""Plain plan text in the language it is written in, so that a view in the other language
marks it ([en]) instead of passing it off as a translation.

A plan says the language of its plain text (`language`); each plain string of a text
field then becomes {that language: the string} for the views. Text written {en, es}
is left as it is. Here: which fields take text, and the mark; the walk that marks a plan
is view.py's, which brings it to a day at the same time.
"""

from __future__ import annotations

import typing
from functools import cache
from typing import Any

from pydantic import BaseModel

from mirps_cli.model.common import LocalizedText
from mirps_cli.model.walk import leads_to


def _takes_text(annotation: Any) -> bool:
    """Whether a field's type admits LocalizedText (through Annotated, unions, lists)."""
    if annotation is LocalizedText:
        return True
    return any(_takes_text(arg) for arg in typing.get_args(annotation))


_UNSET = {name: field.default for name, field in LocalizedText.model_fields.items()}
# One fields set per language, shared by every text marked in it (never changed: see
# model/walk.py, share_fields_sets).
_GIVEN: dict[str, set[str]] = {}


def marked(value: str, lang: str) -> LocalizedText:
    """`LocalizedText(**{lang: value})` for a plan's own text, already validated: built
    without validating it again (a view of 10,000 commitments marks some 100,000 texts).
    A country's or territory's name (Spain, European Union) comes with its name in the
    other language from CLDR, so it is never shown as untranslated."""
    text = LocalizedText.__new__(LocalizedText)
    put = object.__setattr__  # the models are frozen
    named = _place_names(lang).get(value)
    given = {lang: value, **named} if named else {lang: value}
    put(text, "__dict__", {**_UNSET, **given})
    key = "+".join(sorted(given))
    put(text, "__pydantic_fields_set__", _GIVEN.setdefault(key, set(given)))
    put(text, "__pydantic_extra__", None)
    put(text, "__pydantic_private__", None)
    return text


@cache
def _place_names(lang: str) -> dict[str, dict[str, str]]:
    """Each country's and territory's CLDR name in `lang` -> its name in the other language
    (Babel): "Spain" -> {"es": "España"}."""
    from babel import Locale

    from mirps_cli.i18n import other_lang

    other = other_lang(lang).value
    mine = Locale.parse(lang).territories
    theirs = Locale.parse(other).territories
    # Two-letter codes are countries and territories (and EU); numeric ones are regions.
    return {
        name: {other: theirs[code]}
        for code, name in mine.items()
        if code.isalpha() and code in theirs
    }


def _has_text(model: type[BaseModel]) -> bool:
    return any(_takes_text(f.annotation) for f in model.model_fields.values())


@cache
def text_fields(model: type[BaseModel]) -> tuple[tuple[str, bool], ...]:
    """Each field of a model that takes text, or can hold a model that does at some depth,
    and whether it takes text itself: worked out once per model, not once per item."""
    found = []
    for name, field in model.model_fields.items():
        text = _takes_text(field.annotation)
        if text or leads_to(field.annotation, _has_text):
            found.append((name, text))
    return tuple(found)
