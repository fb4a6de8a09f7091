"""The learner's study day: it rolls over at `rollover_hour` local time, not at midnight UTC."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo

from quizmg.scheduling.settings import Settings

HOUR_MS = 3_600_000
DAY_MS = 86_400_000
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


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


class StudyDays:
    """Study days of many instants in one learner's zone, counted fast for replaying a whole log.

    Instants are integer milliseconds since the Unix epoch (UTC) and days are numbered from
    1970-01-01, so `day_number(ms)` is `study_day()` as a number, without a datetime or an
    `astimezone` per review. The zone's UTC offset is looked up once per UTC day and kept:
    where it is the same at both ends of that day, it holds all day long, because no time zone
    changes its offset twice within a day (in the IANA database the closest two changes are
    almost four days apart). A day with a change in it is computed exactly, review by review.
    """

    def __init__(self, settings: Settings) -> None:
        self._zone = _zone(settings)
        self._rollover_ms = settings.rollover_hour * HOUR_MS
        # UTC day number -> the zone's offset in ms that whole day, or None: it changes that day.
        self._offsets: dict[int, int | None] = {}

    def _offset_ms(self, epoch_ms: int) -> int:
        """The zone's UTC offset at one instant, exactly (the slow way)."""
        local = (EPOCH + timedelta(milliseconds=epoch_ms)).astimezone(self._zone)
        offset = local.utcoffset()
        assert offset is not None  # astimezone always gives an aware time
        return offset // timedelta(milliseconds=1)

    def _day_offset_ms(self, utc_day: int, epoch_ms: int) -> int:
        """The offset at `epoch_ms`, learning whether it holds for its whole UTC day."""
        if utc_day not in self._offsets:
            first = self._offset_ms(utc_day * DAY_MS)
            last = self._offset_ms(utc_day * DAY_MS + DAY_MS - 1)
            self._offsets[utc_day] = first if first == last else None
        offset = self._offsets[utc_day]
        return self._offset_ms(epoch_ms) if offset is None else offset

    def day_number(self, epoch_ms: int) -> int:
        """The learner's study day at `epoch_ms`, as days since 1970-01-01."""
        utc_day = epoch_ms // DAY_MS
        offset = self._offsets.get(utc_day)
        if offset is None:
            offset = self._day_offset_ms(utc_day, epoch_ms)
        # The local wall clock, moved back by the rollover hour, falls on the study day's date.
        return (epoch_ms + offset - self._rollover_ms) // DAY_MS
