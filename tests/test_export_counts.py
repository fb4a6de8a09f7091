"""Every exporter says how many questions it wrote, and which it left out and why, in one line each;
the counts are checked against the written file itself (read back by quizmg's own readers)."""

from __future__ import annotations

import csv
import io
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.formats.aiken import read_aiken
from quizmg.formats.gift import read_gift
from quizmg.formats.moodle_xml import read_moodle_xml

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005000201e2f2b3b80000000049454e44ae426082"
)

DECK = """\
id: mixed
title: Mixed kinds
questions:
  - id: b1
    kind: basic
    prompt: What pumps blood?
    answer: The heart
  - id: m1
    kind: mcq
    prompt: Which chamber pumps blood to the body?
    choices: [{text: Left ventricle, correct: true}, {text: Right atrium}, {text: Left atrium}]
  - id: m2
    kind: mcq
    prompt: Which are chambers of the heart?
    choices: [{text: Left ventricle, correct: true}, {text: Right atrium, correct: true}, {text: Aorta}]
  - id: t1
    kind: truefalse
    statement: The heart has four chambers.
    answer: true
  - id: c1
    kind: cloze
    text: The {{c1::aorta}} carries blood away from the heart.
  - id: o1
    kind: occlusion
    image: '![](media/heart.png)'
    shapes:
      - {ordinal: 1, shape: rect, left: 0.1, top: 0.1, width: 0.3, height: 0.3, label: Right atrium}
  - id: o2
    kind: occlusion
    image: '![](media/heart.png)'
    shapes:
      - {ordinal: 1, shape: rect, left: 0.5, top: 0.5, width: 0.3, height: 0.3, label: Left ventricle}
"""


@pytest.fixture()
def deck(tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(PNG)
    path = tmp_path / "mixed.yaml"
    path.write_text(DECK)
    return path


def _export(fmt: str, deck: Path, out: Path) -> tuple[str, str]:
    result = CliRunner().invoke(cli, ["export", fmt, str(deck), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def _questions_in(fmt: str, out: Path) -> int:
    """How many quizmg questions the written file holds, read back."""
    if fmt == "gift":
        return len(read_gift(out.read_text()).deck.questions)
    if fmt == "moodle-xml":
        return len(read_moodle_xml(out.read_text()).deck.questions)
    if fmt == "aiken":
        return len(read_aiken(out.read_text()).deck.questions)
    if fmt == "csv":
        return len(list(csv.reader(io.StringIO(out.read_text())))) - 1  # the header row
    with zipfile.ZipFile(out) as archive:
        names = [n for n in archive.namelist() if n.endswith(".xml") and "manifest" not in n and "meta" not in n]
        xml = archive.read(names[0])
    return xml.count(b"<item ")


OCCLUSION_LEFT_OUT = "Left out 2 questions: Image Occlusion questions have no {form} form (o1, o2)."


@pytest.mark.parametrize(
    ("fmt", "suffix", "what", "left_out"),
    [
        ("gift", ".gift", "as GIFT", OCCLUSION_LEFT_OUT.format(form="GIFT")),
        ("moodle-xml", ".xml", "as Moodle XML", OCCLUSION_LEFT_OUT.format(form="Moodle XML")),
        ("qti", ".zip", "as a Canvas QTI zip", OCCLUSION_LEFT_OUT.format(form="QTI")),
        ("csv", ".csv", "as CSV", OCCLUSION_LEFT_OUT.format(form="term-and-answer")),
    ],
)
def test_the_count_is_what_was_written_and_what_was_left_out_is_named(
    deck: Path, tmp_path: Path, fmt: str, suffix: str, what: str, left_out: str
) -> None:
    out = tmp_path / f"out{suffix}"
    stdout, stderr = _export(fmt, deck, out)
    assert f"Wrote 5 of 7 questions {what} to {out}." in stdout.splitlines()
    assert left_out in stderr.splitlines(), stderr
    assert "o1" not in stderr.replace(left_out, "")  # said once, in that line
    assert _questions_in(fmt, out) == 5


def test_aiken_names_every_question_it_has_no_form_for(deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    stdout, stderr = _export("aiken", deck, out)
    assert f"Wrote 2 of 7 questions as Aiken to {out}." in stdout.splitlines()
    assert (
        "Left out 5 questions: Aiken holds only one-answer multiple-choice and true/false questions "
        "(b1, m2, c1, o1, o2)."
    ) in stderr.splitlines()
    assert _questions_in("aiken", out) == 2


def test_nothing_left_out_says_so_plainly(tmp_path: Path) -> None:
    deck = tmp_path / "plain.yaml"
    deck.write_text(DECK.split("  - id: o1")[0])
    for fmt, suffix in (("gift", ".gift"), ("moodle-xml", ".xml"), ("qti", ".zip"), ("csv", ".csv")):
        out = tmp_path / f"plain{suffix}"
        stdout, stderr = _export(fmt, deck, out)
        assert stdout.startswith("Wrote 5 questions as "), stdout
        assert "Left out" not in stderr
        assert _questions_in(fmt, out) == 5


def test_many_left_out_questions_are_one_line(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(PNG)
    occlusions = "".join(
        f"  - id: o{n}\n    kind: occlusion\n    image: '![](media/heart.png)'\n"
        f"    shapes: [{{ordinal: 1, shape: rect, left: 0.1, top: 0.1, width: 0.2, height: 0.2}}]\n"
        for n in range(1, 9)
    )
    deck = tmp_path / "many.yaml"
    deck.write_text(DECK.split("  - id: o1")[0] + occlusions)
    out = tmp_path / "many.gift"
    stdout, stderr = _export("gift", deck, out)
    assert f"Wrote 5 of 13 questions as GIFT to {out}." in stdout
    lines = stderr.splitlines()
    assert "Left out 8 questions: Image Occlusion questions have no GIFT form (o1, o2, o3, o4, o5 and 3 more)." in lines
    assert not [line for line in lines if "occlusion" in line.casefold() and not line.startswith("Left out")]


def test_a_deck_with_nothing_the_format_can_hold_is_an_error_and_no_file(tmp_path: Path) -> None:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(PNG)
    deck = tmp_path / "only.yaml"
    deck.write_text("id: only\ntitle: Only masks\nquestions:\n  - id: o1" + DECK.split("  - id: o1")[1])
    formats = (
        ("gift", "GIFT"), ("moodle-xml", "Moodle XML"), ("qti", "a Canvas QTI zip"), ("csv", "CSV"), ("aiken", "Aiken"),
    )
    for fmt, form in formats:
        out = tmp_path / f"only.{fmt}"
        result = CliRunner().invoke(cli, ["export", fmt, str(deck), "-o", str(out)])
        assert result.exit_code == 1, result.output
        assert f"none of the deck's 2 question(s) can be written as {form}" in result.stderr
        assert "Traceback" not in result.output
        assert not out.exists()
