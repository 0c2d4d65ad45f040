"""`mirps translations`: the counts, a PO file out to translators and back into the plans.

The PO files mirps writes are read by Babel here as a translator's tool would, and checked by
gettext's own checker (`msgfmt --check`) where it is installed.
"""

from __future__ import annotations

import difflib
import json
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po

from tests.helpers import Run, readers_of, system_tool

Mirps = Callable[..., Run]


def _export(mirps: Mirps, plans: Path, *more: str) -> Path:
    out = plans.parent / "es.po"
    run = mirps(
        "translations", "export", "--lang", "es", "-o", str(out), "--plans", str(plans), *more
    )
    assert run.exit_code == 0, run.stderr
    return out


def _fill(
    po: Path, translate: Callable[[str, str], str | None], fuzzy: set[str] = frozenset()
) -> Path:  # type: ignore[assignment]
    with po.open("rb") as stream:
        catalog = read_po(stream)
    for message in catalog:
        if message.id:
            said = translate(str(message.context), str(message.id))
            message.string = said or ""
            if message.context in fuzzy:
                message.flags.add("fuzzy")
    done = po.with_name("es-traducido.po")
    with done.open("wb") as stream:
        write_po(stream, catalog)
    return done


def test_counts_say_per_file_which_texts_have_both_languages(
    mirps: Mirps, plans_copy: Path
) -> None:
    run = mirps("translations", "--plans", str(plans_copy))
    assert run.exit_code == 0 and run.stderr == ""
    lines = run.stdout.splitlines()
    assert lines[0].split() == ["file", "both", "without", "es", "without", "en"]
    rows = [line.split() for line in lines[1:-1]]
    assert [r[0] for r in rows] == sorted(r[0] for r in rows) and len(rows) == 9
    total = lines[-1].split()
    assert total[0] == "total"
    assert [int(n) for n in total[1:]] == [sum(int(r[n]) for r in rows) for n in (1, 2, 3)]
    as_json = json.loads(
        mirps(
            "translations", "--format", "json", "--missing", "en", "--plans", str(plans_copy)
        ).stdout
    )
    assert (
        sum(f["without_en"] for f in as_json["files"]) == len(as_json["missing"]) == int(total[3])
    )
    assert all(m["en"] is None and m["es"] for m in as_json["missing"])
    spanish = mirps("translations", "--lang", "es", "--missing", "es", "--plans", str(plans_copy))
    assert (
        spanish.stdout.startswith("archivo")
        and "plans/national/HN.yaml: HN-03 › title: " in spanish.stdout
    )


def test_export_writes_a_po_file_translators_tools_read(mirps: Mirps, plans_copy: Path) -> None:
    po = _export(mirps, plans_copy)
    with po.open("rb") as stream:
        catalog = read_po(stream)
    assert str(catalog.locale) == "es"
    messages = {m.context: m for m in catalog if m.id}
    title = messages["national/HN.yaml: HN-03 › title"]
    assert title.id == "Map potentially contested land in future return areas"
    assert title.string == "" and title.locations[0][0] == "plans/national/HN.yaml"
    # The plan's own comment above a text is the translator's note.
    notes = messages["national/HN.yaml: notes"]
    assert any("sentence is cut" in c for c in notes.auto_comments)
    # A text already in Spanish is not asked for again; with --all it is, with its Spanish.
    assert "national/HN.yaml: HN-01 › title" not in messages
    review = _export(mirps, plans_copy, "--all")
    with review.open("rb") as stream:
        every = {m.context: m for m in read_po(stream) if m.id}
    assert every["national/HN.yaml: HN-01 › title"].string.startswith("Ley para la Prevención")
    assert len(every) > len(messages)


def test_the_po_file_passes_gettexts_own_check(mirps: Mirps, plans_copy: Path) -> None:
    msgfmt = system_tool("msgfmt", "apt-get install gettext")
    po = _export(mirps, plans_copy)
    check = subprocess.run(
        [msgfmt, "--check", "-o", "/dev/null", str(po)], capture_output=True, text=True
    )
    assert check.returncode == 0, check.stderr
    done = _fill(po, lambda _c, source: "ES " + source)
    check = subprocess.run(
        [msgfmt, "--check", "--statistics", "-o", "/dev/null", str(done)],
        capture_output=True,
        text=True,
    )
    assert (
        check.returncode == 0
        and "0 untranslated" not in check.stderr
        and " translated messages" in check.stderr
    )


