"""A sentence that leaves out the noun the sentence before named ('Most are ...', 'Some may ...', 'The rest
of the week, ...'), or points at it with 'that' after a preposition ('bakers refer to that step as ...'), is
never quoted alone; one that names its own noun, or says which with a clause, stands. 'It’s' leans as 'It'
does."""

from __future__ import annotations

from quizmg.generate.elided_reference import elided_reference
from quizmg.generate.sentence_use import leans_back

LEANING = {
    "Most are kept in cellars below the old brewery.": "Most are",
    "Some may travel hundreds of kilometres to reach the coast.": "Some may",
    "Others involve a second fermentation inside the bottle.": "Others involve",
    "Each has a wooden lid that keeps the dust out.": "Each has",
    "But some also become sour if the cellar is too warm.": "But some also become",
    "The majority are sold within a week of baking.": "The majority are",
    "None was ever found in the ruins of the mill.": "None was",
    "The rest of the week, the dough rests in a cold room.": "The rest of",
    "For the remainder of the year, the kiln stands idle.": "For the remainder of",
    "Bakers refer to that step as proving the dough.": "to that step",
    "The crust of that loaf is darker than the crumb.": "of that loaf",
    "For that reason, rye flour is mixed with wheat flour.": "For that reason",
}

STANDING = [
    "Most breads are baked at a high temperature.",  # the quantifier has its noun
    "Some forms of yeast survive freezing.",  # 'forms' is a noun here
    "Each oven has a chimney of its own.",
    "Most of the dough is water and flour.",  # a phrase says of what
    "Some argue that sourdough is easier to digest.",  # people
    "Many have argued that bread prices follow the harvest.",
    "The rest of the world buys its rye from the plains.",  # a place of its own
    "A miller sells flour to a baker and buys grain from that baker.",  # named before in the sentence
    "The crumb of rye bread is similar to that seen in pumpernickel.",  # 'that' as a pronoun
    "Starch is stored in that part of the grain which feeds the seedling.",  # a clause says which
]


def test_a_left_out_or_pointed_noun_leans_on_the_sentence_before() -> None:
    for text, words in LEANING.items():
        assert elided_reference(text) == words, text
        assert leans_back(text) is not None, text
    assert [text for text in STANDING if elided_reference(text) is not None] == []


def test_it_s_leans_as_it_does() -> None:
    assert leans_back("It’s not only the crust that turns brown.") is not None
    assert leans_back("It's baked twice, which makes it dry.") is not None



# Any verb with its object after a bare quantifier: the word a determiner follows is the verb, and the quantifier
# still stands for nothing. A noun of time or a preposition there opens a phrase, a verb of saying or thinking means
# people, and a noun after the quantifier brings its own verb.
OBJECT_LEANING = {
    "Some trigger the rise of the dough overnight.": "Some trigger the",
    "Others regulate the heat of the oven.": "Others regulate the",
    "Each transcribes a different page of the ledger.": "Each transcribes a",
    "However, several absorb an unusual amount of water.": "However, several absorb an",
}
OBJECT_STANDING = [
    "Each time the lever drops, a loaf slides out.",
    "All around the town, bakers open before dawn.",
    "Some cite the price of flour as the cause.",
    "Many regarded the new ovens as a danger.",
    "Some bakers trigger the rise with warm water.",
    "Most loaves need an hour in the oven.",
    "Now all but the smallest bakeries sell rye.",
]


def test_a_bare_quantifier_before_any_verb_and_its_object_leans() -> None:
    for text, words in OBJECT_LEANING.items():
        assert elided_reference(text) == words, text
        assert leans_back(text) is not None, text
    assert [text for text in OBJECT_STANDING if elided_reference(text) is not None] == []
