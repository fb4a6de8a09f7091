"""Progress across the Anki boundary, proved with the real `anki` library in both directions."""

from __future__ import annotations

import sqlite3
import zipfile
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from anki.collection import (
    Collection as AnkiCollection,
)
from anki.collection import (
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.cli.anki_progress import gather_progress, import_progress
from quizmg.cli.common import collection_path
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.anki.ids import note_guid
from quizmg.formats.anki.progress_out import (
    AnkiDays,
    anki_days_for,
    fsrs_interval_days,
    revlog_difficulty,
)
from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.scheduling.settings import Settings
from quizmg.store import Collection, open_collection

T0 = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
RECALL = "sample/adrenaline-heart.recall/1"
WHAT = "sample/adrenaline-heart.what/1"
TARGET = "sample/adrenaline-heart.target/1"
TRUE = "sample/adrenaline-heart.true/1"
FALSE = "sample/adrenaline-heart.false/1"


def studied_collection(path: Path, sample_deck: Path) -> Collection:
    """A quizmg collection where the sample deck was studied at fixed times:
    one card in review, one in learning, one relearning after a lapse, one suspended."""
    collection = open_collection(path, T0)
    collection.sync(load_bank(sample_deck), T0)
    collection.record_answer(RECALL, 3, T0, duration_ms=4200)
    collection.record_answer(RECALL, 3, T0 + timedelta(minutes=10), duration_ms=3100)
    collection.record_answer(RECALL, 3, T0 + timedelta(days=3), duration_ms=2500)
    collection.record_answer(WHAT, 3, T0, duration_ms=1000)  # the same millisecond as RECALL's
    collection.record_answer(TARGET, 4, T0 + timedelta(seconds=5), duration_ms=900)
    collection.record_answer(TARGET, 1, T0 + timedelta(days=8), duration_ms=7000)
    collection.record_answer(FALSE, 2, T0 + timedelta(days=1), mode="quiz")  # no schedule change
    collection.set_suspended([TRUE], True)
    return collection


def fresh_anki(folder: Path) -> AnkiCollection:
    """An empty Anki collection in its own folder."""
    folder.mkdir(parents=True, exist_ok=True)
    return AnkiCollection(str(folder / "collection.anki2"))


def import_into_anki(col: AnkiCollection, package: Path, *, scheduling: bool = True) -> None:
    """Import as Anki desktop does, with "import any learning progress" on or off."""
    options = ImportAnkiPackageOptions(with_scheduling=scheduling)
    col.import_anki_package(ImportAnkiPackageRequest(package_path=str(package), options=options))


def anki_card(col: AnkiCollection, key: str):  # type: ignore[no-untyped-def]
    """The Anki card of a quizmg card key (note GUID from the question, template from ordinal)."""
    deck_id, rest = key.split("/", 1)
    question_id, ordinal = rest.rsplit("/", 1)
    note_id = col.db.scalar("SELECT id FROM notes WHERE guid = ?", note_guid(deck_id, question_id))
    card_id = col.db.scalar(
        "SELECT id FROM cards WHERE nid = ? AND ord = ?", note_id, int(ordinal) - 1
    )
    return col.get_card(card_id)


@pytest.fixture
def exported(tmp_path: Path, sample_deck: Path) -> tuple[Collection, Path, datetime]:
    """The studied collection and the package exported from it with progress."""
    collection = studied_collection(tmp_path / "quizmg.sqlite3", sample_deck)
    now = T0 + timedelta(days=8, minutes=1)
    package = tmp_path / "progress.apkg"
    summary = write_apkg(
        [load_bank(sample_deck)], package, now=now,
        learner_progress=gather_progress(collection, ["sample"]),
    )
    assert summary.progress is not None
    assert (summary.progress.scheduled, summary.progress.reviews) == (3, 6)
    assert (summary.progress.suspended, summary.progress.missing) == (1, 0)
    yield collection, package, now
    collection.close()


def test_anki_continues_where_quizmg_left_off(exported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    collection, package, _ = exported
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, package)
        settings = collection.settings("sample")
        today = datetime.now(timezone.utc)
        anki_today = col.sched.today
        for key, anki_type, anki_queue in (
            (RECALL, 2, 2), (WHAT, 1, 1), (TARGET, 3, 1),
        ):
            ours = collection.card(key).state
            card = anki_card(col, key)
            assert (card.type, card.queue) == (anki_type, anki_queue), key
            assert (card.reps, card.lapses) == (ours.reps, ours.lapses), key
            assert card.memory_state.stability == pytest.approx(ours.stability, abs=1e-3)
            assert card.memory_state.difficulty == pytest.approx(ours.difficulty, abs=1e-3)
            assert card.desired_retention == pytest.approx(settings.desired_retention)
            if ours.phase is CardPhase.REVIEW:
                # Due in as many of the learner's days from today in Anki as in quizmg.
                days_left = (study_day(ours.due, settings) - study_day(today, settings)).days
                assert card.due - anki_today == days_left
                assert card.ivl == (study_day(ours.due, settings) - study_day(
                    ours.last_review, settings)).days
            else:
                assert card.due == int(ours.due.timestamp())  # learning: an epoch time
        assert anki_card(col, WHAT).left == 1  # one of the two learning steps left
        assert anki_card(col, TRUE).queue == -1  # suspended, still new
        assert anki_card(col, FALSE).type == 0  # the quiz answer did not schedule it
        assert col.card_count() == 23
    finally:
        col.close()


def test_review_log_travels(exported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    collection, package, _ = exported
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, package)
        rows = col.db.all(
            "SELECT id, cid, ease, ivl, lastIvl, time, type FROM revlog ORDER BY cid, id"
        )
        assert len(rows) == 6  # study answers only: the quiz answer stays in quizmg
        assert len({row[0] for row in rows}) == 6  # same-millisecond answers both kept
        recall = [row for row in rows if row[1] == anki_card(col, RECALL).id]
        assert [row[2] for row in recall] == [3, 3, 3]
        assert [row[5] for row in recall] == [4200, 3100, 2500]
        assert [row[6] for row in recall] == [0, 0, 1]  # learn, learn, review
        assert recall[0][3] == -600  # the ten-minute step, in seconds
        assert recall[1][4] == -600 and recall[1][3] > 0  # graduated to days
        assert recall[2][4] == recall[1][3]
        assert recall[0][0] == int(T0.timestamp() * 1000)
        target = [row for row in rows if row[1] == anki_card(col, TARGET).id]
        assert [(row[2], row[6]) for row in target] == [(4, 0), (1, 1)]  # a lapse in review
        # Anki's FSRS reads the log back into the same memory state quizmg has.
        ours = [r for r in collection.reviews("sample") if r.mode == "study"]
        assert sorted(r.rating for r in ours) == sorted(row[2] for row in rows)
    finally:
        col.close()


def test_without_scheduling_anki_starts_fresh(exported, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _, package, _ = exported
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, package, scheduling=False)
        assert col.db.scalar("SELECT count(*) FROM cards WHERE type != 0 OR queue != 0") == 0
        assert col.db.scalar("SELECT count(*) FROM revlog") == 0
    finally:
        col.close()


def test_later_imports_leave_cards_anki_has(exported, sample_deck: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    collection, package, now = exported
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, package)
        before = anki_card(col, RECALL)
        # More study in quizmg, exported again: Anki already has these cards and keeps its own.
        collection.record_answer(RECALL, 1, now + timedelta(days=20))
        collection.record_answer(FALSE, 3, now + timedelta(days=20))
        later = tmp_path / "later.apkg"
        write_apkg(
            [load_bank(sample_deck)], later, now=now + timedelta(days=20, minutes=1),
            learner_progress=gather_progress(collection, ["sample"]),
        )
        import_into_anki(col, later)
        after = anki_card(col, RECALL)
        assert (after.reps, after.lapses, after.due, after.type) == (
            before.reps, before.lapses, before.due, before.type
        )
        assert anki_card(col, FALSE).type == 0
        assert col.db.scalar("SELECT count(*) FROM revlog") == 6
        assert col.card_count() == 23
    finally:
        col.close()


def test_package_collection_is_marked_v2_with_the_learners_day(exported) -> None:  # type: ignore[no-untyped-def]
    _, package, _ = exported
    with zipfile.ZipFile(package) as archive:
        data = archive.read("collection.anki2")
    path = package.with_suffix(".anki2")
    path.write_bytes(data)
    with sqlite3.connect(path) as db:
        import json

        conf = json.loads(db.execute("SELECT conf FROM col").fetchone()[0])
    assert conf["schedVer"] == 2
    assert conf["rollover"] == Settings().rollover_hour


def test_day_numbers_follow_the_learners_rollover() -> None:
    days = AnkiDays(rollover_hour=4, minutes_west=-60)  # UTC+1
    crt_day = days.day(datetime(2014, 9, 19, 12, tzinfo=timezone.utc))
    assert crt_day == 0
    # 02:30 local on 20 September is still the 19th's study day; 04:00 local starts the next.
    assert days.day(datetime(2014, 9, 20, 1, 30, tzinfo=timezone.utc)) == 0
    assert days.day(datetime(2014, 9, 20, 3, 0, tzinfo=timezone.utc)) == 1
    settings = Settings(timezone="Europe/Berlin", rollover_hour=4)
    winter = anki_days_for(settings, datetime(2025, 1, 10, tzinfo=timezone.utc))
    assert winter.minutes_west == -60 and winter.rollover_hour == 4
    moment = datetime(2025, 1, 10, 2, 59, tzinfo=timezone.utc)  # 03:59 in Berlin
    assert winter.day(moment + timedelta(minutes=1)) - winter.day(moment) == (
        study_day(moment + timedelta(minutes=1), settings) - study_day(moment, settings)
    ).days == 1


def test_revlog_difficulty_and_interval_match_anki() -> None:
    # Values Anki 25 itself wrote after first answers Again, Hard, Good, Easy (FSRS-6 defaults).
    assert [revlog_difficulty(d) for d in (6.413, 5.112, 2.118, 1.0)] == [701, 557, 224, 100]
    assert revlog_difficulty(None) == 0
    assert fsrs_interval_days(10.0, 0.9, 0.1542) == pytest.approx(10.0)
    assert fsrs_interval_days(10.0, 0.8, 0.1542) > 10.0


# --- the CLI --------------------------------------------------------------------------------------


def test_export_with_progress_cli(tmp_path: Path, sample_deck: Path) -> None:
    studied_collection(collection_path(), sample_deck).close()
    out = tmp_path / "mine.apkg"
    result = CliRunner().invoke(
        cli, ["export", "anki", str(sample_deck), "-o", str(out), "--with-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "Progress: 3 studied cards with their schedule, 6 answers in the review log, " \
        "1 suspended." in result.output
    assert "Import any learning progress" in result.output
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, out)
        assert anki_card(col, RECALL).type == 2
    finally:
        col.close()


def test_export_with_progress_needs_a_collection(tmp_path: Path, sample_deck: Path) -> None:
    out = tmp_path / "mine.apkg"
    result = CliRunner().invoke(
        cli, ["export", "anki", str(sample_deck), "-o", str(out), "--with-progress"]
    )
    assert result.exit_code == 1
    assert "no progress to export" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_export_with_progress_of_an_unstudied_deck(tmp_path: Path, sample_deck: Path) -> None:
    open_collection(collection_path(), T0).close()
    result = CliRunner().invoke(
        cli, ["export", "anki", str(sample_deck), "-o", str(tmp_path / "x.apkg"), "--with-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "sample: not studied in quizmg yet; its cards go as new." in result.output


# --- Anki's history into quizmg -------------------------------------------------------------------


@pytest.fixture(scope="module")
def anki_studied(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """A deck studied in Anki itself (answers through Anki's scheduler), exported by Anki with
    scheduling in the legacy and the current format; the revlog Anki holds."""
    folder = tmp_path_factory.mktemp("anki-studied")
    col = fresh_anki(folder / "col")
    try:
        col.set_config("fsrs", True)
        # Anki shows no learning card due after its day changes; with the day changing twelve hours
        # from now, the answers below never straddle it, whatever time the test runs.
        col.set_config("rollover", (datetime.now().hour + 12) % 24)
        deck_id = col.decks.id("Chemistry")
        for front, back in (("Na?", "sodium"), ("K?", "potassium"), ("Fe?", "iron")):
            note = col.new_note(col.models.by_name("Basic"))
            note["Front"], note["Back"] = front, back
            col.add_note(note, deck_id)
        note = col.new_note(col.models.by_name("Cloze"))
        note["Text"] = "{{c1::Magnesium}} is element {{c2::12}}."
        col.add_note(note, deck_id)
        col.decks.select(deck_id)
        for rating in (3, 4, 1, 3, 3, 3, 2):
            card = col.sched.getCard()
            card.start_timer()
            col.sched.answerCard(card, rating)
        revlog = col.db.all("SELECT id, cid, ease, time, type FROM revlog ORDER BY id")
        packages = {}
        for form, legacy in (("legacy", True), ("current", False)):
            path = folder / f"{form}.apkg"
            col.export_anki_package(
                out_path=str(path),
                options=ExportAnkiPackageOptions(with_scheduling=True, legacy=legacy),
                limit=DeckIdLimit(deck_id),
            )
            packages[form] = path
        return {"revlog": revlog, **packages}
    finally:
        col.close()


@pytest.mark.parametrize("form", ["legacy", "current"])
def test_import_with_progress_records_ankis_answers(
    anki_studied: dict[str, object], form: str, tmp_path: Path
) -> None:
    package = anki_studied[form]
    deck_file = tmp_path / "chemistry.yaml"
    result = CliRunner().invoke(
        cli, ["import", str(package), "-o", str(deck_file), "--with-progress"]
    )
    assert result.exit_code == 0, result.output
    revlog = anki_studied["revlog"]
    assert f"recorded {len(revlog)} Anki answers" in result.output
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        bank = load_bank(deck_file)
        reviews = collection.reviews(bank.id)
        assert [(int(r.time.timestamp() * 1000), r.rating, r.duration_ms) for r in reviews] == [
            (row[0], row[2], row[3]) for row in revlog
        ]
        assert {r.mode for r in reviews} == {"study"}
        # The states are the replay of those answers: the cache agrees with the log.
        assert collection.rebuild(write=False).differing == []
        answered = {r.card_key for r in reviews}
        for card in collection.cards(bank.id):
            assert (card.state.reps > 0) == (card.key in answered)
        assert any(key.endswith("/2") for key in answered) or len(answered) >= 3

    again = CliRunner().invoke(
        cli, ["import", str(package), "-o", str(deck_file), "--with-progress", "--force"]
    )
    assert again.exit_code == 0, again.output
    assert f"{len(revlog)} answers were already in your collection: skipped." in again.output
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        assert len(collection.reviews(load_bank(deck_file).id)) == len(revlog)


def test_round_trip_quizmg_anki_quizmg(exported, tmp_path: Path, sample_deck: Path) -> None:  # type: ignore[no-untyped-def]
    """quizmg progress through Anki (imported, studied, exported with scheduling) comes back."""
    collection, package, _ = exported
    col = fresh_anki(tmp_path / "anki")
    try:
        import_into_anki(col, package)
        exported_again = tmp_path / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(exported_again),
            options=ExportAnkiPackageOptions(with_scheduling=True, legacy=False),
            limit=None,
        )
    finally:
        col.close()
    other = open_collection(tmp_path / "other.sqlite3", T0)
    try:
        result = import_progress(other, load_bank(sample_deck), exported_again, T0)
        assert result.recorded == 6 and result.without_card == 0
        for key in (RECALL, TARGET):
            assert other.card(key).state == collection.card(key).state
        # WHAT was answered in the same millisecond as RECALL: Anki keys its log by time, so
        # that answer travelled 1 ms later, and so is its due time.
        back, ours = other.card(WHAT).state, collection.card(WHAT).state
        assert back.due - ours.due == timedelta(milliseconds=1)
        assert (back.stability, back.difficulty, back.reps) == (
            ours.stability, ours.difficulty, ours.reps
        )
    finally:
        other.close()


def test_with_progress_on_a_text_format_warns(tmp_path: Path) -> None:
    gift = tmp_path / "set.gift"
    gift.write_text("::q1:: Is water wet? {T}\n", encoding="utf-8")
    result = CliRunner().invoke(
        cli, ["import", str(gift), "-o", str(tmp_path / "set.yaml"), "--with-progress"]
    )
    assert result.exit_code == 0, result.output
    assert "--with-progress reads Anki packages only" in result.output
