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
from dataclasses import replace
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


# What a value of the wrong kind should have been, for one message where a field takes
# several kinds (a number or text): pydantic reports each member of the union apart.
_KINDS = {
    "int_type": Message("a number", "un número"),
    "float_type": Message("a number", "un número"),
    "string_type": Message("text", "texto"),
    "bool_type": Message("true or false", "true o false"),
    "list_type": Message("a list", "una lista"),
    "dict_type": Message("a mapping", "un mapa"),
    "model_type": Message("a mapping", "un mapa"),
}


def translate(plan: PlanFile, error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    """Each refusal as a located problem; a value that every member of a union refused (a
    number or text) is one problem: the specific one where a member says more than its kind
    (.nan: "finite number"), else one naming every kind the field takes."""
    places: dict[tuple[int, int, str], list[tuple[Problem, Message | None]]] = {}
    for detail in error.errors(include_url=False):
        code, message, at_key = _message(detail, model)
        found = problem_at(plan, detail["loc"], code, message, at_key=at_key)
        place = (found.line, found.column, found.path.en)
        places.setdefault(place, []).append((found, _KINDS.get(detail["type"])))
    problems = []
    for refusals in places.values():
        specific = [p for p, kind in refusals if kind is None]
        if specific or len(refusals) == 1:
            problems += specific or [refusals[0][0]]
            continue
        kinds = list(dict.fromkeys(kind for _, kind in refusals if kind is not None))
        problems.append(_one_of(refusals[0][0], kinds))
    return problems


def _one_of(found: Problem, kinds: list[Message]) -> Problem:
    """ "should be a number or text, got True": a value every kind of a union refused."""
    if len(kinds) < 2:
        return found
    got_en = found.message.en.rsplit(", got ", 1)[-1]
    got_es = found.message.es.rsplit("; se recibió ", 1)[-1]
    en = " or ".join(k.en for k in kinds)
    es = " o ".join(k.es for k in kinds)
    said = Message(f"should be {en}, got {got_en}", f"debe ser {es}; se recibió {got_es}")
    return replace(found, message=said)
