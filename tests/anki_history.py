"""A long FSRS history made in Anki: years of reviews per card (lapses, Hard, Easy, filtered-deck
rows), then Anki's own FSRS computes each card's memory state and reschedules it from that history
(as "reschedule cards on change" does; reviews older than 400 days left out, as Anki's "ignore
reviews before" does), and some cards get "set due date", a reset, a suspension or
a burial. Built with the `anki` library; shared by the test and by a longer run for the figures."""

from __future__ import annotations

import random
import time
from pathlib import Path

from anki import deck_config_pb2
from anki.collection import Collection

DAY_MS = 86_400_000
# FSRS-6's defaults, a little changed, so taking them from the package is visible.
PARAMETERS = [0.2120, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.0010, 1.8722, 0.1666, 0.7960,
              1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]


def _history(rng: random.Random, card_id: int, now_ms: int) -> tuple[list[tuple], int, int, int, int]:
    """One card's revlog rows over one to four years, its last review time, interval, reps, lapses."""
    at = now_ms - rng.randint(200, 1500) * DAY_MS + rng.randint(0, 10**7)
    rows = [(at, card_id, 3, -600, 0, 0, 8000, 0), (at + 600_000, card_id, 3, 1, -600, 0, 6000, 0)]
    at += 600_000
    interval, reps, lapses = 1, 2, 0
    while True:
        following = at + interval * DAY_MS + rng.randint(-3, 3) * 3_600_000
        if following > now_ms - DAY_MS:
            return rows, at, interval, reps, lapses
        at = following
        draw = rng.random()
        ease = 1 if draw < 0.1 else 2 if draw < 0.2 else 4 if draw < 0.3 else 3
        kind = 3 if rng.random() < 0.05 else 1  # a review in a filtered deck that reschedules
        if ease == 1:
            lapses += 1
            shorter = max(1, int(interval * 0.3))
            rows.append((at, card_id, 1, -600, interval, 2500, 5000, kind))
            at += 600_000
            rows.append((at, card_id, 3, shorter, -600, 2500, 5000, 2))
            interval = shorter
        else:
            longer = max(interval + 1, int(interval * {2: 1.2, 3: 2.5, 4: 3.5}[ease]))
            rows.append((at, card_id, ease, longer, interval, 2500, 5000, kind))
            interval = longer
        reps += 1


def long_history(folder: Path, cards: int, seed: int = 7) -> Collection:
    """A collection with `cards` Basic cards in deck "History", each with years of reviews, FSRS on."""
    folder.mkdir(parents=True)
    col = Collection(str(folder / "collection.anki2"))
    col.set_config("fsrs", False)
    deck = col.decks.id("History")
    for number in range(cards):
        note = col.new_note(col.models.by_name("Basic"))
        note.fields[0], note.fields[1] = f"Question {number}?", f"Answer {number}"
        col.add_note(note, deck)
    rng = random.Random(seed)
    now_ms = int(time.time() * 1000)
    used: set[int] = set()
    for card_id in sorted(col.find_cards("deck:History")):
        rows, last, interval, reps, lapses = _history(rng, card_id, now_ms)
        due_day = (last + interval * DAY_MS - col.crt * 1000) // DAY_MS
        col.db.execute(
            "update cards set type=2, queue=2, ivl=?, due=?, factor=2500, reps=?, lapses=? where id=?",
            interval, due_day, reps, lapses, card_id,
        )
        for at, cid, ease, ivl, last_ivl, factor, taken, kind in rows:
            while at in used:  # revlog ids are unique
                at += 1
            used.add(at)
            col.db.execute(
                "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "values (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                at, cid, ease, ivl, last_ivl, factor, taken, kind,
            )
    # Switching FSRS on with "reschedule cards" makes Anki compute every card's memory state from
    # its history and give it the due date FSRS wants.
    current = col.decks.get_deck_configs_for_update(deck)
    config = current.all_config[0].config
    config.config.desired_retention = 0.9
    config.config.fsrs_params_6[:] = PARAMETERS
    # Anki's FSRS leaves out reviews before this day: its memory states are not a replay of the
    # whole log, so only taking them reproduces them.
    ignore_before = time.gmtime(now_ms / 1000 - 400 * 86400)
    config.config.ignore_revlogs_before_date = time.strftime("%Y-%m-%d", ignore_before)
    col.decks.update_deck_configs(deck_config_pb2.UpdateDeckConfigsRequest(
        target_deck_id=deck, configs=[config], removed_config_ids=[], mode=0, card_state_customizer="",
        limits=current.current_deck.limits, new_cards_ignore_review_limit=False, fsrs=True,
        apply_all_parent_limits=False, fsrs_reschedule=True, fsrs_health_check=False,
    ))
    ids = sorted(col.find_cards("deck:History"))
    col.sched.set_due_date(ids[0:cards // 10], "3-9")
    col.sched.schedule_cards_as_new(ids[cards // 10 : cards // 10 + 3], restore_position=True, reset_counts=False)
    col.sched.suspend_cards(ids[-6:-3])
    col.sched.bury_cards(ids[-3:])
    return col


def export_history(col: Collection, package: Path, *, legacy: bool) -> Path:
    """The "History" deck as Anki exports it with its progress: scheduling and deck options."""
    from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

    col.export_anki_package(
        out_path=str(package),
        options=ExportAnkiPackageOptions(with_scheduling=True, with_deck_configs=True, legacy=legacy),
        limit=DeckIdLimit(col.decks.id("History")),
    )
    return package
