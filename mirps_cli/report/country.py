"""One country's chapter of the annual report: relevant indicators, achievements and
challenges, quantification, and the tool's own summary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from mirps_cli.categories import PILLAR_TERMS, Pillar
from mirps_cli.i18n import label, shown
from mirps_cli.members import MEMBERS
from mirps_cli.model import Commitment, NationalPlan
from mirps_cli.model.commitment import Milestone
from mirps_cli.report.views import (
    CountryChapter,
    Counts,
    FigureLine,
    Item,
    Progress,
    ToSupply,
)
from mirps_cli.status.figures import (
    coverage,
    figure_text,
    quantification_text,
    request_text,
)
from mirps_cli.status.since import Change
from mirps_cli.vocab import REPORTER_TERMS, Status

NO_STATUS = "none"
# A commitment whose only entries in the period's view are undated ones recorded after it:
# its status then is not "none" but known later (the achievement was reported, undated).
LATER = "later"


Standing = Status | str | None  # a status, LATER, or None (no status)
Known = Mapping[int, Standing]  # each commitment's standing, by id(), worked out once


def statuses_of(
    commitments: Iterable[Commitment], later: frozenset[str] = frozenset()
) -> dict[int, Standing]:
    """Each commitment's status: a report counts it by pillar, focus area and country, and
    a status derived from milestones is worked out anew each time it is asked for. One with
    no status whose undated achievement was recorded later (`later`) counts as LATER."""
    return {id(c): c.status or (LATER if c.id in later else None) for c in commitments}


# The commitments of a plan with their status at the start of the period.
Then = list[tuple[Commitment, Standing]]


def tally(statuses: Iterable[Standing]) -> dict[str, int]:
    counts = {str(s): 0 for s in Status} | {NO_STATUS: 0, LATER: 0}
    for status in statuses:
        counts[str(status) if status else NO_STATUS] += 1
    return counts


def status_counts(commitments: list[Commitment], known: Known | None = None) -> dict[str, int]:
    return tally(known[id(c)] if known is not None else c.status for c in commitments)


def _by_id(plan: NationalPlan) -> dict[str, Commitment | Milestone]:
    """The plan's commitments and milestones by id, looked up once per change."""
    items: dict[str, Commitment | Milestone] = {c.id: c for c in plan.commitments}
    items.update((m.id, m) for c in plan.commitments for m in c.milestones)
    return items


def _progress(change: Change, items: dict[str, Commitment | Milestone], lang: str) -> Progress:
    reporter = ""
    item = items.get(change.id)
    if item is not None:
        entry = next((e for e in item.status_history if e.status == change.status), None)
        if entry is not None and entry.reporter is not None:
            reporter = REPORTER_TERMS[entry.reporter].in_lang(lang)
    assert change.status is not None
    return Progress(
        change.date,
        change.dated_by,
        change.id,
        change.title,
        change.status,
        change.note,
        reporter,
        change.sources,
    )


def _to_supply(plan: NationalPlan, progress: list[Progress], later: frozenset[str]) -> ToSupply:
    """What the national team must send for its chapter: a dated entry for each commitment
    with nothing dated in the period, the dates of undated achievements, the costing, the
    period of each figure without one."""
    dated = {p.id.split(".")[0] for p in progress}
    return ToSupply(
        entries=[c.id for c in plan.commitments if c.id not in dated],
        dates=[c.id for c in plan.commitments if c.date_not_reported or c.id in later],
        costing=not plan.quantification,
        periods=[f for f in plan.figures if f.start is None and f.end is None and f.date is None],
    )


def chapter(
    plan: NationalPlan,
    then: Then,
    changes: list[Change],
    end: dt.date,
    lang: str,
    known: Known | None = None,
    later: frozenset[str] = frozenset(),
) -> CountryChapter:
    """The chapter of `plan` as it stood at the period's end; `then` its commitments with
    their status at the period's start; `changes` the country's changes in it."""
    member = MEMBERS[plan.country]
    status_changes = [c for c in changes if c.status is not None]
    items = _by_id(plan)
    progress = [_progress(c, items, lang) for c in status_changes if c.kind.en == "commitment"]
    reached = [
        _progress(c, items, lang)
        for c in status_changes
        if c.kind.en == "milestone" and c.status is Status.FULFILLED
    ]
    commitments = list(plan.commitments)
    by_pillar = []
    for pillar in [*Pillar, None]:
        now = [c for c in commitments if c.pillar is pillar]
        before = [status for c, status in then if c.pillar is pillar]
        if now or before:
            name = PILLAR_TERMS[pillar].in_lang(lang) if pillar else label("no_pillar", lang)
            by_pillar.append(Counts(name, tally(before), status_counts(now, known)))
    institutions = {i.id: i.name for i in plan.institutions}
    return CountryChapter(
        to_supply=_to_supply(plan, progress + reached, later),
        member=member,
        name=member.name.in_lang(lang),
        figures=[
            FigureLine(
                figure_text(f, lang),
                any(d is not None for d in (f.start, f.end, f.date)),
                list(f.sources),
            )
            for f in plan.figures
        ],
        progress=progress,
        milestones=reached,
        undated=[Item(c.id, shown(c.title, lang)) for c in commitments if c.date_not_reported],
        later=[
            Item(c.id, shown(c.title, lang))
            for c in commitments
            if c.id in later and not c.date_not_reported
        ],
        overdue=[Item(c.id, shown(c.title, lang), c.due) for c in commitments if c.is_overdue(end)],
        stale=[
            Item(c.id, shown(c.title, lang), c.last_dated)
            for c in commitments
            if c.is_stale(end) and c.id not in later
        ],
        factors=[shown(f, lang) for c in commitments for f in c.facilitating_factors],
        challenges=[shown(f, lang) for c in commitments for f in c.challenges],
        quantification=[quantification_text(q, lang) for q in plan.quantification],
        requests=[request_text(r, lang) for r in plan.support_requests]
        + [f"{c.id}: {request_text(r, lang)}" for c in commitments for r in c.support_requests],
        by_status=Counts(
            label("commitments", lang),
            tally(status for _, status in then),
            status_counts(commitments, known),
        ),
        by_pillar=by_pillar,
        coverage=coverage(plan, lang),
        team=[shown(institutions.get(i, i), lang) for i in plan.team.members],
        encoded=len(commitments),
    )
