"""One sync run: quizmg's collection <-> the mirror <-> the sync server.

    sync_collection (the server's changes in, anything left in the mirror out; a full upload or
                     download when the server asks for one)
    merge (what other devices did comes into quizmg, quizmg's answers, notes and suspensions go
           into the mirror; card states are replayed from the merged log and written back)
    sync_collection again, only if the merge changed the mirror

Every step is idempotent (see quizmg.sync.answers), each write is committed on its own side, and
the state file only records where to resume: a run killed at any point leaves both sides
consistent, and the next run completes it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from quizmg.errors import QuizmgError
from quizmg.store.database import to_ms
from quizmg.sync.account import Account, load_account
from quizmg.sync.additions import notes_added_in_anki
from quizmg.sync.answers import pull_answers, push_answers
from quizmg.sync.cards import merge_suspensions, write_states
from quizmg.sync.deletions import sent_banks, settle_deletions
from quizmg.sync.mirror import (
    DAMAGED_FILE,
    MIRROR_FILE,
    card_ids,
    forget_card_ids,
    import_decks,
    mirror_days,
    mirror_problem,
    open_mirror,
    set_mirror_aside,
    touch,
    use_learner_settings,
)
from quizmg.sync.resets import push_resets, reset_cards
from quizmg.sync.state import SyncState, load_state, save_state

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.store import Collection

FullChoice = Literal["upload", "download"]
LOCK_FILE = "sync.lock"


class NotLoggedIn(QuizmgError):
    """No account: `quizmg sync login` first."""


class FullSyncNeeded(QuizmgError):
    """The server and the mirror have diverged beyond a merge: one must replace the other."""


@dataclass
class SyncReport:
    """What one run moved."""

    answers_sent: int = 0
    answers_received: int = 0
    crammed_received: int = 0
    resets_sent: int = 0  # cards forgotten in quizmg, reset in Anki
    resets_received: int = 0  # cards reset in Anki, forgotten in quizmg
    due_dates_received: int = 0  # due dates set in Anki, set in quizmg
    notes_sent: int = 0
    states_written: int = 0
    suspended_to_quizmg: int = 0
    suspended_to_anki: int = 0
    edits: int = 0  # notes edited in Anki taken in, or settled against an edit of the deck file
    deleted_in_anki: int = 0  # questions whose notes were deleted in Anki: suspended, no longer sent
    notes_sent_again: int = 0  # of those, unsuspended in quizmg and sent again
    full: str | None = None  # "upload" or "download" when one happened
    network_syncs: int = 0
    server_message: str = ""
    notes: list[str] = field(default_factory=list)

    @property
    def moved(self) -> bool:
        return any(
            (self.answers_sent, self.answers_received, self.notes_sent, self.states_written,
             self.resets_sent, self.resets_received, self.due_dates_received,
             self.suspended_to_quizmg, self.suspended_to_anki, self.edits, self.deleted_in_anki,
             self.notes_sent_again, self.full)
        )


@contextmanager
def sync_lock(folder: Path) -> Iterator[None]:
    """One sync at a time per data folder (released by the system if the process dies)."""
    folder.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # no flock here (Windows): the sync runs unguarded
        yield
        return
    with open(folder / LOCK_FILE, "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise QuizmgError("another sync is running for this collection; try again when it ends.") from None
        yield


def auth_for(account: Account) -> Any:
    from anki.sync_pb2 import SyncAuth

    return SyncAuth(hkey=account.hkey, endpoint=account.endpoint) if account.endpoint else SyncAuth(
        hkey=account.hkey
    )


def merge(
    collection: Collection, col: Any, folder: Path, banks: Sequence[Bank], state: SyncState,
    now: datetime, report: SyncReport,
) -> bool:
    """Both ways between quizmg and the mirror; True when the mirror changed."""
    from quizmg.sync.edits import EditReport, deck_file_time, describe_edits, settle_edits
    from quizmg.sync.overlay import apply_edits_from_anki

    # Notes edited on other devices join quizmg's view of each deck before anything goes out.
    edits = EditReport()
    for bank in banks:
        settle_edits(col, folder, bank, deck_file_time(bank), edits, state.revlog_usn)
    file_banks = {bank.id: bank for bank in banks}
    banks = [apply_edits_from_anki(bank, folder) for bank in banks]
    report.notes.extend(describe_edits(edits))
    report.edits += len(edits.taken) + len(edits.kept_quizmg) + len(edits.kept_anki)
    decks = [bank.id for bank in banks]
    for bank in banks:
        collection.sync(bank, now)  # the deck's cards exist in quizmg before answers cross
    # Notes deleted in Anki: their questions are suspended in quizmg and no longer sent.
    deletions = settle_deletions(collection, col, folder, banks, state, state.revlog_usn)
    report.notes.extend(deletions.notes)
    report.deleted_in_anki += len(deletions.deleted)
    report.notes_sent_again += len(deletions.restored)
    # Notes added in Anki to these decks: named once, as they arrive; they stay in Anki.
    report.notes.extend(notes_added_in_anki(col, banks, state.revlog_usn))
    sending = sent_banks(banks, set(state.deleted_in_anki))
    before = int(col.db.scalar("select mod from col") or 0)
    changed_decks = [bank for bank in sending if state.deck_hashes.get(bank.id) != bank.content_hash]
    if changed_decks:
        from quizmg.formats.anki.ids import question_guid
        from quizmg.sync.edits import save_sent_checksums
        from quizmg.sync.mirror import overwrite_notes

        report.notes_sent += import_decks(col, folder, changed_decks, now)
        for bank in changed_decks:
            save_sent_checksums(folder, file_banks[bank.id])
            settled = {label.split("/", 1)[1] for label in edits.kept_quizmg if label.startswith(f"{bank.id}/")}
            guids = (question_guid(bank.id, q) for q in bank.questions if q.id in settled)
            overwrite_notes(col, folder, bank.id, guids)
    settings_of = {bank.id: collection.settings(bank.id) for bank in banks}
    notes: list[str] = []
    use_learner_settings(col, banks, settings_of, notes)
    if notes and not state.told_fsrs_off:  # said once, not at every sync
        report.notes.extend(notes)
        state.told_fsrs_off = True
    for bank in changed_decks:
        state.deck_hashes[bank.id] = bank.content_hash
    cards = card_ids(col, sending, folder)
    days_of = {deck: mirror_days(col, settings_of[deck], now) for deck in decks}
    pulled = pull_answers(collection, col, cards, state.revlog_usn, days_of, f"Anki ({state.account})")
    report.answers_received += pulled.answers
    report.crammed_received += pulled.crammed
    report.resets_received += pulled.resets
    report.due_dates_received += pulled.due_dates
    if pulled.late:
        report.notes.append(
            f"{pulled.late} answer(s) from other devices are older than quizmg's latest answer on their "
            "card: each took its place by its time, and the card was replayed."
        )
    now_s = int(now.timestamp())
    results: dict[str, Any] = {}

    def write_mirror() -> None:
        # One transaction for every row written into the mirror: the revlog rows, the states they
        # lead to and the collection's time go in together or not at all.
        pushed = results["pushed"] = push_answers(collection, col, decks, state.review_mark, cards, days_of)
        resets = results["resets"] = push_resets(collection, col, decks, state.event_mark, cards)
        suspensions = results["suspensions"] = merge_suspensions(
            collection, col, cards, set(state.suspended), now_s
        )
        touched = pushed.touched | pulled.touched | resets.touched | deletions.restored_keys
        if suspensions.to_anki or suspensions.to_quizmg:
            touched |= set(state.suspended) ^ suspensions.now_suspended
        written = write_states(collection, col, touched, cards, days_of, settings_of, now_s)
        # Cards forgotten in quizmg (and not answered since): new again in the mirror.
        forgotten = [cards[key] for key in sorted(resets.touched) if collection.card(key).state.reps == 0]
        written += reset_cards(col, forgotten, now_s)
        results["written"] = written
        if (
            int(col.db.scalar("select mod from col") or 0) != before
            or pushed.answers or written or suspensions.to_anki or resets.to_anki
        ):
            touch(col, to_ms(now))
            results["changed"] = True

    col.db.transact(write_mirror)
    pushed, suspensions = results["pushed"], results["suspensions"]
    report.answers_sent += pushed.answers
    report.resets_sent += results["resets"].to_anki
    report.suspended_to_quizmg += suspensions.to_quizmg
    report.suspended_to_anki += suspensions.to_anki
    report.states_written += results["written"]
    changed = bool(results.get("changed"))
    state.review_mark = pushed.mark
    state.event_mark = results["resets"].mark
    state.suspended = sorted(suspensions.now_suspended)
    return changed


def _network_sync(col: Any, auth: Any, account: Account, full: FullChoice | None, report: SyncReport) -> Any:
    """One sync_collection call, with a full upload or download when the server asks for one.
    Returns the (possibly reopened) collection's download flag: True when the mirror was replaced."""
    from anki.sync_pb2 import SyncCollectionResponse as Out

    from quizmg.sync.anki_library import translated

    try:
        out = col.sync_collection(auth, False)
    except Exception as error:
        message = translated(error, account.server)
        if message is None:
            raise
        raise message from None
    report.network_syncs += 1
    if out.server_message:
        report.server_message = out.server_message
    required = out.required
    if required in (Out.NO_CHANGES, Out.NORMAL_SYNC):
        return False
    if required == Out.FULL_UPLOAD:
        upload = True  # the server has no cards: nothing there to lose
    elif required == Out.FULL_DOWNLOAD:
        upload = False  # the mirror has no cards: nothing here to lose
    elif full is None:
        raise FullSyncNeeded(
            f"{account.server} asks for a full sync: the collection there and quizmg's mirror have "
            "diverged (a change of note types or a reset on one side), so one must replace the other.\n"
            "  quizmg sync --download   replace quizmg's mirror with the server's collection "
            "(quizmg's own answers are kept and sent again)\n"
            "  quizmg sync --upload     replace the server's collection with quizmg's mirror "
            "(reviews other devices have not synced yet would be lost)\n"
            "Nothing was changed."
        )
    else:
        upload = full == "upload"
    col.close_for_full_sync()
    try:
        col.full_upload_or_download(auth=auth, server_usn=out.server_media_usn, upload=upload)
    except Exception as error:
        message = translated(error, account.server)
        if message is None:
            raise
        raise message from None
    finally:
        col.reopen(after_full_sync=True)
    report.network_syncs += 1
    report.full = "upload" if upload else "download"
    return not upload


