"""`mirps site`: the plans as a static web site. Every page is parsed and its links followed;
the site is rebuilt byte for byte; -o never loses a folder; plan text cannot become markup."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urlsplit

import pytest

from tests.helpers import SHIPPED_PLANS, Run

AS_OF = "2026-11-30"
EPOCH = "1780000000"  # 2026-05-28
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
VOID |= {"track", "wbr"}


class Page(HTMLParser):
    """One page as the tests read it: its links, ids, headings, landmarks, and whether every
    element it opens is closed in order (a tag soup would fail here)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.errors: list[str] = []
        self.links: list[str] = []
        self.resources: list[str] = []  # what a browser loads by itself: styles, scripts, images
        self.ids: set[str] = set()
        self.headings: list[int] = []
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []
        self.in_svg = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if "id" in values and not self.in_svg:
            if values["id"] in self.ids:
                self.errors.append(f"id {values['id']} twice")
            self.ids.add(values["id"])
        if tag == "svg":
            self.in_svg += 1
        if tag == "a" and "href" in values:
            self.links.append(values["href"])
        if tag == "link" and values.get("rel") in ("stylesheet", "icon"):
            self.resources.append(values["href"])
        if tag in ("script", "img", "iframe", "source") and "src" in values:
            self.resources.append(values["src"])
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag not in VOID and not self.in_svg:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in VOID or self.in_svg:
            self.handle_starttag(tag, attrs)
            if tag == "svg":
                self.in_svg -= 1
        else:
            self.errors.append(f"<{tag}/> is not an empty element")

    def handle_endtag(self, tag: str) -> None:
        if tag == "svg":
            self.in_svg -= 1
            return
        if self.in_svg:
            return
        if not self.open or self.open[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.open[-1] if self.open else 'nothing'}")
            return
        self.open.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    page.close()
    assert page.errors == [], (path.name, page.errors)
    assert page.open == [], (path.name, page.open)
    return page


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Run]:
    """The shipped plans' site, built once for the module."""
    from typer.testing import CliRunner

    from mirps_cli.cli.app import app

    out = tmp_path_factory.mktemp("site") / "public"
    monkey = pytest.MonkeyPatch()
    monkey.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        done = CliRunner().invoke(
            app, ["site", "-o", str(out), "--as-of", AS_OF, "--plans", str(SHIPPED_PLANS)]
        )
    finally:
        monkey.undo()
    return out, Run(done.exit_code, done.stdout, done.stderr)


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_has_a_page_for_everything(built: tuple[Path, Run]) -> None:
    site, run = built
    assert run.exit_code == 0, run.stderr
    assert run.stderr == ""
    pages = _pages(site)
    assert re.fullmatch(rf"{re.escape(str(site))}: {len(pages)} pages \(es, en\)\n", run.stdout)
    commitments = {p.stem for p in (site / "es").glob("??-*.html")}
    from mirps_cli.tree import Tree  # noqa: F401  (the tree is what the site shows)

    shipped = {
        line.split(":", 1)[1].strip()
        for path in (SHIPPED_PLANS / "national").glob("*.yaml")
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.match(r"^  - id: [A-Z]{2}-", line)
    }
    assert commitments == shipped and len(shipped) >= 30
    for lang in ("es", "en"):
        names = {p.name for p in (site / lang).glob("*.html")}
        assert {"index.html", "HN.html", "work-plan-2022.html", "fund.html"} <= names
        assert (site / lang / "feed.xml").is_file()
    assert {p.name for p in (site / "es").iterdir()} == {p.name for p in (site / "en").iterdir()}
    manifest = json.loads((site / "mirps-site.json").read_text())
    assert manifest["generator"] == "mirps site" and manifest["as_of"] == AS_OF
    assert manifest["built"] == "2026-05-28" and manifest["pages"] == len(pages)


def test_every_page_is_whole_html_and_every_internal_link_leads_somewhere(
    built: tuple[Path, Run],
) -> None:
    site, _ = built
    ids: dict[Path, set[str]] = {}
    pages = {path: parsed(path) for path in _pages(site)}
    for path, page in pages.items():
        ids[path] = page.ids
    checked = 0
    for path, page in pages.items():
        for link in page.links + page.resources:
            parts = urlsplit(link)
            if parts.scheme in ("http", "https"):
                assert link not in page.resources  # nothing loaded from the network
                continue
            if parts.scheme == "data":
                continue
            assert parts.scheme == "" and not parts.netloc, link
            target, fragment = urldefrag(link)
            file = (path.parent / target).resolve() if target else path
            assert file.is_file(), f"{path.relative_to(site)}: {link} leads nowhere"
            if fragment:
                assert fragment in ids[file], f"{path.relative_to(site)}: no #{fragment}"
            checked += 1
    assert checked > 1000


