"""Anki export: question banks to an .apkg package written with genanki.

Identity is what makes re-export safe. A note's GUID comes from the deck id and the question id only,
so editing a question's wording updates the note in Anki instead of adding a copy. Anki replaces an
existing note only when the package's note is newer (its importer compares the notes' `mod` times),
so an edited note gets `now` as its time, while a note unchanged since the package already at the
output path keeps that package's time: Anki then leaves it alone, and edits the learner made in Anki
to notes quizmg did not change survive a re-import.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError
from quizmg.formats.anki.fields import (
    deck_data_comment,
    kind_fields,
    mechanism_html,
    question_json,
    source_html,
    tags_for,
)
from quizmg.formats.anki.ids import PreviousNote, anki_deck_name, note_checksum, note_guid
from quizmg.formats.anki.importer import MEDIA_FOLDER, MediaLinks
from quizmg.formats.anki.kept_types import (
    card_ordinals,
    kept_foreign_note,
    kept_model,
    kept_own_fields,
    media_names,
)
from quizmg.formats.anki.notetypes import SPECS, genanki_model
from quizmg.formats.anki.package_file import write_package_file
from quizmg.formats.deck_html import field_html
from quizmg.formats.media import MediaError, deck_media, markdown_image
from quizmg.formats.text import collector_paused
from quizmg.model import stable_number
from quizmg.model.anki import AnkiNoteType, AnkiOrigin

if TYPE_CHECKING:
    import genanki

    from quizmg.bank import Bank
    from quizmg.formats.anki.progress_out import LearnerProgress, ProgressSummary
    from quizmg.model import QuestionBase

Progress = Callable[[int], None]


@dataclass
class ExportSummary:
    """What an export wrote."""

    path: Path
    notes: int = 0
    cards: int = 0
    changed: int = 0
    per_note_type: Counter[str] = field(default_factory=Counter)
    media: list[str] = field(default_factory=list)
    note_times: dict[str, PreviousNote] = field(default_factory=dict)  # each note's checksum and mod
    progress: ProgressSummary | None = None  # set when the learner's progress went along


class MediaCollector:
    """Media a deck refers to, checked beforehand (quizmg.formats.media): each goes into the package
    under its file name, as Anki keeps media in one flat folder."""

    def __init__(self, files: Mapping[str, Path], packed: dict[str, Path]) -> None:
        self.files = files  # reference as written in the deck -> checked file
        self.packed = packed  # name in the package -> file, shared by every deck of the export

    def __call__(self, src: str) -> str:
        path = self.files.get(src)
        if path is None and "%" in src:  # Markdown percent-encodes spaces and other characters
            from urllib.parse import unquote

            path = self.files.get(unquote(src))
        if path is None:
            return src  # a web address, or text that only looks like a reference
        name = path.name
        if self.packed.setdefault(name, path) != path:
            raise QuizmgError(
                f"two media files are both called {name!r} ({self.packed[name]} and {path}): "
                "Anki keeps media in one folder, so rename one of them"
            )
        return name


# --- building the package ----------------------------------------------------------------------


@dataclass
class _OwnNote:
    """A note going under a kept note type: the model, fields, cards, and whether quizmg changed it."""

    model: genanki.Model
    fields: list[str]
    cards: list[int]
    foreign: bool
    changed: bool = False


@dataclass
class LearnedTypes:
    """The learner's versions of quizmg's note types, learnt from earlier imports, and what the
    learner wrote in the fields added to them, by note GUID (see quizmg.cli.anki_note_types)."""

    types: list[AnkiNoteType] = field(default_factory=list)
    added: dict[str, dict[str, str]] = field(default_factory=dict)


class _KeptTypes:
    """The deck's kept Anki note types (quizmg.formats.anki.kept_types), for the notes that use them."""

    def __init__(
        self, note_types: Sequence[AnkiNoteType], deck_file: Path | None, md: Callable[[str], str],
        learned: LearnedTypes | None = None,
    ):
        from quizmg.formats.anki.notetypes import spec_by_model_id

        learned = learned or LearnedTypes()
        self.by_id = {t.id: t for t in learned.types if spec_by_model_id(t.id) is not None}
        self.by_id.update({t.id: t for t in note_types})
        self.added = learned.added
        self.md = md
        self.media_folder = deck_file.parent / MEDIA_FOLDER if deck_file is not None else None
        self._relink: Callable[[object], object] | None = None

    def relink(self, data: object) -> object:
        """Question data relinked as the import relinked it, against the media beside the deck."""
        if self._relink is None:
            folder = self.media_folder
            names = {p.name for p in folder.iterdir() if p.is_file()} if folder and folder.is_dir() else set()
            self._relink = MediaLinks(names).data
        return self._relink(data)

    def note(
        self, question: QuestionBase, guid: str, model_id: int, quizmg_names: Sequence[str], fields: list[str]
    ) -> _OwnNote | None:
        """The note under its kept note type, or None for quizmg's own note type."""
        if not self.by_id:
            return None
        if question.anki is None or question.anki.note_type == model_id:
            # quizmg's own note: under the learner's version of its note type when the deck has one
            # (the learner added a field in Anki, say), every note of that kind, generated ones too.
            note_type = self.by_id.get(model_id)
            if note_type is None:
                return None
            origin = question.anki
            if origin is None and guid in self.added:
                origin = AnkiOrigin(note_type=model_id, fields=self.added[guid])
            values = kept_own_fields(dict(zip(quizmg_names, fields, strict=True)), origin, note_type)
            return _OwnNote(kept_model(note_type), values, card_ordinals(note_type, values), foreign=False)
        note_type = self.by_id.get(question.anki.note_type)
        if note_type is None or "Quizmg" in note_type.field_names():
            return None
        kept = kept_foreign_note(question, note_type, self.md, self.relink)
        if kept is None:
            return None
        for value in kept.fields:
            for name in media_names(value):
                self.md(markdown_image(f"{MEDIA_FOLDER}/{html.unescape(name)}"))  # packs the file
        return _OwnNote(kept_model(note_type), kept.fields, kept.cards, foreign=True, changed=kept.changed)



