"""The quick Markdown deck form: front matter for the deck, one question per paragraph.

    ---
    id: heart
    title: The heart
    ---
    # Anatomy                      a heading sets the section of the questions under it

    Q: What is the heart's pacemaker called?
    A: The sinoatrial node         basic (A:), typed short answer (= lines), numeric (N:),
    id: pacemaker                  choices (- [x] / - [ ]), steps (1. 2. 3.), pairs (- a -> b)
    > It sets the rhythm.          explanation

    T: Arteries carry blood away from the heart.

    The {{c1::left ventricle}} pumps blood to the body.

A line starting with a backslash is taken literally (without the backslash), so any text can be
written; a line holding only a backslash is an empty line inside a text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.yaml_deck import duplicate_id_problems
from quizmg.formats.yaml_text import LineMap, parse_yaml, problems_from_validation
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)

META_KEYS = ("id", "tags", "mechanism", "section", "reversed", "shuffle", "extra", "lines", "marks")
_META = re.compile(r"^(" + "|".join(META_KEYS) + r")\s*:\s?(.*)$")
_MARKER = re.compile(r"^(Q|A|T|F|N)\s*:\s?(.*)$")
_CHOICE = re.compile(r"^[-*+]\s+\[([ xX])\]\s?(.*)$")
_STEP = re.compile(r"^(\d{1,3})[.)]\s+(.*)$")
_PAIR = re.compile(r"^[-*+]\s+(.*?)\s+->\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMERIC = re.compile(rf"^({_NUMBER})(?:\s*(?:±|\+-|\+/-)\s*({_NUMBER}))?(?:\s+(.*))?$")
# `N: 37 °C ± 0.5`: the unit written before the tolerance (h16).
_NUMERIC_UNIT_FIRST = re.compile(rf"^({_NUMBER})\s*([^\d\s±+\-.,][^±]*?)\s*(?:±|\+-|\+/-)\s*({_NUMBER})$")
# `a) text` / `b. text` choices, `*` before the letter marking a right one (h16).
_LETTERED = re.compile(r"^(\*?)\s*([a-z])[.)]\s+(.*)$")
_YES = {"yes", "true", "on", "y"}
_NO = {"no", "false", "off", "n"}


@dataclass
class _Block:
    """The lines of one question, gathered before its kind is known."""

    line: int
    section: str | None
    kind: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    # Which text a plain continuation line extends.
    open_text: str | None = None


def load_markdown_deck(path: str | Path) -> tuple[Deck, LineMap]:
    """Read and validate a Markdown deck file."""
    from quizmg.formats.text import read_text

    return parse_markdown_deck(read_text(path), path)


def parse_markdown_deck(text: str, path: str | Path = "<deck>") -> tuple[Deck, LineMap]:
    """Validate Markdown deck text; the line map tells where each question stands."""
    if not text.strip():
        raise DeckError.single(path, "the file is empty; start with front matter (---, id:, title:, ---)")
    lines = text.split("\n")
    header, lines_map, body_start = _front_matter(lines, path)
    parser = _BodyParser(str(path))
    parser.parse(lines, body_start)
    if parser.problems:
        raise DeckError(parser.problems)
    questions = []
    for index, block in enumerate(parser.blocks):
        questions.append({"kind": block.kind, **block.fields})
        lines_map[("questions", index)] = block.line
        for location, line in block.lines.items():
            lines_map[("questions", index, *location)] = line
    data = {**header, "questions": questions}
    try:
        deck = Deck.model_validate(data)
    except ValidationError as error:
        from quizmg.formats.markdown_words import in_markdown_words

        problems = problems_from_validation(error, path, lines_map, data)
        raise DeckError([in_markdown_words(problem) for problem in problems]) from None
    duplicates = duplicate_id_problems(deck, path, lines_map)
    if duplicates:
        raise DeckError(duplicates)
    return deck, lines_map


def _front_matter(lines: list[str], path: str | Path) -> tuple[dict[str, Any], LineMap, int]:
    """The deck header from the YAML between the first two `---` lines, with its line map."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if lines[first].strip() != "---":
        raise DeckError.single(
            path,
            "a Markdown deck starts with front matter: a line `---`, then `id: my-deck` and "
            "`title: My deck`, then another `---`",
            first + 1,
        )
    end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
    if end is None:
        raise DeckError.single(path, "the front matter has no closing `---` line", first + 1)
    data, relative = parse_yaml("\n".join(lines[first + 1 : end]), path)
    offset = first + 1
    lines_map: LineMap = {location: line + offset for location, line in relative.items()}
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DeckError.single(path, "the front matter must be `key: value` lines", first + 2)
    if "questions" in data:
        raise DeckError.single(
            path,
            "write questions below the front matter, not as `questions:` inside it",
            lines_map.get(("questions",)),
        )
    lines_map[()] = first + 1
    return data, lines_map, end + 1


