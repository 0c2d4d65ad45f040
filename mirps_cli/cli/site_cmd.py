"""`mirps site`."""

import os
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from mirps_cli.cli.common import (
    AsOfOption,
    PlansOption,
    guarded,
    parse_as_of,
    template_dir_option,
)

if TYPE_CHECKING:
    from mirps_cli.atomic import NewFolder
    from mirps_cli.site.views import SiteMap
    from mirps_cli.tree import Tree


class SiteLangs(StrEnum):
    both = "both"
    es = "es"
    en = "en"


LANGS = {SiteLangs.both: ("es", "en"), SiteLangs.es: ("es",), SiteLangs.en: ("en",)}


@guarded
def site(
    output: Annotated[
        Path,
        typer.Option(
            "-o",
            "--output",
            metavar="DIR",
            help="The folder to write the site into: a new or empty one, or a site mirps "
            "wrote before (replaced whole, once the new one is complete).",
        ),
    ],
    lang: Annotated[
        SiteLangs,
        typer.Option("--lang", help="The site's languages: both (Spanish and English), es or en."),
    ] = SiteLangs.both,
    as_of: AsOfOption = None,
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            metavar="URL",
            help="The address the site is published at (https://example.org/mirps/): for the "
            "canonical links, the feed's ids and the sitemap (written only with it).",
            show_default=False,
        ),
    ] = None,
    template_dir: Annotated[
        Path | None,
        template_dir_option(
            "Templates (site-*.html.j2, site.css, site-filter.js) that replace mirps's "
            "own, by file name."
        ),
    ] = None,
    plans: PlansOption = None,
) -> None:
    """Write the plans as a static web site: a home page, a page per member, per commitment,
    per work plan and the Fund, in Spanish and English, with the data beside it.

    The pages need no server and no script (an optional one filters the longer tables) and
    load nothing from the network; the same plans, --as-of and SOURCE_DATE_EPOCH give the
    same bytes. Pages are written as they are made, into a hidden folder that replaces DIR
    only once the site is whole.
    """

    from mirps_cli import git
    from mirps_cli.atomic import NewFolder
    from mirps_cli.cli.common import build_day, check_folder_option, resolve_plans_dir
    from mirps_cli.cli.loading import load_valid_tree
    from mirps_cli.cli.targets import check_site_folder
    from mirps_cli.i18n import Message, language_of_locale
    from mirps_cli.site import paths, site_map

    when = parse_as_of(as_of)
    folder = resolve_plans_dir(plans)
    check_folder_option(template_dir, "--template-dir")
    base = _base_url(base_url)
    check_site_folder(output, folder, paths.MANIFEST)
    langs = LANGS[lang]
    # --lang is the site's; messages (the plans' errors) are in the locale's language.
    tree = load_valid_tree(plans, when, language_of_locale(os.environ))
    # SOURCE_DATE_EPOCH fixes the day the site says it was built; the plans' revision and
    # --as-of fix the rest.
    built = build_day()
    site_of = site_map(tree, when, langs, built, git.describe(folder) or "")
    # The entry point turns the cyclic collector off (a command's objects live until it ends),
    # but a site makes thousands of pages, each leaving cycles behind (Jinja's contexts): at
    # 10,000 commitments 300 MB of them. Collected again, with the tree frozen out of its
    # sight so that it is never walked.
    import gc

    from mirps_cli.output.charts import warm

    warm()  # before the fork: matplotlib's modules and fonts shared by both processes
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)  # few collections: a page's cycles are small
    gc.enable()
    with NewFolder(output) as out:
        count = _write_site(out, tree, site_of, template_dir, base)
    said = Message(
        f"{output}: {count} pages ({', '.join(langs)})",
        f"{output}: {count} páginas ({', '.join(langs)})",
    )
    typer.echo(said.in_lang(language_of_locale(os.environ)))


