"""The collection's commands through click's CliRunner: exit codes and output, errors included."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.cli.common import collection_path
from quizmg.store import list_backups, open_collection

COMMANDS = ["add", "due", "config", "undo", "suspend", "unsuspend", "backup", "restore", "doctor",
            "optimize"]


def run(*args: str) -> tuple[int, str]:
    """Run `quizmg ARGS`; exit code and output (stderr mixed in)."""
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def now() -> datetime:
    return datetime.now(timezone.utc)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    code, output = run(command, "--help")
    assert code == 0 and "Usage: " in output and len(output.splitlines()) > 3


def test_add_registers_then_reports_up_to_date(sample_deck: Path) -> None:
    code, output = run("add", str(sample_deck))
    assert code == 0
    assert "Added deck 'sample' (Sample deck): 21 questions, 23 cards, all new." in output
    assert "Next: quizmg study sample" in output
    code, output = run("add", str(sample_deck))
    assert code == 0 and "already in your collection and up to date" in output
    assert collection_path().name == "collection.sqlite3"


def test_add_an_edited_deck_reports_what_changed(tmp_path: Path, sample_deck: Path) -> None:
    deck = tmp_path / "sample.yaml"
    deck.write_text(sample_deck.read_text(encoding="utf-8"), encoding="utf-8")
    run("add", str(deck))
    text = deck.read_text(encoding="utf-8").replace("id: tf-1", "id: tf-renamed")
    deck.write_text(text, encoding="utf-8")
    code, output = run("add", str(deck))
    assert code == 0
    assert "1 new card, 22 kept with their progress, 1 retired" in output  # not "1 new cards"


def test_add_a_broken_deck_names_file_and_line(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: broken\ntitle: Broken\nquestions:\n  - kind: basic\n    prompt: [\n",
                      encoding="utf-8")
    code, output = run("add", str(broken))
    assert code == 1
    assert output.startswith("Error: ") and "broken.yaml:" in output
    assert not collection_path().exists() or "broken" not in run("due", "--json")[1]


def test_due_counts_text_and_json(sample_deck: Path) -> None:
    # On a new home the built-in deck counts at once, as on the dashboard and in `decks`.
    code, output = run("due")
    assert code == 0 and "magnesium: 0 learning, 0 review, 20 new" in output
    assert "Due now: 20 (0 learning, 0 review, 20 new)." in output
    _, dashboard = run()
    assert "Today: 0 answered, 0 due, 20 new." in dashboard
    run("add", str(sample_deck))
    code, output = run("due")
    assert code == 0
    assert "sample: 0 learning, 0 review, 20 new" in output
    assert "Due now: 40 (0 learning, 0 review, 40 new). Next due: nothing scheduled." in output
    from quizmg.scheduling.days import study_day

    answered = now() - timedelta(minutes=11)
    with open_collection(collection_path(), now()) as collection:
        collection.record_answer("sample/basic-1/1", 3, answered)
        settings = collection.settings()
    code, output = run("due", "sample", "--json")
    assert code == 0
    counts = json.loads(output)
    # In the 11 minutes after the day's rollover the answer counts for yesterday's new cards.
    new_today = 19 if study_day(answered, settings) == study_day(now(), settings) else 20
    assert (counts["learning"], counts["review"], counts["new"]) == (1, 0, new_today)
    assert counts["decks"]["sample"]["total"] == 1 + new_today
    code, output = run("due", "nonexistent")
    assert code == 1 and "no deck called 'nonexistent'" in output


def test_config_lists_reads_sets_and_validates(sample_deck: Path) -> None:
    code, output = run("config")
    assert code == 0 and "desired_retention = 0.9  (default)" in output
    code, output = run("config", "desired_retention", "0.85")
    assert code == 0 and output.strip() == "desired_retention = 0.85"
    assert run("config", "desired_retention") == (0, "0.85\n")
    code, output = run("config", "learning_steps", "[2, 15]")
    assert code == 0 and "[2.0, 15.0]" in output
    code, output = run("config", "desired_retention", "1.5")
    assert code == 1 and "desired_retention" in output and "0.99" in output
    code, output = run("config", "colour", "blue")
    assert code == 1 and "is not a setting" in output
    run("add", str(sample_deck))
    code, output = run("config", "new_per_day", "5", "--deck", "sample")
    assert code == 0 and "new_per_day = 5 (deck sample)" in output
    code, output = run("config", "--deck", "sample")
    assert "new_per_day = 5  (deck)" in output and "desired_retention = 0.85  (global)" in output
    assert "5 new" in run("due")[1]
    code, output = run("config", "new_per_day", "--unset", "--deck", "sample")
    assert code == 0 and "Removed new_per_day for deck sample." in output
    code, output = run("config", "new_per_day", "3", "--deck", "missing")
    assert code == 1 and "deck 'missing' is not in the collection" in output


def test_undo_takes_back_the_last_answer(sample_deck: Path) -> None:
    assert run("undo") == (0, "Nothing to undo.\n")
    run("add", str(sample_deck))
    with open_collection(collection_path(), now()) as collection:
        collection.record_answer("sample/mcq-1/1", 4, now())
    code, output = run("undo")
    assert code == 0 and output.startswith("Undid Easy (study) on sample/mcq-1/1")
    with open_collection(collection_path(), now()) as collection:
        assert collection.card("sample/mcq-1/1").state.reps == 0
        assert [r.undone for r in collection.reviews(include_undone=True)] == [True]


def test_suspend_and_unsuspend(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    assert run("suspend", "sample/tf-1/1") == (0, "Suspended 1 card: sample/tf-1/1.\n")
    assert "19 new" in run("due")[1] or "20 new" in run("due")[1]
    assert run("unsuspend", "sample/tf-1/1") == (0, "Unsuspended 1 card: sample/tf-1/1.\n")
    code, output = run("suspend", "sample/none/1")
    assert code == 1 and "no card 'sample/none/1'" in output


def test_backup_list_and_restore(sample_deck: Path) -> None:
    code, output = run("restore")
    assert code == 1 and "no backups" in output
    run("add", str(sample_deck))
    code, output = run("backup")
    assert code == 0 and output.startswith("Backed up to ") and "-manual.sqlite3" in output
    with open_collection(collection_path(), now()) as collection:
        collection.record_answer("sample/tf-1/1", 3, now())
    code, output = run("restore")
    assert code == 0 and "Restored " in output and "before-restore" in output
    with open_collection(collection_path(), now()) as collection:
        assert collection.reviews() == []
    code, output = run("backup", "--list")
    assert code == 0 and "(manual," in output and "(before-restore," in output
    assert [b.reason for b in list_backups(collection_path())] == ["manual", "before-restore"]


def test_restore_refuses_a_file_that_is_not_a_collection(tmp_path: Path, sample_deck: Path) -> None:
    run("add", str(sample_deck))
    junk = tmp_path / "junk.sqlite3"
    junk.write_text("hello", encoding="utf-8")
    code, output = run("restore", str(junk))
    assert code == 1 and "nothing was restored" in output
    assert "sample" in run("due")[1]


def test_doctor_finds_a_stale_cache_and_rebuild_restores_it(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    start = now() - timedelta(days=20)
    with open_collection(collection_path(), now()) as collection:
        for day in range(0, 20, 4):
            for card in collection.cards()[:6]:
                collection.record_answer(card.key, 3, start + timedelta(days=day))
        expected = {c.key: c.state for c in collection.cards()}
    code, output = run("doctor")
    assert code == 0 and "Integrity check: ok" in output
    assert "23 cards, 30 scheduling reviews replayed." in output
    assert "Every card's state matches its review log." in output

    with open_collection(collection_path(), now()) as collection:
        collection.connection.execute("UPDATE cards SET stability = 99.0 WHERE reps > 0")
    code, output = run("doctor")
    assert code == 1 and "6 cards differ from the review log" in output
    code, output = run("doctor", "--rebuild")
    assert code == 0 and "Rebuilt 6 cards from the review log." in output
    with open_collection(collection_path(), now()) as collection:
        assert {c.key: c.state for c in collection.cards()} == expected


def test_optimize_with_too_little_history_says_how_much_more(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    code, output = run("optimize")
    assert code == 0 and "Not enough history yet" in output and "more reviews" in output


def test_optimize_fits_reports_and_reschedules(tmp_path: Path) -> None:
    deck = tmp_path / "drill.yaml"
    lines = ["id: drill", "title: Drill", "questions:"]
    for index in range(80):
        lines += [f"  - id: q{index}", "    kind: basic", f"    prompt: Question {index}?",
                  f"    answer: Answer {index}"]
    deck.write_text("\n".join(lines) + "\n", encoding="utf-8")
    run("add", str(deck))
    chance = random.Random(3)
    start = now() - timedelta(days=200)
    with open_collection(collection_path(), now()) as collection:
        for card in collection.cards():
            moment = start + timedelta(hours=chance.randrange(48))
            for _ in range(8):
                # A learner who forgets more the longer the gap: something for the fit to find.
                gap = chance.choice([1, 2, 4, 8, 16])
                moment += timedelta(days=gap)
                rating = 1 if chance.random() < gap / 40 else chance.choice([2, 3, 3, 4])
                collection.record_answer(card.key, rating, moment)
    code, output = run("optimize")
    assert code == 0, output
    assert "log loss" in output and "RMSE(bins)" in output
    assert "current" in output and "optimized" in output
    with open_collection(collection_path(), now()) as collection:
        parameters = collection.settings().parameters
        if "Adopted" in output:
            assert parameters is not None and len(parameters) == 21
            assert collection.rebuild(write=False).differing == []
        else:
            assert "kept them" in output and parameters is None


def test_decks_lists_registered_decks_with_counts(sample_deck: Path) -> None:
    run("add", str(sample_deck))
    code, output = run("decks", "--json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(output)}
    assert rows["sample"]["questions"] == 21 and rows["sample"]["cards"] == 23
    assert (rows["sample"]["due"], rows["sample"]["new"]) == (0, 20)
    assert rows["sample"]["origin"] == "registered"
    code, output = run("decks")
    assert code == 0 and "sample" in output and "due" in output and "new" in output


def test_decks_without_a_collection_creates_none() -> None:
    code, _ = run("decks", "--json")
    assert code == 0
    assert not collection_path().exists()


def test_show_finds_a_registered_deck_by_id(tmp_path: Path, sample_deck: Path) -> None:
    deck = tmp_path / "elsewhere" / "sample.yaml"
    deck.parent.mkdir()
    deck.write_text(sample_deck.read_text(encoding="utf-8"), encoding="utf-8")
    run("add", str(deck))
    code, output = run("show", "sample")
    assert code == 0 and "Sample deck" in output
    assert load_bank(deck).id == "sample"
