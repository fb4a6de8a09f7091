"""`quizmg generate DOC -o deck.yaml`: draft a deck from a document, with no network and no model."""

from __future__ import annotations

from pathlib import Path

import click

from quizmg.words import plural

KIND_NAMES = ("basic", "cloze", "mcq", "truefalse", "short", "order")
# Below this size drafting takes well under a second: no progress bar to flash on screen.
PROGRESS_BYTES = 100_000


def _parse_kinds(ctx: click.Context, param: click.Parameter, value: str | None) -> set[str] | None:
    if value is None:
        return None
    kinds = {part.strip().lower() for part in value.split(",") if part.strip()}
    unknown = sorted(kinds - set(KIND_NAMES))
    if unknown or not kinds:
        raise click.BadParameter(
            f"unknown kind {', '.join(unknown) or '(none)'}; choose from {', '.join(KIND_NAMES)}"
        )
    return kinds


@click.command()
@click.argument("document", type=click.Path(path_type=str))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=str),
              help="The deck file to write (.yaml).")
@click.option("--max", "max_questions", default=60, show_default=True, type=click.IntRange(1, 5000),
              help="At most this many questions, best first.")
@click.option("--kinds", callback=_parse_kinds,
              help=f"Only these kinds, comma-separated: {','.join(KIND_NAMES)}.")
@click.option("--id", "deck_id", help="The deck's id (default: from the document's file name).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--all", "keep_all", is_flag=True,
              help="Keep the questions that score under the threshold too (each shows its score).")
@click.option("--model", "model_name", metavar="NAME",
              help="Also ask this language model (through the llm library: pip install 'quizmg[llm]') for "
                   "mechanisms; each is kept only where a sentence of the document states it.")
@click.option("--review", is_flag=True,
              help="Go through the drafts one by one (keep, edit, skip, stop); only what is kept is written. "
                   "A second run shows only drafts not decided yet.")
def generate(
    document: str,
    output: str,
    max_questions: int,
    kinds: set[str] | None,
    deck_id: str | None,
    force: bool,
    keep_all: bool,
    model_name: str | None,
    review: bool,
) -> None:
    """Draft a question deck from DOCUMENT (.txt, .md, .html or .docx) for a teacher to review.

    Finds key terms, definitions and mechanisms (what acts on what), then writes mechanisms for
    the deck templates plus cloze, multiple-choice, true/false and short-answer questions, best
    first, each with its score out of 100 and the checks behind it (`quizmg show --answers`).
    The same document always gives the same deck.
    """
    from quizmg.errors import QuizmgError
    from quizmg.formats.documents import readable, refusal

    source, target = Path(document), Path(output)
    if not readable(source):
        raise QuizmgError(refusal(source))
    if target.suffix.lower() not in {".yaml", ".yml"}:
        raise QuizmgError(f"{target}: the output must be a .yaml deck file")
    from quizmg.cli.generate_review import record_path
    from quizmg.safe_files import check_output

    # A deck the review itself wrote is added to by the next review, never replaced.
    continuing = review and target.exists() and record_path(target).exists()
    check_output(target, force=force or continuing, inputs=[source])
    if deck_id is not None and not _valid_id(deck_id):
        raise click.BadParameter("use lower-case letters, digits, '.', '_' or '-'", param_hint="--id")

    from quizmg.formats.documents import read_document_text

    text = read_document_text(source)
    proposals = _ask_model(model_name, text) if model_name else None
    draft = _draft_with_progress(text, source, max_questions, kinds, deck_id, keep_all, proposals)
    _report_model(draft)
    if review:
        from quizmg.cli.generate_review import review as review_drafts

        review_drafts(draft, target)
        return
    _write(draft, target)


def _valid_id(value: str) -> bool:
    import re

    return bool(re.fullmatch(r"[a-z0-9][a-z0-9._-]*", value)) and len(value) <= 120


def _ask_model(name: str, text: str) -> list | None:
    """The model's proposed mechanisms, or None (with a note) when there is no model to ask."""
    from quizmg.generate.model_extract import ModelUnavailable, ask_model

    try:
        return ask_model(name, text)
    except ModelUnavailable as reason:
        click.echo(f"No language model: {reason}. Drafting with the rules only.", err=True)
        return None


