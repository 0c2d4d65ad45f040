"""Pydantic's validation errors, translated at the boundary into located problems.

No raw ValidationError ever reaches a user: each error becomes a Problem with
the line of the offending key or value, a readable path, a rule code and a
sentence without pydantic's jargon.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mirps_cli.i18n import Message
from mirps_cli.loader.locate import Loc, problem_at
from mirps_cli.problems import Invalid, Problem
from mirps_cli.tree import PlanFile

_NOISE = re.compile(r"^(Value error|Assertion failed), ")


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    """The pydantic models an annotation can hold (through lists, unions, Annotated)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for arg in typing.get_args(annotation):
        found.extend(_models_in(arg))
    return found


def allowed_keys(model: type[BaseModel], loc: Loc) -> list[str]:
    """The keys the mapping at `loc` accepts."""
    models = [model]
    for step in loc:
        if isinstance(step, int):
            continue
        following = [
            sub
            for m in models
            if step in m.model_fields
            for sub in _models_in(m.model_fields[step].annotation)
        ]
        if following:
            models = following
        # else a union tag ("localized"): the models stay as they are
    return sorted({name for m in models for name in m.model_fields})


# Fields of earlier plan formats: what replaced each, said with the value it had.
MOVED: dict[str, Callable[[str], Message]] = {
    "focus_area": lambda value: Message(
        f"'focus_area' is now 'focus_areas', a list: write focus_areas: [{value}]",
        f"'focus_area' ahora es 'focus_areas', una lista: escriba focus_areas: [{value}]",
    ),
}


def _did_you_mean(word: str, choices: list[str]) -> Message:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if not close:
        return Message("", "")
    return Message(f"; did you mean '{close[0]}'?", f"; ¿quiso decir '{close[0]}'?")


def _shown(value: Any) -> Message:
    if isinstance(value, str):
        text = f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
        return Message(text, text)
    if isinstance(value, dict):
        return Message("a mapping", "un mapa")
    if isinstance(value, list):
        return Message("a list", "una lista")
    return Message(repr(value), repr(value))


# What pydantic's commonest errors say, in Spanish; others keep pydantic's English.
_SPANISH: dict[str, str] = {
    "string_type": "debe ser texto",
    "string_too_short": "no puede quedar vacío",
    "int_type": "debe ser un número entero",
    "int_parsing": "debe ser un número entero",
    "int_from_float": "debe ser un número entero",
    "float_type": "debe ser un número",
    "float_parsing": "debe ser un número",
    "bool_type": "debe ser true o false",
    "bool_parsing": "debe ser true o false",
    "list_type": "debe ser una lista",
    "dict_type": "debe ser un mapa de claves",
    "model_type": "debe ser un mapa de claves",
    "model_attributes_type": "debe ser un mapa de claves",
    "greater_than_equal": "debe ser mayor o igual que {ge}",
    "less_than_equal": "debe ser menor o igual que {le}",
    "enum": "debe ser uno de: {expected}",
    "literal_error": "debe ser uno de: {expected}",
}


def _pydantic_words(error: ErrorDetails) -> Message:
    english = _NOISE.sub("", error["msg"])
    english = english[0].lower() + english[1:] if english else english
    ctx = error.get("ctx", {})
    spanish = _SPANISH.get(error["type"])
    if spanish is None:
        return Message(english, english)
    expected = str(ctx.get("expected", "")).replace(" or ", " o ")
    return Message(english, spanish.format(**{**ctx, "expected": expected}))


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, Message, bool]:
    """(rule code, message, whether to point at the key rather than the value)."""
    loc = error["loc"]
    kind = error["type"]
    field = str(loc[-1]) if loc else "document"
    if kind == "extra_forbidden" and field in MOVED:
        value = error.get("input")
        return "M204", MOVED[field](value if isinstance(value, str) else "..."), True
    if kind == "extra_forbidden":
        hint = _did_you_mean(field, allowed_keys(model, loc[:-1]))
        said = Message(f"unknown key '{field}'{hint.en}", f"clave desconocida '{field}'{hint.es}")
        return "M201", said, True
    if kind == "missing":
        said = Message(f"missing required field '{field}'", f"falta el campo obligatorio '{field}'")
        return "M202", said, False
    value = error.get("input")
    if value is None:
        return "M203", Message("has no value", "no tiene valor"), True
    cause = error.get("ctx", {}).get("error")
    if isinstance(cause, Invalid):
        return "M203", cause.message, False
    words = _pydantic_words(error)
    if kind in ("value_error", "assertion_error"):
        return "M203", words, False
    suggestion = Message("", "")
    if kind in ("enum", "literal_error") and isinstance(value, str):
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        suggestion = _did_you_mean(value, expected)
    got = _shown(value)
    return (
        "M203",
        Message(
            f"{words.en}, got {got.en}{suggestion.en}",
            f"{words.es}; se recibió {got.es}{suggestion.es}",
        ),
        False,
    )


def translate(plan: PlanFile, error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        code, message, at_key = _message(detail, model)
        problems.append(problem_at(plan, detail["loc"], code, message, at_key=at_key))
    return problems
