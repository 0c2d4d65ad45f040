"""`mirps report` as one self-contained HTML page, from the same Markdown: no network, no
script needed to read it, the charts drawn as SVG inside the page, and a print stylesheet,
for people who paste into a word processor."""

from __future__ import annotations

import re
import secrets
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from mirps_cli.output import report_markdown
from mirps_cli.output.report_words import TITLE, WORDS
from mirps_cli.report.views import Report
from mirps_cli.templating import render_template

# An id (BZ-01, CR-03.1) in the page's text, kept on one line when printed: a line never
# ends in "BZ-" with "01" on the next. Only text between tags is touched, never an address.
_ID = re.compile(r"\b[A-Z]{2}-\d+(?:\.\d+)*\b")
_TEXT = re.compile(r">([^<]+)<")


def _unbroken(match: re.Match[str]) -> str:
    return f'<span class="id">{match.group()}</span>'


def render(
    view: Report,
    lang: str,
    template_dir: Path | None = None,
    *,
    reference_doc: Path | None = None,  # Word's styles: a page has none to take
) -> str:
    from mirps_cli.output.charts import svg_element

    charts = report_markdown.charts(view, lang)
    # Each chart goes where the Markdown has its Mermaid block: a line of its own holding a
    # mark no plan text can hold (a fresh nonce each run), replaced once the Markdown is HTML.
    nonce = secrets.token_hex(8)
    marks = {name: f"mirps-chart-{nonce}-{name}" for name in charts}
    markdown = report_markdown.render(view, lang, template_dir, marks)
    # Raw HTML in the Markdown stays text: plan content cannot inject markup or scripts.
    body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
    body = _TEXT.sub(lambda m: ">" + _ID.sub(_unbroken, m.group(1)) + "<", body)
    for name, chart in charts.items():
        described = svg_element(chart, WORDS[f"{name}_chart_text"].in_lang(lang))
        figure = f'<figure class="chart">{described}</figure>'
        body = body.replace(f"<p>{marks[name]}</p>", figure)
    return render_template(
        "report.html.j2",
        template_dir,
        autoescape=True,
        lang=lang,
        title=TITLE.in_lang(lang).format(numeral=view.numeral, year=view.year),
        body=Markup(body),
    )
