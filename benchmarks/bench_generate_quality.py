"""`quizmg generate` on a folder of real documents: the automatic checks per document, and speed.

Run: python benchmarks/bench_generate_quality.py FOLDER [--top 20] [--show] [--megabytes 1.0]

FOLDER holds .md or .txt documents (textbook sections, say); nothing is downloaded. For each
document the top questions are drafted and checked:

- markup leaks: '{:', 'data-type', HTML tags, '^', '*', '[link]', a backslash escape ('Merkel\\'s') in any
  prompt, answer or choice;
- answers absent from the source: an answer (cloze blank, right choice, short answer) with a content
  word the document does not have, as written or as read ('K<sub>c</sub>' reads 'Kc');
- generic blanks: a blank or right choice that is an everyday word (wordfreq), unless a phrase the
  document marks or defines as a term ('supply curve');
- duplicate and near-duplicate prompts (rapidfuzz token-sort ratio 90 and above);
- type-mismatched distractors: multiple-choice questions whose score notes mixed types;
- ranked order: whether the scores written in the deck never rise, a repeat of a sentence or answer already
  asked coming after every new question;
- yield: the document's words as read (its sentences), so a short deck shows as few questions per 1,000 words.

`--show` prints each top question with its answer and source line, for a reviewer's rubric (correct
and answerable from the text, grammatical and unambiguous, worth learning, good distractors).
Then a document of about a megabyte, made by repeating the folder's documents with their nouns
varied, is drafted and timed beside an anchor measured in the same run: splitting the same text
into words and counting them with Python's own str and collections (a machine-speed yardstick).
The target is a 1 MB document drafted in under 10 s. Repeated sections repeat sentences, which the
drafter reads once; `--speed-folder BOOKS` builds the megabyte from another folder's documents, each
once, so it times a megabyte of distinct prose (the harder case).
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter
from itertools import pairwise
from pathlib import Path

from rapidfuzz import fuzz

from quizmg.bank import bank_from_deck
from quizmg.errors import DeckError
from quizmg.formats.text import read_text
from quizmg.generate.assemble import REPEAT_NOTE
from quizmg.generate.draft import draft_deck
from quizmg.generate.frequency import is_generic
from quizmg.generate.quality import normalised, occurs_in, treated_as_term
from quizmg.model import Cloze, MultipleChoice, Order, Short, TrueFalse

# Markup a question must never show: kramdown attributes, HTML tags, carets, emphasis stars, link stubs, and
# braces (a formula's StarMath annotation read as text: 'size 12{P rSub { size 8{1} } }').
LEAK = re.compile(r"\{|\}|data-type|</?[a-z]+[ >/]|\^|\*|\[link\]|\]\(#|\\[^\w\s]")
SCORE = re.compile(r"Draft score (\d+)/100: (.*)$")


def answers(question: object) -> list[str]:
    """What a learner must come up with."""
    if isinstance(question, Cloze):
        return [w for words in question.deletions().values() for w in words]
    if isinstance(question, MultipleChoice):
        return [c.text for c in question.choices if c.correct]
    if isinstance(question, Short):
        return [question.answer]
    return []


MARKDOWN_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"<>|~])")


def absent(answer: str, text: str) -> bool:
    """True when a content word of the answer is not in the document as a reader sees it.

    Markdown's backslash escapes are read away first: 'Ménière\\'s disease' reads as "Ménière's disease".
    """
    return not occurs_in(answer, MARKDOWN_ESCAPE.sub(r"\1", text))


def shown_text(question: object) -> str:
    parts = [question.prompt_text(), question.answer_text()]  # type: ignore[attr-defined]
    if isinstance(question, MultipleChoice):
        parts += [c.text for c in question.choices]
    if isinstance(question, Order):
        parts += question.items
    return " ".join(parts)


def out_of_order(scores: list[tuple[int, bool]]) -> int:
    """Neighbours written out of rank: best first, and a repeat (a sentence or an answer already asked, said in
    its note) after every new question, best first as well."""
    return sum(1 for (a, again_a), (b, again_b) in pairwise(scores) if (again_a, b) > (again_b, a))


def check(path: Path, top: int, show: bool) -> dict[str, int]:
    text = read_text(path)
    draft = draft_deck(text, path, max_questions=top)
    questions = bank_from_deck(draft.deck).questions[:top]
    source = text + "\n" + "\n".join(sentence.text for sentence in draft.document.sentences)
    counts = Counter[str]()
    prompts: list[str] = []
    scores: list[tuple[int, bool]] = []  # each score, and whether the question repeats one asked before
    for question in questions:
        shown = shown_text(question)
        counts["markup leaks"] += bool(LEAK.search(shown))
        for answer in answers(question):
            counts["answers absent from the source"] += absent(answer, source)
            capital_name = answer[:1].isupper() and answer[1:2].islower() and not isinstance(question, Short)
            marked = treated_as_term(answer, draft.terms, recurring=False)
            counts["generic blanks"] += (
                is_generic(answer, marked=marked) and not capital_name and not isinstance(question, Short)
            )
        prompt = normalised(question.prompt_text())
        counts["duplicate prompts"] += prompt in prompts
        counts["near-duplicate prompts"] += any(fuzz.token_sort_ratio(prompt, p) >= 90 for p in prompts
                                                if p != prompt)
        prompts.append(prompt)
        score = SCORE.search(question.explanation)
        if score:
            scores.append((int(score.group(1)), REPEAT_NOTE in score.group(2)))
            counts["type-mismatched distractors"] += "mixed types" in score.group(2)
    counts["out of ranked order"] = out_of_order(scores)
    counts["questions"] = len(questions)
    counts["words"] = sum(len(sentence.text.split()) for sentence in draft.document.sentences)
    if show:
        print(f"\n=== {path.name}: top {len(questions)}")
        for number, question in enumerate(questions, 1):
            print(f"{number:2}. [{question.kind}] {question.prompt_text()}")
            if isinstance(question, MultipleChoice):
                print("    choices: " + " | ".join(("*" if c.correct else "") + c.text for c in question.choices))
            if isinstance(question, Order):
                print("    order: " + " → ".join(question.items))
            if not isinstance(question, TrueFalse | MultipleChoice | Order):
                print(f"    answer: {question.answer_text()}")
            elif isinstance(question, TrueFalse):
                print(f"    answer: {question.answer}")
            score = SCORE.search(question.explanation)
            print(f"    {score.group(0) if score else 'no score'}")
    return counts


def build_megabyte(folder: list[Path], size: int) -> str:
    texts = [read_text(p) for p in folder]
    parts, total, chapter = [], 0, 0
    while total < size:
        chapter += 1
        body = re.sub(r"(?s)^---.*?---\n", "", texts[chapter % len(texts)])
        body = body.replace("the cell", f"cell {chapter}").replace("The cell", f"Cell {chapter}")
        part = f"\n\n# Chapter {chapter}\n\n{body}"
        parts.append(part)
        total += len(part.encode("utf-8"))
    return "".join(parts)


def anchor(text: str) -> float:
    start = time.perf_counter()
    for _ in range(5):
        Counter(word.lower().strip(".,;:()") for word in text.split())
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--show", action="store_true", help="print each top question for a reviewer")
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--no-speed", action="store_true")
    parser.add_argument("--speed-folder", type=Path,
                        help="build the megabyte from this folder's documents (all of them, each once, before any "
                             "repeats) rather than from FOLDER's: a text of distinct sections, not copies")
    args = parser.parse_args()
    documents = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() in {".md", ".txt", ".markdown"})
    if not documents:
        sys.exit(f"{args.folder}: no .md or .txt documents")
    columns = ["questions", "words", "markup leaks", "answers absent from the source", "generic blanks",
               "duplicate prompts", "near-duplicate prompts", "type-mismatched distractors", "out of ranked order"]
    totals = Counter[str]()
    rows = []
    for path in documents:
        try:
            counts = check(path, args.top, args.show)
        except DeckError as error:  # a review or notes file beside the sections: named, not a traceback
            print(f"skipped: {error}", file=sys.stderr)
            continue
        totals.update(counts)
        rows.append((str(path.relative_to(args.folder)), counts))
    print("\n" + " | ".join(["document", *columns]))
    for name, counts in [*rows, ("total", totals)]:
        print(" | ".join([name, *(str(counts[c]) for c in columns)]))
    thin = sum(1 for _, counts in rows if counts["questions"] <= 5)
    print(f"\nyield: {1000 * totals['questions'] / max(totals['words'], 1):.1f} questions per 1,000 words; "
          f"{thin} of {len(rows)} documents give 5 questions or fewer")
    if args.no_speed or args.megabytes <= 0:
        return  # `--megabytes 0` is no speed run either, not an empty document
    sources = documents
    if args.speed_folder:
        sources = sorted(p for p in args.speed_folder.rglob("*") if p.suffix.lower() in {".md", ".txt", ".markdown"})
        random.Random(7).shuffle(sources)  # the books mixed, the same mix each run
    big = build_megabyte(sources, int(args.megabytes * 1_000_000))
    start = time.perf_counter()
    draft = draft_deck(big, "megabyte.md")
    seconds = time.perf_counter() - start
    megabytes = len(big.encode("utf-8")) / 1e6
    print(f"\nspeed: {megabytes:.2f} MB drafted in {seconds:.2f} s ({len(draft.document.sentences):,} sentences, "
          f"{len(draft.deck.questions)} questions); target under 10 s")
    print(f"anchor: counting the same text's words 5 times with str.split and Counter: {anchor(big):.2f} s")


if __name__ == "__main__":
    main()
