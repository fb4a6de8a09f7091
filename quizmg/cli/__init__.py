"""The `quizmg` command: a thin click layer over the library. Commands load lazily."""

from __future__ import annotations

import importlib
import os
import sys

import click

from quizmg.errors import QuizmgError

# name -> "module:function". Modules are imported only when their command runs (or help lists it),
# and each imports only click at the top, so `quizmg --help` stays fast.
COMMANDS: dict[str, str] = {
    "decks": "quizmg.cli.deck_commands:decks",
    "show": "quizmg.cli.deck_commands:show",
    "check": "quizmg.cli.deck_commands:check",
    "schema": "quizmg.cli.deck_commands:schema",
    "generate": "quizmg.cli.generate_command:generate",
    "export": "quizmg.cli.exchange:export",
    "import": "quizmg.cli.import_command:import_",
    "new": "quizmg.cli.new_command:new",
    "quiz": "quizmg.cli.study_commands:quiz",
    "study": "quizmg.cli.study_commands:study",
    "stats": "quizmg.cli.stats_command:stats",
    "add": "quizmg.cli.collection_commands:add",
    "due": "quizmg.cli.collection_commands:due",
    "config": "quizmg.cli.collection_commands:config",
    "undo": "quizmg.cli.collection_commands:undo",
    "suspend": "quizmg.cli.cards_command:suspend",
    "unsuspend": "quizmg.cli.cards_command:unsuspend",
    "cards": "quizmg.cli.cards_command:cards",
    "forget": "quizmg.cli.cards_command:forget",
    "reschedule": "quizmg.cli.cards_command:reschedule",
    "backup": "quizmg.cli.collection_commands:backup",
    "restore": "quizmg.cli.collection_commands:restore",
    "doctor": "quizmg.cli.collection_commands:doctor",
    "optimize": "quizmg.cli.collection_commands:optimize",
    "sync": "quizmg.cli.sync_commands:sync",
}


def debug_enabled() -> bool:
    """True when QUIZMG_DEBUG asks for tracebacks instead of short messages."""
    return os.environ.get("QUIZMG_DEBUG", "") not in ("", "0", "false", "no")


class QuizmgGroup(click.Group):
    """Loads commands on demand and turns every error into one clear message, exit status 1."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *COMMANDS})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMANDS:
            module_name, attribute = COMMANDS[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except QuizmgError as error:
            if debug_enabled():
                raise
            from quizmg.cli.common import quizmg_message

            raise click.ClickException(quizmg_message(error)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None
        except BrokenPipeError:  # the reader went away (`| head`): main() ends quietly
            raise
        except Exception as error:
            if debug_enabled():
                raise
            # A full disk, a read-only home, a damaged collection: the user's situation, not a bug.
            from quizmg.cli.common import failure_message

            message = failure_message(error)
            if message is not None:
                raise click.ClickException(message) from None
            raise click.ClickException(
                f"unexpected error: {type(error).__name__}: {error}\n"
                "This is a bug in quizmg. Run again with QUIZMG_DEBUG=1 to see the traceback."
            ) from None


@click.group(cls=QuizmgGroup, invoke_without_command=True, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="quizmg", prog_name="quizmg")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """quizmg: flashcards and quizzes in the terminal, with spaced repetition (FSRS).

    Start with `quizmg decks`, then `quizmg show magnesium`.
    """
    if ctx.invoked_subcommand is None:
        ctx.invoke(importlib.import_module("quizmg.cli.study_commands").dashboard)


def main() -> None:
    """Console-script entry point."""
    try:
        cli.main(prog_name="quizmg")
    except BrokenPipeError:  # e.g. `quizmg show magnesium | head`
        # Point stdout at nothing so the interpreter's final flush cannot fail a second time.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        sys.exit(1)
