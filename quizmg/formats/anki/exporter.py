"""Anki export: question banks to an .apkg package written with genanki.

Identity is what makes re-export safe. A note's GUID comes from the deck id and the question id only,
so editing a question's wording updates the note in Anki instead of adding a copy. Anki replaces an
existing note only when the package's note is newer (its importer compares the notes' `mod` times),
so an edited note gets `now` as its time, while a note unchanged since the package already at the
output path keeps that package's time: Anki then leaves it alone, and edits the learner made in Anki
to notes quizmg did not change survive a re-import.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
import zlib
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.errors import QuizmgError
from quizmg.formats.apkg_file import write_package_file
from quizmg.formats.apkg_notetypes import SPECS, genanki_model
from quizmg.formats.deck_html import escape_text, field_html
from quizmg.formats.text import collector_paused
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    Mechanism,
    MultipleChoice,
    Numeric,
    Order,
    QuestionBase,
    Short,
    Source,
    TrueFalse,
    stable_number,
)

if TYPE_CHECKING:
    import genanki

    from quizmg.bank import Bank
    from quizmg.formats.apkg_progress import LearnerProgress, ProgressSummary

# The deck's own data (title, source, mechanisms, which questions were written by hand) travels in
# the Anki deck description inside this HTML comment, base64 so no `--` can end the comment early.
DECK_DATA_PREFIX = "<!--quizmg-deck:"
DECK_DATA_SUFFIX = "-->"

Progress = Callable[[int], None]
Markdown = Callable[[str], str]  # deck text to HTML, images included


@dataclass(frozen=True)
class PreviousNote:
    """A note as an earlier export wrote it: a checksum of its content and its `mod` time."""

    checksum: str
    mod: int


@dataclass
class ExportSummary:
    """What an export wrote."""

    path: Path
    notes: int = 0
    cards: int = 0
    changed: int = 0
    per_note_type: Counter[str] = field(default_factory=Counter)
    media: list[str] = field(default_factory=list)
    progress: ProgressSummary | None = None  # set when the learner's progress went along


class MediaCollector:
    """Images a deck refers to by relative path: included in the package under a flat name."""

    def __init__(self, base: Path | None) -> None:
        self.base = base
        self.files: dict[str, Path] = {}

    def __call__(self, src: str) -> str:
        if self.base is None or "://" in src or src.startswith(("/", "data:")):
            return src
        path = (self.base / src).resolve()
        if not path.is_file():
            return src
        name = path.name
        # Anki's media folder is flat, and genanki names each file by its own name.
        if name in self.files and self.files[name] != path:
            raise QuizmgError(
                f"two images are both called {name!r} ({self.files[name]} and {path}): "
                "Anki keeps media in one folder, so rename one of them"
            )
        self.files[name] = path
        return name


# --- fields of each kind -----------------------------------------------------------------------


def _list(items: Sequence[str], css: str, kind: str = "") -> str:
    type_attr = f' type="{kind}"' if kind else ""
    entries = "<li>" + "</li><li>".join(items) + "</li>" if items else ""
    return f'<ol class="{css}"{type_attr}>{entries}</ol>'


def _scrambled(items: list[str], seed: str) -> list[str]:
    """The items in an order fixed by `seed`, never the given order when there are two or more."""
    # Positions ordered by a checksum of (seed, position): as fixed as a seeded shuffle, without
    # building and seeding a Mersenne Twister for every order and match question.
    keys = [zlib.crc32(f"{seed}/{index}".encode()) for index in range(len(items))]
    shuffled = [items[index] for index in sorted(range(len(items)), key=keys.__getitem__)]
    if shuffled == items and len(items) > 1:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def _basic_fields(question: Basic, md: Markdown) -> list[str]:
    return [md(question.prompt), md(question.answer)]


def _cloze_fields(question: Cloze, md: Markdown) -> list[str]:
    return [md(question.text), md(question.extra)]


def _choice_fields(question: MultipleChoice, md: Markdown) -> list[str]:
    choices = [md(c.text) for c in question.choices]
    marked = [
        (f'<span class="qz-correct">✓ {text}</span>' if c.correct else text)
        + (f' <span class="qz-hint">{md(c.explanation)}</span>' if c.explanation else "")
        for c, text in zip(question.choices, choices, strict=True)
    ]
    instruction = "Pick every correct answer." if question.multiple else "Pick one answer."
    return [
        md(question.prompt),
        _list(choices, "qz-choices", "A"),
        _list(marked, "qz-choices", "A"),
        instruction,
    ]


def _true_false_fields(question: TrueFalse, md: Markdown) -> list[str]:
    return [md(question.statement), "True" if question.answer else "False"]


def _short_fields(question: Short, md: Markdown) -> list[str]:
    return [md(question.prompt), escape_text(question.answer), escape_text(", ".join(question.accepted))]


def _numeric_fields(question: Numeric, md: Markdown) -> list[str]:
    return [md(question.prompt), escape_text(question.answer_text())]


def _order_fields(question: Order, md: Markdown) -> list[str]:
    items = [md(item) for item in question.items]
    return [
        md(question.prompt),
        _list(_scrambled(items, question.id or ""), "qz-items", "a"),
        _list(items, "qz-items"),
    ]


def _match_fields(question: Match, md: Markdown) -> list[str]:
    lefts = [md(p.left) for p in question.pairs]
    rights = [md(p.right) for p in question.pairs]
    rows = "".join(
        f"<tr><td>{left}</td><td>→</td><td>{right}</td></tr>"
        for left, right in zip(lefts, rights, strict=True)
    )
    return [
        md(question.prompt),
        _list(lefts, "qz-items"),
        _list(_scrambled(rights, question.id or ""), "qz-items", "a"),
        f'<table class="qz-pairs">{rows}</table>',
    ]


# Looked up by the question's class: one dictionary lookup per note, not a chain of isinstance.
_FIELDS_OF_KIND: dict[type, Callable[[Any, Markdown], list[str]]] = {
    Basic: _basic_fields,
    Cloze: _cloze_fields,
    MultipleChoice: _choice_fields,
    TrueFalse: _true_false_fields,
    Short: _short_fields,
    Numeric: _numeric_fields,
    Order: _order_fields,
    Match: _match_fields,
}


def kind_fields(question: QuestionBase, md: Markdown) -> list[str]:
    """The fields of a question's kind, before the shared tail fields, as HTML."""
    fields_of = _FIELDS_OF_KIND.get(type(question))
    if fields_of is None:
        raise QuizmgError(f"question {question.id}: kind {question.kind!r} cannot go to Anki")  # type: ignore[attr-defined]
    return fields_of(question, md)


