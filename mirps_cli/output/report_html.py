"""`mirps report` as one self-contained HTML page, from the same Markdown: no network, no
script needed to read it, the charts drawn as SVG inside the page, and a print stylesheet,
for people who paste into a word processor."""

from __future__ import annotations

import re
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup

from mirps_cli.output import report_markdown
from mirps_cli.output.report_words import TITLE, WORDS
from mirps_cli.report.views import Report
from mirps_cli.templating import render_template

# The page's text between tags, where ids are kept on one line when printed: never an address.
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
    from mirps_cli.output.charts import drawing, svg_element

    # Each chart goes where the Markdown has its Mermaid block, once the Markdown is HTML;
    # they are drawn meanwhile.
    made = report_markdown.charts(view, lang)
    with drawing(made, "svg") as pictures:
        markdown, charts = report_markdown.with_marks(view, lang, template_dir, made)
        # Raw HTML in the Markdown stays text: plan content cannot inject markup or scripts.
        body = MarkdownIt("commonmark", {"html": False}).enable("table").render(markdown)
        body = _TEXT.sub(lambda m: ">" + report_markdown.ID.sub(_unbroken, m.group(1)) + "<", body)
        svgs = pictures()
    for name, (mark, chart) in charts.items():
        described = svg_element(chart, WORDS[f"{name}_chart_text"].in_lang(lang), svgs[name])
        figure = f'<figure class="chart">{described}</figure>'
        body = body.replace(f"<p>{mark}</p>", figure)
    return render_template(
        "report.html.j2",
        template_dir,
        autoescape=True,
        lang=lang,
        title=TITLE.in_lang(lang).format(numeral=view.numeral, year=view.year),
        body=Markup(body),
    )
