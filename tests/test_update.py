"""`mirps update`: byte-exact edits, validated before writing, atomic."""

from __future__ import annotations

import datetime as dt
import difflib
import os
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from mirps_cli.errors import UpdateRefused
from mirps_cli.update import StatusUpdate, apply_edit, prepare_update
from mirps_cli.validate import validate_tree
from tests.helpers import REPO, SHIPPED_PLANS, Run, roundtrip

TODAY = dt.date(2026, 11, 26)


@pytest.mark.parametrize("path", sorted(SHIPPED_PLANS.glob("*/*.yaml")), ids=lambda p: p.name)
def test_shipped_plans_round_trip_byte_for_byte(path: Path) -> None:
    data = path.read_bytes()
    assert roundtrip(data.decode("utf-8")).encode("utf-8") == data


def national_plan(folder: Path, name: str, content: bytes) -> Path:
    """A one-file plans tree under `folder`: plans/national/NAME holding `content`."""
    path = folder / "plans" / "national" / name
    path.parent.mkdir(parents=True)
    path.write_bytes(content)
    return path


def _added_only(old: bytes, new: bytes) -> list[str]:
    """The lines `new` adds to `old`, asserting that nothing of `old` changed."""
    old_lines = old.splitlines(keepends=True)
    new_lines = new.splitlines(keepends=True)

    added = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_lines, new_lines).get_opcodes():
        assert tag in ("equal", "insert"), (tag, old_lines[i1:i2], new_lines[j1:j2])
        if tag == "insert":
            added += [line.decode() for line in new_lines[j1:j2]]
    # Every entry mirps writes says the day it recorded it: checked here once, for every
    # test, and left out of the lines each test compares.
    recorded = [line for line in added if line.strip() == f"recorded: {dt.date.today()}"]
    assert len(recorded) == (1 if added else 0), added
    return [line for line in added if line not in recorded]


