"""An acronym stands for the words that spell it out first; a later bracket only refers back to it."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.acronym_expansion import initials_spelled
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms

TICKS = (
    "Illnesses that ticks carry are called tick-borne infections (TBIs). Most hikers catch them in long grass. "
    "They spread by tick bites (TBIs), by crushing a tick with bare fingers, and rarely by blood transfusion.\n"
)


def _expansion(text: str, acronym: str) -> str | None:
    terms = find_terms(read_document(text, Path("ticks.md")))
    term = terms.get(acronym)
    return term.expansion if term else None


def test_the_first_spelling_out_stays_when_a_later_bracket_spells_the_letters_worse() -> None:
    assert _expansion(TICKS, "TBIs") == "tick-borne infections"


def test_a_later_spelling_out_that_gives_the_letters_as_initials_wins() -> None:
    text = ("Most hikers catch them from tick bites (TBIs) in long grass. Doctors file them as tick-borne "
            "infections (TBIs) in their reports.\n")
    assert _expansion(text, "TBIs") == "tick-borne infections"


def test_initials_count_the_letters_that_open_words_in_order() -> None:
    assert initials_spelled("tick-borne infections", "TBIs") == 3
    assert initials_spelled("tick bites", "TBIs") == 2
    assert initials_spelled("sexually transmitted infections", "STIs") == 3


def test_a_later_spelling_out_in_another_number_is_the_same_name() -> None:
    text = ("<div data-type=\"abstract\" markdown=\"1\">\nBy the end of this section, you will be able to:\n\n"
            "* Describe illnesses like tick-borne infections (TBI), rashes and fevers\n\n</div>\n\n"
            "Hikers worry about bites. **Tick-borne infection (TBI)**{: data-type=\"term\"} is an illness a tick "
            "passes on with its bite. Doctors see tick-borne infection often in summer.\n")
    terms = find_terms(read_document(text, Path("ticks.md")))
    long_form, acronym = terms.get("tick-borne infection"), terms.get("TBI")
    assert long_form is not None and acronym is not None
    assert long_form.group == acronym.group  # one name in two numbers: the acronym and its long form stay one


def test_the_spelling_out_the_text_marks_as_its_key_term_wins() -> None:
    text = ("Clinics confirm it by growing the virus in fresh tissue culture (VTC) in a week. Faster labs use "
            "**viral titre counting (VTC)**{: data-type=\"term\"}, which reads a sample in a day.\n")
    assert _expansion(text, "VTC") == "viral titre counting"
