"""`.apkg` export proved against the real Anki library: notes, cards, fields, rendering, media, progress."""

from __future__ import annotations

import json
import re
import zipfile
from collections import Counter
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path

import pytest
from anki.collection import Collection
from anki_collection import ANKI_NOW as NOW
from anki_collection import deck_file, import_package, new_collection, note_by_question

from quizmg.bank import bank_from_deck, load_bank
from quizmg.catalog import builtin_decks
from quizmg.formats.anki.exporter import build_package, write_apkg
from quizmg.formats.deck_html import field_html
from quizmg.model import Deck

to_html = partial(field_html, None)  # deck text to HTML, with no images to collect

# The sample deck: 8 hand-written questions (one per kind, the basic one reversed) and 2 mechanisms
# that expand into 7 + 6 more (the second has no distractor beyond the first's target).
SAMPLE_NOTES_PER_TYPE = {
    "quizmg Basic": 4,
    "quizmg Basic (and reversed card)": 1,
    "quizmg Cloze": 3,
    "quizmg Multiple choice": 3,
    "quizmg True or false": 5,
    "quizmg Short answer": 1,
    "quizmg Numeric": 1,
    "quizmg Order": 2,
    "quizmg Match": 1,
}
SAMPLE_CARDS_PER_TYPE = {**SAMPLE_NOTES_PER_TYPE, "quizmg Basic (and reversed card)": 2,
                         "quizmg Cloze": 4}




def test_note_and_card_counts_per_note_type(sample_col: tuple[Collection, Path]) -> None:
    col, _ = sample_col
    notes: Counter[str] = Counter()
    cards: Counter[str] = Counter()
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note.note_type()["name"]] += 1
        cards[note.note_type()["name"]] += len(note.card_ids())
    assert dict(notes) == SAMPLE_NOTES_PER_TYPE
    assert dict(cards) == SAMPLE_CARDS_PER_TYPE
    assert col.card_count() == 23


def test_cloze_cards_one_per_deletion(sample_col: tuple[Collection, Path]) -> None:
    col, _ = sample_col
    note = note_by_question(col, "cloze-1")
    ords = sorted(col.get_card(card_id).ord for card_id in note.card_ids())
    assert ords == [0, 1]
    first, second = (col.get_card(card_id) for card_id in sorted(note.card_ids()))
    assert "[...]" in first.question() and "left ventricle" not in first.question()
    assert "[where?]" in second.question() and "left ventricle" in second.question()


def test_fields_exactly_as_intended(sample_col: tuple[Collection, Path]) -> None:
    col, _ = sample_col
    basic = note_by_question(col, "basic-1")
    assert basic["Front"] == "What is the heart's pacemaker called?"
    assert basic["Back"] == "The sinoatrial node"
    assert basic["Explanation"] == "It sets the rhythm."
    assert basic["Mechanism"] == ""
    assert basic["Source"] == "<b>Source</b>: Notes on the heart, A. Teacher"
    assert basic.tags == ["physiology"]

    mcq = note_by_question(col, "mcq-1")
    assert mcq["Prompt"] == "Which chamber receives blood from the lungs?"
    assert mcq["Choices"] == (
        '<ol class="qz-choices" type="A"><li>Left atrium</li><li>Right atrium</li>'
        "<li>Right ventricle</li></ol>"
    )
    # The back marks only the right choice (its letter kept); the wrong ones appear once, on the front.
    assert mcq["Answer"] == (
        '<ol class="qz-choices" type="A"><li value="1"><span class="qz-correct">Left atrium</span></li></ol>'
    )
    back = col.get_card(mcq.card_ids()[0]).answer()
    assert back.count("Right atrium") == 1 and back.count('class="qz-correct"') == 1
    assert mcq["Instruction"] == "Pick one answer."

    assert note_by_question(col, "tf-1")["Answer"] == "True"
    short = note_by_question(col, "short-1")
    assert (short["Answer"], short["Accepted"]) == ("aorta", "the aorta")
    assert note_by_question(col, "numeric-1")["Answer"] == "70 ± 10 bpm"
    cloze = note_by_question(col, "cloze-1")
    assert cloze["Text"] == "The {{c1::left ventricle}} pumps blood to the {{c2::body::where?}}."
    order = note_by_question(col, "order-1")
    assert order["Answer"] == (
        '<ol class="qz-items"><li>right atrium</li><li>right ventricle</li><li>lungs</li>'
        "<li>left atrium</li></ol>"
    )
    # The front lists the same steps, scrambled (never in the right order).
    assert order["Items"] != order["Answer"].replace('"qz-items"', '"qz-items" type="a"')
    items = re.findall(r"<li>(.*?)</li>", order["Items"])
    assert items != ["right atrium", "right ventricle", "lungs", "left atrium"]
    assert sorted(items) == sorted(re.findall(r"<li>(.*?)</li>", order["Answer"]))
    match = note_by_question(col, "match-1")
    assert match["Answer"] == (
        '<table class="qz-pairs"><tr><td>mitral</td><td>→</td><td>left heart</td></tr>'
        "<tr><td>tricuspid</td><td>→</td><td>right heart</td></tr></table>"
    )

    generated = note_by_question(col, "adrenaline-heart.true")
    assert generated.tags == ["mechanism::adrenaline-heart", "physiology"]
    assert generated["Mechanism"] == (
        "<b>Mechanism</b>: adrenaline stimulates beta-1 receptors (receptors on heart muscle cells "
        "that respond to adrenaline)<br>heart rate rises → the heart contracts more strongly → "
        "cardiac output increases"
    )
    assert generated["Source"].endswith("section: The heart")


