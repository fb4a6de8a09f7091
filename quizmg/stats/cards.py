"""The cards as they stand: counts by state, and how their intervals and stabilities spread."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from quizmg.scheduling.days import days_between
from quizmg.scheduling.memory import CardPhase
from quizmg.scheduling.settings import Settings
from quizmg.store.records import CardRecord

# Bucket upper bounds in days (the last bucket is open): short steps first, then weeks, months, years.
DAY_BUCKETS: tuple[int, ...] = (1, 3, 7, 14, 30, 90, 180, 365)


@dataclass(frozen=True)
class CardCounts:
    """Cards by state. The states are exclusive: suspended wins over buried, buried over the
    phase. Leeches are counted on top, whatever their state."""

    new: int
    learning: int
    review: int
    relearning: int
    suspended: int
    buried: int
    leech: int
    young: int  # review cards with an interval under 21 days
    mature: int

    @property
    def total(self) -> int:
        """Every card, each counted once."""
        return self.new + self.learning + self.review + self.relearning + self.suspended + self.buried


@dataclass(frozen=True)
class Bucket:
    """Cards whose value lies in (low, high] days; high None is open-ended."""

    low: int
    high: int | None
    cards: int

    @property
    def label(self) -> str:
        """'≤1d', '2-3d', '>365d'."""
        if self.high is None:
            return f">{self.low}d"
        if self.low == 0:
            return f"≤{self.high}d"
        if self.high == self.low + 1:
            return f"{self.high}d"
        return f"{self.low + 1}-{self.high}d"


def bucket_counts(values: Iterable[float], bounds: Sequence[int] = DAY_BUCKETS) -> list[Bucket]:
    """How many values fall in each bucket (0, b0], (b0, b1], ..., (b_last, ∞)."""
    counts = [0] * (len(bounds) + 1)
    for value in values:
        index = next((i for i, bound in enumerate(bounds) if value <= bound), len(bounds))
        counts[index] += 1
    lows = [0, *bounds]
    highs: list[int | None] = [*bounds, None]
    return [Bucket(low, high, count) for low, high, count in zip(lows, highs, counts, strict=True)]


def scheduled_interval(card: CardRecord, settings: Settings) -> int | None:
    """The interval, in study days, a review-phase card was last given."""
    state = card.state
    if state.phase is not CardPhase.REVIEW or state.due is None or state.last_review is None:
        return None
    return max(0, days_between(state.last_review, state.due, settings))


def card_counts(cards: Iterable[CardRecord], today: date, settings: Settings) -> CardCounts:
    """Count the cards (retired ones left out) by state."""
    tally = dict.fromkeys(("new", "learning", "review", "relearning", "suspended", "buried", "leech"), 0)
    young = mature = 0
    for card in cards:
        if card.retired:
            continue
        tally["leech"] += card.leech
        if card.suspended:
            tally["suspended"] += 1
        elif card.buried_until is not None and card.buried_until > today:
            tally["buried"] += 1
        else:
            tally[card.state.phase.name.lower()] += 1
        interval = scheduled_interval(card, settings)
        if interval is not None and not card.suspended:
            young += interval < 21
            mature += interval >= 21
    return CardCounts(**tally, young=young, mature=mature)


def interval_buckets(cards: Iterable[CardRecord], settings: Settings) -> list[Bucket]:
    """Review-phase cards (not retired) by the interval they were given."""
    return bucket_counts(
        interval
        for card in cards
        if not card.retired and (interval := scheduled_interval(card, settings)) is not None
    )


def stability_buckets(cards: Iterable[CardRecord]) -> list[Bucket]:
    """Seen cards (not retired) by FSRS stability: days until recall falls to 90 %."""
    return bucket_counts(
        card.state.stability for card in cards if not card.retired and card.state.stability is not None
    )
