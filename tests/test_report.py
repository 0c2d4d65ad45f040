"""`mirps report`: annual report drafts, golden in both languages and formats, checked as
parsed Markdown and HTML, over time, with user templates and hostile text."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tests.helpers import SHIPPED_PLANS, Run

Golden = Callable[[str, str], None]
DRAFTED = {"SOURCE_DATE_EPOCH": "1764633600"}  # 2 December 2025: a fixed draft date


@pytest.fixture
def plans(isolated: Path) -> Path:
    """The shipped plans outside any repository, so no revision enters the draft."""
    target = isolated / "plans"
    shutil.copytree(SHIPPED_PLANS, target)
    return target


def report(mirps: Callable[..., Run], plans: Path, *args: str) -> Run:
    return mirps("report", "--plans", str(plans), *args, env=DRAFTED)


def tokens(markdown: str) -> list[Token]:
    return MarkdownIt("commonmark").enable("table").parse(markdown)


def headings(markdown: str) -> list[tuple[str, str]]:
    found = tokens(markdown)
    return [(t.tag, found[i + 1].content) for i, t in enumerate(found) if t.type == "heading_open"]


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("report-2022-es.md", ["--year", "2022"]),
        ("report-2022-en.md", ["--year", "2022", "--lang", "en"]),
        ("report-2022-es.html", ["--year", "2022", "--format", "html"]),
        ("report-2022-bz.md", ["--year", "2022", "--country", "BZ"]),
    ],
)
def test_golden_drafts(
    mirps: Callable[..., Run], plans: Path, golden: Golden, name: str, args: list[str]
) -> None:
    result = report(mirps, plans, *args)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    golden(name, result.stdout)
    again = report(mirps, plans, *args)
    assert again.stdout == result.stdout  # deterministic: drafts diff cleanly in git


def test_the_structure_of_the_published_reports(mirps: Callable[..., Run], plans: Path) -> None:
    out = report(mirps, plans, "--year", "2022").stdout
    found = headings(out)
    assert found[0] == (
        "h1",
        "V Informe Anual del Marco Integral Regional para la Protección y Soluciones MIRPS 2022 "
        "— Aplicando el Pacto Mundial sobre los Refugiados en Centroamérica y México",
    )
    h2 = [text for tag, text in found if tag == "h2"]
    assert h2[:5] == [
        "Acrónimos",
        "A. Presentación",
        "B. Contexto regional",
        "I. El MIRPS en los países",
        "II. Trabajo regional del MIRPS",
    ]
    countries = [text for tag, text in found if tag == "h3"][:7]
    assert countries == [
        "Belice",
        "Costa Rica",
        "El Salvador",
        "Guatemala",
        "Honduras",
        "México",
        "Panamá",
    ]
    h4 = [text for tag, text in found if tag == "h4"][:3]
    assert h4 == ["Indicadores relevantes", "Logros y desafíos", "Cuantificación"]
    english = [t for tag, t in headings(report(mirps, plans, "--lang", "en").stdout) if tag == "h3"]
    assert english[:7] == [
        "Belize",
        "Costa Rica",
        "El Salvador",
        "Guatemala",
        "Honduras",
        "Mexico",
        "Panama",
    ]


def test_every_table_row_has_its_header_cells(mirps: Callable[..., Run], plans: Path) -> None:
    found = tokens(report(mirps, plans, "--year", "2022").stdout)
    widths: list[int] = []
    cells = 0
    for token in found:
        if token.type == "tr_open":
            cells = 0
        elif token.type in ("th_open", "td_open"):
            cells += 1
        elif token.type == "tr_close":
            widths.append(cells)
        elif token.type == "table_close":
            assert len(set(widths)) == 1, widths
            widths = []
    assert any(t.type == "table_open" for t in found)


def test_a_report_is_a_view_of_its_period(mirps: Callable[..., Run], plans: Path) -> None:
    """The same plans reported for two years give two different, correct chapters."""
    in_2022 = report(mirps, plans, "--year", "2022", "--lang", "en", "--country", "HN").stdout
    in_2023 = report(
        mirps,
        plans,
        "--since",
        "2023-01-01",
        "--as-of",
        "2023-12-31",
        "--lang",
        "en",
        "--country",
        "HN",
    ).stdout
    assert "December 2022: HN-01 Law for the Prevention" in in_2022
    assert "March 2023" not in in_2022
    assert "March 2023: HN-01 Law for the Prevention" in in_2023
    assert "— fulfilled —" in in_2023 and "Sanctioned and published" in in_2023
    assert "Jan 1 – Dec 31, 2023" in in_2023  # Babel: CLDR English has no longer form
    assert "VI Annual Report" in in_2023


def test_a_chapter_of_belize_alone_is_in_english(mirps: Callable[..., Run], plans: Path) -> None:
    out = report(mirps, plans, "--country", "belice").stdout
    assert "### Belize" in out and "Relevant indicators" in out
    assert "### Honduras" not in out


def test_a_user_template_replaces_one_of_mirps(
    mirps: Callable[..., Run], plans: Path, isolated: Path
) -> None:
    mine = isolated / "mine"
    mine.mkdir()
    (mine / "report-country.md.j2").write_text(
        "\n### {{ country.chapter.name }} (our own layout)\n"
    )
    out = report(mirps, plans, "--template-dir", str(mine)).stdout
    assert "### Honduras (our own layout)" in out
    assert "## II. Trabajo regional del MIRPS" in out  # the others are mirps's own


@pytest.mark.parametrize(
    ("template", "said"),
    [
        ("{{ no_such_thing }}", "report.md.j2, line 1"),
        ("{% for x in %}", "report.md.j2, line 1"),
        ("line one\n{{ ''.__class__.__mro__ }}", "report.md.j2, line 2"),
    ],
)
def test_a_broken_template_stops_with_its_file_and_line(
    mirps: Callable[..., Run], plans: Path, isolated: Path, template: str, said: str
) -> None:
    mine = isolated / "mine"
    mine.mkdir()
    (mine / "report.md.j2").write_text(template)
    result = report(mirps, plans, "--template-dir", str(mine))
    assert result.exit_code == 1
    assert said in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_hostile_text_stays_text(mirps: Callable[..., Run], plans: Path) -> None:
    hn = plans / "national" / "HN.yaml"
    text = hn.read_text(encoding="utf-8")
    hostile = '"A | pipe\\n- a list <script>alert(1)</script> # and &amp; *stars*"'
    hn.write_text(
        text.replace(
            "title: Map potentially contested land in future return areas", f"title: {hostile}"
        )
    )
    markdown = report(mirps, plans, "--year", "2022", "--lang", "en")
    assert markdown.exit_code == 0, markdown.stderr
    found = tokens(markdown.stdout)
    assert not [t for t in found if t.type in ("html_block", "html_inline")]
    inline = " ".join(t.content for t in found if t.type == "inline")
    assert "&amp;" in markdown.stdout.replace("\\&", "&")
    row = next(
        t for t in found if t.type == "inline" and "stars" in t.content and "pipe" in t.content
    )
    assert "<br>" not in row.content or "pipe" in inline
    html = report(mirps, plans, "--year", "2022", "--lang", "en", "--format", "html").stdout
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_output_to_a_file(mirps: Callable[..., Run], plans: Path, isolated: Path) -> None:
    target = isolated / "draft.md"
    result = report(mirps, plans, "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text(encoding="utf-8").startswith("# V Informe Anual")


def test_the_html_page_stands_alone(mirps: Callable[..., Run], plans: Path) -> None:
    html = report(mirps, plans, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    assert "@media print" in html
    assert "http" not in html.split("<body>")[0]  # no stylesheet or script fetched


def test_the_plans_revision_is_named_in_a_repository(
    mirps: Callable[..., Run], isolated: Path, git_repo: Callable[..., str]
) -> None:
    plans = isolated / "repo" / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    git_repo("add", "-A")
    git_repo("commit", "--quiet", "-m", "plans")
    commit = git_repo("rev-parse", "--short=12", "HEAD")
    assert f"`{commit}`" in report(mirps, plans).stdout
    (plans / "national" / "PA.yaml").write_text((plans / "national" / "PA.yaml").read_text() + "\n")
    assert f"`{commit} + uncommitted changes`" in report(mirps, plans).stdout


@pytest.mark.parametrize("year", ["2019", "2023", "2024"])
def test_any_year_is_drafted_even_without_a_work_plan(
    mirps: Callable[..., Run], plans: Path, year: str
) -> None:
    """Once exit 2 ("no regional work plan for 2023"), though --since/--as-of drafted it."""
    for lang, sentence in (
        ("es", f"Los planes no registran un plan de trabajo regional para {year}"),
        ("en", f"No regional work plan is recorded in the plans for {year}"),
    ):
        result = report(mirps, plans, "--year", year, "--lang", lang)
        assert (result.exit_code, result.stderr) == (0, ""), result.stderr
        found = headings(result.stdout)
        assert sentence in result.stdout
        # Every national chapter, and the Fund still in the regional part.
        assert len([h for h in found if h[0] == "h3"]) >= 7
        assert "CR-asylum-platform" in result.stdout


@pytest.mark.parametrize("fork", [True, False])
def test_the_tree_is_loaded_in_a_child_and_the_draft_is_the_same(
    mirps: Callable[..., Run],
    plans: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fork: bool,
) -> None:
    """The tree is loaded and drafted in a forked child, whose memory goes back to the
    system before a document is built; where the system cannot fork, here. Either way the
    same draft, and the errors of invalid plans said by this process, exit 1."""
    import os

    from mirps_cli import forked, validate

    loaded_in = tmp_path / "pids"
    real = validate.validate_tree

    def recorded(*args: object, **kwargs: object) -> object:
        with loaded_in.open("a") as pids:
            pids.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(validate, "validate_tree", recorded)
    monkeypatch.setattr(forked, "can_fork", lambda: fork)
    run = report(mirps, plans, "--lang", "en")
    assert (run.exit_code, run.stderr) == (0, "") and run.stdout.startswith("# ")
    pids = loaded_in.read_text().split()
    assert len(pids) == 1 and (pids[0] != str(os.getpid())) == fork
    monkeypatch.setattr(forked, "can_fork", lambda: False)
    assert report(mirps, plans, "--lang", "en").stdout == run.stdout

    monkeypatch.setattr(forked, "can_fork", lambda: fork)
    hn = plans / "national" / "HN.yaml"
    hn.write_text(hn.read_text(encoding="utf-8").replace("pillar:", "pilar:", 1), "utf-8")
    bad = report(mirps, plans, "--lang", "en")
    assert bad.exit_code == 1 and bad.stdout == ""
    assert "HN.yaml" in bad.stderr and "fix them first" in bad.stderr


def test_usage_errors(mirps: Callable[..., Run], plans: Path) -> None:
    backwards = report(mirps, plans, "--since", "2023", "--as-of", "2022")
    assert backwards.exit_code == 2 and "ends" in backwards.stderr


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside each <svg>'s <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.titles: list[str] = []
        self._in_title = False
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        self._depth += tag == "svg"
        self._in_title = tag == "title" and self._depth > 0

    def handle_endtag(self, tag: str) -> None:
        self._depth -= tag == "svg"
        self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title and data.strip():
            self.titles.append(data.strip())


@pytest.mark.parametrize(
    ("lang", "status", "month"), [("es", "cumplido", "dic"), ("en", "fulfilled", "Dec")]
)
def test_the_html_draft_carries_its_charts_as_svg_pictures(
    mirps: Callable[..., Run], plans: Path, lang: str, status: str, month: str
) -> None:
    result = report(mirps, plans, "--year", "2022", "--format", "html", "--lang", lang)
    assert result.exit_code == 0 and result.stderr == ""
    page = _Tags()
    page.feed(result.stdout)
    classes = " ".join(str(attrs.get("class")) for _, attrs in page.tags)
    assert "language-mermaid" not in classes and "mirps-chart-" not in result.stdout
    svgs = [attrs for tag, attrs in page.tags if tag == "svg"]
    assert len(svgs) == 2 and all(a.get("role") == "img" for a in svgs)
    per_country = "Commitments per country" if lang == "en" else "Compromisos por país"
    calendar = "Calendar 2022" if lang == "en" else "Calendario 2022"
    assert sorted(page.titles) == sorted([per_country, calendar])
    # Labels in the report's language: the statuses in the legend, the months on the axis.
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", result.stdout)
    assert status in labels and month in labels and "0" in labels
    assert not [t for t, _ in page.tags if t == "script"]
    # No reference leaves the page: every link inside the charts is to an id of its own.
    inside = [a for t, a in page.tags if t in ("use", "image", "a") and "xlink:href" in a]
    assert all(str(a["xlink:href"]).startswith("#") for a in inside)


def test_the_status_chart_stacks_from_zero_with_a_legend() -> None:
    from mirps_cli.output.charts import COLOURS, Series, StackedBars, draw

    chart = StackedBars(
        "Commitments per country",
        "commitments",
        ("BZ",),
        (
            Series("fulfilled", COLOURS["fulfilled"], (2,)),
            Series("planned", COLOURS["planned"], (0,)),
        ),
    )
    svg = draw(chart, "svg").decode("utf-8")
    assert svg == draw(chart, "svg").decode("utf-8")  # reproducible
    labels = re.findall(r"<text[^>]*>([^<]*)</text>", svg)
    # A status nobody is in has no legend entry; the axis starts at zero.
    assert "fulfilled" in labels and "planned" not in labels
    assert "0" in labels and "2" in labels
    assert draw(chart, "png").startswith(b"\x89PNG")


def test_figures_carry_their_period_and_source_and_an_undated_one_says_so(
    mirps: Callable[..., Run], plans: Path
) -> None:
    draft = report(mirps, plans, "--year", "2022", "--country", "HN", "--lang", "es").stdout
    figures = draft.split("#### Indicadores relevantes")[1].split("####")[0]
    assert (
        "- personas desplazadas internamente: 247,090 (2004–2018). Fuente: "
        "<https://mirps-platform.org/en/mirps-by-country/mirps-in-honduras/>" in figures
    )
    assert "186 (la fuente no da fecha ni período). Fuente: <https://" in figures
    english = report(mirps, plans, "--year", "2022", "--country", "HN", "--lang", "en").stdout
    assert "186 (the source gives no date or period). Source: <https://" in english


def test_each_chapter_lists_what_the_national_team_must_send(
    mirps: Callable[..., Run], plans: Path
) -> None:
    draft = report(mirps, plans, "--year", "2022", "--lang", "en").stdout
    honduras = draft.split("### Honduras")[1].split("\n### ")[0]
    wanted = honduras.split("#### For the national technical team to send")[1].split("####")[0]
    assert "Where each of these commitments stood in the period" in wanted
    assert "HN-03" in wanted.splitlines()[2]  # nothing of HN-03 is dated in 2022
    assert "The costing of the plan" in wanted
    assert "186" in wanted  # the figure without a period


def test_a_hostile_address_is_refused_and_a_bar_in_one_is_escaped(
    mirps: Callable[..., Run], plans: Path
) -> None:
    path = plans / "national" / "HN.yaml"
    text = path.read_text(encoding="utf-8")
    first = "https://mirps-platform.org/en/mirps-by-country/mirps-in-honduras/"
    path.write_text(
        text.replace(first, "'https://x/\"><script>alert(2)</script>'", 1), encoding="utf-8"
    )
    refused = mirps("validate", "--plans", str(plans))
    assert refused.exit_code == 1 and "is not a web address" in refused.stdout
    path.write_text(text.replace(first, "https://x.org/a|b"), encoding="utf-8")
    draft = report(mirps, plans, "--year", "2022", "--lang", "en")
    assert draft.exit_code == 0, draft.stderr
    assert "<https://x.org/a%7Cb>" in draft.stdout and "a|b" not in draft.stdout
    page = report(mirps, plans, "--year", "2022", "--lang", "en", "--format", "html").stdout
    assert 'href="https://x.org/a%7Cb"' in page


def test_printed_ids_never_break_and_addresses_wrap(mirps: Callable[..., Run], plans: Path) -> None:
    page = report(mirps, plans, "--year", "2022", "--format", "html").stdout
    assert '<span class="id">HN-03</span>' in page
    assert ".id { white-space: nowrap; }" in page and "overflow-wrap: anywhere" in page
    assert 'href="<span' not in page  # an id inside an address stays as it is


@pytest.mark.parametrize(
    ("lang", "parts"),
    [
        ("es", ["1. Protección", "2. Soluciones", "3. Alianzas", "4. Calendario del período"]),
        ("en", ["1. Protection", "2. Solutions", "3. Partnerships", "4. Calendar of the period"]),
    ],
)
def test_section_two_is_the_published_one_placed_by_data(
    mirps: Callable[..., Run], plans: Path, lang: str, parts: list[str]
) -> None:
    draft = report(mirps, plans, "--year", "2022", "--lang", lang).stdout
    regional = draft.split("\n## II.")[1].split("\n## ")[0]
    found = [text for tag, text in headings("## II." + regional) if tag == "h3"]
    assert [h for h in found if h[0].isdigit()] == parts
    # What the plans place there: the twinning meeting and the reception working group under
    # protection, outcome 4's activities and the Fund under partnerships, each activity with
    # its status.
    protection = regional.split(f"### {parts[0]}")[1].split("### ")[0]
    assert "`twinning-meeting-asylum`" in protection and "3.4" in protection
    partnerships = regional.split(f"### {parts[2]}")[1].split("### ")[0]
    assert "**4.1**" in partnerships and "CR-asylum-platform" in partnerships
    assert ("— sin estado" if lang == "es" else "— no status") in partnerships


def test_a_section_is_one_of_the_three_parts(mirps: Callable[..., Run], plans: Path) -> None:
    path = plans / "regional" / "2022.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("section: solutions", "section: soluciones", 1), encoding="utf-8")
    result = mirps("validate", "--plans", str(plans))
    assert result.exit_code == 1
    assert "'protection', 'solutions' or 'partnerships'" in result.stdout


@pytest.mark.parametrize("fork", [True, False])
def test_charts_drawn_in_a_child_are_the_ones_drawn_here(
    plans: Path, monkeypatch: pytest.MonkeyPatch, fork: bool
) -> None:
    """The charts are drawn in a forked child while the document is made; where it cannot
    fork, or the child fails, here. The same pictures in each case."""
    import datetime as dt

    from mirps_cli import forked
    from mirps_cli.output import charts as drawn
    from mirps_cli.output.report_markdown import charts
    from mirps_cli.report import build_report
    from mirps_cli.validate import validate_tree

    tree = validate_tree(plans, dt.date(2026, 12, 3), errors_only=True).tree
    day = dt.date(2026, 12, 3)
    made = charts(build_report(tree, "es", 2022, None, None, None, day, None), "es")
    here = {name: drawn.draw(chart, "svg") for name, chart in made.items()}
    assert set(here) == {"status", "calendar"} and all(b"<svg" in svg for svg in here.values())
    monkeypatch.setattr(forked, "can_fork", lambda: fork)
    with drawn.drawing(made, "svg") as pictures:
        assert pictures() == here
    if fork:
        real = drawn.draw
        parent = os.getpid()

        def fails_in_the_child(chart: object, picture: str) -> bytes:
            if os.getpid() != parent:
                raise RuntimeError("the child fails")
            return real(chart, picture)  # type: ignore[arg-type]

        monkeypatch.setattr(drawn, "draw", fails_in_the_child)
        with drawn.drawing(made, "svg") as pictures:
            assert pictures() == here