def test_every_card_renders_question_and_answer(sample_col: tuple[Collection, Path]) -> None:
    col, _ = sample_col
    for card_id in col.find_cards(""):
        card = col.get_card(card_id)
        question, answer = card.question(), card.answer()
        assert question and answer
        # Anki shows template problems inside the card instead of raising.
        for text in (question, answer):
            assert "{{" not in text.split("</style>")[-1]
            assert "Invalid" not in text and "error" not in text.lower().split("</style>")[-1]
        note = card.note()
        explanation = note["Explanation"]
        if explanation:
            assert explanation in answer
        assert note["Source"] in answer
        assert note["Quizmg"] not in answer  # the stored JSON never shows


def test_back_shows_explanation_mechanism_and_source(sample_col: tuple[Collection, Path]) -> None:
    col, _ = sample_col
    note = note_by_question(col, "adrenaline-heart.recall")
    answer = col.get_card(note.card_ids()[0]).answer()
    assert '<div class="qz-explanation">Beta-1 receptors sit mostly in the heart.</div>' in answer
    assert '<div class="qz-mechanism"><b>Mechanism</b>: adrenaline stimulates' in answer
    assert '<div class="qz-source"><b>Source</b>: Notes on the heart' in answer


SCRIPT_DECK = """\
id: unsafe
title: Unsafe <b>text</b> & more
description: "Has <script>alert('x')</script> & ampersands"
questions:
  - id: q1
    kind: basic
    prompt: "What does <script>alert(1)</script> do & why?"
    answer: "It <b>shows</b> as text & stays\\nsafe"
  - id: q2
    kind: mcq
    prompt: Pick the tag
    choices:
      - {text: "<img src=x onerror=alert(1)>", correct: true}
      - {text: "a & b"}
  - id: q3
    kind: basic
    prompt: "Some **bold**, a [link](javascript:alert(1)) and `code`"
    answer: |
      - one
      - two
"""


def test_script_and_ampersand_render_as_text(tmp_path: Path) -> None:
    out = tmp_path / "unsafe.apkg"
    write_apkg([load_bank(deck_file(tmp_path, SCRIPT_DECK))], out, now=NOW)
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        note = note_by_question(col, "q1")
        assert note["Front"] == "What does &lt;script&gt;alert(1)&lt;/script&gt; do &amp; why?"
        assert note["Back"] == "It &lt;b&gt;shows&lt;/b&gt; as text &amp; stays<br>safe"
        for card_id in col.find_cards(""):
            card = col.get_card(card_id)
            for text in (card.question(), card.answer()):
                assert "<script" not in text
                assert "<img" not in text
                assert "href" not in text  # the javascript: link stays text
        mcq = note_by_question(col, "q2")
        assert "<li>&lt;img src=x onerror=alert(1)&gt;</li>" in mcq["Choices"]
        assert "<li>a &amp; b</li>" in mcq["Choices"]
        markdown = note_by_question(col, "q3")
        assert markdown["Front"].startswith("Some <strong>bold</strong>, a ")
        assert "<code>code</code>" in markdown["Front"]
        assert markdown["Back"] == "<ul><li>one</li><li>two</li></ul>".replace("><", ">\n<")
        assert [d.name for d in col.decks.all_names_and_ids()] == [
            "Default", "Unsafe <b>text</b> & more"
        ]
    finally:
        col.close()


