"""What Moodle keeps beyond right and wrong (credit per choice, graded answers, extra wrong items)
reaches Anki: a GIFT file read, exported to a package, imported into the real Anki library."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from anki_collection import import_package, new_collection, note_by_question

from quizmg.bank import bank_from_deck
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.gift import read_gift

GIFT = """// [id:best]
::Best::Which is best? {=Frog#Yes! ~%50%Toad#close ~Cat#no}

// [id:star]
::Star::Name our star. {=Sun =%50%Star#Which one? =%0%*#no}

// [id:year]
::Year::Grant was born in? {#=1822:0#exact =%50%1822:2#close}

// [id:acts]
::Acts::Match. {=Forum -> talk =Wiki -> edit = -> chat}
"""


def test_credit_feedback_and_distractors_reach_anki(tmp_path: Path) -> None:
    deck = read_gift(GIFT, "moodle.gift").deck
    out = tmp_path / "moodle.apkg"
    write_apkg([bank_from_deck(deck)], out, now=datetime(2026, 1, 5, 12, tzinfo=timezone.utc))
    col = new_collection(tmp_path / "anki")
    try:
        assert len(import_package(col, out).new) == 4
        best = note_by_question(col, "best")
        assert '<span class="qz-correct">Toad</span> (50%) <span class="qz-hint">close</span>' in best["Answer"]
        assert '<li value="3">no</li>' in best["Answer"]  # what the wrong one was wrong about
        assert note_by_question(col, "star")["Accepted"] == "Star (50%)"
        assert note_by_question(col, "year")["Answer"] == "1822; also 1822 ± 2 (50%)"
        assert "<li>chat</li>" in note_by_question(col, "acts")["Right"]  # offered, matching nothing
    finally:
        col.close()