def _note_class() -> type:
    import genanki

    class TimedNote(genanki.Note):
        """A genanki note with its own `mod` time (genanki gives every note the package's time)."""

        mod: int = 0
        on_written: Callable[[], None] | None = None  # told when this note is in the package

        def write_to_db(self, cursor, timestamp, deck_id, id_gen):  # type: ignore[no-untyped-def]
            super().write_to_db(cursor, self.mod or timestamp, deck_id, id_gen)
            if self.on_written is not None:
                self.on_written()

        def _check_invalid_html_tags_in_fields(self) -> None:
            # genanki looks for unknown tags in case a caller forgot to escape; quizmg builds
            # every field itself from escaped text, and the tests prove it renders as text.
            return None

    return TimedNote


_TimedNote: type | None = None
# The progress callback hears of written notes this many at a time: a progress bar redrawn for
# every note slowed a big export by a tenth.
PROGRESS_STEP = 100


def _report_every(step: int, notes: Sequence[genanki.Note], progress: Progress) -> None:
    """Have every `step`-th note, and the last, tell `progress` how many notes are written."""
    for start in range(0, len(notes), step):
        batch = notes[start : start + step]
        batch[-1].on_written = partial(progress, len(batch))


def build_package(
    banks: Sequence[Bank],
    *,
    now: datetime,
    subdecks: bool = False,
    previous: Mapping[str, PreviousNote] | None = None,
    progress: Progress | None = None,
    media_dir: Path | None = None,
    learned: LearnedTypes | None = None,
) -> tuple[genanki.Package, ExportSummary]:
    """A genanki package of the banks' questions (not yet written), and what it holds."""
    import genanki

    global _TimedNote
    if _TimedNote is None:
        _TimedNote = _note_class()
    if now.tzinfo is None:
        raise ValueError("now must be timezone-aware (UTC)")
    now_seconds = int(now.timestamp())
    previous = previous or {}
    summary = ExportSummary(path=Path())
    media_files: dict[str, Path] = {}
    anki_decks: dict[str, genanki.Deck] = {}
    notes: list[genanki.Note] = []  # every note, in the order they are added

    def deck_named(name: str, description: str = "") -> genanki.Deck:
        if name not in anki_decks:
            anki_decks[name] = genanki.Deck(stable_number(f"quizmg/deck/{name}", 52), name, description)
        elif description:
            anki_decks[name].description = description
        return anki_decks[name]

    for bank in banks:
        deck = bank.deck
        files, problems = deck_media(bank.questions, bank.path, media_dir)
        if problems:
            more = f"\n(and {len(problems) - 5} more)" if len(problems) > 5 else ""
            raise MediaError("\n".join(problems[:5]) + more)

        # A partial with a positional argument, not a closure or keyword: it is called for every
        # field of every note.
        md = partial(field_html, MediaCollector(files, media_files) if files else None)

        top_name = anki_deck_name(deck.title)
        description = "<br>".join(
            part for part in (md(deck.description), deck_data_comment(bank)) if part
        )
        top = deck_named(top_name, description)
        mechanism_blocks = {m.id: mechanism_html(m, md) for m in deck.mechanisms}
        kept = _KeptTypes(deck.anki_note_types, bank.path, md, learned)
        deck_id = deck.id
        questions = bank.questions
        # One pass per step, not every step per question in turn: each loop keeps its own code
        # and data hot, and a big export runs about a tenth faster.
        guids = [q.guid or note_guid(deck_id, q.id or "") for q in questions]
        json_fields = [question_json(deck_id, q) for q in questions]
        all_fields = [
            [
                *kind_fields(q, md),
                md(q.explanation),
                mechanism_blocks.get(q.mechanism or "", ""),
                source_html(deck, q),
                json_field,
            ]
            for q, json_field in zip(questions, json_fields, strict=True)
        ]
        for question, guid, fields in zip(questions, guids, all_fields, strict=True):
            key = question.kind  # type: ignore[attr-defined]
            if key == "basic" and question.reversed:  # type: ignore[attr-defined]
                key = "basic-reversed"
            spec = SPECS[key]
            tags = tags_for(deck, question)
            own = kept.note(question, guid, spec.model_id, spec.all_fields, fields)
            # quizmg's own fields decide whether it changed, whatever fields the learner added.
            checksum = note_checksum(spec.model_id, fields, tags)
            if own is not None and own.foreign:
                # A note from Anki, under its own note type: one second newer than Anki's copy
                # when quizmg left it alone, the export's time when quizmg changed it.
                origin_mod = question.anki.mod  # type: ignore[union-attr]
                mod = max(now_seconds, origin_mod + 1) if own.changed else origin_mod + 1
                summary.changed += own.changed
            else:
                before = previous.get(guid)
                if before is not None and before.checksum == checksum:
                    mod = before.mod
                else:
                    # Newer than the earlier package's note even if the clock went back.
                    mod = max(now_seconds, before.mod + 1) if before is not None else now_seconds
                    summary.changed += 1
            if own is not None:
                note = _TimedNote(model=own.model, fields=own.fields, tags=tags, guid=guid)
                note.cards = [genanki.Card(ordinal) for ordinal in own.cards]
            else:
                note = _TimedNote(model=genanki_model(key), fields=fields, tags=tags, guid=guid)
                if key == "cloze":  # genanki misses nested deletions: {{c1::a {{c2::b}}}}
                    note.cards = [genanki.Card(n - 1) for n in question.card_ordinals() if n > 0]
            note.mod = mod
            summary.note_times[guid] = PreviousNote(checksum, mod)
            target = top
            if question.anki_deck:
                target = deck_named(question.anki_deck)
            elif subdecks and question.mechanism:
                target = deck_named(f"{top_name}::{anki_deck_name(question.mechanism)}")
            target.add_note(note)
            notes.append(note)
    if progress is not None:
        _report_every(PROGRESS_STEP, notes, progress)
    # genanki's own count of each note's cards: what Anki will get.
    summary.notes, summary.cards = len(notes), sum(len(note.cards) for note in notes)
    summary.per_note_type.update(note.model.name for note in notes)  # each note type's name
    summary.media = sorted(media_files)
    package = genanki.Package(list(anki_decks.values()), media_files=[str(p) for p in media_files.values()])
    return package, summary


