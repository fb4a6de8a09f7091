"""Finding notes edited on another device, and settling edits made on both sides.

A note is edited elsewhere when its fields in the mirror differ from the fields quizmg last
imported (the package kept in `outgoing/`). Its changed fields map back to the question's own
fields, list fields item by item (choices, steps, pairs: quizmg.formats.anki.list_fields); fields
quizmg derives (the right answers of a choice question, its instruction, the hidden data) cannot
come back, and the sync says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.sync.anki_tags import tags_changed, tags_from_anki
from quizmg.sync.overlay import edited_question, load_overlay, question_checksum, save_overlay

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.model import QuestionBase

# The question attribute each of a kind's fields holds (by position), where it is plain text.
FIELD_ATTRIBUTES: dict[str, tuple[str | None, ...]] = {
    "basic": ("prompt", "answer"),
    "cloze": ("text", "extra"),
    "mcq": ("prompt",),
    "truefalse": ("statement",),
    "short": ("prompt", "answer"),
    "numeric": ("prompt",),
    "order": ("prompt",),
    "match": ("prompt",),
    "occlusion": (None, None, "header", "extra", "comments"),
}
BY_NAME = {"Explanation": "explanation"}


@dataclass
class EditReport:
    """What came back from Anki's side, and what could not."""

    taken: list[str] = field(default_factory=list)  # "deck/question" edited in Anki, now in quizmg
    kept_quizmg: list[str] = field(default_factory=list)  # edited on both sides, quizmg's newer
    kept_anki: list[str] = field(default_factory=list)  # edited on both sides, Anki's newer
    not_taken: list[str] = field(default_factory=list)  # messages


def _attribute(kind: str, index: int, name: str) -> str | None:
    if name in BY_NAME:
        return BY_NAME[name]
    attributes = FIELD_ATTRIBUTES.get(kind, ())
    return attributes[index] if index < len(attributes) else None


def anki_edits(
    col: Any, folder: Path, bank: Bank, since_usn: int = 0
) -> tuple[dict[str, tuple[dict[str, Any], int]], list[str]]:
    """question id -> (changed fields as deck text, note time) for notes edited in the mirror (among
    the notes the server sent since `since_usn`)."""
    from quizmg.formats.anki.html_text import html_to_text
    from quizmg.formats.anki.ids import question_guid
    from quizmg.formats.anki.list_fields import read_back
    from quizmg.formats.anki.reader import read_package
    from quizmg.sync.mirror import OUTGOING_FOLDER

    package_path = folder / OUTGOING_FOLDER / f"{bank.id}.apkg"
    if not package_path.exists():
        return {}, []
    found: dict[str, tuple[dict[str, Any], int]] = {}
    problems: list[str] = []
    # Only notes that came from the server since the last sync can hold an edit made elsewhere.
    rows = col.db.all("select guid, flds, mod, mid, tags from notes where usn >= ?", since_usn)
    if not rows:
        return found, problems
    # A note imported from Anki keeps Anki's GUID; quizmg's own notes have quizmg's.
    questions = {question_guid(bank.id, q): q for q in bank.questions}
    candidates = [row for row in rows if row[0] in questions]
    if not candidates:
        return found, problems
    package = read_package(package_path)
    sent = {note.guid: note for note in package.notes}
    for guid, fields_text, mod, type_id, tags_text in candidates:
        if guid not in sent:
            continue
        before = sent[guid]
        after = fields_text.split("\x1f")
        tags = tags_text.split()
        retagged = tags_changed(before.tags, tags)
        if after == before.fields and type_id == before.type_id and not retagged:
            continue
        question = questions[guid]
        if type_id != before.type_id:
            # Anki's Change Note Type: its fields are another note type's, which the deck does not hold.
            problems.append(
                f"{bank.id}/{question.id}: its note type was changed in Anki, which quizmg cannot take: "
                "kept quizmg's (the phone keeps its note until the deck changes that question)."
            )
            continue
        changes: dict[str, Any] = {}
        if retagged:
            changes["tags"], tag_problems = tags_from_anki(bank.deck, question, before.tags, tags)
            problems.extend(tag_problems)
        names = package.note_types[before.type_id].fields
        if "Quizmg" not in names:  # a note from Anki, under its own note type
            from quizmg.sync.anki_notes import foreign_note_changes

            if after != before.fields:
                taken, problem = foreign_note_changes(col, bank, question, guid, after, int(mod))
                if problem:
                    problems.append(problem)
                changes.update(taken or {})
            elif question.anki is not None:
                # Only its tags changed: the kept note takes Anki's time, so the next export is newer.
                changes["anki"] = {**question.anki.model_dump(mode="json"), "mod": int(mod)}
            if changes:
                found[question.id or ""] = (changes, int(mod))
            continue
        for index, (name, old, new) in enumerate(zip(names, before.fields, after, strict=False)):
            if old == new:
                continue
            attribute = _attribute(question.kind, index, name)  # type: ignore[attr-defined]
            listed = None
            if attribute is None:
                listed = read_back(question.kind, {**question.model_dump(), **changes}, name, old, new)  # type: ignore[attr-defined]
            if listed is not None:
                changes.update(listed)
            elif attribute is None:
                problems.append(
                    f"{bank.id}/{question.id}: the {name} field edited in Anki cannot come back "
                    "(quizmg writes it from the question, or items were added or removed); "
                    "edit the deck file instead."
                )
            else:
                changes[attribute] = html_to_text(new)
        if changes:
            found[question.id or ""] = (changes, int(mod))
    return found, problems


