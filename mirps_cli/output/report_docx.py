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
    from docx.text.paragraph import Paragraph

PLACEHOLDER_STYLE = "Placeholder"  # the drafting team's "[To be drafted]" paragraphs
CHART_WIDTH_CM = 16.0
WORD_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"  # xml:space, kept on every w:t


def render(
    view: Report,
    lang: str,
    template_dir: Path | None = None,
    *,
    reference_doc: Path | None = None,
) -> bytes:
    from docx.shared import Cm

    from mirps_cli.output.charts import drawing

    made = report_markdown.charts(view, lang)
    with drawing(made, "png") as drawn:  # meanwhile, the Markdown and Word's own parts
        markdown, charts = report_markdown.with_marks(view, lang, template_dir, made)
        document = _document(reference_doc)
        _ensure_styles(document)
        png = drawn()
    pictures = {mark: png[name] for name, (mark, _chart) in charts.items()}
    writer = _Writer(document, pictures, Cm(CHART_WIDTH_CM), lang)
    writer.write(markdown)
    _page_numbers(document)
    _properties(document, view, lang)
    out = io.BytesIO()
    document.save(out)
    return _reproducible(out.getvalue(), view.drafted, writer.tables)


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
    """The draft's Markdown → Word's XML. python-docx's objects look each style up by name
    and walk the tree on every call (20 s of a 10,000-commitment draft went there), and a
    document tree of the annex's 70,000 cells holds some 200 MB: so runs are written as XML
    text, paragraphs parsed from it, and each table kept as text outside the tree, a marked
    paragraph in its place, spliced into the saved document (`tables`). Text outside tables
    goes through markdown-it's tokens; table rows are split here and their plain cells
    unescaped without a parse (a cell with markup is still read by markdown-it)."""

    def __init__(self, document: WordDocument, pictures: dict[str, bytes], width: Any, lang: str):
        from docx.oxml.ns import qn

        self.document = document
        self.pictures = pictures
        self.width = width
        self.lang = lang
        self.lists: list[str] = []  # the styles of the lists we are in
        self.quote = 0
        self.placeholder_words = tuple(f"[{WORDS['placeholder'].in_lang(x)}]" for x in ("en", "es"))
        self.toc_done = False
        self.body = document.element.body
        self.end = self.body.find(qn("w:sectPr"))  # paragraphs go before the page set-up
        self.style_ids: dict[str, str] = {}
        self.links: dict[str, str] = {}  # address → relationship id, one per address
        self.markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
        self.nonce = secrets.token_hex(8)
        self.tables: dict[str, bytes] = {}  # a marked paragraph's text → its table's XML
        section = document.sections[-1]
        width_emu = (
            (section.page_width or 0) - (section.left_margin or 0) - (section.right_margin or 0)
        )
        self.text_width = max(int(width_emu) // 635, 4000)  # in twentieths of a point

    # -- the document's parts -------------------------------------------------------------

    def write(self, markdown: str) -> None:
        # The contents are known before the first heading is written: the table of contents
        # shows them as the field's last result, so a reader that does not update fields
        # (LibreOffice converting to PDF) still lists the chapters.
        self.headings = [
            (len(m.group(1)) - 1, _unescape(m.group(2)))
            for m in re.finditer(r"^(##|###) (.+)$", markdown, re.MULTILINE)
        ]
        for kind, text in _blocks(markdown):
            if kind == "table":
                self.table(text)
            else:
                self.tokens(self.markdown.parse(text))

    def tokens(self, tokens: list[Token]) -> None:
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
            elif kind in ("fence", "code_block"):
                self.code(token.content)

    def heading(self, inline: Token, level: int) -> None:
        style = "Title" if level == 1 else f"Heading {min(level - 1, 4)}"
        p = self.add_p(style, self.inline(inline.children or []))
        if level == 2 and not self.toc_done:
            # The table of contents goes before the first chapter heading.
            self.toc_done = True
            self._toc(p)

    def _toc(self, before: Any) -> None:
        from docx.shared import Cm
        from docx.text.paragraph import Paragraph

        heading = Paragraph(before, self.document._body)
        title = heading.insert_paragraph_before(WORDS["contents"].in_lang(self.lang))
        if _has(self.document, "TOC Heading"):  # a heading look that the contents leave out
            title.style = self.document.styles["TOC Heading"]
        else:
            for run in title.runs:
                run.bold = True
        entries = self.headings or [(1, WORDS["toc_update"].in_lang(self.lang))]
        lines = [heading.insert_paragraph_before() for _ in entries]
        for line, (level, _) in zip(lines, entries, strict=True):
            line.paragraph_format.left_indent = Cm(0.75 * (level - 1))
            line.paragraph_format.space_after = Cm(0)
        _field(lines, 'TOC \\o "1-3" \\h \\z \\u', [text for _, text in entries])

    def paragraph(self, inline: Token) -> None:
        text = inline.content.strip()
        if text in self.pictures:
            self.document.add_picture(io.BytesIO(self.pictures[text]), width=self.width)
            # add_picture appends after the page set-up of a reference document: move it.
            picture = self.body[-1] if self.body[-1] is not self.end else self.body[-2]
            self.place(picture)
            return
        if self.lists:
            style: str | None = self.lists[-1]
        elif self.quote and text.startswith(tuple(f"**{w}**" for w in self.placeholder_words)):
            style = PLACEHOLDER_STYLE
        elif self.quote:
            style = "Quote"
        else:
            style = None
        self.add_p(style, self.inline(inline.children or []))

    def code(self, content: str) -> None:
        for line in content.rstrip("\n").split("\n"):
            self.add_p("No Spacing", _runs(line, mono=True))

    def table(self, text: str) -> None:
        lines = text.splitlines()
        rows = [_cells(lines[0]), *(_cells(line) for line in lines[2:])]
        columns = max(len(r) for r in rows)
        width = self.text_width // columns
        cell_props = f'<w:tcPr><w:tcW w:w="{width}" w:type="dxa"/></w:tcPr>'
        out = [
            f'<w:tbl><w:tblPr><w:tblStyle w:val="{self.style_id("Table Grid")}"/>'
            '<w:tblW w:w="0" w:type="auto"/><w:tblLook w:val="04A0" w:firstRow="1" '
            'w:lastRow="0" w:firstColumn="1" w:lastColumn="0" w:noHBand="0" w:noVBand="1"/>'
            "</w:tblPr><w:tblGrid>",
            f'<w:gridCol w:w="{width}"/>' * columns,
            "</w:tblGrid>",
        ]
        for number, cells in enumerate(rows):
            # The header row repeats at the top of each page.
            header = '<w:trPr><w:tblHeader w:val="true"/></w:trPr>' if number == 0 else ""
            padded = cells + [""] * (columns - len(cells))
            row = "".join(
                f"<w:tc>{cell_props}<w:p>{self.cell(cell, number == 0)}</w:p></w:tc>"
                for cell in padded
            )
            out.append(f"<w:tr>{header}{row}</w:tr>")  # a row at a time: fewer small strings
        out.append("</w:tbl>")
        mark = f"mirps-table-{self.nonce}-{len(self.tables)}"
        self.tables[mark] = "".join(out).encode("utf-8")
        self.add_p(None, _runs(mark))

    def cell(self, text: str, bold: bool) -> str:
        if _NEEDS_PARSING.search(text):
            tokens = self.markdown.parseInline(text)
            return self.inline(tokens[0].children or [] if tokens else [], bold=bold)
        out = []
        for part in _CELL_PARTS.split(text):
            if not part:
                continue
            if part == "<br>":
                out.append("<w:r><w:br/></w:r>")
            elif part.startswith("<http"):
                out.append(self.hyperlink(part[1:-1], part[1:-1]))
            else:
                out.append(_runs(_unescape(part), bold=bold))
        return "".join(out)

    # -- paragraphs and runs --------------------------------------------------------------

    def style_id(self, name: str) -> str:
        if name not in self.style_ids:
            self.style_ids[name] = self.document.styles[name].style_id
        return self.style_ids[name]

    def place(self, element: Any) -> None:
        if self.end is not None:
            self.end.addprevious(element)
        else:
            self.body.append(element)

    def add_p(self, style: str | None, runs: str) -> Any:
        from docx.oxml import parse_xml

        props = f'<w:pPr><w:pStyle w:val="{self.style_id(style)}"/></w:pPr>' if style else ""
        p = parse_xml(f"<w:p {_NAMESPACES}>{props}{runs}</w:p>")
        self.place(p)
        return p

    def hyperlink(self, url: str, text: str) -> str:
        """A link Word and LibreOffice follow: an external relationship and a w:hyperlink."""
        from docx.opc.constants import RELATIONSHIP_TYPE

        if url not in self.links:
            part = self.document.part
            self.links[url] = part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
        return (
            f'<w:hyperlink r:id="{self.links[url]}"><w:r><w:rPr><w:color w:val="0563C1"/>'
            f'<w:u w:val="single"/></w:rPr><w:t xml:space="preserve">{_xml(text)}</w:t>'
            "</w:r></w:hyperlink>"
        )

    def inline(self, children: list[Token], bold: bool = False) -> str:
        strong = em = 0
        link: str | None = None
        out = []
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
                    out.append(self.hyperlink(link, child.content))
                else:
                    out.append(
                        _runs(
                            child.content,
                            bold=bool(strong) or bold,
                            italic=bool(em),
                            mono=kind == "code_inline",
                        )
                    )
            elif kind == "softbreak":
                out.append(_runs(" "))
            elif kind == "hardbreak":
                out.append("<w:r><w:br/></w:r>")
        return "".join(out)


_NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
)
# What XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/FFFF): a plan's
# text may carry them; the document shows the replacement character instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_XML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _xml(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text).translate(_XML)


