"""Pydantic's validation errors, translated at the boundary into located problems.

No raw ValidationError ever reaches a user: each error becomes a Problem with
the line of the offending key or value, a readable path, a rule code and a
sentence without pydantic's jargon.
"""

from __future__ import annotations

import difflib
import re
import typing
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from mirps_cli.locate import Loc, problem_at
from mirps_cli.problems import Problem
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


def _did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"; did you mean '{close[0]}'?" if close else ""


def _shown(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'" if len(value) <= 60 else f"'{value[:57]}...'"
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    return repr(value)


def _message(error: ErrorDetails, model: type[BaseModel]) -> tuple[str, str, bool]:
    """(rule code, message, whether to point at the key rather than the value)."""
    loc = error["loc"]
    kind = error["type"]
    field = str(loc[-1]) if loc else "document"
    if kind == "extra_forbidden":
        choices = allowed_keys(model, loc[:-1])
        return "M201", f"unknown key '{field}'{_did_you_mean(field, choices)}", True
    if kind == "missing":
        return "M202", f"missing required field '{field}'", False
    value = error.get("input")
    if value is None:
        return "M203", "has no value", True
    text = _NOISE.sub("", error["msg"])
    text = text[0].lower() + text[1:] if text else text
    suggestion = ""
    if kind in ("enum", "literal_error") and isinstance(value, str):
        expected = re.findall(r"'([^']*)'", str(error.get("ctx", {}).get("expected", "")))
        suggestion = _did_you_mean(value, expected)
    if kind in ("value_error", "assertion_error"):
        return "M203", text, False
    return "M203", f"{text}, got {_shown(value)}{suggestion}", False


def translate(plan: PlanFile, error: ValidationError, model: type[BaseModel]) -> list[Problem]:
    problems = []
    for detail in error.errors(include_url=False):
        code, message, at_key = _message(detail, model)
        problems.append(problem_at(plan, detail["loc"], code, message, at_key=at_key))
    return problems
