"""Sync against a real `python -m anki.syncserver` on 127.0.0.1, with a second client made with the
anki library playing the phone. quizmg runs as its real executable; studying goes through the
real store API. Notes edited on either side, media, full syncs."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_server import (
    Phone,
    PhoneDeck,
    Server,
    deck_on_phone,
    logged_in,
    no_doubles,
    run_quizmg,
    seen_in_quizmg,
    start_server,
    study,
)

from quizmg.formats.anki.ids import note_guid
from quizmg.store import open_collection


def test_notes_edited_on_the_phone_and_decks_changed_in_quizmg(sync_server: Server, tmp_path: Path) -> None:
    from drill_deck import write_deck

    home = tmp_path / "home"
    deck_file = write_deck(tmp_path / "drill.yaml", 12)
    logged_in(home, sync_server, str(deck_file))
    now = datetime.now(timezone.utc)
    with open_collection(home / "collection.sqlite3", now) as collection:
        for index in range(3):
            collection.record_answer(f"drill/q{index}/1", 4, now - timedelta(minutes=5 - index))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()
        note = phone.note("drill", "q1")
        note["Front"] = "Question number <b>one</b>, edited on the phone?"
        phone.update_note(note)
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
        assert "Edited in Anki, shown in quizmg over drill's file: q1" in run_quizmg(home, "sync", "status").stdout

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
        edited = phone.note("drill", "q1")
        assert "edited on the phone" in edited["Front"]
    finally:
        phone.close()


def test_a_note_edited_on_both_sides_keeps_the_newer_edit(sync_server: Server, tmp_path: Path) -> None:
    import os
    import time

    from drill_deck import write_deck

    home = tmp_path / "home"
    deck_file = write_deck(tmp_path / "drill.yaml", 8)
    logged_in(home, sync_server, str(deck_file))
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()

        def edit_on_phone(question: str, text: str) -> None:
            note = phone.note("drill", question)
            note["Front"] = text
            phone.update_note(note)

        def front_on_phone(question: str) -> str:
            return str(phone.note("drill", question)["Front"])

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


def test_media_of_a_synced_deck_reach_the_phone(sync_server: Server, tmp_path: Path) -> None:
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
    phone = deck_on_phone(tmp_path / "home", sync_server, deck, tmp_path / "phone.anki2")
    try:
        phone.col.sync_media(phone.auth)
        while phone.col.media_sync_status().active:
            time.sleep(0.02)
        assert (tmp_path / "phone.media" / "dot.png").read_bytes() == picture
    finally:
        phone.close()


def test_a_full_sync_asks_first_then_keeps_everything(sync_server: Server, tmp_path: Path) -> None:
    from anki.sync_pb2 import SyncCollectionResponse as Out

    home = tmp_path / "home"
    logged_in(home, sync_server)
    now = datetime.now(timezone.utc)
    studied = study(home, 6, now)
    assert run_quizmg(home, "sync").returncode == 0
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        phone.sync()
        deck_name = next(name for name in phone.col.decks.all_names_and_ids() if name.name != "Default").name
        phone.study(deck_name, 3)
        # The phone changes its schema (as a note type edit does) and replaces the server's collection.
        phone.col.set_schema_modified()
        out = phone.col.sync_collection(phone.auth, False)
        assert out.required == Out.FULL_SYNC
        phone.col.close_for_full_sync()
        phone.col.full_upload_or_download(auth=phone.auth, server_usn=out.server_media_usn, upload=True)
        phone.col.reopen(after_full_sync=True)
        studied += study(home, 2, datetime.now(timezone.utc))  # and quizmg studies meanwhile

        state_before = (home / "sync" / "state.json").read_bytes()
        result = run_quizmg(home, "sync")  # no terminal to ask on: the choice is the learner's
        assert result.returncode == 1
        assert "asks for a full sync" in result.stderr and "--download" in result.stderr
        assert (home / "sync" / "state.json").read_bytes() == state_before

        # In a terminal the learner is asked which side to keep; they choose the sync_server's.
        import os

        import pexpect
        from sync_server import USER, quizmg_executable

        env = {**os.environ, "QUIZMG_HOME": str(home), "QUIZMG_SYNC_USER": USER, "NO_COLOR": "1"}
        child = pexpect.spawn(quizmg_executable(), ["sync"], env=env, encoding="utf-8", timeout=60)
        child.expect("Replace which side")
        assert "asks for a full sync" in child.before
        child.sendline("download")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0, child.before
        assert "replaced by the server's collection" in child.before
        assert "received 3 answer(s)" in child.before
        reviews = no_doubles(home, now)
        assert len(reviews) == len(studied) + 3
        phone.sync()
        rows = phone.revlog()
        assert len(rows) == len(studied) + 3 and len({(cid, rid) for rid, cid, _, _ in rows}) == len(rows)
        assert "Up to date" in run_quizmg(home, "sync").stdout
    finally:
        phone.close()


def test_another_account_starts_from_a_fresh_mirror(sync_server: Server, tmp_path: Path) -> None:
    home = tmp_path / "home"
    logged_in(home, sync_server)
    studied = study(home, 4, datetime.now(timezone.utc))
    assert run_quizmg(home, "sync").returncode == 0
    assert run_quizmg(home, "sync", "logout").returncode == 0
    other = start_server(tmp_path / "other-base")
    try:
        assert run_quizmg(home, "sync", "login", "--endpoint", other.endpoint).returncode == 0
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert (home / "sync" / "mirror.previous.anki2").exists()
        phone = Phone(tmp_path / "phone.anki2", other)
        try:
            phone.sync()
            assert len(phone.revlog()) == len(studied)
        finally:
            phone.close()
    finally:
        other.stop()


def test_joining_an_account_that_already_has_a_collection(sync_server: Server, tmp_path: Path) -> None:
    from anki.sync_pb2 import SyncCollectionResponse as Out

    # The learner's phone was there first: its own note, studied, uploaded.
    phone = Phone(tmp_path / "phone.anki2", sync_server)
    try:
        note = phone.col.new_note(phone.col.models.by_name("Basic"))
        note["Front"], note["Back"] = "Capital of France?", "Paris"
        phone.col.add_note(note, phone.col.decks.id("Default"))
        phone.study("Default", 1)
        out = phone.col.sync_collection(phone.auth, False)
        assert out.required == Out.FULL_UPLOAD
        phone.col.close_for_full_sync()
        phone.col.full_upload_or_download(auth=phone.auth, server_usn=out.server_media_usn, upload=True)
        phone.col.reopen(after_full_sync=True)

        home = tmp_path / "home"
        logged_in(home, sync_server)
        studied = study(home, 5, datetime.now(timezone.utc))
        result = run_quizmg(home, "sync")  # the empty mirror takes the account's collection, then adds to it
        assert result.returncode == 0, result.stderr
        assert "replaced by the server's collection" in result.stdout  # the empty mirror, nothing lost
        assert "FSRS is off in this Anki account" in result.stdout  # the learner's switch, left alone
        phone.sync()
        assert phone.col.db.scalar("select count() from notes where flds like 'Capital of France?%'") == 1
        assert len(phone.revlog()) == 1 + len(studied)
        assert phone.col.note_count() > 1
        assert not phone.col.get_config("fsrs", False)
    finally:
        phone.close()


def test_edited_choices_steps_and_pairs_come_back(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    def edit(question: str, field: str, old: str, new: str) -> None:
        note = phone.note("sample", question)
        assert old in note[field], (field, note[field])
        note[field] = note[field].replace(old, new)
        phone.update_note(note)

    edit("mcq-1", "Choices", "Right ventricle", "Right ventricle (lower chamber)")
    edit("order-1", "Items", "lungs", "the lungs")  # the scrambled list
    edit("match-1", "Right", "right heart", "the right heart")  # scrambled too
    edit("match-1", "Left", "mitral", "mitral valve")
    edit("tf-1", "Statement", "Arteries", "Most arteries")
    phone.sync()

    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "cannot come back" not in result.stdout, result.stdout
    for label in ("sample/mcq-1", "sample/order-1", "sample/match-1", "sample/tf-1"):
        assert label in result.stdout
    questions = seen_in_quizmg(deck, home)
    assert [(c.text, c.correct) for c in questions["mcq-1"].choices] == [
        ("Left atrium", True), ("Right atrium", False), ("Right ventricle (lower chamber)", False)
    ]
    assert questions["order-1"].items == ["right atrium", "right ventricle", "the lungs", "left atrium"]
    assert [(p.left, p.right) for p in questions["match-1"].pairs] == [
        ("mitral valve", "left heart"), ("tricuspid", "the right heart")
    ]
    assert questions["tf-1"].statement == "Most arteries carry blood away from the heart."
    shown = run_quizmg(home, "show", str(deck)).stdout
    assert "Right ventricle (lower chamber)" in shown and "the lungs" in shown

    # A choice added on the phone cannot be placed: said, and the deck keeps its three. (The
    # phone first takes the notes quizmg re-sent with the edits; an edit of a stale note would
    # meet quizmg's newer one on the server and lose, as any Anki edit conflict does.)
    phone.sync()
    edit("mcq-1", "Choices", "</ol>", "<li>Aorta</li></ol>")
    phone.sync()
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "sample/mcq-1: the Choices field edited in Anki cannot come back" in result.stdout
    assert len(seen_in_quizmg(deck, home)["mcq-1"].choices) == 3
