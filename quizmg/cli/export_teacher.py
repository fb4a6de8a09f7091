"""`quizmg export yaml|markdown|gift|worksheet`: decks for editors, Moodle and paper."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from quizmg.bank import Bank

_OUTPUT = click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The file to write (default: print to the terminal).",
)
_FORCE = click.option("--force", is_flag=True, help="Replace the output file if it exists (never the deck itself).")


def _check(output: Path | None, force: bool, bank: Bank) -> None:
    """Refuse, before any work, an output that is the deck itself or exists without --force."""
    from quizmg.safe_files import check_output

    if output is not None:
        output.parent.mkdir(parents=True, exist_ok=True)
        check_output(output, force=force, inputs=[bank.path] if bank.path else [])


def _write(
    text: str, output: Path | None, warnings: list[str], what: str, left: dict[str, list[str]] | None = None
) -> None:
    """Warnings to stderr, the text to the file (or stdout), and a one-line summary; then one line per
    reason questions were left out (quizmg.formats.left_out), to stderr."""
    from quizmg.cli.output import show_warnings
    from quizmg.formats.left_out import left_out_lines
    from quizmg.safe_files import write_text

    show_warnings(warnings)
    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
    else:
        write_text(output, text)  # a temporary file renamed into place: never half a file
        click.echo(f"Wrote {what} to {output}.")
    for line in left_out_lines(left or {}):
        click.echo(line, err=True)


def _counted(total: int, warnings: list[str], what: str) -> tuple[list[str], str, dict[str, list[str]]]:
    """(the other warnings, "10 of 12 questions as WHAT", the questions left out by reason). When
    every question was left out, nothing is written: an error naming why, exit status 1."""
    from quizmg.errors import QuizmgError
    from quizmg.formats.left_out import left_out_count, split_left_out, written_words

    others, left = split_left_out(warnings)
    if total and left_out_count(left) == total:
        reasons = "; ".join(left)
        raise QuizmgError(
            f"none of the deck's {total} question(s) can be written as {what} ({reasons}): nothing written."
        )
    return others, written_words(total, left, what), left


@click.command()
@click.argument("deck")
@_OUTPUT
@_FORCE
def yaml(deck: str, output: Path | None, force: bool) -> None:
    """Write DECK (an id or a .yaml/.md file) as a YAML deck file."""
    from quizmg.cli.common import open_bank
    from quizmg.formats.yaml_deck import dump_yaml_deck

    bank = open_bank(deck)
    _check(output, force, bank)
    _write(dump_yaml_deck(bank.deck), output, [], f"{len(bank.deck.questions)} questions as YAML")


@click.command()
@click.argument("deck")
@_OUTPUT
@_FORCE
def markdown(deck: str, output: Path | None, force: bool) -> None:
    """Write DECK as a Markdown deck; warns about anything the Markdown form cannot hold."""
    from quizmg.cli.common import open_bank
    from quizmg.formats.markdown_deck import to_markdown

    bank = open_bank(deck)
    _check(output, force, bank)
    text, warnings = to_markdown(bank.deck)
    _write(text, output, warnings, f"{len(bank.deck.questions)} questions as Markdown")


@click.command()
@click.argument("deck")
@_OUTPUT
@_FORCE
def gift(deck: str, output: Path | None, force: bool) -> None:
    """Write DECK's questions (generated ones included) as Moodle GIFT for Moodle's question bank.

    In Moodle: Question bank > Import > GIFT format, and choose the file.
    """
    from quizmg.cli.common import open_bank
    from quizmg.formats.gift import write_gift

    bank = open_bank(deck)
    _check(output, force, bank)
    text, warnings = write_gift(bank.deck, bank.questions)
    _write(text, output, *_counted(len(bank.questions), warnings, "GIFT"))


@click.command()
@click.argument("deck")
@_OUTPUT
@click.option("-n", "count", type=click.IntRange(min=1), help="Print only N questions (drawn with the seed).")
@click.option(
    "--kinds",
    help="Only these kinds, comma-separated: basic,cloze,mcq,truefalse,short,numeric,order,match.",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Seed for the order of choices.")
@click.option(
    "--answer-key",
    "answer_key",
    type=click.Choice(["page", "file"]),
    is_flag=False,
    flag_value="page",
    default=None,
    help="Add the answer key: on a last page (the default), or `--answer-key file` for FILE-key.html.",
)
@click.option("--paper", type=click.Choice(["a4", "letter"]), default="a4", show_default=True)
@_FORCE
def worksheet(
    deck: str,
    output: Path | None,
    count: int | None,
    kinds: str | None,
    seed: int,
    answer_key: str | None,
    paper: str,
    force: bool,
) -> None:
    """Write DECK as a print-ready HTML worksheet, with an answer key if asked.

    Open the file in a browser and print it (A4 or Letter); the key starts on a new page.
    """
    from quizmg.cli.common import open_bank
    from quizmg.formats.worksheet import build_worksheet, select_questions
    from quizmg.model import KINDS

    wanted = [k.strip() for k in (kinds or "").split(",") if k.strip()]
    unknown = [k for k in wanted if k not in KINDS]
    if unknown:
        raise click.BadParameter(f"unknown kind {unknown[0]!r}; use {', '.join(KINDS)}", param_hint="'--kinds'")
    if answer_key == "file" and output is None:
        raise click.BadParameter("a separate key file needs -o FILE.html", param_hint="'--answer-key'")
    bank = open_bank(deck)
    _check(output, force, bank)
    key_path = None
    if answer_key == "file" and output is not None:
        key_path = output.with_name(f"{output.stem}-key{output.suffix or '.html'}")
        _check(key_path, force, bank)
    chosen = select_questions(bank.questions, count=count, kinds=wanted, seed=seed)
    if not chosen:
        raise click.ClickException(f"{bank.id} has no questions of the kinds {', '.join(wanted)}")
    from quizmg.formats.media import deck_media
    from quizmg.formats.worksheet import embedded_images

    files, problems = deck_media(chosen, bank.path)
    for problem in problems:
        click.echo(f"Warning: {problem}: not shown on the sheet.", err=True)
    sheet = build_worksheet(
        bank.deck.title, chosen, seed=seed, answer_key=answer_key, paper=paper, images=embedded_images(files)
    )
    _write(sheet.sheet, output, [], f"a worksheet of {len(chosen)} questions")
    if sheet.key is not None and key_path is not None:
        from quizmg.safe_files import write_text

        write_text(key_path, sheet.key)
        click.echo(f"Wrote the answer key to {key_path}.")