def _runs(text: str, bold: bool = False, italic: bool = False, mono: bool = False) -> str:
    """`text` as runs of XML; an id's hyphens as Word's non-breaking hyphen."""
    props = ""
    if bold or italic or mono:
        font = '<w:rFonts w:ascii="Courier New" w:hAnsi="Courier New"/>' if mono else ""
        props = f"<w:rPr>{font}{'<w:b/>' if bold else ''}{'<w:i/>' if italic else ''}</w:rPr>"
    out = []
    for piece, is_id in _pieces(text):
        if is_id:
            body = "<w:noBreakHyphen/>".join(
                f'<w:t xml:space="preserve">{_xml(part)}</w:t>' if part else ""
                for part in piece.split("-")
            )
        else:
            body = f'<w:t xml:space="preserve">{_xml(piece)}</w:t>'
        out.append(f"<w:r>{props}{body}</w:r>")
    return "".join(out)


# A table is a header row, a delimiter row, and rows, each line starting with "|".
_DELIMITER = re.compile(r"^\|(?:\s*:?-+:?\s*\|)+\s*$")
# A cell, up to its unescaped bar.
_CELL = re.compile(r"((?:\\.|[^\\|])*)\|")
# Markup a cell may hold that only a parser reads rightly: emphasis, code, links, entities.
_NEEDS_PARSING = re.compile(r"(?<!\\)[*_`\[&]")
_CELL_PARTS = re.compile(r"(<br>|<https?://[^>\s]+>)")
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def _blocks(markdown: str) -> Iterator[tuple[str, str]]:
    """The Markdown cut into ("table", its lines) and ("text", the rest), in order; the text
    is cut again before each heading outside a code fence, so that markdown-it's tokens for
    one part are gone before the next is read (a long draft's lists hold thousands)."""
    lines = markdown.split("\n")
    text: list[str] = []
    fenced = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith("```"):
            fenced = not fenced
        if (
            not fenced
            and line.startswith("|")
            and i + 1 < len(lines)
            and _DELIMITER.match(lines[i + 1])
        ):
            if text:
                yield "text", "\n".join(text)
                text = []
            j = i + 2
            while j < len(lines) and lines[j].startswith("|"):
                j += 1
            yield "table", "\n".join(lines[i:j])
            i = j
            continue
        if not fenced and line.startswith("#") and text:
            yield "text", "\n".join(text)
            text = []
        text.append(line)
        i += 1
    if text:
        yield "text", "\n".join(text)


