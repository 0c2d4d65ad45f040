"""`mirps report --format docx`: a Word document read back by a real reader (python-docx),
and converted to PDF by LibreOffice."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.helpers import SHIPPED_PLANS, Run, system_tool

DRAFTED = {"SOURCE_DATE_EPOCH": "1764633600"}
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def plans(isolated: Path) -> Path:
    target = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, target)
    return target


def draft(mirps: Callable[..., Run], plans: Path, out: Path, *args: str) -> Run:
    return mirps(
        "report",
        "--plans",
        str(plans),
        "--year",
        "2022",
        "--format",
        "docx",
        "-o",
        str(out),
        *args,
        env=DRAFTED,
    )


def test_the_word_draft_has_headings_tables_pictures_links_and_placeholders(
    mirps: Callable[..., Run], plans: Path, tmp_path: Path
) -> None:
    import docx

    out = tmp_path / "informe.docx"
    result = draft(mirps, plans, out)
    assert (result.exit_code, result.stdout, result.stderr) == (0, "", "")
    document = docx.Document(str(out))
    styled = [(p.style.name, p.text) for p in document.paragraphs if p.style is not None]
    assert styled[0][0] == "Title" and styled[0][1].startswith("V Informe Anual")
    heads = [text for style, text in styled if style == "Heading 1"]
    assert "I. El MIRPS en los países" in heads and "A. Presentación" in heads
    assert "Honduras" in [text for style, text in styled if style == "Heading 2"]
    # Placeholders in a highlighted style of their own, easy to find.
    placeholders = [text for style, text in styled if style == "Placeholder"]
    assert placeholders and all(t.startswith("[Por redactar]") for t in placeholders)
    assert document.styles["Placeholder"].font.highlight_color is not None
    # Tables as Word tables, each header row repeated on every page.
    assert len(document.tables) > 5
    for table in document.tables:
        first = table.rows[0]._tr
        assert first.find(f"{W}trPr/{W}tblHeader") is not None
    assert document.tables[0].rows[0].cells[0].text == "Acrónimo"
    # Both charts as pictures.
    assert len(document.inline_shapes) == 2
    # Sources as links, to the addresses the plans give.
    links = [r.target_ref for r in document.part.rels.values() if r.reltype.endswith("/hyperlink")]
    assert links and all(link.startswith("https://") for link in links)
    # A table of contents field, and page numbers in the footer.
    body = document.element.xml
    assert 'TOC \\o "1-3"' in body
    assert "PAGE" in document.sections[0].footer._element.xml
    # Ids never break at their hyphen.
    assert "noBreakHyphen" in body
    assert document.core_properties.title.startswith("V Informe Anual")


def test_the_word_draft_is_reproducible(
    mirps: Callable[..., Run], plans: Path, tmp_path: Path
) -> None:
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    assert draft(mirps, plans, first).exit_code == 0
    assert draft(mirps, plans, second).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as archive:
        assert {i.date_time[:3] for i in archive.infolist()} == {(2025, 12, 2)}


def test_a_reference_doc_gives_its_styles_and_none_of_its_text(
    mirps: Callable[..., Run], plans: Path, tmp_path: Path
) -> None:
    import docx
    from docx.shared import Pt

    reference = docx.Document()
    reference.styles["Normal"].font.name = "Arial"
    reference.styles["Normal"].font.size = Pt(13)
    reference.add_paragraph("TEMPLATE BODY TEXT")
    path = tmp_path / "plantilla.docx"
    reference.save(str(path))
    out = tmp_path / "informe.docx"
    result = draft(mirps, plans, out, "--reference-doc", str(path))
    assert result.exit_code == 0, result.stderr
    made = docx.Document(str(out))
    assert made.styles["Normal"].font.name == "Arial"
    assert made.styles["Normal"].font.size == Pt(13)
    assert "TEMPLATE BODY TEXT" not in [p.text for p in made.paragraphs]
    assert made.paragraphs[0].style.name == "Title"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--reference-doc", "notes.txt"], "not a Word document"),
        (["--reference-doc", "missing.docx"], "is not a file"),
    ],
)
def test_a_bad_reference_doc_is_a_usage_error(
    mirps: Callable[..., Run], plans: Path, tmp_path: Path, args: list[str], message: str
) -> None:
    (Path.cwd() / "notes.txt").write_text("not a document", encoding="utf-8")
    out = tmp_path / "informe.docx"
    result = draft(mirps, plans, out, *args)
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    assert message in result.stderr and "Traceback" not in result.stderr
    assert not out.exists()


def test_reference_doc_needs_the_word_format(mirps: Callable[..., Run], plans: Path) -> None:
    (Path.cwd() / "t.docx").write_bytes(b"")
    result = mirps("report", "--plans", str(plans), "--reference-doc", "t.docx")
    assert result.exit_code == 2
    assert "--format docx only" in result.stderr and result.stdout == ""


def test_the_word_draft_goes_to_a_redirected_stdout(plans: Path, tmp_path: Path) -> None:
    import os
    import sys

    out = tmp_path / "stdout.docx"
    with out.open("wb") as target:
        run = subprocess.run(
            [
                sys.executable,
                "-m",
                "mirps_cli",
                "report",
                "--plans",
                str(plans),
                "--format",
                "docx",
            ],
            stdout=target,
            stderr=subprocess.PIPE,
            env={**os.environ, **DRAFTED},
        )
    assert run.returncode == 0, run.stderr
    assert zipfile.is_zipfile(out)


def test_libreoffice_converts_the_word_draft_to_pdf(
    mirps: Callable[..., Run], plans: Path, tmp_path: Path
) -> None:
    soffice = system_tool("soffice", "apt-get install libreoffice-writer-nogui")
    out = tmp_path / "informe.docx"
    assert draft(mirps, plans, out).exit_code == 0
    profile = tmp_path / "lo-profile"
    converted = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    pdf = tmp_path / "informe.pdf"
    assert converted.returncode == 0, converted.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    # Read back by LibreOffice as text too: the chapters and the placeholders are there.
    as_text = subprocess.run(
        [
            soffice,
            f"-env:UserInstallation={profile.as_uri()}",
            "--headless",
            "--convert-to",
            "txt:Text (encoded):UTF8",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=240,
    )
    assert as_text.returncode == 0, as_text.stderr
    text = (tmp_path / "informe.txt").read_text(encoding="utf-8-sig")
    assert "I. El MIRPS en los países" in text and "[Por redactar]" in text
    assert "Honduras" in text
