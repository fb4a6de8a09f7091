"""`quizmg export FORMAT` and `quizmg import`: subcommands load lazily, one module per format."""

from __future__ import annotations

import importlib

import click

# format -> "module:function"
EXPORTERS: dict[str, str] = {}
EXPORTERS["anki"] = "quizmg.cli.export_anki:anki"
EXPORTERS.update({k: f"quizmg.cli.export_teacher:{k}" for k in ("gift", "worksheet", "yaml", "markdown")})
EXPORTERS["moodle-xml"] = "quizmg.cli.export_lms:moodle_xml"
EXPORTERS["qti"] = "quizmg.cli.export_lms:qti"
EXPORTERS.update({k: f"quizmg.cli.export_lms:{k}" for k in ("aiken", "csv")})


class _LazyFormats(click.Group):
    def __init__(self, *args: object, registry: dict[str, str], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._registry = registry

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self._registry})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in self._registry:
            module_name, attribute = self._registry[cmd_name].split(":")
            return getattr(importlib.import_module(module_name), attribute)
        return super().get_command(ctx, cmd_name)


@click.group(cls=_LazyFormats, registry=EXPORTERS)
def export() -> None:
    """Write a deck in another format: anki, gift, moodle-xml, qti, aiken, csv, worksheet, yaml, markdown."""
