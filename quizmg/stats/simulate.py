"""What the coming days hold: daily workload and retention, simulated from the learner's own cards.

fsrs-rs-python's `simulate` starts from an empty collection (its Python binding takes no existing
cards), so it cannot say what *this* learner's next weeks look like. This simulator starts from
the cards as they stand (stability, difficulty, last review, due day), lets in new cards at the
daily limit, and steps day by day: a due card is recalled with its FSRS probability, ratings
follow the learner's own habits from the log, and fsrs-rs gives the next memory state and
interval. One fixed seed for every desired retention, so the comparison is fair.

Simplifications (said so the numbers are read rightly): learning and relearning steps are not
timed within the day; they add their answers to the day's count and time (measured from the
log), and the memory state after them is FSRS's state for the first rating.
"""

from __future__ import annotations

import heapq
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from statistics import fmean, median
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.days import days_between, study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.scheduling.scheduler import forgetting_curve
from quizmg.scheduling.settings import Settings

if TYPE_CHECKING:
    from quizmg.stats.report import StatsInput

RETENTIONS: tuple[float, ...] = (0.80, 0.85, 0.90, 0.95)
# fsrs-rs's defaults, used when the log is too short to measure the learner's own habits.
DEFAULT_FIRST_RATINGS = (0.24, 0.094, 0.495, 0.171)
DEFAULT_PASS_RATINGS = (0.224, 0.631, 0.145)  # hard, good, easy among passed reviews
DEFAULT_SECONDS = 10.0
MIN_SAMPLE = 20


@dataclass(frozen=True)
class Habits:
    """How the learner answers, measured from the log: what the simulation assumes."""

    first_ratings: tuple[float, float, float, float]  # again, hard, good, easy on a first sight
    pass_ratings: tuple[float, float, float]  # hard, good, easy among passed reviews
    seconds_per_answer: float
    answers_per_new_card: float  # answers on a card's first study day (learning steps)
    measured: bool  # False when the defaults were used


@dataclass(frozen=True)
class SimCard:
    """A card at the start: memory state, study day of its last review and of its due date (0 = today)."""

    stability: float
    difficulty: float
    last_day: int
    due_day: int


@dataclass(frozen=True)
class SimDay:
    """One simulated day: answers, reviews of graduated cards, new cards, time, recall."""

    day: int
    reviews: int
    passed: int
    new: int
    answers: int
    minutes: float
    retention: float  # mean recall probability of every card seen so far, at the day's end


@dataclass(frozen=True)
class Simulation:
    """The simulated days at one desired retention, and their averages."""

    desired_retention: float
    days: list[SimDay]

    @property
    def reviews_per_day(self) -> float:
        """Mean reviews of graduated cards a day."""
        return fmean(day.reviews for day in self.days)

    @property
    def minutes_per_day(self) -> float:
        """Mean minutes a day."""
        return fmean(day.minutes for day in self.days)

    @property
    def pass_rate(self) -> float | None:
        """Expected share of reviews passed (true retention)."""
        reviews = sum(day.reviews for day in self.days)
        return sum(day.passed for day in self.days) / reviews if reviews else None

    @property
    def final_retention(self) -> float:
        """Mean recall probability of the cards seen, at the end."""
        return self.days[-1].retention if self.days else 0.0

    def to_dict(self) -> dict[str, Any]:
        """The run as JSON-ready values."""
        return {
            "desired_retention": self.desired_retention,
            "reviews_per_day": round(self.reviews_per_day, 2),
            "minutes_per_day": round(self.minutes_per_day, 2),
            "pass_rate": None if self.pass_rate is None else round(self.pass_rate, 4),
            "final_retention": round(self.final_retention, 4),
            "days": [
                {"day": d.day, "reviews": d.reviews, "passed": d.passed, "new": d.new, "answers": d.answers,
                 "minutes": round(d.minutes, 2), "retention": round(d.retention, 4)}
                for d in self.days
            ],
        }


@dataclass(frozen=True)
class Comparison:
    """Simulations at the learner's desired retention and at a few others."""

    current: float
    habits: Habits
    cards: int
    new_cards: int
    runs: list[Simulation] = field(default_factory=list)

    def run_for(self, retention: float) -> Simulation:
        """The run at one desired retention."""
        return next(run for run in self.runs if abs(run.desired_retention - retention) < 1e-9)

    def to_dict(self) -> dict[str, Any]:
        """Every figure, JSON-ready."""
        return {
            "current_desired_retention": self.current,
            "cards": self.cards,
            "new_cards": self.new_cards,
            "habits": {
                "first_ratings": [round(p, 4) for p in self.habits.first_ratings],
                "pass_ratings": [round(p, 4) for p in self.habits.pass_ratings],
                "seconds_per_answer": round(self.habits.seconds_per_answer, 2),
                "answers_per_new_card": round(self.habits.answers_per_new_card, 2),
                "measured": self.habits.measured,
            },
            "runs": [run.to_dict() for run in self.runs],
        }


def _shares(counts: Sequence[int]) -> tuple[float, ...]:
    total = sum(counts)
    return tuple(count / total for count in counts)


