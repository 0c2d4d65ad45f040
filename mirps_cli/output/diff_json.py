"""`mirps diff` as JSON, and the JSON Schema that output follows."""

from __future__ import annotations

import json
from typing import Any

from mirps_cli.diff import Change, DiffResult

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "title": "mirps diff",
    "type": "object",
    "required": ["old", "new", "changes", "summary"],
    "additionalProperties": False,
    "properties": {
        "old": {"type": "string", "description": "The older side: a revision or a folder."},
        "new": {"type": "string"},
        "changes": {"type": "array", "items": {"$ref": "#/$defs/change"}},
        "summary": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
    },
    "$defs": {
        "change": {
            "type": "object",
            "required": ["kind", "entity", "id", "country", "fields"],
            "additionalProperties": False,
            "properties": {
                "kind": {"enum": ["added", "removed", "changed", "renamed"]},
                "entity": {"type": "string"},
                "id": {"type": "string"},
                "old_id": {"type": ["string", "null"]},
                "country": {"type": ["string", "null"], "pattern": "^[A-Z]{2}$"},
                "year": {"type": ["integer", "null"]},
                "title": {},
                "status": {
                    "type": ["object", "null"],
                    "required": ["from", "to"],
                    "properties": {
                        "from": {"type": ["string", "null"]},
                        "to": {"type": ["string", "null"]},
                    },
                },
                "fields": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["path", "from", "to"],
                        "additionalProperties": False,
                        "properties": {"path": {"type": "string"}, "from": {}, "to": {}},
                    },
                },
                "entries": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "required": ["what", "path", "entry"],
                        "properties": {
                            "what": {"enum": ["status_entry", "indicator_value", "request"]},
                            "path": {"type": "string"},
                            "entry": {"type": "object"},
                        },
                    },
                },
            },
        },
        "summary": {
            "type": "object",
            "required": ["country"],
            "additionalProperties": False,
            "properties": {
                "country": {"type": "string"},
                **{
                    key: {"type": "integer", "minimum": 0}
                    for key in ("fulfilled", "new", "dropped", "changed", "renamed", "new_requests")
                },
            },
        },
    },
}


def _change(change: Change) -> dict[str, Any]:
    return {
        "kind": change.kind,
        "entity": change.entity,
        "id": change.id,
        "old_id": change.old_id,
        "country": change.country,
        "year": change.year,
        "title": change.title,
        "status": {"from": change.status[0], "to": change.status[1]} if change.status else None,
        "fields": [{"path": " › ".join(f.path), "from": f.old, "to": f.new} for f in change.fields],
        "entries": [
            {"what": e.what, "path": " › ".join(e.path), "entry": e.entry} for e in change.entries
        ],
    }


def render(view: DiffResult, lang: str) -> str:
    data = {
        "old": view.old,
        "new": view.new,
        "changes": [_change(c) for c in view.changes],
        "summary": [vars(s) for s in view.summaries],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
