"""Walks over a plan enter only the fields that can lead to what they change."""

from __future__ import annotations

from pydantic import BaseModel

from mirps_cli.model import Commitment, NationalPlan, StatusEntry
from mirps_cli.model.common import LocalizedText
from mirps_cli.model.reach import leads_to, model_types, reaches


def _is_status_entry(model: type[BaseModel]) -> bool:
    return issubclass(model, StatusEntry)


def test_a_plan_leads_to_its_status_entries_and_a_list_of_text_does_not() -> None:
    fields = NationalPlan.model_fields
    assert leads_to(fields["commitments"].annotation, _is_status_entry)
    assert not leads_to(Commitment.model_fields["sources"].annotation, _is_status_entry)
    assert model_types(Commitment.model_fields["title"].annotation) == (LocalizedText,)


class _Node(BaseModel):
    children: list[_Node] = []
    name: str = ""


def test_a_model_that_holds_itself_is_walked_once() -> None:
    assert not reaches(_Node, _is_status_entry)
    assert reaches(_Node, lambda m: m is _Node)
