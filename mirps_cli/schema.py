"""JSON Schema of the plan files, generated from the pydantic models."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import models_json_schema

from mirps_cli.model import NationalPlan, WorkPlan

DIALECT = "https://json-schema.org/draft/2020-12/schema"

KINDS: dict[str, type[BaseModel]] = {"national": NationalPlan, "work-plan": WorkPlan}


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of plan file, or of either ("all")."""
    if kind in KINDS:
        schema = KINDS[kind].model_json_schema()
        return {"$schema": DIALECT, **schema}
    _, combined = models_json_schema(
        [(NationalPlan, "validation"), (WorkPlan, "validation")],
        title="MIRPS plan file",
    )
    return {
        "$schema": DIALECT,
        "title": "MIRPS plan file",
        "anyOf": [{"$ref": "#/$defs/NationalPlan"}, {"$ref": "#/$defs/WorkPlan"}],
        "$defs": combined["$defs"],
    }
