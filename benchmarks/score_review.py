"""Count a reviewer's verdicts on drafted questions: per document, by rejection class, kind, form and score.

Run: python benchmarks/score_review.py SHOW [REVIEW ...] [--set SHOW REVIEWS]... [--rows]

SHOW is what `bench_generate_quality.py FOLDER --show` printed: for each document a line
`=== <document>: top N`, then each question as ` N. [kind] prompt`, its answer or choices, and its
`Draft score S/100: reasons.` line. A REVIEW is a file (or a folder of them; default: the .md files
beside SHOW) named after its document (`<document>.md`, the document's own name with .md or without
its suffix), with one line per question:

    N ok
    N REJECT <class>: why, in a few words

and any other lines (a title, `total: K/M`, notes) left alone. `--set SHOW REVIEWS` adds another
drafted set with its reviews (say, the same sections at another commit); every set is counted
together. The output: each document's acceptable/reviewed (and the reviewer's own total where it
differs), the rejections by class, and acceptance by question kind, by question form (the kind with
its wording: a definition, an acronym, a why/how ...), by score band and by each score reason, so
one can see which of the draft's own signals foretell a rejection. `--rows` prints one tab-separated
line per reviewed question instead, for a closer look.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

HEADER = re.compile(r"^=== (?P<document>.+?): top (?P<count>\d+)\s*$")
QUESTION = re.compile(r"^\s*(?P<number>\d+)\.\s+\[(?P<kind>\w+)\]\s+(?P<prompt>.*)$")
DETAIL = re.compile(r"^\s+(?P<label>choices|order|answer):\s*(?P<text>.*)$")
SCORE = re.compile(r"^\s+Draft score (?P<score>\d+)/100:?\s*(?P<reasons>.*?)\.?\s*$")
VERDICT = re.compile(r"^\s*(?P<number>\d+)[.:)]?\s+(?P<verdict>ok|reject)\b[\s:]*(?P<tag>[\w-]*)\s*:?\s*(?P<why>.*)$",
                     re.IGNORECASE)
TOTAL = re.compile(r"^\s*total:\s*(?P<ok>\d+)\s*/\s*(?P<of>\d+)", re.IGNORECASE)
# The wording of a question, beyond its kind: the forms a reviewer judges differently.
FORMS = (
    ("acronym", re.compile(r"^What (?:does|do) .+ stand for\?$")),
    ("definition", re.compile(r"^What is the term for\b")),
    ("why/how", re.compile(r"^(?:Why|How)\b")),
    ("what-if", re.compile(r"^(?:What happens|What would happen|If)\b")),
    ("which-not", re.compile(r"\bNOT\b")),
    ("link", re.compile(r"^What is the link between\b")),
    ("what-does-do", re.compile(r"^What (?:does|do) .+ do\b")),
    ("completion", re.compile(r"^Which completes\b")),
)
BANDS = ((100, "100"), (90, "90-99"), (70, "70-89"), (60, "60-69"), (0, "under 60"))


@dataclass
class Shown:
    """One drafted question as the show file printed it."""

    document: str
    number: int
    kind: str
    prompt: str
    answer: str = ""
    score: int | None = None
    reasons: list[str] = field(default_factory=list)

    @property
    def form(self) -> str:
        if self.kind in {"cloze", "truefalse"}:  # the source sentence's own words: no wording of ours
            return self.kind
        for name, pattern in FORMS:
            if pattern.search(self.prompt):
                return f"{self.kind} {name}"
        return self.kind

    @property
    def band(self) -> str:
        if self.score is None:
            return "no score"
        return next(name for floor, name in BANDS if self.score >= floor)


@dataclass
class Verdict:
    ok: bool
    tag: str = ""
    why: str = ""


@dataclass
class Review:
    """A reviewer's verdicts on one document, and what did not add up."""

    verdicts: dict[int, Verdict] = field(default_factory=dict)
    total: tuple[int, int] | None = None
    twice: list[int] = field(default_factory=list)


def read_show(path: Path) -> dict[str, list[Shown]]:
    """Each document's questions, in the order shown."""
    documents: dict[str, list[Shown]] = {}
    current: list[Shown] | None = None
    name = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if header := HEADER.match(line):
            name = header["document"]
            current = documents.setdefault(name, [])
        elif current is None:
            continue
        elif question := QUESTION.match(line):
            current.append(Shown(name, int(question["number"]), question["kind"], question["prompt"].strip()))
        elif current and (score := SCORE.match(line)):
            current[-1].score = int(score["score"])
            current[-1].reasons = [reason_class(r) for r in score["reasons"].split("; ") if r.strip()]
        elif current and (detail := DETAIL.match(line)):
            current[-1].answer = detail["text"].strip()
    return documents


def reason_class(reason: str) -> str:
    """A score reason without what changes from question to question (line numbers, quoted words, counts)."""
    reason = re.sub(r"\s*\((?:line|at line)[^)]*\)", "", reason.strip())
    reason = re.sub(r"\bat line \d+", "", reason)
    reason = re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)
    reason = re.sub(r"\d+×", "N×", reason)
    reason = re.sub(r"\bonly \d+ choices", "only N choices", reason)
    return re.sub(r"\s+", " ", reason).strip()


def read_review(path: Path) -> Review:
    review = Review()
    for line in path.read_text(encoding="utf-8").splitlines():
        if total := TOTAL.match(line):
            review.total = (int(total["ok"]), int(total["of"]))
        elif verdict := VERDICT.match(line):
            number = int(verdict["number"])
            if number in review.verdicts:
                review.twice.append(number)
            ok = verdict["verdict"].lower() == "ok"
            review.verdicts[number] = Verdict(ok, "" if ok else (verdict["tag"] or "untagged"), verdict["why"].strip())
    return review