class _BodyParser:
    """Reads the body line by line into question blocks, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.blocks: list[_Block] = []
        self.problems: list[Problem] = []
        self.section: str | None = None
        self.block: _Block | None = None

    def problem(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def parse(self, lines: list[str], start: int) -> None:
        in_comment = skipping = False
        for index in range(start, len(lines)):
            number = index + 1
            raw = lines[index].rstrip()
            stripped = raw.strip()
            # HTML comments that start a line are notes for the teacher; they never end a question.
            if in_comment or stripped.startswith("<!--"):
                in_comment = "-->" not in stripped
                continue
            if not stripped:
                self.close()
                skipping = False
                continue
            if skipping:
                continue
            heading = _HEADING.match(raw)
            if heading and self.block is not None:
                self.problem(
                    number,
                    "a line starting with `#` is a section heading, and it ends the question above; "
                    "leave a blank line before a heading, or write `\\#` to start a line of the question with #",
                )
                self.block, skipping = None, True  # the rest of the paragraph would only add noise
                continue
            if heading:
                self.close()
                self.section = heading.group(2) or None
                continue
            self.line(raw, number)
        self.close()

    def close(self) -> None:
        block, self.block = self.block, None
        if block is None:
            return
        if not block.kind:
            if "cloze_text" in block.fields:
                block.kind = "cloze"
                block.fields["text"] = block.fields.pop("cloze_text")
            elif "prompt" in block.fields:
                self.problem(
                    block.line,
                    "this question has no answer: add `A:` (or `=` lines for a typed answer, "
                    "`N:` for a number, `- [x]`/`- [ ]` choices, `1.` steps, `- left -> right` pairs)",
                )
                return
            else:
                self.problem(block.line, "no question here")
                return
        block.fields.pop("_lettered", None)
        if block.section is not None and "section" not in block.fields:
            block.fields["section"] = block.section
        self.blocks.append(block)

    def start(self, number: int) -> _Block:
        if self.block is None:
            self.block = _Block(number, self.section)
        return self.block

    def set_kind(self, block: _Block, kind: str, number: int) -> bool:
        if block.kind and block.kind != kind:
            self.problem(
                number,
                f"this line makes the question a {kind} question, but it is already a {block.kind} "
                "question: leave a blank line between two questions",
            )
            return False
        block.kind = kind
        return True

    def line(self, raw: str, number: int) -> None:
        """One non-blank line of the body."""
        block = self.block
        if raw.startswith("\\"):
            self.continuation(raw[1:], number)
            return
        if raw[:1].isspace() and raw.strip().startswith(">") and block and block.kind == "mcq":
            choice = block.fields["choices"][-1]
            text = raw.lstrip()[1:]
            text = text[1:] if text.startswith(" ") else text
            choice["explanation"] = f"{choice['explanation']}\n{text}" if "explanation" in choice else text
            return
        text = raw.strip()
        if text.startswith(">"):
            if block is None:
                self.problem(number, "an explanation line (>) must follow a question")
                return
            text = raw.lstrip()[1:]
            text = text[1:] if text.startswith(" ") else text
            old = block.fields.get("explanation")
            block.fields["explanation"] = f"{old}\n{text}" if old is not None else text
            block.lines.setdefault(("explanation",), number)
            block.open_text = None
            return
        meta = _META.match(text)
        if meta and block is not None:
            self.meta(block, meta.group(1), meta.group(2).strip(), number)
            return
        marker = _MARKER.match(text)
        if marker:
            self.marker(marker.group(1), marker.group(2), number)
            return
        # Inside a basic answer, list lines are part of the answer.
        if (
            block is not None
            and "prompt" in block.fields
            and block.open_text != "answer"
            and self.list_item(block, text, number)
        ):
            return
        if block is None:
            block = self.start(number)
            block.fields["cloze_text"] = raw
            block.lines[("text",)] = number
            block.open_text = "cloze_text"
            return
        self.continuation(raw, number)

    def continuation(self, raw: str, number: int) -> None:
        block = self.block
        if block is None:
            block = self.start(number)
            block.fields["cloze_text"] = raw
            block.lines[("text",)] = number
            block.open_text = "cloze_text"
            return
        if block.open_text is None:
            self.problem(
                number,
                "this line belongs to no text of the question; start a new question after a "
                "blank line, or begin explanation lines with `>`",
            )
            return
        block.fields[block.open_text] += "\n" + raw

    def marker(self, letter: str, rest: str, number: int) -> None:
        block: _Block | None
        if letter in "QTF" and self.block is not None and ("prompt" in self.block.fields or self.block.kind):
            self.problem(number, f"`{letter}:` starts a new question: leave a blank line before it")
            return
        if letter == "Q":
            block = self.start(number)
            if "cloze_text" in block.fields:
                self.problem(number, "`Q:` must start its own paragraph (leave a blank line before it)")
                return
            block.fields["prompt"] = rest
            block.lines[("prompt",)] = number
            block.open_text = "prompt"
        elif letter in "TF":
            block = self.start(number)
            if "cloze_text" in block.fields:
                self.problem(number, f"`{letter}:` must start its own paragraph")
                return
            block.kind = "truefalse"
            block.fields["statement"] = rest
            block.fields["answer"] = letter == "T"
            block.lines[("statement",)] = number
            block.open_text = "statement"
        elif letter == "A":
            block = self.block
            if block is None or "prompt" not in block.fields:
                self.problem(number, "`A:` needs a `Q:` line above it")
                return
            if block.fields.get("_lettered"):  # `A: b` names the right one of `a) b) c)` choices
                letters = "abcdefghijklmnopqrstuvwxyz"[: len(block.fields["choices"])]
                picked = [c.strip().casefold() for c in re.split(r"[\s,]+", rest) if c.strip()]
                if not picked or any(c not in letters for c in picked):
                    wanted = f"`A:` after choices a) to {letters[-1]}) names the right letter(s), e.g. `A: b`"
                    self.problem(number, wanted)
                    return
                for letter_picked in picked:
                    block.fields["choices"][letters.index(letter_picked)]["correct"] = True
                block.lines[("answer",)] = number
                block.open_text = None
                return
            if self.set_kind(block, "basic", number):
                block.fields["answer"] = rest
                block.lines[("answer",)] = number
                block.open_text = "answer"
        else:  # N: a number, a tolerance and a unit
            block = self.block
            if block is None or "prompt" not in block.fields:
                self.problem(number, "`N:` needs a `Q:` line above it")
                return
            found = _NUMERIC.match(rest.strip())
            plain = found is not None and not re.search(r"±|\+-|\+/-", found.group(3) or "")
            unit_first = None if plain else _NUMERIC_UNIT_FIRST.match(rest.strip())
            if unit_first and self.set_kind(block, "numeric", number):
                block.fields["answer"] = float(unit_first.group(1))
                block.fields["tolerance"] = float(unit_first.group(3))
                block.fields["unit"] = unit_first.group(2)
                block.lines[("answer",)] = number
                block.open_text = None
                return
            if found and found.group(3) and re.match(r"^(±|\+-|\+/-)", found.group(3)):
                self.problem(number, f"`N:` takes one tolerance after ±, as a number: {rest.strip()!r}")
                return
            if not found:
                self.problem(number, f"`N:` needs a number, e.g. `N: 70 ± 10 bpm`; {rest.strip()!r} is not one")
                return
            if self.set_kind(block, "numeric", number):
                block.fields["answer"] = float(found.group(1))
                if found.group(2):
                    block.fields["tolerance"] = float(found.group(2))
                if found.group(3):
                    block.fields["unit"] = found.group(3)
                block.lines[("answer",)] = number
                block.open_text = None

    def list_item(self, block: _Block, text: str, number: int) -> bool:
        """Choices, typed answers, steps and pairs under a `Q:`; False if the line is none of them."""
        lettered = _LETTERED.match(text)
        if lettered and (block.kind in ("", "mcq")) and self.lettered(block, lettered, number):
            return True
        choice = _CHOICE.match(text)
        if choice:
            if self.set_kind(block, "mcq", number):
                choices = block.fields.setdefault("choices", [])
                block.lines[("choices", len(choices))] = number
                choices.append({"text": choice.group(2), "correct": choice.group(1) != " "})
                block.open_text = None
            return True
        if text.startswith("=") and not text.startswith("=="):
            if self.set_kind(block, "short", number):
                answer = text[1:].strip()
                if "answer" not in block.fields:
                    block.fields["answer"] = answer
                    block.lines[("answer",)] = number
                else:
                    accepted = block.fields.setdefault("accepted", [])
                    block.lines[("accepted", len(accepted))] = number
                    accepted.append(answer)
                block.open_text = None
            return True
        step = _STEP.match(text)
        if step:
            if self.set_kind(block, "order", number):
                items = block.fields.setdefault("items", [])
                block.lines[("items", len(items))] = number
                items.append(step.group(2))
                block.open_text = None
            return True
        pair = _PAIR.match(text)
        if pair:
            if self.set_kind(block, "match", number):
                pairs = block.fields.setdefault("pairs", [])
                block.lines[("pairs", len(pairs))] = number
                pairs.append({"left": pair.group(1), "right": pair.group(2)})
                block.open_text = None
            return True
        if re.match(r"^[-*+]\s", text):
            self.problem(
                number,
                "a list item under a question is a choice `- [x] right` / `- [ ] wrong` or a pair `- left -> right`",
            )
            return True
        return False

    def lettered(self, block: _Block, found: re.Match[str], number: int) -> bool:
        """`a) text` choices in letter order (`*b) text` or a later `A: b` marks the right one)."""
        choices = block.fields.get("choices", [])
        if len(choices) >= 26 or found.group(2) != "abcdefghijklmnopqrstuvwxyz"[len(choices)]:
            return False
        if choices and not block.fields.get("_lettered"):
            return False
        block.kind = "mcq"
        block.fields["_lettered"] = True
        block.lines[("choices", len(choices))] = number
        block.fields.setdefault("choices", []).append({"text": found.group(3), "correct": found.group(1) == "*"})
        block.open_text = None
        return True

    def meta(self, block: _Block, key: str, value: str, number: int) -> None:
        block.lines[(key,)] = number
        block.open_text = None
        if key == "tags":
            # Commas between tags are forgiven: "tags: a, b" is the same as "tags: a b".
            tags = (tag.strip(",") for tag in value.split())
            block.fields["tags"] = [tag for tag in tags if tag]
        elif key in ("reversed", "shuffle"):
            if value.casefold() not in _YES | _NO:
                self.problem(number, f"`{key}:` takes yes or no, not {value!r}")
                return
            block.fields[key] = value.casefold() in _YES
        elif key == "extra":
            block.fields["extra"] = value
            block.open_text = "extra"
        elif key in ("lines", "marks"):  # worksheet layout (h16)
            try:
                block.fields[key] = int(value) if key == "lines" else float(value)
            except ValueError:
                self.problem(number, f"`{key}:` takes a number, not {value!r}")
        else:
            block.fields[key] = value


# ---------------------------------------------------------------- writing


def to_markdown(deck: Deck) -> tuple[str, list[str]]:
    """The deck as Markdown text, and a warning for everything the form cannot hold exactly."""
    warnings: list[str] = []
    header = deck.model_dump(mode="json", exclude_defaults=True, exclude={"questions"})
    out = ["---", yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100).rstrip(), "---"]
    use_headings = _headings_fit(deck)
    current: str | None = None
    for question in deck.questions:
        if use_headings and question.section is not None and question.section != current:
            current = question.section
            out += ["", f"# {current}"]
        out += ["", *_question_lines(question, not use_headings, warnings)]
    return "\n".join(out) + "\n", warnings


def dump_markdown_deck(deck: Deck) -> str:
    """The deck as Markdown text (see to_markdown for the warnings)."""
    return to_markdown(deck)[0]


def _headings_fit(deck: Deck) -> bool:
    """True when `#` headings can carry every question's section exactly."""
    seen_section = False
    for question in deck.questions:
        section = question.section
        if section is None:
            if seen_section:
                return False
            continue
        if "\n" in section or not section.strip() or section.rstrip().endswith("#"):
            return False
        seen_section = True
    return True


