"""Sync against a real `python -m anki.syncserver` on 127.0.0.1, with a second client made with the
anki library playing the phone. quizmg runs as its real executable; studying goes through the
real store API. Studying both ways, interruptions, failures."""

from __future__ import annotations

import json
import stat
from datetime import datetime, timezone
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_server import (
    PASSWORD,
    USER,
    Phone,
    Server,
    due_day,
    killed_syncs,
    logged_in,
    no_doubles,
    phone_cards,
    phone_due_days,
    quizmg_state,
    run_quizmg,
    start_server,
    study,
    sync_process,
)

from quizmg.store import open_collection
from quizmg.store.database import to_ms


def test_study_in_quizmg_then_on_the_phone_and_back(sync_server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    logged_in(home, sync_server)
    account = home / "sync" / "account.json"
    assert stat.S_IMODE(account.stat().st_mode) == 0o600
    assert PASSWORD not in account.read_text()

    now = datetime.now(timezone.utc)
    with open_collection(home / "collection.sqlite3", now) as collection:
        # Not Anki's default hour: the account's day must follow the learner's.
        collection.set_setting("rollover_hour", 7)
    studied = study(home, 20, now)
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "Sent 20 answer(s)" in result.stdout

    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()
        cards, reviews, settings = quizmg_state(home, now)
        questions = len({card.question_id for card in cards.values()})
        assert phone.col.note_count() == questions
        key_of = phone_cards(phone, home, now)
        assert len(key_of) == len(cards)
        revlog = phone.revlog()
        assert sorted((key_of[cid], ease, rid) for rid, cid, ease, _ in revlog) == sorted(studied)
        # The account's day starts at the learner's hour, so a due day means the same on both sides.
        assert phone.col.get_config("rollover") == settings.rollover_hour
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
        later = datetime.now(timezone.utc)
        phone_due = phone_due_days(phone, later, settings)
        phone_memory = {card_id: phone.col.get_card(card_id).memory_state for card_id in phone_due}
        phone_rows = {row[0]: row for row in phone.revlog()}
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "received 10 answer(s)" in result.stdout
        cards, reviews, settings = quizmg_state(home, now)
        assert len(reviews) == 30
        from_phone = [(key_of[cid], ease, rid) for rid, (_, cid, ease, _) in phone_rows.items()]
        in_quizmg = {(r.card_key, r.rating, to_ms(r.time)) for r in reviews}
        assert set(from_phone) <= in_quizmg
        # Where each answer was made: the phone's through the account, quizmg's here.
        made = {(r.card_key, r.rating, to_ms(r.time)): r.device for r in reviews}
        made_there = set(from_phone) - set(studied)
        assert len(made_there) == 10
        assert {made[answer] for answer in made_there} == {f"Anki ({USER} on {sync_server.endpoint})"}
        assert {made[answer] for answer in studied} == {None}
        # Every studied card is due on the day the phone has it, its memory state the phone's.
        assert {key_of[card_id] for card_id, _ in answered} <= {key_of[card_id] for card_id in phone_due}
        for card_id, days in phone_due.items():
            card = cards[key_of[card_id]]
            assert due_day(card, later, settings) == days, card.key
            assert card.state.stability == pytest.approx(phone_memory[card_id].stability, rel=1e-3), card.key
            assert card.state.difficulty == pytest.approx(phone_memory[card_id].difficulty, rel=1e-3), card.key

        # And after the phone's next sync, nothing moved on the phone.
        phone.sync()
        assert phone_due_days(phone, later, settings) == phone_due

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


def test_kill_during_sync_loses_nothing_and_doubles_nothing(sync_server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    logged_in(home, sync_server)
    now = datetime.now(timezone.utc)
    study(home, 20, now)
    # Killed during the first sync (mirror made, notes imported, full upload), then completed.
    killed_syncs(home, (0.4, 0.8, 1.2))
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr

    phone = Phone(tmp_path / "phone.anki2", sync_server)
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


def test_the_server_gone_mid_sync_then_back(sync_server: Server, tmp_path: Path) -> None:
    """The network gone at any point of a sync (the server killed -9 under it): one message, and
    once the server is back the next sync completes it, nothing lost, nothing doubled."""
    import time

    home = tmp_path / "home"
    logged_in(home, sync_server)
    now = datetime.now(timezone.utc)
    studied = study(home, 20, now)
    server = sync_server
    try:
        for delay in (0.3, 0.6, 0.9, 1.2):
            process = sync_process(home)
            time.sleep(delay)
            server.process.kill()
            server.process.wait()
            _, errors = process.communicate(timeout=120)
            assert "Traceback" not in errors
            assert process.returncode == 0 or len(errors.strip().splitlines()) == 1, errors
            server = start_server(sync_server.base, sync_server.port)
            no_doubles(home, now)
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        phone = Phone(tmp_path / "phone.anki2", server)
        try:
            phone.sync()
            rows = phone.revlog()
            assert sorted((rid, ease) for rid, _, ease, _ in rows) == sorted((ms, rating) for _, rating, ms in studied)
        finally:
            phone.close()
        assert len(no_doubles(home, now)) == 20
        assert "Up to date" in run_quizmg(home, "sync").stdout
    finally:
        if server is not sync_server:
            server.stop()


def test_wrong_password_and_server_down_change_nothing(sync_server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    result = run_quizmg(home, "sync", "login", "--endpoint", sync_server.endpoint, password="wrong")
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


def test_a_damaged_mirror_is_kept_aside_and_fetched_again(sync_server: Server, tmp_path: Path) -> None:
    """The mirror (only a copy of the server's collection) damaged on disk: the next sync says so
    in a line, keeps the damaged file, fetches the server's collection again and sends nothing
    twice; before, it stopped with "unexpected error ... This is a bug in quizmg"."""
    home = tmp_path / "home"
    logged_in(home, sync_server)
    now = datetime.now(timezone.utc)
    studied = study(home, 4, now)
    assert run_quizmg(home, "sync").returncode == 0
    mirror = home / "sync" / "mirror.anki2"
    size = mirror.stat().st_size
    mirror.write_bytes(b"\x00garbage" * (size // 8))

    doctor = run_quizmg(home, "doctor")
    assert doctor.returncode == 0 and "Sync mirror" in doctor.stdout and "is damaged" in doctor.stdout
    status = run_quizmg(home, "sync", "status")
    assert status.returncode == 0 and "mirror is damaged" in status.stdout, status.stderr

    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "was damaged (not an SQLite database)" in result.stdout
    assert (home / "sync" / "mirror.damaged.anki2").read_bytes()[:8] == b"\x00garbage"
    assert "Sync mirror: ok" in run_quizmg(home, "doctor").stdout
    more = study(home, 2, datetime.now(timezone.utc))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()
        rows = phone.revlog()
        assert sorted((rid, ease) for rid, _, ease, _ in rows) == sorted(
            (ms, rating) for _, rating, ms in studied + more
        )
    finally:
        phone.close()
    assert len(no_doubles(home, now)) == 6
    assert "Up to date" in run_quizmg(home, "sync").stdout


def test_a_due_date_set_on_the_phone_comes_back(sync_server: Server, tmp_path: Path) -> None:
    """Anki's Set Due Date on the phone becomes quizmg's own "set due date": the card is due on the
    phone's day in quizmg, and the next syncs leave the phone's date alone (before, quizmg ignored
    the Manual revlog row and its next sync put its own date back on the phone)."""
    home = tmp_path / "home"
    logged_in(home, sync_server)
    now = datetime.now(timezone.utc)
    studied = study(home, 5, now)
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()
        key_of = phone_cards(phone, home, now)
        keys = {key for key, _, _ in studied}
        moved = [card_id for card_id, key in key_of.items() if key in keys][:3]
        phone.col.sched.set_due_date(moved[:2], "9")
        phone.col.sched.set_due_date(moved[2:], "0")
        phone.sync()
        later = datetime.now(timezone.utc)
        settings = quizmg_state(home, now)[2]
        phone_due = phone_due_days(phone, later, settings)
        assert [phone_due[card_id] for card_id in moved] == [9, 9, 0]

        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Due dates set in Anki: 3" in result.stdout
        cards = quizmg_state(home, now)[0]
        assert [due_day(cards[key_of[card_id]], later, settings) for card_id in moved] == [9, 9, 0]
        assert cards[key_of[moved[2]]].state.due <= datetime.now(timezone.utc)  # due today: due now

        phone.sync()
        assert phone_due_days(phone, later, settings) == phone_due
        again = run_quizmg(home, "sync")
        assert again.returncode == 0 and "Up to date" in again.stdout, again.stdout
        assert [due_day(quizmg_state(home, now)[0][key_of[c]], later, settings) for c in moved] == [9, 9, 0]
    finally:
        phone.close()
