"""Image Occlusion notes made by Anki come into quizmg whole: every shape, the image beside the deck,
header and back extra, one card per region, and the progress Anki had for each card."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from occlusion_deck import export_deck, occlusion_collection, png, study_some

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.cli.anki_progress import import_progress
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.yaml_deck import dump_yaml_deck
from quizmg.model import Basic, Occlusion
from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.store import open_collection


@pytest.fixture(scope="module")
def package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("occlusion")
    col = occlusion_collection(folder / "anki")
    try:
        study_some(col, answers=2)
        return export_deck(col, folder / "anatomy.apkg")
    finally:
        col.close()


@pytest.mark.parametrize("legacy", [False, True])
def test_every_shape_comes_in_with_its_image_and_fields(tmp_path: Path, legacy: bool) -> None:
    col = occlusion_collection(tmp_path / "anki")
    try:
        result = read_apkg(export_deck(col, tmp_path / "a.apkg", legacy=legacy, scheduling=False))
    finally:
        col.close()
    assert result.warnings == []
    occlusion = next(q for q in result.deck.questions if isinstance(q, Occlusion))
    assert any(isinstance(q, Basic) for q in result.deck.questions)
    assert occlusion.image == "![](media/heart.png)"
    assert result.media["media/heart.png"] == png(40, 30)
    assert (occlusion.header, occlusion.extra, occlusion.tags) == ("The heart", "Seen from the front", ["anatomy"])
    assert occlusion.card_ordinals() == [1, 2, 3]  # the label of ordinal 0 makes no card
    kinds = [(s.ordinal, s.shape, s.hide_all) for s in occlusion.shapes]
    assert kinds == [(1, "rect", True), (2, "ellipse", True), (2, "text", False), (3, "polygon", False),
                     (0, "text", False)]
    rect, ellipse, _text, polygon, label = occlusion.shapes
    assert (rect.left, rect.top, rect.width, rect.height) == (0.1, 0.2, 0.3, 0.25)
    assert (ellipse.rx, ellipse.ry) == (0.15, 0.1)
    assert polygon.points == [(0.2, 0.6), (0.4, 0.6), (0.3, 0.9)]
    assert label.text == "Front view: heart"  # Anki's `\:` read back as a colon
    assert occlusion.region_name(2) == "Left atrium"  # the text grouped with the ellipse names it
    assert occlusion.region_name(1) == "the rectangle at the top left (25% across, 32% down)"
    assert occlusion.anki is not None and "image-occlusion:rect" in occlusion.anki.fields["Occlusion"]


def test_import_writes_the_deck_and_its_image_and_check_accepts_it(tmp_path: Path, package: Path) -> None:
    out = tmp_path / "anatomy.yaml"
    result = CliRunner().invoke(cli, ["import", str(package), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert "Imported 2 questions" in result.output
    assert (tmp_path / "media" / "heart.png").read_bytes() == png(40, 30)
    bank = load_bank(out)
    occlusion = next(q for q in bank.questions if isinstance(q, Occlusion))
    assert len([c for c in bank.cards() if c.question_id == occlusion.id]) == 3
    assert dump_yaml_deck(bank.deck) == out.read_text(encoding="utf-8")  # YAML holds it exactly
    checked = CliRunner().invoke(cli, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


def test_markdown_says_plainly_it_cannot_hold_the_kind(tmp_path: Path, package: Path) -> None:
    out = tmp_path / "anatomy.md"
    result = CliRunner().invoke(cli, ["import", str(package), "-o", str(out)])
    assert result.exit_code == 1
    assert "the Markdown form cannot hold an Image Occlusion question" in result.output
    assert "write the deck as .yaml" in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_progress_comes_in_for_each_region(tmp_path: Path, package: Path) -> None:
    imported = read_apkg(package)
    deck_file = tmp_path / "anatomy.yaml"
    deck_file.write_text(dump_yaml_deck(imported.deck), encoding="utf-8")
    now = datetime.now(timezone.utc)
    store = open_collection(tmp_path / "quizmg.sqlite3", now)
    try:
        result = import_progress(store, load_bank(deck_file), package, now)
        assert result.recorded == 2
        occlusion = next(q for q in imported.deck.questions if isinstance(q, Occlusion))
        phases = [store.card(f"{imported.deck.id}/{occlusion.id}/{n}").state.phase for n in (1, 2, 3)]
        assert sum(phase is not CardPhase.NEW for phase in phases) >= 1
    finally:
        store.close()


def test_a_note_with_no_readable_shape_is_named_and_skipped(tmp_path: Path) -> None:
    col = occlusion_collection(tmp_path / "anki", masks="{{c1::image-occlusion:star:left=.1}}", header="Stars")
    try:
        result = read_apkg(export_deck(col, tmp_path / "a.apkg", scheduling=False))
    finally:
        col.close()
    assert not any(isinstance(q, Occlusion) for q in result.deck.questions)
    unknown = "note 'Stars' (Image Occlusion): c1: unknown shape 'star'"
    assert any(unknown in w for w in result.warnings), result.warnings


def test_each_region_is_due_when_anki_has_it(tmp_path: Path) -> None:
    col = occlusion_collection(tmp_path / "anki")
    try:
        study_some(col, answers=6)  # every card of the deck answered Good, some twice
        package = export_deck(col, tmp_path / "anatomy.apkg")
        imported = read_apkg(package)
        deck_file = tmp_path / "anatomy.yaml"
        deck_file.write_text(dump_yaml_deck(imported.deck), encoding="utf-8")
        occlusion = next(q for q in imported.deck.questions if isinstance(q, Occlusion))
        now = datetime.now(timezone.utc)
        store = open_collection(tmp_path / "quizmg.sqlite3", now)
        try:
            import_progress(store, load_bank(deck_file), package, now)
            compared = 0
            note_id = col.db.scalar("select id from notes where flds like '%image-occlusion%'")
            for card_id in col.card_ids_of_note(note_id):
                card = col.get_card(card_id)
                ours = store.card(f"{imported.deck.id}/{occlusion.id}/{card.ord + 1}")
                assert ours.state.reps == card.reps, card.ord
                if card.queue == 1:  # learning: due at a moment (Anki adds its own fuzz), on that day
                    assert ours.state.due is not None
                    anki_due = datetime.fromtimestamp(card.due, timezone.utc)
                    assert ours.state.due.date() == anki_due.date(), card.ord
                    compared += 1
                elif card.queue in (2, 3):  # review, or learning due after the day's rollover: due on a day
                    assert ours.state.due is not None
                    # In the learner's study days (they roll over at 4 a.m., as Anki's do), not calendar
                    # dates: between midnight and the rollover, Anki's tomorrow is today's date.
                    settings = store.settings(imported.deck.id)
                    days_left = (study_day(ours.state.due, settings) - study_day(now, settings)).days
                    assert days_left == card.due - col.sched.today, card.ord
                    compared += 1
            assert compared == 3
        finally:
            store.close()
    finally:
        col.close()
