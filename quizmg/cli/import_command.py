"""`quizmg import FILE`: bring a question set in from Anki, Moodle, Quizlet or a spreadsheet."""

from __future__ import annotations

from pathlib import Path

import click

FORMATS = ("apkg", "gift", "aiken", "csv", "tsv", "markdown", "yaml", "moodle-xml")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The deck file to write: .yaml (default) or .md. Default: FILE's name with .yaml.",
)
@click.option(
    "--format",
    "format_name",
    type=click.Choice(FORMATS),
    help="The format of FILE, when its extension and content do not tell.",
)
@click.option(
    "--separator",
    help="(CSV/TSV) The column separator: a character, or tab, comma, semicolon, pipe. Default: detected.",
)
@click.option("--encoding", help="The file's text encoding, e.g. cp1252 or latin-1. Default: UTF-8 (or UTF-16).")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
@click.option("--with-progress", is_flag=True, help="(.apkg) Also bring Anki's review history into your collection.")
def import_(
    file: Path,
    output: Path | None,
    format_name: str | None,
    separator: str | None,
    encoding: str | None,
    force: bool,
    with_progress: bool,
) -> None:
    """Turn FILE (.apkg, .gift, Moodle .xml, Aiken .txt, .csv, .tsv, .md) into a quizmg deck file.

    The format is picked from the extension and the content; --format overrides it.
    """
    from quizmg.formats.importing import import_file
    from quizmg.formats.markdown_deck import to_markdown
    from quizmg.formats.yaml_deck import dump_yaml_deck

    if output is None:
        output = Path(file.stem.split(".")[0] + ".yaml")
    if output.suffix.lower() not in (".yaml", ".yml", ".md", ".markdown"):
        raise click.BadParameter("the deck file must end in .yaml or .md", param_hint="'-o'")
    from quizmg.safe_files import check_output

    check_output(output, force=force, inputs=[file])
    if separator is not None:
        from quizmg.formats.delimited import separator_named

        separator = separator_named(separator)
    found, result = import_file(file, format_name, separator=separator, encoding=encoding)
    if found == "apkg":  # the learner's own versions of quizmg's note types, for later exports
        from quizmg.cli.anki_note_types import learn_from

        learn_from(result.deck)
    warnings = list(result.warnings)
    if output.suffix.lower() in (".md", ".markdown"):
        text, losses = to_markdown(result.deck)
        warnings += losses
        if any(q.guid or q.anki_deck for q in result.deck.questions):
            warnings.append(
                "a Markdown deck does not keep the Anki notes' ids and sub-decks: a later Anki export "
                "adds the notes again instead of updating them (write .yaml to keep them)"
            )
    else:
        text = dump_yaml_deck(result.deck)
    from quizmg.cli.output import show_warnings

    show_warnings(warnings)
    written_media = []
    if result.media:
        from quizmg.formats.media import write_media

        written_media = write_media(output, result.media, force=force)
    from quizmg.safe_files import write_text

    write_text(output, text)
    count = len(result.deck.questions)
    click.echo(f"Imported {count} question{'s' if count != 1 else ''} from {file} ({found}) into {output}.")
    if result.media:
        folder = output.parent / "media"
        click.echo(f"Media: {len(result.media)} file(s) in {folder} ({len(written_media)} written now).")
    if with_progress:
        from quizmg.cli.anki_progress import import_progress_into_collection

        import_progress_into_collection(output, file, found)
        return
    click.echo(f"Next: quizmg check {output}")
