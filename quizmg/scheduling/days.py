"""The learner's study day: it rolls over at `rollover_hour` local time, not at midnight UTC."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from quizmg.scheduling.settings import Settings


def _zone(settings: Settings) -> tzinfo | None:
    """The learner's zone; None means the machine's local zone."""
    return ZoneInfo(settings.timezone) if settings.timezone else None


def study_day(now: datetime, settings: Settings) -> date:
    """The learner's day at `now`: before the rollover hour it is still yesterday."""
    if now.tzinfo is None:
        raise ValueError(f"now must be timezone-aware, got naive {now!r}")
    local = now.astimezone(_zone(settings))  # astimezone(None) = the machine's local zone
    # Wall-clock comparison, so 04:00 stays 04:00 on both sides of a DST change.
    if local.hour >= settings.rollover_hour:
        return local.date()
    return local.date() - timedelta(days=1)


def day_start(day: date, settings: Settings) -> datetime:
    """The UTC instant at which study day `day` began (its rollover hour, local time)."""
    wall = datetime.combine(day, time(settings.rollover_hour))
    zone = _zone(settings)
    # fold=0: an hour that happens twice (autumn) counts from its first occurrence; an hour
    # skipped (spring) maps to the first instant after the gap, matching study_day().
    local = wall.astimezone() if zone is None else wall.replace(tzinfo=zone)
    return local.astimezone(timezone.utc)


def next_day_start(now: datetime, settings: Settings) -> datetime:
    """The UTC instant the next study day begins (when buried cards come back)."""
    return day_start(study_day(now, settings) + timedelta(days=1), settings)


def days_between(earlier: datetime, later: datetime, settings: Settings) -> int:
    """How many study-day rollovers lie between two instants (0 = the same study day)."""
    return (study_day(later, settings) - study_day(earlier, settings)).days
