"""What `quizmg study` imports before its first question: only what the first screen needs.

Timings live in benchmarks/bench_first_question.py (too noisy on a shared machine to assert);
these tests pin the behaviour the timings depend on, in a fresh interpreter each time.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# The session is stopped at its first card (`q`), so every module loaded by then is listed; the
# few imported while it winds down only make the list longer, never hide one.
PROBE = """
import sys
from quizmg.cli import cli
try:
    cli.main(args=["study", *sys.argv[1:]], prog_name="quizmg", standalone_mode=False)
except SystemExit:
    pass
print("MODULES:" + ",".join(sorted(sys.modules)))
"""

# Needed only once a card is answered, for a quiz, or for parsing a deck file.
NOT_BEFORE_THE_FIRST_QUESTION = (
    "yaml",  # the deck comes from the bank cache
    "quizmg.formats.yaml_deck",
    "quizmg.formats.yaml_text",
    "quizmg.generate",  # the mechanisms' questions are in the cache entry
    "fsrs",  # the scheduler runs when a card is rated
    "rapidfuzz",  # typo-tolerant grading runs when an answer is typed
    "rich.table",  # tables are for summaries
    "rich._emoji_codes",  # deck text is shown as written, never as emoji
    "quizmg.study.quiz",
    "quizmg.ui.quiz_view",
    "genanki",
    "quizmg.lint",
)


def modules_after_first_question(*args: str) -> set[str]:
    """The modules a fresh `quizmg study ARGS` (the magnesium deck) has loaded at its first card."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args], input="q\n", capture_output=True, text=True, check=True, timeout=120
    )
    assert "What does magnesium do to NMDA receptors?" in result.stdout  # the first card was shown
    line = result.stdout.strip().splitlines()[-1]
    assert line.startswith("MODULES:"), result.stdout[-2000:]
    return set(line.removeprefix("MODULES:").split(","))


def loaded(modules: set[str], name: str) -> bool:
    return any(module == name or module.startswith(name + ".") for module in modules)


def test_a_later_session_imports_only_what_the_first_card_needs(quizmg_home: Path) -> None:
    first = modules_after_first_question("magnesium")
    # The first session parses the deck: the probe does see the YAML tools when they load.
    assert loaded(first, "yaml") and loaded(first, "quizmg.generate")
    later = modules_after_first_question("magnesium")
    assert "quizmg.bank_cache" in later and "quizmg.ui.study_view" in later
    too_early = sorted(name for name in NOT_BEFORE_THE_FIRST_QUESTION if loaded(later, name))
    assert too_early == [], f"imported before the first question: {too_early}"


def test_the_first_card_shown_comes_from_the_cache_on_a_later_run(quizmg_home: Path) -> None:
    """The same first card, whether the deck was parsed or rebuilt from the cache."""

    def first_screen() -> str:
        done = subprocess.run(
            [str(Path(sys.executable).with_name("quizmg")), "study", "magnesium"],
            input="q\n",
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.split("Session over")[0]

    parsed = first_screen()
    assert (quizmg_home / "bank-cache").is_dir()
    cached = first_screen()
    assert "What does magnesium do to NMDA receptors?" in parsed
    assert cached == parsed


def test_large_banks_are_built_with_the_collector_paused_then_frozen(sample_deck: Path) -> None:
    """A large bank is moved out of the collector's sight, so it never rescans it; a small one is not
    (freezing would keep any garbage of the moment forever, e.g. in a long test run)."""
    import gc

    from quizmg.bank import load_bank
    from quizmg.cli.common import kept_to_the_end

    gc.unfreeze()
    try:
        with kept_to_the_end():
            assert not gc.isenabled()
            small = load_bank(sample_deck)
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0
        # The sample deck stands in for a large one by lowering the threshold.
        with kept_to_the_end(freeze_above=len(small.questions)):
            bank = load_bank(sample_deck)
        assert gc.isenabled()
        assert gc.get_freeze_count() > len(bank.questions)
        tracked = {id(thing) for thing in gc.get_objects()}
        assert id(bank.deck) not in tracked and id(bank.questions[0]) not in tracked
        gc.disable()
        with kept_to_the_end():
            pass
        assert not gc.isenabled()  # a collector paused by the caller stays paused
    finally:
        gc.enable()
        gc.unfreeze()


def _waiting_for_a_key(pid: int, seconds: float) -> bool:
    """True once process `pid` sits in read(0, ..., 16), the study view's wait for a key (read
    from /proc on Linux, x86_64 or aarch64); False when that cannot be seen within `seconds`."""
    import platform
    import time

    read_call = {"x86_64": "0", "aarch64": "63"}.get(platform.machine())
    deadline = time.monotonic() + seconds
    while read_call is not None and time.monotonic() < deadline:
        try:
            call = Path(f"/proc/{pid}/syscall").read_text().split()
        except OSError:
            return False
        if call[:2] == [read_call, "0x0"] and call[3:4] == ["0x10"]:
            return True
        time.sleep(0.05)
    return False


def test_nothing_is_imported_once_the_first_card_is_on_screen(quizmg_home: Path) -> None:
    """A Ctrl-C that lands during an import can be swallowed by Python's import machinery, so the
    session would ignore it: everything the wait for a key needs is loaded before the card shows.
    What the process prints is read once it is waiting for the key (not after a fixed pause,
    which a loaded machine can outrun)."""
    import os
    import time

    import pexpect

    env = {**os.environ, "QUIZMG_HOME": str(quizmg_home), "TERM": "xterm-256color"}
    command = [sys.executable, "-v", str(Path(sys.executable).with_name("quizmg")), "study", "magnesium"]
    # -v prints every import: a bounded search window keeps matching cheap on a slow machine.
    child = pexpect.spawn(command[0], command[1:], env=env, dimensions=(40, 120), timeout=180,
                          searchwindowsize=4000)
    child.expect(r"for keys\)")
    if not _waiting_for_a_key(child.pid, 60):
        time.sleep(2)  # no /proc to ask: give any late import time to be reported
    try:
        later = child.read_nonblocking(1_000_000, timeout=0.5).decode("utf-8", "replace")
    except pexpect.TIMEOUT:
        later = ""
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    # An import line may share a terminal line with the prompt: look for it anywhere.
    imported = [line for line in later.splitlines() if "import '" in line]
    assert imported == []
    assert child.exitstatus == 0 and "Session over" in (child.before or b"").decode("utf-8", "replace")