def _report_model(draft: object) -> None:
    from quizmg.generate.draft import Draft

    assert isinstance(draft, Draft)
    if draft.model is None:
        return
    result = draft.model
    click.echo(f"The model proposed {result.proposed} mechanisms: {len(result.statements)} stated in the text, "
               f"{result.proposed - len(result.statements)} rejected.")
    for reason in result.rejected:
        click.echo(f"  rejected: {reason}")


def _draft_with_progress(
    text: str, source: Path, max_questions: int, kinds: set[str] | None, deck_id: str | None, keep_all: bool,
    proposals: list | None = None,
) -> object:
    from quizmg.generate.draft import draft_deck

    options = {"max_questions": max_questions, "kinds": kinds, "deck_id": deck_id, "keep_all": keep_all,
               "proposals": proposals}
    if len(text.encode("utf-8")) < PROGRESS_BYTES:
        return draft_deck(text, source, **options)  # type: ignore[arg-type]
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    from quizmg.ui.console import make_console

    with Progress(
        TextColumn("Drafting questions"),
        BarColumn(),
        TextColumn("{task.percentage:>3.0f}%"),
        TimeElapsedColumn(),
        console=make_console(stderr=True),
        transient=True,
    ) as bar:
        task = bar.add_task("draft", total=1)

        def report(done: int, total: int) -> None:
            bar.update(task, completed=done, total=max(total, 1))

        return draft_deck(text, source, progress=report, **options)  # type: ignore[arg-type]


def _write(draft: object, target: Path) -> None:
    from quizmg.bank import bank_from_deck
    from quizmg.errors import QuizmgError
    from quizmg.formats.yaml_deck import dump_yaml_deck, parse_yaml_deck
    from quizmg.generate.draft import Draft

    assert isinstance(draft, Draft)
    bank = bank_from_deck(draft.deck)
    if not bank.questions and draft.left_out:
        from quizmg.generate.trust import THRESHOLD

        raise QuizmgError(
            f"{draft.document.path}: no question was written: all {plural(draft.left_out, 'question')} drafted "
            f"scored under {THRESHOLD}/100. Run again with --all to write them for review."
        )
    if not bank.questions:
        raise QuizmgError(
            f"{draft.document.path}: no questions could be drafted: the document has no key terms "
            "(acronyms, definitions, emphasised or recurring phrases) and no mechanisms "
            "(sentences where something blocks, triggers, converts ... something)"
        )
    header = (
        f"# Drafted by `quizmg generate` from {Path(draft.document.path).name}.\n"
        "# A draft: read every question, fix or delete what is wrong, then `quizmg check` it.\n"
    )
    yaml_text = header + dump_yaml_deck(draft.deck)
    parse_yaml_deck(yaml_text, target)  # never write a deck that would not load
    from quizmg.safe_files import write_text

    write_text(target, yaml_text)  # a temporary file renamed into place: never half a deck
    kinds: dict[str, int] = {}
    for question in bank.questions:
        kinds[question.kind] = kinds.get(question.kind, 0) + 1  # type: ignore[attr-defined]
    mix = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])))
    click.echo(
        f"Drafted {plural(len(bank.questions), 'question')} ({mix}) from "
        f"{plural(len(draft.document.sentences), 'sentence')}: {plural(len(draft.deck.mechanisms), 'mechanism')}, "
        f"{plural(len(draft.terms.terms), 'key term')}."
    )
    if draft.left_out:
        click.echo(_left_out_note(draft, len(bank.questions)))
    click.echo(f"Wrote {target}")
    click.echo(f"Next: quizmg check {target}   then   quizmg show {target} --answers")


def _left_out_note(draft: object, written: int) -> str:
    """What the threshold left out, and whether the deck is short of what was asked for."""
    from quizmg.generate.draft import Draft
    from quizmg.generate.trust import THRESHOLD

    assert isinstance(draft, Draft)
    note = f"Left out {plural(draft.left_out, 'question')} scoring under {THRESHOLD}/100"
    if not draft.more_with_all:
        return f"{note} (the deck has the {draft.wanted} asked for without them)."
    adds = "them" if draft.more_with_all == draft.left_out else f"{draft.more_with_all} of them"
    return f"{note} (--all adds {adds}); the {written} written scored {THRESHOLD} or more (--max {draft.wanted})."
