"""`mirps site --base-url`: the sitemap (sitemaps.org 0.9) of every page, with each page's
other languages, for search engines. A sitemap takes only absolute addresses, so a site built
without a base address has none."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterable

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def render(names: Iterable[str], langs: tuple[str, ...], base_url: str) -> str:
    """`names` are the pages' file names, the same in each language's folder."""
    ET.register_namespace("", SITEMAP)
    ET.register_namespace("xhtml", XHTML)
    root = ET.Element(f"{{{SITEMAP}}}urlset")
    for name in names:
        for lang in langs:
            url = ET.SubElement(root, f"{{{SITEMAP}}}url")
            ET.SubElement(url, f"{{{SITEMAP}}}loc").text = f"{base_url}{lang}/{name}"
            for other in langs:
                ET.SubElement(
                    url,
                    f"{{{XHTML}}}link",
                    {"rel": "alternate", "hreflang": other, "href": f"{base_url}{other}/{name}"},
                )
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, "unicode") + "\n"