def test_every_commitment_is_two_clicks_from_the_home_page(built: tuple[Path, Run]) -> None:
    site, _ = built
    for lang in ("es", "en"):
        home = site / lang / "index.html"
        seen = {home}
        frontier = {home}
        for _ in range(2):
            nxt = set()
            for page in frontier:
                for link in parsed(page).links:
                    target = urldefrag(link)[0]
                    if target and not urlsplit(link).scheme:
                        file = (page.parent / target).resolve()
                        if file.suffix == ".html" and file not in seen:
                            nxt.add(file)
            seen |= nxt
            frontier = nxt
        every = set((site / lang).glob("??-*.html"))
        assert every and every <= {p for p in seen}


def test_pages_are_accessible_by_construction(built: tuple[Path, Run]) -> None:
    """What a screen reader and a keyboard need, on every page: the language, one h1 and no
    skipped heading level, a main landmark reached by a skip link, tables with captions and
    column headers, a text alternative on every chart, the other language linked."""
    site, _ = built
    for path in _pages(site):
        page = parsed(path)
        tags = page.tags
        html = next(a for t, a in tags if t == "html")
        lang = path.parent.name if path.parent != site else "es"
        assert html["lang"] == lang
        assert page.headings.count(1) == 1, path.name
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, (path.name, page.headings)
        assert any(t == "main" and a.get("id") == "main" for t, a in tags)
        assert any(t == "a" and a.get("href") == "#main" for t, a in tags)
        assert sum(t == "table" for t, _ in tags) == sum(t == "caption" for t, _ in tags)
        assert all(a.get("scope") == "col" for t, a in tags if t == "th")
        for t, a in tags:
            if t == "svg" and a.get("class") == "chart":
                assert a["role"] == "img"
        if path.parent != site:
            other = "en" if lang == "es" else "es"
            assert f"../{other}/{path.name}" in page.links
    home = parsed(site / "es" / "index.html")
    assert any(t == "title" for t, _ in home.tags)
    assert any(t == "svg" for t, _ in home.tags)  # the chart, drawn into the page


def test_pages_say_what_status_says_in_their_language(
    built: tuple[Path, Run], mirps: Callable[..., Run]
) -> None:
    site, _ = built
    es = (site / "es" / "HN-03.html").read_text()
    en = (site / "en" / "HN-03.html").read_text()
    assert "Historial de estado" in es and "Status history" in en
    assert "febrero de 2018" in es and "February 2018" in en  # dates in the page's language
    detail = mirps(
        "status", "HN-03", "--as-of", AS_OF, "--format", "json", "--plans", str(SHIPPED_PLANS)
    )
    for source in json.loads(detail.stdout)["sources"]:
        assert f'href="{source}"' in en
    home = (site / "en" / "index.html").read_text()
    assert "Generated" not in home and "Built by mirps from the plans" in home
    assert "November 30, 2026" in home and "May 28, 2026" in home  # as of, built on
    assert "30 de noviembre de 2026" in (site / "es" / "index.html").read_text()
    honduras = (site / "es" / "HN.html").read_text()
    assert "Qué cambió en los últimos doce meses" in honduras
    assert 'href="HN-03.html"' in honduras


def test_the_data_beside_the_pages_is_what_export_and_status_give(
    built: tuple[Path, Run], mirps: Callable[..., Run]
) -> None:
    site, _ = built
    exported = mirps("export", "--as-of", AS_OF, "--plans", str(SHIPPED_PLANS))
    assert json.loads((site / "data" / "mirps.json").read_text()) == json.loads(exported.stdout)
    for lang in ("es", "en"):
        status = mirps(
            "status",
            "--as-of",
            AS_OF,
            "--format",
            "csv",
            "--lang",
            lang,
            "--plans",
            str(SHIPPED_PLANS),
        )
        assert (site / "data" / f"status-{lang}.csv").read_text() == status.stdout
        assert f'href="../data/status-{lang}.csv"' in (site / lang / "HN.html").read_text()


