"""`mirps sheet`: a national workbook exported, filled as people fill it, and imported.

Workbooks are written by mirps, filled here by openpyxl the way a focal point fills one
(date cells, serial numbers, typed dates, Spanish names in capitals, stray spaces, moved and
hidden columns), and read back; one is re-saved by LibreOffice for real.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pytest

from tests.helpers import SHIPPED_PLANS, Run, libreoffice_calc, readers_of

Mirps = Callable[..., Run]
TODAY = dt.date.today()


def _export(mirps: Mirps, plans: Path, country: str, *more: str) -> Path:
    out = plans.parent / f"{country}.xlsx"
    run = mirps(
        "sheet", "export", "--country", country, "-o", str(out), "--plans", str(plans), *more
    )
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    return out


def _fill(path: Path, sheet: str, cells: dict[str, object], to: Path | None = None) -> Path:
    book = openpyxl.load_workbook(path)
    for ref, value in cells.items():
        book[sheet][ref] = value
    target = to or path.with_name(path.stem + "-lleno.xlsx")
    book.save(target)
    return target


def _row_of(path: Path, sheet: str, ident: str) -> int:
    book = openpyxl.load_workbook(path)
    for row in book[sheet].iter_rows(min_row=2):
        if row[0].value == ident:
            return int(row[0].row)
    raise AssertionError(f"{ident} not in {sheet}")


def _import(mirps: Mirps, plans: Path, book: Path, *more: str) -> Run:
    return mirps("sheet", "import", str(book), "--plans", str(plans), *more)


# Export


def test_export_writes_a_workbook_a_team_can_fill_in(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "CR")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Instrucciones", "Compromisos", "Hitos", "Indicadores", "mirps"]
    sheet = book["Compromisos"]
    header = [c.value for c in sheet[1]]
    assert header[:8] == [
        "Id",
        "Compromiso",
        "Pilar",
        "Instituciones",
        "Estado actual",
        "Fecha del estado",
        "Fecha límite",
        "Alerta",
    ]
    assert header[8:] == [
        "Nuevo estado",
        "Fecha",
        "Informado por",
        "Nota",
        "Fuente (dirección web)",
    ]
    ids = [row[0].value for row in sheet.iter_rows(min_row=2)]
    assert ids == ["CR-02", "CR-03"]
    # What the plans say is locked; the columns to fill are open; protected without a password.
    assert sheet.protection.sheet and not sheet.protection.password
    assert sheet["A2"].protection.locked and sheet["B2"].protection.locked
    assert not sheet["I2"].protection.locked and not sheet["M3"].protection.locked
    assert sheet.freeze_panes == "B2"
    assert sheet["J2"].number_format == "dd/mm/yyyy"
    assert sheet.column_dimensions["B"].width >= 40
    lists = {str(v.sqref): v.formula1 for v in sheet.data_validations.dataValidation}
    assert lists["I2:I3"] == '"planificado,en curso,cumplido,suspendido,cancelado"'
    assert "Estado" in lists["K2:K3"] and "Sociedad civil" in lists["K2:K3"]
    # The current status with its date, in the sheet's language.
    row = {c.value: v.value for c, v in zip(sheet[1], sheet[3], strict=True)}
    assert row["Estado actual"] == "cumplido"
    milestone = {c.value: v.value for c, v in zip(book["Hitos"][1], book["Hitos"][2], strict=True)}
    assert milestone["Id"] == "CR-03.1" and milestone["Fecha del estado"] == "10/11/2023"
    # The hidden marks: the plan, its digest, the day.
    marks = book["mirps"]
    assert marks.sheet_state == "hidden"
    said = {r[0].value: r[1].value for r in marks.iter_rows()}
    assert said["country"] == "CR" and said["plan"] == "national/CR.yaml"
    assert (
        said["sha256"] == hashlib.sha256((plans_copy / "national/CR.yaml").read_bytes()).hexdigest()
    )
    assert said["exported"] == TODAY.isoformat()
    text = "\n".join(str(r[0].value or "") for r in book["Instrucciones"].iter_rows())
    for words in ("cumplido", "15/03/2023", "no tiene contraseña", "Secretaría Técnica"):
        assert words in text


def test_export_speaks_the_countrys_language_unless_told(mirps: Mirps, plans_copy: Path) -> None:
    belize = openpyxl.load_workbook(_export(mirps, plans_copy, "BZ"))
    assert belize.sheetnames[:3] == ["Instructions", "Commitments", "Milestones"]
    assert belize["Commitments"]["J2"].number_format == "yyyy-mm-dd"
    honduras = openpyxl.load_workbook(_export(mirps, plans_copy, "HN", "--lang", "en"))
    assert honduras.sheetnames[:2] == ["Instructions", "Commitments"]
    text = "\n".join(str(r[0].value or "") for r in honduras["Instructions"].iter_rows())
    assert "Where to send it" in text


def test_export_of_every_member_writes_one_workbook_each(mirps: Mirps, plans_copy: Path) -> None:
    out = plans_copy.parent / "libros"
    run = mirps(
        "sheet", "export", "-o", str(out), "--plans", str(plans_copy), "--send-to", "st@example.org"
    )
    assert run.exit_code == 0, run.stderr
    names = sorted(p.name for p in out.iterdir())
    assert names == [f"{c}.xlsx" for c in ("BZ", "CR", "GT", "HN", "MX", "PA", "SV")]
    assert run.stdout.count(".xlsx:") == 7 and "HN, 5 compromisos" in run.stdout
    text = "\n".join(
        str(r[0].value or "")
        for r in openpyxl.load_workbook(out / "GT.xlsx")["Instrucciones"].iter_rows()
    )
    assert "st@example.org" in text


def test_workbooks_written_on_two_cores_are_the_ones_written_on_one(
    plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from functools import partial

    from mirps_cli.sheet import export
    from mirps_cli.validate import validate_tree

    tree = validate_tree(plans_copy, TODAY).tree
    jobs = [
        (len(plan.commitments), partial(export.export_book, f, plan, "es", TODAY, None))
        for f, plan in tree.national_plans()
    ]
    alone = export.export_many(jobs)  # the shipped plans are too small to fork for
    monkeypatch.setattr(export, "_FORK_FROM", 0)
    shared = export.export_many(jobs)
    assert (
        [b.country for b in shared]
        == [b.country for b in alone]
        == ["BZ", "CR", "GT", "HN", "MX", "PA", "SV"]
    )
    assert [(b.lang, b.commitments, b.milestones, b.indicators) for b in shared] == [
        (b.lang, b.commitments, b.milestones, b.indicators) for b in alone
    ]
    for one, two in zip(alone, shared, strict=True):
        books = [openpyxl.load_workbook(io.BytesIO(b.data)) for b in (one, two)]
        sheets = [[[c.value for c in row] for row in b["Compromisos"].iter_rows()] for b in books]
        assert sheets[0] == sheets[1] and len(sheets[0]) > 1


def test_the_childs_workbooks_are_read_while_this_process_writes_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A workbook is larger than a pipe holds: when the child wrote each into the pipe as it
    was made, it waited on its first one until this process had written its own. Here this
    process's job waits for the child's second job, which runs only once the first (1 MB)
    is done and out of the child's way."""
    import time

    from mirps_cli.sheet import export

    marker = tmp_path / "second-started"

    def book(data: bytes, country: str) -> export.Exported:
        return export.Exported(data, country, "es", 1, 0, 0)

    def mine() -> export.Exported:
        deadline = time.monotonic() + 30
        while not marker.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        return book(b"saw it" if marker.exists() else b"waited in vain", "HN")

    def second() -> export.Exported:
        marker.write_text("")
        return book(b"small", "SV")

    monkeypatch.setattr(export, "_FORK_FROM", 0)
    jobs = [(100, mine), (60, lambda: book(b"x" * 1_000_000, "MX")), (30, second)]
    done = export.export_many(jobs)
    assert [b.data for b in done] == [b"saw it", b"x" * 1_000_000, b"small"]
    assert [b.country for b in done] == ["HN", "MX", "SV"]


