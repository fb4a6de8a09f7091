"""What every question kind shares: ids, text limits and the base model (quizmg.model.questions
and quizmg.model.occlusion build the kinds on it)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

from quizmg.model.anki import AnkiOrigin

ID_PATTERN = r"^[a-z0-9][a-z0-9._-]*$"

Id = Annotated[str, Field(pattern=ID_PATTERN, max_length=120)]
Text = Annotated[str, Field(min_length=1, max_length=20_000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, frozen=True)


class QuestionBase(_Strict):
    """What every question has, whatever its kind."""

    id: Id | None = Field(None, description="Stable id; progress is kept by it.")
    tags: list[Annotated[str, Field(pattern=r"^\S+$")]] = Field(default_factory=list)
    explanation: str = Field("", description="Shown after the learner answers.")
    mechanism: Id | None = Field(None, description="Id of the mechanism the question asks about.")
    section: str | None = Field(None, description="Section of the source document.")
    # --- Moodle question names (h16) ---
    name: str | None = Field(None, max_length=255, description="A title apart from the id (Moodle's question name).")
    idnumber: Annotated[str, Field(min_length=1, max_length=100)] | None = Field(
        None, description="The Moodle ID number the question came with, when it is not a valid id; exports reuse it."
    )
    hints: list[Text] = Field(default_factory=list, description="Hints Moodle gives after each wrong try, in order.")
    penalty: float | None = Field(None, ge=0, le=100, description="Percent of the mark Moodle takes off per wrong try.")
    # --- end Moodle question names ---
    # --- worksheets (h16) ---
    lines: int | None = Field(None, ge=0, le=40, description="Answer lines to leave on a worksheet.")
    marks: float | None = Field(None, ge=0, le=1000, description="Marks the question is worth on a worksheet.")
    # --- end worksheets ---
    # Anki identity (h14): where a question imported from Anki came from, so it goes back as the same note.
    guid: Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[^\s\x1f]+$")] | None = Field(
        None, description="The GUID of the Anki note this question came from; Anki exports reuse it."
    )
    anki_deck: Annotated[str, Field(min_length=1, max_length=500)] | None = Field(
        None, description="The Anki (sub-)deck the note was in, as Parent::Child, when not the deck's own."
    )
    anki: AnkiOrigin | None = Field(
        None, description="The Anki note this question came from, kept so it goes back as that note."
    )

    def prompt_text(self) -> str:
        """The question as a learner reads it."""
        raise NotImplementedError

    def answer_text(self) -> str:
        """The correct answer as plain text."""
        raise NotImplementedError

    def card_ordinals(self) -> list[int]:
        """The ordinals of the cards this question makes (1-based)."""
        return [1]