def test_update_appends_an_entry_and_nothing_else(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "HN.yaml"
    before = path.read_bytes()
    result = mirps(
        "update",
        "HN-03",
        "--status",
        "fulfilled",
        "--date",
        "2023-03-15",
        "--note",
        "Mapping finished: 12 municipalities",
        "--source",
        "https://example.org/a",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith("HN-03: fulfilled on 2023-03-15 (added lines ")
    added = _added_only(before, path.read_bytes())
    assert added == [
        "      - date: 2023-03-15\n",
        "        status: fulfilled\n",
        '        note: "Mapping finished: 12 municipalities"\n',
        "        sources:\n",
        "          - https://example.org/a\n",
    ]
    tree = validate_tree(plans_copy, TODAY).tree
    commitment = next(c for c in tree.national("HN").commitments if c.id == "HN-03")
    assert commitment.current is not None
    assert commitment.current.status == "fulfilled"
    assert str(commitment.current.date) == "2023-03-15"


def test_update_adds_a_history_where_there_was_none(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "HN.yaml"
    history = (
        "    status_history:\n"
        "      - status: fulfilled\n"
        "        note: Listed among the achievements on the country page, without a date.\n"
        "        sources:\n"
        "          - https://mirps-platform.org/en/mirps-by-country/mirps-in-honduras/\n"
    )
    assert history in path.read_text()
    path.write_text(path.read_text().replace(history, "", 1))
    before = path.read_bytes()
    result = mirps("update", "hn-02", "--status", "en curso", "--date", "2024-05")
    assert result.exit_code == 0, result.stderr
    assert _added_only(before, path.read_bytes()) == [
        "    status_history:\n",
        "      - date: 2024-05\n",
        "        status: in_progress\n",
    ]


CRLF_PLAN = (
    "country: PA\r\n"
    "# A comment that must stay.\r\n"
    "commitments:\r\n"
    "- id: 'PA-01'\r\n"
    '  title: "Quoted title"\r\n'
    "  status_history:\r\n"
    "  -   date: 2022-01\r\n"
    "      status: planned   # trailing comment\r\n"
    "\r\n"
    "  sources: [ 'https://example.org' ]\r\n"
)


def test_update_keeps_crlf_quoting_comments_and_odd_indentation(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    path = national_plan(isolated, "PA.yaml", CRLF_PLAN.encode())
    result = mirps("update", "PA-01", "--status", "in_progress", "--date", "2022-02")
    assert result.exit_code == 0, result.stderr
    new = path.read_bytes()
    assert _added_only(CRLF_PLAN.encode(), new) == [
        "  -   date: 2022-02\r\n",
        "      status: in_progress\r\n",
    ]
    assert b"\n" not in new.replace(b"\r\n", b"")


def test_update_of_a_file_without_final_newline(isolated: Path, mirps: Callable[..., Run]) -> None:
    path = national_plan(
        isolated, "SV.yaml", b"country: SV\ncommitments:\n  - id: SV-01\n    title: T"
    )
    result = mirps("update", "SV-01", "--status", "planned", "--date", "2022")
    assert result.exit_code == 0, result.stderr
    assert path.read_text() == (
        "country: SV\ncommitments:\n  - id: SV-01\n    title: T\n"
        "    status_history:\n      - date: 2022\n"
        f"        recorded: {dt.date.today()}\n        status: planned\n"
    )


def test_update_of_an_empty_flow_history(isolated: Path, mirps: Callable[..., Run]) -> None:
    path = national_plan(
        isolated,
        "SV.yaml",
        b"country: SV\ncommitments:\n  - id: SV-01\n    status_history: []\n    title: T\n",
    )
    result = mirps("update", "SV-01", "--status", "planned", "--date", "2022")
    assert result.exit_code == 0, result.stderr
    assert path.read_text() == (
        "country: SV\ncommitments:\n  - id: SV-01\n    status_history:\n"
        f"      - date: 2022\n        recorded: {dt.date.today()}\n        status: planned\n"
        "    title: T\n"
    )


def test_dry_run_prints_a_diff_and_writes_nothing(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "PA.yaml"
    before = path.read_bytes()
    result = mirps("update", "PA-02", "--status", "in_progress", "--date", "2019", "--dry-run")
    assert result.exit_code == 0, result.stderr
    assert path.read_bytes() == before
    lines = result.stdout.splitlines()
    assert lines[0] == "--- plans/national/PA.yaml"
    assert lines[1] == "+++ plans/national/PA.yaml"
    assert [x for x in lines if x.startswith("+") and not x.startswith("+++")] == [
        "+      - date: 2019",
        f"+        recorded: {dt.date.today()}",
        "+        status: in_progress",
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["HN-03", "--status", "done"], "unknown status 'done'"),
        (
            ["HN-99", "--status", "planned"],
            "unknown project, commitment, milestone, activity or event 'HN-99'; did you mean",
        ),
        (
            ["HN-03", "--status", "planned", "--date", "2017-01"],
            "date 2017-01 is before its latest status entry (2018-02)",
        ),
        (["HN-03", "--status", "planned", "--date", "someday"], "'someday' is not a date"),
        (["HN-03", "--status", "planned", "--source", "not a url"], "M203"),
        (["HN-03", "--status", "fulfilled", "--date", "2023"], None),
    ],
)
def test_invalid_updates_are_refused_and_touch_nothing(
    plans_copy: Path, mirps: Callable[..., Run], args: list[str], message: str | None
) -> None:
    before = {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    result = mirps("update", *args)
    if message is None:  # the control case: a valid update does change the file
        assert result.exit_code == 0
        assert before != {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
        return
    assert result.exit_code == 1
    assert result.stdout == ""
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert before == {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    # Nothing left behind but the plans' update lock (outside git it lives in the folder).
    assert not [p for p in plans_copy.rglob(".*") if p.is_file() and p.name != ".mirps-update.lock"]


def test_update_refuses_an_invalid_tree(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    gt = plans_copy / "national" / "GT.yaml"
    gt.write_text(gt.read_text().replace("country: GT", "country: GT\nextra: 1"))
    hn = plans_copy / "national" / "HN.yaml"
    before = hn.read_bytes()
    result = mirps("update", "HN-03", "--status", "fulfilled", "--date", "2023")
    assert result.exit_code == 1
    assert "fix them first" in result.stderr
    assert "M201" in result.stderr
    assert hn.read_bytes() == before


def test_update_refuses_when_the_file_changed_meanwhile(plans_copy: Path) -> None:
    edit = prepare_update(plans_copy, StatusUpdate("HN-03", "fulfilled", "2023"), TODAY)
    path = plans_copy / "national" / "HN.yaml"
    path.write_text(path.read_text() + "# edited by someone else\n")
    with pytest.raises(UpdateRefused, match="changed while mirps was updating"):
        apply_edit(edit)


def test_update_preserves_a_byte_order_mark(isolated: Path) -> None:
    path = national_plan(
        isolated, "SV.yaml", b"\xef\xbb\xbfcountry: SV\ncommitments:\n  - id: SV-01\n    title: T\n"
    )
    edit = prepare_update(isolated / "plans", StatusUpdate("SV-01", "planned", "2022"), TODAY)
    apply_edit(edit)
    assert path.read_bytes().startswith(b"\xef\xbb\xbfcountry: SV\n")


# The child process stops at a chosen point of the write and waits to be killed.
KILL_SCRIPT = textwrap.dedent("""
    import os, sys, time
    from pathlib import Path
    import mirps_cli.atomic as atomic

    point = sys.argv[2]
    real_fsync, real_replace = os.fsync, os.replace

    def pause(*args):
        print("paused", flush=True)
        time.sleep(60)

    if point == "before-rename":      # the new bytes are written and flushed, not renamed
        atomic.os.fsync = lambda fd: (real_fsync(fd), pause())
    elif point == "after-rename":     # the rename is done
        def replace(src, dst):
            real_replace(src, dst)
            pause()
        atomic.os.replace = replace
    atomic.write_atomic(Path(sys.argv[1]), b"new content\\n" * 1000)
""")


@pytest.mark.parametrize(
    ("point", "expected"),
    [
        ("before-rename", "old"),
        ("after-rename", "new"),
    ],
)
def test_a_write_killed_midway_leaves_the_old_file_or_the_new(
    isolated: Path, point: str, expected: str
) -> None:
    path = isolated / "HN.yaml"
    old = b"old content\n" * 1000
    path.write_bytes(old)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(path), point],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
    ) as child:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "paused"
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=10)
    assert path.read_bytes() == (old if expected == "old" else b"new content\n" * 1000)
    # What a crash leaves behind is a hidden temporary file, which the loader skips.
    leftovers = [p.name for p in isolated.iterdir() if p.name != "HN.yaml"]
    assert all(name.startswith(".HN.yaml.") for name in leftovers)


def test_update_after_a_flow_list_closed_on_its_own_line(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    text = (
        "country: SV\ncommitments:\n  - id: SV-01\n    title: T\n    status_history:\n"
        "      - date: 2022\n        status: planned\n        sources: [\n"
        '          "https://example.org/a"\n        ]\n'
    )
    path = national_plan(isolated, "SV.yaml", text.encode())
    result = mirps("update", "SV-01", "--status", "in_progress", "--date", "2023")
    assert result.exit_code == 0, result.stderr
    assert path.read_text() == text + (
        f"      - date: 2023\n        recorded: {dt.date.today()}\n        status: in_progress\n"
    )


def test_update_cli_usage_errors(isolated: Path, mirps: Callable[..., Run]) -> None:
    missing_status = mirps("update", "HN-03", "--plans", str(SHIPPED_PLANS))
    assert missing_status.exit_code == 2
    assert "--status" in missing_status.stderr
    no_plans = mirps("update", "HN-03", "--status", "planned")
    assert no_plans.exit_code == 2
    assert "plans folder 'plans' not found" in no_plans.stderr


def test_refusals_in_spanish(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    result = mirps("update", "HN-03", "--status", "hecho", "--lang", "es")
    assert result.exit_code == 1
    assert "estado desconocido 'hecho'" in result.stderr
    early = mirps("update", "HN-03", "--status", "cumplido", "--date", "2017", "--lang", "es")
    assert "es anterior a su última entrada de estado (2018-02)" in early.stderr
    done = mirps("update", "HN-03", "--status", "cumplido", "--date", "2023", "--lang", "es")
    assert done.exit_code == 0
    assert done.stdout.startswith("HN-03: cumplido el 2023 (líneas ")


def test_an_entry_written_wrong_is_caught_before_writing(
    plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The safety net compares the written entry with the one asked for."""
    monkeypatch.setattr("mirps_cli.update.text.scalar", lambda value: "something else")
    path = plans_copy / "national" / "HN.yaml"
    before = path.read_bytes()
    with pytest.raises(UpdateRefused, match="without changing something else in the plan"):
        prepare_update(plans_copy, StatusUpdate("HN-03", "fulfilled", "2023", "A note"), TODAY)
    assert path.read_bytes() == before


def test_update_records_when_and_by_whom_it_was_reported(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    path = plans_copy / "national" / "PA.yaml"
    before = path.read_bytes()
    result = mirps(
        "update",
        "PA-02",
        "--status",
        "in_progress",
        "--date",
        "2024-02",
        "--reported",
        "2024-03-10",
        "--reporter",
        "el Estado",
    )
    assert result.exit_code == 0, result.stderr
    assert _added_only(before, path.read_bytes()) == [
        "      - date: 2024-02\n",
        "        reported: 2024-03-10\n",
        "        reporter: state\n",
        "        status: in_progress\n",
    ]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--reporter", "the press"], "unknown reporter 'the press'"),
        (["--date", "2024-05", "--reported", "2024-04"], "M309"),
        (["--reported", "soon"], "'soon' is not a date"),
    ],
)
def test_bad_reports_are_refused(
    plans_copy: Path, mirps: Callable[..., Run], args: list[str], said: str
) -> None:
    before = {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    result = mirps("update", "PA-02", "--status", "in_progress", *args)
    assert result.exit_code == 1
    assert said in result.stderr
    assert before == {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}


def test_update_reaches_a_milestone(plans_copy: Path, mirps: Callable[..., Run]) -> None:
    """A milestone is a tracked item: update appends to its own history, nothing else."""
    path = plans_copy / "national" / "CR.yaml"
    text = path.read_text()
    # A third milestone, still without a status, to update.
    marker = "    indicators:\n      - name: Asylum seekers assisted"
    path.write_text(
        text.replace(marker, "      - id: CR-03.3\n        title: Next phase\n" + marker)
    )
    before = path.read_bytes()
    result = mirps("update", "cr-03.3", "--status", "planned", "--date", "2026-02")
    assert result.exit_code == 0, result.stderr
    assert _added_only(before, path.read_bytes()) == [
        "        status_history:\n",
        "          - date: 2026-02\n",
        "            status: planned\n",
    ]
    tree = validate_tree(plans_copy, TODAY).tree
    _, milestone = tree.find_tracked("CR-03.3")[1:]
    assert milestone.status == "planned"


def test_update_reaches_work_plan_activities_and_events(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    """Activities and events are tracked items too: their ids carry the plan's year."""
    path = plans_copy / "regional" / "2022.yaml"
    activity = mirps("update", "2022:1.1", "--status", "en curso", "--date", "2022-06")
    assert activity.exit_code == 0, activity.stderr
    assert activity.stdout.startswith("2022:1.1: in_progress on 2022-06")
    event = mirps("update", "2022:virtual-meeting-1", "--status", "aplazado", "--date", "2022-03")
    assert event.exit_code == 0, event.stderr
    wrong = mirps("update", "2022:virtual-meeting-1", "--status", "fulfilled")
    assert wrong.exit_code == 1
    assert "unknown status 'fulfilled': use one of scheduled, held, postponed, cancelled" in (
        wrong.stderr
    )
    tree = validate_tree(plans_copy, TODAY).tree
    assert tree.find_tracked("2022:1.1").item.status == "in_progress"
    assert tree.find_tracked("2022:virtual-meeting-1").item.status == "postponed"
    assert "status: postponed" in path.read_text()


def test_two_updates_at_once_keep_both_entries(plans_copy: Path, tmp_path: Path) -> None:
    """Overlapping runs once lost an entry (8 of 60 pairs): the plans' lock makes them take
    turns, and each reads what the other wrote. Each run has a cache folder of its own (two
    users, sudo, a container): the lock once lived in the cache folder, and such runs lost
    entries (3 of 280)."""
    import os
    import subprocess
    import sys

    pairs = 6
    for n in range(pairs):
        runs = [
            subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "mirps_cli",
                    "update",
                    ident,
                    "--status",
                    "in_progress",
                    "--date",
                    "2026-01",
                    "--note",
                    f"run {n} of {ident}",
                    "--plans",
                    str(plans_copy),
                ],
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                env={**os.environ, "MIRPS_CACHE_DIR": str(tmp_path / f"cache-{ident}")},
            )
            for ident in ("PA-01", "PA-02")
        ]
        for run in runs:
            _, err = run.communicate(timeout=120)
            assert run.returncode == 0, err.decode()
    text = (plans_copy / "national" / "PA.yaml").read_text(encoding="utf-8")
    for n in range(pairs):
        assert f"run {n} of PA-01" in text and f"run {n} of PA-02" in text
    assert not list(plans_copy.rglob("*.tmp"))


def test_update_reaches_a_tracked_working_group_priority(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    """A priority written as {id, text} is tracked; written as text, it is not."""
    path = plans_copy / "regional" / "2022.yaml"
    plain = (
        "      - In 2022, the group's discussions will focus on data/ statistics and early"
        " warning systems.\n"
    )
    tracked = (
        "      - id: internal-displacement.2\n"
        "        text: In 2022, the group's discussions will focus on data/ statistics and early"
        " warning systems.\n"
    )
    text = path.read_text(encoding="utf-8")
    assert plain in text
    path.write_text(text.replace(plain, tracked), encoding="utf-8")
    before = path.read_bytes()
    result = mirps(
        "update", "2022:internal-displacement.2", "--status", "in_progress", "--date", "2022-09"
    )
    assert result.exit_code == 0, result.stderr
    assert _added_only(before, path.read_bytes()) == [
        "        status_history:\n",
        "          - date: 2022-09\n",
        "            status: in_progress\n",
    ]
    tree = validate_tree(plans_copy, TODAY).tree
    assert tree.find_tracked("2022:internal-displacement.2").item.status == "in_progress"


def test_update_after_line_separators_inside_an_earlier_quoted_value(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    # The C parser counts NEL and U+2028 as line breaks (YAML 1.1); an editor does not.
    before = (
        "country: SV\ncommitments:\n"
        '  - id: SV-01\n    title: "one\u2028two\u0085three"\n'
        "    status_history:\n      - date: 2020\n        status: planned\n"
        "  - id: SV-02\n    title: T\n"
    ).encode()
    path = national_plan(isolated, "SV.yaml", before)
    result = mirps("update", "SV-01", "--status", "fulfilled", "--date", "2021")
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert "lines 8-10" in result.stdout
    after = path.read_bytes()
    assert _added_only(before, after) == ["      - date: 2021\n", "        status: fulfilled\n"]
    assert after.decode().split("\n")[7:10] == [
        "      - date: 2021",
        f"        recorded: {dt.date.today()}",
        "        status: fulfilled",
    ]


def test_an_aliased_last_entry_is_refused_by_name(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    before = (
        b"country: SV\ncommitments:\n"
        b"  - id: SV-01\n    title: T\n    status_history:\n"
        b"      - &planned\n        date: 2020\n        status: planned\n"
        b"  - id: SV-02\n    title: U\n    status_history:\n      - *planned\n"
    )
    path = national_plan(isolated, "SV.yaml", before)
    refused = mirps("update", "SV-02", "--status", "fulfilled", "--date", "2021")
    assert refused.exit_code == 1
    assert refused.stdout == ""
    assert "is an alias (*name)" in refused.stderr and "report" not in refused.stderr
    assert path.read_bytes() == before
    # The entry that holds the anchor can still be updated; the alias keeps pointing at it.
    done = mirps("update", "SV-01", "--status", "fulfilled", "--date", "2021")
    assert done.exit_code == 0, done.stderr
    assert _added_only(before, path.read_bytes()) == [
        "      - date: 2021\n",
        "        status: fulfilled\n",
    ]


def test_a_commitment_in_flow_style_is_refused_naming_the_reason(
    isolated: Path, mirps: Callable[..., Run]
) -> None:
    before = (
        b"country: SV\ncommitments:\n"
        b"  - {id: SV-01, title: T, status_history: [{date: 2020, status: planned}]}\n"
    )
    path = national_plan(isolated, "SV.yaml", before)
    refused = mirps("update", "SV-01", "--status", "fulfilled", "--date", "2021", "--lang", "es")
    assert refused.exit_code == 1
    assert "lista en línea" in refused.stderr and "report" not in refused.stderr
    assert path.read_bytes() == before


def test_the_update_lock_lives_with_the_plans_never_in_a_cache_folder(tmp_path: Path) -> None:
    from mirps_cli.update.lock import lock_path, plans_locked

    plain = tmp_path / "plain" / "plans"
    plain.mkdir(parents=True)
    assert lock_path(plain) == plain / ".mirps-update.lock"
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "data" / "plans").mkdir(parents=True)
    assert lock_path(repo / "data" / "plans") == (repo / ".git" / "mirps-update.lock").resolve()
    # A worktree's .git is a file naming its git folder.
    worktree = tmp_path / "worktree"
    (worktree / "plans").mkdir(parents=True)
    (tmp_path / "gitdirs" / "wt").mkdir(parents=True)
    (worktree / ".git").write_text("gitdir: ../gitdirs/wt\n", encoding="utf-8")
    assert (
        lock_path(worktree / "plans").resolve()
        == (tmp_path / "gitdirs" / "wt" / "mirps-update.lock").resolve()
    )
    with plans_locked(plain):
        assert (plain / ".mirps-update.lock").exists()


def test_an_update_lock_that_cannot_be_taken_is_one_sentence(tmp_path: Path) -> None:
    import os

    from mirps_cli.errors import MirpsError
    from mirps_cli.update.lock import plans_locked

    if os.geteuid() == 0:
        # root writes anywhere: a file where the folder should be stands for one it cannot write.
        folder = tmp_path / "not-a-folder"
        folder.write_text("", encoding="utf-8")
    else:
        folder = tmp_path / "read-only"
        folder.mkdir()
        folder.chmod(0o500)
    with pytest.raises(MirpsError) as caught, plans_locked(folder):
        pass
    assert "cannot take the update lock" in caught.value.message.en
    assert "bloqueo de actualización" in caught.value.message.es


def test_an_entry_that_only_repeats_the_status_is_refused(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    """It once appended a second identical `fulfilled`, today, without a word."""
    before = {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    result = mirps("update", "HN-01", "--status", "fulfilled")
    assert result.exit_code == 1
    assert "HN-01 is already fulfilled" in result.stderr and "--note" in result.stderr
    assert before == {p: p.read_bytes() for p in plans_copy.rglob("*.yaml")}
    spanish = mirps("update", "HN-01", "--status", "cumplido", "--lang", "es")
    assert spanish.exit_code == 1 and "HN-01 ya está cumplido" in spanish.stderr
    # With what is new, the same status is an entry like any other.
    noted = mirps("update", "HN-01", "--status", "fulfilled", "--note", "Regulations published")
    assert noted.exit_code == 0, noted.stderr


def test_a_write_removes_its_own_leftovers_from_a_killed_run(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    """A kill between creating the temporary file and renaming it left it there forever."""
    import time

    folder = plans_copy / "national"
    old = folder / ".PA.yaml.k1ll3d.tmp"
    old.write_text("half a plan", encoding="utf-8")
    os.utime(old, (time.time() - 3600, time.time() - 3600))
    young = folder / ".PA.yaml.st1ll.tmp"  # another run's, written after this one started
    young.write_text("being written", encoding="utf-8")
    os.utime(young, (time.time() + 3600, time.time() + 3600))
    other = folder / ".HN.yaml.k1ll3d.tmp"  # another file's leftover: not this write's
    other.write_text("x", encoding="utf-8")
    os.utime(other, (time.time() - 3600, time.time() - 3600))
    result = mirps("update", "PA-02", "--status", "in_progress", "--date", "2026-01")
    assert result.exit_code == 0, result.stderr
    assert not old.exists() and young.exists() and other.exists()


def test_a_spanish_refusal_names_the_statuses_in_spanish(
    plans_copy: Path, mirps: Callable[..., Run]
) -> None:
    result = mirps("update", "PA-02", "--status", "terminado", "--lang", "es")
    assert result.exit_code == 1
    assert "cumplido (fulfilled)" in result.stderr and "en curso (in_progress)" in result.stderr


def _tracked_groups(text: str) -> list[tuple[tuple[str | int, ...], str]]:
    """Every list a sheet import or an update can add to in a national plan's text: each
    commitment's and milestone's history, each indicator's values."""
    from mirps_cli.yaml import parse

    data = parse(text).data
    groups: list[tuple[tuple[str | int, ...], str]] = []
    for n, commitment in enumerate(data.get("commitments") or []):
        groups.append((("commitments", n), "status_history"))
        for m, _ in enumerate(commitment.get("milestones") or []):
            groups.append((("commitments", n, "milestones", m), "status_history"))
        for i, _ in enumerate(commitment.get("indicators") or []):
            groups.append((("commitments", n, "indicators", i), "values"))
    return groups


ODD_PLANS = [
    CRLF_PLAN,
    "country: SV\ncommitments:\n  - id: SV-01\n    title: T",
    "country: SV\ncommitments:\n  - id: SV-01\n    status_history: []\n    title: T\n",
    "country: SV\ncommitments:\n  - id: SV-01\n    title: T\n    status_history:\n"
    "      - date: 2022\n        status: planned\n        sources: [\n"
    '          "https://example.org/a"\n        ]\n',
    "country: SV\ncommitments:\n-   # a comment first\n    id: SV-01\n    title: T\n"
    "    status_history:\n    -     date: 2022\n          status: planned\n\n# end\n",
    "country: SV\ncommitments:\n  - id: SV-01\n    title: T\n    status_history:\n"
    "    - {date: 2022, status: planned}\n    milestones:\n    - id: SV-01.1\n"
    "      title: M\n      status_history: [  ]   # none yet\n",
]


@pytest.mark.parametrize(
    "text",
    [p.read_text(encoding="utf-8") for p in sorted((SHIPPED_PLANS / "national").glob("*.yaml"))]
    + ODD_PLANS,
    ids=lambda t: t.split("\n", 1)[0][:20],
)
def test_places_told_by_the_parsers_events_are_the_node_trees(text: str) -> None:
    """Where each list's new entries go, their lines, and the line that changes: the same
    from yaml.shapes as from the composed nodes, for every list of the plan at once."""
    from mirps_cli.update.text import _place, _places_from_events, parser_lines
    from mirps_cli.yaml import compose

    groups = _tracked_groups(text)
    assert groups
    lines = parser_lines(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    renders = [lambda dash, keys: [f"{' ' * dash}- at {dash}, keys at {keys}"]]
    told = _places_from_events(text, lines, [(loc, key, renders) for loc, key in groups], newline)
    root = compose(text)
    composed = [_place(lines, root, loc, key, renders, newline) for loc, key in groups]
    assert told == composed


def test_a_plan_with_an_alias_is_placed_from_its_nodes() -> None:
    """The events do not tell an alias's text: those places come from the node tree, which
    refuses an aliased history by name."""
    from mirps_cli.update.text import Addition, _places_from_events, parser_lines, splice_many

    text = (
        "country: SV\ncommitments:\n  - id: SV-01\n    title: T\n    status_history: &h\n"
        "      - date: 2022\n        status: planned\n  - id: SV-02\n    title: U\n"
        "    status_history: *h\n"
    )
    groups = [(("commitments", 0), "status_history", [lambda d, k: ["x"]])]
    assert _places_from_events(text, parser_lines(text), groups, "\n") is None
    added = [Addition(("commitments", 1), "status_history", (("date", "2023"),))]
    with pytest.raises(UpdateRefused, match="alias"):
        splice_many(text, added)
