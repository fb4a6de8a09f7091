"""The collection: one SQLite database per learner, holding registered decks, their cards, the
append-only review log, settings and quiz results. The review log is the truth; each card's
scheduling state is a cache of it that `Collection.rebuild()` recomputes exactly.

The public API (all times are timezone-aware datetimes passed in; nothing here reads the clock):

    from quizmg.store import open_collection

    collection = open_collection(path, now)      # create / migrate / back up; refuses newer schemas
    report = collection.sync(bank, now)          # register a Bank and bring its cards up to date
    collection.decks(); collection.deck_paths()  # registered decks (DeckRecord), name -> file
    collection.card(key); collection.cards(deck) # CardRecord: flags + CardState
    collection.queue(now, decks=None)            # [QueuedCard]: learning, then reviews + new mixed
    collection.due_counts(now, decks=None)       # DueCounts(learning, review, new, next_due)
    collection.record_answer(key, rating, now, mode="study"|"cram"|"quiz",
                             duration_ms=..., answer=..., correct=...)  # -> Recorded, committed
    collection.undo(now, review_id=None)         # -> Undone | None: takes back the last answer
    collection.set_suspended(keys, True/False); collection.bury(keys, now); collection.leeches()
    collection.settings(deck=None)               # Settings in force (defaults < global < deck)
    collection.set_setting(key, value, deck=None); collection.unset_setting(key, deck=None)
    collection.reviews(deck=None, since=None)    # [Review], the log for statistics
    collection.histories(deck=None)              # {card number: [(time, rating)]} for the optimizer
    collection.save_quiz_result(...); collection.quiz_results(deck=None)
    collection.rebuild(write=True)               # replay the whole log -> RebuildReport
    collection.integrity_problems(); collection.backup(now)
    restore_backup(database, backup_file, now)   # checked restore, keeping a copy of what it replaces

Design choices:
- Undo appends a row to `undone_reviews` instead of deleting or flagging the review: the log stays
  append-only (a review row is never rewritten), an undo is itself a dated fact, and every reader
  that replays simply skips undone reviews.
- A card's state is the fold of its study answers in log order (review id), the order the
  scheduler met them: the cache then equals a replay even when two sessions answered the same
  card at once with interleaved clock times.
- Cram and quiz answers are logged with their mode and never change the schedule.
- Daily limits and sibling burying are read from today's part of the log, not kept as counters,
  so they are right after a crash, an undo or with two sessions at once.
- Every write is one BEGIN IMMEDIATE transaction (WAL, synchronous=FULL, busy_timeout), committed
  before the call returns: an answer the caller was told about is on disk.
"""

from quizmg.store.backups import Backup, list_backups, restore_backup
from quizmg.store.collection import Collection
from quizmg.store.migrations import MIGRATIONS, SchemaTooNewError
from quizmg.store.opening import open_collection
from quizmg.store.records import (
    CardRecord,
    DeckRecord,
    DueCounts,
    QueuedCard,
    QuizResult,
    RebuildReport,
    Recorded,
    Review,
    SyncReport,
    Undone,
)

__all__ = [
    "MIGRATIONS",
    "Backup",
    "CardRecord",
    "Collection",
    "DeckRecord",
    "DueCounts",
    "QueuedCard",
    "QuizResult",
    "RebuildReport",
    "Recorded",
    "Review",
    "SchemaTooNewError",
    "SyncReport",
    "Undone",
    "list_backups",
    "open_collection",
    "restore_backup",
]
