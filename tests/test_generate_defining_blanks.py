"""A term is asked from the sentence that names or defines it, not from a sentence that only uses it."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.candidate import Candidate
from quizmg.generate.defining_blanks import defining_blank, prefer_defining
from quizmg.generate.draft import draft_deck
from quizmg.model import Cloze, MultipleChoice


def _defines(sentence: str, answer: str) -> bool:
    start = sentence.index(answer)
    return defining_blank(sentence, start, start + len(answer))


def test_a_verb_of_naming_or_a_definition_of_the_subject_makes_a_defining_blank() -> None:
    assert _defines("Another tapeworm causes a serious infection known as hydatid disease.", "hydatid disease")
    assert _defines("The innermost layer is a delicate membrane called the pia mater.", "pia mater")
    assert _defines("Reliability refers to the ability to consistently produce a given result.", "Reliability")
    assert _defines("The bond yield is the rate of return that a bond promises to pay.", "bond yield")
    assert _defines("A demand curve is a graph that shows the quantity bought at each price.", "demand curve")
    assert _defines("Charles's law states that the volume of a gas grows with its temperature.", "Charles's law")
    assert _defines("An isotope (Is) is one of two or more forms of an element.", "isotope")


def test_a_term_used_or_named_in_passing_makes_no_defining_blank() -> None:
    assert not _defines("Diagnosis of infectious arthritis requires a sample of joint fluid.", "infectious arthritis")
    assert not _defines("Tapeworms use their scolex to attach to the intestinal wall.", "Tapeworms")
    assert not _defines("The meter reads +0.46 V, this is called the cell potential.", "cell potential")
    assert not _defines("We then find ourselves in what Keynes termed a recessionary gap.", "recessionary gap")
    assert not _defines("Sulfur dioxide is a gas at room temperature.", "Sulfur dioxide")
    assert not _defines("Heart disease is one such condition.", "Heart disease")
    assert not _defines("Electron spin is a different kind of property.", "Electron spin")
    assert not _defines("Endomorphs are the opposite of ectomorphs.", "Endomorphs")


def test_the_other_questions_on_a_defined_term_go_under_it_in_their_own_order() -> None:
    def cloze(text: str, score: float, *, defines: bool = False) -> Candidate:
        return Candidate(Cloze(id=f"q{score}", text=text), score, frozenset(), "tide pool", defines=defines)

    defining = cloze("A {{c1::tide pool}} is a pool that the sea leaves behind.", 1.0, defines=True)
    busy = cloze("Crabs, snails and algae share a {{c1::tide pool}} at low tide.", 3.0)
    plain = cloze("A {{c1::tide pool}} warms in the sun.", 2.0)
    other = Candidate(Cloze(id="x", text="The {{c1::low tide}} comes twice a day."), 5.0, frozenset(), "low tide")
    prefer_defining([busy, defining, plain, other], lambda answer: answer)
    assert defining.score > busy.score > plain.score
    assert (defining.score, other.score) == (1.0, 5.0)


def test_a_term_is_asked_where_the_text_names_it_not_in_a_busier_sentence() -> None:
    # The first sentence holds three key terms and would win on their count; the second says what the term is.
    text = """# Coastal weather

On summer afternoons the sea breeze front pushes moist air inland past its dew point, and fishermen wait for the
land breeze.
Along a coast, a cool wind that blows from the water onto the land on a sunny afternoon is known as a sea breeze front.
The land heats faster than the water because soil holds less heat than the same mass of water.
A land breeze is a wind that blows from the land toward the water at night.
Fishermen once timed their trips by the land breeze, leaving before dawn and coming home in the afternoon.
Fog forms when moist air passes over cold water and cools below its dew point.
The dew point is the temperature at which the air becomes saturated with water vapour.
"""
    deck = draft_deck(text, Path("coast.md"), max_questions=40).deck
    on_front = [question.prompt_text() for question in deck.questions
                if (isinstance(question, Cloze) and "{{c1::sea breeze front" in question.text)
                or (isinstance(question, MultipleChoice)
                    and any(choice.correct and choice.text == "sea breeze front" for choice in question.choices))]
    assert on_front != []
    defining = ("Along a coast", "Which completes the sentence? “Along a coast")
    assert all(prompt.startswith(defining) for prompt in on_front)
