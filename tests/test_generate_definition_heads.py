"""Where a definition's head noun ends decides its article in 'What is the term for ...?'.

A preposition after the head closes it ('points about which ...' is plural: no 'a'); a word in -ing before a
bare singular noun that a participle or a relative clause follows describes that noun ('a polishing wheel
used to ...'), while a gerund with its object stays an action with no article. Every text here is written
for the test, in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.short_answers import term_prompt, with_article


def test_a_preposition_after_a_plural_head_keeps_the_article_out() -> None:
    assert with_article("lines around which the wheel appears to turn") == (
        "lines around which the wheel appears to turn")
    assert with_article("turns per minute") == "turns per minute"
    assert term_prompt("stones along which the river once ran", "old banks") == (
        "What is the term for stones along which the river once ran?")
    # A singular head before the same preposition still takes its article.
    assert with_article("line around which the wheel turns") == "a line around which the wheel turns"


def test_an_ing_word_before_a_described_noun_takes_the_article() -> None:
    assert with_article("polishing wheel used to smooth the face of a gem") == (
        "a polishing wheel used to smooth the face of a gem")
    assert with_article("sorting method in which cards are split into piles") == (
        "a sorting method in which cards are split into piles")
    assert with_article("listening device that records birdsong") == "a listening device that records birdsong"
    assert with_article("heating lens that gathers sunlight") == "a heating lens that gathers sunlight"


def test_a_gerund_with_its_object_stays_an_action() -> None:
    assert with_article("praising effort only now and then") == "praising effort only now and then"
    assert with_article("finding music without a list") == "finding music without a list"
    assert with_article("grouping pupils by the marks they earn") == "grouping pupils by the marks they earn"
    assert with_article("adding a reward to raise a habit") == "adding a reward to raise a habit"
    assert with_article("learning that happens without a reward") == "learning that happens without a reward"


def test_a_definition_opening_on_a_persons_name_and_possessive_keeps_it_as_written() -> None:
    # 'Clara Voss’s plan ...' owns its noun: no 'a' before it, and the given name keeps its capital.
    assert term_prompt("Clara Voss’s plan to rebuild the harbour after the flood", "Harbour Plan") == (
        "What is the term for Clara Voss’s plan to rebuild the harbour after the flood?"
    )
    assert with_article("New Amsterdam’s first charter of trade") == "New Amsterdam’s first charter of trade"
    assert with_article("charter of trade granted by the city") == "a charter of trade granted by the city"
    # a name of two capitalised words opening the definition keeps its capitals after the article
    assert with_article("Baltic Guard officer who held the port") == "a Baltic Guard officer who held the port"


def test_a_definition_that_opens_on_a_date_takes_no_article() -> None:
    # 'March 3, 1899, when the dam broke ...' names a day: 'a march 3' read as a kind of thing.
    assert with_article("March 3, 1899, when the dam above the town broke") == (
        "March 3, 1899, when the dam above the town broke")


def test_a_participle_not_made_with_ed_ends_a_plural_head() -> None:
    # 'sounds heard ...' had become 'a sounds heard ...': 'heard' was read as the head noun
    assert with_article("sounds heard through a stethoscope over the chest") == (
        "sounds heard through a stethoscope over the chest")
    assert with_article("signal sent to the brain by a receptor") == "a signal sent to the brain by a receptor"
    assert with_article("crystals grown in a cooling solution") == "crystals grown in a cooling solution"


def test_a_head_its_own_verb_shows_plural_takes_no_article() -> None:
    # A head in '-ics' reads as a singular ('genetics'); 'that are' after it says it is a plural, as it does for a
    # Latin plural the word lists do not hold and for a head ending on a number.
    assert with_article("outward characteristics that are passed on by genes") == (
        "outward characteristics that are passed on by genes")
    assert with_article("small ganglia that are found beside the gut wall") == (
        "small ganglia that are found beside the gut wall")
    assert with_article("lower ribs 9–10 that do not reach the breastbone") == (
        "lower ribs 9–10 that do not reach the breastbone")
    # ... a verb of a noun further on says nothing of the head
    assert with_article("class of tools that are used for cutting") == "a class of tools that are used for cutting"
    assert with_article("branch of physics that is about heat") == "a branch of physics that is about heat"
