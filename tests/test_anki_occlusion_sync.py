"""An Image Occlusion deck imported from Anki syncs through a real `python -m anki.syncserver`: the
phone gets the note under Anki's own Image Occlusion note type (Anki reads its masks), and answers
made on either side carry over like any card's."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

pytest.importorskip("anki")
from click.testing import CliRunner
from occlusion_deck import export_deck, occlusion_collection
from sync_server import Server, deck_on_phone, run_quizmg

from quizmg.cli import cli
from quizmg.store import open_collection
from quizmg.store.database import to_ms


def test_occlusion_cards_carry_their_progress_both_ways(sync_server: Server, tmp_path: Path) -> None:
    col = occlusion_collection(tmp_path / "anki")
    try:
        package = export_deck(col, tmp_path / "anatomy.apkg", scheduling=False)
    finally:
        col.close()
    deck = tmp_path / "anatomy.yaml"
    assert CliRunner().invoke(cli, ["import", str(package), "-o", str(deck)]).exit_code == 0
    home = tmp_path / "home"
    now = datetime.now(timezone.utc)
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        with open_collection(home / "collection.sqlite3", now) as store:
            keys = [card.key for card in store.cards("anatomy")]
        note_id = phone.col.db.scalar("select id from notes where flds like '%image-occlusion:rect%'")
        masks = phone.col.get_image_occlusion_note(note_id).note
        assert sorted(o.ordinal for o in masks.occlusions) == [0, 1, 2, 3]  # Anki reads the masks
        assert len(phone.col.card_ids_of_note(note_id)) == 3

        # quizmg answers region 2; the phone gets the answer on that card.
        question = next(k.split("/")[1] for k in keys if k.endswith("/2"))
        now = datetime.now(timezone.utc)
        with open_collection(home / "collection.sqlite3", now) as store:
            store.record_answer(f"anatomy/{question}/2", 3, now, duration_ms=1500)
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Sent 1 answer(s)" in result.stdout, result.stdout
        phone.sync()
        card_of = {phone.col.get_card(c).ord + 1: c for c in phone.col.card_ids_of_note(note_id)}
        rows = phone.col.db.all("select cid, ease, id from revlog")
        assert [(cid, ease) for cid, ease, _ in rows] == [(card_of[2], 3)]
        assert rows[0][2] == to_ms(now)

        # The phone answers region 3; quizmg brings the answer and the due date in.
        phone.col.decks.select(phone.col.get_card(card_of[3]).did)
        card = phone.col.get_card(card_of[3])
        card.start_timer()
        phone.col.sched.answerCard(card, 4)
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "received 1 answer(s)" in result.stdout
        with open_collection(home / "collection.sqlite3", now) as store:
            third = store.card(f"anatomy/{question}/3")
            assert third.state.due is not None
            ratings = sorted((r.card_key, r.rating) for r in store.reviews("anatomy"))
        assert ratings == [(f"anatomy/{question}/2", 3), (f"anatomy/{question}/3", 4)]
    finally:
        phone.close()
