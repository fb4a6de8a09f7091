"""`quizmg generate` on a 1 MB document: median time, throughput, and how time grows with size.

Run: python benchmarks/bench_generate.py [--megabytes 1.0] [--runs 3] [--folder DIR]

By default the document is built from the test documents in tests/data/documents (written for this project),
chapter after chapter, with each chapter's nouns shifted by a chapter number so the text is not
one paragraph repeated (repeats would be merged early and flatter the timing). With --folder, it is the
.md and .txt files of DIR, in name order, up to the size: real text, such as a folder of textbook sections
(a text dense with marked terms and glossary lines drafts several times slower than plain prose).
Each draft runs in a fresh process (the core, without the progress bar; imports not counted), as a user's
`quizmg generate` does: a second draft in one process reuses the caches the first filled and ran about a third
faster than a user's. It is also timed at a tenth of the size: the
ratio of the two medians shows whether the work grows linearly (about 10) or worse. The anchor, measured in
the same run, is the project's tokenizer reading the same document's words. Issue 17's target is a 1 MB
document in under 10 seconds.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import quizmg
from quizmg.generate.terms import TOKEN

DOCUMENTS = Path(__file__).resolve().parents[1] / "tests" / "data" / "documents"
SOURCES = ["wolves-and-rivers.txt", "greenhouse-notes.txt", "painkillers.md", "interest-rates.md"]


def build_document(size: int) -> str:
    """About `size` bytes of English text with headings, made of the test documents."""
    texts = [(DOCUMENTS / name).read_text(encoding="utf-8") for name in SOURCES]
    texts = [re.sub(r"(?s)^---.*?---\n|^#+ ", "", text, flags=re.M) for text in texts]
    parts: list[str] = []
    total, chapter = 0, 0
    while total < size:
        chapter += 1
        text = texts[chapter % len(texts)]
        # Vary a few nouns per chapter so the chapters differ (region names, not facts).
        text = text.replace("the park", f"park {chapter}").replace("the Arctic", f"region {chapter}")
        part = f"\n\nChapter {chapter}\n\n{text}"
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "".join(parts)


def folder_document(folder: Path, size: int) -> str:
    """About `size` bytes of the folder's documents, whole, in name order."""
    parts: list[str] = []
    total = 0
    for path in sorted([*folder.glob("*.md"), *folder.glob("*.txt")]):
        if total >= size:
            break
        text = path.read_text(encoding="utf-8", errors="replace")
        parts.append(text)
        total += len(text.encode("utf-8"))
    if not parts:
        raise SystemExit(f"{folder}: no .md or .txt documents")
    return "\n\n".join(parts)


def time_anchor(text: str, runs: int) -> float:
    """Median seconds for the tokenizer to read every word of the document: the same run's yardstick."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        sum(1 for _ in TOKEN.finditer(text))  # the pattern itself: quizmg's tokens() keeps what it read
        times.append(time.perf_counter() - start)
    return statistics.median(times)


# One draft in a fresh interpreter, as `quizmg generate` runs: the word lists and caches a first draft fills would
# make a second draft in the same process faster than a user's: a warm median of 9.2 s was a cold 12-13 s.
_ONE_DRAFT = """
import json, sys, time
from pathlib import Path
from quizmg.generate.draft import draft_deck
text = Path(sys.argv[1]).read_text(encoding="utf-8")
start = time.perf_counter()
draft = draft_deck(text, "bench.txt")
print(json.dumps([time.perf_counter() - start, len(draft.deck.questions), len(draft.deck.mechanisms)]))
"""


def time_draft(text: str, runs: int) -> tuple[float, int, int]:
    """Median seconds of `runs` drafts, each in a fresh process (imports not counted, first use of the word
    lists counted), with the question and mechanism counts of the last."""
    times = []
    questions = mechanisms = 0
    # The child drafts with the quizmg this script imported, whatever folder it is started from.
    root = str(Path(quizmg.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (root, os.environ.get("PYTHONPATH", "")) if p))
    with tempfile.TemporaryDirectory() as folder:
        document = Path(folder) / "bench.txt"
        document.write_text(text, encoding="utf-8")
        for _ in range(runs):
            run = subprocess.run([sys.executable, "-c", _ONE_DRAFT, str(document)], capture_output=True, text=True,
                                 check=True, cwd=folder, env=env)
            seconds, questions, mechanisms = json.loads(run.stdout.strip().splitlines()[-1])
            times.append(seconds)
    return statistics.median(times), questions, mechanisms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--folder", type=Path, help="build the document from this folder's .md/.txt files")
    args = parser.parse_args()
    size = int(args.megabytes * 1_000_000)
    if args.folder:
        big, small = folder_document(args.folder, size), folder_document(args.folder, size // 10)
    else:
        big, small = build_document(size), build_document(size // 10)
    big_median, questions, mechanisms = time_draft(big, args.runs)
    anchor = time_anchor(big, args.runs)
    small_median, _, _ = time_draft(small, args.runs)
    megabytes = len(big.encode("utf-8")) / 1e6
    print(f"document: {megabytes:.2f} MB, {len(big.split()):,} words")
    print(f"draft: median {big_median:.2f} s over {args.runs} runs ({megabytes / big_median:.2f} MB/s), "
          f"{questions} drafted questions, {mechanisms} mechanisms")
    print(f"a tenth of the size: median {small_median:.2f} s; ratio {big_median / small_median:.1f} "
          "(10 would be linear)")
    print(f"anchor: the tokenizer reads the document's words in {anchor:.2f} s; the draft takes "
          f"{big_median / anchor:.0f} times as long; target: under 10 s")


if __name__ == "__main__":
    main()
