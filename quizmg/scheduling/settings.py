"""Scheduling settings: retention, steps, limits, the learner's day, leeches, FSRS parameters."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from quizmg.errors import QuizmgError

# FSRS-6 has 21 weights; the bounds are the fsrs package's own (checked in the validator below).
PARAMETER_COUNT = 21


class Settings(BaseModel):
    """How cards are scheduled for one learner (or one deck, with overrides)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    desired_retention: float = Field(0.9, ge=0.7, le=0.99)
    learning_steps: list[float] = Field(default_factory=lambda: [1.0, 10.0])  # minutes
    relearning_steps: list[float] = Field(default_factory=lambda: [10.0])  # minutes
    maximum_interval: int = Field(36500, ge=1, le=36500)  # days
    new_per_day: int = Field(20, ge=0)
    reviews_per_day: int = Field(200, ge=0)
    rollover_hour: int = Field(4, ge=0, le=23)  # the learner's local time
    timezone: str | None = None  # IANA name; None = the machine's local zone
    leech_threshold: int = Field(8, ge=0)  # lapses; 0 turns leech detection off
    leech_action: Literal["suspend", "tag"] = "suspend"
    bury_siblings: bool = True
    learn_ahead_minutes: float = Field(20.0, ge=0, le=24 * 60)  # learning cards shown this early at most
    fuzz: bool = True
    parameters: list[float] | None = None  # 21 FSRS-6 weights; None = the defaults
    hard_seconds: float = Field(25.0, gt=0)  # a graded answer slower than this proposes Hard
    easy_seconds: float = Field(6.0, gt=0)  # a graded answer faster than this proposes Easy

    @field_validator("learning_steps", "relearning_steps")
    @classmethod
    def _steps_positive(cls, steps: list[float]) -> list[float]:
        # A zero step would show the same card again at once, forever.
        if any(step <= 0 for step in steps):
            raise ValueError("every step must be a positive number of minutes")
        # Steps beyond a day belong to the review phase, not to learning.
        if any(step >= 24 * 60 for step in steps):
            raise ValueError("every step must be shorter than a day (1440 minutes)")
        return steps

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, name: str | None) -> str | None:
        if name is None:
            return None
        try:
            ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(
                f"unknown time zone {name!r} (use an IANA name such as Europe/Berlin)"
            ) from None
        return name

    @field_validator("parameters")
    @classmethod
    def _parameters_in_bounds(cls, weights: list[float] | None) -> list[float] | None:
        if weights is None:
            return None
        if len(weights) != PARAMETER_COUNT:
            raise ValueError(f"FSRS-6 needs {PARAMETER_COUNT} parameters, got {len(weights)}")
        from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

        wrong = [
            f"w[{index}] = {weight} is outside {low}..{high}"
            for index, (weight, low, high) in enumerate(
                zip(weights, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True)
            )
            if not low <= weight <= high
        ]
        if wrong:
            raise ValueError("; ".join(wrong))
        return weights

    @model_validator(mode="after")
    def _easy_faster_than_hard(self) -> Settings:
        if self.easy_seconds >= self.hard_seconds:
            raise ValueError(
                f"easy_seconds ({self.easy_seconds}) must be less than "
                f"hard_seconds ({self.hard_seconds})"
            )
        return self

    def fsrs_parameters(self) -> tuple[float, ...]:
        """The 21 FSRS-6 weights in use: the learner's own, or the fsrs package's defaults."""
        if self.parameters is not None:
            return tuple(self.parameters)
        from fsrs.scheduler import DEFAULT_PARAMETERS

        return tuple(DEFAULT_PARAMETERS)


def _describe(error: ValidationError) -> str:
    """Every problem of a validation error, one per line, named by setting."""
    lines = []
    for problem in error.errors():
        name = ".".join(str(part) for part in problem["loc"]) or "settings"
        message = problem["msg"].removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            message = "is not a setting (known: " + ", ".join(Settings.model_fields) + ")"
        lines.append(f"  {name}: {message}")
    return "invalid scheduling settings:\n" + "\n".join(lines)


def settings_from_mapping(values: Mapping[str, Any]) -> Settings:
    """Settings from plain values (a config table, a JSON object); problems -> QuizmgError."""
    try:
        return Settings.model_validate(dict(values))
    except ValidationError as error:
        raise QuizmgError(_describe(error)) from None


def with_overrides(base: Settings, overrides: Mapping[str, Any]) -> Settings:
    """`base` with some settings replaced (a deck's overrides), validated as a whole."""
    return settings_from_mapping({**base.model_dump(), **overrides})
