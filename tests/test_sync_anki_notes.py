"""Notes that came FROM Anki (imported from a package, so they keep Anki's GUIDs and note types),
edited on the phone after a sync, come back into quizmg's view of the deck at the next sync: every
note type quizmg imports (Basic, Basic and reversed, type-in, Cloze, a custom type with four
fields, Image Occlusion). Real parts: the anki library builds the package and plays the phone, a
real `python -m anki.syncserver` on 127.0.0.1, the real `quizmg` executable."""

from __future__ import annotations

import json
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("anki")
from click.testing import CliRunner
from occlusion_deck import DECK, export_deck, occlusion_collection
from sync_server import Phone, Server, deck_on_phone, run_quizmg

from quizmg.cli import cli
from quizmg.store import open_collection


def _custom_type(col: Any) -> Any:
    """A note type of the learner's own: four fields, two templates."""
    models = col.models
    notetype = models.new("Vocabulary (mine)")
    for name in ("Word", "Meaning", "Example", "Notes"):
        models.add_field(notetype, models.new_field(name))
    forward = models.new_template("Word to meaning")
    forward["qfmt"] = "{{Word}}"
    forward["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}<br>{{Notes}}"
    backward = models.new_template("Meaning to word")
    backward["qfmt"] = "{{Meaning}}"
    backward["afmt"] = "{{FrontSide}}<hr id=answer>{{Word}}"
    models.add_template(notetype, forward)
    models.add_template(notetype, backward)
    models.add(notetype)
    return models.by_name("Vocabulary (mine)")


def _add(col: Any, type_name: str, values: dict[str, str]) -> None:
    note = col.new_note(col.models.by_name(type_name))
    for name, value in values.items():
        note[name] = value
    col.add_note(note, col.decks.id(DECK))


def anatomy_package(folder: Path) -> Path:
    """A package made by Anki: one note of every type quizmg imports (and an Image Occlusion note)."""
    col = occlusion_collection(folder / "anki")  # Image Occlusion + Basic ("What pumps blood?")
    try:
        _custom_type(col)
        _add(col, "Basic (and reversed card)", {"Front": "Aorta", "Back": "The largest artery"})
        _add(col, "Basic (type in the answer)", {"Front": "How many chambers has the heart?", "Back": "four"})
        _add(col, "Cloze", {"Text": "The {{c1::right atrium}} receives blood from the body.", "Back Extra": "veins"})
        _add(col, "Vocabulary (mine)", {
            "Word": "systole", "Meaning": "contraction of the heart", "Example": "during systole",
            "Notes": "Greek",
        })
        return export_deck(col, folder / "anatomy.apkg", scheduling=False)
    finally:
        col.close()


def imported_deck(tmp_path: Path) -> Path:
    """The package of anatomy_package imported with the real command: a deck of notes from Anki."""
    deck = tmp_path / "anatomy.yaml"
    imported = CliRunner().invoke(cli, ["import", str(anatomy_package(tmp_path)), "-o", str(deck)])
    assert imported.exit_code == 0, imported.output
    return deck


def synced(tmp_path: Path, sync_server: Server, deck: Path) -> tuple[Path, Phone]:
    """quizmg's data folder after the deck's first sync, and a phone holding the account."""
    home = tmp_path / "home"
    return home, deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")


def _phone_note(phone: Phone, where: str) -> Any:
    note_id = phone.col.db.scalar(f"select id from notes where {where}")
    assert note_id is not None, where
    return phone.col.get_note(note_id)


def _shown(home: Path, deck: Path) -> dict[str, dict[str, Any]]:
    result = run_quizmg(home, "show", str(deck), "--json")
    assert result.returncode == 0, result.stderr
    return {q["id"]: {"kind": q["kind"], **q["fields"]} for q in json.loads(result.stdout)["questions"]}


def test_notes_from_anki_edited_on_the_phone_come_back(sync_server: Server, tmp_path: Path) -> None:
    deck = imported_deck(tmp_path)
    home, phone = synced(tmp_path, sync_server, deck)
    try:
        before = _shown(home, deck)
        assert len(before) == 6
        # The phone edits one field (or several) of every note.
        edits = {
            "flds like 'What pumps blood?%'": {"Back": "The heart, a muscular pump"},
            "flds like 'Aorta%'": {"Back": "The largest artery of the body"},
            "flds like 'How many chambers%'": {"Back": "4"},
            "flds like 'The {{c1::right atrium}}%'": {
                "Text": "The {{c1::right atrium}} receives blood from the {{c2::venae cavae}}.",
                "Back Extra": "deoxygenated blood",
            },
            "flds like 'systole%'": {"Example": "the pressure peaks during systole", "Notes": "from Greek"},
            "flds like '%image-occlusion:rect%'": {"Header": "The heart, front view", "Back Extra": "Anterior"},
        }
        for where, values in edits.items():
            note = _phone_note(phone, where)
            for name, value in values.items():
                note[name] = value
            phone.update_note(note)
        phone.sync()

        file_before = deck.read_text()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Notes edited in Anki" in result.stdout, result.stdout
        assert deck.read_text() == file_before  # the learner's file is left as they wrote it

        after = _shown(home, deck)
        assert set(after) == set(before)
        by_kind: dict[str, list[dict[str, Any]]] = {}
        for question in after.values():
            by_kind.setdefault(question["kind"], []).append(question)
        basics = {q["prompt"]: q for q in by_kind["basic"]}
        assert basics["What pumps blood?"]["answer"] == "The heart, a muscular pump"
        assert basics["Aorta"]["answer"] == "The largest artery of the body"
        assert basics["Aorta"]["reversed"] is True
        assert basics["systole"]["answer"] == "contraction of the heart"
        assert "Example: the pressure peaks during systole" in basics["systole"]["explanation"]
        assert basics["systole"]["explanation"].endswith("\nfrom Greek")  # Notes: plain, as imported
        assert [q["answer"] for q in by_kind["short"]] == ["4"]
        (cloze,) = by_kind["cloze"]
        assert cloze["text"] == "The {{c1::right atrium}} receives blood from the {{c2::venae cavae}}."
        assert cloze["extra"] == "deoxygenated blood"
        (occlusion,) = by_kind["occlusion"]
        assert occlusion["header"] == "The heart, front view" and occlusion["extra"] == "Anterior"
        assert len(occlusion["shapes"]) == len(before[occlusion["id"]]["shapes"])

        # The new cloze deletion is a new card in quizmg; the old card keeps its id.
        with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as store:
            keys = {card.key for card in store.cards("anatomy")}
        assert {f"anatomy/{cloze['id']}/1", f"anatomy/{cloze['id']}/2"} <= keys

        # Nothing more moves, and nothing the phone wrote is put back by quizmg's next syncs.
        again = run_quizmg(home, "sync")
        assert again.returncode == 0, again.stderr
        assert "Notes edited in Anki" not in again.stdout, again.stdout
        assert run_quizmg(home, "sync").stdout == again.stdout
        phone.sync()
        assert _phone_note(phone, "flds like 'What pumps blood?%'")["Back"] == "The heart, a muscular pump"
        assert _phone_note(phone, "flds like 'systole%'")["Notes"] == "from Greek"
        assert phone.col.db.scalar("select count() from notes") == 6  # no copies
    finally:
        phone.close()


def test_a_note_from_anki_edited_on_both_sides_and_edits_that_cannot_come_back(
    sync_server: Server, tmp_path: Path
) -> None:
    import os

    deck = imported_deck(tmp_path)
    home, phone = synced(tmp_path, sync_server, deck)
    try:
        # The same note edited in the deck file and on the phone; the file's edit is the newer.
        note = _phone_note(phone, "flds like 'What pumps blood?%'")
        note["Back"] = "The heart (phone)"
        phone.update_note(note)
        # Another note's front emptied, a third given an image the deck does not have.
        emptied = _phone_note(phone, "flds like 'Aorta%'")
        emptied["Front"] = ""
        phone.update_note(emptied)
        pictured = _phone_note(phone, "flds like 'How many chambers%'")
        pictured["Front"] = 'How many chambers has the heart? <img src="chambers.png">'
        phone.update_note(pictured)
        phone.sync()
        text = deck.read_text()
        assert text.count("answer: The heart\n") == 1, text
        deck.write_text(text.replace("answer: The heart\n", "answer: The heart (deck file)\n"))
        later = time.time() + 120
        os.utime(deck, (later, later))

        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        out = result.stdout
        assert "edited on both sides; the deck file's edit is newer and replaced Anki's" in out, out
        assert "the front is empty" in out and "chambers.png" in out, out
        shown = _shown(home, deck)
        answers = {q.get("prompt"): q.get("answer") for q in shown.values()}
        assert answers["What pumps blood?"] == "The heart (deck file)"
        assert answers["Aorta"] == "The largest artery"  # kept quizmg's
        assert answers["How many chambers has the heart?"] == "four"
        phone.sync()
        assert _phone_note(phone, "flds like 'What pumps blood?%'")["Back"] == "The heart (deck file)"
    finally:
        phone.close()


def test_a_note_from_anki_that_quizmg_sends_under_its_own_note_type_comes_back_too(
    sync_server: Server, tmp_path: Path
) -> None:
    """An explanation added in quizmg has no field in Anki's Basic: the note goes under quizmg's note
    type, still with Anki's GUID; an edit made on the phone to it is found by that GUID."""
    deck = imported_deck(tmp_path)
    text = deck.read_text()
    assert text.count("  answer: The heart\n") == 1
    deck.write_text(text.replace("  answer: The heart\n", "  answer: The heart\n  explanation: It pumps.\n"))
    home, phone = synced(tmp_path, sync_server, deck)
    try:
        note = _phone_note(phone, "flds like 'What pumps blood?%'")
        assert note.note_type()["name"].startswith("quizmg Basic")
        note["Front"] = "What pumps blood round the body?"
        phone.update_note(note)
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Notes edited in Anki" in result.stdout, result.stdout
        edited = [q for q in _shown(home, deck).values() if q.get("explanation") == "It pumps."]
        assert [q["prompt"] for q in edited] == ["What pumps blood round the body?"]
    finally:
        phone.close()


def test_a_note_whose_note_type_was_changed_on_the_phone_is_named_not_misread(
    sync_server: Server, tmp_path: Path
) -> None:
    from anki.sync_pb2 import SyncCollectionResponse as Out

    deck = imported_deck(tmp_path)
    home, phone = synced(tmp_path, sync_server, deck)
    try:
        before = _shown(home, deck)
        # Anki's Change Note Type: "Aorta" (Basic and reversed) becomes a Cloze note, its Back the Back Extra.
        note = _phone_note(phone, "flds like 'Aorta%'")
        models = phone.col.models
        info = models.change_notetype_info(old_notetype_id=note.mid, new_notetype_id=models.by_name("Cloze")["id"])
        request = info.input
        request.note_ids.extend([note.id])
        models.change_notetype_of_notes(request)
        out = phone.col.sync_collection(phone.auth, False)
        assert out.required == Out.FULL_SYNC  # a schema change: the phone replaces the server's copy
        phone.col.close_for_full_sync()
        phone.col.full_upload_or_download(auth=phone.auth, server_usn=out.server_media_usn, upload=True)
        phone.col.reopen(after_full_sync=True)

        result = run_quizmg(home, "sync", "--download")
        assert result.returncode == 0, result.stderr
        assert "its note type was changed in Anki, which quizmg cannot take" in result.stdout, result.stdout
        assert _shown(home, deck) == before  # nothing misread into the question

        # Later syncs, one of them after a change to the deck file, go through; the phone keeps its note.
        time.sleep(1.1)  # Anki takes a note only when strictly newer, in whole seconds: no same-second tie
        deck.write_text(deck.read_text().replace("prompt: What pumps blood?", "prompt: What pumps the blood?"))
        for _ in range(2):
            result = run_quizmg(home, "sync")
            assert result.returncode == 0, result.stderr
        phone.sync()
        kept = _phone_note(phone, "flds like 'Aorta%'")
        assert kept.note_type()["type"] == 1  # still a cloze note type
        assert _phone_note(phone, "flds like 'What pumps the blood?%'")["Back"] == "The heart"
    finally:
        phone.close()


def test_tags_of_a_note_from_anki_edited_on_the_phone_come_back(sync_server: Server, tmp_path: Path) -> None:
    deck = imported_deck(tmp_path)
    home, phone = synced(tmp_path, sync_server, deck)
    try:
        note = _phone_note(phone, "flds like 'Aorta%'")
        note.tags = [*note.tags, "vessels", "leech"]
        phone.update_note(note)
        phone.sync()

        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Notes edited in Anki" in result.stdout, result.stdout
        aorta = next(q for q in json.loads(run_quizmg(home, "show", str(deck), "--json").stdout)["questions"]
                     if q["fields"].get("prompt") == "Aorta")
        assert "vessels" in aorta["fields"]["tags"], aorta
        assert "leech" not in aorta["fields"]["tags"]  # Anki's own mark stays on Anki's side
        assert aorta["fields"]["answer"] == "The largest artery"

        # quizmg's next syncs send the note as the phone has it: the phone keeps its tags, no copies.
        again = run_quizmg(home, "sync")
        assert again.returncode == 0 and "Notes edited in Anki" not in again.stdout, again.stdout
        phone.sync()
        assert {"vessels", "leech"} <= set(_phone_note(phone, "flds like 'Aorta%'").tags)
        assert phone.col.db.scalar("select count() from notes") == 6
    finally:
        phone.close()
