"""Pydantic schemas of the plan files. Strict: an unknown key is an error, never dropped."""

from mirps_cli.model.commitment import Commitment, StatusEntry
from mirps_cli.model.national_plan import NationalPlan
from mirps_cli.model.work_plan import WorkPlan

__all__ = ["Commitment", "NationalPlan", "StatusEntry", "WorkPlan"]