def test_the_feed_is_atom_and_links_to_pages(built: tuple[Path, Run]) -> None:
    site, _ = built
    atom = "{http://www.w3.org/2005/Atom}"
    for lang in ("es", "en"):
        feed = ET.parse(site / lang / "feed.xml").getroot()
        assert feed.tag == f"{atom}feed"
        entries = feed.findall(f"{atom}entry")
        assert entries, "the shipped plans have changes in the twelve months to the as-of day"
        ids = [e.findtext(f"{atom}id") for e in entries]
        assert len(set(ids)) == len(ids)
        for entry in entries:
            assert re.fullmatch(
                r"\d{4}-\d\d-\d\dT00:00:00Z", entry.findtext(f"{atom}updated") or ""
            )
            href = entry.find(f"{atom}link").get("href")  # type: ignore[union-attr]
            assert (site / lang / urldefrag(href or "")[0]).is_file()


def test_the_same_plans_give_the_same_bytes(
    built: tuple[Path, Run],
    tmp_path: Path,
    mirps: Callable[..., Run],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    site, _ = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    again = tmp_path / "again"
    run = mirps("site", "-o", str(again), "--as-of", AS_OF, "--plans", str(SHIPPED_PLANS))
    assert run.exit_code == 0, run.stderr
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(again) for p in again.rglob("*") if p.is_file())
    for name in files:
        assert (site / name).read_bytes() == (again / name).read_bytes(), name


def test_one_language_and_a_base_address(tmp_path: Path, mirps: Callable[..., Run]) -> None:
    out = tmp_path / "public"
    base = "https://example.org/mirps"
    run = mirps(
        "site",
        "-o",
        str(out),
        "--lang",
        "en",
        "--base-url",
        base,
        "--as-of",
        AS_OF,
        "--plans",
        str(SHIPPED_PLANS),
    )
    assert run.exit_code == 0, run.stderr
    assert not (out / "es").exists() and (out / "en" / "index.html").is_file()
    page = (out / "en" / "HN-03.html").read_text()
    assert '<link rel="canonical" href="https://example.org/mirps/en/HN-03.html">' in page
    assert "../es/" not in page  # no other language to link
    ns = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    urls = [u.findtext(f"{ns}loc") for u in ET.parse(out / "sitemap.xml").getroot()]
    assert f"{base}/en/HN-03.html" in urls
    assert len(urls) == len(list((out / "en").glob("*.html")))
    bad = mirps(
        "site",
        "-o",
        str(tmp_path / "x"),
        "--base-url",
        "example.org",
        "--plans",
        str(SHIPPED_PLANS),
    )
    assert bad.exit_code == 2 and "--base-url" in bad.stderr and "not a web address" in bad.stderr
    assert not (tmp_path / "x").exists()


