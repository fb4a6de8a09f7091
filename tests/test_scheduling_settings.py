"""Scheduling settings: defaults, validation errors in one message, per-deck overrides."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quizmg.errors import QuizmgError
from quizmg.scheduling.settings import Settings, settings_from_mapping, with_overrides


def test_defaults_are_ankis() -> None:
    settings = Settings()
    assert settings.desired_retention == 0.9
    assert settings.learning_steps == [1.0, 10.0] and settings.relearning_steps == [10.0]
    assert (settings.new_per_day, settings.reviews_per_day, settings.rollover_hour) == (20, 200, 4)
    assert (settings.leech_threshold, settings.leech_action) == (8, "suspend")
    assert settings.parameters is None and len(settings.fsrs_parameters()) == 21


def test_from_mapping_accepts_text_values_from_a_config_command() -> None:
    settings = settings_from_mapping(
        {"new_per_day": "5", "fuzz": "false", "timezone": "Europe/Berlin", "learning_steps": [2, 20]}
    )
    assert (settings.new_per_day, settings.fuzz, settings.timezone) == (5, False, "Europe/Berlin")
    assert settings.learning_steps == [2.0, 20.0]


def test_every_problem_is_reported_at_once_with_its_name() -> None:
    with pytest.raises(QuizmgError) as caught:
        settings_from_mapping(
            {
                "desired_retention": 0.5,
                "rollover_hour": 24,
                "timezone": "Mars/Olympus",
                "learning_steps": [1, 0],
                "new_per_dya": 3,
            }
        )
    message = str(caught.value)
    assert message.startswith("invalid scheduling settings:")
    assert "desired_retention: Input should be greater than or equal to 0.7" in message
    assert "rollover_hour: Input should be less than or equal to 23" in message
    assert "timezone: unknown time zone 'Mars/Olympus'" in message
    assert "learning_steps: every step must be a positive number of minutes" in message
    assert "new_per_dya: is not a setting (known: desired_retention," in message
    assert "Traceback" not in message and len(message.splitlines()) == 6


def test_parameters_are_checked_against_fsrs_bounds() -> None:
    from fsrs.scheduler import DEFAULT_PARAMETERS

    with pytest.raises(QuizmgError, match="FSRS-6 needs 21 parameters, got 3"):
        settings_from_mapping({"parameters": [1, 2, 3]})
    weights = list(DEFAULT_PARAMETERS)
    weights[4] = 50.0
    with pytest.raises(QuizmgError, match=r"w\[4\] = 50.0 is outside 1.0..10.0"):
        settings_from_mapping({"parameters": weights})
    weights[4] = 5.0
    assert settings_from_mapping({"parameters": weights}).fsrs_parameters()[4] == 5.0


def test_steps_of_a_day_or_more_are_refused() -> None:
    with pytest.raises(QuizmgError, match="relearning_steps: every step must be shorter than a day"):
        settings_from_mapping({"relearning_steps": [1440]})


def test_easy_must_be_faster_than_hard() -> None:
    with pytest.raises(QuizmgError, match=r"easy_seconds \(30.0\) must be less than hard_seconds"):
        settings_from_mapping({"easy_seconds": 30})


def test_settings_are_frozen() -> None:
    with pytest.raises(ValidationError):
        Settings().new_per_day = 3  # type: ignore[misc]


def test_deck_overrides_replace_only_what_they_name() -> None:
    base = settings_from_mapping({"new_per_day": 10, "timezone": "America/New_York"})
    deck = with_overrides(base, {"desired_retention": 0.85})
    assert (deck.new_per_day, deck.timezone, deck.desired_retention) == (10, "America/New_York", 0.85)
    with pytest.raises(QuizmgError, match="desired_retention"):
        with_overrides(base, {"desired_retention": 1.5})
