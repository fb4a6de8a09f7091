"""Every malformed deck gets one clear message naming file, line and field: exit 1, no traceback."""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.errors import DeckError
from quizmg.formats.yaml_deck import load_yaml_deck

GOOD_HEAD = "id: d\ntitle: T\nquestions:\n"


def run_check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(path)])
    return result.exit_code, result.output


def write(tmp_path: Path, text: str | bytes, name: str = "deck.yaml") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("id: d\ntitle: [unclosed\n", 3, "YAML syntax error"),
        ("id: d\ntitle: T\n  bad: indent\n", 3, "YAML syntax error"),
        (GOOD_HEAD + "  - id: q1\n    kind: basic\n    prompt: 5\n    answer: A\n", 6, "prompt"),
        (GOOD_HEAD + "  - id: q1\n    kind: essay\n    prompt: P\n", 5, "unknown kind 'essay'"),
        (GOOD_HEAD + "  - id: q1\n    kind: basic\n    prompt: P\n", 4, "answer: this field is required"),
        (GOOD_HEAD + "  - id: q1\n    prompt: P\n", 4, "needs a `kind:`"),
        (
            GOOD_HEAD + "  - {id: q1, kind: basic, prompt: P, answer: A}\n"
            "  - {id: q1, kind: basic, prompt: R, answer: B}\n",
            5,
            "duplicate id",
        ),
        (GOOD_HEAD + "  - id: q1\n    kind: truefalse\n    statement: S\n    answer: maybe\n", 7, "boolean"),
        (
            GOOD_HEAD + "  - id: q1\n    kind: mcq\n    prompt: P\n    choices:\n      - text: a\n      - text: b\n",
            4,
            "mark at least one choice",
        ),
        ("id: d\ntitle: T\ntitle: U\n", 3, "appears twice"),
        ("id: Bad Id\ntitle: T\n", 1, "id"),
        ("- just\n- a list\n", 1, "must be a mapping"),
    ],
)
def test_malformed_deck_names_file_line_and_field(tmp_path: Path, text: str, line: int, words: str) -> None:
    path = write(tmp_path, text)
    code, output = run_check(path)
    assert code == 1
    assert f"{path}:{line}" in output, output
    assert words in output
    assert "Traceback" not in output


def test_field_and_question_are_named(tmp_path: Path) -> None:
    path = write(tmp_path, GOOD_HEAD + "  - id: q7\n    kind: numeric\n    prompt: P\n    answer: lots\n")
    code, output = run_check(path)
    assert code == 1
    assert "q7 questions.0.answer" in output


def test_every_problem_is_reported_at_once(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD_HEAD + "  - {id: a, kind: basic, prompt: P}\n  - {id: b, kind: basic, answer: A}\n",
    )
    with pytest.raises(DeckError) as info:
        load_yaml_deck(path)
    assert len(info.value.problems) == 2


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("", "the file is empty"),
        ("   \n\n", "the file is empty"),
        (b"id: d\ntitle: caf\xe9\n", "not valid UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ],
)
def test_unreadable_content(tmp_path: Path, content: str | bytes, words: str) -> None:
    code, output = run_check(write(tmp_path, content))
    assert code == 1 and words in output and "Traceback" not in output


def test_invalid_utf8_names_its_line(tmp_path: Path) -> None:
    path = write(tmp_path, b"id: d\ntitle: T\ndescription: caf\xe9\n")
    assert f"{path}:3" in run_check(path)[1]


def test_utf16_with_bom_and_utf8_bom_are_read(tmp_path: Path) -> None:
    text = "id: d\ntitle: Caf\u00e9\n"
    for name, data in [
        ("a.yaml", text.encode("utf-16")),
        ("b.yaml", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("c.yaml", text.replace("\n", "\r\n").encode("utf-8")),
    ]:
        deck, _ = load_yaml_deck(write(tmp_path, data, name))
        assert deck.title == "Caf\u00e9"


def test_missing_path_and_directory(tmp_path: Path) -> None:
    code, output = run_check(tmp_path / "nowhere.yaml")
    assert code == 1 and "no such file" in output
    folder = tmp_path / "folder.yaml"
    folder.mkdir()
    code, output = run_check(folder)
    assert code == 1 and "folder, not a file" in output


def test_unknown_deck_name_is_a_clear_error() -> None:
    result = CliRunner().invoke(cli, ["show", "no-such-deck"])
    assert result.exit_code == 1
    assert "no deck called 'no-such-deck'" in result.output and "magnesium" in result.output


def test_unknown_extension(tmp_path: Path) -> None:
    code, output = run_check(write(tmp_path, "id: d", "deck.json"))
    assert code == 1 and "unknown deck file type '.json'" in output


def test_alias_bomb_is_refused_quickly_and_cheaply(tmp_path: Path) -> None:
    lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]']
    for level in range(1, 10):
        prev = chr(ord("a") + level - 1)
        name = chr(ord("a") + level)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    path = write(tmp_path, "\n".join(lines) + "\n")
    tracemalloc.start()
    started = time.perf_counter()
    code, output = run_check(path)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1 and "aliases" in output and f"{path}:2" in output
    # Generous bounds: expanded, this document would hold 9**10 strings.
    assert elapsed < 5 and peak < 50_000_000


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "id: d\ntitle: T\ndescription: " + "[" * 5000 + "]" * 5000 + "\n")
    code, output = run_check(path)
    assert code == 1 and "nest" in output and "Traceback" not in output


def test_huge_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as handle:
        handle.write(GOOD_HEAD.encode())
        chunk = b"  - {kind: basic, prompt: P, answer: A}\n" * 25_000
        while handle.tell() < 50_000_000:
            handle.write(chunk)
    tracemalloc.start()
    started = time.perf_counter()
    code, output = run_check(path)
    elapsed = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert code == 1 and "MB" in output and "Split it" in output
    assert elapsed < 5 and peak < 20_000_000


def test_python_tags_are_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "id: d\ntitle: !!python/object/apply:os.system ['echo hi']\n")
    code, output = run_check(path)
    assert code == 1 and f"{path}:2" in output and "Traceback" not in output


def test_debug_variable_lets_the_traceback_through(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("QUIZMG_DEBUG", "1")
    result = CliRunner().invoke(cli, ["show", str(tmp_path / "missing.yaml")])
    assert result.exit_code == 1
    assert isinstance(result.exception, DeckError)


def test_yes_and_no_stay_text_as_in_yaml_1_2(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        GOOD_HEAD + "  - id: q\n    kind: mcq\n    prompt: Is it?\n    choices:\n"
        "      - {text: Yes, correct: true}\n      - {text: No}\n      - {text: off}\n"
        "  - {id: t, kind: truefalse, statement: S, answer: false}\n",
    )
    deck, _ = load_yaml_deck(path)
    assert [c.text for c in deck.questions[0].choices] == ["Yes", "No", "off"]
    assert deck.questions[1].answer is False


def test_loading_pauses_the_collector_and_restores_it(sample_deck: Path) -> None:
    import gc

    from quizmg.bank import load_bank
    from quizmg.formats.text import collector_paused

    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled(), "a caller's own gc.disable() must survive"
    finally:
        gc.enable()
    load_bank(sample_deck)
    assert gc.isenabled()
    with pytest.raises(DeckError):
        load_bank(sample_deck.with_name("missing.yaml"))
    assert gc.isenabled()
