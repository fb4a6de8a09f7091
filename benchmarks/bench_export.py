"""Anki export of 10,000 questions: quizmg beside bare genanki writing the same notes.

Run: python benchmarks/bench_export.py [--questions N] [--runs N]

quizmg's side is the whole export of an expanded bank: fields rendered to safe HTML (Markdown where
the text has any), the JSON field, tags, GUIDs, note times, the package written. genanki's side gets
the very same fields, tags and note types ready-made, builds its notes and writes the package with
`Package.write_to_file`, in two forms: with genanki's default GUID (a hash of the fields: the least
a program using genanki directly has to do) and with quizmg's GUIDs handed over ready-made (the
strictest baseline: genanki does nothing but build and write the notes).
The runs take turns in an order that rotates every round, each from a freshly collected heap;
medians and their ratios are printed (the target is a ratio of at most 1.3), for wall-clock time
and for the CPU time of this process: on a shared machine other programs stretch wall-clock times
unevenly, while CPU time counts only the work each side does (and not the waits for the disk,
which quizmg's writer avoids: see quizmg/formats/anki/package_file.py). The rounds are timed twice: as
each side runs (quizmg pauses the garbage collector during an export, as `quizmg export` does;
bare genanki leaves it on), and with the collector off for both, which shows the work alone.
A last line times quizmg exporting again over its previous package (it reads that package to
keep unchanged notes' times). The Markdown cache is cleared before each quizmg run, as in a
fresh `quizmg export` process.
"""

from __future__ import annotations

import argparse
import gc
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timezone
from pathlib import Path

import genanki

from quizmg.bank import Bank, bank_from_deck
from quizmg.formats.anki.exporter import build_package, write_apkg
from quizmg.formats.deck_html import _render_markdown
from quizmg.model import Deck

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def big_deck(count: int, markdown_every: int) -> Deck:
    """`count` questions cycling through every kind; every `markdown_every`-th has Markdown and `&`."""
    questions: list[dict] = []
    for n in range(count):
        markdown = markdown_every > 0 and n % markdown_every == 0
        common = {"id": f"q{n}", "tags": ["bench", f"unit{n % 10}"],
                  "explanation": f"Because of rule {n} & its **exception**." if markdown
                  else f"Explained by fact number {n}."}
        kind = n % 8
        if kind == 0:
            questions.append({**common, "kind": "basic", "prompt": f"What is item {n}?",
                              "answer": f"Item {n} is the answer", "reversed": n % 16 == 0})
        elif kind == 1:
            questions.append({**common, "kind": "cloze",
                              "text": f"Fact {n}: the {{{{c1::hidden part {n}}}}} matters."})
        elif kind == 2:
            questions.append({**common, "kind": "mcq", "prompt": f"Pick the right one for {n}",
                              "choices": [{"text": f"right {n}", "correct": True},
                                          {"text": f"wrong {n}"}, {"text": f"other {n}"}]})
        elif kind == 3:
            questions.append({**common, "kind": "truefalse",
                              "statement": f"Statement {n} holds.", "answer": n % 2 == 0})
        elif kind == 4:
            questions.append({**common, "kind": "short", "prompt": f"Name thing {n}",
                              "answer": f"thing{n}", "accepted": [f"the thing{n}"]})
        elif kind == 5:
            questions.append({**common, "kind": "numeric", "prompt": f"How many for {n}?",
                              "answer": n, "tolerance": 1, "unit": "mg"})
        elif kind == 6:
            questions.append({**common, "kind": "order", "prompt": f"Order the steps of {n}",
                              "items": [f"step {n}.{i}" for i in range(4)]})
        else:
            questions.append({**common, "kind": "match", "prompt": f"Match the pairs of {n}",
                              "pairs": [{"left": f"left {n}.{i}", "right": f"right {n}.{i}"}
                                        for i in range(3)]})
    return Deck(id="bench", title="Benchmark deck", tags=["benchmark"], questions=questions)


Timing = tuple[float, float]  # (wall-clock seconds, CPU seconds)


def _clock() -> Timing:
    return time.perf_counter(), time.process_time()


def _since(start: Timing) -> Timing:
    wall, cpu = _clock()
    return wall - start[0], cpu - start[1]


