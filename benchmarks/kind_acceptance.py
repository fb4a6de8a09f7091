"""Acceptance by kind and form over every pooled review, and where those questions stand in today's drafts.

Run: python benchmarks/kind_acceptance.py [--set NAME SHOW REVIEWS FOLDER]... [--pooled] [--list FORM]

The reviewed sets are read as fit_acceptance.py reads them (`--pooled`: every set on this machine). Each
reviewed question is counted under its form: its kind with its wording (score_review.py's forms: a link
'What is the link between ...', 'What does X do to Y?', why/how, what-if, a definition, an acronym, a
completion ...), a true/false by its answer, and a false statement drafted now by how it was made (a word
of direction or a partner turned, the verb turned to its opposite, a term swapped for another). Printed
per form: how many reviewers accepted, and, drafted again with the code as it is now, how many of the
good and the bad are in the deck (score at the threshold or above, within the top N), under the
threshold (written only with --all), or not drafted at all. A form under ~60% is one to fix or to rank
below the clozes; a rule for it should move its bad out of the deck and keep its good. `--list FORM`
prints that form's reviewed questions with their verdict and state.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from fit_acceptance import add_set_arguments, chosen_sets, verdicts_of
from score_review import Shown, read_show

from quizmg.formats.text import read_text
from quizmg.generate.draft import draft_deck
from quizmg.generate.false_statements import turned_by_one_word
from quizmg.generate.quality import normalised
from quizmg.generate.trust import THRESHOLD
from quizmg.generate.words import ANTONYMS, base_form
from quizmg.model import TrueFalse

STATES = ("deck", "under", "gone")


def false_form(statement: str, true_text: str) -> str:
    """How a false statement was made from its true one: one word of direction or a partner turned, the
    verb turned to its opposite, or a term swapped for another."""
    before, after = true_text.rstrip(".").split(), statement.rstrip(".").split()
    if turned_by_one_word(true_text.rstrip("."), statement.rstrip(".")):
        return "False: direction/partner turned"
    if len(before) == len(after):
        differ = [(a.lower(), b.lower()) for a, b in zip(before, after, strict=True) if a != b]
        if len(differ) == 1 and ANTONYMS.get(base_form(differ[0][0])) == base_form(differ[0][1]):
            return "False: verb turned"
    return "False: term swapped"


def _true_text(explanation: str) -> str:
    """The true statement a false one was made from, as its explanation gives it."""
    text = explanation.removeprefix("False. ")
    if text.startswith("The text says: "):
        return text.removeprefix("The text says: ").split(" Source:")[0]
    return text.split(" The text says:")[0]


def today(path: Path, top: int) -> dict[tuple[str, str], tuple[str, str]]:
    """Every question drafted now, by (kind, prompt): where it stands and its form if it is a false one."""
    draft = draft_deck(read_text(path), path, max_questions=100, keep_all=True)
    found: dict[tuple[str, str], tuple[str, str]] = {}
    passing = 0
    for question in draft.deck.questions:  # best first: those at the threshold or above, then the rest
        score = int(question.explanation.split("Draft score ")[1].split("/")[0]) if question.explanation and \
            "Draft score " in question.explanation else 100
        passing += score >= THRESHOLD
        state = "deck" if score >= THRESHOLD and passing <= top else "under"
        form = ""
        if isinstance(question, TrueFalse) and not question.answer:
            form = false_form(question.statement, _true_text(question.explanation or ""))
        found.setdefault((question.kind, normalised(question.prompt_text())), (state, form))
    return found


def form_of(shown: Shown, drafted_form: str) -> str:
    if shown.kind == "truefalse":
        return drafted_form or f"{shown.kind} {shown.answer}"
    return shown.form


def rows(sets: list[tuple[str, Path, str, Path]], top: int) -> list[tuple[str, bool, str, Shown]]:
    """(form, accepted, state now, question) for each reviewed question; a later review of one prompt wins."""
    pooled: dict[tuple[str, str], dict[tuple[str, str], tuple[Shown, bool]]] = {}
    folders: dict[tuple[str, str], Path] = {}
    problems: list[str] = []
    for name, show, reviews, folder in sets:
        shown = read_show(show)
        for document, verdicts in verdicts_of(show, reviews, problems).items():
            for question in shown.get(document, []):
                key = (question.kind, normalised(question.prompt))
                if key in verdicts:
                    pooled.setdefault((name, document), {})[key] = (question, verdicts[key])
                    folders[(name, document)] = folder
    found = []
    for (name, document), questions in sorted(pooled.items()):
        path = folders[(name, document)] / document
        now = today(path, top) if path.is_file() else {}
        for key, (question, ok) in questions.items():
            state, drafted_form = now.get(key, ("gone", ""))
            found.append((form_of(question, drafted_form), ok, state, question))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_set_arguments(parser)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--list", metavar="FORM", help="list the reviewed questions of one form")
    args = parser.parse_args(argv)
    sets = chosen_sets(args, parser)
    found = rows(sets, args.top)
    count: Counter[tuple[str, bool, str]] = Counter((form, ok, state) for form, ok, state, _ in found)
    forms = sorted({form for form, _, _, _ in found})
    print(f"{'form':34} {'accepted':>16}   now: in deck good/bad   under threshold   not drafted")
    for form in forms:
        good = sum(count[(form, True, s)] for s in STATES)
        bad = sum(count[(form, False, s)] for s in STATES)
        cells = "   ".join(f"{count[(form, True, s)]:>5}/{count[(form, False, s)]:<5}" for s in STATES)
        print(f"{form:34} {good:>4}/{good + bad:<4} = {100 * good / (good + bad):3.0f}%        {cells}")
    if args.list:
        for form, ok, state, question in found:
            if form == args.list:
                print(f"{'ok ' if ok else 'BAD'} {state:5} {question.document[:30]:30} {question.prompt} || "
                      f"{question.answer}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
