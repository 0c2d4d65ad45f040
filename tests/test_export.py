"""`mirps export`."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.helpers import SHIPPED_PLANS, Run


def test_export_json(mirps: Callable[..., Run]) -> None:
    result = mirps("export", "--plans", str(SHIPPED_PLANS), "--format", "json")
    assert result.exit_code == 0
    assert result.stderr == ""
    data = json.loads(result.stdout)
    assert set(data) == {"work_plans", "national_plans", "funds"}
    hn = next(p for p in data["national_plans"] if p["country"] == "HN")
    law = next(c for c in hn["commitments"] if c["id"] == "HN-01")
    assert law["status"] == "fulfilled"
    [plan] = data["work_plans"]
    assert len(plan["outcomes"]) == 4
    assert sum(len(o["activities"]) for o in plan["outcomes"]) == 15
    assert len(plan["working_groups"]) == 4
    assert len(plan["timeline"]) == 21
    # Indented as json.dumps indents, non-ASCII text as it is: readable, and diffable.
    assert result.stdout == json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert "Protección" in result.stdout or "ó" in result.stdout


def test_export_refuses_an_invalid_tree(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    path = plans_copy / "national" / "MX.yaml"
    path.write_text(path.read_text().replace("country: MX", "country: MX\ncountry: GT"))
    result = mirps("export")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "M107" in result.stderr
    assert "fix them first" in result.stderr


def test_export_of_bilingual_text_is_clean_json_with_nothing_on_stderr(
    mirps: Callable[..., Run],
) -> None:
    """Bilingual text once made pydantic warn on stderr for every text it serialized."""
    result = mirps("export", "--plans", str(SHIPPED_PLANS))
    assert result.exit_code == 0
    assert result.stderr == ""
    hn = next(p for p in json.loads(result.stdout)["national_plans"] if p["country"] == "HN")
    law = next(c for c in hn["commitments"] if c["id"] == "HN-01")
    assert law["title"]["es"].startswith("Ley para la Prevención")


def test_export_text_is_json_dumps_text_written_in_pieces() -> None:
    from mirps_cli.output import export_json

    sections = [
        ("work_plans", [{"a": 1, "b": ["x", {"c": None}], "d": {}}, {"e": []}]),
        ("national_plans", []),
        ("funds", [{"título": 'Protección\nsolución "|" & <b>', "n": 1.5, "t": True}]),
    ]
    text = "".join(export_json.render((key, iter(plans)) for key, plans in sections))
    assert text == json.dumps(dict(sections), ensure_ascii=False, indent=2) + "\n"
    assert "".join(export_json.render([])) == "{\n}\n" and json.loads("{\n}\n") == {}


def test_a_long_list_written_an_item_at_a_time_is_the_same_text() -> None:
    """A national plan's commitments are dumped one at a time as they are written (the
    largest plan whole is 30 MB at 10,000): the text is json.dumps's of the whole data,
    statuses of commitments and milestones included."""
    import datetime as dt

    from mirps_cli.export import Listed, exported
    from mirps_cli.output import export_json
    from mirps_cli.validate import validate_tree

    tree = validate_tree(SHIPPED_PLANS, dt.date(2026, 12, 3)).tree
    listed = [
        (key, [dict(p) for p in plans]) for key, plans in exported(tree)
    ]  # each plan's keys, its long list still to be made
    assert any(isinstance(v, Listed) for _, plans in listed for p in plans for v in p.values())
    text = "".join(export_json.render((key, iter(plans)) for key, plans in listed))
    whole = {
        key: [{k: list(v) if isinstance(v, Listed) else v for k, v in p.items()} for p in plans]
        for key, plans in exported(tree)
    }
    assert text == json.dumps(whole, ensure_ascii=False, indent=2) + "\n"
    hn = next(p for p in whole["national_plans"] if p["country"] == "HN")
    assert {c["status"] for c in hn["commitments"]} >= {"fulfilled", "in_progress"}
    milestones = [
        m
        for p in whole["national_plans"]
        for c in p["commitments"]
        for m in c.get("milestones", [])
    ]
    assert milestones and all("status" in m for m in milestones)


def test_a_reader_that_stops_early_ends_export_quietly() -> None:
    """`mirps export | head`: no traceback, no "bug in mirps", exit 141 as after SIGPIPE."""
    import subprocess
    import sys

    with subprocess.Popen(
        [sys.executable, "-m", "mirps_cli", "export", "--plans", str(SHIPPED_PLANS)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(10).startswith(b"{")
        process.stdout.close()  # the reader goes away with most of the output unread
        stderr = process.stderr.read().decode()
        assert process.wait(timeout=60) == 141
    assert stderr == ""
