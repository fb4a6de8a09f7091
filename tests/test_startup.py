"""`quizmg --help` stays light: no heavy library is imported just to list the commands."""

from __future__ import annotations

import subprocess
import sys

HEAVY = ("pydantic", "genanki", "fsrs", "fsrs_rs_python", "rich", "yaml", "anki", "rapidfuzz", "sqlite3")

PROBE = """
import sys
from quizmg.cli import cli
# The root help lists every command, so it loads every command module.
try:
    cli.main(args=["--help"], prog_name="quizmg", standalone_mode=False)
except SystemExit:
    pass
heavy = sorted({name.split(".")[0] for name in sys.modules} & set(sys.argv[1:]))
print("HEAVY:" + ",".join(heavy))
"""


def test_help_imports_no_heavy_module() -> None:
    result = subprocess.run([sys.executable, "-c", PROBE, *HEAVY], capture_output=True, text=True, check=True)
    heavy_line = result.stdout.strip().splitlines()[-1]
    assert heavy_line == "HEAVY:", f"quizmg --help imported {heavy_line[6:]}"


def test_every_command_has_help_text() -> None:
    from click.testing import CliRunner

    from quizmg.cli import cli

    runner = CliRunner()
    ctx = cli.make_context("quizmg", ["--help"], resilient_parsing=True)
    for name in cli.list_commands(ctx):
        command = cli.get_command(ctx, name)
        assert command is not None and (command.help or "").strip(), f"{name} has no help text"
        result = runner.invoke(cli, [name, "--help"], prog_name="quizmg")
        assert result.exit_code == 0, (name, result.output)
        assert "Usage: quizmg" in result.output