def _sums_path(folder: Path, deck: str) -> Path:
    from quizmg.sync.mirror import OUTGOING_FOLDER

    return folder / OUTGOING_FOLDER / f"{deck}.questions.json"


def save_sent_checksums(folder: Path, bank: Bank) -> None:
    """Remember each question as the deck file gave it when its notes last went into the mirror."""
    import json

    sums = {q.id or "": question_checksum(q) for q in bank.questions}
    _sums_path(folder, bank.id).write_text(json.dumps(sums, sort_keys=True), encoding="utf-8")


def sent_checksums(folder: Path, deck: str) -> dict[str, str]:
    import json

    try:
        data = json.loads(_sums_path(folder, deck).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def settle_edits(
    col: Any, folder: Path, bank: Bank, file_time: datetime | None, report: EditReport, since_usn: int = 0
) -> None:
    """Take the mirror's edits of `bank` (read from its file) into the overlay; settle edits made on
    both sides by time. `file_time`: when the deck file last changed."""
    overlay = load_overlay(folder, bank.id)
    edits, problems = anki_edits(col, folder, bank, since_usn)
    report.not_taken.extend(problems)
    if not edits and not overlay:
        return  # nothing edited in Anki, now or before: the usual sync
    by_id: dict[str, QuestionBase] = {q.id or "": q for q in bank.questions}
    file_stamp = int(file_time.timestamp()) if file_time else 0
    sent = sent_checksums(folder, bank.id)
    for question_id, (changes, mod) in edits.items():
        question = by_id[question_id]
        label = f"{bank.id}/{question_id}"
        earlier = overlay.get(question_id)
        if earlier is not None and earlier.get("base") == question_checksum(question):
            # An earlier edit from Anki of the same question still stands: this one adds to it
            # (the note now holds both, and only the fields changed since came in now).
            changes = {**earlier["changes"], **changes}
        if edited_question(question, changes) is None:
            report.not_taken.append(f"{label}: the edit made in Anki is not a valid question; kept quizmg's.")
            continue
        if sent.get(question_id, question_checksum(question)) != question_checksum(question):
            # The file changed this question since its note last went out: edited on both sides.
            if file_stamp >= mod:
                report.kept_quizmg.append(label)
                continue
            report.kept_anki.append(label)
        overlay[question_id] = {"changes": changes, "mod": mod, "base": question_checksum(question)}
        if label not in report.kept_anki:
            report.taken.append(label)
    for question_id, entry in list(overlay.items()):
        in_file = by_id.get(question_id)
        if in_file is None:
            del overlay[question_id]  # the question left the deck
            continue
        if question_checksum(in_file) == entry["base"]:
            continue
        # The file changed this question after the edit in Anki came in: both sides edited it.
        label = f"{bank.id}/{question_id}"
        if file_stamp >= int(entry["mod"]):
            del overlay[question_id]
            report.kept_quizmg.append(label)
            if label in report.taken:
                report.taken.remove(label)
        else:
            entry["base"] = question_checksum(in_file)
            report.kept_anki.append(label)
    save_overlay(folder, bank.id, overlay)


def describe_edits(report: EditReport) -> list[str]:
    lines = []
    if report.taken:
        lines.append(f"Notes edited in Anki, now in quizmg's view of the deck: {', '.join(report.taken)}.")
    for label in report.kept_quizmg:
        lines.append(f"{label}: edited on both sides; the deck file's edit is newer and replaced Anki's.")
    for label in report.kept_anki:
        lines.append(f"{label}: edited on both sides; Anki's edit is newer and is kept over the deck file's.")
    lines.extend(report.not_taken)
    return lines


def deck_file_time(bank: Bank) -> datetime | None:
    from datetime import timezone

    if bank.path is None or not bank.path.exists():
        return None
    return datetime.fromtimestamp(bank.path.stat().st_mtime, timezone.utc)

