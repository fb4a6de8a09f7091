"""The canonical deck format: YAML validated by the model, with errors that name file and line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.text import read_text
from quizmg.formats.yaml_text import LineMap, line_of, parse_yaml, problems_from_validation
from quizmg.model import Deck


def load_yaml_deck(path: str | Path) -> tuple[Deck, LineMap]:
    """Read and validate a YAML deck file; the line map tells where each question stands."""
    text = read_text(path)
    return parse_yaml_deck(text, path)


def parse_yaml_deck(text: str, path: str | Path = "<deck>") -> tuple[Deck, LineMap]:
    """Validate YAML deck text."""
    if not text.strip():
        raise DeckError.single(path, "the file is empty; a deck needs at least `id:` and `title:`")
    data, lines = parse_yaml(text, path)
    if not isinstance(data, dict):
        raise DeckError.single(
            path,
            f"a deck file must be a mapping (id:, title:, questions: ...), not {_describe(data)}",
            lines.get(()),
        )
    try:
        deck = Deck.model_validate(data)
    except ValidationError as error:
        raise DeckError(problems_from_validation(error, path, lines, data)) from None
    except RecursionError:
        raise DeckError.single(path, "the structure is nested too deeply") from None
    duplicates = duplicate_id_problems(deck, path, lines)
    if duplicates:
        raise DeckError(duplicates)
    return deck, lines


def duplicate_id_problems(deck: Deck, path: str | Path, lines: LineMap) -> list[Problem]:
    """An error for every question whose id an earlier question already has."""
    first_seen: dict[str, int] = {}
    problems = []
    for index, question in enumerate(deck.questions):
        assert question.id is not None
        if question.id in first_seen:
            earlier = line_of(lines, ("questions", first_seen[question.id]))
            problems.append(
                Problem(
                    str(path),
                    line_of(lines, ("questions", index)),
                    f"duplicate id: question {first_seen[question.id] + 1}"
                    + (f" (line {earlier})" if earlier else "")
                    + " has it already; ids must be unique in a deck",
                    "id",
                    question.id,
                )
            )
        else:
            first_seen[question.id] = index
    return problems


def dump_yaml_deck(deck: Deck) -> str:
    """The deck as YAML, fields in a readable order and defaults left out."""
    data = deck.model_dump(mode="json", exclude_defaults=True)
    data["questions"] = [
        {"kind": q.kind, **q.model_dump(mode="json", exclude_defaults=True)}  # type: ignore[attr-defined]
        for q in deck.questions
    ]
    if not data["questions"]:
        del data["questions"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def _describe(value: Any) -> str:
    if value is None:
        return "nothing"
    if isinstance(value, list):
        return "a list"
    return f"a single value ({type(value).__name__})"
