"""The list fields of quizmg's notes read back from Anki: choices, steps to order, pairs to match.

quizmg writes these as HTML lists (fields.py): a multiple-choice question's choices in order, an
order question's steps scrambled and in order, a match question's left items in order, its right
items scrambled, and its pairs as a table. An item edited in Anki maps back to the question's own
item at the same place (a scrambled list is put back in the question's order first). A list whose
length changed is not read back: which item went where would be a guess.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from quizmg.formats.anki.fields import _scrambled
from quizmg.formats.anki.html_text import html_to_text


class _Items(HTMLParser):
    """The inner HTML of each top-level <li> (or each <tr>'s <td>s) in a field."""

    def __init__(self, item_tag: str) -> None:
        super().__init__(convert_charrefs=False)
        self.item_tag = item_tag
        self.depth = 0  # nesting of item_tag
        self.items: list[list[str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == self.item_tag:
            self.depth += 1
            if self.depth == 1:
                self.items.append([])
                return
        if self.depth:
            self.items[-1].append(self.get_starttag_text() or "")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.items[-1].append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == self.item_tag and self.depth:
            self.depth -= 1
            if not self.depth:
                return
        if self.depth:
            self.items[-1].append(f"</{tag}>")

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.items[-1].append(data)

    def handle_entityref(self, name: str) -> None:
        self.handle_data(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.handle_data(f"&#{name};")


def _parts(value: str, tag: str) -> list[str]:
    parser = _Items(tag)
    parser.feed(value)
    parser.close()
    return ["".join(item) for item in parser.items]


def list_items(value: str) -> list[str]:
    """Each item of an HTML list field, as deck text."""
    return [html_to_text(item) for item in _parts(value, "li")]


def table_rows(value: str) -> list[list[str]]:
    """Each row of an HTML table field, its cells as deck text."""
    return [[html_to_text(cell) for cell in _parts(row, "td")] for row in _parts(value, "tr")]


def unscrambled(items: list[str], seed: str) -> list[str]:
    """A list quizmg scrambled with `seed` (fields._scrambled), back in the question's order."""
    positions = [int(text) for text in _scrambled([str(index) for index in range(len(items))], seed)]
    result = [""] * len(items)
    for shown, position in enumerate(positions):
        result[position] = items[shown]
    return result


def _changed(old: list[str], new: list[str], current: list[str]) -> list[str] | None:
    """`current` (deck text, one per item) with the items whose HTML changed from `old` to `new`
    taken as text; None when the lists differ in length. Unchanged items keep their deck text
    (with its Markdown), not a reading of their HTML."""
    if not len(old) == len(new) == len(current):
        return None
    return [
        html_to_text(after) if after != before else text
        for before, after, text in zip(old, new, current, strict=True)
    ]


def read_back(kind: str, question: dict[str, Any], field: str, old: str, new: str) -> dict[str, Any] | None:
    """The question attributes an edit of list field `field` (HTML `old` -> `new`) changes, or
    None when it cannot come back (a derived field, or a list of another length)."""
    seed = str(question.get("id") or "")
    if kind == "mcq" and field == "Choices":
        choices = question["choices"]
        texts = _changed(_parts(old, "li"), _parts(new, "li"), [choice["text"] for choice in choices])
        return None if texts is None else {
            "choices": [{**choice, "text": text} for choice, text in zip(choices, texts, strict=True)]
        }
    if kind == "order" and field in ("Items", "Answer"):
        before, after = _parts(old, "li"), _parts(new, "li")
        if field == "Items":  # shown scrambled
            before, after = unscrambled(before, seed), unscrambled(after, seed)
        texts = _changed(before, after, list(question["items"]))
        return None if texts is None else {"items": texts}
    if kind == "match" and field in ("Left", "Right"):
        side = field.lower()
        pairs = question["pairs"]
        before, after = _parts(old, "li"), _parts(new, "li")
        if field == "Right":  # shown scrambled
            before, after = unscrambled(before, seed), unscrambled(after, seed)
        texts = _changed(before, after, [pair[side] for pair in pairs])
        return None if texts is None else {
            "pairs": [{**pair, side: text} for pair, text in zip(pairs, texts, strict=True)]
        }
    if kind == "match" and field == "Answer":
        pairs = question["pairs"]
        rows_before = [_parts(row, "td") for row in _parts(old, "tr")]
        rows_after = [_parts(row, "td") for row in _parts(new, "tr")]
        if len(rows_before) != len(rows_after) or any(len(row) != 3 for row in rows_before + rows_after):
            return None
        lefts = _changed([r[0] for r in rows_before], [r[0] for r in rows_after], [p["left"] for p in pairs])
        rights = _changed([r[2] for r in rows_before], [r[2] for r in rows_after], [p["right"] for p in pairs])
        if lefts is None or rights is None:
            return None
        return {
            "pairs": [
                {**pair, "left": left, "right": right}
                for pair, left, right in zip(pairs, lefts, rights, strict=True)
            ]
        }
    return None
