"""`quizmg export moodle-xml|qti|aiken|csv`: decks for learning-management systems and spreadsheets."""

from __future__ import annotations

from pathlib import Path

import click

from quizmg.cli.export_teacher import _OUTPUT, _write


@click.command("moodle-xml")
@click.argument("deck")
@_OUTPUT
def moodle_xml(deck: str, output: Path | None) -> None:
    """Write DECK as Moodle XML, which keeps names, feedback per answer, partial credit and units.

    In Moodle: Question bank > Import > Moodle XML format, and choose the file.
    """
    from quizmg.cli.common import open_bank
    from quizmg.formats.moodle_xml_write import write_moodle_xml

    bank = open_bank(deck)
    text, warnings = write_moodle_xml(bank.deck.model_copy(update={"questions": bank.questions}))
    _write(text, output, warnings, f"{len(bank.questions)} questions as Moodle XML")


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
    data, warnings = write_qti(bank.deck, bank.questions)
    show_warnings(warnings)
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_bytes(data)
    click.echo(f"Wrote {len(bank.questions)} questions as a Canvas QTI zip to {output}.")
