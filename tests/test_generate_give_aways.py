"""A blank the rest of its sentence spells out: a species beside its disease, a product beside its species, a
term beside its initials."""

from __future__ import annotations

import pytest

from quizmg.generate.blanks import ambiguous_blank
from quizmg.generate.give_aways import initials_shown, named_for_shown_species, species_named_for


def _why(sentence: str, answer: str) -> str | None:
    start = sentence.index(answer)
    return ambiguous_blank(answer, sentence, start, start + len(answer))


@pytest.mark.parametrize(
    ("sentence", "answer", "shown"),
    [
        ("Mycobacterium tuberculosis, the cause of tuberculosis, grows very slowly.", "Mycobacterium tuberculosis",
         "tuberculosis"),
        ("Clostridium tetani, which causes tetanus, survives in soil as spores.", "Clostridium tetani", "tetanus"),
        ("Neisseria meningitidis can cause a bacterial meningitis that spreads in dormitories.",
         "Neisseria meningitidis", "meningitis"),
        ("Grazing animals catch anthrax from spores of Bacillus anthracis in the soil.", "Bacillus anthracis",
         "anthrax"),
        ("Salmonella typhi is carried in the blood of people with typhoid fever.", "Salmonella typhi", "typhoid"),
    ],
)
def test_a_species_beside_the_disease_it_is_named_for_is_given_away(sentence: str, answer: str, shown: str) -> None:
    assert species_named_for(answer, *sentence.split(answer, 1)) == shown
    assert _why(sentence, answer) == f"the answer shows in the sentence as {shown!r}"


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Staphylococcus aureus is a frequent cause of skin infections.", "Staphylococcus aureus"),
        ("Escherichia coli lives in the colon of most mammals.", "Escherichia coli"),  # 'col-' is too short a share
        ("Candida albicans grows on moist skin and causes thrush.", "Candida albicans"),
        # English terms opening a sentence have a species' shape, not its Latin second name.
        ("Monetary policy means the policies of a central bank.", "Monetary policy"),
        ("Pie graphs show shares better than other graphs.", "Pie graphs"),
        ("Naturalistic observation means observing behaviour where it happens.", "Naturalistic observation"),
        ("Congenital syphilis follows untreated syphilis in the mother.", "Congenital syphilis"),
    ],
)
def test_a_species_whose_name_the_sentence_does_not_spell_is_a_fair_blank(sentence: str, answer: str) -> None:
    assert species_named_for(answer, *sentence.split(answer, 1)) is None


def test_a_term_beside_its_own_initials_is_given_away() -> None:
    sentence = "In the long run the aggregate supply curve is vertical, so the AS curve sits at potential output."
    assert initials_shown("aggregate supply curve", *sentence.split("aggregate supply curve", 1)) == "AS"
    assert _why(sentence, "aggregate supply curve") == "the answer shows in the sentence as 'AS'"
    # Other capitals are no acronym of the blank, and a sentence set in capitals has none to read.
    assert initials_shown("aggregate demand curve", "When GDP falls, the ", " shifts left.") is None
    assert initials_shown("legal tender", "THIS NOTE IS LT FOR ALL DEBTS", "") is None
    assert initials_shown("inflation", "The CPI measures ", ".") is None  # one word: no initials to spell



@pytest.mark.parametrize(
    ("sentence", "answer", "shown"),
    [
        ("C. botulinum releases botulinum toxin into spoiled canned food.", "botulinum toxin", "C. botulinum"),
        ("Bordetella pertussis releases pertussis toxin, which weakens the lining of the airways.",
         "pertussis toxin", "Bordetella pertussis"),
    ],
)
def test_a_product_named_for_the_species_in_the_sentence_is_given_away(sentence: str, answer: str,
                                                                       shown: str) -> None:
    assert named_for_shown_species(answer, *sentence.split(answer, 1)) == shown
    assert _why(sentence, answer) == f"the answer shows in the sentence as {shown!r}"


def test_a_product_with_a_name_of_its_own_is_a_fair_blank() -> None:
    sentence = "Bacillus anthracis makes lethal factor, one part of its toxin."
    assert named_for_shown_species("lethal factor", *sentence.split("lethal factor", 1)) is None
    # One word, or an everyday first word, reads nothing off the species.
    assert named_for_shown_species("botulinum", "C. botulinum makes ", ".") is None


def test_a_disease_named_in_the_virus_that_causes_it_is_given_away() -> None:
    sentence = "Varicella zoster virus usually causes adult varicella in people who missed the childhood vaccine."
    assert _why(sentence, "adult varicella") == "the answer shows in the sentence as 'varicella zoster virus'"


def test_a_blank_whose_every_word_the_sentence_says_is_given_away() -> None:
    from quizmg.generate.give_aways import every_word_shown

    sentence = "Any kiln that burns charcoal from the first firing on is called a charcoal kiln."
    assert every_word_shown("charcoal kiln", sentence[: sentence.index("charcoal kiln")], ".") == "charcoal ... kiln"
    why = _why("Rivers that carry silt to the delta build silt bars; a bar of such silt at the river mouth is a "
               "mouth bar.", "mouth bar")
    assert why is not None and "shows in the sentence" in why
    # One word of the blank the sentence does not say keeps the blank fair.
    assert every_word_shown("charcoal kiln", "Any oven that burns wood is called a ", ".") is None
    assert every_word_shown("stimulus discrimination", "stimulus generalization and ", " differ.") is None


def test_a_blank_beside_its_other_spelling_is_given_away() -> None:
    from quizmg.generate.give_aways import every_word_shown

    # '[the isovolumic ... phase], also called the isovolumetric ... phase' had passed: the spellings differ by
    # more than a short ending
    assert every_word_shown("equivolumic holding phase", "the wall stays still in the ",
                            ", also called the equivolumetric holding phase.") is not None
    # two words that only open alike are two words
    assert every_word_shown("glycolysis pathway", "", " differs from the glycogenesis pathway.") is None
    # a compound is not another spelling of its first part
    assert every_word_shown("nitrogen-fixing microbes", "Only some microbes take up nitrogen: the ", ".") is None
    assert every_word_shown("transcription factor", "", " is no translation factor.") is None