def test_a_round_trip_leaves_the_spanish_report_without_english(
    mirps: Mirps, plans_copy: Path
) -> None:
    before = {p: p.read_text(encoding="utf-8") for p in sorted(plans_copy.rglob("*.yaml"))}
    report = mirps("report", "--year", "2022", "--lang", "es", "--plans", str(plans_copy))
    marks = re.compile(r"\S \\\[en\\\]")  # "Spain \[en\]": a text shown untranslated
    assert len(marks.findall(report.stdout)) > 50
    po = _export(mirps, plans_copy)
    done = _fill(po, lambda _c, source: "Traducido: " + source)
    run = mirps("translations", "import", str(done), "--plans", str(plans_copy), "--lang", "es")
    assert run.exit_code == 0, run.stderr
    assert re.search(
        r": 27[0-9] traducciones escritas en 9 archivos; 0 ya estaban, 0 sin aplicar", run.stdout
    )
    assert mirps("validate", "--plans", str(plans_copy)).exit_code == 0
    report = mirps("report", "--year", "2022", "--lang", "es", "--plans", str(plans_copy))
    assert report.exit_code == 0 and marks.findall(report.stdout) == []
    assert "Traducido: Map potentially contested land" in report.stdout
    # Line by line, only the translated values changed: each new line is a text in both
    # languages; each old line is a text's line.
    flow = re.compile(r"^\s*(- )?([\w]+: )?\[?\{en: .+, es: .+\}\]?$")  # a flow list stays one
    for path, old in before.items():
        new = path.read_text(encoding="utf-8")
        diff = list(difflib.ndiff(old.splitlines(), new.splitlines()))
        added = [d[2:] for d in diff if d.startswith("+ ")]
        removed = [d[2:] for d in diff if d.startswith("- ")]
        assert all(flow.match(line) for line in added), path
        assert len(removed) >= len(added)
        assert all(not line.lstrip().startswith("#") for line in removed), path
    again = mirps("translations", "import", str(done), "--plans", str(plans_copy), "--lang", "es")
    assert again.exit_code == 0 and "0 traducciones escritas en 0 archivos" in again.stdout


