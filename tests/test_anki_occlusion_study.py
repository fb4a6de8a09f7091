"""Studying Image Occlusion cards in a terminal (the real `quizmg` executable in a pty): the card
says which region is masked, the key o opens the image with the card's masks drawn, and the answer
names the region and opens it uncovered. The page drawn is checked too."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pexpect
import pytest
from occlusion_deck import png
from test_media_view import _fake_viewer as fake_viewer
from test_media_view import spawn_study

from quizmg.bank import load_bank
from quizmg.formats.occlusion_html import ASKED, HIDDEN, card_page, figure
from quizmg.model import Occlusion

DECK = """\
id: heart
title: The heart
questions:
  - id: chambers
    kind: occlusion
    image: '![](media/heart.png)'
    header: Name the chamber
    extra: Seen from the front
    shapes:
      - {ordinal: 1, shape: rect, left: 0.1, top: 0.1, width: 0.3, height: 0.3, label: Right atrium}
      - {ordinal: 2, shape: ellipse, left: 0.5, top: 0.5, rx: 0.2, ry: 0.1, hide_all: true}
      - {ordinal: 0, shape: text, left: 0.05, top: 0.9, text: Anterior view}
  - id: valves
    kind: occlusion
    image: '![](media/heart.png)'
    shapes:
      - {ordinal: 1, shape: ellipse, left: 0.5, top: 0.5, rx: 0.2, ry: 0.1}
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(png(30, 20))
    path = tmp_path / "heart.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def _opened(opened: Path, count: int) -> list[Path]:
    for _ in range(200):  # the viewer runs on its own
        if opened.exists() and len(opened.read_text().splitlines()) >= count:
            break
        time.sleep(0.05)
    return [Path(line) for line in opened.read_text().splitlines()]


def test_study_asks_the_region_and_o_opens_it_masked_then_uncovered(
    deck: Path, tmp_path: Path, quizmg_home: Path
) -> None:
    tools, opened = fake_viewer(tmp_path)
    child = spawn_study(deck, quizmg_home, tools)
    try:
        child.expect(r"for keys\)")
        screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
        assert "Name the chamber" in screen and "[image: heart.png]" in screen
        assert "What is hidden under the rectangle at the top left (25% across, 25% down)?" in screen
        assert "Labels on the image: Anterior view" in screen
        child.send("o")
        child.expect(r"Opened chambers-1-question\.html")
        child.send(" ")
        child.expect(r"Answer: Right atrium")
        child.expect("Seen from the front")
        child.expect(r"1-4 rate")
        child.send("o")
        child.expect(r"Opened chambers-1-answer\.html")
        child.send("3")
        child.expect(r"for keys\)")  # the next question: a region with no name
        screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
        assert "What is hidden under the ellipse at the middle right (70% across, 60% down)?" in screen, screen
        child.send(" ")
        child.expect(r"the note names no region: o opens the image with the region uncovered")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    question_page, answer_page = _opened(opened, 2)
    front, back = question_page.read_text(), answer_page.read_text()
    image = "data:image/png;base64,"
    assert image in front and image in back  # the page stands alone: the image is inside it
    assert f'<rect x="0.1" y="0.1" width="0.3" height="0.3" fill="{ASKED}"' in front
    assert f'<ellipse cx="0.7" cy="0.6" rx="0.2" ry="0.1" fill="{HIDDEN}"' in front  # hide all: masked too
    assert '<rect x="0.1" y="0.1" width="0.3" height="0.3" fill="none"' in back and "Right atrium" in back
    assert "Anterior view" in front and "Anterior view" in back


def test_a_missing_image_is_said_not_a_crash(deck: Path) -> None:
    from quizmg.ui.media_view import occlusion_page

    (deck.parent / "media" / "heart.png").unlink()
    question = load_bank(deck).question("chambers")
    assert occlusion_page(question, 1, deck, reveal=False) is None


def test_the_figure_hides_only_what_the_card_asks() -> None:
    question = Occlusion.model_validate({
        "id": "q", "image": "![](a.png)", "shapes": [
            {"ordinal": 1, "shape": "polygon", "points": [[0, 0], [0.5, 0], [0.25, 0.5]]},
            {"ordinal": 2, "shape": "rect", "left": 0.5, "top": 0.5, "width": 0.2, "height": 0.2},
            {"ordinal": 3, "shape": "text", "left": 0.1, "top": 0.8, "text": "Aorta"},
        ],
    })
    one = figure(question, "a.png", asked=1)
    assert f'<polygon points="0,0 0.5,0 0.25,0.5" fill="{ASKED}"' in one
    assert "<rect" not in one  # hide one, guess one: region 2 is not drawn on card 1
    assert ">Aorta<" in one  # another region's text is shown
    three = figure(question, "a.png", asked=3)
    assert ">Aorta<" not in three and f'fill="{ASKED}"' in three  # the asked text is masked
    assert ">Aorta<" in figure(question, "a.png", asked=3, reveal=True)
    sheet = figure(question, "a.png", asked=None)
    assert sheet.count('class="qz-number"') == 3 and f'fill="{ASKED}"' not in sheet
    assert "What is under the red mask?" in card_page(question, "a.png", 1, reveal=False)


def test_the_worksheet_masks_every_region_and_the_key_uncovers_them(deck: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from quizmg.cli import cli

    out = tmp_path / "sheet.html"
    result = CliRunner().invoke(
        cli, ["export", "worksheet", str(deck), "-o", str(out), "--answer-key", "file", "--kinds", "occlusion"]
    )
    assert result.exit_code == 0, result.output
    sheet, key = out.read_text(), (tmp_path / "sheet-key.html").read_text()
    image = "data:image/png;base64,"
    assert sheet.count(image) == 2 and key.count(image) == 2  # the image travels inside the page
    chambers = sheet[sheet.index('data-id="chambers"'):sheet.index('data-id="valves"')]
    assert chambers.count('fill="#e4e4e4"') == 2  # both regions masked, numbered 1 and 2
    assert '>1</span>' in chambers and '>2</span>' in chambers
    assert chambers.count('<span class="line">') == 2 and "Name each numbered region." in chambers
    assert "Right atrium" not in sheet  # the answer is not on the sheet
    assert key.count('fill="none"') == 3  # uncovered: outlined only
    assert "(1) Right atrium; (2) the ellipse at the middle right (70% across, 60% down)" in key
