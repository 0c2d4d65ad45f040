"""Where each page of the site is: one folder per language, the same file names in each (so a
page's other language is `../en/` + its own name), and every link relative, so the site works
from any address and from the disk."""

from __future__ import annotations

HOME = "index.html"
FUND = "fund.html"
FEED = "feed.xml"
STYLE = "assets/site.css"
SCRIPT = "assets/filter.js"
DATA_JSON = "data/mirps.json"
MANIFEST = "mirps-site.json"  # what says a folder is a site mirps built (and may replace)
SITEMAP = "sitemap.xml"


def member(code: str) -> str:
    return f"{code}.html"


def commitment(ident: str) -> str:
    return f"{ident}.html"


def work_plan(year: int) -> str:
    return f"work-plan-{year}.html"


def status_csv(lang: str) -> str:
    """The status table of every commitment, with the headers of that language."""
    return f"data/status-{lang}.csv"


def anchor(ident: str) -> str:
    """An item's place on its page (an activity 1.1, a working group, a Fund project)."""
    return "i-" + ident.replace(":", "-")


def group_anchor(ident: str) -> str:
    """A working group's place on a work plan's page."""
    return "g-" + ident