def review_files(paths: Iterable[Path]) -> list[Path]:
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(sorted(p for p in path.glob("*.md") if p.name != "CLASSES.md"))
        elif path.exists():
            found.append(path)
        else:
            raise SystemExit(f"{path}: no such file or folder")
    return found


def document_for(review: Path, documents: dict[str, list[Shown]]) -> str | None:
    """The show's document a review file is named after."""
    for name in documents:
        if review.name == name or review.stem == name or review.stem == Path(name).stem:
            return name
    return None


@dataclass
class Row:
    set_name: str
    shown: Shown
    verdict: Verdict


def join(show: Path, reviews: list[Path], problems: list[str]) -> list[Row]:
    documents = read_show(show)
    rows: list[Row] = []
    for path in reviews:
        name = document_for(path, documents)
        if name is None:
            continue  # a note, or a review of a document this show lacks
        review = read_review(path)
        questions = {q.number: q for q in documents[name]}
        if review.twice:
            twice = ", ".join(map(str, review.twice))
            problems.append(f"{path}: question {twice} reviewed twice (the last line counts)")
        missing = sorted(set(questions) - set(review.verdicts))
        if missing:
            problems.append(f"{path}: not reviewed: {', '.join(map(str, missing))}")
        extra = sorted(set(review.verdicts) - set(questions))
        if extra:
            problems.append(f"{path}: {show.name} has no question {', '.join(map(str, extra))}")
        ok = sum(review.verdicts[n].ok for n in questions if n in review.verdicts)
        reviewed = sum(n in review.verdicts for n in questions)
        if review.total is not None and review.total != (ok, reviewed):
            problems.append(f"{path}: says total {review.total[0]}/{review.total[1]}, its lines give {ok}/{reviewed}")
        rows.extend(Row(show.name, questions[n], review.verdicts[n]) for n in sorted(questions) if n in review.verdicts)
    if not rows:
        problems.append(f"{show}: no review file named after any of its documents")
    return rows


def percent(ok: int, of: int) -> str:
    return f"{ok}/{of} = {100 * ok / of:.0f}%" if of else "0/0"


def table(title: str, rows: list[Row], key: str) -> list[str]:
    groups: dict[str, list[Row]] = {}
    for row in rows:
        values = row.shown.reasons if key == "reason" else [getattr(row.shown, key)]
        for value in values or ["(none)"]:
            groups.setdefault(value, []).append(row)
    lines = [f"\n{title}"]
    for value, members in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        ok = sum(r.verdict.ok for r in members)
        lines.append(f"  {value}: {percent(ok, len(members))} acceptable")
    return lines


def report(rows: list[Row]) -> list[str]:
    lines = ["acceptable per document"]
    by_document: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        by_document.setdefault((row.set_name, row.shown.document), []).append(row)
    width = max((len(name) for _, name in by_document), default=0)
    for (set_name, name), members in by_document.items():
        ok = sum(r.verdict.ok for r in members)
        lines.append(f"  {name:<{width}}  {percent(ok, len(members))}  ({set_name})")
    ok = sum(r.verdict.ok for r in rows)
    lines.append(f"  {'all':<{width}}  {percent(ok, len(rows))}")
    classes = Counter(r.verdict.tag for r in rows if not r.verdict.ok)
    lines.append(f"\nrejections by class ({sum(classes.values())})")
    lines.extend(f"  {tag}: {count}" for tag, count in sorted(classes.items(), key=lambda item: (-item[1], item[0])))
    lines += table("by kind", rows, "kind")
    lines += table("by form", rows, "form")
    lines += table("by score band", rows, "band")
    lines += table("by score reason (a question counts under each of its reasons)", rows, "reason")
    return lines


def add_review_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments naming reviewed drafts: a show file and its reviews, and `--set` for more."""
    parser.add_argument("show", type=Path, nargs="?", help="a --show output")
    parser.add_argument("reviews", type=Path, nargs="*", help="review files or folders (default: beside SHOW)")
    parser.add_argument("--set", nargs=2, action="append", default=[], metavar=("SHOW", "REVIEWS"),
                        help="another show file and its review file or folder")


def review_sets(parser: argparse.ArgumentParser, args: argparse.Namespace) -> list[tuple[Path, list[Path]]]:
    """(show file, its review files or folders) for each set the arguments name."""
    sets = [(Path(show), [Path(reviews)]) for show, reviews in args.set]
    if args.show is not None:
        sets.insert(0, (args.show, args.reviews or [args.show.parent]))
    if not sets:
        parser.error("give a show file, or --set SHOW REVIEWS")
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_review_arguments(parser)
    parser.add_argument("--rows", action="store_true", help="one tab-separated line per reviewed question")
    args = parser.parse_args(argv)
    sets = review_sets(parser, args)
    problems: list[str] = []
    rows: list[Row] = []
    for show, reviews in sets:
        if not show.is_file():
            print(f"{show}: no such file", file=sys.stderr)
            return 1
        rows.extend(join(show, review_files(reviews), problems))
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if args.rows:
        print("set\tdocument\tnumber\tkind\tform\tscore\treasons\tverdict\tclass\tprompt\tanswer")
        for row in rows:
            q = row.shown
            print("\t".join([row.set_name, q.document, str(q.number), q.kind, q.form, str(q.score),
                             "; ".join(q.reasons), "ok" if row.verdict.ok else "REJECT", row.verdict.tag,
                             q.prompt, q.answer]))
    else:
        print("\n".join(report(rows)))
    return 0 if rows else 1


if __name__ == "__main__":
    sys.exit(main())
