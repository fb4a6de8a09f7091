"""A deck of plain numbered basic questions, for tests of the collection."""

from __future__ import annotations

from pathlib import Path


def write_deck(path: Path, count: int, deck_id: str = "drill", reversed_every: int = 0) -> Path:
    """Questions q0..q{count-1}; every `reversed_every`-th one also has a reverse card (a sibling)."""
    lines = [f"id: {deck_id}", f"title: {deck_id.capitalize()}", "questions:"]
    for index in range(count):
        lines += [
            f"  - id: q{index}",
            "    kind: basic",
            f"    prompt: Question number {index}?",
            f"    answer: Answer {index}",
        ]
        if reversed_every and index % reversed_every == 0:
            lines.append("    reversed: true")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
