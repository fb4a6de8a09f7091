"""Sync against a real `python -m anki.syncserver` on 127.0.0.1, with a second client made with the
anki library playing the phone. quizmg runs as its real executable; studying goes through the
real store API."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki")

from sync_server import PASSWORD, Phone, Server, run_quizmg, start_server

from quizmg.formats.anki.ids import note_guid
from quizmg.scheduling.days import study_day
from quizmg.store import open_collection
from quizmg.store.database import to_ms

DECK = "magnesium"


@pytest.fixture
def server(tmp_path: Path) -> Any:
    """A fresh server for each test (it starts in about 0.2 s): one account, nothing on it."""
    running = start_server(tmp_path / "sync-base")
    yield running
    running.stop()


def logged_in(home: Path, server: Server, deck: str = DECK) -> None:
    result = run_quizmg(home, "sync", "login", "--endpoint", server.endpoint)
    assert result.returncode == 0, result.stderr
    result = run_quizmg(home, "sync", "add", deck)
    assert result.returncode == 0, result.stderr


def study(home: Path, count: int, now: datetime) -> list[tuple[str, int, int]]:
    """Answer `count` cards through the store, in the last minutes before `now`: (key, rating, ms)."""
    answers = []
    with open_collection(home / "collection.sqlite3", now) as collection:
        queue = collection.queue(now)
        for index, card in enumerate(queue[:count]):
            when = now - timedelta(seconds=5 * (count - index))
            rating = (3, 4, 3, 2, 1)[index % 5]
            collection.record_answer(card.key, rating, when, duration_ms=1000 + index)
            answers.append((card.key, rating, to_ms(when)))
    return answers


def phone_cards(phone: Phone, home: Path, now: datetime) -> dict[int, str]:
    """The phone's card ids -> quizmg card keys, by note GUID and template ordinal."""
    with open_collection(home / "collection.sqlite3", now) as collection:
        wanted = {
            (note_guid(card.deck, card.question_id), card.ordinal - 1): card.key
            for card in collection.cards(DECK)
        }
    found = {}
    rows = phone.col.db.all("select c.id, c.ord, n.guid from cards c join notes n on n.id = c.nid")
    for card_id, ordinal, guid in rows:
        if (guid, ordinal) in wanted:
            found[card_id] = wanted[(guid, ordinal)]
    return found


def phone_due_days(phone: Phone, now: datetime, settings: Any) -> dict[int, int]:
    """Each studied phone card's due date as days from today (learning cards by their due time)."""
    today = phone.col.sched.today
    days = {}
    for card_id, kind, due in phone.col.db.all("select id, type, due from cards where type > 0"):
        if kind == 2:
            days[card_id] = due - today
        else:
            moment = datetime.fromtimestamp(due, timezone.utc)
            days[card_id] = (study_day(moment, settings) - study_day(now, settings)).days
    return days


def quizmg_state(home: Path, now: datetime) -> tuple[dict[str, Any], list[Any], Any]:
    with open_collection(home / "collection.sqlite3", now) as collection:
        cards = {card.key: card for card in collection.cards(DECK)}
        return cards, collection.reviews(DECK), collection.settings(DECK)


def fuzz_delta(interval: int) -> float:
    """How far Anki's (and FSRS's) fuzz may move an interval of this many days, either way."""
    if interval < 2.5:
        return 0.0
    return 1.0 + 0.15 * (min(interval, 7) - 2.5) + 0.1 * max(0, min(interval, 20) - 7) + 0.05 * max(0, interval - 20)


def due_day(card: Any, now: datetime, settings: Any) -> int:
    return (study_day(card.state.due, settings) - study_day(now, settings)).days


