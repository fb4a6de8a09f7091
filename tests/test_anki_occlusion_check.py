"""check, lint and show understand Image Occlusion questions: shapes off the image, card numbers
skipped, pixel positions, a missing image and a malformed shape each get one clear line naming the
file; show lists the regions."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from occlusion_deck import png

from quizmg.cli import cli

HEAD = "id: heart\ntitle: The heart\nquestions:\n"
GOOD = """\
  - id: chambers
    kind: occlusion
    image: '![](media/heart.png)'
    header: Name the chamber
    extra: Seen from the front
    explanation: The atria sit above the ventricles.
    shapes:
      - {ordinal: 1, shape: rect, left: 0.1, top: 0.1, width: 0.3, height: 0.3, label: Right atrium}
      - {ordinal: 2, shape: ellipse, left: 0.5, top: 0.5, rx: 0.2, ry: 0.1}
      - {ordinal: 0, shape: text, left: 0.05, top: 0.9, text: Anterior view}
"""


def _deck(folder: Path, questions: str, *, image: bool = True) -> Path:
    if image:
        (folder / "media").mkdir(exist_ok=True)
        (folder / "media" / "heart.png").write_bytes(png(20, 10))
    path = folder / "heart.yaml"
    path.write_text(HEAD + questions, encoding="utf-8")
    return path


def test_a_good_deck_checks_clean_and_show_lists_the_regions(tmp_path: Path) -> None:
    deck = _deck(tmp_path, GOOD)
    checked = CliRunner().invoke(cli, ["check", "--strict", str(deck)])
    assert checked.exit_code == 0, checked.output
    shown = CliRunner().invoke(cli, ["show", str(deck), "--answers"])
    assert shown.exit_code == 0, shown.output
    assert "Name the chamber" in shown.output and "[image: heart.png]" in shown.output
    assert "1. the rectangle at the top left (25% across, 25% down) = Right atrium" in shown.output
    assert "2. the ellipse at the middle right (70% across, 60% down)\n" in shown.output  # no name to give
    assert "labels shown on every card: Anterior view" in shown.output
    plain = CliRunner().invoke(cli, ["show", str(deck)])
    assert "Right atrium" not in plain.output


def test_shapes_off_the_image_and_skipped_numbers_are_warned(tmp_path: Path) -> None:
    deck = _deck(tmp_path, GOOD.replace("left: 0.5, top: 0.5, rx", "left: 0.9, top: 0.5, rx").replace(
        "{ordinal: 2, shape: ellipse", "{ordinal: 3, shape: ellipse"))
    checked = CliRunner().invoke(cli, ["check", "--strict", str(deck)])
    assert checked.exit_code == 1
    assert (f"{deck}:4: chambers shapes: shape 2 (ellipse, ordinal 3) reaches outside the image "
            "(from 0.9, 0.5 to 1.3, 0.7)") in checked.output
    assert f"{deck}:4: chambers shapes: no shape has ordinal 2 (the shapes have 1, 3)" in checked.output
    assert "Traceback" not in checked.output


def test_pixel_positions_are_named_once(tmp_path: Path) -> None:
    pixels = GOOD.replace("left: 0.1, top: 0.1, width: 0.3, height: 0.3", "left: 12, top: 8, width: 40, height: 30")
    checked = CliRunner().invoke(cli, ["check", str(_deck(tmp_path, pixels))])
    assert checked.exit_code == 0  # a warning, not an error
    assert checked.output.count("look like pixels (up to 52)") == 1, checked.output


def test_a_missing_image_is_an_error_naming_the_file(tmp_path: Path) -> None:
    deck = _deck(tmp_path, GOOD, image=False)
    checked = CliRunner().invoke(cli, ["check", str(deck)])
    assert checked.exit_code == 1
    assert str(deck) in checked.output and "media/heart.png" in checked.output
    assert "Traceback" not in checked.output


def test_a_malformed_shape_is_one_line_with_the_file_and_line(tmp_path: Path) -> None:
    deck = _deck(tmp_path, GOOD.replace("width: 0.3, height: 0.3, label", "label"))
    checked = CliRunner().invoke(cli, ["check", str(deck)])
    assert checked.exit_code == 1
    assert f"{deck}:" in checked.output and "a rect shape needs width, height" in checked.output
    assert "Traceback" not in checked.output
    no_card = _deck(tmp_path, GOOD.replace("ordinal: 1,", "ordinal: 0,").replace("ordinal: 2,", "ordinal: 0,"))
    checked = CliRunner().invoke(cli, ["check", str(no_card)])
    assert checked.exit_code == 1 and "no shape has an ordinal of 1 or more" in checked.output
