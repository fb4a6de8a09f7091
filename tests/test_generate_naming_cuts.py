"""A long definition said with a verb of naming ('X refers to Y') is cut at its first comma only where the
phrase before the comma is whole and what follows merely adds to it: never before a condition the
definition holds under ('..., even if ...', '..., no matter how ...'), never inside a list, never after a
word that needs what follows. Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.naming import naming_definition


def test_a_condition_after_the_comma_stays_in_the_definition() -> None:
    assert naming_definition(
        "Tide memory refers to the habit of coastal birds to return to the same feeding flats, even if the "
        "flats are flooded.") == ("Tide memory", "the habit of coastal birds to return to the same feeding "
                                  "flats, even if the flats are flooded")
    assert naming_definition(
        "Rigid pricing refers to the case in which a rise in the cost of grain, no matter how steep, leaves "
        "the price of bread unchanged.") == ("Rigid pricing", "the case in which a rise in the cost of grain, "
                                             "no matter how steep, leaves the price of bread unchanged")


def test_a_list_is_never_cut_after_its_first_item() -> None:
    assert naming_definition(
        "Loom setup refers to a chosen mix of yarn, trained weavers, and frames that makes up one way of "
        "weaving cloth.") == ("Loom setup", "a chosen mix of yarn, trained weavers, and frames that makes "
                              "up one way of weaving cloth")
    assert naming_definition(
        "Grooming refers to the cleaning of a horse by a stable hand who will brush, comb, and wash its coat "
        "every morning.")[1].endswith("wash its coat every morning")


def test_a_phrase_that_is_whole_is_still_cut_before_an_addition() -> None:
    assert naming_definition(
        "River guild refers to a trade that has more than a few boat owners, each running a ferry of "
        "its own on the river.") == ("River guild", "a trade that has more than a few boat owners")