def test_study_in_quizmg_then_on_the_phone_and_back(server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    logged_in(home, server)
    account = home / "sync" / "account.json"
    assert stat.S_IMODE(account.stat().st_mode) == 0o600
    assert PASSWORD not in account.read_text()

    now = datetime.now(timezone.utc)
    studied = study(home, 20, now)
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "Sent 20 answer(s)" in result.stdout

    phone = Phone(tmp_path / "phone.anki2", server)
    try:
        phone.sync()
        cards, reviews, settings = quizmg_state(home, now)
        questions = len({card.question_id for card in cards.values()})
        assert phone.col.note_count() == questions
        key_of = phone_cards(phone, home, now)
        assert len(key_of) == len(cards)
        revlog = phone.revlog()
        assert sorted((key_of[cid], ease, rid) for rid, cid, ease, _ in revlog) == sorted(studied)
        due = phone_due_days(phone, now, settings)
        assert len(due) == len({key for key, _, _ in studied})
        for card_id, days in due.items():
            card = cards[key_of[card_id]]
            assert days == due_day(card, now, settings), card.key
            memory = phone.col.get_card(card_id).memory_state
            assert memory.stability == pytest.approx(card.state.stability, abs=1e-3)
            assert memory.difficulty == pytest.approx(card.state.difficulty, abs=1e-3)

        # The phone answers 10 cards and syncs; quizmg brings them in.
        answered = phone.study(phone.col.decks.name(phone.col.get_card(next(iter(key_of))).did), 10)
        phone.sync()
        phone_due = phone_due_days(phone, datetime.now(timezone.utc), settings)
        phone_rows = {row[0]: row for row in phone.revlog()}
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "received 10 answer(s)" in result.stdout
        cards, reviews, settings = quizmg_state(home, now)
        assert len(reviews) == 30
        from_phone = [(key_of[cid], ease, rid) for rid, (_, cid, ease, _) in phone_rows.items()]
        in_quizmg = {(r.card_key, r.rating, to_ms(r.time)) for r in reviews}
        assert set(from_phone) <= in_quizmg
        later = datetime.now(timezone.utc)
        for card_id, _ in answered:
            card = cards[key_of[card_id]]
            # Each side fuzzes a review interval its own way (Anki seeds by card id and reps,
            # quizmg by card number): before the phone hears back they agree within the fuzz.
            interval = due_day(card, later, settings)
            assert abs(interval - phone_due[card_id]) <= 2 * fuzz_delta(interval), card.key

        # After the phone's next sync both sides hold the replay of the merged log, to the day.
        phone.sync()
        due = phone_due_days(phone, later, settings)
        for card_id, days in due.items():
            assert days == due_day(cards[key_of[card_id]], later, settings)

        # Nothing changed: a second and a third sync move nothing.
        rows_before = len(phone.revlog())
        for _ in range(2):
            result = run_quizmg(home, "sync")
            assert result.returncode == 0, result.stderr
            assert "Up to date" in result.stdout
        assert phone.sync() == 0  # NO_CHANGES
        assert len(phone.revlog()) == rows_before
        assert len(quizmg_state(home, now)[1]) == 30
    finally:
        phone.close()


def killed_syncs(home: Path, delays: tuple[float, ...]) -> None:
    """Start `quizmg sync` and kill -9 it after each delay (wherever it happens to be)."""
    import os
    import signal
    import subprocess
    import time

    from sync_server import USER, quizmg_executable

    env = dict(os.environ, QUIZMG_HOME=str(home), QUIZMG_SYNC_USER=USER, QUIZMG_SYNC_PASSWORD=PASSWORD)
    for delay in delays:
        process = subprocess.Popen(
            [quizmg_executable(), "sync"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
        )
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.wait()


def no_doubles(home: Path, now: datetime) -> list[Any]:
    reviews = quizmg_state(home, now)[1]
    identities = [(r.card_key, to_ms(r.time)) for r in reviews]
    assert len(identities) == len(set(identities))
    return reviews


def test_kill_during_sync_loses_nothing_and_doubles_nothing(server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    logged_in(home, server)
    now = datetime.now(timezone.utc)
    study(home, 20, now)
    # Killed during the first sync (mirror made, notes imported, full upload), then completed.
    killed_syncs(home, (0.4, 0.8, 1.2))
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr

    phone = Phone(tmp_path / "phone.anki2", server)
    try:
        phone.sync()
        assert len(phone.revlog()) == 20
        deck_name = next(name for name in phone.col.decks.all_names_and_ids() if name.name != "Default").name
        phone.study(deck_name, 10)
        phone.sync()
        later = datetime.now(timezone.utc)
        # And more here (the learning cards due by now), so both ways are under way when killed.
        expected = 30 + len(study(home, 5, later))
        killed_syncs(home, (0.3, 0.6, 0.9, 1.2))
        no_doubles(home, later)
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        reviews = no_doubles(home, later)
        assert len(reviews) == expected
        phone.sync()
        rows = phone.revlog()
        assert len(rows) == expected
        assert len({(cid, rid) for rid, cid, _, _ in rows}) == expected
        result = run_quizmg(home, "sync")
        assert "Up to date" in result.stdout
    finally:
        phone.close()


def test_wrong_password_and_server_down_change_nothing(server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_quizmg(home, "sync", "login", "--endpoint", server.endpoint, password="wrong")
    assert result.returncode == 1
    assert "refused the user name or password" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (home / "sync" / "account.json").exists()

    result = run_quizmg(home, "sync", "login", "--endpoint", "http://192.0.2.1:8080/")
    assert result.returncode == 1 and "plain http" in result.stderr

    # A server of its own, stopped after the first sync.
    own = start_server(tmp_path / "own-base")
    logged_in(home, own)
    now = datetime.now(timezone.utc)
    study(home, 3, now)
    assert run_quizmg(home, "sync").returncode == 0
    study(home, 2, datetime.now(timezone.utc))
    own.stop()
    state_before = (home / "sync" / "state.json").read_bytes()
    reviews_before = len(quizmg_state(home, now)[1])
    result = run_quizmg(home, "sync")
    assert result.returncode == 1
    assert "cannot reach the sync server" in result.stderr and "Nothing was changed" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert (home / "sync" / "state.json").read_bytes() == state_before
    assert len(quizmg_state(home, now)[1]) == reviews_before

    # The key no longer accepted (a password changed elsewhere): one message, nothing changed.
    own = start_server(tmp_path / "own-base", port=own.port)
    try:
        account = home / "sync" / "account.json"
        data = json.loads(account.read_text())
        data["hkey"] = "0" * 40
        account.write_text(json.dumps(data))
        result = run_quizmg(home, "sync")
        assert result.returncode == 1
        assert "refused" in result.stderr and "quizmg sync login" in result.stderr
        assert (home / "sync" / "state.json").read_bytes() == state_before
    finally:
        own.stop()


def test_notes_edited_on_the_phone_and_decks_changed_in_quizmg(server: Server, tmp_path: Path) -> None:
    from drill_deck import write_deck

    home = tmp_path / "home"
    deck_file = write_deck(tmp_path / "drill.yaml", 12)
    logged_in(home, server, str(deck_file))
    now = datetime.now(timezone.utc)
    with open_collection(home / "collection.sqlite3", now) as collection:
        for index in range(3):
            collection.record_answer(f"drill/q{index}/1", 4, now - timedelta(minutes=5 - index))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", server)
    try:
        phone.sync()
        guid = note_guid("drill", "q1")
        note = phone.col.get_note(phone.col.db.scalar("select id from notes where guid = ?", guid))
        note["Front"] = "Question number <b>one</b>, edited on the phone?"
        phone.col.update_note(note)
        phone.sync()

        # The edit arrives in quizmg's view of the deck; the deck file is left as it was.
        file_before = deck_file.read_text()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Notes edited in Anki" in result.stdout and "drill/q1" in result.stdout
        assert deck_file.read_text() == file_before
        shown = run_quizmg(home, "show", str(deck_file))
        assert "Question number one, edited on the phone?" in shown.stdout, shown.stdout
        assert "Question number 1?" not in shown.stdout
        with open_collection(home / "collection.sqlite3", now) as collection:
            assert collection.card("drill/q1/1").state.reps == 1  # progress kept

        # A deck changed in quizmg (a question reworded, one added) arrives with progress kept.
        phone.sync()
        card_id = phone.col.db.scalar(
            "select c.id from cards c join notes n on n.id = c.nid where n.guid = ?", note_guid("drill", "q2")
        )
        due_before = phone.col.get_card(card_id).due
        write_deck(deck_file, 13)
        deck_file.write_text(deck_file.read_text().replace("Question number 2?", "Which number comes after 1?"))
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        phone.sync()
        card = phone.col.get_card(card_id)
        assert "Which number comes after 1?" in card.note()["Front"]
        assert card.due == due_before and card.type == 2
        assert len([row for row in phone.revlog() if row[1] == card_id]) == 1
        assert phone.col.db.scalar("select count() from notes where guid = ?", note_guid("drill", "q12")) == 1
        # The phone's edit of q1 survives quizmg's re-export of the changed deck.
        edited = phone.col.get_note(phone.col.db.scalar("select id from notes where guid = ?", guid))
        assert "edited on the phone" in edited["Front"]
    finally:
        phone.close()


def test_a_note_edited_on_both_sides_keeps_the_newer_edit(server: Server, tmp_path: Path) -> None:
    import os
    import time

    from drill_deck import write_deck

    home = tmp_path / "home"
    deck_file = write_deck(tmp_path / "drill.yaml", 8)
    logged_in(home, server, str(deck_file))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", server)
    try:
        phone.sync()

        def edit_on_phone(question: str, text: str) -> None:
            note_id = phone.col.db.scalar("select id from notes where guid = ?", note_guid("drill", question))
            note = phone.col.get_note(note_id)
            note["Front"] = text
            phone.col.update_note(note)

        def front_on_phone(question: str) -> str:
            note_id = phone.col.db.scalar("select id from notes where guid = ?", note_guid("drill", question))
            return str(phone.col.get_note(note_id)["Front"])

        # q4: the deck file's edit is the newer one (the file's time set two minutes ahead).
        edit_on_phone("q4", "Four, from the phone?")
        phone.sync()
        deck_file.write_text(deck_file.read_text().replace("Question number 4?", "Four, from the file?"))
        later = time.time() + 120
        os.utime(deck_file, (later, later))
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "drill/q4: edited on both sides; the deck file's edit is newer" in result.stdout
        phone.sync()
        assert "Four, from the file?" in front_on_phone("q4")

        # q6: the phone's edit is the newer one (the file's time set an hour back).
        edit_on_phone("q6", "Six, from the phone?")
        phone.sync()
        deck_file.write_text(deck_file.read_text().replace("Question number 6?", "Six, from the file?"))
        earlier = time.time() - 3600
        os.utime(deck_file, (earlier, earlier))
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "drill/q6: edited on both sides; Anki's edit is newer" in result.stdout
        shown = run_quizmg(home, "show", str(deck_file)).stdout
        assert "Six, from the phone?" in shown and "Six, from the file?" not in shown
        phone.sync()
        assert "Six, from the phone?" in front_on_phone("q6")
    finally:
        phone.close()


def test_media_of_a_synced_deck_reach_the_phone(server: Server, tmp_path: Path) -> None:
    import base64
    import time

    picture = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
    )
    (tmp_path / "dot.png").write_bytes(picture)
    deck = tmp_path / "pics.yaml"
    deck.write_text(
        "id: pics\ntitle: Pictures\nquestions:\n  - id: dot\n    kind: basic\n"
        '    prompt: "What is this? ![a dot](dot.png)"\n    answer: A dot\n'
    )
    home = tmp_path / "home"
    logged_in(home, server, str(deck))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", server)
    try:
        phone.sync()
        phone.col.sync_media(phone.auth)
        while phone.col.media_sync_status().active:
            time.sleep(0.02)
        assert (tmp_path / "phone.media" / "dot.png").read_bytes() == picture
    finally:
        phone.close()
