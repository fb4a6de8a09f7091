"""`quizmg generate DOC -o deck.yaml --review`: a teacher goes through the drafts one by one.

Each draft is shown with its answer, its score and the sentence it came from; a key decides it:
k keep, e edit (in $EDITOR, as YAML), s skip, q stop. What is kept becomes the deck. Every
decision is remembered in `<deck>.review.json` beside the deck, so a second run on the same
document shows only the drafts not decided yet, and adds what it keeps to the same deck.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Any

import click
import yaml

from quizmg.errors import QuizmgError
from quizmg.safe_files import atomic_output

KEYS = {"k": "keep", "e": "edit", "s": "skip", "q": "stop"}


def record_path(target: Path) -> Path:
    """Where the decisions about `target`'s drafts are kept."""
    return target.with_name(target.name + ".review.json")


def load_record(target: Path) -> dict[str, str]:
    path = record_path(target)
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise QuizmgError(f"{path}: cannot read the review record: {error}") from None
    decisions = data.get("decisions") if isinstance(data, dict) else None
    if not isinstance(decisions, dict):
        raise QuizmgError(f"{path}: not a quizmg review record (no 'decisions')")
    return {str(k): str(v) for k, v in decisions.items()}


def review(draft: Any, target: Path) -> None:
    """Ask about each undecided draft; write the kept ones to `target` and remember every decision."""
    from quizmg.model import Deck

    decisions = load_record(target)
    kept = _kept_before(target) if decisions else []
    deck: Deck = draft.deck
    pending = [q for q in deck.questions if q.id not in decisions]
    click.echo(f"{len(pending)} drafts to review ({len(decisions)} decided before). "
               "Keys: k keep, e edit, s skip, q stop.")
    stopped = False
    for number, question in enumerate(pending, start=1):
        key = str(question.id)  # drafted questions always have ids
        _show(number, len(pending), question, draft.sources.get(key))
        choice = _ask()
        if choice == "stop":
            stopped = True
            break
        if choice == "edit":
            edited = _edit(question)
            if edited is None:
                click.echo("The edit is not valid: the draft is left for the next review.")
                continue
            kept.append(edited)
            decisions[key] = "edited"
        elif choice == "keep":
            kept.append(question)
            decisions[key] = "kept"
        else:
            decisions[key] = "skipped"
    _write(deck, kept, target)
    with atomic_output(record_path(target)) as handle:
        handle.write(json.dumps({"decisions": decisions}, indent=1) + "\n")
    left = len(deck.questions) - sum(1 for q in deck.questions if q.id in decisions)
    click.echo(f"Kept {len(kept)} questions in {target}." + (f" {left} drafts left for the next review."
                                                               if stopped or left else ""))


def _kept_before(target: Path) -> list[Any]:
    if not target.exists():
        return []
    from quizmg.formats.yaml_deck import parse_yaml_deck

    deck, _ = parse_yaml_deck(target.read_text(encoding="utf-8"), target)
    return list(deck.questions)


def _show(number: int, total: int, question: Any, sentence: Any) -> None:
    from quizmg.model import MultipleChoice, Order, TrueFalse

    click.echo("")
    click.echo(click.style(f"Draft {number}/{total} · {question.kind}", bold=True))
    click.echo(question.prompt_text())
    if isinstance(question, MultipleChoice):
        for choice in question.choices:
            click.echo(f"  {'✓' if choice.correct else ' '} {choice.text}")
    elif isinstance(question, Order):
        click.echo("  order: " + " → ".join(question.items))
    elif isinstance(question, TrueFalse):
        click.echo(f"  answer: {'true' if question.answer else 'false'}")
    else:
        click.echo(f"  answer: {question.answer_text()}")
    if sentence is not None:
        click.echo(click.style(f"  source ({sentence.place}): {sentence.text}", dim=True))
    score = question.explanation.rsplit("Draft score", 1)
    if len(score) == 2:
        click.echo(click.style(f"  Draft score{score[1]}", dim=True))


def _ask() -> str:
    while True:
        click.echo("keep, edit, skip or stop? [k/e/s/q] ", nl=False)
        try:
            if sys.stdin.isatty():
                key = click.getchar()
                click.echo(key)
            else:  # a pipe or a script: one answer a line
                line = sys.stdin.readline()
                if not line:
                    raise EOFError
                key = line.strip()[:1]
                click.echo(key)
        except (EOFError, KeyboardInterrupt):
            click.echo("")
            return "stop"
        choice = KEYS.get(key.lower().strip())
        if choice:
            return choice


def _edit(question: Any) -> Any | None:
    """The question after the teacher's edit in $EDITOR (unchanged if nothing changed), None if invalid."""
    from pydantic import TypeAdapter, ValidationError

    from quizmg.model import Question

    data = {"kind": question.kind, **question.model_dump(mode="json", exclude_defaults=True)}
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
    # Not require_save: a quick editor can save within the file time's resolution. Unchanged text
    # means the teacher changed nothing; the draft is kept as it was.
    edited = click.edit(text, editor=editor, extension=".yaml", require_save=False)
    if edited is None or edited.strip() == text.strip():
        return question
    try:
        loaded = yaml.safe_load(edited)
        return TypeAdapter(Question).validate_python(loaded)
    except (yaml.YAMLError, ValidationError) as error:
        click.echo(f"The edited question is not valid: {str(error).splitlines()[0]}")
        return None


def _write(deck: Any, kept: list[Any], target: Path) -> None:
    from quizmg.formats.yaml_deck import dump_yaml_deck, parse_yaml_deck
    from quizmg.model import TEMPLATES

    used = {q.mechanism for q in kept if q.mechanism}
    # A kept template question is written out in full; its mechanism stays for the record, all its
    # templates switched off, so nothing is asked twice.
    mechanisms = [m.model_copy(update={"skip": list(TEMPLATES)}) for m in deck.mechanisms if m.id in used]
    final = deck.model_copy(update={"mechanisms": mechanisms, "questions": kept})
    text = (
        f"# Reviewed with `quizmg generate --review`; decisions in {record_path(target).name}.\n"
        + dump_yaml_deck(final)
    )
    parse_yaml_deck(text, target)
    with atomic_output(target) as handle:
        handle.write(text)