def quizmg_export(bank: Bank, path: Path) -> Timing:
    path.unlink(missing_ok=True)
    _render_markdown.cache_clear()  # as in a fresh `quizmg export` process
    start = _clock()
    write_apkg([bank], path, now=NOW)
    return _since(start)


def quizmg_reexport(bank: Bank, path: Path) -> Timing:
    _render_markdown.cache_clear()
    start = _clock()
    write_apkg([bank], path, now=NOW)
    return _since(start)


PreparedNote = tuple[genanki.Model, list[str], list[str], str]  # model, fields, tags, GUID


def prepared_notes(bank: Bank) -> list[PreparedNote]:
    """The notes quizmg writes, as plain (model, fields, tags, GUID) for genanki alone."""
    package, _ = build_package([bank], now=NOW)
    return [(n.model, list(n.fields), list(n.tags), n.guid) for d in package.decks for n in d.notes]


def genanki_export(notes: list[PreparedNote], path: Path, *, guids_given: bool = False) -> Timing:
    """Bare genanki: GUIDs hashed from the fields, genanki's default, or handed over ready-made."""
    path.unlink(missing_ok=True)
    start = _clock()
    deck = genanki.Deck(2059400110, "Benchmark deck")
    for model, fields, tags, guid in notes:
        deck.add_note(genanki.Note(model=model, fields=fields, tags=tags, guid=guid if guids_given else None))
    genanki.Package(deck).write_to_file(str(path), timestamp=NOW.timestamp())
    return _since(start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--questions", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument(
        "--markdown-every", type=int, default=20,
        help="every Nth question's explanation has Markdown (0: none). Real decks have little: "
        "the built-in magnesium deck has none.",
    )
    args = parser.parse_args()

    bank = bank_from_deck(big_deck(args.questions, args.markdown_every))
    notes = prepared_notes(bank)
    with tempfile.TemporaryDirectory() as folder:
        ours, theirs = Path(folder) / "quizmg.apkg", Path(folder) / "genanki.apkg"
        quizmg_export(bank, ours)  # warm-up: imports, note type caches
        genanki_export(notes, theirs)
        runs = {
            "quizmg export": lambda: quizmg_export(bank, ours),
            "bare genanki": lambda: genanki_export(notes, theirs),
            "bare genanki, GUIDs given": lambda: genanki_export(notes, theirs, guids_given=True),
            "quizmg re-export": lambda: quizmg_reexport(bank, ours),
        }
        as_run = timed_rounds(runs, args.runs, collector=True)
        collector_off = timed_rounds(runs, args.runs, collector=False)
    print(f"{len(bank.questions)} questions, {len(notes)} notes, {args.runs} runs each, "
          + (f"Markdown in 1 of every {args.markdown_every} explanations" if args.markdown_every
             else "no Markdown"))
    report("as each runs (quizmg pauses the garbage collector while it exports; genanki does not)", as_run)
    report("both with the garbage collector off (the work alone)", collector_off)


def timed_rounds(runs: dict[str, Callable[[], Timing]], rounds: int, *, collector: bool) -> dict[str, list[Timing]]:
    """Each run `rounds` times, in an order that rotates every round, from a freshly collected heap."""
    times: dict[str, list[Timing]] = {name: [] for name in runs}
    names = list(runs)
    for round_number in range(rounds):
        shift = round_number % len(names)
        for name in names[shift:] + names[:shift]:
            gc.collect()  # no run pays for the garbage of the one before
            if not collector:
                gc.disable()
            try:
                times[name].append(runs[name]())
            finally:
                gc.enable()
    return times


def report(title: str, times: dict[str, list[Timing]]) -> None:
    print(title)
    for index, clock in ((0, "wall-clock"), (1, "CPU")):
        ours = statistics.median(t[index] for t in times["quizmg export"])
        print(f"  {clock} time medians:")
        print(f"    quizmg export                  {ours:.3f} s")
        for name in ("bare genanki", "bare genanki, GUIDs given"):
            theirs = statistics.median(t[index] for t in times[name])
            print(f"    {name:<30} {theirs:.3f} s   quizmg/this {ours / theirs:.2f} (target <= 1.3)")
        again = statistics.median(t[index] for t in times["quizmg re-export"])
        print(f"    quizmg re-export               {again:.3f} s (reads the previous package)")


if __name__ == "__main__":
    main()
