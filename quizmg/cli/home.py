"""The data directory: QUIZMG_HOME, else the platform's application folder."""

from __future__ import annotations

import os
from pathlib import Path


def data_dir() -> Path:
    """Where quizmg keeps the learner's collection and backups (not created here)."""
    override = os.environ.get("QUIZMG_HOME")
    if override:
        return Path(override).expanduser()
    import click

    return Path(click.get_app_dir("quizmg"))
