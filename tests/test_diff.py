"""`mirps diff`: what changed between two versions of the plans, from git or folders."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from markdown_it import MarkdownIt

from tests.helpers import SHIPPED_PLANS, Run

Git = Callable[..., str]
Golden = Callable[[str, str], None]


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def history(isolated: Path, git_repo: Git) -> Path:
    """A repository whose second commit changes every kind of item, as a plan update would."""
    repo = isolated / "repo"
    plans = repo / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    git_repo("add", "-A")
    git_repo("commit", "--quiet", "-m", "plans as shipped")
    git_repo("tag", "v1")
    national, wp = plans / "national", plans / "regional" / "2022.yaml"
    hn, cr = national / "HN.yaml", national / "CR.yaml"
    # HN-03 fulfilled: a status move and a new status entry; a new commitment; HN-05 dropped.
    end_of_history = "america-february-2018\n    sources:\n"
    done = "      - date: 2023-03-15\n        status: fulfilled\n        note: Mapping finished\n"
    edit(hn, end_of_history, end_of_history.replace("    sources:\n", done + "    sources:\n"))
    text = hn.read_text(encoding="utf-8")
    new_commitment = (
        "  - id: HN-06\n    title: A new commitment\n    support_requests:\n"
        "      - what: Technical assistance\n        asked_of: UNHCR\n"
    )
    hn.write_text(text[: text.index("  - id: HN-05\n")] + new_commitment, encoding="utf-8")
    # HN-04 renamed HN-07, nothing else changed; a long description written.
    edit(hn, "  - id: HN-04\n", "  - id: HN-07\n")
    description = (
        "    description: >-\n      A law that creates a national system of response to forced"
        " displacement, with prevention\n      mechanisms and humanitarian assistance for those"
        " displaced.\n"
    )
    edit(hn, "    title:\n      en: Law for", description + "    title:\n      en: Law for")
    # A milestone added; an indicator value; a due date changed.
    third = "      - id: CR-03.3\n        title: Second phase\n"
    edit(cr, "      - id: CR-03.2\n", third + "      - id: CR-03.2\n")
    edit(cr, "    due: 2024\n", "    due: 2025\n")
    value = "          - value: 20000\n            about: true\n"
    later = "          - value: 21000\n            date: 2024\n"
    edit(national / "MX.yaml", value, value + later)
    # Regional: an event's place; another event held.
    edit(wp, "    place: Tegucigalpa\n", "    place: Tegucigalpa, Honduras\n")
    held = "    status_history:\n      - date: 2022-06\n        status: held\n"
    edit(wp, "    title: I Virtual meeting", held + "    title: I Virtual meeting")
    git_repo("commit", "--quiet", "-am", "a plan update")
    return repo


def diff(mirps: Callable[..., Run], repo: Path, *args: str) -> Run:
    return mirps("diff", *args, "--plans", str(repo / "plans"))


def as_json(result: Run) -> dict[str, Any]:
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def changes_by_id(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["id"]: c for c in data["changes"]}


def test_every_kind_of_change_matched_by_id(mirps: Callable[..., Run], history: Path) -> None:
    data = as_json(diff(mirps, history, "v1..HEAD", "--format", "json"))
    got = changes_by_id(data)
    assert got["HN-03"]["kind"] == "changed"
    assert got["HN-03"]["status"] == {"from": "in_progress", "to": "fulfilled"}
    [entry] = got["HN-03"]["entries"]
    assert entry["what"] == "status_entry" and entry["entry"]["date"] == "2023-03-15"
    assert got["HN-03"]["fields"] == []  # the new entry is news of its own, not a changed list
    assert got["HN-06"]["kind"] == "added"
    assert got["HN-05"]["kind"] == "removed"
    assert got["HN-07"]["kind"] == "renamed" and got["HN-07"]["old_id"] == "HN-04"
    assert got["HN-07"]["fields"] == []
    assert got["CR-03.3"]["kind"] == "added" and got["CR-03.3"]["entity"] == "milestone"
    assert {"path": "due", "from": "2024", "to": "2025"} in got["CR-03"]["fields"]
    [value] = got["MX-02"]["entries"]
    assert value["what"] == "indicator_value" and value["entry"]["value"] == 21000
    assert got["annual-meeting-5"]["entity"] == "event"
    place = {"path": "place", "from": "Tegucigalpa", "to": "Tegucigalpa, Honduras"}
    assert got["annual-meeting-5"]["fields"] == [place]
    summary = {s["country"]: s for s in data["summary"]}
    assert summary["HN"] == {
        "country": "HN",
        "fulfilled": 1,
        "new": 1,
        "dropped": 1,
        "changed": 2,
        "renamed": 1,
        "new_requests": 0,
    }


def test_the_json_follows_its_published_schema(mirps: Callable[..., Run], history: Path) -> None:
    schema = json.loads(mirps("diff", "--json-schema").stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    for args in (["v1..HEAD"], ["v1", "v1"], ["HEAD", "--staged"]):
        data = as_json(diff(mirps, history, *args, "--format", "json"))
        jsonschema.validate(data, schema, cls=jsonschema.Draft202012Validator)


def test_the_review_summary_in_words(mirps: Callable[..., Run], history: Path) -> None:
    text = diff(mirps, history, "v1..HEAD").stdout
    assert "HN: 1 fulfilled, 1 new commitment, 1 dropped, 2 changed, 1 renamed" in text
    assert "+ commitment HN-06 A new commitment" in text
    assert "- commitment HN-05" in text
    assert "» commitment HN-07" in text and "(renamed from HN-04)" in text
    assert "    status: in progress → fulfilled" in text
    assert "    new status entry: 2023-03-15, fulfilled, Mapping finished" in text
    assert "\x1b[" not in text  # no colour outside a terminal
    assert "~ event virtual-meeting-1" in text and "    status: (none) → held" in text
    spanish = diff(mirps, history, "v1..HEAD", "--lang", "es").stdout
    assert "HN: 1 cumplido, 1 compromiso nuevo, 1 retirado, 2 modificados, 1 renombrado" in spanish


def test_a_long_text_shows_a_word_level_change(
    mirps: Callable[..., Run], history: Path, isolated: Path
) -> None:
    hn = history / "plans" / "national" / "HN.yaml"
    edit(
        hn,
        "humanitarian assistance for those displaced",
        "humanitarian and legal assistance for everyone displaced",
    )
    text = diff(mirps, history, "HEAD").stdout
    assert "[-assistance-] {+and legal assistance+}" in text or "{+and legal+}" in text
    assert "[-those-] {+everyone+}" in text


def test_order_formatting_and_comments_are_no_changes(
    mirps: Callable[..., Run], history: Path, git_repo: Git
) -> None:
    pa = history / "plans" / "national" / "PA.yaml"
    text = pa.read_text(encoding="utf-8")
    # Keys reordered, a set-like list reordered, quoting and comments changed.
    text = text.replace(
        "country: PA\nversion_date: 2026-12-02\n",
        "version_date: 2026-12-02  # the version\ncountry: 'PA'\n",
    )
    text = text.replace("    populations: [refugees]\n", "    populations: [ refugees ]   # who\n")
    pa.write_text("# A comment at the top.\n" + text, encoding="utf-8")
    assert git_repo("status", "--porcelain")  # the file did change
    result = diff(mirps, history, "--exit-code")
    assert result.exit_code == 0, result.stdout + result.stderr
    assert "No change in the plans." in result.stdout


def test_exit_codes(mirps: Callable[..., Run], history: Path) -> None:
    assert diff(mirps, history, "v1..HEAD", "--exit-code").exit_code == 1
    assert diff(mirps, history, "v1..HEAD").exit_code == 0
    assert diff(mirps, history, "HEAD", "--exit-code").exit_code == 0
    unknown = diff(mirps, history, "no-such-tag")
    assert unknown.exit_code == 2
    assert "unknown revision 'no-such-tag'" in unknown.stderr
    assert unknown.stdout == ""
    assert "Traceback" not in unknown.stderr


def test_outside_a_repository_and_without_plans(
    mirps: Callable[..., Run], isolated: Path, git_repo: Git
) -> None:
    plans = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    outside = mirps("diff", "--plans", str(plans))
    assert outside.exit_code == 2
    assert "is not inside a git repository" in outside.stderr
    repo = isolated / "repo"
    (repo / "README").write_text("nothing yet\n")
    git_repo("add", "-A")
    git_repo("commit", "--quiet", "-m", "start")
    shutil.copytree(SHIPPED_PLANS, repo / "plans")
    empty = mirps("diff", "HEAD", "--plans", str(repo / "plans"))
    assert empty.exit_code == 2
    assert "revision HEAD has no plans folder 'plans'" in empty.stderr


def test_a_side_that_does_not_validate_prints_its_findings(
    mirps: Callable[..., Run], history: Path
) -> None:
    edit(history / "plans" / "national" / "GT.yaml", "country: GT\n", "country: GT\nextra: 1\n")
    result = diff(mirps, history, "HEAD")
    assert result.exit_code == 1
    assert "plans/national/GT.yaml:" in result.stderr and "M201" in result.stderr
    assert "working tree: the plans have errors" in result.stderr


def test_staged_and_the_working_tree_stay_untouched(
    mirps: Callable[..., Run], history: Path, git_repo: Git
) -> None:
    pa = history / "plans" / "national" / "PA.yaml"
    edit(
        pa,
        "title: Include refugees in national education services",
        "title: Include refugees in national schools",
    )
    git_repo("add", str(pa))
    edit(pa, "national schools", "national schools and universities")
    status_before = git_repo("status", "--porcelain")
    staged = as_json(diff(mirps, history, "--staged", "--format", "json"))
    assert (
        changes_by_id(staged)["PA-02"]["fields"][0]["to"] == "Include refugees in national schools"
    )
    working = as_json(diff(mirps, history, "--format", "json"))
    assert changes_by_id(working)["PA-02"]["fields"][0]["to"].endswith("and universities")
    assert git_repo("status", "--porcelain") == status_before


def test_two_folders_and_two_files(mirps: Callable[..., Run], isolated: Path) -> None:
    old, new = isolated / "old", isolated / "new"
    shutil.copytree(SHIPPED_PLANS, old)
    shutil.copytree(SHIPPED_PLANS, new)
    edit(
        new / "national" / "PA.yaml",
        "    due: " if False else "title: Include refugees",
        "title: Include all refugees",
    )
    folders = as_json(mirps("diff", str(old), str(new), "--format", "json"))
    assert [c["id"] for c in folders["changes"]] == ["PA-02"]
    files = as_json(
        mirps(
            "diff",
            str(old / "national" / "PA.yaml"),
            str(new / "national" / "PA.yaml"),
            "--format",
            "json",
        )
    )
    assert [c["id"] for c in files["changes"]] == ["PA-02"]


def test_a_plans_folder_in_a_subfolder(
    mirps: Callable[..., Run], isolated: Path, git_repo: Git
) -> None:
    plans = isolated / "repo" / "data" / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    git_repo("add", "-A")
    git_repo("commit", "--quiet", "-m", "plans in a subfolder")
    edit(plans / "national" / "BZ.yaml", "title: Drop the strictly", "title: Dropped the strictly")
    data = as_json(mirps("diff", "--plans", str(plans), "--format", "json"))
    assert [c["id"] for c in data["changes"]] == ["BZ-01"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_markdown_for_a_pull_request(
    mirps: Callable[..., Run], history: Path, golden: Golden, lang: str
) -> None:
    result = diff(mirps, history, "v1..HEAD", "--format", "markdown", "--lang", lang)
    assert result.exit_code == 0, result.stderr
    golden(f"diff-v1-head-{lang}.md", result.stdout)
    tokens = MarkdownIt("commonmark").enable("table").parse(result.stdout)
    headings = [t for t in tokens if t.type == "heading_open"]
    assert [h.tag for h in headings[:2]] == ["h2", "h3"]
    items = [t.content for t in tokens if t.type == "inline"]
    assert any("HN-06" in i for i in items)


def test_the_github_workflow_command(mirps: Callable[..., Run], history: Path) -> None:
    """The README's workflow runs exactly this; it must give Markdown and exit 0."""
    result = mirps(
        "diff",
        "v1...HEAD",
        "--plans",
        str(history / "plans"),
        "--format",
        "markdown",
        "--lang",
        "es",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("## Cambios en los planes: v1... → HEAD")
    assert "HN-06" in result.stdout


def test_a_file_both_sides_share_is_parsed_once(
    mirps: Callable[..., Run], history: Path, git_repo: Git, monkeypatch: pytest.MonkeyPatch
) -> None:
    import mirps_cli.yaml as loader  # where the loader finds `parse` when it parses

    monkeypatch.setenv("MIRPS_NO_CACHE", "1")  # no help from the disk cache
    parsed: list[str] = []
    real = loader.parse

    def counting(text: str) -> Any:
        parsed.append(text)
        return real(text)

    monkeypatch.setattr(loader, "parse", counting)
    result = diff(mirps, history, "v1..HEAD", "--format", "json")
    assert result.exit_code == 0, result.stderr
    plan_files = list((history / "plans").rglob("*.yaml"))
    changed = git_repo("diff", "--name-only", "v1", "HEAD").split()
    assert changed and len(changed) < len(plan_files)
    assert len(parsed) == len(plan_files) + len(changed)
    assert len(set(parsed)) == len(parsed)  # no text parsed twice


def test_a_change_to_the_national_technical_team_is_reported(
    mirps: Callable[..., Run], isolated: Path
) -> None:
    """Activity 1.1 asks the plan review to see whether the team must widen."""
    import shutil

    old, new = isolated / "old", isolated / "new"
    shutil.copytree(SHIPPED_PLANS, old)
    shutil.copytree(SHIPPED_PLANS, new)
    path = new / "national" / "BZ.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace("  members: [GOV, OAS, UNHCR]", "  members: [GOV, OAS, UNHCR, REC]"),
        encoding="utf-8",
    )
    result = mirps("diff", str(old), str(new))
    assert result.exit_code == 0, result.stderr
    assert "national_technical_team › members: + REC" in result.stdout
