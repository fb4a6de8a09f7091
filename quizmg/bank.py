"""A question bank: a loaded deck with every question it yields and the cards they make."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quizmg.errors import DeckError
from quizmg.formats.text import collector_paused, read_text
from quizmg.formats.yaml_text import LineMap, line_of
from quizmg.generate.templates import expand_deck
from quizmg.model import CardRef, Deck, QuestionBase

DeckParser = Callable[[str, "str | Path"], "tuple[Deck, LineMap]"]


@dataclass(frozen=True)
class Bank:
    """A deck, where it came from, and its expanded questions."""

    deck: Deck
    path: Path | None
    questions: list[QuestionBase]
    lines: LineMap = field(default_factory=dict)
    content_hash: str = ""

    @property
    def id(self) -> str:
        """The deck's id."""
        return self.deck.id

    def cards(self) -> list[CardRef]:
        """Every card the bank's questions make, in question order."""
        return [
            CardRef(self.deck.id, question.id or "", ordinal)
            for question in self.questions
            for ordinal in question.card_ordinals()
        ]

    def question(self, question_id: str) -> QuestionBase | None:
        """The question with this id, if the bank has it."""
        return next((q for q in self.questions if q.id == question_id), None)

    def line_of_question(self, question_id: str) -> int | None:
        """The line a question stands on in its file (its mechanism's line for generated ones)."""
        for index, question in enumerate(self.deck.questions):
            if question.id == question_id:
                return line_of(self.lines, ("questions", index))
        for index, mechanism in enumerate(self.deck.mechanisms):
            if question_id.startswith(f"{mechanism.id}."):
                return line_of(self.lines, ("mechanisms", index))
        return None


def parser_for(path: Path) -> DeckParser:
    """The parser for a deck file, chosen by its extension."""
    suffix = path.suffix.lower()
    if suffix in {".yaml", ".yml"}:
        from quizmg.formats.yaml_deck import parse_yaml_deck

        return parse_yaml_deck
    if suffix in {".md", ".markdown"}:
        try:
            from quizmg.formats.markdown_deck import parse_markdown_deck
        except ImportError:
            raise DeckError.single(path, "Markdown decks are not supported yet") from None
        return parse_markdown_deck
    raise DeckError.single(path, f"unknown deck file type {suffix or '(none)'!r}: use .yaml or .md")


def load_bank(path: str | Path) -> Bank:
    """Load, validate and expand the deck file at `path`."""
    path = Path(path)
    parse = parser_for(path)
    text = read_text(path)
    with collector_paused():
        deck, lines = parse(text, path)
        return bank_from_deck(deck, path, lines, text)


def bank_from_deck(deck: Deck, path: Path | None = None, lines: LineMap | None = None, text: str = "") -> Bank:
    """A bank from an already validated deck."""
    questions = expand_deck(deck)
    digest = hashlib.sha256((text or deck.model_dump_json()).encode("utf-8")).hexdigest()
    return Bank(deck, path, questions, lines or {}, digest)
