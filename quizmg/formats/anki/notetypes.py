"""Anki note types for quizmg's question kinds: fixed ids, fields, card templates and CSS.

The ids never change: Anki keeps note types by id, so a later export updates the note types a learner
already has instead of adding copies. They sit between 2^30 and 2^31, far below Anki's own ids (which
are creation times in milliseconds, around 10^12) and are not 1 (Anki's first stock note type).
Changing the fields or templates of a note type here is a schema change for every learner who
imported an earlier export: Anki then keeps their notes and reports the new ones as conflicting, so
add a new note type (with a new id) rather than editing the fields of a published one.

No template needs JavaScript but Image Occlusion's, which calls Anki's own mask drawing (Anki 23.10
and later) as Anki's stock note type does. Multiple choice, true/false, order and match show their
choices on the front and the right answer, marked, on the back, so they work the same in Anki desktop,
AnkiDroid and AnkiMobile without add-ons.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import genanki

# The fields every quizmg note type ends with, after the fields of its kind.
TAIL_FIELDS: tuple[str, ...] = ("Explanation", "Mechanism", "Source", "Quizmg")

# Anki's {{FrontSide}} then a rule; the answer part of every back starts here.
_BACK_START = "{{FrontSide}}\n<hr id=answer>\n"

# Shown on every back under the answer; the Quizmg field (the question as JSON) is never shown.
_BACK_TAIL = """
{{#Explanation}}<div class="qz-explanation">{{Explanation}}</div>{{/Explanation}}
{{#Mechanism}}<div class="qz-mechanism">{{Mechanism}}</div>{{/Mechanism}}
{{#Source}}<div class="qz-source">{{Source}}</div>{{/Source}}
"""

CSS = """\
.card {
  --qz-text: #1d1d1f; --qz-muted: #5f6368; --qz-line: #d0d4da;
  --qz-good: #1a7f37; --qz-good-bg: #dafbe1; --qz-panel: #f6f8fa;
  font-family: -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
  font-size: 20px; line-height: 1.5; text-align: left;
  color: var(--qz-text); background-color: transparent;
  max-width: 40em; margin: 0 auto; padding: 0 0.6em;
}
.card.nightMode, .card.night_mode, .nightMode .card {
  --qz-text: #e6e6e6; --qz-muted: #a0a4aa; --qz-line: #44484e;
  --qz-good: #7ee2a1; --qz-good-bg: #163524; --qz-panel: #25282c;
}
.qz-prompt { font-weight: 600; }
.qz-hint { color: var(--qz-muted); font-size: 0.85em; margin-top: 0.4em; }
.qz-answer { font-weight: 600; color: var(--qz-good); }
.qz-choices, .qz-items { padding-left: 1.6em; }
.qz-choices li, .qz-items li { margin: 0.25em 0; }
.qz-correct { color: var(--qz-good); background: var(--qz-good-bg); font-weight: 600;
  border-radius: 4px; padding: 0 0.2em; }
.qz-pairs { border-collapse: collapse; }
.qz-pairs td { border-bottom: 1px solid var(--qz-line); padding: 0.2em 0.6em 0.2em 0; }
.qz-explanation, .qz-mechanism, .qz-source {
  margin-top: 0.8em; padding: 0.4em 0.6em; border-left: 3px solid var(--qz-line);
  background: var(--qz-panel); font-size: 0.85em;
}
.qz-mechanism, .qz-source { color: var(--qz-muted); }
.cloze { font-weight: 600; color: #1565c0; }
.nightMode .cloze, .night_mode .cloze { color: #64b5f6; }
hr#answer { border: none; border-top: 1px solid var(--qz-line); }
img { max-width: 100%; height: auto; }
@media (max-width: 480px) { .card { font-size: 18px; padding: 0 0.3em; } }
"""


@dataclass(frozen=True)
class NoteTypeSpec:
    """What defines one note type: id, name, the fields of its kind, and its card templates."""

    model_id: int
    name: str
    fields: tuple[str, ...]
    templates: tuple[tuple[str, str, str], ...]  # (name, front, back)
    cloze: bool = False

    @property
    def all_fields(self) -> tuple[str, ...]:
        """The kind's fields followed by the shared tail fields."""
        return (*self.fields, *TAIL_FIELDS)


def _card(front: str, answer: str) -> tuple[str, str]:
    return front, _BACK_START + answer + _BACK_TAIL


_BASIC = _card('<div class="qz-prompt">{{Front}}</div>', '<div class="qz-answer">{{Back}}</div>')
_REVERSE = (
    '<div class="qz-prompt">{{Back}}</div>',
    _BACK_START + '<div class="qz-answer">{{Front}}</div>' + _BACK_TAIL,
)

# The image with Anki's mask canvas over it; Anki's script finds them by these ids.
_OCCLUDED = """{{#Header}}<div class="qz-prompt">{{Header}}</div>{{/Header}}
<div style="display: none">{{cloze:Occlusion}}</div>
<div id="err"></div>
<div id="image-occlusion-container">{{Image}}<canvas id="image-occlusion-canvas"></canvas></div>
<script>
try { anki.imageOcclusion.setup(); }
catch (e) { document.getElementById("err").textContent = "Image Occlusion needs Anki 23.10 or later: " + e; }
</script>"""
_OCCLUSION = (
    _OCCLUDED,
    _OCCLUDED + '\n<hr id=answer>\n{{#Back Extra}}<div class="qz-hint">{{Back Extra}}</div>{{/Back Extra}}'
    + _BACK_TAIL,
)

SPECS: dict[str, NoteTypeSpec] = {
    "basic": NoteTypeSpec(1607004801, "quizmg Basic", ("Front", "Back"), (("Card 1", *_BASIC),)),
    "basic-reversed": NoteTypeSpec(
        1607004802,
        "quizmg Basic (and reversed card)",
        ("Front", "Back"),
        (("Card 1", *_BASIC), ("Card 2", *_REVERSE)),
    ),
    "cloze": NoteTypeSpec(
        1607004803,
        "quizmg Cloze",
        ("Text", "Back Extra"),
        (
            (
                "Cloze",
                "{{cloze:Text}}",
                "{{cloze:Text}}\n{{#Back Extra}}<div class=\"qz-hint\">{{Back Extra}}</div>"
                "{{/Back Extra}}" + _BACK_TAIL,
            ),
        ),
        cloze=True,
    ),
    "mcq": NoteTypeSpec(
        1607004804,
        "quizmg Multiple choice",
        ("Prompt", "Choices", "Answer", "Instruction"),
        (
            (
                "Choice",
                '<div class="qz-prompt">{{Prompt}}</div>\n{{Choices}}\n'
                '<div class="qz-hint">{{Instruction}}</div>',
                _BACK_START + '<div class="qz-answer">{{Answer}}</div>' + _BACK_TAIL,
            ),
        ),
    ),
    "truefalse": NoteTypeSpec(
        1607004805,
        "quizmg True or false",
        ("Statement", "Answer"),
        (
            (
                "True or false",
                '<div class="qz-prompt">{{Statement}}</div>\n'
                '<div class="qz-hint">True or false?</div>',
                _BACK_START + '<div class="qz-answer">{{Answer}}</div>' + _BACK_TAIL,
            ),
        ),
    ),
    "short": NoteTypeSpec(
        1607004806,
        "quizmg Short answer",
        ("Prompt", "Answer", "Accepted"),
        (
            (
                "Typed answer",
                '<div class="qz-prompt">{{Prompt}}</div>\n{{type:Answer}}',
                '<div class="qz-prompt">{{Prompt}}</div>\n<hr id=answer>\n{{type:Answer}}\n'
                '{{#Accepted}}<div class="qz-hint">Also accepted: {{Accepted}}</div>{{/Accepted}}'
                + _BACK_TAIL,
            ),
        ),
    ),
    "numeric": NoteTypeSpec(
        1607004807,
        "quizmg Numeric",
        ("Prompt", "Answer"),
        (("Number", *_card('<div class="qz-prompt">{{Prompt}}</div>',
                           '<div class="qz-answer">{{Answer}}</div>')),),
    ),
    "order": NoteTypeSpec(
        1607004808,
        "quizmg Order",
        ("Prompt", "Items", "Answer"),
        (
            (
                "Order",
                '<div class="qz-prompt">{{Prompt}}</div>\n{{Items}}\n'
                '<div class="qz-hint">Put these in order.</div>',
                _BACK_START + '<div class="qz-answer">{{Answer}}</div>' + _BACK_TAIL,
            ),
        ),
    ),
    "match": NoteTypeSpec(
        1607004809,
        "quizmg Match",
        ("Prompt", "Left", "Right", "Answer"),
        (
            (
                "Match",
                '<div class="qz-prompt">{{Prompt}}</div>\n{{Left}}\n{{Right}}\n'
                '<div class="qz-hint">Match each item on the left with one on the right.</div>',
                _BACK_START + "{{Answer}}" + _BACK_TAIL,
            ),
        ),
    ),
    # An Image Occlusion question written in quizmg (one imported from Anki goes back under the
    # note type it came with): Anki's own renderer draws the masks from the Occlusion field.
    "occlusion": NoteTypeSpec(
        1607004810,
        "quizmg Image Occlusion",
        ("Occlusion", "Image", "Header", "Back Extra", "Comments"),
        (("Image Occlusion", *_OCCLUSION),),
        cloze=True,
    ),
}


def spec_for_kind(kind: str, *, reversed_card: bool = False) -> NoteTypeSpec:
    """The note type spec of a question kind (basic with a reversed card has its own)."""
    if kind == "basic" and reversed_card:
        return SPECS["basic-reversed"]
    return SPECS[kind]


def spec_by_model_id(model_id: int) -> tuple[str, NoteTypeSpec] | None:
    """The (key, spec) of a quizmg note type id, or None for any other note type."""
    return next(((key, s) for key, s in SPECS.items() if s.model_id == model_id), None)


# When the note types below last changed (seconds since the epoch, UTC): their `mod`. Change it
# together with any template, field or CSS change; a test holds it to a checksum of them all.
NOTE_TYPES_REVISED = 1795651200  # 2026-11-26
NOTE_TYPES_CHECKSUM = "13b7b8ef17a9adde"  # note_types_checksum() of the note types below

# The hidden field's note in Anki's editor, and folded away there (Anki 2.1.55 and later).
HIDDEN_FIELD_NOTE = "quizmg's copy of this question (its kind, id and links): edit the other fields"


def _field(name: str) -> dict:
    if name == "Quizmg":
        return {"name": name, "description": HIDDEN_FIELD_NOTE, "collapsed": True}
    return {"name": name}


def note_types_checksum() -> str:
    """A checksum of every note type's id, name, fields, templates and the CSS."""
    import hashlib

    parts = [CSS] + [repr((s.model_id, s.name, s.all_fields, s.templates, s.cloze)) for s in SPECS.values()]
    return hashlib.sha256("\x1e".join(parts).encode("utf-8")).hexdigest()[:16]


@cache
def genanki_model(key: str) -> genanki.Model:
    """The genanki model of a note type, built once per process."""
    import genanki

    spec = SPECS[key]

    class VersionedModel(genanki.Model):
        """A note type whose `mod` is its version's date, not the export's time: Anki replaces a
        learner's copy (and its styling) only when the note type itself changed."""

        def to_json(self, timestamp, deck_id):  # type: ignore[no-untyped-def]
            return {**super().to_json(timestamp, deck_id), "mod": NOTE_TYPES_REVISED}

    return VersionedModel(
        spec.model_id,
        spec.name,
        fields=[_field(name) for name in spec.all_fields],
        templates=[{"name": name, "qfmt": front, "afmt": back} for name, front, back in spec.templates],
        css=CSS,
        model_type=genanki.Model.CLOZE if spec.cloze else genanki.Model.FRONT_BACK,
    )