def _cells(line: str) -> list[str]:
    """A table row's cells, as GFM splits them: at each bar that is not escaped."""
    return [
        cell.strip()
        for cell in _CELL.findall(line.strip()[1:] + ("" if line.rstrip().endswith("|") else "|"))
    ]


def _has(document: WordDocument, style: str) -> bool:
    return any(s.name == style for s in document.styles)


def _pieces(text: str) -> Iterator[tuple[str, bool]]:
    """The text cut around ids: (piece, is it an id)."""
    at = 0
    for match in report_markdown.ID.finditer(text):  # its hyphen: a non-breaking one
        if match.start() > at:
            yield text[at : match.start()], False
        yield match.group(), True
        at = match.end()
    if at < len(text):
        yield text[at:], False


def _unescape(text: str) -> str:
    """Markdown's backslash escapes undone: the text as a reader sees it."""
    return _ESCAPED.sub(r"\1", text)


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


def _spliced(xml: bytes, tables: dict[str, bytes]) -> bytes:
    """The document's XML with each marked paragraph replaced by its table (as bytes: no
    copy of a long draft as text)."""
    if not tables:
        return xml
    pieces, at = [], 0
    for mark, table in tables.items():
        found = xml.index(mark.encode("ascii"), at)
        start = xml.rindex(b"<w:p>", at, found)  # the marked paragraph has no properties
        end = xml.index(b"</w:p>", found) + len(b"</w:p>")
        pieces += [xml[at:start], table]
        at = end
    pieces.append(xml[at:])
    return b"".join(pieces)


def _reproducible(data: bytes, drafted: dt.date, tables: dict[str, bytes]) -> bytes:
    """The same draft gives the same bytes: every member of the zip dated the draft's day
    (python-docx dates them with the clock); the tables spliced into the document."""
    stamp = (max(drafted.year, 1980), drafted.month, drafted.day, 0, 0, 0)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=stamp)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            content = source.read(info.filename)
            if info.filename == "word/document.xml":
                content = _spliced(content, tables)
            target.writestr(member, content)
    return out.getvalue()
