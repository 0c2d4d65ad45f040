"""`mirps schema`."""

from __future__ import annotations

import json
from collections.abc import Callable

from tests.helpers import Run


def test_schema_is_json_schema_of_both_kinds(mirps: Callable[..., Run]) -> None:
    result = mirps("schema")
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert {"NationalPlan", "WorkPlan", "Commitment"} <= set(schema["$defs"])
    status = schema["$defs"]["Status"]["enum"]
    assert status == ["planned", "in_progress", "fulfilled", "suspended", "cancelled"]


def test_schema_of_one_kind(mirps: Callable[..., Run]) -> None:
    schema = json.loads(mirps("schema", "--kind", "national").stdout)
    assert schema["title"] == "NationalPlan"
    assert schema["additionalProperties"] is False