def mechanism_html(mechanism: Mechanism, md: Markdown) -> str:
    """A mechanism as one readable block: who acts on what, what the target is, what follows."""
    text = f"<b>Mechanism</b>: {md(mechanism.agent)} {md(mechanism.action)} {md(mechanism.target)}"
    if mechanism.target_is:
        text += f" ({md(mechanism.target_is)})"
    if mechanism.effects:
        text += "<br>" + " → ".join(md(effect) for effect in mechanism.effects)
    return text


def source_html(deck: Deck, question: QuestionBase) -> str:
    """Where the fact comes from: the deck's source and the question's section."""
    return _source_html(deck.source, question.section)


# Every note of a deck has the same source, and sections are few: each pair is written once.
@lru_cache(maxsize=1024)
def _source_html(source: Source | None, section: str | None) -> str:
    parts = []
    if source is not None:
        title = escape_text(source.title)
        if source.url and source.url.startswith(("https://", "http://")):
            title = f'<a href="{html.escape(source.url)}">{title}</a>'
        parts.append(f"<b>Source</b>: {title}")
        parts.extend(escape_text(item) for item in (source.author, source.licence) if item)
    if section:
        parts.append(f"section: {escape_text(section)}")
    return ", ".join(parts)


def question_json(deck_id: str, question: QuestionBase) -> str:
    """The question as JSON, HTML-escaped for its field: what lets quizmg read its notes back."""
    # The model's own serializer, as model_dump_json() calls it (same bytes), without the
    # keyword handling that doubles its cost: this runs once per note.
    dumped = f"{_deck_json_start(deck_id)}{question.__pydantic_serializer__.to_json(question).decode()}}}"
    if "&" in dumped or "<" in dumped or ">" in dumped:  # three quick scans; escaping is slower
        return html.escape(dumped, quote=False)
    return dumped


@lru_cache(maxsize=64)
def _deck_json_start(deck_id: str) -> str:
    # The same for every question of a deck: encoded once, not once per note.
    return f'{{"deck":{json.dumps(deck_id)},"question":'


def deck_data_comment(bank: Bank) -> str:
    """The deck's own data as an HTML comment for the Anki deck description."""
    deck = bank.deck
    data = deck.model_dump(mode="json", exclude={"questions"})
    data["written"] = [q.id for q in deck.questions]
    encoded = base64.b64encode(json.dumps(data, ensure_ascii=False).encode("utf-8")).decode("ascii")
    return f"{DECK_DATA_PREFIX}{encoded}{DECK_DATA_SUFFIX}"


def tags_for(deck: Deck, question: QuestionBase) -> tuple[str, ...]:
    """The note's tags: the deck's and the question's, and the mechanism; never with spaces."""
    return _note_tags(tuple(deck.tags), tuple(question.tags), question.mechanism)