def write_apkg(
    banks: Sequence[Bank],
    path: str | Path,
    *,
    now: datetime,
    subdecks: bool = False,
    progress: Progress | None = None,
    media_dir: Path | None = None,
    known: Mapping[str, PreviousNote] | None = None,
    learner_progress: LearnerProgress | None = None,
    learned: LearnedTypes | None = None,
) -> ExportSummary:
    """Write the banks to an .apkg at `path`; a note unchanged since an earlier export keeps that
    export's time, whether the earlier package is at `path` or only in `known` (the notes every
    earlier export wrote, by GUID, which the CLI keeps in the learner's data folder): Anki then
    leaves the learner's own edits to it alone, whatever the new file is called.

    With `learner_progress`, the cards carry the learner's schedule and review log (see
    quizmg.formats.anki.progress_out).
    """
    path = Path(path)
    if path.is_dir():
        raise QuizmgError(f"{path}: is a folder; give a file name ending in .apkg")
    # The collector stays paused until the package is written: the notes built here live until
    # then and hold no cycles, and rescanning them as they age costs a big export a tenth of its time.
    with collector_paused():
        previous: dict[str, PreviousNote] = dict(known or {})
        if path.is_file():
            from quizmg.formats.anki.reader import previous_notes

            previous.update(previous_notes(path))
        package, summary = build_package(
            banks, now=now, subdecks=subdecks, previous=previous, progress=progress,
            media_dir=media_dir, learned=learned,
        )
        summary.path = path
        if learner_progress is not None:
            from quizmg.formats.anki.progress_out import ProgressSummary, package_with_progress

            summary.progress = ProgressSummary()
            guids = {(bank.id, q.id or ""): q.guid for bank in banks for q in bank.questions if q.guid}
            package = package_with_progress(package, learner_progress, now, summary.progress, guids)
        write_package_file(package, path, now.timestamp())
    return summary
