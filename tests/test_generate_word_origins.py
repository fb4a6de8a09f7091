"""A sentence that says where a name comes from teaches what the name means: a blank on the root word or
on its meaning asks a word's history, while a blank on the term the name belongs to stays a question.

The sentences are written for these tests in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.definition_checks import askable_definition
from quizmg.generate.word_origins import origin_blank


def _origin(context: str, hidden: str) -> str | None:
    start = context.index(hidden)
    return origin_blank(hidden, context, start, start + len(hidden))


def test_the_meaning_or_the_root_after_the_origin_is_no_answer() -> None:
    assert _origin("The name quartzite comes from a German word for hard stone, which suits the rock.", "hard stone")
    assert _origin("The name basalt is derived from the Latin word for dark marble, basaltes.", "basaltes")


def test_the_word_a_sentence_gives_the_origin_of_is_no_answer() -> None:
    assert _origin("Litho also comes from Greek and means stone.", "Litho")
    assert _origin("Petro is a Latin word that means rock.", "Petro")


def test_the_term_the_name_belongs_to_stays_an_answer() -> None:
    assert _origin("Obsidian, the name of which comes from a Latin word for a black stone, is volcanic glass.",
                   "Obsidian") is None
    assert _origin("Such a crystal is called rhombic, from the Greek for a spinning top, because it turns.",
                   "rhombic") is None


def test_what_a_name_encodes_of_its_owner_stays_an_answer() -> None:
    # The name spells the owner's property: the property is the point, not the word's history.
    assert _origin("Until it is approved, a new mineral takes a name from the Latin words for its crystal habit.",
                   "crystal habit") is None


def test_a_blank_far_past_the_origin_is_judged_on_its_own() -> None:
    sentence = ("The word slate, from an old French word for splinter, was used by quarry workers long "
                "before geologists described how clay turns into metamorphic rock under pressure.")
    assert _origin(sentence, "metamorphic rock") is None


def test_a_definition_that_only_names_a_words_language_is_not_asked() -> None:
    assert not askable_definition("petro", "a Latin word that means rock")
    assert askable_definition("petrology", "the study of rocks and how they form")


def test_a_definition_that_gives_only_a_words_translation_is_not_asked() -> None:
    # 'What is the term for a German for slowing-down radiation?' read a translation as a definition.
    assert not askable_definition("Bremsstrahlung", "German for slowing-down radiation", glossary=True)
    assert not askable_definition("lapis", "latin for stone")
    assert askable_definition("German measles", "a mild viral infection that causes a red rash", glossary=True)
