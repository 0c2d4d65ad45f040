"""`mirps report` as a Word document, from the same Markdown as every other format, so the
three say the same: headings as Word's heading styles (the navigation pane and the table of
contents work), a table of contents, page numbers, Word tables whose header row repeats on
each page, the charts as pictures, sources as links, and the drafting team's placeholders in
a highlighted style of their own. python-docx writes the file; this module alone imports it.

`reference_doc` takes the styles (and page set-up, headers and footers) of the Secretariat's
own template, as pandoc's option of that name does: its body is dropped, its styles kept, and
a style this document needs that the template lacks is added.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import secrets
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from mirps_cli.errors import UsageError
from mirps_cli.output import report_markdown
from mirps_cli.output.report_words import TITLE, WORDS
from mirps_cli.report.views import Report

if TYPE_CHECKING:
    from docx.document import Document as WordDocument
    from docx.table import _Cell
    from docx.text.paragraph import Paragraph

PLACEHOLDER_STYLE = "Placeholder"  # the drafting team's "[To be drafted]" paragraphs
CHART_WIDTH_CM = 16.0
# An id such as BZ-01 or CR-03.1: its hyphen is Word's non-breaking hyphen, so a line never
# ends in "BZ-" with "01" on the next.
ID = re.compile(r"\b[A-Z]{2}-\d+(?:\.\d+)*\b")
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def render(
    view: Report,
    lang: str,
    template_dir: Path | None = None,
    *,
    reference_doc: Path | None = None,
) -> bytes:
    from docx.shared import Cm

    from mirps_cli.output.charts import draw

    charts = report_markdown.charts(view, lang)
    nonce = secrets.token_hex(8)
    marks = {name: f"mirps-chart-{nonce}-{name}" for name in charts}
    markdown = report_markdown.render(view, lang, template_dir, marks)
    document = _document(reference_doc)
    _ensure_styles(document)
    pictures = {marks[name]: draw(chart, "png") for name, chart in charts.items()}
    writer = _Writer(document, pictures, Cm(CHART_WIDTH_CM), lang)
    writer.write(MarkdownIt("commonmark", {"html": False}).enable("table").parse(markdown))
    _page_numbers(document)
    _properties(document, view, lang)
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue(), view.drafted)


def _document(reference: Path | None) -> WordDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    if reference is None:
        return docx.Document()
    try:
        document = docx.Document(str(reference))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UsageError(
            f"--reference-doc {reference}: not a Word document (.docx) mirps can read ({error})",
            f"--reference-doc {reference}: no es un documento de Word (.docx) que mirps pueda "
            f"leer ({error})",
        ) from None
    body = document.element.body
    for child in list(body):
        if child.tag != f"{{{WORD_NS}}}sectPr":  # keep the page set-up, drop the content
            body.remove(child)
    return document


def _ensure_styles(document: WordDocument) -> None:
    """The styles this document uses, added where a reference document lacks them."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.enum.text import WD_COLOR_INDEX

    styles = document.styles
    names = {s.name for s in styles}
    for name in ("Title", "Heading 1", "Heading 2", "Heading 3", "Heading 4", "Quote"):
        if name not in names:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    for name in ("List Bullet", "List Number", "Caption"):
        if name not in names:
            styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    if "Table Grid" not in names:
        styles.add_style("Table Grid", WD_STYLE_TYPE.TABLE)
    if PLACEHOLDER_STYLE not in names:
        style = styles.add_style(PLACEHOLDER_STYLE, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = styles["Normal"]
        style.font.highlight_color = WD_COLOR_INDEX.YELLOW
        style.font.italic = True


class _Writer:
    """Markdown tokens (markdown-it's flat stream) → Word paragraphs, tables and pictures."""

    def __init__(self, document: WordDocument, pictures: dict[str, bytes], width: Any, lang: str):
        self.document = document
        self.pictures = pictures
        self.width = width
        self.lang = lang
        self.lists: list[str] = []  # the styles of the lists we are in
        self.quote = 0
        self.placeholder_words = tuple(f"[{WORDS['placeholder'].in_lang(x)}]" for x in ("en", "es"))
        self.toc_done = False

    def write(self, tokens: list[Token]) -> None:
        # The contents are known before the first heading is written: the table of contents
        # shows them as the field's last result, so a reader that does not update fields
        # (LibreOffice converting to PDF) still lists the chapters.
        self.headings = [
            (int(t.tag[1]) - 1, tokens[i + 1].content)
            for i, t in enumerate(tokens)
            if t.type == "heading_open" and t.tag in ("h2", "h3")
        ]
        stream = iter(tokens)
        for token in stream:
            kind = token.type
            if kind == "heading_open":
                level = int(token.tag[1])
                inline = next(stream)
                next(stream)  # heading_close
                self.heading(inline, level)
            elif kind == "paragraph_open":
                inline = next(stream)
                next(stream)  # paragraph_close
                self.paragraph(inline)
            elif kind in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("List Bullet" if kind == "bullet_list_open" else "List Number")
            elif kind in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif kind == "blockquote_open":
                self.quote += 1
            elif kind == "blockquote_close":
                self.quote -= 1
            elif kind == "table_open":
                self.table(_until(stream, "table_close"))
            elif kind in ("fence", "code_block"):
                self.code(token.content)

    def heading(self, inline: Token, level: int) -> None:
        if level == 1:
            paragraph = self.document.add_paragraph(style="Title")
        else:
            paragraph = self.document.add_paragraph(style=f"Heading {min(level - 1, 4)}")
        self.inline(paragraph, inline.children or [])
        if level == 2 and not self.toc_done:
            # The table of contents goes before the first chapter heading.
            self.toc_done = True
            self._toc(paragraph)

    def _toc(self, before: Paragraph) -> None:
        from docx.shared import Cm

        title = before.insert_paragraph_before(WORDS["contents"].in_lang(self.lang))
        if _has(self.document, "TOC Heading"):  # a heading look that the contents leave out
            title.style = self.document.styles["TOC Heading"]
        else:
            for run in title.runs:
                run.bold = True
        entries = self.headings or [(1, WORDS["toc_update"].in_lang(self.lang))]
        lines = [before.insert_paragraph_before() for _ in entries]
        for line, (level, _) in zip(lines, entries, strict=True):
            line.paragraph_format.left_indent = Cm(0.75 * (level - 1))
            line.paragraph_format.space_after = Cm(0)
        _field(lines, 'TOC \\o "1-3" \\h \\z \\u', [text for _, text in entries])

    def paragraph(self, inline: Token) -> None:
        text = inline.content.strip()
        if text in self.pictures:
            self.document.add_picture(io.BytesIO(self.pictures[text]), width=self.width)
            return
        if self.lists:
            paragraph = self.document.add_paragraph(style=self.lists[-1])
        elif self.quote and text.startswith(tuple(f"**{w}**" for w in self.placeholder_words)):
            paragraph = self.document.add_paragraph(style=PLACEHOLDER_STYLE)
        elif self.quote:
            paragraph = self.document.add_paragraph(style="Quote")
        else:
            paragraph = self.document.add_paragraph()
        self.inline(paragraph, inline.children or [])

    def code(self, content: str) -> None:
        from docx.shared import Pt

        for line in content.rstrip("\n").split("\n"):
            run = self.document.add_paragraph(style="No Spacing").add_run(line)
            run.font.name = "Courier New"
            run.font.size = Pt(9)

    def table(self, tokens: list[Token]) -> None:
        rows: list[tuple[bool, list[Token]]] = []  # header?, the cells' inline tokens
        header = False
        for token in tokens:
            if token.type == "thead_open":
                header = True
            elif token.type == "thead_close":
                header = False
            elif token.type == "tr_open":
                rows.append((header, []))
            elif token.type == "inline":
                rows[-1][1].append(token)
        if not rows:
            return
        columns = max(len(cells) for _, cells in rows)
        table = self.document.add_table(rows=len(rows), cols=columns)
        table.style = self.document.styles["Table Grid"]
        for row, (is_header, cells) in zip(table.rows, rows, strict=True):
            if is_header:
                _repeat_header(row)
            for cell, inline in zip(row.cells, cells, strict=False):
                self._cell(cell, inline, is_header)

    def _cell(self, cell: _Cell, inline: Token, bold: bool) -> None:
        paragraph = cell.paragraphs[0]
        self.inline(paragraph, inline.children or [], bold=bold)

    def inline(self, paragraph: Paragraph, children: list[Token], bold: bool = False) -> None:
        strong = em = 0
        link: str | None = None
        for child in children:
            kind = child.type
            if kind == "strong_open":
                strong += 1
            elif kind == "strong_close":
                strong -= 1
            elif kind == "em_open":
                em += 1
            elif kind == "em_close":
                em -= 1
            elif kind == "link_open":
                link = str(child.attrs.get("href", ""))
            elif kind == "link_close":
                link = None
            elif kind in ("text", "code_inline"):
                if link:
                    _hyperlink(paragraph, link, child.content)
                    continue
                for piece, is_id in _pieces(child.content):
                    run = paragraph.add_run()
                    _text(run, piece, is_id)
                    run.bold = bool(strong) or bold or None
                    run.italic = bool(em) or None
                    if kind == "code_inline":
                        run.font.name = "Courier New"
            elif kind == "softbreak":
                paragraph.add_run(" ")
            elif kind == "hardbreak":
                paragraph.add_run().add_break()


def _until(stream: Iterator[Token], end: str) -> list[Token]:
    found = []
    for token in stream:
        if token.type == end:
            break
        found.append(token)
    return found


def _has(document: WordDocument, style: str) -> bool:
    return any(s.name == style for s in document.styles)


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The text cut around ids: (piece, is it an id)."""
    at = 0
    for match in ID.finditer(text):
        if match.start() > at:
            yield text[at : match.start()], False
        yield match.group(), True
        at = match.end()
    if at < len(text):
        yield text[at:], False


def _text(run: Any, text: str, is_id: bool) -> None:
    """A run's text; an id's hyphens as Word's non-breaking hyphen."""
    from docx.oxml import OxmlElement

    if not is_id:
        run.text = text
        return
    parts = text.split("-")
    for number, part in enumerate(parts):
        if number:
            run._r.append(OxmlElement("w:noBreakHyphen"))
        if part:
            t = OxmlElement("w:t")
            t.text = part
            run._r.append(t)


def _hyperlink(paragraph: Paragraph, url: str, text: str) -> None:
    """A link Word and LibreOffice follow: an external relationship and a w:hyperlink run."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    part = paragraph.part
    rid = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    colour = OxmlElement("w:color")
    colour.set(qn("w:val"), "0563C1")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.append(colour)
    props.append(underline)
    run.append(props)
    t = OxmlElement("w:t")
    t.text = text
    t.set(qn("xml:space"), "preserve")
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def _repeat_header(row: Any) -> None:
    """Mark a table row as the header Word repeats at the top of each page."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    props = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    props.append(repeat)


def _field(paragraphs: list[Paragraph], instruction: str, shown: list[str]) -> None:
    """A Word field (the table of contents, a page number) over one or more paragraphs:
    begin and instruction in the first, the result last shown (a line a paragraph) until the
    reader updates it, end in the last."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def char(kind: str) -> Any:
        run = OxmlElement("w:r")
        mark = OxmlElement("w:fldChar")
        mark.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            mark.set(qn("w:dirty"), "true")  # Word updates it when the file is opened
        run.append(mark)
        return run

    first = paragraphs[0]._p
    first.append(char("begin"))
    code = OxmlElement("w:r")
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code.append(text)
    first.append(code)
    first.append(char("separate"))
    for paragraph, line in zip(paragraphs, shown, strict=True):
        paragraph.add_run(line)
    paragraphs[-1]._p.append(char("end"))


def _page_numbers(document: WordDocument) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    for section in document.sections:
        footer = section.footer
        paragraph = footer.paragraphs[0] if footer.paragraphs else footer.add_paragraph()
        if "PAGE" in paragraph._p.xml:
            continue  # the reference document numbers its pages itself
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        _field([paragraph], "PAGE", ["1"])


def _properties(document: WordDocument, view: Report, lang: str) -> None:
    when = dt.datetime(view.drafted.year, view.drafted.month, view.drafted.day)
    props = document.core_properties
    props.title = TITLE.in_lang(lang).format(numeral=view.numeral, year=view.year)
    props.language = {"es": "es-419", "en": "en"}.get(str(lang), str(lang))
    props.author = "mirps"
    props.last_modified_by = "mirps"
    props.created = when
    props.modified = when
    props.revision = 1
    props.comments = WORDS["draft_note"].in_lang(lang)


def _reproducible(data: bytes, drafted: dt.date) -> bytes:
    """The same draft gives the same bytes: every member of the zip dated the draft's day
    (python-docx dates them with the clock)."""
    stamp = (max(drafted.year, 1980), drafted.month, drafted.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            target.writestr(member, source.read(info.filename))
    return out.getvalue()
