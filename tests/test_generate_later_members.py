"""A later member of a list the text walks through leans on the sentence that set the list out: with no noun
('The second would be to ...', 'The first holds that ...', 'First is the ...', 'Next were ...') or as an example
of what the sentence before said ('An example is ...', 'A classic example was ...'). And a blank that only names
the text's next member of a kind ('The third kind of knot is the [...]. ') fits every member: what sets it apart
is in the sentence after. An order the subject has ('The second stage of a frog's life is ...') stands."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.back_reference import refers_back
from quizmg.generate.context import pointer_blank

LEANING = {
    "The second would be to weigh the parcel before it is posted.": "The second would",
    "The first holds that rivers cut their valleys over millions of years.": "The first holds",
    "The other relies on counting the rings of a felled tree.": "The other relies",
    "First is the sheepshank, a knot that shortens a rope.": "First is",
    "Second are the small hill farms that grow barley and oats.": "Second are",
    "Next were the wool mills along the river.": "Next were",
    "An example is the barn owl, which hunts by sound alone.": "An example is",
    "A classic example was the tulip craze in the Dutch markets.": "A classic example was",
    "Some examples include the clove hitch and the bowline.": "Some examples include",
    "A good example would be a kettle left on a hot stove.": "A good example would be",
}

STANDING = [
    "One can tie a bowline with one hand.",  # 'one' is anyone
    "One must keep the rope dry to stop it rotting.",
    "First is the sheepshank knot, which shortens a rope without cutting it.",  # a clause says what it is
    "An example of a slip knot is the noose.",  # says of what
    "The first settlers to reach the valley grew barley.",  # a noun of its own
    "The first cells to appear in a wound are platelets.",
]


def test_a_later_member_with_no_noun_or_an_example_of_nothing_leans_back() -> None:
    assert_leaning(refers_back, LEANING, STANDING)


def test_the_text_s_next_member_of_a_kind_is_never_the_blank() -> None:
    assert pointer_blank("sheepshank", "The third kind of knot is the ", ".") is not None
    assert pointer_blank("tariffs", "The second factor that sets the price of wool is ", ".") is not None
    assert pointer_blank("barter", "The final category of trade is ", ".") is not None
    # An order the subject has, and something said of the member, stay.
    assert pointer_blank("tadpole", "The second stage of a frog's life is the ", ".") is None
    assert pointer_blank("sheepshank", "The third kind of knot is the ", ", which shortens a rope.") is None
