"""Fit the acceptance model on reviewed drafts and prove it leave-one-set-out.

Run: python benchmarks/fit_acceptance.py [--set NAME SHOW REVIEWS FOLDER]... [--pooled] [--weights]

A labelled set is a show file (`bench_generate_quality.py --show` output), its reviews and the folder of
the reviewed documents. REVIEWS is a folder of per-document review files (`N ok` / `N REJECT class: why`,
as score_review.py reads them) or one file of the lead's form, a line per document that names only the
rejected numbers (`chem chemical formulas 8/10 (rejected: 8 "..." why; 9 ...)`; every other number of
that document's top N was accepted); `FILE#2` reads its second `# ` section. `--pooled` adds every set
of the evaluation material on this machine (eval-t5..t9 reviews, the lead's reviews of s3, s4, s5, s6, s7
and hc's of s5) that is present.

Each reviewed document is drafted again with the code as it is now, with --all and room for every
candidate, and each reviewed question is joined to today's question of the same kind and the same
normalised prompt (as review_recall.py does); the joined count is printed. The signals of
quizmg/generate/acceptance.py are computed for each joined question, a logistic model is fitted (plain
Python, Newton's method, an L2 penalty), and for each set in turn the model fitted on all the OTHER sets
scores it: the AUC of its chance alone against the AUC of today's draft score; and, within each
document, the order the model would give (the draft score first, the chance among equal scores) against
today's order (the draft score first, the ranking's order among equal scores): its AUC over
pairs of one document, and the good and bad questions kept when each document's lowest 20% / 30% in
that order are cut. `--weights` prints the weights fitted on
all sets, as a table to paste into acceptance.py.
"""

from __future__ import annotations

import argparse
import math
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from score_review import Review, Verdict, join, read_show, review_files

from quizmg.formats.text import read_text
from quizmg.generate import acceptance
from quizmg.generate.acceptance import Drafted, signals
from quizmg.generate.draft import draft_deck
from quizmg.generate.quality import normalised
from quizmg.generate.trust import key_groups

SCORE = re.compile(r"Draft score (\d+)/100")
LEAD_LINE = re.compile(r"^(?P<name>[A-Za-z][\w /&'-]*?)\s+(?P<ok>\d+)/(?P<of>\d+)\s*\((?P<body>.*)\)\s*$")
WORK = Path("/work")


@dataclass
class Labelled:
    """One reviewed question joined to today's draft."""

    set_name: str
    document: str
    ok: bool
    values: dict[str, float]
    score: int  # today's draft score
    place: int  # today's place in the document's deck (1 = first)


def pooled_sets() -> list[tuple[str, Path, str, Path]]:
    """The evaluation material on this machine: (set, show, reviews, folder), those present."""
    found = [
        ("t5", WORK / "eval-t5-review/show-f819cd4.txt", str(WORK / "eval-t5-review"), WORK / "eval-t5"),
        ("t6", WORK / "eval-t6-review/show-2e11870.txt", str(WORK / "eval-t6-review"), WORK / "eval-t6"),
        ("t7", WORK / "eval-t7-review/show-40a3629.txt", str(WORK / "eval-t7-review"), WORK / "eval-t7"),
        ("t8", WORK / "eval-t8-review/show-6a542f3.txt", str(WORK / "eval-t8-review"), WORK / "eval-t8"),
        ("t9", WORK / "eval-t9-review/show-efd312d.txt", str(WORK / "eval-t9-review"), WORK / "eval-t9"),
        ("s3", WORK / "eval-s3-review/show-46b3149.txt", str(WORK / "eval-s3-review/REVIEW-46b3149.md"),
         WORK / "eval-s3"),
        ("s4", WORK / "eval-s4-review/show-f819cd4.txt", str(WORK / "eval-s4-review/REVIEW-lead.md"), WORK / "eval-s4"),
        ("s4", WORK / "eval-s4-review/show-b7c152a.txt", str(WORK / "eval-s4-review/REVIEW-lead.md#2"),
         WORK / "eval-s4"),
        ("s5", WORK / "eval-s5-review/base-show.txt", str(WORK / "eval-s5-review/REVIEW-lead.md"), WORK / "eval-s5"),
        ("s5", Path("/tmp/hc-s5-review/show.txt"), "/tmp/hc-s5-review", WORK / "eval-s5"),
        ("s6", WORK / "eval-s6-review/base-show.txt", str(WORK / "eval-s6-review/review-start.md"), WORK / "eval-s6"),
        ("s6", WORK / "eval-s6-review/final-show.txt", str(WORK / "eval-s6-review/review-end.md"), WORK / "eval-s6"),
        ("s7", WORK / "eval-s7-review/base-show.txt", str(WORK / "eval-s7-review/review-start"), WORK / "eval-s7"),
        ("s7", WORK / "eval-s7-review/final-show.txt", str(WORK / "eval-s7-review/review-end"), WORK / "eval-s7"),
        ("s8", WORK / "eval-s8-review/base-show.txt", str(WORK / "eval-s8-review/review-start"), WORK / "eval-s8"),
        ("s8", WORK / "eval-s8-review/final-show.txt", str(WORK / "eval-s8-review/review-end"), WORK / "eval-s8"),
    ]
    return [entry for entry in found if entry[1].is_file() and Path(entry[2].split("#")[0]).exists()]


