"""The body of a Markdown deck, line by line: which lines start, continue and end a question.

The grammar (markers `Q:` `A:` `T:` `F:` `N:`, choices `- [x]`, steps `1.`, pairs `a -> b`, `key:`
lines, `>` explanations, `#` sections) is described in `markdown_deck`; the writer in
`markdown_write` uses the same patterns to know which text lines need a backslash.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from quizmg.errors import Problem

META_KEYS = ("id", "tags", "mechanism", "section", "reversed", "shuffle", "extra", "lines", "marks")
META_LINE = re.compile(r"^(" + "|".join(META_KEYS) + r")\s*:\s?(.*)$")
MARKER_LINE = re.compile(r"^(Q|A|T|F|N)\s*:\s?(.*)$")
_CHOICE = re.compile(r"^[-*+]\s+\[([ xX])\]\s?(.*)$")
STEP_LINE = re.compile(r"^(\d{1,3})[.)]\s+(.*)$")
_PAIR = re.compile(r"^[-*+]\s+(.*?)\s+->\s+(.*)$")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
_NUMERIC = re.compile(rf"^({_NUMBER})(?:\s*(?:±|\+-|\+/-)\s*({_NUMBER}))?(?:\s+(.*))?$")
# `N: 37 °C ± 0.5`: the unit written before the tolerance (h16).
_NUMERIC_UNIT_FIRST = re.compile(rf"^({_NUMBER})\s*([^\d\s±+\-.,][^±]*?)\s*(?:±|\+-|\+/-)\s*({_NUMBER})$")
# `a) text` / `b. text` choices, `*` before the letter marking a right one (h16).
LETTERED_LINE = re.compile(r"^(\*?)\s*([a-z])[.)]\s+(.*)$")
_YES = {"yes", "true", "on", "y"}
_NO = {"no", "false", "off", "n"}


@dataclass
class Block:
    """The lines of one question, gathered before its kind is known."""

    line: int
    section: str | None
    kind: str = ""
    fields: dict[str, Any] = field(default_factory=dict)
    lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    # Which text a plain continuation line extends.
    open_text: str | None = None

    def add_item(self, name: str, value: Any, number: int) -> None:
        """One more entry of a list field (a choice, an accepted answer, a step, a pair), from line
        `number`; a continuation line after it starts nothing."""
        items = self.fields.setdefault(name, [])
        self.lines[(name, len(items))] = number
        items.append(value)
        self.open_text = None


class BodyParser:
    """Reads the body line by line into question blocks, collecting every problem."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.blocks: list[Block] = []
        self.problems: list[Problem] = []
        self.section: str | None = None
        self.block: Block | None = None

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

    def start(self, number: int) -> Block:
        if self.block is None:
            self.block = Block(number, self.section)
        return self.block

    def set_kind(self, block: Block, kind: str, number: int) -> bool:
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
        meta = META_LINE.match(text)
        if meta and block is not None:
            self.meta(block, meta.group(1), meta.group(2).strip(), number)
            return
        marker = MARKER_LINE.match(text)
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
        self.continuation(raw, number)  # with no question open, the line starts a cloze

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
        block: Block | None
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

    def list_item(self, block: Block, text: str, number: int) -> bool:
        """Choices, typed answers, steps and pairs under a `Q:`; False if the line is none of them."""
        lettered = LETTERED_LINE.match(text)
        if lettered and (block.kind in ("", "mcq")) and self.lettered(block, lettered, number):
            return True
        choice = _CHOICE.match(text)
        if choice:
            if self.set_kind(block, "mcq", number):
                block.add_item("choices", {"text": choice.group(2), "correct": choice.group(1) != " "}, number)
            return True
        if text.startswith("=") and not text.startswith("=="):
            if self.set_kind(block, "short", number):
                answer = text[1:].strip()
                if "answer" not in block.fields:
                    block.fields["answer"] = answer
                    block.lines[("answer",)] = number
                    block.open_text = None
                else:
                    block.add_item("accepted", answer, number)
            return True
        step = STEP_LINE.match(text)
        if step:
            if self.set_kind(block, "order", number):
                block.add_item("items", step.group(2), number)
            return True
        pair = _PAIR.match(text)
        if pair:
            if self.set_kind(block, "match", number):
                block.add_item("pairs", {"left": pair.group(1), "right": pair.group(2)}, number)
            return True
        if re.match(r"^[-*+]\s", text):
            self.problem(
                number,
                "a list item under a question is a choice `- [x] right` / `- [ ] wrong` or a pair `- left -> right`",
            )
            return True
        return False

    def lettered(self, block: Block, found: re.Match[str], number: int) -> bool:
        """`a) text` choices in letter order (`*b) text` or a later `A: b` marks the right one)."""
        choices = block.fields.get("choices", [])
        if len(choices) >= 26 or found.group(2) != "abcdefghijklmnopqrstuvwxyz"[len(choices)]:
            return False
        if choices and not block.fields.get("_lettered"):
            return False
        block.kind = "mcq"
        block.fields["_lettered"] = True
        block.add_item("choices", {"text": found.group(3), "correct": found.group(1) == "*"}, number)
        return True

    def meta(self, block: Block, key: str, value: str, number: int) -> None:
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
