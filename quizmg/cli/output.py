"""Checks on files a command is about to write, so a bad path fails before any work is done."""

from __future__ import annotations

import os
from pathlib import Path

import click


def check_writable(path: str | Path) -> None:
    """Fail now, with a clear message, if `path` could not be written later."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    if target.is_dir():
        raise click.ClickException(f"{target}: this is a folder; give a file name")
    if not folder.is_dir():
        raise click.ClickException(f"{target}: the folder {folder} does not exist")
    if not os.access(folder, os.W_OK) or (target.exists() and not os.access(target, os.W_OK)):
        raise click.ClickException(f"{target}: permission denied: quizmg cannot write here")


def show_warnings(warnings: list[str], *, most: int = 3) -> None:
    """Print warnings to standard error, folding those that say the same of many questions.

    A warning reads "<question id>: <message>"; when one message is given for more than `most`
    questions, it is printed once with the count and the first few ids, so the screen stays one screen.
    """
    grouped: dict[str, list[str]] = {}
    order: list[str] = []
    for warning in warnings:
        subject, sep, message = warning.partition(": ")
        key = message if sep and " " not in subject else warning
        if key not in grouped:
            grouped[key] = []
            order.append(key)
        grouped[key].append(subject if sep and " " not in subject else "")
    for key in order:
        subjects = [s for s in grouped[key] if s]
        if len(subjects) > most:
            shown = ", ".join(subjects[:most])
            click.echo(f"warning: {key} ({len(subjects)} times: {shown} and {len(subjects) - most} more)", err=True)
        else:
            for subject in grouped[key]:
                click.echo(f"warning: {subject}: {key}" if subject else f"warning: {key}", err=True)
