"""Statistics on a small crafted history, built through the real store with fixed times; every
figure is checked against values worked out by hand from the history below."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.cli.common import COLLECTION_FILE
from quizmg.scheduling.settings import Settings
from quizmg.stats.mastery import question_infos
from quizmg.stats.report import StatsInput, StatsReport, build_report
from quizmg.store import Collection, open_collection

DECK = """\
id: heart
title: Heart
mechanisms:
  - id: adrenaline
    agent: adrenaline
    action: stimulates
    target: beta-1 receptors
    effects: [heart rate rises, output increases]
    tags: [autonomic]
    skip: [what, target, "true", "false", order, cloze, why, whatif, not, pathway]
questions:
  - id: pacemaker
    kind: basic
    prompt: What sets the heart's rhythm?
    answer: The sinoatrial node
    tags: [anatomy]
  - id: valve
    kind: basic
    prompt: Which valve guards the left ventricle's outflow?
    answer: The aortic valve
    tags: [anatomy]
  - id: vagus
    kind: basic
    prompt: Which nerve slows the heart?
    answer: The vagus nerve
"""

A = "heart/adrenaline.recall/1"
B = "heart/pacemaker/1"
NOW = datetime(2024, 6, 10, 12, 0, tzinfo=timezone.utc)
UTC_DAYS = Settings(timezone="UTC")  # rollover 04:00 UTC

# (card, rating, UTC time, mode, milliseconds). The store decides each phase; the comments say
# what it decided (checked in test_history_is_as_designed), which the hand figures rest on.
HISTORY = [
    (A, 3, "2024-05-01T09:00", "study", 5000),   # new -> learning
    (A, 4, "2024-05-01T09:12", "study", 5000),   # learning -> review (4 days)
    (B, 3, "2024-05-02T09:00", "study", 5000),   # new -> learning
    (B, 3, "2024-05-02T09:11", "study", 5000),   # learning -> review (2 days)
    (A, 4, "2024-05-20T10:00", "study", 5000),   # review, interval 4: young, passed
    (B, 3, "2024-05-20T10:05", "study", 5000),   # review, interval 2: young, passed
    (A, 3, "2024-06-08T02:00", "cram", 8000),    # study day 06-07 (before the 04:00 rollover)
    (B, 2, "2024-06-08T10:00", "quiz", 12000),   # study day 06-08; not a scheduling review
    (A, 3, "2024-06-09T10:00", "study", 5000),   # review, interval 79: mature, passed
    (B, 1, "2024-06-09T10:05", "study", 5000),   # review, interval 29: mature, failed
    (B, 3, "2024-06-09T10:20", "study", 5000),   # relearning -> review (2 days)
    (A, 3, "2024-06-10T10:00", "study", 5000),   # review, interval 155: mature, passed
]


def at(text: str) -> datetime:
    """A UTC time from ISO text without zone."""
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


def build_crafted(folder: Path) -> tuple[Path, list]:
    """A collection at folder/COLLECTION_FILE (where the CLI looks) holding HISTORY, an undone answer, a suspended
    card, a buried card and one quiz; returns its path and the store's Recorded answers."""
    deck_path = folder / "heart.yaml"
    deck_path.write_text(DECK, encoding="utf-8")
    path = folder / COLLECTION_FILE
    recorded = []
    with open_collection(path, at("2024-05-01T08:00")) as collection:
        collection.set_setting("timezone", "UTC")
        collection.sync(load_bank(deck_path), at("2024-05-01T08:00"))
        for key, rating, time, mode, ms in HISTORY:
            recorded.append(collection.record_answer(key, rating, at(time), mode=mode, duration_ms=ms))
        collection.record_answer(A, 1, at("2024-06-10T11:00"), duration_ms=60000)
        assert collection.undo(at("2024-06-10T11:00:05")) is not None  # taken back: counts nowhere
        collection.set_suspended(["heart/valve/1"], True)
        collection.bury(["heart/vagus/1"], at("2024-06-10T11:30"))
        collection.save_quiz_result("heart", at("2024-06-08T10:00"), at("2024-06-08T10:05"), 7, 10, {})
    return path, recorded


def report_of(collection: Collection, deck_path: Path, since: datetime | None = None) -> StatsReport:
    """The report as `quizmg stats` computes it, at NOW."""
    return build_report(StatsInput(
        reviews=collection.reviews(), cards=collection.cards(), now=NOW, settings=collection.settings(),
        questions=question_infos([load_bank(deck_path)]), quizzes=collection.quiz_results(),
        settings_for=collection.settings, since=since,
    ))