@pytest.mark.parametrize("width", [1, 5, 12, 30, 47])
def test_wrapped_lines_counts_what_textwrap_makes(width: int) -> None:
    import random
    import textwrap

    from mirps_cli.xlsx import wrapped_lines

    shipped = [
        line
        for path in sorted(SHIPPED_PLANS.rglob("*.yaml"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    pieces = ["a", "bb", "word", "palabra", "x" * 20, " ", " ", " ", "  ", "-", "\t", "\u00a0"]
    rng = random.Random(width)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    for line in [*shipped, *made, "", " ", "a b", "a  b", " a", "a "]:
        assert wrapped_lines(line, width) == len(textwrap.wrap(line, width)), (line, width)


def test_export_refuses_a_bad_target_before_any_work(mirps: Mirps, plans_copy: Path) -> None:
    inside = mirps(
        "sheet", "export", "-c", "HN", "-o", str(plans_copy / "HN.xlsx"), "--plans", str(plans_copy)
    )
    assert inside.exit_code == 2 and "inside the plans folder" in inside.stderr
    assert not (plans_copy / "HN.xlsx").exists()
    unknown = mirps("sheet", "export", "-c", "ZZ", "--plans", str(plans_copy))
    assert unknown.exit_code == 2 and "not a MIRPS member" in unknown.stderr
    # Without -o, an existing workbook (perhaps filled in) is never replaced.
    first = mirps("sheet", "export", "-c", "HN", "--plans", str(plans_copy))
    assert first.exit_code == 0 and Path("HN.xlsx").is_file()
    again = mirps("sheet", "export", "-c", "HN", "--plans", str(plans_copy))
    assert again.exit_code == 2 and "exists" in again.stderr
    assert again.stdout == ""


# Import


def test_a_filled_workbook_lands_as_dated_entries(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    plan = plans_copy / "national/HN.yaml"
    old = plan.read_bytes()
    filled = _fill(
        path,
        "Compromisos",
        {
            # A date cell, a typed Spanish date, a serial number, ISO text.
            "I2": "Cumplido",
            "J2": dt.datetime(2024, 3, 15),
            "L2": "Se publicó el reglamento.",
            "M2": " https://example.org/a \n https://example.org/b ",
            "I3": "CUMPLIDO",
            "J3": "15/03/2023",
            "L3": "  Nota con   espacios  ",
            "I4": "en curso",
            "J4": 45000,  # 2023-03-15
            "K4": "estado",
            "L4": 'Con "comillas": y dos puntos',
            "I5": "In Progress",
            "J5": "2023-05",
            "K5": "sociedad civil",
            "L5": "Avance.",
        },
    )
    run = _import(mirps, plans_copy, filled)
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    assert "4 entradas agregadas a" in run.stdout
    assert "HN-01: cumplido el 2024-03-15 (Compromisos, fila 2)" in run.stdout
    new = plan.read_text(encoding="utf-8")
    assert "      - date: 2024-03-15\n        recorded: " in new
    assert "          - https://example.org/a\n          - https://example.org/b\n" in new
    assert "note: Nota con espacios\n" in new
    assert 'note: "Con \\"comillas\\": y dos puntos"' in new
    assert "      - date: 2023-03-15\n" in new and "reporter: state\n" in new
    assert "date: 2023-05\n" in new and "reporter: civil_society\n" in new
    # Nothing but the new lines: every old line is there, in its order.
    old_lines = old.decode().splitlines(keepends=True)
    kept = iter(new.splitlines(keepends=True))
    assert all(any(line == seen for seen in kept) for line in old_lines)
    assert len(new.splitlines()) == len(old_lines) + 7 + 4 + 5 + 5  # the four entries' lines
    status = mirps("status", "HN-03", "--plans", str(plans_copy))
    assert status.exit_code == 0 and "2023-03-15" in status.stdout
    assert mirps("validate", "--plans", str(plans_copy)).exit_code == 0


def test_the_same_workbook_twice_adds_nothing_more(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "2023-03-15", "L3": "Hecho."})
    assert _import(mirps, plans_copy, filled).exit_code == 0
    after_first = (plans_copy / "national/HN.yaml").read_bytes()
    again = _import(mirps, plans_copy, filled)
    assert again.exit_code == 0, again.stderr
    assert "nada nuevo que agregar" in again.stdout and "1 fila ya en los planes" in again.stdout
    assert (plans_copy / "national/HN.yaml").read_bytes() == after_first


def test_dry_run_shows_the_diff_and_writes_nothing(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "2023-03-15", "L3": "Hecho."})
    old = (plans_copy / "national/HN.yaml").read_bytes()
    run = _import(mirps, plans_copy, filled, "--dry-run", "--lang", "en")
    assert run.exit_code == 0, run.stderr
    assert run.stdout.startswith("--- ")
    assert (
        "+      - date: 2023-03-15\n" in run.stdout and "+        status: fulfilled\n" in run.stdout
    )
    assert "1 entry would be added" in run.stdout and "nothing written" in run.stdout
    assert (plans_copy / "national/HN.yaml").read_bytes() == old


def test_the_workbook_read_in_a_child_lands_as_one_read_here(
    mirps: Mirps, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The workbook is read by a forked child while the plans load; where the system cannot
    fork, here: the same import either way, and a refused workbook said once."""
    import os

    from mirps_cli import forked
    from mirps_cli.sheet import land

    path = _export(mirps, plans_copy, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "2023-03-15", "L3": "Hecho."})
    readers = readers_of(monkeypatch, land, "read_workbook")
    forked_run = _import(mirps, plans_copy, filled, "--dry-run", "--lang", "en")
    assert readers == []  # read in the child: its list is its own
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    here = _import(mirps, plans_copy, filled, "--dry-run", "--lang", "en")
    assert readers == [os.getpid()]
    assert (
        (forked_run.exit_code, forked_run.stdout)
        == (here.exit_code, here.stdout)
        == (
            0,
            here.stdout,
        )
    )
    assert "1 entry would be added" in here.stdout
    monkeypatch.setattr(forked, "can_fork", lambda: True)
    broken = plans_copy.parent / "roto.xlsx"
    broken.write_bytes(b"no es un libro")
    refused = _import(mirps, plans_copy, broken, "--lang", "es")
    assert refused.exit_code == 1 and refused.stdout == ""
    assert len(refused.stderr.strip().splitlines()) == 1, refused.stderr


def test_the_dry_runs_diff_is_difflibs(mirps: Mirps, plans_copy: Path) -> None:
    """The diff is written from the known places of the added lines, as difflib would."""
    import difflib

    path = _export(mirps, plans_copy, "CR")
    milestone = _row_of(path, "Hitos", "CR-03.2")
    filled = _fill(path, "Compromisos", {"I2": "en curso", "J2": "2024-01-05", "L2": "Uno."})
    filled = _fill(
        filled,
        "Hitos",
        {f"H{milestone}": "cumplido", f"I{milestone}": "2026-02", f"K{milestone}": "Dos."},
        to=filled,
    )
    plan = plans_copy / "national/CR.yaml"
    old = plan.read_text(encoding="utf-8")
    dry = _import(mirps, plans_copy, filled, "--dry-run")
    assert dry.exit_code == 0, dry.stderr
    assert _import(mirps, plans_copy, filled).exit_code == 0
    new = plan.read_text(encoding="utf-8")
    expected = "".join(
        difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            "plans/national/CR.yaml",
            "plans/national/CR.yaml",
        )
    )
    assert expected.count("@@ ") == 2
    assert dry.stdout.startswith(expected)


def test_every_problem_is_told_at_once_and_nothing_is_written(
    mirps: Mirps, plans_copy: Path
) -> None:
    path = _export(mirps, plans_copy, "HN")
    old = (plans_copy / "national/HN.yaml").read_bytes()
    filled = _fill(
        path,
        "Compromisos",
        {
            "I2": "cumplido",  # a good row: it waits for the others
            "J2": "2024-01-10",
            "L2": "Bien.",
            "I3": "terminado",
            "J3": "15/03/2023",
            "I4": "en curso",
            "J4": "31/02/2023",
            "I5": "cumplido",
            "J5": (TODAY + dt.timedelta(days=40)).isoformat(),
            "K5": "el presidente",
            "I6": "cumplido",  # no date
            "M6": "no es una dirección",
        },
    )
    run = _import(mirps, plans_copy, filled)
    assert run.exit_code == 1
    assert run.stdout == ""
    err = run.stderr
    assert (
        f"{filled.name} › Compromisos › I3 (HN-02): error S301 “terminado” no es un estado; "
        "use uno de planificado, en curso, cumplido, suspendido o cancelado\n"
    ) in err
    assert "› J4 (HN-03): error S303" in err
    assert "› J5 (HN-04): error S304" in err and "› K5 (HN-04): error S302" in err
    assert "› J6 (HN-05): error S204" in err and "› M6 (HN-05): error S307" in err
    assert err.count("    sugerencia: ") == 6
    assert err.rstrip().endswith("mirps: el libro tiene 6 problemas; no se escribió nada")
    assert (plans_copy / "national/HN.yaml").read_bytes() == old
    english = _import(mirps, plans_copy, filled, "--lang", "en")
    assert (
        "error S301 “terminado” is not a status; use one of planificado, en curso" in english.stderr
    )
    assert "    hint: Pick the status from the cell's drop-down list." in english.stderr


def test_columns_moved_hidden_renamed_and_blank_rows_are_read(
    mirps: Mirps, plans_copy: Path
) -> None:
    path = _export(mirps, plans_copy, "HN")
    book = openpyxl.load_workbook(path)
    sheet = book["Compromisos"]
    sheet.protection.sheet = False
    sheet.move_range("I1:M8", cols=3)  # the columns to fill, three to the right
    sheet.insert_rows(3, 2)  # two blank rows in the middle
    sheet.insert_rows(1)  # a title above the header
    sheet["A1"] = "Informe de Honduras, marzo"
    sheet.column_dimensions["B"].hidden = True
    sheet["L2"] = "new status"  # the header retitled in English, any case
    row = next(r[0].row for r in sheet.iter_rows(min_row=3) if r[0].value == "HN-03")
    sheet[f"L{row}"] = "cumplido"
    sheet[f"M{row}"] = "2023-03-15"
    sheet[f"O{row}"] = "Hecho."
    target = path.with_name("movido.xlsx")
    book.save(target)
    run = _import(mirps, plans_copy, target)
    assert run.exit_code == 0, run.stderr
    assert f"HN-03: cumplido el 2023-03-15 (Compromisos, fila {row})" in run.stdout


def test_milestones_and_indicator_values_land_in_their_lists(
    mirps: Mirps, plans_copy: Path
) -> None:
    path = _export(mirps, plans_copy, "CR")
    milestone = _row_of(path, "Hitos", "CR-03.2")
    indicator = _row_of(path, "Indicadores", "CR-03/1")
    filled = _fill(
        path,
        "Hitos",
        {f"H{milestone}": "cumplido", f"I{milestone}": "2026-02", f"K{milestone}": "Resultados."},
    )
    filled = _fill(
        filled,
        "Indicadores",
        {f"H{indicator}": "32,500", f"I{indicator}": "01/2024", f"J{indicator}": "Informe."},
        to=filled,
    )
    run = _import(mirps, plans_copy, filled)
    assert run.exit_code == 0, run.stderr
    assert (
        "CR-03.2: cumplido el 2026-02" in run.stdout
        and "CR-03/1: valor 32500 el 2024-01" in run.stdout
    )
    text = (plans_copy / "national/CR.yaml").read_text(encoding="utf-8")
    assert "        values:\n          - value: 32500\n            date: 2024-01\n" in text
    export = mirps("export", "--plans", str(plans_copy))
    assert export.exit_code == 0 and '"value": 32500' in export.stdout


def test_a_row_the_plan_moved_past_is_refused_by_name(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    update = mirps(
        "update",
        "HN-03",
        "--status",
        "fulfilled",
        "--date",
        "2023-04-02",
        "--note",
        "Done.",
        "--plans",
        str(plans_copy),
    )
    assert update.exit_code == 0, update.stderr
    stale = _fill(path, "Compromisos", {"I4": "cumplido", "J4": "2023-05-01", "L4": "Otra cosa."})
    run = _import(mirps, plans_copy, stale, "--lang", "en")
    assert run.exit_code == 1
    assert f"HN-03 was updated on {TODAY.isoformat()}, after this sheet was made" in run.stderr
    assert "S401" in run.stderr
    # The same old workbook is taken for a commitment that has not changed since.
    fresh = _fill(path, "Compromisos", {"I6": "en curso", "J6": "2023-05-01", "L6": "Avance."})
    accepted = _import(mirps, plans_copy, fresh)
    assert accepted.exit_code == 0, accepted.stderr
    assert "HN-05: en curso el 2023-05-01" in accepted.stdout


def test_ids_of_another_country_and_unknown_ids_are_refused(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    filled = _fill(
        path,
        "Compromisos",
        {
            "A3": "GT-01",
            "I3": "cumplido",
            "J3": "2023-01-01",
            "A4": "HN-99",
            "I4": "cumplido",
            "J4": "2023-01-01",
        },
    )
    run = _import(mirps, plans_copy, filled, "--lang", "en")
    assert run.exit_code == 1
    assert (
        "› A3 (GT-01): error S205 GT-01 is a commitment of Guatemala, not of Honduras" in run.stderr
    )
    assert "› A4 (HN-99): error S205 there is no HN-99 in Honduras's plan" in run.stderr
    other = _import(mirps, plans_copy, path, "--country", "GT", "--lang", "en")
    assert other.exit_code == 1 and "is Honduras's workbook, not Guatemala's" in other.stderr


def test_a_formula_without_a_saved_value_is_refused(mirps: Mirps, plans_copy: Path) -> None:
    path = _export(mirps, plans_copy, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "=DATE(2023,3,15)", "L3": "x"})
    run = _import(mirps, plans_copy, filled)
    assert (
        run.exit_code == 1
        and "› J3 (HN-02): error S306 tiene una fórmula sin valor guardado" in run.stderr
    )


@pytest.mark.parametrize(
    ("make", "said"),
    [
        (lambda p: p.write_text("id,status\nHN-03,cumplido\n"), "no es un libro de Excel (.xlsx)"),
        (lambda p: _rezip(p, {"xl/vbaProject.bin": b"\0" * 64}), "habilitado para macros (.xlsm)"),
        (lambda p: _rezip(p, {}, drop="mirps"), "no es un libro hecho por mirps"),
        (
            lambda p: _zip_of(p, {"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"}),
            "hoja de cálculo OpenDocument (.ods)",
        ),
        (lambda p: _encrypt(p), "protegido con contraseña (cifrado)"),
    ],
    ids=["text", "macros", "not-mirps", "ods", "encrypted"],
)
def test_files_that_are_no_mirps_workbook_are_refused_in_one_sentence(
    mirps: Mirps, plans_copy: Path, make: Callable[[Path], object], said: str
) -> None:
    path = _export(mirps, plans_copy, "HN")
    make(path)
    run = _import(mirps, plans_copy, path)
    assert run.exit_code == 1, run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and lines[0].startswith("mirps: ")
    assert "Traceback" not in run.stderr


def test_a_zip_bomb_and_an_oversized_file_are_refused(
    mirps: Mirps, plans_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mirps_cli.sheet import land

    path = _export(mirps, plans_copy, "HN")
    monkeypatch.setattr(land, "MAX_UNPACKED", 2_000_000)
    _rezip(path, {"xl/media/bomb.bin": b"\0" * 3_000_000})
    assert path.stat().st_size < 100_000  # small packed, large unpacked
    bomb = _import(mirps, plans_copy, path)
    assert bomb.exit_code == 1 and "se descomprime en 3" in bomb.stderr
    monkeypatch.setattr(land, "MAX_BOOK_SIZE", 1000)
    big = _import(mirps, plans_copy, path)
    assert big.exit_code == 1 and "más que el límite de 1,000" in big.stderr


def _rezip(path: Path, add: dict[str, bytes], drop: str | None = None) -> None:
    """The workbook with parts added (or its hidden sheet removed), zipped again."""
    if drop is not None:
        book = openpyxl.load_workbook(path)
        del book[drop]
        book.save(path)
    data = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    with zipfile.ZipFile(data) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        for name, content in add.items():
            target.writestr(name, content)
    path.write_bytes(out.getvalue())


def _zip_of(path: Path, parts: dict[str, bytes]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name, content in parts.items():
            target.writestr(name, content)
    path.write_bytes(out.getvalue())


def _encrypt(path: Path) -> None:
    """Encrypted with a password, as Excel does (ECMA-376 agile encryption)."""
    from msoffcrypto.format.ooxml import OOXMLFile

    plain = io.BytesIO(path.read_bytes())
    out = io.BytesIO()
    OOXMLFile(plain).encrypt("clave", out)
    path.write_bytes(out.getvalue())


# --commit


def _repo_with_plans(git: Callable[..., str], plans: Path) -> Path:
    import shutil

    repo = plans.parent / "repo"
    shutil.copytree(plans, repo / "plans")
    git("add", "-A")
    git("commit", "--quiet", "-m", "plans")
    return repo / "plans"


def test_commit_records_the_import_as_one_commit(
    mirps: Mirps, plans_copy: Path, git_repo: Callable[..., str]
) -> None:
    plans = _repo_with_plans(git_repo, plans_copy)
    path = _export(mirps, plans, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "2023-03-15", "L3": "Hecho."})
    run = _import(mirps, plans, filled, "--commit", "--branch", "hn-marzo")
    assert run.exit_code == 0, run.stderr
    assert "confirmado como" in run.stdout and "hn-marzo" in run.stdout
    assert git_repo("branch", "--show-current") == "hn-marzo"
    message = git_repo("log", "-1", "--format=%B")
    assert message.startswith(f"HN.yaml: 1 entry from {filled.name} (Honduras)")
    assert "- HN-02: fulfilled on 2023-03-15 (Compromisos, row 3)" in message
    assert (
        git_repo("show", "--stat", "--format=", "HEAD")
        .splitlines()[0]
        .strip()
        .startswith("plans/national/HN.yaml")
    )
    assert "plans/" not in git_repo("status", "--porcelain")  # the plans: all committed
    diff = mirps("diff", "main", "hn-marzo", "--plans", str(plans))
    assert diff.exit_code == 0 and "HN-02" in diff.stdout


def test_commit_is_refused_over_uncommitted_plan_changes(
    mirps: Mirps, plans_copy: Path, git_repo: Callable[..., str]
) -> None:
    plans = _repo_with_plans(git_repo, plans_copy)
    path = _export(mirps, plans, "HN")
    filled = _fill(path, "Compromisos", {"I3": "cumplido", "J3": "2023-03-15", "L3": "Hecho."})
    gt = plans / "national/GT.yaml"
    gt.write_text(gt.read_text(encoding="utf-8") + "# a change of its own\n", encoding="utf-8")
    old = (plans / "national/HN.yaml").read_bytes()
    run = _import(mirps, plans, filled, "--commit")
    assert run.exit_code == 1 and "uncommitted changes" not in run.stdout
    assert "cambios sin confirmar (plans/national/GT.yaml)" in run.stderr
    assert (plans / "national/HN.yaml").read_bytes() == old
    outside = _import(
        mirps,
        plans_copy,
        _fill(
            _export(mirps, plans_copy, "HN"),
            "Compromisos",
            {"I3": "cumplido", "J3": "2023-03-15", "L3": "x"},
        ),
        "--commit",
    )
    assert outside.exit_code == 2 and "git" in outside.stderr


# LibreOffice


def test_a_workbook_resaved_by_libreoffice_imports(mirps: Mirps, plans_copy: Path) -> None:
    soffice = libreoffice_calc()
    path = _export(mirps, plans_copy, "HN")
    # A formula LibreOffice computes and stores, and a typed date.
    filled = _fill(
        path,
        "Compromisos",
        {
            "I3": "cumplido",
            "J3": "=DATE(2023,3,15)",
            "L3": "Hecho.",
            "I4": "en curso",
            "J4": "01/04/2023",
            "L4": "Avance.",
        },
    )
    out = path.parent / "resaved"
    convert = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{path.parent / 'lo-profile'}",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(filled),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    resaved = out / filled.name
    assert convert.returncode == 0 and resaved.is_file(), convert.stderr
    assert resaved.read_bytes() != filled.read_bytes()
    run = _import(mirps, plans_copy, resaved)
    assert run.exit_code == 0, run.stderr
    assert (
        "HN-02: cumplido el 2023-03-15" in run.stdout
        and "HN-03: en curso el 2023-04-01" in run.stdout
    )


def test_help_and_validate_do_not_load_openpyxl() -> None:
    import subprocess as sp
    import sys

    from tests.helpers import SHIPPED_PLANS

    code = (
        "import sys\nfrom mirps_cli.cli.main import main\n"
        f"sys.argv = ['mirps', 'validate', '--plans', {str(SHIPPED_PLANS)!r}]\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy = ('openpyxl', 'xlsxwriter', 'defusedxml')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in heavy), file=sys.stderr)"
    )
    run = sp.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert run.stderr.splitlines()[-1] == "[]"
