"""`quizmg export moodle-xml|qti|aiken|csv`: decks for learning-management systems and spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from quizmg.cli.export_teacher import _OUTPUT, _counted, _write


@click.command("moodle-xml")
@click.argument("deck")
@_OUTPUT
def moodle_xml(deck: str, output: Path | None) -> None:
    """Write DECK as Moodle XML, which keeps names, feedback per answer, partial credit and units.

    In Moodle: Question bank > Import > Moodle XML format, and choose the file.
    """
    from quizmg.cli.common import open_bank
    from quizmg.formats.media import deck_media
    from quizmg.formats.moodle_xml_write import write_moodle_xml

    bank = open_bank(deck)
    # Images go inside the file, as Moodle's embedded files; one that cannot be read stays a link.
    files, problems = deck_media(bank.questions, bank.path)
    media = {src: path.read_bytes() for src, path in files.items()}
    text, warnings = write_moodle_xml(bank.deck.model_copy(update={"questions": bank.questions}), media)
    warnings += [f"{problem}: left as a link" for problem in problems]
    _write(text, output, *_counted(len(bank.questions), warnings, "Moodle XML"))


@click.command()
@click.argument("deck")
@click.option(
    "-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The .zip file to write."
)
def qti(deck: str, output: Path) -> None:
    """Write DECK as a QTI 1.2 zip for Canvas.

    In Canvas: Settings > Import Course Content > QTI .zip file, and choose the file.
    """
    from quizmg.cli.common import open_bank
    from quizmg.cli.output import show_warnings
    from quizmg.formats.qti import write_qti

    bank = open_bank(deck)
    from quizmg.formats.left_out import left_out_lines

    data, warnings = write_qti(bank.deck, bank.questions)
    warnings, what, left = _counted(len(bank.questions), warnings, "a Canvas QTI zip")
    show_warnings(warnings)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"Wrote {what} to {output}.")
    for line in left_out_lines(left):
        click.echo(line, err=True)


@click.command()
@click.argument("deck")
@_OUTPUT
def aiken(deck: str, output: Path | None) -> None:
    """Write DECK's one-answer multiple-choice and true/false questions as Aiken (Moodle, Blackboard)."""
    from quizmg.cli.common import open_bank
    from quizmg.formats.aiken import write_aiken

    bank = open_bank(deck)
    text, warnings = write_aiken(bank.deck, bank.questions)
    _write(text, output, *_counted(len(bank.questions), warnings, "Aiken"))


@click.command()
@click.argument("deck")
@_OUTPUT
@click.option("--separator", default="comma", show_default=True, help="comma, semicolon, tab, or one character.")
def csv(deck: str, output: Path | None, separator: str) -> None:
    """Write DECK as CSV rows of term and definition (Quizlet, spreadsheets, Anki's text import)."""
    from quizmg.cli.common import open_bank
    from quizmg.formats.delimited import separator_named, write_delimited

    bank = open_bank(deck)
    text, warnings = write_delimited(bank.deck, bank.questions, separator_named(separator))
    _write(text, output, *_counted(len(bank.questions), warnings, "CSV"))