def _question_lines(question: QuestionBase, with_section: bool, warnings: list[str]) -> list[str]:
    """One question's paragraph."""
    qid = question.id or "?"
    lines: list[str]
    if isinstance(question, Basic):
        lines = [*_marked("Q: ", question.prompt), *_marked("A: ", question.answer)]
    elif isinstance(question, Short):
        lines = [*_marked("Q: ", question.prompt)]
        for answer in [question.answer, *question.accepted]:
            lines.append("= " + _one_line(answer, qid, "an accepted answer", warnings))
    elif isinstance(question, Numeric):
        value = f"N: {_number(question.answer)}"
        unit = question.unit or ""
        # A unit that starts like a tolerance needs an explicit "± 0" in front of it.
        if question.tolerance or re.match(r"^(±|\+-|\+/-)", unit):
            value += f" ± {_number(question.tolerance)}"
        if question.unit:
            value += " " + _one_line(question.unit, qid, "the unit", warnings)
        lines = [*_marked("Q: ", question.prompt), value]
    elif isinstance(question, MultipleChoice):
        lines = [*_marked("Q: ", question.prompt)]
        for choice in question.choices:
            mark = "x" if choice.correct else " "
            lines.append(f"- [{mark}] " + _one_line(choice.text, qid, "a choice", warnings))
            if choice.explanation:
                lines += [f"  > {part}".rstrip() for part in choice.explanation.split("\n")]
    elif isinstance(question, Order):
        lines = [*_marked("Q: ", question.prompt)]
        for number, item in enumerate(question.items, 1):
            lines.append(f"{number}. " + _one_line(item, qid, "a step", warnings))
    elif isinstance(question, Match):
        lines = [*_marked("Q: ", question.prompt)]
        for pair in question.pairs:
            left = _one_line(pair.left, qid, "a pair", warnings)
            if " -> " in left:
                warnings.append(f"{qid}: the left item {left!r} contains ' -> '; written as ' - > '")
                left = left.replace(" -> ", " - > ")
            lines.append(f"- {left} -> " + _one_line(pair.right, qid, "a pair", warnings))
    elif isinstance(question, TrueFalse):
        lines = _marked("T: " if question.answer else "F: ", question.statement)
    elif isinstance(question, Cloze):
        lines = _text_lines(question.text)
    else:  # pragma: no cover - every kind is handled above
        raise TypeError(f"cannot write {type(question).__name__}")
    if question.id:
        lines.append(f"id: {question.id}")
    if question.tags:
        if any(tag.startswith(",") or tag.endswith(",") for tag in question.tags):
            warnings.append(f"{qid}: a tag starts or ends with a comma; Markdown drops that comma")
        lines.append("tags: " + " ".join(question.tags))
    if question.mechanism:
        lines.append(f"mechanism: {question.mechanism}")
    if with_section and question.section is not None:
        lines.append("section: " + _one_line(question.section, qid, "the section", warnings))
    if isinstance(question, Basic) and question.reversed:
        lines.append("reversed: yes")
    if isinstance(question, MultipleChoice) and not question.shuffle:
        lines.append("shuffle: no")
    if isinstance(question, Cloze) and question.extra:
        lines += _marked("extra: ", question.extra)
    if question.explanation:
        lines += [f"> {part}".rstrip() for part in question.explanation.split("\n")]
    return lines


def _marked(marker: str, text: str) -> list[str]:
    """`marker` and the first line of `text`, then its other lines escaped where needed."""
    first, *rest = text.split("\n")
    return [f"{marker}{first}".rstrip(), *_text_lines("\n".join(rest))] if rest else [f"{marker}{first}".rstrip()]


def _text_lines(text: str) -> list[str]:
    """Text lines with a backslash in front of any line that could be read as something else."""
    return ["\\" + line if _risky(line) else line for line in text.split("\n")]


def _risky(line: str) -> bool:
    """True when a text line, written as it is, would be read as a marker, a heading or a gap."""
    stripped = line.strip()
    return (
        not stripped
        or line[:1] in "\\#>=-*+<"
        or line[:1].isspace()
        or bool(_MARKER.match(stripped) or _META.match(stripped) or _STEP.match(stripped))
    )


def _one_line(text: str, qid: str, what: str, warnings: list[str]) -> str:
    if "\n" in text:
        warnings.append(f"{qid}: {what} spans several lines; Markdown decks join them with spaces")
        return " ".join(part.strip() for part in text.split("\n") if part.strip())
    return text


def _number(value: float) -> str:
    """A number as a teacher would write it: 70, not 70.0."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)