@pytest.fixture(scope="module")
def crafted(tmp_path_factory: pytest.TempPathFactory) -> tuple[StatsReport, list, Collection, Path]:
    folder = tmp_path_factory.mktemp("crafted")
    path, recorded = build_crafted(folder)
    collection = open_collection(path, NOW, daily_backup=False)
    yield report_of(collection, folder / "heart.yaml"), recorded, collection, folder / "heart.yaml"
    collection.close()


def fsrs6_recall(elapsed_days: float, stability: float, decay: float = 0.1542) -> float:
    """FSRS-6's forgetting curve written out again (default w20 = 0.1542): 90 % at t = S."""
    factor = 0.9 ** (-1 / decay) - 1
    return (1 + factor * elapsed_days / stability) ** -decay


def test_history_is_as_designed(crafted) -> None:
    _, recorded, _, _ = crafted
    intervals = []
    for answer in recorded:
        before = answer.before
        if before.phase.name == "REVIEW" and answer.mode == "study":
            intervals.append(round((before.due - before.last_review).total_seconds() / 86400))
    assert intervals == [4, 2, 79, 29, 155]


def test_activity_counts_every_mode_by_study_day(crafted) -> None:
    report = crafted[0]
    assert {day.isoformat(): a.reviews for day, a in report.activity.items()} == {
        "2024-05-01": 2, "2024-05-02": 2, "2024-05-20": 2, "2024-06-07": 1, "2024-06-08": 1,
        "2024-06-09": 3, "2024-06-10": 1,
    }
    assert report.activity[date(2024, 6, 7)].by_mode == {"cram": 1}
    assert report.reviews_by_mode == {"study": 10, "cram": 1, "quiz": 1}
    assert report.time_spent.total_seconds == 70.0  # ten 5 s answers, 8 s cram, 12 s quiz; undone left out
    assert report.time_spent.seconds_per_review == pytest.approx(70 / 12)
    assert report.time_spent.minutes_per_study_day == pytest.approx(70 / 60 / 7)


def test_heatmap_covers_the_year_to_today(crafted) -> None:
    heatmap = crafted[0].heatmap
    assert len(heatmap) == 365
    assert heatmap[-1] == (date(2024, 6, 10), 1)
    assert heatmap[0][0] == date(2023, 6, 12)
    assert sum(count for _, count in heatmap) == 12


def test_streaks(crafted) -> None:
    streaks = crafted[0].streaks
    assert (streaks.current, streaks.longest, streaks.longest_end, streaks.days_studied) == (
        4, 4, date(2024, 6, 10), 7)


def test_true_retention_table(crafted) -> None:
    rows = {row.period: row for row in crafted[0].retention}
    tally = {name: (r.young_passed, r.young_failed, r.mature_passed, r.mature_failed) for name, r in rows.items()}
    assert tally == {
        "today": (0, 0, 1, 0),
        "yesterday": (0, 0, 1, 1),
        "week": (0, 0, 2, 1),
        "month": (2, 0, 2, 1),
        "year": (2, 0, 2, 1),
        "all time": (2, 0, 2, 1),
    }
    assert rows["yesterday"].mature == 0.5
    assert rows["week"].mature == pytest.approx(2 / 3)
    assert rows["month"].young == 1.0 and rows["month"].total == 0.8
    assert rows["today"].young is None


def test_predicted_retention_is_fsrs_recall_at_review_time(crafted) -> None:
    report, recorded = crafted[0], crafted[1]
    # Today's one review: A, one study day after its review of 06-09 (the store's state before it).
    before = recorded[-1].before
    assert rows_by(report)["today"].predicted == pytest.approx(fsrs6_recall(1, before.stability), abs=1e-6)
    # Yesterday: A after 20 days, B after 20 days, each with the stability the store held.
    a, b = recorded[8].before, recorded[9].before
    expected = (fsrs6_recall(20, a.stability) + fsrs6_recall(20, b.stability)) / 2
    assert rows_by(report)["yesterday"].predicted == pytest.approx(expected, abs=1e-6)


def rows_by(report: StatsReport) -> dict:
    return {row.period: row for row in report.retention}


