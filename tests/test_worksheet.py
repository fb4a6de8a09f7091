"""Worksheets: every question printed, the key matching the shuffled sheet, seeds, the CLI."""

from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.formats.worksheet import build_worksheet, select_questions
from quizmg.model import MultipleChoice


class Sheet(HTMLParser):
    """The questions (id, kind, text) and key entries (id, text) found in a worksheet."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.questions: list[dict[str, str]] = []
        self.key: dict[str, str] = {}
        self.why: dict[str, str] = {}
        self._in_why = False
        self.choices: dict[str, list[str]] = {}
        self._stack: list[tuple[str, dict[str, str]]] = []
        self._current: dict[str, str] | None = None
        self._key_id: str | None = None
        self._in_choice = False
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "li" and "data-kind" in found:
            self._current = {"id": found["data-id"], "kind": found["data-kind"], "text": ""}
            self.questions.append(self._current)
        elif tag == "li" and "data-id" in found:
            self._key_id = found["data-id"]
            self.key[self._key_id] = ""
        elif tag == "span" and found.get("class") == "why" and self._key_id is not None:
            self._in_why = True
        elif tag == "ul" and found.get("class") == "choices" and self._current:
            self.choices[self._current["id"]] = []
        elif tag == "li" and self._current and self._current["id"] in self.choices:
            self.choices[self._current["id"]].append("")
            self._in_choice = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "ol":
            self._current = None
            self._key_id = None
        if tag == "li":
            self._in_choice = False
        if tag == "span":
            self._in_why = False

    def handle_data(self, data: str) -> None:
        if self._key_id is not None and self._in_why:
            self.why[self._key_id] = self.why.get(self._key_id, "") + data
        elif self._key_id is not None:
            self.key[self._key_id] += data
        elif self._current is not None:
            self._current["text"] += data
            if self._in_choice:
                choices = self.choices[self._current["id"]]
                choices[-1] += data


def test_every_question_is_printed_and_the_key_matches(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    sheet = build_worksheet(bank.deck.title, bank.questions, seed=7, answer_key="page")
    parsed = Sheet(sheet.sheet)
    assert [q["id"] for q in parsed.questions] == [q.id for q in bank.questions]
    assert set(parsed.key) == {q.id for q in bank.questions}
    for question in bank.questions:
        printed = next(q for q in parsed.questions if q["id"] == question.id)
        assert printed["kind"] == question.kind  # type: ignore[attr-defined]
        if isinstance(question, MultipleChoice):
            # The key's letter points at the right choice as it was printed, after shuffling.
            letters = parsed.key[question.id or ""].split(";")
            for entry in letters:
                letter, text = entry.strip().split(". ", 1)
                printed_choice = parsed.choices[question.id or ""]["ABCDEFGH".index(letter)]
                assert printed_choice.strip() == f"{letter} {text}"
                assert any(c.correct and c.text == text for c in question.choices)
        else:
            assert parsed.key[question.id or ""].strip()
        assert parsed.why.get(question.id or "", "") == question.explanation
    assert 'section class="key"' in sheet.sheet and "break-before: page" in sheet.sheet


def test_same_seed_same_sheet_other_seed_other_order(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    one = build_worksheet("T", bank.questions, seed=1).sheet
    assert one == build_worksheet("T", bank.questions, seed=1).sheet
    assert any(build_worksheet("T", bank.questions, seed=s).sheet != one for s in range(2, 6))


def test_selection_by_count_and_kind(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    five = select_questions(bank.questions, count=5, seed=3)
    assert len(five) == 5 and five == select_questions(bank.questions, count=5, seed=3)
    order = [q.id for q in bank.questions]
    assert [order.index(q.id) for q in five] == sorted(order.index(q.id) for q in five)
    only = select_questions(bank.questions, kinds=["mcq", "truefalse"])
    assert only and {q.kind for q in only} == {"mcq", "truefalse"}  # type: ignore[attr-defined]


def test_deck_text_is_escaped() -> None:
    from quizmg.model import Basic

    question = Basic(id="x", prompt="Is <script>alert(1)</script> & safe? 2 < 3", answer="<b>no</b>")
    html = build_worksheet("<T>", [question], answer_key="page").sheet
    # Imported HTML is read as what it shows (never printed as tags); a script is dropped whole.
    assert "<script" not in html and "script&gt;" not in html and "alert" not in html
    assert "Is  &amp; safe? 2 &lt; 3" in html and "<strong>no</strong>" in html


def test_cli_writes_sheet_and_separate_key(tmp_path: Path, sample_deck: Path) -> None:
    out = tmp_path / "sheet.html"
    result = CliRunner().invoke(
        cli,
        ["export", "worksheet", str(sample_deck), "-o", str(out), "--answer-key", "file",
         "-n", "4", "--kinds", "mcq,truefalse,cloze", "--seed", "5", "--paper", "letter"],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    key = tmp_path / "sheet-key.html"
    assert f"Wrote a worksheet of 4 questions to {out}." in result.output
    assert f"Wrote the answer key to {key}." in result.output
    sheet, answers = Sheet(out.read_text()), Sheet(key.read_text())
    assert len(sheet.questions) == 4 and not sheet.key
    assert {q["kind"] for q in sheet.questions} <= {"mcq", "truefalse", "cloze"}
    assert set(answers.key) == {q["id"] for q in sheet.questions}
    assert "size: letter" in out.read_text()


def test_cli_rejects_unknown_kinds_and_key_file_without_output(sample_deck: Path) -> None:
    runner = CliRunner()
    bad = runner.invoke(cli, ["export", "worksheet", str(sample_deck), "--kinds", "essay"])
    assert bad.exit_code == 2 and "unknown kind 'essay'" in bad.output
    nokey = runner.invoke(cli, ["export", "worksheet", str(sample_deck), "--answer-key", "file"])
    assert nokey.exit_code == 2 and "needs -o" in nokey.output


def test_chromium_prints_it_to_pdf(tmp_path: Path, sample_deck: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        pytest.skip("chromium is not installed")
    bank = load_bank(sample_deck)
    page = tmp_path / "sheet.html"
    page.write_text(build_worksheet(bank.deck.title, bank.questions, answer_key="page").sheet)
    pdf = tmp_path / "sheet.pdf"
    subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={tmp_path / 'profile'}", "--no-pdf-header-footer",
         f"--print-to-pdf={pdf}", page.as_uri()],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    # The sample's 21 questions fill more than one page, and the key starts a page of its own.
    pages = re.findall(rb"/Type\s*/Page[^s]", data)
    assert len(pages) >= 3


def test_answer_space_by_kind_lines_marks_and_total() -> None:
    from quizmg.model import Basic, Choice, MultipleChoice, Short

    long_answer = "The sinoatrial node sets the pace of the heart; it fires on its own, about seventy times a minute."
    questions = [
        Short(id="s", prompt="One word?", answer="node"),
        Basic(id="b", prompt="Explain the pacemaker.", answer=long_answer, marks=4),
        Basic(id="c", prompt="Essay on the heart.", answer="x", lines=10, marks=6),
        MultipleChoice(id="m", prompt="Pick", choices=[Choice(text="**yes**", correct=True), Choice(text="no")]),
    ]
    sheet = build_worksheet("Heart", questions).sheet
    blocks = {qid: block for qid, block in re.findall(r'data-id="(\w)"[^>]*>(.*?)</li>\n', sheet)}
    assert blocks["s"].count('class="line"') == 1
    assert blocks["b"].count('class="line"') == 3  # a long answer gets room to write it
    assert blocks["c"].count('class="line"') == 10  # `lines:` wins
    assert "[4 marks]" in blocks["b"] and "[6 marks]" in blocks["c"] and "[1 mark]" in blocks["s"]
    assert "Total: 12 marks" in sheet
    assert "<strong>yes</strong>" in blocks["m"] and "**" not in sheet


def test_match_with_shared_answers_and_a_distractor_lists_each_right_item_once() -> None:
    from quizmg.model import Match, Pair

    question = Match(
        id="m",
        prompt="Colours",
        pairs=[
            Pair(left="Red", right="Primary"),
            Pair(left="Blue", right="Primary"),
            Pair(left="Green", right="Secondary"),
        ],
        distractors=["Tertiary"],
    )
    sheet = build_worksheet("C", [question], answer_key="page").sheet
    assert sheet.count("Primary</li>") == 1 and "Tertiary" in sheet


def test_lines_and_marks_in_the_markdown_form() -> None:
    from quizmg.formats.markdown_deck import parse_markdown_deck

    deck = parse_markdown_deck("---\nid: d\ntitle: D\n---\nQ: Explain.\nA: Because.\nlines: 6\nmarks: 3\n", "d.md")[0]
    assert (deck.questions[0].lines, deck.questions[0].marks) == (6, 3)


def test_imported_html_prints_as_text_not_tags() -> None:
    """A GIFT question written in HTML shows its words on the sheet, not `<b>…</b>`."""
    from quizmg.formats.gift import read_gift

    deck = read_gift("::Sky::[html]<p>The sky is <b>blue</b> &amp; wide.</p>{=blue ~red}\n", "sky.gift").deck
    sheet = build_worksheet("Sky", list(deck.questions)).sheet
    assert '<p class="prompt">The sky is blue &amp; wide.</p>' in sheet


def test_images_are_carried_in_the_sheet_itself(tmp_path: Path) -> None:
    """A deck's images print on the sheet and its key wherever the sheet is written (as data:
    addresses, before they were paths relative to the deck that broke elsewhere); one missing or
    outside the deck's folder is named in a warning and left out (its alt text shows)."""
    import base64

    folder = tmp_path / "deck"
    (folder / "media").mkdir(parents=True)
    pixel = base64.b64decode(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
    )
    (folder / "media" / "cell.png").write_bytes(pixel)
    (tmp_path / "secret.png").write_bytes(pixel)
    (folder / "deck.yaml").write_text(
        "id: pictures\ntitle: Pictures\nquestions:\n"
        "  - {id: seen, kind: short, prompt: 'Name this part. ![a cell](media/cell.png)', answer: nucleus,\n"
        "     explanation: 'Compare ![the key picture](media/cell.png)'}\n"
        "  - {id: gone, kind: short, prompt: 'And this? ![lost](media/none.png)', answer: wall}\n"
        "  - {id: away, kind: short, prompt: 'And this? ![outside](../secret.png)', answer: wall}\n"
    )
    out = tmp_path / "elsewhere" / "sheet.html"
    out.parent.mkdir()
    result = CliRunner().invoke(cli, ["export", "worksheet", str(folder / "deck.yaml"), "-o", str(out), "--answer-key"])
    assert result.exit_code == 0, result.output
    page = out.read_text()
    embedded = "data:image/png;base64," + base64.b64encode(pixel).decode("ascii")
    assert page.count(f'<img src="{embedded}" alt="a cell"') == 1
    assert f'<img src="{embedded}" alt="the key picture"' in page  # the key, on its last page
    assert '<img src="" alt="lost"' in page and '<img src="" alt="outside"' in page
    assert "media/none.png" in result.stderr and "no such file" in result.stderr
    assert "secret.png" in result.stderr and "outside" in result.stderr
    assert "../secret.png" not in page.replace('alt="outside"', "")
