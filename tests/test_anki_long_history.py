"""import --with-progress of a long FSRS history (years of reviews made in Anki, then Anki's own FSRS
memory states and reschedule, set-due-date, reset, filtered-deck rows, suspended and buried cards):
every card due on Anki's day, with Anki's stability and difficulty, suspended cards suspended, and
the card cache equal to a replay of the log (the memory states are log events, not overwrites).

QUIZMG_LONG_HISTORY_CARDS sets the number of cards (60 by default); run with `-s` for the figures.
"""

from __future__ import annotations

import os
import shutil
import statistics
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from anki.collection import Collection as AnkiCollection
from anki.collection import (
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki_history import PARAMETERS, export_history, long_history
from test_anki_progress_in import _anki_days

from quizmg.bank import load_bank
from quizmg.cli.anki_progress import import_progress
from quizmg.formats.anki.ids import guid_digest
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.media import write_media
from quizmg.formats.yaml_deck import dump_yaml_deck
from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.store import Collection, open_collection
from quizmg.store.card_events import card_ids, card_rows, events_by_card, replay_with_events
from quizmg.store.rebuild import rebuild

CARDS = int(os.environ.get("QUIZMG_LONG_HISTORY_CARDS", "60"))


@dataclass
class Agreement:
    """How far quizmg's cards agree with Anki's after the import."""

    compared: int = 0
    same_day: int = 0
    with_memory: int = 0
    same_memory: int = 0
    replay_only: list[float] = field(default_factory=list)  # |replayed stability / Anki's - 1|

    def __str__(self) -> str:
        text = f"due on Anki's day {self.same_day}/{self.compared} ({self.same_day / max(1, self.compared):.1%})"
        text += f"; Anki's memory state {self.same_memory}/{self.with_memory}"
        if self.replay_only:
            text += (
                f"; replay alone: stability off by a median {statistics.median(self.replay_only):.2%}, "
                f"max {max(self.replay_only):.2%}"
            )
        return text


def agreement(col: AnkiCollection, search: str, quizmg: Collection, deck_id: str, now: datetime) -> Agreement:
    """Compare every card of `search` in Anki with quizmg's; suspended and new cards must match."""
    settings = quizmg.settings(deck_id)
    db = quizmg.connection
    found = Agreement()
    for card_id in col.find_cards(search):
        card = col.get_card(card_id)
        key = f"{deck_id}/anki-{guid_digest(card.note().guid)}/{card.ord + 1}"
        if key not in card_ids(db, [key]):  # a note that became no question (named in a warning)
            continue
        ours = quizmg.card(key)
        if card.queue == -1:
            assert ours.suspended, key
        anki_days = _anki_days(col, card_id)
        if anki_days is None:
            assert ours.state.phase is CardPhase.NEW, key
            continue
        found.compared += 1
        assert ours.state.due is not None
        if card.queue == 1:  # learning: due at a time
            ours_days = (ours.state.due.date() - now.date()).days
        else:
            ours_days = (study_day(ours.state.due, settings) - study_day(now, settings)).days
        found.same_day += ours_days == anki_days
        memory = card.memory_state
        if memory is None:
            continue
        found.with_memory += 1
        found.same_memory += (
            abs(ours.state.stability - memory.stability) <= 1e-3 * memory.stability  # type: ignore[operator]
            and abs(ours.state.difficulty - memory.difficulty) <= 1e-3  # type: ignore[operator]
        )
        # What a replay of the history alone would have said (the figure for the report).
        internal = card_ids(db, [key])[key]
        replayed = replay_with_events(
            card_rows(db, internal), events_by_card(db, internal).get(internal, []), settings, ours.number
        )
        if replayed.stability:
            found.replay_only.append(abs(replayed.stability / memory.stability - 1))
    return found


def _import_with_progress(package: Path, folder: Path, now: datetime) -> tuple[Collection, str, object]:
    deck_file = folder / "deck.yaml"
    imported = read_apkg(package)
    deck_file.write_text(dump_yaml_deck(imported.deck), encoding="utf-8")
    write_media(deck_file, imported.media)
    quizmg = open_collection(folder / "quizmg.sqlite3", now)
    return quizmg, imported.deck.id, import_progress(quizmg, load_bank(deck_file), package, now)


@pytest.mark.parametrize("legacy", [False, True])
def test_a_long_fsrs_history_comes_in_as_anki_has_it(tmp_path: Path, legacy: bool) -> None:
    col = long_history(tmp_path / "anki", CARDS)
    try:
        package = export_history(col, tmp_path / "history.apkg", legacy=legacy)
        now = datetime.now(timezone.utc)
        quizmg, deck_id, result = _import_with_progress(package, tmp_path, now)
        try:
            assert quizmg.settings(deck_id).parameters == pytest.approx(PARAMETERS, abs=1e-4)
            # Anki left its oldest reviews out: a third or more of the cards need its memory state.
            assert result.resets >= 3 and result.memory_states >= CARDS // 3  # type: ignore[attr-defined]
            found = agreement(col, "deck:History", quizmg, deck_id, now)
            print(f"\n{CARDS} cards, {result.recorded} answers: {found}")  # type: ignore[attr-defined]
            assert found.compared >= CARDS * 0.8
            assert found.same_day >= 0.99 * found.compared
            assert found.same_memory == found.with_memory
            # An answer given in quizmg afterwards continues from Anki's memory state, and a replay
            # of the log (rebuild, undo) gives the same state as the cache.
            key = next(c.key for c in quizmg.cards(deck_id) if c.state.phase is CardPhase.REVIEW and not c.suspended)
            before = quizmg.card(key).state
            quizmg.record_answer(key, 3, now + timedelta(days=1))
            after = quizmg.card(key).state
            assert after.reps == before.reps + 1 and after.stability != before.stability
            assert rebuild(quizmg, write=False).differing == []
        finally:
            quizmg.close()
    finally:
        col.close()


CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "apkg"
CORPUS_PACKAGES = sorted(CORPUS.glob("*.apkg")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_PACKAGES, reason="../shared/corpus/apkg is not here")
@pytest.mark.parametrize("package", CORPUS_PACKAGES, ids=lambda p: p.stem)
def test_real_packages_come_in_on_ankis_days(tmp_path: Path, package: Path) -> None:
    copy = tmp_path / package.name
    shutil.copyfile(package, copy)
    (tmp_path / "anki").mkdir()
    col = AnkiCollection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(copy), options=ImportAnkiPackageOptions(with_scheduling=True)
        ))
        now = datetime.now(timezone.utc)
        (tmp_path / "quizmg").mkdir()
        quizmg, deck_id, result = _import_with_progress(copy, tmp_path / "quizmg", now)
        try:
            found = agreement(col, "", quizmg, deck_id, now)
            print(f"\n{package.name}: {result.recorded} answers: {found}")  # type: ignore[attr-defined]
            assert found.same_day >= 0.99 * found.compared
            assert found.same_memory == found.with_memory
            assert rebuild(quizmg, write=False).differing == []
        finally:
            quizmg.close()
    finally:
        col.close()