MEDIA_TIMEOUT_S = 600.0


def _sync_media(col: Any, auth: Any, account: Account) -> None:
    """Images and sounds of the synced decks both ways (the library's media sync, waited for)."""
    import time

    from quizmg.sync.anki_library import translated

    try:
        col.sync_media(auth)
        deadline = time.monotonic() + MEDIA_TIMEOUT_S
        while col.media_sync_status().active and time.monotonic() < deadline:
            time.sleep(0.005)
    except Exception as error:
        message = translated(error, account.server)
        if message is None:
            raise
        raise message from None


def run_sync(
    folder: Path, collection: Collection, banks: Sequence[Bank], now: datetime,
    *, full: FullChoice | None = None,
) -> SyncReport:
    """Sync quizmg's chosen decks with the account's server, both ways. `banks` are the decks as
    their files give them (without the edits from Anki, which the run lays over them itself)."""
    account = load_account(folder)
    if account is None:
        raise NotLoggedIn("not logged in to a sync server: run `quizmg sync login` first.")
    report = SyncReport()
    with sync_lock(folder):
        state = load_state(folder)
        identity = f"{account.user} on {account.server}"
        if state.account not in (None, identity):
            # Another account: the mirror holds the old one's collection. Set it aside, start afresh.
            set_mirror_aside(folder)
            forget_card_ids(folder)
            state.forget_mirror()
            state.account = identity
            save_state(folder, state)
        state.account = identity
        damage = mirror_problem(folder)
        if damage:
            # Only a copy of the server's collection: set it aside, kept, and fetch the server's again
            # (a fresh mirror has no cards, so the server's comes down without asking).
            set_mirror_aside(folder, DAMAGED_FILE)
            forget_card_ids(folder)
            state.forget_mirror()
            save_state(folder, state)
            report.notes.append(
                f"{folder / MIRROR_FILE} was damaged ({damage}): kept as {DAMAGED_FILE}, and the "
                "server's collection fetched again."
            )
        col = open_mirror(folder)
        try:
            auth = auth_for(account)
            # The server first: when it cannot be reached or refuses, nothing has changed anywhere.
            if _network_sync(col, auth, account, full, report):
                state.forget_mirror()
                forget_card_ids(folder)
                save_state(folder, state)  # a run killed from here on must not read the new mirror as the old
            # Rows the server sends from now on carry at least this usn: where the next run looks.
            next_usn = int(col.db.scalar("select usn from col") or 0)
            schema = col.db.scalar("select scm from col")
            if merge(collection, col, folder, banks, state, now, report):
                full_before = report.full
                # The mirror holds all the server had a moment ago: when this run replaced it (a
                # download) or changed its note types itself (quizmg's note types are newer), the
                # full sync the server then asks for can only be an upload of that same content.
                ours = report.full == "download" or col.db.scalar("select scm from col") != schema
                _network_sync(col, auth, account, "upload" if ours else full, report)
                if report.full != full_before:
                    # A full upload made the server's collection this mirror: nothing there is new.
                    next_usn = int(col.db.scalar("select usn from col") or 0)
            _sync_media(col, auth, account)
            state.revlog_usn = next_usn
            state.last_sync = now.isoformat()
            save_state(folder, state)
        finally:
            col.close()
    return report