# Notes of a deck share a few combinations of tags: each is worked out once.
@lru_cache(maxsize=4096)
def _note_tags(deck_tags: tuple[str, ...], question_tags: tuple[str, ...], mechanism: str | None) -> tuple[str, ...]:
    tags = [*deck_tags, *question_tags]
    if mechanism:
        tags.append(f"mechanism::{mechanism}")
    # The model already refuses tags with spaces; the replacement is a guard for Anki's sake.
    return tuple(t for t in dict.fromkeys(re.sub(r"\s+", "_", t) for t in tags) if t)


def anki_deck_name(title: str) -> str:
    """An Anki deck name from a title: `::` would make a sub-deck, so it becomes `:`."""
    return re.sub(r"\s+", " ", title.replace("::", ":")).strip() or "quizmg"


# Anki's base-91 alphabet for GUIDs, in genanki's order.
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
_BASE91_PAIRS = tuple(high + low for high in _BASE91 for low in _BASE91)


def note_guid(deck_id: str, question_id: str) -> str:
    """The note GUID: from the deck and question ids only, never from the wording.

    The same text as genanki.guid_for("quizmg", deck_id, question_id) (a test checks it), with
    the digest read as one integer instead of byte by byte: a big export makes one per note.
    """
    digest = hashlib.sha256(f"quizmg__{deck_id}__{question_id}".encode()).digest()
    # 64 bits are at most ten base-91 digits: five pairs, from a table of all 8281 pairs.
    rest, fifth = divmod(int.from_bytes(digest[:8], "big"), 8281)
    rest, fourth = divmod(rest, 8281)
    rest, third = divmod(rest, 8281)
    first, second = divmod(rest, 8281)
    pairs = _BASE91_PAIRS
    # genanki writes no leading zero digits; a zero digit is "a".
    return (pairs[first] + pairs[second] + pairs[third] + pairs[fourth] + pairs[fifth]).lstrip("a")


def note_checksum(model_id: int, fields: Sequence[str], tags: Sequence[str]) -> str:
    """What decides whether a note changed since the previous export."""
    text = "\x1e".join([str(model_id), "\x1f".join(fields), " ".join(tags)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


# --- building the package ----------------------------------------------------------------------


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
        media = MediaCollector(bank.path.parent if bank.path else None)

        # A partial with a positional argument, not a closure or keyword: it is called for every
        # field of every note.
        md = partial(field_html, media)

        top_name = anki_deck_name(deck.title)
        description = "<br>".join(
            part for part in (md(deck.description), deck_data_comment(bank)) if part
        )
        top = deck_named(top_name, description)
        mechanism_blocks = {m.id: mechanism_html(m, md) for m in deck.mechanisms}
        deck_id = deck.id
        questions = bank.questions
        # One pass per step, not every step per question in turn: each loop keeps its own code
        # and data hot, and a big export runs about a tenth faster.
        guids = [note_guid(deck_id, q.id or "") for q in questions]
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
            before = previous.get(guid)
            if before is not None and before.checksum == note_checksum(spec.model_id, fields, tags):
                mod = before.mod
            else:
                # Newer than the earlier package's note even if the clock went back.
                mod = max(now_seconds, before.mod + 1) if before is not None else now_seconds
                summary.changed += 1
            note = _TimedNote(model=genanki_model(key), fields=fields, tags=tags, guid=guid)
            note.mod = mod
            target = top
            if subdecks and question.mechanism:
                target = deck_named(f"{top_name}::{anki_deck_name(question.mechanism)}")
            target.add_note(note)
            notes.append(note)
        for name, path in media.files.items():
            media_files.setdefault(name, path)
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
    learner_progress: LearnerProgress | None = None,
) -> ExportSummary:
    """Write the banks to an .apkg at `path`; notes unchanged since the package there keep its time.

    With `learner_progress`, the cards carry the learner's schedule and review log (see
    quizmg.formats.apkg_progress).
    """
    path = Path(path)
    if path.is_dir():
        raise QuizmgError(f"{path}: is a folder; give a file name ending in .apkg")
    # The collector stays paused until the package is written: the notes built here live until
    # then and hold no cycles, and rescanning them as they age costs a big export a tenth of its time.
    with collector_paused():
        previous: dict[str, PreviousNote] = {}
        if path.is_file():
            from quizmg.formats.apkg_import import previous_notes

            previous = previous_notes(path)
        package, summary = build_package(
            banks, now=now, subdecks=subdecks, previous=previous, progress=progress
        )
        summary.path = path
        if learner_progress is not None:
            from quizmg.formats.apkg_progress import ProgressSummary, package_with_progress

            summary.progress = ProgressSummary()
            package = package_with_progress(package, learner_progress, now, summary.progress)
        write_package_file(package, path, now.timestamp())
    return summary
