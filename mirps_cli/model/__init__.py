"""Pydantic schemas of the plan files. Strict: an unknown key is an error, never dropped."""

from mirps_cli.model.commitment import Commitment
from mirps_cli.model.national_plan import NationalPlan
from mirps_cli.model.tracked import StatusEntry, Tracked
from mirps_cli.model.work_plan import WorkPlan

__all__ = ["Commitment", "NationalPlan", "StatusEntry", "Tracked", "WorkPlan"]
