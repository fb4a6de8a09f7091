"""A bare 'this' or 'these' in a sentence's first clause, as its object or a later subject, stands for what the
sentence before told: the sentence leans on it. A noun after it, or a clause of the sentence's own before it, and it
stands."""

from __future__ import annotations

from quizmg.generate.object_pointer import bare_object
from quizmg.generate.sentence_use import leans_back

LEANING = {
    "Bakers achieve this by folding the dough twice.": "Bakers achieve this",
    "Some cooks use these to thicken a sauce.": "Some cooks use these",
    "Careful tests showed this to be a myth.": "Careful tests showed this",
    "In a cold kitchen, the yeast cannot do this.": "In a cold kitchen, the yeast cannot do this",
    "At the same time this is happening, the crust turns brown.": "At the same time this",
    "Among these are two kinds of sourdough.": "Among these",
    "But of course this was only a rumour.": "But of course this",
}
STANDING = [
    "Bakers use this method to keep the crumb soft.",  # 'this' heads a noun
    "The dough rises, and this is why the loaf is light.",  # a clause of its own before it
    "Yeast makes gas; this lifts the dough.",
    "The oven that does this is called a proofer.",
    "Flour, water and salt are all this bread needs.",
    "Rye bread keeps for a week in a cool larder.",
    "If the loaf is sliced warm, this is called a baker's mistake.",  # an opening clause of its own
    "The trick of a good crust is this: bake it hot and fast.",  # a colon points ahead
    "Each tin is greased along its inner walls, thus protecting these.",  # a clause before the comma
]


def test_a_bare_this_in_the_first_clause_leans_on_the_sentence_before() -> None:
    for text, words in LEANING.items():
        assert bare_object(text) == words, text
        assert leans_back(text) is not None, text
    assert [text for text in STANDING if bare_object(text) is not None] == []