def _words(text: str) -> set[str]:
    return {w[:5] for w in re.findall(r"[a-z]+", text.lower()) if len(w) > 2}


def lead_reviews(spec: str, documents: list[str]) -> dict[str, Review]:
    """The lead's one-line-per-document review (its `# ` section number `#N`, the first by default) as
    per-question verdicts for the show's documents: the rejected numbers named, every other accepted."""
    path, _, number = spec.partition("#")
    sections = re.split(r"^# ", Path(path).read_text(encoding="utf-8"), flags=re.MULTILINE)
    section = [s for s in sections if s.strip()][int(number or 1) - 1]
    reviews: dict[str, Review] = {}
    for line in section.splitlines():
        match = LEAD_LINE.match(line.strip())
        if not match or "total" in match["name"].lower():
            continue
        name_words = _words(match["name"])
        document = max(documents, key=lambda d: (len(name_words & _words(d)), -len(d)), default=None)
        if document is None or not name_words & _words(document):
            continue
        rejected_part = match["body"].split("rejected:", 1)[1] if "rejected:" in match["body"] else ""
        rejected: set[int] = set()
        for clause in re.split(r";\s*", rejected_part):
            lead = re.match(r"\s*(\d+(?:\s*(?:,|and)\s*\d+)*)\b", clause)
            if lead:
                rejected |= {int(n) for n in re.findall(r"\d+", lead.group(1))}
        total = int(match["of"])
        review = Review(total=(int(match["ok"]), total))
        for n in range(1, total + 1):
            review.verdicts[n] = Verdict(n not in rejected, "" if n not in rejected else "lead")
        reviews[document] = review
    return reviews


def verdicts_of(show: Path, reviews: str, problems: list[str]) -> dict[str, dict[tuple[str, str], bool]]:
    """Each document's reviewed questions by (kind, normalised prompt): accepted or not."""
    documents = read_show(show)
    found: dict[str, dict[tuple[str, str], bool]] = {}
    path = Path(reviews.split("#")[0])
    if path.is_file() and path.stem not in {Path(d).stem for d in documents}:
        for document, review in lead_reviews(reviews, list(documents)).items():
            shown = {q.number: q for q in documents[document]}
            if review.total and review.total[1] != len(shown):
                problems.append(f"{reviews}: {document} has {len(shown)} questions, the review says {review.total[1]}")
            for n, verdict in review.verdicts.items():
                if n in shown:
                    found.setdefault(document, {})[(shown[n].kind, normalised(shown[n].prompt))] = verdict.ok
        return found
    for row in join(show, first_reviews(review_files([path])), problems):
        found.setdefault(row.shown.document, {})[(row.shown.kind, normalised(row.shown.prompt))] = row.verdict.ok
    return found


def first_reviews(paths: list[Path]) -> list[Path]:
    """The review files, each cut where a second review of other drafts begins (a `# ` heading after
    verdicts, as 'after, at <commit>, top 7'): its numbers name another show's questions."""
    folder = Path(tempfile.mkdtemp(prefix="fit-acceptance-"))
    cut_paths = []
    for path in paths:
        kept: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# ") and any(re.match(r"\s*\d+\s+(?:ok|reject)", k, re.I) for k in kept):
                break
            kept.append(line)
        (folder / path.name).write_text("\n".join(kept) + "\n", encoding="utf-8")
        cut_paths.append(folder / path.name)
    return cut_paths


def drafted_now(path: Path) -> dict[tuple[str, str], tuple[dict[str, float], int, int]]:
    """Every question drafted now (with --all), by (kind, prompt): its signals, score and place."""
    draft = draft_deck(read_text(path), path, max_questions=100, keep_all=True)
    questions = draft.deck.questions
    made: list[Drafted] = []
    scores: list[int] = []
    for question in questions:
        score = SCORE.search(question.explanation or "")
        template = question.id.rsplit(".", 1)[1] if question.mechanism and question.id and "." in question.id else None
        made.append(Drafted(question, question.answer_text(), draft.sources.get(question.id or ""), template))
        scores.append(int(score.group(1)) if score else 100)
    setting = acceptance.setting_for(draft.terms, key_groups(draft.terms), draft.document.people, made)
    return {
        (d.kind, normalised(d.prompt)): (signals(d, setting), score, place)
        for place, (d, score) in enumerate(zip(made, scores, strict=True), start=1)
    }


