"""The question kinds a deck can hold, validated by pydantic."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from quizmg.model.base import QuestionBase, Text, _Strict
from quizmg.model.occlusion import Occlusion

MAX_CHOICES = 26  # one letter each (Moodle sets no limit; Aiken letters stop at Z)
# Anki's cloze syntax: {{c1::answer}} or {{c1::answer::hint}}.
CLOZE_PATTERN = re.compile(r"\{\{c(\d+)::(.*?)(?:::(.*?))?\}\}", re.DOTALL)


class Basic(QuestionBase):
    """A prompt and an answer, rated by the learner; `reversed` adds the answer-to-prompt card."""

    kind: Literal["basic"] = "basic"
    prompt: Text
    answer: Text
    reversed: bool = False

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        return self.answer

    def card_ordinals(self) -> list[int]:
        return [1, 2] if self.reversed else [1]


class Cloze(QuestionBase):
    """A text with Anki-style deletions; each distinct cN makes its own card."""

    kind: Literal["cloze"] = "cloze"
    text: Text
    extra: str = Field("", description="Shown on the back, as Anki's Back Extra field.")

    @field_validator("text")
    @classmethod
    def _has_deletion(cls, value: str) -> str:
        from quizmg.model.cloze import all_deletions, parse, revealed

        found = all_deletions(parse(value))  # nested deletions too, as Anki reads them (h14)
        if not found:
            raise ValueError("a cloze needs at least one deletion such as {{c1::answer}}")
        for deletion in found:
            if not revealed(deletion.content).strip():
                raise ValueError(f"deletion c{deletion.number} hides nothing")
        return value

    def deletions(self) -> dict[int, list[str]]:
        """The hidden answers of each deletion number, in order of appearance (nested ones too)."""
        from quizmg.model.cloze import all_deletions, parse, revealed

        found: dict[int, list[str]] = {}
        for deletion in all_deletions(parse(self.text)):
            found.setdefault(deletion.number, []).append(revealed(deletion.content))
        return found

    def render(self, ordinal: int | None = None, *, blank: str = "[...]") -> str:
        """The text with deletion `ordinal` hidden (hint shown) and the others revealed."""
        from quizmg.model.cloze import parse, rendered

        return rendered(parse(self.text), ordinal, blank)

    def prompt_text(self) -> str:
        return self.render(min(self.deletions()))

    def answer_text(self) -> str:
        return "; ".join(", ".join(words) for _, words in sorted(self.deletions().items()))

    def card_ordinals(self) -> list[int]:
        return sorted(self.deletions())


class Choice(_Strict):
    """One option of a multiple-choice question."""

    text: Text
    correct: bool = False
    explanation: str = ""
    # --- partial credit per choice, as Moodle grades it (h16) ---
    credit: float | None = Field(
        None, ge=-100, le=100, description="Percent of the mark for picking it; default 100 if correct, else 0."
    )
    # --- end partial credit ---


# --- answers with their own credit and feedback, as Moodle keeps them (h16) ---
class GradedAnswer(_Strict):
    """A typed answer worth part of the mark (or none), with what to say when it is given."""

    text: Text
    credit: float = Field(0.0, ge=-100, le=100, description="Percent of the mark; `*` as text matches anything.")
    feedback: str = ""


class NumericAnswer(_Strict):
    """Another accepted number, with its own tolerance, credit and feedback."""

    answer: float
    tolerance: float = Field(0.0, ge=0)
    credit: float = Field(100.0, ge=-100, le=100)
    feedback: str = ""


# --- end graded answers ---


class MultipleChoice(QuestionBase):
    """Pick the correct choice (or several, when more than one is marked correct)."""

    kind: Literal["mcq"] = "mcq"
    prompt: Text
    choices: list[Choice] = Field(min_length=2, max_length=MAX_CHOICES)
    shuffle: bool = True
    single: bool | None = Field(None, description="Pick one (true) or several (false); default: by the count right.")

    @model_validator(mode="after")
    def _one_correct(self) -> MultipleChoice:
        if not any(choice.correct for choice in self.choices):
            raise ValueError("mark at least one choice `correct: true`")
        # Moodle allows every choice right when the kind is said: several answers (`~%50%a ~%50%b`),
        # or one answer where any pick is right (`{~=as ~=like}`).
        if all(choice.correct for choice in self.choices) and self.single is None:
            raise ValueError("every choice is marked correct: add at least one wrong choice")
        return self

    @property
    def multiple(self) -> bool:
        """True when the learner picks several choices (more than one correct, unless `single` says)."""
        if self.single is not None:
            return not self.single
        return sum(choice.correct for choice in self.choices) > 1

    def credit(self, index: int) -> float:
        """The percent of the mark choice `index` is worth."""
        choice = self.choices[index]
        if choice.credit is not None:
            return choice.credit
        if not self.multiple:
            return 100.0 if choice.correct else 0.0
        # Several right: each is an equal share, and each wrong pick cancels one right pick.
        share = 100.0 / max(1, sum(c.correct for c in self.choices))
        return share if choice.correct else -share

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        return "; ".join(choice.text for choice in self.choices if choice.correct)


class TrueFalse(QuestionBase):
    """A statement the learner judges true or false."""

    kind: Literal["truefalse"] = "truefalse"
    statement: Text
    answer: bool
    # --- Moodle's true/false feedback (h16) ---
    right_feedback: str = Field("", description="Said to a learner who answers right.")
    wrong_feedback: str = Field("", description="Said to a learner who answers wrong.")
    # --- end true/false feedback ---

    def prompt_text(self) -> str:
        return self.statement

    def answer_text(self) -> str:
        return "True" if self.answer else "False"


class Short(QuestionBase):
    """A typed answer, graded leniently against the answer and its accepted alternatives."""

    kind: Literal["short"] = "short"
    prompt: Text
    answer: Text
    accepted: list[Text] = Field(default_factory=list, description="Other answers that count.")
    # --- Moodle's graded answers (h16) ---
    partial: list[GradedAnswer] = Field(
        default_factory=list, description="Answers worth part of the mark or none, with feedback."
    )
    feedback: dict[str, str] = Field(default_factory=dict, description="What to say for a right answer, by answer.")
    # --- end graded answers ---

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        return self.answer


class Numeric(QuestionBase):
    """A number, right when within `tolerance` of `answer`."""

    kind: Literal["numeric"] = "numeric"
    prompt: Text
    answer: float
    tolerance: float = Field(0.0, ge=0)
    unit: str | None = None
    # --- Moodle's several graded numbers (h16) ---
    feedback: str = Field("", description="What to say for the answer.")
    more: list[NumericAnswer] = Field(default_factory=list, description="Other numbers, with their own credit.")
    other_feedback: str = Field("", description="What to say for any other number.")
    # --- end several numbers ---

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        value = f"{self.answer:g}"
        if self.tolerance:
            value += f" ± {self.tolerance:g}"
        return f"{value} {self.unit}" if self.unit else value


class Order(QuestionBase):
    """Steps to put in order; `items` lists them in the correct order."""

    kind: Literal["order"] = "order"
    prompt: Text
    items: list[Text] = Field(min_length=2, max_length=12)

    @field_validator("items")
    @classmethod
    def _distinct(cls, items: list[str]) -> list[str]:
        if len(set(items)) != len(items):
            raise ValueError("two steps have the same text: the order would be ambiguous")
        return items

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        return " → ".join(self.items)


class Pair(_Strict):
    """One left-right pair of a matching question."""

    left: Text
    right: Text


class Match(QuestionBase):
    """Pairs to match: each left item goes with its right item."""

    kind: Literal["match"] = "match"
    prompt: Text
    pairs: list[Pair] = Field(min_length=2, max_length=MAX_CHOICES)
    # --- Moodle's extra wrong answers (h16) ---
    distractors: list[Text] = Field(default_factory=list, description="Right-hand items that match nothing.")
    # --- end extra wrong answers ---

    @field_validator("pairs")
    @classmethod
    def _distinct(cls, pairs: list[Pair]) -> list[Pair]:
        # Several left items may share one right item (Moodle's `=Red -> Primary =Blue -> Primary`).
        if len({p.left for p in pairs}) != len(pairs):
            raise ValueError("every left item must be different")
        return pairs

    def right_items(self) -> list[str]:
        """The right-hand items a learner chooses from: each once, then the distractors."""
        return list(dict.fromkeys([*(p.right for p in self.pairs), *self.distractors]))

    def prompt_text(self) -> str:
        return self.prompt

    def answer_text(self) -> str:
        return "; ".join(f"{pair.left} = {pair.right}" for pair in self.pairs)


Question = Annotated[
    Basic | Cloze | MultipleChoice | TrueFalse | Short | Numeric | Order | Match | Occlusion,
    Field(discriminator="kind"),
]
KINDS: tuple[str, ...] = ("basic", "cloze", "mcq", "truefalse", "short", "numeric", "order", "match", "occlusion")
SELF_RATED_KINDS = frozenset({"basic", "cloze", "occlusion"})
