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


BASE = """country: HN
version_date: 2024-01-01
commitments:
  - id: HN-01
    title: {en: Map land, es: Mapear tierras}
    status_history:
      - status: in_progress
        date: 2023-01-05
        note: {en: Started, es: Empezado}
    indicators:
      - name: {en: Hectares, es: Hectáreas}
        values:
          - value: 10
            date: 2023-01-01
"""


@pytest.mark.parametrize(
    ("written", "instead", "refused"),
    [
        ("  - id: HN-01", "  - id: HN-" + "1" * 62, True),  # 65 characters: at most 64
        ("        note: {en: Started, es: Empezado}", '        note: " "', True),  # blank
        ("          - value: 10", "          - value: true", True),  # not a number
        ("          - value: 10", '          - value: "247090"', False),  # text, as a source may
        ("          - value: 10", "          - value: 247090.5", False),
    ],
    ids=["65-character id", "blank note", "true as a value", "a number in quotes", "a number"],
)
def test_the_schema_and_mirps_agree_where_they_disagreed(
    tmp_path: Path, written: str, instead: str, refused: bool
) -> None:
    path = tmp_path / "national" / "HN.yaml"
    path.parent.mkdir()
    path.write_text(BASE.replace(written, instead), encoding="utf-8")
    data = _as_json(YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8")))
    schema = list(jsonschema.Draft202012Validator(json_schema("national")).iter_errors(data))
    _, problems = load_file(next(OneFile(path.absolute()).files(10**7)))
    mirps = [p for p in problems if p.code.startswith("M2")]
    assert (bool(schema), bool(mirps)) == (refused, refused), (schema[:1], mirps[:1])
    if refused:
        assert len(mirps) == 1  # one sentence for one value, not one per kind it could be


# What JSON Schema cannot say, which mirps refuses: a calendar's days (2019-02-30 matches the
# date pattern; a YAML 1.2 editor reads it as text) and .nan (JSON has no NaN).
@pytest.mark.parametrize(
    ("written", "instead"),
    [
        ("        date: 2023-01-05", "        date: 2019-02-30"),
        ("          - value: 10", "          - value: .nan"),
    ],
    ids=["30 February", "nan"],
)
def test_what_only_mirps_can_refuse(tmp_path: Path, written: str, instead: str) -> None:
    path = tmp_path / "national" / "HN.yaml"
    path.parent.mkdir()
    path.write_text(BASE.replace(written, instead), encoding="utf-8")
    _, problems = load_file(next(OneFile(path.absolute()).files(10**7)))
    assert [p.code for p in problems if p.code.startswith("M2")] == ["M203"]


def _patterns(schema: Any) -> set[str]:
    if isinstance(schema, dict):
        found = {schema["pattern"]} if isinstance(schema.get("pattern"), str) else set()
        found |= set(schema.get("patternProperties", {}))
        return found.union(*(_patterns(v) for v in schema.values()))
    if isinstance(schema, list):
        return set().union(*(_patterns(v) for v in schema))
    return set()


def test_every_pattern_is_read_as_json_schema_reads_it() -> None:
    """A schema's patterns are ECMA-262 regular expressions (Unicode mode), not Python's:
    check-jsonschema refused the whole schema over one needless escape (`\\"`) that Python
    takes. Each compiles in the engine check-jsonschema uses, and says what Python's says
    of the shipped plans' addresses and of addresses that must be refused."""
    import re

    import regress

    patterns = _patterns(json_schema("all"))
    assert len(patterns) >= 8
    compiled = {p: regress.Regex(p, flags="u") for p in patterns}  # raises on a bad one
    shipped = re.findall(
        r"https?://[^\s'\"]+",
        "".join(p.read_text(encoding="utf-8") for p in SHIPPED_PLANS.rglob("*.yaml")),
    )
    bad = ['https://a"b', "https://a b", "http://<x>", "https://a`b", "https://a\\b", "ftp://x"]
    url = next(p for p in patterns if p.startswith("^https?"))
    assert len(shipped) > 50
    for text in [*shipped, *bad, "https://", "https:///x"]:
        assert (compiled[url].find(text) is not None) == bool(re.search(url, text)), text
    assert all(compiled[url].find(text) is None for text in bad)
