"""Notes deleted on the phone: quizmg suspends their cards and stops sending them, through a real
`python -m anki.syncserver` on 127.0.0.1 (a second client made with the anki library plays the
phone; quizmg runs as its real executable)."""

from __future__ import annotations

import time
from datetime import datetime, timezone
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_server import (
    USER,
    Phone,
    PhoneDeck,
    Server,
    change_deck_file,
    deck_on_phone,
    killed_syncs,
    run_quizmg,
    sample_deck,
    synced,
)

from quizmg.formats.anki.ids import note_guid
from quizmg.store import open_collection
from quizmg.store.database import to_ms

GONE = "basic-1"  # a reversed basic question: two cards
TOLD = "sample/basic-1: deleted in Anki; suspended in quizmg and no longer sent"


def phone_note_ids(phone: Phone, question: str) -> list[int]:
    return [int(i) for i in phone.col.db.list("select id from notes where guid = ?", note_guid("sample", question))]


def delete_on_phone(phone: Phone, question: str) -> None:
    (note_id,) = phone_note_ids(phone, question)
    phone.col.remove_notes([note_id])
    phone.sync()


def quizmg_cards(home: Path, question: str) -> list:
    with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
        return [card for card in collection.cards("sample") if card.question_id == question]


def test_a_note_deleted_on_the_phone_is_suspended_and_not_added_back(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    notes_before = phone.col.note_count()
    delete_on_phone(phone, GONE)
    output = synced(home)
    assert output.count(TOLD) == 1, output
    assert all(card.suspended for card in quizmg_cards(home, GONE))
    assert not any(card.suspended for card in quizmg_cards(home, "cloze-1"))

    change_deck_file(deck)
    output = synced(home)
    assert TOLD not in output  # said once, at the sync that found it
    phone.sync()
    assert phone_note_ids(phone, GONE) == []  # not added back
    assert phone.col.note_count() == notes_before - 1
    assert "Most arteries" in phone.col.get_note(phone_note_ids(phone, "tf-1")[0])["Statement"]
    assert all(card.suspended for card in quizmg_cards(home, GONE))
    assert TOLD not in synced(home)


def test_unsuspended_in_quizmg_it_goes_back_with_quizmgs_schedule(phone_deck: PhoneDeck) -> None:
    _, home, phone = phone_deck
    # Answered in quizmg before the deletion, not yet synced: the answers stay in quizmg.
    now = datetime.now(timezone.utc)
    with open_collection(home / "collection.sqlite3", now) as collection:
        keys = [card.key for card in collection.cards("sample") if card.question_id == GONE]
        for index, key in enumerate(keys):
            collection.record_answer(key, 3, now, duration_ms=1000 + index)
    delete_on_phone(phone, GONE)
    assert TOLD in synced(home)
    cards = quizmg_cards(home, GONE)
    assert all(card.suspended and card.state.reps == 1 for card in cards)
    with open_collection(home / "collection.sqlite3", now) as collection:
        answered = [r for r in collection.reviews("sample") if r.card_key in keys]
    assert sorted((r.card_key, to_ms(r.time)) for r in answered) == sorted((key, to_ms(now)) for key in keys)

    result = run_quizmg(home, "unsuspend", f"sample/{GONE}")
    assert result.returncode == 0, result.stderr
    output = synced(home)
    assert f"sample/{GONE}: unsuspended in quizmg; sent to Anki again" in output, output
    phone.sync()
    (note_id,) = phone_note_ids(phone, GONE)
    rows = phone.col.db.all("select type, queue, ivl, due from cards where nid = ?", note_id)
    assert len(rows) == 2
    today = phone.col.sched.today
    for kind, queue, _interval, due in rows:
        assert kind != 0 and queue >= 0, rows  # quizmg's schedule, not a new card
        if kind == 2:
            assert due >= today
    # Not deleted again: the next syncs leave it, and it is not suspended anywhere.
    assert TOLD not in synced(home)
    assert not any(card.suspended for card in quizmg_cards(home, GONE))
    phone.sync()
    assert len(phone_note_ids(phone, GONE)) == 1


def test_a_full_download_suspends_nothing(sync_server: Server, tmp_path: Path) -> None:
    from anki.sync_pb2 import SyncCollectionResponse as Out

    deck = sample_deck(tmp_path)
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        (note_id,) = phone_note_ids(phone, GONE)
        phone.col.remove_notes([note_id])
        phone.col.mod_schema(check=False)  # the phone's collection replaces the server's
        out = phone.col.sync_collection(phone.auth, False)
        assert out.required == Out.FULL_SYNC
        phone.col.close_for_full_sync()
        phone.col.full_upload_or_download(auth=phone.auth, server_usn=out.server_media_usn, upload=True)
        phone.col.reopen(after_full_sync=True)

        result = run_quizmg(home, "sync", "--download")
        assert result.returncode == 0, result.stderr
        assert "deleted in Anki" not in result.stdout
        for _ in range(2):
            assert "deleted in Anki" not in synced(home)
        assert not any(card.suspended for card in quizmg_cards(home, GONE))
    finally:
        phone.close()


def test_a_deck_deleted_on_the_phone_is_named_and_nothing_changes(phone_deck: PhoneDeck) -> None:
    _, home, phone = phone_deck
    phone.col.remove_notes(phone.col.find_notes(""))
    phone.sync()
    output = synced(home)
    assert "sample: none of its notes are in Anki any more" in output, output
    assert "deleted in Anki;" not in output
    assert not any(card.suspended for card in quizmg_cards(home, GONE))


NEW_QUESTION = """  - id: basic-2
    kind: basic
    prompt: Which valve sits between the left atrium and the left ventricle?
    answer: The mitral valve
"""


class Stopped(Exception):
    """A run ended at a chosen point."""


def add_question(deck: Path) -> None:
    text = deck.read_text(encoding="utf-8")
    deck.write_text(text.replace("questions:\n", "questions:\n" + NEW_QUESTION, 1), encoding="utf-8")


def test_a_run_stopped_between_writing_and_sending_a_package_takes_no_new_question_for_deleted(
    sync_server: Server, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The package kept as "sent" is replaced only once Anki took it: a run stopped after writing the
    next one (a new question in it) must not read that question as deleted in Anki."""
    from click.testing import CliRunner

    import quizmg.formats.anki.exporter as exporter
    from quizmg.cli import cli

    deck = sample_deck(tmp_path)
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        add_question(deck)
        written = exporter.write_apkg

        def write_then_stop(*args: object, **kwargs: object) -> object:
            written(*args, **kwargs)  # type: ignore[arg-type]
            raise Stopped  # the run ends here, as a kill would

        monkeypatch.setattr(exporter, "write_apkg", write_then_stop)
        env = {"QUIZMG_HOME": str(home), "QUIZMG_SYNC_USER": USER, "NO_COLOR": "1"}
        stopped = CliRunner().invoke(cli, ["sync"], env=env)
        assert stopped.exit_code == 1 and "Stopped" in stopped.output, stopped.output
        monkeypatch.setattr(exporter, "write_apkg", written)

        output = synced(home)
        assert "deleted in Anki" not in output, output
        assert not any(card.suspended for card in quizmg_cards(home, "basic-2"))
        phone.sync()
        assert len(phone_note_ids(phone, "basic-2")) == 1
    finally:
        phone.close()


def test_syncs_killed_after_a_deletion_end_consistent(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    delete_on_phone(phone, GONE)
    time.sleep(1.1)
    add_question(deck)
    killed_syncs(home, (0.4, 0.8, 1.2, 1.6, 2.0))
    output = synced(home)
    assert "basic-2" not in output and "cloze-1" not in output, output
    assert all(card.suspended for card in quizmg_cards(home, GONE))
    assert not any(card.suspended for card in quizmg_cards(home, "basic-2"))
    synced(home)
    phone.sync()
    assert phone_note_ids(phone, GONE) == []
    assert len(phone_note_ids(phone, "basic-2")) == 1
