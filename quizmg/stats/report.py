"""One statistics report: every figure, computed from the review log and the cards, in one value."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any

from quizmg.scheduling.days import study_day
from quizmg.scheduling.settings import Settings
from quizmg.stats.activity import DayActivity, Streaks, TimeSpent, activity_by_day, heatmap_days, streaks, time_spent
from quizmg.stats.cards import Bucket, CardCounts, card_counts, interval_buckets, stability_buckets
from quizmg.stats.forecast import Forecast, forecast
from quizmg.stats.history import replay_log
from quizmg.stats.mastery import Mastery, MasteryRow, QuestionInfo, WeakQuestion, mastery
from quizmg.stats.quizzes import QuizRow, quiz_history
from quizmg.stats.retention import RetentionRow, true_retention
from quizmg.store.records import CardRecord, QuizResult, Review


@dataclass
class StatsInput:
    """Everything a report is computed from: plain data, and the moment it is computed at."""

    reviews: Sequence[Review]
    cards: Sequence[CardRecord]
    now: datetime
    settings: Settings  # the collection's: its rollover hour and zone define the study days
    questions: Mapping[tuple[str, str], QuestionInfo] = field(default_factory=dict)
    quizzes: Sequence[QuizResult] = ()
    settings_for: Callable[[str], Settings] | None = None  # per-deck settings; default `settings`
    since: datetime | None = None
    queue_new: int | None = None  # new cards the study queue offers now (collection.due_counts)
    forecast_days: int = 30
    heatmap_days: int = 365


@dataclass(frozen=True)
class StatsReport:
    """Every figure of `quizmg stats`."""

    now: datetime
    today: date
    since: datetime | None
    heatmap: list[tuple[date, int]]
    activity: dict[date, DayActivity]
    streaks: Streaks
    time_spent: TimeSpent
    reviews_by_mode: dict[str, int]
    forecast: Forecast
    retention: list[RetentionRow]
    counts: CardCounts
    intervals: list[Bucket]
    stabilities: list[Bucket]
    mastery: Mastery
    quizzes: list[QuizRow]

    def to_dict(self) -> dict[str, Any]:
        """Every figure as JSON-ready values (dates as ISO text, rates as fractions 0..1)."""
        return {
            "now": self.now.isoformat(),
            "today": self.today.isoformat(),
            "since": self.since.isoformat() if self.since else None,
            "heatmap": [{"day": day.isoformat(), "reviews": count} for day, count in self.heatmap],
            "days": [
                {"day": a.day.isoformat(), "reviews": a.reviews, "seconds": round(a.seconds, 3), "by_mode": a.by_mode}
                for a in self.activity.values()
            ],
            "streaks": {
                "current": self.streaks.current,
                "longest": self.streaks.longest,
                "longest_end": self.streaks.longest_end.isoformat() if self.streaks.longest_end else None,
                "days_studied": self.streaks.days_studied,
            },
            "time": {
                "total_seconds": round(self.time_spent.total_seconds, 3),
                "reviews": self.time_spent.reviews,
                "seconds_per_review": _round(self.time_spent.seconds_per_review),
                "minutes_per_study_day": _round(self.time_spent.minutes_per_study_day),
            },
            "reviews_by_mode": self.reviews_by_mode,
            "forecast": {
                "today": self.forecast.today,
                "tomorrow": self.forecast.tomorrow,
                "overdue": self.forecast.overdue,
                "new_available": self.forecast.new_available,
                "new_today": self.forecast.new_today,
                "days": [{"day": day.isoformat(), "due": count} for day, count in self.forecast.days],
            },
            "retention": [
                {
                    "period": row.period,
                    "young_passed": row.young_passed,
                    "young_failed": row.young_failed,
                    "mature_passed": row.mature_passed,
                    "mature_failed": row.mature_failed,
                    "young": _round(row.young),
                    "mature": _round(row.mature),
                    "total": _round(row.total),
                    "predicted": _round(row.predicted),
                }
                for row in self.retention
            ],
            "cards": {
                "new": self.counts.new,
                "learning": self.counts.learning,
                "review": self.counts.review,
                "relearning": self.counts.relearning,
                "suspended": self.counts.suspended,
                "buried": self.counts.buried,
                "leech": self.counts.leech,
                "young": self.counts.young,
                "mature": self.counts.mature,
                "total": self.counts.total,
            },
            "intervals": [_bucket(b) for b in self.intervals],
            "stabilities": [_bucket(b) for b in self.stabilities],
            "mastery": {
                "decks": [_mastery_row(row) for row in self.mastery.by_deck],
                "mechanisms": [_mastery_row(row) for row in self.mastery.by_mechanism],
                "tags": [_mastery_row(row) for row in self.mastery.by_tag],
                "weakest": [_weak(q) for q in self.mastery.weakest],
                "unmapped_cards": self.mastery.unmapped_cards,
            },
            "quizzes": [
                {
                    "deck": q.deck,
                    "finished_at": q.finished_at.isoformat(),
                    "score": q.score,
                    "max_score": q.max_score,
                    "percent": _round(q.percent, 1),
                    "minutes": round(q.minutes, 2),
                }
                for q in self.quizzes
            ],
        }


def _round(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)


def _bucket(bucket: Bucket) -> dict[str, Any]:
    return {"label": bucket.label, "low": bucket.low, "high": bucket.high, "cards": bucket.cards}


def _weak(question: WeakQuestion) -> dict[str, Any]:
    return {
        "deck": question.deck,
        "question": question.question_id,
        "prompt": question.prompt,
        "retrievability": _round(question.retrievability),
        "lapses": question.lapses,
    }


def _mastery_row(row: MasteryRow) -> dict[str, Any]:
    return {
        "name": row.name,
        "label": row.label,
        "cards": row.cards,
        "seen": row.seen,
        "unseen": row.unseen,
        "retrievability": _round(row.retrievability),
        "weakest": [_weak(q) for q in row.weakest],
    }


def build_report(data: StatsInput) -> StatsReport:
    """Compute every figure of the report from `data`."""
    settings = data.settings
    settings_for = data.settings_for or (lambda _deck: settings)
    today = study_day(data.now, settings)
    reviews = [r for r in data.reviews if not r.undone and r.time <= data.now]
    recent = [r for r in reviews if data.since is None or r.time >= data.since]
    # Memory states need the whole log; only the figures shown are limited to --since.
    moments = [m for m in replay_log(reviews, settings_for).moments
               if data.since is None or m.review.time >= data.since]
    everything = activity_by_day(reviews, settings)
    activity = activity_by_day(recent, settings)
    by_mode: dict[str, int] = {}
    for review in recent:
        by_mode[review.mode] = by_mode.get(review.mode, 0) + 1
    return StatsReport(
        now=data.now,
        today=today,
        since=data.since,
        heatmap=heatmap_days(activity, today, data.heatmap_days),
        activity=activity,
        streaks=streaks(everything, today),  # a streak is about the whole history, not a window
        time_spent=time_spent(activity),
        reviews_by_mode=by_mode,
        forecast=replace(forecast(data.cards, data.now, settings, data.forecast_days), queue_new=data.queue_new),
        retention=true_retention(moments, today, settings),
        counts=card_counts(data.cards, today, settings),
        intervals=interval_buckets(data.cards, settings),
        stabilities=stability_buckets(data.cards),
        mastery=mastery(data.cards, data.questions, data.now, settings_for),
        quizzes=quiz_history(data.quizzes, data.since),
    )
