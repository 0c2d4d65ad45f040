"""`mirps site`: the recent changes as an Atom feed (RFC 4287), one per language, for people
who follow the plans in a feed reader. Written with the standard library's XML writer, so
plan text can never break the markup."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET

from mirps_cli.i18n import label, visible
from mirps_cli.output.site_words import WORDS
from mirps_cli.output.words import format_partial
from mirps_cli.site import paths
from mirps_cli.site.views import Feed, SiteMap

ATOM = "http://www.w3.org/2005/Atom"


def _stamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _clean(text: object) -> str:
    # XML 1.0 cannot hold most control characters at all: written out, as every output does.
    return visible(str(text))


def render(feed: Feed, lang: str, site: SiteMap, base_url: str | None) -> str:
    """The feed of `lang`'s folder: entries link to their pages there, relative to the feed
    (absolute with a base address), and have ids that stay the same from one build to the
    next, so a reader shows an entry once."""
    ET.register_namespace("", ATOM)
    root = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    if base_url:
        root.set("{http://www.w3.org/XML/1998/namespace}base", f"{base_url}{lang}/")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        if text is not None:
            element.text = text
        return element

    home = f"{base_url}{lang}/" if base_url else "urn:x-mirps-site:"
    add(root, "title", WORDS["feed_title"].in_lang(lang))
    add(root, "id", f"{home}{paths.FEED}")
    newest = max([c.date.earliest() for c in feed.changes] or [site.as_of])
    add(root, "updated", _stamp(min(newest, site.as_of)))
    add(root, "link", href=paths.HOME)
    add(root, "link", rel="self", href=paths.FEED)
    author = add(root, "author")
    add(author, "name", "mirps")
    seen: dict[str, int] = {}
    for change in feed.changes:
        page = site.pages.get(change.id, paths.HOME)
        key = f"{change.id}/{change.date}/{change.value}"
        seen[key] = seen.get(key, 0) + 1
        entry = add(root, "entry")
        when = format_partial(change.date, lang)
        add(entry, "title", _clean(f"{change.id} {change.title}: {change.value} ({when})"))
        add(entry, "id", f"{home}{lang}:{key}/{seen[key]}")
        add(entry, "updated", _stamp(change.date.earliest()))
        add(entry, "link", href=page)
        summary = [f"{label('date', lang)}: {when}", f"{label('change', lang)}: {change.value}"]
        if change.note:
            summary.append(str(change.note))
        summary += change.sources
        add(entry, "summary", _clean(" · ".join(summary)))
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
