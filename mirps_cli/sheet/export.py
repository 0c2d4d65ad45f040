"""`mirps sheet export`: a country's workbook, to fill in without training.

Rows hold what the plans say today (locked), then the columns to fill (shaded, open); the
hidden sheet holds what the workbook was made from (sheet/marks.py).
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from mirps_cli.categories import PILLAR_TERMS
from mirps_cli.dates import PartialDate
from mirps_cli.i18n import Message, number, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model import Commitment, NationalPlan, Tracked
from mirps_cli.model.measures import Indicator, Value
from mirps_cli.sheet.cells import reporter_name
from mirps_cli.sheet.instructions import instructions
from mirps_cli.sheet.layout import (
    COMMITMENTS,
    DATE_FORMAT,
    DAY_FIRST,
    INDICATORS,
    INSTRUCTIONS,
    META_SHEET,
    MILESTONES,
    SheetKind,
)
from mirps_cli.sheet.marks import Marks, fingerprint
from mirps_cli.tree import PlanFile
from mirps_cli.vocab import REPORTER_TERMS, STATUS_TERMS, status_label
from mirps_cli.xlsx import BookSpec, Column, SheetSpec


@dataclass(frozen=True)
class Exported:
    data: bytes
    country: str
    lang: str
    commitments: int
    milestones: int
    indicators: int


def export_book(
    plan_file: PlanFile,
    plan: NationalPlan,
    lang: str,
    today: dt.date,
    revision: str | None,
    send_to: str | None = None,
    root: Path | None = None,
) -> Exported:
    """The workbook of one national plan, in `lang`; the plan file is named relative to
    the plans folder `root`."""
    from mirps_cli.xlsx import write_book  # openpyxl: only when a workbook is written

    digest = hashlib.sha256(plan_file.path.read_bytes()).hexdigest()
    named = plan_file.path.relative_to(root).as_posix() if root else plan_file.display
    marks = Marks(plan.country, lang, named, digest, revision or "", str(today))
    commitments = [_commitment_row(plan, c, lang, today) for c in plan.commitments]
    milestones = [_milestone_row(c, m, lang, today) for c in plan.commitments for m in c.milestones]
    indicators = [
        _indicator_row(c, n, i, lang)
        for c in plan.commitments
        for n, i in enumerate(c.indicators, start=1)
    ]
    for commitment in plan.commitments:
        marks.rows[commitment.id] = fingerprint(commitment)
        for milestone in commitment.milestones:
            marks.rows[milestone.id] = fingerprint(milestone)
        for n, indicator in enumerate(commitment.indicators, start=1):
            marks.rows[indicator_id(commitment, n)] = fingerprint(indicator)
    sheets = [_instructions(plan, named, lang, today, send_to, bool(milestones), bool(indicators))]
    sheets.append(_sheet(COMMITMENTS, commitments, lang))
    if milestones:
        sheets.append(_sheet(MILESTONES, milestones, lang))
    if indicators:
        sheets.append(_sheet(INDICATORS, indicators, lang))
    sheets.append(
        SheetSpec(
            META_SHEET,
            (Column("key", 12), Column("value", 40)),
            marks.to_rows(),
            hidden=True,
            header=False,
        )
    )
    data = write_book(BookSpec(sheets, DATE_FORMAT[lang]))
    return Exported(data, plan.country, lang, len(commitments), len(milestones), len(indicators))


def indicator_id(commitment: Commitment, n: int) -> str:
    """An indicator's row id: its commitment's id and its place, CR-02/1."""
    return f"{commitment.id}/{n}"


def shown_date(date: PartialDate | None, lang: str) -> str:
    """A plan date as the sheet's language writes it: 15/03/2023, 03/2023, 2023 in Spanish;
    ISO in English."""
    if date is None:
        return ""
    if not DAY_FIRST[lang]:
        return str(date)
    parts = [f"{date.day:02d}" if date.day else None, f"{date.month:02d}" if date.month else None]
    return "/".join([p for p in parts if p] + [f"{date.year:04d}"])


def _alert(item: Tracked, today: dt.date, lang: str) -> str:
    alerts = []
    if item.is_overdue(today):
        alerts.append(Message("overdue", "vencido").in_lang(lang))
    if item.is_stale(today):
        alerts.append(
            Message("no update in 12 months", "sin actualización en 12 meses").in_lang(lang)
        )
    return "; ".join(alerts)


def _current(item: Tracked, lang: str) -> tuple[str, str]:
    if item.status is None:
        return "", ""
    entry = item.current
    when = entry.counted_from()[0] if entry is not None else None
    return status_label(item.status, lang), shown_date(when, lang)


def _commitment_row(
    plan: NationalPlan, commitment: Commitment, lang: str, today: dt.date
) -> tuple[object, ...]:
    names = {i.id: str(shown(i.name, lang)) for i in plan.institutions}
    status, when = _current(commitment, lang)
    if commitment.status_derived and status:
        status += Message(" (from its milestones)", " (de sus hitos)").in_lang(lang)
    return (
        commitment.id,
        str(shown(commitment.title, lang)),
        PILLAR_TERMS[commitment.pillar].in_lang(lang) if commitment.pillar else "",
        "; ".join(names.get(i, i) for i in commitment.responsible_institutions),
        status,
        when,
        shown_date(commitment.due, lang),
        _alert(commitment, today, lang),
    )


def _milestone_row(
    commitment: Commitment, milestone: Tracked, lang: str, today: dt.date
) -> tuple[object, ...]:
    status, when = _current(milestone, lang)
    return (
        milestone.id,
        commitment.id,
        str(shown(milestone.title, lang)),
        status,
        when,
        shown_date(milestone.due, lang),
        _alert(milestone, today, lang),
    )


def _value(value: object, lang: str) -> str:
    if isinstance(value, Value):
        return _value(value.value, lang)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int | float):
        return number(value, lang)
    return str(value)


def _indicator_row(
    commitment: Commitment, n: int, indicator: Indicator, lang: str
) -> tuple[object, ...]:
    last = indicator.values[-1] if indicator.values else None
    return (
        indicator_id(commitment, n),
        commitment.id,
        str(shown(indicator.name, lang)),
        str(shown(indicator.unit, lang)) if indicator.unit else "",
        _value(last if last is not None else indicator.actual, lang),
        shown_date(last.date if last is not None else None, lang),
        _value(indicator.target, lang),
    )


def _sheet(kind: SheetKind, rows: list[tuple[object, ...]], lang: str) -> SheetSpec:
    statuses = tuple(t.name.in_lang(lang) for t in STATUS_TERMS.values())
    reporters = tuple(reporter_name(t, lang) for t in REPORTER_TERMS.values())
    columns = tuple(
        Column(
            c.name.in_lang(lang),
            c.width,
            fill=c.fill,
            date=c.date,
            wrap=c.wrap,
            choices=statuses if c.key == "new_status" else reporters if c.key == "reporter" else (),
        )
        for c in kind.columns
    )
    blank = ("",) * sum(c.fill for c in kind.columns)
    return SheetSpec(kind.name.in_lang(lang), columns, [r + blank for r in rows])


def _instructions(
    plan: NationalPlan,
    named: str,
    lang: str,
    today: dt.date,
    send_to: str | None,
    milestones: bool,
    indicators: bool,
) -> SheetSpec:
    member = MEMBERS.get(plan.country)
    country = member.name if member else Message.same(plan.country)
    lines = instructions(country, named, lang, today, send_to, milestones, indicators)
    return SheetSpec(
        INSTRUCTIONS.in_lang(lang),
        (Column("", 110, wrap=True),),
        [(line,) for line in lines],
        header=False,
    )


def export_many(jobs: Sequence[tuple[int, Callable[[], Exported]]]) -> list[Exported]:
    """Every job's workbook (each given with its size, to share them out), in the jobs'
    order. Writing a workbook is most of an export and runs on one core: where the system
    can fork, a child writes about half of them (by size) while this process writes the
    rest (forked.started). A child that fails costs only time: its share is written here."""
    import gc

    from mirps_cli.forked import started

    if len(jobs) < 2 or sum(size for size, _ in jobs) < _FORK_FROM:
        return [job() for _, job in jobs]
    theirs: set[int] = set()
    load = [0, 0]
    for n in sorted(range(len(jobs)), key=lambda n: -jobs[n][0]):
        side = 0 if load[0] <= load[1] else 1
        load[side] += jobs[n][0]
        if side:
            theirs.add(n)
    # The tree's objects move to a generation the collector leaves alone, so that neither
    # process walks them (and the child does not copy every page it would touch doing so).
    gc.freeze()
    pending = started(lambda: {n: jobs[n][1]() for n in sorted(theirs)})
    try:
        done = {n: jobs[n][1]() for n in range(len(jobs)) if n not in theirs}
        done |= (pending.result() if pending is not None else None) or {}
    finally:
        if pending is not None:
            pending.close()  # stopped if this process failed first
        gc.unfreeze()
    # What the child did not send (it failed, or there is none) is written here.
    return [done[n] if n in done else jobs[n][1]() for n in range(len(jobs))]


# Below this many rows, a fork costs more than the second core saves.
_FORK_FROM = 2_000