def test_changed_sources_fuzzy_entries_and_gone_places_are_named_not_applied(
    mirps: Mirps, plans_copy: Path
) -> None:
    po = _export(mirps, plans_copy)
    done = _fill(
        po,
        lambda context, source: "ES " + source if "HN.yaml" in context else None,
        fuzzy={"national/HN.yaml: HN-02 › title"},
    )
    text = done.read_text(encoding="utf-8")
    done.write_text(
        text.replace(
            'msgctxt "national/HN.yaml: HN-05 › title"', 'msgctxt "national/HN.yaml: HN-99 › title"'
        ),
        encoding="utf-8",
    )
    hn = plans_copy / "national/HN.yaml"
    hn.write_text(
        hn.read_text(encoding="utf-8").replace(
            "Map potentially contested land", "Map contested land"
        ),
        encoding="utf-8",
    )
    run = mirps("translations", "import", str(done), "--plans", str(plans_copy), "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert "national/HN.yaml: HN-03 › title: its source text changed since the export" in run.stderr
    assert "national/HN.yaml: HN-02 › title: marked fuzzy by its translator" in run.stderr
    assert "national/HN.yaml: HN-99 › title: this place is no longer in the plans" in run.stderr
    assert "3 not applied" in run.stdout
    written = hn.read_text(encoding="utf-8")
    assert (
        "es: ES Map" not in written
        and "Second profiling study of internally displaced persons (2004–2018)\n" in written
    )


def test_dry_run_shows_the_change_and_writes_nothing(mirps: Mirps, plans_copy: Path) -> None:
    done = _fill(
        _export(mirps, plans_copy), lambda c, s: "ES " + s if c.startswith("national/PA") else None
    )
    before = (plans_copy / "national/PA.yaml").read_bytes()
    run = mirps(
        "translations", "import", str(done), "--dry-run", "--plans", str(plans_copy), "--lang", "es"
    )
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("--- plans/national/PA.yaml")
    assert "se escribirían en 1 archivos" in run.stdout
    assert (plans_copy / "national/PA.yaml").read_bytes() == before


def test_a_file_that_is_no_po_file_is_refused_in_one_sentence(
    mirps: Mirps, plans_copy: Path
) -> None:
    bad = plans_copy.parent / "roto.po"
    bad.write_text('msgid "a"\nmsgstr "b"\nesto no es PO\n', encoding="utf-8")
    run = mirps("translations", "import", str(bad), "--plans", str(plans_copy), "--lang", "es")
    assert run.exit_code == 1 and run.stdout == ""
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and "no es un archivo PO que mirps pueda leer" in lines[0]
    other = plans_copy.parent / "fr.po"
    other.write_text(
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\nmsgid "a"\nmsgstr "b"\n', encoding="utf-8"
    )
    french = mirps("translations", "import", str(other), "--plans", str(plans_copy), "--lang", "es")
    assert french.exit_code == 1 and "no es ni en" in french.stderr


def test_the_dry_runs_diff_is_difflibs(mirps: Mirps, plans_copy: Path) -> None:
    """The diff is written from the known regions of the rewritten lines, as difflib would."""
    before = {p: p.read_text(encoding="utf-8") for p in sorted(plans_copy.rglob("*.yaml"))}
    done = _fill(_export(mirps, plans_copy), lambda _c, source: "Traducido: " + source)
    dry = mirps("translations", "import", str(done), "--dry-run", "--plans", str(plans_copy))
    assert dry.exit_code == 0, dry.stderr
    assert mirps("translations", "import", str(done), "--plans", str(plans_copy)).exit_code == 0
    expected = ""
    for path, old in before.items():
        shown = path.relative_to(plans_copy.parent).as_posix()
        expected += "".join(
            difflib.unified_diff(
                old.splitlines(keepends=True),
                path.read_text(encoding="utf-8").splitlines(keepends=True),
                shown,
                shown,
            )
        )
    assert expected.count("@@ ") > 30  # hunks in every file
    assert dry.stdout.startswith(expected)


def test_the_same_texts_round_trip_through_a_spreadsheet_form(
    mirps: Mirps, plans_copy: Path, tmp_path: Path
) -> None:
    """`-o es.xlsx` writes the PO file's entries as a workbook (place, text, a cell for the
    translation, note; a hidden sheet says what it is); filled in a spreadsheet program it is
    imported as a PO file is: the Spanish report has no [en] mark left."""
    import openpyxl

    form = tmp_path / "es.xlsx"
    run = mirps(
        "translations", "export", "--lang", "es", "-o", str(form), "--plans", str(plans_copy)
    )
    assert run.exit_code == 0 and run.stdout == ""
    count = int(re.search(r": (\d+) textos? para traducir", run.stderr).group(1))  # type: ignore[union-attr]
    with _export(mirps, plans_copy).open("rb") as stream:
        po = read_po(stream)
    assert count == len([m for m in po if m.id])
    book = openpyxl.load_workbook(form)
    sheet = book.worksheets[0]
    assert sheet.title == "Traducciones" and book["mirps"].sheet_state == "hidden"
    assert [c.value for c in sheet[1]] == ["Lugar", "Texto", "Traducción (es)", "Nota"]
    assert sheet.protection.sheet and not sheet.cell(2, 3).protection.locked
    assert sheet.cell(2, 1).protection.locked
    sources = {m.context: m.id for m in po if m.id}
    assert {r[0].value: r[1].value for r in sheet.iter_rows(min_row=2)} == sources
    for row in sheet.iter_rows(min_row=2):
        row[2].value = f"ES {row[1].value}"
    filled = tmp_path / "es-filled.xlsx"
    book.save(filled)
    done = mirps("translations", "import", str(filled), "--lang", "es", "--plans", str(plans_copy))
    assert done.exit_code == 0, done.stderr
    assert f"{count} traducciones escritas" in done.stdout + done.stderr
    report = mirps("report", "--year", "2022", "--lang", "es", "--plans", str(plans_copy))
    assert "[en]" not in report.stdout
    # The same form again adds nothing; a workbook that is no form is refused in one sentence.
    again = mirps("translations", "import", str(filled), "--lang", "es", "--plans", str(plans_copy))
    assert again.exit_code == 0 and "0 traducciones escritas" in again.stdout + again.stderr
    other = openpyxl.Workbook()
    other.active["A1"] = "Lugar"
    other.save(tmp_path / "other.xlsx")
    refused = mirps(
        "translations",
        "import",
        str(tmp_path / "other.xlsx"),
        "--lang",
        "es",
        "--plans",
        str(plans_copy),
    )
    assert refused.exit_code == 1 and refused.stdout == ""
    assert refused.stderr == (
        "mirps: other.xlsx: no es un formulario de traducción hecho con mirps translations export\n"
    )


def test_the_file_read_in_a_child_lands_as_one_read_here(
    mirps: Mirps, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The PO file is read by a forked child while the texts' places are found; where the
    system cannot fork, here: the same dry run either way, and a refused file said once."""
    import os

    from mirps_cli import forked, po

    done = _fill(_export(mirps, plans_copy), lambda _c, source: "Traducido: " + source)
    readers = readers_of(monkeypatch, po, "read_po")
    command = ("translations", "import", str(done), "--dry-run", "--plans", str(plans_copy))
    there = mirps(*command)
    assert readers == []  # read in the child: its list is its own
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    here = mirps(*command)
    assert readers == [os.getpid()]
    assert (there.exit_code, there.stdout, there.stderr) == (here.exit_code, here.stdout, "")
    assert here.exit_code == 0 and "+++ " in here.stdout
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    bad = plans_copy.parent / "roto.po"
    bad.write_text('msgid "a"\nmsgstr "b"\nesto no es PO\n', encoding="utf-8")
    refused = mirps("translations", "import", str(bad), "--plans", str(plans_copy))
    assert refused.exit_code == 1 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr
