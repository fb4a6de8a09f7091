"""Edits made in Anki to quizmg's own notes: the visible fields are the truth.

A quizmg note carries its question in the hidden Quizmg field. On import, each visible field is
compared, as text, with what quizmg would have written for that question; a field that differs was
edited in Anki, and its text replaces the question's (the import says so). A field quizmg cannot read
back into the question (a list of choices, say) is named in a warning and left as quizmg had it.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

from quizmg.formats.anki.html_text import html_to_text
from quizmg.formats.deck_html import field_html
from quizmg.formats.media import IMAGE, SOUND, image_src

# Per kind: the Anki field that holds each question attribute quizmg can read back.
_READ_BACK: dict[str, dict[str, str]] = {
    "basic": {"Front": "prompt", "Back": "answer"},
    "cloze": {"Text": "text", "Back Extra": "extra"},
    "mcq": {"Prompt": "prompt"},
    "truefalse": {"Statement": "statement", "Answer": "answer"},
    "short": {"Prompt": "prompt", "Answer": "answer"},
    "numeric": {"Prompt": "prompt"},
    "order": {"Prompt": "prompt"},
    "match": {"Prompt": "prompt"},
    "occlusion": {"Header": "header", "Back Extra": "extra", "Comments": "comments"},
}
_TAIL = {"Explanation": "explanation"}
_NOT_COMPARED = {"Mechanism", "Source", "Quizmg"}  # written from the deck, not from the question


def _comparable(text: str) -> str:
    """Text as it compares: media by file name only (the package flattens folders), spaces folded."""
    text = IMAGE.sub(lambda m: f"![]({image_src(m).rsplit('/', 1)[-1]})", text)
    text = SOUND.sub(lambda m: f"[sound:{m.group(1).rsplit('/', 1)[-1]}]", text)
    return re.sub(r"\s+", " ", text).strip()


def _short(text: str) -> str:
    text = re.sub(r"\s+", " ", text)
    return repr(text if len(text) <= 40 else text[:39] + "…")


def apply_visible_edits(
    data: dict, fields: dict[str, str], written: list[str]
) -> tuple[dict, list[str]]:
    """The question data with Anki-side edits taken, and one line per edit (or per field that was
    edited but cannot be read back). `fields` are the note's fields by name; `written` are the
    fields quizmg would write for `data`, in the note type's order of names (see kind_fields)."""
    kind = str(data.get("kind", ""))
    read_back = {**_READ_BACK.get(kind, {}), **_TAIL}
    qid = data.get("id", "?")
    edits: list[str] = []
    for name, value in fields.items():
        if name in _NOT_COMPARED or name not in written_names(kind, written):
            continue
        ours = written_names(kind, written)[name]
        seen, expected = html_to_text(value), html_to_text(ours)
        if _comparable(seen) == _comparable(expected):
            continue
        attribute = read_back.get(name)
        if attribute is None:
            edits.append(
                f"note {qid}: its {name} field was edited in Anki, which quizmg cannot read back: kept quizmg's"
            )
            continue
        if attribute == "answer" and kind == "truefalse":
            if seen.casefold() not in ("true", "false"):
                edits.append(f"note {qid}: its Answer field is {_short(seen)}, not True or False: kept quizmg's")
                continue
            new: Any = seen.casefold() == "true"
        else:
            new = seen
        edits.append(f"note {qid}: took the edit made in Anki to {name} ({_short(expected)} -> {_short(seen)})")
        data = {**data, attribute: new}
    return data, edits


def written_names(kind: str, written: list[str]) -> dict[str, str]:
    """The fields quizmg writes for a kind, by name."""
    from quizmg.formats.anki.notetypes import SPECS

    spec = SPECS.get(kind)
    return dict(zip(spec.all_fields, written, strict=False)) if spec else {}


def rendered_fields(question: Any) -> list[str]:
    """What quizmg writes in a note's kind and tail fields for a question (no media collected)."""
    from quizmg.formats.anki.fields import kind_fields

    md = partial(field_html, None)
    return [*kind_fields(question, md), md(question.explanation)]