def measure_habits(data: StatsInput) -> Habits:
    """The learner's rating shares, time per answer and answers per new card, from study reviews."""
    from quizmg.stats.history import replay_log

    settings = data.settings
    first = [0, 0, 0, 0]
    passes = [0, 0, 0]
    seconds: list[float] = []
    first_day: dict[str, object] = {}
    first_day_answers: dict[str, int] = {}
    reviews = [r for r in data.reviews if r.time <= data.now]
    # The phase before each answer comes from the replay, so a log without phases works too.
    for moment in replay_log(reviews, data.settings_for or (lambda _deck: settings)).moments:
        review = moment.review
        if review.duration_ms > 0:
            seconds.append(review.duration_ms / 1000)
        day = study_day(review.time, settings)
        if moment.before.phase is CardPhase.NEW:
            first_day[review.card_key] = day
            first[review.rating - 1] += 1
        elif moment.is_review_phase and moment.passed:
            passes[review.rating - 2] += 1
        if first_day.get(review.card_key) == day:
            first_day_answers[review.card_key] = first_day_answers.get(review.card_key, 0) + 1
    measured = sum(first) >= MIN_SAMPLE and sum(passes) >= MIN_SAMPLE
    return Habits(
        first_ratings=_shares(first) if sum(first) >= MIN_SAMPLE else DEFAULT_FIRST_RATINGS,  # type: ignore[arg-type]
        pass_ratings=_shares(passes) if sum(passes) >= MIN_SAMPLE else DEFAULT_PASS_RATINGS,  # type: ignore[arg-type]
        # The median: one answer left open over lunch should not make every day look longer.
        seconds_per_answer=median(seconds) if len(seconds) >= MIN_SAMPLE else DEFAULT_SECONDS,
        answers_per_new_card=(fmean(first_day_answers.values()) if len(first_day_answers) >= MIN_SAMPLE
                              else 1.0 + len(settings.learning_steps)),
        measured=measured,
    )


def starting_cards(data: StatsInput) -> tuple[list[SimCard], int]:
    """The seen cards as simulator cards, and how many unseen cards wait (suspended and retired left out)."""
    settings = data.settings
    today = study_day(data.now, settings)
    cards: list[SimCard] = []
    new = 0
    for card in data.cards:
        if card.retired or card.suspended:
            continue
        state = card.state
        if state.stability is None or state.difficulty is None or state.last_review is None:
            new += 1
            continue
        due = study_day(state.due, settings) if state.due else today
        cards.append(SimCard(
            stability=state.stability,
            difficulty=state.difficulty,
            last_day=-max(0, days_between(state.last_review, data.now, settings)),
            due_day=max(0, (due - today).days),
        ))
    return cards, new


def simulate(
    cards: Sequence[SimCard],
    new_cards: int,
    settings: Settings,
    habits: Habits,
    days: int,
    desired_retention: float,
    seed: int = 2024,
) -> Simulation:
    """Step `days` study days from today at this desired retention (see the module docstring)."""
    from fsrs_rs_python import FSRS, MemoryState

    parameters = settings.fsrs_parameters()
    model = FSRS(list(parameters))
    rng = random.Random(seed)
    ratings = (1, 2, 3, 4)
    # Card arrays: stability, difficulty, last review day; the heap holds (due day, order, index).
    stability = [card.stability for card in cards]
    difficulty = [card.difficulty for card in cards]
    last = [card.last_day for card in cards]
    due = [(card.due_day, index, index) for index, card in enumerate(cards)]
    heapq.heapify(due)
    waiting_new = new_cards
    relearning_answers = len(settings.relearning_steps)
    result: list[SimDay] = []
    for day in range(days):
        reviews = passed = answers = 0
        while due and due[0][0] <= day and reviews < settings.reviews_per_day:
            _, _, index = heapq.heappop(due)
            elapsed = day - last[index]
            recall = forgetting_curve(elapsed, stability[index], parameters)
            rating = 1
            if rng.random() < recall:
                rating = rng.choices(ratings[1:], habits.pass_ratings)[0]
                passed += 1
            reviews += 1
            answers += 1 + (relearning_answers if rating == 1 else 0)
            state = model.next_states(MemoryState(stability[index], difficulty[index]), desired_retention, elapsed)
            _schedule(state, rating, index, day, stability, difficulty, last, due, settings)
        introduced = min(waiting_new, settings.new_per_day)
        for _ in range(introduced):
            rating = rng.choices(ratings, habits.first_ratings)[0]
            state = model.next_states(None, desired_retention, 0)
            stability.append(0.0)
            difficulty.append(0.0)
            last.append(day)
            _schedule(state, rating, len(stability) - 1, day, stability, difficulty, last, due, settings)
        waiting_new -= introduced
        answers += round(introduced * habits.answers_per_new_card)
        seen = len(stability)
        # Recall at the end of the day, one day after today's answers.
        retention = (
            fmean(forgetting_curve(day + 1 - last[i], stability[i], parameters) for i in range(seen)) if seen else 0.0
        )
        result.append(SimDay(day, reviews, passed, introduced, answers,
                             answers * habits.seconds_per_answer / 60, retention))
    return Simulation(desired_retention, result)


def _schedule(state: Any, rating: int, index: int, day: int, stability: list[float], difficulty: list[float],
              last: list[int], due: list[tuple[int, int, int]], settings: Settings) -> None:
    """Give card `index` the memory state and interval of `rating` among fsrs-rs's next states."""
    chosen = (state.again, state.hard, state.good, state.easy)[rating - 1]
    stability[index] = chosen.memory.stability
    difficulty[index] = chosen.memory.difficulty
    last[index] = day
    interval = min(settings.maximum_interval, max(1, round(chosen.interval)))
    heapq.heappush(due, (day + interval, index, index))


def compare_retentions(data: StatsInput, days: int, retentions: Sequence[float] = RETENTIONS,
                       seed: int = 2024) -> Comparison:
    """Simulations at the learner's desired retention and at `retentions`, from the same start."""
    habits = measure_habits(data)
    cards, new = starting_cards(data)
    current = data.settings.desired_retention
    chosen = sorted({round(r, 4) for r in (*retentions, current)})
    runs = [simulate(cards, new, data.settings, habits, days, retention, seed) for retention in chosen]
    return Comparison(current, habits, len(cards), new, runs)
