"""A deck: one question set in one file, with the mechanisms its questions come from."""

from __future__ import annotations

import hashlib
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, model_validator

from quizmg.model.anki import AnkiNoteType
from quizmg.model.base import Id, Text
from quizmg.model.questions import Question

TEMPLATES: tuple[str, ...] = (
    "recall", "what", "target", "true", "false", "order", "cloze", "why", "whatif", "not", "pathway",
)
Template = Literal[
    "recall", "what", "target", "true", "false", "order", "cloze", "why", "whatif", "not", "pathway",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class Source(_Strict):
    """The document a deck's facts come from."""

    title: Text
    author: str | None = None
    url: str | None = None
    licence: str | None = None


class Mechanism(_Strict):
    """A structured fact: an agent acts on a target, and a chain of effects follows."""

    id: Id
    agent: Text = Field(description="What acts, e.g. 'magnesium'.")
    action: Text = Field(description="What it does, as a verb phrase: 'blocks', 'is a cofactor in'.")
    target: Text = Field(description="What it acts on, e.g. 'NMDA receptors'.")
    target_is: str = Field("", description="What the target is, in a short phrase.")
    effects: list[Text] = Field(default_factory=list, description="What follows, in order.")
    section: str | None = None
    key_term: str | None = Field(None, description="The term a cloze hides; default the target.")
    distractors: list[Text] = Field(default_factory=list, description="Wrong targets for the multiple-choice template.")
    explanation: str = Field("", description="Shown after every question made from it.")
    tags: list[Annotated[str, Field(pattern=r"^\S+$")]] = Field(default_factory=list)
    skip: list[Template] = Field(default_factory=list, description="Templates to switch off.")

    @model_validator(mode="after")
    def _key_term_in_target(self) -> Mechanism:
        if self.key_term and self.key_term not in self.target:
            raise ValueError(f"key_term {self.key_term!r} must be part of the target {self.target!r}")
        return self


def derived_question_id(deck_id: str, prompt: str) -> str:
    """The id of a question written without one: from the deck id and the prompt."""
    digest = hashlib.sha256(f"{deck_id}\n{prompt}".encode()).hexdigest()[:10]
    return f"q-{digest}"


class Deck(_Strict):
    """A question set: its identity, its source, its mechanisms and its questions."""

    id: Id
    title: Text
    description: str = ""
    source: Source | None = None
    tags: list[Annotated[str, Field(pattern=r"^\S+$")]] = Field(default_factory=list)
    mechanisms: list[Mechanism] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    # The Anki note types of questions imported from Anki (h14): they go back under them.
    anki_note_types: list[AnkiNoteType] = Field(default_factory=list)

    # Indexes of the questions whose id was derived from the prompt, for `quizmg check`.
    _derived_ids: frozenset[int] = PrivateAttr(default=frozenset())

    @model_validator(mode="after")
    def _fill_ids(self) -> Deck:
        derived: set[int] = set()
        filled = []
        for index, question in enumerate(self.questions):
            if question.id is None:
                derived.add(index)
                question = question.model_copy(update={"id": derived_question_id(self.id, question.prompt_text())})
            filled.append(question)
        object.__setattr__(self, "questions", filled)
        self._derived_ids = frozenset(derived)
        return self

    @model_validator(mode="after")
    def _known_anki_note_types(self) -> Deck:
        known = {t.id for t in self.anki_note_types}
        if len(known) < len(self.anki_note_types):
            raise ValueError("two anki_note_types have the same id")
        for question in self.questions:
            if question.anki is not None and question.anki.note_type not in known:
                raise ValueError(
                    f"question {question.id}: its anki note type {question.anki.note_type} is not one of "
                    "the deck's anki_note_types"
                )
        return self

    @model_validator(mode="after")
    def _unique_mechanism_ids(self) -> Deck:
        seen: set[str] = set()
        for mechanism in self.mechanisms:
            if mechanism.id in seen:
                raise ValueError(f"two mechanisms have the id {mechanism.id!r}")
            seen.add(mechanism.id)
        return self

    @property
    def derived_id_indexes(self) -> frozenset[int]:
        """Indexes of questions that had no id in the file."""
        return self._derived_ids

    def mechanism(self, mechanism_id: str) -> Mechanism | None:
        """The mechanism with this id, if the deck has it."""
        return next((m for m in self.mechanisms if m.id == mechanism_id), None)
