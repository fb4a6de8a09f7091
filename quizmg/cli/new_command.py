"""`quizmg new PATH`: start a deck from a commented example of every question kind."""

from __future__ import annotations

from pathlib import Path

import click


@click.command()
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--markdown", is_flag=True, help="Write the quick Markdown form (the default for .md).")
@click.option("--title", help="The deck's title (default: from the file name).")
@click.option("--force", is_flag=True, help="Overwrite PATH if it exists.")
def new(path: Path, markdown: bool, title: str | None, force: bool) -> None:
    """Create a deck file at PATH with one commented example of every question kind."""
    from quizmg.formats.importing import deck_id_from_path, title_from_path
    from quizmg.formats.scaffold import scaffold

    suffix = path.suffix.lower()
    if suffix in (".md", ".markdown"):
        markdown = True
    elif not suffix:
        path = path.with_suffix(".md" if markdown else ".yaml")
    elif suffix not in (".yaml", ".yml"):
        raise click.BadParameter("a deck file ends in .yaml or .md", param_hint="'PATH'")
    elif markdown:
        raise click.BadParameter("--markdown needs a .md file name", param_hint="'PATH'")
    if path.exists() and not force:
        raise click.ClickException(f"{path} exists already; pass --force to overwrite it")
    deck_title = title or title_from_path(path)
    text = scaffold(deck_id_from_path(path), _yaml_safe(deck_title), str(path), markdown=markdown)
    path.parent.mkdir(parents=True, exist_ok=True)
    from quizmg.safe_files import write_text

    write_text(path, text)  # a temporary file renamed into place: a full disk leaves no empty deck
    click.echo(f"Wrote {path}: 8 example questions, one of each kind.")
    click.echo(f"Next: edit it, then `quizmg check {path}` and `quizmg study {path}`.")


def _yaml_safe(title: str) -> str:
    """A title that YAML reads back as the same text (JSON strings are YAML strings)."""
    import json

    return json.dumps(title, ensure_ascii=False)
