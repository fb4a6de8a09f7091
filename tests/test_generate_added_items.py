"""'... as well.' or '..., too.' closing a sentence adds one more item to what the sentence before told ('Dust storms
dim the sky as well.': as well as what?). A sentence that holds both items itself stands: a clause joined by 'and'
or 'but', an opening clause that pairs them, 'also', a second phrase after 'and', or the word it adds to said
twice."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.added_items import unstated_addend

LEANING = {
    "Dust storms dim the sky as well.": "as well",
    "Small bakeries sell bread at weekend markets, too.": "too",
    "Furthermore, a cracked tile lets rain into the roof as well.": "as well",
    "The river and its delta flooded as well.": "as well",  # 'and' joins the subject only
    "There are other ways to preserve fruit, too.": "too",
}

STANDING = [
    "Warm air rises, and the moist air above the lake rises as well.",
    "As the price of flour rises, the price of bread rises as well.",
    "If there was a harbour here, perhaps there was a town too.",
    "Hail damages the leaves but can break the stems as well.",
    "Moss grows on the north side of trees and on damp stones as well.",
    "Good cast iron pans are good oven dishes, too.",  # the word it adds to is said twice
    "Bakers use yeast as well as sourdough starters.",  # 'as well as' names its own item
    "The glaze also protects the pot from water as well.",
]


def test_an_item_added_to_nothing_the_sentence_names_leans_back() -> None:
    assert_leaning(unstated_addend, LEANING, STANDING)
