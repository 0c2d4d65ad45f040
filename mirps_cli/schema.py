"""`mirps schema`: the JSON Schema of each kind of plan file, generated from the models."""

from __future__ import annotations

from typing import Any

from pydantic.json_schema import models_json_schema

from mirps_cli.kinds import BY_NAME, KINDS

DIALECT = "https://json-schema.org/draft/2020-12/schema"
ALL = "all"


def json_schema(kind: str) -> dict[str, Any]:
    """The schema of one kind of plan file (by its name in kinds.KINDS), or of any ("all")."""
    if kind in BY_NAME:
        schema = BY_NAME[kind].model().model_json_schema()
        return {"$schema": DIALECT, **schema}
    models = [k.model() for k in KINDS]
    _, combined = models_json_schema(
        [(model, "validation") for model in models], title="MIRPS plan file"
    )
    return {
        "$schema": DIALECT,
        "title": "MIRPS plan file",
        "anyOf": [{"$ref": f"#/$defs/{model.__name__}"} for model in models],
        "$defs": combined["$defs"],
    }
