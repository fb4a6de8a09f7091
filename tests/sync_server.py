"""Helpers for the sync tests: a real `python -m anki.syncserver` on 127.0.0.1, the real `quizmg`
executable, and a second client made with the anki library playing the phone."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, NamedTuple

from quizmg.formats.anki.ids import note_guid
from quizmg.scheduling.days import study_day
from quizmg.store import open_collection
from quizmg.store.database import to_ms

USER, PASSWORD = "learner", "correct horse"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Server:
    process: subprocess.Popen[bytes]
    port: int
    base: Path

    @property
    def endpoint(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def start_server(base: Path, port: int | None = None) -> Server:
    """A fresh sync server with one user, waiting until it accepts connections."""
    port = port or free_port()
    base.mkdir(parents=True, exist_ok=True)
    env = dict(
        os.environ, SYNC_BASE=str(base), SYNC_USER1=f"{USER}:{PASSWORD}", SYNC_HOST="127.0.0.1",
        SYNC_PORT=str(port), RUST_LOG="error",
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "anki.syncserver"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 30
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return Server(process, port, base)
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                raise RuntimeError("the anki sync server did not start") from None
            time.sleep(0.05)


def quizmg_executable() -> str:
    beside = Path(sys.executable).parent / "quizmg"
    return str(beside) if beside.exists() else (shutil.which("quizmg") or "quizmg")


def run_quizmg(
    home: Path, *args: str, password: str = PASSWORD, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    env = dict(
        os.environ, QUIZMG_HOME=str(home), QUIZMG_SYNC_USER=USER, QUIZMG_SYNC_PASSWORD=password, NO_COLOR="1"
    )
    env.pop("QUIZMG_DEBUG", None)
    return subprocess.run(
        [quizmg_executable(), *args], env=env, capture_output=True, text=True, timeout=timeout, stdin=subprocess.DEVNULL
    )


class Phone:
    """Another device: an Anki collection synced with the same account through the anki library."""

    def __init__(self, path: Path, server: Server) -> None:
        from anki.collection import Collection

        self.col: Any = Collection(str(path))
        self.auth = self.col.sync_login(USER, PASSWORD, server.endpoint)
        self.synced_at = 0.0

    def sync(self) -> int:
        """A normal sync, or a full download the first time; the server's answer."""
        from anki.sync_pb2 import SyncCollectionResponse as Out

        out = self.col.sync_collection(self.auth, False)
        if out.required in (Out.FULL_DOWNLOAD, Out.FULL_SYNC):
            self.col.close_for_full_sync()
            self.col.full_upload_or_download(auth=self.auth, server_usn=out.server_media_usn, upload=False)
            self.col.reopen(after_full_sync=True)
        self.synced_at = time.time()
        return int(out.required)

    def update_note(self, note: Any) -> None:
        """Edit a note as a person on the phone would: not within the second of the last sync.

        Anki keeps a note's time in whole seconds, and where both sides changed a note the incoming
        copy wins only if its time is strictly newer; an edit made in the same second as the sync
        that brought the note is a tie no person makes, only a test."""
        while int(time.time()) <= int(self.synced_at):
            time.sleep(0.05)
        self.col.update_note(note)

    def note(self, deck: str, question: str) -> Any:
        """The phone's note of a quizmg question (found by quizmg's GUID)."""
        note_id = self.col.db.scalar("select id from notes where guid = ?", note_guid(deck, question))
        assert note_id is not None, f"{deck}/{question} is not on the phone"
        return self.col.get_note(note_id)

    def revlog(self) -> list[tuple[int, int, int, int]]:
        return [tuple(row) for row in self.col.db.all("select id, cid, ease, time from revlog order by id")]

    def study(self, deck_name: str, count: int) -> list[tuple[int, int]]:
        """Answer `count` cards of the deck as Anki's scheduler gives them: (card id, rating)."""
        self.col.decks.select(self.col.decks.id_for_name(deck_name))
        answered = []
        for index in range(count):
            card = self.col.sched.getCard()
            assert card is not None, f"the phone ran out of cards after {index}"
            rating = (3, 4, 1, 3, 2)[index % 5]
            self.col.sched.answerCard(card, rating)
            answered.append((card.id, rating))
        return answered

    def close(self) -> None:
        self.col.close()


# --- helpers shared by the sync tests --------------------------------------------------------------

DECK = "magnesium"


class PhoneDeck(NamedTuple):
    """The sample deck synced once from quizmg's home to a phone: what most sync tests start from."""

    deck: Path
    home: Path
    phone: Phone


def logged_in(home: Path, server: Server, deck: str = DECK) -> None:
    result = run_quizmg(home, "sync", "login", "--endpoint", server.endpoint)
    assert result.returncode == 0, result.stderr
    result = run_quizmg(home, "sync", "add", deck)
    assert result.returncode == 0, result.stderr