def labelled(sets: list[tuple[str, Path, str, Path]], problems: list[str]) -> list[Labelled]:
    pooled: dict[tuple[str, str], dict[tuple[str, str], bool]] = {}
    folders: dict[tuple[str, str], Path] = {}
    for name, show, reviews, folder in sets:
        for document, found in verdicts_of(show, reviews, problems).items():
            pooled.setdefault((name, document), {}).update(found)  # a later review of one prompt wins
            folders[(name, document)] = folder
    rows: list[Labelled] = []
    reviewed = 0
    for (name, document), found in sorted(pooled.items()):
        path = folders[(name, document)] / document
        reviewed += len(found)
        if not path.is_file():
            problems.append(f"{path}: no such document (its reviews are left out)")
            continue
        now = drafted_now(path)
        for key, ok in found.items():
            if key in now:
                values, score, place = now[key]
                rows.append(Labelled(name, document, ok, values, score, place))
    print(f"reviewed questions: {reviewed}; joined to a question drafted now: {len(rows)} "
          f"({100 * len(rows) / max(reviewed, 1):.0f}%), of them accepted {sum(r.ok for r in rows)}")
    return rows


# Fitting: logistic regression by Newton's method, weights (not the intercept) under a small L2 penalty.

def fit(rows: list[Labelled], names: list[str], penalty: float = 5.0,
        rounds: int = 25) -> tuple[float, dict[str, float]]:
    size = len(names) + 1
    weights = [0.0] * size
    data = [([1.0, *(r.values[n] for n in names)], 1.0 if r.ok else 0.0) for r in rows]
    for _ in range(rounds):
        gradient = [0.0] * size
        hessian = [[0.0] * size for _ in range(size)]
        for x, y in data:
            z = sum(w * v for w, v in zip(weights, x, strict=True))
            p = 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(size):
                gradient[i] += (y - p) * x[i]
                for j in range(i, size):
                    hessian[i][j] += p * (1 - p) * x[i] * x[j]
        for i in range(size):
            for j in range(i):
                hessian[i][j] = hessian[j][i]
            if i:
                gradient[i] -= penalty * weights[i]
                hessian[i][i] += penalty
        step = _solve(hessian, gradient)
        weights = [w + s for w, s in zip(weights, step, strict=True)]
        if max(abs(s) for s in step) < 1e-6:
            break
    return weights[0], dict(zip(names, weights[1:], strict=True))


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """Solve matrix · x = vector by Gaussian elimination with partial pivoting."""
    size = len(vector)
    a = [[*row, vector[i]] for i, row in enumerate(matrix)]
    for col in range(size):
        pivot = max(range(col, size), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        if abs(a[col][col]) < 1e-12:
            continue
        for r in range(col + 1, size):
            factor = a[r][col] / a[col][col]
            for c in range(col, size + 1):
                a[r][c] -= factor * a[col][c]
    x = [0.0] * size
    for r in range(size - 1, -1, -1):
        if abs(a[r][r]) < 1e-12:
            continue
        x[r] = (a[r][size] - sum(a[r][c] * x[c] for c in range(r + 1, size))) / a[r][r]
    return x


def auc(scored: list[tuple[float, bool]]) -> float:
    """The chance that an accepted question outscores a rejected one (ties count half)."""
    good = [s for s, ok in scored if ok]
    bad = [s for s, ok in scored if not ok]
    if not good or not bad:
        return float("nan")
    wins = sum(1.0 if g > b else 0.5 if g == b else 0.0 for g in good for b in bad)
    return wins / (len(good) * len(bad))


def within_auc(rows: list[Labelled], value: dict[int, float]) -> float:
    """The AUC over pairs of one document only (an order is judged where it orders: in one deck)."""
    wins = pairs = 0.0
    by_document: dict[str, list[Labelled]] = {}
    for row in rows:
        by_document.setdefault(row.document, []).append(row)
    for members in by_document.values():
        for g in (r for r in members if r.ok):
            for b in (r for r in members if not r.ok):
                pairs += 1
                wins += 1.0 if value[id(g)] > value[id(b)] else 0.5 if value[id(g)] == value[id(b)] else 0.0
    return wins / pairs if pairs else float("nan")


def cut(rows: list[Labelled], value: dict[int, float], share: float) -> tuple[int, int]:
    """Good kept and bad kept when each document's lowest `share` (by `value`) is cut."""
    by_document: dict[str, list[Labelled]] = {}
    for row in rows:
        by_document.setdefault(row.document, []).append(row)
    good = bad = 0
    for members in by_document.values():
        ordered = sorted(members, key=lambda r: -value[id(r)])
        kept = ordered[: len(ordered) - round(share * len(ordered))]
        good += sum(r.ok for r in kept)
        bad += sum(not r.ok for r in kept)
    return good, bad


def prove(rows: list[Labelled], names: list[str]) -> list[str]:
    """Each set scored by the model fitted on the others: the model's chance alone against today's draft
    score (AUC over the set), and the deck order it gives (the draft score first, the chance among equal
    scores) against today's order (the draft score first, the ranking's order among equal scores)."""
    lines = ["leave-one-set-out: the model fitted on the other sets scores each set",
             "set   n  acc%  AUC chance/draft-score  in-deck AUC model/today's order  "
             "cut 20%: prec model/today (good kept)  cut 30%: prec model/today (good kept)"]
    sets = sorted({r.set_name for r in rows})
    totals: dict[str, list[tuple[int, int]]] = {}
    for held in sets:
        train = [r for r in rows if r.set_name != held]
        test = [r for r in rows if r.set_name == held]
        intercept, weights = fit(train, names)
        chance = {id(r): acceptance.chance(r.values, weights, intercept) for r in test}
        new = {id(r): r.score + chance[id(r)] for r in test}
        today = {id(r): r.score - r.place / 1000 for r in test}
        parts = [f"{held:<4}{len(test):>4}  {100 * sum(r.ok for r in test) / len(test):3.0f}  "
                 f"{auc([(chance[id(r)], r.ok) for r in test]):.2f}/{auc([(r.score, r.ok) for r in test]):.2f}"
                 f"                  {within_auc(test, new):.2f}/{within_auc(test, today):.2f}          "]
        for share in (0.2, 0.3):
            m, t = cut(test, new, share), cut(test, today, share)
            totals.setdefault(f"m{share}", []).append(m)
            totals.setdefault(f"t{share}", []).append(t)
            parts.append(f"  {_precision(m)}/{_precision(t)} ({m[0]}/{t[0]} of {sum(r.ok for r in test)})")
        lines.append("".join(parts))
    for share in (0.2, 0.3):
        m = tuple(map(sum, zip(*totals[f"m{share}"], strict=True)))
        t = tuple(map(sum, zip(*totals[f"t{share}"], strict=True)))
        lines.append(f"all sets, cut {share:.0%}: precision model order {_precision(m)} (good {m[0]}, bad {m[1]}), "
                     f"today's order {_precision(t)} (good {t[0]}, bad {t[1]}); "
                     f"uncut {_precision((sum(r.ok for r in rows), sum(not r.ok for r in rows)))}")
    return lines


def _precision(kept: tuple[int, ...]) -> str:
    return f"{100 * kept[0] / max(kept[0] + kept[1], 1):.0f}%"


def add_set_arguments(parser: argparse.ArgumentParser) -> None:
    """--set NAME SHOW REVIEWS FOLDER (repeated) and --pooled: the reviewed sets a script reads."""
    parser.add_argument("--set", nargs=4, action="append", default=[], metavar=("NAME", "SHOW", "REVIEWS", "FOLDER"))
    parser.add_argument("--pooled", action="store_true", help="every reviewed evaluation set on this machine")


def chosen_sets(args: argparse.Namespace, parser: argparse.ArgumentParser) -> list[tuple[str, Path, str, Path]]:
    """The sets named by add_set_arguments' options; an error when there are none."""
    sets = [(name, Path(show), reviews, Path(folder)) for name, show, reviews, folder in args.set]
    if args.pooled:
        sets += pooled_sets()
    if not sets:
        parser.error("give --set NAME SHOW REVIEWS FOLDER, or --pooled")
    return sets


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_set_arguments(parser)
    parser.add_argument("--weights", action="store_true", help="print the weights fitted on all sets")
    args = parser.parse_args(argv)
    sets = chosen_sets(args, parser)
    for _, show, reviews, folder in sets:
        for path in (show, Path(reviews.split("#")[0]), folder):
            if not path.exists():
                print(f"{path}: no such file or folder", file=sys.stderr)
                return 1
    problems: list[str] = []
    rows = labelled(sets, problems)
    for problem in problems:
        print(f"warning: {problem}", file=sys.stderr)
    if not rows or len({r.ok for r in rows}) < 2:
        print("too few joined questions to fit (need accepted and rejected ones)", file=sys.stderr)
        return 1
    names = [signal.__name__ for signal in acceptance.SIGNALS]
    if len({r.set_name for r in rows}) > 1:
        print("\n".join(prove(rows, names)))
    if args.weights:
        intercept, weights = fit(rows, names)
        print(f"\nfitted on all {len(rows)} joined questions\nINTERCEPT = {intercept:.2f}\nWEIGHTS = {{")
        for name in names:
            print(f'    "{name}": {weights[name]:.2f},')
        print("}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
