"""What is waiting each way, for `quizmg sync status` and the dashboard."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.sync.account import load_account
from quizmg.sync.answers import new_answers
from quizmg.sync.deletions import sent_banks
from quizmg.sync.resets import forgets_after
from quizmg.sync.state import load_state

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.store import Collection

# The dashboard suggests a sync when answers wait and the last one is older than this.
DUE_AFTER = timedelta(hours=1)


@dataclass(frozen=True)
class Outgoing:
    """quizmg's side: answers and decks not yet in the mirror."""

    answers: int
    decks_changed: list[str]
    resets: int = 0  # cards forgotten since the last sync


def outgoing(folder: Path, collection: Collection, banks: Sequence[Bank]) -> Outgoing:
    state = load_state(folder)
    registered = {record.name for record in collection.decks()}
    decks = [deck for deck in state.decks if deck in registered]
    answers = len(new_answers(collection, decks, state.review_mark)) if decks else 0
    sending = sent_banks(banks, set(state.deleted_in_anki))
    changed = [bank.id for bank in sending if state.deck_hashes.get(bank.id) != bank.content_hash]
    return Outgoing(answers, changed, len(forgets_after(collection, decks, state.event_mark)))


def server_side(folder: Path) -> str:
    """What the server says is waiting (one short request), in words."""
    from quizmg.sync.anki_library import translated
    from quizmg.sync.mirror import mirror_exists, mirror_problem, open_mirror
    from quizmg.sync.run import auth_for

    account = load_account(folder)
    if account is None:
        return "not logged in"
    if not mirror_exists(folder):
        return "never synced"
    damage = mirror_problem(folder)
    if damage:
        return f"unknown: quizmg's mirror is damaged ({damage}); the next `quizmg sync` fetches the server's again"
    from anki.sync_pb2 import SyncStatusResponse

    col = open_mirror(folder)
    try:
        required = col.sync_status(auth_for(account)).required
    except Exception as error:
        message = translated(error, account.server)
        if message is None:
            raise
        return f"unknown ({message})"
    finally:
        col.close()
    return {
        SyncStatusResponse.NO_CHANGES: "nothing",
        SyncStatusResponse.NORMAL_SYNC: "changes to exchange",
        SyncStatusResponse.FULL_SYNC: "a full sync (one side must replace the other)",
    }.get(required, "changes to exchange")


def answers_waiting(folder: Path, collection: Collection, now: datetime) -> int:
    """For the dashboard: how many answers wait to go when a sync is due (0 when none is): decks
    sync, answers wait, and the last sync is over an hour old (or there was none)."""
    state = load_state(folder)
    if not state.decks or load_account(folder) is None:
        return 0
    last = state.last_sync_time
    if last is not None and now - last < DUE_AFTER:
        return 0
    registered = {record.name for record in collection.decks()}
    decks = [deck for deck in state.decks if deck in registered]
    return len(new_answers(collection, decks, state.review_mark)) if decks else 0
