"""What the generator drafts now of what reviewers judged before: good kept and bad kept.

Run: python benchmarks/review_recall.py FOLDER SHOW [REVIEW ...] [--set SHOW REVIEWS]... [--top 20] [--lost] [--bad]

SHOW and its REVIEWs are read as score_review.py reads them (a `bench_generate_quality.py --show`
output and one review file per document: `N ok` / `N REJECT <class>: why`). FOLDER holds the same
documents. Each reviewed document is drafted again with the code as it is now, and a reviewed
question counts as kept when a question of the same kind and the same prompt (compared as
`normalised` text) is in the new top N above the threshold. A document reviewed in several sets (the
same sections at two commits) has its verdicts pooled; a later set's verdict on the same prompt wins.

Printed per document: how many questions are drafted now, good kept (the accepted ones still there),
bad kept (the rejected ones still there); then the totals. Precision is what a teacher sees, recall
is whether the good questions a reviewer saw are still offered: a change that raises one and lowers
the other shows here. `--lost` lists each accepted question no longer kept, with its score now when
`--all` would write it under the threshold (and the reasons), or 'not drafted'; `--bad` lists each
rejected question still kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_review import Shown, add_review_arguments, join, review_files, review_sets

from quizmg.bank import bank_from_deck
from quizmg.formats.text import read_text
from quizmg.generate.draft import draft_deck
from quizmg.generate.quality import normalised
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100: (.*?)\.?$")


@dataclass
class Tally:
    """One document's verdicts matched against its draft now."""

    document: str
    drafted: int = 0
    good: int = 0
    bad: int = 0
    good_kept: int = 0
    bad_kept: int = 0
    lost: list[tuple[Shown, str]] = field(default_factory=list)
    still_bad: list[Shown] = field(default_factory=list)  # rejected ones still kept
    good_ranks: list[int] = field(default_factory=list)  # where the kept ones stand in the deck now (1 = first)
    bad_ranks: list[int] = field(default_factory=list)


def key(kind: str, prompt: str) -> tuple[str, str]:
    return kind, normalised(prompt)


def verdicts(sets: list[tuple[Path, list[Path]]], problems: list[str]) -> dict[str, dict[tuple[str, str], tuple[bool,
                                                                                                             Shown]]]:
    """Each document's reviewed questions by (kind, prompt): accepted or not, and as shown."""
    found: dict[str, dict[tuple[str, str], tuple[bool, Shown]]] = {}
    for show, reviews in sets:
        for row in join(show, review_files(reviews), problems):
            found.setdefault(row.shown.document, {})[key(row.shown.kind, row.shown.prompt)] = (row.verdict.ok,
                                                                                               row.shown)
    return found


def drafted_now(path: Path, top: int) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], str]]:
    """The prompts of the top `top` drafted now above the threshold, each with its place in the deck, and
    the score and reasons of those `--all` would add under it."""
    draft = draft_deck(read_text(path), path, max_questions=top, keep_all=True)
    kept: dict[tuple[str, str], int] = {}
    under: dict[tuple[str, str], str] = {}
    for question in bank_from_deck(draft.deck).questions:
        score = SCORE.search(question.explanation)
        value = int(score.group(1)) if score else 100
        if value >= THRESHOLD:
            kept[key(question.kind, question.prompt_text())] = len(kept) + 1
        else:
            under[key(question.kind, question.prompt_text())] = f"{value}/100: {score.group(2) if score else ''}"
    return kept, under


def tally(folder: Path, found: dict[str, dict[tuple[str, str], tuple[bool, Shown]]], top: int,
          problems: list[str]) -> list[Tally]:
    tallies = []
    for document in sorted(found):
        path = folder / document
        if not path.is_file():
            problems.append(f"{path}: no such document (its reviews are left out)")
            continue
        kept, under = drafted_now(path, top)
        counted = Tally(document, drafted=len(kept))
        for prompt_key, (ok, shown) in found[document].items():
            here = prompt_key in kept
            if here:
                (counted.good_ranks if ok else counted.bad_ranks).append(kept[prompt_key])
            if ok:
                counted.good += 1
                counted.good_kept += here
                if not here:
                    counted.lost.append((shown, f"now {under[prompt_key]}" if prompt_key in under else "not drafted"))
            else:
                counted.bad += 1
                counted.bad_kept += here
                if here:
                    counted.still_bad.append(shown)
        tallies.append(counted)
    return tallies


def _mean(ranks: list[int]) -> str:
    return f"{sum(ranks) / len(ranks):.1f} on average" if ranks else "none kept"


def ratio(part: int, whole: int) -> str:
    return f"{part}/{whole} = {100 * part / whole:.0f}%" if whole else "0/0"


def report(tallies: list[Tally], lost: bool, bad: bool = False) -> list[str]:
    width = max((len(t.document) for t in tallies), default=3)
    lines = ["drafted now, matched against the reviews: good kept (accepted, still drafted), bad kept (rejected, "
             "still drafted)"]
    for t in tallies:
        lines.append(f"  {t.document:<{width}}  drafts {t.drafted:>3}  good kept {ratio(t.good_kept, t.good):<12}"
                     f"  bad kept {ratio(t.bad_kept, t.bad)}")
    total = Tally("all", sum(t.drafted for t in tallies), sum(t.good for t in tallies), sum(t.bad for t in tallies),
                  sum(t.good_kept for t in tallies), sum(t.bad_kept for t in tallies))
    lines.append(f"  {'all':<{width}}  drafts {total.drafted:>3}  good kept {ratio(total.good_kept, total.good):<12}"
                 f"  bad kept {ratio(total.bad_kept, total.bad)}")
    kept = total.good_kept + total.bad_kept
    lines.append(f"  precision of the kept reviewed questions: {ratio(total.good_kept, kept)}")
    good_ranks = [r for t in tallies for r in t.good_ranks]
    bad_ranks = [r for t in tallies for r in t.bad_ranks]
    lines.append(f"  place in the deck (1 = first): accepted {_mean(good_ranks)}, rejected {_mean(bad_ranks)}; "
                 f"rejected in the first 10: {sum(r <= 10 for r in bad_ranks)} of {len(bad_ranks)} kept")
    if lost:
        lines.append("\naccepted before, not kept now")
        for t in tallies:
            for shown, why in t.lost:
                lines.append(f"  {t.document} {shown.number}. [{shown.kind}] {shown.prompt} -> {shown.answer}  ({why})")
    if bad:
        lines.append("\nrejected before, still kept now")
        for t in tallies:
            for shown in t.still_bad:
                lines.append(f"  {t.document} {shown.number}. [{shown.kind}] {shown.prompt} -> {shown.answer}")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, help="the reviewed documents")
    add_review_arguments(parser)
    parser.add_argument("--top", type=int, default=20)
    parser.add_argument("--lost", action="store_true", help="list the accepted questions no longer kept")
    parser.add_argument("--bad", action="store_true", help="list the rejected questions still kept")
    args = parser.parse_args(argv)
    sets = review_sets(parser, args)
    for path in [args.folder, *(show for show, _ in sets)]:
        if not path.exists():
            print(f"{path}: no such file or folder", file=sys.stderr)
            return 1
    problems: list[str] = []
    found = verdicts(sets, problems)
    tallies = tally(args.folder, found, args.top, problems)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    print("\n".join(report(tallies, args.lost, args.bad)))
    return 0 if tallies else 1


if __name__ == "__main__":
    sys.exit(main())