def _write_site(
    out: "NewFolder",
    tree: "Tree",
    site_of: "SiteMap",
    template_dir: Path | None,
    base: str | None,
) -> int:
    """Every file of the site, each written as it is made; the number of pages. With two
    languages and two cores, a forked child writes the second language while this process
    writes the first; then this process writes the data."""
    import json

    from mirps_cli.forked import at_once
    from mirps_cli.output import site_html, site_sitemap
    from mirps_cli.site import paths
    from mirps_cli.site.views import Chooser
    from mirps_cli.templating import template_file

    first, *rest = site_of.langs

    def mine() -> int:
        return _write_language(out, tree, site_of, first, template_dir, base)

    def theirs() -> int:
        return sum(_write_language(out, tree, site_of, lang, template_dir, base) for lang in rest)

    out.write(paths.STYLE, template_file("site.css", template_dir))
    out.write(paths.SCRIPT, template_file("site-filter.js", template_dir))
    count = sum(at_once(mine, theirs))
    # The data once the child has ended and this process's views are gone: the export's
    # copy of the largest plan is the other peak of memory (tens of MB at 10,000
    # commitments), and made beside the pages of both languages it was the site's peak.
    _write_json(out, tree, site_of)
    out.write_chunks(
        paths.HOME, site_html.render(Chooser(), paths.HOME, first, site_of, template_dir, base)
    )
    if base is not None:
        names = sorted(p.name for p in (out.folder / first).glob("*.html"))
        out.write(paths.SITEMAP, site_sitemap.render(names, site_of.langs, base))
    manifest = {
        "generator": "mirps site",
        "revision": site_of.revision,
        "as_of": site_of.as_of.isoformat(),
        "built": site_of.built.isoformat(),
        "languages": list(site_of.langs),
        "pages": count + 1,
    }
    out.write(paths.MANIFEST, json.dumps(manifest, indent=2) + "\n")
    return count + 1


def _write_json(out: "NewFolder", tree: "Tree", site_of: "SiteMap") -> None:
    """The machine-readable copy: `mirps export`'s JSON."""
    from mirps_cli.export import exported
    from mirps_cli.output import export_json
    from mirps_cli.site import paths
    from mirps_cli.tree.view import view_of

    view = view_of(tree, site_of.as_of, None)
    out.write_chunks(paths.DATA_JSON, export_json.render(exported(view)))


def _write_language(
    out: "NewFolder",
    tree: "Tree",
    site_of: "SiteMap",
    lang: str,
    template_dir: Path | None,
    base: str | None,
) -> int:
    """One language's folder: its pages, each written as soon as it is made, its feed, and
    its status table of every commitment (`mirps status --format csv`: the home page's rows)."""
    from mirps_cli.output import site_feed, site_html, status_csv
    from mirps_cli.site import feed, pages, paths, recent_changes
    from mirps_cli.site.views import Home
    from mirps_cli.tree.view import view_of

    view = view_of(tree, site_of.as_of, lang)
    recent = recent_changes(view, site_of.as_of, lang)  # for the pages and the feed alike
    count = 0
    for name, page in pages(view, site_of, lang, recent):
        html = site_html.render(page, name, lang, site_of, template_dir, base)
        out.write_chunks(f"{lang}/{name}", html)
        count += 1
        if isinstance(page, Home):
            out.write(paths.status_csv(lang), status_csv.render(page.regional, lang))
    news = site_feed.render(feed(recent, site_of.as_of), lang, site_of, base)
    out.write(f"{lang}/{paths.FEED}", news)
    return count


def _base_url(value: str | None) -> str | None:
    """--base-url: an http(s) address, ending in / so that page names follow it."""
    if value is None:
        return None
    from urllib.parse import urlsplit

    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or any(c in value for c in ' "<>'):
        raise typer.BadParameter(
            f"{value!r} is not a web address: give one like https://example.org/mirps/",
            param_hint="'--base-url'",
        )
    return value if value.endswith("/") else value + "/"