def sample_deck(folder: Path, tags: str = "") -> Path:
    """tests/data/sample.yaml copied into `folder`; its basic question given `tags` when asked."""
    deck = folder / "sample.yaml"
    text = (Path(__file__).parent / "data" / "sample.yaml").read_text(encoding="utf-8")
    if tags:
        text = text.replace("    reversed: true\n", f"    reversed: true\n    tags: [{tags}]\n", 1)
    deck.write_text(text, encoding="utf-8")
    return deck


def seen_in_quizmg(deck: Path, home: Path) -> dict[str | None, Any]:
    """The deck's questions as quizmg shows them: the file, with the edits from Anki laid over."""
    from quizmg.bank import load_bank
    from quizmg.sync.overlay import apply_edits_from_anki

    return {q.id: q for q in apply_edits_from_anki(load_bank(deck), home / "sync").questions}


def deck_on_phone(home: Path, server: Server, deck: Path, phone_file: Path) -> Phone:
    """quizmg syncs the deck file `deck` (logged in, chosen); a phone downloads the account."""
    logged_in(home, server, str(deck))
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    phone = Phone(phone_file, server)
    phone.sync()
    return phone


def study(home: Path, count: int, now: datetime) -> list[tuple[str, int, int]]:
    """Answer `count` cards through the store, in the last minutes before `now`: (key, rating, ms)."""
    answers = []
    with open_collection(home / "collection.sqlite3", now) as collection:
        queue = collection.queue(now)
        for index, card in enumerate(queue[:count]):
            when = now - timedelta(seconds=5 * (count - index))
            rating = (3, 4, 3, 2, 1)[index % 5]
            collection.record_answer(card.key, rating, when, duration_ms=1000 + index)
            answers.append((card.key, rating, to_ms(when)))
    return answers


def phone_cards(phone: Phone, home: Path, now: datetime) -> dict[int, str]:
    """The phone's card ids -> quizmg card keys, by note GUID and template ordinal."""
    with open_collection(home / "collection.sqlite3", now) as collection:
        wanted = {
            (note_guid(card.deck, card.question_id), card.ordinal - 1): card.key
            for card in collection.cards(DECK)
        }
    found = {}
    rows = phone.col.db.all("select c.id, c.ord, n.guid from cards c join notes n on n.id = c.nid")
    for card_id, ordinal, guid in rows:
        if (guid, ordinal) in wanted:
            found[card_id] = wanted[(guid, ordinal)]
    return found


def phone_due_days(phone: Phone, now: datetime, settings: Any) -> dict[int, int]:
    """Each studied phone card's due date as days from today (learning cards by their due time;
    a learning step that crosses the day's rollover makes Anki keep a day number, queue 3)."""
    today = phone.col.sched.today
    days = {}
    for card_id, kind, queue, due in phone.col.db.all("select id, type, queue, due from cards where type > 0"):
        if kind == 2 or queue == 3:
            days[card_id] = due - today
        else:
            moment = datetime.fromtimestamp(due, timezone.utc)
            days[card_id] = (study_day(moment, settings) - study_day(now, settings)).days
    return days


def quizmg_state(home: Path, now: datetime) -> tuple[dict[str, Any], list[Any], Any]:
    with open_collection(home / "collection.sqlite3", now) as collection:
        cards = {card.key: card for card in collection.cards(DECK)}
        return cards, collection.reviews(DECK), collection.settings(DECK)


def due_day(card: Any, now: datetime, settings: Any) -> int:
    return (study_day(card.state.due, settings) - study_day(now, settings)).days


def sync_process(home: Path) -> subprocess.Popen[str]:
    """`quizmg sync` started in the background (its error output readable)."""
    env = dict(os.environ, QUIZMG_HOME=str(home), QUIZMG_SYNC_USER=USER, QUIZMG_SYNC_PASSWORD=PASSWORD)
    env.pop("QUIZMG_DEBUG", None)
    return subprocess.Popen(
        [quizmg_executable(), "sync"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        stdin=subprocess.DEVNULL, text=True,
    )


def killed_syncs(home: Path, delays: tuple[float, ...]) -> None:
    """Start `quizmg sync` and kill -9 it after each delay (wherever it happens to be)."""
    import signal

    for delay in delays:
        process = sync_process(home)
        time.sleep(delay)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
        process.communicate()


def no_doubles(home: Path, now: datetime) -> list[Any]:
    reviews = quizmg_state(home, now)[1]
    identities = [(r.card_key, to_ms(r.time)) for r in reviews]
    assert len(identities) == len(set(identities))
    return reviews


def change_deck_file(deck: Path) -> None:
    """Any change of the deck file: quizmg sends the deck's notes into Anki again."""
    time.sleep(1.1)  # strictly newer than the phone's notes, to the second Anki compares
    deck.write_text(
        deck.read_text(encoding="utf-8").replace("Arteries carry", "Most arteries carry"), encoding="utf-8"
    )


def synced(home: Path) -> str:
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    return result.stdout