def test_card_counts_and_distributions(crafted) -> None:
    report = crafted[0]
    counts = report.counts
    assert (counts.new, counts.learning, counts.review, counts.relearning) == (0, 0, 2, 0)
    assert (counts.suspended, counts.buried, counts.leech, counts.total) == (1, 1, 0, 4)
    assert (counts.young, counts.mature) == (1, 1)  # B: 2 days, A: 157 days
    intervals = {bucket.label: bucket.cards for bucket in report.intervals if bucket.cards}
    assert intervals == {"2-3d": 1, "91-180d": 1}
    stabilities = {bucket.label: bucket.cards for bucket in report.stabilities if bucket.cards}
    assert stabilities == {"2-3d": 1, "91-180d": 1}  # B 2.39, A 153.3


def test_forecast(crafted) -> None:
    fc = crafted[0].forecast
    assert len(fc.days) == 30 and fc.days[0][0] == date(2024, 6, 10)
    assert (fc.today, fc.tomorrow, fc.overdue) == (0, 1, 0)  # B is due 06-11; A in November
    assert sum(count for _, count in fc.days) == 1
    assert (fc.new_available, fc.new_today) == (1, 1)  # the vagus card (valve is suspended)


def test_mastery_per_mechanism_tag_and_deck(crafted) -> None:
    report, _, collection = crafted[0], crafted[1], crafted[2]
    a, b = collection.card(A).state, collection.card(B).state
    recall_a = fsrs6_recall((NOW - a.last_review).total_seconds() / 86400, a.stability)
    recall_b = fsrs6_recall((NOW - b.last_review).total_seconds() / 86400, b.stability)
    mastery = report.mastery
    [mechanism] = mastery.by_mechanism
    assert (mechanism.name, mechanism.cards, mechanism.seen) == ("adrenaline", 1, 1)
    assert mechanism.label == "adrenaline stimulates beta-1 receptors"
    assert mechanism.retrievability == pytest.approx(recall_a, abs=1e-9)
    tags = {row.name: row for row in mastery.by_tag}
    assert set(tags) == {"anatomy", "autonomic"}
    assert (tags["anatomy"].cards, tags["anatomy"].seen, tags["anatomy"].unseen) == (2, 1, 1)
    assert tags["anatomy"].retrievability == pytest.approx(recall_b, abs=1e-9)
    assert [row.name for row in mastery.by_tag] == ["anatomy", "autonomic"]  # weakest first
    [deck] = mastery.by_deck
    assert (deck.cards, deck.seen) == (4, 2)
    assert deck.retrievability == pytest.approx((recall_a + recall_b) / 2, abs=1e-9)
    assert [(q.question_id, q.lapses) for q in mastery.weakest] == [("pacemaker", 1), ("adrenaline.recall", 0)]
    assert mastery.weakest[0].prompt == "What sets the heart's rhythm?"


def test_quiz_history(crafted) -> None:
    [quiz] = crafted[0].quizzes
    assert (quiz.deck, quiz.score, quiz.max_score, quiz.percent, quiz.minutes) == ("heart", 7, 10, 70.0, 5.0)


def test_since_limits_the_figures_not_the_memory(crafted) -> None:
    _, _, collection, deck = crafted
    report = report_of(collection, deck, since=at("2024-06-09T00:00"))
    assert report.reviews_by_mode == {"study": 4}
    rows = rows_by(report)
    assert (rows["all time"].mature_passed, rows["all time"].mature_failed, rows["all time"].young_passed) == (2, 1, 0)
    assert report.streaks.current == 4  # streaks look at the whole history
    assert report.quizzes == []


def test_to_dict_carries_every_section(crafted) -> None:
    figures = crafted[0].to_dict()
    assert figures["streaks"] == {"current": 4, "longest": 4, "longest_end": "2024-06-10", "days_studied": 7}
    assert figures["forecast"]["tomorrow"] == 1
    assert figures["retention"][2] == {
        "period": "week", "young_passed": 0, "young_failed": 0, "mature_passed": 2, "mature_failed": 1,
        "young": None, "mature": 0.6667, "total": 0.6667, "predicted": figures["retention"][2]["predicted"],
    }
    assert figures["cards"]["total"] == 4
    assert figures["mastery"]["mechanisms"][0]["name"] == "adrenaline"
    assert figures["quizzes"][0]["percent"] == 70.0
    assert figures["time"]["total_seconds"] == 70.0


def test_core_imports_neither_click_nor_rich() -> None:
    import subprocess
    import sys

    code = ("import sys, quizmg.stats.report, quizmg.stats.simulate, quizmg.formats.stats_html; "
            "print(sorted(m for m in ('click', 'rich') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"