def test_subdecks_per_mechanism(tmp_path: Path, sample_deck: Path) -> None:
    out = tmp_path / "sub.apkg"
    write_apkg([load_bank(sample_deck)], out, now=NOW, subdecks=True)
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        names = sorted(d.name for d in col.decks.all_names_and_ids())
        assert names == [
            "Default",
            "Sample deck",
            "Sample deck::acetylcholine-heart",
            "Sample deck::adrenaline-heart",
        ]
        in_mechanism = col.find_notes('"deck:Sample deck::adrenaline-heart"')
        assert len(in_mechanism) == 7
        assert len(col.find_notes('"deck:Sample deck" -"deck:Sample deck::*"')) == 8
    finally:
        col.close()


def test_media_referenced_by_the_deck_travels(tmp_path: Path) -> None:
    image = tmp_path / "images" / "heart.png"
    image.parent.mkdir()
    image.write_bytes(b"\x89PNG\r\n\x1a\nnot really a picture")
    path = deck_file(tmp_path, """\
id: pictures
title: Pictures
questions:
  - id: p1
    kind: basic
    prompt: "Name this organ: ![a heart](images/heart.png)"
    answer: The heart
""")
    out = tmp_path / "pictures.apkg"
    summary = write_apkg([load_bank(path)], out, now=NOW)
    assert summary.media == ["heart.png"]
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        note = note_by_question(col, "p1")
        assert note["Front"] == 'Name this organ: <img src="heart.png" alt="a heart" />'
        assert (Path(col.media.dir()) / "heart.png").read_bytes() == image.read_bytes()
    finally:
        col.close()


def test_built_in_decks_import_with_one_note_per_question(tmp_path: Path) -> None:
    decks = builtin_decks()
    assert decks, "quizmg ships at least one built-in deck"
    for deck_id, path in decks.items():
        bank = load_bank(path)
        out = tmp_path / f"{deck_id}.apkg"
        write_apkg([bank], out, now=NOW, subdecks=True)
        col = new_collection(tmp_path / f"anki-{deck_id}")
        try:
            log = import_package(col, out)
            assert len(log.new) == col.note_count() == len(bank.questions)
            assert col.card_count() == len(bank.cards())
            for card_id in col.find_cards(""):
                card = col.get_card(card_id)
                assert card.question() and card.answer()
        finally:
            col.close()


def test_naive_time_is_refused(sample_deck: Path) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        build_package([load_bank(sample_deck)], now=datetime(2025, 1, 1))


def test_progress_hears_of_every_note_a_hundred_at_a_time(tmp_path: Path, sample_deck: Path) -> None:
    questions = [{"id": f"q{n}", "kind": "basic", "prompt": f"Prompt {n}?", "answer": f"Answer {n}"}
                 for n in range(230)]
    big = bank_from_deck(Deck(id="big", title="Big", questions=questions))
    heard: list[int] = []
    summary = write_apkg([big, load_bank(sample_deck)], tmp_path / "both.apkg", now=NOW, progress=heard.append)
    assert summary.notes == 230 + 21
    assert heard == [100, 100, 51]


def test_polish_package_mode_description_and_hidden_field(tmp_path: Path, sample_deck: Path) -> None:
    """Packages are 0644 (under the usual umask); the deck description holds no base64; the note
    types keep their `mod` across exports and label the hidden field."""
    import os
    import sqlite3

    from quizmg.formats.anki.notetypes import NOTE_TYPES_CHECKSUM, NOTE_TYPES_REVISED, note_types_checksum

    assert note_types_checksum() == NOTE_TYPES_CHECKSUM, (
        "the note types changed: set NOTE_TYPES_REVISED to today and NOTE_TYPES_CHECKSUM to "
        f"{note_types_checksum()!r}"
    )
    old = os.umask(0o022)
    try:
        write_apkg([load_bank(sample_deck)], tmp_path / "a.apkg", now=NOW)
        write_apkg([load_bank(sample_deck)], tmp_path / "b.apkg", now=NOW + timedelta(days=30))
    finally:
        os.umask(old)
    assert (tmp_path / "a.apkg").stat().st_mode & 0o777 == 0o644
    for name in ("a.apkg", "b.apkg"):
        with zipfile.ZipFile(tmp_path / name) as archive:
            (tmp_path / f"{name}.db").write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(tmp_path / f"{name}.db")
        models_text, decks_text = connection.execute("SELECT models, decks FROM col").fetchone()
        connection.close()
        models = json.loads(models_text)
        assert {model["mod"] for model in models.values()} == {NOTE_TYPES_REVISED}
        hidden = [f for model in models.values() for f in model["flds"] if f["name"] == "Quizmg"]
        assert hidden and all(f["collapsed"] and "edit the other fields" in f["description"] for f in hidden)
        description = next(d["desc"] for d in json.loads(decks_text).values() if d["name"] == "Sample deck")
        assert '<!--quizmg-deck:{"' in description and re.search(r"[A-Za-z0-9+/]{200}", description) is None
