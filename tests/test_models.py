"""Unit tests of the schemas and of the derived states."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from mirps_cli.dates import PartialDate, parse_as_of
from mirps_cli.model import Commitment, NationalPlan, WorkPlan
from mirps_cli.model.common import LocalizedText, text_in
from mirps_cli.model.tracked import stale_cutoff
from mirps_cli.vocab import Status


def commitment(**fields: object) -> Commitment:
    return Commitment.model_validate({"id": "HN-01", "title": "A commitment", **fields})


class TestPartialDate:
    @pytest.mark.parametrize(
        ("text", "earliest", "latest"),
        [
            ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
            ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
            ("2023-03-15", dt.date(2023, 3, 15), dt.date(2023, 3, 15)),
        ],
    )
    def test_precision(self, text: str, earliest: dt.date, latest: dt.date) -> None:
        date = PartialDate.parse(text)
        assert (date.earliest(), date.latest(), str(date)) == (earliest, latest, text)

    def test_year_written_as_number(self) -> None:
        assert PartialDate.parse(2020) == PartialDate(2020)

    @pytest.mark.parametrize("bad", ["2023-13", "2023-02-30", "March 2023", "23-03", True, 2.5])
    def test_rejects(self, bad: object) -> None:
        with pytest.raises(ValueError):
            PartialDate.parse(bad)

    def test_a_text_read_again_is_the_same_date(self) -> None:
        first = PartialDate.parse("2021-06")
        again = PartialDate.parse("2021-06")
        assert again is first and again == PartialDate(2021, 6)
        for _ in range(2):  # a refused text is refused each time, never remembered
            with pytest.raises(ValueError):
                PartialDate.parse("2021-13")

    def test_as_of_counts_from_last_day(self) -> None:
        assert parse_as_of("2023-03") == dt.date(2023, 3, 31)
        assert parse_as_of(None, today=dt.date(2026, 1, 2)) == dt.date(2026, 1, 2)


class TestStrictModels:
    def test_unknown_key_is_an_error(self) -> None:
        with pytest.raises(ValidationError) as caught:
            commitment(titel="typo")
        assert caught.value.errors()[0]["type"] == "extra_forbidden"

    def test_status_vocabulary_is_closed(self) -> None:
        with pytest.raises(ValidationError):
            commitment(status_history=[{"status": "done"}])
        assert [s.value for s in Status] == [
            "planned",
            "in_progress",
            "fulfilled",
            "suspended",
            "cancelled",
        ]

    def test_models_are_frozen(self) -> None:
        c = commitment()
        with pytest.raises(ValidationError):
            c.title = "changed"  # type: ignore[misc]

    def test_country_must_be_a_member(self) -> None:
        with pytest.raises(ValidationError, match="not a MIRPS member"):
            NationalPlan.model_validate({"country": "US"})

    def test_work_plan_activity_ids(self) -> None:
        with pytest.raises(ValidationError):
            WorkPlan.model_validate(
                {
                    "presidency": {"country": "HN", "year": 2022},
                    "title": "x",
                    "outcomes": [
                        {"id": "1", "title": "o", "activities": [{"id": "one", "title": "a"}]}
                    ],
                }
            )

    def test_activity_reference_form(self) -> None:
        assert commitment(activities=["2022:1.1"]).activities == ["2022:1.1"]
        with pytest.raises(ValidationError):
            commitment(activities=["1.1"])


class TestBilingualText:
    def test_plain_or_localized(self) -> None:
        c = commitment(title={"en": "Law", "es": "Ley"}, description="Plain")
        assert isinstance(c.title, LocalizedText)
        assert text_in(c.title, "es") == ("Ley", False)
        assert text_in(c.description, "es") == ("Plain", False)

    def test_falls_back_to_the_other_language(self) -> None:
        c = commitment(title={"es": "Ley"})
        assert text_in(c.title, "en") == ("Ley", True)

    def test_needs_one_language(self) -> None:
        with pytest.raises(ValidationError, match="English"):
            commitment(title={})


class TestDerivedStates:
    def test_current_status_is_the_last_entry(self) -> None:
        c = commitment(
            status_history=[
                {"date": "2022-01", "status": "planned"},
                {"date": "2022-06", "status": "in_progress"},
            ]
        )
        assert c.status is Status.IN_PROGRESS
        assert commitment().status is None

    def test_overdue(self) -> None:
        c = commitment(due="2022-03", status_history=[{"date": "2022-01", "status": "in_progress"}])
        assert not c.is_overdue(dt.date(2022, 3, 31))
        assert c.is_overdue(dt.date(2022, 4, 1))
        done = commitment(
            due="2022-03", status_history=[{"date": "2022-05", "status": "fulfilled"}]
        )
        assert not done.is_overdue(dt.date(2023, 1, 1))

    def test_stale_after_twelve_months(self) -> None:
        c = commitment(status_history=[{"date": "2022-01-15", "status": "in_progress"}])
        assert not c.is_stale(dt.date(2023, 1, 15))
        assert c.is_stale(dt.date(2023, 1, 16))
        assert commitment().is_stale(dt.date(2022, 1, 1))

    def test_closed_commitments_are_never_stale(self) -> None:
        c = commitment(status_history=[{"date": "2019", "status": "fulfilled"}])
        assert not c.is_stale(dt.date(2026, 1, 1))

    def test_stale_cutoff_on_month_ends(self) -> None:
        assert stale_cutoff(dt.date(2024, 2, 29)) == dt.date(2023, 2, 28)
        assert stale_cutoff(dt.date(2023, 3, 31)) == dt.date(2022, 3, 31)


class TestMilestones:
    def test_a_commitment_without_history_takes_its_status_from_its_milestones(self) -> None:
        def with_parts(*statuses: str | None) -> Commitment:
            parts = [
                {"id": f"HN-01.{n}", "title": "part"}
                | ({"status_history": [{"date": "2022", "status": s}]} if s else {})
                for n, s in enumerate(statuses, 1)
            ]
            return commitment(milestones=parts)

        assert with_parts("fulfilled", "fulfilled").status is Status.FULFILLED
        assert with_parts("fulfilled", "cancelled").status is Status.FULFILLED
        assert with_parts("cancelled", "cancelled").status is Status.CANCELLED
        assert with_parts("fulfilled", "planned").status is Status.IN_PROGRESS
        assert with_parts("fulfilled", None).status is Status.IN_PROGRESS
        assert with_parts("planned", None).status is Status.PLANNED
        assert with_parts("planned", "suspended").status is Status.SUSPENDED
        assert with_parts(None, None).status is None
        assert with_parts("fulfilled").status_derived

    def test_an_own_history_wins_over_the_milestones(self) -> None:
        c = commitment(
            status_history=[{"date": "2023", "status": "in_progress"}],
            milestones=[{"id": "HN-01.1", "title": "part", "status_history": []}],
        )
        assert c.status is Status.IN_PROGRESS
        assert not c.status_derived
