"""Sync against a real `python -m anki.syncserver` on 127.0.0.1, with a second client made with the
anki library playing the phone: suspensions both ways, forgetting (reset) both ways, and the full
sync a note type changed on the phone asks for."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_server import Phone, Server, logged_in, no_doubles, phone_cards, run_quizmg, study

from quizmg.scheduling.memory import CardPhase
from quizmg.store import open_collection


def _synced_pair(sync_server: Server, tmp_path: Path, count: int) -> tuple[Path, Phone, dict[int, str], list]:
    """quizmg studies `count` cards and syncs; the phone downloads it all."""
    home = tmp_path / "home"
    logged_in(home, sync_server)
    studied = study(home, count, datetime.now(timezone.utc))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    phone.sync()
    return home, phone, phone_cards(phone, home, datetime.now(timezone.utc)), studied


def test_suspensions_travel_both_ways(sync_server: Server, tmp_path: Path) -> None:
    home, phone, key_of, studied = _synced_pair(sync_server, tmp_path, 4)
    card_of = {key: card_id for card_id, key in key_of.items()}
    try:
        first, second, third = (key for key, _, _ in studied[:3])
        # Suspended in quizmg: suspended on the phone.
        with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
            collection.set_suspended([first], True)
        result = run_quizmg(home, "sync")
        assert "Suspensions: 0 from Anki, 1 to Anki." in result.stdout, result.stdout
        phone.sync()
        assert phone.col.get_card(card_of[first]).queue == -1
        assert phone.col.get_card(card_of[second]).queue != -1

        # On the phone: the first one unsuspended, the second and a new card suspended.
        new_card = next(card_id for card_id in key_of if phone.col.get_card(card_id).type == 0)
        phone.col.sched.unsuspend_cards([card_of[first]])
        phone.col.sched.suspend_cards([card_of[second], new_card])
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Suspensions: 3 from Anki, 0 to Anki." in result.stdout, result.stdout
        with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
            suspended = {card.key for card in collection.cards("magnesium") if card.suspended}
            assert suspended == {second, key_of[new_card]}
            assert collection.card(first).state.phase is not CardPhase.NEW  # schedule kept
        # Both sides agree: nothing more moves, either way.
        assert "Up to date" in run_quizmg(home, "sync").stdout
        phone.sync()
        assert {card_id for card_id in key_of if phone.col.get_card(card_id).queue == -1} == {
            card_of[second], new_card
        }
        # An unsuspended review card goes back to its queue on the phone, due as before.
        with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
            collection.set_suspended([second], False)
        due_before = phone.col.get_card(card_of[second]).due
        assert run_quizmg(home, "sync").returncode == 0
        phone.sync()
        card = phone.col.get_card(card_of[second])
        assert card.queue == {0: 0, 1: 1, 2: 2, 3: 1}[card.type] and card.due == due_before
        assert third not in suspended
    finally:
        phone.close()


def test_forgetting_a_card_travels_both_ways_once(sync_server: Server, tmp_path: Path) -> None:
    from quizmg.store.card_events import forget

    home, phone, key_of, studied = _synced_pair(sync_server, tmp_path, 6)
    card_of = {key: card_id for card_id, key in key_of.items()}
    ours, theirs = studied[0][0], studied[1][0]
    try:
        # Forgotten in quizmg: new again on the phone, its reviews kept, a Manual row at its time.
        now = datetime.now(timezone.utc)
        with open_collection(home / "collection.sqlite3", now) as collection:
            assert forget(collection, [ours], now) == 1
        assert "Waiting to send: 0 answer(s), 1 card(s) forgotten" in run_quizmg(home, "sync", "status").stdout
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Cards forgotten (reset): 0 from Anki, 1 to Anki." in result.stdout, result.stdout
        phone.sync()
        card = phone.col.get_card(card_of[ours])
        assert (card.type, card.queue, card.ivl) == (0, 0, 0) and card.memory_state is None
        manual = phone.col.db.all("select id, ease, ivl from revlog where cid = ? and type = 4", card.id)
        assert len(manual) == 1 and manual[0][1:] == [0, 0]
        assert abs(manual[0][0] - int(now.timestamp() * 1000)) < 50
        assert phone.col.db.scalar("select count() from revlog where cid = ? and type < 4", card.id) == 1

        # Reset on the phone (Anki's Forget): forgotten in quizmg, once.
        phone.col.sched.schedule_cards_as_new([card_of[theirs]], restore_position=True, reset_counts=False)
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Cards forgotten (reset): 1 from Anki, 0 to Anki." in result.stdout, result.stdout
        later = datetime.now(timezone.utc)
        with open_collection(home / "collection.sqlite3", later) as collection:
            assert collection.card(theirs).state.phase is CardPhase.NEW
            assert collection.card(ours).state.phase is CardPhase.NEW
            assert len(collection.reviews("magnesium")) == 6  # the answers stay in the log
            assert collection.rebuild(write=False).differing == []
            events = collection.connection.execute("SELECT count(*) FROM card_events").fetchone()[0]
        for _ in range(2):
            assert "Up to date" in run_quizmg(home, "sync").stdout
        phone.sync()
        with open_collection(home / "collection.sqlite3", later) as collection:
            assert collection.connection.execute("SELECT count(*) FROM card_events").fetchone()[0] == events
        assert phone.col.db.scalar("select count() from revlog where type = 4") == 2

        # Answered again on the phone, the card starts afresh in quizmg too.
        card = phone.col.get_card(card_of[theirs])
        card.start_timer()
        phone.col.sched.answerCard(card, 3)
        phone.sync()
        assert "received 1 answer(s)" in run_quizmg(home, "sync").stdout
        with open_collection(home / "collection.sqlite3", later) as collection:
            assert collection.card(theirs).state.reps == 1
        no_doubles(home, later)
    finally:
        phone.close()


def test_a_note_type_changed_on_the_phone_asks_for_a_full_sync_and_keeps_everything(
    sync_server: Server, tmp_path: Path
) -> None:
    from anki.sync_pb2 import SyncCollectionResponse as Out

    home, phone, key_of, studied = _synced_pair(sync_server, tmp_path, 5)
    try:
        # The learner adds a field to quizmg's multiple-choice note type on the phone: a schema
        # change, so the phone replaces the server's collection.
        notetype = phone.col.models.by_name("quizmg Multiple choice")
        assert notetype is not None
        phone.col.models.add_field(notetype, phone.col.models.new_field("My notes"))
        phone.col.models.update_dict(notetype)
        phone.study(phone.col.decks.name(phone.col.get_card(next(iter(key_of))).did), 2)
        out = phone.col.sync_collection(phone.auth, False)
        assert out.required == Out.FULL_SYNC
        phone.col.close_for_full_sync()
        phone.col.full_upload_or_download(auth=phone.auth, server_usn=out.server_media_usn, upload=True)
        phone.col.reopen(after_full_sync=True)

        state = home / "sync" / "state.json"
        before = state.read_bytes()
        result = run_quizmg(home, "sync")
        assert result.returncode == 1 and "asks for a full sync" in result.stderr
        assert state.read_bytes() == before  # nothing changed until the learner chooses
        result = run_quizmg(home, "sync", "--download")
        assert result.returncode == 0, result.stderr
        assert "received 2 answer(s)" in result.stdout, result.stdout
        reviews = no_doubles(home, datetime.now(timezone.utc))
        assert len(reviews) == len(studied) + 2
        # The phone's note type stays as the learner made it; what quizmg sends next goes under it.
        phone.sync()
        names = [field["name"] for field in phone.col.models.by_name("quizmg Multiple choice")["flds"]]
        assert "My notes" in names
        assert phone.col.db.scalar("select count() from revlog") == len(studied) + 2
        assert "Up to date" in run_quizmg(home, "sync").stdout
        assert phone.sync() == Out.NO_CHANGES
    finally:
        phone.close()


def test_an_answer_made_earlier_on_the_phone_but_synced_late_counts_by_its_time(
    sync_server: Server, tmp_path: Path
) -> None:
    from datetime import timedelta

    from quizmg.scheduling.scheduler import replay
    from quizmg.store.database import from_ms

    home, phone, key_of, studied = _synced_pair(sync_server, tmp_path, 3)
    card_of = {key: card_id for card_id, key in key_of.items()}
    key = studied[0][0]
    try:
        # The phone answers the card offline: Again ...
        card = phone.col.get_card(card_of[key])
        card.start_timer()
        phone.col.sched.answerCard(card, 1)
        # ... quizmg answers it a moment later: Good; only then does the phone get to sync.
        with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
            collection.record_answer(key, 3, datetime.now(timezone.utc) + timedelta(seconds=1))
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "1 answer(s) from other devices are older than quizmg's latest answer" in result.stdout
        later = datetime.now(timezone.utc) + timedelta(seconds=2)
        with open_collection(home / "collection.sqlite3", later) as collection:
            reviews = [r for r in collection.reviews("magnesium") if r.card_key == key]
            assert [r.rating for r in reviews] == [studied[0][1], 1, 3]  # by time: the phone's in the middle
            state = collection.card(key).state
            settings = collection.settings("magnesium")
            assert state == replay([(r.time, r.rating) for r in reviews], settings, collection.card(key).number)
            assert collection.rebuild(write=False).differing == []
        # The phone ends with quizmg's replay of the merged log: the same day, the same memory.
        phone.sync()
        on_phone = phone.col.get_card(card_of[key])
        assert on_phone.memory_state.stability == pytest.approx(state.stability, rel=1e-3)
        assert state.due is not None and on_phone.type in (1, 3) and on_phone.queue == 1
        assert from_ms(on_phone.due * 1000) == state.due.replace(microsecond=0)
    finally:
        phone.close()
