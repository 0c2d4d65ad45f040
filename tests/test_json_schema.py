"""The exported JSON Schema and mirps agree on every plan file of the test suite: what one
refuses, the other refuses, wherever JSON Schema can say it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from mirps_cli.loader import load_file
from mirps_cli.loader.sources import OneFile
from mirps_cli.schema import json_schema
from tests.helpers import CASES, SHIPPED_PLANS

KIND = {"national": "national", "regional": "work-plan", "fund": "fund"}
# What JSON Schema cannot say about one file: YAML itself (syntax, tabs, duplicate keys,
# tags, anchors, encodings, sizes), a rule's wording ("did you mean"), nothing more.
BEYOND_JSON_SCHEMA = {
    "alias-bomb",
    "bad-date",
    "comments-only",
    "duplicate-key",
    "empty-file",
    "file-too-large",
    "folder-as-file",
    "invalid-utf8",
    "list-not-mapping",
    "symlink-loop",
    "tab-indentation",
    "unsafe-tag",
    "yaml-syntax",
}
FILES = sorted(
    p
    for p in [*CASES.glob("*/*/plans/*/*.y*ml"), *SHIPPED_PLANS.glob("*/*.yaml")]
    if p.parent.name in KIND and p.is_file() and p.parts[-4] not in BEYOND_JSON_SCHEMA
)


def _as_json(value: Any) -> Any:
    """What an editor's YAML language server sees: dates are text, as in JSON."""
    if isinstance(value, dict):
        return {str(k): _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("path", FILES, ids=[f"{p.parts[-4]}/{p.name}" for p in FILES])
def test_json_schema_and_mirps_give_the_same_verdict(path: Path) -> None:
    data = _as_json(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))
    validator = jsonschema.Draft202012Validator(json_schema(KIND[path.parent.name]))
    schema_errors = [e.message for e in validator.iter_errors(data)]
    _, problems = load_file(next(OneFile(path.absolute()).files(10**7)))
    mirps_errors = [p.code for p in problems if p.code.startswith("M2")]
    assert bool(schema_errors) == bool(mirps_errors), (schema_errors[:3], mirps_errors)


def test_the_schema_states_the_rules_mirps_checks_on_one_file() -> None:
    national = json_schema("national")
    assert national["$defs"]["LocalizedText"]["minProperties"] == 1
    assert national["properties"]["country"]["enum"] == ["BZ", "CR", "GT", "HN", "MX", "PA", "SV"]
    jsonschema.Draft202012Validator.check_schema(national)
