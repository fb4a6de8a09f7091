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
