"""The plans mirps ships: complete, faithful to their sources, and valid."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from mirps_cli.model import NationalPlan, WorkPlan
from mirps_cli.schema import json_schema
from mirps_cli.validate import validate_tree
from tests.helpers import SHIPPED_PLANS

MEMBERS = ["BZ", "CR", "GT", "HN", "MX", "PA", "SV"]


@pytest.fixture(scope="module")
def tree():  # type: ignore[no-untyped-def]
    result = validate_tree(SHIPPED_PLANS, dt.date(2024, 1, 1))
    assert result.errors == []
    return result.tree


def test_one_national_plan_per_member(tree) -> None:  # type: ignore[no-untyped-def]
    assert sorted(p.country for _, p in tree.national_plans()) == MEMBERS


def test_work_plan_2022_is_complete(tree) -> None:  # type: ignore[no-untyped-def]
    [(_, plan)] = tree.work_plans()
    assert isinstance(plan, WorkPlan)
    assert (plan.presidency.country, plan.presidency.year) == ("HN", 2022)
    assert len(plan.objectives) == 4
    assert [o.id for o in plan.outcomes] == ["1", "2", "3", "4"]
    assert [a.id for a in plan.activities()] == [
        "1.1",
        "1.2",
        "1.3",
        "2.1",
        "2.2",
        "3.1",
        "3.2",
        "3.3",
        "3.4",
        "4.1",
        "4.2",
        "4.3",
        "4.4",
        "4.5",
        "4.6",
    ]
    groups = {g.id: (g.lead_country, len(g.priorities)) for g in plan.working_groups}
    assert groups == {
        "reception-admission": ("MX", 3),
        "internal-displacement": ("HN", 2),
        "local-governance": ("PA", 3),
        "jobs-livelihoods": ("CR", 4),
    }
    assert len(plan.coordination_mechanisms) == 5
    assert len(plan.timeline) == 21
    assert plan.fund is not None


def test_only_sourced_event_dates(tree) -> None:  # type: ignore[no-untyped-def]
    [(_, plan)] = tree.work_plans()
    dated = {e.id: str(e.date) for e in plan.timeline if e.date is not None}
    assert dated == {"twinning-meeting-asylum": "2022-05-04", "annual-meeting-5": "2022-12-13"}
    assert all(e.sources for e in plan.timeline if e.date is not None)


def test_every_commitment_has_sources(tree) -> None:  # type: ignore[no-untyped-def]
    counts = {}
    for _, plan in tree.national_plans():
        assert isinstance(plan, NationalPlan)
        counts[plan.country] = len(plan.commitments)
        for commitment in plan.commitments:
            assert commitment.sources, commitment.id
            for entry in commitment.status_history:
                assert entry.sources, commitment.id
    assert counts == {"BZ": 7, "CR": 2, "GT": 6, "HN": 5, "MX": 5, "PA": 4, "SV": 2}


def test_every_fact_has_a_source_address(tree) -> None:  # type: ignore[no-untyped-def]
    """Every commitment, milestone, status entry, figure, request, dated event, activity entry
    and Fund entry names at least one source (an undated event is the work plan's own words:
    the plan names the document it was encoded from)."""
    unsourced = []
    for _, plan in tree.national_plans():
        for figure in plan.figures:
            unsourced += [] if figure.sources else [f"{plan.country} figure {figure.value}"]
        team = plan.team
        if team.date is not None and not team.sources:
            unsourced.append(f"{plan.country} technical team")
        for request in plan.support_requests:
            unsourced += [] if request.sources else [f"{plan.country} request"]
        for c in plan.commitments:
            items = [c, *c.milestones]
            unsourced += [i.id for i in items if not i.sources]
            unsourced += [f"{i.id} entry" for i in items for e in i.status_history if not e.sources]
            unsourced += [f"{c.id} request" for r in c.support_requests if not r.sources]
    for _, work_plan in tree.work_plans():
        # The plan's own words name the document it was encoded from (no address is given).
        assert work_plan.title and work_plan.approval
        for event in work_plan.timeline:
            if event.date is not None and not event.sources:
                unsourced.append(event.id)
            unsourced += [f"{event.id} entry" for e in event.status_history if not e.sources]
        for outcome in work_plan.outcomes:
            for activity in outcome.activities:
                for entry in activity.status_history:
                    unsourced += [] if entry.sources else [f"activity {activity.id} entry"]
    for _, fund in tree.funds():
        unsourced += [f"gift {g.donor}" for g in fund.contributions if not g.sources]
        for project in fund.projects:
            unsourced += [] if project.sources else [project.id]
            unsourced += [f"{project.id} entry" for e in project.status_history if not e.sources]
    assert unsourced == []


def test_the_2022_draft_has_the_years_dated_work(mirps) -> None:  # type: ignore[no-untyped-def]
    draft = mirps("report", "--plans", str(SHIPPED_PLANS), "--year", "2022", "--lang", "es").stdout
    regional = draft.split("\n## II.")[1]
    assert "13 de diciembre de 2022: `annual-meeting-5`" in regional
    assert "marco operativo del Fondo" in regional or "operational framework" in regional
    assert "21 de septiembre de 2022" in regional
    # More than one dated entry of 2022 in the national chapters and the regional part.
    assert draft.count("de 2022 — ") + draft.count("2022 — ") > 1


@pytest.mark.parametrize("path", sorted(SHIPPED_PLANS.glob("*/*.yaml")), ids=lambda p: p.name)
def test_each_file_names_its_schema(path) -> None:  # type: ignore[no-untyped-def]
    first = path.read_text(encoding="utf-8").splitlines()[0]
    kind = {"national": "national-plan", "regional": "work-plan", "fund": "fund"}[path.parent.name]
    assert first == f"# yaml-language-server: $schema=../schema/{kind}.schema.json"
    assert (path.parent / f"../schema/{kind}.schema.json").resolve().is_file()


@pytest.mark.parametrize(
    ("kind", "name"), [("national", "national-plan"), ("work-plan", "work-plan"), ("fund", "fund")]
)
def test_exported_schemas_are_current(kind: str, name: str) -> None:
    """Regenerate with: mirps schema --kind KIND > plans/schema/NAME.schema.json"""
    shipped = json.loads((SHIPPED_PLANS / "schema" / f"{name}.schema.json").read_text())
    assert shipped == json_schema(kind)
