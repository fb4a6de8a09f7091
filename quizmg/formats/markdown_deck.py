"""The quick Markdown deck form: front matter for the deck, one question per paragraph.

    ---
    id: heart
    title: The heart
    ---
    # Anatomy                      a heading sets the section of the questions under it

    Q: What is the heart's pacemaker called?
    A: The sinoatrial node         basic (A:), typed short answer (= lines), numeric (N:),
    id: pacemaker                  choices (- [x] / - [ ]), steps (1. 2. 3.), pairs (- a -> b)
    > It sets the rhythm.          explanation

    T: Arteries carry blood away from the heart.

    The {{c1::left ventricle}} pumps blood to the body.

A line starting with a backslash is taken literally (without the backslash), so any text can be
written; a line holding only a backslash is an empty line inside a text.

The body's line grammar is in `markdown_body`; writing a deck in this form is in `markdown_write`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizmg.errors import DeckError
from quizmg.formats.markdown_body import BodyParser
from quizmg.formats.markdown_write import dump_markdown_deck, to_markdown
from quizmg.formats.yaml_deck import duplicate_id_problems
from quizmg.formats.yaml_text import LineMap, parse_yaml, problems_from_validation
from quizmg.model import Deck

__all__ = ["dump_markdown_deck", "load_markdown_deck", "parse_markdown_deck", "to_markdown"]


def load_markdown_deck(path: str | Path) -> tuple[Deck, LineMap]:
    """Read and validate a Markdown deck file."""
    from quizmg.formats.text import read_text

    return parse_markdown_deck(read_text(path), path)


def parse_markdown_deck(text: str, path: str | Path = "<deck>") -> tuple[Deck, LineMap]:
    """Validate Markdown deck text; the line map tells where each question stands."""
    if not text.strip():
        raise DeckError.single(path, "the file is empty; start with front matter (---, id:, title:, ---)")
    lines = text.split("\n")
    header, lines_map, body_start = _front_matter(lines, path)
    parser = BodyParser(str(path))
    parser.parse(lines, body_start)
    if parser.problems:
        raise DeckError(parser.problems)
    questions = []
    for index, block in enumerate(parser.blocks):
        questions.append({"kind": block.kind, **block.fields})
        lines_map[("questions", index)] = block.line
        for location, line in block.lines.items():
            lines_map[("questions", index, *location)] = line
    data = {**header, "questions": questions}
    try:
        deck = Deck.model_validate(data)
    except ValidationError as error:
        from quizmg.formats.markdown_words import in_markdown_words

        problems = problems_from_validation(error, path, lines_map, data)
        raise DeckError([in_markdown_words(problem) for problem in problems]) from None
    duplicates = duplicate_id_problems(deck, path, lines_map)
    if duplicates:
        raise DeckError(duplicates)
    return deck, lines_map


def _front_matter(lines: list[str], path: str | Path) -> tuple[dict[str, Any], LineMap, int]:
    """The deck header from the YAML between the first two `---` lines, with its line map."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if lines[first].strip() != "---":
        raise DeckError.single(
            path,
            "a Markdown deck starts with front matter: a line `---`, then `id: my-deck` and "
            "`title: My deck`, then another `---`",
            first + 1,
        )
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DeckError.single(path, "the front matter has no closing `---` line", first + 1)
    data, relative = parse_yaml("\n".join(lines[first + 1 : end]), path)
    offset = first + 1
    lines_map: LineMap = {location: line + offset for location, line in relative.items()}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DeckError.single(path, "the front matter must be `key: value` lines", first + 2)
    if "questions" in data:
        raise DeckError.single(
            path,
            "write questions below the front matter, not as `questions:` inside it",
            lines_map.get(("questions",)),
        )
    lines_map[()] = first + 1
    return data, lines_map, end + 1
