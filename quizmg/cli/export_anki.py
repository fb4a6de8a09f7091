"""`quizmg export anki`: decks to an Anki package (.apkg)."""

from __future__ import annotations

from pathlib import Path

import click

# Below this many questions the export takes well under a second: no progress bar needed.
PROGRESS_THRESHOLD = 2000


@click.command()
@click.argument("decks", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="The .apkg file to write (default: DECK.apkg in the current folder).",
)
@click.option("--subdecks", is_flag=True, help="One sub-deck per mechanism (Deck::mechanism).")
@click.option(
    "--media-dir",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder outside the deck's own that its images and sounds may also come from.",
)
@click.option(
    "--with-progress",
    is_flag=True,
    help="Include your schedule and review history, so Anki continues where quizmg left off "
    "(import in Anki with scheduling included).",
)
@click.option("--force", is_flag=True, help="Replace the .apkg file if it exists.")
def anki(
    decks: tuple[str, ...],
    output: Path | None,
    subdecks: bool,
    media_dir: Path | None,
    with_progress: bool,
    force: bool,
) -> None:
    """Write DECKS (built-in ids or paths) to an Anki package that Anki imports cleanly.

    Images and sounds must lie in the deck's folder (or in --media-dir): anything else is refused.

    Export again after editing the deck and import the new file: Anki updates the notes you
    edited and adds none twice, because each note keeps the id of its question.

    With --with-progress, Anki takes the schedule only for cards it does not have yet: import
    into a profile without these notes (or delete them first) to carry progress over.
    """
    from datetime import datetime, timezone

    from quizmg.cli.anki_note_times import load_note_times, save_note_times
    from quizmg.cli.common import open_bank
    from quizmg.formats.anki.exporter import write_apkg
    from quizmg.ui.console import literal, make_console

    banks = [open_bank(name) for name in decks]
    if output is None:
        output = Path(f"{banks[0].id}.apkg")
    if output.suffix.lower() != ".apkg":
        raise click.BadParameter("the file name must end in .apkg", param_hint="'-o'")
    from quizmg.safe_files import check_output

    check_output(output, force=force, inputs=[bank.path for bank in banks if bank.path])
    total = sum(len(bank.questions) for bank in banks)
    known = load_note_times()
    from quizmg.cli.anki_note_types import load_learned

    learned = load_learned()
    console = make_console()
    now = datetime.now(timezone.utc)
    learner_progress = None
    if with_progress:
        from quizmg.cli.anki_progress import progress_for_export

        learner_progress = progress_for_export([bank.id for bank in banks], now)
    if total >= PROGRESS_THRESHOLD and console.is_terminal:
        from rich.progress import Progress

        with Progress(console=make_console(stderr=True), transient=True) as bar:
            task = bar.add_task("Writing notes", total=total)
            summary = write_apkg(
                banks, output, now=now, subdecks=subdecks,
                progress=lambda n: bar.advance(task, n), learner_progress=learner_progress,
                media_dir=media_dir, known=known, learned=learned,
            )
    else:
        summary = write_apkg(
            banks, output, now=now, subdecks=subdecks, learner_progress=learner_progress,
            media_dir=media_dir, known=known, learned=learned,
        )
    save_note_times(summary.note_times)
    click.echo(
        f"Wrote {_counted(summary.notes, 'note')} ({_counted(summary.cards, 'card')}) to {summary.path}; "
        f"{summary.changed} new or changed since your earlier exports."
    )
    for name, count in sorted(summary.per_note_type.items()):
        console.print(f"  {literal(name)}: {count}")
    if summary.media:
        console.print(f"  media: {literal(', '.join(summary.media))}")
    if summary.progress is not None and learner_progress is not None:
        from quizmg.cli.anki_progress import describe_export

        for line in describe_export(summary.progress, learner_progress):
            console.print(literal(line))
        console.print('In Anki: File > Import, and tick "Import any learning progress".')
        return
    console.print("Import it in Anki with File > Import (AnkiDroid and AnkiMobile: open the file).")


def _counted(number: int, noun: str) -> str:
    """The number with its noun: 1 note, 2 notes."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
