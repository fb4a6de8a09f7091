"""Names that answer for themselves, and a list that is not one.

Seen on held-out set 8 (micro, arboviruses and bacterial infections): 'Eastern equine encephalitis virus
(EEEV)' was read as 'equine encephalitis virus' with 'Eastern' left over ('How can eastern EEEV lead to
severe disease?'); a blank or a choice beside the virus named after its disease ('[EEE] is caused by EEEV')
gives itself away; and 'For louseborne relapsing fever, doxycycline or erythromycin are the first-line
antibiotics' was read as a list of three, so two drugs became wrong choices beside a disease.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.acronym_expansion import schwartz_hearst
from quizmg.generate.built_on import built_on_answer
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.term_lists import listed_terms
from quizmg.generate.terms import simplify


def test_an_acronym_with_one_word_per_letter_takes_the_whole_name() -> None:
    assert schwartz_hearst(["the", "Rift", "Valley", "fever", "virus"], "RVFV") == "Rift Valley fever virus"
    name = ["Eastern", "equine", "encephalitis", "virus"]
    assert schwartz_hearst(name, "EEEV") == " ".join(name)
    assert simplify("Venezuelan equine encephalitis virus (VEEV) infects horses.") == "VEEV infects horses."
    # Without one word per letter, the shortest run that spells it, as before.
    assert schwartz_hearst(["the", "enzyme", "reverse", "transcriptase"], "RT") == "reverse transcriptase"


def test_a_blank_beside_the_virus_named_after_it_gives_itself_away() -> None:
    assert built_on_answer("RVF", "", " is caused by RVFV, which also infects sheep.")
    assert built_on_answer("RVFV", "RVF is caused by ", ", which also infects sheep.")
    assert built_on_answer("RVF", "Mosquitoes carry ", " to sheep.") is None


def _lists(sentence: str) -> list[list[str]]:
    document = read_document(f"# Fevers\n\n{sentence}\n", Path("fevers.md"))
    terms = find_terms(document)
    lists = []
    for sentence in document.sentences:
        text = simplify(sentence.text)
        found = sorted(terms.occurrences(text), key=lambda item: item[0])
        lists += [[term.text.lower() for _, _, term in items] for items in listed_terms(text, found)]
    return lists


def test_a_phrase_opening_the_sentence_is_no_item_of_the_list_after_its_comma() -> None:
    opening = ("For **trench fever**, **ceftriaxone** or **azithromycin** are the usual antibiotics. "
               "**Trench fever**, **scrub typhus** and **Q fever** are rickettsial diseases.")
    lists = _lists(opening)
    assert ["ceftriaxone", "azithromycin"] in lists, lists
    assert not any("trench fever" in items and "ceftriaxone" in items for items in lists), lists
    assert any(items[0] == "trench fever" and "q fever" in items for items in lists), lists  # a list at the start
