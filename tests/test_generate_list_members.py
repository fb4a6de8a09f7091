"""A blank that is one member of a list or pair has several right answers: the shapes a textbook writes."""

from __future__ import annotations

import pytest

from quizmg.generate.list_members import list_item, one_of_many


def _split(sentence: str) -> tuple[str, str]:
    before, _, after = sentence.partition("[...]")
    return before, after


MEMBERS = [
    # the first item after a preposition or possessive, or at the head of the sentence
    "Mild cases are treated with [...], rest, and fluids.",
    "She showed no fear in her [...], voice, or posture.",
    "They worked as [...], herders, and carters on the ranches.",
    "[...], copper, and zinc are typical trace metals.",
    "Knowing the loan's [...], term, and fees tells you its cost.",
    # a middle item with its own phrase, before the last
    "Prices differ by region, season, [...] of the buyer, and size of the order.",
    # an item with its article between two others that take one
    "The clinic employs a nurse, a [...], a pharmacist and a cook.",
    # the last item after 'or even', or with its article after two or more
    "Loans come from banks, friends, or even [...].",
    "The tour passes the lake, the mill, the church, and the [...].",
    # an item of a list set off by semicolons
    "Rocks weather by several means, such as frost, which splits them; [...]; roots; and acid rain.",
    "Rocks weather by frost; roots; and [...].",
    # one more member, named by its class alone: what sets it apart is in another sentence
    "Another rule by which the eye groups shapes is [...].",
    "Another cell that lines the gut is the [...].",  # what narrows the class narrows it for all its members
    "Two further kinds of erosion are abrasion and [...].",
    "A teacher may also use the principle of [...] to seat pupils.",
    # what the sentence adds to: it is about something else
    "In addition to [...], the town may raise its fees.",
    "Voters argue over whether, besides [...], the council should cut spending.",
]

NOT_MEMBERS = [
    "A [...] is a deep crack in a glacier.",
    "In the [...], proteins fold, and the cell divides.",  # a clause opens the sentence
    "Water is found in the [...], where it freezes, and in lakes.",  # a clause after the blank
    "Known as the [...], Mara and her crew sailed the coast for years.",  # an opening phrase, then the clause
    "Some algae live as [...], drawing food from light or from water, depending on the season.",
    "The viruses of the gut, known as [...], are still poorly studied, and few tools exist.",
    "Insulin, a [...] made by the pancreas, lowers blood sugar.",  # an aside, not a list
    "Like [...], the second infection is diagnosed by sight.",  # a comparison (contrasts.py)
    "Separation of the [...] and chlorine prevents recombination.",  # a pair the sentence is about
    "The water boils, and the [...] rises.",  # two clauses
    "The loan's [...], which the bank sets, rises each year.",  # an aside, not a list
    "When prices rise, [...] of the buyer, and not the seller, decides.",  # one comma item before
    "The enzyme breaks down [...], a sugar found in milk.",
    "In patients with [...], rest can often shorten the illness, and fluids help.",  # an opening phrase
    "Other emotions have been linked with [...], including fear and anger.",  # examples of the blank
    "The cause of the illness, the [...], is a small virus.",  # an aside with its article
    "Another kind of rock is [...], a stone laid down in thin layers.",  # the member's own description follows
    "Another class of enzymes is the [...] that cut proteins.",
    "The lake was drained in addition to the [...] on its bank.",  # no opening 'in addition to'
]


@pytest.mark.parametrize("sentence", MEMBERS)
def test_a_member_of_a_list_or_pair_is_found(sentence: str) -> None:
    before, after = _split(sentence)
    assert one_of_many(before, after) is not None
    assert list_item(before, after)


@pytest.mark.parametrize("sentence", NOT_MEMBERS)
def test_a_blank_that_is_no_member_is_left_alone(sentence: str) -> None:
    before, after = _split(sentence)
    assert one_of_many(before, after) is None
    assert not list_item(before, after)
