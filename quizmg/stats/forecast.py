"""What is coming: reviews due per study day over the next weeks, from the cards' cached states."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.scheduling.settings import Settings
from quizmg.store.records import CardRecord


@dataclass(frozen=True)
class Forecast:
    """Cards due per study day from today on; today's count includes everything overdue."""

    days: list[tuple[date, int]]
    overdue: int  # due before today and still waiting (part of today's count)
    new_available: int  # unseen cards, of which at most `new_per_day` come each day
    new_per_day: int
    queue_new: int | None = None  # what the study queue itself offers today (each deck's own limit)

    @property
    def today(self) -> int:
        """Reviews and learning cards waiting today, overdue ones included."""
        return self.days[0][1] if self.days else 0

    @property
    def tomorrow(self) -> int:
        """Cards that fall due on the next study day."""
        return self.days[1][1] if len(self.days) > 1 else 0

    @property
    def new_today(self) -> int:
        """New cards today's limits let in: the study queue's own count when known (each deck's
        new_per_day, less what was introduced today), as `quizmg due` says."""
        if self.queue_new is not None:
            return self.queue_new
        return min(self.new_available, self.new_per_day)


def forecast(cards: Iterable[CardRecord], now: datetime, settings: Settings, days: int = 30) -> Forecast:
    """Seen cards due on each of the next `days` study days (suspended and retired ones left out).

    A buried card counts on the day it comes back, not on the day it was due.
    """
    today = study_day(now, settings)
    counts = [0] * days
    overdue = new = 0
    for card in cards:
        if card.retired or card.suspended:
            continue
        if card.state.phase is CardPhase.NEW or card.state.due is None:
            new += 1
            continue
        day = study_day(card.state.due, settings)
        if card.buried_until is not None and card.buried_until > day:
            day = card.buried_until
        offset = (day - today).days
        if offset < 0:
            overdue += 1
            offset = 0
        if offset < days:
            counts[offset] += 1
    series = [(today + timedelta(days=offset), count) for offset, count in enumerate(counts)]
    return Forecast(series, overdue, new, settings.new_per_day)
