"""`mirps report` as one self-contained HTML page, from the same Markdown: no network, no
script needed to read it, and a print stylesheet, for people who paste into a word
processor."""

from __future__ import annotations

from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from mirps_cli.output import report_markdown
from mirps_cli.output.report_words import TITLE
from mirps_cli.report.views import Report
from mirps_cli.templating import render_template


def render(view: Report, lang: str, template_dir: Path | None = None) -> str:
    markdown = report_markdown.render(view, lang, template_dir)
    # Raw HTML in the Markdown stays text: plan content cannot inject markup or scripts.
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    return render_template(
        "report.html.j2",
        template_dir,
        autoescape=True,
        lang=lang,
        title=TITLE.in_lang(lang).format(numeral=view.numeral, year=view.year),
        body=Markup(body),
    )
