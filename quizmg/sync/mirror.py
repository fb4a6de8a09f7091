"""The mirror: a local Anki collection in the sync folder holding the decks that travel.

It is an ordinary Anki collection, opened and synced through the `anki` library. quizmg writes into
it (notes through Anki's own package importer, reviews and card states as rows) and reads back what
other devices did; quizmg's own collection stays the truth for its answers.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.days import study_day
from quizmg.sync.anki_library import anki_collection_class

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.scheduling.settings import Settings

MIRROR_FILE = "mirror.anki2"
OUTGOING_FOLDER = "outgoing"
CONFIG_NAME = "quizmg"


def open_mirror(folder: Path) -> Any:
    """Open (creating if needed) the mirror collection."""
    folder.mkdir(parents=True, exist_ok=True)
    return anki_collection_class()(str(folder / MIRROR_FILE))


PREVIOUS_FILE = "mirror.previous.anki2"
DAMAGED_FILE = "mirror.damaged.anki2"
_SQLITE_HEADER = b"SQLite format 3\x00"


def set_mirror_aside(folder: Path, name: str = PREVIOUS_FILE) -> None:
    """Keep the mirror under another name (a previous account's: `mirror.previous.anki2`),
    replacing an older file of that name."""
    for suffix in ("", "-wal", "-shm"):
        current = folder / f"{MIRROR_FILE}{suffix}"
        if current.exists():
            current.replace(folder / f"{name}{suffix}")


def _unicase(left: str, right: str) -> int:
    """Anki's case-insensitive collation, close enough to read its schema and check its pages."""
    a, b = left.casefold(), right.casefold()
    return (a > b) - (a < b)


def mirror_problem(folder: Path, *, thorough: bool = False) -> str | None:
    """What makes the mirror unreadable, in SQLite's words (None when it is sound or absent).

    The quick look (its header, then its schema) is what each sync does before opening it;
    `thorough` adds SQLite's page-by-page check, for `quizmg doctor`.
    """
    path = folder / MIRROR_FILE
    try:
        with path.open("rb") as file:
            header = file.read(len(_SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as error:
        return error.strerror or str(error)
    if header != _SQLITE_HEADER:
        return "empty" if not header else "not an SQLite database"
    try:
        connection = sqlite3.connect(path, isolation_level=None)
        # Anki's schema names its own collation; without one, SQLite cannot read the schema at all.
        connection.create_collation("unicase", _unicase)
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
            rows = connection.execute("PRAGMA quick_check").fetchall() if thorough else [("ok",)]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return str(error)
    problems = [str(row[0]) for row in rows if row[0] != "ok"]
    return problems[0] if problems else None


def mirror_exists(folder: Path) -> bool:
    return (folder / MIRROR_FILE).exists()


@dataclass(frozen=True)
class MirrorDays:
    """Anki's day numbers for quizmg times: the mirror's today plus quizmg's count of study days
    between now and the moment, so a due date means the same day on both sides."""

    offset: int  # Anki's day number minus quizmg's study day ordinal, today
    settings: Settings
    _known: dict[int, int] = field(default_factory=dict, compare=False, repr=False)

    def day(self, moment: datetime) -> int:
        # Zone offsets are whole quarter hours, so a study day starts on a quarter hour in UTC too:
        # every moment of one quarter hour has the same day (a first sync asks a million times).
        quarter = int(moment.timestamp()) // 900
        day = self._known.get(quarter)
        if day is None:
            day = self._known[quarter] = self.offset + study_day(moment, self.settings).toordinal()
        return day

    def moved_to(self, when: datetime, day: int) -> datetime:
        """`when` moved on to Anki's day number `day` (same time of day): a due date read from
        the mirror, as quizmg holds due dates."""
        return when + timedelta(days=day - self.day(when))


def mirror_days(col: Any, settings: Settings, now: datetime) -> MirrorDays:
    return MirrorDays(int(col.sched.today) - study_day(now, settings).toordinal(), settings)


def touch(col: Any, now_ms: int) -> None:
    """Mark the mirror modified after raw row writes, so the next sync sends them."""
    current = int(col.db.scalar("select mod from col") or 0)
    col.db.execute("update col set mod = ?", max(now_ms, current + 1))


CARD_IDS_FILE = "card-ids.json"


def card_ids(col: Any, banks: Sequence[Bank], folder: Path | None = None) -> dict[str, int]:
    """quizmg card key -> Anki card id, matched by note GUID and template ordinal.

    With a `folder`, the map is kept there between runs, valid while the decks' contents are the
    same (it changes only when notes are imported; a full download removes it: see forget_card_ids).
    """
    import json

    from quizmg.formats.anki.ids import question_guid

    token = json.dumps(sorted((bank.id, bank.content_hash) for bank in banks))
    cache = folder / CARD_IDS_FILE if folder is not None else None
    if cache is not None and cache.exists():
        try:
            stored = json.loads(cache.read_text(encoding="utf-8"))
            if stored.get("token") == token:
                return {key: int(value) for key, value in stored["cards"].items()}
        except (ValueError, KeyError, TypeError, AttributeError):
            pass
    # A note imported from Anki keeps Anki's GUID: its cards are found by that (h-occlusion).
    guids = {(bank.id, q.id): question_guid(bank.id, q) for bank in banks for q in bank.questions}
    wanted = {
        (guids[bank.id, ref.question_id], ref.ordinal - 1): ref.key
        for bank in banks
        for ref in bank.cards()
    }
    found: dict[str, int] = {}
    for card_id, ordinal, guid in col.db.execute(
        "select c.id, c.ord, n.guid from cards c join notes n on n.id = c.nid"
    ):
        key = wanted.get((guid, ordinal))
        if key is not None:
            found[key] = card_id
    if cache is not None:
        temporary = cache.with_name(cache.name + ".tmp")
        temporary.write_text(json.dumps({"token": token, "cards": found}), encoding="utf-8")
        temporary.replace(cache)
    return found


def forget_card_ids(folder: Path) -> None:
    """After the mirror was replaced, its card ids are others."""
    (folder / CARD_IDS_FILE).unlink(missing_ok=True)


def import_decks(col: Any, folder: Path, banks: Iterable[Bank], now: datetime) -> int:
    """Bring these banks' notes into the mirror through Anki's own package importer: new notes are
    added, notes quizmg changed are updated (their time is newer), and notes edited on another
    device since are left alone. Cards keep their schedule. How many notes were added or updated."""
    from anki.import_export_pb2 import (
        IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
        ImportAnkiPackageOptions,
        ImportAnkiPackageRequest,
    )

    from quizmg.formats.anki.exporter import write_apkg
    from quizmg.formats.anki.reader import previous_notes
    from quizmg.sync.anki_tags import anki_marks, restore_anki_marks

    outgoing = folder / OUTGOING_FOLDER
    outgoing.mkdir(parents=True, exist_ok=True)
    changed = 0
    for bank in banks:
        # The package kept from the last time: notes unchanged since keep its time (see write_apkg).
        # The new one replaces it only once Anki took it: the kept package holds only notes that
        # went into the mirror (a note of it missing there was deleted in Anki: quizmg.sync.deletions).
        package = outgoing / f"{bank.id}.apkg"
        staged = outgoing / f"{bank.id}.sending.apkg"
        staged.unlink(missing_ok=True)
        known = previous_notes(package) if package.is_file() else None
        write_apkg([bank], staged, now=now, known=known)
        options = ImportAnkiPackageOptions(
            merge_notetypes=True,
            update_notes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            update_notetypes=IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER,
            with_scheduling=False,
            with_deck_configs=False,
        )
        request = ImportAnkiPackageRequest(package_path=str(staged), options=options)
        marks = anki_marks(col)
        try:
            log = col.import_anki_package(request)
        except Exception:
            # Anki refuses the whole package when a note's type was changed on a device between a
            # cloze and a regular type (its note types "cannot be merged"). Those notes stay as the
            # device made them (the sync names them: quizmg.sync.edits); the others go in.
            retyped = retyped_notes(col, staged)
            if not retyped:
                raise
            from dataclasses import replace

            from quizmg.formats.anki.ids import question_guid

            kept = [q for q in bank.questions if question_guid(bank.id, q) not in retyped]
            write_apkg([replace(bank, questions=kept)], staged, now=now, known=known)
            log = col.import_anki_package(request)
        restore_anki_marks(col, marks)
        staged.replace(package)
        changed += len(log.log.new) + len(log.log.updated)
    return changed


def retyped_notes(col: Any, package: Path) -> set[str]:
    """The GUIDs of the package's notes that the mirror holds under another note type."""
    from quizmg.formats.anki.reader import read_package

    sent = {note.guid: note.type_id for note in read_package(package).notes}
    return {guid for guid, type_id in col.db.all("select guid, mid from notes") if sent.get(guid, type_id) != type_id}


def overwrite_notes(col: Any, folder: Path, deck: str, guids: Iterable[str]) -> int:
    """Give these notes the fields quizmg just sent, even where Anki's importer kept its own (an
    edit in Anki within the same second as quizmg's): the edit quizmg settled on must arrive."""
    from quizmg.formats.anki.reader import read_package

    wanted = set(guids)
    if not wanted:
        return 0
    sent = {note.guid: note.fields for note in read_package(folder / OUTGOING_FOLDER / f"{deck}.apkg").notes}
    changed = 0
    for guid in wanted & set(sent):
        note_id = col.db.scalar("select id from notes where guid = ?", guid)
        if note_id is None:
            continue
        note = col.get_note(note_id)
        if list(note.fields) != sent[guid] and len(note.fields) == len(sent[guid]):
            note.fields = list(sent[guid])
            col.update_note(note)
            changed += 1
    return changed


FSRS_OFF = (
    "FSRS is off in this Anki account, which also holds other notes: quizmg leaves that setting to you. "
    "Cards answered elsewhere are scheduled there by Anki's older scheduler until each sync replaces "
    "their schedule with quizmg's; turn FSRS on in Anki's deck options to have both agree."
)


def use_learner_settings(
    col: Any, banks: Iterable[Bank], settings_of: dict[str, Settings], notes: list[str] | None = None
) -> bool:
    """FSRS on, and each synced deck under a deck options preset with the learner's parameters,
    retention and steps, so a card answered on another device is scheduled as quizmg would.
    FSRS is one switch for the whole collection: quizmg turns it on only when the account holds
    nothing but quizmg's notes, and otherwise says so in `notes`. True when something changed."""
    from quizmg.formats.anki.notetypes import SPECS

    changed = False
    rollovers = {settings.rollover_hour for settings in settings_of.values()}
    if len(rollovers) == 1:
        # Anki's day starts at this hour on every device of the account: due days agree.
        (rollover,) = rollovers
        if col.get_config("rollover", None) != rollover:
            col.set_config("rollover", rollover)
            changed = True
    if not col.get_config("fsrs", False):
        ours = sorted({spec.model_id for spec in SPECS.values()})
        others = col.db.scalar(f"select count() from notes where mid not in ({', '.join(map(str, ours))})")
        if others:
            if notes is not None:
                notes.append(FSRS_OFF)
        else:
            col.set_config("fsrs", True)
            changed = True
    for bank in banks:
        from quizmg.formats.anki.ids import anki_deck_name

        settings = settings_of[bank.id]
        deck_id = col.decks.id_for_name(anki_deck_name(bank.deck.title))
        if deck_id is None:
            continue
        deck = col.decks.get(deck_id)
        name = f"{CONFIG_NAME}: {bank.id}"
        config = next((c for c in col.decks.all_config() if c["name"] == name), None)
        if config is None:
            config = col.decks.add_config(name)
        wanted = {
            "fsrsParams6": [round(w, 4) for w in settings.fsrs_parameters()],
            "desiredRetention": settings.desired_retention,
        }
        if any(config.get(k) != v for k, v in wanted.items()) or config["new"]["delays"] != list(
            settings.learning_steps
        ) or config["lapse"]["delays"] != list(settings.relearning_steps):
            config.update(wanted)
            config["new"]["delays"] = list(settings.learning_steps)
            config["lapse"]["delays"] = list(settings.relearning_steps)
            config["rev"]["maxIvl"] = settings.maximum_interval
            col.decks.update_config(config)
            changed = True
        if deck.get("conf") != config["id"]:
            col.decks.set_config_id_for_deck_dict(deck, config["id"])
            changed = True
    return changed
