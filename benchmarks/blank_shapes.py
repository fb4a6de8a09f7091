"""Acceptance of reviewed blanks by where the blank stands in its sentence, set by set.

Run: python benchmarks/blank_shapes.py [--set NAME SHOW REVIEWS FOLDER]... [--pooled] [--list SHAPE]

The reviewed sets are read as fit_acceptance.py reads them (`--pooled`: every set on this machine). Each
reviewed fill-in question (a cloze, a 'Which completes the sentence?' multiple choice) is put back together
with its answer and counted under its blank's shape (generate/defining_blanks.py): 'naming' (after 'known
as', 'is called'), 'definition' (the subject of 'is the ...', 'refers to', 'is a Y that ...'), 'subject'
(opening a sentence that says what it does), 'inside' (anywhere else). A question reviewed in two sets (a
section reviewed at two commits) counts once, with its first verdict.

Printed: per set and over all, how many of each shape reviewers accepted. A shape accepted far more often
than the rest is a sign for ranking, but only a sign: a rule that ranks it first must still win on fresh
sections (stop 27: it did not; see defining_blanks.py). `--list SHAPE` prints that shape's questions with
their verdicts.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_acceptance import add_set_arguments, chosen_sets, verdicts_of
from score_review import Shown, read_show

from quizmg.generate.defining_blanks import SHAPES, blank_shape
from quizmg.generate.quality import normalised

_QUOTED = re.compile(r"[“\"](.*)[”\"]")
_BLANKS = ("[...]", "_____")


def filled(question: Shown) -> tuple[str, int, int] | None:
    """The question's sentence with its answer in the blank, and where the answer stands; None for a question
    that is no fill-in."""
    prompt, answer = question.prompt, question.answer
    if question.kind == "mcq":
        quoted = _QUOTED.search(prompt)
        right = [choice.strip()[1:] for choice in answer.split("|") if choice.strip().startswith("*")]
        if not quoted or not right:
            return None
        prompt, answer = quoted.group(1), right[0].strip()
    elif question.kind != "cloze":
        return None
    marks = [(prompt.find(blank), blank) for blank in _BLANKS if blank in prompt]
    if len(marks) != 1 or not answer:
        return None
    at, blank = marks[0]
    # A cloze that shows the sentence before it first: only the blank's own sentence counts.
    head = prompt[:at]
    cut = max(head.rfind(". "), head.rfind("? "), head.rfind("! "))
    start = cut + 2 if cut >= 0 else 0
    text = prompt[start:at] + answer + prompt[at + len(blank):]
    return text, at - start, at - start + len(answer)


def tally(sets: list[tuple[str, Path, str, Path]], problems: list[str]) -> list[tuple[str, str, bool, Shown]]:
    """(set, shape, accepted, question) for each reviewed fill-in question, each counted once."""
    seen: set[tuple[str, str, str]] = set()
    found = []
    for name, show, reviews, _folder in sets:
        verdicts = verdicts_of(show, reviews, problems)
        for document, questions in read_show(show).items():
            for question in questions:
                key = (question.kind, normalised(question.prompt))
                ok = verdicts.get(document, {}).get(key)
                place = filled(question)
                if ok is None or place is None or (document, *key) in seen:
                    continue
                seen.add((document, *key))
                found.append((name, blank_shape(*place), ok, question))
    return found


def table(found: list[tuple[str, str, bool, Shown]]) -> list[str]:
    count = Counter((name, shape, ok) for name, shape, ok, _ in found)
    names = list(dict.fromkeys(name for name, _, _, _ in found))
    lines = [f"{'set':8}" + "".join(f"{shape:>18}" for shape in SHAPES)]
    for name in [*names, "all"]:
        cells = []
        for shape in SHAPES:
            good = sum(count[(n, shape, True)] for n in names if name in {n, "all"})
            bad = sum(count[(n, shape, False)] for n in names if name in {n, "all"})
            share = f" {100 * good / (good + bad):3.0f}%" if good + bad else "     "
            cells.append(f"{good:>4}/{good + bad:<4}{share}")
        lines.append(f"{name:8}" + "".join(f"{cell:>18}" for cell in cells))
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_set_arguments(parser)
    parser.add_argument("--list", metavar="SHAPE", choices=SHAPES, help="list the reviewed questions of one shape")
    args = parser.parse_args(argv)
    sets = chosen_sets(args, parser)
    problems: list[str] = []
    found = tally(sets, problems)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print("\n".join(table(found)))
    if args.list:
        for name, shape, ok, question in found:
            if shape == args.list:
                print(f"{'ok ' if ok else 'BAD'} {name:4} {question.document[:30]:30} {question.prompt} || "
                      f"{question.answer}")
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
