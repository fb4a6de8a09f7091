"""`quizmg cards`, and suspend / unsuspend / forget / reschedule on its searches, through CliRunner."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.cli.common import collection_path
from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.store import open_collection


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def cards_json(*words: str) -> list[dict]:  # type: ignore[type-arg]
    code, output = run("cards", *words, "--json")
    assert code == 0, output
    return json.loads(output)


def answer(key: str, *ratings: int) -> None:
    now = datetime.now(timezone.utc)
    with open_collection(collection_path(), now) as collection:
        for minutes, rating in enumerate(ratings):
            collection.record_answer(key, rating, now - timedelta(hours=1) + timedelta(minutes=10 * minutes))


@pytest.mark.parametrize("command", ["cards", "forget", "reschedule", "suspend", "unsuspend"])
def test_help_documents_the_search(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0 and "is:suspended" in output and "tag:NAME" in output


def test_table_and_json_list_every_card(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    code, output = run("cards", "sample")
    lines = output.splitlines()
    assert code == 0 and lines[0].split() == ["card", "state", "due", "ivl", "stab", "diff", "lapses", "prompt"]
    assert len(lines) == 1 + 23 + 1 and lines[-1] == "23 cards."
    objects = cards_json("sample")
    assert len(objects) == 23
    assert {"card", "state", "due", "interval_days", "stability", "difficulty", "lapses", "prompt",
            "tags", "mechanism", "kind"} <= set(objects[0])
    assert all(o["prompt"] for o in objects)


def test_filters_as_table_and_json(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    answer("sample/mcq-1/1", Rating.GOOD, Rating.GOOD, Rating.GOOD)  # in review
    answer("sample/tf-1/1", Rating.AGAIN)  # learning, due already
    assert [o["card"] for o in cards_json("is:review")] == ["sample/mcq-1/1"]
    assert [o["card"] for o in cards_json("is:due")] == ["sample/tf-1/1"]
    assert [o["card"] for o in cards_json("is:learning")] == ["sample/tf-1/1"]
    review = cards_json("is:review")[0]
    assert review["state"] == "review" and review["interval_days"] > 0 and review["stability"] > 0
    assert len(cards_json("is:new")) == 21
    assert {o["kind"] for o in cards_json("kind:mcq")} == {"mcq"}
    assert cards_json("tag:nothing-like-this") == []
    code, output = run("cards", "is:learning")
    assert "sample/tf-1/1" in output and "learning" in output and output.endswith("1 card.\n")
    code, output = run("cards", "is:buried")
    assert code == 0 and output == "No card matches.\n"
    code, output = run("cards", "--sort", "stability", "--reverse", "--limit", "1")
    assert "sample/mcq-1/1" in output.splitlines()[1]


def test_bad_searches_are_one_line_errors(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    code, output = run("cards", "flag:red")
    assert code == 1 and "unknown search field 'flag:'" in output
    code, output = run("suspend", "sample/nothing")
    assert code == 1 and "no card 'sample/nothing'" in output


def test_suspend_by_question_id_and_by_search(sample_deck: Path) -> None:
    """Seen: `quizmg unsuspend magnesium/nmda-block.cloze` said "no card" (it needed /1)."""
    run("add", str(sample_deck))
    assert run("suspend", "sample/tf-1") == (0, "Suspended 1 card: sample/tf-1/1.\n")
    assert [o["card"] for o in cards_json("is:suspended")] == ["sample/tf-1/1"]
    assert run("unsuspend", "sample/tf-1") == (0, "Unsuspended 1 card: sample/tf-1/1.\n")
    code, output = run("suspend", "sample", "kind:mcq")
    count = len(cards_json("kind:mcq"))
    assert code == 0 and output.startswith(f"Suspended {count} cards")
    assert len(cards_json("is:suspended")) == count
    code, output = run("unsuspend", "is:suspended")
    assert code == 0 and output.startswith(f"Unsuspended {count} cards")


def test_forget_and_reschedule(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    answer("sample/mcq-1/1", Rating.GOOD, Rating.GOOD, Rating.GOOD)
    code, output = run("reschedule", "7", "sample/mcq-1")
    assert code == 0 and output.startswith("Rescheduled 1 card: sample/mcq-1/1, due ")
    due = datetime.fromisoformat(cards_json("sample/mcq-1")[0]["due"])
    assert timedelta(days=6) < due - datetime.now(timezone.utc) < timedelta(days=8)
    code, output = run("reschedule", "3-5", "sample/tf-1")
    assert code == 0 and "1 new card left new" in output
    code, output = run("reschedule", "yesterday", "sample/tf-1")
    assert code == 2 and "give days from today" in output
    assert run("forget", "is:review") == (0, "Reset to new 1 card: sample/mcq-1/1.\n")
    assert cards_json("sample/mcq-1")[0]["state"] == "new"
    code, output = run("doctor")
    assert code == 0 and "matches its review log" in output
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        assert len(collection.reviews()) == 3  # history kept
        assert collection.card("sample/mcq-1/1").state.phase is CardPhase.NEW


def test_json_shows_the_same_window_as_the_table_and_says_when_more_matched(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    result = CliRunner().invoke(cli, ["cards", "sample", "--json", "--limit", "5"])
    assert result.exit_code == 0 and len(json.loads(result.stdout)) == 5
    assert result.stderr == "The first 5 of 23 cards: --limit N or --all for more.\n"
    result = CliRunner().invoke(cli, ["cards", "sample", "--json", "--all"])
    assert len(json.loads(result.stdout)) == 23 and result.stderr == ""


def test_a_built_in_deck_not_yet_added_says_how_to_add_it() -> None:
    code, output = run("cards", "magnesium")
    assert code == 1 and "not in your collection yet: add it with `quizmg add magnesium`" in output


def test_a_deck_file_is_named_by_its_path(sample_deck: Path, tmp_path: Path) -> None:
    """`quizmg cards PATH` lists the cards of the deck file added from PATH (before, it answered
    "no card 'PATH' in the collection"); a file not added yet says how to add it."""
    code, output = run("cards", str(sample_deck))
    assert code == 1 and f"not in your collection yet: add it with `quizmg add {sample_deck}`" in output
    run("add", str(sample_deck))
    by_path = cards_json(str(sample_deck), "--all")
    assert [card["card"] for card in by_path] == [card["card"] for card in cards_json("sample", "--all")]
    assert len(by_path) == 23
    other = tmp_path / "elsewhere" / sample_deck.name
    other.parent.mkdir()
    other.write_text(sample_deck.read_text())
    code, output = run("cards", str(other))
    assert code == 1 and "not in your collection yet" in output
    code, output = run("cards", str(tmp_path / "missing.yaml"))
    assert code == 1 and f"{tmp_path / 'missing.yaml'}: no such deck file" in output
