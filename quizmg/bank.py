"""A question bank: a loaded deck with every question it yields and the cards they make."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import DeckError
from quizmg.formats.text import collector_paused, read_text
from quizmg.model import CardRef, Deck, QuestionBase

# The YAML tools (and the templates) are imported only when a file is parsed: a bank from the cache
# needs neither, which keeps them off the path to a study session's first question.
if TYPE_CHECKING:
    from quizmg.bank_cache import BankCache
    from quizmg.formats.yaml_text import LineMap

DeckParser = Callable[[str, "str | Path"], "tuple[Deck, LineMap]"]
YAML_SUFFIXES = frozenset({".yaml", ".yml"})
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown"})


@dataclass(frozen=True)
class Bank:
    """A deck, where it came from, and its expanded questions."""

    deck: Deck
    path: Path | None
    questions: list[QuestionBase]
    lines: LineMap = field(default_factory=dict)
    content_hash: str = ""
    # Rebuilt by quizmg.bank_cache rather than parsed: then `lines` is empty and the deck does not
    # know which ids were derived from prompts. Only `check` needs either, and it always parses.
    from_cache: bool = False

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
        from quizmg.formats.yaml_text import line_of

        for index, question in enumerate(self.deck.questions):
            if question.id == question_id:
                return line_of(self.lines, ("questions", index))
        for index, mechanism in enumerate(self.deck.mechanisms):
            if question_id.startswith(f"{mechanism.id}."):
                return line_of(self.lines, ("mechanisms", index))
        return None


def parser_for(path: Path) -> DeckParser:
    """The parser for a deck file, chosen by its extension."""
    suffix = _known_suffix(path)
    if suffix in YAML_SUFFIXES:
        from quizmg.formats.yaml_deck import parse_yaml_deck

        return parse_yaml_deck
    try:
        from quizmg.formats.markdown_deck import parse_markdown_deck
    except ImportError:
        raise DeckError.single(path, "Markdown decks are not supported yet") from None
    return parse_markdown_deck


def _known_suffix(path: Path) -> str:
    """The deck file's extension, lower-cased; a DeckError if quizmg reads no such files."""
    suffix = path.suffix.lower()
    if suffix in YAML_SUFFIXES or suffix in MARKDOWN_SUFFIXES:
        return suffix
    raise DeckError.single(path, f"unknown deck file type {suffix or '(none)'!r}: use .yaml or .md")


def load_bank(path: str | Path, cache: BankCache | None = None) -> Bank:
    """Load, validate and expand the deck file at `path`.

    With a `cache`, a file whose text is unchanged since it was last loaded is rebuilt from the
    cache instead of parsed; any other file is parsed and then saved to the cache.
    """
    path = Path(path)
    _known_suffix(path)  # an unknown file type is reported before the file is read
    text = read_text(path)
    digest = text_digest(text)
    if cache is not None:
        cached = cache.load(path, digest)
        if cached is not None:
            return cached
    parse = parser_for(path)
    with collector_paused():
        deck, lines = parse(text, path)
        bank = _expanded_bank(deck, path, lines, digest)
    if cache is not None:
        cache.save(bank)
    return bank


def bank_from_deck(deck: Deck, path: Path | None = None, lines: LineMap | None = None, text: str = "") -> Bank:
    """A bank from an already validated deck."""
    return _expanded_bank(deck, path, lines, text_digest(text or deck.model_dump_json()))


def text_digest(text: str) -> str:
    """The sha256 of a deck file's text: the bank's `content_hash`."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _expanded_bank(deck: Deck, path: Path | None, lines: LineMap | None, digest: str) -> Bank:
    from pydantic import ValidationError

    from quizmg.generate.templates import expand_deck

    try:
        questions = expand_deck(deck)
    except ValidationError:
        raise _mechanism_errors(deck, path, lines or {}) from None
    return Bank(deck, path, questions, lines or {}, digest)


def _mechanism_errors(deck: Deck, path: Path | None, lines: LineMap) -> DeckError:
    """Which mechanism makes a question the model refuses, with its line and the rule broken."""
    from pydantic import ValidationError

    from quizmg.errors import Problem
    from quizmg.generate.templates import expand_mechanism

    problems = []
    for index, mechanism in enumerate(deck.mechanisms):
        try:
            list(expand_mechanism(mechanism, deck))
        except ValidationError as error:
            for detail in error.errors(include_url=False)[:3]:
                field = ".".join(str(part) for part in detail["loc"])
                problems.append(Problem(
                    str(path or "<deck>"), lines.get(("mechanisms", index)),
                    f"the {error.title} question this mechanism makes is refused: {field}: {detail['msg']}",
                    field=f"mechanisms.{index}", question_id=mechanism.id,
                ))
    return DeckError(problems or [Problem(str(path or "<deck>"), None, "a mechanism makes an invalid question")])