def _tree_bytes(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_a_folder_of_other_files_is_never_replaced(
    tmp_path: Path, mirps: Callable[..., Run]
) -> None:
    mine = tmp_path / "docs"
    mine.mkdir()
    (mine / "notes.txt").write_text("mine")
    run = mirps("site", "-o", str(mine), "--plans", str(SHIPPED_PLANS))
    assert run.exit_code == 2 and run.stdout == ""
    assert "holds files mirps did not write" in run.stderr
    assert _tree_bytes(mine) == {"notes.txt": b"mine"}
    for target, said in [
        (SHIPPED_PLANS / "site", "overlap"),
        (SHIPPED_PLANS.parent, "overlap"),
        (tmp_path / "missing" / "public", "does not exist"),
        (mine / "notes.txt", "is a file"),
    ]:
        run = mirps("site", "-o", str(target), "--plans", str(SHIPPED_PLANS))
        assert run.exit_code == 2 and said in run.stderr, (target, run.stderr)
    assert not (SHIPPED_PLANS / "site").exists()


def _hidden_gone(folder: Path, seconds: float = 20) -> bool:
    import time

    deadline = time.monotonic() + seconds
    while any(p.name.startswith(".") for p in folder.iterdir()):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


def test_a_site_is_replaced_whole_or_not_at_all(tmp_path: Path, mirps: Callable[..., Run]) -> None:
    out = tmp_path / "public"
    first = mirps("site", "-o", str(out), "--lang", "en", "--plans", str(SHIPPED_PLANS))
    assert first.exit_code == 0, first.stderr
    (out / "en" / "stale.html").write_text("an old page")
    before = _tree_bytes(out)
    # A template that fails half way: the old site stays as it was, no hidden folder is left.
    templates = tmp_path / "templates"
    templates.mkdir()
    (templates / "site-commitment.html.j2").write_text("{{ no_such_thing }}")
    broken = mirps(
        "site", "-o", str(out), "--template-dir", str(templates), "--plans", str(SHIPPED_PLANS)
    )
    assert broken.exit_code == 1 and broken.stdout == ""
    assert "site-commitment.html.j2, line 1" in broken.stderr
    assert _tree_bytes(out) == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    # Built again: the old site is replaced whole (its stale page gone).
    again = mirps("site", "-o", str(out), "--lang", "es", "--plans", str(SHIPPED_PLANS))
    assert again.exit_code == 0, again.stderr
    assert not (out / "en").exists() and (out / "es" / "index.html").is_file()
    # The old folder is removed behind the command's back: gone within seconds.
    assert _hidden_gone(tmp_path)


def test_plan_text_cannot_become_markup(tmp_path: Path, mirps: Callable[..., Run]) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    path = plans / "national" / "HN.yaml"
    text = path.read_text(encoding="utf-8")
    title = re.search(r"(?m)^    title:\n      en: (.+)$", text)
    assert title is not None
    evil = '"<script>alert(1)</script> & <b onclick=x>bold</b>\\u202e"'
    path.write_text(text.replace(title.group(0), title.group(0).replace(title.group(1), evil), 1))
    out = tmp_path / "public"
    run = mirps("site", "-o", str(out), "--lang", "en", "--plans", str(plans))
    assert run.exit_code == 0, run.stderr
    for page in (out / "en").glob("*.html"):
        html = page.read_text()
        assert "<script>alert" not in html and "<b onclick" not in html
        assert "\u202e" not in html
    home = (out / "en" / "HN.html").read_text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b onclick=x&gt;" in home
    assert "\\u202e" in home  # the direction override written out


def test_a_plan_with_errors_builds_no_site(tmp_path: Path, mirps: Callable[..., Run]) -> None:
    plans = tmp_path / "plans"
    shutil.copytree(SHIPPED_PLANS, plans)
    (plans / "national" / "HN.yaml").write_text("country: HN\ncommitments: [")
    out = tmp_path / "public"
    run = mirps("site", "-o", str(out), "--plans", str(plans))
    assert run.exit_code == 1 and run.stdout == ""
    assert "HN.yaml" in run.stderr and "fix them first" in run.stderr
    assert not out.exists()


def _axe() -> Path:
    """axe-core's script, from the npm registry (`.ci/run` installs it into .ci/tools)."""
    from tests.helpers import REPO, not_run

    found = REPO / ".ci" / "tools" / "node_modules" / "axe-core" / "axe.min.js"
    if not found.is_file():
        not_run(
            "axe-core is not installed", "npm install --prefix .ci/tools axe-core, as .ci/run does"
        )
    return found


class _Quiet:
    """A local web server on 127.0.0.1 serving a folder, in a thread, without its log."""

    def __init__(self, folder: Path) -> None:
        import functools
        import http.server
        import threading

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

        handler = functools.partial(Handler, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.root = f"http://127.0.0.1:{self.server.server_address[1]}/"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


PAGES = ["es/index.html", "es/HN.html", "es/HN-03.html", "en/work-plan-2022.html"]


def test_a_real_browser_shows_the_pages_with_and_without_javascript(
    built: tuple[Path, Run], tmp_path: Path
) -> None:
    """Debian's Chromium, headless, driven by Playwright (no browser download): no console
    error, no request leaves the machine, a screenshot of each page; with JavaScript off the
    same tables show, and only the filter box the script adds is missing; axe-core finds no
    violation at all (not even a moderate or minor one)."""
    import os

    from tests.helpers import system_tool

    chromium = system_tool("chromium", "apt-get install chromium")
    axe = _axe()
    from playwright.sync_api import sync_playwright

    site, _ = built
    server = _Quiet(site)
    left: list[str] = []
    errors: list[str] = []
    tables: dict[bool, dict[str, list[str]]] = {True: {}, False: {}}
    filters: dict[bool, int] = {True: 0, False: 0}
    violations: dict[str, list[str]] = {}
    try:
        with sync_playwright() as driver:
            sandbox = ["--no-sandbox"] if os.geteuid() == 0 else []
            browser = driver.chromium.launch(executable_path=chromium, args=sandbox)
            for script in (True, False):
                context = browser.new_context(java_script_enabled=script)

                def only_here(route: object) -> None:
                    url = route.request.url  # type: ignore[attr-defined]
                    if url.startswith(server.root) or url.startswith("data:"):
                        route.continue_()  # type: ignore[attr-defined]
                    else:
                        left.append(url)
                        route.abort()  # type: ignore[attr-defined]

                context.route("**/*", only_here)
                page = context.new_page()
                page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
                page.on("pageerror", lambda e: errors.append(str(e)))
                for name in PAGES:
                    response = page.goto(server.root + name)
                    assert response is not None and response.status == 200, name
                    tables[script][name] = page.locator("table").all_inner_texts()
                    filters[script] += page.locator(".filter input").count()
                    shot = tmp_path / f"{name.replace('/', '-')}-{'js' if script else 'nojs'}.png"
                    page.screenshot(path=str(shot), full_page=True)
                    assert shot.stat().st_size > 10_000
                    if script:
                        page.add_script_tag(path=str(axe))
                        found = page.evaluate(
                            "axe.run(document, {resultTypes: ['violations']})"
                            ".then(r => r.violations.map(v => v.id + ' ' + v.impact))"
                        )
                        violations[name] = found
                context.close()
            browser.close()
    finally:
        server.close()
    assert left == []
    assert errors == []
    assert violations == {name: [] for name in PAGES}
    assert tables[True] == tables[False] and all(tables[True].values())
    assert filters[True] > 0 and filters[False] == 0


def test_a_failing_child_costs_only_time() -> None:
    """The second language is written by a forked child; when it fails, its job is done
    again here, and its result is the same."""
    import os

    from mirps_cli.forked import at_once

    parent = os.getpid()

    def theirs() -> int:
        if os.getpid() != parent:
            raise RuntimeError("the child fails")
        return 7

    assert at_once(lambda: 5, theirs) == (5, 7)
    assert at_once(lambda: 5, lambda: 6) == (5, 6)


def test_a_failure_here_stops_the_child_first() -> None:
    import time

    from mirps_cli.forked import at_once

    def mine() -> int:
        raise OSError("the disk is full")

    def theirs() -> int:
        time.sleep(30)
        return 1

    started = time.monotonic()
    with pytest.raises(OSError, match="disk is full"):
        at_once(mine, theirs)
    # The child was stopped (and reaped), not waited for: it would sleep for 30 s.
    assert time.monotonic() - started < 10


def test_the_readme_gives_the_workflow_that_publishes_the_site() -> None:
    """README's GitHub Actions workflow is the repository's own, and it builds the site with
    its base address and hands the folder to GitHub Pages."""
    from ruamel.yaml import YAML

    from tests.helpers import REPO

    workflow = (REPO / ".github" / "workflows" / "site.yml").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert f"```yaml\n{workflow}```" in readme
    data = YAML(typ="safe").load(workflow)
    assert data["on"]["push"]["branches"] == ["main"]  # YAML 1.2: "on" is a word, not true
    steps = data["jobs"]["build"]["steps"]
    build = next(s for s in steps if s.get("name") == "Build the site")
    assert build["run"].startswith("mirps site -o public --base-url ")
    assert next(
        s["with"] for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")
    ) == {"path": "public"}
    assert data["jobs"]["deploy"]["steps"][0]["uses"].startswith("actions/deploy-pages")
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_a_bad_source_date_epoch_is_a_usage_error(
    tmp_path: Path, mirps: Callable[..., Run]
) -> None:
    for command in (["site", "-o", str(tmp_path / "public")], ["report"]):
        run = mirps(*command, "--plans", str(SHIPPED_PLANS), env={"SOURCE_DATE_EPOCH": "soon"})
        assert run.exit_code == 2 and run.stdout == ""
        assert run.stderr == (
            "mirps: SOURCE_DATE_EPOCH is 'soon': it must be a number of seconds since 1970\n"
        )
    assert not (tmp_path / "public").exists()
