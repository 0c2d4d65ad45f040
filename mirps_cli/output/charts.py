"""The charting edge: the report's charts drawn as pictures (SVG for HTML, PNG for Word), with
matplotlib, the only module that imports it.

matplotlib draws without a browser and installs from wheels; only its object API is used (no
pyplot, whose import and global state cost ~0.3 s more). Text stays text in the SVG (so a
reader can select it and a screen reader can read it), and the output is reproducible: no
date in the file, ids salted with a fixed string.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from mirps_cli.dates import PartialDate, add_months
from mirps_cli.i18n import Lang

if TYPE_CHECKING:
    from matplotlib.figure import Figure

Picture = Literal["svg", "png"]


@dataclass(frozen=True)
class Series:
    label: str  # in the chart's language, as the legend shows it
    colour: str
    values: tuple[int, ...]  # one a category


@dataclass(frozen=True)
class StackedBars:
    """Categories (members) with one stacked bar each, series (statuses) stacked in order."""

    title: str
    axis: str  # what the bars count
    categories: tuple[str, ...]
    series: tuple[Series, ...]


@dataclass(frozen=True)
class Span:
    label: str
    start: dt.date
    end: dt.date  # inclusive
    to_the_month: bool  # known only to the month: drawn as that month, hatched


@dataclass(frozen=True)
class Calendar:
    """Events and dated work on a time line, one row each."""

    title: str
    spans: tuple[Span, ...]
    months: tuple[tuple[dt.date, str], ...]  # the axis: each month's first day and its name
    month_only_note: str  # the legend's words for a span known only to the month


Chart = StackedBars | Calendar

# Okabe-Ito colours: told apart with the common colour-vision deficiencies.
COLOURS = {
    "planned": "#999999",
    "in_progress": "#0072B2",
    "fulfilled": "#009E73",
    "suspended": "#E69F00",
    "cancelled": "#D55E00",
    "later": "#CC79A7",
    "none": "#DDDDDD",
}


def draw(chart: Chart, picture: Picture) -> bytes:
    """The chart as an SVG document (UTF-8) or a PNG image."""
    from matplotlib import rcParams

    rcParams["svg.fonttype"] = "none"  # text as text, not paths
    rcParams["svg.hashsalt"] = "mirps"  # the same ids every run (and no version in the file)
    rcParams["font.family"] = "DejaVu Sans"  # shipped with matplotlib: the same on every machine
    figure = _bars(chart) if isinstance(chart, StackedBars) else _calendar(chart)
    out = io.BytesIO()
    if picture == "svg":
        figure.savefig(out, format="svg", metadata={"Date": None, "Creator": None})
    else:
        figure.savefig(out, format="png", dpi=150, metadata={"Software": None})
    return out.getvalue()


def warm() -> None:
    """Import matplotlib and load its fonts by drawing a chart of nothing: a command that
    forks does this first, so that both processes share those pages of memory (the site:
    some 30 MB less for its child) rather than each loading its own."""
    draw(StackedBars("", "", ("",), (Series(" ", COLOURS["none"], (1,)),)), "svg")


@contextmanager
def drawing(charts: Mapping[str, Chart], picture: Picture) -> Iterator[Callable[[], Drawn]]:
    """The charts drawn in a forked child while the caller makes its document: matplotlib's
    import and the drawing (0.6-0.9 s on the shipped plans) are then mostly behind the
    document's own making. The function given waits for them; where the system cannot
    fork, or the child fails, they are drawn here when asked for."""
    from mirps_cli.forked import started

    def all_drawn() -> Drawn:
        return {name: draw(chart, picture) for name, chart in charts.items()}

    pending = started(all_drawn) if charts else None

    def pictures() -> Drawn:
        sent = pending.result() if pending is not None else None
        return sent if sent is not None else all_drawn()

    try:
        yield pictures
    finally:
        if pending is not None:
            pending.close()


Drawn = dict[str, bytes]  # each chart's picture, by the chart's name


def svg_element(chart: Chart, description: str, drawn: bytes | None = None) -> str:
    """The chart as an `<svg>` element to put inside an HTML page, with a title and a
    description for screen readers (the page's text says the same in its tables); `drawn`,
    its SVG where it was drawn already."""
    from markupsafe import escape

    text = (drawn if drawn is not None else draw(chart, "svg")).decode("utf-8")
    start = text.index("<svg")
    element = text[start:]
    head_end = element.index(">") + 1
    label = f"<title>{escape(chart.title)}</title><desc>{escape(description)}</desc>"
    head = element[:head_end].replace("<svg", '<svg role="img" class="chart"', 1)
    return head + label + element[head_end:]


def _bars(chart: StackedBars) -> Figure:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    count = len(chart.categories)
    figure = Figure(figsize=(max(4.5, 0.9 * count + 2.5), 3.6), layout="constrained")
    axes = figure.add_subplot()
    bottoms = [0] * count
    for series in chart.series:
        if not any(series.values):
            continue  # a status nobody is in needs no legend entry
        axes.bar(
            chart.categories,
            series.values,
            bottom=bottoms,
            color=series.colour,
            label=series.label,
            edgecolor="white",
            linewidth=0.6,
        )
        bottoms = [b + v for b, v in zip(bottoms, series.values, strict=True)]
    axes.set_ylim(0, max([*bottoms, 1]) * 1.05)  # from zero, always: a bar of 2 has a height
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_ylabel(chart.axis)
    axes.set_title(chart.title)
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    return figure


def _calendar(chart: Calendar) -> Figure:
    from matplotlib.figure import Figure

    rows = len(chart.spans)
    figure = Figure(figsize=(8.0, max(1.8, 0.32 * rows + 1.2)), layout="constrained")
    axes = figure.add_subplot()
    for row, span in enumerate(chart.spans):
        start = _day(span.start)
        width = _day(span.end + dt.timedelta(days=1)) - start
        axes.barh(
            row,
            width,
            left=start,
            height=0.6,
            color="#9ecae1" if span.to_the_month else "#0072B2",
            hatch="//" if span.to_the_month else None,
            edgecolor="#0072B2",
            linewidth=0.6,
        )
    axes.set_yticks(range(rows), [_short(s.label) for s in chart.spans])
    axes.invert_yaxis()
    if chart.months:
        first = chart.months[0][0]
        last = chart.months[-1][0]
        after = add_months(last, 1)
        axes.set_xlim(_day(first), _day(after))
        axes.set_xticks([_day(day) for day, _ in chart.months], [n for _, n in chart.months])
    axes.tick_params(axis="x", labelsize=8)
    axes.tick_params(axis="y", labelsize=8)
    axes.grid(axis="x", color="#dddddd", linewidth=0.6)
    axes.set_axisbelow(True)
    axes.set_title(chart.title)
    axes.spines[["top", "right"]].set_visible(False)
    if any(s.to_the_month for s in chart.spans):
        from matplotlib.patches import Patch

        month = Patch(
            facecolor="#9ecae1", hatch="//", edgecolor="#0072B2", label=chart.month_only_note
        )
        axes.legend(handles=[month], loc="upper left", bbox_to_anchor=(0, -0.2), frameon=False)
    return figure


def _day(day: dt.date) -> float:
    """A date as matplotlib's date axis counts it: days since its epoch, 1970-01-01."""
    return float((day - dt.date(1970, 1, 1)).days)


def _short(label: str, width: int = 48) -> str:
    """A row's name on the axis, cut at a word: the full names are in the text beside it."""
    if len(label) <= width:
        return label
    return label[: label.rfind(" ", 0, width - 1) or width - 1].rstrip(" ,;:") + "…"


def months_between(start: dt.date, end: dt.date) -> Sequence[dt.date]:
    """The first day of every month from start's to end's."""
    days = []
    day = dt.date(start.year, start.month, 1)
    while day <= end:
        days.append(day)
        day = add_months(day, 1)
    return days


def status_bars(
    title: str,
    axis: str,
    categories: Sequence[str],
    counts: Sequence[Mapping[str, int]],
    names: Mapping[str, str],
) -> StackedBars:
    """Stacked bars by status: `counts` holds a category's number in each status key, `names`
    each key's name in the chart's language, in the order the bars stack."""
    return StackedBars(
        title=title,
        axis=axis,
        categories=tuple(categories),
        series=tuple(
            Series(name, COLOURS[key], tuple(count.get(key, 0) for count in counts))
            for key, name in names.items()
        ),
    )


def calendar(
    title: str,
    spans: Sequence[tuple[str, PartialDate, PartialDate | None]],
    start: dt.date,
    end: dt.date,
    lang: str,
    month_only_note: str,
) -> Calendar:
    """A calendar of events (label, start, end) over at least start to end, its months named
    in `lang`; an event known only to the month is drawn as that month, and marked so."""
    from babel.dates import format_date

    first = min([start, *(s.earliest() for _, s, _ in spans)])
    last = max([end, *((e or s).latest() for _, s, e in spans)])
    pattern = "LLL" if first.year == last.year else "LLL yy"
    return Calendar(
        title=title,
        spans=tuple(
            Span(label, s.earliest(), (e or s).latest(), s.day is None) for label, s, e in spans
        ),
        months=tuple(
            (d, str(format_date(d, pattern, locale=Lang(lang).value)))
            for d in months_between(first, last)
        ),
        month_only_note=month_only_note,
    )
