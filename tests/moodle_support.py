"""Moodle's own importers beside quizmg's readers, question by question.

Moodle's GIFT and Aiken importers run under php-cli through the harness in ../shared/corpus/moodle
(Moodle's source, GPL, is fetched by whoever runs the tests and named by MOODLE_SOURCE; it never
enters the repository). `moodle_read` gives Moodle's reading as JSON; `moodle_view` and `quizmg_view`
project both readings onto what a learner meets: type, text, name, right answers with their credit
and feedback. Run as a script to print the agreement on every snippet of the corpus:

    MOODLE_SOURCE=/tmp/moodle-src python tests/moodle_support.py
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parent.parent


def shared_folder() -> Path | None:
    """../shared beside the repository (or beside the worktrees' folder), if present."""
    for candidate in (REPO.parent / "shared", REPO.parent.parent / "shared"):
        if (candidate / "corpus" / "moodle").is_dir():
            return candidate
    return None


def moodle_folder() -> Path | None:
    shared = shared_folder()
    return shared / "corpus" / "moodle" if shared else None


def moodle_ready() -> str | None:
    """Why Moodle's importers cannot run here, or None when they can."""
    if shutil.which("php") is None:
        return "php is not installed"
    source = os.environ.get("MOODLE_SOURCE")
    if not source or not (Path(source) / "question" / "format" / "gift" / "format.php").is_file():
        return "MOODLE_SOURCE does not name a copy of Moodle's source"
    if moodle_folder() is None:
        return "../shared/corpus/moodle is not here"
    return None


def need_moodle() -> None:
    reason = moodle_ready()
    if reason:
        pytest.skip(reason)


def need_moodle_cloze() -> None:
    """Moodle's embedded-answers parser (question/type/multianswer/questiontype.php) is there too."""
    need_moodle()
    if not (Path(os.environ["MOODLE_SOURCE"]) / "question" / "type" / "multianswer" / "questiontype.php").is_file():
        pytest.skip("MOODLE_SOURCE lacks question/type/multianswer/questiontype.php (embedded answers)")


def moodle_read(path: Path, kind: str = "gift") -> dict[str, Any]:
    """Moodle's reading of a GIFT (or Aiken) file, from its own importer."""
    folder = moodle_folder()
    assert folder is not None
    harness = folder / "harness" / f"moodle_{kind}.php"
    if kind == "xml":  # our own driver around Moodle's XML importer
        harness = Path(__file__).resolve().parent / "moodle_xml.php"
    done = subprocess.run(["php", str(harness), str(path)], capture_output=True, text=True, timeout=60, check=False)
    if kind == "aiken":
        return _aiken_reading(done.stdout)
    start = done.stdout.find("{")
    return json.loads(done.stdout[start:]) if start != -1 else {"questions": [], "errors": [done.stderr]}


def _aiken_reading(output: str) -> dict[str, Any]:
    """The Aiken harness's lines (`Q: text | a / b | right=a`, `ERROR: …`) as the GIFT harness's JSON."""
    questions, errors = [], []
    for line in output.splitlines():
        if line.startswith(("ERROR:", "REFUSED:")):
            errors.append(line)
        elif line.startswith("Q: "):
            text, options, right = line[3:].rsplit(" | ", 2)
            answers = [
                {"text": option, "format": "moodle", "fraction": 1.0 if option == right[6:] else 0.0, "feedback": ""}
                for option in options.split(" / ")
            ]
            common = {"name": _default_name(text), "generalfeedback": "", "tags": []}
            common.update(text=text, textformat="moodle", single=1, answers=answers)
            questions.append({"qtype": "multichoice", **common})
    return {"questions": questions, "errors": errors}


# ------------------------------------------------------------------ projections


def shown(text: str, text_format: str = "plain") -> str:
    """Text as a learner reads it: HTML rendered to text for Moodle's HTML formats, spaces collapsed."""
    if text_format in ("html", "moodle"):
        text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
        text = re.sub(r"<(script|style)\b.*?</\1>", " ", text, flags=re.S | re.I)
        text = re.sub(r"<(?:br|/?p|/?div|/?li|/?tr|/?h\d|/?pre|hr)\b[^>]*>", " ", text, flags=re.I)
        # An image stays, as the Markdown image quizmg writes for it; `<>` or `a < b` is no tag.
        text = re.sub(r"<img\b[^>]*?\bsrc\s*=\s*[\"']([^\"']*)[\"'][^>]*>", r"![](\1)", text, flags=re.I)
        text = re.sub(r"<[A-Za-z/!][^>]*>", "", text)
        text = html.unescape(text)
    elif text_format == "markdown":
        text = html.unescape(text)
    # An image by its file name: Moodle links embedded files as @@PLUGINFILE@@/NAME, quizmg as media/NAME.
    text = re.sub(r"!\[[^\]\n]*\]\((?:[^()\s]*/)?([^()/\s]*)\)", r"![](\1)", text)
    return re.sub(r"\s+", " ", text.replace("\xa0", " ")).strip()


_EMBEDDED = re.compile(r"\d*:(?:SA|SHORTANSWER|MC|MULTICHOICE|NM|NUMERICAL|MR|MULTIRESPONSE)[A-Z_]*:", re.I)


def _default_name(text: str) -> str:
    plain = re.sub(r"<[^>]*>", "", text).strip()
    return plain if len(plain) <= 80 else plain[:77] + "..."


def _credit(value: float) -> float:
    return round(float(value), 4)


def moodle_view(question: dict[str, Any]) -> dict[str, Any] | None:
    """A question of Moodle's reading as a learner meets it; None for kinds quizmg does not hold."""
    qtype = question["qtype"]
    if qtype == "multianswer":
        return _cloze_view(question)
    if qtype not in ("multichoice", "shortanswer", "numerical", "truefalse", "match"):
        return None
    if re.search(r"\{" + _EMBEDDED.pattern, question["text"], re.I) or any(
        _EMBEDDED.match(str(a.get("answer", a.get("text", "")))) for a in question.get("answers", [])
    ):
        return None  # an embedded-answers (cloze) question, which Moodle's GIFT misreads as another kind
    fmt = question.get("textformat", "moodle")
    view: dict[str, Any] = {
        "type": qtype,
        "text": shown(question["text"], fmt),
        "name": None if question["name"] == _default_name(question["text"]) else question["name"],
        "explanation": shown(question["generalfeedback"], fmt),
        "tags": sorted(re.sub(r"\s+", "-", tag) for tag in question.get("tags", [])),
    }
    if qtype == "multichoice":
        view["single"] = bool(question["single"])
        view["answers"] = sorted(
            (shown(a["text"], a["format"]), _credit(a["fraction"]), shown(a["feedback"], "moodle"))
            for a in question["answers"]
        )
    elif qtype == "shortanswer":
        answers = []
        for a in question["answers"]:
            text = a["answer"]
            if _credit(a["fraction"]) == 1 and not re.search(r"(?<!\\)\*", text):
                text = text.replace("\\*", "*")
            answers.append((shown(text), _credit(a["fraction"]), shown(a["feedback"], fmt)))
        view["answers"] = sorted(answers)
    elif qtype == "numerical":
        view["answers"] = sorted(
            (float(a["answer"]), float(a["tolerance"]), _credit(a["fraction"]), shown(a["feedback"], fmt))
            for a in question["answers"]
            if a["answer"] != "*"
        )
        view["other"] = " ".join(shown(a["feedback"], fmt) for a in question["answers"] if a["answer"] == "*")
    elif qtype == "truefalse":
        view["correct"] = question["correct"]
        view["feedback"] = (shown(question["feedbacktrue"], fmt), shown(question["feedbackfalse"], fmt))
    elif qtype == "match":
        pairs = [(shown(p["left"], p["leftformat"]), shown(p["right"])) for p in question["pairs"]]
        view["pairs"] = sorted((left, right) for left, right in pairs if left and right)
        view["distractors"] = sorted(right for left, right in pairs if not left and right)
    return view


def _cloze_view(question: dict[str, Any]) -> dict[str, Any]:
    """Moodle's embedded-answers question: its text with each gap as `[[n]]`, each gap's right answer
    and (for a choice gap) its choices."""
    fmt = question.get("textformat", "moodle")
    gaps = []
    for gap in question["gaps"]:
        right = next((a["text"] for a in gap["answers"] if a["fraction"] >= 1), "")
        choices = sorted(shown(a["text"], "html") for a in gap["answers"]) if gap["qtype"] == "multichoice" else []
        gaps.append((shown(right, "html"), choices))
    return {
        "type": "cloze",
        "text": shown(re.sub(r"\{#(\d+)\}", r"[[\1]]", question["text"]), fmt),
        "name": question["name"],
        "explanation": shown(question["generalfeedback"], fmt),
        "tags": sorted(re.sub(r"\s+", "-", tag) for tag in question.get("tags", [])),
        "gaps": gaps,
    }


def quizmg_view(question: Any) -> dict[str, Any]:
    """A quizmg question projected the way `moodle_view` projects Moodle's."""
    from quizmg.model import Cloze, Match, MultipleChoice, Numeric, Short, TrueFalse

    kinds = {"mcq": "multichoice", "short": "shortanswer", "numeric": "numerical", "truefalse": "truefalse"}
    text, qid = question.prompt_text(), question.id or ""
    view: dict[str, Any] = {
        "type": kinds.get(question.kind, question.kind),
        "text": shown(text),
        "name": None if getattr(question, "name", None) == _default_name(text) else getattr(question, "name", None),
        "_id": qid,
        "explanation": shown(question.explanation),
        "tags": sorted(question.tags),
    }
    if isinstance(question, Cloze):
        from quizmg.model.cloze import Deletion, parse, revealed

        nodes = parse(question.text)
        gaps = [node for node in nodes if isinstance(node, Deletion)]
        marked = "".join(node if isinstance(node, str) else f"[[{node.number}]]" for node in nodes)
        view.update(type="cloze", text=shown(marked), name=question.name or qid)
        view["gaps"] = [
            (shown(revealed(gap.content)), sorted(shown(c) for c in gap.hint.split(" / ")) if gap.hint else [])
            for gap in gaps
        ]
    if isinstance(question, MultipleChoice):
        view["single"] = not question.multiple
        view["answers"] = sorted(
            (shown(c.text), _credit(_choice_credit(question, i) / 100), shown(c.explanation))
            for i, c in enumerate(question.choices)
        )
    elif isinstance(question, Short):
        said = getattr(question, "feedback", {})
        answers = [(shown(a), 1.0, shown(said.get(a, ""))) for a in [question.answer, *question.accepted]]
        partial = getattr(question, "partial", [])
        answers += [(shown(p.text), _credit(p.credit / 100), shown(p.feedback)) for p in partial]
        view["answers"] = sorted(answers)
    elif isinstance(question, Numeric):
        answers = [(question.answer, question.tolerance, 1.0, shown(getattr(question, "feedback", "")))]
        more = getattr(question, "more", [])
        answers += [(m.answer, m.tolerance, _credit(m.credit / 100), shown(m.feedback)) for m in more]
        view["answers"] = sorted(answers)
        view["other"] = shown(getattr(question, "other_feedback", ""))
    elif isinstance(question, TrueFalse):
        view["correct"] = question.answer
        right, wrong = shown(getattr(question, "right_feedback", "")), shown(getattr(question, "wrong_feedback", ""))
        view["feedback"] = (right, wrong) if question.answer else (wrong, right)
    elif isinstance(question, Match):
        view["pairs"] = sorted((shown(p.left), shown(p.right)) for p in question.pairs)
        view["distractors"] = sorted(shown(d) for d in getattr(question, "distractors", []))
    return view


def _choice_credit(question: Any, index: int) -> float:
    if hasattr(question, "credit"):
        return float(question.credit(index))
    right = sum(c.correct for c in question.choices)  # quizmg before per-choice credit
    if not question.multiple:
        return 100.0 if question.choices[index].correct else 0.0
    return 100.0 / right if question.choices[index].correct else -100.0 / right


def _without_plugin_images(value: Any) -> Any:
    if isinstance(value, str):
        return re.sub(r"<img\b[^>]*@@PLUGINFILE@@[^>]*>", "", value, flags=re.I)
    if isinstance(value, dict):
        return {key: _without_plugin_images(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_without_plugin_images(item) for item in value]
    return value


def differences(moodle: dict[str, Any], ours: dict[str, Any]) -> list[str]:
    """The fields on which two projections disagree, each as `field: moodle != quizmg`."""
    found = [f"{key}: {moodle.get(key)!r} != {ours.get(key)!r}" for key in moodle if moodle.get(key) != ours.get(key)]
    # A name that is the id is not kept apart from it.
    if moodle.get("name") is not None and moodle["name"] == ours.get("_id") and ours.get("name") is None:
        found = [line for line in found if not line.startswith("name:")]
    return found


def compare_file(path: Path, kind: str = "gift") -> tuple[int, int, int, list[str]]:
    """(questions agreeing, questions quizmg can hold, Moodle's total, what disagreed) for one file."""
    from quizmg.errors import QuizmgError
    from quizmg.formats.importing import import_file

    reading = moodle_read(path, kind)
    if reading.get("errors"):
        return 0, 0, 0, []  # Moodle refuses the file: nothing to compare
    moodle = [q for q in reading["questions"] if q["qtype"] != "category" and not q.get("save_problems")]
    if kind == "gift":  # a GIFT file carries no files: Moodle would show these images broken, quizmg leaves them out
        moodle = [_without_plugin_images(q) for q in moodle]
    holdable = sum(moodle_view(q) is not None for q in moodle)
    try:
        ours = list(import_file(path, "moodle-xml" if kind == "xml" else kind)[1].deck.questions)
    except QuizmgError as error:
        notes = [f"{path.name}: refused: {str(error)[:200]}"] if holdable else []
        return 0, holdable, len(moodle), notes
    agree, notes = 0, []
    position = 0
    for question in moodle:
        view = moodle_view(question)
        if view is None:
            continue
        match = next((i for i in range(position, len(ours)) if quizmg_view(ours[i])["text"] == view["text"]), None)
        if match is None:
            notes.append(f"{path.name}: {question['name']!r}: not read by quizmg")
            continue
        position = match + 1
        diff = differences(view, quizmg_view(ours[match]))
        if diff:
            notes.append(f"{path.name}: {question['name']!r}: " + "; ".join(diff))
        else:
            agree += 1
    return agree, holdable, len(moodle), notes


def main() -> None:  # pragma: no cover - a measuring script
    reason = moodle_ready()
    if reason:
        sys.exit(reason)
    folder = moodle_folder()
    assert folder is not None
    for kind, pattern in (("gift", "gift/*.gift"), ("aiken", "aiken/*.txt")):
        agreeing = holdable = total = 0
        for path in sorted(folder.glob(pattern)):
            agree, hold, count, notes = compare_file(path, kind)
            agreeing, holdable, total = agreeing + agree, holdable + hold, total + count
            for note in notes:
                print(note)
        print(f"{kind}: {agreeing} agree of {holdable} quizmg can hold ({total} Moodle reads)")


if __name__ == "__main__":  # pragma: no cover
    main()
